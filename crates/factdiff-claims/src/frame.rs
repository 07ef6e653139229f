//! Claim frames: what the words around a claim say about it, read once here so that
//! the rule engine only groups and compares claims.
//!
//! A figure's [`Frame`] gives the period it is for (the period words and dates of its
//! sentence), its [`Role`] (reported, the other side of a comparison, the new value
//! of a change, a cell of a comparison table), and what an amount is of when no
//! measure says it. A date's frame gives whether it is when something was said ("said on Tuesday") and whether it
//! ends a reporting period ("the quarter ended December 31"). An ordinal's or a
//! duration's frame gives the year its sentence speaks from ("next year") and, for a
//! duration, whether it counts since a date. The vocabulary is the context lexicon
//! (`rules/lexicons/context.toml`, [`Vocab`]).
//!
//! Words are read with a tokenizer of their own ([`words`]: letters, digits and inner
//! hyphens, dots and apostrophes), the one the rules used before this module.
//!
//! The frame is not (yet) part of the claim records of `factdiff claims --format
//! json`: it is the rule engine's input, and adding it would be an addition to the
//! version-1 claims contract (new fields) to make when users ask for role and period.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::lexicon::{HashSet, Vocab};
use crate::{Claim, ClaimKind, ClaimValue, Ctx};

/// What a figure is in its sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Given as what is (the default).
    #[default]
    Reported,
    /// The other side of a comparison: a figure of another period or place ("up from
    /// 12 mln", "5.81 mln a year ago").
    Comparison,
    /// The new value of a change ("was increased to 33 mln shares"): it supersedes an
    /// earlier figure.
    Update,
    /// A cell of a comparison table ("Shr 34 cts vs 1.19 dlrs").
    Table,
}

/// Whether a date is when something happened or when it is to happen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Said as what happened or is happening (the default).
    #[default]
    Actual,
    /// Set for the future: "will open on September 15", "is scheduled for September
    /// 16", or a day after the article's date ("hosts the summit on Friday").
    Scheduled,
    /// Planned or expected, not fixed: "plans to sign on May 3", "is expected on".
    Planned,
}

/// The period a figure is for: the period words of its sentence (sorted, distinct)
/// and the values of its sentence's dates that are not reporting dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    /// Period words, lower case, sorted and distinct ("first", "quarter").
    pub words: Vec<String>,
    /// TIMEX3 values, sorted and distinct.
    pub dates: Vec<String>,
}

impl Period {
    /// Whether figures of the two periods may be about the same thing: the same period
    /// words, and, when both give dates, a date in common.
    pub fn compatible(&self, other: &Period) -> bool {
        self.words == other.words
            && (self.dates.is_empty()
                || other.dates.is_empty()
                || self.dates.iter().any(|d| other.dates.contains(d)))
    }
}

/// What the words around a claim say about it. Quantities, money and percentages get
/// `role`, `period`, `counted` and `thing`; dates that name a day get
/// `said_on` and `period_end`; ordinals and durations get `year_offset`, durations
/// `since`. The other fields keep their defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Frame {
    /// A figure's role in its sentence.
    pub role: Role,
    /// The period a figure is for, shared by the figures of a sentence.
    pub period: Option<Arc<Period>>,
    /// Whether a figure's own last word is its counted noun ("three earthquakes").
    pub counted: bool,
    /// What an amount is of, when neither a measure nor a counted noun says it: the
    /// first content word after it, singular ("a $2bn loan" -> `loan`).
    pub thing: Option<Box<str>>,
    /// Whether a day date is when something was said ("said on Tuesday").
    pub said_on: bool,
    /// Whether a day date ends a reporting period ("the quarter ended December 31"),
    /// or is the day a state is given for ("failed to meet the requirements as of
    /// December 16": `state_before_date`): no event either way.
    pub period_end: bool,
    /// Whether a day date is a span or the period a figure is for, right after a word
    /// of `span_before_date` ("set a rate for April 6", "the price through April 7").
    pub span: bool,
    /// A day date's tense and modality: what happened, what is scheduled, what is
    /// planned (`scheduled_words`, `planned_words` among the eight words before it).
    pub modality: Modality,
    /// The year the sentence speaks from, relative to the article's: 1 for "next year".
    pub year_offset: i8,
    /// Whether a duration counts since a date ("ten years have passed since 2012").
    pub since: bool,
}

fn not_word_char(c: char) -> bool {
    !(c.is_alphanumeric() || c == '-' || c == '.' || c == '\'')
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| c == '.' || c == '-' || c == '\'')
}

