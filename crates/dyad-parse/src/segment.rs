//! Rule-based tokenizer and sentence splitter for news English.
//!
//! Tokens follow UD English (EWT) conventions so the tagger and parser see what they
//! were trained on: possessive `'s`, `n't` and other clitics are split off, hyphenated
//! compounds are split at the hyphen unless the first part is a prefix such as `re-` or
//! `non-`, slashes between words are tokens of their own, while URLs, e-mail addresses,
//! numbers (`10,000`, `3.5`, `1990s`) and abbreviations (`U.S.`, `Gen.`, `Feb.`) stay whole.
//!
//! Sentences end at `.`, `!`, `?` and ellipses followed by something that can start a
//! sentence, at paragraph breaks (a blank line), and after a news dateline such as
//! `KABUL (Reuters) -`. Sentences longer than [`MAX_SENTENCE_TOKENS`] tokens are cut into
//! pieces of at most that length, which keeps the parser's work per sentence bounded.

use dyad_model::{Component, Document, Sentence, Span, Token};

/// Longest sentence (in tokens) the segmenter produces; longer runs are cut.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Fills `doc.sentences` and `doc.tokens` with bare tokens.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Token spans and sentence token ranges of `text`.
    pub fn segment(&self, text: &str) -> (Vec<Span>, Vec<std::ops::Range<usize>>) {
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for paragraph in paragraphs(text) {
            let first = tokens.len();
            let mut chunk_start = None;
            for (i, c) in text[paragraph.range()].char_indices() {
                let at = paragraph.start + i;
                if is_separator(c) {
                    if let Some(start) = chunk_start.take() {
                        tokenize_chunk(text, start, at, &mut tokens);
                    }
                } else if chunk_start.is_none() {
                    chunk_start = Some(at);
                }
            }
            if let Some(start) = chunk_start {
                tokenize_chunk(text, start, paragraph.end, &mut tokens);
            }
            split_sentences(text, &tokens, first, &mut sentences);
        }
        (tokens, sentences)
    }
}

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn annotate(&self, doc: &mut Document) {
        let (spans, ranges) = self.segment(&doc.text);
        doc.tokens = spans.into_iter().map(Token::bare).collect();
        doc.sentences = ranges
            .into_iter()
            .map(|range| Sentence {
                span: doc.tokens[range.start]
                    .span
                    .cover(doc.tokens[range.end - 1].span),
                tokens: range,
            })
            .collect();
    }
}

/// Whitespace and control characters separate tokens and never belong to one.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}')
}

/// Paragraph extents: text between blank lines (a line break, optional spaces, a line break).
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut newlines = 0;
    let mut last_newline = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            newlines += 1;
            if newlines == 2 {
                out.push(Span::new(start, last_newline));
            }
            last_newline = i;
        } else if !(c.is_whitespace() || c.is_control()) {
            if newlines >= 2 {
                start = i;
            }
            newlines = 0;
        }
    }
    if newlines < 2 {
        out.push(Span::new(start, text.len()));
    }
    out.retain(|p| !p.is_empty());
    out
}

const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", ":-/", "<3",
    ":o)", "=)", ":O",
];

const MAX_EMOTICON_LEN: usize = 3;

