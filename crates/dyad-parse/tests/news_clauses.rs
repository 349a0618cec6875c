//! Short news clauses of the kind the event coder reads: "SUBJECT verbed OBJECT".
//! The web text of the treebank has few of them, and the tagger used to read the
//! verb as a participle or a preposition, leaving a noun as the root.

use dyad_parse::Parser;

/// Parses pre-split words and checks that `verb` is the root, a verb in the past
/// tense, with `subject` as its nominal subject and `object` as its object.
fn assert_clause(words: &[&str], subject: usize, verb: usize, object: usize) {
    assert_clause_with_tense(words, subject, verb, "VBD", object);
}

/// [`assert_clause`] with the verb's PTB tag given.
fn assert_clause_with_tense(
    words: &[&str],
    subject: usize,
    verb: usize,
    xpos: &str,
    object: usize,
) {
    let parser = Parser::shared().expect("the built-in model loads");
    let analyses = parser.analyse(words);
    let shown: Vec<String> = words
        .iter()
        .zip(&analyses)
        .map(|(w, a)| {
            format!(
                "{w}/{}/{}/{:?}/{}",
                a.upos.as_str(),
                a.xpos,
                a.head,
                a.deprel
            )
        })
        .collect();
    let context = shown.join(" ");
    let v = &analyses[verb];
    assert_eq!(
        (v.upos.as_str(), v.xpos.as_str()),
        ("VERB", xpos),
        "{context}"
    );
    assert_eq!(v.head, None, "{context}");
    assert_eq!(analyses[subject].head, Some(verb as u32), "{context}");
    assert_eq!(analyses[subject].deprel, "nsubj", "{context}");
    assert_eq!(analyses[object].head, Some(verb as u32), "{context}");
    assert_eq!(analyses[object].deprel, "obj", "{context}");
}

#[test]
fn past_tense_verb_after_a_name_is_the_root() {
    assert_clause(
        &["Hezbollah", "fired", "rockets", "at", "Israel", "."],
        0,
        1,
        2,
    );
    assert_clause(
        &["Russia", "supplied", "rifles", "to", "the", "Taliban", "."],
        0,
        1,
        2,
    );
}

#[test]
fn past_tense_verb_before_a_determiner_is_the_root() {
    assert_clause(
        &[
            "Chadian", "soldiers", "attacked", "the", "River", "Hawks", ".",
        ],
        1,
        2,
        5,
    );
}

#[test]
fn participles_after_an_auxiliary_stay_participles() {
    let parser = Parser::shared().expect("the built-in model loads");
    let words = ["Rockets", "were", "fired", "at", "Israel", "."];
    let analyses = parser.analyse(&words);
    assert_eq!(analyses[2].xpos, "VBN", "{analyses:?}");
}

#[test]
fn verbs_the_treebank_knows_as_adjectives_or_nouns_are_verbs_after_a_subject() {
    // "armed" is an adjective in nine of ten uses in the treebank, "arms" a noun in all.
    assert_clause(
        &[
            "Russia",
            "armed",
            "separatists",
            "in",
            "eastern",
            "Ukraine",
            ".",
        ],
        0,
        1,
        2,
    );
    assert_clause_with_tense(&["Moscow", "arms", "the", "Taliban", "."], 0, 1, "VBZ", 3);
}

#[test]
fn a_finite_verb_inside_a_which_clause_leaves_the_main_verb_to_find() {
    let parser = Parser::shared().expect("the built-in model loads");
    let words = [
        "Iran", ",", "which", "denies", "the", "charge", ",", "supplied", "drones", "to", "Russia",
        ".",
    ];
    let analyses = parser.analyse(&words);
    assert_eq!(analyses[7].xpos, "VBD", "{analyses:?}");
    assert_eq!(analyses[3].xpos, "VBZ", "{analyses:?}");
}

#[test]
fn a_finite_verb_after_a_coordinator_leaves_the_first_predicate_to_find() {
    // The tagger reads both "attacked" and "armed" as participles; "fled", after
    // "and", is a second predicate, and the first is the participle with an object.
    let words = [
        "Rebels", "armed", "by", "Iran", "attacked", "the", "base", "and", "fled", ".",
    ];
    assert_clause(&words, 0, 4, 6);
    let parser = Parser::shared().expect("the built-in model loads");
    let analyses = parser.analyse(&words);
    assert_eq!(analyses[1].xpos, "VBN", "{analyses:?}");
    assert_eq!(
        (analyses[8].head, analyses[8].deprel.as_str()),
        (Some(4), "conj"),
        "{analyses:?}"
    );
}
