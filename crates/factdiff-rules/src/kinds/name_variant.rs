//! # name-variant
//!
//! ## What it does
//! Reports one person or place spelled two ways across the corpus: "Kassym-Jomart" and
//! "Kasim-Jomart", "Mirziyoyev" and "Mirziyoev". Names are compared after a
//! transliteration-aware folding (kh/h, y/i, ss/s, iy/i, ie/ye, zh/j, doubled letters),
//! so spellings that fold alike but are written differently are variants. The
//! minority spelling is the primary location; the majority spelling, in the other
//! articles, the related ones. A canonical spelling, when one is declared, is the
//! majority whatever the counts.
//!
//! ## Why is this bad?
//! A name spelled two ways reads as two people to a search engine, an archive and a
//! reader; style guides fix one transliteration.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md, b.md, c.md: President Kassym-Jomart Tokayev ...
//! d.md:             President Kasim-Jomart Tokayev ...
//! ```
//! Does not fire:
//! ```text
//! Nursultan Nazarbayev ... his daughter Dariga Nazarbayeva ...   (different people)
//! Austria ... Australia ...                                      (different places)
//! ```
//!
//! ## Options
//! - `canonical` (array of strings): the house spellings ("Kassym-Jomart Tokayev");
//!   a variant of one is always the minority.
//! - `exceptions` (array of arrays of strings): spellings never reported against
//!   each other (`[["Nazarbayev", "Nazarbayeva"]]`).
//! - `min-length` (integer, default 5): shorter names are not compared.
//! - `max-edits` (integer, default 2): spellings further apart, in letters, are not
//!   variants.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "name-variant",
    category: Category::Contradiction,
    severity: Severity::Warning,
    summary: "one person or place spelled two ways",
    message: "`{variant}` is spelled `{majority}` elsewhere ({majority_count} times in {majority_articles} articles)",
    placeholders: &[
        "variant",
        "majority",
        "count",
        "majority_count",
        "majority_articles",
    ],
    params: &[
        ParamSpec {
            name: "canonical",
            ty: ParamType::Strings,
            default: "[]",
            doc: "the house spellings",
        },
        ParamSpec {
            name: "exceptions",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "spellings never reported against each other",
        },
        ParamSpec {
            name: "min-length",
            ty: ParamType::Integer { min: 2, max: 40 },
            default: "5",
            doc: "shorter names are not compared",
        },
        ParamSpec {
            name: "max-edits",
            ty: ParamType::Integer { min: 1, max: 5 },
            default: "2",
            doc: "spellings further apart are not variants",
        },
    ],
    source: include_str!("name_variant.rs"),
};
