//! `dyad extract`, `dyad events` and `dyad eval`: coded events with their claims.

use crate::dictionaries::DictionarySources;
use crate::output::{Format, Table};
use crate::Context;
use anyhow::Context as _;
use dyad_actors::{Dictionaries, Resolver};
use dyad_code::eval::{self, Annotator};
use dyad_code::Coder;
use dyad_model::{Actor, Certainty, Component, Date, Document, Event};
use dyad_parse::Parser;
use dyad_store::{EventFilter, Store, StoredEvent};
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per event per line.
    #[default]
    Jsonl,
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Document date (YYYY-MM-DD) that relative dates resolve against; overrides the
    /// date the reader found.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    #[arg(long, value_enum, default_value_t)]
    format: ExtractFormat,
    #[command(flatten)]
    dictionaries: DictionarySources,
    /// Files or folders to read (`-` for standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

pub fn run_extract(args: ExtractArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    let stages = crate::pipeline::default_stages(args.dictionaries.load()?)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.files {
        for item in dyad_text::read_path(path) {
            let mut doc = match item {
                Ok(doc) => doc,
                Err(err) => {
                    eprintln!("dyad: {err}");
                    failed = true;
                    continue;
                }
            };
            if args.date.is_some() {
                doc.published = args.date;
            }
            for stage in &stages {
                stage.annotate(&mut doc);
            }
            for event in &doc.events {
                match args.format {
                    ExtractFormat::Jsonl => writeln!(out, "{}", event_line(&doc, event))?,
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One event as the JSON object of the output contract, fields in contract order.
pub fn event_line(doc: &Document, e: &Event) -> String {
    let actor = |a: Option<&Actor>| a.map_or_else(|| "null".to_string(), actor_object);
    let location = e.location.as_ref().map_or_else(
        || "null".to_string(),
        |l| {
            object(&[
                ("name", json!(l.name).to_string()),
                ("country", json!(l.country).to_string()),
                ("lat", json!(l.lat).to_string()),
                ("lon", json!(l.lon).to_string()),
            ])
        },
    );
    let quantity = e.quantity.as_ref().map_or_else(
        || "null".to_string(),
        |q| {
            object(&[
                ("text", json!(q.text).to_string()),
                ("value", json!(q.value).to_string()),
                ("unit", json!(q.unit).to_string()),
            ])
        },
    );
    let denied: Vec<String> = e.denied_by.iter().map(actor_object).collect();
    object(&[
        ("doc", json!(doc.id.as_str()).to_string()),
        ("sentence", e.sentence.to_string()),
        (
            "sentence_span",
            format!("[{},{}]", e.sentence_span.start, e.sentence_span.end),
        ),
        ("source", actor(e.source.as_ref())),
        ("target", actor(e.target.as_ref())),
        ("cameo", json!(e.cameo).to_string()),
        ("root", json!(e.root).to_string()),
        ("plover", json!(e.plover).to_string()),
        ("quad_class", e.quad_class.to_string()),
        ("goldstein", json!(goldstein(e)).to_string()),
        ("date", json!(e.date.map(|d| d.to_string())).to_string()),
        ("date_text", json!(e.date_text).to_string()),
        ("location", location),
        ("quantity", quantity),
        ("negated", e.negated.to_string()),
        ("certainty", json!(e.certainty.as_str()).to_string()),
        ("claimed_by", actor(e.claimed_by.as_ref())),
        ("denied_by", format!("[{}]", denied.join(","))),
    ])
}

/// The Goldstein weight with its one decimal (an `f32` widened as is prints 8.300000190734863).
fn goldstein(e: &Event) -> f64 {
    (f64::from(e.goldstein) * 10.0).round() / 10.0
}

/// A JSON object from already-encoded values, keeping the order given (a JSON map
/// would sort the keys).
fn object(fields: &[(&str, String)]) -> String {
    let mut out = String::from("{");
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json!(name).to_string());
        out.push(':');
        out.push_str(value);
    }
    out.push('}');
    out
}

/// An actor as `{text,name,code,country,group,sector}`.
fn actor_object(a: &Actor) -> String {
    object(&[
        ("text", json!(a.text).to_string()),
        ("name", json!(a.name).to_string()),
        ("code", json!(a.code).to_string()),
        ("country", json!(a.country).to_string()),
        ("group", json!(a.group).to_string()),
        ("sector", json!(a.sector).to_string()),
    ])
}

/// An actor as a JSON value (for `dyad events --format json`).
fn actor_json(a: &Actor) -> Value {
    json!({"text": a.text, "name": a.name, "code": a.code, "country": a.country, "group": a.group, "sector": a.sector})
}

#[derive(clap::Args)]
pub struct EventsArgs {
    /// Source or target: code, country, group or name.
    #[arg(long)]
    actor: Option<String>,
    /// CAMEO root ("07") or code ("072", includes its 4-digit children).
    #[arg(long)]
    code: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<Date>,
    /// Last day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<Date>,
    /// Comma-separated certainties: asserted, reported, uncertain, hypothetical, intended.
    #[arg(long, value_delimiter = ',', value_parser = parse_certainty)]
    certainty: Vec<Certainty>,
    /// Who claims it: code, country, group, name or words.
    #[arg(long)]
    claimant: Option<String>,
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

fn parse_certainty(s: &str) -> Result<Certainty, String> {
    Certainty::parse(s).ok_or_else(|| {
        format!(
            "unknown certainty {s:?}: use asserted, reported, uncertain, hypothetical or intended"
        )
    })
}

pub fn run_events(args: EventsArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    if let Some(code) = &args.code {
        if dyad_code::ontology::lookup(code).is_none() {
            anyhow::bail!("--code {code:?} is not a CAMEO root or code");
        }
    }
    let store = Store::open_existing(&ctx.db)?;
    let filter = EventFilter {
        actor: args.actor,
        cameo: args.code,
        from: args.from,
        to: args.to,
        certainty: args.certainty,
        claimant: args.claimant,
        limit: args.limit,
    };
    let events = store.events(&filter)?;
    events_table(&events, args.format).print(args.format)?;
    Ok(ExitCode::SUCCESS)
}

fn events_table(events: &[StoredEvent], format: Format) -> Table {
    let mut table = Table::new(vec![
        "id",
        "doc",
        "date",
        "source",
        "target",
        "cameo",
        "plover",
        "goldstein",
        "certainty",
        "negated",
        "claimed_by",
        "denied_by",
    ]);
    // JSON keeps whole actors; the table and CSV show one label each.
    let actor = |a: Option<&Actor>| match (format, a) {
        (_, None) => Value::Null,
        (Format::Json, Some(a)) => actor_json(a),
        (_, Some(a)) => json!(actor_label(a)),
    };
    for s in events {
        let e = &s.event;
        let date = e
            .date
            .map(|d| d.to_string())
            .or(s.doc_published.map(|d| d.to_string()));
        let denied = match format {
            Format::Json => Value::Array(e.denied_by.iter().map(actor_json).collect()),
            _ => json!(e
                .denied_by
                .iter()
                .map(actor_label)
                .collect::<Vec<_>>()
                .join("; ")),
        };
        table.push(vec![
            json!(s.id),
            json!(s.doc.as_str()),
            json!(date),
            actor(e.source.as_ref()),
            actor(e.target.as_ref()),
            json!(e.cameo),
            json!(e.plover),
            json!(goldstein(e)),
            json!(e.certainty.as_str()),
            json!(e.negated),
            actor(e.claimed_by.as_ref()),
            denied,
        ]);
    }
    table
}

fn actor_label(a: &Actor) -> String {
    match &a.code {
        Some(code) if a.text != *code => format!("{} ({code})", a.text),
        _ => a.text.clone(),
    }
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The shared fixtures folder (default: $DYAD_SHARED, else ../shared).
    #[arg(long, value_name = "DIR")]
    shared: Option<PathBuf>,
    /// Also print one line per record scored wrong (expected, coded, text).
    #[arg(long)]
    details: bool,
}

/// Documents for the evaluations: our parser (or the gold parse) and the Phoenix
/// dictionaries, so actor codes compare with the gold codes.
struct EvalAnnotator {
    parser: Option<&'static Parser>,
    resolver: Resolver,
}

impl Annotator for EvalAnnotator {
    fn parses_text(&self) -> bool {
        self.parser.is_some()
    }

    fn annotate_text(&self, id: &str, text: &str, date: Option<Date>) -> Document {
        let mut doc = Document::new(id, text, None);
        doc.published = date;
        match self.parser {
            Some(parser) => parser.annotate(&mut doc),
            None => dyad_parse::Segmenter::new().annotate(&mut doc),
        }
        self.resolver.annotate(&mut doc);
        doc
    }

    fn annotate_conllu(
        &self,
        id: &str,
        conllu: &str,
        date: Option<Date>,
    ) -> Result<Document, String> {
        let sentences =
            dyad_parse::conllu::parse_conllu(conllu).map_err(|e| format!("{id}: {e}"))?;
        let mut doc = dyad_parse::conllu::document_from_conllu(&sentences);
        doc.origin = id.to_string();
        doc.published = date;
        self.resolver.annotate(&mut doc);
        Ok(doc)
    }
}

pub fn run_eval(args: EvalArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    let shared = args
        .shared
        .or_else(|| std::env::var_os("DYAD_SHARED").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared"));
    if !shared.is_dir() {
        anyhow::bail!(
            "{} is not a folder: pass --shared DIR or set DYAD_SHARED",
            shared.display()
        );
    }
    let mut dicts = Dictionaries::new();
    dicts
        .load_phoenix_dir(&shared.join("anchors/petrarch2"))
        .with_context(|| {
            format!(
                "loading the Phoenix dictionaries under {}",
                shared.display()
            )
        })?;
    let parser = match Parser::shared() {
        Ok(parser) => Some(parser),
        Err(err) => {
            eprintln!("dyad: {err}; evaluating on the gold parses only");
            None
        }
    };
    let annotator = EvalAnnotator {
        parser,
        resolver: Resolver::new(Arc::new(dicts)),
    };
    let report = eval::run_all(&shared, &annotator, &Coder::default())?;
    if report.figures.is_empty() {
        anyhow::bail!("no gold data found under {}", shared.display());
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (name, value) in &report.figures {
        if value.fract() == 0.0 && *value >= 1.0 {
            writeln!(out, "{name} {value}")?;
        } else {
            writeln!(out, "{name} {value:.3}")?;
        }
    }
    for note in &report.notes {
        writeln!(out, "# {note}")?;
    }
    if args.details {
        for line in &report.details {
            writeln!(out, "{line}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{DateRange, Span};

    #[test]
    fn event_line_follows_the_contract() {
        let doc = Document::new("t", "Russia arms the Taliban.", None);
        let russia = Actor {
            text: "Russia".into(),
            name: Some("Russia".into()),
            code: Some("RUS".into()),
            country: Some("RUS".into()),
            group: None,
            sector: None,
        };
        let event = Event {
            sentence: 0,
            sentence_span: Span::new(0, 24),
            trigger: Span::new(7, 11),
            source: Some(russia.clone()),
            target: None,
            cameo: "072".into(),
            root: "07".into(),
            plover: Some("AID".into()),
            quad_class: 2,
            goldstein: 8.3,
            date: Some(DateRange::day(Date::new(2024, 5, 1).unwrap())),
            date_text: None,
            location: None,
            quantity: None,
            negated: false,
            certainty: Certainty::Reported,
            claimed_by: None,
            denied_by: vec![russia],
        };
        let line = event_line(&doc, &event);
        let expected = format!(
            concat!(
                r#"{{"doc":"{}","sentence":0,"sentence_span":[0,24],"#,
                r#""source":{{"text":"Russia","name":"Russia","code":"RUS","country":"RUS","group":null,"sector":null}},"#,
                r#""target":null,"cameo":"072","root":"07","plover":"AID","quad_class":2,"goldstein":8.3,"#,
                r#""date":"2024-05-01","date_text":null,"location":null,"quantity":null,"negated":false,"#,
                r#""certainty":"reported","claimed_by":null,"#,
                r#""denied_by":[{{"text":"Russia","name":"Russia","code":"RUS","country":"RUS","group":null,"sector":null}}]}}"#
            ),
            doc.id
        );
        assert_eq!(line, expected);
    }
}
