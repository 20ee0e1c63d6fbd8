//! The book's `ch06/weight_init_activation_histogram.py` (section 6.2.2, figures 6-10 to
//! 6-14): a thousand random inputs through five layers of 100 units, and the histogram of each
//! layer's activations. Too large initial weights push a sigmoid's outputs to 0 and 1, where
//! its gradient vanishes; too small ones make every unit output the same; Xavier's scale
//! (`1/√n`) keeps sigmoid and tanh outputs spread, He's (`√(2/n)`) ReLU's.

use ndarray::Array2;

use crate::net::multi_layer::WeightInit;
use crate::random::Random;
use crate::text::{Sentence, playground as say};

/// The inputs: 1,000 rows.
pub const SAMPLES: usize = 1000;
/// Units of every layer (and inputs).
pub const NODES: usize = 100;
/// Hidden layers.
pub const LAYERS: usize = 5;
/// Bars of each histogram, as the book's `plt.hist(..., 30)`.
pub const BINS: usize = 30;

/// The activation functions the experiment compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum ActivationFunction {
    /// `σ(x) = 1 / (1 + exp(−x))`, as in the book's chapter 4.
    Sigmoid,
    /// `tanh(x)`, from −1 to 1, symmetric about 0.
    Tanh,
    /// `max(0, x)`, as in chapter 5.
    Relu,
}

impl ActivationFunction {
    /// The function at `x`, as the book's script computes it.
    ///
    /// ```
    /// use scratchnet_book::experiments::ActivationFunction;
    /// assert_eq!(ActivationFunction::Sigmoid.apply(0.0), 0.5);
    /// assert_eq!(ActivationFunction::Relu.apply(-2.0), 0.0);
    /// ```
    #[must_use]
    pub fn apply(self, x: f64) -> f64 {
        match self {
            ActivationFunction::Sigmoid => 1.0 / (1.0 + (-x).exp()),
            ActivationFunction::Tanh => x.tanh(),
            ActivationFunction::Relu => x.max(0.0),
        }
    }

    /// The range the histograms cover: the book's `(0, 1)`, and `(−1, 1)` for tanh, whose
    /// negative half the book's range would leave out.
    #[must_use]
    pub fn range(self) -> (f64, f64) {
        match self {
            ActivationFunction::Tanh => (-1.0, 1.0),
            _ => (0.0, 1.0),
        }
    }

    /// The height a picture of `counts` gives its axis: the tallest bar, but for ReLU the
    /// tallest after the first, which holds every unit ReLU turned off (exactly 0) and would
    /// flatten the rest (the book's figure cuts it off too, `plt.ylim(0, 7000)`).
    ///
    /// ```
    /// use scratchnet_book::experiments::ActivationFunction;
    /// assert_eq!(ActivationFunction::Relu.tallest_shown(&[9000, 40, 12]), 40);
    /// assert_eq!(ActivationFunction::Sigmoid.tallest_shown(&[9000, 40, 12]), 9000);
    /// ```
    #[must_use]
    pub fn tallest_shown(self, counts: &[usize]) -> usize {
        let shown = match self {
            ActivationFunction::Relu => counts.get(1..).unwrap_or_default(),
            _ => counts,
        };
        shown.iter().copied().max().unwrap_or(0).max(1)
    }

    /// The name the book's script gives it: `sigmoid`, `tanh`, `ReLU`.
    #[must_use]
    pub fn book_name(self) -> &'static str {
        match self {
            ActivationFunction::Sigmoid => "sigmoid",
            ActivationFunction::Tanh => "tanh",
            ActivationFunction::Relu => "ReLU",
        }
    }
}

/// What the experiment measured: each layer's activations `(SAMPLES, NODES)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivationHistogram {
    /// The activation function of every layer.
    pub activation: ActivationFunction,
    /// The initial weights' scale.
    pub init: WeightInit,
    /// Each layer's outputs, first layer first.
    pub activations: Vec<Array2<f64>>,
}

impl ActivationHistogram {
    /// Each layer's histogram: `BINS` (30, the book's) counts over [`ActivationFunction::range`].
    #[must_use]
    pub fn counts(&self) -> Vec<Vec<usize>> {
        let range = self.activation.range();
        self.activations
            .iter()
            .map(|a| histogram(a.iter().copied(), BINS, range))
            .collect()
    }

