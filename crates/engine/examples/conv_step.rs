//! Times one training step of the book's `SimpleConvNet` (chapter 7: 30 filters of 5×5, 100
//! hidden units, batch 100, Adam) on the engine ([`scratchnet_engine::conv`]): the gradient, the
//! update through the book's `Optimizer`, and the loss forward the book's `Trainer` computes after
//! the update. Median of a few hundred steps, in `f32` and `f64`, on 1 and 2 threads.
//!
//! ```text
//! cargo run --release -p scratchnet-engine --example conv_step [steps] [f32|f64] [threads]
//! ```
//!
//! (a type or thread count given: only those, to profile one case).
//!
//! It prints one line per type and thread count: milliseconds per step, and the gradient and the
//! loss forward alone.

use std::time::Instant;

use scratchnet_book::ndarray::Array2;
use scratchnet_book::net::simple_conv::SimpleConvNet;
use scratchnet_book::optim::{Optimizer, OptimizerConfig, OptimizerKind};
use scratchnet_book::random::numpy::RandomState;
use scratchnet_engine::Real;
use scratchnet_engine::conv::{ConvNet, ConvWorkspace};

/// The median of `times`, in milliseconds.
fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2] * 1e3
}

/// Times `steps` steps in `T` on `threads` threads; prints the medians.
fn time<T: Real>(steps: usize, threads: usize, mnist: &scratchnet_book::Mnist) {
    let book = SimpleConvNet::book(&mut RandomState::new(0));
    let mut net = ConvNet::<T>::from_net(&book);
    let config = OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.001);
    let mut adam: Optimizer<T> = Optimizer::<f64>::new(config).expect("Adam").cast();
    let mut ws = ConvWorkspace::new(&net, 100, threads);
    let train = mnist.train.len();
    // a fixed sequence of batches (a linear congruential generator: the timing needs no better)
    let mut seed = 12345u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % train
    };
    let (mut whole, mut gradient, mut loss) = (Vec::new(), Vec::new(), Vec::new());
    for step in 0..steps + 20 {
        let rows: Vec<usize> = (0..100).map(|_| next()).collect();
        let (x, t) = mnist.train.batch(&rows);
        let x: Array2<T> = x.mapv(T::cast);
        let start = Instant::now();
        net.gradient(x.view(), &t, &mut ws);
        let between = Instant::now();
        adam.update(&mut net.params_mut(), &ws.gradient_views());
        let before_loss = Instant::now();
        let l = net.loss(x.view(), &t, &mut ws);
        let end = Instant::now();
        assert!(l.is_finite() && net.is_finite());
        // the first steps warm the caches and rayon's threads up
        if step >= 20 {
            whole.push((end - start).as_secs_f64());
            gradient.push((between - start).as_secs_f64());
            loss.push((end - before_loss).as_secs_f64());
        }
    }
    println!(
        "{:?} threads {threads}: step {:.2} ms (gradient {:.2}, loss forward {:.2})",
        T::DTYPE,
        median(whole),
        median(gradient),
        median(loss)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let steps = args
        .get(1)
        .map_or(300, |s| s.parse().expect("a number of steps"));
    let dtype = args.get(2).map(String::as_str);
    let only: Option<usize> = args.get(3).map(|s| s.parse().expect("a thread count"));
    let mnist = scratchnet_book::Mnist::builtin();
    for threads in [1, 2] {
        if only.is_some_and(|t| t != threads) {
            continue;
        }
        if dtype != Some("f64") {
            time::<f32>(steps, threads, &mnist);
        }
        if dtype != Some("f32") {
            time::<f64>(steps, threads, &mnist);
        }
    }
}
