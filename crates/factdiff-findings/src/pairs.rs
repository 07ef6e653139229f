//! Duplicate pairs: two articles that share text, with the passages they share, as
//! the overlap engine aligned them. The HTML report shows each pair's two whole
//! articles side by side with every shared passage marked (issue 12); the pipeline
//! makes them (each overlap cluster's members against its likely original, each
//! story's copies and rewrites against the article they repeat), the report reads
//! them. The articles' texts are not held here: a renderer asks its sources for the
//! texts it shows, so that a corpus of many duplicates does not hold every text twice.

use serde::{Deserialize, Serialize};

use crate::Relation;

/// The duplicate pairs of a run: the articles they name, the groups (clusters or
/// stories) they come from, and the pairs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pairs {
    /// Every article a pair names, in corpus order.
    pub articles: Vec<PairArticle>,
    /// The clusters and stories the pairs come from, in the order of their first
    /// article.
    pub groups: Vec<PairGroup>,
    /// The pairs, in the order of their group, then of their other article.
    pub pairs: Vec<Pair>,
}

/// An article of a pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairArticle {
    /// Its file, relative to the working directory, with `/`.
    pub path: String,
    /// For a record of an archive (JSONL, JSON): the line it opens on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_line: Option<u32>,
    /// For a record of an archive: its name (its `id`, else title), as in
    /// [`Location::article`](crate::Location::article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The line its body starts on.
    pub line: u32,
    /// Its title (empty when it has none).
    pub title: String,
    /// Its source (outlet), from its metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Words of its body.
    pub words: usize,
}

impl PairArticle {
    /// Whether `selector` names this article: its path (every record of an archive),
    /// `path:line` (the record that opens on that line, or the file whose body starts
    /// there), or a record's name.
    pub fn is_named_by(&self, selector: &str) -> bool {
        if selector == self.path {
            return true;
        }
        if self.article.as_deref() == Some(selector) {
            return true;
        }
        match selector.rsplit_once(':') {
            Some((path, line)) if path == self.path => line
                .parse::<u32>()
                .is_ok_and(|l| Some(l) == self.record_line || l == self.line),
            _ => false,
        }
    }
}

/// Where a pair comes from: an overlap cluster (articles that mostly hold each
/// other) or a story (whose copies and rewrites are paired with what they repeat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairGroup {
    /// The story's ID; `None` for an overlap cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// Its articles (indices into [`Pairs::articles`]), the likely original first.
    pub members: Vec<usize>,
}

/// Two articles and the passages they share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The group it comes from (an index into [`Pairs::groups`]).
    pub group: usize,
    /// The article repeated: the cluster's likely original, or the article a story's
    /// copy or rewrite repeats (an index into [`Pairs::articles`]).
    pub left: usize,
    /// The article that repeats it.
    pub right: usize,
    /// How `right` stands to `left` in a story (`copy`, `rewrite`); `None` for a
    /// member of an overlap cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// The share of the left article's words inside the shared passages, 0 to 1, to
    /// three decimals.
    pub left_coverage: f64,
    /// The share of the right article's words inside them.
    pub right_coverage: f64,
    /// The shared passages, in order on the left article.
    pub passages: Vec<SharedPassage>,
}

impl Pair {
    /// The larger of the two coverages: how much of one article is the other's.
    pub fn coverage(&self) -> f64 {
        self.left_coverage.max(self.right_coverage)
    }
}

/// A passage two articles share: its bytes in each article's body (offsets from the
/// body's first byte, in the text the analyses read).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// Its bytes in the left article's body.
    pub left: (u32, u32),
    /// Its bytes in the right article's body.
    pub right: (u32, u32),
    /// Words of the left side inside exactly matching stretches (the rest are
    /// small edits the alignment bridged).
    pub matched: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_named_by_its_path_its_record_line_or_its_name() {
        let file = PairArticle {
            path: "news/a.md".into(),
            record_line: None,
            article: None,
            line: 5,
            title: String::new(),
            source: None,
            date: None,
            words: 10,
        };
        assert!(file.is_named_by("news/a.md"));
        assert!(file.is_named_by("news/a.md:5"));
        assert!(!file.is_named_by("news/a.md:6"));
        assert!(!file.is_named_by("news/b.md"));
        let record = PairArticle {
            path: "wire.jsonl".into(),
            record_line: Some(3),
            article: Some("w3".into()),
            line: 3,
            ..file
        };
        assert!(record.is_named_by("wire.jsonl"));
        assert!(record.is_named_by("wire.jsonl:3"));
        assert!(record.is_named_by("w3"));
        assert!(!record.is_named_by("wire.jsonl:4"));
    }
}
