//! Runs every example (built by `cargo test`) and checks the output its opening comment promises.

use crate::common;
use scratchnet::train::{History, TrainConfig, train_neuralnet};

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `target/<profile>/examples/<name>` in a fresh directory; returns stdout and the directory.
fn run_example(name: &str) -> (String, tempfile::TempDir) {
    run_example_with(name, &[])
}

/// As [`run_example`], with arguments, as on a fresh machine: MNIST is the built-in slice.
fn run_example_with(name: &str, args: &[&str]) -> (String, tempfile::TempDir) {
    let exe = std::env::current_exe().expect("the test's own path");
    let exe_path: PathBuf = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>")
        .join("examples")
        .join(name);
    assert!(
        exe_path.exists(),
        "{} is missing: run `cargo test` without target filters so that examples are built",
        exe_path.display()
    );
    let work = tempfile::tempdir().expect("a temporary directory");
    let out = common::fresh(Command::new(&exe_path))
        .args(args)
        .current_dir(work.path())
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} failed: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), work)
}

fn is_png(path: &Path) -> bool {
    std::fs::read(path)
        .map(|b| b.starts_with(b"\x89PNG\r\n\x1a\n"))
        .unwrap_or(false)
}

#[test]
fn gradient_1d_prints_the_books_derivatives() {
    let (out, dir) = run_example("ch04_gradient_1d");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[..2], ["0.1999999999990898", "0.2999999999986347"]);
    assert!(is_png(
        &dir.path().join("scratchnet-examples/gradient_1d.png")
    ));
}

#[test]
fn gradient_2d_prints_the_books_gradients() {
    let (out, dir) = run_example("ch04_gradient_2d");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "[6.00000000000378, 7.999999999999119]",
            "[0.0, 4.000000000004]",
            "[6.000000000012662, 0.0]"
        ]
    );
    assert!(is_png(
        &dir.path().join("scratchnet-examples/gradient_2d.png")
    ));
}

#[test]
fn gradient_method_ends_where_the_book_does() {
    let (out, dir) = run_example("ch04_gradient_method");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "[-6.111107928998789e-10, 8.148143905314271e-10]");
    assert!(lines[1].starts_with("converged"), "{}", lines[1]);
    assert!(is_png(
        &dir.path().join("scratchnet-examples/gradient_method.png")
    ));
}

#[test]
fn gradient_simplenet_prints_the_books_network() {
    let (out, _dir) = run_example("ch04_gradient_simplenet");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "p = [1.054148091, 0.630716529, 1.132807401]");
    assert_eq!(lines[2], "argmax p = 2");
    let loss: f64 = lines[3]
        .trim_start_matches("loss = ")
        .parse()
        .expect("a number");
    approx::assert_relative_eq!(loss, 0.9280682857864075, max_relative = 1e-15);
    assert!(lines[4].starts_with("dW = [[0.21924757"), "{}", lines[4]);
}

#[test]
fn two_layer_net_has_the_books_shapes() {
    let (out, _dir) = run_example("ch04_two_layer_net");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..4],
        ["W1 (784, 100)", "b1 (100,)", "W2 (100, 10)", "b2 (10,)"]
    );
    assert_eq!(
        lines[4],
        "grads: W1 (784, 100) b1 (100,) W2 (100, 10) b2 (10,)"
    );
    assert!(lines[5].contains("below 1e-6"), "{}", lines[5]);
}

#[test]
fn train_neuralnet_learns_on_the_builtin_slice() {
    // an epoch of the slice's 5,000 images is 50 iterations of 100
    let (out, _dir) = run_example_with("ch04_train_neuralnet", &["601"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        14,
        "evaluations after iterations 0, 50, ..., 600, and the last loss: {out}"
    );
    let test_acc = |line: &str| -> f64 { line.rsplit(", ").next().unwrap().parse().unwrap() };
    // measured: 0.1260 before training, 0.7420 after 600 iterations (seed 0)
    assert!(test_acc(lines[0]) < 0.2, "{out}");
    assert!(test_acc(lines[12]) > 0.7, "{out}");
}

/// The book's training loop three ways: [`train_neuralnet`], the example that writes it out,
/// and `scratchnet train --grad backprop-reference`: the same losses and accuracies, bit for bit
/// (the example prints them in full, as Python's `str`; the command's history is JSON, which
/// round-trips an f64 exactly).
#[test]
fn the_loop_the_example_and_the_command_agree() {
    let iters = 120; // epochs of 50 iterations on the slice: measured after 0, 50 and 100
    let config = TrainConfig {
        iters,
        ..TrainConfig::default()
    };
    let (_, book) = train_neuralnet(common::slice(), &config).unwrap();
    assert_eq!((book.loss.len(), book.epochs.len()), (iters, 3));

    let (out, _dir) = run_example_with("ch04_train_neuralnet", &[&iters.to_string()]);
    let mut expected: Vec<String> = book
        .epochs
        .iter()
        .map(|e| format!("train acc, test acc | {}, {}", e.train_acc, e.test_acc))
        .collect();
    expected.push(format!(
        "loss of the last mini-batch | {}",
        book.loss[iters - 1]
    ));
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);

    let work = tempfile::tempdir().unwrap();
    let history = work.path().join("history.json");
    let status = common::fresh_scratchnet()
        .args([
            "train",
            "--grad",
            "backprop-reference",
            "--iters",
            &iters.to_string(),
        ])
        .arg("--data")
        .arg(common::slice_dir())
        .arg("--history")
        .arg(&history)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&history).unwrap()).unwrap();
    let command: History = serde_json::from_value(serde_json::json!({
        "loss": doc["loss"],
        "epochs": doc["epochs"],
        "iters_per_epoch": doc["iters_per_epoch"],
        "final_accuracy": doc["final"],
    }))
    .unwrap();
    assert_eq!(command, book);
    assert_eq!(command.final_accuracy.map(|f| f.iters), Some(iters));
}

