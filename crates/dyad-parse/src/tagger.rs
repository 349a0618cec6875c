//! Greedy left-to-right part-of-speech tagger (averaged perceptron).
//!
//! Each class is a joint `UPOS XPOS` pair, so the two tags always agree. Frequent
//! words seen with a single tag in training skip scoring (a tag dictionary).

use crate::perceptron::{feat, hash_str, FastMap, Trainer, Weights};

/// What the tagger and parser know about one word form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordInfo {
    pub form: u64,
    /// Lowercased, digits mapped to `0`.
    pub norm: u64,
    pub suffix: [u64; 5],
    pub prefix: [u64; 3],
    pub shape: u64,
    /// The part after the last hyphen inside the word (0 if none).
    pub hyphen_tail: u64,
}

/// Lowercased form with every digit replaced by `0`.
pub(crate) fn normalize(form: &str) -> String {
    form.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
            if out.len() >= 6 {
                break;
            }
        }
    }
    out
}

pub(crate) fn word_info(form: &str) -> WordInfo {
    let norm = normalize(form);
    // Affixes of k + 1 characters (the whole word when shorter), sliced in place.
    let suffix = std::array::from_fn(|k| {
        let start = norm.char_indices().rev().nth(k).map_or(0, |(i, _)| i);
        hash_str(&norm[start..]) ^ (k as u64 + 1)
    });
    let prefix = std::array::from_fn(|k| {
        let end = norm
            .char_indices()
            .nth(k + 1)
            .map_or(norm.len(), |(i, _)| i);
        hash_str(&norm[..end]) ^ (k as u64 + 11)
    });
    let hyphen_tail = match norm.trim_end_matches('-').rsplit_once('-') {
        Some((head, tail)) if !head.is_empty() => hash_str(tail) ^ 21,
        _ => 0,
    };
    WordInfo {
        form: hash_str(form),
        norm: hash_str(&norm),
        suffix,
        prefix,
        shape: hash_str(&shape(form)),
        hyphen_tail,
    }
}

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// Which of a word's tagger features to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    All,
    /// Those that do not depend on the previous tags (31 of them).
    Fixed,
    /// Those that do.
    Previous,
}

/// How many features [`Part::Fixed`] writes.
const FIXED_FEATURES: usize = 31;

/// The tagger's features for word `i` given the two previous tags (class + 1, 0 = none)
/// and every word's ambiguity class (the tags its form had in training, 0 if unknown).
/// [`Part::All`] writes them in training order.
fn features(
    words: &[WordInfo],
    ambiguity: &[u64],
    i: usize,
    prev: u64,
    prev2: u64,
    part: Part,
    out: &mut Vec<u64>,
) {
    out.clear();
    let fixed = part != Part::Previous;
    let previous = part != Part::Fixed;
    let w = &words[i];
    let amb = |j: usize| ambiguity.get(j).copied().unwrap_or(END);
    let norm_at = |j: isize| -> u64 {
        usize::try_from(j)
            .ok()
            .and_then(|j| words.get(j))
            .map_or(if j < 0 { START } else { END }, |w| w.norm)
    };
    let suffix_at = |j: isize| -> u64 {
        usize::try_from(j)
            .ok()
            .and_then(|j| words.get(j))
            .map_or(0, |w| w.suffix[2])
    };
    let shape_at = |j: isize| -> u64 {
        usize::try_from(j)
            .ok()
            .and_then(|j| words.get(j))
            .map_or(0, |w| w.shape)
    };
    let k = i;
    let i = i as isize;
    // Words in the lexicon (ambiguity class other than 0) need fewer affixes. To
    // keep the number of features per word fixed, they get constant features in
    // their place, whose rows are looked up so often that they stay in cache.
    let known = amb(k) != 0;
    if fixed {
        out.extend_from_slice(&[
            feat(0, 0, 0, 0),
            feat(1, w.norm, 0, 0),
            feat(2, w.form, 0, 0),
            feat(3, if known { 0 } else { w.suffix[0] }, 0, 0),
            feat(4, w.suffix[1], 0, 0),
            feat(5, w.suffix[2], 0, 0),
            feat(6, w.suffix[3], 0, 0),
            feat(7, if known { 0 } else { w.prefix[0] }, 0, 0),
            feat(8, if known { 0 } else { w.prefix[1] }, 0, 0),
            feat(9, if known { 0 } else { w.prefix[2] }, 0, 0),
            feat(10, w.shape, 0, 0),
        ]);
    }
    if previous {
        out.extend_from_slice(&[
            feat(11, prev, 0, 0),
            feat(12, prev2, 0, 0),
            feat(13, prev, prev2, 0),
            feat(14, prev, w.norm, 0),
        ]);
    }
    if fixed {
        out.extend_from_slice(&[
            feat(15, norm_at(i - 1), 0, 0),
            feat(16, suffix_at(i - 1), 0, 0),
            feat(17, norm_at(i - 2), 0, 0),
            feat(18, norm_at(i + 1), 0, 0),
            feat(19, suffix_at(i + 1), 0, 0),
            feat(20, norm_at(i + 2), 0, 0),
            feat(21, shape_at(i - 1), w.shape, shape_at(i + 1)),
            feat(22, norm_at(i - 1), w.norm, 0),
            feat(23, w.norm, norm_at(i + 1), 0),
        ]);
    }
    if previous {
        out.push(feat(24, prev, norm_at(i + 1), 0));
    }
    if fixed {
        out.push(feat(25, u64::from(i == 0), w.shape, 0));
    }
    if previous {
        out.push(feat(26, prev, w.suffix[2], 0));
    }
    let previous_amb = if k > 0 { amb(k - 1) } else { START };
    if fixed {
        out.extend_from_slice(&[
            feat(27, norm_at(i - 1), w.suffix[2], 0),
            feat(28, w.suffix[2], norm_at(i + 1), 0),
            feat(29, amb(k), 0, 0),
            feat(30, amb(k + 1), 0, 0),
            feat(31, amb(k + 2), 0, 0),
            feat(32, amb(k), amb(k + 1), 0),
        ]);
    }
    if previous {
        out.extend_from_slice(&[
            feat(33, prev, amb(k), 0),
            feat(34, prev, amb(k), amb(k + 1)),
        ]);
    }
    if fixed {
        out.extend_from_slice(&[
            feat(35, previous_amb, amb(k), 0),
            feat(36, amb(k), w.suffix[2], 0),
        ]);
        out.extend_from_slice(&if known {
            [feat(52, 0, 0, 0), feat(53, 0, 0, 0)]
        } else {
            [feat(50, w.suffix[4], 0, 0), feat(51, w.hyphen_tail, 0, 0)]
        });
    }
}

