//! Stories: which articles report the same real event.
//!
//! Two figures contradict only if they are about the same thing, and on real news the
//! first question is whether two articles cover the same event at all. This stage
//! answers it between claims and rules: articles and their claims -> stories, so that
//! the cross-article rules compare claims only within a story.
//!
//! Written as map -> block -> link -> cluster:
//!
//! - map: per article, a small serializable [`Signature`] (its names, content words
//!   and figures, the days it gives for the event, its own date, a sketch of its text),
//!   in parallel;
//! - block: an inverted index over the rare keys (a key in too many articles is
//!   skipped); two articles are candidates when they share enough rare keys, never
//!   all pairs;
//! - link: each candidate pair is scored (the TF-IDF cosine of their names and of
//!   their words, and their shared text) and vetoed when they cannot be one event
//!   (dated too far apart, other days given for the event, other leading names);
//! - cluster: average link under the vetoes as cannot-link constraints, precision
//!   first: one good pair cannot chain two events together.
//!
//! ```
//! use factdiff_corpus::{Corpus, Input};
//! use factdiff_stories::{StoryConfig, group};
//!
//! let quake = "An earthquake of magnitude 6.1 struck Herat province on Tuesday, \
//!     killing 112 people in the villages of Zindajan district. Governor Islamuddin \
//!     Jurat said rescuers from Kabul reached Zindajan by evening. Jurat said the \
//!     Herat quake destroyed hundreds of homes.\n";
//! let corpus = Corpus::from_inputs(vec![
//!     Input { path: "a.md".into(), bytes: quake.as_bytes().to_vec() },
//!     Input { path: "b.md".into(), bytes: quake.replace("112", "140").into_bytes() },
//!     Input { path: "c.md".into(), bytes: b"Shares of Acme rose in Frankfurt.\n".to_vec() },
//! ]);
//! let lexicons = factdiff_claims::Lexicons::builtin();
//! let claims: Vec<_> = corpus.articles.iter().map(|a| factdiff_claims::extract(a, &lexicons)).collect();
//! let stories = group(&corpus, &claims, &lexicons, &StoryConfig::default());
//! assert!(stories.same(0, 1));
//! assert!(!stories.same(0, 2));
//! assert_eq!(stories.story_of(0).unwrap().articles.len(), 2);
//! ```
#![deny(missing_docs)]

mod config;
pub mod facts;
mod group;
pub mod relation;
mod signature;

use factdiff_claims::{Claim, Lexicons};
use factdiff_corpus::{Article, Corpus};
use factdiff_findings::{Relation, Story, StoryArticle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::config::StoryConfig;
pub use crate::facts::fill_facts;
pub use crate::group::{Link, Veto, links};
pub use crate::relation::fill_relations;
pub use crate::signature::{Signature, signature};

/// The stories of a corpus, and the story of each article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stories {
    /// The stories (two articles or more each), in the order of their first
    /// article in the corpus.
    pub stories: Vec<Story>,
    /// Article index -> the index of its story in `stories`, `None` for an article
    /// alone.
    pub of_article: Vec<Option<usize>>,
    /// Story index -> its articles' indices in the corpus, in the order of
    /// [`Story::articles`].
    pub members: Vec<Vec<usize>>,
}

impl Stories {
    /// Every one of `articles` alone: no story (what the rules see when comparing
    /// across the whole corpus).
    pub fn none(articles: usize) -> Stories {
        Stories {
            stories: Vec::new(),
            of_article: vec![None; articles],
            members: Vec::new(),
        }
    }

    /// Whether articles `a` and `b` (indices in the corpus) report the same event: the
    /// same article, or two articles of one story.
    pub fn same(&self, a: usize, b: usize) -> bool {
        a == b
            || matches!(
                (self.of_article.get(a), self.of_article.get(b)),
                (Some(Some(x)), Some(Some(y))) if x == y
            )
    }

    /// The story of an article, if it is in one.
    pub fn story_of(&self, article: usize) -> Option<&Story> {
        self.index_of(article).map(|i| &self.stories[i])
    }

    /// The index in `stories` of an article's story, if it is in one.
    pub fn index_of(&self, article: usize) -> Option<usize> {
        self.of_article.get(article).copied().flatten()
    }
}

/// Each article's [`Signature`], in article order, computed in parallel.
pub fn signatures(corpus: &Corpus, claims: &[Vec<Claim>], lexicons: &Lexicons) -> Vec<Signature> {
    corpus
        .articles
        .par_iter()
        .zip(claims.par_iter())
        .map(|(article, claims)| signature(article, claims, lexicons))
        .collect()
}

/// The stories of a corpus (`claims[i]` are the claims of article `i`).
pub fn group(
    corpus: &Corpus,
    claims: &[Vec<Claim>],
    lexicons: &Lexicons,
    config: &StoryConfig,
) -> Stories {
    let sigs = signatures(corpus, claims, lexicons);
    group_signatures(corpus, &sigs, config)
}

/// The stories of a corpus from its articles' signatures (`signatures[i]` is article
/// `i`'s).
pub fn group_signatures(
    corpus: &Corpus,
    signatures: &[Signature],
    config: &StoryConfig,
) -> Stories {
    let n = corpus.articles.len();
    assert_eq!(n, signatures.len(), "one signature per article");
    let scored = links(signatures, config);
    let root = group::cluster(n, &scored, config);
    let mut clusters: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (article, r) in root.iter().enumerate() {
        clusters.entry(*r).or_default().push(article);
    }
    let mut out = Stories::none(n);
    // BTreeMap order: by the lowest article index of each cluster.
    for (_, mut list) in clusters {
        if list.len() < 2 {
            continue;
        }
        let articles = &corpus.articles;
        list.sort_by(|&x, &y| {
            let (a, b) = (&articles[x], &articles[y]);
            (a.meta.date.is_none(), a.meta.date, &a.path, a.record_line).cmp(&(
                b.meta.date.is_none(),
                b.meta.date,
                &b.path,
                b.record_line,
            ))
        });
        let index = out.stories.len();
        for &m in &list {
            out.of_article[m] = Some(index);
        }
        out.stories.push(story(
            &list.iter().map(|&m| &articles[m]).collect::<Vec<_>>(),
        ));
        out.members.push(list);
    }
    out
}

/// The most characters of a title made from an article's first sentence.
const TITLE_CHARS: usize = 80;

/// A story of these articles (in story order): its ID from their names, its title
/// from the first.
fn story(articles: &[&Article]) -> Story {
    let mut names: Vec<String> = articles.iter().map(|a| a.reference()).collect();
    names.sort_unstable();
    let id = format!(
        "story-{:016x}",
        xxhash_rust::xxh3::xxh3_64(names.join("\n").as_bytes())
    );
    let first = articles[0];
    let title = if first.meta.title.trim().is_empty() {
        let text = first
            .sentences
            .first()
            .map_or("", |s| first.slice(s.span))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match text.char_indices().nth(TITLE_CHARS) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text,
        }
    } else {
        first.meta.title.trim().to_owned()
    };
    Story {
        id,
        title,
        articles: articles
            .iter()
            .map(|a| StoryArticle {
                path: a.path.clone(),
                article: a.record_name().map(str::to_owned),
                title: Some(a.meta.title.trim().to_owned()).filter(|t| !t.is_empty()),
                source: a.meta.source.clone(),
                date: a.meta.date.map(|d| d.to_string()),
                relation: Relation::Independent,
                of: None,
            })
            .collect(),
        facts: Vec::new(),
    }
}
