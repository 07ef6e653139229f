//! A pull-request comment in GitHub-flavoured Markdown.
//!
//! A heading with the counts; a table of findings by rule; a table of every finding
//! with a link to its file and line and the places it relates to (`path#Lline`,
//! relative to the repository root, or `BASE/path#Lline` with
//! [`RenderOptions::link_base`], which a pull-request comment needs); then each overlap in a collapsible `<details>`
//! section with its word diff, deletions (only in this article) as `<del>` and insertions
//! (only in the other article) as `<ins>`, the legend above it. Article
//! text is escaped for Markdown and HTML, so a quote can neither break the table nor
//! inject markup.

use std::collections::BTreeMap;
use std::io::{self, Write};

use factdiff_findings::{
    Category, DiffMarks, DiffSides, Finding, Location, OverlapKind, print_diff,
};

use crate::text::plural;
use crate::{
    RenderContext, RenderOptions, Renderer, Report, diff_of, kind_of, position, severity_counts,
};

/// The pull-request comment (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

impl Renderer for Markdown {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, cx.options, out)
    }
}

/// Writes the comment.
pub(crate) fn render(
    report: &Report<'_>,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let base = options
        .link_base
        .as_deref()
        .map(|b| b.trim_end_matches('/'));
    let (errors, warnings, infos) = severity_counts(report.findings);
    writeln!(
        out,
        "## factdiff: {}",
        plural(report.findings.len(), "finding", "findings")
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{} checked, {} extracted: **{}**, **{}**, **{} info**.",
        plural(report.articles, "article", "articles"),
        plural(report.claims, "claim", "claims"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        infos
    )?;
    if !report.findings.is_empty() {
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        for finding in report.findings {
            *by_rule.entry(&finding.rule).or_default() += 1;
        }
        writeln!(out)?;
        writeln!(out, "| rule | findings |")?;
        writeln!(out, "|---|---:|")?;
        for (rule, n) in by_rule {
            writeln!(out, "| `{rule}` | {n} |")?;
        }
        writeln!(out)?;
        writeln!(out, "### Findings")?;
        writeln!(out)?;
        writeln!(out, "| severity | rule | where | message | also at |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for finding in report.findings {
            let place = finding
                .primary()
                .map(|loc| link(loc, base))
                .unwrap_or_default();
            let related: Vec<String> = finding.related().map(|loc| link(loc, base)).collect();
            writeln!(
                out,
                "| {} | `{}` | {} | {} | {} |",
                finding.severity,
                finding.rule,
                place,
                cell(&finding.message),
                related.join("<br>")
            )?;
        }
    }
    let overlaps: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.category == Category::Overlap)
        .collect();
    if !overlaps.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Overlaps")?;
        writeln!(out)?;
        for finding in overlaps {
            overlap_section(finding, out)?;
        }
    }
    if !report.problems.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Input problems")?;
        writeln!(out)?;
        for problem in report.problems {
            writeln!(out, "- {}", cell(&problem.to_string()))?;
        }
    }
    Ok(())
}

fn overlap_section(finding: &Finding, out: &mut dyn Write) -> io::Result<()> {
    // One HTML block without blank lines: GitHub shows it as it is, no Markdown inside.
    let kind = kind_of(finding).map_or("overlap", OverlapKind::as_str);
    let places: Vec<String> = finding
        .locations
        .iter()
        .map(|loc| html(&position(loc)))
        .collect();
    writeln!(
        out,
        "<details><summary>{kind}: {} — {}</summary>",
        places.join(" ↔ "),
        html(&finding.message)
    )?;
    match diff_of(finding) {
        Some(chunks) => {
            let mut chunks = chunks.to_vec();
            // A passage's final line break is not worth a `<br>`.
            if let Some(last) = chunks.last_mut() {
                last.text.truncate(last.text.trim_end().len());
            }
            let body = print_diff(&chunks, DiffMarks::HTML, &|t| html(t).replace('\n', "<br>"));
            writeln!(
                out,
                "<p>{}</p>",
                DiffSides::of(&finding.locations).legend_marked(DiffMarks::HTML)
            )?;
            writeln!(out, "<blockquote>{body}</blockquote>")?;
        }
        _ => {
            if let Some(loc) = finding.primary() {
                writeln!(
                    out,
                    "<blockquote>{}</blockquote>",
                    html(&loc.text).replace('\n', "<br>")
                )?;
            }
        }
    }
    writeln!(out, "</details>")
}

/// `[path:line:col](path#Lline)`, or `(BASE/path#Lline)`.
fn link(loc: &Location, base: Option<&str>) -> String {
    let target = crate::sarif::uri(&loc.path)
        .replace('(', "%28")
        .replace(')', "%29");
    let target = match base {
        Some(base) => format!("{base}/{target}"),
        None => target,
    };
    format!("[{}]({target}#L{})", cell(&position(loc)), loc.line)
}

/// Escapes text for HTML.
pub(crate) fn html(text: &str) -> String {
    escape(text, true)
}

/// Escapes text that Markdown shows as text (a heading, a table cell): `&`, `<` and
/// `>`, which would open an entity or a tag. Quotation marks and apostrophes stay as
/// written: outside an attribute they mean nothing to HTML, and `&#39;` in a title
/// is hard to read in the raw file a reviewer diffs.
pub(crate) fn text(text: &str) -> String {
    escape(text, false)
}

/// Escapes `&`, `<` and `>`, and quotation marks and apostrophes too when `quotes`.
fn escape(text: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escapes text for one table cell: [`text`], Markdown's inline markup, `|`, and line
/// breaks.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in self::text(text).chars() {
        match ch {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn every_finding_kind() {
        let text =
            testdata::render_report(|report, out| render(report, &RenderOptions::default(), out));
        insta::assert_snapshot!(text);
        assert!(!text.contains("<script>"));
        assert!(!text.contains("<img"));

        let options = RenderOptions {
            link_base: Some("https://example.invalid/o/r/blob/abc/".into()),
            ..Default::default()
        };
        let text = testdata::render_report(|report, out| render(report, &options, out));
        assert!(
            text.contains(
                "[news/quake-b.md:8:16](https://example.invalid/o/r/blob/abc/news/quake-b.md#L8)"
            ),
            "{text}"
        );
    }

    #[test]
    fn empty_report() {
        let report = Report {
            articles: 5,
            claims: 0,
            findings: &[],
            problems: &[],
            stories: &[],
            pairs: &crate::NO_PAIRS,
        };
        let mut out = Vec::new();
        render(&report, &RenderOptions::default(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "## factdiff: 0 findings\n\n5 articles checked, 0 claims extracted: **0 errors**, **0 warnings**, **0 info**.\n"
        );
    }
}
