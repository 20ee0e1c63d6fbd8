//! Chapter 6's loss curves by initial weights (the book's `weight_init_compare.py`, figure
//! 6-15): one smoothed curve per network.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{Draw, DrawResult, Figure, Frame, axis_label, chart_on, draw_axes, draw_legend};
use scratchnet_book::Error;
use scratchnet_book::experiments::{REPORT_EVERY, WeightInitCompare};
use scratchnet_book::text::pictures;

/// The top of the loss axis, as the book's `plt.ylim(0, 2.5)`.
const Y_MAX: f64 = 2.5;

/// Each network's loss, smoothed as the book draws it (`smooth_curve` of `common/util.py`),
/// on a y axis from 0 to 2.5 (higher values drawn at 2.5), with the book's markers every 100
/// iterations (circles for std=0.01, squares for Xavier, diamonds for He) and its legend.
///
/// # Errors
/// [`Error::Config`] if the run has no loss to draw.
///
/// ```
/// use scratchnet_book::experiments::{weight_init_compare, WeightInitCompareConfig};
/// use scratchnet_book::random::numpy::RandomState;
/// use scratchnet_plot::plot_weight_init_compare;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let config = WeightInitCompareConfig { max_iterations: 20, ..Default::default() };
/// let run = weight_init_compare(&mnist.train, &config, &mut RandomState::new(0), |_| {})?;
/// let svg = plot_weight_init_compare(&run)?.svg()?;
/// assert!(svg.contains("Xavier") && svg.contains("The loss by initial weights (20 iterations"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_weight_init_compare(run: &WeightInitCompare) -> Result<Figure, Error> {
    if run.networks.iter().all(|n| n.train_loss.is_empty()) {
        return Err(Error::Config {
            what: "the loss curves to draw",
            problem: "the run has no iteration: give at least one".into(),
        });
    }
    Ok(Figure::new(InitCompareFigure {
        curves: run
            .networks
            .iter()
            .map(|n| (n.key.to_string(), n.smoothed()))
            .collect(),
        iters: run.config.max_iterations,
        batch: run.config.batch_size,
    }))
}

struct InitCompareFigure {
    /// Each network's name and smoothed losses.
    curves: Vec<(String, Vec<f64>)>,
    iters: usize,
    batch: usize,
}

/// The book's markers, in the order of its networks: `o`, `s`, `D`.
#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Diamond,
}

impl Marker {
    fn of(i: usize) -> Marker {
        [Marker::Circle, Marker::Square, Marker::Diamond][i % 3]
    }
}

impl Draw for InitCompareFigure {
    fn size(&self) -> (u32, u32) {
        (1000, 600)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = look::say(
            &pictures::WEIGHT_INIT_COMPARE,
            &[("iters", &self.iters), ("batch", &self.batch)],
        );
        let len = self.iters.max(2) as f64;
        let mut chart =
            chart_on(root, title, Frame::Figure).build_cartesian_2d(0.0..len, 0.0..Y_MAX)?;
        draw_axes(
            &mut chart,
            &look::say(&pictures::ITERATION, &[]),
            &look::say(&pictures::LOSS_SMOOTHED, &[]),
            &axis_label,
        )?;
        for (i, (name, smooth)) in self.curves.iter().enumerate() {
            let colour = super::run_colour(i);
            let marker = Marker::of(i);
            let points: Vec<(f64, f64)> = smooth
                .iter()
                .enumerate()
                .map(|(k, &l)| (k as f64, if l.is_nan() { Y_MAX } else { l.min(Y_MAX) }))
                .collect();
            let style = colour.filled();
            let line = colour.stroke_width(2);
            let series = chart
                .draw_series(LineSeries::new(points.iter().copied(), line))?
                .label(name.as_str());
            let stroke = move |(x, y)| {
                EmptyElement::at((x, y)) + PathElement::new(vec![(0, 0), (28, 0)], line)
            };
            match marker {
                Marker::Circle => {
                    series.legend(move |at| stroke(at) + Circle::new((14, 0), 5, style));
                }
                Marker::Square => {
                    series
                        .legend(move |at| stroke(at) + Rectangle::new([(10, -4), (18, 4)], style));
                }
                Marker::Diamond => {
                    series.legend(move |at| {
                        stroke(at) + Polygon::new(vec![(14, -6), (20, 0), (14, 6), (8, 0)], style)
                    });
                }
            }
            let marked = points.iter().step_by(REPORT_EVERY).copied();
            match marker {
                Marker::Circle => {
                    chart.draw_series(
                        marked.map(|p| EmptyElement::at(p) + Circle::new((0, 0), 5, style)),
                    )?;
                }
                Marker::Square => {
                    chart.draw_series(marked.map(|p| {
                        EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], style)
                    }))?;
                }
                Marker::Diamond => {
                    chart.draw_series(marked.map(|p| {
                        EmptyElement::at(p)
                            + Polygon::new(vec![(0, -6), (6, 0), (0, 6), (-6, 0)], style)
                    }))?;
                }
            }
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 15)?;
        Ok(())
    }
}
