//! The number-phrase grammar: digits, number words, scales, qualifiers and ranges read
//! as an interval ([`NumPhrase`]), and the numbers that label rather than count
//! (`COVID-19`, `Boeing 737`, phone numbers). What follows the phrase is decided by
//! the extractors: [`crate::numbers`] (quantities, money, percentages) and
//! [`crate::durations`].

use crate::lexicon::Qualifier;
use crate::token::TokKind;
use crate::{ClaimValue, Ctx, Sent};

/// A number phrase: tokens `start..end` (qualifier and symbol included).
#[derive(Clone, Debug)]
pub(crate) struct NumPhrase {
    pub start: usize,
    pub end: usize,
    pub lo: f64,
    pub hi: f64,
    pub min_open: bool,
    pub max_open: bool,
    pub min_inf: bool,
    pub max_inf: bool,
    /// The number itself was exact, with no qualifier, scale or range.
    pub plain: bool,
    /// Written in digits.
    pub digits: bool,
    /// The first token of the number itself (after qualifier and symbol).
    pub num_start: usize,
    pub currency: Option<String>,
    pub is_range: bool,
    /// The number as written, before qualifier and precision (the low end of a range).
    pub stated: f64,
}

/// A bare number (no qualifier): value range and the token after it.
struct Bare {
    lo: f64,
    hi: f64,
    end: usize,
    digits: bool,
    scaled: bool,
    scale: f64,
}

fn number_word_at(ctx: &Ctx, s: &Sent, i: usize) -> Option<(f64, usize)> {
    let lex = ctx.lex;
    // Multi-word entries first ("half a dozen", "a dozen").
    for n in (1..=3).rev() {
        if let Some(p) = s.phrase(i, n)
            && let Some(&v) = lex.number_words.get(&*p)
        {
            return Some((v, i + n));
        }
    }
    let t = s.toks.get(i)?;
    // "half a million", "half a dozen": a half of the multiplier after it.
    if t.is("half") && lex.context.indefinite_articles.contains(s.lower(i + 1)) {
        let m = s.lower(i + 2);
        if let Some(&v) = lex.scales.get(m).filter(|_| m.len() > 2) {
            return Some((0.5 * v, i + 3));
        }
    }
    // "twenty-one"
    if t.is_word() && t.lower.contains('-') {
        let (a, b) = t.lower.split_once('-')?;
        let (a, b) = (lex.number_words.get(a)?, lex.number_words.get(b)?);
        if *a >= 20.0 && *a < 100.0 && *b < 10.0 {
            return Some((a + b, i + 1));
        }
    }
    None
}

/// A tens word followed by a unit word ("twenty one", "ninety nine").
fn tens_and_units(ctx: &Ctx, s: &Sent, v: f64, end: usize) -> Option<f64> {
    if !(20.0..100.0).contains(&v) || v % 10.0 != 0.0 {
        return None;
    }
    let next = s.toks.get(end)?;
    let u = *ctx.lex.number_words.get(next.lower.as_ref())?;
    (next.is_word() && (1.0..10.0).contains(&u)).then_some(v + u)
}

/// Multipliers after a number: "two dozen", "three hundred", "two hundred thousand",
/// "one hundred and five". Returns the new value and end.
fn multiply(ctx: &Ctx, s: &Sent, mut v: f64, mut end: usize, digits: bool) -> (f64, usize) {
    while let Some(next) = s.toks.get(end) {
        let m = match next.lower.as_ref() {
            "dozen" => 12.0,
            "hundred" if !digits => 100.0,
            "thousand" if !digits => 1000.0,
            _ => break,
        };
        v *= m;
        end += 1;
        // "one hundred and five", "two thousand and twenty-one".
        if m >= 100.0
            && s.lower(end) == "and"
            && let Some((w, e)) = number_word_at(ctx, s, end + 1)
            && w < m
            && w >= 1.0
            && !(ctx
                .lex
                .context
                .indefinite_articles
                .contains(s.lower(end + 1))
                || s.lower(end + 1) == "half")
        {
            let w = tens_and_units(ctx, s, w, e).map_or((w, e), |x| (x, e + 1));
            v += w.0;
            end = w.1;
        }
    }
    (v, end)
}

