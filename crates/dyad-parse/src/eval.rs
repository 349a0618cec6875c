//! Evaluation against gold CoNLL-U, in the manner of the CoNLL 2018 shared task.
//!
//! With gold tokenization, the parser runs on the gold words and each score is the
//! share of words it got right. From raw text (the gold `# text` lines, sentences of
//! a paragraph joined by a space and paragraphs by a blank line), system and gold
//! tokens are aligned by their character offsets; token and sentence scores are F1
//! over exact spans, and `RAW_*` scores are F1 over aligned words whose attribute
//! (and, for attachment, whose head's span) is right. LAS compares universal
//! relations (the part before any `:`), punctuation included.

use crate::conllu::{document_from_conllu, ConlluSentence};
use crate::model::Parser;
use dyad_model::{Component, Document, Span, Token};
use std::collections::HashMap;

/// All scores, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalReport {
    pub tokens_f1: f64,
    pub sentences_f1: f64,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    pub raw_upos: f64,
    pub raw_uas: f64,
    pub raw_las: f64,
    /// Gold words evaluated.
    pub words: usize,
}

impl EvalReport {
    /// `(NAME, value)` pairs in the order `dyad eval-parse` prints them.
    pub fn lines(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("TOKENS_F1", self.tokens_f1),
            ("SENTENCES_F1", self.sentences_f1),
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("LEMMA", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("RAW_UPOS", self.raw_upos),
            ("RAW_UAS", self.raw_uas),
            ("RAW_LAS", self.raw_las),
        ]
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

fn percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        100.0 * correct as f64 / total as f64
    }
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        100.0
    } else {
        200.0 * correct as f64 / (gold + system) as f64
    }
}

/// Span of each token's head (`None` for roots), by document-level token index.
fn head_spans(doc: &Document) -> Vec<Option<Span>> {
    let mut out = vec![None; doc.tokens.len()];
    for sentence in &doc.sentences {
        for i in sentence.tokens.clone() {
            out[i] = doc.tokens[i]
                .head
                .map(|h| sentence.tokens.start + h as usize)
                .filter(|&h| h < sentence.tokens.end)
                .map(|h| doc.tokens[h].span);
        }
    }
    out
}

/// Scores `parser` on gold sentences, decoding as the parser is set to
/// ([`Parser::with_decoding`]).
pub fn evaluate(parser: &Parser, gold: &[ConlluSentence]) -> EvalReport {
    let gold_doc = document_from_conllu(gold);
    let gold_heads = head_spans(&gold_doc);

    // Gold tokenization.
    let mut system = gold_doc.clone();
    system.tokens = gold_doc
        .tokens
        .iter()
        .map(|t| Token::bare(t.span))
        .collect();
    parser.annotate(&mut system);
    let system_heads = head_spans(&system);
    let n = gold_doc.tokens.len();
    let mut counts = [0usize; 6];
    for (i, (g, s)) in gold_doc.tokens.iter().zip(&system.tokens).enumerate() {
        counts[0] += usize::from(g.upos == s.upos);
        counts[1] += usize::from(g.xpos == s.xpos);
        counts[2] += usize::from(g.lemma == s.lemma);
        let head_ok = gold_heads[i] == system_heads[i];
        counts[3] += usize::from(head_ok);
        counts[4] += usize::from(head_ok && universal(&g.deprel) == universal(&s.deprel));
    }

    // Raw text.
    let mut raw = Document::new("eval", gold_doc.text.clone(), None);
    raw.language = Some("en".to_string());
    parser.annotate(&mut raw);
    let raw_heads = head_spans(&raw);
    let gold_by_span: HashMap<Span, usize> = gold_doc
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span, i))
        .collect();
    let mut aligned = 0;
    let mut raw_counts = [0usize; 3];
    for (j, t) in raw.tokens.iter().enumerate() {
        if let Some(&i) = gold_by_span.get(&t.span) {
            aligned += 1;
            let g = &gold_doc.tokens[i];
            raw_counts[0] += usize::from(g.upos == t.upos);
            let head_ok = gold_heads[i] == raw_heads[j];
            raw_counts[1] += usize::from(head_ok);
            raw_counts[2] += usize::from(head_ok && universal(&g.deprel) == universal(&t.deprel));
        }
    }
    let gold_sentences: std::collections::HashSet<Span> =
        gold_doc.sentences.iter().map(|s| s.span).collect();
    let matched_sentences = raw
        .sentences
        .iter()
        .filter(|s| gold_sentences.contains(&s.span))
        .count();
    let system_n = raw.tokens.len();
    EvalReport {
        tokens_f1: f1(aligned, n, system_n),
        sentences_f1: f1(
            matched_sentences,
            gold_doc.sentences.len(),
            raw.sentences.len(),
        ),
        upos: percent(counts[0], n),
        xpos: percent(counts[1], n),
        lemma: percent(counts[2], n),
        uas: percent(counts[3], n),
        las: percent(counts[4], n),
        raw_upos: f1(raw_counts[0], n, system_n),
        raw_uas: f1(raw_counts[1], n, system_n),
        raw_las: f1(raw_counts[2], n, system_n),
        words: n,
    }
}
