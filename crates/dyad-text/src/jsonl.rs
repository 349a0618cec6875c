//! JSON Lines: one article per line. See the crate documentation for the schema.

use crate::dates::parse_date;
use crate::error::{ReadError, ReadErrorKind};
use crate::lines::{Line, LineReader};
use crate::{io_error_kind, DocumentMeta};
use dyad_model::Document;
use serde::Deserialize;
use std::borrow::Cow;
use std::io::Read;

/// One line's fields; strings are borrowed from the line unless they hold escapes.
#[derive(Deserialize)]
struct JsonArticle<'a> {
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    outlet: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source: Option<Cow<'a, str>>,
    #[serde(borrow)]
    language: Option<Cow<'a, str>>,
}

pub struct JsonlReader<R> {
    origin: String,
    lines: LineReader<R>,
    compressed: bool,
    done: bool,
}

impl<R: Read> JsonlReader<R> {
    pub fn new(origin: String, input: R, compressed: bool) -> JsonlReader<R> {
        JsonlReader {
            origin,
            lines: LineReader::new(input),
            compressed,
            done: false,
        }
    }

    fn document(&self) -> Result<Option<Document>, ReadErrorKind> {
        let line = &self.lines.line;
        let text = std::str::from_utf8(line).map_err(|e| ReadErrorKind::InvalidUtf8 {
            line: self.lines.number,
            offset: self.lines.offset + e.valid_up_to() as u64,
        })?;
        // Tools on Windows often start a file with a byte order mark.
        let text = if self.lines.number == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        if text.trim().is_empty() {
            return Ok(None);
        }
        let article: JsonArticle = serde_json::from_str(text).map_err(json_error)?;
        let body = article.text.as_deref().map(str::trim).unwrap_or("");
        if body.is_empty() {
            return Err(ReadErrorKind::MissingText);
        }
        let body = if body.contains('\r') {
            body.replace("\r\n", "\n")
        } else {
            body.to_string()
        };
        let owned = |s: Option<Cow<str>>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let meta = DocumentMeta {
            title: owned(article.title),
            published: article
                .date
                .or(article.published)
                .as_deref()
                .and_then(parse_date),
            url: owned(article.url),
            outlet: owned(article.outlet.or(article.source)),
            language: owned(article.language),
        };
        Ok(Some(meta.into_document(
            format!("{}:{}", self.origin, self.lines.number),
            body,
        )))
    }
}

/// serde_json says "expected value at line 1 column 1"; on one line, the column is
/// what matters. Syntax errors mean the line is not JSON; type errors mean it is JSON
/// but not an article.
fn json_error(e: serde_json::Error) -> ReadErrorKind {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => format!("{} at column {}", &message[..i], e.column()),
        None => message,
    };
    match e.classify() {
        serde_json::error::Category::Data => ReadErrorKind::InvalidArticle(message),
        _ => ReadErrorKind::NotJson(message),
    }
}

impl<R: Read> Iterator for JsonlReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let outcome = match self.lines.next_line()? {
                Ok(outcome) => outcome,
                Err(e) => {
                    // The stream itself failed: nothing after this can be trusted.
                    self.done = true;
                    let at = format!("{}:{}", self.origin, self.lines.number + 1);
                    return Some(Err(ReadError::new(at, io_error_kind(e, self.compressed))));
                }
            };
            let at = || format!("{}:{}", self.origin, self.lines.number);
            match outcome {
                Line::TooLong => {
                    return Some(Err(ReadError::new(at(), ReadErrorKind::LineTooLong)))
                }
                Line::Complete => match self.document() {
                    Ok(Some(doc)) => return Some(Ok(doc)),
                    Ok(None) => continue,
                    Err(kind) => return Some(Err(ReadError::new(at(), kind))),
                },
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_articles_and_reports_bad_lines() {
        let input = concat!(
            "\u{feff}",
            r#"{"id":"a1","url":"http://x/1","date":"2016-02-12","title":"T1","text":"Para one.\n\nPara two.","outlet":"Wire","category":"world"}"#,
            "\n\n",
            "not json\n",
            r#"{"title":"no text"}"#,
            "\n",
            r#"{"text":"Second \"quoted\" article.","published":"Fri, 12 Feb 2016 08:00:00 GMT","source":"Agency","date":null}"#,
            "\n",
            r#"{"text": 12}"#,
        );
        let results: Vec<_> = JsonlReader::new("f.jsonl".into(), input.as_bytes(), false).collect();
        assert_eq!(results.len(), 5);
        let first = results[0].as_ref().unwrap();
        assert_eq!(first.origin, "f.jsonl:1");
        assert_eq!(first.text, "Para one.\n\nPara two.");
        assert_eq!(first.outlet.as_deref(), Some("Wire"));
        assert_eq!(first.published.unwrap().to_string(), "2016-02-12");
        assert_eq!(
            results[1].as_ref().unwrap_err().to_string(),
            "f.jsonl:3: line is not JSON: expected ident at column 2"
        );
        assert_eq!(
            results[2].as_ref().unwrap_err().to_string(),
            "f.jsonl:4: JSON article has no \"text\""
        );
        let second = results[3].as_ref().unwrap();
        assert_eq!(second.origin, "f.jsonl:5");
        assert_eq!(second.text, "Second \"quoted\" article.");
        assert_eq!(second.outlet.as_deref(), Some("Agency"));
        assert_eq!(second.published.unwrap().to_string(), "2016-02-12");
        assert!(results[4]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("f.jsonl:6: JSON article is malformed: invalid type: integer"));
    }
}
