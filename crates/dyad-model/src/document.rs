use crate::{ActorMention, Date, DocId, Event, Sentence, Span, Token};
use serde::{Deserialize, Serialize};

/// One article and every layer the pipeline has added to it.
///
/// Readers fill the metadata and `text`; `dyad-parse` adds `sentences` and `tokens`;
/// `dyad-actors` adds `mentions`; `dyad-code` adds `events`. Layers refer to each
/// other by index (a sentence's token range, a mention's token range) and to the text
/// by [`Span`], never by copying text around.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    /// Where the document was read from: a path, with `:LINE` for JSONL lines or
    /// `#N` for the Nth record of a feed or WARC; `-` for standard input.
    pub origin: String,
    pub url: Option<String>,
    /// Outlet or publisher, e.g. "Reuters".
    pub outlet: Option<String>,
    pub published: Option<Date>,
    /// ISO 639-1 code ("en", "ar", "fa", "ps", "ru", "uk"...) or `None` if unknown.
    pub language: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<ActorMention>,
    pub events: Vec<Event>,
    /// Stages that did not process this document, and why.
    pub skipped: Vec<Skip>,
}

/// A stage's reason for leaving a document without its layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skip {
    pub stage: String,
    pub reason: String,
}

impl Document {
    /// A document with its id derived from `text` and `url` (see [`DocId`]).
    pub fn new(
        origin: impl Into<String>,
        text: impl Into<String>,
        url: Option<String>,
    ) -> Document {
        let text = text.into();
        Document {
            id: DocId::from_content(&text, url.as_deref()),
            origin: origin.into(),
            url,
            text,
            ..Document::default()
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The surface form of token `i` (document-level index).
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }

    /// Tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// True when the language is English or unknown: English-only stages run on these.
    pub fn is_english(&self) -> bool {
        matches!(self.language.as_deref(), None | Some("en"))
    }

    pub fn skip(&mut self, stage: &str, reason: impl Into<String>) {
        self.skipped.push(Skip {
            stage: stage.to_string(),
            reason: reason.into(),
        });
    }
}
