//! The book's `ch04/train_neuralnet.py` (section 4.5.2, "mini-batch training").
//!
//! TwoLayerNet 784-50-10 with sigmoid, 10,000 iterations of SGD on mini-batches of 100, learning
//! rate 0.1; train and test accuracy once per epoch (600 iterations). Expected output: 17 lines
//! like the book's, the accuracy climbing from about 0.10 to about 0.945 (the book prints
//! `train acc, test acc | 0.9467..., 0.9465...` at the end; the exact figures depend on the random
//! draws, which differ from NumPy's):
//!
//! ```text
//! train acc, test acc | 0.1022, 0.1009
//! ...
//! train acc, test acc | 0.9457, 0.9448
//! ```
//!
//! MNIST is read from `$SCRATCHNET_DATA` (or `scratchnet fetch-mnist`'s cache directory). Run
//! with `cargo run --release --example ch04_train_neuralnet`; a first argument sets the number
//! of iterations (`-- 1200` for two epochs).

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
