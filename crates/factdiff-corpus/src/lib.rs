//! Files to articles.
//!
//! factdiff-corpus discovers input files (in parallel, honouring `.gitignore` and
//! exclude globs), reads `.txt`, `.md` (with TOML or YAML front matter), `.jsonl`,
//! `.json` (when named) and `.html`, and turns each into [`Article`]s with paragraphs, sentences and words as
//! byte spans, and a map from every span back to a file, line and column.
//!
//! Broken input is not an error: [`load`] returns the articles it could read plus a
//! [`Problem`] for each file or line it could not. Inputs are only ever read.
//!
//! ```
//! use factdiff_corpus::{Corpus, Input};
//!
//! let corpus = Corpus::from_inputs(vec![Input {
//!     path: "quake.md".into(),
//!     bytes: b"+++\ndate = 2025-10-14\n+++\nAt least 140 people died. Aid arrived on Aug. 7.\n".to_vec(),
//! }]);
//! let article = &corpus.articles[0];
//! assert_eq!(article.meta.date.unwrap().to_string(), "2025-10-14");
//! assert_eq!(article.sentences.len(), 2);
//! let loc = article.location(article.sentences[1].span, factdiff_findings::Role::Primary);
//! assert_eq!((loc.line, loc.column, loc.text.as_str()), (4, 27, "Aid arrived on Aug. 7."));
//! ```
#![deny(missing_docs)]

mod article;
mod decode;
mod discover;
mod formats;
mod original;
mod segment;
mod span;
pub mod suppress;
mod text;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub use article::{
    Article, ArticleId, DateSource, Format, Meta, line_column, line_column_of, line_starts,
};
pub use discover::{DiscoverError, Discovery, FoundFile, discover};
pub use factdiff_findings::Problem;
pub use original::OriginalRank;
use rayon::prelude::*;
pub use segment::{Paragraph, Sentence, Words, dateline};
pub use span::Span;
pub use text::ArticleText;

use crate::article::Origin;

/// The articles read from a set of paths, sorted by path then record, with the
/// problems met on the way.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// Articles; `articles[i].id == ArticleId(i)`.
    pub articles: Vec<Article>,
    /// Problems with the input, sorted by path and line.
    pub problems: Vec<Problem>,
}

/// Where to look and what to leave out.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// The working directory: report paths are made relative to it.
    pub cwd: PathBuf,
    /// Glob patterns (gitignore syntax, relative to `cwd`) of files to leave out.
    pub exclude: Vec<String>,
}

/// One input file's path (as reported) and bytes.
#[derive(Clone, Debug)]
pub struct Input {
    /// Path relative to the working directory, with `/` separators.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Discovers the files under `paths`, reads them in parallel and builds the corpus.
///
/// An error is returned only for a usage mistake: a path that does not exist or an
/// exclude glob that does not parse. Everything else is a [`Problem`].
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus, DiscoverError> {
    load_counted(paths, options, &LoadCounts::default())
}

/// How far a load has come, for a caller that shows progress (the CLI polls it from
/// another thread; this crate never draws anything). Counts only grow.
#[derive(Debug, Default)]
pub struct LoadCounts {
    /// Files found, once discovery is over (0 before).
    pub files: AtomicUsize,
    /// Files read and parsed so far.
    pub files_read: AtomicUsize,
    /// Articles read so far (a JSONL file holds many).
    pub articles: AtomicUsize,
}

/// [`load`], counting the files and articles read into `counts` as it goes.
pub fn load_counted(
    paths: &[PathBuf],
    options: &LoadOptions,
    counts: &LoadCounts,
) -> Result<Corpus, DiscoverError> {
    let Discovery { files, problems } = discover(paths, options)?;
    counts.files.store(files.len(), Ordering::Relaxed);
    let read: Vec<(Vec<Article>, Vec<Problem>)> = files
        .par_iter()
        .map(|file| {
            let read = match std::fs::read(&file.fs_path) {
                Ok(bytes) => read_file_owned(&file.path, bytes, file.format),
                Err(err) => (
                    Vec::new(),
                    vec![Problem::file(&file.path, format!("cannot be read: {err}"))],
                ),
            };
            counts.articles.fetch_add(read.0.len(), Ordering::Relaxed);
            counts.files_read.fetch_add(1, Ordering::Relaxed);
            read
        })
        .collect();
    Ok(assemble(read, problems))
}

impl Corpus {
    /// Builds a corpus from files already in memory (for tests, fuzzing and embedding).
    /// The format is chosen by extension, plain text when there is none.
    pub fn from_inputs(inputs: Vec<Input>) -> Corpus {
        let read = inputs
            .par_iter()
            .map(|input| {
                let format = Path::new(&input.path)
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(Format::from_extension)
                    .unwrap_or(Format::Txt);
                read_file(&input.path, &input.bytes, format)
            })
            .collect();
        assemble(read, Vec::new())
    }

