//! Lower bounds: a packing of edge-disjoint unbalanced cycles.
//!
//! Every unbalanced cycle (odd number of negative edges) needs at least one of its edges
//! removed, so k edge-disjoint unbalanced cycles prove L >= k. Every unbalanced cycle
//! also contains an edge that a given bipartition frustrates, so searching for the
//! shortest unbalanced cycle through each frustrated edge of a good solution, in the
//! edges not used yet, yields a maximal packing.

use super::block::{odd_simple_cycle, Block, Rng, Step};
use std::collections::VecDeque;

/// Edge-disjoint unbalanced cycles (as edge lists), greedily, trying `rounds` orders of
/// the `seeds` (edges frustrated by a good bipartition) and keeping the largest packing.
pub(crate) fn cycle_packing(
    block: &Block,
    seeds: &[usize],
    rounds: usize,
    rng: &mut Rng,
) -> Vec<Vec<usize>> {
    let mut best: Vec<Vec<usize>> = Vec::new();
    let mut order = seeds.to_vec();
    let mut finder = CycleFinder::new(block);
    for round in 0..rounds.max(1) {
        if round > 0 {
            rng.shuffle(&mut order);
        }
        let mut alive = vec![true; block.m()];
        let mut cycles = Vec::new();
        for &e in &order {
            if !alive[e] {
                continue;
            }
            if let Some(cycle) = finder.shortest_unbalanced_through(e, &alive) {
                for &c in &cycle {
                    alive[c] = false;
                }
                cycles.push(cycle);
            }
        }
        if cycles.len() > best.len() {
            best = cycles;
        }
        if best.len() == seeds.len() {
            break;
        }
    }
    best
}

struct CycleFinder<'a> {
    block: &'a Block,
    /// BFS state `2 * node + parity` -> (edge, previous state).
    pred: Vec<(u32, u32)>,
    seen: Vec<bool>,
    touched: Vec<usize>,
}

impl<'a> CycleFinder<'a> {
    fn new(block: &'a Block) -> CycleFinder<'a> {
        CycleFinder {
            block,
            pred: vec![(u32::MAX, u32::MAX); 2 * block.n],
            seen: vec![false; 2 * block.n],
            touched: Vec::new(),
        }
    }

    /// The shortest cycle through `e` with an odd number of negative edges, using only
    /// `alive` edges: a BFS in the parity double cover from one end of `e` to the other.
    fn shortest_unbalanced_through(&mut self, e: usize, alive: &[bool]) -> Option<Vec<usize>> {
        let b = self.block;
        let (u, v) = b.ends[e];
        let start = 2 * u as usize;
        let target = 2 * v as usize + usize::from(!b.negative[e]);
        for &s in &self.touched {
            self.seen[s] = false;
        }
        self.touched.clear();
        self.seen[start] = true;
        self.touched.push(start);
        let mut queue = VecDeque::from([start]);
        let mut found = false;
        'bfs: while let Some(state) = queue.pop_front() {
            let (x, parity) = (state / 2, state % 2);
            for &(y, f) in &b.adj[x] {
                if f as usize == e || !alive[f as usize] {
                    continue;
                }
                let next = 2 * y as usize + (parity ^ usize::from(b.negative[f as usize]));
                if !self.seen[next] {
                    self.seen[next] = true;
                    self.touched.push(next);
                    self.pred[next] = (f, state as u32);
                    if next == target {
                        found = true;
                        break 'bfs;
                    }
                    queue.push_back(next);
                }
            }
        }
        if !found {
            return None;
        }
        // Collected backwards: e (leaving v), then the path edges from v back to u, each
        // with the vertex it leaves in travel order; reversed, it is the walk u ~> v -> u.
        let mut steps = vec![Step {
            edge: e as u32,
            from: v,
            odd: b.negative[e],
        }];
        let mut state = target;
        while state != start {
            let (f, prev) = self.pred[state];
            steps.push(Step {
                edge: f,
                from: (prev / 2),
                odd: b.negative[f as usize],
            });
            state = prev as usize;
        }
        steps.reverse();
        Some(
            odd_simple_cycle(steps)
                .into_iter()
                .map(|s| s.edge as usize)
                .collect(),
        )
    }
}
