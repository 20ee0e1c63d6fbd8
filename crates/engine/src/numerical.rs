//! The numerical gradient of a [`TwoLayerNet`], fast: recompute only what a nudge changes.
//!
//! The book's numerical gradient runs the whole forward pass twice for every one of the
//! 39,760 parameters of its 784-50-10 network: 79,520 passes of `N × 784 × 50` multiplications.
//! But nudging one weight changes little:
//!
//! - `W1[i, j]` moves only the hidden unit `j`, and only for the samples whose pixel `i` is not
//!   0 (about 80 % of MNIST's pixels are 0): `a[n, j] += ±h · x[n, i]`, then `z[n, j]`, then the
//!   ten scores of sample `n` by `(z′ − z) · W2[j, :]`.
//! - `b1[j]` moves hidden unit `j` for every sample; `W2[j, c]` moves score `c` by `±h · z[n, j]`;
//!   `b2[c]` moves score `c` by `±h`.
//!
//! So the forward pass is done once, and each nudge recomputes the loss of the affected samples
//! only, from their ten scores. Even those need no new `exp`: a nudge adds a tiny `t` to a
//! score `s` (about `h · |W2|`), and `e^(s + t) = eˢ · eᵗ`, where `eˢ` is kept from the forward
//! pass and `eᵗ` is five terms of its series, whose truncation is below `10⁻¹⁷` for
//! `|t| < 10⁻³` (only rounding remains). That halves the time again (`bench/RESULTS.md`). The difference `L(θ + h) − L(θ − h)` is summed sample by sample
//! (samples the nudge does not touch contribute exactly 0), which is also more accurate than
//! subtracting two whole losses. The parameters are split among threads; each gradient entry is
//! computed the same way whatever the split, so the result does not depend on the thread count.
//! While they compute, the calling thread reports how far they are
//! ([`numerical_gradient_watched`]), and tells them to give up when asked.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use scratchnet_book::functions::{Targets, log_probability, relu_of, sigmoid_of};
use scratchnet_book::gradient::H;
use scratchnet_book::net::GradientProgress;
use scratchnet_book::net::two_layer::{Activation, Params, TwoLayerNet};

/// The correct answer of one sample.
#[derive(Clone, Copy)]
enum Answer<'a> {
    Class(usize),
    Distribution(ArrayView1<'a, f64>),
}

/// `eᵗ`, for the small `t` a nudge adds to a score (`|t|` is about `h · |W2|`): by its series to
/// `t⁴/4!`, whose next term is below `10⁻¹⁷ · eᵗ` when `|t| < 10⁻³`; the C library's `exp`
/// otherwise.
fn exp_small(t: f64) -> f64 {
    if t.abs() < 1e-3 {
        1.0 + t * (1.0 + t / 2.0 * (1.0 + t / 3.0 * (1.0 + t / 4.0)))
    } else {
        t.exp()
    }
}

/// The cross-entropy of `softmax(s + t)` against `answer`, with the book's `1e-7`, for a sample
/// whose scores `s` have `exps[k] = e^(s[k] − max s)`: `e^(s[k] + t[k] − max s)` is
/// `exps[k] · eᵗ⁽ᵏ⁾`, so a nudge costs no new `exp` of a score. The softmax is written out here
/// rather than calling [`softmax_in_place`](scratchnet_book::functions::softmax_in_place) for that reason
/// (the same function, evaluated from kept exponentials); the module's test holds the result to
/// the book's numerical gradient.
fn sample_loss(exps: &[f64], t: &[f64], answer: Answer) -> f64 {
    let mut sum = 0.0;
    for (&e, &t) in exps.iter().zip(t) {
        sum += e * exp_small(t);
    }
    let p = |k: usize| exps[k] * exp_small(t[k]) / sum;
    match answer {
        Answer::Class(k) => -log_probability(p(k)),
        Answer::Distribution(q) => -q
            .iter()
            .enumerate()
            .map(|(k, &q)| q * log_probability(p(k)))
            .sum::<f64>(),
    }
}

fn activate(activation: Activation, a: f64) -> f64 {
    match activation {
        Activation::Sigmoid => sigmoid_of(a),
        Activation::Relu => relu_of(a),
    }
}

/// The forward pass, kept for the nudges.
struct Base<'a> {
    x: ArrayView2<'a, f64>,
    answers: Vec<Answer<'a>>,
    pre: Array2<f64>,
    hidden: Array2<f64>,
    /// `e^(scores − the sample's largest score)`, for each sample.
    exps: Array2<f64>,
    w2: ArrayView2<'a, f64>,
    activation: Activation,
}

