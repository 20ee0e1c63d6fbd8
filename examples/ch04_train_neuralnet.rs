//! The book's `ch04/train_neuralnet.py` (section 4.5.2, "mini-batch training").
//!
//! TwoLayerNet 784-50-10 with sigmoid, 10,000 iterations of SGD on mini-batches of 100, learning
//! rate 0.1; train and test accuracy once per epoch (600 iterations). Expected output on the full
//! MNIST: 17 lines like the book's, the accuracy climbing from about 0.10 to about 0.945 (the
//! book prints `train acc, test acc | 0.9467..., 0.9465...` at the end; the exact figures depend
//! on the random draws, which differ from NumPy's):
//!
//! ```text
//! train acc, test acc | 0.1022, 0.1009
//! ...
//! train acc, test acc | 0.9457, 0.9448
//! ```
//!
//! MNIST is found by `scratchnet::find_mnist` (`$SCRATCHNET_DATA`, the cache `scratchnet
//! fetch-mnist` fills, else the built-in slice), which says on stderr which it uses. On the
//! slice's 5,000 images an epoch is 50 iterations: 200 lines, ending near `0.98, 0.905` (the
//! network learns the few training images better than new ones). Run with
//! `cargo run --release --example ch04_train_neuralnet`; a first argument sets the number of
//! iterations (`-- 1200` for two epochs of the full set).

use std::ops::ControlFlow;

use scratchnet::train::{TrainConfig, TrainEvent, Training};

fn main() -> Result<(), scratchnet::Error> {
    let iters = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let found = scratchnet::find_mnist(None)?;
    eprintln!("{found}");
    let data = found.data;
    let mut training = Training::new(TrainConfig {
        iters,
        ..TrainConfig::default()
    })?;
    training.run(&data, |event| {
        if let TrainEvent::Epoch(e) = event {
            println!(
                "train acc, test acc | {:.4}, {:.4}",
                e.train_acc, e.test_acc
            );
        }
        ControlFlow::Continue(())
    });
    Ok(())
}
