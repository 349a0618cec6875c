//! Exact frustration index of one block: branch and cut on edge variables.
//!
//! Variable `f_e` in [0, 1] says edge `e` is frustrated; minimise the sum. A 0/1 vector
//! is a feasible frustration set exactly when it satisfies every *cycle inequality*:
//! for a cycle C and F ⊆ C whose size has the other parity than C's negative edges,
//! `sum_{C\F} f - sum_F f >= 1 - |F|` (removing F alone cannot balance C). For an
//! unbalanced cycle with F = {} this reads "at least one edge of C is frustrated".
//! The LP starts with the packed unbalanced cycles and unbalanced triangles; violated
//! inequalities are separated exactly by shortest paths in the parity double cover
//! (arc cost f_e to keep e out of F, 1 - f_e to put it in), from the ends of fractional
//! edges, and for the integral part by a colouring check. When no cut is violated and
//! the LP point is fractional, branch on the edge closest to 1/2 (depth first, rounded
//! side first). A node is pruned when ceil(LP bound) reaches the incumbent.

use super::block::{odd_simple_cycle, Block, Step};
use super::heuristic::Search;
use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, Solution, SolveOutcome};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};
use std::time::Instant;

pub(crate) struct ExactOutcome {
    pub cost: usize,
    pub side: Vec<bool>,
    pub lower_bound: usize,
    pub proved: bool,
    pub branch_nodes: usize,
}

const EPS: f64 = 1e-6;

/// A cycle inequality: edges of the cycle, and whether each is in F.
struct Cut {
    terms: Vec<(usize, bool)>,
}

impl Cut {
    fn rhs(&self) -> f64 {
        1.0 - self.terms.iter().filter(|t| t.1).count() as f64
    }
    fn lhs(&self, x: &[f64]) -> f64 {
        self.terms
            .iter()
            .map(|&(e, in_f)| if in_f { -x[e] } else { x[e] })
            .sum()
    }
    fn key(&self) -> Vec<(usize, bool)> {
        let mut k = self.terms.clone();
        k.sort_unstable();
        k
    }
}

pub(crate) fn solve_block(
    block: &Block,
    incumbent: (usize, Vec<bool>),
    packed: &[Vec<usize>],
    deadline: Option<Instant>,
) -> ExactOutcome {
    let (mut best, mut best_side) = incumbent;
    let packing_bound = packed.len();
    let done = |best, side, lower, proved, nodes| ExactOutcome {
        cost: best,
        side,
        lower_bound: lower,
        proved,
        branch_nodes: nodes,
    };
    if packing_bound >= best {
        return done(best, best_side, best, true, 0);
    }
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let vars: Vec<_> = (0..block.m())
        .map(|_| problem.add_var(1.0, (0.0, 1.0)))
        .collect();
    let mut initial_keys: HashSet<Vec<(usize, bool)>> = HashSet::new();
    let mut initial: Vec<Cut> = packed
        .iter()
        .map(|c| Cut {
            terms: c.iter().map(|&e| (e, false)).collect(),
        })
        .collect();
    initial.extend(unbalanced_triangles(block).into_iter().map(|t| Cut {
        terms: t.iter().map(|&e| (e, false)).collect(),
    }));
    for cut in initial {
        if initial_keys.insert(cut.key()) {
            problem.add_constraint(expression(&vars, &cut), ComparisonOp::Ge, cut.rhs());
        }
    }
    if let Some(d) = deadline {
        problem.set_time_limit(d.saturating_duration_since(Instant::now()));
    }
    let root = match problem.solve().map(SolveOutcome::into_solution) {
        Ok(Ok(solution)) => solution,
        _ => return done(best, best_side, packing_bound, false, 0),
    };
    let mut separator = Separator::new(block);
    let mut stack: Vec<Solution> = vec![root];
    let mut nodes = 0;
    let mut root_bound = None;
    // A numerical failure of the LP solver voids the proof, never the bipartition.
    let mut lp_failed = false;
    while let Some(mut solution) = stack.pop() {
        nodes += 1;
        if deadline.is_some_and(|d| Instant::now() > d) {
            let lower = root_bound.unwrap_or(packing_bound).max(packing_bound);
            return done(best, best_side, lower.min(best), false, nodes);
        }
        // Cut loop at this node: ends with the point to branch on, or None when pruned.
        let mut timed_out = false;
        let fractional = loop {
            if deadline.is_some_and(|d| Instant::now() > d) {
                timed_out = true;
                break None;
            }
            let bound = solution.objective();
            if nodes == 1 {
                root_bound = Some((bound - EPS).ceil().max(0.0) as usize);
            }
            if (bound - EPS).ceil() as usize >= best {
                break None;
            }
            let x: Vec<f64> = vars.iter().map(|&v| solution.var_value_raw(v)).collect();
            improve_by_rounding(block, &x, &mut best, &mut best_side);
            if (bound - EPS).ceil() as usize >= best {
                break None;
            }
            // Cuts are not shared between sibling subtrees (each LP is its own copy),
            // so a cut found again elsewhere is simply added again there.
            let cuts = separator.separate(&x);
            if cuts.is_empty() {
                break Some((solution, x));
            }
            let mut current = Some(solution);
            for cut in cuts {
                let s = current.take().expect("solution present");
                match s.add_constraint(expression(&vars, &cut), ComparisonOp::Ge, cut.rhs()) {
                    Ok(SolveOutcome::Solution(next)) => current = Some(next),
                    Err(microlp::Error::Infeasible) => break,
                    _ => {
                        lp_failed = true;
                        break;
                    }
                }
            }
            match current {
                Some(s) => solution = s,
                None => break None, // infeasible below this node
            }
        };
        if timed_out {
            let lower = root_bound.unwrap_or(packing_bound).max(packing_bound);
            return done(best, best_side, lower.min(best), false, nodes);
        }
        let Some((solution, x)) = fractional else {
            continue;
        };
        // No violated cut: an integral point is a feasible frustration set.
        let branch = (0..x.len())
            .filter(|&e| x[e] > EPS && x[e] < 1.0 - EPS)
            .min_by(|&a, &b| {
                (x[a] - 0.5)
                    .abs()
                    .partial_cmp(&(x[b] - 0.5).abs())
                    .unwrap_or(Ordering::Equal)
            });
        let Some(e) = branch else {
            let side = block
                .colour(|_| true, |f| x[f] > 0.5)
                .expect("an integral point satisfying all cycle inequalities is a cut");
            let cost = block.cost(&side);
            if cost < best {
                best = cost;
                best_side = side;
            }
            continue;
        };
        let first = if x[e] >= 0.5 { 1.0 } else { 0.0 };
        for value in [1.0 - first, first] {
            // Pushed second-preferred first so the preferred child is explored next.
            match solution.clone().fix_var(vars[e], value) {
                Ok(SolveOutcome::Solution(child)) => stack.push(child),
                Err(microlp::Error::Infeasible) => {}
                _ => lp_failed = true,
            }
        }
    }
    if lp_failed {
        let lower = root_bound.unwrap_or(packing_bound).max(packing_bound);
        return done(best, best_side, lower.min(best), false, nodes);
    }
    done(best, best_side, best, true, nodes)
}

