//! The Initialisation page's route: `GET /api/init-histogram`, the book's
//! `weight_init_activation_histogram.py` (figures 6-10 to 6-14) for one activation and one
//! scale of the initial weights, each layer's histogram as the library counts it.
//!
//! One page's route in one file: the query, its checks and the answer.

use std::sync::Arc;

use axum::extract::{Extension, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use scratchnet_book::experiments::{
    ActivationFunction, ActivationHistogram, Reading, weight_init_activation_histogram,
};
use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::random::Generator;
use scratchnet_book::text::{Lang, playground as say};
use serde::{Deserialize, Serialize};

use super::App;
use super::api::{self, ApiError};

/// The smallest standard deviation `scale` takes (the page's slider starts at 0.001).
pub const MIN_STD: f64 = 1e-6;
/// The largest standard deviation `scale` takes (the page's slider ends at 10).
pub const MAX_STD: f64 = 100.0;

/// This page's route.
pub fn routes() -> Router<Arc<App>> {
    Router::new().route("/api/init-histogram", get(init_histogram))
}

/// The query of `GET /api/init-histogram`: `scratchnet weight-init-histogram`'s flags, with
/// the same defaults.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistogramQuery {
    /// sigmoid (default), tanh or relu.
    #[serde(default = "sigmoid")]
    activation: ActivationFunction,
    /// A standard deviation, or `xavier` or `he`; default 1 (figure 6-10).
    #[serde(default, deserialize_with = "api::not_null")]
    scale: Option<String>,
    /// scratchnet (default) or numpy.
    #[serde(default)]
    rng: Generator,
    /// The generator's seed, default 0.
    #[serde(default)]
    seed: u64,
}

fn sigmoid() -> ActivationFunction {
    ActivationFunction::Sigmoid
}

/// `scale` as the library's [`WeightInit`]: `xavier`, `he` (any case), or a number from
/// [`MIN_STD`] to [`MAX_STD`]; else a 400 naming `scale` and what it takes.
fn scale(given: Option<&str>) -> Result<WeightInit, ApiError> {
    let Some(given) = given else {
        return Ok(WeightInit::Std(1.0));
    };
    match given.trim().to_ascii_lowercase().as_str() {
        "xavier" => return Ok(WeightInit::Xavier),
        "he" => return Ok(WeightInit::He),
        _ => {}
    }
    match given.trim().parse::<f64>() {
        Ok(std) if (MIN_STD..=MAX_STD).contains(&std) => Ok(WeightInit::Std(std)),
        _ => Err(ApiError::bad(
            say::BAD_SCALE
                .with()
                .arg("value", format!("{given:?}"))
                .arg("min", MIN_STD)
                .arg("max", MAX_STD),
        )),
    }
}

/// The name of a scale in the answer: `xavier`, `he`, or the standard deviation.
fn scale_name(init: WeightInit) -> String {
    match init {
        WeightInit::Std(std) => std.to_string(),
        WeightInit::Xavier => "xavier".to_string(),
        WeightInit::He => "he".to_string(),
    }
}

/// The answer of `GET /api/init-histogram`.
#[derive(Debug, Serialize)]
pub struct Histograms {
    activation: ActivationFunction,
    /// `xavier`, `he`, or the standard deviation given.
    scale: String,
    /// The standard deviation the weights were drawn with (Xavier's 0.1, He's √0.02).
    weight_std: f64,
    rng: Generator,
    seed: u64,
    /// What the bars cover: `[0, 1]`, `[-1, 1]` for tanh.
    range: (f64, f64),
    /// The bars' 31 edges, first to last.
    edges: Vec<f64>,
    /// The height a picture gives its axis: the tallest bar of any layer, ReLU's first bars
    /// (its zeros) left out.
    top: usize,
    /// The five layers, first first.
    layers: Vec<Layer>,
    /// What to look for, in the request's language.
    reading: Said,
}

/// One layer's histogram.
#[derive(Debug, Serialize)]
struct Layer {
    /// The 30 bars' counts.
    counts: Vec<usize>,
    /// Activations outside the range, in no bar (ReLU's above 1).
    left_out: usize,
    /// The mean and standard deviation of the layer's activations.
    mean: f64,
    std: f64,
}

/// A reading: its kind and its sentence.
#[derive(Debug, Serialize)]
struct Said {
    kind: Reading,
    message: String,
}

impl Histograms {
    fn of(run: &ActivationHistogram, rng: Generator, seed: u64, lang: Lang) -> Histograms {
        let counts = run.counts();
        let top = counts
            .iter()
            .map(|c| run.activation.tallest_shown(c))
            .max()
            .unwrap_or(1);
        let layers = run
            .activations
            .iter()
            .zip(counts)
            .map(|(a, counts)| Layer {
                left_out: a.len() - counts.iter().sum::<usize>(),
                counts,
                mean: a.mean().unwrap_or(f64::NAN),
                std: a.std(0.0),
            })
            .collect();
        let reading = run.reading();
        Histograms {
            activation: run.activation,
            scale: scale_name(run.init),
            weight_std: run.weight_std(),
            rng,
            seed,
            range: run.activation.range(),
            edges: run.edges(),
            top,
            layers,
            reading: Said {
                kind: reading,
                message: reading.sentence(run.activation).say(lang),
            },
        }
    }
}

/// `GET /api/init-histogram?activation=relu&scale=he&rng=numpy&seed=0`: the five layers'
/// histograms of [`weight_init_activation_histogram`], their edges, the weights' standard
/// deviation and what to look for.
async fn init_histogram(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
    query: RawQuery,
) -> Result<Json<Histograms>, ApiError> {
    let HistogramQuery {
        activation,
        scale: given,
        rng,
        seed,
    } = api::query(query)?;
    let init = scale(given.as_deref())?;
    let max = u64::from(u32::MAX);
    if rng == Generator::Numpy && seed > max {
        return Err(ApiError::bad(
            say::NUMPY_SEED.with().arg("seed", seed).arg("max", max),
        ));
    }
    api::compute(&app, move || {
        let mut random = rng.seeded(seed).map_err(ApiError::bad)?;
        let run = weight_init_activation_histogram(activation, init, random.as_mut());
        Ok(Json(Histograms::of(&run, rng, seed, lang)))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_is_a_name_or_a_standard_deviation_in_bounds() {
        assert_eq!(scale(None).unwrap(), WeightInit::Std(1.0));
        assert_eq!(scale(Some("Xavier")).unwrap(), WeightInit::Xavier);
        assert_eq!(scale(Some("he")).unwrap(), WeightInit::He);
        assert_eq!(scale(Some("0.01")).unwrap(), WeightInit::Std(0.01));
        assert_eq!(scale(Some("100")).unwrap(), WeightInit::Std(100.0));
        for bad in ["0", "-1", "NaN", "inf", "1e400", "101", "1e-7", "", "lecun"] {
            let refused = format!("{:?}", scale(Some(bad)).unwrap_err());
            assert!(refused.contains("scale"), "{bad}: {refused}");
        }
    }
}
