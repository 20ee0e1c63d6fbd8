//! `scratchnet overfit`: the book's `ch06/overfit_weight_decay.py` and `ch06/overfit_dropout.py`.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::experiments::{
    DROPOUT_EPOCHS, OVERFIT_TRAIN_SIZE, OverfitRun, Regularization, WEIGHT_DECAY_EPOCHS,
    overfit_dropout, overfit_weight_decay,
};
use scratchnet_book::text::{Lang, commands, pictures, words};

use super::args::{self, RngArgs};
use super::print_json;

/// A gap smaller than this (training minus test accuracy) is not called overfitting.
const OVERFITTING_GAP: f64 = 0.1;
/// A training accuracy from this on: the network knows its images by heart.
const BY_HEART: f64 = 0.95;

/// Flags of `scratchnet overfit`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  scratchnet overfit --plot overfit.png\n  \
    scratchnet overfit --weight-decay 0.1 --rng numpy --seed 0\n  \
    scratchnet overfit --dropout 0.2 --epochs 101 --plot dropout.png")]
pub struct OverfitArgs {
    /// Weight decay λ (the book: 0.1): runs overfit_weight_decay.py without it, then with it
    /// (figures 6-20 and 6-21).
    #[arg(long, value_name = "LAMBDA", value_parser = args::weight_decay, allow_hyphen_values = true)]
    weight_decay: Option<f64>,
    /// Dropout of this ratio (the book: 0.2): runs overfit_dropout.py without Dropout, then
    /// with it (figure 6-23).
    #[arg(long, value_name = "RATIO", value_parser = args::dropout_ratio, allow_hyphen_values = true)]
    dropout: Option<f64>,
    /// Epochs of each run (the book: 201; with --dropout, 301).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    epochs: Option<u64>,
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(flatten)]
    random: RngArgs,
    /// Draw the accuracies into FILE.png or FILE.svg: one panel per run, side by side.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"script", "figure", "train_size", "test_size", "epochs",
    /// "runs": [{"regularization", "train_acc_list", "test_acc_list", "gap"}]}.
    #[arg(long)]
    json: bool,
}

/// One run in `--json`.
#[derive(Debug, serde::Serialize)]
struct RunDocument<'a> {
    regularization: Regularization,
    train_acc_list: &'a [f64],
    test_acc_list: &'a [f64],
    gap: Option<f64>,
}

/// `overfit --json`.
#[derive(Debug, serde::Serialize)]
struct OverfitDocument<'a> {
    script: &'static str,
    figure: &'static str,
    train_size: usize,
    test_size: usize,
    epochs: usize,
    runs: Vec<RunDocument<'a>>,
}

/// The runs the flags ask for: the plain network, and the cure if one is given.
fn regularizations(args: &OverfitArgs) -> Vec<Regularization> {
    let cure = match (args.weight_decay, args.dropout) {
        (_, Some(ratio)) => Regularization::Dropout { ratio: Some(ratio) },
        (Some(lambda), None) => Regularization::WeightDecay { lambda },
        (None, None) => return vec![Regularization::WeightDecay { lambda: 0.0 }],
    };
    vec![cure.without(), cure]
}

/// The epochs printed: about ten, every `step`, and the last.
fn shown_epochs(epochs: usize) -> Vec<usize> {
    let step = (epochs.saturating_sub(1)).div_ceil(10).max(1);
    let mut shown: Vec<usize> = (0..epochs).step_by(step).collect();
    if shown.last() != Some(&(epochs - 1)) {
        shown.push(epochs - 1);
    }
    shown
}

