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
    pub suffix: [u64; 4],
    pub prefix: [u64; 3],
    pub shape: u64,
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
    let chars: Vec<char> = norm.chars().collect();
    let n = chars.len();
    let suffix = std::array::from_fn(|k| {
        let len = (k + 1).min(n);
        hash_str(&chars[n - len..].iter().collect::<String>()) ^ (k as u64 + 1)
    });
    let prefix = std::array::from_fn(|k| {
        let len = (k + 1).min(n);
        hash_str(&chars[..len].iter().collect::<String>()) ^ (k as u64 + 11)
    });
    WordInfo {
        form: hash_str(form),
        norm: hash_str(&norm),
        suffix,
        prefix,
        shape: hash_str(&shape(form)),
    }
}

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// The tagger's features for word `i` given the two previous tags (class + 1, 0 = none)
/// and every word's ambiguity class (the tags its form had in training, 0 if unknown).
fn features(
    words: &[WordInfo],
    ambiguity: &[u64],
    i: usize,
    prev: u64,
    prev2: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
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
    let i = i as isize;
    out.extend_from_slice(&[
        feat(0, 0, 0, 0),
        feat(1, w.norm, 0, 0),
        feat(2, w.form, 0, 0),
        feat(3, w.suffix[0], 0, 0),
        feat(4, w.suffix[1], 0, 0),
        feat(5, w.suffix[2], 0, 0),
        feat(6, w.suffix[3], 0, 0),
        feat(7, w.prefix[0], 0, 0),
        feat(8, w.prefix[1], 0, 0),
        feat(9, w.prefix[2], 0, 0),
        feat(10, w.shape, 0, 0),
        feat(11, prev, 0, 0),
        feat(12, prev2, 0, 0),
        feat(13, prev, prev2, 0),
        feat(14, prev, w.norm, 0),
        feat(15, norm_at(i - 1), 0, 0),
        feat(16, suffix_at(i - 1), 0, 0),
        feat(17, norm_at(i - 2), 0, 0),
        feat(18, norm_at(i + 1), 0, 0),
        feat(19, suffix_at(i + 1), 0, 0),
        feat(20, norm_at(i + 2), 0, 0),
        feat(21, shape_at(i - 1), w.shape, shape_at(i + 1)),
        feat(22, norm_at(i - 1), w.norm, 0),
        feat(23, w.norm, norm_at(i + 1), 0),
        feat(24, prev, norm_at(i + 1), 0),
        feat(25, u64::from(i == 0), w.shape, 0),
        feat(26, prev, w.suffix[2], 0),
        feat(27, norm_at(i - 1), w.suffix[2], 0),
        feat(28, w.suffix[2], norm_at(i + 1), 0),
    ]);
    let k = i as usize;
    let previous_amb = if k > 0 { amb(k - 1) } else { START };
    out.extend_from_slice(&[
        feat(29, amb(k), 0, 0),
        feat(30, amb(k + 1), 0, 0),
        feat(31, amb(k + 2), 0, 0),
        feat(32, amb(k), amb(k + 1), 0),
        feat(33, prev, amb(k), 0),
        feat(34, prev, amb(k), amb(k + 1)),
        feat(35, previous_amb, amb(k), 0),
        feat(36, amb(k), w.suffix[2], 0),
    ]);
}

pub(crate) struct Tagger {
    pub weights: Weights,
    /// Joint tags, `UPOS\tXPOS`.
    pub tags: Vec<String>,
    /// Exact form hash -> tag, for frequent unambiguous words.
    pub dictionary: FastMap<u16>,
    /// Normalised form hash -> ambiguity class (hash of the tags seen with it).
    pub lexicon: FastMap<u64>,
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

impl Tagger {
    pub fn tag(&self, words: &[WordInfo]) -> Vec<u16> {
        let mut tags = Vec::with_capacity(words.len());
        let mut buffer = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.tags.len()];
        let ambiguity = ambiguity_classes(&self.lexicon, words);
        for i in 0..words.len() {
            let tag = match self.dictionary.get(&words[i].form) {
                Some(&t) => t,
                None => {
                    let prev = if i > 0 { u64::from(tags[i - 1]) + 1 } else { 0 };
                    let prev2 = if i > 1 { u64::from(tags[i - 2]) + 1 } else { 0 };
                    features(words, &ambiguity, i, prev, prev2, &mut buffer);
                    scores.iter_mut().for_each(|s| *s = 0);
                    self.weights.score(&buffer, &mut scores);
                    best(&scores) as u16
                }
            };
            tags.push(tag);
        }
        tags
    }
}

/// Training sentences for the tagger: word infos and gold tags.
pub(crate) struct TaggedSentence {
    pub words: Vec<WordInfo>,
    pub tags: Vec<u16>,
}

/// Frequent forms (by exact form) seen with one tag at least 97% of the time.
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
            if total >= 20 && f64::from(n) / f64::from(total) >= 0.97 {
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

/// One training pass in the given sentence order.
pub(crate) fn train_epoch(
    trainer: &mut Trainer,
    n_tags: usize,
    dictionary: &FastMap<u16>,
    lexicon: &FastMap<u64>,
    sentences: &[TaggedSentence],
    order: &[usize],
) {
    let mut buffer = Vec::with_capacity(40);
    let mut scores = vec![0.0f32; n_tags];
    for &k in order {
        let s = &sentences[k];
        let ambiguity = ambiguity_classes(lexicon, &s.words);
        let mut predicted: Vec<u16> = Vec::with_capacity(s.words.len());
        for i in 0..s.words.len() {
            if let Some(&t) = dictionary.get(&s.words[i].form) {
                predicted.push(t);
                continue;
            }
            let prev = if i > 0 {
                u64::from(predicted[i - 1]) + 1
            } else {
                0
            };
            let prev2 = if i > 1 {
                u64::from(predicted[i - 2]) + 1
            } else {
                0
            };
            features(&s.words, &ambiguity, i, prev, prev2, &mut buffer);
            scores.iter_mut().for_each(|x| *x = 0.0);
            trainer.score(&buffer, &mut scores);
            let guess = best(&scores);
            trainer.tick();
            trainer.update(&buffer, usize::from(s.tags[i]), guess);
            predicted.push(guess as u16);
        }
    }
}
