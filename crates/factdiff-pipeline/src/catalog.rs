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

/// `(id, category, default severity, short, full)` of the rules that are not rule
/// kinds.
const OTHER_RULES: &[(&str, Category, Severity, &str, &str)] = &[
    (
        "overlap",
        Category::Overlap,
        Severity::Info,
        "A passage repeated within or across articles",
        "Reports text said twice, exactly or nearly, within one article or across articles, and clusters of articles that are duplicate coverage of one story. Text that recurs across many articles (boilerplate) is set apart.",
    ),
    (
        crate::suppress::UNUSED_RULE,
        Category::Style,
        Severity::Info,
        "An inline suppression that suppresses nothing",
        "Reports a `factdiff-disable` or `factdiff-disable-next-line` comment under which no finding of the rules it names was reported: it is stale and hides nothing.",
    ),
];

/// Every rule's docs, sorted by ID: the rules of `set`, then `overlap` and
/// `unused-suppression` unless a rule of the set already has their ID.
pub fn rules(set: &RuleSet) -> Vec<RuleMeta> {
    let mut rules = set.catalog();
    for &(id, category, severity, short, full) in OTHER_RULES {
        if rules.iter().any(|r| r.id == id) {
            continue;
        }
        rules.push(RuleMeta {
            id: id.to_owned(),
            name: RuleMeta::name_of(id),
            category,
            default_severity: severity,
            short: short.to_owned(),
            full: full.to_owned(),
            help: format!("{short}."),
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
        let rules = super::rules(&RuleSet::builtin());
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
        assert!(rules.iter().any(|r| r.id == "overlap"));
        assert!(rules.iter().any(|r| r.id == crate::suppress::UNUSED_RULE));
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
        let rules = super::rules(&set);
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
