//! Chapter 6's hyperparameter search (the book's `hyperparameter_optimization.py`, figure
//! 6-24): the learning curves of the best trials, five to a row.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{Draw, DrawResult, Figure, axis_label, draw_legend, run_colour, titled};
use scratchnet_book::Error;
use scratchnet_book::experiments::{GRAPH_DRAW_NUM, Trial};
use scratchnet_book::text::pictures;

/// Panels in a row, as the book's `col_num`.
const COLUMNS: usize = 5;

/// The best trials' accuracies over the epochs as figure 6-24 draws them: `trials` best first
/// (as [`hyperparameter_optimization`](scratchnet_book::experiments::hyperparameter_optimization)
/// returns them), the first 20 (`graph_draw_num`) in rows of 5, each titled `Best-k` with its
/// learning rate and weight decay; the validation accuracy solid, the training accuracy
/// dashed, y from 0 to 1 (its ticks on the first panel of a row), no ticks on the epoch axis.
/// `trials` is the number of trials run, for the title.
///
/// # Errors
/// [`Error::Config`] if there is no trial, or a trial has no epoch to draw.
///
/// ```
/// use scratchnet_book::experiments::Trial;
/// use scratchnet_plot::plot_hyperparameter_optimization;
/// let trial = |trial, lr| Trial {
///     trial, lr, weight_decay: 1e-6,
///     val_acc_list: vec![0.1, 0.5, 0.7], train_acc_list: vec![0.1, 0.6, 0.8],
/// };
/// let svg = plot_hyperparameter_optimization(&[trial(2, 0.008), trial(1, 1e-5)], 2)?.svg()?;
/// assert!(svg.contains("Best-1") && svg.contains("Best-2"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_hyperparameter_optimization(trials: &[Trial], run: usize) -> Result<Figure, Error> {
    if trials.is_empty() || trials.iter().any(|t| t.val_acc_list.is_empty()) {
        return Err(Error::Config {
            what: "the hyperparameter search's figure",
            problem: "give at least one trial with an epoch measured".into(),
        });
    }
    Ok(Figure::new(SearchFigure {
        trials: trials[..trials.len().min(GRAPH_DRAW_NUM)].to_vec(),
        run,
    }))
}

struct SearchFigure {
    trials: Vec<Trial>,
    run: usize,
}

impl SearchFigure {
    fn rows(&self) -> usize {
        self.trials.len().div_ceil(COLUMNS)
    }
}

/// A number in a panel's title: 3 significant digits, scientific below 0.001 (`0.00612`,
/// `2.35e-7`).
fn short(v: f64) -> String {
    if v.abs() >= 1e-3 {
        let decimals = (2 - v.abs().log10().floor() as i32).max(0) as usize;
        let s = format!("{v:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    } else {
        let s = format!("{v:.2e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, ""));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        format!("{mantissa}e{exp}")
    }
}

impl Draw for SearchFigure {
    fn size(&self) -> (u32, u32) {
        (1500, 70 + 250 * self.rows() as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let epochs = self
            .trials
            .iter()
            .map(|t| t.val_acc_list.len())
            .max()
            .unwrap_or(1);
        let title = look::say(
            &pictures::SEARCH_TITLE,
            &[
                ("shown", &self.trials.len()),
                ("trials", &self.run),
                ("epochs", &epochs),
            ],
        );
        let area = titled(root, &title)?;
        let panels = area.split_evenly((self.rows(), COLUMNS));
        let last = (epochs.max(2) - 1) as f64;
        for (k, (panel, trial)) in panels.iter().zip(&self.trials).enumerate() {
            let caption = look::say(
                &pictures::SEARCH_PANEL,
                &[
                    ("k", &(k + 1)),
                    ("lr", &short(trial.lr)),
                    ("weight_decay", &short(trial.weight_decay)),
                ],
            );
            let first_column = k % COLUMNS == 0;
            let mut chart = ChartBuilder::on(panel)
                .caption(caption, (look::family(), 15))
                .margin(8)
                .x_label_area_size(6)
                .y_label_area_size(if first_column { 36 } else { 6 })
                .build_cartesian_2d(0.0..last, 0.0..1.0)?;
            let no_labels = |_: &f64| String::new();
            let y_label: &dyn Fn(&f64) -> String = if first_column {
                &axis_label
            } else {
                &no_labels
            };
            chart
                .configure_mesh()
                .x_labels(0)
                .y_labels(if first_column { 6 } else { 0 })
                .light_line_style(WHITE.mix(0.0))
                .bold_line_style(BLACK.mix(0.08))
                .label_style((look::family(), 12))
                .y_label_formatter(y_label)
                .draw()?;
            let points = |list: &[f64]| -> Vec<(f64, f64)> {
                list.iter()
                    .enumerate()
                    .map(|(i, &a)| (i as f64, a))
                    .collect()
            };
            let (val, train) = (run_colour(0).stroke_width(2), run_colour(1).stroke_width(2));
            chart
                .draw_series(LineSeries::new(points(&trial.val_acc_list), val))?
                .label(look::say(&pictures::VAL_ACC, &[]))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], val));
            chart
                .draw_series(DashedLineSeries::new(
                    points(&trial.train_acc_list),
                    6,
                    4,
                    train,
                ))?
                .label(look::say(&pictures::TRAIN_ACC, &[]))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], train));
            if k == 0 {
                draw_legend(&mut chart, SeriesLabelPosition::LowerRight, 12)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn titles_say_three_digits() {
        assert_eq!(short(0.00612345), "0.00612");
        assert_eq!(short(0.0458), "0.0458");
        assert_eq!(short(2.3456e-7), "2.35e-7");
        assert_eq!(short(5.0006e-7), "5e-7");
        assert_eq!(short(0.0034), "0.0034");
    }
}
