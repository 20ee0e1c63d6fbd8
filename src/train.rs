//! Mini-batch training of a [`TwoLayerNet`] on MNIST (the book's `ch04/train_neuralnet.py`),
//! with checkpoints that make an interrupted run end exactly where an uninterrupted one would.
//!
//! Each iteration draws a mini-batch of `batch_size` training images at random (with
//! replacement, as the book's `np.random.choice`), takes the gradient of the loss on it, moves
//! every parameter a step `lr` against it (stochastic gradient descent), and records the loss on
//! that batch after the step. Once per epoch (`train size / batch size` iterations, 600 for the
//! book's settings, starting with the first iteration) it measures the accuracy on the whole
//! training and test sets.
//!
//! The library never prints: progress arrives through a callback, which may also ask to stop.
//!
//! Randomness: the weights come from stream 0 of a ChaCha8 generator seeded with `seed`; the
//! mini-batch of iteration `i` from stream `i + 1` of the same seed. So a run's random state is
//! just `(seed, iteration)`, and resuming from a checkpoint continues the same sequence.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::atomic::write_atomically;
use crate::data::mnist::{CLASSES, Mnist, PIXELS, Split};
use crate::data::sparse::{PixelGroups, SparseImages};
use crate::net::file::read_tensor;
use crate::net::sparse::{Batch, SparseNet, Workspace};
use crate::optim::{Optimizer, OptimizerConfig};
use crate::real::{Dtype, Real};
use crate::{Activation, Error, TwoLayerNet};

mod helper;
use helper::Helper;

/// How the gradient is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GradMethod {
    /// Backpropagation from the non-zero pixels only, in `f32` or `f64`
    /// ([`SparseNet::gradient`]): the fast path.
    Backprop,
    /// Backpropagation through the book's layers, dense products in `f64`
    /// ([`TwoLayerNet::gradient`]): the reference the fast path is checked against.
    #[serde(rename = "backprop-reference")]
    BackpropReference,
    /// Central differences (h = 1e-4), recomputing only what each nudge changes, on all cores
    /// ([`TwoLayerNet::numerical_gradient_fast`]): hundreds of times faster than
    /// [`GradMethod::NumericalReference`] (the README's Speed has the figures and the machine).
    Numerical,
    /// Central differences the book's way, two whole forward passes of the batch per parameter
    /// ([`TwoLayerNet::numerical_gradient`]): 79,520 per step for 784-50-10.
    #[serde(rename = "numerical-reference")]
    NumericalReference,
}

impl GradMethod {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            GradMethod::Backprop => "backprop",
            GradMethod::BackpropReference => "backprop-reference",
            GradMethod::Numerical => "numerical",
            GradMethod::NumericalReference => "numerical-reference",
        }
    }
}

/// The settings of a training run; [`Default`] is the book's `train_neuralnet.py`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Iterations (mini-batches): 10,000.
    pub iters: usize,
    /// Images per mini-batch: 100.
    pub batch_size: usize,
    /// The update rule: SGD with learning rate 0.1, as `train_neuralnet.py`.
    pub optimizer: OptimizerConfig,
    /// Hidden units: 50.
    pub hidden: usize,
    /// Hidden activation: sigmoid, as in chapter 4.
    #[serde(with = "activation_name")]
    pub activation: Activation,
    /// Backprop (default) or numerical.
    pub grad: GradMethod,
    /// The floating-point type of the fast path ([`GradMethod::Backprop`]); the other methods
    /// compute in `f64`. Default `f64`: NumPy's and the book's type, so that a run can be
    /// compared number for number with the reference path and the book; `f32` moves half the
    /// bytes, is faster (1.7 to 1.9 times on the machines of the README's Speed), and learns as
    /// well (0.945 test accuracy either way).
    #[serde(default)]
    pub dtype: Dtype,
    /// The seed of every random draw.
    pub seed: u64,
    /// The standard deviation of the initial weights: 0.01.
    pub weight_init_std: f64,
    /// Threads (the results do not depend on it): all cores. The numerical gradient splits its
    /// work over them; the fast path uses a second one, when there is one, to gather the next
    /// mini-batches ahead and to measure each epoch's accuracy while the training goes on.
    #[serde(skip, default = "all_cores")]
    pub threads: usize,
}

/// The number of cores, for [`TrainConfig::threads`].
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

