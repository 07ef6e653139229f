//! One self-contained HTML page for editors.
//!
//! The page makes no request: its CSS and its one script are inline, it has no font
//! and no image, and a Content-Security-Policy of `default-src 'none'` says so to the
//! browser as well, allowing only that script, by its SHA-256 hash. It holds:
//!
//! - a summary line, and filters by rule, severity and text (shown by the script;
//!   without it the page shows everything);
//! - a table of the rules with their counts by severity and the number of articles;
//! - the stories (when the run grouped any): each story's articles with their title,
//!   source, date and relation (the likely original, copies, rewrites), and its fact
//!   table, each disagreement linked to the findings on the page that report it;
//! - the findings grouped by rule, then by article (the primary location's file, or
//!   its record in a JSONL file), each group a `<details>` with its count, open at
//!   first when it is small;
//! - in each group, each finding: a duplicate-coverage cluster with its member
//!   articles (title, date, words, similarity, containment); an overlap side by side,
//!   the first passage with its deletions highlighted, the second with its insertions;
//!   a contradiction (or style finding) quoting every source it names, with the
//!   source line when it is at hand and the located text marked;
//! - input problems.
//!
//! Every piece of article text, path and message is escaped: an article that holds
//! `<script>` or `"><img src=x onerror=…>` shows those characters as text.

use std::collections::BTreeMap;
use std::io::{self, Write};

use factdiff_findings::{
    Category, DiffChunk, DiffMarks, DiffSides, DiffTag, Finding, Location, OverlapKind, Role,
    Severity, print_diff,
};

use crate::html_pairs::{PairView, pairs_section};
use crate::markdown::html as esc;
use crate::text::plural;
use crate::{RenderContext, RenderOptions, Renderer, Report, Sources, diff_of, kind_of, position};

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
[hidden] { display: none !important; }
.filters { position: sticky; top: 0; z-index: 1; background: #fff; display: flex; flex-wrap: wrap;
  gap: .4rem 1.2rem; align-items: center; padding: .6rem 0; border-bottom: 1px solid #d0d5dd; }
.filters input { min-width: 16rem; }
th.num, td.num { text-align: right; }
details.group > summary { cursor: pointer; padding: .25rem 0; }
details.rule { margin: .6rem 0; }
details.rule > summary { font-size: 110%; font-weight: 600; }
details.article { margin-left: 1.5rem; }
details.article .finding { margin-top: .4rem; }
.count { color: #667085; font-weight: normal; }
"#;

/// The HTML page (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

impl Renderer for Html {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, cx.options, cx.sources, out)
    }
}

