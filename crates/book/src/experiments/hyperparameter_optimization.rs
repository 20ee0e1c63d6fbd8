//! The book's `ch06/hyperparameter_optimization.py` (section 6.5, figure 6-24): a random
//! search for a learning rate and a weight decay. A part of the training images is set aside
//! as validation data; each trial draws both hyperparameters on a log scale, trains a network
//! for a few epochs and measures it on the validation data; the best trials show where to
//! search next, in narrower ranges.

use super::overfit_weight_decay::{OVERFIT_BATCH_SIZE, OVERFIT_HIDDEN, first_training_images};
use crate::Error;
use crate::data::mnist::{CLASSES, Mnist, PIXELS, PixelScale, Split};
use crate::net::multi_layer::{MultiLayerNet, WeightInit};
use crate::net::two_layer::Activation;
use crate::optim::OptimizerConfig;
use crate::random::Random;
use crate::train::trainer::{Trainer, TrainerConfig};
use crate::util::shuffle_dataset;

/// The training images the script keeps, "for speed": `x_train[:500]`.
pub const SEARCH_TRAIN_SIZE: usize = 500;
/// The part of them set aside as validation data (`validation_rate = 0.20`): the first 100
/// after shuffling.
pub const VALIDATION_RATE: f64 = 0.20;
/// The script's `optimization_trial`.
pub const OPTIMIZATION_TRIAL: usize = 100;
/// The epochs of each trial (`__train`'s `epocs=50`).
pub const SEARCH_EPOCHS: usize = 50;
/// The range of the weight decay's exponent: `weight_decay = 10 ** uniform(-8, -4)`.
pub const WEIGHT_DECAY_EXPONENTS: (f64, f64) = (-8.0, -4.0);
/// The range of the learning rate's exponent: `lr = 10 ** uniform(-6, -2)`.
pub const LR_EXPONENTS: (f64, f64) = (-6.0, -2.0);
/// The trials figure 6-24 draws: the best 20 (`graph_draw_num`), in rows of 5 (`col_num`).
pub const GRAPH_DRAW_NUM: usize = 20;

/// One trial of the search: the hyperparameters drawn and what training with them measured.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Trial {
    /// Its place in the order the trials ran, from 1.
    pub trial: usize,
    /// The learning rate drawn, `10^u` for `u` uniform on `[−6, −2)`.
    pub lr: f64,
    /// The weight decay λ drawn, `10^u` for `u` uniform on `[−8, −4)`.
    pub weight_decay: f64,
    /// The accuracy on the validation data at each epoch (the `Trainer`'s `test_acc_list`,
    /// the script's `results_val`).
    pub val_acc_list: Vec<f64>,
    /// The accuracy on the training data at each epoch (`results_train`).
    pub train_acc_list: Vec<f64>,
}

impl Trial {
    /// The validation accuracy after the last epoch (`val_acc_list[-1]`): what the trials are
    /// ranked by. `None` before any epoch.
    #[must_use]
    pub fn final_val_acc(&self) -> Option<f64> {
        self.val_acc_list.last().copied()
    }
}

/// `10^x` as Python's `10 ** x` computes it for a float `x`: C's `pow(10, x)`, which
/// `f64::powf` calls too (so the same bits on the same C library; checked against Python's in
/// `tests/reference/ch06_overfit_hp.py`).
///
/// ```
/// use scratchnet_book::experiments::pow10;
/// assert_eq!(pow10(-2.5), 0.0031622776601683794); // Python: 10 ** -2.5
/// ```
#[must_use]
pub fn pow10(x: f64) -> f64 {
    10f64.powf(x)
}

/// The script's validation split: the first [`SEARCH_TRAIN_SIZE`] training images shuffled by
/// [`shuffle_dataset`] (drawing from `random`), the first fifth set aside as validation data.
/// Returns `(training, validation)`: 400 and 100 images.
fn split_validation(train: &Split, random: &mut dyn Random) -> (Split, Split) {
    let validation_num = (train.len() as f64 * VALIDATION_RATE) as usize;
    let shuffled = shuffle_dataset(train, random);
    let rows = |range: std::ops::Range<usize>| Split {
        images: shuffled
            .images
            .slice(ndarray::s![range.clone(), ..])
            .to_owned(),
        labels: shuffled.labels.slice(ndarray::s![range]).to_owned(),
    };
    (
        rows(validation_num..shuffled.len()),
        rows(0..validation_num),
    )
}

