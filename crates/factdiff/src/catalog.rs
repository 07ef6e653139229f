//! The docs of the rules, for the reports that list rules (SARIF's
//! `tool.driver.rules`).
//!
//! The rule engine does not describe its rules yet; until it does, this table holds
//! the default rules of the design (their stable IDs, categories and what each
//! reports), the `overlap` rule and the CLI's own `unused-suppression`.

use factdiff_findings::{Category, RuleMeta, Severity};

/// `(id, category, default severity, short, full)`.
const RULES: &[(&str, Category, Severity, &str, &str)] = &[
    (
        "acronym-undefined",
        Category::Style,
        Severity::Info,
        "An acronym used but never defined",
        "Reports an acronym that the article uses without spelling it out, and that is not in the known-acronyms lexicon.",
    ),
    (
        "anniversary-mismatch",
        Category::Contradiction,
        Severity::Error,
        "An anniversary that does not fit the year",
        "Reports an Nth anniversary, or \"N years since\", whose number does not fit the years of the event and the article.",
    ),
    (
        "count-mismatch",
        Category::Contradiction,
        Severity::Error,
        "The same count or amount given with disjoint intervals",
        "Reports a count or amount about the same thing (the same measure, unit and event) given with intervals that cannot both hold, within or across articles. A later, larger figure of a rising measure (a death toll) is an update, not a contradiction.",
    ),
    (
        "date-mismatch",
        Category::Contradiction,
        Severity::Error,
        "The same event given different dates",
        "Reports an event (the same predicate, participants and place) that two passages date differently.",
    ),
    (
        "fact-mismatch",
        Category::Contradiction,
        Severity::Error,
        "A claim that contradicts a declared fact",
        "Reports a claim that contradicts a fact declared in a rules file (a fact sheet).",
    ),
    (
        "invalid-date",
        Category::Contradiction,
        Severity::Error,
        "A date that does not exist",
        "Reports a calendar date that does not exist, such as 31 April.",
    ),
    (
        "name-variant",
        Category::Contradiction,
        Severity::Warning,
        "One person or place spelled two ways",
        "Reports a name spelled two ways within or across articles (\"Kassym-Jomart\" and \"Kasim-Jomart\").",
    ),
    (
        "overlap",
        Category::Overlap,
        Severity::Info,
        "A passage repeated within or across articles",
        "Reports text said twice, exactly or nearly, within one article or across articles, and clusters of articles that are duplicate coverage of one story. Text that recurs across many articles (boilerplate) is set apart.",
    ),
    (
        "quote-drift",
        Category::Contradiction,
        Severity::Warning,
        "The same quote worded differently, or given to different speakers",
        "Reports a quotation that two passages word differently or attribute to different speakers.",
    ),
    (
        "sum-mismatch",
        Category::Contradiction,
        Severity::Error,
        "Parts that exceed, or do not make up, their stated total",
        "Reports parts whose sum exceeds, or falls short of, the total the text gives for them.",
    ),
    (
        crate::suppress::UNUSED_RULE,
        Category::Style,
        Severity::Info,
        "An inline suppression that suppresses nothing",
        "Reports a `factdiff-disable` or `factdiff-disable-next-line` comment under which no finding of the rules it names was reported: it is stale and hides nothing.",
    ),
    (
        "weekday-mismatch",
        Category::Contradiction,
        Severity::Error,
        "A weekday that does not fit its date",
        "Reports a weekday given with a date it does not fall on (\"Monday, 14 October 2025\").",
    ),
];

/// Every rule's docs, sorted by ID.
pub fn rules() -> Vec<RuleMeta> {
    let mut rules: Vec<RuleMeta> = RULES
        .iter()
        .map(|&(id, category, severity, short, full)| RuleMeta {
            id: id.to_owned(),
            name: RuleMeta::name_of(id),
            category,
            default_severity: severity,
            short: short.to_owned(),
            full: full.to_owned(),
            help: help(id, short),
        })
        .collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

fn help(id: &str, short: &str) -> String {
    format!(
        "{short}.\n\nRead both passages the finding quotes and correct the one that is wrong. \
         If the finding is accepted as it is, suppress it in the article with \
         `<!-- factdiff-disable-next-line {id} -->`, ignore the rule in factdiff.toml, or \
         record it in a baseline (`factdiff baseline`)."
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_and_unique() {
        let rules = super::rules();
        assert!(rules.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(rules.len(), 12);
    }
}
