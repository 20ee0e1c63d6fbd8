//! Pictures: descent paths on a contour map, the gradient field, the tangent line, learning
//! curves, a digit and its prediction.
//!
//! Each function checks its inputs and returns a [`Figure`]: [`Figure::save`] writes it as a
//! `.png` or `.svg` file (after the extension, replaced only when complete), and in a Jupyter
//! notebook a cell whose last value is a figure shows it under the cell
//! ([`Figure::evcxr_display`]). The function to draw may be a built-in
//! [`Landscape`](scratchnet_book::Landscape) or your own closure or `fn` ([`PlotFunction`]).
//!
//! PNG text is drawn with the DejaVu Sans font embedded in the program, so pictures render the
//! same on a bare machine without system fonts. The font is handed to the plotting library at
//! every drawing, so no call depends on an earlier one: a notebook, where each cell links its
//! own copy of the crate, keeps no state between cells.
//!
//! ```
//! use scratchnet_book::ndarray::Array1;
//! use scratchnet_book::gradient_field;
//! use scratchnet_plot::plot_gradient_field;
//! let saddle = |x: &Array1<f64>| x[0] * x[0] - x[1] * x[1]; // a function of your own
//! let field = gradient_field(saddle, -2.0, 2.5, 0.25);
//! let figure = plot_gradient_field(saddle, &field, "−∇f of x0² − x1²")?;
//! let dir = tempfile::tempdir().unwrap();
//! figure.save(dir.path().join("saddle.svg"))?;
//! figure.save(dir.path().join("saddle.png"))?;
//! # Ok::<(), scratchnet_book::Error>(())
//! ```

mod batch_norm;
mod compare;
mod contour;
mod descent;
mod digit;
mod field;
mod figure;
mod filters;
mod function;
mod graph;
mod histogram;
mod init_compare;
mod look;
mod overfit;
mod search;
mod tangent;
mod training;

use std::path::Path;

use plotters::coord::Shift;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::prelude::*;
use plotters::style::FontStyle;

use scratchnet_book::Error;

pub use batch_norm::plot_batch_norm_test;
pub use compare::{plot_compare, plot_loss_curves};
pub use contour::{contour_levels, contour_segments};
pub use descent::plot_descent;
pub use digit::plot_digit;
pub use field::plot_gradient_field;
pub use figure::{Figure, NOTEBOOK_SVG_LIMIT};
pub use filters::{plot_feature_maps, plot_filters, plot_misclassified};

pub use function::PlotFunction;
pub use graph::plot_graph;
pub use histogram::plot_activation_histogram;
pub use init_compare::plot_weight_init_compare;
pub use overfit::plot_overfit;
pub use search::plot_hyperparameter_optimization;
pub use tangent::plot_tangent;
pub use training::plot_training;

use figure::Draw;

/// What a drawing function returns: plotters' errors differ by backend, so they are boxed.
type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// A picture's format: from its file's name (`.png`, `.svg`), or given for a name that does not
/// say it (`/dev/stdout`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A PNG image.
    Png,
    /// An SVG drawing.
    Svg,
}

impl Format {
    /// The format a file name says, if it ends in `.png` or `.svg` (in any case).
    ///
    /// ```
    /// use scratchnet_plot::Format;
    /// assert_eq!(Format::of("curves.PNG".as_ref()), Some(Format::Png));
    /// assert_eq!(Format::of("/dev/stdout".as_ref()), None);
    /// ```
    #[must_use]
    pub fn of(path: &Path) -> Option<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("png") => Some(Format::Png),
            Some("svg") => Some(Format::Svg),
            _ => None,
        }
    }
}

/// Checks that `path` can take a picture of `format` (its name's, if not given): a `.png` or
/// `.svg` name, or any name with a format, that is not a directory.
fn check_target(path: &Path, format: Option<Format>) -> Result<Format, Error> {
    let fail = |reason: String| Error::Plot {
        path: path.to_path_buf(),
        reason,
        cause: None,
    };
    let Some(format) = format.or_else(|| Format::of(path)) else {
        return Err(fail(
            "the file name must end in .png or .svg (or the format be given: --format)".into(),
        ));
    };
    if path.is_dir() {
        return Err(fail("it is a directory: give a file name".into()));
    }
    Ok(format)
}

/// `root` less a title band at the top, with `title` in it.
fn titled<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
) -> Result<DrawingArea<DB, Shift>, Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    Ok(root.titled(
        title,
        (look::family(), 24).into_font().style(FontStyle::Bold),
    )?)
}

