//! JSONL: one JSON object a line, each an article. `text` is required; `id`, `title`,
//! `date` (a string in the forms `parse_date` reads, or Unix seconds as a number),
//! `source`, `url` and `author` are optional; other fields are ignored.

use factdiff_findings::Problem;
use serde::Deserialize;

use crate::article::{DateSource, Meta};
use crate::formats::{first_line_title, parse_date, unix_date};
use crate::span::Span;

/// The fields factdiff reads from a record.
#[derive(Deserialize)]
pub(crate) struct Record {
    text: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    id: Option<String>,
    title: Option<String>,
    date: Option<serde_json::Value>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(de)?;
    Ok(match value {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// One record read from a JSONL file.
pub(crate) struct RecordArticle {
    pub line: u32,
    pub meta: Meta,
    pub text: String,
    pub body: Span,
}

/// Reads every record; a line that is not JSON, or a record without `text`, is a
/// problem naming `path:LINE`, and the other records are still read.
pub(crate) fn read(path: &str, content: &str, problems: &mut Vec<Problem>) -> Vec<RecordArticle> {
    use rayon::prelude::*;
    let lines: Vec<(u32, &str)> = content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(idx, line)| (idx as u32 + 1, line))
        .collect();
    let parsed: Vec<(u32, Result<Record, serde_json::Error>)> = lines
        .par_iter()
        .map(|&(line_no, line)| (line_no, serde_json::from_str(line)))
        .collect();
    let mut out = Vec::new();
    for (line_no, parsed) in parsed {
        let record: Record = match parsed {
            Ok(record) => record,
            Err(err) => {
                // serde_json counts lines within the one line it was given: keep the
                // column, the line is ours.
                let reason = err.to_string();
                let reason = reason
                    .split(" at line ")
                    .next()
                    .unwrap_or(&reason)
                    .to_owned();
                let what = if err.is_data() {
                    format!(
                        "record is not an article object: {reason} (column {})",
                        err.column()
                    )
                } else {
                    format!("line is not valid JSON: {reason} (column {})", err.column())
                };
                problems.push(Problem::line(path, line_no, what));
                continue;
            }
        };
        if let Some(article) = record_article(path, line_no, record, problems) {
            out.push(article);
        }
    }
    out
}

/// One record as an article, or `None` with a problem naming `path:line_no` when it
/// has no usable `text`. Shared by JSONL and JSON files.
pub(crate) fn record_article(
    path: &str,
    line_no: u32,
    record: Record,
    problems: &mut Vec<Problem>,
) -> Option<RecordArticle> {
    let Some(text) = record.text else {
        problems.push(Problem::line(
            path,
            line_no,
            "record has no `text` field; skipped",
        ));
        return None;
    };
    if text.trim().is_empty() {
        problems.push(Problem::line(
            path,
            line_no,
            "record's `text` is empty; skipped",
        ));
        return None;
    }
    if text.len() > u32::MAX as usize {
        problems.push(Problem::line(
            path,
            line_no,
            "record's `text` is over 4 GiB; skipped",
        ));
        return None;
    }
    let mut meta = Meta {
        id: record.id.map(String::into_boxed_str),
        title: record.title.unwrap_or_default(),
        source: record.source.map(String::into_boxed_str),
        url: record.url.map(String::into_boxed_str),
        author: record.author.map(String::into_boxed_str),
        ..Meta::default()
    };
    let date = match &record.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(parse_date(s)),
        Some(serde_json::Value::Number(n)) => Some(unix_date(n)),
        Some(other) => Some(Err(format!(
            "`{other}` is not a date (expected a string, or Unix seconds as a number)"
        ))),
    };
    match date {
        Some(Ok(date)) => {
            meta.date = Some(date);
            meta.date_source = Some(DateSource::Record);
        }
        Some(Err(msg)) => problems.push(Problem::line(
            path,
            line_no,
            format!("field `date`: {msg}; the record is read without a date"),
        )),
        None => {}
    }
    let body = Span::new(0, text.len());
    if meta.title.is_empty() {
        meta.title = first_line_title(&text, body);
    }
    Some(RecordArticle {
        line: line_no,
        meta,
        text,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_their_problems() {
        let content = concat!(
            "{\"id\": 7, \"title\": \"T\", \"date\": \"2025-01-02\", \"text\": \"One.\"}\n",
            "\n",
            "not json\n",
            "{\"title\": \"no text\"}\n",
            "[1, 2]\n",
            "{\"text\": \"Two.\\nLines\", \"date\": \"soon\", \"extra\": true}\n",
        );
        let mut problems = Vec::new();
        let records = read("a.jsonl", content, &mut problems);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].meta.id.as_deref(), Some("7"));
        assert_eq!(records[0].meta.date.unwrap().to_string(), "2025-01-02");
        assert_eq!(records[1].line, 6);
        assert_eq!(records[1].meta.title, "Two.");
        let lines: Vec<_> = problems.iter().map(|p| p.line.unwrap()).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert!(problems[0].message.contains("not valid JSON"));
        assert!(problems[1].message.contains("no `text`"));
    }
}
