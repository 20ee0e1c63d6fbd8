//! `scratchnet graph`: chapter 5's computational graph, the book's `buy_apple.py` and
//! `buy_apple_orange.py`, printed as the book prints them and drawn as figures 5-16 and 5-17.

use std::path::PathBuf;

use anyhow::Context;
use scratchnet_book::graph::{Quantity, Receipt, buy_apple, buy_apple_orange};
use scratchnet_book::text::{Lang, graph as words};

use super::args;
use super::{print_json, usage};

/// Which of the book's shopping scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Example {
    /// buy_apple.py: apples and tax (figure 5-16).
    Apple,
    /// buy_apple_orange.py: apples, oranges and tax (figure 5-17).
    AppleOrange,
}

impl Example {
    /// The book's script.
    pub(crate) fn script(self) -> &'static str {
        match self {
            Example::Apple => "buy_apple.py",
            Example::AppleOrange => "buy_apple_orange.py",
        }
    }

    /// The book's figure number.
    pub(crate) fn figure(self) -> &'static str {
        match self {
            Example::Apple => "5-16",
            Example::AppleOrange => "5-17",
        }
    }
}

/// Flags of `scratchnet graph`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet graph\n  scratchnet graph apple-orange --plot graph.png\n  \
    scratchnet graph --apple 150 --apple-num 3 --tax 1.08 --json"
)]
pub struct GraphArgs {
    /// Which of the book's scripts: apple (buy_apple.py) or apple-orange (buy_apple_orange.py).
    #[arg(value_enum, default_value = "apple", ignore_case = true)]
    example: Example,
    /// The price of one apple.
    #[arg(long, default_value_t = 100.0, value_parser = args::finite, allow_hyphen_values = true)]
    apple: f64,
    /// How many apples.
    #[arg(long, default_value_t = 2.0, value_parser = args::finite, allow_hyphen_values = true)]
    apple_num: f64,
    /// The price of one orange (apple-orange only).
    #[arg(long, value_parser = args::finite, allow_hyphen_values = true)]
    orange: Option<f64>,
    /// How many oranges (apple-orange only).
    #[arg(long, value_parser = args::finite, allow_hyphen_values = true)]
    orange_num: Option<f64>,
    /// The tax as a factor: 1.1 adds 10 %.
    #[arg(long, default_value_t = 1.1, value_parser = args::finite, allow_hyphen_values = true)]
    tax: f64,
    /// Draw the graph, forward values above the arrows and gradients below, into FILE.png or
    /// FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Print one JSON document: {"script", "figure", "price", "gradients": {"dApple", ...}}.
    #[arg(long)]
    json: bool,
}

/// `graph --json`.
#[derive(Debug, serde::Serialize)]
struct GraphDocument {
    script: &'static str,
    figure: &'static str,
    price: f64,
    /// By the book's names, in the book's order.
    gradients: serde_json::Map<String, serde_json::Value>,
}

/// Whether the book prints this number through `int()`.
fn printed_as_int(name: &str) -> bool {
    matches!(name, "price" | "dApple_num" | "dOrange_num")
}

/// Python's `int()` of a float, as digits: the fraction cut off, toward zero.
fn python_int(value: f64) -> String {
    let whole = value.trunc();
    // int(-0.5) is 0, not -0
    format!("{:.0}", if whole == 0.0 { 0.0 } else { whole })
}

/// The lines the book's script prints, with the float under each `int()` that hides one, and
/// the note that says why.
pub(crate) fn report(
    example: Example,
    inputs: &[(Quantity, f64)],
    receipt: &Receipt,
    lang: Lang,
) -> String {
    let mut lines: Vec<(String, f64)> = vec![("price".to_string(), receipt.price)];
    lines.extend(
        receipt
            .gradients
            .iter()
            .map(|&(q, d)| (q.gradient_name(), d)),
    );
    let mut out = words::HEADING.say(
        lang,
        &[("script", &example.script()), ("figure", &example.figure())],
    );
    out.push_str("\n\n");
    let mut hidden = Vec::new();
    for (name, value) in &lines {
        if printed_as_int(name) {
            let int = python_int(*value);
            let line = format!("{name}: {int}");
            if value.fract() != 0.0 && value.is_finite() {
                let float = format!("{value}");
                let beside = words::BEFORE_INT.say(lang, &[("float", &float)]);
                out.push_str(&format!("{line:<24}{beside}\n"));
                // a whole number missed by rounding (not a price that has cents)
                if (value - value.round()).abs() <= 1e-9 * value.abs().max(1.0) {
                    hidden.push(name.clone());
                }
            } else {
                out.push_str(&format!("{line}\n"));
            }
        } else {
            out.push_str(&format!("{name}: {value}\n"));
        }
    }
    // the first input whose decimal is not its double's exact value
    let exact = |v: f64| {
        let digits = format!("{v:.1100}");
        digits
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    let inexact = inputs
        .iter()
        .map(|&(_, v)| v)
        .find(|&v| exact(v) != format!("{v}"));
    if let (false, Some(value)) = (hidden.is_empty(), inexact) {
        let exact = exact(value);
        out.push('\n');
        out.push_str(&words::INT_NOTE.say(
            lang,
            &[
                ("names", &hidden.join(", ")),
                ("value", &value),
                ("exact", &exact),
            ],
        ));
        out.push('\n');
    }
    out
}

/// Computes the example forward and backward, then prints and draws it.
pub fn run(args: GraphArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("graph", args.plot.as_deref(), args.format)?;
    let mut inputs = vec![
        (Quantity::Apple, args.apple),
        (Quantity::AppleNum, args.apple_num),
    ];
    let receipt = match args.example {
        Example::Apple => {
            if args.orange.is_some() || args.orange_num.is_some() {
                return Err(usage("graph", words::NO_ORANGES.get(lang)));
            }
            buy_apple(args.apple, args.apple_num, args.tax)
        }
        Example::AppleOrange => {
            let (orange, orange_num) =
                (args.orange.unwrap_or(150.0), args.orange_num.unwrap_or(3.0));
            inputs.push((Quantity::Orange, orange));
            inputs.push((Quantity::OrangeNum, orange_num));
            buy_apple_orange(args.apple, args.apple_num, orange, orange_num, args.tax)
        }
    };
    inputs.push((Quantity::Tax, args.tax));
    if let Some(path) = &args.plot {
        let title = words::CAPTION.say(
            lang,
            &[
                ("script", &args.example.script()),
                ("figure", &args.example.figure()),
            ],
        );
        scratchnet_plot::plot_graph(&receipt.graph, &title)
            .map(|figure| figure.in_lang(lang))
            .and_then(|figure| figure.save_as(path, args.format.map(Into::into)))
            .context("drawing the computational graph")?;
    }
    if args.json {
        let mut gradients = serde_json::Map::new();
        for &(q, d) in &receipt.gradients {
            gradients.insert(q.gradient_name(), serde_json::json!(d));
        }
        return print_json(&GraphDocument {
            script: args.example.script(),
            figure: args.example.figure(),
            price: receipt.price,
            gradients,
        });
    }
    outln!(
        "{}",
        report(args.example, &inputs, &receipt, lang).trim_end()
    );
    Ok(())
}
