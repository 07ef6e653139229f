//! The JSON report, version 1: a contract that CI pipelines and other tools rely on.
//!
//! ```json
//! { "version": 1,
//!   "tool": { "name": "factdiff", "version": "0.1.0" },
//!   "summary": { "articles": 5, "claims": 400, "findings": 7 },
//!   "findings": [
//!     { "rule": "count-mismatch", "category": "contradiction", "severity": "error",
//!       "message": "…", "fingerprint": "…",
//!       "locations": [
//!         { "role": "primary", "path": "news/quake-b.md", "line": 8, "column": 24,
//!           "end_line": 8, "end_column": 39, "byte_start": 190, "byte_end": 205,
//!           "text": "killed 112 people" } ],
//!       "details": { } } ],
//!   "problems": [ { "path": "news/broken.jsonl", "line": 3, "message": "…" } ],
//!   "stories": [
//!     { "id": "story-…", "title": "Herat earthquake kills 112",
//!       "articles": [ { "path": "news/quake-a.md", "title": "…", "date": "2025-10-07",
//!                       "relation": "independent" } ] } ] }
//! ```
//!
//! Fields:
//! - `version`: 1. A field may be added within a version; none is renamed or removed.
//! - `tool`: the name and version of the program that wrote the report.
//! - `summary`: counts of articles read, claims extracted and findings reported.
//! - `findings`: sorted by primary path, line, column, then rule. Each has `rule` (the
//!   stable rule ID), `category` (`contradiction`, `style`, `overlap`), `severity`
//!   (`error`, `warning`, `info`), `message`, `fingerprint` (stable across runs, line
//!   shifts and working directories: it hashes the rule, the paths and the quoted
//!   texts, never lines or offsets, with the paths relative to the folder of
//!   factdiff.toml, else the git repository's root, else the working directory; a
//!   repeat within one report gets `-2`, `-3`, … appended), `locations`
//!   (the primary first, then the related ones) and `details` (rule-specific values:
//!   intervals as `{ "min", "max", "min_open", "max_open", "unit" }` (the message says
//!   them in words), dates, a word diff as `[{ "tag": "equal|delete|insert", "text" }]`,
//!   read from the first location to the second: `delete` is only in the first ("this
//!   article"), `insert` only in the second ("the other article"), the texts with their
//!   white space).
//! - A location has `role` (`primary` or `related`), `path` (relative to the working
//!   directory, `/` separators), 1-based `line`, `column`, `end_line`, `end_column`
//!   (columns in Unicode scalar values; the end column is just past the last
//!   character), `byte_start` and `byte_end` (offsets into the file as stored), the
//!   `text` at the location, and for a record of a JSONL (or JSON) archive `field`
//!   (`"text"`) and `article`. The one convention for a record: `line` and `end_line`
//!   are the line the record is on (opens on, in a JSON file); `byte_start` and
//!   `byte_end` are byte offsets into the decoded value of its `text` field, and
//!   `column` and `end_column` count that value's Unicode scalar values from its start,
//!   1-based, its line breaks included (the value is taken as one line); `article` is
//!   the record's `id`, else its title. Every format names such a location the same
//!   way: `wire.jsonl:4 (w4, text column 21)`. Added within version 1: `article`.
//! - `problems`: input that could not be read, in whole or part (a binary file, a
//!   JSONL line that is not JSON, broken front matter), with `path`, `line` when there
//!   is one, and `message`. Problems never fail a run.
//! - `stories` (added within version 1; absent when no two articles report the same
//!   event): the stories of the run, in the order of their first article, each with
//!   `id` (stable: derived from its articles' paths and record names, not from its
//!   position), `title` and `articles`, each with `path`, `article` (a record's name),
//!   `title`, `source` and `date` (ISO 8601) when known, `relation` (`original`,
//!   `copy`, `rewrite` or `independent`) and `of` (for a copy or rewrite, the index of
//!   the article it repeats); see docs/stories.md. A cross-article finding names its
//!   story in `details.story` (`{ "id", "title" }`).

use std::io::{self, Write};

use factdiff_findings::{Finding, Problem, Story};
use serde::{Deserialize, Serialize};

use crate::{RenderContext, Renderer, Report};

/// The version of the report format.
pub const VERSION: u32 = 1;

