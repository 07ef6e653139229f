//! The article: its text, metadata, segmentation and the map back to the file.

use std::fmt;
use std::sync::Arc;

use factdiff_findings::{Location, Role};
use serde::Serialize;

use crate::segment::{self, Paragraph, Sentence};
use crate::span::Span;
use crate::text::ArticleText;

/// The index of an article in its corpus: stable for the same set of input files,
/// because articles are sorted by path, then record, before IDs are assigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ArticleId(pub u32);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The input format an article was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Txt,
    /// Markdown, with optional TOML (`+++`) or YAML (`---`) front matter.
    Markdown,
    /// One JSON object a line, each an article.
    Jsonl,
    /// A JSON file: one article object, or an array of them. Read only when named,
    /// never in a folder walk.
    Json,
    /// HTML: only the visible text is analysed.
    Html,
}

impl Format {
    /// The format for a file extension (lower-case, without the dot), if factdiff
    /// reads it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// Where an article's date came from, which says how sure it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Front matter `date`: as sure as the author.
    FrontMatter,
    /// A JSONL record's `date` field.
    Record,
    /// An HTML page's publication-date `<meta>` (`article:published_time`, ...).
    HtmlMeta,
    /// Inferred from a header line of the text ("BBC Sport, 17 May 2026",
    /// "Published: June 13, 2013 4:59 PM EDT"): a guess.
    Inferred,
}

/// An article's metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The record's own `id` (JSONL), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<str>>,
    /// The title: front matter or JSONL `title`, else the first non-empty line.
    pub title: String,
    /// The article's date, which anchors relative dates ("last Tuesday").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
    /// Where `date` came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<DateSource>,
    /// The publication or agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<str>>,
    /// Where the article was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Box<str>>,
}

/// How an article's text maps back to the bytes of its file.
#[derive(Clone, Debug)]
pub(crate) enum Origin {
    /// The text is the file's content, less a BOM, with invalid UTF-8 replaced.
    /// Lines and columns are those of the text, which has the file's line breaks.
    /// Boxed, as the map of extracted text is: the articles of archives, most of a
    /// large corpus, have neither (issue 14).
    File(Box<FileMap>),
    /// The text of a record's `text` field ([`RECORD_FIELD`]): offsets and columns
    /// are into the field's value, lines are the record's line.
    Record {
        /// The 1-based line of the record.
        line: u32,
    },
    /// Text extracted from markup (HTML): each checkpoint maps a text offset to a
    /// source offset; lines and columns come from the source. Boxed: a record's
    /// origin, held by most articles of a large corpus, is 8 bytes (issue 14).
    Extracted(Box<Markup>),
}

/// The field of a JSONL or JSON record that holds an article's text.
const RECORD_FIELD: &str = "text";

/// The map of a file's text back to the file's bytes, and its lines.
#[derive(Clone, Debug)]
pub(crate) struct FileMap {
    /// `(text_offset, source_offset)` at each point where the two stop moving
    /// together (after the BOM, after each replaced sequence), sorted by text offset;
    /// the first is at text offset 0.
    pub(crate) shifts: Box<[(u32, u32)]>,
    /// Byte offsets of line starts in the text.
    pub(crate) lines: Box<[u32]>,
}

/// The map of an article extracted from markup back to its source.
#[derive(Clone, Debug)]
pub(crate) struct Markup {
    /// Checkpoints, sorted by text offset.
    pub(crate) shifts: Vec<(u32, u32)>,
    /// The source as lossily decoded UTF-8 (same byte offsets when the file is
    /// valid UTF-8), for lines and columns.
    pub(crate) source: Arc<str>,
    /// Byte offsets of line starts in `source`.
    pub(crate) source_lines: Vec<u32>,
    /// Characters before every few thousand bytes of `source`.
    pub(crate) source_marks: CharMarks,
}

