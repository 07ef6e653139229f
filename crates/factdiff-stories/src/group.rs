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

use foldhash::fast::FixedState;
use integer_encoding::VarInt;
use rayon::prelude::*;

use crate::config::StoryConfig;
use crate::signature::{Signature, resemblance};

/// Below this many articles, rarity is measured as if the corpus had this many: in a
/// handful of articles every shared word looks common, though it is not in the news.
const IDF_MIN_ARTICLES: f64 = 100.0;

/// Two articles whose sketches agree this much share most of their text: a
/// republication, linked whatever their dates.
const COPY_RESEMBLANCE: f64 = 0.5;
/// Two articles whose days for what happened are all this many days apart or more,
/// and whose headlines' rarest names each the other never gives, are two events (a
/// day apart is the noise of outlets' and of the date reading: "Monday" read on
/// another day's article).
const SUBJECT_DAYS_APART: i32 = 2;
/// Two articles, one of which gives no day at all (undated, and no day read for
/// what happened: "Sept 8" without a year), that share at most this many rare names
/// (given by two articles or more, rare enough to block on), and whose headlines'
/// rarest names each the other never gives, are two events: a like event in
/// another place, told in one agency's template (two bus crashes a day apart in two
/// states, the agency's name their one rare name in common), which no day can tell
/// apart.
const SUBJECT_SHARED_NAMES: usize = 1;
/// The fewest characters of a word of a company's name that a misspelling (one
/// edit) is read in: shorter words are other names one letter apart (`ITT`, `ATT`).
const ISSUER_TYPO_CHARS: usize = 5;

/// One article's weighted keys, sorted by key id, and the norm. The ids apart from
/// the weights: a pair's score reads all of one article's ids and few of its weights.
#[derive(Default)]
struct Vector {
    /// Key ids, ascending.
    ids: Vec<u32>,
    /// The weight of each key of `ids`.
    weights: Vec<f64>,
    norm: f64,
}

impl Vector {
    #[cfg(test)]
    fn cosine(&self, other: &Vector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.ids.len() && j < other.ids.len() {
            match self.ids[i].cmp(&other.ids[j]) {
                Ordering::Equal => {
                    dot += self.weights[i] * other.weights[j];
                    i += 1;
                    j += 1;
                }
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
            }
        }
        dot / (self.norm * other.norm)
    }

    /// [`Vector::cosine`] of `self` (article `b`) with article `a`, spread out in
    /// `dense` (see [`Dense`]) with its norm `norm`: the same products summed in the
    /// same order (ascending key id), so the same result to the bit, at the cost of
    /// `b`'s keys alone. A key `a` lacks would add +0.0, which leaves the sum as it
    /// is (weights are finite and never negative), so it is left out: `b`'s keys that
    /// `a` holds are picked first by `a`'s bit set (small enough to stay in the
    /// cache, without a branch per key), and only their weights are read and summed.
    fn cosine_dense(&self, dense: &Dense, norm: f64, picked: &mut Vec<u32>) -> f64 {
        if norm == 0.0 || self.norm == 0.0 {
            return 0.0;
        }
        if picked.len() < self.ids.len() {
            picked.resize(self.ids.len(), 0);
        }
        let mut held = 0;
        for (i, key) in self.ids.iter().enumerate() {
            picked[held] = i as u32;
            held += usize::from(dense.holds(*key));
        }
        let mut dot = 0.0;
        for &i in &picked[..held] {
            let i = i as usize;
            dot += dense.weights[self.ids[i] as usize] * self.weights[i];
        }
        dot / (norm * self.norm)
    }

    /// Writes this vector's weights into `dense` (or clears them, with `0.0`).
    fn spread(&self, dense: &mut Dense, clear: bool) {
        for (key, weight) in self.ids.iter().zip(&self.weights) {
            let (word, bit) = (*key as usize / 64, 1u64 << (key % 64));
            if clear {
                dense.weights[*key as usize] = 0.0;
                dense.bits[word] &= !bit;
            } else {
                dense.weights[*key as usize] = *weight;
                dense.bits[word] |= bit;
            }
        }
    }

    fn has(&self, key: u32) -> bool {
        self.ids.binary_search(&key).is_ok()
    }
}

/// One article's weights spread out by key id: `weights[key]` (0 for a key it
/// lacks), and which keys it holds, a bit each.
struct Dense {
    weights: Vec<f64>,
    bits: Vec<u64>,
}

impl Dense {
    fn new(keys: usize) -> Dense {
        Dense {
            weights: vec![0.0; keys],
            bits: vec![0; keys.div_ceil(64)],
        }
    }

    /// Whether the article spread out holds `key`.
    fn holds(&self, key: u32) -> bool {
        (self.bits[key as usize / 64] >> (key % 64)) & 1 == 1
    }
}

/// Interned keys with their document frequencies. The map owns each distinct key
/// once, so that an article's signature can be dropped as soon as it is interned.
#[derive(Default)]
struct Keys {
    ids: HashMap<Box<str>, u32, FixedState>,
    df: Vec<u32>,
}

impl Keys {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(id) = self.ids.get(key) {
            return *id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(key.into(), id);
        self.df.push(0);
        id
    }
}

/// An article's keys as `(id, count)` pairs sorted by id, packed: each id as its gap
/// from the one before, then its count, each a LEB128 varint (`integer-encoding`).
/// Every representative's are held until its links are scored (every article's
/// when no set of near-copies is collapsed): 8 bytes a pair as `(u32, u32)`, 3 here for a gap under 16,384 and a
/// count under 128 (ids are sorted, so their gaps are small; most counts are 1).
struct Packed(Box<[u8]>);

impl Packed {
    /// Packs pairs sorted by id.
    fn new(pairs: &[(u32, u32)]) -> Packed {
        debug_assert!(pairs.is_sorted());
        let mut bytes: Vec<u8> = Vec::with_capacity(
            pairs
                .iter()
                .map(|(id, tf)| id.required_space() + tf.required_space())
                .sum(),
        );
        let mut last = 0u32;
        let mut buf = [0u8; 10];
        for &(id, tf) in pairs {
            for v in [id - last, tf] {
                let n = v.encode_var(&mut buf);
                bytes.extend_from_slice(&buf[..n]);
            }
            last = id;
        }
        // No spare capacity: held for every article.
        Packed(bytes.into_boxed_slice())
    }

    /// The pairs, in order.
    fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut rest: &[u8] = &self.0;
        let mut next = move || {
            let (v, n) = u32::decode_var(rest)?;
            rest = &rest[n..];
            Some(v)
        };
        let mut last = 0u32;
        std::iter::from_fn(move || {
            let gap = next()?;
            let tf = next().expect("packed by `Packed::new`: a count after each id");
            last += gap;
            Some((last, tf))
        })
    }

    /// The pairs, unpacked.
    fn unpacked(&self) -> Vec<(u32, u32)> {
        self.iter().collect()
    }
}

/// What the grouping keeps of one article's [`Signature`]: its keys as ids, with
/// their counts, sorted by id (the strings live once, in [`Interner`]), and what the
/// scores read as they are (the sketch, the dates). Made for the representatives
/// alone (a collapsed copy has none: the near-copies are found first, from the
/// sketches), each held until the links are scored: its lists are boxed slices, sized
/// exactly, 16 bytes each, not `Vec`s (24; 176 bytes a `Compact`, 240 before: at 16x
/// Reuters the story stage's peak 1,647 -> 1,623 MiB then, issue 14).
struct Compact {
    names: Packed,
    words: Packed,
    /// The sketch, sorted and unique.
    passages: Box<[u64]>,
    date: Option<jiff::civil::Date>,
    /// The day given most often (at least twice); the earliest of equals.
    lead_day: Option<i32>,
    /// The headline's words (ids in `words`), sorted.
    headline: Box<[u32]>,
    /// Whether a word of the headline is a word of one of the article's names.
    headline_named: bool,
    /// Every day the article gives for what happened, sorted, each once.
    event_days: Box<[i32]>,
    /// The names one of whose words is a word of the headline (whom or where the
    /// headline says the event is about): each as its id in `names` and its last
    /// word's id in `words`.
    headline_names: Box<[(u32, u32)]>,
    /// The tickers of the headline (ids in `tickers`), sorted.
    tickers: Box<[u32]>,
    /// Every ticker the article gives (ids in `tickers`), sorted; none when its
    /// headline gives none.
    cited: Box<[u32]>,
    /// The headline's words naming its first ticker's company (ids in `words`, and
    /// as written, for a misspelling: `RESTURANT ASSOCIATES <RAA>`); none when the
    /// headline gives no ticker.
    issuer: Box<[u32]>,
    issuer_words: Box<[Box<str>]>,
}

/// The corpus-wide key tables: signatures go in one by one, in article order (so a
/// key's id does not depend on how the work was split), and come out [`Compact`].
/// The near-copies are found first, from every article's sketch alone
/// ([`Interner::new`]): a copy of a set that is collapsed into its representative
/// has its keys interned (ids are given in article order, whatever is kept) but no
/// [`Compact`] (at 16x Reuters fifteen articles in sixteen; issue 14).
pub(crate) struct Interner {
    names: Keys,
    words: Keys,
    tickers: Keys,
    /// The [`Compact`]s of the articles kept (representatives), in article order.
    compact: Vec<Compact>,
    /// Each article's representative (see [`Linked::rep`]).
    rep: Vec<usize>,
    /// The sketch of each article kept that is not pushed yet (none for a copy).
    sketches: Vec<Box<[u64]>>,
    /// How many articles are pushed.
    pushed: usize,
}

/// An article's sketch as the grouping reads it: sorted, each hash once (as
/// `signature` makes it: a passage counts once an article).
fn sketch_of(passages: &[u64]) -> Box<[u64]> {
    let mut p = passages.to_vec();
    p.sort_unstable();
    p.dedup();
    p.into_boxed_slice()
}

impl Interner {
    /// An interner for the articles whose sketches are given (article `i`'s is
    /// `sketches[i]`, sorted, each hash once): their near-copies are found at once,
    /// and only the representatives' sketches are kept.
    pub(crate) fn new(mut sketches: Vec<Box<[u64]>>, config: &StoryConfig) -> Interner {
        let rep = collapsed(&sketches, config);
        for (i, sketch) in sketches.iter_mut().enumerate() {
            if rep[i] != i {
                *sketch = Box::default();
            }
        }
        Interner {
            names: Keys::default(),
            words: Keys::default(),
            tickers: Keys::default(),
            compact: Vec::new(),
            rep,
            sketches,
            pushed: 0,
        }
    }

    /// An interner of these signatures, each pushed.
    pub(crate) fn of(signatures: &[Signature], config: &StoryConfig) -> Interner {
        let mut interner = Interner::new(
            signatures.iter().map(|s| sketch_of(&s.passages)).collect(),
            config,
        );
        for sig in signatures {
            interner.push(sig);
        }
        interner
    }

    /// Interns the next article's signature (its `passages` are not read: its
    /// sketch was given to [`Interner::new`]).
    pub(crate) fn push(&mut self, sig: &Signature) {
        let at = self.pushed;
        self.pushed += 1;
        assert!(at < self.rep.len(), "one sketch per article pushed");
        let mut names: Vec<(u32, u32)> = sig
            .names
            .iter()
            .map(|(k, tf)| (self.names.id(k), *tf))
            .collect();
        names.sort_unstable();
        for (id, _) in &names {
            self.names.df[*id as usize] += 1;
        }
        let mut words: Vec<(u32, u32)> = sig
            .words
            .iter()
            .map(|(k, tf)| (self.words.id(k), *tf))
            .collect();
        words.sort_unstable();
        for (id, _) in &words {
            self.words.df[*id as usize] += 1;
        }
        // Each a word of `words` too (the headline's words count there once more).
        let mut headline: Vec<u32> = sig.headline.iter().map(|w| self.words.id(w)).collect();
        headline.sort_unstable();
        let in_headline = |name: &str| {
            name.split(' ')
                .any(|part| sig.headline.iter().any(|w| w == part))
        };
        let headline_named = sig.names.iter().any(|(name, _)| in_headline(name));
        let mut headline_names: Vec<(u32, u32)> = sig
            .names
            .iter()
            .filter(|(name, _)| in_headline(name))
            .map(|(name, _)| {
                let last = name.rsplit(' ').next().unwrap_or(name);
                (self.names.ids[name.as_str()], self.words.id(last))
            })
            .collect();
        headline_names.sort_unstable();
        let mut tickers: Vec<u32> = sig.tickers.iter().map(|t| self.tickers.id(t)).collect();
        tickers.sort_unstable();
        tickers.dedup();
        // What else it cites is read only against another headline's ticker, and only
        // when its own headline names one (the veto needs both).
        let mut cited: Vec<u32> = if tickers.is_empty() {
            Vec::new()
        } else {
            sig.cited.iter().map(|t| self.tickers.id(t)).collect()
        };
        cited.sort_unstable();
        cited.dedup();
        let (issuer, issuer_words) = if tickers.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            (
                sig.issuer.iter().map(|w| self.words.id(w)).collect(),
                sig.issuer.iter().map(|w| w.as_str().into()).collect(),
            )
        };
        let mut event_days: Vec<i32> = sig.dates.iter().filter_map(|(d, _)| parse_day(d)).collect();
        event_days.sort_unstable();
        event_days.dedup();
        // The day given most often; the earliest of equals. Given once only, a day
        // may be a side remark.
        let lead_day = sig
            .dates
            .iter()
            .filter(|(_, n)| *n >= 2)
            .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
            .and_then(|best| parse_day(&best.0));
        // A copy's keys are interned (above), its `Compact` not made.
        if self.rep[at] != at {
            return;
        }
        self.compact.push(Compact {
            names: Packed::new(&names),
            words: Packed::new(&words),
            passages: std::mem::take(&mut self.sketches[at]),
            date: sig.date,
            lead_day,
            headline: headline.into_boxed_slice(),
            headline_named,
            event_days: event_days.into_boxed_slice(),
            headline_names: headline_names.into_boxed_slice(),
            tickers: tickers.into_boxed_slice(),
            cited: cited.into_boxed_slice(),
            issuer: issuer.into_boxed_slice(),
            issuer_words: issuer_words.into_boxed_slice(),
        });
    }
}

