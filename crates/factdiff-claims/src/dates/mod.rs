//! Dates: absolute and partial dates, weekdays written with them, and relative
//! expressions resolved against the article's date, as TIMEX3 values.
//!
//! Written by hand: the date parsers on crates.io parse one string that is known to be
//! a date; none finds dates in running text, keeps "said on Monday" (a reporting date)
//! apart from the event's date, or yields TIMEX3 values for partial dates (`2025-08`,
//! `2025-W32`, `2012-SU`, `XXXX-08-07`).
//!
//! This module is the grammar: which tokens make a date. The calendar arithmetic
//! (jiff's) and the TIMEX3 values it yields are in [`calendar`].

mod calendar;

use jiff::civil::Weekday;

use self::calendar::{
    day_timex, month_timex, nearest_year, timex, unresolved, unresolved_weekday, year_timex,
    ymd_timex,
};
use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent, Timex};

/// A date found at tokens `start..end`.
struct Found {
    start: usize,
    end: usize,
    timex: Timex,
    weekday: Option<Weekday>,
}

fn day_num(s: &Sent, i: usize) -> Option<(i8, usize)> {
    let t = s.toks.get(i)?;
    if !t.is_num() || t.text.len() > 2 || t.text.contains(['.', ',']) {
        return None;
    }
    let d: i8 = t.text.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = i + 1;
    if let Some(n) = s.toks.get(end)
        && !n.space_before
        && matches!(n.lower.as_ref(), "st" | "nd" | "rd" | "th")
    {
        end += 1;
    }
    // Not "7 percent", "7:30", "7.5".
    if let Some(n) = s.toks.get(end)
        && !n.space_before
        && matches!(n.text, ":" | "." | "/" | "%")
        && s.toks
            .get(end + 1)
            .is_some_and(|x| x.is_num() && !x.space_before)
    {
        return None;
    }
    Some((d, end))
}

fn year_num(s: &Sent, i: usize) -> Option<i16> {
    let t = s.toks.get(i)?;
    if !t.is_num() || t.text.len() != 4 {
        return None;
    }
    let y: i16 = t.text.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

/// A month name at `i` (capitalized; abbreviations may take a dot): `(month, end)`.
fn month_at(ctx: &Ctx, s: &Sent, i: usize) -> Option<(i8, usize)> {
    let t = s.toks.get(i)?;
    let l = t.lower.as_ref();
    let mid = l.strip_prefix("mid-");
    let capital = match mid {
        Some(_) => t.text[4..].starts_with(char::is_uppercase),
        None => t.is_capitalized(),
    };
    if !capital || t.is_all_caps() && t.text.len() > 3 {
        return None;
    }
    let l = mid.unwrap_or(l);
    let m = *ctx.lex.months.get(l)?;
    let full = l.len() >= 5 || crate::lexicon::is_month_name(l);
    let mut end = i + 1;
    if !full {
        if s.toks
            .get(end)
            .is_some_and(|n| n.text == "." && !n.space_before)
        {
            end += 1;
        } else if l.len() < 3 {
            return None;
        }
    }
    Some((m, end))
}

fn weekday_at(ctx: &Ctx, s: &Sent, i: usize) -> Option<Weekday> {
    let t = s.toks.get(i)?;
    if !t.is_capitalized() || t.lower.len() < 6 {
        return None;
    }
    let l = t.lower.as_ref();
    let l = l
        .strip_suffix("'s")
        .or_else(|| l.strip_suffix("’s"))
        .unwrap_or(l);
    ctx.lex.weekdays.get(l).copied()
}

/// A weekday at `i` and the token after it: written out ("Monday"), or abbreviated
/// with its dot ("Mon.", "Tues."), which only counts before a date (an abbreviation
/// alone may be a word: "Sun", "Wed").
fn weekday_before_date(ctx: &Ctx, s: &Sent, i: usize) -> Option<(Weekday, usize)> {
    if let Some(wd) = weekday_at(ctx, s, i) {
        return Some((wd, i + 1));
    }
    let t = s.toks.get(i)?;
    let dot = s.toks.get(i + 1)?;
    if !t.is_capitalized() || dot.text != "." || dot.space_before {
        return None;
    }
    let wd = ctx.lex.weekdays.get(t.lower.as_ref()).copied()?;
    Some((wd, i + 2))
}

/// ", a Monday" right after a date at `end` ("June 10, a Monday"): the weekday and the
/// token after it.
fn weekday_after_date(ctx: &Ctx, s: &Sent, end: usize) -> Option<(Weekday, usize)> {
    if s.toks.get(end)?.text != "," || s.lower(end + 1) != "a" {
        return None;
    }
    let wd = weekday_at(ctx, s, end + 2)?;
    // Not a compound: "a Monday-morning meeting".
    if s.toks
        .get(end + 3)
        .is_some_and(|x| x.text == "-" && !x.space_before)
    {
        return None;
    }
    Some((wd, end + 3))
}

/// Sets the weekday written with a date, and the year the article's date implies. The
/// weekday is kept as written. A year the text gives stands; a year the article's date
/// implies is the one the date has without the weekday when that is within 91 days of
/// the article's, else the one of the day's two occurrences around it the weekday falls
/// on (else the nearer): weekday-mismatch checks the weekday against the date stored
/// here.
fn with_weekday(ctx: &Ctx, f: &mut Found, wd: Weekday) {
    if f.timex.relative
        && let (Some(anchor), Some(m), Some(d)) = (ctx.anchor, f.timex.month, f.timex.day)
        && let Some(year) = calendar::year_for_weekday(anchor, f.timex.year, m, d, wd)
    {
        f.timex = ymd_timex(Some(year), m, d, true);
    }
    f.weekday = Some(wd);
}

/// "of this year", "of last year", ", 2025": the year after a month (and day).
fn year_after(ctx: &Ctx, s: &Sent, i: usize) -> Option<(Option<i16>, usize, bool)> {
    let mut k = i;
    if s.toks.get(k).is_some_and(|t| t.text == ",") {
        k += 1;
    }
    if let Some(y) = year_num(s, k) {
        return Some((Some(y), k + 1, false));
    }
    // "of next year", and "next year" right after the date, a comma or not ("lift the
    // quotas after March 31, next year"), but not a possessive ("on March 31, next
    // year's budget ...").
    let j = if s.lower(i) == "of" { i + 1 } else { k };
    if matches!(s.lower(j), "this" | "last" | "next")
        && s.lower(j + 1) == "year"
        && !matches!(s.lower(j + 2), "'s" | "’s" | "'" | "’")
    {
        let y = ctx.anchor.map(|a| match s.lower(j) {
            "this" => a.year(),
            "last" => a.year() - 1,
            _ => a.year() + 1,
        });
        return Some((y, j + 2, true));
    }
    None
}

/// An absolute (possibly yearless) date at `i`.
fn absolute(ctx: &Ctx, s: &Sent, i: usize) -> Option<Found> {
    let t = s.toks.get(i)?;
    // ISO 2025-10-14.
    if let Some(y) = year_num(s, i)
        && s.toks
            .get(i + 1)
            .is_some_and(|x| x.text == "-" && !x.space_before)
        && let Some(m) = s
            .toks
            .get(i + 2)
            .filter(|x| x.is_num() && x.text.len() == 2 && !x.space_before)
        && s.toks
            .get(i + 3)
            .is_some_and(|x| x.text == "-" && !x.space_before)
        && let Some(d) = s
            .toks
            .get(i + 4)
            .filter(|x| x.is_num() && x.text.len() == 2 && !x.space_before)
    {
        let (m, d): (i8, i8) = (m.text.parse().ok()?, d.text.parse().ok()?);
        if (1..=12).contains(&m) {
            return Some(Found {
                start: i,
                end: i + 5,
                timex: ymd_timex(Some(y), m, d, false),
                weekday: None,
            });
        }
    }
    // Month day[, year]
    if let Some((m, k)) = month_at(ctx, s, i) {
        if let Some((d, k2)) = day_num(s, k)
            && !s.toks.get(k2).is_some_and(|x| x.is_word() && !x.space_before)
            // "June 5 percent" is not a date; neither is "May 2 million".
            && !s.toks.get(k2).is_some_and(|x| x.text == "%" || ctx.lex.scales.contains_key(x.lower.as_ref()) || x.lower == "percent")
        {
            let (year, end, rel) = match year_after(ctx, s, k2) {
                Some((y, e, rel)) => (y, e, rel),
                None => (month_year(ctx, s, i, k2, m), k2, true),
            };
            return Some(Found {
                start: i,
                end,
                timex: ymd_timex(year, m, d, rel),
                weekday: None,
            });
        }
        // Month year: "September 2003", "February of 2022"
        let k2 = if s.lower(k) == "of" { k + 1 } else { k };
        if let Some(y) = year_num(s, k2) {
            return Some(Found {
                start: i,
                end: k2 + 1,
                timex: month_timex(Some(y), m, false),
                weekday: None,
            });
        }
    }
    // day [of] Month [year]
    if t.is_num()
        && let Some((d, k)) = day_num(s, i)
    {
        let k = if s.lower(k) == "of" { k + 1 } else { k };
        if let Some((m, k2)) = month_at(ctx, s, k) {
            // A score or a range's second figure before a month that has its own day
            // ("New Orleans' 30-7 Oct. 19 loss"): the month's day is the date's, read
            // from the month on. "3-4 March 2025", with no day after the month, stays
            // a day of March.
            let joined = i >= 2
                && s.toks[i - 1].text == "-"
                && !t.space_before
                && !s.toks[i - 1].space_before
                && s.toks[i - 2].is_num();
            if joined
                && k == i + 1
                && day_num(s, k2).is_some()
                && absolute(ctx, s, k).is_some_and(|f| f.timex.day.is_some())
            {
                return None;
            }
            let (year, end, rel) = match year_after(ctx, s, k2) {
                Some((y, e, rel)) => (y, e, rel),
                None => (month_year(ctx, s, i, k2, m), k2, true),
            };
            return Some(Found {
                start: i,
                end,
                timex: ymd_timex(year, m, d, rel),
                weekday: None,
            });
        }
    }
    None
}

/// The ordinal of a quarter or half word.
fn part_ordinal(w: &str) -> Option<u8> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// What a sentence's words say of the future, found in one scan of the sentence and
/// kept on it (`Sent::future`): every date of the sentence asks, and a scan per date
/// was quadratic in the sentence (a 10 MB article on one line ran for minutes).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Future {
    /// "will", "scheduled", "due": the sentence speaks of the future.
    context: bool,
    /// "planned", "expected", "next": plans and expectations, which look ahead too.
    plans: bool,
}

