//! The Training page's routes: one run of the book's network at a time, on its own thread,
//! watched through server-sent events.
//!
//! A run's settings are read from the request in `settings.rs`; the run's thread (`thread.rs`)
//! owns the [`Training`]; after every iteration it appends the loss to the
//! shared [`Run`] and bumps a version number, which wakes the event streams. Each stream sends
//! what is new at most [`FRAMES_PER_SECOND`] times a second, so a fast run arrives as batches
//! of losses and a slow one loss by loss. A numerical gradient, seconds to half a minute per
//! iteration, reports how far it is in between ([`GradientNow`]), and a stop asked during it
//! abandons the iteration at once: the run stands where it was before it. A step
//! (`POST /api/train/step`, `step.rs`) runs one iteration on the run's thread, which then stops,
//! and answers what it did: the mini-batch, its loss, how much each parameter changed.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use scratchnet_book::net::file::AnyNetwork;
use scratchnet_book::text::{Lang, playground as say};
use scratchnet_book::train::{AnyTraining, Divergence, EpochRecord, TrainConfig};
use serde_json::Value;

use super::App;
use super::api::{self, ApiError};

mod answers;
mod events;
mod settings;
mod step;
mod thread;

use answers::{data, defaults, snapshot, status};
use events::events;
use scratchnet_book::train::Claim;
use settings::Settings;
use thread::{Start, spawn};
/// The most iterations of a run started here: 1,000,000 (the command line allows more).
pub const MAX_ITERS: usize = 1_000_000;
/// The most memory a run started here may take, by [`TrainConfig::memory_bytes`]: 2 GiB.
pub const MEMORY_BUDGET: u64 = 2 << 30;
/// How often a stream sends what is new, at most.
pub const FRAMES_PER_SECOND: u64 = 10;

/// This page's routes.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/data", get(data))
        .route("/api/train/defaults", get(defaults))
        .route("/api/train", get(status).post(start))
        .route("/api/train/stop", post(stop))
        .route("/api/train/resume", post(resume))
        .route("/api/train/step", post(step::step))
        .route("/api/train/events", get(events))
        .route("/api/train/model", get(model))
}

/// A trained network's run number and the iteration it stopped at.
pub type NetworkKey = (u64, usize);

/// The Training page's run, if any, and the version number that changes whenever it does.
#[derive(Debug)]
pub struct Trainer {
    run: Mutex<Option<Run>>,
    version: tokio::sync::watch::Sender<u64>,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            run: Mutex::new(None),
            version: tokio::sync::watch::channel(0).0,
        }
    }
}

/// One run: what it has measured so far (a loss per iteration run, so `losses.len()` is where
/// it is), and where its [`Training`] is.
#[derive(Debug)]
struct Run {
    id: u64,
    config: TrainConfig,
    state: RunState,
    losses: Vec<f64>,
    epochs: Vec<EpochRecord>,
    /// The divergences the run went on through: warnings.
    divergences: Vec<Divergence>,
    iters_per_epoch: usize,
    /// The training, when no thread has it (stopped, finished, diverged).
    training: Option<AnyTraining>,
    /// Asks the thread to stop after the current iteration, or during its numerical gradient,
    /// the iteration then abandoned.
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// Seconds spent training, over all its pieces.
    seconds: f64,
    /// The numerical gradient being computed, if one is.
    gradient: Option<GradientNow>,
}

/// How far the numerical gradient of the iteration in progress is, as the answers give it:
/// `{"iter", "done", "total", "seconds"}`, `done` of the network's `total` parameters done
/// `seconds` after the gradient started (so that a page can tell the time left:
/// `seconds · (total − done) / done`).
#[derive(Clone, Copy, Debug, serde::Serialize)]
struct GradientNow {
    iter: usize,
    done: usize,
    total: usize,
    seconds: f64,
    /// When the gradient started.
    #[serde(skip)]
    started: std::time::Instant,
}

/// Where a run is: answered as [`Status`], in the language asked for.
#[derive(Clone, Debug, PartialEq)]
enum RunState {
    Running,
    Stopped,
    Finished {
        train_acc: f64,
        test_acc: f64,
    },
    /// Why it diverged: in English and in Korean.
    Diverged {
        message: [String; 2],
    },
}

/// A run's state as the answers give it: `{"state": "running" | "stopped" | "finished" |
/// "diverged", ...}`, a diverged run's message in one language.
#[derive(Debug, serde::Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
enum Status<'a> {
    Running,
    Stopped,
    Finished { train_acc: f64, test_acc: f64 },
    Diverged { message: &'a str },
}

