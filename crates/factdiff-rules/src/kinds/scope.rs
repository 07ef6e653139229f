//! What two claims must share to be about the same thing, beyond their measure, unit
//! and period: the subject (a named entity of the claim's sentence, else of the
//! article's lede, that is not so common in the corpus that it names nothing in
//! particular) and the time (articles dated close together). Derived here from the
//! claims and corpus-wide counts, for the kinds that compare claims across articles;
//! what the words around a claim say (its period, its role) is its frame, read by
//! factdiff-claims (`frame.rs`).

use std::collections::BTreeMap;

/// Hash maps and sets with foldhash's fixed seed: looked up for every word of the
/// corpus, and never listed in an order that reaches the output.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

use factdiff_claims::{ClaimRef, ClaimValue};
use rayon::prelude::*;

use super::Cx;

/// The most names kept per sentence (the first ones).
pub(crate) const MAX_NAMES: usize = 4;

/// A name found in more articles than this share of the corpus (and more than
/// [`MIN_COMMON`]) names nothing in particular ("U.S.", "Reuters").
const COMMON_SHARE: f64 = 0.01;
const MIN_COMMON: usize = 20;

/// A normalized name, borrowed from its claim where it can be.
pub(crate) type Name<'a> = std::borrow::Cow<'a, str>;

/// Per article: the subject names of each sentence and of the lede, and the
/// article's day.
pub(crate) struct ArticleScope<'a> {
    /// The names of the sentences that have names (normalized, common ones left
    /// out), sentence by sentence, borrowed from the claims (an acronym's lower-case
    /// form is the one copy). One boxed slice for the article, not one per sentence
    /// nor a map: held for every article through the rules, so no tree nodes, no
    /// spare capacity, two allocations an article.
    names: Box<[Name<'a>]>,
    /// Each sentence that has names, by index, sorted, with the end of its names in
    /// `names` (they start where the sentence before ends).
    sentences: Box<[(u32, u32)]>,
    /// Whether the first sentence that has names is the first or second one: then
    /// its names are the lede's.
    lede: bool,
    /// The article's date as a day number.
    pub day: Option<i32>,
}

/// Which of some words (lower case) the corpus also writes in lower case in running
/// text. One pass over every article's words, without an allocation per word.
pub(crate) fn written_lower<'w>(cx: &Cx<'_>, candidates: &HashSet<&'w str>) -> HashSet<&'w str> {
    cx.corpus
        .articles
        .par_iter()
        .fold(HashSet::default, |mut found, a| {
            for w in running_words(&a.text[a.body.range()]) {
                if w.starts_with(char::is_lowercase)
                    && !w.chars().any(char::is_uppercase)
                    && let Some(c) = candidates.get(w)
                {
                    found.insert(*c);
                }
            }
            found
        })
        .reduce(HashSet::default, |mut a, b| {
            a.extend(b);
            a
        })
}

/// The words of running text: a file name, web address, e-mail address or handle
/// (`herat-wire.md`, `reuters.com/world/herat`, `@herat_news`) is left out whole, since
/// it writes a name in lower case without making it an ordinary word.
fn running_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|token| !is_address(token))
        .flat_map(|token| token.split(|c: char| !c.is_alphanumeric()))
}

/// Whether a whitespace-delimited token is a path, address or handle rather than
/// words: it holds a slash, `@`, `_`, `://`, or a dot between two letters
/// (`wire.md`, `reuters.com`; not the full stop of "Herat." nor "U.S.").
fn is_address(token: &str) -> bool {
    if token.contains(['/', '\\', '@', '_']) {
        return true;
    }
    let b = token.as_bytes();
    b.windows(3)
        .any(|w| w[1] == b'.' && w[0].is_ascii_lowercase() && w[2].is_ascii_lowercase())
}

/// The names of one article's sentences (names and acronyms, "TWA offered ...", in
/// the order written; each once a sentence), by sentence. The names of its dateline
/// ("KATHMANDU, Nepal (AP) — ") are left out: where the story was filed is not what
/// it is about, and two outlets' ledes must meet on their subject.
fn names_by_sentence<'a>(
    claims: &'a factdiff_claims::ArticleClaims,
    dateline: Option<factdiff_corpus::Span>,
) -> BTreeMap<u32, Vec<Name<'a>>> {
    let mut by_sentence: BTreeMap<u32, Vec<Name<'a>>> = BTreeMap::new();
    // The names and the acronyms in the order written: both lists read together.
    for claim in claims.in_order() {
        let span = claim.span();
        if dateline.is_some_and(|d| span.start >= d.start && span.end <= d.end) {
            continue;
        }
        let name = match claim {
            ClaimRef::Name(n) => Name::Borrowed(n.normalized.as_str()),
            ClaimRef::Other(_, c) => match &c.value {
                ClaimValue::Acronym { short, .. } => Name::Owned(short.to_lowercase()),
                _ => continue,
            },
        };
        let list = by_sentence.entry(claim.sentence()).or_default();
        if !list.contains(&name) {
            list.push(name);
        }
    }
    by_sentence
}

