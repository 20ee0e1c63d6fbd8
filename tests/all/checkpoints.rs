//! Crafted and damaged checkpoints: `Training::resume` refuses every inconsistent one with an
//! error naming the file and the field, and never panics, whatever is in the file.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use rand::rngs::ChaCha8Rng;
use rand::{Rng, RngExt, SeedableRng};
use safetensors::tensor::{Dtype, SafeTensors, TensorView};
use scratchnet::train::{CHECKPOINT_FILE, TrainConfig, Training};
use scratchnet::{OptimizerConfig, OptimizerKind};
use serde_json::{Value, json};

use crate::common;

/// A checkpoint taken apart: tensors by name, the metadata, and the training state as JSON.
#[derive(Clone)]
struct Parts {
    tensors: BTreeMap<String, (Vec<usize>, Vec<f64>)>,
    meta: BTreeMap<String, String>,
    state: Value,
}

impl Parts {
    fn read(path: &Path) -> Parts {
        let bytes = std::fs::read(path).unwrap();
        let (_, header) = SafeTensors::read_metadata(&bytes).unwrap();
        let mut meta: BTreeMap<_, _> = header.metadata().clone().unwrap().into_iter().collect();
        let state = serde_json::from_str(&meta.remove("scratchnet_checkpoint").unwrap()).unwrap();
        let file = SafeTensors::deserialize(&bytes).unwrap();
        let tensors = file
            .tensors()
            .into_iter()
            .map(|(name, t)| {
                let values = t
                    .data()
                    .chunks_exact(8)
                    .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
                    .collect();
                (name, (t.shape().to_vec(), values))
            })
            .collect();
        Parts {
            tensors,
            meta,
            state,
        }
    }

    /// Writes the checkpoint into a new directory under `root`, numbered `case`.
    fn write(&self, root: &Path, case: usize) -> PathBuf {
        let dir = root.join(format!("case{case}"));
        std::fs::create_dir_all(&dir).unwrap();
        let bytes: Vec<(String, Vec<usize>, Vec<u8>)> = self
            .tensors
            .iter()
            .map(|(n, (shape, v))| {
                (
                    n.clone(),
                    shape.clone(),
                    v.iter().flat_map(|x| x.to_le_bytes()).collect(),
                )
            })
            .collect();
        let views: Vec<_> = bytes
            .iter()
            .map(|(n, shape, b)| {
                (
                    n.clone(),
                    TensorView::new(Dtype::F64, shape.clone(), b).unwrap(),
                )
            })
            .collect();
        let mut meta: std::collections::HashMap<_, _> = self.meta.clone().into_iter().collect();
        meta.insert("scratchnet_checkpoint".into(), self.state.to_string());
        let file = safetensors::tensor::serialize(views, Some(meta)).unwrap();
        std::fs::write(dir.join(CHECKPOINT_FILE), file).unwrap();
        dir
    }

    fn reshape(&mut self, name: &str, shape: &[usize]) {
        let n = shape.iter().product();
        let t = self.tensors.get_mut(name).unwrap();
        t.0 = shape.to_vec();
        t.1.resize(n, 0.5);
    }
}

