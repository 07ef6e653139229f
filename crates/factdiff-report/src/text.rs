//! The human report: the findings grouped by article (a `==> path (N findings) <==`
//! header before each article's findings), as rustc-style diagnostics that quote the
//! source line of every location (both sides of a contradiction), a word diff under
//! each overlap, and a summary line.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use factdiff_findings::{
    DiffMarks, DiffSides, DiffTag, Finding, Location, Role, Severity, print_diff,
};

use crate::{Quote, RenderContext, RenderOptions, Report, Sources};

/// The text report (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Text;

impl crate::Renderer for Text {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, cx.options, cx.sources, out)
    }
}

/// The width of the text report when none is given (a file, a pipe): what
/// annotate-snippets used before there was a width, so reports in files stay as
/// they were.
pub const DEFAULT_WIDTH: usize = 140;

/// Writes the text report.
pub(crate) fn render(
    report: &Report<'_>,
    options: &RenderOptions,
    sources: &dyn Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(options.width.unwrap_or(DEFAULT_WIDTH));
    let width = options.width.unwrap_or(DEFAULT_WIDTH);
    // Findings come sorted by primary path: each article's run gets a header.
    let mut rest = report.findings;
    while let Some(first) = rest.first() {
        let path = first.primary().map(|loc| loc.path.as_str());
        let n = rest
            .iter()
            .take_while(|f| f.primary().map(|loc| loc.path.as_str()) == path)
            .count();
        let (group, after) = rest.split_at(n);
        writeln!(
            out,
            "{}\n",
            article_header(path.unwrap_or("(no location)"), n, options.color)
        )?;
        for finding in group {
            writeln!(
                out,
                "{}\n",
                render_finding(&renderer, finding, sources, width)
            )?;
        }
        rest = after;
    }
    // Input problems are written to standard error by the CLI as they are met; the
    // report counts them in its summary line (and the JSON report lists them).
    writeln!(out, "{}", summary_line(report))
}

/// `5 articles, 412 claims, 7 findings (2 errors, 4 warnings, 1 info), 1 input problem`
pub fn summary_line(report: &Report<'_>) -> String {
    let count = |sev: Severity| report.findings.iter().filter(|f| f.severity == sev).count();
    let mut line = format!(
        "{}, {}, {}",
        plural(report.articles, "article", "articles"),
        plural(report.claims, "claim", "claims"),
        plural(report.findings.len(), "finding", "findings"),
    );
    if !report.findings.is_empty() {
        line.push_str(&format!(
            " ({}, {}, {} info)",
            plural(count(Severity::Error), "error", "errors"),
            plural(count(Severity::Warning), "warning", "warnings"),
            count(Severity::Info),
        ));
    }
    if !report.problems.is_empty() {
        line.push_str(&format!(
            ", {}",
            plural(report.problems.len(), "input problem", "input problems")
        ));
    }
    line
}

