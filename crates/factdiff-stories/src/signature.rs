//! The map step: one small, serializable signature per article, read from the article
//! alone (its words, its claims and its metadata). Corpus-wide weights (how rare a
//! name or a word is) come later, in the grouping.

use factdiff_claims::{ArticleClaims, ClaimKind, ClaimValue, Lexicons};
use factdiff_corpus::Article;
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use foldhash::fast::FixedState;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle of the passage sketch.
const SHINGLE: usize = 6;
/// Shingle hashes kept per article (the smallest: a bottom-k sketch).
pub(crate) const SKETCH: usize = 64;
/// A content word has at least this many characters.
const MIN_WORD_CHARS: usize = 3;

/// What one article says about its event, in keys the grouping counts and compares:
/// the names it gives, its content words and figures, the dates it gives for what
/// happened, its own date and a sketch of its text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// Names of people, places and organisations (normalized, from the name and
    /// acronym claims; a name of several words also as its last word, so that
    /// "Lohan" meets "Lindsay Lohan"), each with how often the article gives it,
    /// sorted.
    pub names: Vec<(String, u32)>,
    /// Content words (lower case, stop words left out) and figures (`#112 people`),
    /// each with how often, sorted.
    pub words: Vec<(String, u32)>,
    /// The days the article gives for what happened (`2013-05-02`; when something was
    /// said is left out), each with how often, sorted.
    pub dates: Vec<(String, u32)>,
    /// The article's own date (its metadata), if it has one.
    pub date: Option<jiff::civil::Date>,
    /// The smallest hashes of the article's word shingles (a bottom-k sketch), sorted:
    /// two articles that share text share some of them.
    pub passages: Vec<u64>,
    /// The headline's content words (as in `words`), sorted, each once: where a
    /// short report (a dividend or results table) names its subject when its body
    /// names no one.
    #[serde(default)]
    pub headline: Vec<String>,
    /// The tickers its headline names its subject by (`<FSS>`, `<PKWY.O>`, `(NYSE:
    /// IBM)`: a company's identifier on its market), lower case, an exchange suffix
    /// (`.O`, `.TO`) left off, sorted, each once; with none there, the company whose
    /// results the headline tells as its possessive subject (`Travelers Corp.'s
    /// third-quarter net income`: `travelers corp`, the words of `issuer` joined).
    #[serde(default)]
    pub tickers: Vec<String>,
    /// Every ticker the article gives, in its headline or its body (as `tickers`),
    /// sorted, each once: the companies it mentions.
    #[serde(default)]
    pub cited: Vec<String>,
    /// The headline's content words (as in `words`) before its first ticker, back to
    /// its start or to a mark (`,` `/` `:` ` - `): the name it gives the company
    /// (`federal signal corp` of `FEDERAL SIGNAL CORP <FSS> SETS REGULAR DIVIDEND`),
    /// or of the company whose results it tells as its possessive subject.
    #[serde(default)]
    pub issuer: Vec<String>,
}

/// The signature of one article from its text, its claims and its metadata.
pub fn signature(article: &Article, claims: &ArticleClaims, lexicons: &Lexicons) -> Signature {
    signature_with(article, claims, lexicons, true)
}

/// [`signature`] without its sketch (`passages` empty): the grouping takes every
/// article's sketch first ([`article_sketch`]), to find the near-copies before the
/// rest of a signature is interned (issue 14).
pub(crate) fn unsketched(
    article: &Article,
    claims: &ArticleClaims,
    lexicons: &Lexicons,
) -> Signature {
    signature_with(article, claims, lexicons, false)
}

/// An article's sketch, as its [`signature`] holds it (sorted, each hash once).
pub(crate) fn article_sketch(article: &Article) -> Box<[u64]> {
    let lower: Vec<Cow<'_, str>> = article
        .body_words()
        .map(|(_, word)| content_form(word))
        .collect();
    sketch(&lower).into_boxed_slice()
}

