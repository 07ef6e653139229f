//! The rules' metadata for reports that list rules (SARIF's `tool.driver.rules`),
//! made from the rule kinds themselves: a kind's [`KindInfo`] gives the category and
//! the one-line summary, its doc comment the full description ("What it does") and
//! the help ("Why is this bad?"). There is no table to keep in step: a new kind, or
//! a rule file of the user's, is described as soon as it exists.

use factdiff_findings::RuleMeta;

use crate::kinds::KindInfo;
use crate::{Rule, RuleSet};

impl KindInfo {
    /// The text of one `## NAME` section of the kind's doc, without its heading:
    /// the lines of a paragraph joined by spaces, paragraphs and code blocks kept
    /// apart by a blank line. `None` when the doc has no such section.
    pub fn section(&self, name: &str) -> Option<String> {
        let doc = self.doc();
        let heading = format!("## {name}");
        let mut lines = doc.lines().skip_while(|line| line.trim_end() != heading);
        lines.next()?;
        let mut blocks: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut in_code = false;
        for line in lines {
            if !in_code && line.starts_with("## ") {
                break;
            }
            if line.starts_with("```") {
                in_code = !in_code;
                current.push_str(line);
                current.push('\n');
                if !in_code {
                    blocks.push(std::mem::take(&mut current).trim_end().to_owned());
                }
                continue;
            }
            if in_code {
                current.push_str(line);
                current.push('\n');
            } else if line.trim().is_empty() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(line.trim());
            }
        }
        if !current.is_empty() {
            blocks.push(current.trim_end().to_owned());
        }
        Some(blocks.join("\n\n"))
    }
}

/// The metadata of one rule: its ID and severity as the rule file sets them, the
/// rest from its kind. A rule file's `description` replaces the kind's summary.
pub fn rule_meta(rule: &Rule) -> RuleMeta {
    let info = rule.kind.info();
    let summary = rule.description.as_deref().unwrap_or(info.summary);
    let why = info.section("Why is this bad?").unwrap_or_default();
    RuleMeta {
        id: rule.id.clone(),
        name: RuleMeta::name_of(&rule.id),
        category: info.category,
        default_severity: rule.severity,
        short: sentence_case(summary),
        full: info.section("What it does").unwrap_or_default(),
        help: format!(
            "{why}\n\n`factdiff rules explain {}` documents the rule, its options and examples.",
            rule.id
        ),
    }
}

impl RuleSet {
    /// The metadata of every rule in the set, enabled or not, in ID order.
    pub fn catalog(&self) -> Vec<RuleMeta> {
        self.rules().map(rule_meta).collect()
    }
}

/// `the same count` -> `The same count`.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use factdiff_findings::Severity;

    use super::*;
    use crate::kinds::Kind;

    #[test]
    fn every_kind_is_described_from_its_doc() {
        let set = RuleSet::builtin();
        let catalog = set.catalog();
        let ids: Vec<&str> = catalog.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, Kind::ids());
        for (meta, kind) in catalog.iter().zip(Kind::ALL) {
            let info = kind.info();
            assert_eq!(meta.category, info.category);
            assert!(meta.short.starts_with(char::is_uppercase), "{}", meta.id);
            assert!(
                meta.full.starts_with("Reports "),
                "{}: {}",
                meta.id,
                meta.full
            );
            assert!(!meta.full.contains("## "), "{}", meta.id);
            assert!(!meta.full.contains("//!"), "{}", meta.id);
            let why = info.section("Why is this bad?").unwrap();
            assert!(
                !why.is_empty() && meta.help.starts_with(&why),
                "{}",
                meta.id
            );
        }
    }

    #[test]
    fn sections_join_lines_and_keep_code_blocks() {
        let info = Kind::FactMismatch.info();
        let what = info.section("What it does").unwrap();
        assert!(what.starts_with("Reports a claim that contradicts a fact declared in a fact sheet (`rules/facts/*.toml`, or"));
        assert!(what.contains("\n\n```toml\n[[fact]]\nid = \"un-member-states\"\n"));
        assert!(what.ends_with("applies only to articles dated within them."));
        assert!(info.section("No such section").is_none());
    }

    #[test]
    fn a_user_rule_is_described_with_its_id_severity_and_description() {
        let set = RuleSet::from_sources(&[(
            "mine/strict.toml",
            "id = \"strict-counts\"\nkind = \"count-mismatch\"\nseverity = \"warning\"\n\
             description = \"counts in the annual report\"\n",
        )])
        .unwrap();
        let meta = &set.catalog()[0];
        assert_eq!(meta.id, "strict-counts");
        assert_eq!(meta.name, "StrictCounts");
        assert_eq!(meta.default_severity, Severity::Warning);
        assert_eq!(meta.short, "Counts in the annual report");
        assert_eq!(
            meta.full,
            Kind::CountMismatch.info().section("What it does").unwrap()
        );
        assert!(meta.help.ends_with(
            "`factdiff rules explain strict-counts` documents the rule, its options and examples."
        ));
    }
}
