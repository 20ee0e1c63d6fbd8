//! `scratchnet tour`: the learner's notebook, step by step, with numbers and pictures; in
//! English, or in Korean with `--lang ko` (the narration, the tables and the pictures' words).
//!
//! Its words are the catalogue's ([`scratchnet_book::text::tour`]), in the order it prints them;
//! this file makes the numbers and pictures between them.

use std::fmt::Display;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::Context;
use scratchnet_book::data::source::{FoundMnist, MnistSource};
use scratchnet_book::descent::Gradient;
use scratchnet_book::text::{Lang, Text, commands, tour};
use scratchnet_book::train::{TrainConfig, TrainEvent, Training};
use scratchnet_book::{
    Descent, Landscape, OptimizerConfig, OptimizerKind, SimpleNet, gradient_field,
};
use scratchnet_plot::{
    plot_compare, plot_descent, plot_gradient_field, plot_tangent, plot_training,
};

use super::descend::report as descent_report;
use super::diff::Derivative;
use super::field::report as field_report;
use super::format::vector;
use super::graph::{Example, report as graph_report};
use super::simplenet::Pass;

/// Flags of `scratchnet tour`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  scratchnet tour\n  scratchnet tour --lang ko --out tour-ko")]
pub struct TourArgs {
    /// The directory for the pictures (created if missing).
    #[arg(long, value_name = "DIR", default_value = "scratchnet-tour")]
    out: PathBuf,
    /// The directory with the four MNIST files, for the training chapter (default:
    /// $SCRATCHNET_DATA, else the cache `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The book's chapter: 4 (the gradient, descent, a network that learns), 5
    /// (backpropagation: the computational graph, the gradient check, training) or 6 (the
    /// initial weights, Batch Normalization, overfitting and weight decay).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(4..=6))]
    chapter: u8,
}

/// The tour's printer: the language, and where the pictures go.
struct Tour {
    lang: Lang,
    out: PathBuf,
}

impl Tour {
    /// A part's heading, underlined, and its introduction, wrapped.
    fn chapter(&self, n: usize, title: &'static Text, intro: &'static Text) {
        self.chapter_with(n, title, intro.get(self.lang));
    }

    /// A part's heading, underlined, and its introduction with its values filled in, wrapped.
    fn chapter_with(&self, n: usize, title: &'static Text, intro: &str) {
        let title = title.get(self.lang);
        outln!(
            "\n{n}. {title}\n{}\n{}\n",
            "─".repeat(width(title) + 3),
            wrap(intro)
        );
    }

    /// A paragraph of the narration, wrapped.
    fn say(&self, text: &'static Text) {
        outln!("{}", wrap(text.get(self.lang)));
    }

    /// A paragraph of the narration with its values, wrapped.
    fn say_with(&self, text: &'static Text, args: &[(&'static str, &dyn Display)]) {
        outln!("{}", wrap(&text.say(self.lang, args)));
    }

    /// The title of a picture.
    fn title(&self, text: &'static Text) -> &'static str {
        text.get(self.lang)
    }

    /// Where a picture was written.
    fn picture(&self, path: &Path) {
        outln!(
            "{}",
            commands::PICTURE.say(self.lang, &[("path", &path.display())])
        );
    }

    fn report(&self, f: Landscape, runs: &[Descent]) {
        outln!("{}\n", descent_report(f, Gradient::BOOK, runs, self.lang));
    }
}

/// The width of the narration's lines, in terminal columns.
const COLUMNS: usize = 90;

/// The width of `s` in a terminal: Hangul takes two columns.
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `text` wrapped to [`COLUMNS`] at spaces, keeping its own line breaks, and never breaking inside
/// `code`, next to an operator (`x ← x − η∇f(x)` stays whole) or inside a short parenthesis.
fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for unit in units(line) {
            if used > 0 && used + 1 + width(&unit) > COLUMNS {
                out.push('\n');
                used = 0;
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            used += width(&unit);
            out.push_str(&unit);
        }
    }
    out
}

