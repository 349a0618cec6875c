use super::*;
use dyad_model::{DateRange, Location, Quantity, Token, Upos};

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

fn actor(text: &str, code: Option<&str>, country: Option<&str>, group: Option<&str>) -> Actor {
    Actor {
        text: text.to_string(),
        name: None,
        code: code.map(String::from),
        country: country.map(String::from),
        group: group.map(String::from),
        sector: None,
    }
}

/// A document with every layer filled by hand, sentences split at ". ".
fn document(text: &str, published: Option<&str>) -> Document {
    let mut doc = Document::new("test.txt", text, None);
    doc.published = published.map(date);
    doc.title = Some("Arms and talks".into());
    doc.outlet = Some("Wire".into());
    doc.language = Some("en".into());
    let mut start = 0;
    for piece in text.split_inclusive(". ") {
        let trimmed = piece.trim_end();
        let first_token = doc.tokens.len();
        let mut offset = start;
        for word in trimmed.split(' ') {
            let mut t = Token::bare(Span::new(offset, offset + word.len()));
            t.lemma = word.to_lowercase();
            t.upos = Upos::NOUN;
            t.xpos = "NN".into();
            t.head = Some(0);
            t.deprel = "dep".into();
            doc.tokens.push(t);
            offset += word.len() + 1;
        }
        doc.sentences.push(Sentence {
            span: Span::new(start, start + trimmed.len()),
            tokens: first_token..doc.tokens.len(),
        });
        start += piece.len();
    }
    doc
}

fn supply_event(doc: &Document) -> Event {
    Event {
        sentence: 0,
        sentence_span: doc.sentences[0].span,
        trigger: span_of(&doc.text, "supplied"),
        source: Some(Actor {
            name: Some("Russian government".into()),
            sector: Some("GOV".into()),
            ..actor("Russia", Some("RUSGOV"), Some("RUS"), None)
        }),
        target: Some(actor("the Taliban", Some("AFGINS"), None, Some("taliban"))),
        cameo: "0711".into(),
        root: "07".into(),
        plover: Some("AID".into()),
        quad_class: 2,
        goldstein: 7.4,
        date: Some(DateRange::new(date("2017-03-01"), date("2017-03-31")).unwrap()),
        date_text: Some("in March".into()),
        location: Some(Location {
            name: "Kunduz".into(),
            country: Some("AFG".into()),
            lat: Some(36.728),
            lon: Some(68.868),
        }),
        quantity: Some(Quantity {
            text: "10,000 rifles".into(),
            value: Some(10_000.0),
            unit: Some("rifles".into()),
        }),
        negated: false,
        certainty: Certainty::Reported,
        claimed_by: Some(actor("a U.S. official", None, Some("USA"), None)),
        denied_by: vec![actor("the Taliban", None, None, Some("taliban"))],
    }
}

fn talks_event(doc: &Document) -> Event {
    Event {
        sentence: 1,
        sentence_span: doc.sentences[1].span,
        trigger: span_of(&doc.text, "hosted"),
        source: Some(actor("Qatar", Some("QAT"), Some("QAT"), None)),
        target: None,
        cameo: "043".into(),
        root: "04".into(),
        plover: None,
        quad_class: 1,
        goldstein: 2.8,
        date: None,
        date_text: None,
        location: None,
        quantity: None,
        negated: true,
        certainty: Certainty::Asserted,
        claimed_by: None,
        denied_by: Vec::new(),
    }
}

fn full_document() -> Document {
    let mut doc = document(
        "Russia supplied 10,000 rifles to the Taliban in March. Qatar hosted no talks in Doha. Ça va.",
        Some("2017-04-02"),
    );
    doc.mentions.push(ActorMention {
        span: span_of(&doc.text, "Russia"),
        sentence: 0,
        tokens: 0..1,
        head: 0,
        actor: actor("Russia", Some("RUS"), Some("RUS"), None),
        resolution: "countries.txt:12".into(),
    });
    doc.events = vec![supply_event(&doc), talks_event(&doc)];
    doc.skip("actors", "test reason");
    doc
}

fn open_temp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("test.db")).unwrap();
    (dir, store)
}

#[test]
fn document_round_trips_with_every_layer() {
    let (_dir, mut store) = open_temp();
    let doc = full_document();
    assert_eq!(store.insert(&doc).unwrap(), Inserted::New);
    let back = store.document(doc.id.as_str()).unwrap().unwrap();
    assert_eq!(back, doc);
    assert!(store.document("nope").unwrap().is_none());
}

#[test]
fn duplicates_change_nothing() {
    let (_dir, mut store) = open_temp();
    let doc = full_document();
    let other = document("Iran trained fighters. They left.", None);
    assert_eq!(
        store
            .insert_batch(&[doc.clone(), doc.clone(), other.clone()])
            .unwrap(),
        vec![Inserted::New, Inserted::Duplicate, Inserted::New]
    );
    let before = store.stats().unwrap();
    let mut changed = doc.clone();
    changed.title = Some("A different title".into());
    assert_eq!(store.insert(&changed).unwrap(), Inserted::Duplicate);
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(store.document(doc.id.as_str()).unwrap().unwrap(), doc);
    assert_eq!(before.documents, 2);
    assert_eq!(before.events, 2);
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 2);
}

