//! The book's `ch06/batch_norm_test.py` (section 6.3.2, figure 6-19): two networks of five
//! hidden layers, one with Batch Normalization and one without, trained side by side on 1,000
//! MNIST images, for each of 16 scales of the initial weights from 1 down to 0.0001. Without
//! Batch Normalization a network learns only when the scale suits it; with it, at almost every
//! scale, and faster.
//!
//! Shapes: `N` = `batch_size` images a mini-batch, `D` = 784 pixels, `C` = 10 classes.

use crate::Error;
use crate::data::mnist::{PixelScale, Split};
use crate::functions::Targets;
use crate::net::Network;
use crate::net::multi_layer::WeightInit;
use crate::net::multi_layer_extend::MultiLayerNetExtend;
use crate::net::two_layer::Activation;
use crate::optim::{Optimizer, OptimizerConfig};
use crate::random::Random;
use crate::train::trainer::accuracy_scaled;

/// The training images the book keeps: `x_train[:1000]`.
pub const BATCH_NORM_TRAIN_SIZE: usize = 1000;

/// The hidden layers of both networks: `hidden_size_list=[100, 100, 100, 100, 100]`.
const HIDDEN_SIZE_LIST: [usize; 5] = [100; 5];

/// How many weight scales the book tries: `np.logspace(0, -4, num=16)`.
pub const SCALE_COUNT: usize = 16;

/// The experiment's settings, under the book's names; [`Default`] is the book's run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatchNormTestConfig {
    /// Epochs, each ending with both accuracies measured (`max_epochs`, the book's 20).
    pub max_epochs: usize,
    /// Images per mini-batch (`batch_size`, 100).
    pub batch_size: usize,
    /// SGD's learning rate (`learning_rate`, 0.01).
    pub learning_rate: f64,
    /// How pixels become numbers: [`PixelScale::F32`] as the book's `load_mnist` makes them
    /// (the default here is [`PixelScale::F64`], as elsewhere in scratchnet).
    pub pixels: PixelScale,
}

impl Default for BatchNormTestConfig {
    fn default() -> Self {
        BatchNormTestConfig {
            max_epochs: 20,
            batch_size: 100,
            learning_rate: 0.01,
            pixels: PixelScale::F64,
        }
    }
}

/// One scale's run: the training accuracy of each network at the start of each epoch (the
/// book's `__train` returns the two lists).
#[derive(Clone, Debug, PartialEq)]
pub struct BatchNormRun {
    /// The standard deviation of the initial weights (`weight_init_std`).
    pub weight_scale: f64,
    /// The network without Batch Normalization (`train_acc_list`).
    pub train_acc_list: Vec<f64>,
    /// The network with it (`bn_train_acc_list`).
    pub bn_train_acc_list: Vec<f64>,
}

impl BatchNormRun {
    /// Whether the network with Batch Normalization ends with the higher training accuracy.
    ///
    /// ```
    /// use scratchnet_book::experiments::BatchNormRun;
    /// let run = BatchNormRun {
    ///     weight_scale: 0.01,
    ///     train_acc_list: vec![0.1, 0.12],
    ///     bn_train_acc_list: vec![0.1, 0.6],
    /// };
    /// assert!(run.bn_ahead());
    /// ```
    #[must_use]
    pub fn bn_ahead(&self) -> bool {
        match (self.bn_train_acc_list.last(), self.train_acc_list.last()) {
            (Some(bn), Some(plain)) => bn > plain,
            _ => false,
        }
    }
}

/// NumPy's `np.linspace(start, stop, num)`, computed as NumPy computes it: `k · step + start`
/// with `step = (stop − start) / (num − 1)`, the last value `stop` itself.
///
/// ```
/// use scratchnet_book::experiments::linspace;
/// assert_eq!(linspace(0.0, 1.0, 5), [0.0, 0.25, 0.5, 0.75, 1.0]);
/// assert_eq!(linspace(2.0, 3.0, 1), [2.0]);
/// ```
#[must_use]
pub fn linspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    if num == 1 {
        return vec![start];
    }
    let step = (stop - start) / (num - 1) as f64;
    let mut y: Vec<f64> = (0..num).map(|k| k as f64 * step + start).collect();
    if let Some(last) = y.last_mut() {
        *last = stop;
    }
    y
}

/// NumPy's `np.logspace(start, stop, num)`: `10^y` for each `y` of [`linspace`]`(start, stop,
/// num)`, by `powf` (the C library's `pow`, as NumPy's `np.power`).
///
/// ```
/// use scratchnet_book::experiments::logspace;
/// assert_eq!(logspace(0.0, -4.0, 16)[0], 1.0);
/// assert_eq!(logspace(0.0, -4.0, 16)[15], 0.0001);
/// assert_eq!(logspace(0.0, -4.0, 16)[1], 0.5411695265464637); // NumPy's, to the last bit
/// ```
#[must_use]
pub fn logspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    linspace(start, stop, num)
        .into_iter()
        .map(|y| 10f64.powf(y))
        .collect()
}