/// The pieces of `line` a wrapped line may break between: its words, with the spaces inside code,
/// around operators and inside parentheses and brackets of up to 30 columns kept.
fn units(line: &str) -> Vec<String> {
    const OPERATORS: &[&str] = &["=", "+", "−", "-", "←", "·", "≈", "±", "→", "×"];
    let words: Vec<&str> = line.split(' ').collect();
    // whether a line may break before each word
    let mut breaks = vec![true; words.len()];
    let mut in_code = false;
    let mut open: Vec<usize> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if in_code {
            breaks[i] = false;
        }
        if word.matches('`').count() % 2 == 1 {
            in_code = !in_code;
        }
        if i > 0 {
            let glued = |w: &str| w.is_empty() || OPERATORS.contains(&w);
            if glued(word) || glued(words[i - 1]) {
                breaks[i] = false;
            }
        }
        for c in word.chars() {
            match c {
                '(' | '[' => open.push(i),
                ')' | ']' => {
                    if let Some(start) = open.pop()
                        && width(&words[start..=i].join(" ")) <= 30
                    {
                        breaks[start + 1..=i].fill(false);
                    }
                }
                _ => {}
            }
        }
    }
    let mut units: Vec<String> = Vec::new();
    for (word, can_break) in words.into_iter().zip(breaks) {
        match units.last_mut() {
            Some(last) if !can_break => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_owned()),
        }
    }
    units
}

fn descend(init: &[f64], lr: f64) -> anyhow::Result<Descent> {
    Ok(Landscape::Sphere.descend(init, lr, 100)?)
}

/// Walks through the notebook in order, one function per chapter.
pub fn run(args: TourArgs, lang: Lang) -> anyhow::Result<()> {
    // MNIST first: a --data or $SCRATCHNET_DATA that points nowhere stops the tour before it starts.
    let mnist = scratchnet_book::find_mnist(args.data.as_deref())?;
    let tour = Tour {
        lang,
        out: args.out,
    };
    std::fs::create_dir_all(&tour.out)
        .with_context(|| format!("creating the picture directory {}", tour.out.display()))?;
    match args.chapter {
        5 => return chapter_5(&tour, &mnist),
        6 => return chapter_6(&tour, &mnist),
        _ => {}
    }
    // one line, however wide
    outln!("{}", tour::HEADER.get(lang));
    tour.say_with(&tour::PICTURES_GO, &[("dir", &tour.out.display())]);
    descent_from_four_starts(&tour)?;
    learning_rate_too_large(&tour)?;
    learning_rate_too_small(&tour)?;
    the_gradient_field(&tour)?;
    simple_net(&tour)?;
    one_dimension(&tour)?;
    learning_from_data(&tour, &mnist)?;
    saddle_points(&tour)?;
    plateaus(&tour)?;
    update_rules(&tour)?;
    out!("\n");
    tour.say(&tour::NEXT);
    Ok(())
}

