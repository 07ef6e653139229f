//! [`Text`]: a location's text, held as a span of its article's shared text rather
//! than as a copy (issue 14).

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string that is either owned or a byte range of a shared text (an article's,
/// held once for the run): a finding quoting an article holds a pointer and two
/// offsets, not a copy. It reads, compares, hashes, prints and serializes as the
/// string it stands for, so nothing that reaches a report can tell the two apart.
/// (At 16x Reuters the overlap findings quoted 304,538 locations, 248 MB of text,
/// most of it whole articles: every member of a cluster of 16 copies.)
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Owned(Box<str>),
    Shared {
        text: Arc<str>,
        start: u32,
        end: u32,
    },
}

impl Text {
    /// The bytes `start..end` of a shared text, without a copy. Panics, as slicing
    /// does, when the range is out of bounds or not on character boundaries.
    pub fn shared(text: &Arc<str>, start: u32, end: u32) -> Text {
        // Checked once here, so `as_str` cannot fail later.
        let _ = &text[start as usize..end as usize];
        Text(Repr::Shared {
            text: Arc::clone(text),
            start,
            end,
        })
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            Repr::Shared { text, start, end } => &text[*start as usize..*end as usize],
        }
    }
}

impl Default for Text {
    fn default() -> Text {
        Text(Repr::Owned(Box::default()))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Owned(s.into_boxed_str()))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Repr::Owned(s.into()))
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from(s.as_str())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.as_str().to_owned()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_text_reads_compares_and_serializes_as_its_string() {
        let article: Arc<str> = Arc::from("Officials said 37 people died.");
        let shared = Text::shared(&article, 15, 24);
        let owned = Text::from("37 people");
        assert_eq!(shared, owned);
        assert_eq!(shared, "37 people");
        assert_eq!(&*shared, "37 people");
        assert_eq!(format!("{shared}|{shared:?}"), "37 people|\"37 people\"");
        assert_eq!(
            serde_json::to_string(&shared).unwrap(),
            serde_json::to_string(&owned).unwrap()
        );
        let back: Text = serde_json::from_str("\"37 people\"").unwrap();
        assert_eq!(back, shared);
        // A pointer and two offsets: no larger than the string it replaces.
        assert!(std::mem::size_of::<Text>() <= 32);
    }
}
