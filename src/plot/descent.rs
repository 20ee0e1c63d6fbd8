//! The descent picture: paths on a contour map, and f at each step.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::contour::draw_contours;
use super::{
    DrawResult, Figure, axis_label, draw_axes, draw_legend, label_number, run_colour, save, titled,
};
use crate::{Descent, Error, Landscape};

/// Draws the runs of gradient descent on a two-dimensional function into `path` (`.png` or
/// `.svg`).
///
/// Left: each path as markers joined by lines over the contour lines of `f`, start marked with
/// a hollow square and end with a cross, one colour per run, a legend, axes `x0` and `x1` on the
/// same scale. Right: `f` at every step, on a logarithmic scale when every value is positive, so
/// that a steady geometric approach reads as a straight line, a divergence as a rising one and a
/// stall as a flat one.
///
/// # Errors
/// [`Error::Dimension`] if the function is not two-dimensional or a run's points do not fit it;
/// [`Error::Plot`] if the picture cannot be written (no file is left behind).
pub fn plot_descent(
    path: &Path,
    landscape: Landscape,
    runs: &[Descent],
    title: &str,
) -> Result<(), Error> {
    let dims = std::iter::once(landscape.dim()).chain(runs.iter().map(|r| r.history.ncols()));
    if let Some(got) = dims.into_iter().find(|&d| d != 2) {
        return Err(Error::Dimension {
            function: landscape,
            expected: 2,
            got,
        });
    }
    save(
        &DescentFigure {
            landscape,
            runs,
            title,
        },
        path,
    )
}

struct DescentFigure<'a> {
    landscape: Landscape,
    runs: &'a [Descent],
    title: &'a str,
}

/// How far beyond the landscape's usual view the map may zoom out to follow a path: further
/// than this, a diverging path would shrink everything else to a dot.
const MAX_ZOOM_OUT: f64 = 50.0;

/// The square region of the map: the landscape's usual view, widened to show every finite point
/// of the runs that lies within [`MAX_ZOOM_OUT`] times that view. Also says whether some points
/// were left off the map.
pub(super) fn square_view(landscape: Landscape, runs: &[Descent]) -> MapView {
    let view = landscape.view();
    let (mut x, mut y) = (view[0], view[1]);
    let reach = MAX_ZOOM_OUT * (x.1 - x.0).abs().max((y.1 - y.0).abs());
    let mut left_off = false;
    for p in runs.iter().flat_map(|r| r.history.rows()) {
        if p[0].abs().max(p[1].abs()) > reach || !p[0].is_finite() || !p[1].is_finite() {
            left_off = true;
            continue;
        }
        x = (x.0.min(p[0]), x.1.max(p[0]));
        y = (y.0.min(p[1]), y.1.max(p[1]));
    }
    let half = 0.55 * (x.1 - x.0).max(y.1 - y.0);
    let (cx, cy) = (0.5 * (x.0 + x.1), 0.5 * (y.0 + y.1));
    MapView {
        x: (cx - half, cx + half),
        y: (cy - half, cy + half),
        left_off,
    }
}

/// The region a map shows.
pub(super) struct MapView {
    x: (f64, f64),
    y: (f64, f64),
    /// Whether some points of the paths lie outside it.
    left_off: bool,
}

/// The points of a run's path that lie on the map, in order; where the path leaves the map, it
/// ends at the edge, in the direction of its next point.
fn on_map_path(run: &Descent, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> Vec<(f64, f64)> {
    let inside = |p: (f64, f64)| x0 <= p.0 && p.0 <= x1 && y0 <= p.1 && p.1 <= y1;
    let mut path: Vec<(f64, f64)> = Vec::new();
    for r in run.history.rows() {
        let q = (r[0], r[1]);
        if inside(q) {
            path.push(q);
            continue;
        }
        if let Some(&p) = path.last() {
            // the fraction t of the segment p → q at which it crosses the edge
            let exit = |a: f64, b: f64, lo: f64, hi: f64| {
                if b > hi {
                    (hi - a) / (b - a)
                } else if b < lo {
                    (lo - a) / (b - a)
                } else {
                    1.0
                }
            };
            let t = exit(p.0, q.0, x0, x1).min(exit(p.1, q.1, y0, y1));
            if t.is_finite() {
                path.push((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)));
            }
        }
        break;
    }
    path
}

impl Figure for DescentFigure<'_> {
    fn size(&self) -> (u32, u32) {
        (1240, 600)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, self.title)?;
        let (left, right) = root.split_horizontally(640);
        self.draw_paths(&left)?;
        self.draw_values(&right)
    }
}

