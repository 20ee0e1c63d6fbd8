//! Training on the fast path: the same steps as [`train`](crate::train)'s reference path, in
//! `f32` or `f64`, from the non-zero pixels, with a helper thread on a second core.

use std::ops::ControlFlow;

use super::helper::Helper;
use super::images::{PixelGroups, SparseImages};
use super::net::{SparseNet, Workspace};
use crate::TwoLayerNet;
use crate::data::mnist::{Mnist, PIXELS, Split};
use crate::optim::Optimizer;
use crate::real::Real;
use crate::train::{Outcome, Progress, Stepper, TrainEvent};

/// MNIST ready for training, indexed once: for [`Training::run_on`](crate::train::Training::run_on),
/// which a caller that trains in pieces (to write checkpoints between them) uses instead of
/// [`Training::run`](crate::train::Training::run). The fast path finds the non-zero pixels of
/// every image here, image by image (to draw mini-batches from) and, for the accuracy measured
/// every epoch, group of pixels by group in runs of 100 images.
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
    /// Indexes `mnist`: finds the non-zero pixels of every image (about 0.1 s for MNIST's
    /// 70,000).
    #[must_use]
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

/// The fast path: backpropagation from the non-zero pixels, in `T`; with a [`Helper`] on a
/// second core when there is one.
struct Fast<T: Real> {
    net: SparseNet<T>,
    optimizer: Optimizer<T>,
    workspace: Workspace<T>,
    batch: PixelGroups<T>,
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
pub(crate) fn fast_path<T: Real>(
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
            batch: PixelGroups::empty(PIXELS),
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
