//! The story view of `factdiff stories`: each story with its articles and the facts
//! they give, disagreements marked and linked to their findings.
//!
//! JSON (`--format json`), version 1:
//!
//! ```json
//! { "version": 1,
//!   "tool": { "name": "factdiff", "version": "0.1.0" },
//!   "summary": { "articles": 6, "stories": 2, "disagreements": 1 },
//!   "stories": [
//!     { "id": "…", "title": "Earthquake kills 112 in Herat",
//!       "articles": [
//!         { "path": "quake-a.md", "title": "…", "source": "Reuters",
//!           "date": "2025-10-07", "relation": "original" },
//!         { "path": "quake-c.md", "relation": "copy", "of": 0 } ],
//!       "facts": [
//!         { "thing": "deaths (people)", "disagree": true,
//!           "findings": ["…fingerprint…"],
//!           "values": [ { "article": 0, "value": "112", "location": { … } },
//!                       { "article": 1, "value": "at least 140", "location": { … } } ] } ] } ] }
//! ```
//!
//! A story's `articles` come the likely original first, then by date and path;
//! `relation` is `original`, `copy`, `rewrite` or `independent`, and `of` (a copy's or
//! rewrite's) is the index in `articles` of the article it repeats. A fact's `values`
//! give, for each article (an index into `articles`) that gives one, the value in
//! plain words and its location (the fields of a finding's location); `disagree`
//! says whether two of them cannot both be true, as a finding of `factdiff check`
//! reports it (since 2026-12-05 only then: the table's own looser comparison marked
//! rows no rule reports, mostly wrongly), and `findings` the fingerprints of those
//! findings. Every contradiction between a story's articles is in its facts: one no
//! aligned row reports is a row of its own (a name spelled two ways: `"thing":
//! "name: Thapa / Thappa"`). Fields may be added; the version
//! changes only if one changes meaning or goes away.
//!
//! Text and Markdown show the same; HTML is one self-contained page (the check
//! report's style and Content-Security-Policy, no script), and [`story_section`] is
//! the story view the check report's HTML page embeds.

use std::collections::BTreeMap;
use std::io::{self, Write};

use factdiff_findings::{Finding, Pairs, Relation, Story, StoryArticle};
use serde::Serialize;

use crate::html_pairs::{PairView, pairs_section};
use crate::json::{Tool, VERSION, write_json};
use crate::markdown::html as esc;
use crate::text::plural;
use crate::{PairTexts, Sources, position};

/// What `factdiff stories` shows.
#[derive(Clone, Copy, Debug)]
pub struct StoriesReport<'a> {
    /// Articles read.
    pub articles: usize,
    /// The stories, in their order.
    pub stories: &'a [Story],
    /// The findings the facts link to (by fingerprint), to name them.
    pub findings: &'a [Finding],
    /// The duplicate pairs: the HTML page shows each story's copies and rewrites
    /// side by side with the article they repeat.
    pub pairs: &'a Pairs,
    /// Which pairs the HTML page shows whole.
    pub pair_texts: &'a PairTexts,
}

impl StoriesReport<'_> {
    fn disagreements(&self) -> usize {
        self.stories
            .iter()
            .flat_map(|s| &s.facts)
            .filter(|f| f.disagree)
            .count()
    }

    /// The findings by fingerprint.
    fn by_fingerprint(&self) -> BTreeMap<&str, (usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .map(|(idx, f)| (f.fingerprint.as_str(), (idx, f)))
            .collect()
    }
}

/// The summary line: `2 stories of 6 articles, 1 disagreement`.
pub fn stories_summary(report: &StoriesReport<'_>) -> String {
    let in_stories: usize = report.stories.iter().map(|s| s.articles.len()).sum();
    format!(
        "{} ({} of {}), {}",
        plural(report.stories.len(), "story", "stories"),
        plural(in_stories, "article", "articles"),
        report.articles,
        plural(report.disagreements(), "disagreement", "disagreements"),
    )
}

#[derive(Serialize)]
struct Summary {
    articles: usize,
    stories: usize,
    disagreements: usize,
}

#[derive(Serialize)]
struct Wire<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    stories: &'a [Story],
}

/// Writes the JSON listing (see the module doc).
pub fn render_stories_json(report: &StoriesReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    write_json(
        &Wire {
            version: VERSION,
            tool: Tool::factdiff(),
            summary: Summary {
                articles: report.articles,
                stories: report.stories.len(),
                disagreements: report.disagreements(),
            },
            stories: report.stories,
        },
        out,
    )
}

/// The article as a place: its path, and its record's name in an archive.
fn article_name(a: &StoryArticle) -> String {
    match &a.article {
        Some(name) => format!("{} ({name})", a.path),
        None => a.path.clone(),
    }
}