/// The second pass of the tagger (see [`Tagger::tag`]).
pub(crate) struct Lookahead {
    pub weights: Weights,
    /// First-pass margins (best minus second-best score, in weight units) below
    /// which a word is tagged again.
    pub margin: f32,
    verbs: VerbClasses,
}

impl Lookahead {
    pub fn new(weights: Weights, margin: f32, tags: &[String]) -> Lookahead {
        Lookahead {
            weights,
            margin,
            verbs: VerbClasses::new(tags),
        }
    }
}

/// The classes and word hashes [`clause_without_finite_verb`] needs, computed once
/// per model rather than once per sentence.
struct VerbClasses {
    /// PTB `VBD`, `VBP`, `VBZ` and `MD`.
    finite: Vec<bool>,
    auxiliary: Vec<bool>,
    /// `NN`, `NNS`, `NNP`, `NNPS`.
    noun: Vec<bool>,
    /// `NNP`, `NNPS`.
    proper_noun: Vec<bool>,
    /// `DT`, `PRP$`, `CD`: words that open a noun phrase.
    phrase_start: Vec<bool>,
    /// `WP`, `WDT`: "who", "which".
    relative: Vec<bool>,
    /// `CC`: "and", "but", "or".
    coordinator: Vec<bool>,
    comma: Option<u16>,
    adjective: Option<u16>,
    plural_noun: Option<u16>,
    past_participle: Option<u16>,
    past_tense: Option<u16>,
    present_third_person: Option<u16>,
    /// Normalised forms of [`SAYING`].
    saying: Vec<u64>,
    /// The shape of a capitalised word ("Moscow").
    capitalised: u64,
    /// The 2-letter suffix feature of words in "-ed".
    ends_in_ed: u64,
}

