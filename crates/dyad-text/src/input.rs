//! From a path to a stream of documents: choosing the format (by extension, confirmed
//! by the content; by content alone for standard input), decompressing `.gz`, and
//! walking directories.

use crate::error::{ReadError, ReadErrorKind, Skips, MAX_DOCUMENT_BYTES};
use crate::feed::{read_feed, MAX_FEED_BYTES};
use crate::jsonl::JsonlReader;
use crate::text::{read_limited, read_text};
use crate::warc::WarcReader;
use crate::{check_not_binary, DocumentMeta, Documents};
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// How much of an input is looked at to recognise its format.
const SNIFF_BYTES: usize = 8 * 1024;
/// Raw HTML may carry much markup around its text.
const MAX_HTML_BYTES: usize = 4 * MAX_DOCUMENT_BYTES;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Jsonl,
    Feed,
    Warc,
}

type Input = Box<dyn Read + Send>;

/// Format and compression named by a file's extension(s), e.g. `x.warc.gz`.
fn format_by_name(path: &Path) -> (Option<Format>, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (name, gzipped) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let format = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt" | "text") => Some(Format::Text),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("jsonl" | "ndjson") => Some(Format::Jsonl),
        Some("rss" | "atom" | "xml") => Some(Format::Feed),
        Some("warc") => Some(Format::Warc),
        _ => None,
    };
    (format, gzipped)
}

/// The format `head` (an input's first bytes) looks like.
fn sniff(head: &[u8]) -> Format {
    let trimmed = head.trim_ascii_start();
    let trimmed = trimmed.strip_prefix(b"\xef\xbb\xbf").unwrap_or(trimmed);
    if trimmed.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if trimmed.starts_with(b"{") {
        return Format::Jsonl;
    }
    if trimmed.starts_with(b"<") {
        return if looks_like_feed(head) {
            Format::Feed
        } else {
            Format::Html
        };
    }
    Format::Text
}

fn looks_like_feed(head: &[u8]) -> bool {
    let lower = head.to_ascii_lowercase();
    [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
        .iter()
        .any(|tag| memchr::memmem::find(&lower, tag).is_some())
}

fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Reads up to `SNIFF_BYTES` from `input` and returns them with a reader that yields
/// the whole input again. A read error after some bytes is held back until the
/// reader reaches it, so the complete part of a truncated input is still read.
fn peek(mut input: Input) -> io::Result<(Vec<u8>, Input)> {
    let mut head = vec![0; SNIFF_BYTES];
    let mut filled = 0;
    let mut error = None;
    while filled < SNIFF_BYTES {
        match input.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if filled == 0 => return Err(e),
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    head.truncate(filled);
    let replay = Replay {
        head: Cursor::new(head.clone()),
        error,
        rest: input,
    };
    Ok((head, Box::new(replay)))
}

/// The peeked bytes, then a held-back error if any, then the rest of the input.
struct Replay {
    head: Cursor<Vec<u8>>,
    error: Option<io::Error>,
    rest: Input,
}

impl Read for Replay {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.head.read(buf)?;
        if n > 0 || buf.is_empty() {
            return Ok(n);
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => self.rest.read(buf),
        }
    }
}

fn error(origin: &str, kind: ReadErrorKind) -> Documents {
    Box::new(std::iter::once(Err(ReadError::new(origin, kind))))
}

/// Documents from standard input, format sniffed.
pub fn read_stdin(skips: Skips) -> Documents {
    Box::new(
        std::iter::once_with(move || {
            let stdin: Input = Box::new(io::stdin());
            read_stream("-", stdin, None, false, None, &skips)
        })
        .flatten(),
    )
}

/// Documents from one file; `by_name` is the format its name says, if any.
pub fn read_file(path: PathBuf, skips: Skips) -> Documents {
    Box::new(
        std::iter::once_with(move || {
            let origin = path.display().to_string();
            let (format, gzipped) = format_by_name(&path);
            let file: Input = match File::open(&path) {
                Ok(file) => Box::new(file),
                Err(e) => return error(&origin, ReadErrorKind::Io(e)),
            };
            let input: Input = if gzipped {
                Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
            } else {
                file
            };
            let sidecar = (format == Some(Format::Text)).then(|| path.with_extension("json"));
            read_stream(&origin, input, format, gzipped, sidecar, &skips)
        })
        .flatten(),
    )
}

fn read_stream(
    origin: &str,
    input: Input,
    named: Option<Format>,
    mut compressed: bool,
    sidecar: Option<PathBuf>,
    skips: &Skips,
) -> Documents {
    let (mut head, mut input) = match peek(input) {
        Ok(peeked) => peeked,
        Err(e) => return error(origin, crate::io_error_kind(e, compressed)),
    };
    // A gzipped stream without a `.gz` name (standard input, a `.warc` that is
    // really `.warc.gz`): decompress, then look again.
    if !compressed && is_gzip(&head) && matches!(named, None | Some(Format::Warc | Format::Jsonl)) {
        compressed = true;
        let decoder: Input = Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(input)));
        (head, input) = match peek(decoder) {
            Ok(peeked) => peeked,
            Err(e) => return error(origin, crate::io_error_kind(e, true)),
        };
    }
    // A WARC version line outranks any name; otherwise the name decides, and the
    // checks below confirm it.
    let format = match (named, sniff(&head)) {
        (_, Format::Warc) => Format::Warc,
        (Some(named), _) => named,
        (None, sniffed) => sniffed,
    };
    if format != Format::Warc {
        if let Err(kind) = check_not_binary(&head) {
            return error(origin, kind);
        }
    }
    let origin = origin.to_string();
    match format {
        Format::Text => Box::new(std::iter::once(read_text(
            &origin,
            input,
            sidecar.as_deref(),
        ))),
        Format::Jsonl => Box::new(JsonlReader::new(origin, input, compressed)),
        Format::Warc => Box::new(WarcReader::new(
            origin,
            BufReader::with_capacity(256 * 1024, input),
            compressed,
            skips.clone(),
        )),
        Format::Html => Box::new(std::iter::once(read_html(&origin, input))),
        Format::Feed => {
            if !looks_like_feed(&head) {
                return error(&origin, ReadErrorKind::NotAFeed);
            }
            match read_limited(input, MAX_FEED_BYTES) {
                Ok(bytes) => Box::new(read_feed(&origin, &bytes, skips).into_iter()),
                Err(kind) => error(&origin, kind),
            }
        }
    }
}