fn future(ctx: &Ctx, s: &Sent) -> Future {
    let v = &ctx.lex.context;
    *s.future.get_or_init(|| {
        let mut f = Future::default();
        for t in &s.toks {
            let l = t.lower.as_ref();
            if v.future_words.contains(l) {
                f.context = true;
            } else if v.plan_words.contains(l) {
                f.plans = true;
            }
            if f.context && f.plans {
                break;
            }
        }
        f
    })
}

fn future_context(ctx: &Ctx, s: &Sent) -> bool {
    future(ctx, s).context
}

/// The year of a month date without one at tokens `start..end`: the nearest
/// occurrence of its month around the article's date ([`nearest_year`]). A month more
/// than two before the article's is next year's only when a future or plan word
/// governs the date's own clause ([`future_plans`]: "will open on September 15" in a
/// December article); a future word elsewhere in the sentence does not move it ("the
/// attack on September 11 killed four, and he will appear in court" is this year's).
/// A month ahead of the article's stays this year's in a sentence with any such word
/// ("a pre-tax gain for its second fiscal quarter ending May 31", "the company's late
/// June annual meeting" in March: schedules a clause scan does not always reach).
fn month_year(ctx: &Ctx, s: &Sent, start: usize, end: usize, m: i8) -> Option<i16> {
    let anchor = ctx.anchor?;
    let sentence = {
        let f = future(ctx, s);
        f.context || f.plans
    };
    let governs = sentence && future_plans(ctx, s, start, end);
    let year = nearest_year(Some(anchor), m, governs)?;
    Some(if sentence && year < anchor.year() {
        anchor.year()
    } else {
        year
    })
}

/// How many words before a month date its clause's future or plan word may be ("will
/// be held on a two-party basis on December 15", "will drag down average current
/// profits of major Japanese firms in the year ending March 31"), and after it ("on March 3 the
/// summit will open").
const FUTURE_BEFORE: usize = 14;
const FUTURE_AFTER: usize = 6;