fn bare_number(ctx: &Ctx, s: &Sent, i: usize, has_symbol: bool) -> Option<Bare> {
    let lex = ctx.lex;
    let t = s.toks.get(i)?;
    // Vague amounts: "dozens", "tens of thousands".
    if t.is_word() {
        for n in (1..=3).rev() {
            if let Some(p) = s.phrase(i, n)
                && let Some(&(lo, hi)) = lex.vague.get(&*p)
            {
                // Only as a count: followed by `of` or a noun.
                let next = s.toks.get(i + n)?;
                if !(next.is_word()) {
                    return None;
                }
                return Some(Bare {
                    lo,
                    hi,
                    end: i + n,
                    digits: false,
                    scaled: false,
                    scale: 1.0,
                });
            }
        }
    }
    let (mut v, mut end, digits, decimals) = if t.is_num() {
        let text = t.text;
        if text.len() > 1 && text.starts_with('0') && !text.starts_with("0.") {
            return None;
        }
        // Digits glued to digits by a comma that groups no thousands ("2,29 dlrs", a
        // decimal comma): neither side is a figure of its own, and the whole cannot be
        // read for sure.
        let glued = |k: usize| s.toks.get(k).is_some_and(|t| !t.space_before);
        let comma = |k: usize| s.toks.get(k).is_some_and(|t| t.text == ",");
        let num = |k: usize| s.toks.get(k).is_some_and(|t| t.is_num());
        let after_comma = i >= 2 && glued(i) && comma(i - 1) && glued(i - 1) && num(i - 2);
        let before_comma = comma(i + 1) && glued(i + 1) && num(i + 2) && glued(i + 2);
        if after_comma || before_comma {
            return None;
        }
        (t.num_value()?, i + 1, true, t.decimals())
    } else {
        let (v, end) = number_word_at(ctx, s, i)?;
        match tens_and_units(ctx, s, v, end) {
            Some(v) => (v, end + 1, false, 0),
            None => (v, end, false, 0),
        }
    };
    // Multipliers and word compounds: "two dozen", "three hundred", "two thousand".
    (v, end) = multiply(ctx, s, v, end, digits);
    let mut scaled = false;
    let mut scale_used = 1.0;
    let mut lo = v;
    let mut hi = v;
    if let Some(next) = s.toks.get(end)
        && next.is_word()
        && let Some(&scale) = lex.scales.get(next.lower.as_ref())
    {
        let single = next.text.len() == 1;
        // `m` and `k` only right after a number ("$40m", "5k").
        if !single || (!next.space_before && (has_symbol || next.lower == "k")) {
            v *= scale;
            end += 1;
            scaled = true;
            scale_used = scale;
            // Precision: half the last written digit.
            let half = if digits {
                0.5 * 10f64.powi(-(decimals as i32)) * scale
            } else {
                0.0
            };
            lo = v - half;
            hi = v + half;
        }
    }
    if !scaled {
        lo = v;
        hi = v;
    }
    Some(Bare {
        lo,
        hi,
        end,
        digits,
        scaled,
        scale: scale_used,
    })
}

/// Whether a currency word follows the number at `i`, with or without a scale word
/// between ("4.3 billion euros", "5 mln dlrs", "500 dollars").
fn currency_after(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    let word = |k: usize| s.toks.get(k).filter(|t| t.is_word() && t.space_before);
    let currency =
        |k: usize| word(k).is_some_and(|t| ctx.lex.currency_words.contains_key(t.lower.as_ref()));
    currency(i + 1)
        || word(i + 1).is_some_and(|t| ctx.lex.scales.contains_key(t.lower.as_ref()))
            && currency(i + 2)
}

