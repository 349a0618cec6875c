//! The frustration index L: the fewest edges whose removal (or sign flip) balances a
//! signed graph, with a bipartition attaining it.
//!
//! The graph is first decomposed: nodes of degree <= 1 are peeled off repeatedly (their
//! edges can always be satisfied), and the rest is split into biconnected blocks. Every
//! cycle lies inside one block and blocks share at most a cut vertex, so L is the sum of
//! the blocks' indices and their bipartitions can be glued by flipping whole blocks. A
//! block that can be two-coloured is balanced (L = 0). Each unbalanced block gets an
//! upper bound from iterated local search and a lower bound from a packing of
//! edge-disjoint unbalanced cycles; when these differ, branch and cut
//! ([`exact`]) closes the gap, unless it runs out of time, in which case the result says
//! so and reports the gap.

mod block;
mod bound;
mod exact;
mod heuristic;

use crate::SignedGraph;
use block::{Block, Rng};
use serde::Serialize;
use std::time::{Duration, Instant};

/// How hard to try.
#[derive(Clone, Debug)]
pub struct FrustrationOptions {
    /// Prove optimality by branch and cut; otherwise heuristic plus lower bound only.
    pub exact: bool,
    /// Give up proving after this long (the best bipartition and the gap are reported).
    pub time_limit: Option<Duration>,
    /// Local-search restarts per block.
    pub starts: usize,
    pub seed: u64,
}

impl Default for FrustrationOptions {
    fn default() -> Self {
        FrustrationOptions {
            exact: true,
            time_limit: None,
            starts: 4,
            seed: 0x5EED,
        }
    }
}

/// The frustration index with its certificate.
#[derive(Clone, Debug, Serialize)]
pub struct Frustration {
    /// Edges frustrated by `partition`: L itself when `exact`, else an upper bound.
    pub index: usize,
    /// Proven lower bound on L (equals `index` when `exact`).
    pub lower_bound: usize,
    pub exact: bool,
    /// Per node, its side (`false`/`true`) in the best bipartition found.
    pub partition: Vec<bool>,
    /// Biconnected blocks that were not balanced, and branch-and-cut nodes spent on them.
    pub unbalanced_blocks: usize,
    pub branch_nodes: usize,
}

impl Frustration {
    pub fn gap(&self) -> usize {
        self.index - self.lower_bound
    }
}

/// Computes the frustration index of `graph`.
pub fn frustration(graph: &SignedGraph, options: &FrustrationOptions) -> Frustration {
    let deadline = options.time_limit.map(|t| Instant::now() + t);
    let mut rng = Rng::new(options.seed);
    let edges = graph.edges();
    // Per edge: should its ends be on the same side? Decided per block, then glued.
    let mut same_side: Vec<bool> = edges.iter().map(|e| !e.sign.is_negative()).collect();
    let mut result = Frustration {
        index: 0,
        lower_bound: 0,
        exact: true,
        partition: Vec::new(),
        unbalanced_blocks: 0,
        branch_nodes: 0,
    };
    for block_edges in blocks(graph) {
        let mut local = std::collections::HashMap::new();
        let mut nodes = Vec::new();
        let mut local_edges = Vec::with_capacity(block_edges.len());
        for &e in &block_edges {
            let mut id = |v: u32| {
                *local.entry(v).or_insert_with(|| {
                    nodes.push(v);
                    nodes.len() as u32 - 1
                })
            };
            let (a, b) = (id(edges[e].u), id(edges[e].v));
            local_edges.push((a, b, edges[e].sign.is_negative()));
        }
        let block = Block::new(nodes.len(), local_edges);
        let side = match block.colour(|_| true, |_| false) {
            Ok(side) => side,
            Err(_) => {
                result.unbalanced_blocks += 1;
                let solved = solve_block(&block, options, deadline, &mut rng);
                result.index += solved.cost;
                result.lower_bound += solved.lower_bound;
                result.exact &= solved.proved;
                result.branch_nodes += solved.branch_nodes;
                solved.side
            }
        };
        for (i, &e) in block_edges.iter().enumerate() {
            let (a, b) = block.ends[i];
            same_side[e] = side[a as usize] == side[b as usize];
        }
    }
    result.partition = glue(graph, &same_side);
    debug_assert_eq!(
        edges
            .iter()
            .filter(|e| {
                let (a, b) = (
                    result.partition[e.u as usize],
                    result.partition[e.v as usize],
                );
                (a == b) == e.sign.is_negative()
            })
            .count(),
        result.index
    );
    result
}

