//! # weekday-mismatch
//!
//! ## What it does
//! Reports a weekday written next to a date that does not fall on it: "on Friday,
//! 3 July" in an article dated 2025 (3 July 2025 is a Thursday). The year is the one
//! written, else the one the claims extractor gives the date: within a quarter of the
//! article's date (91 days either side) the year the day and month have without the
//! weekday, whatever the weekday ("signed on Wednesday, March 4" in an article of 5
//! March 2025 is the day before, a Tuesday, not 4 March 2026, a Wednesday, a year
//! ahead); farther off, of the day's two occurrences around the article's date (the
//! last before it, the next after it), the one the weekday falls on, else the nearer.
//! "Friday, Sept. 14" in a May 2019 article is 14 September 2018, a Friday: no
//! finding. Without a known year nothing is checked.
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
//! The trial began on Wednesday, 3 July.      (3 July 2024 was a Wednesday)
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

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            claims.others().iter().filter_map(move |claim| {
                let ClaimValue::Date(t) = &claim.value else {
                    return None;
                };
                let written = claim.weekday?;
                if t.invalid {
                    return None;
                }
                // The year written, else the one the extractor read for the date
                // (near the article's date, the year the day has without the
                // weekday; farther off, the weekday chooses between the two nearest).
                let date = jiff::civil::Date::new(t.year?, t.month?, t.day?).ok()?;
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
