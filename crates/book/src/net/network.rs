//! What every network of the book is: an ordered list of layers and a last layer
//! ([`Layers`]), made from its parameters ([`Network`]).

use std::ops::ControlFlow;

use ndarray::{
    Array2, Array3, ArrayD, ArrayView, ArrayView1, ArrayView2, ArrayViewD, ArrayViewMutD, Axis,
    Dimension,
};

use super::GradientProgress;

use crate::functions::{Targets, argmax, softmax};
use crate::gradient::H;
use crate::layers::{Layer, SoftmaxWithLoss, two_axes};
use crate::random::Random;

/// The book's network body: its layers in order (the book's `OrderedDict` of layers), each
/// with its name (`Affine1`, `Relu1`, ...), run forward one after another, then through the
/// last layer, [`SoftmaxWithLoss`], and back in reverse.
///
/// ```
/// use scratchnet_book::layers::{Affine, Relu};
/// use scratchnet_book::ndarray::array;
/// use scratchnet_book::net::Layers;
/// use scratchnet_book::Targets;
/// let (w, b) = (array![[1.0, -1.0], [2.0, 0.5]], array![0.0, 0.0]);
/// let mut layers = Layers::new();
/// layers.push("Affine1", Affine::new(w.view(), b.view()));
/// layers.push("Relu1", Relu::default());
/// // x · W = (1 + 4, −1 + 1) = (5, 0), through ReLU
/// assert_eq!(layers.predict(array![[1.0, 2.0]].view(), false), array![[5.0, 0.0]]);
/// let (_, grads) = layers.gradient(array![[1.0, 2.0]].view(), Targets::from(&[0]));
/// assert_eq!(grads.len(), 2); // dW and db of Affine1, the only layer with parameters
/// ```
#[derive(Debug, Default)]
pub struct Layers<'p> {
    layers: Vec<(String, Box<dyn Layer + 'p>)>,
}

impl<'p> Layers<'p> {
    /// No layers yet.
    #[must_use]
    pub fn new() -> Self {
        Layers { layers: Vec::new() }
    }

    /// Adds `layer`, called `name`, after the others.
    pub fn push(&mut self, name: impl Into<String>, layer: impl Layer + 'p) {
        self.layers.push((name.into(), Box::new(layer)));
    }

    /// The layers' names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.layers.iter().map(|(name, _)| name.as_str())
    }

    /// The scores `(N, C)` for a batch `x: (N, D)` (or images, `(N, C, H, W)`): every layer's
    /// forward pass in order (the book's `predict`). `train` is the book's `train_flg`.
    ///
    /// # Panics
    /// If the last layer's output does not have two axes, one score per class for each sample.
    pub fn predict<D: Dimension>(&mut self, x: ArrayView<f64, D>, train: bool) -> Array2<f64> {
        let x = x.into_dyn();
        let mut layers = self.layers.iter_mut();
        let Some((_, first)) = layers.next() else {
            return two_axes(x.to_owned());
        };
        // the input is borrowed: the first layer copies it only if it keeps it
        let mut out = first.forward_view(x, train);
        for (_, layer) in layers {
            out = layer.forward(out, train);
        }
        two_axes(out)
    }

    /// The output of the layer called `name` for `x`: the forward passes (not training) of
    /// every layer up to it, in order; `None` if no layer has that name. What a network has
    /// made of its input part way through: a convolution's feature maps, a hidden layer's
    /// activations.
    ///
    /// ```
    /// use scratchnet_book::layers::{Affine, Relu};
    /// use scratchnet_book::ndarray::{array, IxDyn};
    /// use scratchnet_book::net::Layers;
    /// let (w, b) = (array![[1.0, -1.0], [2.0, 0.5]], array![0.0, -3.0]);
    /// let mut layers = Layers::new();
    /// layers.push("Affine1", Affine::new(w.view(), b.view()));
    /// layers.push("Relu1", Relu::default());
    /// let x = array![[1.0, 2.0]];
    /// // x · W + b = (5, 0 − 3)
    /// let affine = layers.forward_until(x.view(), "Affine1").unwrap();
    /// assert_eq!(affine, array![[5.0, -3.0]].into_dyn());
    /// let relu = layers.forward_until(x.view(), "Relu1").unwrap();
    /// assert_eq!(relu, array![[5.0, 0.0]].into_dyn());
    /// assert!(layers.forward_until(x.view(), "Pool1").is_none());
    /// ```
    pub fn forward_until<D: Dimension>(
        &mut self,
        x: ArrayView<f64, D>,
        name: &str,
    ) -> Option<ArrayD<f64>> {
        let last = self.layers.iter().position(|(n, _)| n == name)?;
        let mut layers = self.layers[..=last].iter_mut();
        let (_, first) = layers.next()?;
        let mut out = first.forward_view(x.into_dyn(), false);
        for (_, layer) in layers {
            out = layer.forward(out, false);
        }
        Some(out)
    }

    /// The loss of the batch `x` against the answers `t`: the scores through the last layer.
    pub fn loss<D: Dimension>(&mut self, x: ArrayView<f64, D>, t: Targets, train: bool) -> f64 {
        let scores = self.predict(x, train);
        SoftmaxWithLoss::default().forward(scores.view(), t)
    }

    /// The loss and its gradient with respect to every parameter, by backpropagation (the
    /// book's `gradient`): forward through every layer and the last one, then back in reverse.
    /// The gradients come in the order of the layers, and within a layer in the order of its
    /// [`grads`](Layer::grads) (`W`, then `b`).
    pub fn gradient<D: Dimension>(
        &mut self,
        x: ArrayView<f64, D>,
        t: Targets,
    ) -> (f64, Vec<ArrayD<f64>>) {
        let scores = self.predict(x, true);
        let mut last = SoftmaxWithLoss::default();
        let loss = last.forward(scores.view(), t);
        let mut dout = last.backward().into_dyn();
        for (_, layer) in self.layers.iter_mut().rev() {
            dout = layer.backward(dout);
        }
        let grads = self
            .layers
            .iter()
            .flat_map(|(_, layer)| layer.grads().into_iter().map(|(_, g)| g.to_owned()))
            .collect();
        (loss, grads)
    }
}

