//! Precision of resolution on a fixed sample checked by hand: 100 sentences of the
//! ConfliBERT CAMEO NER test set and 100 of BBC News 2004-05 (both in ../shared),
//! chosen with a fixed seed, parsed by the shipped model and resolved with the
//! default dictionaries.
//!
//! `tests/fixtures/precision_judged.tsv` holds our judgement of every coded mention
//! of the sample: where it is (source, item, byte span) and the code it should have
//! (`-` for a mention that names no actor). The shared sentences themselves are not
//! in the repo. The test resolves the sample again and counts how many coded
//! mentions agree with the judgement; mentions not judged yet (after a change) are
//! listed. To write the whole sample with its text for judging, set
//! `DYAD_PRECISION_SAMPLE=path.tsv`:
//! `cargo test -p dyad-actors --release --test precision_sample -- --nocapture`.

use dyad_actors::{Dictionaries, Resolver};
use dyad_model::fixtures::shared_dir_or_skip;
use dyad_model::{Component, Document};
use dyad_parse::Parser;
use std::collections::HashMap;
use std::fmt::Write as _;

const JUDGED: &str = include_str!("fixtures/precision_judged.tsv");
const PER_SOURCE: usize = 100;
const SEED: u64 = 20_261_122;

/// A small fixed pseudo-random sequence (PCG-style LCG), so the sample never moves.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// `count` distinct indices below `n`, in the order drawn.
fn pick(rng: &mut Lcg, n: usize, count: usize) -> Vec<usize> {
    let mut chosen = Vec::new();
    while chosen.len() < count.min(n) {
        let i = rng.below(n);
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen
}

/// One document of the sample and the sentence of it that was drawn (all of it for
/// a ConfliBERT sentence, which the segmenter may split).
struct Item {
    source: &'static str,
    key: String,
    doc: Document,
    sentence: Option<usize>,
}

/// ConfliBERT sentences, words joined by spaces.
fn conflibert_items(text: &str, rng: &mut Lcg) -> Vec<Item> {
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|b| {
            b.lines()
                .filter_map(|l| l.rsplit_once(' ').map(|(w, _)| w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty())
        .collect();
    pick(rng, blocks.len(), PER_SOURCE)
        .into_iter()
        .map(|i| Item {
            source: "conflibert",
            key: i.to_string(),
            doc: Document::new("conflibert", blocks[i].clone(), None),
            sentence: None,
        })
        .collect()
}

/// BBC articles; after parsing and resolving, one sentence with a coded mention is
/// drawn from each.
fn bbc_docs(text: &str, rng: &mut Lcg) -> Vec<(String, Document)> {
    let docs: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    pick(rng, docs.len(), PER_SOURCE)
        .into_iter()
        .filter_map(|i| {
            let v = &docs[i];
            let id = v["id"].as_str()?.to_string();
            let body = v["text"].as_str()?.to_string();
            Some((id.clone(), Document::new(&id, body, None)))
        })
        .collect()
}

/// `(source, key, start, end) → expected code` from the fixture.
type Judged = HashMap<(String, String, usize, usize), String>;

fn judged() -> Judged {
    JUDGED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 5, "precision_judged.tsv: bad row {l:?}");
            let n = |s: &str| s.parse::<usize>().expect("byte offset");
            (
                (f[0].to_string(), f[1].to_string(), n(f[2]), n(f[3])),
                f[4].to_string(),
            )
        })
        .collect()
}

