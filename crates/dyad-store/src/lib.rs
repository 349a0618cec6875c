//! The embedded store: SQLite (bundled, WAL) holding documents, their layers and
//! events, with versioned migrations and full-text search over sentences.
//!
//! Each document is committed atomically with all its layers; re-storing a document
//! already held changes nothing and reports [`Inserted::Duplicate`]. Several processes
//! may write one store at once: writers take the lock up front (`BEGIN IMMEDIATE`) and
//! wait for each other. It does not read inputs or run pipeline stages.

mod events;
mod schema;
mod tokens;

use dyad_model::{
    Actor, ActorMention, Certainty, Date, DocId, Document, Event, Sentence, Skip, Span,
};
use rusqlite::{
    params, Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior,
};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long one statement waits for another process's lock before SQLite gives up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a writer keeps retrying to begin a transaction while others write.
const BEGIN_PATIENCE: Duration = Duration::from_secs(600);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "store {path} has schema version {found}, newer than this dyad understands \
         (up to {supported}); use a newer dyad"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("no store at {path}: ingest documents first (`dyad --db {path} ingest FILE...`)")]
    Missing { path: PathBuf },
    #[error("store {path}: document {doc}: stored {what} cannot be read: {reason}")]
    Corrupt {
        path: PathBuf,
        doc: String,
        what: &'static str,
        reason: String,
    },
    #[error("document {doc} from {origin} not stored: {reason}")]
    InvalidDocument {
        doc: DocId,
        origin: String,
        reason: String,
    },
}

/// What [`Store::insert`] did with a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    New,
    /// A document with this id was already stored; nothing changed.
    Duplicate,
}

/// One row of [`Store::documents`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocSummary {
    pub id: DocId,
    pub origin: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub language: Option<String>,
    pub title: Option<String>,
    /// Length of the text in bytes.
    pub bytes: u64,
    pub sentences: u64,
    pub tokens: u64,
    pub mentions: u64,
    pub events: u64,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub ingested_at: String,
    pub skipped: Vec<Skip>,
}

/// One sentence matching a full-text query.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    pub doc: DocId,
    pub title: Option<String>,
    /// Index into the document's sentences.
    pub sentence: usize,
    /// The sentence's byte span in the document text.
    pub span: Span,
    /// The sentence (shortened around the match when long) with matched words in `[...]`.
    pub snippet: String,
}

/// Counts of what a store holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub schema_version: u32,
    pub documents: u64,
    pub text_bytes: u64,
    pub sentences: u64,
    pub tokens: u64,
    pub mentions: u64,
    pub events: u64,
    pub first_published: Option<Date>,
    pub last_published: Option<Date>,
    /// Documents per language (`None` = unknown), most first.
    pub languages: Vec<(Option<String>, u64)>,
    /// Documents per outlet (`None` = unknown), most first.
    pub outlets: Vec<(Option<String>, u64)>,
    /// Documents per (stage, reason) a stage skipped them for, most first.
    pub skipped: Vec<(String, String, u64)>,
}

/// Which events [`Store::events`] returns. The default returns all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Matches the source's or target's code, country, group or name, ignoring case.
    pub actor: Option<String>,
    /// CAMEO code prefix: `"07"` is the root, `"072"` one code and its children.
    pub cameo: Option<String>,
    /// Inclusive bounds on the event's date (its start), else the document's date.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Empty means every certainty.
    pub certainty: Vec<Certainty>,
    /// Matches the claimant's code, country, group, name or text, ignoring case.
    pub claimant: Option<String>,
    pub limit: Option<usize>,
}