/// The report as it is written: the wire type of the contract above.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// Always [`VERSION`].
    pub version: u32,
    /// Which program wrote it.
    pub tool: Tool,
    /// Counts.
    pub summary: Summary,
    /// The findings, in order.
    pub findings: Vec<Finding>,
    /// Problems with the input.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// The stories (added within version 1; absent when the run grouped none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Story>,
}

/// The program that wrote a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// `factdiff`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// Counts of what a run read and found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Findings reported.
    pub findings: usize,
}

impl Tool {
    /// This program.
    pub fn factdiff() -> Tool {
        Tool {
            name: "factdiff".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// The version-1 JSON report (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Json;

impl Renderer for Json {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, out)
    }
}

/// Writes the report as pretty-printed JSON with a final newline.
pub(crate) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    write_json(&JsonReportRef::of(report), out)
}

/// Encodes items `0..n` (each with the function given) and returns their encodings in
/// order: serially ([`serial`]) or on a caller's threads.
pub type Encode<'e> = &'e dyn Fn(usize, &(dyn Fn(usize) -> Vec<u8> + Sync)) -> Vec<Vec<u8>>;

/// [`Encode`] on the current thread.
pub fn serial(n: usize, encode: &(dyn Fn(usize) -> Vec<u8> + Sync)) -> Vec<Vec<u8>> {
    (0..n).map(encode).collect()
}

/// How many findings or stories [`render_with`] encodes at a time: the encodings
/// of one batch are held until written.
const BATCH: usize = 1024;

/// [`render`], byte for byte, with the findings and stories (nearly all of a report)
/// encoded by `encode` in batches: the CLI encodes them on its workers, as a
/// report written on one thread while the others wait was 1.6% of `check`'s CPU at
/// 16x Reuters (issue 14). Each item is written as `serde_json`'s pretty printer
/// writes it inside the report (an element of a top-level array: its lines indented
/// by four spaces; JSON strings hold no raw line break); `report_writes_the_same_bytes_in_batches`
/// holds it to [`render`].
pub fn render_with(report: &Report<'_>, out: &mut dyn Write, encode: Encode<'_>) -> io::Result<()> {
    // The report without its findings and stories: what frames them.
    let frame = serde_json::to_string_pretty(&JsonReportRef {
        findings: &[],
        stories: &[],
        ..JsonReportRef::of(report)
    })?;
    const EMPTY: &str = "\n  \"findings\": []";
    let (Some(at), Some(body)) = (frame.find(EMPTY), frame.strip_suffix("\n}")) else {
        return render(report, out);
    };
    let after = &body[at + EMPTY.len()..];
    out.write_all(&frame.as_bytes()[..at + EMPTY.len() - 2])?;
    array(report.findings, out, encode)?;
    out.write_all(after.as_bytes())?;
    if !report.stories.is_empty() {
        out.write_all(b",\n  \"stories\": ")?;
        array(report.stories, out, encode)?;
    }
    out.write_all(b"\n}\n")
}