/// Runs the book's `hyperparameter_optimization.py`: the first 500 training images of `mnist`,
/// shuffled, the first 100 kept as validation data and the other 400 to train on; then
/// `optimization_trial` trials (the book: 100), each drawing the weight decay
/// `10 ** uniform(-8, -4)` and then the learning rate `10 ** uniform(-6, -2)`, and training
/// `MultiLayerNet` 784-100×6-10 (ReLU, He's initial weights) with that weight decay by the
/// book's [`Trainer`] for `epochs` epochs (the book: 50) of SGD with that learning rate on
/// mini-batches of 100, measuring the training and validation accuracy at each epoch.
/// `on_trial` is called after each trial.
///
/// Returns the trials best first: by the last validation accuracy, highest first, trials of
/// the same accuracy in the order they ran (Python's `sorted(..., reverse=True)` keeps that
/// order too, and the script sorts its results so).
///
/// It draws from `random` in the script's order: the permutation of the 500 images
/// (`np.random.permutation(500)`: 499 draws), then for each trial the weight decay, the
/// learning rate, the weights, and the mini-batches. Pixels are the book's float32 ones
/// ([`PixelScale::F32`]).
///
/// # Errors
/// [`Error::Config`] if `mnist` has no training images, or `epochs` is 0 (a trial would
/// measure nothing to rank it by).
///
/// ```
/// use scratchnet_book::experiments::hyperparameter_optimization;
/// use scratchnet_book::random::numpy::RandomState;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let mut numpy = RandomState::new(0); // np.random.seed(0)
/// let trials = hyperparameter_optimization(&mnist, 3, 3, &mut numpy, |_| {})?;
/// // the book's script with 3 trials of 3 epochs (tests/reference/ch06_overfit_hp.py) draws
/// // these, and its third trial is the best
/// assert_eq!(trials[0].trial, 3);
/// assert_eq!(trials[0].lr, 0.0024980197686192674);
/// assert_eq!(trials[0].weight_decay, 7.267355978470254e-06);
/// assert_eq!(trials[0].val_acc_list, [0.13, 0.12, 0.14]);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn hyperparameter_optimization(
    mnist: &Mnist,
    optimization_trial: usize,
    epochs: usize,
    random: &mut dyn Random,
    mut on_trial: impl FnMut(&Trial),
) -> Result<Vec<Trial>, Error> {
    if epochs == 0 {
        return Err(Error::Config {
            what: "the hyperparameter search",
            problem: "0 epochs would measure nothing to rank the trials by: give at least 1".into(),
        });
    }
    let first = first_training_images(mnist, SEARCH_TRAIN_SIZE)?;
    let (train, validation) = split_validation(&first, random);
    let mut trials = Vec::with_capacity(optimization_trial);
    for trial in 1..=optimization_trial {
        let weight_decay =
            pow10(random.uniform(WEIGHT_DECAY_EXPONENTS.0, WEIGHT_DECAY_EXPONENTS.1));
        let lr = pow10(random.uniform(LR_EXPONENTS.0, LR_EXPONENTS.1));
        let mut network = MultiLayerNet::with_random(
            PIXELS,
            &OVERFIT_HIDDEN,
            CLASSES,
            Activation::Relu,
            WeightInit::He,
            random,
        )
        .with_weight_decay(weight_decay);
        let config = TrainerConfig {
            epochs,
            mini_batch_size: OVERFIT_BATCH_SIZE,
            optimizer: OptimizerConfig::sgd(lr),
            evaluate_sample_num_per_epoch: None,
            pixels: PixelScale::F32,
        };
        let history =
            Trainer::new(&mut network, &train, &validation, config).train(random, |_| {})?;
        let done = Trial {
            trial,
            lr,
            weight_decay,
            val_acc_list: history.test_acc_list,
            train_acc_list: history.train_acc_list,
        };
        on_trial(&done);
        trials.push(done);
    }
    sort_best_first(&mut trials);
    Ok(trials)
}

/// Sorts `trials` by their last validation accuracy, highest first; equal ones keep their
/// order (a stable sort, as Python's `sorted(..., reverse=True)`).
fn sort_best_first(trials: &mut [Trial]) {
    let key = |t: &Trial| t.final_val_acc().unwrap_or(f64::NEG_INFINITY);
    trials.sort_by(|a, b| key(b).total_cmp(&key(a)));
}

/// The smallest and largest learning rate and weight decay among some trials: the ranges the
/// best trials suggest searching next.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchRanges {
    /// `(smallest, largest)` learning rate.
    pub lr: (f64, f64),
    /// `(smallest, largest)` weight decay.
    pub weight_decay: (f64, f64),
}

