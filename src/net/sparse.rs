//! The fast training path: [`TwoLayerNet`]'s forward and backward passes computed from the
//! non-zero pixels only, in `f32` or `f64`.
//!
//! The first layer is almost all of the work: `x · W1` is `N × 784 × 50` multiply-adds, and
//! `∂L/∂W1 = xᵀ · δ` as many again. But 81 % of MNIST's pixels are 0, and a 0 adds nothing. So
//! for each image, the hidden layer starts at 0 and adds `x[p] · W1[p, :]` for each ink pixel
//! `p` only (about 150 rows of 50 numbers instead of 784), and the backward pass adds
//! `x[p] · δ[n, :]` to the rows `∂L/∂W1[p, :]` of those pixels only. The same sums, without
//! the terms that are exactly 0: a fifth of the work.
//!
//! The numbers differ from the dense reference path ([`TwoLayerNet::gradient`]) only in the
//! order and fusion of the roundings, a few units in the last place. The loops over the 50
//! hidden units are compiled for the widest vector instructions the processor has (chosen when
//! the program runs), and each number is computed by the same operations in the same order
//! whatever those instructions and however many threads share the work: a run gives the same
//! result on one thread as on many.
//!
//! The small second layer (`50 × 10`) goes through ordinary matrix products.

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ArrayViewMut2, Axis};

use super::two_layer::{Activation, Params, TwoLayerNet};
use crate::data::sparse::SparseImages;
use crate::functions::CROSS_ENTROPY_DELTA;
use crate::real::Real;

/// A two-layer network computing in `T` on [`SparseImages`]: the same model as [`TwoLayerNet`].
#[derive(Clone, Debug, PartialEq)]
pub struct SparseNet<T: Real> {
    /// The weights and biases, in `T`.
    pub params: Params<T>,
    /// The hidden layer's activation.
    pub activation: Activation,
}

/// The buffers of one batch, kept between iterations so that training allocates nothing.
#[derive(Clone, Debug)]
pub struct Workspace<T: Real> {
    /// The hidden layer's output, `(N, H)` row-major.
    hidden: Vec<T>,
    /// Its gradient, `(N, H)`.
    dhidden: Vec<T>,
    /// Scores, then `∂L/∂scores`, `(N, C)`.
    scores: Vec<T>,
    /// The gradient of the loss, filled by [`SparseNet::gradient`].
    pub grads: Params<T>,
}

impl<T: Real> Workspace<T> {
    /// Buffers for `net`.
    pub fn new(net: &SparseNet<T>) -> Self {
        let (d, h, c) = net.sizes();
        Workspace {
            hidden: Vec::new(),
            dhidden: Vec::new(),
            scores: Vec::new(),
            grads: Params::zeros(d, h, c),
        }
    }

    fn fit(&mut self, n: usize, h: usize, c: usize) {
        self.hidden.resize(n * h, T::zero());
        self.dhidden.resize(n * h, T::zero());
        self.scores.resize(n * c, T::zero());
    }
}

/// Pixel value `v` as the network sees it: `v / 255`, computed in `T` as the book computes it
/// (`x.astype(dtype) / 255.0`).
fn pixel_table<T: Real>() -> [T; 256] {
    std::array::from_fn(|v| T::cast(v as f64) / T::cast(255.0))
}

impl<T: Real> SparseNet<T> {
    /// `net`'s weights in `T`.
    pub fn from_net(net: &TwoLayerNet) -> Self {
        SparseNet {
            params: net.params.cast(),
            activation: net.activation,
        }
    }

    /// The same network as a [`TwoLayerNet`] (in `f64`; exact).
    pub fn to_net(&self) -> TwoLayerNet {
        TwoLayerNet {
            params: self.params.cast(),
            activation: self.activation,
        }
    }

    /// `(D, H, C)`: inputs, hidden units, classes.
    pub fn sizes(&self) -> (usize, usize, usize) {
        let p = &self.params;
        (p.w1.nrows(), p.w1.ncols(), p.w2.ncols())
    }

