//! The book's `ch06/overfit_weight_decay.py` (section 6.4.1 and 6.4.2, figures 6-20 and
//! 6-21): a deep network trained on only 300 images learns them by heart — its training
//! accuracy reaches 1 while its test accuracy stays far below, a gap called overfitting — and
//! weight decay, ½λΣW² added to the loss, narrows the gap.
//!
//! What both overfitting scripts share is here too: the network's shape, the settings, and
//! [`OverfitRun`], what a run measured.

use crate::Error;
use crate::data::mnist::{CLASSES, Mnist, PIXELS, PixelScale};
use crate::functions::Targets;
use crate::net::Network;
use crate::net::multi_layer::{MultiLayerNet, WeightInit};
use crate::net::two_layer::Activation;
use crate::optim::{Optimizer, OptimizerConfig};
use crate::random::Random;
use crate::train::trainer::{EpochLine, TrainerConfig, accuracy_scaled};

/// The training images both scripts keep, "to reproduce overfitting": `x_train[:300]`.
pub const OVERFIT_TRAIN_SIZE: usize = 300;
/// The hidden layers of both scripts' networks: six of 100 units (`[100, 100, 100, 100,
/// 100, 100]`).
pub const OVERFIT_HIDDEN: [usize; 6] = [100; 6];
/// Images per mini-batch (`batch_size = 100`).
pub const OVERFIT_BATCH_SIZE: usize = 100;
/// SGD's learning rate (`SGD(lr=0.01)`).
pub const OVERFIT_LR: f64 = 0.01;
/// `overfit_weight_decay.py`'s `max_epochs`.
pub const WEIGHT_DECAY_EPOCHS: usize = 201;
/// `overfit_weight_decay.py`'s `weight_decay_lambda`.
pub const WEIGHT_DECAY_LAMBDA: f64 = 0.1;

/// Which of the two scripts ran, with its cure on or off.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Regularization {
    /// `overfit_weight_decay.py`: `MultiLayerNet` with weight decay of strength `lambda` (0:
    /// none, figure 6-20; 0.1, figure 6-21), trained by the script's own loop.
    WeightDecay {
        /// The book's `weight_decay_lambda`.
        lambda: f64,
    },
    /// `overfit_dropout.py`: `MultiLayerNetExtend` with Dropout of ratio `ratio` after each
    /// hidden layer (`None`: without, the left of figure 6-23; 0.2, its right), trained by the
    /// book's `Trainer`.
    Dropout {
        /// The book's `dropout_ratio` when `use_dropout` is true.
        ratio: Option<f64>,
    },
}

impl Regularization {
    /// Whether the cure is off: λ = 0, or no Dropout.
    ///
    /// ```
    /// use scratchnet_book::experiments::Regularization;
    /// assert!(Regularization::WeightDecay { lambda: 0.0 }.is_none());
    /// assert!(!Regularization::Dropout { ratio: Some(0.2) }.is_none());
    /// ```
    #[must_use]
    pub fn is_none(self) -> bool {
        match self {
            Regularization::WeightDecay { lambda } => lambda == 0.0,
            Regularization::Dropout { ratio } => ratio.is_none(),
        }
    }

    /// The same script with its cure off: what the cure is compared with.
    #[must_use]
    pub fn without(self) -> Regularization {
        match self {
            Regularization::WeightDecay { .. } => Regularization::WeightDecay { lambda: 0.0 },
            Regularization::Dropout { .. } => Regularization::Dropout { ratio: None },
        }
    }

    /// The book's script: `overfit_weight_decay.py` or `overfit_dropout.py`.
    #[must_use]
    pub fn script(self) -> &'static str {
        match self {
            Regularization::WeightDecay { .. } => "overfit_weight_decay.py",
            Regularization::Dropout { .. } => "overfit_dropout.py",
        }
    }

    /// The book's figure of this run: 6-20 (no weight decay), 6-21 (weight decay), 6-23
    /// (Dropout, with and without).
    #[must_use]
    pub fn figure(self) -> &'static str {
        match self {
            Regularization::WeightDecay { lambda: 0.0 } => "6-20",
            Regularization::WeightDecay { .. } => "6-21",
            Regularization::Dropout { .. } => "6-23",
        }
    }
}

