//! Chapter 6's histograms of activations (the book's `weight_init_activation_histogram.py`,
//! figures 6-10 to 6-14): one panel per layer.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{Draw, DrawResult, Figure, Frame, axis_label, chart_on, draw_axes_ticks, titled};
use scratchnet_book::experiments::{ActivationFunction, ActivationHistogram};
use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::text::pictures;

/// Each layer's activations as a histogram, side by side, first layer on the left, all on the
/// same count axis so that the layers compare at a glance; the bars are the book's 30 over
/// `(0, 1)` (`(−1, 1)` for tanh). With ReLU the axis is cut above the second-tallest bar, as
/// the book's figure is: the first bar, the units ReLU turned off, says its height.
///
/// ```
/// use scratchnet_book::experiments::{weight_init_activation_histogram, ActivationFunction};
/// use scratchnet_book::net::multi_layer::WeightInit;
/// use scratchnet_book::random::numpy::RandomState;
/// use scratchnet_plot::plot_activation_histogram;
/// let run = weight_init_activation_histogram(
///     ActivationFunction::Relu,
///     WeightInit::He,
///     &mut RandomState::new(0),
/// );
/// let svg = plot_activation_histogram(&run).svg()?;
/// assert!(svg.contains("5-layer"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[must_use]
pub fn plot_activation_histogram(run: &ActivationHistogram) -> Figure {
    Figure::new(HistogramFigure {
        counts: run.counts(),
        relu: run.activation == scratchnet_book::experiments::ActivationFunction::Relu,
        range: run.activation.range(),
        activation: run.activation.book_name(),
        init: run.init,
    })
}

struct HistogramFigure {
    counts: Vec<Vec<usize>>,
    relu: bool,
    range: (f64, f64),
    activation: &'static str,
    init: WeightInit,
}

/// How a scale reads in a title: `std 0.01`, `Xavier (1/√n)`, `He (√(2/n))`.
fn init_label(init: WeightInit) -> String {
    match init {
        WeightInit::Std(s) => format!("std {s}"),
        WeightInit::Xavier => "Xavier 1/√n".to_string(),
        WeightInit::He => "He √(2/n)".to_string(),
    }
}

impl Draw for HistogramFigure {
    fn size(&self) -> (u32, u32) {
        (1400, 420)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = look::say(
            &pictures::ACTIVATION_HISTOGRAM,
            &[
                ("activation", &self.activation),
                ("init", &init_label(self.init)),
            ],
        );
        let area = titled(root, &title)?;
        let panels = area.split_evenly((1, self.counts.len().max(1)));
        let relu = if self.relu {
            ActivationFunction::Relu
        } else {
            ActivationFunction::Sigmoid
        };
        let top = self
            .counts
            .iter()
            .map(|c| relu.tallest_shown(c))
            .max()
            .unwrap_or(1) as f64
            * 1.1;
        let (lo, hi) = self.range;
        for (layer, (panel, counts)) in panels.iter().zip(&self.counts).enumerate() {
            let caption = look::say(&pictures::LAYER_N, &[("layer", &(layer + 1))]);
            let mut chart = chart_on(panel, caption, Frame::Panel)
                .y_label_area_size(if layer == 0 { 64 } else { 20 })
                .build_cartesian_2d(lo..hi, 0.0..top)?;
            let y_desc = if layer == 0 {
                look::say(&pictures::COUNT, &[])
            } else {
                String::new()
            };
            let no_labels = |_: &f64| String::new();
            let y_label: &dyn Fn(&f64) -> String =
                if layer == 0 { &axis_label } else { &no_labels };
            draw_axes_ticks(
                &mut chart,
                &look::say(&pictures::ACTIVATION_VALUE, &[]),
                &y_desc,
                (&axis_label, 3),
                (y_label, 6),
            )?;
            let width = (hi - lo) / counts.len() as f64;
            chart.draw_series(counts.iter().enumerate().map(|(k, &c)| {
                let x0 = lo + k as f64 * width;
                Rectangle::new(
                    [(x0, 0.0), (x0 + width, (c as f64).min(top))],
                    super::run_colour(0).filled(),
                )
            }))?;
            // a bar cut at the top says how tall it is
            if let Some((k, &c)) = counts.iter().enumerate().find(|&(_, &c)| c as f64 > top) {
                let x = lo + (k as f64 + 0.5) * width;
                chart.draw_series(std::iter::once(Text::new(
                    format!("↑ {c}"),
                    (x, top * 0.97),
                    (look::family(), 13).into_font(),
                )))?;
            }
        }
        Ok(())
    }
}
