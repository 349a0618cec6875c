//! Event coding: who did what to whom, when, where, according to whom, how sure.
//!
//! Holds the CAMEO ontology (codes, names, Goldstein values, quad classes) with its
//! PLOVER mapping, matches verb and noun patterns on the dependency parse, and adds the
//! `events` layer, each event carrying its claim: certainty, negation, claimant and
//! denials.
//!
//! It does not parse or resolve actors; it reads those layers.

mod coder;
pub mod context;
pub mod eval;
pub mod ontology;
pub mod patterns;

pub use coder::Coder;
pub use patterns::{PatternError, Patterns};
