//! Alignment of two token sequences into maximal passages that tolerate small edits.

use std::collections::{BTreeMap, HashMap};

use foldhash::fast::FixedState;

use crate::prints::shingle_hashes;

/// A passage shared by two token sequences: word ranges `[start, end)` on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Passage {
    /// First word on side A.
    pub a_start: u32,
    /// One past the last word on side A.
    pub a_end: u32,
    /// First word on side B.
    pub b_start: u32,
    /// One past the last word on side B.
    pub b_end: u32,
    /// Words of A inside exactly matching stretches.
    pub matched: u32,
}

impl Passage {
    /// Words on side A.
    pub fn a_len(&self) -> u32 {
        self.a_end - self.a_start
    }
    /// Words on side B.
    pub fn b_len(&self) -> u32 {
        self.b_end - self.b_start
    }
}

/// [`align`] with a result that does not depend on which text is called A: the two
/// are aligned in the order of a hash of their words, and the passages mirrored back
/// when that order is B, A. Where a text allows more than one alignment (a word said
/// eleven times over), both calls still choose the same one.
pub fn align_pair(a: &[u32], b: &[u32], k: usize, max_gap: usize) -> Vec<Passage> {
    if crate::prints::seq_hash(a) <= crate::prints::seq_hash(b) {
        return align(a, b, false, k, max_gap);
    }
    mirrored(align(b, a, false, k, max_gap))
}

/// Passages of B against A read as passages of A against B, in order.
fn mirrored(passages: Vec<Passage>) -> Vec<Passage> {
    let mut out: Vec<Passage> = passages
        .into_iter()
        .map(|p| Passage {
            a_start: p.b_start,
            a_end: p.b_end,
            b_start: p.a_start,
            b_end: p.a_end,
            matched: p.matched,
        })
        .collect();
    out.sort();
    out
}

/// Side A's shingles above which [`align`] finds them by hash, not binary search.
const HASHED_INDEX: usize = 4096;

/// How far one shingle may repeat on side A before its later copies are ignored.
const MAX_SEED_REPEATS: usize = 16;

#[derive(Clone, Copy, Debug)]
struct Run {
    i: usize,
    j: usize,
    /// Length in words.
    len: usize,
}

/// A sorted index of shingle hashes cut by the hashes' top bits: `starts[t]` is the
/// first position whose hash's top `bits` bits are at least `t`.
struct Buckets {
    bits: u32,
    starts: Vec<u32>,
}

impl Buckets {
    fn new(index: &[(u64, u32)]) -> Buckets {
        // About one bucket per entry (at least two buckets).
        let bits = index
            .len()
            .max(2)
            .next_power_of_two()
            .trailing_zeros()
            .min(32);
        let n = 1usize << bits;
        let mut starts = vec![0u32; n + 1];
        let mut pos = 0usize;
        for (t, start) in starts.iter_mut().enumerate() {
            while pos < index.len() && ((index[pos].0 >> (64 - bits)) as usize) < t {
                pos += 1;
            }
            *start = pos as u32;
        }
        Buckets { bits, starts }
    }

    /// The first position of `index` (sorted) whose hash is at least `h`: what
    /// `index.partition_point(|e| e.0 < h)` finds, searching one bucket.
    fn first_at_least(&self, index: &[(u64, u32)], h: u64) -> usize {
        let t = (h >> (64 - self.bits)) as usize;
        let (from, to) = (self.starts[t] as usize, self.starts[t + 1] as usize);
        from + index[from..to].partition_point(|e| e.0 < h)
    }
}

/// Aligns `a` and `b` (or `a` with itself when `same`): exact stretches of at least
/// `k` words, merged into passages across gaps of at most `max_gap` words on each side.
/// In self-alignment the A side always comes before the B side and they never overlap.
pub fn align(a: &[u32], b: &[u32], same: bool, k: usize, max_gap: usize) -> Vec<Passage> {
    align_hashed_above(a, b, same, k, max_gap, HASHED_INDEX)
}

/// A token sequence made ready to be aligned many times ([`align_prepared`]): its
/// hash (which side of [`align_pair`] it takes), its shingle hashes, and their sorted
/// index with the lookups [`align`] builds for side A. What [`align`] computes at
/// each call, computed once: the story stage aligns each member of two related
/// clusters with each member of the other (issue 14).
pub struct Prepared<'t> {
    tokens: &'t [u32],
    hash: u64,
    shingles: Vec<u64>,
    index: Vec<(u64, u32)>,
    first: Option<HashMap<u64, u32, FixedState>>,
    buckets: Buckets,
}

