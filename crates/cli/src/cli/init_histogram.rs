//! `scratchnet weight-init-histogram`: the book's `ch06/weight_init_activation_histogram.py`.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::experiments::{
    ActivationFunction, ActivationHistogram, weight_init_activation_histogram,
};
use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::text::{Lang, commands, pictures, words};

use super::args::{self, RngArgs};
use super::print_json;

/// Flags of `scratchnet weight-init-histogram`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet weight-init-histogram --init 1 --plot std1.png\n  \
    scratchnet weight-init-histogram --activation relu --init he --rng numpy --seed 0"
)]
pub struct InitHistogramArgs {
    /// The activation of every layer.
    #[arg(long, value_enum, default_value = "sigmoid", ignore_case = true)]
    activation: ActivationFunction,
    /// The initial weights' scale: a standard deviation (1, 0.01), xavier (1/√n) or he (√(2/n)).
    #[arg(long, default_value = "1", value_parser = args::weight_init, allow_hyphen_values = true)]
    init: WeightInit,
    #[command(flatten)]
    random: RngArgs,
    /// Draw the five histograms into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"activation", "init", "range", "layers": [{"mean", "std", "counts"}]}.
    #[arg(long)]
    json: bool,
}

/// One layer in `--json`.
#[derive(Debug, serde::Serialize)]
struct LayerDocument {
    mean: f64,
    std: f64,
    counts: Vec<usize>,
}

/// `weight-init-histogram --json`.
#[derive(Debug, serde::Serialize)]
struct HistogramDocument {
    activation: ActivationFunction,
    init: String,
    range: (f64, f64),
    layers: Vec<LayerDocument>,
}

/// The bars of a histogram in one line of block letters, `top` a full block (a taller bar is
/// cut at the top), a bar with anything in it at least the lowest block.
fn bars(counts: &[usize], top: usize) -> String {
    const BLOCKS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    counts
        .iter()
        .map(|&c| BLOCKS[(c * 8).div_ceil(top.max(1)).min(8)])
        .collect()
}

fn init_name(init: WeightInit) -> String {
    match init {
        WeightInit::Std(s) => s.to_string(),
        WeightInit::Xavier => "xavier".to_string(),
        WeightInit::He => "he".to_string(),
    }
}

fn layers(run: &ActivationHistogram) -> Vec<LayerDocument> {
    run.activations
        .iter()
        .zip(run.counts())
        .map(|(a, counts)| LayerDocument {
            mean: a.mean().unwrap_or(f64::NAN),
            std: a.std(0.0),
            counts,
        })
        .collect()
}

/// The human report: a line per layer with its mean, spread and bars.
fn report(run: &ActivationHistogram, lang: Lang) -> String {
    let (lo, hi) = run.activation.range();
    let mut out = commands::INIT_HISTOGRAM_HEADING.say(
        lang,
        &[
            ("activation", &run.activation.book_name()),
            ("init", &init_name(run.init)),
            ("lo", &lo),
            ("hi", &hi),
        ],
    );
    out.push('\n');
    let layers = layers(run);
    let top = layers
        .iter()
        .map(|l| run.activation.tallest_shown(&l.counts))
        .max()
        .unwrap_or(1);
    for (i, layer) in layers.iter().enumerate() {
        out.push_str(&format!(
            "{}  {} {:>7.4}  {} {:.4}  {lo:>2} |{}| {hi}\n",
            pictures::LAYER_N.say(lang, &[("layer", &(i + 1))]),
            words::MEAN.get(lang),
            layer.mean,
            words::STD.get(lang),
            layer.std,
            bars(&layer.counts, top)
        ));
    }
    if run.activation == ActivationFunction::Relu {
        let zeros: Vec<String> = layers.iter().map(|l| l.counts[0].to_string()).collect();
        out.push_str(&commands::RELU_ZEROS.say(lang, &[("zeros", &zeros.join(", "))]));
        out.push('\n');
    }
    out
}

/// Runs the experiment, then prints and draws.
pub fn run(args: InitHistogramArgs, lang: Lang) -> anyhow::Result<()> {
    const COMMAND: &str = "weight-init-histogram";
    super::picture::check(COMMAND, args.plot.as_deref(), args.format)?;
    let mut random = args.random.generator(COMMAND)?;
    let run = weight_init_activation_histogram(args.activation, args.init, random.as_mut());
    if let Some(path) = &args.plot {
        scratchnet_plot::plot_activation_histogram(&run)
            .in_lang(lang)
            .save_as(path, args.format.map(Into::into))
            .context("drawing the histograms")?;
    }
    if args.json {
        return print_json(&HistogramDocument {
            activation: run.activation,
            init: init_name(run.init),
            range: run.activation.range(),
            layers: layers(&run),
        });
    }
    out!("{}", report(&run, lang));
    if let Some(path) = &args.plot {
        outln!(
            "\n{}",
            commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}