    /// The edges of the bars of [`counts`](Self::counts): `BINS + 1` values from the start of
    /// [`ActivationFunction::range`] to its end ([`histogram_edges`]).
    #[must_use]
    pub fn edges(&self) -> Vec<f64> {
        histogram_edges(BINS, self.activation.range())
    }

    /// What the histograms show ([`Reading`]), measured on the counts and the activations.
    ///
    /// ```
    /// use scratchnet_book::experiments::{
    ///     weight_init_activation_histogram, ActivationFunction as A, Reading,
    /// };
    /// use scratchnet_book::net::multi_layer::WeightInit as W;
    /// use scratchnet_book::random::numpy::RandomState;
    /// // the book's figures, with the book's draws (np.random.seed(0))
    /// for (activation, init, reading) in [
    ///     (A::Sigmoid, W::Std(1.0), Reading::Saturated), // figure 6-10
    ///     (A::Sigmoid, W::Std(0.01), Reading::Collapsed), // figure 6-11
    ///     (A::Sigmoid, W::Xavier, Reading::Spread),      // figure 6-13
    ///     (A::Tanh, W::Xavier, Reading::Spread),
    ///     (A::Relu, W::Std(0.01), Reading::Vanishing), // figure 6-14
    ///     (A::Relu, W::Xavier, Reading::Shrinking),
    ///     (A::Relu, W::He, Reading::Even),
    ///     (A::Relu, W::Std(1.0), Reading::Growing),
    /// ] {
    ///     let run = weight_init_activation_histogram(activation, init, &mut RandomState::new(0));
    ///     assert_eq!(run.reading(), reading, "{activation:?} {init:?}");
    /// }
    /// ```
    #[must_use]
    pub fn reading(&self) -> Reading {
        let counts = self.counts();
        let (lo, hi) = self.activation.range();
        let (Some(first), Some(last)) = (self.activations.first(), self.activations.last()) else {
            return Reading::Spread;
        };
        let last_counts = counts.last().map_or(&[][..], Vec::as_slice);
        let mean = |a: &Array2<f64>| a.mean().unwrap_or(0.0);
        match self.activation {
            ActivationFunction::Sigmoid | ActivationFunction::Tanh => {
                let values: usize = self.activations.iter().map(Array2::len).sum();
                let ends: usize = counts.iter().map(|c| c[0] + c[c.len() - 1]).sum();
                if ends as f64 >= 0.25 * values as f64 {
                    Reading::Saturated
                } else if last.std(0.0) < 0.09 * (hi - lo) {
                    Reading::Collapsed
                } else {
                    Reading::Spread
                }
            }
            ActivationFunction::Relu => {
                let zeros = last_counts.first().copied().unwrap_or(0);
                let ratio = mean(last) / mean(first);
                if zeros as f64 >= 0.9 * last.len() as f64 {
                    Reading::Vanishing
                } else if ratio < 0.5 {
                    Reading::Shrinking
                } else if ratio <= 2.0 {
                    Reading::Even
                } else {
                    Reading::Growing
                }
            }
        }
    }

    /// The standard deviation the weights were drawn with (`init` for layers of 100
    /// units: 0.1 for Xavier's, about 0.141 for He's).
    #[must_use]
    pub fn weight_std(&self) -> f64 {
        self.init.std(NODES)
    }
}

/// What the histograms show, as the book reads figures 6-10 to 6-14, measured on the
/// activations themselves ([`ActivationHistogram::reading`]), so that it holds for any scale,
/// generator and seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reading {
    /// Sigmoid or tanh: a quarter or more of the activations (over the five layers) in the two
    /// outer bars, where the gradient vanishes (figure 6-10, std 1).
    Saturated,
    /// Sigmoid or tanh: the last layer's activations spread over less than 9% of the range
    /// (their standard deviation), every unit alike (figure 6-11, std 0.01).
    Collapsed,
    /// Sigmoid or tanh otherwise: spread over the range (figure 6-13, Xavier's).
    Spread,
    /// ReLU: nine in ten or more of the last layer's activations in the first bar, at or near 0
    /// (figure 6-14, std 0.01).
    Vanishing,
    /// ReLU: the last layer's mean activation less than half the first layer's, each layer
    /// leaning further towards 0 (figure 6-14, Xavier's).
    Shrinking,
    /// ReLU: the last layer's mean from half to twice the first layer's, the same spread in
    /// every layer (figure 6-14, He's).
    Even,
    /// ReLU: the last layer's mean more than twice the first layer's, growing layer by layer.
    Growing,
}