/// What the grouping computed for each article, and the link scores: what the
/// clustering reads, and what a test or an evaluation inspects.
pub(crate) struct Evidence {
    /// How many distinct names and words the corpus has (key ids are below).
    n_names: usize,
    n_words: usize,
    names: Vec<Vector>,
    words: Vec<Vector>,
    /// Each article's leading names (key ids in `names`).
    leads: Vec<Vec<u32>>,
    /// Each article's leading event day (a day number).
    lead_day: Vec<Option<i32>>,
    /// Every day each article gives for what happened (day numbers, sorted).
    event_days: Vec<Box<[i32]>>,
    /// Each article's subjects: the rarest of its headline's names that another
    /// article gives too and that are rare enough to block on (whom or where its
    /// headline says the event is about), each as its id in `names` and its last
    /// word's id in `words`.
    subjects: Vec<Vec<(u32, u32)>>,
    /// The same, of the headline's names however few articles give them (a place
    /// only this article names is whom or where its headline says the event is
    /// about too).
    own_subjects: Vec<Vec<(u32, u32)>>,
    /// Each article's rare names (ids in `names`, sorted): given by two articles or
    /// more, rare enough to block on.
    rare_names: Vec<Vec<u32>>,
    /// Each name's rarity (IDF, by its id in `names`): what ranks a story's leading
    /// names (see [`Named`]).
    name_idf: Vec<f32>,
    /// Each article's leading headline words (key ids in `words`): the rarest
    /// `lead-names` of its headline's words rare enough to block on.
    heads: Vec<Vec<u32>>,
    /// Whether an article's subject is told by its headline alone: it names no one
    /// rare enough to block on, and no word of its headline is a word of its names (a
    /// dividend or results table: `Qtly div 20 cts vs 20 cts prior Pay ... Record
    /// ...` under `FEDERAL SIGNAL CORP <FSS> SETS REGULAR DIVIDEND`).
    untold: Vec<bool>,
    /// The tickers of each article's headline, and every ticker it gives (ids,
    /// sorted).
    tickers: Vec<Box<[u32]>>,
    cited: Vec<Box<[u32]>>,
    /// The rarest word of the name each article's headline gives its ticker's
    /// company (an id in `words`).
    issuer: Vec<Option<u32>>,
    /// The words of that name as written, each with whether it is rare enough to
    /// block on.
    issuer_words: Vec<Vec<(Box<str>, bool)>>,
    /// Each article's sketch of its word shingles.
    sketches: Vec<Box<[u64]>>,
    /// Each article's own date, as a day number.
    days: Vec<Option<i32>>,
}

/// A scored candidate pair `(a, b)`, `a < b`: its score, and whether a veto forbids
/// linking them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// The first article (index in the corpus).
    pub a: usize,
    /// The second article, after `a`.
    pub b: usize,
    /// What the clustering reads, between 0 and 1: how much the two articles' nearest
    /// neighbours agree (`neighbours`), or their own evidence (`neighbours = 0`).
    pub score: f64,
    /// The weighted similarity of their own evidence (names, words, passages),
    /// between 0 and 1.
    pub direct: f64,
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
    /// Each one's headline names someone or somewhere the other never names, and
    /// they give no day for what happened in common, or one of them gives no day at
    /// all and they share at most one rare name: a like event on another day or in
    /// another place (two earthquakes in one region two days apart; two undated bus
    /// crashes in two states in one agency's template).
    Subjects,
    /// Each one's leading names are absent from the other: other participants or
    /// places.
    Names,
    /// Each one's headline names a company by its ticker, and the other gives
    /// neither that ticker nor the company's name: other companies' news in one
    /// template (two banks' quarters, two issuers' bonds).
    Tickers,
    /// One of them tells its subject in its headline alone (it names no one rare,
    /// and its headline none of its names: a dividend or results table), and each
    /// one's rarest headline words are absent from the other: another subject.
    Headline,
}

/// The ids of the `n` highest weights, the lower id first among equals.
fn top_ranked(mut ranked: Vec<(f64, u32)>, n: usize) -> Vec<u32> {
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    ranked.into_iter().take(n).map(|(_, id)| id).collect()
}

/// The fewest days between a day of one list and a day of the other (`None` when
/// one is empty).
fn days_gap(a: &[i32], b: &[i32]) -> Option<i32> {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| (x - y).abs()))
        .min()
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

/// The scored candidate pairs of a corpus of signatures, sorted by `(a, b)`: the
/// pairs of the representatives of its sets of near-copies (see [`Linked`]).
pub fn links(signatures: &[Signature], config: &StoryConfig) -> Vec<Link> {
    interned_links(Interner::of(signatures, config), config).links
}

/// What the linking step gives the clustering.
pub(crate) struct Linked {
    /// The scored candidate pairs of the representatives, by article index, sorted by
    /// `(a, b)`.
    pub(crate) links: Vec<Link>,
    /// Each article's representative: the first article (lowest index) of its set
    /// of near-copies, itself when it has none.
    pub(crate) rep: Vec<usize>,
    /// Each representative's days, by article index: its own date as a day number,
    /// else every day it gives for what happened (none when it gives none, and for a
    /// collapsed near-copy): what the clustering's second pass reads.
    pub(crate) days: Vec<Box<[i32]>>,
    /// Each representative's rare names and their rarity, by article index (none for
    /// a collapsed near-copy): what the clustering's third pass reads of stories no
    /// day places.
    pub(crate) names: Named,
}

/// Each article's rare names (given by two articles or more, rare enough to block
/// on; ids, sorted) and each name's rarity (IDF, by id): what tells a story's
/// **leading names**, the names at least half its articles give, the
/// `lead-names` of them those articles give most and rarest (see [`undated_halves`]).
#[derive(Default)]
pub(crate) struct Named {
    pub(crate) rare: Vec<Box<[u32]>>,
    pub(crate) idf: Vec<f32>,
}

/// Two articles whose sketches agree at least this much are near-copies of one text
/// (a republication, a copy with a few words changed): they are one story, and the
/// grouping links only the first of them (its representative).
const NEAR_COPY: f64 = 0.5;

/// How many parts [`near_copies`] sorts the corpus's sketch hashes in, one at a time.
const NEAR_COPY_PARTS: u64 = 8;

/// Each article's representative: near-copies (sketches that agree at least
/// [`NEAR_COPY`]) found through the sketch hashes they share, joined in sets, each
/// set represented by its lowest article index (so whatever the order they are found
/// in). A hash in more than `cap` articles is not read (a phrase every report
/// repeats), so the work is linear in the corpus.
fn near_copies(sketches: &[Box<[u64]>], cap: u32) -> Vec<usize> {
    const _: () = assert!(crate::signature::SKETCH <= u8::MAX as usize);
    debug_assert!(sketches.iter().all(|c| c.len() <= crate::signature::SKETCH));
    let n = sketches.len();
    // Each article's hashes are at `offset[a]..offset[a + 1]` of the corpus's sketch
    // hashes laid end to end (a position).
    let mut offset: Vec<usize> = Vec::with_capacity(n + 1);
    offset.push(0);
    for c in sketches {
        offset.push(offset[offset.len() - 1] + c.len());
    }
    let total = offset[n];
    // The runs' articles laid end to end, each run's ascending, its last article
    // marked with `LAST`; and where each position's article is in them (`NONE` when
    // its hash is not read): an article's later partners in a run are the entries
    // after its own, up to the run's last, read without a search (a binary search of
    // the run per position was most of this step's time at 16x Reuters). `post`
    // holds at most one article per position: sized so, it never grows (the pages it
    // does not fill are never touched).
    const NONE: u32 = u32::MAX;
    assert!(
        n < LAST as usize && total < NONE as usize,
        "article and position numbers fit in 31 and 32 bits"
    );
    let mut at: Vec<u32> = vec![NONE; total];
    let mut post: Vec<u32> = Vec::with_capacity(total);
    // The hashes are sorted part by part (by their low bits, which are even: a sketch
    // holds the smallest hashes, so their high bits are not), so that the (hash,
    // article, position) triples of one part alone are held at once, not the
    // corpus's (16 bytes each: 300 MiB at Reuters 16x). Which part a hash is in
    // changes nothing read: each hash's articles are one run, in one part.
    let part_of = |h: u64| (h % NEAR_COPY_PARTS) as usize;
    let mut sizes = [0usize; NEAR_COPY_PARTS as usize];
    for c in sketches {
        for h in c {
            sizes[part_of(*h)] += 1;
        }
    }
    let mut part: Vec<(u64, u32, u32)> =
        Vec::with_capacity(sizes.iter().copied().max().unwrap_or(0));
    for p in 0..NEAR_COPY_PARTS as usize {
        part.clear();
        for (a, c) in sketches.iter().enumerate() {
            for (i, h) in c.iter().enumerate() {
                if part_of(*h) == p {
                    part.push((*h, a as u32, (offset[a] + i) as u32));
                }
            }
        }
        // Each hash's articles ascending (an article holds a hash once).
        part.par_sort_unstable();
        // The runs of one hash that are read: in 2 to `cap` articles.
        let mut i = 0;
        while i < part.len() {
            let mut j = i + 1;
            while j < part.len() && part[j].0 == part[i].0 {
                j += 1;
            }
            if j - i >= 2 && j - i <= cap as usize {
                for (_, a, position) in &part[i..j] {
                    at[*position as usize] = post.len() as u32;
                    post.push(*a);
                }
                *post.last_mut().expect("a run of two or more") |= LAST;
            }
            i = j;
        }
    }
    drop(part);
    // Each article's near-copies after it.
    let pairs: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map_init(
            // A count per article of one byte (a sketch holds each of its at most
            // SKETCH hashes once): a quarter of the cache a `u32` each took.
            || (vec![0u8; n], Vec::<u32>::new()),
            |(shared, touched), a| {
                // `a`'s runs by ascending hash, as its sketch is sorted.
                for &own in &at[offset[a]..offset[a + 1]] {
                    if own == NONE || post[own as usize] & LAST != 0 {
                        continue;
                    }
                    // A run's articles ascend: those after `a`'s entry, up to the
                    // run's last, are its tail.
                    for &entry in &post[own as usize + 1..] {
                        let b = entry & !LAST;
                        if shared[b as usize] == 0 {
                            touched.push(b);
                        }
                        shared[b as usize] += 1;
                        if entry & LAST != 0 {
                            break;
                        }
                    }
                }
                let mut near: Vec<u32> = Vec::new();
                // Agreeing at NEAR_COPY takes at least that share of the shorter
                // sketch's hashes in common.
                for &b in touched.iter() {
                    let least = (NEAR_COPY
                        * sketches[a].len().min(sketches[b as usize].len()) as f64)
                        .max(1.0);
                    if f64::from(shared[b as usize]) >= least
                        && resemblance(&sketches[a], &sketches[b as usize]) >= NEAR_COPY
                    {
                        near.push(b);
                    }
                    shared[b as usize] = 0;
                }
                touched.clear();
                near
            },
        )
        .collect();
    let mut sets = crate::DisjointSets::new(n);
    for (a, near) in pairs.iter().enumerate() {
        for &b in near {
            sets.union(a, b as usize);
        }
    }
    sets.roots()
}

