//! The settings of a training run: [`TrainConfig`], with the book's values as its default.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::data::mnist::PixelScale;
use crate::data::mnist::{CLASSES, PIXELS};
use crate::net::multi_layer::WeightInit;
use crate::net::simple_conv::{ConvParam, SimpleConvNetConfig};
use crate::optim::OptimizerConfig;
use crate::random::Generator;
use crate::real::Dtype;
use crate::text::{Lang, words};
use crate::{Activation, Error};

/// How the gradient is computed: by backpropagation or numerically, each on the engine
/// (`scratchnet::engine`) or through the book's layers ([`TwoLayerNet::gradient`](crate::TwoLayerNet::gradient),
/// [`TwoLayerNet::numerical_gradient`](crate::TwoLayerNet::numerical_gradient)).
/// [`Training::run`](super::Training::run) computes every method through the book's layers;
/// the engine computes `Backprop` and `Numerical` its way. The variants' own docs are the
/// command line's help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum GradMethod {
    /// Backpropagation from the non-zero pixels only, in f32 or f64 (--dtype): the fast path
    Backprop,
    /// Backpropagation through the book's layers, dense products in f64: the reference the fast
    /// path is checked against
    BackpropReference,
    /// Central differences (h = 1e-4) recomputing only what each nudge changes, on all cores:
    /// hundreds of times faster than numerical-reference
    Numerical,
    /// Central differences the book's way, two whole forward passes of the batch per parameter:
    /// 79,520 per step for 784-50-10
    NumericalReference,
}

/// The settings of a training run; [`Default`] is the book's `train_neuralnet.py`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Iterations (mini-batches): 10,000.
    pub iters: usize,
    /// Images per mini-batch: 100.
    pub batch_size: usize,
    /// The update rule: SGD with learning rate 0.1, as `train_neuralnet.py`.
    pub optimizer: OptimizerConfig,
    /// Hidden units: 50. With [`multi_layer`](Self::multi_layer), those of the first hidden
    /// layer (the first of its `hidden_size_list`).
    pub hidden: usize,
    /// Hidden activation: sigmoid, as in chapter 4.
    pub activation: Activation,
    /// Backprop (default) or numerical.
    pub grad: GradMethod,
    /// The floating-point type of the engine's backpropagation (`scratchnet::engine::run` with
    /// [`GradMethod::Backprop`]); the other methods, and the book's layers
    /// ([`Training::run`](super::Training::run)), compute in `f64`, as the book does. Default
    /// `f64`: NumPy's and the book's type, so that a run can be compared number for number with
    /// the reference path and the book; `f32` moves half the bytes, is faster (1.7 to 1.9 times
    /// on the machines of the guide's Speed), and learns as well (0.945 test accuracy either
    /// way).
    #[serde(default)]
    pub dtype: Dtype,
    /// The seed of every random draw.
    pub seed: u64,
    /// The generator of every random draw: scratchnet's (the default: a draw is a function of
    /// the seed and the iteration), or NumPy's `np.random` seeded as the book's script would be
    /// ([`Generator::Numpy`]), which draws the initial weights, each mini-batch and each
    /// Dropout mask in the book's order, reads the pixels as the book's `load_mnist` makes them
    /// ([`PixelScale::F32`]) and trains through the book's layers: the book's numbers.
    #[serde(default)]
    pub rng: Generator,
    /// The standard deviation of the initial weights: 0.01. With
    /// [`multi_layer`](Self::multi_layer), its `weight_init` says how they are drawn.
    pub weight_init_std: f64,
    /// Chapter 6's network, the book's `MultiLayerNetExtend`, in place of chapter 4's
    /// `TwoLayerNet`: any hidden layers, an initialisation rule, Batch Normalization, Dropout
    /// and weight decay. `None` (the default): the `TwoLayerNet` of `hidden` units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_layer: Option<MultiLayerConfig>,
    /// Chapter 7's network, the book's `SimpleConvNet`, with these filters (the book's
    /// `conv_param`), `hidden` hidden units, ReLU, and weights of `weight_init_std`, in place of
    /// chapter 4's `TwoLayerNet`; [`TrainConfig::train_convnet`] gives the book's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simple_conv: Option<ConvParam>,
    /// The accuracies of each epoch measured on the first this many images of each set (the
    /// book's `Trainer` with `evaluate_sample_num_per_epoch`: 1,000 in `train_convnet.py`);
    /// the final ones on the whole sets. `None`: every epoch on the whole sets, as
    /// `train_neuralnet.py`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluate_sample_num_per_epoch: Option<usize>,
    /// Threads (the results do not depend on it): all cores. The numerical gradient splits its
    /// work over them; the fast path uses a second one, when there is one, to gather the next
    /// mini-batches ahead and to measure each epoch's accuracy while the training goes on.
    #[serde(skip, default = "all_cores")]
    pub threads: usize,
    /// Whether a divergence of the loss stops the run (see
    /// [`spike_threshold`](super::spike_threshold)): `false`, it is reported and the run goes
    /// on. A loss or weight that is NaN or infinite stops a run either way.
    #[serde(default)]
    pub stop_on_divergence: bool,
}

