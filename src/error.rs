//! Errors that reach the user as one line naming the file and the problem.

use std::fmt;

/// A problem with one input: a missing file, invalid UTF-8, a malformed JSONL line...
///
/// It names the file (and line, for JSONL) so the message alone tells the user what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// 1-based line number inside a JSONL file, when the problem is one record.
    pub line: Option<usize>,
    /// What is wrong, in a few words.
    pub message: String,
}

impl InputError {
    /// A problem with the file (or stream) `path` as a whole.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { path: path.into(), line: None, message: message.into() }
    }

    /// A problem with line `line` (1-based) of the file `path`.
    pub fn at_line(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        InputError { path: path.into(), line: Some(line), message: message.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// Any error a command can end with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One input could not be used.
    #[error("{0}")]
    Input(#[from] InputError),
    /// The command line or a configuration value is wrong; the message names the flag to change.
    #[error("{0}")]
    Usage(String),
    /// Writing an output failed.
    #[error("{path}: {source}")]
    Output {
        /// The output file as the user named it.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}