impl VerbClasses {
    fn new(tags: &[String]) -> VerbClasses {
        let xpos = |t: &String| t.split('\t').nth(1).unwrap_or("").to_string();
        let with_xpos = |names: &[&str]| -> Vec<bool> {
            tags.iter()
                .map(|t| names.contains(&xpos(t).as_str()))
                .collect()
        };
        let find = |name: &str| tags.iter().position(|t| t == name).map(|c| c as u16);
        VerbClasses {
            finite: with_xpos(&["VBD", "VBP", "VBZ", "MD"]),
            auxiliary: tags.iter().map(|t| t.starts_with("AUX\t")).collect(),
            noun: with_xpos(&["NN", "NNS", "NNP", "NNPS"]),
            proper_noun: with_xpos(&["NNP", "NNPS"]),
            phrase_start: with_xpos(&["DT", "PRP$", "CD"]),
            relative: with_xpos(&["WP", "WDT"]),
            coordinator: with_xpos(&["CC"]),
            comma: find("PUNCT\t,"),
            adjective: find("ADJ\tJJ"),
            plural_noun: find("NOUN\tNNS"),
            past_participle: find("VERB\tVBN"),
            past_tense: find("VERB\tVBD"),
            present_third_person: find("VERB\tVBZ"),
            saying: SAYING.iter().map(|verb| hash_str(verb)).collect(),
            capitalised: hash_str("Xx"),
            ends_in_ed: hash_str("ed") ^ 2,
        }
    }
}

/// How much of [`clause_without_finite_verb`] to apply.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ClauseRule {
    /// Past participles only, and a finite verb anywhere in the sentence counts: the
    /// tags the parser trains on. Trained on the news extensions as well, the greedy
    /// parser lost 0.14–0.23 UAS/LAS on EWT and a tenth of the UniversalPetrarch
    /// events (they fire on a few hundred web-text fragments of the training set,
    /// a lottery for which arcs it learns), while at parse time they fix news clauses
    /// and leave EWT scores as they are.
    Participles,
    /// Everything below: parse time.
    News,
}

/// A clause needs a finite verb. When the tagger found none in the main clause (the
/// sentence without its clauses set off by ", who" or ", which"), the first word
/// after the subject that news uses as a verb far more often than the web text of
/// the treebank, with no auxiliary before it, is taken for the verb:
/// - a past participle: "Russia supplied rifles to ...", "Hezbollah fired rockets
///   at ...", "Iran, which denies the charge, supplied drones to ...";
/// - an adjective in "-ed" between a noun and its object: "Russia armed
///   separatists";
/// - a plural noun between a name and a noun phrase: "Moscow arms the Taliban".
///
/// In news, a finite verb right after a coordinator is a second predicate and does
/// not count: the first is then looked for before it, a participle with an object
/// ("The Taliban, who weren't consulted, called the deal a betrayal and vowed to
/// fight on").
fn clause_without_finite_verb(
    verbs: &VerbClasses,
    words: &[WordInfo],
    rule: ClauseRule,
    tags: &mut [u16],
) {
    let (Some(participle), Some(past)) = (verbs.past_participle, verbs.past_tense) else {
        return;
    };
    let news = rule == ClauseRule::News;
    let main_clause = if news {
        main_clause_words(verbs, words, tags)
    } else {
        (0..tags.len()).collect()
    };
    let is = |i: usize, class: &[bool]| tags.get(i).is_some_and(|&t| class[usize::from(t)]);
    let second_predicate = |i: usize| news && i > 0 && is(i - 1, &verbs.coordinator);
    let finite = |i: usize| verbs.finite[usize::from(tags[i])];
    if main_clause
        .iter()
        .any(|&i| finite(i) && !second_predicate(i))
    {
        return;
    }
    // Beside a second predicate, a participle is the first only with an object
    // ("called the deal ... and vowed"), not in "Rebels armed by Iran attacked ...
    // and fled".
    let coordinated = main_clause.iter().any(|&i| finite(i));
    // The first word is left alone: it has no subject before it ("Posted by ...").
    for &i in main_clause.iter().filter(|&&i| i > 0) {
        let tag = tags[i];
        if verbs.auxiliary[usize::from(tag)] || finite(i) {
            return;
        }
        let object_follows = is(i + 1, &verbs.phrase_start);
        let adjective_in_ed = news
            && Some(tag) == verbs.adjective
            && words[i].suffix[1] == verbs.ends_in_ed
            && is(i - 1, &verbs.noun)
            && (object_follows || is(i + 1, &verbs.noun));
        let participle_verb =
            tag == participle && (!coordinated || object_follows || is(i + 1, &verbs.noun));
        let verb = if participle_verb || adjective_in_ed {
            Some(past)
        } else if news
            && Some(tag) == verbs.plural_noun
            && (is(i - 1, &verbs.proper_noun) || words[i - 1].shape == verbs.capitalised)
            && object_follows
        {
            verbs.present_third_person
        } else {
            None
        };
        if let Some(verb) = verb {
            tags[i] = verb;
            return;
        }
    }
}

