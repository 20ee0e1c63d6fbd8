//! The tangent line picture (the book's `gradient_1d.py`).

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    DrawResult, Figure, axis_label, draw_axes, draw_legend, label_number, run_colour, save,
};
use crate::{Error, Landscape};

/// Draws a one-dimensional function and its tangent line at `at` with slope `slope` into `path`
/// (`.png` or `.svg`): the curve `f(x)`, the line `y = slope · (x − at) + f(at)`, and the point
/// of contact. The x range is the function's usual view, widened to include `at`.
///
/// # Errors
/// [`Error::Dimension`] unless the function is one-dimensional; [`Error::NotFinite`] if `at` or
/// `slope` is not finite; [`Error::Plot`] if the picture cannot be written (no file is left
/// behind).
pub fn plot_tangent(path: &Path, landscape: Landscape, at: f64, slope: f64) -> Result<(), Error> {
    if landscape.dim() != 1 {
        return Err(Error::Dimension {
            function: landscape,
            expected: 1,
            got: landscape.dim(),
        });
    }
    if let Some(value) = [at, slope].into_iter().find(|v| !v.is_finite()) {
        return Err(Error::NotFinite {
            what: "the point and slope of a tangent",
            value,
        });
    }
    save(
        &TangentFigure {
            landscape,
            at,
            slope,
        },
        path,
    )
}

struct TangentFigure {
    landscape: Landscape,
    at: f64,
    slope: f64,
}

impl Figure for TangentFigure {
    fn size(&self) -> (u32, u32) {
        (900, 600)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let f = |x: f64| self.landscape.eval(ndarray::array![x].view());
        let (mut x0, mut x1) = self.landscape.view()[0];
        let margin = 0.1 * (x1 - x0);
        x0 = x0.min(self.at - margin);
        x1 = x1.max(self.at + margin);
        let xs: Vec<f64> = (0..=400)
            .map(|k| x0 + (x1 - x0) * k as f64 / 400.0)
            .collect();
        let fa = f(self.at);
        let tangent = |x: f64| self.slope * (x - self.at) + fa;
        let ys = xs.iter().flat_map(|&x| [f(x), tangent(x)]);
        let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let pad = 0.05 * (hi - lo).max(1e-12);
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!(
                    "f(x) = {} and its tangent at x = {}",
                    self.landscape.formula(),
                    label_number(self.at)
                ),
                ("sans-serif", 20).into_font().style(FontStyle::Bold),
            )
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, (lo - pad)..(hi + pad))?;
        draw_axes(&mut chart, "x", "f(x)", &axis_label)?;
        let (curve, line) = (run_colour(0), run_colour(1));
        chart
            .draw_series(LineSeries::new(
                xs.iter().map(|&x| (x, f(x))),
                curve.stroke_width(3),
            ))?
            .label(format!("f(x) = {}", self.landscape.formula()))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 24, y)], curve.stroke_width(3))
            });
        chart
            .draw_series(LineSeries::new(
                xs.iter().map(|&x| (x, tangent(x))),
                line.stroke_width(2),
            ))?
            .label(format!(
                "tangent: slope f′({}) ≈ {:.10}",
                label_number(self.at),
                self.slope
            ))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 24, y)], line.stroke_width(2))
            });
        chart.draw_series(std::iter::once(Circle::new(
            (self.at, fa),
            6,
            BLACK.filled(),
        )))?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft, 15)?;
        Ok(())
    }
}
