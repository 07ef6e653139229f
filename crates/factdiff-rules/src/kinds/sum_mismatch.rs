//! # sum-mismatch
//!
//! ## What it does
//! Reports parts that exceed their stated total ("20 grants, including 12 for schools
//! and 10 for hospitals": 22 > 20), and parts of an exhaustive split that do not make
//! it up ("Of the 15 seats, 9 went to the ruling party and 5 to the opposition").
//! Parts and wholes come from the claims' part/whole relations within a sentence.
//!
//! ## Why is this bad?
//! Arithmetic a reader can do in their head should add up; when it does not, one of
//! the figures is wrong.
//!
//! ## Example
//! Fires:
//! ```text
//! The fund awarded 20 grants, including 12 for schools and 10 for hospitals.
//! ```
//! Does not fire:
//! ```text
//! 13 transport corridors, including 5 railway and 8 automobile ones.
//! 139 people, including 7 women.
//! Of the 15 seats, 9 went to the ruling party and 6 to the opposition.
//! ```
//!
//! ## Options
//! - `exhaustive-markers` (array of strings, default `["of the", "of these", "out of"]`):
//!   words that, before the total, say its parts must make it up exactly.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "sum-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "parts that exceed, or do not make up, their stated total",
    message: "the parts ({parts}) add up to {sum}, {why} the total of {total}",
    placeholders: &["parts", "sum", "total", "why"],
    params: &[ParamSpec {
        name: "exhaustive-markers",
        ty: ParamType::Strings,
        default: r#"["of the", "of these", "out of"]"#,
        doc: "words before the total that make the split exhaustive",
    }],
    source: include_str!("sum_mismatch.rs"),
};
