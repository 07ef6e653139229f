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

use crate::prints::{ArticlePrints, is_number, seq_hash, shingle_hashes, word_token, word_tokens};

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

/// Whether two articles give mostly the same figures. Of the distinct figures of the
/// one with fewer (at least [`FIGURES_TO_COMPARE`]), more than half must be found in
/// the other (two cattle markets' openings "up 0.50 to 1.00 dlr", with other top
/// prices, share half); and, in two short notes (under [`NOTE_WORDS`] words), read
/// in order, at most one figure of the one with fewer is another, or fewer than one
/// in four. Copies of one story give the same figures,
/// a correction among them changing one of a few or a few of many; two days' reports
/// of one template ("today's hog slaughter at about 285,000 to 300,000 head versus
/// 292,000 week ago"), two companies' dividend notes ("Qtly div eight cts vs five cts
/// prior Pay April 24 Record April Three" / "Qtly div two cts vs two cts prior ...")
/// share their words, and their figures only where a date or a rate happens to be
/// the same. A number word counts as its value ("Three" as 3).
pub fn figures_agree(a: &[u32], b: &[u32]) -> bool {
    let (fa, fb) = (figure_values(a), figure_values(b));
    let distinct = |v: &[u32]| {
        let mut v = v.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (da, db) = (distinct(&fa), distinct(&fb));
    let fewer = da.len().min(db.len());
    if fewer >= FIGURES_TO_COMPARE {
        let shared = da.iter().filter(|t| db.binary_search(t).is_ok()).count();
        if 2 * shared <= fewer {
            return false;
        }
    }
    // Read in order only in short notes, which a template fills in whole: a longer
    // copy gains and loses figures with its dateline and time stamps.
    let shorter = fa.len().min(fb.len());
    if shorter < 2 || a.len().max(b.len()) >= NOTE_WORDS {
        return true;
    }
    let changed = shorter - common_subsequence(&fa, &fb);
    changed <= 1 || 4 * changed < shorter
}

/// Texts shorter than this many words (50) are short notes, whose figures
/// [`figures_agree`] also reads in order: a dividend note, a market opening.
pub const NOTE_WORDS: usize = 2 * STOCK_WORDS;

/// The figures of a run of tokens in order, a number word as the token of its value
/// in digits.
fn figure_values(tokens: &[u32]) -> Vec<u32> {
    let words = number_value_tokens();
    tokens
        .iter()
        .filter(|&&t| is_figure(t))
        .map(|&t| match words.binary_search_by_key(&t, |&(w, _)| w) {
            Ok(i) => words[i].1,
            Err(_) => t,
        })
        .collect()
}

/// Each number word's token with the token of its value in digits, sorted.
fn number_value_tokens() -> &'static [(u32, u32)] {
    static PAIRS: std::sync::OnceLock<Vec<(u32, u32)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut buf = String::new();
        let mut token = |w: &str| word_token(w, &mut buf);
        let mut pairs: Vec<(u32, u32)> = number_entries()
            .iter()
            .map(|(w, v)| (token(w), token(&v.to_string())))
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        pairs
    })
}

