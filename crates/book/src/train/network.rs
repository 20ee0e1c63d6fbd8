//! The network a run trains, as the command line's flags and the playground's form ask for it:
//! one rule for both.

use serde::{Deserialize, Serialize};

use super::{MultiLayerConfig, TrainConfig};
use crate::net::multi_layer::WeightInit;
use crate::net::simple_conv::ConvParam;
use crate::{Activation, Error};

/// Which of the book's networks to train. The variants' own docs are the command line's help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum NetworkKind {
    /// Chapter 4's TwoLayerNet: one hidden layer
    TwoLayer,
    /// Chapter 6's MultiLayerNetExtend: hidden layers, and Batch Norm, Dropout or weight decay
    MultiLayer,
    /// Chapter 7's SimpleConvNet: 30 filters of 5×5, ReLU, max pooling, 100 hidden units,
    /// trained as train_convnet.py (Adam 0.001, 20 epochs, each measured on 1,000 images)
    SimpleConv,
}

/// The network asked for: `train`'s `--network`, `--hidden`, `--activation`, `--init`,
/// `--batchnorm`, `--dropout` and `--weight-decay`, and the same fields of the playground's
/// `POST /api/train`.
///
/// Without a [`kind`](Self::kind), one hidden size and none of chapter 6's choices is the
/// book's `TwoLayerNet` of chapter 4 (a standard deviation as `init` is its `weight_init_std`,
/// sigmoid unless told). More hidden sizes, He's or Xavier's initial weights, Batch Norm,
/// Dropout or weight decay make chapter 6's `MultiLayerNetExtend`, with the book's defaults for
/// that class: ReLU, and the initial weights suited to the activation (He's for ReLU, Xavier's
/// for sigmoid). [`NetworkKind::SimpleConv`] is chapter 7's network with the book's filters,
/// `hidden` its hidden units (the book's 100 if none is given).
///
/// ```
/// use scratchnet_book::train::{NetworkChoice, NetworkKind, TrainConfig};
/// let book = NetworkChoice { hidden: vec![50], ..NetworkChoice::default() };
/// assert_eq!(book.into_config(TrainConfig::default())?, TrainConfig::default());
/// let deep = NetworkChoice { hidden: vec![100, 100], batchnorm: true, ..NetworkChoice::default() };
/// let config = deep.into_config(TrainConfig::default())?;
/// let network = config.multi_layer.as_ref().unwrap();
/// assert_eq!((network.hidden_size_list.as_slice(), network.use_batchnorm), (&[100, 100][..], true));
/// assert_eq!(config.activation, scratchnet_book::Activation::Relu);
/// // Dropout alone: one hidden layer of the book's 50
/// let dropout = NetworkChoice { dropout: Some(0.2), ..NetworkChoice::default() };
/// let config = dropout.into_config(TrainConfig::default())?;
/// assert_eq!(config.hidden_sizes(), [50]);
/// config.validate()?;
/// // chapter 7's network has no Batch Norm
/// let conv = NetworkChoice { kind: Some(NetworkKind::SimpleConv), ..NetworkChoice::default() };
/// assert_eq!(conv.clone().into_config(TrainConfig::default())?.hidden, 100);
/// let wrong = NetworkChoice { batchnorm: true, ..conv };
/// assert!(wrong.into_config(TrainConfig::default()).is_err());
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkChoice {
    /// Which network; `None`: chapter 4's or chapter 6's, as the other choices say.
    pub kind: Option<NetworkKind>,
    /// The units of each hidden layer: one for the `TwoLayerNet`. Empty: one layer of the
    /// settings' `hidden` (the book's 50).
    pub hidden: Vec<usize>,
    /// The activation; `None`: sigmoid for the `TwoLayerNet`, ReLU for chapter 6's network.
    pub activation: Option<Activation>,
    /// The initial weights; `None`: 0.01 for the `TwoLayerNet`, He's with ReLU and Xavier's
    /// with sigmoid for chapter 6's network.
    pub init: Option<WeightInit>,
    /// Batch Normalization after each hidden `Affine` layer.
    pub batchnorm: bool,
    /// Dropout of this ratio after each activation.
    pub dropout: Option<f64>,
    /// Weight decay of this λ.
    pub weight_decay: Option<f64>,
}

