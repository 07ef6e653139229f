//! # weekday-mismatch
//!
//! ## What it does
//! Reports a weekday written next to a date that does not fall on it: "on Friday,
//! 3 July" in an article dated 2025 (3 July 2025 is a Thursday). The year is the one
//! written, else the one the claims extractor gives the date: of the day's two
//! occurrences around the article's date (the last before it, the next after it), the
//! one the weekday falls on, else the nearer. "Friday, Sept. 14" in a May 2019
//! article is 14 September 2018, a Friday: no finding. But a day and month within a
//! quarter of the article's date (91 days either side) are that occurrence whatever
//! the weekday: "signed on Wednesday, March 4" in an article of 5 March 2025 is the
//! day before (a Tuesday), not 4 March 2026 (a Wednesday) a year ahead. Without a
//! known year nothing is checked.
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

/// Days either side of the article's date within which a day and month without a
/// year are the occurrence nearest to it, whatever weekday is written with them: a
/// reader takes "Wednesday, March 4" in an article of 5 March as the day before, and
/// a writer who meant a date a year off would write its year.
const NEAR_DAYS: i32 = 91;

/// The occurrence of `month`/`day` nearest to `anchor` (the year before, the same or
/// the next), when it is within [`NEAR_DAYS`] of it.
fn near_occurrence(anchor: jiff::civil::Date, month: i8, day: i8) -> Option<jiff::civil::Date> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| jiff::civil::Date::new(y, month, day).ok())
        .filter_map(|d| {
            let days = anchor.until(d).ok()?.get_days().abs();
            (days <= NEAR_DAYS).then_some((days, d))
        })
        .min()
        .map(|(_, d)| d)
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
                // The year written, else the one the extractor read for the date
                // (it lets the weekday choose between the two nearest years), unless
                // the date is near the article's (`near_occurrence`).
                let near = t
                    .relative
                    .then(|| cx.article(article).meta.date)
                    .flatten()
                    .and_then(|anchor| near_occurrence(anchor, month, day));
                let year = near.map(|d| d.year()).or(t.year)?;
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

#[cfg(test)]
mod tests {
    use super::near_occurrence;
    use jiff::civil::date;

    #[test]
    fn a_day_near_the_article_is_the_nearest_occurrence() {
        // The day before, not a year ahead.
        assert_eq!(near_occurrence(date(2025, 3, 5), 3, 4), Some(date(2025, 3, 4)));
        // Across the turn of the year, either way.
        assert_eq!(near_occurrence(date(2025, 12, 28), 1, 2), Some(date(2026, 1, 2)));
        assert_eq!(near_occurrence(date(2025, 1, 3), 12, 30), Some(date(2024, 12, 30)));
        // Farther off, the weekday chooses the year (the claims' resolution).
        assert_eq!(near_occurrence(date(2019, 5, 10), 9, 14), None);
        // A day that does not exist in the nearest years.
        assert_eq!(near_occurrence(date(2025, 3, 5), 2, 30), None);
    }
}
