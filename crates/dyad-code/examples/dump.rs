//! Temporary: dump per-sentence coding results for analysis.
use dyad_actors::{Dictionaries, Resolver};
use dyad_code::{eval, Coder};
use dyad_model::{Component, Document};
use std::path::Path;
use std::sync::Arc;

fn parse_str(doc: &Document) -> String {
    let mut s = String::new();
    for t in &doc.tokens {
        let w = &doc.text[t.span.start..t.span.end];
        s.push_str(&format!(
            "{}/{}/{}>{} ",
            w,
            format!("{:?}", t.upos),
            t.deprel,
            t.head.map_or(-1, |h| h as i64)
        ));
    }
    s
}

fn main() {
    let shared = Path::new("/work/shared");
    let mut dicts = Dictionaries::new();
    dicts
        .load_phoenix_dir(&shared.join("anchors/petrarch2"))
        .unwrap();
    let resolver = Resolver::new(Arc::new(dicts));
    let parser = dyad_parse::Parser::shared().unwrap();
    let coder = Coder::default();
    let ann = |id: &str, text: &str| {
        let mut doc = Document::new(id, text, None);
        parser.annotate(&mut doc);
        resolver.annotate(&mut doc);
        doc
    };
    let up = eval::read_up_gsr(&shared.join(eval::UP_GSR)).unwrap();
    for r in &up {
        let exp: Vec<String> = r
            .expected
            .iter()
            .map(|e| format!("{}>{} {}", e.source, e.target, e.code))
            .collect();
        for (which, doc) in [
            ("our", {
                let mut d = Document::new(&r.id, &r.text, None);
                d.published = r.date;
                parser.annotate(&mut d);
                resolver.annotate(&mut d);
                d
            }),
            ("gold", {
                let sentences = dyad_parse::conllu::parse_conllu(&r.conllu).unwrap_or_default();
                let mut d = dyad_parse::conllu::document_from_conllu(&sentences);
                d.published = r.date;
                resolver.annotate(&mut d);
                d
            }),
        ] {
            let events = coder.code(&doc);
            let got: Vec<String> = events
                .iter()
                .map(|e| {
                    format!(
                        "{:?}>{:?} {}:{}",
                        e.source.as_ref().and_then(|a| a.code.clone()),
                        e.target.as_ref().and_then(|a| a.code.clone()),
                        e.cameo,
                        &doc.text[e.trigger.start..e.trigger.end]
                    )
                })
                .collect();
            let ments: Vec<String> = doc
                .mentions
                .iter()
                .map(|m| format!("{}={:?}", &doc.text[m.span.start..m.span.end], m.actor.code))
                .collect();
            println!(
                "UP\t{}\t{which}\t{}\t{}\t{}\t{}\t{}",
                r.id,
                exp.join(";"),
                got.join(";"),
                ments.join(";"),
                r.text.replace('\n', " "),
                if which == "gold" {
                    parse_str(&doc)
                } else {
                    String::new()
                }
            );
        }
    }
    let plover = eval::read_plover_gsr(&shared.join(eval::PLOVER_GSR)).unwrap();
    for (i, r) in plover.iter().enumerate() {
        let doc = ann(&r.id, &r.text);
        let events = coder.code(&doc);
        let e = eval::main_event(&doc, &events, |e| e.plover.is_some());
        let all: Vec<String> = events
            .iter()
            .map(|e| format!("{}:{}", e.cameo, &doc.text[e.trigger.start..e.trigger.end]))
            .collect();
        let ments: Vec<String> = doc
            .mentions
            .iter()
            .map(|m| format!("{}={:?}", &doc.text[m.span.start..m.span.end], m.actor.code))
            .collect();
        println!(
            "PLO\t{i}\t{}\t{}\t{}\t{:?}\t{:?}\t{}\t{}\t{}\t{}",
            r.event,
            e.map_or("none".to_string(), |e| e.plover.clone().unwrap_or_default()),
            e.map_or("-".to_string(), |e| e.cameo.clone()),
            e.and_then(|e| e.source.as_ref().and_then(|a| a.code.clone())),
            e.and_then(|e| e.target.as_ref().and_then(|a| a.code.clone())),
            all.join(","),
            r.text.replace('\n', " "),
            parse_str(&doc),
            ments.join(";")
        );
    }
    let cb = eval::read_conflibert(&shared.join(eval::CONFLIBERT_TEST)).unwrap();
    for (i, (text, label)) in cb.iter().enumerate() {
        let doc = ann(&format!("cb{i}"), text);
        let events = coder.code(&doc);
        let e = eval::main_event(&doc, &events, |_| true);
        let all: Vec<String> = events
            .iter()
            .map(|e| format!("{}:{}", e.cameo, &doc.text[e.trigger.start..e.trigger.end]))
            .collect();
        println!(
            "CB\t{i}\t{label}\t{}\t{}\t{}\t{}",
            e.map_or("-".to_string(), |e| e.cameo.clone()),
            all.join(","),
            text,
            parse_str(&doc)
        );
    }
}
