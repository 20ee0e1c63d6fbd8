//! What a convolutional network learned, in pictures: `scratchnet visualize-filter` (the book's
//! `ch07/visualize_filter.py`), `apply-filter` (`ch07/apply_filter.py`) and `misclassified`
//! (`ch08/misclassified_mnist.py`).

use std::path::{Path, PathBuf};

use anyhow::Context;
use ndarray::Array3;
use scratchnet_book::net::SavedNetwork;
use scratchnet_book::net::file::load_network;
use scratchnet_book::net::simple_conv::SimpleConvNet;
use scratchnet_book::text::{Lang, commands, pictures};
use scratchnet_book::train::misclassified;
use scratchnet_plot::Figure;

use super::args::RngArgs;
use super::picture::PictureFormat;
use super::{print_json, usage};

/// Flags of `scratchnet visualize-filter`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet visualize-filter --plot before.png\n  \
    scratchnet train --network simple-conv --save conv.safetensors\n  \
    scratchnet visualize-filter --model conv.safetensors --plot after.png"
)]
pub struct VisualizeFilterArgs {
    /// A SimpleConvNet saved by `scratchnet train --network simple-conv --save` (default: the
    /// book's SimpleConvNet as first drawn, before any training).
    #[arg(long, value_name = "FILE.safetensors")]
    model: Option<PathBuf>,
    #[command(flatten)]
    random: RngArgs,
    /// Draw the filters into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: PathBuf,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<PictureFormat>,
}

/// Flags of `scratchnet apply-filter`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  scratchnet apply-filter --model conv.safetensors --index 0 --plot filtered.png"
)]
pub struct ApplyFilterArgs {
    /// A SimpleConvNet saved by `scratchnet train --network simple-conv --save`.
    #[arg(long, value_name = "FILE.safetensors")]
    model: PathBuf,
    /// Which test image: 0 to 9999 on the full MNIST, 0 to 999 on the built-in slice.
    #[arg(long, default_value_t = 0)]
    index: usize,
    /// How many of the filters, from the first (the book: 16).
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=1000))]
    count: u64,
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Draw the image and what each filter makes of it into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: PathBuf,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<PictureFormat>,
}

/// Flags of `scratchnet misclassified`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  scratchnet misclassified --model conv.safetensors --plot wrong.png"
)]
pub struct MisclassifiedArgs {
    /// A network saved by `scratchnet train --save`.
    #[arg(long, value_name = "FILE.safetensors")]
    model: PathBuf,
    /// How many of the misclassified images to show, from the first (the book: 20).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    count: u64,
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Draw the misclassified images, each with its label and the prediction, into FILE.png or
    /// FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<PictureFormat>,
    /// Print one JSON document: {"test_acc", "misclassified": [{"index", "label", "predicted"}]}.
    #[arg(long)]
    json: bool,
}

/// Checks that `path` can take `command`'s picture before any work.
fn check_plot(command: &str, path: &Path, format: Option<PictureFormat>) -> anyhow::Result<()> {
    super::picture::check(command, Some(path), format)?;
    scratchnet_book::atomic::check_writable(path)
        .with_context(|| format!("--plot {} cannot be written", path.display()))
}

/// Saves `figure` to `path` in `lang`, and says where.
fn save(
    figure: Figure,
    path: &Path,
    format: Option<PictureFormat>,
    lang: Lang,
) -> anyhow::Result<()> {
    figure
        .in_lang(lang)
        .save_as(path, format.map(Into::into))
        .context("drawing the picture")?;
    outln!(
        "{}",
        commands::PICTURE.say(lang, &[("path", &path.display())])
    );
    Ok(())
}

/// The smallest and largest of `values`, to four digits.
fn range(values: impl Iterator<Item = f64>) -> (String, String) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    (format!("{lo:.4}"), format!("{hi:.4}"))
}

/// The first layer's filters, before training (from the seed) or of a saved network.
pub fn visualize_filter(args: VisualizeFilterArgs, lang: Lang) -> anyhow::Result<()> {
    const COMMAND: &str = "visualize-filter";
    check_plot(COMMAND, &args.plot, args.format)?;
    let (net, state) = match &args.model {
        Some(path) => (
            SimpleConvNet::load(path)?,
            pictures::AFTER_TRAINING.say(lang, &[]),
        ),
        None => {
            let mut random = args.random.generator(COMMAND)?;
            let seed = args.random.seed;
            (
                SimpleConvNet::book(random.as_mut()),
                pictures::BEFORE_TRAINING.say(lang, &[("seed", &seed)]),
            )
        }
    };
    let (count, _, size, _) = net.w1.dim();
    let (lo, hi) = range(net.w1.iter().copied());
    outln!(
        "{}",
        commands::FILTERS_LINE.say(
            lang,
            &[("count", &count), ("size", &size), ("lo", &lo), ("hi", &hi)]
        )
    );
    let title = pictures::FILTERS_TITLE.say(lang, &[("count", &count), ("state", &state)]);
    save(
        scratchnet_plot::plot_filters(net.w1.view(), &title)?,
        &args.plot,
        args.format,
        lang,
    )
}

