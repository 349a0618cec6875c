//! Randomised and adversarial inputs: every token slices the text back to a
//! non-empty, whitespace-free form, tokens increase, sentences cover their tokens,
//! and work stays bounded.

use dyad_model::{Component, Document};
use dyad_parse::{Decoding, Parser, Segmenter, MAX_SENTENCE_TOKENS};

/// Small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Russia",
    "supplies",
    "10,000",
    "rifles",
    "U.S.",
    "Gen.",
    "Mr.",
    "Feb.",
    "3.5",
    "1990s",
    "don't",
    "Taliban's",
    "students'",
    "long-term",
    "re-elected",
    "and/or",
    "\"",
    "'",
    "(",
    ")",
    ".",
    ",",
    "!",
    "?",
    "...",
    "--",
    "—",
    "-",
    "'s",
    "n't",
    "e-mail",
    "https://example.org/x?y=1",
    "a.b@example.com",
    "KABUL",
    "(Reuters)",
    "كابل",
    "طالبان",
    "Москва",
    "北京",
    "שלום",
    "🙂",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\t",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\r\n",
    "é",
    "e\u{301}",
    "ß",
    "İ",
    "ﬁ",
    "½",
    "$",
    "%",
    "£5m",
    "'90s",
    "O'Neill",
    "Lt.",
    "Col.",
    "etc.",
    "No.",
    "dont",
    "Im",
    "don`t",
    "80's",
    "7:30pm",
    "35mm",
    "#tag",
    "#",
    "?!",
    "!.",
    "...?",
    "‘’",
    "’’",
    "“",
    "[...]",
    "warming—90",
    "8–10",
    "a,b",
    "Image:",
    "Friday,",
    "March",
    "4,",
    "2016",
    "WASHINGTON",
    "1.",
    ":",
    "=)",
    "(:",
    "Yahoo!",
    "[https://example.org/a]",
    "\u{202b}",
    "\u{2067}",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.next() % 60;
    let mut text = String::new();
    for _ in 0..n {
        text.push_str(rng.pick(PIECES));
        if !rng.next().is_multiple_of(3) {
            text.push(' ');
        }
    }
    text
}

fn check_layers(doc: &Document) {
    let mut last_end = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        let form = doc.slice(token.span);
        assert!(!form.is_empty(), "token {i} is empty in {:?}", doc.text);
        assert!(
            !form.chars().any(|c| c.is_whitespace() || c.is_control()),
            "token {i} {form:?} holds a separator in {:?}",
            doc.text
        );
        assert!(
            token.span.start >= last_end,
            "tokens overlap in {:?}",
            doc.text
        );
        last_end = token.span.end;
    }
    let mut next_token = 0;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        assert_eq!(sentence.tokens.start, next_token, "sentences skip tokens");
        assert!(!sentence.tokens.is_empty());
        assert!(sentence.tokens.len() <= MAX_SENTENCE_TOKENS);
        for token in doc.sentence_tokens(s) {
            assert!(sentence.span.contains(token.span));
        }
        next_token = sentence.tokens.end;
    }
    assert_eq!(
        next_token,
        doc.tokens.len(),
        "sentences do not cover every token"
    );
}

#[test]
fn random_texts_keep_offsets_sound() {
    let mut rng = Rng(0x5eed_1234_abcd);
    let segmenter = Segmenter::new();
    for _ in 0..3000 {
        let mut doc = Document::new("random", random_text(&mut rng), None);
        segmenter.annotate(&mut doc);
        check_layers(&doc);
    }
}

#[test]
fn huge_chunks_without_spaces_keep_offsets_sound() {
    let segmenter = Segmenter::new();
    // Each piece repeated 50,000 times without a space, and the fewest tokens the
    // chunk must split into.
    let cases = [
        ("a,", 100_000),
        ("a—", 100_000),
        ("a...", 100_000),
        (".)", 100_000),
        ("x-", 100_000),
        ("‘’", 50_000),
        ("?!", 1),
        ("U.S.", 1),
        ("dont", 1),
        ("#a", 1),
    ];
    for (piece, fewest) in cases {
        let mut doc = Document::new("chunk", piece.repeat(50_000), None);
        segmenter.annotate(&mut doc);
        check_layers(&doc);
        assert!(doc.tokens.len() >= fewest, "{piece:?}");
    }
}

