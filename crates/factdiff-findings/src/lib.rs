//! The shared vocabulary of factdiff.
//!
//! Engines (claims, rules, overlap) produce [`Finding`]s; renderers (factdiff-report)
//! consume them. Neither knows the other: they meet here. This crate holds data types,
//! the fingerprint and the one total order of findings; it holds no analysis.
//!
//! ```
//! use factdiff_findings::{Category, Finding, Location, Role, Severity};
//!
//! let loc = Location {
//!     role: Role::Primary,
//!     path: "news/quake-b.md".into(),
//!     line: 8, column: 24, end_line: 8, end_column: 39,
//!     byte_start: 190, byte_end: 205,
//!     field: None,
//!     article: None,
//!     text: "killed 112 people".into(),
//! };
//! let finding = Finding::new("count-mismatch", Category::Contradiction, Severity::Error,
//!     "112 people killed here, at least 140 there", vec![loc]);
//! assert_eq!(finding.fingerprint.len(), 16);
//! ```
#![deny(missing_docs)]

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

mod claim;
mod details;
mod diff;
mod interval;
mod pairs;
mod patience;
mod problem;
pub use claim::{ClaimKeyRecord, ClaimRecord, EventKeyRecord, RelationRecord};
mod rule;
mod story;
mod text;
pub use details::{
    AcronymDetails, AnniversaryDetails, ClusterMember, ClusterOriginal, CountDetails, DateDetails,
    Details, FactDetails, InvalidDateDetails, NameVariantDetails, NoDetails, OverlapDetails,
    OverlapKind, OverlapLevel, OverlapScope, QuoteDriftDetails, RuleDetails, StoryRef, SumDetails,
    WeekdayDetails,
};
pub use diff::{
    DIFF_ALGORITHM, DiffChunk, DiffMarks, DiffSides, DiffTag, inline_diff, print_diff, word_diff,
};
pub use interval::Interval;
pub use pairs::{Pair, PairArticle, PairGroup, Pairs, SharedPassage};
pub use patience::{PatienceSide, capture_patience, patience_equal, patience_equal_sides};
pub use problem::Problem;
pub use rule::RuleMeta;
pub use story::{Fact, FactValue, Relation, Story, StoryArticle};
pub use text::Text;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a build unless `--fail-on info`.
    Info,
    /// Probably wrong.
    Warning,
    /// Cannot all be true.
    Error,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of problem a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Claims that cannot all be true.
    Contradiction,
    /// A matter of style (an undefined acronym).
    Style,
    /// Text said twice, within or across articles.
    Overlap,
}

impl Category {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Contradiction => "contradiction",
            Category::Style => "style",
            Category::Overlap => "overlap",
        }
    }
}

/// Whether a location is the one the finding is about, or one it relates to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The location the finding is reported at.
    Primary,
    /// Another location the finding relates to (the other side of a contradiction).
    Related,
}

/// A place in an input file.
///
/// `line` and `column` are 1-based; columns count Unicode scalar values. `byte_start`
/// and `byte_end` are byte offsets into the file as stored (BOM and CRLF included). For
/// a JSONL record, `line` (and `end_line`) is the record's line, `field` names the
/// JSON field (`text`), the offsets are bytes into that field's decoded value and the
/// columns count its Unicode scalar values from its start (line breaks inside the
/// field included), and `article` names the record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// Primary or related.
    pub role: Role,
    /// Path relative to the working directory, with `/` separators.
    pub path: String,
    /// 1-based line of the first character.
    pub line: u32,
    /// 1-based column (in Unicode scalar values) of the first character.
    pub column: u32,
    /// 1-based line of the last character.
    pub end_line: u32,
    /// 1-based column just past the last character.
    pub end_column: u32,
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset just past the last byte.
    pub byte_end: usize,
    /// For a JSONL record, the field the offsets point into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For a record of a JSONL or JSON archive, the article's name: its `id`, else its
    /// title, so that a reader knows which story of the file is meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The text at the location: a span of the article's text where an article
    /// gives it (held once for the run, not copied into each finding).
    pub text: Text,
}

