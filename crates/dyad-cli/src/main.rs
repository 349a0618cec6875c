//! `dyad`: the command-line edge of the pipeline.
//!
//! Parses arguments, wires the stage crates together and prints results. Every
//! command lives in its own module under `cmd/`; shared output formatting is in
//! `output`. Errors become `anyhow` here and nowhere else.
//!
//! Exit codes: 0 ok; 1 some inputs failed (the rest were kept); 2 usage error.

mod cmd;
mod dictionaries;
mod output;
mod pipeline;

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
    /// Tokenize, tag and parse a text file.
    Parse(cmd::parse::ParseArgs),
    /// Evaluate the tagger and parser against a gold CoNLL-U file.
    EvalParse(cmd::parse::EvalParseArgs),
    /// Train the tagger and parser from UD English EWT (reproduces the shipped model).
    TrainParser(cmd::parse::TrainParserArgs),
    /// Look up actors and manage actor dictionaries.
    Actors(cmd::actors::Args),
    /// Code the events (with their claims) in files and print them as JSON lines.
    Extract(cmd::code::ExtractArgs),
    /// Query stored events.
    Events(cmd::code::EventsArgs),
    /// Measure the coder against the field's gold data in ../shared.
    Eval(cmd::code::EvalArgs),
    /// Directed dyads per time window from stored events.
    Dyads(cmd::graph::DyadsArgs),
    /// The signed graph per window, as JSON, GEXF, GraphML or CSV.
    Graph(cmd::graph::GraphArgs),
    /// Actors cooperating with both sides of a conflict, with the evidence.
    DoubleGames(cmd::graph::DoubleGamesArgs),
    /// Structural balance and exact frustration index of the stored graph or an edge list.
    Balance(cmd::graph::BalanceArgs),
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
        Command::Parse(args) => cmd::parse::run_parse(args, &ctx),
        Command::EvalParse(args) => cmd::parse::run_eval_parse(args, &ctx),
        Command::TrainParser(args) => cmd::parse::run_train_parser(args, &ctx),
        Command::Actors(args) => cmd::actors::run(args, &ctx),
        Command::Extract(args) => cmd::code::run_extract(args, &ctx),
        Command::Events(args) => cmd::code::run_events(args, &ctx),
        Command::Eval(args) => cmd::code::run_eval(args, &ctx),
        Command::Dyads(args) => cmd::graph::run_dyads(args, &ctx),
        Command::Graph(args) => cmd::graph::run_graph(args, &ctx),
        Command::DoubleGames(args) => cmd::graph::run_double_games(args, &ctx),
        Command::Balance(args) => cmd::graph::run_balance(args, &ctx),
    };
    match result {
        Ok(code) => code,
        // `dyad ... | head` closes our stdout early; that is the reader's choice, not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
