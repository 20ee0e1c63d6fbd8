//! The driver: the loop that every training runs, whatever computes its steps. It draws each
//! iteration's mini-batch, asks a [`Stepper`] for the step, records the loss, measures the
//! accuracies once per epoch, watches for divergence, reports events and stops when asked.

use std::ops::ControlFlow;

use super::{Divergence, EpochRecord, FinalAccuracy, History, Outcome, TrainConfig, TrainEvent};
use crate::data::mnist::{CLASSES, Mnist};
use crate::net::GradientProgress;
use crate::random::Random;
use crate::random::numpy::RandomState;

/// The rule that tells a run whose learning rate is too large, measured on MNIST (the table is
/// on the guide's Commands page): a network initialised with small weights starts at the loss
/// of guessing, `ln C ≈ 2.30` for C = 10 classes. A mini-batch loss above
/// `1.5 · ln C ≈ 3.45` (the right class given less than 3 % probability) is a *spike*: a step
/// overshot. Many runs recover from one (RMSprop with ReLU starts at 5 to 10 and is at 0.2 by
/// step 50), so the spike only starts a watch: if the next [`DIVERGENCE_WINDOW`] losses average
/// `ln C / 2 ≈ 1.15` or more (not half-way from guessing to a perfect fit), the run has
/// diverged there ([`Divergence`]).
///
/// A rule of thumb must not end a learner's run: a divergence is recorded in the history and
/// reported ([`TrainEvent::Divergence`](super::TrainEvent::Divergence)), and the run goes on,
/// unless [`TrainConfig::stop_on_divergence`] asks it to stop. Only a loss or a weight that is
/// NaN or infinite stops a run, as nothing can come of it.
///
/// Measured with the book's settings: no run of the six update rules × {sigmoid, ReLU} at
/// their default learning rates is reported (RMSprop with ReLU spikes to 7.85, then averages
/// 0.69); SGD with learning rate 10, 100 or 1000 spikes by iteration 2 and is reported by
/// iteration 102 (it averages 2.27 to 14.2 after the spike, guessing at best). A wide network
/// at the book's rate (784-1000-10, lr 0.1) spikes at its first steps and recovers slowly:
/// reported, and it goes on to about 0.9 test accuracy, as NumPy's run of the same loop does.
///
/// The rule reads the cross-entropy error. A run with weight decay records the book's loss,
/// which adds `½ λ ΣW²`: a sum that depends on the weights (8.5 at the start of a
/// 784-100-100-10 network with He's weights and λ = 0.01), not on how well the network
/// guesses. Such a run is not watched ([`TrainConfig::watches_divergence`]); NaN or infinity
/// stops it still.
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
            self.spike = None;
            if mean >= recovery_threshold() {
                return Some((spike, mean));
            }
        }
        if self.spike.is_none() && losses[iter] > spike_threshold() {
            self.spike = Some(iter);
        }
        None
    }
}

/// What computes a run's steps, for the driver ([`Progress::run`]): the book's layers
/// ([`BookSteps`](super::BookSteps)) or the engine's. A stepper holds the network, its update
/// rule and the data it trains on; the driver says which images each step takes.
pub trait Stepper {
    /// Whether the accuracies are reported late: just before the next measurement starts, or
    /// when the run ends. The engine measures alongside the steps that follow.
    const DEFERRED: bool;

    /// One step on the training images `rows` (indices into the training set, with `labels`
    /// their classes): the gradient, the update, and the loss of the batch after it. `None` if a
    /// parameter became NaN or infinite. What a training pass draws besides the batch
    /// (Dropout's masks) it draws from `random`: the iteration's own stream
    /// ([`TrainConfig::dropout_random`]), or NumPy's generator after the batch's draw.
    ///
    /// A gradient that takes long (a numerical one) reports how far it is through `progress`,
    /// and gives up when its callback answers [`ControlFlow::Break`]: the step then returns
    /// `Break` having changed nothing (the network and the update rule as they were). A step
    /// that reports nothing (backpropagation) never returns `Break`, and `progress` costs it
    /// nothing.
    fn step(
        &mut self,
        rows: &[usize],
        labels: &[usize],
        random: &mut dyn Random,
        progress: &mut GradientProgress,
    ) -> ControlFlow<(), Option<f64>>;

    /// Starts measuring the accuracy of the weights as they are now on the training and test
    /// sets: on the first `sample` images of each, or, for `None`, on the whole sets.
    fn evaluate(&mut self, sample: Option<usize>);

    /// The accuracies `(train, test)` measured by the last [`evaluate`](Stepper::evaluate),
    /// waiting for them if need be.
    fn accuracies(&mut self) -> (f64, f64);

    /// Keeps a copy of the weights as they are now (finite), for [`restore`](Stepper::restore).
    /// The driver keeps them at the start of each epoch.
    fn keep(&mut self);

    /// Brings back the weights [`keep`](Stepper::keep) kept, after a step made some NaN or
    /// infinite: what a diverged run still has to save.
    fn restore(&mut self);
}

/// The part of a [`Training`](super::Training) that the driver advances, whatever computes
/// the steps ([`Training::parts`](super::Training::parts)).
#[derive(Debug)]
pub struct Progress<'a> {
    /// The settings.
    pub config: &'a TrainConfig,
    /// Losses and accuracies so far.
    pub history: &'a mut History,
    /// The next iteration to run.
    pub next_iter: &'a mut usize,
    /// NumPy's generator, when the run draws from it ([`Training::stream`](super::Training::stream)).
    pub stream: &'a mut Option<RandomState>,
}

