//! Labelled arc-eager transition parser with rich non-local features (valency,
//! children's labels, second-order context), trained as an averaged perceptron with
//! the dynamic oracle of Goldberg & Nivre (2012).
//!
//! Words are numbered 1..=n with 0 the artificial root; the root takes exactly one
//! dependent. Work is linear in sentence length (at most 2n transitions).

use crate::perceptron::{feat, Trainer, Weights};
use crate::tagger::WordInfo;

const NONE: usize = usize::MAX;
const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// What the parser sees of a word: its form and predicted tag.
#[derive(Clone, Copy)]
pub(crate) struct ParserWord {
    pub info: WordInfo,
    /// Joint tag index + 1 (0 is reserved for "no word").
    pub tag: u64,
}

#[derive(Clone)]
pub(crate) struct State {
    n: usize,
    stack: Vec<usize>,
    /// Next buffer word; `n + 1` when the buffer is empty.
    next: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
    left_children: Vec<[usize; 2]>,
    right_children: Vec<[usize; 2]>,
    left_valency: Vec<u8>,
    right_valency: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
    in_stack: Vec<bool>,
    root_child: usize,
}

impl State {
    pub fn new(n: usize) -> State {
        let mut in_stack = vec![false; n + 1];
        in_stack[0] = true;
        State {
            n,
            stack: vec![0],
            next: 1,
            heads: vec![NONE; n + 1],
            labels: vec![NONE; n + 1],
            left_children: vec![[NONE; 2]; n + 1],
            right_children: vec![[NONE; 2]; n + 1],
            left_valency: vec![0; n + 1],
            right_valency: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
            in_stack,
            root_child: NONE,
        }
    }

