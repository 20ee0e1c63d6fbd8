//! Training chapter 7's `SimpleConvNet` on the engine ([`conv`](crate::conv)): the steps the
//! book's layers take ([`BookSteps`](scratchnet_book::train::BookSteps)), in `f32` or `f64`,
//! the batch split into fixed chunks over the cores; the book's driver runs the loop.

use std::ops::ControlFlow;

use ndarray::{Array2, ArrayViewD};
use scratchnet_book::data::mnist::{Mnist, PIXELS, Split};
use scratchnet_book::net::GradientProgress;
use scratchnet_book::net::simple_conv::SimpleConvNet;
use scratchnet_book::optim::Optimizer;
use scratchnet_book::random::{Generator, Random};
use scratchnet_book::real::Dtype;
use scratchnet_book::train::{GradMethod, Outcome, Stepper, TrainEvent, Training};

use crate::Real;
use crate::conv::{ConvNet, ConvWorkspace};

/// Images converted to `T` at a time when the accuracy is measured.
const MEASURED_AT_ONCE: usize = 1_000;

/// Runs the remaining iterations of a `SimpleConvNet`'s `training` on `mnist`, reporting through
/// `on_event`: with `--grad backprop` and scratchnet's generator on the engine in the run's
/// `dtype`, every other way (NumPy's generator, the reference and numerical gradients) through
/// the book's layers ([`Training::run`]).
///
/// # Panics
/// If the training set is empty.
pub fn run_conv(
    training: &mut Training<SimpleConvNet>,
    mnist: &Mnist,
    on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
) -> Outcome {
    let config = &training.config;
    if config.grad != GradMethod::Backprop || config.rng != Generator::Scratchnet {
        return training.run(mnist, on_event);
    }
    match config.dtype {
        Dtype::F32 => fast_conv::<f32>(training, mnist, on_event),
        Dtype::F64 => fast_conv::<f64>(training, mnist, on_event),
    }
}

/// The engine's steps for the convolutional network, in `T`.
struct FastConv<'d, T: Real> {
    mnist: &'d Mnist,
    net: ConvNet<T>,
    optimizer: Optimizer<T>,
    workspace: ConvWorkspace<T>,
    threads: usize,
    /// The mini-batch's pixels, `(N, 784)`.
    batch: Array2<T>,
    accuracies: (f64, f64),
    kept: Option<ConvNet<T>>,
}

impl<T: Real> FastConv<'_, T> {
    /// The fraction of the first `n` images of `split` (all for `None`) classified right.
    fn accuracy(&self, split: &Split, n: Option<usize>) -> f64 {
        let n = n.map_or(split.len(), |n| n.min(split.len()));
        let labels: Vec<usize> = split.labels.iter().map(|&l| usize::from(l)).collect();
        let mut right = 0;
        let mut x = Array2::zeros((0, PIXELS));
        for start in (0..n).step_by(MEASURED_AT_ONCE) {
            let end = (start + MEASURED_AT_ONCE).min(n);
            let rows: Vec<usize> = (start..end).collect();
            fill(&mut x, split, &rows);
            right += self
                .net
                .count_correct(x.view(), &labels[start..end], self.threads);
        }
        right as f64 / n.max(1) as f64
    }
}

/// `x` made the pixels of images `rows` of `split`, each `p / 255` (computed in `f64`, as the
/// book's layers read them, then rounded to `T`).
fn fill<T: Real>(x: &mut Array2<T>, split: &Split, rows: &[usize]) {
    if x.nrows() != rows.len() {
        *x = Array2::zeros((rows.len(), PIXELS));
    }
    for (mut row, &i) in x.rows_mut().into_iter().zip(rows) {
        row.zip_mut_with(&split.images.row(i), |v, &p| {
            *v = T::cast(f64::from(p) / 255.0);
        });
    }
}

impl<T: Real> Stepper for FastConv<'_, T> {
    const DEFERRED: bool = false;

    fn step(
        &mut self,
        rows: &[usize],
        labels: &[usize],
        _random: &mut dyn Random,
        _progress: &mut GradientProgress,
    ) -> ControlFlow<(), Option<f64>> {
        fill(&mut self.batch, &self.mnist.train, rows);
        let (net, ws) = (&mut self.net, &mut self.workspace);
        net.gradient(self.batch.view(), labels, ws);
        let grads: Vec<ArrayViewD<T>> = ws.gradient_views();
        self.optimizer.update(&mut net.params_mut(), &grads);
        let loss = net.loss(self.batch.view(), labels, ws);
        ControlFlow::Continue(net.is_finite().then_some(loss))
    }

    fn evaluate(&mut self, sample: Option<usize>) {
        self.accuracies = (
            self.accuracy(&self.mnist.train, sample),
            self.accuracy(&self.mnist.test, sample),
        );
    }

    fn accuracies(&mut self) -> (f64, f64) {
        self.accuracies
    }

    fn keep(&mut self) {
        match &mut self.kept {
            Some(kept) => kept.clone_from(&self.net),
            None => self.kept = Some(self.net.clone()),
        }
    }

    fn restore(&mut self) {
        if let Some(kept) = &self.kept {
            self.net.clone_from(kept);
        }
    }
}

/// Runs the engine's steps in `T`, starting from and writing back to the `f64` network and
/// update rule (exact both ways in `f64`; in `f32` after the first rounding).
fn fast_conv<T: Real>(
    training: &mut Training<SimpleConvNet>,
    mnist: &Mnist,
    on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
) -> Outcome {
    let (threads, batch) = (training.config.threads, training.config.batch_size);
    let (progress, net, optimizer) = training.parts();
    let fast_net = ConvNet::<T>::from_net(net);
    let mut fast = FastConv {
        mnist,
        workspace: ConvWorkspace::new(&fast_net, batch, threads),
        net: fast_net,
        optimizer: optimizer.cast::<T>(),
        threads,
        batch: Array2::zeros((batch, PIXELS)),
        accuracies: (f64::NAN, f64::NAN),
        kept: None,
    };
    let outcome = progress.run(&mut fast, mnist, on_event);
    *net = fast.net.to_net();
    *optimizer = fast.optimizer.cast();
    outcome
}
