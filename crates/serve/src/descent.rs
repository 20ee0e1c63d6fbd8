//! The Descent page's routes: `POST /api/descend` and `GET /api/landscape(s)`.
//!
//! One page's routes in one file: the request, its checks and its answers, about 400 lines.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use scratchnet_book::descent::Gradient;
use scratchnet_book::formula::Formula;
use scratchnet_book::optim::RuleSettings;
use scratchnet_book::text::{Lang, playground as say};
use scratchnet_book::{Descent, Landscape, OptimizerConfig, OptimizerKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::App;
use super::api::{self, ApiError};
use scratchnet_book::descent::Document;

/// The most starting points, and the most learning rates, in one request.
pub const MAX_LIST: usize = 16;
/// The most steps of one run: 10,000 (the command line allows 1,000,000).
pub const MAX_STEPS: usize = 10_000;
/// The most points all the runs of one request may visit together (runs × (steps + 1)).
pub const MAX_POINTS: usize = 200_000;
/// The most grid points along one side of `GET /api/landscape`.
pub const MAX_GRID: usize = 400;

/// This page's routes.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/descend", post(descend))
        .route("/api/landscapes", get(landscapes))
        .route("/api/landscape", get(landscape))
}

/// The body of `POST /api/descend`: `scratchnet descend`'s flags, with the same defaults (a
/// field left out; `null` is refused).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DescendRequest {
    /// A built-in function (default sphere) ...
    #[serde(default, deserialize_with = "api::not_null")]
    function: Option<Landscape>,
    /// ... or a typed one, in x0 and x1.
    #[serde(default, deserialize_with = "api::not_null")]
    formula: Option<String>,
    /// A point, `[-3, 4]`, or a list of them; default: the function's own start.
    #[serde(default, deserialize_with = "api::not_null")]
    init: Option<Value>,
    /// A learning rate, or a list of them; default 0.1.
    #[serde(default, deserialize_with = "api::not_null")]
    lr: Option<Value>,
    #[serde(default = "hundred")]
    steps: usize,
    #[serde(default = "sgd")]
    optimizer: OptimizerKind,
    #[serde(default, deserialize_with = "api::not_null")]
    momentum: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    decay_rate: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    beta1: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    beta2: Option<f64>,
    /// `"numerical"` (default) or `"exact"`.
    #[serde(default)]
    gradient: GradientName,
    /// The numerical gradient's step, default 1e-4.
    #[serde(default, deserialize_with = "api::not_null")]
    h: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
enum GradientName {
    #[default]
    Numerical,
    Exact,
}

fn hundred() -> usize {
    100
}
fn sgd() -> OptimizerKind {
    OptimizerKind::Sgd
}

/// `POST /api/descend`: every (init, lr) pair, answered with `descend --json`'s document; with
/// `?lang=ko`, the diagnoses' messages are said in Korean (the rest is numbers and names).
async fn descend(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let request: DescendRequest = api::body(body)?;
    let (f, gradient, inits, configs, steps) = request.check()?;
    api::compute(&app, move || {
        let runs = inits
            .iter()
            .flat_map(|init| configs.iter().map(move |&c| (init, c)))
            .map(|(init, config)| {
                match &f {
                    Subject::Builtin(f) => f.descend_using(init, config, steps, gradient),
                    Subject::Typed(f) => f.descend_using(init, config, steps, gradient),
                }
                .map_err(ApiError::bad)
            })
            .collect::<Result<Vec<Descent>, _>>()?;
        let document = match &f {
            Subject::Builtin(f) => Document::new(*f, gradient, &runs),
            Subject::Typed(f) => Document::for_formula(f.text(), gradient, &runs),
        };
        Ok(match lang {
            Lang::En => Json(document).into_response(),
            lang => Json(in_lang(&document, &runs, lang)).into_response(),
        })
    })
    .await
}

/// `document` with its runs' diagnoses said in `lang`: `runs[i].diagnosis.message`.
fn in_lang(document: &Document, runs: &[Descent], lang: Lang) -> Value {
    let mut value = serde_json::to_value(document).expect("plain data serializes");
    if let Some(said) = value.get_mut("runs").and_then(Value::as_array_mut) {
        for (doc, run) in said.iter_mut().zip(runs) {
            doc["diagnosis"]["message"] = Value::String(run.diagnosis.say(lang));
        }
    }
    value
}

/// What to descend: a built-in function or a typed formula.
#[derive(Debug)]
enum Subject {
    Builtin(Landscape),
    Typed(Formula),
}

impl Subject {
    /// `function` or `formula`, not both; neither is the sphere.
    fn from(function: Option<Landscape>, formula: Option<String>) -> Result<Subject, ApiError> {
        match (function, formula) {
            (Some(_), Some(_)) => Err(ApiError::bad(say::NOT_BOTH.with())),
            (f, None) => Ok(Subject::Builtin(f.unwrap_or(Landscape::Sphere))),
            (None, Some(text)) => Formula::parse(&text)
                .map(Subject::Typed)
                .map_err(ApiError::bad),
        }
    }
}

