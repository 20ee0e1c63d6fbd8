//! `scratchnet tour`: the learner's notebook, step by step, with numbers and pictures; in
//! English, or in Korean with `--lang ko` (pictures keep English labels: the embedded font has
//! no Hangul).
//!
//! The file is long because the tour is: its text in two languages, beside the calls that make its
//! numbers, read in order.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::Context;
use scratchnet_book::data::source::{FoundMnist, MnistSource};
use scratchnet_book::descent::Gradient;
use scratchnet_book::train::{TrainConfig, TrainEvent, Training};
use scratchnet_book::{
    Descent, Landscape, OptimizerConfig, OptimizerKind, SimpleNet, gradient_field,
};
use scratchnet_plot::{
    plot_compare, plot_descent, plot_gradient_field, plot_tangent, plot_training,
};

use super::descend::report as descent_report;
use super::diff::Derivative;
use super::field::report as field_report;
use super::format::vector;
use super::lang::Lang;
use super::simplenet::Pass;

/// Flags of `scratchnet tour`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  scratchnet tour\n  scratchnet tour --lang ko --out tour-ko")]
pub struct TourArgs {
    /// The directory for the pictures (created if missing).
    #[arg(long, value_name = "DIR", default_value = "scratchnet-tour")]
    out: PathBuf,
    /// The directory with the four MNIST files, for the training chapter (default:
    /// $SCRATCHNET_DATA, else the cache `fetch-mnist` fills, else the built-in 5,000-image slice).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The language of the narration and tables: en (English) or ko (한국어, Korean).
    #[arg(long, value_enum, default_value = "en", ignore_case = true)]
    lang: Lang,
}

/// The tour's printer: the language, and where the pictures go.
struct Tour {
    lang: Lang,
    out: PathBuf,
}

impl Tour {
    fn chapter(&self, n: usize, (en_title, ko_title): (&str, &str), (en, ko): (&str, &str)) {
        let title = self.lang.pick(en_title, ko_title);
        // Hangul takes two columns in a terminal
        let width = unicode_width::UnicodeWidthStr::width(title);
        outln!(
            "\n{n}. {title}\n{}\n{}\n",
            "─".repeat(width + 3),
            self.lang.pick(en, ko)
        );
    }

    fn say(&self, en: &str, ko: &str) {
        outln!("{}", self.lang.pick(en, ko));
    }

    fn picture(&self, path: &Path) {
        outln!("{}: {}", self.lang.pick("picture", "그림"), path.display());
    }

    fn report(&self, f: Landscape, runs: &[Descent]) {
        outln!("{}\n", descent_report(f, Gradient::BOOK, runs, self.lang));
    }
}

fn descend(init: &[f64], lr: f64) -> anyhow::Result<Descent> {
    Ok(Landscape::Sphere.descend(init, lr, 100)?)
}

/// Walks through the notebook in order, one function per chapter.
pub fn run(args: TourArgs) -> anyhow::Result<()> {
    // MNIST first: a --data or $SCRATCHNET_DATA that points nowhere stops the tour before it starts.
    let mnist = scratchnet_book::find_mnist(args.data.as_deref())?;
    let tour = Tour {
        lang: args.lang,
        out: args.out,
    };
    std::fs::create_dir_all(&tour.out)
        .with_context(|| format!("creating the picture directory {}", tour.out.display()))?;
    tour.say(
        "scratchnet tour: learning by following the gradient (Deep Learning from Scratch, chapter 4)",
        "scratchnet 둘러보기: 기울기를 따라 내려가며 배우기 (밑바닥부터 시작하는 딥러닝, 4장)",
    );
    outln!(
        "{}",
        match tour.lang {
            Lang::En => format!("Pictures go to {}/.", tour.out.display()),
            Lang::Ko => format!(
                "그림은 {}/ 에 저장합니다 (그림 속 글자는 영어입니다).",
                tour.out.display()
            ),
        }
    );
    descent_from_four_starts(&tour)?;
    learning_rate_too_large(&tour)?;
    learning_rate_too_small(&tour)?;
    the_gradient_field(&tour)?;
    simple_net(&tour)?;
    one_dimension(&tour)?;
    learning_from_data(&tour, &mnist)?;
    saddle_points(&tour)?;
    plateaus(&tour)?;
    update_rules(&tour)?;
    tour.say(
        "\nNext: `scratchnet descend --init=-3,4 --lr 0.5 --plot my.png` tries your own learning rate,\n\
         `scratchnet simplenet --seed 1` a network with random weights, `scratchnet train` the book's\n\
         full 10,000 iterations, `scratchnet compare-mnist` the update rules on MNIST; `--help`\n\
         on each command.",
        "\n다음으로: `scratchnet descend --init=-3,4 --lr 0.5 --plot my.png`로 학습률을 직접 바꿔 보고,\n\
         `scratchnet simplenet --seed 1`로 무작위 가중치의 신경망을, `scratchnet train`으로 책의\n\
         10,000번 반복 전체를, `scratchnet compare-mnist`로 MNIST에서 갱신 규칙들을 비교해 보세요.\n\
         명령마다 `--help`가 있습니다.",
    );
    Ok(())
}