/// [`links`] from the signatures interned (article `i` pushed `i`-th): near-copies
/// are collapsed into their representative first, and the representatives alone are
/// weighed, blocked, scored and linked (a set of sixteen copies of one report costs
/// what one report costs, and does not make its words look common).
pub(crate) fn interned_links(interner: Interner, config: &StoryConfig) -> Linked {
    let Interner {
        mut names,
        mut words,
        tickers,
        compact,
        rep,
        sketches,
        pushed,
    } = interner;
    assert_eq!(pushed, rep.len(), "every article pushed");
    drop(sketches);
    // The representatives' keys alone count for rarity.
    let reps: Vec<usize> = (0..rep.len()).filter(|&i| rep[i] == i).collect();
    debug_assert_eq!(reps.len(), compact.len());
    if reps.len() != rep.len() {
        names.df.iter_mut().for_each(|df| *df = 0);
        words.df.iter_mut().for_each(|df| *df = 0);
        for c in &compact {
            for (id, _) in c.names.iter() {
                names.df[id as usize] += 1;
            }
            for (id, _) in c.words.iter() {
                words.df[id as usize] += 1;
            }
        }
    }
    let (mut links, rep_days, rep_names) = rep_links(
        Interner {
            names,
            words,
            tickers,
            compact,
            rep: Vec::new(),
            sketches: Vec::new(),
            pushed: 0,
        },
        config,
    );
    for link in &mut links {
        link.a = reps[link.a];
        link.b = reps[link.b];
    }
    let mut days: Vec<Box<[i32]>> = vec![Box::default(); rep.len()];
    for (&r, day) in reps.iter().zip(rep_days) {
        days[r] = day;
    }
    let mut rare: Vec<Box<[u32]>> = vec![Box::default(); rep.len()];
    for (&r, names) in reps.iter().zip(rep_names.rare) {
        rare[r] = names;
    }
    Linked {
        links,
        rep,
        days,
        names: Named {
            rare,
            idf: rep_names.idf,
        },
    }
}

/// Each article's representative (article `i`'s sketch is `sketches[i]`): its set
/// of near-copies' first article when the set is collapsed, itself otherwise.
fn collapsed(sketches: &[Box<[u64]>], config: &StoryConfig) -> Vec<usize> {
    let mut rep = near_copies(sketches, block_cap(config, sketches.len()));
    // Only a set in which each article has more near-copies than `neighbours` is
    // collapsed: there every copy's nearest neighbours are its copies, which hides
    // every other report from it, and its pairs grow with the square of the set. A
    // smaller set is linked article by article, as any reports are (a republished
    // report or two weigh as they always did).
    let mut set_size = vec![0usize; rep.len()];
    for &r in &rep {
        set_size[r] += 1;
    }
    for i in 0..rep.len() {
        if set_size[rep[i]] <= config.neighbours + 1 {
            rep[i] = i;
        }
    }
    rep
}

/// The scored candidate pairs of the articles interned (the representatives), each
/// one's days (its own date, else every day it gives for what happened) and its rare
/// names.
fn rep_links(interner: Interner, config: &StoryConfig) -> (Vec<Link>, Vec<Box<[i32]>>, Named) {
    let (evidence, index) = evidence(interner, config);
    let n = evidence.names.len();
    let (n_names, n_words) = (evidence.n_names, evidence.n_words);
    // Per article `a`: the candidates after it, then their scores, with `a`'s weights
    // spread out in dense arrays (one set per worker, cleared after each article), so
    // that a pair costs the keys of `b` alone.
    let per_article: Vec<Vec<Link>> = (0..n)
        .into_par_iter()
        .map_init(
            || Scratch {
                shared: vec![0; n],
                touched: Vec::new(),
                names: Dense::new(n_names),
                words: Dense::new(n_words),
                picked: Vec::new(),
            },
            |scratch, a| {
                let partners = index.candidates_of(a, config.min_shared_keys as u32, scratch);
                if partners.is_empty() {
                    return Vec::new();
                }
                evidence.names[a].spread(&mut scratch.names, false);
                evidence.words[a].spread(&mut scratch.words, false);
                let links = partners
                    .iter()
                    .map(|&b| score_from(&evidence, config, a, b as usize, scratch))
                    .collect();
                evidence.names[a].spread(&mut scratch.names, true);
                evidence.words[a].spread(&mut scratch.words, true);
                links
            },
        )
        .collect();
    let mut links: Vec<Link> = Vec::with_capacity(per_article.iter().map(Vec::len).sum());
    links.extend(per_article.into_iter().flatten());
    if config.neighbours > 0 {
        shared_neighbours(n, &mut links, config.neighbours);
    }
    // Each article's days: its own date, else the days it gives for what happened.
    let days = (evidence.days.iter().zip(&evidence.event_days))
        .map(|(own, given)| match own {
            Some(day) => Box::new([*day]) as Box<[i32]>,
            None => given.clone(),
        })
        .collect();
    let named = Named {
        rare: evidence
            .rare_names
            .into_iter()
            .map(Vec::into_boxed_slice)
            .collect(),
        idf: evidence.name_idf,
    };
    (links, days, named)
}

/// Replaces each link's score by how much the two articles' nearest neighbours agree
/// (shared-nearest-neighbour similarity, Jarvis and Patrick 1973; Ertoz, Steinbach
/// and Kumar 2003): each article's row holds itself (1) and the `k` candidates it
/// scores highest (ties: the lower index), with their scores; a link scores the
/// cosine of its two articles' rows.
///
/// Why: a pair's own score mixes what makes two reports one event with what makes
/// them one topic, and a topic's twin events (two quakes in one province, two arrests
/// of one team's players) score as high as many reports of one event do. Ranks do
/// not: two reports of one event find the same reports nearest, while a report of
/// the twin event finds its own event's reports first. Costs `k` per link, linear.
fn shared_neighbours(n: usize, links: &mut [Link], k: usize) {
    // Each article's candidates with their scores, vetoed or not (a veto is read by
    // the clustering, not here).
    let degree = degrees(n, links);
    let mut partners: Vec<Vec<(f64, u32)>> =
        degree.iter().map(|d| Vec::with_capacity(*d)).collect();
    for link in links.iter() {
        partners[link.a].push((link.direct, link.b as u32));
        partners[link.b].push((link.direct, link.a as u32));
    }
    // Row of article `a`: itself and its `k` nearest, sorted by article index.
    let rows: Vec<(Vec<(u32, f64)>, f64)> = partners
        .into_par_iter()
        .enumerate()
        .map(|(a, mut near)| {
            near.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            near.truncate(k);
            let mut row: Vec<(u32, f64)> = Vec::with_capacity(near.len() + 1);
            row.extend(near.into_iter().map(|(s, b)| (b, s)));
            row.push((a as u32, 1.0));
            row.sort_unstable_by_key(|(b, _)| *b);
            let norm = row.iter().map(|(_, s)| s * s).sum::<f64>().sqrt();
            (row, norm)
        })
        .collect();
    links.par_iter_mut().for_each(|link| {
        let ((x, nx), (y, ny)) = (&rows[link.a], &rows[link.b]);
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                Ordering::Equal => {
                    dot += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
            }
        }
        link.score = if *nx > 0.0 && *ny > 0.0 {
            dot / (nx * ny)
        } else {
            0.0
        };
    });
}

/// How many links each of `n` articles is in.
fn degrees(n: usize, links: &[Link]) -> Vec<usize> {
    let mut degree = vec![0usize; n];
    for link in links {
        degree[link.a] += 1;
        degree[link.b] += 1;
    }
    degree
}

/// One worker's scratch space for [`interned_links`].
struct Scratch {
    /// Article -> keys shared with the article at hand (0 for the untouched).
    shared: Vec<u32>,
    /// The articles whose `shared` count is not 0.
    touched: Vec<u32>,
    /// The article at hand's name weights by key id, 0 elsewhere.
    names: Dense,
    /// The article at hand's word weights by key id, 0 elsewhere.
    words: Dense,
    /// Positions in a vector's keys (see [`Vector::cosine_dense`]).
    picked: Vec<u32>,
}

/// The inverted index of the blocking keys, flat: each key's articles (ascending)
/// laid end to end in `post`, key after key, its last one marked with [`LAST`]; a
/// `Vec` a key would cost more than the few articles most keys have.
struct Index {
    /// Each article's entries in `post`, one for each of its blocking keys: its
    /// later partners on a key are the entries after its own, up to the key's last,
    /// read without a search of the key's list.
    entries: Vec<Vec<u32>>,
    post: Vec<u32>,
}

/// The mark of the last article of a list of articles laid end to end ([`Index`]'s
/// lists, the runs of [`near_copies`]): an article number is below it.
const LAST: u32 = 1 << 31;

impl Index {
    /// The articles after `a` that share at least `min_shared` blocking keys with it,
    /// ascending (counted in `scratch.shared`, which is left all 0).
    fn candidates_of(&self, a: usize, min_shared: u32, scratch: &mut Scratch) -> Vec<u32> {
        for &own in &self.entries[a] {
            if self.post[own as usize] & LAST != 0 {
                continue;
            }
            // A key's articles ascend: those after `a`'s entry, up to the key's last.
            for &entry in &self.post[own as usize + 1..] {
                let b = entry & !LAST;
                let count = &mut scratch.shared[b as usize];
                if *count == 0 {
                    scratch.touched.push(b);
                }
                *count += 1;
                if entry & LAST != 0 {
                    break;
                }
            }
        }
        let mut partners: Vec<u32> = Vec::new();
        for &b in &scratch.touched {
            if scratch.shared[b as usize] >= min_shared {
                partners.push(b);
            }
            scratch.shared[b as usize] = 0;
        }
        scratch.touched.clear();
        partners.sort_unstable();
        partners
    }
}

