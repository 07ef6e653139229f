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
            claims.others().iter().filter_map(move |claim| {
                let ClaimValue::Date(t) = &claim.value else {
                    return None;
                };
                if !t.invalid {
                    return None;
                }
                let why = why(t);
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

/// Why the date `t` (marked invalid) does not exist, in plain words. The days of a
/// month come from jiff's calendar, February's from the date's year (written or
/// resolved against the article's date): 28 in 2025, 29 in 2024.
fn why(t: &factdiff_claims::Timex) -> String {
    let days_in = |year: i16, month: i8| {
        jiff::civil::Date::new(year, month, 1)
            .ok()
            .map(|d| d.days_in_month())
    };
    match (t.year, t.month, t.day) {
        (Some(y), Some(2), Some(29)) => format!("{y} is not a leap year"),
        (None, Some(2), Some(29)) => "February has 29 days only in a leap year".to_owned(),
        (year, Some(m @ 1..=12), Some(_)) => {
            let month = factdiff_claims::month_name(m).unwrap_or_default();
            // Any common year gives the days of the months other than February.
            match (m, year.and_then(|y| days_in(y, m))) {
                (2, Some(days)) => format!("{month} has {days} days in {}", year.unwrap_or_default()),
                (2, None) => format!("{month} has 28 days, 29 in a leap year"),
                (_, days) => format!("{month} has {} days", days.or(days_in(2001, m)).unwrap_or(31)),
            }
        }
        _ => "no calendar has that day".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::why;
    use factdiff_claims::Timex;

    fn date(year: Option<i16>, month: i8, day: i8) -> Timex {
        Timex {
            value: String::new(),
            year,
            month: Some(month),
            day: Some(day),
            relative: false,
            deictic: false,
            reporting: false,
            invalid: true,
        }
    }

    #[test]
    fn february_has_28_days_in_a_common_year_and_29_in_a_leap_year() {
        assert_eq!(why(&date(Some(2025), 2, 30)), "February has 28 days in 2025");
        assert_eq!(why(&date(Some(2024), 2, 30)), "February has 29 days in 2024");
        assert_eq!(why(&date(Some(1900), 2, 30)), "February has 28 days in 1900");
        assert_eq!(why(&date(Some(2000), 2, 31)), "February has 29 days in 2000");
        assert_eq!(why(&date(None, 2, 30)), "February has 28 days, 29 in a leap year");
        assert_eq!(why(&date(Some(2025), 2, 29)), "2025 is not a leap year");
        assert_eq!(why(&date(None, 2, 29)), "February has 29 days only in a leap year");
    }

    #[test]
    fn the_other_months_have_their_own_days() {
        assert_eq!(why(&date(Some(2025), 4, 31)), "April has 30 days");
        assert_eq!(why(&date(None, 9, 31)), "September has 30 days");
        assert_eq!(why(&date(Some(2025), 1, 32)), "January has 31 days");
        assert_eq!(why(&date(Some(2025), 13, 1)), "no calendar has that day");
    }
}
