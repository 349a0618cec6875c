//! `dyad dyads`, `dyad graph`, `dyad double-games` and `dyad balance`: the signed
//! network over stored events (streamed from the store), and balance of any edge list.

use crate::output::{Format, Table};
use crate::Context;
use anyhow::Context as _;
use clap::ValueEnum;
use dyad_graph::{
    balance_report, changes, double_games, tensions, window_graphs, write_gexf, write_graphml,
    BalanceReport, ClaimFilter, DyadOptions, Dyads, FrustrationOptions, Level, SignRule,
    SignedGraph, WeightBy, Window, WindowGraph,
};
use dyad_model::{Certainty, Date};
use dyad_store::{EventFilter, Store};
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum WindowArg {
    Day,
    Week,
    #[default]
    Month,
    Year,
    /// One window over the whole period.
    All,
}

impl From<WindowArg> for Window {
    fn from(w: WindowArg) -> Window {
        match w {
            WindowArg::Day => Window::Day,
            WindowArg::Week => Window::Week,
            WindowArg::Month => Window::Month,
            WindowArg::Year => Window::Year,
            WindowArg::All => Window::All,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum LevelArg {
    /// Most specific: code and name.
    Actor,
    /// Organisation or group, else country (sectors roll up).
    #[default]
    Group,
    Country,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Actor => Level::Actor,
            LevelArg::Group => Level::Group,
            LevelArg::Country => Level::Country,
        }
    }
}

/// Which events become dyads, and how they are grouped.
#[derive(clap::Args)]
struct NetworkArgs {
    /// Time window of each dyad and graph.
    #[arg(long, value_enum, default_value_t)]
    window: WindowArg,
    /// Node aggregation level.
    #[arg(long, value_enum, default_value_t)]
    level: LevelArg,
    /// Also count uncertain (hedged) claims; asserted and reported always count, and
    /// denied, negated, hypothetical and intended events never do.
    #[arg(long)]
    include_uncertain: bool,
    /// First day (YYYY-MM-DD) of the event date range, inclusive.
    #[arg(long)]
    from: Option<Date>,
    /// Last day (YYYY-MM-DD) of the event date range, inclusive.
    #[arg(long)]
    to: Option<Date>,
}

impl NetworkArgs {
    /// Streams the stored events into dyads.
    fn dyads(&self, ctx: &Context) -> anyhow::Result<Dyads> {
        let store = Store::open_existing(&ctx.db)?;
        let options = DyadOptions {
            window: self.window.into(),
            level: self.level.into(),
            claims: ClaimFilter {
                include_uncertain: self.include_uncertain,
            },
            from: self.from,
            to: self.to,
        };
        let mut certainty = vec![Certainty::Asserted, Certainty::Reported];
        if self.include_uncertain {
            certainty.push(Certainty::Uncertain);
        }
        let filter = EventFilter {
            from: self.from,
            to: self.to,
            certainty,
            ..EventFilter::default()
        };
        let mut dyads = Dyads::new(options);
        store.for_each_event(&filter, |stored| {
            dyads.add(stored.id, stored.doc_published, &stored.event)
        })?;
        report_skipped(&dyads);
        Ok(dyads)
    }
}

fn report_skipped(dyads: &Dyads) {
    let s = dyads.skipped;
    eprintln!(
        "{} events counted; left out: {} by claim status, {} without an identified source or target, \
         {} within one node, {} undated, {} out of range, {} without quad class",
        dyads.counted, s.claim, s.no_dyad, s.self_dyad, s.undated, s.out_of_range, s.no_quad
    );
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum WeightArg {
    /// Number of events.
    #[default]
    Events,
    /// Absolute Goldstein sum.
    Goldstein,
}

/// The signing rule: a tie is positive when the cooperation share of its events
/// (quad classes 1-2, both directions combined) is at least `--positive-share`,
/// negative when the conflict share is at least `--negative-share`, else dropped.
#[derive(clap::Args)]
struct SignArgs {
    #[arg(long, default_value_t = 0.6)]
    positive_share: f64,
    #[arg(long, default_value_t = 0.6)]
    negative_share: f64,
    /// Ties with fewer events are dropped.
    #[arg(long, default_value_t = 1)]
    min_events: u32,
    #[arg(long, value_enum, default_value_t)]
    weight: WeightArg,
}

impl SignArgs {
    fn rule(&self) -> anyhow::Result<SignRule> {
        for (name, v) in [
            ("--positive-share", self.positive_share),
            ("--negative-share", self.negative_share),
        ] {
            anyhow::ensure!(
                v > 0.5 && v <= 1.0,
                "{name} must be in (0.5, 1] so a tie cannot be both, got {v}"
            );
        }
        Ok(SignRule {
            positive_share: self.positive_share,
            negative_share: self.negative_share,
            min_events: self.min_events,
            weight: match self.weight {
                WeightArg::Events => WeightBy::Events,
                WeightArg::Goldstein => WeightBy::Goldstein,
            },
        })
    }
}

#[derive(clap::Args)]
pub struct DyadsArgs {
    #[command(flatten)]
    network: NetworkArgs,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run_dyads(args: DyadsArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let dyads = args.network.dyads(ctx)?;
    let window = dyads.options.window;
    let mut table = Table::new(vec![
        "window",
        "source",
        "target",
        "events",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "goldstein_sum",
        "goldstein_mean",
        "asserted",
        "reported",
        "uncertain",
        "event_ids",
    ]);
    for (key, stats) in dyads.sorted() {
        let q = stats.quad_counts();
        table.push(vec![
            json!(window.label(key.window_date())),
            json!(dyads.nodes.name(key.source)),
            json!(dyads.nodes.name(key.target)),
            json!(stats.events()),
            json!(q[0]),
            json!(q[1]),
            json!(q[2]),
            json!(q[3]),
            json!(round3(stats.goldstein_sum())),
            json!(stats.goldstein_mean().map(round3)),
            json!(stats.events_with(Certainty::Asserted)),
            json!(stats.events_with(Certainty::Reported)),
            json!(stats.events_with(Certainty::Uncertain)),
            json!(stats.event_ids),
        ]);
    }
    table.print(args.format)?;
    Ok(ExitCode::SUCCESS)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum GraphFormat {
    #[default]
    Json,
    /// GEXF 1.3 with time spells, for Gephi's timeline.
    Gexf,
    Graphml,
    /// One row per tie and window.
    Csv,
}

#[derive(clap::Args)]
pub struct GraphArgs {
    #[command(flatten)]
    network: NetworkArgs,
    #[command(flatten)]
    sign: SignArgs,
    #[arg(long, value_enum, default_value_t)]
    format: GraphFormat,
}

pub fn run_graph(args: GraphArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let rule = args.sign.rule()?;
    let dyads = args.network.dyads(ctx)?;
    let windows = window_graphs(&dyads, &rule);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        GraphFormat::Gexf => write_gexf(&windows, &dyads.nodes, &mut out)?,
        GraphFormat::Graphml => write_graphml(&windows, &dyads.nodes, &mut out)?,
        GraphFormat::Json => {
            let doc = json!({
                "window": dyads.options.window,
                "level": dyads.options.level,
                "rule": rule,
                "windows": windows.iter().map(|w| window_json(w, &dyads)).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        GraphFormat::Csv => {
            let mut table = Table::new(vec![
                "window",
                "start",
                "end",
                "source",
                "target",
                "sign",
                "weight",
                "events",
                "cooperation",
                "conflict",
                "goldstein_sum",
                "event_ids",
            ]);
            for w in &windows {
                for t in &w.ties {
                    table.push(vec![
                        json!(w.label()),
                        json!(w.start.to_string()),
                        json!(w.end().to_string()),
                        json!(dyads.nodes.name(t.a)),
                        json!(dyads.nodes.name(t.b)),
                        json!(t.sign.as_i8()),
                        json!(t.weight),
                        json!(t.stats.events()),
                        json!(t.stats.cooperation()),
                        json!(t.stats.conflict()),
                        json!(round3(t.stats.goldstein_sum())),
                        json!(t
                            .stats
                            .event_ids
                            .iter()
                            .map(i64::to_string)
                            .collect::<Vec<_>>()
                            .join(" ")),
                    ]);
                }
            }
            table.write(Format::Csv, &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn window_json(w: &WindowGraph, dyads: &Dyads) -> Value {
    let mut nodes: Vec<&str> = w
        .ties
        .iter()
        .flat_map(|t| [dyads.nodes.name(t.a), dyads.nodes.name(t.b)])
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    json!({
        "window": w.label(),
        "start": w.start.to_string(),
        "end": w.end().to_string(),
        "nodes": nodes,
        "ambiguous_pairs": w.ambiguous,
        "edges": w.ties.iter().map(|t| json!({
            "source": dyads.nodes.name(t.a),
            "target": dyads.nodes.name(t.b),
            "sign": t.sign.as_i8(),
            "weight": t.weight,
            "events": t.stats.events(),
            "cooperation": t.stats.cooperation(),
            "conflict": t.stats.conflict(),
            "goldstein_sum": round3(t.stats.goldstein_sum()),
            "event_ids": t.stats.event_ids,
        })).collect::<Vec<_>>(),
    })
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum Report {
    /// A cooperating with both B and C while B and C fight.
    #[default]
    DoubleGames,
    /// Open and closed triads under balance pressure (enemy of my enemy).
    Tensions,
    /// Ties that appeared, flipped sign or ended between consecutive windows.
    Changes,
}

#[derive(clap::Args)]
pub struct DoubleGamesArgs {
    #[command(flatten)]
    network: NetworkArgs,
    #[command(flatten)]
    sign: SignArgs,
    /// What to list.
    #[arg(long, value_enum, default_value_t)]
    report: Report,
    /// At most this many rows per window (0 = all).
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run_double_games(args: DoubleGamesArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let rule = args.sign.rule()?;
    let dyads = args.network.dyads(ctx)?;
    let windows = window_graphs(&dyads, &rule);
    let take = |n: usize| {
        if args.limit == 0 {
            n
        } else {
            n.min(args.limit)
        }
    };
    let table = match args.report {
        Report::DoubleGames => {
            let mut table = Table::new(vec![
                "window",
                "actor",
                "partner_a",
                "partner_b",
                "score",
                "evidence",
            ]);
            for w in &windows {
                let games = double_games(w, &dyads.nodes);
                for g in &games[..take(games.len())] {
                    table.push(vec![
                        json!(g.window),
                        json!(g.actor),
                        json!(g.partners[0]),
                        json!(g.partners[1]),
                        json!(g.score),
                        json!(g.evidence),
                    ]);
                }
            }
            table
        }
        Report::Tensions => {
            let mut table = Table::new(vec![
                "window", "kind", "pair_a", "pair_b", "pressure", "via", "support", "evidence",
            ]);
            for w in &windows {
                let found = tensions(w, &dyads.nodes);
                for t in &found[..take(found.len())] {
                    table.push(vec![
                        json!(t.window),
                        json!(t.kind),
                        json!(t.pair[0]),
                        json!(t.pair[1]),
                        json!(t.pressure),
                        json!(t.via),
                        json!(t.support),
                        json!(t.evidence),
                    ]);
                }
            }
            table
        }
        Report::Changes => {
            let mut table =
                Table::new(vec!["from", "to", "pair_a", "pair_b", "change", "evidence"]);
            for c in changes(&windows, &dyads.nodes) {
                table.push(vec![
                    json!(c.from_window),
                    json!(c.to_window),
                    json!(c.pair[0]),
                    json!(c.pair[1]),
                    json!(c.kind),
                    json!(c.evidence),
                ]);
            }
            table
        }
    };
    table.print(args.format)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct BalanceArgs {
    /// A signed edge list (CSV `source,target,sign` with a header) instead of the store.
    #[arg(long)]
    edges: Option<PathBuf>,
    #[command(flatten)]
    network: NetworkArgs,
    #[command(flatten)]
    sign: SignArgs,
    /// Skip the proof of optimality: local search plus a lower bound, with the gap.
    #[arg(long)]
    heuristic: bool,
    /// Stop proving after this many seconds per graph and report the gap.
    #[arg(long, default_value_t = 60.0)]
    time_limit: f64,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run_balance(args: BalanceArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.time_limit.is_finite() && args.time_limit > 0.0,
        "--time-limit must be a positive number of seconds"
    );
    let options = FrustrationOptions {
        exact: !args.heuristic,
        time_limit: Some(Duration::from_secs_f64(args.time_limit)),
        ..FrustrationOptions::default()
    };
    let reports: Vec<(Option<String>, BalanceReport)> = match &args.edges {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the edge list {}", path.display()))?;
            let graph = SignedGraph::from_csv(&text, &path.display().to_string())?;
            vec![(None, balance_report(&graph, &options))]
        }
        None => {
            let rule = args.sign.rule()?;
            let dyads = args.network.dyads(ctx)?;
            window_graphs(&dyads, &rule)
                .iter()
                .map(|w| {
                    let graph = w.signed_graph(&dyads.nodes);
                    (Some(w.label()), balance_report(&graph, &options))
                })
                .collect()
        }
    };
    match args.format {
        Format::Json => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for (window, report) in &reports {
                let mut value = serde_json::to_value(report)?;
                if let Some(w) = window {
                    value["window"] = json!(w);
                }
                serde_json::to_writer(&mut out, &value)?;
                writeln!(out)?;
            }
            out.flush()?;
        }
        format => {
            let mut table = Table::new(vec![
                "window",
                "nodes",
                "edges",
                "negative",
                "frustration_index",
                "lower_bound",
                "exact",
                "triangle_balance_ratio",
                "walk_balance",
                "unbalanced_triads",
                "seconds",
            ]);
            for (window, r) in &reports {
                table.push(vec![
                    json!(window.as_deref().unwrap_or("-")),
                    json!(r.nodes),
                    json!(r.edges),
                    json!(r.negative_edges),
                    json!(r.frustration_index),
                    json!(r.lower_bound),
                    json!(r.exact),
                    json!(r.triangle_balance_ratio.map(|x| (x * 1e6).round() / 1e6)),
                    json!(r.walk_balance.map(|x| (x * 1e6).round() / 1e6)),
                    json!(r.triads.unbalanced()),
                    json!((r.seconds * 1e3).round() / 1e3),
                ]);
            }
            table.print(format)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
