//! Overlap detection: text said twice, within or across articles.
//!
//! The work is a map, a group by key and a comparison within each group, so that it is
//! linear in the corpus and never compares all pairs:
//!
//! 1. **Map** (in parallel, per article, serializable: [`ArticlePrints`]): the body's
//!    words as 32-bit token hashes (xxh3, fixed seed, lower-cased, apostrophes folded),
//!    shingles of [`OverlapConfig::shingle`] words, and the shingles kept by winnowing
//!    as fingerprints.
//! 2. **Group by fingerprint**: one sorted index; each article looks up its own
//!    fingerprints and keeps as candidates the articles that share at least
//!    `min-shared` of them. Fingerprints in more than `max-postings` articles make no
//!    candidates.
//! 3. **Compare within a group**: every candidate pair (and every article with itself)
//!    is aligned into maximal passages: exact stretches of a shingle or more, joined
//!    across gaps of up to `max-gap` edited words, so that a sentence with a changed
//!    word or two is one passage. A passage that is a template filled in (its
//!    skeleton, figures masked, common across unrelated articles; only its
//!    figures, dates and names changed; or other figures in the place of as many as
//!    it keeps) is not reported, nor, inside one article, a passage shorter than
//!    `min-within-words` that is not whole sentences repeated word for word.
//!    Articles that contain each other (`cluster-containment`) and give mostly the
//!    same figures are joined into clusters (union-find) and reported once per
//!    cluster; sentences found in many unrelated articles are boilerplate, set
//!    apart; with `reworded`, sentences not inside a passage are compared by their
//!    content words for rewording (`near-threshold`).
//!
//! Every overlap carries its word count, similarity, kind and a word diff made with
//! `similar` ([`word_diff`]). The output is sorted; nothing in it depends on thread
//! count or the order of the input.
//!
//! ```
//! use factdiff_corpus::{Corpus, Input};
//! use factdiff_overlap::{OverlapConfig, detect};
//!
//! let text = "Kazakhstan is interested in expanding cooperation with Armenia\n\n\
//!             Ahead of his visit he gave an interview.\n\n\
//!             Kazakhstan is interested in expanding cooperation with Armenia\n";
//! let corpus = Corpus::from_inputs(vec![Input { path: "a.txt".into(), bytes: text.into() }]);
//! let findings = detect(&corpus, &OverlapConfig::default());
//! assert_eq!(findings.len(), 1);
//! let details = findings[0].details.overlap().unwrap();
//! assert_eq!(details.kind, factdiff_findings::OverlapKind::Exact);
//! assert_eq!(findings[0].locations[1].line, 5);
//! ```
#![deny(missing_docs)]

mod align;
mod config;
mod diff;
mod engine;
mod near;
mod prints;
mod report;
mod template;

use factdiff_corpus::Corpus;
use factdiff_findings::Finding;
use rayon::prelude::*;

pub use align::{Passage, Prepared, align, align_pair, align_pair_with, align_prepared};
pub use config::{BoilerplateMode, OverlapConfig};
pub use diff::{ALGORITHM, round3, token_similarity, word_diff};
pub use engine::{Analysis, Index, NearSentence, PairResult, analyze, candidate_pairs};
pub use near::sentence_similarity;
pub use prints::{ArticlePrints, SentencePrint, article_prints, text_tokens};
pub use report::ClusterPairs;
pub use template::{is_figure, skeleton, templated};

/// The rule ID of every overlap finding.
pub const RULE: &str = "overlap";

/// Finds the overlaps in a corpus: findings of rule `overlap`, category overlap,
/// sorted in the total order.
///
/// Kinds (`details.kind`): `exact` and `near` passages and `cluster`s of duplicate
/// articles (at `severity`, `info` by default), `near` sentences retold in other words
/// (info, only with `reworded`), `boilerplate` (info, unless configured away).
pub fn detect(corpus: &Corpus, config: &OverlapConfig) -> Vec<Finding> {
    detect_all(corpus, config).findings
}

/// What [`detect`] found, with the map output and the analysis the findings were made
/// from, for a caller that reuses them (how the articles of a story stand to each
/// other: [`Detection::containment`]).
pub struct Detection {
    /// The findings, sorted in the total order.
    pub findings: Vec<Finding>,
    /// Each article's prints, in article order: its tokens and day (its
    /// fingerprints and sentence prints are freed once the analysis and the
    /// findings have read them: both empty).
    pub prints: Vec<ArticlePrints>,
    /// The candidate pairs, clusters and passages behind the findings.
    pub analysis: Analysis,
    /// The parameters used (sanitized).
    pub config: OverlapConfig,
    /// Each cluster's likely original and its other members with the passages each
    /// shares with it, as the cluster findings measured them.
    pub clusters: Vec<ClusterPairs>,
    /// The words two articles aligned by [`Detection::containment`] share, kept
    /// until the pair is asked about the other way round.
    matched: PairCache,
}