mod activation_name {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(a: &crate::Activation, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(a.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<crate::Activation, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            iters: 10_000,
            batch_size: 100,
            optimizer: OptimizerConfig::sgd(0.1),
            hidden: 50,
            activation: Activation::Sigmoid,
            grad: GradMethod::Backprop,
            dtype: Dtype::F64,
            seed: 0,
            weight_init_std: 0.01,
            threads: all_cores(),
        }
    }
}

impl TrainConfig {
    /// Checks the settings.
    ///
    /// # Errors
    /// As [`OptimizerConfig::validate`]; [`Error::Config`] for a zero batch size or hidden
    /// layer, or a non-positive `weight_init_std`.
    pub fn validate(&self) -> Result<(), Error> {
        self.optimizer.validate()?;
        let bad = |what, problem: &str| {
            Err(Error::Config {
                what,
                problem: problem.to_string(),
            })
        };
        if self.batch_size == 0 {
            return bad("batch size", "must be at least 1 (the book: 100)");
        }
        if self.hidden == 0 {
            return bad("hidden units", "must be at least 1 (the book: 50)");
        }
        if !(self.weight_init_std.is_finite() && self.weight_init_std > 0.0) {
            return bad("weight_init_std", "must be positive (the book: 0.01)");
        }
        if self.dtype == Dtype::F32 && self.grad != GradMethod::Backprop {
            return bad(
                "dtype",
                "f32 works with the backprop gradient only: a central difference with h = 1e-4 \
                 in f32 keeps about 3 significant digits (use f64 for numerical gradients)",
            );
        }
        Ok(())
    }

    /// Iterations per epoch: `max(train_size / batch_size, 1)`, 600 for the book.
    pub fn iters_per_epoch(&self, train_size: usize) -> usize {
        (train_size / self.batch_size.max(1)).max(1)
    }
}

/// The accuracies measured once per epoch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    /// The epoch, from 0.
    pub epoch: usize,
    /// The iteration after which it was measured, from 0.
    pub iter: usize,
    /// Accuracy on the whole training set.
    pub train_acc: f64,
    /// Accuracy on the whole test set.
    pub test_acc: f64,
    /// The loss of that iteration's mini-batch.
    pub loss: f64,
}

/// Everything measured during a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The mini-batch loss after each iteration.
    pub loss: Vec<f64>,
    /// One record per epoch.
    pub epochs: Vec<EpochRecord>,
}

/// What a run reports while it trains. Return [`ControlFlow::Break`] from the callback to stop
/// (after the current iteration).
#[derive(Clone, Debug, PartialEq)]
pub enum TrainEvent<'a> {
    /// An iteration ended.
    Iteration {
        /// Its index, from 0.
        iter: usize,
        /// The mini-batch loss after the step.
        loss: f64,
    },
    /// An epoch's accuracies are about to be measured: a pause of a second or so on the
    /// reference paths; the fast path measures them while the next iterations run.
    Evaluating,
    /// An epoch's accuracies were measured. The reference paths report them at once, the fast
    /// path (which measures them alongside the next iterations, on a second core when there is
    /// one) just before the next measurement starts, or when the run ends or stops.
    Epoch(&'a EpochRecord),
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Every iteration ran.
    Finished,
    /// The callback asked to stop; `next_iter` is where a resumed run continues.
    Stopped {
        /// The next iteration to run.
        next_iter: usize,
    },
    /// The loss blew up: it became NaN or infinite, or rose above [`divergence_threshold`]
    /// (three times the loss of guessing at random). The learning rate is too large. The network
    /// holds the weights that blew up: nothing should be saved from it.
    Diverged {
        /// The iteration whose loss was not finite.
        iter: usize,
        /// That loss.
        loss: f64,
    },
}

/// A training run: its settings, its network, what it has measured, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Training {
    /// The settings.
    pub config: TrainConfig,
    /// The network being trained.
    pub net: TwoLayerNet,
    /// The update rule with the state it carries between steps.
    pub optimizer: Optimizer,
    /// Losses and accuracies so far.
    pub history: History,
    /// The next iteration to run (0 for a new run).
    pub next_iter: usize,
}

/// The name of the checkpoint file inside a checkpoint directory.
pub const CHECKPOINT_FILE: &str = "checkpoint.safetensors";

/// What a checkpoint stores besides the weights, as JSON in the file's metadata.
#[derive(Serialize, Deserialize)]
struct CheckpointState {
    config: TrainConfig,
    next_iter: usize,
    history: History,
    /// The random state: the mini-batch of iteration `i` comes from stream `i + 1` of `seed`.
    rng: RngState,
    /// The optimiser's step count; its arrays are tensors `optimizer.first.W1`, ... of the file.
    optimizer_step: u64,
}