/// The word tokens of a text as written: letters, digits, inner hyphens, dots and
/// apostrophes.
fn raw_words(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(not_word_char)
        .map(trim_word)
        .filter(|w| !w.is_empty())
}

/// Lower-case word tokens of a text (see [`raw_words`]): what [`last_words`] reads
/// from the end, and [`lower`] word by word.
#[cfg(test)]
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(str::to_lowercase)
}

/// A word lower-cased, borrowed when it has no capital (most words): the same string
/// as `str::to_lowercase`.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else if w.is_ascii() {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The last `n` words of a text, last first: [`words`] read from the end, without
/// tokenizing the rest, and without a copy of a word that has no capital.
fn last_words(text: &str, n: usize) -> impl Iterator<Item = Cow<'_, str>> + Clone {
    text.rsplit(not_word_char)
        .map(trim_word)
        .filter(|w| !w.is_empty())
        .take(n)
        .map(lower)
}

/// Whether a lower-case text holds `phrase` (any case; several words as a phrase) as
/// whole words.
pub fn has_phrase(text_lower: &str, phrase: &str) -> bool {
    let phrase = lower(phrase);
    let phrase = phrase.as_ref();
    let mut from = 0;
    while let Some(pos) = text_lower[from..].find(phrase) {
        let start = from + pos;
        let end = start + phrase.len();
        let before = text_lower[..start].chars().next_back();
        let after = text_lower[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + phrase.len().max(1);
        while !text_lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Whether `text`, lower-cased and trimmed at its end, ends with `suffix`. Reads only
/// the last characters (as many as `suffix` has: a character lower-cases to one or
/// more): a lower-case copy of the sentence before every claim was quadratic in the
/// sentence. Public for the rules, which read the words before a claim the same way.
pub fn lower_ends_with(text: &str, suffix: &str) -> bool {
    let text = text.trim_end();
    let n = suffix.chars().count();
    let from = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(idx, _)| idx);
    text[from..].to_lowercase().ends_with(suffix)
}

/// Looks a word up in a lower-case list without a copy when it has no capital.
fn listed(set: &HashSet<String>, w: &str) -> Option<String> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        // Lowered on the stack: most capitalized words are in no list.
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..w.len()) {
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII case changes keep UTF-8 valid.
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            return set.get(lower).cloned();
        }
        let lower = w.to_ascii_lowercase();
        set.contains(&lower).then_some(lower)
    } else {
        set.get(w).cloned()
    }
}

/// The period words of a sentence and whether it is a comparison table. A plural
/// period word followed by `of` and a word ("after two days of rain", "eight days of
/// clashes") is an incidental length of time, not the period of the sentence's figures;
/// "the first six months of the year" still is one. A word of `speech_period_words`
/// right after a reporting verb (`reporting`), with the period words right after it,
/// or right before one, dates the speech, not the figure ("said earlier that 9 people
/// were killed", "said last week that", "earlier said"), unless a possessive follows
/// it ("said last year's profit").
fn period_words(v: &Vocab, reporting: &HashSet<String>, sentence: &str) -> (Vec<String>, bool) {
    let mut found = Vec::new();
    let mut table = false;
    // The words after each word read from a copy of the iterator, not from a list of
    // the sentence's words.
    let mut rest = raw_words(sentence);
    // Whether the word before was a reporting verb (`verb`), or a period word of its
    // speech (`run`).
    let (mut verb, mut run) = (false, false);
    while let Some(w) = rest.next() {
        if !table && listed(&v.table_words, w).is_some() {
            table = true;
        }
        let (after_verb, in_run) = (verb, run);
        verb = listed(reporting, w).is_some();
        run = false;
        if (after_verb && listed(&v.speech_period_words, w).is_some()
            || in_run && listed(&v.period_words, w).is_some())
            && !rest
                .clone()
                .next()
                .is_some_and(|n| n.ends_with("'s") || n.ends_with("’s"))
        {
            run = true;
            continue;
        }
        if listed(&v.speech_period_words, w).is_some()
            && rest
                .clone()
                .next()
                .is_some_and(|n| listed(reporting, n).is_some())
        {
            continue;
        }
        let incidental = w.ends_with('s') && {
            let mut ahead = rest.clone();
            ahead.next().is_some_and(|n| n.eq_ignore_ascii_case("of"))
                && ahead.next().is_some_and(|n| {
                    n.chars().all(char::is_alphabetic) && !v.link_words.contains(lower(n).as_ref())
                })
        };
        if incidental {
            continue;
        }
        if let Some(p) = listed(&v.period_words, w) {
            found.push(p);
        }
    }
    found.sort_unstable();
    found.dedup();
    (found, table)
}

