use crate::dictionaries::DictionarySources;
use crate::pipeline::{self, Options, Rate, Totals};
use crate::Context;
use anyhow::Context as _;
use dyad_store::Store;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub dictionaries: DictionarySources,
}

/// Failure and skip reasons listed in the summary before "... and N more".
const LIST_AT_MOST: usize = 20;

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<ExitCode> {
    // Dictionaries first: a broken one stops the command before the store is touched.
    let stages = pipeline::default_stages(args.dictionaries.load()?)?;
    let mut store = Store::open(&ctx.db)?;
    let totals = ingest_with_progress(&args.paths, stages, &mut store)?;
    Ok(if totals.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Ingests `paths` with the default stages, showing progress on a terminal and the
/// summary on standard output.
pub fn ingest_with_progress(
    paths: &[PathBuf],
    stages: Vec<pipeline::Stage>,
    store: &mut Store,
) -> anyhow::Result<Totals> {
    let started = Instant::now();
    let show_progress = std::io::stderr().is_terminal();
    let clear_line = if show_progress { "\r\x1b[2K" } else { "" };
    let mut last_shown = Instant::now();
    let mut reported_failures = 0;
    let totals = pipeline::ingest(paths, Options::with_stages(stages), store, |totals| {
        let mut err = std::io::stderr().lock();
        // Failures are shown as they happen, above the progress line.
        for failure in &totals.failed[reported_failures..] {
            let _ = writeln!(err, "{clear_line}dyad: error: {failure}");
        }
        reported_failures = totals.failed.len();
        if show_progress && last_shown.elapsed() > Duration::from_millis(200) {
            let rate = Rate::of(totals, started);
            let _ = write!(
                err,
                "\r\x1b[2K{} documents  {:.0} docs/s  {:.1} MB/s",
                totals.read, rate.docs_per_second, rate.megabytes_per_second
            );
            last_shown = Instant::now();
        }
    });
    eprint!("{clear_line}");
    print_summary(&totals, Rate::of(&totals, started)).context("writing the summary")?;
    Ok(totals)
}

fn print_summary(totals: &Totals, rate: Rate) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "read       {} documents, {:.2} MB of text in {:.1} s ({:.0} docs/s, {:.1} MB/s)",
        totals.read,
        totals.text_bytes as f64 / 1e6,
        rate.seconds,
        rate.docs_per_second,
        rate.megabytes_per_second
    )?;
    writeln!(out, "new        {}", totals.new)?;
    writeln!(
        out,
        "duplicate  {}{}",
        totals.duplicate,
        if totals.duplicate > 0 {
            " (already stored; unchanged)"
        } else {
            ""
        }
    )?;
    let stage_skipped: u64 = totals.stage_skips.values().sum();
    writeln!(
        out,
        "skipped    {} inputs passed over, {} stage skips on stored documents",
        totals.passed_over.len(),
        stage_skipped
    )?;
    for skipped in totals.passed_over.iter().take(LIST_AT_MOST) {
        writeln!(out, "           {}: {}", skipped.input, skipped.reason)?;
    }
    more(&mut out, totals.passed_over.len())?;
    for ((stage, reason), count) in &totals.stage_skips {
        writeln!(out, "           {count} documents by {stage}: {reason}")?;
    }
    writeln!(out, "failed     {}", totals.failed.len())?;
    for failure in totals.failed.iter().take(LIST_AT_MOST) {
        writeln!(out, "           {failure}")?;
    }
    more(&mut out, totals.failed.len())
}

fn more(out: &mut impl Write, listed: usize) -> std::io::Result<()> {
    if listed > LIST_AT_MOST {
        writeln!(out, "           ... and {} more", listed - LIST_AT_MOST)?;
    }
    Ok(())
}
