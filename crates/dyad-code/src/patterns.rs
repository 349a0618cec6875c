//! The pattern dictionary: which verbs and nouns, with which arguments, code which
//! CAMEO event. The format is documented in `docs/patterns.md`; the shipped
//! dictionary is `patterns/*.txt`, compiled into the binary.

use std::collections::HashMap;
use thiserror::Error;

/// The shipped dictionary files, in load order.
const SHIPPED: &[(&str, &str)] = &[
    ("classes.txt", include_str!("../patterns/classes.txt")),
    (
        "cooperation.txt",
        include_str!("../patterns/cooperation.txt"),
    ),
    ("conflict.txt", include_str!("../patterns/conflict.txt")),
];

#[derive(Debug, Error, PartialEq)]
pub enum PatternError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
}

/// A grammatical slot of a verb or event noun, found on the dependency parse.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Logical subject: `nsubj`, or the `by` agent of a passive.
    Subject,
    /// Logical object: `obj`, or the `nsubj:pass` of a passive.
    Object,
    /// Indirect object (`iobj`).
    Indirect,
    /// Possessor of a noun (`nmod:poss`): "Iran's support".
    Possessor,
    /// An oblique (`obl`, or `nmod` on nouns) introduced by this preposition.
    Prep(String),
    /// Open clausal complement (`xcomp`): "agreed to meet".
    Xcomp,
    /// Clausal complement (`ccomp`): "said that ...".
    Ccomp,
    /// A noun modifier (`compound`, `amod`): "air" in "air strike".
    Modifier,
    /// The subject of the clausal complement: "France" in "alleged that France ...".
    ClauseSubject,
}

impl Slot {
    fn parse(s: &str) -> Slot {
        match s {
            "subj" => Slot::Subject,
            "obj" => Slot::Object,
            "iobj" => Slot::Indirect,
            "poss" => Slot::Possessor,
            "xcomp" => Slot::Xcomp,
            "ccomp" => Slot::Ccomp,
            "mod" => Slot::Modifier,
            "that" => Slot::ClauseSubject,
            prep => Slot::Prep(prep.replace('_', " ")),
        }
    }
}

/// What must fill a slot for a pattern to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filler {
    /// Anything.
    Any,
    /// The slot must be empty.
    Absent,
    /// The head lemma of the slot is one of these (word classes expanded).
    Lemmas(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    pub slot: Slot,
    pub filler: Filler,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Verb,
    Noun,
}

/// One line of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub kind: Kind,
    pub lemma: String,
    /// A verb particle (`compound:prt`), e.g. "over" in "hand over".
    pub particle: Option<String>,
    pub conditions: Vec<Condition>,
    /// Where the source is; `None` means the default (subject for verbs; possessor, `by`
    /// phrase or the governing verb's subject for nouns).
    pub source: Option<Slot>,
    /// Where the target is; `None` means the event has no target.
    pub target: Option<Slot>,
    /// The event goes both ways (`<>`): "held talks with Y" is also Y's talks with X.
    pub reciprocal: bool,
    pub code: String,
    /// `file:line`, for explanations and errors.
    pub origin: String,
}

impl Pattern {
    /// Everything that decides whether and how the pattern matches, in a canonical
    /// order: two patterns of one shape score alike, so the earlier always wins.
    fn shape(&self) -> String {
        let mut conditions: Vec<String> = self
            .conditions
            .iter()
            .map(|c| format!("{:?}={:?}", c.slot, c.filler))
            .collect();
        conditions.sort();
        format!(
            "{:?} {} {:?} {conditions:?} {:?} {:?} {}",
            self.kind, self.lemma, self.particle, self.source, self.target, self.reciprocal
        )
    }
}

