//! Hostile and careless inputs, end to end: outputs that behave like a Unix tool's (devices,
//! links, closed pipes), outputs checked before the work, checkpoints that are never lost or
//! taken over, data sets that are empty or forged, and a bad value for every subcommand.
//! Each test here failed before the hardening issue and passes now.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::assert::OutputAssertExt;
use rand::{RngExt, SeedableRng};
use scratchnet::SavedNetwork as _;
use scratchnet::train::{CHECKPOINT_FILE, Training};

use crate::common;

/// `scratchnet` as on a fresh machine (the built-in slice), in directory `dir`.
fn scratchnet_in(dir: &Path) -> Command {
    let mut c = common::fresh_scratchnet();
    c.current_dir(dir);
    c
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A character device made in `dir` (as root; `None` where the test may not make one):
/// `(1, 3)` discards what it is given, `(1, 7)` is always full. Never the machine's own /dev.
fn device(dir: &Path, name: &str, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = Command::new("mknod")
        .arg(&path)
        .args(["c", "1", &minor.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    made.then_some(path)
}

fn is_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_char_device()
}

/// Every kind of output written to a null device leaves it a device, and the command succeeds;
/// a full device is reported as full, and stays a device.
#[test]
fn outputs_to_a_device_write_it_and_leave_it_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (Some(null), Some(null_png), Some(null_svg), Some(full)) = (
        device(d, "null", 3),
        device(d, "null.png", 3),
        device(d, "null.svg", 3),
        device(d, "full", 7),
    ) else {
        eprintln!("skipped: mknod needs root");
        return;
    };
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "train",
            "--iters",
            "60",
            "--hidden",
            "10",
            "--save",
            s(&null),
            "--history",
            s(&null),
            "--plot",
            s(&null_png),
        ],
        vec!["descend", "--plot", s(&null_svg)],
        vec!["field", "--plot", s(&null_png)],
        vec!["diff", "--plot", s(&null_png)],
        vec!["compare", "--plot", s(&null_png)],
        vec![
            "compare-mnist",
            "--iters",
            "20",
            "--optimizers",
            "sgd",
            "--plot",
            s(&null_png),
        ],
    ];
    for args in runs {
        let out = scratchnet_in(d).args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let model = d.join("m.safetensors");
    scratchnet_in(d)
        .args([
            "train",
            "--iters",
            "20",
            "--hidden",
            "10",
            "--save",
            s(&model),
        ])
        .assert()
        .success();
    scratchnet_in(d)
        .args([
            "predict",
            "--model",
            s(&model),
            "--index",
            "3",
            "--plot",
            s(&null_png),
        ])
        .assert()
        .success();
    let out = scratchnet_in(d)
        .args([
            "train",
            "--iters",
            "20",
            "--hidden",
            "10",
            "--history",
            s(&full),
            "--save",
            "ok.safetensors",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    // the weights are written first, and the failure says what was written and what was not
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the history could not be written") && err.contains("No space left"),
        "{err}"
    );
    assert!(
        err.contains("written: the weights to ok.safetensors"),
        "{err}"
    );
    assert!(scratchnet::TwoLayerNet::load(&d.join("ok.safetensors")).is_ok());
    for path in [&null, &null_png, &null_svg, &full] {
        assert!(is_device(path), "{} is still a device", path.display());
    }
}

/// `--save link` writes the file the link points to, and the link stays a link.
#[test]
fn a_symbolic_link_is_followed_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("models")).unwrap();
    std::os::unix::fs::symlink("models/real.safetensors", d.join("link.safetensors")).unwrap();
    std::os::unix::fs::symlink("models/curves.png", d.join("curves.png")).unwrap();
    scratchnet_in(d)
        .args([
            "train",
            "--iters",
            "20",
            "--hidden",
            "10",
            "--save",
            "link.safetensors",
            "--plot",
            "curves.png",
        ])
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(d.join("link.safetensors"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(scratchnet::TwoLayerNet::load(&d.join("models/real.safetensors")).is_ok());
    assert!(
        std::fs::metadata(d.join("models/curves.png"))
            .unwrap()
            .len()
            > 1000
    );
}

/// `train ... | head -1` ends its output quietly when the reader goes, and still saves the
/// model; `evaluate` and `predict` do not panic either.
#[test]
fn a_closed_pipe_ends_output_quietly_and_the_model_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut child = scratchnet_in(d)
        .args([
            "train",
            "--iters",
            "1300",
            "--hidden",
            "10",
            "--save",
            "m.safetensors",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // the reader has gone: the epoch lines that follow meet a closed pipe
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(first.starts_with("training TwoLayerNet"), "{first}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(scratchnet::TwoLayerNet::load(&d.join("m.safetensors")).is_ok());
    for args in [
        vec!["evaluate", "--model", "m.safetensors"],
        vec!["predict", "--model", "m.safetensors", "--index", "0"],
        vec!["tour", "--out", "pictures"],
    ] {
        let mut command = scratchnet_in(d);
        command.args(&args);
        let out = common::output_with_stdout_closed(command);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A full standard output is an error (exit 1) that says so, after the work is done.
#[test]
fn a_full_standard_output_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let Some(full) = device(dir.path(), "full", 7) else {
        eprintln!("skipped: mknod needs root");
        return;
    };
    let out = common::fresh_scratchnet()
        .arg("descend")
        .stdout(std::fs::File::create(&full).unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write to standard output: No space left on device"),
        "{err}"
    );
}

/// Outputs are checked before any work: a file where a directory should be, or a directory
/// where the file should be, stops `train` at once, before it reads MNIST, and nothing else is
/// written.
#[test]
fn outputs_are_checked_before_training() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("file"), "x").unwrap();
    for (flag, value) in [
        ("--save", "file/m.safetensors"),
        ("--plot", "file/c.png"),
        ("--history", "file/h.json"),
        ("--save", "."),
    ] {
        let out = scratchnet_in(d)
            .args(["train", "--iters", "100000", flag, value])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains(&format!("{flag} {value} cannot be written")),
            "{err}"
        );
        assert!(
            !err.contains("MNIST:"),
            "stopped before reading the data: {err}"
        );
        assert_eq!(common::files_in(d), ["file"]);
    }
}

/// Two runs with the same seed write byte-identical models and checkpoints.
#[test]
fn the_same_seed_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for run in ["a", "b"] {
        scratchnet_in(d)
            .args([
                "train",
                "--iters",
                "60",
                "--hidden",
                "10",
                "--optimizer",
                "adam",
            ])
            .args([
                "--save",
                &format!("{run}.safetensors"),
                "--checkpoint",
                &format!("ck-{run}"),
            ])
            .assert()
            .success();
    }
    let read = |p: &str| std::fs::read(d.join(p)).unwrap();
    assert!(
        read("a.safetensors") == read("b.safetensors"),
        "models differ"
    );
    let ck = |r: &str| read(&format!("ck-{r}/{CHECKPOINT_FILE}"));
    assert!(ck("a") == ck("b"), "checkpoints differ");
}