impl Progress<'_> {
    /// Runs the remaining iterations, each step taken by `stepper`, on `data` (the data the
    /// stepper trains on, for its labels and sizes), reporting through `on_event`.
    ///
    /// # Panics
    /// If the training set is empty.
    // About 110 lines: the book's loop with every way it stops or warns (a request, an epoch, a
    // divergence), read in one piece as the book's loop is.
    pub fn run<S: Stepper>(
        mut self,
        stepper: &mut S,
        data: &Mnist,
        mut on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        assert!(!data.train.is_empty(), "the training set is empty");
        let split = &data.train;
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
        // the iteration whose weights the stepper keeps
        let mut kept = None;
        while *self.next_iter < self.config.iters {
            let iter = *self.next_iter;
            if iter.is_multiple_of(per_epoch)
                && self
                    .report(stepper, &mut measuring, &mut on_event)
                    .is_break()
            {
                return Outcome::Stopped { next_iter: iter };
            }
            if kept.is_none() || iter.is_multiple_of(per_epoch) {
                stepper.keep();
                kept = Some(iter);
            }
            // the batch is a function of `(seed, iter)`, or the next draw of NumPy's generator,
            // which an abandoned iteration puts back: it draws the same one again when the run
            // resumes
            let before = self.stream.clone();
            let mut masks;
            let (rows, random): (Vec<usize>, &mut dyn Random) = match self.stream.as_mut() {
                Some(numpy) => (numpy.choice(train_size, self.config.batch_size), numpy),
                None => {
                    masks = self.config.dropout_random(iter);
                    (self.config.batch_indices(iter, train_size), &mut masks)
                }
            };
            let labels: Vec<usize> = rows.iter().map(|&i| usize::from(split.labels[i])).collect();
            let mut gradient = |done, total| on_event(TrainEvent::Gradient { iter, done, total });
            let step = stepper.step(
                &rows,
                &labels,
                random,
                &mut GradientProgress::new(&mut gradient),
            );
            let loss = match step {
                // asked to stop during the gradient: the iteration is abandoned, nothing of it
                // kept (the step changed nothing; the loss, the counter and the history are
                // changed only below)
                ControlFlow::Break(()) => {
                    *self.stream = before;
                    let _ = self.report(stepper, &mut measuring, &mut on_event);
                    return Outcome::Stopped { next_iter: iter };
                }
                ControlFlow::Continue(Some(loss)) if loss.is_finite() => loss,
                ControlFlow::Continue(other) => {
                    let _ = self.report(stepper, &mut measuring, &mut on_event);
                    stepper.restore();
                    return Outcome::Diverged {
                        iter,
                        loss: other.unwrap_or(f64::NAN),
                        mean_after: None,
                        weights_of: kept.unwrap_or(iter),
                    };
                }
            };
            self.history.loss.push(loss);
            *self.next_iter += 1;
            let mut flow = ControlFlow::Continue(());
            let diverged = if self.config.watches_divergence() {
                watch.after(&self.history.loss)
            } else {
                None
            };
            if let Some((spike, mean)) = diverged {
                if self.config.stop_on_divergence {
                    let _ = self.report(stepper, &mut measuring, &mut on_event);
                    return Outcome::Diverged {
                        iter: spike,
                        loss: self.history.loss[spike],
                        mean_after: Some(mean),
                        weights_of: *self.next_iter,
                    };
                }
                if let Some(new) = Divergence::record(self.history, spike, mean, iter) {
                    flow = on_event(TrainEvent::Divergence(new));
                }
            }
            if on_event(TrainEvent::Iteration { iter, loss }).is_break() {
                flow = ControlFlow::Break(());
            }
            if iter.is_multiple_of(per_epoch) {
                if on_event(TrainEvent::Evaluating).is_break() {
                    flow = ControlFlow::Break(());
                }
                stepper.evaluate(self.config.evaluate_sample_num_per_epoch);
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
                        .report(stepper, &mut measuring, &mut on_event)
                        .is_break()
                {
                    flow = ControlFlow::Break(());
                }
            }
            if flow.is_break() && *self.next_iter < self.config.iters {
                let _ = self.report(stepper, &mut measuring, &mut on_event);
                return Outcome::Stopped {
                    next_iter: *self.next_iter,
                };
            }
        }
        let _ = self.report(stepper, &mut measuring, &mut on_event);
        self.measure_final(stepper, &mut on_event);
        Outcome::Finished
    }

    /// Sets the history's [`FinalAccuracy`]: the last epoch's if it was measured on the final
    /// weights, else measured now.
    fn measure_final(
        &mut self,
        stepper: &mut impl Stepper,
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
        // the epochs measured on samples tell nothing of the whole sets
        let epochs = match self.config.evaluate_sample_num_per_epoch {
            None => &self.history.epochs[..],
            Some(_) => &[],
        };
        let last = FinalAccuracy::after(iters, epochs, || {
            let _ = on_event(TrainEvent::Evaluating);
            stepper.evaluate(None);
            stepper.accuracies()
        });
        self.history.final_accuracy = Some(last);
    }

    /// Records and reports the accuracies of the epoch being measured, if one is.
    fn report(
        &mut self,
        stepper: &mut impl Stepper,
        measuring: &mut Option<EpochRecord>,
        on_event: &mut impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let Some(mut record) = measuring.take() else {
            return ControlFlow::Continue(());
        };
        (record.train_acc, record.test_acc) = stepper.accuracies();
        self.history.epochs.push(record);
        on_event(TrainEvent::Epoch(
            self.history.epochs.last().expect("just pushed"),
        ))
    }
}
