//! Sentence-level near overlap: the same report in other words.

use crate::prints::{is_number, normalize_word, token_hash, word_tokens, words_of};

/// Function words left out of the content of a sentence: `function_words` (the list
/// the claims extractors share) and `overlap_stopwords` of the built-in lexicon file
/// `rules/lexicons/words.toml`, the one place stop words are written.
fn stopword_list() -> &'static [String] {
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| parse_stopwords(WORDS_TOML))
}

/// The verbs that attribute speech (`speech_verbs` of the built-in words lexicon),
/// lower-cased and sorted.
pub fn speech_verbs() -> &'static [String] {
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut v: Vec<String> = lists(WORDS_TOML, &["speech_verbs"])
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        v.sort();
        v.dedup();
        v
    })
}

/// The built-in lexicon file that holds the function words.
const WORDS_TOML: &str = include_str!("../../../rules/lexicons/words.toml");

/// The words of `function_words` and `overlap_stopwords` in a lexicon file. The file is
/// embedded and a test parses it, so a broken one fails the build's tests, not a run.
fn parse_stopwords(src: &str) -> Vec<String> {
    lists(src, &["function_words", "overlap_stopwords"])
}

/// The words of the lists `keys` of a lexicon file, in order.
fn lists(src: &str, keys: &[&str]) -> Vec<String> {
    let table: toml::Table = toml::from_str(src).unwrap_or_default();
    keys.iter()
        .filter_map(|key| table.get(*key).and_then(toml::Value::as_array))
        .flatten()
        .filter_map(|w| w.as_str().map(str::to_owned))
        .collect()
}

/// Stop-word token hashes, sorted, for `binary_search`.
pub struct Stopwords(Vec<u32>);

impl Stopwords {
    /// The built-in list.
    pub fn new() -> Self {
        Stopwords(word_tokens(stopword_list()))
    }

    /// Whether a token is a stop word.
    pub fn contains(&self, token: u32) -> bool {
        self.0.binary_search(&token).is_ok()
    }

    /// The content tokens of a sentence, in order.
    pub fn content(&self, tokens: &[u32]) -> Vec<u32> {
        tokens
            .iter()
            .copied()
            .filter(|t| !self.contains(*t))
            .collect()
    }
}

impl Default for Stopwords {
    fn default() -> Self {
        Self::new()
    }
}

/// The Dice coefficient of two sets of content tokens (each sorted and unique).
pub fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * both as f64 / (a.len() + b.len()) as f64
}

/// A sorted, unique set of the content tokens of `tokens`.
pub fn content_set(stop: &Stopwords, tokens: &[u32]) -> Vec<u32> {
    let mut v = stop.content(tokens);
    v.sort_unstable();
    v.dedup();
    v
}

/// The similarity the near-overlap threshold applies to: the Dice coefficient of the
/// two sentences' content words (lower-cased, apostrophes folded, function words left
/// out); 0 when both give figures and share none, for then they report different
/// facts in the same words ("Fed funds hovered at 6.25 pct" / "at 6.75 pct").
pub fn sentence_similarity(a: &str, b: &str) -> f64 {
    let stop = Stopwords::new();
    let ta = content_set(&stop, &tokens(a));
    let tb = content_set(&stop, &tokens(b));
    similarity_of_sets(&ta, &tb)
}

/// [`sentence_similarity`] of two content sets (sorted, unique).
pub fn similarity_of_sets(a: &[u32], b: &[u32]) -> f64 {
    let numbers_a = a.iter().filter(|t| is_number(**t)).count();
    let numbers_b = b.iter().filter(|t| is_number(**t)).count();
    if numbers_a > 0 && numbers_b > 0 {
        let shared = a
            .iter()
            .filter(|t| is_number(**t) && b.binary_search(t).is_ok())
            .count();
        if shared == 0 {
            return 0.0;
        }
    }
    dice(a, b)
}

fn tokens(text: &str) -> Vec<u32> {
    let mut buf = String::new();
    words_of(text)
        .map(|(_, w)| {
            normalize_word(w, &mut buf);
            token_hash(&buf)
        })
        .collect()
}

/// Keys that make two sentences candidates: hashes of adjacent content-word pairs.
pub fn content_bigrams(content: &[u32]) -> Vec<u64> {
    let mut v: Vec<u64> = content.windows(2).map(crate::prints::seq_hash).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_come_from_the_lexicon_file() {
        // A renamed list would turn the speaker-description check off unseen.
        let verbs = speech_verbs();
        assert!(verbs.binary_search(&"said".to_owned()).is_ok(), "{verbs:?}");
        assert!(verbs.windows(2).all(|w| w[0] < w[1]), "{verbs:?}");
    }

    #[test]
    fn stopwords_come_from_the_lexicon_file() {
        // Both lists of `words.toml`, 67 shared with the claims and 9 of overlap's own.
        let list = stopword_list();
        assert_eq!(list.len(), 76, "{list:?}");
        let stop = Stopwords::new();
        let hash = |w: &str| {
            let mut buf = String::new();
            normalize_word(w, &mut buf);
            token_hash(&buf)
        };
        for w in ["the", "which", "says", "it's", "may"] {
            assert!(stop.contains(hash(w)), "{w} should be a stop word");
        }
        for w in ["people", "year", "million", "killed"] {
            assert!(!stop.contains(hash(w)), "{w} should be content");
        }
    }

    #[test]
    fn the_safi_sentences_are_near() {
        let a = "At least 37 people have been killed in flash floods triggered by torrential \
                 rain in Morocco's Atlantic coastal province of Safi, Moroccan authorities \
                 said on Monday (15 December).";
        let b = "At least 37 people have died and dozens of others were injured after flash \
                 floods swept through Morocco’s Atlantic coastal city of Safi on Sunday, \
                 authorities said.";
        let s = sentence_similarity(a, b);
        assert!((0.5..0.7).contains(&s), "{s}");
    }

    #[test]
    fn the_same_words_with_other_figures_are_not() {
        let a = "Federal funds hovered at 6.25 pct this morning after averaging 6.32 pct \
                 yesterday, dealers said.";
        let b = "Fed funds hovered at 6.75 pct this morning after averaging 6.80 pct \
                 yesterday, dealers said.";
        assert_eq!(sentence_similarity(a, b), 0.0);
        let c = "Fed funds hovered at 6.25 pct after averaging 6.80 pct yesterday.";
        assert!(sentence_similarity(a, c) > 0.5);
    }

    #[test]
    fn unrelated_sentences_are_not() {
        let a = "At least 17 people, including students, were killed and 20 others injured \
                 after a school bus fell off a cliff in northern Colombia on Sunday.";
        let b = "At least 37 people have died and dozens of others were injured after flash \
                 floods swept through Morocco's Atlantic coastal city of Safi on Sunday.";
        assert!(sentence_similarity(a, b) < 0.4);
    }
}
