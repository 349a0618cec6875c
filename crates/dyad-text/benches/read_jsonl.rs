//! Reading throughput: `cargo bench -p dyad-text --bench read_jsonl [PATH]`.
//!
//! Reads PATH (default: ../shared/corpora/bbc_news_2004_2005.jsonl) several times on
//! one core through `read_path` — JSON parsing, ids, language identification — and
//! prints documents/s and MB/s of article text and of input bytes, by wall-clock time
//! and, on Linux, by the CPU time the thread actually got (the fair figure on a busy
//! machine).

use std::path::PathBuf;
use std::time::Instant;

const ROUNDS: usize = 10;

fn main() {
    let path = match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(path) => PathBuf::from(path),
        None => match dyad_model::fixtures::shared_dir_or_skip(
            "read_jsonl bench",
            "corpora/bbc_news_2004_2005.jsonl",
        ) {
            Some(path) => path,
            None => return,
        },
    };
    let input_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let (mut docs, mut text_bytes, mut errors) = (0usize, 0usize, 0usize);
    for _ in 0..ROUNDS {
        (docs, text_bytes, errors) = (0, 0, 0);
        let start = Instant::now();
        let cpu_start = thread_cpu_seconds();
        for result in dyad_text::read_path(&path) {
            match result {
                Ok(doc) => {
                    docs += 1;
                    text_bytes += doc.text.len();
                }
                Err(_) => errors += 1,
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(end), Some(begin)) = (thread_cpu_seconds(), cpu_start) {
            best_cpu = best_cpu.min(end - begin);
        }
    }
    let mb = |bytes: f64| bytes / 1e6;
    println!(
        "{}: {docs} documents, {errors} errors, best of {ROUNDS} rounds {:.3} s",
        path.display(),
        best
    );
    println!(
        "  {:.0} documents/s, {:.1} MB/s of text ({:.2} MB), {:.1} MB/s of input ({:.2} MB)",
        docs as f64 / best,
        mb(text_bytes as f64) / best,
        mb(text_bytes as f64),
        mb(input_bytes as f64) / best,
        mb(input_bytes as f64)
    );
    if best_cpu.is_finite() {
        println!(
            "  by CPU time ({best_cpu:.3} s): {:.0} documents/s, {:.1} MB/s of text, {:.1} MB/s of input",
            docs as f64 / best_cpu,
            mb(text_bytes as f64) / best_cpu,
            mb(input_bytes as f64) / best_cpu
        );
    }
}

/// Seconds this thread has run on a CPU, from Linux's scheduler statistics.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}
