//! The command line: flags, subcommands, and what each prints.
//!
//! Raw flags (the `*Args` structs) are kept apart from the library's types; each subcommand
//! checks its flags, calls the library, and prints a human table or one JSON document.

#[macro_use]
pub mod out;

mod args;
mod batch_norm;
mod compare;
mod conv_pictures;
pub(crate) mod descend;
mod diff;
pub(crate) mod evaluate;
mod fetch;
mod field;
mod format;
mod gradcheck;
mod graph;
mod help_ko;
mod init_compare;
mod init_histogram;
mod optim;
mod overfit;
mod picture;
mod search;
#[cfg(feature = "serve")]
pub(crate) mod serve;
mod simplenet;
mod tour;
pub(crate) mod train;

use std::fmt::Display;
use std::path::Path;

use clap::{CommandFactory, Parser, Subcommand};
use scratchnet_book::text::Lang;

pub use train::Interrupted;

/// A command other than `train` stopped by Ctrl-C (or SIGTERM, SIGHUP) after cleaning up: exit
/// status 130, with this message.
#[derive(Debug)]
pub struct Stopped(pub String);

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stopped {}

/// How a neural network learns, from scratch and with real numbers: chapters 4 to 7 of
/// "Deep Learning from Scratch" (밑바닥부터 시작하는 딥러닝), in Rust.
#[derive(Debug, Parser)]
#[command(name = "scratchnet", version, propagate_version = true)]
pub struct Cli {
    /// The language of what the command prints and draws: en (English) or ko (한국어, Korean).
    /// Default: Korean when the locale ($LC_ALL, else $LC_MESSAGES, else $LANG) is Korean
    /// (ko_KR.UTF-8), else English.
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "LANG"
    )]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

impl Cli {
    /// The language asked for: `--lang`, else the locale's.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Walk through the chapter: descent paths, learning rates, the gradient field, simpleNet,
    /// training on MNIST (the built-in slice when no other is found), saddles and plateaus.
    Tour(tour::TourArgs),
    /// Gradient descent from one or more starting points and learning rates.
    Descend(descend::DescendArgs),
    /// The gradient field of a two-dimensional function: arrows of −∇f on a grid.
    Field(field::FieldArgs),
    /// The derivative of a one-dimensional function by central difference, and its tangent line.
    Diff(diff::DiffArgs),
    /// The book's simpleNet: prediction, softmax, loss, and dL/dW by numerical gradient.
    Simplenet(simplenet::SimpleNetArgs),
    /// Download MNIST (checked against its SHA-256) into the data directory.
    FetchMnist(fetch::FetchArgs),
    /// Check backpropagation against the numerical gradient of TwoLayerNet.
    Gradcheck(gradcheck::GradCheckArgs),
    /// Chapter 5's computational graph: the book's shopping examples forward and backward,
    /// drawn as figures 5-16 and 5-17.
    Graph(graph::GraphArgs),
    /// Chapter 6: random inputs through five layers, the histogram of each layer's
    /// activations for a weight scale and an activation (figures 6-10 to 6-14).
    WeightInitHistogram(init_histogram::InitHistogramArgs),
    /// Chapter 6: three networks alike but for their initial weights (std 0.01, Xavier, He)
    /// trained side by side on MNIST, their loss curves (figure 6-15).
    WeightInitCompare(init_compare::InitCompareArgs),
    /// Chapter 6: networks with and without Batch Normalization trained side by side, for 16
    /// scales of the initial weights, their training accuracy (figure 6-19).
    BatchNormTest(batch_norm::BatchNormArgs),
    /// Chapter 6: a deep network learns 300 images by heart and does worse on new ones
    /// (overfitting, figure 6-20); weight decay or Dropout narrows the gap (figures 6-21, 6-23).
    Overfit(overfit::OverfitArgs),
    /// Chapter 6: a random search for the learning rate and the weight decay, each trial
    /// judged on validation data (figure 6-24).
    HyperparameterSearch(search::SearchArgs),
    /// Train a network on MNIST by mini-batch gradient descent: chapter 4's TwoLayerNet,
    /// chapter 6's MultiLayerNetExtend (--hidden 100,100, --batchnorm, --dropout, ...) or
    /// chapter 7's SimpleConvNet (--network simple-conv).
    Train(Box<train::TrainArgs>),
    /// Test accuracy and confusion matrix of a saved network.
    Evaluate(evaluate::EvaluateArgs),
    /// Chapter 7: the first layer's filters of a SimpleConvNet, before or after training
    /// (figure 7-24).
    VisualizeFilter(conv_pictures::VisualizeFilterArgs),
    /// Chapter 7: a test image through each of a SimpleConvNet's first filters (apply_filter.py).
    ApplyFilter(conv_pictures::ApplyFilterArgs),
    /// The test images a saved network gets wrong, with what it said (figure 8-3).
    Misclassified(conv_pictures::MisclassifiedArgs),
    /// Show one test image and what a saved network predicts for it.
    Predict(evaluate::PredictArgs),
    /// Update rules side by side on a landscape: paths, final points, diagnoses (chapter 6).
    Compare(compare::CompareArgs),
    /// Update rules side by side training TwoLayerNet on MNIST: loss curves (chapter 6).
    CompareMnist(compare::CompareMnistArgs),
    /// The playground in your browser: descend a landscape you drag, train on MNIST live, draw
    /// a digit and see the network read it.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let lang = cli.lang();
    match cli.command {
        Command::Tour(args) => tour::run(args, lang),
        Command::Descend(args) => descend::run(args, lang),
        Command::Field(args) => field::run(args, lang),
        Command::Diff(args) => diff::run(args, lang),
        Command::Simplenet(args) => simplenet::run(args, lang),
        Command::FetchMnist(args) => fetch::run(args, lang),
        Command::Gradcheck(args) => gradcheck::run(args, lang),
        Command::Graph(args) => graph::run(args, lang),
        Command::WeightInitHistogram(args) => init_histogram::run(args, lang),
        Command::VisualizeFilter(args) => conv_pictures::visualize_filter(args, lang),
        Command::ApplyFilter(args) => conv_pictures::apply_filter(args, lang),
        Command::Misclassified(args) => conv_pictures::misclassified_images(args, lang),
        Command::WeightInitCompare(args) => init_compare::run(args, lang),
        Command::BatchNormTest(args) => batch_norm::run(args, lang),
        Command::Overfit(args) => overfit::run(args, lang),
        Command::HyperparameterSearch(args) => search::run(args, lang),
        Command::Train(args) => train::run(*args, lang),
        Command::Evaluate(args) => evaluate::evaluate(args, lang),
        Command::Predict(args) => evaluate::predict(args, lang),
        Command::Compare(args) => compare::compare(args, lang),
        Command::CompareMnist(args) => compare::compare_mnist(args, lang),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args, lang),
    }
}

