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

/// The title of a body whose first line is the header that dates it, an outlet's
/// line over the headline ("bdnews24.com, 5 May 2026", then "Ferry capsize: search
/// ends"): the next non-empty line, as [`first_line_title`] reads it. `None` when the
/// first line is no such header or nothing follows it.
pub(crate) fn title_after_header(text: &str, body: Span) -> Option<String> {
    let slice = &text[body.range()];
    let mut start = 0;
    for line in slice.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed = line.trim().trim_start_matches('#').trim();
        if !trimmed.is_empty() {
            line_date(trimmed, true)?;
            let rest = Span::new(body.start as usize + end, body.end as usize);
            return text[rest.range()]
                .lines()
                .any(|l| !l.trim().is_empty())
                .then(|| first_line_title(text, rest));
        }
        start = end;
    }
    None
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

/// The article date a header line of the body gives, for an article that has no
/// date of its own (a pasted or saved page: "BBC Sport, 17 May 2026", "Published:
/// June 13, 2013 4:59 PM EDT", "By Priya Raman, Millbrook Gazette — November 4,
/// 2026", "Saturday, August 24, 2013"): a guess ([`crate::DateSource::Inferred`]).
///
/// Read among the first [`HEADER_LINES`] non-empty lines, up to the first line of a
/// paragraph's length (more than [`HEADER_WORDS`] words), a day, month and year as
/// [`parse_date`] or [`HEADER_FORMATS`] read them (commas and abbreviation points
/// aside, "Sept." as "Sep"). The words around the date must be a header's: names and
/// labels written with a capital ("BALKAN WIRE", "Updated:", "PUBLISHED"), times,
/// weekdays, punctuation, and the few lower-case words of [`HEADER_LOWER`]. A sentence
/// that gives a date ("Reid checked herself in on Tuesday, December 9, 2008.") is
/// none, and the title's line gives one only when no other word is beside the date
/// but such labels ("Court to rule on March 3, 2025" speaks of another day).
pub(crate) fn header_date(text: &str, body: Span, title: &str) -> Option<jiff::civil::Date> {
    text[body.range()]
        .lines()
        .map(|line| line.trim().trim_start_matches('#').trim())
        .filter(|line| !line.is_empty())
        .take(HEADER_LINES)
        .take_while(|line| line.split_whitespace().count() <= HEADER_WORDS)
        .find_map(|line| line_date(line, line == title.trim()))
}

/// How many non-empty lines of a body may hold its header's date.
const HEADER_LINES: usize = 5;
/// The most words of a header line; a longer line is the article's first paragraph.
const HEADER_WORDS: usize = 16;
/// The forms of a header's date besides [`parse_date`]'s, once its commas and points
/// are gone ("Jul 7 2012", "Sunday 4 August 2013" from its day on).
const HEADER_FORMATS: &[&str] = &["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"];
/// The lower-case words a header line may have beside its date.
const HEADER_LOWER: &[&str] = &[
    "by",
    "on",
    "at",
    "of",
    "the",
    "and",
    "in",
    "last",
    "first",
    "updated",
    "published",
    "posted",
    "modified",
    "created",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "hrs",
    "et",
    "gmt",
];

/// The words of [`HEADER_LOWER`] that join a name rather than tell of a date ("The
/// Hindu", "Times of India").
const NAME_JOINERS: &[&str] = &["the", "of", "and"];

/// Lower-case particles that join the capitalized words of an outlet's name in other
/// languages ("Jornal de Notícias", "Corriere della Sera", "Gazet van Antwerpen"),
/// read as part of the name only between two capitalized words before the date.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "das", "dos", "del", "della", "dello", "degli", "di", "du", "des", "la",
    "le", "el", "van", "von", "der", "den", "het",
];

