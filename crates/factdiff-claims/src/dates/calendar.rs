//! Calendar arithmetic for the date grammar (jiff's): TIMEX3 values of days, weeks,
//! months and years, and the dates that relative expressions ("yesterday", "last
//! month", "two weeks ago", "on Sunday") resolve to from an anchor date. Knows no
//! token and no word: the grammar in `dates/mod.rs` decides what was written and calls
//! here to compute it.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

use crate::Timex;

pub(super) fn timex(
    value: String,
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    relative: bool,
) -> Timex {
    Timex {
        value,
        year,
        month,
        day,
        relative,
        deictic: relative,
        reporting: false,
        invalid: false,
    }
}

pub(super) fn day_timex(d: Date, relative: bool) -> Timex {
    timex(
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        Some(d.year()),
        Some(d.month()),
        Some(d.day()),
        relative,
    )
}

/// A day and month as written, with a year written or inferred (`relative`): the day
/// is the text's, so the date is never deictic.
pub(super) fn ymd_timex(year: Option<i16>, month: i8, day: i8, relative: bool) -> Timex {
    Timex {
        deictic: false,
        ..ymd(year, month, day, relative)
    }
}

fn ymd(year: Option<i16>, month: i8, day: i8, relative: bool) -> Timex {
    match year {
        Some(y) => match Date::new(y, month, day) {
            Ok(d) => day_timex(d, relative),
            Err(_) => Timex {
                invalid: true,
                ..timex(
                    format!("{y:04}-{month:02}-{day:02}"),
                    Some(y),
                    Some(month),
                    Some(day),
                    relative,
                )
            },
        },
        None => {
            // Leap day is valid in some year.
            let invalid = Date::new(2024, month, day).is_err();
            Timex {
                invalid,
                ..timex(
                    format!("XXXX-{month:02}-{day:02}"),
                    None,
                    Some(month),
                    Some(day),
                    relative,
                )
            }
        }
    }
}

pub(super) fn month_timex(year: Option<i16>, month: i8, relative: bool) -> Timex {
    let value = match year {
        Some(y) => format!("{y:04}-{month:02}"),
        None => format!("XXXX-{month:02}"),
    };
    timex(value, year, Some(month), None, relative)
}

pub(super) fn year_timex(y: i16, relative: bool) -> Timex {
    timex(format!("{y:04}"), Some(y), None, None, relative)
}

pub(super) fn week_timex(d: Date) -> Timex {
    let w = d.iso_week_date();
    timex(
        format!("{:04}-W{:02}", w.year(), w.week()),
        Some(w.year()),
        None,
        None,
        true,
    )
}

pub(super) fn unresolved(value: &str) -> Timex {
    timex(value.to_owned(), None, None, None, true)
}

/// The year of a month (and day) written without one: news tells of the past, so a
/// month after the anchor's month is last year's, unless the sentence speaks of the
/// future ("will"), when it is this year's (and a month before the anchor's, next
/// year's if it is more than two months back).
pub(super) fn nearest_year(anchor: Option<Date>, month: i8, future: bool) -> Option<i16> {
    let a = anchor?;
    let diff = i32::from(month) - i32::from(a.month());
    Some(match (future, diff) {
        (false, d) if d > 1 => a.year() - 1,
        (true, d) if d < -2 => a.year() + 1,
        _ => a.year(),
    })
}

/// Days either side of the anchor within which a day and month written with a weekday
/// but no year keep the year they would have without it, whatever the weekday: a
/// reader takes "Wednesday, March 4" in an article of 5 March 2025 as the day before (a
/// Tuesday, so the weekday is wrong), and a writer who meant a date a year off would
/// write its year.
const WEEKDAY_NEAR_DAYS: i32 = 91;

