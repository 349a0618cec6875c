//! Reading and writing CoNLL-U, and turning gold sentences into a [`Document`].
//!
//! Multiword-token lines (`3-4`) are kept only for their surface form and spacing;
//! empty nodes (`8.1`) of enhanced dependencies are skipped.

use dyad_model::{Document, Sentence, Span, Token, Upos};
use std::fmt::Write as _;

/// A malformed CoNLL-U line.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number in the input.
    pub line: usize,
    pub message: String,
}

/// One syntactic word (a CoNLL-U line with an integer id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 1-based head id; 0 for the root.
    pub head: u32,
    pub deprel: String,
    pub misc: String,
    /// False when MISC (or the enclosing multiword token) says `SpaceAfter=No`.
    pub space_after: bool,
}

/// A multiword token such as `don't` covering words `first..=last` (1-based ids).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluMultiword {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub space_after: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// The `# newdoc id` given just before this sentence, if any.
    pub newdoc_id: Option<String>,
    pub sent_id: Option<String>,
    /// The `# text` comment, if present.
    pub text: Option<String>,
    /// The sentence starts a new paragraph or document (`# newpar`, `# newdoc`).
    pub new_paragraph: bool,
    pub words: Vec<ConlluWord>,
    pub multiwords: Vec<ConlluMultiword>,
}

fn field_error(line: usize, message: impl Into<String>) -> ConlluError {
    ConlluError {
        line,
        message: message.into(),
    }
}

fn has_no_space(misc: &str) -> bool {
    misc.split('|').any(|m| m == "SpaceAfter=No")
}

/// Parses CoNLL-U text into sentences.
pub fn parse_conllu(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    let mut pending_paragraph = false;
    let mut last_line = 0;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        last_line = line_no;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                finish(&mut current, line_no)?;
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if comment.starts_with("newpar") || comment.starts_with("newdoc") {
                if comment.starts_with("newpar_block") {
                    continue;
                }
                if let Some(id) = comment.strip_prefix("newdoc id") {
                    current.newdoc_id = Some(id.trim_start_matches([' ', '=']).trim().to_string());
                }
                pending_paragraph = true;
            } else if let Some(id) = comment.strip_prefix("sent_id") {
                current.sent_id = Some(id.trim_start_matches([' ', '=']).trim().to_string());
            } else if let Some(t) = comment.strip_prefix("text ") {
                if let Some(t) = t.trim_start().strip_prefix('=') {
                    current.text = Some(t.trim().to_string());
                }
            } else if comment == "text" {
                current.text = Some(String::new());
            }
            continue;
        }
        if pending_paragraph {
            current.new_paragraph = true;
            pending_paragraph = false;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(field_error(
                line_no,
                format!("expected 10 tab-separated fields, found {}", fields.len()),
            ));
        }
        let id = fields[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = a
                .parse()
                .map_err(|_| field_error(line_no, format!("bad multiword id {id:?}")))?;
            let last = b
                .parse()
                .map_err(|_| field_error(line_no, format!("bad multiword id {id:?}")))?;
            current.multiwords.push(ConlluMultiword {
                first,
                last,
                form: fields[1].to_string(),
                space_after: !has_no_space(fields[9]),
            });
            continue;
        }
        let id: usize = id
            .parse()
            .map_err(|_| field_error(line_no, format!("bad word id {id:?}")))?;
        if id != current.words.len() + 1 {
            return Err(field_error(
                line_no,
                format!(
                    "word id {id} out of sequence (expected {})",
                    current.words.len() + 1
                ),
            ));
        }
        let head = if fields[6] == "_" {
            0
        } else {
            fields[6]
                .parse()
                .map_err(|_| field_error(line_no, format!("bad head {:?}", fields[6])))?
        };
        current.words.push(ConlluWord {
            form: fields[1].to_string(),
            lemma: fields[2].to_string(),
            upos: fields[3].to_string(),
            xpos: fields[4].to_string(),
            feats: fields[5].to_string(),
            head,
            deprel: fields[7].to_string(),
            misc: fields[9].to_string(),
            space_after: !has_no_space(fields[9]),
        });
    }
    if !current.words.is_empty() {
        finish(&mut current, last_line)?;
        sentences.push(current);
    }
    Ok(sentences)
}