/// An event as stored, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    /// Stable row id of the event in this store.
    pub id: i64,
    pub doc: DocId,
    pub doc_published: Option<Date>,
    pub event: Event,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the store at `path`, creating it and applying pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let sql = sql_error(path);
        let conn = Connection::open(path).map_err(&sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(&sql)?;
        // Switching to WAL needs a moment of exclusive access; another process doing
        // the same is waited for like any other writer.
        retry_busy(|| conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)))
            .map_err(&sql)?;
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;")
            .map_err(&sql)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens a store that must already exist, for commands that only read: a mistyped
    /// `--db` is reported instead of silently creating an empty store.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Store::open(path)
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&self) -> Result<(), StoreError> {
        let supported = schema::MIGRATIONS.len() as u32;
        // An up-to-date store is opened without taking the write lock, so readers
        // do not wait for a running ingest (and read-only files open).
        if user_version(&self.conn).map_err(self.sql())? == supported {
            return Ok(());
        }
        loop {
            let tx = self.begin_write()?;
            let version = user_version(&tx).map_err(self.sql())?;
            if version > supported {
                return Err(StoreError::TooNew {
                    path: self.path.clone(),
                    found: version,
                    supported,
                });
            }
            if version == supported {
                return Ok(());
            }
            tx.execute_batch(schema::MIGRATIONS[version as usize])
                .map_err(self.sql())?;
            tx.pragma_update(None, "user_version", version + 1)
                .map_err(self.sql())?;
            tx.commit().map_err(self.sql())?;
        }
    }

    /// Stores `doc` with all its layers in one transaction.
    pub fn insert(&mut self, doc: &Document) -> Result<Inserted, StoreError> {
        Ok(self.insert_batch(std::slice::from_ref(doc))?[0])
    }

    /// Stores `docs` in one transaction: all of them or, on error, none.
    pub fn insert_batch(&mut self, docs: &[Document]) -> Result<Vec<Inserted>, StoreError> {
        for doc in docs {
            check_spans(doc).map_err(|reason| StoreError::InvalidDocument {
                doc: doc.id.clone(),
                origin: doc.origin.clone(),
                reason,
            })?;
        }
        let tx = self.begin_write()?;
        let mut results = Vec::with_capacity(docs.len());
        for doc in docs {
            results.push(insert_document(&tx, doc).map_err(self.sql())?);
        }
        tx.commit().map_err(self.sql())?;
        Ok(results)
    }

    /// The ids of the stored documents that start with `prefix` (lowercase hex), at
    /// most `limit` of them, so that a user can name a document by a short prefix.
    pub fn document_ids_with_prefix(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        // `id` is lowercase hex; anything else cannot match, and must not reach GLOB.
        if !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(Vec::new());
        }
        let pattern = format!("{}*", prefix.to_ascii_lowercase());
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM documents WHERE id GLOB ?1 ORDER BY id LIMIT ?2")
            .map_err(self.sql())?;
        let ids = stmt
            .query_map(rusqlite::params![pattern, limit as i64], |r| r.get(0))
            .map_err(self.sql())?
            .collect::<Result<Vec<String>, _>>()
            .map_err(self.sql())?;
        Ok(ids)
    }

    /// The document with id `id` and all its stored layers.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT seq, origin, url, outlet, published, language, title, text, skipped
                 FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Document {
                            id: DocId(id.to_string()),
                            origin: r.get(1)?,
                            url: r.get(2)?,
                            outlet: r.get(3)?,
                            published: None,
                            language: r.get(5)?,
                            title: r.get(6)?,
                            text: r.get(7)?,
                            ..Document::default()
                        },
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(8)?,
                    ))
                },
            )
            .optional()
            .map_err(self.sql())?;
        let Some((seq, mut doc, published, skipped)) = row else {
            return Ok(None);
        };
        let corrupt = |what: &'static str, reason: String| StoreError::Corrupt {
            path: self.path.clone(),
            doc: id.to_string(),
            what,
            reason,
        };
        doc.published = parse_date(published).map_err(|e| corrupt("published date", e))?;
        if let Some(json) = skipped {
            doc.skipped =
                serde_json::from_str(&json).map_err(|e| corrupt("skip reasons", e.to_string()))?;
        }
        doc.sentences = self.load_sentences(seq)?;
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT data FROM tokens WHERE doc = ?1", [seq], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sql())?;
        if let Some(blob) = blob {
            doc.tokens = tokens::decode(&doc.text, &blob).map_err(|e| corrupt("tokens", e))?;
        }
        doc.mentions = self.load_mentions(seq)?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {} FROM events e WHERE doc = ?1 ORDER BY idx",
                events::COLUMNS
            ))
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([seq], events::read_row)
            .map_err(self.sql())?;
        for row in rows {
            let stored = row.map_err(self.sql())?.map_err(|e| corrupt("event", e))?;
            doc.events.push(stored.event);
        }
        Ok(Some(doc))
    }

    fn load_sentences(&self, seq: i64) -> Result<Vec<Sentence>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, token_start, token_end FROM sentences
                 WHERE doc = ?1 ORDER BY idx",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([seq], |r| {
                Ok(Sentence {
                    span: Span::new(get_usize(r, 0)?, get_usize(r, 1)?),
                    tokens: get_usize(r, 2)?..get_usize(r, 3)?,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    fn load_mentions(&self, seq: i64) -> Result<Vec<ActorMention>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, sentence, token_start, token_end, head, actor_text,
                        actor_name, actor_code, actor_country, actor_group, actor_sector,
                        resolution
                 FROM mentions WHERE doc = ?1 ORDER BY idx",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([seq], |r| {
                Ok(ActorMention {
                    span: Span::new(get_usize(r, 0)?, get_usize(r, 1)?),
                    sentence: get_usize(r, 2)?,
                    tokens: get_usize(r, 3)?..get_usize(r, 4)?,
                    head: get_usize(r, 5)?,
                    actor: Actor {
                        text: r.get(6)?,
                        name: r.get(7)?,
                        code: r.get(8)?,
                        country: r.get(9)?,
                        group: r.get(10)?,
                        sector: r.get(11)?,
                    },
                    resolution: r.get(12)?,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// Stored documents in the order they were stored.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, origin, url, outlet, published, language, title, text_bytes,
                        sentence_count, token_count, mention_count, event_count, ingested_at,
                        skipped
                 FROM documents ORDER BY seq LIMIT ?1 OFFSET ?2",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([clamp_i64(limit), clamp_i64(offset)], |r| {
                Ok((
                    DocSummary {
                        id: DocId(r.get(0)?),
                        origin: r.get(1)?,
                        url: r.get(2)?,
                        outlet: r.get(3)?,
                        published: None,
                        language: r.get(5)?,
                        title: r.get(6)?,
                        bytes: get_u64(r, 7)?,
                        sentences: get_u64(r, 8)?,
                        tokens: get_u64(r, 9)?,
                        mentions: get_u64(r, 10)?,
                        events: get_u64(r, 11)?,
                        ingested_at: r.get(12)?,
                        skipped: Vec::new(),
                    },
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(13)?,
                ))
            })
            .map_err(self.sql())?;
        let mut out = Vec::new();
        for row in rows {
            let (mut summary, published, skipped) = row.map_err(self.sql())?;
            let corrupt = |what: &'static str, reason: String| StoreError::Corrupt {
                path: self.path.clone(),
                doc: summary.id.to_string(),
                what,
                reason,
            };
            summary.published = parse_date(published).map_err(|e| corrupt("published date", e))?;
            if let Some(json) = skipped {
                summary.skipped = serde_json::from_str(&json)
                    .map_err(|e| corrupt("skip reasons", e.to_string()))?;
            }
            out.push(summary);
        }
        Ok(out)
    }

    /// Full-text search over sentences, best matches first.
    ///
    /// `query` uses SQLite FTS5 syntax (`rifles AND Kabul`, `"arms deliveries"`,
    /// `supp*`); text that is not valid FTS5 syntax (such as `U.S.`) is searched as
    /// plain words instead. Words match their inflections (`supplies` finds `supply`).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        if query.trim().is_empty() {
            return Ok(Vec::new());
        }
        match self.search_fts(query, limit) {
            Err(StoreError::Sqlite { source, .. }) if is_fts_syntax_error(&source) => {
                self.search_fts(&plain_words_query(query), limit)
            }
            other => other,
        }
    }

    fn search_fts(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, s.idx, s.start, s.end,
                        snippet(sentence_fts, 0, '[', ']', '…', 24)
                 FROM sentence_fts
                 JOIN sentences s ON s.id = sentence_fts.rowid
                 JOIN documents d ON d.seq = s.doc
                 WHERE sentence_fts MATCH ?1
                 ORDER BY sentence_fts.rank, s.id
                 LIMIT ?2",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map(params![query, clamp_i64(limit)], |r| {
                Ok(SearchHit {
                    doc: DocId(r.get(0)?),
                    title: r.get(1)?,
                    sentence: get_usize(r, 2)?,
                    span: Span::new(get_usize(r, 3)?, get_usize(r, 4)?),
                    snippet: r.get(5)?,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// Counts of documents, layers and events, and the mix of languages and outlets.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let sql = self.sql();
        let (documents, text_bytes, sentences, tokens, mentions, events, first, last) = self
            .conn
            .query_row(
                "SELECT count(*), total(text_bytes), total(sentence_count),
                        total(token_count), total(mention_count), total(event_count),
                        min(published), max(published)
                 FROM documents",
                [],
                |r| {
                    Ok((
                        get_u64(r, 0)?,
                        r.get::<_, f64>(1)? as u64,
                        r.get::<_, f64>(2)? as u64,
                        r.get::<_, f64>(3)? as u64,
                        r.get::<_, f64>(4)? as u64,
                        r.get::<_, f64>(5)? as u64,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )
            .map_err(&sql)?;
        let corrupt = |reason: String| StoreError::Corrupt {
            path: self.path.clone(),
            doc: "(any)".to_string(),
            what: "published date",
            reason,
        };
        let group_counts = |column: &str| -> Result<Vec<(Option<String>, u64)>, StoreError> {
            let mut stmt = self
                .conn
                .prepare(&format!(
                    "SELECT {column}, count(*) FROM documents GROUP BY {column}
                     ORDER BY count(*) DESC, {column}"
                ))
                .map_err(&sql)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, get_u64(r, 1)?)))
                .map_err(&sql)?;
            rows.collect::<Result<_, _>>().map_err(&sql)
        };
        let languages = group_counts("language")?;
        let outlets = group_counts("outlet")?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT j.value ->> 'stage', j.value ->> 'reason', count(*)
                 FROM documents, json_each(documents.skipped) j
                 GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
            )
            .map_err(&sql)?;
        let skipped = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, get_u64(r, 2)?)))
            .map_err(&sql)?
            .collect::<Result<_, _>>()
            .map_err(&sql)?;
        Ok(Stats {
            schema_version: user_version(&self.conn).map_err(&sql)?,
            documents,
            text_bytes,
            sentences,
            tokens,
            mentions,
            events,
            first_published: parse_date(first).map_err(corrupt)?,
            last_published: parse_date(last).map_err(corrupt)?,
            languages,
            outlets,
            skipped,
        })
    }

    /// Calls `f` with each event matching `filter`, in the order they were stored,
    /// without holding them all in memory.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut f: impl FnMut(StoredEvent),
    ) -> Result<(), StoreError> {
        let (sql, values) = events::filter_query(filter);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.sql())?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(values))
            .map_err(self.sql())?;
        while let Some(row) = rows.next().map_err(self.sql())? {
            let stored = events::read_row(row).map_err(self.sql())?;
            match stored {
                Ok(event) => f(event),
                Err(reason) => {
                    return Err(StoreError::Corrupt {
                        path: self.path.clone(),
                        doc: row.get::<_, String>(1).map_err(self.sql())?,
                        what: "event",
                        reason,
                    })
                }
            }
        }
        Ok(())
    }

    /// The events matching `filter`, in the order they were stored.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| out.push(e))?;
        Ok(out)
    }

    /// Checks the database file (`PRAGMA integrity_check`), the full-text index and
    /// that every document has all the layer rows its counts promise. Returns the
    /// problems found; empty means the store is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let sql = self.sql();
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut stmt| {
                stmt.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(&sql)?
            .into_iter()
            .filter(|line| line != "ok")
            .collect();
        if let Err(e) = self.conn.execute(
            "INSERT INTO sentence_fts (sentence_fts) VALUES ('integrity-check')",
            [],
        ) {
            problems.push(format!("full-text index: {e}"));
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, d.sentence_count, d.event_count, d.mention_count,
                        (SELECT count(*) FROM sentences s WHERE s.doc = d.seq),
                        (SELECT count(*) FROM events e WHERE e.doc = d.seq),
                        (SELECT count(*) FROM mentions m WHERE m.doc = d.seq),
                        d.token_count > 0,
                        EXISTS (SELECT 1 FROM tokens t WHERE t.doc = d.seq)
                 FROM documents d",
            )
            .map_err(&sql)?;
        let rows = stmt
            .query_map([], |r| {
                let counts: [i64; 6] = [
                    r.get(1)?,
                    r.get(4)?,
                    r.get(2)?,
                    r.get(5)?,
                    r.get(3)?,
                    r.get(6)?,
                ];
                Ok((
                    r.get::<_, String>(0)?,
                    counts,
                    r.get::<_, bool>(7)?,
                    r.get::<_, bool>(8)?,
                ))
            })
            .map_err(&sql)?;
        for row in rows {
            let (
                id,
                [sentences, sentence_rows, events, event_rows, mentions, mention_rows],
                has_tokens,
                token_row,
            ) = row.map_err(&sql)?;
            if sentences != sentence_rows
                || events != event_rows
                || mentions != mention_rows
                || has_tokens != token_row
            {
                problems.push(format!(
                    "document {id} is incomplete: {sentence_rows}/{sentences} sentences, \
                     {event_rows}/{events} events, {mention_rows}/{mentions} mentions, \
                     token layer {}",
                    if token_row == has_tokens {
                        "present"
                    } else {
                        "missing or extra"
                    }
                ));
            }
        }
        Ok(problems)
    }

    /// Begins a write transaction, waiting (with retries) while other processes write.
    ///
    /// Taking the write lock at the start (`BEGIN IMMEDIATE`) rather than on the first
    /// write means a busy store is waited for here, where retrying is safe; SQLite's
    /// busy handler already waits up to [`BUSY_TIMEOUT`] inside each attempt.
    fn begin_write(&self) -> Result<Transaction<'_>, StoreError> {
        let started = Instant::now();
        loop {
            match Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate) {
                Err(e) if is_busy(&e) && started.elapsed() < BEGIN_PATIENCE => pause_before_retry(),
                other => return other.map_err(sql_error(&self.path)),
            }
        }
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        sql_error(&self.path)
    }
}

