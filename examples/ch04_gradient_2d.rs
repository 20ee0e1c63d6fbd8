//! The book's `ch04/gradient_2d.py` (section 4.4, "the gradient").
//!
//! The numerical gradient of f(x0, x1) = x0² + x1² at three points, then the field of −∇f on the
//! book's grid: `np.arange(-2, 2.5, 0.25)` on both axes, 18 × 18 points from −2 to 2.25. Expected output (the book prints `[6. 8.]`, `[0. 4.]`,
//! `[6. 0.]`, the same numbers rounded):
//!
//! ```text
//! [6.00000000000378, 7.999999999999119]
//! [0.0, 4.000000000004]
//! [6.000000000012662, 0.0]
//! picture: scratchnet-examples/gradient_2d.png
//! ```
//!
//! Run with `cargo run --example ch04_gradient_2d`.

use std::path::Path;

use ndarray::{Array1, array};
use scratchnet::{gradient_field, numerical_gradient, plot::plot_gradient_field};

fn function_2(x: &Array1<f64>) -> f64 {
    x[0] * x[0] + x[1] * x[1]
}

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    for mut x in [array![3.0, 4.0], array![0.0, 2.0], array![3.0, 0.0]] {
        println!("{:?}", numerical_gradient(function_2, &mut x).to_vec());
    }

    std::fs::create_dir_all("scratchnet-examples").expect("the current directory is writable");
    let path = Path::new("scratchnet-examples/gradient_2d.png");
    let field = gradient_field(function_2, -2.0, 2.5, 0.25);
    plot_gradient_field(function_2, &field, "−∇f of x0² + x1²")?.save(path)?;
    println!("picture: {}", path.display());
    Ok(())
}
