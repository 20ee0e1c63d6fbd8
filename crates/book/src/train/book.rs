//! The book's training loop (`ch04/train_neuralnet.py`), written out.

use super::{EpochRecord, FinalAccuracy, History, TrainConfig, accuracy};
use crate::data::mnist::{CLASSES, Mnist, PIXELS};
use crate::optim::Optimizer;
use crate::{Error, TwoLayerNet};

/// Trains a [`TwoLayerNet`] on `mnist` as the book's `train_neuralnet.py` does, step by step:
/// draw a mini-batch, take the gradient by backpropagation, update the parameters, record the
/// loss, and once per epoch the accuracy on the whole training and test sets. Dense arrays in
/// `f64`, in the book's order of operations. At the end it measures the accuracy of the final
/// weights too ([`History::final_accuracy`]), which the book's script leaves out: its last
/// epoch's figures belong to older weights unless the last iteration starts an epoch.
///
/// [`Training::run`](super::Training::run) computes the same history, bit for bit, and adds
/// what a long run needs: stopping and resuming, checkpoints, a guard against divergence,
/// progress reports (the engine, `scratchnet::engine::run`, the same within rounding, faster).
///
/// # Errors
/// As [`TrainConfig::validate`].
///
/// ```
/// use scratchnet_book::train::{TrainConfig, train_neuralnet};
/// let mnist = scratchnet_book::Mnist::builtin();
/// let config = TrainConfig { iters: 301, ..TrainConfig::default() };
/// let (net, history) = train_neuralnet(&mnist, &config)?;
/// // an epoch of the 5,000 built-in images is 50 iterations: measured after 0, 50, ..., 300
/// assert_eq!(history.epochs.len(), 7);
/// assert_eq!(history.loss.len(), 301);
/// // sigmoid starts slowly: test accuracy 0.126 at first, 0.55 after 300 iterations (measured)
/// assert!(history.epochs[0].test_acc < 0.2 && history.epochs[6].test_acc > 0.5);
/// // the last iteration (300) was measured, so the final weights' accuracy is that epoch's
/// let last = history.final_accuracy.unwrap();
/// assert_eq!((last.iters, last.test_acc), (301, history.epochs[6].test_acc));
/// # let _ = net;
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn train_neuralnet(
    mnist: &Mnist,
    config: &TrainConfig,
) -> Result<(TwoLayerNet, History), Error> {
    config.validate()?;
    let (hidden, std) = (config.hidden, config.weight_init_std);
    let mut network =
        TwoLayerNet::new(PIXELS, hidden, CLASSES, std, config.activation, config.seed);
    let mut optimizer = Optimizer::new(config.optimizer)?;

    let train_size = mnist.train.len();
    let iter_per_epoch = config.iters_per_epoch(train_size);
    let mut history = History {
        iters_per_epoch: iter_per_epoch,
        ..History::default()
    };

    for i in 0..config.iters {
        let batch_mask = config.batch_indices(i, train_size);
        let (x_batch, t_batch) = mnist.train.batch(&batch_mask);

        let (_, grad) = network.gradient(x_batch.view(), &t_batch);
        optimizer.update(&mut network.params.views_mut(), &grad.views());

        let loss = network.loss(x_batch.view(), &t_batch);
        history.loss.push(loss);

        if i % iter_per_epoch == 0 {
            let train_acc = accuracy(&network, &mnist.train);
            let test_acc = accuracy(&network, &mnist.test);
            let epoch = i / iter_per_epoch;
            history.epochs.push(EpochRecord {
                epoch,
                iter: i,
                train_acc,
                test_acc,
                loss,
                mean_loss: EpochRecord::mean_loss_of(&history.loss, i, iter_per_epoch),
            });
        }
    }
    // not in the book's script: the accuracies of the weights it ends with (the last epoch's
    // when it was measured on them)
    let last = FinalAccuracy::after(config.iters, &history.epochs, || {
        let train_acc = accuracy(&network, &mnist.train);
        let test_acc = accuracy(&network, &mnist.test);
        (train_acc, test_acc)
    });
    history.final_accuracy = Some(last);
    Ok((network, history))
}