/// Checks that every sentence's heads form trees: heads inside the sentence, every
/// word's chain of heads ends at a root (no cycles), and a relation on every word.
fn check_trees(doc: &Document) {
    for sentence in 0..doc.sentences.len() {
        let tokens = doc.sentence_tokens(sentence);
        let roots = tokens.iter().filter(|t| t.head.is_none()).count();
        assert!(roots >= 1, "every sentence has a root");
        for (i, t) in tokens.iter().enumerate() {
            assert!(t.head.is_none_or(|h| (h as usize) < tokens.len()));
            assert!(!t.deprel.is_empty());
            let mut at = i;
            let mut steps = 0;
            while let Some(h) = tokens[at].head {
                at = h as usize;
                steps += 1;
                assert!(
                    steps <= tokens.len(),
                    "cycle through word {i} in {:?}",
                    doc.text
                );
            }
        }
    }
}

#[test]
fn parser_handles_bad_input() {
    let greedy = Parser::load_default().expect("the built-in model loads");
    let beam = Parser::load_default()
        .expect("the built-in model loads")
        .with_decoding(Decoding::ACCURATE);
    let inputs = [
        String::new(),
        "   \n\n \t ".to_string(),
        "word ".repeat(10_000),
        "Russia\u{0}supplies\u{7}rifles\u{1b}[0m to\u{feff} Kabul.".to_string(),
        "Moscow (Москва) and Kabul (کابل) signed a deal in 北京 with 🙂 emoji.".to_string(),
        "قالت طالبان إنها لم تتلق أي مساعدة من روسيا. ".repeat(20),
        "\u{202e}desrever\u{202c} text and שלום עליכם mixed.".to_string(),
        ", , ( ( ) the of .".repeat(300),
    ];
    for parser in [&greedy, &beam] {
        for text in &inputs {
            let mut doc = Document::new("bad", text.as_str(), None);
            parser.annotate(&mut doc);
            check_layers(&doc);
            check_trees(&doc);
        }
    }
}

#[test]
fn random_texts_parse_into_trees_in_both_modes() {
    let mut rng = Rng(0xbea4_5eed);
    let parser = Parser::shared().expect("the built-in model loads");
    for _ in 0..200 {
        let text = random_text(&mut rng);
        let forms: Vec<&str> = text.split_whitespace().collect();
        for decoding in [Decoding::Greedy, Decoding::Beam(4), Decoding::ACCURATE] {
            let analyses = parser.analyse_with(&forms, decoding);
            assert_eq!(analyses.len(), forms.len());
            for (i, a) in analyses.iter().enumerate() {
                let piece = i / MAX_SENTENCE_TOKENS;
                let piece_end = ((piece + 1) * MAX_SENTENCE_TOKENS).min(forms.len());
                let head = a.head.map(|h| h as usize);
                assert!(head.is_none_or(|h| h >= piece * MAX_SENTENCE_TOKENS && h < piece_end));
                let mut at = i;
                let mut steps = 0;
                while let Some(h) = analyses[at].head {
                    at = h as usize;
                    steps += 1;
                    assert!(steps <= forms.len(), "cycle in {text:?} ({decoding:?})");
                }
            }
        }
    }
}

#[test]
fn non_english_documents_are_skipped() {
    let parser = Parser::shared().expect("the built-in model loads");
    let mut doc = Document::new("ar", "قالت طالبان", None);
    doc.language = Some("ar".to_string());
    parser.annotate(&mut doc);
    assert!(doc.tokens.is_empty());
    assert_eq!(doc.skipped[0].stage, "parse");
    assert_eq!(doc.skipped[0].reason, "language ar");
}
