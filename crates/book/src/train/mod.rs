//! Mini-batch training of a network on MNIST (the book's `ch04/train_neuralnet.py`),
//! with checkpoints that make an interrupted run end exactly where an uninterrupted one would.
//!
//! Read [`train_neuralnet`] first: the book's loop, written out (`book.rs`). [`Training`] runs
//! the same loop for the command line: it can stop and resume ([`Training::save_checkpoint`],
//! [`Training::resume`], `checkpoint.rs`), stops a run whose loss blows up, and reports
//! progress (the driver, `driver.rs`), and keeps what it measured (`history.rs`). The driver asks a [`Stepper`] for each step: the book's
//! layers ([`BookSteps`], `steps.rs`), or the engine's (`scratchnet::engine`, a crate above this
//! one), which computes the same numbers faster. The settings are [`TrainConfig`] (`config.rs`);
//! accuracies and predictions are in `accuracy.rs`.
//!
//! Each iteration draws a mini-batch of `batch_size` training images at random (with
//! replacement, as the book's `np.random.choice`), takes the gradient of the loss on it, moves
//! every parameter a step `lr` against it (stochastic gradient descent), and records the loss on
//! that batch after the step. Once per epoch (`train size / batch size` iterations, 600 for the
//! book's settings, starting with the first iteration) it measures the accuracy on the whole
//! training and test sets.
//!
//! The library never prints: progress arrives through a callback, which may also ask to stop.
//!
//! Randomness, with scratchnet's generator: the weights come from stream 0 of a ChaCha8
//! generator seeded with `seed`; the mini-batch of iteration `i` from stream `i + 1` of the same
//! seed, and its Dropout masks from stream `2⁴⁰ + i`. So a run's random state is just `(seed,
//! iteration)`. With NumPy's ([`TrainConfig::rng`]), everything is drawn in turn from one
//! MT19937, as the book's script draws it, whose whole state the checkpoint keeps. Either way,
//! resuming from a checkpoint continues the same sequence.

use std::ops::ControlFlow;

use ndarray::ArrayView2;

use crate::data::mnist::{CLASSES, Mnist, PIXELS};
use crate::net::multi_layer_extend::MultiLayerNetExtend;
use crate::net::simple_conv::SimpleConvNet;
use crate::net::{GradientProgress, Network};
use crate::optim::Optimizer;
use crate::random::numpy::RandomState;
use crate::random::{Generator, Random};
use crate::text::Lang;
use crate::{Error, TwoLayerNet};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

mod accuracy;
mod any;
mod book;
mod checkpoint;
mod claim;
mod config;
mod driver;
mod history;
mod network;
mod steps;
#[cfg(test)]
mod tests;
mod trainable;
pub mod trainer;

pub use accuracy::{accuracy, confusion_matrix, misclassified, predictions};
pub use any::AnyTraining;
pub use book::train_neuralnet;
pub use checkpoint::CHECKPOINT_FILE;
pub use claim::{Claim, DEFAULT_CHECKPOINT};
pub use config::{
    GradMethod, MAX_BATCH_SIZE, MAX_BATCH_UNITS, MAX_HIDDEN, MAX_ITERS, MAX_LAYERS,
    MultiLayerConfig, TrainConfig,
};
pub use driver::{DIVERGENCE_WINDOW, Progress, Stepper, recovery_threshold, spike_threshold};
pub use history::{Divergence, EpochRecord, FinalAccuracy, History};
pub use network::{NetworkChoice, NetworkKind};
pub use steps::BookSteps;
pub use trainable::Trainable;