/// The parsed dictionary, indexed by lemma.
#[derive(Debug)]
pub struct Patterns {
    patterns: Vec<Pattern>,
    verbs: HashMap<String, Vec<usize>>,
    nouns: HashMap<String, Vec<usize>>,
    classes: HashMap<String, Vec<String>>,
    /// Where each pattern shape (everything but the code) was first defined: a later
    /// line with the same shape could never win a tie, so it is an error.
    shapes: HashMap<String, String>,
}

impl Patterns {
    /// The dictionary shipped with dyad.
    pub fn shipped() -> Patterns {
        Patterns::parse_files(SHIPPED).expect("shipped patterns are valid")
    }

    /// Parses dictionary files given as `(name, text)` pairs; later files may use word
    /// classes defined in earlier ones.
    pub fn parse_files(files: &[(&str, &str)]) -> Result<Patterns, PatternError> {
        let mut out = Patterns {
            patterns: Vec::new(),
            verbs: HashMap::new(),
            nouns: HashMap::new(),
            classes: HashMap::new(),
            shapes: HashMap::new(),
        };
        for (file, text) in files {
            for (n, raw) in text.lines().enumerate() {
                let line = raw.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                out.parse_line(line, file, n + 1)
                    .map_err(|message| PatternError::Syntax {
                        file: file.to_string(),
                        line: n + 1,
                        message,
                    })?;
            }
        }
        Ok(out)
    }

    fn parse_line(&mut self, line: &str, file: &str, n: usize) -> Result<(), String> {
        let mut words = line.split_whitespace();
        let head = words.next().unwrap_or("");
        if let Some(class) = head.strip_prefix('@') {
            let members: Vec<String> = words.map(|w| w.replace('_', " ")).collect();
            if members.is_empty() {
                return Err(format!("word class @{class} has no members"));
            }
            self.classes
                .entry(class.to_string())
                .or_default()
                .extend(members);
            return Ok(());
        }
        let kind = match head {
            "V" => Kind::Verb,
            "N" => Kind::Noun,
            other => return Err(format!("expected V, N or @class, found {other:?}")),
        };
        let word = words.next().ok_or("missing lemma")?;
        let (lemma, particle) = match word.split_once('+') {
            Some((l, p)) => (l.replace('_', " "), Some(p.to_string())),
            None => (word.replace('_', " "), None),
        };
        let mut pattern = Pattern {
            kind,
            lemma,
            particle,
            conditions: Vec::new(),
            source: None,
            target: None,
            reciprocal: false,
            code: String::new(),
            origin: format!("{file}:{n}"),
        };
        for w in words {
            if w == "<>" {
                pattern.reciprocal = true;
            } else if let Some(slot) = w.strip_prefix('>') {
                pattern.target = Some(Slot::parse(slot));
            } else if let Some(slot) = w.strip_prefix('<') {
                pattern.source = Some(Slot::parse(slot));
            } else if let Some((slot, value)) = w.split_once('=') {
                let filler = match value {
                    "" => return Err(format!("empty value in {w:?}")),
                    "*" => Filler::Any,
                    "-" => Filler::Absent,
                    v => Filler::Lemmas(self.expand(v)?),
                };
                pattern.conditions.push(Condition {
                    slot: Slot::parse(slot),
                    filler,
                });
            } else if w.bytes().all(|b| b.is_ascii_digit()) {
                if crate::ontology::lookup(w).is_none() {
                    return Err(format!("{w} is not a CAMEO code"));
                }
                pattern.code = w.to_string();
            } else {
                return Err(format!("cannot read {w:?}"));
            }
        }
        if pattern.code.is_empty() {
            return Err("missing CAMEO code".into());
        }
        let shape = pattern.shape();
        if let Some(first) = self.shapes.get(&shape) {
            return Err(format!(
                "same verb or noun, conditions and slots as {first}, which always wins"
            ));
        }
        self.shapes.insert(shape, pattern.origin.clone());
        let index = match kind {
            Kind::Verb => &mut self.verbs,
            Kind::Noun => &mut self.nouns,
        };
        index
            .entry(pattern.lemma.clone())
            .or_default()
            .push(self.patterns.len());
        self.patterns.push(pattern);
        Ok(())
    }