#[test]
fn reopening_keeps_documents_and_listing_is_in_store_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    let first = full_document();
    let second = document("Iran trained fighters. They left.", None);
    {
        let mut store = Store::open(&path).unwrap();
        store.insert(&first).unwrap();
        store.insert(&second).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let list = store.documents(10, 0).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, first.id);
    assert_eq!(list[0].sentences, 3);
    assert_eq!(list[0].events, 2);
    assert_eq!(list[0].mentions, 1);
    assert_eq!(list[0].bytes, first.text.len() as u64);
    assert_eq!(list[0].published, Some(date("2017-04-02")));
    assert_eq!(list[0].skipped, first.skipped);
    assert_eq!(list[0].ingested_at.len(), "2026-01-01T00:00:00Z".len());
    assert_eq!(list[1].id, second.id);
    assert_eq!(store.documents(10, 1).unwrap().len(), 1);
    assert_eq!(store.documents(1, 0).unwrap().len(), 1);
}

#[test]
fn search_finds_sentences_with_offsets() {
    let (_dir, mut store) = open_temp();
    let doc = full_document();
    store.insert(&doc).unwrap();
    store
        .insert(&document(
            "Iran trained fighters. They supplied nothing.",
            None,
        ))
        .unwrap();

    let hits = store.search("rifles", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc, doc.id);
    assert_eq!(hits[0].sentence, 0);
    assert_eq!(hits[0].span, doc.sentences[0].span);
    assert!(hits[0].snippet.contains("[rifles]"), "{}", hits[0].snippet);
    assert_eq!(hits[0].title.as_deref(), Some("Arms and talks"));

    // Stemming: "supplies" finds "supplied" in both documents.
    assert_eq!(store.search("supplies", 10).unwrap().len(), 2);
    assert_eq!(store.search("supplies", 1).unwrap().len(), 1);
    // Diacritics folded.
    assert_eq!(store.search("ca", 10).unwrap().len(), 1);
    // Phrase and boolean syntax.
    assert_eq!(store.search("\"hosted no talks\"", 10).unwrap().len(), 1);
    assert_eq!(store.search("Qatar AND Taliban", 10).unwrap().len(), 0);
    // Not FTS5 syntax: searched as words instead of failing.
    assert_eq!(store.search("U.S. (rifles", 10).unwrap().len(), 0);
    assert_eq!(store.search("Taliban's", 10).unwrap().len(), 0);
    assert_eq!(store.search("Doha.", 10).unwrap().len(), 1);
    assert!(store.search("  ", 10).unwrap().is_empty());
}

#[test]
fn stats_count_layers_languages_and_skips() {
    let (_dir, mut store) = open_temp();
    let doc = full_document();
    let mut arabic = Document::new("ar.txt", "نص عربي", None);
    arabic.language = Some("ar".into());
    arabic.skip("parse", "not English (ar)");
    store.insert_batch(&[doc.clone(), arabic]).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.schema_version, schema::MIGRATIONS.len() as u32);
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.sentences, 3);
    assert_eq!(stats.tokens, doc.tokens.len() as u64);
    assert_eq!(stats.mentions, 1);
    assert_eq!(stats.events, 2);
    assert_eq!(stats.text_bytes, (doc.text.len() + "نص عربي".len()) as u64);
    assert_eq!(stats.first_published, Some(date("2017-04-02")));
    assert_eq!(
        stats.languages,
        vec![(Some("ar".into()), 1), (Some("en".into()), 1)]
    );
    assert_eq!(stats.outlets, vec![(None, 1), (Some("Wire".into()), 1)]);
    assert_eq!(
        stats.skipped,
        vec![
            ("actors".into(), "test reason".into(), 1),
            ("parse".into(), "not English (ar)".into(), 1)
        ]
    );
}

