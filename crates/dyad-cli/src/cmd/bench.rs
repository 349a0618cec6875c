use crate::pipeline::{self, Options, Rate};
use crate::Context;
use anyhow::Context as _;
use clap::ValueEnum as _;
use dyad_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    bench: Bench,
}

#[derive(clap::Subcommand)]
enum Bench {
    /// Readers, stages and store on FILE into a fresh temporary store; prints
    /// `NAME value` lines (documents/s, MB/s of text, peak RSS).
    Ingest(IngestArgs),
}

#[derive(clap::Args)]
struct IngestArgs {
    /// Input to read (any format `dyad ingest` reads).
    file: PathBuf,
    /// `all`: the stages `dyad ingest` runs; `segment`: sentences and tokens only;
    /// `none`: readers and store alone.
    #[arg(long, value_enum, default_value_t = Stages::All)]
    stages: Stages,
    /// Threads running the stages; 0 runs everything on one thread (one core).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Stages {
    All,
    Segment,
    None,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<ExitCode> {
    match args.bench {
        Bench::Ingest(args) => bench_ingest(args),
    }
}

fn bench_ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir().context("creating a temporary store")?;
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db)?;
    let stages = match args.stages {
        Stages::All => pipeline::default_stages(dyad_actors::Dictionaries::defaults())?,
        Stages::Segment => vec![Box::new(dyad_parse::Segmenter::new()) as pipeline::Stage],
        Stages::None => Vec::new(),
    };
    let mut options = Options::with_stages(stages);
    if let Some(threads) = args.threads {
        options.workers = threads;
    }
    let workers = options.workers;
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let totals = pipeline::ingest(
        std::slice::from_ref(&args.file),
        options,
        &mut store,
        |_| {},
    );
    let rate = Rate::of(&totals, started);
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    drop(store);
    let store_bytes: u64 = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    for failure in &totals.failed {
        eprintln!("dyad: error: {failure}");
    }
    println!("input {}", args.file.display());
    println!(
        "stages {}",
        args.stages
            .to_possible_value()
            .map_or("?".into(), |v| v.get_name().to_string())
    );
    println!("workers {workers}");
    println!("documents {}", totals.read);
    println!("failed {}", totals.failed.len());
    println!("text_mb {:.2}", totals.text_bytes as f64 / 1e6);
    println!("sentences {}", totals.sentences);
    println!("events {}", totals.events);
    println!("seconds {:.3}", rate.seconds);
    println!("docs_per_s {:.0}", rate.docs_per_second);
    println!("mb_per_s {:.2}", rate.megabytes_per_second);
    // On a busy machine wall time includes waiting for a core; CPU time does not.
    if let Some(cpu) = cpu {
        println!("cpu_seconds {cpu:.3}");
        println!(
            "mb_per_cpu_s {:.2}",
            totals.text_bytes as f64 / 1e6 / cpu.max(0.01)
        );
        println!(
            "sentences_per_cpu_s {:.0}",
            totals.sentences as f64 / cpu.max(0.01)
        );
    }
    println!("store_mb {:.2}", store_bytes as f64 / 1e6);
    match peak_rss_kib() {
        Some(kib) => println!("peak_rss_mb {:.1}", kib as f64 / 1024.0),
        None => println!("peak_rss_mb unknown"),
    }
    Ok(if totals.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The process's peak resident set size (`VmHWM`), where /proc exists.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User plus system CPU time of this process (all threads, finished ones included),
/// where /proc exists. /proc reports it in USER_HZ ticks, 100 per second on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may contain spaces) in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}