const OPENING: &[char] = &[
    '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '<', '`', '$', '£', '€', '¥', '#', '„',
];
const CLOSING: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '}', '>', ',', ';', ':', '!', '?', '%', '.', '…',
];

/// Prefixes UD English keeps attached to the rest of a hyphenated word.
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "anti", "pre", "re", "mid", "co", "post", "over", "pro", "multi", "ex", "semi",
    "counter", "sub", "vice", "inter", "intra", "un", "de", "bi", "tri", "mis", "neo", "pan",
    "ultra", "micro", "macro", "mega", "cross", "trans", "hyper", "quasi", "x", "t",
];

/// Words that end with a period but are abbreviations, lowercased, without the period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "sens", "gens", "pres", "supt",
    "insp", "det", "amb", "hon", "rev", "fr", "st", "mt", "ft", "jr", "sr", "messrs", "inc",
    "corp", "ltd", "co", "bros", "plc", "dept", "univ", "assn", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs",
    "fri", "sat", "sun", "vs", "etc", "approx", "est", "fig", "no", "nos", "vol", "pp", "ave",
    "blvd", "rd", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
    "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "al", "cf", "ext", "tel", "min",
    "max", "govt", "intl", "natl", "ph", "mln", "bln",
];

/// Abbreviations after which a capitalised word never starts a new sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "sens", "gens", "pres", "supt",
    "insp", "det", "amb", "hon", "rev", "fr", "st", "mt", "messrs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vs",
];

fn is_abbreviation(word_with_period: &str) -> bool {
    let Some(word) = word_with_period.strip_suffix('.') else {
        return false;
    };
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "e.g.", "a.m."
    let mut letters = 0;
    let mut dotted = true;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => {
                dotted = false;
                break;
            }
        }
    }
    if dotted && letters >= 1 {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_title(word_with_period: &str) -> bool {
    let word = word_with_period.trim_end_matches('.');
    let lower = word.to_ascii_lowercase();
    TITLES.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn is_url_or_email(chunk: &str) -> bool {
    let rest = chunk.trim_start_matches(OPENING).as_bytes();
    let starts_with = |prefix: &str| {
        rest.len() >= prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if starts_with("http://") || starts_with("https://") || starts_with("www.") {
        return true;
    }
    // Lowercasing would not change what is tested below: '@', '.', emptiness and
    // whether the host starts with a letter or digit.
    let rest = chunk.trim_start_matches(OPENING);
    if let Some(at) = rest.find('@') {
        let (user, host) = (&rest[..at], &rest[at + 1..]);
        return !user.is_empty()
            && host.contains('.')
            && host.chars().next().is_some_and(|c| c.is_alphanumeric());
    }
    false
}

/// Splits one whitespace-free chunk `text[start..end]` into token spans.
fn tokenize_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let chunk = &text[start..end];
    if chunk.len() <= MAX_EMOTICON_LEN && EMOTICONS.contains(&chunk) {
        out.push(Span::new(start, end));
        return;
    }
    let mut lo = start;
    let mut hi = end;
    let url = is_url_or_email(chunk);

    // Leading punctuation, one token each (a run of the same mark is one token).
    while lo < hi {
        let rest = &text[lo..hi];
        let c = rest.chars().next().unwrap_or(' ');
        if !OPENING.contains(&c) {
            if c == '-' || c == '—' || c == '–' {
                let len = run_len(rest, c);
                if len < rest.len() {
                    out.push(Span::new(lo, lo + len));
                    lo += len;
                    continue;
                }
            }
            break;
        }
        // Keep apostrophes of "'90s" and of a bare clitic like "'s".
        if c == '\'' || c == '’' {
            let after = &rest[c.len_utf8()..];
            if after.starts_with(|d: char| d.is_ascii_digit())
                || ["s", "re", "ve", "ll", "d", "m", "S"].contains(&after)
            {
                break;
            }
        }
        let len = run_len(rest, c);
        if len == rest.len() {
            break;
        }
        out.push(Span::new(lo, lo + len));
        lo += len;
    }

    // Trailing punctuation, collected right to left.
    let mut trailing = Vec::new();
    while lo < hi {
        let rest = &text[lo..hi];
        let c = rest.chars().next_back().unwrap_or(' ');
        if !CLOSING.contains(&c) {
            break;
        }
        if url
            && !matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '’' | '>'
            )
        {
            break;
        }
        if c == '.' {
            if rest.ends_with("..")
                && !rest.ends_with("...")
                && is_abbreviation(&rest[..rest.len() - 1])
            {
                // "Inc.." is the abbreviation and a full stop.
                trailing.push(Span::new(hi - 1, hi));
                hi -= 1;
                break;
            }
            if rest.ends_with("...") && rest.len() > 3 {
                let len = rest.len() - rest.trim_end_matches('.').len();
                trailing.push(Span::new(hi - len, hi));
                hi -= len;
                continue;
            }
            if !url && is_abbreviation(rest) {
                break;
            }
        }
        // Possessive of a plural: "students'" splits, but not a lone quote.
        let len = run_len_back(rest, c);
        if len == rest.len() {
            break;
        }
        trailing.push(Span::new(hi - len, hi));
        hi -= len;
    }

    if lo < hi {
        if url {
            out.push(Span::new(lo, hi));
        } else {
            split_core(text, lo, hi, out);
        }
    }
    out.extend(trailing.into_iter().rev());
}

fn run_len(s: &str, c: char) -> usize {
    s.len() - s.trim_start_matches(c).len()
}

fn run_len_back(s: &str, c: char) -> usize {
    s.len() - s.trim_end_matches(c).len()
}

/// Clitics split off the end of a word, longest first.
const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'S", "’S", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d",
    "'m", "’m", "'RE", "'VE", "'LL", "'D", "'M", "N'T",
];

/// Splits a word without edge punctuation: clitics, hyphens, slashes.
fn split_core(text: &str, lo: usize, hi: usize, out: &mut Vec<Span>) {
    let word = &text[lo..hi];
    // Every clitic has an apostrophe: most words need no suffix tests.
    let clitics: &[&str] = if word.contains(['\'', '’']) {
        CLITICS
    } else {
        &[]
    };
    for clitic in clitics {
        if let Some(stem) = word.strip_suffix(clitic) {
            if !stem.is_empty() && stem.chars().next_back().is_some_and(char::is_alphanumeric) {
                split_inner(text, lo, lo + stem.len(), out);
                out.push(Span::new(lo + stem.len(), hi));
                return;
            }
        }
    }
    for (whole, first) in [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
        if word.eq_ignore_ascii_case(whole) {
            out.push(Span::new(lo, lo + first));
            out.push(Span::new(lo + first, hi));
            return;
        }
    }
    split_inner(text, lo, hi, out);
}

/// Byte index of a comma with a letter on each side, if any.
fn comma_between_letters(word: &str) -> Option<usize> {
    let at = word.find(',')?;
    let before = word[..at].chars().next_back()?;
    let after = word[at + 1..].chars().next()?;
    (before.is_alphabetic() && after.is_alphabetic()).then_some(at)
}

/// Words whose hyphens or slashes UD English keeps inside the token: numbers and
/// codes ("713-853-3989", "1/2", "01-Feb-02"), abbreviations like "b/c" and "w/o",
/// and prefixed words ("re-elected").
fn keeps_joined(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '/']).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    let numeric = |p: &&str| {
        p.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    if parts.iter().all(numeric) {
        // Phone numbers and dates stay whole; a range like "1998-30" splits.
        return word.contains('/')
            || parts.len() >= 3
            || (parts[1].len() >= 4 && parts[0].len() != 4);
    }
    if parts.len() == 3 && numeric(&parts[0]) && numeric(&parts[2]) {
        return true;
    }
    if word.contains('/') && parts.iter().all(|p| p.chars().count() == 1) {
        return true;
    }
    !word.contains('/') && HYPHEN_PREFIXES.contains(&parts[0].to_ascii_lowercase().as_str())
}

/// Splits at hyphens and slashes between words (UD English style); numbers, codes
/// and prefixed words ("re-elected") stay whole.
fn split_inner(text: &str, lo: usize, hi: usize, out: &mut Vec<Span>) {
    let word = &text[lo..hi];
    if let Some(at) = comma_between_letters(word) {
        // A missing space after a comma ("ago,they") still separates words.
        split_inner(text, lo, lo + at, out);
        out.push(Span::new(lo + at, lo + at + 1));
        split_inner(text, lo + at + 1, hi, out);
        return;
    }
    if let Some(at) = word.find("..") {
        // An ellipsis inside a word ("past...and") is a token of its own.
        let dots = word[at..].len() - word[at..].trim_start_matches('.').len();
        if at > 0 {
            split_inner(text, lo, lo + at, out);
        }
        out.push(Span::new(lo + at, lo + at + dots));
        if lo + at + dots < hi {
            split_inner(text, lo + at + dots, hi, out);
        }
        return;
    }
    let splittable = |b: u8| b == b'-' || b == b'/';
    if !word.bytes().any(splittable) || keeps_joined(word) {
        out.push(Span::new(lo, hi));
        return;
    }
    let bytes = word.as_bytes();
    let mut piece_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if splittable(bytes[i]) {
            let mut j = i;
            while j < bytes.len() && bytes[j] == bytes[i] {
                j += 1;
            }
            if piece_start < i {
                out.push(Span::new(lo + piece_start, lo + i));
            }
            out.push(Span::new(lo + i, lo + j));
            piece_start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    if piece_start < bytes.len() {
        out.push(Span::new(lo + piece_start, hi));
    }
}

/// Pronouns and function words that start sentences, used to decide whether an
/// abbreviation such as "U.S." also ends its sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Officials",
    "According",
    "As",
    "Some",
    "Many",
    "Most",
    "No",
    "Now",
    "Then",
    "Yet",
    "So",
];

fn is_final_mark(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "''")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "--" | "—" | "–")
}

/// Appends the sentences of one paragraph (tokens `first..`) to `sentences`.
fn split_sentences(
    text: &str,
    tokens: &[Span],
    first: usize,
    sentences: &mut Vec<std::ops::Range<usize>>,
) {
    let end = tokens.len();
    if first == end {
        return;
    }
    let form = |i: usize| &text[tokens[i].range()];
    let mut start = first;
    let mut boundaries = Vec::new();
    if let Some(after) = dateline_end(text, tokens, first) {
        boundaries.push(after);
    }
    let mut i = first;
    while i < end {
        let f = form(i);
        let mut last = i;
        let ends = if is_final_mark(f) {
            true
        } else if f.len() > 1 && f.ends_with('.') && is_abbreviation(f) && !is_title(f) {
            i + 1 < end && SENTENCE_STARTERS.contains(&form(i + 1))
        } else {
            false
        };
        if ends {
            while last + 1 < end
                && is_closing_quote(form(last + 1))
                && tokens[last + 1].start == tokens[last].end
            {
                last += 1;
            }
            // After "." "!" "?" even a lowercase word starts a sentence (web text
            // often skips capitals); after an ellipsis or an abbreviation it must not.
            let lowercase_ok = is_final_mark(f) && !f.starts_with("..") && !f.starts_with('…');
            let next_starts = last + 1 < end && {
                let c = form(last + 1).chars().next().unwrap_or(' ');
                !((c.is_lowercase() && !lowercase_ok) || matches!(c, ',' | ';' | ':' | ')' | '-'))
            };
            if next_starts {
                boundaries.push(last + 1);
            }
        }
        i = last + 1;
    }
    boundaries.sort_unstable();
    boundaries.dedup();
    for b in boundaries.into_iter().chain(std::iter::once(end)) {
        if b > start {
            push_capped(start, b, sentences);
            start = b;
        }
    }
}

fn push_capped(start: usize, end: usize, sentences: &mut Vec<std::ops::Range<usize>>) {
    let mut s = start;
    while end - s > MAX_SENTENCE_TOKENS {
        sentences.push(s..s + MAX_SENTENCE_TOKENS);
        s += MAX_SENTENCE_TOKENS;
    }
    sentences.push(s..end);
}

/// The token index just after a dateline such as "KABUL (Reuters) -" or
/// "KABUL, Feb 12 (Reuters) -" at the start of a paragraph.
fn dateline_end(text: &str, tokens: &[Span], first: usize) -> Option<usize> {
    let form = |i: usize| &text[tokens[i].range()];
    let head = form(first);
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || head.chars().any(char::is_lowercase) {
        return None;
    }
    let limit = (first + 14).min(tokens.len());
    let open = (first + 1..limit).find(|&i| form(i) == "(")?;
    let close = (open + 1..(open + 5).min(limit)).find(|&i| form(i) == ")")?;
    let dash = close + 1;
    (dash < tokens.len() && is_dash(form(dash)) && dash + 1 < tokens.len()).then_some(dash + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let (spans, _) = Segmenter::new().segment(text);
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let (spans, ranges) = Segmenter::new().segment(text);
        ranges
            .iter()
            .map(|r| &text[spans[r.start].start..spans[r.end - 1].end])
            .collect()
    }

    #[test]
    fn splits_clitics_and_possessives() {
        assert_eq!(
            tokens("Russia's army didn't leave; the students' books can't wait."),
            vec![
                "Russia", "'s", "army", "did", "n't", "leave", ";", "the", "students", "'",
                "books", "ca", "n't", "wait", "."
            ]
        );
        assert_eq!(tokens("I cannot go"), vec!["I", "can", "not", "go"]);
        assert_eq!(tokens("ago,they said"), vec!["ago", ",", "they", "said"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_urls() {
        assert_eq!(
            tokens("Lt. Col. Smith of the U.S. Army sent 10,000 rifles (3.5 tons) in the 1990s."),
            vec![
                "Lt.", "Col.", "Smith", "of", "the", "U.S.", "Army", "sent", "10,000", "rifles",
                "(", "3.5", "tons", ")", "in", "the", "1990s", "."
            ]
        );
        assert_eq!(
            tokens("See https://example.org/a-b?x=1, or mail j.doe@example.com."),
            vec![
                "See",
                "https://example.org/a-b?x=1",
                ",",
                "or",
                "mail",
                "j.doe@example.com",
                "."
            ]
        );
    }

    #[test]
    fn hyphens_and_slashes_follow_ud() {
        assert_eq!(
            tokens("a long-term, re-elected and/or pro-Russian e-mail"),
            vec![
                "a",
                "long",
                "-",
                "term",
                ",",
                "re-elected",
                "and",
                "/",
                "or",
                "pro-Russian",
                "e-mail"
            ]
        );
    }

    #[test]
    fn quotes_are_tokens() {
        assert_eq!(
            tokens("\"We deny it,\" he said."),
            vec!["\"", "We", "deny", "it", ",", "\"", "he", "said", "."]
        );
    }

    #[test]
    fn sentence_boundaries() {
        assert_eq!(
            sentences("Mr. Putin met Gen. Petraeus on Jan. 5. They talked. \"Good,\" he said. Then he left!"),
            vec![
                "Mr. Putin met Gen. Petraeus on Jan. 5.",
                "They talked.",
                "\"Good,\" he said.",
                "Then he left!"
            ]
        );
        assert_eq!(
            sentences("Aid came from the U.S. The Taliban denied it."),
            vec!["Aid came from the U.S.", "The Taliban denied it."]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(
            sentences("Russia arms Taliban\n\nMoscow denied the report"),
            vec!["Russia arms Taliban", "Moscow denied the report"]
        );
    }

    #[test]
    fn datelines_are_their_own_sentence() {
        assert_eq!(
            sentences("KABUL (Reuters) - Russia supplies rifles."),
            vec!["KABUL (Reuters) -", "Russia supplies rifles."]
        );
        assert_eq!(
            sentences("KABUL, Feb 12 (Reuters) - Russia supplies rifles."),
            vec!["KABUL, Feb 12 (Reuters) -", "Russia supplies rifles."]
        );
    }

    #[test]
    fn emoticons_fit_the_length_filter() {
        assert!(EMOTICONS.iter().all(|e| e.len() <= MAX_EMOTICON_LEN));
        assert!(CLITICS.iter().all(|c| c.contains(['\'', '’'])));
        assert_eq!(tokens("Great :-) thanks"), vec!["Great", ":-)", "thanks"]);
    }

    #[test]
    fn overlong_sentences_are_cut() {
        let text = "word ".repeat(10_000);
        let (spans, ranges) = Segmenter::new().segment(&text);
        assert_eq!(spans.len(), 10_000);
        assert_eq!(ranges.len(), 40);
        assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS));
    }
}
