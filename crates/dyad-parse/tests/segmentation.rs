//! The segmenter's rule classes on news-style text written for these tests: tokens
//! follow UD English (EWT) tokenization and sentences end where a reader would end
//! them, including headlines, datelines and photo credits without a final stop.

use dyad_parse::{Segmenter, MAX_SENTENCE_TOKENS};

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
fn titles_initials_and_dotted_acronyms_stay_inside_the_sentence() {
    let text = "Lt. Col. John A. Smith of the U.N. mission met Gen. Ahmadi and Mr. Karimov \
                on Feb. 12 in St. Petersburg.";
    assert_eq!(sentences(text), vec![text]);
    let t = tokens(text);
    for kept in ["Lt.", "Col.", "A.", "U.N.", "Gen.", "Mr.", "Feb.", "St."] {
        assert!(t.contains(&kept), "{kept} missing from {t:?}");
    }
    assert_eq!(t.last(), Some(&"."));
}

#[test]
fn an_abbreviation_that_ends_a_sentence_gives_up_its_period() {
    assert_eq!(
        tokens("The rifles came from the U.S. The Taliban denied it."),
        vec![
            "The", "rifles", "came", "from", "the", "U.S", ".", "The", "Taliban", "denied", "it",
            "."
        ]
    );
    assert_eq!(
        sentences("They sent rifles, mortars, radios, etc. Most were seized at the border."),
        vec![
            "They sent rifles, mortars, radios, etc.",
            "Most were seized at the border."
        ]
    );
    assert!(tokens("They sent rifles, mortars, radios, etc. Most were seized.").contains(&"etc"));
    // At the end of a paragraph, too.
    assert_eq!(
        tokens("The shipment was paid by Arms Export Inc."),
        vec!["The", "shipment", "was", "paid", "by", "Arms", "Export", "Inc", "."]
    );
    // A month abbreviation without its day, and an initial, can end a sentence too.
    assert_eq!(
        sentences("He enlisted in Sept. He was arrested on Monday."),
        vec!["He enlisted in Sept.", "He was arrested on Monday."]
    );
    assert_eq!(
        sentences("Most pupils got a grade A. The data came from 74 schools."),
        vec![
            "Most pupils got a grade A.",
            "The data came from 74 schools."
        ]
    );
    assert_eq!(
        sentences("Franklin D. Roosevelt signed it."),
        vec!["Franklin D. Roosevelt signed it."]
    );
    // A name after "Inc." continues the sentence and keeps the abbreviation whole.
    assert_eq!(
        sentences("Arms Export Inc. Chairman Oleg Petrov denied the sale."),
        vec!["Arms Export Inc. Chairman Oleg Petrov denied the sale."]
    );
}

#[test]
fn measures_number_sign_and_answer_no() {
    assert_eq!(
        sentences("Each crate weighed 40 lbs. and held 12 rifles."),
        vec!["Each crate weighed 40 lbs. and held 12 rifles."]
    );
    assert_eq!(
        sentences("The order was signed at No. 10 Downing Street."),
        vec!["The order was signed at No. 10 Downing Street."]
    );
    assert_eq!(
        sentences("Was the deal approved? No. The minister refused to sign it."),
        vec![
            "Was the deal approved?",
            "No.",
            "The minister refused to sign it."
        ]
    );
    assert_eq!(
        tokens("No. The minister"),
        vec!["No", ".", "The", "minister"]
    );
}

#[test]
fn quotation_marks_close_the_sentence() {
    assert_eq!(
        sentences("\"We deny receiving any aid.\" The spokesman left the room."),
        vec![
            "\"We deny receiving any aid.\"",
            "The spokesman left the room."
        ]
    );
    // A quoted question or exclamation goes on with its attribution.
    assert_eq!(
        sentences("\"Why?\" she asked. Protesters chanted \"No war!\" as they marched."),
        vec![
            "\"Why?\" she asked.",
            "Protesters chanted \"No war!\" as they marched."
        ]
    );
    // Curly quotes, including a closing quote typed as an opening one.
    assert_eq!(
        sentences("He called it “a mistake.“ However, the ministry stood by the decision."),
        vec![
            "He called it “a mistake.“",
            "However, the ministry stood by the decision."
        ]
    );
    // A stop after the closing quote belongs to the same sentence.
    assert_eq!(
        sentences("He called the report \"pure fiction ...\". Officials agreed."),
        vec![
            "He called the report \"pure fiction ...\".",
            "Officials agreed."
        ]
    );
    assert_eq!(
        tokens("‘’We will not negotiate,’’ he said."),
        vec![
            "‘’",
            "We",
            "will",
            "not",
            "negotiate",
            ",",
            "’’",
            "he",
            "said",
            "."
        ]
    );
}

