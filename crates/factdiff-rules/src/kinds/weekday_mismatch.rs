//! # weekday-mismatch
//!
//! ## What it does
//! Reports a weekday written next to a date that does not fall on it: "on Friday,
//! 3 July" in an article dated 2025 (3 July 2025 is a Thursday). The year is the one
//! written, else the one the article's date implies; without a known year nothing is
//! checked.
//!
//! ## Why is this bad?
//! A wrong weekday means the day or the weekday is wrong, and a reader cannot tell
//! which: the event's date is in doubt.
//!
//! ## Example
//! Fires (article dated 2025-07-01):
//! ```text
//! The ceremony will take place on Friday, 3 July.
//! ```
//! Does not fire:
//! ```text
//! The ceremony will take place on Thursday, 3 July.
//! On Friday, 3 July 2026, the ceremony ...   (3 July 2026 is a Friday)
//! ```
//! nor in an article with no date and no year written.
//!
//! ## Options
//! This kind takes no parameters.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "weekday-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "a weekday that does not fit its date",
    message: "{weekday} does not fit {date}, which is a {actual}",
    placeholders: &["weekday", "date", "actual"],
    params: &[],
    source: include_str!("weekday_mismatch.rs"),
};

use factdiff_claims::ClaimValue;
use factdiff_findings::{Finding, WeekdayDetails};
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;

pub(crate) fn weekday_name(w: jiff::civil::Weekday) -> &'static str {
    use jiff::civil::Weekday::*;
    match w {
        Monday => "Monday",
        Tuesday => "Tuesday",
        Wednesday => "Wednesday",
        Thursday => "Thursday",
        Friday => "Friday",
        Saturday => "Saturday",
        Sunday => "Sunday",
    }
}

/// The year of the occurrence of `month`/`day` nearest to `anchor`.
fn implied_year(anchor: jiff::civil::Date, month: i8, day: i8) -> Option<i16> {
    let year = anchor.year();
    (year - 1..=year + 1)
        .filter_map(|y| jiff::civil::Date::new(y, month, day).ok())
        .min_by_key(|d| {
            let days = anchor
                .until(*d)
                .map_or(i32::MAX, |span| span.get_days().abs());
            (days, d.year())
        })
        .map(|d| d.year())
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            claims.iter().filter_map(move |claim| {
                let ClaimValue::Date(t) = &claim.value else {
                    return None;
                };
                let written = claim.weekday?;
                if t.invalid {
                    return None;
                }
                let (month, day) = (t.month?, t.day?);
                // A year the extractor inferred (it may pick the year the weekday fits)
                // is replaced by the one the article's date implies: the occurrence of
                // the day nearest to it.
                let year = match (t.relative, cx.article(article).meta.date) {
                    (true, Some(anchor)) => implied_year(anchor, month, day)?,
                    _ => t.year?,
                };
                let date = jiff::civil::Date::new(year, month, day).ok()?;
                let actual = date.weekday();
                if actual == written {
                    return None;
                }
                let values = [
                    ("weekday", weekday_name(written).to_owned()),
                    ("date", date.strftime("%-d %B %Y").to_string()),
                    ("actual", weekday_name(actual).to_owned()),
                ];
                Some(
                    finding(rule, &values, vec![cx.loc(article, claim.span)])
                        .with_details(WeekdayDetails {
                            date: date.to_string(),
                            written: weekday_name(written).to_owned(),
                            actual: weekday_name(actual).to_owned(),
                            year_from_article: t.relative,
                        }),
                )
            })
        })
        .collect()
}