/// What a run reports while it trains. Return [`ControlFlow::Break`] from the callback to stop:
/// after the current iteration, or, answering a [`Gradient`](TrainEvent::Gradient), at once,
/// the iteration in progress abandoned.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainEvent<'a> {
    /// A numerical gradient is being computed (`grad` `numerical` or `numerical-reference`:
    /// seconds to minutes per iteration): `done` of its `total` parameters are done. Reported
    /// when it starts (`done` 0), at most every 100 ms while it runs
    /// ([`GradientProgress::INTERVAL`](crate::net::GradientProgress::INTERVAL)), and when it
    /// ends (`done == total`), `done` increasing; backpropagation reports none.
    ///
    /// [`ControlFlow::Break`] in answer abandons iteration `iter`: the run stands exactly where
    /// it was before it (weights, update rule, history, [`Training::next_iter`]; the mini-batch
    /// is drawn again from `(seed, iter)` when the run resumes), and ends
    /// [`Outcome::Stopped`] with `next_iter == iter`. Resumed, it ends bit for bit where a run
    /// never stopped would.
    Gradient {
        /// The iteration whose gradient it is, from 0.
        iter: usize,
        /// The parameters done so far.
        done: usize,
        /// The network's parameters: 39,760 for 784-50-10.
        total: usize,
    },
    /// An iteration ended.
    Iteration {
        /// Its index, from 0.
        iter: usize,
        /// The mini-batch loss after the step.
        loss: f64,
    },
    /// An epoch's accuracies, or the final weights', are about to be measured: a pause of a
    /// second or so on the reference paths; the fast path measures an epoch's while the next
    /// iterations run.
    Evaluating,
    /// An epoch's accuracies were measured. The reference paths report them at once, the fast
    /// path (which measures them alongside the next iterations, on a second core when there is
    /// one) just before the next measurement starts, or when the run ends or stops.
    Epoch(&'a EpochRecord),
    /// The loss diverged, and the run goes on: a warning (see [`spike_threshold`]).
    Divergence(&'a Divergence),
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Every iteration ran.
    Finished,
    /// The callback asked to stop; `next_iter` is where a resumed run continues: the iteration
    /// after the last one that ran, or the one abandoned when the stop came during its gradient
    /// ([`TrainEvent::Gradient`]).
    Stopped {
        /// The next iteration to run.
        next_iter: usize,
    },
    /// The loss or a weight became NaN or infinite: nothing can come of more steps. Or, when
    /// [`TrainConfig::stop_on_divergence`] asks, the loss diverged (see [`spike_threshold`]).
    /// The learning rate is too large.
    Diverged {
        /// The iteration of the loss that was not finite, or of the spike.
        iter: usize,
        /// That iteration's loss.
        loss: f64,
        /// The mean loss of the [`DIVERGENCE_WINDOW`] iterations after the spike, after which
        /// the run stopped; `None` if it stopped at a loss or weight that was not finite.
        mean_after: Option<f64>,
        /// The iterations the network's weights have taken: after a loss or weight that was not
        /// finite, the network holds the last weights known finite, kept at the start of that
        /// epoch; otherwise the weights the run stopped with.
        weights_of: usize,
    },
}

impl Outcome {
    /// How the run ended, in a sentence in `lang`.
    ///
    /// ```
    /// use scratchnet_book::{text::Lang, train::Outcome};
    /// assert_eq!(Outcome::Finished.say(Lang::Ko), "학습을 마쳤습니다. 모든 반복을 실행했습니다.");
    /// ```
    pub fn say(&self, lang: Lang) -> String {
        use crate::text::training as say;
        match *self {
            Outcome::Finished => say::FINISHED.say(lang, &[]),
            Outcome::Stopped { next_iter } => say::STOPPED.say(lang, &[("next", &next_iter)]),
            Outcome::Diverged {
                iter,
                loss,
                mean_after: None,
                ..
            } => say::DIVERGED_NOT_FINITE.say(lang, &[("iter", &iter), ("loss", &loss)]),
            Outcome::Diverged {
                iter,
                loss,
                mean_after: Some(mean),
                ..
            } => say::DIVERGED_SPIKE.say(
                lang,
                &[
                    ("iter", &iter),
                    ("loss", &format!("{loss:.4}")),
                    ("mean", &format!("{mean:.4}")),
                ],
            ),
        }
    }
}

/// A training run: its settings, its network, what it has measured, and where it is. The
/// network is the book's [`TwoLayerNet`] unless another [`Trainable`] one is given
/// ([`with_network`](Training::with_network)).
#[derive(Clone, Debug, PartialEq)]
pub struct Training<N = TwoLayerNet> {
    /// The settings.
    pub config: TrainConfig,
    /// The network being trained.
    pub net: N,
    /// The update rule with the state it carries between steps.
    pub optimizer: Optimizer,
    /// Losses and accuracies so far.
    pub history: History,
    /// The next iteration to run (0 for a new run).
    pub next_iter: usize,
    /// NumPy's generator where it stands, in a run with [`Generator::Numpy`]: the initial
    /// weights were drawn from it, and each mini-batch and Dropout mask is drawn from it in
    /// turn, as the book's loop draws them. `None` with scratchnet's generator, whose draws are
    /// a function of the seed and the iteration ([`TrainConfig::batch_indices`],
    /// [`TrainConfig::dropout_random`]).
    pub stream: Option<RandomState>,
}

impl Training {
    /// A new run of the book's [`TwoLayerNet`]: initialised from `config.seed` for MNIST's 784
    /// inputs and 10 classes, with `config`'s hidden units, activation and `weight_init_std`
    /// (drawn from NumPy's generator as the book's `TwoLayerNet.__init__` draws them, with
    /// [`Generator::Numpy`]).
    ///
    /// ```
    /// use scratchnet_book::random::Generator;
    /// use scratchnet_book::train::{TrainConfig, Training};
    /// let book = Training::new(TrainConfig { rng: Generator::Numpy, ..TrainConfig::default() })?;
    /// // np.random.seed(0); 0.01 * np.random.randn(784, 50)[0, 0]
    /// assert_eq!(book.net.params.w1[[0, 0]], 0.01 * 1.764052345967664);
    /// assert!(book.stream.is_some());
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`TrainConfig::validate`].
    pub fn new(config: TrainConfig) -> Result<Self, Error> {
        config.validate()?;
        let mut stream = numpy_stream(&config);
        let net = match &mut stream {
            Some(random) => TwoLayerNet::with_random(
                PIXELS,
                config.hidden,
                CLASSES,
                config.weight_init_std,
                config.activation,
                random,
            ),
            None => TwoLayerNet::new(
                PIXELS,
                config.hidden,
                CLASSES,
                config.weight_init_std,
                config.activation,
                config.seed,
            ),
        };
        Self::assemble(config, net, stream)
    }
}

