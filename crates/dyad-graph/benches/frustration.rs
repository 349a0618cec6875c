//! Frustration-index benchmarks (release, one core):
//! 1. all 51 Correlates-of-War windows from ../shared solved exactly (goal <= 1 s total);
//! 2. the four hard random instances from ../shared;
//! 3. random signed graphs (average degree 10) with a planted two-faction split whose
//!    signs are flipped with probability 3% or 15%, growing to 15,000 edges: exact
//!    solve (60 s limit) and the heuristic's gap to its lower bound.
//!
//! Run: `cargo bench -p dyad-graph --bench frustration` (add `-- quick` to skip part 3's
//! largest sizes).

use dyad_graph::{frustration, FrustrationOptions, Sign, SignedGraph};
use std::time::{Duration, Instant};

fn load(path: &std::path::Path) -> SignedGraph {
    let text = std::fs::read_to_string(path).expect("readable edge list");
    SignedGraph::from_csv(&text, &path.display().to_string()).expect("valid edge list")
}

/// Random graph on `n` nodes with `m` edges, signs from a planted two-faction split,
/// each sign then flipped with probability `noise`.
fn planted(n: usize, m: usize, noise: f64, seed: u64) -> SignedGraph {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut g = SignedGraph::new();
    let names: Vec<u32> = (0..n).map(|i| g.node(&format!("n{i}"))).collect();
    let faction: Vec<bool> = (0..n).map(|_| next() % 2 == 0).collect();
    while g.edge_count() < m {
        let (a, b) = ((next() % n as u64) as usize, (next() % n as u64) as usize);
        let flip = (next() % 1_000_000) as f64 / 1e6 < noise;
        let positive = (faction[a] == faction[b]) != flip;
        let sign = if positive {
            Sign::Positive
        } else {
            Sign::Negative
        };
        let _ = g.add_edge(names[a], names[b], sign);
    }
    g
}

/// On-CPU time of this thread (Linux), so a busy shared machine does not inflate the
/// figure; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    if let Some(shared) = dyad_model::fixtures::shared_dir() {
        let dir = shared.join("anchors/signed/cow_doreian_mrvar");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        let graphs: Vec<SignedGraph> = files.iter().map(|p| load(p)).collect();
        let started = Instant::now();
        let cpu_started = cpu_time();
        let mut slowest = (Duration::ZERO, String::new());
        let mut total_l = 0;
        for (g, p) in graphs.iter().zip(&files) {
            let t = Instant::now();
            let f = frustration(g, &FrustrationOptions::default());
            assert!(f.exact);
            total_l += f.index;
            if t.elapsed() > slowest.0 {
                slowest = (t.elapsed(), p.file_name().unwrap().to_string_lossy().into());
            }
        }
        let cpu = cpu_time()
            .zip(cpu_started)
            .map_or_else(|| "n/a".to_string(), |(b, a)| format!("{:.3?}", b - a));
        println!(
            "CoW: {} windows solved exactly in {:.3?} wall, {cpu} CPU \
             (sum L = {total_l}; slowest {} in {:.3?})",
            graphs.len(),
            started.elapsed(),
            slowest.1,
            slowest.0
        );
        let dir = shared.join("anchors/signed/synthetic");
        for name in [
            "rand_n30_p03",
            "rand_n40_p03",
            "rand_n60_p015",
            "rand_n80_p01",
        ] {
            let g = load(&dir.join(format!("{name}.csv")));
            let t = Instant::now();
            let f = frustration(&g, &FrustrationOptions::default());
            println!(
                "{name}: n={} m={} L={} exact={} branch nodes={} in {:.2?}",
                g.node_count(),
                g.edge_count(),
                f.index,
                f.exact,
                f.branch_nodes,
                t.elapsed()
            );
        }
    } else {
        println!("SKIPPED CoW and synthetic instances: ../shared is not present");
    }
    let sizes: &[usize] = if quick {
        &[1000, 3000]
    } else {
        &[1000, 3000, 6000, 10_000, 15_000]
    };
    for (&m, noise) in sizes.iter().flat_map(|m| [(m, 0.03), (m, 0.15)]) {
        let n = m / 5;
        let g = planted(n, m, noise, m as u64);
        let t = Instant::now();
        let h = frustration(
            &g,
            &FrustrationOptions {
                exact: false,
                ..FrustrationOptions::default()
            },
        );
        let heuristic_time = t.elapsed();
        let t = Instant::now();
        let x = frustration(
            &g,
            &FrustrationOptions {
                time_limit: Some(Duration::from_secs(60)),
                ..FrustrationOptions::default()
            },
        );
        println!(
            "planted n={n} m={m} noise={noise}: heuristic L<={} (lower {}, gap {}) in {heuristic_time:.2?}; \
             exact={} L={} (lower {}) nodes={} in {:.2?}",
            h.index,
            h.lower_bound,
            h.gap(),
            x.exact,
            x.index,
            x.lower_bound,
            x.branch_nodes,
            t.elapsed()
        );
    }
}
