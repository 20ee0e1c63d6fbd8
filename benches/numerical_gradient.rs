//! The numerical gradient of TwoLayerNet 784-50-10 on one batch of 100 MNIST images: the fast
//! one on 1 and on all threads (the best of 5 calls of about 0.1 s), and (unless `--quick`) the
//! book's reference (one call of about 13 s), timed; one JSON line per measurement. Run by `bench/run.sh`, or `cargo bench --bench numerical_gradient -- [DIR]` (without DIR: MNIST as `find_mnist`
//! finds it).

use std::time::Instant;

use scratchnet::{Activation, TwoLayerNet};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let quick = args.iter().any(|a| a == "--quick");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from);
    let found = scratchnet::find_mnist(dir.as_deref()).expect("MNIST loads");
    eprintln!("{found}");
    let data = found.data;
    let (x, t) = data.train.slice(0..100);
    let mut net = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let seconds = (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(scratchnet::engine::numerical::numerical_gradient(
                    &net,
                    x.view(),
                    &t,
                    threads,
                ));
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!("{{\"impl\": \"scratchnet fast, {threads} thread(s)\", \"seconds\": {seconds}}}");
    }
    if !quick {
        let start = Instant::now();
        std::hint::black_box(net.numerical_gradient(x.view(), &t));
        let seconds = start.elapsed().as_secs_f64();
        println!("{{\"impl\": \"scratchnet reference\", \"seconds\": {seconds}}}");
    }
}
