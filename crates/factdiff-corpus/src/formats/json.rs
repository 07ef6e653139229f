//! JSON: a file holding one article object, or an array of them, each with the fields
//! of a JSONL record (`text` required; `id`, `title`, `date`, `source`, `url`, `author`
//! optional). A record's line is the line its object opens on.
//!
//! A `.json` file is read when it is named on the command line; a folder walk leaves
//! `.json` files out (in a content repository they are mostly configuration, and
//! factdiff's own baselines and reports are JSON).

use factdiff_findings::Problem;
use serde_json::value::RawValue;

use crate::formats::jsonl::{Record, RecordArticle, record_article};

/// Reads the articles of a JSON file; anything else is a problem naming the file, the
/// line and what is wrong, and no article is made of it.
pub(crate) fn read(path: &str, content: &str, problems: &mut Vec<Problem>) -> Vec<RecordArticle> {
    let top: &RawValue = match serde_json::from_str(content) {
        Ok(top) => top,
        Err(err) => {
            problems.push(Problem::line(
                path,
                err.line() as u32,
                format!(
                    "file is not valid JSON: {} (column {}); no article",
                    reason(&err),
                    err.column()
                ),
            ));
            return Vec::new();
        }
    };
    let line_of = |raw: &RawValue| {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(content.as_ptr() as usize);
        let offset = offset.min(content.len());
        memchr::memchr_iter(b'\n', &content.as_bytes()[..offset]).count() as u32 + 1
    };
    let elements: Vec<&RawValue> = match top.get().as_bytes().first() {
        Some(b'{') => vec![top],
        Some(b'[') => match serde_json::from_str(top.get()) {
            Ok(elements) => elements,
            Err(err) => {
                problems.push(Problem::line(
                    path,
                    line_of(top),
                    format!("file is not valid JSON: {}; no article", reason(&err)),
                ));
                return Vec::new();
            }
        },
        _ => {
            problems.push(Problem::line(
                path,
                line_of(top),
                format!(
                    "a JSON file must hold an article object (with `text`) or an array of them, not {}; no article",
                    kind(top)
                ),
            ));
            return Vec::new();
        }
    };
    if elements.is_empty() {
        problems.push(Problem::line(
            path,
            line_of(top),
            "the array holds no article; no article",
        ));
    }
    let mut out = Vec::new();
    for (idx, raw) in elements.into_iter().enumerate() {
        let line_no = line_of(raw);
        if !raw.get().starts_with('{') {
            problems.push(Problem::line(
                path,
                line_no,
                format!(
                    "element {} of the array is {}, not an article object; skipped",
                    idx + 1,
                    kind(raw)
                ),
            ));
            continue;
        }
        match serde_json::from_str::<Record>(raw.get()) {
            Ok(record) => {
                if let Some(article) = record_article(path, line_no, record, problems) {
                    out.push(article);
                }
            }
            Err(err) => problems.push(Problem::line(
                path,
                line_no,
                format!("record is not an article object: {}", reason(&err)),
            )),
        }
    }
    out
}

/// serde_json's message without its own ` at line L column C`.
fn reason(err: &serde_json::Error) -> String {
    let reason = err.to_string();
    reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .to_owned()
}

/// What a JSON value is, for messages: `a string`, `a number`, ...
fn kind(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(content: &str) -> (Vec<RecordArticle>, Vec<Problem>) {
        let mut problems = Vec::new();
        let records = read("a.json", content, &mut problems);
        (records, problems)
    }

    #[test]
    fn an_array_of_articles_with_the_line_each_opens_on() {
        let content = "[\n  {\"id\": \"a1\", \"date\": \"March 3, 2025\",\n   \"text\": \"One.\"},\n  {\"title\": \"T\", \"text\": \"Two.\"},\n  {\"title\": \"no text\"},\n  \"a string\",\n  {\"text\": 3}\n]\n";
        let (records, problems) = read_str(content);
        let got: Vec<_> = records
            .iter()
            .map(|r| (r.line, r.meta.id.as_deref(), r.text.as_str()))
            .collect();
        assert_eq!(got, [(2, Some("a1"), "One."), (4, None, "Two.")]);
        assert_eq!(records[0].meta.date.unwrap().to_string(), "2025-03-03");
        let problems: Vec<_> = problems
            .iter()
            .map(|p| (p.line.unwrap(), p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (5, "record has no `text` field; skipped"),
                (
                    6,
                    "element 4 of the array is a string, not an article object; skipped"
                ),
                (
                    7,
                    "record is not an article object: invalid type: integer `3`, expected a string"
                ),
            ]
        );
    }

    #[test]
    fn one_object_is_one_article() {
        let (records, problems) = read_str("\n{\"text\": \"Rain fell.\", \"title\": \"Rain\"}");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(records.len(), 1);
        assert_eq!(
            (records[0].line, records[0].meta.title.as_str()),
            (2, "Rain")
        );
    }

    #[test]
    fn anything_else_is_refused_with_what_is_wrong() {
        for (content, line, want) in [
            (
                "{\"text\": \"x\",\n \"title\": }",
                2,
                "file is not valid JSON: expected value (column 11); no article",
            ),
            (
                "\"just a string\"",
                1,
                "a JSON file must hold an article object (with `text`) or an array of them, not a string; no article",
            ),
            ("42", 1, "not a number; no article"),
            ("[]", 1, "the array holds no article"),
            (
                "{\"version\": 1, \"findings\": []}",
                1,
                "record has no `text` field; skipped",
            ),
        ] {
            let (records, problems) = read_str(content);
            assert!(records.is_empty(), "{content}");
            assert_eq!(problems.len(), 1, "{content}: {problems:?}");
            assert_eq!(problems[0].line, Some(line), "{content}");
            assert!(
                problems[0].message.contains(want),
                "{content}: {}",
                problems[0].message
            );
        }
    }
}
