//! `dyad ingest`, `docs`, `search` and `stats` run as a user runs them: the built
//! binary in a temporary folder.

mod common;

use common::{dyad_in, json_lines, text};

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `dyad stats` as name → value for the `store` group.
fn stat(db: &Path, name: &str) -> Value {
    json_lines(&dyad_in(db, &["stats", "--format", "json"]))
        .into_iter()
        .find(|row| row["group"] == "store" && row["name"] == name)
        .unwrap_or_else(|| panic!("no stat {name}"))["value"]
        .clone()
}

fn summary_line<'a>(output: &'a str, label: &str) -> &'a str {
    output
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} line in\n{output}"))
}

const ARTICLE_ONE: &str = "Title: Rifles for Kabul\nDate: 2017-03-02\nOutlet: Test Wire\n\n\
    KABUL - Russia supplied 10,000 rifles to the Afghan government on Thursday, officials said.\n\n\
    The Taliban denied receiving any weapons from Moscow.\n";
const ARTICLE_TWO: &str = "Qatar hosted talks between the two sides in Doha. \
    A U.S. official said the mediation would continue next week.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn ingest_then_list_show_search_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write(&inputs, "one.txt", ARTICLE_ONE.as_bytes());
    write(&inputs, "two.txt", ARTICLE_TWO.as_bytes());

    let first = dyad_in(&db, &["ingest", inputs.to_str().unwrap()]);
    assert!(first.status.success(), "{}", text(&first));
    let out = text(&first);
    assert!(summary_line(&out, "read").contains("2 documents"), "{out}");
    assert_eq!(
        summary_line(&out, "new").split_whitespace().nth(1),
        Some("2")
    );
    assert_eq!(
        summary_line(&out, "failed").split_whitespace().nth(1),
        Some("0")
    );
    assert_eq!(stat(&db, "documents"), 2);
    let sentences = stat(&db, "sentences").as_u64().unwrap();
    assert!(sentences >= 4, "{sentences} sentences");

    let docs = json_lines(&dyad_in(&db, &["docs", "--format", "json"]));
    assert_eq!(docs.len(), 2);
    let one = docs
        .iter()
        .find(|d| d["title"] == "Rifles for Kabul")
        .unwrap();
    assert_eq!(one["published"], "2017-03-02");
    assert_eq!(one["outlet"], "Test Wire");
    assert_eq!(one["language"], "en");
    assert_eq!(
        json_lines(&dyad_in(
            &db,
            &["docs", "list", "--limit", "1", "--format", "json"]
        ))
        .len(),
        1
    );
    let csv = dyad_in(&db, &["docs", "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("id,published,language"));

    let id = one["id"].as_str().unwrap();
    let shown = dyad_in(&db, &["docs", "show", id]);
    assert!(shown.status.success(), "{}", text(&shown));
    let shown = text(&shown);
    assert!(
        shown.contains("Rifles for Kabul") && shown.contains("Taliban denied"),
        "{shown}"
    );
    assert!(shown.contains("sentences:"), "{shown}");
    let full = json_lines(&dyad_in(&db, &["docs", "show", id, "--format", "json"]));
    let doc_text = full[0]["text"].as_str().unwrap();
    assert!(!full[0]["sentences"].as_array().unwrap().is_empty());
    assert!(!full[0]["tokens"].as_array().unwrap().is_empty());
    let by_prefix = dyad_in(&db, &["docs", "show", &id[..8], "--format", "json"]);
    assert_eq!(
        json_lines(&by_prefix)[0]["id"],
        id,
        "a unique prefix names the document"
    );
    let missing = dyad_in(&db, &["docs", "show", "not-a-document-id"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing).contains("no document"), "{}", text(&missing));

    let hits = json_lines(&dyad_in(&db, &["search", "rifles", "--format", "json"]));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc"], id);
    let (start, end) = (
        hits[0]["start"].as_u64().unwrap() as usize,
        hits[0]["end"].as_u64().unwrap() as usize,
    );
    assert!(doc_text[start..end].contains("10,000 rifles"));
    assert!(hits[0]["snippet"].as_str().unwrap().contains("[rifles]"));
    let words = json_lines(&dyad_in(
        &db,
        &["search", "U.S.", "official", "--format", "json"],
    ));
    assert_eq!(words.len(), 1);

    // Re-ingesting changes nothing and says so.
    let before = dyad_in(&db, &["stats", "--format", "json"]).stdout;
    let again = dyad_in(&db, &["ingest", inputs.to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again));
    let out = text(&again);
    assert_eq!(
        summary_line(&out, "new").split_whitespace().nth(1),
        Some("0"),
        "{out}"
    );
    assert!(
        summary_line(&out, "duplicate").starts_with("duplicate  2"),
        "{out}"
    );
    assert_eq!(dyad_in(&db, &["stats", "--format", "json"]).stdout, before);
}

#[test]
fn non_english_documents_are_stored_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let jsonl = "{\"text\": \"Москва поставила оружие правительству Афганистана, сообщили официальные лица. Талибы отрицают получение помощи.\", \"title\": \"Оружие\"}\n";
    let path = write(dir.path(), "ru.jsonl", jsonl.as_bytes());
    let out = dyad_in(&db, &["ingest", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let languages: Vec<Value> = json_lines(&dyad_in(&db, &["stats", "--format", "json"]))
        .into_iter()
        .filter(|r| r["group"] == "language")
        .collect();
    assert_eq!(languages.len(), 1);
    assert_eq!(languages[0]["name"], "ru");
}

#[test]
fn standard_input_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE_TWO.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stat(&db, "documents"), 1);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    assert_eq!(dyad_in(&db, &["ingest"]).status.code(), Some(2));
    assert_eq!(
        dyad_in(&db, &["docs", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(dyad_in(&db, &["search"]).status.code(), Some(2));
}

/// Every bad input of issue 2 §7 in one batch with good ones: each gets an error
/// naming it, the good documents are stored, the exit code is 1.
#[test]
fn bad_inputs_fail_alone_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let d = dir.path();
    let good_one = write(d, "good-one.txt", ARTICLE_ONE.as_bytes());

    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    let binary = write(d, "picture.txt", &binary);
    let invalid_utf8 = write(
        d,
        "broken-utf8.txt",
        b"Talks resumed \xff\xfe in Doha today.\n",
    );
    let latin1 = write(
        d,
        "latin1.txt",
        b"Talks in Bogot\xe1 resumed after the caf\xe9 attack.\n",
    );
    let empty_html = write(
        d,
        "empty.html",
        b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>\
          <script>var x = 1;</script></body></html>",
    );

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        writeln!(
            gz,
            "{{\"text\": \"Article {i} about arms deliveries to the militia.\"}}"
        )
        .unwrap();
    }
    let gz = gz.finish().unwrap();
    let truncated_gz = write(d, "cut.jsonl.gz", &gz[..gz.len() / 2]);

    let html = "<html><body><article><p>Iran trained fighters near the border, a report said.</p></article></body></html>";
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.invalid/a\r\n\
         WARC-Date: 2017-03-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{}",
        http.len() + 500,
        http
    );
    let truncated_warc = write(d, "cut.warc", warc.as_bytes());

    let mut lines = Vec::new();
    lines.extend_from_slice(b"{\"text\": \"Turkey shelled positions held by the militia.\"}\n");
    lines.extend_from_slice(b"this line is not JSON\n");
    lines.extend_from_slice(b"{\"text\": \"Egypt mediated a ceasefire between the factions.\"}\n");
    let mixed_jsonl = write(d, "mixed.jsonl", &lines);

    // 100 MB with no newline.
    let huge = d.join("huge.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        f.write_all(b"{\"text\": \"").unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
    }
    let missing = d.join("does-not-exist.txt");
    let good_two = write(d, "good-two.txt", ARTICLE_TWO.as_bytes());

    let bad = [
        &binary,
        &invalid_utf8,
        &latin1,
        &empty_html,
        &truncated_gz,
        &truncated_warc,
        &mixed_jsonl,
        &huge,
        &missing,
    ];
    let mut args = vec!["ingest".to_string(), good_one.display().to_string()];
    args.extend(bad.iter().map(|p| p.display().to_string()));
    args.push(good_two.display().to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dyad_in(&db, &args);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    for path in bad {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            all.lines().any(|l| l.contains("error") && l.contains(name)),
            "no error naming {name} in\n{all}"
        );
    }
    assert!(all.contains("mixed.jsonl:2"), "{all}");

    // The good files, the two good JSONL lines and whatever the truncated gzip held
    // before the cut are stored, all complete.
    let titles: Vec<Value> = json_lines(&dyad_in(
        &db,
        &["docs", "--limit", "1000", "--format", "json"],
    ));
    let origins: Vec<&str> = titles
        .iter()
        .map(|d| d["origin"].as_str().unwrap())
        .collect();
    assert!(
        origins.iter().any(|o| o.ends_with("good-one.txt")),
        "{origins:?}"
    );
    assert!(
        origins.iter().any(|o| o.ends_with("good-two.txt")),
        "{origins:?}"
    );
    assert!(
        origins.iter().any(|o| o.ends_with("mixed.jsonl:1")),
        "{origins:?}"
    );
    assert!(
        origins.iter().any(|o| o.ends_with("mixed.jsonl:3")),
        "{origins:?}"
    );
    for doc in &titles {
        assert!(doc["sentences"].as_u64().unwrap() > 0, "{doc}");
    }
    let store = dyad_store::Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
}

#[test]
fn the_repository_examples_ingest_cleanly() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    if !examples.is_dir() {
        eprintln!("SKIPPED the_repository_examples_ingest_cleanly: examples/ not written yet");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let out = dyad_in(&db, &["ingest", examples.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stat(&db, "documents").as_u64().unwrap() >= 12);
    let demo_db = dir.path().join("demo.db");
    let demo = dyad_in(
        &demo_db,
        &["demo", "--examples", examples.to_str().unwrap()],
    );
    assert!(demo.status.success(), "{}", text(&demo));
    assert!(
        text(&demo).contains("Documents per language"),
        "{}",
        text(&demo)
    );
    assert_eq!(stat(&demo_db, "documents"), stat(&db, "documents"));
}
