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

/// The keys of `[number_words]` in a lexicon file.
fn parse_number_words(src: &str) -> Vec<String> {
    let table: toml::Table = toml::from_str(src).unwrap_or_default();
    table
        .get("number_words")
        .and_then(toml::Value::as_table)
        .map(|t| t.keys().cloned().collect())
        .unwrap_or_default()
}

/// The number words of the built-in lexicon, lower-cased.
pub fn number_words() -> &'static [String] {
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| parse_number_words(NUMBERS_TOML))
}

/// The tokens of the number words, sorted.
fn number_tokens() -> &'static [u32] {
    static TOKENS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    TOKENS.get_or_init(|| word_tokens(number_words()))
}

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
        assert!(words.iter().any(|w| w == "seven"), "{words:?}");
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
