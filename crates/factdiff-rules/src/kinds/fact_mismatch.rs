//! # fact-mismatch
//!
//! ## What it does
//! Reports a claim that contradicts a fact declared in a fact sheet
//! (`rules/facts/*.toml`, or `facts/` in a folder given with `--rules`). A fact names
//! its subject (words that must all be in the claim's sentence), its unit (the
//! counted noun, an ISO currency code or `%`), optionally its measure, its value or
//! interval, a tolerance, and the dates it holds between:
//!
//! ```toml
//! [[fact]]
//! id = "un-member-states"
//! subject = ["UN"]
//! unit = "states"
//! value = 193
//! valid-from = 2011-07-14
//! source = "https://www.un.org/en/about-us/member-states"
//! ```
//!
//! A claim whose interval is disjoint from the fact's (widened by `tolerance`) is
//! reported. A fact with dates applies only to articles dated within them.
//!
//! ## Why is this bad?
//! Some figures are settled; a newsroom keeps them in a fact sheet so that a typo or
//! an outdated figure is caught before it is published.
//!
//! ## Example
//! Fires (with the fact above, article dated 2025):
//! ```text
//! All 191 UN member states voted.
//! ```
//! Does not fire:
//! ```text
//! All 193 UN member states voted.
//! 191 states of the OSCE region ...      (the subject `UN` is not there)
//! ```
//!
//! ## Options
//! This kind takes no parameters; the facts are its data.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "fact-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "a claim that contradicts a fact declared in a fact sheet",
    message: "{value} contradicts the fact `{fact}`: {expected}",
    placeholders: &["value", "fact", "expected", "source"],
    params: &[],
    source: include_str!("fact_mismatch.rs"),
};
