//! Group by fingerprint, compare within a group: candidate pairs, alignment, clusters,
//! boilerplate and sentence-level near overlap. Pure data in, pure data out; the
//! findings are made in `report.rs`.

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::OverlapConfig;
use crate::align::{Passage, Prepared, align, align_pair, align_pair_with};
use crate::near::{Stopwords, content_bigrams, content_set, similarity_of_sets};
use crate::prints::ArticlePrints;

/// What two articles (or one article with itself) share.
#[derive(Clone, Debug)]
pub struct PairResult {
    /// The earlier article.
    pub a: u32,
    /// The later article (equal to `a` for repeats within one article).
    pub b: u32,
    /// The passages, in order on side A.
    pub passages: Vec<Passage>,
    /// Share of A's words inside the passages.
    pub containment_a: f64,
    /// Share of B's words inside the passages.
    pub containment_b: f64,
}

/// A pair of sentences that say the same thing in other words.
#[derive(Clone, Copy, Debug)]
pub struct NearSentence {
    /// Article and sentence index of the earlier sentence.
    pub a: (u32, u32),
    /// Article and sentence index of the later one.
    pub b: (u32, u32),
    /// Dice coefficient of their content words.
    pub similarity: f64,
}

/// Everything the engine found.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Cross-article pairs with at least one passage, sorted by `(a, b)`.
    pub pairs: Vec<PairResult>,
    /// Repeats inside one article, sorted by article.
    pub selves: Vec<PairResult>,
    /// For each article, the smallest article id of its cluster (itself if alone).
    pub cluster_of: Vec<u32>,
    /// Hashes of boilerplate sentences, sorted.
    pub boilerplate: Vec<u64>,
    /// Fingerprints (masked with `fp_mask`) of formulaic phrasing: found in at least
    /// the boilerplate threshold of distinct clusters. Sorted.
    pub common: Vec<u64>,
    /// The mask that turns a shingle hash into a fingerprint of `common`.
    pub fp_mask: u64,
    /// Skeleton shingles (figures masked, `crate::template`) found in articles of at
    /// least `common-phrase-articles` distinct clusters: templates. Sorted.
    pub templates: Vec<u64>,
    /// Skeleton shingles found on at least `crate::template::STOCK_DAYS` distinct days:
    /// stock phrases, when a short passage is made of them. Sorted; masked as
    /// `templates`.
    pub stock: Vec<u64>,
    /// Skeleton shingles found in at least `crate::template::RECURRING_STORIES`
    /// distinct clusters (stories) of at least two distinct days: phrases a subject is
    /// told with in story after story, when a short passage is made of them. Sorted;
    /// masked as `templates`.
    pub recurring: Vec<u64>,
    /// The mask that turns a skeleton shingle hash into an entry of `templates`.
    pub template_mask: u64,
    /// Near sentences, sorted.
    pub near: Vec<NearSentence>,
}

/// Bits needed to hold article ids below `n`.
fn bits_for(n: usize) -> u32 {
    (usize::BITS - n.max(2).saturating_sub(1).leading_zeros()).max(1)
}

/// The inverted index: every article's fingerprints packed with its id
/// (`fingerprint & fp_mask | article`), sorted, so that the articles holding one
/// fingerprint are one contiguous group.
#[derive(Clone, Debug, Default)]
pub struct Index {
    keys: Vec<u64>,
    art_mask: u64,
    /// `buckets[t]` is the first key whose top `bucket_bits` bits are `t`: a lookup
    /// is one or two cache misses, not a binary search over every key.
    buckets: Vec<u32>,
    bucket_bits: u32,
}

