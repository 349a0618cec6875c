//! Readers: turn input files and streams into [`dyad_model::Document`]s.
//!
//! [`read_path`] streams documents from a file, a directory (recursive, in sorted
//! order, hidden files passed over) or `-` for standard input. Each document gets its
//! `origin` (the path; `path:LINE` for a JSONL line; `path#N` for the Nth item of a
//! feed or record of a WARC file), its id from [`Document::new`], url, outlet,
//! publication date, title, language, and plain text whose paragraphs are separated by
//! a blank line (`"\n\n"`).
//!
//! # Formats
//!
//! The extension names the format; the first bytes confirm it (a gzip stream is
//! decompressed; NUL bytes mean a binary file, an error). A file with another
//! extension given by name, and standard input, are recognised by content alone;
//! inside a directory such files are logged as skipped. `.gz` may wrap any format
//! (`.jsonl.gz`, `.warc.gz`).
//!
//! - **Plain text** (`.txt`): optional header lines `Title:`, `Date:`, `URL:`,
//!   `Outlet:` (also `Source:`, `Language:`) at the top, ended by a blank line; or a
//!   same-named `.json` sidecar `{"title", "date", "url", "outlet"}` filling what the
//!   headers leave out. Must be UTF-8: text with no declared charset is not guessed.
//! - **HTML** (`.html`, `.htm`): the main article text, boilerplate removed (see
//!   `html/extract.rs` for the method); title, date, site name and canonical URL
//!   from JSON-LD, Open Graph / `article:` meta tags, `<time>`, `<h1>`, `<title>`.
//!   Charset from a BOM or `<meta charset>`; undeclared non-UTF-8 is windows-1252.
//! - **JSONL** (`.jsonl`, `.ndjson`): one JSON object per line, UTF-8:
//!
//!   | field | type | meaning |
//!   |---|---|---|
//!   | `text` | string, required | the article body; paragraphs separated by `"\n\n"` |
//!   | `title` | string | headline |
//!   | `url` | string | where it was published (part of the document id) |
//!   | `date` (or `published`) | string | `YYYY-MM-DD`, RFC 3339 or RFC 2822 |
//!   | `outlet` (or `source`) | string | publisher, e.g. `"Reuters"` |
//!   | `language` | string | ISO 639-1 code; detected when absent |
//!   | `id`, `category`, others | any | ignored (dyad's id is computed from text and url) |
//!
//!   A bad line is an error naming `file:LINE`; reading goes on with the next line.
//! - **RSS 2.0, RSS 1.0 and Atom** (`.rss`, `.atom`, `.xml` if it is a feed): one
//!   document per item, text from `content:encoded`, `content`, `description` or
//!   `summary` (HTML inside converted to text), link, `pubDate` / `published` /
//!   `updated`, the feed's title as outlet. Items without content are skipped.
//! - **WARC** (`.warc`, `.warc.gz`): `response` records carrying HTTP 200 HTML (and
//!   `resource` records with HTML); chunked transfer encoding, gzip content encoding
//!   and the charset from `Content-Type` or `<meta>` are handled (windows-1252,
//!   iso-8859-1, windows-1256, koi8-r, utf-8 and every other WHATWG encoding). Other
//!   responses are logged as skipped; a truncated record or gzip stream ends the file
//!   with an error after the complete records before it.
//!
//! # Limits and errors
//!
//! Input is streamed: a JSONL or WARC file of any size is read in bounded chunks. A
//! line, text file or document longer than 16 MiB is an error (a 100 MB line costs
//! at most 16 MiB of memory); a feed is parsed whole and limited to 64 MiB. Every
//! [`ReadError`] names its input, with the line or record.
//!
//! # Language
//!
//! [`detect_language`] is our own identifier (scripts, distinctive letters, function
//! words). It tells apart English and the main Western European languages, Arabic,
//! Persian, Pashto, Urdu, Russian, Ukrainian and others. Dari (`prs`) is reported as
//! Persian, `fa`: the two are written alike.
//!
//! It does not split sentences or tokenize (that is `dyad-parse`) and never writes
//! anywhere (that is `dyad-store`).

mod charset;
mod dates;
mod error;
mod feed;
mod html;
mod input;
mod jsonl;
mod lang;
mod lines;
mod text;
mod warc;

pub use dates::parse_date;
pub use error::{ReadError, ReadErrorKind, Skipped, Skips, MAX_DOCUMENT_BYTES};
pub use html::{extract_page, Page};
pub use lang::detect_language;

use dyad_model::{Date, Document};
use std::path::Path;

/// A stream of documents, or errors naming the input that failed.
pub type Documents = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

/// Streams documents from a path: a file (format by extension, confirmed by sniffing
/// content), a directory (recursive, sorted, skipping hidden files), or `"-"` for
/// standard input (format sniffed). Inputs passed over on purpose are not reported;
/// use [`read_path_with_skips`] to hear about them.
pub fn read_path(path: &Path) -> Documents {
    read_path_with_skips(path, &Skips::new())
}

/// [`read_path`], logging into `skips` each input passed over on purpose (a WARC
/// response with HTTP status 404, a feed item without text, a `.md` file in a
/// directory) with the reason.
pub fn read_path_with_skips(path: &Path, skips: &Skips) -> Documents {
    let skips = skips.clone();
    if path == Path::new("-") {
        return input::read_stdin(skips);
    }
    if path.is_dir() {
        return Box::new(input::DirReader::new(path.to_path_buf(), skips));
    }
    input::read_file(path.to_path_buf(), skips)
}

/// Metadata a reader found for a document, before the document exists.
#[derive(Debug, Default)]
pub(crate) struct DocumentMeta {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Declared by the source; detection from the text is preferred when it answers.
    pub language: Option<String>,
}

impl DocumentMeta {
    /// Fills fields still missing from `other`.
    pub fn fill_from(&mut self, other: DocumentMeta) {
        self.title = self.title.take().or(other.title);
        self.published = self.published.or(other.published);
        self.url = self.url.take().or(other.url);
        self.outlet = self.outlet.take().or(other.outlet);
        self.language = self.language.take().or(other.language);
    }

    pub fn into_document(self, origin: String, text: String) -> Document {
        let language = detect_language(&text)
            .map(str::to_string)
            .or_else(|| self.language.map(|l| l.to_ascii_lowercase()));
        let mut doc = Document::new(origin, text, self.url);
        doc.title = self.title;
        doc.published = self.published;
        doc.outlet = self.outlet;
        doc.language = language;
        doc
    }
}

/// A NUL byte in `head` means the input is binary, not text.
pub(crate) fn check_not_binary(head: &[u8]) -> Result<(), ReadErrorKind> {
    match memchr::memchr(0, head) {
        Some(offset) => Err(ReadErrorKind::Binary {
            offset: offset as u64,
        }),
        None => Ok(()),
    }
}

/// Names an I/O failure; inside a gzip stream an early end means truncation.
pub(crate) fn io_error_kind(e: std::io::Error, compressed: bool) -> ReadErrorKind {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::UnexpectedEof if compressed => ReadErrorKind::TruncatedGzip,
        ErrorKind::InvalidInput | ErrorKind::InvalidData if compressed => {
            ReadErrorKind::CorruptGzip(e.to_string())
        }
        _ => ReadErrorKind::Io(e),
    }
}
