//! Splitting dictionary aliases into words the way the document tokenizer splits text
//! (UD English style: punctuation and possessive `'s` apart, `U.S.` and `al-Qaeda`
//! whole).

/// Byte ranges of the words of `text`.
#[cfg(test)]
pub fn split_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    split_words_into(text, &mut out);
    out
}

/// Byte ranges of the words of `text` into `out` (cleared first).
pub fn split_words_into(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    // The common case (imported phrases, most aliases): plain words between spaces.
    if text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
    {
        let mut start = None;
        for (i, b) in text.bytes().enumerate() {
            match (b == b' ', start) {
                (true, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, text.len()));
        }
        return;
    }
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        // A run of non-space characters, then peel punctuation off both ends.
        let mut end = i;
        while end < text.len() {
            let d = text[end..].chars().next().unwrap_or(' ');
            if d.is_whitespace() {
                break;
            }
            end += d.len_utf8();
        }
        i = end;
        let mut lo = start;
        let mut hi = end;
        while lo < hi && is_edge_punct(text[lo..].chars().next().unwrap_or('a')) {
            let n = text[lo..].chars().next().map_or(1, char::len_utf8);
            out.push((lo, lo + n));
            lo += n;
        }
        let mut tail = Vec::new();
        while hi > lo {
            let last = text[..hi].chars().next_back().unwrap_or('a');
            let n = last.len_utf8();
            let keep_period = last == '.' && text[lo..hi - 1].contains('.');
            if is_edge_punct(last) || (last == '.' && !keep_period && hi - lo > 1) {
                tail.push((hi - n, hi));
                hi -= n;
            } else {
                break;
            }
        }
        if hi > lo {
            // Possessive `'s` / `’s` / trailing `'` as a word of its own.
            let word = &text[lo..hi];
            let cut = ["'s", "’s", "'S"]
                .iter()
                .find(|p| word.len() > p.len() && word.ends_with(*p))
                .map(|p| hi - p.len())
                .or_else(|| {
                    (word.len() > 2 && (word.ends_with('\'') || word.ends_with('’')))
                        .then(|| hi - text[..hi].chars().next_back().map_or(1, char::len_utf8))
                });
            match cut {
                Some(c) => {
                    out.push((lo, c));
                    out.push((c, hi));
                }
                None => out.push((lo, hi)),
            }
        }
        out.extend(tail.into_iter().rev());
    }
}

fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '“'
            | '”'
            | '«'
            | '»'
    )
}

/// True for `'s`, `’s` and a lone apostrophe: the possessive marker as a token.
pub fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’" | "'S")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split_words(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn splits_like_ud() {
        assert_eq!(
            words("Haftar's forces, the U.S. army."),
            ["Haftar", "'s", "forces", ",", "the", "U.S.", "army", "."]
        );
        assert_eq!(words("(al-Qaeda)"), ["(", "al-Qaeda", ")"]);
        assert_eq!(words("Talibans’ aid"), ["Talibans", "’", "aid"]);
        assert_eq!(words("Россия"), ["Россия"]);
        assert_eq!(words(" ISLAMIC  STATE-X "), ["ISLAMIC", "STATE-X"]);
    }
}