/// `==> seeds/a.txt (3 findings) <==`, bold in colour.
fn article_header(path: &str, n: usize, color: bool) -> String {
    let text = format!("==> {path} ({}) <==", plural(n, "finding", "findings"));
    if color {
        format!("\u{1b}[1m{text}\u{1b}[0m")
    } else {
        text
    }
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn render_finding(
    renderer: &Renderer,
    finding: &Finding,
    sources: &dyn Sources,
    width: usize,
) -> String {
    let mut quotes: Vec<_> = finding
        .locations
        .iter()
        .map(|loc| (loc, sources.quote(loc).map(|q| realign(loc, q))))
        .collect();
    // The gutter: the widest line number, then " | ".
    let gutter = quotes
        .iter()
        .filter_map(|(_, q)| q.as_ref())
        .map(|q| {
            (q.first_line + q.text.matches('\n').count() as u32)
                .to_string()
                .len()
        })
        .max()
        .unwrap_or(1)
        + 3;
    // Lines too long for the width are cut at words; the `-->` header then gives
    // the column of the cut line, which is put back after rendering.
    let mut columns: Vec<(String, String)> = Vec::new();
    for (loc, quote) in &mut quotes {
        let Some(q) = quote.as_mut() else { continue };
        let label = label(loc);
        let room = width.saturating_sub(gutter + 1 + label.len() + usize::from(!label.is_empty()));
        let before = column_of(q);
        if fit(q, room) {
            let header = |col: usize| format!("{}:{}:{col}", loc.path, q.first_line);
            columns.push((header(column_of(q)), header(before)));
        }
    }
    let notes: Vec<String> = finding.locations.iter().map(note).collect();
    let mut title = Group::with_title(
        level(finding.severity)
            .primary_title(finding.message.as_str())
            .id(finding.rule.as_str()),
    );
    for (idx, (loc, quote)) in quotes.iter().enumerate() {
        let label = label(loc);
        title = match quote {
            // A record of an archive: the header says where (the record's line, the
            // column in its text, its name) and the gutter numbers only the record's
            // line, since the quote is one line of the record's text.
            Some(quote) if loc.field.is_some() => {
                let kind = match loc.role {
                    Role::Primary => AnnotationKind::Primary,
                    Role::Related => AnnotationKind::Context,
                };
                title.element(Origin::path(crate::position(loc))).element(
                    Snippet::source(quote.text.as_str())
                        .line_start(quote.first_line as usize)
                        .fold(true)
                        .annotation(kind.span(quote.range.clone()).label(label)),
                )
            }
            Some(quote) => {
                let kind = match loc.role {
                    Role::Primary => AnnotationKind::Primary,
                    Role::Related => AnnotationKind::Context,
                };
                title.element(
                    Snippet::source(quote.text.as_str())
                        .line_start(quote.first_line as usize)
                        .path(loc.path.as_str())
                        .fold(true)
                        .annotation(kind.span(quote.range.clone()).label(label)),
                )
            }
            None => title.element(Level::NOTE.message(notes[idx].as_str())),
        };
    }
    let mut groups = vec![title];
    let diff_note;
    if let Some(chunks) = finding.details.diff()
        && chunks.iter().any(|c| c.tag != DiffTag::Equal)
    {
        diff_note = format!(
            "word diff ({}): {}",
            DiffSides::of(&finding.locations).legend(),
            // Line breaks kept: a passage's paragraphs stay paragraphs.
            print_diff(chunks, DiffMarks::BRACKETS, &str::to_owned)
        );
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(diff_note.as_str()),
        ));
    }
    let mut text = renderer.render(&groups);
    for (cut, whole) in columns {
        for arrow in ["--> ", "::: "] {
            let (cut, whole) = (format!("{arrow}{cut}\n"), format!("{arrow}{whole}\n"));
            if text.contains(&cut) {
                text = text.replacen(&cut, &whole, 1);
                break;
            }
        }
    }
    if finding.locations.iter().any(|loc| loc.field.is_some()) {
        // A record's snippet has no path of its own (its `Origin` header says where it
        // is), and the renderer marks that with an empty ` ::: ` line: drop it.
        text = text
            .lines()
            .filter(|line| strip_ansi(line).trim() != ":::")
            .collect::<Vec<_>>()
            .join("\n");
    }
    text
}

/// The 1-based column, in characters, of a quote's annotated text.
fn column_of(quote: &Quote) -> usize {
    let start = quote.text.get(..quote.range.start).unwrap_or_default();
    start.chars().count() - start.rfind('\n').map_or(0, |i| start[..=i].chars().count()) + 1
}

