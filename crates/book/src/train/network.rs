//! The network a run trains, as the command line's flags and the playground's form ask for it:
//! one rule for both.

use super::{MultiLayerConfig, TrainConfig};
use crate::Activation;
use crate::net::multi_layer::WeightInit;

/// The network asked for: `train`'s `--hidden`, `--activation`, `--init`, `--batchnorm`,
/// `--dropout` and `--weight-decay`, and the same fields of the playground's `POST /api/train`.
///
/// One hidden size and none of chapter 6's choices is the book's `TwoLayerNet` of chapter 4
/// (a standard deviation as `init` is its `weight_init_std`, sigmoid unless told). More hidden
/// sizes, He's or Xavier's initial weights, Batch Norm, Dropout or weight decay make chapter 6's
/// `MultiLayerNetExtend`, with the book's defaults for that class: ReLU, and the initial weights
/// suited to the activation (He's for ReLU, Xavier's for sigmoid).
///
/// ```
/// use scratchnet_book::train::{NetworkChoice, TrainConfig};
/// let book = NetworkChoice { hidden: vec![50], ..NetworkChoice::default() };
/// assert_eq!(book.into_config(TrainConfig::default()), TrainConfig::default());
/// let deep = NetworkChoice { hidden: vec![100, 100], batchnorm: true, ..NetworkChoice::default() };
/// let config = deep.into_config(TrainConfig::default());
/// let network = config.multi_layer.as_ref().unwrap();
/// assert_eq!((network.hidden_size_list.as_slice(), network.use_batchnorm), (&[100, 100][..], true));
/// assert_eq!(config.activation, scratchnet_book::Activation::Relu);
/// // Dropout alone: one hidden layer of the book's 50
/// let dropout = NetworkChoice { dropout: Some(0.2), ..NetworkChoice::default() };
/// let config = dropout.into_config(TrainConfig::default());
/// assert_eq!(config.hidden_sizes(), [50]);
/// config.validate()?;
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkChoice {
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

    /// `config` (its other settings as they are) training the network chosen. Not checked:
    /// [`TrainConfig::validate`] says what cannot be built.
    #[must_use]
    pub fn into_config(self, config: TrainConfig) -> TrainConfig {
        let multi_layer = self.is_multi_layer();
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
            return match self.init {
                Some(WeightInit::Std(weight_init_std)) => TrainConfig {
                    weight_init_std,
                    ..config
                },
                _ => config,
            };
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
        config.with_multi_layer(MultiLayerConfig {
            hidden_size_list,
            weight_init,
            use_batchnorm: self.batchnorm,
            dropout_ratio: self.dropout,
            weight_decay_lambda: self.weight_decay.unwrap_or(0.0),
        })
    }
}
