//! `scratchnet tour`: the learner's notebook, step by step, with numbers and pictures.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::Context;
use scratchnet::data::source::{FoundMnist, MnistSource};
use scratchnet::plot::{
    plot_compare, plot_descent, plot_gradient_field, plot_tangent, plot_training,
};
use scratchnet::train::{TrainConfig, TrainEvent, Training};
use scratchnet::{Descent, Landscape, OptimizerConfig, OptimizerKind, SimpleNet, gradient_field};

use super::descend::report as descent_report;
use super::diff::Derivative;
use super::field::report as field_report;
use super::format::vector;
use super::simplenet::Pass;

/// Flags of `scratchnet tour`.
#[derive(Debug, clap::Args)]
pub struct TourArgs {
    /// The directory for the pictures (created if missing).
    #[arg(long, value_name = "DIR", default_value = "scratchnet-tour")]
    out: PathBuf,
    /// The directory with the four MNIST files, for the training chapter (default:
    /// $SCRATCHNET_DATA, else the cache `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
}

fn chapter(n: usize, title: &str, text: &str) {
    println!(
        "\n{n}. {title}\n{}\n{text}\n",
        "─".repeat(title.chars().count() + 3)
    );
}

fn descend(init: &[f64], lr: f64) -> anyhow::Result<Descent> {
    Ok(Landscape::Sphere.descend(init, lr, 100)?)
}

fn picture(path: &Path) {
    println!("picture: {}", path.display());
}

/// Walks through the notebook in order, one function per chapter.
pub fn run(args: TourArgs) -> anyhow::Result<()> {
    // MNIST first: a --data or $SCRATCHNET_DATA that points nowhere stops the tour before it starts.
    let mnist = scratchnet::find_mnist(args.data.as_deref())?;
    let out = &args.out;
    std::fs::create_dir_all(out)
        .with_context(|| format!("creating the picture directory {}", out.display()))?;
    println!(
        "scratchnet tour: learning by following the gradient (Deep Learning from Scratch, chapter 4)"
    );
    println!("Pictures go to {}/.", out.display());
    descent_from_four_starts(out)?;
    learning_rate_too_large(out)?;
    learning_rate_too_small(out)?;
    the_gradient_field(out)?;
    simple_net()?;
    one_dimension(out)?;
    learning_from_data(out, &mnist)?;
    saddle_points(out)?;
    plateaus(out)?;
    update_rules(out)?;
    println!(
        "\nNext: `scratchnet descend --init=-3,4 --lr 0.5 --plot my.png` tries your own learning rate,\n\
         `scratchnet simplenet --seed 1` a network with random weights, `scratchnet train` the book's\n\
         full 10,000 iterations, `scratchnet compare-mnist` the update rules on MNIST; `--help`\n\
         on each command."
    );
    Ok(())
}

/// Chapter 1: gradient descent on the sphere from the notebook's four starts.
fn descent_from_four_starts(out: &Path) -> anyhow::Result<()> {
    chapter(
        1,
        "Gradient descent (notebook In [17], In [18])",
        "The gradient ∇f points where f rises fastest, so a step against it goes downhill:\n\
         x ← x − η∇f(x), with η the learning rate. Here f(x) = x0² + x1², its minimum 0 at the\n\
         origin, and ∇f is taken numerically, by central difference with h = 1e-4. Four starting\n\
         points, η = 0.1, 100 steps. Each step multiplies x by 1 − 2η = 0.8, so after 100 steps\n\
         x has shrunk by 0.8¹⁰⁰ ≈ 2e-10.",
    );
    let starts = [[-3.0, 4.0], [3.0, -4.0], [3.0, -2.0], [-3.0, 2.0]];
    let runs: Vec<Descent> = starts
        .iter()
        .map(|s| descend(s, 0.1))
        .collect::<Result<_, _>>()?;
    println!("{}\n", descent_report(Landscape::Sphere, &runs));
    println!("The notebook's Out[17], from (-3, 2): array([-6.11110793e-10,  4.07407195e-10])");
    println!(
        "                           ours here: {}",
        vector(&runs[3].final_point())
    );
    println!(
        "The gradient does not always lead to a minimum: it can stop at a saddle point, or crawl\n\
         across a plateau where it is nearly zero. On this round bowl it finds the minimum."
    );
    let path = out.join("descent_lr_0.1.png");
    plot_descent(
        &path,
        Landscape::Sphere,
        &runs,
        "gradient descent on x0² + x1² from four starts, lr 0.1",
    )?;
    picture(&path);
    Ok(())
}

/// Chapter 2: lr = 10.
fn learning_rate_too_large(out: &Path) -> anyhow::Result<()> {
    chapter(
        2,
        "A learning rate that is too large: lr = 10 (notebook In [23])",
        "Each step now multiplies x by 1 − 2·10 = −19: the point jumps across the bowl, farther\n\
         every time.",
    );
    let big = vec![descend(&[-3.0, 4.0], 10.0)?];
    println!("{}\n", descent_report(Landscape::Sphere, &big));
    let path = out.join("descent_lr_10.png");
    plot_descent(
        &path,
        Landscape::Sphere,
        &big,
        "lr = 10 is too large: the point flies away",
    )?;
    picture(&path);
    Ok(())
}

