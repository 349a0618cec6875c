//! Event coding: who did what to whom, when, where, according to whom, how sure.
//!
//! Holds the CAMEO ontology (codes, names, Goldstein values, quad classes) with its
//! PLOVER mapping, matches verb and noun patterns on the dependency parse, and adds the
//! `events` layer, each event carrying its claim: certainty, negation, claimant and
//! denials.
//!
//! - [`ontology`]: CAMEO codes from `data/cameo.tsv` (generated once by
//!   `tools/gen_cameo.py` from the code list and the CAMEO→PLOVER table).
//! - [`patterns`]: the verb and noun pattern dictionary (`patterns/*.txt`, format in
//!   `docs/patterns.md`).
//! - [`Coder`]: the [`dyad_model::Component`] that codes a parsed document with
//!   mentions.
//! - [`context`]: dates, places and quantities around a trigger.
//! - [`eval`]: scores against the field's gold data in `../shared`.
//!
//! It does not parse or resolve actors; it reads those layers.

mod coder;
pub mod context;
pub mod eval;
pub mod ontology;
pub mod patterns;

pub use coder::Coder;
pub use patterns::{PatternError, Patterns};
