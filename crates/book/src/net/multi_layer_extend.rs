//! The book's `MultiLayerNetExtend` (`common/multi_layer_net_extend.py`): the `MultiLayerNet`
//! of chapter 6 with its two other cures for overfitting and slow learning, Batch Normalization
//! after each hidden `Affine` layer and Dropout after each activation, besides weight decay.
//!
//! Shapes: `N` samples, `D` inputs, `Hᵢ` units of hidden layer `i`, `C` classes.

use std::cell::RefCell;

use ndarray::{Array1, Array2, ArrayD, ArrayView2, ArrayViewD, ArrayViewMutD};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use super::multi_layer::{
    WeightInit, add_weight_decay, all_sizes, draw_weights, weight_decay_term,
};
use super::{Layers, Network};
use crate::layers::{Affine, BatchNormalization, Dropout, Relu, Sigmoid};
use crate::random::Random;
use crate::{Activation, Targets};

/// The Batch Normalization of one hidden layer: its parameters `γ` and `β` (the book's
/// `gammaᵢ`, `betaᵢ`), and the running statistics its training passes update and its test passes
/// normalise by (kept in the book's layer; here in the network, which saves them). Each `(Hᵢ,)`.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchNorm {
    /// The scales `γ`: 1 to start with.
    pub gamma: Array1<f64>,
    /// The shifts `β`: 0 to start with.
    pub beta: Array1<f64>,
    /// The running mean of the layer's inputs: 0 to start with.
    pub running_mean: Array1<f64>,
    /// The running variance of the layer's inputs: 0 to start with.
    pub running_var: Array1<f64>,
}

impl BatchNorm {
    /// As the book starts it for a layer of `h` units: `γ` ones, `β` zeros, the running
    /// statistics zeros.
    #[must_use]
    pub fn new(h: usize) -> Self {
        BatchNorm {
            gamma: Array1::ones(h),
            beta: Array1::zeros(h),
            running_mean: Array1::zeros(h),
            running_var: Array1::zeros(h),
        }
    }
}

/// A [`Random`] that draws from a borrowed one, so that the Dropout layers can share it in a
/// [`RefCell`].
#[derive(Debug)]
struct Borrowed<'a>(&'a mut dyn Random);

impl Random for Borrowed<'_> {
    fn standard_normal(&mut self) -> f64 {
        self.0.standard_normal()
    }

    fn random_sample(&mut self) -> f64 {
        self.0.random_sample()
    }

    fn randint(&mut self, n: usize) -> usize {
        self.0.randint(n)
    }
}

