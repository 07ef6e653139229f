//! Findings to bytes.
//!
//! factdiff-report renders a [`Report`] (findings, input problems and counts) in one of
//! the output [`Format`]s, one module per format, each a [`Renderer`] of one
//! [`RenderContext`]. It decides nothing and knows no engine: everything it shows comes
//! from `factdiff-findings` types, and the source lines it quotes come through the
//! [`Sources`] trait, which the CLI implements over the corpus.
//!
//! With the `clap` feature, [`Format`] is a `clap::ValueEnum` (the CLI's `--format`).
//!
//! ```
//! use factdiff_report::{Format, NoSources, RenderContext, RenderOptions, Report};
//!
//! let report = Report {
//!     articles: 5, claims: 0, findings: &[], problems: &[], stories: &[],
//!     pairs: &factdiff_report::NO_PAIRS,
//! };
//! let options = RenderOptions::default();
//! let cx = RenderContext { report, rules: &[], options: &options, sources: &NoSources };
//! let mut out = Vec::new();
//! Format::Json.renderer().render(&cx, &mut out).unwrap();
//! let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(json["version"], 1);
//! assert_eq!(json["summary"]["articles"], 5);
//! ```
#![deny(missing_docs)]

use std::io::{self, Write};
use std::ops::Range;

use factdiff_findings::{
    DiffChunk, Finding, Location, OverlapKind, PairArticle, Pairs, Problem, RuleMeta, Story,
};

mod claims;
pub mod corpus;
mod diff;
pub mod github;
pub mod html;
mod html_pairs;
pub mod json;
pub mod markdown;
pub mod sarif;
mod stories;
pub mod text;
pub use claims::{render_claims_json, render_claims_text};
pub use diff::{DiffSide, DiffView, render_diff_json, render_diff_text};
pub use stories::{
    StoriesReport, render_stories_html, render_stories_json, render_stories_markdown,
    render_stories_text, stories_summary,
};

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
    /// The stories: which articles report the same event (empty when the run
    /// grouped none).
    pub stories: &'a [Story],
    /// The duplicate pairs and the passages they share (the HTML report shows those
    /// its overlap findings report side by side; [`Pairs::default`] for none).
    pub pairs: &'a Pairs,
}

/// No pairs, for a report that has none.
pub static NO_PAIRS: Pairs = Pairs {
    articles: Vec::new(),
    groups: Vec::new(),
    pairs: Vec::new(),
};

/// An output format: each has a [`Renderer`] ([`Format::renderer`]). With the `clap`
/// feature it is the CLI's `--format` value; the `value(help)` is its line in `--help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Format {
    /// For people at a terminal: rustc-style diagnostics quoting each source line.
    #[cfg_attr(feature = "clap", value(help = "For people at a terminal"))]
    Text,
    /// The version-1 JSON report (see [`json`]).
    #[cfg_attr(feature = "clap", value(help = "The version-1 JSON report"))]
    Json,
    /// SARIF 2.1.0, for code scanning (see [`sarif`]).
    #[cfg_attr(feature = "clap", value(help = "SARIF 2.1.0, for code scanning"))]
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request (see [`github`]).
    #[cfg_attr(feature = "clap", value(help = "GitHub Actions annotations"))]
    Github,
    /// A pull-request comment in GitHub-flavoured Markdown (see [`markdown`]).
    #[cfg_attr(feature = "clap", value(help = "A pull-request comment"))]
    Markdown,
    /// One self-contained HTML page for editors (see [`html`]).
    #[cfg_attr(feature = "clap", value(help = "One self-contained page for editors"))]
    Html,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
        Format::Html,
    ];

    /// The format's renderer.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Text => &text::Text,
            Format::Json => &json::Json,
            Format::Sarif => &sarif::Sarif,
            Format::Github => &github::Github,
            Format::Markdown => &markdown::Markdown,
            Format::Html => &html::Html,
        }
    }
}

/// What every renderer reads: the report, the docs of the rules that ran (SARIF lists
/// them all in `tool.driver.rules`; without them it describes only the rules that
/// have findings, by ID), the options and the source lines to quote.
#[derive(Clone, Copy)]
pub struct RenderContext<'a> {
    /// What the run found.
    pub report: Report<'a>,
    /// The docs of the rules that ran.
    pub rules: &'a [RuleMeta],
    /// How to render.
    pub options: &'a RenderOptions,
    /// The source lines behind the locations.
    pub sources: &'a dyn Sources,
}

