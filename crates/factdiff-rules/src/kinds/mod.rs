//! The built-in rule kinds, one file each. A kind's module doc is its only
//! documentation: `factdiff rules explain ID` prints it, read from the source file.

use factdiff_findings::{Category, Severity};

use crate::params::ParamSpec;

pub(crate) mod acronym_undefined;
pub(crate) mod anniversary_mismatch;
pub(crate) mod count_mismatch;
pub(crate) mod date_mismatch;
pub(crate) mod fact_mismatch;
pub(crate) mod invalid_date;
pub(crate) mod name_variant;
pub(crate) mod quote_drift;
pub(crate) mod sum_mismatch;
pub(crate) mod weekday_mismatch;

/// A built-in rule kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `acronym-undefined`
    AcronymUndefined,
    /// `anniversary-mismatch`
    AnniversaryMismatch,
    /// `count-mismatch`
    CountMismatch,
    /// `date-mismatch`
    DateMismatch,
    /// `fact-mismatch`
    FactMismatch,
    /// `invalid-date`
    InvalidDate,
    /// `name-variant`
    NameVariant,
    /// `quote-drift`
    QuoteDrift,
    /// `sum-mismatch`
    SumMismatch,
    /// `weekday-mismatch`
    WeekdayMismatch,
}

/// What a kind is: its ID, defaults, parameters and documentation.
#[derive(Clone, Copy, Debug)]
pub struct KindInfo {
    /// The kind's ID (the default rule of each kind has the same ID).
    pub id: &'static str,
    /// The category of its findings.
    pub category: Category,
    /// The default severity.
    pub severity: Severity,
    /// One line for `rules list`.
    pub summary: &'static str,
    /// The default message template.
    pub message: &'static str,
    /// The placeholders a message template may use.
    pub placeholders: &'static [&'static str],
    /// The parameters it takes under `[params]`.
    pub params: &'static [ParamSpec],
    /// The kind's source file, whose module doc is its documentation.
    pub(crate) source: &'static str,
}

impl KindInfo {
    /// The documentation: the module doc comment of the kind's file, in ruff's
    /// sections (What it does, Why is this bad?, Example, Options).
    pub fn doc(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                if line.trim().is_empty() {
                    continue;
                }
                break;
            };
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
        out
    }
}

impl Kind {
    /// Every kind, in ID order.
    pub const ALL: [Kind; 10] = [
        Kind::AcronymUndefined,
        Kind::AnniversaryMismatch,
        Kind::CountMismatch,
        Kind::DateMismatch,
        Kind::FactMismatch,
        Kind::InvalidDate,
        Kind::NameVariant,
        Kind::QuoteDrift,
        Kind::SumMismatch,
        Kind::WeekdayMismatch,
    ];

    /// The kind's description.
    pub fn info(self) -> &'static KindInfo {
        match self {
            Kind::AcronymUndefined => &acronym_undefined::INFO,
            Kind::AnniversaryMismatch => &anniversary_mismatch::INFO,
            Kind::CountMismatch => &count_mismatch::INFO,
            Kind::DateMismatch => &date_mismatch::INFO,
            Kind::FactMismatch => &fact_mismatch::INFO,
            Kind::InvalidDate => &invalid_date::INFO,
            Kind::NameVariant => &name_variant::INFO,
            Kind::QuoteDrift => &quote_drift::INFO,
            Kind::SumMismatch => &sum_mismatch::INFO,
            Kind::WeekdayMismatch => &weekday_mismatch::INFO,
        }
    }

    /// The kind with this ID.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.info().id == id)
    }

    /// Every kind's ID.
    pub fn ids() -> Vec<&'static str> {
        Kind::ALL.iter().map(|k| k.info().id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_documented_in_ruff_sections() {
        for kind in Kind::ALL {
            let info = kind.info();
            let doc = info.doc();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Options",
            ] {
                assert!(doc.contains(section), "{}: no `{section}`", info.id);
            }
            let lower = doc.to_lowercase();
            assert!(
                lower.contains("fires") && lower.contains("does not fire"),
                "{}",
                info.id
            );
            for spec in info.params {
                assert!(
                    doc.contains(&format!("`{}`", spec.name)),
                    "{}: parameter `{}` not documented",
                    info.id,
                    spec.name
                );
            }
            for (_, name) in crate::template::placeholders(info.message).unwrap() {
                assert!(info.placeholders.contains(&name), "{}: {name}", info.id);
            }
        }
    }
}
