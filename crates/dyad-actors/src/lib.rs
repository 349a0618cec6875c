//! Who is who: actor dictionaries and their resolution in context.
//!
//! Loads dictionaries of countries, organisations, armed groups, people (with roles
//! over time) and agents in dyad's own format, plus importers for the PETRARCH/Phoenix
//! and TABARI files, and adds the `mentions` layer to a parsed document.
//!
//! It does not code events; it only says who each mention is.
