//! `scratchnet hyperparameter-search`: the book's `ch06/hyperparameter_optimization.py`.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::experiments::{
    GRAPH_DRAW_NUM, LR_EXPONENTS, SEARCH_TRAIN_SIZE, SearchRanges, Trial, VALIDATION_RATE,
    WEIGHT_DECAY_EXPONENTS, hyperparameter_optimization, suggested_ranges,
};
use scratchnet_book::numpy_style::python_float;
use scratchnet_book::text::{Lang, commands, words};

use super::args::RngArgs;
use super::format::three_digits;
use super::print_json;

/// The best trials whose ranges are suggested.
const BEST: usize = 5;
/// A best validation accuracy below this is "little learned yet".
const LEARNED: f64 = 0.5;

/// Flags of `scratchnet hyperparameter-search`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet hyperparameter-search --plot search.png\n  \
    scratchnet hyperparameter-search --trials 20 --epochs 20 --rng numpy --seed 0"
)]
pub struct SearchArgs {
    /// Trials, each with a learning rate and a weight decay drawn at random (the book: 100).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    trials: u64,
    /// Epochs of each trial (the book: 50).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    epochs: u64,
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(flatten)]
    random: RngArgs,
    /// Draw the best 20 trials' accuracies into FILE.png or FILE.svg, five to a row.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"script", "figure", "train_size", "validation_size",
    /// "epochs", "trials": [{"rank", "trial", "lr", "weight_decay", "val_acc",
    /// "val_acc_list", "train_acc_list"}], "best", "ranges": {"lr", "weight_decay"}}.
    #[arg(long)]
    json: bool,
}

/// One trial in `--json`.
#[derive(Debug, serde::Serialize)]
struct TrialDocument<'a> {
    rank: usize,
    #[serde(flatten)]
    trial: &'a Trial,
    val_acc: Option<f64>,
}

/// `hyperparameter-search --json`.
#[derive(Debug, serde::Serialize)]
struct SearchDocument<'a> {
    script: &'static str,
    figure: &'static str,
    train_size: usize,
    validation_size: usize,
    epochs: u64,
    trials: Vec<TrialDocument<'a>>,
    best: usize,
    ranges: Option<SearchRanges>,
}

/// `10^e` for the exponent of `v`, to two decimals: how far along the search's log scale.
fn exponent(v: f64) -> String {
    format!("{:.2}", v.log10())
}

/// A trial's line as the book prints it: `Best-1(val acc:0.83) | lr:..., weight decay:...`.
fn best_line(rank: usize, trial: &Trial, lang: Lang) -> String {
    commands::SEARCH_BEST.say(
        lang,
        &[
            ("k", &rank),
            (
                "val",
                &trial.final_val_acc().map_or("-".into(), python_float),
            ),
            ("lr", &python_float(trial.lr)),
            ("weight_decay", &python_float(trial.weight_decay)),
        ],
    )
}