/// Whether a future or plan word governs the month date at tokens `start..end`: one
/// of `future_words` or `plan_words` in the date's own clause ("will open on
/// September 15", "planned for December 15", "next March", "on March 3 the summit
/// will open"), not anywhere in the sentence ("the attack on September 11 ... he will
/// appeal" is last September's). Going back, the clause ends at a mark (words of
/// `clause_starts` are prepositions as often: "is expected to run until the end of
/// January"); a past-tense verb that no infinitive or future mark precedes governs
/// the date ("the man arrested on May 29 will go on trial": no future; "will be held
/// on December 15" goes on). Going on, the clause ends at a mark, a past-tense verb or
/// a word of `clause_starts` or `clause_ends`. Months only: a plan looks further
/// ahead than a weekday, which `bare_weekday` reads by its own tests. The
/// sentence-wide scan (`future`, once per sentence) stays the gate: a sentence
/// without any such word needs no clause scan.
fn future_plans(ctx: &Ctx, s: &Sent, start: usize, end: usize) -> bool {
    let f = future(ctx, s);
    if !(f.context || f.plans) {
        return false;
    }
    let v = &ctx.lex.context;
    let ahead = |l: &str| v.future_words.contains(l) || v.plan_words.contains(l);
    let mark = |k: usize| s.toks[k].kind == crate::token::TokKind::Punct && s.toks[k].text != "-";
    let past = |k: usize| {
        let t = &s.toks[k];
        let l = t.lower.as_ref();
        t.is_word()
            && !t.is_capitalized()
            && (l.len() > 4 && l.ends_with("ed") || v.past_tense.contains(l))
    };
    // Tokens that are no words (figures, symbols) count too, four to a word: the
    // scan per date stays bounded whatever lies between the words.
    let mut words = 0;
    let mut k = start;
    while k > 0 && words < FUTURE_BEFORE && start - k < 4 * FUTURE_BEFORE {
        k -= 1;
        if mark(k) {
            break;
        }
        if !s.toks[k].is_word() {
            continue;
        }
        words += 1;
        let l = s.lower(k);
        if ahead(l) {
            return true;
        }
        // "said that before the end of its fiscal year on June 30 it will introduce":
        // what is said is a clause of its own, which the speech verb opens.
        if s.toks[k].has(crate::lexicon::class::SPEECH) || ctx.lex.reporting_verbs.contains(l) {
            break;
        }
        // "the man arrested on May 29 will go on trial": the past verb governs.
        if past(k) {
            let marked = k > 0 && {
                let p = s.lower(k - 1);
                v.infinitive_marks.contains(p) || ahead(p)
            };
            if !marked {
                return false;
            }
        }
    }
    let mut words = 0;
    for k in end..s.toks.len().min(end + 4 * FUTURE_AFTER) {
        if mark(k) || words >= FUTURE_AFTER {
            break;
        }
        if !s.toks[k].is_word() {
            continue;
        }
        words += 1;
        let l = s.lower(k);
        // "the attack on September 11 was planned ...": a past verb, no plan.
        if past(k) && !(k > 0 && v.infinitive_marks.contains(s.lower(k - 1))) && !ahead(l)
            || v.clause_starts.contains(l)
            || v.clause_ends.contains(l)
        {
            break;
        }
        if ahead(l) {
            return true;
        }
    }
    false
}

