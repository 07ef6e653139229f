//! Hand-built findings of every kind, for the renderers' snapshot tests.

use factdiff_findings::{
    Category, ClusterMember, ClusterOriginal, CountDetails, DiffChunk, DiffTag, Finding, Interval,
    Location, OverlapDetails, OverlapKind, OverlapScope, Problem, Role, RuleMeta, Severity,
};

use crate::{Quote, Sources};

pub fn loc(path: &str, line: u32, column: u32, text: &str) -> Location {
    Location {
        role: Role::Primary,
        path: path.into(),
        line,
        column,
        end_line: line,
        end_column: column + text.chars().count() as u32,
        byte_start: 40 * line as usize + column as usize - 1,
        byte_end: 40 * line as usize + column as usize - 1 + text.len(),
        field: None,
        article: None,
        text: text.into(),
    }
}

/// A word diff from `(tag, text)` pairs.
fn diff(chunks: &[(DiffTag, &str)]) -> Vec<DiffChunk> {
    chunks
        .iter()
        .map(|(tag, text)| DiffChunk {
            tag: *tag,
            text: (*text).into(),
        })
        .collect()
}

/// An overlap's details across articles, with no cluster or boilerplate fields.
fn overlap(kind: OverlapKind, words: usize, similarity: f64) -> OverlapDetails {
    OverlapDetails {
        kind,
        scope: OverlapScope::Across,
        level: None,
        words,
        similarity,
        original: None,
        members: None,
        articles: None,
        diff: Vec::new(),
    }
}

fn member(path: &str, title: &str, date: &str, words: usize) -> ClusterMember {
    ClusterMember {
        path: path.into(),
        line: 1,
        title: title.into(),
        date: Some(date.into()),
        words,
        containment: None,
        similarity: None,
        adds: None,
        drops: None,
    }
}

/// A contradiction with a related location, an overlap with a diff, a cluster,
/// boilerplate (no diff), a style finding on a JSONL record, and a hostile one whose
/// text is markup.
pub fn findings() -> Vec<Finding> {
    let mut jsonl = loc("wire/feed.jsonl", 3, 12, "NATO");
    jsonl.field = Some("text".into());
    jsonl.article = Some("wire-0412".into());
    let mut findings = vec![
        Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "112 people killed here, at least 140 there",
            vec![
                loc("news/quake-b.md", 8, 16, "killed 112 people"),
                loc("news/quake-a.md", 5, 1, "at least 140 people died"),
            ],
        )
        .with_details(CountDetails {
            measure: "deaths".into(),
            unit: "people".into(),
            interval: Interval::exact(112.0, "people"),
            other_interval: Interval {
                max: None,
                ..Interval::exact(140.0, "people")
            },
            shared_context: 3,
        }),
        Finding::new(
            "overlap",
            Category::Overlap,
            Severity::Info,
            "passage of 9 words repeated with edits in `news/quake-b.md` (similarity 0.78)",
            vec![
                loc(
                    "news/quake-a.md",
                    2,
                    1,
                    "The quake struck at dawn, killing 140 in the valley.",
                ),
                loc(
                    "news/quake-b.md",
                    2,
                    1,
                    "The quake struck before dawn, killing 112 in the valley.",
                ),
            ],
        )
        .with_details(OverlapDetails {
            diff: diff(&[
                (DiffTag::Equal, "The quake struck "),
                (DiffTag::Delete, "at"),
                (DiffTag::Insert, "before"),
                (DiffTag::Equal, " dawn, killing "),
                (DiffTag::Delete, "140"),
                (DiffTag::Insert, "112"),
                (DiffTag::Equal, " in the valley."),
            ]),
            ..overlap(OverlapKind::Near, 9, 0.78)
        }),
        Finding::new(
            "overlap",
            Category::Overlap,
            Severity::Warning,
            "2 articles are duplicate coverage of one story; likely original `news/quake-a.md` (2025-10-14)",
            vec![
                loc("news/quake-a.md", 1, 1, "Quake kills 140"),
                loc("news/quake-b.md", 1, 1, "Quake kills 112"),
            ],
        )
        .with_details(OverlapDetails {
            original: Some(ClusterOriginal {
                path: "news/quake-a.md".into(),
                line: 1,
            }),
            members: Some(vec![
                member("news/quake-a.md", "Quake kills 140", "2025-10-14", 120),
                ClusterMember {
                    containment: Some(0.9),
                    similarity: Some(0.81),
                    adds: Some(12),
                    drops: Some(14),
                    ..member("news/quake-b.md", "Quake kills 112", "2025-10-15", 118)
                },
            ]),
            diff: diff(&[
                (DiffTag::Equal, "Quake kills "),
                (DiffTag::Delete, "140"),
                (DiffTag::Insert, "112"),
            ]),
            ..overlap(OverlapKind::Cluster, 118, 0.81)
        }),
        Finding::new(
            "overlap",
            Category::Overlap,
            Severity::Info,
            "boilerplate in 3 articles",
            vec![
                loc("news/quake-a.md", 12, 1, "Sign up for our newsletter."),
                loc("news/quake-b.md", 14, 1, "Sign up for our newsletter."),
                loc("news/x<y>.md", 20, 1, "Sign up for our newsletter."),
            ],
        )
        .with_details(OverlapDetails {
            articles: Some(3),
            ..overlap(OverlapKind::Boilerplate, 5, 1.0)
        }),
        Finding::new(
            "acronym-undefined",
            Category::Style,
            Severity::Info,
            "`NATO` is used but never defined",
            vec![jsonl],
        ),
        Finding::new(
            "quote-drift",
            Category::Contradiction,
            Severity::Warning,
            "quote given as \"<script>alert(1)</script>\" here, 100% \"other\" there, a:b,c",
            vec![
                loc("news/x<y>.md", 4, 3, "\"><img src=x onerror=alert(1)>"),
                loc("news/quake-a.md", 9, 1, "<b>bold</b> & 'quoted'\nsecond line"),
            ],
        ),
    ];
    factdiff_findings::finalize(&mut findings);
    findings
}

