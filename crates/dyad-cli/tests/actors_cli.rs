//! `dyad actors ...` end to end: lookup output, user dictionaries, check and list; and
//! the same user dictionaries used by `extract` and `ingest`.

mod common;

use common::{dyad, json_lines, stdout_ok, temp_dir};

use std::path::{Path, PathBuf};
use std::process::Output;

#[test]
fn lookup_prints_one_json_actor_per_line_with_its_explanation() {
    let out = dyad(&[
        "actors",
        "lookup",
        "Russian President Vladimir Putin",
        "--date",
        "2010-06-01",
        "--format",
        "json",
    ]);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["code"], "RUSGOV");
    assert_eq!(lines[0]["country"], "RUS");
    assert_eq!(lines[0]["group"], serde_json::Value::Null);
    assert!(lines[0]["explanation"]
        .as_str()
        .unwrap()
        .contains("prime minister"));
}

#[test]
fn lookup_uses_a_user_dictionary_and_rejects_a_bad_date() {
    let dir = temp_dir("user");
    let file = dir.join("mine.dyad");
    std::fs::write(
        &file,
        "@group night_owls\nname: Night Owls Brigade\nalias: Night Owls\ncode: XXXREBNOB\nsector: REB\n",
    )
    .unwrap();
    let out = dyad(&[
        "actors",
        "lookup",
        "the Night Owls",
        "--dict",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let text = stdout_ok(&out);
    assert!(text.contains("\"group\":\"night_owls\""), "{text}");
    let bad = dyad(&["actors", "lookup", "Putin", "--date", "2010-13-01"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--date 2010-13-01"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_reports_file_and_line_and_fails_on_errors() {
    let dir = temp_dir("check");
    let bad = dir.join("bad.dyad");
    std::fs::write(
        &bad,
        "@group a\nname: A\ncode: AAAREB\nsector: REB\n@person p\nname: P\nfoo: bar\nrole: RUS | GOV | president | 2000 | 2008\nrole: RUS | GOV | president | 2004 |\n@group a\nname: A again\ncode: AAAREB\nsector: REB\n",
    )
    .unwrap();
    let empty = dir.join("empty.dyad");
    std::fs::write(&empty, "").unwrap();
    let out = dyad(&[
        "actors",
        "check",
        bad.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let b = bad.display().to_string();
    assert!(
        text.contains(&format!("{b}:7: error: unknown key `foo`")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{b}:9: warning: @person p: role `RUS president` overlaps the same role at line 8"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{b}:10: error: duplicate id `@group a`")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}: warning: file holds no records",
            empty.display()
        )),
        "{text}"
    );
    let ok = dyad(&["actors", "check"]);
    stdout_ok(&ok);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn list_filters_by_kind() {
    let out = dyad(&["actors", "list", "--kind", "group", "--format", "json"]);
    let text = stdout_ok(&out);
    assert!(text.lines().count() >= 10);
    assert!(text.lines().all(|l| l.contains("\"kind\":\"group\"")));
    assert!(text.contains("\"id\":\"taliban\""));
}

#[test]
fn lookup_with_the_phoenix_dictionaries_only() {
    let Some(dir) = dyad_model::fixtures::shared_dir_or_skip(
        "lookup_with_the_phoenix_dictionaries_only",
        "anchors/petrarch2",
    ) else {
        return;
    };
    let out = dyad(&[
        "actors",
        "lookup",
        "Afghan police",
        "--phoenix",
        dir.to_str().unwrap(),
        "--no-defaults",
        "--format",
        "json",
    ]);
    let text = stdout_ok(&out);
    assert!(text.contains("\"code\":\"AFGCOP\""), "{text}");
    assert!(text.contains("Phoenix.agents.txt:"), "{text}");
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
    let dir = temp_dir("user-dict-extract");
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
    let dir = temp_dir("user-dict-ingest");
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
    stdout_ok(&out);
    let events = dyad(&["--db", db, "events", "--format", "json"]);
    let stdout = String::from_utf8(events.stdout).unwrap();
    assert!(stdout.contains("TCDMILRHB"), "{stdout}");
}