/// One article: a file, or one record of a JSONL or JSON file.
#[derive(Clone, Debug)]
pub struct Article {
    /// Its index in the corpus.
    pub id: ArticleId,
    /// Path relative to the working directory, with `/` separators: held once for
    /// the records of an archive.
    pub path: Arc<str>,
    /// For a JSONL or JSON record, the 1-based line it opens on.
    pub record_line: Option<u32>,
    /// The format it was read from.
    pub format: Format,
    /// Its metadata.
    pub meta: Meta,
    /// The text the analyses read. For txt and Markdown, the file as stored (less a
    /// BOM); for JSONL, the record's `text`; for HTML, the visible text. Shared:
    /// a finding's location quotes it as a span ([`ArticleText::quote`]), not a copy;
    /// the records of one archive share buffers.
    pub text: ArticleText,
    /// The part of `text` that is the article (after any front matter).
    pub body: Span,
    /// Paragraphs, in order.
    pub paragraphs: Box<[Paragraph]>,
    /// Sentences, in order; each lies inside one paragraph.
    pub sentences: Box<[Sentence]>,
    /// The inline suppression comments of a Markdown or HTML file, in order (none
    /// for other formats).
    pub suppressions: Box<[crate::suppress::Directive]>,
    pub(crate) origin: Origin,
    /// Characters before every few thousand bytes of `text`, for columns on long
    /// lines (a file's or a record's; an extracted text's are its source's).
    pub(crate) text_marks: CharMarks,
}

impl Article {
    /// Builds an article and segments it.
    pub(crate) fn new(
        path: Arc<str>,
        record_line: Option<u32>,
        format: Format,
        meta: Meta,
        text: ArticleText,
        body: Span,
        origin: Origin,
    ) -> Article {
        // Held for the whole run: no spare capacity (issue 14).
        let paragraphs = segment::paragraphs(&text, body);
        let sentences = segment::sentences(&text, &paragraphs).into_boxed_slice();
        let text_marks = match origin {
            Origin::File(_) | Origin::Record { .. } => CharMarks::new(&text),
            Origin::Extracted(_) => CharMarks::default(),
        };
        let suppressions = match (format, &origin) {
            (Format::Markdown, _) => crate::suppress::scan(&text),
            (Format::Html, Origin::Extracted(e)) => crate::suppress::scan(&e.source),
            _ => Vec::new(),
        }
        .into_boxed_slice();
        Article {
            id: ArticleId(0),
            path,
            record_line,
            format,
            meta,
            text,
            body,
            paragraphs: paragraphs.into_boxed_slice(),
            sentences,
            suppressions,
            origin,
            text_marks,
        }
    }

    /// The dateline opening its first or second paragraph ("KATHMANDU, Nepal (AP) —
    /// "), if any: [`crate::dateline`].
    pub fn dateline(&self) -> Option<Span> {
        segment::dateline(&self.text, &self.paragraphs)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The words of a span, with their spans: Unicode word boundaries (UAX #29),
    /// keeping only the pieces that hold a letter or a digit. `3.5`, `1,250,000` and
    /// `don't` are one word each; `Kassym-Jomart` is two.
    pub fn words(&self, span: Span) -> segment::Words<'_> {
        segment::words(&self.text, span)
    }

    /// The words of the article's body.
    pub fn body_words(&self) -> segment::Words<'_> {
        self.words(self.body)
    }