/// The network of a run of chapter 6 (the arguments of the book's `MultiLayerNetExtend`, its
/// names after the Rust ones): the activation is [`TrainConfig::activation`].
///
/// ```
/// use scratchnet_book::net::multi_layer::WeightInit;
/// use scratchnet_book::train::{MultiLayerConfig, TrainConfig};
/// // the book's overfit_dropout.py network: six hidden layers of 100, Dropout 0.2
/// let network = MultiLayerConfig {
///     hidden_size_list: vec![100; 6],
///     dropout_ratio: Some(0.2),
///     ..MultiLayerConfig::default()
/// };
/// let config = TrainConfig::default().with_multi_layer(network);
/// assert_eq!(config.hidden, 100);
/// assert_eq!(config.hidden_sizes(), [100; 6]);
/// config.validate()?;
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MultiLayerConfig {
    /// The units of each hidden layer, in order (the book's `hidden_size_list`).
    pub hidden_size_list: Vec<usize>,
    /// How the initial weights are drawn (the book's `weight_init_std`): He's `√(2/n)`, as the
    /// book's classes default to for ReLU.
    pub weight_init: WeightInit,
    /// Batch Normalization after each hidden `Affine` layer (`use_batchnorm`).
    pub use_batchnorm: bool,
    /// Dropout of this ratio after each activation (`use_dropout`, `dropout_ration`): `None`,
    /// none.
    pub dropout_ratio: Option<f64>,
    /// The strength `λ` of the weight decay (`weight_decay_lambda`): 0, none.
    pub weight_decay_lambda: f64,
}

impl Default for MultiLayerConfig {
    /// Four hidden layers of 100, He's initialisation, and nothing else: the book's
    /// `MultiLayerNet` of `weight_init_compare.py`.
    fn default() -> Self {
        MultiLayerConfig {
            hidden_size_list: vec![100; 4],
            weight_init: WeightInit::He,
            use_batchnorm: false,
            dropout_ratio: None,
            weight_decay_lambda: 0.0,
        }
    }
}

impl MultiLayerConfig {
    /// Checks the network, whose first hidden layer a [`TrainConfig`] says has `hidden` units.
    ///
    /// # Errors
    /// [`Error::Config`] for no hidden layer or more than [`MAX_LAYERS`], a layer's units out of
    /// `1..=`[`MAX_HIDDEN`], more parameters than the widest two-layer network has, a first
    /// layer other than `hidden`, a `weight_init` standard deviation that is not positive, a
    /// Dropout ratio out of `[0, 1)` or a negative or infinite `λ`.
    pub fn validate(&self, hidden: usize) -> Result<(), Error> {
        let bad = |what, problem: String| Err(Error::Config { what, problem });
        let list = &self.hidden_size_list;
        if !(1..=MAX_LAYERS).contains(&list.len()) {
            return bad(
                "hidden layers",
                format!(
                    "are {}: give 1 to {MAX_LAYERS} hidden layers (the book's chapter 6: 4 to 6 of \
                     100 units)",
                    list.len()
                ),
            );
        }
        if let Some(&units) = list.iter().find(|&&h| !(1..=MAX_HIDDEN).contains(&h)) {
            return bad(
                "hidden units",
                format!("of a layer are {units}: each layer must have 1 to 100,000"),
            );
        }
        let most = parameters(&[MAX_HIDDEN]);
        if parameters(list) > most {
            return bad(
                "hidden layers",
                format!(
                    "{list:?} have {} parameters, more than the {most} of the widest two-layer \
                     network: make them fewer or narrower",
                    parameters(list)
                ),
            );
        }
        if list[0] != hidden {
            return bad(
                "hidden units",
                format!(
                    "field `hidden` is {hidden}, but the first hidden layer has {} units: they \
                     must be equal",
                    list[0]
                ),
            );
        }
        if let WeightInit::Std(std) = self.weight_init
            && !(std.is_finite() && std > 0.0)
        {
            return bad(
                "weight_init",
                format!(
                    "is a standard deviation of {std}: it must be positive (0.01, or he or xavier)"
                ),
            );
        }
        if let Some(ratio) = self.dropout_ratio
            && !(0.0..1.0).contains(&ratio)
        {
            return bad(
                "dropout ratio",
                format!("is {ratio}: it must be at least 0 and below 1 (the book: 0.2)"),
            );
        }
        let lambda = self.weight_decay_lambda;
        if !(lambda.is_finite() && lambda >= 0.0) {
            return bad(
                "weight decay",
                format!("λ is {lambda}: it must be 0 or more (the book: 0.1)"),
            );
        }
        Ok(())
    }
}

