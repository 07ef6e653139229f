use serde::{Deserialize, Serialize};

use crate::{Category, Severity};

/// What a report needs to know of a rule besides its findings: its name and docs.
///
/// The rule engine describes its rules with these; renderers that list rules (SARIF's
/// `tool.driver.rules`) take them as input and know no engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleMeta {
    /// The stable rule ID, such as `count-mismatch`.
    pub id: String,
    /// A name in UpperCamelCase, such as `CountMismatch`.
    pub name: String,
    /// The rule's category.
    pub category: Category,
    /// The severity its findings have unless configured otherwise.
    pub default_severity: Severity,
    /// One sentence: what it reports.
    pub short: String,
    /// A paragraph: what it checks and why it matters.
    pub full: String,
    /// How to act on a finding, in Markdown.
    pub help: String,
}

impl RuleMeta {
    /// The UpperCamelCase name of a kebab-case rule ID: `count-mismatch` ->
    /// `CountMismatch`.
    pub fn name_of(id: &str) -> String {
        id.split('-')
            .map(|part| {
                let mut chars = part.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_of_kebab_id() {
        assert_eq!(RuleMeta::name_of("count-mismatch"), "CountMismatch");
        assert_eq!(RuleMeta::name_of("overlap"), "Overlap");
    }
}