/// Hands DejaVu Sans to plotters under the family name `sans-serif`, and the Korean subset
/// font under [`look::KOREAN_FAMILY`] (its one weight for bold too); false if one did not load.
fn register_fonts() -> bool {
    use plotters::style::register_font;
    register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular()).is_ok()
        && register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold()).is_ok()
        && register_font(look::KOREAN_FAMILY, FontStyle::Normal, look::KOREAN_FONT).is_ok()
        && register_font(look::KOREAN_FAMILY, FontStyle::Bold, look::KOREAN_FONT).is_ok()
}

/// How a chart sits in its figure: alone (a bold title, wide margins), or as one panel of
/// several (a smaller title).
#[derive(Clone, Copy, Debug)]
enum Frame {
    Figure,
    Panel,
}

/// A chart on `area` titled `caption`, framed as `frame` says: every chart of the crate starts
/// here, so that they share their fonts, margins and label areas. A chart that needs a wider
/// label area sets it after.
fn chart_on<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    caption: impl AsRef<str>,
    frame: Frame,
) -> ChartBuilder<'a, 'b, DB> {
    let mut chart = ChartBuilder::on(area);
    match frame {
        Frame::Figure => chart
            .caption(
                caption,
                (look::family(), 20).into_font().style(FontStyle::Bold),
            )
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(56),
        Frame::Panel => chart
            .caption(caption, (look::family(), 17))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(56),
    };
    chart
}

/// Draws the axes of `chart` in the house style: light grid, axis names, tick labels through
/// `x_label` (x) and [`axis_label`] (y).
fn draw_axes<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    x_desc: &str,
    y_desc: &str,
    x_label: &dyn Fn(&f64) -> String,
) -> DrawResult
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    draw_axes_ticks(chart, x_desc, y_desc, (x_label, 10), (&axis_label, 10))
}

/// [`draw_axes`] with each axis's label function and about how many ticks it gets (plotters
/// picks round values; 10 is its default).
fn draw_axes_ticks<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    x_desc: &str,
    y_desc: &str,
    (x_label, x_ticks): (&dyn Fn(&f64) -> String, usize),
    (y_label, y_ticks): (&dyn Fn(&f64) -> String, usize),
) -> DrawResult
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    chart
        .configure_mesh()
        .x_labels(x_ticks)
        .y_labels(y_ticks)
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(BLACK.mix(0.08))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .axis_desc_style((look::family(), 17))
        .label_style((look::family(), 13))
        .x_label_formatter(x_label)
        .y_label_formatter(y_label)
        .draw()?;
    Ok(())
}

/// Draws the legend of `chart` in the house style at `position`, its text `size` pixels high.
fn draw_legend<'a, DB, X, Y>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
    position: SeriesLabelPosition,
    size: u32,
) -> DrawResult
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
    X: Ranged,
    Y: Ranged,
{
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.4))
        .label_font((look::family(), size))
        .draw()?;
    Ok(())
}

/// Colours for runs, one each, distinct on white and for common colour blindness (Okabe–Ito).
const RUN_COLOURS: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(0, 0, 0),
];

/// An axis range for `values`: their smallest and largest finite value, with `fraction` of the
/// span added on each side (a span below `min_span` counts as `min_span`, so that a flat line
/// still gets an axis). Values that are not finite (an overflow) are left out; with none left
/// the range is `(0, 1)`; values spread over more than the largest float (±1e308) are cut to
/// ±4.5e307, so that the axis itself stays finite.
fn padded_range(values: impl IntoIterator<Item = f64>, fraction: f64, min_span: f64) -> (f64, f64) {
    let (lo, hi) = bounds(values.into_iter().filter(|v| v.is_finite()));
    if lo > hi {
        return (0.0, 1.0);
    }
    let (lo, hi) = if (hi - lo).is_finite() {
        (lo, hi)
    } else {
        (lo.max(-f64::MAX / 4.0), hi.min(f64::MAX / 4.0))
    };
    let pad = fraction * (hi - lo).max(min_span);
    (lo - pad, hi + pad)
}

