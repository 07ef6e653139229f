//! # quote-drift
//!
//! ## What it does
//! Reports the same quotation worded differently in two articles, or given to two
//! different speakers. Quotes of `min-words` or more words are aligned fuzzily (they
//! share a run of words, then a word diff is made with `similar`); a pair that
//! differs inside the shared passage, or in a word or two at either end ("before the
//! winter" / "before the spring"), is reported with the diff. One statement quoted
//! twice shares most of the shorter quote and of the passage aligned with it
//! (`min-similarity` of their words, in runs of at least three): two statements that only share a stock phrase ("a lot of", "we
//! don't want a") are not compared.
//!
//! A shorter quote that is the other's words less its first or last word is compared
//! with the passage it comes from, when that word is a sentence's edge in the longer
//! quote: "We are providing consular assistance at this like" against "We are aware of
//! the death of a British man. We are providing consular assistance at this time" is
//! reported as `at this [-like-]{+time+}`.
//!
//! A wording that more articles give (two at least) than the other is the
//! statement's: the other wording is the finding's primary location, reported once
//! with each article it was compared with that gives the statement's wording
//! ("divide Europe" in two outlets, "split Europe" in a third: one finding, in the
//! third); two odd ones out, each reported so, are not reported against each other.
//!
//! Not reported: a quote that is only a shorter excerpt of the other (also one whose
//! pieces between an ellipsis or an editor's brackets are each the other's words, in
//! order: "every home ... and we will", "and [the city] will"); one that
//! differs only in punctuation, case, hyphens, words joined or contracted ("end
//! game" / "endgame", "it is" / "it's", "do not" / "don't"), an abbreviation for its
//! words ("IE" / "Internet Explorer", "300 mln dlrs" / "300 million dollars"), a whole hour's `:00` ("6:00 p.m." /
//! "6 p.m."), a number written in words and in digits ("eleventh-hour" / "11th
//! hour", "Group of Seven" / "Group of 7") or an editor's words in brackets ("to her
//! (Tara Reid) and"), also read in the place of the word they gloss ("from today
//! (Monday)" / "from Monday"); a pair of which one article gives both wordings; a span that runs from
//! one quotation's closing mark to the next one's opening mark; British against
//! American spelling ("recognise" / "recognize"). A near-copy of another article (one
//! of a large set of republished copies, which the story stage weighs as one) is
//! compared with the article it copies only, not with every other copy. Two speakers are
//! two surnames that do not fold alike (a name with and without its diacritics,
//! "Subašić" / "Subasic", is one, and so is a surname respelled by a letter, "Dizon" /
//! "Dison", which name-variant reports), and are
//! reported only when neither article names the other's speaker: a statement given to
//! its joint authors, or to a person and the body he speaks for, names both; and only
//! when one quote holds the other, not when two statements meet at an edge.
//!
//! ## Why is this bad?
//! A quotation promises the speaker's exact words. Two wordings cannot both be exact,
//! and "never" against "not" can change the meaning.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md: “We will never accept these terms,” the minister said.
//! b.md: “We will not accept these terms,” the minister said.
//! ```
//! Fires: the same words given to Tokayev in one article and to Mirziyoyev in another.
//!
//! Does not fire:
//! ```text
//! a.md: “We will never accept these terms,” she said.
//! b.md: "We will never accept these terms" - she said.
//! c.md: She said they "will never accept these terms" (an excerpt).
//! ```
//!
//! ## Options
//! - `min-words` (integer, default 6): shorter quotes are not compared.
//! - `min-similarity` (number, default 0.7): the least share of the shorter quote's
//!   words the two quotes must have in common.
//! - `speakers` (boolean, default true): also report the same quote given to two
//!   speakers.
//! - `across` (`"story"` or `"corpus"`, default `"story"`): compare the quotes of two
//!   articles of one story (the articles that report the same event, docs/stories.md),
//!   or of any two articles. Two unrelated stories share stock phrases ("a lot of
//!   people"), not quotations.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "quote-drift",
    category: Category::Contradiction,
    severity: Severity::Warning,
    summary: "the same quote worded differently, or given to different speakers",
    message: "{why}: {diff}",
    placeholders: &[
        "why",
        "diff",
        "quote",
        "other_quote",
        "speaker",
        "other_speaker",
        "other_path",
    ],
    params: &[
        ParamSpec {
            name: "min-words",
            ty: ParamType::Integer { min: 2, max: 100 },
            default: "6",
            doc: "shorter quotes are not compared",
        },
        ParamSpec {
            name: "min-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.7",
            doc: "least share of the shorter quote's words the two have in common",
        },
        ParamSpec {
            name: "speakers",
            ty: ParamType::Bool,
            default: "true",
            doc: "also report a quote given to two speakers",
        },
        super::ACROSS,
    ],
    source: include_str!("quote_drift.rs"),
};

use std::collections::{BTreeMap, BTreeSet};

use factdiff_claims::ClaimValue;
use factdiff_findings::{DiffChunk, DiffTag, Finding, QuoteDriftDetails};
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;
use factdiff_findings::{DiffSides, inline_diff, word_diff};

use crate::text::{quote_word_spans, quote_word_spans_glossed, translit_fold};

/// Quotes sharing a run of this many words are candidates for alignment.
const SHINGLE: usize = 3;
/// A run shared by more quotes than this is a stock phrase, not a match.
const MAX_POSTING: usize = 32;

struct Item {
    article: usize,
    claim: usize,
    words: Vec<String>,
    /// Where each word is in `text`.
    spans: Vec<std::ops::Range<usize>>,
    /// The quote as written, for the diff shown.
    text: String,
    speaker: Option<String>,
}

impl Item {
    /// The quote as written from the first to the last of a range of its words.
    fn passage(&self, words: std::ops::Range<usize>) -> &str {
        &self.text[self.spans[words.start].start..self.spans[words.end - 1].end]
    }
}

