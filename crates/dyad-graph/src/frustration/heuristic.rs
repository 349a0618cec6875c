//! Upper bounds: iterated local search over bipartitions.
//!
//! Each start colours a random BFS spanning tree so its edges are all satisfied, then
//! descends by single-node flips (a flip that frustrates fewer incident edges than it
//! satisfies lowers the cost). Perturbations flip a short random walk of nodes and
//! descend again; a perturbation is kept when it does not worsen the cost, and undone
//! otherwise.

use super::block::{Block, Rng};

pub(crate) struct Search<'a> {
    block: &'a Block,
    pub side: Vec<bool>,
    /// Frustrated minus satisfied incident edges: the cost drop if the node flips.
    gain: Vec<i32>,
    pub cost: usize,
    stack: Vec<u32>,
    queued: Vec<bool>,
}

impl<'a> Search<'a> {
    pub fn new(block: &'a Block, side: Vec<bool>) -> Search<'a> {
        let mut gain = vec![0i32; block.n];
        let mut cost = 0;
        for e in 0..block.m() {
            let (u, v) = block.ends[e];
            let d = if block.frustrated(&side, e) {
                cost += 1;
                1
            } else {
                -1
            };
            gain[u as usize] += d;
            gain[v as usize] += d;
        }
        Search {
            block,
            side,
            gain,
            cost,
            stack: Vec::new(),
            queued: vec![false; block.n],
        }
    }

    fn flip(&mut self, v: usize) {
        self.cost = (self.cost as i64 - self.gain[v] as i64) as usize;
        self.gain[v] = -self.gain[v];
        self.side[v] = !self.side[v];
        for &(w, e) in &self.block.adj[v] {
            // After the flip, a now-frustrated edge raises w's gain by 2, and vice versa.
            let delta = if self.block.frustrated(&self.side, e as usize) {
                2
            } else {
                -2
            };
            self.gain[w as usize] += delta;
            if self.gain[w as usize] > 0 && !self.queued[w as usize] {
                self.queued[w as usize] = true;
                self.stack.push(w);
            }
        }
        if self.gain[v] > 0 && !self.queued[v] {
            self.queued[v] = true;
            self.stack.push(v as u32);
        }
    }

    /// Flips improving nodes until none is left. Flipped nodes are appended to `log`.
    fn descend(&mut self, log: &mut Vec<u32>) {
        while let Some(v) = self.stack.pop() {
            self.queued[v as usize] = false;
            if self.gain[v as usize] > 0 {
                self.flip(v as usize);
                log.push(v);
            }
        }
    }

    pub fn descend_all(&mut self) {
        for v in 0..self.block.n {
            if self.gain[v] > 0 && !self.queued[v] {
                self.queued[v] = true;
                self.stack.push(v as u32);
            }
        }
        self.descend(&mut Vec::new());
    }

    /// `rounds` perturb-and-descend steps, keeping non-worsening ones.
    pub fn iterate(&mut self, rounds: usize, rng: &mut Rng) {
        let mut log = Vec::new();
        for _ in 0..rounds {
            let before = self.cost;
            log.clear();
            let mut v = rng.below(self.block.n);
            for _ in 0..1 + rng.below(4) {
                self.flip(v);
                log.push(v as u32);
                let nbrs = &self.block.adj[v];
                if nbrs.is_empty() {
                    break;
                }
                v = nbrs[rng.below(nbrs.len())].0 as usize;
            }
            self.descend(&mut log);
            if self.cost > before {
                for &u in log.iter().rev() {
                    self.flip(u as usize);
                }
                // Undoing restores the old local optimum; drop what flipping queued.
                for u in self.stack.drain(..) {
                    self.queued[u as usize] = false;
                }
            }
        }
    }
}

/// A colouring satisfying the edges of a random BFS spanning tree.
fn tree_start(block: &Block, rng: &mut Rng) -> Vec<bool> {
    let mut side = vec![false; block.n];
    let mut seen = vec![false; block.n];
    let root = rng.below(block.n);
    let mut queue = std::collections::VecDeque::from([root]);
    seen[root] = true;
    while let Some(v) = queue.pop_front() {
        let mut nbrs = block.adj[v].clone();
        rng.shuffle(&mut nbrs);
        for (w, e) in nbrs {
            if !seen[w as usize] {
                seen[w as usize] = true;
                side[w as usize] = side[v] ^ block.negative[e as usize];
                queue.push_back(w as usize);
            }
        }
    }
    side
}

/// Best bipartition found by `starts` iterated local searches.
pub(crate) fn local_search(block: &Block, starts: usize, rng: &mut Rng) -> (usize, Vec<bool>) {
    let rounds = 2000 + 40 * block.n.min(5000);
    let mut best: Option<(usize, Vec<bool>)> = None;
    for _ in 0..starts.max(1) {
        let mut search = Search::new(block, tree_start(block, rng));
        search.descend_all();
        search.iterate(rounds, rng);
        if best.as_ref().is_none_or(|(c, _)| search.cost < *c) {
            best = Some((search.cost, search.side));
        }
        if best.as_ref().is_some_and(|(c, _)| *c == 0) {
            break;
        }
    }
    best.expect("at least one start")
}
