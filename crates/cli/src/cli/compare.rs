//! `scratchnet compare` and `compare-mnist`: update rules side by side (the book's
//! `optimizer_compare_naive.py` and `optimizer_compare_mnist.py`).

use scratchnet_book::text::{Lang, commands, words};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use scratchnet_book::descent::DiagnosisDocument;
use scratchnet_book::train::{Outcome, TrainConfig, Training};
use scratchnet_book::{Activation, Descent, Landscape, OptimizerConfig, OptimizerKind};
use scratchnet_plot::{plot_compare, plot_loss_curves};

use super::args::{self, Point};
use super::format::{scalar, table, vector};
use super::{json_rows, print_json, usage};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example (the book's figure 6-8):\n  scratchnet compare --function bowl --optimizers sgd,momentum,adagrad,adam --plot compare.png"
)]
pub struct CompareArgs {
    /// The function, of two coordinates: bowl, sphere (alias function_2), saddle, plateau,
    /// rosenbrock, himmelblau.
    #[arg(long, default_value = "bowl", value_parser = args::two_dimensional)]
    function: Landscape,
    /// The update rules, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "sgd,momentum,adagrad,adam",
        ignore_case = true
    )]
    optimizers: Vec<OptimizerKind>,
    /// Steps of each rule.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    steps: u32,
    /// The starting point (default: the function's, (-7, 2) on the bowl).
    #[arg(long, value_name = "X0,X1", value_parser = args::point, allow_hyphen_values = true)]
    init: Option<Point>,
    /// One learning rate for every rule (default: the book's for the bowl: SGD 0.95, Momentum 0.1,
    /// AdaGrad 1.5, Adam 0.3; Nesterov and RMSprop 0.1).
    #[arg(long, value_parser = args::learning_rate, allow_hyphen_values = true)]
    lr: Option<f64>,
    /// Draw one panel per rule into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Runs every rule from the same start and compares where they end.
pub fn compare(args: CompareArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("compare", args.plot.as_deref(), args.format)?;
    let f = args.function;
    let init = args.init.map_or_else(|| f.default_start(), |p| p.0);
    f.check_point(&init)
        .map_err(|e: scratchnet_book::Error| usage("compare", e.say(super::lang_now())))?;
    let kinds = args.optimizers;
    let runs: Vec<Descent> = kinds
        .iter()
        .map(|&k| {
            let config = OptimizerConfig::new(k).with_lr(args.lr.unwrap_or(k.bowl_lr()));
            f.descend_with(&init, config, args.steps as usize)
                .map_err(|e: scratchnet_book::Error| usage("compare", e.say(super::lang_now())))
        })
        .collect::<Result<_, _>>()?;
    if let Some(path) = &args.plot {
        let title = commands::COMPARE_TITLE.say(
            lang,
            &[
                ("steps", &args.steps),
                ("f", &f.formula()),
                ("x0", &init[0]),
                ("x1", &init[1]),
            ],
        );
        plot_compare(f, &runs, &title)
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the comparison")?;
    }
    let minimum = f.minimum();
    let distance = |r: &Descent| {
        minimum
            .as_ref()
            .map(|(m, _)| (&r.final_point() - m).mapv(|v| v * v).sum().sqrt())
    };
    if args.json {
        let runs = runs
            .iter()
            .map(|r| CompareRun {
                optimizer: r.optimizer,
                init: r.start().to_vec(),
                final_point: r.final_point().to_vec(),
                f: r.final_value(),
                distance_to_minimum: distance(r),
                history: json_rows(&r.history),
                diagnosis: DiagnosisDocument::from(&r.diagnosis),
            })
            .collect();
        return print_json(&CompareDocument {
            function: f,
            steps: args.steps,
            runs,
        });
    }
    print_comparison(f, args.steps, &runs, distance, lang);
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}

/// The human form of `compare`: a table of the runs, then each diagnosis.
fn print_comparison(
    f: Landscape,
    steps: u32,
    runs: &[Descent],
    distance: impl Fn(&Descent) -> Option<f64>,
    lang: Lang,
) {
    let (formula, start) = (f.formula(), vector(&runs[0].start()));
    outln!(
        "{}\n",
        commands::COMPARE_HEAD.say(
            lang,
            &[
                ("steps", &steps),
                ("formula", &formula),
                ("f", &f),
                ("start", &start)
            ],
        )
    );
    let rows: Vec<Vec<String>> = runs
        .iter()
        .map(|r| {
            vec![
                r.optimizer.kind.title().to_string(),
                format!("{:?}", r.lr()),
                vector(&r.final_point()),
                scalar(r.final_value()),
                distance(r).map_or("-".into(), |d| format!("{d:.4}")),
                words::kind(r.diagnosis.kind).get(lang).to_string(),
            ]
        })
        .collect();
    let header = [
        &commands::COLUMN_OPTIMIZER,
        &commands::COLUMN_LR,
        &commands::COLUMN_FINAL_X,
        &commands::COLUMN_FINAL_F,
        &commands::COLUMN_TO_MINIMUM,
        &commands::COLUMN_DIAGNOSIS,
    ]
    .map(|c| c.get(lang));
    outln!("{}", table(&header, &rows));
    for r in runs {
        outln!("\n{}: {}", r.optimizer.kind.title(), r.diagnosis.say(lang));
    }
}

/// Flags of `scratchnet compare-mnist`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example (the book's figure 6-9):\n  scratchnet compare-mnist --iters 2000 --plot compare-mnist.png"
)]
pub struct CompareMnistArgs {
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The update rules, comma-separated, each with the book's default learning rate
    /// (0.01; Adam 0.001).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "sgd,momentum,adagrad,adam",
        ignore_case = true
    )]
    optimizers: Vec<OptimizerKind>,
    /// Iterations for each rule.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    iters: u64,
    /// Images per mini-batch (the book: 128).
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    batch_size: u64,
    /// Hidden units of the TwoLayerNet (ReLU).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    hidden: u64,
    /// Seed: every rule starts from the same weights and sees the same batches.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Draw the smoothed loss curves into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
}