/// Whether the words right before a figure (at `start..end` of `text`) make it the
/// other side of a comparison ("up from 12 mln"), or the words after it date it to
/// another period ("a year ago").
fn is_comparison(v: &Vocab, text: &str, start: usize, end: usize) -> bool {
    if last_words(&text[..start], 2).any(|w| v.before_other.contains(w.as_ref())) {
        return true;
    }
    // " w1 w2 w3 w4 w5 ", in one string.
    let mut after = String::with_capacity(64);
    after.push(' ');
    for (k, w) in raw_words(&text[end..]).take(5).enumerate() {
        if k > 0 {
            after.push(' ');
        }
        after.push_str(&lower(w));
    }
    after.push(' ');
    v.after_other.iter().any(|p| contains_spaced(&after, p))
}

/// Whether `text` holds `phrase` with a space on each side (`text.contains(" phrase ")`,
/// without making that string for every phrase of a lexicon and every figure).
fn contains_spaced(text: &str, phrase: &str) -> bool {
    // Each place right after a space, tried with `starts_with`: the texts are a few
    // words long, and a substring search set up for every phrase cost more.
    text.match_indices(' ').any(|(i, _)| {
        let at = i + 1;
        text[at..].starts_with(phrase) && text[at + phrase.len()..].starts_with(' ')
    })
}

/// Whether the figure at `start` of `text` is the state of a running figure, one of
/// `running_words` among the three words before it ("on volume of 19 mln shares",
/// "volume rose to 188 mln shares"): the day's trading volume at the time of the
/// report, like a change's new value an update, not a figure to hold against another
/// report's.
fn is_running(v: &Vocab, text: &str, start: usize) -> bool {
    last_words(&text[..start], 3).any(|w| v.running_words.contains(w.as_ref()))
}

/// How many words before a figure a change verb may stand: "is lowering its copper
/// cathode price by 0.50 cent to 65.50 cents" puts eight words between them.
const CHANGE_VERB_WORDS: usize = 10;

/// Whether the figure at `start..end` of `text` is the new value of a change: a word
/// of `change_to` among the six words before it, with a change verb among the ten
/// words before it ("increased to 33 mln", "is lowering its price by 0.50 cent to
/// 65.50 cents") or a word of `change_from` before that `to` ("coverage for wheat from five mln to 15
/// mln dlrs", "from 45 mln dlrs to 43 mln dlrs"); or a span that is itself a change
/// ("from two mln to seven mln dlrs"), whatever the verb.
fn is_update(v: &Vocab, text: &str, start: usize, end: usize) -> bool {
    let mut own = raw_words(&text[start..end]).map(lower);
    if own
        .next()
        .is_some_and(|w| v.change_from.contains(w.as_ref()))
        && raw_words(&text[start..end]).any(|w| v.change_to.contains(lower(w).as_ref()))
    {
        return true;
    }
    // Last word first.
    let before = last_words(&text[..start], CHANGE_VERB_WORDS);
    let Some(to) = before
        .clone()
        .take(6)
        .position(|w| v.change_to.contains(w.as_ref()))
    else {
        return false;
    };
    before.clone().any(|w| v.change_verbs.contains(w.as_ref()))
        || before
            .skip(to + 1)
            .take(5)
            .any(|w| v.change_from.contains(w.as_ref()))
}

/// The thing an amount ending at `end` of `text` is of: the first content word after
/// it ("a $2bn loan" -> `loan`, "400 mln dlrs of bonds" -> `bonds`), lower case and
/// singular; `None` when punctuation or a word of `not_things` comes first.
fn thing_after(v: &Vocab, text: &str, end: usize) -> Option<String> {
    let rest = &text[end..];
    let rest = rest.trim_start_matches([' ', '\n', '\t']);
    if rest.starts_with(|c: char| !c.is_alphabetic()) {
        return None;
    }
    for (n, w) in rest.split_whitespace().take(4).enumerate() {
        let word = w.trim_end_matches([',', '.', ';', ':', ')', '"']);
        if !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') || word.is_empty() {
            return None;
        }
        if v.link_words.contains(word) {
            if n >= 2 {
                return None;
            }
            continue;
        }
        if word.len() < 3 || v.not_things.contains(word) {
            return None;
        }
        let singular = word
            .strip_suffix("ies")
            .map(|s| format!("{s}y"))
            .or_else(|| {
                word.strip_suffix('s')
                    .filter(|s| !s.ends_with('s'))
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| word.to_owned());
        return Some(singular);
    }
    None
}

