use std::fmt;
use std::sync::{Arc, Mutex};

/// Largest document text, line or record body a reader accepts.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// An input that could not be turned into a document, naming where: a path, with
/// `:LINE` for a line of JSONL or text, or `#N` for the Nth item of a feed or record of
/// a WARC file.
///
/// Displays as `examples/bad.jsonl:17: line is not JSON: expected value at column 1`.
#[derive(Debug, thiserror::Error)]
#[error("{input}: {kind}")]
pub struct ReadError {
    pub input: String,
    #[source]
    pub kind: ReadErrorKind,
}

impl ReadError {
    pub fn new(input: impl Into<String>, kind: ReadErrorKind) -> ReadError {
        ReadError {
            input: input.into(),
            kind,
        }
    }
}

/// What went wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("binary file (NUL byte at byte offset {offset}), not text")]
    Binary { offset: u64 },
    #[error("invalid UTF-8 at line {line}, byte offset {offset} (text without a declared charset is not guessed)")]
    InvalidUtf8 { line: u64, offset: u64 },
    #[error("line longer than 16 MiB")]
    LineTooLong,
    #[error("document longer than 16 MiB")]
    DocumentTooLong,
    #[error("file larger than {limit_mib} MiB")]
    FileTooLarge { limit_mib: usize },
    #[error("JSON article is malformed: {0}")]
    InvalidArticle(String),
    #[error("line is not JSON: {0}")]
    NotJson(String),
    #[error("JSON article has no \"text\"")]
    MissingText,
    #[error("invalid sidecar {path}: {message}")]
    Sidecar { path: String, message: String },
    #[error("no article text found")]
    NoText,
    #[error("truncated gzip stream")]
    TruncatedGzip,
    #[error("corrupt gzip stream: {0}")]
    CorruptGzip(String),
    #[error("truncated WARC record: {0}")]
    TruncatedWarc(String),
    #[error("malformed WARC record: {0}")]
    MalformedWarc(String),
    #[error("not an RSS or Atom feed")]
    NotAFeed,
}

/// An input that was read but deliberately not turned into a document (a WARC record
/// with HTTP status 404, a non-HTML response, a file type that holds no articles).
/// Not an error: callers report them as "skipped, with reasons".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub input: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.input, self.reason)
    }
}

/// A shared log of [`Skipped`] inputs; clones share one log, so a caller keeps a clone
/// while the reader (possibly on another thread) appends to it.
#[derive(Clone, Debug, Default)]
pub struct Skips(Arc<Mutex<Vec<Skipped>>>);

impl Skips {
    pub fn new() -> Skips {
        Skips::default()
    }

    pub fn push(&self, input: impl Into<String>, reason: impl Into<String>) {
        let skipped = Skipped {
            input: input.into(),
            reason: reason.into(),
        };
        self.lock().push(skipped);
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes and returns everything logged so far.
    pub fn take(&self) -> Vec<Skipped> {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Skipped>> {
        // A panic while holding the lock cannot leave a Vec half-pushed; keep going.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
