//! Plain text and Markdown: the file is the text; Markdown may open with front matter,
//! TOML between `+++` lines or YAML between `---` lines, and so may plain text when its
//! front matter is whole and well formed.

use factdiff_findings::Problem;

use crate::article::{DateSource, Meta};
use crate::formats::{first_line_title, header_date, parse_date, title_after_header};
use crate::span::Span;

/// Front matter found at the top of a file.
pub(crate) struct FrontMatter {
    pub meta: Meta,
    /// Where the article's body starts (after the closing delimiter line).
    pub body_start: usize,
}

/// Reads front matter at the start of `text`, if the file opens with `+++` or `---`.
/// A broken front matter is a problem; the body then starts after it all the same.
pub(crate) fn front_matter(
    path: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Option<FrontMatter> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let delim = text[..first_line_end].trim_end();
    let is_toml = match delim {
        "+++" => true,
        "---" => false,
        _ => return None,
    };
    // Find the closing delimiter line.
    let mut offset = first_line_end;
    let mut line_no = 2u32;
    let mut close = None;
    for line in text[first_line_end..].split_inclusive('\n') {
        if line.trim_end() == delim {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
        line_no += 1;
    }
    let Some((close_start, body_start)) = close else {
        problems.push(Problem::line(
            path,
            1,
            format!(
                "front matter opened with `{delim}` is never closed; reading the file as plain text"
            ),
        ));
        return None;
    };
    let raw = &text[first_line_end..close_start];
    let mut meta = Meta::default();
    let parsed = if is_toml {
        parse_toml(raw, &mut meta)
    } else {
        parse_yaml(raw, &mut meta)
    };
    if let Err((line, message)) = parsed {
        let kind = if is_toml { "TOML" } else { "YAML" };
        problems.push(Problem::line(
            path,
            1 + line,
            format!("broken {kind} front matter: {message}; its metadata is ignored"),
        ));
        meta = Meta::default();
    }
    let _ = line_no;
    Some(FrontMatter { meta, body_start })
}

/// Sets a metadata key. Unknown keys are kept out of the article but are not errors:
/// front matter is shared with site generators that have keys of their own.
fn set_key(meta: &mut Meta, key: &str, value: String) -> Result<(), String> {
    match key {
        "title" => meta.title = value,
        "date" => {
            meta.date = Some(parse_date(&value)?);
            meta.date_source = Some(DateSource::FrontMatter);
        }
        "source" => meta.source = Some(value.into_boxed_str()),
        "url" => meta.url = Some(value.into_boxed_str()),
        "author" => meta.author = Some(value.into_boxed_str()),
        _ => {}
    }
    Ok(())
}

/// Returns the 1-based line within the front matter and the message on error.
fn parse_toml(raw: &str, meta: &mut Meta) -> Result<(), (u32, String)> {
    let table: toml::Table = raw.parse().map_err(|err: toml::de::Error| {
        let line = err
            .span()
            .map_or(1, |span| crate::article::line_column_of(raw, span.start).0);
        (line, err.message().to_owned())
    })?;
    for (key, value) in table {
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) => dt.to_string(),
            other => other.to_string(),
        };
        let line = raw
            .lines()
            .position(|l| l.trim_start().starts_with(key.as_str()))
            .map_or(1, |i| i as u32 + 1);
        set_key(meta, &key, text).map_err(|msg| (line, format!("key `{key}`: {msg}")))?;
    }
    Ok(())
}

fn parse_yaml(raw: &str, meta: &mut Meta) -> Result<(), (u32, String)> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(raw)
        .map_err(|err| (err.marker().line() as u32, err.info().to_owned()))?;
    let Some(doc) = docs.into_iter().next() else {
        return Ok(());
    };
    let Yaml::Hash(hash) = doc else {
        if matches!(doc, Yaml::Null) {
            return Ok(());
        }
        return Err((1, "expected `key: value` lines".to_owned()));
    };
    for (key, value) in hash {
        let Yaml::String(key) = key else { continue };
        let text = match value {
            Yaml::String(s) | Yaml::Real(s) => s,
            Yaml::Integer(i) => i.to_string(),
            Yaml::Boolean(b) => b.to_string(),
            _ => continue,
        };
        let line = raw
            .lines()
            .position(|l| l.trim_start().starts_with(key.as_str()))
            .map_or(1, |i| i as u32 + 1);
        set_key(meta, &key, text).map_err(|msg| (line, format!("key `{key}`: {msg}")))?;
    }
    Ok(())
}

