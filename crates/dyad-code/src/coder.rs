//! The coder: verb and noun patterns matched on the dependency parse, then the claim
//! around each match (who says so, how sure, negated or denied).
//!
//! Work per sentence is a pass over its tokens with a lemma-indexed pattern lookup;
//! the per-sentence buffers (children lists, lowercased lemmas) are reused across
//! sentences, so a sentence without a trigger allocates nothing.

use crate::context;
use crate::ontology;
use crate::patterns::{Filler, Kind, Pattern, Patterns, Slot};
use dyad_model::{Actor, Certainty, Component, DateRange, Document, Event, Location, Span, Upos};
use std::collections::HashSet;

/// Adds the `events` layer: CAMEO-coded events with their claims.
///
/// Needs the `sentences`, `tokens` (tagged and parsed) and `mentions` layers; skips
/// documents that are not in English.
pub struct Coder {
    patterns: Patterns,
    words: Words,
}

/// The word classes the coding rules use (defined in `patterns/classes.txt`).
struct Words {
    say: HashSet<String>,
    deny: HashSet<String>,
    claim_noun: HashSet<String>,
    accuse: HashSet<String>,
    intend: HashSet<String>,
    commit: HashSet<String>,
    threaten: HashSet<String>,
    refuse: HashSet<String>,
    appeal: HashSet<String>,
    uncertain: HashSet<String>,
    unverified: HashSet<String>,
    verify: HashSet<String>,
    future: HashSet<String>,
    negator: HashSet<String>,
    conditional: HashSet<String>,
    outlet: HashSet<String>,
    object_control: HashSet<String>,
}

impl Words {
    fn from(patterns: &Patterns) -> Words {
        let class = |name: &str| -> HashSet<String> {
            patterns
                .class(name)
                .unwrap_or_else(|| panic!("pattern class @{name} is missing"))
                .iter()
                .cloned()
                .collect()
        };
        Words {
            say: class("say"),
            deny: class("deny"),
            claim_noun: class("claimnoun"),
            accuse: class("accuse"),
            intend: class("intend"),
            commit: class("commit"),
            threaten: class("threaten"),
            refuse: class("refuse"),
            appeal: class("appeal"),
            uncertain: class("uncertain"),
            unverified: class("unverified"),
            verify: class("verify"),
            future: class("future"),
            negator: class("negator"),
            conditional: class("conditional"),
            outlet: class("outlet"),
            object_control: class("objcontrol"),
        }
    }
}

impl Default for Coder {
    fn default() -> Self {
        Coder::new(Patterns::shipped())
    }
}

impl Component for Coder {
    fn name(&self) -> &'static str {
        "code"
    }

    fn annotate(&self, doc: &mut Document) {
        if !doc.is_english() {
            let lang = doc.language.clone().unwrap_or_default();
            doc.skip(
                "code",
                format!("language {lang:?}: the patterns are English"),
            );
            return;
        }
        let events = self.code(doc);
        doc.events = events;
    }
}

const NONE: u32 = u32::MAX;
/// No token: nothing to leave out of an actor search.
const NO_TOKEN: usize = usize::MAX;

/// Why an event is wrapped by another verb ("agreed to supply", "threatened to attack").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wrap {
    Commit,
    Threat,
    Refuse,
    Demand,
    /// An event noun ordered by someone ("ordered an investigation"): a demand when
    /// it is cooperation or an inquiry, the event itself otherwise.
    Order,
}

/// The claim frame of a trigger, gathered from its clause and the clauses above it.
#[derive(Default)]
struct Frame {
    hypothetical: bool,
    uncertain: bool,
    intended: bool,
    reported: bool,
    negated: bool,
    /// "must", "has to": an obligation, which CAMEO codes as a demand.
    obliged: bool,
    /// What someone is urged or asked to do: the appeal is the event, not this.
    appealed_for: bool,
    /// Planned by a schedule ("is scheduled to meet"), not announced as intent.
    scheduled: bool,
    /// Announced on a condition ("will withdraw unless ..."): CAMEO's threat.
    ultimatum: bool,
    /// Announced on a condition with "if" ("may halt mediation if ..."): with a modal,
    /// a threat when the act is protest, sanction or force.
    conditioned: bool,
    /// Intended by a verb that voices the subject's own commitment or wish ("is
    /// willing to send troops to help", "wants to help"), not a bare future or plan.
    expressed: bool,
    /// Prepared ("prepared to resume shelling", "is preparing an offensive"): for force,
    /// a show of force that is under way, not a threat.
    prepared: bool,
    claimant: Option<Actor>,
    /// The verb of saying (or accusing) whose subject is the claimant.
    said: Option<usize>,
    denier: Option<Actor>,
    wrapper: Option<(usize, Wrap)>,
}

impl Frame {
    fn certainty(&self) -> Certainty {
        if self.hypothetical {
            Certainty::Hypothetical
        } else if self.uncertain {
            Certainty::Uncertain
        } else if self.intended {
            Certainty::Intended
        } else if self.reported {
            Certainty::Reported
        } else {
            Certainty::Asserted
        }
    }
}

/// An event before document-level linking.
struct Coded {
    event: Event,
    /// Sentence-local token that triggered the pattern.
    trigger: usize,
    /// Sentence-local token of the verb that wraps it and gave it its code.
    wrapper: Option<usize>,
    /// Who denies this event, when it sits under a denial ("Iran denies supplying").
    denier: Option<Actor>,
    /// Sentence-local token of the verb whose purpose this is ("met ... to discuss").
    purpose_of: Option<usize>,
    /// Sentence-local token of the verb of saying above a reported use of force, whose
    /// subject is a coded actor: that statement is an event too (see
    /// `Coder::statements_about_force`).
    statement: Option<usize>,
}

/// Reusable per-document buffers.
#[derive(Default)]
struct Scratch {
    /// Each token's head in the sentence (`u32::MAX` for none), as parsed except
    /// where `prepare` mends a known misattachment.
    heads: Vec<u32>,
    child_start: Vec<u32>,
    child_list: Vec<u32>,
    fill: Vec<u32>,
    lemmas: String,
    lemma_end: Vec<u32>,
    consumed: Vec<bool>,
    key: String,
}

impl Scratch {
    /// Lowercased lemma of sentence token `i`.
    fn lemma(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.lemma_end[i - 1] as usize
        };
        &self.lemmas[start..self.lemma_end[i] as usize]
    }
}

/// One parsed sentence with its children index.
struct View<'a> {
    doc: &'a Document,
    sentence: usize,
    first: usize,
    n: usize,
    scratch: &'a Scratch,
    mention_at: &'a [u32],
}

