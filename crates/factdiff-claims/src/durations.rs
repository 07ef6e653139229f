//! Durations: `25 years`, `three hours`, `the past 15 years`, `a decade`, as TIMEX3
//! values (`P25Y`, `PT3H`, `P15Y`, `P1DE`).
//!
//! A number followed by a unit of time is read by [`crate::numbers`] and handed here;
//! durations without a number ("a decade", "for years") are read by [`extract`].
//! Expressions that place an event in time ("two years ago") are dates and are taken
//! by [`crate::dates`] first.

use crate::number_phrase::NumPhrase;
use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent};

/// The TIMEX3 duration for `n` units (`Y`, `M`, `W`, `D`, `H`, `MIN`, `S`, `DE`, `CE`,
/// `Q`); `None` for an unknown amount (`PXY`).
pub(crate) fn timex_duration(n: Option<f64>, unit: &str) -> String {
    let amount = match n {
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None => "X".into(),
    };
    match unit {
        "H" => format!("PT{amount}H"),
        "MIN" => format!("PT{amount}M"),
        "S" => format!("PT{amount}S"),
        _ => format!("P{amount}{unit}"),
    }
}

/// A number phrase followed by a unit of time: `(end token, TIMEX3 value)`; an empty
/// value when the phrase is an age ("25 years old"), which is consumed but not a claim.
pub(crate) fn numeric(ctx: &Ctx, s: &Sent, p: &NumPhrase) -> Option<(usize, String)> {
    let mut j = p.end;
    if s.toks
        .get(j)
        .is_some_and(|t| matches!(t.text, "-" | "‐") && !t.space_before)
    {
        j += 1;
    }
    let t = s.toks.get(j)?;
    if t.lower.ends_with("-old") {
        return Some((j + 1, String::new()));
    }
    let unit = ctx.lex.time_units.get(t.lower.as_ref())?;
    if p.currency.is_some() {
        return None;
    }
    // "the comparable 1985 quarter": a year before a singular unit dates it.
    if p.plain && p.digits && (1000.0..=2100.0).contains(&p.lo) && !t.lower.ends_with('s') {
        return None;
    }
    let after = s.lower(j + 1);
    if matches!(after, "old" | "-old")
        || s.toks
            .get(j + 1)
            .is_some_and(|a| a.text == "-" && s.lower(j + 2) == "old")
    {
        return Some((j + 1, String::new()));
    }
    let vague = !p.digits && ctx.lex.vague.contains_key(s.lower(p.num_start));
    // "about 30 days", "at least seven days": a TIMEX3 duration has no interval, and
    // `P30D` would say exactly 30 days; the amount is left unknown (`PXD`), as for a
    // range.
    let hedged = p.num_start > p.start || p.min_inf || p.max_inf;
    let n = (!p.is_range && !vague && !hedged).then_some(p.stated);
    Some((j + 1, timex_duration(n, unit)))
}

/// Durations without a number: "a decade", "an hour", "for years", "the past week".
pub(crate) fn extract(ctx: &Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
    let mut i = 0;
    while i < s.toks.len() {
        if s.taken[i] {
            i += 1;
            continue;
        }
        let w = s.lower(i);
        // "two-year", "five-day"
        if let Some((a, b)) = w.split_once('-')
            && let (Some(n), Some(unit)) = (ctx.lex.number_words.get(a), ctx.lex.time_units.get(b))
            && !b.ends_with('s')
            && *n > 0.0
            && !s.lower(i + 1).starts_with("old")
        {
            let span = s.span(i, i + 1);
            s.take(i, i + 1);
            claims.push(Claim::new(
                ClaimKind::Duration,
                span,
                s.idx,
                ClaimValue::Duration(timex_duration(Some(*n), unit).into()),
            ));
            i += 1;
            continue;
        }
        let v = &ctx.lex.context;
        let (start, unit_idx, n) = if v.indefinite_articles.contains(w) || w == "one" {
            (i, i + 1, Some(1.0))
        } else if w == "the" && v.one_before_the.contains(s.lower(i + 1)) {
            // "the previous year", "the following year" name a year: a date, no length.
            (i, i + 2, Some(1.0))
        } else if w == "for" || v.bare_duration_units.contains(w) {
            let k = if w == "for" { i + 1 } else { i };
            if v.bare_duration_units.contains(s.lower(k))
                && !v.not_after_bare_duration.contains(s.lower(k + 1))
                && let Some(unit) = ctx.lex.time_units.get(s.lower(k))
            {
                if s.free(k, k + 1) {
                    take_duration(s, claims, k, k + 1, timex_duration(None, unit));
                }
                i = k + 1;
                continue;
            }
            i += 1;
            continue;
        } else {
            i += 1;
            continue;
        };
        let Some(t) = s.toks.get(unit_idx) else {
            break;
        };
        let Some(unit) = ctx.lex.time_units.get(t.lower.as_ref()) else {
            i += 1;
            continue;
        };
        // "a second" is an ordinal more often than a duration.
        if v.not_after_one.contains(t.lower.as_ref()) {
            i += 1;
            continue;
        }
        let after = s.lower(unit_idx + 1);
        if v.relative_after_duration.contains(after)
            || t.text.ends_with('s')
            || !s.free(start, unit_idx + 1)
        {
            i += 1;
            continue;
        }
        take_duration(s, claims, start, unit_idx + 1, timex_duration(n, unit));
        i = unit_idx + 1;
    }
}