/// The scopes of every article, with the corpus-wide common names left out.
///
/// Each article's names by sentence are made twice, once to count the names'
/// document frequency and once for its scope, rather than made once and held for
/// the whole corpus between the two: that list's tree nodes and lists, freed after
/// the scopes were made among them, kept the scopes' pages resident (issue 14: the
/// scopes took 309 MiB at Reuters 16x).
pub(crate) fn scopes<'a>(cx: &Cx<'a>) -> Vec<ArticleScope<'a>> {
    // Each article's distinct names on every core, then counted.
    let distinct: Vec<Vec<Name<'a>>> = cx
        .claims
        .par_iter()
        .enumerate()
        .map(|(article, claims)| {
            let dateline = cx.article(article).dateline();
            let mut list: Vec<Name<'a>> = names_by_sentence(claims, dateline)
                .into_values()
                .flatten()
                .collect();
            list.sort_unstable();
            list.dedup();
            list
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::default();
    for name in distinct.iter().flatten() {
        *df.entry(name).or_default() += 1;
    }
    let limit = ((cx.claims.len() as f64 * COMMON_SHARE) as usize).max(MIN_COMMON);
    // A one-word name that the corpus also writes in lower case is a common word
    // capitalized at the start of a line ("Share adjusted for ...", "Net 3.5 mln").
    let single: HashSet<&str> = df.keys().copied().filter(|n| !n.contains(' ')).collect();
    let words_too = written_lower(cx, &single);
    let common: HashSet<String> = df
        .into_iter()
        .filter(|(name, n)| *n > limit || words_too.contains(name))
        .map(|(name, _)| name.to_owned())
        .collect();
    drop(words_too);
    drop(single);
    drop(distinct);
    cx.claims
        .par_iter()
        .enumerate()
        .map(|(article, claims)| {
            let by_sentence = names_by_sentence(claims, cx.article(article).dateline());
            let mut names: Vec<Name<'a>> = Vec::new();
            let mut sentences: Vec<(u32, u32)> = Vec::new();
            for (s, list) in by_sentence {
                let before = names.len();
                names.extend(
                    list.into_iter()
                        .filter(|n| !common.contains(&**n))
                        .take(MAX_NAMES),
                );
                if names.len() > before {
                    sentences.push((s, names.len() as u32));
                }
            }
            let lede = sentences.first().is_some_and(|(s, _)| *s <= 1);
            let a = cx.article(article);
            let day = a.meta.date.map(|d| {
                d.since(jiff::civil::date(1970, 1, 1))
                    .map_or(0, |span| span.get_days())
            });
            ArticleScope {
                names: names.into_boxed_slice(),
                sentences: sentences.into_boxed_slice(),
                lede,
                day,
            }
        })
        .collect()
}

impl<'a> ArticleScope<'a> {
    /// The names of a sentence (common ones left out).
    pub(crate) fn sentence_names(&self, sentence: u32) -> &[Name<'a>] {
        self.sentences
            .binary_search_by_key(&sentence, |(s, _)| *s)
            .map_or(&[], |i| {
                let start = if i == 0 { 0 } else { self.sentences[i - 1].1 };
                &self.names[start as usize..self.sentences[i].1 as usize]
            })
    }

    /// Every name of the article (common ones left out), sentence by sentence.
    pub(crate) fn names(&self) -> impl Iterator<Item = &Name<'a>> {
        self.names.iter()
    }

    /// The names of the lede (common ones left out), in the order written.
    pub(crate) fn lede(&self) -> &[Name<'a>] {
        match self.sentences.first() {
            Some((_, end)) if self.lede => &self.names[..*end as usize],
            _ => &[],
        }
    }

    /// The story's subject: the first name of the lede (the company or place the
    /// story is about), common names left out.
    pub(crate) fn subject(&self) -> Option<&str> {
        self.lede().first().map(|n| &**n)
    }
}

