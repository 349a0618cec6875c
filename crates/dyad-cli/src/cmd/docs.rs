use crate::output::{Format, Table};
use crate::Context;
use anyhow::Context as _;
use dyad_model::Document;
use dyad_store::Store;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<DocsCommand>,
    #[command(flatten)]
    list: ListArgs,
}

#[derive(clap::Subcommand)]
enum DocsCommand {
    /// List stored documents (the default).
    List(ListArgs),
    /// Show one document: metadata, text, sentences and every stored layer.
    Show(ShowArgs),
}

#[derive(clap::Args)]
struct ListArgs {
    /// Most documents to list.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Documents to pass over first.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(clap::Args)]
struct ShowArgs {
    /// The document id as `dyad docs` lists it, or any unique prefix of it.
    id: String,
    /// `json` prints the whole document with all layers as one JSON object.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&ctx.db)?;
    match args.command {
        None => list(args.list, &store),
        Some(DocsCommand::List(list_args)) => list(list_args, &store),
        Some(DocsCommand::Show(show_args)) => show(show_args, &store),
    }
}

fn list(args: ListArgs, store: &Store) -> anyhow::Result<ExitCode> {
    let mut table = Table::new(vec![
        "id",
        "published",
        "language",
        "outlet",
        "sentences",
        "events",
        "title",
        "origin",
    ]);
    for doc in store.documents(args.limit, args.offset)? {
        table.push(vec![
            json!(doc.id),
            json!(doc.published.map(|d| d.to_string())),
            json!(doc.language),
            json!(doc.outlet),
            json!(doc.sentences),
            json!(doc.events),
            json!(doc.title),
            json!(doc.origin),
        ]);
    }
    table.print(args.format)?;
    Ok(ExitCode::SUCCESS)
}

/// The one stored id that `prefix` starts, or an error saying there is none or which
/// ones it could mean.
fn unique_id(store: &Store, prefix: &str) -> anyhow::Result<String> {
    let ids = store.document_ids_with_prefix(prefix, 6)?;
    match ids.as_slice() {
        [id] => Ok(id.clone()),
        [] => anyhow::bail!("no document {prefix:?} in {}", store.path().display()),
        several => anyhow::bail!(
            "{prefix:?} names more than one document in {}: {}{}; give more characters",
            store.path().display(),
            several[..several.len().min(5)].join(", "),
            if several.len() > 5 { ", ..." } else { "" }
        ),
    }
}

fn show(args: ShowArgs, store: &Store) -> anyhow::Result<ExitCode> {
    let id = unique_id(store, &args.id)?;
    let doc = store
        .document(&id)?
        .with_context(|| format!("no document {:?} in {}", args.id, store.path().display()))?;
    if args.format == Format::Json {
        println!("{}", serde_json::to_string(&doc)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    let optional = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    writeln!(out, "id         {}", doc.id)?;
    writeln!(out, "origin     {}", doc.origin)?;
    writeln!(out, "title      {}", optional(&doc.title))?;
    writeln!(out, "url        {}", optional(&doc.url))?;
    writeln!(out, "outlet     {}", optional(&doc.outlet))?;
    writeln!(
        out,
        "published  {}",
        optional(&doc.published.map(|d| d.to_string()))
    )?;
    writeln!(out, "language   {}", optional(&doc.language))?;
    for skip in &doc.skipped {
        writeln!(out, "skipped    by {}: {}", skip.stage, skip.reason)?;
    }
    writeln!(
        out,
        "layers     {} sentences, {} tokens, {} actor mentions, {} events",
        doc.sentences.len(),
        doc.tokens.len(),
        doc.mentions.len(),
        doc.events.len()
    )?;
    writeln!(out, "\n{}\n", doc.text)?;
    drop(out);
    section("sentences", sentences(&doc), args.format)?;
    section("actor mentions", mentions(&doc), args.format)?;
    section("events", events(&doc), args.format)?;
    Ok(ExitCode::SUCCESS)
}

fn section(name: &str, table: Table, format: Format) -> anyhow::Result<()> {
    if !table.is_empty() {
        println!("\n{name}:");
        table.print(format)?;
    }
    Ok(())
}

fn sentences(doc: &Document) -> Table {
    let mut table = Table::new(vec!["sentence", "start", "end", "tokens", "text"]);
    for (i, s) in doc.sentences.iter().enumerate() {
        table.push(vec![
            json!(i),
            json!(s.span.start),
            json!(s.span.end),
            json!(s.tokens.len()),
            json!(doc.slice(s.span)),
        ]);
    }
    table
}

fn mentions(doc: &Document) -> Table {
    let mut table = Table::new(vec![
        "sentence",
        "start",
        "end",
        "text",
        "actor",
        "resolution",
    ]);
    for m in &doc.mentions {
        table.push(vec![
            json!(m.sentence),
            json!(m.span.start),
            json!(m.span.end),
            json!(doc.slice(m.span)),
            json!(m.actor.node_key()),
            json!(m.resolution),
        ]);
    }
    table
}

fn events(doc: &Document) -> Table {
    let mut table = Table::new(vec![
        "sentence",
        "source",
        "cameo",
        "target",
        "date",
        "certainty",
        "claimed_by",
        "trigger",
    ]);
    let actor =
        |a: &Option<dyad_model::Actor>| a.as_ref().map_or(Value::Null, |a| json!(a.node_key()));
    for e in &doc.events {
        table.push(vec![
            json!(e.sentence),
            actor(&e.source),
            json!(if e.negated {
                format!("not {}", e.cameo)
            } else {
                e.cameo.clone()
            }),
            actor(&e.target),
            json!(e.date.map(|d| d.to_string())),
            json!(e.certainty.as_str()),
            actor(&e.claimed_by),
            json!(doc.slice(e.trigger)),
        ]);
    }
    table
}