    /// The hidden layer of images `rows` of `x` into `hidden` (`(rows.len(), H)`).
    fn hidden_layer(&self, x: &SparseImages, rows: &[usize], hidden: &mut [T]) {
        let p = &self.params;
        let (w1, b1) = (
            p.w1.as_slice().expect("standard layout"),
            p.b1.as_slice().expect("standard layout"),
        );
        let table = pixel_table::<T>();
        let activation = self.activation;
        vectorized(#[inline(always)] || hidden_layer(x, rows, &table, w1, b1, activation, hidden));
    }

    /// `scores = hidden · W2 + b2`.
    fn score(&self, hidden: ArrayView2<T>, mut scores: ArrayViewMut2<T>) {
        let p = &self.params;
        general_mat_mul(T::one(), &hidden, &p.w2, T::zero(), &mut scores);
        scores += &p.b2;
    }

    /// The mean cross-entropy loss of images `rows` of `x` against `labels` (one per row).
    ///
    /// # Panics
    /// If `labels` does not have one class per row, or a class is `≥ C`.
    pub fn loss(
        &self,
        x: &SparseImages,
        rows: &[usize],
        labels: &[usize],
        ws: &mut Workspace<T>,
    ) -> f64 {
        let (_, h, c) = self.sizes();
        let n = rows.len();
        ws.fit(n, h, c);
        self.hidden_layer(x, rows, &mut ws.hidden);
        let hidden = ArrayView2::from_shape((n, h), &ws.hidden[..n * h]).expect("sized");
        let mut scores = ArrayViewMut2::from_shape((n, c), &mut ws.scores[..n * c]).expect("sized");
        self.score(hidden, scores.view_mut());
        softmax_cross_entropy(scores, labels, false)
    }

    /// The loss of images `rows` of `x` against `labels`, returned, and its gradient by
    /// backpropagation, left in `ws.grads`.
    ///
    /// # Panics
    /// If `labels` does not have one class per row, or a class is `≥ C`.
    pub fn gradient(
        &self,
        x: &SparseImages,
        rows: &[usize],
        labels: &[usize],
        ws: &mut Workspace<T>,
    ) -> f64 {
        let (_, h, c) = self.sizes();
        let n = rows.len();
        ws.fit(n, h, c);
        self.hidden_layer(x, rows, &mut ws.hidden);
        let hidden = ArrayView2::from_shape((n, h), &ws.hidden[..n * h]).expect("sized");
        let mut scores = ArrayViewMut2::from_shape((n, c), &mut ws.scores[..n * c]).expect("sized");
        self.score(hidden, scores.view_mut());
        let loss = softmax_cross_entropy(scores.view_mut(), labels, true);
        let dscores = scores.view();

        let p = &self.params;
        let g = &mut ws.grads;
        general_mat_mul(T::one(), &hidden.t(), &dscores, T::zero(), &mut g.w2);
        g.b2.assign(&dscores.sum_axis(Axis(0)));
        let mut dhidden =
            ArrayViewMut2::from_shape((n, h), &mut ws.dhidden[..n * h]).expect("sized");
        general_mat_mul(T::one(), &dscores, &p.w2.t(), T::zero(), &mut dhidden);
        match self.activation {
            Activation::Sigmoid => dhidden.zip_mut_with(&hidden, |d, &y| *d *= (T::one() - y) * y),
            Activation::Relu => dhidden.zip_mut_with(&hidden, |d, &y| {
                if y <= T::zero() {
                    *d = T::zero()
                }
            }),
        }
        g.b1.assign(&dhidden.sum_axis(Axis(0)));
        let table = pixel_table::<T>();
        let dw1 = g.w1.as_slice_mut().expect("standard layout");
        let delta = &ws.dhidden[..n * h];
        vectorized(#[inline(always)] || scatter_gradient(x, rows, &table, delta, dw1));
        loss
    }

    /// How many images of `x` the network classifies as `labels` says, using `threads` threads
    /// (the count does not depend on it).
    ///
    /// # Panics
    /// If `labels` does not have one class per image.
    pub fn count_correct(&self, x: &SparseImages, labels: &[u8], threads: usize) -> usize {
        assert_eq!(x.len(), labels.len(), "one label per image");
        let per_thread = x.len().div_ceil(threads.max(1)).max(1);
        let ranges: Vec<_> = (0..x.len())
            .step_by(per_thread)
            .map(|s| s..(s + per_thread).min(x.len()))
            .collect();
        std::thread::scope(|scope| {
            let handles: Vec<_> = ranges
                .into_iter()
                .map(|range| scope.spawn(move || self.count_correct_in(x, labels, range)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a counting thread panicked"))
                .sum()
        })
    }

    fn count_correct_in(
        &self,
        x: &SparseImages,
        labels: &[u8],
        range: std::ops::Range<usize>,
    ) -> usize {
        const CHUNK: usize = 500;
        let (_, h, c) = self.sizes();
        let mut hidden = vec![T::zero(); CHUNK * h];
        let mut scores = vec![T::zero(); CHUNK * c];
        let all: Vec<usize> = range.collect();
        let mut right = 0;
        for rows in all.chunks(CHUNK) {
            let n = rows.len();
            self.hidden_layer(x, rows, &mut hidden[..n * h]);
            let hv = ArrayView2::from_shape((n, h), &hidden[..n * h]).expect("sized");
            let mut sv = ArrayViewMut2::from_shape((n, c), &mut scores[..n * c]).expect("sized");
            self.score(hv, sv.view_mut());
            right += sv
                .rows()
                .into_iter()
                .zip(rows)
                .filter(|(s, i)| crate::argmax(s.iter().map(|v| v.widen())) == usize::from(labels[**i]))
                .count();
        }
        right
    }
}

/// Softmax of each row of `scores` and the mean cross-entropy against `labels` (with the book's
/// 1e-7); with `backward`, `scores` is replaced by `∂L/∂scores = (softmax − one-hot) / N`.
fn softmax_cross_entropy<T: Real>(
    mut scores: ArrayViewMut2<T>,
    labels: &[usize],
    backward: bool,
) -> f64 {
    let n = scores.nrows();
    assert_eq!(labels.len(), n, "one label per sample");
    let delta = T::cast(CROSS_ENTROPY_DELTA);
    let size = T::cast(n as f64);
    let mut total = T::zero();
    for (mut row, &t) in scores.rows_mut().into_iter().zip(labels) {
        let max = row.fold(T::neg_infinity(), |m, &v| m.max(v));
        row.mapv_inplace(|v| (v - max).exp());
        let sum = row.sum();
        row.mapv_inplace(|v| v / sum);
        total -= (row[t] + delta).ln();
        if backward {
            row[t] -= T::one();
            row.mapv_inplace(|v| v / size);
        }
    }
    (total / size).widen()
}

/// `hidden[r, :] = activation(Σₚ x[rows[r], p] · W1[p, :] + b1)` over the non-zero pixels `p`.
#[inline(always)]
fn hidden_layer<T: Real>(
    x: &SparseImages,
    rows: &[usize],
    table: &[T; 256],
    w1: &[T],
    b1: &[T],
    activation: Activation,
    hidden: &mut [T],
) {
    let h = b1.len();
    for (&i, out) in rows.iter().zip(hidden.chunks_exact_mut(h)) {
        out.fill(T::zero());
        let (pixels, values) = x.row(i);
        for (&p, &v) in pixels.iter().zip(values) {
            let v = table[usize::from(v)];
            let w = &w1[usize::from(p) * h..][..h];
            for (o, &w) in out.iter_mut().zip(w) {
                *o += v * w;
            }
        }
        for (o, &b) in out.iter_mut().zip(b1) {
            let a = *o + b;
            *o = match activation {
                Activation::Sigmoid => T::one() / (T::one() + (-a).exp()),
                Activation::Relu => a.max(T::zero()),
            };
        }
    }
}

/// `∂L/∂W1 = xᵀ · δ`: zero, then `δ[r, :] · x[rows[r], p]` added to row `p` for each non-zero
/// pixel.
#[inline(always)]
fn scatter_gradient<T: Real>(
    x: &SparseImages,
    rows: &[usize],
    table: &[T; 256],
    delta: &[T],
    dw1: &mut [T],
) {
    dw1.fill(T::zero());
    let h = delta.len() / rows.len().max(1);
    for (&i, d) in rows.iter().zip(delta.chunks_exact(h)) {
        let (pixels, values) = x.row(i);
        for (&p, &v) in pixels.iter().zip(values) {
            let v = table[usize::from(v)];
            let g = &mut dw1[usize::from(p) * h..][..h];
            for (g, &d) in g.iter_mut().zip(d) {
                *g += v * d;
            }
        }
    }
}

/// Runs `f` compiled for the widest vector instructions this processor has (AVX-512 or AVX2 on
/// x86-64), so that the loops over hidden units in the kernels above work on 8 or 16 numbers at
/// a time. Element-wise loops give the same numbers at any width: only the speed changes.
#[inline(always)]
fn vectorized<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor has AVX-512F, checked just above.
            return unsafe { with_avx512(f) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            return unsafe { with_avx2(f) };
        }
    }
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn with_avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn with_avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}