/// The parameters of a network of MNIST's 784 inputs, hidden layers of `hidden` units and 10
/// classes: each `Affine` layer's weights and biases.
fn parameters(hidden: &[usize]) -> u64 {
    let sizes: Vec<u64> = std::iter::once(PIXELS)
        .chain(hidden.iter().copied())
        .chain(std::iter::once(CLASSES))
        .map(|n| n as u64)
        .collect();
    sizes.windows(2).map(|w| w[0] * w[1] + w[1]).sum()
}

/// The most hidden layers a [`MultiLayerConfig`] may have: 100 (the book's deepest: 6).
pub const MAX_LAYERS: usize = 100;

/// The most filters a `SimpleConvNet` may have: 1,000 (the book's: 30).
pub const MAX_FILTERS: usize = 1_000;

/// The most iterations a run may have: 100,000,000 (the book's run has 10,000).
pub const MAX_ITERS: usize = 100_000_000;
/// The largest mini-batch: 60,000 images, the size of MNIST's training set.
pub const MAX_BATCH_SIZE: usize = 60_000;
/// The most hidden units: 100,000 (78 million weights in W1).
pub const MAX_HIDDEN: usize = 100_000;
/// The most values in a mini-batch's hidden layer (batch size × hidden units): 2²⁷, 1 GiB in
/// `f64`, so that no setting makes a run allocate tens of gigabytes.
pub const MAX_BATCH_UNITS: usize = 1 << 27;

/// The number of cores, for [`TrainConfig::threads`].
fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            iters: 10_000,
            batch_size: 100,
            optimizer: OptimizerConfig::sgd(0.1),
            hidden: 50,
            activation: Activation::Sigmoid,
            grad: GradMethod::Backprop,
            dtype: Dtype::F64,
            seed: 0,
            rng: Generator::Scratchnet,
            weight_init_std: 0.01,
            multi_layer: None,
            simple_conv: None,
            evaluate_sample_num_per_epoch: None,
            threads: all_cores(),
            stop_on_divergence: false,
        }
    }
}

impl TrainConfig {
    /// The book's `train_convnet.py`: its `SimpleConvNet` (30 filters of 5×5, 100 hidden units,
    /// weights of std 0.01), Adam with learning rate 0.001, mini-batches of 100, 20 epochs of
    /// MNIST's 60,000 images (12,000 iterations), each epoch's accuracies on the first 1,000
    /// images of each set.
    ///
    /// ```
    /// use scratchnet_book::train::TrainConfig;
    /// let book = TrainConfig::train_convnet();
    /// assert_eq!((book.iters, book.batch_size, book.optimizer.lr), (12_000, 100, 0.001));
    /// assert_eq!(book.evaluate_sample_num_per_epoch, Some(1_000));
    /// book.validate()?;
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    #[must_use]
    pub fn train_convnet() -> Self {
        let book = SimpleConvNetConfig::default();
        TrainConfig {
            iters: 12_000,
            optimizer: OptimizerConfig::new(crate::OptimizerKind::Adam),
            hidden: book.hidden_size,
            activation: Activation::Relu,
            weight_init_std: book.weight_init_std,
            simple_conv: Some(book.conv_param),
            evaluate_sample_num_per_epoch: Some(1_000),
            ..TrainConfig::default()
        }
    }

