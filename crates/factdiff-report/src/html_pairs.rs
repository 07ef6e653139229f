//! The duplicates side by side, in the HTML pages (issue 12): for each duplicate pair
//! (a cluster's member against its likely original, a story's copy or rewrite against
//! the article it repeats) the two whole articles in two columns (one under the other
//! on a narrow screen), every passage they share marked in both with the same number
//! and colour, each number a link to the same passage in the other text; the pair's
//! coverage (the share of each article inside the shared passages), titles, sources,
//! dates, and the other articles of its cluster or story.
//!
//! The passages are the overlap engine's (`factdiff_findings::Pairs`); nothing is
//! matched here. On a large corpus the page stays usable: every pair is one row of
//! the index, the texts of only the first [`PairTexts::first`] (by coverage, then
//! path) or of the pairs `--pair` selects are embedded, each folded in a
//! `<details>`, and a line says how many more there are and how to see them.
//!
//! The page needs no script for any of it: the links are fragments, and the browser
//! opens a folded text when a link points into it.

use std::collections::BTreeMap;

use factdiff_findings::{Finding, Pair, PairArticle, Pairs, Story};

use crate::markdown::html as esc;
use crate::text::plural;
use crate::{PairTexts, Sources};

/// The style of the side-by-side view, in the head of every page.
pub(crate) const PAIR_STYLE: &str = r#"
div.scroll { overflow-x: auto; }
table.pairs td.where { white-space: nowrap; }
.pair-meta td, .pair h3, .pair-text figcaption, ul.others { overflow-wrap: anywhere; }
.pair { border: 1px solid #d0d5dd; border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; }
.pair h3 { font-size: 100%; margin: .3rem 0 .6rem; }
.pair-meta th { width: 8rem; color: #475467; font-weight: normal; }
.pair-meta td { width: 45%; }
.pair-texts > summary { cursor: pointer; margin: .6rem 0; font-weight: 600; }
.pair-text .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0 0; }
mark.shared { background: #fef0c7; border-radius: 2px; }
mark.shared.alt { background: #d1e9ff; }
mark.shared:target { outline: 2px solid var(--info); outline-offset: 1px; }
a.jump { font: 600 70%/1 ui-monospace, Menlo, Consolas, monospace; vertical-align: super; text-decoration: none;
  color: #fff; background: #475467; border-radius: 3px; padding: 0 .25em; margin-right: .15em; user-select: none; }
"#;

/// The article a location or a pair's article is: its file, and the record's line
/// in an archive.
type ArticleKey<'a> = (&'a str, Option<u32>);

fn key(a: &PairArticle) -> ArticleKey<'_> {
    (a.path.as_str(), a.record_line)
}

/// What the page lists and shows of the pairs: the pairs in order (indices into
/// `Pairs::pairs`, by coverage then paths), which of them get their texts, and the
/// findings each is reported by.
pub(crate) struct PairView<'a> {
    pairs: &'a Pairs,
    /// The listed pairs, in order; the page names each `pair-N` by its place here.
    order: Vec<usize>,
    /// Whether the listed pair at that place gets its texts.
    texts: Vec<bool>,
    /// For each listed place, the findings (indices) that report it.
    reported_by: Vec<Vec<usize>>,
    /// Selectors of `--pair` that name no listed pair.
    unmatched: Vec<String>,
    /// Whether `--pair` chose the pairs with texts.
    selected: bool,
}

impl<'a> PairView<'a> {
    /// The pairs of the check page: those an overlap finding on the page reports
    /// (a finding with a location in each of the two articles).
    pub(crate) fn reported(pairs: &'a Pairs, findings: &[Finding], options: &PairTexts) -> Self {
        let mut by_article: BTreeMap<ArticleKey<'_>, Vec<usize>> = BTreeMap::new();
        for (idx, finding) in findings.iter().enumerate() {
            if finding.category != factdiff_findings::Category::Overlap {
                continue;
            }
            let mut keys: Vec<ArticleKey<'_>> = finding
                .locations
                .iter()
                .map(|l| (l.path.as_str(), l.field.as_ref().map(|_| l.line)))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                by_article.entry(k).or_default().push(idx);
            }
        }
        let mut listed = Vec::new();
        for (idx, pair) in pairs.pairs.iter().enumerate() {
            let (Some(left), Some(right)) = (
                pairs.articles.get(pair.left),
                pairs.articles.get(pair.right),
            ) else {
                continue;
            };
            let (Some(l), Some(r)) = (by_article.get(&key(left)), by_article.get(&key(right)))
            else {
                continue;
            };
            let both: Vec<usize> = l.iter().copied().filter(|f| r.contains(f)).collect();
            if !both.is_empty() {
                listed.push((idx, both));
            }
        }
        Self::new(pairs, listed, options)
    }

    /// The pairs of the stories page: every story's copies and rewrites.
    pub(crate) fn of_stories(pairs: &'a Pairs, options: &PairTexts) -> Self {
        let listed = pairs
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| pairs.groups.get(p.group).is_some_and(|g| g.story.is_some()))
            .map(|(idx, _)| (idx, Vec::new()))
            .collect();
        Self::new(pairs, listed, options)
    }

    fn new(pairs: &'a Pairs, mut listed: Vec<(usize, Vec<usize>)>, options: &PairTexts) -> Self {
        let sort_key = |idx: usize| {
            let p = &pairs.pairs[idx];
            let place = |a: usize| pairs.articles.get(a).map(|a| (a.path.as_str(), a.line));
            (
                std::cmp::Reverse(ordered(p.coverage())),
                place(p.left),
                place(p.right),
                idx,
            )
        };
        listed.sort_by_key(|(idx, _)| sort_key(*idx));
        let names = |idx: usize, selector: &str| {
            let p = &pairs.pairs[idx];
            pairs
                .groups
                .get(p.group)
                .and_then(|g| g.story.as_deref())
                .is_some_and(|s| s == selector)
                || [p.left, p.right]
                    .iter()
                    .filter_map(|&a| pairs.articles.get(a))
                    .any(|a| a.is_named_by(selector))
        };
        let texts: Vec<bool> = if options.select.is_empty() {
            (0..listed.len()).map(|n| n < options.first).collect()
        } else {
            listed
                .iter()
                .map(|(idx, _)| options.select.iter().any(|s| names(*idx, s)))
                .collect()
        };
        let unmatched = options
            .select
            .iter()
            .filter(|s| !listed.iter().any(|(idx, _)| names(*idx, s)))
            .cloned()
            .collect();
        let (order, reported_by) = listed.into_iter().unzip();
        PairView {
            pairs,
            order,
            texts,
            reported_by,
            unmatched,
            selected: !options.select.is_empty(),
        }
    }

    /// The pair anchors (`pair-N`) that a finding reports, for its links.
    pub(crate) fn of_finding(&self, finding: usize) -> Vec<String> {
        self.reported_by
            .iter()
            .enumerate()
            .filter(|(_, fs)| fs.contains(&finding))
            .map(|(n, _)| {
                if self.texts[n] {
                    anchor(n)
                } else {
                    format!("{}-row", anchor(n))
                }
            })
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// A coverage as an integer to sort by (it has three decimals).
fn ordered(x: f64) -> u64 {
    (x * 1000.0).round().max(0.0) as u64
}

fn anchor(n: usize) -> String {
    format!("pair-{}", n + 1)
}

fn percent(x: f64) -> String {
    format!("{}%", (x * 100.0).round() as u64)
}

/// The article's place: `path`, `path:line (name)` for a record.
fn place(a: &PairArticle) -> String {
    match (&a.record_line, &a.article) {
        (Some(line), Some(name)) => format!("{}:{line} ({name})", a.path),
        (Some(line), None) => format!("{}:{line}", a.path),
        (None, _) => a.path.clone(),
    }
}

/// What the right article is to the left one, in words.
fn relation(pair: &Pair) -> &'static str {
    match pair.relation {
        Some(r) => r.as_str(),
        None => "duplicate",
    }
}

