//! `scratchnet descend`: gradient descent for every (starting point, learning rate) pair.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet::{Descent, Landscape, OptimizerKind};
use serde_json::json;

use super::args::{self, Point};
use super::format::{scalar, table, vector};
use super::optim::OptimizerArgs;
use super::{json_rows, print_json, usage};

/// Flags of `scratchnet descend`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet descend --init=-3,4 --init=3,-4 --lr 0.1 --plot paths.png\n  \
    scratchnet descend --init=-3,4 --lr 10 --lr 1e-10 --json"
)]
pub struct DescendArgs {
    /// The function to descend (sphere is also called function_2).
    #[arg(long, value_enum, default_value = "sphere", ignore_case = true)]
    function: Landscape,
    /// A starting point, comma-separated; repeat for several. Default: the book's, (-3, 4) on the sphere.
    #[arg(long = "init", value_name = "X0,X1", value_parser = args::point, allow_hyphen_values = true)]
    inits: Vec<Point>,
    /// A learning rate η, positive; repeat for several. Default: 0.1.
    #[arg(long = "lr", value_name = "LR", value_parser = args::learning_rate, allow_hyphen_values = true)]
    lrs: Vec<f64>,
    #[command(flatten)]
    optimizer: OptimizerArgs,
    /// The number of steps of x ← x − η∇f(x).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    steps: u32,
    /// Draw the paths on a contour map (two-dimensional functions) into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE", value_parser = args::plot_path)]
    plot: Option<PathBuf>,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
}

/// Runs every (init, lr) pair, in the order given: for each starting point, each learning rate.
pub fn run(args: DescendArgs) -> anyhow::Result<()> {
    let f = args.function;
    let inits = if args.inits.is_empty() {
        vec![Point(f.default_start())]
    } else {
        args.inits
    };
    let lrs = if args.lrs.is_empty() {
        vec![0.1]
    } else {
        args.lrs
    };
    for Point(init) in &inits {
        f.check_point(init).map_err(|e| usage("descend", e))?;
    }
    if args.plot.is_some() && f.dim() != 2 {
        return Err(usage("descend", format!(
            "--plot draws paths on a map of x0 and x1, but {f} is one-dimensional"
        )));
    }
    let runs: Vec<Descent> = inits
        .iter()
        .flat_map(|Point(init)| lrs.iter().map(move |&lr| (init, lr)))
        .map(|(init, lr)| {
            f.descend_with(init, args.optimizer.config(lr), args.steps as usize)
                .map_err(|e| usage("descend", e))
        })
        .collect::<Result<_, _>>()?;
    if let Some(path) = &args.plot {
        let title = format!("gradient descent on {}, {} steps", f.formula(), args.steps);
        scratchnet::plot::plot_descent(path, f, &runs, &title)
            .context("drawing the descent paths")?;
    }
    if args.json {
        print_json(&to_json(f, &runs))
    } else {
        println!("{}", report(f, &runs));
        if let Some(path) = &args.plot {
            println!("\npicture: {}", path.display());
        }
        Ok(())
    }
}

/// The JSON document: `{"function", "runs": [{"init", "lr", "steps", "final", "history", "diagnosis"}]}`.
pub fn to_json(f: Landscape, runs: &[Descent]) -> serde_json::Value {
    json!({
        "function": f,
        "runs": runs.iter().map(|r| json!({
            "init": r.start().to_vec(),
            "lr": r.lr(),
            "optimizer": r.optimizer,
            "steps": r.steps(),
            "final": r.final_point().to_vec(),
            "history": json_rows(&r.history),
            "diagnosis": {"kind": r.diagnosis.kind, "message": r.diagnosis.message},
        })).collect::<Vec<_>>(),
    })
}

/// The human report: a table of the runs, then each diagnosis in words.
pub fn report(f: Landscape, runs: &[Descent]) -> String {
    let rows: Vec<Vec<String>> = runs
        .iter()
        .map(|r| {
            vec![
                vector(&r.start()),
                format!("{:?}", r.lr()),
                vector(&r.final_point()),
                scalar(r.final_value()),
                r.diagnosis.kind.to_string(),
            ]
        })
        .collect();
    let steps = runs.first().map_or(0, Descent::steps);
    let rule = match runs.first().map(|r| r.optimizer) {
        Some(o) if o.kind != OptimizerKind::Sgd => {
            format!(
                "{} ({})",
                o.kind.title(),
                o.describe().split_once(", ").map_or("", |(_, rest)| rest)
            )
        }
        _ => "x ← x − lr·∇f(x)".to_string(),
    };
    let mut out = format!(
        "f(x) = {} ({f}), {steps} steps of {rule}, ∇f by central difference (h = 1e-4)\n\n{}\n",
        f.formula(),
        table(&["init", "lr", "final x", "f(final x)", "diagnosis"], &rows)
    );
    for r in runs {
        out.push_str(&format!(
            "\n{} lr {:?}: {}",
            vector(&r.start()),
            r.lr(),
            r.diagnosis.message
        ));
    }
    out
}