/// Chapter 3: lr = 1e-10.
fn learning_rate_too_small(out: &Path) -> anyhow::Result<()> {
    chapter(
        3,
        "A learning rate that is too small: lr = 1e-10 (notebook In [24])",
        "Each step multiplies x by 1 − 2e-10: after 100 steps it has hardly moved.",
    );
    let small = vec![descend(&[-3.0, 4.0], 1e-10)?];
    println!("{}\n", descent_report(Landscape::Sphere, &small));
    let path = out.join("descent_lr_1e-10.png");
    plot_descent(
        &path,
        Landscape::Sphere,
        &small,
        "lr = 1e-10 is too small: the point barely moves",
    )?;
    picture(&path);
    Ok(())
}

/// Chapter 4: the gradient field of the sphere.
fn the_gradient_field(out: &Path) -> anyhow::Result<()> {
    chapter(
        4,
        "The gradient field (the book's gradient_2d.py)",
        "−∇f at every point of a grid: every arrow points toward lower values, and the farther\n\
         from the minimum, the steeper the slope and the longer the arrow.",
    );
    // the book's grid: np.arange(-2, 2.5, 0.25) on both axes, 18 x 18 points
    let field = gradient_field(|x| Landscape::Sphere.eval(x.view()), -2.0, 2.5, 0.25);
    println!("{}\n", field_report(Landscape::Sphere, &field));
    let path = out.join("gradient_field.png");
    plot_gradient_field(
        &path,
        Landscape::Sphere,
        &field,
        "−∇f of f = x0² + x1²: arrows point downhill",
    )?;
    picture(&path);
    Ok(())
}

/// Chapter 5: simpleNet and ∂L/∂W.
fn simple_net() -> anyhow::Result<()> {
    chapter(
        5,
        "The gradient of a network: simpleNet (notebook In [19], In [20])",
        "A network's loss L is a function of its weights W, and ∂L/∂W, of the shape of W, says\n\
         how L changes when each weight changes a little. simpleNet: p = x · W (2x3 weights),\n\
         y = softmax(p), L = cross_entropy_error(y, t). W is the one printed in the notebook;\n\
         the notebook printed p = [-1.00502272  0.86215244 -0.22711487].",
    );
    let mut net = SimpleNet::notebook();
    print!(
        "{}",
        Pass::new(&mut net, ndarray::array![0.6, 0.9], 2).report()
    );
    println!(
        "A negative entry of dW means: increase that weight to lower the loss. The weights into\n\
         the correct class 2 have negative derivatives; training follows −dW, as in chapter 1."
    );
    Ok(())
}

/// Chapter 6: the derivative of function_1 and its tangent.
fn one_dimension(out: &Path) -> anyhow::Result<()> {
    chapter(
        6,
        "One dimension: the derivative and its tangent line (the book's gradient_1d.py)",
        "The same central difference on f(x) = 0.01x² + 0.1x at x = 5: the true slope is 0.2.",
    );
    let d = Derivative::new(Landscape::Function1, 5.0);
    print!("{}", d.report());
    let path = out.join("tangent_function_1.png");
    plot_tangent(&path, Landscape::Function1, 5.0, d.slope)?;
    picture(&path);
    Ok(())
}

/// Chapter 7: TwoLayerNet on MNIST.
fn learning_from_data(out: &Path, mnist: &FoundMnist) -> anyhow::Result<()> {
    chapter(
        7,
        "Learning from data: TwoLayerNet on MNIST (the book's train_neuralnet.py)",
        "A network of 784 inputs (28x28 pixels), 50 sigmoid units and 10 outputs, 39,760 weights.\n\
         Each iteration takes 100 training images at random, computes the gradient of the loss\n\
         on them (by backpropagation: the numerical gradient would need 79,520 forward passes),\n\
         and steps every weight against it with lr 0.1, for 1,800 iterations:",
    );
    train_chapter(out, mnist)?;
    Ok(())
}

/// Chapter 8: a saddle point, on and off the ridge.
fn saddle_points(out: &Path) -> anyhow::Result<()> {
    chapter(
        8,
        "Where the gradient misleads, and better rules (the notebook's saddle points and plateaus; chapter 6)",
        "The notebook warns that the gradient may lead to a saddle point or onto a plateau, where\n\
         it is small although nothing is minimal. On f = x0² − x1², started on the ridge x1 = 0,\n\
         plain gradient descent walks into the saddle at the origin and stops; started 0.01 off\n\
         the ridge, it falls away along x1. The diagnosis looks at the curvature (the eigenvalues\n\
         of the numerical Hessian) to tell a saddle from a minimum.",
    );
    let saddle = Landscape::Saddle;
    let runs = vec![
        saddle.descend(&[-3.0, 0.0], 0.1, 100)?,
        saddle.descend(&[-3.0, 0.01], 0.1, 32)?,
    ];
    println!("{}\n", descent_report(saddle, &runs[..1]));
    println!("From (-3, 0.01) instead: {}\n", runs[1].diagnosis.message);
    let path = out.join("saddle.png");
    plot_descent(
        &path,
        saddle,
        &runs,
        "a saddle: on the ridge, gradient descent stops; off it, it falls away",
    )?;
    picture(&path);
    Ok(())
}

