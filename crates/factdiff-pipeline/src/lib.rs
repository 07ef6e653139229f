//! The factdiff run as a library.
//!
//! factdiff-pipeline holds the run that `factdiff check` (and the benchmarks and
//! evaluations) perform once the corpus is loaded: the claims of every article, the
//! stories (which articles report the same event), the rules over the claims within
//! each story, overlap detection, then the filters a project sets (ignored rules,
//! inline suppressions, a baseline of accepted findings), giving the findings in their
//! one total order. It reads no file but the rule and lexicon files it is pointed at,
//! prints nothing and knows no output format; the CLI turns argv and factdiff.toml
//! into a call of it and writes what it returns.
//!
//! ```
//! use factdiff_corpus::{Corpus, Input};
//! use factdiff_pipeline::{Engines, Filters, Ignores, analyse, filter};
//!
//! let corpus = Corpus::from_inputs(vec![
//!     Input { path: "a.md".into(), bytes: b"The earthquake killed 112 people in Herat.\n".to_vec() },
//!     Input { path: "b.md".into(), bytes: b"At least 140 people died in the Herat earthquake.\n".to_vec() },
//! ]);
//! let mut analysis = analyse(&corpus, &Engines::builtin());
//! let ignores = Ignores::default();
//! filter(&corpus, &mut analysis.findings, &Filters { ignores: &ignores, baseline: None, fingerprint_path: None });
//! assert!(analysis.findings.iter().any(|f| f.rule == "count-mismatch"));
//! ```
#![deny(missing_docs)]

pub mod catalog;
mod filter;
mod link;
mod pairs;
pub mod suppress;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use factdiff_claims::Lexicons;
use factdiff_corpus::Corpus;
use factdiff_findings::Finding;
pub use factdiff_stories::{Stories, StoryConfig};
use rayon::prelude::*;

pub use crate::filter::{Filtered, Filters, Ignores, filter};
pub use crate::link::link_findings;
/// The overlap parameters (factdiff.toml's `[overlap]`), for the CLI's configuration.
pub use factdiff_overlap::OverlapConfig;
/// The rule set and its rules, for `factdiff rules list|explain`; `suggest_id` for a
/// rule ID that names no rule (factdiff.toml's `ignore`).
pub use factdiff_rules::{ParamValue, Rule, RuleSet, measured, suggest_id};

/// What the engines read: the rule set, the claims extractors' lexicons, the story
/// stage's and the overlap engine's parameters.
pub struct Engines {
    /// The rules and fact sheets.
    pub rules: RuleSet,
    /// The claims extractors' lexicons.
    pub lexicons: Lexicons,
    /// The overlap engine's parameters (factdiff.toml `[overlap]`).
    pub overlap: OverlapConfig,
    /// The story stage's parameters (factdiff.toml `[stories]`).
    pub stories: StoryConfig,
}

/// A rule or lexicon file that cannot be used; its message names the file, line and
/// key, and says how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError(pub String);

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EngineError {}

impl Engines {
    /// The built-in rules and lexicons with the default overlap parameters: what
    /// `check` uses without `--rules` or a configured `rules` folder.
    pub fn builtin() -> Engines {
        Engines {
            rules: RuleSet::builtin(),
            lexicons: Lexicons::builtin(),
            overlap: OverlapConfig::default(),
            stories: StoryConfig::default(),
        }
    }

    /// The built-in rules and lexicons overlaid with the folder `rules` (relative to
    /// `cwd`): its `*.toml` rule files and, when it has one, its `lexicons/` folder;
    /// the default story parameters (set [`Engines::stories`] to change them).
    pub fn load(
        cwd: &Path,
        rules: Option<&Path>,
        overlap: OverlapConfig,
    ) -> Result<Engines, EngineError> {
        let rule_set = rule_set(cwd, rules)?;
        let mut lexicons = lexicon_files(cwd, rules)?;
        lexicons.add_event_classes(&rule_set.event_classes());
        Ok(Engines {
            rules: rule_set,
            lexicons,
            overlap,
            stories: StoryConfig::default(),
        })
    }
}

/// The claims extractors' lexicons: the built-in ones, extended by the `lexicons/`
/// folder of the rules folder `rules` (relative to `cwd`) when it has one, and by the
/// event classes its rule files give (`date-mismatch`'s `predicates`), so that
/// `factdiff claims` reads the dates' events as `check` does.
pub fn lexicons(cwd: &Path, rules: Option<&Path>) -> Result<Lexicons, EngineError> {
    let mut lexicons = lexicon_files(cwd, rules)?;
    lexicons.add_event_classes(&rule_set(cwd, rules)?.event_classes());
    Ok(lexicons)
}

/// The lexicon files alone: the built-in ones and the rules folder's `lexicons/`.
fn lexicon_files(cwd: &Path, rules: Option<&Path>) -> Result<Lexicons, EngineError> {
    match rules.map(|r| r.join("lexicons")) {
        Some(dir) if cwd.join(&dir).is_dir() => {
            Lexicons::load_in(cwd, &dir).map_err(|err| EngineError(err.to_string()))
        }
        _ => Ok(Lexicons::builtin()),
    }
}