/// Forms of the verbs of saying that close a sentence as its attribution:
/// "..., officials said."
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "reported",
    "reports",
    "stated",
    "announced",
    "claimed",
    "claims",
    "confirmed",
    "insisted",
    "warned",
    "noted",
];

/// The positions of the words outside clauses set off by a comma and "who" or
/// "which" (up to the next comma) and outside a closing attribution (", officials
/// said.": from the last comma, when what follows it has a finite verb of saying
/// and no other finite verb).
fn main_clause_words(verbs: &VerbClasses, words: &[WordInfo], tags: &[u16]) -> Vec<usize> {
    let end = closing_attribution(verbs, words, tags).unwrap_or(tags.len());
    let mut inside = false;
    let mut main = Vec::with_capacity(end);
    for (i, &tag) in tags[..end].iter().enumerate() {
        let comma = Some(tag) == verbs.comma;
        if comma && inside {
            inside = false;
            continue;
        }
        if comma
            && tags
                .get(i + 1)
                .is_some_and(|&t| verbs.relative[usize::from(t)])
        {
            inside = true;
        }
        if !inside {
            main.push(i);
        }
    }
    main
}

/// Where a closing attribution starts (its comma), if the sentence has one.
fn closing_attribution(verbs: &VerbClasses, words: &[WordInfo], tags: &[u16]) -> Option<usize> {
    let comma = tags.iter().rposition(|&t| Some(t) == verbs.comma)?;
    let mut finite = (comma + 1..tags.len()).filter(|&i| verbs.finite[usize::from(tags[i])]);
    match (finite.next(), finite.next()) {
        (Some(verb), None) => verbs.saying.contains(&words[verb].norm).then_some(comma),
        _ => None,
    }
}

/// The second pass's features for word `i`: the first pass's, plus the tags the
/// first pass gave this word and the next two (`first`; class + 1, 0 = none).
#[allow(clippy::too_many_arguments)]
fn lookahead_features(
    words: &[WordInfo],
    ambiguity: &[u64],
    first: &[u16],
    i: usize,
    prev: u64,
    prev2: u64,
    part: Part,
    out: &mut Vec<u64>,
) {
    features(words, ambiguity, i, prev, prev2, part, out);
    let w = &words[i];
    let next = tag_at(first, i + 1);
    if part != Part::Fixed {
        out.push(feat(42, prev, next, 0));
    }
    if part != Part::Previous {
        let own = tag_at(first, i);
        out.extend_from_slice(&[
            feat(40, next, 0, 0),
            feat(41, next, tag_at(first, i + 2), 0),
            feat(43, next, w.norm, 0),
            feat(44, next, w.suffix[2], 0),
            feat(45, next, ambiguity[i], 0),
            feat(46, own, 0, 0),
            feat(47, own, next, 0),
        ]);
    }
}

/// How many features the second pass's [`Part::Fixed`] writes.
const LOOKAHEAD_FIXED_FEATURES: usize = FIXED_FEATURES + 7;

pub(crate) struct Tagger {
    pub weights: Weights,
    /// Joint tags, `UPOS\tXPOS`.
    pub tags: Vec<String>,
    /// Exact form hash -> tag, for frequent unambiguous words.
    pub dictionary: FastMap<u16>,
    /// Normalised form hash -> ambiguity class (hash of the tags seen with it).
    pub lexicon: FastMap<u64>,
    pub lookahead: Option<Lookahead>,
}

fn ambiguity_classes(lexicon: &FastMap<u64>, words: &[WordInfo]) -> Vec<u64> {
    words
        .iter()
        .map(|w| lexicon.get(&w.norm).copied().unwrap_or(0))
        .collect()
}

fn best<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

/// The best class (the first of equals, as [`best`]) and how far ahead of the
/// second best it is, in one scan.
fn best_and_margin(scores: &[i32]) -> (usize, i32) {
    let mut top = 0;
    let mut second = i32::MIN;
    for (k, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[top] {
            second = scores[top];
            top = k;
        } else if s > second {
            second = s;
        }
    }
    (top, scores[top].saturating_sub(second))
}

/// Class + 1 of word `i` (0 outside the sentence, `usize::MAX` included), as the
/// features see tags.
fn tag_at(tags: &[u16], i: usize) -> u64 {
    tags.get(i).map_or(0, |&t| u64::from(t) + 1)
}