impl DescentFigure<'_> {
    fn label(run: &Descent) -> String {
        let s = run.start();
        let rule = match run.optimizer.kind {
            crate::OptimizerKind::Sgd => String::new(),
            other => format!("{} ", other.title()),
        };
        format!(
            "({}, {}), {rule}lr {}: {}",
            label_number(s[0]),
            label_number(s[1]),
            label_number(run.lr()),
            run.diagnosis.kind
        )
    }

    fn draw_paths<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let view = square_view(self.landscape, self.runs);
        let caption = if view.left_off {
            format!(
                "contours of f = {}; the path runs off the map",
                self.landscape.formula()
            )
        } else {
            format!("paths on the contours of f = {}", self.landscape.formula())
        };
        draw_map(area, self.landscape, self.runs, &view, &caption, 0)
    }
}

/// Draws `runs` as paths on the contour map of `landscape` over `view` into `area`, with a
/// legend; the first run gets colour number `first_colour`.
pub(super) fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    landscape: Landscape,
    runs: &[Descent],
    view: &MapView,
    caption: &str,
    first_colour: usize,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (xr, yr) = (view.x, view.y);
    let mut chart = ChartBuilder::on(area)
        .caption(caption, ("sans-serif", 17))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(64)
        .build_cartesian_2d(xr.0..xr.1, yr.0..yr.1)?;
    draw_axes(&mut chart, "x0", "x1", &axis_label)?;
    draw_contours(&mut chart, move |a, b| {
        landscape.eval(ndarray::array![a, b].view())
    })?;
    if let Some((min, _)) = landscape.minimum() {
        chart.draw_series(std::iter::once(Cross::new(
            (min[0], min[1]),
            5,
            BLACK.mix(0.5).stroke_width(1),
        )))?;
    }
    for (i, run) in runs.iter().enumerate() {
        let colour = run_colour(first_colour + i);
        let points = on_map_path(run, xr, yr);
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                colour.mix(0.6).stroke_width(1),
            ))?
            .label(DescentFigure::label(run))
            .legend(move |(x, y)| {
                EmptyElement::at((x + 10, y))
                    + PathElement::new(vec![(-10, 0), (10, 0)], colour.stroke_width(2))
                    + Circle::new((0, 0), 3, colour.filled())
            });
        let inside = |p: &(f64, f64)| xr.0 <= p.0 && p.0 <= xr.1 && yr.0 <= p.1 && p.1 <= yr.1;
        chart.draw_series(
            points
                .iter()
                .filter(|p| inside(p))
                .map(|&p| Circle::new(p, 3, colour.filled())),
        )?;
        let (start, end) = (run.start(), run.final_point());
        let (start, end) = ((start[0], start[1]), (end[0], end[1]));
        if inside(&start) {
            let square = Rectangle::new([(-7, -7), (7, 7)], colour.stroke_width(2));
            chart.draw_series(std::iter::once(EmptyElement::at(start) + square))?;
        }
        if inside(&end) {
            chart.draw_series(std::iter::once(Cross::new(end, 8, colour.stroke_width(3))))?;
        }
    }
    draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 13)?;
    Ok(())
}

impl DescentFigure<'_> {
    fn draw_values<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let steps = self
            .runs
            .iter()
            .map(Descent::steps)
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let finite = || {
            self.runs
                .iter()
                .flat_map(|r| r.values.iter().copied())
                .filter(|v| v.is_finite())
        };
        let (lo, hi) = finite().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let caption = ("sans-serif", 17);
        let series = |run: &Descent| -> Vec<(f64, f64)> {
            run.values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(k, &v)| (k as f64, v))
                .collect()
        };
        if lo > 0.0 && lo.is_finite() {
            let mut chart = ChartBuilder::on(area)
                .caption("f(x) at each step (log scale)", caption)
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(80)
                .build_cartesian_2d(0.0..steps, (lo / 3.0..hi * 3.0).log_scale())?;
            draw_axes(&mut chart, "step", "f(x)", &axis_label)?;
            for (i, run) in self.runs.iter().enumerate() {
                chart.draw_series(LineSeries::new(series(run), run_colour(i).stroke_width(2)))?;
            }
        } else {
            let pad = 0.05 * (hi - lo).abs().max(1e-12);
            let mut chart = ChartBuilder::on(area)
                .caption("f(x) at each step", caption)
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(80)
                .build_cartesian_2d(0.0..steps, (lo - pad)..(hi + pad))?;
            draw_axes(&mut chart, "step", "f(x)", &axis_label)?;
            for (i, run) in self.runs.iter().enumerate() {
                chart.draw_series(LineSeries::new(series(run), run_colour(i).stroke_width(2)))?;
            }
        }
        Ok(())
    }
}