/// Writes `items` as a pretty-printed JSON array that is a field of the top-level
/// object, from its `[` to its `]`.
fn array<T: Serialize + Sync>(
    items: &[T],
    out: &mut dyn Write,
    encode: Encode<'_>,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (b, batch) in items.chunks(BATCH).enumerate() {
        // Each item is encoded, indented and given its separator on the workers, so
        // that what is left on this thread is one write an item (the re-indenting
        // was a serial pass over the 1 GB of 16x Reuters' report).
        let encoded = encode(batch.len(), &|i| {
            let first = b == 0 && i == 0;
            let mut bytes = Vec::with_capacity(1024);
            bytes.extend_from_slice(if first { b"\n    " } else { b",\n    " });
            // Writing to a `Vec` fails only on a value serde cannot represent, which
            // these types have none of; `render` would fail on it the same way.
            serde_json::to_writer_pretty(Indented(&mut bytes), &batch[i]).unwrap_or_default();
            bytes
        });
        for item in &encoded {
            out.write_all(item)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// The report without its findings and stories, which frame them, and where the
/// findings' array goes in it (after `"findings": `); `None` if it is not as expected.
fn frame(report: &Report<'_>) -> Option<(String, usize)> {
    let frame = serde_json::to_string_pretty(&JsonReportRef {
        findings: &[],
        stories: &[],
        ..JsonReportRef::of(report)
    })
    .ok()?;
    const EMPTY: &str = "\n  \"findings\": []";
    let at = frame.find(EMPTY)? + EMPTY.len() - 2;
    frame.ends_with("\n}").then_some((frame, at))
}

/// The items of the `b`th batch of an array, each encoded, indented and given its
/// separator by `encode` (on the workers, so that what is left on the writing thread
/// is one write an item: the re-indenting was a serial pass over the 1 GB of 16x
/// Reuters' report).
fn encode_batch<T: Serialize + Sync>(
    b: usize,
    batch: &[T],
    encode: EncodeShared<'_>,
) -> Vec<Vec<u8>> {
    encode(batch.len(), &|i| {
        let first = b == 0 && i == 0;
        let mut bytes = Vec::with_capacity(1024);
        bytes.extend_from_slice(if first { b"\n    " } else { b",\n    " });
        // Writing to a `Vec` fails only on a value serde cannot represent, which
        // these types have none of; `render` would fail on it the same way.
        serde_json::to_writer_pretty(Indented(&mut bytes), &batch[i]).unwrap_or_default();
        bytes
    })
}

/// [`Encode`] that other threads may call: what [`render_beside`] encodes with.
pub type EncodeShared<'e> =
    &'e (dyn Fn(usize, &(dyn Fn(usize) -> Vec<u8> + Sync)) -> Vec<Vec<u8>> + Sync);

/// Runs two jobs side by side where it can (the write of one batch of a report's
/// items and the encoding of the next) and returns what each gave: the write's result
/// and the encodings.
pub type Beside<'b> =
    &'b (dyn Fn(WriteJob<'_>, EncodeJob<'_>) -> (io::Result<()>, Vec<Vec<u8>>) + Sync);

/// The write of a batch of a report's items, for [`Beside`].
pub type WriteJob<'j> = &'j mut (dyn FnMut() -> io::Result<()> + Send);

/// The encoding of a batch of a report's items, for [`Beside`].
pub type EncodeJob<'j> = &'j mut (dyn FnMut() -> Vec<Vec<u8>> + Send);

/// [`render_with`], byte for byte, to an output that another thread may write: each
/// batch of findings and stories is written while the next is encoded, side by side
/// by `beside` (the CLI: on its workers, with `rayon::join`, so that one thread
/// writes while the others encode, and one thread alone does one after the other).
/// Written on one thread while the others waited, the 1 GB of 16x Reuters' report
/// was 1.2 s of the second thread's wall time (issue 14).
/// `report_written_beside_is_the_same_bytes` holds it to [`render`].
pub fn render_beside(
    report: &Report<'_>,
    out: &mut (dyn Write + Send),
    encode: EncodeShared<'_>,
    beside: Beside<'_>,
) -> io::Result<()> {
    let Some((frame, at)) = frame(report) else {
        return render(report, out);
    };
    out.write_all(&frame.as_bytes()[..at])?;
    array_beside(report.findings, out, encode, beside)?;
    out.write_all(&frame.as_bytes()[at + 2..frame.len() - 2])?;
    if !report.stories.is_empty() {
        out.write_all(b",\n  \"stories\": ")?;
        array_beside(report.stories, out, encode, beside)?;
    }
    out.write_all(b"\n}\n")
}

/// [`array`], each batch written while `beside` encodes the next.
fn array_beside<T: Serialize + Sync>(
    items: &[T],
    out: &mut (dyn Write + Send),
    encode: EncodeShared<'_>,
    beside: Beside<'_>,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let mut encoded: Vec<Vec<u8>> = Vec::new();
    for (b, batch) in items.chunks(BATCH).enumerate() {
        let written = &encoded;
        let (result, next) = beside(
            &mut || written.iter().try_for_each(|item| out.write_all(item)),
            &mut || encode_batch(b, batch, encode),
        );
        result?;
        encoded = next;
    }
    for item in &encoded {
        out.write_all(item)?;
    }
    out.write_all(b"\n  ]")
}

/// A writer that appends what it is given, each line break followed by four spaces:
/// a pretty-printed JSON value written through it is an element of a top-level
/// field's array. Indented as it is written, not copied and indented afterwards (a
/// second pass and a second buffer over the 1 GB of 16x Reuters' report; issue 14).
struct Indented<'v>(&'v mut Vec<u8>);

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        const INDENT: &[u8] = b"\n    ";
        for (k, line) in buf.split(|&c| c == b'\n').enumerate() {
            if k > 0 {
                self.0.extend_from_slice(INDENT);
            }
            self.0.extend_from_slice(line);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// [`JsonReport`] borrowing its findings, to write them without a copy: the same
/// fields in the same order (`properties::json_report_round_trips` in tests/e2e checks
/// that a report read back into [`JsonReport`] writes the same bytes).
#[derive(Serialize)]
struct JsonReportRef<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    findings: &'a [Finding],
    problems: &'a [Problem],
    #[serde(skip_serializing_if = "<[Story]>::is_empty")]
    stories: &'a [Story],
}

impl<'a> JsonReportRef<'a> {
    /// The whole report, its summary counting its findings.
    fn of(report: &Report<'a>) -> Self {
        JsonReportRef {
            version: VERSION,
            tool: Tool::factdiff(),
            summary: Summary {
                articles: report.articles,
                claims: report.claims,
                findings: report.findings.len(),
            },
            findings: report.findings,
            problems: report.problems,
            stories: report.stories,
        }
    }
}

/// Writes any value as pretty JSON with a final newline.
pub fn write_json<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NO_PAIRS;
    use crate::testdata;

    /// The sample stories, and more than two batches of findings (the last batch a
    /// part of one).
    fn batches_of_findings() -> (Vec<Story>, Vec<Finding>) {
        let (stories, story_findings) = crate::stories::tests::sample();
        let mut many = Vec::new();
        while many.len() < 2 * BATCH + 7 {
            many.extend(testdata::findings());
            many.extend(story_findings.iter().cloned());
        }
        (stories, many)
    }

    /// Calls `check` with each report of the combinations of `findings`, `problems`
    /// and `stories` lists, and the bytes [`render`] writes of it.
    fn each_report(
        findings: &[&[Finding]],
        problems: &[&[Problem]],
        stories: &[&[Story]],
        mut check: impl FnMut(&Report<'_>, &[u8]),
    ) {
        for &findings in findings {
            for &problems in problems {
                for &stories in stories {
                    let report = Report {
                        articles: 3,
                        claims: 10,
                        findings,
                        problems,
                        stories,
                        pairs: &NO_PAIRS,
                    };
                    let mut want = Vec::new();
                    render(&report, &mut want).unwrap();
                    check(&report, &want);
                }
            }
        }
    }

    /// Asserts `got` is `want`, naming the report's lists.
    fn assert_same(report: &Report<'_>, want: &[u8], got: &[u8]) {
        assert!(
            want == got,
            "{} findings, {} problems, {} stories:\n{}",
            report.findings.len(),
            report.problems.len(),
            report.stories.len(),
            String::from_utf8_lossy(got)
        );
    }

    /// [`render_beside`] writes what [`render`] writes, its jobs run one after the
    /// other and on two threads: with and without findings, problems and stories, and
    /// across batches (the last batch a part of one).
    #[test]
    fn report_written_beside_is_the_same_bytes() {
        let (stories, many) = batches_of_findings();
        let problems = testdata::problems();
        let many_stories: Vec<Story> = (0..BATCH + 1).map(|_| stories[0].clone()).collect();
        let in_turn = |write: WriteJob<'_>, encode: EncodeJob<'_>| (write(), encode());
        let on_two = |write: WriteJob<'_>, encode: EncodeJob<'_>| {
            std::thread::scope(|s| {
                let encoded = s.spawn(&mut *encode);
                let written = write();
                (written, encoded.join().unwrap())
            })
        };
        each_report(
            &[&[], &many],
            &[&[], &problems],
            &[&[], &many_stories],
            |report, want| {
                for beside in [&in_turn as Beside<'_>, &on_two] {
                    let mut got = Vec::new();
                    render_beside(report, &mut got, &serial, beside).unwrap();
                    assert_same(report, want, &got);
                }
            },
        );
    }

    /// [`render_with`] writes what [`render`] writes: with and without findings,
    /// problems and stories, and across batches.
    #[test]
    fn report_writes_the_same_bytes_in_batches() {
        let (stories, many) = batches_of_findings();
        let problems = testdata::problems();
        let few = testdata::findings();
        let many_stories: Vec<Story> = (0..BATCH + 1).map(|_| stories[0].clone()).collect();
        each_report(
            &[&[], &few, &many],
            &[&[], &problems],
            &[&[], &stories, &many_stories],
            |report, want| {
                let mut got = Vec::new();
                render_with(report, &mut got, &serial).unwrap();
                assert_same(report, want, &got);
            },
        );
    }
}
