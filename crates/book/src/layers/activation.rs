//! The activation layers (the book's `Sigmoid` and `Relu`): no parameters, a function applied
//! element by element, and its derivative on the way back.

use ndarray::ArrayD;

use super::Layer;
use crate::functions::{sigmoid_grad_of_output, sigmoid_of};

/// The sigmoid layer: `out = σ(x) = 1 / (1 + exp(−x))`, element-wise. It keeps its output:
/// the backward pass is `dx = dout · (1 − out) · out`, since `σ′ = (1 − σ)σ`.
///
/// ```
/// use scratchnet_book::layers::{Layer, Sigmoid};
/// use scratchnet_book::ndarray::array;
/// let mut sigmoid = Sigmoid::default();
/// let out = sigmoid.forward(array![[0.0, 2.0]].into_dyn(), true);
/// assert_eq!(out[[0, 0]], 0.5);
/// // σ′(0) = (1 − 0.5) · 0.5 = 0.25
/// let dx = sigmoid.backward(array![[1.0, 1.0]].into_dyn());
/// assert_eq!(dx[[0, 0]], 0.25);
/// approx::assert_abs_diff_eq!(dx[[0, 1]], 0.104993585403507, epsilon = 1e-15);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Sigmoid {
    out: Option<ArrayD<f64>>,
}

impl Layer for Sigmoid {
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        let out = x.mapv_into(sigmoid_of);
        self.out = train.then(|| out.clone());
        out
    }

    fn backward(&mut self, mut dout: ArrayD<f64>) -> ArrayD<f64> {
        let out = self
            .out
            .as_ref()
            .expect("backward after a training forward pass");
        dout.zip_mut_with(out, |d, &y| *d *= sigmoid_grad_of_output(y));
        dout
    }
}

/// The ReLU layer: `out = max(0, x)`, element-wise. The gradient passes where the input was
/// positive, and is 0 elsewhere (0 at exactly 0, as the book's layer: its `mask` is `x <= 0`).
/// The output keeps the sign of the input (`out > 0` exactly when `x > 0`), so the layer keeps
/// its output as its mask.
///
/// A NaN passes through, forward and backward, as through the book's layer (whose mask
/// `x <= 0` is false for NaN): a network whose numbers overflowed keeps NaN in its scores, as
/// the book's does, rather than going on from zeros ([`relu_of`](crate::functions::relu_of) maps NaN to 0).
///
/// ```
/// use scratchnet_book::layers::{Layer, Relu};
/// use scratchnet_book::ndarray::array;
/// let mut relu = Relu::default();
/// let out = relu.forward(array![[-1.0, 0.0, 2.0]].into_dyn(), true);
/// assert_eq!(out, array![[0.0, 0.0, 2.0]].into_dyn());
/// let dx = relu.backward(array![[5.0, 5.0, 5.0]].into_dyn());
/// assert_eq!(dx, array![[0.0, 0.0, 5.0]].into_dyn());
/// assert!(relu.forward(array![[f64::NAN]].into_dyn(), true)[[0, 0]].is_nan());
/// assert_eq!(relu.backward(array![[5.0]].into_dyn()), array![[5.0]].into_dyn());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Relu {
    out: Option<ArrayD<f64>>,
}

impl Layer for Relu {
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        // the book's `out[x <= 0] = 0`: NaN is kept
        let out = x.mapv_into(|v| if v <= 0.0 { 0.0 } else { v });
        self.out = train.then(|| out.clone());
        out
    }

    fn backward(&mut self, mut dout: ArrayD<f64>) -> ArrayD<f64> {
        let out = self
            .out
            .as_ref()
            .expect("backward after a training forward pass");
        dout.zip_mut_with(out, |d, &y| {
            if y <= 0.0 {
                *d = 0.0
            }
        });
        dout
    }
}
