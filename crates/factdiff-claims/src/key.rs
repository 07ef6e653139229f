//! Claim keys: what a claim is about, for matching claims across articles.
//!
//! The key is the measure (from the measures lexicon: killed / died / dead / death
//! toll -> `deaths`), the unit or counted noun, and the event context: the normalized
//! names and the content words of the sentence, sorted. A quantity's key says whether
//! its measure is monotonic (the measures lexicon's `[monotonic]`). A date's key holds
//! the event it dates ([`EventKey`]): the nearest predicate of its clause from the
//! events lexicon (`opened`, `began` -> `start`; `report` for "said on Monday"), the
//! clause's names and content nouns as participants, and the name after `in`/`at` as
//! the place: the names, then the content words nearest the date (a hyphenated
//! compound as its words: "vice-presidential"), six in all. The clause runs from the
//! date to `;`, `:`, a bracket, a quotation mark, a comma before a conjunction, a
//! sentence's end inside a quotation, another date, or 16 words back and 10 on (a
//! mark counts for nothing, a name of several capitalized words, a run of a claim's
//! tokens or a clock time for one word; a date in brackets of its own runs on past
//! them). A support verb's class (`hold`: "will be
//! held") gives way to another event word of the clause ("elections ... will be
//! held" dates the election: `vote`). A word of two senses takes its class from the
//! words right after it (the lexicon's `[event_senses]`: "fired two shots" is `shoot`,
//! "fired the coach" `dismiss`). An event word right after a phrase of cause (the
//! context lexicon's `cause_words`: "in response to rocket attacks"), set off from the
//! date by a mark, is the cause, not the date's event ("launched in response to rocket
//! attacks by Hamas militants, on 27 December" is `start`).

use std::sync::Arc;

use crate::lexicon::Vocab;
use crate::nouns::{lemma, measure_near};
use crate::{Claim, ClaimKey, ClaimKind, ClaimValue, Ctx, EventKey, Sent, Word};
use factdiff_corpus::Span;

const MAX_CONTEXT: usize = 16;
/// How far a date's clause reaches, in tokens, before and after the date.
const CLAUSE_BEFORE: usize = 16;
const CLAUSE_AFTER: usize = 10;
const MAX_PARTICIPANTS: usize = 6;

/// Whether token `k` ends a clause (going either way): a mark, or a comma before a
/// word of `clause_starts`.
/// The most words between a comma and the reporting verb of an attribution that
/// follows a date's clause ("..., the mine's operator PGG said"), and after that verb
/// to the sentence's end ("... said in a statement on Tuesday").
const ATTRIBUTION_WORDS: usize = 5;
/// The most words of a date's clause, the date aside, before a comma that may open the
/// sentence's own clause rather than an attribution ([`attribution`]).
const FRONTED_WORDS: usize = 2;

/// Whether token `k` is a comma that sets off an attribution, going forward from a
/// date: one of the context lexicon's `attribution_starts` right after it ("...,
/// according to the union"), a reporting verb right after it ("..., said Tomasz
/// Glogowski, a spokesman"), or a reporting verb within [`ATTRIBUTION_WORDS`] words,
/// with no mark between, that ends the sentence within as many more words or at a
/// comma ("..., Turkey's disaster agency said"; not "In the first quarter, the company
/// reported net income of 67.5 mln dlrs", the date's own clause). Who said it is no
/// participant of the date's event.
fn attribution(lex: &crate::Lexicons, s: &Sent, k: usize) -> bool {
    if s.toks[k].text != "," || k + 1 >= s.toks.len() {
        return false;
    }
    if lex.context.attribution_starts.contains(s.lower(k + 1)) {
        return true;
    }
    // A possessive's apostrophe ("Turkey's") is inside the speaker's name.
    let inside =
        |t: &crate::token::Tok<'_>| t.is_word() || matches!(t.text, "'" | "’" | "'s" | "’s");
    let mut words = 0;
    for j in k + 1..s.toks.len() {
        let t = &s.toks[j];
        if !inside(t) {
            return false;
        }
        if lex.reporting_verbs.contains(s.lower(j)) {
            if words == 0 {
                return true;
            }
            let mut rest = 0;
            for (i, u) in s.toks[j + 1..].iter().enumerate() {
                if u.kind == crate::token::TokKind::Punct && !inside(u) {
                    // A comma after the verb ends the attribution when a participle
                    // or the sentence's end follows ("..., the company said, adding
                    // that ..."); before another clause the attribution is a
                    // parenthesis ("By the end of this year, she said, it will
                    // release ..."), and the date's clause goes on past it.
                    let next = s.toks.get(j + 2 + i);
                    return match u.text {
                        "," => {
                            next.is_none_or(|n| !n.is_word() || s.lower(j + 2 + i).ends_with("ing"))
                        }
                        text => !matches!(text, "\"" | "“" | "”" | "'" | "‘" | "’" | "(" | ":"),
                    };
                }
                rest += 1;
                if rest > ATTRIBUTION_WORDS {
                    return false;
                }
            }
            return true;
        }
        words += 1;
        if words >= ATTRIBUTION_WORDS {
            return false;
        }
    }
    false
}

