//! WARC 1.0/1.1 files, plain or gzipped (one gzip member per record, read as one
//! stream). `response` records holding HTTP responses with HTML, and `resource`
//! records holding HTML, become documents; other record types (warcinfo, request,
//! metadata, revisit) are passed over. Responses that are not HTTP 200 or not HTML
//! are logged as skipped. A record that ends early stops the file with an error
//! naming it, after the complete records before it were yielded.

use crate::charset::{charset_parameter, decode_markup};
use crate::error::{ReadError, ReadErrorKind, Skips};
use crate::html::extract_page;
use crate::{io_error_kind, DocumentMeta};
use dyad_model::Document;
use std::io::{self, BufRead, Read};

/// Larger records are skipped unread: no news page is this big.
const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;
/// Longest WARC or HTTP header line accepted.
const MAX_HEADER_LINE: u64 = 64 * 1024;

pub struct WarcReader<R> {
    input: R,
    origin: String,
    record: u64,
    compressed: bool,
    skips: Skips,
    done: bool,
}

/// A record's failure, and whether the rest of the file can still be read.
struct RecordError {
    kind: ReadErrorKind,
    fatal: bool,
}

impl RecordError {
    fn fatal(kind: ReadErrorKind) -> RecordError {
        RecordError { kind, fatal: true }
    }
    fn recoverable(kind: ReadErrorKind) -> RecordError {
        RecordError { kind, fatal: false }
    }
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(origin: String, input: R, compressed: bool, skips: Skips) -> WarcReader<R> {
        WarcReader {
            input,
            origin,
            record: 0,
            compressed,
            skips,
            done: false,
        }
    }

    fn io(&self, e: io::Error) -> RecordError {
        RecordError::fatal(io_error_kind(e, self.compressed))
    }

    /// Reads one line (up to `\n`) into `line`; false at end of input.
    fn read_line(&mut self, line: &mut Vec<u8>) -> Result<bool, RecordError> {
        line.clear();
        let n = (&mut self.input)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', line)
            .map_err(|e| self.io(e))?;
        if n as u64 == MAX_HEADER_LINE && line.last() != Some(&b'\n') {
            return Err(RecordError::fatal(ReadErrorKind::MalformedWarc(
                "header line longer than 64 KiB".into(),
            )));
        }
        Ok(n > 0)
    }