/// The date `line` gives as a header, if it is one ([`header_date`]). `title`: the
/// line is the article's title, beside whose date only labels may stand.
fn line_date(line: &str, title: bool) -> Option<jiff::civil::Date> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (at, len, date) = (0..words.len()).find_map(|i| {
        (1..=4.min(words.len() - i))
            .rev()
            .find_map(|k| window_date(&words[i..i + k]).map(|d| (i, k, d)))
    })?;
    let rest: Vec<&str> = words[..at]
        .iter()
        .chain(&words[at + len..])
        .copied()
        .collect();
    let capitalized = |w: Option<&&str>| {
        w.is_some_and(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_uppercase())
        })
    };
    // On the title's line, names may stand before the date when a comma, a dash or a
    // bar sets them off from it: an outlet's or a wire's line ("Silesia Today, 13
    // October 2026", "BANKWIRE, November 3, 2026"), not a headline's words ("Court To
    // Rule On March 3, 2025").
    let set_off = words[at].chars().all(|c| !c.is_alphanumeric())
        || at > 0
            && match words[at - 1] {
                "-" | "–" | "—" | "|" => true,
                word => {
                    let core = word.trim_end_matches(',').to_lowercase();
                    word.ends_with(',')
                        && !is_weekday(&core)
                        && !HEADER_LOWER.contains(&core.as_str())
                }
            };
    let mut named = 0;
    let mut named_after = 0;
    let mut label_before = false;
    // Within a parenthesis that opens on a name, lower-case words qualify it ("Der
    // Standard (English edition)", "The Hindu (Chennai edition)").
    let mut in_parenthesis = false;
    for (i, &word) in rest.iter().enumerate() {
        let qualifier = in_parenthesis;
        if word.starts_with('(') {
            in_parenthesis = word.chars().nth(1).is_some_and(char::is_uppercase);
        }
        let qualifier = qualifier || in_parenthesis;
        if word.contains(')') {
            in_parenthesis = false;
        }
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) {
            continue; // a time, a figure, punctuation
        }
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let lower = core.to_lowercase();
        let label = HEADER_LOWER.contains(&lower.as_str()) || is_weekday(&lower);
        // "Jornal de Notícias, 4 October 2026": a particle between two capitalized
        // words before the date joins a name.
        let particle = NAME_PARTICLES.contains(&core)
            && i + 1 < at
            && i > 0
            && capitalized(rest.get(i - 1))
            && capitalized(rest.get(i + 1));
        if particle {
            continue;
        }
        if !label && !qualifier && !is_site(core) && !core.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        if !label
            && !matches!(
                lower.trim_end_matches(':'),
                "updated" | "published" | "posted"
            )
        {
            named += 1;
            if i >= at {
                named_after += 1;
            }
        }
        // "the", "of" and "and" join a name ("The Hindu", "Times of India"); the other
        // labels before a date tell of it ("On March 3", "Storm Hits Coast Tuesday").
        label_before |= label && i < at && !NAME_JOINERS.contains(&lower.as_str());
    }
    let headline = named > 0 && (named_after > 0 || label_before || !set_off);
    if (title && headline) || named > 8 {
        return None;
    }
    Some(date)
}

/// An outlet named by its site, written in lower case as it is ("bdnews24.com",
/// "thehindu.co.in", "dawn.com"): letters and digits, then dot-separated parts of
/// letters, the last two to six of them.
fn is_site(word: &str) -> bool {
    let mut parts = word.split('.');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !first.is_empty()
        && first.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && first.chars().any(|c| c.is_ascii_alphabetic())
        && !rest.is_empty()
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphabetic()))
        && rest.last().is_some_and(|tld| (2..=6).contains(&tld.len()))
}

/// A weekday's name or its abbreviation ("saturday", "sat", "thu."), as jiff's
/// `strtime` reads one (`%A` the name, `%a` the abbreviation: `%a` alone reads
/// "tue" of "tuesday" and refuses the rest).
fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    word.len() >= 3
        && ["%A", "%a"]
            .iter()
            .any(|format| jiff::fmt::strtime::BrokenDownTime::parse(format, word).is_ok())
}

