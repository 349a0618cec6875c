//! `dyad balance`, `dyads`, `graph` and `double-games` run as a user runs them: the
//! built binary on an edge list and on a store we fill with hand-written events.

mod common;

use common::{dyad_in, json_lines, stdout_ok, temp_dir};

use dyad_model::{Actor, Certainty, Date, DateRange, Document, Event, Sentence, Span};
use serde_json::Value;
use std::path::{Path, PathBuf};

#[test]
fn balance_of_an_edge_list() {
    let dir = temp_dir("edges");
    let edges = dir.join("square.csv");
    // A square with one negative edge plus a pendant: L = 1.
    std::fs::write(
        &edges,
        "source,target,sign\nA,B,1\nB,C,1\nC,D,1\nA,D,-1\nD,E,-1\n",
    )
    .unwrap();
    let out = dyad_in(
        &dir.join("unused.db"),
        &[
            "balance",
            "--edges",
            edges.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let report = &json_lines(&out)[0];
    for key in [
        "nodes",
        "edges",
        "frustration_index",
        "partition",
        "triangle_balance_ratio",
        "walk_balance",
        "seconds",
        "triads",
        "exact",
        "gap",
    ] {
        assert!(report.get(key).is_some(), "missing {key} in {report}");
    }
    assert_eq!(report["nodes"], 5);
    assert_eq!(report["edges"], 5);
    assert_eq!(report["frustration_index"], 1);
    assert_eq!(report["exact"], true);
    assert_eq!(report["gap"], 0);
    assert_eq!(report["triangle_balance_ratio"], Value::Null);
    let walk = report["walk_balance"].as_f64().unwrap();
    assert!(walk > 0.0 && walk < 1.0);

    let heuristic = dyad_in(
        &dir.join("unused.db"),
        &[
            "balance",
            "--edges",
            edges.to_str().unwrap(),
            "--heuristic",
            "--format",
            "csv",
        ],
    );
    let text = stdout_ok(&heuristic);
    assert!(
        text.starts_with("window,nodes,edges,negative,frustration_index"),
        "{text}"
    );
}

#[test]
fn bad_edge_list_names_file_and_line() {
    let dir = temp_dir("bad");
    let edges = dir.join("bad.csv");
    std::fs::write(&edges, "source,target,sign\nA,B,1\nA,C,maybe\n").unwrap();
    let out = dyad_in(
        &dir.join("unused.db"),
        &["balance", "--edges", edges.to_str().unwrap()],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.csv line 3"), "{err}");
}

fn actor(code: &str, country: &str) -> Actor {
    Actor {
        text: code.to_string(),
        name: None,
        code: Some(code.to_string()),
        country: Some(country.to_string()),
        group: None,
        sector: None,
    }
}

fn event(source: &str, target: &str, quad: u8, goldstein: f32, day: &str) -> Event {
    Event {
        sentence: 0,
        sentence_span: Span::new(0, 10),
        trigger: Span::new(0, 4),
        source: Some(actor(source, &source[..3])),
        target: Some(actor(target, &target[..3])),
        cameo: if quad <= 2 { "070" } else { "190" }.to_string(),
        root: if quad <= 2 { "07" } else { "19" }.to_string(),
        plover: None,
        quad_class: quad,
        goldstein,
        date: Some(DateRange::day(Date::parse(day).unwrap())),
        date_text: None,
        location: None,
        quantity: None,
        negated: false,
        certainty: Certainty::Asserted,
        claimed_by: None,
        denied_by: Vec::new(),
    }
}

/// Russia aids both Kabul and the Taliban, who fight; a denied claim must not count.
fn filled_store(dir: &Path) -> PathBuf {
    let db = dir.join("dyad.db");
    let mut doc = Document::new("test", "Russia supplies rifles to Kabul.", None);
    doc.published = Some(Date::parse("2016-02-12").unwrap());
    doc.sentences.push(Sentence {
        span: Span::new(0, doc.text.len()),
        tokens: 0..0,
    });
    doc.events = vec![
        event("RUSGOV", "AFGGOV", 2, 7.4, "2016-02-01"),
        event("RUSMIL", "TALINS", 2, 7.4, "2016-02-02"),
        event("TALINS", "AFGGOV", 4, -10.0, "2016-02-03"),
        event("AFGMIL", "TALINS", 4, -10.0, "2016-02-04"),
    ];
    let mut denied = event("USAGOV", "TALINS", 2, 7.4, "2016-02-05");
    denied.denied_by.push(actor("USAGOV", "USA"));
    doc.events.push(denied);
    let mut store = dyad_store::Store::open(&db).unwrap();
    store.insert(&doc).unwrap();
    db
}

#[test]
fn dyads_graph_and_double_games_from_the_store() {
    let dir = temp_dir("store");
    let db = filled_store(&dir);

    let rows = json_lines(&dyad_in(
        &db,
        &["dyads", "--level", "country", "--format", "json"],
    ));
    assert_eq!(rows.len(), 4, "{rows:?}");
    let rus_afg = rows
        .iter()
        .find(|r| r["source"] == "RUS" && r["target"] == "AFG")
        .unwrap();
    assert_eq!(rus_afg["window"], "2016-02");
    assert_eq!(rus_afg["material_coop"], 1);
    assert_eq!(rus_afg["event_ids"].as_array().unwrap().len(), 1);
    assert!(rows.iter().all(|r| r["source"] != "USA"));

    let graph: Value = serde_json::from_str(&stdout_ok(&dyad_in(
        &db,
        &["graph", "--level", "country", "--format", "json"],
    )))
    .unwrap();
    let edges = graph["windows"][0]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 3);
    let fight = edges
        .iter()
        .find(|e| e["source"] == "AFG" && e["target"] == "TAL")
        .unwrap();
    assert_eq!(fight["sign"], -1);
    assert_eq!(fight["events"], 2);

    let gexf = stdout_ok(&dyad_in(
        &db,
        &["graph", "--level", "country", "--format", "gexf"],
    ));
    assert!(gexf.contains(r#"<graph mode="dynamic""#));
    assert!(gexf.contains(r#"<spell start="2016-02-01" end="2016-02-29"/>"#));
    let graphml = stdout_ok(&dyad_in(
        &db,
        &["graph", "--level", "country", "--format", "graphml"],
    ));
    assert!(graphml.contains(r#"<data key="sign">-1</data>"#));

    let games = json_lines(&dyad_in(
        &db,
        &["double-games", "--level", "country", "--format", "json"],
    ));
    assert_eq!(games.len(), 1);
    assert_eq!(games[0]["actor"], "RUS");
    assert_eq!(games[0]["evidence"].as_array().unwrap().len(), 4);

    let balance = json_lines(&dyad_in(
        &db,
        &[
            "balance", "--level", "country", "--window", "all", "--format", "json",
        ],
    ));
    assert_eq!(balance[0]["window"], "all");
    assert_eq!(balance[0]["frustration_index"], 1);
    assert_eq!(balance[0]["triads"]["++-"], 1);
}