/// What the search found, in words: the ranges of the best trials, or that little was learned.
fn findings(trials: &[Trial], epochs: u64, lang: Lang) -> String {
    let mut out = String::new();
    let shown = &trials[..trials.len().min(GRAPH_DRAW_NUM)];
    let tie = shown
        .windows(2)
        .any(|w| w[0].final_val_acc() == w[1].final_val_acc());
    if tie {
        out.push_str(commands::SEARCH_TIES.get(lang));
        out.push('\n');
    }
    let best_acc = trials.first().and_then(Trial::final_val_acc).unwrap_or(0.0);
    if best_acc < LEARNED {
        out.push_str(&commands::SEARCH_LITTLE_LEARNED.say(
            lang,
            &[("epochs", &epochs), ("best", &format!("{best_acc:.2}"))],
        ));
        out.push('\n');
    }
    if let Some(r) = suggested_ranges(trials, BEST) {
        let n = trials.len().min(BEST);
        out.push_str(&commands::SEARCH_RANGES.say(
            lang,
            &[
                ("best", &n),
                ("lr_lo", &three_digits(r.lr.0)),
                ("lr_hi", &three_digits(r.lr.1)),
                ("lr_from", &exponent(r.lr.0)),
                ("lr_to", &exponent(r.lr.1)),
                ("wd_lo", &three_digits(r.weight_decay.0)),
                ("wd_hi", &three_digits(r.weight_decay.1)),
                ("wd_from", &exponent(r.weight_decay.0)),
                ("wd_to", &exponent(r.weight_decay.1)),
            ],
        ));
        out.push(' ');
        out.push_str(commands::SEARCH_NEXT.get(lang));
        out.push('\n');
        for (what, (lo, hi), (from, to)) in [
            (&words::LEARNING_RATE, r.lr, LR_EXPONENTS),
            (&words::WEIGHT_DECAY, r.weight_decay, WEIGHT_DECAY_EXPONENTS),
        ] {
            let (decades, drawn) = ((hi / lo).log10(), to - from);
            // a spread says something only when the best trials have learned
            if n > 1 && best_acc >= LEARNED && decades >= drawn / 2.0 {
                out.push_str(&commands::SEARCH_SPREAD.say(
                    lang,
                    &[
                        ("best", &n),
                        ("what", &what.get(lang)),
                        ("decades", &format!("{decades:.1}")),
                        ("drawn", &drawn),
                    ],
                ));
                out.push('\n');
            }
        }
    }
    out
}

/// Runs the search, printing each trial on stderr as it ends, then the ranking and what it
/// suggests; draws the best 20.
pub fn run(args: SearchArgs, lang: Lang) -> anyhow::Result<()> {
    const COMMAND: &str = "hyperparameter-search";
    super::picture::check(COMMAND, args.plot.as_deref(), args.format)?;
    // before the minutes of training, not after them
    if let Some(path) = &args.plot {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("--plot {} cannot be written", path.display()))?;
    }
    let mut random = args.random.generator(COMMAND)?;
    let mnist = super::find_mnist(args.data.as_deref(), lang)?;
    let images = SEARCH_TRAIN_SIZE.min(mnist.train.len());
    let validation = (images as f64 * VALIDATION_RATE) as usize;
    if !args.json {
        outln!(
            "{}\n",
            commands::SEARCH_HEADING.say(
                lang,
                &[
                    ("images", &images),
                    ("validation", &validation),
                    ("train", &(images - validation)),
                    ("trials", &args.trials),
                    ("epochs", &args.epochs),
                ],
            )
        );
    }
    let trials = hyperparameter_optimization(
        &mnist,
        args.trials as usize,
        args.epochs as usize,
        random.as_mut(),
        |t| {
            errln!(
                "{}",
                commands::SEARCH_TRIAL.say(
                    lang,
                    &[
                        ("trial", &t.trial),
                        ("trials", &args.trials),
                        ("val", &t.final_val_acc().map_or("-".into(), python_float)),
                        ("lr", &python_float(t.lr)),
                        ("weight_decay", &python_float(t.weight_decay)),
                    ],
                )
            );
        },
    )
    .context("searching")?;
    if let Some(path) = &args.plot {
        scratchnet_plot::plot_hyperparameter_optimization(&trials, trials.len())
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the best trials")?;
    }
    if args.json {
        return print_json(&SearchDocument {
            script: "hyperparameter_optimization.py",
            figure: "6-24",
            train_size: images - validation,
            validation_size: validation,
            epochs: args.epochs,
            trials: trials
                .iter()
                .enumerate()
                .map(|(i, trial)| TrialDocument {
                    rank: i + 1,
                    trial,
                    val_acc: trial.final_val_acc(),
                })
                .collect(),
            best: trials.len().min(BEST),
            ranges: suggested_ranges(&trials, BEST),
        });
    }
    outln!("{}", commands::SEARCH_RESULT.get(lang));
    for (i, trial) in trials.iter().take(GRAPH_DRAW_NUM).enumerate() {
        outln!("{}", best_line(i + 1, trial, lang));
    }
    outln!("");
    out!("{}", findings(&trials, args.epochs, lang));
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}
