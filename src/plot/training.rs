//! The learning curves of a training run (the book's figures 4-11 and 4-12).

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{DrawResult, Figure, axis_label, draw_axes, draw_legend, run_colour, save, titled};
use crate::Error;
use crate::train::History;

/// Draws a run's learning curves into `path` (`.png` or `.svg`): left, the mini-batch loss at
/// every iteration (with its moving average over 100 iterations, to see the trend through the
/// noise of random batches); right, the accuracy on the training set (solid) and the test set
/// (dashed) after each epoch, on a y axis from 0 to 1, as the book draws them.
///
/// # Errors
/// [`Error::Plot`] if the picture cannot be written (no file is left behind).
pub fn plot_training(path: &Path, history: &History, title: &str) -> Result<(), Error> {
    save(&TrainingFigure { history, title }, path)
}

struct TrainingFigure<'a> {
    history: &'a History,
    title: &'a str,
}

impl Figure for TrainingFigure<'_> {
    fn size(&self) -> (u32, u32) {
        (1240, 560)
    }

    // Over 80 lines: one statement per element of the figure, in drawing order; split, the
    // pieces would pass the chart and its ranges around.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, self.title)?;
        let (left, right) = root.split_horizontally(620);
        let losses = &self.history.loss;
        let hi = losses
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
            .max(1e-9);
        let iters = losses.len().max(2) as f64;
        let mut chart = ChartBuilder::on(&left)
            .caption("loss on each mini-batch", ("sans-serif", 17))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(56)
            .build_cartesian_2d(0.0..iters, 0.0..hi * 1.05)?;
        draw_axes(&mut chart, "iteration", "loss", &axis_label)?;
        let raw = run_colour(0);
        chart
            .draw_series(LineSeries::new(
                losses.iter().enumerate().map(|(i, &l)| (i as f64, l)),
                raw.mix(0.35),
            ))?
            .label("each iteration")
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], raw.mix(0.35)));
        let window = 100.min(losses.len()).max(1);
        let smooth: Vec<(f64, f64)> = losses
            .windows(window)
            .enumerate()
            .map(|(i, w)| {
                (
                    (i + window - 1) as f64,
                    w.iter().sum::<f64>() / window as f64,
                )
            })
            .collect();
        chart
            .draw_series(LineSeries::new(smooth, raw.stroke_width(2)))?
            .label(format!("mean of the last {window}"))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], raw.stroke_width(2)));
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 13)?;

        let epochs = &self.history.epochs;
        let last = epochs.len().max(2) as f64 - 1.0;
        let mut chart = ChartBuilder::on(&right)
            .caption("accuracy after each epoch", ("sans-serif", 17))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(56)
            .build_cartesian_2d(0.0..last, 0.0..1.0)?;
        // epochs are whole numbers: no tick labels between them
        let whole = |v: &f64| {
            if v.fract() == 0.0 {
                axis_label(v)
            } else {
                String::new()
            }
        };
        draw_axes(&mut chart, "epoch", "accuracy", &whole)?;
        let (train, test) = (run_colour(0), run_colour(1));
        chart
            .draw_series(LineSeries::new(
                epochs.iter().map(|e| (e.epoch as f64, e.train_acc)),
                train.stroke_width(2),
            ))?
            .label("train acc")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], train.stroke_width(2))
            });
        chart
            .draw_series(DashedLineSeries::new(
                epochs.iter().map(|e| (e.epoch as f64, e.test_acc)),
                8,
                5,
                test.stroke_width(2),
            ))?
            .label("test acc")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], test.stroke_width(2))
            });
        draw_legend(&mut chart, SeriesLabelPosition::LowerRight, 13)?;
        Ok(())
    }
}
