//! Rule-based tokenizer and sentence splitter for news English.
//!
//! Tokens follow UD English (EWT) conventions so the tagger and parser see what they
//! were trained on: possessive `'s`, `n't` and other clitics are split off (also when
//! typed with a backtick, and in apostrophe-less web spellings such as `dont` and `im`),
//! as are `cannot`, `gonna` and a unit written onto its number (`7:30pm`, `35mm`).
//! Hyphenated compounds split at the hyphen unless the first part is a prefix such as
//! `re-` or `non-`; long dashes and slashes between words are tokens of their own; a run
//! of mixed final marks (`?!`, `.?`) is one token. URLs, e-mail addresses, hashtags,
//! emoticons, numbers (`10,000`, `3.5`, `1990s`, `80's`) and abbreviations (`U.S.`,
//! `Gen.`, `Feb.`) stay whole, except that an abbreviation ending a sentence gives its
//! period to a token of its own (`etc.` + end = `etc` `.`), as EWT does.
//!
//! Sentences end at `.`, `!`, `?` and ellipses followed by something that can start a
//! sentence (closing quotes and brackets, a further stop and a trailing smiley stay with
//! the sentence they close), after an abbreviation followed by a typical sentence
//! opener (`U.S. The`), at paragraph breaks (a blank line), after a news dateline
//! (`KABUL (Reuters) -`, `WASHINGTON —`, `Herat, Afghanistan -`), after a headline date
//! (`Friday, March 4, 2016`), and before a photo credit (`Image: Reuters`). A list item
//! number (`1.` opening a sentence or after a colon) does not end one. Sentences longer
//! than [`MAX_SENTENCE_TOKENS`] tokens are cut into pieces of at most that length, which
//! keeps the parser's work per sentence bounded.
//!
//! The rules were chosen by error analysis on the EWT train split (GUM news is used
//! for evaluation only). Work is linear in the text: every chunk is split in one pass
//! without recursion, and the tests check a 10,000-word run without punctuation and
//! chunks of hundreds of kilobytes without a space.

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
            split_sentences(text, &mut tokens, first, &mut sentences);
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
        // Bidirectional embeddings and isolates: invisible, never part of a word.
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
    ":o)", "=)", ":O", "(:", "):", "^_^", ">:(", ":'(", "x.x", "XD", ":3",
];

const MAX_EMOTICON_LEN: usize = 3;

