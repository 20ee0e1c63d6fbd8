//! What the driver needs of a network besides its layers: a file to checkpoint it in, and
//! settings that describe it.

use super::TrainConfig;
use crate::net::multi_layer::MultiLayerNet;
use crate::net::multi_layer_extend::MultiLayerNetExtend;
use crate::net::simple_conv::{ConvParam, SimpleConvNet};
use crate::net::{Network, SavedNetwork};
use crate::{Activation, TwoLayerNet};

/// A network a [`Training`](super::Training) trains, checkpoints and resumes: saved to a file
/// ([`SavedNetwork`]), and described by the network settings of a [`TrainConfig`] (`hidden`
/// and `activation`), which a checkpoint stores beside it.
pub trait Trainable: SavedNetwork + Clone {
    /// Whether `config`'s `hidden` and `activation` describe this network: the field that does
    /// not, if one.
    ///
    /// # Errors
    /// The field of `config` that does not describe it, and why.
    fn fits(&self, config: &TrainConfig) -> Result<(), String>;
}

/// Checks `activation` against `config`'s.
fn same_activation(activation: Activation, config: &TrainConfig) -> Result<(), String> {
    if activation != config.activation {
        return Err(format!(
            "field `config.activation` is {}, but the network's activation is {activation}",
            config.activation
        ));
    }
    Ok(())
}

/// `config.hidden` is its hidden units, and `config.multi_layer` is `None`.
impl Trainable for TwoLayerNet {
    fn fits(&self, config: &TrainConfig) -> Result<(), String> {
        if config.multi_layer.is_some() {
            return Err(
                "field `config.multi_layer` describes a MultiLayerNetExtend, but the network is \
                 a TwoLayerNet"
                    .into(),
            );
        }
        if config.simple_conv.is_some() {
            return Err(
                "field `config.simple_conv` describes a SimpleConvNet, but the network is a \
                 TwoLayerNet"
                    .into(),
            );
        }
        let (_, h, _) = self.sizes();
        if h != config.hidden {
            return Err(format!(
                "field `config.hidden` is {}, but the network has {h} hidden units",
                config.hidden
            ));
        }
        same_activation(self.activation, config)
    }
}

/// `config.hidden` is the units of each hidden layer, as in the book's chapter-6 experiments
/// (`hidden_size_list=[100, 100, 100, 100]`).
impl Trainable for MultiLayerNet {
    fn fits(&self, config: &TrainConfig) -> Result<(), String> {
        let widths: Vec<usize> = self.params.iter().skip(1).map(|(w, _)| w.nrows()).collect();
        if widths.iter().any(|&h| h != config.hidden) {
            return Err(format!(
                "field `config.hidden` is {}, the units of each hidden layer, but the network's \
                 hidden layers have {widths:?}",
                config.hidden
            ));
        }
        same_activation(self.activation, config)
    }
}

/// `config.multi_layer` describes it: its hidden layers, Batch Normalization, Dropout and weight
/// decay (how its weights were first drawn is not kept in the network).
impl Trainable for MultiLayerNetExtend {
    fn fits(&self, config: &TrainConfig) -> Result<(), String> {
        let Some(network) = &config.multi_layer else {
            return Err(format!(
                "field `config.multi_layer` is missing, but the network is a {}",
                self.describe()
            ));
        };
        let sizes = self.layer_sizes();
        let hidden = &sizes[1..sizes.len() - 1];
        let ours = (
            hidden,
            self.uses_batch_norm(),
            self.dropout,
            self.weight_decay,
        );
        let said = (
            network.hidden_size_list.as_slice(),
            network.use_batchnorm,
            network.dropout_ratio,
            network.weight_decay_lambda,
        );
        if ours != said {
            return Err(format!(
                "field `config.multi_layer` says hidden layers {:?}, Batch Norm {}, Dropout {:?}, \
                 weight decay {}, but the network is a {}",
                said.0,
                said.1,
                said.2,
                said.3,
                self.describe()
            ));
        }
        same_activation(self.activation, config)
    }
}

/// `config.simple_conv` is its filters' stride and padding with their number and size, and
/// `config.hidden` its hidden units, for MNIST's images.
impl Trainable for SimpleConvNet {
    fn fits(&self, config: &TrainConfig) -> Result<(), String> {
        let Some(said) = config.simple_conv_net() else {
            return Err(format!(
                "field `config.simple_conv` is missing, but the network is a {}",
                self.describe()
            ));
        };
        let (filter_num, _, filter_size, _) = self.w1.dim();
        let ours = ConvParam {
            filter_num,
            filter_size,
            ..self.conv_param
        };
        if (ours, self.sizes().0, self.input_dim)
            != (said.conv_param, said.hidden_size, said.input_dim)
        {
            return Err(format!(
                "field `config.simple_conv` says {:?} with {} hidden units, but the network is a {}",
                said.conv_param,
                said.hidden_size,
                self.describe()
            ));
        }
        same_activation(Activation::Relu, config)
    }
}