fn evidence(interner: Interner, config: &StoryConfig) -> (Evidence, Index) {
    let Interner {
        names,
        words,
        tickers: _,
        compact,
        ..
    } = interner;
    // The strings are no longer needed: the ids and counts say it all.
    let (
        Keys {
            ids: name_keys,
            df: names,
        },
        Keys {
            ids: word_keys,
            df: words,
        },
    ) = (names, words);
    drop((name_keys, word_keys));
    // The passages (sketch hashes) of the corpus, each once, with how many articles
    // hold it: one sorted list, not a hash map of every hash (an article's sketch
    // holds each hash once).
    let (passages, passage_df) = {
        let mut all: Vec<u64> = Vec::with_capacity(compact.iter().map(|c| c.passages.len()).sum());
        all.extend(compact.iter().flat_map(|c| c.passages.iter().copied()));
        all.par_sort_unstable();
        let mut unique: Vec<u64> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        for h in all {
            if unique.last() == Some(&h) {
                *df.last_mut().expect("a count per passage") += 1;
            } else {
                unique.push(h);
                df.push(1);
            }
        }
        unique.shrink_to_fit();
        df.shrink_to_fit();
        (unique, df)
    };
    let n = compact.len();
    let n_eff = (n as f64).max(IDF_MIN_ARTICLES);
    let idf = |df: u32| (n_eff / f64::from(df.max(1))).ln().max(0.0);
    let vector = |keys: &Packed, df: &[u32]| {
        // Unpacked first, so that the lists held are sized exactly.
        let keys = keys.unpacked();
        let ids: Vec<u32> = keys.iter().map(|(id, _)| *id).collect();
        let weights: Vec<f64> = keys
            .iter()
            .map(|(id, tf)| (1.0 + f64::from(*tf).ln()) * idf(df[*id as usize]))
            .collect();
        let norm = weights.iter().map(|w| w * w).sum::<f64>().sqrt();
        Vector { ids, weights, norm }
    };
    let name_vectors: Vec<Vector> = compact
        .par_iter()
        .map(|c| vector(&c.names, &names))
        .collect();
    let word_vectors: Vec<Vector> = compact
        .par_iter()
        .map(|c| vector(&c.words, &words))
        .collect();
    let leads: Vec<Vec<u32>> = compact
        .par_iter()
        .map(|c| {
            let ranked = c
                .names
                .iter()
                .filter(|(_, tf)| *tf >= 2)
                .map(|(id, tf)| (f64::from(tf) * idf(names[id as usize]), id))
                .filter(|(w, _)| *w > 0.0)
                .collect();
            top_ranked(ranked, config.lead_names)
        })
        .collect();
    let cap = block_cap(config, n);
    let heads: Vec<Vec<u32>> = compact
        .par_iter()
        .map(|c| {
            let ranked = c
                .headline
                .iter()
                .filter(|id| words[**id as usize] <= cap)
                .map(|id| (idf(words[*id as usize]), *id))
                .filter(|(w, _)| *w > 0.0)
                .collect();
            top_ranked(ranked, config.lead_names)
        })
        .collect();
    // The rarest names of each headline among those given by `least` articles or
    // more and rare enough to block on.
    let rarest_of_headline = |least: u32| -> Vec<Vec<(u32, u32)>> {
        compact
            .iter()
            .map(|c| {
                let df = |id: u32| names[id as usize];
                let rarest = c
                    .headline_names
                    .iter()
                    .map(|(id, _)| df(*id))
                    .filter(|d| (least..=cap).contains(d))
                    .min();
                c.headline_names
                    .iter()
                    .copied()
                    .filter(|(id, _)| Some(df(*id)) == rarest)
                    .collect()
            })
            .collect()
    };
    let subjects = rarest_of_headline(2);
    let own_subjects = rarest_of_headline(1);
    let rare_names: Vec<Vec<u32>> = name_vectors
        .iter()
        .map(|v| {
            v.ids
                .iter()
                .copied()
                .filter(|id| (2..=cap).contains(&names[*id as usize]))
                .collect()
        })
        .collect();
    let name_idf: Vec<f32> = names.iter().map(|&df| idf(df) as f32).collect();
    // The vectors hold the ids now: the counts go.
    let mut sketches = Vec::with_capacity(n);
    let mut days = Vec::with_capacity(n);
    let mut lead_day = Vec::with_capacity(n);
    let mut event_days = Vec::with_capacity(n);
    let headline_named: Vec<bool> = compact.iter().map(|c| c.headline_named).collect();
    let mut tickers = Vec::with_capacity(n);
    let mut cited = Vec::with_capacity(n);
    let mut issuer = Vec::with_capacity(n);
    let mut issuer_words = Vec::with_capacity(n);
    for c in compact {
        tickers.push(c.tickers);
        cited.push(c.cited);
        issuer.push(
            c.issuer
                .iter()
                .copied()
                .min_by_key(|id| (words[*id as usize], *id)),
        );
        issuer_words.push(
            c.issuer
                .iter()
                .zip(c.issuer_words)
                .map(|(id, w)| (w, words[*id as usize] <= cap))
                .collect::<Vec<_>>(),
        );
        sketches.push(c.passages);
        days.push(c.date.map(day_number));
        lead_day.push(c.lead_day);
        event_days.push(c.event_days);
    }
    // Blocking: the rare keys of each article, then the pairs that share enough.
    let blocking = |df: u32| df >= 2 && df <= cap;
    let untold: Vec<bool> = name_vectors
        .iter()
        .zip(&headline_named)
        .map(|(v, named)| !named && !v.ids.iter().any(|id| names[*id as usize] <= cap))
        .collect();
    // Only the passages that block are keys: most sketch hashes are one article's.
    let passages: Vec<u64> = passages
        .into_iter()
        .zip(passage_df)
        .filter(|(_, df)| blocking(*df))
        .map(|(h, _)| h)
        .collect();
    let name_base = 0u32;
    let word_base = names.len() as u32;
    let pass_base = word_base + words.len() as u32;
    let total = pass_base as usize + passages.len();
    let article_keys: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map(|a| {
            let mut keys = Vec::new();
            for id in &name_vectors[a].ids {
                if blocking(names[*id as usize]) {
                    keys.push(name_base + id);
                }
            }
            for id in &word_vectors[a].ids {
                if blocking(words[*id as usize]) {
                    keys.push(word_base + id);
                }
            }
            for h in &sketches[a] {
                if let Ok(id) = passages.binary_search(h) {
                    keys.push(pass_base + id as u32);
                }
            }
            keys.shrink_to_fit();
            keys
        })
        .collect();
    drop(passages);
    // The inverted index: each key's articles, ascending.
    let mut start = vec![0usize; total + 1];
    for keys in &article_keys {
        for key in keys {
            start[*key as usize + 1] += 1;
        }
    }
    for k in 0..total {
        start[k + 1] += start[k];
    }
    assert!(n < LAST as usize, "article numbers fit in 31 bits");
    let mut post = vec![0u32; start[total]];
    // Each article's keys become its entries in `post`.
    let mut entries = article_keys;
    {
        let mut next = start.clone();
        for (a, keys) in entries.iter_mut().enumerate() {
            for key in keys.iter_mut() {
                let at = next[*key as usize];
                post[at] = a as u32;
                next[*key as usize] += 1;
                *key = u32::try_from(at).expect("fewer entries than 2^32");
            }
        }
    }
    for k in 0..total {
        if start[k + 1] > start[k] {
            post[start[k + 1] - 1] |= LAST;
        }
    }
    (
        Evidence {
            n_names: names.len(),
            n_words: words.len(),
            names: name_vectors,
            words: word_vectors,
            leads,
            lead_day,
            event_days,
            subjects,
            own_subjects,
            rare_names,
            name_idf,
            heads,
            untold,
            tickers,
            cited,
            issuer,
            issuer_words,
            sketches,
            days,
        },
        Index { entries, post },
    )
}

/// The most articles a key may be in and still block: `block-max-share` of the
/// corpus, at least `block-min-df`, at most `block-max-df` (a ceiling that keeps the
/// candidate pairs linear in the corpus: a key's pairs grow with the square of its
/// articles).
fn block_cap(config: &StoryConfig, n: usize) -> u32 {
    (config.block_max_share * n as f64)
        .max(config.block_min_df as f64)
        .min(config.block_max_df.max(config.block_min_df) as f64) as u32
}

/// [`score`] with article `a`'s weights spread out in `scratch` (the same result).
fn score_from(
    ev: &Evidence,
    config: &StoryConfig,
    a: usize,
    b: usize,
    scratch: &mut Scratch,
) -> Link {
    let names = ev.names[b].cosine_dense(&scratch.names, ev.names[a].norm, &mut scratch.picked);
    let words = ev.words[b].cosine_dense(&scratch.words, ev.words[a].norm, &mut scratch.picked);
    link_of(ev, config, a, b, names, words)
}

#[cfg(test)]
fn score(ev: &Evidence, config: &StoryConfig, a: usize, b: usize) -> Link {
    let names = ev.names[a].cosine(&ev.names[b]);
    let words = ev.words[a].cosine(&ev.words[b]);
    link_of(ev, config, a, b, names, words)
}

/// The link of `a` and `b` from the cosines of their names and of their words: the
/// score and the vetoes.
fn link_of(
    ev: &Evidence,
    config: &StoryConfig,
    a: usize,
    b: usize,
    names: f64,
    words: f64,
) -> Link {
    let passages = resemblance(&ev.sketches[a], &ev.sketches[b]);
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
    // An article no day can place: no date of its own, no day given for what
    // happened.
    let undated = |x: usize| ev.days[x].is_none() && ev.event_days[x].is_empty();
    // Each one's subjects (of `subjects`: one list an article) given, and absent from
    // the other: neither the name among its names nor its last word among its words.
    let subjects_apart = |subjects: &[Vec<(u32, u32)>]| {
        let absent = |x: usize, y: usize| {
            !subjects[x].is_empty()
                && subjects[x]
                    .iter()
                    .all(|(name, word)| !ev.names[y].has(*name) && !ev.words[y].has(*word))
        };
        absent(a, b) && absent(b, a)
    };
    let veto = if let (Some(da), Some(db)) = (ev.days[a], ev.days[b])
        && i64::from((da - db).abs()) > max_days
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
    } else if (days_gap(&ev.event_days[a], &ev.event_days[b])
        .is_some_and(|gap| gap >= SUBJECT_DAYS_APART)
        && subjects_apart(&ev.subjects))
        || ((undated(a) || undated(b))
            && shared_count(&ev.rare_names[a], &ev.rare_names[b]) <= SUBJECT_SHARED_NAMES
            && subjects_apart(&ev.own_subjects))
    {
        Some(Veto::Subjects)
    } else if (ev.untold[a] || ev.untold[b])
        && !ev.heads[a].is_empty()
        && !ev.heads[b].is_empty()
        && !ev.heads[a].iter().any(|k| ev.words[b].has(*k))
        && !ev.heads[b].iter().any(|k| ev.words[a].has(*k))
    {
        Some(Veto::Headline)
    } else if !ev.tickers[a].is_empty()
        && !ev.tickers[b].is_empty()
        && !ev.tickers[a]
            .iter()
            .any(|t| ev.cited[b].binary_search(t).is_ok())
        && !ev.tickers[b]
            .iter()
            .any(|t| ev.cited[a].binary_search(t).is_ok())
        && !ev.issuer[a].is_some_and(|w| ev.words[b].has(w))
        && !ev.issuer[b].is_some_and(|w| ev.words[a].has(w))
        && !nearly_one_name(&ev.issuer_words[a], &ev.issuer_words[b])
    {
        Some(Veto::Tickers)
    } else {
        None
    };
    Link {
        a,
        b,
        score,
        direct: score,
        veto,
    }
}

/// How many ids two sorted lists share.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both
}

/// A word of one company's name one edit from a word of the other's (words of
/// [`ISSUER_TYPO_CHARS`] characters or more, one of the two rare enough to block on):
/// one company's name misspelt (`RESTURANT ASSOCIATES <RAA>`, `RESTAURANT
/// ASSOCIATES <RA>`), not two companies' common words (`savings`, `national`).
fn nearly_one_name(a: &[(Box<str>, bool)], b: &[(Box<str>, bool)]) -> bool {
    a.iter().any(|(x, x_rare)| {
        b.iter().any(|(y, y_rare)| {
            (*x_rare || *y_rare)
                && x.chars().count() >= ISSUER_TYPO_CHARS
                && y.chars().count() >= ISSUER_TYPO_CHARS
                && strsim::levenshtein(x, y) <= 1
        })
    })
}