/// The example's whole output, as its documentation states it (the values: the book's scripts
/// run with `repr` for `int`).
#[test]
fn buy_apple_orange_prints_the_books_floats() {
    let (out, _dir) = run_example("ch05_buy_apple_orange");
    let want = "buy_apple.py\nprice: 220.00000000000003\ndApple: 2.2\ndApple_num: 110.00000000000001\n\
                dTax: 200\nbuy_apple_orange.py\nprice: 715.0000000000001\ndApple: 2.2\n\
                dApple_num: 110.00000000000001\ndOrange: 3.3000000000000003\ndOrange_num: 165\n\
                dTax: 650\n";
    assert_eq!(out, want);
}

#[test]
fn gradient_check_finds_tiny_differences() {
    let (out, _dir) = run_example("ch05_gradient_check");
    for (line, activation) in out.lines().zip(["sigmoid", "relu"]) {
        assert!(line.starts_with(activation), "{line}");
        for field in line.split_whitespace().skip(1) {
            let value: f64 = field.split(':').nth(1).unwrap().parse().unwrap();
            assert!(value < 1e-6, "{line}");
        }
    }
}

#[test]
fn optimizer_compare_naive_follows_the_books_paths() {
    let (out, dir) = run_example("ch06_optimizer_compare_naive");
    let lines: Vec<&str> = out.lines().collect();
    // tests/reference/optimizers.json, the book's optimizer.py on the book's bowl
    assert_eq!(
        lines[0],
        "SGD      [-0.3503929957523197, 0.0847823165504322]"
    );
    assert_eq!(
        lines[3],
        "Adam     [0.13600685239498186, 0.31824537553721943]"
    );
    assert!(is_png(
        &dir.path()
            .join("scratchnet-examples/optimizer_compare_naive.png")
    ));
}

#[test]
fn optimizer_compare_mnist_puts_sgd_behind() {
    let (out, dir) = run_example_with("ch06_optimizer_compare_mnist", &["501"]);
    let at_500: Vec<f64> = out
        .split("===== iteration 500")
        .nth(1)
        .expect("a report at iteration 500")
        .lines()
        .filter_map(|l| l.split(": ").nth(1)?.parse().ok())
        .collect();
    assert_eq!(at_500.len(), 4, "{out}");
    assert!(
        at_500[1..].iter().all(|&l| l < at_500[0]),
        "SGD first in {at_500:?}"
    );
    assert!(is_png(
        &dir.path()
            .join("scratchnet-examples/optimizer_compare_mnist.png")
    ));
}

/// The chapter-6 network on the engine learns, and prints the accuracies the book's layers reach
/// with the same network, batches and steps (on the built-in slice, 200 iterations; to the 4
/// digits printed). `--json` prints the run in one line.
#[test]
fn multi_layer_net_learns_as_the_books_layers_do() {
    use scratchnet::data::mnist::{CLASSES, PIXELS};
    use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
    use scratchnet::train::Training;
    use scratchnet::{Activation, OptimizerConfig, OptimizerKind};
    let (out, _) = run_example_with("ch06_multi_layer_net", &["200"]);
    let test_acc: Vec<f64> = out
        .lines()
        .filter(|l| l.starts_with("epoch "))
        .filter_map(|l| l.split("test acc ").nth(1)?.parse().ok())
        .collect();
    assert_eq!(test_acc.len(), 6, "an epoch is 39 iterations of 128: {out}");
    assert!(test_acc[0] < 0.2 && test_acc[5] > 0.7, "{test_acc:?}");

    let config = TrainConfig {
        iters: 200,
        batch_size: 128,
        hidden: 100,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::new(OptimizerKind::Sgd).with_lr(0.01),
        ..TrainConfig::default()
    };
    let net = MultiLayerNet::new(
        PIXELS,
        &[100; 4],
        CLASSES,
        Activation::Relu,
        WeightInit::He,
        0,
    );
    let mut book = Training::with_network(config, net).unwrap();
    book.run(common::slice(), |_| std::ops::ControlFlow::Continue(()));
    let last = book.history.final_accuracy.unwrap();
    let promised = format!(
        "final weights after 200 iterations: train acc {:.4}, test acc {:.4},",
        last.train_acc, last.test_acc
    );
    assert!(out.contains(&promised), "{promised} in {out}");

    let (json, _) = run_example_with("ch06_multi_layer_net", &["40", "--json", "--dtype", "f32"]);
    let doc: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(doc["network"], "MultiLayerNet 784-100-100-100-100-10 relu");
    assert_eq!(doc["iters"], 40);
    assert!(
        doc["engine"]
            .as_str()
            .unwrap()
            .contains("the 4 layers after it")
    );
}