/// The surname a speaker is known by: the last capitalized word, folded.
fn surname(speaker: &str) -> Option<String> {
    surname_as_written(speaker).map(translit_fold)
}

/// The diff with unmatched words at either end dropped: an excerpt is not drift. The
/// ends are equal words (a space shared is no anchor), white space trimmed off them.
fn core_of(chunks: &[DiffChunk]) -> Vec<DiffChunk> {
    core_with_ends(chunks, false)
}

/// Words of each side in the pieces of a diff outside its anchors: (deleted, inserted).
fn end_words(chunks: &[DiffChunk]) -> (usize, usize) {
    (
        count_words(chunks.iter().filter(|c| c.tag == DiffTag::Delete)),
        count_words(chunks.iter().filter(|c| c.tag == DiffTag::Insert)),
    )
}

/// Whether an end of the diff is a substitution: both sides have a word or two there
/// that the other has not ("before the winter" / "before the spring"). One side's
/// extra words are an excerpt; a few words of each, a changed first or last word.
fn substituted((deleted, inserted): (usize, usize)) -> bool {
    (1..=2).contains(&deleted) && (1..=2).contains(&inserted)
}

/// [`core_of`], keeping a substituted end when `ends` says so.
fn core_with_ends(chunks: &[DiffChunk], ends: bool) -> Vec<DiffChunk> {
    let anchor = |c: &DiffChunk| c.tag == DiffTag::Equal && !c.text.trim().is_empty();
    let first = chunks.iter().position(anchor);
    let last = chunks.iter().rposition(anchor);
    let (Some(mut f), Some(mut l)) = (first, last) else {
        return Vec::new();
    };
    if ends && substituted(end_words(&chunks[..f])) {
        f = 0;
    }
    if ends && substituted(end_words(&chunks[l + 1..])) {
        l = chunks.len() - 1;
    }
    let mut out = chunks[f..=l].to_vec();
    if let Some(c) = out.first_mut() {
        c.text = c.text.trim_start().to_owned();
    }
    if let Some(c) = out.last_mut() {
        c.text = c.text.trim_end().to_owned();
    }
    out
}

/// The diff as the message shows it, an ellipsis read as the words it stands for
/// (`details.diff` keeps every piece, so that its sides give the texts back): where one quote
/// has "..." (or "…", "[...]") and the other the words it leaves out, or nothing, the
/// ellipsis is shown as common text, not as a change ("every house … in the valley
/// before the [-spring-]{+winter+}", not "[-...-]{+and every bridge+}"): words an
/// editor left out are not drift, and the diff should not read as if they were.
fn elide_gaps(chunks: Vec<DiffChunk>) -> Vec<DiffChunk> {
    let is_gap = |c: &DiffChunk| {
        c.tag != DiffTag::Equal
            && matches!(c.text.trim(), "..." | "…" | "[...]" | "[…]" | "(...)" | "(…)")
    };
    let mut out: Vec<DiffChunk> = Vec::with_capacity(chunks.len());
    let mut i = 0;
    while i < chunks.len() {
        let c = &chunks[i];
        if is_gap(c) {
            // The other side's words at the gap, just before or after it, go with it.
            let next_other = chunks
                .get(i + 1)
                .is_some_and(|n| n.tag != DiffTag::Equal && n.tag != c.tag);
            let prev_other = out
                .last()
                .is_some_and(|p| p.tag != DiffTag::Equal && p.tag != c.tag);
            if prev_other {
                out.pop();
            }
            out.push(DiffChunk {
                tag: DiffTag::Equal,
                text: c.text.clone(),
            });
            i += if next_other { 2 } else { 1 };
        } else {
            out.push(c.clone());
            i += 1;
        }
    }
    // Equal pieces side by side read as one.
    let mut merged: Vec<DiffChunk> = Vec::with_capacity(out.len());
    for c in out {
        match merged.last_mut() {
            Some(last) if last.tag == DiffTag::Equal && c.tag == DiffTag::Equal => {
                last.text.push_str(&c.text)
            }
            _ => merged.push(c),
        }
    }
    merged
}

/// Whether an end of the diff holds words of both sides, more than a substitution
/// ([`substituted`]) has: the quotes overlap there, they do not repeat each other.
fn two_sided_end(chunks: &[DiffChunk]) -> bool {
    let anchor = |c: &DiffChunk| c.tag == DiffTag::Equal && !c.text.trim().is_empty();
    match (chunks.iter().position(anchor), chunks.iter().rposition(anchor)) {
        (Some(f), Some(l)) => [&chunks[..f], &chunks[l + 1..]].iter().any(|end| {
            let (deleted, inserted) = end_words(end);
            deleted > 0 && inserted > 0 && !substituted((deleted, inserted))
        }),
        _ => false,
    }
}

/// Whether an end of the diff is substituted.
fn changed_end(chunks: &[DiffChunk]) -> bool {
    let anchor = |c: &DiffChunk| c.tag == DiffTag::Equal && !c.text.trim().is_empty();
    match (chunks.iter().position(anchor), chunks.iter().rposition(anchor)) {
        (Some(f), Some(l)) => [&chunks[..f], &chunks[l + 1..]]
            .iter()
            .any(|end| substituted(end_words(end)) && substantive(end)),
        _ => false,
    }
}

/// Whether two folded surnames are one respelled (name-variant's test: a letter
/// inside changed, added or dropped, or a silent one at the end: "dizon" / "dison",
/// "whitcomb" / "whitcombe"), so one person's name, not two people's.
fn respelled(a: &str, b: &str) -> bool {
    super::name_variant::one_inner_edit(a, b)
}

/// The last capitalized word of a speaker, as written ("Weber" of "Prime Minister
/// Anton Weber").
fn surname_as_written(speaker: &str) -> Option<&str> {
    let word = speaker
        .split_whitespace()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    Some(word.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty())
}

