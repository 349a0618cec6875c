//! Each coding rule on sentences written for the purpose, parsed by hand (CoNLL-U) so
//! the tests do not depend on the statistical parser.

mod common;

use common::{actor, brief, doc, find, mention};
use dyad_code::Coder;
use dyad_model::{Certainty, Component, Document, Event};

fn code(doc: &mut Document) -> Vec<Event> {
    Coder::default().annotate(doc);
    doc.events.clone()
}

const RUSSIA_SUPPLIES: &str = "
Russia Russia PROPN NNP 2 nsubj
supplies supply VERB VBZ 0 root
10,000 10,000 NUM CD 4 nummod
rifles rifle NOUN NNS 2 obj
to to ADP IN 8 case
the the DET DT 8 det
Afghan Afghan ADJ JJ 8 amod
government government NOUN NN 2 obl
~. . PUNCT . 2 punct";

#[test]
fn plain_statement_is_asserted_military_aid() {
    let mut d = doc(&[RUSSIA_SUPPLIES]);
    assert_eq!(
        d.text,
        "Russia supplies 10,000 rifles to the Afghan government."
    );
    mention(
        &mut d,
        "Russia",
        0,
        actor("Russia", "RUS", Some("RUS"), None),
    );
    mention(
        &mut d,
        "Afghan government",
        0,
        actor("Afghan government", "AFGGOV", Some("AFG"), None),
    );
    let events = code(&mut d);
    assert_eq!(
        events.len(),
        1,
        "{:?}",
        events.iter().map(brief).collect::<Vec<_>>()
    );
    let e = find(&events, "RUS>AFGGOV 072");
    assert_eq!(e.root, "07");
    assert_eq!(e.plover.as_deref(), Some("AID"));
    assert_eq!(e.quad_class, 2);
    assert_eq!(e.goldstein, 8.3);
    assert_eq!(e.certainty, Certainty::Asserted);
    assert!(!e.negated);
    assert_eq!(e.claimed_by, None);
    assert!(e.denied_by.is_empty());
    assert_eq!(d.slice(e.trigger), "supplies");
    assert_eq!(e.sentence_span, d.sentences[0].span);
}

const OFFICIAL_SAYS: &str = "
A a DET DT 3 det
U.S. U.S. PROPN NNP 3 compound
official official NOUN NN 4 nsubj
says say VERB VBZ 0 root
Moscow Moscow PROPN NNP 6 nsubj
arms arm VERB VBZ 4 ccomp
the the DET DT 8 det
Taliban Taliban PROPN NNP 6 obj
~. . PUNCT . 4 punct";

const TALIBAN_DENY: &str = "
The the DET DT 2 det
Taliban Taliban PROPN NNP 3 nsubj
deny deny VERB VBP 0 root
receiving receive VERB VBG 3 xcomp
aid aid NOUN NN 4 obj
~. . PUNCT . 3 punct";

fn taliban() -> dyad_model::Actor {
    actor("Taliban", "TALIBAN", Some("AFG"), Some("taliban"))
}

#[test]
fn reported_speech_names_an_anonymous_official_with_country() {
    let mut d = doc(&[OFFICIAL_SAYS]);
    mention(
        &mut d,
        "U.S.",
        0,
        actor("United States", "USA", Some("USA"), None),
    );
    mention(
        &mut d,
        "Moscow",
        0,
        actor("Russia", "RUS", Some("RUS"), None),
    );
    mention(&mut d, "Taliban", 0, taliban());
    let events = code(&mut d);
    let e = find(&events, "RUS>TALIBAN 072");
    assert_eq!(e.certainty, Certainty::Reported);
    let claimant = e.claimed_by.as_ref().expect("claimant");
    assert_eq!(claimant.text, "A U.S. official");
    assert_eq!(claimant.country.as_deref(), Some("USA"));
}

/// The attribution after the act, hung by the parser as an adverbial clause.
const RUSSIA_SUPPLIED_OFFICIAL_SAID: &str = "
Russia Russia PROPN NNP 2 nsubj
supplied supply VERB VBD 0 root
rifles rifle NOUN NNS 2 obj
to to ADP IN 6 case
the the DET DT 6 det
Taliban Taliban PROPN NNP 2 obl
~, , PUNCT , 11 punct
a a DET DT 10 det
U.S. U.S. PROPN NNP 10 compound
official official NOUN NN 11 nsubj
said say VERB VBD 2 advcl:relcl
~. . PUNCT . 2 punct";

/// The same with a subordinator: the saying came after the act, it does not report it.
const RUSSIA_SUPPLIED_AFTER_OFFICIAL_SAID: &str = "
Russia Russia PROPN NNP 2 nsubj
supplied supply VERB VBD 0 root
rifles rifle NOUN NNS 2 obj
to to ADP IN 6 case
the the DET DT 6 det
Taliban Taliban PROPN NNP 2 obl
after after SCONJ IN 11 mark
a a DET DT 10 det
U.S. U.S. PROPN NNP 10 compound
official official NOUN NN 11 nsubj
said say VERB VBD 2 advcl
~. . PUNCT . 2 punct";

#[test]
fn a_closing_attribution_hung_as_an_adverbial_clause_reports_the_act() {
    for (sentence, certainty) in [
        (RUSSIA_SUPPLIED_OFFICIAL_SAID, Certainty::Reported),
        (RUSSIA_SUPPLIED_AFTER_OFFICIAL_SAID, Certainty::Asserted),
    ] {
        let events = code_actors(
            sentence,
            &[
                ("Russia", "RUS", Some("RUS")),
                ("Taliban", "TALIBAN", Some("AFG")),
                ("U.S.", "USA", Some("USA")),
            ],
        );
        let e = find(&events, "RUS>TALIBAN 072");
        assert_eq!(e.certainty, certainty, "{sentence}");
        let claimant = e.claimed_by.as_ref().map(|c| c.text.as_str());
        let expected = (certainty == Certainty::Reported).then_some("a U.S. official");
        assert_eq!(claimant, expected, "{sentence}");
    }
}

#[test]
fn denial_of_receiving_aid_marks_the_claims_of_aid() {
    let mut d = doc(&[OFFICIAL_SAYS, TALIBAN_DENY]);
    mention(
        &mut d,
        "U.S.",
        0,
        actor("United States", "USA", Some("USA"), None),
    );
    mention(
        &mut d,
        "Moscow",
        0,
        actor("Russia", "RUS", Some("RUS"), None),
    );
    mention(&mut d, "Taliban", 0, taliban());
    mention(&mut d, "Taliban", 1, taliban());
    let events = code(&mut d);
    let aid = find(&events, "RUS>TALIBAN 072");
    assert_eq!(aid.denied_by.len(), 1);
    assert_eq!(aid.denied_by[0].group.as_deref(), Some("taliban"));
    // The denial is attached to the claim, not coded as a separate aid event.
    let aid_events = events.iter().filter(|e| e.root == "07").count();
    assert_eq!(
        aid_events,
        1,
        "{:?}",
        events.iter().map(brief).collect::<Vec<_>>()
    );
    // The denial itself is a statement by the Taliban.
    assert_eq!(
        find(&events, "TALIBAN>- 016").certainty,
        Certainty::Asserted
    );
}