impl Reading {
    /// What to look for in the histograms of `activation`, in the catalogue's words.
    #[must_use]
    pub fn sentence(self, activation: ActivationFunction) -> Sentence {
        let (lo, hi) = activation.range();
        let centre = activation.apply(0.0);
        match self {
            Reading::Saturated => say::INIT_READ_SATURATED.with().arg("lo", lo).arg("hi", hi),
            Reading::Collapsed => say::INIT_READ_COLLAPSED.with().arg("centre", centre),
            Reading::Spread => say::INIT_READ_SPREAD.with(),
            Reading::Vanishing => say::INIT_READ_VANISHING.with(),
            Reading::Shrinking => say::INIT_READ_SHRINKING.with(),
            Reading::Even => say::INIT_READ_EVEN.with(),
            Reading::Growing => say::INIT_READ_GROWING.with().arg("lo", lo).arg("hi", hi),
        }
    }
}

/// Runs the book's script: draws the inputs `randn(1000, 100)`, then for each of the five
/// layers the weights `randn(100, 100) · scale` and computes `activation(x · w)`, each layer's
/// output the next one's input. The draws come in that order from `random`.
///
/// ```
/// use scratchnet_book::experiments::{weight_init_activation_histogram, ActivationFunction};
/// use scratchnet_book::net::multi_layer::WeightInit;
/// use scratchnet_book::random::numpy::RandomState;
/// let mut numpy = RandomState::new(0); // np.random.seed(0)
/// let run = weight_init_activation_histogram(
///     ActivationFunction::Sigmoid,
///     WeightInit::Std(1.0),
///     &mut numpy,
/// );
/// let counts = run.counts();
/// // with std 1, sigmoid's outputs gather at 0 and 1 (figure 6-10): the two outer bars hold
/// // most of them
/// let last = &counts[4];
/// assert!(last[0] + last[29] > 50_000);
/// ```
pub fn weight_init_activation_histogram(
    activation: ActivationFunction,
    init: WeightInit,
    random: &mut dyn Random,
) -> ActivationHistogram {
    let input_data = randn(random, SAMPLES, NODES);
    let mut activations: Vec<Array2<f64>> = Vec::with_capacity(LAYERS);
    for i in 0..LAYERS {
        let x = if i == 0 {
            &input_data
        } else {
            &activations[i - 1]
        };
        let scale = init.std(NODES);
        let w = randn(random, NODES, NODES).mapv(|v| v * scale);
        let a = x.dot(&w);
        let z = a.mapv(|v| activation.apply(v));
        activations.push(z);
    }
    ActivationHistogram {
        activation,
        init,
        activations,
    }
}

/// `randn(rows, cols)`: standard normal draws, row by row, as NumPy fills an array.
fn randn(random: &mut dyn Random, rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_simple_fn((rows, cols), || random.standard_normal())
}

/// The counts of `values` in `bins` equal bars over `range` (both ends included), as NumPy's
/// `np.histogram(values, bins, range)` counts them: a value's bar is computed from its
/// distance to the start, then moved by one if the computed edge is on its other side; values
/// outside the range are left out, the upper end goes in the last bar.
///
/// ```
/// use scratchnet_book::experiments::histogram;
/// let counts = histogram([0.0, 0.1, 0.5, 0.999, 1.0, 1.5].into_iter(), 2, (0.0, 1.0));
/// assert_eq!(counts, [2, 3]); // 1.5 is outside; 0.5 starts the second bar
/// ```
#[must_use]
pub fn histogram(values: impl Iterator<Item = f64>, bins: usize, range: (f64, f64)) -> Vec<usize> {
    let (first, last) = range;
    let norm = bins as f64 / (last - first);
    let edges = histogram_edges(bins, range);
    let mut counts = vec![0; bins];
    for v in values.filter(|v| *v >= first && *v <= last) {
        let mut k = (((v - first) * norm) as usize).min(bins - 1);
        if v < edges[k] {
            k -= 1;
        } else if k + 1 < bins && v >= edges[k + 1] {
            k += 1;
        }
        counts[k] += 1;
    }
    counts
}