/// Whether `word` occurs in `text` as a whole word.
fn names(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && !text[i + word.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether a quote's span runs from a closing mark to the next opening one (`” he
/// said. “`): two quotations' ends, not one quotation.
fn between_quotes(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('”')
        || t.ends_with('“')
        || matches!((t.find('”'), t.rfind('“')), (Some(close), Some(open)) if close < open)
}

/// Whether a diff changes a word, not only how words are joined or contracted: "end
/// game" / "endgame", "it is" / "it's" (the contraction's stem is the other side's
/// first word) and "do not" / "don't" are the same words.
fn substantive(chunks: &[DiffChunk]) -> bool {
    let squash = |t: &str| t.split_whitespace().collect::<String>();
    let contracted = |long: &str, short: &str| {
        let words: Vec<&str> = long.split_whitespace().collect();
        let short = short.trim();
        // A negation: "don't" / "do not", "isn't" / "is not" (the words written
        // together, less the apostrophe and the second word's vowel).
        let negated = |w: &[&str]| {
            let joined = format!("{}{}", w[0], w[1]).to_lowercase();
            let cut = w[0].len() + 1;
            w[1].eq_ignore_ascii_case("not")
                && joined.get(..cut).zip(joined.get(cut + 1..)).is_some_and(|(a, b)| {
                    short.to_lowercase().replace(['\'', '’'], "") == format!("{a}{b}")
                })
        };
        words.len() == 2
            && !short.contains(' ')
            && (short
                .split_once(['\'', '’'])
                .is_some_and(|(stem, _)| stem.eq_ignore_ascii_case(words[0]))
                || negated(&words))
    };
    // An abbreviation for the words it stands for ("IE" / "Internet Explorer"): the
    // same words, shortened. Compared in lower case, so only two words or more
    // against one whose letters are their initials.
    let initials = |short: &str, long: &str| {
        let words: Vec<&str> = long.split_whitespace().collect();
        let short = short.trim();
        words.len() >= 2
            && !short.contains(' ')
            && short.chars().count() == words.len()
            && words
                .iter()
                .filter_map(|w| w.chars().next())
                .eq(short.chars())
    };
    // Words abbreviated, word for word ("300 mln dlrs" / "300 million dollars").
    let abbreviated = |x: &str, y: &str| {
        let (xs, ys): (Vec<&str>, Vec<&str>) =
            (x.split_whitespace().collect(), y.split_whitespace().collect());
        xs.len() == ys.len()
            && xs.iter().zip(&ys).all(|(a, b)| {
                a.eq_ignore_ascii_case(b) || abbreviation(a, b) || abbreviation(b, a)
            })
    };
    let same = |x: &str, y: &str| {
        squash(x) == squash(y)
            || abbreviated(x, y)
            || spelling_variant(x, y)
            || contracted(x, y)
            || contracted(y, x)
            || initials(x, y)
            || initials(y, x)
    };
    let mut idx = 0;
    while idx < chunks.len() {
        let c = &chunks[idx];
        if c.tag == DiffTag::Equal || c.text.trim().is_empty() {
            idx += 1;
            continue;
        }
        match chunks.get(idx + 1) {
            Some(d) if d.tag != DiffTag::Equal && d.tag != c.tag && same(&c.text, &d.text) => {
                idx += 2;
            }
            _ => return true,
        }
    }
    false
}

/// Whether `short` is `long` abbreviated as wire copy does: its first letter, then only
/// consonants, each found in `long` in order ("mln" / "million", "dlrs" / "dollars",
/// "pct" / "percent"). A word with a vowel after its first letter is a word ("car" /
/// "cellar" are two).
fn abbreviation(short: &str, long: &str) -> bool {
    let vowel = |c: char| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u');
    let (s, l) = (short.to_lowercase(), long.to_lowercase());
    let mut rest = l.chars();
    s.chars().count() >= 2
        && s.len() < l.len()
        && s.chars().next() == l.chars().next()
        && s.chars().all(char::is_alphabetic)
        && !s.chars().skip(1).any(vowel)
        && s.chars().all(|c| rest.any(|d| d == c))
}

/// Whether two words are one word in British and American spelling ("recognise" /
/// "recognize", "honour" / "honor", "centre" / "center"): a house style, not another
/// wording. Written as the spelling rules, not a word list; "our" only in words of six
/// letters or more, so that "four" / "for" stays a change.
fn spelling_variant(x: &str, y: &str) -> bool {
    let (x, y) = (x.trim(), y.trim());
    if x.contains(' ') || y.contains(' ') || x.eq_ignore_ascii_case(y) {
        return false;
    }
    let fold = |w: &str| {
        let mut w = w
            .to_lowercase()
            .replace("isation", "ization")
            .replace("ising", "izing")
            .replace("ise", "ize");
        if w.len() >= 6 {
            w = w.replace("our", "or");
        }
        for (british, american) in [("tres", "ters"), ("tre", "ter")] {
            if let Some(stem) = w.strip_suffix(british) {
                w = format!("{stem}{american}");
                break;
            }
        }
        w
    };
    fold(x) == fold(y)
}

/// Where the shorter quote less its first or its last word is found whole in the
/// longer (a run of at least `min_words`): the longer's words of the shorter's length
/// there, as a range, and whether the changed word is the first. "We are providing
/// consular assistance at this like" against "We are aware of the death of a British
/// man. We are providing consular assistance at this time" is compared with the second
/// "We are ... time", not aligned on the first "we are".
fn edge_window(short: &[String], long: &[String], min_words: usize) -> Option<EdgeWindow> {
    let n = short.len();
    if n < 2 || n - 1 < min_words || n > long.len() {
        return None;
    }
    let found = |run: &[String], ok: &dyn Fn(usize) -> bool| {
        long.windows(run.len())
            .enumerate()
            .find(|&(p, w)| w == run && ok(p))
            .map(|(p, _)| p)
    };
    // The first word changed: the run is short[1..], the window starts a word before.
    if let Some(p) = found(&short[1..], &|p| p >= 1) {
        return Some(EdgeWindow {
            range: p - 1..p - 1 + n,
            first: true,
        });
    }
    // The last word changed: the window ends a word after the run.
    found(&short[..n - 1], &|p| p + n <= long.len()).map(|p| EdgeWindow {
        range: p..p + n,
        first: false,
    })
}

/// See [`edge_window`].
struct EdgeWindow {
    range: std::ops::Range<usize>,
    first: bool,
}

/// Whether the window's changed edge is a sentence's edge in the longer quote as
/// written: its first word opens the quote or follows a sentence's end, its last
/// word ends the quote or a sentence. An excerpt starts and ends where the other's
/// sentences do; a first word inside the other's sentence ("It's a dream come true"
/// against "... for Tyler is a dream come true") stands for the words left out, and
/// one word against two ("it's" / "it is") is never at a sentence's edge.
fn at_sentence_edge(long: &Item, w: &EdgeWindow) -> bool {
    let ends_sentence = |i: usize| {
        long.text[long.spans[i].clone()]
            .trim_end_matches(|c: char| {
                matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»')
            })
            .ends_with(['.', '!', '?', ';', ':'])
    };
    if w.first {
        w.range.start == 0 || ends_sentence(w.range.start - 1)
    } else {
        w.range.end == long.words.len() || ends_sentence(w.range.end - 1)
    }
}

/// Whether a word of the quote as written follows an ellipsis or an editor's
/// brackets ("home ... and", "and [the city] will"): words left out or replaced there.
fn gap_before(item: &Item, k: usize) -> bool {
    k > 0 && {
        let between = &item.text[item.spans[k - 1].end..item.spans[k].start];
        between.contains("...") || between.contains(['…', '[', '('])
    }
}

/// Whether `gapped` has a gap ([`gap_before`]) and its pieces between gaps are each
/// found whole in `other`'s words, in order: an excerpt with words left out or
/// replaced by the editor.
fn gapped_excerpt(gapped: &Item, other: &Item) -> bool {
    let cuts: Vec<usize> = (1..gapped.words.len())
        .filter(|&k| gap_before(gapped, k))
        .collect();
    if cuts.is_empty() {
        return false;
    }
    let bounds = std::iter::once(0)
        .chain(cuts)
        .chain(std::iter::once(gapped.words.len()))
        .collect::<Vec<_>>();
    let mut from = 0;
    bounds.windows(2).all(|b| {
        let piece = &gapped.words[b[0]..b[1]];
        match other.words[from.min(other.words.len())..]
            .windows(piece.len())
            .position(|w| w == piece)
        {
            Some(p) => {
                from += p + piece.len();
                true
            }
            None => false,
        }
    })
}

/// Whether one word list is found whole in the other (or is it).
fn holds(x: &[String], y: &[String]) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// The readings of two quotes to compare: as written, unless reading a gloss in the
/// place of the word it glosses (`glossed`, [`quote_word_spans_glossed`]) in one or
/// both makes one quote the other's words or an excerpt of them, which as written it
/// is not.
fn read_alike<'i>(
    a: &'i Item,
    b: &'i Item,
    glossed_a: Option<&'i Item>,
    glossed_b: Option<&'i Item>,
) -> (&'i Item, &'i Item) {
    if holds(&a.words, &b.words) {
        return (a, b);
    }
    [
        (glossed_a, Some(b)),
        (Some(a), glossed_b),
        (glossed_a, glossed_b),
    ]
    .into_iter()
    .filter_map(|(x, y)| x.zip(y))
    .find(|(x, y)| holds(&x.words, &y.words))
    .unwrap_or((a, b))
}

/// Words in the pieces of a diff.
fn count_words<'c>(chunks: impl Iterator<Item = &'c DiffChunk>) -> usize {
    chunks.map(|c| c.text.split_whitespace().count()).sum()
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    // Quotes are compared within their scope (the story, `Cx::scope_of`) only: each
    // scope's quotes, their runs and pairs are made, compared and dropped in turn
    // (issue 14: held for the whole corpus at once, they stood 395 MiB above the
    // claims at 16x), the scopes in parallel. The findings come in the order of their
    // pairs' claims, as when the corpus's pairs were made at once.
    let order = cx.by_scope(rule);
    let scopes: Vec<&[(usize, usize)]> = order.chunk_by(|a, b| a.0 == b.0).collect();
    let mut found: Vec<(PairKey, Finding)> = scopes
        .par_iter()
        .flat_map_iter(|articles| check_scope(cx, rule, articles))
        .collect();
    found.sort_unstable_by_key(|(key, _)| *key);
    found.into_iter().map(|(_, finding)| finding).collect()
}

