//! Dyad aggregation throughput on synthetic events (goal: 10 M events <= 30 s).
//!
//! Run: `cargo bench -p dyad-graph --bench aggregate [-- EVENTS]` (default 10,000,000).
//! A pool of 1 M distinct events (200 actors, 10 years) is generated up front and
//! cycled with fresh event ids, so only the aggregation is timed and memory stays
//! bounded; then signed graphs are built per window from the dyads.

use dyad_graph::{aggregate, window_graphs, DyadOptions, Level, SignRule, Window};
use dyad_model::{Actor, Certainty, Date, DateRange, Event, Span};
use std::time::{Duration, Instant};

/// On-CPU time of this thread (Linux), so a busy shared machine does not inflate the
/// figure; zero elsewhere.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

fn main() {
    let total: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let countries = [
        "RUS", "USA", "AFG", "PAK", "IRN", "CHN", "IND", "TUR", "SYR", "IRQ",
    ];
    let sectors = ["GOV", "MIL", "SPY", "INS", "BUS"];
    let mut actors = Vec::new();
    for c in countries {
        for s in sectors {
            for i in 0..4 {
                actors.push(Actor {
                    text: format!("{c}{s} {i}"),
                    name: Some(format!("{c} {s} person {i}")),
                    code: Some(format!("{c}{s}")),
                    country: Some(c.to_string()),
                    group: None,
                    sector: Some(s.to_string()),
                });
            }
        }
    }
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let base = Date::new(2015, 1, 1).expect("valid").to_days();
    let template = |source: &Actor, target: &Actor, quad: u8, day: i64, certainty| Event {
        sentence: 0,
        sentence_span: Span::new(0, 10),
        trigger: Span::new(0, 4),
        source: Some(source.clone()),
        target: Some(target.clone()),
        cameo: "042".into(),
        root: "04".into(),
        plover: None,
        quad_class: quad,
        goldstein: [3.4, 7.0, -2.0, -10.0][usize::from(quad - 1)],
        date: (day % 3 != 0).then(|| DateRange::day(Date::from_days(base + day))),
        date_text: None,
        location: None,
        quantity: None,
        negated: false,
        certainty,
        claimed_by: None,
        denied_by: Vec::new(),
    };
    let certainties = [
        Certainty::Asserted,
        Certainty::Reported,
        Certainty::Uncertain,
    ];
    let generated = Instant::now();
    let pool_size = total.min(1_000_000);
    let events: Vec<(Option<Date>, Event)> = (0..pool_size)
        .map(|_| {
            let r = next();
            let s = &actors[(r % actors.len() as u64) as usize];
            let t = &actors[((r >> 16) % actors.len() as u64) as usize];
            let day = ((r >> 32) % 3650) as i64;
            let quad = 1 + ((r >> 44) % 4) as u8;
            let e = template(s, t, quad, day, certainties[((r >> 50) % 3) as usize]);
            (Some(Date::from_days(base + day)), e)
        })
        .collect();
    println!(
        "generated a pool of {pool_size} events in {:.2?}",
        generated.elapsed()
    );
    for (window, level) in [
        (Window::Month, Level::Group),
        (Window::Day, Level::Actor),
        (Window::Week, Level::Country),
    ] {
        let started = Instant::now();
        let cpu_started = cpu_time();
        let dyads = aggregate(
            (0..total).map(|i| {
                let (published, e) = &events[i % pool_size];
                (i as i64, *published, e)
            }),
            DyadOptions {
                window,
                level,
                ..DyadOptions::default()
            },
        );
        let aggregated = started.elapsed();
        let aggregated_cpu = cpu_time() - cpu_started;
        let graphs = window_graphs(&dyads, &SignRule::default());
        println!(
            "{window:?}/{level:?}: {} events -> {} dyads over {} nodes in {aggregated:.2?} \
             wall, {aggregated_cpu:.2?} CPU ({:.1} M events/s CPU); \
             {} signed graphs in {:.2?} more",
            dyads.counted,
            dyads.len(),
            dyads.nodes.len(),
            total as f64 / aggregated_cpu.as_secs_f64().max(1e-9) / 1e6,
            graphs.len(),
            started.elapsed() - aggregated
        );
    }
}
