//! Numbers and quantities: digits, number words, scales, qualifiers and ranges as
//! intervals, with the counted noun or unit after them.
//!
//! One parser reads the number phrase; what follows it decides the kind: a currency
//! makes money ([`crate::money`]), `%` or `percent` a percentage ([`crate::percent`]),
//! a unit of time a duration ([`crate::durations`]), anything else a quantity. Written
//! by hand: quantity extractors on crates.io (and quantulum3 in Python) read "mln" as a
//! unit and "COVID-19" as a count, and none of them keeps the interval semantics of
//! news qualifiers ("more than 600" is open, "at least 37" is closed).

use crate::lexicon::Qualifier;
use crate::token::TokKind;
use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent};

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
    if t.is("half") && matches!(s.lower(i + 1), "a" | "an") {
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
            && !matches!(s.lower(end + 1), "a" | "an" | "half")
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

/// Whether the digit token at `i` labels or identifies rather than counts.
fn is_label_number(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    let t = &s.toks[i];
    if !t.is_num() {
        return false;
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
        // word, a month, a currency or a qualifier.
        if prev.is_capitalized()
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
    ClaimValue::Interval {
        min: (!p.min_inf).then_some(round(p.lo)),
        max: (!p.max_inf).then_some(round(p.hi)),
        min_open: p.min_open,
        max_open: p.max_open,
        unit: unit.to_owned(),
    }
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

/// Singular form of a counted noun (`corridors` -> `corridor`, `people` stays).
pub(crate) fn lemma(word: &str) -> String {
    lemma_cow(word).into_owned()
}

/// [`lemma`], borrowing `word` (or a static) when no new text is needed.
pub(crate) fn lemma_cow(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match word {
        "people" | "persons" | "person" => return Cow::Borrowed("people"),
        "women" => return Cow::Borrowed("woman"),
        "men" => return Cow::Borrowed("man"),
        "children" => return Cow::Borrowed("child"),
        "countries" => return Cow::Borrowed("country"),
        "series" | "species" | "news" | "data" | "aircraft" | "sheep" | "fish" => {
            return Cow::Borrowed(word);
        }
        "buses" | "gases" | "viruses" | "bonuses" | "campuses" | "censuses" | "statuses"
        | "consensuses" => return Cow::Borrowed(&word[..word.len() - 2]),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() > 1
    {
        return Cow::Owned(format!("{stem}y"));
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return Cow::Borrowed(&word[..stem.len() + suffix.len() - 2]);
        }
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && word.len() > 3 {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

/// The counted noun phrase after `j`: `(end token, head lemma)`.
pub(crate) fn counted_noun(
    ctx: &Ctx,
    s: &Sent,
    mut j: usize,
    after_vague: bool,
) -> Option<(usize, String)> {
    let lex = ctx.lex;
    if after_vague && s.lower(j) == "of" {
        j += 1;
    }
    let start = j;
    let mut head = None;
    // Capitalized modifiers before the head ("191 UN member states", "5 Russian
    // soldiers"): skipped, but only a lower-case head makes a counted noun.
    let mut caps = 0;
    while j < s.toks.len() && j < start + 3 + caps {
        let t = &s.toks[j];
        let hyphen_attached = t.text == "-" && !t.space_before && j == start;
        if hyphen_attached {
            j += 1;
            continue;
        }
        if !t.is_word() || (j > start && !t.space_before && s.toks[j - 1].text != "-") {
            break;
        }
        let l = t.lower.as_ref();
        if t.is_capitalized()
            && head.is_none()
            && caps < 2
            && !t.has(crate::lexicon::class::NOT_NAME | crate::lexicon::class::DATE_START)
            && !lex.currency_words.contains_key(l)
            // "20 thousand Armenians live": a plural name is the counted noun itself.
            && (l.ends_with("ss") || !l.ends_with('s'))
            && s.toks.get(j + 1).is_some_and(|n| n.is_word() && n.space_before)
        {
            caps += 1;
            j += 1;
            continue;
        }
        if t.is_capitalized()
            || lex.stopwords.contains(l)
            || lex.months.contains_key(l)
            || !l
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            || l.ends_with("ly")
            || (j > start && l.ends_with("ed"))
        {
            break;
        }
        head = Some((j + 1, lemma(l)));
        j += 1;
        // A noun phrase ends at its first plural noun ("37 people were").
        if l.ends_with('s') && !l.ends_with("ss") && l.len() > 3 || l == "people" {
            break;
        }
    }
    head
}

/// Whether a measure word or phrase is near token `i` (within the clause).
pub(crate) fn measure_near(ctx: &Ctx, s: &Sent, from: usize, to: usize) -> Option<String> {
    let lo = from.saturating_sub(8);
    let hi = (to + 8).min(s.toks.len());
    let mut best: Option<(usize, String)> = None;
    for k in lo..hi {
        if k >= from && k < to {
            continue;
        }
        for n in (1..=2).rev() {
            if let Some(p) = s.phrase(k, n)
                && let Some(m) = ctx.lex.measures.get(&*p)
            {
                let dist = if k < from { from - k } else { k - to + 1 };
                // A comma or semicolon between them ends the clause.
                let (a, b) = if k < from { (k, from) } else { (to, k) };
                if s.toks[a..b]
                    .iter()
                    .any(|t| matches!(t.text, ";" | ":" | "(" | ")"))
                {
                    continue;
                }
                if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                    best = Some((dist, m.clone()));
                }
                break;
            }
        }
    }
    best.map(|(_, m)| m)
}

const CHANGE_WORDS: &[&str] = &[
    "increased",
    "increase",
    "increasing",
    "rose",
    "risen",
    "grew",
    "grown",
    "growth",
    "decreased",
    "fell",
    "fallen",
    "dropped",
    "declined",
    "higher",
    "lower",
    "more",
    "less",
    "larger",
    "smaller",
    "bigger",
    "by",
    "expanded",
    "up",
    "down",
    "multiplied",
    "surged",
    "jumped",
    "climbed",
    "times",
];

/// Words that introduce the parts of a whole, right before a number.
const PART_MARKERS: &[&[&str]] = &[
    &["including"],
    &["includes"],
    &["include"],
    &["of", "whom"],
    &["of", "which"],
    &["among", "them"],
    &["among", "whom"],
    &["among", "which"],
];

/// Whether a part marker ends right before token `i` ("…, including 12").
fn part_marker_before(s: &Sent, i: usize) -> bool {
    PART_MARKERS.iter().any(|m| {
        i >= m.len()
            && m.iter()
                .enumerate()
                .all(|(k, w)| s.lower(i - m.len() + k) == *w)
    })
}

/// Whether a list link ends right before token `i` ("… and 10", "…, 10").
fn list_link_before(s: &Sent, i: usize) -> bool {
    i > 0 && matches!(s.lower(i - 1), "and" | "," | "while" | "plus")
}

/// Extracts quantities, money, percentages and numeric durations from one sentence.
pub(crate) fn extract(ctx: &Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
    let lex = ctx.lex;
    // "Of the 15 seats, 9 went to …": later bare numbers count seats.
    let mut of_the_unit: Option<String> = None;
    // The last counted quantity (a whole that bare parts may count), and whether a
    // list of parts is being read.
    let mut whole_unit: Option<String> = None;
    let mut in_parts = false;
    let mut i = 0;
    while i < s.toks.len() {
        if s.taken[i] {
            i += 1;
            continue;
        }
        // Only a number, a currency symbol or a word that starts a number phrase can
        // start one: everything else is skipped without a lookup.
        let t = &s.toks[i];
        let candidate = t.is_num()
            || lex.currency_symbols.contains_key(t.text)
            || s.toks
                .get(i + 1)
                .is_some_and(|n| n.text == "$" && !n.space_before)
            || (t.is_word() && t.has(crate::lexicon::class::NUM_START));
        if !candidate {
            i += 1;
            continue;
        }
        // Multiplier verbs: "doubled", "tripled".
        let mult = match s.lower(i) {
            "doubled" => Some(2.0),
            "tripled" | "trebled" => Some(3.0),
            "quadrupled" => Some(4.0),
            "halved" => Some(0.5),
            _ => None,
        };
        if let Some(m) = mult {
            let span = s.span(i, i + 1);
            s.take(i, i + 1);
            claims.push(Claim::new(
                ClaimKind::Quantity,
                span,
                s.idx,
                ClaimValue::Interval {
                    min: Some(m),
                    max: Some(m),
                    min_open: false,
                    max_open: false,
                    unit: "times".into(),
                },
            ));
            i += 1;
            continue;
        }
        let Some(p) = parse_at(ctx, s, i) else {
            i += 1;
            continue;
        };
        if !s.free(p.start, p.end) {
            i += 1;
            continue;
        }
        let j = p.end;
        let next = s.toks.get(j);
        // Ordinals belong to ordinals.rs; decades and years to dates.rs.
        if let Some(n) = next
            && !n.space_before
            && matches!(n.lower.as_ref(), "st" | "nd" | "rd" | "th" | "s")
        {
            i = j + 1;
            continue;
        }
        let lone_year = p.plain
            && p.digits
            && p.currency.is_none()
            && (1000.0..=2100.0).contains(&p.lo)
            && p.lo.fract() == 0.0
            && !s.toks[p.num_start].text.contains(',');
        let vague = !p.digits && lex.vague.contains_key(s.lower(p.num_start))
            || s.toks[p.num_start..p.end]
                .iter()
                .any(|t| lex.vague.contains_key(t.lower.as_ref()));
        let mut kind = ClaimKind::Quantity;
        let mut unit = String::new();
        let mut end = j;
        let mut matched = false;
        // Percent.
        if let Some((e, u)) = crate::percent::unit_after(ctx, s, j) {
            kind = ClaimKind::Percent;
            unit = u;
            end = e;
            matched = true;
        }
        // Money.
        if !matched {
            if let Some((e, code)) = crate::money::currency_after(ctx, s, j, vague) {
                kind = ClaimKind::Money;
                unit = code;
                end = e;
                matched = true;
            } else if let Some(code) = &p.currency {
                kind = ClaimKind::Money;
                unit = code.clone();
                matched = true;
            }
        }
        // Durations.
        if !matched && let Some((e, value)) = crate::durations::numeric(ctx, s, &p) {
            if !value.is_empty() {
                let span = s.span(p.num_start.min(p.start), e);
                s.take(p.start, e);
                claims.push(Claim::new(
                    ClaimKind::Duration,
                    span,
                    s.idx,
                    ClaimValue::Duration(value),
                ));
            }
            i = e;
            continue;
        }
        // Units.
        if !matched {
            for n in (1..=3).rev() {
                if let Some(ph) = s.phrase(j, n)
                    && let Some(u) = lex.units.get(&*ph)
                    && (n > 1 || ph.len() > 1 || !s.toks[j].space_before)
                {
                    unit = u.clone();
                    end = j + n;
                    matched = true;
                    break;
                }
            }
            if !matched
                && let Some(t) = next
                && lex.unit_symbols.contains(t.text)
                && p.digits
                && !lone_year
            {
                unit = t.text.to_owned();
                end = j + 1;
                matched = true;
            }
        }
        // Multipliers: "increased 3.5 times", "by 2.5 times".
        if !matched
            && let Some(t) = next
            && (t.is("times") || t.is("fold") || t.is("-fold"))
        {
            let before = &s.toks[p.start.saturating_sub(3)..p.start];
            if before
                .iter()
                .any(|b| CHANGE_WORDS.contains(&b.lower.as_ref()))
                || s.toks
                    .get(j + 1)
                    .is_some_and(|a| CHANGE_WORDS.contains(&a.lower.as_ref()))
            {
                unit = "times".into();
                end = j + 1;
                matched = true;
            } else {
                i = j + 1;
                continue;
            }
        }
        // Counted noun.
        if !matched
            && !lone_year
            && p.plain
            && let Some(u) = &of_the_unit
        {
            unit = u.clone();
            matched = true;
        }
        // A bare part of a whole counted before it: "20 grants, including 12 for
        // schools and 10 for hospitals" counts grants.
        let mut inherited = false;
        if !matched
            && !lone_year
            && p.plain
            && kind == ClaimKind::Quantity
            && let Some(u) = &whole_unit
            && counted_noun(ctx, s, j, false).is_none()
            && (part_marker_before(s, p.start) || in_parts && list_link_before(s, p.start))
        {
            unit = u.clone();
            matched = true;
            inherited = true;
        }
        if !matched && !lone_year {
            if let Some((e, head)) = counted_noun(ctx, s, j, vague || p.end > p.num_start + 1) {
                unit = head;
                end = e;
                matched = true;
            } else if let Some(_m) = measure_near(ctx, s, p.start, p.end) {
                matched = p.digits || !p.plain;
            }
        }
        if !matched || (lone_year && kind == ClaimKind::Quantity && unit.is_empty()) {
            i = p.end.max(i + 1);
            continue;
        }
        // "Of the 15 seats, 9 went to …", also inside a sentence.
        if p.start >= 2
            && s.lower(p.start - 2) == "of"
            && s.lower(p.start - 1) == "the"
            && (p.start == 2 || s.toks.get(end).is_some_and(|t| t.text == ","))
            && kind == ClaimKind::Quantity
            && !unit.is_empty()
        {
            of_the_unit = Some(unit.clone());
        }
        if kind == ClaimKind::Quantity && !unit.is_empty() && unit != "times" {
            if inherited {
                in_parts = true;
            } else {
                whole_unit = Some(unit.clone());
                in_parts = part_marker_before(s, p.start);
            }
        }
        let span = s.span(p.start, end);
        s.take(p.start, end);
        claims.push(Claim::new(kind, span, s.idx, interval(&p, &unit)));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    #[test]
    fn quantities() {
        check_kind(
            ClaimKind::Quantity,
            &[
                (
                    "At least 37 people were killed.",
                    &["At least 37 people = [37, inf) people"],
                ),
                (
                    "The quake killed 139 people, including 7 women.",
                    &[
                        "139 people = [139, 139] people",
                        "7 women = [7, 7] woman PartOf->139 people",
                    ],
                ),
                (
                    "There are 1,250,000 residents.",
                    &["1,250,000 residents = [1250000, 1250000] resident"],
                ),
                (
                    "The road is 13,000 km long.",
                    &["13,000 km = [13000, 13000] km"],
                ),
                (
                    "The road is 13,000km long.",
                    &["13,000km = [13000, 13000] km"],
                ),
                ("It weighs 3.2 tons.", &["3.2 tons = [3.2, 3.2] t"]),
                (
                    "Eleven soldiers died.",
                    &["Eleven soldiers = [11, 11] soldier"],
                ),
                (
                    "twenty-one delegates came",
                    &["twenty-one delegates = [21, 21] delegate"],
                ),
                (
                    "a dozen ministers spoke",
                    &["a dozen ministers = [12, 12] minister"],
                ),
                (
                    "dozens of houses burned",
                    &["dozens of houses = [24, 99] house"],
                ),
                (
                    "hundreds of people marched",
                    &["hundreds of people = [200, 999] people"],
                ),
                (
                    "thousands of refugees fled",
                    &["thousands of refugees = [2000, 9999] refugee"],
                ),
                (
                    "more than 600 prisoners",
                    &["more than 600 prisoners = (600, inf) prisoner"],
                ),
                (
                    "over 50 countries took part",
                    &["over 50 countries = (50, inf) country"],
                ),
                (
                    "nearly 40 villages",
                    &["nearly 40 villages = [36, 40) village"],
                ),
                (
                    "about 35 experts",
                    &["about 35 experts = [31.5, 38.5] expert"],
                ),
                ("some 300 firms", &["some 300 firms = [270, 330] firm"]),
                ("up to 8 ships", &["up to 8 ships = (-inf, 8] ship"]),
                (
                    "fewer than 20 journalists",
                    &["fewer than 20 journalists = (-inf, 20) journalist"],
                ),
                ("5 to 8 workers", &["5 to 8 workers = [5, 8] worker"]),
                ("5–8 workers", &["5–8 workers = [5, 8] worker"]),
                (
                    "between 5 and 8 workers",
                    &["between 5 and 8 workers = [5, 8] worker"],
                ),
                (
                    "2.8 million tons of grain",
                    &["2.8 million tons = [2750000, 2850000] t"],
                ),
                (
                    "13 transport corridors",
                    &["13 transport corridors = [13, 13] corridor"],
                ),
                (
                    "130 ethnic groups live there",
                    &["130 ethnic groups = [130, 130] group"],
                ),
                (
                    "after 21 rounds of negotiations",
                    &["21 rounds = [21, 21] round"],
                ),
                (
                    "exports increased 3.5 times",
                    &["3.5 times = [3.5, 3.5] times"],
                ),
                ("grew by 2.5 times", &["2.5 times = [2.5, 2.5] times"]),
                ("trade doubled", &["doubled = [2, 2] times"]),
                // Number words with multipliers.
                (
                    "Two dozen buses were set on fire.",
                    &["Two dozen buses = [24, 24] bus"],
                ),
                (
                    "about 2 dozen eggs",
                    &["about 2 dozen eggs = [21.6, 26.4] egg"],
                ),
                (
                    "half a million people fled",
                    &["half a million people = [500000, 500000] people"],
                ),
                (
                    "half a dozen ministers resigned",
                    &["half a dozen ministers = [6, 6] minister"],
                ),
                (
                    "three hundred soldiers",
                    &["three hundred soldiers = [300, 300] soldier"],
                ),
                (
                    "two hundred and fifty delegates",
                    &["two hundred and fifty delegates = [250, 250] delegate"],
                ),
                (
                    "one hundred and twenty-one villages",
                    &["one hundred and twenty-one villages = [121, 121] village"],
                ),
                (
                    "two hundred thousand refugees",
                    &["two hundred thousand refugees = [200000, 200000] refugee"],
                ),
                (
                    "twenty one delegates",
                    &["twenty one delegates = [21, 21] delegate"],
                ),
                (
                    "a hundred thousand people",
                    &["a hundred thousand people = [100000, 100000] people"],
                ),
                // Counted nouns after capitalized modifiers.
                (
                    "All 191 UN member states voted.",
                    &["191 UN member states = [191, 191] state"],
                ),
                (
                    "killed 5 Russian soldiers",
                    &["5 Russian soldiers = [5, 5] soldier"],
                ),
                ("More than 20 thousand Armenians live there", &[]),
                ("two hundred and Kazakhstan", &[]),
                ("one hundred percent", &[]),
                ("output tripled", &["tripled = [3, 3] times"]),
                ("The death toll rose to 37.", &["37 = [37, 37] "]),
                (
                    "including 5 railway and 8 automobile ones",
                    &[
                        "5 railway = [5, 5] railway",
                        "8 automobile ones = [8, 8] one",
                    ],
                ),
                (
                    "VAT of 150 mln barrels",
                    &["150 mln barrels = [149500000, 150500000] bbl"],
                ),
                ("2617.4 m", &["2617.4 m = [2617.4, 2617.4] m"]),
                // Negatives.
                ("Point 5 of the declaration", &[]),
                ("see page 12 of the report", &[]),
                ("Call +7 717 274 5678 now", &[]),
                ("call 555-123-4567", &[]),
                ("the COVID-19 pandemic", &[]),
                ("under Article 51 of the Charter", &[]),
                ("the G7 leaders met", &[]),
                ("Resolution 2231 was adopted", &[]),
                ("ID 004521 was used", &[]),
                ("one of the leaders", &[]),
                ("a Boeing 737 jet", &[]),
                ("at 10:30 local time", &[]),
                ("in 2023", &[]),
            ],
        );
    }
}
