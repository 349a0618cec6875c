//! Accuracy of the shipped model on the held-out treebanks in ../shared (skipped
//! when absent). Floors sit a little under the measured scores (see model/README.md)
//! so a regression fails loudly.

use dyad_model::fixtures::shared_dir_or_skip;
use dyad_parse::conllu::parse_conllu;
use dyad_parse::eval::{evaluate, EvalReport};
use dyad_parse::Parser;
use std::path::Path;

fn evaluate_files(files: &[&Path]) -> EvalReport {
    let mut gold = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("reading gold CoNLL-U");
        gold.extend(parse_conllu(&text).expect("gold CoNLL-U parses"));
    }
    evaluate(Parser::shared().expect("the built-in model loads"), &gold)
}

#[test]
fn ewt_test_scores() {
    let Some(path) = shared_dir_or_skip(
        "ewt_test_scores",
        "treebanks/ud-english-ewt/en_ewt-ud-test.conllu",
    ) else {
        return;
    };
    let report = evaluate_files(&[&path]);
    println!("{report:?}");
    assert!(report.tokens_f1 >= 97.0, "{report:?}");
    assert!(report.upos >= 95.5, "{report:?}");
    assert!(report.uas >= 85.5, "{report:?}");
    assert!(report.las >= 82.7, "{report:?}");
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
    let report = evaluate_files(&paths);
    println!("{report:?}");
    assert!(report.sentences_f1 >= 80.0, "{report:?}");
    assert!(report.las >= 76.5, "{report:?}");
}
