//! Checkpoints: a run saved so that, resumed, it ends exactly where an uninterrupted one would.
//!
//! A checkpoint is one safetensors file: the network's file ([`SavedNetwork`](crate::net::SavedNetwork):
//! the weights under the book's names `W1`, `b1`, ..., and the network's `format`),
//! the optimiser's arrays as `optimizer.first.W1`, ..., and as JSON in its metadata the settings,
//! the history, the next iteration and the random state.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use safetensors::SafeTensors;
use serde::{Deserialize, Serialize};

use super::{History, TrainConfig, Trainable, Training, fits_mnist};
use crate::Error;
use crate::atomic::write_atomically;
use crate::data::mnist::MAX_RECORDS;
use crate::net::file::tensor;
use crate::optim::{Optimizer, OptimizerKind};
use crate::random::Generator;
use crate::random::numpy::{RandomState, RandomStateSnapshot};

/// The name of the checkpoint file inside a checkpoint directory.
pub const CHECKPOINT_FILE: &str = "checkpoint.safetensors";

/// What a checkpoint stores besides the weights, as JSON in the file's metadata.
#[derive(Serialize, Deserialize)]
struct CheckpointState {
    config: TrainConfig,
    next_iter: usize,
    history: History,
    /// The random state: the mini-batch of iteration `i` comes from stream `i + 1` of `seed`.
    rng: RngState,
    /// The optimiser's step count; its arrays are tensors `optimizer.first.W1`, ... of the file.
    optimizer_step: u64,
}

/// The names of the optimiser-state tensors in a checkpoint.
fn state_tensor_name(slot: &str, param: &str) -> String {
    format!("optimizer.{slot}.{param}")
}

/// The random state: with scratchnet's generator, the next iteration's stream; with NumPy's,
/// its whole state (`np.random.get_state()`'s parts).
#[derive(Serialize, Deserialize)]
struct RngState {
    algorithm: String,
    seed: u64,
    next_stream: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    numpy: Option<RandomStateSnapshot>,
}

impl<N: Trainable> Training<N> {
    /// Writes a checkpoint into `dir` (created if missing): weights, settings, history,
    /// iteration and random state in one safetensors file, written to a temporary name and
    /// renamed, so that the previous checkpoint stays whole until the new one is complete.
    ///
    /// # Errors
    /// [`Error::Model`] if it cannot be written.
    pub fn save_checkpoint(&self, dir: &Path) -> Result<PathBuf, Error> {
        let path = dir.join(CHECKPOINT_FILE);
        let fail = |problem: &str, e| Error::model_because(&path, problem, e);
        std::fs::create_dir_all(dir).map_err(|e| fail("cannot create its directory", e))?;
        let state = CheckpointState {
            config: self.config.clone(),
            next_iter: self.next_iter,
            history: self.history.clone(),
            rng: RngState {
                algorithm: if self.stream.is_some() {
                    "MT19937"
                } else {
                    "ChaCha8"
                }
                .into(),
                seed: self.config.seed,
                next_stream: self.next_iter as u64 + 1,
                numpy: self.stream.as_ref().map(RandomState::state),
            },
            optimizer_step: self.optimizer.state.step,
        };
        let json = serde_json::to_string(&state).expect("plain numbers and names serialize");
        let params = self.net.params();
        let s = &self.optimizer.state;
        let tensors: Vec<(String, ndarray::ArrayViewD<f64>)> =
            [("first", &s.first), ("second", &s.second)]
                .into_iter()
                .flat_map(|(slot, arrays)| {
                    arrays
                        .iter()
                        .zip(&params)
                        .map(move |(a, (n, _))| (state_tensor_name(slot, n), a.view()))
                })
                .collect();
        let meta = HashMap::from([("scratchnet_checkpoint".to_string(), json)]);
        let bytes = self.net.to_safetensors_with(&meta, &tensors)?;
        write_atomically(&path, &bytes).map_err(|e| fail("cannot be written", e))?;
        Ok(path)
    }

    /// Reads the checkpoint in `dir`, to continue the run with [`run`](Training::run).
    ///
    /// Every field is checked against every other before anything is trusted: the network's
    /// `format` against `N`'s (another network's checkpoint is refused by name); the tensors'
    /// shapes against 784 inputs, the settings' hidden units and 10 classes; the architecture
    /// in the metadata against the tensors; the optimiser's arrays against the rule (present
    /// exactly when it keeps state, shaped as the weights); the step count, the random stream
    /// and the history against the iteration reached.
    ///
    /// # Errors
    /// [`Error::Model`] naming the file and the field if the checkpoint is missing, damaged,
    /// not a checkpoint, or inconsistent.
    pub fn resume(dir: &Path) -> Result<Self, Error> {
        let path = dir.join(CHECKPOINT_FILE);
        let bytes = crate::net::file::read_safetensors(&path)?;
        Self::from_checkpoint(&bytes, &path)
    }