/// A real checkpoint of `kind` after 40 iterations (of 100) on the built-in slice, hidden 50.
fn real(root: &Path, kind: OptimizerKind) -> Parts {
    let config = TrainConfig {
        iters: 100,
        optimizer: OptimizerConfig::new(kind),
        ..TrainConfig::default()
    };
    let mut t = Training::new(config).unwrap();
    common::engine_run(&mut t, common::slice(), |e| match e {
        scratchnet::train::TrainEvent::Iteration { iter: 39, .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    assert_eq!(t.next_iter, 40);
    let dir = root.join(format!("{kind:?}"));
    t.save_checkpoint(&dir).unwrap();
    Parts::read(&dir.join(CHECKPOINT_FILE))
}

/// Resumes `dir` and, if that works, trains 2 more iterations; `Err` with the message if the
/// checkpoint is refused. Panics (and so fails the test) only if scratchnet panics.
fn resume_and_run(dir: &Path) -> Result<(), String> {
    let mut t: Training = Training::resume(dir).map_err(|e| {
        let mut message = e.to_string();
        let mut cause = std::error::Error::source(&e);
        while let Some(c) = cause {
            message += &format!(": {c}");
            cause = c.source();
        }
        message
    })?;
    t.config.iters = t.next_iter + 2;
    common::engine_run(&mut t, common::slice(), |_| ControlFlow::Continue(()));
    Ok(())
}

/// Each crafted checkpoint of the issue is refused, and the message names the file and what
/// is wrong; the untouched checkpoint resumes.
#[test]
fn crafted_checkpoints_are_refused_by_name() {
    let root = tempfile::tempdir().unwrap();
    let adam = real(root.path(), OptimizerKind::Adam);
    let momentum = real(root.path(), OptimizerKind::Momentum);
    type Craft = fn(&mut Parts);
    let cases: Vec<(&str, Parts, Craft, &str)> = vec![
        ("untouched", adam.clone(), |_| {}, ""),
        (
            "b2 moment of length 3",
            adam.clone(),
            |p| p.reshape("optimizer.second.b2", &[3]),
            "optimizer.second.b2 has shape [3]",
        ),
        (
            "transposed W2 moment",
            adam.clone(),
            |p| p.reshape("optimizer.first.W2", &[10, 50]),
            "optimizer.first.W2 has shape [10, 50]",
        ),
        (
            "b1 moment as a matrix",
            adam.clone(),
            |p| p.reshape("optimizer.first.b1", &[50, 1]),
            "optimizer.first.b1",
        ),
        (
            "W2 of 5 classes",
            adam.clone(),
            |p| {
                p.reshape("W2", &[50, 5]);
                p.reshape("b2", &[5]);
                p.meta.insert("output_size".into(), "5".into());
            },
            "10 classes",
        ),
        (
            "W1 of 10 pixels",
            adam.clone(),
            |p| {
                p.reshape("W1", &[10, 50]);
                p.meta.insert("input_size".into(), "10".into());
            },
            "784 pixels",
        ),
        (
            "no hidden units",
            momentum.clone(),
            |p| {
                for n in ["W1", "optimizer.first.W1"] {
                    p.reshape(n, &[784, 0]);
                }
                for n in ["b1", "optimizer.first.b1"] {
                    p.reshape(n, &[0]);
                }
                for n in ["W2", "optimizer.first.W2"] {
                    p.reshape(n, &[0, 10]);
                }
                p.state["config"]["hidden"] = json!(1);
                p.meta.insert("hidden_size".into(), "0".into());
            },
            "empty layer",
        ),
        (
            "batch of a million",
            adam.clone(),
            |p| p.state["config"]["batch_size"] = json!(1_000_000),
            "batch size",
        ),
        (
            "batch of 10^12",
            adam.clone(),
            |p| p.state["config"]["batch_size"] = json!(1_000_000_000_000u64),
            "batch size",
        ),
        (
            "no second moments",
            adam.clone(),
            |p| p.tensors.retain(|n, _| !n.starts_with("optimizer.second")),
            "has no tensor optimizer.second.W1",
        ),
        (
            "a renamed moment",
            adam.clone(),
            |p| {
                let t = p.tensors.remove("optimizer.second.b2").unwrap();
                p.tensors.insert("optimizer.second.B2".into(), t);
            },
            "no tensor optimizer.second.b2",
        ),
        (
            "an extra tensor",
            momentum.clone(),
            |p| {
                let t = p.tensors["optimizer.first.b2"].clone();
                p.tensors.insert("optimizer.second.b2".into(), t);
            },
            "has a tensor optimizer.second.b2",
        ),
        (
            "hidden disagreeing",
            adam.clone(),
            |p| p.state["config"]["hidden"] = json!(60),
            "`config.hidden` is 60",
        ),
        (
            "activation disagreeing",
            adam.clone(),
            |p| p.state["config"]["activation"] = json!("relu"),
            "`config.activation` is relu",
        ),
        (
            "metadata disagreeing",
            adam.clone(),
            |p| {
                p.meta.insert("hidden_size".into(), "70".into());
            },
            "`hidden_size`",
        ),
        (
            "optimizer step 2^64-1",
            adam.clone(),
            |p| p.state["optimizer_step"] = json!(u64::MAX),
            "`optimizer_step` is 18446744073709551615",
        ),
        (
            "past its end",
            adam.clone(),
            |p| p.state["config"]["iters"] = json!(5),
            "`next_iter` is 40",
        ),
        (
            "a stream that skips",
            adam.clone(),
            |p| p.state["rng"]["next_stream"] = json!(7),
            "field `rng`",
        ),
        (
            "a short history",
            adam.clone(),
            |p| {
                p.state["history"]["loss"].as_array_mut().unwrap().pop();
            },
            "`history.loss` has 39",
        ),
        (
            "a moved epoch",
            adam.clone(),
            |p| p.state["history"]["epochs"][0]["iter"] = json!(3),
            "`history.epochs[0]`",
        ),
        (
            "an accuracy of 2",
            adam.clone(),
            |p| p.state["history"]["epochs"][0]["test_acc"] = json!(2.0),
            "`history.epochs[0]`",
        ),
        (
            "a final accuracy too early",
            adam.clone(),
            |p| {
                p.state["history"]["final_accuracy"] =
                    json!({"iters": 40, "train_acc": 0.5, "test_acc": 0.5})
            },
            "`history.final_accuracy`",
        ),
        (
            "a weight of infinity",
            adam.clone(),
            |p| p.tensors.get_mut("b1").unwrap().1[0] = f64::INFINITY,
            "tensor b1 holds inf",
        ),
    ];
    for (case, (what, mut parts, craft, expected)) in cases.into_iter().enumerate() {
        craft(&mut parts);
        let dir = parts.write(root.path(), case);
        let result = std::panic::catch_unwind(|| resume_and_run(&dir))
            .unwrap_or_else(|_| panic!("{what}: scratchnet panicked"));
        if expected.is_empty() {
            assert_eq!(result, Ok(()), "{what}");
            continue;
        }
        let message = result.expect_err(what);
        assert!(
            message.contains(&dir.join(CHECKPOINT_FILE).display().to_string())
                && message.contains(expected),
            "{what}: expected the file and {expected:?} in {message:?}"
        );
    }
}

/// 300 random changes to real checkpoints of every rule (a tensor reshaped, removed or added;
/// a field of the state or the metadata set to an odd value; bytes of the file overwritten):
/// each is refused with an error or resumes and trains, and none panics.
#[test]
fn mutated_checkpoints_never_panic() {
    let root = tempfile::tempdir().unwrap();
    let kinds = [
        OptimizerKind::Sgd,
        OptimizerKind::Nesterov,
        OptimizerKind::RmsProp,
        OptimizerKind::Adam,
    ];
    let reals: Vec<Parts> = kinds.iter().map(|&k| real(root.path(), k)).collect();
    let odd = [
        json!(0),
        json!(1),
        json!(3),
        json!(-1),
        json!(0.5),
        json!(1e300),
        json!(u64::MAX),
        json!(1_000_000),
        json!(1_000_000_000_000u64),
        json!("relu"),
        json!(null),
        json!([]),
        json!({}),
    ];
    let fields = [
        "/config/iters",
        "/config/batch_size",
        "/config/hidden",
        "/config/activation",
        "/config/optimizer/kind",
        "/config/optimizer/lr",
        "/config/optimizer/momentum",
        "/config/grad",
        "/config/dtype",
        "/config/seed",
        "/config/weight_init_std",
        "/next_iter",
        "/optimizer_step",
        "/rng/next_stream",
        "/rng/seed",
        "/history/iters_per_epoch",
        "/history/loss/0",
        "/history/epochs/0/iter",
        "/history/epochs",
        "/history/loss",
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let (mut refused, mut resumed) = (0, 0);
    for case in 0..300 {
        let mut parts = reals[case % reals.len()].clone();
        let names: Vec<String> = parts.tensors.keys().cloned().collect();
        let name = names[rng.random_range(0..names.len())].clone();
        let mut bytes_to_flip = 0;
        match rng.random_range(0..6) {
            0 => {
                let shape: Vec<usize> = (0..rng.random_range(0..4))
                    .map(|_| [0, 1, 3, 5, 10, 50, 784][rng.random_range(0..7)])
                    .collect();
                parts.reshape(&name, &shape);
            }
            1 => {
                parts.tensors.remove(&name);
            }
            2 => {
                let t = parts.tensors[&name].clone();
                parts.tensors.insert(
                    format!("optimizer.{}.{name}", ["first", "second"][case % 2]),
                    t,
                );
            }
            3 => {
                let field = fields[rng.random_range(0..fields.len())];
                if let Some(v) = parts.state.pointer_mut(field) {
                    *v = odd[rng.random_range(0..odd.len())].clone();
                }
            }
            4 => {
                let key = [
                    "input_size",
                    "hidden_size",
                    "output_size",
                    "activation",
                    "format",
                ][case % 5];
                parts.meta.insert(
                    key.into(),
                    ["0", "-1", "784", "relu", "x", "99999999999999999999"][rng.random_range(0..6)]
                        .into(),
                );
            }
            _ => bytes_to_flip = rng.random_range(1..8),
        }
        let dir = parts.write(root.path(), case);
        let file = dir.join(CHECKPOINT_FILE);
        let mut bytes = std::fs::read(&file).unwrap();
        for _ in 0..bytes_to_flip {
            let i = rng.random_range(0..bytes.len());
            bytes[i] = rng.next_u32() as u8;
        }
        std::fs::write(&file, &bytes).unwrap();
        match std::panic::catch_unwind(AssertUnwindSafe(|| resume_and_run(&dir))) {
            Ok(Ok(())) => resumed += 1,
            Ok(Err(_)) => refused += 1,
            Err(_) => panic!("case {case}: scratchnet panicked on {}", file.display()),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    // most changes make a checkpoint inconsistent; a few (a seed, a learning rate, a
    // flipped byte inside a weight) make a different but valid run
    assert!(
        refused > 200 && resumed > 0,
        "refused {refused}, resumed {resumed}"
    );
}

/// A finished run given more iterations and stopped on the way checkpoints a state that
/// resumes: its old final accuracy is dropped, as its weights are no longer the final ones.
#[test]
fn an_extended_run_checkpoints_and_resumes() {
    let root = tempfile::tempdir().unwrap();
    let config = TrainConfig {
        iters: 60,
        hidden: 10,
        ..TrainConfig::default()
    };
    let mut t = common::train(config, common::slice());
    assert!(t.history.final_accuracy.is_some());
    t.config.iters = 200;
    let outcome = common::engine_run(&mut t, common::slice(), |e| match e {
        scratchnet::train::TrainEvent::Iteration { iter: 99, .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    assert_eq!(
        outcome,
        scratchnet::train::Outcome::Stopped { next_iter: 100 }
    );
    assert_eq!(t.history.final_accuracy, None);
    t.save_checkpoint(root.path()).unwrap();
    assert_eq!(resume_and_run(root.path()), Ok(()));
}