/// Chapter 1: gradient descent on the sphere from the notebook's four starts.
fn descent_from_four_starts(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        1,
        (
            "Gradient descent (notebook In [17], In [18])",
            "경사 하강법 (노트북 In [17], In [18])",
        ),
        (
            "The gradient ∇f points where f rises fastest, so a step against it goes downhill:\n\
             x ← x − η∇f(x), with η the learning rate. Here f(x) = x0² + x1², its minimum 0 at the\n\
             origin, and ∇f is taken numerically, by central difference with h = 1e-4. Four starting\n\
             points, η = 0.1, 100 steps. Each step multiplies x by 1 − 2η = 0.8, so after 100 steps\n\
             x has shrunk by 0.8¹⁰⁰ ≈ 2e-10.",
            "기울기 ∇f는 f가 가장 빨리 커지는 쪽을 가리킵니다. 그러니 반대로 한 걸음 옮기면\n\
             내리막입니다: x ← x − η∇f(x), η는 학습률. 여기서 f(x) = x0² + x1²이고 최솟값은\n\
             원점의 0입니다. ∇f는 h = 1e-4인 중앙 차분으로 수치적으로 구합니다. 시작점 네 곳,\n\
             η = 0.1, 100단계. 한 단계마다 x에 1 − 2η = 0.8이 곱해지므로 100단계 뒤 x는\n\
             0.8¹⁰⁰ ≈ 2e-10배로 줄어듭니다.",
        ),
    );
    let starts = [[-3.0, 4.0], [3.0, -4.0], [3.0, -2.0], [-3.0, 2.0]];
    let runs: Vec<Descent> = starts
        .iter()
        .map(|s| descend(s, 0.1))
        .collect::<Result<_, _>>()?;
    tour.report(Landscape::Sphere, &runs);
    let ours = vector(&runs[3].final_point());
    match tour.lang {
        Lang::En => outln!(
            "The notebook's Out[17], from (-3, 2): array([-6.11110793e-10,  4.07407195e-10])\n\
             {:>27} {ours}",
            "ours here:"
        ),
        Lang::Ko => outln!(
            "노트북의 Out[17], (-3, 2)에서 시작: array([-6.11110793e-10,  4.07407195e-10])\n\
             {:>27} {ours}",
            "여기서 얻은 값:"
        ),
    }
    tour.say(
        "The gradient does not always lead to a minimum: it can stop at a saddle point, or crawl\n\
         across a plateau where it is nearly zero. On this round bowl it finds the minimum.",
        "기울기가 언제나 최솟값으로 이끄는 것은 아닙니다. 안장점에서 멈추기도 하고, 기울기가\n\
         거의 0인 고원에서는 기어가듯 느려집니다. 이 둥근 그릇에서는 최솟값을 찾아갑니다.",
    );
    let path = tour.out.join("descent_lr_0.1.png");
    plot_descent(
        Landscape::Sphere,
        &runs,
        "gradient descent on x0² + x1² from four starts, lr 0.1",
    )?
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 2: lr = 10.
fn learning_rate_too_large(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        2,
        (
            "A learning rate that is too large: lr = 10 (notebook In [23])",
            "너무 큰 학습률: lr = 10 (노트북 In [23])",
        ),
        (
            "Each step now multiplies x by 1 − 2·10 = −19: the point jumps across the bowl, farther\n\
             every time. After step 10 it stops: not at a minimum, but because h = 1e-4 is smaller\n\
             than the spacing of floating-point numbers that far out, so x ± h is x again and the\n\
             numerical gradient comes out exactly 0.",
            "이제 한 단계마다 x에 1 − 2·10 = −19가 곱해집니다. 점이 그릇 건너편으로 점점 더 멀리\n\
             튑니다. 10단계 뒤에는 멈추는데, 최솟값이어서가 아니라 그렇게 먼 곳에서는 h = 1e-4가\n\
             부동소수점 간격보다 작아 x ± h가 다시 x가 되고, 수치 기울기가 정확히 0이 되기\n\
             때문입니다.",
        ),
    );
    let big = vec![descend(&[-3.0, 4.0], 10.0)?];
    tour.report(Landscape::Sphere, &big);
    let path = tour.out.join("descent_lr_10.png");
    plot_descent(
        Landscape::Sphere,
        &big,
        "lr = 10 is too large: the point flies away",
    )?
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 3: lr = 1e-10.
fn learning_rate_too_small(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        3,
        (
            "A learning rate that is too small: lr = 1e-10 (notebook In [24])",
            "너무 작은 학습률: lr = 1e-10 (노트북 In [24])",
        ),
        (
            "Each step multiplies x by 1 − 2e-10: after 100 steps it has hardly moved.",
            "한 단계마다 x에 1 − 2e-10이 곱해집니다. 100단계가 지나도 거의 제자리입니다.",
        ),
    );
    let small = vec![descend(&[-3.0, 4.0], 1e-10)?];
    tour.report(Landscape::Sphere, &small);
    let path = tour.out.join("descent_lr_1e-10.png");
    plot_descent(
        Landscape::Sphere,
        &small,
        "lr = 1e-10 is too small: the point barely moves",
    )?
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 4: the gradient field of the sphere.
fn the_gradient_field(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        4,
        (
            "The gradient field (the book's gradient_2d.py)",
            "기울기 벡터장 (책의 gradient_2d.py)",
        ),
        (
            "−∇f at every point of the book's grid (np.arange(-2, 2.5, 0.25) on both axes): every\n\
             arrow points toward lower values, and the farther from the minimum, the steeper the\n\
             slope and the longer the arrow.",
            "책과 같은 격자(두 축 모두 np.arange(-2, 2.5, 0.25))의 모든 점에서 −∇f를 그립니다.\n\
             화살표는 모두 더 낮은 값 쪽을 가리키고, 최솟값에서 멀수록 경사가 가팔라 화살표가\n\
             깁니다.",
        ),
    );
    let field = gradient_field(|x| Landscape::Sphere.eval(x.view()), -2.0, 2.5, 0.25);
    outln!("{}\n", field_report(Landscape::Sphere, &field, tour.lang));
    let path = tour.out.join("gradient_field.png");
    plot_gradient_field(
        Landscape::Sphere,
        &field,
        "−∇f of f = x0² + x1²: arrows point downhill",
    )?
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 5: simpleNet and ∂L/∂W.
fn simple_net(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        5,
        (
            "The gradient of a network: simpleNet (notebook In [19], In [20])",
            "신경망의 기울기: simpleNet (노트북 In [19], In [20])",
        ),
        (
            "A network's loss L is a function of its weights W, and ∂L/∂W, of the shape of W, says\n\
             how L changes when each weight changes a little. simpleNet: p = x · W (2x3 weights),\n\
             y = softmax(p), L = cross_entropy_error(y, t). W is the one printed in the notebook;\n\
             the notebook printed p = [-1.00502272  0.86215244 -0.22711487].",
            "신경망의 손실 L은 가중치 W의 함수이고, W와 모양이 같은 ∂L/∂W는 가중치 하나하나를\n\
             조금 바꿀 때 L이 어떻게 변하는지 알려 줍니다. simpleNet: p = x · W (2x3 가중치),\n\
             y = softmax(p), L = cross_entropy_error(y, t). W는 노트북에 출력된 값 그대로이고,\n\
             노트북은 p = [-1.00502272  0.86215244 -0.22711487]을 출력했습니다.",
        ),
    );
    let mut net = SimpleNet::notebook();
    out!(
        "{}",
        Pass::new(&mut net, ndarray::array![0.6, 0.9], 2).report(tour.lang)
    );
    tour.say(
        "A negative entry of dW means: increase that weight to lower the loss. The weights into\n\
         the correct class 2 have negative derivatives; training follows −dW, as in chapter 1.",
        "dW의 음수 항목은 그 가중치를 키우면 손실이 줄어든다는 뜻입니다. 정답 클래스 2로 가는\n\
         가중치들의 미분이 음수입니다. 학습은 1장에서처럼 −dW 쪽으로 움직입니다.",
    );
    Ok(())
}

