//! MNIST: the loader's error paths on small files written here, where the data is looked for,
//! and training on the built-in slice of the real MNIST (`tests/full_mnist.rs` has the tests
//! that need all of it).

mod common;

use common::{slice, train};

use std::io::Write;
use std::ops::ControlFlow;
use std::path::Path;

use scratchnet::data::mnist::FILES;
use scratchnet::train::{GradMethod, Outcome, TrainConfig, TrainEvent, Training};
use scratchnet::{Activation, Error, Mnist, OptimizerConfig, OptimizerKind, TwoLayerNet};

/// IDX bytes: images `n × 28 × 28` (pixel value `i % 256`) or labels.
fn idx_images(n: u32, claimed: u32) -> Vec<u8> {
    let mut b = [0x0000_0803u32, claimed, 28, 28]
        .iter()
        .flat_map(|w| w.to_be_bytes())
        .collect::<Vec<u8>>();
    b.extend((0..n as usize * 784).map(|i| (i % 256) as u8));
    b
}

fn idx_labels(labels: &[u8]) -> Vec<u8> {
    let mut b = [0x0000_0801u32, labels.len() as u32]
        .iter()
        .flat_map(|w| w.to_be_bytes())
        .collect::<Vec<u8>>();
    b.extend_from_slice(labels);
    b
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A directory with a small but valid MNIST (3 training, 2 test images), raw or gzip.
fn small_dataset(dir: &Path, gz: bool) {
    let files = [
        idx_images(3, 3),
        idx_labels(&[5, 0, 4]),
        idx_images(2, 2),
        idx_labels(&[7, 2]),
    ];
    for (name, bytes) in FILES.iter().zip(files) {
        let (name, bytes) = if gz {
            (format!("{name}.gz"), gzip(&bytes))
        } else {
            (name.to_string(), bytes)
        };
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

#[test]
fn small_files_load_raw_and_gzip() {
    for gz in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        small_dataset(dir.path(), gz);
        let m = Mnist::load(dir.path()).unwrap();
        assert_eq!((m.train.len(), m.test.len()), (3, 2));
        assert_eq!(m.train.labels.to_vec(), [5, 0, 4]);
        assert_eq!(m.train.images[(1, 0)], (784 % 256) as u8);
    }
}

/// Writes a small valid data set into a fresh directory, lets `damage` break it, and returns the
/// loader's error message.
fn broken(gz: bool, damage: impl FnOnce(&Path)) -> String {
    let dir = tempfile::tempdir().unwrap();
    small_dataset(dir.path(), gz);
    damage(dir.path());
    Mnist::load(dir.path())
        .expect_err("the files are broken")
        .to_string()
}

#[test]
fn broken_files_are_named_errors() {
    let images = |d: &Path| d.join("train-images-idx3-ubyte");
    let labels = |d: &Path| d.join("train-labels-idx1-ubyte");

    let err = broken(false, |d| {
        let mut bad = idx_images(3, 3);
        bad[3] = 0x01; // the labels' magic number in an image file
        std::fs::write(images(d), bad).unwrap();
    });
    assert!(
        err.contains("train-images-idx3-ubyte") && err.contains("magic number 0x00000801"),
        "{err}"
    );

    let err = broken(false, |d| {
        std::fs::write(images(d), &idx_images(3, 3)[..16 + 784 + 5]).unwrap()
    });
    assert!(
        err.contains("truncated") && err.contains("promises 3 images"),
        "{err}"
    );

    let err = broken(false, |d| {
        std::fs::write(images(d), &idx_images(3, 3)[..10]).unwrap()
    });
    assert!(err.contains("shorter than the 16-byte IDX header"), "{err}");

    let err = broken(false, |d| {
        std::fs::write(labels(d), idx_labels(&[5, 0])).unwrap()
    });
    assert!(
        err.contains("2 labels") && err.contains("3 images"),
        "{err}"
    );

    let err = broken(false, |d| {
        std::fs::write(labels(d), idx_labels(&[5, 10, 4])).unwrap()
    });
    assert!(
        err.contains("label 1 is 10") && err.contains("0 to 9"),
        "{err}"
    );

    // a forged header: 2^31 images claimed, 2 present. The loader must refuse without trying to
    // allocate 1.7 TB.
    let err = broken(false, |d| {
        std::fs::write(images(d), idx_images(2, 1 << 31)).unwrap()
    });
    assert!(
        err.contains("truncated") && err.contains("2147483648 images"),
        "{err}"
    );
    let err = broken(true, |d| {
        std::fs::write(
            d.join("train-images-idx3-ubyte.gz"),
            gzip(&idx_images(2, u32::MAX)),
        )
        .unwrap()
    });
    assert!(err.contains("4294967295 images"), "{err}");

    let err = broken(false, |d| {
        let mut extra = idx_labels(&[1, 2, 3]);
        extra.push(9);
        std::fs::write(labels(d), extra).unwrap();
    });
    assert!(err.contains("bytes after"), "{err}");

    let err = broken(true, |d| {
        std::fs::write(
            d.join("t10k-labels-idx1-ubyte.gz"),
            b"\x1f\x8bnot really gzip",
        )
        .unwrap()
    });
    assert!(err.contains("t10k-labels-idx1-ubyte.gz"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    match Mnist::load(empty.path()) {
        Err(e @ Error::DataMissing { .. }) => {
            assert!(e.to_string().contains("scratchnet fetch-mnist"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_same_seed_gives_the_same_run_and_resuming_changes_nothing() {
    let data = slice();
    let config = TrainConfig {
        iters: 700,
        hidden: 20,
        seed: 3,
        ..TrainConfig::default()
    };
    let whole = train(config.clone(), data);
    assert_eq!(
        whole,
        train(config.clone(), data),
        "same seed, same history and weights"
    );
    assert_ne!(
        whole.net,
        train(
            TrainConfig {
                seed: 4,
                ..config.clone()
            },
            data
        )
        .net
    );

    // stop after iteration 250, checkpoint, resume in a "new process", finish: with SGD, and
    // with Adam, whose moments and step count must travel in the checkpoint too
    let adam = TrainConfig {
        optimizer: OptimizerConfig::new(OptimizerKind::Adam),
        ..config.clone()
    };
    for (config, whole) in [(config, whole), (adam.clone(), train(adam, data))] {
        let dir = tempfile::tempdir().unwrap();
        let mut first = Training::new(config).unwrap();
        let outcome = first.run(data, |e| match e {
            TrainEvent::Iteration { iter: 250, .. } => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        });
        assert_eq!(outcome, Outcome::Stopped { next_iter: 251 });
        first.save_checkpoint(dir.path()).unwrap();
        let mut resumed = Training::resume(dir.path()).unwrap();
        assert_eq!(resumed, first, "the checkpoint holds the whole state");
        assert_eq!(
            resumed.run(data, |_| ControlFlow::Continue(())),
            Outcome::Finished
        );
        assert_eq!(
            resumed, whole,
            "stopped and resumed ends with exactly the same weights and history"
        );
    }
}

#[test]
fn numerical_and_backprop_gradients_agree_and_numerical_training_runs() {
    let data = slice();
    let (x, t) = data.train.slice(0..5);
    for activation in Activation::ALL {
        let mut net = TwoLayerNet::new(784, 8, 10, 0.01, activation, 1);
        let (_, backprop) = net.gradient(x.view(), &t);
        let numerical = net.numerical_gradient(x.view(), &t);
        for ((name, a), (_, b)) in backprop.named().into_iter().zip(numerical.named()) {
            let worst = a
                .iter()
                .zip(b.iter())
                .map(|(p, q)| (p - q).abs())
                .fold(0.0, f64::max);
            assert!(worst < 1e-6, "{activation} {name}: max |diff| {worst}");
        }
        // the fast numerical gradient against the book's, on real images (80 % zero pixels)
        let fast = net.numerical_gradient_fast(x.view(), &t, 2);
        for ((name, a), (_, b)) in fast.named().into_iter().zip(numerical.named()) {
            let diff = (&a - &b).mapv(|v| v * v).sum().sqrt();
            let size = b.mapv(|v| v * v).sum().sqrt();
            assert!(
                diff <= 1e-6 * size,
                "{activation} {name}: relative difference {}",
                diff / size
            );
        }
    }
    let config = TrainConfig {
        iters: 3,
        batch_size: 4,
        hidden: 3,
        grad: GradMethod::Numerical,
        ..TrainConfig::default()
    };
    let numeric = train(config.clone(), data);
    let reference = train(
        TrainConfig {
            grad: GradMethod::NumericalReference,
            ..config.clone()
        },
        data,
    );
    assert_eq!(numeric.history.epochs.len(), reference.history.epochs.len());
    let backprop = train(
        TrainConfig {
            grad: GradMethod::Backprop,
            ..config
        },
        data,
    );
    for ((_, a), (_, b)) in numeric
        .net
        .params
        .named()
        .into_iter()
        .zip(backprop.net.params.named())
    {
        let worst = a
            .iter()
            .zip(b.iter())
            .map(|(p, q)| (p - q).abs())
            .fold(0.0, f64::max);
        assert!(
            worst < 1e-7,
            "three steps by either gradient end at the same weights: {worst}"
        );
    }
}

#[test]
fn a_learning_rate_of_1000_diverges() {
    let data = slice();
    let mut t = Training::new(TrainConfig {
        optimizer: OptimizerConfig::sgd(1000.0),
        iters: 50,
        ..TrainConfig::default()
    })
    .unwrap();
    match t.run(data, |_| ControlFlow::Continue(())) {
        Outcome::Diverged { iter, loss } => {
            assert_eq!(iter, 0);
            assert!(loss > scratchnet::train::divergence_threshold());
        }
        other => panic!("{other:?}"),
    }
    assert!(t.net.params.is_finite());
}
