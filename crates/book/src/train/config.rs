//! The settings of a training run: [`TrainConfig`], with the book's values as its default.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::data::mnist::{CLASSES, PIXELS};
use crate::optim::OptimizerConfig;
use crate::real::Dtype;
use crate::{Activation, Error};

/// How the gradient is computed: by backpropagation or numerically, each on the engine
/// (`scratchnet::engine`) or through the book's layers ([`TwoLayerNet::gradient`](crate::TwoLayerNet::gradient),
/// [`TwoLayerNet::numerical_gradient`](crate::TwoLayerNet::numerical_gradient)).
/// [`Training::run`](super::Training::run) computes every method through the book's layers;
/// the engine computes `Backprop` and `Numerical` its way. The variants' own docs are the
/// command line's help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum GradMethod {
    /// Backpropagation from the non-zero pixels only, in f32 or f64 (--dtype): the fast path
    Backprop,
    /// Backpropagation through the book's layers, dense products in f64: the reference the fast
    /// path is checked against
    BackpropReference,
    /// Central differences (h = 1e-4) recomputing only what each nudge changes, on all cores:
    /// hundreds of times faster than numerical-reference
    Numerical,
    /// Central differences the book's way, two whole forward passes of the batch per parameter:
    /// 79,520 per step for 784-50-10
    NumericalReference,
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
    pub activation: Activation,
    /// Backprop (default) or numerical.
    pub grad: GradMethod,
    /// The floating-point type of the engine's backpropagation (`scratchnet::engine::run` with
    /// [`GradMethod::Backprop`]); the other methods, and the book's layers
    /// ([`Training::run`](super::Training::run)), compute in `f64`, as the book does. Default
    /// `f64`: NumPy's and the book's type, so that a run can be compared number for number with
    /// the reference path and the book; `f32` moves half the bytes, is faster (1.7 to 1.9 times
    /// on the machines of the guide's Speed), and learns as well (0.945 test accuracy either
    /// way).
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
    /// Whether a divergence of the loss stops the run (see
    /// [`spike_threshold`](super::spike_threshold)): `false`, it is reported and the run goes
    /// on. A loss or weight that is NaN or infinite stops a run either way.
    #[serde(default)]
    pub stop_on_divergence: bool,
}

/// The most iterations a run may have: 100,000,000 (the book's run has 10,000).
pub const MAX_ITERS: usize = 100_000_000;
/// The largest mini-batch: 60,000 images, the size of MNIST's training set.
pub const MAX_BATCH_SIZE: usize = 60_000;
/// The most hidden units: 100,000 (78 million weights in W1).
pub const MAX_HIDDEN: usize = 100_000;
/// The most values in a mini-batch's hidden layer (batch size × hidden units): 2²⁷, 1 GiB in
/// `f64`, so that no setting makes a run allocate tens of gigabytes.
pub const MAX_BATCH_UNITS: usize = 1 << 27;

/// The number of cores, for [`TrainConfig::threads`].
fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
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
            stop_on_divergence: false,
        }
    }
}

impl TrainConfig {
    /// The learning rate a run of `kind` takes when none is given: 0.1 for SGD, as
    /// `train_neuralnet.py`; the book's class default for the others (0.01, Adam 0.001).
    ///
    /// ```
    /// use scratchnet_book::{train::TrainConfig, OptimizerKind};
    /// assert_eq!(TrainConfig::default_lr(OptimizerKind::Sgd), TrainConfig::default().optimizer.lr);
    /// assert_eq!(TrainConfig::default_lr(OptimizerKind::Adam), 0.001);
    /// ```
    #[must_use]
    pub fn default_lr(kind: crate::OptimizerKind) -> f64 {
        match kind {
            crate::OptimizerKind::Sgd => 0.1,
            other => other.default_lr(),
        }
    }

