//! The book's `ch04/gradient_method.py` (section 4.4.1, "gradient descent").
//!
//! 100 steps of gradient descent on f(x0, x1) = x0² + x1² from (−3, 4) with learning rate 0.1,
//! the path drawn on a contour map. Expected output (the book prints
//! `[-6.11110793e-10  8.14814391e-10]`):
//!
//! ```text
//! [-6.111107928998789e-10, 8.148143905314271e-10]
//! converged: the gradient shrank from 10 to 2.037e-9 and f from 25 to 1.037e-18 in 100 steps
//! picture: scratchnet-examples/gradient_method.png
//! ```
//!
//! Run with `cargo run --example ch04_gradient_method`.

use std::path::Path;

use ndarray::{Array1, array};
use scratchnet::{Landscape, gradient_descent, plot::plot_descent};

fn function_2(x: &Array1<f64>) -> f64 {
    x[0] * x[0] + x[1] * x[1]
}

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let run = gradient_descent(function_2, array![-3.0, 4.0], 0.1, 100)?;
    println!("{:?}", run.final_point().to_vec());
    println!("{}", run.diagnosis.message());

    std::fs::create_dir_all("scratchnet-examples").expect("the current directory is writable");
    let path = Path::new("scratchnet-examples/gradient_method.png");
    plot_descent(
        Landscape::Sphere,
        &[run],
        "gradient descent from (−3, 4), lr 0.1",
    )?
    .save(path)?;
    println!("picture: {}", path.display());
    Ok(())
}
