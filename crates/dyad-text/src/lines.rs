//! Reading lines with bounded memory: a line longer than the limit is reported and
//! skipped in chunks, never held whole, so a 100 MB file without a newline costs no
//! more than the limit.

use crate::error::MAX_DOCUMENT_BYTES;
use std::io::{self, BufRead, BufReader, Read};

const CHUNK_BYTES: usize = 256 * 1024;

pub enum Line {
    /// The line is in [`LineReader::line`], without its `\n` or `\r\n`.
    Complete,
    /// The line exceeded the limit; its bytes were skipped.
    TooLong,
}

pub struct LineReader<R> {
    input: BufReader<R>,
    limit: usize,
    /// The current line's bytes.
    pub line: Vec<u8>,
    /// 1-based number of the current line.
    pub number: u64,
    /// Byte offset of the current line's start in the input.
    pub offset: u64,
    consumed: u64,
}

impl<R: Read> LineReader<R> {
    pub fn new(input: R) -> LineReader<R> {
        LineReader::with_limit(input, MAX_DOCUMENT_BYTES)
    }

    pub fn with_limit(input: R, limit: usize) -> LineReader<R> {
        LineReader {
            input: BufReader::with_capacity(CHUNK_BYTES, input),
            limit,
            line: Vec::new(),
            number: 0,
            offset: 0,
            consumed: 0,
        }
    }

    /// The next line, `None` at the end of input.
    pub fn next_line(&mut self) -> Option<io::Result<Line>> {
        self.line.clear();
        let mut too_long = false;
        let mut started = false;
        let start = self.consumed;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if chunk.is_empty() {
                if !started {
                    return None;
                }
                break;
            }
            started = true;
            let (piece, used, ended) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if !too_long {
                if self.line.len() + piece.len() > self.limit {
                    too_long = true;
                    self.line.clear();
                    // Give back the memory the overlong line took.
                    self.line.shrink_to(CHUNK_BYTES);
                } else {
                    self.line.extend_from_slice(piece);
                }
            }
            self.input.consume(used);
            self.consumed += used as u64;
            if ended {
                break;
            }
        }
        self.number += 1;
        self.offset = start;
        if too_long {
            return Some(Ok(Line::TooLong));
        }
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        Some(Ok(Line::Complete))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_overlong_lines() {
        let input = b"one\r\ntwo-is-too-long\nthree\n\nfour".to_vec();
        let mut reader = LineReader::with_limit(&input[..], 5);
        let mut seen = Vec::new();
        while let Some(line) = reader.next_line() {
            match line.unwrap() {
                Line::Complete => seen.push(format!(
                    "{}@{}:{}",
                    reader.number,
                    reader.offset,
                    String::from_utf8_lossy(&reader.line)
                )),
                Line::TooLong => seen.push(format!("{}:TOO LONG", reader.number)),
            }
        }
        assert_eq!(
            seen,
            ["1@0:one", "2:TOO LONG", "3@21:three", "4@27:", "5@28:four"]
        );
    }
}
