//! The book's `MultiLayerNet` (`common/multi_layer_net.py`): any number of hidden layers, each
//! `Affine` then an activation, and a last `Affine` — the network of chapter 6's experiments.
//!
//! Shapes: `D` inputs, `Hᵢ` units of hidden layer `i`, `C` classes.

use ndarray::{Array1, Array2, ArrayViewD, ArrayViewMutD};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

use super::two_layer::{Activation, TwoLayerNet};
use super::{Layers, Network};
use crate::layers::{Affine, Relu, Sigmoid};

/// The standard deviation of the initial weights (the book's `weight_init_std`): a number, or
/// one of the rules of chapter 6 that scale with `n`, the number of units feeding the layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WeightInit {
    /// The same for every layer (chapter 4: 0.01).
    Std(f64),
    /// He's `√(2/n)`, for ReLU (the book's `'relu'` or `'he'`).
    He,
    /// Xavier's `√(1/n)`, for sigmoid (the book's `'sigmoid'` or `'xavier'`).
    Xavier,
}

impl WeightInit {
    /// The standard deviation for a layer fed by `n` units.
    #[must_use]
    pub fn std(self, n: usize) -> f64 {
        match self {
            WeightInit::Std(s) => s,
            WeightInit::He => (2.0 / n as f64).sqrt(),
            WeightInit::Xavier => (1.0 / n as f64).sqrt(),
        }
    }
}

/// A network of `Affine` and activation layers, as many as `hidden` lists, then a last
/// `Affine`: `D → H₁ → … → Hₖ → C`. With one hidden layer it is [`TwoLayerNet`], weight for
/// weight ([`from_two_layer`](MultiLayerNet::from_two_layer)).
///
/// ```
/// use scratchnet_book::net::multi_layer::{MultiLayerNet, WeightInit};
/// use scratchnet_book::net::Network;
/// use scratchnet_book::ndarray::array;
/// use scratchnet_book::{Activation, Targets};
/// let net = MultiLayerNet::new(4, &[5, 3], 2, Activation::Relu, WeightInit::He, 1);
/// let names: Vec<_> = net.params().into_iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["W1", "b1", "W2", "b2", "W3", "b3"]);
/// let layers: Vec<String> = net.layers().names().map(String::from).collect();
/// assert_eq!(layers, ["Affine1", "Relu1", "Affine2", "Relu2", "Affine3"]);
/// let x = array![[0.1, 0.9, 0.0, 0.4]];
/// let (loss, grads) = net.gradient(x.view(), Targets::from(&[1]));
/// assert_eq!(grads.len(), 6);
/// assert_eq!(loss, net.loss(x.view(), Targets::from(&[1])));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MultiLayerNet {
    /// The weights `(Hᵢ₋₁, Hᵢ)` and biases `(Hᵢ,)` of each `Affine` layer, in order.
    pub params: Vec<(Array2<f64>, Array1<f64>)>,
    /// The activation after every `Affine` layer but the last.
    pub activation: Activation,
}

impl MultiLayerNet {
    /// Weights drawn as [`TwoLayerNet::new`] draws them (from a ChaCha8 generator seeded with
    /// `seed`, `std · N(0, 1)`, one layer after the other, row by row), with the standard
    /// deviation of `init` for each layer; biases 0.
    ///
    /// # Panics
    /// If a layer has no units.
    #[must_use]
    pub fn new(
        input: usize,
        hidden: &[usize],
        output: usize,
        activation: Activation,
        init: WeightInit,
        seed: u64,
    ) -> Self {
        let sizes: Vec<usize> = std::iter::once(input)
            .chain(hidden.iter().copied())
            .chain(std::iter::once(output))
            .collect();
        assert!(sizes.iter().all(|&n| n > 0), "every layer has units");
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let params = sizes
            .windows(2)
            .map(|pair| {
                let std = init.std(pair[0]);
                let w = Array2::from_shape_simple_fn((pair[0], pair[1]), || {
                    let z: f64 = StandardNormal.sample(&mut rng);
                    std * z
                });
                (w, Array1::zeros(pair[1]))
            })
            .collect();
        MultiLayerNet { params, activation }
    }