impl Training<MultiLayerNetExtend> {
    /// A new run of chapter 6's network, as [`TrainConfig::multi_layer`] describes it: the
    /// book's `MultiLayerNetExtend` for MNIST, its weights drawn from `config.seed` (as
    /// [`MultiLayerNetExtend::new`] draws them), with Batch Normalization, Dropout and weight
    /// decay if asked.
    ///
    /// ```
    /// use scratchnet_book::train::{MultiLayerConfig, TrainConfig, Training};
    /// use scratchnet_book::{Activation, net::Network};
    /// let network = MultiLayerConfig {
    ///     hidden_size_list: vec![40, 30],
    ///     use_batchnorm: true,
    ///     dropout_ratio: Some(0.2),
    ///     ..MultiLayerConfig::default()
    /// };
    /// let config = TrainConfig { activation: Activation::Relu, ..TrainConfig::default() };
    /// let training = Training::multi_layer(config.with_multi_layer(network))?;
    /// assert_eq!(training.net.describe(), "MultiLayerNetExtend 784-40-30-10 relu, Batch Norm, Dropout 0.2");
    /// // without a network of chapter 6 in the settings there is nothing to build
    /// assert!(Training::multi_layer(TrainConfig::default()).is_err());
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`TrainConfig::validate`]; [`Error::Config`] if `config.multi_layer` is `None`.
    pub fn multi_layer(config: TrainConfig) -> Result<Self, Error> {
        config.validate()?;
        let Some(network) = &config.multi_layer else {
            return Err(Error::Config {
                what: "network",
                problem: "field `multi_layer` is missing: it describes the network of chapter 6 \
                          to train (use Training::new for the TwoLayerNet)"
                    .into(),
            });
        };
        let mut stream = numpy_stream(&config);
        let (hidden, init) = (&network.hidden_size_list, network.weight_init);
        let mut net = match &mut stream {
            Some(random) => MultiLayerNetExtend::with_random(
                PIXELS,
                hidden,
                CLASSES,
                config.activation,
                init,
                random,
            ),
            None => MultiLayerNetExtend::new(
                PIXELS,
                hidden,
                CLASSES,
                config.activation,
                init,
                config.seed,
            ),
        };
        if network.use_batchnorm {
            net = net.with_batch_norm();
        }
        if let Some(ratio) = network.dropout_ratio {
            net = net.with_dropout(ratio);
        }
        net = net.with_weight_decay(network.weight_decay_lambda);
        Self::assemble(config, net, stream)
    }
}

