//! The built-in rule kinds, one file each. A kind's module doc is its only
//! documentation: `factdiff rules explain ID` prints it, read from the source file.

use factdiff_claims::{Claim, ClaimKind, ClaimValue};
use factdiff_corpus::{Article, Corpus, Span};
use factdiff_findings::{Category, Finding, Location, Role, Severity};

use crate::params::ParamSpec;
use crate::{Rule, RuleSet, Stories, template};

pub(crate) mod scope;

/// Declares the rule kinds from one table: their modules, the [`Kind`] enum,
/// [`Kind::ALL`], [`Kind::info`], the dispatch of [`Kind::check`], which kinds read the
/// articles' scopes, and the rule files built into the binary ([`BUILTIN`]: one
/// `rules/ID.toml` per kind). Everything else that lists kinds (the catalog, the rule
/// file schema, docs/rules.md's tables, the end-to-end fixture loop) reads
/// [`Kind::ALL`].
macro_rules! registry {
    ($( $variant:ident = $id:literal in $module:ident $( [$scopes:ident] )? , )*) => {
        $( pub(crate) mod $module; )*

        /// A built-in rule kind.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl Kind {
            /// Every kind, in ID order.
            pub const ALL: [Kind; [$( $id ),*].len()] = [$( Kind::$variant ),*];

            /// The kind's description.
            pub fn info(self) -> &'static KindInfo {
                match self {
                    $( Kind::$variant => &$module::INFO, )*
                }
            }

            /// The ID the registry gives the kind (its `INFO` says the same; a test
            /// checks).
            pub(crate) fn registered_id(self) -> &'static str {
                match self {
                    $( Kind::$variant => $id, )*
                }
            }

            /// Whether the kind reads the articles' scopes ([`Cx::scopes`]).
            pub(crate) fn needs_scopes(self) -> bool {
                match self {
                    $( Kind::$variant => registry!(@scopes $( $scopes )?), )*
                }
            }

            /// Runs the rule over the corpus.
            pub(crate) fn check(self, cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
                match self {
                    $( Kind::$variant => $module::check(cx, rule), )*
                }
            }
        }

        /// The rule files built into the binary: the repository's `rules/ID.toml`, one
        /// per kind.
        pub(crate) const BUILTIN: &[(&str, &str)] = &[
            $( (
                concat!("rules/", $id, ".toml"),
                include_str!(concat!("../../../../rules/", $id, ".toml")),
            ), )*
        ];
    };
    (@scopes scopes) => { true };
    (@scopes) => { false };
}

// The registry of rule kinds, in ID order: `Variant = "id" in module`, and `[scopes]`
// for a kind that reads the articles' scopes. `cargo xtask new-rule NAME` adds a line.
registry! {
    AcronymUndefined = "acronym-undefined" in acronym_undefined,
    AnniversaryMismatch = "anniversary-mismatch" in anniversary_mismatch,
    CountMismatch = "count-mismatch" in count_mismatch [scopes],
    DateMismatch = "date-mismatch" in date_mismatch [scopes],
    FactMismatch = "fact-mismatch" in fact_mismatch,
    InvalidDate = "invalid-date" in invalid_date,
    NameVariant = "name-variant" in name_variant,
    QuoteDrift = "quote-drift" in quote_drift,
    SumMismatch = "sum-mismatch" in sum_mismatch,
    WeekdayMismatch = "weekday-mismatch" in weekday_mismatch,
}

/// What a kind is: its ID, defaults, parameters and documentation.
#[derive(Clone, Copy, Debug)]
pub struct KindInfo {
    /// The kind's ID (the default rule of each kind has the same ID).
    pub id: &'static str,
    /// The category of its findings.
    pub category: Category,
    /// The default severity.
    pub severity: Severity,
    /// One line for `rules list`.
    pub summary: &'static str,
    /// The default message template.
    pub message: &'static str,
    /// The placeholders a message template may use.
    pub placeholders: &'static [&'static str],
    /// The parameters it takes under `[params]`.
    pub params: &'static [ParamSpec],
    /// The kind's source file, whose module doc is its documentation.
    pub(crate) source: &'static str,
}

impl KindInfo {
    /// The documentation: the module doc comment of the kind's file, in ruff's
    /// sections (What it does, Why is this bad?, Example, Options).
    pub fn doc(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                if line.trim().is_empty() {
                    continue;
                }
                break;
            };
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
        out
    }
}

impl Kind {
    /// The kind with this ID.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.registered_id() == id)
    }

    /// Every kind's ID.
    pub fn ids() -> Vec<&'static str> {
        Kind::ALL.iter().map(|k| k.registered_id()).collect()
    }
}

/// What every check reads: the corpus, each article's claims, the rule set, and the
/// articles' scopes (computed once per run, when an enabled rule compares figures
/// across articles).
pub(crate) struct Cx<'a> {
    pub corpus: &'a Corpus,
    pub claims: &'a [Vec<Claim>],
    pub rules: &'a RuleSet,
    pub stories: &'a Stories,
    pub scopes: Vec<scope::ArticleScope<'a>>,
}

impl Cx<'_> {
    pub(crate) fn article(&self, idx: usize) -> &Article {
        &self.corpus.articles[idx]
    }

    pub(crate) fn loc(&self, article: usize, span: Span) -> Location {
        self.article(article).location(span, Role::Primary)
    }

    /// The text of a claim's sentence.
    pub(crate) fn sentence_text(&self, article: usize, claim: &Claim) -> &str {
        let a = self.article(article);
        a.sentences
            .get(claim.sentence as usize)
            .map_or("", |s| a.slice(s.span))
    }
}

