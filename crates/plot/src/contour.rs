//! Contour lines by marching squares.
//!
//! The function is sampled on a grid; in every grid cell, the level line crosses an edge where
//! the values at its two ends lie on opposite sides of the level, at the point found by linear
//! interpolation. Joining the crossings of a cell gives one segment of the contour line.

use ndarray::Array2;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// The segments of the contour line `f = level`.
///
/// `z[(j, i)]` is `f(xs[i], ys[j])`, shape `(ys.len(), xs.len())`. Returns line segments
/// `[(x, y), (x, y)]` in the coordinates of `xs` and `ys`.
///
/// # Panics
/// If the shape of `z` is not `(ys.len(), xs.len())`.
///
/// ```
/// use ndarray::Array2;
/// use scratchnet_plot::contour_segments;
/// let xs: Vec<f64> = (0..=20).map(|i| -2.0 + 0.2 * i as f64).collect();
/// let z = Array2::from_shape_fn((21, 21), |(j, i)| xs[i] * xs[i] + xs[j] * xs[j]);
/// // the level f = 1 of x² + y² is the unit circle
/// for [a, b] in contour_segments(&xs, &xs, &z, 1.0) {
///     approx::assert_abs_diff_eq!((a.0 * a.0 + a.1 * a.1).sqrt(), 1.0, epsilon = 0.03);
///     approx::assert_abs_diff_eq!((b.0 * b.0 + b.1 * b.1).sqrt(), 1.0, epsilon = 0.03);
/// }
/// ```
#[track_caller]
#[must_use]
pub fn contour_segments(
    xs: &[f64],
    ys: &[f64],
    z: &Array2<f64>,
    level: f64,
) -> Vec<[(f64, f64); 2]> {
    assert_eq!(
        z.dim(),
        (ys.len(), xs.len()),
        "z must have shape (ys.len(), xs.len())"
    );
    let mut segments = Vec::new();
    for j in 0..ys.len().saturating_sub(1) {
        for i in 0..xs.len().saturating_sub(1) {
            // corners counter-clockwise from bottom-left, and the four edges between them
            let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let mut crossings = Vec::with_capacity(4);
            for e in 0..4 {
                let (a, b) = (corners[e], corners[(e + 1) % 4]);
                let (za, zb) = (z[(a.1, a.0)] - level, z[(b.1, b.0)] - level);
                if (za < 0.0) != (zb < 0.0) && za.is_finite() && zb.is_finite() {
                    let t = za / (za - zb);
                    crossings.push((
                        xs[a.0] + t * (xs[b.0] - xs[a.0]),
                        ys[a.1] + t * (ys[b.1] - ys[a.1]),
                    ));
                }
            }
            for pair in crossings.chunks_exact(2) {
                segments.push([pair[0], pair[1]]);
            }
        }
    }
    segments
}

/// `count` levels between the smallest and largest value of `z`, closer together near the
/// smallest: `zmin + (zmax − zmin)·(k / (count + 1))²`. For a round bowl such as x₀² + x₁² the
/// level circles are then evenly spaced in radius.
///
/// ```
/// use ndarray::array;
/// let levels = scratchnet_plot::contour_levels(&array![[0.0, 9.0]], 2);
/// assert_eq!(levels, vec![1.0, 4.0]);
/// ```
#[must_use]
pub fn contour_levels(z: &Array2<f64>, count: usize) -> Vec<f64> {
    let (lo, hi) = super::bounds(z.iter().copied().filter(|v| v.is_finite()));
    if lo >= hi {
        return Vec::new();
    }
    (1..=count)
        .map(|k| lo + (hi - lo) * (k as f64 / (count + 1) as f64).powi(2))
        .collect()
}

/// Samples `f` on an `n × n` grid over `[x0, x1] × [y0, y1]`: `(xs, ys, z)` with `z[(j, i)] = f(xs[i], ys[j])`.
pub(crate) fn sample_grid(
    f: impl Fn(f64, f64) -> f64,
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    n: usize,
) -> (Vec<f64>, Vec<f64>, Array2<f64>) {
    let axis = |a: f64, b: f64| {
        (0..n)
            .map(|k| a + (b - a) * k as f64 / (n - 1) as f64)
            .collect::<Vec<_>>()
    };
    let (xs, ys) = (axis(x0, x1), axis(y0, y1));
    let z = Array2::from_shape_fn((n, n), |(j, i)| f(xs[i], ys[j]));
    (xs, ys, z)
}

/// Draws light contour lines of `f` over the whole plotting area of `chart`, coloured from dark
/// (low) to light (high).
pub(crate) fn draw_contours<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    f: impl Fn(f64, f64) -> f64,
) -> super::DrawResult
where
    DB::ErrorType: 'static,
{
    let (xr, yr) = (chart.x_range(), chart.y_range());
    let (xs, ys, z) = sample_grid(f, (xr.start, xr.end), (yr.start, yr.end), 121);
    let levels = contour_levels(&z, 12);
    for (k, &level) in levels.iter().enumerate() {
        let colour = ViridisRGB.get_color(0.15 + 0.75 * k as f32 / levels.len() as f32);
        let style = colour.mix(0.55).stroke_width(1);
        chart.draw_series(
            contour_segments(&xs, &ys, &z, level)
                .into_iter()
                .map(|[a, b]| PathElement::new(vec![a, b], style)),
        )?;
    }
    Ok(())
}