    /// The next document: `Ok(None)` at the end of the file.
    fn next_document(&mut self) -> Result<Option<Document>, RecordError> {
        loop {
            let mut line = Vec::new();
            // Records are separated by blank lines; tolerate extra ones.
            loop {
                if !self.read_line(&mut line)? {
                    return Ok(None);
                }
                if !line.trim_ascii().is_empty() {
                    break;
                }
            }
            self.record += 1;
            if !line.starts_with(b"WARC/") {
                return Err(RecordError::fatal(ReadErrorKind::MalformedWarc(format!(
                    "expected a WARC/1.0 version line, found {:?}",
                    String::from_utf8_lossy(&line[..line.len().min(40)]).trim()
                ))));
            }
            let headers = self.read_headers()?;
            let length: u64 = header(&headers, "content-length")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| {
                    RecordError::fatal(ReadErrorKind::MalformedWarc(
                        "no valid Content-Length".into(),
                    ))
                })?;
            let warc_type = header(&headers, "warc-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let content_type = header(&headers, "content-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let wanted = match warc_type.as_str() {
                "response" => true,
                "resource" => is_html_type(&content_type),
                _ => false,
            };
            if !wanted || length > MAX_RECORD_BYTES {
                if wanted {
                    self.skips.push(self.at(), "record larger than 64 MiB");
                }
                self.skip_block(length)?;
                continue;
            }
            let block = self.read_block(length)?;
            let target =
                header(&headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
            let page = if warc_type == "resource" {
                Some((block, None))
            } else if content_type.starts_with("application/http") {
                self.http_payload(&block)?
            } else {
                self.skips
                    .push(self.at(), format!("response is not HTTP ({content_type})"));
                None
            };
            let Some((body, charset)) = page else {
                continue;
            };
            let html = decode_markup(&body, charset.as_deref());
            let page = extract_page(&html)
                .ok_or_else(|| RecordError::recoverable(ReadErrorKind::NoText))?;
            let meta = DocumentMeta {
                title: page.title,
                published: page.published,
                outlet: page.outlet,
                url: page.url.or(target),
                language: page.declared_language,
            };
            return Ok(Some(meta.into_document(self.at(), page.text)));
        }
    }

    fn at(&self) -> String {
        format!("{}#{}", self.origin, self.record)
    }

    fn read_headers(&mut self) -> Result<Vec<(String, String)>, RecordError> {
        let mut headers = Vec::new();
        let mut line = Vec::new();
        loop {
            if !self.read_line(&mut line)? {
                return Err(RecordError::fatal(ReadErrorKind::TruncatedWarc(
                    "the file ends inside the record's headers".into(),
                )));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end();
            if text.is_empty() {
                return Ok(headers);
            }
            if let Some((name, value)) = text.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }

    fn read_block(&mut self, length: u64) -> Result<Vec<u8>, RecordError> {
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        (&mut self.input)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| self.io(e))?;
        if (block.len() as u64) < length {
            return Err(self.truncated(length, block.len() as u64));
        }
        Ok(block)
    }

    fn skip_block(&mut self, length: u64) -> Result<(), RecordError> {
        let copied = io::copy(&mut (&mut self.input).take(length), &mut io::sink())
            .map_err(|e| self.io(e))?;
        if copied < length {
            return Err(self.truncated(length, copied));
        }
        Ok(())
    }

    fn truncated(&self, expected: u64, found: u64) -> RecordError {
        RecordError::fatal(ReadErrorKind::TruncatedWarc(format!(
            "Content-Length is {expected} bytes but the file ends after {found}"
        )))
    }

    /// The HTML body and declared charset of an HTTP response, or `None` (logged as
    /// skipped) when it is not a 200 response carrying HTML.
    fn http_payload(&self, block: &[u8]) -> Result<Option<HtmlBody>, RecordError> {
        let malformed =
            |what: &str| RecordError::recoverable(ReadErrorKind::MalformedWarc(what.to_string()));
        let (head_end, body_start) = memchr::memmem::find(block, b"\r\n\r\n")
            .map(|i| (i, i + 4))
            .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
            .ok_or_else(|| malformed("HTTP headers do not end"))?;
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let status = status_line
            .strip_prefix("HTTP/")
            .and_then(|rest| rest.split_whitespace().nth(1))
            .and_then(|code| code.parse::<u16>().ok())
            .ok_or_else(|| malformed("no HTTP status line"))?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        if status != 200 {
            self.skips.push(self.at(), format!("HTTP status {status}"));
            return Ok(None);
        }
        let content_type = header(&headers, "content-type").unwrap_or("");
        let mut body = block[body_start..].to_vec();
        if !content_type.is_empty() && !is_html_type(&content_type.to_ascii_lowercase()) {
            self.skips
                .push(self.at(), format!("not HTML ({content_type})"));
            return Ok(None);
        }
        if header(&headers, "transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        {
            body = dechunk(&body).ok_or_else(|| malformed("bad chunked transfer encoding"))?;
        }
        match header(&headers, "content-encoding")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("identity") | Some("") => {}
            Some("gzip" | "x-gzip") => {
                body = inflate(flate2::read::GzDecoder::new(&body[..]))
                    .map_err(|_| malformed("bad gzip body"))?
            }
            Some("deflate") => {
                body = inflate(flate2::read::ZlibDecoder::new(&body[..]))
                    .map_err(|_| malformed("bad deflate body"))?
            }
            Some(other) => {
                self.skips
                    .push(self.at(), format!("unsupported Content-Encoding {other}"));
                return Ok(None);
            }
        }
        if content_type.is_empty() && !body.trim_ascii_start().starts_with(b"<") {
            self.skips.push(self.at(), "no Content-Type and not HTML");
            return Ok(None);
        }
        Ok(Some((
            body,
            charset_parameter(content_type).map(str::to_string),
        )))
    }
}

/// An HTTP body holding HTML, and the charset its `Content-Type` declares.
type HtmlBody = (Vec<u8>, Option<String>);

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn is_html_type(content_type: &str) -> bool {
    content_type.starts_with("text/html") || content_type.starts_with("application/xhtml")
}

fn inflate<R: Read>(decoder: R) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    decoder.take(MAX_RECORD_BYTES).read_to_end(&mut out)?;
    Ok(out)
}

/// Decodes an HTTP chunked body; `None` when a chunk size is not hex or runs past the end.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body)?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))?;
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_document() {
            Ok(Some(doc)) => Some(Ok(doc)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(error) => {
                self.done = error.fatal;
                Some(Err(ReadError::new(self.at(), error.kind)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(warc_type: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: http://x.example/a\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn read(bytes: &[u8]) -> (Vec<Result<Document, ReadError>>, Skips) {
        let skips = Skips::new();
        let docs = WarcReader::new("t.warc".into(), bytes, false, skips.clone()).collect();
        (docs, skips)
    }

    #[test]
    fn responses_chunked_and_skipped() {
        let mut warc = record("warcinfo", "application/warc-fields", b"software: test\r\n");
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nTransfer-Encoding: chunked\r\n\r\n\
              1a\r\n<p>Caf\xe9 talks resumed in \r\n10\r\nDoha on Monday.\r\n0\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let (docs, skips) = read(&warc);
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.text, "Café talks resumed in Doha on Monday.");
        assert_eq!(doc.origin, "t.warc#2");
        assert_eq!(doc.url.as_deref(), Some("http://x.example/a"));
        let reasons: Vec<String> = skips.take().into_iter().map(|s| s.to_string()).collect();
        assert_eq!(
            reasons,
            [
                "t.warc#3: skipped: HTTP status 404",
                "t.warc#4: skipped: not HTML (image/png)"
            ]
        );
    }

    #[test]
    fn truncated_record_after_complete_ones() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Complete record.</p>";
        let mut warc = record("response", "application/http", page);
        let second = record("response", "application/http", page);
        warc.extend_from_slice(&second[..second.len() - 30]);
        let (docs, _) = read(&warc);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].is_ok());
        assert_eq!(
            docs[1].as_ref().unwrap_err().to_string(),
            format!(
                "t.warc#2: truncated WARC record: Content-Length is {} bytes but the file ends after {}",
                page.len(),
                page.len() - 26
            )
        );
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"zz\r\nabc").is_none());
        assert!(dechunk(b"9\r\nabc").is_none());
    }
}
