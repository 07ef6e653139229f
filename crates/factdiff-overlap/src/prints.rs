//! The map step: one article to its word tokens, winnowed shingle fingerprints and
//! sentence fingerprints. The output is serializable, so that the map can run on other
//! machines than the group-and-compare steps.

use factdiff_corpus::{Article, Span};
use serde::{Deserialize, Serialize};

/// What the map step keeps of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticlePrints {
    /// The article's index in the corpus.
    pub article: u32,
    /// One hash per word of the body (lower-cased, apostrophes folded).
    pub tokens: Vec<u32>,
    /// Winnowed shingle fingerprints, sorted and unique.
    pub marks: Vec<u64>,
    /// The body's sentences, as word ranges with a hash of their words.
    pub sentences: Vec<SentencePrint>,
    /// The article's date as a day number (days since 1970-01-01), when it has one:
    /// templates and stock phrases recur on other days, copies of one story come out
    /// within days of each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i32>,
}

/// A sentence as the overlap engine sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentencePrint {
    /// Hash of the sentence's tokens.
    pub hash: u64,
    /// First word (index into the body's words).
    pub first_word: u32,
    /// One past the last word.
    pub end_word: u32,
}

/// Lower-cases a word and folds typographic apostrophes, so that `Morocco’s` and
/// `morocco's` are the same token.
pub fn normalize_word(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The hash of a normalized word. Its lowest bit says whether the word holds a digit
/// (see [`is_number`]).
pub fn token_hash(normalized: &str) -> u32 {
    let h = xxhash_rust::xxh3::xxh3_64(normalized.as_bytes());
    let h = (h ^ (h >> 32)) as u32;
    let digit = normalized.bytes().any(|b| b.is_ascii_digit());
    (h & !1) | u32::from(digit)
}

/// The tokens of a list of words, sorted and unique, for `binary_search`.
pub fn word_tokens<S: AsRef<str>>(words: &[S]) -> Vec<u32> {
    let mut buf = String::new();
    let mut v: Vec<u32> = words
        .iter()
        .map(|w| {
            normalize_word(w.as_ref(), &mut buf);
            token_hash(&buf)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether a token is a number (its word holds a digit).
pub fn is_number(token: u32) -> bool {
    token & 1 == 1
}

/// The tokens of a text (not an article): for tests, the evaluations and `diff`.
pub fn text_tokens(text: &str) -> Vec<u32> {
    let mut buf = String::new();
    words_of(text)
        .map(|(_, w)| word_token(w, &mut buf))
        .collect()
}

/// Words of a plain text with their byte ranges, by the corpus's rules.
pub fn words_of(text: &str) -> impl Iterator<Item = (Span, &str)> + '_ {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (Span::new(i, i + w.len()), w))
}

fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a sequence of tokens.
pub fn seq_hash(tokens: &[u32]) -> u64 {
    let mut h: u64 = 0x5851_f42d_4c95_7f2d ^ tokens.len() as u64;
    for &t in tokens {
        h = mix64(h ^ u64::from(t));
    }
    h
}

/// One hash per shingle of `k` tokens (none when there are fewer than `k` tokens).
pub fn shingle_hashes(tokens: &[u32], k: usize) -> Vec<u64> {
    if tokens.len() < k || k == 0 {
        return Vec::new();
    }
    tokens.windows(k).map(seq_hash).collect()
}

/// Winnowing (Schleimer, Wilkerson and Aiken 2003): the rightmost minimum of every
/// window of `w` shingle hashes, sorted and unique. Any run of `w + k - 1` equal words
/// shares at least one selected fingerprint.
pub fn winnow(hashes: &[u64], w: usize) -> Vec<u64> {
    let mut out = Vec::new();
    if hashes.is_empty() {
        return out;
    }
    let w = w.clamp(1, hashes.len());
    let mut last = usize::MAX;
    for start in 0..=hashes.len() - w {
        let mut min = start;
        for idx in start..start + w {
            if hashes[idx] <= hashes[min] {
                min = idx;
            }
        }
        if min != last {
            out.push(hashes[min]);
            last = min;
        }
    }
    out.sort_unstable();
    out.dedup();
    // Grown by doubling; the marks are held through the overlap stage.
    out.shrink_to_fit();
    out
}

/// The word spans of an article's body.
pub fn body_word_spans(article: &Article) -> Vec<Span> {
    article.body_words().map(|(span, _)| span).collect()
}

/// The token of a word: [`normalize_word`] then [`token_hash`], without an
/// allocation for the usual short ASCII word.
pub fn word_token(word: &str, buf: &mut String) -> u32 {
    let bytes = word.as_bytes();
    if bytes.len() <= 32 && bytes.is_ascii() && !bytes.contains(&b'`') {
        let mut low = [0u8; 32];
        for (dst, src) in low.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        // ASCII lower-cased is valid UTF-8.
        let text = std::str::from_utf8(&low[..bytes.len()]).unwrap_or_default();
        return token_hash(text);
    }
    normalize_word(word, buf);
    token_hash(buf)
}

/// The map step for one article.
pub fn article_prints(article: &Article, shingle: usize, window: usize) -> ArticlePrints {
    let mut buf = String::new();
    // About one word per six bytes of news text: sized once, not grown word by word.
    let guess = article.body.range().len() / 6 + 1;
    let mut spans = Vec::with_capacity(guess);
    let mut tokens = Vec::with_capacity(guess);
    for (span, word) in article.body_words() {
        tokens.push(word_token(word, &mut buf));
        spans.push(span);
    }
    // Held through the overlap stage: no spare capacity (the guess is a guess).
    tokens.shrink_to_fit();
    let marks = winnow(&shingle_hashes(&tokens, shingle), window);
    let sentences = sentence_ranges(&spans, article)
        .into_iter()
        .map(|(first, end)| SentencePrint {
            hash: seq_hash(&tokens[first as usize..end as usize]),
            first_word: first,
            end_word: end,
        })
        .collect();
    ArticlePrints {
        article: article.id.0,
        tokens,
        marks,
        sentences,
        day: article
            .meta
            .date
            .map(|d| day_number(i32::from(d.year()), d.month().into(), d.day().into())),
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard
/// Hinnant's `days_from_civil`).
pub fn day_number(year: i32, month: i32, day: i32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The word range `[first, end)` of each sentence of an article.
pub fn sentence_ranges(spans: &[Span], article: &Article) -> Vec<(u32, u32)> {
    ranges_of(spans, article.sentences.iter().map(|s| s.span))
}

/// The word range `[first, end)` of each paragraph of an article.
pub fn paragraph_ranges(spans: &[Span], article: &Article) -> Vec<(u32, u32)> {
    ranges_of(spans, article.paragraphs.iter().map(|p| p.span))
}

fn ranges_of(spans: &[Span], pieces: impl Iterator<Item = Span>) -> Vec<(u32, u32)> {
    pieces
        .map(|piece| {
            let first = spans.partition_point(|w| w.start < piece.start);
            let end = spans.partition_point(|w| w.start < piece.end);
            (first as u32, end.max(first) as u32)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_from_1970() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(1987, 3, 1) - day_number(1987, 2, 28), 1);
        assert_eq!(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1969, 12, 31), -1);
    }

    #[test]
    fn the_ascii_path_gives_the_same_tokens() {
        let mut buf = String::new();
        for w in [
            "Safi",
            "MOROCCO'S",
            "1,250,000",
            "x`y",
            "Ünïcode",
            "abcdefghijklmnopqrstuvwxyzabcdefghij",
        ] {
            normalize_word(w, &mut buf);
            let slow = token_hash(&buf);
            assert_eq!(word_token(w, &mut buf), slow, "{w}");
        }
    }

    #[test]
    fn apostrophes_fold_and_case_folds() {
        assert_eq!(
            text_tokens("Morocco’s floods"),
            text_tokens("morocco's FLOODS")
        );
        assert_ne!(
            text_tokens("Morocco floods"),
            text_tokens("morocco's floods")
        );
    }

    #[test]
    fn winnowing_guarantees_a_shared_fingerprint() {
        let base: Vec<u32> = (0..200).collect();
        let k = 5;
        let w = 4;
        let all = winnow(&shingle_hashes(&base, k), w);
        // Any run of w + k - 1 = 8 words taken from `base` shares a fingerprint.
        for start in 0..base.len() - 8 {
            let piece = winnow(&shingle_hashes(&base[start..start + 8], k), w);
            assert!(
                piece.iter().any(|h| all.binary_search(h).is_ok()),
                "{start}"
            );
        }
        // Density is about 2 / (w + 1).
        assert!(all.len() < 120 && all.len() > 50, "{}", all.len());
    }
}