/// The smallest and largest of `values` (`(∞, −∞)` when there are none).
fn bounds(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values
        .into_iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

/// The colour of run `i`.
fn run_colour(i: usize) -> RGBColor {
    RUN_COLOURS[i % RUN_COLOURS.len()]
}

/// A number for a label: integers without decimals, else the shortest form that reads back.
fn label_number(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v.abs() >= 1e-3 && v.abs() < 1e6 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// An axis tick label: plain for moderate numbers (`0.5`, `70`), scientific otherwise (`2.5e13`).
fn axis_label(v: &f64) -> String {
    let a = v.abs();
    if a == 0.0 {
        "0".into()
    } else if (1e-3..1e5).contains(&a) {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        let s = format!("{v:.1e}");
        s.replace(".0e", "e")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_checked_before_drawing() {
        let dir = std::env::temp_dir();
        assert_eq!(check_target(&dir.join("a.PNG"), None).unwrap(), Format::Png);
        assert_eq!(check_target(&dir.join("a.svg"), None).unwrap(), Format::Svg);
        let given = Some(Format::Svg);
        assert_eq!(
            check_target(Path::new("/dev/stdout"), given).unwrap(),
            Format::Svg
        );
        let err = check_target(&dir.join("a.jpg"), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains(".png or .svg"), "{err}");
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(label_number(-3.0), "-3");
        assert_eq!(label_number(0.1), "0.1");
        assert_eq!(label_number(1e-10), "1e-10");
        assert_eq!(axis_label(&70.0), "70");
        assert_eq!(axis_label(&0.25), "0.25");
        assert_eq!(axis_label(&-2.5e13), "-2.5e13");
        assert_eq!(axis_label(&1e-14), "1e-14");
    }

    /// A learner's own function draws its own contours; a function that is not the one the
    /// runs descended is refused rather than drawn under the wrong contours.
    #[test]
    fn pictures_take_your_own_function_and_refuse_the_wrong_one() {
        let dir = tempfile::tempdir().unwrap();
        let mine = |x: &ndarray::Array1<f64>| (x[0] - 1.0).powi(2) + 3.0 * x[1] * x[1];
        let run =
            scratchnet_book::gradient_descent(mine, ndarray::array![-2.0, 1.5], 0.1, 20).unwrap();
        let ok = dir.path().join("mine.svg");
        plot_descent(mine, std::slice::from_ref(&run), "mine")
            .unwrap()
            .save(&ok)
            .unwrap();
        assert!(
            std::fs::read_to_string(&ok)
                .unwrap()
                .contains("paths on the contours of f")
        );
        let err = plot_descent(scratchnet_book::Landscape::Sphere, &[run], "wrong").unwrap_err();
        assert!(
            err.to_string().contains("not the one the runs descended"),
            "{err}"
        );
        let field = scratchnet_book::gradient_field(mine, -2.0, 2.5, 0.5);
        plot_gradient_field(mine, &field, "mine")
            .unwrap()
            .save(dir.path().join("field.png"))
            .unwrap();
        let bowl = scratchnet_book::Landscape::Bowl
            .descend(&[-7.0, 2.0], 0.9, 30)
            .unwrap();
        let err = plot_compare(mine, &[bowl], "wrong").unwrap_err();
        assert!(
            err.to_string().contains("not the one the runs descended"),
            "{err}"
        );
        let curve = |x: &ndarray::Array1<f64>| x[0].sin();
        let tangent = dir.path().join("tangent.svg");
        plot_tangent(curve, 1.0, 1f64.cos())
            .unwrap()
            .save(&tangent)
            .unwrap();
        assert!(
            std::fs::read_to_string(&tangent)
                .unwrap()
                .contains("its tangent at x = 1")
        );
        let mut empty = scratchnet_book::Landscape::Sphere
            .descend(&[1.0, 1.0], 0.1, 1)
            .unwrap();
        empty.history = ndarray::Array2::zeros((0, 2));
        let err = plot_descent(mine, &[empty], "empty").unwrap_err();
        assert!(err.to_string().contains("needs its start"), "{err}");
        let err = plot_tangent(scratchnet_book::Landscape::Sphere, 1.0, 1.0).unwrap_err();
        assert!(err.to_string().contains("one coordinate"), "{err}");
    }

    /// A wrong prediction shows the true label's bar beside the predicted one.
    #[test]
    fn a_digit_shows_the_prediction_and_the_true_label() {
        let mut p = [0.05; 10];
        (p[7], p[3]) = (0.4, 0.2);
        let svg = plot_digit(&[0; 784], &p, Some(3), "a 3 taken for a 7")
            .unwrap()
            .svg()
            .unwrap();
        assert!(svg.contains("predicted 7") && svg.contains("true label 3"));
        let svg = plot_digit(&[0; 784], &p, Some(7), "right")
            .unwrap()
            .svg()
            .unwrap();
        assert!(svg.contains("predicted 7, the true label") && !svg.contains("true label 3"));
    }
}
