//! The book's `MultiLayerNet` (`common/multi_layer_net.py`): any number of hidden layers, each
//! `Affine` then an activation, and a last `Affine` — the network of chapter 6's experiments,
//! with the book's weight decay (`weight_decay_lambda`).
//!
//! Shapes: `D` inputs, `Hᵢ` units of hidden layer `i`, `C` classes.

use ndarray::{Array1, Array2, ArrayD, ArrayView2, ArrayViewD, ArrayViewMutD};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use super::two_layer::{Activation, TwoLayerNet};
use super::{Layers, Network};
use crate::Targets;
use crate::layers::{Affine, Relu, Sigmoid};
use crate::random::Random;

/// The standard deviation of the initial weights (the book's `weight_init_std`): a number, or
/// one of the rules of chapter 6 that scale with `n`, the number of units feeding the layer.
/// In a file of settings: `{"std": 0.01}`, `"he"` or `"xavier"`.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// The units of every layer, inputs first and classes last.
///
/// # Panics
/// If a layer has no units.
#[track_caller]
pub(crate) fn all_sizes(input: usize, hidden: &[usize], output: usize) -> Vec<usize> {
    let sizes: Vec<usize> = std::iter::once(input)
        .chain(hidden.iter().copied())
        .chain(std::iter::once(output))
        .collect();
    assert!(sizes.iter().all(|&n| n > 0), "every layer has units");
    sizes
}

/// The `Affine` layers' weights and biases for layers of `sizes` units, as the book's
/// `__init_weight` draws them: `W1` first, then `W2`, ..., each row by row, every weight
/// `std · z` for `z` a [`standard_normal`](Random::standard_normal) draw and `std` from `init`
/// for the units feeding the layer; biases 0.
pub(crate) fn draw_weights(
    sizes: &[usize],
    init: WeightInit,
    random: &mut dyn Random,
) -> Vec<(Array2<f64>, Array1<f64>)> {
    sizes
        .windows(2)
        .map(|pair| {
            let std = init.std(pair[0]);
            let draws: Vec<f64> = (0..pair[0] * pair[1])
                .map(|_| std * random.standard_normal())
                .collect();
            let w = Array2::from_shape_vec((pair[0], pair[1]), draws).expect("D · H draws");
            (w, Array1::zeros(pair[1]))
        })
        .collect()
}

/// The book's weight decay term, `Σᵢ 0.5 · λ · Σ Wᵢ²` over the weights of every `Affine` layer
/// in order, summed as the book sums it (from 0, layer after layer).
pub(crate) fn weight_decay_term<'a>(
    lambda: f64,
    weights: impl IntoIterator<Item = &'a Array2<f64>>,
) -> f64 {
    let mut decay = 0.0;
    for w in weights {
        decay += 0.5 * lambda * w.iter().map(|v| v * v).sum::<f64>();
    }
    decay
}

/// `dW + λ · W`: the gradient of the weight decay term added to a layer's weight gradient
/// (nothing added when `λ` is 0, so that a network without decay has exactly its layers'
/// gradients).
pub(crate) fn add_weight_decay(dw: &mut ArrayD<f64>, lambda: f64, w: &Array2<f64>) {
    if lambda != 0.0 {
        let decay = lambda * w;
        *dw += &decay.into_dyn();
    }
}

/// A network of `Affine` and activation layers, as many as `hidden` lists, then a last
/// `Affine`: `D → H₁ → … → Hₖ → C`. With one hidden layer it is [`TwoLayerNet`], weight for
/// weight ([`from_two_layer`](MultiLayerNet::from_two_layer)).
///
/// Its loss is the cross-entropy error plus the book's weight decay (L2 regularisation, 0 by
/// default: [`with_weight_decay`](MultiLayerNet::with_weight_decay)):
/// `L = cross_entropy_error(softmax(scores), t) + Σᵢ ½ · λ · Σ Wᵢ²` over the weights of every
/// `Affine` layer (not the biases), so that each weight's gradient is `dWᵢ + λ · Wᵢ`.
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
/// // weight decay adds ½ · λ · Σ W² to the loss, and λ · W to each weight's gradient
/// let decayed = net.clone().with_weight_decay(0.1);
/// let sum_w2: f64 = net.params.iter().map(|(w, _)| w.iter().map(|v| v * v).sum::<f64>()).sum();
/// approx::assert_abs_diff_eq!(
///     decayed.loss(x.view(), Targets::from(&[1])),
///     loss + 0.5 * 0.1 * sum_w2,
///     epsilon = 1e-12
/// );
/// let (_, decayed_grads) = decayed.gradient(x.view(), Targets::from(&[1]));
/// let w1 = net.params[0].0.view().into_dyn();
/// approx::assert_abs_diff_eq!(decayed_grads[0], &grads[0] + &(0.1 * &w1), epsilon = 1e-15);
/// assert_eq!(decayed_grads[1], grads[1]); // biases do not decay
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MultiLayerNet {
    /// The weights `(Hᵢ₋₁, Hᵢ)` and biases `(Hᵢ,)` of each `Affine` layer, in order.
    pub params: Vec<(Array2<f64>, Array1<f64>)>,
    /// The activation after every `Affine` layer but the last.
    pub activation: Activation,
    /// The strength `λ` of the weight decay (the book's `weight_decay_lambda`); 0: none.
    pub weight_decay: f64,
}