fn boundary(v: &Vocab, s: &Sent, k: usize) -> bool {
    let t = &s.toks[k];
    // The colon of a clock time ("at 3:00 p.m.") is inside the clause.
    let digit_at = |j: usize| {
        s.toks
            .get(j)
            .is_some_and(|u| u.text.chars().all(|c| c.is_ascii_digit()))
    };
    let clock = t.text == ":"
        && k > 0
        && digit_at(k - 1)
        && digit_at(k + 1)
        && s.toks[k - 1].end == t.start
        && s.toks[k + 1].start == t.end;
    if !clock && matches!(t.text, ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”") {
        return true;
    }
    // A sentence's end inside a quotation, which the sentence splitter keeps whole
    // ("... candidate on Aug. 29. Whatever the motives ..."): a mark after a number or
    // a lower-case word, before a capital. A dot after a capitalized word may be an
    // abbreviation's ("St. Louis", "Gov. Palin") and ends nothing.
    if matches!(t.text, "." | "!" | "?")
        && k > 0
        && s.toks.get(k + 1).is_some_and(|u| u.is_capitalized())
        && (s.toks[k - 1].is_num() || s.toks[k - 1].is_word() && !s.toks[k - 1].is_capitalized())
    {
        return true;
    }
    t.text == "," && v.clause_starts.contains(s.lower(k + 1))
}

/// The predicate of the clause `lo..hi` of the date at tokens `from..to`: the
/// nearest event word of the clause, the earlier one on a tie (its distance, class
/// and tokens); a support verb's class ("will be held") only when no other event word
/// is there ("elections ... will be held" is the election's date).
fn predicate_of<'l>(
    lex: &'l crate::Lexicons,
    s: &Sent,
    (lo, hi): (usize, usize),
    (from, to): (usize, usize),
) -> Option<(usize, &'l str, usize, usize)> {
    let mut predicate: Option<(usize, &str, usize, usize)> = None;
    let mut light: Option<(usize, &str, usize, usize)> = None;
    let mut k = lo;
    while k < hi {
        if k >= from && k < to {
            k = to;
            continue;
        }
        let mut step = 1;
        for n in (1..=3).rev() {
            if k + n <= hi
                && let Some(p) = s.phrase(k, n)
                && let Some(class) = lex.event(&p)
            {
                // An event word one to three words after a phrase of cause ("in
                // response to rocket attacks"), set off from the date by a mark, is why
                // the date's event happened, not that event ("launched in response to
                // rocket attacks by Hamas militants, on 27 December"). Without the mark
                // the date is the cause's own ("in retaliation for U.S. attacks on
                // Iranian oil platforms on Monday", "any response to Monday's attack").
                let punct = |j: usize| s.toks[j].kind == crate::token::TokKind::Punct;
                let apart = if k >= to {
                    (to..k).any(punct)
                } else {
                    (k + n..from).any(punct)
                };
                let cause = apart
                    && (k.saturating_sub(4).max(lo)..k)
                        .rev()
                        .take_while(|&j| !punct(j))
                        .any(|j| {
                            let phrase = format!("{} {}", s.lower(j), s.lower(j + 1));
                            lex.context.cause_words.contains(phrase.as_str())
                        });
                if cause {
                    step = n;
                    break;
                }
                // A word of two senses takes its class from the words right after it,
                // up to a mark, the date or the clause's end ("fired it", "fired two
                // shots": `shoot`; "fired the coach": `dismiss`).
                let end = if k < from { from } else { hi };
                let next = (k + n..end)
                    .take_while(|&j| s.toks[j].kind != crate::token::TokKind::Punct)
                    .map(|j| s.lower(j));
                let class = lex.event_sense(&p, next).unwrap_or(class);
                let dist = if k < from { from - k } else { k + 1 - to };
                let slot = if lex.is_light_event(class) {
                    &mut light
                } else {
                    &mut predicate
                };
                if slot.is_none_or(|(d, ..)| dist < d) {
                    *slot = Some((dist, class, k, k + n));
                }
                step = n;
                break;
            }
        }
        k += step;
    }
    predicate.or(light)
}

