//! Resolution on a small dictionary written for these tests, so they do not move when
//! the default data grows.

use super::*;
use dyad_model::Component;

const DICT: &str = "
@country AFG
name: Afghanistan
adjective: Afghan
demonym: Afghans
seat: Kabul

@country RUS
name: Russia
alias: Russian Federation
adjective: Russian
demonym: Russians
seat: Moscow | the Kremlin
seat_sector: the Kremlin => GOV

@country USA
name: United States
alias: U.S. | US | America
adjective: American | U.S.
seat_sector: the Pentagon => MIL

@country TJK
name: Tajikistan
adjective: Tajik

@country MMR
name: Myanmar
adjective: Burmese

@org nato
name: NATO
alias: North Atlantic Treaty Organization
code: IGOWSTNAT

@group taliban
name: Taliban
code: AFGINSTAL
sector: INS
country: AFG

@group lna
name: Libyan National Army
alias: LNA
code: LBYMIL
sector: MIL
country: LBY

@person vladimir_putin
name: Vladimir Putin
alias: Putin
role: RUS | GOV | president | 2000-05-07 | 2008-05-07
role: RUS | GOV | prime minister | 2008-05-08 | 2012-05-07
role: RUS | GOV | president | 2012-05-07 |

@person sergei_lavrov
name: Sergei Lavrov
alias: Lavrov
role: RUS | GOV | foreign minister | 2004-03-09 |

@person khalifa_haftar
name: Khalifa Haftar
alias: Haftar
role: lna | MIL | commander | 2014 |

@agent military
name: military
alias: troops | soldiers | army | forces | armed forces | fighters
sector: MIL

@agent police
name: police
alias: security forces | police
sector: COP

@agent intelligence
name: intelligence
alias: intelligence | intelligence service
sector: SPY

@agent official
name: official
alias: officials | spokesman
sector: GOV

@agent border_guards
name: border guards
alias: border guard
sector: MIL

@agent commander
name: commander
alias: sub-commander
sector: MIL

@agent leader
name: leader
alias: president | foreign minister | minister
sector: GOV

@agent envoy
name: envoy
alias: envoys
sector: GOV

@group hamas
name: Hamas
code: PSEINSHMS
sector: INS
country: PSE

@agent militant
name: militants
alias: militant | insurgent
sector: INS

@country IRN
name: Iran
adjective: Iranian

@agent government
name: government
alias: cabinet | authorities
sector: GOV

@agent legislature
name: parliament
alias: congress | lawmakers
sector: LEG

@agent media
name: media
alias: state media | state television | journalists
sector: MED

@agent rebels
name: rebels
alias: rebel
sector: REB

@agent protesters
name: protesters
alias: protester
sector: OPP

@country GBR
name: United Kingdom
alias: Britain
adjective: British

@agent head_of_state
name: head of state
alias: king | prime minister
sector: GOV

@agent party
name: party
sector: PTY
";

fn resolver() -> Resolver {
    let mut dicts = Dictionaries::new();
    let diags = dicts.load_str("test.dyad", DICT);
    assert!(diags.is_empty(), "{diags:?}");
    Resolver::new(Arc::new(dicts))
}

fn run(text: &str, date: Option<&str>) -> Vec<ActorMention> {
    let mut doc = Document::new("test", text, None);
    doc.published = date.map(|d| Date::parse(d).unwrap());
    Segmenter::new().annotate(&mut doc);
    resolver().annotate(&mut doc);
    doc.mentions
}

/// `text → code` of every mention, for compact assertions.
fn codes(text: &str) -> Vec<(String, Option<String>)> {
    run(text, None)
        .into_iter()
        .map(|m| (m.actor.text, m.actor.code))
        .collect()
}

fn pair(text: &str, code: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), code.map(str::to_string))
}

#[test]
fn agents_combine_with_countries_and_groups() {
    assert_eq!(
        codes("Afghan security forces clashed with Taliban fighters."),
        [
            pair("Afghan security forces", Some("AFGCOP")),
            pair("Taliban fighters", Some("AFGINSTAL"))
        ]
    );
    assert_eq!(
        codes("A U.S. intelligence official said so."),
        [pair("U.S. intelligence official", Some("USASPY"))]
    );
    assert_eq!(
        codes("Tajik border guards fired."),
        [pair("Tajik border guards", Some("TJKMIL"))]
    );
    let m = run("a Taliban sub-commander was killed", None);
    assert_eq!(m[0].actor.code.as_deref(), Some("AFGINSTAL"));
    assert_eq!(m[0].actor.group.as_deref(), Some("taliban"));
    assert_eq!(m[0].actor.text, "Taliban sub-commander");
}

