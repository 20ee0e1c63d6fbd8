//! Chapter 6's Batch Normalization test (the book's `batch_norm_test.py`, figure 6-19): one
//! panel per scale of the initial weights, the training accuracy with Batch Normalization
//! (solid) and without (dashed).

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::look;
use super::{Draw, DrawResult, Figure, axis_label, draw_axes_ticks, draw_legend, titled};
use scratchnet_book::Error;
use scratchnet_book::experiments::BatchNormRun;
use scratchnet_book::text::pictures;

/// Panels to a row, as the book's `plt.subplot(4, 4, i + 1)`.
const COLUMNS: usize = 4;
/// The width of the left column's tick labels and axis name, in pixels.
const Y_LABELS: u32 = 58;
/// The height of the x axis's tick labels and name, in pixels.
const X_LABELS: u32 = 46;

/// The runs of [`batch_norm_test`](scratchnet_book::experiments::batch_norm_test), one panel
/// each, four to a row, titled `W:<scale>` as the book titles them: the training accuracy at
/// each epoch with Batch Normalization (solid) and without (dashed), on a y axis from 0 to 1;
/// accuracy labels on the left column, epochs under the bottom row, the legend on the last
/// panel, as in the book's figure 6-19 (at the top left, where the curves, which start low,
/// leave room; the book puts it at the bottom right, over the dashed curve). `images` is how many training images the runs used
/// (for the title).
///
/// # Errors
/// [`Error::Config`] if there is no run, or a run without accuracies.
///
/// ```
/// use scratchnet_book::experiments::BatchNormRun;
/// use scratchnet_plot::plot_batch_norm_test;
/// let run = BatchNormRun {
///     weight_scale: 0.0001,
///     train_acc_list: vec![0.1, 0.11, 0.12],
///     bn_train_acc_list: vec![0.1, 0.3, 0.5],
/// };
/// let svg = plot_batch_norm_test(&[run], 1000)?.svg()?;
/// assert!(svg.contains("W:0.0001") && svg.contains("Normal (without BatchNorm)"));
/// assert!(svg.contains("standard deviation W (1000 images)"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_batch_norm_test(runs: &[BatchNormRun], images: usize) -> Result<Figure, Error> {
    if runs.is_empty()
        || runs
            .iter()
            .any(|r| r.train_acc_list.is_empty() || r.bn_train_acc_list.is_empty())
    {
        return Err(Error::Config {
            what: "the Batch Normalization panels",
            problem: format!(
                "they need at least one run, each with an accuracy; got {} runs",
                runs.len()
            ),
        });
    }
    Ok(Figure::new(BatchNormFigure {
        runs: runs.to_vec(),
        images,
    }))
}

/// A scale as a panel's title: three significant digits, as short as they go (`1`, `0.541`,
/// `0.0858`, `0.00737`, `0.0001`).
fn scale_label(w: f64) -> String {
    if w <= 0.0 || !w.is_finite() {
        return format!("{w}");
    }
    let digits = (2 - w.log10().floor() as i32).max(0) as usize;
    let s = format!("{w:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

struct BatchNormFigure {
    runs: Vec<BatchNormRun>,
    images: usize,
}

impl BatchNormFigure {
    fn grid(&self) -> (usize, usize) {
        let columns = self.runs.len().min(COLUMNS);
        (self.runs.len().div_ceil(columns), columns)
    }
}

impl Draw for BatchNormFigure {
    fn size(&self) -> (u32, u32) {
        let (rows, columns) = self.grid();
        // wide enough for the title, however few the panels
        (
            (Y_LABELS + 290 * columns as u32 + 16).max(1000),
            60 + X_LABELS + 210 * rows as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = look::say(&pictures::BATCH_NORM_TEST, &[("images", &self.images)]);
        let area = titled(root, &title)?;
        let (rows, columns) = self.grid();
        // every panel's plot the same size: the left column wider by its labels, the bottom
        // row taller by its
        let (width, height) = area.dim_in_pixel();
        let panel_w = (width.saturating_sub(Y_LABELS + 16)) / columns as u32;
        let panel_h = (height.saturating_sub(X_LABELS)) / rows as u32;
        let xs: Vec<u32> = (1..columns as u32)
            .map(|c| Y_LABELS + c * panel_w)
            .collect();
        let ys: Vec<u32> = (1..rows as u32).map(|r| r * panel_h).collect();
        let panels = area.split_by_breakpoints(xs, ys);
        let epochs = self
            .runs
            .iter()
            .map(|r| r.train_acc_list.len().max(r.bn_train_acc_list.len()))
            .max()
            .unwrap_or(1);
        let x_max = (epochs.max(2) - 1) as f64;
        let last = self.runs.len() - 1;
        for (i, (panel, run)) in panels.iter().zip(&self.runs).enumerate() {
            let (row, column) = (i / columns, i % columns);
            // the bottom of its column: no panel under it
            let bottom = row + 1 == rows || i + columns > last;
            let left = column == 0;
            let mut chart = ChartBuilder::on(panel);
            chart
                .caption(
                    format!("W:{}", scale_label(run.weight_scale)),
                    (look::family(), 16),
                )
                .margin(6)
                .margin_right(10)
                .x_label_area_size(if row + 1 == rows { X_LABELS } else { 22 })
                .y_label_area_size(if left { Y_LABELS } else { 0 });
            let mut chart = chart.build_cartesian_2d(0.0..x_max, 0.0..1.0)?;
            let no_label = |_: &f64| String::new();
            let whole = |v: &f64| {
                if v.fract() == 0.0 {
                    axis_label(v)
                } else {
                    String::new()
                }
            };
            let x_desc = if row + 1 == rows {
                look::say(&pictures::EPOCH, &[])
            } else {
                String::new()
            };
            let y_desc = if left {
                look::say(&pictures::ACCURACY, &[])
            } else {
                String::new()
            };
            draw_axes_ticks(
                &mut chart,
                &x_desc,
                &y_desc,
                (if bottom { &whole } else { &no_label }, 5),
                (if left { &axis_label } else { &no_label }, 5),
            )?;
            let (bn, plain) = (
                super::run_colour(0).stroke_width(2),
                super::run_colour(1).stroke_width(2),
            );
            let points = |list: &[f64]| -> Vec<(f64, f64)> {
                list.iter()
                    .enumerate()
                    .map(|(k, &a)| (k as f64, a))
                    .collect()
            };
            chart
                .draw_series(LineSeries::new(points(&run.bn_train_acc_list), bn))?
                .label(look::say(&pictures::WITH_BATCH_NORM, &[]))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], bn));
            chart
                .draw_series(DashedLineSeries::new(
                    points(&run.train_acc_list),
                    7,
                    5,
                    plain,
                ))?
                .label(look::say(&pictures::WITHOUT_BATCH_NORM, &[]))
                .legend(move |(x, y)| {
                    DashedPathElement::new(vec![(x, y), (x + 24, y)], 7, 5, plain)
                });
            if i == last {
                // where the curves are not: they start low, at the left
                draw_legend(&mut chart, SeriesLabelPosition::UpperLeft, 12)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::scale_label;
    use scratchnet_book::experiments::weight_scale_list;

    #[test]
    fn the_scales_read_in_three_digits() {
        let labels: Vec<String> = weight_scale_list().into_iter().map(scale_label).collect();
        assert_eq!(
            labels,
            [
                "1", "0.541", "0.293", "0.158", "0.0858", "0.0464", "0.0251", "0.0136", "0.00736",
                "0.00398", "0.00215", "0.00117", "0.000631", "0.000341", "0.000185", "0.0001"
            ]
        );
    }
}
