//! The book's way of taking a step: its layers, dense arrays in `f64`.

use ndarray::ArrayView2;

use super::{Stepper, accuracy};
use crate::data::mnist::Mnist;
use crate::net::two_layer::{Params, TwoLayerNet};
use crate::optim::Optimizer;

/// Steps through the book's layers: the gradient from `gradient` (backpropagation,
/// [`TwoLayerNet::gradient`], or the numerical gradient), the update by the optimiser, the loss
/// of the batch after it; the accuracies measured at once on the whole sets.
///
/// `gradient(net, x, t)` takes the network, a batch `x` of shape `(N, 784)` and its `N`
/// classes, and returns the gradient of the loss in the parameters' shapes.
#[derive(Debug)]
pub struct BookSteps<'a, G> {
    net: &'a mut TwoLayerNet,
    optimizer: &'a mut Optimizer,
    data: &'a Mnist,
    gradient: G,
    accuracies: (f64, f64),
}

impl<'a, G> BookSteps<'a, G>
where
    G: FnMut(&mut TwoLayerNet, ArrayView2<f64>, &[usize]) -> Params,
{
    /// Steps that train `net` with `optimizer` on `data`, the gradient taken by `gradient`.
    pub fn new(
        net: &'a mut TwoLayerNet,
        optimizer: &'a mut Optimizer,
        data: &'a Mnist,
        gradient: G,
    ) -> Self {
        BookSteps {
            net,
            optimizer,
            data,
            gradient,
            accuracies: (f64::NAN, f64::NAN),
        }
    }
}

impl<G> Stepper for BookSteps<'_, G>
where
    G: FnMut(&mut TwoLayerNet, ArrayView2<f64>, &[usize]) -> Params,
{
    const DEFERRED: bool = false;

    fn step(&mut self, rows: &[usize], labels: &[usize]) -> Option<f64> {
        let (x, _) = self.data.train.batch(rows);
        let grads = (self.gradient)(&mut *self.net, x.view(), labels);
        self.optimizer
            .update(&mut self.net.params.views_mut(), &grads.views());
        let loss = self.net.loss(x.view(), labels);
        self.net.params.is_finite().then_some(loss)
    }

    fn evaluate(&mut self) {
        self.accuracies = (
            accuracy(self.net, &self.data.train),
            accuracy(self.net, &self.data.test),
        );
    }

    fn accuracies(&mut self) -> (f64, f64) {
        self.accuracies
    }
}