/// The book's chapter 5: the shopping graphs, the gradient check, training by
/// backpropagation.
fn chapter_5(tour: &Tour, mnist: &FoundMnist) -> anyhow::Result<()> {
    use scratchnet_book::graph::{Quantity, buy_apple, buy_apple_orange};
    let lang = tour.lang;
    outln!("{}", tour::HEADER_5.get(lang));
    tour.say_with(&tour::PICTURES_GO, &[("dir", &tour.out.display())]);
    for (part, example) in [(1, Example::Apple), (2, Example::AppleOrange)] {
        let (title, intro) = match example {
            Example::Apple => (&tour::TITLE_5_1, &tour::INTRO_5_1),
            Example::AppleOrange => (&tour::TITLE_5_2, &tour::INTRO_5_2),
        };
        tour.chapter(part, title, intro);
        let mut inputs = vec![(Quantity::Apple, 100.0), (Quantity::AppleNum, 2.0)];
        let receipt = match example {
            Example::Apple => buy_apple(100.0, 2.0, 1.1),
            Example::AppleOrange => {
                inputs.extend([(Quantity::Orange, 150.0), (Quantity::OrangeNum, 3.0)]);
                buy_apple_orange(100.0, 2.0, 150.0, 3.0, 1.1)
            }
        };
        inputs.push((Quantity::Tax, 1.1));
        outln!(
            "{}\n",
            graph_report(example, &inputs, &receipt, lang).trim_end()
        );
        let path = tour.out.join(format!(
            "graph_{}.png",
            example.script().trim_end_matches(".py")
        ));
        let caption = scratchnet_book::text::graph::CAPTION.say(
            lang,
            &[("script", &example.script()), ("figure", &example.figure())],
        );
        scratchnet_plot::plot_graph(&receipt.graph, &caption)?
            .in_lang(lang)
            .save(&path)?;
        tour.picture(&path);
    }
    tour.chapter(3, &tour::TITLE_5_3, &tour::INTRO_5_3);
    let (x, t) = mnist.data.train.slice(0..3);
    for activation in scratchnet_book::Activation::ALL {
        let mut net = scratchnet_book::TwoLayerNet::new(784, 50, 10, 0.01, activation, 0);
        let (_, backprop) = net.gradient(x.view(), &t);
        let numerical = net.numerical_gradient(x.view(), &t);
        let diffs: Vec<String> = backprop
            .mean_abs_diff(&numerical)
            .iter()
            .map(|(name, mean)| format!("{name}:{mean:.1e}"))
            .collect();
        outln!("{:<8} {}", activation.to_string(), diffs.join("  "));
    }
    out!("\n");
    tour.say(&tour::AFTER_5_3);
    tour.chapter(4, &tour::TITLE_5_4, &tour::INTRO_5_4);
    train_chapter(
        tour,
        mnist,
        scratchnet_book::Activation::Relu,
        "training_relu.png",
    )?;
    out!("\n");
    tour.say(&tour::NEXT_5);
    Ok(())
}

/// Iterations of the chapter-6 tour's `weight_init_compare` (the book: 2,000).
const TOUR_INIT_COMPARE_ITERS: usize = 300;
/// Epochs of the chapter-6 tour's `batch_norm_test` (the book: 20).
const TOUR_BATCH_NORM_EPOCHS: usize = 10;
/// The chapter-6 tour's two scales of the initial weights, by their place among the book's 16
/// (`np.logspace(0, -4, num=16)`): W ≈ 0.086 and W ≈ 0.0022.
const TOUR_BATCH_NORM_SCALES: [usize; 2] = [4, 10];

