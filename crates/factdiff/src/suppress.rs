//! Inline suppression in Markdown and HTML articles.
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
//! line after the comment. A finding is suppressed when one of its locations starts
//! on a covered line: a passage that article B repeats from article A on purpose is
//! suppressed in B, whichever of the two the finding names first. A directive that suppressed nothing is itself reported, as an
//! `unused-suppression` finding of severity info. The comments are read from the
//! files as stored; the analyses never see them (Markdown comments are text to them,
//! HTML comments are not visible text).

use std::collections::BTreeMap;
use std::path::Path;

use factdiff_corpus::{Corpus, Format};
use factdiff_findings::{Category, Finding, Location, Role, Severity};

/// The rule ID of an unused suppression.
pub const UNUSED_RULE: &str = "unused-suppression";

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
    /// The first and last line it covers.
    pub first: u32,
    pub last: u32,
}

impl Directive {
    fn covers(&self, rule: &str, line: u32) -> bool {
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
            let (_, column) = factdiff_corpus::line_column(line_text, &[0], offset + start);
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

/// The directives of every Markdown and HTML file of the corpus, by path, read in
/// parallel. A Markdown article's text is its file as stored, comments included; an
/// HTML file is read again, as its article holds only the visible text.
pub fn directives(corpus: &Corpus, cwd: &Path) -> BTreeMap<String, Vec<Directive>> {
    use rayon::prelude::*;
    let mut seen = std::collections::BTreeSet::new();
    let files: Vec<&factdiff_corpus::Article> = corpus
        .articles
        .iter()
        .filter(|a| matches!(a.format, Format::Markdown | Format::Html))
        .filter(|a| seen.insert(a.path.as_str()))
        .collect();
    files
        .par_iter()
        .filter_map(|article| {
            let found = match article.format {
                Format::Markdown => scan(&article.text),
                _ => {
                    // A file that has gone since it was read has no directives.
                    let bytes = std::fs::read(cwd.join(&article.path)).ok()?;
                    scan(&String::from_utf8_lossy(&bytes))
                }
            };
            (!found.is_empty()).then(|| (article.path.clone(), found))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

fn scan(text: &str) -> Vec<Directive> {
    if text.contains("factdiff-") {
        parse(text)
    } else {
        Vec::new()
    }
}

/// Drops the suppressed findings and adds one `unused-suppression` finding for each
/// directive that suppressed nothing. Returns how many were suppressed.
pub fn apply(findings: &mut Vec<Finding>, directives: &BTreeMap<String, Vec<Directive>>) -> usize {
    let mut used: std::collections::BTreeSet<(String, usize)> = Default::default();
    let before = findings.len();
    findings.retain(|finding| {
        let mut suppressed = false;
        for loc in &finding.locations {
            let Some(dirs) = directives.get(&loc.path) else {
                continue;
            };
            for (idx, d) in dirs.iter().enumerate() {
                if d.covers(&finding.rule, loc.line) {
                    used.insert((loc.path.clone(), idx));
                    suppressed = true;
                }
            }
        }
        !suppressed
    });
    let n_suppressed = before - findings.len();
    let mut unused = Vec::new();
    for (path, dirs) in directives {
        for (idx, d) in dirs.iter().enumerate() {
            if used.contains(&(path.clone(), idx)) {
                continue;
            }
            let what = if d.rules.is_empty() {
                "any rule".to_owned()
            } else {
                d.rules
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let loc = Location {
                role: Role::Primary,
                path: path.clone(),
                line: d.line,
                column: d.column,
                end_line: d.line,
                end_column: d.column + d.text.chars().count() as u32,
                byte_start: 0,
                byte_end: 0,
                field: None,
                article: None,
                text: d.text.clone(),
            };
            unused.push(Finding::new(
                UNUSED_RULE,
                Category::Style,
                Severity::Info,
                format!("this suppression of {what} suppresses nothing; remove it"),
                vec![loc],
            ));
        }
    }
    findings.extend(unused);
    factdiff_findings::finalize(findings);
    n_suppressed
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

    fn finding(rule: &str, path: &str, line: u32) -> Finding {
        let loc = Location {
            role: Role::Primary,
            path: path.into(),
            line,
            column: 1,
            end_line: line,
            end_column: 2,
            byte_start: 0,
            byte_end: 1,
            field: None,
            article: None,
            text: format!("x{line}"),
        };
        Finding::new(
            rule,
            Category::Contradiction,
            Severity::Error,
            "m",
            vec![loc],
        )
    }

    #[test]
    fn suppresses_and_reports_unused() {
        let text = "<!-- factdiff-disable-next-line count-mismatch -->\nx\n<!-- factdiff-disable-next-line overlap -->\ny\n";
        let directives = BTreeMap::from([("a.md".to_owned(), parse(text))]);
        let mut findings = vec![
            finding("count-mismatch", "a.md", 2),
            finding("count-mismatch", "a.md", 4),
            finding("count-mismatch", "b.md", 2),
        ];
        assert_eq!(apply(&mut findings, &directives), 1);
        let got: Vec<_> = findings
            .iter()
            .map(|f| {
                (
                    f.rule.as_str(),
                    f.locations[0].path.as_str(),
                    f.locations[0].line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("unused-suppression", "a.md", 3),
                ("count-mismatch", "a.md", 4),
                ("count-mismatch", "b.md", 2)
            ]
        );
        assert_eq!(findings[0].severity, Severity::Info);
    }
}