impl Tagger {
    /// Tags a sentence: a first pass left to right, then a second pass (if the
    /// model has one) over the words the first pass was least sure of, which sees
    /// the first pass's tags of the next two words, then the clause rule of
    /// [`clause_without_finite_verb`].
    pub fn tag(&self, words: &[WordInfo]) -> Vec<u16> {
        self.tag_with(words, ClauseRule::News)
    }

    /// The tags the parser trains on: as [`Tagger::tag`], with the clause rule's
    /// participles only (see [`ClauseRule`]).
    pub fn tag_for_parser_training(&self, words: &[WordInfo]) -> Vec<u16> {
        self.tag_with(words, ClauseRule::Participles)
    }

    fn tag_with(&self, words: &[WordInfo], rule: ClauseRule) -> Vec<u16> {
        let ambiguity = ambiguity_classes(&self.lexicon, words);
        let (mut tags, margins) = self.first_pass(words, &ambiguity);
        if let Some(second) = &self.lookahead {
            self.second_pass(second, words, &ambiguity, &margins, &mut tags);
            clause_without_finite_verb(&second.verbs, words, rule, &mut tags);
        }
        tags
    }

    /// Tags again, left to right, the words whose first-pass margin is below the
    /// second pass's.
    fn second_pass(
        &self,
        second: &Lookahead,
        words: &[WordInfo],
        ambiguity: &[u64],
        margins: &[Option<i32>],
        tags: &mut [u16],
    ) {
        let threshold = second.margin / self.weights.scale();
        let again: Vec<usize> = (0..words.len())
            .filter(|&i| margins[i].is_some_and(|m| (m as f32) < threshold))
            .collect();
        if again.is_empty() {
            return;
        }
        let first = tags.to_vec();
        // Tags before a word are final; the features of those after are the first pass's.
        tag_left_to_right(
            &second.weights,
            self.tags.len(),
            LOOKAHEAD_FIXED_FEATURES,
            &again,
            tags,
            |i, prev, prev2, part, out| {
                lookahead_features(words, ambiguity, &first, i, prev, prev2, part, out);
            },
        );
    }

    /// The first pass, left to right, with each word's margin (in quantisation
    /// steps; `None` for words the tag dictionary decides). The weights of every
    /// word's features that do not depend on the previous tags are summed first, for
    /// the whole sentence at once, so that their cache misses overlap; integer sums
    /// make the split exact.
    fn first_pass(&self, words: &[WordInfo], ambiguity: &[u64]) -> (Vec<u16>, Vec<Option<i32>>) {
        let known: Vec<Option<u16>> = words
            .iter()
            .map(|w| self.dictionary.get(&w.form).copied())
            .collect();
        let todo: Vec<usize> = (0..words.len()).filter(|&i| known[i].is_none()).collect();
        let mut tags: Vec<u16> = known.iter().map(|k| k.unwrap_or(0)).collect();
        let scored = tag_left_to_right(
            &self.weights,
            self.tags.len(),
            FIXED_FEATURES,
            &todo,
            &mut tags,
            |i, prev, prev2, part, out| features(words, ambiguity, i, prev, prev2, part, out),
        );
        let mut margins = vec![None; words.len()];
        for (&i, margin) in todo.iter().zip(scored) {
            margins[i] = Some(margin);
        }
        (tags, margins)
    }
}

/// Tags the words `todo` (in increasing order) of `tags`, left to right, with
/// `weights`, and returns each one's margin over the second-best class. The weights
/// of the features that do not depend on the previous tags (`fixed_len` per word,
/// [`Part::Fixed`]) are summed first, for all the words at once, so that their cache
/// misses overlap; integer sums make the split exact. `features_of(word, previous
/// tag, the one before, part, out)` writes a word's features; the previous tags are
/// read from `tags` as tagged so far.
fn tag_left_to_right(
    weights: &Weights,
    n_tags: usize,
    fixed_len: usize,
    todo: &[usize],
    tags: &mut [u16],
    mut features_of: impl FnMut(usize, u64, u64, Part, &mut Vec<u64>),
) -> Vec<i32> {
    let mut buffer = Vec::with_capacity(fixed_len);
    let mut fixed_features = Vec::with_capacity(todo.len() * fixed_len);
    for &i in todo {
        features_of(i, 0, 0, Part::Fixed, &mut buffer);
        fixed_features.extend_from_slice(&buffer);
    }
    let mut scores = vec![0i32; todo.len() * n_tags];
    weights.score_groups(&fixed_features, fixed_len, &mut scores, n_tags);
    let mut margins = Vec::with_capacity(todo.len());
    for (&i, scores) in todo.iter().zip(scores.chunks_exact_mut(n_tags)) {
        let (prev, prev2) = (
            tag_at(tags, i.wrapping_sub(1)),
            tag_at(tags, i.wrapping_sub(2)),
        );
        features_of(i, prev, prev2, Part::Previous, &mut buffer);
        weights.score(&buffer, scores);
        let (top, margin) = best_and_margin(scores);
        tags[i] = top as u16;
        margins.push(margin);
    }
    margins
}

