//! The embedded store: SQLite (bundled, WAL) holding documents, their layers and
//! events, with versioned migrations and full-text search over sentences.
//!
//! Each document is committed atomically with all its layers; re-storing a document
//! already held changes nothing. It does not read inputs or run pipeline stages.
