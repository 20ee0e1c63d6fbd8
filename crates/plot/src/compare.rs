//! Comparison pictures: optimisers side by side on a landscape, and their loss curves on MNIST
//! (the book's figures 6-8 and 6-9).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::descent::{check_runs, draw_map, square_view};
use super::look;
use super::{
    Draw, DrawResult, Figure, PlotFunction, axis_label, draw_axes, draw_legend, run_colour, titled,
};
use super::{Frame, chart_on};
use scratchnet_book::text::pictures;
use scratchnet_book::util::smooth_curve;
use scratchnet_book::{Descent, Error};

/// One panel per run (an optimiser's path on the contour map of `f`), all on the same
/// region, two panels to a row: the book's figure of four update rules on the bowl. `f` is a [`Landscape`](scratchnet_book::Landscape) or your own closure
/// ([`PlotFunction`]) of two coordinates.
///
/// # Errors
/// [`Error::Config`] unless `f` and the runs have two coordinates and `f` is the function the
/// runs descended.
pub fn plot_compare(
    f: impl PlotFunction + 'static,
    runs: &[Descent],
    title: &str,
) -> Result<Figure, Error> {
    check_runs(&f, runs, 2..=2)?;
    Ok(Figure::new(CompareFigure {
        f,
        runs: runs.to_vec(),
        title: title.to_string(),
    }))
}

struct CompareFigure<F> {
    f: F,
    runs: Vec<Descent>,
    title: String,
}

impl<F: PlotFunction> Draw for CompareFigure<F> {
    fn size(&self) -> (u32, u32) {
        let rows = self.runs.len().div_ceil(2).max(1) as u32;
        (1100, 40 + 500 * rows)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, &self.title)?;
        let rows = self.runs.len().div_ceil(2).max(1);
        let view = square_view(&self.f, &self.runs);
        for (i, (panel, run)) in root
            .split_evenly((rows, 2))
            .iter()
            .zip(&self.runs)
            .enumerate()
        {
            let caption = format!(
                "{} ({})",
                run.optimizer.kind.title(),
                run.optimizer.describe()
            );
            draw_map(
                panel,
                &self.f,
                std::slice::from_ref(run),
                &view,
                &caption,
                i,
            )?;
        }
        Ok(())
    }
}

/// Loss curves, one per named series, smoothed with the book's `smooth_curve`, on a y axis
/// from 0 to `y_max` (higher values are drawn at `y_max`): the book's figure comparing
/// optimisers on MNIST.
///
/// # Errors
/// [`Error::Config`] if there is no loss to draw, or `y_max` is not positive and finite.
pub fn plot_loss_curves(
    curves: &[(String, Vec<f64>)],
    y_max: f64,
    title: &str,
) -> Result<Figure, Error> {
    if curves.iter().all(|(_, losses)| losses.is_empty()) || !(y_max > 0.0 && y_max.is_finite()) {
        return Err(Error::Config {
            what: "the loss curves to draw",
            problem: format!(
                "they need at least one loss and a positive top of the y axis; got {} curves \
                 of {} losses, and {y_max}",
                curves.len(),
                curves.iter().map(|(_, l)| l.len()).sum::<usize>()
            ),
        });
    }
    Ok(Figure::new(LossFigure {
        curves: curves.to_vec(),
        y_max,
        title: title.to_string(),
    }))
}

struct LossFigure {
    curves: Vec<(String, Vec<f64>)>,
    y_max: f64,
    title: String,
}

impl Draw for LossFigure {
    fn size(&self) -> (u32, u32) {
        (900, 600)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let len = self
            .curves
            .iter()
            .map(|(_, c)| c.len())
            .max()
            .unwrap_or(2)
            .max(2) as f64;
        let mut chart = chart_on(root, &self.title, Frame::Figure)
            .build_cartesian_2d(0.0..len, 0.0..self.y_max)?;
        draw_axes(
            &mut chart,
            &look::say(&pictures::ITERATION, &[]),
            &look::say(&pictures::LOSS_SMOOTHED, &[]),
            &axis_label,
        )?;
        for (i, (name, losses)) in self.curves.iter().enumerate() {
            let colour = run_colour(i);
            let smooth = smooth_curve(losses);
            chart
                .draw_series(LineSeries::new(
                    smooth
                        .iter()
                        .enumerate()
                        .map(|(k, &l)| (k as f64, l.min(self.y_max))),
                    colour.stroke_width(2),
                ))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 24, y)], colour.stroke_width(2))
                });
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 15)?;
        Ok(())
    }
}
