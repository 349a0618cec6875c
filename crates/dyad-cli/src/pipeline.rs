//! The ingest pipeline: reader → stages (components) → store.
