//! Codes for agents that name no actor ("the government", "insurgents", "state
//! media"): a country inherited from the context when that is safe, else the agent
//! with an unknown country (`---GOV`, `---REB`), as PETRARCH codes them.

use super::{is_armed, Ctx, Found, How, COURTESY_TITLES, MODIFIERS, NOT_NAMES};
use dyad_model::{Sentence, Upos};

/// Sectors of state institutions: "the government", "the army" and "state media"
/// belong to a country, and the context may say which one. Rebels, protesters or
/// analysts do not inherit one.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "SPY", "LEG", "JUD", "MED"];

/// Agents who are of the place they are in: "rebels in Syria" are Syrian rebels, where
/// "troops in Iraq", "refugees in Pakistan" or "diplomats in Kabul" are often foreign.
const LOCAL_SECTORS: &[&str] = &["REB", "INS", "SEP", "UAF", "OPP", "CVL"];

/// Words between "in" and a country that keep the place inside it ("in eastern
/// Ukraine", "in the north of Mali" is left out: it has an "of").
const PARTS_OF_A_COUNTRY: &[&str] = &[
    "the",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "rural",
    "neighbouring",
    "neighboring",
];

/// Countries whose legislature is called Congress; elsewhere a capitalised
/// "Congress" is the U.S. Congress.
const CONGRESS_COUNTRIES: &[&str] = &[
    "ARG", "BOL", "BRA", "CHL", "COL", "DOM", "GTM", "HND", "MEX", "PER", "PHL", "PRY",
];

/// Nouns after which an agent word is an adjective, not an actor ("military aid").
const NOT_ACTORS_AFTER: &[&str] = &[
    "aid",
    "assistance",
    "equipment",
    "hardware",
    "operation",
    "exercise",
    "training",
    "base",
    "spending",
    "budget",
    "support",
    "cooperation",
    "intervention",
    "campaign",
    "offensive",
    "action",
    "rule",
    "station",
    "coup",
    "court",
    "tribunal",
    "service",
    "reform",
    "occupation",
    "policy",
    "strategy",
    "activity",
    "practice",
    "partnership",
    "number",
    "deal",
    "figure",
    "industry",
    "market",
];

/// Monarchies whose head of government is a prime minister: "the president" in
/// their context is someone else's.
const NO_PRESIDENT: &[&str] = &[
    "GBR", "JPN", "ESP", "CAN", "AUS", "NZL", "NLD", "BEL", "SWE", "NOR", "DNK", "THA", "MYS",
    "JOR", "MAR", "KHM", "LUX",
];

/// Presidential republics without a prime minister: "the prime minister" in their
/// context is someone else's.
const NO_PRIME_MINISTER: &[&str] = &[
    "USA", "BRA", "MEX", "ARG", "COL", "CHL", "IDN", "PHL", "NGA", "IRN", "VEN", "ECU", "BOL",
    "URY", "PRY", "CRI", "PAN", "GTM", "HND", "SLV", "NIC", "DOM", "CYP", "ZAF", "GHA", "KEN",
];

/// The code written for an unknown country, as in PETRARCH's `---GOV`.
const UNKNOWN_COUNTRY: &str = "---";

/// A country mentioned in the document: its CAMEO code and ISO3, and where.
#[derive(Clone, Copy)]
struct CountryMention<'a> {
    cameo: &'a str,
    iso3: &'a str,
    index: usize,
}

/// A mention that names a country (a country, a country's agent, a person holding
/// a country's office), not a group or organisation.
fn country_of(f: &Found) -> Option<(&str, &str)> {
    if !matches!(f.how, How::Plain | How::Combined | How::Person) || f.actor.group.is_some() {
        return None;
    }
    let iso3 = f.actor.country.as_deref()?;
    let cameo = f.actor.code.as_deref()?.get(..3)?;
    cameo
        .bytes()
        .all(|b| b.is_ascii_uppercase())
        .then_some((cameo, iso3))
}