fn signature_with(
    article: &Article,
    claims: &ArticleClaims,
    lexicons: &Lexicons,
    with_sketch: bool,
) -> Signature {
    let mut names: Vec<String> = Vec::new();
    // Figures and the headline's words: owned, as they are not words of the body.
    let mut extra: Vec<String> = Vec::new();
    let mut dates: Vec<String> = Vec::new();
    // The body's words, segmented once: the lower-case test, the content words and
    // the sketch all read them.
    let body: Vec<&str> = article.body_words().map(|(_, word)| word).collect();
    // The words the article itself writes in lower case: common nouns and verbs. A
    // capitalized one ("Church" opening a sentence, "Center" of a clinic's name, a
    // headline in title case) names no one, so it is no name key: its rarity would
    // make two unrelated reports of a fire or a clinic look like one event.
    // Only the words of the names are asked about: the body's words are looked up in
    // the small set of those, not each put in a set of their own.
    let is_name = |normalized: &str| normalized.len() >= 2 && !lexicons.is_stopword(normalized);
    let asked: HashSet<&str, FixedState> = claims
        .names()
        .iter()
        .filter(|name| is_name(&name.normalized))
        .flat_map(|name| name.normalized.split(' '))
        .collect();
    let lowercase: HashSet<&str, FixedState> = if asked.is_empty() {
        HashSet::default()
    } else {
        body.iter()
            .copied()
            .filter(|w| {
                asked.contains(w)
                    && w.chars().any(char::is_alphabetic)
                    && !w.chars().any(char::is_uppercase)
            })
            .collect()
    };
    let common = |word: &str| lowercase.contains(word);
    // The names, then the other claims: each list is counted sorted, whatever the
    // order it is read in.
    for name in claims.names() {
        let normalized = &name.normalized;
        // A function word in capitals ("AN AUSTRALIAN climber") names no one,
        // whether read as a name or as an acronym.
        if !is_name(normalized) {
            continue;
        }
        // Every word of it is written in lower case elsewhere: a capitalized phrase
        // ("Check Into Different Rehab Centre"), not a name.
        if normalized.split(' ').all(common) {
            continue;
        }
        if let Some((_, last)) = normalized.rsplit_once(' ')
            && last.chars().count() >= MIN_WORD_CHARS
            && !lexicons.is_stopword(last)
            && !common(last)
        {
            names.push(last.to_owned());
        }
        names.push(normalized.to_string());
    }
    for claim in claims.others() {
        match (&claim.kind, &claim.value) {
            (ClaimKind::Acronym, ClaimValue::Acronym { short, .. }) => {
                let short = short.to_lowercase();
                if !lexicons.is_stopword(&short) {
                    names.push(short);
                }
            }
            (ClaimKind::Quantity | ClaimKind::Money, ClaimValue::Interval(i))
                if i.min.is_some() && i.min == i.max && !i.unit.is_empty() =>
            {
                if let Some(min) = i.min {
                    extra.push(format!("#{min} {}", i.unit));
                }
            }
            (ClaimKind::Date, ClaimValue::Date(timex)) if !timex.reporting && !timex.invalid => {
                if let (Some(y), Some(m), Some(d)) = (timex.year, timex.month, timex.day) {
                    dates.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
            _ => {}
        }
    }
    let keep = |w: &str| {
        // A character is one to four bytes: most words are decided by their length.
        (w.len() >= 4 * MIN_WORD_CHARS
            || (w.len() >= MIN_WORD_CHARS && w.chars().count() >= MIN_WORD_CHARS))
            && (w.bytes().any(|b| b.is_ascii_alphabetic()) || w.chars().any(char::is_alphabetic))
            && !lexicons.is_stopword(w)
    };
    let lower: Vec<Cow<'_, str>> = body.iter().map(|word| content_form(word)).collect();
    // The headline says what the event is in the fewest words: its words count once
    // more (when it is also the body's first line, as in a plain-text article, that is
    // the emphasis a headline deserves).
    let mut headline: Vec<String> = Vec::new();
    for word in unicode_words(&article.meta.title) {
        let w = content_form(word);
        if keep(&w) {
            headline.push(w.to_string());
            extra.push(w.into_owned());
        }
    }
    headline.sort_unstable();
    headline.dedup();
    headline.shrink_to_fit();
    let title = &article.meta.title;
    let mut tickers = tickers_in(title);
    let issuer: Vec<String> = tickers
        .first()
        .map(|(at, _)| {
            // A company's name in brackets is its own name.
            let bracketed = &title[*at..];
            if let Some(end) = bracketed.find('>')
                && !TICKER_SYMBOL.is_match(&bracketed[..=end])
                && bracketed.starts_with('<')
            {
                return unicode_words(&bracketed[1..end])
                    .map(content_form)
                    .filter(|w| keep(w))
                    .map(Cow::into_owned)
                    .collect();
            }
            let before = &title[..*at];
            // The clause the ticker ends: after the last mark before it.
            let clause = before
                .char_indices()
                .filter(|(_, c)| matches!(c, ',' | '/' | ':' | ';' | '(' | '\u{2013}' | '\u{2014}'))
                .map(|(i, c)| i + c.len_utf8())
                .chain(before.rfind(" - ").map(|i| i + 3))
                .max()
                .map_or(before, |i| &before[i..]);
            unicode_words(clause)
                .map(content_form)
                .filter(|w| keep(w))
                .map(Cow::into_owned)
                .collect()
        })
        .unwrap_or_default();
    // No ticker: a company's results told the wires' way name it as the possessive
    // subject of the headline (`Travelers Corp.'s third-quarter net income rose`),
    // which stands for its ticker.
    let issuer = match results_of(title) {
        Some(name) if tickers.is_empty() => {
            let words: Vec<String> = unicode_words(name)
                .map(content_form)
                .filter(|w| keep(w))
                .map(Cow::into_owned)
                .collect();
            tickers.push((0, words.join(" ")));
            words
        }
        _ => issuer,
    };
    let mut cited: Vec<String> = tickers_in(&article.text)
        .into_iter()
        .chain(tickers.iter().cloned())
        .map(|(_, t)| t)
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let mut tickers: Vec<String> = tickers.drain(..).map(|(_, t)| t).collect();
    tickers.sort_unstable();
    tickers.dedup();
    let words: Vec<&str> = lower
        .iter()
        .map(|w| &**w)
        .filter(|w| keep(w))
        .chain(extra.iter().map(String::as_str))
        .collect();
    Signature {
        names: counted(names.iter().map(String::as_str).collect()),
        words: counted(words),
        dates: counted(dates.iter().map(String::as_str).collect()),
        date: article.meta.date,
        passages: if with_sketch {
            sketch(&lower)
        } else {
            Vec::new()
        },
        headline,
        tickers,
        cited,
        issuer,
    }
}

/// A ticker as news writes it: in angle brackets, Reuters' way (`<FSS>`, `<PKWY.O>`,
/// `<CLT.TO>`), after the exchange's name in parentheses, the wires' way (`(NYSE:
/// IBM)`, `(Nasdaq: AAPL)`), or as an instrument code in parentheses, Reuters' later
/// way (`(MNTR.O)`, `(BP.L)`: the exchange's suffix is required there, so that an
/// acronym in parentheses, `(CEO)`, is not read as one); an exchange suffix is left
/// off. Reuters brackets the
/// name of a company that has no ticker in its place (`<Smoky River Coal Ltd>`): that
/// name, in lower case, stands for it.
static TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<([A-Z][A-Z0-9&]{0,5})(?:\.[A-Z]{1,3})?>|\((?:NYSE|NYSE American|NYSE MKT|NYSE Arca|NASDAQ|Nasdaq|AMEX|TSX|TSXV|TSX-V|LSE|ASX|OTC|OTCQX|OTCQB|Euronext)\s*:\s*([A-Z][A-Z0-9&]{0,5})(?:\.[A-Z]{1,3})?\)|<([A-Z][A-Za-z0-9&.,'/ -]{2,80})>|\(([A-Z][A-Z0-9&]{0,5})\.[A-Z]{1,2}\)",
    )
    .expect("the ticker pattern is valid")
});

/// A headline (or an opening sentence standing for one) that tells a company's
/// results with the company as its possessive subject, the wires' way: `Travelers
/// Corp.'s third-quarter net income rose 11%`, `Aetna Life & Casualty Co.'s
/// third-quarter net income fell`, `ACME INC'S FIRST QUARTER NET`. The name: capitalized
/// words from the start, a joiner between two of them (`&`, or a short lower-case word:
/// `and`, `of`, `de`, `van`; the `amp` a stripped `&amp;` leaves), then `'s`, the period
/// (third-quarter, quarterly, fiscal 1991: required, so that `Nakasone's sales tax
/// plan` is no company's results) and the results.
static RESULTS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([A-Z][\w&.-]*(?:\s+(?:(?:&|&amp;|[a-z]{1,3})\s+)?[A-Z][\w&.-]*){0,7})(?:'[sS]|’[sS]|'|’)\s+(?i:(?:(?:first|second|third|fourth)[- ]quarter|(?:first|second)[- ]half|quarterly|annual|fiscal|full[- ]year|nine[- ]months?|six[- ]months?|half[- ]year|year-end|year|\d{4})\s+){1,3}(?i:net\s+income|net\s+loss|net\s+profit|net|profits?|earnings|results|revenues?|sales|operating\s+(?:profit|income|loss))\b",
    )
    .expect("the results pattern is valid")
});

