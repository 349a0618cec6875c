//! The frustration index on hand-built graphs, against brute force on small random
//! graphs, and balance-theory properties on seeded random graphs.

use dyad_graph::{balance_report, frustration, FrustrationOptions, Sign, SignedGraph};

fn graph(n: usize, edges: &[(usize, usize, i8)]) -> SignedGraph {
    let mut g = SignedGraph::new();
    for i in 0..n {
        g.node(&format!("v{i}"));
    }
    for &(a, b, s) in edges {
        let sign = if s > 0 {
            Sign::Positive
        } else {
            Sign::Negative
        };
        g.add_edge(a as u32, b as u32, sign).unwrap();
    }
    g
}

fn frustrated_by(g: &SignedGraph, side: &[bool]) -> usize {
    g.edges()
        .iter()
        .filter(|e| (side[e.u as usize] == side[e.v as usize]) == e.sign.is_negative())
        .count()
}

fn exact(g: &SignedGraph) -> usize {
    let f = frustration(g, &FrustrationOptions::default());
    assert!(f.exact);
    assert_eq!(f.lower_bound, f.index);
    assert_eq!(
        frustrated_by(g, &f.partition),
        f.index,
        "partition attains L"
    );
    f.index
}

fn brute_force(g: &SignedGraph) -> usize {
    let n = g.node_count();
    (0..1u32 << n.saturating_sub(1))
        .map(|mask| {
            let side: Vec<bool> = (0..n).map(|v| mask >> v & 1 == 1).collect();
            frustrated_by(g, &side)
        })
        .min()
        .unwrap_or(0)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }
}

/// G(n, p) with signs from a planted two-faction split (balanced), or random signs.
fn random_graph(rng: &mut Rng, n: usize, p: f64, balanced: bool) -> SignedGraph {
    let faction: Vec<bool> = (0..n).map(|_| rng.chance(0.5)).collect();
    let mut edges = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if rng.chance(p) {
                let positive = if balanced {
                    faction[a] == faction[b]
                } else {
                    rng.chance(0.5)
                };
                edges.push((a, b, if positive { 1 } else { -1 }));
            }
        }
    }
    graph(n, &edges)
}

#[test]
fn hand_built_graphs() {
    // The all-negative triangle: one edge must go.
    assert_eq!(exact(&graph(3, &[(0, 1, -1), (1, 2, -1), (0, 2, -1)])), 1);
    // All-negative K4: the best split is 2|2, leaving one negative edge in each side.
    let k4: Vec<_> = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
        .iter()
        .map(|&(a, b)| (a, b, -1))
        .collect();
    assert_eq!(exact(&graph(4, &k4)), 2);
    // Two unbalanced triangles sharing a cut vertex, plus a pendant path: L adds up.
    let bowtie = graph(
        7,
        &[
            (0, 1, 1),
            (1, 2, 1),
            (0, 2, -1),
            (2, 3, -1),
            (3, 4, -1),
            (2, 4, -1),
            (4, 5, -1),
            (5, 6, 1),
        ],
    );
    assert_eq!(exact(&bowtie), 2);
    // A 5-cycle with one negative edge, and a tree: 1 and 0.
    let c5 = graph(5, &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (0, 4, -1)]);
    assert_eq!(exact(&c5), 1);
    assert_eq!(exact(&graph(4, &[(0, 1, -1), (1, 2, -1), (1, 3, 1)])), 0);
    // Isolated nodes and an empty graph.
    assert_eq!(exact(&graph(3, &[])), 0);
}

#[test]
fn report_lists_sides_and_frustrated_edges() {
    let g = graph(4, &[(0, 1, 1), (1, 2, -1), (0, 2, 1), (2, 3, 1)]);
    let r = balance_report(&g, &FrustrationOptions::default());
    assert_eq!(r.frustration_index, 1);
    assert_eq!(r.frustrated_edges.len(), 1);
    assert_eq!(r.triads.ppn, 1);
    assert_eq!(r.triangle_balance_ratio, Some(0.0));
    assert_eq!(r.partition[0].len() + r.partition[1].len(), 4);
    assert_eq!(r.method, "exact");
}

#[test]
fn exact_matches_brute_force_on_small_random_graphs() {
    let mut rng = Rng(0x1234_5678);
    for round in 0..60 {
        let n = 5 + round % 8;
        let p = [0.3, 0.5, 0.8][round % 3];
        let g = random_graph(&mut rng, n, p, false);
        assert_eq!(exact(&g), brute_force(&g), "round {round}");
    }
}

#[test]
fn balanced_graphs_have_zero_and_one_flip_costs_at_most_one() {
    let mut rng = Rng(42);
    for round in 0..20 {
        let g = random_graph(&mut rng, 30, 0.2, true);
        assert_eq!(exact(&g), 0, "round {round}");
        if g.edge_count() == 0 {
            continue;
        }
        let flip = (rng.next() % g.edge_count() as u64) as usize;
        let mut flipped = SignedGraph::new();
        for name in g.names() {
            flipped.node(name);
        }
        for (i, e) in g.edges().iter().enumerate() {
            let sign = if i == flip {
                e.sign.times(Sign::Negative)
            } else {
                e.sign
            };
            flipped.add_edge(e.u, e.v, sign).unwrap();
        }
        let l = exact(&flipped);
        assert!(l <= 1, "round {round}: L = {l}");
    }
}

#[test]
fn bounds_bracket_the_exact_value_and_respect_trivial_limits() {
    let mut rng = Rng(7);
    for round in 0..15 {
        let g = random_graph(&mut rng, 25, 0.25, false);
        let l = exact(&g);
        let negatives = g.negative_edge_count();
        assert!(
            l <= negatives,
            "all on one side frustrates exactly the negatives"
        );
        assert!(
            2 * l <= g.edge_count(),
            "a random side beats half the edges on average"
        );
        let h = frustration(
            &g,
            &FrustrationOptions {
                exact: false,
                ..FrustrationOptions::default()
            },
        );
        assert!(h.lower_bound <= l && l <= h.index, "round {round}");
        assert_eq!(frustrated_by(&g, &h.partition), h.index);
    }
}
