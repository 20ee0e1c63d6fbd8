//! `POST /api/train/step`: one mini-batch at a time. A step runs exactly one iteration of the
//! run on the run's own thread (`thread.rs`, which stops it when the iteration ends), so that
//! it is the same iteration a run never stepped takes: the same mini-batch, the same update,
//! the same loss, epoch and final accuracies recorded the same way. Steps and resumes in any
//! order end bit for bit where a run never stepped does, as long as its loss stays finite (a
//! run that diverges falls back to the weights saved where its last piece began).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, State};
use ndarray::ArrayD;
use scratchnet_book::Mnist;
use scratchnet_book::text::{Lang, playground as say};
use scratchnet_book::train::{AnyTraining, Outcome};
use serde::Serialize;
use serde_json::Value;

use super::settings::Settings;
use super::thread::{Start, spawn};
use super::{Run, RunState, new_run, snapshot};
use crate::App;
use crate::api::{self, ApiError};

/// The most images of the mini-batch a step's answer shows (their indices and labels are all
/// there).
pub const STEP_IMAGES: usize = 16;

/// `POST /api/train/step`: runs exactly one iteration and answers what it did ([`Step`]).
///
/// - With no settings (no body, or `{}`): steps the current run, which must be stopped (409
///   while it runs: stop it first; 409 when there is none, or it has finished or diverged).
/// - With settings (the body of `POST /api/train`, read and checked the same way): starts a
///   new run of them (409 while one is running), and runs its first iteration.
///
/// The iteration runs on the run's own thread, as a running run's do (so a stop, or the
/// server's exit, treats it as a running run: a stop during a numerical gradient abandons it,
/// answered 409). The run is then stopped after it (`next_iter` one more), or finished if it
/// was the last iteration, with its final accuracies; the loss, and an epoch's accuracies if
/// the iteration began an epoch, are recorded as a running run records them, and the event
/// streams see them. `POST /api/train/resume` goes on from there.
pub(super) async fn step(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
    body: Result<Bytes, BytesRejection>,
) -> Result<axum::Json<Value>, ApiError> {
    let settings: Settings = api::body(body)?;
    let (reply, answer) = tokio::sync::oneshot::channel();
    let order = Order { lang, reply };
    {
        let mut slot = app.training.lock();
        if settings.given() {
            let mut run = new_run(&app, slot.as_ref(), settings)?;
            let new = Start::New(Box::new(run.config.clone()));
            run.thread =
                Some(spawn(app.clone(), new, run.stop.clone(), Some(order)).map_err(|e| e.0)?);
            *slot = Some(run);
        } else {
            let run = match slot.as_mut() {
                Some(run) if run.state == RunState::Running => {
                    return Err(ApiError::conflict(say::STEP_WHILE_RUNNING.with()));
                }
                Some(run)
                    if run.state == RunState::Stopped
                        && run
                            .training
                            .as_ref()
                            .is_some_and(|t| t.next_iter() < t.config().iters) =>
                {
                    run
                }
                _ => return Err(ApiError::conflict(say::NOTHING_TO_STEP.with())),
            };
            let training = run.training.take().expect("checked above");
            run.stop = Arc::new(AtomicBool::new(false));
            let resume = Start::Resume(Box::new(training));
            run.thread = Some(
                spawn(app.clone(), resume, run.stop.clone(), Some(order))
                    .map_err(|e| super::keep(run, *e))?,
            );
            run.state = RunState::Running;
        }
    }
    app.training.changed();
    let step = answer
        .await
        .map_err(|_| ApiError::internal(say::THREAD_FAILED.with()))??;
    Ok(axum::Json(step))
}

/// A step asked for: the language of its answer's snapshot, and where to send the answer.
#[derive(Debug)]
pub(super) struct Order {
    lang: Lang,
    reply: tokio::sync::oneshot::Sender<Result<Value, ApiError>>,
}

impl Order {
    /// Answers the step with what it did and `run` as it stands after it.
    pub(super) fn answer(self, step: Result<Step, ApiError>, run: &Run) {
        let answer = step.map(|mut step| {
            step.run = run.id;
            step.snapshot = snapshot(Some(run), self.lang);
            serde_json::to_value(&step).expect("plain data serializes")
        });
        // the request gone (the client closed it): the run is where the step left it all the same
        let _ = self.reply.send(answer);
    }
}