/// Renders the hand-built report (every finding kind, one input problem) with
/// `render` and returns the output as a string.
pub fn render_report(
    render: impl FnOnce(&crate::Report<'_>, &mut Vec<u8>) -> std::io::Result<()>,
) -> String {
    let findings = findings();
    let problems = problems();
    let report = crate::Report {
        articles: 3,
        claims: 10,
        findings: &findings,
        problems: &problems,
        stories: &[],
        pairs: &crate::NO_PAIRS,
    };
    let mut out = Vec::new();
    render(&report, &mut out).expect("rendering into memory does not fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// An input problem.
pub fn problems() -> Vec<Problem> {
    vec![Problem::line(
        "wire/feed.jsonl",
        7,
        "line is not valid JSON",
    )]
}

/// Docs for two rules.
pub fn rules() -> Vec<RuleMeta> {
    vec![
        RuleMeta {
            id: "count-mismatch".into(),
            name: "CountMismatch".into(),
            category: Category::Contradiction,
            default_severity: Severity::Error,
            short: "The same count given with disjoint intervals".into(),
            full: "Reports a count or amount that two passages give with intervals that cannot both hold.".into(),
            help: "Check the figures against the sources and correct one of them.".into(),
        },
        RuleMeta {
            id: "overlap".into(),
            name: "Overlap".into(),
            category: Category::Overlap,
            default_severity: Severity::Info,
            short: "A passage repeated within or across articles".into(),
            full: "Reports text said twice, exactly or nearly.".into(),
            help: "Remove or rewrite the repeated passage.".into(),
        },
    ]
}

/// Quotes the source line of the locations in `news/quake-a.md`.
pub struct SomeSources;

impl Sources for SomeSources {
    fn quote(&self, loc: &Location) -> Option<Quote> {
        (loc.path == "news/quake-a.md" && loc.line == 5).then(|| Quote {
            first_line: 5,
            text: "Officials said at least 140 people died <here>.".into(),
            range: 15..39,
        })
    }
}
