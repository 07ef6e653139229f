//! The built-in rule kinds, one file each. A kind's module doc is its only
//! documentation: `factdiff rules explain ID` prints it, read from the source file.

use factdiff_claims::{ArticleClaims, Claim, ClaimKind};
use factdiff_corpus::{Article, Corpus, Span};
use factdiff_findings::{Category, Finding, Interval, Location, Role, Severity};

use crate::params::{ParamSpec, ParamType};
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
    pub claims: &'a [ArticleClaims],
    pub rules: &'a RuleSet,
    pub stories: &'a Stories,
    pub scopes: Vec<scope::ArticleScope<'a>>,
}

/// The parameter of every kind that compares claims across articles: which pairs of
/// articles it compares. Declared in each such kind's `params`; read through
/// [`Cx::scope_of`] and [`Cx::with_story`].
pub(crate) const ACROSS: ParamSpec = ParamSpec {
    name: "across",
    ty: ParamType::Choice(&["story", "corpus"]),
    default: "\"story\"",
    doc: "which articles are compared: two of one story (\"story\") or any two (\"corpus\")",
};

impl Cx<'_> {
    pub(crate) fn article(&self, idx: usize) -> &Article {
        &self.corpus.articles[idx]
    }

    /// Whether `rule` compares any two articles (`across = "corpus"`), not only two of
    /// one story.
    pub(crate) fn across_corpus(rule: &Rule) -> bool {
        rule.params.choice(ACROSS.name) == "corpus"
    }

    /// The group an article's claims are compared within, for `rule`: its story; an
    /// article in no story is a group alone (its claims are still compared with each
    /// other); with `across = "corpus"`, one group for all. Grouping by it (beside a
    /// claim key) is how a kind compares only within stories, without a pair check.
    pub(crate) fn scope_of(&self, rule: &Rule, article: usize) -> usize {
        if Self::across_corpus(rule) {
            0
        } else {
            self.stories
                .index_of(article)
                .unwrap_or(self.stories.stories.len() + article)
        }
    }

    /// Each article with its scope ([`Cx::scope_of`]), sorted by scope then article:
    /// cut where the scope changes (`chunk_by`), the articles of each scope, for a
    /// kind that compares only within a scope to make, compare and drop one scope's
    /// working set at a time rather than the corpus's at once (issue 14).
    pub(crate) fn by_scope(&self, rule: &Rule) -> Vec<(usize, usize)> {
        let mut order: Vec<(usize, usize)> = (0..self.claims.len())
            .map(|article| (self.scope_of(rule, article), article))
            .collect();
        order.sort_unstable();
        order
    }

    /// `finding` with the story of article `a` in its details (`story`: its `id` and
    /// `title`), when `a` is in one and `b` (the other article compared) is in the
    /// same.
    pub(crate) fn with_story(&self, finding: Finding, a: usize, b: usize) -> Finding {
        match self.stories.story_of(a) {
            Some(story) if self.stories.same(a, b) => {
                let mut finding = finding;
                finding.details.story = Some(factdiff_findings::StoryRef {
                    id: story.id.clone(),
                    title: story.title.clone(),
                });
                finding
            }
            _ => finding,
        }
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

    /// A claim's span as a range of bytes in the sentence of `of` (the sentence whose
    /// text [`Cx::sentence_text`] gives): the span of a claim of that sentence (a name
    /// too), read where it is in the sentence's text.
    pub(crate) fn in_sentence(
        &self,
        article: usize,
        of: &Claim,
    ) -> impl Fn(Span) -> std::ops::Range<usize> + Copy + use<> {
        let start = self
            .article(article)
            .sentences
            .get(of.sentence as usize)
            .map_or(0, |s| s.span.start as usize);
        move |span: Span| {
            (span.start as usize).saturating_sub(start)..(span.end as usize).saturating_sub(start)
        }
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

/// A quantity, money or percent claim's figure as factdiff-findings' [`Interval`]
/// (the type findings' details carry), `None` for other claims.
pub(crate) fn interval_of(claim: &Claim) -> Option<Interval> {
    if !matches!(
        claim.kind,
        ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
    ) {
        return None;
    }
    claim.value.interval()
}

/// An interval in plain words for a message: `112`, `at least 140`, `about $2
/// billion` ([`factdiff_claims::describe_interval`]); the bounds themselves go to the
/// findings' details.
pub(crate) fn describe(interval: &Interval) -> String {
    factdiff_claims::describe_interval(interval)
}

/// How many context words two keys share, and their Jaccard similarity.
pub(crate) fn context_overlap<W: PartialEq>(a: &[W], b: &[W]) -> (usize, f64) {
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