/// The page's one script: the filters (rule, severity, text). It reads and writes
/// nothing but the page (and the URL's fragment, so that a filtered view can be
/// linked: `report.html#rule=overlap&severity=warning&q=herat`). The
/// Content-Security-Policy allows it by its hash, [`SCRIPT_HASH`], and nothing else.
const SCRIPT: &str = r##"
(function () {
  "use strict";
  var nav = document.getElementById("filters");
  if (!nav) { return; }
  var rule = document.getElementById("filter-rule");
  var severity = document.getElementById("filter-severity");
  var text = document.getElementById("filter-text");
  var shown = document.getElementById("filter-shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("details.group"));
  var texts = null;
  nav.hidden = false;
  function fromHash() {
    var hash = window.location.hash.replace(/^#/, "");
    if (!/^(rule|severity|q)=/.test(hash)) { return; }
    var params = new URLSearchParams(hash);
    rule.value = params.get("rule") || "";
    if (rule.selectedIndex < 0) { rule.value = ""; }
    severity.value = params.get("severity") || "";
    if (severity.selectedIndex < 0) { severity.value = ""; }
    text.value = params.get("q") || "";
  }
  function toHash(r, s, q) {
    var params = new URLSearchParams();
    if (r) { params.set("rule", r); }
    if (s) { params.set("severity", s); }
    if (q) { params.set("q", q); }
    var hash = params.toString();
    if (!hash && !/^#(rule|severity|q)=/.test(window.location.hash)) { return; }
    try {
      history.replaceState(null, "", hash ? "#" + hash : window.location.pathname);
    } catch (e) { /* a file: URL may refuse; the filter still applies */ }
  }
  function apply(write) {
    var r = rule.value, s = severity.value, q = text.value.trim().toLowerCase();
    var active = Boolean(r || s || q);
    if (q && texts === null) {
      texts = findings.map(function (f) { return f.textContent.toLowerCase(); });
    }
    var n = 0;
    findings.forEach(function (f, i) {
      var ok = (!r || f.dataset.rule === r) && (!s || f.dataset.severity === s) &&
        (!q || texts[i].indexOf(q) >= 0);
      f.hidden = !ok;
      if (ok) { n += 1; }
    });
    groups.forEach(function (g) {
      var k = g.querySelectorAll("article.finding:not([hidden])").length;
      var count = g.querySelector(".count");
      g.hidden = k === 0;
      count.textContent = active ? k + " of " + count.dataset.text : count.dataset.text;
      g.open = active ? k > 0 : g.hasAttribute("data-open");
    });
    shown.textContent = active ? n + " of " + findings.length + " findings shown" : "";
    if (write) { toHash(r, s, q); }
  }
  groups.forEach(function (g) {
    var count = g.querySelector(".count");
    count.dataset.text = count.textContent;
  });
  [rule, severity].forEach(function (el) {
    el.addEventListener("change", function () { apply(true); });
  });
  text.addEventListener("input", function () { apply(true); });
  nav.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", function () { fromHash(); apply(false); });
  fromHash();
  if (rule.value || severity.value || text.value) { apply(false); }
})();
"##;

/// `sha256-` and the base64 of the SHA-256 of [`SCRIPT`], as the
/// Content-Security-Policy names it (a unit test checks it).
const SCRIPT_HASH: &str = "sha256-5QZU812cxY7Jlkch5xraRmOlowe6OIwU5H792kgX+8I=";

/// A group (a rule, an article in it) is open at first when it holds at most this
/// many findings; a click or a filter opens the others.
const OPEN_UP_TO: usize = 25;

/// An article: a file, and the record's line in a JSONL file.
type ArticleKey<'a> = (&'a str, Option<u32>);

/// rule -> article -> the indices of its findings, in the findings' order.
type ByRule<'a> = BTreeMap<&'a str, BTreeMap<ArticleKey<'a>, Vec<usize>>>;

/// The page's head, up to and with `<body>`: the Content-Security-Policy (nothing
/// but the inline style and the one script, by its hash), the style, the title.
pub(crate) fn head(title: &str, page: &mut String) {
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'\">\n"
    ));
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!("<title>{}</title>\n<style>", esc(title)));
    page.push_str(STYLE);
    page.push_str(crate::stories::STORY_STYLE);
    page.push_str(crate::html_pairs::PAIR_STYLE);
    page.push_str("</style>\n</head>\n<body>\n");
}

/// Writes the page.
pub(crate) fn render(
    report: &Report<'_>,
    options: &RenderOptions,
    sources: &dyn Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut page = String::with_capacity(16 * 1024);
    head("factdiff report", &mut page);
    page.push_str("<header id=\"factdiff-report\">\n<h1>factdiff report</h1>\n");
    page.push_str(&format!(
        "<p class=\"summary\">{}</p>\n</header>\n",
        esc(&crate::text::summary_line(report))
    ));

    // rule -> article -> the findings' indices, in the findings' order.
    let mut by_rule: ByRule<'_> = BTreeMap::new();
    for (idx, finding) in report.findings.iter().enumerate() {
        by_rule
            .entry(finding.rule.as_str())
            .or_default()
            .entry(article_of(finding))
            .or_default()
            .push(idx);
    }
    filters(report.findings, &by_rule, &mut page);
    rules_table(report.findings, &by_rule, &mut page);
    if !report.stories.is_empty() {
        crate::stories::story_section(report.stories, report.findings, Some(&anchor), &mut page);
    }
    // The duplicate pairs the overlap findings report, side by side.
    let pairs = PairView::reported(report.pairs, report.findings, &options.pair_texts);
    pairs_section(
        &pairs,
        report.stories,
        report.findings,
        Some(&anchor),
        sources,
        &mut page,
    );

    page.push_str("<section id=\"findings\">\n<h2>Findings by rule and article</h2>\n");
    if report.findings.is_empty() {
        page.push_str("<p class=\"muted\">No findings.</p>\n");
    }
    for (rule, articles) in &by_rule {
        let n: usize = articles.values().map(Vec::len).sum();
        page.push_str(&format!(
            "<details class=\"group rule\" id=\"rule-{id}\" data-total=\"{n}\"{open}>\n<summary><code>{id}</code> <span class=\"count\">{count}</span> in {articles}</summary>\n",
            id = esc(rule),
            open = open_attrs(n),
            count = plural(n, "finding", "findings"),
            articles = plural(articles.len(), "article", "articles"),
        ));
        for ((path, record), indices) in articles {
            let place = match record {
                Some(line) => format!("{path}:{line}"),
                None => (*path).to_owned(),
            };
            page.push_str(&format!(
                "<details class=\"group article\" data-total=\"{total}\"{open}>\n<summary><span class=\"where\">{place}</span> <span class=\"count\">{count}</span></summary>\n",
                total = indices.len(),
                open = open_attrs(indices.len()),
                place = esc(&place),
                count = plural(indices.len(), "finding", "findings"),
            ));
            for &idx in indices {
                let finding = &report.findings[idx];
                if kind_of(finding) == Some(OverlapKind::Cluster) {
                    cluster(idx, finding, &pairs, &mut page);
                } else if finding.category == Category::Overlap {
                    overlap(idx, finding, &mut page);
                } else {
                    quoted(idx, finding, sources, &mut page);
                }
            }
            page.push_str("</details>\n");
        }
        page.push_str("</details>\n");
    }
    page.push_str("</section>\n");

    if !report.problems.is_empty() {
        page.push_str("<section id=\"problems\">\n<h2>Input problems</h2>\n<ul>\n");
        for problem in report.problems {
            page.push_str(&format!("<li>{}</li>\n", esc(&problem.to_string())));
        }
        page.push_str("</ul>\n</section>\n");
    }
    page.push_str(&format!(
        "<footer class=\"muted\"><p>factdiff {}</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.write_all(page.as_bytes())
}

/// The article a finding is about: its primary location's file, and the record's
/// line for a JSONL record (one file holds many articles).
fn article_of(finding: &Finding) -> ArticleKey<'_> {
    match finding.primary() {
        Some(loc) => (loc.path.as_str(), loc.field.as_ref().map(|_| loc.line)),
        None => ("(no location)", None),
    }
}

fn open_attrs(n: usize) -> &'static str {
    if n <= OPEN_UP_TO {
        " open data-open"
    } else {
        ""
    }
}

