//! The CLI's one error type: a message and an exit code.

use std::fmt;

/// An error that ends the run: usage, configuration or a fatal I/O error (exit 2).
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: u8,
}

impl CliError {
    /// A usage or configuration mistake: exit 2.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: 2,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<factdiff_corpus::DiscoverError> for CliError {
    fn from(err: factdiff_corpus::DiscoverError) -> Self {
        CliError::usage(err.to_string())
    }
}
