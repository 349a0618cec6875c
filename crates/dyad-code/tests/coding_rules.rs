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
    // Announced aid is CAMEO's "express intent to provide military aid".
    assert_eq!(brief(by_sentence(0)), "RUS>SYR 0332");
    assert_eq!(by_sentence(0).certainty, Certainty::Intended);
    assert_eq!(brief(by_sentence(1)), "IRN>ISR 190");
    assert_eq!(by_sentence(1).certainty, Certainty::Hypothetical);
    assert_eq!(brief(by_sentence(2)), "IRN>RUS 072");
    assert_eq!(by_sentence(2).certainty, Certainty::Uncertain);
    assert_eq!(brief(by_sentence(3)), "RUS>SYR 0332");
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
