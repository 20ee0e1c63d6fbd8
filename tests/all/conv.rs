//! Chapter 7's `SimpleConvNet`: trained on the engine as the book's layers train it, on one core
//! as on two, resumed exactly, and end to end through `train`, `evaluate` and `predict`.

use std::ops::ControlFlow;

use scratchnet::Mnist;
use scratchnet::real::Dtype;
use scratchnet::train::{Outcome, TrainConfig, Training};

use crate::common;

/// `train_convnet.py`'s settings for `iters` iterations.
fn config(iters: usize) -> TrainConfig {
    TrainConfig {
        iters,
        ..TrainConfig::train_convnet()
    }
}

fn on_engine(
    config: TrainConfig,
    mnist: &Mnist,
) -> Training<scratchnet::net::simple_conv::SimpleConvNet> {
    let mut training = Training::simple_conv(config).unwrap();
    let outcome = scratchnet::engine::run_conv(&mut training, mnist, |_| ControlFlow::Continue(()));
    assert_eq!(outcome, Outcome::Finished);
    training
}

/// In `f64` the engine's steps are the book's layers' to rounding (the engine sums its products
/// in another order, and leaves out the zero terms of `dW1`): losses within 1e-10 relative after
/// 60 Adam steps, the same accuracies, weights within 1e-9.
#[test]
fn the_engine_trains_the_convolutional_network_as_the_book_s_layers_do() {
    let mnist = Mnist::builtin();
    let mut book = Training::simple_conv(config(60)).unwrap();
    assert_eq!(
        book.run(&mnist, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    let fast = on_engine(config(60), &mnist);
    for (a, b) in fast.history.loss.iter().zip(&book.history.loss) {
        approx::assert_relative_eq!(a, b, max_relative = 1e-10);
    }
    let accuracies = |t: &Training<_>| -> Vec<(f64, f64)> {
        t.history
            .epochs
            .iter()
            .map(|e| (e.train_acc, e.test_acc))
            .collect()
    };
    assert_eq!(accuracies(&fast), accuracies(&book));
    assert_eq!(fast.history.final_accuracy, book.history.final_accuracy);
    approx::assert_abs_diff_eq!(fast.net.w2, book.net.w2, epsilon = 1e-9);
    approx::assert_abs_diff_eq!(fast.net.w1, book.net.w1, epsilon = 1e-9);
}

/// In `f32`, one core and two give the same history to the last bit (the batch is cut into the
/// same chunks, added in the same order), and it learns as `f64` does.
#[test]
fn one_core_and_two_train_the_convolutional_network_alike() {
    let mnist = Mnist::builtin();
    let f32_on = |threads| {
        let mut config = TrainConfig {
            dtype: Dtype::F32,
            ..config(60)
        };
        config.threads = threads;
        on_engine(config, &mnist)
    };
    let (one, two) = (f32_on(1), f32_on(2));
    assert_eq!(one.history, two.history);
    assert_eq!(one.net, two.net);
    let f64_run = on_engine(config(60), &mnist);
    for (a, b) in one.history.loss.iter().zip(&f64_run.history.loss) {
        assert!(
            (a - b).abs() < 1e-3 * b.abs().max(1.0),
            "{a} against {b} in f64"
        );
    }
}

/// A run stopped after 30 iterations, written to a checkpoint and resumed, ends where a run
/// never stopped ends, bit for bit.
#[test]
fn a_convolutional_run_resumes_exactly() {
    let mnist = Mnist::builtin();
    let whole = on_engine(config(60), &mnist);
    let dir = tempfile::tempdir().unwrap();
    let first = on_engine(config(30), &mnist);
    first.save_checkpoint(dir.path()).unwrap();
    let mut resumed = scratchnet::train::AnyTraining::resume(dir.path()).unwrap();
    resumed.config_mut().iters = 60;
    let scratchnet::train::AnyTraining::SimpleConv(resumed) = &mut resumed else {
        panic!("a SimpleConvNet's checkpoint")
    };
    scratchnet::engine::run_conv(resumed, &mnist, |_| ControlFlow::Continue(()));
    assert_eq!(resumed.history.loss, whole.history.loss);
    assert_eq!(resumed.net, whole.net);
}

/// `train --network simple-conv` on the built-in slice, its network saved and read by
/// `evaluate`, which finds the test accuracy `train` reported, and by the picture commands;
/// chapter 6's choices refused.
#[test]
fn train_evaluate_and_predict_a_convolutional_network() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("conv.safetensors");
    let model = model.to_str().unwrap();
    let out = common::fresh_scratchnet()
        .args(["train", "--network", "simple-conv", "--iters", "50"])
        .args(["--save", model, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let test_acc = report["final_test_acc"].as_f64().unwrap();
    // 50 steps of Adam: far above the 0.1 of guessing (0.79 here)
    assert!(test_acc > 0.7, "{report}");
    let out = common::fresh_scratchnet()
        .args(["evaluate", "--model", model, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let evaluated: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        evaluated["test_acc"].as_f64(),
        Some(test_acc),
        "{evaluated}"
    );

    // what it learned, in pictures: the filters before and after, an image through them, and
    // the images it gets wrong (as many as evaluate's accuracy says)
    let picture = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let run = |args: &[&str]| {
        let out = common::fresh_scratchnet().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let before = run(&["visualize-filter", "--plot", &picture("before.png")]);
    assert!(before.starts_with("30 filters of 5×5"), "{before}");
    run(&[
        "visualize-filter",
        "--model",
        model,
        "--plot",
        &picture("after.png"),
    ]);
    let applied = run(&[
        "apply-filter",
        "--model",
        model,
        "--index",
        "3",
        "--plot",
        &picture("applied.svg"),
    ]);
    assert!(applied.contains("test image 3 (a 0)"), "{applied}");
    let wrong: serde_json::Value = serde_json::from_str(&run(&[
        "misclassified",
        "--model",
        model,
        "--json",
        "--plot",
        &picture("wrong.png"),
    ]))
    .unwrap();
    assert_eq!(wrong["test_acc"].as_f64(), Some(test_acc));
    let list = wrong["misclassified"].as_array().unwrap();
    assert_eq!(list.len(), ((1.0 - test_acc) * 1000.0).round() as usize);
    assert!(list.iter().all(|w| w["label"] != w["predicted"]));
    for name in ["before.png", "after.png", "applied.svg", "wrong.png"] {
        let bytes = std::fs::metadata(dir.path().join(name)).unwrap().len();
        assert!(bytes > 1000, "{name}: {bytes} bytes");
    }
    // the filters of a network without any are refused by name
    let two_layer = picture("two.safetensors");
    run(&["train", "--iters", "1", "--save", &two_layer]);
    let out = common::fresh_scratchnet()
        .args([
            "apply-filter",
            "--model",
            &two_layer,
            "--plot",
            &picture("no.png"),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"scratchnet TwoLayerNet\""), "{stderr}");
    // a new run refuses chapter 6's choices for this network
    let out = common::fresh_scratchnet()
        .args([
            "train",
            "--network",
            "simple-conv",
            "--batchnorm",
            "--iters",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("SimpleConvNet has one hidden layer"),
        "{stderr}"
    );
}
