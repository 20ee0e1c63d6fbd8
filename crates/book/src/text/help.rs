//! The commands' `--help` in Korean: what each command and each flag does. The English is
//! the doc comments of the command line's flags (clap); a test holds every flag to a Korean line.

super::texts! {
    /// `scratchnet`: what it does.
    SCRATCHNET = "help.scratchnet" {
        en: "How a neural network learns, from scratch and with real numbers: chapters 4 to 7 of \
             \"Deep Learning from Scratch\" (밑바닥부터 시작하는 딥러닝), in Rust",
        ko: "신경망이 어떻게 학습하는지 밑바닥부터 실제 숫자로 살펴봅니다. 『밑바닥부터 시작하는 \
             딥러닝』 4장부터 7장까지를 Rust로 옮겼습니다",
    }
    /// `scratchnet tour`: what the command does.
    TOUR = "help.tour" {
        en: "Walk through the chapter: descent paths, learning rates, the gradient field, \
             simpleNet, training on MNIST (the built-in slice when no other is found), saddles and \
             plateaus",
        ko: "4장을 차례로 둘러봅니다: 경사 하강법의 경로, 학습률, 기울기 벡터장, simpleNet, MNIST \
             학습(다른 데이터가 없으면 내장된 일부 사용), 안장점과 고원",
    }
    /// `scratchnet tour --help`: below the options, the examples.
    TOUR_AFTER = "help.tour.after" {
        en: "Examples:\n  scratchnet tour\n  scratchnet tour --lang ko --out tour-ko",
        ko: "예:\n  scratchnet tour\n  scratchnet tour --lang ko --out tour-ko",
    }
    /// `scratchnet tour --out`: the directory for the pictures (created if missing).
    TOUR_OUT = "help.tour.out" {
        en: "The directory for the pictures (created if missing)",
        ko: "그림을 저장할 디렉터리(없으면 만듭니다)",
    }
    /// `scratchnet tour --data`: the directory with the four MNIST files.
    TOUR_DATA = "help.tour.data" {
        en: "The directory with the four MNIST files, for the training chapter (default: \
             $SCRATCHNET_DATA, else the cache `fetch-mnist` fills, else the built-in 5,000-image \
             slice)",
        ko: "둘러보기의 학습 부분에서 쓸 MNIST 파일 네 개가 있는 디렉터리(기본값: 환경 변수 \
             $SCRATCHNET_DATA, 이 변수가 없으면 `fetch-mnist` 명령이 채우는 캐시, 캐시도 없으면 \
             내장된 일부 이미지 5,000장)",
    }
    /// `scratchnet descend`: what the command does.
    DESCEND = "help.descend" {
        en: "Gradient descent from one or more starting points and learning rates",
        ko: "하나 이상의 시작점과 학습률로 경사 하강법을 실행합니다",
    }
    /// `scratchnet descend --help`: below the options, the examples.
    DESCEND_AFTER = "help.descend.after" {
        en: "Examples:\
             \n  scratchnet descend --init=-3,4 --init=3,-4 --lr 0.1 --plot paths.png\
             \n  scratchnet descend --init=-3,4 --lr 10 --lr 1e-10 --json",
        ko: "예:\
             \n  scratchnet descend --init=-3,4 --init=3,-4 --lr 0.1 --plot paths.png\
             \n  scratchnet descend --init=-3,4 --lr 10 --lr 1e-10 --json",
    }
    /// `scratchnet descend --function`: the function to descend (sphere is also called function_2).
    DESCEND_FUNCTION = "help.descend.function" {
        en: "The function to descend (sphere is also called function_2)",
        ko: "내려갈 함수(sphere의 다른 이름: function_2)",
    }
    /// `--function sphere` (every command): `f(x) = x₀² + x₁²`.
    CHOICE_FUNCTION_SPHERE = "help.choice.function.sphere" {
        en: "`f(x) = x₀² + x₁²`: the learner's notebook's `func` and the book's `function_2`. A \
             round bowl with its minimum 0 at the origin; `∇f = (2x₀, 2x₁)`",
        ko: "`f(x) = x₀² + x₁²`: 학습자의 노트북에 나오는 `func`, 책에 나오는 `function_2`입니다. \
             원점에서 최솟값 0에 이르는 둥근 그릇 같은 함수입니다. `∇f = (2x₀, 2x₁)`",
    }
    /// `--function function_1` (every command): `f(x) = 0.01x² + 0.1x`.
    CHOICE_FUNCTION_FUNCTION_1 = "help.choice.function.function_1" {
        en: "`f(x) = 0.01x² + 0.1x`: the book's `function_1` (`gradient_1d.py`), one-dimensional; \
             `f′(x) = 0.02x + 0.1`",
        ko: "`f(x) = 0.01x² + 0.1x`: 책의 1차원 함수 `function_1`(`gradient_1d.py`)입니다. \
             `f′(x) = 0.02x + 0.1`",
    }
    /// `--function bowl` (every command): `f(x) = x₀²/20 + x₁²`.
    CHOICE_FUNCTION_BOWL = "help.choice.function.bowl" {
        en: "`f(x) = x₀²/20 + x₁²`: the book's chapter-6 bowl (`optimizer_compare_naive.py`), \
             twenty times steeper along x₁ than along x₀, so that plain SGD zigzags. Minimum 0 at \
             the origin; `∇f = (x₀/10, 2x₁)`. The book starts at (−7, 2)",
        ko: "`f(x) = x₀²/20 + x₁²`: 책의 6장에 나오는 그릇 같은 \
             함수(`optimizer_compare_naive.py`)입니다. x₁ 방향이 x₀ 방향보다 20배 가팔라서 기본 \
             SGD는 지그재그로 움직입니다. 원점에서 최솟값 0에 이릅니다. `∇f = (x₀/10, 2x₁)`. \
             책에서는 (−7, 2)에서 시작합니다",
    }
    /// `--function saddle` (every command): `f(x) = x₀² − x₁²`.
    CHOICE_FUNCTION_SADDLE = "help.choice.function.saddle" {
        en: "`f(x) = x₀² − x₁²`: a saddle. The origin is a stationary point, a minimum along x₀ \
             and a maximum along x₁; f has no minimum. `∇f = (2x₀, −2x₁)`. Started on the ridge \
             x₁ = 0, plain gradient descent walks into the saddle point and stops there",
        ko: "`f(x) = x₀² − x₁²`: 말안장처럼 생긴 함수입니다. 원점은 정류점으로, x₀ 방향으로는 \
             최소점이고 x₁ 방향으로는 최대점입니다. f에는 최솟값이 없습니다. `∇f = (2x₀, −2x₁)`. \
             x₁ = 0인 능선 위에서 시작하면 기본 경사 하강법은 안장점으로 걸어 들어가 그곳에서 \
             멈춥니다",
    }
    /// `--function plateau` (every command): `f(x) = 1 − exp(−(x₀² + x₁²)/2)`.
    CHOICE_FUNCTION_PLATEAU = "help.choice.function.plateau" {
        en: "`f(x) = 1 − exp(−(x₀² + x₁²)/2)`: a Gaussian well in a flat plain. Its minimum 0 is \
             at the origin, but a few units away f is almost exactly 1 and its gradient \
             `∇f = x · exp(−(x₀² + x₁²)/2)` almost exactly 0 (about 2e-5 at (4, 3)): a plateau, \
             where following the gradient crawls although the bottom is near",
        ko: "`f(x) = 1 − exp(−(x₀² + x₁²)/2)`: 평평한 들판에 가우스 함수 꼴로 파인 우물입니다. \
             원점에서 최솟값 0에 이르지만, 원점에서 몇 단위만 떨어져도 f는 거의 정확히 1이고 \
             기울기 `∇f = x · exp(−(x₀² + x₁²)/2)`도 거의 정확히 0입니다((4, 3)에서 약 2e-5). \
             바닥이 가까운데도 기울기를 따라가면 기어가듯 느리게 나아가는 고원입니다",
    }
    /// `--function rosenbrock` (every command): `f(x) = (1 − x₀)² + 100(x₁ − x₀²)²`.
    CHOICE_FUNCTION_ROSENBROCK = "help.choice.function.rosenbrock" {
        en: "`f(x) = (1 − x₀)² + 100(x₁ − x₀²)²`: Rosenbrock's banana-shaped valley, easy to reach \
             and slow to follow to its minimum 0 at (1, 1)",
        ko: "`f(x) = (1 − x₀)² + 100(x₁ − x₀²)²`: 로젠브록(Rosenbrock) 함수의 바나나처럼 휜 \
             골짜기입니다. 골짜기 바닥에는 쉽게 닿지만, 바닥을 따라 (1, 1)의 최소점(최솟값 0)까지 \
             가는 데는 오래 걸립니다",
    }
    /// `--function himmelblau` (every command): `f(x) = (x₀² + x₁ − 11)² + (x₀ + x₁² − 7)²`.
    CHOICE_FUNCTION_HIMMELBLAU = "help.choice.function.himmelblau" {
        en: "`f(x) = (x₀² + x₁ − 11)² + (x₀ + x₁² − 7)²`: Himmelblau's function, with four minima \
             of value 0 — at (3, 2), (−2.805118, 3.131312), (−3.779310, −3.283186) and \
             (3.584428, −1.848126) — and which one a descent finds depends on where it starts",
        ko: "`f(x) = (x₀² + x₁ − 11)² + (x₀ + x₁² − 7)²`: 히멜블라우(Himmelblau) 함수입니다. \
             함숫값이 0인 최소점이 (3, 2), (−2.805118, 3.131312), (−3.779310, −3.283186), \
             (3.584428, −1.848126)의 네 곳에 있고, 그중 어느 곳을 찾아가는지는 시작점에 따라 \
             달라집니다",
    }
    /// `scratchnet descend --init`: a starting point, comma-separated.
    DESCEND_INITS = "help.descend.inits" {
        en: "A starting point, comma-separated; repeat for several. Default: the book's, (-3, 4) \
             on the sphere",
        ko: "시작점(좌표를 쉼표로 구분). 여러 개를 주려면 옵션을 되풀이합니다. 기본값: 책의 \
             시작점, sphere에서는 (-3, 4)",
    }
    /// `scratchnet descend --lr`: a learning rate η, positive.
    DESCEND_LRS = "help.descend.lrs" {
        en: "A learning rate η, positive; repeat for several. Default: 0.1",
        ko: "학습률 η(양수). 여러 개를 주려면 옵션을 되풀이합니다. 기본값: 0.1",
    }
    /// `--optimizer`, in every command whose help for it says this.
    FLAG_OPTIMIZER = "help.flag.optimizer" {
        en: "The update rule (the book's chapter 6) [default: sgd; adam for train --network \
             simple-conv, as train_convnet.py]",
        ko: "갱신 방법(책의 6장) [기본값: sgd, train --network simple-conv에서는 \
             train_convnet.py처럼 adam]",
    }
    /// `--optimizer sgd` (every command): stochastic gradient descent.
    CHOICE_OPTIMIZER_SGD = "help.choice.optimizer.sgd" {
        en: "Stochastic gradient descent",
        ko: "확률적 경사 하강법",
    }
    /// `--optimizer momentum` (every command): SGD with momentum.
    CHOICE_OPTIMIZER_MOMENTUM = "help.choice.optimizer.momentum" {
        en: "SGD with momentum",
        ko: "모멘텀을 더한 SGD",
    }
    /// `--optimizer nesterov` (every command): Nesterov's accelerated gradient.
    CHOICE_OPTIMIZER_NESTEROV = "help.choice.optimizer.nesterov" {
        en: "Nesterov's accelerated gradient, as the current book's class (corrected in 2021)",
        ko: "네스테로프 가속 경사(Nesterov's accelerated gradient). 책의 현재 클래스(2021년에 \
             수정됨)를 따릅니다",
    }
    /// `--optimizer adagrad` (every command): adaptive gradient.
    CHOICE_OPTIMIZER_ADAGRAD = "help.choice.optimizer.adagrad" {
        en: "Adaptive gradient",
        ko: "적응형 기울기(Adaptive Gradient)",
    }
    /// `--optimizer rmsprop` (every command): root mean square propagation.
    CHOICE_OPTIMIZER_RMSPROP = "help.choice.optimizer.rmsprop" {
        en: "Root mean square propagation",
        ko: "제곱 평균 제곱근 전파(Root Mean Square Propagation)",
    }
    /// `--optimizer adam` (every command): adaptive moments.
    CHOICE_OPTIMIZER_ADAM = "help.choice.optimizer.adam" {
        en: "Adaptive moments",
        ko: "적응형 모멘트(Adaptive Moments)",
    }
    /// `--momentum`, in every command whose help for it says this.
    FLAG_MOMENTUM = "help.flag.momentum" {
        en: "Momentum and Nesterov: the fraction α of the velocity kept, in [0, 1) [default: 0.9, \
             the book's]",
        ko: "모멘텀과 네스테로프: 반복마다 속도에서 남기는 비율 α, [0, 1) 범위 [기본값: 0.9, 책의 \
             값]",
    }
    /// `--decay-rate`, in every command whose help for it says this.
    FLAG_DECAY_RATE = "help.flag.decay_rate" {
        en: "RMSprop: the fraction ρ of the squared-gradient average kept, in [0, 1) [default: \
             0.99, the book's]",
        ko: "RMSprop: 기울기 제곱 평균에서 남기는 비율 ρ, [0, 1) 범위 [기본값: 0.99, 책의 값]",
    }
    /// `--beta1`, in every command whose help for it says this.
    FLAG_BETA1 = "help.flag.beta1" {
        en: "Adam: β1, the decay of the gradient average, in [0, 1) [default: 0.9, the book's]",
        ko: "Adam: 기울기 평균의 감쇠율 β1, [0, 1) 범위 [기본값: 0.9, 책의 값]",
    }
    /// `--beta2`, in every command whose help for it says this.
    FLAG_BETA2 = "help.flag.beta2" {
        en: "Adam: β2, the decay of the squared-gradient average, in [0, 1) [default: 0.999, the \
             book's]",
        ko: "Adam: 기울기 제곱 평균의 감쇠율 β2, [0, 1) 범위 [기본값: 0.999, 책의 값]",
    }
    /// `scratchnet descend --steps`: the number of steps of x ← x − η∇f(x).
    DESCEND_STEPS = "help.descend.steps" {
        en: "The number of steps of x ← x − η∇f(x)",
        ko: "x ← x − η∇f(x)의 반복 횟수",
    }
    /// `scratchnet descend --gradient`: how each step takes ∇f.
    DESCEND_GRADIENT = "help.descend.gradient" {
        en: "How each step takes ∇f: by central difference with step --h (the book's), or exactly, \
             from the formula",
        ko: "각 반복에서 기울기 ∇f의 계산 방법: 간격이 --h인 중앙 차분(책의 방법) 또는 함수의 \
             식으로 구하는 정확한 값",
    }
    /// `--gradient numerical` (every command): central difference, with h from `--h`.
    CHOICE_GRADIENT_NUMERICAL = "help.choice.gradient.numerical" {
        en: "Central difference, (f(x + h) − f(x − h)) / 2h, with h from --h",
        ko: "중앙 차분 (f(x + h) − f(x − h)) / 2h, h에는 --h의 값을 씁니다",
    }
    /// `--gradient exact` (every command): from the function's formula.
    CHOICE_GRADIENT_EXACT = "help.choice.gradient.exact" {
        en: "From the function's formula",
        ko: "함수의 식으로 구합니다(해석적 미분)",
    }
    /// `scratchnet descend --h`: the step h of the numerical gradient.
    DESCEND_H = "help.descend.h" {
        en: "The step h of the numerical gradient, positive [default: 1e-4, the book's]. Try \
             1e-50: x + h == x, the gradient is 0 and the point never moves",
        ko: "수치 미분의 간격 h, 양수 [기본값: 1e-4, 책의 값]. 1e-50도 넣어 보세요. 그러면 \
             x + h == x이므로 기울기는 0이고 점은 전혀 움직이지 않습니다",
    }
    /// `scratchnet descend --plot`: draw the paths into FILE.png or FILE.svg.
    DESCEND_PLOT = "help.descend.plot" {
        en: "Draw the paths into FILE.png or FILE.svg: on a contour map for two coordinates, on \
             the curve of f for one (function_1)",
        ko: "경로를 FILE.png 또는 FILE.svg에 그립니다. 좌표가 두 개면 등고선 지도 위에, \
             하나면(function_1) f의 곡선 위에 그립니다",
    }
    /// `--format`, in every command whose help for it says this.
    FLAG_FORMAT = "help.flag.format" {
        en: "The picture's format, when --plot's name does not end in .png or .svg (--plot \
             /dev/stdout)",
        ko: "그림 형식: --plot에 준 이름의 확장자가 .png도 .svg도 아닐 때 씁니다(예: --plot \
             /dev/stdout)",
    }
    /// `--format png` (every command): a PNG image.
    CHOICE_FORMAT_PNG = "help.choice.format.png" {
        en: "A PNG image",
        ko: "PNG 이미지",
    }
    /// `--format svg` (every command): an SVG drawing.
    CHOICE_FORMAT_SVG = "help.choice.format.svg" {
        en: "An SVG drawing",
        ko: "SVG 그림",
    }
    /// `scratchnet descend --trace`: print each run step by step.
    DESCEND_TRACE = "help.descend.trace" {
        en: "Print each run step by step: \"step, x, f(x), |∇f(x)|\", every K-th step (default: \
             every one) and the last, to watch the point move (the notebook's `print(x)` in the \
             loop)",
        ko: "각 실행을 반복 단위로 출력해 점이 움직이는 모습을 보여 줍니다. \"반복, x, f(x), \
             |∇f(x)|\" 형식으로 K번째 반복마다(기본값: 모든 반복), 그리고 마지막 반복을 \
             출력합니다. 노트북에서 반복문 안에 넣은 `print(x)`에 해당합니다",
    }
    /// `scratchnet descend --json`: print one JSON document instead of the table.
    DESCEND_JSON = "help.descend.json" {
        en: "Print one JSON document instead of the table",
        ko: "표 대신 JSON 문서 하나를 출력합니다",
    }
    /// `scratchnet field`: what the command does.
    FIELD = "help.field" {
        en: "The gradient field of a two-dimensional function: arrows of −∇f on a grid",
        ko: "2차원 함수의 기울기 벡터장을 격자 위에 −∇f 화살표로 그립니다",
    }
    /// `scratchnet field --help`: below the options, the examples.
    FIELD_AFTER = "help.field.after" {
        en: "The grid is arange(START, STOP, STEP) on both axes, STOP left out, as NumPy's:\
             \nthe defaults give the book's 18 x 18 points, -2 to 2.25.\
             \n\
             \nExamples:\
             \n  scratchnet field --plot field.png\
             \n  scratchnet field --function saddle --start -1 --stop 1.1 --step 0.1 --plot saddle.png",
        ko: "격자의 좌표는 두 축 모두 NumPy의 arange(START, STOP, STEP)처럼 정하며, STOP 자체는 \
             들어가지 않습니다.\
             \n기본값으로는 책과 같이 -2부터 2.25까지 18 x 18개의 점이 생깁니다.\
             \n\
             \n예:\
             \n  scratchnet field --plot field.png\
             \n  scratchnet field --function saddle --start -1 --stop 1.1 --step 0.1 --plot saddle.png",
    }
    /// `scratchnet field --function`: the function, of two coordinates.
    FIELD_FUNCTION = "help.field.function" {
        en: "The function, of two coordinates: sphere (alias function_2), bowl, saddle, plateau, \
             rosenbrock, himmelblau",
        ko: "좌표가 두 개인 함수: sphere(다른 이름 function_2), bowl, saddle, plateau, rosenbrock, \
             himmelblau",
    }
    /// `scratchnet field --start`: the first coordinate of the grid on both axes.
    FIELD_START = "help.field.start" {
        en: "The first coordinate of the grid on both axes",
        ko: "격자의 첫 좌표(두 축 공통)",
    }
    /// `scratchnet field --stop`: where the grid stops (left out).
    FIELD_STOP = "help.field.stop" {
        en: "Where the grid stops, left out as by NumPy's arange (the book: 2.5, so the last \
             coordinate is 2.25)",
        ko: "격자가 끝나는 값. NumPy의 arange처럼 이 값 자체는 들어가지 않습니다(책에서는 \
             2.5이므로 마지막 좌표는 2.25)",
    }
    /// `scratchnet field --step`: the distance between grid points.
    FIELD_STEP = "help.field.step" {
        en: "The distance between grid points",
        ko: "격자점 사이의 간격",
    }
    /// `scratchnet field --plot`: draw the arrows of −∇f into FILE.png or FILE.svg.
    FIELD_PLOT = "help.field.plot" {
        en: "Draw the arrows of −∇f into FILE.png or FILE.svg",
        ko: "−∇f 화살표를 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet field --json`: print one JSON document.
    FIELD_JSON = "help.field.json" {
        en: "Print one JSON document: {\"function\", \"start\", \"stop\", \"step\", \"points\", \
             \"gradient\"}",
        ko: "JSON 문서 하나를 출력합니다: {\"function\", \"start\", \"stop\", \"step\", \
             \"points\", \"gradient\"}",
    }
    /// `scratchnet diff`: what the command does.
    DIFF = "help.diff" {
        en: "The derivative of a one-dimensional function by central difference, and its tangent \
             line",
        ko: "1차원 함수를 중앙 차분으로 미분하고 접선을 구합니다",
    }
    /// `scratchnet diff --help`: below the options, the examples.
    DIFF_AFTER = "help.diff.after" {
        en: "Example:\n  scratchnet diff --function function_1 --at 5 --plot tangent.png",
        ko: "예:\n  scratchnet diff --function function_1 --at 5 --plot tangent.png",
    }
    /// `scratchnet diff --function`: the function, one-dimensional.
    DIFF_FUNCTION = "help.diff.function" {
        en: "The function; it must be one-dimensional (function_1)",
        ko: "함수. 1차원 함수여야 합니다(function_1)",
    }
    /// `scratchnet diff --at`: where to take the derivative.
    DIFF_AT = "help.diff.at" {
        en: "Where to take the derivative",
        ko: "미분할 위치",
    }
    /// `scratchnet diff --plot`: draw f and its tangent line into FILE.png or FILE.svg.
    DIFF_PLOT = "help.diff.plot" {
        en: "Draw f and its tangent line into FILE.png or FILE.svg",
        ko: "함수 f의 그래프와 접선을 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet diff --json`: print one JSON document.
    DIFF_JSON = "help.diff.json" {
        en: "Print one JSON document: {\"function\", \"at\", \"f\", \"derivative\", \"exact\", \
             \"tangent\": {\"slope\", \"intercept\"}}",
        ko: "JSON 문서 하나를 출력합니다: {\"function\", \"at\", \"f\", \"derivative\", \"exact\", \
             \"tangent\": {\"slope\", \"intercept\"}}",
    }
    /// `scratchnet simplenet`: what the command does.
    SIMPLENET = "help.simplenet" {
        en: "The book's simpleNet: prediction, softmax, loss, and dL/dW by numerical gradient",
        ko: "책의 simpleNet: 예측, 소프트맥스, 손실, 그리고 수치 미분으로 구한 dL/dW",
    }
    /// `scratchnet simplenet --help`: below the options, the examples.
    SIMPLENET_AFTER = "help.simplenet.after" {
        en: "Without --weights or --seed, W is the one printed in the learner's notebook.\
             \n\
             \nExamples:\
             \n  scratchnet simplenet\
             \n  scratchnet simplenet --seed 42 --x 0.6,0.9 --t 2 --json\
             \n  scratchnet simplenet --weights \"0.47355232,0.9977393,0.84668094;0.85557411,0.03563661,0.69422093\"",
        ko: "--weights도 --seed도 주지 않으면 가중치 W의 값은 학습자의 노트북에 출력된 것을 그대로 \
             씁니다.\
             \n\
             \n예:\
             \n  scratchnet simplenet\
             \n  scratchnet simplenet --seed 42 --x 0.6,0.9 --t 2 --json\
             \n  scratchnet simplenet --weights \"0.47355232,0.9977393,0.84668094;0.85557411,0.03563661,0.69422093\"",
    }
    /// `scratchnet simplenet --weights`: the 2x3 weights W, rows separated by `;`.
    SIMPLENET_WEIGHTS = "help.simplenet.weights" {
        en: "The 2x3 weights W, rows separated by `;`: \"w11,w12,w13;w21,w22,w23\"",
        ko: "2x3 가중치 행렬 W. 행 사이는 `;`, 원소 사이는 쉼표로 구분합니다: \
             \"w11,w12,w13;w21,w22,w23\"",
    }
    /// `scratchnet simplenet --seed`: draw W from the standard normal distribution with this seed.
    SIMPLENET_SEED = "help.simplenet.seed" {
        en: "Draw W from the standard normal distribution with this seed",
        ko: "W의 원소를 이 시드로 표준 정규분포에서 뽑습니다",
    }
    /// `scratchnet simplenet --x`: the input x, two numbers.
    SIMPLENET_X = "help.simplenet.x" {
        en: "The input x, two numbers",
        ko: "입력 x, 숫자 두 개",
    }
    /// `scratchnet simplenet --t`: the correct class t: 0, 1 or 2.
    SIMPLENET_T = "help.simplenet.t" {
        en: "The correct class t: 0, 1 or 2",
        ko: "정답 클래스 t: 0, 1, 2 중 하나",
    }
    /// `scratchnet simplenet --json`: print one JSON document.
    SIMPLENET_JSON = "help.simplenet.json" {
        en: "Print one JSON document: {\"W\", \"x\", \"t\", \"p\", \"y\", \"loss\", \"dW\"}",
        ko: "JSON 문서 하나를 출력합니다: {\"W\", \"x\", \"t\", \"p\", \"y\", \"loss\", \"dW\"}",
    }
    /// `scratchnet graph`: what the command does.
    GRAPH = "help.graph" {
        en: "Chapter 5's computational graph: the book's shopping examples forward and backward, drawn as figures 5-16 and 5-17",
        ko: "5장의 계산 그래프: 책의 장보기 예를 순전파하고 역전파한 값을 그림 5-16과 5-17처럼 그립니다",
    }
    /// `scratchnet graph --help`: below the options, the examples.
    GRAPH_AFTER = "help.graph.after" {
        en: "Examples:\
             \n  scratchnet graph\
             \n  scratchnet graph apple-orange --plot graph.png\
             \n  scratchnet graph --apple 150 --apple-num 3 --tax 1.08 --json",
        ko: "예:\
             \n  scratchnet graph\
             \n  scratchnet graph apple-orange --plot graph.png\
             \n  scratchnet graph --apple 150 --apple-num 3 --tax 1.08 --json",
    }
    /// `scratchnet graph EXAMPLE`.
    GRAPH_EXAMPLE = "help.graph.example" {
        en: "Which of the book's scripts: apple (buy_apple.py) or apple-orange (buy_apple_orange.py)",
        ko: "책의 어느 스크립트인지: apple(buy_apple.py) 또는 apple-orange(buy_apple_orange.py)",
    }
    /// `scratchnet graph EXAMPLE`: apple.
    CHOICE_EXAMPLE_APPLE = "help.choice.example.apple" {
        en: "buy_apple.py: apples and tax (figure 5-16)",
        ko: "buy_apple.py: 사과와 소비세(그림 5-16)",
    }
    /// `scratchnet graph EXAMPLE`: apple-orange.
    CHOICE_EXAMPLE_APPLE_ORANGE = "help.choice.example.apple-orange" {
        en: "buy_apple_orange.py: apples, oranges and tax (figure 5-17)",
        ko: "buy_apple_orange.py: 사과, 귤과 소비세(그림 5-17)",
    }
    /// `scratchnet graph --apple`.
    GRAPH_APPLE = "help.graph.apple" { en: "The price of one apple", ko: "사과 한 개의 가격" }
    /// `scratchnet graph --apple-num`.
    GRAPH_APPLE_NUM = "help.graph.apple_num" { en: "How many apples", ko: "사과 개수" }
    /// `scratchnet graph --orange`.
    GRAPH_ORANGE = "help.graph.orange" {
        en: "The price of one orange (apple-orange only)",
        ko: "귤 한 개의 가격(apple-orange에서만)",
    }
    /// `scratchnet graph --orange-num`.
    GRAPH_ORANGE_NUM = "help.graph.orange_num" {
        en: "How many oranges (apple-orange only)",
        ko: "귤 개수(apple-orange에서만)",
    }
    /// `scratchnet graph --tax`.
    GRAPH_TAX = "help.graph.tax" {
        en: "The tax as a factor: 1.1 adds 10 %",
        ko: "소비세(가격에 곱하는 배수): 1.1이면 10 %를 더합니다",
    }
    /// `scratchnet graph --plot`.
    GRAPH_PLOT = "help.graph.plot" {
        en: "Draw the graph, forward values above the arrows and gradients below, into FILE.png or FILE.svg",
        ko: "그래프를 FILE.png나 FILE.svg로 그립니다. 화살표 위에는 순전파의 값, 아래에는 미분을 적습니다",
    }
    /// `scratchnet graph --json`.
    GRAPH_JSON = "help.graph.json" {
        en: "Print one JSON document: {\"script\", \"figure\", \"price\", \"gradients\": {\"dApple\", ...}}",
        ko: "JSON 문서 하나를 출력합니다: {\"script\", \"figure\", \"price\", \"gradients\": {\"dApple\", ...}}",
    }
    /// `--activation tanh`.
    CHOICE_ACTIVATION_TANH = "help.choice.activation.tanh" {
        en: "`tanh(x)`, from −1 to 1, symmetric about 0",
        ko: "`tanh(x)`, −1부터 1까지, 원점 대칭인 함수",
    }
    /// `--rng scratchnet`.
    CHOICE_RNG_SCRATCHNET = "help.choice.rng.scratchnet" {
        en: "scratchnet's own: ChaCha8 seeded with the seed",
        ko: "scratchnet의 생성기: 시드로 초기화한 ChaCha8",
    }
    /// `--rng numpy`.
    CHOICE_RNG_NUMPY = "help.choice.rng.numpy" {
        en: "NumPy's legacy `np.random` after `np.random.seed(seed)`: the book's numbers",
        ko: "`np.random.seed(seed)`로 초기화한 NumPy의 레거시 `np.random`: 책과 같은 수",
    }
    /// `scratchnet weight-init-histogram`: what the command does.
    WEIGHT_INIT_HISTOGRAM = "help.weight-init-histogram" {
        en: "Chapter 6: random inputs through five layers, the histogram of each layer's activations for a weight scale and an activation (figures 6-10 to 6-14)",
        ko: "6장: 무작위 입력을 층 다섯 개에 통과시켜, 가중치 초깃값과 활성화 함수에 따른 각 층의 활성화값 분포를 히스토그램으로 보여 줍니다(그림 6-10~6-14)",
    }
    /// `scratchnet weight-init-histogram --help`: below the options, the examples.
    WEIGHT_INIT_HISTOGRAM_AFTER = "help.weight-init-histogram.after" {
        en: "Examples:\
             \n  scratchnet weight-init-histogram --init 1 --plot std1.png\
             \n  scratchnet weight-init-histogram --activation relu --init he --rng numpy --seed 0",
        ko: "예:\
             \n  scratchnet weight-init-histogram --init 1 --plot std1.png\
             \n  scratchnet weight-init-histogram --activation relu --init he --rng numpy --seed 0",
    }
    /// `scratchnet weight-init-histogram --activation`.
    WEIGHT_INIT_HISTOGRAM_ACTIVATION = "help.weight-init-histogram.activation" {
        en: "The activation of every layer",
        ko: "모든 층의 활성화 함수",
    }
    /// `scratchnet weight-init-histogram --init`.
    WEIGHT_INIT_HISTOGRAM_INIT = "help.weight-init-histogram.init" {
        en: "The initial weights' scale: a standard deviation (1, 0.01), xavier (1/√n) or he (√(2/n))",
        ko: "가중치 초깃값의 크기: 표준편차(1, 0.01), xavier(1/√n) 또는 he(√(2/n))",
    }
    /// `--rng`, in every command whose help for it says this.
    FLAG_RNG = "help.flag.rng" {
        en: "The random generator: scratchnet's own, or numpy (NumPy's np.random seeded as np.random.seed(SEED): the same draws as the book's script)",
        ko: "난수 생성기: scratchnet의 것, 또는 numpy(np.random.seed(SEED)로 초기화한 NumPy의 np.random: 책의 스크립트와 같은 수를 뽑습니다)",
    }
    /// `--seed`, in every command whose help for it says this.
    FLAG_SEED = "help.flag.seed" {
        en: "The generator's seed (numpy: at most 4294967295, as np.random.seed)",
        ko: "생성기의 시드(numpy는 np.random.seed처럼 4294967295까지)",
    }
    /// `scratchnet weight-init-histogram --plot`.
    WEIGHT_INIT_HISTOGRAM_PLOT = "help.weight-init-histogram.plot" {
        en: "Draw the five histograms into FILE.png or FILE.svg",
        ko: "히스토그램 다섯 개를 FILE.png나 FILE.svg로 그립니다",
    }
    /// `scratchnet weight-init-histogram --json`.
    WEIGHT_INIT_HISTOGRAM_JSON = "help.weight-init-histogram.json" {
        en: "Print one JSON document: {\"activation\", \"init\", \"range\", \"layers\": [{\"mean\", \"std\", \"counts\"}]}",
        ko: "JSON 문서 하나를 출력합니다: {\"activation\", \"init\", \"range\", \"layers\": [{\"mean\", \"std\", \"counts\"}]}",
    }
    /// `scratchnet tour --chapter`.
    TOUR_CHAPTER = "help.tour.chapter" {
        en: "The book's chapter: 4 (the gradient, descent, a network that learns), 5 (backpropagation: the computational graph, the gradient check, training) or 6 (the initial weights, Batch Normalization, overfitting and weight decay)",
        ko: "책의 장: 4(기울기, 경사 하강법, 학습하는 신경망), 5(오차역전파법: 계산 그래프, 기울기 확인, 학습) 또는 6(가중치 초깃값, 배치 정규화, 오버피팅과 가중치 감소)",
    }
    /// `scratchnet weight-init-compare`: what the command does.
    WEIGHT_INIT_COMPARE = "help.weight-init-compare" {
        en: "Chapter 6: three networks alike but for their initial weights (std 0.01, Xavier, He) \
             trained side by side on MNIST, their loss curves (figure 6-15)",
        ko: "6장: 가중치 초깃값(std 0.01, Xavier, He)만 다른 신경망 세 개를 MNIST로 나란히 학습시켜 \
             손실 곡선을 비교합니다(그림 6-15)",
    }
    /// `scratchnet weight-init-compare --help`: below the options, the examples.
    WEIGHT_INIT_COMPARE_AFTER = "help.weight-init-compare.after" {
        en: "Examples (the book's figure 6-15):\
             \n  scratchnet weight-init-compare --plot weight-init-compare.png\
             \n  scratchnet weight-init-compare --rng numpy --seed 0",
        ko: "예(책의 그림 6-15):\
             \n  scratchnet weight-init-compare --plot weight-init-compare.png\
             \n  scratchnet weight-init-compare --rng numpy --seed 0",
    }
    /// `--data`, in every command whose help for it says this.
    FLAG_DATA = "help.flag.data" {
        en: "The directory with the four MNIST files (default: $SCRATCHNET_DATA, else the cache \
             `fetch-mnist` fills, else the built-in 5,000-image slice)",
        ko: "MNIST 파일 네 개가 있는 디렉터리(기본값: 환경 변수 $SCRATCHNET_DATA, 이 변수가 없으면 \
             `fetch-mnist` 명령이 채우는 캐시, 캐시도 없으면 내장된 일부 이미지 5,000장)",
    }
    /// `scratchnet weight-init-compare --iters`.
    WEIGHT_INIT_COMPARE_ITERS = "help.weight-init-compare.iters" {
        en: "Iterations, each one mini-batch of 128 images for the three networks (the book: 2000)",
        ko: "반복 횟수. 반복마다 이미지 128장짜리 미니배치 하나를 세 신경망이 함께 씁니다(책에서는 2000)",
    }
    /// `scratchnet weight-init-compare --plot`.
    WEIGHT_INIT_COMPARE_PLOT = "help.weight-init-compare.plot" {
        en: "Draw the three smoothed loss curves into FILE.png or FILE.svg",
        ko: "매끄럽게 한 손실 곡선 세 개를 FILE.png나 FILE.svg로 그립니다",
    }
    /// `scratchnet weight-init-compare --json`.
    WEIGHT_INIT_COMPARE_JSON = "help.weight-init-compare.json" {
        en: "Print one JSON document: {\"iters\", \"batch_size\", \"learning_rate\", \"rng\", \
             \"seed\", \"train_size\", \"networks\": [{\"name\", \"init\", \"train_loss\", \
             \"final_smoothed\", \"learns\"}], \"as_book\"}",
        ko: "JSON 문서 하나를 출력합니다: {\"iters\", \"batch_size\", \"learning_rate\", \"rng\", \
             \"seed\", \"train_size\", \"networks\": [{\"name\", \"init\", \"train_loss\", \
             \"final_smoothed\", \"learns\"}], \"as_book\"}",
    }
    /// `scratchnet batch-norm-test`: what the command does.
    BATCH_NORM_TEST = "help.batch-norm-test" {
        en: "Chapter 6: networks with and without Batch Normalization trained side by side, for 16 \
             scales of the initial weights, their training accuracy (figure 6-19)",
        ko: "6장: 배치 정규화를 쓰는 신경망과 쓰지 않는 신경망을 가중치 초깃값의 표준편차 16가지마다 \
             나란히 학습시켜 훈련 정확도를 비교합니다(그림 6-19)",
    }
    /// `scratchnet batch-norm-test --help`: below the options, the examples.
    BATCH_NORM_TEST_AFTER = "help.batch-norm-test.after" {
        en: "Examples (the book's figure 6-19):\
             \n  scratchnet batch-norm-test --plot batch-norm-test.png\
             \n  scratchnet batch-norm-test --scales 0,5,15 --epochs 10 --rng numpy --seed 0",
        ko: "예(책의 그림 6-19):\
             \n  scratchnet batch-norm-test --plot batch-norm-test.png\
             \n  scratchnet batch-norm-test --scales 0,5,15 --epochs 10 --rng numpy --seed 0",
    }
    /// `scratchnet batch-norm-test --scales`.
    BATCH_NORM_TEST_SCALES = "help.batch-norm-test.scales" {
        en: "The standard deviations of the initial weights to try: all 16 of `np.logspace(0, -4, \
             num=16)`, or their numbers, comma-separated, from 0 (W = 1) to 15 (W = 0.0001)",
        ko: "실험에 쓸 가중치 초깃값의 표준편차: all(`np.logspace(0, -4, num=16)`의 16개 모두) 또는 0(W = 1)부터 15(W = 0.0001)까지의 번호를 쉼표로 구분해서 줍니다",
    }
    /// `scratchnet batch-norm-test --epochs`.
    BATCH_NORM_TEST_EPOCHS = "help.batch-norm-test.epochs" {
        en: "Epochs of 10 mini-batches of 100 images at each scale (the book: 20)",
        ko: "표준편차마다 학습할 에폭 수. 1에폭은 이미지 100장짜리 미니배치 10개입니다(책에서는 20)",
    }
    /// `scratchnet batch-norm-test --plot`.
    BATCH_NORM_TEST_PLOT = "help.batch-norm-test.plot" {
        en: "Draw one panel per scale into FILE.png or FILE.svg",
        ko: "표준편차마다 그래프 하나씩을 FILE.png나 FILE.svg로 그립니다",
    }
    /// `scratchnet batch-norm-test --json`.
    BATCH_NORM_TEST_JSON = "help.batch-norm-test.json" {
        en: "Print one JSON document: {\"epochs\", \"train_size\", \"rng\", \"seed\", \"runs\": \
             [{\"index\", \"weight_scale\", \"train_acc_list\", \"bn_train_acc_list\", \
             \"bn_ahead\"}], \"bn_ahead\", \"as_book\"}",
        ko: "JSON 문서 하나를 출력합니다: {\"epochs\", \"train_size\", \"rng\", \"seed\", \"runs\": \
             [{\"index\", \"weight_scale\", \"train_acc_list\", \"bn_train_acc_list\", \
             \"bn_ahead\"}], \"bn_ahead\", \"as_book\"}",
    }
    /// `scratchnet overfit`: what the command does.
    OVERFIT = "help.overfit" {
        en: "Chapter 6: a deep network learns 300 images by heart and does worse on new ones (overfitting, figure 6-20); weight decay or Dropout narrows the gap (figures 6-21, 6-23)",
        ko: "6장: 깊은 신경망이 이미지 300장을 외워 버려 처음 보는 이미지에서는 성능이 떨어지는 오버피팅(그림 6-20)과, 그 차이를 줄이는 가중치 감소와 드롭아웃(그림 6-21, 6-23)을 보여 줍니다",
    }
    /// `scratchnet overfit --help`: below the options, the examples.
    OVERFIT_AFTER = "help.overfit.after" {
        en: "Examples:\
             \n  scratchnet overfit --plot overfit.png\
             \n  scratchnet overfit --weight-decay 0.1 --rng numpy --seed 0\
             \n  scratchnet overfit --dropout 0.2 --epochs 101 --plot dropout.png",
        ko: "예:\
             \n  scratchnet overfit --plot overfit.png\
             \n  scratchnet overfit --weight-decay 0.1 --rng numpy --seed 0\
             \n  scratchnet overfit --dropout 0.2 --epochs 101 --plot dropout.png",
    }
    /// `scratchnet overfit --weight-decay`.
    OVERFIT_WEIGHT_DECAY = "help.overfit.weight_decay" {
        en: "Weight decay λ (the book: 0.1): runs overfit_weight_decay.py without it, then with it (figures 6-20 and 6-21)",
        ko: "가중치 감소 λ(책은 0.1): overfit_weight_decay.py를 가중치 감소 없이 한 번, 있게 한 번 실행합니다(그림 6-20, 6-21)",
    }
    /// `scratchnet overfit --dropout`.
    OVERFIT_DROPOUT = "help.overfit.dropout" {
        en: "Dropout of this ratio (the book: 0.2): runs overfit_dropout.py without Dropout, then with it (figure 6-23)",
        ko: "이 비율의 드롭아웃(책은 0.2): overfit_dropout.py를 드롭아웃 없이 한 번, 있게 한 번 실행합니다(그림 6-23)",
    }
    /// `scratchnet overfit --epochs`.
    OVERFIT_EPOCHS = "help.overfit.epochs" {
        en: "Epochs of each run (the book: 201; with --dropout, 301)",
        ko: "실행마다의 에폭 수(책은 201, --dropout을 주면 301)",
    }
    /// `scratchnet overfit --plot`.
    OVERFIT_PLOT = "help.overfit.plot" {
        en: "Draw the accuracies into FILE.png or FILE.svg: one panel per run, side by side",
        ko: "정확도를 FILE.png나 FILE.svg로 그립니다. 실행마다 칸 하나씩 나란히 그립니다",
    }
    /// `scratchnet overfit --json`.
    OVERFIT_JSON = "help.overfit.json" {
        en: "Print one JSON document: {\"script\", \"figure\", \"train_size\", \"test_size\", \"epochs\", \"runs\": [{\"regularization\", \"train_acc_list\", \"test_acc_list\", \"gap\"}]}",
        ko: "JSON 문서 하나를 출력합니다: {\"script\", \"figure\", \"train_size\", \"test_size\", \"epochs\", \"runs\": [{\"regularization\", \"train_acc_list\", \"test_acc_list\", \"gap\"}]}",
    }
    /// `scratchnet hyperparameter-search`: what the command does.
    HYPERPARAMETER_SEARCH = "help.hyperparameter-search" {
        en: "Chapter 6: a random search for the learning rate and the weight decay, each trial judged on validation data (figure 6-24)",
        ko: "6장: 학습률과 가중치 감소를 무작위로 탐색하고, 시도마다 검증 데이터로 평가합니다(그림 6-24)",
    }
    /// `scratchnet hyperparameter-search --help`: below the options, the examples.
    HYPERPARAMETER_SEARCH_AFTER = "help.hyperparameter-search.after" {
        en: "Examples:\
             \n  scratchnet hyperparameter-search --plot search.png\
             \n  scratchnet hyperparameter-search --trials 20 --epochs 20 --rng numpy --seed 0",
        ko: "예:\
             \n  scratchnet hyperparameter-search --plot search.png\
             \n  scratchnet hyperparameter-search --trials 20 --epochs 20 --rng numpy --seed 0",
    }
    /// `scratchnet hyperparameter-search --trials`.
    HYPERPARAMETER_SEARCH_TRIALS = "help.hyperparameter-search.trials" {
        en: "Trials, each with a learning rate and a weight decay drawn at random (the book: 100)",
        ko: "시도 횟수: 시도마다 학습률과 가중치 감소를 무작위로 뽑습니다(책은 100)",
    }
    /// `scratchnet hyperparameter-search --epochs`.
    HYPERPARAMETER_SEARCH_EPOCHS = "help.hyperparameter-search.epochs" {
        en: "Epochs of each trial (the book: 50)",
        ko: "시도마다의 에폭 수(책은 50)",
    }
    /// `scratchnet hyperparameter-search --plot`.
    HYPERPARAMETER_SEARCH_PLOT = "help.hyperparameter-search.plot" {
        en: "Draw the best 20 trials' accuracies into FILE.png or FILE.svg, five to a row",
        ko: "상위 20개 시도의 정확도를 FILE.png나 FILE.svg로 그립니다. 한 줄에 다섯 개씩 그립니다",
    }
    /// `scratchnet hyperparameter-search --json`.
    HYPERPARAMETER_SEARCH_JSON = "help.hyperparameter-search.json" {
        en: "Print one JSON document: {\"script\", \"figure\", \"train_size\", \"validation_size\", \"epochs\", \"trials\": [{\"rank\", \"trial\", \"lr\", \"weight_decay\", \"val_acc\", \"val_acc_list\", \"train_acc_list\"}], \"best\", \"ranges\": {\"lr\", \"weight_decay\"}}",
        ko: "JSON 문서 하나를 출력합니다: {\"script\", \"figure\", \"train_size\", \"validation_size\", \"epochs\", \"trials\": [{\"rank\", \"trial\", \"lr\", \"weight_decay\", \"val_acc\", \"val_acc_list\", \"train_acc_list\"}], \"best\", \"ranges\": {\"lr\", \"weight_decay\"}}",
    }
    /// `scratchnet fetch-mnist`: what the command does.
    FETCH_MNIST = "help.fetch-mnist" {
        en: "Download MNIST (checked against its SHA-256) into the data directory",
        ko: "MNIST를 데이터 디렉터리에 내려받습니다(SHA-256 해시로 검증)",
    }
    /// `scratchnet fetch-mnist --help`: below the options, the examples.
    FETCH_MNIST_AFTER = "help.fetch-mnist.after" {
        en: "A mirror that does not connect in 15 s, or sends nothing for 30 s, is given up for \
             the next. Ctrl-C stops the download and removes the partial file.\
             \n\
             \nExamples:\
             \n  scratchnet fetch-mnist\
             \n  scratchnet fetch-mnist --dir mnist/ && scratchnet train --data mnist/",
        ko: "15초 안에 연결되지 않거나 30초 동안 아무것도 보내지 않는 미러는 포기하고 다음 미러로 \
             넘어갑니다. Ctrl-C 키를 누르면 내려받기를 멈추고 받다 만 파일을 지웁니다.\
             \n\
             \n예:\
             \n  scratchnet fetch-mnist\
             \n  scratchnet fetch-mnist --dir mnist/ && scratchnet train --data mnist/",
    }
    /// `scratchnet fetch-mnist --dir`: where to put the files.
    FETCH_MNIST_DIR = "help.fetch-mnist.dir" {
        en: "Where to put the files (default: $SCRATCHNET_DATA, else the user's cache directory)",
        ko: "파일을 저장할 위치(기본값: 환경 변수 $SCRATCHNET_DATA, 이 변수가 없으면 사용자의 캐시 \
             디렉터리)",
    }
    /// `scratchnet fetch-mnist --mirror`: download from this base address instead.
    FETCH_MNIST_MIRROR = "help.fetch-mnist.mirror" {
        en: "Download from this base address instead of the built-in mirrors (repeat for \
             fallbacks)",
        ko: "내장된 미러 대신 이 기준 주소에서 내려받습니다(여러 번 주면 앞의 주소가 실패할 때 \
             다음 주소를 씁니다)",
    }
    /// `scratchnet gradcheck`: what the command does.
    GRADCHECK = "help.gradcheck" {
        en: "Check backpropagation against the numerical gradient of TwoLayerNet",
        ko: "TwoLayerNet에서 오차역전파법으로 구한 기울기를 수치 미분으로 구한 기울기와 비교해 \
             검증합니다",
    }
    /// `scratchnet gradcheck --help`: below the options, the examples.
    GRADCHECK_AFTER = "help.gradcheck.after" {
        en: "Examples:\
             \n  scratchnet gradcheck\
             \n  scratchnet gradcheck --activation relu --seed 2 --batch-size 10",
        ko: "예:\
             \n  scratchnet gradcheck\
             \n  scratchnet gradcheck --activation relu --seed 2 --batch-size 10",
    }
    /// `scratchnet gradcheck --activation`: the hidden layer's activation.
    GRADCHECK_ACTIVATION = "help.gradcheck.activation" {
        en: "The hidden layer's activation",
        ko: "은닉층의 활성화 함수",
    }
    /// `--activation sigmoid` (every command): `σ(x) = 1 / (1 + exp(−x))`.
    CHOICE_ACTIVATION_SIGMOID = "help.choice.activation.sigmoid" {
        en: "`σ(x) = 1 / (1 + exp(−x))`, as in the book's chapter 4",
        ko: "`σ(x) = 1 / (1 + exp(−x))`, 책의 4장에서 쓰는 함수",
    }
    /// `--activation relu` (every command): `max(0, x)`.
    CHOICE_ACTIVATION_RELU = "help.choice.activation.relu" {
        en: "`max(0, x)`, as in chapter 5",
        ko: "`max(0, x)`, 5장에서 쓰는 함수",
    }
    /// `scratchnet gradcheck --batch-size`: how many training images to check on.
    GRADCHECK_BATCH_SIZE = "help.gradcheck.batch_size" {
        en: "How many training images to check on (the book: the first 3)",
        ko: "검증에 쓸 훈련 이미지 수(책에서는 처음 3장)",
    }
    /// `scratchnet gradcheck --seed`: the seed of the initial weights.
    GRADCHECK_SEED = "help.gradcheck.seed" {
        en: "Seed of the initial weights",
        ko: "가중치 초깃값의 시드",
    }
    /// `scratchnet gradcheck --hidden`: the hidden units.
    GRADCHECK_HIDDEN = "help.gradcheck.hidden" {
        en: "Hidden units",
        ko: "은닉층 뉴런 수",
    }
    /// `--json`, in every command whose help for it says this.
    FLAG_JSON = "help.flag.json" {
        en: "Print one JSON document",
        ko: "JSON 문서 하나를 출력합니다",
    }
    /// `scratchnet gradcheck --yes`: start even when the numerical gradient is large.
    GRADCHECK_YES = "help.gradcheck.yes" {
        en: "Start even when the numerical gradient is large: more than 10¹² multiply-adds \
             (minutes to hours: 784-1000-10 on 100 images is about 10¹⁴; the book's check is 10¹⁰)",
        ko: "수치 미분의 계산량이 커도(곱셈·덧셈 10¹²번 초과) 시작합니다. 몇 분에서 몇 시간이 \
             걸립니다. 이미지 100장에 784-1000-10 신경망이면 약 10¹⁴번이고, 책의 검증은 \
             10¹⁰번입니다",
    }
    /// `scratchnet train`: what the command does.
    TRAIN = "help.train" {
        en: "Train a network on MNIST by mini-batch gradient descent: chapter 4's TwoLayerNet, \
             chapter 6's MultiLayerNetExtend (--hidden 100,100, --batchnorm, --dropout, ...) or \
             chapter 7's SimpleConvNet (--network simple-conv)",
        ko: "MNIST 데이터로 미니배치 경사 하강법을 써서 신경망을 학습합니다. 4장의 TwoLayerNet, \
             6장의 MultiLayerNetExtend(--hidden 100,100, --batchnorm, --dropout 등), 7장의 \
             SimpleConvNet(--network simple-conv)을 학습할 수 있습니다",
    }
    /// `scratchnet train --help`: below the options, the examples.
    TRAIN_AFTER = "help.train.after" {
        en: "Examples:\
             \n  scratchnet train --plot curves.png --save net.safetensors\
             \n  scratchnet train --activation relu --iters 2000 --checkpoint ckpt/\
             \n  scratchnet train --resume ckpt/\
             \n  scratchnet train --hidden 100,100,100,100 --batchnorm --dropout 0.2 --weight-decay 0.1",
        ko: "예:\
             \n  scratchnet train --plot curves.png --save net.safetensors\
             \n  scratchnet train --activation relu --iters 2000 --checkpoint ckpt/\
             \n  scratchnet train --resume ckpt/\
             \n  scratchnet train --hidden 100,100,100,100 --batchnorm --dropout 0.2 --weight-decay 0.1",
    }
    /// `scratchnet train --iters`: iterations (mini-batches).
    TRAIN_ITERS = "help.train.iters" {
        en: "Iterations (mini-batches) [default: 10000, the book's]. With --resume: the new total \
             (default: the checkpoint's)",
        ko: "반복 횟수(미니배치 수) [기본값: 10000, 책의 값]. --resume 옵션과 함께 쓰면 새 총 반복 \
             횟수(기본값: 체크포인트의 값)",
    }
    /// `scratchnet train --batch-size`: images per mini-batch.
    TRAIN_BATCH_SIZE = "help.train.batch_size" {
        en: "Images per mini-batch",
        ko: "미니배치당 이미지 수",
    }
    /// `scratchnet train --lr`: the learning rate.
    TRAIN_LR = "help.train.lr" {
        en: "Learning rate (default: 0.1 for sgd, as train_neuralnet.py; the book's class defaults \
             otherwise: 0.01, Adam 0.001)",
        ko: "학습률(기본값: sgd에서는 train_neuralnet.py처럼 0.1, 나머지는 책의 클래스 기본값인 \
             0.01, Adam에서는 0.001)",
    }
    /// `scratchnet train --hidden`: the hidden units.
    TRAIN_HIDDEN = "help.train.hidden" {
        en: "Hidden units: one number for the book's TwoLayerNet (chapter 4) and SimpleConvNet \
             (chapter 7), or one per layer (100,100,100,100) for chapter 6's MultiLayerNetExtend \
             [default: 50; 100 for simple-conv]",
        ko: "은닉층 뉴런 수: 책의 TwoLayerNet(4장)과 SimpleConvNet(7장)에는 숫자 하나, 6장의 \
             MultiLayerNetExtend에는 층마다 하나씩(100,100,100,100) 줍니다 [기본값: 50, \
             simple-conv는 100]",
    }
    /// `scratchnet train --network`: which of the book's networks.
    TRAIN_NETWORK = "help.train.network" {
        en: "Which of the book's networks to train [default: two-layer, or multi-layer when the \
             flags below ask for chapter 6's]",
        ko: "학습할 책의 신경망 [기본값: two-layer, 아래 옵션으로 6장의 기능을 고르면 \
             multi-layer]",
    }
    /// `--network two-layer`: chapter 4's network.
    CHOICE_NETWORK_TWO_LAYER = "help.choice.network.two-layer" {
        en: "Chapter 4's TwoLayerNet: one hidden layer",
        ko: "4장의 TwoLayerNet: 은닉층 하나",
    }
    /// `--network multi-layer`: chapter 6's network.
    CHOICE_NETWORK_MULTI_LAYER = "help.choice.network.multi-layer" {
        en: "Chapter 6's MultiLayerNetExtend: hidden layers, and Batch Norm, Dropout or weight \
             decay",
        ko: "6장의 MultiLayerNetExtend: 여러 은닉층과 배치 정규화, 드롭아웃, 가중치 감소",
    }
    /// `--network simple-conv`: chapter 7's network.
    CHOICE_NETWORK_SIMPLE_CONV = "help.choice.network.simple-conv" {
        en: "Chapter 7's SimpleConvNet: 30 filters of 5×5, ReLU, max pooling, 100 hidden units, \
             trained as train_convnet.py (Adam 0.001, 20 epochs, each measured on 1,000 images)",
        ko: "7장의 SimpleConvNet: 5×5 필터 30개, ReLU, 최대 풀링, 은닉층 뉴런 100개. \
             train_convnet.py처럼 학습합니다(Adam 0.001, 20에폭, 에폭마다 이미지 1,000장으로 \
             정확도 측정)",
    }
    /// `scratchnet train --epochs`: epochs in place of iterations.
    TRAIN_EPOCHS = "help.train.epochs" {
        en: "Epochs, in place of --iters: passes over the training set, each of training set / \
             batch size iterations [default for simple-conv: 20, as train_convnet.py]. With \
             --resume: the new total",
        ko: "--iters 대신 에폭 수: 훈련 데이터를 몇 번 훑을지입니다. 한 에폭은 (훈련 데이터 수 / \
             배치 크기)번 반복입니다 [simple-conv의 기본값: train_convnet.py처럼 20]. --resume과 \
             함께 주면 새 총 에폭 수",
    }
    /// `scratchnet train --activation`: the hidden layers' activation.
    TRAIN_ACTIVATION = "help.train.activation" {
        en: "The hidden layers' activation [default: sigmoid for the TwoLayerNet, as chapter 4; \
             relu for chapter 6's network, as the book's MultiLayerNetExtend]",
        ko: "은닉층의 활성화 함수 [기본값: TwoLayerNet은 4장처럼 시그모이드, 6장의 신경망은 책의 \
             MultiLayerNetExtend처럼 ReLU]",
    }
    /// `scratchnet train --init`: the initial weights.
    TRAIN_INIT = "help.train.init" {
        en: "The initial weights: a standard deviation (the book's 0.01), he (√(2/n)) or xavier \
             (√(1/n)) [default: 0.01 for the TwoLayerNet; he with relu, xavier with sigmoid for \
             chapter 6's network]. he or xavier trains chapter 6's network",
        ko: "가중치 초깃값: 표준편차(책의 0.01), he(√(2/n)), xavier(√(1/n)) 중 하나 [기본값: \
             TwoLayerNet은 0.01, 6장의 신경망은 ReLU면 he, 시그모이드면 xavier]. he나 xavier를 \
             주면 6장의 신경망을 학습합니다",
    }
    /// `scratchnet train --batchnorm`: Batch Normalization.
    TRAIN_BATCHNORM = "help.train.batchnorm" {
        en: "Batch Normalization after each hidden Affine layer (chapter 6's network)",
        ko: "은닉층마다 배치 정규화 계층을 둡니다(6장의 신경망)",
    }
    /// `scratchnet train --dropout`: Dropout's ratio.
    TRAIN_DROPOUT = "help.train.dropout" {
        en: "Dropout of RATIO after each activation (chapter 6's network; the book: 0.2)",
        ko: "활성화 함수마다 뒤에 비율 RATIO의 드롭아웃을 둡니다(6장의 신경망, 책의 값: 0.2)",
    }
    /// `scratchnet train --weight-decay`: the weight decay's λ.
    TRAIN_WEIGHT_DECAY = "help.train.weight_decay" {
        en: "Weight decay λ (chapter 6's network; the book: 0.1)",
        ko: "가중치 감소의 λ(6장의 신경망, 책의 값: 0.1)",
    }
    /// `scratchnet train --grad`: how to take the gradient.
    TRAIN_GRAD = "help.train.grad" {
        en: "How to take the gradient: backprop (fast), backprop-reference (the book's layers), \
             numerical (all cores), numerical-reference (the book's: hours). The guide has details",
        ko: "기울기를 구하는 방법: backprop(빠름), backprop-reference(책의 계층), numerical(모든 \
             코어 사용), numerical-reference(책의 방법: 몇 시간 걸림). 자세한 내용은 안내서에 \
             있습니다",
    }
    /// `--grad backprop` (every command): backpropagation from the non-zero pixels only.
    CHOICE_GRAD_BACKPROP = "help.choice.grad.backprop" {
        en: "Backpropagation from the non-zero pixels only, in f32 or f64 (--dtype): the fast path",
        ko: "값이 0인 픽셀은 건너뛰는 오차역전파법, 자료형은 f32 또는 f64(--dtype): 빠른 경로",
    }
    /// `--grad backprop-reference` (every command): backpropagation through the book's layers.
    CHOICE_GRAD_BACKPROP_REFERENCE = "help.choice.grad.backprop-reference" {
        en: "Backpropagation through the book's layers, dense products in f64: the reference the \
             fast path is checked against",
        ko: "책의 계층을 그대로 거치는 오차역전파법(f64 밀집 행렬 곱): 빠른 경로를 검증할 때 \
             기준으로 삼는 구현",
    }
    /// `--grad numerical` (every command): central differences.
    CHOICE_GRAD_NUMERICAL = "help.choice.grad.numerical" {
        en: "Central differences (h = 1e-4) recomputing only what each nudge changes, on all \
             cores: hundreds of times faster than numerical-reference",
        ko: "중앙 차분(h = 1e-4), 매개변수를 하나씩 조금 움직일 때마다 달라지는 부분만 다시 \
             계산하며 모든 코어를 씁니다: numerical-reference보다 수백 배 빠름",
    }
    /// `--grad numerical-reference` (every command): central differences the book's way.
    CHOICE_GRAD_NUMERICAL_REFERENCE = "help.choice.grad.numerical-reference" {
        en: "Central differences the book's way, two whole forward passes of the batch per \
             parameter: 79,520 per step for 784-50-10",
        ko: "책의 방식대로 하는 중앙 차분: 매개변수 하나마다 배치 전체를 두 번 순전파합니다. \
             784-50-10에서는 반복마다 79,520번",
    }
    /// `scratchnet train --dtype`: the floating-point type of `--grad backprop`.
    TRAIN_DTYPE = "help.train.dtype" {
        en: "The floating-point type of --grad backprop: f64 (the default: the book's NumPy type, \
             so the numbers can be compared with the book's and with --grad backprop-reference) or \
             f32 (half the bytes to move, so faster, with the same accuracy). The other gradients \
             compute in f64",
        ko: "--grad backprop에서 쓰는 부동소수점 자료형: f64(기본값. 책의 NumPy 자료형이라 책의 \
             값이나 --grad backprop-reference의 결과와 숫자를 비교할 수 있습니다) 또는 f32(옮길 \
             바이트가 절반이라 더 빠르고 정확도는 같습니다). 다른 기울기 계산은 모두 f64 \
             자료형으로 합니다",
    }
    /// `--dtype f32` (every command): 32-bit floats.
    CHOICE_DTYPE_F32 = "help.choice.dtype.f32" {
        en: "32-bit floats: about 7 significant digits",
        ko: "32비트 부동소수점 수: 유효숫자 약 7자리",
    }
    /// `--dtype f64` (every command): 64-bit floats.
    CHOICE_DTYPE_F64 = "help.choice.dtype.f64" {
        en: "64-bit floats: about 16 significant digits, NumPy's default and the book's",
        ko: "64비트 부동소수점 수: 유효숫자 약 16자리, NumPy와 책의 기본 자료형",
    }
    /// `scratchnet train --threads`: threads (default: all cores).
    TRAIN_THREADS = "help.train.threads" {
        en: "Threads (default: all cores); results do not depend on it. --grad backprop uses two: \
             one trains, the other gathers the next mini-batches and measures each epoch's \
             accuracy meanwhile, and on wide layers or large batches shares each step's first \
             layer. The numerical gradient uses all. The reference paths (the book's layers) run \
             on one",
        ko: "스레드 수(기본값: 모든 코어). 결과는 스레드 수와 상관없이 같습니다. --grad \
             backprop에서는 두 개를 씁니다. 하나는 학습하고, 다른 하나는 그동안 다음 미니배치를 \
             모으고 에폭마다 정확도를 재며, 계층이 넓거나 배치가 크면 반복마다 첫 번째 계층의 \
             계산을 나눠 맡습니다. 수치 미분은 모든 스레드를 씁니다. 기준 구현(책의 계층)은 스레드 \
             하나로 실행합니다",
    }
    /// `scratchnet train --seed`: the seed of every random draw.
    TRAIN_SEED = "help.train.seed" {
        en: "Seed of every random draw: the same seed gives the same run",
        ko: "모든 무작위 추출의 시드: 시드가 같으면 실행 결과도 같습니다",
    }
    /// `scratchnet train --rng`: the generator.
    TRAIN_RNG = "help.train.rng" {
        en: "The random generator: scratchnet's own, or numpy (NumPy's np.random after \
             np.random.seed(SEED), which draws the weights, the mini-batches and Dropout's masks as \
             the book's train_neuralnet.py does, reads float32 pixels as its load_mnist, and trains \
             through the book's layers: the book's numbers)",
        ko: "난수 생성기: scratchnet의 것, 또는 numpy(np.random.seed(SEED)로 초기화한 NumPy의 \
             np.random: 책의 train_neuralnet.py처럼 가중치, 미니배치, 드롭아웃 마스크를 뽑고, \
             load_mnist처럼 float32 픽셀을 읽고, 책의 계층으로 학습합니다. 책과 같은 수가 나옵니다)",
    }
    /// `scratchnet train --history`: the losses and the accuracies, into FILE.json.
    TRAIN_HISTORY = "help.train.history" {
        en: "Write the loss of every iteration and the accuracies to FILE.json",
        ko: "반복마다의 손실과 정확도를 FILE.json에 씁니다",
    }
    /// `scratchnet train --plot`: draw the learning curves into FILE.png or FILE.svg.
    TRAIN_PLOT = "help.train.plot" {
        en: "Draw the learning curves into FILE.png or FILE.svg",
        ko: "학습 곡선을 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet train --save`: save the trained weights as safetensors.
    TRAIN_SAVE = "help.train.save" {
        en: "Save the trained weights as safetensors (tensors W1, b1, W2, b2, ...; Batch Norm's \
             gamma, beta and running statistics too)",
        ko: "학습한 매개변수를 safetensors 형식으로 저장합니다(텐서 W1, b1, W2, b2, …; 배치 정규화가 \
             있으면 γ, β와 이동 평균·분산도)",
    }
    /// `scratchnet train --checkpoint`: write a checkpoint into DIR after every epoch.
    TRAIN_CHECKPOINT = "help.train.checkpoint" {
        en: "Write a checkpoint into DIR after every epoch (and on Ctrl-C). DIR is locked while \
             this run writes it; another run's checkpoint there is kept unless --force",
        ko: "에폭마다(그리고 Ctrl-C 키를 누르면) DIR에 체크포인트를 씁니다. 이 실행이 쓰는 \
             동안에는 DIR 디렉터리를 잠급니다. 그곳에 다른 실행의 체크포인트가 있으면 --force \
             없이는 덮어쓰지 않습니다",
    }
    /// `scratchnet train --resume`: continue the run whose checkpoint is in DIR.
    TRAIN_RESUME = "help.train.resume" {
        en: "Continue the run whose checkpoint is in DIR; it keeps its own settings",
        ko: "DIR에 체크포인트가 있는 실행을 이어서 학습합니다. 설정은 그 실행의 것을 그대로 씁니다",
    }
    /// `scratchnet train --force`: overwrite another run's checkpoint.
    TRAIN_FORCE = "help.train.force" {
        en: "Overwrite the checkpoint in --checkpoint DIR even if it is another run's",
        ko: "--checkpoint DIR에 있는 체크포인트가 다른 실행의 것이어도 덮어씁니다",
    }
    /// `scratchnet train --stop-on-divergence`: stop when the loss diverges.
    TRAIN_STOP_ON_DIVERGENCE = "help.train.stop_on_divergence" {
        en: "Stop when the loss diverges (it jumps far above guessing and does not come back down \
             within 100 iterations). Without it, a divergence is reported and the run goes on; a \
             loss or weight that is NaN or infinite stops it either way",
        ko: "손실이 발산하면 멈춥니다(무작위로 찍을 때의 손실보다 훨씬 크게 치솟고 100번 반복 안에 \
             다시 내려오지 않을 때). 이 옵션이 없으면 발산을 알리고 학습을 계속합니다. 손실이나 \
             가중치가 NaN 또는 무한대가 되면 이 옵션과 상관없이 멈춥니다",
    }
    /// `scratchnet train --json`: print one JSON document at the end (epoch lines go to stderr).
    TRAIN_JSON = "help.train.json" {
        en: "Print one JSON document at the end (epoch lines go to stderr)",
        ko: "끝에 JSON 문서 하나를 출력합니다(에폭마다의 줄은 stderr에 출력합니다)",
    }
    /// `scratchnet evaluate`: what the command does.
    EVALUATE = "help.evaluate" {
        en: "Test accuracy and confusion matrix of a saved network",
        ko: "저장한 신경망의 시험 정확도와 혼동 행렬을 보여 줍니다",
    }
    /// `scratchnet evaluate --help`: below the options, the examples.
    EVALUATE_AFTER = "help.evaluate.after" {
        en: "Example:\
             \n  scratchnet train --save net.safetensors && scratchnet evaluate --model net.safetensors",
        ko: "예:\
             \n  scratchnet train --save net.safetensors && scratchnet evaluate --model net.safetensors",
    }
    /// `--model`, in every command whose help for it says this.
    FLAG_MODEL = "help.flag.model" {
        en: "A network saved by `scratchnet train --save`",
        ko: "`scratchnet train --save` 명령으로 저장한 신경망",
    }
    /// `scratchnet evaluate --json`: print one JSON document.
    EVALUATE_JSON = "help.evaluate.json" {
        en: "Print one JSON document: {\"test_acc\", \"confusion\"}",
        ko: "JSON 문서 하나를 출력합니다: {\"test_acc\", \"confusion\"}",
    }
    /// `scratchnet predict`: what the command does.
    PREDICT = "help.predict" {
        en: "Show one test image and what a saved network predicts for it",
        ko: "시험 이미지 한 장과, 저장한 신경망이 그 이미지를 무엇으로 예측하는지 보여 줍니다",
    }
    /// `scratchnet predict --help`: below the options, the examples.
    PREDICT_AFTER = "help.predict.after" {
        en: "Example:\n  scratchnet predict --model net.safetensors --index 6 --plot digit.png",
        ko: "예:\n  scratchnet predict --model net.safetensors --index 6 --plot digit.png",
    }
    /// `scratchnet predict --index`: which test image.
    PREDICT_INDEX = "help.predict.index" {
        en: "Which test image: 0 to 9999 on the full MNIST, 0 to 999 on the built-in slice",
        ko: "시험 이미지 번호: 전체 MNIST에서는 0부터 9999까지, 내장된 일부에서는 0부터 999까지",
    }
    /// `scratchnet predict --plot`: also draw the image and the probabilities.
    PREDICT_PLOT = "help.predict.plot" {
        en: "Also draw the image and the probabilities into FILE.png or FILE.svg",
        ko: "이미지와 확률도 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet predict --json`: print one JSON document.
    PREDICT_JSON = "help.predict.json" {
        en: "Print one JSON document: {\"index\", \"label\", \"predicted\", \"probabilities\"}",
        ko: "JSON 문서 하나를 출력합니다: {\"index\", \"label\", \"predicted\", \"probabilities\"}",
    }
    /// `scratchnet visualize-filter`: what the command does.
    VISUALIZE_FILTER = "help.visualize-filter" {
        en: "Chapter 7: the first layer's filters of a SimpleConvNet, before or after training \
             (figure 7-24)",
        ko: "7장: SimpleConvNet 첫 번째 층의 필터를 학습 전이나 학습 후 모습으로 그립니다(그림 7-24)",
    }
    /// `scratchnet visualize-filter --help`: below the options, the examples.
    VISUALIZE_FILTER_AFTER = "help.visualize-filter.after" {
        en: "Examples:\
             \n  scratchnet visualize-filter --plot before.png\
             \n  scratchnet train --network simple-conv --save conv.safetensors\
             \n  scratchnet visualize-filter --model conv.safetensors --plot after.png",
        ko: "예:\
             \n  scratchnet visualize-filter --plot before.png\
             \n  scratchnet train --network simple-conv --save conv.safetensors\
             \n  scratchnet visualize-filter --model conv.safetensors --plot after.png",
    }
    /// `scratchnet visualize-filter --model`: the network whose filters to draw.
    VISUALIZE_FILTER_MODEL = "help.visualize-filter.model" {
        en: "A SimpleConvNet saved by `scratchnet train --network simple-conv --save` (default: \
             the book's SimpleConvNet as first drawn, before any training)",
        ko: "`scratchnet train --network simple-conv --save` 명령으로 저장한 SimpleConvNet \
             (기본값: 처음 초기화한, 학습하기 전의 책의 SimpleConvNet)",
    }
    /// `scratchnet visualize-filter --plot`: where to draw.
    VISUALIZE_FILTER_PLOT = "help.visualize-filter.plot" {
        en: "Draw the filters into FILE.png or FILE.svg",
        ko: "필터를 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet apply-filter`: what the command does.
    APPLY_FILTER = "help.apply-filter" {
        en: "Chapter 7: a test image through each of a SimpleConvNet's first filters \
             (apply_filter.py)",
        ko: "7장: 시험 이미지 한 장에 SimpleConvNet의 앞쪽 필터를 하나씩 적용합니다(apply_filter.py)",
    }
    /// `scratchnet apply-filter --help`: below the options, the example.
    APPLY_FILTER_AFTER = "help.apply-filter.after" {
        en: "Example:\n  scratchnet apply-filter --model conv.safetensors --index 0 --plot filtered.png",
        ko: "예:\n  scratchnet apply-filter --model conv.safetensors --index 0 --plot filtered.png",
    }
    /// `scratchnet apply-filter --model`: the network whose filters to apply.
    APPLY_FILTER_MODEL = "help.apply-filter.model" {
        en: "A SimpleConvNet saved by `scratchnet train --network simple-conv --save`",
        ko: "`scratchnet train --network simple-conv --save` 명령으로 저장한 SimpleConvNet",
    }
    /// `scratchnet apply-filter --index`: which test image.
    APPLY_FILTER_INDEX = "help.apply-filter.index" {
        en: "Which test image: 0 to 9999 on the full MNIST, 0 to 999 on the built-in slice",
        ko: "시험 이미지 번호: 전체 MNIST에서는 0부터 9999까지, 내장된 일부에서는 0부터 999까지",
    }
    /// `scratchnet apply-filter --count`: how many filters.
    APPLY_FILTER_COUNT = "help.apply-filter.count" {
        en: "How many of the filters, from the first (the book: 16)",
        ko: "첫 번째부터 적용할 필터 수(책: 16)",
    }
    /// `scratchnet apply-filter --plot`: where to draw.
    APPLY_FILTER_PLOT = "help.apply-filter.plot" {
        en: "Draw the image and what each filter makes of it into FILE.png or FILE.svg",
        ko: "이미지와 필터마다의 결과를 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet misclassified`: what the command does.
    MISCLASSIFIED = "help.misclassified" {
        en: "The test images a saved network gets wrong, with what it said (figure 8-3)",
        ko: "저장한 신경망이 잘못 인식한 시험 이미지와 그 예측을 보여 줍니다(그림 8-3)",
    }
    /// `scratchnet misclassified --help`: below the options, the example.
    MISCLASSIFIED_AFTER = "help.misclassified.after" {
        en: "Example:\n  scratchnet misclassified --model conv.safetensors --plot wrong.png",
        ko: "예:\n  scratchnet misclassified --model conv.safetensors --plot wrong.png",
    }
    /// `scratchnet misclassified --count`: how many to show.
    MISCLASSIFIED_COUNT = "help.misclassified.count" {
        en: "How many of the misclassified images to show, from the first (the book: 20)",
        ko: "잘못 인식한 이미지 가운데 처음부터 보여 줄 수(책: 20)",
    }
    /// `scratchnet misclassified --plot`: where to draw.
    MISCLASSIFIED_PLOT = "help.misclassified.plot" {
        en: "Draw the misclassified images, each with its label and the prediction, into FILE.png \
             or FILE.svg",
        ko: "잘못 인식한 이미지를 정답과 예측을 달아 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet misclassified --json`: print one JSON document.
    MISCLASSIFIED_JSON = "help.misclassified.json" {
        en: "Print one JSON document: {\"test_acc\", \"misclassified\": [{\"index\", \"label\", \
             \"predicted\"}]}",
        ko: "JSON 문서 하나를 출력합니다: {\"test_acc\", \"misclassified\": [{\"index\", \"label\", \
             \"predicted\"}]}",
    }
    /// `scratchnet compare`: what the command does.
    COMPARE = "help.compare" {
        en: "Update rules side by side on a landscape: paths, final points, diagnoses (chapter 6)",
        ko: "여러 갱신 방법을 같은 지형 위에서 나란히 비교합니다: 경로, 마지막 위치, 진단(6장)",
    }
    /// `scratchnet compare --help`: below the options, the examples.
    COMPARE_AFTER = "help.compare.after" {
        en: "Example (the book's figure 6-8):\
             \n  scratchnet compare --function bowl --optimizers sgd,momentum,adagrad,adam --plot compare.png",
        ko: "예(책의 그림 6-8):\
             \n  scratchnet compare --function bowl --optimizers sgd,momentum,adagrad,adam --plot compare.png",
    }
    /// `scratchnet compare --function`: the function, of two coordinates.
    COMPARE_FUNCTION = "help.compare.function" {
        en: "The function, of two coordinates: bowl, sphere (alias function_2), saddle, plateau, \
             rosenbrock, himmelblau",
        ko: "좌표가 두 개인 함수: bowl, sphere(다른 이름 function_2), saddle, plateau, rosenbrock, \
             himmelblau",
    }
    /// `scratchnet compare --optimizers`: the update rules, comma-separated.
    COMPARE_OPTIMIZERS = "help.compare.optimizers" {
        en: "The update rules, comma-separated",
        ko: "비교할 갱신 방법(쉼표로 구분)",
    }
    /// `--optimizers sgd` (every command): stochastic gradient descent.
    CHOICE_OPTIMIZERS_SGD = "help.choice.optimizers.sgd" {
        en: "Stochastic gradient descent",
        ko: "확률적 경사 하강법",
    }
    /// `--optimizers momentum` (every command): SGD with momentum.
    CHOICE_OPTIMIZERS_MOMENTUM = "help.choice.optimizers.momentum" {
        en: "SGD with momentum",
        ko: "모멘텀을 더한 SGD",
    }
    /// `--optimizers nesterov` (every command): Nesterov's accelerated gradient.
    CHOICE_OPTIMIZERS_NESTEROV = "help.choice.optimizers.nesterov" {
        en: "Nesterov's accelerated gradient, as the current book's class (corrected in 2021)",
        ko: "네스테로프 가속 경사(Nesterov's accelerated gradient). 책의 현재 클래스(2021년에 \
             수정됨)를 따릅니다",
    }
    /// `--optimizers adagrad` (every command): adaptive gradient.
    CHOICE_OPTIMIZERS_ADAGRAD = "help.choice.optimizers.adagrad" {
        en: "Adaptive gradient",
        ko: "적응형 기울기(Adaptive Gradient)",
    }
    /// `--optimizers rmsprop` (every command): root mean square propagation.
    CHOICE_OPTIMIZERS_RMSPROP = "help.choice.optimizers.rmsprop" {
        en: "Root mean square propagation",
        ko: "제곱 평균 제곱근 전파(Root Mean Square Propagation)",
    }
    /// `--optimizers adam` (every command): adaptive moments.
    CHOICE_OPTIMIZERS_ADAM = "help.choice.optimizers.adam" {
        en: "Adaptive moments",
        ko: "적응형 모멘트(Adaptive Moments)",
    }
    /// `scratchnet compare --steps`: steps of each rule.
    COMPARE_STEPS = "help.compare.steps" {
        en: "Steps of each rule",
        ko: "갱신 방법마다의 반복 횟수",
    }
    /// `scratchnet compare --init`: the starting point.
    COMPARE_INIT = "help.compare.init" {
        en: "The starting point (default: the function's, (-7, 2) on the bowl)",
        ko: "시작점(기본값: 함수마다 정해진 시작점, bowl에서는 (-7, 2))",
    }
    /// `scratchnet compare --lr`: one learning rate for every rule.
    COMPARE_LR = "help.compare.lr" {
        en: "One learning rate for every rule (default: the book's for the bowl: SGD 0.95, \
             Momentum 0.1, AdaGrad 1.5, Adam 0.3; Nesterov and RMSprop 0.1)",
        ko: "모든 갱신 방법에 같은 학습률을 씁니다(기본값: 책이 bowl에 쓴 값인 SGD 0.95, Momentum \
             0.1, AdaGrad 1.5, Adam 0.3, 그 밖에 Nesterov와 RMSprop에는 0.1)",
    }
    /// `scratchnet compare --plot`: draw one panel per rule into FILE.png or FILE.svg.
    COMPARE_PLOT = "help.compare.plot" {
        en: "Draw one panel per rule into FILE.png or FILE.svg",
        ko: "갱신 방법마다 패널을 하나씩 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet compare-mnist`: what the command does.
    COMPARE_MNIST = "help.compare-mnist" {
        en: "Update rules side by side training TwoLayerNet on MNIST: loss curves (chapter 6)",
        ko: "MNIST로 TwoLayerNet을 학습하며 여러 갱신 방법을 나란히 비교합니다: 손실 곡선(6장)",
    }
    /// `scratchnet compare-mnist --help`: below the options, the examples.
    COMPARE_MNIST_AFTER = "help.compare-mnist.after" {
        en: "Example (the book's figure 6-9):\
             \n  scratchnet compare-mnist --iters 2000 --plot compare-mnist.png",
        ko: "예(책의 그림 6-9):\n  scratchnet compare-mnist --iters 2000 --plot compare-mnist.png",
    }
    /// `scratchnet compare-mnist --optimizers`: the update rules, comma-separated.
    COMPARE_MNIST_OPTIMIZERS = "help.compare-mnist.optimizers" {
        en: "The update rules, comma-separated, each with the book's default learning rate (0.01; \
             Adam 0.001)",
        ko: "비교할 갱신 방법(쉼표로 구분). 각각 책의 기본 학습률을 씁니다(0.01, Adam만 0.001)",
    }
    /// `scratchnet compare-mnist --iters`: iterations for each rule.
    COMPARE_MNIST_ITERS = "help.compare-mnist.iters" {
        en: "Iterations for each rule",
        ko: "갱신 방법마다의 반복 횟수",
    }
    /// `scratchnet compare-mnist --batch-size`: images per mini-batch (the book: 128).
    COMPARE_MNIST_BATCH_SIZE = "help.compare-mnist.batch_size" {
        en: "Images per mini-batch (the book: 128)",
        ko: "미니배치당 이미지 수(책에서는 128)",
    }
    /// `scratchnet compare-mnist --hidden`: the hidden units.
    COMPARE_MNIST_HIDDEN = "help.compare-mnist.hidden" {
        en: "Hidden units of the TwoLayerNet (ReLU)",
        ko: "TwoLayerNet의 은닉층 뉴런 수(ReLU)",
    }
    /// `scratchnet compare-mnist --seed`: the seed of the initial weights and of the batches.
    COMPARE_MNIST_SEED = "help.compare-mnist.seed" {
        en: "Seed: every rule starts from the same weights and sees the same batches",
        ko: "시드: 모든 갱신 방법이 같은 가중치 초깃값에서 시작하고 같은 미니배치를 씁니다",
    }
    /// `scratchnet compare-mnist --plot`: draw the smoothed loss curves into FILE.png or FILE.svg.
    COMPARE_MNIST_PLOT = "help.compare-mnist.plot" {
        en: "Draw the smoothed loss curves into FILE.png or FILE.svg",
        ko: "매끄럽게 다듬은 손실 곡선을 FILE.png 또는 FILE.svg에 그립니다",
    }
    /// `scratchnet serve`: what the command does.
    SERVE = "help.serve" {
        en: "The playground in your browser: descend a landscape you drag, train on MNIST live, \
             draw a digit and see the network read it",
        ko: "브라우저에서 쓰는 놀이터를 엽니다: 지형 위를 드래그해 경사 하강법으로 내려가 보고, \
             MNIST 학습을 실시간으로 지켜보고, 숫자를 직접 그려 신경망이 어떻게 읽는지 봅니다",
    }
    /// `scratchnet serve --help`: below the options, the examples.
    SERVE_AFTER = "help.serve.after" {
        en: "Pages: /descent, /training, /digits; the JSON API is in the guide (\"The playground's \
             API\").\
             \n\
             \nExamples:\
             \n  scratchnet serve --open\
             \n  scratchnet serve --port 8080 --model net.safetensors",
        ko: "페이지: /descent, /training, /digits. JSON API는 안내서의 놀이터 API \
             절(The playground's API)에 나옵니다.\
             \n\
             \n예:\
             \n  scratchnet serve --open\
             \n  scratchnet serve --port 8080 --model net.safetensors",
    }
    /// `scratchnet serve --host`: the address to listen on.
    SERVE_HOST = "help.serve.host" {
        en: "The address to listen on. The default answers this machine only; 0.0.0.0 exposes the \
             playground to your network: then every request must carry the token printed in the \
             URL",
        ko: "접속을 기다릴 주소. 기본값에서는 이 컴퓨터에서 오는 요청에만 응답합니다. 주소가 \
             0.0.0.0이면 놀이터가 네트워크에 열리므로, 이때는 모든 요청에 출력된 URL 속 토큰이 \
             들어 있어야 합니다",
    }
    /// `scratchnet serve --port`: the port.
    SERVE_PORT = "help.serve.port" {
        en: "The port (0: any free one; the URL printed says which)",
        ko: "포트(0: 비어 있는 아무 포트, 어느 포트인지는 출력되는 URL에 나옵니다)",
    }
    /// `scratchnet serve --open`: open the playground in a browser, when one is there.
    SERVE_OPEN = "help.serve.open" {
        en: "Open the playground in a browser, when one is there",
        ko: "브라우저가 있으면 놀이터를 브라우저에서 엽니다",
    }
    /// `scratchnet serve --data`: the directory with the four MNIST files.
    SERVE_DATA = "help.serve.data" {
        en: "The directory with the four MNIST files for the Training and Digits pages (default: \
             $SCRATCHNET_DATA, else the cache `fetch-mnist` fills, else the built-in slice)",
        ko: "학습(Training) 페이지와 손글씨 숫자(Digits) 페이지에서 쓸 MNIST 파일 네 개가 있는 \
             디렉터리(기본값: 환경 변수 $SCRATCHNET_DATA, 이 변수가 없으면 `fetch-mnist` 명령이 \
             채우는 캐시, 캐시도 없으면 내장된 일부)",
    }
    /// `scratchnet serve --model`: the network the Digits page asks.
    SERVE_MODEL = "help.serve.model" {
        en: "The network the Digits page asks (saved by `scratchnet train --save`). Default: the \
             book's network trained on the built-in slice as the server starts (a second or two)",
        ko: "손글씨 숫자(Digits) 페이지가 쓰는 신경망(`scratchnet train --save` 명령으로 저장한 \
             것). 기본값: 서버가 시작할 때 내장된 일부로 학습하는 책의 신경망(1~2초 걸림)",
    }
    /// `scratchnet serve --checkpoint`: where Ctrl-C saves a running training's checkpoint.
    SERVE_CHECKPOINT = "help.serve.checkpoint" {
        en: "Where Ctrl-C saves the checkpoint of a training still running (default: \
             ./scratchnet-checkpoint, or -2, -3, ... when that holds another run's)",
        ko: "Ctrl-C 키를 누를 때 아직 진행 중인 학습의 체크포인트를 저장할 위치(기본값: \
             ./scratchnet-checkpoint, 그곳에 다른 실행의 체크포인트가 있으면 -2, -3 등을 붙인 \
             이름)",
    }
    /// `-h` and `--help` of every command (clap's own flag, in Korean).
    HELP = "help.help" {
        en: "Print help (see more with '--help')",
        ko: "도움말을 출력합니다(요약은 -h, 자세한 내용은 --help)",
    }
    /// `-V` and `--version` (clap's own flag, in Korean).
    VERSION = "help.version" {
        en: "Print version",
        ko: "버전을 출력합니다",
    }
    /// `scratchnet --lang`: the language of everything the command says.
    SCRATCHNET_LANG = "help.scratchnet.lang" {
        en: "The language of what the command prints and draws: en (English) or ko (한국어, Korean). \
             Default: Korean when the locale ($LC_ALL, else $LC_MESSAGES, else $LANG) is Korean \
             (ko_KR.UTF-8), else English",
        ko: "명령이 출력하고 그리는 말의 언어: en(영어) 또는 ko(한국어). 주지 않으면 로케일($LC_ALL, \
             없으면 $LC_MESSAGES, 없으면 $LANG)이 한국어(ko_KR.UTF-8)일 때 한국어, 그 밖에는 영어를 \
             씁니다",
    }
    /// `scratchnet help`: what it does.
    HELP_COMMAND = "help.help-command" {
        en: "Print this message or the help of the given subcommand(s)",
        ko: "이 도움말이나, 지정한 명령의 도움말을 출력합니다",
    }
    /// `scratchnet help COMMAND`: the command.
    HELP_COMMAND_COMMAND = "help.help-command.command" {
        en: "The command whose help to print",
        ko: "도움말을 볼 명령",
    }
    /// `--lang en`.
    CHOICE_LANG_EN = "help.choice.lang.en" { en: "English", ko: "영어" }
    /// `--lang ko`.
    CHOICE_LANG_KO = "help.choice.lang.ko" { en: "Korean (한국어)", ko: "한국어" }
}
