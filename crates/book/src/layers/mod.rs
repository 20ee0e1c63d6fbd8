//! The layers of backpropagation (the book's `common/layers.py`): each one a small file with
//! its forward pass and, right under it, its backward pass, behind one trait, [`Layer`].
//!
//! A forward pass computes a layer's output and keeps what its backward pass will need (its
//! input or its output); the backward pass takes `dout = ∂L/∂out`, the gradient of the loss with
//! respect to that output, and returns the gradient with respect to the layer's input, by the
//! chain rule, leaving the gradients of the layer's parameters in the layer (`dW`, `db`).
//! A network is an ordered list of layers and a last layer, [`SoftmaxWithLoss`]
//! ([`Layers`](crate::net::Layers)).
//!
//! | book | here |
//! | --- | --- |
//! | `Affine(W, b)` | [`Affine::new`]`(w, b)`: reads the network's parameters |
//! | `Sigmoid()`, `Relu()` | [`Sigmoid`], [`Relu`] |
//! | `SoftmaxWithLoss()` | [`SoftmaxWithLoss`] |
//! | `Dropout(dropout_ratio)` | [`Dropout::training`]`(ratio, random)`: draws its masks from a [`Random`](crate::random::Random); [`Dropout::testing`]`(ratio)` draws nothing |
//! | `BatchNormalization(gamma, beta)` | [`BatchNormalization::training`]`(gamma, beta, running_mean, running_var)`: updates the network's running statistics; [`BatchNormalization::testing`] only reads them |
//! | `10e-7` in `BatchNormalization` | [`BATCH_NORM_EPSILON`] |
//! | `Convolution(W, b, stride, pad)` | [`Convolution::new`]`(w, b, stride, pad)`: reads the network's filters |
//! | `Pooling(pool_h, pool_w, stride, pad)` | [`Pooling::new`]`(pool_h, pool_w, stride, pad)` (max pooling) |
//! | `layer.forward(x, train_flg)` | [`Layer::forward`]`(x, train)` |
//! | `layer.backward(dout)` | [`Layer::backward`]`(dout)` |
//! | `layer.W`, `layer.dW` | [`Layer::params`], [`Layer::grads`], by the book's names |
//! | `layer.dgamma`, `layer.dbeta` | [`BatchNormalization::dgamma`], [`BatchNormalization::dbeta`]; `gamma`, `beta` in [`Layer::grads`] |
//!
//! Shapes: `N` samples, `D` inputs, `H` outputs of a layer, `C` classes; images are
//! `(N, C, H, W)`: `C` channels of `H` rows and `W` columns (chapter 7). A layer takes and
//! returns arrays of any number of axes, the first the sample's, as the book's layers take
//! NumPy arrays: [`Affine`] reads each sample as one row (the book's `x.reshape(N, -1)`) and
//! gives its gradient back in the shape it came in.

use ndarray::{Array, Array2, ArrayD, ArrayViewD, Dimension, Ix2, ShapeArg};

mod activation;
mod affine;
mod batch_norm;
mod convolution;
mod dropout;
mod pooling;
mod softmax_with_loss;

pub use activation::{Relu, Sigmoid};
pub use affine::Affine;
pub use batch_norm::{BATCH_NORM_EPSILON, BatchNormalization};
pub use convolution::Convolution;
pub use dropout::Dropout;
pub use pooling::Pooling;
pub use softmax_with_loss::SoftmaxWithLoss;

/// A layer of a network, as the book's layers are: a forward pass that remembers what it needs,
/// and a backward pass that uses it.
pub trait Layer: std::fmt::Debug {
    /// The layer's output for a batch `x: (N, D)` (or `(N, C, H, W)`), `(N, H)`. `train` says whether this is a
    /// training pass (the book's `train_flg`), one a backward pass will follow: only then does
    /// the layer keep what its backward pass needs (a prediction keeps nothing, so that a
    /// wide layer's activations are not held twice). The layers of chapter 6 (Dropout, Batch
    /// Normalization) also compute differently when it is not.
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64>;

    /// [`forward`](Layer::forward) of a borrowed batch, such as a network's input: a layer that
    /// keeps its input only when `train` (as [`Affine`] does) need not copy it otherwise.
    fn forward_view(&mut self, x: ArrayViewD<f64>, train: bool) -> ArrayD<f64> {
        self.forward(x.to_owned(), train)
    }