/// What the clustering sums over the pairs across two clusters (a pair never scored
/// adds nothing).
#[derive(Clone, Copy, Default)]
struct Across {
    /// The links' scores.
    score: f64,
    /// The pairs' own evidence.
    direct: f64,
    /// How many pairs are vetoed.
    vetoed: u32,
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
/// the pairs across them (unscored pairs count 0) reaches the merge threshold and at
/// most `veto-share` of the pairs across them are vetoed (two articles alone: their
/// pair must not be). Returns each article's cluster as the lowest article index in
/// it.
pub(crate) fn cluster(
    n: usize,
    links: &[Link],
    days: &[Box<[i32]>],
    names: &Named,
    config: &StoryConfig,
) -> Vec<usize> {
    let mut adj = adjacency(n, links);
    let mut heap = seeds(links, config);
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
        for (k, across) in b_adj {
            if k == a {
                continue;
            }
            adj[k].remove(&b);
            let entry = adj[a].entry(k).or_default();
            entry.score += across.score;
            entry.direct += across.direct;
            entry.vetoed += across.vetoed;
            let merged = *entry;
            adj[k].insert(a, merged);
        }
        for (&k, across) in &adj[a] {
            let pairs = (size[a] * size[k]) as f64;
            // A veto reads one pair's evidence, and is wrong now and then (a
            // report naming only side figures, a misdated follow-up): between two
            // groups it forbids the merge once more than `veto-share` of their pairs
            // say so.
            if f64::from(across.vetoed) > config.veto_share * pairs {
                continue;
            }
            let average = across.score / pairs;
            // The groups' own evidence, on average, must reach the merge threshold
            // too: in a small corpus every article is every other's neighbour, and
            // their agreement says nothing (two quakes in one province a year apart
            // joined a story so).
            if average >= config.merge_threshold && across.direct / pairs >= config.merge_threshold
            {
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
    // Second pass: an article left alone joins the story its evidence with the
    // whole story points to, when that story wins clearly (see [`loner_story`]).
    // Read against the stories as the first pass formed them, so that the order in
    // which articles are read changes nothing.
    let joins: Vec<(usize, usize)> = (0..n)
        .filter(|&l| alive[l] && size[l] == 1)
        .filter_map(|l| {
            let k = loner_story(&adj[l], &size, config)
                .or_else(|| named_loner_story(l, &adj[l], &size, &members, names, config))?;
            // Dated (its own date, else the days it gives for what happened), the
            // article must have been written while its story was told (a day of it
            // within a day of its story's first and last days): a company's later
            // news, the next week's report, a like event of another year, is another
            // event. Undated and giving no day, nothing to read.
            let own = days.get(l).map_or(&[][..], |d| &d[..]);
            if let Some((first, last)) = told(&members[k], days)
                && !own.is_empty()
                && !own
                    .iter()
                    .any(|&day| day >= first - LONER_DAYS && day <= last + LONER_DAYS)
            {
                return None;
            }
            Some((l, k))
        })
        .collect();
    // Third pass: two stories of one event, each the other's clearly closest,
    // told on the same days, become one (see [`halves`]). Read against the stories
    // as the merges formed them, as the second pass is.
    // Two stories of which no day places one stand in for it by their leading names
    // (see [`undated_halves`]). Each story is in one pair at most, of either kind:
    // both pair a story with its closest group.
    let mut halves = halves(&adj, &size, &members, days, config);
    halves.extend(undated_halves(&adj, &size, &members, days, names, config));
    for (l, k) in joins {
        members[k].push(l);
        members[l].clear();
    }
    for (a, b) in halves {
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
    }
    let mut of = vec![0usize; n];
    for (root, list) in members.iter().enumerate() {
        for &m in list {
            of[m] = root;
        }
    }
    of
}

/// What [`cluster`] starts from: each article's links, as a map from the other article
/// to the sums across (one pair's figures). A hash map: its order is never read where
/// it matters (each sum gets one addition per merge, and the queue orders its
/// candidates totally). Each map sized for its article's links: none grows while they
/// are added.
///
/// Built on every core (on one thread it was 40% of the clustering, which the other
/// threads wait for: 1.6 million links at 16x Reuters; issue 14): each worker fills
/// the maps of one range of articles, reading every link in order, so that each map
/// is given its entries in the order of `links` and sized as on one thread.
fn adjacency(n: usize, links: &[Link]) -> Vec<HashMap<usize, Across, FixedState>> {
    let mut adj: Vec<HashMap<usize, Across, FixedState>> =
        (0..n).map(|_| HashMap::default()).collect();
    let range = n.div_ceil(2 * rayon::current_num_threads()).max(1);
    adj.par_chunks_mut(range).enumerate().for_each(|(r, maps)| {
        let first = r * range;
        let ours = first..first + maps.len();
        let mut degree = vec![0usize; maps.len()];
        for link in links {
            for end in [link.a, link.b] {
                if ours.contains(&end) {
                    degree[end - first] += 1;
                }
            }
        }
        for (map, d) in maps.iter_mut().zip(degree) {
            map.reserve(d);
        }
        for link in links {
            let across = Across {
                score: link.score,
                direct: link.direct,
                vetoed: u32::from(link.veto.is_some()),
            };
            if ours.contains(&link.a) {
                maps[link.a - first].insert(link.b, across);
            }
            if ours.contains(&link.b) {
                maps[link.b - first].insert(link.a, across);
            }
        }
    });
    adj
}

/// The merges [`cluster`] starts from: a pair seeds a merge on its own evidence and
/// its neighbours' both (two articles with few candidates have few neighbours to
/// agree on, and their agreement alone would overstate a weak pair). Picked on every
/// core and made a heap at once, not pushed one by one: the merges are the same, as
/// the queue orders its candidates by average and pair, and two it cannot order are
/// one pair at one average, of which only the one of the clusters' current sizes is
/// merged.
fn seeds(links: &[Link], config: &StoryConfig) -> BinaryHeap<Candidate> {
    let seeds: Vec<Candidate> = links
        .par_iter()
        .filter(|link| {
            link.veto.is_none()
                && link.score >= config.link_threshold
                && link.direct >= config.link_threshold
        })
        .map(|link| Candidate {
            average: link.score,
            a: link.a,
            b: link.b,
            sizes: (1, 1),
        })
        .collect();
    BinaryHeap::from(seeds)
}

/// The least average own evidence, as a share of `merge-threshold`, that an article
/// left alone must have with a story to join it in the second pass.
const LONER_FLOOR: f64 = 0.6;
/// How many times its average own evidence with any other group (a story or an
/// article alone) the story an article left alone joins must have: it wins clearly.
const LONER_MARGIN: f64 = 1.25;
/// How many days before a story's first report or after its last a dated article
/// left alone may be written and still join it.
const LONER_DAYS: i32 = 1;

/// The story (its cluster, of two articles or more) that an article the merges left
/// alone joins, if any, from its sums across every group it has scored pairs with
/// (`across`, by cluster): the evidence it shares with the whole story, not with one
/// member. Its neighbours agree with the story as a merge needs (the average score
/// reaches `merge-threshold`), at most `veto-share` of its pairs with the story are
/// vetoed, its own evidence averages at least [`LONER_FLOOR`] of `merge-threshold`
/// over the story's articles (a pair never scored counts 0), and that average is at
/// least [`LONER_MARGIN`] times its average with any other group: a short report
/// naming a thing once, or a long one whose words spread, joins the story its
/// neighbours point to when no other story, and no other article alone, is nearly
/// as close. Ties go to the lower cluster index.
fn loner_story(
    across: &HashMap<usize, Across, FixedState>,
    size: &[usize],
    config: &StoryConfig,
) -> Option<usize> {
    let average = |k: usize, sums: &Across| {
        let pairs = size[k] as f64;
        (sums.direct / pairs, sums.score / pairs)
    };
    let mut best: Option<(f64, usize)> = None;
    for (&k, sums) in across {
        let (direct, score) = average(k, sums);
        let pairs = size[k] as f64;
        if size[k] < 2
            || f64::from(sums.vetoed) > config.veto_share * pairs
            || score < config.merge_threshold
            || direct < LONER_FLOOR * config.merge_threshold
        {
            continue;
        }
        if best.is_none_or(|(d, b)| direct > d || (direct == d && k < b)) {
            best = Some((direct, k));
        }
    }
    let (direct, k) = best?;
    let runner_up = across
        .iter()
        .filter(|&(&j, _)| j != k)
        .map(|(&j, sums)| average(j, sums).0)
        .fold(0.0, f64::max);
    (direct >= LONER_MARGIN * runner_up).then_some(k)
}

/// The least average own evidence, as a share of `merge-threshold`, that an article
/// left alone must have with a story whose leading names it gives to join it (see
/// [`named_loner_story`]).
const NAMED_LONER_FLOOR: f64 = 0.5;
/// How many times its average own evidence with any other group (vetoed or not) that
/// story must have (see [`named_loner_story`]).
const NAMED_LONER_MARGIN: f64 = 1.1;

/// The story an article the merges left alone joins when [`loner_story`] finds none
/// (its neighbours do not agree with the story, or another group is nearly as close)
/// but its names say which: the story is its closest group by average own evidence
/// (among those at most `veto-share` vetoed; ties: the lower index), that average
/// reaches [`NAMED_LONER_FLOOR`] of `merge-threshold` and [`NAMED_LONER_MARGIN`] times
/// its average with any other group (a like event's group vetoed whole counts: the
/// article is as close to it), and the article gives every one
/// of the story's leading names (see [`leading_names`]): a short report naming the
/// event's people and places once, whose few words its neighbours cannot read. A
/// report of the topic's like event gives the topic's names, not the participants
/// that lead the other story.
fn named_loner_story(
    l: usize,
    across: &HashMap<usize, Across, FixedState>,
    size: &[usize],
    members: &[Vec<usize>],
    names: &Named,
    config: &StoryConfig,
) -> Option<usize> {
    let own = names.rare.get(l)?;
    let (direct, k) = across
        .iter()
        .filter(|&(&k, sums)| f64::from(sums.vetoed) <= config.veto_share * size[k] as f64)
        .map(|(&k, sums)| (sums.direct / size[k] as f64, k))
        .min_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)))?;
    let runner_up = across
        .iter()
        .filter(|&(&j, _)| j != k)
        .map(|(&j, sums)| sums.direct / size[j] as f64)
        .fold(0.0, f64::max);
    if size[k] < 2
        || direct < NAMED_LONER_FLOOR * config.merge_threshold
        || direct < NAMED_LONER_MARGIN * runner_up
    {
        return None;
    }
    let leads = leading_names(&members[k], names, config.lead_names);
    (!leads.is_empty() && leads.iter().all(|id| own.binary_search(id).is_ok())).then_some(k)
}

/// The stories (clusters, by their index) that the merges left apart though they
/// report one event: the two halves of an event each larger than `neighbours`, whose
/// articles' rows of nearest neighbours are filled by their own half, so that the
/// neighbours' agreement across the two is near 0 whatever their own evidence (the
/// first pass needs both). Read instead on the own evidence pooled over each story's
/// articles, two stories are halves of one event when
/// - each holds more than `neighbours` articles (a smaller story's rows have room for
///   the other's articles, and their agreement, read by the merges, says no);
/// - each is the other's closest group by its average own evidence over all the pairs
///   across them (a pair never scored counts 0), among the groups (stories and
///   articles alone) it could merge with (at most `veto-share` of the pairs vetoed),
///   and that average is at least [`HALVES_MARGIN`] times the next one's, on both
///   sides: each agrees with the other more clearly than either does with anything
///   else, a topic's like event included;
/// - that average reaches `merge-threshold`;
/// - both are told on days (their articles' dates, else the days they give for what
///   happened), and their days meet: the first of each at most [`LONER_DAYS`] after
///   the other's last. A story of a topic a year later, a company's news of another
///   week, stays apart; so does a story of no day, which nothing places (the like
///   event of another year is an undated report's commonest twin).
///
/// Each story pairs with at most one other (each is the other's best), so the merges
/// are a matching: no chain, and no order matters. Returns (kept, merged in) pairs,
/// the lower index kept.
fn halves(
    adj: &[HashMap<usize, Across, FixedState>],
    size: &[usize],
    members: &[Vec<usize>],
    days: &[Box<[i32]>],
    config: &StoryConfig,
) -> Vec<(usize, usize)> {
    if config.neighbours == 0 {
        // Every pair scores its own evidence, which the merges read already.
        return Vec::new();
    }
    let large = |s: usize| size[s] > config.neighbours && !members[s].is_empty();
    // Each story's closest group it could merge with, when it wins clearly.
    let best = |s: usize| -> Option<usize> {
        let (direct, k, next) = closest_group(adj, size, s, config)?;
        (large(k) && direct >= config.merge_threshold && direct >= HALVES_MARGIN * next)
            .then_some(k)
    };
    (0..size.len())
        .filter(|&s| large(s))
        .filter_map(|s| {
            let k = best(s)?;
            if k <= s || best(k) != Some(s) {
                return None;
            }
            let ((first, last), (k_first, k_last)) =
                (told(&members[s], days)?, told(&members[k], days)?);
            (first <= k_last + LONER_DAYS && k_first <= last + LONER_DAYS).then_some((s, k))
        })
        .collect()
}

/// Story `s`'s closest group among those it could merge with (at most `veto-share`
/// of the pairs across them vetoed), by the average own evidence over all the pairs
/// across them (a pair never scored counts 0; ties: the lower index): that average,
/// the group, and the next group's average (0 when there is none). What [`halves`]
/// and [`undated_halves`] read.
fn closest_group(
    adj: &[HashMap<usize, Across, FixedState>],
    size: &[usize],
    s: usize,
    config: &StoryConfig,
) -> Option<(f64, usize, f64)> {
    let mut ranked: Vec<(f64, usize)> = adj[s]
        .iter()
        .filter_map(|(&k, sums)| {
            let pairs = (size[s] * size[k]) as f64;
            (f64::from(sums.vetoed) <= config.veto_share * pairs).then(|| (sums.direct / pairs, k))
        })
        .collect();
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let &(direct, k) = ranked.first()?;
    Some((direct, k, ranked.get(1).map_or(0.0, |r| r.0)))
}

/// The stories the merges left apart though they report one event, when no day
/// places one of the two (an undated report gives no day for what happened, and the
/// day guard of [`halves`] has nothing to read): their **leading names** stand in for
/// the days. Two stories are halves of one event when
/// - each holds two articles or more, and at least one of the two is told on no day
///   (its articles undated, and none gives a day for what happened);
/// - each is the other's closest group by its average own evidence over all the pairs
///   across them (a pair never scored counts 0), among the groups (stories and
///   articles alone) it could merge with (at most `veto-share` of the pairs vetoed),
///   and that average reaches `merge-threshold`;
/// - each one's leading names (see [`leading_names`]) are all given by at least half
///   the other's articles: the two tell one event of the same people and places. A
///   topic's like event (another arrest of one team's player, another fire in one
///   town) shares the topic's names, but its own participants lead it, and the other
///   half's articles do not give them.
///
/// Neither the size of [`halves`] nor its margin: a small story's neighbours'
/// agreement reads its whole topic, and another half of the same event (an article
/// alone that names it) is as close as the twin would be; the leading names read
/// both. A story placed by its days is read by [`halves`] alone. Returns (kept,
/// merged in) pairs, the lower index kept.
fn undated_halves(
    adj: &[HashMap<usize, Across, FixedState>],
    size: &[usize],
    members: &[Vec<usize>],
    days: &[Box<[i32]>],
    names: &Named,
    config: &StoryConfig,
) -> Vec<(usize, usize)> {
    if config.neighbours == 0 || names.rare.is_empty() {
        return Vec::new();
    }
    let story = |s: usize| size[s] >= 2 && !members[s].is_empty();
    // Each story's closest group it could merge with.
    let best = |s: usize| -> Option<usize> {
        let (direct, k, _) = closest_group(adj, size, s, config)?;
        (story(k) && direct >= config.merge_threshold).then_some(k)
    };
    (0..size.len())
        .filter(|&s| story(s))
        .filter_map(|s| {
            let k = best(s)?;
            if k <= s || best(k) != Some(s) {
                return None;
            }
            if told(&members[s], days).is_some() && told(&members[k], days).is_some() {
                return None;
            }
            let (lead_s, lead_k) = (
                leading_names(&members[s], names, config.lead_names),
                leading_names(&members[k], names, config.lead_names),
            );
            (!lead_s.is_empty()
                && !lead_k.is_empty()
                && given_by_half(&lead_s, &members[k], names)
                && given_by_half(&lead_k, &members[s], names))
            .then_some((s, k))
        })
        .collect()
}

