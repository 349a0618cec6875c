//! The alias index: a word trie over folded words, for longest-match lookup in text.
//! Imported TABARI stems hang off the trie as well: the last word of such an alias
//! matches any word that begins with it.

use crate::fold::{fold_into, is_all_caps, FxMap};
use crate::words::split_words_into;

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
    let mut any = false;
    for w in alias.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        if letters < 2 || !is_all_caps(w) {
            return false;
        }
        any = true;
    }
    any
}

/// True for a name of two words or more, each capitalised (`Islamic State`, `Armed
/// Islamic Group`), which matches only text that begins with a capital.
pub fn is_title_case(alias: &str) -> bool {
    let mut words = 0;
    for w in alias.split_whitespace() {
        match w.chars().find(|c| c.is_alphabetic()) {
            Some(c) if c.is_uppercase() => words += 1,
            Some(_) => return false,
            None => {}
        }
    }
    words >= 2
}

/// One record an alias points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub form: Form,
    /// Matches only when every word of the text is in capitals (`NATO`, `ISIS`).
    pub caps_only: bool,
    /// Matches only text that begins with a capital: a name written in title case
    /// (`Armed Islamic Group`) is not the generic "armed Islamic group".
    pub capitals: bool,
    /// Lower is preferred when an alias names several records.
    pub rank: u8,
}

/// The hits of one trie node. Most nodes have none or one, so those need no
/// allocation of their own.
#[derive(Clone, Debug, Default)]
enum Hits {
    #[default]
    None,
    One(Hit),
    Many(Vec<Hit>),
}

impl Hits {
    fn as_slice(&self) -> &[Hit] {
        match self {
            Hits::None => &[],
            Hits::One(h) => std::slice::from_ref(h),
            Hits::Many(v) => v,
        }
    }

    /// Adds `hit` unless present, keeping the list ordered by rank (stable).
    fn add(&mut self, hit: Hit) {
        match self {
            Hits::None => *self = Hits::One(hit),
            Hits::One(first) => {
                if *first != hit {
                    let first = *first;
                    let list = if first.rank <= hit.rank {
                        vec![first, hit]
                    } else {
                        vec![hit, first]
                    };
                    *self = Hits::Many(list);
                }
            }
            Hits::Many(list) => {
                if !list.contains(&hit) {
                    let at = list.partition_point(|h| h.rank <= hit.rank);
                    list.insert(at, hit);
                }
            }
        }
    }
}

