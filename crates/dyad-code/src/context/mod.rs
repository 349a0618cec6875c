//! When, where and how much: the context of an event found around its trigger.
//! Owned by the context engineer; the coder calls only these functions.
//!
//! - [`find_date`]: temporal phrases resolved against the document date (rules in
//!   `dates`);
//! - [`find_location`]: place names after a locative cue ("in", "near", "the town of"),
//!   resolved through a gazetteer of countries, cities and provinces (rules in
//!   `places`);
//! - [`find_place_at`]: the place a name names wherever it stands ("shelled Aleppo");
//! - [`find_quantity`]: counts, amounts of money and measures before a noun (rules in
//!   `quantity`).
//!
//! Each works from the dependency parse when the tokens carry one and from the token
//! sequence alone when they do not. None of them reads the dateline as an event's date
//! or place.

mod atoms;
mod dates;
mod places;
mod quantity;
#[cfg(test)]
mod test_doc;

use dyad_model::{DateRange, Document, Location, Quantity, Span};

/// The date an event happened, resolved against the document's date: the temporal
/// expression attached to the trigger token (document-level index) or in its sentence.
/// Returns the range and the span of the phrase it came from.
pub fn find_date(doc: &Document, sentence: usize, trigger: usize) -> Option<(DateRange, Span)> {
    in_sentence(doc, sentence, trigger)?;
    dates::find(doc, sentence, trigger)
}

/// Where an event happened, from a place name attached to the trigger or in its sentence.
pub fn find_location(doc: &Document, sentence: usize, trigger: usize) -> Option<Location> {
    in_sentence(doc, sentence, trigger)?;
    places::find(doc, sentence, trigger)
}

/// The place a gazetteer name at token `token` (document-level index) names, with no
/// locative cue needed: the object of "shelled Aleppo".
pub fn find_place_at(doc: &Document, sentence: usize, token: usize) -> Option<Location> {
    in_sentence(doc, sentence, token)?;
    places::named_at(doc, sentence, token)
}

/// A quantity modifying the token `head` (document-level index), e.g. the object of "supplied".
pub fn find_quantity(doc: &Document, head: usize) -> Option<Quantity> {
    // Sentences are in token order.
    let sentence = doc.sentences.partition_point(|s| s.tokens.end <= head);
    in_sentence(doc, sentence, head)?;
    quantity::find(doc, sentence, head)
}

/// Tie of a phrase that dates or places the speech act above a reported clause.
const SPEECH_ACT: u8 = 9;

/// Verbs of saying: a date or place on one belongs to the saying.
const SPEECH_VERBS: &[&str] = &[
    "say", "tell", "report", "announce", "add", "state", "claim", "confirm", "declare", "allege",
];

/// Words that, with no parse, separate the clauses of two verbs.
const CLAUSE_BOUNDARIES: &[&str] = &[
    "and", "but", ";", "while", "after", "before", "when", "said", "says", "told", "that", "which",
    "who", "whereas", "although", "because",
];