    /// `∂L/∂x`, in the shape of the last forward pass's input (`(N, D)`), from
    /// `dout = ∂L/∂out`, in the shape of its output (`(N, H)`); the parameters' gradients stay
    /// in the layer ([`grads`](Layer::grads)).
    ///
    /// # Panics
    /// If the last forward pass was not a training pass.
    fn backward(&mut self, dout: ArrayD<f64>) -> ArrayD<f64>;

    /// The layer's parameters by the book's names (`W`, `b`); none for most layers.
    fn params(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        Vec::new()
    }

    /// The gradients of the layer's parameters from the last backward pass, by the same names
    /// and in the same order as [`params`](Layer::params); none before a backward pass.
    fn grads(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        Vec::new()
    }
}

/// `x: (N, …)` as `(N, D)`, one sample per row (the book's `x.reshape(x.shape[0], -1)`):
/// without a copy when `x` is in row-major order.
pub(crate) fn rows(x: ArrayD<f64>) -> Array2<f64> {
    let n = x.shape().first().copied().unwrap_or(1);
    let d: usize = x.shape().iter().skip(1).product();
    reshaped(x, (n, d))
}

/// `x`'s elements in row-major order, in the shape `shape` (NumPy's `reshape`): without a copy
/// when `x` is row-major already. A matrix product can come out column-major (ndarray makes
/// one when both factors are: a single column is both), which `into_shape_with_order` alone
/// refuses.
///
/// # Panics
/// If `shape` does not hold as many elements as `x`.
#[track_caller]
pub(crate) fn reshaped<D: Dimension, S: ShapeArg>(
    x: Array<f64, D>,
    shape: S,
) -> Array<f64, S::Dim> {
    let x = if x.is_standard_layout() {
        x
    } else {
        x.as_standard_layout().into_owned()
    };
    x.into_shape_with_order(shape)
        .expect("as many elements as the shape")
}

/// `x` as the `(N, H)` array it is.
///
/// # Panics
/// If `x` does not have two axes.
#[track_caller]
pub(crate) fn two_axes(x: ArrayD<f64>) -> Array2<f64> {
    let shape = x.shape().to_vec();
    x.into_dimensionality::<Ix2>()
        .unwrap_or_else(|_| panic!("an (N, H) array, not one of shape {shape:?}"))
}

/// A [`Random`](crate::random::Random) for tests: it returns a fixed sequence of numbers, in
/// order, from every method that draws.
#[cfg(test)]
#[derive(Clone, Debug)]
pub(crate) struct Replay {
    values: Vec<f64>,
    next: usize,
}

#[cfg(test)]
impl Replay {
    /// Draws `values`, in order (and panics when they run out).
    pub(crate) fn new(values: impl IntoIterator<Item = f64>) -> Self {
        Replay {
            values: values.into_iter().collect(),
            next: 0,
        }
    }

    /// How many numbers were drawn.
    pub(crate) fn drawn(&self) -> usize {
        self.next
    }

    fn draw(&mut self) -> f64 {
        let v = self.values[self.next];
        self.next += 1;
        v
    }
}

#[cfg(test)]
impl crate::random::Random for Replay {
    fn standard_normal(&mut self) -> f64 {
        self.draw()
    }

    fn random_sample(&mut self) -> f64 {
        self.draw()
    }

