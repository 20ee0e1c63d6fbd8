//! How `train` ends: the report of a finished run (or its JSON document), and the error of a
//! diverged one.

use std::path::Path;

use scratchnet_book::text::{Lang, commands, training};
use scratchnet_book::train::{AnyTraining, Divergence, TrainConfig};

use super::super::print_json;
use super::TrainArgs;
use scratchnet_engine::Plan;

/// How a run diverged: [`Outcome::Diverged`](scratchnet_book::train::Outcome::Diverged)'s fields.
pub(super) struct Diverged {
    pub(super) iter: usize,
    pub(super) loss: f64,
    pub(super) mean_after: Option<f64>,
    pub(super) weights_of: usize,
}

/// The error of a run whose loss blew up.
pub(super) fn diverged(
    args: &TrainArgs,
    training: &AnyTraining,
    how: Diverged,
    lang: Lang,
) -> anyhow::Error {
    let config = training.config();
    let Diverged {
        iter,
        loss,
        mean_after,
        weights_of,
    } = how;
    let what = match mean_after {
        Some(mean) => commands::TRAIN_SPIKE.say(
            lang,
            &[
                ("iter", &iter),
                ("loss", &format!("{loss:.4}")),
                ("guess", &format!("{:.2}", 10f64.ln())),
                ("window", &(training.next_iter() - iter - 1)),
                ("mean", &format!("{mean:.4}")),
            ],
        ),
        None => commands::TRAIN_NOT_FINITE.say(lang, &[("iter", &iter), ("loss", &loss)]),
    };
    let mut saved = Vec::new();
    if let Some(path) = &args.save {
        let which = if mean_after.is_some() {
            &commands::SAVED_WEIGHTS_STOPPED
        } else {
            &commands::SAVED_WEIGHTS_FINITE
        };
        saved.push(which.say(lang, &[("iters", &weights_of), ("path", &path.display())]));
    }
    if let Some(path) = &args.history {
        saved.push(commands::SAVED_HISTORY.say(lang, &[("path", &path.display())]));
    }
    if let Some(path) = &args.plot {
        saved.push(commands::SAVED_CURVES.say(lang, &[("path", &path.display())]));
    }
    let saved = if saved.is_empty() {
        String::new()
    } else {
        let list = saved.join(lang.pick("; ", ", "));
        commands::TRAIN_SAVED.say(lang, &[("list", &list)])
    };
    anyhow::anyhow!(commands::TRAIN_DIVERGED.say(
        lang,
        &[
            ("what", &what),
            ("lr", &config.optimizer.lr),
            ("smaller", &(config.optimizer.lr / 10.0).min(0.1)),
            ("saved", &saved),
        ],
    ))
}

/// The final accuracies and where each output went, or the JSON document.
pub(super) fn report(
    args: &TrainArgs,
    training: &AnyTraining,
    checkpoint_dir: Option<&Path>,
    seconds: f64,
    plan: Option<&Plan>,
    lang: Lang,
) -> anyhow::Result<()> {
    let last = training.history().final_accuracy;
    if args.json {
        let epochs = &training.history().epochs;
        return print_json(&TrainDocument {
            format: training.format(),
            config: training.config(),
            iters: training.next_iter(),
            seconds,
            train_acc: epochs.iter().map(|e| e.train_acc).collect(),
            test_acc: epochs.iter().map(|e| e.test_acc).collect(),
            final_train_acc: last.map(|e| e.train_acc),
            final_test_acc: last.map(|e| e.test_acc),
            final_loss: training.history().loss.last().copied(),
            divergences: &training.history().divergences,
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
            "{}",
            training::FINAL_LINE.say(
                lang,
                &[
                    ("train", &format!("{:.4}", e.train_acc)),
                    ("test", &format!("{:.4}", e.test_acc)),
                    ("iters", &e.iters),
                    ("seconds", &format!("{seconds:.1}")),
                ],
            )
        );
    }
    for (what, path) in [
        (&commands::HISTORY, &args.history),
        (&commands::CURVES, &args.plot),
        (&commands::WEIGHTS, &args.save),
    ] {
        if let Some(path) = path {
            outln!("{}", what.say(lang, &[("path", &path.display())]));
        }
    }
    if let Some(dir) = checkpoint_dir {
        outln!(
            "{}",
            commands::CHECKPOINT.say(lang, &[("path", &dir.display())])
        );
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