#[test]
fn hand_checked_sample_stays_precise() {
    let Some(conflibert) = shared_dir_or_skip(
        "hand_checked_sample_stays_precise",
        "anchors/conflibert/cameo_ner/test.txt",
    ) else {
        return;
    };
    let Some(bbc) = shared_dir_or_skip(
        "hand_checked_sample_stays_precise",
        "corpora/bbc_news_2004_2005.jsonl",
    ) else {
        return;
    };
    let parser = Parser::shared().expect("parser model");
    let resolver = Resolver::new(Dictionaries::defaults());
    let mut rng = Lcg(SEED);
    let mut items = conflibert_items(&std::fs::read_to_string(conflibert).unwrap(), &mut rng);
    for item in &mut items {
        parser.annotate(&mut item.doc);
        resolver.annotate(&mut item.doc);
    }
    let judged = judged();
    for (key, mut doc) in bbc_docs(&std::fs::read_to_string(bbc).unwrap(), &mut rng) {
        parser.annotate(&mut doc);
        resolver.annotate(&mut doc);
        let with_code: Vec<usize> = (0..doc.sentences.len())
            .filter(|&s| {
                doc.mentions
                    .iter()
                    .any(|m| m.sentence == s && m.actor.code.is_some())
            })
            .collect();
        if with_code.is_empty() {
            continue;
        }
        let drawn = with_code[rng.below(with_code.len())];
        // Once judged, the sentence is the one the judgement names, whatever the
        // resolver finds in the article today.
        let judged_at = judged
            .keys()
            .find(|(source, k, _, _)| source == "bbc" && *k == key)
            .map(|&(_, _, start, _)| start);
        let sentence = judged_at
            .and_then(|at| {
                doc.sentences
                    .iter()
                    .position(|s| s.span.range().contains(&at))
            })
            .unwrap_or(drawn);
        items.push(Item {
            source: "bbc",
            key,
            doc,
            sentence: Some(sentence),
        });
    }

    let (mut coded, mut agree, mut unjudged) = (0, 0, 0);
    let mut disagreements = Vec::new();
    let mut out = String::from(
        "source\tkey\tstart\tend\tcode\tcountry\tgroup\tmention\tresolution\tsentence\n",
    );
    for item in &items {
        let doc = &item.doc;
        let drawn = |m: &&dyad_model::ActorMention| item.sentence.is_none_or(|s| m.sentence == s);
        for m in doc.mentions.iter().filter(drawn) {
            let sentence = &doc.sentences[m.sentence];
            let sentence_text = doc.text[sentence.span.range()].replace(['\n', '\t'], " ");
            let Some(code) = m.actor.code.as_deref() else {
                continue;
            };
            coded += 1;
            let key = (
                item.source.to_string(),
                item.key.clone(),
                m.span.start,
                m.span.end,
            );
            match judged.get(&key) {
                Some(expected) if expected == code => agree += 1,
                Some(expected) => disagreements.push(format!(
                    "{} {} {:?} -> {code}, judged {expected} ({})",
                    item.source, item.key, m.actor.text, m.resolution
                )),
                None => unjudged += 1,
            }
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{code}\t{}\t{}\t{}\t{}\t{sentence_text}",
                item.source,
                item.key,
                m.span.start,
                m.span.end,
                m.actor.country.as_deref().unwrap_or("-"),
                m.actor.group.as_deref().unwrap_or("-"),
                m.actor.text.replace(['\n', '\t'], " "),
                m.resolution.replace(['\n', '\t'], " "),
            );
        }
    }
    if let Some(path) = std::env::var_os("DYAD_PRECISION_SAMPLE") {
        std::fs::write(&path, &out).expect("writing the sample");
        println!("sample written to {}", path.to_string_lossy());
    }
    let judged_here = agree + disagreements.len();
    println!(
        "precision sample: {} sentences, {coded} coded mentions; {judged_here} judged: {agree} agree ({:.1} %), {} disagree; {unjudged} not judged yet",
        items.len(),
        100.0 * agree as f64 / judged_here.max(1) as f64,
        disagreements.len()
    );
    for d in &disagreements {
        println!("  disagrees: {d}");
    }
    assert!(
        judged_here == 0 || agree as f64 >= 0.95 * judged_here as f64,
        "precision on the judged sample fell below 95 %"
    );
}