/// Placeholders whose value is quoted verbatim, never re-cased: a quotation's words
/// (and the word diff of two quotations) are the speaker's.
const VERBATIM: &[&str] = &["quote", "other_quote", "diff"];

/// A finding of `rule` with its message rendered from `values`, each on one line
/// (white space runs as one space). A value set
/// mid-sentence (its placeholder is not the first thing in the template) that begins
/// with an ordinary word capitalized at the start of its sentence is lowered ("but at
/// least 140 people", not "but At least 140 people"); names keep their case
/// ([`factdiff_claims::mid_sentence`]).
pub(crate) fn finding(rule: &Rule, values: &[(&str, String)], locations: Vec<Location>) -> Finding {
    let info = rule.kind.info();
    let starts: Vec<&str> = template::placeholders(&rule.message)
        .map(|found| {
            found
                .into_iter()
                .filter(|(at, _)| rule.message[..*at].trim().is_empty())
                .map(|(_, name)| name)
                .collect()
        })
        .unwrap_or_default();
    let values: Vec<(&str, String)> = values
        .iter()
        .map(|(name, value)| {
            // A message is one line: a figure quoted across a line break is not.
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            let value = if starts.contains(name) || VERBATIM.contains(name) {
                value
            } else {
                factdiff_claims::mid_sentence(&value).into_owned()
            };
            (*name, value)
        })
        .collect();
    Finding::new(
        rule.id.clone(),
        info.category,
        rule.severity,
        template::render(&rule.message, &values),
        locations,
    )
}

/// A numeric claim's interval: `(min, max, min_open, max_open, unit)`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Interval {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_open: bool,
    pub max_open: bool,
    pub unit: String,
}

impl Interval {
    pub(crate) fn of(claim: &Claim) -> Option<Interval> {
        match &claim.value {
            ClaimValue::Interval {
                min,
                max,
                min_open,
                max_open,
                unit,
            } if matches!(
                claim.kind,
                ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
            ) =>
            {
                Some(Interval {
                    min: *min,
                    max: *max,
                    min_open: *min_open,
                    max_open: *max_open,
                    unit: unit.clone(),
                })
            }
            _ => None,
        }
    }

    /// Whether the two intervals have no point in common.
    pub(crate) fn disjoint(&self, other: &Interval) -> bool {
        fn below(a: &Interval, b: &Interval) -> bool {
            match (a.max, b.min) {
                (Some(hi), Some(lo)) => hi < lo || (hi == lo && (a.max_open || b.min_open)),
                _ => false,
            }
        }
        below(self, other) || below(other, self)
    }

    /// Whether the two intervals are disjoint even with their open ends closed: "more
    /// than 20" and "20" touch, and a reporter rounds.
    pub(crate) fn apart(&self, other: &Interval) -> bool {
        fn below(a: &Interval, b: &Interval) -> bool {
            matches!((a.max, b.min), (Some(hi), Some(lo)) if hi < lo)
        }
        below(self, other) || below(other, self)
    }

    /// In plain words for a message: `112`, `at least 140`, `about $2 billion`
    /// ([`factdiff_claims::describe_interval`]); the bounds themselves go to the
    /// JSON details ([`Interval::json`]).
    pub(crate) fn describe(&self) -> String {
        factdiff_claims::describe_interval(
            self.min,
            self.max,
            self.min_open,
            self.max_open,
            &self.unit,
        )
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "min": self.min, "max": self.max,
            "min_open": self.min_open, "max_open": self.max_open, "unit": self.unit,
        })
    }
}

/// How many context words two keys share, and their Jaccard similarity.
pub(crate) fn context_overlap(a: &[String], b: &[String]) -> (usize, f64) {
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let union = a.len() + b.len() - shared;
    let jaccard = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    (shared, jaccard)
}

pub(crate) use factdiff_claims::has_phrase;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_names_each_kind_as_its_own_file_does() {
        for kind in Kind::ALL {
            let id = kind.registered_id();
            assert_eq!(kind.info().id, id, "the registry line and `INFO.id` differ");
            assert_eq!(Kind::from_id(id), Some(kind));
            let module = id.replace('-', "_");
            assert!(
                kind.info().source.starts_with(&format!("//! # {id}\n")),
                "{id}: the doc of `kinds/{module}.rs` must open with `//! # {id}`"
            );
            assert!(
                BUILTIN
                    .iter()
                    .any(|(file, _)| *file == format!("rules/{id}.toml")),
                "{id}"
            );
        }
        let ids = Kind::ids();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "the registry is in ID order, each kind once");
        assert_eq!(BUILTIN.len(), Kind::ALL.len());
    }

    #[test]
    fn every_kind_is_documented_in_ruff_sections() {
        for kind in Kind::ALL {
            let info = kind.info();
            let doc = info.doc();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Options",
            ] {
                assert!(doc.contains(section), "{}: no `{section}`", info.id);
            }
            let lower = doc.to_lowercase();
            assert!(
                lower.contains("fires") && lower.contains("does not fire"),
                "{}",
                info.id
            );
            for spec in info.params {
                assert!(
                    doc.contains(&format!("`{}`", spec.name)),
                    "{}: parameter `{}` not documented",
                    info.id,
                    spec.name
                );
            }
            for (_, name) in crate::template::placeholders(info.message).unwrap() {
                assert!(info.placeholders.contains(&name), "{}: {name}", info.id);
            }
        }
    }
}
