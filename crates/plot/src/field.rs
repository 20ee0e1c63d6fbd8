//! The gradient field picture: arrows of −∇f on a grid (the book's `gradient_2d.py`).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::PlotFunction;
use super::contour::draw_contours;
use super::{Draw, DrawResult, Figure, axis_label, bounds, draw_axes};
use super::{Frame, chart_on};
use scratchnet_book::{Error, GradientField};

/// The arrows of `−∇f` of `field` over light contour lines of `f`: `f` is the function the field was computed from, a
/// [`Landscape`](scratchnet_book::Landscape) or any closure of two coordinates ([`PlotFunction`]),
/// drawn over the field's grid.
///
/// Each arrow starts at its grid point and points along `−∇f`, the direction in which `f`
/// falls fastest; its length is proportional to `|∇f|` (the longest as long as one grid step)
/// and its colour darker where the slope is steeper.
///
/// # Errors
/// [`Error::Config`] unless the field's points and gradients, and `f` if it says, have two
/// coordinates, as many gradients as points.
///
/// ```
/// use scratchnet_book::gradient_field;
/// use scratchnet_plot::plot_gradient_field;
/// let f = |x: &ndarray::Array1<f64>| x[0].powi(2) - x[1].powi(2); // a saddle of your own
/// let field = gradient_field(f, -2.0, 2.5, 0.25);
/// let figure = plot_gradient_field(f, &field, "−∇f of x0² − x1²")?;
/// assert!(figure.svg()?.contains("−∇f of x0² − x1²"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_gradient_field(
    f: impl PlotFunction + 'static,
    field: &GradientField,
    title: &str,
) -> Result<Figure, Error> {
    let (points, gradients) = (field.points.dim(), field.gradients.dim());
    if points.1 != 2 || gradients != points || f.dim().is_some_and(|d| d != 2) {
        return Err(Error::Config {
            what: "the gradient field to draw",
            problem: format!(
                "this picture shows functions of two coordinates, with a gradient at each \
                 point; it got {} points of {}, {} gradients of {}, and a function of {}",
                points.0,
                points.1,
                gradients.0,
                gradients.1,
                f.dim().map_or("any number".to_string(), |d| d.to_string()),
            ),
        });
    }
    Ok(Figure::new(FieldFigure {
        f,
        field: field.clone(),
        title: title.to_string(),
    }))
}

struct FieldFigure<F> {
    f: F,
    field: GradientField,
    title: String,
}

impl<F: PlotFunction> Draw for FieldFigure<F> {
    fn size(&self) -> (u32, u32) {
        (760, 800)
    }

    // Over 80 lines: one statement per element of the figure, in drawing order; split, the
    // pieces would pass the chart and its ranges around.
    // About 75 lines: one chart (contours, then arrows, then labels) drawn in order.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let points = &self.field.points;
        let (lo, hi) = bounds(points.iter().copied());
        // the grid step: the smallest positive distance between two coordinates
        let step = points
            .column(0)
            .iter()
            .map(|&v| (v - lo).abs())
            .filter(|&d| d > 0.0)
            .fold(hi - lo, f64::min)
            .max(1e-12);
        let pad = step;
        let mut chart = chart_on(root, &self.title, Frame::Figure)
            .build_cartesian_2d((lo - pad)..(hi + pad), (lo - pad)..(hi + pad))?;
        draw_axes(&mut chart, "x0", "x1", &axis_label)?;
        draw_contours(&mut chart, |a, b| self.f.value(&ndarray::array![a, b]))?;

        let magnitude = |i: usize| {
            self.field
                .gradients
                .row(i)
                .iter()
                .map(|g| g * g)
                .sum::<f64>()
                .sqrt()
        };
        let longest = (0..points.nrows()).map(magnitude).fold(0.0, f64::max);
        if longest == 0.0 || !longest.is_finite() {
            return Ok(());
        }
        let scale = step / longest;
        for i in 0..points.nrows() {
            let m = magnitude(i);
            if m < 1e-9 * longest {
                // no slope here: a dot instead of an arrow
                chart.draw_series(std::iter::once(Circle::new(
                    (points[(i, 0)], points[(i, 1)]),
                    3,
                    BLACK.filled(),
                )))?;
                continue;
            }
            let (x, y) = (points[(i, 0)], points[(i, 1)]);
            let (dx, dy) = (
                -self.field.gradients[(i, 0)] * scale,
                -self.field.gradients[(i, 1)] * scale,
            );
            let shade = 0.35 + 0.6 * (m / longest);
            let colour = RGBColor(
                (200.0 * (1.0 - shade)) as u8,
                (60.0 * (1.0 - shade)) as u8,
                (120.0 + 100.0 * shade) as u8,
            );
            let (shaft, head) = arrow((x, y), (dx, dy));
            chart.draw_series(std::iter::once(PathElement::new(
                shaft,
                colour.stroke_width(2),
            )))?;
            chart.draw_series(std::iter::once(Polygon::new(
                head.to_vec(),
                colour.filled(),
            )))?;
        }
        Ok(())
    }
}

/// A point in data coordinates.
type Xy = (f64, f64);

/// An arrow from `from` along `(dx, dy)` in data coordinates: its shaft and its filled head.
fn arrow(from: Xy, (dx, dy): Xy) -> ([Xy; 2], [Xy; 3]) {
    let tip = (from.0 + dx, from.1 + dy);
    let base = (tip.0 - 0.35 * dx, tip.1 - 0.35 * dy); // the head is 35 % of the arrow
    let (px, py) = (-0.2 * dy, 0.2 * dx); // half the head's width, across the shaft
    (
        [from, base],
        [tip, (base.0 + px, base.1 + py), (base.0 - px, base.1 - py)],
    )
}