    /// The `SimpleConvNet` these settings train, if they train one.
    #[must_use]
    pub fn simple_conv_net(&self) -> Option<SimpleConvNetConfig> {
        self.simple_conv.map(|conv_param| SimpleConvNetConfig {
            conv_param,
            hidden_size: self.hidden,
            weight_init_std: self.weight_init_std,
            ..SimpleConvNetConfig::default()
        })
    }

    /// The learning rate a run of `kind` takes when none is given: 0.1 for SGD, as
    /// `train_neuralnet.py`; the book's class default for the others (0.01, Adam 0.001).
    ///
    /// ```
    /// use scratchnet_book::{train::TrainConfig, OptimizerKind};
    /// assert_eq!(TrainConfig::default_lr(OptimizerKind::Sgd), TrainConfig::default().optimizer.lr);
    /// assert_eq!(TrainConfig::default_lr(OptimizerKind::Adam), 0.001);
    /// ```
    #[must_use]
    pub fn default_lr(kind: crate::OptimizerKind) -> f64 {
        match kind {
            crate::OptimizerKind::Sgd => 0.1,
            other => other.default_lr(),
        }
    }

    /// About how many bytes a run of these settings holds at its peak, counted in `f64`: ten
    /// arrays the size of the parameters (the network, its gradient, the update rule's state,
    /// the engine's copies for training and for measuring, a checkpoint being written), a
    /// mini-batch's images and four arrays of its hidden layer, and the rows the accuracy is
    /// measured on. An estimate for a memory budget (the playground's), not a measurement.
    ///
    /// ```
    /// use scratchnet_book::train::TrainConfig;
    /// let book = TrainConfig::default(); // 784-50-10, batch 100: about 4 MB
    /// assert_eq!(book.memory_bytes() / 1_000_000, 4);
    /// let wide = TrainConfig { hidden: 100_000, ..book }; // 79.5 million parameters
    /// assert!(wide.memory_bytes() > 6_000_000_000);
    /// ```
    #[must_use]
    pub fn memory_bytes(&self) -> u64 {
        if let Some(net) = self.simple_conv_net() {
            let p = net.conv_param;
            let conv = net.conv_output_size() as u64;
            let patch = (net.input_dim.0 * p.filter_size * p.filter_size) as u64;
            let filters = p.filter_num as u64;
            let (h, b, c) = (self.hidden as u64, self.batch_size as u64, CLASSES as u64);
            let pooled = net.pool_output_size() as u64;
            let params = filters * (patch + 1) + pooled * h + h + h * c + c;
            // the patches twice (im2col's and its reordering), six arrays of the convolution's
            // outputs, the layers after it
            let batch = conv * conv * (2 * patch + 6 * filters) + 2 * pooled + 4 * h + 4 * c;
            return 8 * (10 * params + b.max(100) * (PIXELS as u64 + batch));
        }
        let hidden = self.hidden_sizes();
        let (h, b) = (hidden.iter().sum::<usize>() as u64, self.batch_size as u64);
        let (d, c) = (PIXELS as u64, CLASSES as u64);
        let params = parameters(&hidden);
        8 * (10 * params + b * (d + 4 * h + 4 * c) + 200 * (h + c))
    }

    /// These settings with chapter 6's network `network`, `hidden` its first hidden layer's
    /// units.
    #[must_use]
    pub fn with_multi_layer(self, network: MultiLayerConfig) -> Self {
        TrainConfig {
            hidden: network.hidden_size_list.first().copied().unwrap_or(0),
            multi_layer: Some(network),
            ..self
        }
    }