/// Cuts a one-line quote longer than `room` characters to a window around its
/// annotated text, at word boundaries, with "…" where text was cut. Returns whether
/// it cut. A quote of several lines, or one whose annotated text alone is wider
/// than `room`, is cut only on the right of the annotated text, if at all.
fn fit(quote: &mut Quote, room: usize) -> bool {
    let text = quote.text.as_str();
    let n = text.chars().count();
    if n <= room || text.contains('\n') || room < 10 || quote.range.end > text.len() {
        return false;
    }
    // Character offsets of the annotated text.
    let (Some(head), Some(mid)) = (text.get(..quote.range.start), text.get(quote.range.clone()))
    else {
        return false;
    };
    let s = head.chars().count();
    let e = s + mid.chars().count();
    let chars: Vec<char> = text.chars().collect();
    // Two characters for the ellipses; the context left of the annotation is at most
    // a third of what remains, so the annotated text and what follows it show.
    let inner = room - 2;
    let mut start = s.saturating_sub(inner.saturating_sub(e - s) / 3);
    let mut end = (start + inner).min(n);
    if end == n {
        start = n.saturating_sub(inner);
    }
    // Move the cuts to word boundaries, never into the annotated text.
    if start > 0 {
        let mut at = start;
        while at < s && !chars[at - 1].is_whitespace() {
            at += 1;
        }
        start = at;
    }
    if end < n {
        // Not into the annotated text, unless it is itself too wide: then at a
        // word inside it.
        let floor = if e <= end { e } else { s + 1 };
        let mut at = end;
        while at > floor && !chars[at].is_whitespace() {
            at -= 1;
        }
        if at > floor || e <= end {
            end = at;
        }
    }
    let body: String = chars[start..end].iter().collect();
    let trimmed_start = body.len() - body.trim_start().len();
    let body_trimmed = body.trim();
    let mut cut = String::new();
    if start > 0 {
        cut.push('…');
    }
    let offset = cut.len();
    cut.push_str(body_trimmed);
    if end < n {
        cut.push('…');
    }
    let byte_of = |c: usize| {
        chars[start..c]
            .iter()
            .map(|ch| ch.len_utf8())
            .sum::<usize>()
    };
    let a = (offset + byte_of(s)).saturating_sub(trimmed_start);
    let b = (offset + byte_of(e.min(end))).saturating_sub(trimmed_start);
    if !cut.is_char_boundary(a) || !cut.is_char_boundary(b) || b > cut.len() {
        return false;
    }
    quote.text = cut;
    quote.range = a..b;
    true
}

/// A rendered line without its ANSI colour escapes.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The label under a location's quote: `related` for the others (the `:::` header or
/// the snippet's gutter already says where it is).
fn label(loc: &Location) -> &'static str {
    match loc.role {
        Role::Primary => "",
        Role::Related => "related",
    }
}

/// A quote cut to a window of a long line starts mid-line, and the renderer would
/// count the `-->` column from the cut. Spaces in place of the part cut off put the
/// location back at its column; the renderer trims long lines for display anyway.
fn realign(loc: &Location, mut quote: Quote) -> Quote {
    if loc.field.is_some() || quote.first_line != loc.line {
        return quote;
    }
    let Some(before) = quote.text.get(..quote.range.start) else {
        return quote;
    };
    let shown = before.chars().count();
    let cut = (loc.column as usize).saturating_sub(1 + shown);
    if cut > 0 {
        quote.text.insert_str(0, &" ".repeat(cut));
        quote.range = quote.range.start + cut..quote.range.end + cut;
    }
    quote
}

/// A location whose source is not at hand: where it is and its text, so that both
/// sides of a contradiction still show. `related: b.md:3:1: "at least 140"`.
fn note(loc: &Location) -> String {
    let mut text: String = loc.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > 100 {
        text = text.chars().take(99).collect::<String>() + "…";
    }
    let role = match loc.role {
        Role::Primary => "",
        Role::Related => "related: ",
    };
    format!("{role}{}: \"{text}\"", crate::position(loc))
}

#[cfg(test)]
mod tests {
    use factdiff_findings::{Category, Finding, Location, Problem, Role, Severity};

    use super::*;
    use crate::{NoSources, Quote};

    struct OneLine;
    impl Sources for OneLine {
        fn quote(&self, loc: &Location) -> Option<Quote> {
            (loc.path == "a.md").then(|| Quote {
                first_line: loc.line,
                text: "The earthquake killed 112 people on Monday.".into(),
                range: 15..32,
            })
        }
    }

