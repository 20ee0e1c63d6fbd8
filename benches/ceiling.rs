//! This machine's matrix-multiply ceiling: GFLOP/s of ndarray's products (matrixmultiply, on one
//! core) for large squares and for the training job's own shape, in f32 and f64; and the
//! density of MNIST's pixels. One JSON line each. Run by `bench/run.sh`, or
//! `cargo bench --bench ceiling -- [DIR]`.

use std::time::Instant;

use ndarray::{Array2, LinalgScalar};
use scratchnet::engine::images::SparseImages;

/// The best GFLOP/s of `(m × k) · (k × n)` over a few repetitions.
fn gflops<T: LinalgScalar + From<u8>>(m: usize, k: usize, n: usize) -> f64 {
    let a = Array2::from_shape_fn((m, k), |(i, j)| T::from(((i + j) % 7) as u8));
    let b = Array2::from_shape_fn((k, n), |(i, j)| T::from(((i * 3 + j) % 5) as u8));
    let reps = (2e9 / (2.0 * (m * k * n) as f64)).clamp(3.0, 10_000.0) as usize;
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(a.dot(&b));
        }
        best = best.min(start.elapsed().as_secs_f64() / reps as f64);
    }
    2.0 * (m * k * n) as f64 / best / 1e9
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from);
    for (what, m, k, n) in [
        ("1024x1024 @ 1024x1024", 1024, 1024, 1024),
        ("100x784 @ 784x50 (a training forward)", 100, 784, 50),
        ("5000x784 @ 784x50 (an evaluation chunk)", 5000, 784, 50),
    ] {
        for (dtype, g) in [
            ("f32", gflops::<f32>(m, k, n)),
            ("f64", gflops::<f64>(m, k, n)),
        ] {
            println!("{{\"ceiling\": \"{what}\", \"dtype\": \"{dtype}\", \"gflops\": {g:.1}}}");
        }
    }
    let found = scratchnet::find_mnist(dir.as_deref()).expect("MNIST loads");
    eprintln!("{found}");
    let data = found.data;
    let density = SparseImages::new(data.train.images.view()).density();
    println!("{{\"density\": {density}}}");
}