/// Walks `items`, sorted by day, as a sliding time window: for each item `j`, calls
/// `visit(j, recent)` where `recent` maps each distinct key among the earlier items
/// dated at most `max_days` before it to its `keep` latest such items (oldest first,
/// the latest last; `keep` 1 gives the latest alone, a `keep` above 1 serves a rule
/// whose latest item of a key may be told in other words while an earlier one is told
/// alike); then records `j` among its key's. Each item meets the distinct values of its
/// window, not every earlier item: linear in a group's size (`keep` times the distinct
/// keys). An undated item (sorted first) is in every window, and never holds the
/// window's start back: the dated items before the start leave it.
pub(crate) fn sliding_window<T, K: Ord>(
    items: &[T],
    day: impl Fn(&T) -> Option<i32>,
    key: impl Fn(&T) -> K,
    max_days: i64,
    keep: usize,
    mut visit: impl FnMut(usize, &BTreeMap<K, Vec<usize>>),
) {
    let dated = |i: usize| day(&items[i]).is_some();
    let mut recent: BTreeMap<K, Vec<usize>> = BTreeMap::new();
    let mut start = 0;
    for j in 0..items.len() {
        while start < j && (!dated(start) || !close(day(&items[start]), day(&items[j]), max_days)) {
            start += 1;
        }
        recent.retain(|_, held| {
            held.retain(|&i| i >= start || !dated(i));
            !held.is_empty()
        });
        visit(j, &recent);
        let held = recent.entry(key(&items[j])).or_default();
        held.push(j);
        if held.len() > keep.max(1) {
            held.remove(0);
        }
    }
}

/// Whether two articles' days are at most `max_days` apart (unknown dates are close).
pub(crate) fn close(a: Option<i32>, b: Option<i32>, max_days: i64) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (i64::from(x) - i64::from(y)).abs() <= max_days,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An undated article sorted first once held the window's start, so dated articles
    /// a hundred days apart were still compared.
    #[test]
    fn an_undated_item_is_in_every_window_and_holds_no_start_back() {
        let items = [
            (None, "undated"),
            (Some(0), "day 0"),
            (Some(100), "day 100"),
        ];
        let mut seen = Vec::new();
        sliding_window(
            &items,
            |it| it.0,
            |it| it.1,
            10,
            1,
            |j, latest| {
                let mut met: Vec<&str> = latest.keys().copied().collect();
                met.sort_unstable();
                seen.push((items[j].1, met));
            },
        );
        assert_eq!(
            seen,
            [
                ("undated", vec![]),
                ("day 0", vec!["undated"]),
                ("day 100", vec!["undated"]),
            ]
        );
    }

    /// The recent items of a key: at most `keep`, the latest last, and an item out of
    /// the window gone.
    #[test]
    fn the_window_keeps_the_recent_items_of_each_key() {
        let items = [
            (Some(0), "a"),
            (Some(1), "a"),
            (Some(2), "a"),
            (Some(3), "b"),
            (Some(4), "a"),
            (Some(20), "a"),
        ];
        let mut seen = Vec::new();
        sliding_window(
            &items,
            |it| it.0,
            |it| it.1,
            3,
            2,
            |j, recent| {
                let held: Vec<(&str, Vec<usize>)> =
                    recent.iter().map(|(k, v)| (*k, v.clone())).collect();
                seen.push((j, held));
            },
        );
        assert_eq!(seen[3], (3, vec![("a", vec![1, 2])]));
        assert_eq!(seen[4], (4, vec![("a", vec![1, 2]), ("b", vec![3])]));
        // Every earlier item is out of day 20's window of 3 days.
        assert_eq!(seen[5], (5, vec![]));
    }

    #[test]
    fn a_name_in_a_file_name_or_address_is_not_written_in_lower_case() {
        let words: Vec<&str> = running_words(
            "See herat-wire.md, reuters.com/world/herat and @herat_news; share prices rose \
             in the U.S. at 9 a.m. in Herat.",
        )
        .filter(|w| !w.is_empty())
        .collect();
        assert!(!words.contains(&"herat"), "{words:?}");
        assert!(words.contains(&"share") && words.contains(&"prices"));
        assert!(words.contains(&"Herat") && words.contains(&"U"));
    }

    #[test]
    fn addresses_are_told_from_words() {
        for address in [
            "herat-wire.md",
            "www.example.org",
            "a/b",
            "@user",
            "snake_case",
        ] {
            assert!(is_address(address), "{address}");
        }
        for word in ["Herat.", "U.S.", "non-farm", "3.5", "end.", "\"Yes.\""] {
            assert!(!is_address(word), "{word}");
        }
    }
}
