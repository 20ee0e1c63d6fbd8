//! Mini-batch training of a [`TwoLayerNet`] on MNIST (the book's `ch04/train_neuralnet.py`),
//! with checkpoints that make an interrupted run end exactly where an uninterrupted one would.
//!
//! Read [`train_neuralnet`] first: the book's loop, written out (`book.rs`). [`Training`] runs
//! the same loop for the command line: it can stop and resume ([`Training::save_checkpoint`],
//! [`Training::resume`], `checkpoint.rs`), stops a run whose loss blows up, reports progress,
//! and takes its steps on the fast path (`crate::fast`) unless [`TrainConfig::grad`] asks for
//! the book's layers or a numerical gradient. The settings are [`TrainConfig`] (`config.rs`).
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

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use crate::data::mnist::{CLASSES, Mnist, PIXELS, Split};
use crate::optim::Optimizer;
use crate::real::Dtype;
use crate::{Error, TwoLayerNet};

mod book;
mod checkpoint;
mod config;

pub use crate::fast::TrainingData;
pub use book::train_neuralnet;
pub use checkpoint::CHECKPOINT_FILE;
pub use config::{GradMethod, MAX_BATCH_SIZE, MAX_BATCH_UNITS, MAX_HIDDEN, MAX_ITERS, TrainConfig};

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
    /// The loss of that iteration's mini-batch (what the book's loop holds at that point).
    pub loss: f64,
    /// The mean mini-batch loss over the iterations since the previous record (over iteration 0
    /// alone for epoch 0): a steadier figure than one batch's loss.
    #[serde(default)]
    pub mean_loss: f64,
}

impl EpochRecord {
    /// The mean of the losses of the iterations that a record at `iter` covers: the
    /// `per_epoch` iterations up to and including `iter` (just iteration 0 for the first).
    /// `losses` holds the loss of every iteration up to `iter` at least.
    #[must_use]
    pub(crate) fn mean_loss_of(losses: &[f64], iter: usize, per_epoch: usize) -> f64 {
        let covered = &losses[iter.saturating_sub(per_epoch.max(1) - 1)..=iter];
        covered.iter().sum::<f64>() / covered.len() as f64
    }
}

/// The accuracies of the weights a run ended with, measured after its last iteration. The
/// book measures once per epoch, right after the first iteration of each; unless the last
/// iteration is such an iteration, the last epoch's accuracies belong to older weights.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinalAccuracy {
    /// Iterations the weights have taken.
    pub iters: usize,
    /// Accuracy on the whole training set.
    pub train_acc: f64,
    /// Accuracy on the whole test set.
    pub test_acc: f64,
}

impl FinalAccuracy {
    /// The accuracies of the weights after `iters` iterations: the last epoch's if it was
    /// measured on them (after iteration `iters − 1`), else `(train, test)` from `measure`.
    pub(crate) fn after(
        iters: usize,
        epochs: &[EpochRecord],
        measure: impl FnOnce() -> (f64, f64),
    ) -> Self {
        let (train_acc, test_acc) = match epochs.last() {
            Some(e) if e.iter + 1 == iters => (e.train_acc, e.test_acc),
            _ => measure(),
        };
        FinalAccuracy {
            iters,
            train_acc,
            test_acc,
        }
    }
}