    /// Becomes a copy of `other`, reusing its own allocations (beam search copies a
    /// state for each move it keeps).
    fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.next = other.next;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.left_children.clone_from(&other.left_children);
        self.right_children.clone_from(&other.right_children);
        self.left_valency.clone_from(&other.left_valency);
        self.right_valency.clone_from(&other.right_valency);
        self.left_labels.clone_from(&other.left_labels);
        self.right_labels.clone_from(&other.right_labels);
        self.in_stack.clone_from(&other.in_stack);
        self.root_child = other.root_child;
    }

    pub fn is_terminal(&self) -> bool {
        self.next > self.n
    }

    fn s0(&self) -> usize {
        *self.stack.last().expect("stack holds the root")
    }

    /// Whether move `m` is allowed now.
    fn valid(&self, m: usize, root_label: usize) -> bool {
        let s0 = self.s0();
        let has_buffer = self.next <= self.n;
        match m {
            SHIFT => has_buffer,
            REDUCE => s0 != 0 && self.heads[s0] != NONE,
            _ => {
                let label = (m - 2) / 2;
                let is_left = m.is_multiple_of(2);
                if !has_buffer {
                    return false;
                }
                if is_left {
                    s0 != 0 && self.heads[s0] == NONE && label != root_label
                } else if s0 == 0 {
                    label == root_label && self.root_child == NONE
                } else {
                    label != root_label
                }
            }
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            let lc = &mut self.left_children[head];
            if lc[0] == NONE || dep < lc[0] {
                lc[1] = lc[0];
                lc[0] = dep;
            } else if lc[1] == NONE || dep < lc[1] {
                lc[1] = dep;
            }
            self.left_valency[head] = self.left_valency[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            let rc = &mut self.right_children[head];
            if rc[0] == NONE || dep > rc[0] {
                rc[1] = rc[0];
                rc[0] = dep;
            } else if rc[1] == NONE || dep > rc[1] {
                rc[1] = dep;
            }
            self.right_valency[head] = self.right_valency[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
        if head == 0 {
            self.root_child = dep;
        }
    }

    fn apply(&mut self, m: usize) {
        let s0 = self.s0();
        let b = self.next;
        match m {
            SHIFT => {
                self.stack.push(b);
                self.in_stack[b] = true;
                self.next += 1;
            }
            REDUCE => {
                self.stack.pop();
                self.in_stack[s0] = false;
            }
            _ => {
                let label = (m - 2) / 2;
                if m.is_multiple_of(2) {
                    self.add_arc(b, s0, label);
                    self.stack.pop();
                    self.in_stack[s0] = false;
                } else {
                    self.add_arc(s0, b, label);
                    self.stack.push(b);
                    self.in_stack[b] = true;
                    self.next += 1;
                }
            }
        }
    }

    /// Cost of move `m`: gold arcs it makes unreachable (Goldberg & Nivre 2012).
    fn cost(&self, m: usize, gold_heads: &[usize], gold_labels: &[usize]) -> usize {
        let s0 = self.s0();
        let b = self.next;
        let buffer = b..=self.n;
        match m {
            SHIFT => self
                .stack
                .iter()
                .filter(|&&k| {
                    (gold_heads[b] == k && (k != 0 || self.root_child == NONE))
                        || (k != 0 && gold_heads[k] == b && self.heads[k] == NONE)
                })
                .count(),
            REDUCE => buffer.filter(|&k| gold_heads[k] == s0).count(),
            _ => {
                let label = (m - 2) / 2;
                if m.is_multiple_of(2) {
                    let mut cost = buffer.filter(|&k| gold_heads[k] == s0).count();
                    let h = gold_heads[s0];
                    if h == b {
                        cost += usize::from(gold_labels[s0] != label);
                    } else if h > b && h <= self.n {
                        cost += 1;
                    }
                    cost
                } else {
                    let h = gold_heads[b];
                    let mut cost = 0;
                    if h == s0 {
                        cost += usize::from(gold_labels[b] != label);
                    } else if (self.in_stack[h] && (h != 0 || self.root_child == NONE)) || h > b {
                        cost += 1;
                    }
                    cost += self
                        .stack
                        .iter()
                        .filter(|&&k| k != 0 && gold_heads[k] == b && self.heads[k] == NONE)
                        .count();
                    cost
                }
            }
        }
    }

    /// Attaches words left without a head: the first becomes the root's dependent if
    /// it has none; the rest attach to that word.
    pub fn finish(&mut self, root_label: usize, fallback_label: usize) {
        for w in 1..=self.n {
            if self.heads[w] == NONE {
                if self.root_child == NONE {
                    self.add_arc(0, w, root_label);
                } else {
                    let head = self.root_child;
                    self.add_arc(head, w, fallback_label);
                }
            }
        }
    }
}

fn bucket(distance: usize) -> u64 {
    match distance {
        0..=4 => distance as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Rich feature set after Zhang & Nivre (2011). Template numbers are part of each
/// feature's hash, so they stay as they are: the gaps are templates left out because
/// dev scores were no worse without them (10, 11: third buffer word's form; 23; 29;
/// 37; 39: the stack top's head's form; 51-53: its grandparent and its label; 71),
/// for the greedy model and for the beam model alike (see model/README.md).
fn features(state: &State, words: &[ParserWord], out: &mut Vec<u64>) {
    out.clear();
    let w = |i: usize| -> u64 {
        match i {
            NONE => 1,
            0 => 2,
            _ => words[i - 1].info.norm,
        }
    };
    let p = |i: usize| -> u64 {
        match i {
            NONE => 1000,
            0 => 1001,
            _ => words[i - 1].tag,
        }
    };
    let l = |i: usize| -> u64 {
        if i == NONE || state.labels[i] == NONE {
            500
        } else {
            state.labels[i] as u64
        }
    };
    let n = state.n;
    let s0 = state.s0();
    let s1 = if state.stack.len() > 1 {
        state.stack[state.stack.len() - 2]
    } else {
        NONE
    };
    let n0 = if state.next <= n { state.next } else { NONE };
    let n1 = if state.next < n { state.next + 1 } else { NONE };
    let n2 = if state.next + 1 < n {
        state.next + 2
    } else {
        NONE
    };
    let get = |i: usize, f: &dyn Fn(usize) -> usize| if i == NONE { NONE } else { f(i) };
    let s0h = get(s0, &|i| if i == 0 { NONE } else { state.heads[i] });
    let s0h2 = get(s0h, &|i| if i == 0 { NONE } else { state.heads[i] });
    let s0l = get(s0, &|i| state.left_children[i][0]);
    let s0l2 = get(s0, &|i| state.left_children[i][1]);
    let s0r = get(s0, &|i| state.right_children[i][0]);
    let s0r2 = get(s0, &|i| state.right_children[i][1]);
    let n0l = get(n0, &|i| state.left_children[i][0]);
    let n0l2 = get(n0, &|i| state.left_children[i][1]);
    let distance = if n0 == NONE { 0 } else { bucket(n0 - s0) };
    let (s0vl, s0vr) = (
        u64::from(state.left_valency[s0]),
        u64::from(state.right_valency[s0]),
    );
    let n0vl = if n0 == NONE {
        0
    } else {
        u64::from(state.left_valency[n0])
    };
    let (s0sl, s0sr) = (state.left_labels[s0], state.right_labels[s0]);
    let n0sl = if n0 == NONE { 0 } else { state.left_labels[n0] };
    let (s0w, s0p, n0w, n0p) = (w(s0), p(s0), w(n0), p(n0));
    let (n1w, n1p, n2p) = (w(n1), p(n1), p(n2));
    out.extend_from_slice(&[
        feat(0, 0, 0, 0),
        // Single words.
        feat(1, s0w, s0p, 0),
        feat(2, s0w, 0, 0),
        feat(3, s0p, 0, 0),
        feat(4, n0w, n0p, 0),
        feat(5, n0w, 0, 0),
        feat(6, n0p, 0, 0),
        feat(7, n1w, n1p, 0),
        feat(8, n1w, 0, 0),
        feat(9, n1p, 0, 0),
        feat(12, n2p, 0, 0),
        // Pairs.
        feat(13, s0w ^ s0p.rotate_left(32), n0w, n0p),
        feat(14, s0w, s0p, n0w),
        feat(15, s0w, n0w, n0p),
        feat(16, s0w, s0p, n0p),
        feat(17, s0p, n0w, n0p),
        feat(18, s0w, n0w, 0),
        feat(19, s0p, n0p, 0),
        feat(20, n0p, n1p, 0),
        // Tag trigrams.
        feat(21, n0p, n1p, n2p),
        feat(22, s0p, n0p, n1p),
        feat(24, s0p, p(s0l), n0p),
        feat(25, s0p, p(s0r), n0p),
        feat(26, s0p, n0p, p(n0l)),
        // Distance.
        feat(27, s0w, distance, 0),
        feat(28, s0p, distance, 0),
        feat(30, n0p, distance, 0),
        feat(31, s0w, n0w, distance),
        feat(32, s0p, n0p, distance),
        // Valency.
        feat(33, s0w, s0vr, 0),
        feat(34, s0p, s0vr, 0),
        feat(35, s0w, s0vl, 0),
        feat(36, s0p, s0vl, 0),
        feat(38, n0p, n0vl, 0),
        // Heads and children.
        feat(40, p(s0h), 0, 0),
        feat(41, l(s0), 0, 0),
        feat(42, w(s0l), 0, 0),
        feat(43, p(s0l), 0, 0),
        feat(44, l(s0l), 0, 0),
        feat(45, w(s0r), 0, 0),
        feat(46, p(s0r), 0, 0),
        feat(47, l(s0r), 0, 0),
        feat(48, w(n0l), 0, 0),
        feat(49, p(n0l), 0, 0),
        feat(50, l(n0l), 0, 0),
        // Second order.
        feat(54, w(s0l2), 0, 0),
        feat(55, p(s0l2), 0, 0),
        feat(56, l(s0l2), 0, 0),
        feat(57, w(s0r2), 0, 0),
        feat(58, p(s0r2), 0, 0),
        feat(59, l(s0r2), 0, 0),
        feat(60, w(n0l2), 0, 0),
        feat(61, p(n0l2), 0, 0),
        feat(62, l(n0l2), 0, 0),
        feat(63, s0p, p(s0l), p(s0l2)),
        feat(64, s0p, p(s0r), p(s0r2)),
        feat(65, s0p, p(s0h), p(s0h2)),
        feat(66, n0p, p(n0l), p(n0l2)),
        // Label sets.
        feat(67, s0w, s0sr, 0),
        feat(68, s0p, s0sr, 0),
        feat(69, s0w, s0sl, 0),
        feat(70, s0p, s0sl, 0),
        feat(72, n0p, n0sl, 0),
        // Second stack word.
        feat(73, w(s1), p(s1), 0),
        feat(74, p(s1), s0p, n0p),
        feat(75, p(s1), s0p, 0),
        feat(76, u64::from(state.root_child == NONE), s0p, n0p),
    ]);
}

/// The widest beam [`ArcEager::parse_beam`] searches: wider beams are clamped to
/// it, so that work per sentence stays bounded (at most this many states for each
/// of the 2n transitions).
pub(crate) const MAX_BEAM_WIDTH: usize = 64;

/// The trained transition classifiers.
pub(crate) struct ArcEager {
    /// Locally trained weights (dynamic oracle) for greedy decoding.
    pub greedy: Weights,
    /// Globally trained weights (beam search with max-violation updates) for beam
    /// decoding.
    pub beam: Weights,
    /// Dependency labels; `root_label` indexes "root".
    pub labels: Vec<String>,
    pub root_label: usize,
    pub fallback_label: usize,
}

fn argmax_valid<T: PartialOrd + Copy>(scores: &[T], state: &State, root_label: usize) -> usize {
    let mut best = NONE;
    for (m, &s) in scores.iter().enumerate() {
        if (best == NONE || s > scores[best]) && state.valid(m, root_label) {
            best = m;
        }
    }
    best
}

/// Appends to `candidates` the (at most `width`) best valid moves of the beam
/// item `item`, whose total is `total` and whose move scores are `scores`.
fn push_best_moves<T: Copy + PartialOrd + std::ops::Add<Output = T>>(
    candidates: &mut Vec<(T, usize, usize)>,
    state: &State,
    root_label: usize,
    item: usize,
    total: T,
    scores: &[T],
    width: usize,
) {
    let start = candidates.len();
    for (m, &score) in scores.iter().enumerate() {
        if state.valid(m, root_label) {
            candidates.push((total + score, item, m));
        }
    }
    if candidates.len() - start > width {
        candidates[start..].select_nth_unstable_by(width - 1, by_rank);
        candidates.truncate(start + width);
    }
}

/// Beam order: higher total first; ties go to the earlier item, then the lower
/// move, as in greedy decoding (a beam of one follows the greedy parser).
fn by_rank<T: PartialOrd>(a: &(T, usize, usize), b: &(T, usize, usize)) -> std::cmp::Ordering {
    b.0.partial_cmp(&a.0)
        .unwrap_or(std::cmp::Ordering::Equal)
        .then(a.1.cmp(&b.1))
        .then(a.2.cmp(&b.2))
}

impl ArcEager {
    pub fn n_moves(n_labels: usize) -> usize {
        2 + 2 * n_labels
    }

    /// Greedy decoding: heads (0 = root, else 1-based) and label indices of words
    /// 1..=n.
    pub fn parse(&self, words: &[ParserWord]) -> (Vec<usize>, Vec<usize>) {
        let mut state = State::new(words.len());
        let mut buffer = Vec::with_capacity(80);
        let mut scores = vec![0i32; Self::n_moves(self.labels.len())];
        while !state.is_terminal() {
            features(&state, words, &mut buffer);
            scores.iter_mut().for_each(|s| *s = 0);
            self.greedy.score(&buffer, &mut scores);
            let m = argmax_valid(&scores, &state, self.root_label);
            state.apply(m);
        }
        state.finish(self.root_label, self.fallback_label);
        (state.heads, state.labels)
    }

    /// Beam decoding with the beam model, `width` (clamped to
    /// 1..=[`MAX_BEAM_WIDTH`]) states kept after each transition: like
    /// [`ArcEager::parse`], and about `width` times the work.
    pub fn parse_beam(&self, words: &[ParserWord], width: usize) -> (Vec<usize>, Vec<usize>) {
        self.search(&self.beam, words, width)
    }

    /// Beam search with the given weights. Finished states stay in the beam with
    /// their score until every state has finished; the best one wins.
    pub fn search(
        &self,
        weights: &Weights,
        words: &[ParserWord],
        width: usize,
    ) -> (Vec<usize>, Vec<usize>) {
        let width = width.clamp(1, MAX_BEAM_WIDTH);
        let n_moves = Self::n_moves(self.labels.len());
        let mut beam = vec![State::new(words.len())];
        let mut totals = vec![0i64];
        let mut next_totals = Vec::with_capacity(width);
        let mut next: Vec<State> = Vec::with_capacity(width);
        let mut one = Vec::with_capacity(96);
        let mut all = Vec::with_capacity(96 * width);
        let mut scores = vec![0i32; n_moves * width];
        let mut moves = vec![0i64; n_moves];
        let mut candidates: Vec<(i64, usize, usize)> = Vec::with_capacity(width * width);
        while !beam.iter().all(State::is_terminal) {
            // Score every unfinished state in one batch of lookups.
            all.clear();
            let mut live = 0;
            for state in beam.iter().filter(|s| !s.is_terminal()) {
                features(state, words, &mut one);
                all.extend_from_slice(&one);
                live += 1;
            }
            scores[..live * n_moves].iter_mut().for_each(|s| *s = 0);
            weights.score_groups(&all, one.len(), &mut scores, n_moves);
            candidates.clear();
            let mut group = 0;
            for (i, state) in beam.iter().enumerate() {
                if state.is_terminal() {
                    candidates.push((totals[i], i, NONE));
                    continue;
                }
                let row = &scores[group * n_moves..(group + 1) * n_moves];
                for (m, &s) in moves.iter_mut().zip(row) {
                    *m = i64::from(s);
                }
                group += 1;
                push_best_moves(
                    &mut candidates,
                    state,
                    self.root_label,
                    i,
                    totals[i],
                    &moves,
                    width,
                );
            }
            candidates.sort_unstable_by(by_rank);
            candidates.truncate(width);
            // Build the new beam in `next`, reusing the states of two steps ago.
            next.truncate(candidates.len());
            next_totals.clear();
            for (j, &(total, i, m)) in candidates.iter().enumerate() {
                if j < next.len() {
                    next[j].copy_from(&beam[i]);
                } else {
                    next.push(beam[i].clone());
                }
                if m != NONE {
                    next[j].apply(m);
                }
                next_totals.push(total);
            }
            std::mem::swap(&mut beam, &mut next);
            std::mem::swap(&mut totals, &mut next_totals);
        }
        let mut state = beam.swap_remove(0);
        state.finish(self.root_label, self.fallback_label);
        (state.heads, state.labels)
    }
}

/// A training sentence: words, gold heads (index 0 unused) and gold labels.
pub(crate) struct GoldTree {
    pub words: Vec<ParserWord>,
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
}

/// True when no two arcs cross (the arc-eager system can only build those).
pub(crate) fn is_projective(heads: &[usize]) -> bool {
    let n = heads.len();
    for d in 1..n {
        let (a, b) = (d.min(heads[d]), d.max(heads[d]));
        if heads[a + 1..b].iter().any(|&h| h < a || h > b) {
            return false;
        }
    }
    true
}

/// Whether word `k` lies under `head` (its chain of heads reaches it).
fn dominated_by(heads: &[usize], head: usize, mut k: usize) -> bool {
    // A chain longer than the sentence is a cycle: the tree is malformed.
    for _ in 0..heads.len() {
        if k == head {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads[k];
    }
    false
}

/// Makes a tree projective by lifting non-projective arcs, shortest first, to the
/// head's head (Nivre & Nilsson 2005, without label decoration), so that the few
/// non-projective training sentences still teach the parser their other arcs. The
/// root's one dependent dominates every word, so no arc is ever lifted to the root.
/// Returns false (leaving `heads` as lifted so far) for malformed trees.
pub(crate) fn projectivize(heads: &mut [usize]) -> bool {
    loop {
        let mut shortest: Option<(usize, usize)> = None;
        for d in 1..heads.len() {
            let h = heads[d];
            if h >= heads.len() {
                return false;
            }
            let (a, b) = (d.min(h), d.max(h));
            let span = b - a;
            if shortest.is_some_and(|(s, _)| s <= span) {
                continue;
            }
            if (a + 1..b).any(|k| !dominated_by(heads, h, k)) {
                shortest = Some((span, d));
            }
        }
        match shortest {
            None => return true,
            Some((_, d)) => {
                let h = heads[d];
                if h == 0 || heads[h] == 0 {
                    return false;
                }
                heads[d] = heads[h];
            }
        }
    }
}

/// Small deterministic generator for exploration decisions.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

/// One training pass with the dynamic oracle; after the first epoch the parser
/// follows its own (possibly wrong) moves 90% of the time.
pub(crate) fn train_epoch(
    trainer: &mut Trainer,
    n_labels: usize,
    root_label: usize,
    trees: &[GoldTree],
    order: &[usize],
    explore: bool,
    rng: &mut Rng,
) {
    let n_moves = ArcEager::n_moves(n_labels);
    let mut buffer = Vec::with_capacity(80);
    let mut scores = vec![0.0f32; n_moves];
    for &k in order {
        let tree = &trees[k];
        let mut state = State::new(tree.words.len());
        while !state.is_terminal() {
            features(&state, &tree.words, &mut buffer);
            scores.iter_mut().for_each(|s| *s = 0.0);
            trainer.score(&buffer, &mut scores);
            let guess = argmax_valid(&scores, &state, root_label);
            let costs: Vec<usize> = (0..n_moves)
                .map(|m| {
                    if state.valid(m, root_label) {
                        state.cost(m, &tree.heads, &tree.labels)
                    } else {
                        NONE
                    }
                })
                .collect();
            let min_cost = *costs.iter().min().expect("moves exist");
            let mut best_gold = NONE;
            for m in 0..n_moves {
                if costs[m] == min_cost && (best_gold == NONE || scores[m] > scores[best_gold]) {
                    best_gold = m;
                }
            }
            trainer.tick();
            let next = if costs[guess] == min_cost {
                guess
            } else {
                trainer.update(&buffer, best_gold, guess);
                if explore && rng.chance(0.9) {
                    guess
                } else {
                    best_gold
                }
            };
            state.apply(next);
        }
    }
}

/// The static oracle's move: an arc to the stack top or from it with the gold
/// label, else REDUCE, else SHIFT, whichever first loses no gold arc (for a
/// projective tree one always does; otherwise the cheapest).
fn oracle_move(state: &State, tree: &GoldTree, root_label: usize) -> usize {
    let s0 = state.s0();
    let b = state.next;
    let mut best = (NONE, NONE);
    let left = (s0 != 0 && b <= state.n).then(|| 2 + 2 * tree.labels[s0]);
    let right = (b <= state.n).then(|| 3 + 2 * tree.labels[b]);
    for m in [left, right, Some(REDUCE), Some(SHIFT)]
        .into_iter()
        .flatten()
    {
        if state.valid(m, root_label) {
            let cost = state.cost(m, &tree.heads, &tree.labels);
            if cost == 0 {
                return m;
            }
            if cost < best.1 {
                best = (m, cost);
            }
        }
    }
    best.0
}

/// A beam item during training.
struct TrainItem {
    state: State,
    total: f32,
    /// Its last move in the history arena (`NONE` before the first move).
    node: usize,
    /// Whether its moves so far are the oracle's.
    gold: bool,
}

/// A move in the history of the training beam: the move before it, the move made
/// and where its features start in the feature arena.
struct HistoryNode {
    parent: usize,
    m: usize,
    features: usize,
}

/// One pass of global training: beam search of width `width` over each sentence
/// with the current weights, then one max-violation update (Huang, Fayong & Guo
/// 2012): at the step where the best item outscores the oracle's sequence by the
/// most, the oracle's moves up to it are rewarded and the best item's penalised.
/// Returns the number of sentences updated.
pub(crate) fn train_epoch_beam(
    trainer: &mut Trainer,
    n_labels: usize,
    root_label: usize,
    trees: &[GoldTree],
    order: &[usize],
    width: usize,
) -> usize {
    let width = width.clamp(1, MAX_BEAM_WIDTH);
    let n_moves = ArcEager::n_moves(n_labels);
    let mut scores = vec![0.0f32; n_moves];
    let mut one = Vec::with_capacity(96);
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    let mut updated = 0;
    for &k in order {
        let tree = &trees[k];
        // The oracle's sequence, its features and its running score.
        let mut state = State::new(tree.words.len());
        let mut gold_moves = Vec::new();
        let mut gold_features = Vec::new();
        let mut gold_totals = vec![0.0f32];
        while !state.is_terminal() {
            features(&state, &tree.words, &mut one);
            let m = oracle_move(&state, tree, root_label);
            scores.iter_mut().for_each(|s| *s = 0.0);
            trainer.score(&one, &mut scores);
            gold_totals.push(gold_totals[gold_totals.len() - 1] + scores[m]);
            gold_features.extend_from_slice(&one);
            gold_moves.push(m);
            state.apply(m);
        }
        let group = one.len();
        // The beam, with every move's features kept for the update.
        let mut history: Vec<HistoryNode> = Vec::new();
        let mut arena: Vec<u64> = Vec::new();
        let mut beam = vec![TrainItem {
            state: State::new(tree.words.len()),
            total: 0.0,
            node: NONE,
            gold: true,
        }];
        // (violation, step, node of the best item) of the largest violation.
        let mut worst: Option<(f32, usize, usize)> = None;
        let mut step = 0;
        while !beam.iter().all(|item| item.state.is_terminal()) {
            candidates.clear();
            let mut starts = Vec::with_capacity(beam.len());
            for (i, item) in beam.iter().enumerate() {
                if item.state.is_terminal() {
                    candidates.push((item.total, i, NONE));
                    starts.push(NONE);
                    continue;
                }
                features(&item.state, &tree.words, &mut one);
                scores.iter_mut().for_each(|s| *s = 0.0);
                trainer.score(&one, &mut scores);
                starts.push(arena.len());
                arena.extend_from_slice(&one);
                push_best_moves(
                    &mut candidates,
                    &item.state,
                    root_label,
                    i,
                    item.total,
                    &scores,
                    width,
                );
            }
            candidates.sort_unstable_by(by_rank);
            candidates.truncate(width);
            let next: Vec<TrainItem> = candidates
                .iter()
                .map(|&(total, i, m)| {
                    let parent = &beam[i];
                    if m == NONE {
                        return TrainItem {
                            state: parent.state.clone(),
                            total,
                            node: parent.node,
                            gold: parent.gold,
                        };
                    }
                    let mut state = parent.state.clone();
                    state.apply(m);
                    history.push(HistoryNode {
                        parent: parent.node,
                        m,
                        features: starts[i],
                    });
                    TrainItem {
                        state,
                        total,
                        node: history.len() - 1,
                        gold: parent.gold && gold_moves.get(step) == Some(&m),
                    }
                })
                .collect();
            beam = next;
            step += 1;
            if !beam[0].gold {
                let violation = beam[0].total - gold_totals[step.min(gold_moves.len())];
                if worst.is_none_or(|w| violation > w.0) {
                    worst = Some((violation, step, beam[0].node));
                }
            }
        }
        trainer.tick();
        let Some((_, step, node)) = worst else {
            continue;
        };
        updated += 1;
        // The best item's moves, first to last; the prefix it shares with the
        // oracle's sequence has the same features and would cancel out.
        let mut path = Vec::new();
        let mut at = node;
        while at != NONE {
            path.push(at);
            at = history[at].parent;
        }
        path.reverse();
        let shared = path
            .iter()
            .zip(&gold_moves)
            .take_while(|(&p, &m)| history[p].m == m)
            .count();
        for (t, &m) in gold_moves.iter().enumerate().take(step).skip(shared) {
            trainer.add(&gold_features[t * group..(t + 1) * group], m, 1.0);
        }
        for &p in &path[shared..] {
            let start = history[p].features;
            trainer.add(&arena[start..start + group], history[p].m, -1.0);
        }
    }
    updated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivity() {
        // heads[0] unused.
        assert!(is_projective(&[0, 2, 0, 2]));
        assert!(!is_projective(&[0, 3, 4, 0, 3]));
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 3 -> 1 passes over 3's own head 2: 1 goes up to 2, and then so must 1's
        // dependent 4, whose arc passes over 2 and 3.
        let mut heads = vec![NONE, 3, 0, 2, 1];
        assert!(!is_projective(&heads));
        assert!(projectivize(&mut heads));
        assert!(is_projective(&heads));
        assert_eq!(heads, vec![NONE, 2, 0, 2, 2]);
        // Projective trees are left alone.
        let mut tree = vec![NONE, 2, 0, 2, 2];
        assert!(projectivize(&mut tree));
        assert_eq!(tree, vec![NONE, 2, 0, 2, 2]);
    }

    /// A toy treebank: "Russia supplies rifles ." and "the Taliban deny aid ."
    /// (tags: 1 PROPN, 2 VERB, 3 NOUN, 4 PUNCT, 5 DET; labels: 0 root, 1 nsubj,
    /// 2 obj, 3 punct, 4 det).
    fn toy_trees() -> Vec<GoldTree> {
        let tree = |words: &[(&str, u64)], heads: &[usize], labels: &[usize]| GoldTree {
            words: words
                .iter()
                .map(|&(form, tag)| ParserWord {
                    info: crate::tagger::word_info(form),
                    tag,
                })
                .collect(),
            heads: [NONE].iter().chain(heads).copied().collect(),
            labels: [NONE].iter().chain(labels).copied().collect(),
        };
        vec![
            tree(
                &[("Russia", 1), ("supplies", 2), ("rifles", 3), (".", 4)],
                &[2, 0, 2, 2],
                &[1, 0, 2, 3],
            ),
            tree(
                &[
                    ("the", 5),
                    ("Taliban", 1),
                    ("deny", 2),
                    ("aid", 3),
                    (".", 4),
                ],
                &[2, 3, 0, 3, 3],
                &[4, 1, 0, 2, 3],
            ),
        ]
    }

    #[test]
    fn oracle_moves_rebuild_the_gold_tree() {
        for tree in toy_trees() {
            let mut state = State::new(tree.words.len());
            while !state.is_terminal() {
                state.apply(oracle_move(&state, &tree, 0));
            }
            assert_eq!(state.heads[1..], tree.heads[1..]);
            assert_eq!(state.labels[1..], tree.labels[1..]);
        }
    }

    #[test]
    fn beam_training_learns_a_toy_treebank() {
        let trees = toy_trees();
        let mut trainer = Trainer::default();
        let mut updated = Vec::new();
        for _ in 0..10 {
            updated.push(train_epoch_beam(&mut trainer, 5, 0, &trees, &[0, 1], 4));
        }
        assert!(updated[0] > 0, "the untrained model is wrong");
        assert_eq!(updated[9], 0, "the trained model parses both sentences");
        let parser = ArcEager {
            greedy: Weights::untrained(),
            beam: trainer.averaged(0.0),
            labels: ["root", "nsubj", "obj", "punct", "det"]
                .map(String::from)
                .to_vec(),
            root_label: 0,
            fallback_label: 3,
        };
        for tree in &trees {
            for width in [1, 4, 8] {
                let (heads, labels) = parser.parse_beam(&tree.words, width);
                assert_eq!(heads[1..], tree.heads[1..], "beam {width}");
                assert_eq!(labels[1..], tree.labels[1..], "beam {width}");
            }
        }
    }

    #[test]
    fn static_run_of_oracle_rebuilds_gold_tree() {
        // "Russia supplies rifles ." : supplies is root.
        let gold_heads = vec![NONE, 2, 0, 2, 2];
        let gold_labels = vec![NONE, 1, 0, 2, 3];
        let mut state = State::new(4);
        while !state.is_terminal() {
            let m = (0..ArcEager::n_moves(4))
                .find(|&m| state.valid(m, 0) && state.cost(m, &gold_heads, &gold_labels) == 0)
                .expect("a zero-cost move exists");
            state.apply(m);
        }
        state.finish(0, 3);
        assert_eq!(&state.heads[1..], &gold_heads[1..]);
        assert_eq!(&state.labels[1..], &gold_labels[1..]);
    }
}
