//! MNIST: the loader's error paths on small files written here, where the data is looked for,
//! and training on the built-in slice of the real MNIST (`tests/all/full_mnist.rs` has the tests
//! that need all of it).

use crate::common;

use common::{slice, train};

use std::io::Write;
use std::ops::ControlFlow;
use std::path::Path;

use sha2::Digest;
use std::process::Command;

use scratchnet::data::mnist::FILES;
use scratchnet::data::source::MnistSource;
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

/// A directory holding a valid MNIST of `n` training and 2 test images, and the directory.
fn dataset_of(n: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let labels: Vec<u8> = (0..n).map(|i| (i % 10) as u8).collect();
    let files = [
        idx_images(n, n),
        idx_labels(&labels),
        idx_images(2, 2),
        idx_labels(&[7, 2]),
    ];
    for (name, bytes) in FILES.iter().zip(files) {
        std::fs::write(dir.path().join(format!("{name}.gz")), gzip(&bytes)).unwrap();
    }
    dir
}

#[test]
fn mnist_is_looked_for_in_data_then_env_then_cache_then_builtin() {
    let (given, env, cache) = (dataset_of(3), dataset_of(4), dataset_of(5));
    let (given, env, cache) = (given.path(), env.path(), cache.path());
    let empty = tempfile::tempdir().unwrap();
    let lookup = MnistSource::lookup;
    assert_eq!(
        lookup(Some(given), Some(env), cache),
        MnistSource::Given(given.into())
    );
    assert_eq!(lookup(None, Some(env), cache), MnistSource::Env(env.into()));
    assert_eq!(lookup(None, None, cache), MnistSource::Cache(cache.into()));
    assert_eq!(lookup(None, None, empty.path()), MnistSource::BuiltIn);
    // a cache with three of the four files (an interrupted download) is not used
    let partial = dataset_of(5);
    std::fs::remove_file(partial.path().join("t10k-labels-idx1-ubyte.gz")).unwrap();
    assert_eq!(lookup(None, None, partial.path()), MnistSource::BuiltIn);
    // a setting that points nowhere is an error, not a silent fallback to the slice
    for source in [
        lookup(Some(empty.path()), None, cache),
        lookup(None, Some(empty.path()), cache),
    ] {
        match source.load() {
            Err(e @ Error::DataMissing { .. }) => {
                // the library says what is missing where; the command line adds what to run
                assert!(
                    e.to_string()
                        .contains("train-images-idx3-ubyte.gz is not in"),
                    "{e}"
                )
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(MnistSource::BuiltIn.load().unwrap(), Mnist::builtin());
    // find_mnist says where the directory was named, and why it failed
    match scratchnet::find_mnist(Some(empty.path())) {
        Err(Error::MnistFrom { from, cause }) => {
            assert_eq!(from, MnistSource::Given(empty.path().into()));
            assert!(matches!(*cause, Error::DataMissing { .. }), "{cause}");
        }
        other => panic!("{other:?}"),
    }

    // the command line, with a real environment: each line names the images it found
    let run = |data: Option<&Path>, env: Option<&Path>, cache_home: &Path| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_scratchnet"));
        command.args([
            "train",
            "--iters",
            "1",
            "--batch-size",
            "2",
            "--hidden",
            "2",
        ]);
        if let Some(data) = data {
            command.arg("--data").arg(data);
        }
        match env {
            Some(env) => command.env("SCRATCHNET_DATA", env),
            None => command.env_remove("SCRATCHNET_DATA"),
        };
        let out = command.env("XDG_CACHE_HOME", cache_home).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{err}");
        err.lines().next().unwrap().to_string()
    };
    // the cache is $XDG_CACHE_HOME/scratchnet/mnist
    let cache_home = tempfile::tempdir().unwrap();
    let cached = cache_home.path().join("scratchnet/mnist");
    std::fs::create_dir_all(cached.parent().unwrap()).unwrap();
    std::fs::rename(cache, &cached).unwrap();
    let line = |n: usize, dir: &Path, why: &str| {
        format!(
            "MNIST: {n} training and 2 test images from {} ({why})",
            dir.display()
        )
    };
    assert_eq!(
        run(Some(given), Some(env), cache_home.path()),
        line(3, given, "--data")
    );
    assert_eq!(
        run(None, Some(env), cache_home.path()),
        line(4, env, "$SCRATCHNET_DATA")
    );
    assert_eq!(
        run(None, None, cache_home.path()),
        line(5, &cached, "the cache `scratchnet fetch-mnist` fills")
    );
    assert_eq!(
        run(None, None, empty.path()),
        "MNIST: the built-in slice, 5,000 training and 1,000 test images; \
         `scratchnet fetch-mnist` gets all 70,000"
    );
    // a $SCRATCHNET_DATA that points nowhere: the error says it came from there
    let out = Command::new(env!("CARGO_BIN_EXE_scratchnet"))
        .args(["train", "--iters", "1"])
        .env("SCRATCHNET_DATA", empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "error: reading MNIST from {} ($SCRATCHNET_DATA)",
            empty.path().display()
        )) && err.contains("scratchnet fetch-mnist"),
        "{err}"
    );
}

