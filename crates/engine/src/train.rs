//! Training on the fast path: the same steps as the book's layers take
//! ([`BookSteps`](scratchnet_book::train::BookSteps)), in `f32` or `f64`, from the non-zero
//! pixels, with a helper thread on a second core; the book's driver runs the loop.

use std::ops::ControlFlow;

use super::helper::Helper;
use super::images::{GROUP, PixelGroups, SparseImages};
use super::net::{Affine, SparseNet, Workspace};
use crate::Real;
use ndarray::{ArrayD, ArrayView1, ArrayView2, ArrayViewD};
use scratchnet_book::data::mnist::{Mnist, PIXELS, Split};
use scratchnet_book::net::multi_layer::MultiLayerNet;
use scratchnet_book::net::multi_layer_extend::MultiLayerNetExtend;
use scratchnet_book::net::{GradientProgress, Network};
use scratchnet_book::optim::Optimizer;
use scratchnet_book::random::{Generator, Random};
use scratchnet_book::real::Dtype;
use scratchnet_book::train::{
    AnyTraining, BookSteps, GradMethod, Outcome, Progress, Stepper, TrainConfig, TrainEvent,
    Trainable, Training,
};
use scratchnet_book::{Activation, Params, TwoLayerNet};

/// MNIST ready for the engine, indexed once (a caller that trains in pieces, to write
/// checkpoints between them, indexes it once for all of them): the non-zero pixels of every
/// image, image by image (to draw mini-batches from) and, for the accuracy measured every
/// epoch, group of pixels by group in runs of 100 images.
#[derive(Clone, Debug)]
pub struct TrainingData<'a> {
    /// The images and labels.
    pub(crate) mnist: &'a Mnist,
    /// The non-zero pixels of the training images.
    pub(crate) train: SparseImages,
    /// The training images group of pixels by group.
    pub(crate) train_runs: Vec<PixelGroups<u8>>,
    /// The test images group of pixels by group.
    pub(crate) test_runs: Vec<PixelGroups<u8>>,
}

/// Images per run of [`TrainingData`]'s evaluation runs: 100, so that a run's hidden layer
/// (100 × 64 numbers) stays in the processor's nearest cache.
pub(crate) const EVALUATION_RUN: usize = 100;

impl<'a> TrainingData<'a> {
    /// Indexes `mnist`: finds the non-zero pixels of every image (once per run: MNIST's
    /// 70,000 take a small part of a second, `bench/RESULTS.md`).
    #[must_use]
    pub fn new(mnist: &'a Mnist) -> Self {
        // on both cores: a fifth of a short run's start-up (`bench/RESULTS.md`, "Start-up")
        let index = |split: &Split| {
            let images = SparseImages::new(split.images.view());
            let runs = PixelGroups::runs(&images, EVALUATION_RUN);
            (images, runs)
        };
        let ((train, train_runs), (_, test_runs)) =
            rayon::join(|| index(&mnist.train), || index(&mnist.test));
        TrainingData {
            mnist,
            train_runs,
            test_runs,
            train,
        }
    }

    /// The images and labels it indexes.
    #[must_use]
    pub fn mnist(&self) -> &'a Mnist {
        self.mnist
    }
}

/// A network the engine trains: the book's networks of `Affine` layers with one activation
/// after each but the last, and softmax with loss at the end: [`TwoLayerNet`] and
/// [`MultiLayerNet`] (any number of hidden layers).
pub trait OnEngine: Trainable {
    /// The activation after every layer but the last.
    fn activation(&self) -> Activation;

    /// Whether the engine's backpropagation computes this network's loss: not when it has a
    /// term the engine leaves out (a `MultiLayerNet`'s weight decay), and the book's layers
    /// then compute the gradient.
    fn on_fast_path(&self) -> bool {
        true
    }

    /// The numerical gradient of the loss on `x` against `t`, `--grad numerical`'s, on up to
    /// `threads` cores, in the order of [`Network::params`], reporting how far it is through
    /// `progress`; `None` if its callback asked to stop, the network then as it was. By
    /// default the book's ([`Network::numerical_gradient_watched`]), on one core: the engine's,
    /// which recomputes only what each nudge changes, is written for two layers.
    fn numerical_gradient_on(
        &mut self,
        x: ArrayView2<f64>,
        t: &[usize],
        threads: usize,
        progress: &mut GradientProgress,
    ) -> Option<Vec<ArrayD<f64>>> {
        let _ = threads;
        Network::numerical_gradient_watched(self, x, t.into(), progress)
    }
}

/// The engine's numerical gradient ([`numerical`](crate::numerical)): only what each nudge
/// changes is computed again.
impl OnEngine for TwoLayerNet {
    fn activation(&self) -> Activation {
        self.activation
    }