/// Checks heads and propagates multiword spacing to the last word.
fn finish(sentence: &mut ConlluSentence, line: usize) -> Result<(), ConlluError> {
    let n = sentence.words.len() as u32;
    if let Some(w) = sentence.words.iter().find(|w| w.head > n) {
        return Err(field_error(
            line,
            format!("sentence ending here: head {} beyond its {n} words", w.head),
        ));
    }
    for mw in &sentence.multiwords {
        if mw.first == 0 || mw.last > n || mw.first > mw.last {
            return Err(field_error(
                line,
                format!(
                    "sentence ending here: multiword {}-{} out of range",
                    mw.first, mw.last
                ),
            ));
        }
        sentence.words[mw.last as usize - 1].space_after = mw.space_after;
    }
    Ok(())
}

/// The surface units of a sentence: (form, first word, last word, space after).
fn surface_units(sentence: &ConlluSentence) -> Vec<(&str, usize, usize, bool)> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < sentence.words.len() {
        if let Some(mw) = sentence
            .multiwords
            .iter()
            .find(|m| m.first as usize == i + 1)
        {
            units.push((mw.form.as_str(), i, mw.last as usize - 1, mw.space_after));
            i = mw.last as usize;
        } else {
            let w = &sentence.words[i];
            units.push((w.form.as_str(), i, i, w.space_after));
            i += 1;
        }
    }
    units
}