/// The section: the index of the pairs, then each pair that gets its texts.
/// `finding_anchor` names a finding's anchor on the page (the check page links each
/// pair to the findings that report it); `stories` names the stories to link to.
pub(crate) fn pairs_section(
    view: &PairView<'_>,
    stories: &[Story],
    findings: &[Finding],
    finding_anchor: Option<&dyn Fn(usize) -> String>,
    sources: &dyn Sources,
    page: &mut String,
) {
    if view.is_empty() && view.unmatched.is_empty() {
        return;
    }
    let pairs = view.pairs;
    let shown = view.texts.iter().filter(|t| **t).count();
    page.push_str("<section id=\"pairs\">\n<h2>Duplicates side by side</h2>\n");
    let which = if shown == view.order.len() {
        if shown == 1 {
            "its two whole texts".to_owned()
        } else {
            "the two whole texts of each".to_owned()
        }
    } else if view.selected {
        if shown == 1 {
            "the two whole texts of the pair <code>--pair</code> names".to_owned()
        } else {
            format!("the two whole texts of the {shown} pairs <code>--pair</code> names")
        }
    } else {
        format!("the two whole texts of the first {shown}")
    };
    page.push_str(&format!(
        "<p class=\"muted\">{}, the closest first (by the share of one article the other holds); below, {which} side by side (folded: open one to read it), every passage the two share marked in both with the same number, a link to the same passage in the other text.</p>\n",
        plural(view.order.len(), "pair of articles that share text", "pairs of articles that share text"),
    ));
    let more = view.order.len() - shown;
    if more > 0 {
        page.push_str(&format!(
            "<p class=\"more\">{} listed without {}: <code>--pair PATH</code> (an article's file, <code>PATH:LINE</code> for a record of an archive) or <code>--pair STORY-ID</code> shows the texts of the pairs it names, <code>--pairs N</code> those of the first N.</p>\n",
            plural(more, "more pair is", "more pairs are"),
            if more == 1 { "its texts" } else { "their texts" },
        ));
    }
    for selector in &view.unmatched {
        page.push_str(&format!(
            "<p class=\"sev sev-warning\">no pair names <code>{}</code></p>\n",
            esc(selector)
        ));
    }
    if !view.is_empty() {
        let open = if view.order.len() <= 25 { " open" } else { "" };
        page.push_str(&format!(
            "<details class=\"group\"{open}><summary>the index of the pairs <span class=\"count\">{}</span></summary>\n<div class=\"scroll\">\n<table class=\"pairs\">\n<thead><tr><th>#</th><th>repeated</th><th>repeating</th><th>relation</th><th class=\"num\">shared of each</th><th class=\"num\">passages</th></tr></thead>\n<tbody>\n",
            plural(view.order.len(), "pair", "pairs")
        ));
        for (n, &idx) in view.order.iter().enumerate() {
            let pair = &pairs.pairs[idx];
            let (Some(left), Some(right)) = (
                pairs.articles.get(pair.left),
                pairs.articles.get(pair.right),
            ) else {
                continue;
            };
            let num = if view.texts[n] {
                format!("<a href=\"#{id}\">{}</a>", n + 1, id = anchor(n))
            } else {
                (n + 1).to_string()
            };
            page.push_str(&format!(
                "<tr id=\"{id}-row\"><td class=\"num\">{num}</td><td class=\"where\">{}</td><td class=\"where\">{}</td><td>{}</td><td class=\"num\">{} / {}</td><td class=\"num\">{}</td></tr>\n",
                esc(&place(left)),
                esc(&place(right)),
                relation(pair),
                percent(pair.left_coverage),
                percent(pair.right_coverage),
                pair.passages.len(),
                id = anchor(n),
            ));
        }
        page.push_str("</tbody>\n</table>\n</div>\n</details>\n");
    }
    for (n, &idx) in view.order.iter().enumerate() {
        if view.texts[n] {
            let cx = PairCx {
                stories,
                findings,
                finding_anchor,
                sources,
                open: shown == 1,
            };
            pair_article(view, n, idx, &cx, page);
        }
    }
    page.push_str("</section>\n");
}

