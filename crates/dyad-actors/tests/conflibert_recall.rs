//! Recall on the ConfliBERT CAMEO NER test set: how many gold source/target spans hold
//! a mention resolved to a known actor. Prints the figures and a sample of resolved
//! mentions, and of those resolved from their context, for checking precision by hand:
//! `cargo test -p dyad-actors --release --test conflibert_recall -- --nocapture`.

use dyad_actors::{Dictionaries, Resolver};
use dyad_model::fixtures::shared_dir_or_skip;
use dyad_model::{Component, Document, Sentence, Span, Token};

struct Gold {
    doc: Document,
    /// Token ranges of the gold source (S) and target (T) spans.
    spans: Vec<std::ops::Range<usize>>,
}

fn read(text: &str) -> Vec<Gold> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let rows: Vec<(&str, &str)> = block.lines().filter_map(|l| l.rsplit_once(' ')).collect();
        if rows.is_empty() {
            continue;
        }
        let mut body = String::new();
        let mut tokens = Vec::new();
        let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, (word, tag)) in rows.iter().enumerate() {
            if !body.is_empty() {
                body.push(' ');
            }
            let start = body.len();
            body.push_str(word);
            tokens.push(Token::bare(Span::new(start, body.len())));
            match *tag {
                "B-S" | "B-T" => spans.push(i..i + 1),
                "I-S" | "I-T" => {
                    if let Some(last) = spans.last_mut().filter(|s| s.end == i) {
                        last.end = i + 1;
                    }
                }
                _ => {}
            }
        }
        let mut doc = Document::new("conflibert", body.clone(), None);
        doc.sentences = vec![Sentence {
            span: Span::new(0, body.len()),
            tokens: 0..tokens.len(),
        }];
        doc.tokens = tokens;
        out.push(Gold { doc, spans });
    }
    out
}

#[test]
fn conflibert_gold_spans_resolve() {
    let Some(path) = shared_dir_or_skip(
        "conflibert_gold_spans_resolve",
        "anchors/conflibert/cameo_ner/test.txt",
    ) else {
        return;
    };
    let gold = read(&std::fs::read_to_string(path).unwrap());
    let resolver = Resolver::new(Dictionaries::defaults());
    let (mut total, mut hit_overlap, mut hit_inside) = (0, 0, 0);
    let mut resolved = Vec::new();
    let mut missed = Vec::new();
    // Mentions resolved from their context (an inferred country, coreference).
    let mut in_context = Vec::new();
    for g in gold {
        let mut doc = g.doc;
        resolver.annotate(&mut doc);
        for span in &g.spans {
            total += 1;
            let known = |m: &&dyad_model::ActorMention| m.actor.code.is_some();
            let overlap = doc
                .mentions
                .iter()
                .filter(known)
                .any(|m| m.tokens.start < span.end && span.start < m.tokens.end);
            let inside = doc
                .mentions
                .iter()
                .filter(known)
                .any(|m| span.contains(&m.head));
            hit_overlap += usize::from(overlap);
            hit_inside += usize::from(inside);
            if !overlap {
                let a = doc.tokens[span.start].span.start;
                let b = doc.tokens[span.end - 1].span.end;
                missed.push(doc.text[a..b].to_string());
            }
        }
        for m in doc.mentions.iter().filter(|m| {
            m.resolution.contains("country inferred") || m.resolution.starts_with("coreference")
        }) {
            in_context.push(format!(
                "{:?} -> {} | {} | {}",
                m.actor.text,
                m.actor.code.as_deref().unwrap_or("-"),
                m.resolution,
                doc.text
            ));
        }
        for m in doc.mentions.iter().filter(|m| m.actor.code.is_some()) {
            resolved.push(format!(
                "{:?} -> {} {} | {}",
                m.actor.text,
                m.actor.code.as_deref().unwrap_or("-"),
                m.actor.name.as_deref().unwrap_or("-"),
                doc.text
            ));
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total as f64;
    println!(
        "ConfliBERT test: {total} gold source/target spans; resolved mention overlapping: {hit_overlap} ({:.1} %); resolved mention head inside: {hit_inside} ({:.1} %)",
        pct(hit_overlap),
        pct(hit_inside)
    );
    println!("missed (first 60): {:?}", &missed[..missed.len().min(60)]);
    // Every k-th resolved mention: a fixed sample of 100 to check by hand.
    let step = (resolved.len() / 100).max(1);
    for (i, line) in resolved.iter().step_by(step).take(100).enumerate() {
        println!("sample {:3}: {line}", i + 1);
    }
    println!(
        "resolved from context: {} (first 60 follow)",
        in_context.len()
    );
    for (i, line) in in_context.iter().take(60).enumerate() {
        println!("context {:3}: {line}", i + 1);
    }
    assert!(
        pct(hit_overlap) >= 80.0,
        "recall fell to {:.1} %",
        pct(hit_overlap)
    );
}
