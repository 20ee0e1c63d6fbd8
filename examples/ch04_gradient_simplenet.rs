//! The book's `ch04/gradient_simplenet.py` (section 4.4.2, "the gradient of a neural network").
//!
//! simpleNet with the weights the book prints (the book draws them at random; we fix them so
//! that the numbers can be compared), input x = (0.6, 0.9), correct class 2. Expected output
//! (the book prints the same values rounded to 8 digits):
//!
//! ```text
//! W = [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
//! p = [1.054148091, 0.630716529, 1.132807401]
//! argmax p = 2
//! loss = 0.9280682857864075
//! dW = [[0.2192475712392561, 0.14356242984070455, -0.3628100010055757], [0.3288713569016277, 0.21534364482433954, -0.5442150014745017]]
//! ```
//!
//! (The last digits of dW may differ by a unit or two between machines: `exp` and `log` are not
//! bit-identical everywhere.) Run with `cargo run --example ch04_gradient_simplenet`.
//!
//! The book prints the loss 0.92806853663411326 for these weights, 2.5e-7 above ours. Its
//! printed W is rounded to 8 decimals, but that moves the loss by at most about 1.5e-8. The rest
//! is the 1e-7 that the book's current `cross_entropy_error` adds inside the logarithm: without
//! it, −ln y₂ = 0.9280685387 (2e-9 from the book's figure, W's rounding); with it,
//! −ln(y₂ + 1e-7) = 0.9280682858, lower by 1e-7 / y₂ = 1e-7 / 0.3953 ≈ 2.5e-7. The book's
//! printed value was computed without that term; its code, and ours, include it.

use ndarray::{Array2, array};
use scratchnet::SimpleNet;

fn rows(a: &Array2<f64>) -> Vec<Vec<f64>> {
    a.rows().into_iter().map(|r| r.to_vec()).collect()
}

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let mut net = SimpleNet::from_weights(array![
        [0.47355232, 0.9977393, 0.84668094],
        [0.85557411, 0.03563661, 0.69422093]
    ])?;
    let x = array![0.6, 0.9];
    let t = 2; // the correct class; the book writes it one-hot, [0, 0, 1]
    let p = net.predict(&x);
    let argmax = (0..p.len()).fold(0, |best, i| if p[i] > p[best] { i } else { best });
    println!("W = {:?}", rows(&net.w));
    println!("p = {:?}", p.to_vec());
    println!("argmax p = {argmax}");
    println!("loss = {:?}", net.loss(&x, t));
    let dw = net.numerical_gradient(&x, t);
    println!("dW = {:?}", rows(&dw));
    Ok(())
}