/// Chapter 8, continued: a plateau, SGD against Adam.
fn plateaus(out: &Path) -> anyhow::Result<()> {
    println!(
        "\nOn f = 1 − exp(−(x0² + x1²)/2), from (4, 3), the bottom is 5 away but the slope there is\n\
         about 2e-5: plain descent crawls. Adam divides each step by the size of recent gradients,\n\
         so a tiny but steady slope still gives full-sized steps:\n"
    );
    let plateau = Landscape::Plateau;
    let adam = OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.3);
    let runs = vec![
        plateau.descend(&[4.0, 3.0], 0.1, 100)?,
        plateau.descend_with(&[4.0, 3.0], adam, 100)?,
    ];
    println!("{}\n", descent_report(plateau, &runs[..1]));
    println!(
        "Adam, lr 0.3, from the same start: {}\n",
        runs[1].diagnosis.message
    );
    let path = out.join("plateau.png");
    plot_descent(&path, plateau, &runs, "a plateau: SGD crawls, Adam crosses")?;
    picture(&path);
    Ok(())
}

/// Chapter 8, continued: the book's four update rules on the bowl (figure 6-8).
fn update_rules(out: &Path) -> anyhow::Result<()> {
    println!(
        "\nThe book's comparison (figure 6-8): f = x0²/20 + x1² is 20 times steeper across than\n\
         along, so SGD zigzags; Momentum rolls like a ball; AdaGrad shrinks its steps where the\n\
         gradient has been large; Adam combines both. 30 steps each, the book's learning rates:\n"
    );
    let bowl = Landscape::Bowl;
    let runs: Vec<Descent> = [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::AdaGrad,
        OptimizerKind::Adam,
    ]
    .into_iter()
    .map(|k| {
        bowl.descend_with(
            &[-7.0, 2.0],
            OptimizerConfig::new(k).with_lr(k.bowl_lr()),
            30,
        )
    })
    .collect::<Result<_, _>>()?;
    for r in &runs {
        println!(
            "{:<9} lr {:<5} ends at {}, f = {:.5}",
            r.optimizer.kind.title(),
            r.lr(),
            vector(&r.final_point()),
            r.final_value()
        );
    }
    let path = out.join("optimizers_bowl.png");
    plot_compare(
        &path,
        bowl,
        &runs,
        "30 steps on f = x0²/20 + x1² from (-7, 2)",
    )?;
    picture(&path);
    Ok(())
}

/// The training chapter: 1,800 iterations on MNIST as found (the whole set, or the built-in
/// slice), a line every 600 iterations, and the curves.
fn train_chapter(out: &Path, found: &FoundMnist) -> anyhow::Result<()> {
    println!("{found}\n");
    let mut training = Training::new(TrainConfig {
        iters: 1801,
        ..TrainConfig::default()
    })?;
    training.run(&found.data, |event| {
        if let TrainEvent::Epoch(e) = event
            && e.iter % 600 == 0
        {
            println!("{}", super::train::epoch_line(e));
        }
        ControlFlow::Continue(())
    });
    let last = training
        .history
        .final_accuracy
        .context("the run measured its accuracy")?;
    let path = out.join("training.png");
    let data = match found.source {
        MnistSource::BuiltIn => "the built-in MNIST slice",
        _ => "MNIST",
    };
    plot_training(
        &path,
        &training.history,
        &format!("TwoLayerNet 784-50-10 (sigmoid) on {data}, 1,800 iterations"),
    )?;
    let gap = last.train_acc - last.test_acc;
    println!(
        "From 10 % (guessing) to {:.1} % on test images it never trained on, in 1,800 iterations.",
        100.0 * last.test_acc
    );
    if gap > 0.02 {
        println!(
            "Training accuracy is {:.1} points above test accuracy: each training image has been\n\
             seen {:.0} times, and the network fits them more closely than new ones (overfitting,\n\
             chapter 6).",
            100.0 * gap,
            (1800 * 100) as f64 / found.data.train.len() as f64
        );
    } else {
        println!(
            "The test accuracy follows the training accuracy: the network has not overfitted."
        );
    }
    if found.is_full() {
        println!("`scratchnet train` runs the book's 10,000 iterations to about 94.5 %.");
    } else {
        println!(
            "With all 60,000 training images and the book's 10,000 iterations the same network\n\
             reaches about 94.5 %: `scratchnet fetch-mnist`, then `scratchnet train`."
        );
    }
    picture(&path);
    Ok(())
}