/// A sentence's first-pass tags and their margins (in weight units; infinite where
/// the tag dictionary decides).
pub(crate) struct FirstPassTags {
    pub tags: Vec<u16>,
    pub margins: Vec<f32>,
}

impl Tagger {
    pub(crate) fn first_pass_tags(&self, words: &[WordInfo]) -> FirstPassTags {
        let ambiguity = ambiguity_classes(&self.lexicon, words);
        let (tags, margins) = self.first_pass(words, &ambiguity);
        let scale = self.weights.scale();
        FirstPassTags {
            tags,
            margins: margins
                .into_iter()
                .map(|m| m.map_or(f32::INFINITY, |m| m as f32 * scale))
                .collect(),
        }
    }
}

/// Training sentences for the tagger: word infos and gold tags.
pub(crate) struct TaggedSentence {
    pub words: Vec<WordInfo>,
    pub tags: Vec<u16>,
}

/// Forms (exact) seen at least 5 times, with one tag at least 98% of the time. (More
/// forms than with the 20 times and 97% of the previous model, for the same dev
/// accuracy: a tenth fewer words to score.)
pub(crate) fn build_dictionary(sentences: &[TaggedSentence]) -> FastMap<u16> {
    let mut counts: FastMap<FastMap<u32>> = FastMap::default();
    for s in sentences {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            *counts
                .entry(w.form)
                .or_default()
                .entry(u64::from(t))
                .or_default() += 1;
        }
    }
    let mut dictionary = FastMap::default();
    for (form, tags) in counts {
        let total: u32 = tags.values().sum();
        if let Some((&tag, &n)) = tags.iter().max_by_key(|(&t, &n)| (n, std::cmp::Reverse(t))) {
            if total >= 5 && f64::from(n) / f64::from(total) >= 0.98 {
                dictionary.insert(form, tag as u16);
            }
        }
    }
    dictionary
}

/// Ambiguity classes of normalised forms seen at least twice: the hash of the sorted
/// tags that make up at least 5% of the form's occurrences.
pub(crate) fn build_lexicon(sentences: &[TaggedSentence]) -> FastMap<u64> {
    let mut counts: FastMap<std::collections::BTreeMap<u16, u32>> = FastMap::default();
    for s in sentences {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            *counts.entry(w.norm).or_default().entry(t).or_default() += 1;
        }
    }
    let mut lexicon = FastMap::default();
    for (norm, tags) in counts {
        let total: u32 = tags.values().sum();
        if total < 2 {
            continue;
        }
        let mut class = 0x414d_4249u64;
        for (&t, &n) in &tags {
            if n * 20 >= total {
                class = feat(99, class, u64::from(t), 0);
            }
        }
        lexicon.insert(norm, class);
    }
    lexicon
}

/// One training pass of the first pass, in the given sentence order.
pub(crate) fn train_epoch(
    trainer: &mut Trainer,
    n_tags: usize,
    dictionary: &FastMap<u16>,
    lexicon: &FastMap<u64>,
    sentences: &[TaggedSentence],
    order: &[usize],
) {
    train_greedy(
        trainer,
        n_tags,
        dictionary,
        lexicon,
        sentences,
        order,
        |_, _| None,
        |_, words, ambiguity, i, prev, prev2, out| {
            features(words, ambiguity, i, prev, prev2, Part::All, out);
        },
    );
}

/// One training pass of the second pass, given each sentence's first-pass tags
/// (from a tagger that did not see it).
#[allow(clippy::too_many_arguments)]
pub(crate) fn train_lookahead_epoch(
    trainer: &mut Trainer,
    n_tags: usize,
    dictionary: &FastMap<u16>,
    lexicon: &FastMap<u64>,
    sentences: &[TaggedSentence],
    first_pass: &[FirstPassTags],
    margin: f32,
    order: &[usize],
) {
    train_greedy(
        trainer,
        n_tags,
        dictionary,
        lexicon,
        sentences,
        order,
        // As when tagging, the second pass leaves the first's sure tags alone.
        |k, i| (first_pass[k].margins[i] >= margin).then(|| first_pass[k].tags[i]),
        |k, words, ambiguity, i, prev, prev2, out| {
            let first = &first_pass[k].tags;
            lookahead_features(words, ambiguity, first, i, prev, prev2, Part::All, out);
        },
    );
}

