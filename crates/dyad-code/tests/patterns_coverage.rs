//! The shipped pattern dictionary on common news phrasings, at least one per CAMEO
//! root, each sentence written for the purpose and parsed by hand (CoNLL-U) so the
//! tests do not depend on the statistical parser.

mod common;

use common::{actor, brief, doc, find, mention};
use dyad_code::{Coder, Patterns};
use dyad_model::Component;

/// Codes one hand-parsed sentence with the given actor mentions (text, code) and
/// returns the events as `SOURCE>TARGET CODE`.
fn coded(conllu: &str, mentions: &[(&str, &str)]) -> Vec<String> {
    let mut d = doc(&[conllu]);
    for &(text, code) in mentions {
        mention(&mut d, text, 0, actor(text, code, Some(&code[..3]), None));
    }
    Coder::default().annotate(&mut d);
    d.events.iter().map(brief).collect()
}

fn assert_has(got: &[String], want: &str) {
    assert!(got.iter().any(|g| g == want), "no {want}; got {got:?}");
}

#[test]
fn every_root_has_a_wide_vocabulary() {
    let patterns = Patterns::shipped();
    for root in 1..=20u8 {
        let r = format!("{root:02}");
        let n = patterns.iter().filter(|p| p.code.starts_with(&r)).count();
        assert!(n >= 40, "root {r} has only {n} patterns");
    }
}

#[test]
fn root_01_condolences_to_a_state() {
    let got = coded(
        "
Japan Japan PROPN NNP 2 nsubj
expressed express VERB VBD 0 root
condolences condolence NOUN NNS 2 obj
to to ADP IN 5 case
Turkey Turkey PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Japan", "JPN"), ("Turkey", "TUR")],
    );
    assert_eq!(got, ["JPN>TUR 018"]);
}

#[test]
fn root_02_call_for_humanitarian_aid() {
    let got = coded(
        "
Haiti Haiti PROPN NNP 2 nsubj
called call VERB VBD 0 root
for for ADP IN 5 case
humanitarian humanitarian ADJ JJ 5 amod
aid aid NOUN NN 2 obl
~. . PUNCT . 2 punct",
        &[("Haiti", "HTI")],
    );
    assert_eq!(got, ["HTI>- 0233"]);
}

#[test]
fn root_02_urging_a_state_to_release_prisoners() {
    let got = coded(
        "
France France PROPN NNP 2 nsubj
urged urge VERB VBD 0 root
Iran Iran PROPN NNP 2 obj
to to PART TO 5 mark
release release VERB VB 2 xcomp
the the DET DT 7 det
journalists journalist NOUN NNS 5 obj
~. . PUNCT . 2 punct",
        &[("France", "FRA"), ("Iran", "IRN")],
    );
    assert_eq!(got, ["FRA>IRN 0253"]);
}

#[test]
fn root_03_pledging_money() {
    let got = coded(
        "
Germany Germany PROPN NNP 2 nsubj
pledged pledge VERB VBD 0 root
50 50 NUM CD 4 nummod
million million NUM CD 5 nummod
euros euro NOUN NNS 2 obj
to to ADP IN 7 case
Ghana Ghana PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Germany", "DEU"), ("Ghana", "GHA")],
    );
    assert_eq!(got, ["DEU>GHA 0331"]);
}

#[test]
fn root_04_held_talks_and_paid_a_visit() {
    let talks = coded(
        "
Iran Iran PROPN NNP 2 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 2 obj
with with ADP IN 5 case
Iraq Iraq PROPN NNP 3 nmod
~. . PUNCT . 2 punct",
        &[("Iran", "IRN"), ("Iraq", "IRQ")],
    );
    assert_has(&talks, "IRN>IRQ 040");
    assert_has(&talks, "IRQ>IRN 040");
    let visit = coded(
        "
Putin Putin PROPN NNP 2 nsubj
paid pay VERB VBD 0 root
a a DET DT 4 det
visit visit NOUN NN 2 obj
to to ADP IN 6 case
China China PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Putin", "RUSGOV"), ("China", "CHN")],
    );
    assert_eq!(visit, ["RUSGOV>CHN 042"]);
}

