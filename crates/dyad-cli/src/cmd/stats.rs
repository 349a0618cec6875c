use crate::output::{Format, Table};
use crate::Context;
use dyad_store::{Stats, Store};
use serde_json::{json, Value};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&ctx.db)?;
    stats_table(&store.stats()?).print(args.format)?;
    Ok(ExitCode::SUCCESS)
}

/// Every figure as a (group, name, value) row, so all three formats stay flat.
pub fn stats_table(stats: &Stats) -> Table {
    let mut table = Table::new(vec!["group", "name", "value"]);
    let date = |d: Option<dyad_model::Date>| d.map_or(Value::Null, |d| json!(d.to_string()));
    for (name, value) in [
        ("documents", json!(stats.documents)),
        ("text_bytes", json!(stats.text_bytes)),
        ("sentences", json!(stats.sentences)),
        ("tokens", json!(stats.tokens)),
        ("actor_mentions", json!(stats.mentions)),
        ("events", json!(stats.events)),
        ("first_published", date(stats.first_published)),
        ("last_published", date(stats.last_published)),
        ("schema_version", json!(stats.schema_version)),
    ] {
        table.push(vec![json!("store"), json!(name), value]);
    }
    let unknown = |v: &Option<String>| v.clone().unwrap_or_else(|| "unknown".to_string());
    for (language, n) in &stats.languages {
        table.push(vec![json!("language"), json!(unknown(language)), json!(n)]);
    }
    for (outlet, n) in &stats.outlets {
        table.push(vec![json!("outlet"), json!(unknown(outlet)), json!(n)]);
    }
    for (stage, reason, n) in &stats.skipped {
        table.push(vec![
            json!(format!("skipped by {stage}")),
            json!(reason),
            json!(n),
        ]);
    }
    table
}
