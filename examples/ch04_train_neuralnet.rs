//! The book's `ch04/train_neuralnet.py` (section 4.5.2, "mini-batch training"), written out.
//!
//! TwoLayerNet 784-50-10 with sigmoid, 10,000 iterations of SGD on mini-batches of 100, learning
//! rate 0.1; train and test accuracy once per epoch (600 iterations). Expected output on the full
//! MNIST: 17 lines like the book's, the accuracy climbing from about 0.10 to about 0.945 (the
//! book prints `train acc, test acc | 0.9467..., 0.9465...` at the end; the exact figures depend
//! on the random draws, which differ from NumPy's), then the last mini-batch's loss. On the
//! machine of the guide's Speed page it printed:
//!
//! ```text
//! train acc, test acc | 0.10218333333333333, 0.101
//! ...
//! train acc, test acc | 0.9464833333333333, 0.945
//! loss of the last mini-batch | 0.36539562142312254
//! ```
//!
//! (The last line is after the last iteration; the last accuracies, as the book measures them,
//! after iteration 9,600. The last mini-batch's loss is one batch's, so it jumps around.)
//!
//! The numbers are printed in full, as Python's `str` does: the test
//! `examples::the_loop_the_example_and_the_command_agree` holds them, bit for bit, to
//! [`scratchnet::train::train_neuralnet`] and to `scratchnet train --grad backprop-reference`.
//!
//! MNIST is found by `scratchnet::find_mnist` (`$SCRATCHNET_DATA`, the cache `scratchnet
//! fetch-mnist` fills, else the built-in slice), which says on stderr which it uses. On the
//! slice's 5,000 images an epoch is 50 iterations: 200 lines, ending near `0.98, 0.905` (the
//! network learns the few training images better than new ones). Run with
//! `cargo run --release --example ch04_train_neuralnet`; a first argument sets the number of
//! iterations (`-- 1200` for two epochs of the full set).

use scratchnet::optim::{Optimizer, OptimizerConfig};
use scratchnet::train::{TrainConfig, accuracy};
use scratchnet::{Activation, TwoLayerNet};

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let found = scratchnet::find_mnist(None)?;
    eprintln!("{found}");
    let mnist = found.data;

    // the hyperparameters
    let iters_num = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let train_size = mnist.train.len();
    let batch_size = 100;
    let learning_rate = 0.1;
    let seed = 0;

    let mut network = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, seed);
    let mut optimizer = Optimizer::new(OptimizerConfig::sgd(learning_rate))?;
    // which images each iteration draws: the same as `scratchnet train --seed 0`
    let config = TrainConfig {
        batch_size,
        seed,
        ..TrainConfig::default()
    };

    let mut train_loss_list = Vec::new();
    let iter_per_epoch = (train_size / batch_size).max(1);

    for i in 0..iters_num {
        // draw a mini-batch
        let batch_mask = config.batch_indices(i, train_size);
        let (x_batch, t_batch) = mnist.train.batch(&batch_mask);

        // the gradient, by backpropagation
        let (_, grad) = network.gradient(x_batch.view(), &t_batch);

        // update the parameters: params -= learning_rate * grad
        optimizer.update(&mut network.params.views_mut(), &grad.views());

        // record the learning progress
        let loss = network.loss(x_batch.view(), &t_batch);
        train_loss_list.push(loss);

        // once per epoch, the accuracy on all training and test images
        if i % iter_per_epoch == 0 {
            let train_acc = accuracy(&network, &mnist.train);
            let test_acc = accuracy(&network, &mnist.test);
            println!("train acc, test acc | {train_acc}, {test_acc}");
        }
    }
    if let Some(loss) = train_loss_list.last() {
        println!("loss of the last mini-batch | {loss}");
    }
    Ok(())
}