fn expression(vars: &[microlp::Variable], cut: &Cut) -> LinearExpr {
    let mut expr = LinearExpr::empty();
    for &(e, in_f) in &cut.terms {
        expr.add(vars[e], if in_f { -1.0 } else { 1.0 });
    }
    expr
}

/// Colours the block from the LP point (edges taken as frustrated when f_e > 1/2, along
/// a BFS forest), then descends; keeps the result if it beats the incumbent.
fn improve_by_rounding(block: &Block, x: &[f64], best: &mut usize, best_side: &mut Vec<bool>) {
    let mut side = vec![false; block.n];
    let mut seen = vec![false; block.n];
    let mut queue = std::collections::VecDeque::from([0usize]);
    seen[0] = true;
    while let Some(v) = queue.pop_front() {
        for &(w, e) in &block.adj[v] {
            if !seen[w as usize] {
                seen[w as usize] = true;
                side[w as usize] = side[v] ^ block.negative[e as usize] ^ (x[e as usize] > 0.5);
                queue.push_back(w as usize);
            }
        }
    }
    let mut search = Search::new(block, side);
    search.descend_all();
    if search.cost < *best {
        *best = search.cost;
        *best_side = search.side;
    }
}

fn unbalanced_triangles(block: &Block) -> Vec<[usize; 3]> {
    let rank = |v: usize| (block.adj[v].len(), v);
    let mut out: Vec<Vec<(u32, u32)>> = vec![Vec::new(); block.n];
    for (i, &(u, v)) in block.ends.iter().enumerate() {
        let (a, b) = if rank(u as usize) < rank(v as usize) {
            (u, v)
        } else {
            (v, u)
        };
        out[a as usize].push((b, i as u32));
    }
    let mut mark = vec![u32::MAX; block.n];
    let mut found = Vec::new();
    for a in 0..block.n {
        for &(c, e) in &out[a] {
            mark[c as usize] = e;
        }
        for &(b, e_ab) in &out[a] {
            for &(c, e_bc) in &out[b as usize] {
                let e_ac = mark[c as usize];
                if e_ac != u32::MAX {
                    let t = [e_ab as usize, e_bc as usize, e_ac as usize];
                    if t.iter().filter(|&&e| block.negative[e]).count() % 2 == 1 {
                        found.push(t);
                    }
                }
            }
        }
        for &(c, _) in &out[a] {
            mark[c as usize] = u32::MAX;
        }
    }
    found
}

