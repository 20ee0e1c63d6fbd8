//! The learning curves of a training run (the book's figures 4-11 and 4-12).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{
    Draw, DrawResult, Figure, axis_label, draw_axes, draw_axes_ticks, draw_legend, run_colour,
    titled,
};
use super::{Frame, chart_on};
use scratchnet_book::Error;
use scratchnet_book::text::pictures;
use scratchnet_book::train::History;

/// A run's learning curves: left, the mini-batch loss at
/// every iteration, and over it, in a contrasting colour, the same losses smoothed by the book's
/// centred `smooth_curve` ([`scratchnet_book::util::smooth_curve`]) to show the trend through the noise of
/// random batches; right, the accuracy on the training set (solid) and the test set (dashed)
/// after each epoch, on a y axis from 0 to 1, as the book draws them, with a tick at every
/// epoch, and the final weights' accuracies ([`History::final_accuracy`]) as two dots where
/// the run ended, if that was not an epoch's measurement.
///
/// # Errors
/// [`Error::Config`] if the history has no loss to draw (the run has not started).
pub fn plot_training(history: &History, title: &str) -> Result<Figure, Error> {
    if history.loss.is_empty() {
        return Err(Error::Config {
            what: "the learning curves",
            problem: "the run has no iteration yet: train it first".into(),
        });
    }
    Ok(Figure::new(TrainingFigure {
        history: history.clone(),
        title: title.to_string(),
    }))
}

struct TrainingFigure {
    history: History,
    title: String,
}

impl TrainingFigure {
    /// Where on the epoch axis the measurement after iteration `iter` goes.
    fn epoch_of(&self, iter: usize) -> f64 {
        let epochs = &self.history.epochs;
        let per_epoch = match self.history.iters_per_epoch {
            0 if epochs.len() > 1 => epochs[1].iter.saturating_sub(epochs[0].iter).max(1),
            0 => self.history.loss.len().max(1),
            n => n,
        };
        iter as f64 / per_epoch as f64
    }

    /// The final weights' accuracies and their place on the epoch axis, unless the last epoch
    /// was measured on them.
    fn final_point(&self) -> Option<(f64, f64, f64)> {
        let last = self.history.final_accuracy?;
        let iter = last.iters.checked_sub(1)?;
        if self.history.epochs.last().is_some_and(|e| e.iter == iter) {
            return None;
        }
        Some((self.epoch_of(iter), last.train_acc, last.test_acc))
    }
}

impl Draw for TrainingFigure {
    fn size(&self) -> (u32, u32) {
        (1240, 560)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, &self.title)?;
        let (left, right) = root.split_horizontally(620);
        self.draw_loss(&left)?;
        self.draw_accuracy(&right)
    }
}

impl TrainingFigure {
    fn draw_loss<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let losses = &self.history.loss;
        let hi = losses
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
            .max(1e-9);
        let iters = losses.len().max(2) as f64;
        let mut chart = chart_on(
            area,
            look::say(&pictures::LOSS_EACH_BATCH, &[]),
            Frame::Panel,
        )
        .build_cartesian_2d(0.0..iters, 0.0..hi * 1.05)?;
        draw_axes(
            &mut chart,
            &look::say(&pictures::ITERATION, &[]),
            &look::say(&pictures::LOSS, &[]),
            &axis_label,
        )?;
        let (raw, smooth) = (run_colour(0).mix(0.3), run_colour(1).stroke_width(2));
        chart
            .draw_series(LineSeries::new(
                losses.iter().enumerate().map(|(i, &l)| (i as f64, l)),
                raw,
            ))?
            .label(look::say(&pictures::EACH_ITERATION, &[]))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], raw));
        let smoothed = scratchnet_book::util::smooth_curve(losses);
        chart
            .draw_series(LineSeries::new(
                smoothed.into_iter().enumerate().map(|(i, l)| (i as f64, l)),
                smooth,
            ))?
            .label(look::say(&pictures::SMOOTHED, &[]))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], smooth));
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight, 13)
    }

    // About 65 lines: one chart (axes, two series, labels) drawn in order.
    fn draw_accuracy<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let epochs = &self.history.epochs;
        let last_point = self.final_point();
        let end = epochs
            .iter()
            .map(|e| e.epoch as f64)
            .chain(last_point.map(|p| p.0))
            .fold(1.0, f64::max);
        let mut chart = chart_on(
            area,
            look::say(&pictures::ACCURACY_EACH_EPOCH, &[]),
            Frame::Panel,
        )
        .build_cartesian_2d(0.0..end.ceil(), 0.0..1.0)?;
        // a tick at every epoch while they fit; epochs are whole numbers, so no labels between
        let ticks = if end <= 30.0 {
            end.ceil() as usize + 1
        } else {
            10
        };
        let whole = |v: &f64| {
            if v.fract() == 0.0 {
                axis_label(v)
            } else {
                String::new()
            }
        };
        draw_axes_ticks(
            &mut chart,
            &look::say(&pictures::EPOCH, &[]),
            &look::say(&pictures::ACCURACY, &[]),
            (&whole, ticks),
            (&axis_label, 10),
        )?;
        let (train, test) = (run_colour(0).stroke_width(2), run_colour(1).stroke_width(2));
        let points = |acc: fn(f64, f64) -> f64| {
            epochs
                .iter()
                .map(|e| (e.epoch as f64, acc(e.train_acc, e.test_acc)))
                .chain(last_point.map(|(x, tr, te)| (x, acc(tr, te))))
                .collect::<Vec<_>>()
        };
        chart
            .draw_series(LineSeries::new(points(|tr, _| tr), train))?
            .label(look::say(&pictures::TRAIN_ACC, &[]))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], train));
        chart
            .draw_series(DashedLineSeries::new(points(|_, te| te), 8, 5, test))?
            .label(look::say(&pictures::TEST_ACC, &[]))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], test));
        if let Some((x, tr, te)) = last_point {
            let iters = self.history.final_accuracy.map_or(0, |f| f.iters);
            let dot = BLACK.filled();
            chart
                .draw_series([tr, te].map(|y| Circle::new((x, y), 4, dot)))?
                .label(look::say(&pictures::FINAL_WEIGHTS, &[("iters", &iters)]))
                .legend(move |(x, y)| Circle::new((x + 10, y), 4, dot));
        }
        draw_legend(&mut chart, SeriesLabelPosition::LowerRight, 13)
    }
}