/// The book's 16 scales of the initial weights, `np.logspace(0, -4, num=16)`: from 1 down to
/// 0.0001, each `10^(−4/15)` times the one before.
#[must_use]
pub fn weight_scale_list() -> Vec<f64> {
    logspace(0.0, -4.0, SCALE_COUNT)
}

/// Runs the book's `__train(weight_init_std)` of `batch_norm_test.py` on `train` (the book
/// takes its first [`BATCH_NORM_TRAIN_SIZE`] images): builds `bn_network`, then `network`, both
/// `MultiLayerNetExtend(784, [100, 100, 100, 100, 100], 10)` with ReLU and initial weights of
/// standard deviation `weight_scale`, the first with Batch Normalization, their weights drawn
/// from `random` in that order. Then, each iteration, one mini-batch
/// (`np.random.choice(train_size, batch_size)`: `batch_size` draws of
/// [`randint`](Random::randint)); for `bn_network`, then `network`, the gradient of a training
/// pass ([`Network::training_gradient`]) and an update by the one SGD; when
/// `i % iter_per_epoch == 0` (the book's float test, `iter_per_epoch = train_size /
/// batch_size`), both networks' accuracy on the whole of `train` (a test pass); after
/// `max_epochs` measurements it stops.
///
/// With NumPy's generator seeded as the book's `np.random.seed(n)` and [`PixelScale::F32`],
/// it draws the same weights and mini-batches as the book's script; the book runs the 16
/// scales of [`weight_scale_list`] one after the other from the one generator.
///
/// # Errors
/// [`Error::Config`] for an empty training set, a mini-batch of 0 images or one that does not
/// divide the training set (the book's float test would then rarely or never see an epoch
/// end), no epochs, or a scale that is not positive and finite; [`Error::LearningRate`] for a
/// learning rate that is not positive and finite.
///
/// ```
/// use scratchnet_book::experiments::{batch_norm_test, BatchNormTestConfig};
/// use scratchnet_book::random::numpy::RandomState;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let train = mnist.train.first(1000);
/// let config = BatchNormTestConfig { max_epochs: 3, ..Default::default() };
/// let run = batch_norm_test(&train, 0.01, &config, &mut RandomState::new(0))?;
/// assert_eq!(run.bn_train_acc_list.len(), 3);
/// // with small weights, the network without Batch Normalization has not started to learn
/// assert!(run.train_acc_list[2] < 0.2);
/// assert!(run.bn_ahead());
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn batch_norm_test(
    train: &Split,
    weight_scale: f64,
    config: &BatchNormTestConfig,
    random: &mut dyn Random,
) -> Result<BatchNormRun, Error> {
    let train_size = train.len();
    let batch_size = config.batch_size;
    let problem = if train_size == 0 || batch_size == 0 {
        Some(format!(
            "{train_size} training images in mini-batches of {batch_size}: give at least one of each"
        ))
    } else if batch_size < train_size && !train_size.is_multiple_of(batch_size) {
        Some(format!(
            "mini-batches of {batch_size} do not divide {train_size} images: the book's test \
             i % (train_size / batch_size) == 0 would rarely or never end an epoch; give a \
             divisor (the book: 100 of 1000)"
        ))
    } else if config.max_epochs == 0 {
        Some("0 epochs: give at least 1".to_string())
    } else if !(weight_scale.is_finite() && weight_scale > 0.0) {
        Some(format!(
            "the weights' scale must be above 0 and finite, not {weight_scale}"
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        return Err(Error::Config {
            what: "batch_norm_test",
            problem,
        });
    }
    let mut optimizer = Optimizer::new(OptimizerConfig::sgd(config.learning_rate))?;
    let init = WeightInit::Std(weight_scale);
    let relu = Activation::Relu;
    let mut bn_network =
        MultiLayerNetExtend::with_random(784, &HIDDEN_SIZE_LIST, 10, relu, init, random)
            .with_batch_norm();
    let mut network =
        MultiLayerNetExtend::with_random(784, &HIDDEN_SIZE_LIST, 10, relu, init, random);
    let mut run = BatchNormRun {
        weight_scale,
        train_acc_list: Vec::with_capacity(config.max_epochs),
        bn_train_acc_list: Vec::with_capacity(config.max_epochs),
    };
    let iter_per_epoch = (train_size as f64 / batch_size as f64).max(1.0);
    let mut epoch_cnt = 0;
    for i in 0.. {
        let batch_mask: Vec<usize> = (0..batch_size)
            .map(|_| random.randint(train_size))
            .collect();
        let (x_batch, t_batch) = train.batch_scaled(&batch_mask, config.pixels);
        let t = Targets::from(&t_batch[..]);
        for net in [&mut bn_network, &mut network] {
            let (_, grads) = net.training_gradient(x_batch.view(), t.clone(), random);
            let views: Vec<_> = grads.iter().map(|g| g.view()).collect();
            optimizer.update(&mut net.params_mut(), &views);
        }
        if (i as f64) % iter_per_epoch == 0.0 {
            run.train_acc_list
                .push(accuracy_scaled(&network, train, None, config.pixels));
            run.bn_train_acc_list
                .push(accuracy_scaled(&bn_network, train, None, config.pixels));
            epoch_cnt += 1;
            if epoch_cnt >= config.max_epochs {
                break;
            }
        }
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::mnist::Mnist;
    use crate::random::numpy::RandomState;

    fn reference() -> serde_json::Value {
        serde_json::from_str(include_str!(
            "../../../../tests/reference/ch06_experiments_mnist.json"
        ))
        .expect("the reference parses")
    }

    fn floats(v: &serde_json::Value) -> Vec<f64> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|x| x.as_f64().expect("a number"))
            .collect()
    }

    /// `np.logspace(0, -4, num=16)` as NumPy 2.4.6 computes it, every value to the last bit.
    #[test]
    fn the_sixteen_scales_are_numpy_s() {
        let want = floats(&reference()["logspace"]);
        assert_eq!(weight_scale_list(), want);
    }

    /// The book's own code (`tests/reference/ch06_experiments_mnist.py`: its
    /// `MultiLayerNetExtend` and `SGD`) run as `batch_norm_test.py`'s `__train` runs them, for 3
    /// epochs on the first 1,000 images of the built-in slice, at the 1st, 6th and 16th scale one
    /// after the other after `np.random.seed(0)`, float32 pixels: the same weights and
    /// mini-batches drawn, so the same accuracies, exactly (an accuracy counts images, and the
    /// last bits in which our sums differ from OpenBLAS's change none of the 1,000 answers).
    /// At scale 1 the network without Batch Normalization overflows to NaN within the first
    /// epoch, in NumPy as here, and then answers 0 for every image (0.097: the share of zeros).
    /// Afterwards the generator stands where NumPy's does.
    #[test]
    fn the_book_s_accuracies_with_numpy_s_draws() {
        let reference = reference();
        let case = &reference["batch_norm_test"];
        let train = Mnist::builtin().train.first(BATCH_NORM_TRAIN_SIZE);
        let config = BatchNormTestConfig {
            max_epochs: case["epochs"].as_u64().unwrap() as usize,
            pixels: PixelScale::F32,
            ..BatchNormTestConfig::default()
        };
        let scales = weight_scale_list();
        let mut random = RandomState::new(0);
        let runs = case["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 3);
        for want in runs {
            let index = want["index"].as_u64().unwrap() as usize;
            assert_eq!(scales[index], want["weight_scale"].as_f64().unwrap());
            let run = batch_norm_test(&train, scales[index], &config, &mut random).unwrap();
            assert_eq!(
                run.train_acc_list,
                floats(&want["train_acc_list"]),
                "{index}"
            );
            assert_eq!(
                run.bn_train_acc_list,
                floats(&want["bn_train_acc_list"]),
                "{index}"
            );
        }
        assert_eq!(random.random_sample(), case["after_draw"].as_f64().unwrap());
    }

    #[test]
    fn settings_that_cannot_work_are_refused() {
        let train = Mnist::builtin().train.first(BATCH_NORM_TRAIN_SIZE);
        let mut random = RandomState::new(0);
        let book = BatchNormTestConfig::default();
        for (scale, config) in [
            (0.0, book),
            (f64::NAN, book),
            (
                0.1,
                BatchNormTestConfig {
                    max_epochs: 0,
                    ..book
                },
            ),
            (
                0.1,
                BatchNormTestConfig {
                    batch_size: 128,
                    ..book
                },
            ),
            (
                0.1,
                BatchNormTestConfig {
                    batch_size: 0,
                    ..book
                },
            ),
        ] {
            let err = batch_norm_test(&train, scale, &config, &mut random);
            assert!(
                matches!(err, Err(Error::Config { .. })),
                "{scale} {config:?}"
            );
        }
        assert_eq!(random.random_sample(), RandomState::new(0).random_sample());
    }
}