/// A test image through each of the first filters.
pub fn apply_filter(args: ApplyFilterArgs, lang: Lang) -> anyhow::Result<()> {
    const COMMAND: &str = "apply-filter";
    check_plot(COMMAND, &args.plot, args.format)?;
    let net = SimpleConvNet::load(&args.model)?;
    let filters = net.w1.dim().0;
    let count = args.count as usize;
    if count > filters {
        return Err(usage(
            COMMAND,
            format!("--count {count} is more than the network's {filters} filters"),
        ));
    }
    let mnist = super::find_mnist(args.data.as_deref(), lang)?;
    if args.index >= mnist.test.len() {
        return Err(usage(
            COMMAND,
            format!(
                "--index {} is out of range: the test set has images 0 to {}",
                args.index,
                mnist.test.len() - 1
            ),
        ));
    }
    let (x, t) = mnist.test.slice(args.index..args.index + 1);
    let maps: Array3<f64> = net.apply_filter(x.row(0), count);
    let (lo, hi) = range(maps.iter().copied());
    let (label, index) = (t[0], args.index);
    outln!(
        "{}",
        commands::APPLY_FILTER_LINE.say(
            lang,
            &[
                ("index", &index),
                ("label", &label),
                ("count", &count),
                ("lo", &lo),
                ("hi", &hi)
            ]
        )
    );
    let image = x
        .row(0)
        .to_owned()
        .into_shape_with_order((28, 28))
        .context("a 28×28 image")?;
    let title = pictures::APPLY_FILTER_TITLE.say(
        lang,
        &[("index", &index), ("label", &label), ("count", &count)],
    );
    save(
        scratchnet_plot::plot_feature_maps(image.view(), maps.view(), &title)?,
        &args.plot,
        args.format,
        lang,
    )
}

/// One misclassified image in `misclassified --json`.
#[derive(Debug, serde::Serialize)]
struct Wrong {
    index: usize,
    label: usize,
    predicted: usize,
}

/// `misclassified --json`.
#[derive(Debug, serde::Serialize)]
struct MisclassifiedDocument {
    test_acc: f64,
    misclassified: Vec<Wrong>,
}

/// The test images a saved network gets wrong.
pub fn misclassified_images(args: MisclassifiedArgs, lang: Lang) -> anyhow::Result<()> {
    const COMMAND: &str = "misclassified";
    if let Some(path) = &args.plot {
        check_plot(COMMAND, path, args.format)?;
    }
    let net = load_network(&args.model)?;
    let mnist = super::find_mnist(args.data.as_deref(), lang)?;
    let wrong = misclassified(&*net, &mnist.test);
    let n = mnist.test.len();
    let test_acc = (n - wrong.len()) as f64 / n.max(1) as f64;
    let shown: Vec<_> = wrong.iter().take(args.count as usize).copied().collect();
    if let Some(path) = &args.plot
        && !shown.is_empty()
    {
        let images = Array3::from_shape_fn((shown.len(), 28, 28), |(k, r, c)| {
            f64::from(mnist.test.images[[shown[k].0, r * 28 + c]]) / 255.0
        });
        let cases: Vec<(usize, usize)> = shown.iter().map(|&(_, l, p)| (l, p)).collect();
        let title = pictures::MISCLASSIFIED_TITLE.say(lang, &[("count", &shown.len())]);
        let figure = scratchnet_plot::plot_misclassified(images.view(), &cases, &title)?;
        figure
            .in_lang(lang)
            .save_as(path, args.format.map(Into::into))
            .context("drawing the picture")?;
    }
    if args.json {
        return print_json(&MisclassifiedDocument {
            test_acc,
            misclassified: wrong
                .iter()
                .map(|&(index, label, predicted)| Wrong {
                    index,
                    label,
                    predicted,
                })
                .collect(),
        });
    }
    outln!(
        "{}",
        commands::MISCLASSIFIED_ACCURACY.say(
            lang,
            &[("acc", &test_acc), ("wrong", &wrong.len()), ("n", &n)]
        )
    );
    outln!("{}", commands::MISCLASSIFIED_HEADING.get(lang));
    let pairs: Vec<String> = shown
        .iter()
        .enumerate()
        .map(|(view, &(_, label, predicted))| format!("{}: ({label}, {predicted})", view + 1))
        .collect();
    outln!("{{{}}}", pairs.join(", "));
    if let Some(path) = &args.plot {
        if shown.is_empty() {
            outln!("{}", commands::NOTHING_MISCLASSIFIED.get(lang));
        } else {
            outln!(
                "{}",
                commands::PICTURE.say(lang, &[("path", &path.display())])
            );
        }
    }
    Ok(())
}
