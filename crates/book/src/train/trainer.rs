//! The book's `Trainer` (`common/trainer.py`): epochs of mini-batches drawn with replacement,
//! an update rule, and the accuracy on the training and test sets (or a sample of each) at the
//! start of every epoch — the loop of chapter 6's experiments.

use ndarray::Array2;

use crate::Error;
use crate::data::mnist::{PixelScale, Split};
use crate::functions::{Targets, argmax};
use crate::net::Network;
use crate::optim::{Optimizer, OptimizerConfig};
use crate::random::Random;

/// The book's `Trainer` settings, under its names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainerConfig {
    /// Passes over the training set (`epochs`, the book's default 20).
    pub epochs: usize,
    /// Images per mini-batch (`mini_batch_size`, 100).
    pub mini_batch_size: usize,
    /// The update rule and its learning rate (`optimizer`, `optimizer_param`; the book's SGD
    /// with lr 0.01).
    pub optimizer: OptimizerConfig,
    /// Measure each epoch's accuracies on the first this many images of each set, not all
    /// (`evaluate_sample_num_per_epoch`, none).
    pub evaluate_sample_num_per_epoch: Option<usize>,
    /// How pixels become numbers: [`PixelScale::F32`] as the book's `load_mnist` makes them.
    pub pixels: PixelScale,
}

impl Default for TrainerConfig {
    fn default() -> Self {
        TrainerConfig {
            epochs: 20,
            mini_batch_size: 100,
            optimizer: OptimizerConfig::sgd(0.01),
            evaluate_sample_num_per_epoch: None,
            pixels: PixelScale::F64,
        }
    }
}

impl TrainerConfig {
    /// The book's `iter_per_epoch = max(train_size / mini_batch_size, 1)`: a float, so that
    /// with 5,000 images of 128 an epoch is 39.0625 iterations and the accuracies are measured
    /// only where `iter % 39.0625 == 0`, as the book's loop measures them.
    #[must_use]
    pub fn iter_per_epoch(&self, train_size: usize) -> f64 {
        (train_size as f64 / self.mini_batch_size as f64).max(1.0)
    }

    /// The book's `max_iter = int(epochs * iter_per_epoch)`.
    #[must_use]
    pub fn max_iter(&self, train_size: usize) -> usize {
        (self.epochs as f64 * self.iter_per_epoch(train_size)) as usize
    }
}

/// What a [`Trainer`] recorded, under the book's names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainerHistory {
    /// The loss of each mini-batch after its update (`train_loss_list`).
    pub train_loss_list: Vec<f64>,
    /// The training accuracy at the start of each epoch (`train_acc_list`).
    pub train_acc_list: Vec<f64>,
    /// The test accuracy at the start of each epoch (`test_acc_list`).
    pub test_acc_list: Vec<f64>,
    /// The accuracy on the whole test set at the end (what the book's `train()` prints last).
    pub final_test_acc: f64,
}

/// The book's `Trainer`: trains `network` on `train`, measuring on `test`, drawing every
/// mini-batch from `random` (`np.random.choice(train_size, mini_batch_size)`) and passing it to
/// the network's training pass, which may draw too (Dropout's masks), in the book's order.
///
/// Each iteration: draw a mini-batch, take the gradient of a training pass
/// ([`Network::training_gradient`]), update, record the loss (a test pass, as the book's
/// `network.loss(x, t)`); when `iter % iter_per_epoch == 0`, measure both accuracies.
///
/// ```
/// use scratchnet_book::net::multi_layer::{MultiLayerNet, WeightInit};
/// use scratchnet_book::random::numpy::RandomState;
/// use scratchnet_book::train::trainer::{Trainer, TrainerConfig};
/// use scratchnet_book::Activation;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let (train, test) = (mnist.train.first(300), mnist.test.first(300));
/// let mut random = RandomState::new(0); // np.random.seed(0)
/// let mut net = MultiLayerNet::with_random(784, &[50], 10, Activation::Relu, WeightInit::He, &mut random);
/// let config = TrainerConfig { epochs: 5, ..TrainerConfig::default() };
/// let history = Trainer::new(&mut net, &train, &test, config).train(&mut random, |_| {})?;
/// // 300 images of 100: 3 iterations an epoch, 15 in all, measured at 0, 3, ..., 12
/// assert_eq!(history.train_loss_list.len(), 15);
/// assert_eq!(history.train_acc_list.len(), 5);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Debug)]
pub struct Trainer<'a, N: Network> {
    network: &'a mut N,
    train: &'a Split,
    test: &'a Split,
    config: TrainerConfig,
}

