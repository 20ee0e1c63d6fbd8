//! Any network of the book's layers trains through the same driver: `MultiLayerNet` with one
//! hidden layer is `TwoLayerNet` step for step, and with two hidden layers it learns, stops and
//! resumes exactly, with nothing in the driver written for it.

use std::ops::ControlFlow;

use scratchnet::data::mnist::{CLASSES, PIXELS};
use scratchnet::net::Network;
use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
use scratchnet::train::{BookSteps, History, Outcome, Progress, TrainConfig, Training, accuracy};
use scratchnet::{Activation, Mnist, Optimizer, OptimizerConfig, OptimizerKind};

use crate::common;

/// `net` trained by the book's driver with backpropagation through its layers, for the
/// iterations `config` still has after `next_iter`; stops after the epoch record at `stop_at`
/// if given.
fn drive(
    net: &mut MultiLayerNet,
    optimizer: &mut Optimizer,
    config: &TrainConfig,
    history: &mut History,
    next_iter: &mut usize,
    data: &Mnist,
    stop_at: Option<usize>,
) -> Outcome {
    let progress = Progress {
        config,
        history,
        next_iter,
    };
    let mut steps = BookSteps::new(net, optimizer, data, |net: &mut MultiLayerNet, x, t| {
        net.gradient(x, t.into()).1
    });
    progress.run(&mut steps, data, |event| match event {
        scratchnet::train::TrainEvent::Epoch(e) if Some(e.iter) == stop_at => {
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    })
}

#[test]
fn one_hidden_layer_trains_as_the_two_layer_net_bit_for_bit() {
    let data = common::slice();
    let config = TrainConfig {
        iters: 120,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::new(OptimizerKind::Momentum),
        ..TrainConfig::default()
    };
    let mut two = Training::new(config.clone()).unwrap();
    let mut multi = MultiLayerNet::from_two_layer(&two.net);
    assert_eq!(
        two.run(data, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );

    let mut optimizer = Optimizer::new(config.optimizer).unwrap();
    let (mut history, mut next_iter) = (History::default(), 0);
    let outcome = drive(
        &mut multi,
        &mut optimizer,
        &config,
        &mut history,
        &mut next_iter,
        data,
        None,
    );
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(
        history, two.history,
        "the same losses and accuracies, to the bit"
    );
    assert_eq!(multi, MultiLayerNet::from_two_layer(&two.net));
}

#[test]
fn two_hidden_layers_learn_stop_and_resume_exactly() {
    let data = common::slice();
    let config = TrainConfig {
        iters: 200,
        optimizer: OptimizerConfig::new(OptimizerKind::Adam),
        ..TrainConfig::default()
    };
    let fresh = || {
        MultiLayerNet::new(
            PIXELS,
            &[40, 20],
            CLASSES,
            Activation::Relu,
            WeightInit::He,
            3,
        )
    };

    let mut whole = fresh();
    let mut optimizer = Optimizer::new(config.optimizer).unwrap();
    let (mut history, mut next_iter) = (History::default(), 0);
    let outcome = drive(
        &mut whole,
        &mut optimizer,
        &config,
        &mut history,
        &mut next_iter,
        data,
        None,
    );
    assert_eq!(outcome, Outcome::Finished);
    // it learns: from about ln 10 ≈ 2.3 (guessing) to well under half of it, and reads most
    // of the test images (an epoch is 50 iterations of the 5,000-image slice)
    assert!(
        history.loss[0] > 1.5 && history.loss[199] < 0.8,
        "{:?}",
        &history.loss[..3]
    );
    let test = accuracy(&whole, &data.test);
    assert!(test > 0.8, "test accuracy {test}");
    assert_eq!(history.final_accuracy.unwrap().test_acc, test);

    // stopped after the epoch record of iteration 100, and resumed: the same run
    let mut pieces = fresh();
    let mut optimizer = Optimizer::new(config.optimizer).unwrap();
    let (mut resumed, mut next_iter) = (History::default(), 0);
    let stopped = drive(
        &mut pieces,
        &mut optimizer,
        &config,
        &mut resumed,
        &mut next_iter,
        data,
        Some(100),
    );
    assert_eq!(stopped, Outcome::Stopped { next_iter: 101 });
    let rest = drive(
        &mut pieces,
        &mut optimizer,
        &config,
        &mut resumed,
        &mut next_iter,
        data,
        None,
    );
    assert_eq!(rest, Outcome::Finished);
    assert_eq!((resumed, pieces), (history, whole));
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
