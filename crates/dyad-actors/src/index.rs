//! The alias index: a word trie over folded words, for longest-match lookup in text.

use crate::fold::{fold_into, is_all_caps, FxMap};
use crate::words::split_words;

/// Which part of a record an alias names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Name,
    Alias,
    Adjective,
    Demonym,
    /// A seat of power; with the index of its `seat_sector` when it stands for one.
    Seat(Option<u16>),
}

/// True for aliases written in capitals (`NATO`, `U.S.`, `ISIS`), which only match
/// capitals in text.
pub fn is_caps_alias(alias: &str) -> bool {
    let words: Vec<&str> = alias
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| is_all_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// One record an alias points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub form: Form,
    /// Matches only when every word of the text is in capitals (`NATO`, `ISIS`).
    pub caps_only: bool,
    /// Lower is preferred when an alias names several records.
    pub rank: u8,
}

#[derive(Clone, Debug, Default)]
pub struct Index {
    vocab: FxMap<Box<str>, u32>,
    children: FxMap<u64, u32>,
    /// Hits of each node; node 0 is the root.
    hits: Vec<Vec<Hit>>,
}

pub const ROOT: u32 = 0;

impl Index {
    pub fn new() -> Index {
        Index {
            hits: vec![Vec::new()],
            ..Index::default()
        }
    }

    /// Makes room for about `aliases` more aliases.
    pub fn reserve(&mut self, aliases: usize) {
        self.vocab.reserve(aliases);
        self.children.reserve(aliases * 2);
        self.hits.reserve(aliases * 2);
    }

    /// The id of a folded word, if any alias uses it.
    pub fn word(&self, folded: &str) -> Option<u32> {
        self.vocab.get(folded).copied()
    }

    pub fn step(&self, node: u32, word: u32) -> Option<u32> {
        self.children
            .get(&(u64::from(node) << 32 | u64::from(word)))
            .copied()
    }

    pub fn hits(&self, node: u32) -> &[Hit] {
        &self.hits[node as usize]
    }

    fn insert_words(&mut self, words: &[&str], hit: Hit) {
        let mut folded = String::new();
        let mut node = ROOT;
        for w in words {
            fold_into(w, &mut folded);
            if folded.is_empty() {
                continue;
            }
            let word = match self.vocab.get(folded.as_str()) {
                Some(&w) => w,
                None => {
                    let w = self.vocab.len() as u32;
                    self.vocab.insert(folded.as_str().into(), w);
                    w
                }
            };
            let key = u64::from(node) << 32 | u64::from(word);
            let next_node = self.hits.len() as u32;
            node = *self.children.entry(key).or_insert(next_node);
            if node == next_node {
                self.hits.push(Vec::new());
            }
        }
        if node == ROOT {
            return;
        }
        let list = &mut self.hits[node as usize];
        if !list.contains(&hit) {
            let at = list.partition_point(|h| h.rank <= hit.rank);
            list.insert(at, hit);
        }
    }

    /// Adds `alias` for a record. Returns false when the alias has no words.
    /// A leading "the" is dropped (the text's article is not part of the mention), and
    /// hyphenated words are also indexed split (`al-Qaeda` = `al Qaeda` = `al - Qaeda`).
    pub fn insert(&mut self, alias: &str, hit: Hit) -> bool {
        let mut words: Vec<&str> = split_words(alias)
            .into_iter()
            .map(|(a, b)| &alias[a..b])
            .collect();
        if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
            words.remove(0);
        }
        if words.is_empty() {
            return false;
        }
        self.insert_words(&words, hit);
        if words.iter().any(|w| w.contains('-') && w.len() > 1) {
            for keep_hyphen in [false, true] {
                let mut split = Vec::new();
                for w in &words {
                    for (i, p) in w.split('-').filter(|p| !p.is_empty()).enumerate() {
                        if i > 0 && keep_hyphen {
                            split.push("-");
                        }
                        split.push(p);
                    }
                }
                self.insert_words(&split, hit);
            }
        }
        true
    }
}
