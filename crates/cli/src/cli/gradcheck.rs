//! `scratchnet gradcheck`: backpropagation checked against the numerical gradient (the book's
//! `ch05/gradient_check.py`).

use scratchnet_book::text::{Lang, commands, words};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use ndarray::{ArrayD, ArrayView2, ArrayViewD};
use scratchnet_book::data::mnist::{CLASSES, PIXELS};
use scratchnet_book::gradient::H;
use scratchnet_book::{Activation, TwoLayerNet};

use super::format::table;
use super::{print_json, usage};

/// The largest absolute difference allowed between the two gradients. The book's own check
/// prints differences around 1e-10 to 1e-7; the largest comes from the 1e-7 inside the loss's
/// logarithm, which the analytic gradient of softmax-with-loss leaves out.
pub const TOLERANCE: f64 = 1e-6;

/// Flags of `scratchnet gradcheck`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet gradcheck\n  scratchnet gradcheck --activation relu --seed 2 --batch-size 10"
)]
pub struct GradCheckArgs {
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The hidden layer's activation.
    #[arg(long, value_enum, default_value = "sigmoid", ignore_case = true)]
    activation: Activation,
    /// How many training images to check on (the book: the first 3).
    #[arg(long, alias = "batch", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=100))]
    batch_size: u64,
    /// Seed of the initial weights.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Hidden units.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=1000))]
    hidden: u64,
    /// Print one JSON document.
    #[arg(long)]
    json: bool,
    /// Start even when the numerical gradient is large: more than 10¹² multiply-adds (minutes
    /// to hours: 784-1000-10 on 100 images is about 10¹⁴; the book's check is 10¹⁰).
    #[arg(long)]
    yes: bool,
}

/// The largest check started without `--yes`, in multiply-adds: 10¹² (a few minutes here; a
/// count, not a timing, so that the answer does not depend on the machine's load).
const WITHOUT_ASKING: f64 = 1e12;

/// How far apart two gradients of one parameter are, over the entries that are not at a kink,
/// and at the kinks.
#[derive(serde::Serialize)]
struct Diff {
    name: &'static str,
    #[serde(rename = "mean_abs_diff")]
    mean_abs: f64,
    #[serde(rename = "max_abs_diff")]
    max_abs: f64,
    #[serde(rename = "max_rel_error")]
    max_rel: f64,
    /// Entries whose central difference straddles a kink of ReLU, left out of the above.
    #[serde(rename = "kink_entries")]
    kinks: usize,
    /// The largest |diff| among those entries.
    #[serde(rename = "max_abs_diff_at_kinks")]
    max_abs_at_kinks: f64,
}

/// `gradcheck --json`: `{"activation", "batch", "tolerance", "passed", "params": [{"name",
/// "mean_abs_diff", "max_abs_diff", "max_rel_error", "kink_entries", "max_abs_diff_at_kinks"}],
/// "kinks": [{"image", "unit", "pre_activation"}]}`.
#[derive(serde::Serialize)]
struct GradcheckDocument<'a> {
    activation: Activation,
    batch: u64,
    tolerance: f64,
    passed: bool,
    params: &'a [Diff],
    kinks: &'a [Kink],
}

fn compare(
    name: &'static str,
    a: ArrayViewD<f64>,
    b: ArrayViewD<f64>,
    at_kink: ArrayViewD<bool>,
) -> Diff {
    let (mut sum, mut max_abs, mut max_rel) = (0.0, 0.0f64, 0.0f64);
    let (mut kinks, mut max_abs_at_kinks) = (0, 0.0f64);
    for ((&x, &y), &kink) in a.iter().zip(b.iter()).zip(at_kink.iter()) {
        let d = (x - y).abs();
        if kink {
            kinks += 1;
            max_abs_at_kinks = max_abs_at_kinks.max(d);
            continue;
        }
        sum += d;
        max_abs = max_abs.max(d);
        // relative to the larger magnitude, ignoring gradients that are zero to rounding
        let scale = x.abs().max(y.abs());
        if scale > 1e-8 {
            max_rel = max_rel.max(d / scale);
        }
    }
    Diff {
        name,
        mean_abs: sum / (a.len() - kinks).max(1) as f64,
        max_abs,
        max_rel,
        kinks,
        max_abs_at_kinks,
    }
}

