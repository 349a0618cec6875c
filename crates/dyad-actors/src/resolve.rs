//! Resolution in context: finds actor mentions in a tokenized document and says who
//! each one is.
//!
//! Per sentence: longest dictionary match over folded words; country/group/person +
//! agent combination ("Afghan security forces", "Haftar's forces"), with coordination
//! ("Afghan and NATO military operations"); titles before names ("Foreign Minister
//! Sergei Lavrov"); unknown proper names kept unresolved; appositions ("Zamir Kabulov,
//! Russia's special envoy"). Per document: agents with no actor coded `---GOV`-style
//! or given the country of their context ("the government", "the army", "state
//! media"; `resolve_context.rs`); coreference of "the group", "the militants", "the
//! armed group", "the junta", "it", "they", "he" and "she" to a compatible earlier
//! mention.

use crate::dict::Dictionaries;
use crate::entry::{Entry, Kind};
use crate::fold::{fold_into, is_all_caps, is_capitalised};
use crate::index::{Form, Hit, ROOT};
use crate::words::is_possessive;
use dyad_model::{Actor, ActorMention, Component, Date, Document, Sentence, Span, Upos};
use dyad_parse::Segmenter;
use std::sync::Arc;

/// Adds the `mentions` layer; see the module documentation.
#[derive(Clone, Debug)]
pub struct Resolver {
    dicts: Arc<Dictionaries>,
}

/// One answer of [`Resolver::lookup`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub actor: Actor,
    pub explanation: String,
}

/// Sectors of armed non-state actors and forces: an armed group's "fighters" or
/// "forces" are the group itself.
fn is_armed(sector: &str) -> bool {
    matches!(
        sector,
        "MIL" | "REB" | "INS" | "UAF" | "PMC" | "SEP" | "RAD" | "IMG"
    )
}

/// The three-letter sector of an agent code such as `GOVMED`.
fn sector_prefix(code: &str) -> String {
    code.get(..3).unwrap_or(code).to_string()
}

/// Words that may stand between an actor and its agent when the parser has not run
/// ("Russia's special envoy", "Afghan local police").
const MODIFIERS: &[&str] = &[
    "special",
    "senior",
    "top",
    "former",
    "elite",
    "local",
    "regular",
    "armed",
    "chief",
    "deputy",
    "federal",
    "national",
    "regional",
    "provincial",
    "interim",
    "new",
    "main",
    "acting",
    "foreign",
    "defence",
    "defense",
    "interior",
    "military",
    "security",
];

/// Capitalised words that are not names on their own.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "mr",
    "mrs",
    "ms",
    "dr",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "meanwhile",
    "however",
    "also",
    "so",
    "some",
    "many",
    "several",
    "both",
    "all",
    "no",
    "not",
    "one",
    "two",
    "last",
    "next",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
];

/// `(word before, first word)` of a country match that make it part of another name.
const NOT_COUNTRY_AFTER: &[(&str, &str)] = &[
    ("north", "america"),
    ("north", "american"),
    ("south", "america"),
    ("south", "american"),
    ("latin", "america"),
    ("latin", "american"),
    ("central", "america"),
    ("central", "american"),
    ("new", "mexico"),
    ("new", "england"),
    ("real", "madrid"),
    ("atletico", "madrid"),
];

/// `(last word, word after)` of a country match that make it part of another name.
const NOT_COUNTRY_BEFORE: &[(&str, &str)] = &[
    ("american", "football"),
    ("american", "dream"),
    ("british", "isle"),
    ("london", "underground"),
];

/// A country before a currency names the currency ("the US dollar", "US $50m").
const CURRENCIES: &[&str] = &["dollar", "$", "pound", "yen", "franc", "rupee", "peso"];

/// Prepositions after which a capitalised name is most likely a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "outside",
    "inside",
    "around",
    "into",
    "throughout",
];

/// Name particles that may stand inside a name in lower case.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "del", "van", "von", "der", "la", "ul",
];

/// Reporting and action verbs after which "it"/"they" are subjects, for text the
/// parser has not tagged.
const SUBJECT_VERBS: &[&str] = &[
    "said",
    "says",
    "denied",
    "denies",
    "claimed",
    "claims",
    "added",
    "announced",
    "announces",
    "accused",
    "accuses",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "vowed",
    "vows",
    "confirmed",
    "confirms",
    "insisted",
    "insists",
    "stated",
    "told",
    "urged",
    "called",
    "demanded",
    "threatened",
    "pledged",
    "promised",
    "refused",
    "agreed",
    "signed",
    "launched",
    "attacked",
    "blamed",
    "condemned",
    "responded",
];

/// Verbs (base forms; regular inflections are matched) whose subject "it" is an actor
/// rather than a dummy ("it said", "it would publish"; not "it means", "it seems").
const IT_VERBS: &[&str] = &[
    "say",
    "deny",
    "claim",
    "add",
    "announce",
    "accuse",
    "warn",
    "reject",
    "vow",
    "confirm",
    "insist",
    "state",
    "urge",
    "call",
    "demand",
    "threaten",
    "pledge",
    "promise",
    "refuse",
    "agree",
    "sign",
    "launch",
    "attack",
    "blame",
    "condemn",
    "respond",
    "publish",
    "plan",
    "want",
    "intend",
    "decide",
    "order",
    "approve",
    "vote",
    "support",
    "oppose",
    "deploy",
    "fire",
    "release",
    "arrest",
    "expel",
    "recall",
    "impose",
    "lift",
    "offer",
    "ask",
    "request",
    "protest",
    "welcome",
    "report",
    "argue",
    "acknowledge",
    "admit",
    "propose",
    "invade",
    "occupy",
    "withdraw",
    "suspend",
];

/// Whether `word` (folded) is a form of one of [`IT_VERBS`] or a reporting verb.
fn it_verb(word: &str) -> bool {
    SUBJECT_VERBS.contains(&word)
        || matches!(word, "sent" | "sought" | "withdrew" | "withdrawn")
        || IT_VERBS.iter().any(|stem| {
            let base = stem.strip_suffix('e').unwrap_or(stem);
            word.strip_prefix(stem)
                .or_else(|| word.strip_prefix(base))
                .is_some_and(|rest| {
                    matches!(rest, "" | "s" | "es" | "ed" | "d" | "ing" | "ned" | "red")
                })
                || stem.strip_suffix('y').is_some_and(|b| {
                    word.strip_prefix(b)
                        .is_some_and(|rest| matches!(rest, "ies" | "ied"))
                })
        })
}

