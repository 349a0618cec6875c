use dyad_actors::{Dictionaries, Resolver};
use dyad_code::{eval, Coder};
use dyad_model::Component;
use std::path::Path;
use std::sync::Arc;
fn main() {
    let shared = Path::new("/work/shared");
    let mut dicts = Dictionaries::new();
    dicts.load_phoenix_dir(&shared.join("anchors/petrarch2")).unwrap();
    let resolver = Resolver::new(Arc::new(dicts));
    let coder = Coder::default();
    let recs = eval::read_up_gsr(&shared.join(eval::UP_GSR)).unwrap();
    let verbose = std::env::args().nth(1).is_some();
    for r in recs {
        let s = dyad_parse::conllu::parse_conllu(&r.conllu).unwrap();
        let mut doc = dyad_parse::conllu::document_from_conllu(&s);
        doc.published = r.date;
        resolver.annotate(&mut doc);
        let ev = coder.code(&doc);
        println!("== {}", doc.text);
        if verbose {
            for m in &doc.mentions { print!("[{}={:?}] ", m.actor.text, m.actor.code); }
            println!();
        }
        for e in &ev {
            println!("   got {:?}>{:?} {} {:?} {}", e.source.as_ref().and_then(|a| a.code.clone()), e.target.as_ref().and_then(|a| a.code.clone()), e.cameo, e.certainty, doc.slice(e.trigger));
        }
        for x in &r.expected { println!("   exp {}>{} {}", x.source, x.target, x.code); }
    }
}