fn read_html(origin: &str, input: Input) -> Result<dyad_model::Document, ReadError> {
    let fail = |kind| ReadError::new(origin, kind);
    let bytes = read_limited(input, MAX_HTML_BYTES).map_err(fail)?;
    check_not_binary(&bytes).map_err(fail)?;
    let html = crate::charset::decode_markup(&bytes, None);
    let page = crate::html::extract_page(&html).ok_or_else(|| fail(ReadErrorKind::NoText))?;
    if page.text.len() > MAX_DOCUMENT_BYTES {
        return Err(fail(ReadErrorKind::DocumentTooLong));
    }
    let meta = DocumentMeta {
        title: page.title,
        published: page.published,
        outlet: page.outlet,
        url: page.url,
        language: page.declared_language,
    };
    Ok(meta.into_document(origin.to_string(), page.text))
}

/// Documents from every article file below `dir`, in sorted order, recursively.
/// Hidden files and folders are passed over; files of other types and `.json`
/// sidecars of `.txt` files are logged as skipped or passed over.
pub struct DirReader {
    /// Entries still to visit, per open directory, innermost last.
    pending: Vec<std::vec::IntoIter<PathBuf>>,
    current: Option<Documents>,
    skips: Skips,
}

impl DirReader {
    pub fn new(dir: PathBuf, skips: Skips) -> DirReader {
        DirReader {
            pending: vec![vec![dir].into_iter()],
            current: None,
            skips,
        }
    }

    fn list(dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut entries = std::fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<io::Result<Vec<_>>>()?;
        entries.retain(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        });
        entries.sort();
        Ok(entries)
    }
}

impl Iterator for DirReader {
    type Item = Result<dyad_model::Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let level = self.pending.last_mut()?;
            let Some(path) = level.next() else {
                self.pending.pop();
                continue;
            };
            // symlink_metadata: a link to a folder is not followed, so no cycles.
            let is_dir = std::fs::symlink_metadata(&path)
                .map(|m| m.is_dir())
                .unwrap_or(false);
            if !is_dir && path.is_dir() {
                self.skips
                    .push(path.display().to_string(), "link to a folder, not followed");
                continue;
            }
            if is_dir {
                match DirReader::list(&path) {
                    Ok(entries) => self.pending.push(entries.into_iter()),
                    Err(e) => {
                        return Some(Err(ReadError::new(
                            path.display().to_string(),
                            ReadErrorKind::Io(e),
                        )))
                    }
                }
                continue;
            }
            let (format, _) = format_by_name(&path);
            if format.is_some() {
                self.current = Some(read_file(path, self.skips.clone()));
            } else if !is_sidecar(&path) {
                self.skips
                    .push(path.display().to_string(), "not an article file type");
            }
        }
    }
}

fn is_sidecar(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        && path.with_extension("txt").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_sniffing() {
        assert_eq!(
            format_by_name(Path::new("a/b.WARC.gz")),
            (Some(Format::Warc), true)
        );
        assert_eq!(
            format_by_name(Path::new("b.ndjson")),
            (Some(Format::Jsonl), false)
        );
        assert_eq!(format_by_name(Path::new("README.md")), (None, false));
        assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"  {\"text\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"<?xml version='1.0'?><rss>"), Format::Feed);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"Title: x\n\nbody"), Format::Text);
    }
}