/// How closely a phrase (tokens `first..=last`) is tied to the trigger, lower first,
/// then by distance: 0 attached to it; 1 inside its subtree within its clause; 2 on a
/// word the trigger hangs from (not across a reported clause); 3 elsewhere (also below the trigger
/// in another clause). A phrase on the speech act of a reported clause ("said on
/// Tuesday that ...", "..., officials said on Tuesday") gets [`SPEECH_ACT`] and is never
/// used. Without a parse only distance counts, after a penalty (4) for a clause
/// boundary word between phrase and trigger.
pub(super) fn tie(
    doc: &Document,
    sentence: usize,
    trigger: usize,
    first: usize,
    last: usize,
) -> (u8, usize) {
    let range = doc.sentences[sentence].tokens.clone();
    let distance = if trigger < first {
        first - trigger
    } else {
        trigger.saturating_sub(last)
    };
    let head_of = |t: usize| {
        doc.tokens[t]
            .head
            .map(|h| range.start + h as usize)
            .filter(|h| range.contains(h))
    };
    // The phrase's own head: its token whose head lies outside it.
    let Some(phrase_head) =
        (first..=last).find(|&t| head_of(t).is_some_and(|h| h < first || h > last))
    else {
        // No parse: a clause boundary between phrase and trigger ("attacked Kunduz last
        // Sunday and seized ...") makes the phrase another clause's.
        let between = if trigger < first {
            trigger + 1..first
        } else {
            last + 1..trigger
        };
        let boundary = between
            .into_iter()
            .any(|t| CLAUSE_BOUNDARIES.contains(&doc.token_text(t).to_lowercase().as_str()));
        return (if boundary { 4 } else { 3 }, distance);
    };
    let attached_to = head_of(phrase_head).unwrap_or(phrase_head);
    if attached_to == trigger {
        return (0, distance);
    }
    let deprel = |t: usize| doc.tokens[t].deprel.as_str();
    let speech = |t: usize| {
        let lemma = doc.tokens[t].lemma.as_str();
        SPEECH_VERBS.iter().any(|v| lemma.eq_ignore_ascii_case(v))
    };
    let ancestors = |t: usize| std::iter::successors(Some(t), |&a| head_of(a)).take(range.len());
    // Below the trigger: through which clauses? "Russia supplied rifles, officials said
    // on Tuesday": the phrase hangs on a parenthetical speech verb (`parataxis`) below
    // the trigger and dates the saying.
    let up: Vec<usize> = ancestors(attached_to).collect();
    if let Some(at) = up.iter().position(|&a| a == trigger) {
        let mut clause = 1;
        for &node in &up[..at] {
            // The parser also hangs the speech verb as a conjunct or adverbial
            // clause ("..., officials said on Tuesday").
            if deprel(node).starts_with("parataxis")
                || (speech(node)
                    && ["conj", "advcl", "dep"]
                        .iter()
                        .any(|r| deprel(node).starts_with(r)))
            {
                clause = SPEECH_ACT;
            } else if ["ccomp", "advcl", "acl", "conj", "csubj"]
                .iter()
                .any(|r| deprel(node).starts_with(r))
            {
                clause = clause.max(3);
            }
        }
        return (clause, distance);
    }
    // Outside the reported clause holding the trigger: the speech act's
    // ("said on Tuesday that ...", "officials in Washington said ...").
    let reported_clause = ancestors(trigger)
        .find(|&a| deprel(a).starts_with("ccomp") || deprel(a).starts_with("parataxis"));
    if reported_clause.is_some_and(|r| !up.contains(&r)) {
        return (SPEECH_ACT, distance);
    }
    // On a verb of saying the trigger's clause hangs from, however it is attached.
    if speech(attached_to) && ancestors(trigger).any(|a| a == attached_to) {
        return (SPEECH_ACT, distance);
    }
    if ancestors(trigger).any(|a| a == attached_to) {
        return (2, distance);
    }
    (3, distance)
}

/// `Some(())` when `sentence` exists and holds token `token`.
fn in_sentence(doc: &Document, sentence: usize, token: usize) -> Option<()> {
    let s = doc.sentences.get(sentence)?;
    (s.tokens.contains(&token) && s.tokens.end <= doc.tokens.len()).then_some(())
}

#[cfg(test)]
mod tests {
    use super::test_doc::{doc, token};
    use super::*;
    use dyad_model::Sentence;

    #[test]
    fn functions_find_their_sentence_and_reject_bad_indices() {
        let mut d = doc(
            "Talks failed . Russia sent 500 rifles in May .",
            Some("2016-02-12"),
        );
        let stop = token(&d, ".");
        let n = d.tokens.len();
        d.sentences = vec![
            Sentence {
                span: Span::new(0, d.tokens[stop].span.end),
                tokens: 0..stop + 1,
            },
            Sentence {
                span: Span::new(d.tokens[stop + 1].span.start, d.text.len()),
                tokens: stop + 1..n,
            },
        ];
        let quantity = find_quantity(&d, token(&d, "rifles")).unwrap();
        assert_eq!(quantity.value, Some(500.0));
        let sent = token(&d, "sent");
        assert!(find_date(&d, 1, sent).is_some());
        // The trigger must lie in the sentence given.
        assert_eq!(find_date(&d, 0, sent), None);
        assert_eq!(find_date(&d, 7, sent), None);
        assert_eq!(find_location(&d, 1, n + 3), None);
        assert_eq!(find_quantity(&d, n), None);
    }
}