/// The year of a day and month written with a weekday but no year ("Friday, Sept.
/// 14"); `usual` is the year the date has without the weekday ([`nearest_year`], with
/// the tense). When that date is within [`WEEKDAY_NEAR_DAYS`] of the anchor it stands,
/// whatever the weekday (then the weekday does not fit, and weekday-mismatch reports
/// it): "signed on Wednesday, March 4" in an article of 5 March 2025 is 4 March 2025,
/// not 4 March 2026 (a Wednesday) a year ahead (issue 13). Farther off, of the day's
/// two occurrences around the anchor (the last on or before it, the first after it),
/// the one the weekday falls on, else the nearer one: "The trial began on Friday,
/// Sept. 14" in a May 2019 article is 14 September 2018, a Friday, and "met on Friday,
/// 3 January" in an October 2025 article is 3 January 2025 (a Friday; 3 January 2026,
/// 81 days ahead, is a Saturday); the weekday picks only between the two dates a
/// reader could mean, never a year further off. Beyond `usual`, the tense is no
/// guide: "delayed until Wednesday, April 1" looks ahead after a past participle, "was
/// scheduled Monday (April 13)" is the article's own day.
pub(super) fn year_for_weekday(
    anchor: Date,
    usual: Option<i16>,
    month: i8,
    day: i8,
    wd: Weekday,
) -> Option<i16> {
    let distance = |d: &Date| {
        anchor
            .until(*d)
            .map_or(i32::MAX, |span| span.get_days().abs())
    };
    if let Some(y) = usual
        && let Ok(d) = Date::new(y, month, day)
        && distance(&d) <= WEEKDAY_NEAR_DAYS
    {
        return Some(y);
    }
    let around: Vec<Date> = (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| Date::new(y, month, day).ok())
        .collect();
    let before = around.iter().rev().find(|d| **d <= anchor);
    let after = around.iter().find(|d| **d > anchor);
    let candidates: Vec<Date> = before.into_iter().chain(after).copied().collect();
    let nearest = |d: &&Date| (distance(d), d.year());
    candidates
        .iter()
        .filter(|d| d.weekday() == wd)
        .min_by_key(nearest)
        .or_else(|| candidates.iter().min_by_key(nearest))
        .map(|d| d.year())
}

/// An unresolved weekday (no anchor date): `XXXX-WXX-1` for Monday.
pub(super) fn unresolved_weekday(wd: Weekday) -> Timex {
    unresolved(&format!("XXXX-WXX-{}", wd.to_monday_one_offset()))
}

/// The date `y-m-d`, if it exists.
pub(super) fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The day `n` days after `d` (before it when `n` is negative): "tomorrow", "yesterday".
pub(super) fn days_after(d: Date, n: i64) -> Timex {
    day_timex(d + n.days(), true)
}

/// The ISO week `shift` weeks after the week of `d`: "last week", "next week".
pub(super) fn weeks_after(d: Date, shift: i64) -> Timex {
    week_timex(d + (7 * shift).days())
}

/// The month `shift` months after the month of `d`: "last month", "this month".
pub(super) fn months_after(d: Date, shift: i64) -> Timex {
    let d = d.first_of_month() + shift.months();
    month_timex(Some(d.year()), d.month(), true)
}

/// The year `shift` years after the year of `d`: "last year", "next year".
pub(super) fn years_after(d: Date, shift: i64) -> Timex {
    year_timex(d.year() + shift as i16, true)
}

/// `n` days (`D`), weeks (`W`), months (`M`) or years (`Y`) before `d`: "two weeks ago".
pub(super) fn ago(d: Date, n: i64, unit: &str) -> Option<Timex> {
    // Checked: "99999999 days ago" is past the calendar's range, not a panic.
    let span = match unit {
        "D" => Span::new().try_days(n).ok()?,
        "W" => Span::new().try_weeks(n).ok()?,
        "M" => Span::new().try_months(n).ok()?,
        _ => {
            let year = d.year().checked_sub(i16::try_from(n).ok()?)?;
            return Some(year_timex(year, true));
        }
    };
    Some(match unit {
        "D" => day_timex(d.checked_sub(span).ok()?, true),
        "W" => week_timex(d.checked_sub(span).ok()?),
        _ => {
            let d = d.first_of_month().checked_sub(span).ok()?;
            month_timex(Some(d.year()), d.month(), true)
        }
    })
}

/// The last complete quarter before `d`: "the quarter", "the latest quarter".
pub(super) fn last_complete_quarter(d: Date) -> Timex {
    let q = (d.month() - 1) / 3 + 1;
    let (y, q) = if q == 1 {
        (d.year() - 1, 4)
    } else {
        (d.year(), q - 1)
    };
    timex(format!("{y:04}-Q{q}"), Some(y), None, None, true)
}

