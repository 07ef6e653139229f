//! # date-mismatch
//!
//! ## What it does
//! Reports the same event given different dates: two date claims whose events have
//! the same predicate class (opened, began and started are all `start`), share their
//! participants and place (the names and content words of the clause), and whose
//! normalized dates (TIMEX3) differ at the precision both give.
//!
//! A reporting date ("officials said on Tuesday") is never compared with an event
//! date ("the quake struck on Monday"), and events with different predicates
//! ("delegations arrived" against "the summit opened") are different events.
//!
//! ## Why is this bad?
//! An event happens once. When two articles date it differently, at least one is
//! wrong, and readers and archives inherit the error.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md: The summit opened in Samarkand on September 15.
//! b.md: The summit began in Samarkand on Friday, September 16.
//! ```
//! Does not fire:
//! ```text
//! a.md: Delegations arrived in Samarkand on September 14.
//! b.md: The summit opened in Samarkand on September 15.
//!
//! a.md: The quake struck on Monday.   b.md: Officials said on Tuesday ...
//! ```
//!
//! ## Options
//! - `min-shared-context` (integer, default 2): context words and names the two
//!   events must share.
//! - `min-context-similarity` (number, default 0.3): the least Jaccard similarity of
//!   the two contexts.
//! - `require-predicate` (boolean, default true): compare only dates whose event
//!   predicate is known (precision first).

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "date-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "the same event given different dates",
    message: "{event} on {date} here, but on {other_date} in {other_path}",
    placeholders: &["event", "date", "other_date", "other_path"],
    params: &[
        ParamSpec {
            name: "min-shared-context",
            ty: ParamType::Integer { min: 1, max: 20 },
            default: "2",
            doc: "context words and names the two events must share",
        },
        ParamSpec {
            name: "min-context-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.3",
            doc: "least Jaccard similarity of the two contexts",
        },
        ParamSpec {
            name: "require-predicate",
            ty: ParamType::Bool,
            default: "true",
            doc: "compare only dates whose event predicate is known",
        },
    ],
    source: include_str!("date_mismatch.rs"),
};