/// The company whose results a headline tells as its possessive subject (see
/// [`RESULTS_OF`]), as the headline writes it.
fn results_of(title: &str) -> Option<&str> {
    RESULTS_OF
        .captures(title)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// A bracketed ticker alone (not a company's name in brackets).
static TICKER_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<[A-Z][A-Z0-9&]{0,5}(?:\.[A-Z]{1,3})?>$").expect("the symbol pattern is valid")
});

/// The tickers of a text (and the names Reuters brackets in their place), in order,
/// each with the byte where it starts, lower case.
fn tickers_in(text: &str) -> Vec<(usize, String)> {
    TICKER
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            if let Some(symbol) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(4)) {
                return Some((whole.start(), symbol.as_str().to_ascii_lowercase()));
            }
            let name = c.get(3)?.as_str();
            let name: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            Some((whole.start(), name.join(" ")))
        })
        .collect()
}

/// A word as the signature counts it: lower case, a typographic apostrophe made
/// straight, a possessive `'s` left off.
/// Borrowed when the word is already in that form (most words of running text), so
/// that the words of an article are not copied one allocation each.
fn content_form(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(word.strip_suffix("'s").unwrap_or(word));
    }
    let mut w = if word.is_ascii() {
        // `to_lowercase` of ASCII text, without its general path.
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase().replace('’', "'")
    };
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    }
    Cow::Owned(w)
}

