use serde::{Deserialize, Serialize};
use std::fmt;

/// A document's stable identity: 128-bit FNV-1a of its normalised text and URL,
/// written as 32 lowercase hex digits.
///
/// Normalisation folds all runs of whitespace to one space and trims the ends, so the
/// same article read from HTML, a WARC record or a JSONL line gets the same id as long
/// as the extracted text and URL agree. The hash is ours and fixed: ids never change
/// between releases or platforms.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    pub fn from_content(text: &str, url: Option<&str>) -> DocId {
        // Hash the normalised bytes as they stream by instead of building the string:
        // readers call this once per document and it would otherwise copy every text.
        let mut hash = Fnv128::new();
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hash.write(b" ");
            }
            hash.write(word.as_bytes());
        }
        hash.write(b"\x1f");
        hash.write(url.unwrap_or("").trim().as_bytes());
        DocId(format!("{:032x}", hash.finish()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 128-bit FNV-1a. Not cryptographic; stable forever, which is what ids need.
pub fn stable_hash128(bytes: &[u8]) -> u128 {
    let mut hash = Fnv128::new();
    hash.write(bytes);
    hash.finish()
}

struct Fnv128(u128);

impl Fnv128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Self {
        Fnv128(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u128).wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u128 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_does_not_change_id() {
        let a = DocId::from_content("Russia  supplies\nrifles. ", Some("http://x"));
        let b = DocId::from_content(" Russia supplies rifles.", Some("http://x"));
        assert_eq!(a, b);
        assert_eq!(a.as_str().len(), 32);
    }

    #[test]
    fn url_changes_id() {
        let a = DocId::from_content("text", Some("http://a"));
        let b = DocId::from_content("text", Some("http://b"));
        assert_ne!(a, b);
        assert_ne!(a, DocId::from_content("text", None));
    }

    #[test]
    fn streaming_hash_equals_hash_of_normalised_text() {
        let id = DocId::from_content("  Russia supplies\n\nrifles. ", Some(" http://x "));
        let expected = stable_hash128("Russia supplies rifles.\u{1f}http://x".as_bytes());
        assert_eq!(id.as_str(), format!("{expected:032x}"));
    }

    #[test]
    fn fnv_known_value() {
        // FNV-1a 128 of the empty input is the offset basis.
        assert_eq!(stable_hash128(b""), 0x6c62272e07bb014262b821756295c58d);
    }
}
