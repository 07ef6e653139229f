//! # quote-drift
//!
//! ## What it does
//! Reports the same quotation worded differently in two articles, or given to two
//! different speakers. Quotes of `min-words` or more words are aligned fuzzily (they
//! share a run of words, then a word diff is made with `similar`); a pair that differs
//! inside the shared passage is reported with the diff. A quote that is only a
//! shorter excerpt of the other, or that differs only in punctuation and case, is not.
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
//! - `min-similarity` (number, default 0.6): the least share of words the two quotes'
//!   overlapping passage must have in common.
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
            default: "0.6",
            doc: "least share of words in common",
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

use crate::text::{quote_words, translit_fold};

/// Quotes sharing a run of this many words are candidates for alignment.
const SHINGLE: usize = 3;
/// A run shared by more quotes than this is a stock phrase, not a match.
const MAX_POSTING: usize = 32;

struct Item {
    article: usize,
    claim: usize,
    words: Vec<String>,
    /// The quote as written, for the diff shown.
    text: String,
    speaker: Option<String>,
}

/// The surname a speaker is known by: the last capitalized word, folded.
fn surname(speaker: &str) -> Option<String> {
    let word = speaker
        .split_whitespace()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    Some(translit_fold(
        word.trim_matches(|c: char| !c.is_alphanumeric()),
    ))
}

/// The diff with unmatched words at either end dropped: an excerpt is not drift. The
/// ends are equal words (a space shared is no anchor), white space trimmed off them.
fn core_of(chunks: &[DiffChunk]) -> Vec<DiffChunk> {
    let anchor = |c: &DiffChunk| c.tag == DiffTag::Equal && !c.text.trim().is_empty();
    let first = chunks.iter().position(anchor);
    let last = chunks.iter().rposition(anchor);
    let (Some(f), Some(l)) = (first, last) else {
        return Vec::new();
    };
    let mut out = chunks[f..=l].to_vec();
    if let Some(c) = out.first_mut() {
        c.text = c.text.trim_start().to_owned();
    }
    if let Some(c) = out.last_mut() {
        c.text = c.text.trim_end().to_owned();
    }
    out
}

/// Words in the pieces of a diff.
fn count_words<'c>(chunks: impl Iterator<Item = &'c DiffChunk>) -> usize {
    chunks.map(|c| c.text.split_whitespace().count()).sum()
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let p = &rule.params;
    let min_words = p.int("min-words") as usize;
    let min_sim = p.float("min-similarity");
    let speakers = p.bool("speakers");
    let items: Vec<Item> = cx
        .claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            claims.iter().enumerate().filter_map(move |(idx, claim)| {
                let ClaimValue::Quote { text } = &claim.value else {
                    return None;
                };
                let words = quote_words(text);
                (words.len() >= min_words).then(|| Item {
                    article,
                    claim: idx,
                    words,
                    text: text.clone(),
                    speaker: claim.speaker.as_deref().map(str::to_owned),
                })
            })
        })
        .collect();
    // Group by story and shingle; candidate pairs share one.
    let mut postings: BTreeMap<(usize, &[String]), Vec<usize>> = BTreeMap::new();
    for (idx, item) in items.iter().enumerate() {
        let scope = cx.scope_of(rule, item.article);
        for shingle in item.words.windows(SHINGLE.min(min_words)) {
            let list = postings.entry((scope, shingle)).or_default();
            if list.last() != Some(&idx) {
                list.push(idx);
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTING) {
        for (n, &i) in list.iter().enumerate() {
            for &j in &list[n + 1..] {
                if items[i].article != items[j].article {
                    pairs.insert((i, j));
                }
            }
        }
    }
    let pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            let (a, b) = (&items[i], &items[j]);
            // The wording compared: lower-case words, punctuation dropped.
            let chunks = word_diff(&a.words.join(" "), &b.words.join(" "));
            let core = core_of(&chunks);
            let equal = count_words(core.iter().filter(|c| c.tag == DiffTag::Equal));
            let changed = core
                .iter()
                .any(|c| c.tag != DiffTag::Equal && !c.text.trim().is_empty());
            let len_a = count_words(core.iter().filter(|c| c.tag != DiffTag::Insert));
            let len_b = count_words(core.iter().filter(|c| c.tag != DiffTag::Delete));
            if equal < min_words.min(SHINGLE) || (equal as f64) < min_sim * len_a.max(len_b) as f64
            {
                return None;
            }
            let (sa, sb) = (
                a.speaker.as_deref().and_then(surname),
                b.speaker.as_deref().and_then(surname),
            );
            let other_speaker = matches!((&sa, &sb), (Some(x), Some(y)) if x != y);
            let ca = &cx.claims[a.article][a.claim];
            let cb = &cx.claims[b.article][b.claim];
            // The later article's quote is the primary; the diff shown reads from it
            // ("this article") to the other, as written.
            let locations = vec![cx.loc(b.article, cb.span), cx.loc(a.article, ca.span)];
            let shown = core_of(&word_diff(&b.text, &a.text));
            let why = if changed {
                format!(
                    "the same quote is worded differently ({})",
                    DiffSides::of(&locations).legend()
                )
            } else if speakers && other_speaker {
                format!(
                    "the same quote is given to {} here and to {} in {}",
                    b.speaker.as_deref().unwrap_or(""),
                    a.speaker.as_deref().unwrap_or(""),
                    cx.article(a.article).reference()
                )
            } else {
                return None;
            };
            let values = [
                ("why", why),
                ("diff", inline_diff(&shown)),
                ("quote", cx.article(b.article).slice(cb.span).to_owned()),
                (
                    "other_quote",
                    cx.article(a.article).slice(ca.span).to_owned(),
                ),
                ("speaker", b.speaker.clone().unwrap_or_default()),
                ("other_speaker", a.speaker.clone().unwrap_or_default()),
                ("other_path", cx.article(a.article).reference()),
            ];
            Some(
                cx.with_story(
                    finding(rule, &values, locations),
                    b.article,
                    a.article,
                )
                .with_details(QuoteDriftDetails {
                    diff: shown,
                    speaker: b.speaker.clone(),
                    other_speaker: a.speaker.clone(),
                }),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