impl MultiLayerNet {
    /// Weights drawn as [`TwoLayerNet::new`] draws them (from a ChaCha8 generator seeded with
    /// `seed`, `std · N(0, 1)`, one layer after the other, row by row), with the standard
    /// deviation of `init` for each layer; biases 0; no weight decay. The same as
    /// [`with_random`](MultiLayerNet::with_random) given `ChaCha8Rng::seed_from_u64(seed)`.
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
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        Self::with_random(input, hidden, output, activation, init, &mut rng)
    }

    /// Weights drawn from `random` in the book's order (`W1` row by row, then `W2`, ...), each
    /// `std · z` for `z` a [`standard_normal`](Random::standard_normal) draw and `std` from
    /// `init` for the units feeding the layer; biases 0; no weight decay. The book's
    /// `MultiLayerNet(input_size, hidden_size_list, output_size, activation,
    /// weight_init_std)` after `np.random.seed(n)`, given NumPy's generator seeded alike.
    ///
    /// # Panics
    /// If a layer has no units.
    #[must_use]
    pub fn with_random(
        input: usize,
        hidden: &[usize],
        output: usize,
        activation: Activation,
        init: WeightInit,
        random: &mut dyn Random,
    ) -> Self {
        let sizes = all_sizes(input, hidden, output);
        MultiLayerNet {
            params: draw_weights(&sizes, init, random),
            activation,
            weight_decay: 0.0,
        }
    }

    /// The same network with weight decay of strength `lambda` (the book's
    /// `weight_decay_lambda`).
    ///
    /// # Panics
    /// If `lambda` is negative or not finite.
    #[track_caller]
    #[must_use]
    pub fn with_weight_decay(self, lambda: f64) -> Self {
        assert!(
            lambda.is_finite() && lambda >= 0.0,
            "a weight decay λ ≥ 0, not {lambda}"
        );
        MultiLayerNet {
            weight_decay: lambda,
            ..self
        }
    }

    /// The same network as `net`: one hidden layer, its weights; no weight decay.
    #[must_use]
    pub fn from_two_layer(net: &TwoLayerNet) -> Self {
        let p = &net.params;
        MultiLayerNet {
            params: vec![(p.w1.clone(), p.b1.clone()), (p.w2.clone(), p.b2.clone())],
            activation: net.activation,
            weight_decay: 0.0,
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
        let mut text = format!("MultiLayerNet {} {}", sizes.join("-"), self.activation);
        if self.weight_decay != 0.0 {
            text += &format!(", weight decay {}", self.weight_decay);
        }
        text
    }

    /// The cross-entropy error of a test pass plus the weight decay term (the book's `loss`).
    fn loss(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        let loss = self.layers().loss(x, t, false);
        loss + weight_decay_term(self.weight_decay, self.params.iter().map(|(w, _)| w))
    }

    /// The loss with its weight decay term, and the gradient by backpropagation, each weight's
    /// `dW + λ · W` (the book's `gradient`).
    fn gradient(&self, x: ArrayView2<f64>, t: Targets) -> (f64, Vec<ArrayD<f64>>) {
        let (loss, mut grads) = self.layers().gradient(x, t);
        let lambda = self.weight_decay;
        for ((w, _), dw) in self.params.iter().zip(grads.iter_mut().step_by(2)) {
            add_weight_decay(dw, lambda, w);
        }
        let decay = weight_decay_term(lambda, self.params.iter().map(|(w, _)| w));
        (loss + decay, grads)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::functions::sigmoid_of as sigmoid;
    use crate::gradient::numerical_gradient_wrt;
    use crate::net::multi_layer_extend::MultiLayerNetExtend;
    use ndarray::{ArrayD, array};
    use rand_distr::{Distribution, StandardNormal};

    /// `new(seed)` draws what it drew before `Random` existed: ChaCha8 seeded with `seed`,
    /// `std · StandardNormal`, W1 row by row then W2; and so does `with_random` given that
    /// generator, for both networks.
    #[test]
    fn new_draws_as_with_random_from_chacha8() {
        let (sizes, seed) = ([3, 4, 2], 11);
        let net = MultiLayerNet::new(3, &[4], 2, Activation::Relu, WeightInit::He, seed);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        for ((w, b), pair) in net.params.iter().zip(sizes.windows(2)) {
            let std = (2.0 / pair[0] as f64).sqrt();
            for i in 0..pair[0] {
                for j in 0..pair[1] {
                    let z: f64 = StandardNormal.sample(&mut rng);
                    assert_eq!(w[(i, j)], std * z, "W[{i}, {j}]");
                }
            }
            assert_eq!(b, Array1::<f64>::zeros(pair[1]));
        }
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let drawn =
            MultiLayerNet::with_random(3, &[4], 2, Activation::Relu, WeightInit::He, &mut rng);
        assert_eq!(drawn, net);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let extend = MultiLayerNetExtend::with_random(
            3,
            &[4],
            2,
            Activation::Relu,
            WeightInit::He,
            &mut rng,
        );
        assert_eq!(extend.affine, net.params);
        assert_eq!(
            MultiLayerNetExtend::new(3, &[4], 2, Activation::Relu, WeightInit::He, seed),
            extend
        );
    }

    /// Weight decay by hand, on `x = (1, 0)` through W1 = I, ReLU, W2 = [[1, −1], [2, 3]]
    /// (biases 0), class 1: scores (1, −1), so y = (σ(2), σ(−2)) and
    /// L = −log(σ(−2) + 1e-7) + ½ · λ · (ΣW1² + ΣW2²) = … + ½ · 0.1 · (2 + 15);
    /// dscores = y − t = (σ(2), −σ(2)); dW2 = hᵀ · dscores + λW2 with h = (1, 0);
    /// dh = dscores · W2ᵀ = (2σ(2), −σ(2)), through ReLU (h₂ = 0): (2σ(2), 0);
    /// dW1 = xᵀ · dh + λW1.
    #[test]
    fn weight_decay_by_hand() {
        let net = MultiLayerNet {
            params: vec![
                (array![[1.0, 0.0], [0.0, 1.0]], array![0.0, 0.0]),
                (array![[1.0, -1.0], [2.0, 3.0]], array![0.0, 0.0]),
            ],
            activation: Activation::Relu,
            weight_decay: 0.1,
        };
        let x = array![[1.0, 0.0]];
        let t = [1];
        let s = sigmoid(2.0f64);
        let expected = -(sigmoid(-2.0f64) + 1e-7).ln() + 0.5 * 0.1 * 17.0;
        approx::assert_abs_diff_eq!(
            net.loss(x.view(), Targets::from(&t)),
            expected,
            epsilon = 1e-12
        );
        let (loss, grads) = net.gradient(x.view(), Targets::from(&t));
        approx::assert_abs_diff_eq!(loss, expected, epsilon = 1e-12);
        let dw1 = array![[2.0 * s + 0.1, 0.0], [0.0, 0.1]].into_dyn();
        let dw2 = array![[s + 0.1, -s - 0.1], [0.2, 0.3]].into_dyn();
        approx::assert_abs_diff_eq!(grads[0], dw1, epsilon = 1e-12);
        approx::assert_abs_diff_eq!(grads[2], dw2, epsilon = 1e-12);
        approx::assert_abs_diff_eq!(grads[3], array![s, -s].into_dyn(), epsilon = 1e-12);
        assert_eq!(net.describe(), "MultiLayerNet 2-2-2 relu, weight decay 0.1");
    }

    /// With one hidden layer, the same weights as TwoLayerNet from the same seed.
    #[test]
    fn one_hidden_layer_is_the_two_layer_net() {
        let two = TwoLayerNet::new(6, 4, 3, 0.01, Activation::Sigmoid, 9);
        let multi = MultiLayerNet::new(6, &[4], 3, Activation::Sigmoid, WeightInit::Std(0.01), 9);
        assert_eq!(multi, MultiLayerNet::from_two_layer(&two));
    }

    /// Backpropagation through two hidden layers against the numerical gradient of each
    /// parameter (the book's `gradient_check.py`, for a network with more layers), with weight
    /// decay.
    #[test]
    fn backpropagation_matches_the_numerical_gradient() {
        let net = MultiLayerNet::new(4, &[5, 3], 3, Activation::Sigmoid, WeightInit::Std(0.8), 2)
            .with_weight_decay(0.3);
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
