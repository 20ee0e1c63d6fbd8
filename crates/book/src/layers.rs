//! The layers of backpropagation (the book's `common/layers.py`), each with its forward pass
//! and, right under it, its backward pass.
//!
//! A forward pass computes a layer's output; the backward pass takes `dout = ∂L/∂out`, the
//! gradient of the loss with respect to that output, and returns the gradient with respect to
//! the layer's input (and its parameters), by the chain rule. Each backward pass needs something
//! from its forward pass (its input or its output): it is passed back in explicitly, so that
//! nothing is hidden in the layer.
//!
//! Shapes: `N` samples, `D` inputs, `H` outputs of a layer, `C` classes.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use crate::functions::{Targets, relu_of, sigmoid_grad_of_output, sigmoid_of, softmax};

/// The fully connected layer: `out = x · W + b`.
///
/// ```
/// use scratchnet_book::layers::Affine;
/// use scratchnet_book::ndarray::array;
/// let (x, w, b) = (array![[1.0, 2.0]], array![[1.0, 0.0, -1.0], [0.5, 2.0, 1.0]], array![0.1, 0.2, 0.3]);
/// // (1·1 + 2·0.5 + 0.1, 1·0 + 2·2 + 0.2, 1·(−1) + 2·1 + 0.3)
/// assert_eq!(Affine::forward(x.view(), w.view(), b.view()), array![[2.1, 4.2, 1.3]]);
/// let dout = array![[1.0, 0.0, 0.0]];
/// let (dx, dw, db) = Affine::backward(dout.view(), x.view(), w.view());
/// assert_eq!(dx, array![[1.0, 0.5]]); // the first column of W: how out₀ moves with x
/// assert_eq!(dw, array![[1.0, 0.0, 0.0], [2.0, 0.0, 0.0]]); // x, into column 0
/// assert_eq!(db, array![1.0, 0.0, 0.0]);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Affine;

impl Affine {
    /// `out = x · W + b`, with `x: (N, D)`, `W: (D, H)`, `b: (H,)`, `out: (N, H)`.
    #[must_use]
    pub fn forward(x: ArrayView2<f64>, w: ArrayView2<f64>, b: ArrayView1<f64>) -> Array2<f64> {
        let mut out = x.dot(&w);
        out += &b;
        out
    }

    /// `dx = dout · Wᵀ`, `dW = xᵀ · dout`, `db = Σₙ doutₙ` (summed over the batch), from
    /// `dout: (N, H)` and the forward pass's `x: (N, D)` and `W: (D, H)`.
    #[must_use]
    pub fn backward(
        dout: ArrayView2<f64>,
        x: ArrayView2<f64>,
        w: ArrayView2<f64>,
    ) -> (Array2<f64>, Array2<f64>, Array1<f64>) {
        (dout.dot(&w.t()), x.t().dot(&dout), dout.sum_axis(Axis(0)))
    }
}

/// The sigmoid layer: `out = σ(x) = 1 / (1 + exp(−x))`, element-wise.
///
/// ```
/// use scratchnet_book::layers::Sigmoid;
/// use scratchnet_book::ndarray::array;
/// let out = Sigmoid::forward(array![[0.0, 2.0]]);
/// assert_eq!(out[(0, 0)], 0.5);
/// // σ′(0) = (1 − 0.5) · 0.5 = 0.25
/// let dx = Sigmoid::backward(array![[1.0, 1.0]], out.view());
/// assert_eq!(dx[(0, 0)], 0.25);
/// approx::assert_abs_diff_eq!(dx[(0, 1)], 0.104993585403507, epsilon = 1e-15);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Sigmoid;

impl Sigmoid {
    /// `out = σ(x)`.
    pub fn forward(x: Array2<f64>) -> Array2<f64> {
        x.mapv_into(sigmoid_of)
    }

    /// `dx = dout · (1 − out) · out`, from the forward pass's output: `σ′ = (1 − σ)σ`.
    #[must_use]
    pub fn backward(mut dout: Array2<f64>, out: ArrayView2<f64>) -> Array2<f64> {
        dout.zip_mut_with(&out, |d, &y| *d *= sigmoid_grad_of_output(y));
        dout
    }
}

/// The ReLU layer: `out = max(0, x)`, element-wise.
///
/// ```
/// use scratchnet_book::layers::Relu;
/// use scratchnet_book::ndarray::array;
/// let out = Relu::forward(array![[-1.0, 0.0, 2.0]]);
/// assert_eq!(out, array![[0.0, 0.0, 2.0]]);
/// // the gradient passes where the input was positive
/// assert_eq!(Relu::backward(array![[5.0, 5.0, 5.0]], out.view()), array![[0.0, 0.0, 5.0]]);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Relu;

impl Relu {
    /// `out = max(0, x)`.
    pub fn forward(x: Array2<f64>) -> Array2<f64> {
        x.mapv_into(relu_of)
    }

    /// `dx = dout` where the input was positive, else 0 (0 at exactly 0, as the book's layer).
    /// Needs only the sign of the input, which the output keeps: `out > 0` exactly when `x > 0`.
    #[must_use]
    pub fn backward(mut dout: Array2<f64>, out: ArrayView2<f64>) -> Array2<f64> {
        dout.zip_mut_with(&out, |d, &y| {
            if y <= 0.0 {
                *d = 0.0
            }
        });
        dout
    }
}

