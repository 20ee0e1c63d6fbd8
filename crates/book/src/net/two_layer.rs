//! The book's `TwoLayerNet` (`ch04/two_layer_net.py`, `ch05/two_layer_net.py`): input →
//! Affine → activation → Affine → softmax, with its gradient by numerical differentiation (the
//! slow, obviously correct way) and by backpropagation (the fast way).
//!
//! Shapes: `N` samples, `D` inputs (784 for MNIST), `H` hidden units, `C` classes (10).

use ndarray::{Array1, Array2, ArrayD, ArrayView2, ArrayViewD, ArrayViewMutD, Ix1, Ix2};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use super::{Layers, Network};
use crate::Targets;
use crate::layers::{Affine, Relu, Sigmoid};
use crate::real::Real;

/// The hidden layer's activation (`sigmoid` or `relu`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Activation {
    /// `σ(x) = 1 / (1 + exp(−x))`, as in the book's chapter 4.
    Sigmoid,
    /// `max(0, x)`, as in chapter 5.
    Relu,
}

impl Activation {
    /// Both, in the order `--help` lists them.
    pub const ALL: [Activation; 2] = [Activation::Sigmoid, Activation::Relu];
}

/// The parameters of a [`TwoLayerNet`], or their gradients (same shapes), in `f64` or (for the
/// fast training path) `f32`.
#[derive(Clone, Debug, PartialEq)]
pub struct Params<T = f64> {
    /// First layer's weights, `(D, H)`.
    pub w1: Array2<T>,
    /// First layer's biases, `(H,)`.
    pub b1: Array1<T>,
    /// Second layer's weights, `(H, C)`.
    pub w2: Array2<T>,
    /// Second layer's biases, `(C,)`.
    pub b2: Array1<T>,
}

impl<T: Real> Params<T> {
    /// Zeros, for `D` inputs, `H` hidden units and `C` classes.
    #[must_use]
    pub fn zeros(input: usize, hidden: usize, output: usize) -> Self {
        Params {
            w1: Array2::zeros((input, hidden)),
            b1: Array1::zeros(hidden),
            w2: Array2::zeros((hidden, output)),
            b2: Array1::zeros(output),
        }
    }

    /// The same numbers in another type: rounded to nearest going to `f32`, exact going to `f64`.
    #[must_use]
    pub fn cast<U: Real>(&self) -> Params<U> {
        let c = |v: &T| U::cast(v.widen());
        Params {
            w1: self.w1.map(c),
            b1: self.b1.map(c),
            w2: self.w2.map(c),
            b2: self.b2.map(c),
        }
    }