/// Every claim of every article as the records of `factdiff claims`, in article
/// order, extracted in parallel.
pub fn claim_records(corpus: &Corpus, lexicons: &Lexicons) -> Vec<factdiff_findings::ClaimRecord> {
    corpus
        .articles
        .par_iter()
        .map(|article| {
            let claims = factdiff_claims::extract(article, lexicons);
            factdiff_claims::records(article, &claims)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// The rule set in use: the built-in rules, overlaid with the folder `rules`
/// (relative to `cwd`) when one is given.
pub fn rule_set(cwd: &Path, rules: Option<&Path>) -> Result<RuleSet, EngineError> {
    let dirs: Vec<PathBuf> = rules.into_iter().map(Path::to_path_buf).collect();
    RuleSet::load_from(cwd, &dirs).map_err(|err| EngineError(err.to_string()))
}

/// What the engines produced.
pub struct Analysis {
    /// Every finding, in their one total order.
    pub findings: Vec<Finding>,
    /// How many claims were extracted.
    pub claims: usize,
    /// The stories: which articles report the same event (none when no claims were
    /// extracted, as in [`analyse_overlap`]).
    pub stories: Stories,
    /// The duplicate pairs, with the passages they share (the HTML report shows
    /// them side by side): each story's copies and rewrites against the article they
    /// repeat, each overlap cluster's members against its likely original.
    pub pairs: factdiff_findings::Pairs,
}

/// Runs the engines over the corpus, one after the other, each parallel over
/// articles: claims extraction, the story stage, the rule engine (comparing
/// articles within their stories), then overlap detection; then
/// sorts the findings into their one total order. One after the other, not side by
/// side: each keeps every core busy on its own, and the claims are freed before the
/// overlap index is built, so the peak memory is the larger of the two, not their
/// sum. `cargo xtask bench check` times this function.
pub fn analyse(corpus: &Corpus, engines: &Engines) -> Analysis {
    analyse_counted(corpus, engines, &Stage::default())
}

/// Where a run of [`analyse_counted`] is: its phase, and how many articles' claims are
/// extracted. Another thread may read it while the run goes on (a progress bar).
#[derive(Debug, Default)]
pub struct Stage {
    phase: AtomicU8,
    claims_done: AtomicUsize,
}

/// A phase of [`analyse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Extracting the claims of each article.
    Claims,
    /// Grouping the articles into stories.
    Stories,
    /// The rules over the claims.
    Rules,
    /// Overlap detection.
    Overlap,
}

impl Stage {
    /// The phase the run is in.
    pub fn phase(&self) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            0 => Phase::Claims,
            1 => Phase::Stories,
            2 => Phase::Rules,
            _ => Phase::Overlap,
        }
    }

    /// How many articles' claims are extracted.
    pub fn claims_done(&self) -> usize {
        self.claims_done.load(Ordering::Relaxed)
    }
}

/// [`analyse`], telling `stage` where it is.
pub fn analyse_counted(corpus: &Corpus, engines: &Engines, stage: &Stage) -> Analysis {
    analyse_with(corpus, engines, stage, true)
}

/// [`analyse_counted`], making [`Analysis::pairs`] only when `pairs` is true (else
/// they are empty): only the HTML reports show them, and at 16x Reuters their
/// alignments of each copy with what it repeats were 5% of `check`'s CPU time
/// (issue 14). Everything else is the same either way.
pub fn analyse_with(corpus: &Corpus, engines: &Engines, stage: &Stage, pairs: bool) -> Analysis {
    let (mut findings, claims, mut stories) = {
        // One table of context words for the corpus: each distinct word held once.
        // Dropped after the extraction; the claims keep the words they use.
        let words = factdiff_claims::WordTable::new();
        // Each article's names apart from its other claims (`ArticleClaims`: 24 bytes
        // a name, not a claim's 56; issue 14).
        let claims: Vec<factdiff_claims::ArticleClaims> = corpus
            .articles
            .par_iter()
            .map(|article| {
                let claims = factdiff_claims::ArticleClaims::extract_with(
                    article,
                    &engines.lexicons,
                    &words,
                );
                stage.claims_done.fetch_add(1, Ordering::Relaxed);
                claims
            })
            .collect();
        drop(words);
        let n_claims = claims
            .iter()
            .map(factdiff_claims::ArticleClaims::len)
            .sum::<usize>();
        stage.phase.store(1, Ordering::Relaxed);
        let mut stories =
            factdiff_stories::group_unfilled(corpus, &claims, &engines.lexicons, &engines.stories);
        stage.phase.store(2, Ordering::Relaxed);
        let findings = factdiff_rules::check(corpus, &claims, &engines.rules, &stories);
        // The fact tables read the claims, so they are made before the claims go.
        factdiff_stories::fill_facts(&mut stories, corpus, &claims);
        // Freed on every core: dropped at the block's end, the claims were freed on
        // one thread while the other waited (4% of `check`'s wall time at 1x Reuters
        // on two threads).
        claims.into_par_iter().for_each(drop);
        (findings, n_claims, stories)
    };
    stage.phase.store(3, Ordering::Relaxed);
    let overlap = factdiff_overlap::detect_all(corpus, &engines.overlap);
    // The story articles' paths, titles and dates, left out while the claims and the
    // rules held memory (issue 14); `fill_relations` reads the titles.
    factdiff_stories::fill_articles(&mut stories, corpus);
    // Who is the original: from the overlap engine's containments, not aligned again.
    factdiff_stories::fill_relations(
        &mut stories,
        corpus,
        |members| overlap.containments(members),
        |a| overlap.words(a),
    );
    let pairs = if pairs {
        pairs::pairs(corpus, &overlap, &stories)
    } else {
        factdiff_findings::Pairs::default()
    };
    // The prints and the analysis freed before the findings are sorted.
    findings.extend(overlap.into_findings());
    factdiff_findings::finalize(&mut findings);
    Analysis {
        findings,
        claims,
        stories,
        pairs,
    }
}