/// Whether the digit token at `i` labels or identifies rather than counts.
fn is_label_number(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    let t = &s.toks[i];
    if !t.is_num() {
        return false;
    }
    // "a 12-gauge shotgun", "the 64-bit version", "10U servers": the word after it
    // names a kind or a model (`label_units`). A one-letter word only glued to it.
    let after = match (s.toks.get(i + 1), s.toks.get(i + 2)) {
        (Some(h), Some(w)) if matches!(h.text, "-" | "‐") && !h.space_before && !w.space_before => {
            Some(w)
        }
        (Some(w), _) => Some(w),
        _ => None,
    };
    if let Some(w) = after
        && w.is_word()
        && (w.text.chars().count() > 1 || !w.space_before)
        && ctx.lex.label_units.contains(w.lower.as_ref())
    {
        return true;
    }
    if let Some(prev) = i.checked_sub(1).map(|p| &s.toks[p]) {
        if !t.space_before {
            // Touching the word or sign before it: COVID-19, G7, F-16, #5, +7.
            match prev.kind {
                TokKind::Word => return true,
                TokKind::Num => return true,
                TokKind::Punct => {
                    if matches!(
                        prev.text,
                        "-" | "/" | "." | ":" | "#" | "+" | "№" | "‐" | "_" | "=" | "*"
                    ) && !(prev.text == "-" && prev.space_before)
                    {
                        return true;
                    }
                }
            }
        }
        if prev.is_word() && ctx.lex.label_words.contains(prev.lower.as_ref()) {
            return true;
        }
        // "No. 5"
        if prev.text == "."
            && i >= 2
            && ctx
                .lex
                .label_words
                .contains(&format!("{}.", s.lower(i - 2)))
        {
            return true;
        }
        // "Boeing 737", "Resolution 2231": a capitalized word that is not the first
        // word, a month, a currency or a qualifier; unless a currency word follows the
        // figure, with or without its scale ("fined Google 4.3 billion euros", "paid
        // Acme 500 dollars"): an amount paid to or by whoever is named.
        if prev.is_capitalized()
            && !currency_after(ctx, s, i)
            && i >= 2
            && !ctx.lex.months.contains_key(prev.lower.as_ref())
            && !ctx.lex.qualifiers.contains_key(prev.lower.as_ref())
            && !ctx.lex.currency_symbols.contains_key(prev.text)
            && !prev.is_all_caps()
        {
            return true;
        }
    }
    if let Some(next) = s.toks.get(i + 1)
        && !next.space_before
    {
        match next.kind {
            TokKind::Punct if matches!(next.text, ":" | "/" | "." | "-" | "‐") => {
                // 10:30, 11/02, 1.2.3, 555-1234; but "25-year" and "5-8" pass.
                if let Some(after) = s.toks.get(i + 2)
                    && !after.space_before
                    && after.is_num()
                    && next.text != "-"
                    && next.text != "‐"
                {
                    return true;
                }
                // "88-72" (a score: no range runs down), "8-1/2" (a whole and a
                // fraction).
                if next.text == "-"
                    && let Some(a) = s.toks.get(i + 2)
                    && a.is_num()
                    && !a.space_before
                    && (a.num_value().zip(t.num_value()).is_some_and(|(b, f)| f > b)
                        || s.toks
                            .get(i + 3)
                            .is_some_and(|x| x.text == "/" && !x.space_before))
                {
                    return true;
                }
                if next.text == "-"
                    && let (Some(a), Some(b), Some(c)) =
                        (s.toks.get(i + 2), s.toks.get(i + 3), s.toks.get(i + 4))
                    && a.is_num()
                    && b.text == "-"
                    && c.is_num()
                {
                    return true; // 555-12-34
                }
            }
            TokKind::Word => {
                let l = next.lower.as_ref();
                // A whole number of four or more digits with one capital letter glued
                // to it is a model ("9400M", "2000X"), not 9400 molar: no currency
                // symbol before it, and no word glued after the letter.
                let currency_before = i
                    .checked_sub(1)
                    .is_some_and(|p| ctx.lex.currency_symbols.contains_key(s.toks[p].text));
                if next.text.len() == 1
                    && next.text.bytes().all(|b| b.is_ascii_uppercase())
                    && t.text.len() >= 4
                    && t.text.bytes().all(|b| b.is_ascii_digit())
                    && !currency_before
                {
                    return true;
                }
                let ok = ctx.lex.scales.contains_key(l)
                    || ctx.lex.units.contains_key(l)
                    || ctx.lex.unit_symbols.contains(next.text)
                    || ctx.lex.time_units.contains_key(l)
                    || ctx.lex.currency_words.contains_key(l)
                    || matches!(l, "st" | "nd" | "rd" | "th" | "s" | "pct" | "percent" | "x")
                    || ctx
                        .lex
                        .unit_symbols
                        .iter()
                        .any(|u| next.text.starts_with(u.as_str()) && next.text.len() <= 4);
                if !ok {
                    return true;
                }
            }
            _ => {}
        }
    }
    // Phone numbers: three or more digit groups in a row, or a `+` before the run.
    let mut back = i;
    let mut groups_before = 0;
    while back > 0 {
        let p = &s.toks[back - 1];
        if p.is_num() && !p.text.contains([',', '.']) && p.text.len() <= 4 {
            groups_before += 1;
            back -= 1;
        } else if matches!(p.text, "-" | ")" | "(") && back >= 2 && s.toks[back - 2].is_num() {
            back -= 1;
        } else {
            break;
        }
    }
    if back > 0 && s.toks[back - 1].text == "+" {
        return true;
    }
    let mut groups = 1 + groups_before;
    let mut j = i + 1;
    while let Some(n) = s.toks.get(j) {
        if n.is_num() && !n.text.contains([',', '.']) && n.text.len() <= 4 {
            groups += 1;
            j += 1;
        } else if matches!(n.text, "-" | ")" | "(") {
            j += 1;
        } else {
            break;
        }
    }
    if groups >= 3 && !t.text.contains([',', '.']) {
        return true;
    }
    false
}