/// The words of a title: runs of letters, digits and inner apostrophes.
fn unicode_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// Each distinct string with how often it occurs, sorted.
fn counted(mut items: Vec<&str>) -> Vec<(String, u32)> {
    items.sort_unstable();
    let mut out: Vec<(String, u32)> = Vec::new();
    for item in items {
        match out.last_mut() {
            Some((last, n)) if last == item => *n += 1,
            _ => out.push((item.to_owned(), 1)),
        }
    }
    out.shrink_to_fit();
    out
}

/// The [`SKETCH`] smallest distinct hashes of the word shingles, sorted.
fn sketch(words: &[Cow<'_, str>]) -> Vec<u64> {
    if words.len() < SHINGLE {
        return Vec::new();
    }
    // The words joined by spaces once, each word's start noted: a shingle is the
    // slice from its first word's start to its last word's end, the same bytes as its
    // words joined by spaces, so the same hash, without copying each word six times.
    let mut joined = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    let mut starts: Vec<usize> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        starts.push(joined.len());
        joined.push_str(word);
    }
    let bytes = joined.as_bytes();
    let mut hashes: Vec<u64> = (0..=words.len() - SHINGLE)
        .map(|i| {
            let last = i + SHINGLE - 1;
            xxh3_64(&bytes[starts[i]..starts[last] + words[last].len()])
        })
        .collect();
    smallest_distinct(&mut hashes);
    hashes
}