    /// The book's gradient check (`ch05/gradient_check.py`): for each parameter, by its name, the
    /// mean absolute difference between this gradient and `other` (by backpropagation and
    /// numerically), `np.average(np.abs(grad_backprop[key] - grad_numerical[key]))`.
    ///
    /// ```
    /// use scratchnet_book::Params;
    /// let mut a = Params::<f64>::zeros(2, 3, 2);
    /// let b = a.clone();
    /// a.w1[[0, 0]] = 0.75; // one of W1's six numbers differs by 0.75
    /// assert_eq!(a.mean_abs_diff(&b)[0], ("W1", 0.125));
    /// assert_eq!(a.mean_abs_diff(&b)[3], ("b2", 0.0));
    /// ```
    #[must_use]
    pub fn mean_abs_diff(&self, other: &Params<T>) -> [(&'static str, f64); 4] {
        let (ours, theirs) = (self.named(), other.named());
        std::array::from_fn(|k| {
            let ((name, a), (_, b)) = (&ours[k], &theirs[k]);
            let sum: f64 = a
                .iter()
                .zip(b.iter())
                .map(|(p, q)| (p.widen() - q.widen()).abs())
                .sum();
            (*name, sum / a.len().max(1) as f64)
        })
    }

    /// The names the book gives the parameters, with each one's values in row-major order.
    #[must_use]
    pub fn named(&self) -> [(&'static str, ndarray::ArrayViewD<'_, T>); 4] {
        [
            ("W1", self.w1.view().into_dyn()),
            ("b1", self.b1.view().into_dyn()),
            ("W2", self.w2.view().into_dyn()),
            ("b2", self.b2.view().into_dyn()),
        ]
    }

    /// The number of numbers: `D·H + H + H·C + C`.
    #[must_use]
    pub fn len(&self) -> usize {
        self.w1.len() + self.b1.len() + self.w2.len() + self.b2.len()
    }

    /// Never: a network has parameters.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Mutable views of the four arrays, in the order of [`named`](Params::named), for an
    /// [`Optimizer`](crate::Optimizer) to update.
    pub fn views_mut(&mut self) -> [ndarray::ArrayViewMutD<'_, T>; 4] {
        [
            self.w1.view_mut().into_dyn(),
            self.b1.view_mut().into_dyn(),
            self.w2.view_mut().into_dyn(),
            self.b2.view_mut().into_dyn(),
        ]
    }

    /// Views of the four arrays, in the order of [`named`](Params::named).
    #[must_use]
    pub fn views(&self) -> [ndarray::ArrayViewD<'_, T>; 4] {
        self.named().map(|(_, a)| a)
    }

    /// The four arrays, in the order of [`named`](Params::named).
    #[must_use]
    pub fn into_vec(self) -> Vec<ArrayD<T>> {
        vec![
            self.w1.into_dyn(),
            self.b1.into_dyn(),
            self.w2.into_dyn(),
            self.b2.into_dyn(),
        ]
    }

    /// The four arrays of [`into_vec`](Params::into_vec), back in their places.
    ///
    /// # Panics
    /// If there are not four arrays of two, one, two and one dimensions.
    #[must_use]
    pub fn from_vec(arrays: Vec<ArrayD<T>>) -> Self {
        let [w1, b1, w2, b2]: [ArrayD<T>; 4] =
            arrays.try_into().expect("four arrays: W1, b1, W2, b2");
        let two = |a: ArrayD<T>| a.into_dimensionality::<Ix2>().expect("a matrix");
        let one = |a: ArrayD<T>| a.into_dimensionality::<Ix1>().expect("a vector");
        Params {
            w1: two(w1),
            b1: one(b1),
            w2: two(w2),
            b2: one(b2),
        }
    }

    /// Whether every number is finite.
    #[must_use]
    pub fn is_finite(&self) -> bool {
        self.named()
            .iter()
            // `&` rather than a short-circuit, so that the loop runs on vectors
            .all(|(_, a)| a.fold(true, |ok, v| ok & v.is_finite()))
    }
}

/// A two-layer network: `scores = activation(x · W1 + b1) · W2 + b2`.
#[derive(Clone, Debug, PartialEq)]
pub struct TwoLayerNet {
    /// The weights and biases.
    pub params: Params,
    /// The hidden layer's activation.
    pub activation: Activation,
}

impl TwoLayerNet {
    /// The book's initialisation: weights `weight_init_std · N(0, 1)` (the book: 0.01), biases
    /// 0, drawn from a ChaCha8 generator seeded with `seed` (W1 first, row by row, then W2).
    ///
    /// ```
    /// use scratchnet_book::net::two_layer::{Activation, TwoLayerNet};
    /// let net = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 42);
    /// assert_eq!(net.params.len(), 39_760);
    /// assert_eq!(net, TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 42));
    /// ```
    #[must_use]
    pub fn new(
        input: usize,
        hidden: usize,
        output: usize,
        weight_init_std: f64,
        activation: Activation,
        seed: u64,
    ) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        Self::with_random(input, hidden, output, weight_init_std, activation, &mut rng)
    }

