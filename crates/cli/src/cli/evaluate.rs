//! `scratchnet evaluate` and `scratchnet predict`: a saved network on the test set.

use scratchnet_book::text::{Lang, commands};
use std::path::{Path, PathBuf};

use anyhow::Context;
use ndarray::Axis;
use scratchnet_book::Mnist;
use scratchnet_book::argmax;
use scratchnet_book::data::mnist::CLASSES;
use scratchnet_book::net::file::{AnyNetwork, load_network};
use scratchnet_book::train::{confusion_matrix, predictions};
use scratchnet_plot::plot_digit;

use super::{print_json, usage};

/// Flags of `scratchnet evaluate`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  scratchnet train --save net.safetensors && scratchnet evaluate --model net.safetensors"
)]
pub struct EvaluateArgs {
    /// A network saved by `scratchnet train --save`.
    #[arg(long, value_name = "FILE.safetensors")]
    model: PathBuf,
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Print one JSON document: {"test_acc", "confusion"}.
    #[arg(long)]
    json: bool,
}

/// Flags of `scratchnet predict`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  scratchnet predict --model net.safetensors --index 6 --plot digit.png"
)]
pub struct PredictArgs {
    /// A network saved by `scratchnet train --save`.
    #[arg(long, value_name = "FILE.safetensors")]
    model: PathBuf,
    /// Which test image: 0 to 9999 on the full MNIST, 0 to 999 on the built-in slice.
    #[arg(long)]
    index: usize,
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Also draw the image and the probabilities into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"index", "label", "predicted", "probabilities"}.
    #[arg(long)]
    json: bool,
}

fn load(model: &Path, data: Option<&Path>, lang: Lang) -> anyhow::Result<(AnyNetwork, Mnist)> {
    let net = load_network(model)?;
    let mnist = super::find_mnist(data, lang)?;
    Ok((net, mnist))
}

/// Test accuracy and the confusion matrix.
pub fn evaluate(args: EvaluateArgs, lang: Lang) -> anyhow::Result<()> {
    let (net, data) = load(&args.model, args.data.as_deref(), lang)?;
    let confusion = confusion_matrix(&predictions(&*net, &data.test), &data.test);
    let n = data.test.len();
    let right: usize = (0..CLASSES).map(|k| confusion[k][k]).sum();
    let acc = right as f64 / n as f64;
    if args.json {
        return print_json(&EvaluateDocument {
            test_acc: acc,
            confusion,
        });
    }
    outln!(
        "{}\n",
        commands::EVALUATE_LINE.say(
            lang,
            &[
                ("model", &args.model.display()),
                ("net", &net.describe()),
                ("acc", &format!("{acc:.4}")),
                ("right", &right),
                ("n", &n),
            ],
        )
    );
    outln!("{}", commands::CONFUSION.get(lang));
    outln!(
        "      {}",
        (0..CLASSES).map(|k| format!("{k:>5}")).collect::<String>()
    );
    for (k, row) in confusion.iter().enumerate() {
        outln!(
            "  {k:>2}  {}",
            row.iter().map(|n| format!("{n:>5}")).collect::<String>()
        );
    }
    Ok(())
}

/// One test image: shown, labelled, predicted.
pub fn predict(args: PredictArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("predict", args.plot.as_deref(), args.format)?;
    if let Some(path) = &args.plot {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("--plot {} cannot be written", path.display()))?;
    }
    let (net, data) = load(&args.model, args.data.as_deref(), lang)?;
    if args.index >= data.test.len() {
        return Err(usage(
            "predict",
            format!(
                "--index {} is out of range: the test set has images 0 to {}",
                args.index,
                data.test.len() - 1
            ),
        ));
    }
    let (x, t) = data.test.slice(args.index..args.index + 1);
    let probabilities = net.probabilities(x.view()).index_axis(Axis(0), 0).to_vec();
    let predicted = argmax(probabilities.iter().copied());
    let pixels = data.test.images.row(args.index).to_vec();
    if let Some(path) = &args.plot {
        let title = commands::PREDICT_TITLE.say(
            lang,
            &[
                ("index", &args.index),
                ("label", &t[0]),
                ("predicted", &predicted),
            ],
        );
        plot_digit(&pixels, &probabilities, Some(t[0]), &title)
            .map(|f| f.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the digit")?;
    }
    if args.json {
        return print_json(&PredictDocument {
            index: args.index,
            label: t[0],
            predicted,
            probabilities: probabilities.to_vec(),
        });
    }
    outln!(
        "{}",
        commands::PREDICT_IMAGE.say(lang, &[("index", &args.index)])
    );
    for row in pixels.chunks(28) {
        // two characters per pixel so that the digit is not squeezed
        outln!("  {}", row.iter().map(|&p| shade(p)).collect::<String>());
    }
    let verdict = if predicted == t[0] {
        &commands::PREDICT_RIGHT
    } else {
        &commands::PREDICT_WRONG
    };
    outln!(
        "{}",
        verdict.say(lang, &[("label", &t[0]), ("predicted", &predicted)])
    );
    for (k, p) in probabilities.iter().enumerate() {
        outln!("  {k}: {p:.4} {}", "█".repeat((p * 40.0).round() as usize));
    }
    if let Some(path) = &args.plot {
        outln!(
            "{}",
            commands::PICTURE.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}

fn shade(p: u8) -> &'static str {
    match p {
        0..=31 => "  ",
        32..=95 => "░░",
        96..=159 => "▒▒",
        160..=223 => "▓▓",
        _ => "██",
    }
}

/// `evaluate --json`: `{"test_acc", "confusion"}`, `confusion[label][predicted]`.
#[derive(Debug, serde::Serialize)]
struct EvaluateDocument {
    test_acc: f64,
    confusion: [[usize; CLASSES]; CLASSES],
}

/// `predict --json`: `{"index", "label", "predicted", "probabilities"}`.
#[derive(Debug, serde::Serialize)]
struct PredictDocument {
    index: usize,
    label: usize,
    predicted: usize,
    probabilities: Vec<f64>,
}
