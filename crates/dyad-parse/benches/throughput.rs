//! Tokenize + tag + lemmatise + parse throughput on one core, and peak memory.
//!
//! Input: the BBC News 2004-05 JSONL corpus in `../shared/corpora` (benchmark input
//! only); when it is absent, generated text is used and the output says so.
//! Run: `cargo bench -p dyad-parse --bench throughput`. Prints `NAME value` lines;
//! `tokens_per_cpu_second` divides by the CPU time of the (single) thread, which is
//! the per-core figure when other processes share the machine. With the environment
//! variable `DYAD_BENCH_MODEL` set to a file written by `dyad train-parser`, that model
//! is measured instead of the built-in one (to compare candidates before shipping).
//!
//! The greedy default is measured on the whole corpus; then the accuracy mode (beam
//! search, width `Decoding::ACCURATE_WIDTH` or `DYAD_BENCH_BEAM_WIDTH`) on its
//! first articles (`BEAM_ARTICLES`), printed as `beam_*` lines.

use dyad_model::{Component, Document};
use dyad_parse::{Decoding, Parser};
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

/// Articles the (slower) beam mode is measured on.
const BEAM_ARTICLES: usize = 300;

/// Tokens, sentences, wall seconds and CPU seconds (if known) of annotating
/// `articles` with `parser`.
fn run(parser: &Parser, articles: &[String]) -> (usize, usize, f64, Option<f64>) {
    let cpu_start = thread_cpu_seconds();
    let started = Instant::now();
    let mut tokens = 0usize;
    let mut sentences = 0usize;
    for text in articles {
        let mut doc = Document::new("bench", text.as_str(), None);
        parser.annotate(&mut doc);
        tokens += doc.tokens.len();
        sentences += doc.sentences.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = thread_cpu_seconds()
        .zip(cpu_start)
        .map(|(end, start)| end - start);
    (tokens, sentences, seconds, cpu_seconds)
}

fn main() {
    let started = Instant::now();
    let parser = match std::env::var_os("DYAD_BENCH_MODEL") {
        Some(path) => Parser::load(std::path::Path::new(&path)).expect("the model file loads"),
        None => Parser::load_default().expect("the built-in model loads"),
    };
    let load_seconds = started.elapsed().as_secs_f64();
    let (input, articles) = corpus();
    let (tokens, sentences, seconds, cpu_seconds) = run(&parser, &articles);
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
    let width = std::env::var("DYAD_BENCH_BEAM_WIDTH")
        .ok()
        .map(|w| w.parse().expect("DYAD_BENCH_BEAM_WIDTH is a number"))
        .unwrap_or(Decoding::ACCURATE_WIDTH);
    let parser = parser.with_decoding(Decoding::Beam(width));
    let sample = &articles[..articles.len().min(BEAM_ARTICLES)];
    let (tokens, _, seconds, cpu_seconds) = run(&parser, sample);
    println!("beam_width {width}");
    println!("beam_documents {}", sample.len());
    println!("beam_tokens {tokens}");
    println!("beam_tokens_per_second {:.0}", tokens as f64 / seconds);
    if let Some(cpu) = cpu_seconds {
        println!("beam_tokens_per_cpu_second {:.0}", tokens as f64 / cpu);
    }
    if let Some(rss) = peak_rss_mb() {
        println!("peak_rss_mb {rss:.1}");
    }
}