impl Subject {
    /// f at `x`, which has the function's dimension.
    fn eval(&self, x: &[f64]) -> f64 {
        match self {
            Subject::Builtin(f) => f.eval(ndarray::aview1(x)),
            Subject::Typed(f) => f.eval(ndarray::aview1(x)),
        }
    }
}

/// Where a typed formula starts by default: the notebook's (−3, 4).
const FORMULA_START: [f64; 2] = [-3.0, 4.0];

type Checked = (
    Subject,
    Gradient,
    Vec<Vec<f64>>,
    Vec<OptimizerConfig>,
    usize,
);

impl DescendRequest {
    /// The runs to make, every value checked: the points' dimension, the learning rates and
    /// settings, and the limits.
    // About 75 lines: every field of the request checked in the order of the request, each with its
    // message.
    fn check(self) -> Result<Checked, ApiError> {
        let f = Subject::from(self.function, self.formula)?;
        let inits = match (self.init, &f) {
            (None, Subject::Builtin(f)) => vec![f.default_start()],
            (None, Subject::Typed(_)) => vec![FORMULA_START.to_vec()],
            (Some(v), _) => points(&v)?,
        };
        let lrs = match self.lr {
            None => vec![0.1],
            Some(v) => numbers(&v)?,
        };
        for (what, n) in [("init", inits.len()), ("lr", lrs.len())] {
            if n == 0 || n > MAX_LIST {
                return Err(ApiError::bad(
                    say::LIST_SIZE
                        .with()
                        .arg("what", what)
                        .arg("n", n)
                        .arg("max", MAX_LIST),
                ));
            }
        }
        for init in &inits {
            let checked = match &f {
                Subject::Builtin(f) => f.check_point(init).map_err(api::Message::from),
                Subject::Typed(_) if init.len() != 2 => {
                    Err(say::FORMULA_DIMENSION.with().arg("got", init.len()).into())
                }
                Subject::Typed(_) => Ok(()),
            };
            checked.map_err(|problem| {
                ApiError::bad(
                    say::BAD_INIT
                        .with()
                        .arg("init", format!("{init:?}"))
                        .said("problem", problem.into_sentence()),
                )
            })?;
        }
        if self.steps > MAX_STEPS {
            return Err(ApiError::bad(
                say::TOO_MANY_STEPS
                    .with()
                    .arg("steps", self.steps)
                    .arg("max", MAX_STEPS),
            ));
        }
        let points = inits.len() * lrs.len() * (self.steps + 1);
        if points > MAX_POINTS {
            return Err(ApiError::bad(
                say::TOO_MANY_POINTS
                    .with()
                    .arg("runs", inits.len() * lrs.len())
                    .arg("steps", self.steps)
                    .arg("points", points)
                    .arg("max", MAX_POINTS),
            ));
        }
        let given = RuleSettings {
            momentum: self.momentum,
            decay_rate: self.decay_rate,
            beta1: self.beta1,
            beta2: self.beta2,
        };
        let configs = lrs
            .iter()
            .map(|&lr| {
                let config = OptimizerConfig::with_settings(self.optimizer, lr, given);
                config.validate().map(|()| config)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(ApiError::bad)?;
        let gradient = match (self.gradient, self.h) {
            (GradientName::Numerical, h) => Gradient::Numerical {
                h: h.unwrap_or(scratchnet_book::gradient::H),
            },
            (GradientName::Exact, None) => Gradient::Exact,
            (GradientName::Exact, Some(_)) => {
                return Err(ApiError::bad(say::H_WITH_EXACT.with()));
            }
        };
        gradient.validate().map_err(ApiError::bad)?;
        Ok((f, gradient, inits, configs, self.steps))
    }
}

/// `[-3, 4]` as one point, `[[-3, 4], [3, -4]]` as two.
fn points(v: &Value) -> Result<Vec<Vec<f64>>, ApiError> {
    let bad = || ApiError::bad(say::BAD_POINTS.with().arg("value", v));
    match v {
        Value::Array(items) if items.iter().all(Value::is_array) && !items.is_empty() => items
            .iter()
            .map(|p| numbers(p).map_err(|_| bad()))
            .collect(),
        Value::Array(_) => Ok(vec![numbers(v).map_err(|_| bad())?]),
        _ => Err(bad()),
    }
}

/// `0.1` as one number, `[0.1, 10]` as two.
fn numbers(v: &Value) -> Result<Vec<f64>, ApiError> {
    let bad = || ApiError::bad(say::NOT_NUMBERS.with().arg("value", v));
    match v {
        Value::Number(n) => Ok(vec![n.as_f64().ok_or_else(bad)?]),
        Value::Array(items) => items.iter().map(|n| n.as_f64().ok_or_else(bad)).collect(),
        _ => Err(bad()),
    }
}

/// `GET /api/landscapes`: every built-in function with what a page needs to show it.
async fn landscapes() -> Json<Landscapes> {
    let landscapes = Landscape::ALL.iter().map(|&f| describe(f)).collect();
    Json(Landscapes { landscapes })
}

/// The answer of `GET /api/landscapes`.
#[derive(Debug, Serialize)]
pub struct Landscapes {
    landscapes: Vec<Described>,
}

/// What a page needs to show a function: `{"function", "formula", "dim", "view", "start",
/// "minimum": {"at", "value"} or null}`.
#[derive(Debug, Serialize)]
struct Described {
    /// The built-in function's name, or `"formula"`.
    function: FunctionName,
    formula: String,
    dim: usize,
    /// `[lo, hi]` along each axis.
    view: Vec<(f64, f64)>,
    start: Vec<f64>,
    minimum: Option<Minimum>,
}

/// A built-in function by its name, or a typed formula.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum FunctionName {
    Builtin(Landscape),
    Formula(&'static str),
}

/// Where a function's minimum is, and its value there.
#[derive(Debug, Serialize)]
struct Minimum {
    at: Vec<f64>,
    value: f64,
}

fn describe(f: Landscape) -> Described {
    Described {
        function: FunctionName::Builtin(f),
        formula: f.formula().to_string(),
        dim: f.dim(),
        view: f.view(),
        start: f.default_start(),
        minimum: f.minimum().map(|(at, value)| Minimum {
            at: at.to_vec(),
            value,
        }),
    }
}

/// The answer of `GET /api/landscape`: the function described, and its values on a grid,
/// `z[i][j]` at `(x[j], y[i])` (`z[j]` at `x[j]` for a function of one variable).
#[derive(Debug, Serialize)]
pub struct Grid {
    #[serde(flatten)]
    about: Described,
    x: Vec<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<Vec<f64>>,
    z: Values,
}

/// A curve's values, or a map's rows.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Values {
    Curve(Vec<f64>),
    Map(Vec<Vec<f64>>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GridQuery {
    #[serde(default, deserialize_with = "api::not_null")]
    function: Option<Landscape>,
    #[serde(default, deserialize_with = "api::not_null")]
    formula: Option<String>,
    /// For a formula: the map shows [−range, range]², default 5.
    #[serde(default, deserialize_with = "api::not_null")]
    range: Option<f64>,
    #[serde(default = "grid_default")]
    size: usize,
}

/// The largest `range` of a formula's map.
pub const MAX_RANGE: f64 = 1e6;

fn grid_default() -> usize {
    121
}

/// `GET /api/landscape?function=F&size=N`: f on an N × N grid over the function's view (N
/// values along the curve for function_1): `{..describe, "x", "y", "z"}`, `z[i][j]` at
/// `(x[j], y[i])`.
// About 65 lines: the query's checks, then the grid, which the checks size.
async fn landscape(State(app): State<Arc<App>>, query: RawQuery) -> Result<Json<Grid>, ApiError> {
    let GridQuery {
        function,
        formula,
        range,
        size,
    } = api::query(query)?;
    if !(2..=MAX_GRID).contains(&size) {
        return Err(ApiError::bad(
            say::GRID_SIZE.with().arg("size", size).arg("max", MAX_GRID),
        ));
    }
    if function.is_none() && formula.is_none() {
        return Err(ApiError::bad(say::GRID_OF_WHAT.with()));
    }
    let (f, view, about) = match (Subject::from(function, formula)?, range) {
        (Subject::Builtin(f), None) => (Subject::Builtin(f), f.view(), describe(f)),
        (Subject::Builtin(_), Some(_)) => {
            return Err(ApiError::bad(say::RANGE_OF_BUILT_IN.with()));
        }
        (Subject::Typed(formula), range) => {
            let range = range.unwrap_or(5.0);
            if !(range > 0.0 && range <= MAX_RANGE) {
                return Err(ApiError::bad(
                    say::BAD_RANGE
                        .with()
                        .arg("range", range)
                        .arg("max", MAX_RANGE),
                ));
            }
            let about = Described {
                function: FunctionName::Formula("formula"),
                formula: formula.text().to_string(),
                dim: 2,
                view: vec![(-range, range); 2],
                start: FORMULA_START.to_vec(),
                minimum: None,
            };
            (Subject::Typed(formula), vec![(-range, range); 2], about)
        }
    };
    let axis = move |(lo, hi): (f64, f64)| -> Vec<f64> {
        (0..size)
            .map(|i| lo + (hi - lo) * i as f64 / (size - 1) as f64)
            .collect()
    };
    api::compute(&app, move || {
        let x = axis(view[0]);
        let (y, z) = if view.len() == 1 {
            (
                None,
                Values::Curve(x.iter().map(|&a| f.eval(&[a])).collect()),
            )
        } else {
            let y = axis(view[1]);
            let rows = y
                .iter()
                .map(|&b| x.iter().map(|&a| f.eval(&[a, b])).collect())
                .collect();
            (Some(y), Values::Map(rows))
        };
        Ok(Json(Grid { about, x, y, z }))
    })
    .await
}