impl RunState {
    /// The state, its message in `lang`.
    fn status(&self, lang: Lang) -> Status<'_> {
        match self {
            RunState::Running => Status::Running,
            RunState::Stopped => Status::Stopped,
            &RunState::Finished {
                train_acc,
                test_acc,
            } => Status::Finished {
                train_acc,
                test_acc,
            },
            RunState::Diverged { message } => Status::Diverged {
                message: &message[usize::from(lang == Lang::Ko)],
            },
        }
    }
}

impl Trainer {
    fn lock(&self) -> MutexGuard<'_, Option<Run>> {
        // a poisoned lock only means a thread panicked while holding it; the data is plain
        self.run.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn changed(&self) {
        self.version.send_modify(|v| *v += 1);
    }

    /// The network of the last run that is not training now, for the Digits page and the
    /// download, with its key: the run and the iteration it stopped at (a run stopped, resumed
    /// and stopped again has new weights under the same run number).
    pub fn network(&self) -> Option<(NetworkKey, AnyNetwork)> {
        let run = self.lock();
        let run = run.as_ref()?;
        let training = run.training.as_ref()?;
        (!matches!(run.state, RunState::Diverged { .. }))
            .then(|| ((run.id, training.next_iter()), training.network_copy()))
    }

    /// The file of the network [`network`](Trainer::network) gives, with its run: what the
    /// download is.
    ///
    /// # Errors
    /// As [`AnyTraining::network_file`]; `Ok(None)` when there is no such network.
    fn network_file(&self) -> Result<Option<(u64, Vec<u8>)>, scratchnet_book::Error> {
        let run = self.lock();
        let Some(run) = run.as_ref() else {
            return Ok(None);
        };
        match &run.training {
            Some(training) if !matches!(run.state, RunState::Diverged { .. }) => {
                Ok(Some((run.id, training.network_file()?)))
            }
            _ => Ok(None),
        }
    }

    /// The key [`network`](Trainer::network) would give, without copying the network.
    pub fn network_key(&self) -> Option<NetworkKey> {
        let run = self.lock();
        let run = run.as_ref()?;
        let training = run.training.as_ref()?;
        (!matches!(run.state, RunState::Diverged { .. })).then_some((run.id, training.next_iter()))
    }

    /// When the server stops: a running training is stopped after its iteration (during a
    /// numerical gradient, at once, the iteration abandoned), and a run
    /// that has not finished is saved as a checkpoint (into `dir`, or `./scratchnet-checkpoint`,
    /// `-2`, ...). Says where, or `None` if there was nothing to save.
    pub fn stop_for_exit(&self, dir: Option<&Path>) -> anyhow::Result<Option<String>> {
        let thread = self.lock().as_mut().and_then(|run| {
            run.stop.store(true, Ordering::SeqCst);
            run.thread.take()
        });
        if let Some(thread) = thread {
            let _ = thread.join();
        }
        let run = self.lock();
        let Some(Run {
            training: Some(training),
            state: RunState::Stopped,
            ..
        }) = run.as_ref()
        else {
            return Ok(None);
        };
        // `--checkpoint DIR` in use by another run, or holding another run's checkpoint: the
        // run is saved in the next free default directory rather than lost
        let (claim, refused) = match dir.map(|dir| Claim::take(dir, training.config(), false)) {
            Some(Ok(claim)) => (claim, None),
            Some(Err(e)) => (Claim::default_dir(training.config())?, Some(e)),
            None => (Claim::default_dir(training.config())?, None),
        };
        training.save_checkpoint(claim.dir())?;
        let dir = claim.dir().display();
        let instead = refused.map_or(String::new(), |e| format!(" (not where asked: {e})"));
        Ok(Some(format!(
            "the training stopped at iteration {} of {}; its checkpoint is in {dir}{instead}: \
             continue it with `scratchnet train --resume {dir}`",
            training.next_iter(),
            training.config().iters
        )))
    }
}

/// `POST /api/train`: starts a new run (409 while one is training). Everything is checked
/// before any work: the run, the settings, the memory they would take, the data; the network is
/// made on the run's own thread.
async fn start(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let settings: Settings = api::body(body)?;
    let mut slot = app.training.lock();
    let mut run = new_run(&app, slot.as_ref(), settings)?;
    let new = Start::New(Box::new(run.config.clone()));
    run.thread = Some(spawn(app.clone(), new, run.stop.clone(), None).map_err(|e| e.0)?);
    let answer = snapshot(Some(&run), lang);
    *slot = Some(run);
    drop(slot);
    app.training.changed();
    Ok((axum::http::StatusCode::ACCEPTED, axum::Json(answer)).into_response())
}

