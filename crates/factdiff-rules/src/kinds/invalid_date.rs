//! # invalid-date
//!
//! ## What it does
//! Reports a date that does not exist: "31 April", "February 30", "29 February 2023"
//! (2023 is not a leap year).
//!
//! ## Why is this bad?
//! The date is certainly wrong, and the right one cannot be guessed.
//!
//! ## Example
//! Fires:
//! ```text
//! The deadline was set for 31 April.
//! Talks resumed on February 30.
//! ```
//! Does not fire:
//! ```text
//! The deadline was set for 30 April.
//! Talks resumed on 29 February 2024.
//! ```
//!
//! ## Options
//! This kind takes no parameters.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "invalid-date",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "a date that does not exist",
    message: "{date} does not exist: {why}",
    placeholders: &["date", "why"],
    params: &[],
    source: include_str!("invalid_date.rs"),
};

use factdiff_claims::ClaimValue;
use factdiff_findings::{Finding, InvalidDateDetails};
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            claims.iter().filter_map(move |claim| {
                let ClaimValue::Date(t) = &claim.value else {
                    return None;
                };
                if !t.invalid {
                    return None;
                }
                let why = match (t.month, t.day) {
                    (Some(2), Some(29)) => match t.year {
                        Some(y) => format!("{y} is not a leap year"),
                        None => "February has 29 days only in a leap year".to_owned(),
                    },
                    (Some(m @ 1..=12), Some(_)) => {
                        let days = match m {
                            2 => 29,
                            4 | 6 | 9 | 11 => 30,
                            _ => 31,
                        };
                        let month = factdiff_claims::month_name(m).unwrap_or_default();
                        format!("{month} has {days} days")
                    }
                    _ => "no calendar has that day".to_owned(),
                };
                let text = cx.article(article).slice(claim.span).to_owned();
                Some(
                    finding(
                        rule,
                        &[("date", text), ("why", why)],
                        vec![cx.loc(article, claim.span)],
                    )
                    .with_details(InvalidDateDetails {
                        value: t.value.clone(),
                    }),
                )
            })
        })
        .collect()
}