/// Words after which "they", "he" and "she" are subjects ("they would continue");
/// "it" is not trusted after these ("it would be difficult").
const THEY_AUXILIARIES: &[&str] = &[
    "would", "will", "have", "had", "could", "should", "did", "also", "then",
];

/// The end of the resolution of "Turkish President Turgut Ozal": one person.
const UNLISTED_TITLED_NAME: &str = "; title of an unlisted name";

/// Courtesy titles before a surname.
const COURTESY_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "lord", "lady", "sir", "dame", "baroness",
];

/// Words after which "he"/"she" is a subject, besides those of "they".
const HE_AUXILIARIES: &[&str] = &["was", "is", "has", "does"];

/// Last words of agents that are one person, whom "he"/"she" may refer to.
const PERSON_NOUNS: &[&str] = &[
    "he",
    "she",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary",
    "president",
    "premier",
    "chancellor",
    "leader",
    "king",
    "emir",
    "prince",
    "monarch",
    "sultan",
    "envoy",
    "ambassador",
    "diplomat",
    "negotiator",
    "commander",
    "sub-commander",
    "officer",
    "general",
    "colonel",
    "chief",
    "governor",
    "mayor",
    "representative",
    "lawmaker",
    "senator",
    "cleric",
];

/// Nouns that refer back to an armed or non-state group after "the".
const GROUP_NOUNS: &[&str] = &[
    "group",
    "militant",
    "insurgent",
    "rebel",
    "militia",
    "fighter",
    "jihadist",
    "extremist",
    "movement",
    "organisation",
    "organization",
    "outfit",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    /// A plain dictionary match.
    Plain,
    /// A person, possibly with a title before the name.
    Person,
    /// Actor + agent.
    Combined,
    /// An agent with no actor ("the government", "troops").
    Agent,
    /// A proper name not in the dictionaries.
    Unknown,
    Coref,
}

#[derive(Clone, Debug)]
struct Found {
    start: usize,
    end: usize,
    sentence: usize,
    actor: Actor,
    how: How,
    /// From a demonym or a plural agent: "they" may refer to it.
    plural: bool,
    resolution: String,
}

/// Per-token facts computed once per document.
struct Feat {
    word: Option<u32>,
    caps: bool,
    capitalised: bool,
    possessive: bool,
    /// Byte range of the folded word in `Ctx::folded` (one buffer, not one string each).
    folded: (u32, u32),
}

/// A base actor before an agent is combined with it.
struct Base {
    actor: Actor,
    /// A country (not a group or organisation): agents append to its CAMEO code.
    country_level: bool,
}

#[derive(Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
    hit: Hit,
    /// The trie node of an exact match (not a stem), whose other hits a country
    /// before the words may choose among ("Rwanda's Senate").
    node: Option<u32>,
}

/// Whether `hit` may match the words `start..end` as they are written: all in
/// capitals for an acronym-only alias, and a title-case name must at least begin
/// with a capital ("State department" is the State Department; "armed Islamic
/// group" no group).
fn hit_fits(ctx: &Ctx, start: usize, end: usize, hit: &Hit) -> bool {
    (!hit.caps_only || (start..end).all(|k| ctx.feats[k].caps))
        && (!hit.capitals || ctx.capital_or_symbol(start))
}

impl Component for Resolver {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn annotate(&self, doc: &mut Document) {
        if doc.tokens.is_empty() {
            if !doc.text.trim().is_empty() {
                doc.skip("actors", "no tokens: the parse stage has not run");
            }
            return;
        }
        let found = self.find(doc);
        doc.mentions = found
            .into_iter()
            .map(|f| {
                let span = Span::new(
                    doc.tokens[f.start].span.start,
                    doc.tokens[f.end - 1].span.end,
                );
                let mut actor = f.actor;
                actor.text = doc.text[span.range()].to_string();
                ActorMention {
                    span,
                    sentence: f.sentence,
                    tokens: f.start..f.end,
                    head: head_of(doc, f.sentence, f.start, f.end),
                    actor,
                    resolution: f.resolution,
                }
            })
            .collect();
    }
}

/// The token of the span whose syntactic head lies outside it, else the last one.
fn head_of(doc: &Document, sentence: usize, start: usize, end: usize) -> usize {
    let base = doc.sentences.get(sentence).map_or(0, |s| s.tokens.start);
    (start..end)
        .find(|&i| {
            let t = &doc.tokens[i];
            !t.deprel.is_empty()
                && t.head
                    .is_none_or(|h| !(start..end).contains(&(base + h as usize)))
        })
        .unwrap_or(end - 1)
}

