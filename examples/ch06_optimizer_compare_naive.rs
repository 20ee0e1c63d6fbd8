//! The book's `ch06/optimizer_compare_naive.py` (section 6.1.7, "which update rule to use").
//!
//! Four update rules, 30 steps each on f(x, y) = x²/20 + y² from (−7, 2), with the book's
//! learning rates (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3), one panel each, as the book's
//! figure 6-8. The gradient here is the exact one, as in the book (`df`), so the paths are the
//! book's to the last bit. Expected output:
//!
//! ```text
//! SGD      [-0.3503929957523197, 0.0847823165504322]
//! Momentum [0.896413858493733, 0.08808560171506971]
//! AdaGrad  [-0.12016232231416045, 2.486389893984459e-17]
//! Adam     [0.13600685239498186, 0.31824537553721943]
//! picture: scratchnet-examples/optimizer_compare_naive.png
//! ```
//!
//! Run with `cargo run --example ch06_optimizer_compare_naive`.

use std::path::Path;

use ndarray::{Array1, Array2, array};
use scratchnet::optim::{Optimizer, OptimizerConfig, OptimizerKind};
use scratchnet::{Landscape, plot::plot_compare};

/// The book's `df`: the exact gradient of x²/20 + y².
fn df(p: &Array1<f64>) -> Array1<f64> {
    array![p[0] / 10.0, 2.0 * p[1]]
}

/// Errors print with their causes (anyhow's `Caused by:` list).
fn main() -> anyhow::Result<()> {
    let mut runs = Vec::new();
    for (kind, lr) in [
        (OptimizerKind::Sgd, 0.95),
        (OptimizerKind::Momentum, 0.1),
        (OptimizerKind::AdaGrad, 1.5),
        (OptimizerKind::Adam, 0.3),
    ] {
        let config = OptimizerConfig::new(kind).with_lr(lr);
        let mut optimizer = Optimizer::new(config)?;
        let mut p = array![-7.0, 2.0];
        let mut path = vec![p.clone()];
        for _ in 0..30 {
            let grad = df(&p);
            optimizer.update(&mut [p.view_mut().into_dyn()], &[grad.view().into_dyn()]);
            path.push(p.clone());
        }
        println!("{:<8} {:?}", kind.title(), p.to_vec());
        // the same run with the numerical gradient, as `scratchnet compare` takes it, for the picture
        let run = Landscape::Bowl.descend_with(&[-7.0, 2.0], config, 30)?;
        let exact = Array2::from_shape_fn((31, 2), |(i, j)| path[i][j]);
        assert!((&run.history - &exact).iter().all(|d| d.abs() < 1e-8));
        runs.push(run);
    }
    std::fs::create_dir_all("scratchnet-examples").expect("the current directory is writable");
    let path = Path::new("scratchnet-examples/optimizer_compare_naive.png");
    plot_compare(
        Landscape::Bowl,
        &runs,
        "the book's figure 6-8: f = x²/20 + y² from (−7, 2)",
    )?
    .save(path)?;
    println!("picture: {}", path.display());
    Ok(())
}