    /// The same network as `net`: one hidden layer, its weights.
    #[must_use]
    pub fn from_two_layer(net: &TwoLayerNet) -> Self {
        let p = &net.params;
        MultiLayerNet {
            params: vec![(p.w1.clone(), p.b1.clone()), (p.w2.clone(), p.b2.clone())],
            activation: net.activation,
        }
    }
}

impl Network for MultiLayerNet {
    fn kind(&self) -> &'static str {
        "MultiLayerNet"
    }

    fn layers(&self) -> Layers<'_> {
        let mut layers = Layers::new();
        let last = self.params.len();
        for (i, (w, b)) in self.params.iter().enumerate() {
            let n = i + 1;
            layers.push(format!("Affine{n}"), Affine::new(w.view(), b.view()));
            if n < last {
                match self.activation {
                    Activation::Sigmoid => layers.push(format!("Sigmoid{n}"), Sigmoid::default()),
                    Activation::Relu => layers.push(format!("Relu{n}"), Relu::default()),
                }
            }
        }
        layers
    }

    fn params(&self) -> Vec<(String, ArrayViewD<'_, f64>)> {
        self.params
            .iter()
            .enumerate()
            .flat_map(|(i, (w, b))| {
                [
                    (format!("W{}", i + 1), w.view().into_dyn()),
                    (format!("b{}", i + 1), b.view().into_dyn()),
                ]
            })
            .collect()
    }

    fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, f64>> {
        self.params
            .iter_mut()
            .flat_map(|(w, b)| [w.view_mut().into_dyn(), b.view_mut().into_dyn()])
            .collect()
    }

    fn layer_sizes(&self) -> Vec<usize> {
        let first = self.params.first().map(|(w, _)| w.nrows());
        first
            .into_iter()
            .chain(self.params.iter().map(|(w, _)| w.ncols()))
            .collect()
    }

    fn describe(&self) -> String {
        let sizes: Vec<String> = self.layer_sizes().iter().map(ToString::to_string).collect();
        format!("MultiLayerNet {} {}", sizes.join("-"), self.activation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Targets;
    use crate::gradient::numerical_gradient_wrt;
    use ndarray::{ArrayD, array};

    /// With one hidden layer, the same weights as TwoLayerNet from the same seed.
    #[test]
    fn one_hidden_layer_is_the_two_layer_net() {
        let two = TwoLayerNet::new(6, 4, 3, 0.01, Activation::Sigmoid, 9);
        let multi = MultiLayerNet::new(6, &[4], 3, Activation::Sigmoid, WeightInit::Std(0.01), 9);
        assert_eq!(multi, MultiLayerNet::from_two_layer(&two));
    }

    /// Backpropagation through two hidden layers against the numerical gradient of each
    /// parameter (the book's `gradient_check.py`, for a network with more layers).
    #[test]
    fn backpropagation_matches_the_numerical_gradient() {
        let net = MultiLayerNet::new(4, &[5, 3], 3, Activation::Sigmoid, WeightInit::Std(0.8), 2);
        let x = array![[0.1, 0.9, 0.0, 0.4], [0.7, 0.0, 0.3, 0.2]];
        let t = [2, 0];
        let (_, grads) = net.gradient(x.view(), Targets::from(&t));
        let loss = |n: &MultiLayerNet| n.loss(x.view(), Targets::from(&t));
        let mut probe = net.clone();
        for (k, grad) in grads.iter().enumerate() {
            let (layer, which) = (k / 2, k % 2);
            let numeric: ArrayD<f64> = if which == 0 {
                numerical_gradient_wrt(&mut probe, |n| &mut n.params[layer].0, loss).into_dyn()
            } else {
                numerical_gradient_wrt(&mut probe, |n| &mut n.params[layer].1, loss).into_dyn()
            };
            // equal but for the loss's 1e-7 inside the log: about 1e-6
            approx::assert_abs_diff_eq!(grad, &numeric, epsilon = 1e-6);
        }
    }
}