impl Resolver {
    pub fn new(dicts: Arc<Dictionaries>) -> Resolver {
        Resolver { dicts }
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// Resolves a phrase or sentence on its own, as of `date` (roles in force then).
    pub fn lookup(&self, text: &str, date: Option<Date>) -> Vec<Resolved> {
        let mut doc = Document::new("lookup", text, None);
        doc.published = date;
        Segmenter::new().annotate(&mut doc);
        self.annotate(&mut doc);
        doc.mentions
            .into_iter()
            .map(|m| Resolved {
                actor: m.actor,
                explanation: m.resolution,
            })
            .collect()
    }

    fn find(&self, doc: &Document) -> Vec<Found> {
        let index = self.dicts.index();
        let mut buf = String::new();
        let mut folded = String::with_capacity(doc.text.len() + doc.tokens.len());
        let feats: Vec<Feat> = doc
            .tokens
            .iter()
            .map(|t| {
                let text = &doc.text[t.span.range()];
                fold_into(text, &mut buf);
                let start = folded.len() as u32;
                folded.push_str(&buf);
                Feat {
                    word: index.word(&buf),
                    caps: is_all_caps(text),
                    capitalised: is_capitalised(text),
                    possessive: is_possessive(text),
                    folded: (start, folded.len() as u32),
                }
            })
            .collect();
        let tagged = doc.tokens.iter().any(|t| t.upos != Upos::X);
        let whole = [Sentence {
            span: Span::new(0, doc.text.len()),
            tokens: 0..doc.tokens.len(),
        }];
        let sentences: &[Sentence] = if doc.sentences.is_empty() {
            &whole
        } else {
            &doc.sentences
        };
        let ctx = Ctx {
            doc,
            feats: &feats,
            folded: &folded,
            tagged,
            date: doc.published,
            quoted: std::cell::OnceCell::new(),
        };
        let mut found = Vec::new();
        for (s, sentence) in sentences.iter().enumerate() {
            let mut here = self.sentence(&ctx, s, sentence.tokens.clone());
            appositions(&ctx, &mut here);
            found.extend(here);
        }
        resolve_context::code_bare_agents(&ctx, sentences, &mut found);
        self.coreference(&ctx, sentences, &mut found);
        found.sort_by_key(|f| (f.start, f.end));
        found
    }

    /// Longest matches left to right.
    fn matches(&self, ctx: &Ctx, range: std::ops::Range<usize>) -> Vec<Match> {
        let index = self.dicts.index();
        let stems = index.has_stems();
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let mut node = ROOT;
            let mut best: Option<Match> = None;
            for j in i..range.end {
                let fits = |h: &&Hit| hit_fits(ctx, i, j + 1, h);
                if stems {
                    // An exact match ending here (below) wins over a stem.
                    if let Some(hit) = index.stem_hits(node, ctx.folded(j)).find(fits) {
                        best = Some(Match {
                            start: i,
                            end: j + 1,
                            hit: *hit,
                            node: None,
                        });
                    }
                }
                let Some(word) = ctx.feats[j].word else { break };
                let Some(next) = index.step(node, word) else {
                    break;
                };
                node = next;
                if let Some(hit) = index.hits(node).iter().find(fits) {
                    best = Some(Match {
                        start: i,
                        end: j + 1,
                        hit: *hit,
                        node: Some(node),
                    });
                }
            }
            match best {
                Some(m) => {
                    i = m.end;
                    if !self.not_an_actor_here(ctx, &m) {
                        out.push(m);
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    /// "Bosnian Serbs", "Bosnian Croat forces": a country adjective before another
    /// country's demonym names people of the first country; one match, coded as it.
    fn join_ethnic_demonyms(&self, matches: &mut Vec<Match>) {
        let mut k = 0;
        while k + 1 < matches.len() {
            let (a, b) = (matches[k], matches[k + 1]);
            let country = |m: &Match| self.entry(&m.hit).kind == Kind::Country;
            if a.end == b.start
                && country(&a)
                && country(&b)
                && a.hit.form == Form::Adjective
                && b.hit.form == Form::Demonym
                && a.hit.entry != b.hit.entry
            {
                matches[k].end = b.end;
                matches.remove(k + 1);
            }
            k += 1;
        }
    }

    /// "Rwanda's Senate", "the Rwandan Senate": words that name another country's
    /// body ("Senate" is also the US Congress) and an agent are the agent of the
    /// country named just before them.
    fn prefer_agents_after_countries(&self, ctx: &Ctx, matches: &mut [Match]) {
        for k in 1..matches.len() {
            let (a, b) = (matches[k - 1], matches[k]);
            let adjacent =
                b.start == a.end || (b.start == a.end + 1 && ctx.feats[a.end].possessive);
            let country = self.entry(&a.hit);
            let body = self.entry(&b.hit);
            if adjacent
                && country.kind == Kind::Country
                && matches!(body.kind, Kind::Org | Kind::Group)
                && body.country != country.iso3
            {
                let index = self.dicts.index();
                let agent = b.node.and_then(|node| {
                    index.hits(node).iter().find(|h| {
                        hit_fits(ctx, b.start, b.end, h) && self.entry(h).kind == Kind::Agent
                    })
                });
                if let Some(agent) = agent {
                    matches[k].hit = *agent;
                }
            }
        }
    }

    /// A country's name inside a longer place name or a fixed expression ("South
    /// America", "North American", "Real Madrid", "American football", "the US
    /// dollar"), where it names no actor.
    fn not_an_actor_here(&self, ctx: &Ctx, m: &Match) -> bool {
        if self.entry(&m.hit).kind != Kind::Country {
            return false;
        }
        let first = ctx.folded(m.start);
        let before = if m.start > 0 {
            ctx.folded(m.start - 1)
        } else {
            ""
        };
        let last = ctx.folded(m.end - 1);
        let after = if m.end < ctx.feats.len() {
            ctx.folded(m.end)
        } else {
            ""
        };
        NOT_COUNTRY_AFTER.contains(&(before, first))
            || NOT_COUNTRY_BEFORE.contains(&(last, after))
            || CURRENCIES.contains(&after)
    }

    fn entry(&self, hit: &Hit) -> &Entry {
        self.dicts.entry(hit.entry)
    }

    fn is_agent(&self, m: &Match) -> bool {
        self.entry(&m.hit).kind == Kind::Agent
    }

    fn sentence(&self, ctx: &Ctx, s: usize, range: std::ops::Range<usize>) -> Vec<Found> {
        let mut matches = self.matches(ctx, range.clone());
        self.join_ethnic_demonyms(&mut matches);
        self.prefer_agents_after_countries(ctx, &mut matches);
        let end = range.end;
        let mut found = Vec::new();
        let mut k = 0;
        while k < matches.len() {
            let m = matches[k];
            if self.is_agent(&m) {
                let (run_k, agent_end, sector, _, explain) = self.agent_run(&matches, k);
                let after = run_k + 1;
                if let Some(p) = matches
                    .get(after)
                    .filter(|p| p.start == agent_end && self.entry(&p.hit).kind == Kind::Person)
                {
                    found.push(self.person(ctx, s, m.start, p, &explain));
                    k = after + 1;
                    continue;
                }
                let name_end = ctx.name_run(agent_end, end);
                let next_start = matches.get(after).map_or(end, |n| n.start);
                let agent = self.entry(&m.hit);
                let mut actor = Actor {
                    name: Some(agent.name.clone()),
                    sector: Some(sector_prefix(&sector)),
                    ..Actor::default()
                };
                let mut stop = agent_end;
                let mut how = How::Agent;
                if name_end > agent_end && name_end <= next_start {
                    actor.name = Some(ctx.text(agent_end, name_end).to_string());
                    stop = name_end;
                    how = How::Unknown;
                }
                found.push(Found {
                    start: m.start,
                    end: stop,
                    sentence: s,
                    actor,
                    how,
                    plural: ctx.plural(agent_end - 1),
                    resolution: format!("agent with no actor: {explain}"),
                });
                k = after;
                continue;
            }
            // A coordination of actors: "Afghan and NATO", "Russia, China and Iran".
            let mut members = vec![k];
            let mut j = k;
            while let Some(n) = matches.get(j + 1) {
                if self.is_agent(n) || !ctx.connects(matches[j].end, n.start) {
                    break;
                }
                members.push(j + 1);
                j += 1;
            }
            // A list ends with "and"/"or" ("Russia, China and Iran"); a comma alone
            // joins clauses or appositions ("in central Baghdad, Iraqi police said").
            if j > k && ctx.folded(matches[j].start - 1) == "," {
                members.truncate(1);
                j = k;
            }
            let last = matches[j];
            let mut p = last.end;
            let possessive = p < end && ctx.feats[p].possessive;
            if possessive {
                p += 1;
            }
            let agent_at = matches
                .get(j + 1)
                .filter(|a| self.is_agent(a) && a.start >= p && ctx.modifiers(p, a.start));
            if agent_at.is_some() {
                let (run_k, agent_end, sector, prefix, explain) = self.agent_run(&matches, j + 1);
                let after = run_k + 1;
                let single = members.len() == 1;
                // "Russian President Vladimir Putin": the person decides.
                if let Some(person) = matches.get(after).filter(|p| {
                    single && p.start == agent_end && self.entry(&p.hit).kind == Kind::Person
                }) {
                    let title = format!("{} + {explain}", self.describe(&m));
                    found.push(self.person(ctx, s, m.start, person, &title));
                    k = after + 1;
                    continue;
                }
                let next_start = matches.get(after).map_or(end, |n| n.start);
                let name_end = ctx.name_run(agent_end, end).min(next_start);
                for (pos, &mi) in members.iter().enumerate() {
                    let member = matches[mi];
                    let base = self.base(&member.hit, ctx.date);
                    let Some(base) = base else { continue };
                    let mut actor = self.combine(&base, &sector, prefix);
                    let is_last = pos + 1 == members.len();
                    let (start, stop) = if is_last {
                        (member.start, agent_end)
                    } else {
                        (member.start, member.end)
                    };
                    let mut resolution = format!(
                        "{} combined with agent {explain}{}",
                        self.describe(&member),
                        if members.len() > 1 {
                            " (coordination)"
                        } else {
                            ""
                        }
                    );
                    let mut stop = stop;
                    if is_last && single && name_end > agent_end {
                        actor.name = Some(ctx.text(agent_end, name_end).to_string());
                        resolution.push_str(UNLISTED_TITLED_NAME);
                        stop = name_end;
                    }
                    found.push(Found {
                        start,
                        end: stop,
                        sentence: s,
                        actor,
                        how: How::Combined,
                        plural: ctx.plural(agent_end - 1),
                        resolution,
                    });
                }
                k = after;
                continue;
            }
            for &mi in &members {
                let member = matches[mi];
                if self.entry(&member.hit).kind == Kind::Person {
                    found.push(self.person(ctx, s, member.start, &member, ""));
                    continue;
                }
                let Some(base) = self.base(&member.hit, ctx.date) else {
                    continue;
                };
                found.push(Found {
                    start: member.start,
                    end: member.end,
                    sentence: s,
                    actor: base.actor,
                    how: How::Plain,
                    plural: member.hit.form == Form::Demonym,
                    resolution: self.describe(&member),
                });
            }
            k = j + 1;
        }
        // Proper names nothing above explained, kept unresolved.
        let mut covered = vec![false; end - range.start];
        for f in &found {
            for t in f.start..f.end {
                covered[t - range.start] = true;
            }
        }
        let mut i = range.start;
        while i < end {
            if covered[i - range.start] || !ctx.namelike(i) {
                i += 1;
                continue;
            }
            let mut stop = ctx.name_run(i, end);
            if let Some(c) = (i..stop).find(|&t| covered[t - range.start]) {
                stop = c;
            }
            if stop > i && ctx.worth_keeping(i, stop, &range) {
                found.push(Found {
                    start: i,
                    end: stop,
                    sentence: s,
                    actor: Actor {
                        name: Some(ctx.text(i, stop).to_string()),
                        ..Actor::default()
                    },
                    how: How::Unknown,
                    plural: false,
                    resolution: "unresolved: proper name not in the dictionaries".to_string(),
                });
            }
            i = stop.max(i + 1);
        }
        found.sort_by_key(|f| f.start);
        found
    }

    /// A run of adjacent agents ("intelligence official", "border guards"): the sector
    /// is the last one's, unless that is a generic GOV and an earlier one is specific.
    fn agent_run(&self, matches: &[Match], k: usize) -> (usize, usize, String, bool, String) {
        let mut j = k;
        while let Some(n) = matches.get(j + 1) {
            if !self.is_agent(n) || n.start != matches[j].end {
                break;
            }
            j += 1;
        }
        let run = &matches[k..=j];
        let sectors: Vec<(&str, bool)> = run
            .iter()
            .map(|m| {
                let e = self.entry(&m.hit);
                (e.sector.as_deref().unwrap_or("GOV"), e.agent_prefix)
            })
            .collect();
        let (mut sector, mut prefix) = sectors[sectors.len() - 1];
        // "civilian government" is still a government.
        if sector == "GOV" {
            if let Some(&(s, p)) = sectors.iter().find(|(s, _)| !matches!(*s, "GOV" | "CVL")) {
                sector = s;
                prefix = p;
            }
        }
        let explain = run
            .iter()
            .map(|m| self.describe(m))
            .collect::<Vec<_>>()
            .join(" + ");
        (
            j,
            run[run.len() - 1].end,
            sector.to_string(),
            prefix,
            explain,
        )
    }

    /// `@group taliban (dict/groups.dyad:4)`.
    fn describe(&self, m: &Match) -> String {
        let e = self.entry(&m.hit);
        let form = match m.hit.form {
            Form::Name => "name",
            Form::Alias => "alias",
            Form::Adjective => "adjective",
            Form::Demonym => "demonym",
            Form::Seat(_) => "seat",
        };
        format!("{form} of @{} {} ({})", e.kind, e.id, e.origin)
    }

    fn person(&self, ctx: &Ctx, s: usize, start: usize, p: &Match, title: &str) -> Found {
        let e = self.entry(&p.hit);
        // The words before the name ("Israeli Prime Minister") pick the role when the
        // document has no date.
        let title_words: Vec<&str> = (start..p.start).map(|t| ctx.folded(t)).collect();
        let (actor, role) = self.person_actor_titled(e, ctx.date, &title_words);
        let mut resolution = format!("{}; {role}", self.describe(p));
        if !title.is_empty() {
            resolution = format!("title {title}; {resolution}");
        }
        Found {
            start,
            end: p.end,
            sentence: s,
            actor,
            how: How::Person,
            plural: false,
            resolution,
        }
    }

    /// A person's actor on `date`, and which role chose it.
    fn person_actor(&self, e: &Entry, date: Option<Date>) -> (Actor, String) {
        self.person_actor_titled(e, date, &[])
    }

    /// [`Self::person_actor`], where a title written before the name chooses among
    /// the roles when there is no date: the role whose title shares the most words
    /// with it ("Prime Minister Ehud Barak" is the prime minister, not the later
    /// defence minister).
    fn person_actor_titled(
        &self,
        e: &Entry,
        date: Option<Date>,
        title: &[&str],
    ) -> (Actor, String) {
        if !e.codes.is_empty() {
            let mut actor = self.code_actor(e, date);
            actor.name = Some(e.name.clone());
            let chosen = e.code_on(date).map_or("none".to_string(), |c| {
                let day = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
                match (c.start, c.end) {
                    (None, None) => c.code.clone(),
                    (start, end) => format!("{} {}..{}", c.code, day(start), day(end)),
                }
            });
            let on = date.map_or("latest".to_string(), |d| format!("on {d}"));
            return (actor, format!("imported code {chosen} ({on})"));
        }
        let titled = if date.is_none() && !title.is_empty() {
            titled_role(e, title)
        } else {
            None
        };
        let (role, former) = match titled.or_else(|| e.role_on(date)) {
            Some(r) => (Some(r), false),
            None => {
                // Out of office on that date: the last role before it, as an elite.
                let before = e
                    .roles
                    .iter()
                    .filter(|r| date.is_some_and(|d| r.end.is_some_and(|end| end < d)))
                    .max_by_key(|r| r.end);
                (before.or(e.roles.first()), true)
            }
        };
        let Some(role) = role else {
            return (
                Actor {
                    name: Some(e.name.clone()),
                    ..Actor::default()
                },
                "no role".to_string(),
            );
        };
        let sector = if former { "ELI" } else { role.sector.as_str() };
        let mut actor = match self.dicts.find_actor(&role.actor) {
            Some(base_entry) => {
                let base = self.entry_base(base_entry, None);
                self.combine(&base, sector, false)
            }
            None => Actor {
                code: Some(format!("{}{sector}", role.actor)),
                sector: Some(sector.to_string()),
                ..Actor::default()
            },
        };
        actor.name = Some(e.name.clone());
        let when = match (role.start, role.end) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (Some(a), None) => format!("{a}.."),
            _ => String::new(),
        };
        let on = date.map_or("latest role".to_string(), |d| format!("on {d}"));
        let what = if former { "former " } else { "" };
        (
            actor,
            format!(
                "{what}role `{} | {} | {}` {when} (line {}), {on}",
                role.actor, role.sector, role.title, role.line
            ),
        )
    }

    /// The actor a non-agent match names, before any agent is combined with it.
    fn base(&self, hit: &Hit, date: Option<Date>) -> Option<Base> {
        let e = self.entry(hit);
        match e.kind {
            Kind::Agent => None,
            Kind::Person => {
                let (actor, _) = self.person_actor(e, date);
                // "Haftar's forces": the forces of the actor the person leads.
                let role_base = e
                    .role_on(date)
                    .and_then(|r| self.dicts.find_actor(&r.actor))
                    .map(|b| self.entry_base(b, None));
                Some(role_base.unwrap_or(Base {
                    country_level: false,
                    actor,
                }))
            }
            _ => Some(self.entry_base(e, Some(hit.form))),
        }
    }

    fn entry_base(&self, e: &Entry, form: Option<Form>) -> Base {
        if !e.codes.is_empty() {
            let actor = self.code_actor(e, None);
            let country_level = e.kind == Kind::Country;
            return Base {
                actor,
                country_level,
            };
        }
        match e.kind {
            Kind::Country => {
                let cameo = e.code.clone().unwrap_or_else(|| e.id.clone());
                let iso = e.iso3.clone().unwrap_or_else(|| e.id.clone());
                let seat_sector = match form {
                    Some(Form::Seat(Some(i))) => {
                        e.seat_sectors.get(i as usize).map(|s| s.1.clone())
                    }
                    _ => None,
                };
                Base {
                    actor: Actor {
                        name: Some(e.name.clone()),
                        code: Some(match &seat_sector {
                            Some(s) => format!("{cameo}{s}"),
                            None => cameo,
                        }),
                        country: Some(iso),
                        sector: seat_sector,
                        ..Actor::default()
                    },
                    country_level: true,
                }
            }
            _ => Base {
                actor: Actor {
                    name: Some(e.name.clone()),
                    code: e.code.clone(),
                    country: e.country.clone(),
                    group: Some(e.id.clone()),
                    sector: e
                        .sector
                        .clone()
                        .or_else(|| (e.kind == Kind::Org).then(|| "IGO".to_string())),
                    text: String::new(),
                },
                country_level: false,
            },
        }
    }

    /// An imported record's actor from its CAMEO code in force on `date`.
    fn code_actor(&self, e: &Entry, date: Option<Date>) -> Actor {
        let code = e.code_on(date).map(|c| c.code.clone()).unwrap_or_default();
        let (country, rest) = match code.get(..3).and_then(|c| self.dicts.country_iso3(c)) {
            Some(iso) => (Some(iso.to_string()), &code[3..]),
            None => (None, code.as_str()),
        };
        let sector = rest.get(..3).map(str::to_string);
        let group = match e.kind {
            Kind::Group | Kind::Org | Kind::Person => self.dicts.imported_group(&code),
            Kind::Country | Kind::Agent => None,
        };
        Actor {
            name: Some(e.name.clone()),
            code: (!code.is_empty()).then(|| code.clone()),
            country,
            group,
            sector,
            ..Actor::default()
        }
    }

    /// Base actor + agent sector: a country's code gets the sector appended (`AFG` +
    /// `MIL`); an armed group stays itself for armed agents ("Taliban fighters"), and
    /// other groups and organisations get the sector appended.
    fn combine(&self, base: &Base, sector: &str, prefix: bool) -> Actor {
        let mut actor = base.actor.clone();
        let code = actor.code.clone().unwrap_or_default();
        if base.country_level {
            let country = code.get(..3).unwrap_or(&code).to_string();
            actor.code = Some(if prefix {
                format!("{sector}{country}")
            } else {
                format!("{country}{sector}")
            });
            actor.sector = Some(sector_prefix(sector));
            return actor;
        }
        let own = actor.sector.clone().unwrap_or_default();
        let keep = (is_armed(&own) && is_armed(sector)) || own == sector || code.ends_with(sector);
        if !keep && !code.is_empty() {
            actor.code = Some(if prefix {
                format!("{sector}{code}")
            } else {
                format!("{code}{sector}")
            });
            actor.sector = Some(sector_prefix(sector));
        }
        actor
    }

    fn coreference(&self, ctx: &Ctx, sentences: &[Sentence], found: &mut Vec<Found>) {
        found.sort_by_key(|f| f.start);
        let mut added: Vec<Found> = Vec::new();
        for (s, sentence) in sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                let word = ctx.folded(i);
                let the_before = i > sentence.tokens.start && ctx.folded(i - 1) == "the";
                let existing = found.iter().position(|f| f.start <= i && i < f.end);
                // "the militant group", "the armed group": a two-word bare agent whose
                // noun names a group is a description of one named before.
                let described = the_before
                    && existing.is_some_and(|e| {
                        let f = &found[e];
                        f.how == How::Agent
                            && f.start == i
                            && f.end == i + 2
                            && !f.plural
                            && GROUP_NOUNS.contains(&ctx.folded(i + 1))
                    });
                let end = if described { i + 2 } else { i + 1 };
                let want = if the_before && (described || GROUP_NOUNS.contains(&word)) {
                    Want::Group
                } else if the_before && word == "junta" {
                    Want::Junta
                } else if matches!(word, "it" | "they" | "he" | "she")
                    && ctx.subject(i, sentence.tokens.start)
                    && !ctx.in_quote(i)
                {
                    match word {
                        "it" => Want::It,
                        "they" => Want::They,
                        _ => Want::Person,
                    }
                } else {
                    continue;
                };
                // Bare agents and uncovered words only: never override a resolved mention.
                if let Some(e) = existing {
                    let f = &found[e];
                    if f.how != How::Agent || f.end != end {
                        continue;
                    }
                }
                let window = match want {
                    Want::Group | Want::Junta => 2,
                    Want::It | Want::They | Want::Person => 1,
                };
                let candidates = found
                    .iter()
                    .chain(added.iter())
                    .filter(|f| f.end <= i && f.sentence + window >= s)
                    // Pronouns outside quotes refer to no one named inside them.
                    .filter(|f| {
                        want == Want::Group || want == Want::Junta || !ctx.in_quote(f.start)
                    })
                    .filter(|f| match want {
                        // Unlisted people stay candidates so that they are not skipped
                        // over ("Mr Blunkett ... he"); choosing one resolves nothing.
                        Want::Person => {
                            (want.accepts(f) && ctx.person_like(f) && !ctx.other_pronoun(f, word))
                                || ctx.unlisted_person(f)
                        }
                        Want::It | Want::They => want.accepts(f) && !ctx.person_like(f),
                        Want::Group | Want::Junta => want.accepts(f),
                    });
                let antecedent = match want {
                    Want::Person => person_antecedent(ctx, candidates.collect()),
                    Want::It => subject_antecedent(ctx, candidates.collect()),
                    // "they" only for an identified actor: a chain to `---GOV`
                    // "ministers" or `---EDU` "students" tells nothing and is often
                    // wrong (checked by hand on BBC politics). Such a nearer candidate
                    // still blocks an older one.
                    Want::They => candidates
                        .max_by_key(|f| f.start)
                        .filter(|a| !plural_between(ctx, found, a.end, i))
                        .filter(|a| {
                            !a.actor
                                .code
                                .as_deref()
                                .is_some_and(|c| c.starts_with("---"))
                        }),
                    Want::Group | Want::Junta => candidates.max_by_key(|f| f.start),
                };
                let Some(a) = antecedent else { continue };
                let start = if the_before { i - 1 } else { i };
                let mut actor = a.actor.clone();
                if want == Want::Junta {
                    if let Some(base) = a.actor.code.as_ref().and_then(|c| c.get(..3)) {
                        actor.code = Some(format!("{base}MIL"));
                        actor.sector = Some("MIL".to_string());
                        actor.group = None;
                    }
                }
                let resolution = format!(
                    "coreference: {:?} → {:?} (sentence {}, most recent compatible mention)",
                    ctx.text(start, end),
                    ctx.text(a.start, a.end),
                    a.sentence + 1
                );
                let coref = Found {
                    start,
                    end,
                    sentence: s,
                    actor,
                    how: How::Coref,
                    plural: a.plural,
                    resolution,
                };
                match existing {
                    Some(e) => found[e] = coref,
                    None => added.push(coref),
                }
            }
        }
        found.extend(added);
    }
}

/// The role of `e` whose title words best match the folded words written before the
/// name; the latest such role on a tie; none when no title word matches.
fn titled_role<'e>(e: &'e Entry, title: &[&str]) -> Option<&'e crate::entry::Role> {
    let mut word = String::new();
    e.roles
        .iter()
        .map(|r| {
            let score = r
                .title
                .split_whitespace()
                .filter(|w| !matches!(*w, "of" | "the" | "and" | "for"))
                .filter(|w| {
                    fold_into(w, &mut word);
                    title.contains(&word.as_str())
                })
                .count();
            (score, r)
        })
        .filter(|(score, _)| *score > 0)
        .max_by_key(|(score, r)| (*score, r.start))
        .map(|(_, r)| r)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    Group,
    Junta,
    It,
    They,
    /// "he", "she": a person.
    Person,
}

