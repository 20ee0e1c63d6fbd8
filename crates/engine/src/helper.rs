//! The second core's share of a training on the fast path.
//!
//! A step of the book's network is too short (`bench/RESULTS.md`) to split between two cores: they
//! would spend more time handing the weights back and forth than computing. So the main thread
//! takes every step (on wide layers and large batches, the first layer's passes are split
//! between the cores, [`net`](super::net)), and a helper thread does the work around the steps:
//!
//! - it gathers the next mini-batches ahead ([`PixelGroups::fill`]: fetching 100 random images from
//!   memory and turning them around group of pixels by group, a fifth of a step), a few
//!   iterations in advance;
//! - it measures the accuracy on the 70,000 images each epoch, on a copy of the weights taken
//!   when the measurement was asked for, while the main thread goes on training.
//!
//! Neither changes a number: a batch depends only on the iteration (its images come from the
//! seed, `TrainConfig::batch_indices`), and the accuracy of a copy is that of the weights it copied. The
//! helper gives the batches priority: between two runs of 100 images of a measurement it looks
//! for a batch to gather.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::Scope;
use std::time::{Duration, Instant};

use super::TrainingData;
use super::images::PixelGroups;
use super::net::{SparseNet, Workspace};
use crate::Real;
use scratchnet_book::data::mnist::PIXELS;

/// Mini-batches gathered ahead of the main thread.
const AHEAD: usize = 3;

/// What the main thread asks of the helper.
enum Job<T: Real> {
    /// Gather the next iteration's mini-batch into this buffer.
    Fill(PixelGroups<T>),
    /// Count the images of both sets these weights classify right.
    Evaluate(Box<SparseNet<T>>),
}

/// The main thread's end of the helper: dropping it ends the helper thread.
pub(super) struct Helper<T: Real> {
    jobs: Sender<Job<T>>,
    batches: Receiver<PixelGroups<T>>,
    counts: Receiver<[usize; 2]>,
    /// Whether a measurement is under way on the helper's core.
    measuring: Arc<AtomicBool>,
}

impl<T: Real> Helper<T> {
    /// Starts a helper in `scope` that gathers the mini-batches of iterations
    /// `iters` (a range), in order; `batch(i)` is the training images of iteration `i`.
    pub(super) fn spawn<'scope, 'env: 'scope>(
        scope: &'scope Scope<'scope, 'env>,
        batch: &'env (dyn Fn(usize) -> Vec<usize> + Sync),
        data: &'env TrainingData<'env>,
        iters: std::ops::Range<usize>,
    ) -> Self {
        let (jobs, job_queue) = channel();
        let (batch_out, batches) = channel();
        let (count_out, counts) = channel();
        let measuring = Arc::new(AtomicBool::new(false));
        for _ in 0..AHEAD {
            jobs.send(Job::Fill(PixelGroups::empty(PIXELS)))
                .expect("the helper's queue is open");
        }
        let done = Arc::clone(&measuring);
        scope.spawn(move || {
            work(batch, data, iters, job_queue, batch_out, (count_out, done));
        });
        Helper {
            jobs,
            batches,
            counts,
            measuring,
        }
    }

    /// Puts the next iteration's mini-batch, gathered, into `batch`; the one that was there
    /// goes back to be refilled.
    ///
    /// # Panics
    /// If the helper thread panicked.
    pub(super) fn next_batch(&self, batch: &mut PixelGroups<T>) {
        let next = self.batches.recv().expect("the helper thread ended");
        let used = std::mem::replace(batch, next);
        // an error means the helper ended: the recv above reports it the next time
        let _ = self.jobs.send(Job::Fill(used));
    }

    /// Starts counting the images `net` classifies right, in both sets.
    pub(super) fn evaluate(&self, net: &SparseNet<T>) {
        self.measuring.store(true, Ordering::Relaxed);
        let _ = self.jobs.send(Job::Evaluate(Box::new(net.clone())));
    }

    /// Whether the helper's core is busy measuring: a step split between two cores would then
    /// wait for it.
    pub(super) fn is_measuring(&self) -> bool {
        self.measuring.load(Ordering::Relaxed)
    }

    /// The counts of the training and test images classified right, once the measurement asked
    /// for last is done.
    ///
    /// # Panics
    /// If the helper thread panicked.
    pub(super) fn counts(&self) -> [usize; 2] {
        self.counts.recv().expect("the helper thread ended")
    }
}

