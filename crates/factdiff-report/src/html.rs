//! One self-contained HTML page for editors.
//!
//! The page makes no request: its CSS is inline, it has no script, no font and no
//! image, and a Content-Security-Policy of `default-src 'none'` says so to the
//! browser as well. It holds:
//!
//! - a summary line and a table of every finding (severity, rule, place, message),
//!   each linking to its section below;
//! - the duplicate-coverage clusters: the member articles with title, date, words,
//!   similarity and containment;
//! - each overlap side by side: the first passage with its deletions highlighted, the
//!   second with its insertions;
//! - each contradiction (and style finding) quoting every source it names, with the
//!   source line when it is at hand and the located text marked;
//! - input problems.
//!
//! Every piece of article text, path and message is escaped: an article that holds
//! `<script>` or `"><img src=x onerror=…>` shows those characters as text.

use std::io::{self, Write};

use factdiff_findings::{
    Category, DiffChunk, DiffMarks, DiffSides, DiffTag, Finding, Location, Role, print_diff,
};

use crate::markdown::html as esc;
use crate::{RenderContext, Renderer, Report, Sources, diff_of, kind_of, position};

const STYLE: &str = r#"
:root { --err: #b42318; --warn: #b54708; --info: #175cd3; --del: #fdd; --ins: #dfd; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
  max-width: 76rem; padding: 1rem 2rem 3rem; color: #1d2939; background: #fff; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #d0d5dd; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eaecf0; }
code, .where { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 90%; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 80%; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-info { color: var(--info); }
.finding { border: 1px solid #d0d5dd; border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; }
.finding h3 { font-size: 100%; margin: .3rem 0 .6rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.side { margin: 0; background: #f9fafb; border-radius: 4px; padding: .5rem .8rem; }
.side figcaption { color: #475467; }
.side blockquote { margin: .3rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: var(--del); text-decoration: line-through; }
ins { background: var(--ins); text-decoration: none; }
mark { background: #fef0c7; }
.muted { color: #667085; }
"#;

/// The HTML page (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

impl Renderer for Html {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, cx.sources, out)
    }
}

/// Writes the page.
pub(crate) fn render(
    report: &Report<'_>,
    sources: &dyn Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut page = String::with_capacity(16 * 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>factdiff report</title>\n<style>");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n");
    page.push_str("<header id=\"factdiff-report\">\n<h1>factdiff report</h1>\n");
    page.push_str(&format!(
        "<p class=\"summary\">{}</p>\n</header>\n",
        esc(&crate::text::summary_line(report))
    ));

    let numbered: Vec<(usize, &Finding)> = report.findings.iter().enumerate().collect();
    findings_table(&numbered, &mut page);

    let clusters: Vec<_> = numbered
        .iter()
        .filter(|(_, f)| kind_of(f) == Some("cluster"))
        .collect();
    if !clusters.is_empty() {
        page.push_str("<section id=\"clusters\">\n<h2>Duplicate coverage</h2>\n");
        for (idx, finding) in clusters {
            cluster(*idx, finding, &mut page);
        }
        page.push_str("</section>\n");
    }

    let overlaps: Vec<_> = numbered
        .iter()
        .filter(|(_, f)| f.category == Category::Overlap && kind_of(f) != Some("cluster"))
        .collect();
    if !overlaps.is_empty() {
        page.push_str("<section id=\"overlaps\">\n<h2>Overlaps</h2>\n");
        for (idx, finding) in overlaps {
            overlap(*idx, finding, &mut page);
        }
        page.push_str("</section>\n");
    }

    for (category, id, heading) in [
        (Category::Contradiction, "contradictions", "Contradictions"),
        (Category::Style, "style", "Style"),
    ] {
        let these: Vec<_> = numbered
            .iter()
            .filter(|(_, f)| f.category == category)
            .collect();
        if these.is_empty() {
            continue;
        }
        page.push_str(&format!("<section id=\"{id}\">\n<h2>{heading}</h2>\n"));
        for (idx, finding) in these {
            quoted(*idx, finding, sources, &mut page);
        }
        page.push_str("</section>\n");
    }

    if !report.problems.is_empty() {
        page.push_str("<section id=\"problems\">\n<h2>Input problems</h2>\n<ul>\n");
        for problem in report.problems {
            page.push_str(&format!("<li>{}</li>\n", esc(&problem.to_string())));
        }
        page.push_str("</ul>\n</section>\n");
    }
    page.push_str(&format!(
        "<footer class=\"muted\"><p>factdiff {}</p></footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.write_all(page.as_bytes())
}

fn anchor(idx: usize) -> String {
    format!("f-{}", idx + 1)
}

fn heading(finding: &Finding, page: &mut String) {
    page.push_str(&format!(
        "<h3><span class=\"sev sev-{sev}\">{sev}</span> <code>{rule}</code> {msg}</h3>\n",
        sev = finding.severity,
        rule = esc(&finding.rule),
        msg = esc(&finding.message),
    ));
}

fn findings_table(numbered: &[(usize, &Finding)], page: &mut String) {
    page.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if numbered.is_empty() {
        page.push_str("<p class=\"muted\">No findings.</p>\n</section>\n");
        return;
    }
    page.push_str(
        "<table>\n<thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr></thead>\n<tbody>\n",
    );
    for (idx, finding) in numbered {
        let place = finding
            .primary()
            .map(|loc| esc(&position(loc)))
            .unwrap_or_default();
        page.push_str(&format!(
            "<tr><td class=\"sev sev-{sev}\">{sev}</td><td><code>{rule}</code></td><td class=\"where\"><a href=\"#{anchor}\">{place}</a></td><td>{msg}</td></tr>\n",
            sev = finding.severity,
            rule = esc(&finding.rule),
            anchor = anchor(*idx),
            msg = esc(&finding.message),
        ));
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

fn cluster(idx: usize, finding: &Finding, page: &mut String) {
    page.push_str(&format!(
        "<article class=\"finding cluster\" id=\"{}\">\n",
        anchor(idx)
    ));
    heading(finding, page);
    let members = finding
        .details
        .get("members")
        .and_then(|m| m.as_array())
        .cloned()
        .unwrap_or_default();
    if members.is_empty() {
        page.push_str("<ul>\n");
        for loc in &finding.locations {
            page.push_str(&format!(
                "<li class=\"where\">{}</li>\n",
                esc(&position(loc))
            ));
        }
        page.push_str("</ul>\n");
    } else {
        page.push_str("<table>\n<thead><tr><th>article</th><th>title</th><th>date</th><th>words</th><th>similarity</th><th>containment</th></tr></thead>\n<tbody>\n");
        for member in &members {
            let field = |key: &str| match member.get(key) {
                Some(serde_json::Value::String(s)) => esc(s),
                Some(serde_json::Value::Null) | None => String::new(),
                Some(other) => esc(&other.to_string()),
            };
            page.push_str(&format!(
                "<tr><td class=\"where\">{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                field("path"),
                field("line"),
                field("title"),
                field("date"),
                field("words"),
                field("similarity"),
                field("containment"),
            ));
        }
        page.push_str("</tbody>\n</table>\n");
    }
    if let Some(chunks) = diff_of(finding).filter(|c| !c.is_empty()) {
        let what = if finding.locations.len() == 2 {
            "the two articles side by side"
        } else {
            "the first two articles side by side"
        };
        page.push_str(&format!("<details><summary>{what}</summary>\n"));
        side_by_side(finding, &chunks, page);
        page.push_str("</details>\n");
    }
    page.push_str("</article>\n");
}

fn overlap(idx: usize, finding: &Finding, page: &mut String) {
    page.push_str(&format!(
        "<article class=\"finding overlap\" id=\"{}\">\n",
        anchor(idx)
    ));
    heading(finding, page);
    match diff_of(finding).filter(|c| !c.is_empty()) {
        Some(chunks) => side_by_side(finding, &chunks, page),
        None => {
            // Boilerplate and exact repeats without a diff: the passage, then its places.
            page.push_str("<div class=\"sides\">\n");
            if let Some(loc) = finding.primary() {
                side(role_caption(loc), loc, &esc(&loc.text), page);
            }
            let others: Vec<String> = finding
                .related()
                .map(|loc| format!("<li class=\"where\">{}</li>", esc(&position(loc))))
                .collect();
            if !others.is_empty() {
                page.push_str(&format!(
                    "<figure class=\"side\"><figcaption>also at</figcaption><ul>{}</ul></figure>\n",
                    others.concat()
                ));
            }
            page.push_str("</div>\n");
        }
    }
    page.push_str("</article>\n");
}

/// The first text with its deletions ("this article"), and the second with its
/// insertions ("the other article"), each captioned with its side and place.
fn side_by_side(finding: &Finding, chunks: &[DiffChunk], page: &mut String) {
    let only = |skip: DiffTag| -> Vec<DiffChunk> {
        chunks.iter().filter(|c| c.tag != skip).cloned().collect()
    };
    let left = print_diff(&only(DiffTag::Insert), DiffMarks::HTML, &|t| esc(t));
    let right = print_diff(&only(DiffTag::Delete), DiffMarks::HTML, &|t| esc(t));
    let sides = DiffSides::of(&finding.locations);
    page.push_str(&format!(
        "<p class=\"muted\">{}</p>\n",
        sides.legend_marked(DiffMarks::HTML)
    ));
    page.push_str("<div class=\"sides\">\n");
    let mut locs = finding.locations.iter();
    for (side_name, body) in [(sides.this, &left), (sides.other, &right)] {
        match locs.next() {
            Some(loc) => side(&format!("{side_name}: "), loc, body, page),
            None => page.push_str(&format!(
                "<figure class=\"side\"><figcaption>{side_name}</figcaption><blockquote>{body}</blockquote></figure>\n"
            )),
        }
    }
    page.push_str("</div>\n");
}

/// The caption of a place quoted outside a diff: `related ` for the others.
fn role_caption(loc: &Location) -> &'static str {
    match loc.role {
        Role::Primary => "",
        Role::Related => "related ",
    }
}

/// A quoted place: `caption` (plain text, ending in a space if not empty), then where.
fn side(caption: &str, loc: &Location, body_html: &str, page: &mut String) {
    page.push_str(&format!(
        "<figure class=\"side\"><figcaption>{caption}<span class=\"where\">{}</span></figcaption><blockquote>{body_html}</blockquote></figure>\n",
        esc(&position(loc))
    ));
}

/// A contradiction or style finding: every location, quoted from its source.
fn quoted(idx: usize, finding: &Finding, sources: &dyn Sources, page: &mut String) {
    page.push_str(&format!(
        "<article class=\"finding {}\" id=\"{}\">\n",
        finding.category.as_str(),
        anchor(idx)
    ));
    heading(finding, page);
    page.push_str("<div class=\"sides\">\n");
    for loc in &finding.locations {
        let body = match sources.quote(loc) {
            Some(quote)
                if quote.range.end <= quote.text.len()
                    && quote.text.is_char_boundary(quote.range.start)
                    && quote.text.is_char_boundary(quote.range.end) =>
            {
                format!(
                    "{}<mark>{}</mark>{}",
                    esc(&quote.text[..quote.range.start]),
                    esc(&quote.text[quote.range.clone()]),
                    esc(&quote.text[quote.range.end..])
                )
            }
            _ => format!("<mark>{}</mark>", esc(&loc.text)),
        };
        side(role_caption(loc), loc, &body, page);
    }
    page.push_str("</div>\n</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn every_finding_kind() {
        let page =
            testdata::render_report(|report, out| render(report, &testdata::SomeSources, out));
        insta::assert_snapshot!(page);
        assert!(
            !page.contains("<script"),
            "no script, not even the article's"
        );
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
