use crate::output::{Format, Table};
use crate::Context;
use dyad_store::{SearchHit, Store};
use serde_json::json;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Words to find (SQLite FTS5 syntax: `rifles AND Kabul`, `"arms deliveries"`, `supp*`).
    #[arg(required = true, value_name = "QUERY")]
    query: Vec<String>,
    /// Most sentences to show.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&ctx.db)?;
    let hits = store.search(&args.query.join(" "), args.limit)?;
    hits_table(&hits).print(args.format)?;
    Ok(ExitCode::SUCCESS)
}

/// Search hits with their document, sentence and byte offsets.
pub fn hits_table(hits: &[SearchHit]) -> Table {
    let mut table = Table::new(vec!["doc", "sentence", "start", "end", "title", "snippet"]);
    for hit in hits {
        table.push(vec![
            json!(hit.doc),
            json!(hit.sentence),
            json!(hit.span.start),
            json!(hit.span.end),
            json!(hit.title),
            json!(hit.snippet),
        ]);
    }
    table
}