#[test]
fn datelines_headlines_and_photo_credits_end_without_a_stop() {
    assert_eq!(
        sentences("KABUL, Afghanistan (AP) — Russia has supplied 10,000 rifles."),
        vec![
            "KABUL, Afghanistan (AP) —",
            "Russia has supplied 10,000 rifles."
        ]
    );
    assert_eq!(
        sentences("WASHINGTON — The Pentagon said on Monday it would review the report."),
        vec![
            "WASHINGTON —",
            "The Pentagon said on Monday it would review the report."
        ]
    );
    assert_eq!(
        sentences("Herat, Afghanistan - Local officials reported heavy fighting overnight."),
        vec![
            "Herat, Afghanistan -",
            "Local officials reported heavy fighting overnight."
        ]
    );
    assert_eq!(
        sentences("Friday, March 4, 2016 The Afghan government said talks would resume."),
        vec![
            "Friday, March 4, 2016",
            "The Afghan government said talks would resume."
        ]
    );
    assert_eq!(
        sentences("Soldiers at a checkpoint near Kandahar Image: Defence Ministry."),
        vec![
            "Soldiers at a checkpoint near Kandahar",
            "Image: Defence Ministry."
        ]
    );
    // A sentence that merely starts with a name and a dash is not a dateline.
    assert_eq!(
        sentences("Karzai - the president - denied it."),
        vec!["Karzai - the president - denied it."]
    );
    // Nor is a date inside a sentence.
    assert_eq!(
        sentences("On March 4, 2016 Kabul reopened the border."),
        vec!["On March 4, 2016 Kabul reopened the border."]
    );
}

#[test]
fn numbered_lists_do_not_end_at_the_item_number() {
    assert_eq!(
        sentences("The envoy made two demands: 1. Withdraw the troops. 2. Free the prisoners."),
        vec![
            "The envoy made two demands: 1. Withdraw the troops.",
            "2. Free the prisoners."
        ]
    );
    // A date's day still ends its sentence.
    assert_eq!(
        sentences("The talks began on Jan. 5. They ended a week later."),
        vec!["The talks began on Jan. 5.", "They ended a week later."]
    );
}

#[test]
fn parentheses_and_signatures() {
    assert_eq!(
        sentences("(The ministry declined to comment.) Moscow denied the report."),
        vec![
            "(The ministry declined to comment.)",
            "Moscow denied the report."
        ]
    );
    assert_eq!(
        sentences("Russia supplied the rifles (about 10,000 of them). Moscow denied it."),
        vec![
            "Russia supplied the rifles (about 10,000 of them).",
            "Moscow denied it."
        ]
    );
    assert_eq!(
        sentences("Thank you for the report. --Anna, Kabul"),
        vec!["Thank you for the report.", "--Anna, Kabul"]
    );
}

#[test]
fn ellipses_and_runs_of_marks() {
    assert_eq!(
        sentences("He paused... and then he left the room."),
        vec!["He paused... and then he left the room."]
    );
    assert_eq!(
        sentences("The ceasefire held... The troops stayed in their barracks."),
        vec![
            "The ceasefire held...",
            "The troops stayed in their barracks."
        ]
    );
    assert_eq!(
        tokens("Really?! What now...? Done!."),
        vec!["Really", "?!", "What", "now", "...", "?", "Done", "!."]
    );
    assert_eq!(
        sentences("Did Moscow arm them?! Nobody knows. ?"),
        vec!["Did Moscow arm them?!", "Nobody knows. ?"]
    );
    assert_eq!(tokens("the U.S.? Yes"), vec!["the", "U.S.", "?", "Yes"]);
    // An elided quotation resumes with a new sentence.
    assert_eq!(
        sentences("\"The aid was approved [...] The money never arrived,\" he said."),
        vec![
            "\"The aid was approved [...]",
            "The money never arrived,\" he said."
        ]
    );
    assert_eq!(
        tokens("approved [...] The"),
        vec!["approved", "[", "...", "]", "The"]
    );
}

#[test]
fn emoticons_urls_emails_and_hashtags_stay_whole() {
    assert_eq!(
        tokens(
            "Great news :-) (: see [https://example.org/report?id=4] or mail press@example.org."
        ),
        vec![
            "Great",
            "news",
            ":-)",
            "(:",
            "see",
            "[",
            "https://example.org/report?id=4",
            "]",
            "or",
            "mail",
            "press@example.org",
            "."
        ]
    );
    assert_eq!(
        tokens("The hashtag #FreeTheJournalists spread; tip line #5 too."),
        vec![
            "The",
            "hashtag",
            "#FreeTheJournalists",
            "spread",
            ";",
            "tip",
            "line",
            "#",
            "5",
            "too",
            "."
        ]
    );
    assert_eq!(
        sentences("Good job guys. =) The next convoy leaves at dawn."),
        vec!["Good job guys. =)", "The next convoy leaves at dawn."]
    );
    assert_eq!(
        tokens("I tried Yahoo! today"),
        vec!["I", "tried", "Yahoo!", "today"]
    );
    // A name glued to the address it introduces.
    assert_eq!(
        tokens("From: Anna\"<anna.k@example.org>"),
        vec!["From", ":", "Anna", "\"", "<", "anna.k@example.org", ">"]
    );
}