    /// The network these settings train, in a few words in `lang`: its class, its layers'
    /// units, its activation, and for chapter 6's network how its weights start and what it
    /// adds.
    ///
    /// ```
    /// use scratchnet_book::text::Lang;
    /// use scratchnet_book::train::{MultiLayerConfig, TrainConfig};
    /// assert_eq!(TrainConfig::default().describe_network(Lang::En), "TwoLayerNet 784-50-10 (sigmoid)");
    /// let deep = TrainConfig::default().with_multi_layer(MultiLayerConfig {
    ///     hidden_size_list: vec![100, 100],
    ///     use_batchnorm: true,
    ///     dropout_ratio: Some(0.2),
    ///     ..MultiLayerConfig::default()
    /// });
    /// assert_eq!(
    ///     deep.describe_network(Lang::Ko),
    ///     "MultiLayerNetExtend 784-100-100-10(시그모이드, He 초깃값, 배치 정규화, 드롭아웃 0.2)"
    /// );
    /// ```
    #[must_use]
    pub fn describe_network(&self, lang: Lang) -> String {
        use crate::text::training as say;
        let sizes: Vec<String> = std::iter::once(PIXELS)
            .chain(self.hidden_sizes())
            .chain(std::iter::once(CLASSES))
            .map(|n| n.to_string())
            .collect();
        if let Some(net) = self.simple_conv_net() {
            return Self::describe_conv(&net, lang);
        }
        let (kind, extras) = match &self.multi_layer {
            None => ("TwoLayerNet", String::new()),
            Some(network) => {
                let mut extras = match network.weight_init {
                    WeightInit::Std(std) => say::WITH_INIT_STD.say(lang, &[("std", &std)]),
                    WeightInit::He => say::WITH_INIT_HE.say(lang, &[]),
                    WeightInit::Xavier => say::WITH_INIT_XAVIER.say(lang, &[]),
                };
                if network.use_batchnorm {
                    extras += &say::WITH_BATCH_NORM.say(lang, &[]);
                }
                if let Some(ratio) = network.dropout_ratio {
                    extras += &say::WITH_DROPOUT.say(lang, &[("ratio", &ratio)]);
                }
                if network.weight_decay_lambda != 0.0 {
                    let lambda = network.weight_decay_lambda;
                    extras += &say::WITH_WEIGHT_DECAY.say(lang, &[("lambda", &lambda)]);
                }
                ("MultiLayerNetExtend", extras)
            }
        };
        say::NETWORK.say(
            lang,
            &[
                ("kind", &kind),
                ("sizes", &sizes.join("-")),
                ("activation", &words::activation(self.activation).get(lang)),
                ("extras", &extras),
            ],
        )
    }

    /// [`describe_network`](Self::describe_network) of a `SimpleConvNet`.
    fn describe_conv(net: &SimpleConvNetConfig, lang: Lang) -> String {
        use crate::text::training as say;
        let p = net.conv_param;
        let mut extras = String::new();
        if p.stride != 1 {
            extras += &say::WITH_STRIDE.say(lang, &[("stride", &p.stride)]);
        }
        if p.pad != 0 {
            extras += &say::WITH_PAD.say(lang, &[("pad", &p.pad)]);
        }
        let sizes = say::CONV_SIZES.say(
            lang,
            &[
                ("filters", &p.filter_num),
                ("size", &p.filter_size),
                ("hidden", &net.hidden_size),
                ("classes", &net.output_size),
            ],
        );
        say::NETWORK.say(
            lang,
            &[
                ("kind", &"SimpleConvNet"),
                ("sizes", &sizes),
                ("activation", &words::activation(Activation::Relu).get(lang)),
                ("extras", &extras),
            ],
        )
    }

    /// Whether the run is watched for a divergence of its loss
    /// ([`spike_threshold`](super::spike_threshold)): not when its loss has a weight decay
    /// term, which the rule's thresholds do not allow for.
    #[must_use]
    pub fn watches_divergence(&self) -> bool {
        self.multi_layer
            .as_ref()
            .is_none_or(|network| network.weight_decay_lambda == 0.0)
    }

    /// How the run reads the pixels: as the book's `load_mnist` makes them with NumPy's
    /// generator ([`PixelScale::F32`]), else [`PixelScale::F64`].
    #[must_use]
    pub fn pixel_scale(&self) -> PixelScale {
        match self.rng {
            Generator::Numpy => PixelScale::F32,
            Generator::Scratchnet => PixelScale::F64,
        }
    }