/// Chapter 6: the derivative of function_1 and its tangent.
fn one_dimension(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        6,
        (
            "One dimension: the derivative and its tangent line (the book's gradient_1d.py)",
            "1차원: 미분과 접선 (책의 gradient_1d.py)",
        ),
        (
            "The same central difference on f(x) = 0.01x² + 0.1x at x = 5: the true slope is 0.2.",
            "같은 중앙 차분을 x = 5에서 f(x) = 0.01x² + 0.1x에 적용합니다. 참 기울기는 0.2입니다.",
        ),
    );
    let d = Derivative::new(Landscape::Function1, 5.0);
    out!("{}", d.report(tour.lang));
    let path = tour.out.join("tangent_function_1.png");
    plot_tangent(Landscape::Function1, 5.0, d.slope)?.save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 7: TwoLayerNet on MNIST.
fn learning_from_data(tour: &Tour, mnist: &FoundMnist) -> anyhow::Result<()> {
    tour.chapter(
        7,
        (
            "Learning from data: TwoLayerNet on MNIST (the book's train_neuralnet.py)",
            "데이터로 학습하기: MNIST로 TwoLayerNet 훈련 (책의 train_neuralnet.py)",
        ),
        (
            "A network of 784 inputs (28x28 pixels), 50 sigmoid units and 10 outputs, 39,760 weights.\n\
             Each iteration takes 100 training images at random, computes the gradient of the loss\n\
             on them (by backpropagation: the numerical gradient would need 79,520 forward passes),\n\
             and steps every weight against it with lr 0.1, for 1,800 iterations; a line every 600:",
            "입력 784개(28x28 화소), 시그모이드 50개, 출력 10개, 가중치 39,760개인 신경망입니다.\n\
             반복마다 훈련 이미지 100장을 무작위로 골라 손실의 기울기를 구하고(오차역전파로:\n\
             수치 미분이라면 순전파가 79,520번 필요합니다), 학습률 0.1로 모든 가중치를 그 반대\n\
             방향으로 옮깁니다. 1,800번 반복하고, 600번마다 한 줄씩 출력합니다:",
        ),
    );
    train_chapter(tour, mnist)
}

