//! # anniversary-mismatch
//!
//! ## What it does
//! Reports an Nth anniversary, or "N years since", that does not fit the years:
//! "marks the 20th anniversary of the agreement signed in 2003" in an article dated
//! 2025 (it is the 22nd); "ten years have passed since 2012" in 2025. The year of
//! reference is a year written in the same sentence, else the article's date; "next
//! year" counts one more.
//!
//! ## Why is this bad?
//! The count and the base year cannot both be right; anniversaries are quoted in
//! headlines and repeated.
//!
//! ## Example
//! Fires (article dated 2025-05-10):
//! ```text
//! The ceremony marks the 20th anniversary of the agreement signed in 2003.
//! Ten years have passed since the treaty of 2012.
//! ```
//! Does not fire (same article date):
//! ```text
//! Founded in 1995, the museum celebrates its 30th anniversary.
//! Thirteen years have passed since 2012.
//! ```
//!
//! ## Options
//! - `tolerance` (integer, default 0): years the count may be off before it is
//!   reported.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "anniversary-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "an Nth anniversary or \"N years since\" that does not fit the year",
    message: "{stated} since {base_year} does not fit {year}: it is {expected}",
    placeholders: &["stated", "base_year", "year", "expected"],
    params: &[ParamSpec {
        name: "tolerance",
        ty: ParamType::Integer { min: 0, max: 5 },
        default: "0",
        doc: "years the count may be off before it is reported",
    }],
    source: include_str!("anniversary_mismatch.rs"),
};
