//! The docs of the rules, for the reports that list rules (SARIF's
//! `tool.driver.rules`).
//!
//! The rule engine describes the rules of the set in use from its rule kinds
//! ([`RuleSet::catalog`]: the kinds' summaries and doc comments, the rule files' IDs
//! and severities), so a new kind or a user's rule file is listed without an edit
//! here. This file adds only what is not a rule kind: the overlap engine's `overlap`
//! and the CLI's own `unused-suppression`.

use factdiff_findings::{Category, RuleMeta, Severity};
use factdiff_rules::RuleSet;

use crate::OverlapConfig;

/// A rule that is not a rule kind, with its doc in ruff's sections (what
/// `factdiff rules explain ID` prints).
pub struct OtherRule {
    /// The rule ID.
    pub id: &'static str,
    /// Its category.
    pub category: Category,
    /// The rule's own severity: that of most of its findings at its aim. `overlap`'s
    /// findings are reported at the `severity` of `[overlap]` instead
    /// ([`OtherRule::reported_severity`]), below this one while its precision is below
    /// its aim.
    pub severity: Severity,
    /// One line: what it reports.
    pub short: &'static str,
    /// A paragraph: what it reports (SARIF's `fullDescription`).
    pub full: &'static str,
    /// The Markdown doc: `# id`, then `## What it does`, `## Why is this bad?`,
    /// `## Example`, `## Options`.
    pub doc: &'static str,
    /// What produces it (`factdiff rules explain` says).
    pub engine: &'static str,
}

/// The rules that are not rule kinds: the overlap engine's and the CLI's own.
pub const OTHER_RULES: &[OtherRule] = &[
    OtherRule {
        id: "overlap",
        category: Category::Overlap,
        // Passages and clusters at their aim; they are reported at `[overlap]`'s
        // `severity` (info by default while below it); boilerplate and rewordings are info.
        severity: Severity::Warning,
        short: "A passage repeated within or across articles",
        full: "Reports text said twice, exactly or nearly, within one article or across articles, and clusters of articles that are duplicate coverage of one story. Text that recurs across many articles (boilerplate) is set apart.",
        doc: include_str!("docs/overlap.md"),
        engine: "the overlap engine (factdiff-overlap), configured by the `[overlap]` table of factdiff.toml",
    },
    OtherRule {
        id: crate::suppress::UNUSED_RULE,
        category: Category::Style,
        severity: Severity::Info,
        short: "An inline suppression that suppresses nothing",
        full: "Reports a `factdiff-disable` or `factdiff-disable-next-line` comment under which no finding of the rules it names was reported: it is stale and hides nothing.",
        doc: include_str!("docs/unused-suppression.md"),
        engine: "the command line, after the other rules (inline suppression comments)",
    },
];

impl OtherRule {
    /// The severity its findings are reported at under `overlap` (factdiff.toml's
    /// `[overlap]`): for the overlap engine's rule, `overlap.severity`; else its own.
    pub fn reported_severity(&self, overlap: &OverlapConfig) -> Severity {
        if self.id == "overlap" {
            overlap.severity
        } else {
            self.severity
        }
    }
}

/// The rule of [`OTHER_RULES`] with this ID, unless a rule of `set` has it.
pub fn other(set: &RuleSet, id: &str) -> Option<&'static OtherRule> {
    if set.get(id).is_some() {
        return None;
    }
    OTHER_RULES.iter().find(|r| r.id == id)
}

/// Every rule's docs, sorted by ID: the rules of `set`, then `overlap` and
/// `unused-suppression` unless a rule of the set already has their ID, each at the
/// severity it is reported at (`overlap`'s from `overlap`, factdiff.toml's `[overlap]`).
pub fn rules(set: &RuleSet, overlap: &OverlapConfig) -> Vec<RuleMeta> {
    let mut rules = set.catalog();
    for other in OTHER_RULES {
        if rules.iter().any(|r| r.id == other.id) {
            continue;
        }
        rules.push(RuleMeta {
            id: other.id.to_owned(),
            name: RuleMeta::name_of(other.id),
            category: other.category,
            default_severity: other.reported_severity(overlap),
            short: other.short.to_owned(),
            full: other.full.to_owned(),
            help: format!("{}.", other.short),
        });
    }
    for rule in &mut rules {
        rule.help.push_str(&help(&rule.id));
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

/// What to do about a finding of any rule.
fn help(id: &str) -> String {
    format!(
        "\n\nRead both passages the finding quotes and correct the one that is wrong. \
         If the finding is accepted as it is, suppress it in the article with \
         `<!-- factdiff-disable-next-line {id} -->`, ignore the rule in factdiff.toml, or \
         record it in a baseline (`factdiff baseline`)."
    )
}

#[cfg(test)]
mod tests {
    use factdiff_rules::{Kind, RuleSet};

    #[test]
    fn every_rule_kind_and_the_other_rules_sorted_and_unique() {
        let rules = super::rules(&RuleSet::builtin(), &crate::OverlapConfig::default());
        assert!(rules.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(rules.len(), Kind::ALL.len() + super::OTHER_RULES.len());
        for kind in Kind::ALL {
            let meta = rules.iter().find(|r| r.id == kind.info().id).unwrap();
            assert_eq!(meta.category, kind.info().category);
            assert!(
                meta.help.contains("factdiff-disable-next-line"),
                "{}",
                meta.id
            );
        }
        let overlap = rules.iter().find(|r| r.id == "overlap").unwrap();
        // What the reports say is overlap's severity is what the default configuration
        // reports it at.
        assert_eq!(
            overlap.default_severity,
            crate::OverlapConfig::default().severity
        );
        assert!(rules.iter().any(|r| r.id == crate::suppress::UNUSED_RULE));
    }

    /// Issue 13's gate for the overlap engine, as `every_builtin_rule_below_its_aim_is_demoted`
    /// is for the rule kinds: measured below its aim (eval/figures.toml), its passages and
    /// clusters ship at a severity below the rule's own.
    #[test]
    fn overlap_below_its_aim_ships_demoted() {
        use factdiff_rules::measured;
        let rule = super::OTHER_RULES
            .iter()
            .find(|r| r.id == "overlap")
            .unwrap();
        let m = measured::builtin("overlap");
        assert!(m.precision.is_some(), "overlap's precision is recorded");
        if measured::below_aim(&m, rule.category) {
            assert!(
                factdiff_overlap::OverlapConfig::default().severity < rule.severity,
                "overlap: measured {} below its aim {} but not demoted",
                measured::precision_cell(&m),
                measured::aim(rule.category)
            );
        }
    }

    #[test]
    fn the_other_rules_are_documented_in_ruff_sections() {
        for other in super::OTHER_RULES {
            assert!(other.doc.starts_with(&format!("# {}\n", other.id)));
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Options",
            ] {
                assert!(other.doc.contains(section), "{}: {section}", other.id);
            }
        }
    }

    #[test]
    fn a_user_rule_is_listed_and_cannot_hide_behind_a_builtin_name() {
        let set = RuleSet::from_sources(&[
            (
                "mine/strict.toml",
                "id = \"strict-counts\"\nkind = \"count-mismatch\"\nseverity = \"warning\"\n",
            ),
            (
                "mine/overlap.toml",
                "id = \"overlap\"\nkind = \"quote-drift\"\n",
            ),
        ])
        .unwrap();
        let rules = super::rules(&set, &crate::OverlapConfig::default());
        let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            ["overlap", "strict-counts", crate::suppress::UNUSED_RULE]
        );
        assert_eq!(
            rules[0].category,
            factdiff_findings::Category::Contradiction
        );
    }
}