/// A measurement under way: the runs of both sets, one at a time.
struct Evaluation<T: Real> {
    net: Box<SparseNet<T>>,
    workspace: Workspace<T>,
    batch: PixelGroups<T>,
    /// The next run, counting the training set's runs first.
    next: usize,
    /// Images classified right so far, in the training and the test set.
    counts: [usize; 2],
}

impl<T: Real> Evaluation<T> {
    fn new(net: Box<SparseNet<T>>) -> Self {
        Evaluation {
            workspace: Workspace::new(&net),
            batch: PixelGroups::empty(PIXELS),
            net,
            next: 0,
            counts: [0; 2],
        }
    }

    /// Counts one more run; the counts once all are done.
    fn advance(&mut self, data: &TrainingData) -> Option<[usize; 2]> {
        let sets = [
            (&data.train_runs, &data.mnist.train.labels),
            (&data.test_runs, &data.mnist.test.labels),
        ];
        let mut k = self.next;
        for (set, (runs, labels)) in sets.into_iter().enumerate() {
            if let Some(run) = runs.get(k) {
                let labels = labels.as_slice().expect("standard layout");
                self.counts[set] +=
                    self.net
                        .count_correct_run(run, labels, &mut self.batch, &mut self.workspace);
                self.next += 1;
                return None;
            }
            k -= runs.len();
        }
        Some(self.counts)
    }
}

/// The helper thread: gathers batches when there is a buffer for one, measures in between.
fn work<T: Real>(
    batch_of: &(dyn Fn(usize) -> Vec<usize> + Sync),
    data: &TrainingData,
    iters: std::ops::Range<usize>,
    jobs: Receiver<Job<T>>,
    batches: Sender<PixelGroups<T>>,
    (counts, measuring): (Sender<[usize; 2]>, Arc<AtomicBool>),
) {
    let mut next_iter = iters.start;
    let mut evaluation: Option<Evaluation<T>> = None;
    loop {
        let job = match &mut evaluation {
            None => match wait(&jobs) {
                Some(job) => job,
                None => return,
            },
            Some(e) => match jobs.try_recv() {
                Ok(job) => job,
                Err(TryRecvError::Empty) => {
                    if let Some(done) = e.advance(data) {
                        evaluation = None;
                        measuring.store(false, Ordering::Relaxed);
                        if counts.send(done).is_err() {
                            return;
                        }
                    }
                    continue;
                }
                Err(TryRecvError::Disconnected) => return,
            },
        };
        match job {
            Job::Fill(mut batch) => {
                if next_iter < iters.end {
                    batch.fill(&data.train, &batch_of(next_iter));
                    next_iter += 1;
                    if batches.send(batch).is_err() {
                        return;
                    }
                }
            }
            Job::Evaluate(net) => evaluation = Some(Evaluation::new(net)),
        }
    }
}

/// The next job, or `None` once the main thread is gone. Jobs come every step while a
/// training runs: the helper watches for one for a while (about as long as a step) before it
/// sleeps, so that the main thread need not wake it up (a call into the kernel) every step.
fn wait<T: Real>(jobs: &Receiver<Job<T>>) -> Option<Job<T>> {
    let watching = Instant::now();
    while watching.elapsed() < WATCH {
        match jobs.try_recv() {
            Ok(job) => return Some(job),
            Err(TryRecvError::Empty) => std::hint::spin_loop(),
            Err(TryRecvError::Disconnected) => return None,
        }
    }
    jobs.recv().ok()
}

/// How long the helper watches for a job before it sleeps.
const WATCH: Duration = Duration::from_micros(200);