/// The names of the optimiser-state tensors in a checkpoint.
fn state_tensor_name(slot: &str, param: &str) -> String {
    format!("optimizer.{slot}.{param}")
}

#[derive(Serialize, Deserialize)]
struct RngState {
    algorithm: String,
    seed: u64,
    next_stream: u64,
}

impl Training {
    /// A new run: the network initialised from `config.seed` for MNIST's 784 inputs and 10
    /// classes.
    ///
    /// # Errors
    /// As [`TrainConfig::validate`].
    pub fn new(config: TrainConfig) -> Result<Self, Error> {
        config.validate()?;
        let net = TwoLayerNet::new(
            PIXELS,
            config.hidden,
            CLASSES,
            config.weight_init_std,
            config.activation,
            config.seed,
        );
        let optimizer = Optimizer::new(config.optimizer)?;
        Ok(Training {
            config,
            net,
            optimizer,
            history: History::default(),
            next_iter: 0,
        })
    }

    /// The training images of iteration `iter`: `batch_size` indices drawn with replacement
    /// from stream `iter + 1` of the run's seed.
    pub fn batch_indices(&self, iter: usize, train_size: usize) -> Vec<usize> {
        batch_indices(&self.config, iter, train_size)
    }

    /// Runs the remaining iterations on `data`, reporting through `on_event`.
    ///
    /// # Panics
    /// If the training set is empty.
    pub fn run(
        &mut self,
        data: &Mnist,
        on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        self.run_on(&TrainingData::new(data), on_event)
    }

    /// [`run`](Training::run) on data indexed once by [`TrainingData::new`]: for a caller that
    /// runs a training in several pieces (to write checkpoints between them).
    ///
    /// # Panics
    /// If the training set is empty.
    pub fn run_on(
        &mut self,
        data: &TrainingData,
        on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        assert!(!data.mnist.train.is_empty(), "the training set is empty");
        let Training {
            config,
            net,
            optimizer,
            history,
            next_iter,
        } = self;
        let progress = Progress {
            config,
            history,
            next_iter,
        };
        match (config.grad, config.dtype) {
            (GradMethod::Backprop, Dtype::F32) => {
                fast_path::<f32>(progress, net, optimizer, data, on_event)
            }
            (GradMethod::Backprop, Dtype::F64) => {
                fast_path::<f64>(progress, net, optimizer, data, on_event)
            }
            _ => progress.run(
                &mut Reference {
                    net,
                    optimizer,
                    grad: config.grad,
                    threads: config.threads,
                    accuracies: (f64::NAN, f64::NAN),
                },
                data,
                on_event,
            ),
        }
    }

    /// Writes a checkpoint into `dir` (created if missing): weights, settings, history,
    /// iteration and random state in one safetensors file, written to a temporary name and
    /// renamed, so that the previous checkpoint stays whole until the new one is complete.
    ///
    /// # Errors
    /// [`Error::Model`] if it cannot be written.
    pub fn save_checkpoint(&self, dir: &Path) -> Result<PathBuf, Error> {
        let path = dir.join(CHECKPOINT_FILE);
        let fail = |problem: String| Error::Model {
            path: path.clone(),
            problem,
        };
        std::fs::create_dir_all(dir)
            .map_err(|e| fail(format!("cannot create its directory: {e}")))?;
        let state = CheckpointState {
            config: self.config.clone(),
            next_iter: self.next_iter,
            history: self.history.clone(),
            rng: RngState {
                algorithm: "ChaCha8".into(),
                seed: self.config.seed,
                next_stream: self.next_iter as u64 + 1,
            },
            optimizer_step: self.optimizer.state.step,
        };
        let json = serde_json::to_string(&state).map_err(|e| fail(e.to_string()))?;
        let names = self.net.params.named().map(|(n, _)| n);
        let s = &self.optimizer.state;
        let tensors: Vec<(String, ndarray::ArrayViewD<f64>)> =
            [("first", &s.first), ("second", &s.second)]
                .into_iter()
                .flat_map(|(slot, arrays)| {
                    arrays
                        .iter()
                        .zip(names)
                        .map(move |(a, n)| (state_tensor_name(slot, n), a.view()))
                })
                .collect();
        let meta = HashMap::from([("scratchnet_checkpoint".to_string(), json)]);
        let bytes = self.net.to_safetensors_with(&meta, &tensors)?;
        write_atomically(&path, &bytes).map_err(|e| fail(format!("cannot be written: {e}")))?;
        Ok(path)
    }