/// The table: an epoch per line, each run's train and test accuracy and their gap, the runs'
/// names above their columns.
fn table(runs: &[OverfitRun], lang: Lang) -> String {
    use super::format::pad;
    const CELL: usize = 8;
    let block = 3 * CELL + 3;
    let mut out = String::new();
    if runs.len() > 1 {
        out.push_str(&" ".repeat(5));
        for run in runs {
            let label = words::regularization(run.regularization).say(lang);
            out.push_str(&pad(&format!("   {label}"), block, false));
        }
        out = out.trim_end().to_string();
        out.push('\n');
    }
    out.push_str(&pad(pictures::EPOCH.get(lang), 5, true));
    for _ in runs {
        out.push_str("   ");
        for word in [&words::TRAIN, &words::TEST, &words::GAP] {
            out.push_str(&pad(word.get(lang), CELL, true));
        }
    }
    out = out.trim_end().to_string();
    out.push('\n');
    let epochs = runs.iter().map(OverfitRun::epochs).min().unwrap_or(0);
    if epochs == 0 {
        return out;
    }
    for epoch in shown_epochs(epochs) {
        out.push_str(&format!("{epoch:>5}"));
        for run in runs {
            let (train, test) = (run.train_acc_list[epoch], run.test_acc_list[epoch]);
            out.push_str(&format!(
                "   {train:>CELL$.4}{test:>CELL$.4}{:>CELL$.4}",
                train - test
            ));
        }
        out.push('\n');
    }
    out
}

/// What the runs show, in words: whether the plain network overfits, and what the cure did.
fn findings(runs: &[OverfitRun], lang: Lang) -> String {
    let plain = &runs[0];
    let last = |list: &[f64]| list.last().copied().unwrap_or(f64::NAN);
    let fmt = |v: f64| format!("{v:.4}");
    let plain_gap = plain.gap().unwrap_or(f64::NAN);
    let mut out = commands::OVERFIT_FINAL.say(
        lang,
        &[
            (
                "cure",
                &words::regularization(plain.regularization).say(lang),
            ),
            ("train", &fmt(last(&plain.train_acc_list))),
            ("test", &fmt(last(&plain.test_acc_list))),
            ("gap", &fmt(plain_gap)),
        ],
    );
    out.push(' ');
    let book_epochs = match plain.regularization {
        Regularization::WeightDecay { .. } => WEIGHT_DECAY_EPOCHS,
        Regularization::Dropout { .. } => DROPOUT_EPOCHS,
    };
    let state = if plain_gap < OVERFITTING_GAP {
        &commands::OVERFIT_NOT_YET
    } else if last(&plain.train_acc_list) < BY_HEART {
        &commands::OVERFIT_OPENING
    } else {
        &commands::OVERFIT_SHOWS
    };
    out.push_str(&state.say(
        lang,
        &[
            ("epochs", &plain.epochs()),
            ("book", &book_epochs),
            ("train", &OVERFIT_TRAIN_SIZE),
        ],
    ));
    let Some(cured) = runs.get(1) else {
        out.push(' ');
        out.push_str(commands::OVERFIT_TRY_A_CURE.get(lang));
        out.push('\n');
        return out;
    };
    let cured_gap = cured.gap().unwrap_or(f64::NAN);
    out.push_str("\n\n");
    out.push_str(&commands::OVERFIT_FINAL.say(
        lang,
        &[
            (
                "cure",
                &words::regularization(cured.regularization).say(lang),
            ),
            ("train", &fmt(last(&cured.train_acc_list))),
            ("test", &fmt(last(&cured.test_acc_list))),
            ("gap", &fmt(cured_gap)),
        ],
    ));
    out.push(' ');
    let how = match cured.regularization {
        Regularization::WeightDecay { .. } => &commands::OVERFIT_HOW_WEIGHT_DECAY,
        Regularization::Dropout { .. } => &commands::OVERFIT_HOW_DROPOUT,
    };
    out.push_str(how.get(lang));
    // a network that has not overfitted has nothing to cure: the verdicts wait for the book's
    // epochs
    if plain_gap >= OVERFITTING_GAP {
        let verdict = if cured_gap < plain_gap {
            &commands::OVERFIT_NARROWER
        } else {
            &commands::OVERFIT_NOT_NARROWER
        };
        out.push(' ');
        out.push_str(&verdict.say(
            lang,
            &[
                ("plain", &fmt(plain_gap)),
                ("cured", &fmt(cured_gap)),
                ("book", &book_epochs),
            ],
        ));
        let (plain_test, cured_test) = (last(&plain.test_acc_list), last(&cured.test_acc_list));
        let test = if cured_test < plain_test {
            &commands::OVERFIT_TEST_LOWER
        } else {
            &commands::OVERFIT_TEST_HIGHER
        };
        out.push(' ');
        out.push_str(&test.say(
            lang,
            &[
                ("plain", &fmt(plain_test)),
                ("cured", &fmt(cured_test)),
                ("epochs", &cured.epochs()),
            ],
        ));
    }
    out.push('\n');
    out
}