/// Takes the tokens `a..b` of `s` as a duration claim of `value` (TIMEX3).
fn take_duration(s: &mut Sent, claims: &mut Vec<Claim>, a: usize, b: usize, value: String) {
    let span = s.span(a, b);
    s.take(a, b);
    claims.push(Claim::new(
        ClaimKind::Duration,
        span,
        s.idx,
        ClaimValue::Duration(value.into()),
    ));
}

/// Extends numeric durations written after "the past", "the last", "the next" to take
/// those words in ("the past 15 years").
pub(crate) fn widen_past(ctx: &Ctx, s: &Sent, claims: &mut [Claim]) {
    for c in claims.iter_mut().filter(|c| c.kind == ClaimKind::Duration) {
        // The tokens are in order: a binary search, not a scan of the sentence per
        // duration (quadratic in the sentence).
        let k = s.toks.partition_point(|t| t.start < c.span.start);
        if s.toks.get(k).is_none_or(|t| t.start != c.span.start) {
            continue;
        }
        if k >= 2
            && s.lower(k - 2) == "the"
            && ctx.lex.context.duration_lead_words.contains(s.lower(k - 1))
        {
            c.span.start = s.toks[k - 2].start;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    /// Terms and dates that look like durations, and hedged amounts, which a TIMEX3
    /// duration cannot hold (issue 13).
    #[test]
    fn terms_and_dates_are_no_durations() {
        check_kind(
            ClaimKind::Duration,
            &[
                ("a zero-day bug", &[]),
                ("down from the comparable 1985 quarter", &[]),
                ("up from 159 the previous year", &[]),
                ("over the past year", &["the past year = P1Y"]),
                (
                    "fire crews will be there about 30 days",
                    &["about 30 days = PXD"],
                ),
                ("for at least seven days", &["at least seven days = PXD"]),
                ("for nearly 29 years", &["nearly 29 years = PXY"]),
                ("for 29 years", &["29 years = P29Y"]),
            ],
        );
    }

    #[test]
    fn durations() {
        check_kind(
            ClaimKind::Duration,
            &[
                ("for 25 years", &["25 years = P25Y"]),
                ("it took three hours", &["three hours = PT3H"]),
                ("over the past 15 years", &["the past 15 years = P15Y"]),
                ("for a decade", &["a decade = P1DE"]),
                ("in the last 10 years", &["the last 10 years = P10Y"]),
                ("a two-year contract", &["two-year = P2Y"]),
                ("a 25-year lease", &["25-year = P25Y"]),
                ("six months of talks", &["six months = P6M"]),
                ("for 45 minutes", &["45 minutes = PT45M"]),
                ("for two weeks", &["two weeks = P2W"]),
                ("within 30 days", &["30 days = P30D"]),
                ("an hour later it ended", &[]),
                ("for an hour", &["an hour = PT1H"]),
                ("over the next five years", &["the next five years = P5Y"]),
                ("nearly three decades", &["nearly three decades = PXDE"]),
                ("for years", &["years = PXY"]),
                ("for decades", &["decades = PXDE"]),
                ("two centuries", &["two centuries = P2CE"]),
                ("in the coming years", &["the coming years = PXY"]),
                ("a year of war", &["a year = P1Y"]),
                ("for 18 months", &["18 months = P18M"]),
                ("the 90-day period", &["90-day = P90D"]),
                ("for 12 hours", &["12 hours = PT12H"]),
                ("a 10-minute break", &["10-minute = PT10M"]),
                ("three quarters", &["three quarters = P3Q"]),
                ("the talks lasted 21 days", &["21 days = P21D"]),
                ("a week of talks", &["a week = P1W"]),
                ("for about 20 years", &["about 20 years = PXY"]),
                ("more than 30 years", &["more than 30 years = PXY"]),
                ("for 1.5 hours", &["1.5 hours = PT1.5H"]),
                // Negatives and dates.
                ("a 25-year-old man", &[]),
                ("he is 30 years old", &[]),
                ("two years ago", &[]),
                ("a second round", &[]),
            ],
        );
    }
}
