//! The word diff every finding carries, and its one printer.
//!
//! A finding's diff reads from its first location ("this article", the primary) to
//! its second ("the other article"): a deleted piece is only in the first, an inserted
//! piece only in the second. [`word_diff`] makes it (the overlap engine, quote-drift
//! and `factdiff diff` all call it), [`inline_diff`] prints it on one line, and
//! [`DiffSides`] names the two sides the same way in every message and format.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp};

use crate::Location;

/// What a piece of a word diff is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    /// In both texts.
    Equal,
    /// Only in the first text: the finding's first location ("this article").
    Delete,
    /// Only in the second text: the finding's second location ("the other article").
    Insert,
}

/// One piece of a word-level diff between two texts. A finding stores its diff as
/// `details.diff`: an array of these, `{ "tag": "equal", "text": "..." }`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DiffChunk {
    /// Equal, delete or insert.
    pub tag: DiffTag,
    /// The text of the piece, white space included: the pieces put together give the
    /// texts back.
    pub text: String,
}

/// The algorithm of every word diff: Patience reads best on prose (it anchors on words
/// that occur once on both sides) and falls back to Myers inside; no deadline is set,
/// so the result never depends on the machine's speed.
pub const DIFF_ALGORITHM: Algorithm = Algorithm::Patience;

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

/// Each piece's key as a number, the same number for equal keys on either side: the
/// Patience diff reads its items only by equality (which occur once, which match), so
/// it finds the same operations over the numbers as over the keys, and compares two
/// numbers where it compared two strings (issue 14: the word diffs' Myers steps were
/// 2% of `check`'s CPU at 16x Reuters, much of it in `memcmp`).
fn interned<'t>(
    pa: &'t [(&str, Cow<'_, str>)],
    pb: &'t [(&str, Cow<'_, str>)],
) -> (Vec<u32>, Vec<u32>) {
    let mut ids: std::collections::HashMap<&'t str, u32, foldhash::fast::FixedState> =
        std::collections::HashMap::with_capacity_and_hasher(
            pa.len().max(pb.len()),
            Default::default(),
        );
    let mut number = |pieces: &'t [(&str, Cow<'_, str>)]| -> Vec<u32> {
        pieces
            .iter()
            .map(|p| {
                let next = ids.len() as u32;
                *ids.entry(p.1.as_ref()).or_insert(next)
            })
            .collect()
    };
    let ka = number(pa);
    let kb = number(pb);
    (ka, kb)
}

/// A word-level diff of `a` (the first location's text) against `b` (the second's):
/// equal, deleted and inserted pieces in order, adjacent pieces of one kind merged.
/// Equal pieces carry the text of `a`. Concatenating the equal and delete chunks gives
/// `a` back; the equal and insert chunks give `b` up to white space.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffChunk> {
    let pa = pieces(a);
    let pb = pieces(b);
    let (ka, kb) = interned(&pa, &pb);
    // `DIFF_ALGORITHM`, with a faster hasher, over the keys' numbers.
    let ops = crate::capture_patience(&ka, &kb);
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

/// How a printed diff marks its changed pieces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiffMarks<'m> {
    /// Before and after a piece only in the first text.
    pub delete: (&'m str, &'m str),
    /// Before and after a piece only in the second text.
    pub insert: (&'m str, &'m str),
}

impl DiffMarks<'static> {
    /// `[-deleted-]` and `{+inserted+}`: plain text (messages, the text report).
    pub const BRACKETS: DiffMarks<'static> = DiffMarks {
        delete: ("[-", "-]"),
        insert: ("{+", "+}"),
    };
    /// `<del>` and `<ins>`: HTML and Markdown.
    pub const HTML: DiffMarks<'static> = DiffMarks {
        delete: ("<del>", "</del>"),
        insert: ("<ins>", "</ins>"),
    };
}

/// The one diff printer: each piece's text through `text` (an escape, or white space
/// made one line), changed pieces between their marks. Every format prints a diff
/// with it.
pub fn print_diff(
    chunks: &[DiffChunk],
    marks: DiffMarks<'_>,
    text: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    for chunk in chunks {
        let (open, close) = match chunk.tag {
            DiffTag::Equal => ("", ""),
            DiffTag::Delete => marks.delete,
            DiffTag::Insert => marks.insert,
        };
        out.push_str(open);
        out.push_str(&text(&chunk.text));
        out.push_str(close);
    }
    out
}

/// White space runs (line breaks included) as one space.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The diff on one line, as every plain-text message and format prints it: the text
/// with `[-only in the first-]` and `{+only in the second+}` inline, white space runs
/// (line breaks included) as one space.
pub fn inline_diff(chunks: &[DiffChunk]) -> String {
    print_diff(chunks, DiffMarks::BRACKETS, &one_line)
}

