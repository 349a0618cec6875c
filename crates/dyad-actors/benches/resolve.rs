//! Speed of dictionary loading and of resolution (release build):
//! `cargo bench -p dyad-actors --bench resolve`.
//!
//! Loads dyad's dictionaries plus the Phoenix ones (from ../shared when present),
//! segments the BBC News corpus (or, without ../shared, a paragraph written for this
//! benchmark) and times only the resolution stage. Besides wall time it reports the
//! thread's on-CPU time (Linux `/proc/thread-self/schedstat`), which is what "per core"
//! means on a machine shared with other work.

use dyad_actors::{Dictionaries, Resolver, DEFAULT_FILES};
use dyad_model::fixtures::shared_dir;
use dyad_model::{Component, Document};
use dyad_parse::Segmenter;
use std::sync::Arc;
use std::time::Instant;

const OWN_TEXT: &str = "Russian President Vladimir Putin met Afghan officials in Moscow on Tuesday. \
A U.S. intelligence official said the Taliban had received rifles from Russia, which the group denied. \
Tajik border guards and NATO military advisers watched as Haftar's forces advanced. \
Zamir Kabulov, Russia's special envoy, said the Kremlin would keep talking to the insurgents.\n\n";

/// Nanoseconds this thread has run on a CPU, where the kernel tells.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn ms(ns: Option<u64>) -> String {
    ns.map_or("n/a".to_string(), |n| format!("{:.1} ms", n as f64 / 1e6))
}

fn main() {
    let shared = shared_dir();
    let cpu0 = cpu_ns();
    let started = Instant::now();
    let mut dicts = Dictionaries::new();
    for (name, text) in DEFAULT_FILES {
        dicts.load_str(name, text);
    }
    let ours = started.elapsed();
    let cpu_ours = cpu_ns().zip(cpu0).map(|(a, b)| a - b);
    let phoenix = shared.as_ref().map(|s| s.join("anchors/petrarch2"));
    if let Some(dir) = phoenix.as_ref().filter(|d| d.is_dir()) {
        dicts.load_phoenix_dir(dir).expect("Phoenix dictionaries");
    }
    let total = started.elapsed();
    let cpu_total = cpu_ns().zip(cpu0).map(|(a, b)| a - b);
    println!(
        "load: ours {:.1} ms wall / {} CPU, ours + Phoenix {:.1} ms wall / {} CPU ({} records{})",
        ours.as_secs_f64() * 1e3,
        ms(cpu_ours),
        total.as_secs_f64() * 1e3,
        ms(cpu_total),
        dicts.entries().len(),
        if phoenix.is_some() {
            ""
        } else {
            "; Phoenix files absent"
        }
    );

    let texts: Vec<String> = match shared
        .map(|s| s.join("corpora/bbc_news_2004_2005.jsonl"))
        .filter(|p| p.is_file())
    {
        Some(path) => std::fs::read_to_string(&path)
            .expect("BBC corpus")
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        None => vec![OWN_TEXT.repeat(200); 20],
    };
    let segmenter = Segmenter::new();
    let docs: Vec<Document> = texts
        .into_iter()
        .map(|t| {
            let mut d = Document::new("bench", t, None);
            segmenter.annotate(&mut d);
            d
        })
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let resolver = Resolver::new(Arc::new(dicts));
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut mentions = 0;
    for _ in 0..5 {
        let mut work = docs.clone();
        let c = cpu_ns();
        let t = Instant::now();
        for d in &mut work {
            resolver.annotate(d);
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_ns(), c) {
            best_cpu = best_cpu.min((a - b) as f64 / 1e9);
        }
        mentions = work.iter().map(|d| d.mentions.len()).sum();
    }
    println!(
        "resolve: {} docs, {tokens} tokens, {mentions} mentions; best of 5: {:.3} s wall = {:.2} M tokens/s, {:.3} s on-CPU = {:.2} M tokens/s per core",
        docs.len(),
        best,
        tokens as f64 / best / 1e6,
        best_cpu,
        tokens as f64 / best_cpu / 1e6
    );
}
