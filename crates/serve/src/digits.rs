//! The Digits page's routes: a drawing read by a network, the test images, the confusion
//! matrix.
//!
//! Three networks can answer: the *default* one (`--model FILE`, or the book's network trained
//! on the built-in slice while the server starts), the book's convolutional network trained on
//! the slice when first asked for (`?model=conv`), and the Training page's latest
//! (`?model=training`). Each is measured once on the whole test set; its predictions make the
//! confusion matrix and the lists of mistakes. A network with a convolution also shows what its
//! first layer makes of a drawing (its feature maps).
//!
//! One page's routes in one file: the networks, the drawing, the test images and their answers,
//! about 500 lines.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Extension, Path as UrlPath, RawQuery, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use ndarray::{Array2, Axis};
use scratchnet_book::Mnist;
use scratchnet_book::data::handwriting::mnist_style;
use scratchnet_book::data::mnist::CLASSES;
use scratchnet_book::net::file::{AnyNetwork, load_network};
use scratchnet_book::text::{Lang, Sentence, Text, playground as say};
use scratchnet_book::train::{AnyTraining, TrainConfig, confusion_matrix, predictions};
use serde::{Deserialize, Serialize};

use super::App;
use super::api::{self, ApiError};

/// The largest drawing `POST /api/digits/predict` takes: 560 × 560 pixels.
pub const MAX_CANVAS: usize = 560;
/// The most images one list of mistakes returns.
pub const MAX_LIST: usize = 200;
/// How the built-in network is trained: the book's network and settings, 2,000 iterations
/// (40 epochs of the 5,000-image slice), in f32.
pub fn built_in_config() -> TrainConfig {
    TrainConfig {
        iters: 2_000,
        dtype: scratchnet_book::real::Dtype::F32,
        ..TrainConfig::default()
    }
}
/// How the built-in convolutional network is trained: `train_convnet.py`'s network and
/// settings, 500 iterations (10 epochs of the 5,000-image slice), in f32, on every core (for a
/// few seconds, beside whatever else runs: it is not one of the compute slots).
pub fn built_in_conv_config() -> TrainConfig {
    TrainConfig {
        iters: 500,
        dtype: scratchnet_book::real::Dtype::F32,
        ..TrainConfig::train_convnet()
    }
}

/// This page's routes.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/digits/model", get(model))
        .route("/api/digits/predict", post(predict))
        .route("/api/digits/test/{index}", get(test_image))
        .route("/api/digits/confusion", get(confusion))
        .route("/api/digits/misclassified", get(misclassified))
}

/// A network with its predictions on the test set.
#[derive(Debug)]
pub struct Model {
    net: AnyNetwork,
    /// Which network, in words of either language.
    name: Sentence,
    /// The predicted digit of every test image.
    predictions: Vec<usize>,
    /// `[label][predicted]` over the test set.
    confusion: [[usize; CLASSES]; CLASSES],
    accuracy: f64,
}

impl Model {
    fn new(net: AnyNetwork, name: Sentence, data: &Mnist) -> Self {
        let predictions = predictions(&*net, &data.test);
        let confusion = confusion_matrix(&predictions, &data.test);
        let right: usize = (0..CLASSES).map(|k| confusion[k][k]).sum();
        Model {
            accuracy: right as f64 / data.test.len().max(1) as f64,
            net,
            name,
            predictions,
            confusion,
        }
    }
}

/// A built-in network: `None` while it trains, then the network or why there is none.
type BuiltInSlot = Arc<Mutex<Option<Result<Arc<Model>, Sentence>>>>;

/// The default network (ready or still training), the built-in convolutional one (once asked
/// for) and the Training page's, measured.
#[derive(Debug)]
pub struct Models {
    default: BuiltInSlot,
    conv: BuiltInSlot,
    /// Whether the convolutional network's training has been started.
    conv_started: AtomicBool,
    data: Arc<Mnist>,
    training: Mutex<Option<(super::training::NetworkKey, Arc<Model>)>>,
}

impl Models {
    /// `--model FILE`, measured on `data`'s test set.
    pub fn load(path: &Path, data: Arc<Mnist>) -> anyhow::Result<Self> {
        let net = load_network(path)?;
        let name = say::MODEL_FILE
            .with()
            .arg("path", path.display())
            .arg("net", net.describe());
        let model = Model::new(net, name, &data);
        Ok(Self::with_default(Some(Ok(Arc::new(model))), data))
    }