/// What a pair's article reads besides the pair.
struct PairCx<'a> {
    stories: &'a [Story],
    findings: &'a [Finding],
    finding_anchor: Option<&'a dyn Fn(usize) -> String>,
    sources: &'a dyn Sources,
    /// Whether its texts are open at first (when it is the only one shown).
    open: bool,
}

/// One pair: its heading, its articles' metadata, the other articles of its group,
/// the findings that report it, and the two texts.
fn pair_article(view: &PairView<'_>, n: usize, idx: usize, cx: &PairCx<'_>, page: &mut String) {
    let PairCx {
        stories,
        findings,
        finding_anchor,
        sources,
        open,
    } = *cx;
    let pairs = view.pairs;
    let pair = &pairs.pairs[idx];
    let (Some(left), Some(right)) = (
        pairs.articles.get(pair.left),
        pairs.articles.get(pair.right),
    ) else {
        return;
    };
    let id = anchor(n);
    page.push_str(&format!(
        "<article class=\"pair\" id=\"{id}\">\n<h3>{n}. <span class=\"where\">{r}</span> is a {rel} of <span class=\"where\">{l}</span> <span class=\"count\">shared: {lc} of the first, {rc} of the second, in {passages}</span></h3>\n",
        n = n + 1,
        r = esc(&place(right)),
        l = esc(&place(left)),
        rel = relation(pair),
        lc = percent(pair.left_coverage),
        rc = percent(pair.right_coverage),
        passages = plural(pair.passages.len(), "passage", "passages"),
    ));
    let first = if pair.relation.is_some() {
        "repeated"
    } else {
        "likely original"
    };
    page.push_str(&format!(
        "<table class=\"pair-meta\">\n<thead><tr><th></th><th>{first}</th><th>{}</th></tr></thead>\n<tbody>\n",
        relation(pair)
    ));
    let row = |name: &str, l: String, r: String| {
        format!("<tr><th>{name}</th><td>{l}</td><td>{r}</td></tr>\n")
    };
    page.push_str(&row(
        "article",
        format!("<span class=\"where\">{}</span>", esc(&place(left))),
        format!("<span class=\"where\">{}</span>", esc(&place(right))),
    ));
    page.push_str(&row("title", esc(&left.title), esc(&right.title)));
    let opt = |s: &Option<String>| esc(s.as_deref().unwrap_or(""));
    // A row neither article has a value for is left out.
    if left.source.is_some() || right.source.is_some() {
        page.push_str(&row("source", opt(&left.source), opt(&right.source)));
    }
    if left.date.is_some() || right.date.is_some() {
        page.push_str(&row("date", opt(&left.date), opt(&right.date)));
    }
    page.push_str(&row(
        "shared",
        format!(
            "{} of its {}",
            percent(pair.left_coverage),
            plural(left.words, "word", "words")
        ),
        format!(
            "{} of its {}",
            percent(pair.right_coverage),
            plural(right.words, "word", "words")
        ),
    ));
    page.push_str("</tbody>\n</table>\n");

    // The other articles of its cluster or story, each linked to its own pair when
    // that is listed.
    if let Some(group) = pairs.groups.get(pair.group) {
        let story = group
            .story
            .as_deref()
            .and_then(|id| stories.iter().find(|s| s.id == id));
        let others: Vec<String> = group
            .members
            .iter()
            .filter(|&&m| m != pair.left && m != pair.right)
            .filter_map(|&m| {
                let a = pairs.articles.get(m)?;
                let link = view.order.iter().position(|&other| {
                    let p = &pairs.pairs[other];
                    p.group == pair.group && (p.left == m || p.right == m)
                });
                let name = format!(
                    "<span class=\"where\">{}</span>{}",
                    esc(&place(a)),
                    if a.title.is_empty() {
                        String::new()
                    } else {
                        format!(" “{}”", esc(&a.title))
                    }
                );
                Some(match link {
                    Some(k) if view.texts[k] => {
                        format!(
                            "<li>{name} (<a href=\"#{}\">pair {}</a>)</li>",
                            anchor(k),
                            k + 1
                        )
                    }
                    Some(k) => format!("<li>{name} (pair {} of the index)</li>", k + 1),
                    None => format!("<li>{name}</li>"),
                })
            })
            .collect();
        let what = match (&group.story, story) {
            (Some(_), Some(s)) => {
                format!("story <a href=\"#{}\">{}</a>", esc(&s.id), esc(&s.title))
            }
            (Some(id), None) => format!("story <code>{}</code>", esc(id)),
            (None, _) => "cluster of duplicate coverage".to_owned(),
        };
        if others.is_empty() {
            page.push_str(&format!("<p>In this {what}: these two articles.</p>\n"));
        } else {
            page.push_str(&format!(
                "<p>Also in this {what}:</p>\n<ul class=\"others\">\n{}\n</ul>\n",
                others.join("\n")
            ));
        }
    }
    if let Some(anchor_of) = finding_anchor {
        let links: Vec<String> = view.reported_by[n]
            .iter()
            .filter_map(|&f| {
                let finding = findings.get(f)?;
                Some(format!(
                    "<li><a href=\"#{}\"><code>{}</code></a> {}</li>",
                    anchor_of(f),
                    esc(&finding.rule),
                    esc(&finding.message)
                ))
            })
            .collect();
        if !links.is_empty() {
            page.push_str(&format!(
                "<p>Reported by:</p>\n<ul class=\"reported\">\n{}\n</ul>\n",
                links.join("\n")
            ));
        }
    }

    let (Some(left_text), Some(right_text)) = (sources.body(left), sources.body(right)) else {
        page.push_str("<p class=\"muted\">The texts are not at hand.</p>\n</article>\n");
        return;
    };
    let left_marks: Vec<(u32, u32)> = pair.passages.iter().map(|p| p.left).collect();
    let right_marks: Vec<(u32, u32)> = pair.passages.iter().map(|p| p.right).collect();
    let left_at = layout(&left_text, &left_marks);
    let right_at = layout(&right_text, &right_marks);
    page.push_str(&format!(
        "<details class=\"pair-texts\"{}><summary>the two texts side by side, {} marked</summary>\n<div class=\"sides\">\n",
        if open { " open" } else { "" },
        plural(pair.passages.len(), "shared passage", "shared passages"),
    ));
    for (side, other, a, text, marks, at, other_at) in [
        ("l", "r", left, &left_text, &left_marks, &left_at, &right_at),
        (
            "r",
            "l",
            right,
            &right_text,
            &right_marks,
            &right_at,
            &left_at,
        ),
    ] {
        page.push_str(&format!(
            "<figure class=\"side pair-text\"><figcaption><span class=\"where\">{}</span>{}</figcaption>\n<div class=\"body\">",
            esc(&place(a)),
            if a.title.is_empty() {
                String::new()
            } else {
                format!(" “{}”", esc(&a.title))
            },
        ));
        marked(
            text,
            marks,
            at,
            other_at,
            &format!("{id}-{side}"),
            &format!("{id}-{other}"),
            page,
        );
        page.push_str("</div></figure>\n");
    }
    page.push_str("</div>\n</details>\n</article>\n");
}

