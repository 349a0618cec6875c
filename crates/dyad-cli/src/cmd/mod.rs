//! One module per command (or family of commands).

pub mod bench;
pub mod demo;
pub mod docs;
pub mod ingest;
pub mod search;
pub mod stats;
