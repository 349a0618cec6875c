//! Sentences, tokens, tags, lemmas and dependency parses for news English.
//!
//! [`Segmenter`] adds the `sentences` and `tokens` layers of a [`dyad_model::Document`],
//! keeping byte offsets into the original text. [`Parser`] (which runs the segmenter
//! first when a document has no tokens) fills each token's UPOS and Penn Treebank tags,
//! lemma, head and UD relation. The tagger (averaged perceptron) and the parser
//! (arc-eager, averaged perceptron, dynamic oracle) are our own, trained by
//! `dyad train-parser` on UD English EWT and shipped inside this library:
//! [`Parser::load_default`] loads it, [`Parser::shared`] loads it once per process.
//! Parsing is greedy by default (linear time, the fast path); [`Decoding::Beam`]
//! (set with [`Parser::with_decoding`] or per call with [`Parser::analyse_with`])
//! searches with a beam over a second, globally trained weight table: more accurate
//! and several times slower.
//! [`conllu`] reads and writes CoNLL-U and builds gold documents; [`eval`] scores a
//! model against gold CoNLL-U; [`train`] reproduces the shipped model.
//!
//! Sentences longer than [`MAX_SENTENCE_TOKENS`] tokens are cut into pieces of that
//! size so that work per sentence stays bounded.
//!
//! It does not know about actors or events, and it only handles English: documents
//! in other languages are skipped with a reason.

mod arc_eager;
pub mod conllu;
pub mod eval;
mod lemma;
mod model;
mod paged;
mod perceptron;
mod punct;
mod segment;
mod tagger;
pub mod train;

pub use model::{Analysis, Decoding, ParseError, Parser};
pub use segment::{Segmenter, MAX_SENTENCE_TOKENS};