impl<'t> Prepared<'t> {
    /// `tokens` prepared for shingles of `k` words.
    pub fn new(tokens: &'t [u32], k: usize) -> Prepared<'t> {
        let hash = crate::prints::seq_hash(tokens);
        Prepared::hashed_above(tokens, k, HASHED_INDEX, hash)
    }

    /// The sequence's [`seq_hash`](crate::prints::seq_hash).
    pub(crate) fn hash(&self) -> u64 {
        self.hash
    }

    /// `hash` is the sequence's [`seq_hash`](crate::prints::seq_hash), or anything
    /// when the caller does not read it ([`align`]).
    fn hashed_above(tokens: &'t [u32], k: usize, hashed_above: usize, hash: u64) -> Prepared<'t> {
        let shingles = shingle_hashes(tokens, k);
        let mut index: Vec<(u64, u32)> = shingles
            .iter()
            .enumerate()
            .map(|(i, &h)| (h, i as u32))
            .collect();
        index.sort_unstable();
        // Where each shingle of A first appears in `index`: a hash lookup past
        // `HASHED_INDEX` shingles, where a search's log factor and cache misses made a
        // long article super-linear (the `a a a` input of `cargo xtask bench hostile`);
        // else the search of one bucket of `index` by its hashes' top bits (the sorted
        // index cut into about one bucket per shingle: the binary search of the whole
        // index per shingle of B was a quarter of the alignment's time). All three find
        // the same position.
        let first: Option<HashMap<u64, u32, FixedState>> =
            (index.len() > hashed_above).then(|| {
                let mut first =
                    HashMap::with_capacity_and_hasher(index.len() / 2, FixedState::default());
                for (pos, &(h, _)) in index.iter().enumerate().rev() {
                    first.insert(h, pos as u32);
                }
                first
            });
        let buckets = Buckets::new(&index);
        Prepared {
            tokens,
            hash,
            shingles,
            index,
            first,
            buckets,
        }
    }
}

/// [`align_pair`] of two prepared sequences (prepared with the same `k`): the same
/// passages.
pub fn align_prepared(
    a: &Prepared<'_>,
    b: &Prepared<'_>,
    k: usize,
    max_gap: usize,
) -> Vec<Passage> {
    if a.hash <= b.hash {
        return align_with(a, b.tokens, &b.shingles, false, k, max_gap);
    }
    mirrored(align_with(b, a.tokens, &a.shingles, false, k, max_gap))
}

/// [`align_pair`] of a prepared sequence with one aligned once (`b`): the same
/// passages. `b` is prepared only when it takes side A.
pub fn align_pair_with(a: &Prepared<'_>, b: &[u32], k: usize, max_gap: usize) -> Vec<Passage> {
    align_pair_with_hash(a, b, crate::prints::seq_hash(b), k, max_gap)
}

/// [`align_pair_with`], `b`'s [`seq_hash`](crate::prints::seq_hash) given (`hash_b`).
pub(crate) fn align_pair_with_hash(
    a: &Prepared<'_>,
    b: &[u32],
    hash_b: u64,
    k: usize,
    max_gap: usize,
) -> Vec<Passage> {
    if a.hash <= hash_b {
        return align_with(a, b, &shingle_hashes(b, k), false, k, max_gap);
    }
    let b = Prepared::hashed_above(b, k, HASHED_INDEX, hash_b);
    mirrored(align_with(&b, a.tokens, &a.shingles, false, k, max_gap))
}

/// [`align`], finding A's shingles by hash when there are more than `hashed_above`.
fn align_hashed_above(
    a: &[u32],
    b: &[u32],
    same: bool,
    k: usize,
    max_gap: usize,
    hashed_above: usize,
) -> Vec<Passage> {
    let hb = shingle_hashes(b, k);
    if same && a == b && !repeats_a_shingle(&hb) {
        // A repeat within one text starts from two equal shingle hashes; most texts
        // have none (five of six of Reuters-21578), and this is found by sorting the
        // hashes, without the index, its buckets and a lookup per shingle.
        return Vec::new();
    }
    let prepared = Prepared::hashed_above(a, k, hashed_above, 0);
    align_with(&prepared, b, &hb, same, k, max_gap)
}

/// Whether a hash occurs twice in `hashes`.
fn repeats_a_shingle(hashes: &[u64]) -> bool {
    let mut sorted = hashes.to_vec();
    sorted.sort_unstable();
    sorted.windows(2).any(|w| w[0] == w[1])
}

/// [`align`] of prepared side A with `b`, whose shingle hashes are `hb`.
fn align_with(
    prepared: &Prepared<'_>,
    b: &[u32],
    hb: &[u64],
    same: bool,
    k: usize,
    max_gap: usize,
) -> Vec<Passage> {
    let a = prepared.tokens;
    let (index, first, buckets) = (&prepared.index, &prepared.first, &prepared.buckets);
    if prepared.shingles.is_empty() || hb.is_empty() {
        return Vec::new();
    }
    // Runs of consecutive matching shingles on one diagonal.
    let mut runs: Vec<Run> = Vec::new();
    // The open run of each diagonal `j - i` (offset by `a.len()`), plus one; 0 for
    // none. A table, not a hash map: it is read once per matching shingle.
    let mut open: Vec<u32> = vec![0; a.len() + b.len()];
    for (j, &h) in hb.iter().enumerate() {
        let lo = match first {
            Some(first) => match first.get(&h) {
                Some(&pos) => pos as usize,
                None => continue,
            },
            None => buckets.first_at_least(index, h),
        };
        for &(hash, i) in index[lo..].iter().take(MAX_SEED_REPEATS) {
            if hash != h {
                break;
            }
            let i = i as usize;
            if same && i >= j {
                continue;
            }
            // Verify the words: 32-bit token hashes may collide.
            if a[i..i + k] != b[j..j + k] {
                continue;
            }
            let diag = j + a.len() - i;
            match open[diag] {
                r if r > 0 && runs[r as usize - 1].j + runs[r as usize - 1].len - k + 1 == j => {
                    runs[r as usize - 1].len += 1;
                }
                _ => {
                    runs.push(Run { i, j, len: k });
                    open[diag] = runs.len() as u32;
                }
            }
        }
    }
    if same {
        // A repeat adjacent to itself ("x y x y"): keep the two sides apart.
        for run in &mut runs {
            if run.i + run.len > run.j {
                run.len = run.j - run.i;
            }
        }
        runs.retain(|r| r.len >= k);
    }
    // Greedy: longest stretches first, none overlapping another on either side.
    runs.sort_by(|x, y| y.len.cmp(&x.len).then(x.i.cmp(&y.i)).then(x.j.cmp(&y.j)));
    let mut taken_a: BTreeMap<usize, usize> = BTreeMap::new();
    let mut taken_b: BTreeMap<usize, usize> = BTreeMap::new();
    let mut accepted: Vec<Run> = Vec::new();
    for run in runs {
        let (i, j) = (run.i, run.j);
        let mut free_a = free(&taken_a, i, i + run.len);
        let mut free_b = free(&taken_b, j, j + run.len);
        if same {
            free_a = free_a && free(&taken_b, i, i + run.len);
            free_b = free_b && free(&taken_a, j, j + run.len);
        }
        if free_a && free_b {
            taken_a.insert(i, i + run.len);
            taken_b.insert(j, j + run.len);
            accepted.push(run);
        }
    }
    accepted.sort_by_key(|r| (r.i, r.j));
    let mut out: Vec<Passage> = Vec::new();
    for run in accepted {
        let (ri, rj, rl) = (run.i as u32, run.j as u32, run.len as u32);
        if let Some(cur) = out.last_mut() {
            let joins = ri >= cur.a_end
                && rj >= cur.b_end
                && (ri - cur.a_end) as usize <= max_gap
                && (rj - cur.b_end) as usize <= max_gap
                && (!same || ri + rl <= cur.b_start);
            if joins {
                cur.a_end = ri + rl;
                cur.b_end = rj + rl;
                cur.matched += rl;
                continue;
            }
        }
        out.push(Passage {
            a_start: ri,
            a_end: ri + rl,
            b_start: rj,
            b_end: rj + rl,
            matched: rl,
        });
    }
    extend(&mut out, a, b, same);
    out
}

/// The edits (words skipped on side A, on side B) crossed when extending a passage,
/// in groups by preference: a replaced word, an inserted or deleted one, two replaced,
/// and so on. Within a group, when a step and its mirror both fit, the extension stops:
/// either choice would make A-to-B differ from B-to-A. Past the edit, two equal
/// words must follow.
const STEPS: [&[(u32, u32)]; 5] = [
    &[(1, 1)],
    &[(1, 0), (0, 1)],
    &[(2, 2)],
    &[(2, 1), (1, 2)],
    &[(2, 0), (0, 2)],
];

/// The step to take: the first group with exactly one step that fits.
fn pick_step(fits: impl Fn((u32, u32)) -> bool) -> Option<(u32, u32)> {
    for group in STEPS {
        let mut fitting = group.iter().copied().filter(|&s| fits(s));
        match (fitting.next(), fitting.next()) {
            (None, _) => continue,
            (Some(step), None) => return Some(step),
            (Some(_), Some(_)) => return None,
        }
    }
    None
}

/// Extends each passage over the equal words on either side that are too few to make
/// a shingle, crossing an edit of up to two words (`STEPS`) when two equal words
/// follow it ("Rescue teams reached [three/four] villages ..."), never into a
/// neighbouring passage, and in self-alignment never across the other side.
fn extend(out: &mut [Passage], a: &[u32], b: &[u32], same: bool) {
    for idx in 0..out.len() {
        // The nearest other passages before and after, on each side separately (two
        // passages may cross: a transposed paragraph).
        let me = out[idx];
        let others = || {
            out.iter()
                .enumerate()
                .filter(move |(k, _)| *k != idx)
                .map(|(_, q)| q)
        };
        let lo_a = others()
            .map(|q| q.a_end)
            .filter(|&e| e <= me.a_start)
            .max()
            .unwrap_or(0);
        let lo_b = others()
            .map(|q| q.b_end)
            .filter(|&e| e <= me.b_start)
            .max()
            .unwrap_or(0);
        let hi_a = others()
            .map(|q| q.a_start)
            .filter(|&s| s >= me.a_end)
            .min()
            .unwrap_or(a.len() as u32);
        let hi_b = others()
            .map(|q| q.b_start)
            .filter(|&s| s >= me.b_end)
            .min()
            .unwrap_or(b.len() as u32);
        let p = &mut out[idx];
        // Left.
        loop {
            let lo_b = if same { lo_b.max(p.a_end) } else { lo_b };
            while p.a_start > lo_a
                && p.b_start > lo_b
                && a[p.a_start as usize - 1] == b[p.b_start as usize - 1]
            {
                p.a_start -= 1;
                p.b_start -= 1;
                p.matched += 1;
            }
            let step = pick_step(|(da, db)| {
                p.a_start >= lo_a + da + 2
                    && p.b_start >= lo_b + db + 2
                    && (1..=2).all(|k| {
                        a[(p.a_start - da - k) as usize] == b[(p.b_start - db - k) as usize]
                    })
            });
            match step {
                Some((da, db)) => {
                    p.a_start -= da;
                    p.b_start -= db;
                }
                None => break,
            }
        }
        // Right.
        loop {
            let hi_a = if same { hi_a.min(p.b_start) } else { hi_a };
            while p.a_end < hi_a && p.b_end < hi_b && a[p.a_end as usize] == b[p.b_end as usize] {
                p.a_end += 1;
                p.b_end += 1;
                p.matched += 1;
            }
            let step = pick_step(|(da, db)| {
                p.a_end + da + 2 <= hi_a
                    && p.b_end + db + 2 <= hi_b
                    && (0..2)
                        .all(|k| a[(p.a_end + da + k) as usize] == b[(p.b_end + db + k) as usize])
            });
            match step {
                Some((da, db)) => {
                    p.a_end += da;
                    p.b_end += db;
                }
                None => break,
            }
        }
    }
}

/// Whether `[start, end)` overlaps none of the intervals in `taken`.
fn free(taken: &BTreeMap<usize, usize>, start: usize, end: usize) -> bool {
    if let Some((_, &e)) = taken.range(..=start).next_back()
        && e > start
    {
        return false;
    }
    taken.range(start..end).next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prints::text_tokens;

    /// A fixed-seed linear congruential generator (Knuth's MMIX constants): the
    /// tests' random texts and hashes, the same on every run.
    fn lcg(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            state
        }
    }

    /// [`lcg`]'s high bits as a number below `n`.
    fn below(seed: u64) -> impl FnMut(u32) -> u32 {
        let mut next = lcg(seed);
        move |n| ((next() >> 33) % u64::from(n)) as u32
    }

    #[test]
    fn the_hashed_lookup_aligns_as_the_binary_search_does() {
        // Repeats (a shingle many times over, more than `MAX_SEED_REPEATS`), edits and
        // shingles of B absent from A.
        let mut a: Vec<u32> = (0..3000).map(|i| (i * 7919 % 613) as u32).collect();
        a.extend(std::iter::repeat_n(5, 400));
        let mut b = a.clone();
        for i in (0..b.len()).step_by(37) {
            b[i] = 100_000 + i as u32;
        }
        b.extend(std::iter::repeat_n(5, 50));
        for same in [false, true] {
            let searched = align_hashed_above(&a, &b, same, 5, 3, usize::MAX);
            let hashed = align_hashed_above(&a, &b, same, 5, 3, 0);
            assert!(!searched.is_empty());
            assert_eq!(searched, hashed, "same = {same}");
        }
        let self_searched = align_hashed_above(&a, &a, true, 5, 3, usize::MAX);
        assert!(!self_searched.is_empty());
        assert_eq!(self_searched, align_hashed_above(&a, &a, true, 5, 3, 0));
    }

    #[test]
    fn a_bucket_finds_what_the_binary_search_of_the_whole_index_finds() {
        let mut next = lcg(11);
        for n in [1usize, 2, 3, 7, 64, 500, 1000] {
            // Hashes spread over the whole range, some repeated, some clustered.
            let mut index: Vec<(u64, u32)> = (0..n)
                .map(|i| {
                    let h = match i % 5 {
                        0 => 42,
                        1 => u64::MAX - (i as u64 % 3),
                        _ => next(),
                    };
                    (h, i as u32)
                })
                .collect();
            index.sort_unstable();
            let buckets = Buckets::new(&index);
            let probes = index
                .iter()
                .flat_map(|&(h, _)| [h, h.wrapping_sub(1), h.wrapping_add(1)])
                .chain([0, 1, 41, 43, u64::MAX])
                .chain((0..200).map(|_| next()));
            for h in probes {
                assert_eq!(
                    buckets.first_at_least(&index, h),
                    index.partition_point(|e| e.0 < h),
                    "n = {n}, h = {h}"
                );
            }
        }
    }

    #[test]
    fn a_changed_word_keeps_one_passage() {
        let a = text_tokens(
            "Officials said on Monday that at least 37 people have been killed in \
             flash floods across the coastal province after days of torrential rain.",
        );
        let b = text_tokens(
            "Officials said on Tuesday that at least 37 people have been killed in \
             flash floods across the coastal region after days of torrential rain.",
        );
        let got = align(&a, &b, false, 5, 4);
        assert_eq!(got.len(), 1, "{got:?}");
        // "Officials said on" is 3 words, below a shingle, but the passage crosses the
        // changed day to take them in.
        assert_eq!((got[0].a_start, got[0].a_end), (0, a.len() as u32));
        assert_eq!(got[0].matched, a.len() as u32 - 2);
    }

    #[test]
    fn self_alignment_finds_a_repeat_and_keeps_sides_apart() {
        let t = text_tokens(
            "Kazakhstan is interested in expanding cooperation with Armenia. Ahead of \
             the visit he spoke. Kazakhstan is interested in expanding cooperation \
             with Armenia.",
        );
        let got = align(&t, &t, true, 5, 4);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].a_start, got[0].a_end), (0, 8));
        assert_eq!((got[0].b_start, got[0].b_end), (14, 22));
        let periodic = text_tokens("a b c d e a b c d e a b c d e");
        for p in align(&periodic, &periodic, true, 5, 4) {
            assert!(p.a_end <= p.b_start, "{p:?}");
        }
    }

    #[test]
    fn symmetric() {
        let a = text_tokens("one two three four five six seven eight nine ten eleven twelve");
        let b = text_tokens("zero one two three four five six seven eight nine ten x");
        let ab = align(&a, &b, false, 5, 4);
        let ba = align(&b, &a, false, 5, 4);
        assert_eq!(ab.len(), ba.len());
        assert_eq!(
            (ab[0].a_start, ab[0].b_start),
            (ba[0].b_start, ba[0].a_start)
        );
        assert_eq!(ab[0].a_len(), ba[0].b_len());
    }

    /// Two random texts that share pieces (some edited, some transposed): the
    /// passages found from A to B are those found from B to A, mirrored.
    #[test]
    fn symmetric_on_random_texts() {
        let mut next = below(7u64);
        for _ in 0..300 {
            let mut a: Vec<u32> = (0..60).map(|_| 1000 + next(40)).collect();
            let mut b: Vec<u32> = (0..60).map(|_| 1000 + next(40)).collect();
            for _ in 0..3 {
                let len = 6 + next(14) as usize;
                let piece: Vec<u32> = (0..len).map(|_| next(500)).collect();
                let mut edited = piece.clone();
                if next(2) == 0 {
                    let at = next(len as u32) as usize;
                    edited[at] = 9999;
                }
                let pa = next(a.len() as u32) as usize;
                let pb = next(b.len() as u32) as usize;
                a.splice(pa..pa, piece);
                b.splice(pb..pb, edited);
            }
            let mut ab: Vec<_> = align(&a, &b, false, 5, 4)
                .into_iter()
                .map(|p| (p.a_start, p.a_end, p.b_start, p.b_end, p.matched))
                .collect();
            let mut ba: Vec<_> = align(&b, &a, false, 5, 4)
                .into_iter()
                .map(|p| (p.b_start, p.b_end, p.a_start, p.a_end, p.matched))
                .collect();
            ab.sort_unstable();
            ba.sort_unstable();
            assert_eq!(ab, ba, "{a:?}\n{b:?}");
        }
    }

    /// A text aligned with itself: the passages of the full alignment, with the
    /// shortcut for texts that repeat no shingle taken or not.
    #[test]
    fn self_alignment_without_a_repeated_shingle_is_empty() {
        let mut next = below(11u64);
        let (mut with, mut without) = (0, 0);
        for _ in 0..300 {
            let len = 20 + next(60) as usize;
            let mut text: Vec<u32> = (0..len).map(|_| 1000 + next(30)).collect();
            if next(2) == 0 {
                // A piece of it said again.
                let (from, n) = (next(10) as usize, 5 + next(6) as usize);
                let piece = text[from..from + n].to_vec();
                let at = next(text.len() as u32) as usize;
                text.splice(at..at, piece);
            }
            let full = {
                let prepared = Prepared::hashed_above(&text, 5, HASHED_INDEX, 0);
                align_with(&prepared, &text, &shingle_hashes(&text, 5), true, 5, 4)
            };
            assert_eq!(align(&text, &text, true, 5, 4), full, "{text:?}");
            if repeats_a_shingle(&shingle_hashes(&text, 5)) {
                with += 1;
            } else {
                assert!(full.is_empty(), "{text:?}");
                without += 1;
            }
        }
        assert!(with > 10 && without > 10, "{with} {without}");
    }

    #[test]
    fn prepared_sequences_align_as_align_pair_does() {
        let mut next = below(11u64);
        for round in 0..300 {
            // Short and long texts (past `HASHED_INDEX` too), an empty one now and then.
            let len = |next: &mut dyn FnMut(u32) -> u32| match round % 10 {
                0 => next(5) as usize,
                1 => 4000 + next(400) as usize,
                _ => 20 + next(100) as usize,
            };
            let la = len(&mut next);
            let lb = len(&mut next);
            let mut a: Vec<u32> = (0..la).map(|_| 1000 + next(30)).collect();
            let b: Vec<u32> = (0..lb).map(|_| 1000 + next(30)).collect();
            if !b.is_empty() && !a.is_empty() {
                let at = next(a.len() as u32) as usize;
                let from = next(b.len() as u32) as usize;
                let piece: Vec<u32> = b[from..b.len().min(from + 12)].to_vec();
                a.splice(at..at, piece);
            }
            let want = align_pair(&a, &b, 5, 4);
            let (pa, pb) = (Prepared::new(&a, 5), Prepared::new(&b, 5));
            assert_eq!(align_prepared(&pa, &pb, 5, 4), want);
            assert_eq!(align_pair_with(&pa, &b, 5, 4), want);
            let back = align_pair(&b, &a, 5, 4);
            assert_eq!(align_prepared(&pb, &pa, 5, 4), back);
            assert_eq!(align_pair_with(&pb, &a, 5, 4), back);
        }
    }
}