    /// The network as the book's `TwoLayerNet.__init__` draws it from `random` (NumPy's, for the
    /// book's numbers): `W1` = `weight_init_std · randn(D, H)` row by row, then `W2` =
    /// `weight_init_std · randn(H, C)`; biases 0.
    ///
    /// ```
    /// use scratchnet_book::random::numpy::RandomState;
    /// use scratchnet_book::{Activation, TwoLayerNet};
    /// let net = TwoLayerNet::with_random(784, 50, 10, 0.01, Activation::Sigmoid, &mut RandomState::new(0));
    /// // np.random.seed(0); 0.01 * np.random.randn(784, 50)[0, 0]
    /// assert_eq!(net.params.w1[[0, 0]], 0.01 * 1.764052345967664);
    /// ```
    #[must_use]
    pub fn with_random(
        input: usize,
        hidden: usize,
        output: usize,
        weight_init_std: f64,
        activation: Activation,
        random: &mut dyn crate::random::Random,
    ) -> Self {
        let mut normal = |shape: (usize, usize)| {
            Array2::from_shape_simple_fn(shape, || weight_init_std * random.standard_normal())
        };
        let w1 = normal((input, hidden));
        let w2 = normal((hidden, output));
        TwoLayerNet {
            params: Params {
                w1,
                b1: Array1::zeros(hidden),
                w2,
                b2: Array1::zeros(output),
            },
            activation,
        }
    }

    /// `(D, H, C)`: inputs, hidden units, classes.
    #[must_use]
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.params.w1.nrows(),
            self.params.w1.ncols(),
            self.params.w2.ncols(),
        )
    }

    /// The scores `(N, C)` for a batch `x: (N, D)`, before softmax (as the book's chapter-5
    /// `predict`); the largest is the predicted class.
    ///
    /// # Panics
    /// If `x` does not have `D` columns.
    #[must_use]
    pub fn predict(&self, x: ArrayView2<f64>) -> Array2<f64> {
        Network::predict(self, x)
    }

    /// The probabilities `softmax(predict(x))`, `(N, C)` (the book's chapter-4 `predict`).
    #[must_use]
    pub fn probabilities(&self, x: ArrayView2<f64>) -> Array2<f64> {
        Network::probabilities(self, x)
    }

    /// The loss: cross-entropy of the softmax of the scores against the correct answers `t`
    /// (class indices or one-hot rows, see [`Targets`]).
    ///
    /// # Panics
    /// If `t` does not have one answer per sample, or a class is `≥ C`.
    pub fn loss<'t>(&self, x: ArrayView2<f64>, t: impl Into<Targets<'t>>) -> f64 {
        Network::loss(self, x, t.into())
    }

    /// The predicted class of each sample, `(N,)`: the index of its largest score.
    #[must_use]
    pub fn classify(&self, x: ArrayView2<f64>) -> Vec<usize> {
        Network::classify(self, x)
    }

    /// The fraction of samples whose predicted class is the correct one (`t`: class indices,
    /// or one-hot rows whose largest entry marks the class).
    ///
    /// # Panics
    /// If `t` does not have one answer per sample.
    pub fn accuracy<'t>(&self, x: ArrayView2<f64>, t: impl Into<Targets<'t>>) -> f64 {
        Network::accuracy(self, x, t.into())
    }

    /// The gradient of the loss by backpropagation: one forward pass through the book's layers
    /// (`Affine1`, `Sigmoid1` or `Relu1`, `Affine2`, then `SoftmaxWithLoss`), then each layer's
    /// backward pass in reverse order ([`Layers::gradient`]). Returns the loss and `∂L/∂θ` for
    /// every parameter.
    ///
    /// It is the numerical gradient's value, computed in one pass back instead of two passes
    /// forward per weight (the book's `gradient_check.py`):
    ///
    /// ```
    /// use scratchnet_book::ndarray::array;
    /// use scratchnet_book::{Activation, TwoLayerNet};
    /// let mut net = TwoLayerNet::new(4, 5, 3, 0.5, Activation::Sigmoid, 7);
    /// let x = array![[0.1, 0.9, 0.0, 0.4], [0.7, 0.0, 0.3, 0.2]];
    /// let (loss, grad) = net.gradient(x.view(), &[2, 0]);
    /// assert_eq!(loss, net.loss(x.view(), &[2, 0]));
    /// let numerical = net.numerical_gradient(x.view(), &[2, 0]);
    /// // equal but for the loss's 1e-7 (inside the log, not in the backward pass): about 1e-6
    /// approx::assert_abs_diff_eq!(grad.w1, numerical.w1, epsilon = 1e-6);
    /// approx::assert_abs_diff_eq!(grad.b2, numerical.b2, epsilon = 1e-6);
    /// ```
    pub fn gradient<'t>(&self, x: ArrayView2<f64>, t: impl Into<Targets<'t>>) -> (f64, Params) {
        let (loss, grads) = Network::gradient(self, x, t.into());
        (loss, Params::from_vec(grads))
    }

    /// The gradient of the loss by central difference, one parameter at a time (the book's
    /// `numerical_gradient` method): `2 · (D·H + H + H·C + C)` forward passes, 79,520 for the
    /// book's 784-50-10 network. Correct, and far too slow to train with — which is the book's
    /// point.
    pub fn numerical_gradient<'t>(
        &mut self,
        x: ArrayView2<f64>,
        t: impl Into<Targets<'t>>,
    ) -> Params {
        Params::from_vec(Network::numerical_gradient(self, x, t.into()))
    }
}