fn solve_block(
    block: &Block,
    options: &FrustrationOptions,
    deadline: Option<Instant>,
    rng: &mut Rng,
) -> exact::ExactOutcome {
    // Cheap first: one local search and a packing often already meet (near-balanced
    // real networks); further starts only while a gap remains.
    let (mut cost, mut side) = heuristic::local_search(block, 1, rng);
    let seeds = |side: &[bool]| -> Vec<usize> {
        (0..block.m())
            .filter(|&e| block.frustrated(side, e))
            .collect()
    };
    let mut packed = bound::cycle_packing(block, &seeds(&side), 4, rng);
    for _ in 1..options.starts {
        if packed.len() >= cost {
            break;
        }
        let (c, s) = heuristic::local_search(block, 1, rng);
        if c < cost {
            (cost, side) = (c, s);
            let repacked = bound::cycle_packing(block, &seeds(&side), 4, rng);
            if repacked.len() > packed.len() {
                packed = repacked;
            }
        }
    }
    if options.exact {
        exact::solve_block(block, (cost, side), &packed, deadline)
    } else {
        exact::ExactOutcome {
            lower_bound: packed.len(),
            proved: packed.len() == cost,
            cost,
            side,
            branch_nodes: 0,
        }
    }
}

/// Sides for every node from the per-edge "same side" relation, by BFS. The relation
/// is consistent: every cycle lies in one block, whose own colouring produced it.
fn glue(graph: &SignedGraph, same_side: &[bool]) -> Vec<bool> {
    let adj = graph.adjacency();
    let mut side = vec![false; graph.node_count()];
    let mut seen = vec![false; graph.node_count()];
    for root in 0..graph.node_count() {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            for &(w, e) in &adj[v] {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    side[w as usize] = side[v] ^ !same_side[e];
                    stack.push(w as usize);
                }
            }
        }
    }
    side
}

/// Edge sets of the biconnected blocks of the 2-core (nodes of degree <= 1 peeled off
/// repeatedly), by an iterative Hopcroft–Tarjan search. Bridges come out as one-edge
/// blocks, which are trivially balanced.
fn blocks(graph: &SignedGraph) -> Vec<Vec<usize>> {
    let n = graph.node_count();
    let adj = graph.adjacency();
    let mut degree: Vec<usize> = adj.iter().map(Vec::len).collect();
    let mut removed = vec![false; n];
    let mut peel: Vec<usize> = (0..n).filter(|&v| degree[v] <= 1).collect();
    while let Some(v) = peel.pop() {
        if removed[v] {
            continue;
        }
        removed[v] = true;
        for &(w, _) in &adj[v] {
            let w = w as usize;
            if !removed[w] {
                degree[w] -= 1;
                if degree[w] <= 1 {
                    peel.push(w);
                }
            }
        }
    }
    let mut disc = vec![0usize; n];
    let mut low = vec![0usize; n];
    let mut time = 0;
    let mut blocks = Vec::new();
    let mut edge_stack: Vec<usize> = Vec::new();
    // Frames: (node, edge it was entered by, next adjacency position).
    let mut frames: Vec<(usize, usize, usize)> = Vec::new();
    for root in 0..n {
        if removed[root] || disc[root] != 0 {
            continue;
        }
        time += 1;
        disc[root] = time;
        low[root] = time;
        frames.push((root, usize::MAX, 0));
        while let Some(frame) = frames.last_mut() {
            let (v, entered_by) = (frame.0, frame.1);
            if frame.2 < adj[v].len() {
                let (w, e) = adj[v][frame.2];
                frame.2 += 1;
                let w = w as usize;
                if e == entered_by || removed[w] {
                    continue;
                }
                if disc[w] == 0 {
                    edge_stack.push(e);
                    time += 1;
                    disc[w] = time;
                    low[w] = time;
                    frames.push((w, e, 0));
                } else if disc[w] < disc[v] {
                    edge_stack.push(e);
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                frames.pop();
                if let Some(&(parent, _, _)) = frames.last() {
                    low[parent] = low[parent].min(low[v]);
                    if low[v] >= disc[parent] {
                        let mut block = Vec::new();
                        while let Some(e) = edge_stack.pop() {
                            block.push(e);
                            if e == entered_by {
                                break;
                            }
                        }
                        blocks.push(block);
                    }
                }
            }
        }
    }
    blocks
}
