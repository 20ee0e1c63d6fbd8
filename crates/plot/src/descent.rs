//! The descent picture: paths on a contour map (or on the curve of a one-dimensional function),
//! and f at each step.
//!
//! One figure in one file: the map panel and the f-per-step panel share the runs' colours, ranges
//! and labels.

use ndarray::array;
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::contour::draw_contours;
use super::look;
use super::{
    Draw, DrawResult, Figure, PlotFunction, axis_label, bounds, draw_axes, draw_axes_ticks,
    draw_legend, label_number, padded_range, run_colour, titled,
};
use super::{Frame, chart_on};
use scratchnet_book::text::{pictures, words};
use scratchnet_book::{Descent, DiagnosisKind, Error};

/// The picture of runs of gradient descent. `f` is the function they descended: a
/// [`Landscape`](scratchnet_book::Landscape), or your own closure or `fn` ([`PlotFunction`]).
///
/// Left, for a function of two coordinates: each path as markers joined by lines over the
/// contour lines of `f`, start marked with a hollow square and end with a cross, one colour per
/// run, a legend, axes `x0` and `x1` on the same scale. A path that leaves the map ends in an
/// arrow at the edge, labelled with the point it went to. For one coordinate: the curve of `f`
/// with each run's steps on it. Right: `f` at every step, on a logarithmic scale (a label at
/// every power of ten) when every value is positive, so that a steady geometric approach reads
/// as a straight line, a divergence as a rising one and a stall as a flat one; where a point
/// stops moving for good, a dashed line says from which step.
///
/// # Errors
/// [`Error::Config`] if the runs' points do not fit `f`, if `f` has neither one nor two
/// coordinates, or if it is not the function the runs descended (its value at a run's start is
/// not the run's).
pub fn plot_descent(
    f: impl PlotFunction + 'static,
    runs: &[Descent],
    title: &str,
) -> Result<Figure, Error> {
    check_runs(&f, runs, 1..=2)?;
    Ok(Figure::new(DescentFigure {
        f,
        runs: runs.to_vec(),
        title: title.to_string(),
    }))
}

/// Checks that `runs` can be drawn with `f`: `f` and the runs' points have a number of
/// coordinates in `dims`, every run has a start and a value for each point, and `f` at each
/// run's start is the value the run recorded. Returns the number of coordinates.
pub(super) fn check_runs(
    f: &impl PlotFunction,
    runs: &[Descent],
    dims: std::ops::RangeInclusive<usize>,
) -> Result<usize, Error> {
    let dim = f
        .dim()
        .or_else(|| runs.first().map(|r| r.history.ncols()))
        .unwrap_or(2);
    if !dims.contains(&dim) {
        return Err(Error::Config {
            what: "the function to draw",
            problem: format!(
                "this picture shows functions of {} to {} coordinates; this one takes {dim}",
                dims.start(),
                dims.end()
            ),
        });
    }
    for run in runs {
        if run.history.nrows() == 0 || run.values.len() != run.history.nrows() {
            return Err(Error::Config {
                what: "the runs",
                problem: "a run needs its start and one value of f per point".to_string(),
            });
        }
        if run.history.ncols() != dim {
            return Err(Error::Config {
                what: "the runs",
                problem: format!(
                    "the function takes points of dimension {dim}, a run has points of \
                     dimension {}",
                    run.history.ncols()
                ),
            });
        }
        let start = run.history.row(0).to_owned();
        let (ours, theirs) = (f.value(&start), run.values[0]);
        if ours.is_finite() && theirs.is_finite() && (ours - theirs).abs() > 1e-9 * theirs.abs() {
            return Err(Error::Config {
                what: "the function to draw",
                problem: format!(
                    "it is not the one the runs descended: at the start {start} it gives \
                     {ours}, the run recorded {theirs}; pass the function the runs used"
                ),
            });
        }
    }
    Ok(dim)
}

struct DescentFigure<F> {
    f: F,
    runs: Vec<Descent>,
    title: String,
}

/// How far beyond the function's usual view the map may zoom out to follow a path: further
/// than this, a diverging path would shrink everything else to a dot.
const MAX_ZOOM_OUT: f64 = 50.0;

