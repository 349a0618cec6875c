//! Codes for agents that name no actor ("the government", "insurgents", "state
//! media"): a country inherited from the context when that is safe, else the agent
//! with an unknown country (`---GOV`, `---REB`), as PETRARCH codes them.

use super::{Ctx, Found, How};
use dyad_model::Sentence;

/// Sectors of state institutions: "the government", "the army" and "state media"
/// belong to a country, and the context may say which one. Rebels, protesters or
/// analysts do not inherit one.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "SPY", "LEG", "JUD", "MED"];

/// Countries whose legislature is called Congress; elsewhere a capitalised
/// "Congress" is the U.S. Congress.
const CONGRESS_COUNTRIES: &[&str] = &[
    "ARG", "BOL", "BRA", "CHL", "COL", "DOM", "GTM", "HND", "MEX", "PER", "PHL", "PRY",
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
        let first = ctx.word(f.start);
        let congress = first == "Congress"
            && f.end == f.start + 1
            && !(f.end < ctx.feats.len() && ctx.folded(f.end) == "party");
        let sentence_start = sentences.get(f.sentence).map_or(0, |s| s.tokens.start);
        let definite = ctx.folded(f.start) == "the"
            || (f.start > sentence_start && ctx.folded(f.start - 1) == "the");
        // "state media", "Parliament", "the army": one institution of one country.
        // Bare plurals ("troops", "officials") may be anyone's and stay unknown.
        let institution = STATE_SECTORS.contains(&sector)
            && (definite
                || ctx.folded(f.start) == "state"
                || (ctx.feats[f.start].capitalised && !f.plural));
        let inferred = if institution {
            infer(ctx, found, &countries, dominant, i)
        } else {
            None
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
        ([], Some(d)) => Some(describe_dominant(d)),
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
