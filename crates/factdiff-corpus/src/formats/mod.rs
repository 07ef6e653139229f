//! One module per input format. Each turns a file's text into articles and problems.

pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod jsonl;
pub(crate) mod markdown;

use crate::span::Span;

/// The first non-empty line of a span of text, trimmed, as a title. A first line
/// longer than a headline (an archive's paragraph on one line, with no title given)
/// is cut at the last space within [`TITLE_CHARS`] characters, with an ellipsis: a
/// report or a story view shows a title, not a paragraph.
pub(crate) fn first_line_title(text: &str, body: Span) -> String {
    let line = text[body.range()]
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(|line| line.trim_start_matches('#').trim())
        .unwrap_or_default();
    match line.char_indices().nth(TITLE_CHARS) {
        Some((cut, _)) => {
            let head = &line[..cut];
            let head = head
                .rfind(char::is_whitespace)
                .map_or(head, |at| &head[..at]);
            format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
        }
        None => line.to_owned(),
    }
}

/// The most characters of a title taken from an article's first line.
const TITLE_CHARS: usize = 100;

/// The `strftime` forms an article date may take besides ISO 8601, RFC 3339 and RFC
/// 2822, tried in order with `jiff::fmt::strtime` (month names in any case). Numeric
/// forms with the day first or the month first (`03/04/2025`) are left out: they are
/// ambiguous, and a wrong anchor date is worse than none.
const DATE_FORMATS: &[&str] = &[
    "%Y/%m/%d",             // 2025/03/03
    "%B %d, %Y",            // March 3, 2025
    "%b %d, %Y",            // Mar 3, 2025
    "%d %B %Y",             // 3 March 2025
    "%d %b %Y",             // 3 Mar 2025
    "%d-%b-%Y %H:%M:%S%.f", // 26-FEB-1987 15:01:01.79 (Reuters-21578)
    "%d-%b-%Y",             // 26-FEB-1987
];

/// What [`parse_date`] accepts, for messages.
pub(crate) const DATE_FORMS: &str = "YYYY-MM-DD, RFC 3339, RFC 2822 (`Thu, 26 Feb 1987 15:01:01 GMT`), `26-FEB-1987 15:01:01.79`, `March 3, 2025`, `3 March 2025` or `2025/03/03`";

