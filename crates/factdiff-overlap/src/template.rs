//! Templates: passages whose skeleton, their figures masked, recurs across many
//! unrelated articles.
//!
//! Wire services fill the same sentences with other figures every day ("Qtly div 22
//! cts vs 22 cts prior Pay April", "the Fed said that banks had average net free
//! reserves of 644 mln dlrs", "It said government and private exporters shipped
//! 27,510 and 57,450 tonnes respectively"). Two such reports share a passage word for
//! word, or with only their figures changed, yet neither copies the other. Exact
//! fingerprints miss most of them, since nearly every shingle of a dense template
//! holds a figure; the skeleton, with every figure (a word with a digit, or a number
//! word of `[number_words]` in `rules/lexicons/numbers.toml`) replaced by one slot
//! token, is the same in all of them. A passage most of whose skeleton shingles are
//! found in articles of at least `common-phrase-articles` distinct clusters (copies of
//! one story count once) is a template, not repeated text.
//!
//! Written here, not taken from a crate: it is a document-frequency count over the
//! engine's own token hashes and cluster ids, a sort and a group by.

use rayon::prelude::*;

use crate::prints::{ArticlePrints, is_number, shingle_hashes, word_tokens};

/// The token that stands for every figure in a skeleton (an odd hash, as a number's
/// token is, that no word hashes to in practice).
const SLOT: u32 = 0x9e37_79b9;

/// The built-in lexicon file that holds the number words.
const NUMBERS_TOML: &str = include_str!("../../../rules/lexicons/numbers.toml");

/// The entries of `[number_words]` in a lexicon file: each word, lower-cased, and its
/// value, sorted by word.
fn parse_number_words(src: &str) -> Vec<(String, u64)> {
    let table: toml::Table = toml::from_str(src).unwrap_or_default();
    let mut words: Vec<(String, u64)> = table
        .get("number_words")
        .and_then(toml::Value::as_table)
        .map(|t| {
            t.iter()
                .filter_map(|(k, v)| Some((k.to_lowercase(), u64::try_from(v.as_integer()?).ok()?)))
                .collect()
        })
        .unwrap_or_default();
    words.sort();
    words.dedup_by(|x, y| x.0 == y.0);
    words
}

/// The number words of the built-in lexicon, lower-cased, with their values, sorted.
fn number_entries() -> &'static [(String, u64)] {
    static LIST: std::sync::OnceLock<Vec<(String, u64)>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| parse_number_words(NUMBERS_TOML))
}

/// The number words of the built-in lexicon, lower-cased.
pub fn number_words() -> Vec<&'static str> {
    number_entries().iter().map(|(w, _)| w.as_str()).collect()
}

/// The value of a number word of the built-in lexicon (lower-cased: "seven" is 7).
pub fn number_value(word: &str) -> Option<u64> {
    let entries = number_entries();
    entries
        .binary_search_by(|(w, _)| w.as_str().cmp(word))
        .ok()
        .map(|i| entries[i].1)
}

/// The tokens of the number words, sorted.
fn number_tokens() -> &'static [u32] {
    static TOKENS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    TOKENS.get_or_init(|| word_tokens(&number_words()))
}

