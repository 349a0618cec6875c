use crate::{Actor, DateRange, Span};
use serde::{Deserialize, Serialize};

/// How the reporting presents an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated by the article in its own voice.
    Asserted,
    /// Attributed to someone ("X said ...").
    Reported,
    /// Hedged: reportedly, allegedly, could not be confirmed, it is not clear whether.
    Uncertain,
    /// Conditional: if, unless, would in a counterfactual.
    Hypothetical,
    /// Future or planned: will, plans to, is set to.
    Intended,
}

impl Certainty {
    pub const ALL: [Certainty; 5] = [
        Certainty::Asserted,
        Certainty::Reported,
        Certainty::Uncertain,
        Certainty::Hypothetical,
        Certainty::Intended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Asserted => "asserted",
            Certainty::Reported => "reported",
            Certainty::Uncertain => "uncertain",
            Certainty::Hypothetical => "hypothetical",
            Certainty::Intended => "intended",
        }
    }

    pub fn parse(s: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// How much: "10,000 Kalashnikov rifles" → value 10000, unit "Kalashnikov rifles".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub text: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// One coded event with its claim: who did what to whom, and who says so how surely.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index into [`crate::Document::sentences`].
    pub sentence: usize,
    pub sentence_span: Span,
    /// The words that triggered the coding (verb or noun phrase).
    pub trigger: Span,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    /// CAMEO code as a string of digits, e.g. "072".
    pub cameo: String,
    /// Two-digit CAMEO root, e.g. "07".
    pub root: String,
    /// PLOVER event category, e.g. "AID".
    pub plover: Option<String>,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    pub date: Option<DateRange>,
    pub date_text: Option<String>,
    pub location: Option<Location>,
    pub quantity: Option<Quantity>,
    pub negated: bool,
    pub certainty: Certainty,
    pub claimed_by: Option<Actor>,
    pub denied_by: Vec<Actor>,
}
