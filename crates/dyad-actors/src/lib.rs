//! Who is who: actor dictionaries and their resolution in context.
//!
//! Loads dictionaries of countries, organisations, armed groups, people (with roles
//! over time) and agents in dyad's own format (`docs/dictionary-format.md`; the
//! defaults are compiled in and parsed once per process), plus importers for the
//! PETRARCH/Phoenix and TABARI files, and adds the `mentions` layer to a parsed
//! document ([`Resolver`], a [`dyad_model::Component`]).
//!
//! It does not code events; it only says who each mention is. It does not tokenize
//! documents either: it needs the `sentences` and `tokens` layers (tags and the
//! dependency parse are used when present).

mod dict;
mod entry;
mod fold;
mod format;
mod import;
mod index;
mod resolve;
mod words;

pub use dict::{DictError, Dictionaries, DEFAULT_FILES, PHOENIX_FILES};
pub use entry::{DatedCode, Entry, Kind, Origin, Role};
pub use format::{Diagnostic, Severity};
pub use resolve::{Resolved, Resolver};