#[test]
fn root_05_praising_a_decision_names_its_owner() {
    let got = coded(
        "
Turkey Turkey PROPN NNP 2 nsubj
praised praise VERB VBD 0 root
Georgia Georgia PROPN NNP 5 nmod:poss
~'s 's PART POS 3 case
decision decision NOUN NN 2 obj
~. . PUNCT . 2 punct",
        &[("Turkey", "TUR"), ("Georgia", "GEO")],
    );
    assert_eq!(got, ["TUR>GEO 051"]);
}

#[test]
fn root_06_exports_are_economic_cooperation() {
    let got = coded(
        "
Chile Chile PROPN NNP 2 nsubj
exports export VERB VBZ 0 root
copper copper NOUN NN 2 obj
to to ADP IN 5 case
China China PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Chile", "CHL"), ("China", "CHN")],
    );
    assert_eq!(got, ["CHL>CHN 061"]);
}

#[test]
fn root_07_airlift_of_medicine_and_military_aid_noun() {
    let airlift = coded(
        "
Norway Norway PROPN NNP 2 nsubj
airlifted airlift VERB VBD 0 root
medicine medicine NOUN NN 2 obj
to to ADP IN 5 case
Sudan Sudan PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Norway", "NOR"), ("Sudan", "SDN")],
    );
    assert_eq!(airlift, ["NOR>SDN 073"]);
    // A noun phrase: the actor modifier is the source.
    let aid = coded(
        "
American American ADJ JJ 3 amod
military military ADJ JJ 3 amod
aid aid NOUN NN 6 nsubj
to to ADP IN 5 case
Egypt Egypt PROPN NNP 3 nmod
resumed resume VERB VBD 0 root
~. . PUNCT . 6 punct",
        &[("American", "USA"), ("Egypt", "EGY")],
    );
    assert_eq!(aid, ["USA>EGY 072"]);
    // "gave military aid": the two-word class member decides the subcode.
    let gave = coded(
        "
Riyadh Riyadh PROPN NNP 2 nsubj
gave give VERB VBD 0 root
military military ADJ JJ 4 amod
aid aid NOUN NN 2 obj
to to ADP IN 6 case
Yemen Yemen PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Riyadh", "SAU"), ("Yemen", "YEM")],
    );
    assert_eq!(gave, ["SAU>YEM 072"]);
}