/// The event key of the date at tokens `from..to`: `dates` are the spans of the
/// sentence's dates, `names` its names with their normalized forms.
fn event_key(
    ctx: &Ctx,
    s: &Sent,
    from: usize,
    to: usize,
    reporting: bool,
    dates: &[Span],
    (names, name_at): SentenceNames<'_, '_>,
) -> EventKey {
    let lex = ctx.lex;
    // `dates` are sorted and apart (a token belongs to one claim at most): the one
    // that may hold a token is the last that starts at or before it.
    let in_date = |k: usize| {
        let t = &s.toks[k];
        let p = dates.partition_point(|d| d.start <= t.start);
        p > 0 && t.end <= dates[p - 1].end
    };
    // The clause: back and forth from the date to a boundary or another date. A date
    // in brackets ("on tonight's (August 5) show", "the vote (on 11 February) was
    // close") belongs to the clause around its brackets, which do not end it.
    let bracketed =
        from > 0 && s.toks[from - 1].text == "(" && s.toks.get(to).is_some_and(|t| t.text == ")");
    // The reach is counted in words: a mark counts for nothing, a run of capitalized
    // words (a name: "Yida Refugee Camp") or of a claim's tokens for one, and a clock
    // time ("3:00") for one ("On Thursday, November 11th at approximately 3:00 pm, the
    // Yida Refugee Camp in South Sudan was bombed" reaches "bombed").
    let word = |k: usize| {
        let t = &s.toks[k];
        let cap = |j: usize| s.toks[j].is_word() && s.toks[j].is_capitalized();
        t.kind != crate::token::TokKind::Punct
            && !(k > 0
                && (s.taken[k] && s.taken[k - 1] && !in_date(k - 1)
                    || cap(k) && cap(k - 1)
                    || t.is_num() && s.toks[k - 1].text == ":" && !t.space_before))
    };
    let mut lo = if bracketed { from - 1 } else { from };
    let mut words = 0;
    while lo > 0 && words < CLAUSE_BEFORE && !boundary(&lex.context, s, lo - 1) && !in_date(lo - 1)
    {
        lo -= 1;
        words += usize::from(word(lo));
    }
    // A date with no more than [`FRONTED_WORDS`] words of its clause before a comma
    // opens the sentence ("On Monday, police said ...", "For now, Arthur said ..."):
    // what follows the comma is the sentence's own clause, not an attribution.
    let before = words;
    let after = |mut hi: usize| {
        let mut words = 0;
        while hi < s.toks.len()
            && words < CLAUSE_AFTER
            && !boundary(&lex.context, s, hi)
            && (before + words <= FRONTED_WORDS || !attribution(lex, s, hi))
            && !in_date(hi)
            && !lex.context.clause_ends.contains(s.lower(hi))
        {
            words += usize::from(word(hi));
            hi += 1;
        }
        hi
    };
    let mut hi = after(if bracketed { to + 1 } else { to });
    let mut predicate = predicate_of(lex, s, (lo, hi), (from, to));
    // A date whose own clause tells no event and ends right after it, at a clause of
    // its time that tells one ("Unlike on Nov. 13, when sobs filled the air as
    // Peterson was found guilty": the verdict's date), is dated by that clause.
    if predicate.is_none() && hi == to {
        let at = if s.toks.get(hi).is_some_and(|t| t.text == ",") {
            hi + 1
        } else {
            hi
        };
        if at < s.toks.len() && lex.context.time_clause_starts.contains(s.lower(at)) {
            let end = after(at + 1);
            // Only a clause that tells an event: one that tells none leaves the date
            // its own clause's participants ("in Italy's favour last year, when lower
            // energy costs helped").
            if let Some(p) = predicate_of(lex, s, (lo, end), (from, to)) {
                hi = end;
                predicate = Some(p);
            }
        }
    }
    // A date whose own clause tells no event and ends right after it, where the
    // clause's subject goes on to a past passive of an event word ("Williams ... was
    // pulled over for speeding ... on February 1, but was arrested on suspicion of
    // drunk driving"), is dated by that verb: one moment told by its second verb. Only
    // the participle right after the auxiliary right after the joining word (the
    // subject goes on, and nothing puts the verb at another time: "and was later
    // charged"), and only when the verb's clause gives no time of its own (a date, a
    // word of `later_words`, a unit of time: "and had a plan approved last December").
    if predicate.is_none() && hi == to {
        let at = if s.toks.get(hi).is_some_and(|t| t.text == ",") {
            hi + 1
        } else {
            hi
        };
        let joined = at + 2 < s.toks.len()
            && lex.context.joined_clause_starts.contains(s.lower(at))
            && lex.context.past_auxiliaries.contains(s.lower(at + 1));
        if joined {
            let end = after(at + 1);
            let own_time = end < s.toks.len() && in_date(end)
                || (at + 1..end).any(|k| {
                    lex.context.later_words.contains(s.lower(k))
                        || s.toks[k].has(crate::lexicon::class::TIME_UNIT)
                });
            if !own_time
                && let Some(p) = predicate_of(lex, s, (at + 2, end), (from, to))
                && p.2 == at + 2
            {
                hi = end;
                predicate = Some(p);
            }
        }
    }
    // The names whose first token is in the clause, in the order of `names`: found by
    // binary search in `name_at` (each name's token, sorted), not by a scan of every
    // name of the sentence for every date (quadratic in the sentence).
    let mut in_clause: Vec<usize> = name_at
        [name_at.partition_point(|&(at, _)| at < lo)..name_at.partition_point(|&(at, _)| at < hi)]
        .iter()
        .map(|&(_, idx)| idx)
        .collect();
    in_clause.sort_unstable();
    let place = in_clause.iter().find_map(|&idx| {
        let (span, norm) = names[idx];
        let at = name_at_of(s, span);
        (at > lo && lex.context.place_prepositions.contains(s.lower(at - 1)))
            .then(|| (span, norm.to_owned()))
    });
    let mut named: Vec<String> = in_clause
        .iter()
        .map(|&idx| &names[idx])
        .filter(|(span, _)| place.as_ref().is_none_or(|(p, _)| p != span))
        // One-word names are lemmatized too: a capitalized first word ("Delegations
        // arrived") is read as a name.
        .map(|(_, norm)| {
            if norm.contains(' ') {
                (*norm).to_owned()
            } else {
                lemma(ctx.lex, norm)
            }
        })
        .collect();
    named.sort();
    named.dedup();
    // Content words with their distance from the date: the nearest are kept.
    let mut participants: Vec<(usize, String)> = Vec::new();
    for k in lo..hi {
        let t = &s.toks[k];
        if s.taken[k]
            || !t.is_word()
            || t.is_capitalized()
            || predicate.is_some_and(|(_, _, a, b)| k >= a && k < b)
        {
            continue;
        }
        let l = t.lower.as_ref();
        if l.len() < 4
            || l.ends_with("ly")
            || t.has(
                crate::lexicon::class::STOP
                    | crate::lexicon::class::SPEECH
                    | crate::lexicon::class::DATE_START
                    | crate::lexicon::class::TIME_UNIT,
            )
            || lex.reporting_verbs.contains(l)
            || lex.events.contains_key(l)
        {
            continue;
        }
        let dist = if k < from { from - k } else { k + 1 - to };
        if l.chars().all(char::is_alphabetic) {
            participants.push((dist, lemma(ctx.lex, l)));
        } else if l.contains('-') && l.split('-').all(|p| p.chars().all(char::is_alphabetic)) {
            // A compound hyphenated by one outlet and not by another ("a
            // vice-presidential candidate" / "the vice presidential candidate"): its
            // words, as written apart.
            for part in l.split('-') {
                let stop = crate::lexicon::class::STOP
                    | crate::lexicon::class::SPEECH
                    | crate::lexicon::class::DATE_START
                    | crate::lexicon::class::TIME_UNIT;
                if part.len() >= 4
                    && lex.class_of(part) & stop == 0
                    && !lex.events.contains_key(part)
                {
                    participants.push((dist, lemma(ctx.lex, part)));
                }
            }
        }
    }
    // The names first, all of them (who took part is what tells two events apart),
    // then the content words nearest the date (the earlier on a tie) up to
    // [`MAX_PARTICIPANTS`] in all, not the first in alphabetical order: "since she
    // became the vice presidential candidate on Aug. 29" keeps "candidate",
    // "presidential" and "became" before "attention" at the far end of the clause.
    participants.sort_by_key(|&(dist, _)| dist);
    let mut seen = std::collections::BTreeSet::new();
    let mut participants: Vec<String> = participants
        .into_iter()
        .map(|(_, w)| w)
        .filter(|w| !named.contains(w) && seen.insert(w.clone()))
        .take(MAX_PARTICIPANTS.saturating_sub(named.len()))
        .collect();
    participants.extend(named);
    participants.sort();
    // The labelled figures of the clause ("magnitude 6.1", "6.1-magnitude", "Flight
    // 17"): a number right after a label word, or right before one, spaced or hyphened.
    let mut labels: Vec<String> = Vec::new();
    for k in lo..hi {
        if !s.toks[k].is_num() {
            continue;
        }
        let label = |j: usize| {
            s.toks
                .get(j)
                .filter(|t| t.is_word() && lex.label_words.contains(t.lower.as_ref()))
                .map(|t| t.lower.to_string())
        };
        let hyphened = s
            .toks
            .get(k + 1)
            .is_some_and(|t| t.text == "-" && !t.space_before);
        let found = k
            .checked_sub(1)
            .and_then(label)
            .or_else(|| label(k + 1 + usize::from(hyphened)));
        if let Some(word) = found {
            labels.push(format!("{word} {}", s.toks[k].text));
        }
    }
    labels.sort();
    labels.dedup();
    let identifiers: Vec<String> = labels
        .iter()
        .filter(|l| {
            l.split(' ')
                .next()
                .is_some_and(|w| lex.event_labels.contains(w))
        })
        .cloned()
        .collect();
    // Each string is the run's shared copy (`WordTable`): an event holds thin
    // pointers, not owned strings (issue 14).
    let words =
        |list: Vec<String>| -> Box<[Word]> { list.iter().map(|w| ctx.words.intern(w)).collect() };
    EventKey {
        labels: words(labels),
        identifiers: words(identifiers),
        predicate: if reporting {
            Some(ctx.words.intern("report"))
        } else {
            predicate.map(|(_, class, ..)| ctx.words.intern(class))
        },
        participants: words(participants),
        place: place.map(|(_, p)| ctx.words.intern(&p)),
        reporting,
        once: !reporting && predicate.is_some_and(|(_, class, ..)| lex.is_once_event(class)),
        definite: !reporting
            && predicate.is_some_and(|(_, _, a, b)| definite_at(lex, s, (a, b), (from, to))),
    }
}

