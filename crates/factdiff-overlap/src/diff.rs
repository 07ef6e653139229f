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
}
