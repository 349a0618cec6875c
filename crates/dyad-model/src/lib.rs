//! The document model that flows through every dyad pipeline stage.
//!
//! One [`Document`] is read from some input, then each stage adds a layer to it:
//! sentences and tokens (`dyad-parse`), actor mentions (`dyad-actors`), events with
//! their claims (`dyad-code`). Every layer points back into [`Document::text`] by
//! [`Span`]s, so any output can show the evidence it came from.
//!
//! This crate holds data types and the few pure functions on them (ids, dates,
//! spans). It does no I/O, no parsing of input formats and no coding: those belong to
//! the stage crates, which depend on this one and never on each other's internals.

mod actor;
mod date;
mod document;
mod event;
pub mod fixtures;
mod id;
mod span;
mod syntax;

pub use actor::{Actor, ActorMention};
pub use date::{month_from_name, Date, DateError, DateRange};
pub use document::{Document, Skip};
pub use event::{Certainty, Event, Location, Quantity};
pub use id::{stable_hash128, DocId};
pub use span::Span;
pub use syntax::{Sentence, Token, Upos};

/// A pipeline stage: takes a document and adds its layer to it.
///
/// Stages never fail on bad text; they produce what they can and record why they
/// skipped a document (for example an English-only stage on an Arabic document) with
/// [`Document::skip`].
pub trait Component {
    /// Short stable name used in skip reasons and progress output, e.g. `"parse"`.
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `doc`.
    fn annotate(&self, doc: &mut Document);
}

/// A shared stage (e.g. a model loaded once per process) is a stage too.
impl<T: Component + ?Sized> Component for &T {
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn annotate(&self, doc: &mut Document) {
        (**self).annotate(doc)
    }
}