#[test]
fn event_filters() {
    let (_dir, mut store) = open_temp();
    let doc = full_document();
    store.insert(&doc).unwrap();
    let mut undated = document("Iran trained fighters. They left.", None);
    let mut training = talks_event(&doc);
    training.sentence = 0;
    training.sentence_span = undated.sentences[0].span;
    training.trigger = span_of(&undated.text, "trained");
    training.source = Some(actor("Iran", Some("IRN"), Some("IRN"), None));
    training.cameo = "0742".into();
    training.root = "07".into();
    training.certainty = Certainty::Uncertain;
    undated.events.push(training);
    store.insert(&undated).unwrap();

    let count = |filter: EventFilter| store.events(&filter).unwrap().len();
    assert_eq!(count(EventFilter::default()), 3);
    let all = store.events(&EventFilter::default()).unwrap();
    assert_eq!(all[0].event, doc.events[0]);
    assert_eq!(all[0].doc, doc.id);
    assert_eq!(all[0].doc_published, Some(date("2017-04-02")));
    assert_eq!(all[2].doc_published, None);
    assert!(all[0].id < all[1].id && all[1].id < all[2].id);

    let actor = |a: &str| EventFilter {
        actor: Some(a.into()),
        ..EventFilter::default()
    };
    assert_eq!(count(actor("rusgov")), 1);
    assert_eq!(count(actor("Taliban")), 1); // target group
    assert_eq!(count(actor("russian GOVERNMENT")), 1); // name
    assert_eq!(count(actor("RUS")), 1); // country
    assert_eq!(count(actor("Russia")), 0); // text is not a key
    assert_eq!(count(actor("QAT")), 1);
    assert_eq!(count(actor("USA")), 0); // only the claimant

    let claimant = |c: &str| EventFilter {
        claimant: Some(c.into()),
        ..EventFilter::default()
    };
    assert_eq!(count(claimant("usa")), 1);
    assert_eq!(count(claimant("a u.s. official")), 1);
    assert_eq!(count(claimant("RUS")), 0);

    let cameo = |c: &str| EventFilter {
        cameo: Some(c.into()),
        ..EventFilter::default()
    };
    assert_eq!(count(cameo("07")), 2);
    assert_eq!(count(cameo("071")), 1);
    assert_eq!(count(cameo("0742")), 1);
    assert_eq!(count(cameo("04")), 1);
    assert_eq!(count(cameo("1")), 0);

    // The supply event is dated March 2017; the Qatar event takes the document's
    // date (2017-04-02); the Iran event has no date at all.
    let between = |from: Option<&str>, to: Option<&str>| EventFilter {
        from: from.map(date),
        to: to.map(date),
        ..EventFilter::default()
    };
    assert_eq!(count(between(Some("2017-03-01"), None)), 2);
    assert_eq!(count(between(Some("2017-03-02"), None)), 1);
    assert_eq!(count(between(None, Some("2017-03-31"))), 1);
    assert_eq!(count(between(Some("2017-04-02"), Some("2017-04-02"))), 1);

    let certain = EventFilter {
        certainty: vec![Certainty::Reported, Certainty::Uncertain],
        ..EventFilter::default()
    };
    assert_eq!(count(certain), 2);

    let combined = EventFilter {
        actor: Some("irn".into()),
        cameo: Some("07".into()),
        certainty: vec![Certainty::Uncertain],
        ..EventFilter::default()
    };
    assert_eq!(count(combined), 1);
    let limited = EventFilter {
        limit: Some(2),
        ..EventFilter::default()
    };
    assert_eq!(count(limited), 2);

    let mut seen = Vec::new();
    store
        .for_each_event(&actor("irn"), |e| seen.push(e.event.cameo))
        .unwrap();
    assert_eq!(seen, vec!["0742".to_string()]);
}

#[test]
fn invalid_spans_are_refused_whole() {
    let (_dir, mut store) = open_temp();
    let good = full_document();
    let mut bad = document("Ça va. Bien.", None);
    bad.sentences[0].span = Span::new(1, 3); // inside "Ç"
    let err = store
        .insert_batch(&[good.clone(), bad.clone()])
        .unwrap_err();
    assert!(
        err.to_string().contains("sentence 0") && err.to_string().contains("test.txt"),
        "{err}"
    );
    assert_eq!(store.stats().unwrap().documents, 0);
    assert_eq!(store.insert(&good).unwrap(), Inserted::New);
}

#[test]
fn newer_store_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("future.db"), "{err}");
}

#[test]
fn a_file_that_is_not_a_store_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(
        &path,
        "these are not the tables you are looking for".repeat(100),
    )
    .unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(err.to_string().contains("notes.db"), "{err}");
}

#[test]
fn concurrent_writers_both_finish_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for batch in 0..20 {
                    let docs: Vec<Document> = (0..10)
                        .map(|i| document(&format!("Writer {w} batch {batch} doc {i}. End."), None))
                        .collect();
                    store.insert_batch(&docs).unwrap();
                    // Every writer also stores the same shared document.
                    store
                        .insert(&document(&format!("Shared {batch}. End."), None))
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let store = Store::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 2 * 20 * 10 + 20);
    assert_eq!(stats.sentences, 2 * stats.documents);
    let integrity: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn integrity_check_passes_on_a_sound_store_and_finds_missing_layers() {
    let (_dir, mut store) = open_temp();
    let doc = full_document();
    store.insert(&doc).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    store
        .conn
        .execute("DELETE FROM events WHERE idx = 1", [])
        .unwrap();
    let problems = store.integrity_check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains(doc.id.as_str()) && problems[0].contains("1/2 events"));
}