/// The `bins + 1` edges of [`histogram`]'s bars over `range`, as `np.histogram` returns them
/// (`np.linspace(first, last, bins + 1)`): the last is the end of the range itself.
///
/// ```
/// use scratchnet_book::experiments::histogram_edges;
/// assert_eq!(histogram_edges(4, (0.0, 1.0)), [0.0, 0.25, 0.5, 0.75, 1.0]);
/// assert_eq!(histogram_edges(2, (-1.0, 1.0)), [-1.0, 0.0, 1.0]);
/// ```
#[must_use]
pub fn histogram_edges(bins: usize, range: (f64, f64)) -> Vec<f64> {
    let (first, last) = range;
    let mut edges: Vec<f64> = (0..=bins)
        .map(|k| first + k as f64 * ((last - first) / bins as f64))
        .collect();
    edges[bins] = last;
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::numpy::RandomState;

    /// NumPy's numbers for the book's script, from `tests/reference/ch06_experiments.py`
    /// (NumPy 2.4.6, OpenBLAS): for seed 0 and each activation and scale, every layer's
    /// counts and the sum and first values of its activations.
    fn reference() -> serde_json::Value {
        serde_json::from_str(include_str!(
            "../../../../tests/reference/ch06_experiments.json"
        ))
        .expect("the reference values parse")
    }

    /// Same draws, same sums: the activations agree with NumPy's to 1e-12 (the products sum in
    /// another order than OpenBLAS's, and exp/tanh are another library's); the counts exactly,
    /// unless a value within 1e-9 of an edge moved a unit from one bar to its neighbour.
    #[test]
    fn the_book_s_histograms_with_numpy_s_draws() {
        let reference = reference();
        let cases = reference["weight_init_activation_histogram"]
            .as_array()
            .expect("cases");
        assert_eq!(cases.len(), 12);
        for case in cases {
            let activation = match case["activation"].as_str().unwrap() {
                "sigmoid" => ActivationFunction::Sigmoid,
                "tanh" => ActivationFunction::Tanh,
                _ => ActivationFunction::Relu,
            };
            let init = match case["init"].as_str().unwrap() {
                "xavier" => WeightInit::Xavier,
                "he" => WeightInit::He,
                s => WeightInit::Std(s.parse().unwrap()),
            };
            let mut numpy = RandomState::new(case["seed"].as_u64().unwrap() as u32);
            let run = weight_init_activation_histogram(activation, init, &mut numpy);
            let counts = run.counts();
            for (layer, want) in case["layers"].as_array().unwrap().iter().enumerate() {
                let a = &run.activations[layer];
                let first: Vec<f64> = want["first"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                for (got, want) in a.iter().zip(&first) {
                    assert!(
                        (got - want).abs() <= 1e-12,
                        "{case:?} layer {layer}: {got} {want}"
                    );
                }
                let sum = want["sum"].as_f64().unwrap();
                assert!(
                    (a.sum() - sum).abs() <= 1e-9 * sum.abs().max(1.0),
                    "{layer}"
                );
                let want: Vec<usize> = want["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap() as usize)
                    .collect();
                let moved: usize = counts[layer]
                    .iter()
                    .zip(&want)
                    .map(|(a, b)| a.abs_diff(*b))
                    .sum();
                assert!(
                    moved <= 2,
                    "{case:?} layer {layer}: {:?} vs {want:?}",
                    counts[layer]
                );
            }
        }
    }

    /// np.histogram's rule at the edges, by hand: a value on an inner edge goes to the bar it
    /// starts; the upper end of the range to the last bar; 0.3, whose bar is computed as
    /// 0.3 · 10 = 3, goes back to bar 2 since 0.3 < edge 3 = 0.30000000000000004 (NumPy 2.4.6:
    /// `np.histogram([0, 0.1, 0.3, 0.9, 1], 10, range=(0, 1))`).
    #[test]
    fn histogram_edges_as_numpy() {
        let counts = histogram([0.0, 0.1, 0.3, 0.9, 1.0].into_iter(), 10, (0.0, 1.0));
        assert_eq!(counts, [1, 1, 1, 0, 0, 0, 0, 0, 0, 2]);
    }
}