    /// Total bytes of article text.
    pub fn text_bytes(&self) -> usize {
        self.articles.iter().map(|a| a.text.len()).sum()
    }
}

fn assemble(read: Vec<(Vec<Article>, Vec<Problem>)>, mut problems: Vec<Problem>) -> Corpus {
    // Sized before it is filled: grown by doubling, the list of every article held
    // up to twice its size through the run (issue 14: 54 MiB at Reuters 16x).
    let mut articles = Vec::with_capacity(read.iter().map(|(arts, _)| arts.len()).sum());
    for (arts, probs) in read {
        articles.extend(arts);
        problems.extend(probs);
    }
    articles.sort_by(|a, b| (&*a.path, a.record_line).cmp(&(&*b.path, b.record_line)));
    for (idx, article) in articles.iter_mut().enumerate() {
        article.id = ArticleId(idx as u32);
    }
    problems.sort();
    problems.dedup();
    Corpus { articles, problems }
}

/// Reads one file's bytes as the given format.
pub fn read_file(path: &str, bytes: &[u8], format: Format) -> (Vec<Article>, Vec<Problem>) {
    read_decoded(path, decode::decode(bytes), format)
}

/// [`read_file`], taking the bytes (the text is made of them in place).
fn read_file_owned(path: &str, bytes: Vec<u8>, format: Format) -> (Vec<Article>, Vec<Problem>) {
    read_decoded(path, decode::decode_owned(bytes), format)
}

fn read_decoded(
    path: &str,
    decoded: Result<decode::Decoded, decode::DecodeError>,
    format: Format,
) -> (Vec<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(err) => {
            let message = match err {
                decode::DecodeError::Binary => "binary file (it holds NUL bytes); skipped",
                decode::DecodeError::Utf16 => "UTF-16 text is not supported; save it as UTF-8",
                decode::DecodeError::TooLarge => "file is over 4 GiB; skipped",
            };
            return (Vec::new(), vec![Problem::file(path, message)]);
        }
    };
    if decoded.lossy {
        problems.push(Problem::file(
            path,
            "invalid UTF-8; the bad bytes were read as U+FFFD",
        ));
    }
    if decoded.text.trim().is_empty() {
        problems.push(Problem::file(path, "empty file; no article"));
        return (Vec::new(), problems);
    }
    let articles = match format {
        Format::Txt | Format::Markdown => {
            let (meta, body) = formats::markdown::read(
                path,
                &decoded.text,
                format == Format::Markdown,
                &mut problems,
            );
            if decoded.text[body.range()].trim().is_empty() {
                problems.push(Problem::file(
                    path,
                    "no text after the front matter; no article",
                ));
                Vec::new()
            } else {
                let map = article::FileMap {
                    shifts: decoded.shifts.into_boxed_slice(),
                    lines: article::line_starts(&decoded.text).into_boxed_slice(),
                };
                vec![Article::new(
                    path.into(),
                    None,
                    format,
                    meta,
                    ArticleText::whole(decoded.text),
                    body,
                    Origin::File(Box::new(map)),
                )]
            }
        }
        Format::Jsonl | Format::Json => {
            let records = if format == Format::Jsonl {
                formats::jsonl::read(path, &decoded.text, &mut problems)
            } else {
                formats::json::read(path, &decoded.text, &mut problems)
            };
            // The records own their texts: the file's is not needed beside them.
            drop(decoded);
            archive_articles(path, format, records)
        }
        Format::Html => {
            let extracted = formats::html::extract(&decoded.text);
            if extracted.text.trim().is_empty() {
                problems.push(Problem::file(
                    path,
                    "no visible text in the HTML; no article",
                ));
                Vec::new()
            } else {
                let body = Span::new(0, extracted.text.len());
                let mut meta = Meta {
                    title: extracted.title.unwrap_or_default(),
                    ..Meta::default()
                };
                let untitled = meta.title.is_empty();
                if untitled {
                    meta.title = formats::first_line_title(&extracted.text, body);
                }
                // The head's date meta, else a header line of the visible text.
                if let Some(date) = extracted
                    .date
                    .as_deref()
                    .and_then(|d| formats::parse_date(d).ok())
                {
                    meta.date = Some(date);
                    meta.date_source = Some(DateSource::HtmlMeta);
                } else if let Some(date) = formats::header_date(&extracted.text, body, &meta.title)
                {
                    meta.date = Some(date);
                    meta.date_source = Some(DateSource::Inferred);
                    if untitled
                        && let Some(title) = formats::title_after_header(&extracted.text, body)
                    {
                        meta.title = title;
                    }
                }
                // Compose the text-to-source map with the decoding map.
                let shifts = extracted
                    .shifts
                    .iter()
                    .map(|&(t, s)| (t, file_offset(&decoded.shifts, s)))
                    .collect();
                let source_lines = article::line_starts(&decoded.text);
                let source_marks = article::CharMarks::new(&decoded.text);
                vec![Article::new(
                    path.into(),
                    None,
                    Format::Html,
                    meta,
                    ArticleText::whole(extracted.text),
                    body,
                    Origin::Extracted(Box::new(article::Markup {
                        shifts,
                        source: decoded.text.into(),
                        source_lines,
                        source_marks,
                    })),
                )]
            }
        }
    };
    (articles, problems)
}