impl Location {
    /// The same location with another role.
    pub fn with_role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    fn order_key(&self) -> (&str, u32, u32, u32, u32, &str) {
        (
            &self.path,
            self.line,
            self.column,
            self.end_line,
            self.end_column,
            &self.text,
        )
    }
}

/// One thing a rule found: a contradiction, a style problem or an overlap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's stable ID, such as `count-mismatch`.
    pub rule: String,
    /// The rule's category.
    pub category: Category,
    /// How serious it is.
    pub severity: Severity,
    /// One sentence for a person: both values and why they conflict.
    pub message: String,
    /// Stable across runs and line shifts: derived from the rule, the paths and the
    /// quoted texts, never from lines or offsets. See [`Finding::new`].
    pub fingerprint: String,
    /// The primary location first, then the related ones.
    pub locations: Vec<Location>,
    /// Rule-specific machine-readable details (normalized values, intervals, diffs),
    /// typed by rule kind ([`RuleDetails`]).
    #[serde(default)]
    pub details: Details,
}

impl Finding {
    /// A finding with its fingerprint computed from the rule, and each location's path
    /// and text. The first location is made primary and the others related.
    pub fn new(
        rule: impl Into<String>,
        category: Category,
        severity: Severity,
        message: impl Into<String>,
        mut locations: Vec<Location>,
    ) -> Self {
        for (idx, loc) in locations.iter_mut().enumerate() {
            loc.role = if idx == 0 {
                Role::Primary
            } else {
                Role::Related
            };
        }
        let rule = rule.into();
        let fingerprint = fingerprint(&rule, &locations);
        Finding {
            rule,
            category,
            severity,
            message: message.into(),
            fingerprint,
            locations,
            details: Details::default(),
        }
    }

    /// The finding with its rule's details.
    pub fn with_details(mut self, details: impl Into<RuleDetails>) -> Self {
        self.details.rule = details.into();
        self
    }

    /// The primary location, if the finding has any location.
    pub fn primary(&self) -> Option<&Location> {
        self.locations.first()
    }

    /// The related locations.
    pub fn related(&self) -> impl Iterator<Item = &Location> {
        self.locations.iter().skip(1)
    }

    /// The total order of findings: by primary path, line, column, then rule, then the
    /// rest of the locations and the message, so that no two distinct findings tie.
    pub fn total_cmp(&self, other: &Finding) -> Ordering {
        let a = self.primary().map(Location::order_key);
        let b = other.primary().map(Location::order_key);
        let (a_head, b_head) = (a.map(|k| (k.0, k.1, k.2)), b.map(|k| (k.0, k.1, k.2)));
        a_head
            .cmp(&b_head)
            .then_with(|| self.rule.cmp(&other.rule))
            .then_with(|| a.cmp(&b))
            .then_with(|| {
                self.locations
                    .iter()
                    .map(Location::order_key)
                    .cmp(other.locations.iter().map(Location::order_key))
            })
            .then_with(|| self.message.cmp(&other.message))
            .then_with(|| self.fingerprint.cmp(&other.fingerprint))
    }
}