/// A story's leading names: the names (rare, of [`Named`]) that at least half its
/// articles give, and two or more, ranked by how many of its articles give each times
/// its rarity (ties: the lower id), the first `n` of them.
fn leading_names(list: &[usize], names: &Named, n: usize) -> Vec<u32> {
    let mut given: BTreeMap<u32, usize> = BTreeMap::new();
    for &m in list {
        for &id in names.rare.get(m).map_or(&[][..], |r| &r[..]) {
            *given.entry(id).or_default() += 1;
        }
    }
    let ranked = given
        .into_iter()
        .filter(|&(_, count)| count >= 2 && 2 * count >= list.len())
        .map(|(id, count)| (count as f64 * f64::from(names.idf[id as usize]), id))
        .collect();
    top_ranked(ranked, n)
}

/// Whether each of `leads` is given by at least half the articles of `list`.
fn given_by_half(leads: &[u32], list: &[usize], names: &Named) -> bool {
    leads.iter().all(|id| {
        let giving = list
            .iter()
            .filter(|&&m| {
                names
                    .rare
                    .get(m)
                    .is_some_and(|r| r.binary_search(id).is_ok())
            })
            .count();
        2 * giving >= list.len()
    })
}

/// How many times its average own evidence with any other group a story's closest
/// story must have for the two to be read as halves of one event (see [`halves`]).
const HALVES_MARGIN: f64 = 1.25;

