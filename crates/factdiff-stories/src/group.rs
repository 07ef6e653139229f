//! Signatures -> stories: weights from corpus-wide rarity, candidates by blocking on
//! shared rare keys (an inverted index, never all pairs), a score per candidate pair
//! with vetoes, then average-link clustering under cannot-link constraints.
//!
//! Written by hand, and why: the clustering crates (linfa, kodama) work on dense
//! distance matrices, quadratic in the corpus; this one runs on the sparse graph of
//! candidate pairs the blocking gives, with the vetoes as cannot-link constraints,
//! which none of them take.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use rayon::prelude::*;

use crate::config::StoryConfig;
use crate::signature::{Signature, resemblance};

/// Below this many articles, rarity is measured as if the corpus had this many: in a
/// handful of articles every shared word looks common, though it is not in the news.
const IDF_MIN_ARTICLES: f64 = 100.0;

/// Two articles whose sketches agree this much share most of their text: a
/// republication, linked whatever their dates.
const COPY_RESEMBLANCE: f64 = 0.5;

/// One article's weighted keys: `(key id, weight)`, sorted by key id, and the norm.
#[derive(Default)]
struct Vector {
    keys: Vec<(u32, f64)>,
    norm: f64,
}

impl Vector {
    fn cosine(&self, other: &Vector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.keys.len() && j < other.keys.len() {
            match self.keys[i].0.cmp(&other.keys[j].0) {
                Ordering::Equal => {
                    dot += self.keys[i].1 * other.keys[j].1;
                    i += 1;
                    j += 1;
                }
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
            }
        }
        dot / (self.norm * other.norm)
    }

    fn has(&self, key: u32) -> bool {
        self.keys.binary_search_by_key(&key, |k| k.0).is_ok()
    }
}

/// Interned keys with their document frequencies.
#[derive(Default)]
struct Keys<'a> {
    ids: HashMap<&'a str, u32>,
    df: Vec<u32>,
}

impl<'a> Keys<'a> {
    fn id(&mut self, key: &'a str) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.df.push(0);
        }
        id
    }
}

/// What the grouping computed for each article, and the link scores: what the
/// clustering reads, and what a test or an evaluation inspects.
pub(crate) struct Evidence {
    names: Vec<Vector>,
    words: Vec<Vector>,
    /// Each article's leading names (key ids in `names`).
    leads: Vec<Vec<u32>>,
    /// Each article's leading event day (a day number).
    lead_day: Vec<Option<i32>>,
}

/// A scored candidate pair `(a, b)`, `a < b`: its score, and whether a veto forbids
/// linking them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// The first article (index in the corpus).
    pub a: usize,
    /// The second article, after `a`.
    pub b: usize,
    /// The weighted similarity of their evidence, between 0 and 1.
    pub score: f64,
    /// Why the two can never be one story, when something says so.
    pub veto: Option<Veto>,
}

/// What says that two articles report different events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Veto {
    /// Both are dated, too far apart, and share no text.
    Dates,
    /// The days they give for what happened are too far apart.
    EventDays,
    /// Each one's leading names are absent from the other: other participants or
    /// places.
    Names,
}

fn day_number(date: jiff::civil::Date) -> i32 {
    // Days since 1970-01-01; civil dates are always in jiff's range.
    date.since(jiff::civil::date(1970, 1, 1))
        .map(|span| span.get_days())
        .unwrap_or(0)
}

fn parse_day(value: &str) -> Option<i32> {
    value.parse::<jiff::civil::Date>().ok().map(day_number)
}

/// The scored candidate pairs of a corpus of signatures, sorted by `(a, b)`.
pub fn links(signatures: &[Signature], config: &StoryConfig) -> Vec<Link> {
    let (evidence, candidates) = evidence(signatures, config);
    candidates
        .into_par_iter()
        .map(|(a, b)| score(&evidence, signatures, config, a, b))
        .collect()
}