/// Runs the book's script once per run asked for, each from a generator seeded alike, then
/// prints and draws.
pub fn run(args: OverfitArgs, lang: Lang) -> anyhow::Result<()> {
    const COMMAND: &str = "overfit";
    super::picture::check(COMMAND, args.plot.as_deref(), args.format)?;
    if args.weight_decay.is_some() && args.dropout.is_some() {
        return Err(super::usage(
            COMMAND,
            scratchnet_book::text::errors::ONE_CURE.get(super::lang_now()),
        ));
    }
    // before the training, not after it
    if let Some(path) = &args.plot {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("--plot {} cannot be written", path.display()))?;
    }
    // fail on a bad seed before reading MNIST
    args.random.generator(COMMAND)?;
    let mnist = super::find_mnist(args.data.as_deref(), lang)?;
    let plans = regularizations(&args);
    let first = plans[0];
    let epochs = args.epochs.map_or(
        match first {
            Regularization::WeightDecay { .. } => WEIGHT_DECAY_EPOCHS,
            Regularization::Dropout { .. } => DROPOUT_EPOCHS,
        },
        |e| e as usize,
    );
    if !args.json {
        let heading = match first {
            Regularization::WeightDecay { .. } => &commands::OVERFIT_WEIGHT_DECAY_HEADING,
            Regularization::Dropout { .. } => &commands::OVERFIT_DROPOUT_HEADING,
        };
        outln!(
            "{}",
            heading.say(
                lang,
                &[
                    ("train", &OVERFIT_TRAIN_SIZE),
                    ("test", &super::format::thousands(mnist.test.len())),
                    ("epochs", &epochs),
                ],
            )
        );
        if let [plain, cured] = plans[..] {
            outln!(
                "{}",
                commands::OVERFIT_TWICE.say(
                    lang,
                    &[
                        ("plain", &words::regularization(plain).say(lang)),
                        ("cured", &words::regularization(cured).say(lang)),
                    ],
                )
            );
        }
        outln!("");
    }
    let mut runs = Vec::with_capacity(plans.len());
    for plan in &plans {
        let mut random = args.random.generator(COMMAND)?;
        let run = match *plan {
            Regularization::WeightDecay { lambda } => {
                overfit_weight_decay(&mnist, lambda, epochs, random.as_mut(), |_| {})
            }
            Regularization::Dropout { ratio } => {
                overfit_dropout(&mnist, ratio, epochs, random.as_mut(), |_| {})
            }
        }
        .context("training the network")?;
        runs.push(run);
    }
    if let Some(path) = &args.plot {
        scratchnet_plot::plot_overfit(&runs)
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the accuracies")?;
    }
    if args.json {
        return print_json(&OverfitDocument {
            script: first.script(),
            figure: plans[plans.len() - 1].figure(),
            train_size: OVERFIT_TRAIN_SIZE.min(mnist.train.len()),
            test_size: mnist.test.len(),
            epochs,
            runs: runs
                .iter()
                .map(|r| RunDocument {
                    regularization: r.regularization,
                    train_acc_list: &r.train_acc_list,
                    test_acc_list: &r.test_acc_list,
                    gap: r.gap(),
                })
                .collect(),
        });
    }
    out!("{}", table(&runs, lang));
    outln!("");
    out!("{}", findings(&runs, lang));
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::shown_epochs;

    #[test]
    fn about_ten_epochs_are_shown_with_the_last() {
        assert_eq!(shown_epochs(201), (0..=200).step_by(20).collect::<Vec<_>>());
        assert_eq!(shown_epochs(3), [0, 1, 2]);
        assert_eq!(shown_epochs(1), [0]);
        assert_eq!(*shown_epochs(25).last().unwrap(), 24);
    }
}
