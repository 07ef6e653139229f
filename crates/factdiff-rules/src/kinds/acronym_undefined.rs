//! # acronym-undefined
//!
//! ## What it does
//! Reports an acronym used in an article that never defines it ("the Trans-Caspian
//! International Transport Route (TITR)" defines TITR) and that is not in the
//! known-acronyms lexicon (`rules/lexicons/acronyms.toml`: UN, EU, CIS, OSCE, CSTO,
//! EAEU, GDP, IT ...) or in the rule's `known` list. Each acronym is reported once
//! per article, at its first use.
//!
//! ## Why is this bad?
//! A reader who does not know the acronym cannot follow the story. This is a matter
//! of style, so its severity is below the contradictions.
//!
//! ## Example
//! Fires:
//! ```text
//! The TITR carried 4.5 million tons last year.
//! ```
//! Does not fire:
//! ```text
//! The Trans-Caspian International Transport Route (TITR) carried 4.5 million tons.
//! The UN and the EU welcomed the deal.
//! ```
//!
//! ## Options
//! - `known` (array of strings, default `[]`): acronyms a reader is expected to know,
//!   beyond the lexicon.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "acronym-undefined",
    category: Category::Style,
    severity: Severity::Info,
    summary: "an acronym used but never defined and not commonly known",
    message: "`{acronym}` is used but never defined in this article",
    placeholders: &["acronym"],
    params: &[ParamSpec {
        name: "known",
        ty: ParamType::Strings,
        default: "[]",
        doc: "acronyms a reader is expected to know, beyond the lexicon",
    }],
    source: include_str!("acronym_undefined.rs"),
};
