//! `dyad`: the command-line edge of the pipeline.
//!
//! Parses arguments, wires the stage crates together and prints results. Every
//! command lives in its own module under `cmd/`; shared output formatting is in
//! `output`. Errors become `anyhow` here and nowhere else.
//!
//! Exit codes: 0 ok; 1 some inputs failed (the rest were kept); 2 usage error.

mod cmd;
mod output;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Rebuild who did what to whom, according to whom, from news reports"
)]
struct Cli {
    /// The store to use (SQLite file; created if missing).
    #[arg(long, global = true, default_value = "dyad.db")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

/// What every command may need from the global options.
pub struct Context {
    pub db: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Read files, directories or `-` (stdin) and store their documents with all layers.
    Ingest(cmd::ingest::Args),
    /// List stored documents, or show one.
    Docs(cmd::docs::Args),
    /// Full-text search over stored sentences.
    Search(cmd::search::Args),
    /// Counts of what the store holds.
    Stats(cmd::stats::Args),
    /// Ingest the bundled examples into the store and show what dyad found.
    Demo(cmd::demo::Args),
    /// Measure throughput and memory of the pipeline stages.
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Context { db: cli.db };
    let result = match cli.command {
        Command::Ingest(args) => cmd::ingest::run(args, &ctx),
        Command::Docs(args) => cmd::docs::run(args, &ctx),
        Command::Search(args) => cmd::search::run(args, &ctx),
        Command::Stats(args) => cmd::stats::run(args, &ctx),
        Command::Demo(args) => cmd::demo::run(args, &ctx),
        Command::Bench(args) => cmd::bench::run(args, &ctx),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(1)
        }
    }
}
