//! [`Details`]: what a finding carries for machines, typed.
//!
//! Each engine fills the details of its findings with one of the types of
//! [`RuleDetails`] (the overlap engine with [`OverlapDetails`], each contradiction and
//! style kind with its own struct), and renderers match on the types: nothing reads a
//! detail by its key name. In the JSON report (and SARIF's `properties.details`) the
//! details are one object whose keys are the struct's fields, in their order, as the
//! report contract documents; a cross-article finding may add `story` (the story both
//! articles belong to) at the end, left out when there is none.
//!
//! ```
//! use factdiff_findings::{AcronymDetails, Category, Finding, RuleDetails, Severity};
//!
//! let finding = Finding::new("acronym-undefined", Category::Style, Severity::Info,
//!     "`IAEA` is never spelled out", vec![])
//!     .with_details(AcronymDetails { acronym: "IAEA".into() });
//! assert!(matches!(finding.details.rule, RuleDetails::AcronymUndefined(_)));
//! assert_eq!(serde_json::to_string(&finding.details).unwrap(), r#"{"acronym":"IAEA"}"#);
//! ```

use serde::{Deserialize, Serialize};

use crate::{DiffChunk, Interval};

/// A finding's details: the rule's own ([`RuleDetails`]), then the story the articles
/// of a cross-article finding belong to, when known.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    /// The details of the rule that made the finding.
    #[serde(flatten)]
    pub rule: RuleDetails,
    /// The story of the articles a cross-article finding compares; serialized only
    /// when present (after the rule's details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryRef>,
}

/// A story: a group of articles about one event, as the story stage names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRef {
    /// The story's stable ID.
    pub id: String,
    /// Its title, for people.
    pub title: String,
}

/// The details of each rule kind. Serialized as the variant's struct alone (no tag):
/// the keys of each struct are the report's contract. Read back by shape, each struct
/// refusing keys it does not have, in the order below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RuleDetails {
    /// `overlap`.
    Overlap(OverlapDetails),
    /// `count-mismatch`.
    CountMismatch(CountDetails),
    /// `sum-mismatch`.
    SumMismatch(SumDetails),
    /// `fact-mismatch`.
    FactMismatch(FactDetails),
    /// `date-mismatch`.
    DateMismatch(DateDetails),
    /// `anniversary-mismatch`.
    AnniversaryMismatch(AnniversaryDetails),
    /// `weekday-mismatch`.
    WeekdayMismatch(WeekdayDetails),
    /// `name-variant`.
    NameVariant(NameVariantDetails),
    /// `quote-drift`.
    QuoteDrift(QuoteDriftDetails),
    /// `invalid-date`.
    InvalidDate(InvalidDateDetails),
    /// `acronym-undefined`.
    AcronymUndefined(AcronymDetails),
    /// None (`unused-suppression`): `{}`.
    None(NoDetails),
}

/// No details: `{}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoDetails {}

/// What kind of overlap a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OverlapKind {
    /// A passage repeated word for word.
    Exact,
    /// A passage repeated with edits, or a sentence said again in other words.
    Near,
    /// Articles that are duplicate coverage of one story.
    Cluster,
    /// A sentence repeated across many articles, set apart from the overlaps.
    Boilerplate,
}

impl OverlapKind {
    /// Its name in every format: `exact`, `near`, `cluster`, `boilerplate`.
    pub fn as_str(self) -> &'static str {
        match self {
            OverlapKind::Exact => "exact",
            OverlapKind::Near => "near",
            OverlapKind::Cluster => "cluster",
            OverlapKind::Boilerplate => "boilerplate",
        }
    }
}

/// Whether an overlap is within one article or across two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OverlapScope {
    /// Within one article.
    Within,
    /// Across articles.
    Across,
}

/// What a near overlap compares when it is not a passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OverlapLevel {
    /// One sentence against one sentence, reworded.
    Sentence,
}

