//! The ingest pipeline: reader → stages (components) → store.
//!
//! With threads, one thread reads every input in turn, `workers` threads run the
//! stages, and the calling thread stores documents in batches (one transaction per
//! batch, so a crash loses whole documents only). Documents are stored in the order
//! they were read, whatever the number of workers. With `workers == 0` everything runs
//! on the calling thread, which is how single-core throughput is measured.

use anyhow::Context as _;
use dyad_actors::{Dictionaries, Resolver};
use dyad_model::{Component, Document};
use dyad_store::{Inserted, Store};
use dyad_text::{ReadError, Skipped, Skips};
use std::collections::{BTreeMap, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A pipeline stage, shareable across worker threads.
pub type Stage = Box<dyn Component + Send + Sync>;

/// The stages `dyad ingest` and `dyad extract` run, in order: tag and parse (segmenting
/// first), resolve actors with `dictionaries`, code events.
pub fn default_stages(dictionaries: Arc<Dictionaries>) -> anyhow::Result<Vec<Stage>> {
    let parser = dyad_parse::Parser::shared().context("loading the parser model")?;
    Ok(vec![
        Box::new(parser),
        Box::new(Resolver::new(dictionaries)),
        Box::new(dyad_code::Coder::default()),
    ])
}

/// Documents stored per transaction at most; a batch is also closed early when no
/// document is waiting, so slow inputs are stored without delay.
const BATCH_DOCUMENTS: usize = 256;
const BATCH_TEXT_BYTES: usize = 8 << 20;
/// Documents in flight between threads.
const QUEUE: usize = 256;

pub struct Options {
    pub stages: Vec<Stage>,
    /// Threads running the stages; 0 runs everything on the calling thread.
    pub workers: usize,
}

impl Options {
    /// The default stages on every core but the one storing.
    pub fn with_stages(stages: Vec<Stage>) -> Options {
        let cores = thread::available_parallelism().map_or(1, |n| n.get());
        Options {
            stages,
            workers: cores.saturating_sub(1).max(1),
        }
    }
}

/// What an ingest did, so far or in total.
#[derive(Debug, Default)]
pub struct Totals {
    /// Documents read (stored, duplicate or failed while storing).
    pub read: u64,
    pub new: u64,
    pub duplicate: u64,
    /// Bytes of document text read.
    pub text_bytes: u64,
    /// Sentences and events in the documents read.
    pub sentences: u64,
    pub events: u64,
    /// Inputs (or documents) that failed, with the reason naming them.
    pub failed: Vec<String>,
    /// Inputs the readers passed over on purpose, with why.
    pub passed_over: Vec<Skipped>,
    /// Stored documents a stage skipped, per (stage, reason).
    pub stage_skips: BTreeMap<(String, String), u64>,
}

/// One item in reading order: a document (or why it could not be read or annotated).
type Item = (u64, Result<Document, String>);

/// Reads `inputs`, runs the stages and stores the documents in `store`. `progress` is
/// called after each stored batch.
pub fn ingest(
    inputs: &[PathBuf],
    options: Options,
    store: &mut Store,
    mut progress: impl FnMut(&Totals),
) -> Totals {
    let skips = Skips::new();
    let mut sink = Sink::new(store);
    if options.workers == 0 {
        for result in read_all(inputs.to_vec(), skips.clone()) {
            sink.accept(annotate(&options.stages, result));
            if sink.batch_full() {
                sink.flush();
                progress(&sink.totals);
            }
        }
    } else {
        run_threaded(inputs, options, &skips, &mut sink, &mut progress);
    }
    sink.flush();
    sink.totals.passed_over = skips.take();
    progress(&sink.totals);
    sink.totals
}

fn run_threaded(
    inputs: &[PathBuf],
    options: Options,
    skips: &Skips,
    sink: &mut Sink<'_>,
    progress: &mut impl FnMut(&Totals),
) {
    let (read_tx, read_rx) = sync_channel::<(u64, Result<Document, ReadError>)>(QUEUE);
    let (done_tx, done_rx) = sync_channel::<Item>(QUEUE);
    let inputs = inputs.to_vec();
    let reader_skips = skips.clone();
    thread::scope(|scope| {
        scope.spawn(move || {
            for (seq, result) in read_all(inputs, reader_skips).enumerate() {
                if read_tx.send((seq as u64, result)).is_err() {
                    break;
                }
            }
        });
        let shared_rx = Arc::new(Mutex::new(read_rx));
        let stages = Arc::new(options.stages);
        for _ in 0..options.workers {
            let rx = Arc::clone(&shared_rx);
            let tx = done_tx.clone();
            let stages = Arc::clone(&stages);
            scope.spawn(move || loop {
                let next = rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, result))) = next else { break };
                if tx.send((seq, annotate(&stages, result))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        store_in_order(done_rx, sink, progress);
    });
}

/// Stores items as they arrive, restoring reading order, and closes a batch when it
/// is full or when nothing more is ready.
fn store_in_order(done: Receiver<Item>, sink: &mut Sink<'_>, progress: &mut impl FnMut(&Totals)) {
    let mut waiting: HashMap<u64, Result<Document, String>> = HashMap::new();
    let mut next_seq = 0u64;
    loop {
        let item = match done.try_recv() {
            Ok(item) => item,
            Err(TryRecvError::Empty) => {
                if sink.has_pending() {
                    sink.flush();
                    progress(&sink.totals);
                }
                match done.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        waiting.insert(item.0, item.1);
        while let Some(result) = waiting.remove(&next_seq) {
            sink.accept(result);
            next_seq += 1;
            if sink.batch_full() {
                sink.flush();
                progress(&sink.totals);
            }
        }
    }
}

fn read_all(
    inputs: Vec<PathBuf>,
    skips: Skips,
) -> impl Iterator<Item = Result<Document, ReadError>> {
    inputs
        .into_iter()
        .flat_map(move |path| dyad_text::read_path_with_skips(&path, &skips))
}

/// Runs every stage on a document. A stage that panics fails that document only.
fn annotate(stages: &[Stage], result: Result<Document, ReadError>) -> Result<Document, String> {
    let mut doc = result.map_err(|e| e.to_string())?;
    for stage in stages {
        let outcome = catch_unwind(AssertUnwindSafe(|| stage.annotate(&mut doc)));
        if outcome.is_err() {
            return Err(format!(
                "{}: stage {} failed on this document (a bug; please report it); not stored",
                doc.origin,
                stage.name()
            ));
        }
    }
    Ok(doc)
}

/// The storing end: batches documents and keeps the totals.
struct Sink<'a> {
    store: &'a mut Store,
    batch: Vec<Document>,
    batch_bytes: usize,
    totals: Totals,
}

impl<'a> Sink<'a> {
    fn new(store: &'a mut Store) -> Sink<'a> {
        Sink {
            store,
            batch: Vec::new(),
            batch_bytes: 0,
            totals: Totals::default(),
        }
    }

    fn accept(&mut self, result: Result<Document, String>) {
        match result {
            Ok(doc) => {
                self.totals.read += 1;
                self.totals.text_bytes += doc.text.len() as u64;
                self.totals.sentences += doc.sentences.len() as u64;
                self.totals.events += doc.events.len() as u64;
                self.batch_bytes += doc.text.len();
                self.batch.push(doc);
            }
            Err(reason) => self.totals.failed.push(reason),
        }
    }

    fn has_pending(&self) -> bool {
        !self.batch.is_empty()
    }

    fn batch_full(&self) -> bool {
        self.batch.len() >= BATCH_DOCUMENTS || self.batch_bytes >= BATCH_TEXT_BYTES
    }

    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        match self.store.insert_batch(&batch) {
            Ok(results) => {
                for (doc, inserted) in batch.iter().zip(results) {
                    self.count(doc, inserted);
                }
            }
            // Store them one by one so one bad document does not cost the others.
            Err(_) => {
                for doc in &batch {
                    match self.store.insert(doc) {
                        Ok(inserted) => self.count(doc, inserted),
                        Err(e) => self.totals.failed.push(format!("{}: {e}", doc.origin)),
                    }
                }
            }
        }
    }

    fn count(&mut self, doc: &Document, inserted: Inserted) {
        match inserted {
            Inserted::New => {
                self.totals.new += 1;
                for skip in &doc.skipped {
                    *self
                        .totals
                        .stage_skips
                        .entry((skip.stage.clone(), skip.reason.clone()))
                        .or_default() += 1;
                }
            }
            Inserted::Duplicate => self.totals.duplicate += 1,
        }
    }
}

/// Throughput figures since `started`.
pub struct Rate {
    pub seconds: f64,
    pub docs_per_second: f64,
    pub megabytes_per_second: f64,
}

impl Rate {
    pub fn of(totals: &Totals, started: Instant) -> Rate {
        let seconds = started
            .elapsed()
            .max(Duration::from_micros(1))
            .as_secs_f64();
        Rate {
            seconds,
            docs_per_second: totals.read as f64 / seconds,
            megabytes_per_second: totals.text_bytes as f64 / 1e6 / seconds,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn ingest_with(workers: usize, input: &std::path::Path, db: &std::path::Path) -> Vec<String> {
        let mut store = Store::open(db).unwrap();
        let options = Options {
            stages: default_stages(Dictionaries::defaults()).unwrap(),
            workers,
        };
        let totals = ingest(&[input.to_path_buf()], options, &mut store, |_| {});
        assert_eq!(totals.failed.len(), 1, "{:?}", totals.failed);
        assert!(totals.failed[0].contains("in.jsonl:3: line is not JSON"));
        assert_eq!(totals.new, 499);
        store
            .documents(usize::MAX, 0)
            .unwrap()
            .into_iter()
            .map(|d| d.origin)
            .collect()
    }

    #[test]
    fn threads_store_documents_in_reading_order() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.jsonl");
        let mut f = std::fs::File::create(&input).unwrap();
        for i in 0..500 {
            if i == 2 {
                writeln!(f, "]").unwrap();
            } else {
                // Uneven lengths so workers finish out of order.
                let text = "Rebels seized the town. ".repeat(1 + (i * 37) % 50);
                writeln!(
                    f,
                    "{}",
                    serde_json::json!({ "text": format!("{i}. {text}") })
                )
                .unwrap();
            }
        }
        drop(f);
        let inline = ingest_with(0, &input, &dir.path().join("inline.db"));
        let threaded = ingest_with(3, &input, &dir.path().join("threaded.db"));
        assert_eq!(inline, threaded);
        assert!(
            inline[0].ends_with(":1") && inline[2].ends_with(":4"),
            "{inline:?}"
        );
    }
}
