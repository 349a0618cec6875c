//! A user's own dictionary (`--dict`) is used by every command that resolves actors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("dyad runs")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-user-dict-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A militia no default dictionary knows, and an article about it.
fn write_inputs(dir: &Path) -> (PathBuf, PathBuf) {
    let dict = dir.join("local.dyad");
    std::fs::write(
        &dict,
        "@group river_hawks\nname: River Hawks Brigade\nalias: River Hawks\ncode: TCDMILRHB\nsector: MIL\ncountry: TCD\n",
    )
    .unwrap();
    let article = dir.join("article.txt");
    std::fs::write(
        &article,
        "The River Hawks attacked a Chadian army base near the river.\n",
    )
    .unwrap();
    (dict, article)
}

fn skipped_for_model(name: &str, out: &Output) -> bool {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("parser model") {
        eprintln!("SKIPPED {name}: {stderr}");
        return true;
    }
    false
}

#[test]
fn extract_codes_actors_from_a_user_dictionary() {
    let dir = temp("extract");
    let (dict, article) = write_inputs(&dir);
    let args = ["extract", "--date", "2024-05-01", article.to_str().unwrap()];
    let without = dyad(&args);
    if skipped_for_model("extract_codes_actors_from_a_user_dictionary", &without) {
        return;
    }
    let with = dyad(&[&args[..], &["--dict", dict.to_str().unwrap()]].concat());
    assert!(
        with.status.success(),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    let stdout = String::from_utf8(with.stdout).unwrap();
    let event: serde_json::Value =
        serde_json::from_str(stdout.lines().next().expect("an event")).unwrap();
    assert_eq!(event["source"]["group"], "river_hawks", "{stdout}");
    assert_eq!(event["source"]["code"], "TCDMILRHB");
    assert_eq!(event["target"]["code"], "TCDMIL");
    assert!(
        !String::from_utf8_lossy(&without.stdout).contains("river_hawks"),
        "the group is unknown without --dict"
    );
}

#[test]
fn ingest_uses_a_user_dictionary_and_rejects_a_broken_one() {
    let dir = temp("ingest");
    let (dict, article) = write_inputs(&dir);
    let db = dir.join("store.db");
    let db = db.to_str().unwrap();
    let broken = dir.join("broken.dyad");
    std::fs::write(&broken, "@group nameless\ncode: XXX\nsector: MIL\n").unwrap();
    let out = dyad(&[
        "--db",
        db,
        "ingest",
        "--dict",
        broken.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.dyad:1"), "{stderr}");
    assert!(!Path::new(db).exists(), "a failed ingest creates no store");

    let out = dyad(&[
        "--db",
        db,
        "ingest",
        "--dict",
        dict.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    if skipped_for_model(
        "ingest_uses_a_user_dictionary_and_rejects_a_broken_one",
        &out,
    ) {
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = dyad(&["--db", db, "events", "--format", "json"]);
    let stdout = String::from_utf8(events.stdout).unwrap();
    assert!(stdout.contains("TCDMILRHB"), "{stdout}");
}