/// The filter bar: hidden until the script shows it (without the script the page
/// shows every finding, as it is).
fn filters(findings: &[Finding], by_rule: &ByRule<'_>, page: &mut String) {
    if findings.is_empty() {
        return;
    }
    page.push_str("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>\n");
    page.push_str("<label>rule <select id=\"filter-rule\"><option value=\"\">every rule</option>");
    for (rule, articles) in by_rule {
        let n: usize = articles.values().map(Vec::len).sum();
        page.push_str(&format!(
            "<option value=\"{id}\">{id} ({n})</option>",
            id = esc(rule)
        ));
    }
    page.push_str("</select></label>\n");
    page.push_str(
        "<label>severity <select id=\"filter-severity\"><option value=\"\">any severity</option>",
    );
    let (errors, warnings, infos) = crate::severity_counts(findings);
    for (sev, n) in [("error", errors), ("warning", warnings), ("info", infos)] {
        if n > 0 {
            page.push_str(&format!("<option value=\"{sev}\">{sev} ({n})</option>"));
        }
    }
    page.push_str("</select></label>\n");
    page.push_str("<label>text <input id=\"filter-text\" type=\"search\" placeholder=\"path, message or quoted text\" autocomplete=\"off\"></label>\n");
    page.push_str("<output id=\"filter-shown\" aria-live=\"polite\"></output>\n</form>\n");
}

