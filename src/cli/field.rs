//! `scratchnet field`: the gradient field of a two-dimensional function (the book's `gradient_2d.py`).

use std::path::PathBuf;

use anyhow::Context;
use scratchnet::{GradientField, Landscape, gradient_field};
use serde_json::json;

use super::args;
use super::{json_rows, print_json, usage};

/// Flags of `scratchnet field`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  scratchnet field --function sphere --plot field.png")]
pub struct FieldArgs {
    /// The function; it must be two-dimensional.
    #[arg(long, value_enum, default_value = "sphere", ignore_case = true)]
    function: Landscape,
    /// The grid covers x0, x1 in [-EXTENT, EXTENT] (the book: 2).
    #[arg(long, default_value_t = 2.0, value_parser = args::finite, allow_hyphen_values = true)]
    extent: f64,
    /// The distance between grid points (the book: 0.25).
    #[arg(long, default_value_t = 0.25, value_parser = args::finite, allow_hyphen_values = true)]
    step: f64,
    /// Draw the arrows of −∇f into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE", value_parser = args::plot_path)]
    plot: Option<PathBuf>,
    /// Print one JSON document: {"function", "extent", "step", "points", "gradient"}.
    #[arg(long)]
    json: bool,
}

/// Computes the field, then prints it and draws it.
pub fn run(args: FieldArgs) -> anyhow::Result<()> {
    let f = args.function;
    if f.dim() != 2 {
        return Err(usage(format!(
            "the gradient field needs a two-dimensional function; {f} takes {} coordinate(s)",
            f.dim()
        )));
    }
    if args.extent <= 0.0 || args.step <= 0.0 {
        return Err(usage(
            "--extent and --step must be positive, such as --extent 2 --step 0.25",
        ));
    }
    if 2.0 * args.extent / args.step > 400.0 {
        return Err(usage(
            "at most 401 x 401 grid points: make --step larger or --extent smaller",
        ));
    }
    let field = gradient_field(|x| f.eval(x.view()), args.extent, args.step);
    if let Some(path) = &args.plot {
        let title = format!("−∇f of f = {}: arrows point downhill", f.formula());
        scratchnet::plot::plot_gradient_field(path, f, &field, &title)
            .context("drawing the gradient field")?;
    }
    if args.json {
        return print_json(&json!({
            "function": f,
            "extent": args.extent,
            "step": args.step,
            "points": json_rows(&field.points),
            "gradient": json_rows(&field.gradients),
        }));
    }
    println!("{}", report(f, &field));
    if let Some(path) = &args.plot {
        println!("\npicture: {}", path.display());
    }
    Ok(())
}

/// The field as text: the direction of −∇f at each grid point as an arrow character, the top row
/// at the largest x1, as a picture of it would show.
pub fn report(f: Landscape, field: &GradientField) -> String {
    let n = (field.points.nrows() as f64).sqrt().round() as usize;
    let longest = field
        .gradients
        .rows()
        .into_iter()
        .map(|g| g[0].hypot(g[1]))
        .fold(0.0, f64::max);
    let mut out = format!(
        "−∇f of f(x) = {} on a {n} x {n} grid, x0 and x1 from {} to {}: each arrow points downhill\n\n",
        f.formula(),
        field.points[(0, 0)],
        field.points[(n - 1, 0)],
    );
    for row in (0..n).rev() {
        let line: Vec<&str> = (0..n)
            .map(|col| {
                let g = field.gradients.row(row * n + col);
                arrow_char(-g[0], -g[1], longest)
            })
            .collect();
        out.push_str(&format!("  {}\n", line.join(" ")));
    }
    out.push_str(&format!(
        "\nthe longest arrow: |∇f| = {longest:.4}; · marks a point where the gradient vanishes"
    ));
    out
}

/// One of eight arrows for the direction `(dx, dy)`, or `·` where it vanishes.
fn arrow_char(dx: f64, dy: f64, longest: f64) -> &'static str {
    if dx.hypot(dy) <= 1e-9 * longest.max(1e-300) {
        return "·";
    }
    const ARROWS: [&str; 8] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"];
    let octant = (dy.atan2(dx) / std::f64::consts::FRAC_PI_4)
        .round()
        .rem_euclid(8.0) as usize;
    ARROWS[octant]
}