/// The first and last day a story's articles give (their own dates, else the days
/// they give for what happened), read by the second and third passes' day guards;
/// none when no article gives a day.
fn told(list: &[usize], days: &[Box<[i32]>]) -> Option<(i32, i32)> {
    let days = list
        .iter()
        .flat_map(|&m| days.get(m).map_or(&[][..], |d| &d[..]).iter().copied());
    Some((days.clone().min()?, days.max()?))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[test]
    fn packed_keys_read_back_as_they_were_given() {
        for pairs in [
            vec![],
            vec![(0, 1)],
            vec![(0, 0), (1, 1), (127, 128), (128, 300), (70_000, u32::MAX)],
            vec![(5, 2), (u32::MAX, 1)],
        ] {
            let packed = Packed::new(&pairs);
            assert_eq!(packed.unpacked(), pairs);
        }
        // Gaps of a few thousand and counts of one: three bytes a pair, not eight.
        let pairs: Vec<(u32, u32)> = (0..100).map(|i| (i * 5_000, 1)).collect();
        assert_eq!(Packed::new(&pairs).0.len(), 1 + 1 + 99 * 3);
    }

    #[test]
    fn the_blocking_cap_does_not_grow_with_a_large_corpus() {
        let config = StoryConfig::default();
        // ECB+ dev (496 articles) and Reuters-21578 (19,043) block as before the ceiling.
        assert_eq!(block_cap(&config, 496), 60);
        assert_eq!(block_cap(&config, 19_043), 95);
        // Reuters at 4x and 16x: the share alone would give 381 and 1,523.
        assert_eq!(block_cap(&config, 76_172), 200);
        assert_eq!(block_cap(&config, 304_686), 200);
    }

    use super::*;

    fn link(a: usize, b: usize, score: f64) -> Link {
        Link {
            a,
            b,
            score,
            direct: score,
            veto: None,
        }
    }

    #[test]
    fn candidates_and_scores_are_those_of_every_pair_counted_and_merged_in_full() {
        // Overlapping words and names, so that many pairs share a few keys and some
        // share none; every article repeats some of its keys.
        let sigs: Vec<Signature> = (0..14usize)
            .map(|i| Signature {
                names: (0..3)
                    .map(|j| (format!("n{}", (i + j) % 6), 1 + (j % 2) as u32))
                    .collect::<BTreeMap<_, _>>()
                    .into_iter()
                    .collect(),
                words: (i..i + 9)
                    .map(|j| (format!("w{j:02}"), 1 + (j % 3) as u32))
                    .collect(),
                ..Signature::default()
            })
            .collect();
        for min_shared_keys in [1, 3] {
            let config = StoryConfig {
                min_shared_keys,
                // The pairs' own scores, as `score` computes them.
                neighbours: 0,
                ..StoryConfig::default()
            };
            let fast = links(&sigs, &config);
            let (ev, index) = evidence(Interner::of(&sigs, &config), &config);
            let mut slow = Vec::new();
            for a in 0..sigs.len() {
                for b in a + 1..sigs.len() {
                    // Each entry's key: the list it is in, known by its last entry.
                    let key_of = |at: &u32| {
                        let mut i = *at as usize;
                        while index.post[i] & LAST == 0 {
                            i += 1;
                        }
                        i
                    };
                    let keys: (Vec<usize>, Vec<usize>) = (
                        index.entries[a].iter().map(key_of).collect(),
                        index.entries[b].iter().map(key_of).collect(),
                    );
                    let shared = keys.0.iter().filter(|k| keys.1.contains(k)).count();
                    if shared >= min_shared_keys {
                        slow.push(score(&ev, &config, a, b));
                    }
                }
            }
            assert!(slow.len() > 10 && slow.len() < 91, "{}", slow.len());
            // Bit for bit: the scores are compared with `==`.
            assert_eq!(fast, slow, "min-shared-keys {min_shared_keys}");
        }
    }

    /// Article `i` of a set of near-copies: the same names and words, and a sketch
    /// with one hash of 64 its own.
    fn near_copy(i: u64) -> Signature {
        Signature {
            names: vec![("herat".to_owned(), 2), ("jurat".to_owned(), 2)],
            words: ["earthquake", "killed", "province", "rescuers", "villages"]
                .iter()
                .map(|w| ((*w).to_owned(), 2))
                .collect(),
            passages: (0..63).chain([1000 + i]).collect(),
            ..Signature::default()
        }
    }

    #[test]
    fn a_compact_is_176_bytes() {
        // Every representative's is held until the links are scored (issue 14).
        assert_eq!(std::mem::size_of::<super::Compact>(), 176);
    }

    #[test]
    fn a_large_set_of_near_copies_is_linked_through_its_first_article() {
        let config = StoryConfig::default();
        // Ten near-copies of one report (each has nine copies: more than its
        // `neighbours`), then another report on the same quake, in other words.
        let mut sigs: Vec<Signature> = (0..10).map(near_copy).collect();
        sigs.push(Signature {
            names: vec![("herat".to_owned(), 1), ("jurat".to_owned(), 1)],
            words: ["earthquake", "killed", "province", "aftershocks", "tents"]
                .iter()
                .map(|w| ((*w).to_owned(), 1))
                .collect(),
            passages: (500..564).collect(),
            ..Signature::default()
        });
        let interner = Interner::of(&sigs, &config);
        // The copies after the first are interned, but no `Compact` is made of them
        // (issue 14).
        assert_eq!(interner.compact.len(), 2);
        assert!(interner.sketches.iter().all(|s| s.is_empty()));
        let linked = interned_links(interner, &config);
        assert_eq!(linked.rep, vec![0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]);
        // The copies after the first are in no pair: the set costs one article.
        assert!(
            linked.links.iter().all(|l| l.a == 0 && l.b == 10),
            "{:?}",
            linked.links
        );
        // Two copies alone are linked as any two reports are.
        let linked = interned_links(Interner::of(&sigs[..2], &config), &config);
        assert_eq!(linked.rep, vec![0, 1]);
        assert_eq!(linked.links.len(), 1);
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
        let of = cluster(6, &links, &[], &Named::default(), &config);
        assert_eq!(
            of,
            vec![0, 0, 0, 3, 3, 3],
            "single link would merge all six"
        );
    }

    #[test]
    fn tables_whose_subject_only_the_headline_tells_are_apart_unless_their_headlines_meet() {
        // Three dividend tables: the same body, no name; two companies' headlines
        // (their rare words: a word of every table's headline, "dividend", is too
        // common to lead in a corpus), and a second report of the first company's.
        let table = |headline: &[&str]| {
            let mut words: Vec<(String, u32)> = ["qtly", "div", "cts", "prior", "pay", "record"]
                .iter()
                .map(|w| ((*w).to_owned(), 1))
                .chain(headline.iter().map(|w| ((*w).to_owned(), 1)))
                .collect();
            words.sort();
            Signature {
                words,
                headline: headline.iter().map(|w| (*w).to_owned()).collect(),
                ..Signature::default()
            }
        };
        let sigs = vec![
            table(&["federal", "fss", "signal"]),
            table(&["products", "spd", "standard"]),
            table(&["federal", "fss", "payout", "signal"]),
        ];
        let config = StoryConfig::default();
        let veto = |a: usize, b: usize| {
            links(&sigs, &config)
                .iter()
                .find(|l| l.a == a && l.b == b)
                .map(|l| l.veto)
        };
        assert_eq!(veto(0, 1), Some(Some(Veto::Headline)));
        assert_eq!(veto(1, 2), Some(Some(Veto::Headline)));
        assert_eq!(veto(0, 2), Some(None));
    }

    #[test]
    fn other_companies_named_by_their_tickers_are_apart_unless_one_names_the_other() {
        // Results tables of one template: a name in each body (the bank's
        // "Deposits", which the headline veto reads as one), other figures.
        let table = |issuer: &[&str], ticker: &str, cited: &[&str], extra: &[&str]| {
            let mut words: Vec<(String, u32)> = ["shr", "net", "revs", "mths", "qtr", "3rd"]
                .iter()
                .chain(issuer)
                .chain(extra)
                .map(|w| ((*w).to_owned(), 1))
                .collect();
            words.sort();
            words.dedup();
            let mut headline: Vec<String> = issuer
                .iter()
                .chain(&["3rd", "qtr", "net"])
                .map(|w| (*w).to_owned())
                .collect();
            headline.sort();
            let mut cited: Vec<String> = cited
                .iter()
                .chain(&[ticker])
                .map(|t| (*t).to_owned())
                .collect();
            cited.sort();
            cited.dedup();
            Signature {
                names: vec![("deposits".to_owned(), 1)],
                words,
                headline,
                tickers: vec![ticker.to_owned()],
                cited,
                issuer: issuer.iter().map(|w| (*w).to_owned()).collect(),
                ..Signature::default()
            }
        };
        let sigs = vec![
            table(&["halvorsen", "tool"], "hlvt", &[], &[]),
            table(&["brackett", "savings"], "brkt", &[], &[]),
            // The first company again, its name misspelt and its ticker another.
            table(&["halversen", "tool"], "hlv", &[], &[]),
            // A third company whose report cites the first's ticker, and a fourth
            // whose body names the second.
            table(&["quarry", "point"], "qpm", &["hlvt"], &[]),
            table(&["northwind"], "nwft", &[], &["brackett", "savings"]),
        ];
        let config = StoryConfig::default();
        let all = links(&sigs, &config);
        let veto = |a: usize, b: usize| all.iter().find(|l| l.a == a && l.b == b).map(|l| l.veto);
        assert_eq!(veto(0, 1), Some(Some(Veto::Tickers)));
        assert_eq!(veto(1, 2), Some(Some(Veto::Tickers)));
        assert_eq!(veto(0, 2), Some(None));
        assert_eq!(veto(0, 3), Some(None));
        assert_eq!(veto(1, 4), Some(None));
        assert_eq!(veto(2, 4), Some(Some(Veto::Tickers)));
    }

    #[test]
    fn a_misspelt_company_name_is_one_edit_from_the_right_one() {
        let words = |ws: &[(&str, bool)]| -> Vec<(Box<str>, bool)> {
            ws.iter().map(|(w, rare)| ((*w).into(), *rare)).collect()
        };
        let resturant = words(&[("resturant", true), ("associates", false)]);
        let restaurant = words(&[("restaurant", false), ("associates", false)]);
        assert!(nearly_one_name(&resturant, &restaurant));
        // Two companies' common words one letter apart: no.
        let saving = words(&[("saving", false)]);
        let savings = words(&[("savings", false)]);
        assert!(!nearly_one_name(&saving, &savings));
        // Short names one letter apart are other companies.
        assert!(!nearly_one_name(
            &words(&[("itt", true)]),
            &words(&[("att", true)])
        ));
    }

    #[test]
    fn like_events_on_other_days_whose_headlines_name_places_the_other_never_names_are_apart() {
        // Two agencies' reports of a quake in one province, and of another quake two
        // days later in another: one template, the same minister; then a report of
        // the second quake that gives a day one off (an outlet's slip, or "Monday"
        // read on another day's article).
        let quake = |place: &str, day: &str| {
            let mut names = vec![
                (place.to_owned(), 3),
                ("turkey".to_owned(), 1),
                ("ali yerlikaya".to_owned(), 1),
                ("yerlikaya".to_owned(), 2),
            ];
            names.sort();
            let mut words: Vec<(String, u32)> = [
                "earthquake",
                "magnitude",
                "province",
                "quake",
                "rescue",
                "struck",
            ]
            .iter()
            .map(|w| ((*w).to_owned(), 2))
            .chain([(place.to_owned(), 1)])
            .collect();
            words.sort();
            Signature {
                names,
                words,
                dates: vec![(day.to_owned(), 1)],
                headline: {
                    let mut h = vec![
                        "earthquake".to_owned(),
                        place.to_owned(),
                        "turkey".to_owned(),
                    ];
                    h.sort();
                    h
                },
                ..Signature::default()
            }
        };
        let sigs = vec![
            quake("malatya", "2026-03-10"),
            quake("malatya", "2026-03-10"),
            quake("van", "2026-03-12"),
            quake("van", "2026-03-12"),
            quake("van", "2026-03-13"),
        ];
        let config = StoryConfig::default();
        let all = links(&sigs, &config);
        let veto = |a: usize, b: usize| all.iter().find(|l| l.a == a && l.b == b).map(|l| l.veto);
        assert_eq!(veto(0, 1), Some(None));
        assert_eq!(veto(0, 2), Some(Some(Veto::Subjects)));
        assert_eq!(veto(1, 3), Some(Some(Veto::Subjects)));
        assert_eq!(veto(2, 3), Some(None));
        // A day apart is no evidence of two events.
        assert_eq!(veto(2, 4), Some(None));
        assert_eq!(veto(0, 4), Some(Some(Veto::Subjects)));
    }

    #[test]
    fn like_events_whose_headlines_name_other_places_and_that_share_one_rare_name_are_apart() {
        // One agency's template, no day read (undated, "Oct 4" without a year): a bus
        // crash in one district told by the agency and by a local paper, and another
        // crash in another state told by the agency; the agency's name is the one
        // rare name the two crashes share.
        let report = |names: &[(&str, u32)], headline: &[&str]| {
            let mut names: Vec<(String, u32)> =
                names.iter().map(|(n, tf)| ((*n).to_owned(), *tf)).collect();
            names.sort();
            let mut words: Vec<(String, u32)> = ["bus", "killed", "injured", "gorge", "grief"]
                .iter()
                .map(|w| ((*w).to_owned(), 1))
                .chain(headline.iter().map(|w| ((*w).to_owned(), 1)))
                .collect();
            words.sort();
            words.dedup_by(|x, y| x.0 == y.0);
            let mut headline: Vec<String> = headline.iter().map(|w| (*w).to_owned()).collect();
            headline.sort();
            Signature {
                names,
                words,
                headline,
                ..Signature::default()
            }
        };
        let sigs = vec![
            report(
                &[
                    ("pti", 1),
                    ("ganjam", 1),
                    ("odisha", 1),
                    ("meena", 1),
                    ("majhi", 1),
                ],
                &["bus", "ganjam", "odisha", "overturns"],
            ),
            report(
                &[
                    ("ganjam", 2),
                    ("meena", 1),
                    ("majhi", 1),
                    ("kalinga ghat", 2),
                ],
                &["bus", "ganjam", "kalinga", "ghat", "tragedy"],
            ),
            report(
                &[
                    ("pti", 1),
                    ("nagaon", 1),
                    ("assam", 1),
                    ("sharma", 1),
                    ("sarma", 1),
                ],
                &["assam", "bus", "nagaon", "overturns"],
            ),
            // A third report of the first crash whose headline names the ghat only:
            // it shares three rare names with the agency's report.
            report(
                &[("pti", 1), ("ganjam", 1), ("meena", 1), ("kalinga ghat", 1)],
                &["bus", "kalinga", "ghat", "plunge"],
            ),
        ];
        let config = StoryConfig::default();
        let all = links(&sigs, &config);
        let veto = |a: usize, b: usize| all.iter().find(|l| l.a == a && l.b == b).map(|l| l.veto);
        assert_eq!(veto(0, 1), Some(None));
        assert_eq!(veto(0, 2), Some(Some(Veto::Subjects)));
        assert_eq!(veto(1, 2), Some(Some(Veto::Subjects)));
        assert_eq!(veto(0, 3), Some(None));
        assert_eq!(veto(2, 3), Some(Some(Veto::Subjects)));
        // Dated, the days say what they say: the veto is for reports no day places.
        let dated: Vec<Signature> = sigs
            .into_iter()
            .map(|sig| Signature {
                date: Some(jiff::civil::date(2026, 10, 5)),
                ..sig
            })
            .collect();
        let all = links(&dated, &config);
        let veto = |a: usize, b: usize| all.iter().find(|l| l.a == a && l.b == b).map(|l| l.veto);
        assert_eq!(veto(0, 2), Some(None));
        assert_eq!(veto(1, 2), Some(None));
    }

    /// A story of three reports (0, 1, 2), and article 3, whose neighbours agree
    /// with each of them (0.25) but whose own evidence with each (0.15) is under
    /// `merge-threshold`: alone after the merges. `extra` links are added.
    fn story_and_loner(extra: &[Link]) -> Vec<Link> {
        let mut links = vec![link(0, 1, 0.6), link(0, 2, 0.6), link(1, 2, 0.6)];
        for m in 0..3 {
            links.push(Link {
                direct: 0.15,
                ..link(m, 3, 0.25)
            });
        }
        links.extend_from_slice(extra);
        links
    }

    #[test]
    fn an_article_left_alone_joins_the_story_its_evidence_with_the_whole_story_points_to() {
        let config = StoryConfig::default();
        // A weak pair with another article alone: the story still wins clearly.
        let links = story_and_loner(&[Link {
            direct: 0.05,
            ..link(3, 4, 0.05)
        }]);
        let of = cluster(5, &links, &[], &Named::default(), &config);
        assert_eq!(of[3], of[0], "3 joins the story of 0, 1 and 2");
        assert_ne!(of[4], of[0], "4 stays alone");
        // Under the floor (0.6 of `merge-threshold`), it does not.
        let mut weak = story_and_loner(&[]);
        weak.iter_mut()
            .filter(|l| l.b == 3)
            .for_each(|l| l.direct = 0.11);
        assert_ne!(cluster(4, &weak, &[], &Named::default(), &config)[3], 0);
        // Nor when its neighbours do not agree with the story.
        let mut apart = story_and_loner(&[]);
        apart
            .iter_mut()
            .filter(|l| l.b == 3)
            .for_each(|l| l.score = 0.1);
        assert_ne!(cluster(4, &apart, &[], &Named::default(), &config)[3], 0);
    }

    #[test]
    fn an_article_left_alone_stays_alone_when_no_story_wins_clearly() {
        let config = StoryConfig::default();
        // Another story (4, 5, 6) as close to 3 as the first: two like events, and
        // nothing says which one 3 reports.
        let mut extra = vec![link(4, 5, 0.6), link(4, 6, 0.6), link(5, 6, 0.6)];
        for m in 4..7 {
            extra.push(Link {
                direct: 0.14,
                ..link(3, m, 0.25)
            });
        }
        let of = cluster(7, &story_and_loner(&extra), &[], &Named::default(), &config);
        assert_eq!(of[0], of[1]);
        assert_eq!(of[4], of[5]);
        assert_eq!(of[3], 3, "3 stays alone");
        // One vetoed pair of three with the story (more than `veto-share`): alone.
        let mut vetoed = story_and_loner(&[]);
        vetoed[3].veto = Some(Veto::Names);
        assert_eq!(cluster(4, &vetoed, &[], &Named::default(), &config)[3], 3);
    }

    #[test]
    fn a_dated_article_left_alone_joins_only_a_story_told_on_its_days() {
        let config = StoryConfig::default();
        let links = story_and_loner(&[]);
        let told = |day: i32| -> Vec<Box<[i32]>> {
            vec![
                Box::new([100]),
                Box::new([101]),
                Box::new([103]),
                Box::new([day]),
            ]
        };
        // A day before the first report, or a day after the last: it joins.
        assert_eq!(
            cluster(4, &links, &told(99), &Named::default(), &config)[3],
            0
        );
        assert_eq!(
            cluster(4, &links, &told(104), &Named::default(), &config)[3],
            0
        );
        // Two days after the last (a company's later news, next week's report): no.
        assert_eq!(
            cluster(4, &links, &told(105), &Named::default(), &config)[3],
            3
        );
        assert_eq!(
            cluster(4, &links, &told(98), &Named::default(), &config)[3],
            3
        );
        // Undated and giving no day, nothing to read: it joins.
        let mut undated = told(0);
        undated[3] = Box::default();
        assert_eq!(
            cluster(4, &links, &undated, &Named::default(), &config)[3],
            0
        );
        // Undated, giving days for what happened: one of them must be the story's.
        undated[3] = Box::new([40, 102]);
        assert_eq!(
            cluster(4, &links, &undated, &Named::default(), &config)[3],
            0
        );
        undated[3] = Box::new([40]);
        assert_eq!(
            cluster(4, &links, &undated, &Named::default(), &config)[3],
            3
        );
    }

    /// Stories of `sizes` articles each (numbered in turn), each story's pairs
    /// scoring 0.6; then the pairs across stories `x` and `y` (by position) with
    /// `direct` own evidence and no neighbours' agreement (halves larger than
    /// `neighbours`: each article's row holds its own half).
    fn stories_apart(sizes: &[usize], across: &[(usize, usize, f64)]) -> Vec<Link> {
        let starts: Vec<usize> = sizes
            .iter()
            .scan(0, |next, &n| {
                let start = *next;
                *next += n;
                Some(start)
            })
            .collect();
        let of = |s: usize| starts[s]..starts[s] + sizes[s];
        let mut links = Vec::new();
        for s in 0..sizes.len() {
            for a in of(s) {
                links.extend((a + 1..starts[s] + sizes[s]).map(|b| link(a, b, 0.6)));
            }
        }
        for &(x, y, direct) in across {
            for a in of(x) {
                for b in of(y) {
                    links.push(Link {
                        direct,
                        ..link(a.min(b), a.max(b), 0.0)
                    });
                }
            }
        }
        links
    }

    #[test]
    fn two_halves_of_one_event_told_on_the_same_days_become_one_story() {
        let config = StoryConfig::default();
        let links = stories_apart(&[7, 8], &[(0, 1, 0.22)]);
        let on = |days: &[i32]| -> Vec<Box<[i32]>> {
            days.iter().map(|&d| Box::new([d]) as Box<[i32]>).collect()
        };
        let same_days = on(&[
            100, 100, 101, 100, 101, 100, 100, 101, 102, 101, 101, 100, 101, 102, 101,
        ]);
        let of = cluster(15, &links, &same_days, &Named::default(), &config);
        assert!(of.iter().all(|&c| c == of[0]), "one story: {of:?}");
        // The second half told a week later: a follow-up, or the like event of
        // another week: two stories.
        let week = on(&[
            100, 100, 101, 100, 101, 100, 100, 108, 108, 109, 108, 108, 109, 108, 108,
        ]);
        let of = cluster(15, &links, &week, &Named::default(), &config);
        assert_ne!(of[0], of[14]);
        // A story of no day: nothing places it, two stories.
        let of = cluster(15, &links, &[], &Named::default(), &config);
        assert_ne!(of[0], of[14]);
        // Under `merge-threshold` across: two stories.
        let weak = stories_apart(&[7, 8], &[(0, 1, 0.18)]);
        let of = cluster(15, &weak, &same_days, &Named::default(), &config);
        assert_ne!(of[0], of[14]);
        // More than `veto-share` of the pairs across vetoed: two stories.
        let mut vetoed = links.clone();
        vetoed
            .iter_mut()
            .filter(|l| l.a < 7 && l.b >= 7)
            .take(12)
            .for_each(|l| l.veto = Some(Veto::Names));
        let of = cluster(15, &vetoed, &same_days, &Named::default(), &config);
        assert_ne!(of[0], of[14]);
    }

    #[test]
    fn halves_stay_apart_when_another_group_is_nearly_as_close_or_they_are_small() {
        let config = StoryConfig::default();
        let days: Vec<Box<[i32]>> = (0..24).map(|_| Box::new([100]) as Box<[i32]>).collect();
        // A third story (the topic's like event) nearly as close to the first as
        // the second is: nothing says which is its other half.
        let links = stories_apart(&[8, 8, 8], &[(0, 1, 0.24), (0, 2, 0.21)]);
        let of = cluster(24, &links, &days, &Named::default(), &config);
        assert_ne!(of[0], of[8]);
        assert_ne!(of[0], of[16]);
        // Clearly closer to the second: the two halves join, the third stays.
        let links = stories_apart(&[8, 8, 8], &[(0, 1, 0.24), (0, 2, 0.12)]);
        let of = cluster(24, &links, &days, &Named::default(), &config);
        assert_eq!(of[0], of[8]);
        assert_ne!(of[0], of[16]);
        // An article alone nearly as close: it counts as a group too.
        let mut alone = stories_apart(&[8, 8, 1], &[(0, 1, 0.24)]);
        alone.extend((0..8).map(|a| Link {
            direct: 0.22,
            ..link(a, 16, 0.0)
        }));
        let of = cluster(17, &alone, &days, &Named::default(), &config);
        assert_ne!(of[0], of[8]);
        // Stories no larger than `neighbours`: their neighbours' agreement could
        // see across, and said no.
        let small = stories_apart(&[6, 6], &[(0, 1, 0.24)]);
        let of = cluster(12, &small, &days, &Named::default(), &config);
        assert_ne!(of[0], of[6]);
    }

    /// Each article's rare names, by story (`stories[s]` the names of each of story
    /// `s`'s articles, in the order [`stories_apart`] numbers them), every name of
    /// rarity 1.
    fn named(sizes: &[usize], stories: &[&[u32]]) -> Named {
        let rare = sizes
            .iter()
            .zip(stories)
            .flat_map(|(&n, names)| (0..n).map(|_| names.to_vec().into_boxed_slice()))
            .collect();
        Named {
            rare,
            idf: vec![1.0; 16],
        }
    }

    #[test]
    fn undated_halves_of_one_event_that_share_their_leading_names_become_one_story() {
        let config = StoryConfig::default();
        // Two stories of 6 and 3 articles (no larger than `neighbours`), no day
        // placing them, 0.22 of own evidence across and no neighbours' agreement.
        let links = stories_apart(&[6, 3], &[(0, 1, 0.22)]);
        // Both lead with the same names: one event.
        let same = named(&[6, 3], &[&[1, 2], &[1, 2]]);
        let of = cluster(9, &links, &[], &same, &config);
        assert!(of.iter().all(|&c| c == of[0]), "one story: {of:?}");
        // The second led by another participant (4) the first never names: the
        // topic's like event, two stories.
        let twin = named(&[6, 3], &[&[1, 2], &[1, 4]]);
        let of = cluster(9, &links, &[], &twin, &config);
        assert_ne!(of[0], of[8]);
        // No names read: two stories.
        let of = cluster(9, &links, &[], &Named::default(), &config);
        assert_ne!(of[0], of[8]);
        // Under `merge-threshold` across: two stories.
        let weak = stories_apart(&[6, 3], &[(0, 1, 0.18)]);
        assert_ne!(cluster(9, &weak, &[], &same, &config)[8], 0);
        // Both placed by their days: the day guard of the halves reads them (here too
        // small for it): two stories.
        let days: Vec<Box<[i32]>> = (0..9).map(|_| Box::new([100]) as Box<[i32]>).collect();
        assert_ne!(cluster(9, &links, &days, &same, &config)[8], 0);
        // One of the two placed, the other not: the names stand in for the days.
        let one: Vec<Box<[i32]>> = (0..6).map(|_| Box::new([100]) as Box<[i32]>).collect();
        assert_eq!(cluster(9, &links, &one, &same, &config)[8], 0);
    }

    #[test]
    fn undated_halves_stay_apart_when_either_is_closer_to_another_group() {
        let config = StoryConfig::default();
        let names = named(&[6, 3, 3], &[&[1, 2], &[1, 2], &[1, 2]]);
        // The second story is closer to a third than to the first: no pair of halves
        // is each other's closest but the second and third, which join.
        let links = stories_apart(&[6, 3, 3], &[(0, 1, 0.22), (1, 2, 0.3)]);
        let of = cluster(12, &links, &[], &names, &config);
        assert_ne!(of[0], of[6]);
        assert_eq!(of[6], of[9]);
        // More than `veto-share` of the pairs across vetoed: two stories.
        let mut vetoed = stories_apart(&[6, 3], &[(0, 1, 0.22)]);
        vetoed
            .iter_mut()
            .filter(|l| l.a < 6 && l.b >= 6)
            .take(4)
            .for_each(|l| l.veto = Some(Veto::Names));
        let names = named(&[6, 3], &[&[1, 2], &[1, 2]]);
        assert_ne!(cluster(9, &vetoed, &[], &names, &config)[8], 0);
    }

    #[test]
    fn an_article_left_alone_that_gives_its_storys_leading_names_joins_it() {
        let config = StoryConfig::default();
        // A story of four; article 4 alone, 0.15 of own evidence with each (under
        // `merge-threshold`, and its neighbours do not agree: the second pass's
        // first reading leaves it alone).
        let mut links: Vec<Link> = (0..4)
            .flat_map(|a| (a + 1..4).map(move |b| link(a, b, 0.6)))
            .collect();
        links.extend((0..4).map(|a| link(a, 4, 0.15)));
        let names = |loner: &[u32]| -> Named {
            let mut rare: Vec<Box<[u32]>> = (0..4).map(|_| vec![1, 2].into()).collect();
            rare.push(loner.to_vec().into());
            Named {
                rare,
                idf: vec![1.0; 8],
            }
        };
        // It gives the story's leading names (and one of its own): it joins.
        assert_eq!(cluster(5, &links, &[], &names(&[1, 2, 3]), &config)[4], 0);
        // One of them missing: the topic's like event, alone.
        assert_eq!(cluster(5, &links, &[], &names(&[1, 3]), &config)[4], 4);
        // No names read: alone.
        assert_eq!(cluster(5, &links, &[], &Named::default(), &config)[4], 4);
        // Under half `merge-threshold` with the story: alone.
        let mut weak = links.clone();
        weak.iter_mut()
            .filter(|l| l.b == 4)
            .for_each(|l| l.direct = 0.09);
        assert_eq!(cluster(5, &weak, &[], &names(&[1, 2]), &config)[4], 4);
        // Another article alone nearly as close (under 1.1 times): alone.
        let mut near = links.clone();
        near.push(link(4, 5, 0.14));
        let mut five = names(&[1, 2]);
        five.rare.push(Box::default());
        assert_eq!(cluster(6, &near, &[], &five, &config)[4], 4);
        // Dated a week after the story's days: the day guard keeps it out.
        let days: Vec<Box<[i32]>> = [100, 100, 101, 100, 108]
            .iter()
            .map(|&d| Box::new([d]) as Box<[i32]>)
            .collect();
        assert_eq!(cluster(5, &links, &days, &names(&[1, 2]), &config)[4], 4);
    }

    #[test]
    fn a_storys_leading_names_are_those_half_its_articles_give_most_and_rarest() {
        let names = Named {
            rare: vec![
                vec![1, 2, 5].into_boxed_slice(),
                vec![1, 2, 3].into_boxed_slice(),
                vec![1, 3, 4].into_boxed_slice(),
                vec![1, 4].into_boxed_slice(),
            ],
            idf: vec![1.0, 1.0, 3.0, 1.5, 1.0, 9.0],
        };
        // 5, rarest, is given by one article of four: not a leading name. 1 by all
        // (4 x 1.0), 2 by two (2 x 3.0), 3 by two (2 x 1.5), 4 by two (2 x 1.0).
        assert_eq!(leading_names(&[0, 1, 2, 3], &names, 3), vec![2, 1, 3]);
        assert_eq!(leading_names(&[0, 1, 2, 3], &names, 1), vec![2]);
        // A name one article gives is no story's leading name, however small.
        assert_eq!(leading_names(&[0], &names, 3), Vec::<u32>::new());
        assert!(given_by_half(&[1, 2], &[0, 1, 2, 3], &names));
        assert!(!given_by_half(&[1, 5], &[0, 1, 2, 3], &names));
    }

    #[test]
    fn a_veto_is_a_cannot_link_for_the_whole_cluster() {
        let config = StoryConfig::default();
        let mut links = vec![link(0, 1, 0.9), link(1, 2, 0.9), link(0, 2, 0.9)];
        links[2].veto = Some(Veto::Names);
        let of = cluster(3, &links, &[], &Named::default(), &config);
        assert_eq!(of[0], of[1]);
        assert_ne!(of[0], of[2], "2 may not join a cluster holding 0");
    }

    #[test]
    fn shared_neighbours_lift_a_weak_pair_of_one_event_not_a_lone_weak_pair() {
        let config = StoryConfig::default();
        // 0 and 1 score low on their own (0.25) but find the same four reports
        // nearest (2..5, 0.6 each); 6 and 7 score as low and have no one else.
        let mut links = vec![link(0, 1, 0.25), link(6, 7, 0.25)];
        for a in [0, 1] {
            for c in 2..6 {
                links.push(link(a, c, 0.6));
            }
        }
        links.sort_by_key(|l| (l.a, l.b));
        shared_neighbours(8, &mut links, config.neighbours);
        let score = |a, b| links.iter().find(|l| (l.a, l.b) == (a, b)).unwrap().score;
        // Their rows: themselves, each other (0.25) and 2..5 (0.6): 1.94 / 2.50.
        assert!(score(0, 1) > 0.75, "{}", score(0, 1));
        // Alone, a pair's agreement is about twice its own score: it seeds no merge
        // unless its own score does.
        assert!(score(6, 7) > config.link_threshold);
        let of = cluster(8, &links, &[], &Named::default(), &config);
        assert_eq!(of[0], of[1]);
        assert_ne!(of[6], of[7], "a lone weak pair stays apart");
    }

    #[test]
    fn the_adjacency_built_on_every_core_is_the_one_built_in_link_order() {
        // Links among 50 articles in an order of their own, some articles in none.
        let mut links = Vec::new();
        let mut x = 7usize;
        for _ in 0..400 {
            x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
            let (a, b) = (x % 45, (x / 45) % 45);
            if a < b && !links.iter().any(|l: &Link| (l.a, l.b) == (a, b)) {
                let mut l = link(a, b, (x % 1000) as f64 / 1000.0);
                l.veto = (x % 7 == 0).then_some(Veto::Dates);
                links.push(l);
            }
        }
        let mut one: Vec<HashMap<usize, Across, FixedState>> = degrees(50, &links)
            .into_iter()
            .map(|d| HashMap::with_capacity_and_hasher(d, FixedState::default()))
            .collect();
        for l in &links {
            let across = Across {
                score: l.score,
                direct: l.direct,
                vetoed: u32::from(l.veto.is_some()),
            };
            one[l.a].insert(l.b, across);
            one[l.b].insert(l.a, across);
        }
        let seen = |maps: &[HashMap<usize, Across, FixedState>]| -> Vec<_> {
            maps.iter()
                .map(|m| {
                    let entries: Vec<(usize, f64, f64, u32)> = m
                        .iter()
                        .map(|(&k, c)| (k, c.score, c.direct, c.vetoed))
                        .collect();
                    (m.capacity(), entries)
                })
                .collect()
        };
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let built = pool.install(|| adjacency(50, &links));
            assert_eq!(seen(&built), seen(&one), "{threads} threads");
        }
        // The seeds are the links at or above the link threshold and not vetoed.
        let config = StoryConfig::default();
        let mut seeded: Vec<(usize, usize)> = seeds(&links, &config)
            .into_iter()
            .map(|c| (c.a, c.b))
            .collect();
        seeded.sort_unstable();
        let mut want: Vec<(usize, usize)> = links
            .iter()
            .filter(|l| {
                l.veto.is_none()
                    && l.score >= config.link_threshold
                    && l.direct >= config.link_threshold
            })
            .map(|l| (l.a, l.b))
            .collect();
        want.sort_unstable();
        assert!(!want.is_empty());
        assert_eq!(seeded, want);
    }

    #[test]
    fn below_the_link_threshold_nothing_merges() {
        let config = StoryConfig::default();
        let of = cluster(
            2,
            &[link(0, 1, config.link_threshold - 0.01)],
            &[],
            &Named::default(),
            &config,
        );
        assert_eq!(of, vec![0, 1]);
    }

    #[test]
    fn equal_scores_merge_in_one_order() {
        let config = StoryConfig::default();
        let mut links = vec![link(0, 1, 0.5), link(2, 3, 0.5), link(1, 2, 0.5)];
        let first = cluster(4, &links, &[], &Named::default(), &config);
        links.reverse();
        links.sort_by_key(|l| (l.a, l.b));
        assert_eq!(cluster(4, &links, &[], &Named::default(), &config), first);
    }
}