/// A second `train` on a checkpoint directory in use is refused; a run with other settings
/// does not overwrite a checkpoint without --force; Ctrl-C without --checkpoint keeps another
/// run's `scratchnet-checkpoint` and writes beside it.
#[test]
fn checkpoints_are_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut first = scratchnet_in(d)
        .args([
            "train",
            "--iters",
            "1000000",
            "--hidden",
            "10",
            "--checkpoint",
            "ck",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    common::wait_until(60, "a first checkpoint", || {
        d.join("ck").join(CHECKPOINT_FILE).exists()
    });
    let second = scratchnet_in(d)
        .args([
            "train",
            "--iters",
            "1000000",
            "--hidden",
            "10",
            "--checkpoint",
            "ck",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{err}");
    assert!(
        err.contains("another scratchnet run is writing checkpoints into ck"),
        "{err}"
    );
    common::signal(&first, "INT");
    assert_eq!(first.wait().unwrap().code(), Some(130));

    // other settings: refused, then --force
    let other = [
        "train",
        "--iters",
        "60",
        "--hidden",
        "12",
        "--checkpoint",
        "ck",
    ];
    let out = scratchnet_in(d).args(other).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("holds the checkpoint of another run (TwoLayerNet 784-10-10 sigmoid")
            && err.contains("--force"),
        "{err}"
    );
    scratchnet_in(d)
        .args(other)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(
        Training::<scratchnet::TwoLayerNet>::resume(&d.join("ck"))
            .unwrap()
            .config
            .hidden,
        12
    );

    // Ctrl-C without --checkpoint, where ./scratchnet-checkpoint is another run's
    std::fs::rename(d.join("ck"), d.join("scratchnet-checkpoint")).unwrap();
    let mut run = scratchnet_in(d)
        .args(["train", "--iters", "1000000", "--hidden", "10"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(run.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    common::signal(&run, "INT");
    let out = run.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(
        err.contains("checkpoint written to scratchnet-checkpoint-2"),
        "{err}"
    );
    assert_eq!(
        Training::<scratchnet::TwoLayerNet>::resume(&d.join("scratchnet-checkpoint"))
            .unwrap()
            .config
            .hidden,
        12
    );
    assert_eq!(
        Training::<scratchnet::TwoLayerNet>::resume(&d.join("scratchnet-checkpoint-2"))
            .unwrap()
            .config
            .hidden,
        10
    );
}

/// Writes MNIST's four files into `dir` (raw IDX) with the first `train` and `test` images of
/// the built-in slice.
fn idx_dir(dir: &Path, train: usize, test: usize) {
    let slice = common::slice();
    for (split, n, prefix) in [(&slice.train, train, "train"), (&slice.test, test, "t10k")] {
        let mut images = vec![0, 0, 8, 3];
        images.extend((n as u32).to_be_bytes());
        images.extend([0, 0, 0, 28, 0, 0, 0, 28]);
        images.extend(split.images.rows().into_iter().take(n).flatten());
        let mut labels = vec![0, 0, 8, 1];
        labels.extend((n as u32).to_be_bytes());
        labels.extend(split.labels.iter().take(n));
        std::fs::write(dir.join(format!("{prefix}-images-idx3-ubyte")), images).unwrap();
        std::fs::write(dir.join(format!("{prefix}-labels-idx1-ubyte")), labels).unwrap();
    }
}

/// Empty and tiny data sets: a clear error and exit 1 (2 for a flag that asks too much), never
/// a panic or a NaN.
#[test]
fn empty_and_tiny_data_sets_are_clear_errors() {
    let root = tempfile::tempdir().unwrap();
    let (empty, tiny, no_test) = (
        root.path().join("empty"),
        root.path().join("tiny"),
        root.path().join("no-test"),
    );
    for (dir, train, test) in [(&empty, 0, 10), (&tiny, 2, 10), (&no_test, 10, 0)] {
        std::fs::create_dir(dir).unwrap();
        idx_dir(dir, train, test);
    }
    let model = root.path().join("m.safetensors");
    scratchnet_in(root.path())
        .args([
            "train",
            "--iters",
            "5",
            "--hidden",
            "5",
            "--save",
            s(&model),
        ])
        .assert()
        .success();
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        (
            vec!["train", "--data", s(&empty)],
            1,
            "holds 0 images".into(),
        ),
        (
            vec!["compare-mnist", "--data", s(&empty)],
            1,
            "holds 0 images".into(),
        ),
        (
            vec!["tour", "--data", s(&empty)],
            1,
            "holds 0 images".into(),
        ),
        (
            vec!["gradcheck", "--data", s(&empty)],
            1,
            "holds 0 images".into(),
        ),
        (
            vec!["gradcheck", "--data", s(&tiny)],
            2,
            "--batch-size 3 is more than the 2 training images".into(),
        ),
        (
            vec!["evaluate", "--model", s(&model), "--data", s(&no_test)],
            1,
            "holds 0 images".into(),
        ),
        (
            vec![
                "predict",
                "--model",
                s(&model),
                "--data",
                s(&tiny),
                "--index",
                "10",
            ],
            2,
            "the test set has images 0 to 9".into(),
        ),
    ];
    for (args, code, message) in cases {
        let out = scratchnet_in(root.path()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(&message), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // two images train (mini-batches draw with replacement, as the book's np.random.choice)
    scratchnet_in(root.path())
        .args(["train", "--iters", "5", "--data", s(&tiny)])
        .assert()
        .success();
}

/// A 2 KB gzip whose header claims 2³² − 1 images is refused before it is inflated; a model
/// file that never ends (/dev/zero) is refused at its header.
#[test]
fn forged_sizes_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    idx_dir(dir.path(), 10, 10);
    let mut header = vec![0, 0, 8, 3, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 28, 0, 0, 0, 28];
    header.extend(vec![0u8; 1 << 20]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&header).unwrap();
    std::fs::remove_file(dir.path().join("t10k-images-idx3-ubyte")).unwrap();
    std::fs::write(
        dir.path().join("t10k-images-idx3-ubyte.gz"),
        gz.finish().unwrap(),
    )
    .unwrap();
    let model = dir.path().join("m.safetensors");
    scratchnet_in(dir.path())
        .args([
            "train",
            "--iters",
            "5",
            "--hidden",
            "5",
            "--save",
            s(&model),
        ])
        .assert()
        .success();
    let out = scratchnet_in(dir.path())
        .args(["evaluate", "--model", s(&model), "--data", "."])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("claims 4294967295 images: more than the 1048576"),
        "{err}"
    );
    let started = Instant::now();
    let out = scratchnet_in(dir.path())
        .args(["evaluate", "--model", "/dev/zero"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/dev/zero: is not a safetensors file"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// A data directory that cannot be looked into is reported as such, not as missing files.
#[test]
fn an_unreadable_data_directory_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "not a directory").unwrap();
    let out = scratchnet_in(dir.path())
        .args(["train", "--data", &format!("{}/mnist", s(&file))])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot be read") && err.contains("Not a directory"),
        "{err}"
    );
    assert!(!err.contains("fetch-mnist"), "{err}");
}

/// With --json a failure is one JSON document on stdout too, usage errors included.
#[test]
fn json_failures_are_json_documents() {
    let dir = tempfile::tempdir().unwrap();
    for (args, code, kind) in [
        (vec!["descend", "--lr", "-1", "--json"], 2, "usage"),
        (vec!["descend", "--h", "0", "--json"], 2, "usage"),
        (
            vec!["descend", "--gradient", "exact", "--h", "1e-4", "--json"],
            2,
            "usage",
        ),
        (
            vec!["evaluate", "--model", "missing.safetensors", "--json"],
            1,
            "model",
        ),
        (
            vec!["train", "--data", "nowhere", "--json"],
            1,
            "data-missing",
        ),
    ] {
        let out = scratchnet_in(dir.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let doc: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert_eq!(doc["error"]["kind"], kind, "{args:?}: {doc}");
        assert!(
            doc["error"]["message"].as_str().unwrap().len() > 10,
            "{doc}"
        );
    }
}

/// Kill -9 at 20 random moments of `train --checkpoint`: after each, the newest checkpoint
/// loads, and the run resumed from it to the end saves exactly the weights of a run never
/// interrupted.
#[test]
fn kill_9_at_random_moments_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = [
        "train",
        "--iters",
        "600",
        "--hidden",
        "10",
        "--optimizer",
        "adam",
        "--seed",
        "4",
    ];
    scratchnet_in(d)
        .args(run)
        .args(["--save", "whole.safetensors"])
        .assert()
        .success();
    let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(9);
    let mut checkpoints = 0;
    for _ in 0..20 {
        let resuming = d.join("ck").join(CHECKPOINT_FILE).exists();
        let mut child = if resuming {
            scratchnet_in(d)
                .args(["train", "--resume", "ck"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
        } else {
            scratchnet_in(d)
                .args(run)
                .args(["--checkpoint", "ck"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
        }
        .unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(20..400)));
        let _ = child.kill();
        let _ = child.wait();
        if d.join("ck").join(CHECKPOINT_FILE).exists() {
            let t = Training::<scratchnet::TwoLayerNet>::resume(&d.join("ck"))
                .expect("the newest checkpoint loads");
            assert!(t.next_iter <= 600);
            checkpoints += 1;
        }
    }
    scratchnet_in(d)
        .args(["train", "--resume", "ck", "--save", "resumed.safetensors"])
        .assert()
        .success();
    assert!(checkpoints > 0, "no checkpoint was ever written");
    let read = |p: &str| std::fs::read(d.join(p)).unwrap();
    assert!(
        read("resumed.safetensors") == read("whole.safetensors"),
        "the resumed run differs"
    );
    // no temporary file of a killed writer is left
    let names = common::files_in(&d.join("ck"));
    assert_eq!(names.len(), 2, "{names:?}");
}

/// A run shorter than an epoch resumes; `--resume` with a total below what the checkpoint has
/// done is a usage error that leaves the checkpoint as it was.
#[test]
fn a_short_run_resumes_and_a_smaller_total_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    scratchnet_in(d)
        .args(["train", "--iters", "40", "--checkpoint", "ck"])
        .assert()
        .success();
    let before = std::fs::read(d.join("ck").join(CHECKPOINT_FILE)).unwrap();
    let out = scratchnet_in(d)
        .args(["train", "--resume", "ck", "--iters", "5"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("fewer than the 40 iterations the checkpoint in ck has done"),
        "{err}"
    );
    assert!(std::fs::read(d.join("ck").join(CHECKPOINT_FILE)).unwrap() == before);
    scratchnet_in(d)
        .args(["train", "--resume", "ck", "--iters", "45"])
        .assert()
        .success();
    assert_eq!(
        Training::<scratchnet::TwoLayerNet>::resume(&d.join("ck"))
            .unwrap()
            .next_iter,
        45
    );
}

/// A bad value for every subcommand: exit status 2 for a usage error, 1 for a runtime error,
/// a message that names the problem (and the fix, where there is one), and never a panic.
#[test]
fn every_subcommand_refuses_bad_input_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("junk.safetensors"), b"junk").unwrap();
    #[rustfmt::skip]
    let matrix: &[(&[&str], i32, &str)] = &[
        (&["tour", "--lang", "xx"], 2, "invalid value 'xx' for '--lang <LANG>'"),
        (&["tour", "--out", "/dev/null/x"], 1, "creating the picture directory /dev/null/x"),
        (&["tour", "--data", "nowhere"], 1, "to fix it: get MNIST with `scratchnet fetch-mnist --dir nowhere`"),
        (&["descend", "--lr", "0"], 2, "the learning rate must be positive (such as 0.1)"),
        (&["descend", "--lr", "nan"], 2, "is not a finite number (write it like 0.1)"),
        (&["descend", "--init", "3,x"], 2, "\"x\" in \"3,x\" is not a number (write it like -3,4)"),
        (&["descend", "--init", "1,2,3"], 2, "sphere takes a point of dimension 2, got 3"),
        (&["descend", "--steps", "100000000000"], 2, "is not in 0..=1000000"),
        (&["descend", "--function", "nope"], 2, "invalid value 'nope' for '--function"),
        (&["descend", "--momentum", "1"], 2, "must be at least 0 and below 1 (such as 0.9)"),
        (&["descend", "--plot", "x.txt"], 2, "a picture's file name must end in .png or .svg"),
        (&["descend", "--plot", "/dev/stdout"], 2, "or its format be given (--format png or --format svg"),
        (&["descend", "--plot", "x.png", "--format", "svg"], 2, "is named as Png but --format says Svg"),
        (&["descend", "--format", "svg"], 2, "--plot <FILE>"),
        (&["descend", "--plot", "junk.safetensors/x.png"], 1, "junk.safetensors/x.png"),
        (&["field", "--step", "0"], 2, "the grid needs --step > 0 and --start < --stop, such as"),
        (&["field", "--step", "1e-9"], 2, "at most 400 x 400 grid points: make --step larger"),
        (&["field", "--function", "function_1"], 2, "function_1 is one-dimensional"),
        (&["diff", "--at", "x"], 2, "\"x\" in \"x\" is not a number"),
        (&["diff", "--function", "sphere"], 2, "try `scratchnet field --function sphere`"),
        (&["simplenet", "--weights", "1,2;3"], 2, "row 2 of \"1,2;3\" has 1 numbers but row 1 has 2"),
        (&["simplenet", "--weights", "1,2,3"], 2, "must have shape [2, 3], got [1, 3]"),
        (&["simplenet", "--t", "3"], 2, "class index 3 is out of range: there are 3 classes"),
        (&["fetch-mnist", "--mirror", "ftp://x", "--dir", "fetched"], 1, "unknown scheme: ftp"),
        (&["fetch-mnist", "--dir", "/dev/null/x"], 1, "cannot create the directory"),
        (&["gradcheck", "--batch-size", "0"], 2, "0 is not in 1..=100"),
        (&["gradcheck", "--activation", "tanh"], 2, "invalid value 'tanh'"),
        (&["gradcheck", "--hidden", "1000", "--batch-size", "100"], 2, "Add --yes to start it anyway"),
        (&["train", "--iters", "0"], 2, "0 is not in 1..=100000000"),
        (&["train", "--lr", "-1"], 2, "the learning rate must be positive"),
        (&["train", "--resume", "nowhere"], 1, "(was it run with --checkpoint nowhere?)"),
        (&["train", "--resume", "x", "--lr", "1"], 2, "'--resume <DIR>' cannot be used with '--lr <LR>'"),
        (&["train", "--dtype", "f32", "--grad", "numerical"], 2, "use f64 for numerical gradients"),
        (&["train", "--checkpoint", "/dev/null/ck"], 1, "cannot create the checkpoint directory"),
        (&["evaluate", "--model", "missing.safetensors"], 1, "missing.safetensors: cannot be read"),
        (&["evaluate", "--model", "junk.safetensors"], 1, "junk.safetensors: is not a safetensors file: it has 4 bytes"),
        (&["evaluate", "--model", "."], 1, "is a directory, not a model file"),
        (&["predict", "--model", "junk.safetensors", "--index", "-1"], 2, "unexpected argument '-1'"),
        (&[ "predict", "--model", "m.safetensors", "--index", "3", "--plot", "junk.safetensors/d.png", ], 1, "junk.safetensors is a file, not a directory"),
        (&["compare", "--optimizers", "sgd,nope"], 2, "invalid value 'nope' for '--optimizers"),
        (&["compare", "--steps", "0"], 2, "0 is not in 1..=1000000"),
        (&["compare-mnist", "--iters", "0"], 2, "0 is not in 1..=1000000"),
        (&["compare-mnist", "--plot", "junk.safetensors/c.png"], 1, "junk.safetensors is a file, not a directory"),
    ];
    for &(args, code, message) in matrix {
        let assert = scratchnet_in(d).args(args).assert().code(code);
        let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(
            err.contains(message),
            "{args:?}: expected {message:?} in {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // a start where f overflows is not blamed on the learning rate
    let out = scratchnet_in(d)
        .args(["descend", "--init=1e308,1e308", "--plot", "far.png"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains("overflow at the start") && !stdout.contains("too large"),
        "{stdout}"
    );
}

/// A gzip file of two members (`cat a.gz b.gz`, which `gzip -t` accepts) reads as their
/// content joined; bytes after the gzip data are refused.
#[test]
fn multi_member_gzip_is_read_and_trailing_bytes_refused() {
    use scratchnet::data::mnist::split_from_readers;
    let dir = tempfile::tempdir().unwrap();
    idx_dir(dir.path(), 7, 7);
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    let (images, labels) = (
        read("train-images-idx3-ubyte"),
        read("train-labels-idx1-ubyte"),
    );
    let gzip = |bytes: &[u8]| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap()
    };
    let mut two = gzip(&images[..1000]);
    two.extend(gzip(&images[1000..]));
    let (pi, pl) = (Path::new("images.gz"), Path::new("labels"));
    let joined = split_from_readers((pi, two.as_slice()), (pl, labels.as_slice())).unwrap();
    let raw = split_from_readers((pi, images.as_slice()), (pl, labels.as_slice())).unwrap();
    assert_eq!(joined, raw);
    let mut trailing = gzip(&images);
    trailing.extend(b"garbage");
    let err = split_from_readers((pi, trailing.as_slice()), (pl, labels.as_slice())).unwrap_err();
    assert!(err.to_string().contains("images.gz"), "{err}");
}