/// Reads a number phrase starting at token `i` (a qualifier, a currency symbol or the
/// number itself).
pub(crate) fn parse_at(ctx: &Ctx, s: &Sent, i: usize) -> Option<NumPhrase> {
    let lex = ctx.lex;
    let mut j = i;
    // Qualifier.
    let mut qualifier = None;
    let mut between = false;
    let mut from = false;
    for n in (1..=3).rev() {
        if let Some(p) = s.phrase(j, n)
            && let Some(&q) = lex.qualifiers.get(&*p)
        {
            qualifier = Some(q);
            j += n;
            break;
        }
    }
    if qualifier.is_none() {
        if s.lower(j) == "between" {
            between = true;
            j += 1;
        } else if s.lower(j) == "from" {
            from = true;
            j += 1;
        }
    }
    // Currency symbol before the number.
    let mut currency = None;
    if let Some(t) = s.toks.get(j) {
        let next_attached = s.toks.get(j + 1).is_some_and(|n| n.is_num() || n.is_word());
        if t.is_word()
            && s.toks
                .get(j + 1)
                .is_some_and(|n| n.text == "$" && !n.space_before)
            && let Some(code) = lex.currency_symbols.get(&format!("{}$", t.text))
        {
            currency = Some(code.clone());
            j += 2;
        } else if next_attached && let Some(code) = lex.currency_symbols.get(t.text) {
            currency = Some(code.clone());
            j += 1;
        }
    }
    let num_start = j;
    let first = s.toks.get(j)?;
    if first.is_num() && is_label_number(ctx, s, j) {
        return None;
    }
    if !first.is_num() && !first.is_word() {
        return None;
    }
    let bare = bare_number(ctx, s, j, currency.is_some())?;
    // "one" alone is rarely a count ("one of the", "no one").
    if !bare.digits && !bare.scaled && bare.lo == 1.0 && bare.hi == 1.0 && currency.is_none() {
        let next = s.lower(bare.end);
        if !(lex.time_units.contains_key(next) || lex.units.contains_key(next)) {
            return None;
        }
    }
    let mut end = bare.end;
    let (mut lo, mut hi) = (bare.lo, bare.hi);
    // The values as stated, before precision widening: qualifiers apply to these.
    let stated = if bare.scaled && bare.digits {
        (bare.lo + bare.hi) / 2.0
    } else {
        bare.lo
    };
    let (mut stated_lo, mut stated_hi) = if bare.scaled && bare.digits {
        (stated, stated)
    } else {
        (bare.lo, bare.hi)
    };
    let mut is_range = false;
    // Ranges: "5 to 8", "5-8", "5–8", "between 5 and 8", "from 5 to 8".
    let link = s.toks.get(end);
    let is_link = link.is_some_and(|t| {
        if between {
            t.is("and")
        } else {
            t.is("to") || matches!(t.text, "-" | "–" | "—" | "‐")
        }
    });
    if is_link
        && let Some(second) = {
            let k = end + 1;
            let skip_sym = s
                .toks
                .get(k)
                .is_some_and(|t| currency.is_some() && lex.currency_symbols.contains_key(t.text));
            let k = if skip_sym { k + 1 } else { k };
            if s.toks.get(k).is_some_and(|t| t.is_num() || t.is_word()) {
                bare_number(ctx, s, k, currency.is_some())
            } else {
                None
            }
        }
        && (bare.digits == second.digits)
    {
        let mut first = stated_lo;
        if second.scaled && !bare.scaled {
            // "5 to 8 million": the scale applies to both.
            first *= second.scale;
        }
        let second_stated = if second.scaled && second.digits {
            (second.lo + second.hi) / 2.0
        } else {
            second.hi
        };
        if first <= second_stated {
            lo = first;
            hi = second_stated;
            stated_lo = lo;
            stated_hi = hi;
            end = second.end;
            is_range = true;
        }
    } else if between || from {
        return None;
    }
    let frac = lex.approx_fraction;
    let mut phrase = NumPhrase {
        start: i,
        end,
        lo,
        hi,
        min_open: false,
        max_open: false,
        min_inf: false,
        max_inf: false,
        plain: qualifier.is_none() && !bare.scaled && !is_range && bare.lo == bare.hi,
        digits: bare.digits,
        num_start,
        currency,
        is_range,
        stated: stated_lo,
    };
    match qualifier {
        None => {}
        Some(Qualifier::Approx) => {
            phrase.lo = stated_lo * (1.0 - frac);
            phrase.hi = stated_hi * (1.0 + frac);
        }
        Some(Qualifier::ApproxBelow) => {
            phrase.lo = stated_lo * (1.0 - frac);
            phrase.hi = stated_hi;
            phrase.max_open = true;
        }
        Some(Qualifier::AtLeast) => {
            phrase.lo = stated_lo;
            phrase.max_inf = true;
        }
        Some(Qualifier::MoreThan) => {
            phrase.lo = stated_hi;
            phrase.min_open = true;
            phrase.max_inf = true;
        }
        Some(Qualifier::AtMost) => {
            phrase.hi = stated_hi;
            phrase.min_inf = true;
        }
        Some(Qualifier::LessThan) => {
            phrase.hi = stated_lo;
            phrase.max_open = true;
            phrase.min_inf = true;
        }
    }
    Some(phrase)
}

/// The interval of a phrase with a unit.
pub(crate) fn interval(p: &NumPhrase, unit: &str) -> ClaimValue {
    ClaimValue::Interval(Box::new(crate::IntervalValue {
        min: (!p.min_inf).then_some(round(p.lo)),
        max: (!p.max_inf).then_some(round(p.hi)),
        min_open: p.min_open,
        max_open: p.max_open,
        unit: unit.into(),
    }))
}

/// Rounds away binary noise (`2.8e6 * 1.1`), keeping 12 significant digits.
pub(crate) fn round(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mag = x.abs().log10().floor() as i32;
    let factor = 10f64.powi(11 - mag);
    (x * factor).round() / factor
}