/// A relative expression at `i`, resolved against the anchor.
fn relative(ctx: &mut Ctx, s: &Sent, i: usize) -> Option<Found> {
    let w = s.lower(i);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    let a = ctx.anchor;
    let found = |end: usize, timex: Timex| {
        Some(Found {
            start: i,
            end,
            timex,
            weekday: None,
        })
    };
    match w {
        "today" => {
            return found(
                i + 1,
                a.map_or_else(|| unresolved("XXXX-XX-XX"), |d| day_timex(d, true)),
            );
        }
        "yesterday" => {
            return found(
                i + 1,
                a.map_or_else(|| unresolved("XXXX-XX-XX"), |d| calendar::days_after(d, -1)),
            );
        }
        "tomorrow" => {
            return found(
                i + 1,
                a.map_or_else(|| unresolved("XXXX-XX-XX"), |d| calendar::days_after(d, 1)),
            );
        }
        // "now" as a date, not "now that".
        "now" | "currently" if s.lower(i + 1) != "that" => {
            return found(i + 1, unresolved("PRESENT_REF"));
        }
        "recently" => return found(i + 1, unresolved("PAST_REF")),
        "the"
            if s.lower(i + 1) == "past"
                && !s.toks.get(i + 2).is_some_and(|t| {
                    t.is_num()
                        || t.has(
                            crate::lexicon::class::NUM_START | crate::lexicon::class::TIME_UNIT,
                        )
                        || t.is_word() && !t.has(crate::lexicon::class::STOP)
                }) =>
        {
            return found(i + 2, unresolved("PAST_REF"));
        }
        "the" if s.lower(i + 1) == "future" => return found(i + 2, unresolved("FUTURE_REF")),
        "the"
            if matches!(s.lower(i + 1), "quarter" | "latest")
                && (s.lower(i + 1) == "quarter" || s.lower(i + 2) == "quarter") =>
        {
            // "the quarter", "the latest quarter": the last complete quarter.
            let end = if s.lower(i + 1) == "quarter" {
                i + 2
            } else {
                i + 3
            };
            let t = a.map_or_else(|| unresolved("XXXX-QX"), calendar::last_complete_quarter);
            return found(end, t);
        }
        _ => {}
    }
    // "earlier this year", "later this month": the modifier is part of the expression.
    let (j, _modifier) = if matches!(w, "earlier" | "later" | "early" | "late")
        && matches!(s.lower(i + 1), "this" | "last" | "next")
    {
        (i + 1, true)
    } else {
        (i, false)
    };
    let dir = s.lower(j);
    let unit = s.lower(j + 1);
    if matches!(dir, "last" | "this" | "next" | "past") {
        let shift: i64 = match dir {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        };
        if dir == "past" && !(j > 0 && s.lower(j - 1) == "this") {
            return None;
        }
        let end = j + 2;
        let t = match unit {
            "week" => a.map_or_else(
                || unresolved("XXXX-WXX"),
                |d| calendar::weeks_after(d, shift),
            ),
            "weekend" => a.map_or_else(
                || unresolved("XXXX-WXX-WE"),
                |d| {
                    let mut t = calendar::weeks_after(d, shift);
                    t.value.push_str("-WE");
                    t
                },
            ),
            "month" => a.map_or_else(
                || unresolved("XXXX-XX"),
                |d| calendar::months_after(d, shift),
            ),
            "year" => a.map_or_else(|| unresolved("XXXX"), |d| calendar::years_after(d, shift)),
            _ => {
                // "last September", "this summer", "last Monday"
                if let Some(&m) = ctx.lex.months.get(unit).filter(|_| {
                    s.toks
                        .get(j + 1)
                        .is_some_and(|t| t.is_capitalized() && t.text.len() > 3)
                }) {
                    let year = a.map(|d| calendar::year_of_shifted_month(d, m, shift));
                    return Some(Found {
                        start: i,
                        end,
                        timex: month_timex(year, m, true),
                        weekday: None,
                    });
                }
                if let Some(code) = ctx.lex.seasons.get(unit) {
                    let value = match a {
                        Some(d) => format!("{:04}-{code}", d.year() + shift as i16),
                        None => format!("XXXX-{code}"),
                    };
                    let year = a.map(|d| d.year() + shift as i16);
                    return Some(Found {
                        start: i,
                        end,
                        timex: timex(value, year, None, None, true),
                        weekday: None,
                    });
                }
                if let Some(wd) = weekday_at(ctx, s, j + 1) {
                    let t = match a {
                        Some(d) => calendar::shifted_weekday(d, wd, shift),
                        None => unresolved_weekday(wd),
                    };
                    return Some(Found {
                        start: i,
                        end,
                        timex: t,
                        weekday: Some(wd),
                    });
                }
                return None;
            }
        };
        return found(end, t);
    }
    // "the same day", "later the same day", "that day"
    let (k, _) = if w == "later" && s.lower(i + 1) == "the" {
        (i + 1, true)
    } else {
        (i, false)
    };
    if (s.lower(k) == "the" && s.lower(k + 1) == "same" && s.lower(k + 2) == "day")
        || (w == "that" && s.lower(i + 1) == "day")
    {
        let end = if w == "that" { i + 2 } else { k + 3 };
        let base = ctx.last_day.or(a);
        return found(
            end,
            base.map_or_else(|| unresolved("XXXX-XX-XX"), |d| day_timex(d, true)),
        );
    }
    // "N days ago", "a year ago", "two weeks ago"
    let (n, k) = match s.toks.get(i) {
        Some(t) if t.is_num() && !t.text.contains([',', '.']) => {
            (t.text.parse::<i64>().ok(), i + 1)
        }
        Some(t) if t.is_word() => {
            let v = match t.lower.as_ref() {
                l if ctx.lex.context.indefinite_articles.contains(l) || l == "one" => Some(1),
                other => ctx.lex.number_words.get(other).map(|v| *v as i64),
            };
            (v, i + 1)
        }
        _ => (None, i + 1),
    };
    if let Some(n) = n
        && s.lower(k + 1) == "ago"
        && let Some(u) = ctx.lex.time_units.get(s.lower(k))
    {
        let end = k + 2;
        let t = match (a, u.as_str()) {
            (Some(d), unit @ ("D" | "W" | "M" | "Y")) => {
                calendar::ago(d, n, unit).unwrap_or_else(|| unresolved("PAST_REF"))
            }
            (None, "Y") => unresolved("XXXX"),
            _ => unresolved("PAST_REF"),
        };
        return found(end, t);
    }
    None
}

/// A bare weekday ("on Sunday"), resolved to the nearest such day before the anchor
/// (after it when the sentence speaks of the future).
fn bare_weekday(ctx: &Ctx, s: &Sent, i: usize, wd: Weekday) -> Found {
    // A future word anywhere in the sentence ("said Wednesday that he will …") does not
    // move a weekday that is when something was said, or that a past-tense verb
    // governs ("met on Tuesday"): that is a day on or before the article's date.
    let future =
        future_context(ctx, s) && !is_reporting(ctx, s, i, i + 1) && !past_verb_near(ctx, s, i);
    let t = match ctx.anchor {
        Some(d) => calendar::nearest_weekday(d, wd, future),
        None => unresolved_weekday(wd),
    };
    Found {
        start: i,
        end: i + 1,
        timex: t,
        weekday: Some(wd),
    }
}

/// Whether the verb nearest before the weekday at `i` (three words back, past `on`,
/// `late`, `early`) or right after it is in the past tense: a regular `-ed` form or
/// one of the irregular past forms of the context lexicon (`past_tense`).
fn past_verb_near(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    let past = |k: usize| {
        s.toks.get(k).is_some_and(|t| {
            let l = t.lower.as_ref();
            t.is_word()
                && !t.is_capitalized()
                && (l.len() > 4 && l.ends_with("ed") || ctx.lex.context.past_tense.contains(l))
        })
    };
    let mut k = i;
    while k > 0 && ctx.lex.context.date_lead_words.contains(s.lower(k - 1)) {
        k -= 1;
    }
    // "is scheduled for Friday", "will be held on Friday": a participle after a
    // future or infinitive mark is no past.
    let v = &ctx.lex.context;
    let future_mark = s.toks[k.saturating_sub(4)..k].iter().any(|t| {
        let l = t.lower.as_ref();
        v.scheduled_words.contains(l)
            || v.planned_words.contains(l)
            || v.infinitive_marks.contains(l)
    });
    !future_mark
        && ((1..=3).any(|back| {
            k >= back && past(k - back) && s.toks[k - back..k].iter().all(|t| t.is_word())
        }) || past(i + 1))
}

/// Whether the date at `start..end` says when something was said ("said on Monday",
/// "told reporters on Monday", "on Monday said"). A definite event noun between the
/// verb and the date is what the date dates ("said the shooting on Feb. 7, 2025, was
/// a calculated act": the shooting's day, not the judge's).
fn is_reporting(ctx: &Ctx, s: &Sent, start: usize, end: usize) -> bool {
    let mut k = start;
    if k > 0 && ctx.lex.context.date_lead_words.contains(s.lower(k - 1)) {
        k -= 1;
    }
    for back in 1..=3 {
        let Some(idx) = k.checked_sub(back) else {
            break;
        };
        let t = &s.toks[idx];
        if !t.is_word() {
            break;
        }
        if idx > 0 && s.lower(idx - 1) == "the" && ctx.lex.event(t.lower.as_ref()).is_some() {
            break;
        }
        if ctx.lex.reporting_verbs.contains(t.lower.as_ref()) {
            return true;
        }
    }
    for fwd in 0..2 {
        let Some(t) = s.toks.get(end + fwd) else {
            break;
        };
        if !t.is_word() {
            break;
        }
        if ctx.lex.reporting_verbs.contains(t.lower.as_ref()) {
            return true;
        }
    }
    false
}