    /// `a|b|@class` into the list of lemmas.
    fn expand(&self, value: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for alt in value.split('|') {
            match alt.strip_prefix('@') {
                Some(class) => out.extend(
                    self.class(class)
                        .ok_or_else(|| format!("unknown word class @{class}"))?
                        .iter()
                        .cloned(),
                ),
                None => out.push(alt.replace('_', " ")),
            }
        }
        Ok(out)
    }

    /// The members of a word class.
    pub fn class(&self, name: &str) -> Option<&[String]> {
        self.classes.get(name).map(Vec::as_slice)
    }

    /// Patterns of a verb lemma, in dictionary order.
    pub fn verb(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.of(Kind::Verb, lemma)
    }

    /// Patterns of a noun lemma, in dictionary order.
    pub fn noun(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.of(Kind::Noun, lemma)
    }

    /// Patterns of a verb or noun lemma, in dictionary order.
    pub fn of(&self, kind: Kind, lemma: &str) -> impl Iterator<Item = &Pattern> {
        let index = match kind {
            Kind::Verb => &self.verbs,
            Kind::Noun => &self.nouns,
        };
        self.lookup(index, lemma)
    }

    fn lookup<'a>(
        &'a self,
        index: &'a HashMap<String, Vec<usize>>,
        lemma: &str,
    ) -> impl Iterator<Item = &'a Pattern> {
        index
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_format() {
        let p = Patterns::parse_files(&[(
            "t.txt",
            "@arms weapon rifle  # small arms\nV supply obj=@arms|tank >to 072\nV hand+over obj=* >to <subj 070\nN talks >with <> 040\n",
        )])
        .unwrap();
        assert_eq!(p.len(), 3);
        let supply = p.verb("supply").next().unwrap();
        assert_eq!(supply.code, "072");
        assert_eq!(supply.target, Some(Slot::Prep("to".into())));
        assert_eq!(
            supply.conditions[0].filler,
            Filler::Lemmas(vec!["weapon".into(), "rifle".into(), "tank".into()])
        );
        let hand = p.verb("hand").next().unwrap();
        assert_eq!(hand.particle.as_deref(), Some("over"));
        assert_eq!(hand.source, Some(Slot::Subject));
        let talks = p.noun("talks").next().unwrap();
        assert_eq!(talks.origin, "t.txt:4");
        assert!(talks.reciprocal && !supply.reciprocal);
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = Patterns::parse_files(&[("bad.txt", "V supply >to\n")]).unwrap_err();
        assert_eq!(err.to_string(), "bad.txt:1: missing CAMEO code");
        let err = Patterns::parse_files(&[("bad.txt", "\nV arm obj=@nope 072\n")]).unwrap_err();
        assert_eq!(err.to_string(), "bad.txt:2: unknown word class @nope");
        let err = Patterns::parse_files(&[("bad.txt", "V arm 999\n")]).unwrap_err();
        assert_eq!(err.to_string(), "bad.txt:1: 999 is not a CAMEO code");
        let err = Patterns::parse_files(&[
            ("a.txt", "V sign obj=pact >with 057\n"),
            ("b.txt", "\nV sign >with obj=pact 0871\n"),
        ])
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt:2: same verb or noun, conditions and slots as a.txt:1, which always wins"
        );
    }

    #[test]
    fn shipped_dictionary_covers_every_root() {
        let p = Patterns::shipped();
        for root in 1..=20u8 {
            let r = format!("{root:02}");
            assert!(
                p.iter().any(|pat| pat.code.starts_with(&r)),
                "no pattern for root {r}"
            );
        }
        for class in ["say", "deny", "accuse", "intend", "commit", "uncertain"] {
            assert!(p.class(class).is_some(), "class @{class} missing");
        }
    }
}
