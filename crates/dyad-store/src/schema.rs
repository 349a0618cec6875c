//! Versioned schema migrations.
//!
//! `PRAGMA user_version` holds how many entries of [`MIGRATIONS`] a store has applied.
//! Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the
//! version bump, so a crash leaves the store at a whole version, and two processes
//! opening a new store at once apply each migration exactly once. Migrations are only
//! ever appended, never edited.

/// Version 1: documents and their layers, events, full-text search over sentences.
///
/// Layer tables refer to a document by `documents.seq` (a compact integer), except
/// `events`, which also copy the document id and published date so event scans
/// (millions of rows for graph aggregation) need no join. Denormalised counts on
/// `documents` keep listings and stats cheap.
const V1: &str = r#"
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    title TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    -- JSON array of {stage, reason}; NULL when no stage skipped the document.
    skipped TEXT,
    text_bytes INTEGER NOT NULL,
    sentence_count INTEGER NOT NULL,
    token_count INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    event_count INTEGER NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    token_start INTEGER NOT NULL,
    token_end INTEGER NOT NULL,
    UNIQUE (doc, idx)
);

-- The FTS index reads sentence text (for snippets) from the document text, so the
-- text is stored once.
CREATE VIEW sentence_text AS
    SELECT s.id AS id,
           CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text
    FROM sentences s JOIN documents d ON d.seq = s.doc;
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text,
    content = 'sentence_text',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The token layer (tokens, tags, lemmas, parse) as one blob per document; see tokens.rs.
CREATE TABLE tokens (
    doc INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    token_start INTEGER NOT NULL,
    token_end INTEGER NOT NULL,
    head INTEGER NOT NULL,
    actor_text TEXT NOT NULL,
    actor_name TEXT,
    actor_code TEXT,
    actor_country TEXT,
    actor_group TEXT,
    actor_sector TEXT,
    resolution TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX mentions_code ON mentions(actor_code);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    doc_published TEXT,
    -- event.date.start, else the document's published date.
    effective_date TEXT,
    sentence INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    source_text TEXT, source_name TEXT, source_code TEXT,
    source_country TEXT, source_group TEXT, source_sector TEXT,
    target_text TEXT, target_name TEXT, target_code TEXT,
    target_country TEXT, target_group TEXT, target_sector TEXT,
    claimant_text TEXT, claimant_name TEXT, claimant_code TEXT,
    claimant_country TEXT, claimant_group TEXT, claimant_sector TEXT,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    plover TEXT,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    date_start TEXT,
    date_end TEXT,
    date_text TEXT,
    location_name TEXT,
    location_country TEXT,
    location_lat REAL,
    location_lon REAL,
    quantity_text TEXT,
    quantity_value REAL,
    quantity_unit TEXT,
    negated INTEGER NOT NULL,
    certainty TEXT NOT NULL,
    -- JSON array of actors; NULL when nobody denies.
    denied_by TEXT,
    UNIQUE (doc, idx)
);
CREATE INDEX events_date ON events(effective_date);
CREATE INDEX events_cameo ON events(cameo);

-- Lowercased code, country, group and name of each event's source and target
-- (role 0) and claimant (role 1, also its text): the actor and claimant filters.
CREATE TABLE event_actors (
    key TEXT NOT NULL,
    role INTEGER NOT NULL,
    event INTEGER NOT NULL,
    PRIMARY KEY (key, role, event)
) WITHOUT ROWID;
"#;

/// Every migration in order; the store's `user_version` counts those applied.
pub const MIGRATIONS: &[&str] = &[V1];
