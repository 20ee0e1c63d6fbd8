//! The command line: flags, subcommands, and what each prints.
//!
//! Raw flags (the `*Args` structs) are kept apart from the library's types; each subcommand
//! checks its flags, calls the library, and prints a human table or one JSON document.

#[macro_use]
pub mod out;

mod args;
mod compare;
pub(crate) mod descend;
mod diff;
pub(crate) mod evaluate;
mod fetch;
mod field;
mod format;
mod gradcheck;
mod lang;
mod optim;
mod picture;
#[cfg(feature = "serve")]
pub(crate) mod serve;
mod simplenet;
mod tour;
pub(crate) mod train;

use std::fmt::Display;
use std::path::Path;

use clap::{CommandFactory, Parser, Subcommand};

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

/// How a neural network learns, from scratch and with real numbers: chapter 4 of
/// "Deep Learning from Scratch" (밑바닥부터 시작하는 딥러닝), in Rust.
#[derive(Debug, Parser)]
#[command(name = "scratchnet", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Train TwoLayerNet on MNIST by mini-batch gradient descent.
    Train(Box<train::TrainArgs>),
    /// Test accuracy and confusion matrix of a saved network.
    Evaluate(evaluate::EvaluateArgs),
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
    match cli.command {
        Command::Tour(args) => tour::run(args),
        Command::Descend(args) => descend::run(args),
        Command::Field(args) => field::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Simplenet(args) => simplenet::run(args),
        Command::FetchMnist(args) => fetch::run(args),
        Command::Gradcheck(args) => gradcheck::run(args),
        Command::Train(args) => train::run(*args),
        Command::Evaluate(args) => evaluate::evaluate(args),
        Command::Predict(args) => evaluate::predict(args),
        Command::Compare(args) => compare::compare(args),
        Command::CompareMnist(args) => compare::compare_mnist(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    }
}

/// A usage error of subcommand `command` found after parsing (a point of the wrong dimension,
/// ...): printed by clap like any other, with that subcommand's usage line, exit status 2.
fn usage(command: &str, message: impl Display) -> anyhow::Error {
    let mut cli = Cli::command();
    cli.build();
    match cli.find_subcommand_mut(command) {
        Some(sub) => sub.error(clap::error::ErrorKind::ValueValidation, message),
        None => cli.error(clap::error::ErrorKind::ValueValidation, message),
    }
    .into()
}

/// Finds MNIST (`--data`, else `$SCRATCHNET_DATA`, else the cache, else the built-in slice),
/// says on stderr which it is, and reads it.
fn find_mnist(data: Option<&Path>) -> anyhow::Result<scratchnet_book::Mnist> {
    let found = scratchnet_book::find_mnist(data)?;
    errln!("{found}");
    Ok(found.data)
}

/// What to run or change when `err` is one a command fixes: the library's errors say what is
/// wrong, the command line says which of its commands and flags would help.
pub fn advice(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(|cause| match ours(cause) {
        Some(scratchnet_book::Error::DataMissing { dir, .. }) => Some(format!(
            "to fix it: get MNIST with `scratchnet fetch-mnist --dir {}`, or point --data (or \
             $SCRATCHNET_DATA) at the directory that holds the four files; with neither, \
             scratchnet uses the cache directory or its built-in slice",
            dir.display()
        )),
        _ => None,
    })
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
