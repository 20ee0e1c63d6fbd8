//! `scratchnet gradcheck`: backpropagation checked against the numerical gradient (the book's
//! `ch05/gradient_check.py`).

use std::path::PathBuf;

use ndarray::ArrayViewD;
use scratchnet::data::mnist::{CLASSES, PIXELS};
use scratchnet::{Activation, TwoLayerNet};
use serde_json::json;

use super::format::table;
use super::print_json;

/// The largest absolute difference allowed between the two gradients. The book's own check
/// prints differences around 1e-10 to 1e-7; the largest comes from the 1e-7 inside the loss's
/// logarithm, which the analytic gradient of softmax-with-loss leaves out.
pub const TOLERANCE: f64 = 1e-6;

/// Flags of `scratchnet gradcheck`.
#[derive(Debug, clap::Args)]
pub struct GradCheckArgs {
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The hidden layer's activation.
    #[arg(long, value_enum, default_value = "sigmoid", ignore_case = true)]
    activation: Activation,
    /// How many training images to check on (the book: the first 3).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=100))]
    batch: u64,
    /// Seed of the initial weights.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Hidden units.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=1000))]
    hidden: u64,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// How far apart two gradients of one parameter are.
struct Diff {
    name: &'static str,
    mean_abs: f64,
    max_abs: f64,
    max_rel: f64,
}

fn compare(name: &'static str, a: ArrayViewD<f64>, b: ArrayViewD<f64>) -> Diff {
    let (mut sum, mut max_abs, mut max_rel) = (0.0, 0.0f64, 0.0f64);
    for (&x, &y) in a.iter().zip(b.iter()) {
        let d = (x - y).abs();
        sum += d;
        max_abs = max_abs.max(d);
        // relative to the larger magnitude, ignoring gradients that are zero to rounding
        let scale = x.abs().max(y.abs());
        if scale > 1e-8 {
            max_rel = max_rel.max(d / scale);
        }
    }
    Diff {
        name,
        mean_abs: sum / a.len().max(1) as f64,
        max_abs,
        max_rel,
    }
}

/// Computes both gradients on the first `batch` training images and compares them.
pub fn run(args: GradCheckArgs) -> anyhow::Result<()> {
    let activation = args.activation;
    let data = super::find_mnist(args.data.as_deref())?;
    let (x, t) = data.train.slice(0..args.batch as usize);
    let mut net = TwoLayerNet::new(
        PIXELS,
        args.hidden as usize,
        CLASSES,
        0.01,
        activation,
        args.seed,
    );
    let (_, backprop) = net.gradient(x.view(), &t);
    let numerical = net.numerical_gradient(x.view(), &t);
    let diffs: Vec<Diff> = backprop
        .named()
        .into_iter()
        .zip(numerical.named())
        .map(|((name, a), (_, b))| compare(name, a, b))
        .collect();
    let passed = diffs.iter().all(|d| d.max_abs <= TOLERANCE);
    if args.json {
        print_json(&json!({
            "activation": activation,
            "batch": args.batch,
            "tolerance": TOLERANCE,
            "passed": passed,
            "params": diffs.iter().map(|d| json!({
                "name": d.name, "mean_abs_diff": d.mean_abs, "max_abs_diff": d.max_abs, "max_rel_error": d.max_rel,
            })).collect::<Vec<_>>(),
        }))?;
    } else {
        println!(
            "gradient check: TwoLayerNet 784-{}-10 ({activation}), {} training images: backprop against the numerical gradient\n",
            args.hidden, args.batch
        );
        let rows: Vec<Vec<String>> = diffs
            .iter()
            .map(|d| {
                vec![
                    d.name.to_string(),
                    format!("{:.3e}", d.mean_abs),
                    format!("{:.3e}", d.max_abs),
                    format!("{:.3e}", d.max_rel),
                ]
            })
            .collect();
        println!(
            "{}",
            table(
                &["param", "mean |diff|", "max |diff|", "max rel error"],
                &rows
            )
        );
        println!(
            "\n{}: every max |diff| {} {TOLERANCE:e}",
            if passed { "passed" } else { "FAILED" },
            if passed { "≤" } else { "must be ≤" }
        );
    }
    if passed {
        Ok(())
    } else {
        anyhow::bail!("the gradients disagree beyond {TOLERANCE:e}: backpropagation has a bug")
    }
}
