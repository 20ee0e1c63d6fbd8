//! `scratchnet batch-norm-test`: the book's `ch06/batch_norm_test.py`.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::data::mnist::PixelScale;
use scratchnet_book::experiments::{
    BATCH_NORM_TRAIN_SIZE, BatchNormRun, BatchNormTestConfig, SCALE_COUNT, batch_norm_test,
    weight_scale_list,
};
use scratchnet_book::random::Generator;
use scratchnet_book::text::{Lang, commands, errors};
use unicode_width::UnicodeWidthStr;

use super::args::RngArgs;
use super::print_json;

const COMMAND: &str = "batch-norm-test";

/// Which of the 16 scales to run, by their numbers in `np.logspace(0, -4, num=16)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scales(Vec<usize>);

/// Parses `all` or comma-separated numbers from 0 to 15 (`0,5,15`), in the order given.
fn scales(s: &str) -> Result<Scales, String> {
    if s.trim().eq_ignore_ascii_case("all") {
        return Ok(Scales((0..SCALE_COUNT).collect()));
    }
    let bad = || errors::BAD_SCALES.get(super::lang_now()).to_string();
    let picked: Vec<usize> = s
        .split(',')
        .map(|p| p.trim().parse::<usize>().ok().filter(|&i| i < SCALE_COUNT))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    Ok(Scales(picked))
}

/// Flags of `scratchnet batch-norm-test`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples (the book's figure 6-19):\n  scratchnet batch-norm-test --plot batch-norm-test.png\n  \
    scratchnet batch-norm-test --scales 0,5,15 --epochs 10 --rng numpy --seed 0"
)]
pub struct BatchNormArgs {
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The standard deviations of the initial weights to try: all 16 of `np.logspace(0, -4,
    /// num=16)`, or their numbers, comma-separated, from 0 (W = 1) to 15 (W = 0.0001).
    #[arg(long, default_value = "all", value_parser = scales, value_name = "all|I,J,...")]
    scales: Scales,
    /// Epochs of 10 mini-batches of 100 images at each scale (the book: 20).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=1000))]
    epochs: u64,
    #[command(flatten)]
    random: RngArgs,
    /// Draw one panel per scale into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"epochs", "train_size", "rng", "seed", "runs": [{"index",
    /// "weight_scale", "train_acc_list", "bn_train_acc_list", "bn_ahead"}], "bn_ahead",
    /// "as_book"}.
    #[arg(long)]
    json: bool,
}

/// One scale in `--json`.
#[derive(Debug, serde::Serialize)]
struct RunDocument<'a> {
    index: usize,
    weight_scale: f64,
    train_acc_list: &'a [f64],
    bn_train_acc_list: &'a [f64],
    bn_ahead: bool,
}

/// `batch-norm-test --json`.
#[derive(Debug, serde::Serialize)]
struct BatchNormDocument<'a> {
    epochs: usize,
    train_size: usize,
    rng: Generator,
    seed: u64,
    runs: Vec<RunDocument<'a>>,
    /// At how many scales the network with Batch Normalization ended ahead.
    bn_ahead: usize,
    /// Ahead at more than half of them: the book's finding.
    as_book: bool,
}

