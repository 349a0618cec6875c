//! Throughput of the coder alone (parse and mentions given), release build:
//! `cargo bench -p dyad-code --bench coder`. Prints sentences per second on one core.

use dyad_code::Coder;
use dyad_model::{Actor, ActorMention, Upos};
use dyad_parse::conllu::{document_from_conllu, parse_conllu};
use std::time::Instant;

/// News-like sentences with hand-written parses: two with triggers and claims, one
/// without any trigger (most sentences in news code nothing).
const SENTENCES: &str = "\
1\tA\ta\tDET\tDT\t_\t3\tdet\t_\t_
2\tU.S.\tU.S.\tPROPN\tNNP\t_\t3\tcompound\t_\t_
3\tofficial\tofficial\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\tsays\tsay\tVERB\tVBZ\t_\t0\troot\t_\t_
5\tMoscow\tMoscow\tPROPN\tNNP\t_\t6\tnsubj\t_\t_
6\tarms\tarm\tVERB\tVBZ\t_\t4\tccomp\t_\t_
7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_
8\tTaliban\tTaliban\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tdenies\tdeny\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tsupplying\tsupply\tVERB\tVBG\t_\t2\txcomp\t_\t_
4\tweapons\tweapon\tNOUN\tNNS\t_\t3\tobj\t_\t_
5\tto\tto\tADP\tIN\t_\t7\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
7\tHouthis\tHouthis\tPROPN\tNNPS\t_\t3\tobl\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tweather\tweather\tNOUN\tNN\t_\t4\tnsubj\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\tcop\t_\t_
4\tmild\tmild\tADJ\tJJ\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tLondon\tLondon\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

fn main() {
    // Articles of 30 sentences, as in news.
    let article = SENTENCES.repeat(10);
    let mut doc = document_from_conllu(&parse_conllu(&article).expect("bench CoNLL-U"));
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.upos == Upos::PROPN {
            let text = doc.text[t.span.range()].to_string();
            doc.mentions.push(ActorMention {
                span: t.span,
                sentence: doc
                    .sentences
                    .iter()
                    .position(|s| s.tokens.contains(&i))
                    .unwrap(),
                tokens: i..i + 1,
                head: i,
                actor: Actor {
                    code: Some(text.to_uppercase()),
                    text,
                    ..Actor::default()
                },
                resolution: "bench".into(),
            });
        }
    }
    let coder = Coder::default();
    let sentences = doc.sentences.len();
    let rounds = 3_000;
    let mut events = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        events += coder.code(&doc).len();
    }
    let seconds = start.elapsed().as_secs_f64();
    let total = (sentences * rounds) as f64;
    println!(
        "coder: {total} sentences, {events} events in {seconds:.2} s: {:.0} sentences/s",
        total / seconds
    );
}