/// One row per rule: its counts by severity and the articles it names.
fn rules_table(findings: &[Finding], by_rule: &ByRule<'_>, page: &mut String) {
    if by_rule.is_empty() {
        return;
    }
    page.push_str("<section id=\"rules\">\n<h2>Rules</h2>\n<table>\n<thead><tr><th>rule</th><th>category</th><th class=\"num\">errors</th><th class=\"num\">warnings</th><th class=\"num\">info</th><th class=\"num\">findings</th><th class=\"num\">articles</th></tr></thead>\n<tbody>\n");
    for (rule, articles) in by_rule {
        let mut counts = [0usize; 3];
        let mut category = None;
        for &idx in articles.values().flatten() {
            let finding = &findings[idx];
            category.get_or_insert(finding.category);
            counts[match finding.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
        let cell = |n: usize| {
            if n == 0 {
                "<td class=\"num muted\">0</td>".to_owned()
            } else {
                format!("<td class=\"num\">{n}</td>")
            }
        };
        page.push_str(&format!(
            "<tr><td><a href=\"#rule-{id}\"><code>{id}</code></a></td><td>{category}</td>{}{}{}<td class=\"num\">{total}</td><td class=\"num\">{articles}</td></tr>\n",
            cell(counts[0]),
            cell(counts[1]),
            cell(counts[2]),
            id = esc(rule),
            category = category.map(Category::as_str).unwrap_or_default(),
            total = counts.iter().sum::<usize>(),
            articles = articles.len(),
        ));
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

fn anchor(idx: usize) -> String {
    format!("f-{}", idx + 1)
}

/// `<article class="finding CLASS" id="f-N" data-rule=".." data-severity="..">`: the
/// filters read the data attributes.
fn open_article(idx: usize, finding: &Finding, class: &str, page: &mut String) {
    page.push_str(&format!(
        "<article class=\"finding {class}\" id=\"{}\" data-rule=\"{}\" data-severity=\"{}\">\n",
        anchor(idx),
        esc(&finding.rule),
        finding.severity,
    ));
}

fn heading(finding: &Finding, page: &mut String) {
    page.push_str(&format!(
        "<h3><span class=\"sev sev-{sev}\">{sev}</span> <code>{rule}</code> {msg}</h3>\n",
        sev = finding.severity,
        rule = esc(&finding.rule),
        msg = esc(&finding.message),
    ));
}

fn cluster(idx: usize, finding: &Finding, pairs: &PairView<'_>, page: &mut String) {
    open_article(idx, finding, "cluster", page);
    heading(finding, page);
    let links: Vec<String> = pairs
        .of_finding(idx)
        .iter()
        .map(|id| {
            let name = id.trim_end_matches("-row").replace('-', " ");
            format!("<a href=\"#{id}\">{name}</a>")
        })
        .collect();
    if !links.is_empty() {
        page.push_str(&format!(
            "<p>Side by side, whole: {}.</p>\n",
            links.join(", ")
        ));
    }
    let members = finding
        .details
        .overlap()
        .and_then(|o| o.members.as_deref())
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
        // A share as JSON writes it (`1.0`, `0.875`), as the report's details say it.
        let share = |x: Option<f64>| x.map(json_number).unwrap_or_default();
        for member in members {
            page.push_str(&format!(
                "<tr><td class=\"where\">{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&member.path),
                member.line,
                esc(&member.title),
                esc(member.date.as_deref().unwrap_or_default()),
                member.words,
                share(member.similarity),
                share(member.containment),
            ));
        }
        page.push_str("</tbody>\n</table>\n");
    }
    if let Some(chunks) = diff_of(finding) {
        let what = if finding.locations.len() == 2 {
            "the two articles side by side"
        } else {
            "the first two articles side by side"
        };
        page.push_str(&format!("<details><summary>{what}</summary>\n"));
        side_by_side(finding, chunks, page);
        page.push_str("</details>\n");
    }
    page.push_str("</article>\n");
}

fn overlap(idx: usize, finding: &Finding, page: &mut String) {
    open_article(idx, finding, "overlap", page);
    heading(finding, page);
    match diff_of(finding) {
        Some(chunks) => side_by_side(finding, chunks, page),
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
/// A number as JSON writes it (`1.0`, `0.875`): the cluster table shows the shares as
/// the report's details give them.
fn json_number(x: f64) -> String {
    serde_json::to_string(&x).unwrap_or_default()
}

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
    open_article(idx, finding, finding.category.as_str(), page);
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
        let page = testdata::render_report(|report, out| {
            render(
                report,
                &RenderOptions::default(),
                &testdata::SomeSources,
                out,
            )
        });
        insta::assert_snapshot!(page);
        assert_eq!(
            page.matches("<script").count(),
            1,
            "one script, ours; none of the article's"
        );
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(page.contains(&format!(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'\""
        )));
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!page.contains("http://") && !page.contains("https://"));
        // Grouped by rule, then by article, with counts.
        assert!(page.contains("<details class=\"group rule\" id=\"rule-overlap\""));
        assert!(page.contains("<details class=\"group article\""));
        assert!(page.contains("<form id=\"filters\""));
    }

    /// The Content-Security-Policy allows the script by its hash: a script edited
    /// without its hash would not run.
    #[test]
    fn the_script_hash_is_the_scripts() {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        let hash = format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        assert_eq!(SCRIPT_HASH, hash);
    }

    #[test]
    fn groups_by_rule_then_article_with_counts() {
        let findings = testdata::findings();
        let report = Report {
            articles: 3,
            claims: 10,
            findings: &findings,
            problems: &[],
            stories: &[],
            pairs: &crate::NO_PAIRS,
        };
        let mut out = Vec::new();
        render(
            &report,
            &RenderOptions::default(),
            &testdata::SomeSources,
            &mut out,
        )
        .unwrap();
        let page = String::from_utf8(out).unwrap();
        let mut rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        rules.sort();
        rules.dedup();
        let mut at = 0;
        for rule in &rules {
            let n = findings.iter().filter(|f| f.rule == *rule).count();
            let group = format!("id=\"rule-{rule}\" data-total=\"{n}\"");
            let here = page[at..]
                .find(&group)
                .unwrap_or_else(|| panic!("{group} in order"));
            at += here;
            assert!(page[at..].contains(&format!(
                "<code>{rule}</code> <span class=\"count\">{}",
                plural(n, "finding", "findings")
            )));
        }
        // Every finding once, inside its rule's group.
        assert_eq!(
            page.matches("<article class=\"finding ").count(),
            findings.len()
        );
        assert_eq!(
            page.matches("<details class=\"group rule\"").count(),
            rules.len()
        );
    }
}
