use crate::cmd::ingest::ingest_with_progress;
use crate::cmd::search::hits_table;
use crate::cmd::{code, graph};
use crate::output::{Format, Table};
use crate::Context;
use dyad_store::Store;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The examples folder (default: `./examples`, else the one in dyad's source tree).
    #[arg(long)]
    examples: Option<PathBuf>,
}

/// The search the demo runs to show full-text search at work.
const SAMPLE_QUERY: &str = "weapons OR rifles OR arms";

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<ExitCode> {
    let examples = match args.examples {
        Some(dir) => dir,
        None => find_examples()?,
    };
    println!(
        "Ingesting {} into {}\n",
        examples.display(),
        ctx.db.display()
    );
    let mut store = Store::open(&ctx.db)?;
    let stages = crate::pipeline::default_stages(dyad_actors::Dictionaries::defaults())?;
    let totals = ingest_with_progress(std::slice::from_ref(&examples), stages, &mut store)?;

    let stats = store.stats()?;
    println!(
        "\nThe store holds {} documents: {} sentences, {} tokens, {} events.",
        stats.documents, stats.sentences, stats.tokens, stats.events
    );
    let unknown = |v: &Option<String>| v.clone().unwrap_or_else(|| "unknown".to_string());
    println!("\nDocuments per language:");
    let mut languages = Table::new(vec!["language", "documents"]);
    for (language, n) in &stats.languages {
        languages.push(vec![json!(unknown(language)), json!(n)]);
    }
    languages.print(Format::Table)?;
    println!("\nDocuments per outlet:");
    let mut outlets = Table::new(vec!["outlet", "documents"]);
    for (outlet, n) in &stats.outlets {
        outlets.push(vec![json!(unknown(outlet)), json!(n)]);
    }
    outlets.print(Format::Table)?;

    println!("\nDocuments:");
    let mut docs = Table::new(vec!["published", "language", "sentences", "title"]);
    for doc in store.documents(100, 0)? {
        docs.push(vec![
            json!(doc.published.map(|d| d.to_string())),
            json!(doc.language),
            json!(doc.sentences),
            json!(doc.title),
        ]);
    }
    docs.print(Format::Table)?;

    println!("\nSearch: dyad search '{SAMPLE_QUERY}' --limit 5");
    hits_table(&store.search(SAMPLE_QUERY, 5)?).print(Format::Table)?;
    drop(store);

    println!("\nWho gives aid to whom, and who says so (CAMEO root 07):");
    show::<code::EventsArgs>(
        "events",
        &["--code", "07", "--limit", "12"],
        ctx,
        code::run_events,
    )?;
    println!("\nDouble games: actors cooperating with both sides of a conflict:");
    show::<graph::DoubleGamesArgs>(
        "double-games",
        &["--window", "all", "--level", "group", "--limit", "8"],
        ctx,
        graph::run_double_games,
    )?;
    println!("\nStructural balance of the whole network (countries and groups):");
    show::<graph::BalanceArgs>(
        "balance",
        &["--window", "all", "--level", "group"],
        ctx,
        graph::run_balance,
    )?;
    println!(
        "\nNext: dyad docs, dyad docs show ID, dyad search WORDS, dyad events, dyad dyads, \
         dyad graph --format gexf, dyad double-games --report tensions, dyad stats \
         (all with --db {})",
        ctx.db.display()
    );
    Ok(if totals.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs another command exactly as `dyad NAME ARGS...` would, printing its command line.
fn show<A: clap::Args>(
    name: &str,
    args: &[&str],
    ctx: &Context,
    run: fn(A, &Context) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<()> {
    #[derive(clap::Parser)]
    struct Command<A: clap::Args> {
        #[command(flatten)]
        args: A,
    }
    println!("$ dyad {name} {}", args.join(" "));
    let parsed = <Command<A> as clap::Parser>::try_parse_from(
        std::iter::once(name).chain(args.iter().copied()),
    )?;
    run(parsed.args, ctx)?;
    Ok(())
}

/// `./examples` when run from the repository, else the folder beside the source this
/// binary was built from.
fn find_examples() -> anyhow::Result<PathBuf> {
    let candidates = [
        PathBuf::from("examples"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples"),
    ];
    for dir in &candidates {
        if dir.is_dir() {
            return Ok(dir.clone());
        }
    }
    anyhow::bail!(
        "no examples folder found; looked in {} and {}; pass --examples DIR",
        std::env::current_dir()
            .map(|d| d.join("examples"))
            .unwrap_or_else(|_| candidates[0].clone())
            .display(),
        candidates[1].display()
    )
}
