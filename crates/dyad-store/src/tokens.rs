//! The compact per-document encoding of the token layer.
//!
//! Tokens are by far the most numerous rows a document has, and nothing queries them
//! one by one, so they are stored as one blob per document instead of one row per
//! token. The blob is a string table (lemmas, tags, relations) followed by one record
//! per token, all integers as LEB128 varints:
//!
//! ```text
//! blob   := VERSION n_strings (len bytes)* n_tokens token*
//! token  := zigzag(start - previous start) len upos head lemma xpos deprel
//! head   := 0 for the root, else head + 1
//! lemma  := 0 empty | 1 same as the surface | 2 lowercased surface | 3 + string index
//! xpos, deprel := string index
//! ```
//!
//! An unparsed token (empty lemma and tags) costs about seven bytes.

use dyad_model::{Span, Token, Upos};
use std::collections::HashMap;

const VERSION: u64 = 1;

const LEMMA_EMPTY: u64 = 0;
const LEMMA_SURFACE: u64 = 1;
const LEMMA_LOWERCASE: u64 = 2;
const LEMMA_TABLE: u64 = 3;

/// Encodes `tokens`, whose spans point into `text`.
pub fn encode(text: &str, tokens: &[Token]) -> Vec<u8> {
    let mut strings = StringTable::default();
    let mut body = Vec::with_capacity(tokens.len() * 6);
    let mut previous_start = 0usize;
    for token in tokens {
        let start = token.span.start;
        put(&mut body, zigzag(start as i64 - previous_start as i64));
        put(&mut body, token.span.len() as u64);
        previous_start = start;
        put(&mut body, upos_index(token.upos));
        put(&mut body, token.head.map_or(0, |h| u64::from(h) + 1));
        let surface = text.get(token.span.range());
        let lemma = if token.lemma.is_empty() {
            LEMMA_EMPTY
        } else if surface == Some(token.lemma.as_str()) {
            LEMMA_SURFACE
        } else if surface.is_some_and(|s| s.to_lowercase() == token.lemma) {
            LEMMA_LOWERCASE
        } else {
            LEMMA_TABLE + strings.index(&token.lemma)
        };
        put(&mut body, lemma);
        put(&mut body, strings.index(&token.xpos));
        put(&mut body, strings.index(&token.deprel));
    }
    let mut blob = Vec::with_capacity(body.len() + 64);
    put(&mut blob, VERSION);
    put(&mut blob, strings.list.len() as u64);
    for s in &strings.list {
        put(&mut blob, s.len() as u64);
        blob.extend_from_slice(s.as_bytes());
    }
    put(&mut blob, tokens.len() as u64);
    blob.extend_from_slice(&body);
    blob
}

/// Decodes a blob written by [`encode`] for the same `text`. The error says what is
/// wrong with the blob.
pub fn decode(text: &str, blob: &[u8]) -> Result<Vec<Token>, String> {
    let mut r = Reader { blob, at: 0 };
    let version = r.uint()?;
    if version != VERSION {
        return Err(format!(
            "token layer has unknown encoding version {version}"
        ));
    }
    let n_strings = r.count()?;
    let mut strings = Vec::with_capacity(n_strings);
    for _ in 0..n_strings {
        let len = r.count()?;
        strings.push(r.string(len)?);
    }
    let string = |i: u64| {
        strings
            .get(i as usize)
            .cloned()
            .ok_or_else(|| format!("token layer refers to missing string {i}"))
    };
    let n_tokens = r.count()?;
    let mut tokens = Vec::with_capacity(n_tokens);
    let mut previous_start = 0i64;
    for _ in 0..n_tokens {
        let start = previous_start + unzigzag(r.uint()?);
        let len = r.uint()? as i64;
        previous_start = start;
        let span = match (usize::try_from(start), usize::try_from(start + len)) {
            (Ok(s), Ok(e)) if text.get(s..e).is_some() => Span::new(s, e),
            _ => return Err(format!("token span {start}+{len} is outside the text")),
        };
        let upos = *Upos::ALL
            .get(r.uint()? as usize)
            .ok_or("token layer has an unknown part of speech")?;
        let head = match r.uint()? {
            0 => None,
            h => Some(u32::try_from(h - 1).map_err(|_| "token head out of range")?),
        };
        let surface = &text[span.range()];
        let lemma = match r.uint()? {
            LEMMA_EMPTY => String::new(),
            LEMMA_SURFACE => surface.to_string(),
            LEMMA_LOWERCASE => surface.to_lowercase(),
            i => string(i - LEMMA_TABLE)?,
        };
        let xpos = string(r.uint()?)?;
        let deprel = string(r.uint()?)?;
        tokens.push(Token {
            span,
            lemma,
            upos,
            xpos,
            head,
            deprel,
        });
    }
    if r.at != blob.len() {
        return Err("token layer has trailing bytes".to_string());
    }
    Ok(tokens)
}