/// Everything measured during a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The mini-batch loss after each iteration.
    pub loss: Vec<f64>,
    /// One record per epoch.
    pub epochs: Vec<EpochRecord>,
    /// Iterations per epoch (`train size / batch size`); 0 if not known.
    #[serde(default)]
    pub iters_per_epoch: usize,
    /// The final weights' accuracies, once the run has finished all its iterations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_accuracy: Option<FinalAccuracy>,
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
    /// An epoch's accuracies, or the final weights', are about to be measured: a pause of a
    /// second or so on the reference paths; the fast path measures an epoch's while the next
    /// iterations run.
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
    /// The loss blew up (see [`spike_threshold`] for the rule): it became NaN or infinite, or
    /// it spiked far above the loss of guessing and did not come back down. The learning rate
    /// is too large. The network holds the weights that blew up: nothing should be saved from it.
    Diverged {
        /// The iteration of the spike, or of the loss that was not finite.
        iter: usize,
        /// That iteration's loss.
        loss: f64,
        /// The mean loss of the [`DIVERGENCE_WINDOW`] iterations after the spike, after which
        /// the run stopped; `None` if it stopped at a loss or weight that was not finite.
        mean_after: Option<f64>,
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

    /// Runs the remaining iterations on `data`, reporting through `on_event`: the book's loop
    /// ([`train_neuralnet`]) with a guard against divergence, a way to stop and resume, and
    /// the fast path when [`TrainConfig::grad`] is [`GradMethod::Backprop`].
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use scratchnet::train::{Outcome, TrainConfig, TrainEvent, Training};
    /// let mnist = scratchnet::Mnist::builtin();
    /// let mut training = Training::new(TrainConfig { iters: 120, ..TrainConfig::default() })?;
    /// let mut epochs = 0;
    /// let outcome = training.run(&mnist, |event| {
    ///     if let TrainEvent::Epoch(_) = event {
    ///         epochs += 1;
    ///     }
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(outcome, Outcome::Finished);
    /// assert_eq!((epochs, training.next_iter), (3, 120)); // after iterations 0, 50 and 100
    /// // the same history as the book's loop, within rounding (the fast path sums in another order)
    /// let (_, book) = scratchnet::train::train_neuralnet(&mnist, &training.config)?;
    /// assert!((training.history.loss[119] - book.loss[119]).abs() < 1e-12);
    /// # Ok::<(), scratchnet::Error>(())
    /// ```
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

    /// Whether this run can train on `data`: the training set is not empty, and a resumed run
    /// sees the training set it started on (as many iterations per epoch: otherwise its
    /// mini-batches and its history would silently belong to two different data sets).
    ///
    /// # Errors
    /// [`Error::Config`] saying which, and what to do.
    pub fn check_data(&self, data: &Mnist) -> Result<(), Error> {
        let bad = |problem: String| {
            Err(Error::Config {
                what: "training data",
                problem,
            })
        };
        let n = data.train.len();
        if n == 0 || data.test.is_empty() {
            return bad(format!(
                "has {n} training and {} test images: there is nothing to train on or to \
                 measure with (use the full MNIST or the built-in slice)",
                data.test.len()
            ));
        }
        let (had, has) = (self.history.iters_per_epoch, self.config.iters_per_epoch(n));
        if self.next_iter > 0 && had != has {
            return bad(format!(
                "has {n} training images, {has} iterations per epoch of batch {}, but this run \
                 started on a set with {had} iterations per epoch: resume it with the data it \
                 was trained on (--data)",
                self.config.batch_size
            ));
        }
        Ok(())
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
                crate::fast::train::fast_path::<f32>(progress, net, optimizer, data, on_event)
            }
            (GradMethod::Backprop, Dtype::F64) => {
                crate::fast::train::fast_path::<f64>(progress, net, optimizer, data, on_event)
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
}

/// The rule that stops a run whose learning rate is too large, measured on MNIST (see the
/// README's table): a network initialised with small weights starts at the loss of guessing,
/// `ln C ≈ 2.30` for C = 10 classes. A mini-batch loss above `1.5 · ln C ≈ 3.45` (the right
/// class given less than 3 % probability) is a *spike*: a step overshot. A run may recover from
/// one (RMSprop with ReLU starts at 5 to 10 and is at 0.2 by step 50), so the spike only starts
/// a watch: if the next [`DIVERGENCE_WINDOW`] losses average `ln C / 2 ≈ 1.15` or more (not
/// half-way from guessing to a perfect fit), the run has diverged and stops. A loss or weight
/// that is NaN or infinite stops it at once. A run that ends less than a window after a spike
/// ends without a verdict.
///
/// Measured with the book's settings: no run of the six update rules × {sigmoid, ReLU} at
/// their default learning rates is stopped (RMSprop with ReLU spikes to 7.85, then averages
/// 0.69); SGD with learning rate 10, 100 or 1000 spikes by iteration 2 and is stopped by
/// iteration 102 (it averages 2.27 to 14.2 after the spike, guessing at best).
#[must_use]
pub fn spike_threshold() -> f64 {
    1.5 * (CLASSES as f64).ln()
}

/// The mean loss over the [`DIVERGENCE_WINDOW`] iterations after a spike at or above which a
/// run has diverged: `ln C / 2 ≈ 1.15`. See [`spike_threshold`].
#[must_use]
pub fn recovery_threshold() -> f64 {
    (CLASSES as f64).ln() / 2.0
}

/// Iterations after a spike over which a run must recover: 100. See [`spike_threshold`].
pub const DIVERGENCE_WINDOW: usize = 100;

/// The divergence rule's memory: the spike being watched, if any.
#[derive(Clone, Copy, Debug, Default)]
struct Watch {
    spike: Option<usize>,
}

impl Watch {
    /// The watch after the losses of a run so far (for a resumed run).
    fn replay(losses: &[f64]) -> Self {
        let mut watch = Watch::default();
        for i in 0..losses.len() {
            let _ = watch.after(&losses[..=i]);
        }
        watch
    }

    /// Judges the run after its latest loss, the last of `losses`: `Some((spike iteration,
    /// mean after it))` if it has diverged.
    fn after(&mut self, losses: &[f64]) -> Option<(usize, f64)> {
        let iter = losses.len() - 1;
        if let Some(spike) = self.spike
            && iter == spike + DIVERGENCE_WINDOW
        {
            let after = &losses[spike + 1..];
            let mean = after.iter().sum::<f64>() / after.len() as f64;
            if mean >= recovery_threshold() {
                return Some((spike, mean));
            }
            self.spike = None;
        }
        if self.spike.is_none() && losses[iter] > spike_threshold() {
            self.spike = Some(iter);
        }
        None
    }
}

/// The accuracy of `net` on a whole split, in chunks of 5,000 images to bound memory.
#[must_use]
pub fn accuracy(net: &TwoLayerNet, split: &Split) -> f64 {
    let right = classified(net, split, 5000)
        .iter()
        .zip(&split.labels)
        .filter(|&(&y, &t)| y == usize::from(t))
        .count();
    right as f64 / split.len().max(1) as f64
}

/// The class `net` gives each image of `split`, shape `(N,)`. Computed 500 images at a time, so
/// that even a wide network's hidden layer stays small (500 images × 20,000 units is 80 MB).
///
/// ```
/// use scratchnet::train::{accuracy, predictions, TrainConfig, Training};
/// let mnist = scratchnet::Mnist::builtin();
/// let net = Training::new(TrainConfig::default())?.net;
/// let predicted = predictions(&net, &mnist.test);
/// let right = predicted.iter().zip(&mnist.test.labels).filter(|&(&p, &t)| p == usize::from(t)).count();
/// assert_eq!(right as f64 / 1000.0, accuracy(&net, &mnist.test));
/// # Ok::<(), scratchnet::Error>(())
/// ```
#[must_use]
pub fn predictions(net: &TwoLayerNet, split: &Split) -> Vec<usize> {
    classified(net, split, 500)
}

/// The confusion matrix of `predicted` (one class per image of `split`): `[label][predicted]`,
/// the number of images of each digit given each class.
///
/// # Panics
/// If `predicted` has not one class, below 10, per image.
#[must_use]
pub fn confusion_matrix(predicted: &[usize], split: &Split) -> [[usize; CLASSES]; CLASSES] {
    assert_eq!(predicted.len(), split.len(), "one prediction per image");
    let mut matrix = [[0; CLASSES]; CLASSES];
    for (&p, &label) in predicted.iter().zip(&split.labels) {
        matrix[usize::from(label)][p] += 1;
    }
    matrix
}

/// `net.classify` over `split`, `chunk` images at a time.
fn classified(net: &TwoLayerNet, split: &Split, chunk: usize) -> Vec<usize> {
    (0..split.len())
        .step_by(chunk)
        .flat_map(|start| {
            let (x, _) = split.slice(start..(start + chunk).min(split.len()));
            net.classify(x.view())
        })
        .collect()
}

/// One way of taking steps: the reference path or the fast one.
pub(crate) trait Stepper {
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
                crate::fast::numerical::numerical_gradient(self.net, x.view(), labels, self.threads)
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

/// The part of a [`Training`] that the loop advances, whatever computes the steps.
pub(crate) struct Progress<'a> {
    pub(crate) config: &'a TrainConfig,
    pub(crate) history: &'a mut History,
    pub(crate) next_iter: &'a mut usize,
}

impl Progress<'_> {
    pub(crate) fn run<S: Stepper>(
        mut self,
        stepper: &mut S,
        data: &TrainingData,
        mut on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        let split = &data.mnist.train;
        let train_size = split.len();
        let per_epoch = self.config.iters_per_epoch(train_size);
        self.history.iters_per_epoch = per_epoch;
        if *self.next_iter < self.config.iters {
            // a finished run given more iterations: its weights are no longer the final ones
            self.history.final_accuracy = None;
        }
        // the epoch whose accuracies are being measured
        let mut measuring = None;
        let mut watch = Watch::replay(&self.history.loss);
        while *self.next_iter < self.config.iters {
            let iter = *self.next_iter;
            if iter.is_multiple_of(per_epoch)
                && self
                    .report(stepper, data, &mut measuring, &mut on_event)
                    .is_break()
            {
                return Outcome::Stopped { next_iter: iter };
            }
            let rows = self.config.batch_indices(iter, train_size);
            let labels: Vec<usize> = rows.iter().map(|&i| usize::from(split.labels[i])).collect();
            let loss = match stepper.step(data, &rows, &labels) {
                Some(loss) if loss.is_finite() => loss,
                other => {
                    let _ = self.report(stepper, data, &mut measuring, &mut on_event);
                    return Outcome::Diverged {
                        iter,
                        loss: other.unwrap_or(f64::NAN),
                        mean_after: None,
                    };
                }
            };
            self.history.loss.push(loss);
            *self.next_iter += 1;
            if let Some((spike, mean)) = watch.after(&self.history.loss) {
                let _ = self.report(stepper, data, &mut measuring, &mut on_event);
                return Outcome::Diverged {
                    iter: spike,
                    loss: self.history.loss[spike],
                    mean_after: Some(mean),
                };
            }
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
                    mean_loss: EpochRecord::mean_loss_of(&self.history.loss, iter, per_epoch),
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
        self.measure_final(stepper, data, &mut on_event);
        Outcome::Finished
    }

    /// Sets the history's [`FinalAccuracy`]: the last epoch's if it was measured on the final
    /// weights, else measured now.
    fn measure_final(
        &mut self,
        stepper: &mut impl Stepper,
        data: &TrainingData,
        on_event: &mut impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) {
        let iters = *self.next_iter;
        if self
            .history
            .final_accuracy
            .is_some_and(|f| f.iters == iters)
        {
            return;
        }
        let last = FinalAccuracy::after(iters, &self.history.epochs, || {
            let _ = on_event(TrainEvent::Evaluating);
            stepper.evaluate(data);
            stepper.accuracies(data)
        });
        self.history.final_accuracy = Some(last);
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
