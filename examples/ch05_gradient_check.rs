//! The book's `ch05/gradient_check.py` (section 5.7.3, "gradient check").
//!
//! The gradient of TwoLayerNet(784, 50, 10) on the first 3 training images, by
//! backpropagation and by the numerical gradient, and the mean absolute difference for each
//! parameter, for the sigmoid of chapter 4 and the ReLU of chapter 5. All are tiny; the largest
//! is on b2 (about 1e-7), from the 1e-7 inside the loss's logarithm, which the analytic gradient
//! of softmax-with-loss leaves out. Expected output:
//!
//! ```text
//! sigmoid  W1:2.1e-10  b1:1.1e-9  W2:7.4e-8  b2:1.5e-7
//! relu     W1:4.5e-10  b1:3.0e-9  W2:5.4e-9  b2:1.4e-7
//! ```
//!
//! MNIST is found by `scratchnet::find_mnist` (the first 3 images are the same in the built-in
//! slice). Run with `cargo run --release --example ch05_gradient_check`.

use scratchnet::{Activation, TwoLayerNet};

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let found = scratchnet::find_mnist(None)?;
    eprintln!("{found}");
    let data = found.data;
    let (x, t) = data.train.slice(0..3);
    for activation in Activation::ALL {
        let mut net = TwoLayerNet::new(784, 50, 10, 0.01, activation, 0);
        let (_, backprop) = net.gradient(x.view(), &t);
        let numerical = net.numerical_gradient(x.view(), &t);
        let line: Vec<String> = backprop
            .mean_abs_diff(&numerical)
            .iter()
            .map(|(name, mean)| format!("{name}:{mean:.1e}"))
            .collect();
        println!("{:<8} {}", activation.to_string(), line.join("  "));
    }
    Ok(())
}