/// Whether the lower-case text before a date (`before`) ends with one of `phrases`.
/// Whether the words right before a date set it as the day of something
/// (`schedule_before_date`: "Trial is set for June 17"), as whole words (not
/// "offset for").
fn set_for(v: &Vocab, before: Option<&str>) -> bool {
    // `before` runs from the sentence's start: only its last words are read (a
    // sentence of thousands of dates is not read again for each).
    let before = before.unwrap_or_default();
    v.schedule_before_date.iter().any(|p| {
        let mut last = before.split_whitespace().rev();
        p.split_whitespace().rev().all(|w| last.next() == Some(w))
    })
}

fn ends_with_any(before: Option<&str>, phrases: &[String]) -> bool {
    before.is_some_and(|b| {
        let b = b.trim_end();
        phrases.iter().any(|p| b.ends_with(p.as_str()))
    })
}

/// What is read once per sentence, on first use: each of these reads the whole
/// sentence, and reading it again for every claim was quadratic in the sentence.
#[derive(Default)]
struct SentenceCache {
    lower: Option<String>,
    period: Option<(Arc<Period>, bool)>,
    /// Whether a phrase of `said_before_date` is in the sentence.
    said: Option<bool>,
    /// Whether a word of `period_end_words` is in the sentence.
    period_end_word: Option<bool>,
    /// Whether a phrase of `next_year` is in the sentence.
    next_year: Option<bool>,
}

/// Sets the frame of each figure, day date, ordinal and duration of an article
/// (`claims` sorted, keys assigned).
/// The most bytes between a figure and a one-unit duration that is its rate ("60,000
/// ounces of gold a year").
const RATE_GAP: u32 = 24;

/// A day date's modality from the eight words before it in its sentence, then from
/// its value: a day after the article's date is scheduled, unless told as past
/// ([`told_as_past`]).
fn modality(ctx: &Ctx, v: &Vocab, before: Option<&str>, value: &ClaimValue) -> Modality {
    let last = last_words(before.unwrap_or_default(), 8);
    if set_for(v, before) || last.clone().any(|w| v.scheduled_words.contains(w.as_ref())) {
        return Modality::Scheduled;
    }
    if last.clone().any(|w| v.planned_words.contains(w.as_ref())) {
        return Modality::Planned;
    }
    if let (ClaimValue::Date(t), Some(anchor)) = (value, ctx.anchor)
        && let (Some(y), Some(m), Some(d)) = (t.year, t.month, t.day)
        && jiff::civil::Date::new(y, m, d).is_ok_and(|date| date > anchor)
        && !told_as_past(ctx, v, before.unwrap_or_default())
    {
        return Modality::Scheduled;
    }
    Modality::Actual
}

/// Whether a day date is told as what happened: right after it (past `on`, `late`,
/// `early`: the calendar lexicon's `date_lead_words`) a participle, a regular `-ed`
/// form or an irregular one of `past_tense`, after an auxiliary of the past
/// (`past_auxiliaries`: "The announcement was made Sunday (August 6)", "were killed
/// on"), and no verb of reporting ("the price was announced on", which
/// `reporting_verbs` dates as said). A date after its article's date so told is what
/// happened (a wrong date, or a wrong article date), not a schedule; an active past
/// or a participle alone is not enough ("after the loan package is signed on", "each
/// share held on", "securities pledged on": a present auxiliary or none).
fn told_as_past(ctx: &Ctx, v: &Vocab, before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut verb = words.next();
    while verb.is_some_and(|w| v.date_lead_words.contains(w)) {
        verb = words.next();
    }
    let Some(verb) = verb else {
        return false;
    };
    let past = verb.chars().all(char::is_alphabetic)
        && (verb.len() > 4 && verb.ends_with("ed") || v.past_tense.contains(verb))
        && !ctx.lex.reporting_verbs.contains(verb);
    past && words.next().is_some_and(|w| v.past_auxiliaries.contains(w))
}

