//! The book's `ch06/weight_init_compare.py` (section 6.2.4, figure 6-15): three networks of
//! four hidden layers, alike but for their initial weights (std 0.01, Xavier, He), trained side
//! by side on MNIST by SGD, each mini-batch shared by the three. With std 0.01 the signals
//! shrink layer after layer, and so do the gradients: the loss stays at ln 10 ≈ 2.30, a guess
//! among ten classes. With He's weights (Xavier's too) the network learns at once.
//!
//! Shapes: `N` = `batch_size` images a mini-batch, `D` = 784 pixels, `C` = 10 classes.

use crate::Error;
use crate::data::mnist::{PixelScale, Split};
use crate::functions::Targets;
use crate::net::Network;
use crate::net::multi_layer::{MultiLayerNet, WeightInit};
use crate::net::two_layer::Activation;
use crate::optim::{Optimizer, OptimizerConfig};
use crate::random::Random;
use crate::util::smooth_curve;

/// The networks' initial weights, under the book's names and in its order (the dict
/// `weight_init_types`): std 0.01, Xavier's `1/√n`, He's `√(2/n)`.
pub const WEIGHT_INIT_TYPES: [(&str, WeightInit); 3] = [
    ("std=0.01", WeightInit::Std(0.01)),
    ("Xavier", WeightInit::Xavier),
    ("He", WeightInit::He),
];

/// The hidden layers of every network: `hidden_size_list=[100, 100, 100, 100]`.
const HIDDEN_SIZE_LIST: [usize; 4] = [100; 4];

/// The book prints the losses every this many iterations (`if i % 100 == 0`).
pub const REPORT_EVERY: usize = 100;

/// The loss of a network that gives every class the same probability: `ln 10 ≈ 2.3026`, where
/// every network of the experiment starts.
pub const GUESS_LOSS: f64 = std::f64::consts::LN_10;

/// A network has learned, for [`InitLosses::learns`], when its smoothed loss ends below this
/// fraction of [`GUESS_LOSS`] (below 2.07).
pub const LEARNED_BELOW: f64 = 0.9;

/// The experiment's settings, under the book's names; [`Default`] is the book's run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeightInitCompareConfig {
    /// Iterations (`max_iterations`, the book's 2000).
    pub max_iterations: usize,
    /// Images per mini-batch (`batch_size`, 128).
    pub batch_size: usize,
    /// SGD's learning rate (`SGD(lr=0.01)`).
    pub learning_rate: f64,
    /// How pixels become numbers: [`PixelScale::F32`] as the book's `load_mnist` makes them
    /// (the default here is [`PixelScale::F64`], as elsewhere in scratchnet).
    pub pixels: PixelScale,
}

impl Default for WeightInitCompareConfig {
    fn default() -> Self {
        WeightInitCompareConfig {
            max_iterations: 2000,
            batch_size: 128,
            learning_rate: 0.01,
            pixels: PixelScale::F64,
        }
    }
}

/// One network's record: its name and initial weights, and its loss after each iteration (the
/// book's `train_loss[key]`).
#[derive(Clone, Debug, PartialEq)]
pub struct InitLosses {
    /// The book's name for it: `std=0.01`, `Xavier`, `He`.
    pub key: &'static str,
    /// Its initial weights' scale.
    pub init: WeightInit,
    /// The loss on each iteration's mini-batch, after the update (`train_loss[key]`).
    pub train_loss: Vec<f64>,
}

impl InitLosses {
    /// The losses smoothed as the book draws them: [`smooth_curve`] (common/util.py).
    #[must_use]
    pub fn smoothed(&self) -> Vec<f64> {
        smooth_curve(&self.train_loss)
    }

    /// The last smoothed loss: where the curve of figure 6-15 ends (`None` without losses).
    #[must_use]
    pub fn final_smoothed(&self) -> Option<f64> {
        self.smoothed().last().copied()
    }

    /// Whether the network has learned: its smoothed loss ends below [`LEARNED_BELOW`] ·
    /// [`GUESS_LOSS`] (a loss that is not a number has not learned).
    ///
    /// ```
    /// use scratchnet_book::experiments::InitLosses;
    /// use scratchnet_book::net::multi_layer::WeightInit;
    /// let stuck = InitLosses { key: "std=0.01", init: WeightInit::Std(0.01), train_loss: vec![2.302; 20] };
    /// let learning = InitLosses { key: "He", init: WeightInit::He, train_loss: vec![0.3; 20] };
    /// assert!(!stuck.learns() && learning.learns());
    /// ```
    #[must_use]
    pub fn learns(&self) -> bool {
        self.final_smoothed()
            .is_some_and(|l| l < LEARNED_BELOW * GUESS_LOSS)
    }
}

