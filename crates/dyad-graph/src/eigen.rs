//! Eigenvalues of a dense real symmetric matrix: Householder reduction to tridiagonal
//! form, then bisection with Sturm counts. Eigenvalues only (no vectors), which is all
//! the walk-balance index needs; bisection is slow-ish but cannot fail to converge.

/// All eigenvalues, ascending, of the symmetric `n`×`n` row-major matrix `a`.
pub fn symmetric_eigenvalues(mut a: Vec<f64>, n: usize) -> Vec<f64> {
    assert_eq!(a.len(), n * n);
    let (diagonal, off) = tridiagonalize(&mut a, n);
    tridiagonal_eigenvalues(&diagonal, &off)
}

/// Householder reduction; returns the diagonal and the sub-diagonal.
fn tridiagonalize(a: &mut [f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut off = vec![0.0; n.saturating_sub(1)];
    let mut v = vec![0.0; n];
    let mut p = vec![0.0; n];
    for k in 0..n.saturating_sub(1) {
        let m = n - k - 1;
        let x = |i: usize, a: &[f64]| a[(k + 1 + i) * n + k];
        let norm = (0..m).map(|i| x(i, a).powi(2)).sum::<f64>().sqrt();
        if m < 2 || norm == 0.0 {
            off[k] = if m >= 1 { x(0, a) } else { 0.0 };
            continue;
        }
        // Reflect x onto alpha*e1, choosing the sign that avoids cancellation.
        let alpha = if x(0, a) > 0.0 { -norm } else { norm };
        for (i, t) in v[..m].iter_mut().enumerate() {
            *t = x(i, a);
        }
        v[0] -= alpha;
        let vnorm = v[..m].iter().map(|t| t * t).sum::<f64>().sqrt();
        off[k] = alpha;
        if vnorm == 0.0 {
            continue;
        }
        v[..m].iter_mut().for_each(|t| *t /= vnorm);
        // A22 <- H A22 H with H = I - 2vv^T, as A22 - 2(v w^T + w v^T), w = p - (v.p) v.
        for i in 0..m {
            let row = &a[(k + 1 + i) * n + k + 1..(k + 1 + i) * n + n];
            p[i] = row.iter().zip(&v[..m]).map(|(r, t)| r * t).sum();
        }
        let kappa: f64 = (0..m).map(|i| v[i] * p[i]).sum();
        for i in 0..m {
            p[i] -= kappa * v[i];
        }
        for i in 0..m {
            let (vi, wi) = (v[i], p[i]);
            let row = &mut a[(k + 1 + i) * n + k + 1..(k + 1 + i) * n + n];
            for (j, r) in row.iter_mut().enumerate() {
                *r -= 2.0 * (vi * p[j] + wi * v[j]);
            }
        }
    }
    let diagonal = (0..n).map(|i| a[i * n + i]).collect();
    (diagonal, off)
}

/// Number of eigenvalues of the tridiagonal matrix strictly below `x` (Sturm sequence).
fn count_below(d: &[f64], e: &[f64], x: f64) -> usize {
    let mut count = 0;
    let mut q = 1.0;
    for i in 0..d.len() {
        let coupling = if i == 0 { 0.0 } else { e[i - 1] * e[i - 1] };
        q = d[i] - x - coupling / q;
        if q == 0.0 {
            q = -1e-300;
        }
        if q < 0.0 {
            count += 1;
        }
    }
    count
}

fn tridiagonal_eigenvalues(d: &[f64], e: &[f64]) -> Vec<f64> {
    let n = d.len();
    // Gershgorin interval holding every eigenvalue.
    let radius = |i: usize| {
        (if i > 0 { e[i - 1].abs() } else { 0.0 }) + (if i + 1 < n { e[i].abs() } else { 0.0 })
    };
    let lo = (0..n).map(|i| d[i] - radius(i)).fold(f64::MAX, f64::min) - 1.0;
    let hi = (0..n).map(|i| d[i] + radius(i)).fold(f64::MIN, f64::max) + 1.0;
    let mut values = Vec::with_capacity(n);
    for k in 0..n {
        let (mut a, mut b) = (values.last().copied().unwrap_or(lo).max(lo), hi);
        for _ in 0..200 {
            let mid = 0.5 * (a + b);
            if b - a <= 1e-14 * (1.0 + a.abs().max(b.abs())) || mid == a || mid == b {
                break;
            }
            if count_below(d, e, mid) > k {
                b = mid;
            } else {
                a = mid;
            }
        }
        values.push(0.5 * (a + b));
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_graph_eigenvalues() {
        // Adjacency of the path on 4 nodes: 2cos(k*pi/5), k = 1..4.
        let n = 4;
        let mut a = vec![0.0; n * n];
        for i in 0..n - 1 {
            a[i * n + i + 1] = 1.0;
            a[(i + 1) * n + i] = 1.0;
        }
        let got = symmetric_eigenvalues(a, n);
        let mut want: Vec<f64> = (1..=4)
            .map(|k| 2.0 * (k as f64 * std::f64::consts::PI / 5.0).cos())
            .collect();
        want.sort_by(f64::total_cmp);
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() < 1e-10, "{got:?} vs {want:?}");
        }
    }

    #[test]
    fn dense_matrix_keeps_trace_and_frobenius_norm() {
        let n = 7;
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..=i {
                let x = ((i * 31 + j * 17) % 11) as f64 - 5.0;
                a[i * n + j] = x;
                a[j * n + i] = x;
            }
        }
        let trace: f64 = (0..n).map(|i| a[i * n + i]).sum();
        let frob: f64 = a.iter().map(|x| x * x).sum();
        let l = symmetric_eigenvalues(a, n);
        assert!((l.iter().sum::<f64>() - trace).abs() < 1e-9);
        assert!((l.iter().map(|x| x * x).sum::<f64>() - frob).abs() < 1e-8);
    }
}
