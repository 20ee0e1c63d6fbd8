//! `scratchnet descend`: gradient descent for every (starting point, learning rate) pair.

use scratchnet_book::text::{Lang, commands};
use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::descent::{Document, Gradient};
use scratchnet_book::gradient::numerical_gradient_with_h;
use scratchnet_book::{Descent, Landscape, OptimizerKind};

use super::args::{self, Point};
use super::format::{scalar, table, vector};
use super::optim::OptimizerArgs;
use super::{print_json, usage};

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
    /// How each step takes ∇f: by central difference with step --h (the book's), or exactly,
    /// from the formula.
    #[arg(long, value_enum, default_value = "numerical", ignore_case = true)]
    gradient: GradientArg,
    /// The step h of the numerical gradient, positive [default: 1e-4, the book's]. Try 1e-50:
    /// x + h == x, the gradient is 0 and the point never moves.
    #[arg(long, value_name = "H", value_parser = args::step_h, allow_hyphen_values = true)]
    h: Option<f64>,
    /// Draw the paths into FILE.png or FILE.svg: on a contour map for two coordinates, on the
    /// curve of f for one (function_1).
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print each run step by step: "step, x, f(x), |∇f(x)|", every K-th step (default: every
    /// one) and the last, to watch the point move (the notebook's `print(x)` in the loop).
    #[arg(long, value_name = "K", num_args = 0..=1, default_missing_value = "1",
          value_parser = clap::value_parser!(u32).range(1..))]
    trace: Option<u32>,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
}

/// `--gradient`: numerical (with `--h`) or exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum GradientArg {
    /// Central difference, (f(x + h) − f(x − h)) / 2h, with h from --h
    Numerical,
    /// From the function's formula
    Exact,
}

/// Runs every (init, lr) pair, in the order given: for each starting point, each learning rate.
// About 60 lines: the command's steps in order (runs, picture, document or report).
pub fn run(args: DescendArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("descend", args.plot.as_deref(), args.format)?;
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
        f.check_point(init)
            .map_err(|e: scratchnet_book::Error| usage("descend", e.say(super::lang_now())))?;
    }
    let gradient = match (args.gradient, args.h) {
        (GradientArg::Numerical, h) => Gradient::Numerical {
            h: h.unwrap_or(scratchnet_book::gradient::H),
        },
        (GradientArg::Exact, None) => Gradient::Exact,
        (GradientArg::Exact, Some(_)) => {
            return Err(usage(
                "descend",
                "--h is the step of the numerical gradient: with --gradient exact there is none \
                 (leave out one of the two)",
            ));
        }
    };
    let runs: Vec<Descent> = inits
        .iter()
        .flat_map(|Point(init)| lrs.iter().map(move |&lr| (init, lr)))
        .map(|(init, lr)| {
            f.descend_using(
                init,
                args.optimizer.config(OptimizerKind::Sgd, lr),
                args.steps as usize,
                gradient,
            )
            .map_err(|e: scratchnet_book::Error| usage("descend", e.say(super::lang_now())))
        })
        .collect::<Result<_, _>>()?;
    if let Some(path) = &args.plot {
        let title = format!("gradient descent on {}, {} steps", f.formula(), args.steps);
        scratchnet_plot::plot_descent(f, &runs, &title)
            .map(|figure| figure.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the descent paths")?;
    }
    if args.json {
        print_json(&Document::new(f, gradient, &runs))
    } else {
        if let Some(every) = args.trace {
            for run in &runs {
                outln!("{}\n", trace(f, gradient, run, every as usize, lang));
            }
        }
        outln!("{}", report(f, gradient, &runs, lang));
        if let Some(path) = &args.plot {
            outln!(
                "\n{}",
                scratchnet_book::text::commands::PICTURE.say(lang, &[("path", &path.display())])
            );
        }
        Ok(())
    }
}

/// A run step by step: every `every`-th step and the last, with x, f(x) and the length of the
/// gradient there (the gradient the step took, recomputed the same way).
pub fn trace(f: Landscape, gradient: Gradient, run: &Descent, every: usize, lang: Lang) -> String {
    let last = run.steps();
    let rows: Vec<Vec<String>> = (0..=last)
        .filter(|&k| k % every == 0 || k == last)
        .map(|k| {
            let mut x = run.history.row(k).to_owned();
            let g = match gradient {
                Gradient::Numerical { h } => {
                    numerical_gradient_with_h(|p| f.eval(p.view()), &mut x, h)
                }
                Gradient::Exact => f.gradient(x.view()),
            };
            vec![
                k.to_string(),
                vector(&x),
                scalar(run.values[k]),
                scalar(g.dot(&g).sqrt()),
            ]
        })
        .collect();
    let run_of = commands::RUN_OF.say(
        lang,
        &[
            ("start", &vector(&run.start())),
            ("lr", &format!("{:?}", run.lr())),
        ],
    );
    let header = [commands::COLUMN_STEP.get(lang), "x", "f(x)", "|∇f(x)|"];
    format!(
        "{}\n{}",
        commands::STEP_BY_STEP.say(lang, &[("run", &run_of)]),
        table(&header, &rows)
    )
}

/// The human report: a table of the runs, then each diagnosis in words, in `lang`.
pub fn report(f: Landscape, gradient: Gradient, runs: &[Descent], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = runs
        .iter()
        .map(|r| {
            vec![
                vector(&r.start()),
                format!("{:?}", r.lr()),
                vector(&r.final_point()),
                scalar(r.final_value()),
                scratchnet_book::text::words::kind(r.diagnosis.kind)
                    .get(lang)
                    .to_string(),
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
    let how = match gradient {
        Gradient::Numerical { h } => {
            commands::BY_CENTRAL_DIFFERENCE.say(lang, &[("h", &format!("{h:e}"))])
        }
        Gradient::Exact => commands::FROM_THE_FORMULA.get(lang).to_string(),
    };
    let header = commands::DESCEND_HEAD.say(
        lang,
        &[
            ("formula", &f.formula()),
            ("f", &f),
            ("steps", &steps),
            ("rule", &rule),
            ("how", &how),
        ],
    );
    let columns = [
        &commands::COLUMN_INIT,
        &commands::COLUMN_LR,
        &commands::COLUMN_FINAL_X,
        &commands::COLUMN_FINAL_F,
        &commands::COLUMN_DIAGNOSIS,
    ]
    .map(|c| c.get(lang));
    let mut out = format!("{header}\n\n{}\n", table(&columns, &rows));
    for r in runs {
        out.push_str(&format!(
            "\n{}: {}",
            commands::RUN_OF.say(
                lang,
                &[
                    ("start", &vector(&r.start())),
                    ("lr", &format!("{:?}", r.lr()))
                ]
            ),
            r.diagnosis.say(lang)
        ));
    }
    out
}
