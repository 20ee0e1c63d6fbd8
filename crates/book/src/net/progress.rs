//! How far a numerical gradient is: the book's takes two forward passes per parameter, 79,520
//! for its 784-50-10 network, half a minute for one mini-batch of 100. Whoever waits for it
//! hears how many parameters are done, and may ask it to give up.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

/// Reports how many of a gradient's parameters are done, through a callback `report(done,
/// total)` that may answer [`ControlFlow::Break`] to abandon the gradient. It is called when
/// the gradient starts (`done` 0), then at most once per [`interval`](GradientProgress::interval)
/// (100 ms unless given), and when it ends (`done == total`); `done` never goes down.
///
/// A gradient that is abandoned leaves its network exactly as it found it (every parameter it
/// nudged is restored first) and returns `None`.
///
/// ```
/// use std::ops::ControlFlow;
/// use std::time::Duration;
/// use scratchnet_book::net::{GradientProgress, Network};
/// use scratchnet_book::{Activation, TwoLayerNet};
/// use scratchnet_book::ndarray::array;
/// let mut net = TwoLayerNet::new(3, 2, 2, 0.1, Activation::Sigmoid, 1);
/// let before = net.clone();
/// let x = array![[0.1, 0.5, 0.9]];
/// // every parameter reported (interval 0): 3·2 + 2 + 2·2 + 2 = 14
/// let mut seen = Vec::new();
/// let mut report = |done, total| {
///     seen.push((done, total));
///     ControlFlow::Continue(())
/// };
/// let mut progress = GradientProgress::with_interval(Duration::ZERO, &mut report);
/// let grads = net.numerical_gradient_watched(x.view(), (&[1]).into(), &mut progress);
/// assert!(grads.is_some());
/// assert_eq!(seen.first(), Some(&(0, 14)));
/// assert_eq!(seen.last(), Some(&(14, 14)));
/// // asked to stop after 5 parameters: no gradient, and the weights as they were
/// let mut stop = |done, _| match done {
///     0..5 => ControlFlow::Continue(()),
///     _ => ControlFlow::Break(()),
/// };
/// let mut progress = GradientProgress::with_interval(Duration::ZERO, &mut stop);
/// assert!(net.numerical_gradient_watched(x.view(), (&[1]).into(), &mut progress).is_none());
/// assert_eq!(net, before);
/// ```
pub struct GradientProgress<'a> {
    report: &'a mut dyn FnMut(usize, usize) -> ControlFlow<()>,
    interval: Duration,
    total: usize,
    /// When the last report was made; `None` before [`start`](GradientProgress::start).
    last: Option<Instant>,
}

impl std::fmt::Debug for GradientProgress<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GradientProgress")
            .field("interval", &self.interval)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

impl<'a> GradientProgress<'a> {
    /// The time between two reports: 100 ms, ten a second, as often as the playground's page
    /// draws.
    pub const INTERVAL: Duration = Duration::from_millis(100);

    /// Reports through `report(done, total)` at most every [`INTERVAL`](Self::INTERVAL). Making
    /// one costs nothing (no clock is read until [`start`](Self::start)): the driver makes one
    /// for every step, whether the step computes a numerical gradient or not.
    pub fn new(report: &'a mut dyn FnMut(usize, usize) -> ControlFlow<()>) -> Self {
        Self::with_interval(Self::INTERVAL, report)
    }

    /// Reports at most every `interval` (`Duration::ZERO`: after every parameter).
    pub fn with_interval(
        interval: Duration,
        report: &'a mut dyn FnMut(usize, usize) -> ControlFlow<()>,
    ) -> Self {
        GradientProgress {
            report,
            interval,
            total: 0,
            last: None,
        }
    }

    /// The time between two reports.
    #[must_use]
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// The parameters of the gradient being computed (0 before [`start`](Self::start)).
    #[must_use]
    pub fn total(&self) -> usize {
        self.total
    }

    /// A gradient of `total` parameters starts: reports `(0, total)`.
    pub fn start(&mut self, total: usize) -> ControlFlow<()> {
        self.total = total;
        self.report(0)
    }

    /// `done` parameters are done: reports them if the interval has passed since the last
    /// report (one reading of the clock otherwise, some 20 ns).
    pub fn at(&mut self, done: usize) -> ControlFlow<()> {
        if self.last.is_some_and(|last| last.elapsed() < self.interval) {
            return ControlFlow::Continue(());
        }
        self.report(done)
    }

    /// Every parameter is done: reports `(total, total)`.
    pub fn finish(&mut self) -> ControlFlow<()> {
        self.report(self.total)
    }

    /// Reports `done` now, whenever the last report was.
    pub fn report(&mut self, done: usize) -> ControlFlow<()> {
        self.last = Some(Instant::now());
        (self.report)(done, self.total)
    }
}