    /// Reads the checkpoint in `dir`, to continue the run with [`run`](Training::run).
    ///
    /// # Errors
    /// [`Error::Model`] if the checkpoint is missing, damaged, or not a checkpoint.
    pub fn resume(dir: &Path) -> Result<Self, Error> {
        let path = dir.join(CHECKPOINT_FILE);
        let fail = |problem: String| Error::Model {
            path: path.clone(),
            problem,
        };
        let bytes = std::fs::read(&path).map_err(|e| {
            fail(format!(
                "cannot be read: {e} (was training run with --checkpoint {}?)",
                dir.display()
            ))
        })?;
        let (net, meta) = TwoLayerNet::from_safetensors(&bytes, &path)?;
        let json = meta
            .get("scratchnet_checkpoint")
            .ok_or_else(|| fail("is a model, not a checkpoint: it has no training state".into()))?;
        let state: CheckpointState = serde_json::from_str(json)
            .map_err(|e| fail(format!("has damaged training state: {e}")))?;
        state.config.validate()?;
        if state.history.loss.len() != state.next_iter || state.rng.seed != state.config.seed {
            return Err(fail("has inconsistent training state".into()));
        }
        let mut optimizer = Optimizer::new(state.config.optimizer)?;
        optimizer.state.step = state.optimizer_step;
        let names = net.params.named().map(|(n, _)| n);
        let read_slot = |slot: &str| -> Result<Vec<ndarray::ArrayD<f64>>, Error> {
            if !meta_has_tensor(&bytes, &state_tensor_name(slot, names[0])) {
                return Ok(Vec::new());
            }
            names
                .iter()
                .map(|n| read_tensor(&bytes, &state_tensor_name(slot, n)).map_err(fail))
                .collect()
        };
        optimizer.state.first = read_slot("first")?;
        optimizer.state.second = read_slot("second")?;
        Ok(Training {
            config: state.config,
            net,
            optimizer,
            history: state.history,
            next_iter: state.next_iter,
        })
    }
}

fn meta_has_tensor(bytes: &[u8], name: &str) -> bool {
    safetensors::SafeTensors::deserialize(bytes).is_ok_and(|t| t.tensor(name).is_ok())
}

/// The mini-batch loss above which a run is declared diverged: `3 · ln C ≈ 6.9`, three times the
/// loss of a network that guesses at random (`−ln(1/C) = ln C ≈ 2.30` for C = 10 classes).
///
/// The loss itself rarely becomes NaN: the 1e-7 inside the logarithm caps it at
/// `−ln(1e-7) ≈ 16.1` however wrong the network is. A loss far above chance means the network
/// is confidently wrong — the steps overshoot. (With the book's settings the loss starts at 2.30
/// and falls; a learning rate of 3 still learns, peaking at about 3.0; 10 does not, starting at
/// 8.8; 1000 starts at 13.)
pub fn divergence_threshold() -> f64 {
    3.0 * (CLASSES as f64).ln()
}

/// The accuracy of `net` on a whole split, in chunks of 5,000 images to bound memory.
pub fn accuracy(net: &TwoLayerNet, split: &Split) -> f64 {
    let right: usize = (0..split.len())
        .step_by(5000)
        .map(|start| {
            let (x, t) = split.slice(start..(start + 5000).min(split.len()));
            net.classify(x.view())
                .iter()
                .zip(&t)
                .filter(|(y, t)| y == t)
                .count()
        })
        .sum();
    right as f64 / split.len().max(1) as f64
}

/// MNIST ready for training: the images, and for the fast path the positions of their non-zero
/// pixels, found once: image by image (to draw mini-batches from) and, for the accuracy
/// measured every epoch, group of pixels by group in runs of [`EVALUATION_RUN`] images.
#[derive(Clone, Debug)]
pub struct TrainingData<'a> {
    /// The images and labels.
    pub mnist: &'a Mnist,
    /// The non-zero pixels of the training images.
    pub train: SparseImages,
    /// The training images group of pixels by group.
    pub train_runs: Vec<PixelGroups>,
    /// The test images group of pixels by group.
    pub test_runs: Vec<PixelGroups>,
}

/// Images per run of [`TrainingData::train_runs`]: 100, so that a run's hidden layer (100 × 64
/// numbers) stays in the processor's nearest cache.
pub const EVALUATION_RUN: usize = 100;

