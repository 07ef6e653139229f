//! # weekday-mismatch
//!
//! ## What it does
//! Reports a weekday written next to a date that does not fall on it: "on Friday,
//! 3 July" in an article dated 2025 (3 July 2025 is a Thursday). The year is the one
//! written, else the one the article's date implies; without a known year nothing is
//! checked.
//!
//! ## Why is this bad?
//! A wrong weekday means the day or the weekday is wrong, and a reader cannot tell
//! which: the event's date is in doubt.
//!
//! ## Example
//! Fires (article dated 2025-07-01):
//! ```text
//! The ceremony will take place on Friday, 3 July.
//! ```
//! Does not fire:
//! ```text
//! The ceremony will take place on Thursday, 3 July.
//! On Friday, 3 July 2026, the ceremony ...   (3 July 2026 is a Friday)
//! ```
//! nor in an article with no date and no year written.
//!
//! ## Options
//! This kind takes no parameters.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "weekday-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "a weekday that does not fit its date",
    message: "{weekday} does not fit {date}, which is a {actual}",
    placeholders: &["weekday", "date", "actual"],
    params: &[],
    source: include_str!("weekday_mismatch.rs"),
};
