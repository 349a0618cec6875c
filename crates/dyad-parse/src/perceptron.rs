//! Sparse multiclass averaged perceptron over hashed features.
//!
//! Features are 64-bit hashes of (template, values); each feature keeps weights only
//! for the classes it was ever updated for, which keeps the model small and scoring
//! fast with many classes (the parser has two per dependency label).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::paged::Paged;

/// Keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type FastMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// Hash of a string (FNV-1a, then mixed); stable across platforms and runs.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// Feature hash of a template id and up to three values.
pub(crate) fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = mix(template.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a);
    h = mix(h ^ b.wrapping_mul(0xd6e8_feb8_6659_fd93));
    mix(h ^ c.wrapping_mul(0xa076_1d64_78bd_642f))
}

/// The signed weight of a packed `weight << 16 | class` entry.
fn weight(packed: u32) -> i32 {
    i32::from((packed >> 16) as u16 as i16)
}

/// Slots per bucket of the feature table: one 64-byte cache line.
const BUCKET: usize = 8;

/// Eight slots on one cache line (the table starts on a page boundary), so that a
/// feature is found (or known to be absent) with one memory access whatever its
/// place in the bucket.
type Bucket = [u64; BUCKET];

/// Trained weights, read-only, laid out for few cache misses: an open-addressing
/// table of 8-byte slots (a 32-bit fingerprint of the feature and where its row is)
/// in cache-line buckets, and one pool of sparse rows `[len, weight << 16 | class,
/// ...]`, weights quantised to 16 bits with one scale. Features are found by the low
/// bits of their hash (which bucket; when a bucket is full, the next one) and told
/// apart by the high 32 bits; a false match needs two 64-bit hashes to agree on both.
/// The table is at most three quarters full.
///
/// Rows with many classes (features of tags, labels and distances: a few thousand
/// rows, but most of the weights added per decision) are also expanded at load time
/// into dense rows indexed by class, which are summed with vector instructions
/// instead of one scattered add per class. The slot of such a feature points at its
/// dense row; the sparse original stays in the pool for saving.
pub(crate) struct Weights {
    buckets: Paged<Bucket>,
    pool: Paged<u32>,
    /// Dense rows, `width` weights each (16 bits, like the pool: half the cache
    /// footprint of 32-bit weights).
    dense: Paged<i16>,
    /// Pool offset of each dense row's sparse original.
    dense_origin: Vec<u32>,
    /// Classes that have any weight: 1 + the largest class.
    width: usize,
    scale: f32,
    features: usize,
}

/// Flag in a slot's low 32 bits: the rest is a dense row index, not a pool offset.
const DENSE: u64 = 1 << 31;

/// Rows with at least this many weights are expanded: below it, scattered adds of the
/// few weights are cheaper than a vector add over every class.
const DENSE_MIN_LEN: usize = 16;

fn fingerprint(f: u64) -> u64 {
    (f >> 32).max(1)
}

/// Weights being laid out, before [`Layout::freeze`] copies them to where they are
/// read from.
struct Layout {
    buckets: Vec<Bucket>,
    pool: Vec<u32>,
    features: usize,
}

impl Layout {
    /// A table of at least `size` slots (a power of two).
    fn empty(size: usize) -> Layout {
        Layout {
            buckets: vec![[0; BUCKET]; size.next_power_of_two().max(16) / BUCKET],
            pool: Vec::new(),
            features: 0,
        }
    }

    fn slot(&self, i: usize) -> u64 {
        self.buckets[i / BUCKET][i % BUCKET]
    }

    fn set_slot(&mut self, i: usize, value: u64) {
        self.buckets[i / BUCKET][i % BUCKET] = value;
    }

    fn slot_count(&self) -> usize {
        self.buckets.len() * BUCKET
    }

    /// Puts a feature's sparse row in the pool and points slot `i` at it.
    fn add_row(&mut self, i: usize, fingerprint: u64, row: &[u32]) {
        self.set_slot(i, fingerprint << 32 | self.pool.len() as u64);
        self.pool.push(row.len() as u32);
        self.pool.extend_from_slice(row);
        self.features += 1;
    }