impl<'a> View<'a> {
    fn tok(&self, i: usize) -> &'a dyad_model::Token {
        &self.doc.tokens[self.first + i]
    }

    /// Lowercased lemma (the word itself when the parser gave none).
    fn lemma(&self, i: usize) -> &str {
        self.scratch.lemma(i)
    }

    fn rel(&self, i: usize) -> &'a str {
        universal_v2(&self.tok(i).deprel)
    }

    fn base_rel(&self, i: usize) -> &'a str {
        let rel = self.rel(i);
        rel.split(':').next().unwrap_or(rel)
    }

    fn head(&self, i: usize) -> Option<usize> {
        Some(self.scratch.heads[i] as usize).filter(|&h| h < self.n && h != i)
    }

    fn children(&self, i: usize) -> impl Iterator<Item = usize> + 'a {
        let s: &'a Scratch = self.scratch;
        let (a, b) = (s.child_start[i] as usize, s.child_start[i + 1] as usize);
        s.child_list[a..b].iter().map(|&c| c as usize)
    }

    fn child_rel(&self, i: usize, rel: &str) -> Option<usize> {
        self.children(i).find(|&c| self.rel(c) == rel)
    }

    fn is_verbal(&self, i: usize) -> bool {
        matches!(self.tok(i).upos, Upos::VERB | Upos::AUX | Upos::ADJ)
    }

    fn is_passive(&self, i: usize) -> bool {
        self.children(i)
            .any(|c| matches!(self.rel(c), "nsubj:pass" | "aux:pass" | "csubj:pass"))
            || (self.rel(i) == "acl"
                && self.tok(i).xpos == "VBN"
                // A participle with an object of its own is active ("tanks fired shells").
                && self.child_rel(i, "obj").is_none()
                && self.false_agent(i).is_none()
                && !self.controls_its_subject(i))
    }

    /// A past form of a verb whose infinitive complement its own subject carries out
    /// ("ministers agreed/acl to provide aid"): a finite verb misread as a participle,
    /// for such verbs have no passive with an infinitive.
    fn controls_its_subject(&self, i: usize) -> bool {
        matches!(
            self.lemma(i),
            "agree"
                | "vow"
                | "pledge"
                | "promise"
                | "offer"
                | "refuse"
                | "decline"
                | "threaten"
                | "try"
                | "attempt"
                | "fail"
                | "decide"
                | "plan"
                | "prepare"
                | "vote"
                | "swear"
                | "undertake"
        ) && self.children(i).any(|c| self.is_infinitive_clause(c))
    }

    /// An "agent" without "by" is an object the parser mislabelled ("tanks fired/acl
    /// four shells/obl:agent").
    fn false_agent(&self, i: usize) -> Option<usize> {
        self.children(i).find(|&c| {
            matches!(self.rel(c), "obl:agent" | "obl")
                && c > i
                && self.case_of(c).is_none()
                && matches!(self.tok(c).upos, Upos::NOUN | Upos::PROPN)
                && !self.is_time_word(c)
        })
    }

    /// The preposition of an oblique or nominal modifier ("to" in "to the Houthis").
    fn case_of(&self, i: usize) -> Option<&str> {
        self.children(i)
            .find(|&c| matches!(self.base_rel(c), "case" | "mark"))
            .map(|c| self.lemma(c))
    }

    fn mention(&self, i: usize) -> Option<usize> {
        let m = self.mention_at[self.first + i];
        (m != NONE).then_some(m as usize)
    }

    /// A finite verb the tagger read as an adjective or noun: it still governs a
    /// subject and an object ("guerrillas attacked/ADJ the convoy"), or it is a past
    /// form hung as a modifier on a noun that took over the clause
    /// ("tanks shelled/ADJ positions" parsed as a noun phrase).
    fn verb_in_disguise(&self, i: usize) -> bool {
        if !matches!(self.tok(i).upos, Upos::ADJ | Upos::NOUN) {
            return false;
        }
        let governs = |rel: &str| self.children(i).any(|c| self.rel(c) == rel);
        (governs("nsubj") && governs("obj"))
            || self.misread_clause(i).is_some()
            || self.headline_subject(i).is_some()
    }

    /// "Moscow/compound arms/NNS the Taliban/obj": a plural noun with an object,
    /// which nouns never take, and an actor right before it is a present-tense verb
    /// the tagger read as a noun (headlines and wire leads); the actor is its subject.
    fn headline_subject(&self, i: usize) -> Option<usize> {
        if self.tok(i).xpos != "NNS" || !self.children(i).any(|c| self.rel(c) == "obj") {
            return None;
        }
        self.children(i)
            .find(|&c| c + 1 == i && self.rel(c) == "compound" && self.mention(c).is_some())
    }

    /// For a past form `i` hung as a modifier on the noun after it, read as a clause:
    /// the subject before `i` and that noun as the object. It is read so when the noun
    /// heads the sentence or has a subject of its own, or when the tagger itself marked
    /// `i` a simple past (`VBD`), which a modifier never is. The subject is the noun's
    /// `nsubj`, else a nominal modifier before `i` (an actor first).
    fn misread_clause(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tok(i);
        if !matches!(t.upos, Upos::ADJ | Upos::VERB)
            || self.rel(i) != "amod"
            || !self.doc.text[t.span.range()].ends_with("ed")
        {
            return None;
        }
        let h = self.head(i).filter(|&h| h > i)?;
        if !matches!(self.tok(h).upos, Upos::NOUN | Upos::PROPN) {
            return None;
        }
        if let Some(s) = self
            .children(h)
            .find(|&c| c < i && self.rel(c) == "nsubj" && !self.is_time_word(c))
        {
            return Some((s, h));
        }
        // An actor that opens the sentence ("Serbia/compound eased/amod emergency
        // measures") is the subject of a clause, not a modifier of a noun phrase.
        let opens_sentence = |c: usize| {
            self.mention(c).is_some()
                && c + 1 == i
                && (0..c).all(|b| self.tok(b).upos == Upos::DET || self.head(b) == Some(c))
        };
        if self.rel(h) != "root" && t.xpos != "VBD" && !self.children(h).any(opens_sentence) {
            return None;
        }
        // Also a noun the tagger read as an adjective when it names an actor ("a
        // U.S. official/ADJ praised").
        let nominal = |c: usize| {
            c < i
                && matches!(self.rel(c), "amod" | "compound")
                && (matches!(self.tok(c).upos, Upos::NOUN | Upos::PROPN)
                    || self.mention(c).is_some()
                    || self.children(c).any(|d| {
                        matches!(self.rel(d), "compound" | "flat") && self.mention(d).is_some()
                    }))
        };
        let subject = self
            .children(h)
            .find(|&c| nominal(c) && self.mention(c).is_some())
            .or_else(|| self.children(h).find(|&c| nominal(c)))?;
        Some((subject, h))
    }

    /// A day word the parser sometimes takes for a subject ("officials today ended").
    fn is_time_word(&self, i: usize) -> bool {
        matches!(
            self.lemma(i),
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        )
    }

    /// "The civilians imprisoned ... were released" read with "imprisoned" as the main
    /// verb: the passive `p` under it has lost its subject, which is that verb's.
    fn reduced_relative_subject(&self, p: usize) -> Option<usize> {
        let h = self.head(p)?;
        let reduced = self.tok(h).xpos == "VBN"
            && !self
                .children(h)
                .any(|c| matches!(self.base_rel(c), "aux" | "aux:pass"));
        if !reduced || !matches!(self.base_rel(p), "ccomp" | "parataxis" | "conj" | "dep") {
            return None;
        }
        self.children(h).find(|&c| self.rel(c) == "nsubj" && c < h)
    }

    /// "asked Obama to help" parsed with "Obama" as the subject of "to help": the
    /// subject of an infinitive clause under `p` is `p`'s object.
    fn infinitive_subject(&self, p: usize) -> Option<usize> {
        self.children(p)
            .filter(|&c| matches!(self.rel(c), "xcomp" | "ccomp"))
            .filter(|&c| {
                self.children(c)
                    .any(|m| self.rel(m) == "mark" && self.lemma(m) == "to")
            })
            .find_map(|c| self.children(c).find(|&s| self.rel(s) == "nsubj" && s < c))
    }

    /// Whether the phrase at `i` names a mishap: its head, or a noun right after it
    /// the parser split off ("by the Malaysia Airlines flight/agent MH17 crash").
    fn names_mishap(&self, i: usize) -> bool {
        (i..self.n)
            .take_while(|&t| {
                t == i || matches!(self.tok(t).upos, Upos::NOUN | Upos::PROPN | Upos::NUM)
            })
            .any(|t| self.is_mishap(t))
    }

    /// A mishap or natural disaster: as a passive's agent it names no actor.
    fn is_mishap(&self, i: usize) -> bool {
        matches!(
            self.lemma(i),
            "crash"
                | "accident"
                | "collision"
                | "earthquake"
                | "quake"
                | "storm"
                | "flood"
                | "flooding"
                | "landslide"
                | "avalanche"
                | "disease"
                | "illness"
                | "cyclone"
                | "hurricane"
                | "typhoon"
                | "tsunami"
                | "derailment"
        )
    }

    /// An infinitive complement or purpose clause: `xcomp`, or a clause with "to".
    fn is_infinitive_clause(&self, c: usize) -> bool {
        match self.base_rel(c) {
            "xcomp" => true,
            "advcl" | "ccomp" | "acl" => self
                .children(c)
                .any(|m| self.rel(m) == "mark" && self.lemma(m) == "to"),
            _ => false,
        }
    }

    /// Whether `top` is an ancestor of `t` at most `steps` heads up: 4 keeps to the
    /// phrase of `top`, 16 reaches any clause above.
    fn is_under(&self, t: usize, top: usize, steps: usize) -> bool {
        let mut cur = t;
        for _ in 0..steps {
            match self.head(cur) {
                Some(h) if h == top => return true,
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    }

    /// "A Taliban delegation visiting/acl Moscow/nsubj said": a participle with no
    /// object of its own, modifying a subject, right before a second subject of the
    /// same verb: that second subject is the participle's object.
    fn stray_object(&self, p: usize) -> Option<usize> {
        let noun = self
            .head(p)
            .filter(|_| self.rel(p) == "acl" && self.tok(p).xpos == "VBG")?;
        let next = p + 1;
        (next < self.n
            && self.rel(noun) == "nsubj"
            && self.rel(next) == "nsubj"
            && self.head(next).is_some()
            && self.head(next) == self.head(noun)
            && matches!(self.tok(next).upos, Upos::NOUN | Upos::PROPN))
        .then_some(next)
    }

    /// Whether `t` lies in the noun phrase headed by `top`, clauses left out ("rebels
    /// of the Front", not "a group that tracks the war").
    fn in_noun_phrase(&self, t: usize, top: usize) -> bool {
        let mut cur = t;
        for _ in 0..6 {
            if cur == top {
                return true;
            }
            let nominal = matches!(
                self.base_rel(cur),
                "nmod" | "compound" | "flat" | "appos" | "amod"
            );
            match self.head(cur) {
                Some(h) if nominal => cur = h,
                _ => return false,
            }
        }
        false
    }

    /// The `obj` of `p`. Two objects where everything between them hangs on the
    /// second are one phrase split by the parser ("a government/obj -held part/obj"):
    /// its head is the second.
    fn direct_object(&self, p: usize) -> Option<usize> {
        let mut objects = self
            .children(p)
            .filter(|&c| self.rel(c) == "obj" && !self.has_preposition(c));
        let first = objects.next()?;
        match objects.next() {
            Some(second) if (first + 1..second).all(|t| self.is_under(t, second, 4)) => {
                Some(second)
            }
            _ => Some(first),
        }
    }

    /// A nominal with a preposition of its own ("with Syrian President Assad") that
    /// the parser labelled a subject or object: an oblique in truth.
    fn has_preposition(&self, i: usize) -> bool {
        self.children(i)
            .any(|c| c < i && self.rel(c) == "case" && self.tok(c).upos == Upos::ADP)
    }

    /// A participle set off by a comma after a noun (", killing eight people"): a
    /// clause adjunct, though parsers hang it on the noun before it.
    fn is_comma_participle(&self, i: usize) -> bool {
        self.tok(i).xpos == "VBG"
            && i > 0
            && self.tok(i - 1).upos == Upos::PUNCT
            && self.doc.text[self.tok(i - 1).span.range()] == *","
    }

    /// The nearest verb above `p` (a few steps up): the clause a participle hung on a
    /// noun belongs to.
    fn verbal_ancestor(&self, p: usize) -> Option<usize> {
        let mut g = self.head(p)?;
        for _ in 0..4 {
            if self.is_verbal(g) {
                return Some(g);
            }
            g = self.head(g)?;
        }
        None
    }

    /// The subject of a finite verb that has none in the parse, read from the noun
    /// phrase right before it ("as the US leader prepared to ..." with "leader" hung
    /// elsewhere). Objects and modifiers of other words are left alone.
    fn adjacent_subject(&self, p: usize) -> Option<usize> {
        let finite = match self.tok(p).xpos.as_str() {
            "VBD" | "VBZ" | "VBP" => true,
            // A past form the tagger took for a participle, with no auxiliary.
            "VBN" => !self
                .children(p)
                .any(|c| matches!(self.base_rel(c), "aux" | "aux:pass")),
            // "as the US leader prepared/JJ to attend": a past form with an
            // infinitive complement, read as an adjective, still has a subject.
            "JJ" => {
                self.doc.text[self.tok(p).span.range()].ends_with("ed")
                    && self.children(p).any(|c| self.is_infinitive_clause(c))
            }
            _ => false,
        };
        if !finite || p == 0 {
            return None;
        }
        let mut t = p - 1;
        while self.tok(t).upos == Upos::ADV && t > 0 {
            t -= 1;
        }
        if self.rel(t) == "flat" {
            t = self.head(t)?;
        }
        // "the mayor of Nablus released": the phrase's head, not its last noun.
        while self.base_rel(t) == "nmod" && self.head(t).is_some_and(|h| h < t) {
            t = self.head(t)?;
        }
        let nominal = matches!(self.tok(t).upos, Upos::NOUN | Upos::PROPN);
        let free = matches!(
            self.base_rel(t),
            "obl" | "nmod" | "appos" | "dep" | "list" | "root" | "parataxis"
        );
        (nominal && free && !self.is_time_word(t) && self.head(t) != Some(p)).then_some(t)
    }

    fn is_relative_pronoun(&self, i: usize) -> bool {
        matches!(self.lemma(i), "which" | "who" | "whom" | "that" | "whose")
            && matches!(self.tok(i).upos, Upos::PRON | Upos::DET | Upos::SCONJ)
    }
}

impl Coder {
    pub fn new(patterns: Patterns) -> Coder {
        let words = Words::from(&patterns);
        Coder { patterns, words }
    }

    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    /// Codes the events of a parsed document with mentions (the `events` layer).
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        let mut mention_at = vec![NONE; doc.tokens.len()];
        for (m, mention) in doc.mentions.iter().enumerate() {
            for t in mention.tokens.clone() {
                if let Some(slot) = mention_at.get_mut(t) {
                    if *slot == NONE || t == mention.head {
                        *slot = m as u32;
                    }
                }
            }
        }
        let mut scratch = Scratch::default();
        let mut coded: Vec<Coded> = Vec::new();
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            if range.is_empty() || range.end > doc.tokens.len() {
                continue;
            }
            prepare(
                &mut scratch,
                doc,
                range.start,
                range.len(),
                &self.words.accuse,
            );
            let mut consumed = std::mem::take(&mut scratch.consumed);
            let mut key = std::mem::take(&mut scratch.key);
            let view = View {
                doc,
                sentence: s,
                first: range.start,
                n: range.len(),
                scratch: &scratch,
                mention_at: &mention_at,
            };
            let start = coded.len();
            self.code_sentence(&view, &mut consumed, &mut key, &mut coded);
            drop_wrapped_and_duplicates(&mut coded, start);
            self.statements_about_force(&view, &mut coded, start);
            scratch.consumed = consumed;
            scratch.key = key;
        }
        link_denials(coded)
    }

    fn code_sentence(
        &self,
        v: &View,
        consumed: &mut [bool],
        key: &mut String,
        out: &mut Vec<Coded>,
    ) {
        // Verbs first: a verb pattern that names its object ("sign an agreement")
        // consumes the noun so the noun's own pattern does not code it again.
        for p in 0..v.n {
            if v.tok(p).upos != Upos::VERB && !v.verb_in_disguise(p) {
                continue;
            }
            if let Some((pattern, used)) = self.best_verb(v, p, key) {
                // A noun-tagged verb is coded once, as the verb.
                consumed[p] = true;
                // The named noun and the nouns inside it ("aid deliveries", "dollars
                // of aid") are this event's, not events of their own.
                for u in used.into_iter().flatten() {
                    consumed[u] = true;
                    for c in v.children(u) {
                        if matches!(v.rel(c), "compound" | "nmod") {
                            consumed[c] = true;
                        }
                    }
                }
                self.emit(v, p, pattern, out);
            }
        }
        for (p, &used) in consumed.iter().enumerate() {
            if used || !matches!(v.tok(p).upos, Upos::NOUN | Upos::PROPN) {
                continue;
            }
            // Two-word nouns first: "air strike", "hunger strike".
            let mut found = None;
            for c in v.children(p) {
                if matches!(v.rel(c), "compound" | "amod") && c < p {
                    key.clear();
                    key.push_str(v.lemma(c));
                    key.push(' ');
                    key.push_str(v.lemma(p));
                    found = self.best(v, p, Kind::Noun, key);
                    if found.is_some() {
                        break;
                    }
                }
            }
            if found.is_none() {
                found = self.best(v, p, Kind::Noun, v.lemma(p));
            }
            if let Some((pattern, _)) = found {
                self.emit(v, p, pattern, out);
            }
        }
    }

    /// The best verb pattern at `p`, also under the lemma the lemmatizer may have cut
    /// short ("denounc" for "denounced", "expell" for "expelled").
    fn best_verb(
        &self,
        v: &View,
        p: usize,
        key: &mut String,
    ) -> Option<(&Pattern, [Option<usize>; 3])> {
        let lemma = v.lemma(p);
        if let Some(found) = self.best(v, p, Kind::Verb, lemma) {
            return Some(found);
        }
        key.clear();
        key.push_str(lemma);
        key.push('e');
        if let Some(found) = self.best(v, p, Kind::Verb, key) {
            return Some(found);
        }
        let bytes = lemma.as_bytes();
        let doubled = bytes.len() > 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2];
        if doubled {
            if let Some(found) = self.best(v, p, Kind::Verb, &lemma[..lemma.len() - 1]) {
                return Some(found);
            }
        }
        // A past form the tagger took for an adjective keeps its "-ed" as lemma
        // ("shelled", "wounded", "demolished").
        if v.tok(p).upos != Upos::VERB {
            if let Some(stem) = lemma.strip_suffix("ed") {
                for candidate in [stem, &lemma[..lemma.len() - 1]] {
                    if let Some(found) = self.best(v, p, Kind::Verb, candidate) {
                        return Some(found);
                    }
                }
                let sb = stem.as_bytes();
                if sb.len() > 3 && sb[sb.len() - 1] == sb[sb.len() - 2] {
                    return self.best(v, p, Kind::Verb, &stem[..stem.len() - 1]);
                }
            }
        }
        // A lemmatiser that kept a stray "e" ("jaile" for "jailed").
        if let Some(stem) = lemma.strip_suffix('e').filter(|s| s.len() > 2) {
            if let Some(found) = self.best(v, p, Kind::Verb, stem) {
                return Some(found);
            }
        }
        None
    }

    /// The most specific pattern of `lemma` whose conditions hold at token `p`, with
    /// the tokens its conditions named.
    fn best(
        &self,
        v: &View,
        p: usize,
        kind: Kind,
        lemma: &str,
    ) -> Option<(&Pattern, [Option<usize>; 3])> {
        let candidates = self.patterns.of(kind, lemma);
        let mut best: Option<(&Pattern, [Option<usize>; 3], usize)> = None;
        for pattern in candidates {
            if let Some(particle) = &pattern.particle {
                // The particle, or the same word read as an adverb ("handed over").
                let has = v.children(p).any(|c| {
                    matches!(v.rel(c), "compound:prt" | "advmod") && v.lemma(c) == particle.as_str()
                });
                if !has {
                    continue;
                }
            }
            let mut used = [None; 3];
            let mut ok = true;
            for (k, cond) in pattern.conditions.iter().enumerate() {
                match self.condition(v, p, kind, &cond.slot, &cond.filler) {
                    Some(tok) => {
                        if k < 3 && matches!(cond.filler, Filler::Lemmas(_)) {
                            used[k] = tok;
                        }
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            let mut score = 4 * pattern.conditions.len() + 4 * pattern.particle.is_some() as usize;
            // A pattern whose target is present beats one that has no target slot,
            // which beats one whose target slot is empty.
            score += match &pattern.target {
                Some(target) if self.slot(v, p, kind, target).is_some() => 2,
                Some(_) => 0,
                None => 1,
            };
            if best.as_ref().is_none_or(|b| score > b.2) {
                best = Some((pattern, used, score));
            }
        }
        best.map(|(p, u, _)| (p, u))
    }

    /// `Some(token)` when the condition holds (`Some(None)` for conditions that name
    /// no token), `None` when it fails.
    fn condition(
        &self,
        v: &View,
        p: usize,
        kind: Kind,
        slot: &Slot,
        filler: &Filler,
    ) -> Option<Option<usize>> {
        if *slot == Slot::Modifier {
            let Filler::Lemmas(list) = filler else {
                let any = v
                    .children(p)
                    .any(|c| matches!(v.rel(c), "compound" | "amod"));
                return (any == (*filler == Filler::Any)).then_some(None);
            };
            return v
                .children(p)
                .find(|&c| matches!(v.rel(c), "compound" | "amod") && lemma_in(v, c, list))
                .map(Some);
        }
        let tok = self.slot(v, p, kind, slot);
        match filler {
            Filler::Any => tok.map(Some),
            Filler::Absent => tok.is_none().then_some(None),
            Filler::Lemmas(list) => tok.filter(|&t| lemma_in(v, t, list)).map(Some),
        }
    }

    /// The head token filling a slot of the verb or noun at `p`.
    fn slot(&self, v: &View, p: usize, kind: Kind, slot: &Slot) -> Option<usize> {
        match (slot, kind) {
            // "a first patch of peacekeeping troops arrived": the troops.
            (Slot::Subject, Kind::Verb) => {
                self.subject(v, p, 0).map(|s| self.partitive_whole(v, s))
            }
            (Slot::Subject, Kind::Noun) => self.noun_source(v, p),
            (Slot::Object, Kind::Verb) => self.object(v, p),
            (Slot::Object, Kind::Noun) => self.prep(v, p, "of"),
            (Slot::Indirect, _) => v.child_rel(p, "iobj"),
            (Slot::Possessor, Kind::Noun) => v.child_rel(p, "nmod:poss"),
            (Slot::Possessor, Kind::Verb) => {
                let obj = self.object(v, p)?;
                v.child_rel(obj, "nmod:poss").or_else(|| {
                    v.children(obj).find(|&c| {
                        v.base_rel(c) == "nmod"
                            && matches!(v.case_of(c), Some("of" | "by" | "from"))
                    })
                })
            }
            (Slot::Prep(prep), _) => self.prep(v, p, prep),
            // Also an infinitive the parser made adverbial ("wants Putin to/advcl act").
            (Slot::Xcomp, _) => v.child_rel(p, "xcomp").or_else(|| {
                v.children(p)
                    .find(|&c| v.base_rel(c) == "advcl" && v.is_infinitive_clause(c))
            }),
            (Slot::Ccomp, _) => v.child_rel(p, "ccomp"),
            (Slot::ClauseSubject, _) => v.child_rel(p, "ccomp").and_then(|c| self.subject(v, c, 0)),
            (Slot::Modifier, _) => v
                .children(p)
                .find(|&c| matches!(v.rel(c), "compound" | "amod")),
        }
    }

    /// The logical subject of a verb: `nsubj`, the `by` agent of a passive, or the
    /// subject it shares with the verb above it (control, coordination, participles).
    fn subject(&self, v: &View, p: usize, depth: u8) -> Option<usize> {
        if let Some(s) = v.headline_subject(p) {
            return Some(s);
        }
        if v.is_passive(p) {
            let agent = v.children(p).find(|&c| {
                v.rel(c) == "obl:agent"
                    || (matches!(v.base_rel(c), "obl" | "nmod") && v.case_of(c) == Some("by"))
            });
            // "killed by the crash of a Malaysia Airlines flight": no one did it.
            if agent.is_some_and(|a| v.names_mishap(a)) {
                return None;
            }
            return agent.or_else(|| self.agent_of_cause(v, p));
        }
        // A bare day word is no subject ("officers today ended"), but one that
        // carries the real subject ("Denmark/compound today/nsubj") stands for it.
        let subject = v
            .children(p)
            .filter(|&c| v.rel(c) == "nsubj" && !v.has_preposition(c))
            .find(|&c| !v.is_time_word(c) || v.children(c).next().is_some());
        if let Some(s) = subject {
            // "condemned what they called an invasion, and accused Moscow of ...": a
            // wh-word the parser made the later verb's subject is the earlier verb's
            // object; the conjoined verbs share the earlier one's subject.
            let joined_to = v
                .head(p)
                .filter(|&h| v.is_verbal(h) && matches!(v.base_rel(p), "conj" | "parataxis"));
            if let (true, Some(h)) = (v.tok(s).xpos.starts_with('W'), joined_to) {
                return if depth > 4 {
                    None
                } else {
                    self.subject(v, h, depth + 1)
                };
            }
            // "The United Nations inspectors want ..." read as "Nations" with a relative
            // clause whose subject is "inspectors": one noun phrase split in two, the
            // actor in its first half.
            if let Some(h) = v.head(p).filter(|&h| {
                v.rel(p).starts_with("acl")
                    && h + 1 == s
                    && self.mention_in(v, s, NO_TOKEN, 0).is_none()
                    && v.mention(h)
                        .is_some_and(|m| v.doc.mentions[m].actor.is_resolved())
            }) {
                return Some(h);
            }
            return Some(self.antecedent(v, p, s));
        }
        if let Some(s) = v.adjacent_subject(p) {
            return Some(s);
        }
        if depth > 4 {
            return None;
        }
        let h = v.head(p)?;
        // A verb hung under a noun the parser made the root ("Israel on Wednesday
        // released ..."): that noun is its subject.
        if v.rel(h) == "root"
            && h < p
            && matches!(v.tok(h).upos, Upos::NOUN | Upos::PROPN)
            && matches!(
                v.base_rel(p),
                "parataxis" | "conj" | "dep" | "appos" | "list"
            )
            && !v.is_time_word(h)
        {
            return Some(h);
        }
        match v.rel(p) {
            "conj" if v.is_verbal(h) => self.subject(v, h, depth + 1),
            // "Russia has/root threatened/parataxis": an auxiliary read as the verb.
            "parataxis" if matches!(v.lemma(h), "have" | "be" | "do" | "will") && h + 1 == p => {
                self.subject(v, h, depth + 1)
            }
            "xcomp" | "advcl" | "ccomp" | "obj" | "obl" | "csubj" if v.is_verbal(h) => {
                // "jailed a student for helping militants", "thanked Egypt for
                // mediating": what one is punished or thanked for, one did.
                let for_doing = v.base_rel(p) == "advcl"
                    && v.tok(p).xpos == "VBG"
                    && v.children(p)
                        .any(|m| matches!(v.rel(m), "mark" | "case") && v.lemma(m) == "for");
                if for_doing || self.words.object_control.contains(v.lemma(h)) {
                    if let Some(o) = self.object(v, h) {
                        return Some(o);
                    }
                }
                // "X was scheduled to meet": the controller is the passive's subject.
                match v.child_rel(h, "nsubj:pass") {
                    Some(s) => Some(self.antecedent(v, h, s)),
                    None => self.subject(v, h, depth + 1),
                }
            }
            // ", killing eight people" hung on the nearest noun: an adjunct of the
            // clause, whose subject it shares.
            "acl" | "acl:relcl" if v.is_comma_participle(p) => {
                self.subject(v, v.verbal_ancestor(p)?, depth + 1)
            }
            // "its willingness to meet", "a decision to withdraw": the one who has the
            // will, not the noun, unless the noun is an actor ("the first state to").
            "acl" if v.is_infinitive_clause(p) && self.mention_in(v, h, NO_TOKEN, 0).is_none() => {
                if let Some(poss) = v
                    .child_rel(h, "nmod:poss")
                    .filter(|&o| v.mention(o).is_some())
                {
                    return Some(poss);
                }
                let g = v.head(h)?;
                (v.rel(h) == "obj" && v.is_verbal(g))
                    .then(|| self.subject(v, g, depth + 1))
                    .flatten()
            }
            "acl" | "acl:relcl" => Some(h),
            "amod" if v.misread_clause(p).is_some() => v.misread_clause(p).map(|(s, _)| s),
            // A gerund read as a modifier: the subject of the verb taking its noun.
            // Also under an oblique: "resorted to throwing/compound stones/obl".
            "amod" | "compound" if self.premodified_noun(v, p).is_some() => {
                let g = v.head(h)?;
                (matches!(v.rel(h), "obj" | "obl") && v.is_verbal(g))
                    .then(|| self.subject(v, g, depth + 1))
                    .flatten()
            }
            _ => None,
        }
    }

    /// Whether the `by` agent of the passive `p` is a mishap ("killed by the crash").
    fn mishap_agent(&self, v: &View, p: usize) -> bool {
        v.children(p)
            .find(|&c| {
                v.rel(c) == "obl:agent"
                    || (matches!(v.base_rel(c), "obl" | "nmod") && v.case_of(c) == Some("by"))
            })
            .is_some_and(|a| v.names_mishap(a))
    }

    /// A passive without a `by` agent names its agent through the event that caused
    /// it: "four were killed in an Israeli air strike" (Israel killed them).
    ///
    /// "killed in Israeli tank shelling" read with "shelling" as a verb of its own
    /// after "tank": the actor modifying the phrase before the event word.
    fn agent_of_cause(&self, v: &View, p: usize) -> Option<usize> {
        let is_event = |t: usize| {
            self.patterns.noun(v.lemma(t)).next().is_some()
                || (v.tok(t).xpos == "VBG" && self.patterns.verb(v.lemma(t)).next().is_some())
        };
        v.children(p)
            .filter(|&c| {
                matches!(v.base_rel(c), "obl" | "nmod")
                    && matches!(v.case_of(c), Some("in" | "during"))
            })
            .find_map(|c| {
                if self.patterns.noun(v.lemma(c)).next().is_some() {
                    return self.noun_source(v, c);
                }
                let next = c + 1;
                let event_after = next < v.n
                    && matches!(v.head(next), Some(h) if h == c || h == p)
                    && is_event(next);
                if !event_after {
                    return None;
                }
                v.children(c)
                    .find(|&m| matches!(v.rel(m), "amod" | "compound") && v.mention(m).is_some())
            })
    }

    /// The logical object: `obj`, or the surface subject of a passive, or the noun a
    /// passive participle modifies ("rebels supported by Ankara").
    fn object(&self, v: &View, p: usize) -> Option<usize> {
        if v.is_passive(p) {
            if let Some(s) = v.child_rel(p, "nsubj:pass") {
                return Some(self.antecedent(v, p, s));
            }
            return match v.rel(p) {
                "acl" => v.head(p),
                "conj" => v.head(p).and_then(|h| v.child_rel(h, "nsubj:pass")),
                _ => v.reduced_relative_subject(p),
            };
        }
        // With no object, an indirect one is the object misread ("asked Obama to
        // help").
        v.direct_object(p)
            .map(|o| self.partitive_whole(v, self.antecedent(v, p, o)))
            .or_else(|| self.premodified_noun(v, p))
            .or_else(|| v.misread_clause(p).map(|(_, o)| o))
            .or_else(|| {
                v.child_rel(p, "iobj")
                    .filter(|_| v.children(p).any(|c| matches!(v.rel(c), "xcomp" | "ccomp")))
            })
            .or_else(|| v.infinitive_subject(p))
            .or_else(|| v.false_agent(p))
            .or_else(|| self.shared_object(v, p))
            .or_else(|| self.up_to_object(v, p))
            .or_else(|| v.stray_object(p))
    }

    /// "contribute up/prt to/case 4,000 troops/obl": a count with "up to" the parser
    /// read as a particle and a "to" phrase is the object.
    fn up_to_object(&self, v: &View, p: usize) -> Option<usize> {
        v.children(p).find(|&c| {
            v.base_rel(c) == "obl"
                && v.children(c).any(|d| v.rel(d) == "nummod")
                && v.children(c).any(|d| {
                    v.rel(d) == "case"
                        && v.lemma(d) == "to"
                        && d > 0
                        && v.lemma(d - 1) == "up"
                        && v.head(d - 1) == Some(p)
                })
        })
    }

    /// The object coordinated verbs share: "captured and executed ten soldiers"
    /// (the parser hangs it on the first verb), "donated and delivered medicine" (on
    /// the second). Only between verbs with no subject of their own in between.
    fn shared_object(&self, v: &View, p: usize) -> Option<usize> {
        let own_subject = |t: usize| v.children(t).any(|c| v.base_rel(c) == "nsubj");
        if !v.is_verbal(p) {
            return None;
        }
        if let Some(h) = v.head(p).filter(|&h| {
            v.rel(p) == "conj" && h < p && v.tok(h).upos == Upos::VERB && !own_subject(p)
        }) {
            if let Some(o) = v.direct_object(h).filter(|&o| o > p) {
                return Some(o);
            }
        }
        v.children(p)
            .filter(|&c| {
                c > p && v.rel(c) == "conj" && v.tok(c).upos == Upos::VERB && !own_subject(c)
            })
            .find_map(|c| v.direct_object(c))
    }

    /// The whole a partitive subject or object names: "suspended part of its aid"
    /// suspends aid.
    fn partitive_whole(&self, v: &View, o: usize) -> usize {
        if !matches!(
            v.lemma(o),
            "part"
                | "portion"
                | "some"
                | "most"
                | "all"
                | "half"
                | "bulk"
                | "share"
                | "rest"
                // Measures: "25,000 tons of food aid" supplies aid.
                | "ton"
                | "tonne"
                | "barrel"
                | "kilogram"
                | "kg"
                | "pound"
                | "dollar"
                | "euro"
                | "worth"
                | "gallon"
                | "litre"
                | "liter"
                | "dozen"
                | "hundred"
                | "thousand"
                | "million"
                | "number"
                | "amount"
                | "quantity"
                | "lot"
                // Groups sent or arriving: "a contingent of troops".
                | "batch"
                | "patch"
                | "deployment"
                | "contingent"
                | "group"
                | "wave"
        ) {
            return o;
        }
        v.children(o)
            .find(|&c| v.base_rel(c) == "nmod" && v.case_of(c) == Some("of"))
            .unwrap_or(o)
    }

    /// A gerund the parser attached as a modifier of the noun after it ("denies
    /// supplying weapons" read as "supplying weapons" = amod): that noun is its object.
    fn premodified_noun(&self, v: &View, p: usize) -> Option<usize> {
        let h = v.head(p)?;
        (matches!(v.rel(p), "amod" | "compound")
            && v.tok(p).upos == Upos::VERB
            && v.tok(p).xpos == "VBG"
            && p < h)
            .then_some(h)
    }

    /// A relative pronoun stands for the noun its clause modifies.
    fn antecedent(&self, v: &View, clause: usize, tok: usize) -> usize {
        if v.is_relative_pronoun(tok) && v.rel(clause).starts_with("acl") {
            v.head(clause).unwrap_or(tok)
        } else {
            tok
        }
    }

    /// The oblique (`obl` on verbs, `nmod` on nouns) introduced by `prep`; for a verb,
    /// also one hanging off its object ("signed an agreement with Y"), and for a noun
    /// object, one hanging off its verb ("launched an attack on Y" attached high).
    fn prep(&self, v: &View, p: usize, prep: &str) -> Option<usize> {
        let find = |x: usize| {
            v.children(x).find(|&c| {
                matches!(v.base_rel(c), "obl" | "nmod")
                    && v.rel(c) != "nmod:poss"
                    && v.case_of(c) == Some(prep)
            })
        };
        if let Some(t) = find(p) {
            return Some(t);
        }
        // "met with President Assad to discuss ..." with "Assad" taken for the
        // subject of "discuss": a phrase with this preposition, before any other verb.
        if v.is_verbal(p) {
            let misread = (p + 1..v.n)
                .take_while(|&t| v.tok(t).upos != Upos::VERB)
                .find(|&t| {
                    // A subject or object with a preposition, or an oblique hung on a
                    // verb that comes after it.
                    (matches!(v.base_rel(t), "nsubj" | "obj" | "iobj")
                        || (v.base_rel(t) == "obl" && v.head(t).is_some_and(|h| h > t)))
                        && v.children(t).any(|c| {
                            c < t
                                && v.rel(c) == "case"
                                && v.tok(c).upos == Upos::ADP
                                && v.lemma(c) == prep
                        })
                });
            if misread.is_some() {
                return misread;
            }
        }
        match v.tok(p).upos {
            Upos::VERB => self.object(v, p).and_then(find),
            _ if v.rel(p) == "obj" => v.head(p).and_then(find),
            _ => None,
        }
    }

    /// The source of an event noun: its possessor, its `by` phrase, an actor modifier
    /// ("Russian strikes"), or the subject of the verb that has it as object
    /// ("Russia launched an attack").
    fn noun_source(&self, v: &View, p: usize) -> Option<usize> {
        if let Some(poss) = v.child_rel(p, "nmod:poss") {
            // "continued their hunger strike": a bare possessive pronoun is the
            // subject of the verb that takes the noun.
            let bare_pronoun = v.tok(poss).upos == Upos::PRON && v.mention(poss).is_none();
            let verb_subject = || {
                let h = v.head(p)?;
                (v.rel(p) == "obj" && v.tok(h).upos == Upos::VERB)
                    .then(|| self.subject(v, h, 0))
                    .flatten()
            };
            return match bare_pronoun {
                true => verb_subject().or(Some(poss)),
                false => Some(poss),
            };
        }
        if let Some(by) = self.prep(v, p, "by") {
            return Some(by);
        }
        if let Some(m) = v
            .children(p)
            .find(|&c| matches!(v.rel(c), "amod" | "compound") && v.mention(c).is_some())
        {
            return Some(m);
        }
        let h = v.head(p)?;
        match v.rel(p) {
            "obj" if v.tok(h).upos == Upos::VERB => self.subject(v, h, 0),
            // "negotiators returned to Geneva for talks": who came for them.
            "obl" | "nmod"
                if v.tok(h).upos == Upos::VERB
                    && v.case_of(p) == Some("for")
                    && matches!(
                        v.lemma(h),
                        "come" | "go" | "return" | "arrive" | "travel" | "fly" | "head" | "meet"
                    ) =>
            {
                self.subject(v, h, 0)
            }
            _ => None,
        }
    }

    /// The actors of a slot: the mention on its head (or inside its noun phrase), and
    /// those of its conjuncts, leaving out the phrase at `skip` (a subject the parser
    /// hung inside the object phrase).
    fn actors(&self, v: &View, tok: usize, skip: usize, out: &mut Vec<(usize, Actor)>) {
        let mut stack = [tok; 8];
        let mut len = 1;
        while len > 0 {
            len -= 1;
            let t = stack[len];
            if let Some(m) = self.mention_in(v, t, skip, 0) {
                if !out.iter().any(|(k, _)| *k == m) {
                    out.push((m, self.placed_agent(v, m)));
                }
            }
            // "US and British activists": each coordinated modifier is a party.
            for c in v.children(t) {
                if !matches!(v.rel(c), "amod" | "compound")
                    || !v.children(c).any(|d| v.rel(d) == "conj")
                {
                    continue;
                }
                for d in std::iter::once(c).chain(v.children(c).filter(|&d| v.rel(d) == "conj")) {
                    if let Some(m) = v
                        .mention(d)
                        .filter(|&m| v.doc.mentions[m].actor.is_resolved())
                    {
                        if !out.iter().any(|(k, _)| *k == m) {
                            out.push((m, self.placed_agent(v, m)));
                        }
                    }
                }
            }
            for c in v.children(t) {
                if v.rel(c) == "conj" && len < stack.len() {
                    stack[len] = c;
                    len += 1;
                }
            }
        }
    }

    /// The actor of mention `m`; a bare agent ("a court", "the mayor", "dissidents")
    /// placed by its own phrase in a country ("in Guyana", "of Nablus", "from the
    /// Georgian government") becomes that country's agent (`GUYJUD`).
    fn placed_agent(&self, v: &View, m: usize) -> Actor {
        let mention = &v.doc.mentions[m];
        let actor = &mention.actor;
        let sector = match actor.code.as_deref().and_then(|c| c.strip_prefix("---")) {
            Some(sector) if actor.country.is_none() && actor.group.is_none() => sector,
            _ => return actor.clone(),
        };
        let Some(head) = mention.head.checked_sub(v.first).filter(|&h| h < v.n) else {
            return actor.clone();
        };
        let place = v.children(head).find_map(|c| {
            let placing = v.rel(c) == "nmod:poss"
                || (v.base_rel(c) == "nmod" && matches!(v.case_of(c), Some("of" | "from" | "in")));
            if !placing {
                return None;
            }
            let found = self.mention_in(v, c, NO_TOKEN, 1)?;
            let place = &v.doc.mentions[found].actor;
            if place.group.is_some() {
                return None;
            }
            place.country.clone()
        });
        match place {
            Some(country) => Actor {
                code: Some(format!("{country}{sector}")),
                country: Some(country),
                sector: actor.sector.clone().or_else(|| Some(sector.to_string())),
                ..actor.clone()
            },
            None => actor.clone(),
        }
    }

    /// The mention for the phrase headed by `t`: its own if resolved, else a resolved
    /// one inside the phrase ("leaders of Egypt's Muslim Brotherhood"), else its own
    /// unresolved one.
    fn mention_in(&self, v: &View, t: usize, skip: usize, depth: u8) -> Option<usize> {
        let here = v.mention(t);
        let resolved = |m: usize| v.doc.mentions[m].actor.is_resolved();
        if here.is_some_and(resolved) || depth >= 3 {
            return here;
        }
        for rels in [
            &["compound", "flat", "nmod:poss", "amod", "appos"][..],
            // "obl" under a noun is an nmod the parser mislabelled.
            &["nmod", "obl"][..],
        ] {
            for c in v.children(t) {
                if c != skip && rels.contains(&v.rel(c)) {
                    if let Some(m) = self
                        .mention_in(v, c, skip, depth + 1)
                        .filter(|&m| resolved(m))
                    {
                        return Some(m);
                    }
                }
            }
        }
        here
    }

    /// A personal pronoun without a mention stands for the subject of the verb of
    /// saying above it ("Obama said he would ..."), when that subject is an actor.
    fn pronoun_antecedent(&self, v: &View, p: usize, tok: usize) -> usize {
        let personal = matches!(v.lemma(tok), "he" | "she" | "it" | "they" | "we");
        if v.tok(tok).upos != Upos::PRON || !personal || v.mention(tok).is_some() {
            return tok;
        }
        let mut cur = p;
        for _ in 0..4 {
            let Some(h) = v.head(cur) else { break };
            if !matches!(
                v.base_rel(cur),
                "ccomp" | "xcomp" | "advcl" | "conj" | "parataxis"
            ) {
                break;
            }
            if let Some(s) = v.child_rel(h, "nsubj") {
                if s != tok && self.mention_in(v, s, NO_TOKEN, 0).is_some() {
                    return s;
                }
            }
            cur = h;
        }
        tok
    }

    /// The country of the place an act is done to: the target slot or the object when
    /// it names a place ("shelled Aleppo"), else a place in their locative phrases
    /// ("the refineries in Iran", "an attack on a mall in Kenya's capital"), else, for
    /// an event noun or a verb with an object, a locative phrase of its own (the
    /// parser often hangs "in Iran" on the verb).
    fn place_target(
        &self,
        v: &View,
        p: usize,
        kind: Kind,
        target: Option<usize>,
        object: Option<usize>,
    ) -> Option<Actor> {
        let slots = [target, object.filter(|&o| Some(o) != target)];
        if let Some(place) = slots
            .into_iter()
            .flatten()
            .find_map(|t| self.place_in(v, t, 0))
        {
            return Some(place);
        }
        let own = kind == Kind::Noun || object.is_some();
        if !own {
            return None;
        }
        if let Some(place) = v
            .children(p)
            .filter(|&c| matches!(v.base_rel(c), "obl" | "nmod") && is_locative(v.case_of(c)))
            .find_map(|c| self.place_in(v, c, 1))
        {
            return Some(place);
        }
        // "sent a team to help identify victims of the crash in Ukraine": where the
        // purpose is carried out.
        let mut stack: Vec<(usize, u8)> = v
            .children(p)
            .filter(|&c| kind == Kind::Verb && v.is_infinitive_clause(c))
            .map(|c| (c, 0))
            .collect();
        while let Some((t, depth)) = stack.pop() {
            if is_locative(v.case_of(t)) && matches!(v.base_rel(t), "obl" | "nmod") {
                if let Some(place) = self.place_at(v, t) {
                    return Some(place);
                }
            }
            if depth < 5 {
                stack.extend(
                    v.children(t)
                        .filter(|&c| {
                            matches!(v.base_rel(c), "obj" | "obl" | "nmod" | "xcomp" | "acl")
                        })
                        .map(|c| (c, depth + 1)),
                );
            }
        }
        None
    }

    /// A place at `t` or in its locative, "on" or "against" phrases, a few levels down.
    fn place_in(&self, v: &View, t: usize, depth: u8) -> Option<Actor> {
        if let Some(place) = self.place_at(v, t) {
            return Some(place);
        }
        if depth >= 3 {
            return None;
        }
        v.children(t)
            .filter(|&c| {
                matches!(v.base_rel(c), "nmod" | "obl")
                    && v.rel(c) != "nmod:poss"
                    && (is_locative(v.case_of(c))
                        || matches!(v.case_of(c), Some("on" | "against" | "for" | "over")))
            })
            .find_map(|c| self.place_in(v, c, depth + 1))
    }

    /// The country named by the phrase at `t`: an actor that is a country or one of its
    /// places (a city resolves to its country), its own or a possessor's ("Kenya's
    /// capital"), else a gazetteer name.
    fn place_at(&self, v: &View, t: usize) -> Option<Actor> {
        let own = v.mention(t).or_else(|| {
            v.children(t)
                .filter(|&c| matches!(v.rel(c), "nmod:poss" | "compound" | "amod" | "flat"))
                .find_map(|c| v.mention(c))
        });
        if let Some(m) = own {
            let actor = &v.doc.mentions[m].actor;
            let country_level =
                actor.group.is_none() && actor.country.is_some() && actor.code == actor.country;
            if country_level {
                return Some(actor.clone());
            }
        }
        // Else the gazetteer: also for a name some dictionary reads as another kind
        // of actor ("Kabul" for the Afghan government).
        if v.tok(t).upos != Upos::PROPN {
            return None;
        }
        let location = context::find_place_at(v.doc, v.sentence, v.first + t)?;
        let words = v.doc.slice(self.phrase_span(v, t)).to_string();
        place_actor(&location, words)
    }

    /// Codes one match into events, one per source–target pair.
    fn emit(&self, v: &View, p: usize, pattern: &Pattern, out: &mut Vec<Coded>) {
        let kind = pattern.kind;
        let source_tok = match &pattern.source {
            Some(slot) => self.slot(v, p, kind, slot),
            None => self.slot(v, p, kind, &Slot::Subject),
        };
        let target_tok = pattern
            .target
            .as_ref()
            .and_then(|slot| self.slot(v, p, kind, slot));
        // "victims killed by the crash": no one did it.
        if kind == Kind::Verb && v.is_passive(p) && self.mishap_agent(v, p) {
            return;
        }
        let mut sources = Vec::new();
        if let Some(s) = source_tok {
            self.actors(v, self.pronoun_antecedent(v, p, s), NO_TOKEN, &mut sources);
            // "The US, Russia, and Switzerland met" read as "US" the root and "met"
            // its conjunct: the root's phrase is a subject too.
            if v.rel(p) == "conj" && !v.is_passive(p) && pattern.source.is_none() {
                if let Some(h) = v.head(p).filter(|&h| {
                    h < s && v.rel(h) == "root" && matches!(v.tok(h).upos, Upos::NOUN | Upos::PROPN)
                }) {
                    self.actors(v, h, NO_TOKEN, &mut sources);
                }
            }
            // "The US, Russia, and Switzerland met" with two subjects in the parse:
            // coordinated all the same.
            if v.rel(s) == "nsubj" {
                if let Some(h) = v.head(s) {
                    for c in v.children(h) {
                        if c != s
                            && Some(c) != target_tok
                            && v.rel(c) == "nsubj"
                            && !v.has_preposition(c)
                            && !v.is_time_word(c)
                        {
                            self.actors(v, c, NO_TOKEN, &mut sources);
                        }
                    }
                }
            }
        }
        // "Syrian rebels engaged/acl peacekeepers ..., defense and military officials
        // said" read as one noun phrase: nouns joined to the subject after the clause
        // that modifies it are not doing what the clause says.
        if source_tok.is_some_and(|s| s < p && v.rel(p) == "acl" && v.head(p) == Some(s)) {
            sources.retain(|&(m, _)| {
                v.doc
                    .mentions
                    .get(m)
                    .is_none_or(|mention| mention.head < v.first + p)
            });
        }
        let mut targets = Vec::new();
        if let Some(t) = target_tok {
            // A subject the parser hung inside the object phrase is not its target.
            let skip = source_tok
                .filter(|&s| v.head(s) == Some(t))
                .unwrap_or(NO_TOKEN);
            self.actors(v, t, skip, &mut targets);
        }
        // "a mortar bomb was fired at it from the Gaza Strip": force whose doer is
        // not named came from where it was launched.
        if sources.is_empty()
            && kind == Kind::Verb
            && v.is_passive(p)
            && matches!(ontology::root_number(&pattern.code), 18..=20)
        {
            let origin = v
                .children(p)
                .find(|&c| matches!(v.base_rel(c), "obl" | "nmod") && v.case_of(c) == Some("from"));
            if let Some(place) = origin.and_then(|o| self.place_at(v, o)) {
                sources.push((NO_TOKEN, place));
            }
        }
        if sources.is_empty() && targets.is_empty() {
            return;
        }
        // The pattern's target is a locative phrase: a place, not a party.
        let locative = matches!(&pattern.target, Some(Slot::Prep(prep)) if is_locative(Some(prep)));
        // "called parliamentary elections", "visited the site": a consultation is
        // with someone; one whose partner slot holds no actor is another sense.
        let with_nobody = target_tok.is_some() && targets.is_empty() && !locative;
        if with_nobody && ontology::root_number(&pattern.code) == 4 {
            return;
        }
        let mut frame = self.frame(v, p);
        if frame.appealed_for {
            return;
        }
        // "Israel said a bomb was fired at it from Gaza": a pronoun object is never
        // its own clause's subject; in a report of force by another, known doer, it
        // stands for the speaker.
        if let (Some(t), Some(said), true) = (target_tok, frame.said, targets.is_empty()) {
            let personal = matches!(v.lemma(t), "it" | "they" | "we" | "he" | "she");
            if personal
                && v.tok(t).upos == Upos::PRON
                && matches!(ontology::root_number(&pattern.code), 18..=20)
                && sources.iter().any(|(_, s)| s.code.is_some())
            {
                let mut speakers = Vec::new();
                if let Some(speaker) = self.subject(v, said, 0) {
                    self.actors(v, speaker, NO_TOKEN, &mut speakers);
                }
                if !speakers
                    .iter()
                    .any(|(_, a)| sources.iter().any(|(_, s)| same_actor(a, s)))
                {
                    targets = speakers;
                }
            }
        }
        let mut code = pattern.code.as_str();
        let mut trigger = p;
        let mut wrapped_by = None;
        let mut intended = false;
        let mut negated = frame.negated;
        if let Some((wrapper, Wrap::Order)) = frame.wrapper {
            // "ordered an inquiry": a demand; "ordered air strikes": the strikes.
            if ontology::root_number(code) <= 9 {
                if let Some(wrapped) = wrapped_code(code, Wrap::Demand) {
                    wrapped_by = Some(wrapper);
                    code = wrapped;
                    trigger = wrapper;
                }
            }
        } else if let Some((wrapper, Wrap::Commit)) = frame.wrapper.filter(|&(w, _)| {
            v.children(w)
                .any(|c| v.base_rel(c) == "aux" && matches!(v.lemma(c), "must" | "should"))
        }) {
            // "X says Y must be ready to mediate": X demands it of Y.
            wrapped_by = Some(wrapper);
            if let Some(wrapped) = wrapped_code(code, Wrap::Demand) {
                code = wrapped;
                trigger = wrapper;
                if let Some(claimant) = frame.claimant.clone() {
                    targets = std::mem::take(&mut sources);
                    sources.push((usize::MAX, claimant));
                }
            }
        } else if let Some((wrapper, wrap)) = frame.wrapper {
            wrapped_by = Some(wrapper);
            // "vowed to fight": a commitment to protest, sanction or fight is CAMEO's
            // threat; one to coerce ("pledged to expel") stays the act, intended.
            let force = matches!(ontology::root_number(code), 14 | 16 | 18..=20);
            let wrap = match wrap {
                Wrap::Commit if force && !frame.negated => Wrap::Threat,
                w => w,
            };
            match wrapped_code(code, wrap) {
                Some(wrapped) => {
                    code = wrapped;
                    trigger = wrapper;
                    // "X said lifting sanctions is out of the question": X refuses.
                    if let (true, Wrap::Refuse, Some(claimant)) =
                        (sources.is_empty(), wrap, frame.claimant.clone())
                    {
                        sources.push((usize::MAX, claimant));
                    }
                }
                // No CAMEO intent code for it: the event itself, as intended.
                None => intended = true,
            }
        } else if frame.obliged {
            // "X says Y must withdraw": X demands it of Y.
            if let Some(wrapped) = wrapped_code(code, Wrap::Demand) {
                code = wrapped;
                if let Some(claimant) = frame.claimant.clone() {
                    targets = std::mem::take(&mut sources);
                    sources.push((usize::MAX, claimant));
                }
            }
        } else if frame.prepared
            && matches!(ontology::root_number(code), 18..=20)
            && !frame.negated
            && !frame.hypothetical
        {
            // Preparing an attack is CAMEO's show of force (150), and it is under way.
            code = "150";
            frame.intended = false;
        } else if (frame.intended
            || frame.ultimatum
            // "may halt mediation if ...": a modal act on a condition.
            || (frame.conditioned
                && frame.uncertain
                && matches!(ontology::root_number(code), 14 | 16..=20)))
            && !frame.hypothetical
            && !frame.scheduled
        {
            // Bare future or plan ("will supply", "plans to meet") keeps the act's
            // code: the certainty `intended` says it is announced, and a 03x code on
            // top would count the intent twice. An actor announcing its own act
            // ("Hungary said it will support ...") has made a commitment, which is
            // CAMEO's 03x, as a commissive verb ("agreed to") or a stated wish
            // ("wants to help") is; that statement happened, so it is not
            // `intended`. Announced force is CAMEO's threat (13x), which likewise
            // has been made, and "will not" cooperate its rejection (12x, not negated).
            let self_announced = frame.claimant.as_ref().is_some_and(|c| {
                sources
                    .iter()
                    .any(|(_, s)| c.node_key() == s.node_key() || same_actor(c, s))
            });
            let root = ontology::root_number(code);
            let wrap = match root {
                _ if frame.ultimatum && !frame.negated => Some(Wrap::Threat),
                4..=8 if frame.negated => Some(Wrap::Refuse),
                4..=8 if self_announced || frame.expressed => Some(Wrap::Commit),
                14 | 16..=20 if !frame.negated => Some(Wrap::Threat),
                _ => None,
            };
            if let Some(wrapped) = wrap.and_then(|w| wrapped_code(code, w)) {
                code = wrapped;
                negated &= wrap != Some(Wrap::Refuse);
                frame.intended &= !matches!(wrap, Some(Wrap::Commit | Wrap::Threat));
            }
        }
        // "seized parts of Iraq", "captured Mosul": taking a place is occupying
        // territory (192), not seizing property (171) or capturing people (173).
        if kind == Kind::Verb
            && matches!(ontology::root_number(code), 17 | 19)
            && matches!(
                v.lemma(p),
                "seize" | "capture" | "take" | "overrun" | "conquer" | "grab"
            )
            && self
                .object(v, p)
                .is_some_and(|o| self.place_at(v, o).is_some())
        {
            code = "192";
        }
        let Some(cameo) = ontology::lookup(code) else {
            return;
        };
        let object = self.slot(v, p, kind, &Slot::Object);
        let trigger_doc = v.first + trigger;
        let location = context::find_location(v.doc, v.sentence, trigger_doc);
        // "Insurgents shelled Aleppo", "inspectors re-examined the refineries in
        // Iran": an act done to a place, with no actor as target, targets its country.
        let mut target_is_place = false;
        // The act's own code decides, also under a wrapper ("threatened to shell").
        if acts_on_place(&pattern.code) && targets.iter().all(|(_, a)| !a.is_resolved()) {
            let event_noun_target = target_tok
                .filter(|&t| self.patterns.noun(v.lemma(t)).next().is_some())
                .is_some();
            let place = self
                .place_target(v, p, kind, target_tok, object)
                // "claimed responsibility for the attack", "sorrow over the shootings":
                // the event named happened where the sentence places it.
                .or_else(|| {
                    (event_noun_target && matches!(pattern.code.as_str(), "015" | "018"))
                        .then(|| {
                            location
                                .as_ref()
                                .and_then(|l| place_actor(l, l.name.clone()))
                        })
                        .flatten()
                });
            if let Some(place) = place {
                targets = vec![(NO_TOKEN, place)];
                target_is_place = true;
            }
        }
        let mut pairs: Vec<(Option<&Actor>, Option<&Actor>)> = Vec::new();
        // "Brazil and the United States agreed", "talks between X and Y": reciprocal
        // among the coordinated actors.
        // Only for dealings with each other: "US and British activists protested"
        // are not protesting against each other.
        let mutual = pattern.reciprocal || matches!(ontology::root_number(cameo.code), 3..=6);
        let among = match (sources.len(), targets.len()) {
            (2.., 0) if mutual => Some(&sources),
            (0, 2..) if mutual => Some(&targets),
            _ => None,
        };
        if let Some(actors) = among {
            for (i, (_, a)) in actors.iter().enumerate() {
                for (j, (_, b)) in actors.iter().enumerate() {
                    if i != j {
                        pairs.push((Some(a), Some(b)));
                    }
                }
            }
        } else {
            let none = [None];
            let src: Vec<Option<&Actor>> = if sources.is_empty() {
                none.to_vec()
            } else {
                sources.iter().map(|(_, a)| Some(a)).collect()
            };
            let tgt: Vec<Option<&Actor>> = if targets.is_empty() {
                none.to_vec()
            } else {
                targets.iter().map(|(_, a)| Some(a)).collect()
            };
            for s in &src {
                for t in &tgt {
                    pairs.push((*s, *t));
                    // Talks and clashes go both ways.
                    if pattern.reciprocal && s.is_some() && t.is_some() {
                        pairs.push((*t, *s));
                    }
                }
            }
        }
        let doc = v.doc;
        let mut trigger_span = doc.tokens[trigger_doc].span;
        if let Some(prt) = pattern
            .particle
            .as_ref()
            .and_then(|_| v.child_rel(p, "compound:prt"))
        {
            if trigger == p {
                trigger_span = trigger_span.cover(doc.tokens[v.first + prt].span);
            }
        }
        let (date, date_text) = match context::find_date(doc, v.sentence, trigger_doc) {
            Some((range, span)) => (Some(range), Some(doc.slice(span).to_string())),
            None => (doc.published.map(DateRange::day), None),
        };
        let quantity = context::find_quantity(doc, v.first + object.unwrap_or(p));
        let certainty = match frame.certainty() {
            Certainty::Asserted | Certainty::Reported if intended => Certainty::Intended,
            c => c,
        };
        // "Insurgents shelled Aleppo, killing eight people": the victims of the
        // participle are where the act of the clause was done.
        let victims_place = location.clone().or_else(|| {
            if !(kind == Kind::Verb && v.is_comma_participle(p)) {
                return None;
            }
            let clause = v.verbal_ancestor(p)?;
            let object = self.object(v, clause)?;
            let place = self.place_in(v, object, 0)?;
            Some(Location {
                name: place.name.clone().unwrap_or_default(),
                country: place.country.clone(),
                lat: None,
                lon: None,
            })
        });
        // "X said (that) Y attacked Z": the act reported in the clause under X's verb.
        // A source named after the act ("Y attacked Z, officials said") only says
        // where the news came from.
        let statement = frame.said.filter(|&said| {
            matches!(ontology::root_number(cameo.code), 18..=20)
                && certainty == Certainty::Reported
                && !negated
                && frame.denier.is_none()
                && wrapped_by.is_none()
                // A clash or a fight between two sides blames neither.
                && !pattern.reciprocal
                && among.is_none()
                // The speaker is an actor, not words with a place in them ("many in
                // France").
                && frame.claimant.as_ref().is_some_and(|c| c.code.is_some())
                && said < p
                && v.is_under(p, said, 16)
        });
        // "Police clashed with rioters": a clash of a force with a crowd is the force's
        // violent repression (175) and the crowd's riot (145), not a battle.
        let crowd_clash = (pattern.reciprocal && cameo.code == "190")
            .then(|| {
                let crowd = self.patterns.class("crowd").unwrap_or_default();
                let is_crowd = |t: Option<usize>| t.is_some_and(|t| lemma_in(v, t, crowd));
                (is_crowd(source_tok), is_crowd(target_tok))
            })
            .filter(|(source_side, target_side)| source_side != target_side);
        let first_new = out.len();
        for (source, target) in pairs {
            let cameo = match crowd_clash {
                Some((crowd_is_source, _)) => {
                    let from_source_side =
                        source.is_some_and(|s| sources.iter().any(|(_, a)| std::ptr::eq(a, s)));
                    let code = if from_source_side == crowd_is_source {
                        "145"
                    } else {
                        "175"
                    };
                    ontology::lookup(code).unwrap_or(cameo)
                }
                None => cameo,
            };
            let mut target = target;
            if let (Some(s), Some(t)) = (source, target) {
                if same_actor(s, t) {
                    // "Iraqi Kurds demonstrated in Kirkuk", "the Syrian army's shelling
                    // of Homs": a place in the source's own country is no party, but
                    // the event stands, one-sided.
                    let place = t.group.is_none()
                        && t.code.is_some()
                        && t.code == t.country
                        && t.name.as_deref() != Some(t.text.as_str());
                    if among.is_some() || !(locative || place || target_is_place) {
                        continue;
                    }
                    // "The Syrian army shelled Homs", "President Obama expressed sorrow
                    // for the shootings in South Carolina": a state body acting on a
                    // place of its own country is a domestic event with that target.
                    let acted_on = target_is_place || (place && acts_on_place(&pattern.code));
                    if !(acted_on && s.code != t.code && s.group.is_none()) {
                        target = None;
                    }
                }
            }
            out.push(Coded {
                trigger: p,
                wrapper: wrapped_by,
                purpose_of: (v.base_rel(p) == "advcl" && v.is_infinitive_clause(p))
                    .then(|| v.head(p))
                    .flatten(),
                denier: frame.denier.clone(),
                statement,
                event: Event {
                    sentence: v.sentence,
                    sentence_span: doc.sentences[v.sentence].span,
                    trigger: trigger_span,
                    source: source.cloned(),
                    target: target.map(|t| match ontology::root_number(cameo.code) {
                        17..=20 => located_victim(t, victims_place.as_ref()),
                        _ => t.clone(),
                    }),
                    cameo: cameo.code.to_string(),
                    root: cameo.root().to_string(),
                    plover: cameo.plover.map(str::to_string),
                    quad_class: cameo.quad_class(),
                    goldstein: cameo.goldstein,
                    date,
                    date_text: date_text.clone(),
                    location: location.clone(),
                    quantity: quantity.clone(),
                    negated,
                    certainty,
                    claimed_by: frame.claimant.clone(),
                    denied_by: Vec::new(),
                },
            });
        }
        // Hosting is the guest's visit seen from the host: "X received Y" is also
        // Y→X 042.
        if let (true, Some(visit)) = (cameo.code == "043", ontology::lookup("042")) {
            for i in first_new..out.len() {
                let hosted = &out[i];
                if hosted.event.source.is_none() || hosted.event.target.is_none() {
                    continue;
                }
                let mut guest = Coded {
                    trigger: hosted.trigger,
                    wrapper: hosted.wrapper,
                    purpose_of: hosted.purpose_of,
                    denier: hosted.denier.clone(),
                    statement: None,
                    event: hosted.event.clone(),
                };
                let e = &mut guest.event;
                std::mem::swap(&mut e.source, &mut e.target);
                recode(e, visit);
                out.push(guest);
            }
        }
    }

    /// "X said Y attacked Z": besides the attack, claimed by X, X's statement is an
    /// event of its own. Blaming another for force is CAMEO's accusation (112, X→Y);
    /// claiming or admitting one's own use of force is a claim of responsibility (015,
    /// X→Z), while a plain "said it attacked" only reports the act. The statement was
    /// made, so it takes the claim frame and the trigger of the verb of saying, not
    /// those of the act.
    fn statements_about_force(&self, v: &View, coded: &mut Vec<Coded>, start: usize) {
        let end = coded.len();
        for i in start..end {
            let Some(said) = coded[i].statement else {
                continue;
            };
            let act = &coded[i].event;
            let (Some(claimant), Some(doer)) = (
                act.claimed_by.as_ref(),
                act.source.as_ref().filter(|s| s.code.is_some()),
            ) else {
                continue;
            };
            // "Rebels of the Front said they killed ...": a doer named anywhere in the
            // speaker's phrase is the speaker.
            let speaker = self.subject(v, said, 0);
            let in_phrase = |a: &Actor| {
                speaker.is_some_and(|s| {
                    (0..v.n).any(|t| {
                        v.in_noun_phrase(t, s)
                            && v.mention(t).is_some_and(|m| {
                                let named = &v.doc.mentions[m].actor;
                                same_actor(named, a) || named.node_key() == a.node_key()
                            })
                    })
                })
            };
            let own = same_actor(claimant, doer)
                || claimant.node_key() == doer.node_key()
                || in_phrase(doer);
            let (code, target) = match own {
                false => ("112", Some(doer.clone())),
                true if matches!(v.lemma(said), "claim" | "admit" | "acknowledge" | "confirm") => {
                    ("015", act.target.clone())
                }
                true => continue,
            };
            let Some(cameo) = ontology::lookup(code) else {
                continue;
            };
            // "accused Y of attacking Z" has coded the accusation already; two acts
            // of one doer are one accusation.
            let known = coded[start..].iter().any(|c| {
                c.event.cameo == cameo.code
                    && c.event.source.as_ref() == Some(claimant)
                    && c.event.target == target
            });
            if known {
                continue;
            }
            let said_frame = self.frame(v, said);
            let mut event = act.clone();
            event.source = Some(claimant.clone());
            event.target = target;
            recode(&mut event, cameo);
            event.negated = false;
            event.certainty = said_frame.certainty();
            event.claimed_by = said_frame.claimant;
            event.denied_by = Vec::new();
            event.trigger = v.tok(said).span;
            coded.push(Coded {
                trigger: coded[i].trigger,
                wrapper: None,
                denier: said_frame.denier,
                purpose_of: None,
                statement: None,
                event,
            });
        }
    }

    /// Certainty, negation, claimant and denial of the trigger at `p`: its own
    /// modifiers, then the chain of clauses it is embedded in.
    fn frame(&self, v: &View, p: usize) -> Frame {
        let w = &self.words;
        let mut f = Frame::default();
        self.local(v, p, &mut f, true);
        let mut cur = p;
        // Clauses climbed so far; a noun trigger's step up to its verb does not count
        // ("promised to continue aid": the aid is the promise's first clause).
        let mut level = 0;
        // Above a verb that stops the event, only who says so counts.
        let mut stopped = false;
        for _ in 0..8 {
            let Some(h) = v.head(cur) else { break };
            // A word the parser hung on a punctuation mark, which never governs in
            // UD ("says Moscow arms/compound the Taliban ." with "arms" under the
            // full stop), belongs to the clause of the mark's head: reported when
            // that is a verb of saying before it.
            if v.tok(h).upos == Upos::PUNCT {
                if let Some(g) = v.head(h).filter(|&g| g < cur) {
                    if w.say.contains(v.lemma(g)) && !self.negated(v, g) {
                        self.attribute(v, g, &mut f);
                    }
                }
                break;
            }
            let rel = v.rel(cur);
            let head_lemma = v.lemma(h);
            match v.base_rel(cur) {
                "conj" => {
                    cur = h;
                    continue;
                }
                "amod" | "compound" if self.premodified_noun(v, cur).is_some() => {
                    cur = h;
                    continue;
                }
                // "faces pressure to help Iran", "permission to enter": appealed for.
                "acl" if is_appeal_noun(&w.appeal, head_lemma) && v.is_infinitive_clause(cur) => {
                    f.appealed_for = true;
                    break;
                }
                // "expressed willingness to meet": the noun's verb commits to it.
                "acl"
                    if level == 0
                        && v.is_infinitive_clause(cur)
                        && matches!(
                            head_lemma,
                            "willingness"
                                | "readiness"
                                | "desire"
                                | "intention"
                                | "commitment"
                                | "determination"
                                | "pledge"
                                | "promise"
                                | "offer"
                        )
                        && v.rel(h) == "obj"
                        && v.head(h).is_some_and(|g| {
                            matches!(
                                v.lemma(g),
                                "express"
                                    | "voice"
                                    | "signal"
                                    | "reaffirm"
                                    | "reiterate"
                                    | "repeat"
                                    | "show"
                                    | "announce"
                                    | "declare"
                                    | "state"
                                    | "confirm"
                                    | "make"
                            )
                        }) =>
                {
                    // Only when its holder voices it: "rejected a US offer to host"
                    // is a rejection, not a commitment.
                    let verb = v.head(h).unwrap_or(h);
                    f.wrapper = Some((verb, Wrap::Commit));
                    f.intended = false;
                    self.local(v, verb, &mut f, true);
                    level += 1;
                    cur = verb;
                    continue;
                }
                "acl" if w.claim_noun.contains(head_lemma) => {
                    // "reports that Iran armed ...": the report's frame.
                    f.reported = true;
                    cur = h;
                    continue;
                }
                "ccomp" | "xcomp" | "advcl" | "parataxis" | "csubj" | "obj" | "obl" => {}
                _ => break,
            }
            if rel == "advcl" || rel == "ccomp" {
                if let Some(mark) = v.children(cur).find(|&c| v.rel(c) == "mark") {
                    match v.lemma(mark) {
                        "if" | "unless" | "provided" => f.hypothetical = true,
                        "whether" => f.uncertain = true,
                        _ => {}
                    }
                }
            }
            // An event noun shares the clause of the verb that takes it: "will
            // provide aid" is intended, "did not send aid" negated. A verb that
            // stops it does not pass that on: "will not end their strike" is a strike.
            let noun_object =
                cur == p && rel == "obj" && matches!(v.tok(p).upos, Upos::NOUN | Upos::PROPN);
            stopped |= noun_object && is_stopping(head_lemma);
            if noun_object && !stopped {
                self.local(v, h, &mut f, true);
                // "preparing an offensive", "plans a visit": not done yet.
                if w.intend.contains(head_lemma) && head_lemma != "go" {
                    f.intended = true;
                    f.expressed |= is_wish(head_lemma);
                    f.prepared |= head_lemma == "prepare";
                    f.scheduled |= matches!(
                        head_lemma,
                        "schedule" | "set" | "expect" | "try" | "attempt"
                    );
                }
            }
            // "threatened to impose", also when the parser made the clause adverbial.
            let infinitive = v.is_infinitive_clause(cur) && v.base_rel(cur) != "acl";
            let negated_head = self.negated(v, h);
            if w.deny.contains(head_lemma) && !negated_head {
                f.denier = self.speaker(v, h);
                break;
            }
            if cur == p
                && rel == "obj"
                && matches!(v.tok(p).upos, Upos::NOUN | Upos::PROPN)
                && matches!(head_lemma, "order" | "demand")
            {
                f.wrapper = Some((h, Wrap::Order));
                self.local(v, h, &mut f, true);
            }
            let says = w.say.contains(head_lemma) && !negated_head;
            if (says || w.accuse.contains(head_lemma)) && rel != "obj" {
                self.attribute(v, h, &mut f);
            } else if w.verify.contains(head_lemma) && negated_head {
                f.uncertain = true;
            } else if matches!(head_lemma, "clear" | "unclear" | "uncertain" | "unknown") {
                f.uncertain |= negated_head || head_lemma != "clear";
            } else if level == 0
                && v.base_rel(cur) == "csubj"
                && (matches!(head_lemma, "unacceptable" | "unthinkable")
                    || (head_lemma == "question" && v.children(h).any(|c| v.lemma(c) == "out")))
            {
                // "removing the sanctions is out of the question": a refusal.
                f.wrapper = Some((h, Wrap::Refuse));
                f.intended = false;
                self.local(v, h, &mut f, true);
            } else if stopped {
                // "agreed to postpone the demonstration": what is said of the
                // stopping is not said of the event it stops.
            } else if (infinitive || (rel == "ccomp" && head_lemma == "agree"))
                && level == 0
                && w.commit.contains(head_lemma)
            {
                f.wrapper = Some((h, Wrap::Commit));
                f.intended = false;
                f.negated = negated_head;
                self.local(v, h, &mut f, true);
            } else if infinitive && level == 0 && w.threaten.contains(head_lemma) {
                f.wrapper = Some((h, Wrap::Threat));
                f.negated = negated_head;
                self.local(v, h, &mut f, true);
            } else if level == 0
                && v.is_infinitive_clause(cur)
                && (w.appeal.contains(head_lemma)
                    || v.children(h)
                        .any(|o| v.rel(o) == "obj" && is_appeal_noun(&w.appeal, v.lemma(o))))
            {
                // "urged X to ...", "pressured by Y to ...", "faces pressure to ...",
                // "gave permission to X to ...": the appeal is the event.
                f.appealed_for = true;
                break;
            } else if (infinitive || rel == "ccomp")
                && level == 0
                && matches!(head_lemma, "want" | "wish")
                && (v
                    .children(h)
                    .any(|c| matches!(v.rel(c), "obj" | "iobj") && c < cur)
                    || v.child_rel(cur, "nsubj")
                        .is_some_and(|s| v.infinitive_subject(h) == Some(s)))
            {
                // "Obama wants Putin to attack": what one actor wants of another
                // is an appeal, not an event.
                f.appealed_for = true;
                break;
            } else if infinitive && level == 0 && w.refuse.contains(head_lemma) {
                f.wrapper = Some((h, Wrap::Refuse));
                f.intended = false;
                f.negated = negated_head;
                self.local(v, h, &mut f, true);
            } else if (rel == "xcomp" || (infinitive && head_lemma != "go"))
                && (w.intend.contains(head_lemma) || w.commit.contains(head_lemma))
            {
                f.intended = true;
                f.expressed |= w.commit.contains(head_lemma) || is_wish(head_lemma);
                f.prepared |= head_lemma == "prepare";
                // A scheduled event, or an attempt ("tried to hack"), is the act
                // itself, not an announced intent or threat.
                f.scheduled |= matches!(
                    head_lemma,
                    "schedule" | "set" | "expect" | "try" | "attempt"
                );
                f.negated |= negated_head;
            } else if w.claim_noun.contains(head_lemma) {
                f.reported = true;
            }
            if !(cur == p && rel == "obj") {
                level += 1;
            }
            cur = h;
        }
        f
    }

    /// Modality and negation on the clause at `p`; `own` for the trigger's own clause
    /// (auxiliaries and negation count), else only attribution.
    fn local(&self, v: &View, p: usize, f: &mut Frame, own: bool) {
        let w = &self.words;
        for c in v.children(p) {
            let lemma = v.lemma(c);
            match v.base_rel(c) {
                "aux" if own => {
                    if matches!(lemma, "must" | "should") {
                        f.obliged = true;
                    } else if w.future.contains(lemma) {
                        f.intended = true;
                    } else if w.uncertain.contains(lemma) {
                        f.uncertain = true;
                    }
                }
                "advmod" | "neg" => {
                    if own && w.negator.contains(lemma) {
                        f.negated = true;
                    } else if w.uncertain.contains(lemma) {
                        f.uncertain = true;
                    }
                }
                // "..., a U.S. official said" that the parser hung as an adverbial
                // clause: a finite verb of saying with its own subject and no
                // subordinator ("after officials said" is not an attribution).
                "advcl"
                    if c > p
                        && w.say.contains(lemma)
                        && matches!(v.tok(c).xpos.as_str(), "VBD" | "VBZ" | "VBP")
                        && v.children(c).any(|d| v.rel(d) == "nsubj")
                        && !v.children(c).any(|d| matches!(v.rel(d), "mark" | "cc"))
                        && !self.negated(v, c) =>
                {
                    self.attribute(v, c, f);
                }
                // "will withdraw unless ...": an ultimatum; "may halt mediation if
                // ...": a condition, a threat when the act is coercive.
                "advcl" if own => {
                    for m in v.children(c).filter(|&m| v.rel(m) == "mark") {
                        match v.lemma(m) {
                            "unless" => f.ultimatum = true,
                            "if" => f.conditioned = true,
                            _ => {}
                        }
                    }
                }
                "mark" if own && w.conditional.contains(lemma) => {
                    if lemma == "whether" {
                        f.uncertain = true;
                    } else {
                        f.hypothetical = true;
                    }
                }
                "obj" | "nsubj" | "nsubj:pass"
                    if own
                        && v.children(c)
                            .any(|d| v.rel(d) == "det" && v.lemma(d) == "no") =>
                {
                    f.negated = true;
                }
                "det" if own && lemma == "no" => f.negated = true,
                "obl" | "nmod" if lemma == "according" || v.case_of(c) == Some("according") => {
                    f.reported = true;
                    if f.claimant.is_none() {
                        f.claimant = Some(self.claimant_actor(v, c));
                    }
                }
                "parataxis" if w.say.contains(lemma) && !self.negated(v, c) => {
                    self.attribute(v, c, f);
                }
                // "..., officials said" that the parser joined as a conjunct: no "and"
                // before it, so it is an attribution, not a second event.
                "conj"
                    if c > p
                        && w.say.contains(lemma)
                        && !v.children(c).any(|d| v.rel(d) == "cc")
                        && !self.negated(v, c) =>
                {
                    self.attribute(v, c, f);
                }
                _ => {}
            }
        }
    }

    fn negated(&self, v: &View, p: usize) -> bool {
        v.children(p).any(|c| {
            matches!(v.base_rel(c), "advmod" | "neg") && self.words.negator.contains(v.lemma(c))
        })
    }

    /// Who a verb of saying or denying attributes to: its subject as an actor.
    fn speaker(&self, v: &View, h: usize) -> Option<Actor> {
        let s = self.subject(v, h, 0)?;
        Some(self.claimant_actor(v, s))
    }

    /// The clause under the verb of saying `h` is reported by its subject; hedged when
    /// the verb or its subject is ("reportedly said", "unverified reports say").
    fn attribute(&self, v: &View, h: usize, f: &mut Frame) {
        f.reported = true;
        if let Some(s) = self.subject(v, h, 0) {
            if v.children(s)
                .any(|c| v.rel(c) == "amod" && self.words.unverified.contains(v.lemma(c)))
            {
                f.uncertain = true;
            }
            if f.claimant.is_none() {
                f.claimant = Some(self.claimant_actor(v, s));
                f.said = Some(h);
            }
        }
        self.local(v, h, f, false);
    }

    /// The actor for a claimant phrase: its mention; the outlet for "the newspaper";
    /// a country-only actor for "a U.S. official"; else just the words.
    fn claimant_actor(&self, v: &View, t: usize) -> Actor {
        // "The Observatory, a UK-based group that ..., said" read as a copular clause
        // ("the Observatory [is] a group"): the speaker is the named subject.
        if matches!(v.tok(t).upos, Upos::NOUN | Upos::PROPN) {
            if let Some(named) = v
                .children(t)
                .find(|&c| c < t && v.rel(c) == "nsubj" && v.mention(c).is_some())
            {
                return self.claimant_actor(v, named);
            }
        }
        if let Some(m) = v.mention(t) {
            let actor = &v.doc.mentions[m].actor;
            // A bare agent takes its country from its phrase as a source does ("the
            // commander of U.S. forces"): the claimant is then the same actor as the
            // source of the accusation it makes.
            if actor.country.is_none() {
                let mut found = Vec::new();
                self.actors(v, t, NO_TOKEN, &mut found);
                if let Some((_, placed)) = found.into_iter().find(|(_, a)| a.country.is_some()) {
                    return placed;
                }
            }
            return actor.clone();
        }
        if self.words.outlet.contains(v.lemma(t)) {
            if let Some(outlet) = &v.doc.outlet {
                return Actor {
                    text: outlet.clone(),
                    name: Some(outlet.clone()),
                    ..Actor::default()
                };
            }
        }
        let span = self.phrase_span(v, t);
        let text = v.doc.slice(span).to_string();
        match self.mention_in(v, t, NO_TOKEN, 0) {
            Some(m) => Actor {
                text,
                country: v.doc.mentions[m].actor.country.clone(),
                ..Actor::default()
            },
            None => Actor {
                text,
                ..Actor::default()
            },
        }
    }

    /// The noun phrase of `t` without clauses: determiners, modifiers, names.
    fn phrase_span(&self, v: &View, t: usize) -> Span {
        let mut span = v.tok(t).span;
        for c in v.children(t) {
            if matches!(
                v.rel(c),
                "det" | "amod" | "compound" | "flat" | "nmod:poss" | "nummod" | "case"
            ) && !(v.rel(c) == "case" && c > t)
            {
                span = span.cover(self.phrase_span(v, c));
            }
        }
        span
    }
}

/// Whether two actors are one party, so that an event between them says nothing: the
/// same code, or one code inside the other ("USA" and "USAGOV"). A state's government
/// and its opposition, rebels or police ("GEOGOV", "GEOOPP") are different parties, and
/// so are two different groups, or a group and a state whose codes it extends (a
/// Chadian militia "TCDMILRHB" attacking "TCDMIL").
fn same_actor(a: &Actor, b: &Actor) -> bool {
    if a.group != b.group {
        return false;
    }
    match (a.code.as_deref(), b.code.as_deref()) {
        (Some(x), Some(y)) if !x.is_empty() && !y.is_empty() => {
            x.starts_with(y) || y.starts_with(x)
        }
        _ => a.node_key() == b.node_key(),
    }
}

/// The target of violence that is a bare agent ("four children", "civilians") is of
/// the country where it happened: "children killed in the Gaza Strip" are `PSECVL`.
fn located_victim(actor: &Actor, location: Option<&Location>) -> Actor {
    let sector = match actor.code.as_deref().and_then(|c| c.strip_prefix("---")) {
        Some(sector) if actor.country.is_none() && actor.group.is_none() => sector,
        _ => return actor.clone(),
    };
    match location.and_then(|l| l.country.as_deref()) {
        Some(country) => Actor {
            code: Some(format!("{country}{sector}")),
            country: Some(country.to_string()),
            sector: actor.sector.clone().or_else(|| Some(sector.to_string())),
            ..actor.clone()
        },
        None => actor.clone(),
    }
}

/// UD v1 relation names (older parsers and gold files) in their v2 spelling.
fn universal_v2(rel: &str) -> &str {
    match rel {
        "dobj" => "obj",
        "nsubjpass" => "nsubj:pass",
        "auxpass" => "aux:pass",
        "csubjpass" => "csubj:pass",
        "nmod:agent" => "obl:agent",
        "name" => "flat",
        "mwe" => "fixed",
        other => other,
    }
}

/// Codes for acts done to a place, which target its country when no actor is named:
/// violence (17x-20x), investigation (09x), claims of responsibility (015) and
/// condolences (018) for what happened there, and aid other than arms (07x).
fn acts_on_place(code: &str) -> bool {
    matches!(ontology::root_number(code), 9 | 17..=20)
        || matches!(code, "015" | "018")
        || (code.starts_with("07") && code != "072")
}

fn is_locative(case: Option<&str>) -> bool {
    matches!(
        case,
        Some("in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "around")
    )
}

/// A place as a target actor: its country, with the place's name, so a place in the
/// source's own country counts as no party (see `same_actor` in `emit`).
fn place_actor(location: &Location, words: String) -> Option<Actor> {
    let country = location.country.clone()?;
    Some(Actor {
        text: words,
        name: Some(location.name.clone()),
        code: Some(country.clone()),
        country: Some(country),
        ..Actor::default()
    })
}

/// A verb that stops or puts off the event named by its object ("end their strike").
fn is_stopping(lemma: &str) -> bool {
    matches!(
        lemma,
        "end" | "stop" | "halt" | "suspend" | "postpone" | "cancel" | "abandon"
    )
}

/// A verb of wishing: "wants to help" voices the subject's stance, a verbal act,
/// where "plans to help" announces a plan.
fn is_wish(lemma: &str) -> bool {
    matches!(lemma, "want" | "wish" | "hope")
}

/// A noun that names an appeal: the appeal verbs' nouns ("pressure", "call",
/// "request") and what an appeal grants ("permission").
fn is_appeal_noun(appeal: &HashSet<String>, lemma: &str) -> bool {
    appeal.contains(lemma) || matches!(lemma, "permission" | "plea" | "invitation" | "order")
}

/// Whether the lemma at `t` is in `list`, also as a two-word "modifier lemma" entry.
fn lemma_in(v: &View, t: usize, list: &[String]) -> bool {
    let lemma = v.lemma(t);
    list.iter().any(|entry| {
        entry == lemma
            || entry.rsplit_once(' ').is_some_and(|(modifier, head)| {
                head == lemma
                    && v.children(t)
                        .any(|c| matches!(v.rel(c), "compound" | "amod") && v.lemma(c) == modifier)
            })
    })
}

/// The codes CAMEO gives an intent (03x), a refusal (12x) or a demand (10x) for each
/// family of cooperation: one table per wrapper, since the three run in parallel.
struct Parallel {
    /// Meetings and talks (04x except mediation).
    meet: &'static str,
    mediate: &'static str,
    /// Diplomatic cooperation (05x).
    diplomatic: &'static str,
    /// Bases for the families whose subcodes carry over digit for digit: material
    /// cooperation (061-064), aid (071-074) and yielding (see [`yield_digit`]).
    material: &'static str,
    aid: &'static str,
    yielding: &'static str,
    /// What any other wrapped code becomes, if anything.
    other: Option<&'static str>,
}

const COMMIT: Parallel = Parallel {
    meet: "036",
    mediate: "039",
    diplomatic: "032",
    material: "031",
    aid: "033",
    yielding: "035",
    other: None,
};
// "refused to deploy troops": a rejection, not specified further.
const REFUSE: Parallel = Parallel {
    meet: "125",
    mediate: "126",
    diplomatic: "120",
    material: "121",
    aid: "122",
    yielding: "124",
    other: Some("120"),
};
const DEMAND: Parallel = Parallel {
    meet: "106",
    mediate: "108",
    diplomatic: "102",
    material: "101",
    aid: "103",
    yielding: "105",
    other: Some("100"),
};

/// The subcode digit a yielding code (08x) keeps under a wrapper: ease administrative
/// sanctions 1, popular dissent 2, release 3, economic sanctions 4, allow international
/// involvement 5, de-escalate 6.
fn yield_digit(code: &str) -> Option<char> {
    match code {
        "081" => Some('1'),
        "082" => Some('2'),
        "084" | "0841" | "0842" => Some('3'),
        "085" => Some('4'),
        "086" => Some('5'),
        c if c.starts_with("087") => Some('6'),
        _ => None,
    }
}

/// A cooperation code under a parallel wrapper, before it is checked against CAMEO.
fn parallel_code(code: &str, table: &Parallel) -> Option<String> {
    let with_digit = |base: &str, digit: Option<char>| {
        let mut c = base.to_string();
        c.extend(digit);
        c
    };
    // The subcode digit of "061".."064" and "071".."074".
    let own_digit = code
        .chars()
        .nth(2)
        .filter(|d| code.len() == 3 && ('1'..='4').contains(d));
    Some(match code {
        "045" => table.mediate.to_string(),
        c if c.starts_with("04") => table.meet.to_string(),
        c if c.starts_with("05") => table.diplomatic.to_string(),
        c if c.starts_with("06") => with_digit(table.material, own_digit),
        c if c.starts_with("07") => with_digit(table.aid, own_digit),
        c if c.starts_with("08") => with_digit(table.yielding, yield_digit(c)),
        _ => table.other?.to_string(),
    })
}

/// The CAMEO code for an event under "agreed/pledged to ..." (03x), "refused to ..."
/// (12x), "demanded ..." (10x) or "threatened to ..." (13x), when CAMEO has one.
fn wrapped_code(code: &str, wrap: Wrap) -> Option<&'static str> {
    let c = match wrap {
        Wrap::Commit => match code {
            // Already an intent to meet.
            "036" => "036".to_string(),
            // Signing a formal agreement, intended, is a general intent to cooperate.
            "057" => "030".to_string(),
            // Consultation in general has no intent code of its own.
            "04" => return None,
            _ => parallel_code(code, &COMMIT)?,
        },
        Wrap::Refuse => parallel_code(code, &REFUSE)?,
        Wrap::Demand | Wrap::Order => parallel_code(code, &DEMAND)?,
        Wrap::Threat => match code {
            "161" => "1313",
            "162" | "1621" | "1622" | "1623" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            c if c.starts_with("166") => "136",
            "172" | "1721" => "132",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            "175" => "137",
            "191" => "1381",
            "192" => "1382",
            c if c.starts_with("18") => "1383",
            c if c.starts_with("20") => "1385",
            "190" => "138",
            c if c.starts_with("19") => "1384",
            c if c.starts_with("14") => "133",
            _ => "130",
        }
        .to_string(),
    };
    ontology::lookup(&c).map(|c| c.code)
}

/// Gives `event` the code `cameo` and what follows from it (root, PLOVER category,
/// quad class, Goldstein value).
fn recode(event: &mut Event, cameo: &ontology::CameoCode) {
    event.cameo = cameo.code.to_string();
    event.root = cameo.root().to_string();
    event.plover = cameo.plover.map(str::to_string);
    event.quad_class = cameo.quad_class();
    event.goldstein = cameo.goldstein;
}

/// Fills the sentence's children index and lowercased lemmas.
fn prepare(s: &mut Scratch, doc: &Document, first: usize, n: usize, accuse: &HashSet<String>) {
    let tokens = &doc.tokens[first..first + n];
    s.lemmas.clear();
    s.lemma_end.clear();
    for t in tokens {
        let lemma = if t.lemma.is_empty() || t.lemma == "_" {
            &doc.text[t.span.range()]
        } else {
            t.lemma.as_str()
        };
        for ch in lemma.chars() {
            s.lemmas.extend(ch.to_lowercase());
        }
        s.lemma_end.push(s.lemmas.len() as u32);
    }
    s.heads.clear();
    s.heads.extend(
        tokens
            .iter()
            .map(|t| t.head.filter(|&h| (h as usize) < n).unwrap_or(u32::MAX)),
    );
    mend_accusation_gerunds(s, tokens, accuse);
    s.child_start.clear();
    s.child_start.resize(n + 1, 0);
    for &h in &s.heads {
        if (h as usize) < n {
            s.child_start[h as usize + 1] += 1;
        }
    }
    for i in 0..n {
        s.child_start[i + 1] += s.child_start[i];
    }
    s.child_list.clear();
    s.child_list.resize(s.child_start[n] as usize, 0);
    s.fill.clear();
    s.fill.extend_from_slice(&s.child_start[..n]);
    for (i, &h) in s.heads.iter().enumerate() {
        if (h as usize) < n {
            s.child_list[s.fill[h as usize] as usize] = i as u32;
            s.fill[h as usize] += 1;
        }
    }
    s.consumed.clear();
    s.consumed.resize(n, false);
}

/// "accused Russia on Friday of supplying/advcl weapons ..., saying ... had brought":
/// a gerund with "of" that the parser hung on a later verb belongs to the verb of
/// accusing before it that has an object before the gerund, as its complement.
fn mend_accusation_gerunds(
    s: &mut Scratch,
    tokens: &[dyad_model::Token],
    accuse: &HashSet<String>,
) {
    for i in 0..tokens.len() {
        let rightward = (s.heads[i] as usize) < tokens.len() && s.heads[i] as usize > i;
        if tokens[i].xpos != "VBG" || !rightward {
            continue;
        }
        let of_mark = (0..tokens.len()).any(|m| {
            s.heads[m] as usize == i
                && universal_v2(&tokens[m].deprel) == "mark"
                && s.lemma(m) == "of"
        });
        if !of_mark {
            continue;
        }
        let host = (0..i).rev().find(|&a| {
            tokens[a].upos == Upos::VERB
                && accuse.contains(s.lemma(a))
                && (a + 1..i)
                    .any(|o| s.heads[o] as usize == a && universal_v2(&tokens[o].deprel) == "obj")
        });
        if let Some(a) = host {
            s.heads[i] = a as u32;
        }
    }
}

/// Within one sentence: drop the wrapper verb's own event when it wraps another
/// ("threatened to attack" is one 138, not also 130), and exact duplicates.
fn drop_wrapped_and_duplicates(coded: &mut Vec<Coded>, start: usize) {
    let mut i = start;
    while i < coded.len() {
        let c = &coded[i];
        let is_wrapper =
            c.wrapper.is_none() && coded[start..].iter().any(|o| o.wrapper == Some(c.trigger));
        let duplicate = coded[start..i].iter().any(|o| {
            o.event.cameo == c.event.cameo
                && o.event.source == c.event.source
                && o.event.target == c.event.target
        });
        // "met with Y to discuss": the target-less "discuss" adds nothing.
        let subsumed = c.event.target.is_none()
            && coded[start..].iter().any(|o| {
                o.event.target.is_some()
                    && o.event.root == c.event.root
                    && o.event.source == c.event.source
            });
        // "will meet in Zurich to discuss trade": the talks are the meeting.
        let meeting_purpose = c.event.root == "04"
            && coded[start..].iter().any(|o| {
                Some(o.trigger) == c.purpose_of
                    && matches!(o.event.root.as_str(), "03" | "04")
                    && o.event.source == c.event.source
            });
        if is_wrapper || duplicate || subsumed || meeting_purpose {
            coded.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Links each denied event to the claims it denies in the document: those get the
/// denier in `denied_by`. A denial that matches no other claim stays as an uncertain
/// event carrying its denier, never as an asserted one.
fn link_denials(coded: Vec<Coded>) -> Vec<Event> {
    let (denied, kept): (Vec<Coded>, Vec<Coded>) =
        coded.into_iter().partition(|c| c.denier.is_some());
    let mut events: Vec<Event> = kept.into_iter().map(|c| c.event).collect();
    let mut unmatched = Vec::new();
    for d in denied {
        let Some(denier) = d.denier else { continue };
        let mut linked = false;
        for e in events.iter_mut() {
            if same_claim(e, &d.event) {
                if !e.denied_by.contains(&denier) {
                    e.denied_by.push(denier.clone());
                }
                linked = true;
            }
        }
        if !linked {
            let mut e = d.event;
            if matches!(e.certainty, Certainty::Asserted | Certainty::Reported) {
                e.certainty = Certainty::Uncertain;
            }
            e.denied_by.push(denier);
            unmatched.push(e);
        }
    }
    events.extend(unmatched);
    events.sort_by_key(|e| (e.sentence, e.trigger.start));
    events
}

/// Whether `claim` is what `denial` denies: same root, and the same actors wherever
/// the denial names them.
fn same_claim(claim: &Event, denial: &Event) -> bool {
    let fits = |d: &Option<Actor>, c: &Option<Actor>| match (d, c) {
        (None, _) => true,
        (Some(d), Some(c)) => d.node_key() == c.node_key(),
        (Some(_), None) => false,
    };
    claim.root == denial.root
        && fits(&denial.source, &claim.source)
        && fits(&denial.target, &claim.target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_codes_follow_cameos_parallel_subcodes() {
        let cases = [
            ("072", Wrap::Commit, Some("0332")),
            ("072", Wrap::Refuse, Some("1222")),
            ("072", Wrap::Demand, Some("1032")),
            ("0841", Wrap::Commit, Some("0353")),
            ("087", Wrap::Refuse, Some("1246")),
            ("057", Wrap::Commit, Some("030")),
            ("04", Wrap::Commit, None),
            ("190", Wrap::Commit, None),
            ("190", Wrap::Refuse, Some("120")),
            // Mediation has codes of its own under every wrapper.
            ("045", Wrap::Commit, Some("039")),
            ("045", Wrap::Refuse, Some("126")),
            ("045", Wrap::Demand, Some("108")),
            ("081", Wrap::Demand, Some("1051")),
            ("082", Wrap::Order, Some("1052")),
            ("1721", Wrap::Threat, Some("132")),
        ];
        for (code, wrap, expected) in cases {
            assert_eq!(wrapped_code(code, wrap), expected, "{code}");
        }
    }
}