fn evidence(signatures: &[Signature], config: &StoryConfig) -> (Evidence, Vec<(usize, usize)>) {
    let n = signatures.len();
    let mut names = Keys::default();
    let mut words = Keys::default();
    let mut passage_ids: HashMap<u64, u32> = HashMap::new();
    let mut passage_df: Vec<u32> = Vec::new();
    let mut name_ids: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    let mut word_ids: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    let mut pass_ids: Vec<Vec<u32>> = Vec::with_capacity(n);
    for sig in signatures {
        let mut ns: Vec<(u32, u32)> = sig.names.iter().map(|(k, tf)| (names.id(k), *tf)).collect();
        ns.sort_unstable();
        for (id, _) in &ns {
            names.df[*id as usize] += 1;
        }
        let mut ws: Vec<(u32, u32)> = sig.words.iter().map(|(k, tf)| (words.id(k), *tf)).collect();
        ws.sort_unstable();
        for (id, _) in &ws {
            words.df[*id as usize] += 1;
        }
        let mut ps: Vec<u32> = sig
            .passages
            .iter()
            .map(|h| {
                let next = passage_ids.len() as u32;
                let id = *passage_ids.entry(*h).or_insert(next);
                if id == next {
                    passage_df.push(0);
                }
                id
            })
            .collect();
        ps.sort_unstable();
        ps.dedup();
        for id in &ps {
            passage_df[*id as usize] += 1;
        }
        name_ids.push(ns);
        word_ids.push(ws);
        pass_ids.push(ps);
    }
    let n_eff = (n as f64).max(IDF_MIN_ARTICLES);
    let idf = |df: u32| (n_eff / f64::from(df.max(1))).ln().max(0.0);
    let vector = |keys: &[(u32, u32)], df: &[u32]| {
        let keys: Vec<(u32, f64)> = keys
            .iter()
            .map(|(id, tf)| (*id, (1.0 + f64::from(*tf).ln()) * idf(df[*id as usize])))
            .collect();
        let norm = keys.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        Vector { keys, norm }
    };
    let name_vectors: Vec<Vector> = name_ids.par_iter().map(|k| vector(k, &names.df)).collect();
    let word_vectors: Vec<Vector> = word_ids.par_iter().map(|k| vector(k, &words.df)).collect();
    let leads: Vec<Vec<u32>> = name_ids
        .par_iter()
        .map(|keys| {
            let mut ranked: Vec<(f64, u32)> = keys
                .iter()
                .filter(|(_, tf)| *tf >= 2)
                .map(|(id, tf)| (f64::from(*tf) * idf(names.df[*id as usize]), *id))
                .filter(|(w, _)| *w > 0.0)
                .collect();
            ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            ranked
                .into_iter()
                .take(config.lead_names)
                .map(|(_, id)| id)
                .collect()
        })
        .collect();
    let lead_day: Vec<Option<i32>> = signatures
        .iter()
        .map(|sig| {
            // The day given most often; the earliest of equals. Given once only, a
            // day may be a side remark.
            let best = sig
                .dates
                .iter()
                .filter(|(_, n)| *n >= 2)
                .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))?;
            parse_day(&best.0)
        })
        .collect();

    // Blocking: the rare keys of each article, then the pairs that share enough.
    let cap = (config.block_max_share * n as f64).max(config.block_min_df as f64) as u32;
    let blocking = |df: u32| df >= 2 && df <= cap;
    let name_base = 0u32;
    let word_base = names.df.len() as u32;
    let pass_base = word_base + words.df.len() as u32;
    let total = pass_base as usize + passage_df.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); total];
    let mut article_keys: Vec<Vec<u32>> = vec![Vec::new(); n];
    for a in 0..n {
        let keys = &mut article_keys[a];
        for (id, _) in &name_ids[a] {
            if blocking(names.df[*id as usize]) {
                keys.push(name_base + id);
            }
        }
        for (id, _) in &word_ids[a] {
            if blocking(words.df[*id as usize]) {
                keys.push(word_base + id);
            }
        }
        for id in &pass_ids[a] {
            if blocking(passage_df[*id as usize]) {
                keys.push(pass_base + id);
            }
        }
        for key in keys.iter() {
            postings[*key as usize].push(a as u32);
        }
    }
    let min_shared = config.min_shared_keys as u32;
    let candidates: Vec<(usize, usize)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|a| {
            let mut shared: HashMap<u32, u32> = HashMap::new();
            for key in &article_keys[a] {
                let list = &postings[*key as usize];
                let after = list.partition_point(|b| *b as usize <= a);
                for b in &list[after..] {
                    *shared.entry(*b).or_default() += 1;
                }
            }
            let mut pairs: Vec<(usize, usize)> = shared
                .into_iter()
                .filter(|(_, count)| *count >= min_shared)
                .map(|(b, _)| (a, b as usize))
                .collect();
            pairs.sort_unstable();
            pairs.into_iter()
        })
        .collect();
    (
        Evidence {
            names: name_vectors,
            words: word_vectors,
            leads,
            lead_day,
        },
        candidates,
    )
}

fn score(ev: &Evidence, sigs: &[Signature], config: &StoryConfig, a: usize, b: usize) -> Link {
    let names = ev.names[a].cosine(&ev.names[b]);
    let words = ev.words[a].cosine(&ev.words[b]);
    let passages = resemblance(&sigs[a].passages, &sigs[b].passages);
    let (mut total, mut weight) = (
        config.word_weight * words + config.passage_weight * passages,
        config.word_weight + config.passage_weight,
    );
    // Articles that name nobody are matched on their words alone.
    if ev.names[a].norm > 0.0 && ev.names[b].norm > 0.0 {
        total += config.name_weight * names;
        weight += config.name_weight;
    }
    let score = if weight > 0.0 { total / weight } else { 0.0 };
    let max_days = i64::from(config.max_days_apart);
    let veto = if let (Some(da), Some(db)) = (sigs[a].date, sigs[b].date)
        && i64::from((day_number(da) - day_number(db)).abs()) > max_days
        && passages < COPY_RESEMBLANCE
    {
        Some(Veto::Dates)
    } else if let (Some(da), Some(db)) = (ev.lead_day[a], ev.lead_day[b])
        && i64::from((da - db).abs()) > max_days
        && passages < COPY_RESEMBLANCE
    {
        Some(Veto::EventDays)
    } else if !ev.leads[a].is_empty()
        && !ev.leads[b].is_empty()
        && !ev.leads[a].iter().any(|k| ev.names[b].has(*k))
        && !ev.leads[b].iter().any(|k| ev.names[a].has(*k))
    {
        Some(Veto::Names)
    } else {
        None
    };
    Link { a, b, score, veto }
}

