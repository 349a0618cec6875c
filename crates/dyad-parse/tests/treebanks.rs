//! Accuracy of the shipped model on the held-out treebanks in ../shared (skipped
//! when absent), greedy and in the beam-search accuracy mode. Floors sit a little
//! under the measured scores (see model/README.md) so a regression fails loudly.

use dyad_model::fixtures::shared_dir_or_skip;
use dyad_parse::conllu::parse_conllu;
use dyad_parse::eval::{evaluate, EvalReport};
use dyad_parse::{Decoding, Parser};
use std::path::Path;

/// Floors of the accuracy mode (beam 8), a little under the measured scores.
const BEAM_TEST_UAS: f64 = 87.0;
const BEAM_TEST_LAS: f64 = 84.1;
const BEAM_GUM_LAS: f64 = 77.9;

/// Reports of the greedy parser and of the accuracy mode.
fn evaluate_files(files: &[&Path]) -> (EvalReport, EvalReport) {
    let mut gold = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("reading gold CoNLL-U");
        gold.extend(parse_conllu(&text).expect("gold CoNLL-U parses"));
    }
    let greedy = evaluate(Parser::shared().expect("the built-in model loads"), &gold);
    let beam = Parser::load_default()
        .expect("the built-in model loads")
        .with_decoding(Decoding::ACCURATE);
    (greedy, evaluate(&beam, &gold))
}

#[test]
fn ewt_test_scores() {
    let Some(path) = shared_dir_or_skip(
        "ewt_test_scores",
        "treebanks/ud-english-ewt/en_ewt-ud-test.conllu",
    ) else {
        return;
    };
    let (report, beam) = evaluate_files(&[&path]);
    println!("{report:?}\n{beam:?}");
    assert!(report.tokens_f1 >= 97.0, "{report:?}");
    assert!(report.upos >= 95.5, "{report:?}");
    assert!(report.uas >= 85.5, "{report:?}");
    assert!(report.las >= 82.7, "{report:?}");
    assert!(beam.uas >= BEAM_TEST_UAS, "{beam:?}");
    assert!(beam.las >= BEAM_TEST_LAS, "{beam:?}");
}

#[test]
fn gum_news_scores() {
    let Some(dir) = shared_dir_or_skip("gum_news_scores", "treebanks/ud-english-gum-news") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("listing GUM news")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let paths: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let (report, beam) = evaluate_files(&paths);
    println!("{report:?}\n{beam:?}");
    assert!(report.sentences_f1 >= 80.0, "{report:?}");
    assert!(report.las >= 76.5, "{report:?}");
    assert!(beam.las >= BEAM_GUM_LAS, "{beam:?}");
}