/// A usage error of subcommand `command` found after parsing (a point of the wrong dimension,
/// ...): printed by clap like any other, with that subcommand's usage line, exit status 2.
fn usage(command: &str, message: impl Display) -> anyhow::Error {
    let mut cli = match lang_now() {
        Lang::En => Cli::command(),
        Lang::Ko => help_ko::in_korean(Cli::command()),
    };
    cli.build();
    match cli.find_subcommand_mut(command) {
        Some(sub) => sub.error(clap::error::ErrorKind::ValueValidation, message),
        None => cli.error(clap::error::ErrorKind::ValueValidation, message),
    }
    .into()
}

/// Finds MNIST (`--data`, else `$SCRATCHNET_DATA`, else the cache, else the built-in slice),
/// says on stderr which it is, and reads it.
fn find_mnist(data: Option<&Path>, lang: Lang) -> anyhow::Result<scratchnet_book::Mnist> {
    let found = scratchnet_book::find_mnist(data)?;
    errln!("{}", found.say(lang));
    Ok(found.data)
}

/// What to run or change when `err` is one a command fixes: the library's errors say what is
/// wrong, the command line says which of its commands and flags would help.
pub fn advice(err: &anyhow::Error, lang: Lang) -> Option<String> {
    err.chain().find_map(|cause| match ours(cause) {
        Some(scratchnet_book::Error::DataMissing { dir, .. }) => Some(
            scratchnet_book::text::commands::FIX_DATA_MISSING.say(lang, &[("dir", &dir.display())]),
        ),
        _ => None,
    })
}

