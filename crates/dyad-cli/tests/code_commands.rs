//! `dyad extract`, `dyad events` and `dyad eval` as a user runs them.

mod common;

use common::{dyad, temp_dir};

const FIELDS: [&str; 18] = [
    "doc",
    "sentence",
    "sentence_span",
    "source",
    "target",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "date",
    "date_text",
    "location",
    "quantity",
    "negated",
    "certainty",
    "claimed_by",
    "denied_by",
];

#[test]
fn extract_prints_the_contract_fields_in_order() {
    let dir = temp_dir("extract");
    let file = dir.join("article.txt");
    std::fs::write(
        &file,
        "Russia supplies 10,000 rifles to the Afghan government.\n",
    )
    .unwrap();
    let out = dyad(&["extract", "--date", "2024-05-01", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("parser model") {
        eprintln!("SKIPPED extract_prints_the_contract_fields_in_order: {stderr}");
        return;
    }
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout.lines().next().expect("one event");
    let value: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(value["cameo"], "072");
    assert_eq!(value["root"], "07");
    // Keys in contract order: each appears after the one before it.
    let mut at = 0;
    for field in FIELDS {
        let found = line[at..]
            .find(&format!("\"{field}\":"))
            .unwrap_or_else(|| panic!("{field} missing or out of order in {line}"));
        at += found;
    }
}

/// The brief's own example, through our parser: the claim, who made it, and who
/// denies it.
#[test]
fn extract_keeps_who_claims_an_event_and_who_denies_it() {
    let dir = temp_dir("claims");
    let file = dir.join("article.txt");
    std::fs::write(
        &file,
        "A U.S. official says Moscow arms the Taliban.\n\n\
         The commander of U.S. forces in Afghanistan accused Russia on Friday of \
         supplying weapons to the Taliban, saying local leaders had brought rifles to \
         his headquarters.\n\nThe Taliban deny receiving aid.\n",
    )
    .unwrap();
    let out = dyad(&["extract", "--date", "2018-03-24", file.to_str().unwrap()]);
    let events = common::json_lines(&out);
    let code = |actor: &serde_json::Value| actor["code"].as_str().unwrap_or("").to_string();
    let arms: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| {
            e["cameo"] == "072" && code(&e["source"]) == "RUS" && code(&e["target"]) == "AFGINSTAL"
        })
        .collect();
    assert_eq!(arms.len(), 2, "{events:?}");
    for e in &arms {
        assert_eq!(e["certainty"], "reported", "{e}");
        assert!(code(&e["claimed_by"]).starts_with("USA"), "{e}");
        assert_eq!(code(&e["denied_by"][0]), "AFGINSTAL", "{e}");
    }
    assert!(
        events
            .iter()
            .any(|e| e["cameo"] == "112" && code(&e["target"]) == "RUS"),
        "{events:?}"
    );
}

#[test]
fn extract_rejects_a_bad_date() {
    let out = dyad(&["extract", "--date", "2024-13-01", "x.txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2024-13-01"));
}

#[test]
fn events_on_an_empty_store_print_the_header() {
    let dir = temp_dir("events");
    let db = dir.join("empty.db");
    let db = db.to_str().unwrap();
    let nothing = dir.join("nothing");
    std::fs::create_dir_all(&nothing).unwrap();
    let ingest = dyad(&["--db", db, "ingest", nothing.to_str().unwrap()]);
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let out = dyad(&["--db", db, "events", "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "id,doc,date,source,target,cameo,plover,goldstein,certainty,negated,claimed_by,denied_by\n"
    );
}

#[test]
fn reading_commands_do_not_create_a_store() {
    let dir = temp_dir("no-store");
    let db = dir.join("typo.db");
    for command in [
        &["events"][..],
        &["stats"],
        &["search", "rifles"],
        &["docs"],
        &["dyads"],
    ] {
        let out = dyad(&[&["--db", db.to_str().unwrap()][..], command].concat());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command:?}: {stderr}");
        assert!(
            stderr.contains("no store at") && stderr.contains("typo.db"),
            "{stderr}"
        );
        assert!(!db.exists(), "{command:?} created {}", db.display());
    }
}

#[test]
fn events_reject_unknown_codes_and_certainties() {
    let dir = temp_dir("events-bad");
    let db = dir.join("empty.db");
    let out = dyad(&["--db", db.to_str().unwrap(), "events", "--code", "999"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("999"));
    let out = dyad(&["events", "--certainty", "sure"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sure"));
}

#[test]
fn eval_needs_the_shared_folder() {
    let out = dyad(&["eval", "--shared", "/nonexistent/shared"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/shared"));
}