/// The metadata and body of a plain text or Markdown file.
pub(crate) fn read(
    path: &str,
    text: &str,
    front: bool,
    problems: &mut Vec<Problem>,
) -> (Meta, Span) {
    // Plain text opens with front matter only when it is whole and well formed: a
    // `.txt` written like a Markdown file (`+++`, keys, `+++`) is read as one, its
    // keys not read as the article's first sentences; a `---` line that opens some
    // other text is a rule, and nothing is reported about it.
    let found = if front {
        front_matter(path, text, problems)
    } else {
        let mut quiet = Vec::new();
        front_matter(path, text, &mut quiet).filter(|_| quiet.is_empty())
    };
    let fronted = found.is_some();
    let (mut meta, body_start) = match found {
        Some(fm) => (fm.meta, fm.body_start),
        None => (Meta::default(), 0),
    };
    let body = Span::new(body_start, text.len());
    let untitled = meta.title.is_empty();
    if untitled {
        meta.title = first_line_title(text, body);
    }
    // A file without front matter (pasted or saved copy) is dated by its header line
    // ("BBC Sport, 17 May 2026"); one with front matter keeps the metadata its author
    // gave, a date left out included (measured on ECB+, docs/evaluation.md).
    if !fronted && let Some(date) = header_date(text, body, &meta.title) {
        meta.date = Some(date);
        meta.date_source = Some(DateSource::Inferred);
        // That header first, the headline under it is the title.
        if untitled && let Some(title) = title_after_header(text, body) {
            meta.title = title;
        }
    }
    (meta, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_front_matter_is_dated_by_its_header_line() {
        let read_text = |text: &str| {
            let mut problems = Vec::new();
            read("a.txt", text, false, &mut problems).0
        };
        let meta = read_text(
            "Court annuls law\n\nBALKAN WIRE, 25 June 2026\n\nVELGRAD - The court ruled.\n",
        );
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2026-06-25")
        );
        assert_eq!(meta.date_source, Some(DateSource::Inferred));
        // Front matter's date, or its leaving the date out, is the author's.
        let meta = read_text("+++\ndate = 2026-06-24\n+++\nBALKAN WIRE, 25 June 2026\nText.\n");
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2026-06-24")
        );
        assert_eq!(meta.date_source, Some(DateSource::FrontMatter));
        let meta = read_text("+++\ntitle = \"T\"\n+++\nBALKAN WIRE, 25 June 2026\nText.\n");
        assert_eq!(meta.date, None);
        // No header line: no date.
        assert_eq!(
            read_text("Title\n\nThe council will meet on Monday, 3 March.\n").date,
            None
        );
    }

    #[test]
    fn toml_and_yaml_front_matter() {
        let mut problems = Vec::new();
        let text = "+++\ntitle = \"Quake\"\ndate = 2025-10-14\nsource = \"Wire\"\n+++\nBody.\n";
        let (meta, body) = read("a.md", text, true, &mut problems);
        assert_eq!(meta.title, "Quake");
        assert_eq!(meta.date.unwrap().to_string(), "2025-10-14");
        assert_eq!(meta.source.as_deref(), Some("Wire"));
        assert_eq!(&text[body.range()], "Body.\n");
        assert!(problems.is_empty());

        let text = "---\ntitle: Floods\ndate: 2025-12-15\nextra: [1, 2]\n---\nBody.\n";
        let (meta, _) = read("b.md", text, true, &mut problems);
        assert_eq!(meta.title, "Floods");
        assert_eq!(meta.date.unwrap().to_string(), "2025-12-15");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn plain_text_reads_front_matter_only_when_it_is_well_formed() {
        let mut problems = Vec::new();
        let text = "+++\ntitle = \"Quake\"\ndate = 2025-10-07\n+++\nThe quake killed 12.\n";
        let (meta, body) = read("a.txt", text, false, &mut problems);
        assert_eq!(meta.title, "Quake");
        assert_eq!(&text[body.range()], "The quake killed 12.\n");
        // A rule opening some text, never closed or not a mapping: plain text, and
        // no problem reported.
        for text in [
            "---\nMinutes of the meeting\n\nThe council met on Monday.\n",
            "---\nMinutes of the meeting\n---\nThe council met on Monday.\n",
        ] {
            let (meta, body) = read("b.txt", text, false, &mut problems);
            assert_eq!(body.start, 0, "{text}");
            assert_eq!(meta.title, "---", "{text}");
        }
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn broken_front_matter_is_named_with_its_line() {
        let mut problems = Vec::new();
        let text = "+++\ntitle = \"Quake\"\ndate = = 3\n+++\nThe body\n";
        let (meta, body) = read("a.md", text, true, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3), "{:?}", problems[0]);
        assert!(problems[0].message.contains("broken TOML front matter"));
        assert_eq!(meta.title, "The body");
        assert_eq!(&text[body.range()], "The body\n");

        let mut problems = Vec::new();
        let text = "---\ntitle: x\ndate: yesterday\n---\nBody\n";
        read("b.md", text, true, &mut problems);
        assert_eq!(problems[0].line, Some(3), "{:?}", problems[0]);
        assert!(problems[0].message.contains("`yesterday` is not a date"));

        let mut problems = Vec::new();
        let text = "---\ntitle: x\nno end\n";
        let (meta, _) = read("c.md", text, true, &mut problems);
        assert!(problems[0].message.contains("never closed"));
        assert_eq!(meta.title, "---");
    }
}
