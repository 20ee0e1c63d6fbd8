//! The tour's narration (`scratchnet tour`), part by part, in the order the tour prints
//! it: each part's title and introduction, the sentences between its numbers, and its
//! pictures' titles.
//!
//! A text is one paragraph; the tour wraps it to the terminal's width (a `\n` in a text is a
//! line break the tour keeps). In Korean no `{value}` or number is followed by a particle whose
//! form depends on how it is read (이/가, 은/는, 을/를, 으로/로, 와/과): the sentences put 입니다,
//! 에서, 까지, 보다 or 만큼 after them.

super::texts! {
    /// The tour's first line.
    HEADER = "tour.header" {
        en: "scratchnet tour: how a network learns by gradient descent (Deep Learning from \
             Scratch, chapter 4)",
        ko: "scratchnet 둘러보기: 신경망이 경사 하강법으로 학습하는 과정 (밑바닥부터 시작하는 \
             딥러닝 4장)",
    }
    /// The tour's second line: where the pictures are written.
    PICTURES_GO = "tour.pictures-go" {
        en: "Pictures go to {dir}/.",
        ko: "그림은 {dir}/에 저장합니다.",
    }

    /// Part 1's title: gradient descent on the sphere from the notebook's four starts.
    TITLE_1 = "tour.title-1" {
        en: "Gradient descent (notebook In [17], In [18])",
        ko: "경사 하강법 (노트북 In [17], In [18])",
    }
    /// Part 1's introduction, before the table of the four runs.
    INTRO_1 = "tour.intro-1" {
        en: "The gradient ∇f points where f grows fastest, so a step against it, along −∇f, goes \
             downhill: x ← x − η∇f(x), with η the learning rate. Here f(x) = x0² + x1², its minimum \
             0 at the origin, and ∇f is taken numerically, by central difference with h = 1e-4. \
             Four starting points, η = 0.1, 100 steps each. Each step multiplies x by 1 − 2η = 0.8, \
             so after 100 steps x has shrunk by a factor of 0.8¹⁰⁰ ≈ 2e-10.",
        ko: "기울기 ∇f는 f가 가장 빠르게 커지는 방향을 가리킵니다. 따라서 그 반대 방향인 −∇f 쪽으로 \
             한 걸음 옮기면 f가 작아집니다. 경사 하강법은 x ← x − η∇f(x)에 따라 이 걸음을 \
             되풀이합니다. η는 학습률입니다. 여기서 다루는 함수는 f(x) = x0² + x1²입니다. 이 함수는 원점에서 \
             가장 작아지며, 그 최솟값은 0입니다. ∇f는 중앙 차분으로 수치 미분하여 구합니다(h = 1e-4). \
             네 시작점에서 각각 100번 반복하며, 학습률은 η = 0.1입니다. 한 번 반복할 때마다 x는 \
             1 − 2η = 0.8배가 되므로, 100번 반복하면 처음의 0.8¹⁰⁰ ≈ 2e-10배로 줄어듭니다.",
    }
    /// Part 1: the notebook's `Out[17]` over the same point found here (two lines, aligned).
    OUT_17 = "tour.out-17" {
        en: "The notebook's Out[17], from (-3, 2): array([-6.11110793e-10,  4.07407195e-10])\n                           ours here: {ours}",
        ko: "(-3, 2)에서 시작한 노트북의 Out[17]: array([-6.11110793e-10,  4.07407195e-10])\n                     여기서 구한 값: {ours}",
    }
    /// Part 1: where going against the gradient does not lead to a minimum.
    NOT_ALWAYS_A_MINIMUM = "tour.not-always-a-minimum" {
        en: "Going against the gradient does not always lead to a minimum: descent can stop at a \
             saddle point, or crawl across a plateau where the gradient is nearly zero. On this \
             round bowl it finds the minimum.",
        ko: "기울기의 반대 방향으로 내려간다고 해서 언제나 최소점에 닿는 것은 아닙니다. 안장점에서 \
             멈출 수도 있고, 기울기가 거의 0인 고원에서는 기어가듯 느리게 움직이기도 합니다. 이 둥근 \
             그릇 같은 함수에서는 최소점을 찾아갑니다.",
    }
    /// Part 1's picture: the four paths.
    PICTURE_FOUR_STARTS = "tour.picture-four-starts" {
        en: "gradient descent on x0² + x1² from four starts, lr 0.1",
        ko: "f = x0² + x1²에서 네 시작점부터 내려간 경로(학습률 0.1)",
    }

    /// Part 2's title: lr = 10.
    TITLE_2 = "tour.title-2" {
        en: "A learning rate that is too large: lr = 10 (notebook In [23])",
        ko: "학습률이 너무 큰 경우: lr = 10 (노트북 In [23])",
    }
    /// Part 2's introduction: why the point flies away, and why it stops far away.
    INTRO_2 = "tour.intro-2" {
        en: "Each step now multiplies x by 1 − 2·10 = −19: the point jumps across the bowl, \
             farther every time. After step 10 it stops: not at a minimum, but because h = 1e-4 is \
             below half the spacing of floating-point numbers that far out, so x ± h rounds back to \
             x and the numerical gradient comes out exactly 0.",
        ko: "이번에는 한 번 반복할 때마다 x가 1 − 2·10 = −19배가 됩니다. 점은 그릇의 반대편으로 \
             건너뛰며, 건너뛸 때마다 원점에서 더 멀어집니다. 10번째 반복 뒤에는 점이 멈추지만, \
             최소점에 닿아서가 아닙니다. 그렇게 먼 곳에서는 부동소수점 수 사이의 간격이 h = 1e-4의 \
             두 배보다 넓어서, x ± h의 계산 결과가 반올림되어 다시 x가 됩니다. 그래서 수치 미분으로 구한 \
             기울기는 정확히 0입니다. 점이 멈춘 것은 이 때문입니다.",
    }
    /// Part 2's picture.
    PICTURE_LR_10 = "tour.picture-lr-10" {
        en: "lr = 10 is too large: the point flies away",
        ko: "너무 큰 학습률(10)에서는 점이 멀리 날아가 버립니다",
    }

    /// Part 3's title: lr = 1e-10.
    TITLE_3 = "tour.title-3" {
        en: "A learning rate that is too small: lr = 1e-10 (notebook In [24])",
        ko: "학습률이 너무 작은 경우: lr = 1e-10 (노트북 In [24])",
    }
    /// Part 3's introduction.
    INTRO_3 = "tour.intro-3" {
        en: "Each step multiplies x by 1 − 2e-10: after 100 steps it has hardly moved.",
        ko: "한 번 반복할 때마다 x는 1 − 2e-10배가 될 뿐이어서, 100번 반복해도 점은 거의 제자리에 \
             있습니다.",
    }
    /// Part 3's picture.
    PICTURE_LR_1E_10 = "tour.picture-lr-1e-10" {
        en: "lr = 1e-10 is too small: the point barely moves",
        ko: "너무 작은 학습률(1e-10)에서는 점이 거의 움직이지 않습니다",
    }

    /// Part 4's title: the gradient field of the sphere.
    TITLE_4 = "tour.title-4" {
        en: "The gradient field (the book's gradient_2d.py)",
        ko: "기울기 벡터장 (책의 gradient_2d.py)",
    }
    /// Part 4's introduction, before the field of arrows.
    INTRO_4 = "tour.intro-4" {
        en: "−∇f at every point of the book's grid (np.arange(-2, 2.5, 0.25) on both axes): every \
             arrow points toward lower values, and the farther from the minimum, the steeper the \
             slope and the longer the arrow.",
        ko: "책과 같은 격자의 모든 점에서 −∇f를 화살표로 그립니다(두 축 모두 np.arange(-2, 2.5, 0.25)). \
             화살표는 모두 f가 더 작아지는 쪽을 가리킵니다. 최소점에서 멀수록 경사가 가팔라서 화살표도 \
             더 깁니다.",
    }
    /// Part 4's picture.
    PICTURE_FIELD = "tour.picture-field" {
        en: "−∇f of f = x0² + x1²: arrows point downhill",
        ko: "f = x0² + x1²의 −∇f(화살표는 내리막을 가리킵니다)",
    }

    /// Part 5's title: simpleNet and ∂L/∂W.
    TITLE_5 = "tour.title-5" {
        en: "The gradient of a network: simpleNet (notebook In [19], In [20])",
        ko: "신경망의 기울기: simpleNet (노트북 In [19], In [20])",
    }
    /// Part 5's introduction, before simpleNet's forward pass and dW.
    INTRO_5 = "tour.intro-5" {
        en: "A network's loss L is a function of its weights W, and ∂L/∂W, of the shape of W, says \
             how L changes when each weight changes a little. simpleNet: p = x · W (2x3 weights), \
             y = softmax(p), L = cross_entropy_error(y, t). W is the one printed in the notebook; \
             the notebook printed p = [-1.00502272  0.86215244 -0.22711487].",
        ko: "신경망의 손실 L은 가중치 W의 함수입니다. ∂L/∂W의 형상은 W와 같으며, 그 각 원소는 해당 \
             가중치를 조금 바꿀 때 L이 얼마나 변하는지 알려 줍니다. simpleNet의 계산은 세 단계입니다. \
             먼저 p = x · W(W는 2x3 가중치 행렬), 다음으로 소프트맥스 함수를 적용한 y = softmax(p), \
             마지막으로 교차 엔트로피 오차 L = cross_entropy_error(y, t)입니다. W는 노트북에 출력된 값을 \
             그대로 쓰며, 노트북에 출력된 p는 [-1.00502272  0.86215244 -0.22711487]입니다.",
    }
    /// Part 5, after dW: what its signs mean.
    NEGATIVE_DW = "tour.negative-dw" {
        en: "A negative element of dW means: increase that weight to lower the loss. The weights \
             into the correct class 2 have negative derivatives; training steps along −dW, as the \
             descent of part 1 of this tour stepped along −∇f.",
        ko: "dW의 원소가 음수라는 것은 그 가중치를 키우면 손실이 줄어든다는 뜻입니다. 정답인 클래스 \
             2에 연결된 가중치들은 미분이 음수입니다. 이 둘러보기의 1부에서 −∇f 방향으로 내려간 \
             것처럼, 학습은 −dW 방향으로 한 걸음씩 나아갑니다.",
    }

    /// Part 6's title: the derivative of function_1 and its tangent.
    TITLE_6 = "tour.title-6" {
        en: "One dimension: the derivative and its tangent line (the book's gradient_1d.py)",
        ko: "1차원에서의 미분과 접선 (책의 gradient_1d.py)",
    }
    /// Part 6's introduction, before the derivative's numbers.
    INTRO_6 = "tour.intro-6" {
        en: "The same central difference on f(x) = 0.01x² + 0.1x at x = 5: the true slope is 0.2.",
        ko: "이번에는 f(x) = 0.01x² + 0.1x에 같은 중앙 차분을 써서 x = 5에서의 미분을 구합니다. 해석적 미분으로 \
             구하면 x = 5에서의 기울기는 0.2입니다(f′(x) = 0.02x + 0.1).",
    }

    /// Part 7's title: TwoLayerNet on MNIST.
    TITLE_7 = "tour.title-7" {
        en: "Learning from data: TwoLayerNet on MNIST (the book's train_neuralnet.py)",
        ko: "데이터에서 학습하기: MNIST로 훈련하는 TwoLayerNet (책의 train_neuralnet.py)",
    }
    /// Part 7's introduction: the network, its parameters, an iteration.
    INTRO_7 = "tour.intro-7" {
        en: "A network of 784 inputs (28x28 pixels), 50 sigmoid units and 10 outputs: 39,760 \
             parameters (784·50 + 50 weights and biases into the hidden layer, 50·10 + 10 out of \
             it). Each iteration takes 100 training images at random, computes the gradient of the \
             loss on them (by backpropagation: the numerical gradient would need 79,520 forward \
             passes), and steps every parameter against it with lr 0.1, for 1,800 iterations.",
        ko: "여기서 학습할 신경망은 입력 784개(28x28 픽셀), 활성화 함수로 시그모이드를 쓰는 은닉층 \
             뉴런 50개, 출력 10개로 이루어져 있습니다. 매개변수(가중치와 편향)는 은닉층으로 들어가는 쪽에 784·50 + 50개, \
             은닉층에서 나가는 쪽에 50·10 + 10개가 있어 모두 39,760개입니다. 반복할 때마다 훈련 이미지 \
             100장을 무작위로 골라, 그 이미지들에 대한 손실의 기울기를 오차역전파법으로 구합니다(수치 \
             미분으로 구하려면 순전파를 79,520번 해야 합니다). 그런 다음 모든 매개변수를 기울기의 반대 \
             방향으로 옮깁니다. 학습률은 0.1입니다. 이 과정을 모두 1,800번 반복합니다.",
    }
    /// Part 7, after the line of which MNIST was found: what an epoch is here.
    EPOCH = "tour.epoch" {
        en: "An epoch, as the book counts it, is the iterations that use all the training images \
             once: here {per_epoch} iterations of 100 images. A line every 600 iterations:",
        ko: "책에서는 훈련 데이터를 한 번씩 모두 쓰는 데 필요한 반복 횟수를 1에폭이라고 합니다. 한 \
             번에 이미지를 100장씩 쓰므로 여기서는 {per_epoch}번 반복이 1에폭입니다. 600번 반복할 \
             때마다 한 줄씩 출력합니다.",
    }
    /// Part 7's picture, trained on the built-in slice of MNIST.
    PICTURE_TRAINING_SLICE = "tour.picture-training-slice" {
        en: "TwoLayerNet 784-50-10 (sigmoid) on the built-in MNIST slice, 1,800 iterations",
        ko: "내장된 MNIST 일부로 1,800번 반복 학습한 TwoLayerNet 784-50-10(시그모이드)",
    }
    /// Part 7's picture, trained on the whole of MNIST (or a directory's).
    PICTURE_TRAINING = "tour.picture-training" {
        en: "TwoLayerNet 784-50-10 (sigmoid) on MNIST, 1,800 iterations",
        ko: "MNIST로 1,800번 반복 학습한 TwoLayerNet 784-50-10(시그모이드)",
    }
    /// Part 7, after the epochs' lines: how far the test accuracy rose.
    ACCURACY_ROSE = "tour.accuracy-rose" {
        en: "From 10% (guessing) to {test}% on test images it never trained on, in 1,800 iterations.",
        ko: "훈련에 쓰지 않은 시험 이미지의 정확도가 1,800번 반복하는 동안 10%(무작위로 찍을 때의 \
             정확도)에서 {test}%까지 올랐습니다.",
    }
    /// Part 7: the training accuracy is well above the test accuracy.
    OVERFITTING = "tour.overfitting" {
        en: "Training accuracy is {gap} points above test accuracy: each training image has been \
             seen {seen} times, and the network fits them more closely than new ones (overfitting, \
             the book's chapter 6).",
        ko: "훈련 정확도가 시험 정확도보다 {gap}%p 높습니다. 신경망이 훈련 이미지 한 장 한 장을 \
             {seen}번씩 보았기 때문에, 처음 보는 이미지보다 훈련 이미지에 더 잘 들어맞게 된 것입니다. 이런 현상을 \
             오버피팅이라고 합니다(책의 6장).",
    }
    /// Part 7: the test accuracy keeps up with the training accuracy.
    NO_OVERFITTING = "tour.no-overfitting" {
        en: "The test accuracy follows the training accuracy: the network has not overfitted.",
        ko: "시험 정확도가 훈련 정확도를 거의 그대로 따라갑니다. 오버피팅은 일어나지 않았습니다.",
    }
    /// Part 7, after a run on the whole of MNIST: the book's full run.
    FULL_RUN = "tour.full-run" {
        en: "`scratchnet train` runs the book's 10,000 iterations to about 94.5%.",
        ko: "`scratchnet train` 명령은 책처럼 10,000번 반복하여 정확도를 약 94.5%까지 끌어올립니다.",
    }
    /// Part 7, after a run on part of MNIST: how to get the rest and the book's full run.
    FULL_RUN_FETCH = "tour.full-run-fetch" {
        en: "With all 60,000 training images and the book's 10,000 iterations the same network \
             reaches about 94.5%: `scratchnet fetch-mnist`, then `scratchnet train`.",
        ko: "훈련 이미지 60,000장을 모두 쓰고 책처럼 10,000번 반복하면, 같은 신경망의 정확도가 약 \
             94.5%까지 오릅니다. `scratchnet fetch-mnist` 명령으로 MNIST를 내려받은 다음 `scratchnet \
             train` 명령을 실행해 보세요.",
    }

    /// Part 8's title: the saddle, the plateau and the update rules.
    TITLE_8 = "tour.title-8" {
        en: "Where the gradient misleads, and better rules (the notebook's saddle points and \
             plateaus; the book's chapter 6)",
        ko: "기울기가 길을 잃는 곳과 더 나은 갱신 방법 (노트북의 안장점과 고원, 책의 6장)",
    }
    /// Part 8's introduction: a saddle point, on and off the ridge.
    INTRO_8 = "tour.intro-8" {
        en: "The notebook warns that the gradient may lead to a saddle point or onto a plateau, \
             where it is small although nothing is minimal. On f = x0² − x1², started exactly on the \
             ridge x1 = 0, basic gradient descent (SGD) walks into the saddle at the origin and \
             stops: the gradient has no component across the ridge, so no update rule, momentum \
             included, ever leaves it. Started 0.01 off the ridge, it falls away along x1, and f \
             decreases without bound: this function has no minimum. 100 steps each. The diagnosis \
             looks at the curvature (the eigenvalues of the numerical Hessian) to tell a saddle \
             from a minimum.",
        ko: "노트북은 경사 하강법이 안장점에 이르거나 고원에 빠질 수 있다고 경고합니다. 그런 곳에서는 \
             최소점이 아닌데도 기울기가 작습니다. f = x0² − x1²인 경우를 봅시다. 능선 x1 = 0 \
             위에서 정확히 출발하면, 기본 경사 하강법(SGD)은 원점의 안장점까지 걸어 들어가 멈춥니다. \
             기울기에 능선을 가로지르는 성분이 없으므로, 모멘텀을 비롯한 어떤 갱신 방법도 능선을 \
             벗어나지 못합니다. 능선에서 0.01만큼 벗어난 곳에서 출발하면 x1 방향으로 굴러떨어지며, f는 \
             끝없이 작아집니다. 이 함수에는 최솟값이 없습니다. 두 경우 모두 100번 반복합니다. 진단은 \
             곡률(수치 미분으로 구한 헤세 행렬의 고윳값)을 보고 안장점과 최소점을 구별합니다.",
    }
    /// Part 8: the diagnosis of the run started off the ridge.
    OFF_THE_RIDGE = "tour.off-the-ridge" {
        en: "From (-3, 0.01) instead: {diagnosis}",
        ko: "(-3, 0.01)에서 출발하면 이렇게 됩니다. {diagnosis}",
    }
    /// Part 8: why the saddle's picture shows only the first steps.
    SADDLE_TOO_FAR = "tour.saddle-too-far" {
        en: "Off the ridge x1 grows 1.2-fold a step: 0.01 · 1.2¹⁰⁰ ≈ 8e5 after 100 steps, too far \
             for a map that also shows the saddle. The picture shows the first 30 steps of both runs.",
        ko: "능선 밖에서는 반복할 때마다 x1 좌표가 1.2배가 되므로, 100번 반복하면 0.01 · 1.2¹⁰⁰ ≈ \
             8e5에 이릅니다. 안장점과 한 지도에 함께 담기에는 너무 멀기 때문에, 그림에는 두 실행의 처음 \
             30번 반복만 그립니다.",
    }
    /// Part 8's picture of the saddle.
    PICTURE_SADDLE = "tour.picture-saddle" {
        en: "a saddle, the first 30 of 100 steps: on the ridge, descent stops at the saddle; off \
             it, it falls away",
        ko: "안장점(100번 반복 중 처음 30번): 능선 위에서는 멈추고, 능선 밖에서는 끝없이 내려갑니다",
    }
    /// Part 8: a plateau, before basic gradient descent's run on it.
    PLATEAU = "tour.plateau" {
        en: "On f = 1 − exp(−(x0² + x1²)/2), from (4, 3), the minimum point (the origin) is 5 \
             away and f ≈ 1 is far above the minimum value 0, yet the slope there is only about \
             2e-5: basic gradient descent (SGD) crawls. Adam divides each step by the size of recent \
             gradients, so a tiny but steady slope still gives full-sized steps:",
        ko: "f = 1 − exp(−(x0² + x1²)/2)에서 점 (4, 3)부터 출발한다고 해 봅시다. 최소점인 원점까지는 \
             5만큼 떨어져 있고, f도 최솟값 0보다 1 가까이 큽니다. 그런데도 그곳의 기울기는 2e-5 \
             정도밖에 되지 않아서 기본 경사 하강법(SGD)은 기어가듯 움직입니다. Adam은 걸음을 최근 \
             기울기들의 크기로 나누므로, 기울기가 아주 작더라도 꾸준하기만 하면 제 크기의 걸음을 \
             내딛습니다.",
    }
    /// Part 8: the diagnosis of Adam's run on the plateau.
    ADAM_ON_THE_PLATEAU = "tour.adam-on-the-plateau" {
        en: "Adam, lr {lr}, from the same start: {diagnosis}",
        ko: "같은 시작점에서 Adam(학습률 {lr})으로 내려가면 이렇게 됩니다. {diagnosis}",
    }
    /// Part 8's picture of the plateau.
    PICTURE_PLATEAU = "tour.picture-plateau" {
        en: "a plateau: SGD crawls, Adam crosses",
        ko: "고원에서 SGD는 기어가고 Adam은 건너갑니다",
    }
    /// Part 8: the book's four update rules on the bowl (figure 6-8).
    UPDATE_RULES = "tour.update-rules" {
        en: "The book's comparison (figure 6-8): f = x0²/20 + x1² is 20 times steeper across than \
             along, so SGD zigzags; Momentum rolls like a ball; AdaGrad shrinks its steps where the \
             gradient has been large; Adam combines both. 30 steps each, the book's learning rates:",
        ko: "책의 비교(그림 6-8)를 따라 해 봅니다. f = x0²/20 + x1²의 그래프는 x0 방향보다 x1 \
             방향으로 20배 가파릅니다. 그래서 SGD는 지그재그로 움직입니다. 모멘텀은 공이 구르듯 움직이고, AdaGrad는 \
             기울기가 컸던 방향일수록 걸음을 줄입니다. Adam은 이 두 방법을 합친 것입니다. 각 방법을 \
             책과 같은 학습률로 30번씩 반복합니다.",
    }
    /// Part 8: where each update rule ended on the bowl, one line per rule (`{rule}` and `{lr}`
    /// come padded, for the lines to align).
    RULE_ENDS = "tour.rule-ends" {
        en: "{rule} lr {lr} ends at {ends}, f = {f}",
        ko: "{rule} 학습률 {lr} 도착점 {ends}, f = {f}",
    }
    /// Part 8's picture of the update rules.
    PICTURE_BOWL = "tour.picture-bowl" {
        en: "30 steps on f = x0²/20 + x1² from (-7, 2)",
        ko: "f = x0²/20 + x1²에서 (-7, 2)부터 30번 반복",
    }

    /// The tour's last paragraph: the commands to try next.
    NEXT = "tour.next" {
        en: "Next: `scratchnet descend --init=-3,4 --lr 0.5 --plot my.png` tries your own learning \
             rate, `scratchnet simplenet --seed 1` a network with random weights, `scratchnet train` \
             the book's full 10,000 iterations, `scratchnet compare-mnist` the update rules on \
             MNIST; `--help` on each command.",
        ko: "이제 직접 해 볼 차례입니다. `scratchnet descend --init=-3,4 --lr 0.5 --plot my.png` 명령으로 \
             학습률을 바꿔 가며 내려가 보세요. `scratchnet simplenet --seed 1` 명령은 가중치를 무작위로 \
             정한 신경망의 기울기를 보여 줍니다. `scratchnet train` 명령은 책처럼 10,000번 반복하여 \
             학습하고, `scratchnet compare-mnist` 명령은 MNIST에서 갱신 방법들을 비교합니다. 명령마다 \
             `--help` 옵션을 붙이면 설명을 볼 수 있습니다.",
    }

    /// The chapter-5 tour's first line.
    HEADER_5 = "tour.header-5" {
        en: "scratchnet tour: backpropagation (Deep Learning from Scratch, chapter 5)",
        ko: "scratchnet 둘러보기: 오차역전파법 (밑바닥부터 시작하는 딥러닝 5장)",
    }
    /// Chapter 5, part 1's title.
    TITLE_5_1 = "tour.title-5-1" {
        en: "A computational graph (buy_apple.py, figure 5-16)",
        ko: "계산 그래프 (buy_apple.py, 그림 5-16)",
    }
    /// Chapter 5, part 1's introduction.
    INTRO_5_1 = "tour.intro-5-1" {
        en: "Two apples at 100 each, with a tax of 1.1: a calculation drawn as a graph of two \
             multiplication nodes. Forward, the numbers flow left to right to the price. Backward, \
             from dprice = 1, each node multiplies the gradient it receives by its own local \
             derivative and passes it on — the chain rule, one node at a time. A multiplication \
             node hands each input the upstream gradient times the other input.",
        ko: "100원짜리 사과 두 개에 소비세 1.1을 곱합니다. 이 계산을 곱셈 노드 두 개로 된 그래프로 그립니다. 순전파에서는 수가 왼쪽에서 오른쪽으로 흘러 지불 금액이 됩니다. 역전파에서는 dprice = 1에서 시작해, 각 노드가 받은 미분에 자신의 국소적 미분을 곱해 하류로(왼쪽 노드로) 전합니다. 노드 하나하나에서 연쇄법칙을 적용하는 셈입니다. 곱셈 노드는 상류에서 온 미분에 다른 쪽 입력을 곱해 각 입력에 전합니다.",
    }
    /// Chapter 5, part 2's title.
    TITLE_5_2 = "tour.title-5-2" {
        en: "Apples and oranges (buy_apple_orange.py, figure 5-17)",
        ko: "사과와 귤 (buy_apple_orange.py, 그림 5-17)",
    }
    /// Chapter 5, part 2's introduction.
    INTRO_5_2 = "tour.intro-5-2" {
        en: "Three oranges at 150 join the apples through an addition node, which passes the \
             gradient back to both of its inputs unchanged.",
        ko: "150원짜리 귤 세 개가 덧셈 노드에서 사과와 합쳐집니다. 덧셈 노드는 받은 미분을 두 입력에 그대로 \
             흘려보냅니다.",
    }
    /// Chapter 5, part 3's title.
    TITLE_5_3 = "tour.title-5-3" {
        en: "Backpropagation checked (gradient_check.py)",
        ko: "기울기 확인 (gradient_check.py)",
    }
    /// Chapter 5, part 3's introduction.
    INTRO_5_3 = "tour.intro-5-3" {
        en: "TwoLayerNet's layers give every parameter's gradient in one backward pass. The book \
             checks it against chapter 4's numerical gradient on three training images: the mean \
             absolute difference of each parameter's two gradients, for sigmoid and for ReLU.",
        ko: "TwoLayerNet의 계층들은 역전파 한 번으로 모든 매개변수의 기울기를 구합니다. 책은 훈련 이미지 세 장에서 이 기울기를 4장의 수치 미분으로 구한 기울기와 비교합니다. 매개변수마다 두 기울기 차이의 절댓값 평균을 시그모이드와 ReLU에 대해 보입니다.",
    }
    /// Chapter 5, part 3: after the differences.
    AFTER_5_3 = "tour.after-5-3" {
        en: "All tiny: backpropagation is right. The largest is on b2, because the loss adds \
             1e-7 inside its logarithm, which the analytic gradient leaves out. Backpropagation \
             takes one pass; the numerical gradient two passes per parameter, 79,520 here.",
        ko: "모두 아주 작으므로 오차역전파법이 올바르게 구현되었음을 알 수 있습니다. 가장 큰 차이는 b2에서 나옵니다. 손실 함수는 로그 안에 1e-7을 더하는데 해석적 기울기는 이를 빼고 계산하기 때문입니다. 역전파는 한 번에 끝나지만, 수치 미분은 매개변수마다 두 번씩, 여기서는 79,520번 순전파를 합니다.",
    }
    /// Chapter 5, part 4's title.
    TITLE_5_4 = "tour.title-5-4" {
        en: "Training with backpropagation (train_neuralnet.py, ReLU)",
        ko: "오차역전파법으로 학습하기 (train_neuralnet.py, ReLU)",
    }
    /// Chapter 5, part 4's introduction.
    INTRO_5_4 = "tour.intro-5-4" {
        en: "The book's chapter-5 network: the same loop as chapter 4, the gradient by \
             backpropagation, ReLU between the layers.",
        ko: "책의 5장 신경망입니다. 4장과 같은 반복문에서 기울기를 오차역전파법으로 구하고, 층 사이에 ReLU를 \
             씁니다.",
    }
    /// Chapter 5, part 4's picture.
    PICTURE_TRAINING_RELU = "tour.picture-training-relu" {
        en: "TwoLayerNet 784-50-10 (ReLU), backpropagation, 1,800 iterations",
        ko: "TwoLayerNet 784-50-10(ReLU), 오차역전파법, 1,800번 반복",
    }
    /// The chapter-5 tour's last paragraph.
    NEXT_5 = "tour.next-5" {
        en: "Next: `scratchnet graph apple-orange --tax 1.15` puts your own numbers through the \
             graph, `scratchnet gradcheck` compares the gradients parameter by parameter, \
             `scratchnet train --activation relu` trains the chapter's network in full.",
        ko: "이제 직접 해 볼 차례입니다. `scratchnet graph apple-orange --tax 1.15` 명령은 직접 고른 수로 \
             그래프를 계산하고, `scratchnet gradcheck` 명령은 매개변수별로 기울기를 비교하며, \
             `scratchnet train --activation relu` 명령은 이 장의 신경망을 끝까지 학습시킵니다.",
    }

    /// The chapter-6 tour's first line.
    HEADER_6 = "tour.header-6" {
        en: "scratchnet tour: learning-related techniques (Deep Learning from Scratch, chapter 6)",
        ko: "scratchnet 둘러보기: 학습 관련 기술들 (밑바닥부터 시작하는 딥러닝 6장)",
    }
    /// The chapter-6 tour's second paragraph: which random numbers.
    NUMPY_DRAWS = "tour.numpy-draws" {
        en: "Every experiment draws from NumPy's generator seeded as np.random.seed(0) (the commands' \
             `--rng numpy`), so its weights and mini-batches are the ones the book's scripts draw.",
        ko: "모든 실험은 np.random.seed(0)처럼 시드 0으로 초기화한 넘파이 생성기(명령에서는 `--rng numpy`)에서 \
             난수를 뽑습니다. 그래서 가중치와 미니배치가 책의 스크립트가 뽑는 것과 같습니다.",
    }
    /// Chapter 6, part 1's title.
    TITLE_6_1 = "tour.title-6-1" {
        en: "The initial weights (weight_init_activation_histogram.py, figures 6-10 to 6-14)",
        ko: "가중치의 초깃값 (weight_init_activation_histogram.py, 그림 6-10~6-14)",
    }
    /// Chapter 6, part 1's introduction, before the table.
    INTRO_6_1 = "tour.intro-6-1" {
        en: "1,000 random inputs go through five layers of 100 units. For each layer, the share of \
             its 100,000 activations in the outer bars of the histogram: within 1/30 of 0 or of 1, \
             where sigmoid's slope y(1 − y) is nearly 0 (for ReLU, the first bar: the units it \
             turned off).",
        ko: "무작위 입력 1,000개를 뉴런 100개짜리 층 다섯 개에 통과시킵니다. 층마다 활성화값 100,000개 가운데 \
             히스토그램의 양 끝 막대, 곧 0이나 1에서 1/30 안에 든 값의 비율을 보입니다. 그곳에서는 시그모이드의 \
             기울기 y(1 − y)가 거의 0입니다(ReLU는 첫 막대, 곧 ReLU가 꺼 버린 뉴런의 비율입니다).",
    }
    /// Chapter 6, part 1: the table's heading.
    LAYERS_HEADING = "tour.layers-heading" {
        en: "layer 1 to 5:",
        ko: "1층부터 5층까지:",
    }
    /// Chapter 6, part 1: a row's name, sigmoid with standard deviation 1.
    RUN_SIGMOID_STD_1 = "tour.run-sigmoid-std-1" {
        en: "sigmoid, std 1",
        ko: "시그모이드, 표준편차 1",
    }
    /// Chapter 6, part 1: a row's name, sigmoid with Xavier's weights.
    RUN_SIGMOID_XAVIER = "tour.run-sigmoid-xavier" {
        en: "sigmoid, Xavier",
        ko: "시그모이드, Xavier",
    }
    /// Chapter 6, part 1: a row's name, ReLU with He's weights.
    RUN_RELU_HE = "tour.run-relu-he" {
        en: "ReLU, He",
        ko: "ReLU, He",
    }
    /// Chapter 6, part 1: after the table.
    AFTER_6_1 = "tour.after-6-1" {
        en: "With a standard deviation of 1, most of sigmoid's outputs sit at 0 or 1 in every \
             layer: backpropagation multiplies the gradient by a slope near 0 at each of them, and it \
             vanishes. Xavier's scale, 1/√n for n inputs, keeps them spread, almost none at the ends. \
             ReLU turns off half of its units whatever the scale; He's √(2/n) makes up for that half \
             and keeps the mean activation {first} in layer 1 and {last} in layer 5, where Xavier's \
             scale lets it shrink.",
        ko: "표준편차가 1이면 모든 층에서 시그모이드 출력 대부분이 0이나 1에 있습니다. 역전파는 층마다 0에 가까운 \
             기울기를 곱하므로 기울기가 사라집니다. 앞 층의 노드가 n개일 때 표준편차가 1/√n인 Xavier 초깃값은 \
             활성화값을 고루 퍼뜨려 양 끝에는 거의 없습니다. ReLU는 표준편차와 상관없이 뉴런의 절반을 끕니다. \
             He 초깃값은 표준편차가 √(2/n)입니다. 이 초깃값은 꺼진 절반을 메워 줍니다. 활성화값의 평균은 \
             1층에서 {first}, 5층에서 {last}입니다. 층을 지나도 크기가 유지되는 것입니다. 반면 Xavier \
             초깃값이면 층을 지날수록 작아집니다.",
    }
    /// Chapter 6, part 1's pictures: the title the tour prints before their paths.
    HISTOGRAMS_DRAWN = "tour.histograms-drawn" {
        en: "The histograms, layer by layer:",
        ko: "층마다 그린 히스토그램:",
    }
    /// Chapter 6, part 2's title.
    TITLE_6_2 = "tour.title-6-2" {
        en: "The initial weights on MNIST (weight_init_compare.py, figure 6-15)",
        ko: "MNIST로 본 가중치 초깃값 비교 (weight_init_compare.py, 그림 6-15)",
    }
    /// Chapter 6, part 2's introduction.
    INTRO_6_2 = "tour.intro-6-2" {
        en: "Three networks 784-100-100-100-100-10 with ReLU, alike but for their initial weights, \
             trained side by side by SGD (lr 0.01) on the same mini-batches of 128, for {iters} \
             iterations (the book: 2,000). Where each smoothed loss curve ends:",
        ko: "ReLU를 쓰는 784-100-100-100-100-10 신경망 세 개를 초깃값만 다르게 하여, 같은 미니배치(128장)로 \
             SGD(학습률 0.01)를 써서 나란히 {iters}번 반복 학습시킵니다(책은 2,000번). 평활화한 손실 곡선의 \
             끝값입니다:",
    }
    /// Chapter 6, part 2: after the losses.
    AFTER_6_2 = "tour.after-6-2" {
        en: "With std 0.01 the signal shrinks in every layer, and so does the gradient: the loss \
             stays at ln 10, a blind guess among ten classes. He's weights learn at once, Xavier's \
             more slowly.",
        ko: "표준편차가 0.01이면 신호가 층마다 작아지고 기울기도 작아집니다. 그래서 손실이 열 클래스 중 아무렇게나 \
             고를 때의 값인 ln 10에 머뭅니다. He 초깃값은 곧바로 학습하고, Xavier 초깃값은 더 느리게 학습합니다.",
    }
    /// Chapter 6, part 3's title.
    TITLE_6_3 = "tour.title-6-3" {
        en: "Batch Normalization (batch_norm_test.py, figure 6-19)",
        ko: "배치 정규화 (batch_norm_test.py, 그림 6-19)",
    }
    /// Chapter 6, part 3's introduction.
    INTRO_6_3 = "tour.intro-6-3" {
        en: "Two networks of five hidden layers trained side by side on 1,000 images, one with Batch \
             Normalization after every Affine layer — each unit normalised over the mini-batch to \
             mean 0 and variance 1, then scaled by γ and shifted by β — and one without; {epochs} \
             epochs (the book: 20) at 2 of the book's 16 scales of the initial weights. The training \
             accuracy at the end:",
        ko: "은닉층이 다섯 개인 신경망 두 개를 이미지 1,000장으로 나란히 학습시킵니다. 하나는 모든 Affine 계층 \
             뒤에 배치 정규화를 둡니다. 뉴런마다 미니배치 단위로 평균 0, 분산 1이 되도록 정규화한 다음 γ로 \
             확대하고 β로 이동하는 계층입니다. 다른 하나는 배치 정규화 없이 학습합니다. 책의 가중치 초깃값 \
             표준편차 16가지 중 2가지에서 {epochs}에폭(책은 20에폭) 학습한 뒤의 훈련 정확도입니다:",
    }
    /// Chapter 6, part 3: one scale's row.
    BATCH_NORM_ROW = "tour.batch-norm-row" {
        en: "W = {scale}: without Batch Normalization {plain}, with it {bn}",
        ko: "W = {scale}: 배치 정규화 없이 {plain}, 배치 정규화를 쓰면 {bn}",
    }
    /// Chapter 6, part 3: after the rows.
    AFTER_6_3 = "tour.after-6-3" {
        en: "Without Batch Normalization the small weights' signal dies on the way and the network \
             barely learns; with it, the network learns at both scales, and fast: it no longer \
             depends on the initial weights being just right.",
        ko: "배치 정규화가 없으면 작은 가중치의 신호가 가는 도중에 사라져 신경망이 거의 학습하지 못합니다. 배치 \
             정규화를 쓰면 두 표준편차 모두에서 빠르게 학습합니다. 초깃값을 딱 맞게 고르지 않아도 됩니다.",
    }
    /// Chapter 6, part 4's title.
    TITLE_6_4 = "tour.title-6-4" {
        en: "Overfitting and weight decay (overfit_weight_decay.py, figures 6-20, 6-21)",
        ko: "오버피팅과 가중치 감소 (overfit_weight_decay.py, 그림 6-20, 6-21)",
    }
    /// Chapter 6, part 4's introduction.
    INTRO_6_4 = "tour.intro-6-4" {
        en: "A network of seven layers (784-100×6-10) trained on only 300 images for {epochs} \
             epochs, tested on the 1,000 test images; then the same with weight decay, ½λΣW² added \
             to the loss so that large weights cost something. After the last epoch:",
        ko: "7층 신경망(784-100×6-10)을 훈련 이미지 300장만으로 {epochs}에폭 동안 학습시키고 시험 이미지 \
             1,000장으로 평가합니다. 그다음 가중치 감소를 써서 다시 학습시킵니다. 가중치 감소는 손실에 ½λΣW²를 \
             더해 큰 가중치에 벌칙을 줍니다. 마지막 에폭 뒤의 결과입니다:",
    }
    /// Chapter 6, part 4: a run's row.
    OVERFIT_ROW = "tour.overfit-row" {
        en: "{run}: train acc {train}, test acc {test}, gap {gap}",
        ko: "{run}: 훈련 정확도 {train}, 시험 정확도 {test}, 차이 {gap}",
    }
    /// Chapter 6, part 4: the run without weight decay.
    RUN_NO_DECAY = "tour.run-no-decay" {
        en: "no weight decay",
        ko: "가중치 감소 없이",
    }
    /// Chapter 6, part 4: the run with weight decay.
    RUN_DECAY = "tour.run-decay" {
        en: "weight decay λ = {lambda}",
        ko: "가중치 감소 λ = {lambda}",
    }
    /// Chapter 6, part 4: after the rows.
    AFTER_6_4 = "tour.after-6-4" {
        en: "Without weight decay the network gets every one of its 300 images right and far fewer \
             of the new ones: it has learned its examples by heart, not what makes a digit — \
             overfitting. Weight decay narrows the gap from {without} to {with}; it slows the \
             learning too.",
        ko: "가중치 감소가 없으면 훈련 이미지 300장은 모두 맞히지만 새 이미지는 훨씬 덜 맞힙니다. 숫자의 특징이 \
             아니라 훈련 데이터 자체를 외운 것입니다. 이것이 오버피팅입니다. 가중치 감소를 쓰면 차이가 {without}에서 \
             {with}까지 줄어듭니다. 다만 학습도 느려집니다.",
    }
    /// The chapter-6 tour's last paragraph.
    NEXT_6 = "tour.next-6" {
        en: "Next: `scratchnet weight-init-histogram --activation tanh --init xavier` tries another \
             activation, `scratchnet batch-norm-test` runs all 16 scales, `scratchnet overfit \
             --dropout 0.2` tries the other cure, and `scratchnet hyperparameter-search` looks for \
             a learning rate and a weight decay on validation data (section 6.5).",
        ko: "이제 직접 해 볼 차례입니다. `scratchnet weight-init-histogram --activation tanh --init xavier` 명령은 \
             다른 활성화 함수를 시험하고, `scratchnet batch-norm-test` 명령은 16가지 표준편차를 모두 실행하며, \
             `scratchnet overfit --dropout 0.2` 명령은 또 다른 방법인 드롭아웃을 시험합니다. `scratchnet \
             hyperparameter-search` 명령은 검증 데이터로 학습률과 가중치 감소 계수를 찾습니다(6.5절).",
    }
}