/// Where each passage is marked on one side: `Some(k)` when its mark is the one of
/// passage `k` (itself, or the earlier passage whose mark already covers it: an
/// alignment may give one stretch of a side to two passages), `None` when its bytes
/// are not in the text.
fn layout(text: &str, marks: &[(u32, u32)]) -> Vec<Option<usize>> {
    let mut at = vec![None; marks.len()];
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&k| (marks[k].0, k));
    let mut end = 0usize;
    let mut last = None;
    for k in order {
        let (s, e) = (marks[k].0 as usize, marks[k].1 as usize);
        if s > e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if e <= end {
            at[k] = last;
            continue;
        }
        at[k] = Some(k);
        last = Some(k);
        end = e;
    }
    at
}

/// Writes `text` escaped, each passage marked: `<mark id="{id}{n}">` with a link to
/// the same passage's mark on the other side (`{other}{m}`).
fn marked(
    text: &str,
    marks: &[(u32, u32)],
    at: &[Option<usize>],
    other_at: &[Option<usize>],
    id: &str,
    other: &str,
    page: &mut String,
) {
    let mut own: Vec<usize> = (0..marks.len()).filter(|&k| at[k] == Some(k)).collect();
    own.sort_by_key(|&k| marks[k].0);
    let mut cursor = 0usize;
    for k in own {
        let (s, e) = (marks[k].0 as usize, marks[k].1 as usize);
        // Clipped where an earlier mark ends (one stretch given to two passages).
        let s = s.max(cursor);
        if s >= e {
            continue;
        }
        page.push_str(&esc(&text[cursor..s]));
        let n = k + 1;
        let alt = if k % 2 == 1 { " alt" } else { "" };
        match other_at.get(k).copied().flatten() {
            Some(m) => page.push_str(&format!(
                "<mark class=\"shared{alt}\" id=\"{id}{n}\"><a class=\"jump\" href=\"#{other}{}\" title=\"passage {n} in the other text\">{n}</a>",
                m + 1
            )),
            None => page.push_str(&format!("<mark class=\"shared{alt}\" id=\"{id}{n}\">")),
        }
        page.push_str(&esc(&text[s..e]));
        page.push_str("</mark>");
        cursor = e;
    }
    page.push_str(&esc(&text[cursor..]));
}

