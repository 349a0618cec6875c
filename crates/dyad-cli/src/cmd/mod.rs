//! One module per command (or family of commands), each owned by its stage.

pub mod actors;
pub mod bench;
pub mod code;
pub mod demo;
pub mod docs;
pub mod graph;
pub mod ingest;
pub mod parse;
pub mod search;
pub mod stats;