    /// Reads a checkpoint from the bytes of its file, checked as [`resume`](Training::resume)
    /// checks it; `path` names it in errors.
    ///
    /// # Errors
    /// As [`resume`](Training::resume).
    // About 70 lines: the checkpoint's parts read in order, each with its error.
    pub fn from_checkpoint(bytes: &[u8], path: &Path) -> Result<Self, Error> {
        let fail = |problem: String| Error::model(path, problem);
        let (net, meta) = N::from_safetensors(bytes, path)?;
        let json = meta
            .get("scratchnet_checkpoint")
            .ok_or_else(|| fail("is a model, not a checkpoint: it has no training state".into()))?;
        let state: CheckpointState = serde_json::from_str(json)
            .map_err(|e| Error::model_because(path, "has damaged training state", e))?;
        state
            .config
            .validate()
            .map_err(|e| Error::model_because(path, "has settings that cannot be trained", e))?;
        state.check(&net).map_err(fail)?;
        let mut optimizer = Optimizer::new(state.config.optimizer)?;
        optimizer.state.step = state.optimizer_step;
        // from_safetensors has read this header already: it cannot fail here
        let tensors = SafeTensors::deserialize(bytes)
            .map_err(|e| Error::model_because(path, "is not a safetensors file", e))?;
        let params = net.params();
        let slots = state_slots(state.config.optimizer.kind, state.next_iter);
        // the parameters, then what the network keeps besides (Batch Norm's running statistics)
        let mut expected: Vec<String> = params
            .iter()
            .chain(&net.state())
            .map(|(n, _)| n.clone())
            .collect();
        for slot in ["first", "second"] {
            let arrays = if slots.contains(&slot) {
                expected.extend(params.iter().map(|(n, _)| state_tensor_name(slot, n)));
                params
                    .iter()
                    .map(|(n, param)| {
                        let name = state_tensor_name(slot, n);
                        let a = tensor(&tensors, &name).map_err(fail)?;
                        if a.shape() != param.shape() {
                            return Err(fail(format!(
                                "tensor {name} has shape {:?}, but {n} has shape {:?}: they must be equal",
                                a.shape(),
                                param.shape()
                            )));
                        }
                        Ok(a)
                    })
                    .collect::<Result<Vec<_>, _>>()?
            } else {
                Vec::new()
            };
            if slot == "first" {
                optimizer.state.first = arrays;
            } else {
                optimizer.state.second = arrays;
            }
        }
        drop(params);
        if let Some(extra) = tensors
            .names()
            .into_iter()
            .find(|n| !expected.iter().any(|e| e == n))
        {
            return Err(fail(format!(
                "has a tensor {extra} that a checkpoint of {} after {} iterations does not have \
                 (it has: {})",
                state.config.optimizer.kind.title(),
                state.next_iter,
                expected.join(", ")
            )));
        }
        let stream =
            match &state.rng.numpy {
                Some(snapshot) => Some(RandomState::from_state(snapshot).map_err(|e| {
                    Error::model_because(path, "has a damaged field `rng.numpy`", e)
                })?),
                None => None,
            };
        Ok(Training {
            stream,
            config: state.config,
            net,
            optimizer,
            history: state.history,
            next_iter: state.next_iter,
        })
    }
}

/// The optimiser's arrays a checkpoint of `kind` after `iters` iterations holds: none before
/// the first step; `first` for the rules with a velocity or first moment, `second` for those
/// that sum squared gradients.
fn state_slots(kind: OptimizerKind, iters: usize) -> &'static [&'static str] {
    if iters == 0 {
        return &[];
    }
    match kind {
        OptimizerKind::Sgd => &[],
        OptimizerKind::Momentum | OptimizerKind::Nesterov => &["first"],
        OptimizerKind::AdaGrad | OptimizerKind::RmsProp => &["second"],
        OptimizerKind::Adam => &["first", "second"],
    }
}

