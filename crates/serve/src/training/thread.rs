//! A run's own thread: it makes the network (for a new run), trains on the engine and reports
//! every event into the shared run.

use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use scratchnet_book::text::{Lang, playground as say};
use scratchnet_book::train::{Outcome, TrainConfig, TrainEvent, Training};
use scratchnet_engine::TrainingData;

use super::{GradientNow, RunState};
use crate::App;
use crate::api::ApiError;

/// What a training thread starts from.
#[derive(Debug)]
pub(super) enum Start {
    /// A new run of these settings (checked already): the network is made on the thread.
    New(TrainConfig),
    /// A stopped run.
    Resume(Box<Training>),
}

/// Trains on a thread of its own, reporting into the shared run: each loss, each epoch, each
/// divergence, and how far a numerical gradient is (`Run::gradient`, until its iteration
/// ends). The stop flag is read at every event, so a stop during a numerical gradient comes
/// within one of its reports (100 ms), the iteration abandoned.
// About 95 lines: the training thread and every event it reports into the shared run.
pub(super) fn spawn(
    app: Arc<App>,
    start: Start,
    stop: Arc<AtomicBool>,
) -> Result<std::thread::JoinHandle<()>, ApiError> {
    std::thread::Builder::new()
        .name("training".into())
        .spawn(move || {
            let started = Instant::now();
            let mut training = match start {
                Start::Resume(training) => *training,
                Start::New(config) => match Training::new(config) {
                    Ok(training) => training,
                    Err(e) => {
                        // checked before the thread started: this does not happen
                        if let Some(run) = app.training.lock().as_mut() {
                            let said = crate::api::Message::from(e).into_sentence();
                            run.state = RunState::Diverged {
                                message: Lang::ALL.map(|lang| said.say(lang)),
                            };
                        }
                        app.training.changed();
                        return;
                    }
                },
            };
            let data = TrainingData::new(&app.data);
            let outcome = scratchnet_engine::run(&mut training, &data, |event| {
                let mut slot = app.training.lock();
                if let Some(run) = slot.as_mut() {
                    match event {
                        TrainEvent::Gradient { iter, done, total } => {
                            let started = match run.gradient {
                                Some(now) if now.iter == iter => now.started,
                                _ => Instant::now(),
                            };
                            run.gradient = Some(GradientNow {
                                iter,
                                done,
                                total,
                                seconds: started.elapsed().as_secs_f64(),
                                started,
                            });
                        }
                        TrainEvent::Iteration { loss, .. } => {
                            run.losses.push(loss);
                            run.gradient = None;
                        }
                        TrainEvent::Epoch(record) => run.epochs.push(record.clone()),
                        TrainEvent::Divergence(d) => run.divergences.push(*d),
                        TrainEvent::Evaluating => {}
                    }
                }
                drop(slot);
                app.training.changed();
                if stop.load(Ordering::SeqCst) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            let mut slot = app.training.lock();
            if let Some(run) = slot.as_mut() {
                run.state = match outcome {
                    Outcome::Finished => match training.history.final_accuracy {
                        Some(a) => RunState::Finished {
                            train_acc: a.train_acc,
                            test_acc: a.test_acc,
                        },
                        None => RunState::Stopped,
                    },
                    Outcome::Stopped { .. } => RunState::Stopped,
                    diverged @ Outcome::Diverged { .. } => RunState::Diverged {
                        message: Lang::ALL.map(|lang| diverged.say(lang)),
                    },
                };
                // the epochs as the run recorded them (the fast path reports the last one late)
                run.epochs = training.history.epochs.clone();
                if run.state != RunState::Stopped {
                    // a run that cannot go on needs its weights only: the update rule's state
                    // (up to twice the weights) is given back
                    let step = training.optimizer.state.step;
                    training.optimizer.state = scratchnet_book::optim::OptimizerState {
                        step,
                        ..Default::default()
                    };
                }
                run.seconds += started.elapsed().as_secs_f64();
                run.gradient = None;
                run.training = Some(training);
            }
            drop(slot);
            app.training.changed();
        })
        .map_err(|e| ApiError::internal(say::CANNOT_START_THREAD.with().arg("why", e)))
}