/// The region of the map: the function's usual view (for a closure: the box of the runs'
/// starting points, at least 1 wide), widened to show every finite point of the runs that lies
/// within [`MAX_ZOOM_OUT`] times that view; square for two coordinates. Also says whether some
/// points were left off the map.
pub(super) fn square_view(f: &impl PlotFunction, runs: &[Descent]) -> MapView {
    let dim = runs.first().map_or(2, |r| r.history.ncols());
    let view = f.view().unwrap_or_else(|| {
        (0..dim)
            .map(|d| {
                let starts = runs.iter().map(|r| r.history[(0, d)]);
                let (lo, hi) = bounds(starts);
                let mid = if lo.is_finite() { 0.5 * (lo + hi) } else { 0.0 };
                let half = if lo.is_finite() {
                    (0.5 * (hi - lo)).max(0.5)
                } else {
                    1.0
                };
                (mid - half, mid + half)
            })
            .collect()
    });
    let mut x = view.first().copied().unwrap_or((-1.0, 1.0));
    let mut y = view.get(1).copied().unwrap_or((0.0, 0.0));
    let reach = MAX_ZOOM_OUT * (x.1 - x.0).abs().max((y.1 - y.0).abs());
    let mut left_off = false;
    for p in runs.iter().flat_map(|r| r.history.rows()) {
        let (px, py) = (p[0], if p.len() > 1 { p[1] } else { 0.0 });
        if px.abs().max(py.abs()) > reach || !px.is_finite() || !py.is_finite() {
            left_off = true;
            continue;
        }
        x = (x.0.min(px), x.1.max(px));
        y = (y.0.min(py), y.1.max(py));
    }
    if dim == 1 {
        let pad = 0.05 * (x.1 - x.0);
        return MapView {
            x: (x.0 - pad, x.1 + pad),
            y,
            left_off,
        };
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

/// A point in data coordinates.
type Xy = (f64, f64);

/// The part of a path that a map shows.
struct OnMap {
    /// The points on the map, in order, up to the first that is not.
    points: Vec<Xy>,
    /// Where the path leaves the map: the point on the edge toward the next point, and that
    /// next point.
    exit: Option<(Xy, Xy)>,
}

/// The points of a path (as `(x, y)` pairs) that lie on the map, in order; where the path
/// leaves the map, the point where it crosses the edge.
fn on_map(path: impl Iterator<Item = Xy>, (x0, x1): Xy, (y0, y1): Xy) -> OnMap {
    let inside = |p: Xy| x0 <= p.0 && p.0 <= x1 && y0 <= p.1 && p.1 <= y1;
    let mut points: Vec<Xy> = Vec::new();
    for q in path {
        if inside(q) {
            points.push(q);
            continue;
        }
        let exit = points.last().and_then(|&p| {
            // the fraction t of the segment p → q at which it crosses the edge
            let cross = |a: f64, b: f64, lo: f64, hi: f64| {
                if b > hi {
                    (hi - a) / (b - a)
                } else if b < lo {
                    (lo - a) / (b - a)
                } else {
                    1.0
                }
            };
            let t = cross(p.0, q.0, x0, x1).min(cross(p.1, q.1, y0, y1));
            t.is_finite()
                .then_some(((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)), q))
        });
        return OnMap { points, exit };
    }
    OnMap { points, exit: None }
}

/// The step from which a run's point never moves again, if that is before its last step.
fn frozen_from(run: &Descent) -> Option<usize> {
    let rows: Vec<_> = run.history.rows().into_iter().collect();
    let last = rows.last()?;
    let from = rows.iter().rposition(|r| r != last).map_or(0, |k| k + 1);
    (from + 1 < rows.len()).then_some(from)
}

impl<F: PlotFunction> Draw for DescentFigure<F> {
    fn size(&self) -> (u32, u32) {
        (1240, 600)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, &self.title)?;
        let (left, right) = root.split_horizontally(640);
        let view = square_view(&self.f, &self.runs);
        if self.runs.first().is_some_and(|r| r.history.ncols() == 1) {
            self.draw_curve(&left, &view)?;
        } else {
            let caption = if view.left_off {
                look::say(&pictures::CONTOURS_PATH_OFF, &[("f", &self.f.formula())])
            } else {
                look::say(&pictures::PATHS_ON_CONTOURS, &[("f", &self.f.formula())])
            };
            draw_map(&left, &self.f, &self.runs, &view, &caption, 0)?;
        }
        draw_values(&right, &self.runs)
    }
}

/// A run's entry in a legend: start, rule, learning rate, diagnosis.
fn label(run: &Descent) -> String {
    let s = run.start();
    let rule = match run.optimizer.kind {
        scratchnet_book::OptimizerKind::Sgd => String::new(),
        other => format!("{} ", other.title()),
    };
    let start = s.iter().map(|&v| label_number(v)).collect::<Vec<_>>();
    look::say(
        &pictures::RUN_LABEL,
        &[
            ("start", &start.join(", ")),
            ("rule", &rule),
            ("lr", &label_number(run.lr())),
            ("kind", &words::kind(run.diagnosis.kind).get(look::lang())),
        ],
    )
}