/// Folds text for fingerprinting: lower-case words joined by one space, so that
/// re-wrapping or re-indenting a passage keeps its fingerprint.
fn fold_text(text: &str, out: &mut String) {
    for word in text.split_whitespace() {
        if !out.is_empty() && !out.ends_with('\u{1f}') {
            out.push(' ');
        }
        if word.is_ascii() {
            // What `char::to_lowercase` makes of ASCII, without going char by char
            // (a cluster finding fingerprints whole articles).
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

fn fingerprint(rule: &str, locations: &[Location]) -> String {
    let mut key = String::with_capacity(128);
    key.push_str(rule);
    key.push('\u{1f}');
    // The primary location keeps its place; the related ones are order-insensitive.
    let mut related: Vec<String> = Vec::new();
    for (idx, loc) in locations.iter().enumerate() {
        let mut part = String::new();
        part.push_str(&loc.path);
        part.push('\u{1f}');
        fold_text(&loc.text, &mut part);
        part.push('\u{1f}');
        if idx == 0 {
            key.push_str(&part);
        } else {
            related.push(part);
        }
    }
    related.sort();
    for part in related {
        key.push_str(&part);
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

/// Sorts findings into their total order and makes fingerprints unique: a finding
/// whose fingerprint repeats an earlier one gets `-2`, `-3`, ... appended, in order.
pub fn finalize(findings: &mut Vec<Finding>) {
    findings.sort_by(Finding::total_cmp);
    findings.dedup_by(|a, b| a == b);
    make_unique(findings.iter_mut().map(|f| &mut f.fingerprint));
}

/// Appends `-2`, `-3`, ... to each fingerprint that repeats an earlier one.
fn make_unique<'a>(fingerprints: impl Iterator<Item = &'a mut String>) {
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for fingerprint in fingerprints {
        let count = seen.entry(fingerprint.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            *fingerprint = format!("{fingerprint}-{count}");
        }
    }
}

impl Finding {
    /// Computes the fingerprint again (without a `-N` suffix) with each location's
    /// path passed through `path`: a path relative to the working directory becomes the
    /// path a fingerprint should hash, such as one relative to the project's root, so
    /// that it does not depend on where factdiff runs. The locations keep their paths.
    pub fn refingerprint(&mut self, path: &dyn Fn(&str) -> String) {
        let locations: Vec<Location> = self
            .locations
            .iter()
            .map(|l| Location {
                path: path(&l.path),
                ..l.clone()
            })
            .collect();
        self.fingerprint = fingerprint(&self.rule, &locations);
    }
}

/// Fingerprints `findings` again with their paths passed through `path` (see
/// [`Finding::refingerprint`]), and makes them unique as [`finalize`] does, in the total
/// order the findings would have with those paths, so that the `-N` suffixes do not
/// depend on the working directory either. The findings keep their order and paths.
/// With `path` the identity, findings that [`finalize`] ordered keep their fingerprints.
pub fn refingerprint(findings: &mut [Finding], path: &dyn Fn(&str) -> String) {
    // Each finding as the fingerprint sees it: rebased paths, no details.
    let mut seen_as: Vec<(usize, Finding)> = findings
        .iter()
        .enumerate()
        .map(|(idx, f)| {
            let mut shadow = Finding {
                rule: f.rule.clone(),
                category: f.category,
                severity: f.severity,
                message: f.message.clone(),
                fingerprint: String::new(),
                locations: f
                    .locations
                    .iter()
                    .map(|l| Location {
                        path: path(&l.path),
                        ..l.clone()
                    })
                    .collect(),
                details: Details::default(),
            };
            shadow.fingerprint = fingerprint(&shadow.rule, &shadow.locations);
            (idx, shadow)
        })
        .collect();
    // Stable: findings that tie keep their order.
    seen_as.sort_by(|a, b| a.1.total_cmp(&b.1));
    make_unique(
        seen_as
            .iter_mut()
            .map(|(_, shadow)| &mut shadow.fingerprint),
    );
    for (idx, shadow) in seen_as {
        findings[idx].fingerprint = shadow.fingerprint;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(path: &str, line: u32, text: &str) -> Location {
        Location {
            role: Role::Primary,
            path: path.into(),
            line,
            column: 1,
            end_line: line,
            end_column: 1 + text.chars().count() as u32,
            byte_start: 10 * line as usize,
            byte_end: 10 * line as usize + text.len(),
            field: None,
            article: None,
            text: text.into(),
        }
    }

    #[test]
    fn fingerprint_survives_line_shifts_and_rewrapping() {
        let a = Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "m",
            vec![loc("a.md", 3, "killed 112 people"), loc("b.md", 9, "140")],
        );
        let b = Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "other message",
            vec![
                loc("a.md", 30, "killed  112\npeople"),
                loc("b.md", 1, "140"),
            ],
        );
        assert_eq!(a.fingerprint, b.fingerprint);
        let c = Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "m",
            vec![loc("a.md", 3, "killed 113 people"), loc("b.md", 9, "140")],
        );
        assert_ne!(a.fingerprint, c.fingerprint);
    }

    #[test]
    fn refingerprint_hashes_the_given_paths_and_keeps_finalized_ones_unchanged() {
        let mk = |path: &str, other: &str, line: u32| {
            Finding::new(
                "count-mismatch",
                Category::Contradiction,
                Severity::Error,
                "m",
                vec![loc(path, line, "killed 112 people"), loc(other, 2, "140")],
            )
        };
        // From the project's root, and the same findings from its `news` folder.
        let mut at_root = vec![
            mk("news/a.md", "news/b.md", 3),
            mk("news/a.md", "news/b.md", 9),
            mk("news/a.md", "wire/c.md", 5),
        ];
        finalize(&mut at_root);
        let before: Vec<String> = at_root.iter().map(|f| f.fingerprint.clone()).collect();
        refingerprint(&mut at_root, &|p: &str| p.to_owned());
        let after: Vec<String> = at_root.iter().map(|f| f.fingerprint.clone()).collect();
        assert_eq!(after, before, "the identity changes no fingerprint");

        let mut in_news = vec![
            mk("a.md", "b.md", 3),
            mk("a.md", "b.md", 9),
            mk("a.md", "../wire/c.md", 5),
        ];
        finalize(&mut in_news);
        assert_ne!(in_news[0].fingerprint, at_root[0].fingerprint);
        let from_root = |p: &str| match p.strip_prefix("../") {
            Some(rest) => rest.to_owned(),
            None => format!("news/{p}"),
        };
        refingerprint(&mut in_news, &from_root);
        let mut got: Vec<(u32, String)> = in_news
            .iter()
            .map(|f| (f.locations[0].line, f.fingerprint.clone()))
            .collect();
        let mut want: Vec<(u32, String)> = at_root
            .iter()
            .map(|f| (f.locations[0].line, f.fingerprint.clone()))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(in_news[0].locations[0].path, "a.md", "paths are kept");
    }

    #[test]
    fn roles_follow_position() {
        let f = Finding::new(
            "overlap",
            Category::Overlap,
            Severity::Info,
            "m",
            vec![loc("a", 1, "x"), loc("b", 1, "y")],
        );
        assert_eq!(f.locations[0].role, Role::Primary);
        assert_eq!(f.locations[1].role, Role::Related);
    }

    #[test]
    fn order_is_path_line_column_rule_and_fingerprints_unique() {
        let mk = |rule: &str, path: &str, line: u32| {
            Finding::new(
                rule,
                Category::Contradiction,
                Severity::Error,
                "m",
                vec![loc(path, line, "same")],
            )
        };
        let mut v = vec![
            mk("b-rule", "b.md", 1),
            mk("z-rule", "a.md", 2),
            mk("a-rule", "a.md", 2),
            mk("a-rule", "a.md", 1),
        ];
        // Same rule, path and text on another line: same base fingerprint.
        v.push(mk("a-rule", "a.md", 7));
        finalize(&mut v);
        let keys: Vec<_> = v
            .iter()
            .map(|f| {
                (
                    f.rule.as_str(),
                    f.locations[0].path.as_str(),
                    f.locations[0].line,
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("a-rule", "a.md", 1),
                ("a-rule", "a.md", 2),
                ("z-rule", "a.md", 2),
                ("a-rule", "a.md", 7),
                ("b-rule", "b.md", 1)
            ]
        );
        let mut fps: Vec<_> = v.iter().map(|f| f.fingerprint.clone()).collect();
        fps.sort();
        fps.dedup();
        assert_eq!(fps.len(), v.len());
        // The three `a-rule` findings on a.md share a base fingerprint: the second and
        // third in order get `-2` and `-3`.
        assert!(!v[0].fingerprint.contains('-'));
        assert!(v[1].fingerprint.ends_with("-2"), "{}", v[1].fingerprint);
        assert!(v[3].fingerprint.ends_with("-3"), "{}", v[3].fingerprint);
    }
}