    /// About how many bytes a run of these settings holds at its peak, counted in `f64`: ten
    /// arrays the size of the parameters (the network, its gradient, the update rule's state,
    /// the engine's copies for training and for measuring, a checkpoint being written), a
    /// mini-batch's images and four arrays of its hidden layer, and the rows the accuracy is
    /// measured on. An estimate for a memory budget (the playground's), not a measurement.
    ///
    /// ```
    /// use scratchnet_book::train::TrainConfig;
    /// let book = TrainConfig::default(); // 784-50-10, batch 100: about 4 MB
    /// assert_eq!(book.memory_bytes() / 1_000_000, 4);
    /// let wide = TrainConfig { hidden: 100_000, ..book }; // 79.5 million parameters
    /// assert!(wide.memory_bytes() > 6_000_000_000);
    /// ```
    #[must_use]
    pub fn memory_bytes(&self) -> u64 {
        let (h, b) = (self.hidden as u64, self.batch_size as u64);
        let (d, c) = (PIXELS as u64, CLASSES as u64);
        let params = d * h + h + h * c + c;
        8 * (10 * params + b * (d + 4 * h + 4 * c) + 200 * (h + c))
    }

    /// Checks the settings.
    ///
    /// # Errors
    /// As [`OptimizerConfig::validate`]; [`Error::Config`] for iterations, a batch size or
    /// hidden units out of `1..=`[`MAX_ITERS`], [`MAX_BATCH_SIZE`], [`MAX_HIDDEN`], their
    /// product above [`MAX_BATCH_UNITS`], or a non-positive `weight_init_std`.
    pub fn validate(&self) -> Result<(), Error> {
        self.optimizer.validate()?;
        let bad = |what, problem: &str| {
            Err(Error::Config {
                what,
                problem: problem.to_string(),
            })
        };
        if !(1..=MAX_ITERS).contains(&self.iters) {
            return bad("iterations", "must be 1 to 100,000,000 (the book: 10,000)");
        }
        if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
            return bad(
                "batch size",
                "must be 1 to 60,000, the size of MNIST's training set (the book: 100)",
            );
        }
        if !(1..=MAX_HIDDEN).contains(&self.hidden) {
            return bad("hidden units", "must be 1 to 100,000 (the book: 50)");
        }
        if self.batch_size * self.hidden > MAX_BATCH_UNITS {
            return bad(
                "batch size × hidden units",
                &format!(
                    "is {} × {} = {}, more than {MAX_BATCH_UNITS}: a mini-batch's hidden layer \
                     would take more than 1 GiB per array; make one of them smaller (the book: \
                     100 × 50)",
                    self.batch_size,
                    self.hidden,
                    self.batch_size * self.hidden
                ),
            );
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

    /// The training images of iteration `iter`: `batch_size` indices drawn with replacement from
    /// `0..train_size` (the book's `np.random.choice(train_size, batch_size)`), from stream
    /// `iter + 1` of a ChaCha8 generator seeded with `seed`. So a run's random state is just
    /// `(seed, iteration)`: a resumed run draws what an uninterrupted one would.
    ///
    /// ```
    /// use scratchnet_book::train::TrainConfig;
    /// let config = TrainConfig::default();
    /// let batch = config.batch_indices(0, 60_000);
    /// assert_eq!(batch.len(), 100);
    /// assert!(batch.iter().all(|&i| i < 60_000));
    /// assert_eq!(batch, config.batch_indices(0, 60_000));
    /// assert_ne!(batch, config.batch_indices(1, 60_000));
    /// ```
    #[must_use]
    pub fn batch_indices(&self, iter: usize, train_size: usize) -> Vec<usize> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(iter as u64 + 1);
        (0..self.batch_size)
            .map(|_| rng.random_range(0..train_size))
            .collect()
    }

    /// Iterations per epoch: `max(train_size / batch_size, 1)`, 600 for the book.
    #[must_use]
    pub fn iters_per_epoch(&self, train_size: usize) -> usize {
        (train_size / self.batch_size.max(1)).max(1)
    }
}