impl Index {
    /// Map, then group by fingerprint.
    pub fn build(prints: &[ArticlePrints]) -> Index {
        let art_mask: u64 = (1u64 << bits_for(prints.len())) - 1;
        // Sized before it is filled: a parallel collect of unknown length held its
        // pieces and the whole at once (twice the index).
        let mut keys: Vec<u64> =
            Vec::with_capacity(prints.iter().map(|p| p.marks.len()).sum::<usize>());
        for p in prints {
            keys.extend(
                p.marks
                    .iter()
                    .map(|&m| (m & !art_mask) | u64::from(p.article)),
            );
        }
        keys.par_sort_unstable();
        let bucket_bits = (usize::BITS - keys.len().max(2).leading_zeros()).clamp(4, 28);
        let n_buckets = 1usize << bucket_bits;
        let mut buckets = vec![0u32; n_buckets + 1];
        let shift = 64 - bucket_bits;
        let mut next = 0usize;
        for (idx, &k) in keys.iter().enumerate() {
            let t = (k >> shift) as usize;
            while next <= t {
                buckets[next] = idx as u32;
                next += 1;
            }
        }
        while next <= n_buckets {
            buckets[next] = keys.len() as u32;
            next += 1;
        }
        Index {
            keys,
            art_mask,
            buckets,
            bucket_bits,
        }
    }

    /// The fingerprint part of a hash.
    pub fn fp(&self, hash: u64) -> u64 {
        hash & !self.art_mask
    }

    /// The entries of one fingerprint in its bucket (`buckets` of its top bits).
    fn group_in<'k>(&self, bucket: &'k [u64], fp: u64) -> &'k [u64] {
        let lo = bucket.partition_point(|&k| k < fp);
        let hi = lo + bucket[lo..].partition_point(|&k| k <= (fp | self.art_mask));
        &bucket[lo..hi]
    }

    /// The candidate partners `b > a` of article `a`: articles that share at least
    /// `min_shared` fingerprints, fingerprints in more than `max_postings` articles
    /// left out; with the number shared.
    pub fn candidates(
        &self,
        p: &ArticlePrints,
        prints: &[ArticlePrints],
        cfg: &OverlapConfig,
    ) -> Vec<(u32, u32)> {
        self.partners(p.article, &p.marks, cfg.max_postings)
            .into_iter()
            .filter(|&(b, shared)| {
                let other = prints[b as usize].marks.len();
                shared as usize >= cfg.min_shared.min(p.marks.len()).min(other).max(1)
            })
            .collect()
    }

    /// The articles `b > a` that hold any of `marks`, with how many they hold;
    /// fingerprints in more than `max_postings` articles left out.
    pub fn partners(&self, a: u32, marks: &[u64], max_postings: usize) -> Vec<(u32, u32)> {
        let mut partners: Vec<u32> = Vec::new();
        let mut prev = u64::MAX;
        let shift = 64 - self.bucket_bits;
        // A lookup is two cache misses, its bucket's bounds and then its keys, and the
        // next lookup waited on this one's branches: a batch of fingerprints has its
        // buckets and their first keys read first, all at once (independent loads
        // overlap), then is looked up in the cache.
        for batch in marks.chunks(LOOKUP_BATCH) {
            let mut buckets = [(0usize, 0usize); LOOKUP_BATCH];
            let mut firsts = [0u64; LOOKUP_BATCH];
            for ((bucket, first), &m) in buckets.iter_mut().zip(&mut firsts).zip(batch) {
                let t = (self.fp(m) >> shift) as usize;
                *bucket = (self.buckets[t] as usize, self.buckets[t + 1] as usize);
                *first = self.keys.get(bucket.0).copied().unwrap_or(u64::MAX);
            }
            for ((&(lo, hi), &first), &m) in buckets.iter().zip(&firsts).zip(batch) {
                let fp = self.fp(m);
                if fp == prev {
                    continue;
                }
                prev = fp;
                // No key of the fingerprint in its bucket.
                if lo == hi || first > (fp | self.art_mask) {
                    continue;
                }
                let group = self.group_in(&self.keys[lo..hi], fp);
                if group.len() > max_postings {
                    continue;
                }
                partners.extend(
                    group
                        .iter()
                        .map(|&k| (k & self.art_mask) as u32)
                        .filter(|&b| b > a),
                );
            }
        }
        partners.sort_unstable();
        partners
            .chunk_by(|x, y| x == y)
            .map(|run| (run[0], run.len() as u32))
            .collect()
    }

    /// Fingerprints found in articles of at least `threshold` distinct clusters: the
    /// words of formulaic phrasing, sorted.
    fn common(&self, cluster_of: &[u32], threshold: usize) -> Vec<u64> {
        let mut out = Vec::new();
        let mut clusters: Vec<u32> = Vec::new();
        for group in self
            .keys
            .chunk_by(|x, y| (x & !self.art_mask) == (y & !self.art_mask))
        {
            if group.len() < threshold {
                continue;
            }
            clusters.clear();
            clusters.extend(
                group
                    .iter()
                    .map(|&k| cluster_of[(k & self.art_mask) as usize]),
            );
            clusters.sort_unstable();
            clusters.dedup();
            if clusters.len() >= threshold {
                out.push(group[0] & !self.art_mask);
            }
        }
        out
    }
}