#[test]
fn a_country_before_another_countrys_body_makes_it_the_countrys_agent() {
    let mut dicts = Dictionaries::new();
    let diags = dicts.load_str(
        "test.dyad",
        &format!("{DICT}\n@org us_congress\nname: United States Congress\nalias: Senate\ncode: USALEG\ncountry: USA\n\n@agent upper_house\nname: upper house\nalias: senate\nsector: LEG\n"),
    );
    assert!(diags.is_empty(), "{diags:?}");
    let resolver = Resolver::new(Arc::new(dicts));
    let codes = |text: &str| {
        let mut doc = Document::new("test", text, None);
        Segmenter::new().annotate(&mut doc);
        resolver.annotate(&mut doc);
        doc.mentions
            .into_iter()
            .map(|m| (m.actor.text, m.actor.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("The Senate voted."), [pair("Senate", Some("USALEG"))]);
    assert_eq!(
        codes("Russia's Senate voted."),
        [pair("Russia's Senate", Some("RUSLEG"))]
    );
    assert_eq!(
        codes("The Russian Senate voted."),
        [pair("Russian Senate", Some("RUSLEG"))]
    );
    assert_eq!(
        codes("The American Senate voted."),
        [pair("American Senate", Some("USALEG"))]
    );
}

#[test]
fn coordination_gives_each_actor_the_agent() {
    assert_eq!(
        codes("Afghan and NATO military operations resumed."),
        [
            pair("Afghan", Some("AFGMIL")),
            pair("NATO military", Some("IGOWSTNATMIL"))
        ]
    );
}

#[test]
fn possessive_person_and_agent() {
    let m = run("Haftar's forces advanced on Tripoli.", Some("2019-04-05"));
    assert_eq!(m[0].actor.text, "Haftar's forces");
    assert_eq!(m[0].actor.code.as_deref(), Some("LBYMIL"));
    assert_eq!(m[0].actor.group.as_deref(), Some("lna"));
}

#[test]
fn titles_and_roles_by_date() {
    let m = run(
        "Russian President Vladimir Putin spoke.",
        Some("2010-06-01"),
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].actor.text, "Russian President Vladimir Putin");
    assert_eq!(m[0].actor.code.as_deref(), Some("RUSGOV"));
    assert!(
        m[0].resolution.contains("prime minister"),
        "{}",
        m[0].resolution
    );
    let m = run("Foreign Minister Sergei Lavrov met him.", None);
    assert_eq!(m[0].actor.text, "Foreign Minister Sergei Lavrov");
    assert_eq!(m[0].actor.name.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(m[0].actor.country.as_deref(), Some("RUS"));
}

#[test]
fn apposition_resolves_an_unlisted_name() {
    let m = run(
        "Zamir Kabulov, Russia's special envoy, said talks continue.",
        None,
    );
    assert_eq!(m[0].actor.text, "Zamir Kabulov");
    assert_eq!(m[0].actor.code.as_deref(), Some("RUSGOV"));
    assert!(
        m[0].resolution.starts_with("apposition"),
        "{}",
        m[0].resolution
    );
    assert_eq!(m[1].actor.text, "Russia's special envoy");
}

#[test]
fn unknown_names_are_kept_unresolved() {
    let m = run("Abu Ahmad al-Kuwaiti met the courier in Abbottabad.", None);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].actor.text, "Abu Ahmad al-Kuwaiti");
    assert_eq!(m[0].actor.code, None);
    assert!(m[0].resolution.starts_with("unresolved"));
}

