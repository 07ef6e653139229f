//! [`ArticleText`]: an article's text, a span of a buffer that the records of one
//! archive share (issue 14).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use factdiff_findings::Text;

/// An article's text. A file's article holds its whole buffer; the records of a JSONL
/// or JSON archive hold spans of buffers of about [`ARCHIVE_BUFFER`] bytes, their
/// texts side by side: one allocation for many articles rather than one each, which
/// the allocator rounded up to its size classes (a tenth of the text: 28 MiB at
/// Reuters 16x, whose 304,686 texts average 815 bytes). It reads as the `str` it
/// stands for (`Deref`); [`ArticleText::quote`] makes a finding's [`Text`] of a span
/// of it without a copy.
#[derive(Clone)]
pub struct ArticleText {
    buffer: Arc<str>,
    start: u32,
    end: u32,
}

/// The size a buffer of an archive's texts is filled to (one text longer than this
/// has a buffer of its own): 1 MiB, an allocator size class, less the `Arc`'s two
/// counts, so that a full buffer is not rounded up to the next class.
pub(crate) const ARCHIVE_BUFFER: usize = (1 << 20) - 2 * std::mem::size_of::<usize>();

impl ArticleText {
    /// A text that is a whole buffer of its own.
    pub(crate) fn whole(text: String) -> ArticleText {
        let end = text.len() as u32;
        ArticleText {
            buffer: Arc::from(text),
            start: 0,
            end,
        }
    }

    /// The bytes `start..end` of a shared buffer (on character boundaries).
    pub(crate) fn part(buffer: &Arc<str>, start: usize, end: usize) -> ArticleText {
        let _ = &buffer[start..end];
        ArticleText {
            buffer: Arc::clone(buffer),
            start: start as u32,
            end: end as u32,
        }
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.buffer[self.start as usize..self.end as usize]
    }

    /// The bytes `start..end` of this text (offsets into it) as a finding's [`Text`]
    /// that shares the buffer. Panics, as slicing does, when the range is out of
    /// bounds or not on character boundaries.
    pub fn quote(&self, start: u32, end: u32) -> Text {
        assert!(
            start <= end && end <= self.end - self.start,
            "quote out of bounds"
        );
        Text::shared(&self.buffer, self.start + start, self.start + end)
    }
}

impl Deref for ArticleText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ArticleText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for ArticleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ArticleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for ArticleText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ArticleText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_reads_and_quotes_its_own_bytes() {
        let buffer: Arc<str> = Arc::from("first text.second text, é.");
        let a = ArticleText::part(&buffer, 0, 11);
        let b = ArticleText::part(&buffer, 11, buffer.len());
        assert_eq!(a, "first text.");
        assert_eq!(&*b, "second text, é.");
        assert_eq!(b.len(), 16);
        assert_eq!(b.quote(7, 11).as_str(), "text");
        assert_eq!(b.quote(13, 15).as_str(), "é");
        let whole = ArticleText::whole("alone".to_owned());
        assert_eq!(whole.quote(0, 5).as_str(), "alone");
    }

    #[test]
    #[should_panic]
    fn a_quote_past_the_text_panics() {
        let buffer: Arc<str> = Arc::from("first text.second");
        let _ = ArticleText::part(&buffer, 0, 11).quote(6, 13);
    }
}
