use scratchnet::data::sparse::SparseImages;
use scratchnet::net::sparse::{Batch, SparseNet, Workspace};
use scratchnet::{Activation, Mnist, TwoLayerNet};
use std::time::Instant;
fn main() {
    let data = Mnist::load(std::path::Path::new("../shared/data/mnist")).unwrap();
    let x = SparseImages::new(data.train.images.view());
    let net = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Relu, 0);
    let rows: Vec<usize> = (0..100).map(|i| i * 37).collect();
    let labels: Vec<usize> = rows.iter().map(|&i| data.train.labels[i] as usize).collect();
    let nz: usize = rows.iter().map(|&i| x.row(i).0.len()).sum();
    fn go<T: scratchnet::real::Real>(net: &TwoLayerNet, x: &SparseImages, rows: &[usize], labels: &[usize], nz: usize, all: &[u8]) {
        let s = SparseNet::<T>::from_net(net);
        let mut ws = Workspace::new(&s);
        let mut b = Batch::new(784);
        let n = 20000;
        let t = Instant::now();
        for _ in 0..n { b.fill(x, rows); std::hint::black_box(&b); }
        let e = t.elapsed().as_secs_f64();
        println!("{:?} fill: {:.2} us/iter", T::DTYPE, e / n as f64 * 1e6);
        let t = Instant::now();
        for _ in 0..n { std::hint::black_box(s.loss(&b, labels, &mut ws)); }
        let e = t.elapsed().as_secs_f64();
        println!("{:?} loss: {:.2} us/iter, {:.2} ns/nz", T::DTYPE, e / n as f64 * 1e6, e / (n * nz) as f64 * 1e9);
        let t = Instant::now();
        for _ in 0..n { std::hint::black_box(s.gradient(&b, labels, &mut ws)); }
        let e = t.elapsed().as_secs_f64();
        println!("{:?} grad: {:.2} us/iter", T::DTYPE, e / n as f64 * 1e6);
        let t = Instant::now();
        std::hint::black_box(s.count_correct(x, all, 1));
        let e = t.elapsed().as_secs_f64();
        println!("{:?} eval 60k 1 thread: {:.3} s", T::DTYPE, e);
    }
    let all = data.train.labels.as_slice().unwrap();
    go::<f32>(&net, &x, &rows, &labels, nz, all);
    go::<f64>(&net, &x, &rows, &labels, nz, all);
}
