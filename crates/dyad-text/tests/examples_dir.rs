//! Reads the repository's `examples/` folder, the articles `dyad demo` ingests.

use dyad_model::Document;
use dyad_text::{read_path_with_skips, Skips};
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn read_examples() -> (Vec<Document>, Skips) {
    let skips = Skips::new();
    let docs = read_path_with_skips(&examples_dir(), &skips)
        .map(|result| result.unwrap_or_else(|e| panic!("examples must read without errors: {e}")))
        .collect();
    (docs, skips)
}

fn find<'a>(docs: &'a [Document], origin_suffix: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.origin.ends_with(origin_suffix))
        .unwrap_or_else(|| panic!("no document from {origin_suffix}"))
}

#[test]
fn every_example_reads_without_errors() {
    let (docs, skips) = read_examples();
    assert!(docs.len() >= 12, "{} documents", docs.len());
    for doc in &docs {
        assert!(doc.title.is_some(), "{} has no title", doc.origin);
        assert!(doc.published.is_some(), "{} has no date", doc.origin);
        assert!(doc.outlet.is_some(), "{} has no outlet", doc.origin);
        assert!(
            doc.text.contains("(dyad wire)"),
            "{} lost its dateline",
            doc.origin
        );
        assert!(!doc.text.contains("\n\n\n"), "{}", doc.origin);
    }
    // Only the crawl's 404 page is passed over (README.md is not an article).
    let skipped: Vec<String> = skips.take().iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped
        .iter()
        .any(|s| s.ends_with("README.md: skipped: not an article file type")));
    assert!(skipped
        .iter()
        .any(|s| s.ends_with("dyad-wire-crawl.warc.gz#7: skipped: HTTP status 404")));
}

#[test]
fn metadata_of_each_format() {
    let (docs, _) = read_examples();
    let expect = |suffix: &str, title: &str, date: &str, outlet: &str| {
        let doc = find(&docs, suffix);
        assert_eq!(doc.title.as_deref(), Some(title), "{suffix}");
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{suffix}"
        );
        assert_eq!(doc.outlet.as_deref(), Some(outlet), "{suffix}");
        assert_eq!(doc.language.as_deref(), Some("en"), "{suffix}");
    };
    expect(
        "afghanistan-russia-taliban-arms.txt",
        "U.S. commander says Russia is arming the Taliban; Moscow and the insurgents deny it",
        "2018-03-24",
        "dyad wire",
    );
    expect(
        "mali-wagner-africa-corps.txt",
        "Wagner leaves Mali as Russia's Africa Corps takes over, junta says ties will deepen",
        "2025-06-10",
        "dyad wire",
    );
    expect(
        "syria-us-arms-ypg.html",
        "U.S. to arm Syrian Kurdish fighters for Raqqa assault, angering Turkey",
        "2017-05-10",
        "Frontline Notes",
    );
    expect(
        "libya-haftar-foreign-backers.html",
        "U.N. report details Wagner and UAE support for Haftar as Turkey arms Tripoli",
        "2020-05-07",
        "Dyad Wire",
    );
    expect(
        "sudan-rsf-uae-accusation.html",
        "Sudan accuses UAE of arming RSF at U.N.; Abu Dhabi denies",
        "2024-06-19",
        "Dyad Wire Africa",
    );
    expect(
        "dyad-wire-digest.jsonl:2",
        "U.S. and Britain strike Houthi targets in Yemen; Iran condemns attacks",
        "2024-01-12",
        "dyad wire",
    );
    expect(
        "dyad-wire-africa.rss#2",
        "Rwanda and Congo agree ceasefire in Angola-mediated talks",
        "2024-07-31",
        "Dyad Wire - Africa",
    );
    expect(
        "dyad-wire-crawl.warc.gz#5",
        "U.S. Navy seizes Iranian missile parts bound for Houthis",
        "2024-01-16",
        "Dyad Wire",
    );
    let jsonl = find(&docs, "dyad-wire-digest.jsonl:1");
    assert_eq!(
        jsonl.url.as_deref(),
        Some("https://wire.dyad.example/2021/07/09/taliban-moscow-central-asia")
    );
    assert_eq!(
        find(&docs, "dyad-wire-digest.jsonl:3")
            .text
            .matches("\n\n")
            .count(),
        3
    );
}

