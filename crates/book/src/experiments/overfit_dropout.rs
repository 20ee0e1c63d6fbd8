//! The book's `ch06/overfit_dropout.py` (section 6.4.3, figure 6-23): the network that
//! overfits 300 images ([`overfit_weight_decay`](super::overfit_weight_decay)), now with
//! Dropout — each training pass turns off a random fifth of the hidden units — trained by the
//! book's `Trainer`: the gap between training and test accuracy narrows.

use super::overfit_weight_decay::{
    OVERFIT_BATCH_SIZE, OVERFIT_HIDDEN, OVERFIT_LR, OVERFIT_TRAIN_SIZE, OverfitRun, Regularization,
    first_training_images,
};
use crate::Error;
use crate::data::mnist::{CLASSES, Mnist, PIXELS, PixelScale};
use crate::net::multi_layer::WeightInit;
use crate::net::multi_layer_extend::MultiLayerNetExtend;
use crate::net::two_layer::Activation;
use crate::optim::OptimizerConfig;
use crate::random::Random;
use crate::train::trainer::{EpochLine, Trainer, TrainerConfig};

/// `overfit_dropout.py`'s `epochs`.
pub const DROPOUT_EPOCHS: usize = 301;
/// `overfit_dropout.py`'s `dropout_ratio`.
pub const DROPOUT_RATIO: f64 = 0.2;

/// Runs the book's `overfit_dropout.py`: `MultiLayerNetExtend` 784-100×6-10 (ReLU, He's
/// initial weights) with Dropout of ratio `dropout_ratio` after each hidden layer (`None`: the
/// script's `use_dropout = False`), trained by the book's [`Trainer`] on the first 300 training
/// images of `mnist`, tested on the whole test set: `epochs` epochs (the book: 301) of SGD
/// (lr 0.01) on mini-batches of 100. `on_epoch` is called after each measurement, as the
/// Trainer reports it.
///
/// It draws from `random` in the script's order: the weights, then in each iteration the
/// mini-batch and Dropout's masks (the [`Trainer`]'s order). Pixels are the book's float32
/// ones ([`PixelScale::F32`]).
///
/// # Errors
/// [`Error::Config`] if `mnist` has no training images.
///
/// # Panics
/// If `dropout_ratio` is not in `[0, 1)`.
///
/// ```
/// use scratchnet_book::experiments::overfit_dropout;
/// use scratchnet_book::random::numpy::RandomState;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let mut numpy = RandomState::new(0); // np.random.seed(0)
/// let run = overfit_dropout(&mnist, Some(0.2), 3, &mut numpy, |_| {})?;
/// // what the book's script measures with epochs=3 (tests/reference/ch06_overfit_hp.py)
/// assert_eq!(run.train_acc_list, [0.11, 32.0 / 300.0, 35.0 / 300.0]);
/// assert_eq!(run.test_acc_list, [0.101, 0.098, 0.098]);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn overfit_dropout(
    mnist: &Mnist,
    dropout_ratio: Option<f64>,
    epochs: usize,
    random: &mut dyn Random,
    on_epoch: impl FnMut(&EpochLine),
) -> Result<OverfitRun, Error> {
    let train = first_training_images(mnist, OVERFIT_TRAIN_SIZE)?;
    let mut network = MultiLayerNetExtend::with_random(
        PIXELS,
        &OVERFIT_HIDDEN,
        CLASSES,
        Activation::Relu,
        WeightInit::He,
        random,
    );
    if let Some(ratio) = dropout_ratio {
        network = network.with_dropout(ratio);
    }
    let config = TrainerConfig {
        epochs,
        mini_batch_size: OVERFIT_BATCH_SIZE,
        optimizer: OptimizerConfig::sgd(OVERFIT_LR),
        evaluate_sample_num_per_epoch: None,
        pixels: PixelScale::F32,
    };
    let history =
        Trainer::new(&mut network, &train, &mnist.test, config).train(random, on_epoch)?;
    Ok(OverfitRun {
        regularization: Regularization::Dropout {
            ratio: dropout_ratio,
        },
        train_acc_list: history.train_acc_list,
        test_acc_list: history.test_acc_list,
    })
}

#[cfg(test)]
mod tests {
    use super::super::overfit_weight_decay::tests::{floats, reference};
    use super::*;
    use crate::random::numpy::RandomState;

    /// The book's script with and without Dropout: the same accuracies exactly (counts of right
    /// answers, see `the_book_s_overfit_weight_decay_with_numpy_s_draws`), the generator left
    /// where NumPy's is.
    #[test]
    fn the_book_s_overfit_dropout_with_numpy_s_draws() {
        let reference = reference();
        let mnist = Mnist::builtin();
        for case in reference["overfit_dropout"].as_array().unwrap() {
            let ratio = case["use_dropout"]
                .as_bool()
                .unwrap()
                .then(|| case["dropout_ratio"].as_f64().unwrap());
            let epochs = case["epochs"].as_u64().unwrap() as usize;
            let mut numpy = RandomState::new(0);
            let run = overfit_dropout(&mnist, ratio, epochs, &mut numpy, |_| {}).unwrap();
            assert_eq!(
                run.train_acc_list,
                floats(&case["train_acc_list"]),
                "{ratio:?}"
            );
            assert_eq!(
                run.test_acc_list,
                floats(&case["test_acc_list"]),
                "{ratio:?}"
            );
            assert_eq!(numpy.random_sample(), case["after_draw"].as_f64().unwrap());
            assert_eq!(run.regularization.is_none(), ratio.is_none());
        }
    }
}