#[cfg(test)]
mod tests {
    use factdiff_findings::{PairGroup, Relation, SharedPassage};

    use super::*;
    use crate::testdata::loc;

    pub(crate) fn article(path: &str, title: &str, source: &str, words: usize) -> PairArticle {
        PairArticle {
            path: path.into(),
            record_line: None,
            article: None,
            line: 5,
            title: title.into(),
            source: Some(source.into()),
            date: Some("2025-10-07".into()),
            words,
        }
    }

    /// Two texts that share two passages, one of them full of markup.
    pub(crate) const LEFT: &str = "Rescuers reached the <village> by Sunday. Officials said \"><img src=x onerror=alert(1)> at night. The end.";
    pub(crate) const RIGHT: &str = "Officials said \"><img src=x onerror=alert(1)> at night. New words here. Rescuers reached the <village> by Sunday.";

    pub(crate) fn sample() -> Pairs {
        let span = |text: &str, what: &str| {
            let s = text.find(what).unwrap() as u32;
            (s, s + what.len() as u32)
        };
        let a = "Rescuers reached the <village> by Sunday";
        let b = "Officials said \"><img src=x onerror=alert(1)> at night";
        Pairs {
            articles: vec![
                article("news/a.md", "Quake <kills> 112", "Reuters", 17),
                article("news/b.md", "Quake copy", "Wire & Co", 19),
                article("news/c.md", "", "Other", 30),
            ],
            groups: vec![PairGroup {
                story: Some("story-1".into()),
                members: vec![0, 1, 2],
            }],
            pairs: vec![Pair {
                group: 0,
                left: 0,
                right: 1,
                relation: Some(Relation::Copy),
                left_coverage: 0.882,
                right_coverage: 0.789,
                passages: vec![
                    SharedPassage {
                        left: span(LEFT, a),
                        right: span(RIGHT, a),
                        matched: 6,
                    },
                    SharedPassage {
                        left: span(LEFT, b),
                        right: span(RIGHT, b),
                        matched: 9,
                    },
                ],
            }],
        }
    }