/// Fingerprints [`Index::partners`] reads the buckets of at once (8).
const LOOKUP_BATCH: usize = 8;

/// Every candidate pair `(a, b)`, `a < b`, in order.
pub fn candidate_pairs(prints: &[ArticlePrints], cfg: &OverlapConfig) -> Vec<(u32, u32)> {
    let index = Index::build(prints);
    prints
        .par_iter()
        .flat_map_iter(|p| {
            index
                .candidates(p, prints, cfg)
                .into_iter()
                .map(move |(b, _)| (p.article, b))
        })
        .collect()
}

fn pair_result(
    a: &ArticlePrints,
    b: &ArticlePrints,
    same: bool,
    cfg: &OverlapConfig,
) -> PairResult {
    let passages = if same {
        align(&a.tokens, &b.tokens, true, cfg.shingle, cfg.max_gap)
    } else {
        align_pair(&a.tokens, &b.tokens, cfg.shingle, cfg.max_gap)
    };
    result(a, b, passages)
}

/// Aligns one article with its candidates one after the other: the first with
/// [`align_pair`], then, when there is a second, the article prepared once for the
/// rest ([`align_pair_with`]; the same passages). The first copy of a story found
/// aligns with each of its copies (15 at 16x Reuters).
struct Aligner<'p> {
    a: &'p ArticlePrints,
    aligned: usize,
    prepared: Option<Prepared<'p>>,
}

impl<'p> Aligner<'p> {
    fn new(a: &'p ArticlePrints) -> Aligner<'p> {
        Aligner {
            a,
            aligned: 0,
            prepared: None,
        }
    }

    /// [`pair_result`] of the article with `b` (not itself).
    fn pair_result(&mut self, b: &ArticlePrints, cfg: &OverlapConfig) -> PairResult {
        self.aligned += 1;
        if self.aligned == 1 {
            return pair_result(self.a, b, false, cfg);
        }
        let a = self.a;
        let prepared = self
            .prepared
            .get_or_insert_with(|| Prepared::new(&a.tokens, cfg.shingle));
        let passages = align_pair_with(prepared, &b.tokens, cfg.shingle, cfg.max_gap);
        result(a, b, passages)
    }
}

/// The pair's figures from its passages.
fn result(a: &ArticlePrints, b: &ArticlePrints, passages: Vec<Passage>) -> PairResult {
    let matched: u32 = passages.iter().map(|p| p.matched).sum();
    let share = |n: usize| {
        if n == 0 {
            0.0
        } else {
            f64::from(matched) / n as f64
        }
    };
    PairResult {
        a: a.article,
        b: b.article,
        containment_a: share(a.tokens.len()),
        containment_b: share(b.tokens.len()),
        passages,
    }
}

/// Union-find over article ids; the root of a set is its smallest id.
struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, x: u32) -> u32 {
        let mut root = x;
        while self.0[root as usize] != root {
            root = self.0[root as usize];
        }
        let mut cur = x;
        while self.0[cur as usize] != root {
            let next = self.0[cur as usize];
            self.0[cur as usize] = root;
            cur = next;
        }
        root
    }

    fn union(&mut self, x: u32, y: u32) {
        let (rx, ry) = (self.find(x), self.find(y));
        let (lo, hi) = if rx < ry { (rx, ry) } else { (ry, rx) };
        self.0[hi as usize] = lo;
    }
}