/// The date a run of a header's words gives: a day, a month and a year.
fn window_date(words: &[&str]) -> Option<jiff::civil::Date> {
    let joined = words.join(" ");
    let raw = joined.trim_matches(|c: char| !c.is_alphanumeric());
    if let Ok(date) = parse_date(raw)
        && raw.len() >= 8
    {
        return Some(date);
    }
    // "June 13, 2013" -> "June 13 2013"; "Aug. 4," -> "Aug 4"; a year glued to a time
    // ("2013-21:29") is its year.
    let mut parts: Vec<String> = words
        .iter()
        .map(|w| match w.replace([',', '.'], "") {
            w if w.eq_ignore_ascii_case("sept") => "Sep".to_owned(),
            w => w,
        })
        .collect();
    if let Some(last) = parts.last_mut() {
        let digits: String = last.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            *last = digits;
        }
    }
    let normal = parts.join(" ");
    if !normal.ends_with(|c: char| c.is_ascii_digit()) || normal.split(' ').count() != 3 {
        return None;
    }
    HEADER_FORMATS.iter().find_map(|format| {
        jiff::fmt::strtime::BrokenDownTime::parse(format, &normal)
            .ok()
            .and_then(|tm| tm.to_date().ok())
    })
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
    fn a_header_line_dates_an_undated_article() {
        let date = |text: &str, title: &str| {
            header_date(text, Span::new(0, text.len()), title).map(|d| d.to_string())
        };
        for (text, want) in [
            (
                "Court annuls law\n\nBALKAN WIRE, 25 June 2026\n\nVELGRAD - The court ruled.",
                "2026-06-25",
            ),
            (
                "Too close to call\n\nMillbrook Herald, November 3, 2026\n\nWith 60 percent.",
                "2026-11-03",
            ),
            (
                "Title\nBy Priya Raman, Millbrook Gazette — November 4, 2026\nText.",
                "2026-11-04",
            ),
            (
                "Title\nFirst Published: June 13, 2013 4:59 PM EDT\n",
                "2013-06-13",
            ),
            ("Title\nFri., May. 3, 2013 11:45 AM PDT\n", "2013-05-03"),
            (
                "Title\nPosted on Thu Jun 13, 2013 08:45 AM PDT\n",
                "2013-06-13",
            ),
            (
                "Title\nupdated 8:41 p.m. EST, Tue March 3, 2009\n",
                "2009-03-03",
            ),
            ("Title\nSunday 4 August 2013, 19:30\n", "2013-08-04"),
            ("Title\nPosted Sept. 15, 2026\n", "2026-09-15"),
            (
                "Title\n26 September 2013, 10:00 (GMT+05: 00)\n",
                "2013-09-26",
            ),
            ("Title\n17 September 2013-21:29\n", "2013-09-17"),
            ("Title\nReleased 2013-09-28 05:08: 35 GMT\n", "2013-09-28"),
            (
                "Title\nPUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 13 March 2013\n",
                "2013-03-12",
            ),
            ("Saturday, August 24, 2013\nText.", "2013-08-24"),
        ] {
            assert_eq!(date(text, "Title").as_deref(), Some(want), "{text:?}");
        }
        for text in [
            // A sentence that gives a date; a date with no year; a paragraph.
            "Title\nReid checked herself in on Tuesday, December 9, 2008.\n",
            "Title\nWASHINGTON, March 3 (Reuters) - The Fed said.\n",
            "Title\nThe mayor, who took office on January 4, 2027, and the council met on Monday to agree on a budget for the city.\n",
            // Past the header: the sixth non-empty line, or after a paragraph.
            "Title\nA\nB\nC\nD\n25 June 2026\n",
            "Title\nThe court ruled on Wednesday that the law, passed by parliament in 2019, violated the right of assembly.\n25 June 2026\n",
        ] {
            assert_eq!(date(text, "Title"), None, "{text:?}");
        }
        // The title's line: the date alone, or with labels; not a headline's other day.
        assert_eq!(
            date("14 June 2013\nText.", "14 June 2013").as_deref(),
            Some("2013-06-14")
        );
        assert_eq!(
            date(
                "Court To Rule On March 3, 2025\nText.",
                "Court To Rule On March 3, 2025"
            ),
            None
        );
        // A weekday's name is a header's word, written whole or cut.
        for word in ["tuesday", "Saturday,", "thu.", "Sun"] {
            assert!(is_weekday(word), "{word}");
        }
        assert!(!is_weekday("storm"));
        // An outlet's or a wire's line first, its names set off from the date by a
        // comma or a dash, is a header; a headline's other words around a date are not.
        for (line, want) in [
            ("Silesia Today, 13 October 2026", Some("2026-10-13")),
            ("BANKWIRE, November 3, 2026", Some("2026-11-03")),
            ("Elk Valley Herald — June 9, 2026", Some("2026-06-09")),
            // A site's name in lower case, a name qualified in a parenthesis.
            ("bdnews24.com, 5 May 2026", Some("2026-05-05")),
            ("thehindu.co.in | 12 March 2026", Some("2026-03-12")),
            (
                "Der Standard (English edition), 24 November 2026",
                Some("2026-11-24"),
            ),
            ("The Hindu (Chennai), 2 June 2026", Some("2026-06-02")),
            ("The Times of India, 2 June 2026", Some("2026-06-02")),
            // Another language's particle between the capitalized words of a name.
            (
                "Jornal de Notícias (English edition), 4 October 2026",
                Some("2026-10-04"),
            ),
            ("Corriere della Sera, 4 October 2026", Some("2026-10-04")),
            ("The Storm Hits On March 3, 2025", None),
            // Not a particle among a headline's lower-case words.
            ("Storm hits de Gaulle airport, March 3, 2025", None),
            // Not a headline's lower-case words, in a parenthesis or not.
            ("Storm (finally) Hits Coast, March 3, 2025", None),
            ("visit bdnews24.com for more on March 3, 2025", None),
            ("Storm Hits Coast Tuesday, March 3, 2025", None),
            ("Storm Hits Coast, March 3, 2025, Leaves 12 Dead", None),
        ] {
            let text = format!("{line}\nHeadline\n\nText.");
            assert_eq!(date(&text, line).as_deref(), want, "{line:?}");
        }
    }

    #[test]
    fn a_header_line_first_gives_way_to_the_headline_as_title() {
        let title = |text: &str| title_after_header(text, Span::new(0, text.len()));
        assert_eq!(
            title("bdnews24.com, 5 May 2026\n\nFerry capsize: search ends\n\nText.").as_deref(),
            Some("Ferry capsize: search ends")
        );
        assert_eq!(
            title("\n# Silesia Today, 13 October 2026\nBlast kills five\n").as_deref(),
            Some("Blast kills five")
        );
        // A headline first, or a header with nothing after it, keeps its title.
        assert_eq!(title("Court To Rule On March 3, 2025\nText."), None);
        assert_eq!(
            title("Blast kills five\nSilesia Today, 13 October 2026\n"),
            None
        );
        assert_eq!(title("Silesia Today, 13 October 2026\n\n"), None);
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