/// What "it" refers to: in the most recent sentence with candidates, the one the
/// parse makes a subject (none if the parse names none), else the first; a clause's
/// "it said" is mostly the main actor of the sentence, not the nearest name ("Iran
/// threatened to shell Iraqi towns, where, it said, ...").
fn subject_antecedent<'f>(ctx: &Ctx, mut candidates: Vec<&'f Found>) -> Option<&'f Found> {
    candidates.sort_by_key(|f| f.start);
    let last = *candidates.last()?;
    candidates.retain(|f| f.sentence == last.sentence);
    if !ctx.tagged {
        return candidates.first().copied();
    }
    candidates.into_iter().find(|f| {
        let head = head_of(ctx.doc, f.sentence, f.start, f.end);
        ctx.doc.tokens[head].deprel.starts_with("nsubj")
    })
}

/// Whether a plural noun or pronoun that no mention covers stands between an
/// antecedent and "they" at `i` ("pensioners are means tested for the money they
/// needed"): then "they" more likely refers to it. Needs tags.
fn plural_between(ctx: &Ctx, found: &[Found], from: usize, i: usize) -> bool {
    ctx.tagged
        && (from..i).any(|t| {
            let token = &ctx.doc.tokens[t];
            let plural = token.xpos == "NNS"
                || token.xpos == "NNPS"
                || matches!(ctx.folded(t), "those" | "others" | "many" | "some");
            plural && !found.iter().any(|f| f.start <= t && t < f.end)
        })
}

