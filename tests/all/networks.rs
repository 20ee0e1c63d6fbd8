//! Any network of the book's layers trains through the same driver: `MultiLayerNet` with one
//! hidden layer is `TwoLayerNet` step for step, and with two hidden layers it learns, is
//! checkpointed, resumes exactly from the file and is evaluated by the command line, with
//! nothing in the driver, the checkpoints or `evaluate` written for it. (The playground's
//! Digits page reads its file in `serve.rs`.)

use std::ops::ControlFlow;

use scratchnet::data::mnist::{CLASSES, PIXELS};
use scratchnet::net::Network;
use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
use scratchnet::train::{Outcome, TrainConfig, TrainEvent, Training, accuracy};
use scratchnet::{Activation, OptimizerConfig, OptimizerKind, SavedNetwork, TwoLayerNet};

use crate::common;

/// Runs `training` on the built-in slice to its end, or stops it after the epoch record of
/// iteration `stop_at`.
fn run(training: &mut Training<MultiLayerNet>, stop_at: Option<usize>) -> Outcome {
    training.run(common::slice(), |event| match event {
        TrainEvent::Epoch(e) if Some(e.iter) == stop_at => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    })
}

#[test]
fn one_hidden_layer_trains_as_the_two_layer_net_bit_for_bit() {
    let config = TrainConfig {
        iters: 120,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::new(OptimizerKind::Momentum),
        ..TrainConfig::default()
    };
    let mut two = Training::new(config.clone()).unwrap();
    let start = MultiLayerNet::from_two_layer(&two.net);
    let mut multi = Training::with_network(config, start).unwrap();
    assert_eq!(
        two.run(common::slice(), |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    assert_eq!(run(&mut multi, None), Outcome::Finished);
    assert_eq!(
        multi.history, two.history,
        "the same losses and accuracies, to the bit"
    );
    assert_eq!(multi.net, MultiLayerNet::from_two_layer(&two.net));
}

#[test]
fn two_hidden_layers_learn_checkpoint_resume_exactly_and_evaluate() {
    let data = common::slice();
    let config = TrainConfig {
        iters: 200,
        hidden: 30,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::new(OptimizerKind::Adam),
        ..TrainConfig::default()
    };
    let fresh = || {
        let net = MultiLayerNet::new(
            PIXELS,
            &[30, 30],
            CLASSES,
            Activation::Relu,
            WeightInit::He,
            3,
        );
        Training::with_network(config.clone(), net).unwrap()
    };

    let mut whole = fresh();
    assert_eq!(run(&mut whole, None), Outcome::Finished);
    // it learns: from about ln 10 ≈ 2.3 (guessing) to well under half of it, and reads most
    // of the test images (an epoch is 50 iterations of the 5,000-image slice)
    let loss = &whole.history.loss;
    assert!(loss[0] > 1.5 && loss[199] < 0.8, "{:?}", &loss[..3]);
    let test = accuracy(&whole.net, &data.test);
    assert!(test > 0.8, "test accuracy {test}");
    assert_eq!(whole.history.final_accuracy.unwrap().test_acc, test);

    // stopped after the epoch record of iteration 100, checkpointed, resumed from the file:
    // the same run to the last bit
    let dir = tempfile::tempdir().unwrap();
    let mut first = fresh();
    assert_eq!(
        run(&mut first, Some(100)),
        Outcome::Stopped { next_iter: 101 }
    );
    first.save_checkpoint(dir.path()).unwrap();
    let mut resumed: Training<MultiLayerNet> = Training::resume(dir.path()).unwrap();
    assert_eq!(resumed, first, "the checkpoint holds the whole run");
    assert_eq!(run(&mut resumed, None), Outcome::Finished);
    assert_eq!(resumed, whole);

    // the checkpoint names its network: read as the book's TwoLayerNet, it is refused by name
    let err = Training::<TwoLayerNet>::resume(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"scratchnet MultiLayerNet\""), "{err}");

    // saved, and evaluated by the command line: the accuracy the library measures
    let model = dir.path().join("multi.safetensors");
    whole.net.save(&model).unwrap();
    let out = common::fresh_scratchnet()
        .args(["evaluate", "--json", "--model"])
        .arg(&model)
        .arg("--data")
        .arg(common::slice_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["test_acc"].as_f64(), Some(test));
    let out = common::fresh_scratchnet()
        .args(["evaluate", "--model"])
        .arg(&model)
        .arg("--data")
        .arg(common::slice_dir())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(MultiLayerNet 784-30-30-10 relu): test accuracy"),
        "{text}"
    );
}

/// The settings must describe the network they train: another width or activation is refused
/// before any step, naming the field.
#[test]
fn settings_that_do_not_describe_the_network_are_refused() {
    let net = MultiLayerNet::new(
        PIXELS,
        &[30, 20],
        CLASSES,
        Activation::Relu,
        WeightInit::He,
        3,
    );
    let config = TrainConfig {
        hidden: 30,
        activation: Activation::Relu,
        ..TrainConfig::default()
    };
    let err = Training::with_network(config.clone(), net)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("config.hidden") && err.contains("[30, 20]"),
        "{err}"
    );
    let net = MultiLayerNet::new(
        PIXELS,
        &[30],
        CLASSES,
        Activation::Sigmoid,
        WeightInit::He,
        3,
    );
    let err = Training::with_network(config.clone(), net)
        .unwrap_err()
        .to_string();
    assert!(err.contains("config.activation"), "{err}");
    let net = MultiLayerNet::new(12, &[30], CLASSES, Activation::Relu, WeightInit::He, 3);
    let err = Training::with_network(config, net).unwrap_err().to_string();
    assert!(err.contains("12 inputs"), "{err}");
}

#[test]
fn the_layers_are_named_as_the_book_names_them() {
    let net = MultiLayerNet::new(
        PIXELS,
        &[100, 100, 100],
        CLASSES,
        Activation::Sigmoid,
        WeightInit::Xavier,
        0,
    );
    let layers: Vec<String> = net.layers().names().map(String::from).collect();
    assert_eq!(
        layers,
        [
            "Affine1", "Sigmoid1", "Affine2", "Sigmoid2", "Affine3", "Sigmoid3", "Affine4"
        ]
    );
    // Xavier: standard deviation √(1/n) for a layer fed by n units (784, then 100)
    let std = |a: &ndarray::Array2<f64>| (a.mapv(|v| v * v).mean().unwrap()).sqrt();
    approx::assert_relative_eq!(
        std(&net.params[0].0),
        (1.0f64 / 784.0).sqrt(),
        max_relative = 0.02
    );
    approx::assert_relative_eq!(std(&net.params[1].0), 0.1, max_relative = 0.05);
    assert_eq!(net.kind(), "MultiLayerNet");
}
