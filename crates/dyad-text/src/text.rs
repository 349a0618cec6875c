//! Plain-text articles: optional header lines (`Title:`, `Date:`, `URL:`, `Outlet:`)
//! ended by a blank line, or a same-named `.json` sidecar with `title`, `date`, `url`,
//! `outlet`; then the body, whose paragraphs are separated by blank lines. Lines inside
//! a paragraph are joined with a space (hard-wrapped text is unwrapped).

use crate::dates::parse_date;
use crate::error::{ReadError, ReadErrorKind, MAX_DOCUMENT_BYTES};
use crate::{check_not_binary, DocumentMeta};
use std::io::Read;
use std::path::Path;

/// Reads one `.txt` article from `input`, with metadata from `sidecar` if it exists.
pub fn read_text<R: Read>(
    origin: &str,
    input: R,
    sidecar: Option<&Path>,
) -> Result<dyad_model::Document, ReadError> {
    let fail = |kind| ReadError::new(origin, kind);
    let bytes = read_bounded(input).map_err(fail)?;
    check_not_binary(&bytes).map_err(fail)?;
    let text = utf8(&bytes).map_err(fail)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut meta, body) = split_headers(text);
    if let Some(sidecar) = sidecar.filter(|p| p.is_file()) {
        let from_sidecar = read_sidecar(sidecar).map_err(fail)?;
        meta.fill_from(from_sidecar);
    }
    let body = paragraphs(body);
    if body.is_empty() {
        return Err(fail(ReadErrorKind::NoText));
    }
    Ok(meta.into_document(origin.to_string(), body))
}

/// Up to [`MAX_DOCUMENT_BYTES`] of `input`; more is an error, found without reading it.
pub fn read_bounded<R: Read>(input: R) -> Result<Vec<u8>, ReadErrorKind> {
    read_limited(input, MAX_DOCUMENT_BYTES).map_err(|e| match e {
        ReadErrorKind::FileTooLarge { .. } => ReadErrorKind::DocumentTooLong,
        other => other,
    })
}

/// Up to `limit` bytes of `input`; more is [`ReadErrorKind::FileTooLarge`].
pub fn read_limited<R: Read>(input: R, limit: usize) -> Result<Vec<u8>, ReadErrorKind> {
    let mut bytes = Vec::new();
    input.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(ReadErrorKind::FileTooLarge {
            limit_mib: limit / (1024 * 1024),
        });
    }
    Ok(bytes)
}

/// `bytes` as UTF-8, or an error giving the line and byte offset of the first bad byte.
pub fn utf8(bytes: &[u8]) -> Result<&str, ReadErrorKind> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count() as u64;
        ReadErrorKind::InvalidUtf8 {
            line,
            offset: offset as u64,
        }
    })
}

/// The header block at the top of `text`, if any, and the rest.
fn split_headers(text: &str) -> (DocumentMeta, &str) {
    let mut meta = DocumentMeta::default();
    let mut pos = 0;
    let mut saw_header = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if saw_header {
                return (meta, &text[pos + line.len()..]);
            }
            pos += line.len();
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            break;
        };
        let value = value.trim();
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = value,
            "date" | "published" => meta.published = value.as_deref().and_then(parse_date),
            "url" | "link" => meta.url = value,
            "outlet" | "source" | "publisher" => meta.outlet = value,
            "language" | "lang" => meta.language = value,
            _ => break,
        }
        saw_header = true;
        pos += line.len();
    }
    // No blank line after the headers (or none at all): it is all body.
    (DocumentMeta::default(), text)
}

#[derive(serde::Deserialize)]
struct Sidecar {
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
}

fn read_sidecar(path: &Path) -> Result<DocumentMeta, ReadErrorKind> {
    let sidecar_error = |message: String| ReadErrorKind::Sidecar {
        path: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| sidecar_error(e.to_string()))?;
    let sidecar: Sidecar =
        serde_json::from_slice(&bytes).map_err(|e| sidecar_error(e.to_string()))?;
    Ok(DocumentMeta {
        title: sidecar.title,
        published: sidecar.date.as_deref().and_then(parse_date),
        url: sidecar.url,
        outlet: sidecar.outlet,
        language: sidecar.language,
    })
}

/// Paragraphs separated by one blank line, each paragraph's lines joined by a space.
pub fn paragraphs(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_paragraph = false;
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            out.push(' ');
        } else if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
        in_paragraph = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_then_paragraphs() {
        let doc = read_text(
            "a.txt",
            "Title: Talks in Doha\nDate: 12 February 2016\nOutlet: dyad wire\nURL: http://x/1\n\nFirst line\nwrapped here.\n\n\nSecond paragraph.\n"
                .as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Talks in Doha"));
        assert_eq!(doc.published.unwrap().to_string(), "2016-02-12");
        assert_eq!(doc.outlet.as_deref(), Some("dyad wire"));
        assert_eq!(doc.url.as_deref(), Some("http://x/1"));
        assert_eq!(doc.text, "First line wrapped here.\n\nSecond paragraph.");
        assert_eq!(doc.origin, "a.txt");
    }

    #[test]
    fn a_colon_in_the_first_line_is_not_a_header() {
        let doc = read_text(
            "a.txt",
            "Kabul: officials said the talks went well.\n\nMore.".as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(doc.title, None);
        assert!(doc.text.starts_with("Kabul: officials"));
        let doc = read_text(
            "b.txt",
            "Title: only headers, no blank line".as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(doc.text, "Title: only headers, no blank line");
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let err = read_text("l1.txt", &b"ok line\ncaf\xe9\n"[..], None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "l1.txt: invalid UTF-8 at line 2, byte offset 11 (text without a declared charset is not guessed)"
        );
    }
}
