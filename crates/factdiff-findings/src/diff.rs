use serde::{Deserialize, Serialize};

/// What a piece of a word diff is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    /// In both texts.
    Equal,
    /// Only in the first (old, primary) text.
    Delete,
    /// Only in the second (new, related) text.
    Insert,
}

/// One piece of a word-level diff between two texts. A finding stores its diff as
/// `details.diff`: an array of these, `{ "tag": "equal", "text": "..." }`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DiffChunk {
    /// Equal, delete or insert.
    pub tag: DiffTag,
    /// The text of the piece, white space included.
    pub text: String,
}