/// The book's `MultiLayerNetExtend`: `D → H₁ → … → Hₖ → C`, each hidden layer `Affine`, then
/// Batch Normalization (if used), the activation, then Dropout (if used); a last `Affine`
/// (neither after it); softmax with the cross-entropy error, plus weight decay
/// `Σᵢ ½ · λ · Σ Wᵢ²`, as [`MultiLayerNet`](super::multi_layer::MultiLayerNet)'s.
///
/// Its layers compute differently in a training pass and a test pass:
///
/// - [`predict`](Network::predict), [`loss`](Network::loss) and the accuracy are test passes
///   (the book's default `train_flg=False`): Batch Normalization normalises by the running
///   statistics, Dropout keeps every unit and scales by `1 − ratio`.
/// - [`training_gradient`](Network::training_gradient) is the book's `gradient`, a training
///   pass: Batch Normalization normalises by the batch's statistics and updates the running ones,
///   Dropout draws its masks from the generator it is given.
/// - [`gradient`](Network::gradient), which takes the network unchanged and no generator, is the
///   gradient of [`training_loss`](Network::training_loss): a training pass in which Batch
///   Normalization normalises by the batch's statistics but leaves the running ones as they are,
///   and Dropout, having nothing to draw from, scales by `1 − ratio` as in a test pass. Without
///   Dropout it is the book's `gradient` but for the running statistics, and what the book's
///   `numerical_gradient` (of `loss(x, t, train_flg=True)`) estimates; the gradient check of the
///   book's `batch_norm_gradient_check.py` compares the two.
///
/// ```
/// use rand::SeedableRng;
/// use scratchnet_book::net::multi_layer::WeightInit;
/// use scratchnet_book::net::multi_layer_extend::MultiLayerNetExtend;
/// use scratchnet_book::net::Network;
/// use scratchnet_book::ndarray::array;
/// use scratchnet_book::{Activation, Targets};
/// let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(1);
/// let mut net =
///     MultiLayerNetExtend::with_random(4, &[5, 3], 2, Activation::Relu, WeightInit::He, &mut rng)
///         .with_batch_norm()
///         .with_dropout(0.2)
///         .with_weight_decay(0.1);
/// assert_eq!(net.describe(), "MultiLayerNetExtend 4-5-3-2 relu, Batch Norm, Dropout 0.2, weight decay 0.1");
/// let names: Vec<_> = net.params().into_iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]);
/// let layers: Vec<String> = net.layers().names().map(String::from).collect();
/// assert_eq!(layers[..4], ["Affine1", "BatchNorm1", "Activation_function1", "Dropout1"]);
/// // a training pass moves the running mean a tenth of the way to the batch's mean
/// let x = array![[0.1, 0.9, 0.0, 0.4], [0.7, 0.0, 0.3, 0.2]];
/// let (_, grads) = net.training_gradient(x.view(), Targets::from(&[1, 0]), &mut rng);
/// assert_eq!(grads.len(), 10);
/// let first = &net.batch_norm[0];
/// let mu = x.dot(&net.affine[0].0).mean_axis(scratchnet_book::ndarray::Axis(0)).unwrap();
/// approx::assert_abs_diff_eq!(first.running_mean, 0.1 * mu, epsilon = 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MultiLayerNetExtend {
    /// The weights `(Hᵢ₋₁, Hᵢ)` and biases `(Hᵢ,)` of each `Affine` layer, in order.
    pub affine: Vec<(Array2<f64>, Array1<f64>)>,
    /// The Batch Normalization of each hidden layer (the book's `use_batchnorm`), or none.
    pub batch_norm: Vec<BatchNorm>,
    /// The activation after every hidden layer (`Affine` and Batch Normalization).
    pub activation: Activation,
    /// The strength `λ` of the weight decay (the book's `weight_decay_lambda`); 0: none.
    pub weight_decay: f64,
    /// The Dropout ratio after each activation (the book's `use_dropout` and
    /// `dropout_ration`); `None`: no Dropout.
    pub dropout: Option<f64>,
}

