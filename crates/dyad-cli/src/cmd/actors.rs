//! `dyad actors`: look up who a phrase names, validate and list actor dictionaries.

use crate::dictionaries::{load_path, DictionarySources};
use crate::output::{Format, Table};
use crate::Context;
use anyhow::Context as _;
use dyad_actors::{Diagnostic, Dictionaries, Entry, Kind, Resolver};
use dyad_model::Date;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Resolve a phrase or sentence to actors and explain how.
    Lookup(LookupArgs),
    /// Validate dictionary files (dyad's own when none are given); exit 1 on errors.
    Check(CheckArgs),
    /// List dictionary records.
    List(ListArgs),
}

#[derive(clap::Args)]
struct LookupArgs {
    /// The phrase or sentence, e.g. "Russian President Vladimir Putin".
    text: String,
    /// Resolve roles as of this day (YYYY-MM-DD); default: each person's latest role.
    #[arg(long)]
    date: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    sources: DictionarySources,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders: `.dyad` in dyad's format, `.actors`/`.agents` as TABARI, other
    /// files as PETRARCH/Phoenix.
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum KindArg {
    Country,
    Org,
    Group,
    Person,
    Agent,
}

impl KindArg {
    fn kind(self) -> Kind {
        match self {
            KindArg::Country => Kind::Country,
            KindArg::Org => Kind::Org,
            KindArg::Group => Kind::Group,
            KindArg::Person => Kind::Person,
            KindArg::Agent => Kind::Agent,
        }
    }
}

#[derive(clap::Args)]
struct ListArgs {
    /// Only records of this kind.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    sources: DictionarySources,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Lookup(a) => lookup(a),
        Command::Check(a) => check(a),
        Command::List(a) => list(a),
    }
}

fn lookup(args: LookupArgs) -> anyhow::Result<ExitCode> {
    let date = match &args.date {
        Some(d) => Some(Date::parse(d).with_context(|| format!("--date {d}"))?),
        None => None,
    };
    let resolver = Resolver::new(args.sources.load()?);
    let found = resolver.lookup(&args.text, date);
    let mut table = Table::new(vec![
        "text",
        "name",
        "code",
        "country",
        "group",
        "sector",
        "explanation",
    ]);
    for r in &found {
        let a = &r.actor;
        table.push(vec![
            json!(a.text),
            json!(a.name),
            json!(a.code),
            json!(a.country),
            json!(a.group),
            json!(a.sector),
            json!(r.explanation),
        ]);
    }
    if table.is_empty() && args.format == Format::Table {
        eprintln!("no actor found in {:?}", args.text);
        return Ok(ExitCode::SUCCESS);
    }
    print(&table, args.format)
}

/// Prints a table; a closed pipe (`| head`) is not an error.
fn print(table: &Table, format: Format) -> anyhow::Result<ExitCode> {
    match table.print(format) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let dicts = if args.files.is_empty() {
        diags.extend(Dictionaries::default_diagnostics().iter().cloned());
        (*Dictionaries::defaults()).clone()
    } else {
        // User files are checked on top of the defaults they may refer to.
        let mut dicts = Dictionaries::with_defaults();
        for path in &args.files {
            diags.extend(load_path(&mut dicts, path, true)?);
        }
        dicts
    };
    let checked: Vec<String> = if args.files.is_empty() {
        dyad_actors::DEFAULT_FILES
            .iter()
            .map(|(n, _)| n.to_string())
            .collect()
    } else {
        args.files.iter().map(|p| p.display().to_string()).collect()
    };
    diags.extend(
        dicts
            .check_references()
            .into_iter()
            .filter(|d| checked.iter().any(|c| d.file.starts_with(c.as_str()))),
    );
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    for d in &diags {
        println!("{d}");
    }
    let records = dicts
        .entries()
        .iter()
        .filter(|e| {
            checked
                .iter()
                .any(|c| e.origin.file.starts_with(c.as_str()))
        })
        .count();
    println!(
        "{} file(s), {records} record(s): {errors} error(s), {warnings} warning(s)",
        checked.len()
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn list(args: ListArgs) -> anyhow::Result<ExitCode> {
    let dicts = args.sources.load()?;
    let mut table = Table::new(vec![
        "kind", "id", "name", "code", "country", "sector", "aliases", "origin",
    ]);
    let want = args.kind.map(KindArg::kind);
    for e in dicts
        .entries()
        .iter()
        .filter(|e| want.is_none_or(|k| e.kind == k))
    {
        table.push(row(e));
    }
    print(&table, args.format)
}

fn row(e: &Entry) -> Vec<Value> {
    let code = e
        .code
        .clone()
        .or_else(|| e.codes.first().map(|c| c.code.clone()));
    let country = e.iso3.clone().or_else(|| e.country.clone());
    let mut aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
    aliases.extend(e.adjectives.iter().map(String::as_str));
    aliases.extend(e.seats.iter().map(String::as_str));
    vec![
        json!(e.kind.as_str()),
        json!(e.id),
        json!(e.name),
        json!(code),
        json!(country),
        json!(e.sector),
        json!(aliases.join(" | ")),
        json!(e.origin.to_string()),
    ]
}
