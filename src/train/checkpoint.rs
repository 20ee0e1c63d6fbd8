//! Checkpoints: a run saved so that, resumed, it ends exactly where an uninterrupted one would.
//!
//! A checkpoint is one safetensors file: the weights under the book's names (`W1`, `b1`, ...),
//! the optimiser's arrays as `optimizer.first.W1`, ..., and as JSON in its metadata the settings,
//! the history, the next iteration and the random state.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use safetensors::SafeTensors;
use serde::{Deserialize, Serialize};

use super::{History, TrainConfig, Training};
use crate::atomic::write_atomically;
use crate::net::file::tensor;
use crate::optim::Optimizer;
use crate::{Error, TwoLayerNet};

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

#[derive(Serialize, Deserialize)]
struct RngState {
    algorithm: String,
    seed: u64,
    next_stream: u64,
}

impl Training {
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
                algorithm: "ChaCha8".into(),
                seed: self.config.seed,
                next_stream: self.next_iter as u64 + 1,
            },
            optimizer_step: self.optimizer.state.step,
        };
        let json = serde_json::to_string(&state).expect("plain numbers and names serialize");
        let names = self.net.params.named().map(|(n, _)| n);
        let s = &self.optimizer.state;
        let tensors: Vec<(String, ndarray::ArrayViewD<f64>)> =
            [("first", &s.first), ("second", &s.second)]
                .into_iter()
                .flat_map(|(slot, arrays)| {
                    arrays
                        .iter()
                        .zip(names)
                        .map(move |(a, n)| (state_tensor_name(slot, n), a.view()))
                })
                .collect();
        let meta = HashMap::from([("scratchnet_checkpoint".to_string(), json)]);
        let bytes = self.net.to_safetensors_with(&meta, &tensors)?;
        write_atomically(&path, &bytes).map_err(|e| fail("cannot be written", e))?;
        Ok(path)
    }

    /// Reads the checkpoint in `dir`, to continue the run with [`run`](Training::run).
    ///
    /// # Errors
    /// [`Error::Model`] if the checkpoint is missing, damaged, or not a checkpoint.
    pub fn resume(dir: &Path) -> Result<Self, Error> {
        let path = dir.join(CHECKPOINT_FILE);
        let fail = |problem: String| Error::model(&path, problem);
        let bytes =
            std::fs::read(&path).map_err(|e| Error::model_because(&path, "cannot be read", e))?;
        let (net, meta) = TwoLayerNet::from_safetensors(&bytes, &path)?;
        let json = meta
            .get("scratchnet_checkpoint")
            .ok_or_else(|| fail("is a model, not a checkpoint: it has no training state".into()))?;
        let state: CheckpointState = serde_json::from_str(json)
            .map_err(|e| Error::model_because(&path, "has damaged training state", e))?;
        state.config.validate()?;
        if state.history.loss.len() != state.next_iter || state.rng.seed != state.config.seed {
            return Err(fail("has inconsistent training state".into()));
        }
        let mut optimizer = Optimizer::new(state.config.optimizer)?;
        optimizer.state.step = state.optimizer_step;
        // from_safetensors has read this header already: it cannot fail here
        let tensors = SafeTensors::deserialize(&bytes)
            .map_err(|e| Error::model_because(&path, "is not a safetensors file", e))?;
        let names = net.params.named().map(|(n, _)| n);
        let read_slot = |slot: &str| -> Result<Vec<ndarray::ArrayD<f64>>, Error> {
            if tensors.tensor(&state_tensor_name(slot, names[0])).is_err() {
                return Ok(Vec::new());
            }
            names
                .iter()
                .map(|n| tensor(&tensors, &state_tensor_name(slot, n)).map_err(fail))
                .collect()
        };
        optimizer.state.first = read_slot("first")?;
        optimizer.state.second = read_slot("second")?;
        Ok(Training {
            config: state.config,
            net,
            optimizer,
            history: state.history,
            next_iter: state.next_iter,
        })
    }
}
