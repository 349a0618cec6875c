//! Lemmatiser: a (form, XPOS) lookup table learnt from the treebank, then a table of
//! irregular verbs, then suffix rules that prefer a lemma seen in training.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over the key's bytes: keys are short words from a fixed table, so the
/// flooding resistance of the default hasher buys nothing and costs time per token.
pub(crate) struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvBuild = BuildHasherDefault<FnvHasher>;

#[derive(Default)]
pub(crate) struct Lemmatizer {
    /// "lowercased form\tXPOS" -> lemma.
    pub table: HashMap<String, String, FnvBuild>,
    /// Every lemma seen in training, lowercased: candidates found here win.
    pub known: HashSet<String, FnvBuild>,
}

/// Past tenses and participles of common irregular verbs, with their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("went", "go"),
    ("gone", "go"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("made", "make"),
    ("said", "say"),
    ("told", "tell"),
    ("saw", "see"),
    ("seen", "see"),
    ("came", "come"),
    ("knew", "know"),
    ("known", "know"),
    ("got", "get"),
    ("gotten", "get"),
    ("found", "find"),
    ("thought", "think"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("held", "hold"),
    ("left", "leave"),
    ("met", "meet"),
    ("sent", "send"),
    ("spent", "spend"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("fought", "fight"),
    ("led", "lead"),
    ("won", "win"),
    ("lost", "lose"),
    ("began", "begin"),
    ("begun", "begin"),
    ("ran", "run"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("shot", "shoot"),
    ("struck", "strike"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("broke", "break"),
    ("broken", "break"),
    ("forgot", "forget"),
    ("kept", "keep"),
    ("built", "build"),
    ("felt", "feel"),
    ("stood", "stand"),
    ("understood", "understand"),
    ("sat", "sit"),
    ("became", "become"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("is", "be"),
    ("are", "be"),
    ("am", "be"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("done", "do"),
    ("does", "do"),
    ("seized", "seize"),
    ("fled", "flee"),
    ("sought", "seek"),
    ("slain", "slay"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("beat", "beat"),
    ("beaten", "beat"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("lay", "lie"),
    ("lain", "lie"),
    ("laid", "lay"),
    ("meant", "mean"),
    ("dealt", "deal"),
    ("taught", "teach"),
    ("caught", "catch"),
    ("heard", "hear"),
    ("hung", "hang"),
    ("lent", "lend"),
    ("fed", "feed"),
    ("bled", "bleed"),
    ("bred", "breed"),
    ("sped", "speed"),
    ("stuck", "stick"),
    ("swept", "sweep"),
    ("slept", "sleep"),
    ("wept", "weep"),
    ("spun", "spin"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("rang", "ring"),
    ("rung", "ring"),
    ("sang", "sing"),
    ("sung", "sing"),
    ("drank", "drink"),
    ("drunk", "drink"),
    ("swam", "swim"),
    ("swum", "swim"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("foresaw", "foresee"),
    ("foreseen", "foresee"),
];

const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

/// The bases a stem left by "-ed" or "-ing" may come from, most likely first: with a
/// doubled final consonant undone ("stopp" → "stop"), with an "e" restored ("hop" →
/// "hope"), and as it is.
fn verb_stem_bases(stem: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = stem.chars().rev();
    let undoubled = match (chars.next(), chars.next()) {
        (Some(last), Some(before)) if last == before && "bgmnprt".contains(last) => {
            Some(stem[..stem.len() - last.len_utf8()].to_string())
        }
        _ => None,
    };
    undoubled
        .into_iter()
        .chain([format!("{stem}e"), stem.to_string()])
}

/// Candidate lemmas of an inflected lowercase form, most likely first.
fn candidates(lower: &str, xpos: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    let strip = |suffix: &str| lower.strip_suffix(suffix).filter(|s| s.len() >= 2);
    match xpos {
        "NNS" | "VBZ" => {
            if let Some(stem) = strip("ies") {
                push(format!("{stem}y"));
            }
            for suffix in ["ches", "shes", "sses", "xes", "zes", "oes"] {
                if let Some(stem) = strip(suffix) {
                    push(format!("{stem}{}", &suffix[..suffix.len() - 2]));
                }
            }
            if let Some(stem) = strip("s") {
                if !stem.ends_with('s') || stem.ends_with("ss") {
                    push(stem.to_string());
                }
            }
        }
        "VBD" | "VBN" => {
            if let Some(stem) = strip("ied") {
                push(format!("{stem}y"));
            }
            if let Some(stem) = strip("ed") {
                for base in verb_stem_bases(stem) {
                    push(base);
                }
            }
            if let Some(stem) = strip("d") {
                if stem.ends_with('e') {
                    push(stem.to_string());
                }
            }
        }
        "VBG" => {
            if let Some(stem) = strip("ing") {
                for base in verb_stem_bases(stem) {
                    push(base);
                }
            }
        }
        "JJR" | "RBR" => {
            if let Some(stem) = strip("ier") {
                push(format!("{stem}y"));
            }
            if let Some(stem) = strip("er") {
                push(stem.to_string());
                push(format!("{stem}e"));
            }
        }
        "JJS" | "RBS" => {
            if let Some(stem) = strip("iest") {
                push(format!("{stem}y"));
            }
            if let Some(stem) = strip("est") {
                push(stem.to_string());
                push(format!("{stem}e"));
            }
        }
        _ => {}
    }
    out
}

/// The default among candidates when none was seen in training.
fn default_choice(lower: &str, xpos: &str, candidates: &[String]) -> String {
    if matches!(xpos, "VBD" | "VBN" | "VBG") {
        // "hoped" -> "hope" only for short consonant-vowel-consonant stems.
        if let Some(plain) = candidates.last() {
            let first = &candidates[0];
            if lower.ends_with("ied") || first.len() + 1 == plain.len() {
                return first.clone();
            }
            let chars: Vec<char> = plain.chars().collect();
            let n = chars.len();
            let cvc = n >= 3
                && !VOWELS.contains(&chars[n - 1])
                && !"wxy".contains(chars[n - 1])
                && VOWELS.contains(&chars[n - 2])
                && !VOWELS.contains(&chars[n - 3]);
            let needs_e = (cvc && n <= 4) || plain.ends_with('v') || plain.ends_with("iz");
            if needs_e {
                return format!("{plain}e");
            }
            return plain.clone();
        }
    }
    candidates
        .first()
        .cloned()
        .unwrap_or_else(|| lower.to_string())
}

impl Lemmatizer {
    pub fn key(lower: &str, xpos: &str) -> String {
        format!("{lower}\t{xpos}")
    }

    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let lower = form.to_lowercase();
        if let Some(lemma) = self.table.get(&Self::key(&lower, xpos)) {
            // Proper nouns keep their case even when the table lowercased them.
            if upos == "PROPN" && lemma.to_lowercase() == lower {
                return form.to_string();
            }
            return lemma.clone();
        }
        if upos == "PROPN" {
            return form.to_string();
        }
        if xpos.starts_with("VB") {
            if let Some(&(_, lemma)) = IRREGULAR.iter().find(|(f, _)| *f == lower) {
                return lemma.to_string();
            }
        }
        let options = candidates(&lower, xpos);
        if let Some(seen) = options.iter().find(|c| self.known.contains(c.as_str())) {
            return seen.clone();
        }
        if options.is_empty() {
            return if upos == "PRON" && lower == "i" {
                "I".to_string()
            } else {
                lower
            };
        }
        default_choice(&lower, xpos, &options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_for_unseen_words() {
        let l = Lemmatizer::default();
        assert_eq!(l.lemma("went", "VERB", "VBD"), "go");
        assert_eq!(l.lemma("supplied", "VERB", "VBD"), "supply");
        assert_eq!(l.lemma("talks", "NOUN", "NNS"), "talk");
        assert_eq!(l.lemma("talks", "VERB", "VBZ"), "talk");
        assert_eq!(l.lemma("stopped", "VERB", "VBD"), "stop");
        assert_eq!(l.lemma("hoped", "VERB", "VBD"), "hope");
        assert_eq!(l.lemma("armed", "VERB", "VBN"), "arm");
        assert_eq!(l.lemma("boxes", "NOUN", "NNS"), "box");
        assert_eq!(l.lemma("Taliban", "PROPN", "NNP"), "Taliban");
    }

    #[test]
    fn known_lemmas_win() {
        let mut l = Lemmatizer::default();
        l.known.insert("facilitate".to_string());
        assert_eq!(l.lemma("facilitated", "VERB", "VBD"), "facilitate");
        l.table
            .insert(Lemmatizer::key("better", "JJR"), "good".to_string());
        assert_eq!(l.lemma("better", "ADJ", "JJR"), "good");
    }
}