/// Greedy left-to-right training over `order`: each word that neither the tag
/// dictionary nor `kept` (sentence, word) tags is scored with the features
/// `features_of` writes (sentence, words, ambiguity classes, word, the two previous
/// tags), and the trainer learns from its guess, which the next words then see.
#[allow(clippy::too_many_arguments)]
fn train_greedy(
    trainer: &mut Trainer,
    n_tags: usize,
    dictionary: &FastMap<u16>,
    lexicon: &FastMap<u64>,
    sentences: &[TaggedSentence],
    order: &[usize],
    kept: impl Fn(usize, usize) -> Option<u16>,
    features_of: impl Fn(usize, &[WordInfo], &[u64], usize, u64, u64, &mut Vec<u64>),
) {
    let mut buffer = Vec::with_capacity(48);
    let mut scores = vec![0.0f32; n_tags];
    for &k in order {
        let s = &sentences[k];
        let ambiguity = ambiguity_classes(lexicon, &s.words);
        let mut predicted: Vec<u16> = Vec::with_capacity(s.words.len());
        for i in 0..s.words.len() {
            if let Some(t) = dictionary
                .get(&s.words[i].form)
                .copied()
                .or_else(|| kept(k, i))
            {
                predicted.push(t);
                continue;
            }
            let prev = tag_at(&predicted, i.wrapping_sub(1));
            let prev2 = tag_at(&predicted, i.wrapping_sub(2));
            features_of(k, &s.words, &ambiguity, i, prev, prev2, &mut buffer);
            scores.iter_mut().for_each(|x| *x = 0.0);
            trainer.score(&buffer, &mut scores);
            let guess = best(&scores);
            trainer.tick();
            trainer.update(&buffer, usize::from(s.tags[i]), guess);
            predicted.push(guess as u16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For every word of `forms`, the features of [`Part::Fixed`] (as many as
    /// `fixed_len`) and [`Part::Previous`] together are those of [`Part::All`].
    fn assert_parts_make_up_all(
        forms: &[&str],
        fixed_len: usize,
        features_of: impl Fn(&[WordInfo], usize, Part, &mut Vec<u64>),
    ) {
        let words: Vec<WordInfo> = forms.iter().map(|f| word_info(f)).collect();
        let (mut all, mut fixed, mut previous) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..words.len() {
            features_of(&words, i, Part::All, &mut all);
            features_of(&words, i, Part::Fixed, &mut fixed);
            features_of(&words, i, Part::Previous, &mut previous);
            assert_eq!(fixed.len(), fixed_len);
            let mut split = [fixed.as_slice(), previous.as_slice()].concat();
            split.sort_unstable();
            all.sort_unstable();
            assert_eq!(split, all);
        }
    }

    #[test]
    fn fixed_and_previous_parts_make_up_all_features() {
        let ambiguity = [5, 0, 7, 9, 11];
        assert_parts_make_up_all(
            &["Russia", "supplied", "10,000", "rifles", "."],
            FIXED_FEATURES,
            |words, i, part, out| features(words, &ambiguity, i, 3, 8, part, out),
        );
    }

    #[test]
    fn second_pass_parts_make_up_all_its_features() {
        let ambiguity = [5, 0, 7, 9, 11];
        let first = [0, 1, 2, 3, 3];
        assert_parts_make_up_all(
            &["Moscow", "arms", "the", "Taliban", "."],
            LOOKAHEAD_FIXED_FEATURES,
            |words, i, part, out| lookahead_features(words, &ambiguity, &first, i, 3, 8, part, out),
        );
    }

    #[test]
    fn a_clause_without_a_finite_verb_gets_one() {
        let names = [
            "NOUN\tNNS",
            "VERB\tVBN",
            "VERB\tVBD",
            "AUX\tVBD",
            "DET\tDT",
            "PROPN\tNNP",
            "ADJ\tJJ",
            "VERB\tVBZ",
            "PUNCT\t,",
            "PRON\tWDT",
            "VERB\tVBZ",
        ];
        let tags: Vec<String> = names.iter().map(|t| t.to_string()).collect();
        let verbs = VerbClasses::new(&tags);
        let (noun, participle, past, aux, det, name, adj, present, comma, which) =
            (0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        let retag = |text: &str, mut tags: Vec<u16>| {
            let words: Vec<WordInfo> = text.split(' ').map(word_info).collect();
            clause_without_finite_verb(&verbs, &words, ClauseRule::News, &mut tags);
            tags
        };
        assert_eq!(
            retag(
                "troops fired rockets used",
                vec![noun, participle, noun, participle]
            ),
            [noun, past, noun, participle]
        );
        // A finite verb elsewhere (a finite auxiliary included), or nothing before
        // it: the participle stays.
        for tags in [
            vec![noun, participle, past, det],
            vec![aux, participle, noun, det],
        ] {
            assert_eq!(retag("a b c d", tags.clone()), tags);
        }
        assert_eq!(
            retag("Posted by Joe", vec![participle, det, noun]),
            [participle, det, noun]
        );
        // A finite verb in a clause set off by ", which" does not count.
        assert_eq!(
            retag(
                "Iran , which denies it , supplied drones",
                vec![name, comma, which, present, noun, comma, participle, noun]
            ),
            [name, comma, which, present, noun, comma, past, noun]
        );
        // Nor does the verb of a closing attribution.
        let attributed = vec![noun, participle, noun, comma, noun, past];
        assert_eq!(
            retag("Rebels engaged troops , officials said", attributed.clone()),
            [noun, past, noun, comma, noun, past]
        );
        assert_eq!(
            retag("Rebels engaged troops , officials left", attributed.clone()),
            attributed
        );
        // An "-ed" adjective between a noun and its object; a plural noun between a
        // name and a noun phrase.
        assert_eq!(
            retag("Russia armed rebels", vec![name, adj, noun]),
            [name, past, noun]
        );
        assert_eq!(
            retag("Russia angry rebels", vec![name, adj, noun]),
            [name, adj, noun]
        );
        assert_eq!(
            retag("Moscow arms the Taliban", vec![adj, noun, det, name]),
            [adj, present, det, name]
        );
        assert_eq!(
            retag("Moscow arms deals", vec![name, noun, noun]),
            [name, noun, noun]
        );
        // The parser's training tags: participles only, any finite verb counts.
        let for_training = |text: &str, mut tags: Vec<u16>| {
            let words: Vec<WordInfo> = text.split(' ').map(word_info).collect();
            clause_without_finite_verb(&verbs, &words, ClauseRule::Participles, &mut tags);
            tags
        };
        let which = vec![name, comma, which, present, noun, comma, participle, noun];
        for (text, tags, expected) in [
            (
                "Russia armed rebels",
                vec![name, adj, noun],
                vec![name, adj, noun],
            ),
            (
                "Iran , which denies it , supplied drones",
                which.clone(),
                which,
            ),
            (
                "troops fired rockets",
                vec![noun, participle, noun],
                vec![noun, past, noun],
            ),
        ] {
            assert_eq!(for_training(text, tags), expected, "{text}");
        }
    }

    #[test]
    fn margins_are_to_the_second_best_class() {
        assert_eq!(best_and_margin(&[3, 9, 4, 9]), (1, 0));
        assert_eq!(best_and_margin(&[3, 9, 4, 7]), (1, 2));
        assert_eq!(best_and_margin(&[9, 3, 4]), (0, 5));
        assert_eq!(best_and_margin(&[-5]), (0, i32::MAX - 4));
    }

    #[test]
    fn words_inside_hyphenated_words_are_seen() {
        assert_eq!(
            word_info("U.S.-backed").hyphen_tail,
            hash_str("backed") ^ 21
        );
        assert_eq!(word_info("long-term").hyphen_tail, hash_str("term") ^ 21);
        assert_eq!(word_info("-").hyphen_tail, 0);
        assert_eq!(word_info("--").hyphen_tail, 0);
        assert_eq!(word_info("re-").hyphen_tail, 0);
        assert_eq!(word_info("plain").hyphen_tail, 0);
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        let info = word_info("Año2");
        assert_eq!(info.norm, hash_str("año0"));
        assert_eq!(info.suffix[0], hash_str("0") ^ 1);
        assert_eq!(info.suffix[2], hash_str("ño0") ^ 3);
        assert_eq!(info.suffix[3], hash_str("año0") ^ 4);
        assert_eq!(info.suffix[4], hash_str("año0") ^ 5);
        assert_eq!(info.prefix[1], hash_str("añ") ^ 12);
        let short = word_info("é");
        assert_eq!(short.suffix[3], hash_str("é") ^ 4);
        assert_eq!(short.prefix[2], hash_str("é") ^ 13);
    }
}
