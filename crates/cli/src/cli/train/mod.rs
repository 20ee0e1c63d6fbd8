//! `scratchnet train`: the book's `train_neuralnet.py`, with progress, curves, saved weights,
//! checkpoints and resume.

use scratchnet_book::text::{Lang, commands, words};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use scratchnet_book::Activation;
use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::random::Generator;
use scratchnet_book::real::Dtype;
use scratchnet_book::train::{
    AnyTraining, Claim, GradMethod, NetworkChoice, NetworkKind, Outcome, TrainConfig,
};

use super::optim::OptimizerArgs;
use super::{args, usage};

mod outputs;
mod progress;
mod report;

use outputs::{files, write_outputs};
pub(crate) use progress::epoch_line;
use progress::{Say, train};
use report::{Diverged, diverged, report};
/// Flags of `scratchnet train`. Defaults are the book's `train_neuralnet.py`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  scratchnet train --plot curves.png --save net.safetensors\n  \
    scratchnet train --activation relu --iters 2000 --checkpoint ckpt/\n  scratchnet train --resume ckpt/\n  \
    scratchnet train --hidden 100,100,100,100 --batchnorm --dropout 0.2 --weight-decay 0.1"
)]
pub struct TrainArgs {
    /// The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache
    /// `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Iterations (mini-batches) [default: 10000, the book's]. With --resume: the new total
    /// (default: the checkpoint's).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    iters: Option<u64>,
    /// Epochs, in place of --iters: passes over the training set, each of training set /
    /// batch size iterations [default for simple-conv: 20, as train_convnet.py]. With --resume:
    /// the new total.
    #[arg(long, conflicts_with = "iters", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    epochs: Option<u64>,
    /// Images per mini-batch.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    batch_size: u64,
    /// Learning rate (default: 0.1 for sgd, as train_neuralnet.py; the book's class defaults
    /// otherwise: 0.01, Adam 0.001).
    #[arg(long, value_parser = args::learning_rate, allow_hyphen_values = true)]
    lr: Option<f64>,
    #[command(flatten)]
    optimizer: OptimizerArgs,
    /// Which of the book's networks to train [default: two-layer, or multi-layer when the flags
    /// below ask for chapter 6's]
    #[arg(long, value_enum, ignore_case = true)]
    network: Option<NetworkKind>,
    /// Hidden units: one number for the book's TwoLayerNet (chapter 4) and SimpleConvNet
    /// (chapter 7), or one per layer (100,100,100,100) for chapter 6's MultiLayerNetExtend
    /// [default: 50; 100 for simple-conv]
    #[arg(long, value_delimiter = ',', value_parser = clap::value_parser!(u64).range(1..=100_000))]
    hidden: Vec<u64>,
    /// The hidden layers' activation [default: sigmoid for the TwoLayerNet, as chapter 4; relu
    /// for chapter 6's network, as the book's MultiLayerNetExtend].
    #[arg(long, value_enum, ignore_case = true)]
    activation: Option<Activation>,
    /// The initial weights: a standard deviation (the book's 0.01), he (√(2/n)) or xavier
    /// (√(1/n)) [default: 0.01 for the TwoLayerNet; he with relu, xavier with sigmoid for
    /// chapter 6's network]. he or xavier trains chapter 6's network.
    #[arg(long, value_parser = args::weight_init)]
    init: Option<WeightInit>,
    /// Batch Normalization after each hidden Affine layer (chapter 6's network).
    #[arg(long)]
    batchnorm: bool,
    /// Dropout of RATIO after each activation (chapter 6's network; the book: 0.2).
    #[arg(long, value_name = "RATIO", value_parser = args::dropout_ratio, allow_hyphen_values = true)]
    dropout: Option<f64>,
    /// Weight decay λ (chapter 6's network; the book: 0.1).
    #[arg(long, value_name = "LAMBDA", value_parser = args::weight_decay, allow_hyphen_values = true)]
    weight_decay: Option<f64>,
    /// How to take the gradient: backprop (fast), backprop-reference (the book's layers),
    /// numerical (all cores), numerical-reference (the book's: hours). The guide has details.
    #[arg(
        long,
        value_enum,
        default_value = "backprop",
        ignore_case = true,
        hide_possible_values = true
    )]
    grad: GradMethod,
    /// The floating-point type of --grad backprop: f64 (the default: the book's NumPy type, so
    /// the numbers can be compared with the book's and with --grad backprop-reference) or f32
    /// (half the bytes to move, so faster, with the same accuracy). The other gradients compute
    /// in f64.
    #[arg(long, value_enum, default_value = "f64", ignore_case = true)]
    dtype: Dtype,
    /// Threads (default: all cores); results do not depend on it. --grad backprop uses two: one
    /// trains, the other gathers the next mini-batches and measures each epoch's accuracy
    /// meanwhile, and on wide layers or large batches shares each step's first layer. The numerical
    /// gradient uses all. The reference paths (the book's layers) run on one.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=256))]
    threads: Option<u64>,
    /// Seed of every random draw: the same seed gives the same run.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// The random generator: scratchnet's own, or numpy (NumPy's np.random after
    /// np.random.seed(SEED), which draws the weights, the mini-batches and Dropout's masks as the
    /// book's train_neuralnet.py does, reads float32 pixels as its load_mnist, and trains through
    /// the book's layers: the book's numbers).
    #[arg(long, value_enum, default_value = "scratchnet", ignore_case = true)]
    rng: Generator,
    /// Write the loss of every iteration and the accuracies to FILE.json.
    #[arg(long, value_name = "FILE.json")]
    history: Option<PathBuf>,
    /// Draw the learning curves into FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
    /// The picture's format, when --plot's name does not end in .png or .svg (--plot
    /// /dev/stdout).
    #[arg(long, value_enum, requires = "plot", ignore_case = true)]
    format: Option<super::picture::PictureFormat>,
    /// Save the trained weights as safetensors (tensors W1, b1, W2, b2, ...; Batch Norm's gamma,
    /// beta and running statistics too).
    #[arg(long, value_name = "FILE.safetensors")]
    save: Option<PathBuf>,
    /// Write a checkpoint into DIR after every epoch (and on Ctrl-C). DIR is locked while this
    /// run writes it; another run's checkpoint there is kept unless --force.
    #[arg(long, value_name = "DIR")]
    checkpoint: Option<PathBuf>,
    /// Continue the run whose checkpoint is in DIR; it keeps its own settings.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["network", "batch_size", "lr", "hidden", "activation", "init", "batchnorm", "dropout", "weight_decay", "grad", "dtype", "seed", "rng", "optimizer", "momentum", "decay_rate", "beta1", "beta2"])]
    resume: Option<PathBuf>,
    /// Overwrite the checkpoint in --checkpoint DIR even if it is another run's.
    #[arg(long)]
    force: bool,
    /// Stop when the loss diverges (it jumps far above guessing and does not come back down
    /// within 100 iterations). Without it, a divergence is reported and the run goes on; a
    /// loss or weight that is NaN or infinite stops it either way.
    #[arg(long)]
    stop_on_divergence: bool,
    /// Print one JSON document at the end (epoch lines go to stderr).
    #[arg(long)]
    json: bool,
}