/// What a [`Trainer`] reports at each measured epoch, for a command to print.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EpochLine {
    /// The book's `current_epoch`: 1 at the first measurement.
    pub epoch: usize,
    /// The iteration it was measured at.
    pub iter: usize,
    /// The training accuracy.
    pub train_acc: f64,
    /// The test accuracy.
    pub test_acc: f64,
}

impl<'a, N: Network> Trainer<'a, N> {
    /// A trainer of `network` (the book's constructor).
    pub fn new(
        network: &'a mut N,
        train: &'a Split,
        test: &'a Split,
        config: TrainerConfig,
    ) -> Self {
        Trainer {
            network,
            train,
            test,
            config,
        }
    }

    /// Runs the book's `train()`: `max_iter` steps, then the accuracy on the whole test set.
    /// `on_epoch` is called after each measurement.
    ///
    /// # Errors
    /// [`Error::Config`] for an empty training set, a mini-batch of 0, or an update rule that
    /// [`Optimizer::new`] refuses.
    pub fn train(
        &mut self,
        random: &mut dyn Random,
        mut on_epoch: impl FnMut(&EpochLine),
    ) -> Result<TrainerHistory, Error> {
        let train_size = self.train.len();
        if train_size == 0 || self.config.mini_batch_size == 0 {
            return Err(Error::Config {
                what: "the Trainer",
                problem: format!(
                    "{train_size} training images in mini-batches of {}: give at least one of each",
                    self.config.mini_batch_size
                ),
            });
        }
        let mut optimizer = Optimizer::new(self.config.optimizer)?;
        let iter_per_epoch = self.config.iter_per_epoch(train_size);
        let mut history = TrainerHistory::default();
        let mut current_epoch = 0;
        for current_iter in 0..self.config.max_iter(train_size) {
            let batch_mask: Vec<usize> = (0..self.config.mini_batch_size)
                .map(|_| random.randint(train_size))
                .collect();
            let (x_batch, t_batch) = self.train.batch_scaled(&batch_mask, self.config.pixels);
            let (_, grads) =
                self.network
                    .training_gradient(x_batch.view(), Targets::from(&t_batch[..]), random);
            let views: Vec<_> = grads.iter().map(|g| g.view()).collect();
            optimizer.update(&mut self.network.params_mut(), &views);
            let loss = self
                .network
                .loss(x_batch.view(), Targets::from(&t_batch[..]));
            history.train_loss_list.push(loss);
            if (current_iter as f64) % iter_per_epoch == 0.0 {
                current_epoch += 1;
                let sample = self.config.evaluate_sample_num_per_epoch;
                let train_acc = self.accuracy(self.train, sample);
                let test_acc = self.accuracy(self.test, sample);
                history.train_acc_list.push(train_acc);
                history.test_acc_list.push(test_acc);
                on_epoch(&EpochLine {
                    epoch: current_epoch,
                    iter: current_iter,
                    train_acc,
                    test_acc,
                });
            }
        }
        history.final_test_acc = self.accuracy(self.test, None);
        Ok(history)
    }

    /// The book's `network.accuracy(x[:sample], t[:sample])`, with this trainer's pixels.
    fn accuracy(&self, split: &Split, sample: Option<usize>) -> f64 {
        accuracy_scaled(&*self.network, split, sample, self.config.pixels)
    }
}

