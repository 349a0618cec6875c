//! Structural-balance measures that need no optimisation: the signed triangle census,
//! the triangle degree of balance and the walk-based balance index.

use crate::eigen::symmetric_eigenvalues;
use crate::{frustration, FrustrationOptions, SignedGraph};
use serde::Serialize;
use std::time::Instant;

/// Triangles by their number of positive edges. `+++` and `+--` are balanced (the
/// friend of my friend is my friend; the enemy of my enemy is my friend), `++-` and
/// `---` are not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TriadCensus {
    #[serde(rename = "+++")]
    pub ppp: u64,
    #[serde(rename = "++-")]
    pub ppn: u64,
    #[serde(rename = "+--")]
    pub pnn: u64,
    #[serde(rename = "---")]
    pub nnn: u64,
}

impl TriadCensus {
    pub fn total(&self) -> u64 {
        self.ppp + self.ppn + self.pnn + self.nnn
    }
    pub fn balanced(&self) -> u64 {
        self.ppp + self.pnn
    }
    pub fn unbalanced(&self) -> u64 {
        self.ppn + self.nnn
    }
    /// Share of balanced triangles; `None` without triangles.
    pub fn balance_ratio(&self) -> Option<f64> {
        (self.total() > 0).then(|| self.balanced() as f64 / self.total() as f64)
    }
}

/// Calls `visit(a, b, c, [edge ab, edge bc, edge ac])` once per triangle.
///
/// Each edge is oriented from the lower- to the higher-ranked endpoint (rank by degree),
/// so every triangle is found once from its lowest-ranked corner in O(m^1.5).
pub fn for_each_triangle(graph: &SignedGraph, mut visit: impl FnMut(u32, u32, u32, [usize; 3])) {
    let n = graph.node_count();
    let adj = graph.adjacency();
    let rank = |v: u32| (adj[v as usize].len(), v);
    let mut out: Vec<Vec<(u32, usize)>> = vec![Vec::new(); n];
    for (i, e) in graph.edges().iter().enumerate() {
        if rank(e.u) < rank(e.v) {
            out[e.u as usize].push((e.v, i));
        } else {
            out[e.v as usize].push((e.u, i));
        }
    }
    let mut mark: Vec<usize> = vec![usize::MAX; n];
    for a in 0..n {
        for &(c, e_ac) in &out[a] {
            mark[c as usize] = e_ac;
        }
        for &(b, e_ab) in &out[a] {
            for &(c, e_bc) in &out[b as usize] {
                let e_ac = mark[c as usize];
                if e_ac != usize::MAX {
                    visit(a as u32, b, c, [e_ab, e_bc, e_ac]);
                }
            }
        }
        for &(c, _) in &out[a] {
            mark[c as usize] = usize::MAX;
        }
    }
}

pub fn triad_census(graph: &SignedGraph) -> TriadCensus {
    let mut census = TriadCensus::default();
    let edges = graph.edges();
    for_each_triangle(graph, |_, _, _, es| {
        let negatives = es.iter().filter(|&&e| edges[e].sign.is_negative()).count();
        match negatives {
            0 => census.ppp += 1,
            1 => census.ppn += 1,
            2 => census.pnn += 1,
            _ => census.nnn += 1,
        }
    });
    census
}

/// Largest graph (in nodes) whose walk balance is computed; the dense eigen-solver is
/// O(n^3) time and O(n^2) memory.
pub const WALK_BALANCE_MAX_NODES: usize = 2000;

/// Walk-based balance: `sum exp(eig(A_signed)) / sum exp(eig(|A|))` (Estrada–Benzi,
/// inverse temperature 1). 1 for a balanced graph. `None` for an empty graph or one with
/// more than [`WALK_BALANCE_MAX_NODES`] nodes.
pub fn walk_balance(graph: &SignedGraph) -> Option<f64> {
    let n = graph.node_count();
    if n == 0 || n > WALK_BALANCE_MAX_NODES {
        return None;
    }
    let mut signed = vec![0.0; n * n];
    let mut unsigned = vec![0.0; n * n];
    for e in graph.edges() {
        let (u, v) = (e.u as usize, e.v as usize);
        let s = f64::from(e.sign.as_i8());
        signed[u * n + v] = s;
        signed[v * n + u] = s;
        unsigned[u * n + v] = 1.0;
        unsigned[v * n + u] = 1.0;
    }
    let ls = symmetric_eigenvalues(signed, n);
    let lu = symmetric_eigenvalues(unsigned, n);
    // Shift by the largest eigenvalue so exp never overflows; the shift cancels.
    let top = lu.iter().chain(&ls).cloned().fold(f64::MIN, f64::max);
    let sum = |l: &[f64]| l.iter().map(|x| (x - top).exp()).sum::<f64>();
    Some(sum(&ls) / sum(&lu))
}