    /// The book's network trained on the built-in slice ([`built_in_config`]) on a thread of its
    /// own, measured on `data`'s test set when done.
    pub fn built_in(data: Arc<Mnist>) -> Self {
        let models = Self::with_default(None, data);
        train_built_in(
            built_in_config(),
            &say::MODEL_BUILT_IN,
            &models.default,
            &models.data,
        );
        models
    }

    fn with_default(default: Option<Result<Arc<Model>, Sentence>>, data: Arc<Mnist>) -> Self {
        Models {
            default: Arc::new(Mutex::new(default)),
            conv: Arc::new(Mutex::new(None)),
            conv_started: AtomicBool::new(false),
            data,
            training: Mutex::new(None),
        }
    }
}

/// Trains `config`'s network on the built-in slice on a thread of its own and puts it, measured
/// on `data`'s test set and named by `name` (`{net}`, `{iters}`), into `slot`.
/// The slot is always filled: with the reason when the training fails, panics or has no thread,
/// so that no one is told "still training" for ever.
fn train_built_in(config: TrainConfig, name: &'static Text, slot: &BuiltInSlot, data: &Arc<Mnist>) {
    let (filled, data) = (slot.clone(), data.clone());
    let spawned = std::thread::Builder::new()
        .name("built-in network".into())
        .spawn(move || {
            let trained = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                AnyTraining::new(config).map(|mut training| {
                    let slice = Mnist::builtin();
                    let indexed = scratchnet_engine::TrainingData::new(&slice);
                    scratchnet_engine::run_any(&mut training, &indexed, |_| {
                        std::ops::ControlFlow::Continue(())
                    });
                    let net = training.network_copy();
                    let name = name
                        .with()
                        .arg("net", net.describe())
                        .arg("iters", training.config().iters);
                    Arc::new(Model::new(net, name, &data))
                })
            }));
            let result = match trained {
                Ok(result) => result.map_err(|e| api::Message::from(e).into_sentence()),
                Err(_) => Err(
                    api::Message::from("its training stopped on an internal error").into_sentence(),
                ),
            };
            *lock(&filled) = Some(result);
        });
    if let Err(e) = spawned {
        let why = api::Message::from(format!("no thread could be started for it: {e}"));
        *lock(slot) = Some(Err(why.into_sentence()));
    }
}

