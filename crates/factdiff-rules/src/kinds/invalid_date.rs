//! # invalid-date
//!
//! ## What it does
//! Reports a date that does not exist: "31 April", "February 30", "29 February 2023"
//! (2023 is not a leap year).
//!
//! ## Why is this bad?
//! The date is certainly wrong, and the right one cannot be guessed.
//!
//! ## Example
//! Fires:
//! ```text
//! The deadline was set for 31 April.
//! Talks resumed on February 30.
//! ```
//! Does not fire:
//! ```text
//! The deadline was set for 30 April.
//! Talks resumed on 29 February 2024.
//! ```
//!
//! ## Options
//! This kind takes no parameters.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "invalid-date",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "a date that does not exist",
    message: "{date} does not exist: {why}",
    placeholders: &["date", "why"],
    params: &[],
    source: include_str!("invalid_date.rs"),
};
