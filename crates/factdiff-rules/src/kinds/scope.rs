//! What two claims must share to be about the same thing, beyond their measure and
//! unit: the subject (a named entity of the claim's sentence, else of the article's
//! lede, that is not so common that it names nothing in particular), the period (the
//! dates and period words of the sentence: "first quarter", "the year", "week ended
//! February 22"), and the time (articles dated close together). Derived here from the
//! claims and the text, for the kinds that compare claims across articles.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use factdiff_claims::{Claim, ClaimKind, ClaimValue};
use rayon::prelude::*;

use super::Cx;

/// The most names kept per sentence (the first ones).
pub(crate) const MAX_NAMES: usize = 4;

/// A name found in more articles than this share of the corpus (and more than
/// [`MIN_COMMON`]) names nothing in particular ("U.S.", "Reuters").
const COMMON_SHARE: f64 = 0.01;
const MIN_COMMON: usize = 20;

/// Words that name the period a figure is for.
const PERIOD_WORDS: &[&str] = &[
    "quarter",
    "quarters",
    "qtr",
    "qtrs",
    "quarterly",
    "half",
    "year",
    "years",
    "yr",
    "yrs",
    "annual",
    "annually",
    "month",
    "months",
    "mth",
    "mths",
    "monthly",
    "week",
    "weeks",
    "weekly",
    "wk",
    "wks",
    "day",
    "days",
    "daily",
    "fiscal",
    "first",
    "second",
    "third",
    "fourth",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "ytd",
    "season",
    "cumulative",
    "prior",
    "previous",
    "year-ago",
    "year-earlier",
    "ago",
    "earlier",
    "last",
    "next",
    "since",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "midnight",
];

/// Verbs that, before "to", make the figure after them an update ("was increased to
/// 33 mln shares"): an earlier, different figure is what it replaced.
const CHANGE_VERBS: &[&str] = &[
    "increased",
    "raised",
    "rose",
    "lifted",
    "boosted",
    "cut",
    "lowered",
    "reduced",
    "revised",
    "climbed",
    "fell",
    "dropped",
    "expanded",
    "trimmed",
    "amended",
    "adjusted",
    "extended",
    "hiked",
    "jumped",
    "grew",
    "declined",
    "eased",
    "soared",
    "swelled",
];

/// Words that may stand between an amount and the thing it is an amount of.
const LINK_WORDS: &[&str] = &["of", "in", "for", "worth", "a", "an", "the"];

/// Words right before a figure that make it the other side of a comparison ("up from
/// 12", "against 5.81", "compared with 3.2"): a figure of another period or place.
const BEFORE_OTHER: &[&str] = &[
    "from", "against", "vs", "versus", "compared", "than", "over", "prior", "previous",
];

/// Tokens that make a whole sentence a comparison table ("Shr 34 cts vs 1.19 dlrs").
const TABLE_WORDS: &[&str] = &["vs", "versus"];

/// A normalized name, borrowed from its claim where it can be.
pub(crate) type Name<'a> = std::borrow::Cow<'a, str>;

/// Per article: the subject names of each sentence and of the lede, the period of
/// each sentence, and the article's day.
pub(crate) struct ArticleScope<'a> {
    /// Sentence index -> its names (normalized, common ones left out), borrowed from
    /// the claims (an acronym's lower-case form is the one copy).
    sentence_names: BTreeMap<u32, Vec<Name<'a>>>,
    /// The names of the first sentence that has any (the lede).
    lede: Vec<Name<'a>>,
    /// Sentence index -> its period signature.
    periods: BTreeMap<u32, Period>,
    /// Sentences that compare figures side by side ("vs").
    tables: BTreeSet<u32>,
    /// The article's date as a day number.
    pub day: Option<i32>,
}

/// The period a sentence's figures are for: its period words and its dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Period {
    pub words: Vec<&'static str>,
    pub dates: Vec<String>,
}

impl Period {
    /// Whether figures of the two periods may be about the same thing: the same period
    /// words, and, when both give dates, a date in common.
    pub(crate) fn compatible(&self, other: &Period) -> bool {
        self.words == other.words
            && (self.dates.is_empty()
                || other.dates.is_empty()
                || self.dates.iter().any(|d| other.dates.contains(d)))
    }
}

/// Lower-case word tokens of a text (letters, digits, inner hyphens and dots).
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(not_word_char)
        .map(trim_word)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The last `n` words of a text, last first: [`words`] read from the end, without
