//! Word-level similarity with `similar`; the word diff itself is factdiff-findings'
//! (`word_diff`, re-exported here).

/// The algorithm of every word diff (factdiff-findings' [`factdiff_findings::DIFF_ALGORITHM`], the one
/// word diff of findings, quote-drift and `factdiff diff`).
pub use factdiff_findings::DIFF_ALGORITHM as ALGORITHM;
/// The word diff of two texts: factdiff-findings' [`factdiff_findings::word_diff`],
/// the one every engine and `factdiff diff` use.
pub use factdiff_findings::word_diff;

/// The similarity of two token sequences: twice the words they share in order (the
/// longest common subsequence, by the same algorithm as the diffs) over their total.
pub fn token_similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // The diff is no true longest common subsequence when words repeat, so its count
    // of equal words may depend on which side is first: take the sides in one order
    // (as `align_pair` does), so that the similarity of A and B is that of B and A.
    let (a, b) = if (crate::prints::seq_hash(a), a) <= (crate::prints::seq_hash(b), b) {
        (a, b)
    } else {
        (b, a)
    };
    // `ALGORITHM` (Patience), with a faster hasher, its equal runs counted.
    let equal = factdiff_findings::patience_equal(a, b);
    2.0 * equal as f64 / (a.len() + b.len()) as f64
}

/// [`token_similarity`] of a sequence prepared once (`a`, whose
/// [`seq_hash`](crate::prints::seq_hash) is `hash_a`) with `b` (whose hash is
/// `hash_b`): the same figure, the sides taken in the same order. A cluster finding
/// measures its original against each member so (issue 14).
pub(crate) fn token_similarity_with(
    a: &factdiff_findings::PatienceSide<'_, u32>,
    hash_a: u64,
    b: &[u32],
    hash_b: u64,
) -> f64 {
    let ta = a.items();
    if ta.is_empty() && b.is_empty() {
        return 1.0;
    }
    let sb = factdiff_findings::PatienceSide::new(b);
    let equal = if (hash_a, ta) <= (hash_b, b) {
        factdiff_findings::patience_equal_sides(a, &sb)
    } else {
        factdiff_findings::patience_equal_sides(&sb, a)
    };
    2.0 * equal as f64 / (ta.len() + b.len()) as f64
}

/// Rounds a share to three decimals for output, so that reports stay readable and
/// stable.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_of_equal_and_disjoint() {
        assert_eq!(token_similarity(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(token_similarity(&[1, 2], &[3, 4]), 0.0);
        assert!((token_similarity(&[1, 2, 3, 4], &[1, 2, 9, 4]) - 0.75).abs() < 1e-9);
    }

    /// The figure of a side prepared once is the one measured afresh, whichever side
    /// the two hashes put first.
    #[test]
    fn a_prepared_side_measures_the_same() {
        let hash = crate::prints::seq_hash;
        let texts: [&[u32]; 6] = [
            &[],
            &[1, 2, 3, 4, 5, 1, 2],
            &[1, 2, 9, 4, 5, 1, 2, 7],
            &[5, 4, 3, 2, 1],
            &[1, 1, 1, 2, 2],
            &[7],
        ];
        for a in texts {
            let side = factdiff_findings::PatienceSide::new(a);
            for b in texts {
                let want = token_similarity(a, b);
                assert_eq!(token_similarity_with(&side, hash(a), b, hash(b)), want);
                assert_eq!(token_similarity(b, a), want);
            }
        }
    }
}