/// A coordinate for a label: 4 significant digits, plain below a million.
fn coordinate_label(v: f64) -> String {
    if v.abs() < 1e6 {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        format!("{v:.3e}")
    }
}

/// The arrow head and label where a path leaves the map: the path is drawn up to the edge,
/// then this says where it went.
fn draw_exit<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    from: Xy,
    (edge, next): (Xy, Xy),
    colour: RGBColor,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (px, py) = (chart.backend_coord(&from), chart.backend_coord(&edge));
    let (dx, dy) = ((py.0 - px.0) as f64, (py.1 - px.1) as f64);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let at = |along: f64, across: f64| {
        (
            (py.0 as f64 - along * ux - across * uy).round() as i32 - py.0,
            (py.1 as f64 - along * uy + across * ux).round() as i32 - py.1,
        )
    };
    let head = Polygon::new(vec![(0, 0), at(14.0, 6.0), at(14.0, -6.0)], colour.filled());
    let text = look::say(
        &pictures::OFF_THE_MAP,
        &[
            ("x", &coordinate_label(next.0)),
            ("y", &coordinate_label(next.1)),
        ],
    );
    // the label goes inside the map, away from the edge the path left by
    let (tx, ty) = (
        if ux > 0.0 { -290 } else { 14 },
        if uy > 0.0 { -26 } else { 14 },
    );
    chart.draw_series(std::iter::once(
        EmptyElement::at(edge) + head + Text::new(text, (tx, ty), (look::family(), 13).into_font()),
    ))?;
    Ok(())
}

/// One run on a map: its points joined by a line (to the edge where it leaves), a dot at each,
/// a square at the start, an arrow where it leaves the map, its entry in the legend.
fn draw_run<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    run: &Descent,
    shown: &OnMap,
    colour: RGBColor,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let line = shown.points.iter().copied().chain(shown.exit.map(|e| e.0));
    chart
        .draw_series(LineSeries::new(line, colour.mix(0.6).stroke_width(1)))?
        .label(label(run))
        .legend(move |(x, y)| {
            EmptyElement::at((x + 10, y))
                + PathElement::new(vec![(-10, 0), (10, 0)], colour.stroke_width(2))
                + Circle::new((0, 0), 3, colour.filled())
        });
    chart.draw_series(
        shown
            .points
            .iter()
            .map(|&p| Circle::new(p, 3, colour.filled())),
    )?;
    if let (Some(exit), Some(&from)) = (shown.exit, shown.points.last()) {
        draw_exit(chart, from, exit, colour)?;
    }
    if let Some(&start) = shown.points.first() {
        let square = Rectangle::new([(-7, -7), (7, 7)], colour.stroke_width(2));
        chart.draw_series(std::iter::once(EmptyElement::at(start) + square))?;
    }
    Ok(())
}

/// Draws `runs` as paths on the contour map of `f` over `view` into `area`, with a legend; the
/// first run gets colour number `first_colour`.
pub(super) fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &impl PlotFunction,
    runs: &[Descent],
    view: &MapView,
    caption: &str,
    first_colour: usize,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (xr, yr) = (view.x, view.y);
    let mut chart = chart_on(area, caption, Frame::Panel)
        .y_label_area_size(64)
        .build_cartesian_2d(xr.0..xr.1, yr.0..yr.1)?;
    draw_axes(&mut chart, "x0", "x1", &axis_label)?;
    draw_contours(&mut chart, |a, b| f.value(&array![a, b]))?;
    if let Some(min) = f.minimum() {
        chart.draw_series(std::iter::once(Cross::new(
            (min[0], min[1]),
            5,
            BLACK.mix(0.5).stroke_width(1),
        )))?;
    }
    for (i, run) in runs.iter().enumerate() {
        let colour = run_colour(first_colour + i);
        let shown = on_map(run.history.rows().into_iter().map(|r| (r[0], r[1])), xr, yr);
        draw_run(&mut chart, run, &shown, colour)?;
        if shown.exit.is_none()
            && let Some(&end) = shown.points.last()
        {
            chart.draw_series(std::iter::once(Cross::new(end, 8, colour.stroke_width(3))))?;
        }
    }
    draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 13)?;
    Ok(())
}