/// Buffers reused from one alias to the next while loading.
#[derive(Default)]
pub struct Scratch {
    spans: Vec<(usize, usize)>,
    folded: String,
    words: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
pub struct Index {
    vocab: FxMap<Box<str>, u32>,
    children: FxMap<u64, u32>,
    /// Hits of each node; node 0 is the root.
    hits: Vec<Hits>,
    /// Stems (TABARI phrases without a final `_`), keyed like `children`: the node
    /// of the words before the stem and the stem's word id.
    stems: FxMap<u64, Hits>,
}

pub const ROOT: u32 = 0;

/// Stems shorter than this (in bytes) would match too much.
const MIN_STEM: usize = 3;

fn key(node: u32, word: u32) -> u64 {
    u64::from(node) << 32 | u64::from(word)
}

impl Index {
    pub fn new() -> Index {
        Index {
            hits: vec![Hits::None],
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
        self.children.get(&key(node, word)).copied()
    }

    pub fn hits(&self, node: u32) -> &[Hit] {
        self.hits[node as usize].as_slice()
    }

    /// Whether any stem is loaded (most runs have none; then matching skips them).
    pub fn has_stems(&self) -> bool {
        !self.stems.is_empty()
    }

    /// Hits of the stems after `node` that the folded word begins with, longest stem
    /// first.
    pub fn stem_hits<'a>(&'a self, node: u32, folded: &'a str) -> impl Iterator<Item = &'a Hit> {
        (MIN_STEM..=folded.len())
            .rev()
            .filter(|&n| folded.is_char_boundary(n))
            .filter_map(move |n| self.word(&folded[..n]))
            .filter_map(move |w| self.stems.get(&key(node, w)))
            .flat_map(Hits::as_slice)
    }

    fn word_id(&mut self, folded: &str) -> u32 {
        match self.vocab.get(folded) {
            Some(&w) => w,
            None => {
                let w = self.vocab.len() as u32;
                self.vocab.insert(folded.into(), w);
                w
            }
        }
    }

    /// Walks (and grows) the trie along `words`; the node reached.
    fn walk(&mut self, words: &[u32]) -> u32 {
        let mut node = ROOT;
        for &word in words {
            let next_node = self.hits.len() as u32;
            node = *self.children.entry(key(node, word)).or_insert(next_node);
            if node == next_node {
                self.hits.push(Hits::None);
            }
        }
        node
    }

    /// Folds the words of `alias` (minus a leading "the") into word ids in
    /// `scratch.words`; hyphenated words count as one. False when none is left.
    fn fold_words(&mut self, alias: &str, scratch: &mut Scratch) -> bool {
        split_words_into(alias, &mut scratch.spans);
        let mut spans = scratch.spans.as_slice();
        if spans.len() > 1 && alias[spans[0].0..spans[0].1].eq_ignore_ascii_case("the") {
            spans = &spans[1..];
        }
        scratch.words.clear();
        for &(a, b) in spans {
            fold_into(&alias[a..b], &mut scratch.folded);
            if !scratch.folded.is_empty() {
                let id = self.word_id(&scratch.folded);
                scratch.words.push(id);
            }
        }
        !scratch.words.is_empty()
    }

    /// Adds `alias` for a record. Returns false when the alias has no words.
    /// A leading "the" is dropped (the text's article is not part of the mention), and
    /// hyphenated words are also indexed split (`al-Qaeda` = `al Qaeda` = `al - Qaeda`).
    pub fn insert(&mut self, alias: &str, hit: Hit, scratch: &mut Scratch) -> bool {
        if !self.fold_words(alias, scratch) {
            return false;
        }
        let node = self.walk(&scratch.words);
        self.hits[node as usize].add(hit);
        if alias.contains('-') {
            self.insert_hyphen_variants(alias, hit, scratch);
        }
        true
    }

    /// Adds a stem alias: all words but the last match whole, the last one as the
    /// beginning of a word (`ARGENTIN` matches "Argentina", "Argentine").
    pub fn insert_stem(&mut self, alias: &str, hit: Hit, scratch: &mut Scratch) -> bool {
        if !self.fold_words(alias, scratch) {
            return false;
        }
        if scratch.folded.len() < MIN_STEM {
            return self.insert(alias, hit, scratch);
        }
        let Some(stem) = scratch.words.pop() else {
            return false;
        };
        let node = self.walk(&scratch.words);
        self.stems.entry(key(node, stem)).or_default().add(hit);
        true
    }

    /// `al-Qaeda` also as `al Qaeda` and `al - Qaeda`.
    fn insert_hyphen_variants(&mut self, alias: &str, hit: Hit, scratch: &mut Scratch) {
        let spans = scratch.spans.clone();
        let mut spans = spans.as_slice();
        if spans.len() > 1 && alias[spans[0].0..spans[0].1].eq_ignore_ascii_case("the") {
            spans = &spans[1..];
        }
        if !spans
            .iter()
            .any(|&(a, b)| b - a > 1 && alias[a..b].contains('-'))
        {
            return;
        }
        for keep_hyphen in [false, true] {
            scratch.words.clear();
            for &(a, b) in spans {
                for (i, part) in alias[a..b].split('-').filter(|p| !p.is_empty()).enumerate() {
                    if i > 0 && keep_hyphen {
                        let id = self.word_id("-");
                        scratch.words.push(id);
                    }
                    fold_into(part, &mut scratch.folded);
                    if !scratch.folded.is_empty() {
                        let id = self.word_id(&scratch.folded);
                        scratch.words.push(id);
                    }
                }
            }
            if !scratch.words.is_empty() {
                let words = std::mem::take(&mut scratch.words);
                let node = self.walk(&words);
                scratch.words = words;
                self.hits[node as usize].add(hit);
            }
        }
    }
}