    /// Why these settings train through the book's layers whatever the gradient method (the
    /// engine computes `Affine` layers and activations from scratchnet's draws): the reason,
    /// or empty if they need not.
    fn on_books_layers_only(&self) -> &'static str {
        let extras = self.multi_layer.as_ref().is_some_and(|n| {
            n.use_batchnorm || n.dropout_ratio.is_some() || n.weight_decay_lambda != 0.0
        });
        match (self.rng, extras) {
            (Generator::Numpy, _) => "a run with NumPy's generator",
            (_, true) => "a network with Batch Norm, Dropout or weight decay",
            _ => "",
        }
    }

    /// The units of each hidden layer: `[hidden]` for the `TwoLayerNet`.
    #[must_use]
    pub fn hidden_sizes(&self) -> Vec<usize> {
        match &self.multi_layer {
            Some(network) => network.hidden_size_list.clone(),
            None => vec![self.hidden],
        }
    }

    /// Checks the settings.
    ///
    /// # Errors
    /// As [`OptimizerConfig::validate`]; [`Error::Config`] for iterations, a batch size or
    /// hidden units out of `1..=`[`MAX_ITERS`], [`MAX_BATCH_SIZE`], [`MAX_HIDDEN`], their
    /// product above [`MAX_BATCH_UNITS`], a non-positive `weight_init_std`, or a
    /// [`multi_layer`](Self::multi_layer) network that cannot be built (see
    /// [`MultiLayerConfig`]).
    pub fn validate(&self) -> Result<(), Error> {
        self.optimizer.validate()?;
        let bad = |what, problem: &str| {
            Err(Error::Config {
                what,
                problem: problem.to_string(),
            })
        };
        if !(1..=MAX_ITERS).contains(&self.iters) {
            return bad("iterations", "must be 1 to 100,000,000 (the book: 10,000)");
        }
        if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
            return bad(
                "batch size",
                "must be 1 to 60,000, the size of MNIST's training set (the book: 100)",
            );
        }
        if !(1..=MAX_HIDDEN).contains(&self.hidden) {
            return bad("hidden units", "must be 1 to 100,000 (the book: 50)");
        }
        if let Some(network) = &self.multi_layer {
            network.validate(self.hidden)?;
        }
        if self.simple_conv.is_some() {
            self.validate_conv()?;
        }
        if self.evaluate_sample_num_per_epoch == Some(0) {
            return bad(
                "evaluate_sample_num_per_epoch",
                "is 0: measure each epoch on at least one image (the book: 1,000), or on the whole \
                 sets (None)",
            );
        }
        if self.rng == Generator::Numpy {
            // NumPy's seed is checked as np.random.seed checks it
            Generator::Numpy.seeded(self.seed)?;
        }
        let widest = self.hidden_sizes().into_iter().max().unwrap_or(0);
        if self.batch_size * widest > MAX_BATCH_UNITS {
            return bad(
                "batch size × hidden units",
                &format!(
                    "is {} × {} = {}, more than {MAX_BATCH_UNITS}: a mini-batch's hidden layer \
                     would take more than 1 GiB per array; make one of them smaller (the book: \
                     100 × 50)",
                    self.batch_size,
                    widest,
                    self.batch_size * widest
                ),
            );
        }
        if !(self.weight_init_std.is_finite() && self.weight_init_std > 0.0) {
            return bad("weight_init_std", "must be positive (the book: 0.01)");
        }
        if self.dtype == Dtype::F32 && !self.on_books_layers_only().is_empty() {
            return bad(
                "dtype",
                &format!(
                    "f32 is the engine's, and {} trains through the book's layers, in f64: \
                     leave --dtype at f64",
                    self.on_books_layers_only()
                ),
            );
        }
        if self.dtype == Dtype::F32 && self.grad != GradMethod::Backprop {
            return bad(
                "dtype",
                "f32 works with the backprop gradient only: a central difference with h = 1e-4 \
                 in f32 keeps about 3 significant digits (use f64 for numerical gradients)",
            );
        }
        Ok(())
    }

    /// Checks the `SimpleConvNet` of [`simple_conv`](Self::simple_conv).
    fn validate_conv(&self) -> Result<(), Error> {
        let bad = |what, problem: String| Err(Error::Config { what, problem });
        let Some(net) = self.simple_conv_net() else {
            return Ok(());
        };
        if self.multi_layer.is_some() {
            return bad(
                "network",
                "has both chapter 6's hidden layers (multi_layer) and chapter 7's filters \
                 (simple_conv): choose one"
                    .into(),
            );
        }
        if self.activation != Activation::Relu {
            return bad(
                "activation",
                format!(
                    "is {}: the book's SimpleConvNet uses ReLU after its convolution and its \
                     hidden layer",
                    self.activation
                ),
            );
        }
        let p = net.conv_param;
        let side = net.input_dim.1;
        if !(1..=MAX_FILTERS).contains(&p.filter_num) {
            return bad(
                "filters",
                format!(
                    "are {}: give 1 to {MAX_FILTERS} (the book: 30)",
                    p.filter_num
                ),
            );
        }
        if !(1..=side).contains(&p.stride) || p.pad > side {
            return bad(
                "stride and pad",
                format!(
                    "are {} and {}: the stride must be 1 to {side} and the pad 0 to {side} (the \
                     book: 1 and 0)",
                    p.stride, p.pad
                ),
            );
        }
        if !(1..=side + 2 * p.pad).contains(&p.filter_size) {
            return bad(
                "filter size",
                format!(
                    "is {0}×{0}: a filter must fit the {side}×{side} image padded by {1} (the \
                     book: 5×5)",
                    p.filter_size, p.pad
                ),
            );
        }
        if net.conv_output_size() < 2 {
            return bad(
                "filter size",
                format!(
                    "{0}×{0} with stride {1} leaves a convolution output of {2}×{2}: the 2×2 \
                     pooling needs at least 2×2 (make the filter or the stride smaller)",
                    p.filter_size,
                    p.stride,
                    net.conv_output_size()
                ),
            );
        }
        let conv = net.conv_output_size();
        // the convolution's outputs, and im2col's patches
        let patches = net.input_dim.0 * p.filter_size * p.filter_size;
        let units = self.batch_size * conv * conv * p.filter_num.max(patches);
        if units > MAX_BATCH_UNITS {
            return bad(
                "batch size × convolution outputs",
                format!(
                    "is {units}, more than {MAX_BATCH_UNITS}: a mini-batch's convolution would \
                     take more than 1 GiB per array; make the batch or the filters fewer (the \
                     book: 100 images, 30 filters)"
                ),
            );
        }
        let most = parameters(&[MAX_HIDDEN]);
        let weights = (net.pool_output_size() * self.hidden) as u64;
        if weights > most {
            return bad(
                "hidden units",
                format!(
                    "{} after {} pooled values make {weights} weights, more than {most}: make \
                     them fewer (the book: 100)",
                    self.hidden,
                    net.pool_output_size()
                ),
            );
        }
        Ok(())
    }

    /// The training images of iteration `iter`: `batch_size` indices drawn with replacement from
    /// `0..train_size` (the book's `np.random.choice(train_size, batch_size)`), from stream
    /// `iter + 1` of a ChaCha8 generator seeded with `seed`. So a run's random state is just
    /// `(seed, iteration)`: a resumed run draws what an uninterrupted one would.
    ///
    /// ```
    /// use scratchnet_book::train::TrainConfig;
    /// let config = TrainConfig::default();
    /// let batch = config.batch_indices(0, 60_000);
    /// assert_eq!(batch.len(), 100);
    /// assert!(batch.iter().all(|&i| i < 60_000));
    /// assert_eq!(batch, config.batch_indices(0, 60_000));
    /// assert_ne!(batch, config.batch_indices(1, 60_000));
    /// ```
    #[must_use]
    pub fn batch_indices(&self, iter: usize, train_size: usize) -> Vec<usize> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(iter as u64 + 1);
        (0..self.batch_size)
            .map(|_| rng.random_range(0..train_size))
            .collect()
    }

    /// What iteration `iter`'s training pass draws besides its mini-batch (Dropout's masks):
    /// stream `2⁴⁰ + iter` of a ChaCha8 generator seeded with `seed`, apart from the
    /// mini-batches' streams ([`batch_indices`](Self::batch_indices)), so that a resumed run
    /// draws the masks an uninterrupted one would.
    #[must_use]
    pub fn dropout_random(&self, iter: usize) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream((1 << 40) + iter as u64);
        rng
    }

    /// Iterations per epoch: `max(train_size / batch_size, 1)`, 600 for the book.
    #[must_use]
    pub fn iters_per_epoch(&self, train_size: usize) -> usize {
        (train_size / self.batch_size.max(1)).max(1)
    }
}