    fn numerical_gradient_on(
        &mut self,
        x: ArrayView2<f64>,
        t: &[usize],
        threads: usize,
        progress: &mut GradientProgress,
    ) -> Option<Vec<ArrayD<f64>>> {
        crate::numerical::numerical_gradient_watched(self, x, t, threads, progress)
            .map(Params::into_vec)
    }
}

/// On the engine without weight decay; the book's numerical gradient.
impl OnEngine for MultiLayerNet {
    fn activation(&self) -> Activation {
        self.activation
    }

    /// Without weight decay: the engine computes the cross-entropy error alone.
    fn on_fast_path(&self) -> bool {
        self.weight_decay == 0.0
    }
}

/// The book's numerical gradient, on one core; on the engine's backpropagation only when it has
/// neither Batch Normalization nor Dropout nor weight decay (a `MultiLayerNet`, then).
impl OnEngine for MultiLayerNetExtend {
    fn activation(&self) -> Activation {
        self.activation
    }

    /// Without Batch Normalization, Dropout or weight decay: the engine computes `Affine` layers
    /// and activations only.
    fn on_fast_path(&self) -> bool {
        !self.uses_batch_norm() && self.dropout.is_none() && self.weight_decay == 0.0
    }
}

/// [`run`] for a run of any network ([`AnyTraining`]); chapter 7's `SimpleConvNet` as
/// [`run_conv`](crate::run_conv) runs it.
///
/// # Panics
/// If the training set is empty.
pub fn run_any(
    training: &mut AnyTraining,
    data: &TrainingData,
    on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
) -> Outcome {
    match training {
        AnyTraining::TwoLayer(t) => run(t, data, on_event),
        AnyTraining::MultiLayer(t) => run(t, data, on_event),
        AnyTraining::SimpleConv(t) => super::conv_train::run_conv(t, data.mnist, on_event),
    }
}

/// `net`'s `Affine` layers, `(W, b)` after `(W, b)`, from its parameters `W1, b1, W2, b2, …`.
fn affine_layers(net: &impl Network) -> Vec<(ArrayView2<'_, f64>, ArrayView1<'_, f64>)> {
    let params: Vec<ArrayViewD<f64>> = net.params().into_iter().map(|(_, p)| p).collect();
    params
        .chunks_exact(2)
        .map(|pair| {
            let w = pair[0]
                .clone()
                .into_dimensionality()
                .expect("a weight matrix");
            let b = pair[1]
                .clone()
                .into_dimensionality()
                .expect("a bias vector");
            (w, b)
        })
        .collect()
}

/// Runs the remaining iterations of `training` on `data` on the engine, reporting through
/// `on_event`: the gradient as [`TrainConfig::grad`](scratchnet_book::train::TrainConfig::grad)
/// says, `Backprop` from the non-zero pixels in the run's `dtype`, `Numerical` as
/// [`OnEngine::numerical_gradient_on`] (both numerical methods report [`TrainEvent::Gradient`],
/// and stop within one report when the callback asks); the `*Reference` methods through the
/// book's layers, as [`Training::run`] does. A network without a hidden layer (one `Affine`
/// layer: no first layer to compute from the pixels apart from the last), or whose loss the
/// engine does not compute ([`OnEngine::on_fast_path`]), or a run that draws from NumPy's
/// generator (`float32` pixels and batches drawn in order, as the book's script), or one that
/// measures its epochs on samples (`evaluate_sample_num_per_epoch`), goes through the book's
/// layers too.
///
/// # Panics
/// If the training set is empty.
pub fn run<N: OnEngine>(
    training: &mut Training<N>,
    data: &TrainingData,
    on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
) -> Outcome {
    if !on_engine(&training.net, &training.config) {
        return training.run(data.mnist, on_event);
    }
    match (training.config.grad, training.config.dtype) {
        (GradMethod::Backprop, Dtype::F32) => fast_path::<f32, N>(training, data, on_event),
        (GradMethod::Backprop, Dtype::F64) => fast_path::<f64, N>(training, data, on_event),
        (GradMethod::Numerical, _) => {
            let threads = training.config.threads;
            let (progress, net, optimizer) = training.parts();
            let gradient = |net: &mut N,
                            _random: &mut dyn Random,
                            x: ArrayView2<f64>,
                            t: &[usize],
                            progress: &mut GradientProgress| {
                net.numerical_gradient_on(x, t, threads, progress)
            };
            let mut steps = BookSteps::new(net, optimizer, data.mnist, gradient);
            progress.run(&mut steps, data.mnist, on_event)
        }
        _ => training.run(data.mnist, on_event),
    }
}