/// A new run of `settings`, running but with no thread yet, after `last` (the run there is, if
/// any): 409 while `last` is training; the settings, the memory they would take and the data
/// checked (400, 413).
fn new_run(app: &App, last: Option<&Run>, settings: Settings) -> Result<Run, ApiError> {
    if matches!(last, Some(run) if run.state == RunState::Running) {
        return Err(ApiError::conflict(say::TRAINING_RUNNING.with()));
    }
    let config = settings.config()?;
    let bytes = config.memory_bytes();
    if bytes > MEMORY_BUDGET {
        return Err(ApiError::too_large(
            say::OVER_BUDGET
                .with()
                .arg("hidden", config.hidden)
                .arg("batch", config.batch_size)
                .arg("mib", bytes >> 20)
                .arg("budget", MEMORY_BUDGET >> 20),
        ));
    }
    if app.data.train.is_empty() || app.data.test.is_empty() {
        return Err(ApiError::bad(say::NO_IMAGES.with()));
    }
    let iters_per_epoch = config.iters_per_epoch(app.data.train.len());
    Ok(Run {
        id: last.map_or(1, |run| run.id + 1),
        config,
        state: RunState::Running,
        losses: Vec::new(),
        epochs: Vec::new(),
        divergences: Vec::new(),
        iters_per_epoch,
        training: None,
        stop: Arc::new(AtomicBool::new(false)),
        thread: None,
        seconds: 0.0,
        gradient: None,
    })
}

/// `POST /api/train/stop`: the run stops after its current iteration, or at once during a
/// numerical gradient (the iteration abandoned: within a tenth of a second); answers when it
/// has.
async fn stop(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
) -> Result<axum::Json<Value>, ApiError> {
    let thread = {
        let mut slot = app.training.lock();
        match slot.as_mut() {
            Some(run) if run.state == RunState::Running => {
                run.stop.store(true, Ordering::SeqCst);
                run.thread.take()
            }
            _ => return Err(ApiError::conflict(say::NOTHING_RUNNING.with())),
        }
    };
    if let Some(thread) = thread {
        tokio::task::spawn_blocking(move || thread.join())
            .await
            .map_err(|e| ApiError::internal(e.to_string()))?
            .map_err(|_| ApiError::internal(say::THREAD_FAILED.with()))?;
    }
    let slot = app.training.lock();
    Ok(axum::Json(snapshot(slot.as_ref(), lang)))
}

/// `POST /api/train/resume`: a stopped run goes on from where it stopped.
async fn resume(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
) -> Result<Response, ApiError> {
    let mut slot = app.training.lock();
    let run = match slot.as_mut() {
        Some(run) if run.state == RunState::Stopped => run,
        Some(run) if run.state == RunState::Running => {
            return Err(ApiError::conflict(say::RUNNING_ALREADY.with()));
        }
        _ => {
            return Err(ApiError::conflict(say::NOTHING_TO_RESUME.with()));
        }
    };
    let Some(training) = run.training.take() else {
        return Err(ApiError::conflict(say::NOT_STOPPED_YET.with()));
    };
    run.stop = Arc::new(AtomicBool::new(false));
    let resume = Start::Resume(Box::new(training));
    run.thread =
        Some(spawn(app.clone(), resume, run.stop.clone(), None).map_err(|e| keep(run, *e))?);
    run.state = RunState::Running;
    let answer = snapshot(Some(run), lang);
    drop(slot);
    app.training.changed();
    Ok((axum::http::StatusCode::ACCEPTED, axum::Json(answer)).into_response())
}

/// A stopped run whose thread could not be made keeps its training (and stays stopped): the
/// error to answer.
fn keep(run: &mut Run, (error, start): (ApiError, Start)) -> ApiError {
    if let Start::Resume(training) = start {
        run.training = Some(*training);
    }
    error
}

/// `GET /api/train/model`: the run's network as a safetensors file (once it is not training).
async fn model(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let Some((id, bytes)) = app.training.network_file().map_err(ApiError::internal)? else {
        return Err(ApiError::conflict(say::NOTHING_TO_SAVE.with()));
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"scratchnet-run-{id}.safetensors\""),
            ),
        ],
        Bytes::from(bytes),
    )
        .into_response())
}
