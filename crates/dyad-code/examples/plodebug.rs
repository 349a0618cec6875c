use dyad_actors::{Dictionaries, Resolver};
use dyad_code::{eval, Coder};
use dyad_model::{Component, Document};
use std::path::Path;
use std::sync::Arc;
fn main() {
    let shared = Path::new("/work/shared");
    let mut dicts = Dictionaries::new();
    dicts.load_phoenix_dir(&shared.join("anchors/petrarch2")).unwrap();
    let resolver = Resolver::new(Arc::new(dicts));
    let parser = dyad_parse::Parser::shared().unwrap();
    let coder = Coder::default();
    let mode = std::env::args().nth(1).unwrap_or_default();
    let items: Vec<(String, String)> = if mode == "c" {
        eval::read_conflibert(&shared.join(eval::CONFLIBERT_TEST)).unwrap().into_iter().map(|(t, l)| (t, l.to_string())).collect()
    } else {
        eval::read_plover_gsr(&shared.join(eval::PLOVER_GSR)).unwrap().into_iter().map(|r| (r.text, r.event)).collect()
    };
    for (text, gold) in items {
        let mut doc = Document::new("x", text.clone(), None);
        parser.annotate(&mut doc);
        resolver.annotate(&mut doc);
        let ev = coder.code(&doc);
        let main = eval::main_event(&doc, &ev, |e| mode == "c" || e.plover.is_some());
        let got = main.map(|e| format!("{} {:?} [{}]", e.cameo, e.plover, doc.slice(e.trigger))).unwrap_or("none".into());
        println!("{gold}\t{got}\t{text}");
    }
}
