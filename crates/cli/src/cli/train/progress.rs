//! `train` while it trains: the progress bar, a line per epoch, a checkpoint after each epoch,
//! and Ctrl-C, which stops the run after its current iteration (during a numerical gradient, at
//! once).

use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use scratchnet_book::train::{
    AnyTraining, DIVERGENCE_WINDOW, Divergence, EpochRecord, GradMethod, Outcome, TrainConfig,
    TrainEvent,
};

use scratchnet_book::text::{Lang, commands, words};

/// Lines for a person: on stdout, or on stderr when stdout carries the JSON document.
pub(super) struct Say {
    pub(super) json: bool,
    pub(super) lang: Lang,
}

impl Say {
    pub(super) fn line(&self, line: &str) {
        if self.json {
            errln!("{line}")
        } else {
            outln!("{line}")
        }
    }
}

/// Runs the training with a progress bar, a line per epoch and, with a checkpoint directory, a
/// checkpoint after each epoch; Ctrl-C stops it after the current iteration, or during a
/// numerical gradient at once (the iteration abandoned: the checkpoint is where it started).
/// A numerical gradient's progress is shown after the message: `∇ done/total` parameters.
pub(super) fn train(
    training: &mut AnyTraining,
    data: &scratchnet_engine::TrainingData,
    checkpoint_dir: Option<&Path>,
    say: &Say,
) -> anyhow::Result<Outcome> {
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = interrupted.clone();
    // A second Ctrl-C while the checkpoint is written is ignored; the handler only sets a flag.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let config = training.config().clone();
    let bar = progress_bar(&config, training.next_iter(), say);
    let (started, first_iter) = (Instant::now(), training.next_iter());
    let images = data.mnist().train.len() + data.mnist().test.len();
    // the message after the last iteration, which a numerical gradient's progress extends
    let mut said = String::new();
    let outcome = loop {
        let mut epoch_done = false;
        let outcome = scratchnet_engine::run_any(training, data, |event| {
            match event {
                TrainEvent::Gradient { done, total, .. } => {
                    bar.set_message(format!("{said}  ∇ {done}/{total}"));
                }
                TrainEvent::Iteration { iter, loss } => {
                    bar.set_position(iter as u64 + 1);
                    said = progress(&config, iter, loss, started, first_iter, say.lang);
                    bar.set_message(said.clone());
                }
                TrainEvent::Evaluating => {
                    bar.set_message(commands::MEASURING.say(say.lang, &[("images", &images)]))
                }
                TrainEvent::Epoch(e) => {
                    bar.suspend(|| say.line(&epoch_line(e, say.lang)));
                    epoch_done = checkpoint_dir.is_some();
                }
                TrainEvent::Divergence(d) => {
                    bar.suspend(|| say.line(&divergence_line(d, say.lang)))
                }
            }
            if interrupted.load(Ordering::SeqCst) || epoch_done {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        if epoch_done && !interrupted.load(Ordering::SeqCst) {
            if let Some(dir) = checkpoint_dir {
                training.save_checkpoint(dir)?;
            }
            if matches!(outcome, Outcome::Stopped { .. }) {
                continue;
            }
        }
        break outcome;
    };
    bar.finish_and_clear();
    Ok(outcome)
}

/// An epoch's line, as `train` and the tour print it: the accuracies measured after the epoch's
/// first iteration and the mean loss of the mini-batches since the previous line.
pub(crate) fn epoch_line(e: &EpochRecord, lang: Lang) -> String {
    scratchnet_book::text::training::EPOCH_LINE.say(
        lang,
        &[
            ("epoch", &format!("{:<3}", e.epoch)),
            ("iter", &format!("{:>5}", e.iter)),
            ("train", &format!("{:.4}", e.train_acc)),
            ("test", &format!("{:.4}", e.test_acc)),
            ("loss", &format!("{:.4}", e.mean_loss)),
        ],
    )
}

/// The warning for a divergence the run goes on through.
pub(crate) fn divergence_line(d: &Divergence, lang: Lang) -> String {
    commands::DIVERGENCE_WARNING.say(
        lang,
        &[
            ("iter", &d.iter),
            ("loss", &format!("{:.4}", d.loss)),
            ("guess", &format!("{:.2}", 10f64.ln())),
            ("window", &DIVERGENCE_WINDOW),
            ("mean", &format!("{:.4}", d.mean_after)),
        ],
    )
}

/// The progress bar's message after iteration `iter`: the loss, and for the numerical
/// gradients how slow they are (the book's lesson, in numbers).
fn progress(
    config: &TrainConfig,
    iter: usize,
    loss: f64,
    started: Instant,
    first: usize,
    lang: Lang,
) -> String {
    let loss = format!("{loss:.4}");
    match config.grad {
        GradMethod::Backprop | GradMethod::BackpropReference => {
            commands::PROGRESS_LOSS.say(lang, &[("loss", &loss)])
        }
        GradMethod::Numerical | GradMethod::NumericalReference => {
            let done = (iter + 1 - first) as f64;
            let per_iter = started.elapsed().as_secs_f64() / done;
            let minutes = per_iter * (config.iters - iter - 1) as f64 / 60.0;
            commands::PROGRESS_NUMERICAL.say(
                lang,
                &[
                    ("loss", &loss),
                    ("grad", &words::grad_method(config.grad).get(lang)),
                    ("seconds", &format!("{per_iter:.2}")),
                    ("minutes", &format!("{minutes:.0}")),
                ],
            )
        }
    }
}

/// The progress bar, on stderr, drawn only when both stdout and stderr are terminals.
fn progress_bar(config: &TrainConfig, start: usize, say: &Say) -> ProgressBar {
    let bar = ProgressBar::new(config.iters as u64);
    if say.json || !std::io::stdout().is_terminal() || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let speed = if matches!(
        config.grad,
        GradMethod::Backprop | GradMethod::BackpropReference
    ) {
        "{rate}, "
    } else {
        ""
    };
    let time =
        commands::PROGRESS_TIME.say(say.lang, &[("elapsed", &"{elapsed}"), ("eta", &"{eta}")]);
    let template = format!("{{bar:30}} {{pos}}/{{len}} {{msg}}  [{speed}{time}]");
    // iterations per second, whole: "1235 it/s" (indicatif's {per_sec} prints "1,234.9282/s")
    let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.0} it/s", state.per_sec());
    };
    bar.set_style(
        ProgressStyle::with_template(&template)
            .map(|style| style.with_key("rate", rate))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_position(start as u64);
    bar
}