fn sql_error(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

fn insert_document(tx: &Transaction<'_>, doc: &Document) -> rusqlite::Result<Inserted> {
    let skipped = if doc.skipped.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&doc.skipped).expect("skip reasons serialise"))
    };
    let inserted = tx
        .prepare_cached(
            "INSERT INTO documents (id, origin, url, outlet, published, language, title, text,
                 ingested_at, skipped, text_bytes, sentence_count, token_count, mention_count,
                 event_count)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                 ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            doc.id.as_str(),
            doc.origin,
            doc.url,
            doc.outlet,
            doc.published.map(|d| d.to_string()),
            doc.language,
            doc.title,
            doc.text,
            skipped,
            doc.text.len() as i64,
            doc.sentences.len() as i64,
            doc.tokens.len() as i64,
            doc.mentions.len() as i64,
            doc.events.len() as i64,
        ])?;
    if inserted == 0 {
        return Ok(Inserted::Duplicate);
    }
    let seq = tx.last_insert_rowid();

    let mut sentence_row = tx.prepare_cached(
        "INSERT INTO sentences (doc, idx, start, end, token_start, token_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut fts_row =
        tx.prepare_cached("INSERT INTO sentence_fts (rowid, text) VALUES (?1, ?2)")?;
    for (i, s) in doc.sentences.iter().enumerate() {
        sentence_row.execute(params![
            seq,
            i as i64,
            s.span.start as i64,
            s.span.end as i64,
            s.tokens.start as i64,
            s.tokens.end as i64,
        ])?;
        fts_row.execute(params![tx.last_insert_rowid(), doc.slice(s.span)])?;
    }

    if !doc.tokens.is_empty() {
        tx.prepare_cached("INSERT INTO tokens (doc, data) VALUES (?1, ?2)")?
            .execute(params![seq, tokens::encode(&doc.text, &doc.tokens)])?;
    }

    let mut mention_row = tx.prepare_cached(
        "INSERT INTO mentions (doc, idx, start, end, sentence, token_start, token_end, head,
             actor_text, actor_name, actor_code, actor_country, actor_group, actor_sector,
             resolution)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, m) in doc.mentions.iter().enumerate() {
        let a = &m.actor;
        mention_row.execute(params![
            seq,
            i as i64,
            m.span.start as i64,
            m.span.end as i64,
            m.sentence as i64,
            m.tokens.start as i64,
            m.tokens.end as i64,
            m.head as i64,
            a.text,
            a.name,
            a.code,
            a.country,
            a.group,
            a.sector,
            m.resolution,
        ])?;
    }

    for (i, event) in doc.events.iter().enumerate() {
        events::insert(tx, seq, i, doc, event)?;
    }
    Ok(Inserted::New)
}