impl NetworkChoice {
    /// Whether the choice makes chapter 6's network rather than the `TwoLayerNet`.
    #[must_use]
    pub fn is_multi_layer(&self) -> bool {
        self.hidden.len() > 1
            || matches!(self.init, Some(WeightInit::He | WeightInit::Xavier))
            || self.batchnorm
            || self.dropout.is_some()
            || self.weight_decay.is_some()
    }

    /// `config` (its other settings as they are) training the network chosen. Not checked
    /// further: [`TrainConfig::validate`] says what cannot be built.
    ///
    /// # Errors
    /// [`Error::Config`] for choices the network asked for does not have: chapter 6's with the
    /// `TwoLayerNet` or the `SimpleConvNet`, more than one hidden size with either.
    pub fn into_config(self, config: TrainConfig) -> Result<TrainConfig, Error> {
        let chapter_6 = self.is_multi_layer();
        let refuse = |network: &str| {
            Err(Error::Config {
                what: "network",
                problem: format!(
                    "{network} has one hidden layer and none of chapter 6's choices (He's or \
                     Xavier's weights, Batch Norm, Dropout, weight decay): leave them out, or \
                     train chapter 6's network (--network multi-layer)"
                ),
            })
        };
        match self.kind {
            Some(NetworkKind::TwoLayer) if chapter_6 => return refuse("The TwoLayerNet"),
            Some(NetworkKind::SimpleConv) if chapter_6 => return refuse("The SimpleConvNet"),
            Some(NetworkKind::SimpleConv) => return Ok(self.simple_conv(config)),
            _ => {}
        }
        let multi_layer = chapter_6 || self.kind == Some(NetworkKind::MultiLayer);
        let activation = self.activation.unwrap_or(if multi_layer {
            Activation::Relu
        } else {
            config.activation
        });
        let config = TrainConfig {
            hidden: self.hidden.first().copied().unwrap_or(config.hidden),
            activation,
            ..config
        };
        if !multi_layer {
            return Ok(match self.init {
                Some(WeightInit::Std(weight_init_std)) => TrainConfig {
                    weight_init_std,
                    ..config
                },
                _ => config,
            });
        }
        let weight_init = self.init.unwrap_or(match activation {
            Activation::Relu => WeightInit::He,
            Activation::Sigmoid => WeightInit::Xavier,
        });
        let hidden_size_list = if self.hidden.is_empty() {
            vec![config.hidden]
        } else {
            self.hidden
        };
        Ok(config.with_multi_layer(MultiLayerConfig {
            hidden_size_list,
            weight_init,
            use_batchnorm: self.batchnorm,
            dropout_ratio: self.dropout,
            weight_decay_lambda: self.weight_decay.unwrap_or(0.0),
        }))
    }

    /// `config` training the book's `SimpleConvNet`: its filters, `hidden` units (100 if none
    /// is given), ReLU unless told (which [`TrainConfig::validate`] then refuses), weights of
    /// the standard deviation given or the book's 0.01, and each epoch measured on 1,000
    /// images of each set, as `train_convnet.py`.
    fn simple_conv(self, config: TrainConfig) -> TrainConfig {
        let book = TrainConfig::train_convnet();
        TrainConfig {
            hidden: self.hidden.first().copied().unwrap_or(book.hidden),
            activation: self.activation.unwrap_or(Activation::Relu),
            weight_init_std: match self.init {
                Some(WeightInit::Std(std)) => std,
                _ => book.weight_init_std,
            },
            simple_conv: Some(ConvParam::default()),
            evaluate_sample_num_per_epoch: book.evaluate_sample_num_per_epoch,
            multi_layer: None,
            ..config
        }
    }
}
