//! `similar`'s Patience diff ([`similar::algorithms::patience`]) with a fast hasher:
//! the same operations, found the same way, but the words that occur once on each
//! side (`unique`) are counted in a foldhash map, not a SipHash one, and listed in
//! order without a sort. `similar` hashes every word of both texts once per diff with
//! SipHash; a cluster finding diffs whole articles (issue 14: that hashing was the
//! most of the word diffs' time at 16x Reuters). The inner and outer Myers diffs and
//! the `Replace` and `Compact` hooks are `similar`'s own.

use std::hash::Hash;
use std::ops::Range;

use similar::DiffOp;
use similar::algorithms::{Capture, Compact, DiffHook, NoFinishHook, Replace, myers};

/// What `similar::capture_diff_slices(Algorithm::Patience, old, new)` returns.
pub fn capture_patience<T: Eq + Hash + Ord>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    let mut d = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = patience(&mut d, old, 0..old.len(), new, 0..new.len());
    d.into_inner().into_inner().into_ops()
}

/// How many items `capture_patience(old, new)`'s `Equal` operations hold, without
/// the operations: the same Patience diff, its equal runs counted as found. The
/// `Compact` and `Replace` hooks of [`capture_patience`] only shift and merge
/// operations, so the count is theirs (a unit test holds the two together). A
/// similarity needs no more (a cluster finding measures each copy so, issue 14).
pub fn patience_equal<T: Eq + Hash + Ord>(old: &[T], new: &[T]) -> usize {
    patience_equal_sides(&PatienceSide::new(old), &PatienceSide::new(new))
}

/// A sequence made ready to be diffed many times by [`patience_equal_sides`]: its
/// items that occur once, found once (a cluster finding diffs its original with each
/// of its members, 15 at 16x Reuters; issue 14).
pub struct PatienceSide<'a, T> {
    items: &'a [T],
    unique: Vec<Unique<'a, T>>,
}

impl<'a, T: Eq + Hash> PatienceSide<'a, T> {
    /// `items` prepared.
    pub fn new(items: &'a [T]) -> Self {
        PatienceSide {
            items,
            unique: unique(items, 0..items.len()),
        }
    }

    /// The items.
    pub fn items(&self) -> &'a [T] {
        self.items
    }
}

/// [`patience_equal`] of two prepared sequences: the same count.
pub fn patience_equal_sides<T: Eq + Hash>(
    old: &PatienceSide<'_, T>,
    new: &PatienceSide<'_, T>,
) -> usize {
    let mut d = CountEqual(0);
    let Ok(()) = patience_with(
        &mut d,
        old.items,
        0..old.items.len(),
        &old.unique,
        new.items,
        0..new.items.len(),
        &new.unique,
    );
    d.0
}

/// A hook that counts the items of the equal runs.
struct CountEqual(usize);

impl DiffHook for CountEqual {
    type Error = std::convert::Infallible;

    fn equal(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Self::Error> {
        self.0 += len;
        Ok(())
    }
}

/// An item that occurs once in its range: its slice and index (`similar`'s
/// `UniqueItem`, which is not public).
struct Unique<'a, T> {
    lookup: &'a [T],
    index: usize,
}

impl<T: PartialEq> PartialEq for Unique<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.lookup[self.index] == other.lookup[other.index]
    }
}

/// The items of `lookup[range]` that occur once there, in order.
fn unique<T: Eq + Hash>(lookup: &[T], range: Range<usize>) -> Vec<Unique<'_, T>> {
    let mut by_item: std::collections::HashMap<&T, Option<usize>, foldhash::fast::FixedState> =
        std::collections::HashMap::with_capacity_and_hasher(range.len(), Default::default());
    for index in range.clone() {
        by_item
            .entry(&lookup[index])
            .and_modify(|seen| *seen = None)
            .or_insert(Some(index));
    }
    let mut once = vec![false; range.len()];
    for index in by_item.into_values().flatten() {
        once[index - range.start] = true;
    }
    let start = range.start;
    range
        .filter(|&index| once[index - start])
        .map(|index| Unique { lookup, index })
        .collect()
}

/// `similar::algorithms::patience::diff` (no deadline), with [`unique`].
fn patience<T: Eq + Hash, D: DiffHook>(
    d: &mut D,
    old: &[T],
    old_range: Range<usize>,
    new: &[T],
    new_range: Range<usize>,
) -> Result<(), D::Error> {
    let old_indexes = unique(old, old_range.clone());
    let new_indexes = unique(new, new_range.clone());
    patience_with(
        d,
        old,
        old_range,
        &old_indexes,
        new,
        new_range,
        &new_indexes,
    )
}