/// The names of the two sides of a finding's word diff, the same in every message
/// and format: "this article" (the first location) and "the other article" (the
/// second), or "this passage" and "the other passage" when both are in one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiffSides {
    /// The first location's side: what a deletion is only in.
    pub this: &'static str,
    /// The second location's side: what an insertion is only in.
    pub other: &'static str,
}

impl DiffSides {
    /// The sides of a diff between the first two of `locations`.
    pub fn of(locations: &[Location]) -> DiffSides {
        // A JSONL file holds one article per record (line).
        let same_article = matches!(locations, [a, b, ..]
            if a.path == b.path && (a.field.is_none() || a.line == b.line));
        if same_article {
            DiffSides {
                this: "this passage",
                other: "the other passage",
            }
        } else {
            DiffSides {
                this: "this article",
                other: "the other article",
            }
        }
    }

    /// What the marks of [`inline_diff`] mean: `[-…-] only in this article, {+…+}
    /// only in the other article`.
    pub fn legend(&self) -> String {
        self.legend_marked(DiffMarks::BRACKETS)
    }

    /// The legend with other marks ([`DiffMarks::HTML`]), worded as
    /// [`DiffSides::legend`].
    pub fn legend_marked(&self, marks: DiffMarks<'_>) -> String {
        format!(
            "{}…{} only in {}, {}…{} only in {}",
            marks.delete.0, marks.delete.1, self.this, marks.insert.0, marks.insert.1, self.other
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces' keys numbered give the operations the keys give, on random texts
    /// of few words (many repeats), punctuation, apostrophes and white space.
    #[test]
    fn numbered_keys_diff_as_the_keys_do() {
        let words = [
            "the",
            "The",
            "said",
            "it's",
            "it\u{2019}s",
            ",",
            ".",
            "37",
            " ",
            "\n",
            "a",
        ];
        let mut state = 7u64;
        let mut next = move |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..500 {
            let mut text = || -> String {
                let len = next(60);
                (0..len)
                    .map(|_| words[next(words.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (a, b) = (text(), text());
            let (pa, pb) = (pieces(&a), pieces(&b));
            let ka: Vec<&str> = pa.iter().map(|p| p.1.as_ref()).collect();
            let kb: Vec<&str> = pb.iter().map(|p| p.1.as_ref()).collect();
            let (na, nb) = interned(&pa, &pb);
            assert_eq!(
                crate::capture_patience(&na, &nb),
                similar::capture_diff_slices(DIFF_ALGORITHM, &ka, &kb),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn a_changed_word_is_one_delete_and_one_insert() {
        let d = word_diff(
            "37 people have been killed in Safi.",
            "37 people have died in Safi.",
        );
        assert_eq!(
            inline_diff(&d),
            "37 people have [-been killed-]{+died+} in Safi."
        );
    }

    #[test]
    fn apostrophes_are_not_a_change() {
        let d = word_diff("Morocco's coast", "Morocco\u{2019}s coast");
        assert_eq!(inline_diff(&d), "Morocco's coast");
    }

    #[test]
    fn rewrapping_is_not_a_change() {
        let d = word_diff("one two\nthree", "one two three");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].tag, DiffTag::Equal);
        assert_eq!(d[0].text, "one two\nthree");
        assert_eq!(inline_diff(&d), "one two three");
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
    fn the_printer_keeps_the_spaces_between_words() {
        // Chunks that carry their white space print with it...
        let d = word_diff(
            "We will not accept these terms",
            "We will never accept these terms",
        );
        assert_eq!(
            inline_diff(&d),
            "We will [-not-]{+never+} accept these terms"
        );
        // ...and a line break inside a chunk prints as a space.
        let d = word_diff("a line\nbreak here", "a line\nbreak there");
        assert_eq!(inline_diff(&d), "a line break [-here-]{+there+}");
    }

    #[test]
    fn the_sides_are_named_by_where_the_locations_are() {
        let loc = |path: &str| Location {
            role: crate::Role::Primary,
            path: path.into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
            byte_start: 0,
            byte_end: 1,
            field: None,
            article: None,
            text: "x".into(),
        };
        let across = DiffSides::of(&[loc("a.md"), loc("b.md")]);
        assert_eq!(
            across.legend(),
            "[-…-] only in this article, {+…+} only in the other article"
        );
        let within = DiffSides::of(&[loc("a.md"), loc("a.md")]);
        assert_eq!(
            within.legend_marked(DiffMarks::HTML),
            "<del>…</del> only in this passage, <ins>…</ins> only in the other passage"
        );
    }
}