#[derive(PartialEq)]
struct Queued(f64, usize);
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        // Min-heap on distance.
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

/// Cuts added per separation round (measured: 5 is too few rounds' worth, 40 adds
/// rows that never bind).
const MAX_CUTS_PER_ROUND: usize = 15;

/// Exact separation of cycle inequalities.
struct Separator<'a> {
    block: &'a Block,
    dist: Vec<f64>,
    /// State -> (edge, in F, previous state).
    pred: Vec<(u32, bool, u32)>,
    touched: Vec<usize>,
}

impl<'a> Separator<'a> {
    fn new(block: &'a Block) -> Separator<'a> {
        Separator {
            block,
            dist: vec![f64::INFINITY; 2 * block.n],
            pred: vec![(u32::MAX, false, u32::MAX); 2 * block.n],
            touched: Vec::new(),
        }
    }

    fn separate(&mut self, x: &[f64]) -> Vec<Cut> {
        let b = self.block;
        let mut cuts: Vec<Cut> = Vec::new();
        let mut keys = HashSet::new();
        let mut starts: Vec<usize> = Vec::new();
        let mut is_start = vec![false; b.n];
        for (e, &xe) in x.iter().enumerate() {
            if xe > EPS && xe < 1.0 - EPS {
                for v in [b.ends[e].0, b.ends[e].1] {
                    if !is_start[v as usize] {
                        is_start[v as usize] = true;
                        starts.push(v as usize);
                    }
                }
            }
        }
        for s in starts {
            if let Some(cut) = self.shortest_violated(s, x) {
                if keys.insert(cut.key()) {
                    cuts.push(cut);
                }
            }
        }
        // Every added row costs microlp a refactorisation, so keep only the most
        // efficacious cuts (violation per unit norm) of each round.
        let efficacy = |c: &Cut| (c.rhs() - c.lhs(x)) / (c.terms.len() as f64).sqrt();
        cuts.sort_by(|a, b| efficacy(b).total_cmp(&efficacy(a)));
        cuts.truncate(MAX_CUTS_PER_ROUND);
        if cuts.is_empty() {
            // Cycles made of integral edges only: a colouring conflict is violated by 1.
            let integral = |e: usize| x[e] <= EPS || x[e] >= 1.0 - EPS;
            if let Err(cycle) = b.colour(integral, |e| x[e] > 0.5) {
                cuts.push(Cut {
                    terms: cycle.into_iter().map(|e| (e, x[e] > 0.5)).collect(),
                });
            }
        }
        cuts
    }

    /// Dijkstra in the double cover from (s, 0) to (s, 1), stopping at distance 1.
    fn shortest_violated(&mut self, s: usize, x: &[f64]) -> Option<Cut> {
        let b = self.block;
        for &t in &self.touched {
            self.dist[t] = f64::INFINITY;
        }
        self.touched.clear();
        let (start, target) = (2 * s, 2 * s + 1);
        self.dist[start] = 0.0;
        self.touched.push(start);
        let mut heap = BinaryHeap::from([Queued(0.0, start)]);
        let mut reached = false;
        while let Some(Queued(d, state)) = heap.pop() {
            if d > self.dist[state] {
                continue;
            }
            if d >= 1.0 - EPS {
                break;
            }
            if state == target {
                reached = true;
                break;
            }
            let (v, parity) = (state / 2, state % 2);
            for &(w, e) in &b.adj[v] {
                let e = e as usize;
                for in_f in [false, true] {
                    let cost = if in_f { 1.0 - x[e] } else { x[e] }.max(0.0);
                    let next =
                        2 * w as usize + (parity ^ usize::from(b.negative[e]) ^ usize::from(in_f));
                    let nd = d + cost;
                    if nd < self.dist[next] - 1e-12 {
                        if self.dist[next] == f64::INFINITY {
                            self.touched.push(next);
                        }
                        self.dist[next] = nd;
                        self.pred[next] = (e as u32, in_f, state as u32);
                        heap.push(Queued(nd, next));
                    }
                }
            }
        }
        if !reached {
            return None;
        }
        let mut steps = Vec::new();
        let mut state = target;
        while state != start {
            let (e, in_f, prev) = self.pred[state];
            steps.push(Step {
                edge: e,
                from: prev / 2,
                odd: b.negative[e as usize] ^ in_f,
            });
            state = prev as usize;
        }
        steps.reverse();
        let cycle = odd_simple_cycle(steps);
        let cut = Cut {
            terms: cycle
                .iter()
                .map(|st| (st.edge as usize, st.odd ^ b.negative[st.edge as usize]))
                .collect(),
        };
        (cut.lhs(x) < cut.rhs() - EPS).then_some(cut)
    }
}