const OPENING: &[char] = &[
    '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '<', '`', '$', '£', '€', '¥', '#', '„', '~',
];
const CLOSING: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '}', '>', ',', ';', ':', '!', '?', '%', '.', '…', '“',
    '‘',
];

/// Sentence-final marks; a run of them ("?!", ".?", "!!!") is one token.
const FINAL_MARKS: &[char] = &['.', '!', '?', '…'];

/// Names that end in a mark which belongs to them.
const NAMES_WITH_MARKS: &[&str] = &["Yahoo!", "Jeopardy!"];

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
    "max", "govt", "intl", "natl", "ph", "mln", "bln", "yrs", "hrs", "mins", "secs", "lb", "lbs",
    "oz", "esp", "eg", "attn", "ps", "ont", "que", "alta", "sask", "sec", "para",
];

/// Abbreviations that, written in lowercase, are more often ordinary words.
const WORDLIKE_ABBREVIATIONS: &[&str] = &[
    "no", "ill", "sun", "mass", "miss", "wash", "min", "max", "mar", "sat", "wed", "del", "la",
    "ind", "fig", "ore", "est", "col",
];

/// Abbreviations after which a capitalised word never starts a new sentence. Month
/// abbreviations are not among them: "on Sept. He was" ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "sens", "gens", "pres", "supt",
    "insp", "det", "amb", "hon", "rev", "fr", "st", "mt", "messrs", "no", "nos", "vol", "vs",
];

/// Words that, after a single capital and its period, start a new sentence ("grade
/// A. The data"); a surname after an initial ("John A. Smith") does not.
const AFTER_INITIAL_STARTERS: &[&str] = &[
    "The", "This", "These", "Those", "They", "He", "She", "It", "We", "But", "However", "In", "On",
    "At", "If", "When", "There", "That", "His", "Her", "Its", "Their", "Our",
];

/// Longest abbreviation, in bytes without its final period ("L.L.C", "Messrs").
const MAX_ABBREVIATION_LEN: usize = 12;

fn is_abbreviation(word_with_period: &str) -> bool {
    let Some(word) = word_with_period.strip_suffix('.') else {
        return false;
    };
    // Abbreviations are short; the bound also keeps long chunks linear.
    if word.is_empty() || word.len() > MAX_ABBREVIATION_LEN {
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
    if WORDLIKE_ABBREVIATIONS.contains(&word) {
        // "ill." and "no." in lowercase are words before a full stop.
        return false;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_title(word_with_period: &str) -> bool {
    let lower = word_with_period.trim_end_matches('.').to_ascii_lowercase();
    TITLES.contains(&lower.as_str())
}

/// An initial: one capital letter and its period ("A.").
fn is_initial(word_with_period: &str) -> bool {
    let mut chars = word_with_period.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
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

/// Where quotes or brackets glued to a name open an e-mail address in `chunk`
/// (`Ruth"<ruth@example.org>` -> 4), if they do and something comes before them.
fn glued_email_start(chunk: &str) -> Option<usize> {
    let at = chunk.find('@')?;
    let user = &chunk[..at];
    let marks = user.rfind(['"', '<', '(', '['])?;
    let first_mark = user[..=marks].trim_end_matches(['"', '<', '(', '[']).len();
    (first_mark > 0 && !chunk.contains("://")).then_some(first_mark)
}

/// Splits one whitespace-free chunk `text[start..end]` into token spans.
fn tokenize_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let chunk = &text[start..end];
    if chunk.len() <= MAX_EMOTICON_LEN && EMOTICONS.contains(&chunk) {
        out.push(Span::new(start, end));
        return;
    }
    if let Some(at) = glued_email_start(chunk) {
        // `Ruth"<ruth@example.org>`: the name and the address are tokens apart.
        tokenize_chunk(text, start, start + at, out);
        tokenize_chunk(text, start + at, end, out);
        return;
    }
    let mut lo = start;
    let mut hi = end;
    let url = is_url_or_email(chunk);
    // "[http://x.org]" gives its "]" back; a URL holding "[" keeps it.
    let url_has_bracket = url && chunk.trim_start_matches(OPENING).contains('[');

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
        // A hashtag keeps its "#".
        if c == '#' && rest[1..].starts_with(char::is_alphabetic) {
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
        // Two single quotes typed as a double one ("‘’") are one token.
        let len = if rest.starts_with("‘’") {
            "‘’".len()
        } else {
            run_len(rest, c)
        };
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
            && !(matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '’' | '>'
            ) || (c == ']' && !url_has_bracket))
        {
            break;
        }
        if NAMES_WITH_MARKS.contains(&rest) {
            break;
        }
        if c != '.' && FINAL_MARKS.contains(&c) {
            // A run of mixed marks ("?!", ".?", "!.") is one token, but an ellipsis
            // stays apart ("..." "?"), and so does a leading period that belongs to an
            // abbreviation ("U.S." "?") or a name ("Yahoo!" "?").
            let mut len = rest.len() - rest.trim_end_matches(FINAL_MARKS).len();
            if len == rest.len() {
                break;
            }
            let run = &rest[rest.len() - len..];
            if let Some(dots) = run.rfind("..") {
                len = run.len() - dots - 2;
            } else if run.starts_with('.') && is_abbreviation(&rest[..rest.len() - len + 1]) {
                len -= 1;
            }
            if let Some(name) = NAMES_WITH_MARKS.iter().find(|n| rest.starts_with(**n)) {
                len = len.min(rest.len() - name.len());
            }
            if len == 0 {
                break;
            }
            trailing.push(Span::new(hi - len, hi));
            hi -= len;
            continue;
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
            let run = rest.len() - rest.trim_end_matches(FINAL_MARKS).len();
            if run < rest.len()
                && !rest.ends_with("..")
                && rest[rest.len() - run..].contains(['!', '?', '…'])
            {
                // "!." and "…." are one token.
                trailing.push(Span::new(hi - run, hi));
                hi -= run;
                continue;
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
    "'m", "’m", "'RE", "'VE", "'LL", "'D", "'M", "N'T", "n`t", "`s",
];

/// Contractions written without their apostrophe ("dont", "im") that UD English
/// still splits, with the byte length of the first word (at most 8 bytes each).
/// Only forms that are not also ordinary words ("its", "were", "well", "ill" stay
/// whole).
const BARE_CONTRACTIONS: &[(&str, usize)] = &[
    ("aint", 2),
    ("arent", 3),
    ("cant", 2),
    ("couldnt", 5),
    ("didnt", 3),
    ("doesnt", 4),
    ("dont", 2),
    ("hadnt", 3),
    ("hasnt", 3),
    ("havent", 4),
    ("heres", 4),
    ("hes", 2),
    ("im", 1),
    ("isnt", 2),
    ("itll", 2),
    ("ive", 1),
    ("mustnt", 4),
    ("shes", 3),
    ("shouldnt", 6),
    ("thats", 4),
    ("theres", 5),
    ("theyre", 4),
    ("theyve", 4),
    ("wasnt", 3),
    ("werent", 4),
    ("whats", 4),
    ("wont", 2),
    ("wouldnt", 5),
    ("youre", 3),
    ("youve", 3),
];

/// Units written straight after a number ("5pm", "35mm") that UD English splits off.
const UNITS: &[&str] = &[
    "am", "pm", "mm", "cm", "km", "kg", "mg", "ml", "lb", "lbs", "oz", "mph", "kph", "gb", "mb",
    "kb", "tb", "ghz", "mhz", "kw", "mw",
];

/// Splits a word without edge punctuation: clitics, hyphens, slashes.
fn split_core(text: &str, lo: usize, hi: usize, out: &mut Vec<Span>) {
    let word = &text[lo..hi];
    // Every clitic has an apostrophe: most words need no suffix tests.
    let clitics: &[&str] = if word.contains(['\'', '’', '`']) {
        CLITICS
    } else {
        &[]
    };
    for clitic in clitics {
        if let Some(stem) = word.strip_suffix(clitic) {
            // A decade keeps its "'s" ("80's", "1990's").
            let decade = matches!(stem.len(), 2 | 4)
                && stem.ends_with('0')
                && stem.bytes().all(|b| b.is_ascii_digit());
            if !stem.is_empty()
                && !decade
                && stem.chars().next_back().is_some_and(char::is_alphanumeric)
            {
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
    if let Some(first) = bare_contraction_split(word) {
        out.push(Span::new(lo, lo + first));
        out.push(Span::new(lo + first, hi));
        return;
    }
    if let Some(at) = number_unit_split(word) {
        out.push(Span::new(lo, lo + at));
        out.push(Span::new(lo + at, hi));
        return;
    }
    split_inner(text, lo, hi, out);
}

/// The bytes of a short word, lowercased, packed into one integer (words hold no
/// NUL byte, so different words of up to 8 bytes get different keys).
const fn packed_lowercase(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < word.len() {
        key = (key << 8) | word[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    key
}

/// [`BARE_CONTRACTIONS`] as packed keys: comparing integers is much cheaper than
/// comparing strings for every word of the text.
const BARE_CONTRACTION_KEYS: [u64; BARE_CONTRACTIONS.len()] = {
    let mut keys = [0u64; BARE_CONTRACTIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = packed_lowercase(BARE_CONTRACTIONS[i].0.as_bytes());
        i += 1;
    }
    keys
};

/// Where an apostrophe-less contraction ("dont", "Im") splits, if `word` is one.
fn bare_contraction_split(word: &str) -> Option<usize> {
    if !(2..=8).contains(&word.len()) {
        return None;
    }
    let key = packed_lowercase(word.as_bytes());
    let at = BARE_CONTRACTION_KEYS.iter().position(|&k| k == key)?;
    let (whole, first) = BARE_CONTRACTIONS[at];
    // "IM" and "HES" in capitals are more likely acronyms than "I'm" or "he's".
    let capitals = word.bytes().all(|b| b.is_ascii_uppercase());
    (!(capitals && whole.len() < 4)).then_some(first)
}

/// Where a number written together with its unit ("7:30PM", "35mm") splits.
fn number_unit_split(word: &str) -> Option<usize> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let at = word.find(|c: char| c.is_ascii_alphabetic())?;
    let number = &word[..at];
    let unit = &word[at..];
    let numeric = number
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b','));
    (numeric && !number.ends_with(['.', ',']) && UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u)))
        .then_some(at)
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

/// Splits a word at what always separates words inside it: a comma or semicolon
/// between letters (a missing space, "ago,they"), an ellipsis ("past...and") and
/// long dashes ("warming—90"); the pieces go on to [`split_hyphens`]. One pass, no
/// recursion, so a huge chunk costs linear time and no stack.
fn split_inner(text: &str, lo: usize, hi: usize, out: &mut Vec<Span>) {
    // Most words hold none of them (both long dashes start with byte 0xE2).
    if !text[lo..hi]
        .bytes()
        .any(|b| matches!(b, b',' | b';' | b'.' | 0xE2))
    {
        split_hyphens(text, lo, hi, out);
        return;
    }
    let mut piece_start = lo;
    let mut at = lo;
    while at < hi {
        let rest = &text[at..hi];
        let c = rest.chars().next().unwrap_or(' ');
        let separator = match c {
            '—' | '–' => c.len_utf8(),
            '.' if rest.starts_with("..") => run_len(rest, '.'),
            ',' | ';'
                if at > piece_start
                    && text[piece_start..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
                    && rest[1..].starts_with(char::is_alphabetic) =>
            {
                1
            }
            _ => 0,
        };
        if separator == 0 {
            at += c.len_utf8();
            continue;
        }
        if piece_start < at {
            split_hyphens(text, piece_start, at, out);
        }
        out.push(Span::new(at, at + separator));
        at += separator;
        piece_start = at;
    }
    if piece_start < hi {
        split_hyphens(text, piece_start, hi, out);
    }
}

/// Splits at hyphens and slashes between words (UD English style); numbers, codes
/// and prefixed words ("re-elected") stay whole.
fn split_hyphens(text: &str, lo: usize, hi: usize, out: &mut Vec<Span>) {
    let word = &text[lo..hi];
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

/// Capitalised words that start sentences, used to decide whether an abbreviation
/// such as "U.S." or "etc." also ends its sentence (a name after "Inc." does not).
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
    "Or",
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
    "My",
    "Your",
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
    "What",
    "Where",
    "Why",
    "How",
    "Who",
    "Which",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Can",
    "Could",
    "Would",
    "Should",
    "Will",
    "Also",
    "For",
    "To",
    "With",
    "All",
    "Here",
    "Please",
    "Thanks",
    "Since",
    "Because",
    "Although",
    "Though",
    "Still",
    "Even",
    "Just",
    "Each",
    "Both",
    "Let",
    "Yes",
];

/// Words that introduce a photo credit or caption source ("Image: Reuters").
const CREDIT_WORDS: &[&str] = &[
    "Image",
    "Photo",
    "Photograph",
    "Picture",
    "Credit",
    "Source",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn is_final_mark(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| FINAL_MARKS.contains(&c))
}

fn is_closing_quote(s: &str) -> bool {
    // Typists often close with an opening curly quote: `decision.“ However`.
    matches!(
        s,
        "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "''" | "“" | "‘" | "’’" | "””"
    )
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "--" | "—" | "–")
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Appends the sentences of one paragraph (tokens `first..`) to `sentences`. An
/// abbreviation that ends a sentence gives its period to a token of its own, as UD
/// English does ("etc." + end of sentence = "etc" "."), so `tokens` may grow.
fn split_sentences(
    text: &str,
    tokens: &mut Vec<Span>,
    first: usize,
    sentences: &mut Vec<std::ops::Range<usize>>,
) {
    if first == tokens.len() {
        return;
    }
    let (boundaries, final_abbreviations) = find_boundaries(text, tokens, first);
    let boundaries = split_final_periods(tokens, first, boundaries, &final_abbreviations);
    let end = tokens.len();
    let mut start = first;
    for b in boundaries.into_iter().chain(std::iter::once(end)) {
        if b > start {
            push_capped(start, b, sentences);
            start = b;
        }
    }
}

/// Splits the final period off the tokens at `final_abbreviations` (sorted indices
/// of paragraph tokens `first..`) and returns `boundaries` renumbered accordingly.
fn split_final_periods(
    tokens: &mut Vec<Span>,
    first: usize,
    boundaries: Vec<usize>,
    final_abbreviations: &[usize],
) -> Vec<usize> {
    if final_abbreviations.is_empty() {
        return boundaries;
    }
    let paragraph: Vec<Span> = tokens.drain(first..).collect();
    let mut new_index = Vec::with_capacity(paragraph.len() + 1);
    let mut pending = final_abbreviations.iter().peekable();
    for (j, span) in paragraph.iter().enumerate() {
        new_index.push(tokens.len());
        if pending.next_if(|&&k| k == first + j).is_some() {
            tokens.push(Span::new(span.start, span.end - 1));
            tokens.push(Span::new(span.end - 1, span.end));
        } else {
            tokens.push(*span);
        }
    }
    new_index.push(tokens.len());
    boundaries
        .into_iter()
        .map(|b| new_index[b - first])
        .collect()
}

/// Sentence starts (sorted token indices after `first`) of the paragraph holding
/// tokens `first..`, and the abbreviations whose period ends a sentence.
fn find_boundaries(text: &str, tokens: &[Span], first: usize) -> (Vec<usize>, Vec<usize>) {
    let end = tokens.len();
    let form = |i: usize| &text[tokens[i].range()];
    let attached = |a: usize, b: usize| tokens[a].end == tokens[b].start;
    let mut boundaries = Vec::new();
    let mut final_abbreviations = Vec::new();
    let dateline = dateline_end(text, tokens, first);
    let mut sentence_start = first;
    let mut i = first;
    while i < end {
        if dateline == Some(i) || boundaries.last() == Some(&i) {
            sentence_start = i;
        }
        if i == sentence_start {
            if let Some(after) = headline_date_end(text, tokens, i) {
                boundaries.push(after);
                i = after;
                continue;
            }
        }
        let f = form(i);
        if i > sentence_start
            && starts_uppercase(f)
            && CREDIT_WORDS.contains(&f)
            && i + 1 < end
            && form(i + 1) == ":"
            && !is_dash(form(i - 1))
        {
            // A photo credit follows a caption that has no final stop.
            boundaries.push(i);
            sentence_start = i;
        }
        let final_mark = is_final_mark(f);
        let abbreviation = !final_mark && f.len() > 1 && f.ends_with('.') && is_abbreviation(f);
        // "1." opening a sentence or following a colon numbers a list item.
        let list_number = f == "."
            && i > first
            && attached(i - 1, i)
            && form(i - 1).len() <= 2
            && form(i - 1).bytes().all(|b| b.is_ascii_digit())
            && (i - 1 == sentence_start || (i - 1 > first && form(i - 2) == ":"));
        let candidate = (final_mark && !list_number) || abbreviation;
        if !candidate {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < end
            && attached(last, last + 1)
            && (is_closing_quote(form(last + 1)) || is_final_mark(form(last + 1)))
        {
            last += 1;
        }
        // A smiley after the stop still belongs to the sentence: "Thanks. :)"
        while final_mark && last + 1 < end && EMOTICONS.contains(&form(last + 1)) {
            last += 1;
        }
        // The abbreviation's own period ends the sentence only when nothing follows
        // it ("etc." but not "etc.)." or "T.V.?").
        let own_period = abbreviation && last == i;
        if last + 1 == end {
            if own_period {
                final_abbreviations.push(i);
            }
            break;
        }
        let next = form(last + 1);
        let quoted = (i + 1..=last).any(|k| is_closing_quote(form(k)));
        let starts = if abbreviation {
            // "P.S." or "i.e." opening a sentence does not end it.
            (i > sentence_start || f.eq_ignore_ascii_case("no."))
                && abbreviation_ends_sentence(f, next)
        } else {
            next_starts_sentence(f, next, quoted)
        };
        if starts {
            boundaries.push(last + 1);
            if own_period {
                final_abbreviations.push(i);
            }
        }
        i = last + 1;
    }
    boundaries.extend(dateline);
    boundaries.sort_unstable();
    boundaries.dedup();
    (boundaries, final_abbreviations)
}

/// Whether `next` starts a new sentence after the final mark `mark`, which closes a
/// quotation if `quoted`.
fn next_starts_sentence(mark: &str, next: &str, quoted: bool) -> bool {
    let c = next.chars().next().unwrap_or(' ');
    // After "." "!" "?" even a lowercase word starts a sentence (web text often
    // skips capitals) and a dash opens a signature or a new item; after an ellipsis
    // both continue the thought. A stray "?" after the stop belongs to the sentence.
    let ellipsis = mark.starts_with("..") || mark.starts_with('…');
    // A quoted question or exclamation goes on with its attribution: `"Why?" she
    // asked.`
    let attribution = quoted && mark.contains(['!', '?']);
    let continues = (c.is_lowercase() && (ellipsis || attribution))
        || matches!(c, ',' | ';' | ':' | ')')
        || (c == '-' && ellipsis)
        || (is_final_mark(next) && !next.starts_with("..") && !next.starts_with('…'));
    !continues
}

/// Whether the abbreviation `word` (with its period) ends its sentence before `next`.
fn abbreviation_ends_sentence(word: &str, next: &str) -> bool {
    if !starts_uppercase(next) {
        return false;
    }
    let bare = word.trim_end_matches('.');
    if bare.eq_ignore_ascii_case("no") {
        // "No. 5" numbers; "No. There was none" answers.
        return true;
    }
    if is_initial(word) {
        return AFTER_INITIAL_STARTERS.contains(&next);
    }
    if is_title(word) {
        return false;
    }
    bare.eq_ignore_ascii_case("etc") || SENTENCE_STARTERS.contains(&next)
}

/// The token index just after a headline date ("Thursday, May 7, 2015") that opens
/// a sentence at `i` and is followed by a capitalised word.
fn headline_date_end(text: &str, tokens: &[Span], i: usize) -> Option<usize> {
    let form = |k: usize| tokens.get(k).map(|t| &text[t.range()]);
    let mut k = i;
    if form(k).is_some_and(|f| WEEKDAYS.contains(&f)) {
        k += 1;
        if form(k) == Some(",") {
            k += 1;
        }
    }
    if !form(k).is_some_and(|f| MONTHS.contains(&f)) {
        return None;
    }
    let day = form(k + 1)?;
    let is_number = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !is_number(day, 1..=2) || form(k + 2) != Some(",") || !is_number(form(k + 3)?, 4..=4) {
        return None;
    }
    let after = k + 4;
    form(after).is_some_and(starts_uppercase).then_some(after)
}

fn push_capped(start: usize, end: usize, sentences: &mut Vec<std::ops::Range<usize>>) {
    let mut s = start;
    while end - s > MAX_SENTENCE_TOKENS {
        sentences.push(s..s + MAX_SENTENCE_TOKENS);
        s += MAX_SENTENCE_TOKENS;
    }
    sentences.push(s..end);
}

/// The token index just after a dateline at the start of a paragraph: "KABUL
/// (Reuters) -", "KABUL, Feb 12 (Reuters) -", "WASHINGTON —" or "Evansville,
/// Indiana, United States -".
fn dateline_end(text: &str, tokens: &[Span], first: usize) -> Option<usize> {
    let form = |i: usize| &text[tokens[i].range()];
    let head = form(first);
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || !starts_uppercase(head) {
        return None;
    }
    let limit = (first + 14).min(tokens.len());
    let dash = if let Some(open) = (first + 1..limit).find(|&i| form(i) == "(") {
        let close = (open + 1..(open + 5).min(limit)).find(|&i| form(i) == ")")?;
        if head.chars().any(char::is_lowercase) {
            return None;
        }
        close + 1
    } else {
        // Without a news agency: capitalised place names and commas, then a dash.
        let dash = (first + 1..limit.min(first + 9)).find(|&i| is_dash(form(i)))?;
        let place_names = (first..dash).all(|i| form(i) == "," || starts_uppercase(form(i)));
        // "WASHINGTON —", but not "U.S. - Russian talks".
        let capitals = !head.chars().any(char::is_lowercase) && !head.contains('.');
        let commas = (first..dash).any(|i| form(i) == ",");
        if !place_names || !(capitals || commas) {
            return None;
        }
        dash
    };
    (dash + 1 < tokens.len() && is_dash(form(dash)) && starts_uppercase(form(dash + 1)))
        .then_some(dash + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoticons_fit_the_length_filter() {
        assert!(EMOTICONS.iter().all(|e| e.len() <= MAX_EMOTICON_LEN));
        assert!(CLITICS.iter().all(|c| c.contains(['\'', '’', '`'])));
        assert!(BARE_CONTRACTIONS.iter().all(|(w, _)| w.len() <= 8));
    }
}