/// An `overlap` finding's details: `kind`, `scope`, `level` (a reworded sentence),
/// `words`, `similarity`, for a cluster `original` and `members`, for boilerplate
/// `articles`, and the word `diff` of the first two locations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlapDetails {
    /// Exact, near, cluster or boilerplate.
    pub kind: OverlapKind,
    /// Within one article or across.
    pub scope: OverlapScope,
    /// `sentence` for a sentence said again in other words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<OverlapLevel>,
    /// Words of the shorter side.
    pub words: usize,
    /// Similarity of the two sides, 0 to 1, to three decimals.
    pub similarity: f64,
    /// A cluster's likely original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<ClusterOriginal>,
    /// A cluster's articles, in location order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<ClusterMember>>,
    /// Boilerplate: how many articles hold the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    /// The word diff of the first location against the second.
    pub diff: Vec<DiffChunk>,
}

/// Where a cluster's likely original is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterOriginal {
    /// Its path.
    pub path: String,
    /// The line its body starts on.
    pub line: u32,
}

/// One article of a cluster, measured against the likely original.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterMember {
    /// Its path.
    pub path: String,
    /// The line its body starts on.
    pub line: u32,
    /// Its title (empty when it has none).
    pub title: String,
    /// Its date, `YYYY-MM-DD`, `null` when it has none.
    pub date: Option<String>,
    /// Its words.
    pub words: usize,
    /// The share of its words the original holds (not for the original itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containment: Option<f64>,
    /// Its similarity to the original (not for the original itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Words it adds to the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adds: Option<usize>,
    /// Words of the original it drops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drops: Option<usize>,
}

/// A `count-mismatch` finding's details: the two figures compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountDetails {
    /// The measure both figures are of (`deaths`), empty when none is named.
    pub measure: String,
    /// The unit or counted noun.
    pub unit: String,
    /// The primary location's figure.
    pub interval: Interval,
    /// The related location's figure.
    pub other_interval: Interval,
    /// How many context words the two share.
    pub shared_context: u64,
}

/// A `sum-mismatch` finding's details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SumDetails {
    /// The total as written.
    pub total: Interval,
    /// The least the parts add up to.
    pub sum_min: f64,
    /// Whether the parts claim to be all of the total ("of whom", "including").
    pub exhaustive: bool,
}

/// A `fact-mismatch` finding's details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDetails {
    /// The fact's ID.
    pub fact: String,
    /// `file:line` of the fact in its fact sheet.
    pub fact_file: String,
    /// The figure as written.
    pub interval: Interval,
    /// The fact's value, with its tolerance.
    pub expected: Interval,
    /// The fact's source, when the fact sheet gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A `date-mismatch` finding's details: the two dates compared (TIMEX3 values).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateDetails {
    /// The event's predicate class (`start`).
    pub predicate: String,
    /// The primary location's date.
    pub date: String,
    /// The related location's date.
    pub other_date: String,
    /// The context words the two share.
    pub shared_context: Vec<String>,
    /// How many context words the two share.
    pub shared_count: u64,
}

/// An `anniversary-mismatch` finding's details: the years counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnniversaryDetails {
    /// The anniversary or number of years stated.
    pub stated: i64,
    /// The number of years between the base year and the year.
    pub expected: i64,
    /// The year counted from.
    pub base_year: i64,
    /// The year counted to.
    pub year: i64,
}

/// A `weekday-mismatch` finding's details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekdayDetails {
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// The weekday written.
    pub written: String,
    /// The date's weekday.
    pub actual: String,
    /// Whether the year came from the article's date, not the text.
    pub year_from_article: bool,
}

/// A `name-variant` finding's details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameVariantDetails {
    /// The spelling in the minority.
    pub variant: String,
    /// The majority spelling.
    pub majority: String,
    /// The form both fold to.
    pub folded: String,
    /// Uses of the variant.
    pub variant_count: u64,
    /// Uses of the majority spelling.
    pub majority_count: u64,
    /// Whether the majority spelling is a canonical name of the lexicon.
    pub canonical: bool,
}

/// A `quote-drift` finding's details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteDriftDetails {
    /// The word diff of the primary quote against the related one.
    pub diff: Vec<DiffChunk>,
    /// The primary quote's speaker, `null` when none is named.
    pub speaker: Option<String>,
    /// The related quote's speaker, `null` when none is named.
    pub other_speaker: Option<String>,
}

/// An `invalid-date` finding's details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidDateDetails {
    /// The date's TIMEX3 value.
    pub value: String,
}