#[test]
fn missing_spaces_after_commas_and_semicolons() {
    assert_eq!(
        tokens("Kabul,Herat;Kandahar"),
        vec!["Kabul", ",", "Herat", ";", "Kandahar"]
    );
}

#[test]
fn clitics_and_contractions_split_as_in_ud_english() {
    assert_eq!(
        tokens("Kabul's envoy won't say they're gonna leave; he cannot."),
        vec![
            "Kabul", "'s", "envoy", "wo", "n't", "say", "they", "'re", "gon", "na", "leave", ";",
            "he", "can", "not", "."
        ]
    );
    // Written without the apostrophe, or with a backtick.
    assert_eq!(
        tokens("Im sure they dont know and cant tell; thats it. They don`t care."),
        vec![
            "I", "m", "sure", "they", "do", "nt", "know", "and", "ca", "nt", "tell", ";", "that",
            "s", "it", ".", "They", "do", "n`t", "care", "."
        ]
    );
    // Ordinary words that look like contractions stay whole.
    assert_eq!(
        tokens("its well were ill IM"),
        vec!["its", "well", "were", "ill", "IM"]
    );
}

#[test]
fn hyphens_and_dashes() {
    assert_eq!(
        tokens("a pro-Russian, long-term warming—90 percent—in 8–10 years"),
        vec![
            "a",
            "pro-Russian",
            ",",
            "long",
            "-",
            "term",
            "warming",
            "—",
            "90",
            "percent",
            "—",
            "in",
            "8",
            "–",
            "10",
            "years"
        ]
    );
}

#[test]
fn numbers_units_and_decades() {
    assert_eq!(
        tokens(
            "10,000 rifles, 3.5 tons, the 1990s and the 80's, at 7:30pm, a 35mm gun, \
                in the 21st century."
        ),
        vec![
            "10,000", "rifles", ",", "3.5", "tons", ",", "the", "1990s", "and", "the", "80's", ",",
            "at", "7:30", "pm", ",", "a", "35", "mm", "gun", ",", "in", "the", "21st", "century",
            "."
        ]
    );
    // A number that is not a decade gives up its clitic.
    assert_eq!(
        tokens("the 747's engines"),
        vec!["the", "747", "'s", "engines"]
    );
}

#[test]
fn bad_input_is_safe_and_bounded() {
    let segmenter = Segmenter::new();
    let (spans, ranges) = segmenter.segment("");
    assert!(spans.is_empty() && ranges.is_empty());

    // Control characters separate tokens; mixed and right-to-left scripts pass through.
    let text = "Moscow\u{0}armed\u{7}the \u{202e}طالبان\u{202c} in كابل and 北京.";
    let forms = tokens(text);
    assert_eq!(
        forms,
        vec![
            "Moscow",
            "armed",
            "the",
            "طالبان",
            "in",
            "كابل",
            "and",
            "北京",
            "."
        ]
    );

    // A 10,000-word run without punctuation is cut into bounded sentences.
    let text = "rifles ".repeat(10_000);
    let (spans, ranges) = segmenter.segment(&text);
    assert_eq!(spans.len(), 10_000);
    assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS));

    // Enormous chunks without spaces split in one pass (no recursion, no stack
    // overflow): commas between letters, dashes, ellipses, closing marks.
    for (piece, per_piece) in [("a,", 2), ("a—", 2), ("a...", 2), ("a-", 2), (".)", 2)] {
        let text = piece.repeat(200_000);
        let (spans, _) = segmenter.segment(&text);
        assert!(spans.len() >= 200_000 * per_piece - 2, "{piece:?}");
        for span in &spans {
            assert!(!text[span.range()].is_empty());
        }
    }
}

#[test]
fn splits_clitics_and_possessives() {
    assert_eq!(
        tokens("Russia's army didn't leave; the students' books can't wait."),
        vec![
            "Russia", "'s", "army", "did", "n't", "leave", ";", "the", "students", "'", "books",
            "ca", "n't", "wait", "."
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
            "Lt.", "Col.", "Smith", "of", "the", "U.S.", "Army", "sent", "10,000", "rifles", "(",
            "3.5", "tons", ")", "in", "the", "1990s", "."
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
        sentences(
            "Mr. Putin met Gen. Petraeus on Jan. 5. They talked. \"Good,\" he said. Then he left!"
        ),
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
fn overlong_sentences_are_cut() {
    let text = "word ".repeat(10_000);
    let (spans, ranges) = Segmenter::new().segment(&text);
    assert_eq!(spans.len(), 10_000);
    assert_eq!(ranges.len(), 40);
    assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS));
}

#[test]
fn emoticons_are_tokens() {
    assert_eq!(tokens("Great :-) thanks"), vec!["Great", ":-)", "thanks"]);
}