/// The book's chapter 6 on the built-in slice (or the MNIST found), each experiment drawing from
/// NumPy's generator seeded with 0: the activations' histograms, the three initial weights on
/// MNIST, Batch Normalization at two scales, overfitting with and without weight decay.
fn chapter_6(tour: &Tour, mnist: &FoundMnist) -> anyhow::Result<()> {
    use scratchnet_book::data::mnist::PixelScale;
    use scratchnet_book::experiments::{
        ActivationFunction, BATCH_NORM_TRAIN_SIZE, BatchNormTestConfig, WEIGHT_DECAY_EPOCHS,
        WEIGHT_DECAY_LAMBDA, WeightInitCompareConfig, batch_norm_test, overfit_weight_decay,
        weight_init_activation_histogram, weight_init_compare, weight_scale_list,
    };
    use scratchnet_book::net::multi_layer::WeightInit;
    use scratchnet_book::random::numpy::RandomState;
    let lang = tour.lang;
    outln!("{}", tour::HEADER_6.get(lang));
    tour.say_with(&tour::PICTURES_GO, &[("dir", &tour.out.display())]);
    tour.say(&tour::NUMPY_DRAWS);

    // 1. the histograms of figures 6-10 to 6-14
    tour.chapter(1, &tour::TITLE_6_1, &tour::INTRO_6_1);
    let runs = [
        (
            &tour::RUN_SIGMOID_STD_1,
            ActivationFunction::Sigmoid,
            WeightInit::Std(1.0),
            "init_sigmoid_std1.png",
        ),
        (
            &tour::RUN_SIGMOID_XAVIER,
            ActivationFunction::Sigmoid,
            WeightInit::Xavier,
            "init_sigmoid_xavier.png",
        ),
        (
            &tour::RUN_RELU_HE,
            ActivationFunction::Relu,
            WeightInit::He,
            "init_relu_he.png",
        ),
    ];
    let name_width = runs
        .iter()
        .map(|(name, ..)| width(name.get(lang)))
        .max()
        .unwrap_or(0);
    outln!(
        "{}{}",
        " ".repeat(name_width + 2),
        tour::LAYERS_HEADING.get(lang)
    );
    let mut paths = Vec::new();
    let mut he_means = (0.0, 0.0);
    for (name, activation, init, file) in runs {
        let run = weight_init_activation_histogram(activation, init, &mut RandomState::new(0));
        let shares: Vec<String> = run
            .counts()
            .iter()
            .zip(&run.activations)
            .map(|(counts, a)| {
                format!(
                    "{:>5.1} %",
                    100.0 * outer_share(activation, counts, a.len())
                )
            })
            .collect();
        let name = name.get(lang);
        let pad = " ".repeat(name_width - width(name));
        outln!("{name}{pad}  {}", shares.join("  "));
        if activation == ActivationFunction::Relu {
            let mean = |k: usize| run.activations[k].mean().unwrap_or(f64::NAN);
            he_means = (mean(0), mean(run.activations.len() - 1));
        }
        let path = tour.out.join(file);
        scratchnet_plot::plot_activation_histogram(&run)
            .in_lang(lang)
            .save(&path)?;
        paths.push(path);
    }
    out!("\n");
    tour.say_with(
        &tour::AFTER_6_1,
        &[
            ("first", &format!("{:.2}", he_means.0)),
            ("last", &format!("{:.2}", he_means.1)),
        ],
    );
    outln!("{}", tour::HISTOGRAMS_DRAWN.get(lang));
    for path in &paths {
        tour.picture(path);
    }

    // 2. weight_init_compare.py, figure 6-15
    tour.chapter_with(
        2,
        &tour::TITLE_6_2,
        &tour::INTRO_6_2.say(lang, &[("iters", &TOUR_INIT_COMPARE_ITERS)]),
    );
    let config = WeightInitCompareConfig {
        max_iterations: TOUR_INIT_COMPARE_ITERS,
        pixels: PixelScale::F32,
        ..WeightInitCompareConfig::default()
    };
    let compare =
        weight_init_compare(&mnist.data.train, &config, &mut RandomState::new(0), |_| {})?;
    for network in &compare.networks {
        let verdict = if network.learns() {
            &commands::LEARNS
        } else {
            &commands::DOES_NOT_LEARN
        };
        outln!(
            "  {:<10}{:.4}  {}",
            network.key,
            network.final_smoothed().unwrap_or(f64::NAN),
            verdict.get(lang)
        );
    }
    out!("\n");
    tour.say(&tour::AFTER_6_2);
    let path = tour.out.join("weight_init_compare.png");
    scratchnet_plot::plot_weight_init_compare(&compare)?
        .in_lang(lang)
        .save(&path)?;
    tour.picture(&path);

    // 3. batch_norm_test.py at two scales, figure 6-19
    tour.chapter_with(
        3,
        &tour::TITLE_6_3,
        &tour::INTRO_6_3.say(lang, &[("epochs", &TOUR_BATCH_NORM_EPOCHS)]),
    );
    let config = BatchNormTestConfig {
        max_epochs: TOUR_BATCH_NORM_EPOCHS,
        pixels: PixelScale::F32,
        ..BatchNormTestConfig::default()
    };
    let train = mnist.data.train.first(BATCH_NORM_TRAIN_SIZE);
    let scales = weight_scale_list();
    let mut numpy = RandomState::new(0);
    let mut bn_runs = Vec::new();
    for k in TOUR_BATCH_NORM_SCALES {
        let run = batch_norm_test(&train, scales[k], &config, &mut numpy)?;
        let last = |list: &[f64]| format!("{:.3}", list.last().copied().unwrap_or(f64::NAN));
        outln!(
            "  {}",
            tour::BATCH_NORM_ROW.say(
                lang,
                &[
                    ("scale", &format!("{:.4}", run.weight_scale)),
                    ("plain", &last(&run.train_acc_list)),
                    ("bn", &last(&run.bn_train_acc_list)),
                ],
            )
        );
        bn_runs.push(run);
    }
    out!("\n");
    tour.say(&tour::AFTER_6_3);
    let path = tour.out.join("batch_norm_test.png");
    scratchnet_plot::plot_batch_norm_test(&bn_runs, train.len())?
        .in_lang(lang)
        .save(&path)?;
    tour.picture(&path);

    // 4. overfit_weight_decay.py without and with its cure, figures 6-20 and 6-21
    tour.chapter_with(
        4,
        &tour::TITLE_6_4,
        &tour::INTRO_6_4.say(lang, &[("epochs", &WEIGHT_DECAY_EPOCHS)]),
    );
    let names = [
        tour::RUN_NO_DECAY.get(lang).to_string(),
        tour::RUN_DECAY.say(lang, &[("lambda", &WEIGHT_DECAY_LAMBDA)]),
    ];
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let mut overfit_runs = Vec::new();
    for (lambda, name) in [0.0, WEIGHT_DECAY_LAMBDA].into_iter().zip(&names) {
        let run = overfit_weight_decay(
            &mnist.data,
            lambda,
            WEIGHT_DECAY_EPOCHS,
            &mut RandomState::new(0),
            |_| {},
        )?;
        let name = format!("{name}{}", " ".repeat(name_width - width(name)));
        let last = |list: &[f64]| format!("{:.4}", list.last().copied().unwrap_or(f64::NAN));
        outln!(
            "  {}",
            tour::OVERFIT_ROW.say(
                lang,
                &[
                    ("run", &name),
                    ("train", &last(&run.train_acc_list)),
                    ("test", &last(&run.test_acc_list)),
                    ("gap", &format!("{:.4}", run.gap().unwrap_or(f64::NAN))),
                ],
            )
        );
        overfit_runs.push(run);
    }
    out!("\n");
    let gap = |k: usize| format!("{:.4}", overfit_runs[k].gap().unwrap_or(f64::NAN));
    tour.say_with(&tour::AFTER_6_4, &[("without", &gap(0)), ("with", &gap(1))]);
    let path = tour.out.join("overfit_weight_decay.png");
    scratchnet_plot::plot_overfit(&overfit_runs)?
        .in_lang(lang)
        .save(&path)?;
    tour.picture(&path);
    out!("\n");
    tour.say(&tour::NEXT_6);
    Ok(())
}

