//! `scratchnet diff`: the derivative by central difference and the tangent line (the book's `gradient_1d.py`).

use scratchnet_book::text::{Lang, commands};
use std::path::PathBuf;

use anyhow::Context;
use ndarray::array;
use scratchnet_book::{Landscape, numerical_diff};

use super::args;
use super::{print_json, usage};

/// Flags of `scratchnet diff`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  scratchnet diff --function function_1 --at 5 --plot tangent.png"
)]
pub struct DiffArgs {
    /// The function; it must be one-dimensional (function_1).
    #[arg(long, value_enum, default_value = "function_1", ignore_case = true)]
    function: Landscape,
    /// Where to take the derivative.
    #[arg(long, default_value_t = 5.0, value_parser = args::finite, allow_hyphen_values = true)]
    at: f64,
    /// Draw f and its tangent line into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"function", "at", "f", "derivative", "exact", "tangent": {"slope", "intercept"}}.
    #[arg(long)]
    json: bool,
}

/// The derivative of a one-dimensional function at a point, and the tangent line there.
pub struct Derivative {
    f: Landscape,
    at: f64,
    value: f64,
    /// `numerical_diff(f, at)`: the slope of the tangent.
    pub slope: f64,
    exact: f64,
    intercept: f64,
}

impl Derivative {
    /// Differentiates `f` at `at` (a one-dimensional function).
    pub fn new(f: Landscape, at: f64) -> Self {
        let eval = |x: f64| f.eval(array![x].view());
        let slope = numerical_diff(eval, at);
        // the book's tangent_line: y = f(x) − d·x, the line t ↦ d·t + y
        let intercept = eval(at) - slope * at;
        Derivative {
            f,
            at,
            value: eval(at),
            slope,
            exact: f.gradient(array![at].view())[0],
            intercept,
        }
    }

    /// The human report: the value, the numerical and exact derivatives, the tangent line.
    pub fn report(&self, lang: Lang) -> String {
        commands::DIFF_REPORT.say(
            lang,
            &[
                ("formula", &self.f.formula()),
                ("f", &self.f),
                ("at", &self.at),
                ("value", &self.value),
                ("slope", &format!("{:?}", self.slope)),
                ("exact", &format!("{:?}", self.exact)),
                (
                    "difference",
                    &format!("{:.1e}", (self.slope - self.exact).abs()),
                ),
                ("sign", &if self.intercept < 0.0 { '−' } else { '+' }),
                ("intercept", &format!("{:?}", self.intercept.abs())),
            ],
        )
    }

    fn document(&self) -> DiffDocument {
        DiffDocument {
            function: self.f,
            at: self.at,
            f: self.value,
            derivative: self.slope,
            exact: self.exact,
            tangent: Tangent {
                slope: self.slope,
                intercept: self.intercept,
            },
        }
    }
}

/// `diff --json`: `{"function", "at", "f", "derivative", "exact", "tangent": {"slope",
/// "intercept"}}`.
#[derive(Debug, serde::Serialize)]
struct DiffDocument {
    function: Landscape,
    at: f64,
    f: f64,
    derivative: f64,
    exact: f64,
    tangent: Tangent,
}

/// The tangent line `y = slope · x + intercept`.
#[derive(Debug, serde::Serialize)]
struct Tangent {
    slope: f64,
    intercept: f64,
}

/// Differentiates, then prints and draws.
pub fn run(args: DiffArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("diff", args.plot.as_deref(), args.format)?;
    let f = args.function;
    if f.dim() != 1 {
        return Err(usage(
            "diff",
            format!(
                "diff needs a one-dimensional function; {f} takes {} coordinates (try `scratchnet field --function {f}`)",
                f.dim()
            ),
        ));
    }
    let d = Derivative::new(f, args.at);
    if let Some(path) = &args.plot {
        scratchnet_plot::plot_tangent(f, args.at, d.slope)
            .map(|figure| figure.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the tangent line")?;
    }
    if args.json {
        return print_json(&d.document());
    }
    out!("{}", d.report(lang));
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            scratchnet_book::text::commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}