    /// The sentence that holds byte offset `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<&Sentence> {
        let idx = self
            .sentences
            .partition_point(|sentence| sentence.span.end <= offset);
        self.sentences
            .get(idx)
            .filter(|sentence| sentence.span.start <= offset)
    }

    /// The source byte offset of a text offset.
    pub fn source_offset(&self, offset: u32) -> usize {
        match &self.origin {
            Origin::File(f) => map_offset(&f.shifts, offset) as usize,
            Origin::Extracted(e) => map_offset(&e.shifts, offset) as usize,
            Origin::Record { .. } => offset as usize,
        }
    }

    /// A location for a span of the text, as the report contract gives it.
    pub fn location(&self, span: Span, role: Role) -> Location {
        let (line, column, end_line, end_column) = self.line_columns(span);
        Location {
            role,
            path: self.path.to_string(),
            line,
            column,
            end_line,
            end_column,
            byte_start: self.source_offset(span.start),
            byte_end: self.source_offset(span.end),
            field: match &self.origin {
                Origin::Record { .. } => Some(RECORD_FIELD.to_owned()),
                _ => None,
            },
            article: self.record_name().map(str::to_owned),
            text: self.text.quote(span.start, span.end),
        }
    }

    /// The 1-based line and column of the start and end of a span.
    pub fn line_columns(&self, span: Span) -> (u32, u32, u32, u32) {
        match &self.origin {
            Origin::File(f) => {
                let (text, lines, marks) = (&self.text, &f.lines, &self.text_marks);
                let (l0, c0) = line_column_marked(text, lines, marks, span.start as usize);
                let (l1, c1) = line_column_marked(text, lines, marks, span.end as usize);
                (l0, c0, l1, c1)
            }
            Origin::Record { line, .. } => {
                // The field as one line: columns count from its start.
                let (text, marks) = (&self.text, &self.text_marks);
                let (_, c0) = line_column_marked(text, &[0], marks, span.start as usize);
                let (_, c1) = line_column_marked(text, &[0], marks, span.end as usize);
                (*line, c0, *line, c1)
            }
            Origin::Extracted(e) => {
                let (shifts, source, source_lines, source_marks) =
                    (&e.shifts, &e.source, &e.source_lines, &e.source_marks);
                let s0 = map_offset(shifts, span.start).min(source.len() as u32);
                let s1 = map_offset(shifts, span.end).min(source.len() as u32);
                let (l0, c0) = line_column_marked(source, source_lines, source_marks, s0 as usize);
                let (l1, c1) = line_column_marked(source, source_lines, source_marks, s1 as usize);
                (l0, c0, l1, c1)
            }
        }
    }

    /// The whole line(s) of the source that a span lies on, with the 1-based number of
    /// the first, for quoting in diagnostics. For a JSONL record, the record's text.
    pub fn source_lines(&self, span: Span) -> (u32, &str) {
        let (text, lines): (&str, &[u32]) = match &self.origin {
            Origin::File(f) => (&self.text, &f.lines),
            Origin::Record { line, .. } => return (*line, &self.text),
            Origin::Extracted(e) => (&e.source, &e.source_lines),
        };
        let (first, last) = match &self.origin {
            Origin::Extracted(e) => (
                map_offset(&e.shifts, span.start).min(text.len() as u32),
                map_offset(&e.shifts, span.end).min(text.len() as u32),
            ),
            _ => (span.start, span.end),
        };
        let l0 = lines.partition_point(|&s| s <= first).max(1) - 1;
        let l1 = lines.partition_point(|&s| s <= last.max(first)).max(1) - 1;
        let start = lines[l0] as usize;
        let mut end = lines.get(l1 + 1).map_or(text.len(), |&s| s as usize);
        while end > start && matches!(text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        let start = start.min(end);
        (l0 as u32 + 1, &text[start..end])
    }

    /// The source line(s) a location lies on, for quoting: the 1-based number of the
    /// first line, the text, and the location's byte range within that text. Lines
    /// longer than [`QUOTE_WINDOW`] bytes are cut to a window around the location.
    /// `None` when the location is not in this article.
    pub fn quote(&self, loc: &Location) -> Option<(u32, &str, std::ops::Range<usize>)> {
        let (text, lines, first_line): (&str, &[u32], u32) = match &self.origin {
            Origin::File(f) => (&self.text, &f.lines, 1),
            Origin::Extracted(e) => (&e.source, &e.source_lines, 1),
            Origin::Record { line, .. } => {
                if loc.line != *line {
                    return None;
                }
                let b0 = char_to_byte(&self.text, 0, loc.column.saturating_sub(1) as usize)?;
                let b1 = char_to_byte(&self.text, 0, loc.end_column.saturating_sub(1) as usize)?;
                // Only the line of the field the location starts on: a quote of
                // several lines would be numbered as if they were lines of the file.
                let start = self.text[..b0].rfind('\n').map_or(0, |i| i + 1);
                let end = self.text[b0..]
                    .find('\n')
                    .map_or(self.text.len(), |i| b0 + i);
                let b1 = b1.clamp(b0, end);
                return Some(window(
                    &self.text[start..end],
                    *line,
                    b0 - start..b1 - start,
                ));
            }
        };
        let l0 = loc.line.checked_sub(first_line)? as usize;
        let l1 = (loc.end_line.checked_sub(first_line)? as usize).max(l0);
        let start = *lines.get(l0)? as usize;
        let last_start = *lines.get(l1)? as usize;
        let mut end = lines.get(l1 + 1).map_or(text.len(), |&s| s as usize);
        while end > last_start && matches!(text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        let b0 = char_to_byte(text, start, loc.column.saturating_sub(1) as usize)?;
        let b1 = char_to_byte(text, last_start, loc.end_column.saturating_sub(1) as usize)?;
        let (b0, b1) = (b0.min(end), b1.min(end).max(b0.min(end)));
        Some(window(&text[start..end], loc.line, b0 - start..b1 - start))
    }

    /// For a record of a JSONL or JSON archive, its name: its `id`, else its title.
    /// `None` for an article that is a file of its own (its path names it).
    pub fn record_name(&self) -> Option<&str> {
        self.record_line?;
        self.meta
            .id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
            .or_else(|| Some(self.meta.title.as_str()).filter(|t| !t.is_empty()))
    }

    /// How messages name this article: its path, and for a record of an archive, its
    /// name too: `reuters.jsonl (1234)`.
    pub fn reference(&self) -> String {
        match self.record_name() {
            Some(name) => format!("{} ({name})", self.path),
            None => self.path.to_string(),
        }
    }

    /// Number of words in the body.
    pub fn word_count(&self) -> usize {
        self.body_words().count()
    }
}

/// Quotes longer than this many bytes are cut to a window around the location.
pub const QUOTE_WINDOW: usize = 400;

/// The byte offset of the `n`th character after `from`, if the text has that many.
fn char_to_byte(text: &str, from: usize, n: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    if n == 0 {
        return Some(from);
    }
    match rest.char_indices().nth(n) {
        Some((i, _)) => Some(from + i),
        None => (rest.chars().count() == n).then_some(text.len()),
    }
}

/// Cuts a long quote to a window around `range` on char boundaries; the line number
/// stays that of the first line.
fn window(
    text: &str,
    line: u32,
    range: std::ops::Range<usize>,
) -> (u32, &str, std::ops::Range<usize>) {
    if text.len() <= QUOTE_WINDOW {
        return (line, text, range);
    }
    let margin = QUOTE_WINDOW / 4;
    let mut start = range.start.saturating_sub(margin);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (range.end.max(range.start + 1) + margin).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // Keep the window on the first line of the location.
    if let Some(nl) = text[range.start..end].find('\n') {
        end = range.start + nl;
    }
    (
        line,
        &text[start..end],
        range.start - start..range.end.min(end) - start,
    )
}

fn map_offset(shifts: &[(u32, u32)], offset: u32) -> u32 {
    let idx = shifts.partition_point(|&(t, _)| t <= offset);
    match idx.checked_sub(1).map(|i| shifts[i]) {
        Some((t, s)) => s + (offset - t),
        None => offset,
    }
}

/// The byte offsets at which the lines of `text` start (the first is 0).
pub fn line_starts(text: &str) -> Vec<u32> {
    let mut starts = vec![0u32];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
    starts
}

/// The 1-based line and column of a byte offset in `text`, given the byte offsets of
/// its line starts ([`line_starts`]; `&[0]` takes the text as one line). Columns count
/// Unicode scalar values; an offset inside a character counts from its start. The one
/// line/column computation of the workspace: locations, rule and configuration errors
/// and suppression comments all go through it (or [`line_column_of`]).
pub fn line_column(text: &str, lines: &[u32], offset: usize) -> (u32, u32) {
    line_column_marked(text, lines, &CharMarks::default(), offset)
}

/// [`line_column`], counting a long line's characters from the [`CharMarks`] of
/// `text` around the offset and the line start rather than along the whole line.
pub(crate) fn line_column_marked(
    text: &str,
    lines: &[u32],
    marks: &CharMarks,
    offset: usize,
) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_idx = lines.partition_point(|&s| s as usize <= offset).max(1) - 1;
    let line_start = lines.get(line_idx).map_or(0, |&s| s as usize).min(offset);
    let column = if offset - line_start > MARK_STEP && !marks.0.is_empty() {
        marks.before(text, offset) - marks.before(text, line_start)
    } else {
        text[line_start..offset].chars().count()
    };
    (line_idx as u32 + 1, column as u32 + 1)
}

