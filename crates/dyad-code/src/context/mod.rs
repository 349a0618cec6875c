//! When, where and how much: the context of an event found around its trigger.
//! Owned by the context engineer; the coder calls only these functions.

use dyad_model::{DateRange, Document, Location, Quantity, Span};

/// The date an event happened, resolved against the document's date: the temporal
/// expression attached to the trigger token (document-level index) or in its sentence.
/// Returns the range and the span of the phrase it came from.
pub fn find_date(doc: &Document, sentence: usize, trigger: usize) -> Option<(DateRange, Span)> {
    let _ = (doc, sentence, trigger);
    None
}

/// Where an event happened, from a place name attached to the trigger or in its sentence.
pub fn find_location(doc: &Document, sentence: usize, trigger: usize) -> Option<Location> {
    let _ = (doc, sentence, trigger);
    None
}

/// A quantity modifying the token `head` (document-level index), e.g. the object of "supplied".
pub fn find_quantity(doc: &Document, head: usize) -> Option<Quantity> {
    let _ = (doc, head);
    None
}