#[test]
fn coreference_links_to_the_most_recent_compatible_mention() {
    let m = run(
        "The Taliban attacked a checkpoint. Russia condemned the attack. The group said it would continue.",
        None,
    );
    let group = m.iter().find(|x| x.actor.text == "The group").unwrap();
    assert_eq!(group.actor.group.as_deref(), Some("taliban"));
    assert!(group.resolution.starts_with("coreference"));
    // A described group: a two-word agent ("armed group") after "the".
    let mut dicts = Dictionaries::new();
    let diags = dicts.load_str(
        "test.dyad",
        &format!("{DICT}\n@agent armed_group\nname: armed group\nsector: UAF\n"),
    );
    assert!(diags.is_empty(), "{diags:?}");
    let mut doc = Document::new(
        "test",
        "Hamas fired rockets at the town. The armed group said an armed group had helped.",
        None,
    );
    Segmenter::new().annotate(&mut doc);
    Resolver::new(Arc::new(dicts)).annotate(&mut doc);
    let described = doc
        .mentions
        .iter()
        .find(|x| x.actor.text == "The armed group")
        .unwrap();
    assert_eq!(
        described.actor.group.as_deref(),
        Some("hamas"),
        "{described:?}"
    );
    let indefinite = doc
        .mentions
        .iter()
        .find(|x| x.actor.text == "armed group")
        .unwrap();
    assert_eq!(indefinite.actor.code.as_deref(), Some("---UAF"));
    let junta = run(
        "Burmese troops shelled villages. The junta denied it.",
        None,
    );
    let j = junta.iter().find(|x| x.actor.text == "The junta").unwrap();
    assert_eq!(j.actor.code.as_deref(), Some("MMRMIL"));
    let it = run(
        "NATO met in Brussels. It said the alliance was united.",
        None,
    );
    let i = it.iter().find(|x| x.actor.text == "It").unwrap();
    assert_eq!(i.actor.group.as_deref(), Some("nato"));
}

#[test]
fn metonyms_caps_and_folding() {
    assert_eq!(
        codes("The Kremlin and Moscow agreed."),
        [pair("Kremlin", Some("RUSGOV")), pair("Moscow", Some("RUS"))]
    );
    // An all-caps alias does not fire on an ordinary word.
    assert!(codes("tell us more").is_empty());
    assert_eq!(codes("Tell US officials.")[0].1.as_deref(), Some("USAGOV"));
    assert_eq!(
        codes("Vladímir Pútin spoke.")[0].1.as_deref(),
        Some("RUSGOV")
    );
    assert_eq!(codes("the RUSSIANS' demands")[0].1.as_deref(), Some("RUS"));
}

#[test]
fn lookup_explains() {
    let r = resolver().lookup("Putin", Date::parse("2010-01-01").ok());
    assert_eq!(r[0].actor.code.as_deref(), Some("RUSGOV"));
    assert!(
        r[0].explanation.contains("test.dyad:"),
        "{}",
        r[0].explanation
    );
    assert!(r[0].explanation.contains("prime minister"));
    let r = resolver().lookup("Putin", Date::parse("1990-01-01").ok());
    assert_eq!(r[0].actor.code.as_deref(), Some("RUSELI"));
}

#[test]
fn untokenized_documents_are_skipped_with_a_reason() {
    let mut doc = Document::new("x", "Russia", None);
    resolver().annotate(&mut doc);
    assert!(doc.mentions.is_empty());
    assert_eq!(doc.skipped[0].stage, "actors");
}

/// The same sentences after the tagger and parser: tags and heads are used, results
/// stay the same.
#[test]
fn parsed_documents_resolve_alike() {
    let parser = match dyad_parse::Parser::shared() {
        Ok(p) => p,
        Err(e) => panic!("the shipped parser model does not load: {e}"),
    };
    let run_parsed = |text: &str| {
        let mut doc = Document::new("test", text, None);
        doc.published = Date::parse("2010-06-01").ok();
        parser.annotate(&mut doc);
        resolver().annotate(&mut doc);
        doc.mentions
            .into_iter()
            .map(|m| (m.actor.text, m.actor.code))
            .collect::<Vec<_>>()
    };
    for (text, expected) in [
        (
            "Afghan security forces clashed with Taliban fighters.",
            vec![
                pair("Afghan security forces", Some("AFGCOP")),
                pair("Taliban fighters", Some("AFGINSTAL")),
            ],
        ),
        (
            "Russian President Vladimir Putin met Abu Ahmad al-Kuwaiti.",
            vec![
                pair("Russian President Vladimir Putin", Some("RUSGOV")),
                pair("Abu Ahmad al-Kuwaiti", None),
            ],
        ),
        (
            "Zamir Kabulov, Russia's special envoy, said talks continue.",
            vec![
                pair("Zamir Kabulov", Some("RUSGOV")),
                pair("Russia's special envoy", Some("RUSGOV")),
            ],
        ),
        (
            "Russia armed rebels in eastern Tajikistan.",
            vec![
                pair("Russia", Some("RUS")),
                pair("rebels", Some("TJKREB")),
                pair("Tajikistan", Some("TJK")),
            ],
        ),
        (
            "NATO met in Brussels. It said the alliance was united.",
            vec![
                pair("NATO", Some("IGOWSTNAT")),
                pair("It", Some("IGOWSTNAT")),
            ],
        ),
    ] {
        assert_eq!(run_parsed(text), expected, "{text}");
    }
}