/// The fast path: backpropagation from the non-zero pixels, in `T`; with a [`Helper`] on a
/// second core when there is one.
struct Fast<'d, T: Real> {
    data: &'d TrainingData<'d>,
    net: SparseNet<T>,
    optimizer: Optimizer<T>,
    workspace: Workspace<T>,
    /// The cores a step may use ([`Plan::cores_per_step`]).
    cores: usize,
    batch: PixelGroups<T>,
    helper: Option<Helper<T>>,
    /// Images classified right in the training and test sets, when measured here.
    counts: [usize; 2],
    /// The weights [`Stepper::keep`] kept.
    kept: Option<Vec<Affine<T>>>,
}

impl<T: Real> Stepper for Fast<'_, T> {
    const DEFERRED: bool = true;

    fn step(
        &mut self,
        rows: &[usize],
        labels: &[usize],
        _random: &mut dyn Random,
        _progress: &mut GradientProgress,
    ) -> ControlFlow<(), Option<f64>> {
        // a step split between the cores goes on one while the other measures the accuracy
        // (the same numbers either way)
        let busy = self.helper.as_ref().is_some_and(Helper::is_measuring);
        self.workspace.use_cores(if busy { 1 } else { self.cores });
        match &self.helper {
            Some(helper) => {
                helper.next_batch(&mut self.batch);
                assert_eq!(
                    self.batch.rows(),
                    rows,
                    "the helper gathered the wrong batch"
                );
            }
            None => self.batch.fill(&self.data.train, rows),
        }
        let (net, ws, optimizer, batch) = (
            &mut self.net,
            &mut self.workspace,
            &mut self.optimizer,
            &self.batch,
        );
        // on this thread (what it allocates is given back when the run ends); a pass split
        // between two cores runs its halves on rayon's pool
        net.gradient(batch, labels, ws);
        optimizer.update(&mut net.params_mut(), &ws.gradient_views());
        let loss = net.loss(batch, labels, ws);
        ControlFlow::Continue(net.is_finite().then_some(loss))
    }

    /// Always on the whole sets: a run measured on samples goes through the book's layers
    /// ([`run`]).
    fn evaluate(&mut self, _sample: Option<usize>) {
        let data = self.data;
        match &self.helper {
            Some(helper) => helper.evaluate(&self.net),
            None => {
                let count = |runs: &[PixelGroups<u8>], split: &Split| {
                    let labels = split.labels.as_slice().expect("standard layout");
                    self.net.count_correct(runs, labels)
                };
                self.counts = [
                    count(&data.train_runs, &data.mnist.train),
                    count(&data.test_runs, &data.mnist.test),
                ];
            }
        }
    }

    fn accuracies(&mut self) -> (f64, f64) {
        let data = self.data;
        if let Some(helper) = &self.helper {
            self.counts = helper.counts();
        }
        let [train, test] = self.counts;
        let fraction = |count: usize, split: &Split| count as f64 / split.len().max(1) as f64;
        (
            fraction(train, &data.mnist.train),
            fraction(test, &data.mnist.test),
        )
    }

    fn keep(&mut self) {
        match &mut self.kept {
            Some(kept) => kept.clone_from_slice(self.net.layers()),
            None => self.kept = Some(self.net.layers().to_vec()),
        }
    }

    fn restore(&mut self) {
        if let Some(kept) = &self.kept {
            self.net.layers_mut().clone_from_slice(kept);
        }
    }
}

/// Runs the fast path in `T`, starting from and writing back to the `f64` network and optimiser
/// (exact both ways when `T` is `f64`, and for `f32` after the first rounding).
fn fast_path<T: Real, N: OnEngine>(
    training: &mut Training<N>,
    data: &TrainingData,
    on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
) -> Outcome {
    let (progress, net, optimizer): (Progress, &mut N, &mut Optimizer) = training.parts();
    let sparse = SparseNet::<T>::from_layers(&affine_layers(net), net.activation());
    let mut padded = optimizer.cast::<T>();
    for slot in [&mut padded.state.first, &mut padded.state.second] {
        *slot = SparseNet::<T>::pad(slot);
    }
    let config = progress.config;
    let iters = *progress.next_iter..config.iters;
    let train_size = data.mnist.train.len();
    let batch = move |iter| config.batch_indices(iter, train_size);
    let cores = plan_for::<T>(config, net, data).cores_per_step;
    let (outcome, fast) = std::thread::scope(|scope| {
        let mut fast = Fast {
            data,
            workspace: Workspace::new(&sparse),
            cores,
            batch: PixelGroups::empty(PIXELS),
            net: sparse,
            optimizer: padded,
            helper: (config.threads > 1).then(|| Helper::spawn(scope, &batch, data, iters)),
            counts: [0; 2],
            kept: None,
        };
        let outcome = progress.run(&mut fast, data.mnist, on_event);
        // dropping the helper's channels ends its thread, which the scope then waits for
        fast.helper = None;
        (outcome, fast)
    });
    let trained = fast.net.to_layers();
    let arrays = trained
        .iter()
        .flat_map(|(w, b)| [w.view().into_dyn(), b.view().into_dyn()]);
    for (mut param, new) in net.params_mut().into_iter().zip(arrays) {
        param.assign(&new);
    }
    *optimizer = fast.optimizer.cast();
    for slot in [&mut optimizer.state.first, &mut optimizer.state.second] {
        *slot = fast.net.unpad(slot);
    }
    outcome
}