/// The articles of an archive's records, in order: their texts side by side in
/// shared buffers of about [`text::ARCHIVE_BUFFER`] bytes (one allocation for many
/// texts, not one each that the allocator rounds up), each run of records that fills
/// one segmented in parallel with the others.
fn archive_articles(
    path: &str,
    format: Format,
    records: Vec<formats::jsonl::RecordArticle>,
) -> Vec<Article> {
    let path: std::sync::Arc<str> = path.into();
    let mut runs: Vec<Vec<formats::jsonl::RecordArticle>> = Vec::new();
    let mut size = usize::MAX;
    for record in records {
        if size.saturating_add(record.text.len()) > text::ARCHIVE_BUFFER {
            runs.push(Vec::new());
            size = 0;
        }
        size += record.text.len();
        runs.last_mut().expect("a run was started").push(record);
    }
    let articles: Vec<Vec<Article>> = runs
        .into_par_iter()
        .map(|run| {
            let mut joined = String::with_capacity(run.iter().map(|r| r.text.len()).sum());
            let mut spans = Vec::with_capacity(run.len());
            for record in &run {
                let start = joined.len();
                joined.push_str(&record.text);
                spans.push((start, joined.len()));
            }
            let buffer: std::sync::Arc<str> = joined.into();
            run.into_par_iter()
                .zip(spans)
                .map(|(record, (start, end))| {
                    Article::new(
                        std::sync::Arc::clone(&path),
                        Some(record.line),
                        format,
                        record.meta,
                        ArticleText::part(&buffer, start, end),
                        record.body,
                        Origin::Record { line: record.line },
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    articles.into_iter().flatten().collect()
}

/// Maps an offset in decoded text to the file offset (BOM, replaced bytes).
fn file_offset(shifts: &[(u32, u32)], offset: u32) -> u32 {
    let idx = shifts.partition_point(|&(t, _)| t <= offset);
    match idx.checked_sub(1).map(|i| shifts[i]) {
        Some((t, s)) => s + (offset - t),
        None => offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_counts_its_files_and_articles() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title\n\nOne article.\n").unwrap();
        std::fs::write(
            dir.path().join("b.jsonl"),
            "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n{\"text\": \"Three.\"}\n",
        )
        .unwrap();
        let counts = LoadCounts::default();
        let options = LoadOptions {
            cwd: dir.path().to_path_buf(),
            exclude: Vec::new(),
        };
        let corpus = load_counted(&[PathBuf::from(".")], &options, &counts).unwrap();
        assert_eq!(corpus.articles.len(), 4);
        assert_eq!(counts.files.load(Ordering::Relaxed), 2);
        assert_eq!(counts.files_read.load(Ordering::Relaxed), 2);
        assert_eq!(counts.articles.load(Ordering::Relaxed), 4);
    }

    fn one(path: &str, bytes: &[u8]) -> (Vec<Article>, Vec<Problem>) {
        let format = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .unwrap_or(Format::Txt);
        read_file(path, bytes, format)
    }

    #[test]
    fn crlf_and_bom_keep_file_offsets() {
        let bytes = "\u{FEFF}Title\r\nAt least 37 people died.\r\n".as_bytes();
        let (arts, problems) = one("a.txt", bytes);
        assert!(problems.is_empty());
        let a = &arts[0];
        assert_eq!(a.meta.title, "Title");
        let start = a.text.find("37").unwrap();
        let loc = a.location(
            Span::new(start, start + 2),
            factdiff_findings::Role::Primary,
        );
        assert_eq!((loc.line, loc.column), (2, 10));
        assert_eq!(&bytes[loc.byte_start..loc.byte_end], b"37");
    }

    #[test]
    fn invalid_utf8_is_read_lossily_with_a_problem() {
        let (arts, problems) = one("a.txt", b"Caf\xE9 owners said 12 people\nwere hurt.\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("invalid UTF-8"));
        let a = &arts[0];
        let start = a.text.find("12").unwrap();
        let loc = a.location(
            Span::new(start, start + 2),
            factdiff_findings::Role::Primary,
        );
        assert_eq!(loc.byte_start, 17);
        assert_eq!(loc.column, 18);
    }

    #[test]
    fn empty_binary_and_blank_files_are_problems() {
        for (path, bytes, want) in [
            ("e.txt", &b""[..], "empty file"),
            ("w.md", &b"  \n\n"[..], "empty file"),
            ("b.txt", &b"\x89PNG\r\n\x1a\n\x00\x00"[..], "binary file"),
            ("e.jsonl", &b""[..], "empty file"),
            (
                "f.md",
                &b"+++\ntitle = \"x\"\n+++\n\n"[..],
                "no text after the front matter",
            ),
            (
                "h.html",
                &b"<html><script>x</script></html>"[..],
                "no visible text",
            ),
        ] {
            let (arts, problems) = one(path, bytes);
            assert!(arts.is_empty(), "{path}");
            assert!(problems[0].message.contains(want), "{path}: {problems:?}");
        }
    }

    #[test]
    fn jsonl_locations_point_into_the_text_field() {
        let (arts, _) = one(
            "w.jsonl",
            b"{\"text\": \"a\"}\n{\"text\": \"Rain \\u00e9 fell: 12 mm.\"}\n",
        );
        let a = &arts[1];
        let start = a.text.find("12").unwrap();
        let loc = a.location(
            Span::new(start, start + 2),
            factdiff_findings::Role::Primary,
        );
        assert_eq!(loc.line, 2);
        assert_eq!(loc.column, 14);
        assert_eq!(loc.field.as_deref(), Some("text"));
        assert_eq!((loc.byte_start, loc.byte_end), (start, start + 2));
    }

    #[test]
    fn html_locations_point_into_the_file() {
        let src = b"<p>First line</p>\n<p>Second: 40 dead</p>";
        let (arts, _) = one("x.html", src);
        let a = &arts[0];
        let start = a.text.find("40").unwrap();
        let loc = a.location(
            Span::new(start, start + 2),
            factdiff_findings::Role::Primary,
        );
        assert_eq!((loc.line, loc.column), (2, 12));
        assert_eq!(&src[loc.byte_start..loc.byte_end], b"40");
        assert_eq!(
            a.source_lines(Span::new(start, start + 2)),
            (2, "<p>Second: 40 dead</p>")
        );
    }

    #[test]
    fn quotes_give_the_source_line_and_range() {
        let (arts, _) = one("q.txt", "Title\r\nAt least 37 people died.\r\n".as_bytes());
        let a = &arts[0];
        let start = a.text.find("37").unwrap();
        let loc = a.location(
            Span::new(start, start + 9),
            factdiff_findings::Role::Primary,
        );
        let (line, text, range) = a.quote(&loc).unwrap();
        assert_eq!((line, text), (2, "At least 37 people died."));
        assert_eq!(&text[range], "37 people");

        let (arts, _) = one(
            "q.jsonl",
            b"{\"text\": \"First\\nRain \\u00e9 fell: 12 mm.\"}\n",
        );
        let a = &arts[0];
        let start = a.text.find("12").unwrap();
        let loc = a.location(
            Span::new(start, start + 2),
            factdiff_findings::Role::Primary,
        );
        let (line, text, range) = a.quote(&loc).unwrap();
        assert_eq!((line, text), (1, "Rain \u{e9} fell: 12 mm."));
        assert_eq!(&text[range], "12");

        let long = format!("{} needle {}", "x ".repeat(400), "y ".repeat(400));
        let (arts, _) = one("l.txt", long.as_bytes());
        let a = &arts[0];
        let start = a.text.find("needle").unwrap();
        let loc = a.location(
            Span::new(start, start + 6),
            factdiff_findings::Role::Primary,
        );
        let (_, text, range) = a.quote(&loc).unwrap();
        assert!(text.len() < 300);
        assert_eq!(&text[range], "needle");
    }

    /// An archive's records hold spans of shared buffers: each reads, locates and
    /// quotes its own text across the buffers' ends, and one text longer than a
    /// buffer has one of its own.
    #[test]
    fn archive_records_share_buffers_and_keep_their_texts() {
        let mut texts: Vec<String> = (0..3000)
            .map(|i| {
                format!(
                    "Record {i} says {} people came. {}",
                    i * 7,
                    "word ".repeat(i % 97)
                )
            })
            .collect();
        texts.insert(
            1500,
            format!("Long {} end.", "x".repeat(text::ARCHIVE_BUFFER + 10)),
        );
        let file: String = texts
            .iter()
            .map(|t| format!("{}\n", serde_json::json!({ "id": t.len(), "text": t })))
            .collect();
        let (arts, problems) = one("a.jsonl", file.as_bytes());
        assert!(problems.is_empty());
        assert_eq!(arts.len(), texts.len());
        for (i, (article, text)) in arts.iter().zip(&texts).enumerate() {
            assert_eq!(&*article.text, text.as_str());
            assert_eq!(article.record_line, Some(i as u32 + 1));
            let start = text.find(" says ").unwrap_or(0);
            let loc = article.location(
                Span::new(start, start + 5),
                factdiff_findings::Role::Primary,
            );
            assert_eq!(loc.text.as_str(), &text[start..start + 5]);
            assert_eq!(loc.line, i as u32 + 1);
        }
    }

    #[test]
    fn ids_follow_path_then_record_order() {
        let corpus = Corpus::from_inputs(vec![
            Input {
                path: "b.txt".into(),
                bytes: b"B text.".to_vec(),
            },
            Input {
                path: "a.jsonl".into(),
                bytes: b"{\"text\":\"one\"}\n{\"text\":\"two\"}".to_vec(),
            },
        ]);
        let keys: Vec<_> = corpus
            .articles
            .iter()
            .map(|a| (a.id.0, &*a.path, a.record_line))
            .collect();
        assert_eq!(
            keys,
            [
                (0, "a.jsonl", Some(1)),
                (1, "a.jsonl", Some(2)),
                (2, "b.txt", None)
            ]
        );
    }
}
