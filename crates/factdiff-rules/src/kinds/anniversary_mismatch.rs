//! # anniversary-mismatch
//!
//! ## What it does
//! Reports an Nth anniversary, or "N years since", that does not fit the years:
//! "marks the 20th anniversary of the agreement signed in 2003" in an article dated
//! 2025 (it is the 22nd); "ten years have passed since 2012" in 2025. The year of
//! reference is a year written in the same clause (not the base year of another
//! anniversary, nor a year of another clause of the sentence, after a semicolon or
//! ", and"), else the article's date; "next year" counts one more. A count that
//! fits any year the sentence gives ("last year" too) or the article's is not
//! reported: "NATO, founded in 1949, celebrated its 75th anniversary last year, and
//! the EU marks the 70th anniversary of the 1957 Treaty of Rome in 2027".
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
    message: "{stated} {relation} {base_year} does not fit {year}: it is {expected}",
    placeholders: &["stated", "relation", "base_year", "year", "expected"],
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

/// Whether the text between two claims of a sentence crosses into another clause: a
/// semicolon, or a comma before a coordinating word ("..., and the vote came ...").
fn another_clause(between: &str) -> bool {
    between.contains(';')
        || [", and ", ", but ", ", while ", ", whereas ", ", although "]
            .iter()
            .any(|link| between.contains(link))
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let tolerance = rule.params.int("tolerance");
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            // Ordinals, durations and dates: no name is read.
            let claims = claims.others();
            let mut out = Vec::new();
            // The claims that are some anniversary's base year.
            let bases: Vec<usize> = claims
                .iter()
                .flat_map(|c| c.relations())
                .filter(|r| r.kind == RelationKind::AnniversaryOf)
                .map(|r| r.target)
                .collect();
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
                // The years of the sentence's other dates: not the base, nor the base
                // of another anniversary ("the 70th anniversary of the 1957 Treaty"
                // dates no other one).
                let others: Vec<&Claim> = claims
                    .iter()
                    .enumerate()
                    .filter(|&(i, c)| {
                        c.sentence == claim.sentence && i != base_idx && !bases.contains(&i)
                    })
                    .map(|(_, c)| c)
                    .collect();
                let year_of = |v: &ClaimValue, relative: bool| match v {
                    ClaimValue::Date(d) if d.relative == relative && d.year != t.year => {
                        d.year.map(i64::from)
                    }
                    _ => None,
                };
                // A year written in the anniversary's clause is the reference, else the
                // article's: a year of another clause of the sentence dates something
                // else ("has held peaceful elections since 1992, and the vote came in
                // the year it marked the 70th anniversary of its 1957 independence").
                let text = &cx.article(article).text;
                let written = others
                    .iter()
                    .filter(|c| {
                        let (from, to) = if c.span.end <= claim.span.start {
                            (c.span.end, claim.span.start)
                        } else {
                            (claim.span.end, c.span.start)
                        };
                        text.get(from as usize..to as usize)
                            .is_some_and(|between| !another_clause(between))
                    })
                    .find_map(|c| year_of(&c.value, false));
                let Some(year) = written.or_else(|| reference_year(cx, article, claim)) else {
                    continue;
                };
                let expected = year - base_year;
                // A count that fits any year the sentence gives ("founded in 1949,
                // celebrated its 75th anniversary last year") or the article's is not
                // reported: which of them the anniversary is of, the words do not say.
                let fits = |y: i64| (y - base_year - n).abs() <= tolerance;
                let fits_any = fits(year)
                    || others.iter().any(|c| {
                        year_of(&c.value, false)
                            .or_else(|| year_of(&c.value, true))
                            .is_some_and(fits)
                    })
                    || reference_year(cx, article, claim).is_some_and(fits);
                if expected <= 0 || fits_any {
                    continue;
                }
                let expected_text = match &claim.value {
                    ClaimValue::Ordinal { .. } => format!("the {} anniversary", ordinal(expected)),
                    _ => format!("{expected} years"),
                };
                // "the 30th anniversary of 1989", "12 years since 2015".
                let relation = match &claim.value {
                    ClaimValue::Ordinal { .. } => "of",
                    _ => "since",
                };
                let values = [
                    ("stated", stated),
                    ("relation", relation.to_owned()),
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

#[cfg(test)]
mod tests {
    use super::another_clause;

    #[test]
    fn a_year_across_a_clause_link_is_of_another_clause() {
        for between in [
            ", and the vote came in the year the country marked the ",
            "; this year it marks its ",
            ", and its bridge, opened in 1961, would have marked its ",
        ] {
            assert!(another_clause(between), "{between:?}");
        }
        for between in [
            ", the province marked the ",
            " the museum, founded in 1995, celebrates its ",
            " and ",
        ] {
            assert!(!another_clause(between), "{between:?}");
        }
    }
}
