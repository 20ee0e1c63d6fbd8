//! Comparison pictures: optimisers side by side on a landscape, and their loss curves on MNIST
//! (the book's figures 6-8 and 6-9).

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::descent::{check_runs, draw_map, square_view};
use super::{
    DrawResult, Figure, PlotFunction, axis_label, draw_axes, draw_legend, run_colour, save, titled,
};
use crate::util::smooth_curve;
use crate::{Descent, Error};

/// Draws one panel per run (an optimiser's path on the contour map of `f`), all on the same
/// region, two panels to a row, into `path` (`.png` or `.svg`): the book's figure of four
/// update rules on the bowl. `f` is a [`Landscape`](crate::Landscape) or your own closure
/// ([`PlotFunction`]) of two coordinates.
///
/// # Errors
/// [`Error::Config`] unless `f` and the runs have two coordinates and `f` is the function the
/// runs descended;
/// [`Error::Plot`] if the picture cannot be written (no file is left behind).
pub fn plot_compare(
    path: &Path,
    f: impl PlotFunction,
    runs: &[Descent],
    title: &str,
) -> Result<(), Error> {
    check_runs(&f, runs, 2..=2)?;
    save(&CompareFigure { f, runs, title }, path)
}

struct CompareFigure<'a, F> {
    f: F,
    runs: &'a [Descent],
    title: &'a str,
}

impl<F: PlotFunction> Figure for CompareFigure<'_, F> {
    fn size(&self) -> (u32, u32) {
        let rows = self.runs.len().div_ceil(2).max(1) as u32;
        (1100, 40 + 500 * rows)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, self.title)?;
        let rows = self.runs.len().div_ceil(2).max(1);
        let view = square_view(&self.f, self.runs);
        for (i, (panel, run)) in root
            .split_evenly((rows, 2))
            .iter()
            .zip(self.runs)
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

/// Draws loss curves, one per named series, smoothed with the book's `smooth_curve`, on a y
/// axis from 0 to `y_max` (higher values are drawn at `y_max`), into `path` (`.png` or
/// `.svg`): the book's figure comparing optimisers on MNIST.
///
/// # Errors
/// [`Error::Plot`] if the picture cannot be written (no file is left behind).
pub fn plot_loss_curves(
    path: &Path,
    curves: &[(String, Vec<f64>)],
    y_max: f64,
    title: &str,
) -> Result<(), Error> {
    save(
        &LossFigure {
            curves,
            y_max,
            title,
        },
        path,
    )
}

struct LossFigure<'a> {
    curves: &'a [(String, Vec<f64>)],
    y_max: f64,
    title: &'a str,
}

impl Figure for LossFigure<'_> {
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
        let mut chart = ChartBuilder::on(root)
            .caption(
                self.title,
                ("sans-serif", 20).into_font().style(FontStyle::Bold),
            )
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(56)
            .build_cartesian_2d(0.0..len, 0.0..self.y_max)?;
        draw_axes(&mut chart, "iteration", "loss (smoothed)", &axis_label)?;
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