/// A run just before a step: the iteration it will run, its mini-batch, and the parameters.
#[derive(Debug)]
pub(super) struct Before {
    iter: usize,
    batch: Vec<usize>,
    params: Vec<(String, ArrayD<f64>)>,
}

impl Before {
    /// `training` as it stands before its next iteration on `data`.
    pub(super) fn of(training: &AnyTraining, data: &Mnist) -> Self {
        let iter = training.next_iter();
        Before {
            iter,
            batch: training.next_batch(data.train.len()),
            params: training
                .network()
                .params()
                .into_iter()
                .map(|(name, p)| (name, p.to_owned()))
                .collect(),
        }
    }

    /// What the step did, `training` as it stands after it ended with `outcome`; 409 if the
    /// iteration was abandoned (stopped during its numerical gradient: nothing changed).
    pub(super) fn after(
        self,
        training: &AnyTraining,
        data: &Mnist,
        outcome: &Outcome,
    ) -> Result<Step, ApiError> {
        if matches!(outcome, Outcome::Stopped { next_iter } if *next_iter == self.iter) {
            return Err(ApiError::conflict(say::STEP_ABANDONED.with()));
        }
        let train = &data.train;
        let changes = self
            .params
            .iter()
            .zip(training.network().params())
            .map(|((name, before), (_, after))| Change::between(name, before, after))
            .collect();
        Ok(Step {
            run: 0,
            iter: self.iter,
            labels: self.batch.iter().map(|&i| train.labels[i]).collect(),
            images: self
                .batch
                .iter()
                .take(STEP_IMAGES)
                .map(|&i| train.images.row(i).to_vec())
                .collect(),
            batch: self.batch,
            // recorded unless the loss was not finite (the run then diverged and stopped)
            loss: training.history().loss.get(self.iter).copied(),
            changes,
            snapshot: Value::Null,
        })
    }
}

/// The answer of `POST /api/train/step`: `{"run", "iter", "batch", "labels", "images", "loss",
/// "changes", "snapshot"}`.
#[derive(Debug, Serialize)]
pub(super) struct Step {
    /// The run stepped.
    run: u64,
    /// The iteration just run, from 0.
    iter: usize,
    /// Its mini-batch: indices into the training set, in the order drawn (with replacement,
    /// so an image may come twice): `Training::next_batch` before the step (`TrainConfig::batch_indices`, or NumPy's next draw).
    batch: Vec<usize>,
    /// Their labels, in the same order.
    labels: Vec<u8>,
    /// The pixels of the first [`STEP_IMAGES`] images of the batch (fewer if the batch is
    /// smaller): 784 each, row by row, 0 (white) to 255 (black).
    images: Vec<Vec<u8>>,
    /// The mini-batch loss after the step, as the run records it (`losses[iter]`); `null` if it
    /// was not finite (the run diverged there).
    loss: Option<f64>,
    /// How each parameter changed, in the network's order (`W1`, `b1`, `W2`, `b2`).
    changes: Vec<Change>,
    /// The run after the step, as `GET /api/train` gives it.
    snapshot: Value,
}

/// How one parameter changed in a step: `{"name", "shape", "norm", "max", "relative"}`, Δ the
/// parameter after the step minus before, in `f64` (for a run in `f32`, the first step's Δ
/// also holds the rounding of the `f64` initial weights to `f32`).
#[derive(Debug, Serialize)]
struct Change {
    /// The parameter: `W1`, `b1`, `W2`, `b2`.
    name: String,
    /// Its shape: `[784, hidden]` for `W1`.
    shape: Vec<usize>,
    /// ‖Δ‖₂, the Frobenius norm: the square root of the sum of the squares.
    norm: f64,
    /// max |Δ|.
    max: f64,
    /// ‖Δ‖ / ‖before‖; `null` when the parameter was all zeros before (the biases before the
    /// first step).
    relative: f64,
}

impl Change {
    /// The change of the parameter `name` from `before` to `after`.
    fn between(name: &str, before: &ArrayD<f64>, after: ndarray::ArrayViewD<f64>) -> Self {
        let (mut delta, mut size, mut max) = (0.0, 0.0, 0.0_f64);
        for (&b, &a) in before.iter().zip(after.iter()) {
            let d = a - b;
            delta += d * d;
            size += b * b;
            max = max.max(d.abs());
        }
        let norm = f64::sqrt(delta);
        Change {
            name: name.to_string(),
            shape: before.shape().to_vec(),
            norm,
            max,
            relative: norm / f64::sqrt(size),
        }
    }
}