#[test]
fn denial_of_supplying_leaves_no_asserted_event() {
    let mut d = doc(&["
Iran Iran PROPN NNP 2 nsubj
denies deny VERB VBZ 0 root
supplying supply VERB VBG 2 xcomp
weapons weapon NOUN NNS 3 obj
to to ADP IN 7 case
the the DET DT 7 det
Houthis Houthis PROPN NNPS 3 obl
~. . PUNCT . 2 punct"]);
    mention(&mut d, "Iran", 0, actor("Iran", "IRN", Some("IRN"), None));
    mention(
        &mut d,
        "Houthis",
        0,
        actor("Houthis", "YEMREB", Some("YEM"), Some("houthis")),
    );
    let events = code(&mut d);
    let claim = find(&events, "IRN>YEMREB 072");
    assert_eq!(claim.denied_by.len(), 1);
    assert_eq!(claim.denied_by[0].code.as_deref(), Some("IRN"));
    assert_ne!(claim.certainty, Certainty::Asserted);
    assert!(!events.iter().any(|e| e.certainty == Certainty::Asserted
        && e.target.as_ref().and_then(|t| t.code.as_deref()) == Some("YEMREB")));
}

#[test]
fn passive_participle_and_agent() {
    let mut d = doc(&[
        "
Rebels rebel NOUN NNS 5 nsubj
supported support VERB VBN 1 acl
by by ADP IN 4 case
Ankara Ankara PROPN NNP 2 obl:agent
attacked attack VERB VBD 0 root
Kurdish Kurdish ADJ JJ 7 amod
forces force NOUN NNS 5 obj
~. . PUNCT . 5 punct",
        "
The the DET DT 2 det
YPG YPG PROPN NNP 4 nsubj:pass
was be AUX VBD 4 aux:pass
armed arm VERB VBN 0 root
by by ADP IN 6 case
Washington Washington PROPN NNP 4 obl:agent
~. . PUNCT . 4 punct",
    ]);
    mention(&mut d, "Rebels", 0, actor("Rebels", "REB", None, None));
    mention(
        &mut d,
        "Ankara",
        0,
        actor("Turkey", "TUR", Some("TUR"), None),
    );
    mention(
        &mut d,
        "Kurdish forces",
        0,
        actor("Kurdish forces", "KURMIL", None, None),
    );
    mention(
        &mut d,
        "YPG",
        0,
        actor("YPG", "YPG", Some("SYR"), Some("ypg")),
    );
    mention(
        &mut d,
        "Washington",
        0,
        actor("United States", "USA", Some("USA"), None),
    );
    let events = code(&mut d);
    find(&events, "TUR>REB 050");
    find(&events, "REB>KURMIL 190");
    find(&events, "USA>YPG 072");
}

#[test]
fn relative_clause_subject_is_its_antecedent() {
    let mut d = doc(&["
Washington Washington PROPN NNP 9 nsubj
~, , PUNCT , 5 punct
which which PRON WDT 5 nsubj
has have AUX VBZ 5 aux
armed arm VERB VBN 1 acl:relcl
the the DET DT 7 det
YPG YPG PROPN NNP 5 obj
~, , PUNCT , 5 punct
criticized criticize VERB VBD 0 root
Ankara Ankara PROPN NNP 9 obj
~. . PUNCT . 9 punct"]);
    mention(
        &mut d,
        "Washington",
        0,
        actor("United States", "USA", Some("USA"), None),
    );
    mention(
        &mut d,
        "YPG",
        0,
        actor("YPG", "YPG", Some("SYR"), Some("ypg")),
    );
    mention(
        &mut d,
        "Ankara",
        0,
        actor("Turkey", "TUR", Some("TUR"), None),
    );
    let events = code(&mut d);
    find(&events, "USA>YPG 072");
    find(&events, "USA>TUR 111");
}

#[test]
fn coordination_gives_one_event_per_pair() {
    let mut d = doc(&[
        "
Russia Russia PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Iran Iran PROPN NNP 1 conj
supplied supply VERB VBD 0 root
weapons weapon NOUN NNS 4 obj
to to ADP IN 7 case
Syria Syria PROPN NNP 4 obl
and and CCONJ CC 9 cc
Hezbollah Hezbollah PROPN NNP 7 conj
~. . PUNCT . 4 punct",
        "
Israel Israel PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Lebanon Lebanon PROPN NNP 1 conj
held hold VERB VBD 0 root
talks talk NOUN NNS 4 obj
~. . PUNCT . 4 punct",
    ]);
    for (text, code) in [
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Hezbollah", "HEZ"),
        ("Israel", "ISR"),
        ("Lebanon", "LBN"),
    ] {
        mention(&mut d, text, 0, actor(text, code, Some(code), None));
    }
    let events = code(&mut d);
    let mut got: Vec<String> = events.iter().map(brief).collect();
    got.sort();
    assert_eq!(
        got,
        [
            "IRN>HEZ 072",
            "IRN>SYR 072",
            "ISR>LBN 040",
            "LBN>ISR 040",
            "RUS>HEZ 072",
            "RUS>SYR 072"
        ]
    );
}

#[test]
fn negation() {
    let mut d = doc(&["
Turkey Turkey PROPN NNP 4 nsubj
has have AUX VBZ 4 aux
not not PART RB 4 advmod
approached approach VERB VBN 0 root
the the DET DT 7 det
Syrian Syrian ADJ JJ 7 amod
government government NOUN NN 4 obj
~. . PUNCT . 4 punct"]);
    mention(
        &mut d,
        "Turkey",
        0,
        actor("Turkey", "TUR", Some("TUR"), None),
    );
    mention(
        &mut d,
        "Syrian government",
        0,
        actor("Syrian government", "SYRGOV", Some("SYR"), None),
    );
    let events = code(&mut d);
    let e = find(&events, "TUR>SYRGOV 040");
    assert!(e.negated);
    assert_eq!(e.certainty, Certainty::Asserted);
}

#[test]
fn modality_future_condition_and_hedges() {
    let mut d = doc(&[
        "
Russia Russia PROPN NNP 3 nsubj
will will AUX MD 3 aux
deliver deliver VERB VB 0 root
missiles missile NOUN NNS 3 obj
to to ADP IN 6 case
Syria Syria PROPN NNP 3 obl
~. . PUNCT . 3 punct",
        "
If if SCONJ IN 3 mark
Iran Iran PROPN NNP 3 nsubj
attacks attack VERB VBZ 9 advcl
Israel Israel PROPN NNP 3 obj
~, , PUNCT , 9 punct
the the DET DT 7 det
U.S. U.S. PROPN NNP 9 nsubj
will will AUX MD 9 aux
respond respond VERB VB 0 root
~. . PUNCT . 9 punct",
        "
Iran Iran PROPN NNP 3 nsubj
reportedly reportedly ADV RB 3 advmod
supplied supply VERB VBD 0 root
drones drone NOUN NNS 3 obj
to to ADP IN 6 case
Russia Russia PROPN NNP 3 obl
~. . PUNCT . 3 punct",
        "
Syria Syria PROPN NNP 2 nsubj
plans plan VERB VBZ 0 root
to to PART TO 4 mark
buy buy VERB VB 2 xcomp
tanks tank NOUN NNS 4 obj
from from ADP IN 7 case
Russia Russia PROPN NNP 4 obl
~. . PUNCT . 2 punct",
        "
It it PRON PRP 4 nsubj
is be AUX VBZ 4 cop
not not PART RB 4 advmod
clear clear ADJ JJ 0 root
whether whether SCONJ IN 7 mark
Iran Iran PROPN NNP 7 nsubj
sent send VERB VBD 4 ccomp
weapons weapon NOUN NNS 7 obj
to to ADP IN 10 case
Russia Russia PROPN NNP 7 obl
~. . PUNCT . 4 punct",
    ]);
    for (text, code, n) in [
        ("Russia", "RUS", 0),
        ("Syria", "SYR", 0),
        ("Iran", "IRN", 0),
        ("Israel", "ISR", 0),
        ("U.S.", "USA", 0),
        ("Iran", "IRN", 1),
        ("Russia", "RUS", 1),
        ("Syria", "SYR", 1),
        ("Russia", "RUS", 2),
        ("Iran", "IRN", 2),
        ("Russia", "RUS", 3),
    ] {
        mention(&mut d, text, n, actor(text, code, Some(code), None));
    }
    let events = code(&mut d);
    let by_sentence = |s: usize| events.iter().find(|e| e.sentence == s).unwrap();
    // Bare future keeps the act's code; the certainty says it is announced.
    assert_eq!(brief(by_sentence(0)), "RUS>SYR 072");
    assert_eq!(by_sentence(0).certainty, Certainty::Intended);
    assert_eq!(brief(by_sentence(1)), "IRN>ISR 190");
    assert_eq!(by_sentence(1).certainty, Certainty::Hypothetical);
    assert_eq!(brief(by_sentence(2)), "IRN>RUS 072");
    assert_eq!(by_sentence(2).certainty, Certainty::Uncertain);
    assert_eq!(brief(by_sentence(3)), "RUS>SYR 072");
    assert_eq!(by_sentence(3).certainty, Certainty::Intended);
    assert_eq!(brief(by_sentence(4)), "IRN>RUS 072");
    assert_eq!(by_sentence(4).certainty, Certainty::Uncertain);
}

#[test]
fn accusation_and_the_claim_it_carries() {
    let mut d = doc(&["
Israel Israel PROPN NNP 2 nsubj
accused accuse VERB VBD 0 root
Iran Iran PROPN NNP 2 obj
of of SCONJ IN 5 mark
supplying supply VERB VBG 2 advcl
rockets rocket NOUN NNS 5 obj
to to ADP IN 8 case
Hamas Hamas PROPN NNP 5 obl
~. . PUNCT . 2 punct"]);
    mention(
        &mut d,
        "Israel",
        0,
        actor("Israel", "ISR", Some("ISR"), None),
    );
    mention(&mut d, "Iran", 0, actor("Iran", "IRN", Some("IRN"), None));
    mention(
        &mut d,
        "Hamas",
        0,
        actor("Hamas", "HAMAS", Some("PSE"), Some("hamas")),
    );
    let events = code(&mut d);
    let accusation = find(&events, "ISR>IRN 112");
    assert_eq!(accusation.certainty, Certainty::Asserted);
    let claim = find(&events, "IRN>HAMAS 072");
    assert_eq!(claim.certainty, Certainty::Reported);
    assert_eq!(
        claim.claimed_by.as_ref().unwrap().code.as_deref(),
        Some("ISR")
    );
}

#[test]
fn a_wh_word_misread_as_subject_of_a_conjoined_verb_is_not_the_claimant() {
    // The parse hangs "what" on "accused" as its subject, as our parser does.
    let mut d = doc(&["
Western Western ADJ JJ 2 amod
governments government NOUN NNS 3 nsubj
condemned condemn VERB VBD 0 root
what what PRON WP 11 nsubj
they they PRON PRP 6 nsubj
called call VERB VBD 4 acl:relcl
an a DET DT 8 det
invasion invasion NOUN NN 6 obj
~, , PUNCT , 11 punct
and and CCONJ CC 11 cc
accused accuse VERB VBD 3 parataxis
Moscow Moscow PROPN NNP 11 obj
of of SCONJ IN 14 mark
arming arm VERB VBG 11 advcl
the the DET DT 16 det
fighters fighter NOUN NNS 14 obj
~. . PUNCT . 3 punct"]);
    mention(
        &mut d,
        "Western governments",
        0,
        actor("Western governments", "---GOV", None, None),
    );
    mention(
        &mut d,
        "Moscow",
        0,
        actor("Moscow", "RUS", Some("RUS"), None),
    );
    mention(
        &mut d,
        "fighters",
        0,
        actor("fighters", "RUSPMCWAG", Some("RUS"), Some("wagner")),
    );
    let events = code(&mut d);
    let claim = find(&events, "RUS>RUSPMCWAG 072");
    assert_eq!(claim.certainty, Certainty::Reported);
    assert_eq!(
        claim.claimed_by.as_ref().map(|c| c.text.as_str()),
        Some("Western governments")
    );
}

#[test]
fn parenthetical_attribution_to_the_outlet() {
    let mut d = doc(&["
Iran Iran PROPN NNP 2 nsubj
armed arm VERB VBD 0 root
the the DET DT 4 det
Houthis Houthis PROPN NNPS 2 obj
~, , PUNCT , 7 punct
the the DET DT 7 det
newspaper newspaper NOUN NN 8 nsubj
said say VERB VBD 2 parataxis
~. . PUNCT . 2 punct"]);
    d.outlet = Some("The Daily Example".into());
    mention(&mut d, "Iran", 0, actor("Iran", "IRN", Some("IRN"), None));
    mention(
        &mut d,
        "Houthis",
        0,
        actor("Houthis", "YEMREB", Some("YEM"), None),
    );
    let events = code(&mut d);
    let e = find(&events, "IRN>YEMREB 072");
    assert_eq!(e.certainty, Certainty::Reported);
    let outlet = e.claimed_by.as_ref().unwrap();
    assert_eq!(outlet.name.as_deref(), Some("The Daily Example"));
    assert_eq!(outlet.code, None);
}

#[test]
fn commitment_and_threat_wrappers_recode() {
    let mut d = doc(&[
        "
China China PROPN NNP 2 nsubj
pledged pledge VERB VBD 0 root
to to PART TO 4 mark
send send VERB VB 2 xcomp
food food NOUN NN 4 obj
to to ADP IN 7 case
Yemen Yemen PROPN NNP 4 obl
~. . PUNCT . 2 punct",
        "
Iran Iran PROPN NNP 2 nsubj
threatened threaten VERB VBD 0 root
to to PART TO 4 mark
attack attack VERB VB 2 xcomp
Israel Israel PROPN NNP 4 obj
~. . PUNCT . 2 punct",
    ]);
    for (text, code) in [
        ("China", "CHN"),
        ("Yemen", "YEM"),
        ("Iran", "IRN"),
        ("Israel", "ISR"),
    ] {
        mention(&mut d, text, 0, actor(text, code, Some(code), None));
    }
    let events = code(&mut d);
    let got: Vec<String> = events.iter().map(brief).collect();
    assert_eq!(got, ["CHN>YEM 0333", "IRN>ISR 138"]);
    assert_eq!(d.slice(events[1].trigger), "threatened");
}

#[test]
fn non_english_documents_are_skipped() {
    let mut d = doc(&[RUSSIA_SUPPLIES]);
    d.language = Some("ar".into());
    Coder::default().annotate(&mut d);
    assert!(d.events.is_empty());
    assert_eq!(d.skipped[0].stage, "code");
}

#[test]
fn obligation_refusal_and_will_not() {
    let mut d = doc(&[
        "
Egypt Egypt PROPN NNP 2 nsubj
said say VERB VBD 0 root
Israel Israel PROPN NNP 5 nsubj
must must AUX MD 5 aux
withdraw withdraw VERB VB 2 ccomp
from from ADP IN 7 case
Gaza Gaza PROPN NNP 5 obl
~. . PUNCT . 2 punct",
        "
Syria Syria PROPN NNP 3 nsubj
has have AUX VBZ 3 aux
refused refuse VERB VBN 0 root
to to PART TO 5 mark
release release VERB VB 3 xcomp
Lebanese Lebanese ADJ JJ 7 amod
prisoners prisoner NOUN NNS 5 obj
~. . PUNCT . 3 punct",
        "
Japan Japan PROPN NNP 4 nsubj
will will AUX MD 4 aux
not not PART RB 4 advmod
send send VERB VB 0 root
aid aid NOUN NN 4 obj
to to ADP IN 7 case
Serbia Serbia PROPN NNP 4 obl
~. . PUNCT . 4 punct",
    ]);
    for (text, code) in [
        ("Egypt", "EGY"),
        ("Israel", "ISR"),
        ("Gaza", "PSE"),
        ("Syria", "SYR"),
        ("Lebanese", "LBN"),
        ("Japan", "JPN"),
        ("Serbia", "SRB"),
    ] {
        mention(&mut d, text, 0, actor(text, code, Some(code), None));
    }
    let events = code(&mut d);
    let got: Vec<String> = events.iter().map(brief).collect();
    // Egypt demands Israel's withdrawal; Syria declines to release; Japan rejects aid.
    assert_eq!(got, ["EGY>ISR 1056", "SYR>LBN 1243", "JPN>SRB 122"]);
    assert!(events.iter().all(|e| !e.negated));
    assert_eq!(d.slice(events[1].trigger), "refused");
}

#[test]
fn attribution_joined_as_a_conjunct_and_facilitated_contacts() {
    let mut d = doc(&[
        "
Russia Russia PROPN NNP 2 nsubj
supplies supply VERB VBZ 0 root
rifles rifle NOUN NNS 2 obj
to to ADP IN 5 case
Kabul Kabul PROPN NNP 2 obl
~, , PUNCT , 8 punct
officials official NOUN NNS 8 nsubj
said say VERB VBD 2 conj
~. . PUNCT . 2 punct",
        "
Tajikistan Tajikistan PROPN NNP 2 nsubj
facilitated facilitate VERB VBD 0 root
contacts contact NOUN NNS 2 obj
between between ADP IN 5 case
Russia Russia PROPN NNP 3 nmod
and and CCONJ CC 8 cc
the the DET DT 8 det
Taliban Taliban PROPN NNP 5 conj
~. . PUNCT . 2 punct",
    ]);
    mention(
        &mut d,
        "Russia",
        0,
        actor("Russia", "RUS", Some("RUS"), None),
    );
    mention(
        &mut d,
        "Kabul",
        0,
        actor("Afghanistan", "AFG", Some("AFG"), None),
    );
    mention(
        &mut d,
        "Tajikistan",
        0,
        actor("Tajikistan", "TJK", Some("TJK"), None),
    );
    mention(
        &mut d,
        "Russia",
        1,
        actor("Russia", "RUS", Some("RUS"), None),
    );
    mention(&mut d, "Taliban", 0, taliban());
    let events = code(&mut d);
    let aid = find(&events, "RUS>AFG 072");
    assert_eq!(aid.certainty, Certainty::Reported);
    assert_eq!(aid.claimed_by.as_ref().unwrap().text, "officials");
    find(&events, "TJK>RUS 045");
    find(&events, "TJK>TALIBAN 045");
}

/// Codes one hand-parsed sentence with the given actor mentions (text, code, country).
fn code_with(conllu: &str, mentions: &[(&str, &str, &str)]) -> Vec<Event> {
    let mut d = doc(&[conllu]);
    for &(text, code, country) in mentions {
        mention(&mut d, text, 0, actor(text, code, Some(country), None));
    }
    code(&mut d)
}

#[test]
fn past_form_tagged_adjective_on_a_root_noun_is_the_verb() {
    // The tagger read "shelled" as an adjective and made "positions" the root.
    let events = code_with(
        "
Syrian Syrian ADJ JJ 2 amod
tanks tank NOUN NNS 5 compound
shelled shelled ADJ JJ 5 amod
Kurdish Kurdish ADJ JJ 5 amod
positions position NOUN NNS 0 root
~. . PUNCT . 5 punct",
        &[("Syrian tanks", "SYRMIL", "SYR"), ("Kurdish", "KUR", "KUR")],
    );
    find(&events, "SYRMIL>KUR 194");
}

#[test]
fn past_form_tagged_adjective_takes_the_subject_of_its_noun() {
    let events = code_with(
        "
Guerrillas guerrilla NOUN NNS 5 nsubj
wounded wounded ADJ JJ 5 amod
two two NUM CD 5 nummod
British British ADJ JJ 5 amod
soldiers soldier NOUN NNS 0 root
~. . PUNCT . 5 punct",
        &[
            ("Guerrillas", "IRLREB", "IRL"),
            ("British soldiers", "GBRMIL", "GBR"),
        ],
    );
    find(&events, "IRLREB>GBRMIL 190");
}

#[test]
fn adjective_before_its_own_noun_stays_an_adjective() {
    // "occupied" modifies "territories" with no subject before it: no event.
    let events = code_with(
        "
Israel Israel PROPN NNP 2 nsubj
left leave VERB VBD 0 root
the the DET DT 5 det
occupied occupied ADJ JJ 5 amod
territories territory NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[("Israel", "ISR", "ISR")],
    );
    assert!(
        events.iter().all(|e| e.cameo != "192"),
        "{:?}",
        events.iter().map(brief).collect::<Vec<_>>()
    );
}

#[test]
fn noun_tagged_word_with_subject_and_object_is_the_verb() {
    let events = code_with(
        "
Somali Somali ADJ JJ 2 amod
militia militia NOUN NN 3 nsubj
attacks attack NOUN NNS 0 root
Kenyan Kenyan ADJ JJ 5 amod
police police NOUN NN 3 obj
~. . PUNCT . 3 punct",
        &[
            ("Somali militia", "SOMREB", "SOM"),
            ("Kenyan police", "KENCOP", "KEN"),
        ],
    );
    find(&events, "SOMREB>KENCOP 190");
    assert_eq!(
        events.len(),
        1,
        "{:?}",
        events.iter().map(brief).collect::<Vec<_>>()
    );
}

#[test]
fn crowd_protesting_a_decision_demonstrates_official_protest_complains() {
    let students = code_with(
        "
Chilean Chilean ADJ JJ 2 amod
students student NOUN NNS 3 nsubj
protested protest VERB VBD 0 root
the the DET DT 7 det
Argentina Argentina PROPN NNP 7 nmod:poss
's 's PART POS 5 case
decision decision NOUN NN 3 obj
~. . PUNCT . 3 punct",
        &[
            ("Chilean students", "CHLEDU", "CHL"),
            ("Argentina", "ARG", "ARG"),
        ],
    );
    find(&students, "CHLEDU>ARG 141");
    let ministry = code_with(
        "
Chile Chile PROPN NNP 2 nsubj
protested protest VERB VBD 0 root
Peru Peru PROPN NNP 5 nmod:poss
's 's PART POS 3 case
decision decision NOUN NN 2 obj
~. . PUNCT . 2 punct",
        &[("Chile", "CHL", "CHL"), ("Peru", "PER", "PER")],
    );
    assert!(
        ministry.iter().all(|e| e.cameo != "141"),
        "{:?}",
        ministry.iter().map(brief).collect::<Vec<_>>()
    );
}

#[test]
fn workers_stopping_work_strike() {
    let events = code_with(
        "
Greek Greek ADJ JJ 2 amod
workers worker NOUN NNS 3 nsubj
stopped stop VERB VBD 0 root
work work NOUN NN 3 obj
~. . PUNCT . 3 punct",
        &[("Greek workers", "GRCLAB", "GRC")],
    );
    find(&events, "GRCLAB>- 143");
}

#[test]
fn domestic_parties_are_different_actors_but_a_state_and_its_government_are_one() {
    let police = code_with(
        "
Georgian Georgian ADJ JJ 2 amod
police police NOUN NN 3 nsubj
attacked attack VERB VBD 0 root
opposition opposition NOUN NN 5 compound
protesters protester NOUN NNS 3 obj
~. . PUNCT . 3 punct",
        &[
            ("Georgian police", "GEOCOP", "GEO"),
            ("opposition protesters", "GEOOPP", "GEO"),
        ],
    );
    find(&police, "GEOCOP>GEOOPP 190");
    let own = code_with(
        "
The the DET DT 2 det
government government NOUN NN 3 nsubj
attacked attack VERB VBD 0 root
Georgia Georgia PROPN NNP 3 obj
~. . PUNCT . 3 punct",
        &[("government", "GEOGOV", "GEO"), ("Georgia", "GEO", "GEO")],
    );
    assert!(
        own.is_empty(),
        "{:?}",
        own.iter().map(brief).collect::<Vec<_>>()
    );
}

#[test]
fn simple_past_tagged_as_a_modifier_is_the_verb() {
    // "Kenya expelled Somali militants" parsed as one noun phrase; the tagger still
    // said VBD.
    let events = code_with(
        "
Kenya Kenya PROPN NNP 4 compound
expelled expel VERB VBD 4 amod
Somali Somali ADJ JJ 4 amod
militants militant NOUN NNS 7 nsubj
~, , PUNCT , 7 punct
police police NOUN NN 7 nsubj
said say VERB VBD 0 root
~. . PUNCT . 7 punct",
        &[
            ("Kenya", "KEN", "KEN"),
            ("Somali militants", "SOMREB", "SOM"),
        ],
    );
    find(&events, "KEN>SOMREB 174");
}

#[test]
fn particle_read_as_an_adverb_still_counts() {
    let events = code_with(
        "
Norway Norway PROPN NNP 2 nsubj
handed hand VERB VBD 0 root
over over ADV RB 2 advmod
rifles rifle NOUN NNS 2 obj
to to ADP IN 6 case
Mali Mali PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Norway", "NOR", "NOR"), ("Mali", "MLI", "MLI")],
    );
    find(&events, "NOR>MLI 072");
}

#[test]
fn lifting_a_state_of_emergency_and_hacking() {
    let lifted = code_with(
        "
Chad Chad PROPN NNP 2 nsubj
lifted lift VERB VBD 0 root
a a DET DT 4 det
state state NOUN NN 2 obj
of of ADP IN 6 case
emergency emergency NOUN NN 4 nmod
in in ADP IN 8 case
Darfur Darfur PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Chad", "TCD", "TCD"), ("Darfur", "SDN", "SDN")],
    );
    find(&lifted, "TCD>- 0814");
    let hacked = code_with(
        "
Iran Iran PROPN NNP 2 nsubj
hacked hack VERB VBD 0 root
into into ADP IN 5 case
Saudi Saudi ADJ JJ 5 amod
computers computer NOUN NNS 2 obl
~. . PUNCT . 2 punct",
        &[("Iran", "IRN", "IRN"), ("Saudi", "SAU", "SAU")],
    );
    find(&hacked, "IRN>SAU 170");
    // An attempt is the act itself, not a threat (130).
    let tried = code_with(
        "
Iran Iran PROPN NNP 2 nsubj
tried try VERB VBD 0 root
to to PART TO 4 mark
hack hack VERB VB 2 xcomp
into into ADP IN 7 case
Saudi Saudi ADJ JJ 7 amod
computers computer NOUN NNS 4 obl
~. . PUNCT . 2 punct",
        &[("Iran", "IRN", "IRN"), ("Saudi", "SAU", "SAU")],
    );
    find(&tried, "IRN>SAU 170");
}

#[test]
fn suspension_of_links_reduces_relations_with_the_partner() {
    let events = code_with(
        "
Italy Italy PROPN NNP 2 nsubj
announced announce VERB VBD 0 root
a a DET DT 4 det
suspension suspension NOUN NN 2 obj
of of ADP IN 7 case
air air NOUN NN 7 compound
links link NOUN NNS 4 nmod
with with ADP IN 9 case
Serbia Serbia PROPN NNP 7 nmod
~. . PUNCT . 2 punct",
        &[("Italy", "ITA", "ITA"), ("Serbia", "SRB", "SRB")],
    );
    find(&events, "ITA>SRB 161");
}

#[test]
fn participle_with_its_own_object_is_active() {
    // "Turkish tanks fired shells ..." parsed as a noun with a reduced clause.
    let events = code_with(
        "
Turkish Turkish ADJ JJ 2 amod
tanks tank NOUN NNS 0 root
fired fire VERB VBN 2 acl
shells shell NOUN NNS 3 obj
at at ADP IN 7 case
Kurdish Kurdish ADJ JJ 7 amod
villages village NOUN NNS 3 obl
~. . PUNCT . 2 punct",
        &[
            ("Turkish tanks", "TURMIL", "TUR"),
            ("Kurdish", "KUR", "KUR"),
        ],
    );
    find(&events, "TURMIL>KUR 194");
}

#[test]
fn partitive_object_names_its_whole() {
    let events = code_with(
        "
Japan Japan PROPN NNP 2 nsubj
suspended suspend VERB VBD 0 root
part part NOUN NN 2 obj
of of ADP IN 6 case
its its PRON PRP$ 6 nmod:poss
aid aid NOUN NN 3 nmod
to to ADP IN 8 case
Myanmar Myanmar PROPN NNP 6 nmod
~. . PUNCT . 2 punct",
        &[("Japan", "JPN", "JPN"), ("Myanmar", "MMR", "MMR")],
    );
    find(&events, "JPN>MMR 162");
}

#[test]
fn protest_in_a_place_of_the_protesters_own_country_keeps_the_protest() {
    let events = code_with(
        "
Iraqi Iraqi ADJ JJ 2 amod
Kurds Kurd PROPN NNPS 3 nsubj
demonstrated demonstrate VERB VBD 0 root
in in ADP IN 5 case
Kirkuk Kirkuk PROPN NNP 3 obl
~. . PUNCT . 3 punct",
        &[("Iraqi Kurds", "IRQ", "IRQ"), ("Kirkuk", "IRQ", "IRQ")],
    );
    find(&events, "IRQ>- 141");
}

#[test]
fn passive_without_agent_takes_the_agent_of_its_cause() {
    let events = code_with(
        "
Three three NUM CD 2 nummod
civilians civilian NOUN NNS 4 nsubj:pass
were be AUX VBD 4 aux:pass
killed kill VERB VBN 0 root
in in ADP IN 8 case
a a DET DT 8 det
Turkish Turkish ADJ JJ 8 amod
strike strike NOUN NN 4 obl
~. . PUNCT . 4 punct",
        &[("civilians", "CVL", "SYR"), ("Turkish", "TUR", "TUR")],
    );
    find(&events, "TUR>CVL 190");
}

#[test]
fn day_word_read_as_subject_is_skipped() {
    // "Syrian officers today ended ..." with "today" as the clause's subject and the
    // clause attached to "officers".
    let events = code_with(
        "
Syrian Syrian ADJ JJ 2 amod
officers officer NOUN NNS 0 root
today today NOUN NN 4 nsubj
ended end VERB VBD 2 acl:relcl
mediation mediation NOUN NN 4 obj
~. . PUNCT . 2 punct",
        &[("Syrian officers", "SYRMIL", "SYR")],
    );
    find(&events, "SYRMIL>- 165");
    // A day word that carries the real subject stands for it.
    let carried = code_with(
        "
Denmark Denmark PROPN NNP 2 compound
today today NOUN NN 3 nsubj
criticized criticize VERB VBD 0 root
Norway Norway PROPN NNP 3 obj
~. . PUNCT . 3 punct",
        &[("Denmark", "DNK", "DNK"), ("Norway", "NOR", "NOR")],
    );
    find(&carried, "DNK>NOR 111");
}

#[test]
fn allocating_money_is_economic_aid() {
    let events = code_with(
        "
Germany Germany PROPN NNP 2 nsubj
allocated allocate VERB VBD 0 root
funds fund NOUN NNS 2 obj
to to ADP IN 5 case
Ghana Ghana PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Germany", "DEU", "DEU"), ("Ghana", "GHA", "GHA")],
    );
    find(&events, "DEU>GHA 071");
}

#[test]
fn bare_possessive_pronoun_on_an_object_noun_is_the_verbs_subject() {
    let events = code_with(
        "
Kurdish Kurdish ADJ JJ 2 amod
prisoners prisoner NOUN NNS 3 nsubj
continued continue VERB VBD 0 root
their their PRON PRP$ 6 nmod:poss
hunger hunger NOUN NN 6 compound
strike strike NOUN NN 3 obj
~. . PUNCT . 3 punct",
        &[("Kurdish prisoners", "KURPRI", "KUR")],
    );
    find(&events, "KURPRI>- 142");
}

#[test]
fn refusing_an_act_without_its_own_rejection_code_is_a_rejection() {
    let events = code_with(
        "
Pakistan Pakistan PROPN NNP 2 nsubj
refused refuse VERB VBD 0 root
to to PART TO 4 mark
deploy deploy VERB VB 2 xcomp
troops troop NOUN NNS 4 obj
in in ADP IN 7 case
Iraq Iraq PROPN NNP 4 obl
~. . PUNCT . 2 punct",
        &[("Pakistan", "PAK", "PAK"), ("Iraq", "IRQ", "IRQ")],
    );
    let e = find(&events, "PAK>IRQ 120");
    assert!(!e.negated);
}

/// Codes a sentence with mentions given as (words, actor); a bare agent has no country.
fn code_actors(conllu: &str, mentions: &[(&str, &str, Option<&str>)]) -> Vec<Event> {
    let mut d = doc(&[conllu]);
    for &(text, code, country) in mentions {
        mention(&mut d, text, 0, actor(text, code, country, None));
    }
    code(&mut d)
}

fn briefs(events: &[Event]) -> Vec<String> {
    events.iter().map(brief).collect()
}

#[test]
fn a_phrase_with_a_preposition_is_no_subject_but_the_oblique() {
    // The parser hung "with ... Salih" as the subject of "discuss".
    let events = code_actors(
        "
Turkey Turkey PROPN NNP 3 nmod:poss
~'s 's PART POS 1 case
envoy envoy NOUN NN 4 nsubj
met meet VERB VBD 0 root
with with ADP IN 8 case
Iraqi Iraqi ADJ JJ 7 amod
President President PROPN NNP 8 compound
Salih Salih PROPN NNP 11 nsubj
Monday Monday PROPN NNP 8 flat
to to PART TO 11 mark
discuss discuss VERB VB 4 advcl
trade trade NOUN NN 11 obj
~. . PUNCT . 4 punct",
        &[
            ("Turkey", "TUR", Some("TUR")),
            ("Iraqi President Salih", "IRQGOV", Some("IRQ")),
        ],
    );
    find(&events, "TUR>IRQGOV 040");
    assert!(
        !briefs(&events).iter().any(|b| b.starts_with("IRQGOV>")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn a_verb_under_a_root_noun_takes_that_noun_as_subject() {
    // A headline-style misparse: "Egypt" is the root, "released" hangs from it.
    let events = code_actors(
        "
Egypt Egypt PROPN NNP 0 root
on on ADP IN 3 case
Sunday Sunday PROPN NNP 1 nmod
released release VERB VBD 1 parataxis
two two NUM CD 7 nummod
Sudanese Sudanese ADJ JJ 7 amod
journalists journalist NOUN NNS 4 obj
~. . PUNCT . 1 punct",
        &[
            ("Egypt", "EGY", Some("EGY")),
            ("Sudanese journalists", "SDNMED", Some("SDN")),
        ],
    );
    find(&events, "EGY>SDNMED 0841");
}

#[test]
fn a_finite_verb_without_subject_takes_the_noun_phrase_before_it() {
    // "as the Kenyan president prepared" parsed with "president" as an oblique of
    // "resumed" and "prepared" as its complement.
    let events = code_actors(
        "
Talks talk NOUN NNS 2 nsubj
resumed resume VERB VBD 0 root
as as ADP IN 6 case
the the DET DT 6 det
Kenyan Kenyan ADJ JJ 6 amod
president president NOUN NN 2 obl
prepared prepare VERB VBD 2 xcomp
to to PART TO 9 mark
meet meet VERB VB 7 xcomp
Ugandan Ugandan ADJ JJ 11 amod
officials official NOUN NNS 9 obj
~. . PUNCT . 2 punct",
        &[
            ("Kenyan president", "KENGOV", Some("KEN")),
            ("Ugandan officials", "UGAGOV", Some("UGA")),
        ],
    );
    let e = find(&events, "KENGOV>UGAGOV 040");
    assert_eq!(e.certainty, Certainty::Intended);
}

#[test]
fn a_participle_after_a_comma_shares_the_clause_subject() {
    // ", killing five soldiers" hung on "city" by the parser.
    let events = code_actors(
        "
Rebels rebel NOUN NNS 2 nsubj
shelled shell VERB VBD 0 root
a a DET DT 4 det
district district NOUN NN 2 obj
of of ADP IN 7 case
the the DET DT 7 det
city city NOUN NN 4 nmod
, , PUNCT , 9 punct
killing kill VERB VBG 7 acl:relcl
five five NUM CD 12 nummod
Malian Malian ADJ JJ 12 amod
soldiers soldier NOUN NNS 9 obj
~. . PUNCT . 2 punct",
        &[
            ("Rebels", "---REB", None),
            ("Malian soldiers", "MLIMIL", Some("MLI")),
        ],
    );
    find(&events, "---REB>MLIMIL 190");
}

#[test]
fn of_two_objects_the_last_heads_the_phrase() {
    // "a government-held part of Somalia" split into two objects.
    let events = code_actors(
        "
Kenyan Kenyan ADJ JJ 2 amod
troops troop NOUN NNS 3 nsubj
shelled shell VERB VBD 0 root
a a DET DT 5 det
government government NOUN NN 3 obj
- - PUNCT HYPH 7 punct
held hold VERB VBN 8 amod
part part NOUN NN 3 obj
of of ADP IN 10 case
Somalia Somalia PROPN NNP 8 nmod
~. . PUNCT . 3 punct",
        &[
            ("Kenyan troops", "KENMIL", Some("KEN")),
            ("Somalia", "SOM", Some("SOM")),
        ],
    );
    find(&events, "KENMIL>SOM 194");
}

#[test]
fn the_person_asked_is_the_target_however_the_parser_attaches_it() {
    let as_indirect = "
Lawmakers lawmaker NOUN NNS 2 nsubj
asked ask VERB VBD 0 root
Kabul Kabul PROPN NNP 2 iobj
to to PART TO 5 mark
free free VERB VB 2 xcomp
prisoners prisoner NOUN NNS 5 obj
~. . PUNCT . 2 punct";
    let as_clause_subject = "
Lawmakers lawmaker NOUN NNS 2 nsubj
asked ask VERB VBD 0 root
Kabul Kabul PROPN NNP 5 nsubj
to to PART TO 5 mark
free free VERB VB 2 ccomp
prisoners prisoner NOUN NNS 5 obj
~. . PUNCT . 2 punct";
    for conllu in [as_indirect, as_clause_subject] {
        let events = code_actors(
            conllu,
            &[
                ("Lawmakers", "PAKLEG", Some("PAK")),
                ("Kabul", "AFG", Some("AFG")),
            ],
        );
        // An appeal (here for a release, 0253); what is asked for is no event.
        assert!(
            events.iter().all(|e| brief(e).starts_with("PAKLEG>AFG 02")),
            "{:?}",
            briefs(&events)
        );
        assert_eq!(events.len(), 1, "{:?}", briefs(&events));
    }
}

#[test]
fn what_one_actor_wants_of_another_is_not_an_event() {
    let events = code_actors(
        "
Germany Germany PROPN NNP 2 nsubj
wants want VERB VBZ 0 root
Poland Poland PROPN NNP 2 obj
to to PART TO 5 mark
supply supply VERB VB 2 xcomp
rifles rifle NOUN NNS 5 obj
to to ADP IN 8 case
Lithuania Lithuania PROPN NNP 5 obl
~. . PUNCT . 2 punct",
        &[
            ("Germany", "DEU", Some("DEU")),
            ("Poland", "POL", Some("POL")),
            ("Lithuania", "LTU", Some("LTU")),
        ],
    );
    assert!(
        !briefs(&events).iter().any(|b| b.contains(">LTU")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn acts_under_pressure_or_permission_nouns_are_appealed_for() {
    let pressure = code_actors(
        "
Poland Poland PROPN NNP 2 nsubj
faces face VERB VBZ 0 root
pressure pressure NOUN NN 2 obj
from from ADP IN 5 case
Brussels Brussels PROPN NNP 2 obl
to to PART TO 7 mark
supply supply VERB VB 2 advcl
rifles rifle NOUN NNS 7 obj
to to ADP IN 10 case
Ukraine Ukraine PROPN NNP 7 obl
~. . PUNCT . 2 punct",
        &[
            ("Poland", "POL", Some("POL")),
            ("Brussels", "IGOEU", None),
            ("Ukraine", "UKR", Some("UKR")),
        ],
    );
    assert!(
        !briefs(&pressure).iter().any(|b| b.contains(">UKR")),
        "{:?}",
        briefs(&pressure)
    );
    // The same with the headline-style parse that makes "pressure" the root.
    let root_noun = code_actors(
        "
Poland Poland PROPN NNP 2 compound
faces face NOUN NNS 3 nsubj
pressure pressure NOUN NN 0 root
to to PART TO 5 mark
supply supply VERB VB 3 acl
rifles rifle NOUN NNS 5 obj
to to ADP IN 8 case
Ukraine Ukraine PROPN NNP 5 obl
~. . PUNCT . 3 punct",
        &[
            ("Poland", "POL", Some("POL")),
            ("Ukraine", "UKR", Some("UKR")),
        ],
    );
    assert!(
        !briefs(&root_noun).iter().any(|b| b.contains(">UKR")),
        "{:?}",
        briefs(&root_noun)
    );
}

#[test]
fn an_ordered_inquiry_is_a_demand() {
    let events = code_actors(
        "
Ghana Ghana PROPN NNP 2 nsubj
ordered order VERB VBD 0 root
an a DET DT 4 det
investigation investigation NOUN NN 2 obj
into into ADP IN 6 case
Togo Togo PROPN NNP 4 nmod
~. . PUNCT . 2 punct",
        &[("Ghana", "GHA", Some("GHA")), ("Togo", "TGO", Some("TGO"))],
    );
    let e = find(&events, "GHA>TGO 100");
    assert_eq!(e.root, "10");
}

#[test]
fn a_mishap_as_agent_names_no_actor() {
    let events = code_actors(
        "
Twelve twelve NUM CD 3 nummod
Nigerian Nigerian ADJ JJ 3 amod
soldiers soldier NOUN NNS 5 nsubj:pass
were be AUX VBD 5 aux:pass
killed kill VERB VBN 0 root
by by ADP IN 10 case
a a DET DT 10 det
Russian Russian ADJ JJ 9 amod
helicopter helicopter NOUN NN 10 compound
crash crash NOUN NN 5 obl:agent
~. . PUNCT . 5 punct",
        &[
            ("Nigerian soldiers", "NGAMIL", Some("NGA")),
            ("Russian", "RUS", Some("RUS")),
        ],
    );
    assert!(
        !briefs(&events).iter().any(|b| b.starts_with("RUS>")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn a_mishap_split_from_its_agent_phrase_names_no_actor() {
    let events = code_actors(
        "
Nine nine NUM CD 2 nummod
pilgrims pilgrim NOUN NNS 4 nsubj:pass
were be AUX VBD 4 aux:pass
killed kill VERB VBN 0 root
by by ADP IN 8 case
a a DET DT 8 det
Saudi Saudi ADJ JJ 8 amod
bus bus NOUN NN 4 obl:agent
crash crash NOUN NN 4 obl
~. . PUNCT . 4 punct",
        &[("Saudi", "SAU", Some("SAU"))],
    );
    assert!(
        !briefs(&events).iter().any(|b| b.starts_with("SAU>")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn killed_in_shelling_read_as_a_verb_still_names_the_shelling_side() {
    let events = code_actors(
        "
Three three NUM CD 3 nummod
Afghan Afghan ADJ JJ 3 amod
farmers farmer NOUN NNS 5 nsubj:pass
were be AUX VBD 5 aux:pass
killed kill VERB VBN 0 root
in in ADP IN 8 case
Pakistani Pakistani ADJ JJ 8 amod
artillery artillery NOUN NN 5 obl
shelling shell VERB VBG 5 advcl
~. . PUNCT . 5 punct",
        &[
            ("Afghan farmers", "AFGAGR", Some("AFG")),
            ("Pakistani", "PAK", Some("PAK")),
        ],
    );
    find(&events, "PAK>AFGAGR 190");
}

#[test]
fn a_bare_agent_placed_in_a_country_is_that_countrys() {
    let events = code_actors(
        "
Police police NOUN NNS 4 nsubj
in in ADP IN 3 case
Chile Chile PROPN NNP 1 nmod
arrested arrest VERB VBD 0 root
two two NUM CD 7 nummod
Bolivian Bolivian ADJ JJ 7 amod
smugglers smuggler NOUN NNS 4 obj
~. . PUNCT . 4 punct",
        &[
            ("Police", "---COP", None),
            ("Chile", "CHL", Some("CHL")),
            ("Bolivian smugglers", "BOLCRM", Some("BOL")),
        ],
    );
    let e = find(&events, "CHLCOP>BOLCRM 173");
    let source = e.source.as_ref().unwrap();
    assert_eq!(source.country.as_deref(), Some("CHL"));
    assert_eq!(source.sector.as_deref(), Some("COP"));
}

#[test]
fn coordinated_modifiers_are_each_a_party_but_not_each_others_target() {
    let events = code_actors(
        "
Dutch Dutch ADJ JJ 4 amod
and and CCONJ CC 3 cc
Belgian Belgian ADJ JJ 1 conj
farmers farmer NOUN NNS 5 nsubj
demonstrated demonstrate VERB VBD 0 root
in in ADP IN 7 case
Brussels Brussels PROPN NNP 5 obl
~. . PUNCT . 5 punct",
        &[
            ("Dutch", "NLDAGR", Some("NLD")),
            ("Belgian farmers", "BELAGR", Some("BEL")),
            ("Brussels", "BEL", Some("BEL")),
        ],
    );
    find(&events, "NLDAGR>BEL 141");
    find(&events, "BELAGR>- 141");
    assert!(
        !briefs(&events)
            .iter()
            .any(|b| b.starts_with("NLDAGR>BELAGR")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn two_subjects_in_the_parse_are_coordinated_and_meet_each_other() {
    let events = code_actors(
        "
Chile Chile PROPN NNP 6 nsubj
, , PUNCT , 3 punct
Peru Peru PROPN NNP 1 conj
and and CCONJ CC 5 cc
Bolivia Bolivia PROPN NNP 6 nsubj
met meet VERB VBD 0 root
~. . PUNCT . 6 punct",
        &[
            ("Chile", "CHL", Some("CHL")),
            ("Peru", "PER", Some("PER")),
            ("Bolivia", "BOL", Some("BOL")),
        ],
    );
    for pair in [
        "CHL>PER", "PER>CHL", "CHL>BOL", "BOL>CHL", "PER>BOL", "BOL>PER",
    ] {
        find(&events, &format!("{pair} 040"));
    }
}

#[test]
fn hosting_is_also_the_guests_visit() {
    let events = code_actors(
        "
Qatar Qatar PROPN NNP 2 nsubj
hosted host VERB VBD 0 root
Sudanese Sudanese ADJ JJ 4 amod
negotiators negotiator NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[
            ("Qatar", "QAT", Some("QAT")),
            ("Sudanese negotiators", "SDNGOV", Some("SDN")),
        ],
    );
    find(&events, "QAT>SDNGOV 043");
    let visit = find(&events, "SDNGOV>QAT 042");
    assert_eq!(visit.plover.as_deref(), Some("CONSULT"));
}

#[test]
fn a_passive_after_a_reduced_relative_keeps_its_subject() {
    // "journalists jailed for reporting were released": the parser made "jailed"
    // the main verb and left "released" without a subject.
    let events = code_actors(
        "
The the DET DT 3 det
Uzbek Uzbek ADJ JJ 3 amod
journalists journalist NOUN NNS 4 nsubj
jailed jail VERB VBN 0 root
for for SCONJ IN 6 mark
reporting report VERB VBG 4 advcl
were be AUX VBD 8 aux:pass
released release VERB VBN 4 ccomp
by by ADP IN 10 case
Karimov Karimov PROPN NNP 8 obl:agent
~. . PUNCT . 4 punct",
        &[
            ("Uzbek journalists", "UZBMED", Some("UZB")),
            ("Karimov", "UZBGOV", Some("UZB")),
        ],
    );
    find(&events, "UZBGOV>UZBMED 0841");
}

#[test]
fn the_day_of_a_speech_verb_read_as_a_conjunct_dates_the_saying() {
    let mut d = doc(&["
Serbian Serbian ADJ JJ 2 amod
police police NOUN NNS 3 nsubj
arrested arrest VERB VBD 0 root
two two NUM CD 6 nummod
Kosovo Kosovo PROPN NNP 6 compound
officials official NOUN NNS 3 obj
, , PUNCT , 9 punct
ministers minister NOUN NNS 9 nsubj
said say VERB VBD 3 conj
on on ADP IN 11 case
Tuesday Tuesday PROPN NNP 9 obl
~. . PUNCT . 3 punct"]);
    d.published = dyad_model::Date::new(2024, 3, 14);
    mention(
        &mut d,
        "Serbian police",
        0,
        actor("Serbian police", "SRBCOP", Some("SRB"), None),
    );
    mention(
        &mut d,
        "Kosovo officials",
        0,
        actor("Kosovo officials", "KOSGOV", Some("KOS"), None),
    );
    let events = code(&mut d);
    let e = find(&events, "SRBCOP>KOSGOV 173");
    assert_eq!(e.date_text, None);
    assert_eq!(e.certainty, Certainty::Reported);
}

#[test]
fn a_verb_hung_as_conjunct_of_a_root_name_shares_its_subjects() {
    // "Chile, Peru and Bolivia met" read as "Chile" the root with "met" its conjunct.
    let events = code_actors(
        "
Chile Chile PROPN NNP 0 root
, , PUNCT , 3 punct
Peru Peru PROPN NNP 1 conj
and and CCONJ CC 6 cc
Bolivia Bolivia PROPN NNP 6 nsubj
met meet VERB VBD 1 conj
~. . PUNCT . 1 punct",
        &[
            ("Chile", "CHL", Some("CHL")),
            ("Peru", "PER", Some("PER")),
            ("Bolivia", "BOL", Some("BOL")),
        ],
    );
    for pair in ["CHL>PER", "PER>BOL", "BOL>CHL"] {
        find(&events, &format!("{pair} 040"));
    }
}

#[test]
fn an_agent_without_by_is_an_object() {
    // "Sudanese jets bombed two villages" read as a noun phrase with a participle.
    let events = code_actors(
        "
Sudanese Sudanese ADJ JJ 2 amod
jets jet NOUN NNS 0 root
bombed bomb VERB VBN 2 acl
two two NUM CD 6 nummod
Chadian Chadian ADJ JJ 6 amod
villages village NOUN NNS 3 obl:agent
~. . PUNCT . 2 punct",
        &[
            ("Sudanese jets", "SDNMIL", Some("SDN")),
            ("Chadian", "TCD", Some("TCD")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("SDNMIL>TCD 19")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_event_noun_takes_the_modality_of_its_verb() {
    // "will increase aid": announced aid, not aid given.
    let events = code_actors(
        "
Japan Japan PROPN NNP 3 nsubj
will will AUX MD 3 aux
increase increase VERB VB 0 root
its its PRON PRP$ 5 nmod:poss
aid aid NOUN NN 3 obj
to to ADP IN 7 case
Nepal Nepal PROPN NNP 5 nmod
~. . PUNCT . 3 punct",
        &[("Japan", "JPN", Some("JPN")), ("Nepal", "NPL", Some("NPL"))],
    );
    let e = find(&events, "JPN>NPL 070");
    assert_eq!(e.certainty, Certainty::Intended);
}

#[test]
fn a_measure_of_aid_is_the_aid() {
    let events = code_actors(
        "
Canada Canada PROPN NNP 2 nsubj
supplied supply VERB VBD 0 root
900 900 NUM CD 4 nummod
tonnes tonne NOUN NNS 2 obj
of of ADP IN 6 case
rifles rifle NOUN NNS 4 nmod
to to ADP IN 8 case
Latvia Latvia PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[
            ("Canada", "CAN", Some("CAN")),
            ("Latvia", "LVA", Some("LVA")),
        ],
    );
    find(&events, "CAN>LVA 072");
}

#[test]
fn an_announced_act_on_a_condition_is_a_threat() {
    let events = code_actors(
        "
Chad Chad PROPN NNP 3 nsubj
will will AUX MD 3 aux
withdraw withdraw VERB VB 0 root
its its PRON PRP$ 5 nmod:poss
troops troop NOUN NNS 3 obj
from from ADP IN 7 case
Mali Mali PROPN NNP 3 obl
unless unless SCONJ IN 10 mark
Bamako Bamako PROPN NNP 10 nsubj
pays pay VERB VBZ 3 advcl
~. . PUNCT . 3 punct",
        &[
            ("Chad", "TCD", Some("TCD")),
            ("Mali", "MLI", Some("MLI")),
            ("Bamako", "MLI", Some("MLI")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("TCD>MLI 13")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn talks_that_are_the_purpose_of_a_meeting_are_that_meeting() {
    let events = code_actors(
        "
Ghana Ghana PROPN NNP 5 nsubj
and and CCONJ CC 3 cc
Togo Togo PROPN NNP 1 conj
will will AUX MD 5 aux
meet meet VERB VB 0 root
to to PART TO 7 mark
discuss discuss VERB VB 5 advcl
the the DET DT 9 det
border border NOUN NN 7 obj
~. . PUNCT . 5 punct",
        &[("Ghana", "GHA", Some("GHA")), ("Togo", "TGO", Some("TGO"))],
    );
    find(&events, "GHA>TGO 040");
    find(&events, "TGO>GHA 040");
    assert_eq!(events.len(), 2, "{:?}", briefs(&events));
}

#[test]
fn a_threat_read_as_an_adverbial_clause_is_still_a_threat() {
    // "threatened ... to impose" with "to impose" parsed as `advcl`.
    let events = code_actors(
        "
Greece Greece PROPN NNP 2 nsubj
threatened threaten VERB VBD 0 root
to to PART TO 4 mark
impose impose VERB VB 2 advcl
sanctions sanction NOUN NNS 4 obj
on on ADP IN 7 case
Turkey Turkey PROPN NNP 4 obl
~. . PUNCT . 2 punct",
        &[
            ("Greece", "GRC", Some("GRC")),
            ("Turkey", "TUR", Some("TUR")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("GRC>TUR 13")),
        "{:?}",
        briefs(&events)
    );
    assert!(
        !events.iter().any(|e| brief(e).starts_with("GRC>TUR 16")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn agreeing_that_parties_should_act_is_a_commitment() {
    let events = code_actors(
        "
Ecuador Ecuador PROPN NNP 2 nsubj
agreed agree VERB VBD 0 root
that that SCONJ IN 6 mark
they they PRON PRP 6 nsubj
should should AUX MD 6 aux
cooperate cooperate VERB VB 2 ccomp
with with ADP IN 8 case
Peru Peru PROPN NNP 6 obl
~. . PUNCT . 2 punct",
        &[
            ("Ecuador", "ECU", Some("ECU")),
            ("Peru", "PER", Some("PER")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("ECU>PER 03")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn talks_someone_travels_for_are_theirs() {
    let events = code_actors(
        "
Armenian Armenian ADJ JJ 2 amod
envoys envoy NOUN NNS 3 nsubj
returned return VERB VBD 0 root
to to ADP IN 5 case
Vienna Vienna PROPN NNP 3 obl
for for ADP IN 7 case
talks talk NOUN NNS 3 obl
with with ADP IN 9 case
Azerbaijan Azerbaijan PROPN NNP 7 nmod
~. . PUNCT . 3 punct",
        &[
            ("Armenian envoys", "ARMGOV", Some("ARM")),
            ("Vienna", "AUT", Some("AUT")),
            ("Azerbaijan", "AZE", Some("AZE")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("ARMGOV>AZE 04")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_attack_being_prepared_is_not_an_attack() {
    let events = code_actors(
        "
Rebels rebel NOUN NNS 3 nsubj
are be AUX VBP 3 aux
preparing prepare VERB VBG 0 root
an a DET DT 5 det
offensive offensive NOUN NN 3 obj
against against ADP IN 7 case
Goma Goma PROPN NNP 5 nmod
~. . PUNCT . 3 punct",
        &[
            ("Rebels", "CODREB", Some("COD")),
            ("Goma", "RWA", Some("RWA")),
        ],
    );
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e.root != "19"),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_armys_shelling_of_a_city_of_its_own_country_targets_the_country() {
    let conllu = "
The the DET DT 3 det
Syrian Syrian ADJ JJ 3 amod
army army NOUN NN 5 nmod:poss
~'s 's PART POS 3 case
shelling shelling NOUN NN 8 nsubj
of of ADP IN 7 case
Homs Homs PROPN NNP 5 nmod
continued continue VERB VBD 0 root
~. . PUNCT . 8 punct";
    let mut d = doc(&[conllu]);
    mention(
        &mut d,
        "Syrian army",
        0,
        actor("Syrian army", "SYRMIL", Some("SYR"), None),
    );
    // A city resolves to its country: the country's name, the city's words.
    let mut homs = actor("Syria", "SYR", Some("SYR"), None);
    homs.name = Some("Syria".into());
    mention(&mut d, "Homs", 0, homs);
    let events = code(&mut d);
    let e = find(&events, "SYRMIL>SYR 194");
    assert_eq!(e.target.as_ref().map(|t| t.text.as_str()), Some("Homs"));
}

#[test]
fn willingness_to_meet_is_an_intent_to_meet() {
    let events = code_actors(
        "
Egypt Egypt PROPN NNP 2 nsubj
expressed express VERB VBD 0 root
its its PRON PRP$ 4 nmod:poss
willingness willingness NOUN NN 2 obj
to to PART TO 6 mark
meet meet VERB VB 4 acl
Libyan Libyan ADJ JJ 8 amod
officials official NOUN NNS 6 obj
~. . PUNCT . 2 punct",
        &[
            ("Egypt", "EGY", Some("EGY")),
            ("Libyan officials", "LBYGOV", Some("LBY")),
        ],
    );
    find(&events, "EGY>LBYGOV 036");
    assert!(
        !briefs(&events)
            .iter()
            .any(|b| b.ends_with(" 040") || b.ends_with(" 030")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_appeal_names_its_addressee_with_an_adverbial_infinitive() {
    // "wants Poland to/advcl supply": the want pattern's clause slot still holds.
    let events = code_actors(
        "
Germany Germany PROPN NNP 2 nsubj
wants want VERB VBZ 0 root
Poland Poland PROPN NNP 2 obj
to to PART TO 5 mark
supply supply VERB VB 2 advcl
rifles rifle NOUN NNS 5 obj
~. . PUNCT . 2 punct",
        &[
            ("Germany", "DEU", Some("DEU")),
            ("Poland", "POL", Some("POL")),
        ],
    );
    find(&events, "DEU>POL 020");
}

#[test]
fn a_place_inside_an_object_phrase_is_found_under_a_mislabelled_oblique() {
    let events = code_actors(
        "
Lula Lula PROPN NNP 3 nsubj
will will AUX MD 3 aux
attend attend VERB VB 0 root
a a DET DT 5 det
summit summit NOUN NN 3 obj
on on ADP IN 8 case
the the DET DT 8 det
crisis crisis NOUN NN 5 nmod
in in ADP IN 10 case
Haiti Haiti PROPN NNP 8 obl
~. . PUNCT . 3 punct",
        &[
            ("Lula", "BRAGOV", Some("BRA")),
            ("Haiti", "HTI", Some("HTI")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("BRAGOV>HTI 0")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn of_two_separate_objects_the_first_is_the_object() {
    // A participle read as a modifier lent the verb a second object ("stability").
    let events = code_actors(
        "
Kenya Kenya PROPN NNP 2 nsubj
supplied supply VERB VBD 0 root
rifles rifle NOUN NNS 2 obj
to to ADP IN 5 case
Somalia Somalia PROPN NNP 2 obl
, , PUNCT , 8 punct
promoting promote VERB VBG 8 amod
stability stability NOUN NN 2 obj
~. . PUNCT . 2 punct",
        &[
            ("Kenya", "KEN", Some("KEN")),
            ("Somalia", "SOM", Some("SOM")),
        ],
    );
    find(&events, "KEN>SOM 072");
}

#[test]
fn bare_victims_of_violence_are_of_the_country_where_it_happened() {
    let events = code_actors(
        "
Five five NUM CD 2 nummod
civilians civilian NOUN NNS 4 nsubj:pass
were be AUX VBD 4 aux:pass
killed kill VERB VBN 0 root
by by ADP IN 7 case
Russian Russian ADJ JJ 7 amod
shelling shelling NOUN NN 4 obl:agent
in in ADP IN 9 case
Kharkiv Kharkiv PROPN NNP 4 obl
~. . PUNCT . 4 punct",
        &[
            ("civilians", "---CVL", None),
            ("Russian", "RUS", Some("RUS")),
        ],
    );
    let e = find(&events, "RUS>UKRCVL 190");
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("UKR"));
}

#[test]
fn an_auxiliary_read_as_the_main_verb_lends_its_subject() {
    let events = code_actors(
        "
Turkey Turkey PROPN NNP 2 nsubj
has have VERB VBZ 0 root
threatened threaten VERB VBN 2 parataxis
to to PART TO 5 mark
attack attack VERB VB 3 advcl
Kurdish Kurdish ADJ JJ 7 amod
militias militia NOUN NNS 5 obj
~. . PUNCT . 2 punct",
        &[
            ("Turkey", "TUR", Some("TUR")),
            ("Kurdish militias", "KURMIL", Some("KUR")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("TUR>KURMIL 13")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_unmarked_oblique_after_a_participle_is_its_object() {
    // "Israeli tanks fired/acl four shells/obl at targets": active, not passive.
    let events = code_actors(
        "
Egyptian Egyptian ADJ JJ 2 amod
tanks tank NOUN NNS 0 root
fired fire VERB VBN 2 acl
four four NUM CD 5 nummod
shells shell NOUN NNS 3 obl
at at ADP IN 8 case
Libyan Libyan ADJ JJ 8 amod
positions position NOUN NNS 3 obl
~. . PUNCT . 2 punct",
        &[
            ("Egyptian tanks", "EGYMIL", Some("EGY")),
            ("Libyan", "LBY", Some("LBY")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("EGYMIL>LBY 19")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn a_dateline_root_is_no_subject_of_a_passive() {
    // "KABUL, Afghanistan: two police were killed by Taliban fighters", with the
    // dateline parsed as the root and "killed" as its conjunct.
    let events = code_actors(
        "
KABUL Kabul PROPN NNP 3 compound
, , PUNCT , 3 punct
Afghanistan Afghanistan PROPN NNP 0 root
: : PUNCT : 8 punct
two two NUM CD 6 nummod
police police NOUN NNS 8 nsubj:pass
were be AUX VBD 8 aux:pass
killed kill VERB VBN 3 conj
by by ADP IN 11 case
Taliban Taliban PROPN NNP 11 compound
fighters fighter NOUN NNS 8 obl:agent
~. . PUNCT . 3 punct",
        &[
            ("Afghanistan", "AFG", Some("AFG")),
            ("police", "AFGCOP", Some("AFG")),
            ("Taliban fighters", "TAL", None),
        ],
    );
    assert!(
        !briefs(&events).iter().any(|b| b.starts_with("AFG>")),
        "{:?}",
        briefs(&events)
    );
    find(&events, "TAL>AFGCOP 190");
}

#[test]
fn a_with_phrase_hung_on_a_later_verb_is_the_meetings_partner() {
    let events = code_actors(
        "
Chad Chad PROPN NNP 4 nmod:poss
~'s 's PART POS 1 case
foreign foreign ADJ JJ 4 amod
minister minister NOUN NN 5 nsubj
met meet VERB VBD 0 root
with with ADP IN 8 case
Sudanese Sudanese ADJ JJ 8 amod
officials official NOUN NNS 10 obl
to to PART TO 10 mark
discuss discuss VERB VB 5 advcl
refugees refugee NOUN NNS 10 obj
~. . PUNCT . 5 punct",
        &[
            ("Chad", "TCD", Some("TCD")),
            ("Sudanese officials", "SDNGOV", Some("SDN")),
        ],
    );
    find(&events, "TCD>SDNGOV 040");
}

#[test]
fn bare_future_keeps_the_acts_code_and_a_commitment_is_an_intent() {
    let events = code_actors(
        "
Canada Canada PROPN NNP 3 nsubj
will will AUX MD 3 aux
supply supply VERB VB 0 root
rifles rifle NOUN NNS 3 obj
to to ADP IN 6 case
Latvia Latvia PROPN NNP 3 obl
~. . PUNCT . 3 punct",
        &[
            ("Canada", "CAN", Some("CAN")),
            ("Latvia", "LVA", Some("LVA")),
        ],
    );
    assert_eq!(briefs(&events), ["CAN>LVA 072"]);
    assert_eq!(events[0].certainty, Certainty::Intended);

    // A commissive verb: the promise happened, so its 03x code is asserted.
    let events = code_actors(
        "
Canada Canada PROPN NNP 2 nsubj
pledged pledge VERB VBD 0 root
to to PART TO 4 mark
supply supply VERB VB 2 xcomp
rifles rifle NOUN NNS 4 obj
to to ADP IN 7 case
Latvia Latvia PROPN NNP 4 obl
~. . PUNCT . 2 punct",
        &[
            ("Canada", "CAN", Some("CAN")),
            ("Latvia", "LVA", Some("LVA")),
        ],
    );
    assert_eq!(briefs(&events), ["CAN>LVA 0332"]);
    assert_eq!(events[0].certainty, Certainty::Asserted);

    // A wish voiced by the subject is a verbal act too.
    let events = code_actors(
        "
Canada Canada PROPN NNP 2 nsubj
wants want VERB VBZ 0 root
to to PART TO 4 mark
help help VERB VB 2 xcomp
Latvia Latvia PROPN NNP 4 obj
~. . PUNCT . 2 punct",
        &[
            ("Canada", "CAN", Some("CAN")),
            ("Latvia", "LVA", Some("LVA")),
        ],
    );
    assert_eq!(briefs(&events), ["CAN>LVA 033"]);
    assert_eq!(events[0].certainty, Certainty::Asserted);

    // Announced force is CAMEO's threat, and the threat has been made.
    let events = code_actors(
        "
Canada Canada PROPN NNP 3 nsubj
will will AUX MD 3 aux
bomb bomb VERB VB 0 root
Latvia Latvia PROPN NNP 3 obj
~. . PUNCT . 3 punct",
        &[
            ("Canada", "CAN", Some("CAN")),
            ("Latvia", "LVA", Some("LVA")),
        ],
    );
    assert_eq!(briefs(&events), ["CAN>LVA 1384"]);
    assert_eq!(events[0].certainty, Certainty::Asserted);
}

#[test]
fn an_actor_announcing_its_own_act_expresses_intent() {
    // "Chile said it would support Peru": Chile's own commitment, reported by Chile.
    let events = code_actors(
        "
Chile Chile PROPN NNP 2 nsubj
said say VERB VBD 0 root
it it PRON PRP 5 nsubj
would would AUX MD 5 aux
support support VERB VB 2 ccomp
Peru Peru PROPN NNP 5 obj
~. . PUNCT . 2 punct",
        &[("Chile", "CHL", Some("CHL")), ("Peru", "PER", Some("PER"))],
    );
    assert_eq!(briefs(&events), ["CHL>PER 032"]);
    assert_eq!(events[0].certainty, Certainty::Reported);

    // Announced by someone else, it stays the act, intended.
    let events = code_actors(
        "
Peru Peru PROPN NNP 2 nsubj
said say VERB VBD 0 root
Chile Chile PROPN NNP 5 nsubj
would would AUX MD 5 aux
support support VERB VB 2 ccomp
Bolivia Bolivia PROPN NNP 5 obj
~. . PUNCT . 2 punct",
        &[
            ("Peru", "PER", Some("PER")),
            ("Chile", "CHL", Some("CHL")),
            ("Bolivia", "BOL", Some("BOL")),
        ],
    );
    assert_eq!(briefs(&events), ["CHL>BOL 050"]);
    assert_eq!(events[0].certainty, Certainty::Intended);
}

#[test]
fn an_act_done_to_a_place_targets_its_country() {
    // A city the actor layer did not resolve: the gazetteer names its country.
    let events = code_actors(
        "
Turkish Turkish ADJ JJ 2 amod
jets jet NOUN NNS 3 nsubj
shelled shell VERB VBD 0 root
Aleppo Aleppo PROPN NNP 3 obj
~. . PUNCT . 3 punct",
        &[("Turkish jets", "TURMIL", Some("TUR"))],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("TURMIL>SYR 19")),
        "{:?}",
        briefs(&events)
    );

    // The place in the object's locative phrase.
    let events = code_actors(
        "
Inspectors inspector NOUN NNS 2 nsubj
examined examine VERB VBD 0 root
the the DET DT 4 det
refineries refinery NOUN NNS 2 obj
in in ADP IN 6 case
Iran Iran PROPN NNP 4 nmod
~. . PUNCT . 2 punct",
        &[("Inspectors", "IGOUNO", None), ("Iran", "IRN", Some("IRN"))],
    );
    assert_eq!(briefs(&events), ["IGOUNO>IRN 090"]);

    // Condolences for what happened in a place; a possessor names the country.
    let events = code_actors(
        "
Obama Obama PROPN NNP 2 nsubj
expressed express VERB VBD 0 root
sorrow sorrow NOUN NN 2 obj
for for ADP IN 6 case
the the DET DT 6 det
shootings shooting NOUN NNS 2 obl
in in ADP IN 10 case
Kenya Kenya PROPN NNP 10 nmod:poss
~'s 's PART POS 8 case
capital capital NOUN NN 6 nmod
~. . PUNCT . 2 punct",
        &[
            ("Obama", "USAGOV", Some("USA")),
            ("Kenya", "KEN", Some("KEN")),
        ],
    );
    find(&events, "USAGOV>KEN 018");
}

#[test]
fn a_place_in_the_sources_own_country_is_the_country_and_a_meeting_place_no_target() {
    // Domestic: a state body acting on a place of its own country targets the country.
    let events = code_actors(
        "
Syrian Syrian ADJ JJ 2 amod
troops troop NOUN NNS 3 nsubj
shelled shell VERB VBD 0 root
a a DET DT 5 det
market market NOUN NN 3 obj
in in ADP IN 7 case
Homs Homs PROPN NNP 5 nmod
~. . PUNCT . 3 punct",
        &[("Syrian troops", "SYRMIL", Some("SYR"))],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("SYRMIL>SYR 19")),
        "{:?}",
        briefs(&events)
    );

    // The country itself acting on its own place: no second party.
    let events = code_actors(
        "
Syria Syria PROPN NNP 2 nsubj
shelled shell VERB VBD 0 root
Homs Homs PROPN NNP 2 obj
~. . PUNCT . 2 punct",
        &[("Syria", "SYR", Some("SYR"))],
    );
    assert!(
        events
            .iter()
            .any(|e| brief(e).starts_with("SYR>- 19") && e.target.is_none()),
        "{:?}",
        briefs(&events)
    );

    // Where a meeting is held is not whom it is with.
    let events = code_actors(
        "
Chile Chile PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Peru Peru PROPN NNP 1 conj
met meet VERB VBD 0 root
in in ADP IN 6 case
Zurich Zurich PROPN NNP 4 obl
~. . PUNCT . 4 punct",
        &[("Chile", "CHL", Some("CHL")), ("Peru", "PER", Some("PER"))],
    );
    assert!(
        events
            .iter()
            .all(|e| e.target.as_ref().and_then(|t| t.country.as_deref()) != Some("CHE")),
        "{:?}",
        briefs(&events)
    );
    find(&events, "CHL>PER 040");
}

#[test]
fn a_noun_phrase_split_by_a_relative_clause_keeps_its_actor_as_subject() {
    // "The United Nations inspectors want to examine ..." read as "Nations" with a
    // relative clause whose subject is "inspectors".
    let events = code_actors(
        "
The the DET DT 3 det
United United ADJ JJ 3 amod
Nations Nations PROPN NNP 0 root
inspectors inspector NOUN NNS 5 nsubj
want want VERB VBP 3 acl:relcl
to to PART TO 7 mark
examine examine VERB VB 5 xcomp
the the DET DT 9 det
refineries refinery NOUN NNS 7 obj
in in ADP IN 11 case
Iran Iran PROPN NNP 9 nmod
~. . PUNCT . 3 punct",
        &[
            ("United Nations", "IGOUNO", None),
            ("Iran", "IRN", Some("IRN")),
        ],
    );
    find(&events, "IGOUNO>IRN 090");
}

#[test]
fn a_team_sent_to_investigate_or_help_where_the_purpose_is() {
    let events = code_actors(
        "
Britain Britain PROPN NNP 2 nsubj
sent send VERB VBD 0 root
a a DET DT 4 det
team team NOUN NN 2 obj
to to PART TO 6 mark
investigate investigate VERB VB 2 advcl
the the DET DT 8 det
bombing bombing NOUN NN 6 obj
in in ADP IN 10 case
Kenya Kenya PROPN NNP 8 nmod
~. . PUNCT . 2 punct",
        &[
            ("Britain", "GBR", Some("GBR")),
            ("Kenya", "KEN", Some("KEN")),
        ],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("GBR>KEN 09")),
        "{:?}",
        briefs(&events)
    );

    // "to help identify victims of the crash in Ukraine": aid where it is carried out;
    // the victims of a crash were killed by no one.
    let events = code_actors(
        "
Interpol Interpol PROPN NNP 2 nsubj
sent send VERB VBD 0 root
a a DET DT 4 det
team team NOUN NN 2 obj
to to PART TO 6 mark
help help VERB VB 2 advcl
identify identify VERB VB 6 xcomp
victims victim NOUN NNS 7 obj
killed kill VERB VBN 8 acl
by by ADP IN 12 case
the the DET DT 12 det
crash crash NOUN NN 9 obl:agent
in in ADP IN 14 case
Ukraine Ukraine PROPN NNP 12 nmod
~. . PUNCT . 2 punct",
        &[("Interpol", "IGOCOPITP", None), ("victims", "---CVL", None)],
    );
    assert_eq!(briefs(&events), ["IGOCOPITP>UKR 070"]);
}

#[test]
fn a_claim_of_responsibility_targets_where_the_attack_was() {
    let events = code_actors(
        "
Rebels rebel NOUN NNS 2 nsubj
claimed claim VERB VBD 0 root
responsibility responsibility NOUN NN 2 obj
for for ADP IN 6 case
the the DET DT 6 det
bombing bombing NOUN NN 2 obl
in in ADP IN 8 case
Kabul Kabul PROPN NNP 6 nmod
~. . PUNCT . 2 punct",
        &[("Rebels", "---REB", None)],
    );
    find(&events, "---REB>AFG 015");
}

#[test]
fn an_obligation_to_commit_is_a_demand_by_the_speaker() {
    // "Egypt said Iran must be ready to mediate": Egypt demands mediation of Iran.
    let events = code_actors(
        "
Egypt Egypt PROPN NNP 2 nsubj
said say VERB VBD 0 root
Iran Iran PROPN NNP 6 nsubj
must must AUX MD 6 aux
be be AUX VB 6 cop
ready ready ADJ JJ 2 ccomp
to to PART TO 8 mark
mediate mediate VERB VB 6 xcomp
~. . PUNCT . 2 punct",
        &[("Egypt", "EGY", Some("EGY")), ("Iran", "IRN", Some("IRN"))],
    );
    assert_eq!(briefs(&events), ["EGY>IRN 108"]);
}

#[test]
fn coercion_on_a_condition_is_a_threat_and_preparing_force_a_show_of_force() {
    let events = code_actors(
        "
Spain Spain PROPN NNP 3 nsubj
may may AUX MD 3 aux
impose impose VERB VB 0 root
sanctions sanction NOUN NNS 3 obj
on on ADP IN 6 case
Cuba Cuba PROPN NNP 3 obl
if if SCONJ IN 9 mark
talks talk NOUN NNS 9 nsubj
fail fail VERB VBP 3 advcl
~. . PUNCT . 3 punct",
        &[("Spain", "ESP", Some("ESP")), ("Cuba", "CUB", Some("CUB"))],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("ESP>CUB 13")),
        "{:?}",
        briefs(&events)
    );

    // Nor is an act on a condition without a modal.
    let events = code_actors(
        "
Spain Spain PROPN NNP 2 nsubj
imposes impose VERB VBZ 0 root
sanctions sanction NOUN NNS 2 obj
on on ADP IN 5 case
Cuba Cuba PROPN NNP 2 obl
if if SCONJ IN 8 mark
talks talk NOUN NNS 8 nsubj
fail fail VERB VBP 2 advcl
~. . PUNCT . 2 punct",
        &[("Spain", "ESP", Some("ESP")), ("Cuba", "CUB", Some("CUB"))],
    );
    assert!(
        events.iter().any(|e| brief(e).starts_with("ESP>CUB 16")),
        "{:?}",
        briefs(&events)
    );

    // A conditional offer is no threat.
    let events = code_actors(
        "
Spain Spain PROPN NNP 3 nsubj
would would AUX MD 3 aux
send send VERB VB 0 root
aid aid NOUN NN 3 obj
to to ADP IN 6 case
Cuba Cuba PROPN NNP 3 obl
if if SCONJ IN 9 mark
Cuba Cuba PROPN NNP 9 nsubj
asked ask VERB VBD 3 advcl
~. . PUNCT . 3 punct",
        &[("Spain", "ESP", Some("ESP")), ("Cuba", "CUB", Some("CUB"))],
    );
    assert_eq!(briefs(&events), ["ESP>CUB 070"]);

    let events = code_actors(
        "
The the DET DT 3 det
Malian Malian ADJ JJ 3 amod
army army NOUN NN 4 nsubj
prepared prepare VERB VBD 0 root
to to PART TO 6 mark
attack attack VERB VB 4 xcomp
rebels rebel NOUN NNS 6 obj
~. . PUNCT . 4 punct",
        &[
            ("Malian army", "MLIMIL", Some("MLI")),
            ("rebels", "MLIREB", Some("MLI")),
        ],
    );
    let e = find(&events, "MLIMIL>MLIREB 150");
    assert_eq!(e.certainty, Certainty::Asserted);
}

#[test]
fn a_vow_to_fight_is_a_threat_and_a_pledge_to_expel_the_act() {
    let events = code_actors(
        "
Rebels rebel NOUN NNS 3 nsubj
have have AUX VBP 3 aux
sworn swear VERB VBN 0 root
to to PART TO 5 mark
fight fight VERB VB 3 xcomp
Chad Chad PROPN NNP 5 obj
~. . PUNCT . 3 punct",
        &[
            ("Rebels", "SDNREB", Some("SDN")),
            ("Chad", "TCD", Some("TCD")),
        ],
    );
    assert_eq!(briefs(&events), ["SDNREB>TCD 138"]);

    let events = code_actors(
        "
Qatar Qatar PROPN NNP 2 nsubj
pledged pledge VERB VBD 0 root
to to PART TO 4 mark
expel expel VERB VB 2 xcomp
Egyptian Egyptian ADJ JJ 6 amod
dissidents dissident NOUN NNS 4 obj
~. . PUNCT . 2 punct",
        &[
            ("Qatar", "QAT", Some("QAT")),
            ("Egyptian dissidents", "EGYOPP", Some("EGY")),
        ],
    );
    let e = find(&events, "QAT>EGYOPP 174");
    assert_eq!(e.certainty, Certainty::Intended);
}

#[test]
fn a_verb_that_stops_an_event_does_not_pass_on_its_negation_or_wrapper() {
    // "will not end their strike": the strike goes on.
    let events = code_actors(
        "
Teachers teacher NOUN NNS 4 nsubj
will will AUX MD 4 aux
not not PART RB 4 advmod
end end VERB VB 0 root
their their PRON PRP$ 6 nmod:poss
strike strike NOUN NN 4 obj
~. . PUNCT . 4 punct",
        &[("Teachers", "SRBEDU", Some("SRB"))],
    );
    let e = find(&events, "SRBEDU>- 143");
    assert!(!e.negated);
    assert_eq!(e.certainty, Certainty::Asserted);

    // "agreed to postpone the protest": no threat to protest.
    let events = code_actors(
        "
Students student NOUN NNS 2 nsubj
agreed agree VERB VBD 0 root
to to PART TO 4 mark
postpone postpone VERB VB 2 xcomp
the the DET DT 6 det
protest protest NOUN NN 4 obj
against against ADP IN 8 case
Russia Russia PROPN NNP 6 nmod
~. . PUNCT . 2 punct",
        &[
            ("Students", "GEOEDU", Some("GEO")),
            ("Russia", "RUS", Some("RUS")),
        ],
    );
    find(&events, "GEOEDU>RUS 141");
    assert!(
        !briefs(&events).iter().any(|b| b.contains(" 13")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_act_called_out_of_the_question_is_refused() {
    let events = code_actors(
        "
Lifting lift VERB VBG 10 csubj
the the DET DT 3 det
sanctions sanction NOUN NNS 1 obj
on on ADP IN 5 case
Cuba Cuba PROPN NNP 3 nmod
is be AUX VBZ 10 cop
out out ADP IN 10 case
of of ADP IN 10 case
the the DET DT 10 det
question question NOUN NN 0 root
~, , PUNCT , 13 punct
Spain Spain PROPN NNP 13 nsubj
said say VERB VBD 10 parataxis
~. . PUNCT . 10 punct",
        &[("Cuba", "CUB", Some("CUB")), ("Spain", "ESP", Some("ESP"))],
    );
    assert!(
        events.iter().any(|e| brief(e) == "ESP>CUB 1244"),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn coordinated_verbs_share_their_object() {
    // The parser hangs the shared object on the first verb.
    let events = code_actors(
        "
Rebels rebel NOUN NNS 2 nsubj
captured capture VERB VBD 0 root
and and CCONJ CC 4 cc
executed execute VERB VBD 2 conj
ten ten NUM CD 7 nummod
Chadian Chadian ADJ JJ 7 amod
soldiers soldier NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[
            ("Rebels", "SDNREB", Some("SDN")),
            ("Chadian soldiers", "TCDMIL", Some("TCD")),
        ],
    );
    // Capture (173) and, with the shared object, the execution (1823).
    find(&events, "SDNREB>TCDMIL 173");
    find(&events, "SDNREB>TCDMIL 1823");
}

#[test]
fn a_verb_misread_as_a_modifier_finds_a_subject_tagged_as_an_adjective() {
    // "A U.S. official praised Chile's efforts" read as one noun phrase headed by
    // "efforts", with "official" tagged ADJ and only "U.S." an actor.
    let mut d = doc(&["
A a DET DT 3 det
U.S. U.S. PROPN NNP 3 compound
official official ADJ JJ 7 amod
praised praise VERB VBD 7 amod
Chile Chile PROPN NNP 7 nmod:poss
~'s 's PART POS 5 case
efforts effort NOUN NNS 0 root
~. . PUNCT . 7 punct"]);
    mention(&mut d, "U.S.", 0, actor("U.S.", "USA", Some("USA"), None));
    mention(&mut d, "Chile", 0, actor("Chile", "CHL", Some("CHL"), None));
    let events = code(&mut d);
    find(&events, "USA>CHL 051");
}

#[test]
fn an_actor_opening_the_sentence_is_the_subject_of_a_verb_misread_as_a_modifier() {
    // "Peru eased emergency measures" read as a noun phrase inside an oblique.
    let events = code_actors(
        "
Peru Peru PROPN NNP 4 compound
eased ease VERB VBN 4 amod
emergency emergency NOUN NN 4 compound
measures measure NOUN NNS 7 obl
as as SCONJ IN 7 mark
police police NOUN NNS 7 nsubj
protested protest VERB VBD 0 root
~. . PUNCT . 7 punct",
        &[("Peru", "PER", Some("PER"))],
    );
    find(&events, "PER>- 0814");
}

#[test]
fn victims_of_a_comma_participle_are_where_the_clause_acted() {
    // "Rebels shelled Aleppo, killing eight people": the people are Syrian.
    let events = code_actors(
        "
Rebels rebel NOUN NNS 2 nsubj
shelled shell VERB VBD 0 root
Aleppo Aleppo PROPN NNP 2 obj
~, , PUNCT , 5 punct
killing kill VERB VBG 3 acl
eight eight NUM CD 7 nummod
people people NOUN NNS 5 obj
~. . PUNCT . 2 punct",
        &[("Rebels", "---REB", None), ("people", "---PPL", None)],
    );
    assert!(
        events.iter().any(|e| brief(e) == "---REB>SYRPPL 190"),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn helping_someone_do_something_is_aid_and_the_punished_did_it() {
    let events = code_actors(
        "
Russia Russia PROPN NNP 2 nsubj
helped help VERB VBD 0 root
Syria Syria PROPN NNP 2 obj
rebuild rebuild VERB VB 2 xcomp
its its PRON PRP$ 6 nmod:poss
economy economy NOUN NN 4 obj
~. . PUNCT . 2 punct",
        &[
            ("Russia", "RUS", Some("RUS")),
            ("Syria", "SYR", Some("SYR")),
        ],
    );
    find(&events, "RUS>SYR 070");

    // "jailed a student for helping militants": the student helped them.
    let events = code_actors(
        "
Tunisia Tunisia PROPN NNP 2 nsubj
jailed jail VERB VBD 0 root
a a DET DT 5 det
Libyan Libyan ADJ JJ 5 amod
student student NOUN NN 2 obj
for for SCONJ IN 7 mark
helping help VERB VBG 2 advcl
Iraqi Iraqi ADJ JJ 9 amod
militants militant NOUN NNS 7 obj
~. . PUNCT . 2 punct",
        &[
            ("Tunisia", "TUN", Some("TUN")),
            ("Libyan student", "LBYEDU", Some("LBY")),
            ("Iraqi militants", "IRQREB", Some("IRQ")),
        ],
    );
    find(&events, "LBYEDU>IRQREB 070");
    assert!(
        !briefs(&events).iter().any(|b| b.starts_with("TUN>IRQREB")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn a_gerund_read_as_a_modifier_of_an_oblique_takes_the_verbs_subject() {
    // "resorted to throwing stones" with "throwing" a compound of "stones".
    let events = code_actors(
        "
Kurdish Kurdish ADJ JJ 2 amod
youths youth NOUN NNS 3 nsubj
resorted resort VERB VBD 0 root
to to ADP IN 6 case
throwing throw VERB VBG 6 compound
stones stone NOUN NNS 3 obl
~. . PUNCT . 3 punct",
        &[("Kurdish youths", "TURKUR", Some("TUR"))],
    );
    find(&events, "TURKUR>- 145");
}

#[test]
fn agreed_misread_as_a_participle_still_has_its_subject_and_dollars_of_aid_are_aid() {
    // "Ministers agreed to provide ..." read as a noun phrase "ministers agreed/acl".
    let events = code_actors(
        "
Danish Danish ADJ JJ 2 amod
ministers minister NOUN NNS 0 root
agreed agree VERB VBN 2 acl
to to PART TO 5 mark
provide provide VERB VB 3 xcomp
ten ten NUM CD 8 compound
million million NUM CD 8 nummod
dollars dollar NOUN NNS 5 obj
of of ADP IN 10 case
aid aid NOUN NN 8 nmod
for for ADP IN 12 case
Ghana Ghana PROPN NNP 10 nmod
~. . PUNCT . 2 punct",
        &[
            ("Danish ministers", "DNKGOV", Some("DNK")),
            ("Ghana", "GHA", Some("GHA")),
        ],
    );
    let e = find(&events, "DNKGOV>GHA 033");
    assert_eq!(e.certainty, Certainty::Asserted);
}

#[test]
fn up_to_a_number_read_as_a_particle_and_a_phrase_is_the_object() {
    // "contribute up to 900 troops" with "up" a particle and "to ... troops" an
    // oblique; "is ready to" commits to it.
    let events = code_actors(
        "
Chile Chile PROPN NNP 3 nsubj
is be AUX VBZ 3 cop
ready ready ADJ JJ 0 root
to to PART TO 5 mark
contribute contribute VERB VB 3 xcomp
up up ADP RP 5 compound:prt
to to ADP IN 9 case
900 900 NUM CD 9 nummod
troops troops NOUN NNS 5 obl
to to ADP IN 12 case
the the DET DT 12 det
mission mission NOUN NN 9 nmod
in in ADP IN 14 case
Haiti Haiti PROPN NNP 12 nmod
~. . PUNCT . 3 punct",
        &[("Chile", "CHL", Some("CHL")), ("Haiti", "HTI", Some("HTI"))],
    );
    let e = events
        .iter()
        .find(|e| e.cameo == "0334")
        .unwrap_or_else(|| panic!("{:?}", briefs(&events)));
    assert_eq!(e.certainty, Certainty::Asserted);
}

#[test]
fn reiterating_that_a_state_must_hand_over_suspects_is_a_demand() {
    let events = code_actors(
        "
Britain Britain PROPN NNP 2 nsubj
reiterated reiterate VERB VBD 0 root
that that SCONJ IN 6 mark
Libya Libya PROPN NNP 6 nsubj
must must AUX MD 6 aux
hand hand VERB VB 2 ccomp
over over ADP RP 6 compound:prt
the the DET DT 9 det
bombers bomber NOUN NNS 6 obj
~. . PUNCT . 2 punct",
        &[
            ("Britain", "GBR", Some("GBR")),
            ("Libya", "LBY", Some("LBY")),
        ],
    );
    let e = find(&events, "GBR>LBY 1013");
    assert_eq!(e.certainty, Certainty::Reported);
}

#[test]
fn a_plural_noun_with_an_object_after_an_actor_is_a_headline_verb() {
    // "A U.S. official says Moscow arms the Taliban." as the parser reads it: "arms" a
    // noun with "Moscow" as its compound, "the Taliban" as its object, and the whole
    // hung on the full stop, so the clause under "says" is reported by the official.
    let events = code_actors(
        "
A a DET DT 3 det
U.S. U.S. PROPN NNP 3 compound
official official NOUN NN 4 nsubj
says say VERB VBZ 0 root
Moscow Moscow PROPN NNP 6 compound
arms arm NOUN NNS 9 compound
the the DET DT 8 det
Taliban Taliban PROPN NNP 6 obj
~. . PUNCT . 4 punct",
        &[
            ("U.S. official", "USAGOV", Some("USA")),
            ("Moscow", "RUS", Some("RUS")),
            ("Taliban", "AFGINSTAL", Some("AFG")),
        ],
    );
    let e = find(&events, "RUS>AFGINSTAL 072");
    assert_eq!(e.certainty, Certainty::Reported);
    assert_eq!(
        e.claimed_by.as_ref().and_then(|c| c.code.as_deref()),
        Some("USAGOV")
    );

    // A plural noun without an object stays a noun: "Moscow arms sales rose".
    let events = code_actors(
        "
Moscow Moscow PROPN NNP 2 compound
arms arm NOUN NNS 3 compound
sales sale NOUN NNS 4 nsubj
rose rise VERB VBD 0 root
~. . PUNCT . 4 punct",
        &[("Moscow", "RUS", Some("RUS"))],
    );
    assert!(
        events.iter().all(|e| e.cameo != "072"),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn an_of_gerund_hung_on_a_later_verb_is_what_the_accuser_alleges() {
    // The parser hung "of supplying" on the later "had brought": it is the accusation's
    // complement, claimed by the accuser and done by the accused.
    let events = code_actors(
        "
The the DET DT 2 det
commander commander NOUN NN 3 nsubj
accused accuse VERB VBD 0 root
Russia Russia PROPN NNP 3 obj
of of SCONJ IN 6 mark
supplying supply VERB VBG 14 advcl
weapons weapon NOUN NNS 6 obj
to to ADP IN 10 case
the the DET DT 10 det
Taliban Taliban PROPN NNP 7 nmod
~, , PUNCT , 14 punct
leaders leader NOUN NNS 14 nsubj
had have AUX VBD 14 aux
brought bring VERB VBN 3 conj
rifles rifle NOUN NNS 14 obj
~. . PUNCT . 3 punct",
        &[
            ("commander", "USAMIL", Some("USA")),
            ("Russia", "RUS", Some("RUS")),
            ("Taliban", "AFGINSTAL", Some("AFG")),
        ],
    );
    find(&events, "USAMIL>RUS 112");
    let e = find(&events, "RUS>AFGINSTAL 072");
    assert_eq!(e.certainty, Certainty::Reported);
    assert_eq!(
        e.claimed_by.as_ref().and_then(|c| c.code.as_deref()),
        Some("USAMIL")
    );
    assert!(
        !events.iter().any(|e| brief(e) == "USAMIL>AFGINSTAL 072"),
        "{:?}",
        briefs(&events)
    );
}

const GEORGIA_SAYS: &str = "
Georgia Georgia PROPN NNP 2 nsubj
said say VERB VBD 0 root
Russian Russian ADJ JJ 4 amod
troops troop NOUN NNS 5 nsubj
attacked attack VERB VBD 2 ccomp
Georgian Georgian ADJ JJ 7 amod
police police NOUN NNS 5 obj
~. . PUNCT . 2 punct";

fn russian_troops_and_georgian_police(d: &mut Document) {
    mention(
        d,
        "Russian troops",
        0,
        actor("Russian troops", "RUSMIL", Some("RUS"), None),
    );
    mention(
        d,
        "Georgian police",
        0,
        actor("Georgian police", "GEOCOP", Some("GEO"), None),
    );
}

#[test]
fn saying_another_used_force_is_an_accusation_beside_the_claim() {
    let mut d = doc(&[GEORGIA_SAYS]);
    mention(
        &mut d,
        "Georgia",
        0,
        actor("Georgia", "GEO", Some("GEO"), None),
    );
    russian_troops_and_georgian_police(&mut d);
    let events = code(&mut d);
    // The attack stays a claim by Georgia ...
    let attack = find(&events, "RUSMIL>GEOCOP 190");
    assert_eq!(attack.certainty, Certainty::Reported);
    assert_eq!(
        attack.claimed_by.as_ref().and_then(|c| c.code.as_deref()),
        Some("GEO")
    );
    // ... and Georgia blaming Russia's troops for it happened.
    let blame = find(&events, "GEO>RUSMIL 112");
    assert_eq!(blame.certainty, Certainty::Asserted);
    assert_eq!(blame.claimed_by, None);
    assert_eq!(d.slice(blame.trigger), "said");
}

#[test]
fn a_source_named_after_the_act_accuses_no_one() {
    let mut d = doc(&["
Russian Russian ADJ JJ 2 amod
troops troop NOUN NNS 3 nsubj
attacked attack VERB VBD 9 ccomp
Georgian Georgian ADJ JJ 5 amod
police police NOUN NNS 3 obj
~, , PUNCT , 9 punct
Georgian Georgian ADJ JJ 8 amod
officials official NOUN NNS 9 nsubj
said say VERB VBD 0 root
~. . PUNCT . 9 punct"]);
    russian_troops_and_georgian_police(&mut d);
    mention(
        &mut d,
        "Georgian officials",
        0,
        actor("Georgian officials", "GEOGOV", Some("GEO"), None),
    );
    let events = code(&mut d);
    let attack = find(&events, "RUSMIL>GEOCOP 190");
    assert_eq!(attack.certainty, Certainty::Reported);
    assert!(
        !events.iter().any(|e| e.root == "11"),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn claiming_ones_own_use_of_force_claims_responsibility() {
    let claimed = "
The the DET DT 2 det
Taliban Taliban PROPN NNP 3 nsubj
claimed claim VERB VBD 0 root
they they PRON PRP 5 nsubj
attacked attack VERB VBD 3 ccomp
the the DET DT 8 det
Afghan Afghan ADJ JJ 8 amod
army army NOUN NN 5 obj
~. . PUNCT . 3 punct";
    let said = claimed.replace("claimed claim", "said say");
    let mut events = Vec::new();
    for text in [claimed, said.as_str()] {
        let mut d = doc(&[text]);
        mention(&mut d, "Taliban", 0, taliban());
        mention(
            &mut d,
            "Afghan army",
            0,
            actor("Afghan army", "AFGMIL", Some("AFG"), None),
        );
        events.push(code(&mut d));
    }
    let claim = find(&events[0], "TALIBAN>AFGMIL 015");
    assert_eq!(claim.certainty, Certainty::Asserted);
    find(&events[0], "TALIBAN>AFGMIL 190");
    // "said they attacked" reports the attack; it claims nothing more, and the
    // Taliban accuse no one.
    find(&events[1], "TALIBAN>AFGMIL 190");
    assert!(
        !events[1]
            .iter()
            .any(|e| matches!(e.root.as_str(), "01" | "11")),
        "{:?}",
        briefs(&events[1])
    );
}

#[test]
fn a_speaker_read_as_the_subject_of_its_description_is_the_claimant() {
    // "The Monitor, a watchdog group, said ..." parsed as "The Monitor [is] a group"
    // with "said" hung on "group".
    let mut d = doc(&["
The the DET DT 2 det
Monitor Monitor PROPN NNP 6 nsubj
~, , PUNCT , 2 punct
a a DET DT 6 det
watchdog watchdog NOUN NN 6 compound
group group NOUN NN 0 root
~, , PUNCT , 8 punct
said say VERB VBD 6 parataxis
government government NOUN NN 10 compound
forces force NOUN NNS 11 nsubj
attacked attack VERB VBD 8 ccomp
rebels rebel NOUN NNS 11 obj
~. . PUNCT . 6 punct"]);
    mention(&mut d, "Monitor", 0, actor("Monitor", "NGOHRI", None, None));
    mention(
        &mut d,
        "government forces",
        0,
        actor("government forces", "---MIL", None, None),
    );
    mention(&mut d, "rebels", 0, actor("rebels", "---REB", None, None));
    let events = code(&mut d);
    let attack = find(&events, "---MIL>---REB 190");
    assert_eq!(
        attack.claimed_by.as_ref().map(|c| c.text.as_str()),
        Some("Monitor")
    );
    find(&events, "NGOHRI>---MIL 112");
}

#[test]
fn nouns_joined_to_a_subject_after_its_clause_are_not_doers() {
    // "Kurdish fighters attacked Turkish soldiers, local officials said" read as one
    // noun phrase: "attacked" modifies "fighters", and "officials" is a conjunct.
    let mut d = doc(&["
Kurdish Kurdish ADJ JJ 2 amod
fighters fighter NOUN NNS 10 nsubj
attacked attack VERB VBN 2 acl
Turkish Turkish ADJ JJ 5 amod
soldiers soldier NOUN NNS 3 obj
~, , PUNCT , 8 punct
local local ADJ JJ 8 amod
officials official NOUN NNS 2 conj
~, , PUNCT , 10 punct
said say VERB VBD 0 root
~. . PUNCT . 10 punct"]);
    mention(
        &mut d,
        "Kurdish fighters",
        0,
        actor("Kurdish fighters", "TURREB", Some("TUR"), None),
    );
    mention(
        &mut d,
        "Turkish soldiers",
        0,
        actor("Turkish soldiers", "TURMIL", Some("TUR"), None),
    );
    mention(
        &mut d,
        "local officials",
        0,
        actor("local officials", "---GOV", None, None),
    );
    let events = code(&mut d);
    find(&events, "TURREB>TURMIL 190");
    assert!(
        !events
            .iter()
            .any(|e| e.source.as_ref().and_then(|s| s.code.as_deref()) == Some("---GOV")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn force_from_a_place_at_the_speaker_is_blamed_on_the_place() {
    let mut d = doc(&["
Israel Israel PROPN NNP 2 nsubj
said say VERB VBD 0 root
rockets rocket NOUN NNS 5 nsubj:pass
were be AUX VBD 5 aux:pass
fired fire VERB VBN 2 ccomp
at at ADP IN 7 case
it it PRON PRP 5 obl
from from ADP IN 9 case
Lebanon Lebanon PROPN NNP 5 obl
~. . PUNCT . 2 punct"]);
    mention(
        &mut d,
        "Israel",
        0,
        actor("Israel", "ISR", Some("ISR"), None),
    );
    mention(
        &mut d,
        "Lebanon",
        0,
        actor("Lebanon", "LBN", Some("LBN"), None),
    );
    let events = code(&mut d);
    // "it" is no subject of its own clause: it stands for Israel.
    let fire = events
        .iter()
        .find(|e| brief(e).starts_with("LBN>ISR 19"))
        .unwrap_or_else(|| panic!("{:?}", briefs(&events)));
    assert_eq!(fire.certainty, Certainty::Reported);
    find(&events, "ISR>LBN 112");
}

#[test]
fn a_past_form_read_as_an_adjective_keeps_the_subject_before_it() {
    let mut d = doc(&["
Talks talk NOUN NNS 2 nsubj
stalled stall VERB VBD 0 root
as as ADP IN 6 case
the the DET DT 6 det
Pakistani Pakistani ADJ JJ 6 amod
envoy envoy NOUN NN 2 obl
prepared prepared ADJ JJ 2 xcomp
to to PART TO 9 mark
visit visit VERB VB 7 xcomp
Kabul Kabul PROPN NNP 9 obj
~. . PUNCT . 2 punct"]);
    mention(
        &mut d,
        "Pakistani envoy",
        0,
        actor("Pakistani envoy", "PAKGOV", Some("PAK"), None),
    );
    mention(&mut d, "Kabul", 0, actor("Kabul", "AFG", Some("AFG"), None));
    let events = code(&mut d);
    find(&events, "PAKGOV>AFG 042");
}

#[test]
fn a_participle_before_a_second_subject_takes_it_as_object() {
    // "A Taliban delegation visiting/acl Moscow/nsubj said nothing": Moscow is the
    // place visited, not a second speaker visiting with the delegation.
    let mut d = doc(&["
A a DET DT 3 det
Taliban Taliban PROPN NNP 3 compound
delegation delegation NOUN NN 6 nsubj
visiting visit VERB VBG 3 acl
Moscow Moscow PROPN NNP 6 nsubj
said say VERB VBD 0 root
nothing nothing PRON NN 6 obj
~. . PUNCT . 6 punct"]);
    mention(&mut d, "Taliban delegation", 0, taliban());
    mention(
        &mut d,
        "Moscow",
        0,
        actor("Russia", "RUS", Some("RUS"), None),
    );
    let events = code(&mut d);
    find(&events, "TALIBAN>RUS 042");
    assert!(
        !events.iter().any(|e| brief(e).starts_with("RUS>")),
        "{:?}",
        briefs(&events)
    );
}

#[test]
fn no_accusation_by_the_doer_a_clash_or_a_phrase_with_a_place() {
    // The doer named inside the speaker's phrase is the speaker.
    let mut own = doc(&["
Rebels rebel NOUN NNS 5 nsubj
of of ADP IN 4 case
the the DET DT 4 det
Front Front PROPN NNP 1 nmod
said say VERB VBD 0 root
the the DET DT 7 det
Front Front PROPN NNP 8 nsubj
killed kill VERB VBD 5 ccomp
Wagner Wagner PROPN NNP 10 compound
fighters fighter NOUN NNS 8 obj
~. . PUNCT . 5 punct"]);
    mention(&mut own, "Rebels", 0, actor("Rebels", "---REB", None, None));
    let front = actor("Front", "MLIREBFLA", Some("MLI"), Some("front"));
    mention(&mut own, "Front", 0, front.clone());
    mention(&mut own, "Front", 1, front);
    mention(
        &mut own,
        "Wagner fighters",
        0,
        actor("Wagner fighters", "RUSMIL", Some("RUS"), None),
    );
    // A clash has two sides; "many in France" is no actor.
    let mut clash = doc(&["
Georgia Georgia PROPN NNP 2 nsubj
said say VERB VBD 0 root
Russian Russian ADJ JJ 4 amod
troops troop NOUN NNS 5 nsubj
clashed clash VERB VBD 2 ccomp
with with ADP IN 8 case
Georgian Georgian ADJ JJ 8 amod
police police NOUN NNS 5 obl
~. . PUNCT . 2 punct"]);
    mention(
        &mut clash,
        "Georgia",
        0,
        actor("Georgia", "GEO", Some("GEO"), None),
    );
    russian_troops_and_georgian_police(&mut clash);
    let mut many = doc(&["
Many many ADJ JJ 4 nsubj
in in ADP IN 3 case
France France PROPN NNP 1 nmod
said say VERB VBD 0 root
Russian Russian ADJ JJ 6 amod
troops troop NOUN NNS 7 nsubj
attacked attack VERB VBD 4 ccomp
Georgian Georgian ADJ JJ 9 amod
police police NOUN NNS 7 obj
~. . PUNCT . 4 punct"]);
    mention(
        &mut many,
        "France",
        0,
        actor("France", "FRA", Some("FRA"), None),
    );
    russian_troops_and_georgian_police(&mut many);
    for d in [&mut own, &mut clash, &mut many] {
        let events = code(d);
        assert!(
            events.iter().any(|e| e.root == "19"),
            "{:?}",
            briefs(&events)
        );
        assert!(
            !events
                .iter()
                .any(|e| matches!(e.root.as_str(), "01" | "11")),
            "{}: {:?}",
            d.text,
            briefs(&events)
        );
    }
}

#[test]
fn taking_a_place_is_occupying_territory() {
    let mut d = doc(&[
        "
Insurgents insurgent NOUN NNS 2 nsubj
captured capture VERB VBD 0 root
Mosul Mosul PROPN NNP 2 obj
~. . PUNCT . 2 punct",
        "
Insurgents insurgent NOUN NNS 2 nsubj
seized seize VERB VBD 0 root
parts part NOUN NNS 2 obj
of of ADP IN 5 case
Syria Syria PROPN NNP 3 nmod
~. . PUNCT . 2 punct",
        "
Insurgents insurgent NOUN NNS 2 nsubj
captured capture VERB VBD 0 root
two two NUM CD 4 nummod
soldiers soldier NOUN NNS 2 obj
~. . PUNCT . 2 punct",
    ]);
    for n in 0..3 {
        mention(
            &mut d,
            "Insurgents",
            n,
            actor("Insurgents", "---INS", None, None),
        );
    }
    mention(&mut d, "Mosul", 0, actor("Mosul", "IRQ", Some("IRQ"), None));
    mention(&mut d, "Syria", 0, actor("Syria", "SYR", Some("SYR"), None));
    mention(
        &mut d,
        "soldiers",
        0,
        actor("soldiers", "---MIL", None, None),
    );
    let events = code(&mut d);
    find(&events, "---INS>IRQ 192");
    find(&events, "---INS>SYR 192");
    // People are captured, not occupied.
    find(&events, "---INS>---MIL 173");
}

#[test]
fn a_force_clashing_with_a_crowd_represses_and_the_crowd_riots() {
    let mut d = doc(&[
        "
Police police NOUN NNS 2 nsubj
clashed clash VERB VBD 0 root
with with ADP IN 4 case
protesters protester NOUN NNS 2 obl
~. . PUNCT . 2 punct",
        "
Troops troop NOUN NNS 2 nsubj
clashed clash VERB VBD 0 root
with with ADP IN 4 case
rebels rebel NOUN NNS 2 obl
~. . PUNCT . 2 punct",
    ]);
    mention(
        &mut d,
        "Police",
        0,
        actor("Police", "KENCOP", Some("KEN"), None),
    );
    mention(
        &mut d,
        "protesters",
        0,
        actor("protesters", "KENOPP", Some("KEN"), None),
    );
    mention(
        &mut d,
        "Troops",
        0,
        actor("Troops", "KENMIL", Some("KEN"), None),
    );
    mention(
        &mut d,
        "rebels",
        0,
        actor("rebels", "KENREB", Some("KEN"), None),
    );
    let events = code(&mut d);
    find(&events, "KENCOP>KENOPP 175");
    find(&events, "KENOPP>KENCOP 145");
    // Two armed sides fight.
    find(&events, "KENMIL>KENREB 190");
    find(&events, "KENREB>KENMIL 190");
}