/// Bytes between two of [`CharMarks`]' marks.
const MARK_STEP: usize = 4096;

/// The number of characters before every [`MARK_STEP`]th byte of a text (empty for a
/// short text), so that a column on a long line is counted from the marks nearest its
/// offset and its line start: counting along the line for every location was
/// quadratic in the line (a location per claim of a 100 MB line).
#[derive(Clone, Debug, Default)]
pub(crate) struct CharMarks(Box<[u32]>);

impl CharMarks {
    pub(crate) fn new(text: &str) -> CharMarks {
        if text.len() <= MARK_STEP {
            return CharMarks::default();
        }
        let mut marks = Vec::with_capacity(text.len() / MARK_STEP + 2);
        let mut count = 0u32;
        for chunk in text.as_bytes().chunks(MARK_STEP) {
            marks.push(count);
            count += char_starts(chunk) as u32;
        }
        marks.push(count);
        CharMarks(marks.into_boxed_slice())
    }

    /// The characters of `text[..offset]` (`offset` on a character boundary).
    fn before(&self, text: &str, offset: usize) -> usize {
        let k = offset / MARK_STEP;
        self.0[k] as usize + char_starts(&text.as_bytes()[k * MARK_STEP..offset])
    }
}

/// The bytes that start a character (not UTF-8 continuation bytes `10xxxxxx`): the
/// number of characters of valid UTF-8.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// [`line_column`] for a one-off offset (an error in a configuration file).
pub fn line_column_of(text: &str, offset: usize) -> (u32, u32) {
    line_column(text, &line_starts(text), offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every article of a corpus is held through the run (304,686 at Reuters 16x):
    /// box what few articles have (as the map of text extracted from markup) rather
    /// than grow this. (The text a shared `Arc<str>`, so that findings quote spans of
    /// it: 352 -> 344; a span of a buffer an archive's records share, 344 -> 352;
    /// the lists boxed slices, a file's lines in its boxed map, the path shared, the
    /// optional metadata boxed strings: 352 -> 240, 31 MiB at 16x.)
    #[test]
    fn an_article_takes_240_bytes() {
        assert_eq!(std::mem::size_of::<Article>(), 240);
    }

    /// Columns counted from the marks are those counted along the line, on long lines
    /// of one-, two-, three- and four-byte characters, at every kind of offset.
    #[test]
    fn columns_from_marks_are_columns_along_the_line() {
        let line = "ab é€ 𝄞 ".repeat(3_000);
        let text = format!("{line}\nshort\n{line}{line}");
        let lines = line_starts(&text);
        let marks = CharMarks::new(&text);
        assert!(!marks.0.is_empty());
        for offset in (0..=text.len()).step_by(997).chain([text.len()]) {
            assert_eq!(
                line_column_marked(&text, &lines, &marks, offset),
                line_column(&text, &lines, offset),
                "offset {offset}"
            );
            assert_eq!(
                line_column_marked(&text, &[0], &marks, offset),
                line_column(&text, &[0], offset),
                "offset {offset}, one line"
            );
        }
    }

    #[test]
    fn map_offset_follows_checkpoints() {
        let shifts = [(0, 3), (10, 15)];
        assert_eq!(map_offset(&shifts, 0), 3);
        assert_eq!(map_offset(&shifts, 9), 12);
        assert_eq!(map_offset(&shifts, 10), 15);
        assert_eq!(map_offset(&shifts, 12), 17);
    }

    #[test]
    fn line_col_counts_scalars() {
        let text = "ab\nçé x\n";
        let lines = line_starts(text);
        assert_eq!(line_column(text, &lines, 0), (1, 1));
        assert_eq!(line_column(text, &lines, 3), (2, 1));
        // "çé " is 5 bytes, 3 scalars: x is at column 4.
        assert_eq!(line_column(text, &lines, 8), (2, 4));
        // Inside "ç": counted from its start. Past the end: the end.
        assert_eq!(line_column(text, &lines, 4), (2, 1));
        assert_eq!(line_column(text, &lines, 99), (3, 1));
        // One line: a JSONL field's columns run across its line breaks.
        assert_eq!(line_column(text, &[0], 8), (1, 7));
        assert_eq!(line_column_of(text, 8), (2, 4));
    }
}
