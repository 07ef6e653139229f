//! Stories: the articles that report one real event, and the facts they give.
//!
//! The story stage (factdiff-stories) makes them; `check --format json` lists them
//! beside the findings, `factdiff stories` shows them to editors. These are the
//! types both sides share, as findings are.

use serde::{Deserialize, Serialize};

use crate::Location;

/// A story: the set of articles that report one real event (not a similar one: two
/// earthquakes in one region a year apart are two stories). An article that no other
/// article reports with is in no story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable across runs, thread counts and file order, and across unrelated changes
    /// to the corpus: derived from the story's articles, not from its position.
    pub id: String,
    /// A title for humans: the original article's title, else the start of its first
    /// sentence.
    pub title: String,
    /// The story's articles: the likely original first, then by date and path.
    pub articles: Vec<StoryArticle>,
    /// The things the articles give a value for (deaths, the event's date, a sum of
    /// money, who said what), each with the value every article gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
}

/// One article of a story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryArticle {
    /// The article's file, relative to the working directory, with `/`.
    pub path: String,
    /// The record's name (its `id`, else title) when the file is an archive of many
    /// articles, as in [`Location::article`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The article's title, from its metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its source (outlet), from its metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its date as written in its metadata (ISO 8601 when known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How the article stands to the others of its story.
    pub relation: Relation,
    /// For a copy or a rewrite: the index, in [`Story::articles`], of the article it
    /// repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<usize>,
}

/// How an article of a story stands to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The likely original of text that other articles of the story repeat.
    Original,
    /// Republished copy of another article of the story (most of its text is the
    /// other's).
    Copy,
    /// Another article's text, reworded or cut (a large share is the other's).
    Rewrite,
    /// An independent report of the same event.
    Independent,
}

impl Relation {
    /// The relation in words, as the JSON report spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Original => "original",
            Relation::Copy => "copy",
            Relation::Rewrite => "rewrite",
            Relation::Independent => "independent",
        }
    }
}

/// A thing the articles of a story give a value for, and the values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What the values are of, in plain words ("people killed", "the date of the
    /// earthquake", "magnitude", "quote by John Smith").
    pub thing: String,
    /// The value each article gives, in the order of the story's articles.
    pub values: Vec<FactValue>,
    /// Whether the values disagree: in a report, whether a finding reports them
    /// (`findings` below, set by the pipeline's `link_findings`).
    pub disagree: bool,
    /// The fingerprints of the findings that report the disagreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

/// The value one article gives for a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactValue {
    /// The article, as an index into [`Story::articles`].
    pub article: usize,
    /// The value in plain words ("at least 140", "15 September 2025").
    pub value: String,
    /// Where the article gives it.
    pub location: Location,
}