/// Every balance measure of one signed graph, as `dyad balance` reports it.
#[derive(Clone, Debug, Serialize)]
pub struct BalanceReport {
    pub nodes: usize,
    pub edges: usize,
    pub negative_edges: usize,
    /// L: exact when `exact`, else the best upper bound found.
    pub frustration_index: usize,
    pub lower_bound: usize,
    pub exact: bool,
    /// `frustration_index - lower_bound` (0 when exact).
    pub gap: usize,
    /// `"exact"` (branch and cut) or `"heuristic"` (local search and cycle packing).
    pub method: &'static str,
    /// 1 - 2L/m; `None` without edges.
    pub normalized_frustration: Option<f64>,
    /// The two sides of the best bipartition, node names sorted.
    pub partition: [Vec<String>; 2],
    /// Edges the bipartition frustrates (the ones to remove for balance).
    pub frustrated_edges: Vec<[String; 2]>,
    pub triads: TriadCensus,
    pub triangle_balance_ratio: Option<f64>,
    pub walk_balance: Option<f64>,
    pub seconds: f64,
}

/// Computes every measure; `options.exact = false` gives the heuristic with its gap.
pub fn balance_report(graph: &SignedGraph, options: &FrustrationOptions) -> BalanceReport {
    let started = Instant::now();
    let f = frustration(graph, options);
    let triads = triad_census(graph);
    let walk = walk_balance(graph);
    let mut partition: [Vec<String>; 2] = [Vec::new(), Vec::new()];
    for (v, &side) in f.partition.iter().enumerate() {
        partition[usize::from(side)].push(graph.name(v as u32).to_string());
    }
    partition.iter_mut().for_each(|p| p.sort());
    let frustrated_edges = graph
        .edges()
        .iter()
        .filter(|e| {
            (f.partition[e.u as usize] == f.partition[e.v as usize]) == e.sign.is_negative()
        })
        .map(|e| {
            let mut pair = [graph.name(e.u).to_string(), graph.name(e.v).to_string()];
            pair.sort();
            pair
        })
        .collect();
    let m = graph.edge_count();
    BalanceReport {
        nodes: graph.node_count(),
        edges: m,
        negative_edges: graph.negative_edge_count(),
        frustration_index: f.index,
        lower_bound: f.lower_bound,
        exact: f.exact,
        gap: f.gap(),
        method: if options.exact { "exact" } else { "heuristic" },
        normalized_frustration: (m > 0).then(|| 1.0 - 2.0 * f.index as f64 / m as f64),
        partition,
        frustrated_edges,
        triangle_balance_ratio: triads.balance_ratio(),
        triads,
        walk_balance: walk,
        seconds: started.elapsed().as_secs_f64(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sign;

    fn graph(edges: &[(&str, &str, i8)]) -> SignedGraph {
        let mut g = SignedGraph::new();
        for &(a, b, s) in edges {
            let (u, v) = (g.node(a), g.node(b));
            let sign = if s > 0 {
                Sign::Positive
            } else {
                Sign::Negative
            };
            g.add_edge(u, v, sign).unwrap();
        }
        g
    }

    #[test]
    fn census_of_k4_with_one_negative_edge() {
        // K4 with A-B negative: triangles ABC, ABD are ++-; ACD, BCD are +++.
        let g = graph(&[
            ("A", "B", -1),
            ("A", "C", 1),
            ("A", "D", 1),
            ("B", "C", 1),
            ("B", "D", 1),
            ("C", "D", 1),
        ]);
        let c = triad_census(&g);
        assert_eq!((c.ppp, c.ppn, c.pnn, c.nnn), (2, 2, 0, 0));
        assert_eq!(c.balance_ratio(), Some(0.5));
    }

    #[test]
    fn walk_balance_is_one_when_balanced_and_below_otherwise() {
        let balanced = graph(&[("A", "B", 1), ("B", "C", -1), ("A", "C", -1)]);
        assert!((walk_balance(&balanced).unwrap() - 1.0).abs() < 1e-12);
        // The all-negative triangle: eigenvalues of -A are {-2, 1, 1}; of A {2, -1, -1}.
        let frustrated = graph(&[("A", "B", -1), ("B", "C", -1), ("A", "C", -1)]);
        let e = std::f64::consts::E;
        let expected = (e.powi(-2) + 2.0 * e) / (e.powi(2) + 2.0 / e);
        assert!((walk_balance(&frustrated).unwrap() - expected).abs() < 1e-12);
    }
}