/// A pair's (article, claim) of its earlier quote, then of its later.
type PairKey = ((usize, usize), (usize, usize));

/// The findings of one scope's quotes (`articles`: the scope's, then each article).
fn check_scope(cx: &Cx<'_>, rule: &Rule, articles: &[(usize, usize)]) -> Vec<(PairKey, Finding)> {
    let p = &rule.params;
    let min_words = p.int("min-words") as usize;
    let min_sim = p.float("min-similarity");
    let speakers = p.bool("speakers");
    let items: Vec<Item> = articles
        .par_iter()
        .with_min_len(64)
        .flat_map_iter(|&(_, article)| {
            cx.claims[article].others().iter().enumerate().filter_map(move |(idx, claim)| {
                let ClaimValue::Quote { text } = &claim.value else {
                    return None;
                };
                let (spans, words): (Vec<_>, Vec<_>) = quote_word_spans(text).into_iter().unzip();
                (words.len() >= min_words && !between_quotes(text)).then(|| Item {
                    article,
                    claim: idx,
                    words,
                    spans,
                    text: text.to_string(),
                    speaker: claim.speaker().map(str::to_owned),
                })
            })
        })
        .collect();
    // The other reading of each quote with an editor's gloss ("from today (Monday)"
    // read "from Monday"), for a pair that the gloss alone sets apart.
    let glossed: Vec<Option<Item>> = items
        .iter()
        .map(|it| {
            let (spans, words): (Vec<_>, Vec<_>) =
                quote_word_spans_glossed(&it.text)?.into_iter().unzip();
            (words.len() >= min_words).then(|| Item {
                article: it.article,
                claim: it.claim,
                words,
                spans,
                text: it.text.clone(),
                speaker: it.speaker.clone(),
            })
        })
        .collect();
    // Group by story and shingle; candidate pairs share one.
    let mut postings: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
    for (idx, item) in items.iter().enumerate() {
        for shingle in item.words.windows(SHINGLE.min(min_words)) {
            let list = postings.entry(shingle).or_default();
            if list.last() != Some(&idx) {
                list.push(idx);
            }
        }
    }
    // Quotes linked by shared runs, transitively: one statement and its copies.
    let mut sets = factdiff_stories::DisjointSets::new(items.len());
    for list in postings.values().filter(|l| l.len() <= MAX_POSTING) {
        for w in list.windows(2) {
            sets.union(w[0], w[1]);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (idx, root) in sets.roots().into_iter().enumerate() {
        groups.entry(root).or_default().push(idx);
    }
    // Within a group, quotes are compared pair by pair (two that share no run fail
    // the shared-run test below), except that a near-copy of another article (one
    // of a large set of republished copies, `Stories::copy_of`) is compared with that
    // article's quotes only: n copies of a story make n comparisons, not n², and each
    // copy that departs from the text it copies is reported once (issue 14: 16
    // copies of each Reuters story gave 788,000 findings).
    let mut pairs = BTreeSet::new();
    for members in groups.values() {
        let copy_of = |i: usize| cx.stories.copy_of(items[i].article);
        let heads: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| copy_of(i) == items[i].article)
            .collect();
        for (n, &i) in heads.iter().enumerate() {
            for &j in &heads[n + 1..] {
                if items[i].article != items[j].article {
                    pairs.insert((i, j));
                }
            }
        }
        // The heads' quotes by article, so that a copy finds its text's at once.
        let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &heads {
            by_article.entry(items[i].article).or_default().push(i);
        }
        for &j in members.iter().filter(|&&j| copy_of(j) != items[j].article) {
            for &i in by_article.get(&copy_of(j)).into_iter().flatten() {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    // The wordings each article gives: an article that gives both wordings (two
    // quotes of one speaker, one repeating the other) contradicts neither.
    let given: BTreeSet<(usize, &[String])> = items
        .iter()
        .map(|it| (it.article, it.words.as_slice()))
        .collect();
    let pairs: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(i, j)| {
            let (a, b) = (&items[i], &items[j]);
            a.words == b.words
                || !given.contains(&(a.article, b.words.as_slice()))
                    && !given.contains(&(b.article, a.words.as_slice()))
        })
        .collect();
    // How many articles give each wording: a wording most of the articles give is the
    // statement's, and the one other wording the odd one out.
    let mut givers: BTreeMap<&[String], BTreeSet<usize>> = BTreeMap::new();
    for it in &items {
        givers.entry(it.words.as_slice()).or_default().insert(it.article);
    }
    let givers_of = |k: usize| givers.get(items[k].words.as_slice()).map_or(0, BTreeSet::len);
    let drifts: Vec<Drift> = pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            // Each quote read as written, or, when that makes one the other's words or
            // an excerpt of them, with its gloss in the place of the word it glosses:
            // an outlet that writes "from Monday" where another quotes "from today
            // (Monday)" gives the same words.
            let (a, b) = read_alike(&items[i], &items[j], glossed[i].as_ref(), glossed[j].as_ref());
            // The shorter quote found whole in the longer is an excerpt, however the
            // diff aligns it.
            let a_short = a.words.len() <= b.words.len();
            let (short, long) = if a_short { (a, b) } else { (b, a) };
            // So is a quote whose pieces between an ellipsis or an editor's brackets
            // are each found in the other, in order ("every home ... and we will",
            // "and [the city] will"): the words left out or replaced are not drift.
            let excerpt = long
                .words
                .windows(short.words.len())
                .any(|w| w == short.words.as_slice())
                || gapped_excerpt(a, b)
                || gapped_excerpt(b, a);
            // An excerpt with its first or last word changed is compared with the
            // passage of the longer quote it comes from (`edge_window`).
            let window: Option<EdgeWindow> = if excerpt {
                None
            } else {
                edge_window(&short.words, &long.words, min_words)
                    .filter(|w| at_sentence_edge(long, w))
            };
            let windowed = window.is_some();
            let range = window.map_or(0..long.words.len(), |w| w.range);
            // The wording compared, a's then b's: lower-case words, punctuation dropped.
            let (cut, whole) = (long.words[range.clone()].join(" "), short.words.join(" "));
            let chunks = if a_short {
                word_diff(&whole, &cut)
            } else {
                word_diff(&cut, &whole)
            };
            let core = core_of(&chunks);
            let equal = count_words(core.iter().filter(|c| c.tag == DiffTag::Equal));
            let end_changed = !excerpt && changed_end(&chunks);
            let changed = end_changed || !excerpt && substantive(&core);
            // One statement quoted twice shares most of the shorter quote, in a run
            // of words: two statements that share a stock phrase ("a lot of", "we
            // don't want a") do not.
            let shorter = a.words.len().min(b.words.len());
            let longest = core
                .iter()
                .filter(|c| c.tag == DiffTag::Equal)
                .map(|c| c.text.split_whitespace().count())
                .max()
                .unwrap_or(0);
            let len_a = count_words(core.iter().filter(|c| c.tag != DiffTag::Insert));
            let len_b = count_words(core.iter().filter(|c| c.tag != DiffTag::Delete));
            if longest < min_words.min(SHINGLE)
                || (equal as f64) < min_sim * shorter.max(len_a).max(len_b) as f64
            {
                return None;
            }
            let (sa, sb) = (
                a.speaker.as_deref().and_then(surname),
                b.speaker.as_deref().and_then(surname),
            );
            // Two speakers only when neither article names the other's: a statement
            // given to its joint authors, or to a person and the body he speaks for,
            // names both; and a speaker misread is usually named nearby.
            let named_in = |speaker: Option<&str>, article: usize| {
                speaker
                    .and_then(surname_as_written)
                    .is_some_and(|w| names(&cx.article(article).text, w))
            };
            // A surname respelled by a letter ("Dizon" / "Dison") is one speaker
            // spelled two ways: name-variant's finding, not a quote given to two.
            let other_speaker = matches!((&sa, &sb), (Some(x), Some(y)) if x != y && !respelled(x, y))
                && !named_in(a.speaker.as_deref(), b.article)
                && !named_in(b.speaker.as_deref(), a.article);
            // As written: the longer quote's text of the window compared.
            let long_text = if windowed {
                long.passage(range.clone())
            } else {
                long.text.as_str()
            };
            let (ta, tb) = if a_short {
                (a.text.as_str(), long_text)
            } else {
                (long_text, b.text.as_str())
            };
            let key = ((a.article, a.claim), (b.article, b.claim));
            if changed {
                // The later article's quote is the primary, unless the other is the
                // odd one out: a wording more articles give (two at least) is the
                // statement's, and the finding is the other wording's. The diff shown
                // reads from the primary ("this article") to the other, as written.
                let (ga, gb) = (givers_of(i), givers_of(j));
                let flip = ga < gb && gb >= 2;
                let (primary, other, shown) = if flip {
                    (i, j, core_with_ends(&word_diff(ta, tb), end_changed))
                } else {
                    (j, i, core_with_ends(&word_diff(tb, ta), end_changed))
                };
                return Some(Drift {
                    key,
                    primary,
                    other,
                    odd_one_out: ga.max(gb) >= 2 && ga != gb,
                    shown,
                    speakers: None,
                });
            }
            if speakers && other_speaker && (excerpt || !two_sided_end(&chunks)) {
                // "The same quote" given to two people needs one quote to hold the
                // other: two statements that only meet at an edge ("absolute heart of
                // the Act" / "... undermined the scientific foundation of the Act")
                // each have words the other lacks at one end, and are two statements.
                let why = format!(
                    "the same quote is given to {} here and to {} in {}",
                    b.speaker.as_deref().unwrap_or(""),
                    a.speaker.as_deref().unwrap_or(""),
                    cx.article(a.article).reference()
                );
                return Some(Drift {
                    key,
                    primary: j,
                    other: i,
                    odd_one_out: false,
                    shown: core_with_ends(&word_diff(tb, ta), false),
                    speakers: Some(why),
                });
            }
            None
        })
        .collect();
    // A wording that is the odd one out is reported once, against every article that
    // gives the statement's wording it was compared with ("split" in one outlet,
    // "divide" in two: one finding, not two); a pair of two odd ones out, each already
    // reported, is not reported again.
    let odd: BTreeSet<usize> = drifts
        .iter()
        .filter(|d| d.odd_one_out)
        .map(|d| d.primary)
        .collect();
    let mut merged: BTreeMap<(usize, &[String]), Vec<&Drift>> = BTreeMap::new();
    let mut out = Vec::new();
    for d in &drifts {
        if d.odd_one_out {
            merged
                .entry((d.primary, items[d.other].words.as_slice()))
                .or_default()
                .push(d);
        } else if d.speakers.is_some() || !(odd.contains(&d.primary) && odd.contains(&d.other)) {
            out.push((d.key, drift_finding(cx, rule, &items, &[d])));
        }
    }
    for group in merged.values() {
        let key = group.iter().map(|d| d.key).min().unwrap_or(group[0].key);
        out.push((key, drift_finding(cx, rule, &items, group)));
    }
    out
}

/// A pair of quotes to report: the primary quote, the other(s) it is compared with,
/// and why.
struct Drift {
    key: PairKey,
    /// The items of the primary quote and of the other.
    primary: usize,
    other: usize,
    /// Whether the primary quote's wording is the odd one out: the other's is given by
    /// more articles, two at least.
    odd_one_out: bool,
    /// The diff shown, from the primary quote to the other.
    shown: Vec<DiffChunk>,
    /// The message's reason, when the quote is given to two speakers; `None`: worded
    /// differently.
    speakers: Option<String>,
}

/// The finding of one quote compared with one other, or, an odd one out, with each of
/// the others that give the statement's wording (`group`: one primary quote).
fn drift_finding(cx: &Cx<'_>, rule: &Rule, items: &[Item], group: &[&Drift]) -> Finding {
    let first = group[0];
    let (p, o) = (&items[first.primary], &items[first.other]);
    let cp = &cx.claims[p.article].others()[p.claim];
    let co = &cx.claims[o.article].others()[o.claim];
    let mut locations = vec![cx.loc(p.article, cp.span), cx.loc(o.article, co.span)];
    for d in &group[1..] {
        let it = &items[d.other];
        locations.push(cx.loc(it.article, cx.claims[it.article].others()[it.claim].span));
    }
    let why = match &first.speakers {
        Some(why) => why.clone(),
        None if group.len() > 1 => {
            let sides = DiffSides {
                this: DiffSides::of(&locations).this,
                other: "the other articles",
            };
            format!(
                "the same quote is worded differently here than in {} other articles ({})",
                group.len(),
                sides.legend()
            )
        }
        None => format!(
            "the same quote is worded differently ({})",
            DiffSides::of(&locations).legend()
        ),
    };
    let values = [
        ("why", why),
        // `details.diff` gives the texts back, piece by piece (the JSON contract); the
        // message reads an ellipsis as the words it leaves out.
        ("diff", inline_diff(&elide_gaps(first.shown.clone()))),
        ("quote", cx.article(p.article).slice(cp.span).to_owned()),
        ("other_quote", cx.article(o.article).slice(co.span).to_owned()),
        ("speaker", p.speaker.clone().unwrap_or_default()),
        ("other_speaker", o.speaker.clone().unwrap_or_default()),
        ("other_path", cx.article(o.article).reference()),
    ];
    cx.with_story(finding(rule, &values, locations), p.article, o.article)
        .with_details(QuoteDriftDetails {
            diff: first.shown.clone(),
            speaker: p.speaker.clone(),
            other_speaker: o.speaker.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quote_words;

    #[test]
    fn two_quotes_meeting_at_an_edge_are_not_one_quote() {
        let chunks = word_diff(
            "several last minute changes have undermined the scientific foundation of the endangered species act",
            "absolute heart of the endangered species act",
        );
        assert!(two_sided_end(&chunks));
        // An excerpt has extra words on one side only; a substituted last word is a
        // rewording, both still compared.
        let excerpt = word_diff(
            "the changes undermined the heart of the endangered species act",
            "heart of the endangered species act",
        );
        assert!(!two_sided_end(&excerpt));
        let reworded = word_diff(
            "we will rebuild the town before the winter",
            "we will rebuild the town before the spring",
        );
        assert!(!two_sided_end(&reworded));
    }

    /// The substantive core of the word diff of two quotes, as the rule reads them.
    fn core_diff(a: &str, b: &str) -> Vec<DiffChunk> {
        core_of(&word_diff(
            &quote_words(a).join(" "),
            &quote_words(b).join(" "),
        ))
    }

    #[test]
    fn a_surname_respelled_is_one_speaker() {
        let fold = |s: &str| surname(s).unwrap();
        for (a, b) in [
            ("Rodolfo Dizon", "Brig. Gen. Rodolfo Dison"),
            ("Ellen Whitcomb", "Judge Ellen Whitcombe"),
            ("Tyler Hansbrough", "Tyler Hansbraugh"),
        ] {
            assert!(respelled(&fold(a), &fold(b)), "{a} / {b}");
        }
        for (a, b) in [
            ("Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"),
            ("Tom Nolan", "Tom Dolan"),
            ("Ana Kovac", "Ana Kovaca"),
        ] {
            assert!(!respelled(&fold(a), &fold(b)), "{a} / {b}");
        }
    }

    #[test]
    fn british_and_american_spelling_is_no_drift() {
        assert!(spelling_variant("recognise", "recognize"));
        assert!(spelling_variant("honoured", "honored"));
        assert!(spelling_variant("centre", "center"));
        assert!(spelling_variant("organisation", "organization"));
        assert!(!spelling_variant("four", "for"));
        assert!(!spelling_variant("will", "wil"));
        assert!(!spelling_variant("concerning", "on"));
    }

    #[test]
    fn an_abbreviation_for_its_words_is_no_drift() {
        assert!(!substantive(&core_diff(
            "encourages all IE customers to test and deploy this update",
            "encourages all Internet Explorer customers to test and deploy this update",
        )));
        // Other words with the same initials are another wording.
        assert!(substantive(&core_diff(
            "we will go when it is ready and not before",
            "we will go when it is really done and not before",
        )));
    }

    #[test]
    fn words_abbreviated_are_no_drift() {
        assert!(!substantive(&core_diff(
            "we'll be reducing the stock of debt by 300 mln dlrs",
            "we'll be reducing the stock of debt by 300 million dollars"
        )));
        assert!(abbreviation("pct", "percent"));
        // A word with vowels is another word, and so is one of other letters.
        assert!(!abbreviation("car", "cellar"));
        assert!(!abbreviation("mln", "billion"));
        assert!(substantive(&core_diff(
            "reducing the debt by 300 mln dlrs",
            "reducing the debt by 300 bln dlrs"
        )));
    }

    #[test]
    fn a_negation_contracted_is_no_drift() {
        assert!(!substantive(&core_diff(
            "we don't want a trade war",
            "we do not want a trade war"
        )));
        assert!(!substantive(&core_diff("it isn't over yet", "it is not over yet")));
        // Another verb negated is another wording.
        assert!(substantive(&core_diff(
            "we don't want a trade war",
            "we did not want a trade war"
        )));
    }

    #[test]
    fn a_gloss_is_read_in_the_place_of_its_word_only_when_that_makes_the_quotes_alike() {
        let glossed = |text: &str| {
            crate::text::quote_word_spans_glossed(text).map(|w| {
                let (spans, words) = w.into_iter().unzip();
                Item {
                    article: 0,
                    claim: 0,
                    words,
                    spans,
                    text: text.to_owned(),
                    speaker: None,
                }
            })
        };
        let a_text = "credibility would come under fresh scrutiny from today (Monday), with activity";
        let (a, ga) = (item(a_text), glossed(a_text));
        let b = item("credibility would come under fresh scrutiny from Monday, with activity");
        let (x, y) = read_alike(&a, &b, ga.as_ref(), None);
        assert_eq!(x.words, y.words);
        // Another day is another wording, read as written.
        let c = item("credibility would come under fresh scrutiny from Tuesday, with activity");
        let (x, _) = read_alike(&a, &c, ga.as_ref(), None);
        assert!(x.words.contains(&"today".to_owned()));
        // The gloss is not read where the word itself is the other's ("to her (Tara
        // Reid) and" / "to her and").
        let d_text = "we appreciate your respect to her (Tara Reid) and her family";
        let (d, gd) = (item(d_text), glossed(d_text));
        let e = item("we appreciate your respect to her and her family");
        let (x, _) = read_alike(&d, &e, gd.as_ref(), None);
        assert_eq!(x.words, d.words);
    }

    #[test]
    fn the_wording_compared_and_the_diff_shown() {
        // Compared: lower-case words; the core drops what only one side has at the ends.
        let a = quote_words("“We will never accept these terms,” she said");
        let b = quote_words("We will not accept these terms.");
        let core = core_of(&word_diff(&a.join(" "), &b.join(" ")));
        assert_eq!(
            inline_diff(&core),
            "we will [-never-]{+not+} accept these terms"
        );
        assert_eq!(
            count_words(core.iter().filter(|c| c.tag == DiffTag::Equal)),
            5
        );
        // Shown: the words as written, spaces kept, an excerpt's extra words dropped.
        let shown = core_of(&word_diff(
            "We will not accept these terms",
            "Frankly, we will never accept these terms, she said",
        ));
        assert_eq!(
            inline_diff(&shown),
            "will [-not-]{+never+} accept these terms"
        );
    }

    fn item(text: &str) -> Item {
        let (spans, words) = quote_word_spans(text).into_iter().unzip();
        Item {
            article: 0,
            claim: 0,
            words,
            spans,
            text: text.to_owned(),
            speaker: None,
        }
    }

    /// Whether the shorter quote is an excerpt of the longer with its first or last
    /// word changed, as `check` decides it: the window at a sentence's edge, a
    /// changed end there.
    fn edge_drift(short: &str, long: &str) -> Option<String> {
        let (short, long) = (item(short), item(long));
        let w = edge_window(&short.words, &long.words, 6).filter(|w| at_sentence_edge(&long, w))?;
        let diff = word_diff(
            &short.words.join(" "),
            &long.words[w.range.clone()].join(" "),
        );
        changed_end(&diff).then(|| {
            let cut = long.passage(w.range.clone());
            inline_diff(&core_with_ends(&word_diff(&short.text, cut), true))
        })
    }

    #[test]
    fn an_ellipsis_is_shown_as_the_words_it_leaves_out() {
        let shown =
            |a: &str, b: &str| inline_diff(&core_with_ends(&elide_gaps(word_diff(a, b)), true));
        assert_eq!(
            shown(
                "We will rebuild every house ... in the valley before the spring",
                "We will rebuild every house and every bridge in the valley before the winter",
            ),
            "We will rebuild every house ... in the valley before the [-spring-]{+winter+}"
        );
        // Either side may hold the ellipsis.
        assert_eq!(
            shown(
                "We will rebuild every house and every bridge in the valley before the winter",
                "We will rebuild every house […] in the valley before the spring",
            ),
            "We will rebuild every house […] in the valley before the [-winter-]{+spring+}"
        );
        // A word changed beside the ellipsis is still shown.
        assert_eq!(
            shown("the house ... burned down", "the house and the barn burned up"),
            "the house ... burned [-down-]{+up+}"
        );
    }

    #[test]
    fn an_excerpt_with_a_changed_edge_word_is_drift() {
        let long = "We are aware of the death of a British man in New Zealand. \
                    We are providing consular assistance at this time.";
        // The last word changed: compared with the second "we are", not the first.
        assert_eq!(
            edge_drift("We are providing consular assistance at this like.", long).as_deref(),
            Some("We are providing consular assistance at this [-like-]{+time+}.")
        );
        // The first word changed, after a sentence's end.
        let long = "It happened so fast. They started shooting him and he went down.";
        assert!(edge_drift("Police started shooting him and he went down.", long).is_some());
        // A plain excerpt, or one with an editor's word in brackets, is found whole.
        let short = item("[Police] started shooting him and he went down.");
        let long = item(long);
        assert!(long.words.windows(short.words.len()).any(|w| w == short.words.as_slice()));
    }

    #[test]
    fn words_left_out_or_bracketed_by_the_editor_are_no_drift() {
        let whole = item(
            "We will rebuild every home that the water destroyed, and we will do it before the winter.",
        );
        for gapped in [
            "We will rebuild every home ... and we will do it before the winter.",
            "We will rebuild every home … and we will do it before the winter.",
            "We will rebuild every home that the water destroyed, and [the city] will do it before the winter.",
        ] {
            assert!(gapped_excerpt(&item(gapped), &whole), "{gapped}");
        }
        // An ellipsis with no space around it, the quote broken across lines
        // (Reuters-21578).
        let whole = item(
            "\"If the Saudis wish to stop our trade relationship, fine, I\nam sure that if they do, we will be getting dozens of offers\nfrom elsewhere,\"",
        );
        let gapped = item(
            "\"If the Saudis wish to stop our trade relationship...I am\nsure that if they do, we will be getting dozens of offers from\nelsewhere,\"",
        );
        assert!(gapped_excerpt(&gapped, &whole), "{:?}", gapped.words);
        // A word changed beside the gap, or no gap at all, is no excerpt.
        for other in [
            "We will rebuild every house ... and we will do it before the winter.",
            "We will rebuild every home that the flood destroyed, and we will do it before the winter.",
        ] {
            assert!(!gapped_excerpt(&item(other), &whole), "{other}");
        }
    }

    #[test]
    fn an_excerpt_with_the_same_edge_words_is_no_drift() {
        // A spelling variant; one word against two ("it's" / "it is") is never at a
        // sentence's edge.
        let long = "The council met again. It is a good day for the people of this town.";
        assert_eq!(edge_drift("It's a good day for the people of this town.", long), None);
        let long = "The people of this town are the centre. We met today.";
        assert_eq!(edge_drift("The people of this town are the center", long), None);
        // A first word inside the other's sentence stands for the words left out.
        let long = "To be a small part of this historic moment for Tyler is a dream come true for me.";
        assert_eq!(edge_drift("It's a dream come true for me, he said.", long), None);
    }

}