impl<'a> TrainingData<'a> {
    /// Finds the non-zero pixels of every image (about 0.1 s for MNIST's 70,000).
    pub fn new(mnist: &'a Mnist) -> Self {
        let train = SparseImages::new(mnist.train.images.view());
        let test = SparseImages::new(mnist.test.images.view());
        TrainingData {
            mnist,
            train_runs: PixelGroups::runs(&train, EVALUATION_RUN),
            test_runs: PixelGroups::runs(&test, EVALUATION_RUN),
            train,
        }
    }
}

/// The training images of iteration `iter`: `batch_size` indices drawn with replacement from
/// stream `iter + 1` of the seed.
fn batch_indices(config: &TrainConfig, iter: usize, train_size: usize) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    rng.set_stream(iter as u64 + 1);
    (0..config.batch_size)
        .map(|_| rng.random_range(0..train_size))
        .collect()
}

/// One way of taking steps: the reference path or the fast one.
trait Stepper {
    /// Whether the accuracies are reported late: just before the next measurement starts, or
    /// when the run ends. The fast path measures alongside the steps that follow.
    const DEFERRED: bool;

    /// One step on the training images `rows`: the gradient, the update, and the loss of the
    /// batch after it. `None` if a parameter became NaN or infinite.
    fn step(&mut self, data: &TrainingData, rows: &[usize], labels: &[usize]) -> Option<f64>;

    /// Starts measuring the accuracy of the weights as they are now on the whole training and
    /// test sets.
    fn evaluate(&mut self, data: &TrainingData);

    /// The accuracies measured by the last [`evaluate`](Stepper::evaluate), waiting for them
    /// if need be.
    fn accuracies(&mut self, data: &TrainingData) -> (f64, f64);
}

/// The book's way: dense layers in `f64`, with any gradient method.
struct Reference<'a> {
    net: &'a mut TwoLayerNet,
    optimizer: &'a mut Optimizer,
    grad: GradMethod,
    threads: usize,
    accuracies: (f64, f64),
}

impl Stepper for Reference<'_> {
    const DEFERRED: bool = false;

    fn step(&mut self, data: &TrainingData, rows: &[usize], labels: &[usize]) -> Option<f64> {
        let (x, _) = data.mnist.train.batch(rows);
        let grads = match self.grad {
            GradMethod::Backprop | GradMethod::BackpropReference => {
                self.net.gradient(x.view(), labels).1
            }
            GradMethod::Numerical => {
                self.net
                    .numerical_gradient_fast(x.view(), labels, self.threads)
            }
            GradMethod::NumericalReference => self.net.numerical_gradient(x.view(), labels),
        };
        self.optimizer
            .update(&mut self.net.params.views_mut(), &grads.views());
        let loss = self.net.loss(x.view(), labels);
        self.net.params.is_finite().then_some(loss)
    }

    fn evaluate(&mut self, data: &TrainingData) {
        self.accuracies = (
            accuracy(self.net, &data.mnist.train),
            accuracy(self.net, &data.mnist.test),
        );
    }

    fn accuracies(&mut self, _: &TrainingData) -> (f64, f64) {
        self.accuracies
    }
}

/// The fast path: backpropagation from the non-zero pixels, in `T`; with a [`Helper`] on a
/// second core when there is one.
struct Fast<T: Real> {
    net: SparseNet<T>,
    optimizer: Optimizer<T>,
    workspace: Workspace<T>,
    batch: Batch<T>,
    helper: Option<Helper<T>>,
    /// Images classified right in the training and test sets, when measured here.
    counts: [usize; 2],
}

impl<T: Real> Stepper for Fast<T> {
    const DEFERRED: bool = true;

    fn step(&mut self, data: &TrainingData, rows: &[usize], labels: &[usize]) -> Option<f64> {
        match &self.helper {
            Some(helper) => {
                helper.next_batch(&mut self.batch);
                assert_eq!(
                    self.batch.rows(),
                    rows,
                    "the helper gathered the wrong batch"
                );
            }
            None => self.batch.fill(&data.train, rows),
        }
        let ws = &mut self.workspace;
        self.net.gradient(&self.batch, labels, ws);
        self.optimizer
            .update(&mut self.net.params_mut().views_mut(), &ws.grads.views());
        let loss = self.net.loss(&self.batch, labels, ws);
        self.net.is_finite().then_some(loss)
    }

