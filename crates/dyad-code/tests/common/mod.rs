//! Test documents written by hand: sentences as compact CoNLL-U, mentions by text.

use dyad_model::{Actor, ActorMention, Document, Event};
use dyad_parse::conllu::{document_from_conllu, parse_conllu};

/// A document from sentences given one word per line as
/// `FORM LEMMA UPOS XPOS HEAD DEPREL` (ids are the line numbers; a form glued to the
/// previous one is written with a leading `~`).
pub fn doc(sentences: &[&str]) -> Document {
    let mut conllu = String::new();
    for s in sentences {
        let words: Vec<Vec<&str>> = s
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| l.split_whitespace().collect())
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(w.len(), 6, "bad test line {w:?}");
            let glued_next = words.get(i + 1).is_some_and(|n| n[0].starts_with('~'));
            let misc = if glued_next { "SpaceAfter=No" } else { "_" };
            conllu.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n",
                i + 1,
                w[0].trim_start_matches('~'),
                w[1],
                w[2],
                w[3],
                w[4],
                w[5],
                misc
            ));
        }
        conllu.push('\n');
    }
    let sentences = parse_conllu(&conllu).expect("test CoNLL-U parses");
    document_from_conllu(&sentences)
}

pub fn actor(text: &str, code: &str, country: Option<&str>, group: Option<&str>) -> Actor {
    Actor {
        text: text.to_string(),
        name: Some(text.to_string()),
        code: Some(code.to_string()),
        country: country.map(str::to_string),
        group: group.map(str::to_string),
        sector: None,
    }
}

/// Adds a mention on the `nth` (0-based) occurrence of the words `text`; its head is
/// the last word.
pub fn mention(doc: &mut Document, text: &str, nth: usize, actor: Actor) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let starts: Vec<usize> = (0..doc.tokens.len())
        .filter(|&i| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| i + k < doc.tokens.len() && doc.token_text(i + k) == *w)
        })
        .collect();
    let start = *starts
        .get(nth)
        .unwrap_or_else(|| panic!("{text:?} #{nth} not in the document"));
    let end = start + words.len();
    let sentence = doc
        .sentences
        .iter()
        .position(|s| s.tokens.contains(&start))
        .unwrap();
    doc.mentions.push(ActorMention {
        span: doc.tokens[start].span.cover(doc.tokens[end - 1].span),
        sentence,
        tokens: start..end,
        head: end - 1,
        actor: actor.with_text(
            doc.text[doc.tokens[start].span.start..doc.tokens[end - 1].span.end].to_string(),
        ),
        resolution: "test".into(),
    });
}

pub trait WithText {
    fn with_text(self, text: String) -> Self;
}

impl WithText for Actor {
    fn with_text(mut self, text: String) -> Actor {
        self.text = text;
        self
    }
}

/// `SOURCE>TARGET CODE` with actors by code (or text when uncoded, `-` when absent).
pub fn brief(e: &Event) -> String {
    let key = |a: &Option<Actor>| {
        a.as_ref()
            .map(|a| a.code.clone().unwrap_or_else(|| a.text.clone()))
            .unwrap_or_else(|| "-".into())
    };
    format!("{}>{} {}", key(&e.source), key(&e.target), e.cameo)
}

pub fn find<'a>(events: &'a [Event], brief_text: &str) -> &'a Event {
    events
        .iter()
        .find(|e| brief(e) == brief_text)
        .unwrap_or_else(|| {
            panic!(
                "no event {brief_text}; got {:?}",
                events.iter().map(brief).collect::<Vec<_>>()
            )
        })
}
