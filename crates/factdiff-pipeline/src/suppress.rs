//! Inline suppression: findings at lines that a `factdiff-disable` comment covers are
//! dropped, and a directive that suppressed nothing is itself reported, as an
//! `unused-suppression` finding of severity info.
//!
//! The comments are read by factdiff-corpus when it reads a Markdown or HTML article
//! ([`factdiff_corpus::suppress`], where their syntax is documented); the analyses
//! never see them. A finding is suppressed when one of its locations starts on a
//! covered line: a passage that article B repeats from article A on purpose is
//! suppressed in B, whichever of the two the finding names first.

use std::collections::{BTreeMap, BTreeSet};

use factdiff_corpus::Corpus;
use factdiff_corpus::suppress::Directive;
use factdiff_findings::{Category, Finding, Location, Role, Severity};

/// The rule ID of an unused suppression.
pub const UNUSED_RULE: &str = "unused-suppression";

/// The directives of the corpus's articles, by path (one Markdown or HTML file is
/// one article).
fn directives(corpus: &Corpus) -> BTreeMap<&str, &[Directive]> {
    corpus
        .articles
        .iter()
        .filter(|a| !a.suppressions.is_empty())
        .map(|a| (&*a.path, &*a.suppressions))
        .collect()
}

/// Drops the findings that the corpus's suppression comments cover and adds one
/// `unused-suppression` finding for each directive that suppressed nothing,
/// fingerprinted with its path passed through `fingerprint_path` (as the other
/// findings were). Returns how many were suppressed.
pub fn apply(
    findings: &mut Vec<Finding>,
    corpus: &Corpus,
    fingerprint_path: &dyn Fn(&str) -> String,
) -> usize {
    apply_directives(findings, &directives(corpus), fingerprint_path)
}

fn apply_directives(
    findings: &mut Vec<Finding>,
    directives: &BTreeMap<&str, &[Directive]>,
    fingerprint_path: &dyn Fn(&str) -> String,
) -> usize {
    let mut used: BTreeSet<(String, usize)> = BTreeSet::new();
    let before = findings.len();
    findings.retain(|finding| {
        let mut suppressed = false;
        for loc in &finding.locations {
            let Some(dirs) = directives.get(loc.path.as_str()) else {
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
            if used.contains(&((*path).to_owned(), idx)) {
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
                path: (*path).to_owned(),
                line: d.line,
                column: d.column,
                end_line: d.line,
                end_column: d.column + d.text.chars().count() as u32,
                byte_start: 0,
                byte_end: 0,
                field: None,
                article: None,
                text: d.text.as_str().into(),
            };
            let mut finding = Finding::new(
                UNUSED_RULE,
                Category::Style,
                Severity::Info,
                format!("this suppression of {what} suppresses nothing; remove it"),
                vec![loc],
            );
            finding.refingerprint(fingerprint_path);
            unused.push(finding);
        }
    }
    findings.extend(unused);
    factdiff_findings::finalize(findings);
    n_suppressed
}

#[cfg(test)]
mod tests {
    use super::*;

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
            text: format!("x{line}").into(),
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
        let parsed = factdiff_corpus::suppress::parse(text);
        let directives = BTreeMap::from([("a.md", parsed.as_slice())]);
        let mut findings = vec![
            finding("count-mismatch", "a.md", 2),
            finding("count-mismatch", "a.md", 4),
            finding("count-mismatch", "b.md", 2),
        ];
        assert_eq!(
            apply_directives(&mut findings, &directives, &|p| p.to_owned()),
            1
        );
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
