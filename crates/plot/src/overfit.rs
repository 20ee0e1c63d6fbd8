//! Chapter 6's overfitting (the book's `overfit_weight_decay.py` and `overfit_dropout.py`,
//! figures 6-20, 6-21 and 6-23): the accuracy on the training and the test images at each
//! epoch, one panel per run.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{
    Draw, DrawResult, Figure, Frame, axis_label, chart_on, draw_axes_ticks, draw_legend,
    run_colour, titled,
};
use scratchnet_book::Error;
use scratchnet_book::experiments::{OVERFIT_TRAIN_SIZE, OverfitRun};
use scratchnet_book::text::{pictures, words};

/// Each run's training accuracy (circles, the book's `marker='o'`) and test accuracy (squares,
/// `marker='s'`) over the epochs, on a y axis from 0 to 1, as the book draws them, a marker
/// every 10 epochs (every epoch for a short run); runs side by side, left first, on the same
/// axes, each titled with its cure and the gap between its two curves at the end. Figure 6-23
/// shows the run without Dropout beside the run with it; give the two runs to compare.
///
/// # Errors
/// [`Error::Config`] if there is no run, or a run has no epoch to draw.
///
/// ```
/// use scratchnet_book::experiments::{OverfitRun, Regularization};
/// use scratchnet_plot::plot_overfit;
/// let run = |lambda, test| OverfitRun {
///     regularization: Regularization::WeightDecay { lambda },
///     train_acc_list: vec![0.1, 0.6, 1.0],
///     test_acc_list: vec![0.1, 0.5, test],
/// };
/// let svg = plot_overfit(&[run(0.0, 0.7), run(0.1, 0.8)])?.svg()?;
/// assert!(svg.contains("no weight decay") && svg.contains("weight decay λ = 0.1"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_overfit(runs: &[OverfitRun]) -> Result<Figure, Error> {
    if runs.is_empty() || runs.iter().any(|r| r.epochs() == 0) {
        return Err(Error::Config {
            what: "the overfitting figure",
            problem: "give at least one run with an epoch measured".into(),
        });
    }
    Ok(Figure::new(OverfitFigure {
        runs: runs.to_vec(),
    }))
}

struct OverfitFigure {
    runs: Vec<OverfitRun>,
}

impl Draw for OverfitFigure {
    fn size(&self) -> (u32, u32) {
        (
            if self.runs.len() > 1 {
                760 * self.runs.len() as u32
            } else {
                900
            },
            600,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let first = self.runs[0].regularization;
        // the book's figures of these runs: 6-20 and 6-21, or 6-23 for both
        let mut figures: Vec<&str> = self
            .runs
            .iter()
            .map(|r| r.regularization.figure())
            .collect();
        figures.dedup();
        let title = look::say(
            &pictures::OVERFIT_TITLE,
            &[
                ("script", &first.script()),
                ("train", &OVERFIT_TRAIN_SIZE),
                ("figure", &figures.join(", ")),
            ],
        );
        let area = titled(root, &title)?;
        let panels = area.split_evenly((1, self.runs.len()));
        let end = self.runs.iter().map(OverfitRun::epochs).max().unwrap_or(1);
        for (panel, run) in panels.iter().zip(&self.runs) {
            draw_run(panel, run, end)?;
        }
        Ok(())
    }
}

/// One run's panel, its x axis to `end` epochs.
fn draw_run<DB: DrawingBackend>(
    panel: &DrawingArea<DB, Shift>,
    run: &OverfitRun,
    end: usize,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let cure = words::regularization(run.regularization).say(look::lang());
    let gap = run.gap().map_or_else(String::new, |g| format!("{g:.3}"));
    let caption = look::say(&pictures::OVERFIT_PANEL, &[("cure", &cure), ("gap", &gap)]);
    let last = (end.max(2) - 1) as f64;
    let mut chart =
        chart_on(panel, caption, Frame::Panel).build_cartesian_2d(0.0..last, 0.0..1.0)?;
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
        (&whole, 10),
        (&axis_label, 10),
    )?;
    // the book's markevery=10, or every epoch when there are few
    let every = if run.epochs() > 40 { 10 } else { 1 };
    let points = |list: &[f64]| -> Vec<(f64, f64)> {
        list.iter()
            .enumerate()
            .map(|(i, &a)| (i as f64, a))
            .collect()
    };
    let (train, test) = (points(&run.train_acc_list), points(&run.test_acc_list));
    let (train_colour, test_colour) = (run_colour(0), run_colour(1));
    chart
        .draw_series(LineSeries::new(train.clone(), train_colour.stroke_width(2)))?
        .label(look::say(&pictures::TRAIN_ACC, &[]))
        .legend(move |(x, y)| {
            EmptyElement::at((x, y))
                + PathElement::new(vec![(0, 0), (20, 0)], train_colour.stroke_width(2))
                + Circle::new((10, 0), 4, train_colour.filled())
        });
    chart.draw_series(
        train
            .iter()
            .step_by(every)
            .map(|&p| Circle::new(p, 4, train_colour.filled())),
    )?;
    chart
        .draw_series(LineSeries::new(test.clone(), test_colour.stroke_width(2)))?
        .label(look::say(&pictures::TEST_ACC, &[]))
        .legend(move |(x, y)| {
            EmptyElement::at((x, y))
                + PathElement::new(vec![(0, 0), (20, 0)], test_colour.stroke_width(2))
                + Rectangle::new([(6, -4), (14, 4)], test_colour.filled())
        });
    chart.draw_series(test.iter().step_by(every).map(|&p| {
        EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], test_colour.filled())
    }))?;
    draw_legend(&mut chart, SeriesLabelPosition::LowerRight, 14)
}