/// The matched words of article pairs aligned by [`Detection::containment`], by
/// `(smaller, larger)` article: one alignment serves both directions (the story
/// stage asks for the containment of every ordered pair of a story's members, and
/// [`align_pair`] aligns A with B as it aligns B with A). An entry is taken out when
/// it is read, so the cache holds only pairs asked about one way so far.
#[derive(Default)]
struct PairCache {
    shards: [std::sync::Mutex<PairMap>; PAIR_CACHE_SHARDS],
}

/// One part of the [`PairCache`]: matched words by article pair.
type PairMap = std::collections::HashMap<(u32, u32), u32, foldhash::fast::FixedState>;

/// Independently locked parts of the [`PairCache`].
const PAIR_CACHE_SHARDS: usize = 16;

impl PairCache {
    fn shard(&self, key: (u32, u32)) -> std::sync::MutexGuard<'_, PairMap> {
        let at = (key.0 as usize ^ key.1 as usize) % PAIR_CACHE_SHARDS;
        self.shards[at]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The matched words of `key`'s pair, computed by `align` on the first ask.
    fn matched(&self, key: (u32, u32), align: impl FnOnce() -> u32) -> u32 {
        if let Some(m) = self.shard(key).remove(&key) {
            return m;
        }
        let m = align();
        self.shard(key).insert(key, m);
        m
    }
}

/// [`detect`], keeping the analysis and each article's tokens (its fingerprints and
/// sentence prints are freed once the findings are made).
pub fn detect_all(corpus: &Corpus, config: &OverlapConfig) -> Detection {
    let cfg = config.sanitized();
    let mut prints: Vec<ArticlePrints> = corpus
        .articles
        .par_iter()
        .map(|a| article_prints(a, cfg.shingle, cfg.window))
        .collect();
    let analysis = analyze(&prints, &cfg);
    let (findings, clusters) = report::findings(corpus, &prints, &analysis, &cfg);
    // The fingerprints and the sentence prints are read by the analysis and the
    // findings alone: freed once they are made, so that the stories' relations and
    // the findings' order do not hold them (at 16x Reuters the fingerprints are 120
    // MiB and the sentence prints 29; issue 14). The detection keeps each article's
    // tokens.
    prints.par_iter_mut().for_each(|p| {
        p.marks = Vec::new();
        p.sentences = Vec::new();
    });
    Detection {
        findings,
        prints,
        analysis,
        config: cfg,
        clusters,
        matched: PairCache::default(),
    }
}

impl Detection {
    /// The share of article `a`'s words inside passages it shares with article `b`
    /// (indices in the corpus): the aligned pair's containment when the analysis
    /// aligned them (the first articles of two clusters); `cluster-containment`, the
    /// least two copies of one cluster hold of each other, for two of one cluster;
    /// the two aligned now when their clusters share passages; else 0: articles that
    /// share no fingerprint enough to be candidates share no passage.
    pub fn containment(&self, a: usize, b: usize) -> f64 {
        self.containment_with(a, b, |pa, pb| {
            let key = (pa.article.min(pb.article), pa.article.max(pb.article));
            self.matched.matched(key, || {
                align_pair(
                    &pa.tokens,
                    &pb.tokens,
                    self.config.shingle,
                    self.config.max_gap,
                )
                .iter()
                .map(|p| p.matched)
                .sum()
            })
        })
    }

