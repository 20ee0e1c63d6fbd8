//! criterion micro-benchmarks of the pieces of training, on one batch of 100 MNIST images
//! (found by `find_mnist`: `$SCRATCHNET_DATA`, the cache, else the built-in slice): softmax, one
//! forward and backward pass (fast path in f32 and f64, and the reference path), and the
//! numerical gradient. criterion is built only for this benchmark, so that `cargo test` does
//! not compile it:
//!
//!     cargo bench --features bench --bench pieces

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::Array2;
use scratchnet::engine::Real;
use scratchnet::engine::images::{PixelGroups, SparseImages};
use scratchnet::engine::net::{SparseNet, Workspace};
use scratchnet::{Activation, TwoLayerNet, softmax};

fn batch() -> (Array2<u8>, Vec<usize>) {
    let found = scratchnet::find_mnist(None).expect("MNIST loads");
    eprintln!("{found}");
    let data = found.data;
    let stride = data.train.len() / 100;
    let rows: Vec<usize> = (0..100).map(|i| i * stride).collect();
    let images = data.train.images.select(ndarray::Axis(0), &rows);
    let labels = rows
        .iter()
        .map(|&i| usize::from(data.train.labels[i]))
        .collect();
    (images, labels)
}

fn fast_gradient<T: Real>(c: &mut Criterion, name: &str, net: &TwoLayerNet) {
    let (images, labels) = batch();
    let x = SparseImages::new(images.view());
    let rows: Vec<usize> = (0..x.len()).collect();
    let sparse = SparseNet::<T>::from_net(net);
    let mut ws = Workspace::new(&sparse);
    let mut b = PixelGroups::empty(x.width());
    c.bench_function(name, |bench| {
        bench.iter(|| {
            b.fill(&x, &rows);
            black_box(sparse.gradient(&b, &labels, &mut ws))
        })
    });
}

fn pieces(c: &mut Criterion) {
    let scores = Array2::from_shape_fn((100, 10), |(i, j)| ((i * 7 + j * 3) % 11) as f64 - 5.0);
    c.bench_function("softmax 100x10 f64", |b| {
        b.iter(|| softmax(black_box(&scores)))
    });

    let net = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 0);
    let (images, labels) = batch();
    let x = images.mapv(|v| f64::from(v) / 255.0);
    c.bench_function("forward+backward batch 100, reference (dense f64)", |b| {
        b.iter(|| net.gradient(black_box(x.view()), &labels))
    });
    fast_gradient::<f64>(c, "forward+backward batch 100, fast f64", &net);
    fast_gradient::<f32>(c, "forward+backward batch 100, fast f32", &net);

    let mut group = c.benchmark_group("numerical gradient batch 100");
    group.sample_size(10);
    for threads in [1, 2] {
        group.bench_function(format!("fast, {threads} thread(s)"), |b| {
            b.iter(|| {
                scratchnet::engine::numerical::numerical_gradient(
                    &net,
                    black_box(x.view()),
                    &labels,
                    threads,
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pieces);
criterion_main!(benches);
