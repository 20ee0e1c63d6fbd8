//! `scratchnet weight-init-compare`: the book's `ch06/weight_init_compare.py`.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::data::mnist::PixelScale;
use scratchnet_book::experiments::{
    InitLosses, IterationLosses, WEIGHT_INIT_TYPES, WeightInitCompareConfig, weight_init_compare,
};
use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::random::Generator;
use scratchnet_book::text::{Lang, commands};
use unicode_width::UnicodeWidthStr;

use super::args::RngArgs;
use super::print_json;

const COMMAND: &str = "weight-init-compare";

/// Flags of `scratchnet weight-init-compare`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples (the book's figure 6-15):\n  scratchnet weight-init-compare --plot weight-init-compare.png\n  \
    scratchnet weight-init-compare --rng numpy --seed 0"
)]
pub struct InitCompareArgs {
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Iterations, each one mini-batch of 128 images for the three networks (the book: 2000).
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    iters: u64,
    #[command(flatten)]
    random: RngArgs,
    /// Draw the three smoothed loss curves into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"iters", "batch_size", "learning_rate", "rng", "seed",
    /// "train_size", "networks": [{"name", "init", "train_loss", "final_smoothed", "learns"}],
    /// "as_book"}.
    #[arg(long)]
    json: bool,
}

/// One network in `--json`.
#[derive(Debug, serde::Serialize)]
struct NetworkDocument<'a> {
    name: &'static str,
    init: String,
    train_loss: &'a [f64],
    final_smoothed: Option<f64>,
    learns: bool,
}

/// `weight-init-compare --json`.
#[derive(Debug, serde::Serialize)]
struct InitCompareDocument<'a> {
    iters: usize,
    batch_size: usize,
    learning_rate: f64,
    rng: Generator,
    seed: u64,
    train_size: usize,
    networks: Vec<NetworkDocument<'a>>,
    /// He learns and std=0.01 does not: the book's finding.
    as_book: bool,
}

fn init_name(init: WeightInit) -> String {
    match init {
        WeightInit::Std(s) => s.to_string(),
        WeightInit::Xavier => "xavier".to_string(),
        WeightInit::He => "he".to_string(),
    }
}

/// A row of the table: the first cell padded to `first` columns of a terminal, each loss in 10.
fn row(first: &str, width: usize, cells: &[String]) -> String {
    let pad = " ".repeat(width.saturating_sub(first.width()));
    let cells: Vec<String> = cells.iter().map(|c| format!("{c:>10}")).collect();
    format!("{first}{pad}{}", cells.join(""))
}

/// Runs the experiment, printing the book's lines as they come, then the finding and the
/// picture.
pub fn run(args: InitCompareArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check(COMMAND, args.plot.as_deref(), args.format)?;
    if let Some(path) = &args.plot {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("--plot {} cannot be written", path.display()))?;
    }
    let (rng, seed) = (args.random.rng, args.random.seed);
    let mut random = args.random.generator(COMMAND)?;
    let found = scratchnet_book::find_mnist(args.data.as_deref())?;
    errln!("{}", found.say(lang));
    let config = WeightInitCompareConfig {
        max_iterations: args.iters as usize,
        pixels: match rng {
            Generator::Numpy => PixelScale::F32,
            Generator::Scratchnet => PixelScale::F64,
        },
        ..WeightInitCompareConfig::default()
    };
    let iteration = commands::COLUMN_ITERATION.get(lang);
    let width = iteration.width().max(9) + 2;
    if !args.json {
        outln!(
            "{}\n",
            commands::WEIGHT_INIT_COMPARE_HEADING.say(
                lang,
                &[
                    ("iters", &config.max_iterations),
                    ("batch", &config.batch_size)
                ]
            )
        );
        let names: Vec<String> = WEIGHT_INIT_TYPES
            .iter()
            .map(|(k, _)| k.to_string())
            .collect();
        outln!("{}", row(iteration, width, &names));
    }
    let print_line = |line: &IterationLosses| {
        if !args.json {
            let losses: Vec<String> = line.losses.iter().map(|l| format!("{l:.4}")).collect();
            outln!("{}", row(&line.iteration.to_string(), width, &losses));
        }
    };
    let result = weight_init_compare(&found.data.train, &config, random.as_mut(), print_line)?;
    let as_book = {
        let learns = |key| result.get(key).is_some_and(InitLosses::learns);
        learns("He") && !learns("std=0.01")
    };
    if let Some(path) = &args.plot {
        scratchnet_plot::plot_weight_init_compare(&result)
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the loss curves")?;
    }
    if args.json {
        return print_json(&InitCompareDocument {
            iters: config.max_iterations,
            batch_size: config.batch_size,
            learning_rate: config.learning_rate,
            rng,
            seed,
            train_size: found.data.train.len(),
            networks: result
                .networks
                .iter()
                .map(|n| NetworkDocument {
                    name: n.key,
                    init: init_name(n.init),
                    train_loss: &n.train_loss,
                    final_smoothed: n.final_smoothed(),
                    learns: n.learns(),
                })
                .collect(),
            as_book,
        });
    }
    outln!("\n{}", commands::WEIGHT_INIT_COMPARE_ENDS.get(lang));
    let name_width = WEIGHT_INIT_TYPES
        .iter()
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(0)
        + 2;
    for n in &result.networks {
        let verdict = if n.learns() {
            &commands::LEARNS
        } else {
            &commands::DOES_NOT_LEARN
        };
        outln!(
            "  {:<name_width$}{:.4}  {}",
            n.key,
            n.final_smoothed().unwrap_or(f64::NAN),
            verdict.get(lang)
        );
    }
    let finding = if as_book {
        commands::WEIGHT_INIT_COMPARE_AS_BOOK.get(lang).to_string()
    } else {
        commands::WEIGHT_INIT_COMPARE_NOT_YET.say(lang, &[("iters", &config.max_iterations)])
    };
    outln!("\n{finding}");
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}
