//! The book's `ch04/two_layer_net.py` (section 4.5.1, "a two-layer network class").
//!
//! Builds TwoLayerNet(input_size=784, hidden_size=100, output_size=10) as the book does, prints
//! the shapes of its parameters, and the shapes of the gradient of the loss on a random batch
//! of 100 dummy inputs — by backpropagation, and, on a smaller network so that it finishes in a
//! second, by the book's numerical gradient, with the largest difference between the two.
//! Expected output:
//!
//! ```text
//! W1 (784, 100)
//! b1 (100,)
//! W2 (100, 10)
//! b2 (10,)
//! grads: W1 (784, 100) b1 (100,) W2 (100, 10) b2 (10,)
//! numerical vs backprop on a 784-3-10 network, 2 inputs: max |difference| below 1e-6 (4.0e-7)
//! ```
//!
//! Run with `cargo run --example ch04_two_layer_net`.

use ndarray::Array2;
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand_distr::{Distribution, Uniform};
use scratchnet::{Activation, TwoLayerNet};

fn main() {
    let net = TwoLayerNet::new(784, 100, 10, 0.01, Activation::Sigmoid, 0);
    for (name, p) in net.params.named() {
        println!("{name} {}", shape(p.shape()));
    }

    // dummy inputs and labels, as the book's np.random.rand(100, 784)
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let uniform = Uniform::new(0.0, 1.0).expect("a valid range");
    let x = Array2::from_shape_simple_fn((100, 784), || uniform.sample(&mut rng));
    let t: Vec<usize> = (0..100).map(|i| i % 10).collect();
    let (_, grads) = net.gradient(x.view(), &t);
    let shapes: Vec<String> = grads
        .named()
        .iter()
        .map(|(n, g)| format!("{n} {}", shape(g.shape())))
        .collect();
    println!("grads: {}", shapes.join(" "));

    let mut small = TwoLayerNet::new(784, 3, 10, 0.01, Activation::Sigmoid, 0);
    let xs = x.slice(ndarray::s![..2, ..]);
    let (_, backprop) = small.gradient(xs, &t[..2]);
    let numerical = small.numerical_gradient(xs, &t[..2]);
    let worst = backprop
        .named()
        .iter()
        .zip(numerical.named().iter())
        .flat_map(|((_, a), (_, b))| {
            a.iter()
                .zip(b.iter())
                .map(|(p, q)| (p - q).abs())
                .collect::<Vec<_>>()
        })
        .fold(0.0, f64::max);
    let verdict = if worst < 1e-6 {
        "below 1e-6"
    } else {
        "TOO LARGE"
    };
    println!(
        "numerical vs backprop on a 784-3-10 network, 2 inputs: max |difference| {verdict} ({worst:.1e})"
    );
}

fn shape(s: &[usize]) -> String {
    match s {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            s.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
