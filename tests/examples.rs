//! Runs every example (built by `cargo test`) and checks the output its opening comment promises.

use std::path::PathBuf;
use std::process::Command;

/// Runs `target/<profile>/examples/<name>` in a fresh directory; returns stdout and the directory.
fn run_example(name: &str) -> (String, tempfile::TempDir) {
    let exe = std::env::current_exe().expect("the test's own path");
    let dir: PathBuf = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>")
        .join("examples")
        .join(name);
    assert!(
        dir.exists(),
        "{} is missing: run `cargo test` without target filters so that examples are built",
        dir.display()
    );
    let work = tempfile::tempdir().expect("a temporary directory");
    let out = Command::new(&dir)
        .current_dir(work.path())
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} failed: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), work)
}

fn is_png(path: &std::path::Path) -> bool {
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