/// What one run of an overfitting script measured: the accuracy on its 300 training images
/// and on the test images, at each epoch (the first measured after the first mini-batch, as
/// the book measures it).
#[derive(Clone, Debug, PartialEq)]
pub struct OverfitRun {
    /// The script and its cure.
    pub regularization: Regularization,
    /// The training accuracy at each epoch (`train_acc_list`).
    pub train_acc_list: Vec<f64>,
    /// The test accuracy at each epoch (`test_acc_list`).
    pub test_acc_list: Vec<f64>,
}

impl OverfitRun {
    /// The last epoch's training accuracy minus its test accuracy: how much better the network
    /// does on the images it learned from than on new ones. `None` before any measurement.
    ///
    /// ```
    /// use scratchnet_book::experiments::{OverfitRun, Regularization};
    /// let run = OverfitRun {
    ///     regularization: Regularization::WeightDecay { lambda: 0.0 },
    ///     train_acc_list: vec![0.5, 1.0],
    ///     test_acc_list: vec![0.4, 0.75],
    /// };
    /// assert_eq!(run.gap(), Some(0.25));
    /// ```
    #[must_use]
    pub fn gap(&self) -> Option<f64> {
        Some(self.train_acc_list.last()? - self.test_acc_list.last()?)
    }

    /// The number of epochs measured.
    #[must_use]
    pub fn epochs(&self) -> usize {
        self.train_acc_list.len()
    }
}

/// The first [`OVERFIT_TRAIN_SIZE`] training images, or an error if there are none.
pub(super) fn first_training_images(
    mnist: &Mnist,
    n: usize,
) -> Result<crate::data::mnist::Split, Error> {
    if mnist.train.is_empty() {
        return Err(Error::Config {
            what: "the training images",
            problem: "there are none: give MNIST with its training images".into(),
        });
    }
    Ok(mnist.train.first(n))
}

