//! A run's own thread: it makes the network (for a new run), trains on the engine and reports
//! every event into the shared run. A step (`POST /api/train/step`, `step.rs`) is a run's
//! thread that stops after one iteration and answers what it did.

use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use scratchnet_book::text::{Lang, playground as say};
use scratchnet_book::train::{AnyTraining, Outcome, TrainConfig, TrainEvent};
use scratchnet_engine::TrainingData;

use super::step::{Before, Order};
use super::{GradientNow, RunState};
use crate::App;
use crate::api::ApiError;

/// What a training thread starts from.
#[derive(Debug)]
pub(super) enum Start {
    /// A new run of these settings (checked already): the network is made on the thread.
    New(Box<TrainConfig>),
    /// A stopped run.
    Resume(Box<AnyTraining>),
}

/// Trains on a thread of its own, reporting into the shared run: each loss, each epoch, each
/// divergence, and how far a numerical gradient is (`Run::gradient`, until its iteration
/// ends). The stop flag is read at every event, so a stop during a numerical gradient comes
/// within one of its reports (100 ms), the iteration abandoned.
///
/// With an `order` (a step), the thread stops after one iteration, as if asked to stop when it
/// ended, and answers the order once the run stands where the step left it.
///
/// The thread is given `start` once it exists: when it cannot be made, the error comes back
/// with `start`, so that a stopped run's training is not lost with it.
// About 105 lines: the training thread, every event it reports into the shared run, and a step.
pub(super) fn spawn(
    app: Arc<App>,
    start: Start,
    stop: Arc<AtomicBool>,
    order: Option<Order>,
) -> Result<std::thread::JoinHandle<()>, Box<(ApiError, Start)>> {
    let (give, take) = std::sync::mpsc::sync_channel::<Start>(1);
    let made = std::thread::Builder::new()
        .name("training".into())
        .spawn(move || {
            let Ok(start) = take.recv() else {
                return;
            };
            let started = Instant::now();
            let mut training = match start {
                Start::Resume(training) => *training,
                Start::New(config) => match AnyTraining::new(*config) {
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
            // a step: the parameters before it, and whether its iteration has ended
            let before = order.as_ref().map(|_| Before::of(&training, &app.data));
            let mut ended = false;
            let outcome = scratchnet_engine::run_any(&mut training, &data, |event| {
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
                            ended = true;
                        }
                        TrainEvent::Epoch(record) => run.epochs.push(record.clone()),
                        TrainEvent::Divergence(d) => run.divergences.push(*d),
                        TrainEvent::Evaluating => {}
                    }
                }
                drop(slot);
                app.training.changed();
                if stop.load(Ordering::SeqCst) || (before.is_some() && ended) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            // what the step did, measured before the run is locked
            let step = before.map(|before| before.after(&training, &app.data, &outcome));
            let mut slot = app.training.lock();
            if let Some(run) = slot.as_mut() {
                run.state = match outcome {
                    Outcome::Finished => match training.history().final_accuracy {
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
                run.epochs = training.history().epochs.clone();
                if run.state != RunState::Stopped {
                    // a run that cannot go on needs its weights only: the update rule's state
                    // (up to twice the weights) is given back
                    let optimizer = training.optimizer_mut();
                    let step = optimizer.state.step;
                    optimizer.state = scratchnet_book::optim::OptimizerState {
                        step,
                        ..Default::default()
                    };
                }
                run.seconds += started.elapsed().as_secs_f64();
                run.gradient = None;
                run.training = Some(training);
                if let (Some(order), Some(step)) = (order, step) {
                    order.answer(step, run);
                }
            }
            drop(slot);
            app.training.changed();
        });
    match made {
        Ok(thread) => match give.send(start) {
            Ok(()) => Ok(thread),
            // the thread waits for its start: it can only have gone if it panicked before
            Err(back) => Err(Box::new((
                ApiError::internal(say::THREAD_FAILED.with()),
                back.0,
            ))),
        },
        Err(e) => Err(Box::new((
            ApiError::internal(say::CANNOT_START_THREAD.with().arg("why", e)),
            start,
        ))),
    }
}
