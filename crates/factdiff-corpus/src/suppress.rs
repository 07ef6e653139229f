//! Inline suppression comments in Markdown and HTML articles.
//!
//! ```markdown
//! <!-- factdiff-disable count-mismatch, date-mismatch -->
//! ... no finding of these rules is reported here ...
//! <!-- factdiff-enable -->
//! <!-- factdiff-disable-next-line overlap -->
//! This line may repeat another article.
//! ```
//!
//! `factdiff-disable` without a rule disables every rule; it lasts until a
//! `factdiff-enable` (or the end of the file). `factdiff-disable-next-line` covers the
//! line after the comment. The directives are read here, once, when the article is
//! read: from a Markdown file as stored and from an HTML file's source (its comments
//! are not visible text). Applying them to findings is the pipeline's work.

/// One directive and the lines it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The comment's line.
    pub line: u32,
    /// Its 1-based column.
    pub column: u32,
    /// The comment as written.
    pub text: String,
    /// The rules it names; empty means every rule.
    pub rules: Vec<String>,
    /// The first line it covers.
    pub first: u32,
    /// The last line it covers.
    pub last: u32,
}

impl Directive {
    /// Whether it covers findings of `rule` on file line `line`.
    pub fn covers(&self, rule: &str, line: u32) -> bool {
        (self.first..=self.last).contains(&line)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// The directives of one file's text, in order.
pub fn parse(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut open: Vec<Directive> = Vec::new();
    let n_lines = text.lines().count() as u32;
    for (idx, line_text) in text.lines().enumerate() {
        let line = idx as u32 + 1;
        let mut rest = line_text;
        let mut offset = 0;
        while let Some(start) = rest.find("<!--") {
            let Some(len) = rest[start..].find("-->") else {
                break;
            };
            let comment = &rest[start..start + len + 3];
            let inner = comment[4..comment.len() - 3].trim();
            let (_, column) = crate::line_column(line_text, &[0], offset + start);
            let (word, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            let rules: Vec<String> = args
                .split([',', ' ', '\t'])
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect();
            let directive = |first, last| Directive {
                line,
                column,
                text: comment.to_owned(),
                rules: rules.clone(),
                first,
                last,
            };
            match word {
                "factdiff-disable-next-line" => out.push(directive(line + 1, line + 1)),
                "factdiff-disable" => open.push(directive(line, n_lines.max(line))),
                "factdiff-enable" => {
                    // Closes the directives for the rules it names, or all of them.
                    let (closed, kept): (Vec<_>, Vec<_>) = open.drain(..).partition(|d| {
                        rules.is_empty() || d.rules.iter().any(|r| rules.contains(r))
                    });
                    open = kept;
                    for mut d in closed {
                        d.last = line;
                        out.push(d);
                    }
                }
                _ => {}
            }
            offset += start + len + 3;
            rest = &rest[start + len + 3..];
        }
    }
    out.extend(open);
    out.sort_by_key(|d| (d.line, d.column));
    out
}

/// The directives of a file's text, or none when it names no directive (cheap).
pub(crate) fn scan(text: &str) -> Vec<Directive> {
    if text.contains("factdiff-") {
        parse(text)
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_next_line_and_rules() {
        let text = "a\n<!-- factdiff-disable count-mismatch, date-mismatch -->\nb\nc\n<!-- factdiff-enable -->\nd <!-- factdiff-disable-next-line -->\ne\n<!-- factdiff-disable overlap -->\nf\n";
        let d = parse(text);
        assert_eq!(d.len(), 3);
        assert_eq!(
            (d[0].line, d[0].first, d[0].last, d[0].rules.clone()),
            (
                2,
                2,
                5,
                vec!["count-mismatch".to_owned(), "date-mismatch".to_owned()]
            )
        );
        assert_eq!(
            (d[1].line, d[1].column, d[1].first, d[1].last),
            (6, 3, 7, 7)
        );
        assert!(d[1].rules.is_empty());
        assert_eq!((d[2].first, d[2].last), (8, 9));
        assert!(d[0].covers("date-mismatch", 3));
        assert!(!d[0].covers("overlap", 3));
        assert!(!d[0].covers("date-mismatch", 6));
        assert!(d[1].covers("anything", 7));
        assert!(!d[1].covers("anything", 6));
    }
}
