//! The book's `ch06/optimizer_compare_mnist.py` (section 6.1.8, "comparing update rules on
//! MNIST").
//!
//! The same network, the same initial weights and the same mini-batches (batch 128), trained
//! with SGD, Momentum, AdaGrad and Adam at the book's default learning rates (0.01; Adam 0.001),
//! the losses smoothed as the book does and drawn in one picture (figure 6-9). The book trains a
//! five-layer network (four hidden layers of 100); this is the two-layer network of chapter 4
//! with 100 ReLU units. Expected output: every 500 iterations, each rule's loss, SGD far behind
//! the others at first (about 2.0 against 0.3-0.4 after 500 iterations), then a picture:
//!
//! ```text
//! ===== iteration 0
//! SGD: 2.3031
//! ...
//! picture: scratchnet-examples/optimizer_compare_mnist.png
//! ```
//!
//! MNIST is found by `scratchnet::find_mnist` (`$SCRATCHNET_DATA`, the cache `scratchnet
//! fetch-mnist` fills, else the built-in slice). Run with
//! `cargo run --release --example ch06_optimizer_compare_mnist` (a first argument sets the
//! number of iterations, 2000 by default).

use std::ops::ControlFlow;
use std::path::Path;

use scratchnet::plot::plot_loss_curves;
use scratchnet::train::{TrainConfig, Training};
use scratchnet::{Activation, OptimizerConfig, OptimizerKind};

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let iters = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let found = scratchnet::find_mnist(None)?;
    eprintln!("{found}");
    let data = found.data;
    let kinds = [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::AdaGrad,
        OptimizerKind::Adam,
    ];
    // indexed once for the engine, which computes the book's steps faster
    let indexed = scratchnet::engine::TrainingData::new(&data);
    let mut curves = Vec::new();
    for kind in kinds {
        let config = TrainConfig {
            iters,
            batch_size: 128,
            hidden: 100,
            activation: Activation::Relu,
            optimizer: OptimizerConfig::new(kind),
            ..TrainConfig::default()
        };
        let mut training = Training::new(config)?;
        scratchnet::engine::run(&mut training, &indexed, |_| ControlFlow::Continue(()));
        curves.push((kind.title().to_string(), training.history.loss));
    }
    for i in (0..iters).step_by(500) {
        println!("===== iteration {i}");
        for (name, loss) in &curves {
            println!("{name}: {:.4}", loss[i]);
        }
    }
    std::fs::create_dir_all("scratchnet-examples").expect("the current directory is writable");
    let path = Path::new("scratchnet-examples/optimizer_compare_mnist.png");
    plot_loss_curves(&curves, 2.5, "the book's figure 6-9: update rules on MNIST")?.save(path)?;
    println!("picture: {}", path.display());
    Ok(())
}
