//! Word-level diffs with `similar`.

use std::borrow::Cow;

use factdiff_findings::{DiffChunk, DiffTag};
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The algorithm of every word diff: Patience reads best on prose (it anchors on words
/// that occur once on both sides) and falls back to Myers inside; no deadline is set,
/// so the result never depends on the machine's speed.
pub const ALGORITHM: Algorithm = Algorithm::Patience;

/// A piece of text for diffing: its text and the key it is compared by. White space
/// compares as one space, so re-wrapping is not a change.
fn pieces(text: &str) -> Vec<(&str, Cow<'_, str>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind = 0u8;
    for (idx, c) in text.char_indices() {
        let k = if c.is_whitespace() {
            1
        } else if c.is_alphanumeric() || c == '\'' || c == '\u{2019}' {
            2
        } else {
            3
        };
        // Punctuation is one piece per character; words and white space run on.
        if idx > start && (k != kind || k == 3) {
            out.push(&text[start..idx]);
            start = idx;
        }
        kind = k;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out.into_iter()
        .map(|p| {
            let key = if p.chars().all(char::is_whitespace) {
                Cow::Borrowed(" ")
            } else if p.contains(['\u{2019}', '\u{2018}']) {
                // Typographic and straight apostrophes compare equal.
                Cow::Owned(p.replace(['\u{2019}', '\u{2018}'], "'"))
            } else {
                Cow::Borrowed(p)
            };
            (p, key)
        })
        .collect()
}

/// A word-level diff of `a` (old, primary) against `b` (new, related): equal, deleted
/// and inserted pieces in order, adjacent pieces of one kind merged. Equal pieces carry
/// the text of `a`. Concatenating the equal and delete chunks gives `a` back; the
/// equal and insert chunks give `b` up to white space.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffChunk> {
    let pa = pieces(a);
    let pb = pieces(b);
    let ka: Vec<&str> = pa.iter().map(|p| p.1.as_ref()).collect();
    let kb: Vec<&str> = pb.iter().map(|p| p.1.as_ref()).collect();
    let ops = capture_diff_slices(ALGORITHM, &ka, &kb);
    let mut out: Vec<DiffChunk> = Vec::new();
    let mut push = |tag: DiffTag, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(text),
            _ => out.push(DiffChunk {
                tag,
                text: text.to_owned(),
            }),
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                for p in &pa[old_index..old_index + len] {
                    push(DiffTag::Equal, p.0);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for p in &pa[old_index..old_index + old_len] {
                    push(DiffTag::Delete, p.0);
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for p in &pb[new_index..new_index + new_len] {
                    push(DiffTag::Insert, p.0);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for p in &pa[old_index..old_index + old_len] {
                    push(DiffTag::Delete, p.0);
                }
                for p in &pb[new_index..new_index + new_len] {
                    push(DiffTag::Insert, p.0);
                }
            }
        }
    }
    out
}

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
    let equal: usize = capture_diff_slices(ALGORITHM, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
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

    fn render(chunks: &[DiffChunk]) -> String {
        chunks
            .iter()
            .map(|c| match c.tag {
                DiffTag::Equal => c.text.clone(),
                DiffTag::Delete => format!("[-{}-]", c.text),
                DiffTag::Insert => format!("{{+{}+}}", c.text),
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_one_delete_and_one_insert() {
        let d = word_diff(
            "37 people have been killed in Safi.",
            "37 people have died in Safi.",
        );
        assert_eq!(
            render(&d),
            "37 people have [-been killed-]{+died+} in Safi."
        );
    }

    #[test]
    fn apostrophes_are_not_a_change() {
        let d = word_diff("Morocco's coast", "Morocco\u{2019}s coast");
        assert_eq!(render(&d), "Morocco's coast");
    }

    #[test]
    fn rewrapping_is_not_a_change() {
        let d = word_diff("one two\nthree", "one two three");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].tag, DiffTag::Equal);
        assert_eq!(d[0].text, "one two\nthree");
    }

    #[test]
    fn deletes_and_equals_rebuild_a() {
        let a = "At least 37 people have been killed, officials said (15 December).";
        let b = "At least 40 people died, officials said on Monday.";
        let d = word_diff(a, b);
        let back: String = d
            .iter()
            .filter(|c| c.tag != DiffTag::Insert)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(back, a);
        let fwd: String = d
            .iter()
            .filter(|c| c.tag != DiffTag::Delete)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(fwd, b);
    }

    #[test]
    fn similarity_of_equal_and_disjoint() {
        assert_eq!(token_similarity(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(token_similarity(&[1, 2], &[3, 4]), 0.0);
        assert!((token_similarity(&[1, 2, 3, 4], &[1, 2, 9, 4]) - 0.75).abs() < 1e-9);
    }
}