/// Chapter 8: a saddle point, on and off the ridge.
fn saddle_points(tour: &Tour) -> anyhow::Result<()> {
    tour.chapter(
        8,
        (
            "Where the gradient misleads, and better rules (the notebook's saddle points and plateaus; chapter 6)",
            "기울기가 길을 잃는 곳과 더 나은 규칙 (노트북의 안장점과 고원; 6장)",
        ),
        (
            "The notebook warns that the gradient may lead to a saddle point or onto a plateau, where\n\
             it is small although nothing is minimal. On f = x0² − x1², started on the ridge x1 = 0,\n\
             plain gradient descent walks into the saddle at the origin and stops; started 0.01 off\n\
             the ridge, it falls away along x1. 100 steps each. The diagnosis looks at the curvature\n\
             (the eigenvalues of the numerical Hessian) to tell a saddle from a minimum.",
            "노트북은 기울기가 안장점이나 고원으로 이끌 수 있다고 경고합니다. 그곳에서는 최소가\n\
             아닌데도 기울기가 작습니다. f = x0² − x1²에서 능선 x1 = 0 위에서 출발하면 평범한\n\
             경사 하강법은 원점의 안장점으로 걸어 들어가 멈춥니다. 능선에서 0.01만 벗어나 출발하면\n\
             x1 방향으로 굴러떨어집니다. 각각 100단계. 진단은 곡률(수치 헤세 행렬의 고윳값)을 보고\n\
             안장점과 최솟값을 구별합니다.",
        ),
    );
    let saddle = Landscape::Saddle;
    let runs = [
        saddle.descend(&[-3.0, 0.0], 0.1, 100)?,
        saddle.descend(&[-3.0, 0.01], 0.1, 100)?,
    ];
    tour.report(saddle, &runs[..1]);
    let off = tour.lang.diagnosis(&runs[1].diagnosis);
    match tour.lang {
        Lang::En => outln!("From (-3, 0.01) instead: {off}\n"),
        Lang::Ko => outln!("대신 (-3, 0.01)에서 출발하면: {off}\n"),
    }
    tour.say(
        "Off the ridge x1 grows 1.2-fold a step: 0.01 · 1.2¹⁰⁰ ≈ 8e5 after 100 steps, too far for\n\
         a map that also shows the saddle. The picture shows the first 30 steps of both runs.",
        "능선 밖에서는 x1이 한 단계마다 1.2배가 되어 100단계 뒤 0.01 · 1.2¹⁰⁰ ≈ 8e5에 이릅니다.\n\
         안장점과 함께 보여 주기에는 너무 멀어서, 그림에는 두 실행의 처음 30단계를 그립니다.",
    );
    // the same runs cut at step 30, each keeping its diagnosis after 100 steps for the legend
    let first_30 = runs.each_ref().map(|r| r.first_steps(30));
    let path = tour.out.join("saddle.png");
    plot_descent(
        saddle,
        &first_30,
        "a saddle, the first 30 of 100 steps: on the ridge, descent stops at the saddle; off it, it falls away",
    )?
    .save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 8, continued: a plateau, SGD against Adam.
fn plateaus(tour: &Tour) -> anyhow::Result<()> {
    tour.say(
        "\nOn f = 1 − exp(−(x0² + x1²)/2), from (4, 3), the bottom is 5 away but the slope there is\n\
         about 2e-5: plain descent crawls. Adam divides each step by the size of recent gradients,\n\
         so a tiny but steady slope still gives full-sized steps:\n",
        "\nf = 1 − exp(−(x0² + x1²)/2)에서 (4, 3)에 서면 바닥까지 5만큼 떨어져 있지만 그곳의\n\
         기울기는 2e-5 정도라 평범한 경사 하강법은 기어갑니다. Adam은 한 걸음을 최근 기울기의\n\
         크기로 나누므로, 아주 작더라도 꾸준한 기울기라면 제 크기의 걸음을 내딛습니다:\n",
    );
    let plateau = Landscape::Plateau;
    let adam = OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.3);
    let runs = vec![
        plateau.descend(&[4.0, 3.0], 0.1, 100)?,
        plateau.descend_with(&[4.0, 3.0], adam, 100)?,
    ];
    tour.report(plateau, &runs[..1]);
    let adams = tour.lang.diagnosis(&runs[1].diagnosis);
    match tour.lang {
        Lang::En => outln!("Adam, lr 0.3, from the same start: {adams}\n"),
        Lang::Ko => outln!("같은 시작점에서 Adam, lr 0.3: {adams}\n"),
    }
    let path = tour.out.join("plateau.png");
    plot_descent(plateau, &runs, "a plateau: SGD crawls, Adam crosses")?.save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// Chapter 8, continued: the book's four update rules on the bowl (figure 6-8).
fn update_rules(tour: &Tour) -> anyhow::Result<()> {
    tour.say(
        "\nThe book's comparison (figure 6-8): f = x0²/20 + x1² is 20 times steeper across than\n\
         along, so SGD zigzags; Momentum rolls like a ball; AdaGrad shrinks its steps where the\n\
         gradient has been large; Adam combines both. 30 steps each, the book's learning rates:\n",
        "\n책의 비교(그림 6-8): f = x0²/20 + x1²은 가로보다 세로로 20배 가파르기 때문에 SGD는\n\
         지그재그로 움직입니다. Momentum은 공처럼 굴러가고, AdaGrad는 기울기가 컸던 방향의 걸음을\n\
         줄이며, Adam은 둘을 합칩니다. 각각 30단계, 책의 학습률로:\n",
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
        let (ends, at) = (
            vector(&r.final_point()),
            format!("f = {:.5}", r.final_value()),
        );
        match tour.lang {
            Lang::En => outln!(
                "{:<9} lr {:<5} ends at {ends}, {at}",
                r.optimizer.kind.title(),
                r.lr()
            ),
            Lang::Ko => outln!(
                "{:<9} lr {:<5} 도착점 {ends}, {at}",
                r.optimizer.kind.title(),
                r.lr()
            ),
        }
    }
    let path = tour.out.join("optimizers_bowl.png");
    plot_compare(bowl, &runs, "30 steps on f = x0²/20 + x1² from (-7, 2)")?.save(&path)?;
    tour.picture(&path);
    Ok(())
}

/// The training chapter: 1,800 iterations on MNIST as found (the whole set, or the built-in
/// slice), a line every 600 iterations, and the curves.
// About 85 lines: the tour's chapter on training, its text and its run interleaved as the learner
// reads them.
fn train_chapter(tour: &Tour, found: &FoundMnist) -> anyhow::Result<()> {
    let lang = tour.lang;
    let (train, test) = (found.data.train.len(), found.data.test.len());
    match (lang, &found.source) {
        (Lang::En, _) => outln!("{found}\n"),
        (Lang::Ko, MnistSource::BuiltIn) => outln!(
            "MNIST: 내장된 일부(훈련 이미지 {train}장, 시험 이미지 {test}장). 70,000장 전체는 \
             `scratchnet fetch-mnist`로 받습니다.\n"
        ),
        (Lang::Ko, source) => {
            outln!("MNIST: 훈련 이미지 {train}장, 시험 이미지 {test}장, 위치 {source}\n")
        }
    }
    let mut training = Training::new(TrainConfig {
        iters: 1801,
        ..TrainConfig::default()
    })?;
    let data = scratchnet_engine::TrainingData::new(&found.data);
    scratchnet_engine::run(&mut training, &data, |event| {
        if let TrainEvent::Epoch(e) = event
            && e.iter % 600 == 0
        {
            outln!("{}", super::train::epoch_line(e, lang));
        }
        ControlFlow::Continue(())
    });
    let last = training
        .history
        .final_accuracy
        .context("the run measured its accuracy")?;
    let path = tour.out.join("training.png");
    let data = match found.source {
        MnistSource::BuiltIn => "the built-in MNIST slice",
        _ => "MNIST",
    };
    plot_training(
        &training.history,
        &format!("TwoLayerNet 784-50-10 (sigmoid) on {data}, 1,800 iterations"),
    )?
    .save(&path)?;
    let (test, gap) = (
        100.0 * last.test_acc,
        100.0 * (last.train_acc - last.test_acc),
    );
    let seen = (1800 * 100) as f64 / found.data.train.len() as f64;
    match lang {
        Lang::En => outln!(
            "From 10 % (guessing) to {test:.1} % on test images it never trained on, in 1,800 iterations."
        ),
        Lang::Ko => outln!(
            "찍기 수준인 10 %에서, 훈련에 쓰지 않은 시험 이미지에 대해 {test:.1} %까지: 1,800번 반복으로."
        ),
    }
    match (lang, gap > 2.0) {
        (Lang::En, true) => outln!(
            "Training accuracy is {gap:.1} points above test accuracy: each training image has been\n\
             seen {seen:.0} times, and the network fits them more closely than new ones (overfitting,\n\
             chapter 6)."
        ),
        (Lang::Ko, true) => outln!(
            "훈련 정확도가 시험 정확도보다 {gap:.1}%p 높습니다. 훈련 이미지를 각각 {seen:.0}번씩 보았기\n\
             때문에 새 이미지보다 그 이미지들에 더 잘 맞춰졌습니다(오버피팅, 6장)."
        ),
        (_, false) => tour.say(
            "The test accuracy follows the training accuracy: the network has not overfitted.",
            "시험 정확도가 훈련 정확도를 따라갑니다. 오버피팅은 일어나지 않았습니다.",
        ),
    }
    if found.is_full() {
        tour.say(
            "`scratchnet train` runs the book's 10,000 iterations to about 94.5 %.",
            "`scratchnet train`은 책의 10,000번 반복으로 약 94.5 %에 이릅니다.",
        );
    } else {
        tour.say(
            "With all 60,000 training images and the book's 10,000 iterations the same network\n\
             reaches about 94.5 %: `scratchnet fetch-mnist`, then `scratchnet train`.",
            "훈련 이미지 60,000장 전체와 책의 10,000번 반복이면 같은 신경망이 약 94.5 %에\n\
             이릅니다: `scratchnet fetch-mnist` 다음에 `scratchnet train`.",
        );
    }
    tour.picture(&path);
    Ok(())
}