/// [`patience`] with each side's items that occur once in its range found beforehand.
fn patience_with<'a, T: Eq + Hash, D: DiffHook>(
    d: &mut D,
    old: &'a [T],
    old_range: Range<usize>,
    old_indexes: &'a [Unique<'a, T>],
    new: &'a [T],
    new_range: Range<usize>,
    new_indexes: &'a [Unique<'a, T>],
) -> Result<(), D::Error> {
    let mut d = Replace::new(Patience {
        d,
        old,
        old_current: old_range.start,
        old_end: old_range.end,
        old_indexes,
        new,
        new_current: new_range.start,
        new_end: new_range.end,
        new_indexes,
    });
    myers::diff(
        &mut d,
        old_indexes,
        0..old_indexes.len(),
        new_indexes,
        0..new_indexes.len(),
    )
}

/// `similar`'s `Patience` hook: between two unique items that match, the words are
/// diffed with Myers.
struct Patience<'a, 'd, T, D> {
    d: &'d mut D,
    old: &'a [T],
    old_current: usize,
    old_end: usize,
    old_indexes: &'a [Unique<'a, T>],
    new: &'a [T],
    new_current: usize,
    new_end: usize,
    new_indexes: &'a [Unique<'a, T>],
}

impl<T: PartialEq, D: DiffHook> DiffHook for Patience<'_, '_, T, D> {
    type Error = D::Error;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), D::Error> {
        for (old, new) in (old..old + len).zip(new..new + len) {
            let a0 = self.old_current;
            let b0 = self.new_current;
            while self.old_current < self.old_indexes[old].index
                && self.new_current < self.new_indexes[new].index
                && self.new[self.new_current] == self.old[self.old_current]
            {
                self.old_current += 1;
                self.new_current += 1;
            }
            if self.old_current > a0 {
                self.d.equal(a0, b0, self.old_current - a0)?;
            }
            let mut no_finish_d = NoFinishHook::new(&mut *self.d);
            myers::diff(
                &mut no_finish_d,
                self.old,
                self.old_current..self.old_indexes[old].index,
                self.new,
                self.new_current..self.new_indexes[new].index,
            )?;
            self.old_current = self.old_indexes[old].index;
            self.new_current = self.new_indexes[new].index;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), D::Error> {
        myers::diff(
            self.d,
            self.old,
            self.old_current..self.old_end,
            self.new,
            self.new_current..self.new_end,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same operations as `similar`'s Patience on random texts with many
    /// repeated words, edits, moves and empty sides.
    #[test]
    fn the_same_operations_as_similar() {
        let mut state = 3u64;
        let mut next = move |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for round in 0..1000 {
            let vocab = [3, 8, 40, 1000][round % 4];
            let len_a = next(80) as usize;
            let a: Vec<u32> = (0..len_a).map(|_| next(vocab) as u32).collect();
            let mut b = a.clone();
            for _ in 0..next(8) {
                match next(3) {
                    0 if !b.is_empty() => {
                        let at = next(b.len() as u64) as usize;
                        b[at] = next(vocab) as u32;
                    }
                    1 => {
                        let at = next(b.len() as u64 + 1) as usize;
                        b.insert(at, next(vocab) as u32);
                    }
                    _ if !b.is_empty() => {
                        let at = next(b.len() as u64) as usize;
                        b.remove(at);
                    }
                    _ => {}
                }
            }
            if round % 7 == 0 {
                b = (0..next(50)).map(|_| next(vocab) as u32).collect();
            }
            let want = similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b);
            assert_eq!(capture_patience(&a, &b), want, "{a:?}\n{b:?}");
            let equal: usize = want
                .iter()
                .map(|op| match op {
                    DiffOp::Equal { len, .. } => *len,
                    _ => 0,
                })
                .sum();
            assert_eq!(patience_equal(&a, &b), equal, "{a:?}\n{b:?}");
            let (sa, sb) = (PatienceSide::new(&a), PatienceSide::new(&b));
            assert_eq!(patience_equal_sides(&sa, &sb), equal);
            assert_eq!(patience_equal_sides(&sb, &sa), patience_equal(&b, &a));
            let sa: Vec<String> = a.iter().map(|x| format!("w{x}")).collect();
            let sb: Vec<String> = b.iter().map(|x| format!("w{x}")).collect();
            let want = similar::capture_diff_slices(similar::Algorithm::Patience, &sa, &sb);
            assert_eq!(capture_patience(&sa, &sb), want);
        }
    }
}