impl Base<'_> {
    /// `Σₙ [ℓₙ(scores + Δ⁺ₙ) − ℓₙ(scores + Δ⁻ₙ)] / (N · 2h)` over the samples `n` in `samples`,
    /// where `shift(n, sign, row)` adds the nudge's change `Δ` of sample `n`'s scores to `row`.
    fn central_difference(
        &self,
        samples: impl Iterator<Item = usize>,
        mut shift: impl FnMut(usize, f64, &mut [f64]),
    ) -> f64 {
        let c = self.exps.ncols();
        let mut row = vec![0.0; c];
        let mut total = 0.0;
        for n in samples {
            let exps = &self.exps.as_slice().expect("standard layout")[n * c..][..c];
            let mut loss_at = |sign: f64| {
                row.fill(0.0);
                shift(n, sign, &mut row);
                sample_loss(exps, &row, self.answers[n])
            };
            let (up, down) = (loss_at(1.0), loss_at(-1.0));
            total += up - down;
        }
        total / self.x.nrows() as f64 / (2.0 * H)
    }

    /// ∂L/∂W1[i, j] and ∂L/∂b1[j] go through hidden unit `j`: its new value moves the scores by
    /// `(z′ − z) · W2[j, :]`.
    fn hidden_shift(&self, n: usize, j: usize, delta: f64, row: &mut [f64]) {
        let z = activate(self.activation, self.pre[(n, j)] + delta);
        let dz = z - self.hidden[(n, j)];
        row.iter_mut()
            .zip(self.w2.row(j))
            .for_each(|(r, &w)| *r += dz * w);
    }

    fn w1_entry(&self, i: usize, j: usize) -> f64 {
        let column = self.x.column(i);
        let touched = (0..self.x.nrows()).filter(|&n| column[n] != 0.0);
        self.central_difference(touched, |n, sign, row| {
            self.hidden_shift(n, j, sign * H * column[n], row)
        })
    }

    fn b1_entry(&self, j: usize) -> f64 {
        self.central_difference(0..self.x.nrows(), |n, sign, row| {
            self.hidden_shift(n, j, sign * H, row)
        })
    }

    fn w2_entry(&self, j: usize, c: usize) -> f64 {
        let z = self.hidden.column(j);
        let touched = (0..self.x.nrows()).filter(|&n| z[n] != 0.0);
        self.central_difference(touched, |n, sign, row| row[c] += sign * H * z[n])
    }

    fn b2_entry(&self, c: usize) -> f64 {
        self.central_difference(0..self.x.nrows(), |_, sign, row| row[c] += sign * H)
    }
}

/// The numerical gradient (central difference, h = 1e-4) of `net`'s loss on `x: (N, D)`, the
/// same quantity as [`TwoLayerNet::numerical_gradient`] — which stays
/// as the reference — but computed by recomputing only what each nudge changes (see the
/// [module](self)) on `threads` threads. The two agree to about 1e-6 relative (they differ
/// only in rounding; this one rounds less). The result does not depend on `threads`.
///
/// # Panics
/// If `t` does not have one answer per sample, or `x` does not have `D` columns.
pub fn numerical_gradient<'t>(
    net: &TwoLayerNet,
    x: ArrayView2<f64>,
    t: impl Into<Targets<'t>>,
    threads: usize,
) -> Params {
    let mut go_on = |_, _| ControlFlow::Continue(());
    numerical_gradient_watched(net, x, t, threads, &mut GradientProgress::new(&mut go_on))
        .expect("never asked to stop")
}

