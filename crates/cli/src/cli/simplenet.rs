//! `scratchnet simplenet`: the book's `gradient_simplenet.py`.

use ndarray::{Array1, Array2};
use scratchnet_book::text::{Lang, commands};
use scratchnet_book::{Error, SimpleNet, softmax};

use super::args::{self, Matrix, Point};
use super::format::{matrix, scalar, vector};
use super::{json_rows, print_json, usage};

/// Flags of `scratchnet simplenet`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Without --weights or --seed, W is the one printed in the learner's notebook.\n\n\
    Examples:\n  scratchnet simplenet\n  scratchnet simplenet --seed 42 --x 0.6,0.9 --t 2 --json\n  \
    scratchnet simplenet --weights \"0.47355232,0.9977393,0.84668094;0.85557411,0.03563661,0.69422093\""
)]
pub struct SimpleNetArgs {
    /// The 2x3 weights W, rows separated by `;`: "w11,w12,w13;w21,w22,w23".
    #[arg(long, value_name = "W", value_parser = args::matrix, allow_hyphen_values = true, conflicts_with = "seed")]
    weights: Option<Matrix>,
    /// Draw W from the standard normal distribution with this seed.
    #[arg(long)]
    seed: Option<u64>,
    /// The input x, two numbers.
    #[arg(long, default_value = "0.6,0.9", value_parser = args::point, allow_hyphen_values = true)]
    x: Point,
    /// The correct class t: 0, 1 or 2.
    #[arg(long, default_value_t = 2)]
    t: usize,
    /// Print one JSON document: {"W", "x", "t", "p", "y", "loss", "dW"}.
    #[arg(long)]
    json: bool,
}

/// What simpleNet computes for one input: prediction, probabilities, loss and its gradient.
pub struct Pass {
    w: Array2<f64>,
    x: Array1<f64>,
    t: usize,
    p: Array1<f64>,
    y: Array1<f64>,
    loss: f64,
    dw: Array2<f64>,
}

impl Pass {
    /// Runs `net` on `x` with correct class `t` (both already checked).
    pub fn new(net: &mut SimpleNet, x: Array1<f64>, t: usize) -> Self {
        let p = net.predict(&x);
        let y = softmax(&p);
        let loss = net.loss(&x, t);
        let dw = net.numerical_gradient(&x, t);
        Pass {
            w: net.w.clone(),
            x,
            t,
            p,
            y,
            loss,
            dw,
        }
    }

    /// The human report, NumPy-style.
    pub fn report(&self, lang: Lang) -> String {
        let class = commands::CORRECT_CLASS.get(lang);
        let numerical = commands::NUMERICAL_GRADIENT.get(lang);
        format!(
            "W =\n{}\nx = {}, {class} t = {}\np = x · W = {}\ny = softmax(p) = {}\n\
             loss = cross_entropy_error(y, t) = {}\ndW = ∂L/∂W ({numerical}) =\n{}\n",
            matrix(&self.w),
            vector(&self.x),
            self.t,
            vector(&self.p),
            vector(&self.y),
            scalar(self.loss),
            matrix(&self.dw)
        )
    }

    fn document(&self) -> SimpleNetDocument {
        SimpleNetDocument {
            w: json_rows(&self.w),
            x: self.x.to_vec(),
            t: self.t,
            p: self.p.to_vec(),
            y: self.y.to_vec(),
            loss: self.loss,
            dw: json_rows(&self.dw),
        }
    }
}

/// `simplenet --json`: `{"W", "x", "t", "p", "y", "loss", "dW"}`, under the book's names.
#[derive(Debug, serde::Serialize)]
struct SimpleNetDocument {
    #[serde(rename = "W")]
    w: Vec<Vec<f64>>,
    x: Vec<f64>,
    t: usize,
    p: Vec<f64>,
    y: Vec<f64>,
    loss: f64,
    #[serde(rename = "dW")]
    dw: Vec<Vec<f64>>,
}

/// Builds the network, predicts, and takes dL/dW.
pub fn run(args: SimpleNetArgs, lang: Lang) -> anyhow::Result<()> {
    let mut net = match (args.weights, args.seed) {
        (Some(Matrix(w)), _) => SimpleNet::from_weights(w)
            .map_err(|e: scratchnet_book::Error| usage("simplenet", e.say(super::lang_now())))?,
        (None, Some(seed)) => SimpleNet::new(seed),
        (None, None) => SimpleNet::notebook(),
    };
    let x = Array1::from(args.x.0);
    if x.len() != SimpleNet::INPUTS {
        return Err(usage(
            "simplenet",
            Error::Shape {
                what: "the input x",
                expected: vec![SimpleNet::INPUTS],
                got: vec![x.len()],
            },
        ));
    }
    if args.t >= SimpleNet::CLASSES {
        return Err(usage(
            "simplenet",
            Error::ClassIndex {
                index: args.t,
                classes: SimpleNet::CLASSES,
            },
        ));
    }
    let pass = Pass::new(&mut net, x, args.t);
    if args.json {
        print_json(&pass.document())
    } else {
        out!("{}", pass.report(lang));
        Ok(())
    }
}