pub(crate) fn assign(ctx: &Ctx, claims: &mut [Claim]) {
    let v = &ctx.lex.context;
    let a = ctx.article;
    // The dates of each sentence that are not reporting dates: part of its period.
    let mut dates: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    // Where each sentence's figures end: a one-unit duration just after a figure is
    // its rate ("60,000 ounces of gold a year since 1981", "20 pct a year"), not a
    // time elapsed since a date.
    let mut figure_ends: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for c in claims.iter() {
        if matches!(
            c.kind,
            ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
        ) {
            figure_ends.entry(c.sentence).or_default().push(c.span.end);
        }
        if let ClaimValue::Date(t) = &c.value
            && !t.reporting
        {
            dates.entry(c.sentence).or_default().push(t.value.clone());
        }
    }
    for list in dates.values_mut() {
        list.sort();
        list.dedup();
    }
    for list in figure_ends.values_mut() {
        list.sort_unstable();
    }
    let mut cache: BTreeMap<u32, SentenceCache> = BTreeMap::new();
    for c in claims.iter_mut() {
        let figure = matches!(
            c.kind,
            ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
        ) && matches!(c.value, ClaimValue::Interval { .. });
        let day_date = matches!(&c.value, ClaimValue::Date(t) if t.day.is_some());
        let counts_years = matches!(c.kind, ClaimKind::Ordinal | ClaimKind::Duration);
        if !(figure || day_date || counts_years) {
            continue;
        }
        let Some(sentence) = a.sentences.get(c.sentence as usize) else {
            continue;
        };
        let text = a.slice(sentence.span);
        let base = sentence.span.start as usize;
        let sc = cache.entry(c.sentence).or_default();
        let mut frame = Frame::default();
        if figure {
            let (period, table) = sc
                .period
                .get_or_insert_with(|| {
                    let (words, table) = period_words(v, &ctx.lex.reporting_verbs, text);
                    let dates = dates.get(&c.sentence).cloned().unwrap_or_default();
                    (ctx.words.period(Period { words, dates }), table)
                })
                .clone();
            frame.period = Some(period);
            let start = (c.span.start as usize).saturating_sub(base).min(text.len());
            let end = (c.span.end as usize).saturating_sub(base).min(text.len());
            frame.role = if table {
                Role::Table
            } else if !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
                || is_comparison(v, text, start, end)
            {
                Role::Comparison
            } else if is_update(v, text, start, end) || is_running(v, text, start) {
                Role::Update
            } else {
                Role::Reported
            };
            if let ClaimValue::Interval(i) = &c.value {
                let unit = &i.unit;
                frame.counted = unit.len() > 2
                    // The last word, lower-cased alone (as in the lower-cased span).
                    && a.slice(c.span)
                        .split_whitespace()
                        .last()
                        .map(lower)
                        .is_some_and(|w| {
                            let w = w.as_ref();
                            w.starts_with(&**unit) || *crate::nouns::lemma_cow(ctx.lex, w) == **unit
                        });
            }
            // A measure or a counted noun says what the figure is.
            let said = c
                .key
                .as_ref()
                .is_some_and(|k| k.measure.as_deref().is_some_and(|m| !m.is_empty()))
                || frame.counted && c.kind == ClaimKind::Quantity;
            if !said && text.is_char_boundary(end) {
                frame.thing = thing_after(v, text, end).map(String::into_boxed_str);
            }
        }
        if day_date || counts_years {
            let lower = sc.lower.get_or_insert_with(|| text.to_lowercase());
            if day_date {
                let at = (c.span.start as usize).saturating_sub(base);
                let before = lower.get(..at.min(lower.len()));
                frame.said_on = *sc
                    .said
                    .get_or_insert_with(|| v.said_before_date.iter().any(|p| has_phrase(lower, p)))
                    && lower.len() >= at
                    && ends_with_any(before, &v.said_before_date);
                frame.period_end = ends_with_any(before, &v.period_end_before_date)
                    && *sc.period_end_word.get_or_insert_with(|| {
                        raw_words(lower)
                            .any(|w| v.period_end_words.contains(self::lower(w).as_ref()))
                    })
                    || ends_with_any(before, &v.state_before_date);
                frame.span = before
                    .and_then(|b| b.split_whitespace().next_back())
                    .is_some_and(|w| v.span_before_date.contains(w))
                    && !set_for(v, before);
                frame.modality = modality(ctx, v, before, &c.value);
            }
            if counts_years {
                if *sc
                    .next_year
                    .get_or_insert_with(|| v.next_year.iter().any(|p| has_phrase(lower, p)))
                {
                    frame.year_offset = 1;
                }
                if c.kind == ClaimKind::Duration {
                    let window = a.text[c.span.end as usize..]
                        .split_whitespace()
                        .take(4)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase();
                    let one_unit = matches!(&c.value, ClaimValue::Duration(d)
                        if d.strip_prefix('P').and_then(|r| r.strip_prefix('1'))
                            .is_some_and(|unit| unit.len() == 1));
                    // The last figure that ends before the duration (the lists are
                    // sorted).
                    let rate = one_unit
                        && figure_ends.get(&c.sentence).is_some_and(|ends| {
                            let k = ends.partition_point(|&e| e <= c.span.start);
                            k > 0 && c.span.start - ends[k - 1] <= RATE_GAP
                        });
                    // "two or three years since 1982": alternatives, an approximate
                    // count, not the years elapsed.
                    let before = a.text.get(..c.span.start as usize).unwrap_or_default();
                    let mut last = last_words(before, 2);
                    let alternative = last
                        .next()
                        .is_some_and(|w| v.alternative_marks.contains(w.as_ref()))
                        && last.next().is_some_and(|w| {
                            w.chars().all(|ch| ch.is_ascii_digit())
                                || ctx.lex.number_words.contains_key(w.as_ref())
                        });
                    frame.since = !rate
                        && !alternative
                        && v.since.iter().any(|p| window.contains(p.as_str()));
                }
            }
        }
        c.frame = Some(ctx.words.frame(frame));
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{ANCHOR, article};
    use crate::{ClaimKind, ClaimValue, Lexicons, extract};
    use std::borrow::Cow;

    use super::*;

    /// `surface => attribute` for each claim of `kind` whose frame says something.
    fn frames(text: &str, kinds: &[ClaimKind], show: fn(&Frame) -> String) -> Vec<String> {
        let art = article(text, Some(ANCHOR));
        extract(&art, &Lexicons::builtin())
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .filter_map(|c| {
                Some(format!(
                    "{} => {}",
                    art.slice(c.span),
                    show(c.frame.as_ref()?)
                ))
            })
            .collect()
    }

    fn check(cases: &[(&str, &[&str])], kinds: &[ClaimKind], show: fn(&Frame) -> String) {
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = frames(text, kinds, show);
            if got != *want {
                failures.push(format!("{text:?}\n   want {want:?}\n   got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    const FIGURES: &[ClaimKind] = &[ClaimKind::Quantity, ClaimKind::Money, ClaimKind::Percent];

    #[test]
    fn roles_of_figures() {
        check(
            &[
                (
                    "Net profit rose to 33 mln dlrs, up from 12 mln dlrs a year ago.",
                    &["33 mln dlrs => update", "12 mln dlrs => comparison"],
                ),
                (
                    "Shr 34 cts vs 1.19 dlrs.",
                    &["34 cts => table", "1.19 dlrs => table"],
                ),
                (
                    "The company said it had 5.81 mln shares outstanding against 4.2 mln.",
                    &["5.81 mln shares => reported", "4.2 mln => comparison"],
                ),
                (
                    "Sales were 120 mln dlrs, compared with 98 mln dlrs the previous year.",
                    &["120 mln dlrs => reported", "98 mln dlrs => comparison"],
                ),
                (
                    "The offer was increased to 37.95 mln shares.",
                    &["37.95 mln shares => update"],
                ),
                (
                    "At least 37 people were killed in the blast.",
                    &["At least 37 people => reported"],
                ),
                // Successive changes of a price or a credit line: each new value is an
                // update, never a figure to hold against the other (issue 13).
                (
                    "Magma said it is lowering its copper cathode price by 0.50 cent to 65.50 cents a lb.",
                    &["65.50 cents => update"],
                ),
                (
                    "It increases coverage for wheat sales from five mln to 15 mln dlrs.",
                    &["five mln => comparison", "15 mln dlrs => update"],
                ),
                (
                    "It reduces the line for wheat from 45 mln dlrs to 43 mln dlrs.",
                    &["45 mln dlrs => comparison", "43 mln dlrs => update"],
                ),
                (
                    "The rescue team walked 40 km to the village.",
                    &["40 km => reported"],
                ),
                // A running figure's state at the time of the report (issue 13).
                (
                    "Declines led advances three to two on volume of 19 mln shares.",
                    &["19 mln shares => update"],
                ),
            ],
            FIGURES,
            |f| format!("{:?}", f.role).to_lowercase(),
        );
    }

    #[test]
    fn periods_of_figures() {
        check(
            &[
                (
                    "First quarter net profit was 3.5 mln dlrs.",
                    &["3.5 mln dlrs => [first quarter] [2025-Q1]"],
                ),
                (
                    "Net income for the year was 12.1 mln dlrs.",
                    &["12.1 mln dlrs => [year] []"],
                ),
                (
                    "The company sold 400 tonnes in the week ended February 22.",
                    &["400 tonnes => [week] [2025-02-22]"],
                ),
                ("The fire destroyed 40 homes.", &["40 homes => [] []"]),
                // An incidental length of time is not the figure's period (issue 13).
                (
                    "After two days of rain, the flood destroyed 40 homes.",
                    &["40 homes => [] []"],
                ),
                (
                    "Sales in the first six months of the year were 5 mln dlrs.",
                    &["5 mln dlrs => [first months year] []"],
                ),
                // A period word of the reporting verb dates the speech, not the figure
                // (issue 13); the figure's own period stays.
                (
                    "Miabek Lang, the commissioner, said earlier that 9 people were killed.",
                    &["9 people => [] []"],
                ),
                (
                    "Officials said last week that 40 homes were destroyed.",
                    &["40 homes => [] []"],
                ),
                (
                    "Police earlier said 12 people were arrested.",
                    &["12 people => [] []"],
                ),
                (
                    "He said earlier that 30 homes were flooded on the first two days.",
                    &["30 homes => [days first] []"],
                ),
                (
                    "The company reported first quarter net profit of 3.5 mln dlrs.",
                    &["3.5 mln dlrs => [first quarter] []"],
                ),
                (
                    "The company said last year's profit was 3.5 mln dlrs.",
                    &["3.5 mln dlrs => [last] []"],
                ),
                (
                    "The toll rose to 40 yesterday, police said.",
                    &["40 => [yesterday] [2025-10-13]"],
                ),
            ],
            FIGURES,
            |f| {
                let p = f.period.as_deref().expect("a figure has a period");
                format!("[{}] [{}]", p.words.join(" "), p.dates.join(" "))
            },
        );
    }

    #[test]
    fn what_amounts_are_of() {
        check(
            &[
                (
                    "The bank approved a 200 mln dlr loan.",
                    &["200 mln dlr => loan"],
                ),
                (
                    "It sold 400 mln dlrs of bonds on Tuesday.",
                    &["400 mln dlrs => bond"],
                ),
                (
                    "It paid 40 mln dlrs, the company said.",
                    &["40 mln dlrs => -"],
                ),
                (
                    "Three earthquakes struck the region.",
                    &["Three earthquakes => counted"],
                ),
            ],
            FIGURES,
            |f| match (&f.thing, f.counted) {
                (Some(t), _) => t.to_string(),
                (None, true) => "counted".into(),
                (None, false) if f.role == Role::Reported => "-".into(),
                _ => "?".into(),
            },
        );
        // A measure says what a figure is: no thing is looked for.
        let art = article("At least 37 people were killed.", Some(ANCHOR));
        let claims = extract(&art, &Lexicons::builtin());
        let c = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Quantity)
            .unwrap();
        assert_eq!(c.key.as_ref().unwrap().measure.as_deref(), Some("deaths"));
        assert!(c.frame.as_ref().unwrap().thing.is_none());
    }

    #[test]
    fn dates_said_on_and_period_ends() {
        // The event a date dates is its key's (`key.rs`), not the frame's.
        check(
            &[
                (
                    "The summit opened in Samarkand on September 15.",
                    &["September 15 => -"],
                ),
                (
                    "Officials said on Tuesday, October 14, that the quake struck on Monday, October 13.",
                    &["Tuesday, October 14 => said-on", "Monday, October 13 => -"],
                ),
                (
                    "Net profit rose in the quarter ended December 31.",
                    &["December 31 => period-end"],
                ),
                ("Prices rose on March 3.", &["March 3 => -"]),
                // The day something is set for is no span; the period a figure is
                // for is.
                ("Trial is set for June 17.", &["June 17 => -"]),
                (
                    "The bank set a rate for April 6 of 781.95.",
                    &["April 6 => span"],
                ),
                ("The offset for April 6 was small.", &["April 6 => span"]),
            ],
            &[ClaimKind::Date],
            |f| {
                let flags = [
                    (f.said_on, "said-on"),
                    (f.period_end, "period-end"),
                    (f.span, "span"),
                ];
                let set: Vec<&str> = flags.iter().filter(|f| f.0).map(|f| f.1).collect();
                if set.is_empty() {
                    "-".to_owned()
                } else {
                    set.join(" ")
                }
            },
        );
    }

    /// Dates in the future or on a schedule keep their modality, so that rules
    /// compare a scheduled date with a scheduled one (issue 13). The article is dated
    /// Tuesday 14 October 2025.
    #[test]
    fn dates_scheduled_planned_or_actual() {
        check(
            &[
                (
                    "The museum will open on October 20.",
                    &["October 20 => scheduled"],
                ),
                (
                    "The summit is scheduled for October 16 in Samarkand.",
                    &["October 16 => scheduled"],
                ),
                (
                    "Uzbekistan hosts the summit on Friday, October 17.",
                    &["Friday, October 17 => scheduled"],
                ),
                (
                    "The ministers plan to sign the accord on October 30.",
                    &["October 30 => planned"],
                ),
                (
                    "The museum opened on October 10.",
                    &["October 10 => actual"],
                ),
                // Told as what happened, a day after the article's date is what
                // happened (a wrong date); a present or no auxiliary keeps it ahead,
                // and "announced" dates what was said.
                (
                    "The announcement was made Sunday (October 19).",
                    &["Sunday (October 19) => actual"],
                ),
                (
                    "Four soldiers were killed on October 16.",
                    &["October 16 => actual"],
                ),
                (
                    "Rates may fall after the budget is released on October 16.",
                    &["October 16 => scheduled"],
                ),
                (
                    "Holders of each share held on October 16 get a right.",
                    &["October 16 => scheduled"],
                ),
                (
                    "It comes shortly before the price was announced on October 16.",
                    &["October 16 => scheduled"],
                ),
                // The day a trial is set for, even one before the article's date.
                (
                    "The hearing was set for October 10.",
                    &["October 10 => scheduled"],
                ),
            ],
            &[ClaimKind::Date],
            |f| format!("{:?}", f.modality).to_lowercase(),
        );
    }

    #[test]
    fn years_spoken_from_and_since() {
        check(
            &[
                (
                    "Next year marks the 30th anniversary of the museum.",
                    &["30th anniversary => +1"],
                ),
                (
                    "The ceremony marks the 20th anniversary of the agreement signed in 2003.",
                    &["20th anniversary => +0"],
                ),
                (
                    "Ten years have passed since the treaty of 2012.",
                    &["Ten years => +0 since"],
                ),
                ("The talks lasted ten years.", &["ten years => +0"]),
                // A rate, not a time since (Reuters): no anniversary arithmetic.
                (
                    "The mine has produced about 60,000 ounces of gold a year since 1981.",
                    &["a year => +0"],
                ),
                ("Sales grew 20 pct a year since 1980.", &["a year => +0"]),
                (
                    "It has been a year since the 2024 flood.",
                    &["a year => +0 since"],
                ),
                // Alternatives (Reuters): an approximate count, no arithmetic.
                (
                    "Lending proved useful in the two or three years since the crisis in 1982.",
                    &["three years => +0"],
                ),
                (
                    "Lending has grown in the 3 or 4 years since 1982.",
                    &["4 years => +0"],
                ),
            ],
            &[ClaimKind::Ordinal, ClaimKind::Duration],
            |f| format!("+{}{}", f.year_offset, if f.since { " since" } else { "" }),
        );
    }

    #[test]
    fn contains_spaced_is_contains_of_the_spaced_phrase() {
        for text in [
            " up from 5 ",
            " a a a ",
            "  ",
            " ",
            "",
            " über alles ",
            " x  y ",
        ] {
            for phrase in ["", "a", "a a", "from", "up from", "über", "x", "y", " "] {
                assert_eq!(
                    super::contains_spaced(text, phrase),
                    text.contains(&format!(" {phrase} ")),
                    "{text:?} {phrase:?}"
                );
            }
        }
    }

    #[test]
    fn lower_is_to_lowercase() {
        for w in [
            "",
            "said",
            "Said",
            "MLN",
            "dlrs",
            "ǅemal",
            "ΣΑΣ",
            "Σ",
            "İstanbul",
            "straße",
            "Ⅻ",
            "o'neill",
            "U.S.",
            "co-op",
            "ĳssel",
            "Ĳssel",
        ] {
            assert_eq!(super::lower(w), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn words_read_from_the_end_are_words_reversed() {
        for text in [
            "",
            "up from 12.5 mln, against 5.81 mln",
            "the company's 'net' fell - to U.S. 3.2 bln...",
            "Müller-Lüdenscheidt said… up from",
            "  --  .. '' ",
            "increased to",
        ] {
            for n in 0..8 {
                let mut tail: Vec<String> = words(text).collect();
                tail.reverse();
                tail.truncate(n);
                assert_eq!(
                    last_words(text, n).map(Cow::into_owned).collect::<Vec<_>>(),
                    tail,
                    "{text:?} {n}"
                );
            }
        }
    }

    #[test]
    fn the_vocabulary_comes_from_the_lexicon() {
        let mut lex = Lexicons::builtin();
        lex.merge_str(
            std::path::Path::new("extra.toml"),
            "change_verbs = [\"Bumped\"]\n",
        )
        .unwrap();
        let art = article("The stake was bumped to 40 pct on 3 March.", Some(ANCHOR));
        let claims = extract(&art, &lex);
        let pct = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Percent)
            .unwrap();
        assert_eq!(pct.frame.as_ref().unwrap().role, Role::Update);
        assert!(matches!(
            claims
                .iter()
                .find(|c| c.kind == ClaimKind::Date)
                .map(|c| &c.value),
            Some(ClaimValue::Date(_))
        ));
    }
}
