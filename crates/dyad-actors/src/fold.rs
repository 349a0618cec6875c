//! Folding of words into match keys, shared by dictionary aliases and document tokens
//! so both sides meet in the same form: lowercase, no diacritics, no periods
//! (`U.S.` → `us`), no possessive (`Haftar's` → `haftar`) and singular
//! (`forces` → `force`, `militias` → `militia`).

use std::hash::{BuildHasherDefault, Hasher};

/// Folds `word` into `out` (cleared first).
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        // The common case: plain ASCII words need no character mapping.
        out.push_str(word);
        out.make_ascii_lowercase();
        singularise(out);
        return;
    }
    for c in word.chars() {
        match c {
            '.' | '\u{200b}' | '\u{ad}' => {}
            '’' | '‘' | '`' | 'ʼ' => out.push('\''),
            '‐' | '‑' | '–' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => match strip_diacritic(c) {
                Some(base) => out.push_str(base),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
    strip_possessive(out);
    singularise(out);
}

/// The folded form of one word.
#[cfg(test)]
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

fn strip_possessive(s: &mut String) {
    if s.len() > 2 && s.ends_with("'s") {
        s.truncate(s.len() - 2);
    } else if s.len() > 1 && s.ends_with('\'') {
        s.truncate(s.len() - 1);
    }
}

/// Regular English plurals only; the same rule runs on aliases and text, so a wrong
/// singular (`hamas` → `hama`) is harmless as long as it is consistent.
fn singularise(s: &mut String) {
    match s.as_str() {
        "men" => return s.replace_range(.., "man"),
        "women" => return s.replace_range(.., "woman"),
        "militia" | "police" | "people" | "taliban" => return,
        _ => {}
    }
    if s.len() <= 3 || !s.is_ascii() || !s.ends_with('s') || s.ends_with("ss") {
        return;
    }
    if s.ends_with("ies") && s.len() > 4 {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if s.ends_with("ches") || s.ends_with("shes") || s.ends_with("xes") {
        s.truncate(s.len() - 2);
    } else if !s.ends_with("us") && !s.ends_with("is") {
        s.truncate(s.len() - 1);
    }
}

/// Base letters of the accented Latin letters news text uses.
fn strip_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'ß' => "s",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'Ÿ' => "y",
        'Ź'..='ž' => "z",
        'Þ' | 'þ' => "th",
        'Ș' | 'ș' => "s",
        _ => return None,
    })
}

/// True when the word has letters and all of them are capitals (`NATO`, `U.S.`).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters |= c.is_uppercase();
    }
    letters
}

/// True when the first letter is a capital.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A small fast hasher for short keys (FxHash); the index is not exposed to untrusted
/// keys chosen to collide, only to dictionary words.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_plurals_possessives() {
        assert_eq!(fold("Haftar's"), "haftar");
        assert_eq!(fold("Talibans’"), "taliban");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Forces"), "force");
        assert_eq!(fold("militias"), "militia");
        assert_eq!(fold("Militaries"), "military");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Zelenskyy"), "zelenskyy");
        assert_eq!(fold("policemen"), "policemen");
        assert_eq!(fold("men"), "man");
        assert_eq!(fold("Swiss"), "swiss");
        assert_eq!(fold("Россия"), "россия");
    }

    #[test]
    fn caps() {
        assert!(is_all_caps("NATO"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("Nato"));
        assert!(!is_all_caps("..."));
    }
}