/// A hidden unit whose ReLU sits within reach of its kink for one image: the pre-activation
/// `a = x · W1 + b1` is so close to 0 that nudging a parameter by h moves it across.
#[derive(serde::Serialize)]
struct Kink {
    image: usize,
    unit: usize,
    pre_activation: f64,
}

/// Which entries of each parameter the numerical gradient cannot measure: with ReLU, nudging
/// `W1[i][j]` by ±h moves image n's pre-activation `a[n][j]` by ±h·x[n][i], across 0 when
/// `|a[n][j]| < h·|x[n][i]|`; nudging `b1[j]` moves it by ±h. There the central difference
/// averages the slopes on both sides of the kink instead of taking one. `W2` and `b2` come after
/// the activation and have no kink. Sigmoid is smooth: nothing is at a kink.
fn kinks(net: &TwoLayerNet, x: ArrayView2<f64>) -> (Vec<Kink>, [ArrayD<bool>; 4]) {
    let p = &net.params;
    let mut masks = [
        ArrayD::from_elem(p.w1.shape(), false),
        ArrayD::from_elem(p.b1.shape(), false),
        ArrayD::from_elem(p.w2.shape(), false),
        ArrayD::from_elem(p.b2.shape(), false),
    ];
    let mut found = Vec::new();
    if net.activation != Activation::Relu {
        return (found, masks);
    }
    let a = x.dot(&p.w1) + &p.b1;
    for ((image, unit), &pre_activation) in a.indexed_iter() {
        if pre_activation.abs() >= H {
            continue;
        }
        found.push(Kink {
            image,
            unit,
            pre_activation,
        });
        masks[1][[unit]] = true;
        for (i, &xi) in x.row(image).iter().enumerate() {
            if pre_activation.abs() < H * xi.abs() {
                masks[0][[i, unit]] = true;
            }
        }
    }
    (found, masks)
}

/// Says where the kinks are and why their entries are left out.
fn explain_kinks(kinks: &[Kink], diffs: &[Diff], lang: Lang) -> String {
    let units: Vec<String> = kinks
        .iter()
        .map(|k| {
            commands::GRADCHECK_KINK_UNIT.say(
                lang,
                &[
                    ("image", &k.image),
                    ("unit", &k.unit),
                    ("a", &format!("{:.2e}", k.pre_activation)),
                ],
            )
        })
        .collect();
    let entries: usize = diffs.iter().map(|d| d.kinks).sum();
    let have = if kinks.len() == 1 {
        &commands::GRADCHECK_HAS
    } else {
        &commands::GRADCHECK_HAVE_EACH
    };
    commands::GRADCHECK_KINKS.say(
        lang,
        &[
            ("units", &units.join(", ")),
            ("have", &have.get(lang)),
            ("h", &format!("{H:e}")),
            ("entries", &entries),
        ],
    )
}