/// How the engine computes a run: chosen by the run's shape and threads, before it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Hidden units per block of the first layer's kernels (64 in `f32`, 32 in `f64`).
    pub block: usize,
    /// Cores each pass of the first layer is split between: 2 when the work of one pass is
    /// large enough to pay for the hand-over, else 1.
    pub cores_per_step: usize,
    /// Whether a helper thread gathers the mini-batches ahead and measures the accuracies
    /// alongside the steps.
    pub helper: bool,
    /// The layers after the first, computed by dense matrix products (ndarray's, that is the
    /// `matrixmultiply` crate's): 1 for [`TwoLayerNet`].
    pub dense_layers: usize,
}

impl std::fmt::Display for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "sparse first layer (groups of {GROUP} pixels, blocks of {} hidden units, tiles of {} images), \
             {} by matrix products",
            self.block,
            super::net::TILE,
            match self.dense_layers {
                1 => "the last layer".to_string(),
                n => format!("the {n} layers after it"),
            }
        )?;
        match (self.cores_per_step, self.helper) {
            (1, false) => write!(f, ", one core"),
            (1, true) => write!(
                f,
                ", one core per step and a helper gathering batches and measuring accuracy"
            ),
            (n, _) => write!(
                f,
                ", each pass split between {n} cores, a helper gathering batches and measuring accuracy"
            ),
        }
    }
}

/// Whether `net` has a hidden layer: the engine computes the first of its layers from the pixels,
/// and the layers after it by matrix products.
fn has_hidden_layer(net: &impl Network) -> bool {
    net.layer_sizes().len() > 2
}

/// Whether the engine trains `net` with `config`: it has a hidden layer and a loss the engine
/// computes, and the run draws from scratchnet's generator (a run with NumPy's reads the pixels
/// in `float32` and draws its batches in order, as the book's script does, through the book's
/// layers).
fn on_engine(net: &impl OnEngine, config: &TrainConfig) -> bool {
    has_hidden_layer(net)
        && net.on_fast_path()
        && config.rng == Generator::Scratchnet
        && config.evaluate_sample_num_per_epoch.is_none()
}

/// The [`Plan`] of `training` on `data`: `None` when its gradient is not taken on the engine's
/// backpropagation path (`--grad backprop`, and a network with a hidden layer and a loss the
/// engine computes).
#[must_use]
pub fn plan<N: OnEngine>(training: &Training<N>, data: &TrainingData) -> Option<Plan> {
    let net = &training.net;
    if !on_engine(net, &training.config) {
        return None;
    }
    match (training.config.grad, training.config.dtype) {
        (GradMethod::Backprop, Dtype::F32) => Some(plan_for::<f32>(&training.config, net, data)),
        (GradMethod::Backprop, Dtype::F64) => Some(plan_for::<f64>(&training.config, net, data)),
        _ => None,
    }
}

/// [`plan`] for a run of either network ([`AnyTraining`]).
#[must_use]
pub fn plan_any(training: &AnyTraining, data: &TrainingData) -> Option<Plan> {
    match training {
        AnyTraining::TwoLayer(t) => plan(t, data),
        AnyTraining::MultiLayer(t) => plan(t, data),
        AnyTraining::SimpleConv(_) => None,
    }
}

/// The [`Plan`] in `T`: a step split between two cores when a typical mini-batch (MNIST's
/// average ink) makes one pass of the first layer worth it ([`split_work`](super::net)).
fn plan_for<T: Real>(config: &TrainConfig, net: &impl Network, data: &TrainingData) -> Plan {
    let sizes = net.layer_sizes();
    let h = sizes[1];
    let per_image = data.train.inked_groups() as f64 / data.train.len().max(1) as f64;
    let entries = (config.batch_size as f64 * per_image) as usize;
    let split = config.threads > 1 && super::net::split_work::<T>(config.batch_size, entries, h);
    Plan {
        block: super::net::block::<T>(),
        cores_per_step: if split { 2 } else { 1 },
        helper: config.threads > 1,
        dense_layers: sizes.len() - 2,
    }
}