/// Parses an article date: `YYYY-MM-DD`, an RFC 3339 or ISO 8601 timestamp, an RFC
/// 2822 date (`Thu, 26 Feb 1987 15:01:01 GMT`), or one of [`DATE_FORMATS`]. A date
/// with a time and an offset or zone keeps its calendar date as written (a story
/// filed at 23:30 in New York is dated that day, not the next day in UTC).
pub(crate) fn parse_date(value: &str) -> Result<jiff::civil::Date, String> {
    let value = value.trim();
    if let Ok(date) = value.parse::<jiff::civil::Date>() {
        return Ok(date);
    }
    if let Ok(ts) = value.parse::<jiff::Timestamp>() {
        // Keep the date as written, in the offset it was written with.
        if let Some(date_part) = value.get(..10)
            && let Ok(date) = date_part.parse::<jiff::civil::Date>()
        {
            return Ok(date);
        }
        return Ok(ts.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    if let Ok(dt) = value.parse::<jiff::civil::DateTime>() {
        return Ok(dt.date());
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(value) {
        // Parsed in the offset it was written with: its civil date is the one written.
        return Ok(zoned.date());
    }
    for format in DATE_FORMATS {
        if let Ok(tm) = jiff::fmt::strtime::BrokenDownTime::parse(format, value)
            && let Ok(date) = tm.to_date()
        {
            return Ok(date);
        }
    }
    Err(format!("`{value}` is not a date (expected {DATE_FORMS})"))
}

/// An article date given as a JSON number: Unix seconds, read as a UTC date.
pub(crate) fn unix_date(value: &serde_json::Number) -> Result<jiff::civil::Date, String> {
    let seconds = value.as_i64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.is_finite())
            .map(|f| f.floor() as i64)
    });
    seconds
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date())
        .ok_or_else(|| {
            format!("`{value}` is out of range for Unix seconds (milliseconds are not read)")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_line_is_a_title_and_a_paragraph_is_cut_to_one() {
        let title = |text: &str| first_line_title(text, Span::new(0, text.len()));
        assert_eq!(
            title("\n# Quake kills 112 in Herat\nBody."),
            "Quake kills 112 in Herat"
        );
        let paragraph = "Iraq's Saddam Hussein, his options for ending the Persian Gulf crisis \
            growing increasingly unpleasant, assumed the role of embattled Arab hero.";
        assert_eq!(
            title(paragraph),
            "Iraq's Saddam Hussein, his options for ending the Persian Gulf crisis growing increasingly…"
        );
        // Cut by characters, not bytes; a word longer than a title is cut inside.
        let long = "Ä".repeat(150);
        assert_eq!(title(&long), format!("{}…", "Ä".repeat(100)));
    }

    #[test]
    fn dates_parse_in_the_documented_forms() {
        for (input, want) in [
            ("2025-10-14", "2025-10-14"),
            (" 2025-10-14 ", "2025-10-14"),
            // A time and an offset: the date as written, not the date in UTC.
            ("2025-10-14T23:30:00-05:00", "2025-10-14"),
            ("2025-10-14T00:30:00+09:00", "2025-10-14"),
            ("2025-10-14T08:00:00Z", "2025-10-14"),
            ("2025-10-14T08:00:00", "2025-10-14"),
            ("Thu, 26 Feb 1987 15:01:01 GMT", "1987-02-26"),
            ("Thu, 26 Feb 1987 23:01:01 -0500", "1987-02-26"),
            ("26 Feb 1987 15:01:01 +0000", "1987-02-26"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26"),
            ("26-FEB-1987 15:01:01", "1987-02-26"),
            ("2-MAR-1987 09:00:00.00", "1987-03-02"),
            ("26-Feb-1987", "1987-02-26"),
            ("March 3, 2025", "2025-03-03"),
            ("march 03, 2025", "2025-03-03"),
            ("Mar 3, 2025", "2025-03-03"),
            ("3 March 2025", "2025-03-03"),
            ("03 Mar 2025", "2025-03-03"),
            ("2025/03/03", "2025-03-03"),
            ("2024/02/29", "2024-02-29"),
        ] {
            assert_eq!(
                parse_date(input).map(|d| d.to_string()),
                Ok(want.to_owned()),
                "{input:?}"
            );
        }
        for bad in [
            "14/10/2025",
            "03/04/2025",
            "2025-02-30",
            "2025/02/30",
            "February 30, 2025",
            "31 April 2025",
            "30-FEB-1987 15:01:01.79",
            "Fri, 26 Feb 1987 15:01:01 GMT",
            "March 3 2025",
            "Marchember 3, 2025",
            "3 March",
            "2025",
            "yesterday",
            "",
            "26-FEB-1987 15:01:01.79 trailing",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(
                err.contains("is not a date (expected YYYY-MM-DD"),
                "{bad:?}: {err}"
            );
        }
    }

    #[test]
    fn unix_seconds_are_utc_dates() {
        let n = |s: &str| s.parse::<serde_json::Number>().unwrap();
        assert_eq!(
            unix_date(&n("541350061")).unwrap().to_string(),
            "1987-02-26"
        );
        assert_eq!(unix_date(&n("0")).unwrap().to_string(), "1970-01-01");
        assert_eq!(unix_date(&n("-86400")).unwrap().to_string(), "1969-12-31");
        assert_eq!(
            unix_date(&n("1741046399.5")).unwrap().to_string(),
            "2025-03-03"
        );
        // Milliseconds are out of range as seconds, not read as a date 50,000 years on.
        assert!(
            unix_date(&n("1741046399000"))
                .unwrap_err()
                .contains("out of range")
        );
        assert!(unix_date(&n("1e300")).is_err());
    }
}