impl<F: PlotFunction> DescentFigure<F> {
    /// One coordinate: the curve of `f`, and each run's steps on it.
    fn draw_curve<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        view: &MapView,
    ) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let (x0, x1) = view.x;
        let f = |x: f64| self.f.value(&array![x]);
        let curve: Vec<Xy> = (0..=400)
            .map(|k| x0 + (x1 - x0) * k as f64 / 400.0)
            .map(|x| (x, f(x)))
            .filter(|p| p.1.is_finite())
            .collect();
        let yr = padded_range(curve.iter().map(|p| p.1), 0.08, 1e-9);
        let caption = if view.left_off {
            look::say(&pictures::STEPS_ON_PATH_OFF, &[("f", &self.f.formula())])
        } else {
            look::say(&pictures::STEPS_ON, &[("f", &self.f.formula())])
        };
        let mut chart = chart_on(area, caption, Frame::Panel)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, yr.0..yr.1)?;
        draw_axes(&mut chart, "x", "f(x)", &axis_label)?;
        chart.draw_series(LineSeries::new(curve, BLACK.mix(0.5).stroke_width(1)))?;
        for (i, run) in self.runs.iter().enumerate() {
            let colour = run_colour(i);
            let path = run
                .history
                .column(0)
                .into_iter()
                .zip(&run.values)
                .map(|(&x, &v)| (x, v));
            let shown = on_map(path, (x0, x1), yr);
            draw_run(&mut chart, run, &shown, colour)?;
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 13)?;
        Ok(())
    }
}

/// Right panel: `f` at each step of every run, on a log scale with a label at every power of
/// ten when all values are positive; a dashed line where a run's point stops moving for good.
// About 100 lines: one chart (axes, a series per run, markers, labels) drawn in order; its pieces
// share the chart.
fn draw_values<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, runs: &[Descent]) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let steps = runs.iter().map(Descent::steps).max().unwrap_or(1).max(1) as f64;
    let (lo, hi) = bounds(
        runs.iter()
            .flat_map(|r| r.values.iter().copied())
            .filter(|v| v.is_finite()),
    );
    // no finite value at all (f overflowed from the start): an empty panel that says so
    let none = lo > hi;
    let (lo, hi) = if none { (0.0, 1.0) } else { (lo, hi) };
    let log = lo > 0.0 && lo.is_finite();
    // on the log scale the chart's y coordinate is log10 f, labelled 1e<k> at whole k
    let y = |v: f64| if log { v.log10() } else { v };
    let series = |run: &Descent| -> Vec<Xy> {
        run.values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(k, &v)| (k as f64, y(v)))
            .collect()
    };
    let (y0, y1, ticks) = if log {
        // whole decades, with room so that a value near one is not drawn on the frame
        let room = 0.02 * (hi.log10() - lo.log10()).max(1.0);
        let a = (lo.log10() - room).floor();
        let b = (hi.log10() + room).ceil().max(a + 1.0);
        let decades = (b - a) as usize;
        (a, b, decades + 1)
    } else {
        let (y0, y1) = padded_range([lo, hi], 0.05, 1e-12);
        (y0, y1, 10)
    };
    let title = look::say(
        if none {
            &pictures::F_NOT_FINITE
        } else if log {
            &pictures::F_AT_EACH_STEP_LOG
        } else {
            &pictures::F_AT_EACH_STEP
        },
        &[],
    );
    let mut chart = chart_on(area, title, Frame::Panel)
        .y_label_area_size(80)
        .build_cartesian_2d(0.0..steps, y0..y1)?;
    let decade = |v: &f64| {
        if v.fract() == 0.0 {
            format!("1e{}", *v as i64)
        } else {
            String::new()
        }
    };
    if log {
        draw_axes_ticks(
            &mut chart,
            &look::say(&pictures::STEP, &[]),
            "f(x)",
            (&axis_label, 10),
            (&decade, ticks.min(40)),
        )?;
    } else {
        draw_axes(
            &mut chart,
            &look::say(&pictures::STEP, &[]),
            "f(x)",
            &axis_label,
        )?;
    }
    for (i, run) in runs.iter().enumerate() {
        chart.draw_series(LineSeries::new(series(run), run_colour(i).stroke_width(2)))?;
        if let Some(k) = frozen_from(run) {
            let colour = run_colour(i);
            chart.draw_series(DashedLineSeries::new(
                [(k as f64, y0), (k as f64, y1)],
                6,
                4,
                colour.mix(0.7).stroke_width(1),
            ))?;
            let why = if run.diagnosis.kind == DiagnosisKind::Diverged {
                &pictures::STOPS_AFTER_FAR
            } else {
                &pictures::STOPS_AFTER
            };
            let text = look::say(why, &[("k", &k)]);
            let anchor = (k as f64, y0 + 0.1 * (y1 - y0) + 0.05 * i as f64 * (y1 - y0));
            let style = (look::family(), 13).into_font().color(&colour);
            for (j, line) in text.lines().map(str::to_string).enumerate() {
                chart.draw_series(std::iter::once(
                    EmptyElement::at(anchor) + Text::new(line, (8, 16 * j as i32), style.clone()),
                ))?;
            }
        }
    }
    Ok(())
}