/// tokenizing the rest.
fn last_words(text: &str, n: usize) -> Vec<String> {
    text.rsplit(not_word_char)
        .map(trim_word)
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

fn not_word_char(c: char) -> bool {
    !(c.is_alphanumeric() || c == '-' || c == '.' || c == '\'')
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| c == '.' || c == '-' || c == '\'')
}

/// Which of some words (lower case) the corpus also writes in lower case. One pass
/// over every article's words, without an allocation per word.
pub(crate) fn written_lower<'w>(cx: &Cx<'_>, candidates: &HashSet<&'w str>) -> HashSet<&'w str> {
    cx.corpus
        .articles
        .par_iter()
        .fold(HashSet::new, |mut found, a| {
            for w in a.text[a.body.range()].split(|c: char| !c.is_alphanumeric()) {
                if w.starts_with(char::is_lowercase)
                    && !w.chars().any(char::is_uppercase)
                    && let Some(c) = candidates.get(w)
                {
                    found.insert(*c);
                }
            }
            found
        })
        .reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            a
        })
}

/// The scopes of every article, with the corpus-wide common names left out.
pub(crate) fn scopes<'a>(cx: &Cx<'a>) -> Vec<ArticleScope<'a>> {
    // Names per article, then their document frequency.
    let names: Vec<BTreeMap<u32, Vec<Name<'a>>>> = cx
        .claims
        .par_iter()
        .map(|claims| {
            let mut by_sentence: BTreeMap<u32, Vec<Name<'a>>> = BTreeMap::new();
            for claim in claims {
                // Names and acronyms ("TWA offered ...") in the order written.
                let name = match &claim.value {
                    ClaimValue::Name { normalized } => Name::Borrowed(normalized.as_str()),
                    ClaimValue::Acronym { short, .. } => Name::Owned(short.to_lowercase()),
                    _ => continue,
                };
                let list = by_sentence.entry(claim.sentence).or_default();
                if !list.contains(&name) {
                    list.push(name);
                }
            }
            by_sentence
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for by_sentence in &names {
        let distinct: BTreeSet<&str> = by_sentence.values().flatten().map(|n| &**n).collect();
        for name in distinct {
            *df.entry(name).or_default() += 1;
        }
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
    names
        .into_par_iter()
        .enumerate()
        .map(|(article, by_sentence)| {
            let sentence_names: BTreeMap<u32, Vec<Name<'a>>> = by_sentence
                .into_iter()
                .map(|(s, list)| {
                    let kept: Vec<Name<'a>> = list
                        .into_iter()
                        .filter(|n| !common.contains(&**n))
                        .take(MAX_NAMES)
                        .collect();
                    (s, kept)
                })
                .filter(|(_, list)| !list.is_empty())
                .collect();
            let lede = sentence_names
                .iter()
                .next()
                .filter(|(s, _)| **s <= 1)
                .map(|(_, l)| l.clone())
                .unwrap_or_default();
            let claims = &cx.claims[article];
            let a = cx.article(article);
            let mut periods: BTreeMap<u32, Period> = BTreeMap::new();
            let mut tables = BTreeSet::new();
            let sentences: BTreeSet<u32> = claims
                .iter()
                .filter(|c| figure_or_date(c))
                .map(|c| c.sentence)
                .collect();
            for s in sentences {
                let Some(sentence) = a.sentences.get(s as usize) else {
                    continue;
                };
                let mut period = Period::default();
                // The words as in `words`, compared without a lower-case copy each (the
                // listed words are ASCII).
                let sentence_words = a
                    .slice(sentence.span)
                    .split(not_word_char)
                    .map(trim_word)
                    .filter(|w| !w.is_empty());
                for w in sentence_words {
                    if TABLE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                        tables.insert(s);
                    }
                    if let Some(p) = PERIOD_WORDS.iter().find(|p| p.eq_ignore_ascii_case(w)) {
                        period.words.push(p);
                    }
                }
                period.words.sort_unstable();
                period.words.dedup();
                periods.insert(s, period);
            }
            for claim in claims {
                if let ClaimValue::Date(t) = &claim.value
                    && !t.reporting
                    && let Some(p) = periods.get_mut(&claim.sentence)
                {
                    p.dates.push(t.value.clone());
                }
            }
            for p in periods.values_mut() {
                p.dates.sort();
                p.dates.dedup();
            }
            let day = a.meta.date.map(|d| {
                d.since(jiff::civil::date(1970, 1, 1))
                    .map_or(0, |span| span.get_days())
            });
            ArticleScope {
                sentence_names,
                lede,
                periods,
                tables,
                day,
            }
        })
        .collect()
}

fn figure_or_date(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent | ClaimKind::Date
    )
}

