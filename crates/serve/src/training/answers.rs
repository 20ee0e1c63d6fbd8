//! What the training routes answer, typed: the data, the defaults, and a run as it is now.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::response::IntoResponse;
use scratchnet_book::OptimizerConfig;
use scratchnet_book::OptimizerKind;
use scratchnet_book::text::Lang;
use scratchnet_book::train::{Divergence, EpochRecord, TrainConfig};
use serde::Serialize;
use serde_json::Value;

use super::{GradientNow, Run, Status};
use crate::App;

/// `GET /api/data`: which MNIST the server found, said in the language asked for.
pub(super) async fn data(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
) -> impl IntoResponse {
    axum::Json(DataInfo {
        source: app.data_source(lang),
        train: app.data.train.len(),
        test: app.data.test.len(),
    })
    .into_response()
}

/// The answer of `GET /api/data`: `{"source", "train", "test"}`, the sizes of both sets.
#[derive(Serialize)]
struct DataInfo<'a> {
    source: &'a str,
    train: usize,
    test: usize,
}

/// `GET /api/train/defaults`: the library's defaults, for the pages' controls: `{"train":
/// TrainConfig, "convnet": TrainConfig, "rules": [{"title", "optimizer", "bowl_lr"}]}` (`train`
/// as `train_neuralnet.py`, `convnet` as `train_convnet.py`), the six rules in the book's
/// order, each `optimizer` as `train` would start it ([`TrainConfig::default_lr`] and the
/// book's settings, listing only the settings the rule uses), `bowl_lr` the book's learning
/// rate for it on the bowl (figure 6-8).
pub(super) async fn defaults() -> axum::Json<Defaults> {
    let rules = OptimizerKind::ALL
        .iter()
        .map(|&kind| Rule {
            title: kind.title(),
            optimizer: OptimizerConfig::new(kind).with_lr(TrainConfig::default_lr(kind)),
            bowl_lr: kind.bowl_lr(),
        })
        .collect();
    axum::Json(Defaults {
        train: TrainConfig::default(),
        convnet: TrainConfig::train_convnet(),
        rules,
    })
}

/// The answer of `GET /api/train/defaults`.
#[derive(Debug, Serialize)]
pub struct Defaults {
    train: TrainConfig,
    convnet: TrainConfig,
    rules: Vec<Rule>,
}

/// An update rule in [`Defaults`].
#[derive(Debug, Serialize)]
struct Rule {
    title: &'static str,
    optimizer: OptimizerConfig,
    bowl_lr: f64,
}

/// `GET /api/train`: the run as it is now.
pub(super) async fn status(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
) -> axum::Json<Value> {
    let slot = app.training.lock();
    axum::Json(snapshot(slot.as_ref(), lang))
}

/// Everything about a run, as JSON ([`Snapshot`]): `{"run", "status", "settings",
/// "iters_per_epoch", "next_iter", "losses", "epochs", "divergences", "seconds", "gradient"}`;
/// `{"run": null}` when there is none. `gradient`, `{"iter", "done", "total", "seconds"}`, is
/// there only while a numerical gradient is computed: `done` of the network's `total`
/// parameters of iteration `iter`'s gradient, `seconds` after it started. A value, so that the
/// answer outlives the lock on the run. A diverged run's message is in `lang`.
pub(super) fn snapshot(run: Option<&Run>, lang: Lang) -> Value {
    let doc = match run {
        None => Snapshot {
            run: None,
            details: None,
        },
        Some(run) => Snapshot {
            run: Some(run.id),
            details: Some(SnapshotDetails {
                status: run.state.status(lang),
                settings: &run.config,
                network: run.config.describe_network(lang),
                iters_per_epoch: run.iters_per_epoch,
                next_iter: run.losses.len(),
                losses: &run.losses,
                epochs: &run.epochs,
                divergences: &run.divergences,
                seconds: run.seconds,
                gradient: run.gradient,
            }),
        },
    };
    serde_json::to_value(&doc).expect("plain data serializes")
}

/// The document of [`snapshot`].
#[derive(Serialize)]
struct Snapshot<'a> {
    run: Option<u64>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    details: Option<SnapshotDetails<'a>>,
}

/// A run's fields in [`Snapshot`].
#[derive(Serialize)]
struct SnapshotDetails<'a> {
    status: Status<'a>,
    settings: &'a TrainConfig,
    /// The network the settings train, in the language asked for.
    network: String,
    iters_per_epoch: usize,
    next_iter: usize,
    losses: &'a [f64],
    epochs: &'a [EpochRecord],
    /// The divergences the run went on through (warnings).
    divergences: &'a [Divergence],
    seconds: f64,
    /// The numerical gradient being computed, if one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    gradient: Option<GradientNow>,
}
