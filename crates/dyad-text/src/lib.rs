//! Readers: turn input files and streams into [`dyad_model::Document`]s.
//!
//! Handles plain text (with optional header lines or a JSON sidecar), HTML (main text
//! with boilerplate removed, metadata from meta tags and JSON-LD), JSONL, RSS 2.0 and
//! Atom, WARC and WARC.gz, directories and standard input; identifies each document's
//! language. Every error names its input (and line or record).
//!
//! It does not split sentences or tokenize (that is `dyad-parse`) and never writes
//! anywhere (that is `dyad-store`).
