//! The trained model (tagger, lemmatiser, parser), its file format and the
//! [`Parser`] component that runs all of them.

use crate::arc_eager::{ArcEager, ParserWord, MAX_BEAM_WIDTH};
use crate::lemma::Lemmatizer;
use crate::perceptron::{FastMap, Weights};
use crate::segment::{Segmenter, MAX_SENTENCE_TOKENS};
use crate::tagger::{word_info, Lookahead, Tagger};
use dyad_model::{Component, Document, Upos};
use std::path::Path;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"DYADPRS6";

/// The shipped model, trained by `dyad train-parser` on UD English EWT (train split).
static DEFAULT_MODEL: &[u8] = include_bytes!("../model/en_ewt.dyadparse");

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("cannot read parser model {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("parser model {origin} is not valid: {message}")]
    Format { origin: String, message: String },
}

/// How the dependency parser chooses its transitions. The model file holds a
/// weight table for each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decoding {
    /// One transition at a time with the locally trained model: the fastest
    /// (the speed goal is measured with it), and the default.
    #[default]
    Greedy,
    /// Beam search of this width (clamped to 1..=64) with the globally trained
    /// model: more accurate and slower (beam 8, [`Decoding::ACCURATE`]: about 1.1
    /// LAS more on EWT, and the whole pipeline at a fifth of the greedy speed; see
    /// model/README.md).
    Beam(usize),
}

impl Decoding {
    /// The beam width of the accuracy mode, chosen on EWT dev.
    pub const ACCURATE_WIDTH: usize = 8;
    /// The accuracy mode: beam search of width [`Decoding::ACCURATE_WIDTH`].
    pub const ACCURATE: Decoding = Decoding::Beam(Decoding::ACCURATE_WIDTH);
    /// The widest beam searched; wider beams are clamped to it.
    pub const MAX_BEAM_WIDTH: usize = MAX_BEAM_WIDTH;
}

/// Tokenizer, tagger, lemmatiser and dependency parser in one component.
pub struct Parser {
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: ArcEager,
    /// UPOS and XPOS of each joint tag.
    pub(crate) upos: Vec<Upos>,
    pub(crate) xpos: Vec<String>,
    /// The label index of `punct`: bracket and quote pairs with it are
    /// re-attached after parsing ([`crate::punct`]).
    punct_label: Option<usize>,
    segmenter: Segmenter,
    decoding: Decoding,
}

/// One analysed word: tags, lemma, head (0-based within the sentence) and relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    pub upos: Upos,
    pub xpos: String,
    pub lemma: String,
    pub head: Option<u32>,
    pub deprel: String,
}

impl Parser {
    pub(crate) fn new(
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: ArcEager,
    ) -> Result<Parser, ParseError> {
        let mut upos = Vec::new();
        let mut xpos = Vec::new();
        for tag in &tagger.tags {
            let (u, x) = tag.split_once('\t').unwrap_or((tag.as_str(), "_"));
            upos.push(Upos::parse(u).ok_or_else(|| ParseError::Format {
                origin: "model".to_string(),
                message: format!("unknown UPOS tag {u:?}"),
            })?);
            xpos.push(x.to_string());
        }
        let punct_label = parser.labels.iter().position(|l| l == "punct");
        Ok(Parser {
            punct_label,
            tagger,
            lemmatizer,
            parser,
            upos,
            xpos,
            segmenter: Segmenter::new(),
            decoding: Decoding::Greedy,
        })
    }

    /// Loads the model shipped inside this library.
    pub fn load_default() -> Result<Parser, ParseError> {
        Parser::from_bytes(DEFAULT_MODEL, "built-in model")
    }