    /// Expands every long sparse row into a dense row (see [`Weights`]) and moves
    /// the tables to their final place.
    fn freeze(mut self, scale: f32) -> Weights {
        let mut sparse_rows = Vec::new();
        for i in 0..self.slot_count() {
            let slot = self.slot(i);
            if slot != 0 {
                let at = (slot & 0xffff_ffff) as usize;
                sparse_rows.push((i, at, self.pool[at] as usize));
            }
        }
        let width = sparse_rows
            .iter()
            .flat_map(|&(_, at, len)| self.pool[at + 1..at + 1 + len].iter())
            .map(|&packed| (packed & 0xffff) as usize + 1)
            .max()
            .unwrap_or(0);
        let mut dense = Vec::new();
        let mut dense_origin = Vec::new();
        let mut row = Vec::with_capacity(width);
        for (i, at, len) in sparse_rows {
            if len < DENSE_MIN_LEN {
                continue;
            }
            row.clear();
            row.resize(width, 0);
            for &packed in &self.pool[at + 1..at + 1 + len] {
                row[(packed & 0xffff) as usize] += weight(packed);
            }
            // A class repeated within a row could sum beyond 16 bits: keep it sparse.
            let Ok(narrow) = row
                .iter()
                .map(|&w| i16::try_from(w))
                .collect::<Result<Vec<_>, _>>()
            else {
                continue;
            };
            let index = dense_origin.len() as u64;
            dense_origin.push(at as u32);
            dense.extend_from_slice(&narrow);
            let slot = self.slot(i);
            self.set_slot(i, slot >> 32 << 32 | DENSE | index);
        }
        Weights {
            buckets: Paged::new(self.buckets),
            pool: Paged::new(self.pool),
            dense: Paged::new(dense),
            dense_origin,
            width,
            scale,
            features: self.features,
        }
    }
}

/// The index of feature `f`'s slot and `true`, or of the empty slot it would go to
/// and `false`. The table is never full, so an empty slot exists.
fn probe(buckets: &[Bucket], f: u64) -> (usize, bool) {
    let fp = fingerprint(f);
    let mask = buckets.len() - 1;
    let mut b = f as usize & mask;
    loop {
        for (k, &slot) in buckets[b].iter().enumerate() {
            if slot == 0 {
                return (b * BUCKET + k, false);
            }
            if slot >> 32 == fp {
                return (b * BUCKET + k, true);
            }
        }
        b = (b + 1) & mask;
    }
}

impl Weights {
    fn slot_count(&self) -> usize {
        self.buckets.len() * BUCKET
    }

    /// The pool offset of the sparse row a slot's low 32 bits refer to.
    fn pool_offset(&self, row: u64) -> usize {
        if row & DENSE != 0 {
            self.dense_origin[(row & !DENSE) as usize] as usize
        } else {
            row as usize
        }
    }