/// A cluster pair's standing in the merge queue: its average link, then the lower
/// article indices first, so that equal scores merge in one order whatever the
/// thread count.
#[derive(PartialEq)]
struct Candidate {
    average: f64,
    a: usize,
    b: usize,
    sizes: (usize, usize),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Average-link clustering over the scored pairs: pairs at or above the link
/// threshold seed the merges; two clusters merge while the average score of all
/// the pairs across them (unscored pairs count 0) reaches the merge threshold and no
/// pair across them is vetoed. Returns each article's cluster as the lowest article
/// index in it.
pub(crate) fn cluster(n: usize, links: &[Link], config: &StoryConfig) -> Vec<usize> {
    // adjacency: cluster -> (other cluster -> (sum of scores, vetoed))
    let mut adj: Vec<BTreeMap<usize, (f64, bool)>> = vec![BTreeMap::new(); n];
    let mut heap = BinaryHeap::new();
    for link in links {
        adj[link.a].insert(link.b, (link.score, link.veto.is_some()));
        adj[link.b].insert(link.a, (link.score, link.veto.is_some()));
        if link.veto.is_none() && link.score >= config.link_threshold {
            heap.push(Candidate {
                average: link.score,
                a: link.a,
                b: link.b,
                sizes: (1, 1),
            });
        }
    }
    let mut size = vec![1usize; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    while let Some(Candidate { a, b, sizes, .. }) = heap.pop() {
        if !alive[a] || !alive[b] || sizes != (size[a], size[b]) {
            continue;
        }
        // Merge b into a (a < b: the cluster keeps its lowest index).
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        size[a] += size[b];
        let b_adj = std::mem::take(&mut adj[b]);
        adj[a].remove(&b);
        for (k, (sum, veto)) in b_adj {
            if k == a {
                continue;
            }
            adj[k].remove(&b);
            let entry = adj[a].entry(k).or_insert((0.0, false));
            entry.0 += sum;
            entry.1 |= veto;
            let merged = *entry;
            adj[k].insert(a, merged);
        }
        for (&k, &(sum, veto)) in &adj[a] {
            if veto {
                continue;
            }
            let average = sum / (size[a] * size[k]) as f64;
            if average >= config.merge_threshold {
                let (x, y) = if a < k { (a, k) } else { (k, a) };
                heap.push(Candidate {
                    average,
                    a: x,
                    b: y,
                    sizes: (size[x], size[y]),
                });
            }
        }
    }
    let mut of = vec![0usize; n];
    for (root, list) in members.iter().enumerate() {
        for &m in list {
            of[m] = root;
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, score: f64) -> Link {
        Link {
            a,
            b,
            score,
            veto: None,
        }
    }

    #[test]
    fn average_link_does_not_chain_two_events_through_one_pair() {
        let config = StoryConfig::default();
        // {0,1,2} and {3,4,5} are tight; 2-3 is one strong bad pair.
        let links = vec![
            link(0, 1, 0.8),
            link(0, 2, 0.7),
            link(1, 2, 0.75),
            link(2, 3, 0.45),
            link(3, 4, 0.8),
            link(3, 5, 0.7),
            link(4, 5, 0.75),
        ];
        let of = cluster(6, &links, &config);
        assert_eq!(
            of,
            vec![0, 0, 0, 3, 3, 3],
            "single link would merge all six"
        );
    }

    #[test]
    fn a_veto_is_a_cannot_link_for_the_whole_cluster() {
        let config = StoryConfig::default();
        let mut links = vec![link(0, 1, 0.9), link(1, 2, 0.9), link(0, 2, 0.9)];
        links[2].veto = Some(Veto::Names);
        let of = cluster(3, &links, &config);
        assert_eq!(of[0], of[1]);
        assert_ne!(of[0], of[2], "2 may not join a cluster holding 0");
    }

    #[test]
    fn below_the_link_threshold_nothing_merges() {
        let config = StoryConfig::default();
        let of = cluster(2, &[link(0, 1, config.link_threshold - 0.01)], &config);
        assert_eq!(of, vec![0, 1]);
    }

    #[test]
    fn equal_scores_merge_in_one_order() {
        let config = StoryConfig::default();
        let mut links = vec![link(0, 1, 0.5), link(2, 3, 0.5), link(1, 2, 0.5)];
        let first = cluster(4, &links, &config);
        links.reverse();
        links.sort_by_key(|l| (l.a, l.b));
        assert_eq!(cluster(4, &links, &config), first);
    }
}