/// The person "he"/"she" refers to: the candidates of the most recent sentence that
/// has any; when they are different people, the one the parse makes a subject, and
/// none when that does not decide ("Putin told Erdogan he ...") or the choice is a
/// person not in the dictionaries.
fn person_antecedent<'f>(ctx: &Ctx, mut candidates: Vec<&'f Found>) -> Option<&'f Found> {
    candidates.sort_by_key(|f| f.start);
    let last = *candidates.last()?;
    candidates.retain(|f| f.sentence == last.sentence);
    if candidates.iter().all(|f| f.actor.name == last.actor.name) {
        return Some(last).filter(|f| f.actor.code.is_some());
    }
    // An unlisted person in that sentence may be the one: too uncertain.
    if candidates.iter().any(|f| f.actor.code.is_none()) {
        return None;
    }
    let subjects: Vec<&Found> = candidates
        .into_iter()
        .filter(|f| {
            let head = head_of(ctx.doc, f.sentence, f.start, f.end);
            ctx.doc.tokens[head].deprel.starts_with("nsubj")
        })
        .collect();
    match subjects.as_slice() {
        [one] => Some(*one),
        [first, rest @ ..] if rest.iter().all(|f| f.actor.name == first.actor.name) => {
            subjects.last().copied()
        }
        _ => None,
    }
    .filter(|f| f.actor.code.is_some())
}