impl MultiLayerNetExtend {
    /// Weights drawn from `random` in the book's order (`W1` row by row, then `W2`, ...), each
    /// `std · z` for `z` a [`standard_normal`](Random::standard_normal) draw and `std` from
    /// `init` for the units feeding the layer (as
    /// [`MultiLayerNet::with_random`](super::multi_layer::MultiLayerNet::with_random)); biases 0;
    /// neither Batch Normalization nor Dropout nor weight decay yet (add them with
    /// [`with_batch_norm`](Self::with_batch_norm), [`with_dropout`](Self::with_dropout) and
    /// [`with_weight_decay`](Self::with_weight_decay), which draw nothing).
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
        MultiLayerNetExtend {
            affine: draw_weights(&sizes, init, random),
            batch_norm: Vec::new(),
            activation,
            weight_decay: 0.0,
            dropout: None,
        }
    }

    /// [`with_random`](Self::with_random) from a ChaCha8 generator seeded with `seed`: the
    /// weights of `MultiLayerNet::new` with the same arguments.
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

    /// The same network with Batch Normalization after each hidden `Affine` layer (the book's
    /// `use_batchnorm=True`), as the book starts it ([`BatchNorm::new`]).
    #[must_use]
    pub fn with_batch_norm(self) -> Self {
        let hidden = self.affine.len().saturating_sub(1);
        let batch_norm = self.affine[..hidden]
            .iter()
            .map(|(w, _)| BatchNorm::new(w.ncols()))
            .collect();
        MultiLayerNetExtend { batch_norm, ..self }
    }

    /// The same network with Dropout of ratio `ratio` after each activation (the book's
    /// `use_dropout=True, dropout_ration=ratio`).
    ///
    /// # Panics
    /// If `ratio` is not in `[0, 1)`.
    #[track_caller]
    #[must_use]
    pub fn with_dropout(self, ratio: f64) -> Self {
        assert!((0.0..1.0).contains(&ratio), "a dropout ratio in [0, 1)");
        MultiLayerNetExtend {
            dropout: Some(ratio),
            ..self
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
        MultiLayerNetExtend {
            weight_decay: lambda,
            ..self
        }
    }

    /// Whether each hidden layer has Batch Normalization (the book's `use_batchnorm`).
    #[must_use]
    pub fn uses_batch_norm(&self) -> bool {
        !self.batch_norm.is_empty()
    }

    /// The layers, whose Batch Normalization updates the running statistics in a training pass
    /// when `random` is given, and whose Dropout then draws from it; else read-only Batch
    /// Normalization and Dropout that draws nothing.
    fn build<'a>(
        affine: &'a [(Array2<f64>, Array1<f64>)],
        batch_norm: BatchNorms<'a>,
        activation: Activation,
        dropout: Option<f64>,
        random: Option<&'a RefCell<dyn Random + 'a>>,
    ) -> Layers<'a> {
        let mut layers = Layers::new();
        let hidden = affine.len().saturating_sub(1);
        let mut batch_norm = batch_norm.into_layers();
        for (i, (w, b)) in affine.iter().enumerate() {
            let n = i + 1;
            layers.push(format!("Affine{n}"), Affine::new(w.view(), b.view()));
            if i == hidden {
                break;
            }
            if let Some(bn) = batch_norm.next() {
                layers.push(format!("BatchNorm{n}"), bn);
            }
            let name = format!("Activation_function{n}");
            match activation {
                Activation::Sigmoid => layers.push(name, Sigmoid::default()),
                Activation::Relu => layers.push(name, Relu::default()),
            }
            if let Some(ratio) = dropout {
                let layer = match random {
                    Some(random) => Dropout::training(ratio, random),
                    None => Dropout::testing(ratio),
                };
                layers.push(format!("Dropout{n}"), layer);
            }
        }
        layers
    }

    /// Adds the weight decay to the gradients of the weights (`dW + λ · W`), given in the order
    /// of [`Network::params`], and returns the decay term of the loss.
    fn decay(&self, grads: &mut [ArrayD<f64>]) -> f64 {
        let per_hidden = if self.uses_batch_norm() { 4 } else { 2 };
        let mut at = 0;
        for (w, _) in &self.affine {
            add_weight_decay(&mut grads[at], self.weight_decay, w);
            at += per_hidden;
        }
        weight_decay_term(self.weight_decay, self.affine.iter().map(|(w, _)| w))
    }
}