/// How an article stands, in words: `original`, `copy of a.md`, `independent`.
fn relation_words(story: &Story, a: &StoryArticle) -> String {
    match (a.relation, a.of.and_then(|i| story.articles.get(i))) {
        (Relation::Copy | Relation::Rewrite, Some(other)) => {
            format!("{} of {}", a.relation.as_str(), article_name(other))
        }
        (relation, _) => relation.as_str().to_owned(),
    }
}

/// The likely original's name, if the story has one.
fn original(story: &Story) -> Option<&StoryArticle> {
    story
        .articles
        .iter()
        .find(|a| a.relation == Relation::Original)
}

/// `rule: message` of each linked finding that the report holds, else its fingerprint.
fn linked(fact: &factdiff_findings::Fact, by: &BTreeMap<&str, (usize, &Finding)>) -> Vec<String> {
    fact.findings
        .iter()
        .map(|fp| match by.get(fp.as_str()) {
            Some((_, f)) => format!("{}: {}", f.rule, one_line(&f.message)),
            None => fp.clone(),
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the stories as text.
pub fn render_stories_text(report: &StoriesReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    let by = report.by_fingerprint();
    for story in report.stories {
        writeln!(
            out,
            "story {}: {} ({})",
            story.id,
            one_line(&story.title),
            plural(story.articles.len(), "article", "articles")
        )?;
        if let Some(o) = original(story) {
            writeln!(out, "  likely original: {}", article_name(o))?;
        }
        for a in &story.articles {
            let mut line = format!("  - {}", article_name(a));
            for part in [&a.date, &a.source].into_iter().flatten() {
                line.push_str(&format!("  {}", one_line(part)));
            }
            if let Some(title) = &a.title {
                line.push_str(&format!("  \"{}\"", one_line(title)));
            }
            line.push_str(&format!("  [{}]", relation_words(story, a)));
            writeln!(out, "{line}")?;
        }
        if story.facts.is_empty() {
            writeln!(out, "  no fact given by two of its articles")?;
        } else {
            writeln!(out, "  facts:")?;
        }
        for fact in &story.facts {
            let mark = if fact.disagree { "DISAGREE " } else { "" };
            writeln!(out, "    {mark}{}", one_line(&fact.thing))?;
            for v in &fact.values {
                writeln!(
                    out,
                    "      {}  {}",
                    position(&v.location),
                    one_line(&v.value),
                )?;
            }
            for f in linked(fact, &by) {
                writeln!(out, "      finding {f}")?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", stories_summary(report))
}

/// A Markdown table cell (or heading): `&`, `<`, `>` ([`crate::markdown::text`]),
/// pipes and line breaks escaped.
fn cell(s: &str) -> String {
    crate::markdown::text(&one_line(s)).replace('|', "\\|")
}

/// Writes the stories as GitHub-flavoured Markdown.
pub fn render_stories_markdown(report: &StoriesReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    let by = report.by_fingerprint();
    writeln!(out, "## factdiff stories\n")?;
    writeln!(out, "{}\n", stories_summary(report))?;
    for story in report.stories {
        writeln!(out, "### {}\n", cell(&story.title))?;
        writeln!(out, "Story `{}`.", story.id)?;
        if let Some(o) = original(story) {
            writeln!(out, "Likely original: `{}`.", article_name(o))?;
        }
        writeln!(
            out,
            "\n| article | title | source | date | relation |\n|---|---|---|---|---|"
        )?;
        for a in &story.articles {
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                article_name(a),
                cell(a.title.as_deref().unwrap_or("")),
                cell(a.source.as_deref().unwrap_or("")),
                cell(a.date.as_deref().unwrap_or("")),
                cell(&relation_words(story, a)),
            )?;
        }
        if !story.facts.is_empty() {
            writeln!(out, "\n| fact | value | where |\n|---|---|---|")?;
            for fact in &story.facts {
                let thing = if fact.disagree {
                    format!("**{}** (disagree)", cell(&fact.thing))
                } else {
                    cell(&fact.thing)
                };
                for (n, v) in fact.values.iter().enumerate() {
                    writeln!(
                        out,
                        "| {} | {} | `{}` |",
                        if n == 0 { thing.as_str() } else { "" },
                        cell(&v.value),
                        position(&v.location).replace('`', "'"),
                    )?;
                }
            }
            let links: Vec<String> = story.facts.iter().flat_map(|f| linked(f, &by)).collect();
            if !links.is_empty() {
                writeln!(out, "\nFindings:\n")?;
                for l in links {
                    writeln!(out, "- {}", cell(&l))?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The story view's style, in the head of both pages.
pub(crate) const STORY_STYLE: &str = r#"
.story { border: 1px solid #d0d5dd; border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; }
.story h3 { margin: .3rem 0 .4rem; }
.rel { font-size: 80%; font-weight: 600; text-transform: uppercase; padding: 0 .3rem; border-radius: 3px; background: #eaecf0; }
.rel-original { background: #d1fadf; } .rel-copy { background: #fee4e2; } .rel-rewrite { background: #fef0c7; }
tr.disagree > td { background: #fef3f2; }
tr.disagree td.thing { color: var(--err); font-weight: 600; }
td.thing { width: 22%; }
table.facts { margin-top: 1rem; }
table.facts td.where, table.story-articles td.where { white-space: nowrap; }
"#;

/// The story view: a section with each story, its articles and its fact table.
/// `anchors` gives, for a finding's fingerprint, the page anchor of the finding (the
/// check report links disagreements to the findings on the same page).
pub(crate) fn story_section(
    stories: &[Story],
    findings: &[Finding],
    anchors: Option<&dyn Fn(usize) -> String>,
    page: &mut String,
) {
    let by: BTreeMap<&str, (usize, &Finding)> = findings
        .iter()
        .enumerate()
        .map(|(idx, f)| (f.fingerprint.as_str(), (idx, f)))
        .collect();
    page.push_str("<section id=\"stories\">\n<h2>Stories</h2>\n");
    if stories.is_empty() {
        page.push_str("<p class=\"muted\">No story: no two articles report one event.</p>\n");
    }
    for story in stories {
        page.push_str(&format!(
            "<article class=\"story\" id=\"{id}\">\n<h3>{title} <span class=\"count\">{n}</span></h3>\n",
            id = esc(&story.id),
            title = esc(&story.title),
            n = plural(story.articles.len(), "article", "articles"),
        ));
        if let Some(o) = original(story) {
            page.push_str(&format!(
                "<p>Likely original: <span class=\"where\">{}</span></p>\n",
                esc(&article_name(o))
            ));
        }
        page.push_str("<table class=\"story-articles\">\n<thead><tr><th>#</th><th>article</th><th>title</th><th>source</th><th>date</th><th>relation</th></tr></thead>\n<tbody>\n");
        for (n, a) in story.articles.iter().enumerate() {
            page.push_str(&format!(
                "<tr><td class=\"num\">{}</td><td class=\"where\">{}</td><td>{}</td><td>{}</td><td>{}</td><td><span class=\"rel rel-{}\">{}</span>{}</td></tr>\n",
                n + 1,
                esc(&article_name(a)),
                esc(a.title.as_deref().unwrap_or("")),
                esc(a.source.as_deref().unwrap_or("")),
                esc(a.date.as_deref().unwrap_or("")),
                a.relation.as_str(),
                a.relation.as_str(),
                match a.of {
                    Some(i) => format!(" of #{}", i + 1),
                    None => String::new(),
                },
            ));
        }
        page.push_str("</tbody>\n</table>\n");
        if story.facts.is_empty() {
            page.push_str("<p class=\"muted\">No fact given by two of its articles.</p>\n");
        } else {
            page.push_str("<table class=\"facts\">\n<thead><tr><th>fact</th><th>#</th><th>value</th><th>where</th><th>findings</th></tr></thead>\n<tbody>\n");
            for fact in &story.facts {
                let rows = fact.values.len().max(1);
                let class = if fact.disagree {
                    " class=\"disagree\""
                } else {
                    ""
                };
                let mark = if fact.disagree {
                    " <span class=\"sev sev-error\">disagree</span>"
                } else {
                    ""
                };
                // On the check page, a link to each finding (its message as the
                // link's title); on a page of its own, the messages folded under
                // their count, so that a quote reported fourteen times stays one row.
                let links: Vec<String> = fact
                    .findings
                    .iter()
                    .map(|fp| match (by.get(fp.as_str()), anchors) {
                        (Some((idx, f)), Some(anchor)) => format!(
                            "<a href=\"#{}\" title=\"{}\"><code>{}</code></a>",
                            anchor(*idx),
                            esc(&f.message),
                            esc(&f.rule)
                        ),
                        (Some((_, f)), None) => format!(
                            "<li><code>{}</code> {}</li>",
                            esc(&f.rule),
                            esc(&one_line(&f.message))
                        ),
                        (None, _) => format!("<li><code>{}</code></li>", esc(fp)),
                    })
                    .collect();
                let links = if anchors.is_some() || links.is_empty() {
                    links.join("<br>")
                } else {
                    format!(
                        "<details><summary>{}</summary><ul>{}</ul></details>",
                        plural(links.len(), "finding", "findings"),
                        links.concat()
                    )
                };
                for (n, v) in fact.values.iter().enumerate() {
                    page.push_str(&format!("<tr{class}>"));
                    if n == 0 {
                        page.push_str(&format!(
                            "<td class=\"thing\" rowspan=\"{rows}\">{}{mark}</td>",
                            esc(&fact.thing)
                        ));
                    }
                    page.push_str(&format!(
                        "<td class=\"num\">{}</td><td>{}</td><td class=\"where\">{}</td>",
                        v.article + 1,
                        esc(&v.value),
                        esc(&position(&v.location)),
                    ));
                    if n == 0 {
                        page.push_str(&format!("<td rowspan=\"{rows}\">{links}</td>"));
                    }
                    page.push_str("</tr>\n");
                }
            }
            page.push_str("</tbody>\n</table>\n");
        }
        page.push_str("</article>\n");
    }
    page.push_str("</section>\n");
}

/// Writes the stories as one self-contained HTML page: the story view, then each
/// story's copies and rewrites side by side with the article they repeat, their
/// texts from `sources`.
pub fn render_stories_html(
    report: &StoriesReport<'_>,
    sources: &dyn Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut page = String::with_capacity(16 * 1024);
    crate::html::head("factdiff stories", &mut page);
    page.push_str("<header id=\"factdiff-stories\">\n<h1>factdiff stories</h1>\n");
    page.push_str(&format!(
        "<p class=\"summary\">{}</p>\n</header>\n",
        esc(&stories_summary(report))
    ));
    story_section(report.stories, report.findings, None, &mut page);
    let pairs = PairView::of_stories(report.pairs, report.pair_texts);
    pairs_section(&pairs, report.stories, &[], None, sources, &mut page);
    page.push_str(&format!(
        "<footer class=\"muted\"><p>factdiff {}</p></footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.write_all(page.as_bytes())
}

#[cfg(test)]
pub(crate) mod tests {
    use factdiff_findings::{Category, Fact, FactValue, Severity};

    use super::*;
    use crate::testdata::loc;

    fn article(path: &str, relation: Relation, of: Option<usize>) -> StoryArticle {
        StoryArticle {
            path: path.into(),
            article: None,
            title: Some(format!("Title of <{path}>")),
            source: Some("Wire & Co".into()),
            date: Some("2025-10-07".into()),
            relation,
            of,
        }
    }

    pub(crate) fn sample() -> (Vec<Story>, Vec<Finding>) {
        let mut finding = Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "112 people here, but at least 140 people in b.md".to_owned(),
            vec![loc("b.md", 3, 1, "at least 140"), loc("a.md", 2, 5, "112")],
        );
        finding.fingerprint = "fp1".into();
        let story = Story {
            id: "story-1".into(),
            title: "Quake <kills> 112".into(),
            articles: vec![
                article("a.md", Relation::Original, None),
                article("b.md", Relation::Independent, None),
                article("c.md", Relation::Copy, Some(0)),
            ],
            facts: vec![
                Fact {
                    thing: "deaths (people)".into(),
                    values: vec![
                        FactValue {
                            article: 0,
                            value: "112".into(),
                            location: loc("a.md", 2, 5, "112"),
                        },
                        FactValue {
                            article: 1,
                            value: "at least 140".into(),
                            location: loc("b.md", 3, 1, "at least 140"),
                        },
                    ],
                    disagree: true,
                    findings: vec!["fp1".into()],
                },
                Fact {
                    thing: "quote by Jurat: “we are | doing”".into(),
                    values: vec![
                        FactValue {
                            article: 0,
                            value: "“we are | doing” (Jurat)".into(),
                            location: loc("a.md", 4, 1, "we are"),
                        },
                        FactValue {
                            article: 2,
                            value: "“we are | doing” (Jurat)".into(),
                            location: loc("c.md", 4, 1, "we are"),
                        },
                    ],
                    disagree: false,
                    findings: Vec::new(),
                },
            ],
        };
        (vec![story], vec![finding])
    }

    #[test]
    fn story_view_in_every_format() {
        let (stories, findings) = sample();
        let report = StoriesReport {
            articles: 4,
            stories: &stories,
            findings: &findings,
            pairs: &crate::NO_PAIRS,
            pair_texts: &PairTexts::default(),
        };
        let mut text = Vec::new();
        render_stories_text(&report, &mut text).unwrap();
        insta::assert_snapshot!("stories_text", String::from_utf8(text).unwrap());
        let mut md = Vec::new();
        render_stories_markdown(&report, &mut md).unwrap();
        insta::assert_snapshot!("stories_markdown", String::from_utf8(md).unwrap());
        let mut section = String::new();
        story_section(
            &stories,
            &findings,
            Some(&|i| format!("f-{}", i + 1)),
            &mut section,
        );
        insta::assert_snapshot!("stories_html_section", section);
        let mut json = Vec::new();
        render_stories_json(&report, &mut json).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(value["version"], 1);
        assert_eq!(value["summary"]["disagreements"], 1);
        let back: Vec<Story> = serde_json::from_value(value["stories"].clone()).unwrap();
        assert_eq!(back, stories);
    }
}