/// The stories of a corpus, whole, for `factdiff stories`: each with its articles
/// (the likely original first, each with its relation), and its fact table, each
/// disagreement linked to the findings of [`analyse`] that report it. (The CLI links
/// them after its filters instead, with [`link_findings`], so that a fact links only
/// to findings it reports.)
pub fn stories(corpus: &Corpus, engines: &Engines) -> Vec<factdiff_findings::Story> {
    let analysis = analyse(corpus, engines);
    let mut stories = analysis.stories.stories;
    link_findings(&mut stories, &analysis.findings);
    stories
}

/// Runs overlap detection alone (`factdiff overlap`): no claims, no rules. The
/// findings are in their total order.
pub fn analyse_overlap(corpus: &Corpus, config: &OverlapConfig) -> Analysis {
    analyse_overlap_with(corpus, config, true)
}

/// [`analyse_overlap`], making [`Analysis::pairs`] only when `pairs` is true (else
/// they are empty), as [`analyse_with`] does: only the HTML reports show them.
pub fn analyse_overlap_with(corpus: &Corpus, config: &OverlapConfig, pairs: bool) -> Analysis {
    let overlap = factdiff_overlap::detect_all(corpus, config);
    let stories = Stories::none(corpus.articles.len());
    let pairs = if pairs {
        pairs::pairs(corpus, &overlap, &stories)
    } else {
        factdiff_findings::Pairs::default()
    };
    Analysis {
        findings: overlap.findings,
        claims: 0,
        stories,
        pairs,
    }
}

/// Two texts compared, as `factdiff diff` shows them: the overlap engine's figures
/// (rounded to three decimals, as every report gives them) and the word diff.
#[derive(Clone, Debug, PartialEq)]
pub struct TextComparison {
    /// Words of the first text.
    pub words_a: usize,
    /// Words of the second text.
    pub words_b: usize,
    /// Twice the words the texts share in order over their total.
    pub similarity: f64,
    /// Share of the first text's words inside passages shared with the second.
    pub containment_a: f64,
    /// Share of the second text's words inside passages shared with the first.
    pub containment_b: f64,
    /// The word diff of the two texts, their leading and trailing white space left
    /// out, read from the first to the second.
    pub diff: Vec<factdiff_findings::DiffChunk>,
}

impl TextComparison {
    /// Whether the texts differ in more than white space.
    pub fn differs(&self) -> bool {
        self.diff
            .iter()
            .any(|c| c.tag != factdiff_findings::DiffTag::Equal)
    }
}

/// Compares two texts (`factdiff diff A B`) the way overlap detection compares two
/// articles, with the overlap parameters `config`.
pub fn compare(a: &str, b: &str, config: &OverlapConfig) -> TextComparison {
    use factdiff_overlap::round3;
    let comparison = factdiff_overlap::compare(a, b, config);
    TextComparison {
        words_a: comparison.words_a,
        words_b: comparison.words_b,
        similarity: round3(comparison.similarity),
        containment_a: round3(comparison.containment_a),
        containment_b: round3(comparison.containment_b),
        diff: factdiff_findings::word_diff(a.trim(), b.trim()),
    }
}

#[cfg(test)]
mod compare_tests {
    use super::*;

    #[test]
    fn compare_gives_rounded_figures_and_the_diff_of_the_trimmed_texts() {
        let a = "  The summit opened in Samarkand on Thursday with ten leaders.\n";
        let b = "The summit opened in Samarkand on Friday with ten leaders.";
        let c = compare(a, b, &OverlapConfig::default());
        assert_eq!((c.words_a, c.words_b), (10, 10));
        assert!(c.differs());
        assert!(c.similarity > 0.8 && c.similarity < 1.0, "{}", c.similarity);
        assert_eq!(c.similarity, (c.similarity * 1000.0).round() / 1000.0);
        assert_eq!(
            c.diff.first().map(|d| d.text.starts_with("The")),
            Some(true)
        );
        assert!(!compare(a, a.trim(), &OverlapConfig::default()).differs());
    }
}