/// The fraction of the first `sample` images of `split` (all of them for `None`) that `net`
/// classifies right, with pixels scaled as `pixels` says: the book's `accuracy`.
#[must_use]
pub fn accuracy_scaled(
    net: &(impl Network + ?Sized),
    split: &Split,
    sample: Option<usize>,
    pixels: PixelScale,
) -> f64 {
    let n = sample.map_or(split.len(), |s| s.min(split.len()));
    let mut right = 0;
    for start in (0..n).step_by(500) {
        let rows: Vec<usize> = (start..(start + 500).min(n)).collect();
        let (x, t): (Array2<f64>, Vec<usize>) = split.batch_scaled(&rows, pixels);
        let scores = net.predict(x.view());
        right += scores
            .rows()
            .into_iter()
            .zip(&t)
            .filter(|(row, t)| argmax(row.iter().copied()) == **t)
            .count();
    }
    right as f64 / n.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Activation;
    use crate::data::mnist::Mnist;
    use crate::net::multi_layer::{MultiLayerNet, WeightInit};
    use crate::net::multi_layer_extend::MultiLayerNetExtend;
    use crate::optim::OptimizerKind;
    use crate::random::numpy::RandomState;

    /// The book's own `Trainer`, `MultiLayerNet` and `MultiLayerNetExtend` run on the built-in
    /// slice after `np.random.seed(0)` with `float32` pixels (`tests/reference/ch06_trainer.py`):
    /// the same mini-batches, masks and weights drawn, so the same accuracies exactly and the
    /// same losses to 1e-10 relative (the matrix products sum in another order than OpenBLAS's);
    /// afterwards the generator stands where NumPy's does (its next `rand()` is the same).
    #[test]
    fn the_book_s_trainer_with_numpy_s_draws() {
        let reference: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../tests/reference/ch06_trainer.json"
        ))
        .expect("the reference parses");
        let mnist = Mnist::builtin();
        let floats = |v: &serde_json::Value| -> Vec<f64> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect()
        };
        let cases = reference["trainer"].as_array().unwrap();
        assert_eq!(cases.len(), 4);
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let mut random = RandomState::new(0);
            let (epochs, n, optimizer) = match name {
                "multi_layer_net_weight_decay" | "extend_dropout" => {
                    (5, 300, OptimizerConfig::sgd(0.01))
                }
                "extend_batchnorm" => (4, 500, OptimizerConfig::sgd(0.01)),
                _ => (
                    3,
                    400,
                    OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.001),
                ),
            };
            let (train, test) = (mnist.train.first(n), mnist.test.first(n));
            let config = TrainerConfig {
                epochs,
                optimizer,
                pixels: PixelScale::F32,
                ..TrainerConfig::default()
            };
            let relu = Activation::Relu;
            let history = match name {
                "multi_layer_net_weight_decay" => {
                    let mut net = MultiLayerNet::with_random(
                        784,
                        &[100; 3],
                        10,
                        relu,
                        WeightInit::He,
                        &mut random,
                    )
                    .with_weight_decay(0.1);
                    Trainer::new(&mut net, &train, &test, config).train(&mut random, |_| {})
                }
                "extend_dropout" => {
                    let mut net = MultiLayerNetExtend::with_random(
                        784,
                        &[100; 3],
                        10,
                        relu,
                        WeightInit::He,
                        &mut random,
                    )
                    .with_dropout(0.2);
                    Trainer::new(&mut net, &train, &test, config).train(&mut random, |_| {})
                }
                "extend_batchnorm" => {
                    let mut net = MultiLayerNetExtend::with_random(
                        784,
                        &[100; 2],
                        10,
                        relu,
                        WeightInit::Std(0.01),
                        &mut random,
                    )
                    .with_batch_norm();
                    Trainer::new(&mut net, &train, &test, config).train(&mut random, |_| {})
                }
                _ => {
                    let mut net = MultiLayerNetExtend::with_random(
                        784,
                        &[50; 2],
                        10,
                        Activation::Sigmoid,
                        WeightInit::Xavier,
                        &mut random,
                    )
                    .with_weight_decay(0.01)
                    .with_dropout(0.3)
                    .with_batch_norm();
                    Trainer::new(&mut net, &train, &test, config).train(&mut random, |_| {})
                }
            }
            .expect("it trains");
            let want = floats(&case["train_loss_list"]);
            assert_eq!(history.train_loss_list.len(), want.len(), "{name}");
            for (i, (got, want)) in history.train_loss_list.iter().zip(&want).enumerate() {
                assert!(
                    (got - want).abs() <= 1e-10 * want.abs(),
                    "{name} loss {i}: {got} {want}"
                );
            }
            assert_eq!(
                history.train_acc_list,
                floats(&case["train_acc_list"]),
                "{name}"
            );
            assert_eq!(
                history.test_acc_list,
                floats(&case["test_acc_list"]),
                "{name}"
            );
            assert_eq!(
                history.final_test_acc,
                case["final_test_acc"].as_f64().unwrap(),
                "{name}"
            );
            assert_eq!(
                random.random_sample(),
                case["after_draw"].as_f64().unwrap(),
                "{name}"
            );
        }
    }
}
