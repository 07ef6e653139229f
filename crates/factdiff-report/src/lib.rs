//! Findings to bytes.
//!
//! factdiff-report renders a [`Report`] (findings, input problems and counts) in one of
//! the output formats, one module per format. It decides nothing and knows no engine:
//! everything it shows comes from `factdiff-findings` types, and the source lines it
//! quotes come through the [`Sources`] trait, which the CLI implements over the corpus.
//!
//! ```
//! use factdiff_report::{Format, NoSources, RenderOptions, Report, render};
//!
//! let report = Report { articles: 5, claims: 0, findings: &[], problems: &[] };
//! let mut out = Vec::new();
//! render(&report, Format::Json, &RenderOptions::default(), &NoSources, &mut out).unwrap();
//! let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(json["version"], 1);
//! assert_eq!(json["summary"]["articles"], 5);
//! ```
#![deny(missing_docs)]

use std::io::{self, Write};
use std::ops::Range;

use factdiff_findings::{DiffChunk, Finding, Location, Problem, RuleMeta};

mod claims;
pub mod corpus;
mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod text;
pub use claims::{render_claims_json, render_claims_text};
pub use diff::{DiffSide, DiffView, render_diff_json, render_diff_text};

/// What a run found, ready to render.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// Number of articles read.
    pub articles: usize,
    /// Number of claims extracted.
    pub claims: usize,
    /// The findings, in their total order (see `factdiff_findings::finalize`).
    pub findings: &'a [Finding],
    /// Problems with the input, sorted.
    pub problems: &'a [Problem],
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people at a terminal: rustc-style diagnostics quoting each source line.
    Text,
    /// The version-1 JSON report (see [`json`]).
    Json,
    /// SARIF 2.1.0, for code scanning (see [`sarif`]).
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request (see [`github`]).
    Github,
    /// A pull-request comment in GitHub-flavoured Markdown (see [`markdown`]).
    Markdown,
    /// One self-contained HTML page for editors (see [`html`]).
    Html,
}

/// How to render.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Colour the text output with ANSI escapes.
    pub color: bool,
    /// Where the Markdown report's links point: `BASE/path#Lline` (a repository's
    /// blob URL at a commit). Without it the links are relative to the repository
    /// root, which works in files but not in a pull-request comment.
    pub link_base: Option<String>,
}

/// Source text to quote for a location: the whole line(s) it lies on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The 1-based number of the first line of `text`.
    pub first_line: u32,
    /// The line(s), without the final line break.
    pub text: String,
    /// The location's bytes within `text`.
    pub range: Range<usize>,
}

/// Gives the source lines behind a location, for quoting.
pub trait Sources {
    /// The quote for `location`, or `None` when its source is not at hand.
    fn quote(&self, location: &Location) -> Option<Quote>;
}

/// A [`Sources`] that has nothing: locations are shown without quotes.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSources;

impl Sources for NoSources {
    fn quote(&self, _location: &Location) -> Option<Quote> {
        None
    }
}

/// Renders a report in a format. SARIF then describes only the rules that have
/// findings, by ID; [`render_with_rules`] gives it every rule's docs.
pub fn render(
    report: &Report<'_>,
    format: Format,
    options: &RenderOptions,
    sources: &dyn Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    render_with_rules(report, &[], format, options, sources, out)
}

/// Renders a report in a format, with the docs of the rules that ran: SARIF lists
/// them all in `tool.driver.rules`; the other formats do not use them.
pub fn render_with_rules(
    report: &Report<'_>,
    rules: &[RuleMeta],
    format: Format,
    options: &RenderOptions,
    sources: &dyn Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::render(report, options, sources, out),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, rules, out),
        Format::Github => github::render(report, out),
        Format::Markdown => markdown::render(report, options, out),
        Format::Html => html::render(report, sources, out),
    }
}

/// A finding's word diff (`details.diff`), when it has one.
pub(crate) fn diff_of(finding: &Finding) -> Option<Vec<DiffChunk>> {
    let value = finding.details.get("diff")?;
    serde_json::from_value(value.clone()).ok()
}

/// A finding's `details.kind` (overlaps: `exact`, `near`, `cluster`, `boilerplate`).
pub(crate) fn kind_of(finding: &Finding) -> Option<&str> {
    finding.details.get("kind").and_then(|v| v.as_str())
}

/// How every human-readable format names a location: `path:line:column`; for a record
/// of a JSONL or JSON archive, whose `line` is the record's and whose column is into
/// its `text` field, `path:line (name, text column C)`, so that the column is not
/// taken for one of the file's and the reader knows which story is meant.
pub(crate) fn position(loc: &Location) -> String {
    match (&loc.field, &loc.article) {
        (Some(field), Some(name)) => format!(
            "{}:{} ({name}, {field} column {})",
            loc.path, loc.line, loc.column
        ),
        (Some(field), None) => format!("{}:{} ({field} column {})", loc.path, loc.line, loc.column),
        (None, _) => format!("{}:{}:{}", loc.path, loc.line, loc.column),
    }
}

/// Counts of findings by severity: `(errors, warnings, infos)`.
pub(crate) fn severity_counts(findings: &[Finding]) -> (usize, usize, usize) {
    use factdiff_findings::Severity;
    let count = |sev: Severity| findings.iter().filter(|f| f.severity == sev).count();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}

#[cfg(test)]
pub(crate) mod testdata;