/// An `acronym-undefined` finding's details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcronymDetails {
    /// The acronym.
    pub acronym: String,
}

impl Default for RuleDetails {
    fn default() -> Self {
        RuleDetails::None(NoDetails {})
    }
}

macro_rules! into_rule_details {
    ($($ty:ident => $variant:ident),* $(,)?) => {
        $(impl From<$ty> for RuleDetails {
            fn from(details: $ty) -> Self {
                RuleDetails::$variant(details)
            }
        })*
    };
}

into_rule_details! {
    OverlapDetails => Overlap,
    CountDetails => CountMismatch,
    SumDetails => SumMismatch,
    FactDetails => FactMismatch,
    DateDetails => DateMismatch,
    AnniversaryDetails => AnniversaryMismatch,
    WeekdayDetails => WeekdayMismatch,
    NameVariantDetails => NameVariant,
    QuoteDriftDetails => QuoteDrift,
    InvalidDateDetails => InvalidDate,
    AcronymDetails => AcronymUndefined,
    NoDetails => None,
}

impl Details {
    /// The word diff a finding carries (overlaps and quote drift), when it has one.
    pub fn diff(&self) -> Option<&[DiffChunk]> {
        match &self.rule {
            RuleDetails::Overlap(o) => Some(&o.diff),
            RuleDetails::QuoteDrift(q) => Some(&q.diff),
            _ => None,
        }
    }