/// A quarter or half: "the third quarter", "first-quarter", "the first half of 2025".
fn quarter(ctx: &Ctx, s: &Sent, i: usize) -> Option<Found> {
    let mut k = i;
    if s.lower(k) == "the" {
        k += 1;
    }
    let mut year_before = None;
    if let Some(y) = year_num(s, k) {
        year_before = Some(y);
        k += 1;
    }
    let w = s.lower(k);
    let (ord, kind, next) = if let Some((a, b)) = w.split_once('-') {
        (part_ordinal(a)?, b.to_owned(), k + 1)
    } else {
        let o = part_ordinal(w)?;
        (o, s.lower(k + 1).to_owned(), k + 2)
    };
    let (code, max) = match kind.as_str() {
        "quarter" => ("Q", 4),
        "half" => ("H", 2),
        _ => return None,
    };
    if ord > max {
        return None;
    }
    let mut end = next;
    let mut year = year_before;
    let mut relative = year.is_none();
    if year.is_none() {
        let k2 = if s.lower(end) == "of" { end + 1 } else { end };
        if let Some(y) = year_num(s, k2) {
            year = Some(y);
            end = k2 + 1;
            relative = false;
        } else if let Some((y, e, _)) = year_after(ctx, s, end).filter(|(_, e, _)| *e > end + 1) {
            year = y;
            end = e;
        }
    }
    let year = year.or(ctx.anchor.map(|d| d.year()));
    let value = match year {
        Some(y) => format!("{y:04}-{code}{ord}"),
        None => format!("XXXX-{code}{ord}"),
    };
    Some(Found {
        start: i,
        end,
        timex: timex(value, year, None, None, relative),
        weekday: None,
    })
}

/// A season: "summer 2012", "the summer of 2012", "this summer" (the last is relative).
fn season(ctx: &Ctx, s: &Sent, i: usize) -> Option<Found> {
    let code = ctx.lex.seasons.get(s.lower(i))?;
    let k = if s.lower(i + 1) == "of" { i + 2 } else { i + 1 };
    let y = year_num(s, k)?;
    Some(Found {
        start: i,
        end: k + 1,
        timex: timex(format!("{y:04}-{code}"), Some(y), None, None, false),
        weekday: None,
    })
}

/// Extracts the dates of one sentence.
pub(crate) fn extract(ctx: &mut Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
    let mut i = 0;
    while i < s.toks.len() {
        if s.taken[i] {
            i += 1;
            continue;
        }
        let t = &s.toks[i];
        if !may_start_date(t) {
            i += 1;
            continue;
        }
        let mut found = None;
        // Weekday, then maybe a date: "Monday (15 December)", "Tuesday, 14 January",
        // "Mon., June 10".
        if let Some((wd, after)) = weekday_before_date(ctx, s, i) {
            let mut k = after;
            let mut paren = false;
            if s.toks
                .get(k)
                .is_some_and(|x| x.text == "," || x.text == "(")
            {
                paren = s.toks[k].text == "(";
                k += 1;
            }
            if let Some(mut f) = absolute(ctx, s, k) {
                f.start = i;
                if paren && s.toks.get(f.end).is_some_and(|x| x.text == ")") {
                    f.end += 1;
                }
                with_weekday(ctx, &mut f, wd);
                found = Some(f);
            } else if after == i + 1
                && !(i > 0 && matches!(s.lower(i - 1), "last" | "next" | "this"))
            {
                found = Some(bare_weekday(ctx, s, i, wd));
            }
        }
        if found.is_none() {
            found = quarter(ctx, s, i);
        }
        if found.is_none() {
            found = absolute(ctx, s, i);
            // A date, then its weekday: "June 10, a Monday".
            if let Some(f) = &mut found
                && f.timex.day.is_some()
                && let Some((wd, end)) = weekday_after_date(ctx, s, f.end)
            {
                f.end = end;
                with_weekday(ctx, f, wd);
            }
        }
        if found.is_none() {
            found = relative(ctx, s, i);
        }
        if found.is_none() {
            found = season(ctx, s, i);
        }
        // Month alone after a preposition: "in December", "early December".
        if found.is_none()
            && let Some((m, end)) = month_at(ctx, s, i)
            && i > 0
            && (ctx.lex.context.month_after.contains(s.lower(i - 1))
                || (s.toks[i - 1].text == "-" && s.lower(i.saturating_sub(2)) == "mid"))
            && !s.toks.get(end).is_some_and(|x| x.is_capitalized())
        {
            let year = month_year(ctx, s, i, end, m);
            found = Some(Found {
                start: i,
                end,
                timex: month_timex(year, m, true),
                weekday: None,
            });
        }
        // Decades: "the 1990s", "the 1990's".
        let glued = |k: usize, text: &[&str]| {
            s.toks
                .get(k)
                .is_some_and(|x| text.contains(&x.text) && !x.space_before)
        };
        let decade_end = if glued(i + 1, &["s"]) {
            Some(i + 2)
        } else if glued(i + 1, &["'", "’"]) && glued(i + 2, &["s"]) {
            Some(i + 3)
        } else {
            None
        };
        if found.is_none()
            && let Some(y) = year_num(s, i)
            && y % 10 == 0
            && let Some(end) = decade_end
        {
            found = Some(Found {
                start: i,
                end,
                timex: timex(format!("{:03}", y / 10), None, None, None, false),
                weekday: None,
            });
        }
        // Years: "in 2023", "1999", "2023-2025".
        if found.is_none()
            && let Some(y) = year_num(s, i)
            && year_context_ok(ctx, s, i)
        {
            // A range: emit the first year now and let the loop read the second.
            found = Some(Found {
                start: i,
                end: i + 1,
                timex: year_timex(y, false),
                weekday: None,
            });
        }
        let Some(mut f) = found else {
            i += 1;
            continue;
        };
        if !s.free(f.start, f.end) {
            i += 1;
            continue;
        }
        // Modifiers that belong to the expression: "early December", "mid-2024".
        if f.start > 0
            && ctx
                .lex
                .context
                .date_modifiers
                .contains(s.lower(f.start - 1))
            && s.free(f.start - 1, f.start)
        {
            f.start -= 1;
        } else if f.start > 1 && s.toks[f.start - 1].text == "-" && s.lower(f.start - 2) == "mid" {
            f.start -= 2;
        }
        let _ = t;
        f.timex.reporting =
            !f.timex.value.ends_with("_REF") && is_reporting(ctx, s, f.start, f.end);
        if let (Some(y), Some(m), Some(d)) = (f.timex.year, f.timex.month, f.timex.day)
            && let Some(date) = calendar::date(y, m, d)
        {
            ctx.last_day = Some(date);
        }
        let span = s.span(f.start, f.end);
        s.take(f.start, f.end);
        let mut c = Claim::new(
            ClaimKind::Date,
            span,
            s.idx,
            ClaimValue::Date(Box::new(f.timex)),
        );
        c.weekday = f.weekday;
        claims.push(c);
        i = f.end;
    }
}