/// The length of the longest common subsequence of two sequences.
fn common_subsequence(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The fewest distinct figures on each side for [`figures_agree`] to compare them.
pub const FIGURES_TO_COMPARE: usize = 3;

/// Whether a token is a figure: a word with a digit or a number word.
pub fn is_figure(token: u32) -> bool {
    is_number(token) || {
        // Most words are no number word: the filter of their top bits says so without
        // the binary search (it ran for every word of the corpus, in every part of
        // `templates`).
        let (filter, tokens) = number_filter();
        let bit = (token >> (32 - NUMBER_FILTER_BITS)) as usize;
        filter[bit / 64] >> (bit % 64) & 1 == 1 && tokens.binary_search(&token).is_ok()
    }
}

/// The top bits of a token [`number_filter`] is indexed by (12: 4,096 bits, a few
/// hundred of them set).
const NUMBER_FILTER_BITS: u32 = 12;

/// A bit for each value of the top [`NUMBER_FILTER_BITS`] bits of the number words'
/// tokens, set when a number word's token has it; and those tokens, sorted.
fn number_filter() -> &'static ([u64; 1 << (NUMBER_FILTER_BITS - 6)], &'static [u32]) {
    static FILTER: std::sync::OnceLock<([u64; 1 << (NUMBER_FILTER_BITS - 6)], &'static [u32])> =
        std::sync::OnceLock::new();
    FILTER.get_or_init(|| {
        let tokens = number_tokens();
        let mut filter = [0u64; 1 << (NUMBER_FILTER_BITS - 6)];
        for &t in tokens {
            let bit = (t >> (32 - NUMBER_FILTER_BITS)) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
        }
        (filter, tokens)
    })
}

/// The skeleton of a run of tokens: every figure replaced by the slot token.
pub fn skeleton(tokens: &[u32]) -> Vec<u32> {
    tokens
        .iter()
        .map(|&t| if is_figure(t) { SLOT } else { t })
        .collect()
}

/// The skeleton shingles found in articles of at least `threshold` distinct clusters,
/// sorted: the shingles of templates and formulaic phrasing; and those found on at
/// least [`STOCK_DAYS`] distinct days (the dates of the clusters' first articles),
/// sorted: the shingles of stock phrases, which a short passage is made of when it is
/// said again and again over weeks ("the Federal funds rate at which banks lend to one
/// another", "General Motors of Canada Ltd, wholly owned by General Motors Corp, said",
/// "Sight deposits are an important measure of money market liquidity in
/// Switzerland") rather than copied from one article into another.
pub fn templates(
    prints: &[ArticlePrints],
    cluster_of: &[u32],
    threshold: usize,
    shingle: usize,
) -> (Vec<u64>, Vec<u64>, Vec<u64>) {
    // One part of the shingles at a time, by their top bits (so the parts, in turn,
    // are in the order of one sort of them all): the list is one entry a word of
    // the corpus, and held whole it was the overlap stage's peak (+308 MiB at 16x
    // Reuters); each part's is made a block of articles at a time and copied into
    // one list sized once, each block freed as it is copied. Each part hashes the
    // skeletons again, so a corpus whose list is small (up to
    // [`TEMPLATE_WHOLE_WORDS`] words) is counted in one part.
    let words: usize = prints.iter().map(|p| p.tokens.len()).sum();
    let part_bits = if words <= TEMPLATE_WHOLE_WORDS {
        0
    } else {
        TEMPLATE_PART_BITS
    };
    templates_in_parts(prints, cluster_of, threshold, shingle, part_bits)
}

/// [`templates`] counted in `1 << part_bits` parts, one after the other: the same
/// lists whatever the parts.
fn templates_in_parts(
    prints: &[ArticlePrints],
    cluster_of: &[u32],
    threshold: usize,
    shingle: usize,
    part_bits: u32,
) -> (Vec<u64>, Vec<u64>, Vec<u64>) {
    // One entry per shingle and cluster: the shingle's hash with its low bits
    // replaced by the cluster id, so that one sort groups by shingle, then cluster.
    let mask = !template_mask(prints.len());
    let (mut common, mut stock, mut recurring) = (Vec::new(), Vec::new(), Vec::new());
    let mut days: Vec<i32> = Vec::new();
    for part in 0..1u64 << part_bits {
        let in_part = |h: &u64| part_bits == 0 || h >> (64 - part_bits) == part;
        let blocks: Vec<Vec<u64>> = prints
            .par_chunks(TEMPLATE_BLOCK)
            .map(|block| {
                let mut out = Vec::new();
                let (mut hashes, mut skel) = (Vec::new(), Vec::new());
                for p in block {
                    let cluster = u64::from(cluster_of[p.article as usize]);
                    // `shingle_hashes(&skeleton(..))` into buffers of the block's.
                    skel.clear();
                    skel.extend(
                        p.tokens
                            .iter()
                            .map(|&t| if is_figure(t) { SLOT } else { t }),
                    );
                    hashes.clear();
                    if shingle > 0 && skel.len() >= shingle {
                        hashes.extend(
                            skel.windows(shingle)
                                .map(|w| (seq_hash(w) & !mask) | cluster)
                                .filter(in_part),
                        );
                    }
                    hashes.sort_unstable();
                    hashes.dedup();
                    out.extend_from_slice(&hashes);
                }
                out.shrink_to_fit();
                out
            })
            .collect();
        let mut occ: Vec<u64> = Vec::with_capacity(blocks.iter().map(Vec::len).sum());
        for block in blocks {
            occ.extend_from_slice(&block);
        }
        occ.par_sort_unstable();
        occ.dedup();
        for group in occ.chunk_by(|x, y| x & !mask == y & !mask) {
            let hash = group[0] & !mask;
            if group.len() >= threshold {
                common.push(hash);
            }
            if group.len() >= STOCK_DAYS {
                days.clear();
                days.extend(
                    group
                        .iter()
                        .filter_map(|&entry| prints.get((entry & mask) as usize)?.day),
                );
                days.sort_unstable();
                days.dedup();
                if days.len() >= STOCK_DAYS {
                    stock.push(hash);
                }
            }
            if group.len() >= RECURRING_STORIES {
                let mut dated = group
                    .iter()
                    .filter_map(|&entry| prints.get((entry & mask) as usize)?.day);
                if let Some(first) = dated.next() {
                    if dated.any(|d| d != first) {
                        recurring.push(hash);
                    }
                }
            }
        }
    }
    (common, stock, recurring)
}

/// Articles whose skeleton shingles [`templates`] makes at a time (256).
const TEMPLATE_BLOCK: usize = 256;

/// The top bits of a skeleton shingle's hash that say which of eight parts
/// [`templates`] counts it in, when the corpus has more than [`TEMPLATE_WHOLE_WORDS`].
/// Each part's list is held while it is counted, above the overlap index and the
/// prints: a quarter of 16x Reuters' shingles was the run's peak (about 80 MiB over
/// the index's stretch), an eighth is half of that; each part hashes the skeletons
/// again (issue 14, nineteenth memory round).
const TEMPLATE_PART_BITS: u32 = 3;

/// The most words a corpus may have for [`templates`] to count its skeleton shingles
/// in one part, not eight (4,194,304: a list of 32 MiB; Reuters-21578 with the planted
/// copies of `bench peers` has about 3.2 million, 16x Reuters 43 million).
const TEMPLATE_WHOLE_WORDS: usize = 1 << 22;

/// The distinct stories (clusters) a short passage's skeleton must be found in, on
/// more than one day, to be a phrase its subject is told with (3: the two articles
/// that share it and one more story).
pub const RECURRING_STORIES: usize = 3;

/// The distinct days a short passage's skeleton must be found on to be a stock phrase
/// (3: the two articles that share it and one more of yet another day).
pub const STOCK_DAYS: usize = 3;

/// Passages shorter than this many words may be stock phrases (25): read on
/// Reuters-21578 (issue 13), the stock phrases of recurring reports were 10 to 21
/// words; a paragraph copied from one story into another is longer, or is found on
/// fewer days.
pub const STOCK_WORDS: usize = 25;

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

/// Whether most skeleton shingles two passages share are in `stock` (made by
/// [`templates`] over a corpus whose hashes `mask` keeps): the words they have in
/// common are a stock phrase, whatever each says around it ("The Federal Reserve may
/// intervene in the government securities market to add reserves today" / "... will
/// probably intervene in ...": an edit breaks the shingles around it, on one side
/// only).
pub fn stock_shared(a: &[u32], b: &[u32], stock: &[u64], mask: u64, shingle: usize) -> bool {
    if stock.is_empty() {
        return false;
    }
    let of = |t: &[u32]| {
        let mut h = shingle_hashes(&skeleton(t), shingle);
        h.iter_mut().for_each(|x| *x &= mask);
        h.sort_unstable();
        h.dedup();
        h
    };
    let (ha, hb) = (of(a), of(b));
    let shared: Vec<u64> = ha
        .into_iter()
        .filter(|h| hb.binary_search(h).is_ok())
        .collect();
    if shared.is_empty() {
        return false;
    }
    let found = shared
        .iter()
        .filter(|h| stock.binary_search(h).is_ok())
        .count();
    2 * found >= shared.len()
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
                day: None,
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
        // Two companies' dividend notes: their dates agree, their dividends do not.
        assert!(!figures_agree(
            &t("Qtly div eight cts vs five cts prior Pay April 24 Record April Three Reuter"),
            &t("Qtly div two cts vs two cts prior Pay April 24 Record April 3 Reuter")
        ));
        // A copy with one figure of few corrected, a number word as its value.
        assert!(figures_agree(
            &t("Qtly div eight cts vs five cts prior Pay April 24 Record April Three"),
            &t("Qtly div 8 cts vs six cts prior Pay April 24 Record April 3")
        ));
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
        let (t, _, _) = templates(&prints, &[0, 1, 2, 3, 4, 5], 5, 5);
        assert!(templated(&prints[0].tokens, &t, mask, 5));
        assert!(!templated(&prints[5].tokens, &t, mask, 5));
        // Copies of one story count once: four clusters are not enough.
        let (t, _, _) = templates(&prints, &[0, 0, 2, 3, 4, 5], 5, 5);
        assert!(!templated(&prints[0].tokens, &t, mask, 5));
    }

    #[test]
    fn the_parts_give_the_lists_of_one_count() {
        let notes = [
            "Qtly div 22 cts vs 22 cts prior Pay April 15 Record March 31",
            "Qtly div 18 cts vs 16 cts prior Pay April one Record March 20",
            "Qtly div five cts vs five cts prior Pay April 10 Record March 27",
            "Qtly div 40 cts vs 40 cts prior Pay April 30 Record April two",
            "The ministry said the new container terminal would open in March next year",
            "The ministry said the new grain terminal would open in March next year",
            "The ministry said the new container terminal would open in May",
        ];
        let mut prints = prints_of(&notes);
        for (i, p) in prints.iter_mut().enumerate() {
            p.day = Some(i as i32 % 4);
        }
        let clusters = [0, 1, 2, 3, 4, 5, 6];
        let whole = templates_in_parts(&prints, &clusters, 3, 5, 0);
        assert!(!whole.0.is_empty() && !whole.1.is_empty() && !whole.2.is_empty());
        assert_eq!(templates_in_parts(&prints, &clusters, 3, 5, 2), whole);
        assert_eq!(templates_in_parts(&prints, &clusters, 3, 5, 3), whole);
        assert_eq!(templates(&prints, &clusters, 3, 5), whole);
    }

    #[test]
    fn the_number_filter_passes_every_number_word() {
        for &t in number_tokens() {
            assert!(is_figure(t), "{t:#x}");
        }
    }

    #[test]
    fn a_short_phrase_said_on_many_days_is_a_stock_phrase() {
        let texts = [
            "the Federal funds rate at which banks lend to one another rose today",
            "analysts watched the Federal funds rate at which banks lend to one another",
            "the Federal funds rate at which banks lend to one another was steady",
            "the ministry said the new container terminal would open in March next year",
        ];
        let mut prints = prints_of(&texts);
        let clusters = [0, 1, 2, 3];
        // On three days: a stock phrase.
        for (p, day) in prints.iter_mut().zip([10, 11, 25, 30]) {
            p.day = Some(day);
        }
        let mask = template_mask(prints.len());
        let (_, stock, _) = templates(&prints, &clusters, 5, 5);
        let phrase = text_tokens("the Federal funds rate at which banks lend to one another");
        assert!(templated(&phrase, &stock, mask, 5));
        assert!(stock_shared(&phrase, &phrase, &stock, mask, 5));
        assert!(!templated(&prints[3].tokens, &stock, mask, 5));
        // The same three articles of one day (or undated): not yet.
        for p in prints.iter_mut() {
            p.day = Some(10);
        }
        let (_, stock, _) = templates(&prints, &clusters, 5, 5);
        assert!(!templated(&phrase, &stock, mask, 5));
        for p in prints.iter_mut() {
            p.day = None;
        }
        let (_, stock, _) = templates(&prints, &clusters, 5, 5);
        assert!(stock.is_empty());
    }

    #[test]
    fn a_phrase_of_three_stories_on_two_days_recurs() {
        let texts = [
            "the plan will be worked out before Prime Minister Nakasone leaves for Washington on April 29",
            "a rate cut is possible before Prime Minister Nakasone leaves for Washington on April 29",
            "no new measures are planned before Prime Minister Nakasone leaves for Washington on April 29",
        ];
        let mut prints = prints_of(&texts);
        let phrase =
            text_tokens("before Prime Minister Nakasone leaves for Washington on April 29");
        let mask = template_mask(prints.len());
        for (p, day) in prints.iter_mut().zip([1, 17, 17]) {
            p.day = Some(day);
        }
        // Three stories on two days: recurring, not yet a stock phrase (three days).
        let (_, stock, recurring) = templates(&prints, &[0, 1, 2], 5, 5);
        assert!(stock.is_empty());
        assert!(templated(&phrase, &recurring, mask, 5));
        // Two of them copies of one story: two stories only.
        let (_, _, recurring) = templates(&prints, &[0, 1, 1], 5, 5);
        assert!(!templated(&phrase, &recurring, mask, 5));
        // Three stories of one day: not recurring.
        for p in prints.iter_mut() {
            p.day = Some(17);
        }
        let (_, _, recurring) = templates(&prints, &[0, 1, 2], 5, 5);
        assert!(!templated(&phrase, &recurring, mask, 5));
    }

    #[test]
    fn words_shared_around_an_edit_are_read_on_both_sides() {
        let texts = [
            "The Reserve Bank said it cancelled the regular weekly treasury bill tender scheduled for",
            "The Reserve Bank said it is cancelling its regular weekly treasury bill tender scheduled for",
            "It said the regular weekly treasury bill tender scheduled for Tuesday was off",
        ];
        let mut prints = prints_of(&texts);
        for (p, day) in prints.iter_mut().zip([1, 8, 15]) {
            p.day = Some(day);
        }
        let mask = template_mask(prints.len());
        let (_, stock, _) = templates(&prints, &[0, 1, 2], 5, 5);
        let (a, b) = (&prints[0].tokens, &prints[1].tokens);
        // Each side alone is mostly its own words; what the two share is the stock phrase.
        assert!(stock_shared(a, b, &stock, mask, 5));
    }
}
