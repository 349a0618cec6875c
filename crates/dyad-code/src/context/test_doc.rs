//! Hand-built documents for the context tests: no parser, whitespace tokens with edge
//! punctuation split off, one sentence.

use dyad_model::{Date, Document, Sentence, Span, Token};

/// A one-sentence document. Commas, semicolons, colons, quotes and brackets at word
/// edges are tokens of their own, as is a final full stop; "Feb." and "U.S." stay whole.
pub(super) fn doc(text: &str, published: Option<&str>) -> Document {
    let mut doc = Document::new("test", text, None);
    doc.published = published.map(|p| Date::parse(p).expect("test date"));
    let mut spans = Vec::new();
    let mut offset = 0;
    for word in text.split(' ') {
        let (start, end) = (offset, offset + word.len());
        offset = end + 1;
        if word.is_empty() {
            continue;
        }
        let mut lo = start;
        let mut hi = end;
        while lo < hi && text[lo..hi].starts_with(['(', '"']) {
            spans.push(Span::new(lo, lo + 1));
            lo += 1;
        }
        let mut trailing = Vec::new();
        while hi > lo + 1 {
            let last = text[..hi].chars().next_back().unwrap_or(' ');
            let final_stop = last == '.' && hi == text.len();
            if !(matches!(last, ',' | ';' | ':' | ')' | '"' | '?' | '!') || final_stop) {
                break;
            }
            trailing.push(Span::new(hi - 1, hi));
            hi -= 1;
        }
        spans.push(Span::new(lo, hi));
        spans.extend(trailing.into_iter().rev());
    }
    doc.tokens = spans.into_iter().map(Token::bare).collect();
    doc.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..doc.tokens.len(),
    }];
    doc
}

/// Index of the first token whose text is `word`.
pub(super) fn token(doc: &Document, word: &str) -> usize {
    (0..doc.tokens.len())
        .find(|&i| doc.token_text(i) == word)
        .unwrap_or_else(|| panic!("no token {word:?} in {:?}", doc.text))
}

/// Attaches the first token `word` to the first token `head` with relation `deprel`.
pub(super) fn attach(doc: &mut Document, word: &str, head: &str, deprel: &str) {
    let (w, h) = (token(doc, word), token(doc, head));
    doc.tokens[w].head = Some(h as u32);
    doc.tokens[w].deprel = deprel.to_string();
}