#[test]
fn noun_phrase_event_keeps_its_noun_as_trigger() {
    let mut d = doc(&["
The the DET DT 2 det
delivery delivery NOUN NN 8 nsubj
of of ADP IN 4 case
rifles rifle NOUN NNS 2 nmod
to to ADP IN 6 case
Kabul Kabul PROPN NNP 2 nmod
was be AUX VBD 8 cop
delayed delayed ADJ JJ 0 root
~. . PUNCT . 8 punct"]);
    mention(
        &mut d,
        "Kabul",
        0,
        actor("Kabul", "AFGGOV", Some("AFG"), None),
    );
    Coder::default().annotate(&mut d);
    let e = find(&d.events, "->AFGGOV 072");
    assert_eq!(d.slice(e.trigger), "delivery");
    assert_eq!(e.plover.as_deref(), Some("AID"));
}

#[test]
fn root_08_returning_bodies_and_lifting_a_siege() {
    let bodies = coded(
        "
Israel Israel PROPN NNP 2 nsubj
returned return VERB VBD 0 root
the the DET DT 4 det
bodies body NOUN NNS 2 obj
to to ADP IN 6 case
Lebanon Lebanon PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Israel", "ISR"), ("Lebanon", "LBN")],
    );
    assert_eq!(bodies, ["ISR>LBN 0841"]);
    let siege = coded(
        "
Serbia Serbia PROPN NNP 2 nsubj
lifted lift VERB VBD 0 root
the the DET DT 4 det
siege siege NOUN NN 2 obj
of of ADP IN 6 case
Sarajevo Sarajevo PROPN NNP 4 nmod
~. . PUNCT . 2 punct",
        &[("Serbia", "SRB"), ("Sarajevo", "BIH")],
    );
    assert_eq!(siege, ["SRB>BIH 0872"]);
}

#[test]
fn withdrawal_of_troops_is_by_their_owner() {
    let got = coded(
        "
The the DET DT 2 det
withdrawal withdrawal NOUN NN 9 nsubj:pass
of of ADP IN 5 case
American American ADJ JJ 5 amod
troops troop NOUN NNS 2 nmod
from from ADP IN 7 case
Iraq Iraq PROPN NNP 2 nmod
was be AUX VBD 9 aux:pass
completed complete VERB VBN 0 root
~. . PUNCT . 9 punct",
        &[("American troops", "USAMIL"), ("Iraq", "IRQ")],
    );
    assert_eq!(got, ["USAMIL>IRQ 0874"]);
}

#[test]
fn root_09_inquiry_into_a_massacre() {
    let got = coded(
        "
The the DET DT 2 det
UN UN PROPN NNP 3 nsubj
launched launch VERB VBD 0 root
an a DET DT 5 det
inquiry inquiry NOUN NN 3 obj
into into ADP IN 8 case
the the DET DT 8 det
massacre massacre NOUN NN 5 nmod
in in ADP IN 10 case
Rwanda Rwanda PROPN NNP 8 nmod
~. . PUNCT . 3 punct",
        &[("UN", "IGOUNO"), ("Rwanda", "RWA")],
    );
    assert_has(&got, "IGOUNO>RWA 094");
}

#[test]
fn root_10_demanding_a_withdrawal_names_whose_troops() {
    let got = coded(
        "
Pakistan Pakistan PROPN NNP 2 nsubj
demanded demand VERB VBD 0 root
the the DET DT 4 det
withdrawal withdrawal NOUN NN 2 obj
of of ADP IN 7 case
Indian Indian ADJ JJ 7 amod
troops troop NOUN NNS 4 nmod
~. . PUNCT . 2 punct",
        &[("Pakistan", "PAK"), ("Indian troops", "INDMIL")],
    );
    assert_eq!(got, ["PAK>INDMIL 1056"]);
}

#[test]
fn root_11_official_protest_and_espionage_accusation() {
    let protest = coded(
        "
Russia Russia PROPN NNP 2 nsubj
lodged lodge VERB VBD 0 root
a a DET DT 5 det
formal formal ADJ JJ 5 amod
protest protest NOUN NN 2 obj
with with ADP IN 7 case
Estonia Estonia PROPN NNP 5 nmod
~. . PUNCT . 2 punct",
        &[("Russia", "RUS"), ("Estonia", "EST")],
    );
    assert_eq!(protest, ["RUS>EST 114"]);
    let spying = coded(
        "
Seoul Seoul PROPN NNP 2 nsubj
accused accuse VERB VBD 0 root
Pyongyang Pyongyang PROPN NNP 2 obj
of of ADP IN 5 case
espionage espionage NOUN NN 2 obl
~. . PUNCT . 2 punct",
        &[("Seoul", "KOR"), ("Pyongyang", "PRK")],
    );
    assert_eq!(spying, ["KOR>PRK 1125"]);
}

#[test]
fn root_12_dismissing_an_appeal_rejects_its_author() {
    let got = coded(
        "
Cuba Cuba PROPN NNP 2 nsubj
dismissed dismiss VERB VBD 0 root
an a DET DT 4 det
appeal appeal NOUN NN 2 obj
from from ADP IN 6 case
Washington Washington PROPN NNP 4 nmod
~. . PUNCT . 2 punct",
        &[("Cuba", "CUB"), ("Washington", "USA")],
    );
    assert_eq!(got, ["CUB>USA 120"]);
}

#[test]
fn root_13_vowing_revenge() {
    let got = coded(
        "
Pyongyang Pyongyang PROPN NNP 2 nsubj
vowed vow VERB VBD 0 root
revenge revenge NOUN NN 2 obj
against against ADP IN 5 case
Seoul Seoul PROPN NNP 3 nmod
~. . PUNCT . 2 punct",
        &[("Pyongyang", "PRK"), ("Seoul", "KOR")],
    );
    assert_eq!(got, ["PRK>KOR 138"]);
}

#[test]
fn root_14_taking_to_the_streets() {
    let got = coded(
        "
Venezuelan Venezuelan ADJ JJ 2 amod
students student NOUN NNS 3 nsubj
took take VERB VBD 0 root
to to ADP IN 6 case
the the DET DT 6 det
streets street NOUN NNS 3 obl
~. . PUNCT . 3 punct",
        &[("Venezuelan students", "VENEDU")],
    );
    assert_eq!(got, ["VENEDU>- 141"]);
}

#[test]
fn root_15_mobilizing_reservists() {
    let got = coded(
        "
Britain Britain PROPN NNP 2 nsubj
mobilized mobilize VERB VBD 0 root
army army NOUN NN 4 compound
reservists reservist NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[("Britain", "GBR")],
    );
    assert_eq!(got, ["GBR>- 154"]);
}

#[test]
fn root_16_freezing_assets_is_a_sanction() {
    let got = coded(
        "
Washington Washington PROPN NNP 2 nsubj
froze freeze VERB VBD 0 root
the the DET DT 4 det
assets asset NOUN NNS 2 obj
of of ADP IN 8 case
the the DET DT 8 det
Syrian Syrian ADJ JJ 8 amod
regime regime NOUN NN 4 nmod
~. . PUNCT . 2 punct",
        &[("Washington", "USA"), ("Syrian regime", "SYRGOV")],
    );
    assert_eq!(got, ["USA>SYRGOV 163"]);
}

#[test]
fn root_16_cutting_military_aid_has_its_own_subcode() {
    let got = coded(
        "
Congress Congress PROPN NNP 2 nsubj
suspended suspend VERB VBD 0 root
military military ADJ JJ 4 amod
aid aid NOUN NN 2 obj
to to ADP IN 6 case
Uganda Uganda PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Congress", "USALEG"), ("Uganda", "UGA")],
    );
    assert_eq!(got, ["USALEG>UGA 1622"]);
}

#[test]
fn root_17_arrest_warrant() {
    let got = coded(
        "
A a DET DT 3 det
Spanish Spanish ADJ JJ 3 amod
court court NOUN NN 4 nsubj
issued issue VERB VBD 0 root
an a DET DT 7 det
arrest arrest NOUN NN 7 compound
warrant warrant NOUN NN 4 obj
for for ADP IN 9 case
Pinochet Pinochet PROPN NNP 4 obl
~. . PUNCT . 4 punct",
        &[("Spanish court", "ESPJUD"), ("Pinochet", "CHLELI")],
    );
    assert_eq!(got, ["ESPJUD>CHLELI 173"]);
}

#[test]
fn root_17_ordering_a_newspaper_closed() {
    let got = coded(
        "
The the DET DT 2 det
junta junta NOUN NN 3 nsubj
ordered order VERB VBD 0 root
the the DET DT 6 det
opposition opposition NOUN NN 6 compound
newspaper newspaper NOUN NN 3 obj
to to PART TO 8 mark
close close VERB VB 3 xcomp
~. . PUNCT . 3 punct",
        &[("junta", "MMRGOV"), ("opposition newspaper", "MMRMED")],
    );
    assert_has(&got, "MMRGOV>MMRMED 1721");
}

#[test]
fn root_18_car_bomb_in_a_city() {
    let got = coded(
        "
Basque Basque ADJ JJ 2 amod
separatists separatist NOUN NNS 3 nsubj
detonated detonate VERB VBD 0 root
a a DET DT 6 det
car car NOUN NN 6 compound
bomb bomb NOUN NN 3 obj
in in ADP IN 8 case
Paris Paris PROPN NNP 3 obl
~. . PUNCT . 3 punct",
        &[("Basque separatists", "ESPSEP"), ("Paris", "FRA")],
    );
    assert_eq!(got, ["ESPSEP>FRA 183"]);
}

#[test]
fn root_19_exchange_of_fire_and_firefight() {
    let fire = coded(
        "
Turkish Turkish ADJ JJ 2 amod
troops troop NOUN NNS 3 nsubj
exchanged exchange VERB VBD 0 root
fire fire NOUN NN 3 obj
with with ADP IN 7 case
Kurdish Kurdish ADJ JJ 7 amod
rebels rebel NOUN NNS 3 obl
~. . PUNCT . 3 punct",
        &[("Turkish troops", "TURMIL"), ("Kurdish rebels", "KURREB")],
    );
    assert_has(&fire, "TURMIL>KURREB 193");
    assert_has(&fire, "KURREB>TURMIL 193");
    let firefight = coded(
        "
Rebels rebel NOUN NNS 2 nsubj
engaged engage VERB VBD 0 root
Filipino Filipino ADJ JJ 4 amod
peacekeepers peacekeeper NOUN NNS 2 obj
in in ADP IN 7 case
a a DET DT 7 det
firefight firefight NOUN NN 2 obl
~. . PUNCT . 2 punct",
        &[("Rebels", "SYRREB"), ("Filipino peacekeepers", "PHLMIL")],
    );
    assert_eq!(firefight, ["SYRREB>PHLMIL 193"]);
}

#[test]
fn root_19_air_strike_noun_is_not_a_labour_strike() {
    let got = coded(
        "
Israel Israel PROPN NNP 2 nsubj
launched launch VERB VBD 0 root
an a DET DT 5 det
air air NOUN NN 5 compound
strike strike NOUN NN 2 obj
on on ADP IN 7 case
Gaza Gaza PROPN NNP 5 nmod
~. . PUNCT . 2 punct",
        &[("Israel", "ISR"), ("Gaza", "PSE")],
    );
    assert_eq!(got, ["ISR>PSE 195"]);
}

#[test]
fn root_20_slaughter_of_villagers() {
    let got = coded(
        "
The the DET DT 3 det
Burmese Burmese ADJ JJ 3 amod
army army NOUN NN 4 nsubj
slaughtered slaughter VERB VBD 0 root
Karen Karen PROPN NNP 6 compound
villagers villager NOUN NNS 4 obj
~. . PUNCT . 4 punct",
        &[("Burmese army", "MMRMIL"), ("Karen villagers", "MMRETH")],
    );
    assert_eq!(got, ["MMRMIL>MMRETH 202"]);
}

#[test]
fn receiving_observers_sharing_intelligence_and_evacuating_the_wounded() {
    let got = coded(
        "
Georgia Georgia PROPN NNP 2 nsubj
received receive VERB VBD 0 root
a a DET DT 4 det
mission mission NOUN NN 2 obj
of of ADP IN 6 case
observers observer NOUN NNS 4 nmod
from from ADP IN 9 case
the the DET DT 9 det
OSCE OSCE PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Georgia", "GEO"), ("OSCE", "IGOEUROSC")],
    );
    assert_eq!(got, ["GEO>IGOEUROSC 0862"]);

    let got = coded(
        "
Britain Britain PROPN NNP 2 nsubj
provided provide VERB VBD 0 root
intelligence intelligence NOUN NN 2 obj
to to ADP IN 5 case
Jordan Jordan PROPN NNP 2 obl
~. . PUNCT . 2 punct",
        &[("Britain", "GBR"), ("Jordan", "JOR")],
    );
    assert_eq!(got, ["GBR>JOR 064"]);

    // Evacuating the wounded is humanitarian aid, to the place it is done in.
    let got = coded(
        "
Greek Greek ADJ JJ 2 amod
helicopters helicopter NOUN NNS 3 nsubj
evacuated evacuate VERB VBD 0 root
the the DET DT 5 det
wounded wounded NOUN NN 3 obj
from from ADP IN 9 case
the the DET DT 9 det
Albanian Albanian ADJ JJ 9 amod
town town NOUN NN 3 obl
~. . PUNCT . 3 punct",
        &[("Greek helicopters", "GRCMIL"), ("Albanian", "ALB")],
    );
    assert_eq!(got, ["GRCMIL>ALB 073"]);
}

#[test]
fn peacekeepers_arriving_in_a_group_and_easing_emergency_measures() {
    let got = coded(
        "
A a DET DT 2 det
contingent contingent NOUN NN 6 nsubj
of of ADP IN 5 case
Ghanaian Ghanaian ADJ JJ 5 amod
peacekeepers peacekeeper NOUN NNS 2 nmod
arrived arrive VERB VBD 0 root
in in ADP IN 8 case
Mali Mali PROPN NNP 6 obl
~. . PUNCT . 6 punct",
        &[("Ghanaian", "GHA"), ("Mali", "MLI")],
    );
    assert_eq!(got, ["GHA>MLI 074"]);

    let got = coded(
        "
Peru Peru PROPN NNP 2 nsubj
eased ease VERB VBD 0 root
emergency emergency NOUN NN 4 compound
measures measure NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[("Peru", "PER")],
    );
    assert_eq!(got, ["PER>- 0814"]);
}

#[test]
fn forcing_an_agency_out_and_calling_elections() {
    let got = coded(
        "
Sudan Sudan PROPN NNP 2 nsubj
forced force VERB VBD 0 root
the the DET DT 5 det
UN UN PROPN NNP 5 compound
agency agency NOUN NN 2 obj
out out ADP IN 9 case
of of ADP IN 9 case
the the DET DT 9 det
country country NOUN NN 2 obl
~. . PUNCT . 2 punct",
        &[("Sudan", "SDN"), ("UN agency", "IGOUNO")],
    );
    assert_eq!(got, ["SDN>IGOUNO 1663"]);

    // "call" with no one to call is not a telephone call.
    let got = coded(
        "
Chile Chile PROPN NNP 2 nsubj
called call VERB VBD 0 root
early early ADJ JJ 4 amod
elections election NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[("Chile", "CHL")],
    );
    assert!(got.is_empty(), "{got:?}");
    let got = coded(
        "
Chile Chile PROPN NNP 2 nsubj
called call VERB VBD 0 root
Peru Peru PROPN NNP 2 obj
~. . PUNCT . 2 punct",
        &[("Chile", "CHL"), ("Peru", "PER")],
    );
    assert_eq!(got, ["CHL>PER 041"]);
}

#[test]
fn dropping_barriers_and_handing_over_kilograms_of_medicine() {
    let got = coded(
        "
Japan Japan PROPN NNP 2 nsubj
dropped drop VERB VBD 0 root
barriers barrier NOUN NNS 2 obj
to to ADP IN 5 case
exports export NOUN NNS 3 nmod
~. . PUNCT . 2 punct",
        &[("Japan", "JPN")],
    );
    assert_eq!(got, ["JPN>- 085"]);

    let got = coded(
        "
Swiss Swiss ADJ JJ 2 amod
doctors doctor NOUN NNS 3 nsubj
handed hand VERB VBD 0 root
over over ADP RP 3 compound:prt
700 700 NUM CD 6 nummod
kg kg NOUN NN 3 obj
of of ADP IN 8 case
medicine medicine NOUN NN 6 nmod
to to ADP IN 10 case
Iran Iran PROPN NNP 3 obl
~. . PUNCT . 3 punct",
        &[("Swiss doctors", "CHEHLH"), ("Iran", "IRN")],
    );
    assert_eq!(got, ["CHEHLH>IRN 073"]);
}

#[test]
fn returning_seized_weapons_is_returning_property() {
    let got = coded(
        "
Rebels rebel NOUN NNS 2 nsubj
returned return VERB VBD 0 root
the the DET DT 4 det
weapons weapon NOUN NNS 2 obj
~. . PUNCT . 2 punct",
        &[("Rebels", "SLEREB")],
    );
    assert_eq!(got, ["SLEREB>- 0842"]);
}
