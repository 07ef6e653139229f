//! The output of `factdiff diff A B`: a word diff of two texts.
//!
//! Text: a header naming both sides, a line of figures, then the first text with
//! `[-deleted-]` and `{+inserted+}` pieces inline (in colour, red and green, without
//! the brackets). JSON, version 1:
//!
//! ```json
//! { "version": 1,
//!   "a": { "path": "a.txt", "first_line": 1, "last_line": 3, "words": 40 },
//!   "b": { "path": "b.txt", "first_line": 5, "last_line": 7, "words": 38 },
//!   "similarity": 0.9, "containment_a": 0.85, "containment_b": 0.89,
//!   "diff": [ { "tag": "equal", "text": "At least " }, { "tag": "delete", "text": "37" } ] }
//! ```

use std::io::{self, Write};

use factdiff_findings::{DiffChunk, DiffMarks, print_diff};
use serde::Serialize;

/// One side of a diff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiffSide {
    /// Path relative to the working directory, with `/`.
    pub path: String,
    /// First 1-based line compared.
    pub first_line: u32,
    /// Last 1-based line compared.
    pub last_line: u32,
    /// Words compared.
    pub words: usize,
}

/// A word diff of two texts, with its figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiffView {
    /// The first (old) text.
    pub a: DiffSide,
    /// The second (new) text.
    pub b: DiffSide,
    /// Twice the words shared in order over the total words.
    pub similarity: f64,
    /// Share of A's words in passages shared with B.
    pub containment_a: f64,
    /// Share of B's words in passages shared with A.
    pub containment_b: f64,
    /// The word diff.
    pub diff: Vec<DiffChunk>,
}

#[derive(Serialize)]
struct Wire<'a> {
    version: u32,
    #[serde(flatten)]
    view: &'a DiffView,
}

/// Renders the diff as JSON (version 1), with a final line break.
pub fn render_diff_json(view: &DiffView, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Wire { version: 1, view })?;
    out.write_all(b"\n")
}

fn side_name(side: &DiffSide) -> String {
    if side.first_line == side.last_line {
        format!("{}:{}", side.path, side.first_line)
    } else {
        format!("{}:{}-{}", side.path, side.first_line, side.last_line)
    }
}

/// Renders the diff as text, coloured with ANSI escapes when `color`.
pub fn render_diff_text(view: &DiffView, color: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "--- {} ({} words)", side_name(&view.a), view.a.words)?;
    writeln!(out, "+++ {} ({} words)", side_name(&view.b), view.b.words)?;
    writeln!(
        out,
        "similarity {:.3}; {:.1}% of the first and {:.1}% of the second in shared passages",
        view.similarity,
        view.containment_a * 100.0,
        view.containment_b * 100.0
    )?;
    writeln!(out)?;
    let marks = if color {
        DiffMarks {
            delete: ("\x1b[31m", "\x1b[0m"),
            insert: ("\x1b[32m", "\x1b[0m"),
        }
    } else {
        DiffMarks::BRACKETS
    };
    let body = print_diff(&view.diff, marks, &str::to_owned);
    out.write_all(body.as_bytes())?;
    if !body.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdiff_findings::DiffTag;

    fn view() -> DiffView {
        DiffView {
            a: DiffSide {
                path: "a.txt".into(),
                first_line: 1,
                last_line: 1,
                words: 4,
            },
            b: DiffSide {
                path: "b.txt".into(),
                first_line: 2,
                last_line: 3,
                words: 4,
            },
            similarity: 0.75,
            containment_a: 0.0,
            containment_b: 0.0,
            diff: vec![
                DiffChunk {
                    tag: DiffTag::Equal,
                    text: "killed ".into(),
                },
                DiffChunk {
                    tag: DiffTag::Delete,
                    text: "112".into(),
                },
                DiffChunk {
                    tag: DiffTag::Insert,
                    text: "140".into(),
                },
                DiffChunk {
                    tag: DiffTag::Equal,
                    text: " people".into(),
                },
            ],
        }
    }

    #[test]
    fn text_marks_changes_inline() {
        let mut out = Vec::new();
        render_diff_text(&view(), false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("--- a.txt:1 (4 words)\n+++ b.txt:2-3 (4 words)\n"),
            "{text}"
        );
        assert!(text.ends_with("killed [-112-]{+140+} people\n"), "{text}");
    }

    #[test]
    fn json_has_version_and_chunks() {
        let mut out = Vec::new();
        render_diff_json(&view(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["b"]["first_line"], 2);
        assert_eq!(v["diff"][1]["tag"], "delete");
    }
}