    /// Adds each feature's class weights to `scores` (at least as long as the number
    /// of classes), in units of the quantisation step (argmax is all callers need).
    /// Integer sums are exact whatever the order of additions, so ties break the same
    /// way as in training-time evaluation.
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        self.score_groups(features, features.len().max(1), scores, self.width);
    }

    /// [`Weights::score`] for consecutive groups of `group_len` features at once:
    /// group `g` adds to `scores[g * stride..]`.
    ///
    /// Lookups are done in passes over a block of features (one read of every
    /// feature's bucket, then the probes, then one read per cache line of every row
    /// found, then the sums) so that cache misses overlap instead of queueing behind
    /// the arithmetic.
    pub fn score_groups(
        &self,
        features: &[u64],
        group_len: usize,
        scores: &mut [i32],
        stride: usize,
    ) {
        const BLOCK: usize = 128;
        const LINE: usize = 32;
        let buckets: &[Bucket] = &self.buckets;
        let (pool, dense_rows): (&[u32], &[i16]) = (&self.pool, &self.dense);
        let mask = buckets.len() - 1;
        let width = self.width;
        for (b, block) in features.chunks(BLOCK).enumerate() {
            let mut touched = 0u64;
            for &f in block {
                touched = touched.wrapping_add(buckets[f as usize & mask][0]);
            }
            std::hint::black_box(touched);
            // (row start, score start) of the rows found.
            let mut sparse = [(0u32, 0u32); BLOCK];
            let mut n_sparse = 0;
            let mut dense = [(0u32, 0u32); BLOCK];
            let mut n_dense = 0;
            for (j, &f) in block.iter().enumerate() {
                let row = match probe(buckets, f) {
                    (i, true) => Some(buckets[i / BUCKET][i % BUCKET] & 0xffff_ffff),
                    (_, false) => None,
                };
                let target = ((b * BLOCK + j) / group_len * stride) as u32;
                match row {
                    Some(row) if row & DENSE != 0 => {
                        dense[n_dense] = (((row & !DENSE) as usize * width) as u32, target);
                        n_dense += 1;
                    }
                    Some(at) => {
                        sparse[n_sparse] = (at as u32, target);
                        n_sparse += 1;
                    }
                    None => {}
                }
            }
            // Touch every cache line first so the loads are in flight together.
            let mut touched = 0i32;
            for &(start, _) in &dense[..n_dense] {
                let start = start as usize;
                for &w in dense_rows[start..start + width].iter().step_by(LINE) {
                    touched = touched.wrapping_add(i32::from(w));
                }
            }
            for &(at, _) in &sparse[..n_sparse] {
                touched = touched.wrapping_add(pool[at as usize] as i32);
            }
            std::hint::black_box(touched);
            for &(start, target) in &dense[..n_dense] {
                let (start, target) = (start as usize, target as usize);
                let row = &dense_rows[start..start + width];
                for (s, &w) in scores[target..target + width].iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
            for &(at, target) in &sparse[..n_sparse] {
                let (at, target) = (at as usize, target as usize);
                let len = pool[at] as usize;
                let scores = &mut scores[target..target + width];
                for &packed in &pool[at + 1..at + 1 + len] {
                    scores[(packed & 0xffff) as usize] += weight(packed);
                }
            }
        }
    }

    /// A table without features: every score is zero.
    pub fn untrained() -> Weights {
        Weights::from_entries(Vec::new())
    }

    pub fn feature_count(&self) -> usize {
        self.features
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }

    pub fn table_size(&self) -> usize {
        self.slot_count()
    }

    /// (slot index, fingerprint, packed row) of every feature, for saving.
    pub fn raw_rows(&self) -> impl Iterator<Item = (usize, u32, &[u32])> {
        self.buckets
            .iter()
            .flat_map(|b| *b)
            .enumerate()
            .filter(|&(_, s)| s != 0)
            .map(|(i, s)| {
                let at = self.pool_offset(s & 0xffff_ffff);
                let len = self.pool[at] as usize;
                (i, (s >> 32) as u32, &self.pool[at + 1..at + 1 + len])
            })
    }

    /// Rebuilds saved weights: rows go back to their saved slots.
    pub fn from_raw(
        table_size: usize,
        scale: f32,
        rows: Vec<(usize, u32, Vec<u32>)>,
    ) -> Option<Weights> {
        // A full table would leave lookups of absent features without an end.
        if !table_size.is_power_of_two() || table_size < 16 || rows.len() >= table_size {
            return None;
        }
        let mut layout = Layout::empty(table_size);
        for (slot, fp, row) in rows {
            if fp == 0 || slot >= layout.slot_count() || layout.slot(slot) != 0 {
                return None;
            }
            layout.add_row(slot, u64::from(fp), &row);
        }
        // Offsets with the dense flag's bit set cannot be told apart from dense rows.
        if layout.pool.len() as u64 >= DENSE {
            return None;
        }
        Some(layout.freeze(scale))
    }

    /// Quantises real-valued rows; weights that round to zero are dropped.
    pub fn from_entries(entries: Vec<(u64, Vec<(u16, f32)>)>) -> Weights {
        let max = entries
            .iter()
            .flat_map(|(_, row)| row.iter().map(|(_, v)| v.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let rows: Vec<(u64, Vec<u32>)> = entries
            .into_iter()
            .map(|(f, row)| {
                let packed = row
                    .into_iter()
                    .filter_map(|(c, v)| {
                        let q = (v / scale).round().clamp(-32767.0, 32767.0) as i16;
                        (q != 0).then_some(u32::from(c) | u32::from(q as u16) << 16)
                    })
                    .collect::<Vec<u32>>();
                (f, packed)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        // At most three quarters full: a bucket overflows into the next cache line
        // now and then, but the table stays small enough to stay mostly in cache.
        let mut layout = Layout::empty(rows.len() + rows.len() / 3 + 1);
        for (f, row) in rows {
            let (i, present) = probe(&layout.buckets, f);
            if !present {
                layout.add_row(i, fingerprint(f), &row);
            }
        }
        assert!(
            (layout.pool.len() as u64) < DENSE,
            "weight pool too large to address"
        );
        layout.freeze(scale)
    }
}

struct Entry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// Averaged-perceptron trainer (lazy averaging with time stamps).
#[derive(Default)]
pub(crate) struct Trainer {
    rows: FastMap<Vec<Entry>>,
    time: u64,
}

impl Trainer {
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Marks one training instance (call once per decision).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        self.add(features, gold, 1.0);
        self.add(features, guess, -1.0);
    }

    /// Adds `delta` to the weight of `class` for each of `features` (the global
    /// update of beam training rewards and penalises whole move sequences).
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        let time = self.time;
        let class = class as u16;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            let e = match row.iter().position(|e| e.class == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Entry {
                        class,
                        weight: 0.0,
                        total: 0.0,
                        stamp: time,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            e.total += (time - e.stamp) as f64 * f64::from(e.weight);
            e.stamp = time;
            e.weight += delta;
        }
    }

    /// The averaged weights so far, dropping those that round to zero and the
    /// features none of whose weights reaches `min_row_weight`.
    pub fn averaged(&self, min_row_weight: f32) -> Weights {
        let time = self.time.max(1) as f64;
        let mut entries = Vec::with_capacity(self.rows.len());
        for (&f, row) in &self.rows {
            let kept: Vec<(u16, f32)> = row
                .iter()
                .map(|e| {
                    let total = e.total + (self.time - e.stamp) as f64 * f64::from(e.weight);
                    (e.class, (total / time) as f32)
                })
                .filter(|&(_, v)| v.abs() >= 1e-4)
                .collect();
            if kept.iter().any(|&(_, v)| v.abs() >= min_row_weight) {
                entries.push((f, kept));
            }
        }
        entries.sort_unstable_by_key(|e| e.0);
        Weights::from_entries(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        let mut t = Trainer::default();
        // Features are always hashes (the table tells them apart by their bits).
        let f = |k: u64| feat(7, k, 0, 0);
        let data = [
            (vec![f(1), f(10)], 0usize),
            (vec![f(2), f(10)], 1),
            (vec![f(3), f(10)], 2),
        ];
        for _ in 0..5 {
            for (f, gold) in &data {
                t.tick();
                let mut s = [0.0f32; 3];
                t.score(f, &mut s);
                let guess = (0..3).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap();
                t.update(f, *gold, guess);
            }
        }
        let w = t.averaged(0.0);
        for (f, gold) in &data {
            let mut s = [0i32; 3];
            w.score(f, &mut s);
            let best = (0..3).max_by_key(|&a| s[a]).unwrap();
            assert_eq!(best, *gold);
        }
    }

    #[test]
    fn features_below_the_row_minimum_are_left_out() {
        let mut t = Trainer::default();
        let (once, often) = (hash_str("once"), hash_str("often"));
        t.tick();
        t.update(&[once, often], 0, 1);
        for _ in 0..3 {
            t.tick();
            t.update(&[often], 0, 1);
        }
        assert_eq!(t.averaged(0.0).feature_count(), 2);
        let pruned = t.averaged(1.0);
        assert_eq!(pruned.feature_count(), 1);
        let mut scores = [0i32; 2];
        pruned.score(&[once], &mut scores);
        assert_eq!(scores, [0, 0]);
        pruned.score(&[often], &mut scores);
        assert!(scores[0] > 0 && scores[1] < 0);
    }

    #[test]
    fn dense_rows_score_like_their_sparse_originals() {
        let long: Vec<(u16, f32)> = (0..40).map(|c| (c, f32::from(c) - 17.5)).collect();
        let (a, b, unknown) = (hash_str("a"), hash_str("b"), hash_str("c"));
        let entries = vec![(a, long), (b, vec![(3, 2.0), (39, -1.0)])];
        let w = Weights::from_entries(entries);
        assert_eq!(w.dense_origin.len(), 1, "the 40-class row is expanded");
        let mut expected = [0i32; 40];
        for (_, _, row) in w.raw_rows() {
            for &packed in row {
                expected[(packed & 0xffff) as usize] += weight(packed);
            }
        }
        let mut scores = [0i32; 40];
        w.score(&[a, b, unknown], &mut scores);
        assert_eq!(scores, expected);
        // Saving sees the sparse rows, not the expansion.
        assert_eq!(w.raw_rows().map(|(_, _, row)| row.len()).sum::<usize>(), 42);
        // Groups add to their own stretch of scores.
        let mut grouped = [0i32; 80];
        w.score_groups(&[a, b, unknown, b, a, unknown], 3, &mut grouped, 40);
        assert_eq!(grouped[..40], expected);
        assert_eq!(grouped[40..], expected);
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash_str("abc"), hash_str("abc"));
        assert_ne!(feat(1, 2, 3, 4), feat(1, 2, 4, 3));
    }
}