/// What the experiment measured: each network's losses, in the book's order
/// ([`WEIGHT_INIT_TYPES`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WeightInitCompare {
    /// The settings it ran with.
    pub config: WeightInitCompareConfig,
    /// `std=0.01`, `Xavier`, `He`.
    pub networks: Vec<InitLosses>,
}

impl WeightInitCompare {
    /// The record of the network the book calls `key` (`"He"`).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&InitLosses> {
        self.networks.iter().find(|n| n.key == key)
    }
}

/// What the book's script prints every [`REPORT_EVERY`] iterations: the iteration and each
/// network's loss on that iteration's mini-batch, in the order of [`WEIGHT_INIT_TYPES`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IterationLosses {
    /// The iteration, from 0.
    pub iteration: usize,
    /// `std=0.01`, `Xavier`, `He`.
    pub losses: [f64; 3],
}

/// Runs the book's `weight_init_compare.py` on `train`: builds the three
/// `MultiLayerNet(784, [100, 100, 100, 100], 10)` with ReLU, with std 0.01, Xavier's and He's
/// initial weights, drawn from `random` in that order; then for each iteration draws one
/// mini-batch (`np.random.choice(train_size, batch_size)`, `batch_size` draws of
/// [`randint`](Random::randint)) and, network after network, takes the gradient, updates by
/// the one SGD, and records the loss on the mini-batch. `on_report` is called every
/// [`REPORT_EVERY`] iterations (where the book prints).
///
/// With NumPy's generator seeded as the book's `np.random.seed(n)` and
/// [`PixelScale::F32`], it draws the same weights and mini-batches as the book's script.
///
/// # Errors
/// [`Error::Config`] for an empty training set or a mini-batch of 0 images;
/// [`Error::LearningRate`] for a learning rate that is not positive and finite.
///
/// ```
/// use scratchnet_book::experiments::{weight_init_compare, WeightInitCompareConfig};
/// use scratchnet_book::random::numpy::RandomState;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let config = WeightInitCompareConfig { max_iterations: 30, ..Default::default() };
/// let mut reports = 0;
/// let run = weight_init_compare(&mnist.train, &config, &mut RandomState::new(0), |_| reports += 1)?;
/// assert_eq!(reports, 1); // at iteration 0
/// let (std, he) = (run.get("std=0.01").unwrap(), run.get("He").unwrap());
/// assert_eq!(he.train_loss.len(), 30);
/// // std 0.01 stays at ln 10 ≈ 2.30; He has started to learn
/// assert!((std.final_smoothed().unwrap() - 2.3026).abs() < 0.01);
/// assert!(he.final_smoothed().unwrap() < 2.25);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn weight_init_compare(
    train: &Split,
    config: &WeightInitCompareConfig,
    random: &mut dyn Random,
    mut on_report: impl FnMut(&IterationLosses),
) -> Result<WeightInitCompare, Error> {
    let train_size = train.len();
    if train_size == 0 || config.batch_size == 0 {
        return Err(Error::Config {
            what: "weight_init_compare",
            problem: format!(
                "{train_size} training images in mini-batches of {}: give at least one of each",
                config.batch_size
            ),
        });
    }
    let mut optimizer = Optimizer::new(OptimizerConfig::sgd(config.learning_rate))?;
    let mut networks: Vec<MultiLayerNet> = WEIGHT_INIT_TYPES
        .iter()
        .map(|&(_, init)| {
            MultiLayerNet::with_random(784, &HIDDEN_SIZE_LIST, 10, Activation::Relu, init, random)
        })
        .collect();
    let mut train_loss: Vec<Vec<f64>> = (0..3)
        .map(|_| Vec::with_capacity(config.max_iterations))
        .collect();
    for i in 0..config.max_iterations {
        let batch_mask: Vec<usize> = (0..config.batch_size)
            .map(|_| random.randint(train_size))
            .collect();
        let (x_batch, t_batch) = train.batch_scaled(&batch_mask, config.pixels);
        let t = Targets::from(&t_batch[..]);
        for (network, losses) in networks.iter_mut().zip(&mut train_loss) {
            let (_, grads) = network.gradient(x_batch.view(), t.clone());
            let views: Vec<_> = grads.iter().map(|g| g.view()).collect();
            optimizer.update(&mut network.params_mut(), &views);
            losses.push(network.loss(x_batch.view(), t.clone()));
        }
        if i % REPORT_EVERY == 0 {
            on_report(&IterationLosses {
                iteration: i,
                losses: [train_loss[0][i], train_loss[1][i], train_loss[2][i]],
            });
        }
    }
    Ok(WeightInitCompare {
        config: *config,
        networks: WEIGHT_INIT_TYPES
            .iter()
            .zip(train_loss)
            .map(|(&(key, init), train_loss)| InitLosses {
                key,
                init,
                train_loss,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::mnist::Mnist;
    use crate::random::numpy::RandomState;

    fn floats(v: &serde_json::Value) -> Vec<f64> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|x| x.as_f64().expect("a number"))
            .collect()
    }

    /// The book's own code (`tests/reference/ch06_experiments_mnist.py`: its `MultiLayerNet`,
    /// `SGD` and `smooth_curve`) run as `weight_init_compare.py` runs them, for 60 iterations on
    /// the built-in slice after `np.random.seed(0)`, float32 pixels: the same weights and
    /// mini-batches drawn, so each network's 60 losses agree to 1e-10 relative, and so do their
    /// smoothed curves. Not exactly: the matrix products sum in another order than OpenBLAS's,
    /// which moves the last bits (about 1e-16 relative), and 60 updates carry that along (the
    /// largest difference measured is below 1e-13). Afterwards the generator stands where
    /// NumPy's does.
    #[test]
    fn the_book_s_losses_with_numpy_s_draws() {
        let reference: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../tests/reference/ch06_experiments_mnist.json"
        ))
        .expect("the reference parses");
        let case = &reference["weight_init_compare"];
        let mnist = Mnist::builtin();
        let config = WeightInitCompareConfig {
            max_iterations: case["iterations"].as_u64().unwrap() as usize,
            pixels: PixelScale::F32,
            ..WeightInitCompareConfig::default()
        };
        let mut random = RandomState::new(0);
        let mut reported = Vec::new();
        let run = weight_init_compare(&mnist.train, &config, &mut random, |r| reported.push(*r))
            .expect("it runs");
        let want = case["networks"].as_array().unwrap();
        assert_eq!(run.networks.len(), want.len());
        let close = |got: f64, want: f64| (got - want).abs() <= 1e-10 * want.abs();
        for (got, want) in run.networks.iter().zip(want) {
            assert_eq!(got.key, want["name"].as_str().unwrap());
            let losses = floats(&want["train_loss"]);
            assert_eq!(got.train_loss.len(), losses.len(), "{}", got.key);
            for (i, (a, b)) in got.train_loss.iter().zip(&losses).enumerate() {
                assert!(close(*a, *b), "{} loss {i}: {a} {b}", got.key);
            }
            let smoothed = floats(&want["smoothed"]);
            for (i, (a, b)) in got.smoothed().iter().zip(&smoothed).enumerate() {
                assert!(close(*a, *b), "{} smoothed {i}: {a} {b}", got.key);
            }
        }
        assert_eq!(reported.len(), 1);
        assert_eq!(reported[0].losses[2], run.networks[2].train_loss[0]);
        assert_eq!(random.random_sample(), case["after_draw"].as_f64().unwrap());
        // after 60 iterations, He has learned and std 0.01 has not
        assert!(run.get("He").unwrap().learns());
        assert!(!run.get("std=0.01").unwrap().learns());
    }

    #[test]
    fn an_empty_set_or_batch_is_refused() {
        let mnist = Mnist::builtin();
        let none = mnist.train.first(0);
        let config = WeightInitCompareConfig::default();
        let mut random = RandomState::new(0);
        assert!(weight_init_compare(&none, &config, &mut random, |_| {}).is_err());
        let config = WeightInitCompareConfig {
            batch_size: 0,
            ..config
        };
        assert!(weight_init_compare(&mnist.train, &config, &mut random, |_| {}).is_err());
    }
}
