//! The listing of `factdiff corpus`: one row per article.
//!
//! JSON: `{ "version": 1, "articles": [ { "path", "record_line"?, "format", "title",
//! "date"?, "date_source"?, "source"?, "url"?, "author"?, "id"?, "paragraphs",
//! "sentences", "words", "bytes" } ], "problems": [...] }`.

use std::io::{self, Write};

use factdiff_findings::Problem;
use serde::{Deserialize, Serialize};

/// One article as the listing shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Path relative to the working directory.
    pub path: String,
    /// A JSONL record's line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_line: Option<u32>,
    /// `txt`, `markdown`, `jsonl` or `html`.
    pub format: String,
    /// The title.
    pub title: String,
    /// The article's date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the date came from: `front-matter`, `record`, `html-meta` or `inferred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    /// The publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// A JSONL record's own `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Paragraph count.
    pub paragraphs: usize,
    /// Sentence count.
    pub sentences: usize,
    /// Word count.
    pub words: usize,
    /// Bytes of text.
    pub bytes: usize,
}

#[derive(Serialize)]
struct Listing<'a> {
    version: u32,
    articles: &'a [ArticleRow],
    problems: &'a [Problem],
}

/// Writes the listing as JSON.
pub fn render_json(
    rows: &[ArticleRow],
    problems: &[Problem],
    out: &mut dyn Write,
) -> io::Result<()> {
    crate::json::write_json(
        &Listing {
            version: crate::json::VERSION,
            articles: rows,
            problems,
        },
        out,
    )
}

/// Writes the listing as text: a block per article, then a total. (The CLI writes the
/// input problems to standard error.)
pub fn render_text(
    rows: &[ArticleRow],
    problems: &[Problem],
    out: &mut dyn Write,
) -> io::Result<()> {
    for row in rows {
        match row.record_line {
            Some(line) => writeln!(out, "{}:{}", row.path, line)?,
            None => writeln!(out, "{}", row.path)?,
        }
        writeln!(out, "  title:     {}", row.title)?;
        let date = match (&row.date, &row.date_source) {
            (Some(date), Some(from)) => format!("{date} ({from})"),
            (Some(date), None) => date.clone(),
            _ => "unknown".to_owned(),
        };
        writeln!(out, "  date:      {date}")?;
        if let Some(source) = &row.source {
            writeln!(out, "  source:    {source}")?;
        }
        writeln!(
            out,
            "  format:    {}, {}, {}, {}",
            row.format,
            crate::text::plural(row.paragraphs, "paragraph", "paragraphs"),
            crate::text::plural(row.sentences, "sentence", "sentences"),
            crate::text::plural(row.words, "word", "words"),
        )?;
    }
    let words: usize = rows.iter().map(|r| r.words).sum();
    writeln!(
        out,
        "{}, {}, {}",
        crate::text::plural(rows.len(), "article", "articles"),
        crate::text::plural(words, "word", "words"),
        crate::text::plural(problems.len(), "input problem", "input problems"),
    )
}