/// `train`'s steps: set up (a new run or a resumed one), check every output and claim the
/// checkpoint directory before any work, find MNIST, train with progress and checkpoints, then
/// write what was asked for (the weights first) and report.
// About 65 lines: the command's steps in order; each way a run ends has its arm.
pub fn run(args: TrainArgs, lang: Lang) -> anyhow::Result<()> {
    super::picture::check("train", args.plot.as_deref(), args.format)?;
    let mut training = start(&args)?;
    for (flag, path) in files(&args) {
        scratchnet_book::atomic::check_writable(path)
            .with_context(|| format!("{flag} {} cannot be written", path.display()))?;
    }
    let checkpoint_dir = args.checkpoint.clone().or_else(|| args.resume.clone());
    let claim = match &checkpoint_dir {
        // resuming a run in its own directory overwrites its own checkpoint
        Some(dir) => Some(Claim::take(
            dir,
            training.config(),
            args.force || args.resume.as_ref() == Some(dir),
        )?),
        None => None,
    };
    let mnist = super::find_mnist(args.data.as_deref(), lang)?;
    if let Some(epochs) = epochs_asked(&args) {
        let per_epoch = training.config().iters_per_epoch(mnist.train.len());
        training.config_mut().iters = epochs * per_epoch;
        training
            .config()
            .validate()
            .map_err(|e| usage("train", e.say(lang)))?;
    }
    if let Some(dir) = &args.resume
        && training.next_iter() >= training.config().iters
    {
        return finished_already(&args, &training, dir, lang);
    }
    training.check_data(&mnist)?;
    let data = scratchnet_engine::TrainingData::new(&mnist);
    let say = Say {
        json: args.json,
        lang,
    };
    say.line(&describe(&training, mnist.train.len(), lang));

    let plan = scratchnet_engine::plan_any(&training, &data);
    let started = Instant::now();
    let outcome = train(&mut training, &data, checkpoint_dir.as_deref(), &say)?;
    let seconds = started.elapsed().as_secs_f64();

    match outcome {
        Outcome::Diverged {
            iter,
            loss,
            mean_after,
            weights_of,
        } => {
            // what was asked is written, the weights being the last known finite
            let written = write_outputs(&args, &training, None, lang);
            written.check()?;
            Err(diverged(
                &args,
                &training,
                Diverged {
                    iter,
                    loss,
                    mean_after,
                    weights_of,
                },
                lang,
            ))
        }
        Outcome::Stopped { next_iter } => {
            let claim = match claim {
                Some(claim) => Ok(claim),
                None => Claim::default_dir(training.config()),
            };
            // the weights are saved even if no checkpoint directory can be had
            let dir = claim.as_ref().ok().map(Claim::dir);
            let written = write_outputs(&args, &training, dir, lang);
            written.check()?;
            let claim = claim?;
            Err(Interrupted {
                next_iter,
                dir: claim.dir().to_path_buf(),
                weights: args.save.clone(),
                lang,
            }
            .into())
        }
        Outcome::Finished => {
            let dir = claim.as_ref().map(Claim::dir);
            let written = write_outputs(&args, &training, dir, lang);
            written.check()?;
            report(&args, &training, dir, seconds, plan.as_ref(), lang)
        }
    }
}