/// The share of a layer's `total` activations in the outer bars of its histogram (`counts`,
/// the 30 bars of the book's figures over (0, 1)): the first and the last for sigmoid, where its
/// slope is nearly 0; the first alone for ReLU (the units it turned off, and those barely on),
/// whose activations above 1 are outside the figure's range.
fn outer_share(
    activation: scratchnet_book::experiments::ActivationFunction,
    counts: &[usize],
    total: usize,
) -> f64 {
    let outer = match activation {
        scratchnet_book::experiments::ActivationFunction::Relu => counts[0],
        _ => counts[0] + counts[counts.len() - 1],
    };
    outer as f64 / total as f64
}

/// Chapter 1: gradient descent on the sphere from the notebook's four starts.
fn descent_from_four_starts(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(1, &tour::TITLE_1, &tour::INTRO_1);
    let starts = [[-3.0, 4.0], [3.0, -4.0], [3.0, -2.0], [-3.0, 2.0]];
    let runs: Vec<Descent> = starts
        .iter()
        .map(|s| descend(s, 0.1))
        .collect::<Result<_, _>>()?;
    tour.report(Landscape::Sphere, &runs);
    let ours = vector(&runs[3].final_point());
    // two aligned lines: printed as they are, not wrapped
    outln!("{}", tour::OUT_17.say(tour.lang, &[("ours", &ours)]));
    tour.say(&tour::NOT_ALWAYS_A_MINIMUM);
    let path = tour.out.join("descent_lr_0.1.png");
    plot_descent(
        Landscape::Sphere,
        &runs,
        tour.title(&tour::PICTURE_FOUR_STARTS),
    )?
    .in_lang(tour.lang)
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 2: lr = 10.
fn learning_rate_too_large(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(2, &tour::TITLE_2, &tour::INTRO_2);
    let big = vec![descend(&[-3.0, 4.0], 10.0)?];
    tour.report(Landscape::Sphere, &big);
    let path = tour.out.join("descent_lr_10.png");
    plot_descent(Landscape::Sphere, &big, tour.title(&tour::PICTURE_LR_10))?
        .in_lang(tour.lang)
        .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 3: lr = 1e-10.
fn learning_rate_too_small(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(3, &tour::TITLE_3, &tour::INTRO_3);
    let small = vec![descend(&[-3.0, 4.0], 1e-10)?];
    tour.report(Landscape::Sphere, &small);
    let path = tour.out.join("descent_lr_1e-10.png");
    plot_descent(
        Landscape::Sphere,
        &small,
        tour.title(&tour::PICTURE_LR_1E_10),
    )?
    .in_lang(tour.lang)
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 4: the gradient field of the sphere.
fn the_gradient_field(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(4, &tour::TITLE_4, &tour::INTRO_4);
    let field = gradient_field(|x| Landscape::Sphere.eval(x.view()), -2.0, 2.5, 0.25);
    outln!("{}\n", field_report(Landscape::Sphere, &field, tour.lang));
    let path = tour.out.join("gradient_field.png");
    plot_gradient_field(Landscape::Sphere, &field, tour.title(&tour::PICTURE_FIELD))?
        .in_lang(tour.lang)
        .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 5: simpleNet and ∂L/∂W.
fn simple_net(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(5, &tour::TITLE_5, &tour::INTRO_5);
    let mut net = SimpleNet::notebook();
    out!(
        "{}",
        Pass::new(&mut net, ndarray::array![0.6, 0.9], 2).report(tour.lang)
    );
    tour.say(&tour::NEGATIVE_DW);
    Ok(())
}

/// Chapter 6: the derivative of function_1 and its tangent.
fn one_dimension(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(6, &tour::TITLE_6, &tour::INTRO_6);
    let d = Derivative::new(Landscape::Function1, 5.0);
    out!("{}", d.report(tour.lang));
    let path = tour.out.join("tangent_function_1.png");
    plot_tangent(Landscape::Function1, 5.0, d.slope)?
        .in_lang(tour.lang)
        .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 7: TwoLayerNet on MNIST.
fn learning_from_data(tour: &Tour, mnist: &FoundMnist) -> anyhow::Result<()> {
    tour.chapter(7, &tour::TITLE_7, &tour::INTRO_7);
    train_chapter(
        tour,
        mnist,
        scratchnet_book::Activation::Sigmoid,
        "training.png",
    )
}

/// Chapter 8: a saddle point, on and off the ridge.
fn saddle_points(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(8, &tour::TITLE_8, &tour::INTRO_8);
    let saddle = Landscape::Saddle;
    let runs = [
        saddle.descend(&[-3.0, 0.0], 0.1, 100)?,
        saddle.descend(&[-3.0, 0.01], 0.1, 100)?,
    ];
    tour.report(saddle, &runs[..1]);
    // a diagnosis, one line as the report prints them: not wrapped
    let off = runs[1].diagnosis.say(tour.lang);
    outln!(
        "{}\n",
        tour::OFF_THE_RIDGE.say(tour.lang, &[("diagnosis", &off)])
    );
    tour.say(&tour::SADDLE_TOO_FAR);
    // the same runs cut at step 30, each keeping its diagnosis after 100 steps for the legend
    let first_30 = runs.each_ref().map(|r| r.first_steps(30));
    let path = tour.out.join("saddle.png");
    plot_descent(saddle, &first_30, tour.title(&tour::PICTURE_SADDLE))?
        .in_lang(tour.lang)
        .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 8, continued: a plateau, SGD against Adam.
fn plateaus(tour: &Tour) -> anyhow::Result<()> {
    out!("\n");
    tour.say(&tour::PLATEAU);
    out!("\n");
    let plateau = Landscape::Plateau;
    let adam = OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.3);
    let runs = vec![
        plateau.descend(&[4.0, 3.0], 0.1, 100)?,
        plateau.descend_with(&[4.0, 3.0], adam, 100)?,
    ];
    tour.report(plateau, &runs[..1]);
    // a diagnosis, one line as the report prints them: not wrapped
    let adams = runs[1].diagnosis.say(tour.lang);
    outln!(
        "{}\n",
        tour::ADAM_ON_THE_PLATEAU.say(tour.lang, &[("lr", &runs[1].lr()), ("diagnosis", &adams)])
    );
    let path = tour.out.join("plateau.png");
    plot_descent(plateau, &runs, tour.title(&tour::PICTURE_PLATEAU))?
        .in_lang(tour.lang)
        .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 8, continued: the book's four update rules on the bowl (figure 6-8).
fn update_rules(tour: &Tour) -> anyhow::Result<()> {
    out!("\n");
    tour.say(&tour::UPDATE_RULES);
    out!("\n");
    let bowl = Landscape::Bowl;
    let runs: Vec<Descent> = [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::AdaGrad,
        OptimizerKind::Adam,
    ]
    .into_iter()
    .map(|k| {
        bowl.descend_with(
            &[-7.0, 2.0],
            OptimizerConfig::new(k).with_lr(k.bowl_lr()),
            30,
        )
    })
    .collect::<Result<_, _>>()?;
    for r in &runs {
        outln!(
            "{}",
            tour::RULE_ENDS.say(
                tour.lang,
                &[
                    ("rule", &format!("{:<9}", r.optimizer.kind.title())),
                    ("lr", &format!("{:<5}", r.lr())),
                    ("ends", &vector(&r.final_point())),
                    ("f", &format!("{:.5}", r.final_value())),
                ],
            )
        );
    }
    let path = tour.out.join("optimizers_bowl.png");
    plot_compare(bowl, &runs, tour.title(&tour::PICTURE_BOWL))?
        .in_lang(tour.lang)
        .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// The training chapter: 1,800 iterations on MNIST as found (the whole set, or the built-in
/// slice), a line every 600 iterations, and the curves.
fn train_chapter(
    tour: &Tour,
    found: &FoundMnist,
    activation: scratchnet_book::Activation,
    file: &str,
) -> anyhow::Result<()> {
    let lang = tour.lang;
    outln!("{}\n", found.say(lang));
    let config = TrainConfig {
        iters: 1801,
        activation,
        ..TrainConfig::default()
    };
    let per_epoch = config.iters_per_epoch(found.data.train.len());
    tour.say_with(&tour::EPOCH, &[("per_epoch", &per_epoch)]);
    out!("\n");
    let mut training = Training::new(config)?;
    let data = scratchnet_engine::TrainingData::new(&found.data);
    scratchnet_engine::run(&mut training, &data, |event| {
        if let TrainEvent::Epoch(e) = event
            && e.iter % 600 == 0
        {
            outln!("{}", super::train::epoch_line(e, lang));
        }
        ControlFlow::Continue(())
    });
    let last = training
        .history
        .final_accuracy
        .context("the run measured its accuracy")?;
    let path = tour.out.join(file);
    let title = if activation == scratchnet_book::Activation::Relu {
        &tour::PICTURE_TRAINING_RELU
    } else if found.source == MnistSource::BuiltIn {
        &tour::PICTURE_TRAINING_SLICE
    } else {
        &tour::PICTURE_TRAINING
    };
    plot_training(&training.history, tour.title(title))?
        .in_lang(lang)
        .save(&path)?;
    let (test, gap) = (
        100.0 * last.test_acc,
        100.0 * (last.train_acc - last.test_acc),
    );
    let seen = (1800 * 100) as f64 / found.data.train.len() as f64;
    tour.say_with(&tour::ACCURACY_ROSE, &[("test", &format!("{test:.1}"))]);
    if gap > 2.0 {
        tour.say_with(
            &tour::OVERFITTING,
            &[
                ("gap", &format!("{gap:.1}")),
                ("seen", &format!("{seen:.0}")),
            ],
        );
    } else {
        tour.say(&tour::NO_OVERFITTING);
    }
    if found.is_full() {
        tour.say(&tour::FULL_RUN);
    } else {
        tour.say(&tour::FULL_RUN_FETCH);
    }
    tour.picture(&path);
    Ok(())
}
