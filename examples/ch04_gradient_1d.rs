//! The book's `ch04/gradient_1d.py` (section 4.3.2, "an example of numerical differentiation").
//!
//! Differentiates f(x) = 0.01x² + 0.1x by central difference at x = 5 and x = 10 and draws the
//! tangent line at 5. Expected output (the book prints the same two numbers):
//!
//! ```text
//! 0.1999999999990898
//! 0.2999999999986347
//! picture: scratchnet-examples/gradient_1d.png
//! ```
//!
//! Run with `cargo run --example ch04_gradient_1d`.

use std::path::Path;

use scratchnet::{Landscape, numerical_diff, plot::plot_tangent};

/// 0.01x² + 0.1x in the book's order, `0.01 * x**2 + 0.1 * x`: x² first. Written
/// `0.01 * x * x`, the product would be `(0.01 * x) * x`, rounded differently, and the
/// derivative at 10 would come out 0.2999999999997449 instead of the book's value.
fn function_1(x: f64) -> f64 {
    0.01 * (x * x) + 0.1 * x
}

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    println!("{:?}", numerical_diff(function_1, 5.0));
    println!("{:?}", numerical_diff(function_1, 10.0));

    std::fs::create_dir_all("scratchnet-examples").expect("the current directory is writable");
    let path = Path::new("scratchnet-examples/gradient_1d.png");
    plot_tangent(Landscape::Function1, 5.0, numerical_diff(function_1, 5.0))?.save(path)?;
    println!("picture: {}", path.display());
    Ok(())
}