/// Gives every bare agent a code. `found` is sorted by position.
pub(super) fn code_bare_agents(ctx: &Ctx, sentences: &[Sentence], found: &mut [Found]) {
    if !found.iter().any(|f| f.how == How::Agent) {
        return;
    }
    let countries: Vec<CountryMention> = found
        .iter()
        .enumerate()
        .filter_map(|(index, f)| {
            country_of(f).map(|(cameo, iso3)| CountryMention { cameo, iso3, index })
        })
        .collect();
    let dominant = dominant(&countries);
    let mut coded = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if f.how != How::Agent || f.actor.code.is_some() {
            continue;
        }
        let Some(sector) = f.actor.sector.as_deref() else {
            continue;
        };
        if !is_actor(ctx, found, i) {
            continue;
        }
        let first = ctx.word(f.start);
        let congress = first == "Congress"
            && f.end == f.start + 1
            && !(f.end < ctx.feats.len() && ctx.folded(f.end) == "party");
        let sentence_start = sentences.get(f.sentence).map_or(0, |s| s.tokens.start);
        let definite = ctx.folded(f.start) == "the"
            || (f.start > sentence_start && ctx.folded(f.start - 1) == "the");
        // "state media", "Parliament", "the army": one institution of one country.
        // Bare plurals ("troops", "officials") may be anyone's and stay unknown.
        // Journalists are often foreign: the media inherit a country only as "state media".
        let state = ctx.folded(f.start) == "state";
        let institution = STATE_SECTORS.contains(&sector)
            && (sector != "MED" || state)
            && (definite || state || (ctx.feats[f.start].capitalised && !f.plural));
        let inferred = match of_object(ctx, found, i) {
            // "the president of Armenia"; "the leaders of the two countries" are no one's.
            Some(owner) => owner.and_then(|o| {
                country_of(o).map(|(cameo, iso3)| {
                    let why = format!(
                        "country inferred: {cameo}, from {:?} after \"of\"",
                        ctx.text(o.start, o.end)
                    );
                    (cameo, iso3, why)
                })
            }),
            None if institution => infer(ctx, found, &countries, dominant, i)
                .filter(|(cameo, _, _)| !lacks_office(ctx, f, cameo)),
            None if LOCAL_SECTORS.contains(&sector) => in_country(ctx, found, i).map(|place| {
                let (cameo, iso3) = country_of(place).expect("in_country finds countries");
                let why = format!(
                    "country inferred: {cameo}, from {:?} after \"in\"",
                    ctx.text(place.start, place.end)
                );
                (cameo, iso3, why)
            }),
            None => None,
        };
        let (cameo, iso3, why) = match inferred {
            Some(c) if !congress || CONGRESS_COUNTRIES.contains(&c.0) => c,
            _ if congress => (
                "USA",
                "USA",
                "capitalised `Congress` is the U.S. Congress".into(),
            ),
            Some(_) | None => (UNKNOWN_COUNTRY, "", "country unknown".into()),
        };
        coded.push((i, cameo.to_string(), iso3.to_string(), why));
    }
    for (i, cameo, iso3, why) in coded {
        let f = &mut found[i];
        let sector = f.actor.sector.clone().unwrap_or_default();
        f.actor.code = Some(format!("{cameo}{sector}"));
        if !iso3.is_empty() {
            f.actor.country = Some(iso3);
        }
        f.resolution.push_str("; ");
        f.resolution.push_str(&why);
    }
}