/// A run stopped by Ctrl-C, its checkpoint written: the command exits with status 130, as a
/// shell does after an interrupt.
#[derive(Debug)]
pub struct Interrupted {
    next_iter: usize,
    dir: PathBuf,
    /// Where `--save` wrote the weights so far.
    weights: Option<PathBuf>,
    /// The language to say it in.
    lang: Lang,
}

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let weights = match &self.weights {
            Some(path) => {
                commands::INTERRUPTED_WEIGHTS.say(self.lang, &[("path", &path.display())])
            }
            None => String::new(),
        };
        f.write_str(&commands::INTERRUPTED.say(
            self.lang,
            &[
                ("iter", &self.next_iter),
                ("dir", &self.dir.display()),
                ("weights", &weights),
            ],
        ))
    }
}

/// `--resume` of a run that has done all its iterations: nothing to train. Says so and how to
/// train further; writes `--save` if asked (the weights are the checkpoint's).
fn finished_already(
    args: &TrainArgs,
    training: &AnyTraining,
    dir: &Path,
    lang: Lang,
) -> anyhow::Result<()> {
    let done = training.next_iter();
    if args.iters.is_some_and(|iters| (iters as usize) < done) {
        return Err(usage(
            "train",
            format!(
                "--iters {} is fewer than the {done} iterations the checkpoint in {} has done: \
                 give a larger total to train further",
                training.config().iters,
                dir.display()
            ),
        ));
    }
    let accuracy = training
        .history()
        .final_accuracy
        .map_or(String::new(), |f| {
            commands::FINISHED_ACCURACY.say(
                lang,
                &[
                    ("train", &format!("{:.4}", f.train_acc)),
                    ("test", &format!("{:.4}", f.test_acc)),
                ],
            )
        });
    outln!(
        "{}",
        commands::FINISHED_ALREADY.say(
            lang,
            &[
                ("dir", &dir.display()),
                ("done", &done),
                ("accuracy", &accuracy),
                ("more", &(2 * done)),
            ],
        )
    );
    if let Some(path) = &args.save {
        training.save_network(path)?;
        outln!(
            "{}",
            commands::WEIGHTS.say(lang, &[("path", &path.display())])
        );
    }
    Ok(())
}