#[test]
fn the_builtin_slice_is_the_repositorys_files_with_the_stated_checksums() {
    // crates/book/data/mnist-slice/README.md: the SHA-256 of each file's decompressed bytes
    let stated = [
        "1e3ffdb2f57e22d9e5363dde25c2d057542c2e72baa312f0f3b03948bb3802b7",
        "685aeb7baef68233efa643639a5e9c15bb48be09a628f96fb7f606ca2a1ea7bc",
        "de7c252b04f05e1f8309634180ccdf286dc6dbac8c579b74e76e02ae0331ca52",
        "832c0d20f0dc42e575488c75a83a970787d4c8d4d05831b2ef03701b4a478a90",
    ];
    let dir = common::slice_dir();
    for (name, sha) in FILES.iter().zip(stated) {
        let path = dir.join(format!("{name}.gz"));
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()),
            &mut bytes,
        )
        .unwrap();
        let digest: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, sha, "{name}");
    }
    let m = Mnist::builtin();
    assert_eq!(
        m,
        Mnist::load(&dir).unwrap(),
        "the compiled-in bytes are these files"
    );
    assert_eq!((m.train.len(), m.test.len()), (5_000, 1_000));
    let count =
        |labels: &ndarray::Array1<u8>, digit: u8| labels.iter().filter(|&&l| l == digit).count();
    assert_eq!(count(&m.train.labels, 1), 563, "the README's count of ones");
    assert_eq!(
        count(&m.test.labels, 0),
        85,
        "the README's count of test zeros"
    );
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

    // a directory, a named pipe and a link to /dev/zero in a file's place: said as they are
    // (they were reported as files missing from the directory)
    let err = broken(false, |d| {
        std::fs::remove_file(images(d)).unwrap();
        std::fs::create_dir(d.join("train-images-idx3-ubyte.gz")).unwrap();
    });
    assert!(
        err.contains("train-images-idx3-ubyte.gz") && err.contains("is a directory, not a file"),
        "{err}"
    );
    #[cfg(unix)]
    {
        let err = broken(false, |d| {
            std::fs::remove_file(images(d)).unwrap();
            std::os::unix::fs::symlink("/dev/zero", images(d)).unwrap();
        });
        assert!(
            err.contains("a device, pipe or socket, not a file"),
            "{err}"
        );
        let err = broken(false, |d| {
            std::fs::remove_file(labels(d)).unwrap();
            let made = std::process::Command::new("mkfifo")
                .arg(labels(d))
                .status()
                .unwrap();
            assert!(made.success());
        });
        assert!(
            err.contains("a device, pipe or socket, not a file"),
            "{err}"
        );
    }

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

    // forged headers: 2^31 images claimed, 2 present, refused at the header (above the cap of
    // 2^20); 2^20 claimed, 2 present, read until the bytes run out, never allocating 822 MB.
    let err = broken(false, |d| {
        std::fs::write(images(d), idx_images(2, 1 << 31)).unwrap()
    });
    assert!(
        err.contains("claims 2147483648 images: more than the 1048576"),
        "{err}"
    );
    let err = broken(false, |d| {
        std::fs::write(images(d), idx_images(2, 1 << 20)).unwrap()
    });
    assert!(
        err.contains("truncated") && err.contains("1048576 images"),
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
            assert!(
                e.to_string().contains(&empty.path().display().to_string()),
                "{e}"
            )
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
        let outcome = common::engine_run(&mut first, data, |e| match e {
            TrainEvent::Iteration { iter: 250, .. } => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        });
        assert_eq!(outcome, Outcome::Stopped { next_iter: 251 });
        first.save_checkpoint(dir.path()).unwrap();
        let mut resumed = Training::resume(dir.path()).unwrap();
        assert_eq!(resumed, first, "the checkpoint holds the whole state");
        assert_eq!(
            common::engine_run(&mut resumed, data, |_| ControlFlow::Continue(())),
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
        let fast = scratchnet::engine::numerical::numerical_gradient(&net, x.view(), &t, 2);
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

/// The divergence rule: a loss above 1.5 ln 10 and no recovery in the next 100 iterations.
/// SGD with learning rate 1000 spikes at iteration 0 (measured 13.2) and never recovers: one
/// divergence, reported once at iteration 100 and extended to the end, and the run goes on to
/// its end; with `stop_on_divergence` it stops at iteration 100.
#[test]
fn a_learning_rate_of_1000_diverges() {
    let data = slice();
    let config = TrainConfig {
        optimizer: OptimizerConfig::sgd(1000.0),
        iters: 500,
        ..TrainConfig::default()
    };
    let mut t = Training::new(config.clone()).unwrap();
    let mut reported = Vec::new();
    let outcome = common::engine_run(&mut t, data, |event| {
        if let scratchnet::train::TrainEvent::Divergence(d) = event {
            reported.push(*d);
        }
        ControlFlow::Continue(())
    });
    assert_eq!(
        outcome,
        Outcome::Finished,
        "a divergence does not stop a run"
    );
    assert_eq!(reported.len(), 1, "{reported:?}");
    let [d] = t.history.divergences[..] else {
        panic!("{:?}", t.history.divergences)
    };
    assert_eq!((d.iter, reported[0].iter, reported[0].until), (0, 0, 100));
    assert!(d.loss > scratchnet::train::spike_threshold(), "{d:?}");
    assert!(d.mean_after > 10.0, "{d:?}");
    assert!(d.until >= 400, "extended to the end: {d:?}");

    let mut t = Training::new(TrainConfig {
        stop_on_divergence: true,
        ..config
    })
    .unwrap();
    match common::engine_run(&mut t, data, |_| ControlFlow::Continue(())) {
        Outcome::Diverged {
            iter,
            loss,
            mean_after,
            weights_of,
        } => {
            assert_eq!((iter, weights_of), (0, 101));
            assert!(loss > scratchnet::train::spike_threshold(), "{loss}");
            assert!(mean_after.unwrap() > 10.0, "{mean_after:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(t.next_iter, 1 + scratchnet::train::DIVERGENCE_WINDOW);
    assert!(t.net.params.is_finite());
}

/// Runs that a rule of thumb used to stop, and that learn: a wide network at the book's rate
/// (it spiked at its first steps and was stopped at iteration 3, where NumPy's run of the same
/// loop reaches 0.898) and batches of one image (stopped at iteration 5164 as train accuracy
/// rose from 0.09 to 0.59). Each runs to its end and learns; a divergence is at most reported.
#[test]
fn healthy_runs_that_spike_run_to_their_end() {
    let data = slice();
    for (hidden, batch_size, lr, iters) in [(1000, 100, 0.1, 300), (10, 1, 0.01, 6000)] {
        let mut t = Training::new(TrainConfig {
            hidden,
            batch_size,
            optimizer: OptimizerConfig::sgd(lr),
            iters,
            dtype: scratchnet::real::Dtype::F32,
            ..TrainConfig::default()
        })
        .unwrap();
        let outcome = common::engine_run(&mut t, data, |_| ControlFlow::Continue(()));
        assert_eq!(
            outcome,
            Outcome::Finished,
            "hidden {hidden}, batch {batch_size}"
        );
        let last = t.history.final_accuracy.unwrap();
        assert!(
            last.train_acc > 0.5,
            "hidden {hidden}, batch {batch_size}: {last:?}, {:?}",
            t.history.divergences
        );
    }
}

/// The six update rules at their default rates, over hidden sizes and batch sizes: none
/// diverges, none is stopped.
#[test]
fn no_rule_at_its_default_rate_diverges() {
    let data = slice();
    for kind in scratchnet::OptimizerKind::ALL {
        for (hidden, batch_size) in [(50, 1), (1000, 100), (200, 1000)] {
            let mut t = Training::new(TrainConfig {
                hidden,
                batch_size,
                activation: scratchnet::Activation::Relu,
                optimizer: OptimizerConfig::new(kind).with_lr(TrainConfig::default_lr(kind)),
                iters: 120,
                dtype: scratchnet::real::Dtype::F32,
                ..TrainConfig::default()
            })
            .unwrap();
            let outcome = common::engine_run(&mut t, data, |_| ControlFlow::Continue(()));
            assert_eq!(outcome, Outcome::Finished, "{kind:?} {hidden} {batch_size}");
            assert!(
                t.history.divergences.is_empty(),
                "{kind:?} hidden {hidden} batch {batch_size}: {:?}",
                t.history.divergences
            );
        }
    }
}

/// The images of a gzip MNIST are kept unpacked in the cache after the first run: the second
/// run reads them from there and prints the same numbers; a damaged copy is not used.
#[test]
fn the_images_are_kept_unpacked_and_the_copy_changes_nothing() {
    let cache = tempfile::tempdir().unwrap();
    let run = || {
        let out = common::fresh_scratchnet()
            .env("XDG_CACHE_HOME", cache.path())
            .args([
                "train", "--iters", "60", "--hidden", "10", "--json", "--data",
            ])
            .arg(common::slice_dir())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc.as_object_mut().unwrap().remove("seconds");
        doc
    };
    let first = run();
    let unpacked = cache.path().join("scratchnet/mnist/unpacked");
    let mut copies: Vec<_> = std::fs::read_dir(&unpacked)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    copies.sort();
    let names: Vec<_> = copies
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // the slice's 5,000 and 1,000 images: a 16-byte header and 784 bytes each
    assert!(names[0].starts_with("t10k-images-idx3-ubyte-"), "{names:?}");
    assert!(
        names[0].ends_with(&format!("-{}", 16 + 1_000 * 784)),
        "{names:?}"
    );
    assert!(
        names[1].ends_with(&format!("-{}", 16 + 5_000 * 784)),
        "{names:?}"
    );
    assert_eq!(names.len(), 2, "labels are not kept: {names:?}");
    assert_eq!(run(), first, "read from the copies");
    // a damaged copy: not used, and written again
    let mut bytes = std::fs::read(&copies[1]).unwrap();
    bytes[5_000] ^= 0xff;
    std::fs::write(&copies[1], &bytes).unwrap();
    assert_eq!(run(), first, "the damaged copy is not used");
    assert_ne!(
        std::fs::read(&copies[1]).unwrap(),
        bytes,
        "and it is written again"
    );
}
