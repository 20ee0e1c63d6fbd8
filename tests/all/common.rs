//! What the integration tests share: MNIST, found as the command line finds it, and loaded
//! once per test binary.
//!
//! Two kinds of tests use MNIST:
//! - most train on the built-in slice ([`slice`]), always there, so they give the same result on
//!   every machine;
//! - those whose point is the whole data set (the book's 0.945 after 10,000 iterations) take
//!   [`full`], which finds it with `scratchnet::find_mnist` (`$SCRATCHNET_DATA`, else the cache
//!   `scratchnet fetch-mnist` fills). Without it they print one line saying they were skipped
//!   and pass, except in CI (`CI=true`), where a missing full set is a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use scratchnet::Mnist;

/// The built-in slice of MNIST (5,000 training and 1,000 test images), loaded once.
pub fn slice() -> &'static Mnist {
    static SLICE: OnceLock<Mnist> = OnceLock::new();
    SLICE.get_or_init(Mnist::builtin)
}

/// The whole of MNIST and its directory, found as `scratchnet` finds it, loaded once; `None`
/// when it is not there (outside CI), after one line on stderr naming `test`.
///
/// # Panics
/// In CI (`CI=true`) when the full set is not found: CI must prove what these tests prove.
pub fn full(test: &str) -> Option<&'static (Mnist, PathBuf)> {
    let found = full_if_found();
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test} needs the whole of MNIST, and CI must run it: set SCRATCHNET_DATA to the \
             directory with the four files"
        );
        // Straight to stderr, past the test harness's capture, so that `cargo test` shows it.
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: it needs the whole of MNIST (run `scratchnet fetch-mnist`, or set \
             SCRATCHNET_DATA)"
        );
    }
    found
}

/// The whole of MNIST and its directory, if `scratchnet` finds it; loaded once.
pub fn full_if_found() -> Option<&'static (Mnist, PathBuf)> {
    static FULL: OnceLock<Option<(Mnist, PathBuf)>> = OnceLock::new();
    FULL.get_or_init(|| {
        let found = scratchnet::find_mnist(None).expect("MNIST where it is configured loads");
        let dir = found.source.dir().map(Path::to_path_buf);
        match dir {
            Some(dir) if found.is_full() => Some((found.data, dir)),
            _ => None,
        }
    })
    .as_ref()
}

/// The repository's copy of the built-in slice: four gzip IDX files.
pub fn slice_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/book/data/mnist-slice")
}

/// The `scratchnet` binary as a fresh machine runs it: no `$SCRATCHNET_DATA` and an empty
/// cache directory, so that it uses the built-in slice unless given `--data`.
pub fn fresh_scratchnet() -> Command {
    fresh(Command::new(env!("CARGO_BIN_EXE_scratchnet")))
}

/// `command` with no `$SCRATCHNET_DATA`, an empty cache directory and no locale (so English
/// unless `--lang` says otherwise), as on a fresh machine.
pub fn fresh(mut command: Command) -> Command {
    for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(locale);
    }
    command.env_remove("SCRATCHNET_DATA").env(
        "XDG_CACHE_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-cache"),
    );
    command
}

/// Runs `training` on the engine (`scratchnet::engine::run`), as the command line does.
pub fn engine_run<N: scratchnet::engine::OnEngine>(
    training: &mut scratchnet::train::Training<N>,
    data: &Mnist,
    on_event: impl FnMut(scratchnet::train::TrainEvent) -> std::ops::ControlFlow<()>,
) -> scratchnet::train::Outcome {
    let indexed = scratchnet::engine::TrainingData::new(data);
    scratchnet::engine::run(training, &indexed, on_event)
}

/// A run with `config` on `data`, to the end: panics if it stops early or diverges.
pub fn train(
    config: scratchnet::train::TrainConfig,
    data: &scratchnet::Mnist,
) -> scratchnet::train::Training {
    let mut t = scratchnet::train::Training::new(config).unwrap();
    assert_eq!(
        engine_run(&mut t, data, |_| std::ops::ControlFlow::Continue(())),
        scratchnet::train::Outcome::Finished
    );
    t
}

/// Sends signal `name` (`INT`, `TERM`, `HUP`, ...) to the process `child`, as `kill -NAME` does.
pub fn signal(child: &std::process::Child, name: &str) {
    let sent = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{name} {}", child.id());
}

/// Waits until `done` holds, checking every 20 ms; panics after `seconds` naming `what` was
/// awaited.
pub fn wait_until(seconds: u64, what: &str, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed().as_secs() < seconds,
            "{seconds} s without {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The names of the entries of `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `command` with its standard output closed as soon as it starts, as a reader that has
/// gone would leave it: its status and standard error.
pub fn output_with_stdout_closed(mut command: Command) -> std::process::Output {
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}