/// The ranges of learning rate and weight decay among the first `best` of `trials` (all of
/// them if there are fewer): what the best trials suggest, as the book reads figure 6-24
/// ("the learning rate from 0.001 to 0.01, the weight decay from 10⁻⁸ to 10⁻⁶"). `None` for no
/// trial.
///
/// ```
/// use scratchnet_book::experiments::{suggested_ranges, Trial};
/// let trial = |lr, weight_decay| Trial {
///     trial: 1, lr, weight_decay, val_acc_list: vec![0.8], train_acc_list: vec![0.9],
/// };
/// let best = [trial(0.008, 1e-7), trial(0.003, 4e-6), trial(1e-6, 1e-5)];
/// let ranges = suggested_ranges(&best, 2).unwrap();
/// assert_eq!(ranges.lr, (0.003, 0.008));
/// assert_eq!(ranges.weight_decay, (1e-7, 4e-6));
/// ```
#[must_use]
pub fn suggested_ranges(trials: &[Trial], best: usize) -> Option<SearchRanges> {
    let best = &trials[..best.min(trials.len())];
    let range = |value: fn(&Trial) -> f64| {
        best.iter()
            .map(value)
            .fold(None, |r: Option<(f64, f64)>, v| {
                Some(r.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
            })
    };
    Some(SearchRanges {
        lr: range(|t| t.lr)?,
        weight_decay: range(|t| t.weight_decay)?,
    })
}

#[cfg(test)]
mod tests {
    use super::super::overfit_weight_decay::tests::{floats, reference};
    use super::*;
    use crate::random::numpy::RandomState;

    /// The book's script with 3 trials of 3 epochs: the same learning rates and weight decays
    /// to the bit (the same uniform draws, and `powf` is the C library's `pow` that Python's
    /// `**` calls), the same accuracies exactly (counts of right answers over 400 and 100), the
    /// same ranking, and the generator left where NumPy's is.
    #[test]
    fn the_book_s_search_with_numpy_s_draws() {
        let reference = reference();
        let case = &reference["hyperparameter_optimization"];
        let mnist = Mnist::builtin();
        let mut numpy = RandomState::new(0);
        let mut in_order = Vec::new();
        let best = hyperparameter_optimization(
            &mnist,
            case["optimization_trial"].as_u64().unwrap() as usize,
            case["epochs"].as_u64().unwrap() as usize,
            &mut numpy,
            |t| in_order.push(t.clone()),
        )
        .unwrap();
        let want = case["trials"].as_array().unwrap();
        assert_eq!(in_order.len(), want.len());
        for (got, want) in in_order.iter().zip(want) {
            assert_eq!(got.lr.to_bits(), want["lr"].as_f64().unwrap().to_bits());
            assert_eq!(
                got.weight_decay.to_bits(),
                want["weight_decay"].as_f64().unwrap().to_bits()
            );
            assert_eq!(got.val_acc_list, floats(&want["val_acc_list"]));
            assert_eq!(got.train_acc_list, floats(&want["train_acc_list"]));
        }
        assert_eq!(numpy.random_sample(), case["after_draw"].as_f64().unwrap());
        // the book's printed ranking, Best-1 first
        let lines = case["best_lines"].as_array().unwrap();
        for (k, (trial, line)) in best.iter().zip(lines).enumerate() {
            let line = line.as_str().unwrap();
            assert!(line.starts_with(&format!("Best-{}(", k + 1)), "{line}");
            assert!(
                line.contains(&format!(
                    "lr:{},",
                    crate::numpy_style::python_float(trial.lr)
                )),
                "{line}"
            );
        }
    }

    /// The validation data are the first 100 of `np.random.permutation(500)`, as NumPy draws it.
    #[test]
    fn the_validation_data_are_the_first_of_numpy_s_permutation() {
        let reference = reference();
        let want: Vec<usize> = reference["hyperparameter_optimization"]["validation_first"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let mnist = Mnist::builtin();
        let first = mnist.train.first(SEARCH_TRAIN_SIZE);
        let (train, validation) = split_validation(&first, &mut RandomState::new(0));
        assert_eq!((train.len(), validation.len()), (400, 100));
        for (row, &i) in want.iter().enumerate() {
            assert_eq!(validation.images.row(row), first.images.row(i), "{row}");
        }
        let order = RandomState::new(0).permutation(SEARCH_TRAIN_SIZE);
        assert_eq!(order[..want.len()], want[..]);
    }

    /// Python's `10 ** x` for the kind of exponents the search draws, to the bit.
    #[test]
    fn pow10_is_python_s() {
        for pair in reference()["pow10"].as_array().unwrap() {
            let (x, want) = (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
            assert_eq!(pow10(x).to_bits(), want.to_bits(), "10 ** {x}");
        }
    }

    /// Ties keep the order the trials ran in, as Python's stable `sorted(reverse=True)`.
    #[test]
    fn ties_keep_the_order_of_the_trials() {
        let trial = |trial, acc| Trial {
            trial,
            lr: 0.01,
            weight_decay: 1e-6,
            val_acc_list: vec![0.1, acc],
            train_acc_list: vec![0.1, acc],
        };
        let mut trials = vec![trial(1, 0.5), trial(2, 0.7), trial(3, 0.5), trial(4, 0.7)];
        sort_best_first(&mut trials);
        let order: Vec<usize> = trials.iter().map(|t| t.trial).collect();
        assert_eq!(order, [2, 4, 1, 3]);
    }

    #[test]
    fn no_epochs_is_an_error() {
        let mnist = Mnist::builtin();
        let err = hyperparameter_optimization(&mnist, 1, 0, &mut RandomState::new(0), |_| {})
            .unwrap_err();
        assert!(err.to_string().contains("0 epochs"), "{err}");
    }
}