    pub(crate) struct Texts;

    impl Sources for Texts {
        fn quote(&self, _: &factdiff_findings::Location) -> Option<crate::Quote> {
            None
        }
        fn body(&self, article: &PairArticle) -> Option<String> {
            match article.path.as_str() {
                "news/a.md" => Some(LEFT.into()),
                "news/b.md" => Some(RIGHT.into()),
                _ => None,
            }
        }
    }

    fn overlap_finding() -> Finding {
        Finding::new(
            "overlap",
            factdiff_findings::Category::Overlap,
            factdiff_findings::Severity::Warning,
            "2 articles are duplicate coverage of one story".to_owned(),
            vec![loc("news/a.md", 5, 1, "x"), loc("news/b.md", 5, 1, "y")],
        )
    }

    #[test]
    fn a_pair_side_by_side_with_its_passages_marked_and_linked() {
        let pairs = sample();
        let findings = vec![overlap_finding()];
        let view = PairView::reported(&pairs, &findings, &PairTexts::default());
        let mut page = String::new();
        pairs_section(
            &view,
            &[],
            &findings,
            Some(&|i| format!("f-{}", i + 1)),
            &Texts,
            &mut page,
        );
        insta::assert_snapshot!(page);
        // Both columns mark both passages, each linked to the other's.
        for n in 1..=2 {
            assert!(page.contains(&format!(
                "id=\"pair-1-l{n}\"><a class=\"jump\" href=\"#pair-1-r{n}\""
            )));
            assert!(page.contains(&format!(
                "id=\"pair-1-r{n}\"><a class=\"jump\" href=\"#pair-1-l{n}\""
            )));
        }
        // The article text is escaped.
        assert!(!page.contains("<img") && !page.contains("<village>"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert_eq!(view.of_finding(0), vec!["pair-1".to_owned()]);
    }

    #[test]
    fn a_pair_no_finding_reports_is_not_listed_on_the_check_page() {
        let pairs = sample();
        let mut finding = overlap_finding();
        finding.locations[1].path = "news/c.md".into();
        let view = PairView::reported(&pairs, &[finding], &PairTexts::default());
        let mut page = String::new();
        pairs_section(&view, &[], &[], None, &Texts, &mut page);
        assert_eq!(page, "");
    }

    /// Past the first N, pairs are listed without their texts, with how to see them;
    /// `--pair` selects the pairs whose texts are shown, and says when it names none.
    #[test]
    fn texts_are_capped_and_selected() {
        let mut pairs = sample();
        let mut second = pairs.pairs[0].clone();
        second.right = 2;
        second.left_coverage = 0.3;
        second.right_coverage = 0.5;
        pairs.pairs.push(second);
        let view = PairView::of_stories(
            &pairs,
            &PairTexts {
                first: 1,
                select: Vec::new(),
            },
        );
        let mut page = String::new();
        pairs_section(&view, &[], &[], None, &Texts, &mut page);
        assert_eq!(page.matches("<article class=\"pair\"").count(), 1);
        assert!(
            page.contains("1 more pair is listed without its texts"),
            "{page}"
        );
        assert!(page.contains("<tr id=\"pair-2-row\"><td class=\"num\">2</td><td class=\"where\">news/a.md</td><td class=\"where\">news/c.md</td>"), "{page}");
        // The second pair's third article is not at hand: said so, nothing made up.
        let view = PairView::of_stories(
            &pairs,
            &PairTexts {
                first: 1,
                select: vec!["news/c.md".into(), "nowhere.md".into()],
            },
        );
        let mut page = String::new();
        pairs_section(&view, &[], &[], None, &Texts, &mut page);
        assert_eq!(page.matches("<article class=\"pair\"").count(), 1);
        assert!(page.contains("id=\"pair-2\""), "{page}");
        assert!(page.contains("The texts are not at hand."), "{page}");
        assert!(
            page.contains("no pair names <code>nowhere.md</code>"),
            "{page}"
        );
    }

    /// One stretch of a side given to two passages: one mark, both linked to it.
    #[test]
    fn overlapping_passages_share_one_mark() {
        let text = "one two three four five six";
        let at = layout(text, &[(0, 13), (4, 8), (14, 27)]);
        assert_eq!(at, vec![Some(0), Some(0), Some(2)]);
        let mut page = String::new();
        marked(
            text,
            &[(0, 13), (4, 8), (14, 27)],
            &at,
            &[Some(0), Some(1), Some(2)],
            "p-l",
            "p-r",
            &mut page,
        );
        assert_eq!(page.matches("<mark").count(), 2, "{page}");
        // Out of range or inside a character: not marked, nothing panics.
        assert_eq!(layout("é", &[(0, 1), (0, 9)]), vec![None, None]);
    }
}