impl<'a> ArticleScope<'a> {
    /// The names of a sentence (common ones left out).
    pub(crate) fn sentence_names(&self, sentence: u32) -> &[Name<'a>] {
        self.sentence_names
            .get(&sentence)
            .map_or(&[], Vec::as_slice)
    }

    /// The story's subject: the first name of the lede (the company or place the
    /// story is about), common names left out.
    pub(crate) fn subject(&self) -> Option<&str> {
        self.lede.first().map(|n| &**n)
    }

    /// The period of a sentence.
    pub(crate) fn period(&self, sentence: u32) -> &Period {
        static NONE: Period = Period {
            words: Vec::new(),
            dates: Vec::new(),
        };
        self.periods.get(&sentence).unwrap_or(&NONE)
    }

    /// Whether the sentence sets figures side by side ("Shr 34 cts vs 1.19 dlrs").
    pub(crate) fn is_table(&self, sentence: u32) -> bool {
        self.tables.contains(&sentence)
    }
}

/// Whether the words right before a figure make it the other side of a comparison
/// ("up from 12 mln", "against 5.81 mln"), or the words after it date it to another
/// period ("a year ago", "last year").
pub(crate) fn is_comparison(text: &str, start: usize, end: usize) -> bool {
    for w in &last_words(&text[..start], 2) {
        if BEFORE_OTHER.contains(&w.as_str()) {
            return true;
        }
    }
    let after: Vec<String> = words(&text[end..]).take(5).collect();
    let after = format!(" {} ", after.join(" "));
    [
        "a year ago",
        "a year earlier",
        "year ago",
        "year earlier",
        "last year",
        "the previous",
        "the prior",
        "previously",
        "a year before",
    ]
    .iter()
    .any(|p| after.contains(&format!(" {p} ")))
}

/// Whether the figure at `start` is the new value of a change ("increased to 33 mln").
pub(crate) fn is_update(text: &str, start: usize) -> bool {
    let before = last_words(&text[..start], 6);
    let last: Vec<&str> = before.iter().map(String::as_str).collect();
    last.contains(&"to") && last.iter().any(|w| CHANGE_VERBS.contains(w))
}

/// The thing an amount is of, when its measure is unknown: the first content word
/// after it ("a $2bn loan" -> `loan`, "400 mln dlrs of bonds" -> `bonds`), lower case
/// and in its singular form; `None` when punctuation or a verb-like word comes first.
pub(crate) fn thing_after(text: &str, end: usize) -> Option<String> {
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
        if LINK_WORDS.contains(&word) {
            if n >= 2 {
                return None;
            }
            continue;
        }
        if word.len() < 3
            || ["per", "and", "or", "to", "from", "at", "on", "by", "as"].contains(&word)
        {
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

/// Walks `items`, sorted by day, as a sliding time window: for each item `j`, calls
/// `visit(j, latest)` where `latest` maps each distinct key among the earlier items
/// dated at most `max_days` before it to the latest such item; then records `j` as the
/// latest of its key. Each item meets the distinct values of its window, not every
/// earlier item: linear in a group's size.
pub(crate) fn sliding_window<T, K: Ord>(
    items: &[T],
    day: impl Fn(&T) -> Option<i32>,
    key: impl Fn(&T) -> K,
    max_days: i64,
    mut visit: impl FnMut(usize, &BTreeMap<K, usize>),
) {
    let mut latest: BTreeMap<K, usize> = BTreeMap::new();
    let mut start = 0;
    for j in 0..items.len() {
        while start < j && !close(day(&items[start]), day(&items[j]), max_days) {
            start += 1;
        }
        latest.retain(|_, &mut i| i >= start);
        visit(j, &latest);
        latest.insert(key(&items[j]), j);
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

    #[test]
    fn last_words_are_the_tail_of_words_reversed() {
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
                assert_eq!(last_words(text, n), tail, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn comparisons_and_updates() {
        let text = "profits rose to 33 mln dlrs, up from 12 mln a year ago";
        let at = |s: &str| text.find(s).unwrap();
        assert!(is_update(text, at("33")));
        assert!(!is_comparison(text, at("33"), at("33") + 2));
        assert!(is_comparison(text, at("12"), at("12") + 2));
        assert!(!is_update("profits were 33 mln", 13));
    }
}
