//! One module per input format. Each turns a file's text into articles and problems.

pub(crate) mod html;
pub(crate) mod jsonl;
pub(crate) mod markdown;

use crate::span::Span;

/// The first non-empty line of a span of text, trimmed, as a title.
pub(crate) fn first_line_title(text: &str, body: Span) -> String {
    text[body.range()]
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(|line| line.trim_start_matches('#').trim().to_owned())
        .unwrap_or_default()
}

/// Parses an article date: RFC 3339 (a timestamp; its civil date is kept) or
/// `YYYY-MM-DD`.
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
    Err(format!(
        "`{value}` is not a date (expected YYYY-MM-DD or an RFC 3339 timestamp)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_the_documented_forms() {
        assert_eq!(parse_date("2025-10-14").unwrap().to_string(), "2025-10-14");
        assert_eq!(
            parse_date("2025-10-14T23:30:00-05:00").unwrap().to_string(),
            "2025-10-14"
        );
        assert_eq!(
            parse_date("2025-10-14T08:00:00Z").unwrap().to_string(),
            "2025-10-14"
        );
        assert!(parse_date("14/10/2025").is_err());
        assert!(parse_date("2025-02-30").is_err());
    }
}
