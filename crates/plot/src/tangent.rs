//! The tangent line picture (the book's `gradient_1d.py`).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{
    Draw, DrawResult, Figure, PlotFunction, axis_label, draw_axes, draw_legend, label_number,
    padded_range, run_colour,
};
use super::{Frame, chart_on};
use scratchnet_book::Error;
use scratchnet_book::text::pictures;

/// A one-dimensional function and its tangent line at `at` with slope `slope`: the curve `f(x)`, the line `y = slope · (x − at) + f(at)`, and the point
/// of contact. `f` is a [`Landscape`](scratchnet_book::Landscape) or your own closure
/// ([`PlotFunction`]). The x range is the function's usual view (for a closure, `at ± 10`),
/// widened to include `at`.
///
/// # Errors
/// [`Error::Config`] unless the function has one coordinate; [`Error::NotFinite`] if `at` or
/// `slope` is not finite.
///
/// ```
/// use scratchnet_book::numerical_diff;
/// use scratchnet_plot::plot_tangent;
/// let f = |x: &ndarray::Array1<f64>| x[0].sin();
/// let slope = numerical_diff(|x| x.sin(), 1.0);
/// let figure = plot_tangent(f, 1.0, slope)?;
/// assert!(figure.svg()?.contains("its tangent at x = 1"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_tangent(f: impl PlotFunction + 'static, at: f64, slope: f64) -> Result<Figure, Error> {
    if let Some(dim) = f.dim().filter(|&d| d != 1) {
        return Err(Error::Config {
            what: "the function of a tangent line",
            problem: format!("it must take one coordinate; this one takes {dim}"),
        });
    }
    if let Some(value) = [at, slope].into_iter().find(|v| !v.is_finite()) {
        return Err(Error::NotFinite {
            what: "the point and slope of a tangent",
            value,
        });
    }
    Ok(Figure::new(TangentFigure { f, at, slope }))
}

struct TangentFigure<F> {
    f: F,
    at: f64,
    slope: f64,
}

impl<F: PlotFunction> Draw for TangentFigure<F> {
    fn size(&self) -> (u32, u32) {
        (900, 600)
    }

    // About 65 lines: one chart (the curve, the tangent, the point) drawn in order.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let f = |x: f64| self.f.value(&ndarray::array![x]);
        let (mut x0, mut x1) = self
            .f
            .view()
            .and_then(|v| v.first().copied())
            .unwrap_or((self.at - 10.0, self.at + 10.0));
        let margin = 0.1 * (x1 - x0);
        x0 = x0.min(self.at - margin);
        x1 = x1.max(self.at + margin);
        let xs: Vec<f64> = (0..=400)
            .map(|k| x0 + (x1 - x0) * k as f64 / 400.0)
            .collect();
        let fa = f(self.at);
        let tangent = |x: f64| self.slope * (x - self.at) + fa;
        let ys = xs.iter().flat_map(|&x| [f(x), tangent(x)]);
        let (lo, hi) = padded_range(ys, 0.05, 1e-12);
        let title = look::say(
            &pictures::TANGENT_TITLE,
            &[("f", &self.f.formula()), ("x", &label_number(self.at))],
        );
        let mut chart = chart_on(root, title, Frame::Figure)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, lo..hi)?;
        draw_axes(&mut chart, "x", "f(x)", &axis_label)?;
        let (curve, line) = (run_colour(0), run_colour(1));
        chart
            .draw_series(LineSeries::new(
                xs.iter().map(|&x| (x, f(x))),
                curve.stroke_width(3),
            ))?
            .label(self.f.formula())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 24, y)], curve.stroke_width(3))
            });
        chart
            .draw_series(LineSeries::new(
                xs.iter().map(|&x| (x, tangent(x))),
                line.stroke_width(2),
            ))?
            .label(look::say(
                &pictures::TANGENT,
                &[
                    ("x", &label_number(self.at)),
                    ("slope", &format!("{:.10}", self.slope)),
                ],
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
