//! `scratchnet field`: the gradient field of a two-dimensional function (the book's `gradient_2d.py`).

use scratchnet_book::text::{Lang, commands};
use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::{GradientField, Landscape, gradient_field};

use super::args;
use super::{json_rows, print_json, usage};

/// Flags of `scratchnet field`. The grid's coordinates on both axes are NumPy's
/// `arange(start, stop, step)`: the book's `gradient_2d.py` uses `arange(-2, 2.5, 0.25)`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The grid is arange(START, STOP, STEP) on both axes, STOP left out, as NumPy's:\n\
    the defaults give the book's 18 x 18 points, -2 to 2.25.\n\n\
    Examples:\n  scratchnet field --plot field.png\n  \
    scratchnet field --function saddle --start -1 --stop 1.1 --step 0.1 --plot saddle.png"
)]
pub struct FieldArgs {
    /// The function, of two coordinates: sphere (alias function_2), bowl, saddle, plateau,
    /// rosenbrock, himmelblau.
    #[arg(long, default_value = "sphere", value_parser = args::two_dimensional)]
    function: Landscape,
    /// The first coordinate of the grid on both axes.
    #[arg(long, default_value_t = -2.0, value_parser = args::finite, allow_hyphen_values = true)]
    start: f64,
    /// Where the grid stops, left out as by NumPy's arange (the book: 2.5, so the last
    /// coordinate is 2.25).
    #[arg(long, default_value_t = 2.5, value_parser = args::finite, allow_hyphen_values = true)]
    stop: f64,
    /// The distance between grid points.
    #[arg(long, default_value_t = 0.25, value_parser = args::finite, allow_hyphen_values = true)]
    step: f64,
    /// Draw the arrows of −∇f into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"function", "start", "stop", "step", "points", "gradient"}.
    #[arg(long)]
    json: bool,
}

/// Computes the field, then prints it and draws it.
pub fn run(args: FieldArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("field", args.plot.as_deref(), args.format)?;
    let f = args.function;
    if args.step <= 0.0 || args.start >= args.stop {
        return Err(usage(
            "field",
            "the grid needs --step > 0 and --start < --stop, such as --start -2 --stop 2.5 --step 0.25",
        ));
    }
    if (args.stop - args.start) / args.step > 400.0 {
        return Err(usage(
            "field",
            "at most 400 x 400 grid points: make --step larger or the range smaller",
        ));
    }
    let field = gradient_field(|x| f.eval(x.view()), args.start, args.stop, args.step);
    if let Some(path) = &args.plot {
        let title = format!("−∇f of f = {}: arrows point downhill", f.formula());
        scratchnet_plot::plot_gradient_field(f, &field, &title)
            .map(|figure| figure.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the gradient field")?;
    }
    if args.json {
        return print_json(&FieldDocument {
            function: f,
            start: args.start,
            stop: args.stop,
            step: args.step,
            points: json_rows(&field.points),
            gradient: json_rows(&field.gradients),
        });
    }
    outln!("{}", report(f, &field, lang));
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            scratchnet_book::text::commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}

/// The field as text: the direction of −∇f at each grid point as an arrow character, the top row
/// at the largest x1, as a picture of it would show.
pub fn report(f: Landscape, field: &GradientField, lang: Lang) -> String {
    let n = (field.points.nrows() as f64).sqrt().round() as usize;
    let longest = field
        .gradients
        .rows()
        .into_iter()
        .map(|g| g[0].hypot(g[1]))
        .fold(0.0, f64::max);
    let (first, last) = (field.points[(0, 0)], field.points[(n - 1, 0)]);
    let mut out = commands::FIELD_HEAD.say(
        lang,
        &[
            ("formula", &f.formula()),
            ("n", &n),
            ("first", &first),
            ("last", &last),
        ],
    ) + "\n\n";
    for row in (0..n).rev() {
        let line: Vec<&str> = (0..n)
            .map(|col| {
                let g = field.gradients.row(row * n + col);
                arrow_char(-g[0], -g[1], longest)
            })
            .collect();
        out.push_str(&format!("  {}\n", line.join(" ")));
    }
    out.push('\n');
    out.push_str(&commands::FIELD_LONGEST.say(lang, &[("longest", &format!("{longest:.4}"))]));
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

/// `field --json`: `{"function", "start", "stop", "step", "points", "gradient"}`, the points of
/// the grid and the gradient at each.
#[derive(Debug, serde::Serialize)]
struct FieldDocument {
    function: Landscape,
    start: f64,
    stop: f64,
    step: f64,
    points: Vec<Vec<f64>>,
    gradient: Vec<Vec<f64>>,
}
