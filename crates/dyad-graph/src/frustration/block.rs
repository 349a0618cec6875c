//! The piece of a signed graph the solvers work on: a biconnected block with local node
//! numbers, plus the small tools every solver shares.

/// A connected signed graph with nodes `0..n`. `negative[e]` holds the sign of edge `e`.
pub(crate) struct Block {
    pub n: usize,
    pub ends: Vec<(u32, u32)>,
    pub negative: Vec<bool>,
    /// Per node, `(neighbour, edge)`.
    pub adj: Vec<Vec<(u32, u32)>>,
}

impl Block {
    pub fn new(n: usize, edges: Vec<(u32, u32, bool)>) -> Block {
        let mut adj = vec![Vec::new(); n];
        for (i, &(u, v, _)) in edges.iter().enumerate() {
            adj[u as usize].push((v, i as u32));
            adj[v as usize].push((u, i as u32));
        }
        Block {
            n,
            ends: edges.iter().map(|&(u, v, _)| (u, v)).collect(),
            negative: edges.iter().map(|&(_, _, neg)| neg).collect(),
            adj,
        }
    }

    pub fn m(&self) -> usize {
        self.ends.len()
    }

    /// An edge is frustrated when a positive edge crosses the cut or a negative edge
    /// lies inside one side.
    pub fn frustrated(&self, side: &[bool], e: usize) -> bool {
        let (u, v) = self.ends[e];
        (side[u as usize] == side[v as usize]) == self.negative[e]
    }

    pub fn cost(&self, side: &[bool]) -> usize {
        (0..self.m()).filter(|&e| self.frustrated(side, e)).count()
    }

    /// A two-colouring where every edge `e` with `keep(e)` is satisfied, when one exists
    /// (edges without `keep` are ignored); else the edges of a cycle of kept edges that
    /// no colouring satisfies. Each entry of the cycle is `(edge, flip)` with the
    /// colouring rule of `flip(e)` (the kept edge must join sides `!=` iff
    /// `negative[e] ^ flip(e)`).
    pub fn colour(
        &self,
        keep: impl Fn(usize) -> bool,
        flip: impl Fn(usize) -> bool,
    ) -> Result<Vec<bool>, Vec<usize>> {
        let mut side = vec![false; self.n];
        let mut seen = vec![false; self.n];
        let mut parent: Vec<(u32, u32)> = vec![(u32::MAX, u32::MAX); self.n];
        let mut depth = vec![0usize; self.n];
        let mut queue = std::collections::VecDeque::new();
        for root in 0..self.n {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            queue.push_back(root);
            while let Some(v) = queue.pop_front() {
                for &(w, e) in &self.adj[v] {
                    let e = e as usize;
                    if !keep(e) {
                        continue;
                    }
                    let want = side[v] ^ self.negative[e] ^ flip(e);
                    let w = w as usize;
                    if !seen[w] {
                        seen[w] = true;
                        side[w] = want;
                        parent[w] = (v as u32, e as u32);
                        depth[w] = depth[v] + 1;
                        queue.push_back(w);
                    } else if side[w] != want {
                        return Err(tree_cycle(&parent, &depth, v, w, e));
                    }
                }
            }
        }
        Ok(side)
    }
}

/// The cycle closed by non-tree edge `e` = (`a`, `b`) in a BFS forest.
fn tree_cycle(parent: &[(u32, u32)], depth: &[usize], a: usize, b: usize, e: usize) -> Vec<usize> {
    let (mut x, mut y) = (a, b);
    let mut edges = vec![e];
    while x != y {
        if depth[x] >= depth[y] {
            edges.push(parent[x].1 as usize);
            x = parent[x].0 as usize;
        } else {
            edges.push(parent[y].1 as usize);
            y = parent[y].0 as usize;
        }
    }
    edges
}

/// One step of a closed walk: leave `from` along `edge`; `odd` is the step's parity bit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    pub edge: u32,
    pub from: u32,
    pub odd: bool,
}

/// Shrinks a closed walk whose parity bits sum to odd into a simple cycle that is still
/// odd: split at a repeated vertex into two closed walks, one of which must be odd, and
/// keep that one.
pub(crate) fn odd_simple_cycle(mut walk: Vec<Step>) -> Vec<Step> {
    loop {
        let mut first_seen: std::collections::HashMap<u32, usize> = Default::default();
        let mut split = None;
        for (j, s) in walk.iter().enumerate() {
            if let Some(&i) = first_seen.get(&s.from) {
                split = Some((i, j));
                break;
            }
            first_seen.insert(s.from, j);
        }
        let Some((i, j)) = split else { return walk };
        let inner_odd = walk[i..j].iter().fold(false, |p, s| p ^ s.odd);
        walk = if inner_odd {
            walk[i..j].to_vec()
        } else {
            walk[..i].iter().chain(&walk[j..]).copied().collect()
        };
    }
}

/// A small fast generator (xorshift64*), seeded for reproducible searches.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}
