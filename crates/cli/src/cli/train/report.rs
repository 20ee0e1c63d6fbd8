//! How `train` ends: the report of a finished run (or its JSON document), and the error of a
//! diverged one.

use std::path::Path;

use scratchnet_book::train::{Divergence, TrainConfig, Training};
use scratchnet_book::{SavedNetwork, TwoLayerNet};

use super::super::print_json;
use super::TrainArgs;
use scratchnet_engine::Plan;

/// The error of a run whose loss blew up.
pub(super) fn diverged(
    args: &TrainArgs,
    training: &Training,
    iter: usize,
    loss: f64,
    mean_after: Option<f64>,
    weights_of: usize,
) -> anyhow::Error {
    let config = &training.config;
    let what = match mean_after {
        Some(mean) => format!(
            "at iteration {iter} the loss jumped to {loss:.4}, far above the {:.2} of guessing at \
             random, and the next {} iterations averaged {mean:.4}, not half-way down from \
             guessing (--stop-on-divergence)",
            10f64.ln(),
            training.next_iter - iter - 1
        ),
        None => format!("at iteration {iter} the loss or a weight became {loss}"),
    };
    let mut saved = Vec::new();
    if let Some(path) = &args.save {
        let which = if mean_after.is_some() {
            format!("after {weights_of} iterations, where it stopped")
        } else {
            format!("after {weights_of} iterations, the last known finite")
        };
        saved.push(format!("the weights {which} in {}", path.display()));
    }
    if let Some(path) = &args.history {
        saved.push(format!("the history up to there in {}", path.display()));
    }
    if let Some(path) = &args.plot {
        saved.push(format!("its learning curves in {}", path.display()));
    }
    let saved = if saved.is_empty() {
        String::new()
    } else {
        format!(". Saved: {}", saved.join("; "))
    };
    anyhow::anyhow!(
        "training diverged: {what}. The learning rate {} is too large: try a smaller one, such \
         as {}{saved}",
        config.optimizer.lr,
        (config.optimizer.lr / 10.0).min(0.1),
    )
}

/// The final accuracies and where each output went, or the JSON document.
pub(super) fn report(
    args: &TrainArgs,
    training: &Training,
    checkpoint_dir: Option<&Path>,
    seconds: f64,
    plan: Option<&Plan>,
) -> anyhow::Result<()> {
    let last = training.history.final_accuracy;
    if args.json {
        let epochs = &training.history.epochs;
        return print_json(&TrainDocument {
            format: TwoLayerNet::FORMAT,
            config: &training.config,
            iters: training.next_iter,
            seconds,
            train_acc: epochs.iter().map(|e| e.train_acc).collect(),
            test_acc: epochs.iter().map(|e| e.test_acc).collect(),
            final_train_acc: last.map(|e| e.train_acc),
            final_test_acc: last.map(|e| e.test_acc),
            final_loss: training.history.loss.last().copied(),
            divergences: &training.history.divergences,
            engine: plan.map(|p| Engine {
                first_layer: p.to_string(),
                block: p.block,
                cores_per_step: p.cores_per_step,
                helper: p.helper,
                dense_layers: p.dense_layers,
            }),
        });
    }
    if let Some(e) = last {
        outln!(
            "final weights: train acc {:.4}, test acc {:.4} after {} iterations, {seconds:.1} s",
            e.train_acc,
            e.test_acc,
            e.iters
        );
    }
    for (what, path) in [
        ("history", &args.history),
        ("learning curves", &args.plot),
        ("weights", &args.save),
    ] {
        if let Some(path) = path {
            outln!("{what}: {}", path.display());
        }
    }
    if let Some(dir) = checkpoint_dir {
        outln!("checkpoint: {}", dir.display());
    }
    Ok(())
}

/// `train --json`: `{"format", "config", "iters", "seconds", "train_acc", "test_acc",
/// "final_train_acc", "final_test_acc", "final_loss", "divergences", "engine"}`, the accuracies
/// once per epoch, the divergences the run went on through (`[]` if none), the kernels the
/// engine chose for the run's shape (`null` off the engine's backpropagation).
#[derive(serde::Serialize)]
struct TrainDocument<'a> {
    format: &'static str,
    config: &'a TrainConfig,
    iters: usize,
    seconds: f64,
    train_acc: Vec<f64>,
    test_acc: Vec<f64>,
    final_train_acc: Option<f64>,
    final_test_acc: Option<f64>,
    final_loss: Option<f64>,
    divergences: &'a [Divergence],
    engine: Option<Engine>,
}

/// `train --json`'s `"engine"`: the [`Plan`] the engine chose, described and in figures.
#[derive(serde::Serialize)]
struct Engine {
    first_layer: String,
    block: usize,
    cores_per_step: usize,
    helper: bool,
    dense_layers: usize,
}
