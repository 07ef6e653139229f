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

use factdiff_claims::{Claim, ClaimKind, ClaimValue, RelationKind};
use factdiff_findings::{AnniversaryDetails, Finding};
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;
use crate::text::ordinal;

/// The year the sentence speaks from: the article's year, moved by the claim frame's
/// `year_offset` (one more for "next year").
fn reference_year(cx: &Cx<'_>, article: usize, claim: &Claim) -> Option<i64> {
    let year = i64::from(cx.article(article).meta.date?.year());
    let offset = claim.frame.as_ref().map_or(0, |f| f.year_offset);
    Some(year + i64::from(offset))
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let tolerance = rule.params.int("tolerance");
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            let mut out = Vec::new();
            for claim in claims {
                let (stated, n, base_idx) = match &claim.value {
                    ClaimValue::Ordinal { n, of } if &**of == "anniversary" => {
                        let Some(rel) = claim.relations().iter().find(|r| r.kind == RelationKind::AnniversaryOf) else {
                            continue;
                        };
                        (format!("the {} anniversary", ordinal(i64::from(*n))), i64::from(*n), rel.target)
                    }
                    ClaimValue::Duration(value) => {
                        // "N years have passed since 2003", "N years since".
                        let Some(n) = value.strip_prefix('P').and_then(|v| v.strip_suffix('Y')).and_then(|v| v.parse::<i64>().ok()) else {
                            continue;
                        };
                        if !claim.frame.as_ref().is_some_and(|f| f.since) {
                            continue;
                        }
                        // The first dated claim after the duration, in the same sentence.
                        let Some(base) = claims.iter().position(|c| {
                            c.sentence == claim.sentence
                                && c.kind == ClaimKind::Date
                                && c.span.start >= claim.span.end
                                && c.span.start <= claim.span.end + 40
                        }) else {
                            continue;
                        };
                        (format!("{n} years"), n, base)
                    }
                    _ => continue,
                };
                let Some(base) = claims.get(base_idx) else { continue };
                let ClaimValue::Date(t) = &base.value else { continue };
                let Some(base_year) = t.year.map(i64::from) else { continue };
                // A year written in the sentence, other than the base, is the reference.
                let written_ref = claims.iter().find(|c| {
                    c.sentence == claim.sentence
                        && !std::ptr::eq(*c, base)
                        && matches!(&c.value, ClaimValue::Date(d) if d.year.is_some() && !d.relative && d.year != t.year)
                });
                let year = match written_ref.map(|c| &c.value) {
                    Some(ClaimValue::Date(d)) => d.year.map(i64::from),
                    _ => reference_year(cx, article, claim),
                };
                let Some(year) = year else { continue };
                let expected = year - base_year;
                if expected <= 0 || (expected - n).abs() <= tolerance {
                    continue;
                }
                let expected_text = match &claim.value {
                    ClaimValue::Ordinal { .. } => format!("the {} anniversary", ordinal(expected)),
                    _ => format!("{expected} years"),
                };
                let values = [
                    ("stated", stated),
                    ("base_year", base_year.to_string()),
                    ("year", year.to_string()),
                    ("expected", expected_text),
                ];
                out.push(
                    finding(rule, &values, vec![cx.loc(article, claim.span), cx.loc(article, base.span)])
                        .with_details(AnniversaryDetails {
                            stated: n,
                            expected,
                            base_year,
                            year,
                        }),
                );
            }
            out
        })
        .collect()
}
