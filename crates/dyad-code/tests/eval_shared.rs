//! The gold evaluations on `../shared` (skipped visibly where it is absent). The
//! statistical parser is not used here: UniversalPetrarch's own gold parses are, so the
//! figures measure the coder alone.

use dyad_actors::{Dictionaries, Resolver};
use dyad_code::eval::{self, Annotator};
use dyad_code::Coder;
use dyad_model::fixtures::shared_dir_or_skip;
use dyad_model::{Component, Date, Document};
use std::sync::Arc;

struct GoldParses {
    resolver: Resolver,
}

impl Annotator for GoldParses {
    fn parses_text(&self) -> bool {
        false
    }

    fn annotate_text(&self, id: &str, text: &str, date: Option<Date>) -> Document {
        let mut doc = Document::new(id, text, None);
        doc.published = date;
        dyad_parse::Segmenter::new().annotate(&mut doc);
        doc
    }

    fn annotate_conllu(
        &self,
        id: &str,
        conllu: &str,
        date: Option<Date>,
    ) -> Result<Document, String> {
        let sentences =
            dyad_parse::conllu::parse_conllu(conllu).map_err(|e| format!("{id}: {e}"))?;
        let mut doc = dyad_parse::conllu::document_from_conllu(&sentences);
        doc.published = date;
        self.resolver.annotate(&mut doc);
        Ok(doc)
    }
}

#[test]
fn universal_petrarch_gold_parses() {
    let Some(phoenix) = shared_dir_or_skip("universal_petrarch_gold_parses", "anchors/petrarch2")
    else {
        return;
    };
    let Some(shared) = phoenix.parent().and_then(|p| p.parent()) else {
        return;
    };
    let mut dicts = Dictionaries::new();
    dicts
        .load_phoenix_dir(&phoenix)
        .expect("Phoenix dictionaries load");
    let annotator = GoldParses {
        resolver: Resolver::new(Arc::new(dicts)),
    };
    let report = eval::run_all(shared, &annotator, &Coder::default()).expect("gold files read");
    for (name, value) in &report.figures {
        eprintln!("{name} {value:.3}");
    }
    assert_eq!(report.get("up_gold_parse_expected_events"), Some(80.0));
    // A floor well under today's figures, so a regression in the coder shows.
    assert!(report.get("up_gold_parse_found_root").unwrap() >= 0.25);
    assert!(report.get("up_gold_parse_unexpected").unwrap() <= 0.5);
}

#[test]
fn gold_files_read() {
    let Some(up) = shared_dir_or_skip("gold_files_read", eval::UP_GSR) else {
        return;
    };
    let records = eval::read_up_gsr(&up).unwrap();
    assert_eq!(records.len(), 78);
    assert!(records.iter().filter(|r| !r.conllu.is_empty()).count() >= 77);
    let Some(plover) = shared_dir_or_skip("gold_files_read", eval::PLOVER_GSR) else {
        return;
    };
    let plover = eval::read_plover_gsr(&plover).unwrap();
    assert_eq!(plover.len(), 322, "PLOVER records");
    let Some(conflibert) = shared_dir_or_skip("gold_files_read", eval::CONFLIBERT_TEST) else {
        return;
    };
    assert_eq!(eval::read_conflibert(&conflibert).unwrap().len(), 451);
}
