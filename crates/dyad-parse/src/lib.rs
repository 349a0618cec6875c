//! Sentences, tokens, tags, lemmas and dependency parses for news English.
//!
//! Adds the `sentences` and `tokens` layers of a [`dyad_model::Document`], keeping
//! byte offsets into the original text. The tagger and parser are our own, trained by
//! `dyad train-parser` on UD English EWT and shipped as a model file.
//!
//! It does not know about actors or events.