/// What the numerical gradient will take, said before it starts when that is more than a few
/// seconds (a wide network takes minutes: `2 · (784·H + H + 10·H + 10)` forward passes), with a
/// spinner and the time so far on a terminal.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn start(
        net: &TwoLayerNet,
        x: ArrayView2<f64>,
        t: &[usize],
        yes: bool,
        lang: Lang,
    ) -> anyhow::Result<Progress> {
        let passes = 2 * net
            .params
            .named()
            .iter()
            .map(|(_, a)| a.len())
            .sum::<usize>();
        // time forward passes for a tenth of a second to estimate the rest
        let (timer, mut timed) = (Instant::now(), 0u32);
        while timer.elapsed() < Duration::from_millis(100) {
            std::hint::black_box(net.loss(x, t));
            timed += 1;
        }
        let expected = timer.elapsed().as_secs_f64() / f64::from(timed) * passes as f64;
        let about = if expected < 120.0 {
            commands::SECONDS.say(lang, &[("n", &format!("{expected:.0}"))])
        } else {
            commands::MINUTES.say(lang, &[("n", &format!("{:.0}", expected / 60.0))])
        };
        // each pass: the batch through both layers
        let (d, h, c) = net.sizes();
        let work = passes as f64 * x.nrows() as f64 * (d * h + h * c) as f64;
        if work > WITHOUT_ASKING && !yes {
            return Err(usage(
                "gradcheck",
                format!(
                    "the numerical gradient would take {passes} forward passes of the network \
                     ({work:.1e} multiply-adds, about {about} here). Add --yes to start it \
                     anyway, or check fewer --hidden units or images (the book's check takes \
                     seconds)"
                ),
            ));
        }
        if expected < 3.0 {
            return Ok(Progress(None));
        }
        errln!(
            "{}",
            commands::GRADCHECK_TAKES.say(lang, &[("passes", &passes), ("about", &about)])
        );
        let bar = ProgressBar::new_spinner();
        if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        let template = commands::GRADCHECK_SPINNER
            .say(lang, &[("elapsed", &"{elapsed}"), ("about", &"{msg}")]);
        if let Ok(style) = ProgressStyle::with_template(&format!("{{spinner}} {template}")) {
            bar.set_style(style);
        }
        bar.set_message(about);
        bar.enable_steady_tick(Duration::from_millis(200));
        Ok(Progress(Some(bar)))
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Computes both gradients on the first `batch` training images and compares them.
// About 90 lines: the command's steps in order (network, batch, both gradients, their comparison,
// the report), each a few lines.
pub fn run(args: GradCheckArgs, lang: Lang) -> anyhow::Result<()> {
    let activation = args.activation;
    let data = super::find_mnist(args.data.as_deref(), lang)?;
    let batch = args.batch_size as usize;
    if batch > data.train.len() {
        return Err(usage(
            "gradcheck",
            format!(
                "--batch-size {batch} is more than the {} training images there are",
                data.train.len()
            ),
        ));
    }
    let (x, t) = data.train.slice(0..batch);
    let mut net = TwoLayerNet::new(
        PIXELS,
        args.hidden as usize,
        CLASSES,
        0.01,
        activation,
        args.seed,
    );
    let (_, backprop) = net.gradient(x.view(), &t);
    let numerical = {
        let _progress = Progress::start(&net, x.view(), &t, args.yes, lang)?;
        net.numerical_gradient(x.view(), &t)
    };
    let (kinks, masks) = kinks(&net, x.view());
    let diffs: Vec<Diff> = backprop
        .named()
        .into_iter()
        .zip(numerical.named())
        .zip(&masks)
        .map(|(((name, a), (_, b)), mask)| compare(name, a, b, mask.view()))
        .collect();
    let passed = diffs.iter().all(|d| d.max_abs <= TOLERANCE);
    if args.json {
        print_json(&GradcheckDocument {
            activation,
            batch: args.batch_size,
            tolerance: TOLERANCE,
            passed,
            params: &diffs,
            kinks: &kinks,
        })?;
    } else {
        outln!(
            "{}\n",
            commands::GRADCHECK_HEAD.say(
                lang,
                &[
                    ("hidden", &args.hidden),
                    ("activation", &words::activation(activation).get(lang)),
                    ("images", &args.batch_size),
                ],
            )
        );
        let rows: Vec<Vec<String>> = diffs
            .iter()
            .map(|d| {
                let mut row = vec![
                    d.name.to_string(),
                    format!("{:.3e}", d.mean_abs),
                    format!("{:.3e}", d.max_abs),
                    format!("{:.3e}", d.max_rel),
                ];
                if !kinks.is_empty() {
                    row.push(d.kinks.to_string());
                    row.push(format!("{:.3e}", d.max_abs_at_kinks));
                }
                row
            })
            .collect();
        let mut header = vec![
            commands::COLUMN_PARAM.get(lang),
            commands::COLUMN_MEAN_DIFF.get(lang),
            commands::COLUMN_MAX_DIFF.get(lang),
            commands::COLUMN_MAX_REL.get(lang),
        ];
        if !kinks.is_empty() {
            header.extend([
                commands::COLUMN_AT_KINK.get(lang),
                commands::COLUMN_KINK_MAX.get(lang),
            ]);
        }
        outln!("{}", table(&header, &rows));
        if !kinks.is_empty() {
            outln!("\n{}", explain_kinks(&kinks, &diffs, lang));
        }
        let verdict = if passed {
            &commands::GRADCHECK_PASSED
        } else {
            &commands::GRADCHECK_FAILED
        };
        let away = if kinks.is_empty() {
            ""
        } else {
            commands::GRADCHECK_AWAY.get(lang)
        };
        outln!(
            "\n{}",
            verdict.say(
                lang,
                &[("away", &away), ("tolerance", &format!("{TOLERANCE:e}"))]
            )
        );
    }
    if passed {
        Ok(())
    } else {
        anyhow::bail!(
            commands::GRADCHECK_DISAGREE.say(lang, &[("tolerance", &format!("{TOLERANCE:e}"))])
        )
    }
}