    /// [`Detection::containment`] of every ordered pair of `members` (indices in the
    /// corpus): `share[i][j]` is that of `members[i]` in `members[j]` (0 on the
    /// diagonal). The same figures, for less: each pair aligned once for both
    /// directions, and each member's shingles hashed and indexed once
    /// ([`Prepared`]), not once per pair it is aligned in (a story of two related
    /// clusters of 16 copies aligns 256 pairs; at 16x Reuters these alignments were
    /// 4% of `check`'s CPU time, from under 0.4% at 1x).
    pub fn containments(&self, members: &[usize]) -> Vec<Vec<f64>> {
        let n = members.len();
        let k = self.config.shingle;
        let mut prepared: Vec<Option<Prepared<'_>>> = (0..n).map(|_| None).collect();
        // Matched words of each unordered pair aligned, by (smaller, larger) index.
        let mut matched: std::collections::HashMap<(usize, usize), u32> =
            std::collections::HashMap::new();
        let mut share = vec![vec![0.0; n]; n];
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                share[i][j] = self.containment_with(members[i], members[j], |pa, pb| {
                    let key = (i.min(j), i.max(j));
                    if let Some(&m) = matched.get(&key) {
                        return m;
                    }
                    for (x, p) in [(i, pa), (j, pb)] {
                        if prepared[x].is_none() {
                            prepared[x] = Some(Prepared::new(&p.tokens, k));
                        }
                    }
                    let (Some(xa), Some(xb)) = (&prepared[i], &prepared[j]) else {
                        unreachable!("both prepared above");
                    };
                    let m = align_prepared(xa, xb, k, self.config.max_gap)
                        .iter()
                        .map(|p| p.matched)
                        .sum();
                    matched.insert(key, m);
                    m
                });
            }
        }
        share
    }

    /// [`Detection::containment`], with `aligned(pa, pb)` the matched words of the
    /// two articles' alignment when they must be aligned.
    fn containment_with<'s>(
        &'s self,
        a: usize,
        b: usize,
        aligned: impl FnOnce(&'s ArticlePrints, &'s ArticlePrints) -> u32,
    ) -> f64 {
        let (Some(pa), Some(pb)) = (self.prints.get(a), self.prints.get(b)) else {
            return 0.0;
        };
        if a == b {
            return 1.0;
        }
        let pairs = &self.analysis.pairs;
        let find = |x: u32, y: u32| {
            pairs
                .binary_search_by_key(&(x.min(y), x.max(y)), |r| (r.a, r.b))
                .ok()
                .map(|i| &pairs[i])
        };
        if let Some(r) = find(pa.article, pb.article) {
            return if r.a == pa.article {
                r.containment_a
            } else {
                r.containment_b
            };
        }
        let cluster = |p: &ArticlePrints| self.analysis.cluster_of.get(p.article as usize).copied();
        let related = match (cluster(pa), cluster(pb)) {
            // Copies of one cluster hold at least `cluster-containment` of each other
            // (that is what joined them): that bound, not aligned again, as the
            // engine does not align within a cluster (copies of a long text with a
            // repeated paragraph would make it quadratic).
            (Some(x), Some(y)) if x == y => return self.config.cluster_containment,
            (Some(x), Some(y)) => find(x, y).is_some(),
            _ => false,
        };
        if !related || pa.tokens.is_empty() {
            return 0.0;
        }
        f64::from(aligned(pa, pb)) / pa.tokens.len() as f64
    }

    /// The findings alone, the rest freed: the prints, the analysis and the
    /// clusters are not held while the caller grows its list of findings by these
    /// (issue 14).
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// Words of article `a`'s body.
    pub fn words(&self, a: usize) -> usize {
        self.prints.get(a).map_or(0, |p| p.tokens.len())
    }

    /// The passages articles `a` and `b` (indices in the corpus, `a` as side A)
    /// share, as the engine aligned them: a cluster member's with its original as
    /// its finding measured them, an aligned pair's, else aligned now with the same
    /// parameters (two copies of one cluster, which the engine does not align with
    /// each other, or two articles of clusters that share passages).
    pub fn passages(&self, a: usize, b: usize) -> Vec<Passage> {
        let (Some(pa), Some(pb)) = (self.prints.get(a), self.prints.get(b)) else {
            return Vec::new();
        };
        let mirror = |ps: &[Passage]| -> Vec<Passage> {
            let mut out: Vec<Passage> = ps
                .iter()
                .map(|p| Passage {
                    a_start: p.b_start,
                    a_end: p.b_end,
                    b_start: p.a_start,
                    b_end: p.a_end,
                    matched: p.matched,
                })
                .collect();
            out.sort_by_key(|p| (p.a_start, p.a_end, p.b_start));
            out
        };
        let (x, y) = (pa.article, pb.article);
        let cluster = self.analysis.cluster_of.get(x as usize).and_then(|root| {
            let i = self.clusters.binary_search_by_key(root, |c| c.first).ok()?;
            Some(&self.clusters[i])
        });
        if let Some(cluster) = cluster.filter(|c| c.original == x || c.original == y) {
            let other = if cluster.original == x { y } else { x };
            if let Some((_, ps)) = cluster.members.iter().find(|(m, _)| *m == other) {
                return if cluster.original == x {
                    ps.clone()
                } else {
                    mirror(ps)
                };
            }
        }
        let pairs = &self.analysis.pairs;
        if let Ok(i) = pairs.binary_search_by_key(&(x.min(y), x.max(y)), |r| (r.a, r.b)) {
            let r = &pairs[i];
            return if r.a == x {
                r.passages.clone()
            } else {
                mirror(&r.passages)
            };
        }
        align_pair(
            &pa.tokens,
            &pb.tokens,
            self.config.shingle,
            self.config.max_gap,
        )
    }

    /// The passages articles `a` and `b` share ([`Detection::passages`]) as byte
    /// ranges of each body (offsets from the body's first byte), with the share of
    /// each article's words inside them (rounded to three decimals):
    /// `(passages, coverage of a, coverage of b)`.
    pub fn shared(
        &self,
        corpus: &Corpus,
        a: usize,
        b: usize,
    ) -> (Vec<factdiff_findings::SharedPassage>, f64, f64) {
        let (Some(art_a), Some(art_b)) = (corpus.articles.get(a), corpus.articles.get(b)) else {
            return (Vec::new(), 0.0, 0.0);
        };
        let passages = self.passages(a, b);
        let spans_a = prints::body_word_spans(art_a);
        let spans_b = prints::body_word_spans(art_b);
        let bytes = |spans: &[factdiff_corpus::Span], body: u32, s: u32, e: u32| {
            let first = spans.get(s as usize)?;
            let last = spans.get((e as usize).checked_sub(1)?)?;
            Some((first.start - body, last.end - body))
        };
        let shared = passages
            .iter()
            .filter_map(|p| {
                Some(factdiff_findings::SharedPassage {
                    left: bytes(&spans_a, art_a.body.start, p.a_start, p.a_end)?,
                    right: bytes(&spans_b, art_b.body.start, p.b_start, p.b_end)?,
                    matched: p.matched,
                })
            })
            .collect();
        let matched: u32 = passages.iter().map(|p| p.matched).sum();
        let share = |n: usize| {
            if n == 0 {
                0.0
            } else {
                round3((f64::from(matched) / n as f64).min(1.0))
            }
        };
        (shared, share(spans_a.len()), share(spans_b.len()))
    }
}