/// An output format's writer: one per format module, chosen by [`Format::renderer`].
/// A format reads what it needs of the context and ignores the rest.
pub trait Renderer {
    /// Writes the report in this format.
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()>;
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
    /// The width of the text report, in columns: long source lines are cut at words
    /// to fit, with "…". `None`: [`text::DEFAULT_WIDTH`].
    pub width: Option<usize>,
    /// Which duplicate pairs the HTML report shows whole, side by side.
    pub pair_texts: PairTexts,
}

/// Which duplicate pairs an HTML page embeds the two whole texts of (the others are
/// one row each in its index of pairs): the first [`PairTexts::first`] by the share
/// of an article the other holds, or, when `select` names any, the pairs it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairTexts {
    /// How many pairs get their texts (`--pairs N`).
    pub first: usize,
    /// `--pair`: an article (its path; `path:line` or its name for a record of an
    /// archive) or a story's ID; the pairs they name get their texts, and only they.
    pub select: Vec<String>,
}

impl PairTexts {
    /// How many pairs get their texts by default: enough to read the closest
    /// duplicates, few enough that a page of a large corpus stays light.
    pub const DEFAULT_FIRST: usize = 20;
}

impl Default for PairTexts {
    fn default() -> Self {
        PairTexts {
            first: Self::DEFAULT_FIRST,
            select: Vec::new(),
        }
    }
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

    /// The body of an article of a duplicate pair, as the analyses read it (the
    /// offsets of its shared passages count from its first byte), or `None` when it
    /// is not at hand.
    fn body(&self, article: &PairArticle) -> Option<String> {
        let _ = article;
        None
    }
}

/// A [`Sources`] that has nothing: locations are shown without quotes.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSources;

impl Sources for NoSources {
    fn quote(&self, _location: &Location) -> Option<Quote> {
        None
    }
}

/// A finding's word diff (overlaps, quote drift), when it has a non-empty one.
pub(crate) fn diff_of(finding: &Finding) -> Option<&[DiffChunk]> {
    finding.details.diff().filter(|chunks| !chunks.is_empty())
}

/// An overlap finding's kind.
pub(crate) fn kind_of(finding: &Finding) -> Option<OverlapKind> {
    finding.details.overlap().map(|o| o.kind)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::{self, SomeSources};

    /// Each format's renderer, through the trait and one context, writes what its
    /// module writes: the context carries the rules, options and sources each needs.
    #[test]
    fn each_format_renders_through_its_renderer() {
        let findings = testdata::findings();
        let problems = testdata::problems();
        let rules = testdata::rules();
        let options = RenderOptions {
            color: false,
            link_base: Some("https://example.org/blob/abc".into()),
            width: None,
            pair_texts: PairTexts::default(),
        };
        let report = Report {
            articles: 3,
            claims: 10,
            findings: &findings,
            problems: &problems,
            stories: &[],
            pairs: &NO_PAIRS,
        };
        let cx = RenderContext {
            report,
            rules: &rules,
            options: &options,
            sources: &SomeSources,
        };
        let mut outputs = Vec::new();
        for format in Format::ALL {
            let mut via_trait = Vec::new();
            format.renderer().render(&cx, &mut via_trait).unwrap();
            let mut direct = Vec::new();
            match format {
                Format::Text => text::render(&report, &options, &SomeSources, &mut direct),
                Format::Json => json::render(&report, &mut direct),
                Format::Sarif => sarif::render(&report, &rules, &mut direct),
                Format::Github => github::render(&report, &mut direct),
                Format::Markdown => markdown::render(&report, &options, &mut direct),
                Format::Html => html::render(&report, &options, &SomeSources, &mut direct),
            }
            .unwrap();
            assert_eq!(via_trait, direct, "{format:?}");
            outputs.push(via_trait);
        }
        outputs.sort();
        outputs.dedup();
        assert_eq!(outputs.len(), Format::ALL.len(), "every format is its own");
    }
}