/// Whether the event word at tokens `a..b` is a definite noun right at the date at
/// `from..to`: "the shooting on Feb. 6, 2025" (the noun, then a word of the calendar
/// lexicon's `date_lead_words`, `on`, right before the date) or "the Nov. 29 escape", "the March 11, 2005, incident" (`the`
/// right before the date, the noun right after it or its comma). An event the text
/// names as known, not "was shot on", "a shooting on" or "shootings on".
fn definite_at(
    lex: &crate::Lexicons,
    s: &Sent,
    (a, b): (usize, usize),
    (from, to): (usize, usize),
) -> bool {
    // A noun, not a participle ("the man killed on Monday").
    let noun = |k: usize| {
        let l = s.lower(k);
        s.toks[k].is_word() && !lex.context.past_tense.contains(l) && !l.ends_with("ed")
    };
    let told_before = a > 0
        && s.lower(a - 1) == "the"
        && b + 1 == from
        && lex.context.date_lead_words.contains(s.lower(b))
        && (a..b).all(noun);
    let told_after = from > 0
        && s.lower(from - 1) == "the"
        && (a == to || a == to + 1 && s.toks[to].text == ",")
        && (a..b).all(noun);
    told_before || told_after
}

/// A sentence's names with their normalized forms, and each name's first token with
/// the name's index, sorted by token.
type SentenceNames<'a, 'n> = (&'a [(Span, &'n str)], &'a [(usize, usize)]);

/// The token a name (at `span`) starts at.
fn name_at_of(s: &Sent, span: Span) -> usize {
    s.toks.partition_point(|t| t.start < span.start)
}

