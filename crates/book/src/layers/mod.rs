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
//! | `layer.forward(x, train_flg)` | [`Layer::forward`]`(x, train)` |
//! | `layer.backward(dout)` | [`Layer::backward`]`(dout)` |
//! | `layer.W`, `layer.dW` | [`Layer::params`], [`Layer::grads`], by the book's names |
//!
//! Shapes: `N` samples, `D` inputs, `H` outputs of a layer, `C` classes.

use ndarray::{Array2, ArrayView2, ArrayViewD};

mod activation;
mod affine;
mod softmax_with_loss;

pub use activation::{Relu, Sigmoid};
pub use affine::Affine;
pub use softmax_with_loss::SoftmaxWithLoss;

/// A layer of a network, as the book's layers are: a forward pass that remembers what it needs,
/// and a backward pass that uses it.
pub trait Layer: std::fmt::Debug {
    /// The layer's output for a batch `x: (N, D)`, `(N, H)`. `train` says whether this is a
    /// training pass (the book's `train_flg`), one a backward pass will follow: only then does
    /// the layer keep what its backward pass needs (a prediction keeps nothing, so that a
    /// wide layer's activations are not held twice). The layers of chapter 6 (Dropout, Batch
    /// Normalization) also compute differently when it is not.
    fn forward(&mut self, x: Array2<f64>, train: bool) -> Array2<f64>;

    /// [`forward`](Layer::forward) of a borrowed batch, such as a network's input: a layer that
    /// keeps its input only when `train` (as [`Affine`] does) need not copy it otherwise.
    fn forward_view(&mut self, x: ArrayView2<f64>, train: bool) -> Array2<f64> {
        self.forward(x.to_owned(), train)
    }

    /// `∂L/∂x`, `(N, D)`, from `dout = ∂L/∂out`, `(N, H)`, the gradient with respect to the
    /// output of the last forward pass; the parameters' gradients stay in the layer
    /// ([`grads`](Layer::grads)).
    ///
    /// # Panics
    /// If the last forward pass was not a training pass.
    fn backward(&mut self, dout: Array2<f64>) -> Array2<f64>;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::functions::Targets;
    use crate::numerical_gradient;
    use ndarray::{Array1, array};

    /// `Σ forward(x) · dout`, whose gradient with respect to x is exactly what backward computes.
    fn probe(layer: &mut dyn Layer, x: &Array2<f64>, dout: &Array2<f64>) -> f64 {
        (layer.forward(x.clone(), true) * dout).sum()
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
            layer.forward(x0.clone(), true);
            let dx = layer.backward(dout.clone());
            approx::assert_abs_diff_eq!(dx, numeric, epsilon = 1e-8);
        }

        let (w, b) = (
            array![[1.0, -2.0], [0.5, 0.25], [-1.5, 3.0]],
            array![0.1, -0.2],
        );
        let dout2 = array![[1.0, -0.5], [0.25, 2.0]];
        let mut affine = Affine::new(w.view(), b.view());
        affine.forward(x0.clone(), true);
        let dx = affine.backward(dout2.clone());
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
}
