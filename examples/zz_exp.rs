use std::time::Instant;
use scratchnet::data::sparse::SparseImages;
use scratchnet::net::sparse::{Batch, SparseNet, Workspace};
use scratchnet::real::Real;
use scratchnet::{Activation, Mnist, TwoLayerNet};

fn time(mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..30 {
        let t = Instant::now();
        for _ in 0..100 { f(); }
        best = best.min(t.elapsed().as_secs_f64() / 100.0);
    }
    best * 1e6
}

fn run<T: Real>(x: &SparseImages, labels_all: &[usize], net: &TwoLayerNet, n: usize) {
    let rows: Vec<usize> = (0..n).map(|i| (i * 5987) % x.len()).collect();
    let labels: Vec<usize> = rows.iter().map(|&i| labels_all[i]).collect();
    let sparse = SparseNet::<T>::from_net(net);
    let mut ws = Workspace::new(&sparse);
    let mut b = Batch::new(x.width());
    b.fill(x, &rows);
    let fill = time(|| b.fill(x, &rows));
    let grad = time(|| { std::hint::black_box(sparse.gradient(&b, &labels, &mut ws)); });
    let loss = time(|| { std::hint::black_box(sparse.loss(&b, &labels, &mut ws)); });
    println!("{:?} n={n}: fill {fill:.1} us, gradient {grad:.1} us, loss {loss:.1} us  (per image: {:.2} {:.2})", T::DTYPE, grad / n as f64, loss / n as f64);
}

fn main() {
    let data = Mnist::load(std::path::Path::new("/work/shared/data/mnist")).unwrap();
    let x = SparseImages::new(data.train.images.view());
    let labels: Vec<usize> = data.train.labels.iter().map(|&l| usize::from(l)).collect();
    let net = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 0);
    let only = std::env::var("ONLY").is_ok();
    if only { let rows: Vec<usize> = (0..100).map(|i| (i * 5987) % x.len()).collect(); let lab: Vec<usize> = rows.iter().map(|&i| labels[i]).collect(); let s = SparseNet::<f32>::from_net(&net); let mut ws = Workspace::new(&s); let mut b = Batch::new(784); b.fill(&x, &rows); for _ in 0..100000 { std::hint::black_box(s.gradient(&b, &lab, &mut ws)); } return; }
    for n in [100, 50, 25] {
        run::<f32>(&x, &labels, &net, n);
        run::<f64>(&x, &labels, &net, n);
    }
}