/// The mention whose text is `text`, with its code and resolution.
fn mention(mentions: &[ActorMention], text: &str) -> (Option<String>, String) {
    let m = mentions
        .iter()
        .find(|m| m.actor.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {mentions:?}"));
    (m.actor.code.clone(), m.resolution.clone())
}

#[test]
fn bare_agents_get_an_unknown_country() {
    assert_eq!(
        codes("Insurgents attacked a convoy while protesters marched."),
        [
            pair("Insurgents", Some("---INS")),
            pair("protesters", Some("---OPP"))
        ]
    );
    // Plural state agents may be anyone's: no country from context.
    let m = run("Russia sent envoys. Troops fired on the rebels.", None);
    assert_eq!(mention(&m, "Troops").0.as_deref(), Some("---MIL"));
    assert_eq!(mention(&m, "rebels").0.as_deref(), Some("---REB"));
}

#[test]
fn local_agents_are_of_the_country_they_are_in() {
    let m = run(
        "Russia sent arms to rebels in eastern Tajikistan. Protesters in Iran marched. \
         Troops in Afghanistan waited. Militants in Iran and Afghanistan regrouped.",
        None,
    );
    let (code, why) = mention(&m, "rebels");
    assert_eq!(code.as_deref(), Some("TJKREB"));
    assert!(why.contains("after \"in\""), "{why}");
    assert_eq!(mention(&m, "Protesters").0.as_deref(), Some("IRNOPP"));
    // Troops are often abroad; a list of countries names none of them.
    assert_eq!(mention(&m, "Troops").0.as_deref(), Some("---MIL"));
    assert_eq!(mention(&m, "Militants").0.as_deref(), Some("---INS"));
}

#[test]
fn the_government_inherits_the_country_of_its_context() {
    let m = run(
        "Afghanistan held elections on Saturday. The government said turnout was high.",
        None,
    );
    let (code, why) = mention(&m, "government");
    assert_eq!(code.as_deref(), Some("AFGGOV"));
    assert!(why.contains("country inferred: AFG"), "{why}");
    let gov = m.iter().find(|x| x.actor.text == "government").unwrap();
    assert_eq!(gov.actor.country.as_deref(), Some("AFG"));
    // Two countries and no dominant one: unknown.
    let m = run(
        "Russia and Tajikistan signed a deal. The government said it was fair.",
        None,
    );
    assert_eq!(mention(&m, "government").0.as_deref(), Some("---GOV"));
    // Nothing nearby: the document's dominant country.
    let m = run(
        "Afghan troops closed the road. Afghanistan blamed Russia. Talks went on. \
         Rain fell all week. The cabinet met on Sunday.",
        None,
    );
    let (code, why) = mention(&m, "cabinet");
    assert_eq!(code.as_deref(), Some("AFGGOV"));
    assert!(why.contains("dominant"), "{why}");
    // One country nearby but the document is mostly about another: unknown.
    let m = run(
        "Afghan troops closed the road. Afghanistan blamed Tajikistan. Talks went on. \
         Rain fell all week. Russia condemned the move. The government said little.",
        None,
    );
    assert_eq!(mention(&m, "government").0.as_deref(), Some("---GOV"));
    // A group named after the country may own the agent: not inferred.
    let m = run(
        "Russia said the Taliban fighters left and the cabinet agreed.",
        None,
    );
    assert_eq!(mention(&m, "cabinet").0.as_deref(), Some("---GOV"));
}

#[test]
fn institutions_with_a_country_context() {
    let m = run("Congress approved new sanctions on Russia.", None);
    let (code, why) = mention(&m, "Congress");
    assert_eq!(code.as_deref(), Some("USALEG"));
    assert!(why.contains("U.S. Congress"), "{why}");
    assert_eq!(
        codes("The Iranian leader met the U.S. leader.")
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>(),
        [Some("IRNGOV".to_string()), Some("USAGOV".to_string())]
    );
    let m = run(
        "Iran tested a missile. The parliament backed it and state media praised the army.",
        None,
    );
    assert_eq!(mention(&m, "parliament").0.as_deref(), Some("IRNLEG"));
    assert_eq!(mention(&m, "state media").0.as_deref(), Some("IRNMED"));
    assert_eq!(mention(&m, "army").0.as_deref(), Some("IRNMIL"));
    // Lower-case "congress" is not the U.S. Congress.
    let m = run("Delegates at the party congress voted.", None);
    assert_eq!(mention(&m, "party congress").0.as_deref(), Some("---LEG"));
}

#[test]
fn he_and_she_refer_to_the_most_recent_person() {
    let m = run("Sergei Lavrov said he would travel to Kabul.", None);
    let (code, why) = mention(&m, "he");
    assert_eq!(code.as_deref(), Some("RUSGOV"));
    assert!(why.contains("Sergei Lavrov"), "{why}");
    let he = m.iter().find(|x| x.actor.text == "he").unwrap();
    assert_eq!(he.actor.name.as_deref(), Some("Sergei Lavrov"));
    let m = run(
        "A U.S. intelligence official spoke in Kabul. She said the talks had failed.",
        None,
    );
    assert_eq!(mention(&m, "She").0.as_deref(), Some("USASPY"));
    // A chain: the second "he" refers through the first.
    let m = run(
        "Lavrov arrived on Monday. He said talks would go on. He added that NATO was wrong.",
        None,
    );
    let hes: Vec<_> = m.iter().filter(|x| x.actor.text == "He").collect();
    assert_eq!(hes.len(), 2, "{m:?}");
    assert!(hes
        .iter()
        .all(|x| x.actor.code.as_deref() == Some("RUSGOV")));
    // Two people and no parse to tell them apart: left alone.
    let m = run("Putin told Lavrov that he would decide.", None);
    assert!(m.iter().all(|x| x.actor.text != "he"), "{m:?}");
    // Not a person: a country is no antecedent of "he".
    let m = run("Russia sent troops. He said nothing.", None);
    assert!(m.iter().all(|x| x.actor.text != "He"), "{m:?}");
}

#[test]
fn it_and_they_refer_to_inferred_and_bare_actors() {
    let m = run(
        "Afghanistan held elections. The government said it rejected the complaints.",
        None,
    );
    assert_eq!(mention(&m, "it").0.as_deref(), Some("AFGGOV"));
    let m = run(
        "Afghan troops seized the town. They said the rebels fled.",
        None,
    );
    assert_eq!(mention(&m, "They").0.as_deref(), Some("AFGMIL"));
    // An unidentified antecedent (`---REB`) tells nothing: "they" stays unresolved,
    // and it is not skipped over for an older, identified one.
    let m = run(
        "Afghan troops arrived. The rebels seized the town. They said the army fled.",
        None,
    );
    assert!(m.iter().all(|x| x.actor.text != "They"), "{m:?}");
}

#[test]
fn parsed_pronouns_and_institutions() {
    let parser = match dyad_parse::Parser::shared() {
        Ok(p) => p,
        Err(e) => panic!("the shipped parser model does not load: {e}"),
    };
    let run_parsed = |text: &str| {
        let mut doc = Document::new("test", text, None);
        doc.published = Date::parse("2020-06-01").ok();
        parser.annotate(&mut doc);
        resolver().annotate(&mut doc);
        doc.mentions
    };
    let m = run_parsed("Sergei Lavrov said he would travel to Kabul.");
    assert_eq!(mention(&m, "he").0.as_deref(), Some("RUSGOV"));
    let m =
        run_parsed("Afghanistan held elections. The government said it would publish the results.");
    assert_eq!(mention(&m, "government").0.as_deref(), Some("AFGGOV"));
    assert_eq!(mention(&m, "it").0.as_deref(), Some("AFGGOV"));
    // The subject decides between two people.
    let m = run_parsed("Lavrov met Putin on Monday. Putin later said he was pleased.");
    let he = m.iter().find(|x| x.actor.text == "he").unwrap();
    assert_eq!(he.actor.name.as_deref(), Some("Vladimir Putin"));
}

#[test]
fn agents_that_name_no_actor_stay_uncoded() {
    // An adjective ("military aid", "six-party talks"), part of a name ("Ms King",
    // "the Liberation Army"), a power rather than a body ("the authority to").
    let m = run(
        "Russia sent military aid before the six-party talks. Ms King spoke. \
         The Liberation Army fought. He had the authority to stay.",
        None,
    );
    for text in ["military", "party", "King", "Army", "authority"] {
        let found = m.iter().find(|x| x.actor.text == text);
        assert!(
            found.is_none_or(|x| x.actor.code.is_none()),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn of_names_the_owner_and_offices_must_exist() {
    let m = run("Putin met the president of Afghanistan.", None);
    let (code, why) = mention(&m, "president");
    assert_eq!(code.as_deref(), Some("AFGGOV"));
    assert!(why.contains("after \"of\""), "{why}");
    // "of" something that is not a country: no inference.
    let m = run("Russia hosted the leaders of the two countries.", None);
    assert_eq!(mention(&m, "leaders").0.as_deref(), Some("---GOV"));
    // Britain has no president: "the president" is someone else's.
    let m = run("Britain welcomed the vote. The president spoke.", None);
    assert_eq!(mention(&m, "president").0.as_deref(), Some("---GOV"));
    let m = run("Britain welcomed the vote. The prime minister spoke.", None);
    assert_eq!(mention(&m, "prime minister").0.as_deref(), Some("GBRGOV"));
}

#[test]
fn pronouns_in_and_out_of_quotes() {
    // "he" inside quoted speech is not resolved to the last name.
    let m = run(
        "Lavrov arrived. \"He said nothing to us,\" a diplomat said.",
        None,
    );
    assert!(m.iter().all(|x| x.actor.text != "He"), "{m:?}");
    // A pronoun outside quotes skips names inside them.
    let m = run(
        "\"Putin is wrong,\" Lavrov said. He added that talks would go on.",
        None,
    );
    let he = m.iter().find(|x| x.actor.text == "He").unwrap();
    assert_eq!(he.actor.name.as_deref(), Some("Sergei Lavrov"));
    // An unlisted person in the sentence: "he" may be them.
    let m = run("Lavrov met John Smith and he said talks would go on.", None);
    assert!(m.iter().all(|x| x.actor.text != "he"), "{m:?}");
}

#[test]
fn imported_stems_match_word_beginnings_and_groups_get_ids() {
    let mut dicts = Dictionaries::new();
    let own = "@group taliban\nname: Taliban\ncountry: AFG\ncode: AFGINSTAL\nsector: INS\n";
    assert!(dicts.load_str("own.dyad", own).is_empty());
    let tabari = "RURITAN [RUR]\nSTRELSAU_ [RUR]\nBLACK_ELPHBERG_ [RURREBBLK]\n\
                  TALIB_MOVEMENT_ [AFGINSTAL]\nRED_HAND_ [RURREB]\nBLUE_HAND_ [RURREB]\n";
    let diags = dicts.import_str("demo.actors", tabari, true);
    assert!(diags.is_empty(), "{diags:?}");
    let phoenix = "KABULI [AFG]\n";
    assert!(dicts.import_str("p.actors", phoenix, false).is_empty());
    let resolver = Resolver::new(Arc::new(dicts));
    let first = |text: &str| {
        resolver
            .lookup(text, None)
            .into_iter()
            .find(|r| r.actor.code.is_some())
            .map(|r| (r.actor.text, r.actor.code.unwrap(), r.actor.group))
    };
    let rur = |t: &str| Some((t.to_string(), "RUR".to_string(), None));
    // A TABARI stem matches the words it begins; a phrase ending in `_` only itself.
    assert_eq!(first("the Ruritanians protested"), rur("Ruritanians"));
    assert_eq!(first("Ruritan"), rur("Ruritan"));
    assert_eq!(first("Strelsau"), rur("Strelsau"));
    assert_eq!(first("Strelsauer beer"), None);
    // Phoenix phrases never stem.
    assert_eq!(first("Kabulis"), None);
    let group = |text: &str| first(text).and_then(|(_, _, g)| g);
    // A code of our own gives our group id; a specific code used once, itself.
    assert_eq!(group("the Talib Movement"), Some("taliban".to_string()));
    assert_eq!(group("Black Elphberg"), Some("rurrebblk".to_string()));
    // A category code shared by several groups is no group.
    assert_eq!(
        first("Red Hand").map(|(_, c, g)| (c, g)),
        Some(("RURREB".to_string(), None))
    );
}

#[test]
fn a_title_chooses_the_role_when_there_is_no_date() {
    let m = run("Prime Minister Vladimir Putin spoke.", None);
    let (code, how) = mention(&m, "Prime Minister Vladimir Putin");
    assert_eq!(code.as_deref(), Some("RUSGOV"));
    assert!(how.contains("| prime minister`"), "{how}");
    // With a date, the role in force decides, whatever the title says.
    let m = run("Prime Minister Vladimir Putin spoke.", Some("2015-01-01"));
    let (_, how) = mention(&m, "Prime Minister Vladimir Putin");
    assert!(how.contains("| president`"), "{how}");
}
