//! Identities that hold for every input, checked on random ones (proptest).

use ndarray::{Array1, Array2, Array3};
use proptest::prelude::*;
use scratchnet::{
    CROSS_ENTROPY_DELTA, Landscape, cross_entropy_error, numerical_gradient,
    numerical_gradient_wrt, softmax,
};

fn vector(max_len: usize, range: f64) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-range..range, 1..=max_len)
}

proptest! {
    /// softmax gives probabilities: each in [0, 1], summing to 1 (to rounding, 1e-12).
    #[test]
    fn softmax_sums_to_one(x in vector(12, 1000.0)) {
        let y = softmax(&Array1::from(x));
        prop_assert!(y.iter().all(|&p| (0.0..=1.0).contains(&p)));
        prop_assert!((y.sum() - 1.0).abs() < 1e-12, "sum {}", y.sum());
    }

    /// softmax(x + c) = softmax(x): only differences of scores matter (to 1e-12; adding c
    /// rounds the scores themselves).
    #[test]
    fn softmax_ignores_a_constant_shift(x in vector(12, 100.0), c in -100.0..100.0f64) {
        let x = Array1::from(x);
        let (y, z) = (softmax(&x), softmax(&x.mapv(|v| v + c)));
        for (a, b) in y.iter().zip(&z) {
            prop_assert!((a - b).abs() < 1e-12, "{y} vs {z}");
        }
    }

    /// Each row of a batch gets its own softmax: the same as the vector softmax of that row.
    #[test]
    fn softmax_of_a_batch_works_row_by_row(rows in 1..5usize, cols in 1..6usize, seed in vector(30, 50.0)) {
        let x = Array2::from_shape_fn((rows, cols), |(i, j)| seed[(i * cols + j) % seed.len()] + i as f64);
        let y = softmax(&x);
        for (row, out) in x.rows().into_iter().zip(y.rows()) {
            prop_assert_eq!(softmax(&row.to_owned()), out.to_owned());
        }
    }

    /// Cross-entropy of probabilities is non-negative — up to the book's δ = 1e-7 inside the
    /// log, which lets it dip to −ln(1 + δ) ≈ −1e-7 when the correct class gets probability 1.
    #[test]
    fn cross_entropy_is_non_negative(x in vector(10, 30.0), pick in 0..10usize) {
        let y = softmax(&Array1::from(x));
        let t = pick % y.len();
        let e = cross_entropy_error(&y, t);
        prop_assert!(e >= -(1.0 + CROSS_ENTROPY_DELTA).ln(), "{e}");
        if y[t] <= 1.0 - CROSS_ENTROPY_DELTA {
            prop_assert!(e >= 0.0, "{e}");
        }
        // one-hot rows and class indices are the same target
        let mut one_hot = Array1::zeros(y.len());
        one_hot[t] = 1.0;
        prop_assert_eq!(e, cross_entropy_error(&y, &one_hot));
    }

    /// The numerical gradient of the quadratic form f(x) = xᵀAx is (A + Aᵀ)x. The central
    /// difference is exact for a quadratic; what remains is rounding, about ε·Σ|Aᵢⱼxᵢxⱼ| / h.
    #[test]
    fn numerical_gradient_of_a_quadratic_form(n in 1..6usize, a in vector(36, 10.0), x in vector(6, 10.0)) {
        let a = Array2::from_shape_fn((n, n), |(i, j)| a[(i * n + j) % a.len()]);
        let mut x = Array1::from_shape_fn(n, |i| x[i % x.len()]);
        let exact = (&a + &a.t()).dot(&x);
        let scale: f64 = (0..n).flat_map(|i| (0..n).map(move |j| (i, j))).map(|(i, j)| (a[(i, j)] * x[i] * x[j]).abs()).sum();
        let before = x.clone();
        let g = numerical_gradient(|x| x.dot(&a.dot(x)), &mut x);
        prop_assert_eq!(&x, &before, "x is restored exactly");
        for (num, ex) in g.iter().zip(&exact) {
            prop_assert!((num - ex).abs() <= 1e-10 * (1.0 + scale), "{g} vs {exact}");
        }
    }

    /// The numerical gradient agrees with each built-in function's exact gradient.
    #[test]
    fn numerical_gradient_matches_every_landscape(p in vector(2, 50.0)) {
        for f in Landscape::ALL {
            let mut x = Array1::from_shape_fn(f.dim(), |i| p[i % p.len()]);
            let exact = f.gradient(x.view());
            let g = numerical_gradient(|x| f.eval(x.view()), &mut x);
            for (num, ex) in g.iter().zip(&exact) {
                // the central difference errs by h²·f‴/6 (f‴ reaches 2400|x| on Rosenbrock, the
                // steepest here) plus rounding ε·|f|/h, relative to the size of f
                let reach = 1.0 + x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
                let tolerance = 1e-6 * (1.0 + ex.abs()) + 1e-8 * 1e3 * reach;
                prop_assert!((num - ex).abs() < tolerance, "{f}: {g} vs {exact}");
            }
        }
    }
}

/// Arrays of any number of dimensions, inside a model: ∂/∂x Σ cᵢⱼₖ xᵢⱼₖ² = 2cx.
#[test]
fn numerical_gradient_wrt_works_on_three_dimensional_arrays_inside_a_model() {
    struct Model {
        c: Array3<f64>,
        x: Array3<f64>,
    }
    let mut m = Model {
        c: Array3::from_shape_fn((2, 3, 4), |(i, j, k)| {
            1.0 + (i + 2 * j + 3 * k) as f64 / 10.0
        }),
        x: Array3::from_shape_fn((2, 3, 4), |(i, j, k)| i as f64 - j as f64 + 0.5 * k as f64),
    };
    let g = numerical_gradient_wrt(&mut m, |m| &mut m.x, |m| (&m.c * &m.x * &m.x).sum());
    let exact = 2.0 * &m.c * &m.x;
    approx::assert_abs_diff_eq!(g, exact, epsilon = 1e-8);
}
