//! What `train` writes: the weights, the checkpoint, the history and the learning curves, each
//! to its own file, most valuable first, none stopping the others.

use scratchnet_book::text::{Lang, commands};
use std::path::{Path, PathBuf};

use scratchnet_book::atomic::write_atomically;
use scratchnet_book::train::{AnyTraining, Divergence, EpochRecord, FinalAccuracy, TrainConfig};
use scratchnet_plot::plot_training;

use super::TrainArgs;

/// The files `train` writes (the checkpoint directory apart), with their flags.
pub(super) fn files(args: &TrainArgs) -> impl Iterator<Item = (&'static str, &PathBuf)> {
    [
        ("--save", &args.save),
        ("--history", &args.history),
        ("--plot", &args.plot),
    ]
    .into_iter()
    .filter_map(|(flag, path)| path.as_ref().map(|p| (flag, p)))
}

/// What `train` wrote at the end, and what it could not.
pub(super) struct Written(Vec<(&'static str, PathBuf, anyhow::Result<()>)>);

impl Written {
    /// `Ok` if everything was written; otherwise an error that lists what was and what was not.
    pub(super) fn check(self) -> anyhow::Result<()> {
        let (done, failed): (Vec<_>, Vec<_>) = self.0.into_iter().partition(|(_, _, r)| r.is_ok());
        if failed.is_empty() {
            return Ok(());
        }
        let mut message = failed
            .into_iter()
            .map(|(what, path, e)| {
                format!(
                    "the {what} could not be written to {}: {:#}",
                    path.display(),
                    e.expect_err("failed")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        if done.is_empty() {
            message += "; nothing else was asked for";
        } else {
            let done: Vec<_> = done
                .iter()
                .map(|(what, path, _)| format!("the {what} to {}", path.display()))
                .collect();
            message += &format!("; written: {}", done.join(", "));
        }
        Err(anyhow::anyhow!(message))
    }
}

/// Writes the outputs, most valuable first: the weights (`--save`, if `weights`), the
/// checkpoint (into `checkpoint`), the history, the learning curves. A failure does not stop
/// the others.
pub(super) fn write_outputs(
    args: &TrainArgs,
    training: &AnyTraining,
    checkpoint: Option<&Path>,
    lang: Lang,
) -> Written {
    let mut written = Vec::new();
    if let Some(path) = &args.save {
        written.push((
            "weights",
            path.clone(),
            training.save_network(path).map_err(Into::into),
        ));
    }
    if let Some(dir) = checkpoint {
        let result = training.save_checkpoint(dir).map(drop).map_err(Into::into);
        written.push(("checkpoint", dir.to_path_buf(), result));
    }
    if let Some(path) = &args.history {
        written.push(("history", path.clone(), write_history(path, training)));
    }
    if let Some(path) = &args.plot {
        written.push((
            "learning curves",
            path.clone(),
            write_curves(path, args.format, training, lang),
        ));
    }
    Written(written)
}

/// `--history`: the settings, the loss of every iteration and the accuracies, as JSON.
fn write_history(path: &Path, training: &AnyTraining) -> anyhow::Result<()> {
    let h = training.history();
    let doc = HistoryFile {
        config: training.config(),
        iters_per_epoch: h.iters_per_epoch,
        loss: &h.loss,
        epochs: &h.epochs,
        final_accuracy: h.final_accuracy,
        divergences: &h.divergences,
    };
    write_atomically(path, serde_json::to_string(&doc)?.as_bytes())?;
    Ok(())
}

/// `--plot`: the learning curves.
fn write_curves(
    path: &Path,
    format: Option<super::super::picture::PictureFormat>,
    training: &AnyTraining,
    lang: Lang,
) -> anyhow::Result<()> {
    let config = training.config();
    let title = commands::TRAIN_PLOT_TITLE.say(
        lang,
        &[
            ("net", &config.describe_network(lang)),
            ("rule", &config.optimizer.kind.title()),
            ("settings", &config.optimizer.describe()),
            ("batch", &config.batch_size),
        ],
    );
    plot_training(training.history(), &title)?
        .in_lang(lang)
        .save_as(path, format.map(Into::into))?;
    Ok(())
}

/// The `--history` file: `{"config", "iters_per_epoch", "loss", "epochs", "final"}`.
#[derive(serde::Serialize)]
struct HistoryFile<'a> {
    config: &'a TrainConfig,
    iters_per_epoch: usize,
    loss: &'a [f64],
    epochs: &'a [EpochRecord],
    #[serde(rename = "final")]
    final_accuracy: Option<FinalAccuracy>,
    divergences: &'a [Divergence],
}
