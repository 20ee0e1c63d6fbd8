//! The body of `POST /api/train`, read into a run's settings and checked as `train` checks its
//! flags.

use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::optim::RuleSettings;
use scratchnet_book::random::Generator;
use scratchnet_book::text::playground as say;
use scratchnet_book::train::{NetworkChoice, NetworkKind, TrainConfig};
use scratchnet_book::{Activation, OptimizerConfig, OptimizerKind};
use serde::Deserialize;

use super::MAX_ITERS;
use crate::api::{self, ApiError};

/// The body of `POST /api/train`: `scratchnet train`'s flags, with the same defaults (a field
/// left out; `null` is refused).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    #[serde(default, deserialize_with = "api::not_null")]
    network: Option<NetworkKind>,
    #[serde(default, deserialize_with = "api::not_null")]
    iters: Option<usize>,
    #[serde(default, deserialize_with = "api::not_null")]
    batch_size: Option<usize>,
    #[serde(default, deserialize_with = "api::not_null")]
    lr: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    optimizer: Option<OptimizerKind>,
    #[serde(default, deserialize_with = "api::not_null")]
    momentum: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    decay_rate: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    beta1: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    beta2: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    hidden: Option<Hidden>,
    #[serde(default, deserialize_with = "api::not_null")]
    activation: Option<Activation>,
    #[serde(default, deserialize_with = "api::not_null")]
    init: Option<Init>,
    #[serde(default, deserialize_with = "api::not_null")]
    batchnorm: Option<bool>,
    #[serde(default, deserialize_with = "api::not_null")]
    dropout: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    weight_decay: Option<f64>,
    #[serde(default, deserialize_with = "api::not_null")]
    grad: Option<scratchnet_book::train::GradMethod>,
    #[serde(default, deserialize_with = "api::not_null")]
    dtype: Option<scratchnet_book::real::Dtype>,
    #[serde(default, deserialize_with = "api::not_null")]
    seed: Option<u64>,
    #[serde(default, deserialize_with = "api::not_null")]
    rng: Option<Generator>,
    #[serde(default, deserialize_with = "api::not_null")]
    stop_on_divergence: Option<bool>,
}

impl Settings {
    /// Whether any setting is given: `{}` (or no body) gives none.
    pub(super) fn given(&self) -> bool {
        let Settings {
            network,
            iters,
            batch_size,
            lr,
            optimizer,
            momentum,
            decay_rate,
            beta1,
            beta2,
            hidden,
            activation,
            init,
            batchnorm,
            dropout,
            weight_decay,
            grad,
            dtype,
            seed,
            rng,
            stop_on_divergence,
        } = self;
        network.is_some()
            || iters.is_some()
            || batch_size.is_some()
            || lr.is_some()
            || optimizer.is_some()
            || momentum.is_some()
            || decay_rate.is_some()
            || beta1.is_some()
            || beta2.is_some()
            || hidden.is_some()
            || activation.is_some()
            || init.is_some()
            || batchnorm.is_some()
            || dropout.is_some()
            || weight_decay.is_some()
            || grad.is_some()
            || dtype.is_some()
            || seed.is_some()
            || rng.is_some()
            || stop_on_divergence.is_some()
    }

    /// The run's configuration, checked as `train` checks its flags: the defaults of the book's
    /// script for the network asked for (`train_convnet.py` for the SimpleConvNet).
    pub(super) fn config(self) -> Result<TrainConfig, ApiError> {
        let book = match self.network {
            Some(NetworkKind::SimpleConv) => TrainConfig::train_convnet(),
            _ => TrainConfig::default(),
        };
        let kind = self.optimizer.unwrap_or(book.optimizer.kind);
        let given = RuleSettings {
            momentum: self.momentum,
            decay_rate: self.decay_rate,
            beta1: self.beta1,
            beta2: self.beta2,
        };
        let lr = self.lr.unwrap_or(TrainConfig::default_lr(kind));
        let config = TrainConfig {
            iters: self.iters.unwrap_or(book.iters),
            batch_size: self.batch_size.unwrap_or(book.batch_size),
            optimizer: OptimizerConfig::with_settings(kind, lr, given),
            grad: self.grad.unwrap_or(book.grad),
            dtype: self.dtype.unwrap_or(book.dtype),
            seed: self.seed.unwrap_or(book.seed),
            rng: self.rng.unwrap_or(book.rng),
            stop_on_divergence: self.stop_on_divergence.unwrap_or(book.stop_on_divergence),
            ..book
        };
        let init = match self.init {
            None => None,
            Some(Init::Std(std)) => Some(WeightInit::Std(std)),
            Some(Init::Named(Named::He)) => Some(WeightInit::He),
            Some(Init::Named(Named::Xavier)) => Some(WeightInit::Xavier),
        };
        let config = NetworkChoice {
            kind: self.network,
            hidden: match self.hidden {
                None => Vec::new(),
                Some(Hidden::One(h)) => vec![h],
                Some(Hidden::Layers(list)) => list,
            },
            activation: self.activation,
            init,
            batchnorm: self.batchnorm.unwrap_or(false),
            dropout: self.dropout,
            weight_decay: self.weight_decay,
        }
        .into_config(config)
        .map_err(ApiError::bad)?;
        if config.iters > MAX_ITERS {
            return Err(ApiError::bad(
                say::TOO_MANY_ITERS
                    .with()
                    .arg("iters", config.iters)
                    .arg("max", MAX_ITERS),
            ));
        }
        config.validate().map_err(ApiError::bad)?;
        Ok(config)
    }
}

/// `hidden`: the units of the `TwoLayerNet`'s hidden layer (`50`), or of each hidden layer of
/// chapter 6's network (`[100, 100]`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Hidden {
    One(usize),
    Layers(Vec<usize>),
}

/// `init`: a standard deviation (`0.01`), `"he"` or `"xavier"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Init {
    Std(f64),
    Named(Named),
}

/// The initial weights by name.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Named {
    He,
    Xavier,
}