/// The year of month `m` said with `shift` from `d`: "last September" (-1), "this
/// summer" (0), "next March" (1).
pub(super) fn year_of_shifted_month(d: Date, m: i8, shift: i64) -> i16 {
    match shift {
        -1 if m >= d.month() => d.year() - 1,
        1 if m <= d.month() => d.year() + 1,
        _ => d.year(),
    }
}

/// The weekday `wd` after `d` (`shift` > 0: "next Monday") or before it ("last Monday").
pub(super) fn shifted_weekday(d: Date, wd: Weekday, shift: i64) -> Timex {
    let n = if shift > 0 { 1 } else { -1 };
    d.nth_weekday(n, wd)
        .map_or_else(|_| unresolved("XXXX-XX-XX"), |x| day_timex(x, true))
}

/// A bare weekday ("on Sunday"): `d` itself when it is that day, else the nearest such
/// day before `d`, or after it when the sentence speaks of the future.
pub(super) fn nearest_weekday(d: Date, wd: Weekday, future: bool) -> Timex {
    // "later Monday" in Monday's paper is that Monday, whatever the tense.
    let r = if d.weekday() == wd {
        Ok(d)
    } else if future {
        d.nth_weekday(1, wd)
    } else {
        d.nth_weekday(-1, wd)
    };
    r.map_or_else(|_| unresolved("XXXX-XX-XX"), |x| day_timex(x, true))
}

#[cfg(test)]
mod tests {
    use super::year_for_weekday;
    use jiff::civil::{Weekday, date};

    #[test]
    fn a_day_near_the_anchor_keeps_its_year_whatever_the_weekday() {
        // 4 March 2025 is a Tuesday, 4 March 2026 a Wednesday: the day before the
        // article, not a year ahead (issue 13).
        let y = |a, u, m, d, wd| year_for_weekday(a, Some(u), m, d, wd);
        assert_eq!(
            y(date(2025, 3, 5), 2025, 3, 4, Weekday::Wednesday),
            Some(2025)
        );
        assert_eq!(
            y(date(2025, 3, 5), 2025, 3, 4, Weekday::Tuesday),
            Some(2025)
        );
        // Across the turn of the year, either way (2 January 2025 was a Thursday,
        // 30 December 2025 is a Tuesday).
        assert_eq!(
            y(date(2025, 12, 28), 2026, 1, 2, Weekday::Thursday),
            Some(2026)
        );
        assert_eq!(
            y(date(2025, 1, 3), 2024, 12, 30, Weekday::Tuesday),
            Some(2024)
        );
        // 91 days ahead is still near, 92 is not: 4 June 2024 was a Tuesday, 5 June
        // 2024 a Wednesday.
        assert_eq!(
            y(date(2025, 3, 5), 2025, 6, 4, Weekday::Tuesday),
            Some(2025)
        );
        assert_eq!(
            y(date(2025, 3, 5), 2025, 6, 5, Weekday::Wednesday),
            Some(2024)
        );
    }

    #[test]
    fn farther_off_the_weekday_chooses_between_the_two_occurrences() {
        // "Friday, Sept. 14" in a May 2019 article, read as last September's: 14
        // September 2018 was a Friday, 14 September 2019 is a Saturday.
        let y = |a, u, m, d, wd| year_for_weekday(a, Some(u), m, d, wd);
        assert_eq!(
            y(date(2019, 5, 10), 2018, 9, 14, Weekday::Friday),
            Some(2018)
        );
        assert_eq!(
            y(date(2019, 5, 10), 2018, 9, 14, Weekday::Saturday),
            Some(2019)
        );
        // A weekday that fits neither: the nearer occurrence (September 2019).
        assert_eq!(
            y(date(2019, 5, 10), 2018, 9, 14, Weekday::Monday),
            Some(2019)
        );
        // "met on Friday, 3 January" in October 2025: January 2025 (a Friday), not
        // 3 January 2026 (81 days ahead, a Saturday).
        assert_eq!(
            y(date(2025, 10, 14), 2025, 1, 3, Weekday::Friday),
            Some(2025)
        );
        // A leap day that the usual year lacks: only the occurrences that exist.
        assert_eq!(
            y(date(2025, 3, 5), 2025, 2, 29, Weekday::Thursday),
            Some(2024)
        );
        assert_eq!(
            year_for_weekday(date(2025, 3, 5), None, 3, 4, Weekday::Wednesday),
            Some(2026)
        );
    }
}
