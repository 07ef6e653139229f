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
//! - collapse: each large set of near-copies (sketches that agree at 0.5 or more) is
//!   linked through its first article alone, the others following it into its
//!   story, so that a group of near-duplicates costs one article;
//! - block: an inverted index over the rare keys (a key in too many articles is
//!   skipped); two articles are candidates when they share enough rare keys, never
//!   all pairs;
//! - link: each candidate pair's own evidence is scored (the TF-IDF cosine of their
//!   names and of their words, and their shared text), then how much the two
//!   articles' nearest candidates agree (shared nearest neighbours), and the pair is
//!   vetoed when they cannot be one event (dated too far apart, other days given for
//!   the event, other leading names);
//! - cluster: average link under the vetoes (counted across two groups), precision
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
//! let claims: Vec<_> = corpus.articles.iter().map(|a| factdiff_claims::ArticleClaims::extract(a, &lexicons)).collect();
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
mod sets;
mod signature;

use factdiff_claims::{ArticleClaims, Lexicons};
use factdiff_corpus::{Article, Corpus};
use factdiff_findings::{Relation, Story, StoryArticle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::config::StoryConfig;
pub use crate::facts::fill_facts;
pub use crate::group::{Link, Veto, links};
pub use crate::relation::fill_relations;
pub use crate::sets::DisjointSets;
pub use crate::signature::{Signature, signature};
use crate::signature::{article_sketch, unsketched};

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
    /// Article index -> the first article of the large set of near-copies it belongs
    /// to (the set the grouping weighs as one article), itself when it is in none;
    /// empty when no grouping ran. Not part of any report.
    #[serde(skip)]
    copy_of: Vec<usize>,
}

impl Stories {
    /// Every one of `articles` alone: no story (what the rules see when comparing
    /// across the whole corpus).
    pub fn none(articles: usize) -> Stories {
        Stories {
            stories: Vec::new(),
            of_article: vec![None; articles],
            members: Vec::new(),
            copy_of: Vec::new(),
        }
    }