/// Sets the key of each quantity, money, percent, date, duration and ordinal claim of
/// one sentence (`claims` holds only that sentence's claims).
pub(crate) fn assign(ctx: &Ctx, s: &Sent, claims: &mut [Claim]) {
    if s.toks.is_empty() {
        return;
    }
    if !claims.iter().any(|c| {
        !matches!(
            c.kind,
            ClaimKind::Quote | ClaimKind::Name | ClaimKind::Acronym
        )
    }) {
        return;
    }
    let lex = ctx.lex;
    // Borrowed while sorted and cut; owned once, then cloned per claim.
    let mut context: Vec<std::borrow::Cow<'_, str>> = claims
        .iter()
        .filter_map(|c| match &c.value {
            ClaimValue::Name { normalized } => {
                Some(std::borrow::Cow::Borrowed(normalized.as_str()))
            }
            _ => None,
        })
        .collect();
    for (k, t) in s.toks.iter().enumerate() {
        if s.taken[k] || !t.is_word() || t.is_capitalized() {
            continue;
        }
        let l = t.lower.as_ref();
        if l.len() < 4
            || t.has(crate::lexicon::class::STOP | crate::lexicon::class::SPEECH)
            || !l.chars().all(char::is_alphabetic)
        {
            continue;
        }
        context.push(crate::nouns::lemma_cow(ctx.lex, l));
    }
    context.sort();
    context.dedup();
    context.truncate(MAX_CONTEXT);
    let context = ctx.words.intern_context(context.iter().map(|c| c.as_ref()));
    let mut dates: Vec<Span> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .map(|c| c.span)
        .collect();
    dates.sort_unstable_by_key(|d| d.start);
    let names: Vec<(Span, Word)> = claims
        .iter()
        .filter_map(|c| match &c.value {
            ClaimValue::Name { normalized } => Some((c.span, normalized.clone())),
            _ => None,
        })
        .collect();
    let names: Vec<(Span, &str)> = names.iter().map(|(s, n)| (*s, n.as_str())).collect();
    // Each name's first token, and the name's index, sorted by token.
    let mut name_at: Vec<(usize, usize)> = names
        .iter()
        .enumerate()
        .map(|(idx, (span, _))| (name_at_of(s, *span), idx))
        .collect();
    name_at.sort_unstable();
    for c in claims.iter_mut() {
        if matches!(
            c.kind,
            ClaimKind::Quote | ClaimKind::Name | ClaimKind::Acronym
        ) {
            continue;
        }
        let from = s.toks.partition_point(|t| t.start < c.span.start);
        let to = s.toks.partition_point(|t| t.end <= c.span.end);
        let unit = ctx.words.intern(match &c.value {
            ClaimValue::Interval(i) => &i.unit,
            ClaimValue::Date(_) => "date",
            ClaimValue::Duration(_) => "duration",
            ClaimValue::Ordinal { of, .. } => of,
            _ => "",
        });
        // The value's unit is the key's: one shared copy for the corpus.
        if let ClaimValue::Interval(i) = &mut c.value {
            i.unit = unit.clone();
        }
        let measure = if matches!(
            c.kind,
            ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
        ) {
            // The counted noun itself may name the measure ("deaths", "votes").
            let own = s.toks[from..to.max(from)]
                .iter()
                .find_map(|t| lex.measure(t.lower.as_ref()).map(str::to_owned));
            own.or_else(|| measure_near(ctx, s, from, to.max(from + 1)))
                // A toll counts people: a figure in a unit of measure is none ("fallen
                // some 700 metres to his death" is a distance).
                .filter(|m| {
                    !(lex.is_monotonic(m)
                        && matches!(&c.value, ClaimValue::Interval(i) if lex.is_measure_unit(&i.unit)))
                })
                .map(|m| ctx.words.intern(&m))
        } else {
            None
        };
        let monotonic = measure.as_deref().is_some_and(|m| lex.is_monotonic(m));
        let event = match &c.value {
            ClaimValue::Date(t) if to > from => Some(ctx.words.event(event_key(
                ctx,
                s,
                from,
                to,
                t.reporting,
                &dates,
                (&names, &name_at),
            ))),
            _ => None,
        };
        c.key = Some(Arc::new(ClaimKey {
            measure,
            unit,
            context: context.clone(),
            monotonic,
            event,
        }));
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{ANCHOR, article};
    use crate::{ClaimKind, ClaimValue, Lexicons, extract};

    /// `date text => ...` for each date, the rest as `show` gives it of the date's
    /// event.
    fn dates_shown(text: &str, show: impl Fn(&crate::EventKey) -> String) -> Vec<String> {
        let art = article(text, Some(ANCHOR));
        extract(&art, &Lexicons::builtin())
            .iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .map(|c| {
                let e = c
                    .key
                    .as_ref()
                    .and_then(|k| k.event.as_ref())
                    .expect("event");
                format!("{} => {}", art.slice(c.span), show(e))
            })
            .collect()
    }

    /// `date text => predicate | participants | place [reporting]` for each date.
    fn events(text: &str) -> Vec<String> {
        dates_shown(text, |e| {
            format!(
                "{} | {} | {}{}",
                e.predicate.as_deref().unwrap_or("-"),
                e.participants.join(","),
                e.place.as_deref().unwrap_or("-"),
                if e.reporting { " reporting" } else { "" }
            )
        })
    }

    /// `date text => definite` or `=> -` for each date.
    fn definite(text: &str) -> Vec<String> {
        dates_shown(text, |e| {
            if e.definite { "definite" } else { "-" }.to_string()
        })
    }

    /// An event named by a definite noun right at its date is one the text refers
    /// back to as known ("the shooting on Feb. 6, 2025"); a verb, a participle or an
    /// indefinite noun is not.
    #[test]
    fn definite_event_nouns_at_their_dates() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The shooting on Thursday, Feb. 6, 2025, killed two.",
                &["Thursday, Feb. 6, 2025 => definite"],
            ),
            (
                "The judge said the shooting on Feb. 7, 2025, was cruel.",
                &["Feb. 7, 2025 => definite"],
            ),
            (
                "The Nov. 29 escape shocked the town.",
                &["Nov. 29 => definite"],
            ),
            (
                "He was sentenced for the March 11, 2005, incident.",
                &["March 11, 2005 => definite"],
            ),
            ("He was shot on Feb. 6, 2025.", &["Feb. 6, 2025 => -"]),
            (
                "A shooting on Feb. 6, 2025, killed two.",
                &["Feb. 6, 2025 => -"],
            ),
            ("The man arrested on Feb. 6 was charged.", &["Feb. 6 => -"]),
            ("The summit opened on March 3.", &["March 3 => -"]),
        ];
        for (text, want) in cases {
            assert_eq!(definite(text), *want, "{text}");
        }
    }

    #[test]
    fn event_keys_of_dates() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The summit opened in Samarkand on September 15.",
                &["September 15 => start | summit | samarkand"],
            ),
            (
                "The summit began in Samarkand on Friday, September 16.",
                &["Friday, September 16 => start | summit | samarkand"],
            ),
            (
                "Delegations arrived in Samarkand on September 14.",
                &["September 14 => arrive | delegation | samarkand"],
            ),
            (
                "The agreement was signed in Astana on 12 March.",
                &["12 March => sign | agreement | astana"],
            ),
            (
                "A magnitude 7.8 earthquake struck southern Turkey on Monday.",
                &["Monday => strike | magnitude,southern,turkey | -"],
            ),
            (
                "Tokayev said on Monday that the summit opened on Sunday.",
                &[
                    "Monday => report | tokayev | - reporting",
                    "Sunday => start | summit | -",
                ],
            ),
            (
                "Leaders met in Astana on Monday, and the forum closed on Tuesday.",
                &[
                    "Monday => meet | leader | astana",
                    "Tuesday => end | forum | -",
                ],
            ),
            ("Prices rose in March.", &["March => - | price | -"]),
            // An attribution after the date's clause names who said it, not who took
            // part: its speaker is no participant.
            (
                "A quake struck Van province on November 2, Turkey's disaster agency said.",
                &["November 2 => strike | province,van | -"],
            ),
            (
                "The strike began on Tuesday, 11 August, according to the union.",
                &["Tuesday, 11 August => start |  | -"],
            ),
            (
                "The mine was flooded on Monday, said Tomasz Nowak, a spokesman.",
                &["Monday => - | flooded,mine | -"],
            ),
            // A reporting verb with its object after the comma is the date's own
            // clause, not an attribution.
            (
                "In the 1986 first quarter, the company reported net income of 67.5 mln dlrs.",
                &["the 1986 first quarter => - | company,income | -"],
            ),
            (
                "The mine was closed in January, the company said in a statement on Friday.",
                &[
                    "January => end | mine | -",
                    "Friday => - | company,statement | -",
                ],
            ),
            // A date that opens the sentence before a comma: what follows is its
            // clause, said or not.
            (
                "On Monday, police said the suspect was arrested.",
                &["Monday => arrest | police,suspect | -"],
            ),
            // An attribution in the middle of the sentence is a parenthesis.
            (
                "By the end of this year, she said, the company will release its first servers.",
                &["this year => end | company,release,server | -"],
            ),
            // A clause that goes on after a comma is still the date's.
            (
                "A train derailed on Monday, spilling acid into the river, officials said.",
                &["Monday => crash | acid,river,spilling,train | -"],
            ),
            // A date whose own clause tells no event is dated by its clause of
            // "when"; a clause of another kind does not date it.
            (
                "Unlike on Nov. 13, when sobs filled the air as Peterson was found guilty, the room was still.",
                &["Nov. 13 => convict | filled,peterson,sob | -"],
            ),
            (
                "Unlike on Nov. 13, and the jury found him guilty later.",
                &["Nov. 13 => - |  | -"],
            ),
            // A date whose own clause tells no event is dated by the past passive its
            // subject goes on to ("but was arrested"), not by a verb put at another
            // time ("later"), nor by one with a date or a subject of its own.
            (
                "Williams was pulled over for speeding on February 1, but was arrested on suspicion of drunk driving.",
                &["February 1 => arrest | driving,drunk,pulled,speeding,suspicion,william | -"],
            ),
            (
                "Collier left the bank's board on March 3 and was later charged with fraud.",
                &["March 3 => - | board,collier,left | -"],
            ),
            (
                "The firm filed its papers on March 3 and was charged on March 9.",
                &[
                    "March 3 => - | filed,firm,paper | -",
                    "March 9 => charge |  | -",
                ],
            ),
            (
                "Williams was pulled over on February 1, but police arrested him.",
                &["February 1 => - | pulled,william | -"],
            ),
            // Words the context lexicon's sentence-scope classes had, now events.toml's.
            (
                "A strong quake jolted the region on Monday.",
                &["Monday => strike | region,strong | -"],
            ),
            (
                "Uzbekistan hosts the summit on Friday, October 17.",
                &["Friday, October 17 => hold | summit,uzbekistan | -"],
            ),
            (
                "The museum will open on October 20.",
                &["October 20 => start | museum | -"],
            ),
            // The event told as a noun (issue 13).
            (
                "The Nov. 29 escape by Comeaux led to fallout.",
                &["Nov. 29 => escape | comeaux,fallout | -"],
            ),
            (
                "Rescuers searched the rubble after Monday's quake.",
                &["Monday's => strike | rescuer,rubble,searched | -"],
            ),
            // A support verb gives way to the clause's event: the election's date.
            (
                "Parliamentary elections which are planned for December 15 will be held.",
                &["December 15 => vote | parliamentary,planned | -"],
            ),
            // A date in its own brackets keeps the clause around them ("unveiled" is
            // an event word: `unveil`).
            (
                "Capaldi was unveiled on tonight's (August 5) special show.",
                &["August 5 => unveil | capaldi,show,special | -"],
            ),
            // "incident" and "crimes" name the story's event; "as saying on" is when
            // someone spoke.
            (
                "He was sentenced for the crimes he committed on March 11, 2005, in Atlanta.",
                &["March 11, 2005 => incident | committed | atlanta"],
            ),
            (
                "The agency quoted her lawyer Mark Heller as saying on May 2 that it was approved.",
                &["May 2 => report | agency,lawyer,mark heller,quoted | - reporting"],
            ),
            // Names are never cut from the participants for words.
            (
                "Angry young protesters led by Yusuf Zaman stormed and burned the embassy compound gates in Tunis on Friday, Sept. 14.",
                &[
                    "Friday, Sept. 14 => strike | angry,burned,compound,embassy,gate,yusuf zaman | tunis",
                ],
            ),
            // A clock time's colon does not end the clause.
            (
                "Warplanes bombed the camp at 3:00 p.m. on Thursday, Nov. 10.",
                &["Thursday, Nov. 10 => strike | camp,warplane | -"],
            ),
            // A word of two senses: "fired" is a shooting when a shot follows it,
            // a strike when a rocket does, else a dismissal.
            (
                "Comeaux pulled a gun on two guards and fired it on Nov. 29.",
                &["Nov. 29 => shoot | comeaux,pulled | -"],
            ),
            (
                "The gunman fired two shots at the guards on Monday.",
                &["Monday => shoot | guard,gunman | -"],
            ),
            (
                "Militants fired rockets into Israel on Saturday.",
                &["Saturday => strike | israel,militant,rocket | -"],
            ),
            (
                "Police opened fire on protesters on Friday.",
                &["Friday => shoot | police,protester | -"],
            ),
            (
                "The club fired the coach on Monday.",
                &["Monday => dismiss | club,coach | -"],
            ),
            (
                "Ayers was fired 52 games into the season on Monday.",
                &["Monday => dismiss | ayer,season | -"],
            ),
            (
                "He was fired on Monday, and his gun was found later.",
                &["Monday => dismiss |  | -"],
            ),
            // A landslide buries what it hits; a landslide victory is an election's.
            (
                "A landslide buried a village in western Nepal on Monday.",
                &["Monday => strike | buried,nepal,village,western | -"],
            ),
            (
                "The party won a landslide victory in the election on Sunday.",
                &["Sunday => vote | party,victory | -"],
            ),
            // A sentence's end inside a quotation ends the clause: the next
            // sentence's verb is not this date's event (the dot of "Mr." ends nothing).
            (
                "“We heard the news on May 3. The museum opened its doors again.”",
                &["May 3 => - | heard,news | -"],
            ),
            (
                "Mr. Smith opened the store in Paris on May 3.",
                &["May 3 => start | smith,store | paris"],
            ),
            // The content words nearest the date are kept, not the first in
            // alphabetical order.
            (
                "Her spokesman says the attention the church has received since she became the vice presidential candidate on Aug. 29.",
                &["Aug. 29 => - | became,candidate,church,presidential,received,vice | -"],
            ),
            // A hyphenated compound gives its words, as another outlet writes them, but
            // for words of time ("a 15-year-old").
            (
                "A 15-year-old student was shot by police on Dec. 6.",
                &["Dec. 6 => shoot | police,student | -"],
            ),
            (
                "Her spokesman says the attention the church has received since she became a vice-presidential candidate on Aug. 27.",
                &["Aug. 27 => - | became,candidate,church,presidential,received,vice | -"],
            ),
            // An event word after a word of cause is why the event happened: the
            // launch is dated, not the rockets it answered.
            (
                "Classes stopped at the start of air attacks on Gaza, which Israel says it launched in response to rocket attacks by Hamas militants, on 27 December.",
                &["27 December => start | hama,israel,militant,response,rocket | -"],
            ),
            // Without a mark between them, the date is the cause's own.
            (
                "Iran fired shells in retaliation for U.S. attacks on oil platforms on Monday.",
                &["Monday => strike | iran,platform,retaliation,shell,us | -"],
            ),
            (
                "He was ready for any response to Monday's attack on an oil rig.",
                &["Monday's => strike | ready,response | -"],
            ),
            (
                "Negotiators expect a cool response when they arrive here tomorrow.",
                &["tomorrow => arrive | cool,expect,negotiator,response | -"],
            ),
            // A hiring told from either side: who hired and who joined (`appoint`).
            (
                "He joined the Blazers on June 27, 2001, after serving as an assistant.",
                &["June 27, 2001 => appoint | blazer | -"],
            ),
            // The clause, not the sentence: the verb of another clause is not this
            // date's event.
            (
                "The talks, which opened in Geneva last week, resumed on Monday.",
                &[
                    "last week => start | resumed | geneva",
                    "Monday => - | resumed | -",
                ],
            ),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = events(text);
            if got != *want {
                failures.push(format!("{text:?}\n   want {want:?}\n   got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Each keyed figure of `text` (dated [`ANCHOR`]): its words, its measure and
    /// whether the measure only rises.
    fn measured_figures(text: &str) -> Vec<(String, Option<String>, bool)> {
        let art = article(text, Some(ANCHOR));
        extract(&art, &Lexicons::builtin())
            .iter()
            .filter(|c| matches!(c.value, ClaimValue::Interval { .. }))
            .filter_map(|c| {
                let k = c.key.as_ref()?;
                Some((
                    art.slice(c.span).to_owned(),
                    k.measure.as_deref().map(str::to_owned),
                    k.monotonic,
                ))
            })
            .collect()
    }

    #[test]
    fn a_measure_before_and_is_the_previous_clauses() {
        let measures = |text: &str| -> Vec<(String, Option<String>)> {
            measured_figures(text)
                .into_iter()
                .map(|(figure, measure, _)| (figure, measure))
                .collect()
        };
        let m = |s: &str| Some(s.to_owned());
        assert_eq!(
            measures("12 people were killed and 28 people were injured when a bus fell."),
            [
                ("12 people".into(), m("deaths")),
                ("28 people".into(), m("injuries"))
            ]
        );
        // Without a measure after it, the figure still counts the earlier one.
        assert_eq!(
            measures("Officials said 12 people were killed and 28 others."),
            [
                ("12 people".into(), m("deaths")),
                ("28 others".into(), m("deaths"))
            ]
        );
        // A comma is no link: it also sets off an apposition.
        assert_eq!(
            measures(
                "This is confirmed by the growth of Armenia's GDP last year, 8.7 percent, with the lowest level of inflation."
            ),
            [("8.7 percent".into(), m("growth"))]
        );
        // Unchanged: the nearest measure after the figure.
        assert_eq!(
            measures("A bus fell into a gorge, killing 12 people and injuring 26."),
            [
                ("12 people".into(), m("deaths")),
                ("26".into(), m("injuries"))
            ]
        );
    }

    #[test]
    fn monotonic_measures_are_on_the_key() {
        let keys = measured_figures("At least 37 people were killed; 12 people are still missing.");
        assert_eq!(
            keys,
            [
                ("At least 37 people".into(), Some("deaths".into()), true),
                ("12 people".into(), Some("missing".into()), false),
            ]
        );
    }

    #[test]
    fn a_distance_is_no_toll() {
        let art = article(
            "The climber had fallen some 700 metres to his death. A wall 10 feet high \
             collapsed, killing 3 people.",
            Some(ANCHOR),
        );
        let claims = extract(&art, &Lexicons::builtin());
        let keys: Vec<(String, String, Option<String>)> = claims
            .iter()
            .filter_map(|c| {
                let ClaimValue::Interval(i) = &c.value else {
                    return None;
                };
                let k = c.key.as_ref()?;
                Some((
                    art.slice(c.span).to_owned(),
                    i.unit.to_string(),
                    k.measure.as_deref().map(str::to_owned),
                ))
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("some 700 metres".into(), "m".into(), None),
                ("10 feet".into(), "ft".into(), None),
                ("3 people".into(), "people".into(), Some("deaths".into())),
            ]
        );
    }

    #[test]
    fn a_date_predicates_list_says_where_the_classes_went() {
        let mut lex = Lexicons::builtin();
        let err = lex
            .merge_str(
                std::path::Path::new("context.toml"),
                "\ndate_predicates = [[\"start\", \"got going\"]]\n",
            )
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("context.toml:2:"), "{err}");
        assert!(err.contains("events.toml"), "{err}");
    }

    #[test]
    fn event_classes_added_at_run_time_key_dates() {
        let mut lex = Lexicons::builtin();
        lex.add_event_classes(&[vec!["start".into(), "premiered".into(), "got going".into()]]);
        let art = article("The film premiered in Almaty on May 3.", Some(ANCHOR));
        let claims = extract(&art, &lex);
        let event = claims
            .iter()
            .find_map(|c| c.key.as_ref()?.event.as_ref())
            .expect("a dated event");
        assert_eq!(event.predicate.as_deref(), Some("start"));
        let art = article("The fair got going in Almaty on May 3.", Some(ANCHOR));
        let claims = extract(&art, &lex);
        let event = claims
            .iter()
            .find_map(|c| c.key.as_ref()?.event.as_ref())
            .expect("a dated event");
        assert_eq!(event.predicate.as_deref(), Some("start"));
    }

    /// A date's labelled figures: "magnitude 6.1", "6.1-magnitude" and "6.1 magnitude"
    /// alike; a flight's number is an identifier too, a road's is not.
    #[test]
    fn labelled_figures_of_a_dates_clause() {
        let labels = |text: &str| {
            let art = article(text, Some(ANCHOR));
            extract(&art, &Lexicons::builtin())
                .iter()
                .find_map(|c| c.key.as_ref()?.event.clone())
                .map(|e| {
                    let strings =
                        |l: &[crate::Word]| l.iter().map(|w| w.to_string()).collect::<Vec<_>>();
                    (strings(&e.labels), strings(&e.identifiers))
                })
                .expect("a dated event")
        };
        let quake = (
            vec!["magnitude 6.1".to_owned()],
            vec!["magnitude 6.1".to_owned()],
        );
        assert_eq!(
            labels("A magnitude 6.1 earthquake struck Van province on Monday, November 2."),
            quake
        );
        assert_eq!(
            labels("The 6.1-magnitude earthquake hit Van province on Tuesday, 3 November."),
            quake
        );
        assert_eq!(
            labels("A 6.1 magnitude quake hit Van province on Tuesday, 3 November."),
            quake
        );
        assert_eq!(
            labels(
                "At least 12 people died when a 6.1-magnitude earthquake hit the province of Van in eastern Turkey on Tuesday, 3 November."
            ),
            quake
        );
        assert_eq!(
            labels(
                "A magnitude 6.1 earthquake struck eastern Turkey's Van province on Monday, November 2, killing at least 12 people."
            ),
            quake
        );
        assert_eq!(
            labels("Williams was arrested on Route 94 on February 1."),
            (vec!["route 94".to_owned()], vec![])
        );
        assert_eq!(
            labels("The quake struck Van province on Monday, November 2."),
            (vec![], vec![])
        );
    }
}
