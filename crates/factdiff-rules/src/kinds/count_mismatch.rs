//! # count-mismatch
//!
//! ## What it does
//! Reports the same count or amount given with disjoint intervals, within one
//! article or across articles: two claims with the same measure (killed, died, dead
//! and death toll are all `deaths`), the same unit or counted noun (people, buses,
//! USD) and the same event context (they share the context words and names of their
//! clauses) whose normalized intervals do not meet.
//!
//! Numbers are intervals: `at least 140` is [140, ∞), `about 80 billion` is widened
//! by 10%, `2.8 million` by its precision, `two dozen` is 24, `$2bn` is 2,000,000,000
//! USD. A measure declared monotonic (a death toll only rises) is compared with time
//! in mind: a later, larger figure is an update, a later, smaller one a contradiction.
//!
//! ## Why is this bad?
//! Two sources that give different figures for the same thing cannot both be right;
//! a reader who sees both loses trust in both. An editor wants to know which figure
//! to check.
//!
//! ## Example
//! Fires (same date, same earthquake):
//! ```text
//! quake-a.md: The earthquake killed 112 people in Herat province.
//! quake-b.md: At least 140 people died in the Herat earthquake.
//! ```
//! Fires: "a $2bn loan" / "a 200 million dollar loan" for the same loan; "signed
//! four agreements" / "signing seven agreements" for the same visit.
//!
//! Does not fire:
//! ```text
//! a.md: 2.3 million barrels a day     b.md: 2,300,000 barrels a day
//! a.md: about 80 billion euros        b.md: 78.5 billion euros
//! a.md (Oct 14): at least 90 dead     b.md (Oct 15): the toll climbed to 131
//! ```
//! nor claims about different events (another city, another year), nor a part and its
//! whole ("139 people, including 7 women").
//!
//! ## Options
//! - `monotonic` (array of measures, default `["deaths", "injuries", "arrests"]`):
//!   measures that only rise over time; a later, larger figure is not reported.
//! - `min-shared-context` (integer, default 2): context words and names two claims
//!   must share to be about the same thing.
//! - `min-context-similarity` (number, default 0.3): the least Jaccard similarity of
//!   the two claims' contexts.
//! - `within-article` (boolean, default true): also compare claims of one article.
//! - `ignore-units` (array of strings, default `[]`): units never compared.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "count-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "the same count or amount given with disjoint intervals",
    message: "{value} here, but {other_value} in {other_path}: {why}",
    placeholders: &[
        "value",
        "other_value",
        "other_path",
        "measure",
        "unit",
        "interval",
        "other_interval",
        "why",
    ],
    params: &[
        ParamSpec {
            name: "monotonic",
            ty: ParamType::Strings,
            default: r#"["deaths", "injuries", "arrests"]"#,
            doc: "measures that only rise over time",
        },
        ParamSpec {
            name: "min-shared-context",
            ty: ParamType::Integer { min: 1, max: 20 },
            default: "2",
            doc: "context words and names two claims must share",
        },
        ParamSpec {
            name: "min-context-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.3",
            doc: "least Jaccard similarity of the two contexts",
        },
        ParamSpec {
            name: "within-article",
            ty: ParamType::Bool,
            default: "true",
            doc: "also compare claims of one article",
        },
        ParamSpec {
            name: "ignore-units",
            ty: ParamType::Strings,
            default: "[]",
            doc: "units never compared",
        },
    ],
    source: include_str!("count_mismatch.rs"),
};