/// The book's `TwoLayerNet` as layers: `Affine1`, `Sigmoid1` (or `Relu1`), `Affine2`; the
/// parameters `W1`, `b1`, `W2`, `b2`.
impl Network for TwoLayerNet {
    fn kind(&self) -> &'static str {
        "TwoLayerNet"
    }

    fn layers(&self) -> Layers<'_> {
        let p = &self.params;
        let mut layers = Layers::new();
        layers.push("Affine1", Affine::new(p.w1.view(), p.b1.view()));
        match self.activation {
            Activation::Sigmoid => layers.push("Sigmoid1", Sigmoid::default()),
            Activation::Relu => layers.push("Relu1", Relu::default()),
        }
        layers.push("Affine2", Affine::new(p.w2.view(), p.b2.view()));
        layers
    }

    fn params(&self) -> Vec<(String, ArrayViewD<'_, f64>)> {
        self.params
            .named()
            .into_iter()
            .map(|(name, a)| (name.to_string(), a))
            .collect()
    }

    fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, f64>> {
        self.params.views_mut().into()
    }

    fn layer_sizes(&self) -> Vec<usize> {
        let (d, h, c) = self.sizes();
        vec![d, h, c]
    }

    fn describe(&self) -> String {
        let (d, h, c) = self.sizes();
        format!("TwoLayerNet {d}-{h}-{c} {}", self.activation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn labels_and_one_hot_rows_are_the_same_answers() {
        let net = TwoLayerNet::new(3, 4, 2, 1.0, Activation::Relu, 5);
        let x = array![[0.1, 0.9, -0.3], [1.5, -0.2, 0.4], [0.0, 0.3, 0.8]];
        let labels = [1, 0, 1];
        let one_hot = array![[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]];
        assert_eq!(net.loss(x.view(), &labels), net.loss(x.view(), &one_hot));
        assert_eq!(
            net.accuracy(x.view(), &labels),
            net.accuracy(x.view(), &one_hot)
        );
        assert_eq!(
            net.gradient(x.view(), &labels),
            net.gradient(x.view(), &one_hot)
        );
        let right = net
            .classify(x.view())
            .iter()
            .zip(labels)
            .filter(|(a, b)| **a == *b)
            .count();
        assert_eq!(net.accuracy(x.view(), &labels), right as f64 / 3.0);
    }
}
