//! The book's way of taking a step: its layers, dense arrays in `f64`.

use std::ops::ControlFlow;

use ndarray::{ArrayD, ArrayView2, ArrayViewD};

use super::trainer::accuracy_scaled;
use super::{Stepper, accuracy};
use crate::data::mnist::{Mnist, PixelScale};
use crate::functions::Targets;
use crate::net::{GradientProgress, Network};
use crate::optim::Optimizer;
use crate::random::Random;

/// Steps through the book's layers, for any [`Network`]: the gradient from `gradient`
/// (backpropagation, [`Network::gradient`], or the numerical gradient), the update by the
/// optimiser, the loss of the batch after it; the accuracies measured at once on the whole sets.
///
/// `gradient(net, random, x, t, progress)` takes the network, what a training pass draws from
/// (Dropout's masks), a batch `x` of shape `(N, 784)`, its `N` classes and where to report how
/// far it is (a numerical gradient does, through [`GradientProgress`]; backpropagation need
/// not), and returns the gradient of the loss for
/// each parameter, in the order of [`Network::params`]; or `None` if `progress` asked it to
/// stop, the network then as it found it.
#[derive(Debug)]
pub struct BookSteps<'a, N, G> {
    net: &'a mut N,
    optimizer: &'a mut Optimizer,
    data: &'a Mnist,
    gradient: G,
    /// How the images' pixels are read (the book's `float32` with NumPy's generator).
    pub pixels: PixelScale,
    accuracies: (f64, f64),
    /// The network [`Stepper::keep`] kept: its weights and what it keeps besides (Batch
    /// Normalization's running statistics).
    kept: Option<N>,
}

impl<'a, N, G> BookSteps<'a, N, G>
where
    N: Network + Clone,
    G: FnMut(
        &mut N,
        &mut dyn Random,
        ArrayView2<f64>,
        &[usize],
        &mut GradientProgress,
    ) -> Option<Vec<ArrayD<f64>>>,
{
    /// Steps that train `net` with `optimizer` on `data`, the gradient taken by `gradient`.
    pub fn new(net: &'a mut N, optimizer: &'a mut Optimizer, data: &'a Mnist, gradient: G) -> Self {
        BookSteps {
            net,
            optimizer,
            data,
            gradient,
            pixels: PixelScale::F64,
            accuracies: (f64::NAN, f64::NAN),
            kept: None,
        }
    }
}

impl<N, G> Stepper for BookSteps<'_, N, G>
where
    N: Network + Clone,
    G: FnMut(
        &mut N,
        &mut dyn Random,
        ArrayView2<f64>,
        &[usize],
        &mut GradientProgress,
    ) -> Option<Vec<ArrayD<f64>>>,
{
    const DEFERRED: bool = false;

    fn step(
        &mut self,
        rows: &[usize],
        labels: &[usize],
        random: &mut dyn Random,
        progress: &mut GradientProgress,
    ) -> ControlFlow<(), Option<f64>> {
        let (x, _) = self.data.train.batch_scaled(rows, self.pixels);
        // abandoned: nothing was changed yet
        let Some(grads) = (self.gradient)(&mut *self.net, random, x.view(), labels, progress)
        else {
            return ControlFlow::Break(());
        };
        let grads: Vec<ArrayViewD<f64>> = grads.iter().map(|g| g.view()).collect();
        self.optimizer.update(&mut self.net.params_mut(), &grads);
        let loss = self.net.loss(x.view(), Targets::from(labels));
        ControlFlow::Continue(self.net.is_finite().then_some(loss))
    }

    fn evaluate(&mut self, sample: Option<usize>) {
        self.accuracies = match (self.pixels, sample) {
            (PixelScale::F64, None) => (
                accuracy(&*self.net, &self.data.train),
                accuracy(&*self.net, &self.data.test),
            ),
            (pixels, sample) => (
                accuracy_scaled(&*self.net, &self.data.train, sample, pixels),
                accuracy_scaled(&*self.net, &self.data.test, sample, pixels),
            ),
        };
    }

    fn accuracies(&mut self) -> (f64, f64) {
        self.accuracies
    }

    fn keep(&mut self) {
        match &mut self.kept {
            Some(kept) => kept.clone_from(self.net),
            None => self.kept = Some(self.net.clone()),
        }
    }

    fn restore(&mut self) {
        if let Some(kept) = &self.kept {
            self.net.clone_from(kept);
        }
    }
}