/// Runs the group-and-compare steps over the map output.
///
/// Phase 1 finds the clusters: candidate pairs that share a good part of their
/// fingerprints are aligned and joined (union-find) when each contains the other.
/// A pair already known to be one cluster is not aligned again: that saves the
/// all-pairs work inside a group of copies and cannot change the clusters (an edge
/// inside a component never does), so the result does not depend on the order the
/// threads take. Phase 2 aligns the candidate pairs between the first articles of
/// two clusters, so that passages are found once per pair of clusters; repeats within
/// an article and rewordings are also looked for in first articles only.
pub fn analyze(prints: &[ArticlePrints], cfg: &OverlapConfig) -> Analysis {
    let n = prints.len();
    let index = Index::build(prints);
    // Phase 1, clusters: align the candidates that share a good part of their
    // fingerprints, unless they are already known to be one cluster.
    let uf = Mutex::new(UnionFind((0..n as u32).collect()));
    let lock = || uf.lock().unwrap_or_else(|e| e.into_inner());
    prints.par_iter().for_each(|p| {
        // A bottom-k sketch: the smallest fingerprints of two copies are mostly the
        // same, so they find each other without every fingerprint being looked up.
        let sketch = &p.marks[..p.marks.len().min(CLUSTER_SKETCH)];
        let mut aligner = Aligner::new(p);
        for (b, shared) in index.partners(p.article, sketch, cfg.max_postings) {
            let need = (CLUSTER_CANDIDATE_SHARE * sketch.len() as f64).max(2.0);
            if (shared as f64) < need.min(sketch.len() as f64) {
                continue;
            }
            {
                let mut uf = lock();
                if uf.find(p.article) == uf.find(b) {
                    continue;
                }
            }
            let r = aligner.pair_result(&prints[b as usize], cfg);
            // Copies give the same figures (reports of one template on other days
            // contain each other's words, not each other's figures) and come out
            // within days of each other (the same short notice of another company
            // weeks later is the template filled in again).
            if r.containment_a >= cfg.cluster_containment
                && r.containment_b >= cfg.cluster_containment
                && crate::template::figures_agree(&p.tokens, &prints[b as usize].tokens)
                && days_apart(p.day, prints[b as usize].day) <= MAX_COPY_DAYS
            {
                lock().union(r.a, r.b);
            }
        }
    });
    let mut uf = uf.into_inner().unwrap_or_else(|e| e.into_inner());
    let cluster_of: Vec<u32> = (0..n as u32).map(|x| uf.find(x)).collect();
    let is_root = |x: u32| cluster_of[x as usize] == x;
    // Formulaic phrasing is no evidence of a shared passage: phase 2 counts only the
    // other shared fingerprints.
    let common = index.common(&cluster_of, cfg.common_phrase_articles);
    let fp_mask = !index.art_mask;
    // Templates: passages whose skeleton, figures masked, recurs in many clusters.
    let (templates, stock, recurring) =
        crate::template::templates(prints, &cluster_of, cfg.common_phrase_articles, cfg.shingle);
    let template_mask = crate::template::template_mask(prints.len());
    let evidence = |a: &ArticlePrints, b: &ArticlePrints| {
        let (mut i, mut j, mut n) = (0, 0, 0usize);
        while i < a.marks.len() && j < b.marks.len() {
            let (x, y) = (a.marks[i] & fp_mask, b.marks[j] & fp_mask);
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += usize::from(common.binary_search(&x).is_err());
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    };
    // Phase 2, passages: once per pair of clusters, between their first articles.
    let mut pairs: Vec<PairResult> = prints
        .par_iter()
        .filter(|p| is_root(p.article))
        .flat_map_iter(|p| {
            let mut aligner = Aligner::new(p);
            index
                .candidates(p, prints, cfg)
                .into_iter()
                .filter(|&(b, _)| is_root(b))
                .filter(|&(b, _)| {
                    let other = &prints[b as usize];
                    let need = cfg.min_shared.min(p.marks.len()).min(other.marks.len());
                    evidence(p, other) >= need.max(1)
                })
                .map(|(b, _)| aligner.pair_result(&prints[b as usize], cfg))
                .filter(|r| !r.passages.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.sort_by_key(|r| (r.a, r.b));
    let selves: Vec<PairResult> = prints
        .par_iter()
        .filter(|p| is_root(p.article))
        .map(|p| pair_result(p, p, true, cfg))
        .filter(|r| !r.passages.is_empty())
        .collect();
    let n_clusters = (0..n as u32).filter(|&x| is_root(x)).count();
    let threshold = cfg.boilerplate_threshold(n_clusters);
    let boilerplate = boilerplate_sentences(prints, &cluster_of, threshold, cfg);
    // Sentences retold in other words, only when asked for (`reworded`).
    let near = if cfg.reworded {
        near_sentences(
            prints,
            &pairs,
            &selves,
            &cluster_of,
            &boilerplate,
            (&common, fp_mask, &templates, template_mask),
            cfg,
        )
    } else {
        Vec::new()
    };
    Analysis {
        pairs,
        selves,
        cluster_of,
        boilerplate,
        common,
        fp_mask,
        templates,
        stock,
        recurring,
        template_mask,
        near,
    }
}

/// The most days apart two copies of one story are published (7): wire copy is
/// republished the same day or within days; two reports of one template weeks apart
/// are not one story.
pub const MAX_COPY_DAYS: u32 = 7;

/// Days between two articles' dates; 0 when either has none.
pub fn days_apart(a: Option<i32>, b: Option<i32>) -> u32 {
    match (a, b) {
        (Some(a), Some(b)) => a.abs_diff(b),
        _ => 0,
    }
}

/// Fingerprints in the sketch an article looks up to find its copies.
const CLUSTER_SKETCH: usize = 16;

/// Share of the sketch two articles must share to be aligned as possible members of
/// one cluster. Copies with 5% of their words edited share about 70% of
/// them, two such copies of one story about 45%; stories that only quote each other
/// share few.
const CLUSTER_CANDIDATE_SHARE: f64 = 0.3;

/// Sentences found in at least the boilerplate threshold of articles from as many
/// distinct clusters: copies of one story do not make its sentences boilerplate.
fn boilerplate_sentences(
    prints: &[ArticlePrints],
    cluster_of: &[u32],
    threshold: usize,
    cfg: &OverlapConfig,
) -> Vec<u64> {
    let mut occ: Vec<(u64, u32)> = prints
        .par_iter()
        .flat_map_iter(|p| {
            p.sentences
                .iter()
                .filter(|s| (s.end_word - s.first_word) as usize >= cfg.boilerplate_min_words)
                .map(move |s| (s.hash, cluster_of[p.article as usize]))
        })
        .collect();
    occ.par_sort_unstable();
    occ.dedup();
    let mut out = Vec::new();
    let mut idx = 0;
    while idx < occ.len() {
        let h = occ[idx].0;
        let mut end = idx;
        while end < occ.len() && occ[end].0 == h {
            end += 1;
        }
        if end - idx >= threshold {
            out.push(h);
        }
        idx = end;
    }
    out
}

/// A pair of content words found in more sentences than this is a stock phrase
/// ("mln dlrs"), no evidence that two sentences tell the same thing.
const NEAR_KEY_POSTINGS: usize = 20;

/// Whether most of the fingerprints inside the words `[start, end)` of an article are
/// formulaic phrasing (in `common`), found in many unrelated articles.
pub fn formulaic(
    p: &ArticlePrints,
    start: u32,
    end: u32,
    common: &[u64],
    fp_mask: u64,
    shingle: usize,
) -> bool {
    if common.is_empty() {
        return false;
    }
    let tokens = &p.tokens[start as usize..end as usize];
    let (mut marks, mut found) = (0usize, 0usize);
    for h in crate::prints::shingle_hashes(tokens, shingle) {
        if p.marks.binary_search(&h).is_ok() {
            marks += 1;
            found += usize::from(common.binary_search(&(h & fp_mask)).is_ok());
        }
    }
    marks > 0 && 2 * found >= marks
}

/// Whether the word range `[s, e)` is mostly covered by `ranges`.
fn mostly_covered(ranges: &[(u32, u32)], s: u32, e: u32) -> bool {
    let covered: u32 = ranges
        .iter()
        .map(|&(rs, re)| re.min(e).saturating_sub(rs.max(s)))
        .sum();
    2 * covered >= e - s
}

fn near_sentences(
    prints: &[ArticlePrints],
    pairs: &[PairResult],
    selves: &[PairResult],
    cluster_of: &[u32],
    boilerplate: &[u64],
    (common, fp_mask, templates, template_mask): (&[u64], u64, &[u64], u64),
    cfg: &OverlapConfig,
) -> Vec<NearSentence> {
    // Word ranges already inside a passage, per article.
    let mut covered: Vec<Vec<(u32, u32)>> = vec![Vec::new(); prints.len()];
    for r in pairs.iter().chain(selves) {
        for p in &r.passages {
            if (p.a_len() as usize) < cfg.shingle + 1 {
                continue;
            }
            covered[r.a as usize].push((p.a_start, p.a_end));
            covered[r.b as usize].push((p.b_start, p.b_end));
        }
    }
    let stop = Stopwords::new();
    // Map: each eligible sentence's content set and keys.
    struct Sent {
        id: (u32, u32),
        content: Vec<u32>,
        keys: Vec<u64>,
    }
    let sents: Vec<Sent> = prints
        .par_iter()
        .filter(|p| cluster_of[p.article as usize] == p.article)
        .flat_map_iter(|p| {
            let stop = &stop;
            let covered = &covered[p.article as usize];
            p.sentences.iter().enumerate().filter_map(move |(idx, s)| {
                if ((s.end_word - s.first_word) as usize) < cfg.near_min_words
                    || boilerplate.binary_search(&s.hash).is_ok()
                    || mostly_covered(covered, s.first_word, s.end_word)
                    || formulaic(p, s.first_word, s.end_word, common, fp_mask, cfg.shingle)
                {
                    return None;
                }
                let tokens = &p.tokens[s.first_word as usize..s.end_word as usize];
                if crate::template::templated(tokens, templates, template_mask, cfg.shingle) {
                    return None;
                }
                let keys = content_bigrams(&stop.content(tokens));
                Some(Sent {
                    id: (p.article, idx as u32),
                    content: content_set(stop, tokens),
                    keys,
                })
            })
        })
        .collect();
    // Group by key.
    let mut keyed: Vec<(u64, u32)> = sents
        .iter()
        .enumerate()
        .flat_map(|(idx, s)| s.keys.iter().map(move |&k| (k, idx as u32)))
        .collect();
    keyed.par_sort_unstable();
    let mut cand: Vec<(u32, u32)> = Vec::new();
    let mut idx = 0;
    while idx < keyed.len() {
        let k = keyed[idx].0;
        let mut end = idx;
        while end < keyed.len() && keyed[end].0 == k {
            end += 1;
        }
        let group = &keyed[idx..end];
        if group.len() >= 2 && group.len() <= NEAR_KEY_POSTINGS {
            for x in 0..group.len() {
                for y in x + 1..group.len() {
                    cand.push((group[x].1, group[y].1));
                }
            }
        }
        idx = end;
    }
    cand.par_sort_unstable();
    let mut shared: Vec<(u32, u32)> = Vec::new();
    let mut idx = 0;
    while idx < cand.len() {
        let mut end = idx;
        while end < cand.len() && cand[end] == cand[idx] {
            end += 1;
        }
        if end - idx >= 2 {
            shared.push(cand[idx]);
        }
        idx = end;
    }
    let mut out: Vec<NearSentence> = shared
        .par_iter()
        .filter_map(|&(x, y)| {
            let (sx, sy) = (&sents[x as usize], &sents[y as usize]);
            let (ax, ay) = (sx.id.0 as usize, sy.id.0 as usize);
            if ax != ay && cluster_of[ax] == cluster_of[ay] {
                return None;
            }
            let similarity = similarity_of_sets(&sx.content, &sy.content);
            (similarity >= cfg.near_threshold).then_some(NearSentence {
                a: sx.id.min(sy.id),
                b: sx.id.max(sy.id),
                similarity,
            })
        })
        .collect();
    out.sort_by_key(|s| (s.a, s.b));
    // Once per pair of clusters: the sentences of the first pair of articles.
    let key = |s: &NearSentence| {
        let (x, y) = (cluster_of[s.a.0 as usize], cluster_of[s.b.0 as usize]);
        (x.min(y), x.max(y))
    };
    let mut first: BTreeMap<(u32, u32), (u32, u32)> = BTreeMap::new();
    for s in &out {
        first.entry(key(s)).or_insert((s.a.0, s.b.0));
    }
    out.retain(|s| first.get(&key(s)) == Some(&(s.a.0, s.b.0)));
    out
}