    /// The first article of the large set of near-copies that `article` belongs to
    /// (republished copies of one text, weighed as one by the grouping), `article`
    /// itself when it is in none. A step that compares articles pair by pair compares
    /// a copy with that article only, so that n copies cost n, not n².
    pub fn copy_of(&self, article: usize) -> usize {
        self.copy_of.get(article).copied().unwrap_or(article)
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
pub fn signatures(
    corpus: &Corpus,
    claims: &[ArticleClaims],
    lexicons: &Lexicons,
) -> Vec<Signature> {
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
    claims: &[ArticleClaims],
    lexicons: &Lexicons,
    config: &StoryConfig,
) -> Stories {
    let mut stories = group_unfilled(corpus, claims, lexicons, config);
    fill_articles(&mut stories, corpus);
    stories
}

/// [`group`] without the story articles' names: each [`StoryArticle`] holds only its
/// relation until [`fill_articles`] fills in its path, title, source and date from the
/// corpus. The pipeline groups so, and fills them in after the rules, which never read
/// them (issue 14).
pub fn group_unfilled(
    corpus: &Corpus,
    claims: &[ArticleClaims],
    lexicons: &Lexicons,
    config: &StoryConfig,
) -> Stories {
    group_chunked(corpus, claims, lexicons, config, SIGNATURE_CHUNK)
}

/// [`group`], making `chunk` articles' signatures at a time.
fn group_chunked(
    corpus: &Corpus,
    claims: &[ArticleClaims],
    lexicons: &Lexicons,
    config: &StoryConfig,
    chunk: usize,
) -> Stories {
    // Signatures are made a chunk of articles at a time, in parallel, and interned at
    // once, in article order: only one chunk's strings are alive at a time, never the
    // whole corpus's (they were the stage's largest holder of memory).
    assert_eq!(
        corpus.articles.len(),
        claims.len(),
        "one claim list per article"
    );
    // Interning is serial (ids in article order): each chunk is interned while the
    // next chunk's signatures are made, so that a second thread is not idle
    // meanwhile; two chunks' signatures are alive at a time.
    // Every article's sketch first, alone: the near-copies are found from them
    // before the rest of each signature is made, so that a copy's keys are interned
    // but nothing else of it is held (issue 14).
    let sketches: Vec<Box<[u64]>> = corpus.articles.par_iter().map(article_sketch).collect();
    let mut interner = group::Interner::new(sketches, config);
    let mut pending: Vec<Signature> = Vec::new();
    for (articles, claims) in corpus
        .articles
        .chunks(chunk.max(1))
        .zip(claims.chunks(chunk.max(1)))
    {
        let ((), sigs) = rayon::join(
            || {
                for sig in pending.drain(..) {
                    interner.push(&sig);
                }
            },
            || -> Vec<Signature> {
                articles
                    .par_iter()
                    .zip(claims.par_iter())
                    .map(|(article, claims)| unsketched(article, claims, lexicons))
                    .collect()
            },
        );
        pending = sigs;
    }
    for sig in &pending {
        interner.push(sig);
    }
    drop(pending);
    stories_of(corpus, group::interned_links(interner, config), config)
}

/// How many articles' signatures [`group`] holds at once.
const SIGNATURE_CHUNK: usize = 1024;

/// The stories of a corpus from its articles' signatures (`signatures[i]` is article
/// `i`'s).
pub fn group_signatures(
    corpus: &Corpus,
    signatures: &[Signature],
    config: &StoryConfig,
) -> Stories {
    assert_eq!(
        corpus.articles.len(),
        signatures.len(),
        "one signature per article"
    );
    let interner = group::Interner::of(signatures, config);
    let mut stories = stories_of(corpus, group::interned_links(interner, config), config);
    fill_articles(&mut stories, corpus);
    stories
}

/// The stories of a corpus from its representatives' scored candidate pairs.
fn stories_of(corpus: &Corpus, linked: group::Linked, config: &StoryConfig) -> Stories {
    let n = corpus.articles.len();
    // The representatives of the sets of near-copies are clustered; a near-copy goes
    // where its representative goes.
    let root = group::cluster(n, &linked.links, &linked.days, &linked.names, config);
    let root: Vec<usize> = linked.rep.iter().map(|&r| root[r]).collect();
    let copy_of = linked.rep.clone();
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
    out.copy_of = copy_of;
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
        // Each article's names are filled in by [`fill_articles`]: until then an
        // entry holds only its relation (issue 14: at Reuters 16x the members' paths,
        // titles and dates were about 100 MiB held under every rule).
        articles: articles
            .iter()
            .map(|_| StoryArticle {
                path: String::new(),
                article: None,
                title: None,
                source: None,
                date: None,
                relation: Relation::Independent,
                of: None,
            })
            .collect(),
        facts: Vec::new(),
    }
}

/// Fills in each story article's path, record name, title, source and date from the
/// corpus (its member in [`Stories::members`]). [`group`] leaves them empty, so that
/// they are not held while the rules run; call this before [`fill_relations`] (which
/// reads the titles) and before the stories are reported. [`group`] and
/// [`group_signatures`] call it.
pub fn fill_articles(stories: &mut Stories, corpus: &Corpus) {
    stories
        .stories
        .par_iter_mut()
        .zip(stories.members.par_iter())
        .for_each(|(story, list)| {
            for (entry, &m) in story.articles.iter_mut().zip(list) {
                let a = &corpus.articles[m];
                entry.path = a.path.to_string();
                entry.article = a.record_name().map(str::to_owned);
                entry.title = Some(a.meta.title.trim().to_owned()).filter(|t| !t.is_empty());
                entry.source = a.meta.source.as_deref().map(str::to_owned);
                entry.date = a.meta.date.map(|d| d.to_string());
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdiff_corpus::Input;

    fn corpus(files: &[(&str, &str)]) -> (Corpus, Vec<ArticleClaims>, Lexicons) {
        let corpus = Corpus::from_inputs(
            files
                .iter()
                .map(|(path, text)| Input {
                    path: (*path).into(),
                    bytes: text.as_bytes().to_vec(),
                })
                .collect(),
        );
        let lexicons = Lexicons::builtin();
        let claims = corpus
            .articles
            .iter()
            .map(|a| factdiff_claims::ArticleClaims::extract(a, &lexicons))
            .collect();
        (corpus, claims, lexicons)
    }

    const QUAKE_A: &str = "+++\ntitle = \"Earthquake kills 112 in Herat\"\ndate = 2023-10-08\n+++\n\
        An earthquake of magnitude 6.3 struck Herat province on Saturday, killing 112 people in \
        the district of Zindajan. Governor Noor Ahmad Islamjar said rescuers reached Zindajan by \
        evening. Islamjar said the earthquake destroyed hundreds of homes in Zindajan.\n";
    const QUAKE_B: &str = "+++\ntitle = \"Herat earthquake toll rises\"\ndate = 2023-10-09\n+++\n\
        At least 140 people died when an earthquake struck Zindajan in Herat province, Governor \
        Islamjar said. Rescuers dug through the rubble of homes in Zindajan as the earthquake \
        toll rose. Islamjar said tents were on the way to Zindajan.\n";
    // The same province's earthquake a year before: other district, other governor.
    const QUAKE_OLD: &str = "+++\ntitle = \"Earthquake kills 30 in Herat\"\ndate = 2022-06-21\n+++\n\
        An earthquake of magnitude 5.1 struck Herat province, killing 30 people in the district \
        of Kushk. Governor Abdul Qayum Rahimi said rescuers reached Kushk by evening. Rahimi said \
        the earthquake destroyed hundreds of homes in Kushk.\n";

    fn grouped(files: &[(&str, &str)]) -> (Corpus, Stories) {
        let (c, claims, lex) = corpus(files);
        let stories = group(&c, &claims, &lex, &StoryConfig::default());
        (c, stories)
    }

    #[test]
    fn one_event_is_one_story_and_a_similar_event_is_not_in_it() {
        let (c, stories) = grouped(&[("a.md", QUAKE_A), ("b.md", QUAKE_B), ("old.md", QUAKE_OLD)]);
        let at = |p: &str| c.articles.iter().position(|a| &*a.path == p).unwrap();
        assert!(stories.same(at("a.md"), at("b.md")), "{stories:#?}");
        assert!(!stories.same(at("a.md"), at("old.md")));
        assert!(!stories.same(at("b.md"), at("old.md")));
        assert!(stories.story_of(at("old.md")).is_none());
        let story = stories.story_of(at("a.md")).unwrap();
        assert_eq!(
            story.title, "Earthquake kills 112 in Herat",
            "the earliest article's title"
        );
        assert_eq!(story.articles[0].date.as_deref(), Some("2023-10-08"));
        assert!(
            story
                .articles
                .iter()
                .all(|a| a.relation == Relation::Independent)
        );
        assert_eq!(stories.members[0], vec![at("a.md"), at("b.md")]);
    }

    #[test]
    fn undated_reports_of_two_quakes_a_year_apart_are_told_apart_by_their_names() {
        let undated = |s: &str| {
            s.lines()
                .filter(|l| !l.starts_with("date"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (a, b, old) = (undated(QUAKE_A), undated(QUAKE_B), undated(QUAKE_OLD));
        let (_, stories) = grouped(&[("a.md", &a), ("b.md", &b), ("old.md", &old)]);
        assert!(stories.same(0, 1), "{stories:#?}");
        assert!(!stories.same(0, 2) && !stories.same(1, 2), "{stories:#?}");
    }

    #[test]
    fn the_same_text_republished_a_month_later_is_the_same_story() {
        let later = QUAKE_A.replace("2023-10-08", "2023-11-20");
        let (_, stories) = grouped(&[("a.md", QUAKE_A), ("later.md", &later)]);
        assert!(stories.same(0, 1));
    }

    #[test]
    fn ids_and_stories_do_not_depend_on_file_order_or_threads() {
        let files = [("a.md", QUAKE_A), ("b.md", QUAKE_B), ("old.md", QUAKE_OLD)];
        let (_, first) = grouped(&files);
        let mut reversed = files;
        reversed.reverse();
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let (_, again) = pool.install(|| grouped(&reversed));
            assert_eq!(again, first, "{threads} threads");
        }
        assert!(first.stories[0].id.starts_with("story-"));
    }

    #[test]
    fn signatures_interned_a_few_at_a_time_group_as_all_at_once() {
        let files = [
            ("a.md", QUAKE_A),
            ("b.md", QUAKE_B),
            ("old.md", QUAKE_OLD),
            ("c.md", QUAKE_B),
            ("d.md", QUAKE_OLD),
        ];
        let (c, claims, lex) = corpus(&files);
        let config = StoryConfig::default();
        let whole = group_signatures(&c, &signatures(&c, &claims, &lex), &config);
        assert!(!whole.stories.is_empty());
        for chunk in [1, 2, 3, 5, 8] {
            let mut stories = group_chunked(&c, &claims, &lex, &config, chunk);
            fill_articles(&mut stories, &c);
            assert_eq!(stories, whole, "chunk {chunk}");
        }
    }

    #[test]
    fn nothing_alone_is_a_story() {
        let (_, stories) = grouped(&[("a.md", QUAKE_A)]);
        assert!(stories.stories.is_empty());
        assert_eq!(stories.of_article, vec![None]);
        assert!(stories.same(0, 0));
        let (_, empty) = grouped(&[]);
        assert!(empty.stories.is_empty());
    }

    #[test]
    fn a_capitalized_function_word_is_no_name() {
        // A headline-style capital ("AN AUSTRALIAN climber") is read as a name by the
        // claims; "an" would then be a name shared by unrelated reports.
        let text = "AN AUSTRALIAN climber who survived two nights stuck on Mount Cook after \
            seeing his brother die narrowly escaped being buried alive.\n";
        let (c, claims, lex) = corpus(&[("a.md", text)]);
        let sig = signature(&c.articles[0], &claims[0], &lex);
        assert!(
            sig.names.iter().any(|(n, _)| n == "mount cook"),
            "{:?}",
            sig.names
        );
        assert!(!sig.names.iter().any(|(n, _)| n == "an"), "{:?}", sig.names);
    }

    #[test]
    fn a_word_the_article_also_writes_in_lower_case_is_no_name() {
        // "Church" opening a sentence, the "Center" of a clinic and a headline in title
        // case are read as names by the claims; the article writes "church", "center",
        // "check" and "rehab" in lower case too, so they are common words, and two
        // unrelated fires at a church would otherwise share a rare "name".
        let text = "To Check Into Rehab Center\n\nChurch officials said \
            Lindsay Lohan would check into the Betty Ford Center on Friday. The church \
            next to the rehab center was closed. Lohan's lawyer said the center was \
            chosen by the court.\n";
        let (c, claims, lex) = corpus(&[("a.md", text)]);
        let sig = signature(&c.articles[0], &claims[0], &lex);
        let has = |name: &str| sig.names.iter().any(|(n, _)| n == name);
        assert!(has("lohan") && has("betty ford center"), "{:?}", sig.names);
        for common in ["church", "center"] {
            assert!(!has(common), "{common}: {:?}", sig.names);
        }
        assert!(
            !sig.names.iter().any(|(n, _)| n.contains("rehab")),
            "{:?}",
            sig.names
        );
    }

    #[test]
    fn a_sketch_taken_alone_and_the_rest_are_the_signature() {
        // The grouping takes every article's sketch first, then the rest of its
        // signature (issue 14): together they are the signature.
        let (c, claims, lex) = corpus(&[("a.md", QUAKE_A)]);
        let whole = signature(&c.articles[0], &claims[0], &lex);
        assert!(!whole.passages.is_empty());
        assert_eq!(*article_sketch(&c.articles[0]), *whole.passages);
        let rest = unsketched(&c.articles[0], &claims[0], &lex);
        assert!(rest.passages.is_empty());
        assert_eq!(
            Signature {
                passages: whole.passages.clone(),
                ..rest
            },
            whole
        );
    }

    #[test]
    fn a_signature_round_trips_through_serde() {
        let (c, claims, lex) = corpus(&[("a.md", QUAKE_A)]);
        let sig = signature(&c.articles[0], &claims[0], &lex);
        assert!(sig.names.iter().any(|(n, _)| n == "zindajan"));
        assert!(
            sig.names.iter().any(|(n, _)| n == "islamjar"),
            "the last word of a full name"
        );
        assert!(sig.words.iter().any(|(w, _)| w == "earthquake"));
        assert!(
            !sig.words.iter().any(|(w, _)| w == "the"),
            "stop words left out"
        );
        assert!(
            sig.words.iter().any(|(w, _)| w == "#112 people"),
            "{:?}",
            sig.words
        );
        assert_eq!(sig.date, Some(jiff::civil::date(2023, 10, 8)));
        assert!(!sig.passages.is_empty());
        let json = serde_json::to_string(&sig).unwrap();
        assert_eq!(serde_json::from_str::<Signature>(&json).unwrap(), sig);
    }
}
