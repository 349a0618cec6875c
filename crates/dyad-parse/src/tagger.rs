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

/// Which of a word's tagger features to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    All,
    /// Those that do not depend on the previous tags (29 of them).
    Fixed,
    /// Those that do.
    Previous,
}

/// How many features [`Part::Fixed`] writes.
const FIXED_FEATURES: usize = 29;

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
    if fixed {
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
    }
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
    /// Tags a sentence left to right. The weights of every word's features that do
    /// not depend on the previous tags are summed first, for the whole sentence at
    /// once, so that their cache misses overlap; integer sums make the split exact.
    pub fn tag(&self, words: &[WordInfo]) -> Vec<u16> {
        let n_tags = self.tags.len();
        let ambiguity = ambiguity_classes(&self.lexicon, words);
        let known: Vec<Option<u16>> = words
            .iter()
            .map(|w| self.dictionary.get(&w.form).copied())
            .collect();
        let mut buffer = Vec::with_capacity(FIXED_FEATURES);
        let mut fixed_features = Vec::new();
        for (i, _) in known.iter().enumerate().filter(|(_, k)| k.is_none()) {
            features(words, &ambiguity, i, 0, 0, Part::Fixed, &mut buffer);
            fixed_features.extend_from_slice(&buffer);
        }
        let mut fixed_scores = vec![0i32; fixed_features.len() / FIXED_FEATURES * n_tags];
        self.weights
            .score_groups(&fixed_features, FIXED_FEATURES, &mut fixed_scores, n_tags);
        let mut fixed_rows = fixed_scores.chunks_exact(n_tags);
        let mut tags = Vec::with_capacity(words.len());
        let mut scores = vec![0i32; n_tags];
        for i in 0..words.len() {
            let tag = match known[i] {
                Some(t) => t,
                None => {
                    let prev = if i > 0 { u64::from(tags[i - 1]) + 1 } else { 0 };
                    let prev2 = if i > 1 { u64::from(tags[i - 2]) + 1 } else { 0 };
                    features(
                        words,
                        &ambiguity,
                        i,
                        prev,
                        prev2,
                        Part::Previous,
                        &mut buffer,
                    );
                    scores.copy_from_slice(fixed_rows.next().expect("one row per untagged word"));
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
            features(&s.words, &ambiguity, i, prev, prev2, Part::All, &mut buffer);
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

    #[test]
    fn fixed_and_previous_parts_make_up_all_features() {
        let words: Vec<WordInfo> = ["Russia", "supplied", "10,000", "rifles", "."]
            .iter()
            .map(|f| word_info(f))
            .collect();
        let ambiguity = [5, 0, 7, 9, 11];
        let (mut all, mut fixed, mut previous) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..words.len() {
            features(&words, &ambiguity, i, 3, 8, Part::All, &mut all);
            features(&words, &ambiguity, i, 0, 0, Part::Fixed, &mut fixed);
            features(&words, &ambiguity, i, 3, 8, Part::Previous, &mut previous);
            assert_eq!(fixed.len(), FIXED_FEATURES);
            let mut split = [fixed.as_slice(), previous.as_slice()].concat();
            split.sort_unstable();
            all.sort_unstable();
            assert_eq!(split, all);
        }
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        let info = word_info("Año2");
        assert_eq!(info.norm, hash_str("año0"));
        assert_eq!(info.suffix[0], hash_str("0") ^ 1);
        assert_eq!(info.suffix[2], hash_str("ño0") ^ 3);
        assert_eq!(info.suffix[3], hash_str("año0") ^ 4);
        assert_eq!(info.prefix[1], hash_str("añ") ^ 12);
        let short = word_info("é");
        assert_eq!(short.suffix[3], hash_str("é") ^ 4);
        assert_eq!(short.prefix[2], hash_str("é") ^ 13);
    }
}