impl Training<SimpleConvNet> {
    /// A new run of chapter 7's network, as [`TrainConfig::simple_conv`] describes it: the
    /// book's `SimpleConvNet` for MNIST's images, its weights drawn from `config.seed` (a
    /// ChaCha8 generator's normal draws), or from NumPy's generator as the book's
    /// `SimpleConvNet.__init__` draws them with [`Generator::Numpy`].
    ///
    /// ```
    /// use scratchnet_book::random::Generator;
    /// use scratchnet_book::train::{TrainConfig, Training};
    /// let config = TrainConfig { rng: Generator::Numpy, ..TrainConfig::train_convnet() };
    /// let training = Training::simple_conv(config)?;
    /// // np.random.seed(0); SimpleConvNet(): 0.01 · randn(30, 1, 5, 5)
    /// assert_eq!(training.net.w1[[0, 0, 0, 0]], 0.01 * 1.764052345967664);
    /// assert!(Training::simple_conv(TrainConfig::default()).is_err());
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`TrainConfig::validate`]; [`Error::Config`] if `config.simple_conv` is `None`.
    pub fn simple_conv(config: TrainConfig) -> Result<Self, Error> {
        config.validate()?;
        let Some(network) = config.simple_conv_net() else {
            return Err(Error::Config {
                what: "network",
                problem: "field `simple_conv` is missing: it describes the filters of chapter \
                          7's network (TrainConfig::train_convnet gives the book's)"
                    .into(),
            });
        };
        let mut stream = numpy_stream(&config);
        let net = match &mut stream {
            Some(random) => SimpleConvNet::new(&network, random),
            None => SimpleConvNet::new(&network, &mut ChaCha8Rng::seed_from_u64(config.seed)),
        };
        Self::assemble(config, net, stream)
    }
}