/// Every span of every layer must lie inside the text on character boundaries, so
/// that stored layers can always be shown with their evidence.
fn check_spans(doc: &Document) -> Result<(), String> {
    let check = |what: &str, i: usize, span: Span| {
        if span.start <= span.end && doc.text.get(span.range()).is_some() {
            Ok(())
        } else {
            Err(format!(
                "{what} {i} has span {}..{}, not on character boundaries inside the {}-byte text",
                span.start,
                span.end,
                doc.text.len()
            ))
        }
    };
    for (i, s) in doc.sentences.iter().enumerate() {
        check("sentence", i, s.span)?;
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        check("token", i, t.span)?;
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        check("mention", i, m.span)?;
    }
    for (i, e) in doc.events.iter().enumerate() {
        check("event sentence", i, e.sentence_span)?;
        check("event trigger", i, e.trigger)?;
    }
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let started = Instant::now();
    loop {
        match f() {
            Err(e) if is_busy(&e) && started.elapsed() < BEGIN_PATIENCE => pause_before_retry(),
            other => return other,
        }
    }
}

/// Some lock conflicts are reported at once rather than after the busy timeout; a
/// short sleep keeps the retry loops from spinning.
fn pause_before_retry() {
    std::thread::sleep(Duration::from_millis(20));
}

fn is_fts_syntax_error(e: &rusqlite::Error) -> bool {
    let message = e.to_string();
    message.contains("fts5: syntax error") || message.contains("no such column")
}

/// `query` as a conjunction of quoted words, so punctuation is never FTS5 syntax.
fn plain_words_query(query: &str) -> String {
    query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_date(text: Option<String>) -> Result<Option<Date>, String> {
    text.map(|t| Date::parse(&t).map_err(|e| e.to_string()))
        .transpose()
}

fn clamp_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn get_u64(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<u64> {
    let v: i64 = r.get(i)?;
    u64::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(i, v))
}

fn get_usize(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<usize> {
    let v: i64 = r.get(i)?;
    usize::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(i, v))
}

#[cfg(test)]
mod tests;