/// The Batch Normalization layers' parameters and running statistics, borrowed to read or to
/// update.
enum BatchNorms<'a> {
    Read(&'a [BatchNorm]),
    Updated(&'a mut [BatchNorm]),
}

impl<'a> BatchNorms<'a> {
    fn into_layers(self) -> Box<dyn Iterator<Item = BatchNormalization<'a>> + 'a> {
        match self {
            BatchNorms::Read(all) => Box::new(all.iter().map(|bn| {
                BatchNormalization::testing(
                    bn.gamma.view(),
                    bn.beta.view(),
                    bn.running_mean.view(),
                    bn.running_var.view(),
                )
            })),
            BatchNorms::Updated(all) => Box::new(all.iter_mut().map(|bn| {
                BatchNormalization::training(
                    bn.gamma.view(),
                    bn.beta.view(),
                    bn.running_mean.view_mut(),
                    bn.running_var.view_mut(),
                )
            })),
        }
    }
}

impl Network for MultiLayerNetExtend {
    fn kind(&self) -> &'static str {
        "MultiLayerNetExtend"
    }

    /// The layers with read-only Batch Normalization and Dropout that draws nothing: a test
    /// pass of them is the book's `predict(x, train_flg=False)`, and a training pass the one
    /// [`training_loss`](Network::training_loss) describes.
    fn layers(&self) -> Layers<'_> {
        Self::build(
            &self.affine,
            BatchNorms::Read(&self.batch_norm),
            self.activation,
            self.dropout,
            None,
        )
    }

    fn params(&self) -> Vec<(String, ArrayViewD<'_, f64>)> {
        let mut params = Vec::new();
        for (i, (w, b)) in self.affine.iter().enumerate() {
            let n = i + 1;
            params.push((format!("W{n}"), w.view().into_dyn()));
            params.push((format!("b{n}"), b.view().into_dyn()));
            if let Some(bn) = self.batch_norm.get(i) {
                params.push((format!("gamma{n}"), bn.gamma.view().into_dyn()));
                params.push((format!("beta{n}"), bn.beta.view().into_dyn()));
            }
        }
        params
    }

    fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, f64>> {
        let mut params = Vec::new();
        let mut batch_norm = self.batch_norm.iter_mut();
        for (w, b) in &mut self.affine {
            params.push(w.view_mut().into_dyn());
            params.push(b.view_mut().into_dyn());
            if let Some(bn) = batch_norm.next() {
                params.push(bn.gamma.view_mut().into_dyn());
                params.push(bn.beta.view_mut().into_dyn());
            }
        }
        params
    }

    fn layer_sizes(&self) -> Vec<usize> {
        let first = self.affine.first().map(|(w, _)| w.nrows());
        first
            .into_iter()
            .chain(self.affine.iter().map(|(w, _)| w.ncols()))
            .collect()
    }

    fn describe(&self) -> String {
        let sizes: Vec<String> = self.layer_sizes().iter().map(ToString::to_string).collect();
        let mut text = format!(
            "MultiLayerNetExtend {} {}",
            sizes.join("-"),
            self.activation
        );
        if self.uses_batch_norm() {
            text += ", Batch Norm";
        }
        if let Some(ratio) = self.dropout {
            text += &format!(", Dropout {ratio}");
        }
        if self.weight_decay != 0.0 {
            text += &format!(", weight decay {}", self.weight_decay);
        }
        text
    }

    /// The cross-entropy error of a test pass plus the weight decay term (the book's
    /// `loss(x, t)`, `train_flg=False`).
    fn loss(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        let loss = self.layers().loss(x, t, false);
        loss + weight_decay_term(self.weight_decay, self.affine.iter().map(|(w, _)| w))
    }

    /// The loss of a training pass that changes nothing and draws nothing (the book's
    /// `loss(x, t, train_flg=True)` but for the running statistics, which stay as they are, and
    /// Dropout, which scales by `1 − ratio` as in a test pass), plus the weight decay term.
    fn training_loss(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        let loss = self.layers().loss(x, t, true);
        loss + weight_decay_term(self.weight_decay, self.affine.iter().map(|(w, _)| w))
    }

    /// [`training_loss`](Network::training_loss) and its gradient by backpropagation, each
    /// weight's `dW + λ · W`.
    fn gradient(&self, x: ArrayView2<f64>, t: Targets) -> (f64, Vec<ArrayD<f64>>) {
        let (loss, mut grads) = self.layers().gradient(x, t);
        let decay = self.decay(&mut grads);
        (loss + decay, grads)
    }

    /// The book's `gradient`: a training pass, whose Batch Normalization updates the running
    /// statistics and whose Dropout layers draw their masks from `random` (`N · Hᵢ` draws of
    /// [`random_sample`](Random::random_sample) each, layer after layer, row by row); the loss
    /// of that pass with the weight decay term, and each weight's gradient `dW + λ · W`.
    fn training_gradient(
        &mut self,
        x: ArrayView2<f64>,
        t: Targets,
        random: &mut dyn Random,
    ) -> (f64, Vec<ArrayD<f64>>) {
        let shared = RefCell::new(Borrowed(random));
        let (loss, mut grads) = Self::build(
            &self.affine,
            BatchNorms::Updated(&mut self.batch_norm),
            self.activation,
            self.dropout,
            Some(&shared),
        )
        .gradient(x, t);
        let decay = self.decay(&mut grads);
        (loss + decay, grads)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::mnist::Mnist;
    use crate::layers::Replay;
    use crate::net::multi_layer::MultiLayerNet;
    use ndarray::{Axis, array};
    use serde_json::Value;

    /// The book's `ch06/batch_norm_gradient_check.py`: the 784-100-100-10 network with Batch
    /// Normalization, on MNIST samples (three of the built-in slice, where the book takes one,
    /// with which every unit's batch variance is 0), backpropagation against the numerical
    /// gradient of the training pass's loss ([`Network::training_loss`]), every parameter: the
    /// mean absolute difference per parameter is below 1e-6 (measured: 1e-7 to 5e-7 for
    /// gradients of mean size 0.03 to 0.1; the book prints 1e-10 to 1e-7 for its one sample;
    /// the 1e-7 inside the cross-entropy's log alone makes differences of 1e-6 relative when the
    /// correct class's probability is 0.1).
    ///
    /// The weights of `W1` from pixels blank in all three images have a gradient of exactly 0
    /// both ways (nudging them changes no number): backpropagation is checked to give 0 there,
    /// and the numerical gradient is taken at one such row, not at all 400-odd, which would
    /// take most of the test's time.
    #[test]
    fn batch_norm_gradient_check() {
        let mnist = Mnist::builtin();
        let (x, t) = mnist.train.batch(&[0, 1, 2]);
        let mut net =
            MultiLayerNetExtend::new(784, &[100, 100], 10, Activation::Relu, WeightInit::He, 1)
                .with_batch_norm();
        let (_, backprop) = net.gradient(x.view(), Targets::from(&t));
        let blank: Vec<bool> = x
            .columns()
            .into_iter()
            .map(|c| c.iter().all(|&v| v == 0.0))
            .collect();
        let first_blank = blank.iter().position(|&b| b).expect("a blank pixel");
        let names: Vec<String> = net.params().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names.len(), 10);
        let loss = |net: &MultiLayerNetExtend| net.training_loss(x.view(), Targets::from(&t));
        let mut report = Vec::new();
        for (k, (name, grad)) in names.iter().zip(&backprop).enumerate() {
            let mut diffs = Vec::new();
            for idx in ndarray::indices(grad.raw_dim()) {
                if k == 0 && blank[idx[0]] {
                    assert_eq!(grad[&idx], 0.0, "W1 from a blank pixel");
                    if idx[0] != first_blank {
                        continue;
                    }
                }
                let tmp = net.params_mut()[k][&idx];
                net.params_mut()[k][&idx] = tmp + crate::gradient::H;
                let up = loss(&net);
                net.params_mut()[k][&idx] = tmp - crate::gradient::H;
                let down = loss(&net);
                net.params_mut()[k][&idx] = tmp;
                let numerical = (up - down) / (2.0 * crate::gradient::H);
                diffs.push((grad[&idx] - numerical).abs());
            }
            let mean = diffs.iter().sum::<f64>() / diffs.len() as f64;
            report.push(format!("{name}: {mean:e}"));
            assert!(mean < 1e-6, "mean |backprop − numerical|: {report:?}");
        }
    }

    /// A small network with everything (Batch Normalization, Dropout, weight decay) and with
    /// sigmoid: `gradient` is the gradient of `training_loss`, every parameter.
    #[test]
    fn gradient_is_the_gradient_of_the_training_loss() {
        let x = array![
            [0.1, 0.9, 0.0, 0.4],
            [0.7, 0.0, 0.3, 0.2],
            [0.5, 0.5, 0.9, 0.1]
        ];
        let t = [2, 0, 1];
        for activation in Activation::ALL {
            let mut net =
                MultiLayerNetExtend::new(4, &[5, 3], 3, activation, WeightInit::Std(0.8), 2)
                    .with_batch_norm()
                    .with_dropout(0.3)
                    .with_weight_decay(0.2);
            // not the start's γ = 1, β = 0, so that their gradients are general
            for (k, bn) in net.batch_norm.iter_mut().enumerate() {
                bn.gamma += &Array1::linspace(-0.3, 0.4, bn.gamma.len());
                bn.beta += (k + 1) as f64 * 0.1;
            }
            let (loss, backprop) = net.gradient(x.view(), Targets::from(&t));
            assert_eq!(loss, net.training_loss(x.view(), Targets::from(&t)));
            assert_ne!(
                loss,
                net.loss(x.view(), Targets::from(&t)),
                "a test pass differs"
            );
            let numerical = net.numerical_gradient(x.view(), Targets::from(&t));
            for (b, n) in backprop.iter().zip(&numerical) {
                approx::assert_abs_diff_eq!(b, n, epsilon = 1e-6);
            }
        }
    }

    /// Without Batch Normalization and Dropout it is the `MultiLayerNet` of the same weights
    /// and weight decay, to the last bit.
    #[test]
    fn plain_it_is_the_multi_layer_net() {
        let x = array![[0.1, 0.9, 0.0, 0.4], [0.7, 0.0, 0.3, 0.2]];
        let t = [1, 0];
        let extend =
            MultiLayerNetExtend::new(4, &[5, 3], 2, Activation::Sigmoid, WeightInit::Xavier, 3)
                .with_weight_decay(0.05);
        let multi = MultiLayerNet::new(4, &[5, 3], 2, Activation::Sigmoid, WeightInit::Xavier, 3)
            .with_weight_decay(0.05);
        assert_eq!(extend.predict(x.view()), multi.predict(x.view()));
        assert_eq!(
            extend.loss(x.view(), Targets::from(&t)),
            multi.loss(x.view(), Targets::from(&t))
        );
        assert_eq!(
            extend.gradient(x.view(), Targets::from(&t)),
            multi.gradient(x.view(), Targets::from(&t))
        );
        let mut training = extend.clone();
        let mut none = Replay::new([]);
        let trained = training.training_gradient(x.view(), Targets::from(&t), &mut none);
        assert_eq!(trained, multi.gradient(x.view(), Targets::from(&t)));
        assert_eq!(training, extend, "nothing to change");
        assert_eq!(none.drawn(), 0);
    }

    /// A training pass updates the running statistics (one tenth of the way to the batch's)
    /// and draws N · Hᵢ uniforms per Dropout layer; with every unit kept, its gradient is
    /// `gradient`'s of the network without Dropout.
    #[test]
    fn a_training_pass_updates_and_draws() {
        let x = array![[0.1, 0.9, 0.0, 0.4], [0.7, 0.0, 0.3, 0.2]];
        let t = [1, 0];
        let start = MultiLayerNetExtend::new(4, &[5, 3], 2, Activation::Relu, WeightInit::He, 4)
            .with_batch_norm();
        let mut net = start.clone().with_dropout(0.5);
        let mut kept = Replay::new(vec![0.75; 2 * 5 + 2 * 3 + 1]);
        let (loss, grads) = net.training_gradient(x.view(), Targets::from(&t), &mut kept);
        assert_eq!(kept.drawn(), 2 * 5 + 2 * 3, "N · H per Dropout layer");
        assert_eq!((loss, grads), start.gradient(x.view(), Targets::from(&t)));
        let a1 = x.dot(&start.affine[0].0) + &start.affine[0].1;
        let mu = a1.mean_axis(Axis(0)).unwrap();
        assert_eq!(net.batch_norm[0].running_mean, (1.0 - 0.9) * &mu);
        approx::assert_abs_diff_eq!(net.batch_norm[0].running_mean, 0.1 * &mu, epsilon = 1e-15);
        assert!(net.batch_norm[1].running_var.iter().all(|&v| v > 0.0));
        // the test pass now normalises by them: another prediction than the start's
        assert_ne!(net.predict(x.view()), start.predict(x.view()));
    }

    fn matrix(v: &Value) -> Array2<f64> {
        let rows: Vec<Vec<f64>> = serde_json::from_value(v.clone()).expect("rows of numbers");
        let (n, d) = (rows.len(), rows.first().map_or(0, Vec::len));
        Array2::from_shape_vec((n, d), rows.concat()).expect("rows of one length")
    }

    fn vector(v: &Value) -> Array1<f64> {
        serde_json::from_value::<Vec<f64>>(v.clone())
            .expect("numbers")
            .into()
    }

    /// The network of `case` of `tests/reference/ch06_layers.json`.
    fn reference_net(case: &Value) -> MultiLayerNetExtend {
        let net = &case["net"];
        let affine = (0..net["W"].as_array().unwrap().len())
            .map(|i| (matrix(&net["W"][i]), vector(&net["b"][i])))
            .collect();
        let batch_norm = net["bn"]
            .as_array()
            .unwrap()
            .iter()
            .map(|bn| BatchNorm {
                gamma: vector(&bn["gamma"]),
                beta: vector(&bn["beta"]),
                running_mean: vector(&bn["mean"]),
                running_var: vector(&bn["var"]),
            })
            .collect();
        MultiLayerNetExtend {
            affine,
            batch_norm,
            activation: serde_json::from_value(net["activation"].clone()).unwrap(),
            weight_decay: net["lambda"].as_f64().unwrap(),
            dropout: net["dropout"].as_f64(),
        }
    }

    /// NumPy's numbers (`tests/reference/ch06_layers.py`): the loss and scores of a test pass,
    /// and the loss, gradient and running statistics of a training pass with the listed Dropout
    /// draws, for three networks (ReLU with everything, sigmoid with Batch Normalization, ReLU
    /// with Dropout alone). Matrix products and sums are not in NumPy's order, so within 1e-12
    /// relative (they differ in the last bits only: about 1e-16).
    #[test]
    fn the_network_matches_numpy() {
        let reference: Value =
            serde_json::from_str(include_str!("../../../../tests/reference/ch06_layers.json"))
                .expect("valid JSON");
        let data = &reference["network"];
        let x = matrix(&data["x"]);
        let t: Vec<usize> = serde_json::from_value(data["t"].clone()).unwrap();
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
        let cases = data["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 3);
        for case in cases {
            let mut net = reference_net(case);
            let what = net.describe();
            let test_loss = net.loss(x.view(), Targets::from(&t));
            assert!(
                close(test_loss, case["test_loss"].as_f64().unwrap()),
                "{what}: {test_loss}"
            );
            let scores = net.predict(x.view());
            for (a, b) in scores.iter().zip(matrix(&case["test_scores"]).iter()) {
                assert!(close(*a, *b), "{what}: scores {a} and {b}");
            }
            let uniforms: Vec<f64> = serde_json::from_value(case["uniforms"].clone()).unwrap();
            let mut random = Replay::new(uniforms.clone());
            let (loss, grads) = net.training_gradient(x.view(), Targets::from(&t), &mut random);
            assert_eq!(random.drawn(), uniforms.len());
            assert!(
                close(loss, case["train_loss"].as_f64().unwrap()),
                "{what}: {loss}"
            );
            for ((name, _), grad) in net.params().iter().zip(&grads) {
                let want = &case["grads"][name];
                let want: Vec<f64> = match grad.ndim() {
                    1 => vector(want).to_vec(),
                    _ => matrix(want).iter().copied().collect(),
                };
                assert_eq!(grad.len(), want.len(), "{what}: {name}");
                for (a, b) in grad.iter().zip(&want) {
                    assert!(close(*a, *b), "{what}: {name} {a} and {b}");
                }
            }
            let running = case["new_running"].as_array().unwrap();
            assert_eq!(running.len(), net.batch_norm.len());
            for (bn, want) in net.batch_norm.iter().zip(running) {
                for (a, b) in bn.running_mean.iter().zip(vector(&want["mean"]).iter()) {
                    assert!(close(*a, *b), "{what}: running mean {a} and {b}");
                }
                for (a, b) in bn.running_var.iter().zip(vector(&want["var"]).iter()) {
                    assert!(close(*a, *b), "{what}: running var {a} and {b}");
                }
            }
        }
    }
}