/// Trains the same network with each rule and compares the losses.
// About 85 lines: one training per rule, then the table, the picture and the document, in the order
// they print.
pub fn compare_mnist(args: CompareMnistArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("compare-mnist", args.plot.as_deref(), args.format)?;
    // before the minutes of training, not after them
    if let Some(path) = &args.plot {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("--plot {} cannot be written", path.display()))?;
    }
    let data = super::find_mnist(args.data.as_deref(), lang)?;
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len().max(1) as f64;
    let mut results = Vec::new();
    for kind in args.optimizers.iter().copied() {
        let config = TrainConfig {
            iters: args.iters as usize,
            batch_size: args.batch_size as usize,
            hidden: args.hidden as usize,
            activation: Activation::Relu,
            optimizer: OptimizerConfig::new(kind),
            seed: args.seed,
            ..TrainConfig::default()
        };
        let started = Instant::now();
        let optimizer = config.optimizer;
        let mut training = Training::new(config).map_err(|e: scratchnet_book::Error| {
            usage("compare-mnist", e.say(super::lang_now()))
        })?;
        let indexed = scratchnet_engine::TrainingData::new(&data);
        let outcome =
            scratchnet_engine::run(&mut training, &indexed, |_| ControlFlow::Continue(()));
        let test_acc = training.history.final_accuracy.map(|f| f.test_acc);
        if !args.json {
            let loss = &training.history.loss;
            let diverged = if matches!(outcome, Outcome::Diverged { .. })
                || !training.history.divergences.is_empty()
            {
                commands::COMPARE_MNIST_DIVERGED.get(lang)
            } else {
                ""
            };
            outln!(
                "{}",
                commands::COMPARE_MNIST_LINE.say(
                    lang,
                    &[
                        ("rule", &format!("{:<9}", kind.title())),
                        ("lr", &format!("{:<6}", optimizer.lr)),
                        (
                            "first",
                            &format!("{:.4}", mean(&loss[..loss.len().min(100)]))
                        ),
                        (
                            "last",
                            &format!("{:.4}", mean(&loss[loss.len().saturating_sub(100)..]))
                        ),
                        ("acc", &test_acc.map_or("-".into(), |a| format!("{a:.4}"))),
                        (
                            "seconds",
                            &format!("{:.1}", started.elapsed().as_secs_f64())
                        ),
                        ("diverged", &diverged),
                    ],
                )
            );
        }
        results.push((kind, optimizer, training.history, test_acc, outcome));
    }
    if let Some(path) = &args.plot {
        let curves: Vec<(String, Vec<f64>)> = results
            .iter()
            .map(|(k, _, h, _, _)| (k.title().to_string(), h.loss.clone()))
            .collect();
        let title = commands::COMPARE_MNIST_TITLE.say(
            lang,
            &[("hidden", &args.hidden), ("batch", &args.batch_size)],
        );
        // the book cuts the y axis at 1; we show the whole descent from the 2.30 of guessing
        let top = curves
            .iter()
            .flat_map(|(_, c)| scratchnet_book::util::smooth_curve(c))
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        plot_loss_curves(&curves, top.min(3.0) * 1.05, &title)
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the loss curves")?;
        if !args.json {
            outln!(
                "\n{}",
                commands::PICTURE.say(lang, &[("path", &path.display())])
            );
        }
    }
    if args.json {
        let runs = results
            .iter()
            .map(|(_, cfg, h, acc, outcome)| CompareMnistRun {
                optimizer: *cfg,
                loss: &h.loss,
                final_test_acc: *acc,
                diverged: matches!(outcome, Outcome::Diverged { .. }) || !h.divergences.is_empty(),
            })
            .collect();
        return print_json(&CompareMnistDocument {
            iters: args.iters,
            batch_size: args.batch_size,
            hidden: args.hidden,
            runs,
        });
    }
    Ok(())
}

/// `compare --json`: `{"function", "steps", "runs": [{"optimizer", "init", "final", "f",
/// "distance_to_minimum", "history", "diagnosis": {"kind", "message"}}]}`.
#[derive(Debug, serde::Serialize)]
struct CompareDocument {
    function: Landscape,
    steps: u32,
    runs: Vec<CompareRun>,
}

/// One update rule's run in [`CompareDocument`].
#[derive(Debug, serde::Serialize)]
struct CompareRun {
    optimizer: OptimizerConfig,
    init: Vec<f64>,
    #[serde(rename = "final")]
    final_point: Vec<f64>,
    f: f64,
    /// `None` for a function without a minimum.
    distance_to_minimum: Option<f64>,
    history: Vec<Vec<f64>>,
    diagnosis: DiagnosisDocument,
}

/// `compare-mnist --json`: `{"iters", "batch_size", "hidden", "runs": [{"optimizer", "loss",
/// "final_test_acc", "diverged"}]}`.
#[derive(Debug, serde::Serialize)]
struct CompareMnistDocument<'a> {
    iters: u64,
    batch_size: u64,
    hidden: u64,
    runs: Vec<CompareMnistRun<'a>>,
}

/// One update rule's training in [`CompareMnistDocument`].
#[derive(Debug, serde::Serialize)]
struct CompareMnistRun<'a> {
    optimizer: OptimizerConfig,
    loss: &'a [f64],
    /// `None` when the run diverged.
    final_test_acc: Option<f64>,
    diverged: bool,
}
