//! Source lines for the text report, from the corpus.

use std::collections::BTreeMap;

use factdiff_corpus::{Article, Corpus};
use factdiff_findings::{Location, PairArticle};
use factdiff_report::{Quote, Sources};

/// Looks up the article behind a location by path (and record line for JSONL).
pub struct CorpusSources<'a> {
    by_path: BTreeMap<&'a str, Vec<&'a Article>>,
}

impl<'a> CorpusSources<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let mut by_path: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
        for article in &corpus.articles {
            by_path.entry(&*article.path).or_default().push(article);
        }
        CorpusSources { by_path }
    }
}

impl<'a> CorpusSources<'a> {
    /// The article of a path, a record's line and name (a JSON array written on one
    /// line has several records on a line).
    fn article(&self, path: &str, line: Option<u32>, name: Option<&str>) -> Option<&'a Article> {
        let articles = self.by_path.get(path)?;
        articles
            .iter()
            .find(|article| article.record_line == line && article.record_name() == name)
            .copied()
    }
}

impl Sources for CorpusSources<'_> {
    fn body(&self, article: &PairArticle) -> Option<String> {
        let found = self.article(
            &article.path,
            article.record_line,
            article.article.as_deref(),
        )?;
        Some(found.slice(found.body).to_owned())
    }

    fn quote(&self, location: &Location) -> Option<Quote> {
        let articles = self.by_path.get(location.path.as_str())?;
        articles.iter().find_map(|article| {
            // A record: the one on the location's line with the location's name (a
            // JSON array written on one line has several records on a line).
            if article
                .record_line
                .is_some_and(|line| line != location.line)
                || article.record_name() != location.article.as_deref()
            {
                return None;
            }
            let (first_line, text, range) = article.quote(location)?;
            Some(Quote {
                first_line,
                text: text.to_owned(),
                range,
            })
        })
    }
}