impl std::error::Error for Interrupted {}

/// The run to continue (`--resume`, with a new `--iters` total if given) or a new one from the
/// flags.
fn start(args: &TrainArgs) -> anyhow::Result<AnyTraining> {
    let mut training = match &args.resume {
        Some(dir) => {
            let mut t = AnyTraining::resume(dir).with_context(|| {
                format!(
                    "resuming the training in {} (was it run with --checkpoint {0}?)",
                    dir.display()
                )
            })?;
            if let Some(iters) = args.iters {
                t.config_mut().iters = iters as usize;
            }
            t
        }
        None => new_config(args)
            .and_then(AnyTraining::new)
            .map_err(|e: scratchnet_book::Error| usage("train", e.say(super::lang_now())))?,
    };
    if let Some(threads) = args.threads {
        training.config_mut().threads = threads as usize;
    }
    if args.stop_on_divergence {
        training.config_mut().stop_on_divergence = true;
    }
    Ok(training)
}

/// The settings of a new run from the flags; the network as [`NetworkChoice`] makes it. The
/// defaults are the book's script for that network: `train_convnet.py` for the SimpleConvNet,
/// `train_neuralnet.py` for the others.
fn new_config(args: &TrainArgs) -> Result<TrainConfig, scratchnet_book::Error> {
    let book = match args.network {
        Some(NetworkKind::SimpleConv) => TrainConfig::train_convnet(),
        _ => TrainConfig::default(),
    };
    let rule = args.optimizer.kind_or(book.optimizer.kind);
    let lr = args.lr.unwrap_or(TrainConfig::default_lr(rule));
    let config = TrainConfig {
        iters: args.iters.map_or(book.iters, |n| n as usize),
        batch_size: args.batch_size as usize,
        optimizer: args.optimizer.config(book.optimizer.kind, lr),
        grad: args.grad,
        dtype: args.dtype,
        seed: args.seed,
        rng: args.rng,
        ..book
    };
    NetworkChoice {
        kind: args.network,
        hidden: args.hidden.iter().map(|&h| h as usize).collect(),
        activation: args.activation,
        init: args.init,
        batchnorm: args.batchnorm,
        dropout: args.dropout,
        weight_decay: args.weight_decay,
    }
    .into_config(config)
}

/// The epochs the run is to have, if they set its iterations: `--epochs`, or the 20 of
/// `train_convnet.py` for a new SimpleConvNet run without `--iters`.
fn epochs_asked(args: &TrainArgs) -> Option<usize> {
    let book = (args.network == Some(NetworkKind::SimpleConv) && args.iters.is_none())
        .then_some(BOOK_CONV_EPOCHS);
    args.epochs.map(|n| n as usize).or(book)
}

/// The epochs of the book's `train_convnet.py`.
const BOOK_CONV_EPOCHS: usize = 20;

/// The first line: the network, the data and every setting.
fn describe(training: &AnyTraining, images: usize, lang: Lang) -> String {
    let config = training.config();
    let dtype = if config.grad == GradMethod::Backprop {
        commands::TRAIN_IN_DTYPE.say(lang, &[("dtype", &config.dtype)])
    } else {
        String::new()
    };
    let sampled = match config.evaluate_sample_num_per_epoch {
        Some(n) => commands::TRAIN_SAMPLED.say(lang, &[("n", &n)]),
        None => String::new(),
    };
    let resuming = if training.next_iter() > 0 {
        commands::TRAIN_RESUMING.say(lang, &[("iter", &training.next_iter())])
    } else {
        String::new()
    };
    commands::TRAIN_DESCRIBE.say(
        lang,
        &[
            ("net", &config.describe_network(lang)),
            ("images", &images),
            ("iters", &config.iters),
            ("batch", &config.batch_size),
            ("rule", &config.optimizer.kind.title()),
            ("settings", &config.optimizer.describe()),
            ("grad", &words::grad_method(config.grad).get(lang)),
            ("dtype", &dtype),
            ("sampled", &sampled),
            ("seed", &config.seed),
            ("resuming", &resuming),
        ],
    )
}
