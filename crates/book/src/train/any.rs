//! A run of any network the command line and the playground train: chapter 4's
//! `TwoLayerNet`, chapter 6's `MultiLayerNetExtend` or chapter 7's `SimpleConvNet`, as the
//! settings say.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use super::{CHECKPOINT_FILE, History, Outcome, TrainConfig, TrainEvent, Training};
use crate::data::mnist::Mnist;
use crate::net::file::AnyNetwork;
use crate::net::multi_layer_extend::MultiLayerNetExtend;
use crate::net::simple_conv::SimpleConvNet;
use crate::net::{Network, SavedNetwork};
use crate::optim::Optimizer;
use crate::random::numpy::RandomState;
use crate::{Error, TwoLayerNet};

/// A [`Training`] of the network its settings describe: the book's [`TwoLayerNet`] (chapter 4),
/// or, with [`TrainConfig::multi_layer`], its [`MultiLayerNetExtend`] (chapter 6), or, with
/// [`TrainConfig::simple_conv`], its [`SimpleConvNet`] (chapter 7). Match on it to run it; its
/// methods read and write what they all have.
///
/// ```
/// use scratchnet_book::train::{MultiLayerConfig, AnyTraining, TrainConfig};
/// let chapter_4 = AnyTraining::new(TrainConfig::default())?;
/// assert!(matches!(chapter_4, AnyTraining::TwoLayer(_)));
/// let deep = TrainConfig::default().with_multi_layer(MultiLayerConfig::default());
/// let chapter_6 = AnyTraining::new(deep)?;
/// assert_eq!(chapter_6.network().describe(), "MultiLayerNetExtend 784-100-100-100-100-10 sigmoid");
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum AnyTraining {
    /// Chapter 4's network.
    TwoLayer(Training<TwoLayerNet>),
    /// Chapter 6's network.
    MultiLayer(Training<MultiLayerNetExtend>),
    /// Chapter 7's network.
    SimpleConv(Training<SimpleConvNet>),
}

/// `$body` with `$t` the [`Training`] of whichever network `$any` runs.
macro_rules! each {
    ($any:expr, $t:ident => $body:expr) => {
        match $any {
            AnyTraining::TwoLayer($t) => $body,
            AnyTraining::MultiLayer($t) => $body,
            AnyTraining::SimpleConv($t) => $body,
        }
    };
}

impl AnyTraining {
    /// A new run of the network `config` describes ([`Training::new`] or
    /// [`Training::multi_layer`]).
    ///
    /// # Errors
    /// As [`TrainConfig::validate`].
    pub fn new(config: TrainConfig) -> Result<Self, Error> {
        if config.multi_layer.is_some() {
            Training::multi_layer(config).map(AnyTraining::MultiLayer)
        } else if config.simple_conv.is_some() {
            Training::simple_conv(config).map(AnyTraining::SimpleConv)
        } else {
            Training::new(config).map(AnyTraining::TwoLayer)
        }
    }

    /// Reads the checkpoint in `dir`, of either network (by the `format` its file names).
    ///
    /// # Errors
    /// As [`Training::resume`].
    pub fn resume(dir: &Path) -> Result<Self, Error> {
        let path = dir.join(CHECKPOINT_FILE);
        let bytes = crate::net::file::read_safetensors(&path)?;
        Self::from_checkpoint(&bytes, &path)
    }

    /// Reads a checkpoint of either network from the bytes of its file.
    ///
    /// # Errors
    /// As [`Training::from_checkpoint`].
    pub fn from_checkpoint(bytes: &[u8], path: &Path) -> Result<Self, Error> {
        match crate::net::file::format_of(bytes, path)?.as_deref() {
            Some(MultiLayerNetExtend::FORMAT) => {
                Training::from_checkpoint(bytes, path).map(AnyTraining::MultiLayer)
            }
            Some(SimpleConvNet::FORMAT) => {
                Training::from_checkpoint(bytes, path).map(AnyTraining::SimpleConv)
            }
            _ => Training::from_checkpoint(bytes, path).map(AnyTraining::TwoLayer),
        }
    }

    /// The settings.
    #[must_use]
    pub fn config(&self) -> &TrainConfig {
        each!(self, t => &t.config)
    }

    /// The settings, to change what a resumed run may change (`iters`, `threads`).
    pub fn config_mut(&mut self) -> &mut TrainConfig {
        each!(self, t => &mut t.config)
    }

    /// The network being trained.
    #[must_use]
    pub fn network(&self) -> &dyn Network {
        each!(self, t => &t.net)
    }

    /// The training images the next iteration takes ([`Training::next_batch`]).
    #[must_use]
    pub fn next_batch(&self, train_size: usize) -> Vec<usize> {
        each!(self, t => t.next_batch(train_size))
    }

    /// The `format` of the network's files ([`SavedNetwork::FORMAT`]).
    #[must_use]
    pub fn format(&self) -> &'static str {
        match self {
            AnyTraining::TwoLayer(_) => TwoLayerNet::FORMAT,
            AnyTraining::MultiLayer(_) => MultiLayerNetExtend::FORMAT,
            AnyTraining::SimpleConv(_) => SimpleConvNet::FORMAT,
        }
    }

    /// Losses and accuracies so far.
    #[must_use]
    pub fn history(&self) -> &History {
        each!(self, t => &t.history)
    }

    /// Runs the remaining iterations through the book's layers ([`Training::run`]).
    ///
    /// # Panics
    /// If the training set is empty.
    pub fn run(
        &mut self,
        data: &Mnist,
        on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        each!(self, t => t.run(data, on_event))
    }

    /// NumPy's generator where it stands, in a run that draws from it ([`Training::stream`]).
    #[must_use]
    pub fn stream(&self) -> Option<&RandomState> {
        each!(self, t => t.stream.as_ref())
    }

    /// The next iteration to run.
    #[must_use]
    pub fn next_iter(&self) -> usize {
        each!(self, t => t.next_iter)
    }

    /// Whether this run can train on `data` ([`Training::check_data`]).
    ///
    /// # Errors
    /// As [`Training::check_data`].
    pub fn check_data(&self, data: &Mnist) -> Result<(), Error> {
        each!(self, t => t.check_data(data))
    }

    /// A copy of the network, for a reader of any network ([`AnyNetwork`]).
    #[must_use]
    pub fn network_copy(&self) -> AnyNetwork {
        each!(self, t => Box::new(t.net.clone()))
    }

    /// The network's file, as [`save_network`](Self::save_network) writes it.
    ///
    /// # Errors
    /// As [`SavedNetwork::to_safetensors`].
    pub fn network_file(&self) -> Result<Vec<u8>, Error> {
        let meta = std::collections::HashMap::new();
        each!(self, t => t.net.to_safetensors(&meta))
    }

    /// The update rule with its state.
    pub fn optimizer_mut(&mut self) -> &mut Optimizer {
        each!(self, t => &mut t.optimizer)
    }

    /// Saves the network's weights ([`SavedNetwork::save`]).
    ///
    /// # Errors
    /// As [`SavedNetwork::save`].
    pub fn save_network(&self, path: &Path) -> Result<(), Error> {
        each!(self, t => t.net.save(path))
    }

    /// Writes a checkpoint ([`Training::save_checkpoint`]).
    ///
    /// # Errors
    /// As [`Training::save_checkpoint`].
    pub fn save_checkpoint(&self, dir: &Path) -> Result<PathBuf, Error> {
        each!(self, t => t.save_checkpoint(dir))
    }
}