    fn evaluate(&mut self, data: &TrainingData) {
        match &self.helper {
            Some(helper) => helper.evaluate(&self.net),
            None => {
                let count = |runs: &[PixelGroups], split: &Split| {
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

    fn accuracies(&mut self, data: &TrainingData) -> (f64, f64) {
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
}

/// Runs the fast path in `T`, starting from and writing back to the `f64` network and optimiser
/// (exact both ways when `T` is `f64`, and for `f32` after the first rounding).
fn fast_path<T: Real>(
    progress: Progress,
    net: &mut TwoLayerNet,
    optimizer: &mut Optimizer,
    data: &TrainingData,
    on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
) -> Outcome {
    let sparse = SparseNet::<T>::from_net(net);
    let mut padded = optimizer.cast::<T>();
    for slot in [&mut padded.state.first, &mut padded.state.second] {
        *slot = SparseNet::<T>::pad(slot);
    }
    let (config, first_iter) = (progress.config, *progress.next_iter);
    let (outcome, fast) = std::thread::scope(|scope| {
        let mut fast = Fast {
            workspace: Workspace::new(&sparse),
            batch: Batch::new(PIXELS),
            net: sparse,
            optimizer: padded,
            helper: (config.threads > 1).then(|| Helper::spawn(scope, config, data, first_iter)),
            counts: [0; 2],
        };
        let outcome = progress.run(&mut fast, data, on_event);
        // dropping the helper's channels ends its thread, which the scope then waits for
        fast.helper = None;
        (outcome, fast)
    });
    *net = fast.net.to_net();
    *optimizer = fast.optimizer.cast();
    for slot in [&mut optimizer.state.first, &mut optimizer.state.second] {
        *slot = fast.net.unpad(slot);
    }
    outcome
}

/// The part of a [`Training`] that the loop advances, whatever computes the steps.
struct Progress<'a> {
    config: &'a TrainConfig,
    history: &'a mut History,
    next_iter: &'a mut usize,
}

impl Progress<'_> {
    fn run<S: Stepper>(
        mut self,
        stepper: &mut S,
        data: &TrainingData,
        mut on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        let split = &data.mnist.train;
        let train_size = split.len();
        let per_epoch = self.config.iters_per_epoch(train_size);
        // the epoch whose accuracies are being measured
        let mut measuring = None;
        while *self.next_iter < self.config.iters {
            let iter = *self.next_iter;
            if iter.is_multiple_of(per_epoch)
                && self
                    .report(stepper, data, &mut measuring, &mut on_event)
                    .is_break()
            {
                return Outcome::Stopped { next_iter: iter };
            }
            let rows = batch_indices(self.config, iter, train_size);
            let labels: Vec<usize> = rows.iter().map(|&i| usize::from(split.labels[i])).collect();
            let loss = match stepper.step(data, &rows, &labels) {
                Some(loss) if loss.is_finite() && loss <= divergence_threshold() => loss,
                other => {
                    let _ = self.report(stepper, data, &mut measuring, &mut on_event);
                    return Outcome::Diverged {
                        iter,
                        loss: other.unwrap_or(f64::NAN),
                    };
                }
            };
            self.history.loss.push(loss);
            *self.next_iter += 1;
            let mut flow = on_event(TrainEvent::Iteration { iter, loss });
            if iter.is_multiple_of(per_epoch) {
                if on_event(TrainEvent::Evaluating).is_break() {
                    flow = ControlFlow::Break(());
                }
                stepper.evaluate(data);
                measuring = Some(EpochRecord {
                    epoch: iter / per_epoch,
                    iter,
                    train_acc: f64::NAN,
                    test_acc: f64::NAN,
                    loss,
                });
                if !S::DEFERRED
                    && self
                        .report(stepper, data, &mut measuring, &mut on_event)
                        .is_break()
                {
                    flow = ControlFlow::Break(());
                }
            }
            if flow.is_break() && *self.next_iter < self.config.iters {
                let _ = self.report(stepper, data, &mut measuring, &mut on_event);
                return Outcome::Stopped {
                    next_iter: *self.next_iter,
                };
            }
        }
        let _ = self.report(stepper, data, &mut measuring, &mut on_event);
        Outcome::Finished
    }

    /// Records and reports the accuracies of the epoch being measured, if one is.
    fn report(
        &mut self,
        stepper: &mut impl Stepper,
        data: &TrainingData,
        measuring: &mut Option<EpochRecord>,
        on_event: &mut impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let Some(mut record) = measuring.take() else {
            return ControlFlow::Continue(());
        };
        (record.train_acc, record.test_acc) = stepper.accuracies(data);
        self.history.epochs.push(record);
        on_event(TrainEvent::Epoch(
            self.history.epochs.last().expect("just pushed"),
        ))
    }
}
