//! Group by fingerprint, compare within a group: candidate pairs, alignment, clusters,
//! boilerplate and sentence-level near overlap. Pure data in, pure data out; the
//! findings are made in `report.rs`.

use rayon::prelude::*;

use crate::OverlapConfig;
use crate::align::{Passage, align};
use crate::near::{Stopwords, content_bigrams, content_set, dice};
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
    /// Near sentences, sorted.
    pub near: Vec<NearSentence>,
}

/// Bits needed to hold article ids below `n`.
fn bits_for(n: usize) -> u32 {
    (usize::BITS - n.max(2).saturating_sub(1).leading_zeros()).max(1)
}

/// The candidate partners `b > a` of every article `a`: articles that share at least
/// `min_shared` fingerprints, fingerprints in more than `max_postings` articles left
/// out.
pub fn candidate_pairs(prints: &[ArticlePrints], cfg: &OverlapConfig) -> Vec<(u32, u32)> {
    let art_bits = bits_for(prints.len());
    let art_mask: u64 = (1u64 << art_bits) - 1;
    let fp_mask: u64 = !art_mask;
    // Map: each article's fingerprints, packed with its id.
    let mut keys: Vec<u64> = prints
        .par_iter()
        .flat_map_iter(|p| {
            p.marks
                .iter()
                .map(move |&m| (m & fp_mask) | u64::from(p.article))
        })
        .collect();
    // Group by fingerprint.
    keys.par_sort_unstable();
    // Compare within a group: each article queries its own fingerprints' groups.
    let per_article: Vec<Vec<(u32, u32)>> = prints
        .par_iter()
        .map(|p| {
            let a = p.article;
            let mut partners: Vec<u32> = Vec::new();
            let mut prev = u64::MAX;
            for &m in &p.marks {
                let fp = m & fp_mask;
                if fp == prev {
                    continue;
                }
                prev = fp;
                let lo = keys.partition_point(|&k| k < fp);
                let hi = keys.partition_point(|&k| k <= (fp | art_mask));
                if hi - lo > cfg.max_postings {
                    continue;
                }
                partners.extend(
                    keys[lo..hi]
                        .iter()
                        .map(|&k| (k & art_mask) as u32)
                        .filter(|&b| b > a),
                );
            }
            partners.sort_unstable();
            let need = cfg.min_shared.min(p.marks.len()).max(1);
            let mut out = Vec::new();
            let mut idx = 0;
            while idx < partners.len() {
                let b = partners[idx];
                let mut end = idx;
                while end < partners.len() && partners[end] == b {
                    end += 1;
                }
                let other = prints[b as usize].marks.len();
                if end - idx >= need.min(other.max(1)) {
                    out.push((a, b));
                }
                idx = end;
            }
            out
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

fn pair_result(
    a: &ArticlePrints,
    b: &ArticlePrints,
    same: bool,
    cfg: &OverlapConfig,
) -> PairResult {
    let passages = align(&a.tokens, &b.tokens, same, cfg.shingle, cfg.max_gap);
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
pub fn analyze(prints: &[ArticlePrints], cfg: &OverlapConfig) -> Analysis {
    let n = prints.len();
    let candidates = candidate_pairs(prints, cfg);
    let mut pairs: Vec<PairResult> = candidates
        .par_iter()
        .map(|&(a, b)| pair_result(&prints[a as usize], &prints[b as usize], false, cfg))
        .filter(|r| !r.passages.is_empty())
        .collect();
    pairs.sort_by_key(|r| (r.a, r.b));
    let selves: Vec<PairResult> = prints
        .par_iter()
        .map(|p| pair_result(p, p, true, cfg))
        .filter(|r| !r.passages.is_empty())
        .collect();

    // Clusters of duplicate coverage.
    let mut uf = UnionFind((0..n as u32).collect());
    for r in &pairs {
        if r.containment_a >= cfg.cluster_containment && r.containment_b >= cfg.cluster_containment
        {
            uf.union(r.a, r.b);
        }
    }
    let cluster_of: Vec<u32> = (0..n as u32).map(|x| uf.find(x)).collect();

    let boilerplate = boilerplate_sentences(prints, &cluster_of, cfg);
    let near = near_sentences(prints, &pairs, &selves, &cluster_of, &boilerplate, cfg);
    Analysis {
        pairs,
        selves,
        cluster_of,
        boilerplate,
        near,
    }
}

/// Sentences found in at least the boilerplate threshold of articles from as many
/// distinct clusters: copies of one story do not make its sentences boilerplate.
fn boilerplate_sentences(
    prints: &[ArticlePrints],
    cluster_of: &[u32],
    cfg: &OverlapConfig,
) -> Vec<u64> {
    let threshold = cfg.boilerplate_threshold(prints.len());
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
        .flat_map_iter(|p| {
            let stop = &stop;
            let covered = &covered[p.article as usize];
            p.sentences.iter().enumerate().filter_map(move |(idx, s)| {
                if ((s.end_word - s.first_word) as usize) < cfg.near_min_words
                    || boilerplate.binary_search(&s.hash).is_ok()
                    || mostly_covered(covered, s.first_word, s.end_word)
                {
                    return None;
                }
                let tokens = &p.tokens[s.first_word as usize..s.end_word as usize];
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
        if group.len() >= 2 && group.len() <= cfg.max_postings {
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
            let similarity = dice(&sx.content, &sy.content);
            (similarity >= cfg.near_threshold).then_some(NearSentence {
                a: sx.id.min(sy.id),
                b: sx.id.max(sy.id),
                similarity,
            })
        })
        .collect();
    out.sort_by_key(|s| (s.a, s.b));
    out
}