impl<N: Trainable> Training<N> {
    /// A new run of `net`, as it is (`config.weight_init_std` is for [`Training::new`]; `net`
    /// is initialised already).
    ///
    /// ```
    /// use scratchnet_book::net::multi_layer::{MultiLayerNet, WeightInit};
    /// use scratchnet_book::train::{TrainConfig, Training};
    /// use scratchnet_book::Activation;
    /// let config = TrainConfig { hidden: 30, activation: Activation::Relu, ..TrainConfig::default() };
    /// let net = MultiLayerNet::new(784, &[30, 30], 10, Activation::Relu, WeightInit::He, 1);
    /// let training = Training::with_network(config.clone(), net)?;
    /// // the settings must describe the network: here, 30 units in every hidden layer
    /// let other = MultiLayerNet::new(784, &[30, 20], 10, Activation::Relu, WeightInit::He, 1);
    /// assert!(Training::with_network(config, other).is_err());
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`TrainConfig::validate`]; [`Error::Config`] if `net` does not read MNIST (784
    /// inputs, 10 classes) or `config`'s `hidden` and `activation` do not describe it
    /// ([`Trainable::fits`]), or if `config` asks for NumPy's generator, which draws the
    /// network too ([`Training::new`], [`Training::multi_layer`]).
    pub fn with_network(config: TrainConfig, net: N) -> Result<Self, Error> {
        if config.rng == Generator::Numpy {
            return Err(Error::Config {
                what: "rng",
                problem: "NumPy's generator draws the network's weights first, as the book's \
                          script does: start the run with Training::new or \
                          Training::multi_layer"
                    .into(),
            });
        }
        Self::assemble(config, net, None)
    }

    /// A new run of `net`, whose weights `stream` drew (NumPy's, standing after them).
    fn assemble(config: TrainConfig, net: N, stream: Option<RandomState>) -> Result<Self, Error> {
        config.validate()?;
        fits_mnist(&net)
            .and_then(|()| net.fits(&config))
            .map_err(|problem| Error::Config {
                what: "network",
                problem,
            })?;
        let optimizer = Optimizer::new(config.optimizer)?;
        Ok(Training {
            config,
            net,
            optimizer,
            history: History::default(),
            next_iter: 0,
            stream,
        })
    }

    /// Runs the remaining iterations on `data` through the book's layers ([`BookSteps`]),
    /// reporting through `on_event`: the book's loop ([`train_neuralnet`]) with a guard against
    /// divergence and a way to stop and resume. The gradient is taken as
    /// [`TrainConfig::grad`] says: by backpropagation (`Backprop` and `BackpropReference` alike,
    /// in `f64`) or numerically, the book's way ([`Network::numerical_gradient_watched`],
    /// reporting [`TrainEvent::Gradient`]). The engine (`scratchnet::engine::run`) computes the
    /// same history faster.
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use scratchnet_book::train::{Outcome, TrainConfig, TrainEvent, Training};
    /// let mnist = scratchnet_book::Mnist::builtin();
    /// let mut training = Training::new(TrainConfig { iters: 120, ..TrainConfig::default() })?;
    /// let mut epochs = 0;
    /// let outcome = training.run(&mnist, |event| {
    ///     if let TrainEvent::Epoch(_) = event {
    ///         epochs += 1;
    ///     }
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(outcome, Outcome::Finished);
    /// assert_eq!((epochs, training.next_iter), (3, 120)); // after iterations 0, 50 and 100
    /// // the book's loop, step for step: the same history to the last bit
    /// let (_, book) = scratchnet_book::train::train_neuralnet(&mnist, &training.config)?;
    /// assert_eq!(training.history, book);
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    ///
    /// # Panics
    /// If the training set is empty.
    pub fn run(
        &mut self,
        data: &Mnist,
        on_event: impl FnMut(TrainEvent) -> ControlFlow<()>,
    ) -> Outcome {
        let config = self.config.clone();
        let pixels = config.pixel_scale();
        let (progress, net, optimizer) = self.parts();
        let gradient =
            move |net: &mut N,
                  random: &mut dyn Random,
                  x: ArrayView2<f64>,
                  t: &[usize],
                  progress: &mut GradientProgress| match config.grad {
                GradMethod::Backprop | GradMethod::BackpropReference => {
                    Some(net.training_gradient(x, t.into(), random).1)
                }
                GradMethod::Numerical | GradMethod::NumericalReference => {
                    net.numerical_gradient_watched(x, t.into(), progress)
                }
            };
        let mut steps = BookSteps::new(net, optimizer, data, gradient);
        steps.pixels = pixels;
        progress.run(&mut steps, data, on_event)
    }

    /// The training images the next iteration takes, from a training set of `train_size`: the
    /// draw [`TrainConfig::batch_indices`] gives, or NumPy's generator's next (drawn from a copy:
    /// the run is not changed).
    #[must_use]
    pub fn next_batch(&self, train_size: usize) -> Vec<usize> {
        match &self.stream {
            Some(numpy) => numpy.clone().choice(train_size, self.config.batch_size),
            None => self.config.batch_indices(self.next_iter, train_size),
        }
    }

    /// The run taken apart for a [`Stepper`]: the driver's part ([`Progress`]), and the network
    /// and update rule that the steps change.
    pub fn parts(&mut self) -> (Progress<'_>, &mut N, &mut Optimizer) {
        let Training {
            config,
            net,
            optimizer,
            history,
            next_iter,
            stream,
        } = self;
        (
            Progress {
                config,
                history,
                next_iter,
                stream,
            },
            net,
            optimizer,
        )
    }

    /// Whether this run can train on `data`: the training set is not empty, and a resumed run
    /// sees the training set it started on (as many iterations per epoch: otherwise its
    /// mini-batches and its history would silently belong to two different data sets).
    ///
    /// # Errors
    /// [`Error::Config`] saying which, and what to do.
    pub fn check_data(&self, data: &Mnist) -> Result<(), Error> {
        let bad = |problem: String| {
            Err(Error::Config {
                what: "training data",
                problem,
            })
        };
        let n = data.train.len();
        if n == 0 || data.test.is_empty() {
            return bad(format!(
                "has {n} training and {} test images: there is nothing to train on or to \
                 measure with (use the full MNIST or the built-in slice)",
                data.test.len()
            ));
        }
        let (had, has) = (self.history.iters_per_epoch, self.config.iters_per_epoch(n));
        if self.next_iter > 0 && had != has {
            return bad(format!(
                "has {n} training images, {has} iterations per epoch of batch {}, but this run \
                 started on a set with {had} iterations per epoch: resume it with the data it \
                 was trained on (--data)",
                self.config.batch_size
            ));
        }
        Ok(())
    }
}

/// NumPy's generator as `np.random.seed(config.seed)` leaves it, for a run with
/// [`Generator::Numpy`] (whose seed [`TrainConfig::validate`] has checked).
fn numpy_stream(config: &TrainConfig) -> Option<RandomState> {
    (config.rng == Generator::Numpy)
        .then(|| RandomState::new(u32::try_from(config.seed).unwrap_or(u32::MAX)))
}

/// Whether `net` reads MNIST: 784 inputs and 10 classes.
fn fits_mnist(net: &impl Network) -> Result<(), String> {
    let sizes = net.layer_sizes();
    let (d, c) = (sizes[0], sizes[sizes.len() - 1]);
    if (d, c) != (PIXELS, CLASSES) {
        return Err(format!(
            "has {d} inputs and {c} classes ({}); MNIST has {PIXELS} pixels and {CLASSES} \
             classes",
            net.describe()
        ));
    }
    Ok(())
}