/// Leaves in `hashes` its [`SKETCH`] smallest distinct values, sorted.
fn smallest_distinct(hashes: &mut Vec<u64>) {
    if hashes.len() > SKETCH {
        // The SKETCH smallest, with their repeats, first; when they hold no repeat
        // they are the SKETCH smallest distinct values (a value equal to the largest
        // of them is that value again). Otherwise, everything sorted.
        hashes.select_nth_unstable(SKETCH - 1);
        let head = &mut hashes[..SKETCH];
        head.sort_unstable();
        if head.windows(2).all(|w| w[0] < w[1]) {
            hashes.truncate(SKETCH);
            hashes.shrink_to_fit();
            return;
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    hashes.truncate(SKETCH);
    // Kept with the signature: not the capacity of every shingle of the article.
    hashes.shrink_to_fit();
}

/// The estimated resemblance (Jaccard) of two articles' shingle sets from their
/// bottom-k sketches (each sorted, without repeats): of the k smallest hashes of the
/// union, the share both hold.
pub(crate) fn resemblance(a: &[u64], b: &[u64]) -> f64 {
    // The union walked in order while both sides have hashes left, without a branch
    // on which side is smaller (two sketches' order is a coin toss for the branch
    // predictor); then the rest of the longer side, which both cannot hold.
    let (mut i, mut j, mut taken, mut both) = (0, 0, 0usize, 0usize);
    while taken < SKETCH && i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        both += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
        taken += 1;
    }
    taken += (SKETCH - taken).min(a.len() - i + b.len() - j);
    if taken == 0 {
        0.0
    } else {
        both as f64 / taken as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`resemblance`] as first written: one step of the union at a time.
    fn resemblance_stepwise(a: &[u64], b: &[u64]) -> f64 {
        let (mut i, mut j, mut taken, mut both) = (0, 0, 0usize, 0usize);
        while taken < SKETCH && (i < a.len() || j < b.len()) {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => i += 1,
                (Some(_), Some(_)) => j += 1,
                (Some(_), None) => i += 1,
                (None, _) => j += 1,
            }
            taken += 1;
        }
        if taken == 0 {
            0.0
        } else {
            both as f64 / taken as f64
        }
    }

    #[test]
    fn resemblance_is_that_of_the_union_walked_step_by_step() {
        // Sketches of 0 to 70 hashes drawn from small ranges, so that they share some.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut draw = |range: u64| {
            let mut v: Vec<u64> = (0..next() % 71).map(|_| next() % range).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for i in 0..2_000 {
            let range = 20 + i % 300;
            let (a, b) = (draw(range), draw(range));
            assert_eq!(
                resemblance(&a, &b).to_bits(),
                resemblance_stepwise(&a, &b).to_bits(),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn the_sketch_is_the_smallest_distinct_shingle_hashes() {
        let text: Vec<String> = (0..400).map(|i| format!("w{}", (i * 7) % 90)).collect();
        for len in [0, 5, 6, 7, 60, 69, 70, 71, 400] {
            let words: Vec<Cow<'_, str>> =
                text[..len].iter().map(|w| Cow::from(w.as_str())).collect();
            let mut expected: Vec<u64> = words
                .windows(SHINGLE)
                .map(|w| xxh3_64(w.join(" ").as_bytes()))
                .collect();
            expected.sort_unstable();
            expected.dedup();
            expected.truncate(SKETCH);
            assert_eq!(sketch(&words), expected, "{len} words");
        }
        // Repeats among the smallest.
        let mut hashes: Vec<u64> = (0..100).map(|i| i % 70).collect();
        smallest_distinct(&mut hashes);
        assert_eq!(hashes, (0..64).collect::<Vec<u64>>());
    }

    #[test]
    fn resemblance_of_sketches() {
        let a: Vec<u64> = (0..64).collect();
        assert_eq!(resemblance(&a, &a), 1.0);
        let b: Vec<u64> = (64..128).collect();
        assert_eq!(resemblance(&a, &b), 0.0);
        let c: Vec<u64> = (0..64).step_by(2).chain(200..232).collect();
        let r = resemblance(&a, &c);
        assert!(r > 0.3 && r < 0.7, "{r}");
        assert_eq!(resemblance(&[], &[]), 0.0);
    }

    #[test]
    fn tickers_as_news_writes_them() {
        let found = |text: &str| -> Vec<(usize, String)> { tickers_in(text) };
        assert_eq!(
            found("FEDERAL SIGNAL CORP <FSS> SETS REGULAR DIVIDEND"),
            [(20, "fss".to_owned())]
        );
        // An exchange suffix is left off; two companies, in order.
        assert_eq!(
            found("STANDARD OIL <SRD> LEASES CRAY <CYR.O> COMPUTER"),
            [(13, "srd".to_owned()), (31, "cyr".to_owned())]
        );
        assert_eq!(
            found("Northwind Freight (NASDAQ: NWFT) and Quarry Point (NYSE:QPM) agree"),
            [(18, "nwft".to_owned()), (50, "qpm".to_owned())]
        );
        // A company's name in brackets stands for its ticker, in any case.
        assert_eq!(
            found("said its <Smoky River Coal  Ltd> unit"),
            [(9, "smoky river coal ltd".to_owned())]
        );
        // An instrument code in parentheses, its exchange's suffix left off.
        assert_eq!(
            found("MENTOR GRAPHICS (MNTR.O) TO BUY BACK SHARES"),
            [(16, "mntr".to_owned())]
        );
        // Markup, a plain parenthesis, an acronym or initials in parentheses: no
        // ticker.
        assert!(found("The <b>bold</b> claim (CEO: Smith)").is_empty());
        assert!(found("the chief executive (CEO) of the U.S. unit (U.S.)").is_empty());
    }

    #[test]
    fn the_headline_names_its_company_before_its_ticker() {
        let lexicons = Lexicons::builtin();
        let sig = |title: &str, body: &str| {
            let corpus = factdiff_corpus::Corpus::from_inputs(vec![factdiff_corpus::Input {
                path: "a.md".into(),
                bytes: format!("---\ntitle: \"{title}\"\n---\n{body}\n").into_bytes(),
            }]);
            let article = &corpus.articles[0];
            signature(
                article,
                &factdiff_claims::ArticleClaims::extract(article, &lexicons),
                &lexicons,
            )
        };
        let s = sig(
            "TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER",
            "BankAmerica Corp's offer follows <Security Pacific Corp> and First Interstate \
             <I.N> filings.",
        );
        assert_eq!(s.tickers, ["bac"]);
        assert_eq!(s.cited, ["bac", "i", "security pacific corp"]);
        assert_eq!(s.issuer, ["bankamerica"]);
        let s = sig(
            "CORRECTED - PEGASUS GOLD INC<PGULF> 4TH QTR NET",
            "Shr 12 cts",
        );
        assert_eq!(s.issuer, ["pegasus", "gold", "inc"]);
        // A company's name in brackets is the name the headline gives it.
        let s = sig(
            "<TOPPS CO INC> FILES FOR INITIAL OFFERING",
            "Topps Co Inc said it filed.",
        );
        assert_eq!(s.tickers, ["topps co inc"]);
        assert_eq!(s.issuer, ["topps", "inc"]);
        // No ticker in the headline: no issuer, whatever the body cites.
        let s = sig(
            "Regular dividend declared",
            "Federal Signal Corp <FSS> said.",
        );
        assert!(s.tickers.is_empty() && s.issuer.is_empty());
        assert_eq!(s.cited, ["fss"]);
    }

    #[test]
    fn a_company_whose_results_the_headline_tells_as_its_possessive_subject_stands_for_a_ticker() {
        assert_eq!(
            results_of("Travelers Corp.'s third-quarter net income rose 11%"),
            Some("Travelers Corp.")
        );
        assert_eq!(
            results_of("Aetna Life amp Casualty Co.'s third-quarter net income fell 22%"),
            Some("Aetna Life amp Casualty Co.")
        );
        assert_eq!(
            results_of("Bank of Boston's quarterly profit doubled"),
            Some("Bank of Boston")
        );
        assert_eq!(
            results_of("Banco de Chile's third-quarter profit rose"),
            Some("Banco de Chile")
        );
        assert_eq!(
            results_of("Smith and Wesson's annual sales fell"),
            Some("Smith and Wesson")
        );
        assert_eq!(results_of("ACME INC'S FIRST QUARTER NET"), Some("ACME INC"));
        assert_eq!(
            results_of("Apple's fiscal fourth-quarter revenue beat forecasts"),
            Some("Apple")
        );
        // A possessive subject of other news, results of no period, or results of no
        // one named first: none.
        assert_eq!(
            results_of("NAKASONE'S SALES TAX PLAN SUFFERS ANOTHER DENT"),
            None
        );
        assert_eq!(results_of("Acme's sales rose"), None);
        assert_eq!(
            results_of("Lindsay Lohan's lawyer says she is in rehab"),
            None
        );
        assert_eq!(
            results_of("Chargers' Jamal Williams arrested on DUI suspicion"),
            None
        );
        assert_eq!(
            results_of("Third-quarter net income at Travelers rose"),
            None
        );
        assert_eq!(results_of("the company's third-quarter net rose"), None);

        let lexicons = Lexicons::builtin();
        let corpus = factdiff_corpus::Corpus::from_inputs(vec![factdiff_corpus::Input {
            path: "a.md".into(),
            bytes: b"---\ntitle: \"Travelers Corp.'s third-quarter net income rose 11%\"\n---\n\
                     Travelers Corp.'s third-quarter net income rose 11%.\n"
                .to_vec(),
        }]);
        let article = &corpus.articles[0];
        let s = signature(
            article,
            &ArticleClaims::extract(article, &lexicons),
            &lexicons,
        );
        assert_eq!(s.tickers, ["travelers corp"]);
        assert_eq!(s.issuer, ["travelers", "corp"]);
        // A ticker in the headline is the company's identifier, whatever else it says.
        let corpus = factdiff_corpus::Corpus::from_inputs(vec![factdiff_corpus::Input {
            path: "b.md".into(),
            bytes: b"---\ntitle: \"Acme's <ACME> first quarter net\"\n---\nShr 1 ct\n".to_vec(),
        }]);
        let article = &corpus.articles[0];
        let s = signature(
            article,
            &ArticleClaims::extract(article, &lexicons),
            &lexicons,
        );
        assert_eq!(s.tickers, ["acme"]);
    }

    #[test]
    fn counted_counts_and_sorts() {
        assert_eq!(
            counted(vec!["b", "a", "b"]),
            vec![("a".to_owned(), 1), ("b".to_owned(), 2)]
        );
    }
}