    fn randint(&mut self, n: usize) -> usize {
        (self.draw() * n as f64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::functions::Targets;
    use crate::numerical_gradient;
    use ndarray::{Array1, array};
    use std::cell::RefCell;

    /// A layer's passes on `(N, H)` arrays, as these tests write them.
    trait TwoAxes {
        fn forward2(&mut self, x: Array2<f64>, train: bool) -> Array2<f64>;
        fn backward2(&mut self, dout: Array2<f64>) -> Array2<f64>;
    }

    impl<L: Layer + ?Sized> TwoAxes for L {
        fn forward2(&mut self, x: Array2<f64>, train: bool) -> Array2<f64> {
            two_axes(self.forward(x.into_dyn(), train))
        }
        fn backward2(&mut self, dout: Array2<f64>) -> Array2<f64> {
            two_axes(self.backward(dout.into_dyn()))
        }
    }

    /// `Σ forward(x) · dout`, whose gradient with respect to x is exactly what backward computes.
    fn probe(layer: &mut dyn Layer, x: &Array2<f64>, dout: &Array2<f64>) -> f64 {
        (layer.forward2(x.clone(), true) * dout).sum()
    }

    /// Each backward pass against the numerical gradient of `Σ forward(x) · dout`.
    #[test]
    fn backward_passes_match_numerical_gradients() {
        let x0 = array![[0.3, -1.2, 2.0], [-0.7, 0.05, 1.1]];
        let dout = array![[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]];
        for layer in [
            &mut Sigmoid::default() as &mut dyn Layer,
            &mut Relu::default(),
        ] {
            let numeric = numerical_gradient(|x| probe(layer, x, &dout), &mut x0.clone());
            layer.forward2(x0.clone(), true);
            let dx = layer.backward2(dout.clone());
            approx::assert_abs_diff_eq!(dx, numeric, epsilon = 1e-8);
        }

        let (w, b) = (
            array![[1.0, -2.0], [0.5, 0.25], [-1.5, 3.0]],
            array![0.1, -0.2],
        );
        let dout2 = array![[1.0, -0.5], [0.25, 2.0]];
        let mut affine = Affine::new(w.view(), b.view());
        affine.forward2(x0.clone(), true);
        let dx = affine.backward2(dout2.clone());
        let loss = |x: &Array2<f64>, w: &Array2<f64>, b: &Array1<f64>| {
            probe(&mut Affine::new(w.view(), b.view()), x, &dout2)
        };
        approx::assert_abs_diff_eq!(
            dx,
            numerical_gradient(|x| loss(x, &w, &b), &mut x0.clone()),
            epsilon = 1e-8
        );
        approx::assert_abs_diff_eq!(
            affine.dw.clone().unwrap(),
            numerical_gradient(|w| loss(&x0, w, &b), &mut w.clone()),
            epsilon = 1e-8
        );
        approx::assert_abs_diff_eq!(
            affine.db.clone().unwrap(),
            numerical_gradient(|b| loss(&x0, &w, b), &mut b.clone()),
            epsilon = 1e-8
        );
        let names: Vec<_> = affine.grads().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["W", "b"]);

        let t = Targets::from(&[2, 0]);
        let mut last = SoftmaxWithLoss::default();
        last.forward(x0.view(), t.clone());
        let dx = last.backward();
        let one_hot = array![[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]];
        let mut by_rows = SoftmaxWithLoss::default();
        by_rows.forward(x0.view(), Targets::from(&one_hot));
        assert_eq!(by_rows.backward(), dx, "one-hot rows or indices");
        let numeric = numerical_gradient(
            |x: &Array2<f64>| SoftmaxWithLoss::default().forward(x.view(), t.clone()),
            &mut x0.clone(),
        );
        // (y − t)/N is the gradient of −log y; the loss takes −log(y + 1e-7), whose gradient
        // differs by a factor y/(y + 1e-7), about 1e-6 relative when the correct class has y ≈ 0.1.
        approx::assert_abs_diff_eq!(dx, numeric, epsilon = 1e-6);
    }

    /// Dropout's backward pass against the numerical gradient of its training pass, the mask
    /// held fixed (each probe replays the same draws); the mask is `u > ratio`, row by row.
    #[test]
    fn dropout_backward_matches_the_numerical_gradient() {
        let x0 = array![[0.3, -1.2, 2.0], [-0.7, 0.05, 1.1]];
        let dout = array![[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]];
        let draws = [0.9, 0.1, 0.5, 0.31, 0.29, 0.7];
        let random = RefCell::new(Replay::new(draws));
        let mut dropout = Dropout::training(0.3, &random);
        let out = dropout.forward2(x0.clone(), true);
        // kept where u > 0.3: the first, third, fourth and sixth draws
        let mask = array![[true, false, true], [true, false, true]];
        assert_eq!(dropout.mask(), Some(&mask.into_dyn()));
        assert_eq!(out, array![[0.3, 0.0, 2.0], [-0.7, 0.0, 1.1]]);
        let dx = dropout.backward2(dout.clone());
        assert_eq!(random.borrow().drawn(), 6, "one draw per element");
        let numeric = numerical_gradient(
            |x| {
                probe(
                    &mut Dropout::training(0.3, &RefCell::new(Replay::new(draws))),
                    x,
                    &dout,
                )
            },
            &mut x0.clone(),
        );
        approx::assert_abs_diff_eq!(dx, numeric, epsilon = 1e-9);
        approx::assert_abs_diff_eq!(dx, array![[0.5, 0.0, 2.0], [1.5, 0.0, -0.75]]);
    }

    /// Dropout in a test pass scales by 1 − ratio and draws nothing; a layer without a
    /// generator does the same in a training pass, and its backward pass is that scaling's.
    #[test]
    fn dropout_scales_in_a_test_pass() {
        let x = array![[2.0, -4.0], [1.0, 0.5]];
        let random = RefCell::new(Replay::new([]));
        let mut dropout = Dropout::training(0.2, &random);
        // 1 − 0.2 = 0.8, computed as the book does: x · (1.0 − 0.2)
        assert_eq!(
            dropout.forward2(x.clone(), false),
            array![[1.6, -3.2], [0.8, 0.4]]
        );
        assert_eq!(random.borrow().drawn(), 0);
        let mut fixed = Dropout::testing(0.2);
        assert_eq!(
            fixed.forward2(x.clone(), true),
            array![[1.6, -3.2], [0.8, 0.4]]
        );
        assert_eq!(fixed.mask(), None);
        assert_eq!(
            fixed.backward2(array![[1.0, 1.0], [1.0, 1.0]]),
            array![[0.8, 0.8], [0.8, 0.8]]
        );
    }

    /// Batch Normalization's training pass: backward against the numerical gradient with
    /// respect to x, γ and β (the batch's statistics move with x, which is what its backward
    /// pass accounts for).
    #[test]
    fn batch_norm_backward_matches_the_numerical_gradient() {
        let x0 = array![
            [0.3, -1.2, 2.0],
            [-0.7, 0.05, 1.1],
            [1.4, 0.6, -0.2],
            [0.0, 2.5, 0.9]
        ];
        let dout = array![
            [0.5, -1.0, 2.0],
            [1.5, 0.25, -0.75],
            [-0.3, 0.8, 0.1],
            [1.0, -2.0, 0.6]
        ];
        let (gamma, beta) = (array![1.5, -0.5, 0.8], array![0.1, 0.2, -0.3]);
        let zeros = Array1::<f64>::zeros(3);
        let loss = |x: &Array2<f64>, gamma: &Array1<f64>, beta: &Array1<f64>| {
            let mut bn =
                BatchNormalization::testing(gamma.view(), beta.view(), zeros.view(), zeros.view());
            probe(&mut bn, x, &dout)
        };
        let (mut mean, mut var) = (Array1::zeros(3), Array1::zeros(3));
        let mut bn = BatchNormalization::training(
            gamma.view(),
            beta.view(),
            mean.view_mut(),
            var.view_mut(),
        );
        bn.forward2(x0.clone(), true);
        let dx = bn.backward2(dout.clone());
        approx::assert_abs_diff_eq!(
            dx,
            numerical_gradient(|x| loss(x, &gamma, &beta), &mut x0.clone()),
            epsilon = 1e-8
        );
        approx::assert_abs_diff_eq!(
            bn.dgamma.clone().unwrap(),
            numerical_gradient(|g| loss(&x0, g, &beta), &mut gamma.clone()),
            epsilon = 1e-8
        );
        approx::assert_abs_diff_eq!(
            bn.dbeta.clone().unwrap(),
            numerical_gradient(|b| loss(&x0, &gamma, b), &mut beta.clone()),
            epsilon = 1e-8
        );
        let names: Vec<_> = bn.grads().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["gamma", "beta"]);
        let names: Vec<_> = bn.params().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["gamma", "beta"]);
    }

    /// A 2×2 batch by hand: unit 0 has inputs 1 and 3 (μ = 2, var = 1), unit 1 has −1 and −1
    /// (μ = −1, var = 0, normalised to 0); the running mean after one pass is (1 − 0.9) · μ,
    /// and a test pass then normalises by it.
    #[test]
    fn batch_norm_forward_by_hand() {
        let x = array![[1.0, -1.0], [3.0, -1.0]];
        let (gamma, beta) = (array![2.0, 3.0], array![0.5, -0.25]);
        let (mut mean, mut var) = (Array1::zeros(2), Array1::zeros(2));
        let mut bn = BatchNormalization::training(
            gamma.view(),
            beta.view(),
            mean.view_mut(),
            var.view_mut(),
        );
        let out = bn.forward2(x.clone(), true);
        let s = (1.0f64 + 1e-6).sqrt();
        assert_eq!(
            out,
            array![
                [2.0 * (-1.0 / s) + 0.5, -0.25],
                [2.0 * (1.0 / s) + 0.5, -0.25]
            ]
        );
        drop(bn);
        assert_eq!(mean, array![(1.0 - 0.9) * 2.0, -(1.0 - 0.9)]);
        approx::assert_abs_diff_eq!(mean, array![0.2, -0.1], epsilon = 1e-16);
        assert_eq!(var, array![(1.0 - 0.9) * 1.0, 0.0]);
        // the test pass: (x − running mean) / √(running var + 1e-6), then γ, β
        let mut bn =
            BatchNormalization::testing(gamma.view(), beta.view(), mean.view(), var.view());
        let (m0, m1) = ((1.0 - 0.9) * 2.0, -(1.0 - 0.9));
        let out = bn.forward2(array![[m0, 0.0]], false);
        assert_eq!(out, array![[0.5, 3.0 * (-m1 / 1e-6f64.sqrt()) - 0.25]]);
        // 0.1 / 0.001 = 100 standard deviations away
        approx::assert_abs_diff_eq!(out[(0, 1)], 300.0 - 0.25, epsilon = 1e-9);
        // a training pass of a layer that only reads its statistics leaves them
        bn.forward2(x, true);
        assert_eq!(bn.running().0, array![(1.0 - 0.9) * 2.0, -(1.0 - 0.9)]);
    }

    /// NumPy's numbers for Batch Normalization on a 4×3 batch (`tests/reference/ch06_layers.py`):
    /// the training pass, the running statistics it leaves, the backward pass and a test pass,
    /// bit for bit (the same operations in the same order).
    #[test]
    fn batch_norm_matches_numpy_bit_for_bit() {
        let reference: serde_json::Value =
            serde_json::from_str(include_str!("../../../../tests/reference/ch06_layers.json"))
                .expect("valid JSON");
        let bn = &reference["batch_norm"];
        let matrix = |key: &str| {
            let rows: Vec<Vec<f64>> = serde_json::from_value(bn[key].clone()).unwrap();
            let (n, d) = (rows.len(), rows[0].len());
            Array2::from_shape_vec((n, d), rows.concat()).unwrap()
        };
        let vector =
            |key: &str| Array1::from(serde_json::from_value::<Vec<f64>>(bn[key].clone()).unwrap());
        let (gamma, beta) = (vector("gamma"), vector("beta"));
        let (mut mean, mut var) = (vector("running_mean"), vector("running_var"));
        let mut layer = BatchNormalization::training(
            gamma.view(),
            beta.view(),
            mean.view_mut(),
            var.view_mut(),
        );
        assert_eq!(layer.forward2(matrix("x"), true), matrix("out"));
        assert_eq!(layer.backward2(matrix("dout")), matrix("dx"));
        assert_eq!(layer.dgamma.clone().unwrap(), vector("dgamma"));
        assert_eq!(layer.dbeta.clone().unwrap(), vector("dbeta"));
        drop(layer);
        assert_eq!(mean, vector("new_running_mean"));
        assert_eq!(var, vector("new_running_var"));
        let mut test =
            BatchNormalization::testing(gamma.view(), beta.view(), mean.view(), var.view());
        assert_eq!(test.forward2(matrix("x"), false), matrix("test_out"));
    }

    /// A product of single columns comes out column-major: the layers reshape it all the same
    /// (one hidden unit, found by the fast path's property test; one output position).
    #[test]
    fn products_of_single_columns_are_reshaped() {
        let x = array![[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]];
        let (w, b) = (array![[1.0], [2.0], [-1.0]], array![0.25]);
        let mut affine = Affine::new(w.view(), b.view());
        affine.forward2(x.clone(), true);
        let dx = affine.backward2(array![[1.0], [-2.0]]);
        assert_eq!(dx, array![[1.0, 2.0, -1.0], [-2.0, -4.0, 2.0]]);
        let image = ndarray::Array4::from_shape_fn((1, 1, 3, 3), |(_, _, i, j)| (i * 3 + j) as f64);
        let filter = ndarray::Array4::ones((1, 1, 3, 3));
        let bias = array![0.5];
        let mut conv = Convolution::new(filter.view(), bias.view(), 1, 0);
        let out = conv.forward(image.into_dyn(), true);
        assert_eq!(out.into_raw_vec_and_offset().0, [36.5]);
    }
}
