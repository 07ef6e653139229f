//! # quote-drift
//!
//! ## What it does
//! Reports the same quotation worded differently in two articles, or given to two
//! different speakers. Quotes of `min-words` or more words are aligned fuzzily (they
//! share a run of words, then a word diff is made with `similar`); a pair that differs
//! inside the shared passage is reported with the diff. A quote that is only a
//! shorter excerpt of the other, or that differs only in punctuation and case, is not.
//!
//! ## Why is this bad?
//! A quotation promises the speaker's exact words. Two wordings cannot both be exact,
//! and "never" against "not" can change the meaning.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md: “We will never accept these terms,” the minister said.
//! b.md: “We will not accept these terms,” the minister said.
//! ```
//! Fires: the same words given to Tokayev in one article and to Mirziyoyev in another.
//!
//! Does not fire:
//! ```text
//! a.md: “We will never accept these terms,” she said.
//! b.md: "We will never accept these terms" - she said.
//! c.md: She said they "will never accept these terms" (an excerpt).
//! ```
//!
//! ## Options
//! - `min-words` (integer, default 6): shorter quotes are not compared.
//! - `min-similarity` (number, default 0.6): the least share of words the two quotes'
//!   overlapping passage must have in common.
//! - `speakers` (boolean, default true): also report the same quote given to two
//!   speakers.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "quote-drift",
    category: Category::Contradiction,
    severity: Severity::Warning,
    summary: "the same quote worded differently, or given to different speakers",
    message: "{why}: {diff}",
    placeholders: &[
        "why",
        "diff",
        "quote",
        "other_quote",
        "speaker",
        "other_speaker",
        "other_path",
    ],
    params: &[
        ParamSpec {
            name: "min-words",
            ty: ParamType::Integer { min: 2, max: 100 },
            default: "6",
            doc: "shorter quotes are not compared",
        },
        ParamSpec {
            name: "min-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.6",
            doc: "least share of words in common",
        },
        ParamSpec {
            name: "speakers",
            ty: ParamType::Bool,
            default: "true",
            doc: "also report a quote given to two speakers",
        },
    ],
    source: include_str!("quote_drift.rs"),
};