    /// An overlap finding's details.
    pub fn overlap(&self) -> Option<&OverlapDetails> {
        match &self.rule {
            RuleDetails::Overlap(o) => Some(o),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DiffTag;

    fn round_trip(details: Details, json: &str) {
        assert_eq!(serde_json::to_string(&details).unwrap(), json);
        let back: Details = serde_json::from_str(json).unwrap();
        assert_eq!(back, details, "{json}");
    }

    /// Each type serializes to the keys, in the order, the report has always had, and
    /// reads back as the same type.
    #[test]
    fn every_kind_serializes_as_the_contract_says_and_reads_back() {
        let iv = |x: f64| Interval::exact(x, "people");
        let chunk = DiffChunk {
            tag: DiffTag::Equal,
            text: "same".into(),
        };
        let cases: Vec<(RuleDetails, &str)> = vec![
            (RuleDetails::default(), "{}"),
            (
                OverlapDetails {
                    kind: OverlapKind::Near,
                    scope: OverlapScope::Within,
                    level: Some(OverlapLevel::Sentence),
                    words: 12,
                    similarity: 0.5,
                    original: None,
                    members: None,
                    articles: None,
                    diff: vec![chunk.clone()],
                }
                .into(),
                r#"{"kind":"near","scope":"within","level":"sentence","words":12,"similarity":0.5,"diff":[{"tag":"equal","text":"same"}]}"#,
            ),
            (
                OverlapDetails {
                    kind: OverlapKind::Cluster,
                    scope: OverlapScope::Across,
                    level: None,
                    words: 40,
                    similarity: 1.0,
                    original: Some(ClusterOriginal {
                        path: "a.md".into(),
                        line: 3,
                    }),
                    members: Some(vec![
                        ClusterMember {
                            path: "a.md".into(),
                            line: 3,
                            title: "T".into(),
                            date: None,
                            words: 40,
                            containment: None,
                            similarity: None,
                            adds: None,
                            drops: None,
                        },
                        ClusterMember {
                            path: "b.md".into(),
                            line: 1,
                            title: String::new(),
                            date: Some("2025-01-02".into()),
                            words: 41,
                            containment: Some(0.95),
                            similarity: Some(1.0),
                            adds: Some(2),
                            drops: Some(1),
                        },
                    ]),
                    articles: None,
                    diff: Vec::new(),
                }
                .into(),
                r#"{"kind":"cluster","scope":"across","words":40,"similarity":1.0,"original":{"path":"a.md","line":3},"members":[{"path":"a.md","line":3,"title":"T","date":null,"words":40},{"path":"b.md","line":1,"title":"","date":"2025-01-02","words":41,"containment":0.95,"similarity":1.0,"adds":2,"drops":1}],"diff":[]}"#,
            ),
            (
                CountDetails {
                    measure: "deaths".into(),
                    unit: "people".into(),
                    interval: iv(112.0),
                    other_interval: iv(140.0),
                    shared_context: 3,
                }
                .into(),
                r#"{"measure":"deaths","unit":"people","interval":{"min":112.0,"max":112.0,"min_open":false,"max_open":false,"unit":"people"},"other_interval":{"min":140.0,"max":140.0,"min_open":false,"max_open":false,"unit":"people"},"shared_context":3}"#,
            ),
            (
                SumDetails {
                    total: iv(10.0),
                    sum_min: 12.0,
                    exhaustive: true,
                }
                .into(),
                r#"{"total":{"min":10.0,"max":10.0,"min_open":false,"max_open":false,"unit":"people"},"sum_min":12.0,"exhaustive":true}"#,
            ),
            (
                FactDetails {
                    fact: "f".into(),
                    fact_file: "facts/x.toml:3".into(),
                    interval: iv(1.0),
                    expected: iv(2.0),
                    source: None,
                }
                .into(),
                r#"{"fact":"f","fact_file":"facts/x.toml:3","interval":{"min":1.0,"max":1.0,"min_open":false,"max_open":false,"unit":"people"},"expected":{"min":2.0,"max":2.0,"min_open":false,"max_open":false,"unit":"people"}}"#,
            ),
            (
                DateDetails {
                    predicate: "start".into(),
                    date: "2025-09-16".into(),
                    other_date: "2025-09-15".into(),
                    shared_context: vec!["summit".into()],
                    shared_count: 1,
                }
                .into(),
                r#"{"predicate":"start","date":"2025-09-16","other_date":"2025-09-15","shared_context":["summit"],"shared_count":1}"#,
            ),
            (
                AnniversaryDetails {
                    stated: 25,
                    expected: 24,
                    base_year: 2001,
                    year: 2025,
                }
                .into(),
                r#"{"stated":25,"expected":24,"base_year":2001,"year":2025}"#,
            ),
            (
                WeekdayDetails {
                    date: "2025-09-16".into(),
                    written: "friday".into(),
                    actual: "tuesday".into(),
                    year_from_article: true,
                }
                .into(),
                r#"{"date":"2025-09-16","written":"friday","actual":"tuesday","year_from_article":true}"#,
            ),
            (
                NameVariantDetails {
                    variant: "Tokaev".into(),
                    majority: "Tokayev".into(),
                    folded: "tokaev".into(),
                    variant_count: 1,
                    majority_count: 4,
                    canonical: false,
                }
                .into(),
                r#"{"variant":"Tokaev","majority":"Tokayev","folded":"tokaev","variant_count":1,"majority_count":4,"canonical":false}"#,
            ),
            (
                QuoteDriftDetails {
                    diff: vec![chunk],
                    speaker: Some("Guterres".into()),
                    other_speaker: None,
                }
                .into(),
                r#"{"diff":[{"tag":"equal","text":"same"}],"speaker":"Guterres","other_speaker":null}"#,
            ),
            (
                InvalidDateDetails {
                    value: "2025-04-31".into(),
                }
                .into(),
                r#"{"value":"2025-04-31"}"#,
            ),
            (
                AcronymDetails {
                    acronym: "IAEA".into(),
                }
                .into(),
                r#"{"acronym":"IAEA"}"#,
            ),
        ];
        for (rule, json) in cases {
            round_trip(Details { rule, story: None }, json);
        }
    }

    #[test]
    fn a_story_comes_last_and_only_when_known() {
        let details = Details {
            rule: AcronymDetails {
                acronym: "UN".into(),
            }
            .into(),
            story: Some(StoryRef {
                id: "s1".into(),
                title: "The summit".into(),
            }),
        };
        round_trip(
            details,
            r#"{"acronym":"UN","story":{"id":"s1","title":"The summit"}}"#,
        );
        round_trip(
            Details {
                rule: RuleDetails::default(),
                story: Some(StoryRef {
                    id: "s2".into(),
                    title: "T".into(),
                }),
            },
            r#"{"story":{"id":"s2","title":"T"}}"#,
        );
    }
}