/// A network: parameters with the book's names, and the layers they make ([`Layers`]). The
/// training driver, the accuracy and the book's training steps take any network through it.
///
/// Shapes: `N` samples, `D` inputs, `C` classes.
pub trait Network: std::fmt::Debug {
    /// The network's name, as the book calls its class (`TwoLayerNet`, `MultiLayerNet`).
    fn kind(&self) -> &'static str;

    /// The layers these parameters make, in order.
    fn layers(&self) -> Layers<'_>;

    /// The parameters by the book's names (`W1`, `b1`, ...), in the order of the gradients of
    /// [`gradient`](Network::gradient).
    fn params(&self) -> Vec<(String, ArrayViewD<'_, f64>)>;

    /// The parameters, in the same order, for an [`Optimizer`](crate::Optimizer) to update.
    fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, f64>>;

    /// The number of units of each layer, inputs first and classes last: `[784, 50, 10]`.
    fn layer_sizes(&self) -> Vec<usize>;

    /// The network in a few words: its kind, sizes and activation (`TwoLayerNet 784-50-10
    /// sigmoid`).
    fn describe(&self) -> String;

    /// What the first convolution makes of one image `x: (C·H·W,)`, through its activation:
    /// `(filters, OH, OW)`, the maps the next layer reads (§7.2). `None` for a network that
    /// has no convolution (the default).
    fn feature_maps(&self, x: ArrayView1<f64>) -> Option<Array3<f64>> {
        let _ = x;
        None
    }

    /// The scores `(N, C)` for a batch `x: (N, D)`, before softmax (the book's `predict`).
    fn predict(&self, x: ArrayView2<f64>) -> Array2<f64> {
        self.layers().predict(x, false)
    }

    /// The probability of each class, `(N, C)`: the scores through softmax.
    fn probabilities(&self, x: ArrayView2<f64>) -> Array2<f64> {
        softmax(&self.predict(x))
    }

    /// The loss of `x` against the answers `t` (the book's `loss`).
    fn loss(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        self.layers().loss(x, t, false)
    }

    /// The loss of a training pass that changes nothing and draws nothing: the function whose
    /// gradient [`gradient`](Network::gradient) computes and
    /// [`numerical_gradient`](Network::numerical_gradient) estimates (the book's
    /// `loss(x, t, train_flg=True)`, which its `numerical_gradient` differentiates). For a
    /// network whose layers compute alike in training and testing, [`loss`](Network::loss).
    fn training_loss(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        self.loss(x, t)
    }

    /// The loss, and its gradient by backpropagation in the order of
    /// [`params`](Network::params): the gradient of
    /// [`training_loss`](Network::training_loss).
    fn gradient(&self, x: ArrayView2<f64>, t: Targets) -> (f64, Vec<ArrayD<f64>>) {
        self.layers().gradient(x, t)
    }

    /// The gradient of a training pass (the book's `gradient()`, which runs
    /// `loss(x, t, train_flg=True)`): what a training pass changes (Batch Normalization's
    /// running statistics) it changes here, and what it draws (Dropout's masks) it draws from
    /// `random`. The loss and the gradient in the order of [`params`](Network::params), as
    /// [`gradient`](Network::gradient), which it is for a network that neither changes nor
    /// draws in a training pass.
    fn training_gradient(
        &mut self,
        x: ArrayView2<f64>,
        t: Targets,
        random: &mut dyn Random,
    ) -> (f64, Vec<ArrayD<f64>>) {
        let _ = random;
        self.gradient(x, t)
    }

    /// The gradient of the loss ([`training_loss`](Network::training_loss)) by central
    /// difference, one parameter at a time (the book's `numerical_gradient` method), in the
    /// order of [`params`](Network::params): two forward passes per parameter, 79,520 for the
    /// book's 784-50-10 network. Each parameter is nudged by ±[`H`] and restored exactly before
    /// the next.
    fn numerical_gradient(&mut self, x: ArrayView2<f64>, t: Targets) -> Vec<ArrayD<f64>>
    where
        Self: Sized,
    {
        let mut go_on = |_, _| ControlFlow::Continue(());
        self.numerical_gradient_watched(x, t, &mut GradientProgress::new(&mut go_on))
            .expect("never asked to stop")
    }

    /// [`numerical_gradient`](Network::numerical_gradient), reporting how many parameters are
    /// done through `progress`; `None` if `progress`'s callback asked to stop, the parameters
    /// then exactly as they were (the one being nudged is restored before the callback is
    /// asked). The same numbers to the last bit when it runs to the end.
    fn numerical_gradient_watched(
        &mut self,
        x: ArrayView2<f64>,
        t: Targets,
        progress: &mut GradientProgress,
    ) -> Option<Vec<ArrayD<f64>>>
    where
        Self: Sized,
    {
        let shapes: Vec<_> = self.params().iter().map(|(_, p)| p.raw_dim()).collect();
        let total = shapes.iter().map(ndarray::Dimension::size).sum();
        if progress.start(total).is_break() {
            return None;
        }
        let mut done = 0;
        let mut grads = Vec::with_capacity(shapes.len());
        for (k, shape) in shapes.into_iter().enumerate() {
            let mut grad = ArrayD::zeros(shape.clone());
            for idx in ndarray::indices(shape) {
                let tmp_val = self.params_mut()[k][&idx];
                self.params_mut()[k][&idx] = tmp_val + H;
                let fxh1 = self.training_loss(x, t.clone()); // f(x + h)
                self.params_mut()[k][&idx] = tmp_val - H;
                let fxh2 = self.training_loss(x, t.clone()); // f(x - h)
                grad[&idx] = (fxh1 - fxh2) / (2.0 * H);
                self.params_mut()[k][&idx] = tmp_val; // restore
                done += 1;
                // the last one is reported by `finish`
                if done < total && progress.at(done).is_break() {
                    return None;
                }
            }
            grads.push(grad);
        }
        progress.finish().is_continue().then_some(grads)
    }

    /// The predicted class of each sample, `(N,)`: the index of its largest score.
    fn classify(&self, x: ArrayView2<f64>) -> Vec<usize> {
        self.predict(x)
            .axis_iter(Axis(0))
            .map(|row| argmax(row.iter().copied()))
            .collect()
    }

    /// The fraction of samples whose predicted class is the correct one.
    ///
    /// # Panics
    /// If `t` does not have one answer per sample.
    fn accuracy(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        assert_eq!(t.len(), x.nrows(), "one answer per sample");
        let right = self
            .classify(x)
            .iter()
            .zip(t.classes().iter())
            .filter(|(y, t)| y == t)
            .count();
        right as f64 / t.len().max(1) as f64
    }

    /// Whether every parameter is finite.
    fn is_finite(&self) -> bool {
        self.params()
            .iter()
            // `&` rather than a short-circuit, so that the loop runs on vectors
            .all(|(_, a)| a.fold(true, |ok, v| ok & v.is_finite()))
    }
}
