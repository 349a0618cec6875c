//! Document-level language identification on NTREX-128 (professional translations of
//! the same news stories into seven languages), from ../shared when present.

use std::collections::BTreeMap;

#[test]
fn ntrex_documents_are_identified() {
    let Some(path) = dyad_model::fixtures::shared_dir_or_skip(
        "ntrex_documents_are_identified",
        "corpora/ntrex128_news_multilingual_7lang.jsonl",
    ) else {
        return;
    };
    // Dari is written like Persian and reported as Persian.
    let expected = [
        ("eng", "en"),
        ("arb", "ar"),
        ("fas", "fa"),
        ("prs", "fa"),
        ("pus", "ps"),
        ("rus", "ru"),
        ("ukr", "uk"),
    ];
    let corpus = std::fs::read_to_string(path).unwrap();
    let mut sentences_right: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut per_language: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for line in corpus.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        for (key, code) in expected {
            let sentences = record["sentences"][key].as_array().unwrap();
            let text: Vec<&str> = sentences.iter().filter_map(|s| s.as_str()).collect();
            let counts = sentences_right.entry(key).or_default();
            for sentence in &text {
                counts.1 += 1;
                if dyad_text::detect_language(sentence) == Some(code) {
                    counts.0 += 1;
                }
            }
            let detected = dyad_text::detect_language(&text.join(" "));
            let entry = per_language.entry(key).or_default();
            entry.1 += 1;
            if detected == Some(code) {
                entry.0 += 1;
            } else {
                mistakes.push(format!("{} {key}: {detected:?}", record["doc_id"]));
            }
        }
    }
    let (right, total) = per_language
        .values()
        .fold((0, 0), |(r, t), (right, total)| (r + right, t + total));
    eprintln!("language accuracy {right}/{total}: {per_language:?}; mistakes: {mistakes:?}");
    assert!(
        right as f64 >= 0.97 * total as f64,
        "{right}/{total}: {mistakes:?}"
    );
    for (key, (right, total)) in per_language {
        assert!(right as f64 >= 0.9 * total as f64, "{key}: {right}/{total}");
    }
    // Single sentences (headlines included) are harder; still most must be right.
    eprintln!("sentence-level: {sentences_right:?}");
    for (key, (right, total)) in sentences_right {
        assert!(
            right as f64 >= 0.95 * total as f64,
            "{key} sentences: {right}/{total}"
        );
    }
}