    /// The shipped model, loaded once per process and shared.
    pub fn shared() -> Result<&'static Parser, ParseError> {
        static SHARED: OnceLock<Result<Parser, String>> = OnceLock::new();
        SHARED
            .get_or_init(|| Parser::load_default().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| ParseError::Format {
                origin: "built-in model".to_string(),
                message: message.clone(),
            })
    }

    /// Loads a model file written by [`Parser::save`].
    pub fn load(path: &Path) -> Result<Parser, ParseError> {
        let bytes = std::fs::read(path).map_err(|source| ParseError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Parser::from_bytes(&bytes, &path.display().to_string())
    }

    pub fn save(&self, path: &Path) -> Result<(), ParseError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| ParseError::Io {
            path: path.display().to_string(),
            source,
        })
    }

    /// This parser with `decoding` for [`Parser::analyse`] and
    /// [`Component::annotate`] (loaded parsers decode greedily).
    pub fn with_decoding(mut self, decoding: Decoding) -> Parser {
        self.decoding = decoding;
        self
    }

    /// How [`Parser::analyse`] and [`Component::annotate`] decode.
    pub fn decoding(&self) -> Decoding {
        self.decoding
    }

    /// Tags, lemmatises and parses one sentence given its word forms, decoding as
    /// set by [`Parser::with_decoding`] (greedy unless set).
    pub fn analyse(&self, forms: &[&str]) -> Vec<Analysis> {
        self.analyse_with(forms, self.decoding)
    }

    /// Tags, lemmatises and parses one sentence given its word forms. Sentences
    /// longer than [`MAX_SENTENCE_TOKENS`] are parsed in pieces of that size, each
    /// piece with its own root.
    pub fn analyse_with(&self, forms: &[&str], decoding: Decoding) -> Vec<Analysis> {
        let mut out = Vec::with_capacity(forms.len());
        for (piece, chunk) in forms.chunks(MAX_SENTENCE_TOKENS).enumerate() {
            let offset = piece * MAX_SENTENCE_TOKENS;
            let (tags, words) = self.tagged_words(chunk);
            let (mut heads, labels) = match decoding {
                Decoding::Greedy => self.parser.parse(&words),
                Decoding::Beam(width) => self.parser.parse_beam(&words, width),
            };
            if let Some(punct) = self.punct_label {
                let is_mark = |i: usize| {
                    labels[i] == punct && self.upos[usize::from(tags[i - 1])] == Upos::PUNCT
                };
                crate::punct::attach_pairs(chunk, is_mark, &mut heads);
            }
            for (i, form) in chunk.iter().enumerate() {
                let tag = usize::from(tags[i]);
                let upos = self.upos[tag];
                let xpos = &self.xpos[tag];
                let head = heads[i + 1];
                out.push(Analysis {
                    upos,
                    xpos: xpos.clone(),
                    lemma: self.lemmatizer.lemma(form, upos.as_str(), xpos),
                    head: (head != 0).then(|| (offset + head - 1) as u32),
                    deprel: self.parser.labels[labels[i + 1]].clone(),
                });
            }
        }
        out
    }

    /// The tagger's tags of `forms` and the words the dependency parser sees.
    fn tagged_words(&self, forms: &[&str]) -> (Vec<u16>, Vec<ParserWord>) {
        let infos: Vec<_> = forms.iter().map(|f| word_info(f)).collect();
        let tags = self.tagger.tag(&infos);
        let words = infos
            .iter()
            .zip(&tags)
            .map(|(&info, &t)| ParserWord {
                info,
                tag: u64::from(t) + 1,
            })
            .collect();
        (tags, words)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(1 << 20));
        w.0.extend_from_slice(MAGIC);
        w.strings(&self.tagger.tags);
        w.strings(&self.parser.labels);
        w.u32(self.parser.root_label as u32);
        w.u32(self.parser.fallback_label as u32);
        let mut dictionary: Vec<(u64, u16)> = self
            .tagger
            .dictionary
            .iter()
            .map(|(&k, &v)| (k, v))
            .collect();
        dictionary.sort_unstable();
        w.u32(dictionary.len() as u32);
        for (k, v) in dictionary {
            w.u64(k);
            w.u32(u32::from(v));
        }
        let mut lexicon: Vec<(u64, u64)> =
            self.tagger.lexicon.iter().map(|(&k, &v)| (k, v)).collect();
        lexicon.sort_unstable();
        w.u32(lexicon.len() as u32);
        for (k, v) in lexicon {
            w.u64(k);
            w.u64(v);
        }
        w.weights(&self.tagger.weights);
        match &self.tagger.lookahead {
            Some(second) => {
                w.0.push(1);
                w.0.extend_from_slice(&second.margin.to_le_bytes());
                w.weights(&second.weights);
            }
            None => w.0.push(0),
        }
        w.weights(&self.parser.greedy);
        w.weights(&self.parser.beam);
        let mut table: Vec<(&String, &String)> = self.lemmatizer.table.iter().collect();
        table.sort_unstable();
        w.u32(table.len() as u32);
        for (k, v) in table {
            w.string(k);
            w.string(v);
        }
        let mut known: Vec<&String> = self.lemmatizer.known.iter().collect();
        known.sort_unstable();
        w.u32(known.len() as u32);
        for k in known {
            w.string(k);
        }
        w.0
    }

    fn from_bytes(bytes: &[u8], origin: &str) -> Result<Parser, ParseError> {
        let mut r = Reader {
            bytes,
            at: 0,
            origin,
        };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.error("not a dyad parser model (bad magic)"));
        }
        let tags = r.strings()?;
        let labels = r.strings()?;
        let root_label = r.u32()? as usize;
        let fallback_label = r.u32()? as usize;
        if root_label >= labels.len() || fallback_label >= labels.len() || tags.is_empty() {
            return Err(r.error("label indices out of range"));
        }
        let n = r.u32()? as usize;
        let mut dictionary = FastMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u32()?;
            if v as usize >= tags.len() {
                return Err(r.error("tag dictionary refers to an unknown tag"));
            }
            dictionary.insert(k, v as u16);
        }
        let n = r.u32()? as usize;
        let mut lexicon = FastMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.insert(k, r.u64()?);
        }
        let tag_weights = r.weights(tags.len())?;
        // The tagger's second pass: a flag, then its margin and weights.
        let lookahead = match r.take(1)?[0] {
            0 => None,
            1 => {
                let margin = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
                if margin.is_nan() {
                    return Err(r.error("the tagger's second-pass margin is not a number"));
                }
                Some(Lookahead::new(r.weights(tags.len())?, margin, &tags))
            }
            _ => return Err(r.error("bad flag for the tagger's second pass")),
        };
        let greedy = r.weights(ArcEager::n_moves(labels.len()))?;
        let beam = r.weights(ArcEager::n_moves(labels.len()))?;
        let n = r.u32()? as usize;
        let mut lemmatizer = Lemmatizer::default();
        for _ in 0..n {
            let k = r.string()?;
            let v = r.string()?;
            lemmatizer.table.insert(k, v);
        }
        let n = r.u32()? as usize;
        for _ in 0..n {
            lemmatizer.known.insert(r.string()?);
        }
        if r.at != bytes.len() {
            return Err(r.error("trailing bytes"));
        }
        Parser::new(
            Tagger {
                weights: tag_weights,
                tags,
                dictionary,
                lexicon,
                lookahead,
            },
            lemmatizer,
            ArcEager {
                greedy,
                beam,
                labels,
                root_label,
                fallback_label,
            },
        )
        .map_err(|e| match e {
            ParseError::Format { message, .. } => ParseError::Format {
                origin: origin.to_string(),
                message,
            },
            other => other,
        })
    }
}

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parse"
    }

    /// Segments the document if it has no tokens yet, then tags, lemmatises and
    /// parses every sentence. Non-English documents are skipped.
    fn annotate(&self, doc: &mut Document) {
        if !doc.is_english() {
            let language = doc.language.clone().unwrap_or_default();
            doc.skip("parse", format!("language {language}"));
            return;
        }
        if doc.tokens.is_empty() {
            self.segmenter.annotate(doc);
        }
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let forms: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| &doc.text[t.span.range()])
                .collect();
            let analyses = self.analyse(&forms);
            for (token, a) in doc.tokens[range].iter_mut().zip(analyses) {
                token.upos = a.upos;
                token.xpos = a.xpos;
                token.lemma = a.lemma;
                token.head = a.head;
                token.deprel = a.deprel;
            }
        }
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn string(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strings(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        for s in list {
            self.string(s);
        }
    }
    /// Weights as laid out in memory: table size, scale, then each used slot.
    fn weights(&mut self, weights: &Weights) {
        self.u32(weights.table_size() as u32);
        self.0.extend_from_slice(&weights.scale().to_le_bytes());
        self.u32(weights.feature_count() as u32);
        for (slot, fp, row) in weights.raw_rows() {
            self.u32(slot as u32);
            self.u32(fp);
            self.0.extend_from_slice(&(row.len() as u16).to_le_bytes());
            for packed in row {
                self.u32(*packed);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    origin: &'a str,
}

impl<'a> Reader<'a> {
    fn error(&self, message: &str) -> ParseError {
        ParseError::Format {
            origin: self.origin.to_string(),
            message: format!("{message} (at byte {})", self.at),
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ParseError> {
        if self.bytes.len() - self.at < n {
            return Err(self.error("truncated"));
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }
    fn u16(&mut self) -> Result<u16, ParseError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    fn u32(&mut self) -> Result<u32, ParseError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, ParseError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn string(&mut self) -> Result<String, ParseError> {
        let n = self.u32()? as usize;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.error("string is not UTF-8"))
    }
    fn strings(&mut self) -> Result<Vec<String>, ParseError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.string()).collect()
    }
    fn weights(&mut self, n_classes: usize) -> Result<Weights, ParseError> {
        let table_size = self.u32()? as usize;
        let scale = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        let n = self.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(self.bytes.len() / 10));
        for _ in 0..n {
            let slot = self.u32()? as usize;
            let fp = self.u32()?;
            let len = self.u16()? as usize;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let packed = self.u32()?;
                if (packed & 0xffff) as usize >= n_classes {
                    return Err(self.error("weight for an unknown class"));
                }
                row.push(packed);
            }
            rows.push((slot, fp, row));
        }
        Weights::from_raw(table_size, scale, rows)
            .ok_or_else(|| self.error("inconsistent weight table"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Parser>();
    }

    #[test]
    fn built_in_model_round_trips_and_parses() {
        let parser = Parser::shared().expect("the built-in model loads");
        let again = Parser::from_bytes(&parser.to_bytes(), "copy").expect("reloads");
        let forms = ["Russia", "supplied", "rifles", "to", "the", "Taliban", "."];
        let analyses = parser.analyse(&forms);
        assert_eq!(analyses, again.analyse(&forms));
        let beam = parser.analyse_with(&forms, Decoding::ACCURATE);
        assert_eq!(beam, again.analyse_with(&forms, Decoding::ACCURATE));
        assert_eq!(again.to_bytes(), parser.to_bytes());
        assert_eq!(analyses[1].lemma, "supply");
        assert_eq!(analyses[1].head, None);
        assert_eq!(analyses[0].deprel, "nsubj");
        assert_eq!(analyses[0].head, Some(1));
        assert_eq!(analyses[2].deprel, "obj");
    }

    #[test]
    fn decoding_is_set_per_parser() {
        let parser = Parser::load_default().expect("loads");
        assert_eq!(parser.decoding(), Decoding::Greedy);
        let forms = [
            "Moscow", "denied", "that", "it", "armed", "the", "rebels", ".",
        ];
        let greedy = parser.analyse(&forms);
        let beam = parser.analyse_with(&forms, Decoding::ACCURATE);
        let parser = parser.with_decoding(Decoding::ACCURATE);
        assert_eq!(parser.decoding(), Decoding::ACCURATE);
        assert_eq!(parser.analyse(&forms), beam);
        assert_eq!(parser.analyse_with(&forms, Decoding::Greedy), greedy);
        // Widths out of range are clamped, not refused.
        assert_eq!(
            parser.analyse_with(&forms, Decoding::Beam(0)),
            parser.analyse_with(&forms, Decoding::Beam(1))
        );
        assert_eq!(
            parser.analyse_with(&forms, Decoding::Beam(1000)),
            parser.analyse_with(&forms, Decoding::Beam(Decoding::MAX_BEAM_WIDTH))
        );
    }

    /// Both decodings find the main verb of a clause whose verb the tagger reads as
    /// a participle, after a relative clause and before a second predicate (greedy
    /// decoding made "Taliban" the root before the clause rule knew second
    /// predicates).
    #[test]
    fn the_main_verb_after_a_relative_clause_is_found() {
        let parser = Parser::shared().expect("the built-in model loads");
        let text = "The Taliban , who were n't consulted , called the long - term deal a \
                    betrayal and vowed to fight on .";
        let forms: Vec<&str> = text.split_whitespace().collect();
        // "called" is a past participle to the tagger; the clause rule makes it
        // the verb, since "vowed" follows a coordinator.
        for decoding in [Decoding::Greedy, Decoding::ACCURATE] {
            let analysis = parser.analyse_with(&forms, decoding);
            assert_eq!(analysis[8].xpos, "VBD", "{decoding:?}");
            assert_eq!(
                analysis[8].head, None,
                "{decoding:?}: \"called\" is the root"
            );
            let subject = (analysis[1].head, analysis[1].deprel.as_str());
            assert_eq!(subject, (Some(8), "nsubj"), "{decoding:?}");
            let object = (analysis[13].head, analysis[13].deprel.as_str());
            assert_eq!(object, (Some(8), "obj"), "{decoding:?}");
            let second = (analysis[17].head, analysis[17].deprel.as_str());
            assert_eq!(second, (Some(8), "conj"), "{decoding:?}");
        }
    }

    /// Beam search with a beam of one and the greedy model's weights makes the same
    /// choices as greedy decoding (ties included).
    #[test]
    fn beam_of_one_over_the_greedy_model_is_greedy_decoding() {
        let parser = Parser::shared().expect("the built-in model loads");
        let text = "Afghan officials said on Tuesday that Russia had supplied 10,000 \
                    rifles to the government 's army , but Moscow 's envoy denied the report . \
                    The Taliban , who were n't consulted , called the deal a betrayal . \
                    word word word , , , ( ) the the of";
        let forms: Vec<&str> = text.split_whitespace().collect();
        for start in 0..forms.len() {
            let (_, words) = parser.tagged_words(&forms[start..]);
            let greedy = parser.parser.parse(&words);
            let beam = parser.parser.search(&parser.parser.greedy, &words, 1);
            assert_eq!(greedy, beam, "from word {start}");
        }
    }

    #[test]
    fn bracket_and_quote_pairs_hang_from_what_they_enclose() {
        let parser = Parser::shared().expect("the built-in model loads");
        // The greedy parser alone splits the pairs of the first three.
        let sentences = [
            "Kabul ( Reuters ) - Rebels said they \" fully support \" the talks .",
            "Iran denied sending drones ( the third denial this week ) .",
            "The army said \" terrorists \" attacked a checkpoint in Idlib ( northwest Syria ) .",
            "The militia ( known locally as the Lions ) seized the town .",
            "Officials called the deal \u{201c} a betrayal \u{201d} on Tuesday .",
        ];
        for sentence in sentences {
            let forms: Vec<&str> = sentence.split(' ').collect();
            let marks: Vec<usize> = (0..forms.len())
                .filter(|&i| ["(", ")", "\"", "\u{201c}", "\u{201d}"].contains(&forms[i]))
                .collect();
            for decoding in [Decoding::Greedy, Decoding::ACCURATE] {
                let analysis = parser.analyse_with(&forms, decoding);
                for pair in marks.chunks(2) {
                    let (open, close) = (pair[0], pair[1]);
                    let head = analysis[open].head.expect("a mark has a head") as usize;
                    assert_eq!(analysis[close].head, Some(head as u32), "{sentence}");
                    assert!(open < head && head < close, "{sentence}: {analysis:?}");
                    let outside = analysis[head]
                        .head
                        .is_none_or(|h| (h as usize) < open || (h as usize) > close);
                    assert!(
                        outside,
                        "{sentence}: the pair's word heads what it encloses"
                    );
                }
            }
        }
    }

    #[test]
    fn corrupt_models_are_rejected_with_their_name() {
        let err = Parser::from_bytes(b"not a model", "bad.model")
            .err()
            .expect("rejected");
        assert!(err.to_string().contains("bad.model"), "{err}");
        let mut truncated = Parser::shared().expect("loads").to_bytes();
        truncated.truncate(truncated.len() / 2);
        assert!(Parser::from_bytes(&truncated, "half").is_err());
    }

    /// Tokens, tags, lemmas and arcs of a fixed news paragraph with the shipped model
    /// (recorded again with each new model): any change in output of the same model
    /// (tie-breaking included) shows here.
    #[test]
    fn output_of_a_news_paragraph_is_unchanged() {
        const TEXT: &str = "KABUL (Reuters) - Afghan officials said on Tuesday that Russia had supplied 10,000 rifles to the government's army, but Moscow's envoy denied the report. \"We don't arm anyone,\" Lt. Col. Ivan Petrov told reporters in the U.S.-backed capital. The Taliban, who weren't consulted, called the long-term deal a betrayal and vowed to fight on.";
        const EXPECTED: &str = "\
KABUL PROPN NNP KABUL 0 root
( PUNCT -LRB- ( 3 punct
Reuters PROPN NNP Reuters 1 appos
) PUNCT -RRB- ) 3 punct
- PUNCT : - 1 punct
Afghan ADJ JJ Afghan 2 amod
officials NOUN NNS official 3 nsubj
said VERB VBD say 0 root
on ADP IN on 5 case
Tuesday PROPN NNP Tuesday 3 obl
that SCONJ IN that 9 mark
Russia PROPN NNP Russia 9 nsubj
had AUX VBD have 9 aux
supplied VERB VBN supply 3 ccomp
10,000 NUM CD 10000 11 nummod
rifles NOUN NNS rifle 9 obj
to ADP IN to 16 case
the DET DT the 14 det
government NOUN NN government 16 nmod:poss
's PART POS 's 14 case
army NOUN NN army 9 obl
, PUNCT , , 22 punct
but CCONJ CC but 22 cc
Moscow PROPN NNP Moscow 21 nmod:poss
's PART POS 's 19 case
envoy NOUN NN envoy 22 nsubj
denied VERB VBD deny 3 conj
the DET DT the 24 det
report NOUN NN report 22 obj
. PUNCT . . 3 punct
\" PUNCT `` \" 5 punct
We PRON PRP we 5 nsubj
do AUX VBP do 5 aux
n't PART RB not 5 advmod
arm VERB VB arm 13 ccomp
anyone PRON NN anyone 5 obj
, PUNCT , , 5 punct
\" PUNCT '' \" 5 punct
Lt. PROPN NNP Lt. 10 compound
Col. PROPN NNP Col. 11 nmod:desc
Ivan PROPN NNP Ivan 13 nsubj
Petrov PROPN NNP Petrov 11 flat
told VERB VBD tell 0 root
reporters NOUN NNS reporter 13 iobj
in ADP IN in 20 case
the DET DT the 20 det
U.S. PROPN NNP U.S. 19 obl:unmarked
- PUNCT HYPH - 17 punct
backed VERB VBN back 20 amod
capital NOUN NN capital 13 obl
. PUNCT . . 13 punct
The DET DT the 2 det
Taliban PROPN NNP Taliban 9 nsubj
, PUNCT , , 7 punct
who PRON WP who 7 nsubj:pass
were AUX VBD be 7 aux:pass
n't PART RB not 7 advmod
consulted VERB VBN consult 2 acl:relcl
, PUNCT , , 2 punct
called VERB VBD call 0 root
the DET DT the 14 det
long ADJ JJ long 13 amod
- PUNCT HYPH - 11 punct
term NOUN NN term 14 compound
deal NOUN NN deal 9 obj
a DET DT a 16 det
betrayal NOUN NN betrayal 9 obl:unmarked
and CCONJ CC and 18 cc
vowed VERB VBD vow 9 conj
to PART TO to 20 mark
fight VERB VB fight 18 xcomp
on ADP IN on 20 obl
. PUNCT . . 9 punct
";
        let parser = Parser::shared().expect("the built-in model loads");
        let mut doc = Document::new("regression", TEXT, None);
        parser.annotate(&mut doc);
        let mut got = String::new();
        for s in 0..doc.sentences.len() {
            for t in doc.sentence_tokens(s) {
                got.push_str(&format!(
                    "{} {} {} {} {} {}\n",
                    doc.slice(t.span),
                    t.upos.as_str(),
                    t.xpos,
                    t.lemma,
                    t.head.map_or(0, |h| h + 1),
                    t.deprel
                ));
            }
        }
        assert_eq!(got, EXPECTED);
    }
}