/// A built-in network's slot: the network, or why there is none, or `still` (unavailable)
/// while it trains.
fn ready(slot: &BuiltInSlot, still: &'static Text) -> Result<Arc<Model>, ApiError> {
    match lock(slot).as_ref() {
        None => Err(ApiError::unavailable(still.with())),
        Some(Err(e)) => Err(ApiError::internal(
            say::BUILT_IN_FAILED.with().said("why", e.clone()),
        )),
        Some(Ok(model)) => Ok(model.clone()),
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Which {
    #[default]
    Default,
    Conv,
    Training,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelQuery {
    #[serde(default)]
    model: Which,
}

/// The network asked for, measured (on a compute slot the first time).
async fn chosen(app: &Arc<App>, which: Which) -> Result<Arc<Model>, ApiError> {
    match which {
        Which::Default => ready(&app.digits.default, &say::STILL_TRAINING),
        Which::Conv => {
            let models = &app.digits;
            if !models.conv_started.swap(true, Ordering::SeqCst) {
                train_built_in(
                    built_in_conv_config(),
                    &say::MODEL_BUILT_IN_CONV,
                    &models.conv,
                    &models.data,
                );
            }
            ready(&models.conv, &say::CONV_STILL_TRAINING)
        }
        Which::Training => {
            let none = || ApiError::conflict(say::NO_TRAINED_NETWORK.with());
            let key = app.training.network_key().ok_or_else(none)?;
            if let Some((cached, model)) = lock(&app.digits.training).as_ref()
                && *cached == key
            {
                return Ok(model.clone());
            }
            let ((id, iters), net) = app.training.network().ok_or_else(none)?;
            let data = app.data.clone();
            let model = api::compute(app, move || {
                let name = say::MODEL_TRAINING
                    .with()
                    .arg("id", id)
                    .arg("iters", iters)
                    .arg("net", net.describe());
                Ok(Arc::new(Model::new(net, name, &data)))
            })
            .await?;
            *lock(&app.digits.training) = Some(((id, iters), model.clone()));
            Ok(model)
        }
    }
}

/// `GET /api/digits/model`: which network answers, and its test accuracy.
async fn model(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
    query: RawQuery,
) -> Result<Json<ModelInfo>, ApiError> {
    let which = api::query::<ModelQuery>(query)?.model;
    let model = chosen(&app, which).await?;
    Ok(Json(ModelInfo {
        name: model.name.say(lang),
        test_acc: model.accuracy,
        test_images: model.predictions.len(),
        data: app.data_source(lang).to_string(),
    }))
}

/// The answer of `GET /api/digits/model`.
#[derive(Debug, Serialize)]
pub struct ModelInfo {
    name: String,
    test_acc: f64,
    test_images: usize,
    data: String,
}

/// The body of `POST /api/digits/predict`: a drawing, `ink` row by row, 0 (background) to 255.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Drawing {
    width: usize,
    height: usize,
    ink: Vec<u8>,
}

/// `POST /api/digits/predict`: the drawing made into an MNIST image, and the network's ten
/// probabilities for it: `{"input": [784 values in 0..1] | null, "probabilities": [10] |
/// null, "prediction": digit | null, "feature_maps": FeatureMaps | null}` (nulls for a blank
/// drawing; `feature_maps` also for a network without a convolution).
async fn predict(
    State(app): State<Arc<App>>,
    query: RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Reading>, ApiError> {
    let which = api::query::<ModelQuery>(query)?.model;
    let drawing: Drawing = api::body(body)?;
    let (w, h) = (drawing.width, drawing.height);
    if !(1..=MAX_CANVAS).contains(&w) || !(1..=MAX_CANVAS).contains(&h) {
        return Err(ApiError::bad(
            say::CANVAS_SIZE
                .with()
                .arg("w", w)
                .arg("h", h)
                .arg("max", MAX_CANVAS),
        ));
    }
    if drawing.ink.len() != w * h {
        return Err(ApiError::bad(
            say::INK_LENGTH
                .with()
                .arg("n", drawing.ink.len())
                .arg("w", w)
                .arg("h", h)
                .arg("pixels", w * h),
        ));
    }
    let model = chosen(&app, which).await?;
    let ink = Array2::from_shape_fn((h, w), |(r, c)| f64::from(drawing.ink[r * w + c]) / 255.0);
    let Some(input) = mnist_style(ink.view()) else {
        return Ok(Json(Reading {
            input: None,
            probabilities: None,
            prediction: None,
            feature_maps: None,
        }));
    };
    let x = input.view().insert_axis(Axis(0));
    let p = model.net.probabilities(x);
    let prediction = scratchnet_book::argmax(p.row(0).iter().copied());
    let feature_maps = model.net.feature_maps(input.view()).map(|maps| {
        let (count, height, width) = maps.dim();
        FeatureMaps {
            count,
            height,
            width,
            // a picture's worth of precision, half the bytes of f64's
            values: maps.iter().map(|&v| v as f32).collect(),
        }
    });
    Ok(Json(Reading {
        input: Some(input.to_vec()),
        probabilities: Some(p.row(0).to_vec()),
        prediction: Some(prediction),
        feature_maps,
    }))
}

/// The answer of `POST /api/digits/predict`: the drawing made into an MNIST image, the
/// probabilities of the ten digits and the prediction; all `null` for a blank drawing. With a
/// convolutional network, its first layer's feature maps too.
#[derive(Debug, Serialize)]
pub struct Reading {
    input: Option<Vec<f64>>,
    probabilities: Option<Vec<f64>>,
    prediction: Option<usize>,
    feature_maps: Option<FeatureMaps>,
}

/// The first convolution's output through its activation for the drawing
/// ([`Network::feature_maps`](scratchnet_book::net::Network::feature_maps)): `count` maps of
/// `height × width`, map after map, row by row, rounded to f32.
#[derive(Debug, Serialize)]
pub struct FeatureMaps {
    count: usize,
    height: usize,
    width: usize,
    values: Vec<f32>,
}

/// `GET /api/digits/test/{index}`: a test image, its label, and what the network says.
async fn test_image(
    State(app): State<Arc<App>>,
    index: Result<UrlPath<usize>, PathRejection>,
    query: RawQuery,
) -> Result<Json<TestImage>, ApiError> {
    let n = app.data.test.len();
    let last = n.saturating_sub(1);
    let UrlPath(index) =
        index.map_err(|_| ApiError::bad(say::BAD_INDEX.with().arg("last", last)))?;
    if index >= n {
        return Err(ApiError::not_found(
            say::NO_TEST_IMAGE
                .with()
                .arg("index", index)
                .arg("n", n)
                .arg("last", last),
        ));
    }
    let model = chosen(&app, api::query::<ModelQuery>(query)?.model).await?;
    let (x, labels) = app.data.test.slice(index..index + 1);
    let p = model.net.probabilities(x.view());
    Ok(Json(TestImage {
        index,
        label: labels[0],
        pixels: app.data.test.images.row(index).to_vec(),
        probabilities: p.row(0).to_vec(),
        prediction: model.predictions[index],
    }))
}

/// The answer of `GET /api/digits/test/{index}`: the image's 784 pixels (0 to 255), its label,
/// the probabilities and the prediction.
#[derive(Debug, Serialize)]
pub struct TestImage {
    index: usize,
    label: usize,
    pixels: Vec<u8>,
    probabilities: Vec<f64>,
    prediction: usize,
}

/// `GET /api/digits/confusion`: `matrix[label][predicted]`, counted over the test set.
async fn confusion(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
    query: RawQuery,
) -> Result<Json<Confusion>, ApiError> {
    let model = chosen(&app, api::query::<ModelQuery>(query)?.model).await?;
    Ok(Json(Confusion {
        matrix: model.confusion,
        test_acc: model.accuracy,
        test_images: model.predictions.len(),
        name: model.name.say(lang),
    }))
}

/// The answer of `GET /api/digits/confusion`: `matrix[label][predicted]`.
#[derive(Debug, Serialize)]
pub struct Confusion {
    matrix: [[usize; CLASSES]; CLASSES],
    test_acc: f64,
    test_images: usize,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CellQuery {
    #[serde(default)]
    model: Which,
    label: usize,
    predicted: usize,
    #[serde(default = "list_default")]
    limit: usize,
}

fn list_default() -> usize {
    60
}

/// `GET /api/digits/misclassified?label=L&predicted=P`: the test images of digit L the network
/// read as P (the first `limit`, at most [`MAX_LIST`]), with their pixels, and how many there are.
async fn misclassified(
    State(app): State<Arc<App>>,
    query: RawQuery,
) -> Result<Json<Cell>, ApiError> {
    let q: CellQuery = api::query(query)?;
    if q.label >= CLASSES || q.predicted >= CLASSES {
        return Err(ApiError::bad(
            say::NOT_DIGITS
                .with()
                .arg("label", q.label)
                .arg("predicted", q.predicted),
        ));
    }
    if !(1..=MAX_LIST).contains(&q.limit) {
        return Err(ApiError::bad(
            say::BAD_LIMIT
                .with()
                .arg("limit", q.limit)
                .arg("max", MAX_LIST),
        ));
    }
    let model = chosen(&app, q.model).await?;
    let matching: Vec<usize> = (0..model.predictions.len())
        .filter(|&i| {
            usize::from(app.data.test.labels[i]) == q.label && model.predictions[i] == q.predicted
        })
        .collect();
    let images = matching
        .iter()
        .take(q.limit)
        .map(|&i| CellImage {
            index: i,
            pixels: app.data.test.images.row(i).to_vec(),
        })
        .collect();
    Ok(Json(Cell {
        count: matching.len(),
        images,
    }))
}

/// The answer of `GET /api/digits/cell`: how many test images of one label were given one
/// prediction, and the first of them.
#[derive(Debug, Serialize)]
pub struct Cell {
    count: usize,
    images: Vec<CellImage>,
}

/// A test image in [`Cell`].
#[derive(Debug, Serialize)]
struct CellImage {
    index: usize,
    pixels: Vec<u8>,
}