    fn loc(path: &str, text: &str) -> Location {
        Location {
            role: Role::Primary,
            path: path.into(),
            line: 8,
            column: 16,
            end_line: 8,
            end_column: 33,
            byte_start: 100,
            byte_end: 117,
            field: None,
            article: None,
            text: text.into(),
        }
    }

    #[test]
    fn quotes_the_source_line_and_names_related_locations() {
        let finding = Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "112 deaths here, at least 140 there",
            vec![
                loc("a.md", "killed 112 people"),
                loc("b.md", "at least 140"),
            ],
        )
        // Any finding with a word diff gets the diff note; the renderer reads the type.
        .with_details(factdiff_findings::QuoteDriftDetails {
            diff: ["killed ", "112", "140"]
                .iter()
                .zip([DiffTag::Equal, DiffTag::Delete, DiffTag::Insert])
                .map(|(text, tag)| factdiff_findings::DiffChunk {
                    tag,
                    text: (*text).into(),
                })
                .collect(),
            speaker: None,
            other_speaker: None,
        });
        let problems = [Problem::line("c.jsonl", 3, "line is not valid JSON")];
        let report = Report {
            articles: 2,
            claims: 4,
            findings: std::slice::from_ref(&finding),
            problems: &problems,
            stories: &[],
            pairs: &crate::NO_PAIRS,
        };
        let mut out = Vec::new();
        render(&report, &RenderOptions::default(), &OneLine, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("error[count-mismatch]: 112 deaths here, at least 140 there"),
            "{text}"
        );
        assert!(text.starts_with("==> a.md (1 finding) <==\n\n"), "{text}");
        assert!(text.contains("a.md:8:16"), "{text}");
        assert!(
            text.contains("8 | The earthquake killed 112 people on Monday."),
            "{text}"
        );
        assert!(text.contains("b.md:8:16"), "{text}");
        assert!(
            text.contains(
                "word diff ([-…-] only in this article, {+…+} only in the other article): \
                 killed [-112-]{+140+}"
            ),
            "{text}"
        );
        assert!(
            text.ends_with(
                "2 articles, 4 claims, 1 finding (1 error, 0 warnings, 0 info), 1 input problem\n"
            ),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'));

        let mut out = Vec::new();
        render(
            &report,
            &RenderOptions {
                color: true,
                ..Default::default()
            },
            &NoSources,
            &mut out,
        )
        .unwrap();
        assert!(String::from_utf8(out).unwrap().contains('\u{1b}'));
    }

    #[test]
    fn every_finding_kind() {
        let findings = crate::testdata::findings();
        let problems = crate::testdata::problems();
        let report = Report {
            articles: 3,
            claims: 10,
            findings: &findings,
            problems: &problems,
            stories: &[],
            pairs: &crate::NO_PAIRS,
        };
        let mut out = Vec::new();
        render(
            &report,
            &RenderOptions::default(),
            &crate::testdata::SomeSources,
            &mut out,
        )
        .unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }

    #[test]
    fn a_windowed_quote_keeps_the_column_of_its_location() {
        struct Window;
        impl Sources for Window {
            fn quote(&self, _loc: &Location) -> Option<Quote> {
                // The last 20 characters of a 280-character line.
                Some(Quote {
                    first_line: 63,
                    text: "the RA government ok".into(),
                    range: 4..6,
                })
            }
        }
        let mut at = loc("a.md", "RA");
        at.line = 63;
        at.column = 265;
        at.end_line = 63;
        at.end_column = 267;
        let finding = Finding::new(
            "acronym-undefined",
            Category::Style,
            Severity::Info,
            "`RA` is used but never defined",
            vec![at],
        );
        let report = Report {
            articles: 1,
            claims: 0,
            findings: std::slice::from_ref(&finding),
            problems: &[],
            stories: &[],
            pairs: &crate::NO_PAIRS,
        };
        let mut out = Vec::new();
        render(&report, &RenderOptions::default(), &Window, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("--> a.md:63:265"), "{text}");
        assert!(text.contains("the RA government ok"), "{text}");
    }
}