/// Whether a date expression may start at this token: a cheap filter before the
/// matchers.
fn may_start_date(t: &crate::token::Tok) -> bool {
    t.is_num() || t.is_capitalized() || t.has(crate::lexicon::class::DATE_START)
}

/// Whether a four-digit number at `i` reads as a year.
fn year_context_ok(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    let t = &s.toks[i];
    if let Some(p) = i.checked_sub(1).map(|p| &s.toks[p]) {
        if !t.space_before
            && (p.is_word()
                || p.is_num()
                || matches!(p.text, "$" | "€" | "£" | "#" | "+" | "." | "/" | ":"))
        {
            return false;
        }
        if p.is_word()
            && (ctx.lex.label_words.contains(p.lower.as_ref())
                || ctx.lex.qualifiers.contains_key(p.lower.as_ref()))
        {
            return false;
        }
        if ctx.lex.currency_symbols.contains_key(p.text) {
            return false;
        }
    }
    if let Some(n) = s.toks.get(i + 1) {
        if !n.space_before && (n.is_word() || matches!(n.text, "%" | "/" | ":")) {
            return false;
        }
        if n.text == "."
            && s.toks
                .get(i + 2)
                .is_some_and(|x| x.is_num() && !x.space_before)
        {
            return false;
        }
        let l = n.lower.as_ref();
        if ctx.lex.scales.contains_key(l)
            || ctx.lex.units.contains_key(l)
            || ctx.lex.currency_words.contains_key(l)
            || ctx.lex.time_units.contains_key(l)
            || ctx.lex.context.not_year_after.contains(l)
        {
            return false;
        }
        // "2000 people": a plural noun after a year-like number is a count, unless
        // it names events after a determiner ("since the 2015 attacks", "the 2012
        // elections": the year they happened).
        let events_of_the_year = ctx.lex.event(l).is_some()
            && i > 0
            && ctx.lex.context.determiners.contains(s.lower(i - 1));
        if n.is_word()
            && !n.is_capitalized()
            && !ctx.lex.stopwords.contains(l)
            && (l == "people" || crate::nouns::lemma(ctx.lex, l) != l)
            && !events_of_the_year
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::{check_kind, check_kind_dated};

    /// A weekday in a sentence that also speaks of the future is still the day
    /// something was said, or a day a past-tense verb governs: on or before the
    /// article's date, not the next week (issue 13). Only a weekday the future governs
    /// moves forward.
    #[test]
    fn weekdays_said_or_past_stay_on_or_before_the_article_date() {
        // Wednesday 15 October 2025, then the Thursday after it.
        for (date, cases) in [
            (
                "2025-10-15",
                &[
                    (
                        "The mayor said Wednesday that the city will build a bridge.",
                        &["Wednesday = 2025-10-15 Wednesday reporting"][..],
                    ),
                    (
                        "The two leaders met on Tuesday and will meet again soon.",
                        &["Tuesday = 2025-10-14 Tuesday"][..],
                    ),
                    (
                        "The summit will open on Friday.",
                        &["Friday = 2025-10-17 Friday"][..],
                    ),
                    (
                        "The vote is scheduled for Friday.",
                        &["Friday = 2025-10-17 Friday"][..],
                    ),
                    (
                        "The talks will be held on Friday.",
                        &["Friday = 2025-10-17 Friday"][..],
                    ),
                    // The article's own weekday is that day, even ahead: "later
                    // Wednesday" in Wednesday's paper, not the next week's.
                    (
                        "The company will make its offer later Wednesday.",
                        &["Wednesday = 2025-10-15 Wednesday"][..],
                    ),
                ][..],
            ),
            (
                "2025-10-16",
                &[
                    (
                        "Officials said Wednesday the plant will reopen.",
                        &["Wednesday = 2025-10-15 Wednesday reporting"][..],
                    ),
                    (
                        "Police arrested him Wednesday and he will appear in court.",
                        &["Wednesday = 2025-10-15 Wednesday"][..],
                    ),
                ][..],
            ),
        ] {
            check_kind_dated(ClaimKind::Date, Some(date), cases);
        }
    }

    /// A month date without a year is next year's only when a future or plan word
    /// governs its own clause ("will open on September 15"), not when the sentence has
    /// one elsewhere ("the attack on September 11 ..., and he will appear in court"):
    /// that is this year's September in a December article.
    #[test]
    fn a_month_date_is_ahead_only_when_its_clause_says_so() {
        check_kind_dated(
            ClaimKind::Date,
            Some("2025-12-10"),
            &[
                (
                    "The attack on September 11 killed four people, and the suspect will appear in court.",
                    &["September 11 = 2025-09-11"],
                ),
                (
                    "The man arrested on September 11 will go on trial.",
                    &["September 11 = 2025-09-11"],
                ),
                (
                    "The attack on 11 September killed four, police said, and he will appeal.",
                    &["11 September = 2025-09-11"],
                ),
                (
                    "The summit will open on September 15.",
                    &["September 15 = 2026-09-15"],
                ),
                (
                    "Elections will be held on a two-party basis on September 15.",
                    &["September 15 = 2026-09-15"],
                ),
                (
                    "On September 15 the summit will open in Samarkand.",
                    &["September 15 = 2026-09-15"],
                ),
                (
                    "The vote is planned for September 15.",
                    &["September 15 = 2026-09-15"],
                ),
                (
                    "The plant will stay shut until September 15.",
                    &["September 15 = 2026-09-15"],
                ),
                (
                    "The campaign is expected to run until the end of September.",
                    &["September = 2026-09"],
                ),
            ],
        );
        // A future word far back in the date's own clause, no mark or past verb
        // between (Reuters, June 1987: the fiscal year ahead).
        check_kind_dated(
            ClaimKind::Date,
            Some("2025-06-01"),
            &[
                (
                    "Poor returns will drag down average current profits of major Japanese firms in the year ending March 31.",
                    &["March 31 = 2026-03-31"],
                ),
                (
                    "He will appeal against the verdict the court handed down in Atlanta on March 3.",
                    &["March 3 = 2025-03-03"],
                ),
                // A speech verb far back opens the said clause: the future word after
                // the date governs it.
                (
                    "Bob Ano said that before the end of the company's fiscal year on March 31 it will introduce a computer.",
                    &["March 31 = 2026-03-31"],
                ),
            ],
        );
    }

    /// A weekday with its date in brackets is one date; a weekday's date in a month
    /// after the article's is last year's (issue 13).
    #[test]
    fn weekdays_with_their_dates() {
        check_kind_dated(
            ClaimKind::Date,
            Some("2014-02-12"),
            &[(
                "The talks opened on Tuesday (11 February) in Geneva.",
                &["Tuesday (11 February) = 2014-02-11 Tuesday"],
            )],
        );
        check_kind_dated(
            ClaimKind::Date,
            Some("2013-05-20"),
            &[(
                "The gunman shot him on Friday, Sept. 14, police said.",
                &["Friday, Sept. 14 = 2012-09-14 Friday"],
            )],
        );
        // Near the article's date the day keeps its year, whatever the weekday: the
        // day before (a Tuesday), not 4 March 2026 (a Wednesday).
        check_kind_dated(
            ClaimKind::Date,
            Some("2025-03-05"),
            &[
                (
                    "Greece and Turkey signed an agreement on Wednesday, March 4.",
                    &["Wednesday, March 4 = 2025-03-04 Wednesday"],
                ),
                (
                    "Ministers will meet again on Friday, March 20.",
                    &["Friday, March 20 = 2025-03-20 Friday"],
                ),
            ],
        );
    }

    /// A weekday after its date (", a Monday") or abbreviated with a dot ("Mon.") is
    /// the date's, so weekday-mismatch checks it (issue 13).
    #[test]
    fn weekdays_after_their_dates_and_abbreviated() {
        check_kind_dated(
            ClaimKind::Date,
            Some("2024-06-12"),
            &[
                (
                    "The vote was held on June 10, a Monday, in Paris.",
                    &["June 10, a Monday = 2024-06-10 Monday"],
                ),
                (
                    "The vote was held on 10 June, a Tuesday.",
                    &["10 June, a Tuesday = 2024-06-10 Tuesday"],
                ),
                (
                    "The vote was held Mon., June 10, in Paris.",
                    &["Mon., June 10 = 2024-06-10 Monday"],
                ),
                (
                    "Polls opened Tues., June 11.",
                    &["Tues., June 11 = 2024-06-11 Tuesday"],
                ),
                // Not a weekday of the date: a compound, an abbreviation without its date.
                (
                    "On June 10, a Monday-morning meeting was held.",
                    &["June 10 = 2024-06-10"],
                ),
            ],
        );
    }

    /// A year before a plural event noun after a determiner is the events' year, as
    /// before a singular one ("the 2015 accord"); other plural nouns are counted.
    #[test]
    fn a_year_before_plural_events() {
        check_kind_dated(
            ClaimKind::Date,
            Some("2027-11-13"),
            &[
                (
                    "It is 12 years since the 2015 attacks on Paris.",
                    &["2015 = 2015"],
                ),
                ("The 2012 elections were close.", &["2012 = 2012"]),
                (
                    "The region marks the 25th anniversary of the 2002 floods.",
                    &["2002 = 2002"],
                ),
                ("The 2015 accord holds.", &["2015 = 2015"]),
                ("Police counted 2000 attacks.", &[]),
                ("The 2000 delegates left.", &[]),
            ],
        );
    }

    #[test]
    fn decades_with_an_apostrophe() {
        check_kind(
            ClaimKind::Date,
            &[
                ("in the 1990's", &["1990's = 199"]),
                ("in the 1990’s", &["1990’s = 199"]),
                ("in the 1990s", &["1990s = 199"]),
            ],
        );
    }

    #[test]
    fn dates() {
        // The anchor is Tuesday 14 October 2025.
        check_kind(
            ClaimKind::Date,
            &[
                ("Aid arrived on Aug. 7.", &["Aug. 7 = 2025-08-07"]),
                ("on 15 December", &["15 December = 2024-12-15"]),
                ("will meet on 15 December", &["15 December = 2025-12-15"]),
                ("met on 15 March", &["15 March = 2025-03-15"]),
                ("in September 2003", &["September 2003 = 2003-09"]),
                ("signed in 1999", &["1999 = 1999"]),
                ("since February 2022", &["February 2022 = 2022-02"]),
                ("in 2023", &["2023 = 2023"]),
                ("the 2023-2025 programme", &["2023 = 2023", "2025 = 2025"]),
                (
                    "on March 15 of this year",
                    &["March 15 of this year = 2025-03-15"],
                ),
                // The year right after the date, with a comma or without.
                (
                    "demand that Japan lift the quotas after March 31, next year.",
                    &["March 31, next year = 2026-03-31"],
                ),
                (
                    "talks on March 3 last year",
                    &["March 3 last year = 2024-03-03"],
                ),
                // A written weekday chooses the year only between the day's two
                // occurrences around the article's date (Tuesday 14 October 2025):
                // "on Monday (15 December)" is the coming one, a Monday; "met on
                // Friday, 3 January" this January's, whatever the tense says. A
                // weekday that fits neither keeps the nearer (weekday-mismatch
                // reports it).
                (
                    "on Monday (15 December)",
                    &["Monday (15 December) = 2025-12-15 Monday"],
                ),
                (
                    "will meet on Monday (15 December)",
                    &["Monday (15 December) = 2025-12-15 Monday"],
                ),
                (
                    "on Tuesday, 14 January",
                    &["Tuesday, 14 January = 2025-01-14 Tuesday"],
                ),
                (
                    "on Wednesday, 14 January",
                    &["Wednesday, 14 January = 2026-01-14 Wednesday"],
                ),
                (
                    "The leaders met on Friday, 3 January.",
                    &["Friday, 3 January = 2025-01-03 Friday"],
                ),
                (
                    "The report was delayed until Saturday, 3 January.",
                    &["Saturday, 3 January = 2026-01-03 Saturday"],
                ),
                (
                    "A hearing was scheduled Tuesday (October 14).",
                    &["Tuesday (October 14) = 2025-10-14 Tuesday"],
                ),
                // The tense is no guide (Reuters: "delayed until Wednesday, April 1"
                // looks ahead): next July's 3rd is a Friday, so no weekday-mismatch,
                // though "ended" says this July's, a Thursday (a miss, not a false
                // alarm).
                (
                    "The talks ended on Friday, 3 July.",
                    &["Friday, 3 July = 2026-07-03 Friday"],
                ),
                (
                    "The summit began in Samarkand on Friday, September 16.",
                    &["Friday, September 16 = 2025-09-16 Friday"],
                ),
                (
                    "on Thursday, 3 July 2026",
                    &["Thursday, 3 July 2026 = 2026-07-03 Thursday"],
                ),
                (
                    "Monday, 14 October 2025",
                    &["Monday, 14 October 2025 = 2025-10-14 Monday"],
                ),
                ("They met last week.", &["last week = 2025-W41"]),
                ("It grew last year.", &["last year = 2024"]),
                ("They meet this September.", &["this September = 2025-09"]),
                (
                    "The plane crashed on Sunday.",
                    &["Sunday = 2025-10-12 Sunday"],
                ),
                (
                    "The talks resumed, and later the same day a deal was signed.",
                    &["later the same day = 2025-10-14"],
                ),
                (
                    "Talks held during the last week ended.",
                    &["last week = 2025-W41"],
                ),
                ("planned for early December", &["early December = 2025-12"]),
                ("fighting since 2014", &["2014 = 2014"]),
                ("said on Monday", &["Monday = 2025-10-13 Monday reporting"]),
                // A definite event noun between the verb and the date: its day.
                (
                    "The judge said the shooting on Feb. 7, 2025, was cruel.",
                    &["Feb. 7, 2025 = 2025-02-07"],
                ),
                (
                    "Police said a man on Monday shot two people.",
                    &["Monday = 2025-10-13 Monday reporting"],
                ),
                (
                    "Tokayev told reporters on Monday that the summit opened on Sunday.",
                    &[
                        "Monday = 2025-10-13 Monday reporting",
                        "Sunday = 2025-10-12 Sunday",
                    ],
                ),
                (
                    "The summit will open on Friday.",
                    &["Friday = 2025-10-17 Friday"],
                ),
                ("in the third quarter", &["the third quarter = 2025-Q3"]),
                ("first-quarter profit", &["first-quarter = 2025-Q1"]),
                (
                    "in the first half of 1987",
                    &["the first half of 1987 = 1987-H1"],
                ),
                ("in summer 2012", &["summer 2012 = 2012-SU"]),
                ("last summer", &["last summer = 2024-SU"]),
                ("in the 1990s", &["1990s = 199"]),
                ("two years ago", &["two years ago = 2023"]),
                ("three days ago", &["three days ago = 2025-10-11"]),
                // Past the calendar's range: a relative date left unresolved, not a
                // panic (found by a review of the moved `ago`).
                ("99999999 days ago", &["99999999 days ago = PAST_REF"]),
                (
                    "99999999999 weeks ago",
                    &["99999999999 weeks ago = PAST_REF"],
                ),
                ("70000 years ago", &["70000 years ago = PAST_REF"]),
                ("yesterday", &["yesterday = 2025-10-13"]),
                ("today", &["today = 2025-10-14"]),
                ("tomorrow's vote", &["tomorrow's = 2025-10-15"]),
                ("earlier this year", &["earlier this year = 2025"]),
                ("next month", &["next month = 2025-11"]),
                ("by mid-2024", &["mid-2024 = 2024"]),
                ("on 2025-10-14", &["2025-10-14 = 2025-10-14"]),
                ("on April 31", &["April 31 = 2025-04-31 invalid"]),
                ("on 31 April 2025", &["31 April 2025 = 2025-04-31 invalid"]),
                ("is now in force", &["now = PRESENT_REF"]),
                ("in the future", &["the future = FUTURE_REF"]),
                ("in the past, it grew", &["the past = PAST_REF"]),
                ("in the past week", &[]),
                ("in mid-November", &["mid-November = 2025-11"]),
                ("on Friday's session", &["Friday's = 2025-10-10 Friday"]),
                ("profit for the quarter rose", &["the quarter = 2025-Q3"]),
                ("on August 7, 2025", &["August 7, 2025 = 2025-08-07"]),
                ("the 7th of August", &["7th of August = 2025-08-07"]),
                ("in January", &["January = 2025-01"]),
                // A score before a month with its own day: the month's day.
                (
                    "injured in New Orleans' 30-7 Oct. 19 loss at Carolina",
                    &["Oct. 19 = 2025-10-19"],
                ),
                ("a 24-17 September 28 win", &["September 28 = 2025-09-28"]),
                // A range of days before a month with a year stays a day of it.
                ("on 3-4 March 2025", &["4 March 2025 = 2025-03-04"]),
                // Negatives.
                ("May we go?", &[]),
                ("2000 people marched", &[]),
                ("he may march", &[]),
                ("$2025 was paid", &[]),
                ("the COVID-19 crisis", &[]),
                ("it grew 1999 percent", &[]),
                ("now that it is over", &[]),
            ],
        );
    }

    #[test]
    fn without_an_anchor_relative_dates_stay_unresolved() {
        check_kind_dated(
            ClaimKind::Date,
            None,
            &[
                ("on 15 December", &["15 December = XXXX-12-15"]),
                ("Aug. 7", &["Aug. 7 = XXXX-08-07"]),
                ("last year", &["last year = XXXX"]),
                ("on Sunday", &["Sunday = XXXX-WXX-7 Sunday"]),
                ("in 1999", &["1999 = 1999"]),
            ],
        );
    }
}