/// Softmax and the cross-entropy loss in one layer, the last one of a classifier.
///
/// ```
/// use scratchnet_book::Targets;
/// use scratchnet_book::layers::SoftmaxWithLoss;
/// use scratchnet_book::ndarray::array;
/// // two samples, three classes, equal scores: each class has probability 1/3
/// let t = Targets::from(&[2, 0]);
/// let (y, loss) = SoftmaxWithLoss::forward(array![[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]].view(), &t);
/// approx::assert_abs_diff_eq!(loss, 3f64.ln(), epsilon = 1e-6); // −log(1/3 + 1e-7)
/// let dx = SoftmaxWithLoss::backward(y, &t);
/// // (y − t) / N: the correct class pulled up, the others down
/// approx::assert_abs_diff_eq!(dx, array![[1.0 / 6.0, 1.0 / 6.0, -1.0 / 3.0], [-1.0 / 3.0, 1.0 / 6.0, 1.0 / 6.0]], epsilon = 1e-15);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SoftmaxWithLoss;

impl SoftmaxWithLoss {
    /// `y = softmax(x)` row by row and `L = cross_entropy_error(y, t)`, with `x: (N, C)` the
    /// scores and `t` the correct answers (class indices or one-hot rows). Returns `(y, L)`.
    ///
    /// # Panics
    /// As [`cross_entropy_error`](crate::cross_entropy_error).
    #[must_use]
    pub fn forward(x: ArrayView2<f64>, t: &Targets) -> (Array2<f64>, f64) {
        let y = softmax(&x);
        let loss = crate::cross_entropy_error(&y, t.clone());
        (y, loss)
    }

    /// `dx = (y − t) / N` with `t` one-hot: the gradient of the mean loss with respect to the
    /// scores. (That it is this simple is why softmax and cross-entropy are paired.)
    ///
    /// # Panics
    /// If `t` does not have one answer per row of `y`.
    #[must_use]
    pub fn backward(mut y: Array2<f64>, t: &Targets) -> Array2<f64> {
        assert_eq!(t.len(), y.nrows(), "one answer per sample");
        let n = y.nrows() as f64;
        match t {
            Targets::Index(ix) => {
                for (mut row, &k) in y.axis_iter_mut(Axis(0)).zip(ix.iter()) {
                    row[k] -= 1.0;
                }
            }
            Targets::OneHot(rows) => y -= rows,
        }
        y /= n;
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerical_gradient;
    use ndarray::array;

    /// Each backward pass against the numerical gradient of `Σ forward(x) · dout`, whose
    /// gradient with respect to x is exactly what backward computes.
    #[test]
    fn backward_passes_match_numerical_gradients() {
        let x0 = array![[0.3, -1.2, 2.0], [-0.7, 0.05, 1.1]];
        let dout = array![[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]];
        let probe = |f: &dyn Fn(Array2<f64>) -> Array2<f64>| {
            numerical_gradient(
                |x: &Array2<f64>| (f(x.clone()) * &dout).sum(),
                &mut x0.clone(),
            )
        };
        let sig = Sigmoid::backward(dout.clone(), Sigmoid::forward(x0.clone()).view());
        approx::assert_abs_diff_eq!(sig, probe(&Sigmoid::forward), epsilon = 1e-8);
        let relu = Relu::backward(dout.clone(), Relu::forward(x0.clone()).view());
        approx::assert_abs_diff_eq!(relu, probe(&Relu::forward), epsilon = 1e-8);

        let (w, b) = (
            array![[1.0, -2.0], [0.5, 0.25], [-1.5, 3.0]],
            array![0.1, -0.2],
        );
        let dout2 = array![[1.0, -0.5], [0.25, 2.0]];
        let (dx, dw, db) = Affine::backward(dout2.view(), x0.view(), w.view());
        let loss = |x: &Array2<f64>, w: &Array2<f64>, b: &Array1<f64>| {
            (Affine::forward(x.view(), w.view(), b.view()) * &dout2).sum()
        };
        approx::assert_abs_diff_eq!(
            dx,
            numerical_gradient(|x| loss(x, &w, &b), &mut x0.clone()),
            epsilon = 1e-8
        );
        approx::assert_abs_diff_eq!(
            dw,
            numerical_gradient(|w| loss(&x0, w, &b), &mut w.clone()),
            epsilon = 1e-8
        );
        approx::assert_abs_diff_eq!(
            db,
            numerical_gradient(|b| loss(&x0, &w, b), &mut b.clone()),
            epsilon = 1e-8
        );

        let t = Targets::from(&[2, 0]);
        let (y, _) = SoftmaxWithLoss::forward(x0.view(), &t);
        let dx = SoftmaxWithLoss::backward(y.clone(), &t);
        let one_hot = array![[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]];
        assert_eq!(
            SoftmaxWithLoss::backward(y, &Targets::from(&one_hot)),
            dx,
            "one-hot rows or indices"
        );
        let numeric = numerical_gradient(
            |x: &Array2<f64>| SoftmaxWithLoss::forward(x.view(), &t).1,
            &mut x0.clone(),
        );
        // (y − t)/N is the gradient of −log y; the loss takes −log(y + 1e-7), whose gradient
        // differs by a factor y/(y + 1e-7), about 1e-6 relative when the correct class has y ≈ 0.1.
        approx::assert_abs_diff_eq!(dx, numeric, epsilon = 1e-6);
    }
}