/// Whether the bare agent `found[i]` stands for an actor: not an adjective before
/// another mention or a non-actor noun ("the official Armenian news agency",
/// "military aid", "military-ruled"), and not part of an unlisted name ("Tom King",
/// "Sudan People's Liberation Army").
fn is_actor(ctx: &Ctx, found: &[Found], i: usize) -> bool {
    let f = &found[i];
    if f.end < ctx.feats.len() {
        let next = ctx.folded(f.end);
        let starts_mention = found.get(i + 1).is_some_and(|n| n.start == f.end);
        if starts_mention || next == "-" || NOT_ACTORS_AFTER.contains(&next) {
            return false;
        }
    }
    // "he had the authority to remain": the singular is mostly a power, not a body.
    if f.end == f.start + 1 && ctx.word(f.start) == "authority" {
        return false;
    }
    // By the parse: an adjective before a noun ("no official approach", "the elite
    // body guard") or a verb ("may force it"). Armed ones still name their owners
    // ("militant hideouts" are the militants').
    if ctx.tagged {
        let last = &ctx.doc.tokens[f.end - 1];
        let armed = f.actor.sector.as_deref().is_some_and(is_armed);
        if (last.deprel == "amod" && !armed) || matches!(last.upos, Upos::VERB | Upos::AUX) {
            return false;
        }
    }
    let capitalised = ctx.feats[f.start].capitalised;
    // "Prime Minister's Questions": a capitalised agent owning a name.
    if capitalised
        && f.end + 1 < ctx.feats.len()
        && ctx.feats[f.end].possessive
        && ctx.feats[f.end + 1].capitalised
    {
        return false;
    }
    // "Party of God": a capitalised agent before "of" and an unlisted name.
    if capitalised
        && f.end + 1 < ctx.feats.len()
        && ctx.folded(f.end) == "of"
        && ctx.feats[f.end + 1].capitalised
        && found.get(i + 1).is_none_or(|n| n.start != f.end + 1)
    {
        return false;
    }
    if f.start == 0 {
        return true;
    }
    // A lower-case agent after an unlisted name is that name's ("Shona rebels") and
    // keeps an unknown country; a capitalised one is part of the name. A generic
    // official of an unlisted name ("a Bayern spokesman") is no government's.
    let before = ctx.folded(f.start - 1);
    let after_unlisted = i > 0 && {
        let prev = &found[i - 1];
        prev.end == f.start && prev.how == How::Unknown && prev.actor.code.is_none()
    };
    if after_unlisted && f.actor.sector.as_deref() == Some("GOV") {
        return false;
    }
    // "six-party talks": part of a compound adjective; "Ms King": a surname.
    if before == "-" || (capitalised && COURTESY_TITLES.contains(&before)) {
        return false;
    }
    !(capitalised
        && ctx.feats[f.start - 1].capitalised
        && !NOT_NAMES.contains(&before)
        && !MODIFIERS.contains(&before)
        && before != "vice")
}

/// What an agent followed by "of" belongs to: `Some(Some(mention))` for "the
/// president of Armenia", `Some(None)` when "of" names something else ("the leaders
/// of the two countries"), `None` when no "of" follows.
fn of_object<'f>(ctx: &Ctx, found: &'f [Found], i: usize) -> Option<Option<&'f Found>> {
    let f = &found[i];
    if f.end >= ctx.feats.len() || ctx.folded(f.end) != "of" {
        return None;
    }
    let mut at = f.end + 1;
    if at < ctx.feats.len() && ctx.folded(at) == "the" {
        at += 1;
    }
    // "leaders of Egypt's Muslim Brotherhood" belong to the Brotherhood; "the
    // presidents of Iraq and Egypt" to more than one country.
    Some(found.get(i + 1).filter(|n| n.start == at).filter(|n| {
        n.end >= ctx.feats.len()
            || !(ctx.feats[n.end].possessive || matches!(ctx.folded(n.end), "and" | "or"))
    }))
}

/// The country a locally rooted agent is said to be in: "separatists in eastern
/// Ukraine", "protesters in Iran's capital". Not "rebels in Syria and Iraq".
fn in_country<'f>(ctx: &Ctx, found: &'f [Found], i: usize) -> Option<&'f Found> {
    let f = &found[i];
    if f.end >= ctx.feats.len() || ctx.folded(f.end) != "in" {
        return None;
    }
    let mut at = f.end + 1;
    while at < ctx.feats.len() && PARTS_OF_A_COUNTRY.contains(&ctx.folded(at)) {
        at += 1;
    }
    let place = found.get(i + 1).filter(|n| n.start == at)?;
    let listed = place.end < ctx.feats.len() && matches!(ctx.folded(place.end), "and" | "or");
    (!listed && country_of(place).is_some()).then_some(place)
}