/// The raw text of a sentence: its `# text` if present, else its forms joined
/// following the `SpaceAfter=No` marks.
pub fn sentence_text(sentence: &ConlluSentence) -> String {
    if let Some(text) = &sentence.text {
        return text.clone();
    }
    let mut out = String::new();
    for (form, _, _, space) in surface_units(sentence) {
        out.push_str(form);
        if space {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Word spans of `sentence` placed in `text` starting at byte `base`, or `None` when
/// the forms cannot be found in order.
fn locate_words(text: &str, base: usize, sentence: &ConlluSentence) -> Option<Vec<Span>> {
    let mut spans = Vec::with_capacity(sentence.words.len());
    let mut at = base;
    for (form, first, last, _) in surface_units(sentence) {
        let rest = &text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        at += skipped;
        if !text[at..].starts_with(form) || form.is_empty() {
            return None;
        }
        let end = at + form.len();
        if first == last {
            spans.push(Span::new(at, end));
        } else {
            // Word forms usually concatenate to the multiword form ("do"+"n't");
            // otherwise give each word a share of it, the last word taking the rest.
            let mut pos = at;
            for w in first..=last {
                let wf = &sentence.words[w].form;
                let piece_end = if w == last {
                    end
                } else if text[pos..end].starts_with(wf.as_str()) && pos + wf.len() < end {
                    pos + wf.len()
                } else {
                    let next = text[pos..end].chars().next().map_or(0, char::len_utf8);
                    (pos + next).min(end)
                };
                if piece_end <= pos {
                    return None;
                }
                spans.push(Span::new(pos, piece_end));
                pos = piece_end;
            }
        }
        at = end;
    }
    Some(spans)
}

/// A document with gold sentences, tokens, tags, lemmas and parses. Sentences of one
/// paragraph are joined by a space, paragraphs by a blank line.
pub fn document_from_conllu(sentences: &[ConlluSentence]) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut doc_sentences = Vec::new();
    for (k, sentence) in sentences.iter().enumerate() {
        if sentence.words.is_empty() {
            continue;
        }
        if k > 0 && !text.is_empty() {
            text.push_str(if sentence.new_paragraph { "\n\n" } else { " " });
        }
        let base = text.len();
        text.push_str(&sentence_text(sentence));
        let spans = locate_words(&text, base, sentence).unwrap_or_else(|| {
            // `# text` disagrees with the forms: rebuild the sentence from its forms.
            text.truncate(base);
            let fallback = ConlluSentence {
                text: None,
                ..sentence.clone()
            };
            text.push_str(&sentence_text(&fallback));
            locate_words(&text, base, &fallback).unwrap_or_default()
        });
        if spans.len() != sentence.words.len() {
            text.truncate(base);
            continue;
        }
        let first = tokens.len();
        for (word, span) in sentence.words.iter().zip(&spans) {
            tokens.push(Token {
                span: *span,
                lemma: word.lemma.clone(),
                upos: Upos::parse(&word.upos).unwrap_or(Upos::X),
                xpos: word.xpos.clone(),
                head: word.head.checked_sub(1),
                deprel: word.deprel.clone(),
            });
        }
        doc_sentences.push(Sentence {
            span: spans[0].cover(spans[spans.len() - 1]),
            tokens: first..tokens.len(),
        });
    }
    let mut doc = Document::new("conllu", text, None);
    doc.language = Some("en".to_string());
    doc.tokens = tokens;
    doc.sentences = doc_sentences;
    doc
}

fn or_underscore(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Writes the document's sentences as CoNLL-U (one word per token, FEATS empty).
pub fn write_conllu(doc: &Document) -> String {
    let mut out = String::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}", s + 1);
        let sentence_text: String = doc.slice(sentence.span).replace(['\n', '\r'], " ");
        let _ = writeln!(out, "# text = {sentence_text}");
        let tokens = doc.sentence_tokens(s);
        for (i, token) in tokens.iter().enumerate() {
            let form = doc.slice(token.span).replace(['\t', '\n'], " ");
            let head = token.head.map_or(0, |h| h + 1);
            let deprel = if token.deprel.is_empty() {
                if token.head.is_none() {
                    "root"
                } else {
                    "dep"
                }
            } else {
                token.deprel.as_str()
            };
            let space_after = tokens
                .get(i + 1)
                .is_none_or(|next| next.span.start > token.span.end);
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                form,
                or_underscore(&token.lemma),
                token.upos,
                or_underscore(&token.xpos),
                head,
                deprel,
                if space_after { "_" } else { "SpaceAfter=No" }
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\
\n\
# sent_id = s2\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

    #[test]
    fn reads_words_skipping_multiwords_and_empty_nodes() {
        let sentences = parse_conllu(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].words.len(), 5);
        assert_eq!(sentences[0].multiwords.len(), 1);
        assert_eq!(sentences[0].text.as_deref(), Some("I don't know."));
        assert!(sentences[0].new_paragraph);
        assert_eq!(sentence_text(&sentences[1]), "Yes!");
    }

    #[test]
    fn builds_document_with_spans_and_parse() {
        let doc = document_from_conllu(&parse_conllu(SAMPLE).unwrap());
        assert_eq!(doc.text, "I don't know. Yes!");
        let forms: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert_eq!(forms, vec!["I", "do", "n't", "know", ".", "Yes", "!"]);
        assert_eq!(doc.tokens[0].head, Some(3));
        assert_eq!(doc.tokens[3].head, None);
        assert_eq!(doc.tokens[2].lemma, "not");
        assert_eq!(doc.tokens[1].upos, Upos::AUX);
        assert_eq!(doc.sentences[1].tokens, 5..7);
        let written = write_conllu(&doc);
        let back = document_from_conllu(&parse_conllu(&written).unwrap());
        assert_eq!(back.tokens, doc.tokens);
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_conllu("# text = x\n1\tx\tx\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("line 2:"));
        let err = parse_conllu("1\tx\tx\tX\tX\t_\t9\tdep\t_\t_\n").unwrap_err();
        assert!(err.to_string().contains("head 9"));
    }
}