/// Runs the book's `overfit_weight_decay.py`: `MultiLayerNet` 784-100×6-10 (ReLU, He's initial
/// weights) with weight decay `weight_decay_lambda`, trained on the first 300 training images
/// of `mnist` by SGD (lr 0.01) on mini-batches of 100 drawn with replacement; after iteration
/// `i` with `i % iter_per_epoch == 0` (every 3rd, from the first), the accuracy on those 300
/// images and on the whole test set; it stops after `max_epochs` measurements (the book: 201).
/// `on_epoch` is called after each, with its number from 1 (the script prints `epoch:0` for
/// the first).
///
/// It draws from `random` in the script's order: the weights (`W1` row by row, then `W2`, ...),
/// then each mini-batch (`np.random.choice(300, 100)`). Pixels are the book's float32 ones
/// ([`PixelScale::F32`]). A `max_epochs` of 0 stops after the first measurement, as the
/// script's loop does.
///
/// # Errors
/// [`Error::Config`] if `mnist` has no training images.
///
/// # Panics
/// If `weight_decay_lambda` is negative or not finite.
///
/// ```
/// use scratchnet_book::experiments::overfit_weight_decay;
/// use scratchnet_book::random::numpy::RandomState;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let mut numpy = RandomState::new(0); // np.random.seed(0)
/// let run = overfit_weight_decay(&mnist, 0.1, 3, &mut numpy, |_| {})?;
/// // what the book's script measures with max_epochs = 3 (tests/reference/ch06_overfit_hp.py)
/// assert_eq!(run.train_acc_list, [37.0 / 300.0, 49.0 / 300.0, 59.0 / 300.0]);
/// assert_eq!(run.test_acc_list, [0.099, 0.117, 0.126]);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn overfit_weight_decay(
    mnist: &Mnist,
    weight_decay_lambda: f64,
    max_epochs: usize,
    random: &mut dyn Random,
    mut on_epoch: impl FnMut(&EpochLine),
) -> Result<OverfitRun, Error> {
    let train = first_training_images(mnist, OVERFIT_TRAIN_SIZE)?;
    let pixels = PixelScale::F32;
    let mut network = MultiLayerNet::with_random(
        PIXELS,
        &OVERFIT_HIDDEN,
        CLASSES,
        Activation::Relu,
        WeightInit::He,
        random,
    )
    .with_weight_decay(weight_decay_lambda);
    let mut optimizer = Optimizer::new(OptimizerConfig::sgd(OVERFIT_LR))?;
    let train_size = train.len();
    let iter_per_epoch = TrainerConfig {
        mini_batch_size: OVERFIT_BATCH_SIZE,
        ..TrainerConfig::default()
    }
    .iter_per_epoch(train_size);
    let mut run = OverfitRun {
        regularization: Regularization::WeightDecay {
            lambda: weight_decay_lambda,
        },
        train_acc_list: Vec::new(),
        test_acc_list: Vec::new(),
    };
    for i in 0.. {
        let batch_mask: Vec<usize> = (0..OVERFIT_BATCH_SIZE)
            .map(|_| random.randint(train_size))
            .collect();
        let (x_batch, t_batch) = train.batch_scaled(&batch_mask, pixels);
        let (_, grads) =
            network.training_gradient(x_batch.view(), Targets::from(&t_batch[..]), random);
        let views: Vec<_> = grads.iter().map(|g| g.view()).collect();
        optimizer.update(&mut network.params_mut(), &views);
        if (i as f64) % iter_per_epoch == 0.0 {
            let train_acc = accuracy_scaled(&network, &train, None, pixels);
            let test_acc = accuracy_scaled(&network, &mnist.test, None, pixels);
            run.train_acc_list.push(train_acc);
            run.test_acc_list.push(test_acc);
            on_epoch(&EpochLine {
                epoch: run.epochs(),
                iter: i,
                train_acc,
                test_acc,
            });
            if run.epochs() >= max_epochs {
                break;
            }
        }
    }
    Ok(run)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::random::numpy::RandomState;

    /// NumPy's numbers for the book's scripts, from `tests/reference/ch06_overfit_hp.py`
    /// (NumPy 2.4.6, OpenBLAS): the scripts themselves, shortened, run after
    /// `np.random.seed(0)` on the built-in slice.
    pub(in crate::experiments) fn reference() -> serde_json::Value {
        serde_json::from_str(include_str!(
            "../../../../tests/reference/ch06_overfit_hp.json"
        ))
        .expect("the reference values parse")
    }

    pub(in crate::experiments) fn floats(v: &serde_json::Value) -> Vec<f64> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|x| x.as_f64().expect("a number"))
            .collect()
    }

    /// The same draws (weights, then mini-batches), the same accuracies exactly: each is a count
    /// of right answers over 300 or 1,000, and the scores that decide them agree with NumPy's
    /// to far below the distance between the two best classes (the products sum in another
    /// order than OpenBLAS's); afterwards the generator stands where NumPy's does.
    #[test]
    fn the_book_s_overfit_weight_decay_with_numpy_s_draws() {
        let reference = reference();
        let mnist = Mnist::builtin();
        for case in reference["overfit_weight_decay"].as_array().unwrap() {
            let lambda = case["weight_decay_lambda"].as_f64().unwrap();
            let epochs = case["max_epochs"].as_u64().unwrap() as usize;
            let mut numpy = RandomState::new(0);
            let mut lines = Vec::new();
            let run = overfit_weight_decay(&mnist, lambda, epochs, &mut numpy, |l| lines.push(*l))
                .unwrap();
            assert_eq!(
                run.train_acc_list,
                floats(&case["train_acc_list"]),
                "{lambda}"
            );
            assert_eq!(
                run.test_acc_list,
                floats(&case["test_acc_list"]),
                "{lambda}"
            );
            assert_eq!(numpy.random_sample(), case["after_draw"].as_f64().unwrap());
            // measured after iterations 0, 3, 6, ...
            let iters: Vec<usize> = lines.iter().map(|l| l.iter).collect();
            assert_eq!(iters, [0, 3, 6, 9, 12]);
            assert_eq!(run.regularization.is_none(), lambda == 0.0);
        }
    }

    #[test]
    fn no_training_images_is_an_error_not_a_panic() {
        let mut mnist = Mnist::builtin();
        mnist.train = mnist.train.first(0);
        let mut numpy = RandomState::new(0);
        let err = overfit_weight_decay(&mnist, 0.1, 1, &mut numpy, |_| {}).unwrap_err();
        assert!(err.to_string().contains("training images"), "{err}");
    }
}
