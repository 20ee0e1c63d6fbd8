//! The network of the book's chapter-6 experiments (`common/multi_layer_net.py`, as
//! `ch06/weight_init_compare.py` builds it): `MultiLayerNet` with four hidden layers of 100 ReLU
//! units and He's initial weights, trained on MNIST by SGD (learning rate 0.01, batches of 128),
//! on the engine: the first layer from the inked pixels, the four after it by matrix products.
//!
//! Expected output on the full MNIST: the accuracies of each epoch (468 iterations), rising from
//! about 0.12 to about 0.935 after 2,000 iterations (`f64`; `--dtype f32` differs in the last
//! digits):
//!
//! ```text
//! epoch 0 (iteration 0): train acc 0.1192, test acc 0.1215
//! epoch 1 (iteration 468): train acc 0.8728, test acc 0.8814
//! ...
//! final weights after 2000 iterations: train acc 0.9349, test acc 0.9359, 4.3 s
//! ```
//!
//! Run with `cargo run --release --example ch06_multi_layer_net -- [ITERS] [--dtype f32|f64]
//! [--data DIR] [--json]` (2,000 iterations and `f64` by default; MNIST from `--data`, else as
//! `scratchnet::find_mnist` finds it). `--json` prints one line instead, as `train --json` does
//! (`bench/run.sh` compares it with the same network in NumPy and PyTorch).

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use scratchnet::data::mnist::{CLASSES, PIXELS};
use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
use scratchnet::real::Dtype;
use scratchnet::train::{TrainConfig, TrainEvent, Training};
use scratchnet::{Activation, OptimizerConfig, OptimizerKind};

/// The book's hidden layers: `hidden_size_list=[100, 100, 100, 100]`.
const HIDDEN: [usize; 4] = [100; 4];

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let (mut iters, mut dtype, mut data, mut json) = (2000, Dtype::F64, None, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--dtype" => match args.next().as_deref() {
                Some("f32") => dtype = Dtype::F32,
                Some("f64") => dtype = Dtype::F64,
                other => bail!(
                    "--dtype takes f32 or f64, not {}",
                    other.unwrap_or("nothing")
                ),
            },
            "--data" => {
                data = Some(PathBuf::from(
                    args.next().context("--data takes a directory")?,
                ))
            }
            number => {
                iters = number.parse().with_context(|| {
                    format!("{number:?} is not a number of iterations (or --dtype, --data, --json)")
                })?
            }
        }
    }
    let found = scratchnet::find_mnist(data.as_deref())?;
    eprintln!("{found}");
    let config = TrainConfig {
        iters,
        batch_size: 128,
        hidden: 100,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::new(OptimizerKind::Sgd).with_lr(0.01),
        dtype,
        ..TrainConfig::default()
    };
    let net = MultiLayerNet::new(
        PIXELS,
        &HIDDEN,
        CLASSES,
        Activation::Relu,
        WeightInit::He,
        0,
    );
    let mut training = Training::with_network(config, net)?;
    // indexed once: the non-zero pixels of every image
    let indexed = scratchnet::engine::TrainingData::new(&found.data);
    let engine = scratchnet::engine::plan(&training, &indexed).expect("backpropagation");
    let start = Instant::now();
    scratchnet::engine::run(&mut training, &indexed, |event| {
        if let (TrainEvent::Epoch(e), false) = (event, json) {
            println!(
                "epoch {} (iteration {}): train acc {:.4}, test acc {:.4}",
                e.epoch, e.iter, e.train_acc, e.test_acc
            );
        }
        ControlFlow::Continue(())
    });
    let seconds = start.elapsed().as_secs_f64();
    let last = training
        .history
        .final_accuracy
        .context("the run measured its final weights")?;
    if json {
        let line = serde_json::json!({
            "network": scratchnet::net::Network::describe(&training.net),
            "iters": training.next_iter,
            "seconds": seconds,
            "final_test_acc": last.test_acc,
            "engine": engine.to_string(),
        });
        println!("{line}");
    } else {
        println!(
            "final weights after {} iterations: train acc {:.4}, test acc {:.4}, {seconds:.1} s",
            training.next_iter, last.train_acc, last.test_acc
        );
    }
    Ok(())
}