impl Want {
    fn accepts(self, f: &Found) -> bool {
        let a = &f.actor;
        if a.code.is_none() {
            return false;
        }
        match self {
            Want::Group => a.group.is_some() && a.sector.as_deref() != Some("IGO"),
            Want::Junta => a.country.is_some() && a.group.is_none(),
            Want::It => {
                f.how != How::Person && !f.plural && (a.group.is_some() || a.country.is_some())
            }
            Want::Person => !f.plural,
            Want::They => {
                f.how != How::Person
                    && (f.plural
                        || a.group.as_ref().is_some() && a.sector.as_deref().is_some_and(is_armed))
            }
        }
    }
}

struct Ctx<'a> {
    doc: &'a Document,
    feats: &'a [Feat],
    folded: &'a str,
    tagged: bool,
    date: Option<Date>,
    /// Per token, whether it stands inside quotation marks; computed on first use.
    quoted: std::cell::OnceCell<Vec<bool>>,
}

impl Ctx<'_> {
    /// The folded form of token `i`.
    fn folded(&self, i: usize) -> &str {
        let (a, b) = self.feats[i].folded;
        &self.folded[a as usize..b as usize]
    }

    fn text(&self, start: usize, end: usize) -> &str {
        let a = self.doc.tokens[start].span.start;
        let b = self.doc.tokens[end - 1].span.end;
        &self.doc.text[a..b]
    }

    fn word(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }

    /// Token `i` is capitalised or does not begin with a letter (`-`, `'s`).
    fn capital_or_symbol(&self, i: usize) -> bool {
        self.feats[i].capitalised || !self.word(i).chars().next().is_some_and(char::is_alphabetic)
    }

    /// Tokens between two actors are a coordination: "and", "or", ",", ", and".
    fn connects(&self, from: usize, to: usize) -> bool {
        let words: Vec<&str> = (from..to).map(|i| self.folded(i)).collect();
        matches!(
            words.as_slice(),
            ["and"] | ["or"] | [","] | ["&"] | [",", "and"] | [",", "or"]
        )
    }

    /// Tokens `from..to` may stand between an actor and its agent.
    fn modifiers(&self, from: usize, to: usize) -> bool {
        if to - from > 2 {
            return false;
        }
        (from..to).all(|i| {
            let t = &self.doc.tokens[i];
            let folded = self.folded(i);
            if self.tagged {
                // "Russia armed separatists": the parse reads a verb, not a modifier.
                let finite_verb = matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP");
                (matches!(t.upos, Upos::ADJ | Upos::NOUN) && !self.feats[i].capitalised)
                    || (MODIFIERS.contains(&folded) && !finite_verb)
            } else {
                MODIFIERS.contains(&folded)
            }
        })
    }

    fn namelike(&self, i: usize) -> bool {
        let w = self.word(i);
        if self.tagged {
            self.doc.tokens[i].upos == Upos::PROPN && !NOT_NAMES.contains(&self.folded(i))
        } else {
            is_capitalised(w)
                && w.chars().any(char::is_alphabetic)
                && !NOT_NAMES.contains(&self.folded(i))
        }
    }

    fn particle(&self, i: usize) -> bool {
        let w = self.word(i);
        let lower = w.to_ascii_lowercase();
        PARTICLES.contains(&lower.as_str())
            || PARTICLES.iter().any(|p| {
                lower.starts_with(p) && lower[p.len()..].starts_with('-') && w.len() > p.len() + 1
            })
    }

    /// The end of a proper-name run starting at `i` (`i` itself when there is none).
    /// Lower-case particles count inside a name ("Abu Ahmad al-Kuwaiti").
    fn name_run(&self, i: usize, end: usize) -> usize {
        let mut j = i;
        while j < end {
            let next_is_name = |k: usize| k < end && self.namelike(k);
            let hyphen = |k: usize| k < end && self.word(k) == "-";
            let joins = j > i
                && ((self.particle(j)
                    && (next_is_name(j + 1) || (hyphen(j + 1) && next_is_name(j + 2))))
                    || (hyphen(j) && next_is_name(j + 1)));
            if self.namelike(j) || joins {
                j += 1;
            } else if j > i && self.particle(j) && self.word(j).contains('-') {
                // "al-Kuwaiti" as one token.
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// Whether an unknown name run is kept: not a single common word opening the
    /// sentence, and not a place after "in"/"at"/"near".
    fn worth_keeping(&self, start: usize, end: usize, sentence: &std::ops::Range<usize>) -> bool {
        if start > sentence.start && PLACE_PREPOSITIONS.contains(&self.folded(start - 1)) {
            return false;
        }
        if self.tagged {
            return true;
        }
        // Without tags a lone capitalised word opening a sentence is usually not a
        // name ("Tell", "Officials"), unless it is all there is (a lookup).
        !(start == sentence.start && end - start == 1 && sentence.len() > 2)
    }

    /// "it"/"they" as a subject: by the parse when there is one, else before a
    /// reporting or action verb.
    fn subject(&self, i: usize, sentence_start: usize) -> bool {
        let t = &self.doc.tokens[i];
        if !t.deprel.is_empty() {
            // "it" only as the subject of a reporting or action verb, since it is often
            // a dummy ("it is certain", "it does not mean").
            let Some(head) = t.head.map(|h| sentence_start + h as usize) else {
                return false;
            };
            let verb = &self.doc.tokens[head];
            // "if it is attacked": the passive's "it" is mostly the object of the
            // sentence before, not its subject.
            return t.deprel.starts_with("nsubj")
                && (self.folded(i) != "it"
                    || (t.deprel == "nsubj"
                        && verb.upos == Upos::VERB
                        && it_verb(self.folded(head))));
        }
        let next = if i + 1 < self.feats.len() {
            self.folded(i + 1)
        } else {
            return false;
        };
        SUBJECT_VERBS.contains(&next)
            || (self.folded(i) != "it" && THEY_AUXILIARIES.contains(&next))
            || (matches!(self.folded(i), "he" | "she") && HE_AUXILIARIES.contains(&next))
    }

    /// Whether token `i` stands inside quotation marks in its paragraph: pronouns in
    /// quoted speech refer to the speaker's world, not to the last name in the text.
    /// A quotation ends with its paragraph at the latest.
    fn in_quote(&self, i: usize) -> bool {
        self.quoted.get_or_init(|| {
            // Bytes, not chars: `"` and `\n` are ASCII, and the curly quotes end in
            // bytes 0x9C (open) and 0x9D (close) after E2 80.
            let bytes = self.doc.text.as_bytes();
            let mut inside = false;
            let mut at = 0;
            let mut follow = |to: usize, inside: &mut bool| {
                for k in at..to {
                    match bytes[k] {
                        b'"' => *inside = !*inside,
                        b'\n' => *inside = false,
                        0x9C | 0x9D if k >= 2 && bytes[k - 2] == 0xE2 && bytes[k - 1] == 0x80 => {
                            *inside = bytes[k] == 0x9C;
                        }
                        _ => {}
                    }
                }
                at = to;
            };
            self.doc
                .tokens
                .iter()
                .map(|t| {
                    follow(t.span.start, &mut inside);
                    let before = inside;
                    follow(t.span.end, &mut inside);
                    before
                })
                .collect()
        })[i]
    }

    /// An earlier "she" is no antecedent of "he", nor "he" of "she".
    fn other_pronoun(&self, f: &Found, pronoun: &str) -> bool {
        f.how == How::Coref && f.end == f.start + 1 && {
            let word = self.folded(f.start);
            matches!(word, "he" | "she") && word != pronoun
        }
    }

    /// A name not in the dictionaries that looks like a person's: two words or more, or
    /// after a courtesy title ("Mr Blunkett").
    fn unlisted_person(&self, f: &Found) -> bool {
        f.how == How::Unknown
            && f.actor.code.is_none()
            && (f.end - f.start >= 2
                || (f.start > 0 && COURTESY_TITLES.contains(&self.folded(f.start - 1))))
    }

    /// A mention of one person: a named person, or a singular agent that is a person
    /// ("a U.S. intelligence official", "Russia's special envoy"), or an earlier
    /// "he"/"she".
    fn person_like(&self, f: &Found) -> bool {
        match f.how {
            How::Person => true,
            How::Combined | How::Agent | How::Coref => {
                !f.plural
                    && (PERSON_NOUNS.contains(&self.folded(f.end - 1))
                        || f.resolution.ends_with(UNLISTED_TITLED_NAME))
            }
            How::Plain | How::Unknown => false,
        }
    }

    fn plural(&self, i: usize) -> bool {
        let w = self.word(i);
        w.ends_with('s') && !w.ends_with("ss") || matches!(w, "police" | "people" | "men")
    }
}

fn appositions(ctx: &Ctx, found: &mut [Found]) {
    for k in 0..found.len().saturating_sub(1) {
        let (a, b) = (&found[k], &found[k + 1]);
        let comma = b.start == a.end + 1 && ctx.folded(a.end) == ",";
        if !comma {
            continue;
        }
        let explain = |from: &Found| {
            format!(
                "apposition: {:?} is {:?} ({})",
                ctx.text(a.start, a.end),
                ctx.text(b.start, b.end),
                from.resolution
            )
        };
        if a.how == How::Unknown && a.actor.code.is_none() && b.how == How::Combined {
            let mut actor = b.actor.clone();
            actor.name = a.actor.name.clone();
            let resolution = format!(
                "apposition to {:?}: {}",
                ctx.text(b.start, b.end),
                b.resolution
            );
            found[k].actor = actor;
            found[k].resolution = resolution;
            found[k].how = How::Person;
        } else if a.how == How::Combined && b.how == How::Unknown && b.actor.code.is_none() {
            let mut actor = a.actor.clone();
            actor.name = b.actor.name.clone();
            let resolution = explain(a);
            found[k + 1].actor = actor;
            found[k + 1].resolution = resolution;
            found[k + 1].how = How::Person;
        }
    }
}

#[path = "resolve_context.rs"]
mod resolve_context;

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