/// How two texts compare: the basis of `factdiff diff` and the evaluations.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Words of the first text.
    pub words_a: usize,
    /// Words of the second text.
    pub words_b: usize,
    /// Share of the first text's words inside passages shared with the second.
    pub containment_a: f64,
    /// Share of the second text's words inside passages shared with the first.
    pub containment_b: f64,
    /// Twice the words the texts share in order over their total.
    pub similarity: f64,
    /// The shared passages (word ranges), in order on the first text.
    pub passages: Vec<Passage>,
}

/// Compares two texts the way [`detect`] compares two articles.
pub fn compare(a: &str, b: &str, config: &OverlapConfig) -> Comparison {
    let cfg = config.sanitized();
    let ta = text_tokens(a);
    let tb = text_tokens(b);
    let passages = align_pair(&ta, &tb, cfg.shingle, cfg.max_gap);
    let matched: u32 = passages.iter().map(|p| p.matched).sum();
    let share = |n: usize| {
        if n == 0 {
            0.0
        } else {
            f64::from(matched) / n as f64
        }
    };
    Comparison {
        words_a: ta.len(),
        words_b: tb.len(),
        containment_a: share(ta.len()),
        containment_b: share(tb.len()),
        similarity: token_similarity(&ta, &tb),
        passages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_aligned_once_for_both_directions() {
        let cache = PairCache::default();
        let calls = std::sync::atomic::AtomicU32::new(0);
        let align = || {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            7
        };
        assert_eq!(cache.matched((1, 2), align), 7);
        assert_eq!(cache.matched((1, 2), align), 7);
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 1);
        // Read once, the entry is gone: asked again, the pair is aligned again.
        assert!(cache.shards.iter().all(|s| s.lock().unwrap().is_empty()));
        assert_eq!(cache.matched((1, 2), align), 7);
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 2);
    }

    #[test]
    fn the_words_matched_are_the_same_either_way_round() {
        let a = text_tokens(
            "Officials said on Monday that at least 37 people have been killed in flash \
             floods across the coastal province after days of torrential rain, and that \
             rescue teams reached three villages.",
        );
        let b = text_tokens(
            "Rescue teams reached four villages. Officials said on Tuesday that at least \
             37 people have been killed in flash floods across the coastal region after \
             days of torrential rain.",
        );
        let sum = |ps: Vec<Passage>| ps.iter().map(|p| p.matched).sum::<u32>();
        let ab = sum(align_pair(&a, &b, 5, 4));
        assert!(ab > 20);
        assert_eq!(ab, sum(align_pair(&b, &a, 5, 4)));
    }
}