/// Whether the agent names an office the country does not have ("the president" in
/// a text about Britain).
fn lacks_office(ctx: &Ctx, f: &Found, cameo: &str) -> bool {
    let words: Vec<&str> = (f.start..f.end).map(|t| ctx.folded(t)).collect();
    let president = words.contains(&"president");
    let prime_minister =
        words.contains(&"premier") || words.windows(2).any(|w| w == ["prime", "minister"]);
    (president && NO_PRESIDENT.contains(&cameo))
        || (prime_minister && NO_PRIME_MINISTER.contains(&cameo))
}

fn is_spokesperson(ctx: &Ctx, f: &Found) -> bool {
    matches!(
        ctx.folded(f.end - 1),
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen"
    )
}

/// The country most mentioned in the document, when it is mentioned at least twice
/// and more often than any other.
fn dominant<'a>(countries: &[CountryMention<'a>]) -> Option<(&'a str, &'a str, usize)> {
    let mut counts: Vec<(&str, &str, usize)> = Vec::new();
    for c in countries {
        match counts.iter_mut().find(|(cameo, _, _)| *cameo == c.cameo) {
            Some(entry) => entry.2 += 1,
            None => counts.push((c.cameo, c.iso3, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    let top = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.2);
    (top.2 >= 2 && top.2 > second).then_some(top)
}

/// The country of the institution `found[i]` names, from the countries mentioned
/// before it in its sentence and the previous one, and the document's dominant
/// country. Ambiguity gives `None`: one country in that window unless the document
/// is mostly about another; among several, the dominant one; with none, the
/// dominant one.
fn infer<'a>(
    ctx: &Ctx,
    found: &[Found],
    countries: &[CountryMention<'a>],
    dominant: Option<(&'a str, &'a str, usize)>,
    i: usize,
) -> Option<(&'a str, &'a str, String)> {
    let here = &found[i];
    let window: Vec<&CountryMention> = countries
        .iter()
        .filter(|c| c.index < i && found[c.index].sentence + 1 >= here.sentence)
        .collect();
    // A group or organisation named after the last country ("a Taliban spokesman
    // ... the spokesman") may be whom the agent belongs to.
    let last_country = window.last().map_or(0, |c| c.index + 1);
    let group_after = found[last_country.min(i)..i].iter().any(|f| {
        f.actor.group.is_some()
            && f.sentence + 1 >= here.sentence
            && matches!(f.how, How::Plain | How::Combined)
    });
    if group_after {
        return None;
    }
    let mut distinct: Vec<&CountryMention> = Vec::new();
    for c in window.iter().rev() {
        if !distinct.iter().any(|d| d.cameo == c.cameo) {
            distinct.push(c);
        }
    }
    let describe_dominant = |(cameo, iso3, n): (&'a str, &'a str, usize)| {
        (
            cameo,
            iso3,
            format!("country inferred: {cameo}, the document's dominant country ({n} mentions)"),
        )
    };
    match (distinct.as_slice(), dominant) {
        // With no country nearby, the dominant one is a guess. Not for a spokesman,
        // who is as often the publisher's country's as the one the article is about,
        // nor inside a quotation, where "the government" is the speaker's own
        // (checked by hand on BBC politics: a Welsh speaker's government in an
        // article mostly about Germany).
        ([], Some(d)) if !is_spokesperson(ctx, here) && !ctx.in_quote(here.start) => {
            Some(describe_dominant(d))
        }
        ([only], d) if d.is_none_or(|d| d.0 == only.cameo) => {
            let f = &found[only.index];
            Some((
                only.cameo,
                only.iso3,
                format!(
                    "country inferred: {}, from {:?} (sentence {}), the only country in this or the previous sentence",
                    only.cameo,
                    ctx.text(f.start, f.end),
                    f.sentence + 1
                ),
            ))
        }
        (several, Some(d)) if several.len() > 1 && several.iter().any(|c| c.cameo == d.0) => {
            Some(describe_dominant(d))
        }
        _ => None,
    }
}
