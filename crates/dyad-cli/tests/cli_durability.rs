//! The store survives `kill -9` mid-ingest with only whole documents, and two
//! concurrent `dyad ingest` processes into one store both finish without loss.

mod common;

use common::text;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A JSONL corpus of `n` distinct wire-style articles of about 1.5 KB each.
fn synthetic_corpus(path: &Path, n: usize, tag: &str) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let actors = [
        "Russia",
        "Iran",
        "Turkey",
        "Qatar",
        "Egypt",
        "the United States",
    ];
    let clients = [
        "the militia",
        "the Afghan government",
        "rebel forces",
        "the coalition",
    ];
    for i in 0..n {
        let a = actors[i % actors.len()];
        let b = clients[(i / 7) % clients.len()];
        let mut body = String::new();
        for s in 0..12 {
            body.push_str(&format!(
                "{a} delivered {} crates of rifles to {b} in week {s} of operation {tag}-{i}, officials said. ",
                (i * 13 + s) % 997
            ));
        }
        writeln!(
            out,
            "{}",
            serde_json::json!({"title": format!("Report {tag} {i}"), "date": "2017-03-02", "text": body})
        )
        .unwrap();
    }
}

fn ingest(db: &Path, inputs: &[&Path]) -> Command {
    let mut cmd = common::dyad_command();
    cmd.arg("--db").arg(db).arg("ingest").args(inputs);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd
}

/// Starts an ingest, kills it with SIGKILL as soon as it has written some batches,
/// and checks the store holds only whole documents; then re-runs the ingest to
/// completion. Returns the documents stored after the kill and after the re-run.
fn kill_then_resume(db: &Path, input: &Path) -> (u64, u64) {
    let mut child = ingest(db, &[input]).spawn().unwrap();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let started = Instant::now();
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < 256 * 1024
        && child.try_wait().unwrap().is_none()
        && started.elapsed() < Duration::from_secs(120)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    // Child::kill sends SIGKILL on Unix: no chance to roll back or clean up.
    let _ = child.kill();
    let _ = child.wait();

    let after_kill = {
        let store = dyad_store::Store::open(db).expect("store opens after kill -9");
        assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
        let stats = store.stats().unwrap();
        for doc in store.documents(usize::MAX, 0).unwrap() {
            assert!(
                doc.sentences > 0,
                "document {} stored without sentences",
                doc.id
            );
            let full = store.document(doc.id.as_str()).unwrap().unwrap();
            assert_eq!(full.sentences.len() as u64, doc.sentences);
            assert_eq!(full.tokens.len() as u64, doc.tokens);
        }
        stats.documents
    };

    let rerun = ingest(db, &[input]).output().unwrap();
    assert!(rerun.status.success(), "{}", text(&rerun));
    let store = dyad_store::Store::open(db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    (after_kill, store.stats().unwrap().documents)
}

#[test]
fn kill_9_during_ingest_leaves_only_whole_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("big.jsonl");
    synthetic_corpus(&corpus, 8_000, "k");
    let db = dir.path().join("store.db");
    let (after_kill, after_rerun) = kill_then_resume(&db, &corpus);
    assert!(after_kill < 8_000, "ingest finished before the kill");
    assert_eq!(after_rerun, 8_000);
}

#[test]
fn kill_9_during_ingest_of_the_bbc_corpus() {
    let Some(corpus) = dyad_model::fixtures::shared_dir_or_skip(
        "kill_9_during_ingest_of_the_bbc_corpus",
        "corpora/bbc_news_2004_2005.jsonl",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let (_, after_rerun) = kill_then_resume(&db, &corpus);
    // The corpus holds one exact duplicate article among its lines.
    let reference = dir.path().join("reference.db");
    let full = ingest(&reference, &[&corpus]).output().unwrap();
    assert!(full.status.success(), "{}", text(&full));
    let expected = dyad_store::Store::open(&reference)
        .unwrap()
        .stats()
        .unwrap()
        .documents;
    assert_eq!(after_rerun, expected);
}

#[test]
fn two_concurrent_ingests_into_one_store_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let first: PathBuf = dir.path().join("first.jsonl");
    let second: PathBuf = dir.path().join("second.jsonl");
    let overlap: PathBuf = dir.path().join("common.jsonl");
    synthetic_corpus(&first, 3_000, "a");
    synthetic_corpus(&second, 3_000, "b");
    synthetic_corpus(&overlap, 500, "c");
    let db = dir.path().join("store.db");
    // Each run also stores the same documents as the other, racing on them.
    let started = Instant::now();
    let a = ingest(&db, &[&first, &overlap]).spawn().unwrap();
    let b = ingest(&db, &[&overlap, &second]).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "first: {}", text(&a));
    assert!(b.status.success(), "second: {}", text(&b));
    assert!(started.elapsed() < Duration::from_secs(600));
    let store = dyad_store::Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().documents, 6_500);
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
}
