use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A sentence: its extent in the text and its tokens (document-level indices).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// One syntactic word, following UD English tokenization (possessive `'s` and `n't`
/// are tokens of their own). Tags and the parse are empty until the parser runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub lemma: String,
    pub upos: Upos,
    /// Penn Treebank tag, e.g. `VBD`.
    pub xpos: String,
    /// Index of the head token *within the sentence* (0-based); `None` for the root.
    pub head: Option<u32>,
    /// UD relation with subtype, e.g. `nsubj:pass`, `obl:tmod`.
    pub deprel: String,
}

impl Token {
    /// An untagged, unparsed token.
    pub fn bare(span: Span) -> Token {
        Token {
            span,
            lemma: String::new(),
            upos: Upos::X,
            xpos: String::new(),
            head: None,
            deprel: String::new(),
        }
    }
}

macro_rules! upos {
    ($($tag:ident),* $(,)?) => {
        /// Universal part-of-speech tag.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Upos { $($tag),* }

        impl Upos {
            pub const ALL: &'static [Upos] = &[$(Upos::$tag),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Upos::$tag => stringify!($tag)),* }
            }

            pub fn parse(tag: &str) -> Option<Upos> {
                match tag { $(stringify!($tag) => Some(Upos::$tag),)* _ => None }
            }
        }
    };
}

upos!(
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
);

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upos_round_trip() {
        assert_eq!(Upos::ALL.len(), 17);
        for &tag in Upos::ALL {
            assert_eq!(Upos::parse(tag.as_str()), Some(tag));
        }
        assert_eq!(Upos::parse("NN"), None);
    }
}
