//! Tokenize + tag + lemmatise + parse throughput on one core, and peak memory.
//!
//! Input: the BBC News 2004-05 JSONL corpus in `../shared/corpora` (benchmark input
//! only); when it is absent, generated text is used and the output says so.
//! Run: `cargo bench -p dyad-parse --bench throughput`. Prints `NAME value` lines;
//! `tokens_per_cpu_second` divides by the CPU time of the (single) thread, which is
//! the per-core figure when other processes share the machine. With the environment
//! variable `DYAD_BENCH_MODEL` set to a file written by `dyad train-parser`, that model
//! is measured instead of the built-in one (to compare candidates before shipping).

use dyad_model::{Component, Document};
use dyad_parse::Parser;
use std::time::Instant;

/// Peak resident set size of this process in MB (Linux), if known.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time this thread has run, in seconds (Linux `schedstat`), if known: on a
/// shared machine it measures the work better than the wall clock.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

fn corpus() -> (String, Vec<String>) {
    if let Some(path) =
        dyad_model::fixtures::shared_dir_or_skip("throughput", "corpora/bbc_news_2004_2005.jsonl")
    {
        let text = std::fs::read_to_string(&path).expect("reading the BBC corpus");
        let articles = text
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        return (path.display().to_string(), articles);
    }
    let sentence = "Officials in Kabul said on Tuesday that Russia had supplied 10,000 rifles \
                    to the Afghan army, but Moscow denied the report. ";
    let articles = (0..2000).map(|_| sentence.repeat(20)).collect();
    ("generated text (corpus absent)".to_string(), articles)
}

fn main() {
    let started = Instant::now();
    let parser = match std::env::var_os("DYAD_BENCH_MODEL") {
        Some(path) => Parser::load(std::path::Path::new(&path)).expect("the model file loads"),
        None => Parser::load_default().expect("the built-in model loads"),
    };
    let load_seconds = started.elapsed().as_secs_f64();
    let (input, articles) = corpus();
    let cpu_start = thread_cpu_seconds();
    let started = Instant::now();
    let mut tokens = 0usize;
    let mut sentences = 0usize;
    for text in &articles {
        let mut doc = Document::new("bench", text.as_str(), None);
        parser.annotate(&mut doc);
        tokens += doc.tokens.len();
        sentences += doc.sentences.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = thread_cpu_seconds()
        .zip(cpu_start)
        .map(|(end, start)| end - start);
    println!("input {input}");
    println!("documents {}", articles.len());
    println!("sentences {sentences}");
    println!("tokens {tokens}");
    println!("model_load_seconds {load_seconds:.3}");
    println!("seconds {seconds:.3}");
    println!("tokens_per_second {:.0}", tokens as f64 / seconds);
    if let Some(cpu) = cpu_seconds {
        println!("cpu_seconds {cpu:.3}");
        println!("tokens_per_cpu_second {:.0}", tokens as f64 / cpu);
    }
    if let Some(rss) = peak_rss_mb() {
        println!("peak_rss_mb {rss:.1}");
    }
}