/// [`numerical_gradient`], reporting how many of the parameters are done through `progress`
/// (from this thread, while the others compute `W1`; then after each entry of `b1` and each
/// row of `W2`, and once `b2` is done); `None` if its callback asked to stop, the threads then told to give
/// up after the row they are on. The same numbers to the last bit when it runs to the end.
///
/// # Panics
/// As [`numerical_gradient`].
// About 110 lines: the forward pass kept, then every nudge from it; split, the kept pass would
// travel between functions.
pub fn numerical_gradient_watched<'t>(
    net: &TwoLayerNet,
    x: ArrayView2<f64>,
    t: impl Into<Targets<'t>>,
    threads: usize,
    progress: &mut GradientProgress,
) -> Option<Params> {
    let t = t.into();
    assert_eq!(t.len(), x.nrows(), "one answer per sample");
    let p = &net.params;
    assert_eq!(x.ncols(), p.w1.nrows(), "x must have one column per input");
    let answers: Vec<Answer> = match &t {
        Targets::Index(ix) => ix.iter().map(|&k| Answer::Class(k)).collect(),
        Targets::OneHot(rows) => rows.outer_iter().map(Answer::Distribution).collect(),
    };
    let mut pre = x.dot(&p.w1);
    pre += &p.b1;
    let hidden = pre.mapv(|a| activate(net.activation, a));
    let mut scores = hidden.dot(&p.w2);
    scores += &p.b2;
    // softmax's numerators, kept for the nudges (see `sample_loss`)
    let mut exps = scores;
    for mut row in exps.rows_mut() {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        row.mapv_inplace(|s| (s - max).exp());
    }
    let base = Base {
        x,
        answers,
        pre,
        hidden,
        exps,
        w2: p.w2.view(),
        activation: net.activation,
    };

    let (d, h, c) = net.sizes();
    if progress.start(d * h + h + h * c + c).is_break() {
        return None;
    }
    let mut w1 = Array2::zeros((d, h));
    let rows_per_thread = d.div_ceil(threads.max(1));
    // W1's entries done, and whether to give up
    let (done, stop) = (AtomicUsize::new(0), AtomicBool::new(false));
    // each thread holds a sender, dropped when it ends: the channel closes when all have
    let (working, finished) = channel::<()>();
    let completed = std::thread::scope(|scope| {
        for (chunk, mut block) in w1
            .axis_chunks_iter_mut(Axis(0), rows_per_thread.max(1))
            .enumerate()
        {
            let (base, done, stop, working) = (&base, &done, &stop, working.clone());
            scope.spawn(move || {
                let _working = working;
                for (k, mut row) in block.axis_iter_mut(Axis(0)).enumerate() {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let i = chunk * rows_per_thread + k;
                    for j in 0..h {
                        row[j] = base.w1_entry(i, j);
                    }
                    done.fetch_add(h, Ordering::Relaxed);
                }
            });
        }
        drop(working);
        // the report, on this thread, while the others compute
        let wait = progress.interval().max(Duration::from_millis(1));
        loop {
            match finished.recv_timeout(wait) {
                Err(RecvTimeoutError::Disconnected) => return true,
                Ok(()) | Err(RecvTimeoutError::Timeout) => {
                    if progress.at(done.load(Ordering::Relaxed)).is_break() {
                        stop.store(true, Ordering::Relaxed);
                        return false;
                    }
                }
            }
        }
    });
    if !completed {
        return None;
    }
    // the rest, on this thread: a few hundred entries for 784-50-10
    let mut done = d * h;
    let mut b1 = Array1::zeros(h);
    for j in 0..h {
        b1[j] = base.b1_entry(j);
        done += 1;
        if progress.at(done).is_break() {
            return None;
        }
    }
    let mut w2 = Array2::zeros((h, c));
    for (j, mut row) in w2.axis_iter_mut(Axis(0)).enumerate() {
        for k in 0..c {
            row[k] = base.w2_entry(j, k);
        }
        done += c;
        if progress.at(done).is_break() {
            return None;
        }
    }
    let b2 = Array1::from_shape_fn(c, |k| base.b2_entry(k));
    progress
        .finish()
        .is_continue()
        .then_some(Params { w1, b1, w2, b2 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_reference_for_both_activations_and_any_thread_count() {
        let x = Array2::from_shape_fn((7, 12), |(n, i)| {
            if (n + 2 * i) % 3 == 0 {
                0.0
            } else {
                ((n * 12 + i) % 10) as f64 / 10.0
            }
        });
        let labels = [0, 3, 1, 2, 3, 0, 1];
        let mut one_hot = Array2::zeros((7, 4));
        labels
            .iter()
            .enumerate()
            .for_each(|(n, &k)| one_hot[(n, k)] = 1.0);
        for activation in Activation::ALL {
            let mut net = TwoLayerNet::new(12, 5, 4, 0.5, activation, 3);
            let reference = net.numerical_gradient(x.view(), &labels);
            let fast = numerical_gradient(&net, x.view(), &labels, 1);
            for ((name, a), (_, b)) in fast.named().into_iter().zip(reference.named()) {
                let diff = (&a - &b).mapv(|v| v * v).sum().sqrt();
                let size = b.mapv(|v| v * v).sum().sqrt();
                assert!(diff <= 1e-6 * size, "{activation} {name}: {diff} vs {size}");
            }
            assert_eq!(
                fast,
                numerical_gradient(&net, x.view(), &labels, 3),
                "thread count changes nothing"
            );
            assert_eq!(
                fast,
                numerical_gradient(&net, x.view(), &one_hot, 2),
                "one-hot rows or labels"
            );
        }
    }
}