/// A usage error as clap renders it, its frame in `lang`: clap's own words ("error:", "invalid
/// value … for …", "Usage:", "For more information …") in Korean; what follows them (our
/// parsers' messages) is already in `lang`.
pub fn say_usage(rendered: &str, lang: Lang) -> String {
    use scratchnet_book::text::{commands, errors};
    if lang == Lang::En {
        return rendered.to_string();
    }
    let quoted = |line: &str, before: &str, between: &str| -> Option<(String, String)> {
        let rest = line.strip_prefix(before)?;
        let (a, rest) = rest.split_once(between)?;
        let (b, _) = rest.split_once('\'')?;
        Some((a.to_string(), b.to_string()))
    };
    rendered
        .lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("error: ") {
                let said = if let Some((value, arg)) = quoted(rest, "invalid value '", "' for '") {
                    let after = rest.split_once("': ").map_or("", |(_, a)| a);
                    let frame =
                        errors::INVALID_VALUE.say(lang, &[("value", &value), ("arg", &arg)]);
                    format!("{frame}: {after}")
                } else if let Some((arg, _)) =
                    quoted(&format!("{rest}'"), "unexpected argument '", "' found")
                {
                    errors::UNEXPECTED_ARGUMENT.say(lang, &[("arg", &arg)])
                } else {
                    rest.to_string()
                };
                commands::ERROR.say(lang, &[("message", &said)])
            } else if let Some(rest) = line.strip_prefix("Usage: ") {
                format!("사용법: {}", rest.replace("[OPTIONS]", "[옵션]"))
            } else if line == errors::MORE_INFORMATION.en {
                errors::MORE_INFORMATION.ko.to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An error and its causes as one line, `error: cause: cause`, in `lang`: the library's errors
/// in the catalogue's words ([`scratchnet_book::Error::say`]), the rest as they say themselves.
pub fn say_error(err: &anyhow::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return format!("{err:#}");
    }
    let mut parts: Vec<String> = Vec::new();
    let mut said_ours = false;
    for cause in err.chain() {
        match ours(cause) {
            // an error of ours says the errors of ours beneath it (`MnistFrom`'s cause)
            Some(_) if said_ours => {}
            Some(e) => {
                parts.push(e.say(lang));
                said_ours = true;
            }
            None => parts.push(cause.to_string()),
        }
    }
    parts.join(": ")
}

/// The language the command line asks for before it is parsed (for its `--help` and its
/// errors): the last `--lang ko`, `--lang=ko` (or `en`) before a `--`, else the locale's.
pub fn lang_asked() -> Lang {
    let args: Vec<String> = std::env::args().take_while(|a| a != "--").collect();
    let mut asked = None;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.to_ascii_lowercase().parse().ok()) {
            asked = Some(lang);
        }
    }
    asked.unwrap_or_else(Lang::from_env)
}

/// The language of this run's messages, set once before the command line is parsed (its
/// values' parsers say their problems in it); English until then.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of this run's messages.
fn lang_now() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Parses the command line, its `--help` and its values' problems in `lang`.
pub fn parse(lang: Lang) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let _ = LANG.set(lang);
    let mut command = Cli::command();
    if lang == Lang::Ko {
        command = help_ko::in_korean(command);
    }
    let matches = command.clone().try_get_matches()?;
    // in Korean, `help [COMMAND]` is ours (clap's own says its lines in English)
    if let Some(("help", help)) = matches.subcommand() {
        let name = help.get_one::<String>("command").cloned();
        if let Some(name) = &name
            && command.find_subcommand(name).is_none()
        {
            let message =
                scratchnet_book::text::commands::NO_SUCH_COMMAND.say(Lang::Ko, &[("name", name)]);
            return Err(command.error(clap::error::ErrorKind::InvalidSubcommand, message));
        }
        let target = match &name {
            Some(name) => command
                .find_subcommand_mut(name)
                .expect("looked for just above"),
            None => &mut command,
        };
        outln!("{}", target.render_long_help());
        std::process::exit(0);
    }
    Cli::from_arg_matches(&matches)
}

/// A failure as one JSON document on stdout, for `--json`: `{"error": {"kind", "message"}}`.
pub fn json_error(kind: &str, message: &str) {
    let doc = scratchnet_book::error::ErrorDocument::new(kind, message);
    outln!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
}

/// The kind of a runtime failure, for [`json_error`]: the library error's kind (`data-missing`,
/// `data`, `model`, `config`, `plot`, `fetch`, ...), `io` for an I/O error, else `runtime`.
pub fn error_kind(err: &anyhow::Error) -> &'static str {
    use scratchnet_book::Error as E;
    // the innermost cause says most: `MnistFrom` wraps the `DataMissing` beneath it
    let mut kind = "runtime";
    for cause in err.chain() {
        if let Some(e) = ours(cause) {
            kind = match e {
                E::LearningRate { .. } | E::Config { .. } => "config",
                E::NotFinite { .. } | E::Dimension { .. } | E::Shape { .. } => "input",
                E::ClassIndex { .. } => "input",
                E::DataMissing { .. } => "data-missing",
                E::MnistFrom { .. } | E::Data { .. } => "data",
                E::Model { .. } | E::Encode(_) => "model",
                E::Fetch { .. } => "fetch",
                E::Plot { .. } | E::Draw { .. } => "plot",
                _ => "runtime",
            };
        } else if kind == "runtime" && cause.downcast_ref::<std::io::Error>().is_some() {
            kind = "io";
        }
    }
    kind
}

/// `e` as a scratchnet error, if it is one (a cause that is one comes boxed, as in
/// `Error::MnistFrom`).
fn ours<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a scratchnet_book::Error> {
    e.downcast_ref::<scratchnet_book::Error>().or_else(|| {
        e.downcast_ref::<Box<scratchnet_book::Error>>()
            .map(|b| &**b)
    })
}

/// Prints one JSON document on stdout, a struct's fields in their order.
fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A matrix as JSON rows.
fn json_rows(a: &ndarray::Array2<f64>) -> Vec<Vec<f64>> {
    a.rows().into_iter().map(|r| r.to_vec()).collect()
}
