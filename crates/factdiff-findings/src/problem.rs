use std::fmt;

use serde::{Deserialize, Serialize};

/// A problem with the input itself: a file that could not be read or parsed, in part
/// or whole. Problems never stop a run; they are reported beside the findings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Problem {
    /// Path relative to the working directory, with `/` separators.
    pub path: String,
    /// The 1-based line the problem is on, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// What is wrong, lower-case, no trailing period.
    pub message: String,
}

impl Problem {
    /// A problem with the whole file.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }

    /// A problem on one line of a file.
    pub fn line(path: impl Into<String>, line: u32, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}