#[test]
fn windows_1252_page_in_the_warc_is_decoded() {
    let (docs, _) = read_examples();
    let mali = find(&docs, "dyad-wire-crawl.warc.gz#3");
    assert_eq!(
        mali.title.as_deref(),
        Some("Western powers condemn Wagner deployment in Mali")
    );
    assert_eq!(
        mali.url.as_deref(),
        Some("https://europe.dyad.example/2021/12/24/mali-wagner-condemned")
    );
    assert!(
        mali.text.contains("Colonel Assimi Goïta, denied"),
        "{}",
        mali.text
    );
    assert!(mali.text.contains("Dec 24 (dyad wire) – Fifteen"));
    assert!(mali.text.contains("“We are aware"));
    assert!(!mali.text.contains('\u{FFFD}'));
}

#[test]
fn html_boilerplate_is_gone() {
    let (docs, _) = read_examples();
    let boilerplate = [
        "Post a Comment",
        "No comments",
        "Share on",
        "Share this",
        "Email This",
        "Leave a Reply",
        "Newer Post",
        "Subscribe",
        "Popular Posts",
        "Most read",
        "Related",
        "cookies",
        "Advertisement",
        "All rights reserved",
        "Home",
        "Middle East",
        "Contact",
        "Topics:",
        "Labels:",
        "Posted by",
        "Sign up",
        "min read",
        "window.",
        "schema.org",
        "Tripoli government sign security pact",
        "Page not found",
    ];
    for doc in docs
        .iter()
        .filter(|d| d.origin.contains(".html") || d.origin.contains(".warc"))
    {
        for phrase in boilerplate {
            assert!(
                !doc.text.contains(phrase),
                "{} keeps {phrase:?}:\n{}",
                doc.origin,
                doc.text
            );
        }
        let first_paragraph = doc.text.split("\n\n").next().unwrap();
        assert!(
            first_paragraph.contains("(dyad wire)"),
            "{} does not start with its dateline",
            doc.origin
        );
        assert!(
            doc.text.split("\n\n").count() >= 4,
            "{} lost its paragraphs",
            doc.origin
        );
    }
    let syria = find(&docs, "syria-us-arms-ypg.html");
    assert!(syria
        .text
        .starts_with("WASHINGTON/ANKARA, May 10 (dyad wire) - President Donald Trump"));
    assert!(syria.text.ends_with("could deepen the partition of Syria."));
    assert!(syria
        .text
        .contains("“the Kurdish elements of the Syrian Democratic Forces”"));
    let libya = find(&docs, "libya-haftar-foreign-backers.html");
    for caption in [
        "Fighters of the Syrian Democratic Forces near Raqqa",
        "Fighters loyal to the Tripoli government",
    ] {
        for doc in [syria, libya] {
            assert!(
                doc.text.matches(caption).count() <= 1,
                "caption repeated in {}",
                doc.origin
            );
        }
    }
    assert!(libya
        .text
        .starts_with("TRIPOLI, May 7 (dyad wire) – Russia’s Wagner Group"));
    assert!(libya.text.ends_with("had become “a joke”."));
}

#[test]
fn russian_and_arabic_articles_are_tagged() {
    let (docs, _) = read_examples();
    let russian = find(&docs, "russia-taliban-moscow-talks.ru.txt");
    assert_eq!(russian.language.as_deref(), Some("ru"));
    assert!(russian
        .text
        .starts_with("МОСКВА, 9 ноября (dyad wire) — Министр"));
    let arabic = find(&docs, "yemen-coalition-seizes-arms.ar.txt");
    assert_eq!(arabic.language.as_deref(), Some("ar"));
    assert_eq!(arabic.published.unwrap().to_string(), "2016-10-05");
    assert!(arabic.text.starts_with("عدن، 5 أكتوبر (dyad wire) — أعلن"));
    let english = docs
        .iter()
        .filter(|d| d.language.as_deref() == Some("en"))
        .count();
    assert_eq!(english, docs.len() - 2);
}
