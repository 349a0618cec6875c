//! The small pieces dates and quantities are read from.
//!
//! Tokenizers differ on `mid-1990s`, `Feb.`, `$3.5` and `2016-02-12` (one token or
//! several), so the readers here work on *atoms*: each token's text cut at hyphens,
//! slashes, currency signs and edge punctuation, with digit groups (`10,000`, `3.5`) and
//! dotted abbreviations (`U.S.`) kept whole. Every atom remembers its byte span and its
//! token, so a phrase found on atoms maps back to the text exactly.

use dyad_model::{Document, Span};

/// One piece of a token.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Atom {
    /// Lowercased text.
    pub text: String,
    pub span: Span,
    /// Document-level token index.
    pub token: usize,
    /// Starts with an uppercase letter in the document.
    pub upper: bool,
    /// Directly follows the previous atom with no space between.
    pub glued: bool,
}

impl Atom {
    pub fn is_digits(&self) -> bool {
        !self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit())
    }

    pub fn is_dash(&self) -> bool {
        matches!(self.text.as_str(), "-" | "--" | "–" | "—")
    }
}

/// The atoms of sentence `s`, in text order.
pub(super) fn sentence_atoms(doc: &Document, s: usize) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut previous_end = usize::MAX;
    for token in doc.sentences[s].tokens.clone() {
        let span = doc.tokens[token].span;
        for (start, end) in cut(&doc.text[span.range()]) {
            let span = Span::new(span.start + start, span.start + end);
            let text = &doc.text[span.range()];
            atoms.push(Atom {
                text: text.to_lowercase(),
                span,
                token,
                upper: text.starts_with(|c: char| c.is_uppercase()),
                glued: span.start == previous_end,
            });
            previous_end = span.end;
        }
    }
    atoms
}

/// Byte ranges of the atoms of one token's text.
fn cut(text: &str) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut word_start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(n + 1).map(|&(_, c)| c);
        let previous = n.checked_sub(1).map(|p| chars[p].1);
        let joins_word = c.is_alphanumeric()
            // 10,000 and 3.5: a separator between digits.
            || (matches!(c, ',' | '.') && previous.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|x| x.is_ascii_digit()))
            // U.S., a.m.: a dot between letters, or closing a dotted abbreviation.
            || (c == '.' && word_start.is_some_and(|s| is_dotted(&text[s..at], next)))
            // Apostrophes inside words ("Ma'rib").
            || (matches!(c, '\'' | '’') && previous.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic));
        if joins_word {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take() {
            pieces.push((start, at));
        }
        if !c.is_whitespace() {
            pieces.push((at, at + c.len_utf8()));
        }
    }
    if let Some(start) = word_start {
        pieces.push((start, text.len()));
    }
    pieces
}

/// A dot continues `word` when a letter follows (`U.S`) or the word already holds a dot
/// between letters (the final dot of `U.S.`).
fn is_dotted(word: &str, next: Option<char>) -> bool {
    let letters = !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '.');
    letters
        && (next.is_some_and(char::is_alphabetic) && word.chars().count() <= 3
            || word.contains('.') && next.is_none())
}

/// `1..=12` for a month name or its abbreviation ("sept", "feb").
pub(super) use dyad_model::month_from_name as month;

/// ISO weekday (Monday = 1) for a weekday name or abbreviation. "Mon", "Wed", "Sat"
/// and "Sun" are left out: as capitalised words they are more often names ("The Sun").
pub(super) fn weekday(word: &str) -> Option<u8> {
    let d = match word.trim_end_matches('.') {
        "monday" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some(d)
}

/// Value of a cardinal number word below a hundred ("five", "twenty").
pub(super) fn small_number(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = UNITS.iter().position(|&u| u == word) {
        return Some(n as u32);
    }
    TENS.iter()
        .position(|&t| t == word)
        .map(|n| (n as u32 + 2) * 10)
}

/// Value of a digit group: "10,000" → 10000, "3.5" → 3.5.
pub(super) fn digits_value(text: &str) -> Option<f64> {
    let first = text.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    plain.parse().ok()
}

/// Reads a spelled or written number starting at atom `i`: "10,000", "3.5 million",
/// "twenty-one", "two hundred", "a dozen", "two dozen", "a thousand". Returns the end
/// (exclusive) and the value.
pub(super) fn read_number(atoms: &[Atom], i: usize) -> Option<(usize, f64)> {
    let word = |k: usize| atoms.get(k).map(|a| a.text.as_str());
    let (mut end, mut value) = if let Some(v) = word(i).and_then(digits_value) {
        (i + 1, v)
    } else if matches!(word(i), Some("a" | "an" | "one"))
        && word(i + 1).is_some_and(|w| scale(w).is_some())
    {
        (i + 1, 1.0)
    } else if let Some(tens) = word(i).and_then(small_number) {
        // "twenty-one" / "twenty one"
        let unit = word(i + 2)
            .filter(|_| tens >= 20 && tens % 10 == 0 && word(i + 1) == Some("-"))
            .and_then(small_number)
            .filter(|&u| (1..10).contains(&u));
        match unit {
            Some(u) => (i + 3, f64::from(tens + u)),
            None => (i + 1, f64::from(tens)),
        }
    } else {
        return None;
    };
    // Scale words multiply: "3.5 million", "two hundred thousand", "two dozen".
    while let Some(factor) = word(end).and_then(scale) {
        value *= factor;
        end += 1;
    }
    Some((end, value))
}

/// Multiplier of a scale word.
pub(super) fn scale(word: &str) -> Option<f64> {
    let factor = match word {
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    };
    Some(factor)
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::doc;
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let d = doc(text, None);
        sentence_atoms(&d, 0).into_iter().map(|a| a.text).collect()
    }

    #[test]
    fn cuts_tokens_into_atoms() {
        assert_eq!(
            texts("in the mid-1990s"),
            ["in", "the", "mid", "-", "1990s"]
        );
        assert_eq!(texts("Feb. 12, 2016"), ["feb", ".", "12", ",", "2016"]);
        assert_eq!(texts("$3.5 million"), ["$", "3.5", "million"]);
        assert_eq!(texts("10,000 U.S. rifles"), ["10,000", "u.s.", "rifles"]);
        assert_eq!(texts("2016-02-12"), ["2016", "-", "02", "-", "12"]);
        assert_eq!(texts("in '90s"), ["in", "'", "90s"]);
    }

    #[test]
    fn atoms_keep_exact_spans() {
        let d = doc("On Feb. 12 they met", None);
        for atom in sentence_atoms(&d, 0) {
            assert_eq!(d.text[atom.span.range()].to_lowercase(), atom.text);
        }
    }

    #[test]
    fn reads_numbers() {
        let read = |text: &str| {
            let d = doc(text, None);
            read_number(&sentence_atoms(&d, 0), 0)
        };
        assert_eq!(read("10,000 rifles"), Some((1, 10_000.0)));
        assert_eq!(read("3.5 million dollars"), Some((2, 3_500_000.0)));
        assert_eq!(read("twenty-one people"), Some((3, 21.0)));
        assert_eq!(read("two dozen"), Some((2, 24.0)));
        assert_eq!(read("a dozen men"), Some((2, 12.0)));
        assert_eq!(read("two hundred thousand"), Some((3, 200_000.0)));
        assert_eq!(read("a man"), None);
    }
}