/// A row of the table: each cell padded to its column's width in a terminal.
fn row(cells: &[&str], widths: &[usize]) -> String {
    let padded: Vec<String> = cells
        .iter()
        .zip(widths)
        .map(|(c, &w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
        .collect();
    padded.join("  ").trim_end().to_string()
}

/// Runs the scales one after the other from the one generator, as the book does, printing a
/// line for each as it ends; then the count, the finding and the picture.
pub fn run(args: BatchNormArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check(COMMAND, args.plot.as_deref(), args.format)?;
    if let Some(path) = &args.plot {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("--plot {} cannot be written", path.display()))?;
    }
    let (rng, seed) = (args.random.rng, args.random.seed);
    let mut random = args.random.generator(COMMAND)?;
    let found = scratchnet_book::find_mnist(args.data.as_deref())?;
    errln!("{}", found.say(lang));
    let train = found.data.train.first(BATCH_NORM_TRAIN_SIZE);
    let config = BatchNormTestConfig {
        max_epochs: args.epochs as usize,
        pixels: match rng {
            Generator::Numpy => PixelScale::F32,
            Generator::Scratchnet => PixelScale::F64,
        },
        ..BatchNormTestConfig::default()
    };
    let header = [
        commands::COLUMN_SCALE.get(lang),
        "W",
        commands::COLUMN_WITHOUT_BATCH_NORM.get(lang),
        commands::COLUMN_WITH_BATCH_NORM.get(lang),
    ];
    let widths: Vec<usize> = header
        .iter()
        .zip([5, 22, 6, 6])
        .map(|(h, w)| h.width().max(w))
        .collect();
    if !args.json {
        outln!(
            "{}\n",
            commands::BATCH_NORM_TEST_HEADING.say(
                lang,
                &[("images", &train.len()), ("epochs", &config.max_epochs)]
            )
        );
        outln!("{}", row(&header, &widths));
    }
    let list = weight_scale_list();
    let mut runs: Vec<(usize, BatchNormRun)> = Vec::with_capacity(args.scales.0.len());
    for &index in &args.scales.0 {
        let run = batch_norm_test(&train, list[index], &config, random.as_mut())?;
        if !args.json {
            let last = |l: &[f64]| l.last().map_or("-".into(), |a| format!("{a:.3}"));
            let mark = if run.bn_ahead() {
                commands::BATCH_NORM_AHEAD_MARK.get(lang)
            } else {
                ""
            };
            let number = format!("{}/{SCALE_COUNT}", index + 1);
            let w = run.weight_scale.to_string();
            let (plain, bn) = (last(&run.train_acc_list), last(&run.bn_train_acc_list));
            outln!(
                "{}",
                row(
                    &[&number, &w, &plain, &bn, mark],
                    &[widths.clone(), vec![0]].concat()
                )
            );
        }
        runs.push((index, run));
    }
    let ahead = runs.iter().filter(|(_, r)| r.bn_ahead()).count();
    let as_book = 2 * ahead > runs.len();
    if let Some(path) = &args.plot {
        let all: Vec<BatchNormRun> = runs.iter().map(|(_, r)| r.clone()).collect();
        scratchnet_plot::plot_batch_norm_test(&all, train.len())
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the panels")?;
    }
    if args.json {
        return print_json(&BatchNormDocument {
            epochs: config.max_epochs,
            train_size: train.len(),
            rng,
            seed,
            runs: runs
                .iter()
                .map(|(index, r)| RunDocument {
                    index: *index,
                    weight_scale: r.weight_scale,
                    train_acc_list: &r.train_acc_list,
                    bn_train_acc_list: &r.bn_train_acc_list,
                    bn_ahead: r.bn_ahead(),
                })
                .collect(),
            bn_ahead: ahead,
            as_book,
        });
    }
    outln!(
        "\n{}",
        commands::BATCH_NORM_AHEAD.say(lang, &[("ahead", &ahead), ("scales", &runs.len())])
    );
    let finding = if as_book {
        &commands::BATCH_NORM_AS_BOOK
    } else {
        &commands::BATCH_NORM_NOT_AS_BOOK
    };
    outln!("{}", finding.get(lang));
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
    use super::*;

    #[test]
    fn scales_are_all_or_numbers_below_16() {
        assert_eq!(scales("all").unwrap().0, (0..16).collect::<Vec<_>>());
        assert_eq!(scales("0, 15,5").unwrap().0, [0, 15, 5]);
        for bad in ["16", "-1", "", "1,,2", "one"] {
            assert!(scales(bad).is_err(), "{bad}");
        }
    }
}