/// Distinct strings in order of first use; the empty string is always entry 0.
struct StringTable<'a> {
    list: Vec<&'a str>,
    index: HashMap<&'a str, u64>,
}

impl Default for StringTable<'_> {
    fn default() -> Self {
        StringTable {
            list: vec![""],
            index: HashMap::new(),
        }
    }
}

impl<'a> StringTable<'a> {
    fn index(&mut self, s: &'a str) -> u64 {
        // Unparsed tokens have empty tags: skip hashing for them.
        if s.is_empty() {
            return 0;
        }
        let next = self.list.len() as u64;
        *self.index.entry(s).or_insert_with(|| {
            self.list.push(s);
            next
        })
    }
}

fn upos_index(upos: Upos) -> u64 {
    Upos::ALL.iter().position(|&u| u == upos).unwrap_or(0) as u64
}

fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

struct Reader<'a> {
    blob: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn uint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .blob
                .get(self.at)
                .ok_or("token layer ends in the middle of a number")?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("token layer has an overlong number".to_string())
    }

    /// A count or length, bounded by the bytes left so a corrupt blob cannot make us
    /// allocate without limit.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.uint()?;
        if n > (self.blob.len() - self.at) as u64 {
            return Err(format!("token layer claims {n} items in a shorter blob"));
        }
        Ok(n as usize)
    }

    fn string(&mut self, len: usize) -> Result<String, String> {
        let bytes = &self.blob[self.at..self.at + len];
        self.at += len;
        String::from_utf8(bytes.to_vec()).map_err(|_| "token layer has a non-UTF-8 string".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, word: &str, from: usize) -> Token {
        let start = text[from..].find(word).unwrap() + from;
        Token::bare(Span::new(start, start + word.len()))
    }

    #[test]
    fn round_trips_bare_and_parsed_tokens() {
        let text = "Moscow's envoys didn't arrive — Ça va.";
        let mut tokens = vec![
            token(text, "Moscow", 0),
            token(text, "'s", 0),
            token(text, "envoys", 0),
            token(text, "did", 0),
            token(text, "n't", 0),
            token(text, "arrive", 0),
            token(text, "—", 0),
            token(text, "Ça", 0),
        ];
        tokens[0].lemma = "Moscow".into();
        tokens[0].upos = Upos::PROPN;
        tokens[0].xpos = "NNP".into();
        tokens[0].head = Some(2);
        tokens[0].deprel = "nmod:poss".into();
        tokens[2].lemma = "envoy".into();
        tokens[2].upos = Upos::NOUN;
        tokens[3].lemma = "do".into();
        tokens[4].lemma = "not".into();
        tokens[7].lemma = "ça".into();
        tokens[5].head = Some(u32::MAX - 1);
        let blob = encode(text, &tokens);
        assert_eq!(decode(text, &blob).unwrap(), tokens);
    }

    #[test]
    fn bare_tokens_are_small() {
        let text = "word ".repeat(1000);
        let tokens: Vec<Token> = (0..1000)
            .map(|i| Token::bare(Span::new(i * 5, i * 5 + 4)))
            .collect();
        let blob = encode(&text, &tokens);
        assert!(blob.len() <= 1000 * 7 + 8, "{} bytes", blob.len());
        assert_eq!(decode(&text, &blob).unwrap(), tokens);
    }

    #[test]
    fn corrupt_blobs_are_errors_not_panics() {
        let text = "Talks resumed in Doha.";
        let tokens = vec![token(text, "Talks", 0), token(text, "Doha", 0)];
        let blob = encode(text, &tokens);
        for cut in 0..blob.len() {
            assert!(decode(text, &blob[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode("short", &blob).is_err());
        let mut garbage = blob.clone();
        garbage.push(0);
        assert!(decode(text, &garbage).is_err());
        assert!(decode(text, &[0xff; 20]).is_err());
    }
}