impl CheckpointState {
    /// Whether the state agrees with itself and with the weights `net`: the field that does
    /// not, if one.
    fn check(&self, net: &impl Trainable) -> Result<(), String> {
        self.check_network(net)?;
        self.check_position()?;
        self.check_history()
    }

    /// The network fits MNIST and the run's settings.
    fn check_network(&self, net: &impl Trainable) -> Result<(), String> {
        fits_mnist(net)?;
        net.fits(&self.config)
    }

    /// The iteration, the optimiser's step and the random stream agree.
    fn check_position(&self) -> Result<(), String> {
        let (config, n) = (&self.config, self.next_iter);
        if n > config.iters {
            return Err(format!(
                "field `next_iter` is {n}, past the run's `config.iters` {}",
                config.iters
            ));
        }
        if self.optimizer_step != n as u64 {
            return Err(format!(
                "field `optimizer_step` is {}, but `next_iter` is {n}: the optimiser takes one \
                 step per iteration",
                self.optimizer_step
            ));
        }
        let rng = &self.rng;
        let algorithm = match config.rng {
            Generator::Scratchnet => "ChaCha8",
            Generator::Numpy => "MT19937",
        };
        if rng.algorithm != algorithm || rng.seed != config.seed || rng.next_stream != n as u64 + 1
        {
            return Err(format!(
                "field `rng` is {{algorithm {}, seed {}, next_stream {}}}; after {n} iterations \
                 of seed {} it must be {{algorithm {algorithm}, seed {}, next_stream {}}}",
                rng.algorithm,
                rng.seed,
                rng.next_stream,
                config.seed,
                config.seed,
                n + 1
            ));
        }
        if rng.numpy.is_some() != (config.rng == Generator::Numpy) {
            return Err(format!(
                "field `rng.numpy` is {}, but the run draws from {algorithm}: NumPy's state is \
                 there exactly when the run draws from NumPy's generator",
                if rng.numpy.is_some() {
                    "there"
                } else {
                    "missing"
                }
            ));
        }
        Ok(())
    }

    /// The history is that of `next_iter` iterations: one loss each, one record per epoch.
    // About 75 lines: one check per field of the history, each with its message.
    fn check_history(&self) -> Result<(), String> {
        let (config, n, history) = (&self.config, self.next_iter, &self.history);
        if history.loss.len() != n {
            return Err(format!(
                "field `history.loss` has {} losses, but `next_iter` is {n}",
                history.loss.len()
            ));
        }
        if let Some(i) = history
            .loss
            .iter()
            .position(|l| !l.is_finite() || *l < -1e-6)
        {
            return Err(format!(
                "field `history.loss` holds {} at iteration {i}: not a loss",
                history.loss[i]
            ));
        }
        let per_epoch = history.iters_per_epoch;
        let epochs = if n == 0 {
            0
        } else {
            n.div_ceil(per_epoch.max(1))
        };
        // train size / batch size, at least 1: at most the largest training set
        if n > 0 && !(1..=MAX_RECORDS).contains(&per_epoch) {
            return Err(format!(
                "field `history.iters_per_epoch` is {per_epoch}: not possible for a training set \
                 of at most {MAX_RECORDS} images"
            ));
        }
        if history.epochs.len() != epochs {
            return Err(format!(
                "field `history.epochs` has {} records; {n} iterations of {per_epoch} per epoch \
                 make {epochs}",
                history.epochs.len()
            ));
        }
        let accuracy = |a: f64| (0.0..=1.0).contains(&a);
        for (k, e) in history.epochs.iter().enumerate() {
            if e.epoch != k
                || e.iter != k * per_epoch
                || !accuracy(e.train_acc)
                || !accuracy(e.test_acc)
                || e.loss != history.loss[e.iter]
                || !e.mean_loss.is_finite()
            {
                return Err(format!(
                    "field `history.epochs[{k}]` does not fit the run: epoch {} at iteration {} \
                     (expected epoch {k} at iteration {}), accuracies {} and {}, loss {}",
                    e.epoch,
                    e.iter,
                    k * per_epoch,
                    e.train_acc,
                    e.test_acc,
                    e.loss
                ));
            }
        }
        if let Some(f) = history.final_accuracy
            && (f.iters != n
                || n != config.iters
                || !accuracy(f.train_acc)
                || !accuracy(f.test_acc))
        {
            return Err(format!(
                "field `history.final_accuracy` is for {} iterations with accuracies {} and {}, \
                 but the run is at {n} of {}",
                f.iters, f.train_acc, f.test_acc, config.iters
            ));
        }
        Ok(())
    }
}
