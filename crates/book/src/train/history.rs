//! What a run measures: the loss of every iteration, the accuracies once per epoch and at the
//! end, and the divergences it went on through.

use serde::{Deserialize, Serialize};

use super::DIVERGENCE_WINDOW;

/// The accuracies measured once per epoch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    /// The epoch, from 0.
    pub epoch: usize,
    /// The iteration after which it was measured, from 0.
    pub iter: usize,
    /// Accuracy on the whole training set.
    pub train_acc: f64,
    /// Accuracy on the whole test set.
    pub test_acc: f64,
    /// The loss of that iteration's mini-batch (what the book's loop holds at that point).
    pub loss: f64,
    /// The mean mini-batch loss over the iterations since the previous record (over iteration 0
    /// alone for epoch 0): a steadier figure than one batch's loss.
    #[serde(default)]
    pub mean_loss: f64,
}

impl EpochRecord {
    /// The mean of the losses of the iterations that a record at `iter` covers: the
    /// `per_epoch` iterations up to and including `iter` (just iteration 0 for the first).
    /// `losses` holds the loss of every iteration up to `iter` at least.
    #[must_use]
    pub(crate) fn mean_loss_of(losses: &[f64], iter: usize, per_epoch: usize) -> f64 {
        let covered = &losses[iter.saturating_sub(per_epoch.max(1) - 1)..=iter];
        covered.iter().sum::<f64>() / covered.len() as f64
    }
}

/// The accuracies of the weights a run ended with, measured after its last iteration. The
/// book measures once per epoch, right after the first iteration of each; unless the last
/// iteration is such an iteration, the last epoch's accuracies belong to older weights.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinalAccuracy {
    /// Iterations the weights have taken.
    pub iters: usize,
    /// Accuracy on the whole training set.
    pub train_acc: f64,
    /// Accuracy on the whole test set.
    pub test_acc: f64,
}

impl FinalAccuracy {
    /// The accuracies of the weights after `iters` iterations: the last epoch's if it was
    /// measured on them (after iteration `iters − 1`), else `(train, test)` from `measure`.
    pub(crate) fn after(
        iters: usize,
        epochs: &[EpochRecord],
        measure: impl FnOnce() -> (f64, f64),
    ) -> Self {
        let (train_acc, test_acc) = match epochs.last() {
            Some(e) if e.iter + 1 == iters => (e.train_acc, e.test_acc),
            _ => measure(),
        };
        FinalAccuracy {
            iters,
            train_acc,
            test_acc,
        }
    }
}

/// Everything measured during a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The mini-batch loss after each iteration.
    pub loss: Vec<f64>,
    /// One record per epoch.
    pub epochs: Vec<EpochRecord>,
    /// Iterations per epoch (`train size / batch size`); 0 if not known.
    #[serde(default)]
    pub iters_per_epoch: usize,
    /// The final weights' accuracies, once the run has finished all its iterations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_accuracy: Option<FinalAccuracy>,
    /// Where the loss diverged and the run went on (see [`spike_threshold`](super::spike_threshold)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divergences: Vec<Divergence>,
}

/// A stretch of a run where the loss diverged: it jumped above [`spike_threshold`](super::spike_threshold) and the
/// [`DIVERGENCE_WINDOW`] losses after it averaged [`recovery_threshold`](super::recovery_threshold) or more. A warning:
/// the learning rate is probably too large. Stretches that follow one another make one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    /// The iteration of the spike.
    pub iter: usize,
    /// Its loss.
    pub loss: f64,
    /// The mean loss over the window after the spike (the first window, if several follow).
    pub mean_after: f64,
    /// The last iteration of the last window judged.
    pub until: usize,
}

impl Divergence {
    /// Records the verdict of the window ending at `until` after a spike at `iter` with mean
    /// `mean_after`: it extends the last divergence if it follows it (the new spike no more
    /// than a window after its end), else it is a new one, returned.
    pub(crate) fn record(
        history: &mut History,
        iter: usize,
        mean_after: f64,
        until: usize,
    ) -> Option<&Divergence> {
        if let Some(last) = history.divergences.last_mut()
            && iter <= last.until + DIVERGENCE_WINDOW
        {
            last.until = until;
            return None;
        }
        history.divergences.push(Divergence {
            iter,
            loss: history.loss[iter],
            mean_after,
            until,
        });
        history.divergences.last()
    }
}
