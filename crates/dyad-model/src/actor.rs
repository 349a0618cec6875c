use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Who an actor is, as dyad outputs it everywhere (events, lookups, exports).
///
/// Fields other than `text` are `None` when unknown; an unresolved named person or
/// organisation keeps its `text` and nothing else rather than being dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the document, e.g. "Haftar's forces".
    pub text: String,
    /// Canonical name, e.g. "Libyan National Army".
    pub name: Option<String>,
    /// CAMEO-style code, e.g. `RUSGOV`, `AFGMIL`, `USASPY`.
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Stable id of an organisation or non-state group, e.g. `taliban`, `nato`.
    pub group: Option<String>,
    /// Sector code (CAMEO agent code), e.g. `GOV`, `MIL`, `SPY`, `INS`.
    pub sector: Option<String>,
}

impl Actor {
    pub fn is_resolved(&self) -> bool {
        self.code.is_some() || self.country.is_some() || self.group.is_some()
    }

    /// The key actors are grouped by in networks: group, else country, else code,
    /// else name, else text.
    pub fn node_key(&self) -> &str {
        self.group
            .as_deref()
            .or(self.country.as_deref())
            .or(self.code.as_deref())
            .or(self.name.as_deref())
            .unwrap_or(&self.text)
    }
}

/// An actor found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    pub span: Span,
    pub sentence: usize,
    /// Document-level token indices covered by the mention.
    pub tokens: Range<usize>,
    /// Document-level index of the mention's syntactic head token.
    pub head: usize,
    pub actor: Actor,
    /// How it was resolved, for `explain` output: dictionary entry and file:line, a
    /// coreference link, or why it stayed unresolved.
    pub resolution: String,
}