/// Whether two articles give mostly the same figures: of the distinct figures of the
/// one with fewer (at least [`FIGURES_TO_COMPARE`]), at least half are found in the
/// other. Copies of one story give the same figures, an update among them changing
/// a few; two days' reports of one template ("today's hog slaughter at about 285,000
/// to 300,000 head versus 292,000 week ago") share their words, not their figures.
/// Articles with fewer figures agree.
pub fn figures_agree(a: &[u32], b: &[u32]) -> bool {
    let figures = |t: &[u32]| {
        let mut v: Vec<u32> = t.iter().copied().filter(|&t| is_figure(t)).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (fa, fb) = (figures(a), figures(b));
    let fewer = fa.len().min(fb.len());
    if fewer < FIGURES_TO_COMPARE {
        return true;
    }
    let shared = fa.iter().filter(|t| fb.binary_search(t).is_ok()).count();
    2 * shared >= fewer
}

/// The fewest distinct figures on each side for [`figures_agree`] to compare them.
pub const FIGURES_TO_COMPARE: usize = 3;

/// Whether a token is a figure: a word with a digit or a number word.
pub fn is_figure(token: u32) -> bool {
    is_number(token) || number_tokens().binary_search(&token).is_ok()
}

/// The skeleton of a run of tokens: every figure replaced by the slot token.
pub fn skeleton(tokens: &[u32]) -> Vec<u32> {
    tokens
        .iter()
        .map(|&t| if is_figure(t) { SLOT } else { t })
        .collect()
}

/// The skeleton shingles found in articles of at least `threshold` distinct clusters,
/// sorted: the shingles of templates and formulaic phrasing.
pub fn templates(
    prints: &[ArticlePrints],
    cluster_of: &[u32],
    threshold: usize,
    shingle: usize,
) -> Vec<u64> {
    // One entry per shingle and cluster: the shingle's hash with its low bits
    // replaced by the cluster id, so that one sort groups by shingle, then cluster.
    let mask = !template_mask(prints.len());
    let mut occ: Vec<u64> = prints
        .par_iter()
        .flat_map_iter(|p| {
            let cluster = u64::from(cluster_of[p.article as usize]);
            let mut hashes = shingle_hashes(&skeleton(&p.tokens), shingle);
            hashes.iter_mut().for_each(|h| *h = (*h & !mask) | cluster);
            hashes.sort_unstable();
            hashes.dedup();
            hashes
        })
        .collect();
    occ.par_sort_unstable();
    occ.dedup();
    occ.chunk_by(|x, y| x & !mask == y & !mask)
        .filter(|group| group.len() >= threshold)
        .map(|group| group[0] & !mask)
        .collect()
}

/// The mask of [`templates`]' hashes for a corpus of `n` articles.
pub fn template_mask(n: usize) -> u64 {
    let bits = u64::BITS - (n.max(2) as u64 - 1).leading_zeros();
    !((1u64 << bits) - 1)
}

/// Whether most skeleton shingles of a passage's tokens are in `templates` (made by
/// [`templates`] over a corpus whose hashes `mask` keeps).
pub fn templated(tokens: &[u32], templates: &[u64], mask: u64, shingle: usize) -> bool {
    if templates.is_empty() {
        return false;
    }
    let hashes = shingle_hashes(&skeleton(tokens), shingle);
    if hashes.is_empty() {
        return false;
    }
    let found = hashes
        .iter()
        .filter(|&&h| templates.binary_search(&(h & mask)).is_ok())
        .count();
    2 * found >= hashes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prints::text_tokens;

    #[test]
    fn the_lexicon_gives_number_words() {
        let words = number_words();
        assert!(words.contains(&"seven"), "{words:?}");
        assert_eq!(number_value("seven"), Some(7));
        assert_eq!(number_value("dividend"), None);
        assert!(is_figure(text_tokens("seven")[0]));
        assert!(is_figure(text_tokens("1-1/2")[0]));
        assert!(!is_figure(text_tokens("dividend")[0]));
    }

    fn prints_of(texts: &[&str]) -> Vec<ArticlePrints> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| ArticlePrints {
                article: i as u32,
                tokens: text_tokens(t),
                marks: Vec::new(),
                sentences: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn copies_give_the_same_figures_and_template_reports_other_ones() {
        let t = text_tokens;
        let day = |a: &str, b: &str, c: &str, d: &str| {
            t(&format!(
                "guesstimating today's hog slaughter at about {a} to {b} head versus {c} week ago and {d} a year ago"
            ))
        };
        let monday = day("285,000", "300,000", "292,000", "309,000");
        let tuesday = day("295,000", "308,000", "305,000", "308,000");
        assert!(!figures_agree(&monday, &tuesday));
        // A copy with one figure updated.
        let update = day("285,000", "300,000", "292,000", "310,000");
        assert!(figures_agree(&monday, &update));
        // Too few figures to tell.
        assert!(figures_agree(
            &t("sold 5 mln shares"),
            &t("sold 7 mln shares")
        ));
    }

    #[test]
    fn a_skeleton_in_many_clusters_is_a_template() {
        let notes = [
            "Qtly div 22 cts vs 22 cts prior Pay April 15 Record March 31",
            "Qtly div 18 cts vs 16 cts prior Pay April one Record March 20",
            "Qtly div five cts vs five cts prior Pay April 10 Record March 27",
            "Qtly div 40 cts vs 40 cts prior Pay April 30 Record April two",
            "Qtly div 11 cts vs ten cts prior Pay April 20 Record March 30",
            "The ministry said the new container terminal would open in March next year",
        ];
        let prints = prints_of(&notes);
        let mask = template_mask(prints.len());
        // Five distinct clusters: a template.
        let t = templates(&prints, &[0, 1, 2, 3, 4, 5], 5, 5);
        assert!(templated(&prints[0].tokens, &t, mask, 5));
        assert!(!templated(&prints[5].tokens, &t, mask, 5));
        // Copies of one story count once: four clusters are not enough.
        let t = templates(&prints, &[0, 0, 2, 3, 4, 5], 5, 5);
        assert!(!templated(&prints[0].tokens, &t, mask, 5));
    }
}
