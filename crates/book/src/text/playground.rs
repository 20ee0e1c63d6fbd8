//! The playground's words: every label, button, note and message of its pages, which the
//! pages ask the server for (`/api/texts`), and the sentences of the server's answers.
//!
//! The pages mark their elements with the keys (`data-text="playground.descent-heading"`) and
//! fill the `{name}`s of the messages their scripts write (`t("playground.final", {x, f})`);
//! the server says its errors and the names of its networks with these texts, in the language
//! the page asked for. The pages also use other modules' texts: the diagnoses' short names
//! ([`words`](super::words)), the axes of the pictures ([`pictures`](super::pictures)).
//!
//! In Korean, values are never followed by a particle whose form depends on how they are read
//! (이/가, 은/는, 을/를, 으로/로): the sentences put 입니다, 에, 에서, 까지 or a counter (번, 개,
//! 장) after them.

super::texts! {
    // ---- every page

    /// The playground's name, at the top of every page.
    TITLE = "playground.title" { en: "scratchnet playground", ko: "scratchnet 놀이터" }
    /// The link to the Descent page.
    NAV_DESCENT = "playground.nav-descent" { en: "Descent", ko: "경사 하강법" }
    /// The link to the Training page.
    NAV_TRAINING = "playground.nav-training" { en: "Training", ko: "학습" }
    /// The link to the Digits page.
    NAV_DIGITS = "playground.nav-digits" { en: "Digits", ko: "손글씨 숫자" }
    /// The link to the Initialisation page.
    NAV_INIT = "playground.nav-init" { en: "Initial weights", ko: "가중치 초깃값" }
    /// The pages' links, for screen readers.
    NAV_PAGES = "playground.nav-pages" { en: "Pages", ko: "페이지" }
    /// The language switch, for screen readers.
    LANGUAGE = "playground.language" { en: "Language", ko: "언어" }
    /// English in the language switch, named in its own language on every page.
    LANGUAGE_EN = "playground.language-en" { en: "English", ko: "English" }
    /// Korean in the language switch, named in its own language on every page.
    LANGUAGE_KO = "playground.language-ko" { en: "한국어", ko: "한국어" }
    /// A value typed into a box is not a number.
    MUST_BE_NUMBER = "playground.must-be-number" {
        en: "{what} must be a number",
        ko: "{what}에는 숫자를 넣어야 합니다.",
    }
    /// The server does not answer.
    NO_SERVER = "playground.no-server" {
        en: "cannot reach the server: is `scratchnet serve` still running?",
        ko: "서버에 연결할 수 없습니다. `scratchnet serve` 명령이 아직 실행 중인지 확인하세요.",
    }
    /// The update rule, a control of two pages.
    UPDATE_RULE = "playground.update-rule" { en: "Update rule", ko: "갱신 방법" }
    /// The momentum rules' setting α.
    SETTING_MOMENTUM = "playground.setting-momentum" { en: "momentum α", ko: "모멘텀 α" }
    /// RMSprop's setting ρ.
    SETTING_DECAY_RATE = "playground.setting-decay-rate" { en: "decay rate ρ", ko: "감쇠율 ρ" }
    /// The gradient, a control of two pages.
    GRADIENT = "playground.gradient" { en: "Gradient", ko: "기울기" }

    // ---- the Descent page

    /// The Descent page's title, in the browser's tab.
    DESCENT_TITLE = "playground.descent-title" {
        en: "Gradient descent — scratchnet playground",
        ko: "경사 하강법 — scratchnet 놀이터",
    }
    /// The Descent page's heading, with the update rule.
    DESCENT_HEADING = "playground.descent-heading" {
        en: "Gradient descent: x ← x − η ∇f(x)",
        ko: "경사 하강법: x ← x − η ∇f(x)",
    }
    /// How to use the map.
    DESCENT_LEAD = "playground.descent-lead" {
        en: "Click or drag on the map to start from there (arrow keys move the start when the map \
             has focus). Every point is computed by scratchnet, the numerical gradient with the \
             book's central difference.",
        ko: "지도를 클릭하거나 드래그하면 그곳에서 시작합니다(지도에 포커스가 있으면 화살표 키로 \
             시작점을 옮길 수 있습니다). 모든 점은 scratchnet이 계산하며, 기울기는 책처럼 중앙 차분을 \
             이용한 수치 미분으로 구합니다.",
    }
    /// The contour map, for screen readers.
    MAP_LABEL = "playground.map-label" {
        en: "Contour map: click or drag to set the starting point",
        ko: "등고선 지도: 클릭하거나 드래그해서 시작점을 정합니다",
    }
    /// The chart of f at each step, for screen readers.
    VALUES_LABEL = "playground.values-label" {
        en: "f(x) at each step, log scale",
        ko: "반복할 때마다의 f(x), 로그 눈금",
    }
    /// The vertical axis of a function of one variable's map.
    MAP_F_UP = "playground.map-f-up" { en: "f(x) up", ko: "세로축 f(x)" }
    /// The function to descend.
    FUNCTION = "playground.function" { en: "Function", ko: "함수" }
    /// The last choice of functions: a formula typed by the learner.
    OWN_FORMULA = "playground.own-formula" {
        en: "your own f(x0, x1)…",
        ko: "직접 쓴 f(x0, x1)…",
    }
    /// The box of the typed formula, for screen readers.
    FORMULA_LABEL = "playground.formula-label" {
        en: "your formula in x0 and x1",
        ko: "직접 쓴 식(변수는 x0, x1)",
    }
    /// The half-width of a typed formula's map.
    MAP_RANGE = "playground.map-range" { en: "Map range ±", ko: "지도 범위 ±" }
    /// The same, for screen readers.
    MAP_RANGE_LABEL = "playground.map-range-label" {
        en: "half-width of the map",
        ko: "지도 범위의 절반 너비",
    }
    /// The button that draws a typed formula.
    DRAW = "playground.draw" { en: "Draw", ko: "그리기" }
    /// What a formula may use.
    FORMULA_HELP = "playground.formula-help" {
        en: "+ − * / ** or ^, parentheses, sin cos tan tanh exp log sqrt abs; x0, x1 or x[0], x[1]",
        ko: "+ − * / ** 또는 ^, 괄호, sin cos tan tanh exp log sqrt abs를 쓸 수 있습니다. 변수는 \
             x0, x1 또는 x[0], x[1]입니다.",
    }
    /// The learning rate, with its letter.
    LEARNING_RATE_ETA = "playground.learning-rate-eta" { en: "Learning rate η", ko: "학습률 η" }
    /// The learning rate's slider, for screen readers.
    LEARNING_RATE_SLIDER = "playground.learning-rate-slider" {
        en: "learning rate (log scale)",
        ko: "학습률(로그 눈금)",
    }
    /// The learning rate's box, for screen readers and its error.
    LEARNING_RATE_LABEL = "playground.learning-rate-label" { en: "learning rate", ko: "학습률" }
    /// The number of steps of descent.
    STEPS = "playground.steps" { en: "Steps", ko: "반복 횟수" }
    /// The starting point.
    START = "playground.start" { en: "Start", ko: "시작점" }
    /// The starting point's first coordinate, for screen readers.
    START_X0 = "playground.start-x0" { en: "x0 of the start", ko: "시작점의 x0" }
    /// The starting point's second coordinate, for screen readers.
    START_X1 = "playground.start-x1" { en: "x1 of the start", ko: "시작점의 x1" }
    /// The numerical gradient.
    GRADIENT_NUMERICAL = "playground.gradient-numerical" {
        en: "numerical (central difference)",
        ko: "수치 미분(중앙 차분)",
    }
    /// The gradient from the formula.
    GRADIENT_EXACT = "playground.gradient-exact" {
        en: "exact (formula)",
        ko: "해석적 미분(공식)",
    }
    /// The step h, for screen readers and its error.
    H_LABEL = "playground.h-label" {
        en: "step h of the numerical gradient",
        ko: "수치 미분의 간격 h",
    }
    /// Beside the step h.
    H_HINT = "playground.h-hint" {
        en: "the book's 1e-4; try 1e-50",
        ko: "책의 값은 1e-4입니다. 1e-50도 넣어 보세요.",
    }
    /// The heading of the diagnosis.
    HOW_IT_ENDED = "playground.how-it-ended" { en: "How it ended", ko: "실행 결과" }
    /// Where the run ended.
    FINAL = "playground.final" {
        en: "final x = [{x}], f = {f}",
        ko: "마지막 x = [{x}], f = {f}",
    }
    /// How long the server took.
    ROUND_TRIP = "playground.round-trip" {
        en: "round trip {ms} ms (median of the last {n}: {median} ms)",
        ko: "왕복 {ms} ms (최근 {n}번의 중앙값: {median} ms)",
    }
    /// The heading of the pinned runs.
    COMPARE_RUNS = "playground.compare-runs" { en: "Compare runs", ko: "실행 비교" }
    /// Pins the run shown.
    PIN = "playground.pin" { en: "Pin this run", ko: "이 실행 고정" }
    /// Removes every pinned run.
    CLEAR_PINS = "playground.clear-pins" { en: "Clear pins", ko: "고정 모두 해제" }
    /// Pins the notebook's four runs.
    PRESET_STARTS = "playground.preset-starts" {
        en: "The notebook's four starts",
        ko: "노트북의 네 시작점",
    }
    /// Pins the four rules of figure 6-8.
    PRESET_RULES = "playground.preset-rules" {
        en: "Figure 6-8: four update rules",
        ko: "그림 6-8: 갱신 방법 네 가지",
    }
    /// The run shown, in the legend.
    LIVE = "playground.live" { en: "live", ko: "현재 실행" }
    /// The vertical axis of f on a log scale.
    F_LOG_SCALE = "playground.f-log-scale" { en: "f(x), log scale", ko: "f(x), 로그 눈금" }
    /// A run: its rule, learning rate and start.
    RUN_LABEL = "playground.run-label" {
        en: "{rule} lr {lr} from [{init}]",
        ko: "{rule} 학습률 {lr}, 시작점 [{init}]",
    }
    /// A pinned run: how it ended and where.
    PINNED = "playground.pinned" {
        en: "{run}: {kind}, final [{x}]",
        ko: "{run}: {kind}, 마지막 점 [{x}]",
    }
    /// The button that unpins a run, for screen readers.
    UNPIN = "playground.unpin" { en: "remove {run}", ko: "고정 해제: {run}" }

    // ---- the Training page

    /// The Training page's title, in the browser's tab.
    TRAINING_TITLE = "playground.training-title" {
        en: "Training — scratchnet playground",
        ko: "학습 — scratchnet 놀이터",
    }
    /// The Training page's heading.
    TRAINING_HEADING = "playground.training-heading" {
        en: "Training the book's networks",
        ko: "책의 신경망 학습",
    }
    /// Which data, and what streams in.
    TRAINING_LEAD = "playground.training-lead" {
        en: "{source}. 784 pixels in, 10 classes out; the loss after each mini-batch and the \
             accuracies after each epoch stream in live.",
        ko: "{source} 입력은 픽셀 784개, 출력은 클래스 10개입니다. 미니배치마다 손실이, 에폭마다 \
             정확도가 실시간으로 들어옵니다.",
    }
    /// The loss chart, for screen readers.
    LOSS_CHART = "playground.loss-chart" {
        en: "mini-batch loss at each iteration",
        ko: "반복마다의 미니배치 손실",
    }
    /// The accuracy chart, for screen readers.
    ACCURACY_CHART = "playground.accuracy-chart" {
        en: "train and test accuracy at each epoch",
        ko: "에폭마다의 훈련 정확도와 시험 정확도",
    }
    /// Where the settings come from (`code` in backquotes).
    TRAINING_NOTE = "playground.training-note" {
        en: "`scratchnet train`'s flags and defaults: the book's `train_neuralnet.py`, or \
             `train_convnet.py` for the SimpleConvNet.",
        ko: "설정은 `scratchnet train`의 옵션과 같고, 기본값은 책의 `train_neuralnet.py`\
             (SimpleConvNet은 `train_convnet.py`)의 값입니다.",
    }
    /// The number of iterations.
    ITERATIONS = "playground.iterations" { en: "Iterations", ko: "반복 횟수" }
    /// The mini-batch size.
    BATCH_SIZE = "playground.batch-size" { en: "Batch size", ko: "배치 크기" }
    /// The learning rate.
    LEARNING_RATE = "playground.learning-rate" { en: "Learning rate", ko: "학습률" }
    /// Beside SGD's learning rate.
    LR_OF_THE_BOOK = "playground.lr-of-the-book" {
        en: "train_neuralnet.py's",
        ko: "train_neuralnet.py의 값",
    }
    /// Beside another rule's learning rate.
    LR_OF_THE_RULE = "playground.lr-of-the-rule" {
        en: "the book's default for this rule",
        ko: "이 갱신 방법에 대한 책의 기본값",
    }
    /// The hidden layer's size.
    HIDDEN_UNITS = "playground.hidden-units" { en: "Hidden units", ko: "은닉층 뉴런 수" }
    /// Below the hidden units: one number, or one per layer.
    HIDDEN_HINT = "playground.hidden-hint" {
        en: "Hidden units: one number is chapter 4's TwoLayerNet; one per layer (100,100,100,100), \
             or any choice here, is chapter 6's MultiLayerNetExtend. The SimpleConvNet takes one \
             number (its fully connected layer) and none of these choices.",
        ko: "은닉층 뉴런 수를 숫자 하나로 주면 4장의 TwoLayerNet입니다. 층마다 하나씩 \
             (100,100,100,100) 주거나 여기서 하나라도 고르면 6장의 MultiLayerNetExtend입니다. \
             SimpleConvNet은 숫자 하나(완전연결 계층의 뉴런 수)만 받고, 여기의 선택은 받지 \
             않습니다.",
    }
    /// The fold of chapter 6's choices.
    CHAPTER_6_CHOICES = "playground.chapter-6-choices" {
        en: "Chapter 6: initial weights, Batch Norm, Dropout, weight decay",
        ko: "6장: 가중치 초깃값, 배치 정규화, 드롭아웃, 가중치 감소",
    }
    /// The initial weights.
    INITIAL_WEIGHTS = "playground.initial-weights" { en: "Initial weights", ko: "가중치 초깃값" }
    /// The initial weights left to the network's default.
    INIT_DEFAULT = "playground.init-default" {
        en: "the network's default",
        ko: "신경망의 기본값",
    }
    /// A standard deviation of the initial weights.
    INIT_OPTION_STD = "playground.init-option-std" { en: "std {std}", ko: "표준편차 {std}" }
    /// Batch Normalization.
    BATCH_NORM = "playground.batch-norm" { en: "Batch Norm", ko: "배치 정규화" }
    /// Dropout's ratio.
    DROPOUT_RATIO = "playground.dropout-ratio" { en: "Dropout ratio", ko: "드롭아웃 비율" }
    /// Weight decay's λ.
    WEIGHT_DECAY = "playground.weight-decay" { en: "Weight decay λ", ko: "가중치 감소 λ" }
    /// Below the chapter-6 choices.
    NETWORK_HINT = "playground.network-hint" {
        en: "§6.2 to §6.4; empty: none. Watch the gap between train and test accuracy.",
        ko: "6.2절부터 6.4절까지. 비워 두면 쓰지 않습니다. 훈련 정확도와 시험 정확도의 차이를 \
             지켜보세요.",
    }
    /// The generator of a run.
    RANDOM_NUMBERS = "playground.random-numbers" { en: "Random numbers", ko: "난수" }
    /// scratchnet's generator.
    RNG_SCRATCHNET = "playground.rng-scratchnet" { en: "scratchnet's", ko: "scratchnet의 생성기" }
    /// NumPy's generator.
    RNG_NUMPY = "playground.rng-numpy" {
        en: "NumPy's, as the book's script (the book's numbers)",
        ko: "책의 스크립트와 같은 NumPy 생성기(책과 같은 수)",
    }
    /// The fully connected networks of chapters 4 and 6, in the Training page's choice.
    NETWORK_FULLY_CONNECTED = "playground.network-fully-connected" {
        en: "fully connected (ch. 4, 6)",
        ko: "완전연결(4·6장)",
    }
    /// Chapter 7's network, in the Training page's choice.
    NETWORK_SIMPLE_CONV = "playground.network-simple-conv" {
        en: "SimpleConvNet (ch. 7)",
        ko: "SimpleConvNet(7장)",
    }
    /// The network of the run shown.
    NETWORK_LINE = "playground.network-line" { en: "Network: {network}", ko: "신경망: {network}" }
    /// The activation function.
    ACTIVATION = "playground.activation" { en: "Activation", ko: "활성화 함수" }
    /// The sigmoid function.
    SIGMOID = "playground.sigmoid" { en: "sigmoid", ko: "시그모이드" }
    /// The ReLU function.
    RELU = "playground.relu" { en: "relu", ko: "ReLU" }
    /// Backpropagation on the engine.
    GRAD_BACKPROP = "playground.grad-backprop" {
        en: "backprop (fast)",
        ko: "오차역전파법(빠름)",
    }
    /// Backpropagation through the book's layers.
    GRAD_BACKPROP_REFERENCE = "playground.grad-backprop-reference" {
        en: "backprop through the book's layers",
        ko: "책의 계층을 거치는 오차역전파법",
    }
    /// The numerical gradient on every core.
    GRAD_NUMERICAL = "playground.grad-numerical" {
        en: "numerical, on all cores",
        ko: "수치 미분(모든 코어 사용)",
    }
    /// The numerical gradient as the book takes it.
    GRAD_NUMERICAL_REFERENCE = "playground.grad-numerical-reference" {
        en: "numerical, the book's way (seconds per iteration)",
        ko: "수치 미분, 책의 방식(반복마다 몇 초)",
    }
    /// The float type.
    NUMBER_TYPE = "playground.number-type" { en: "Number type", ko: "부동소수점 자료형" }
    /// f64.
    DTYPE_F64 = "playground.dtype-f64" { en: "f64 (the book's)", ko: "f64(책과 같음)" }
    /// f32.
    DTYPE_F32 = "playground.dtype-f32" { en: "f32 (faster)", ko: "f32(더 빠름)" }
    /// The seed of the weights and the mini-batches.
    SEED = "playground.seed" { en: "Seed", ko: "시드" }
    /// Starts a run.
    START_RUN = "playground.start-run" { en: "Start", ko: "시작" }
    /// Stops the run.
    STOP_RUN = "playground.stop-run" { en: "Stop", ko: "멈춤" }
    /// Resumes the run.
    RESUME_RUN = "playground.resume-run" { en: "Resume", ko: "이어서 학습" }
    /// Downloads the network.
    SAVE_MODEL = "playground.save-model" { en: "Save the model", ko: "모델 저장" }
    /// Before the first run.
    NO_RUN = "playground.no-run" { en: "No run yet.", ko: "아직 학습한 적이 없습니다." }
    /// A run going on.
    RUNNING = "playground.running" {
        en: "Training: iteration {iter} of {total}",
        ko: "학습 중: 전체 {total}번 중 {iter}번째 반복",
    }
    /// A run stopped.
    STOPPED = "playground.stopped" {
        en: "Stopped at iteration {iter} of {total}: resume it, or save the model as it is.",
        ko: "전체 {total}번 중 {iter}번째 반복에서 멈췄습니다. 이어서 학습하거나 지금 상태로 모델을 \
             저장하세요.",
    }
    /// A run finished.
    FINISHED = "playground.finished" {
        en: "Finished {total} iterations: the final network's train accuracy {train}, test \
             accuracy {test}.",
        ko: "{total}번 반복을 마쳤습니다. 최종 신경망의 훈련 정확도는 {train}, 시험 정확도는 \
             {test}입니다.",
    }
    /// A divergence the run goes on through.
    DIVERGENCE_WARNING = "playground.divergence-warning" {
        en: "Warning: at iteration {iter} the loss jumped to {loss}, far above the 2.30 of \
             guessing, and the next 100 iterations averaged {mean}: the learning rate may be too \
             large. The run goes on.",
        ko: "경고: {iter}번째 반복에서 손실이 {loss}까지 치솟았습니다. 무작위로 찍을 때의 손실 \
             2.30보다 훨씬 크고, 그 뒤 100번 반복의 평균도 {mean}입니다. 학습률이 너무 클 수 \
             있습니다. 학습은 계속합니다.",
    }
    /// How fast the losses arrive.
    RATE = "playground.rate" {
        en: "{losses} losses a second arriving in {updates} updates a second",
        ko: "초당 손실 {losses}개가 초당 {updates}번에 나뉘어 들어옵니다",
    }
    /// The last epoch's accuracies.
    EPOCH_LINE = "playground.epoch-line" {
        en: "epoch {epoch} (iteration {iter}): train acc {train}, test acc {test}, gap {gap}",
        ko: "에폭 {epoch} (반복 {iter}): 훈련 정확도 {train}, 시험 정확도 {test}, 차이 {gap}",
    }
    /// The loss after each mini-batch, in the legend.
    MINI_BATCH_LOSS = "playground.mini-batch-loss" { en: "mini-batch loss", ko: "미니배치 손실" }
    /// The loss averaged over an epoch, in the legend.
    MEAN_OVER_EPOCH = "playground.mean-over-epoch" {
        en: "mean over an epoch",
        ko: "에폭 단위 평균",
    }
    /// The training accuracy, in the legend.
    TRAIN_ACCURACY = "playground.train-accuracy" { en: "train accuracy", ko: "훈련 정확도" }
    /// The test accuracy, in the legend.
    TEST_ACCURACY = "playground.test-accuracy" { en: "test accuracy", ko: "시험 정확도" }

    // ---- the Digits page

    /// The Digits page's title, in the browser's tab.
    DIGITS_TITLE = "playground.digits-title" {
        en: "Digits — scratchnet playground",
        ko: "손글씨 숫자 — scratchnet 놀이터",
    }
    /// The Digits page's heading.
    DIGITS_HEADING = "playground.digits-heading" { en: "Draw a digit", ko: "숫자를 그려 보세요" }
    /// How a drawing is read.
    DIGITS_LEAD = "playground.digits-lead" {
        en: "Draw with the mouse or a finger. The drawing is made into an MNIST image as MNIST's \
             were (fitted into a 20 × 20 box, anti-aliased, centred by its centre of mass in \
             28 × 28), then read by the network.",
        ko: "마우스나 손가락으로 그리세요. 그린 그림은 MNIST 이미지를 만든 방식 그대로 MNIST 형식의 \
             이미지로 바뀝니다(20 × 20 상자에 맞춰 넣고 안티에일리어싱한 뒤, 무게중심이 28 × 28의 \
             가운데에 오도록 옮깁니다). 그다음 신경망이 이 이미지를 읽습니다.",
    }
    /// The drawing pad, for screen readers.
    PAD = "playground.pad" { en: "drawing pad", ko: "그림판" }
    /// Above the drawing made into an MNIST image.
    WHAT_THE_NETWORK_SEES = "playground.what-the-network-sees" {
        en: "what the network sees (28 × 28)",
        ko: "신경망이 보는 이미지(28 × 28)",
    }
    /// The drawing made into an MNIST image, for screen readers.
    SEEN = "playground.seen" {
        en: "the drawing as an MNIST image",
        ko: "MNIST 이미지로 바꾼 그림",
    }
    /// Clears the drawing.
    CLEAR = "playground.clear" { en: "Clear", ko: "지우기" }
    /// Which network reads.
    NETWORK = "playground.network" { en: "Network", ko: "신경망" }
    /// The server's own network.
    NETWORK_DEFAULT = "playground.network-default" { en: "default", ko: "기본" }
    /// The network of the Training page.
    NETWORK_TRAINING = "playground.network-training" {
        en: "the Training page's",
        ko: "학습 페이지의 신경망",
    }
    /// The built-in convolutional network.
    NETWORK_CONV = "playground.network-conv" {
        en: "convolutional (chapter 7)",
        ko: "합성곱 신경망(7장)",
    }
    /// Above the feature maps of the drawing.
    FEATURE_MAPS = "playground.feature-maps" {
        en: "what the first layer makes of it: the convolution through ReLU, one map per filter \
             (§7.2; darker is larger)",
        ko: "첫 번째 층이 만든 특징 맵: 합성곱 계층과 ReLU를 거친 출력, 필터마다 \
             하나씩(7.2절, 진할수록 큰 값)",
    }
    /// One feature map, for screen readers.
    FEATURE_MAP = "playground.feature-map" {
        en: "feature map of filter {filter}",
        ko: "{filter}번 필터의 특징 맵",
    }
    /// The heading of the test images.
    TEST_IMAGES = "playground.test-images" { en: "Test images", ko: "시험 이미지" }
    /// The previous test image, for screen readers.
    PREVIOUS_IMAGE = "playground.previous-image" {
        en: "previous test image",
        ko: "이전 시험 이미지",
    }
    /// The next test image, for screen readers.
    NEXT_IMAGE = "playground.next-image" { en: "next test image", ko: "다음 시험 이미지" }
    /// The test image's number, for screen readers.
    IMAGE_NUMBER = "playground.image-number" { en: "test image number", ko: "시험 이미지 번호" }
    /// The test image shown, for screen readers.
    THE_TEST_IMAGE = "playground.the-test-image" { en: "the test image", ko: "시험 이미지" }
    /// A test image: its label and what the network read.
    TEST_READ = "playground.test-read" {
        en: "#{index}: label {label}, read as {prediction} ({p} %)",
        ko: "#{index}: 정답 레이블 {label}, 예측 {prediction} ({p} %)",
    }
    /// The heading of the confusion matrix.
    CONFUSION_MATRIX = "playground.confusion-matrix" { en: "Confusion matrix", ko: "혼동 행렬" }
    /// How to read the confusion matrix.
    CONFUSION_NOTE = "playground.confusion-note" {
        en: "Rows: the true digit; columns: what the network read. Click a cell to list those \
             images.",
        ko: "행은 실제 숫자, 열은 신경망이 읽은 숫자입니다. 칸을 클릭하면 그 이미지들을 보여 줍니다.",
    }
    /// The confusion matrix's corner.
    CONFUSION_CORNER = "playground.confusion-corner" { en: "true ↓ read →", ko: "실제 ↓ 예측 →" }
    /// A cell of the confusion matrix, for screen readers.
    CELL_LABEL = "playground.cell-label" {
        en: "{count} images of {label} read as {predicted}",
        ko: "실제 {label}, 예측 {predicted}: 이미지 {count}장",
    }
    /// The images of a cell.
    CELL = "playground.cell" {
        en: "{count} test images of {label} read as {predicted}",
        ko: "실제 숫자 {label}, 예측 {predicted}인 시험 이미지 {count}장",
    }
    /// When only the first images of a cell are shown.
    CELL_FIRST = "playground.cell-first" { en: " (the first {shown})", ko: " (처음 {shown}장)" }
    /// A small test image, for screen readers.
    TEST_IMAGE = "playground.test-image" { en: "test image {index}", ko: "시험 이미지 {index}번" }
    /// The network and its accuracy.
    MODEL_ACCURACY = "playground.model-accuracy" {
        en: "{name}: test accuracy {acc} on {images} images",
        ko: "{name}: 시험 이미지 {images}장에서 정확도 {acc}",
    }
    /// The network the server trains as it starts.
    MODEL_BUILT_IN = "playground.model-built-in" {
        en: "built in: {net}, trained at start on the 5,000-image slice ({iters} iterations)",
        ko: "내장 신경망: {net}, 서버를 시작할 때 내장된 일부(이미지 5,000장)로 학습했습니다(반복 \
             {iters}번)",
    }
    /// The convolutional network the server trains when first asked for.
    MODEL_BUILT_IN_CONV = "playground.model-built-in-conv" {
        en: "built in: {net}, trained on the 5,000-image slice when first chosen ({iters} \
             iterations)",
        ko: "내장 합성곱 신경망: {net}, 처음 골랐을 때 내장된 일부(이미지 5,000장)로 \
             학습했습니다(반복 {iters}번)",
    }
    /// The network of a file (`--model`).
    MODEL_FILE = "playground.model-file" { en: "{path} ({net})", ko: "{path} ({net})" }
    /// The network of the Training page.
    MODEL_TRAINING = "playground.model-training" {
        en: "the Training page's run {id} after {iters} iterations: {net}",
        ko: "학습 페이지의 {id}번째 실행, 반복 {iters}번 뒤: {net}",
    }

    // ---- the Initialisation page

    /// The Initialisation page's title, in the browser's tab.
    INIT_TITLE = "playground.init-title" {
        en: "Initial weights — scratchnet playground",
        ko: "가중치 초깃값 — scratchnet 놀이터",
    }
    /// The Initialisation page's heading.
    INIT_HEADING = "playground.init-heading" {
        en: "Initial weights and each layer's activations",
        ko: "가중치 초깃값과 층마다의 활성화값 분포",
    }
    /// What the page shows (the book's section 6.2.2).
    INIT_LEAD = "playground.init-lead" {
        en: "A thousand random inputs go through five layers of 100 units, every weight a standard \
             normal draw times the standard deviation; each histogram counts one layer's \
             activations (§6.2.2, figures 6-10 to 6-14). Every count is computed by scratchnet.",
        ko: "무작위 입력 1,000개를 뉴런 100개짜리 층 다섯 개에 통과시킵니다. 가중치는 표준정규분포에서 \
             뽑은 값에 표준편차를 곱한 것입니다. 히스토그램 하나가 한 층의 활성화값을 셉니다(6.2.2절, \
             그림 6-10~6-14). 모든 개수는 scratchnet이 계산합니다.",
    }
    /// The five histograms, for screen readers.
    INIT_HISTOGRAMS = "playground.init-histograms" {
        en: "The histograms of the five layers' activations",
        ko: "다섯 층의 활성화값 히스토그램",
    }
    /// One histogram, for screen readers.
    INIT_HISTOGRAM_LABEL = "playground.init-histogram-label" {
        en: "Histogram of the activations of layer {layer}",
        ko: "{layer}층 활성화값의 히스토그램",
    }
    /// The activation function, a control.
    INIT_ACTIVATION = "playground.init-activation" { en: "Activation function", ko: "활성화 함수" }
    /// The sigmoid, a choice of activation function.
    INIT_SIGMOID = "playground.init-sigmoid" { en: "sigmoid", ko: "시그모이드" }
    /// tanh, a choice of activation function.
    INIT_TANH = "playground.init-tanh" { en: "tanh", ko: "쌍곡탄젠트(tanh)" }
    /// ReLU, a choice of activation function.
    INIT_RELU = "playground.init-relu" { en: "ReLU", ko: "ReLU" }
    /// The weights' standard deviation, a control.
    INIT_STD = "playground.init-std" { en: "Weight std", ko: "가중치 표준편차" }
    /// The slider of the standard deviation, for screen readers.
    INIT_STD_SLIDER = "playground.init-std-slider" {
        en: "standard deviation of the initial weights (log scale)",
        ko: "가중치 초깃값의 표준편차(로그 눈금)",
    }
    /// What the slider does.
    INIT_STD_HINT = "playground.init-std-hint" {
        en: "The slider runs from 0.001 to 10 on a log scale; the buttons are the book's four \
             initial weights.",
        ko: "슬라이더는 0.001에서 10까지 로그 눈금으로 움직입니다. 버튼은 책에서 쓴 가중치 초깃값 네 \
             가지입니다.",
    }
    /// The standard deviation the weights were drawn with.
    INIT_STD_NOW = "playground.init-std-now" {
        en: "weights drawn with std {std}",
        ko: "가중치의 표준편차: {std}",
    }
    /// The standard deviation of a named initialisation, with its formula.
    INIT_STD_NAMED = "playground.init-std-named" {
        en: "{name} {formula} = {std} for n\u{a0}=\u{a0}{n} inputs",
        ko: "{name} 초깃값 {formula} = {std}(앞 층의 뉴런 n\u{a0}=\u{a0}{n}개)",
    }
    /// The presets' heading.
    INIT_PRESETS = "playground.init-presets" { en: "The book's initial weights", ko: "책의 가중치 초깃값" }
    /// A preset of a standard deviation.
    INIT_PRESET_STD = "playground.init-preset-std" { en: "std {std}", ko: "표준편차 {std}" }
    /// Xavier's preset.
    INIT_PRESET_XAVIER = "playground.init-preset-xavier" {
        en: "Xavier 1/√n",
        ko: "Xavier 초깃값",
    }
    /// He's preset.
    INIT_PRESET_HE = "playground.init-preset-he" { en: "He √(2/n)", ko: "He 초깃값" }
    /// The random generator, a control.
    INIT_RNG = "playground.init-rng" { en: "Random numbers", ko: "난수" }
    /// scratchnet's own generator.
    INIT_RNG_SCRATCHNET = "playground.init-rng-scratchnet" {
        en: "scratchnet's own",
        ko: "scratchnet 자체 생성기",
    }
    /// NumPy's generator.
    INIT_RNG_NUMPY = "playground.init-rng-numpy" {
        en: "NumPy's (the book's script's draws)",
        ko: "넘파이(책의 코드와 같은 난수)",
    }
    /// The seed, a control.
    INIT_SEED = "playground.init-seed" { en: "Seed", ko: "시드" }
    /// The reading's heading.
    INIT_WHAT_TO_SEE = "playground.init-what-to-see" { en: "What to look for", ko: "무엇을 볼까요" }
    /// Under a histogram: the activations past the range, which no bar counts.
    INIT_LEFT_OUT = "playground.init-left-out" {
        en: "{share}% above {hi}: not in the bars",
        ko: "{share}%는 {hi}보다 커서 막대에 없음",
    }
    /// Under the histograms of ReLU: the first bar, cut off.
    INIT_RELU_NOTE = "playground.init-relu-note" {
        en: "ReLU turns about half the units off (exactly 0): the first bar, far taller than the \
             rest, is cut off (red) as in the book's figure 6-14, its count written above it.",
        ko: "ReLU는 뉴런의 절반쯤을 꺼서 정확히 0을 출력합니다. 그래서 다른 막대보다 훨씬 높은 첫 \
             막대는 책의 그림 6-14처럼 위를 잘라 빨간색으로 그리고, 개수를 그 위에 적었습니다.",
    }
    /// Sigmoid or tanh with weights too large (figure 6-10).
    INIT_READ_SATURATED = "playground.init-read-saturated" {
        en: "Too large: the activations pile up at the two ends, {lo} and {hi}, where the function \
             is flat and its derivative nearly 0: passed back through the layers, the gradients \
             shrink until they vanish (figure 6-10).",
        ko: "표준편차가 너무 큽니다. 활성화값이 양 끝인 {lo} 쪽과 {hi} 쪽에 몰립니다. 그곳에서는 \
             함수가 평평해서 미분이 0에 가깝기 때문에, 오차역전파법으로 층을 거슬러 갈수록 기울기가 \
             작아지다가 사라집니다(그림 6-10).",
    }
    /// Sigmoid or tanh with weights too small (figure 6-11).
    INIT_READ_COLLAPSED = "playground.init-read-collapsed" {
        en: "Too small: in every layer the activations crowd around {centre}. The units all \
             output about the same, so a hundred of them do what one would: the layers lose \
             their expressiveness (figure 6-11).",
        ko: "표준편차가 너무 작습니다. 모든 층에서 활성화값이 {centre} 근처에 모입니다. 뉴런이 모두 \
             거의 같은 값을 출력하므로 뉴런 100개가 1개와 다를 바 없습니다. 표현력이 제한됩니다\
             (그림 6-11).",
    }
    /// Sigmoid or tanh with weights near Xavier's (figure 6-13).
    INIT_READ_SPREAD = "playground.init-read-spread" {
        en: "About right: the activations spread across the range in every layer, so each unit \
             passes on something of its own (figure 6-13: Xavier's 1/√n suits sigmoid and tanh).",
        ko: "알맞습니다. 모든 층에서 활성화값이 넓게 퍼져 있어 뉴런마다 저마다의 값을 전합니다\
             (그림 6-13: 시그모이드와 tanh에는 Xavier 초깃값 1/√n이 알맞습니다).",
    }
    /// ReLU with weights far too small (figure 6-14, std 0.01).
    INIT_READ_VANISHING = "playground.init-read-vanishing" {
        en: "Far too small for ReLU: the activations shrink layer by layer until nearly all are \
             0; almost nothing reaches the last layer, and the gradients vanish too (figure 6-14, \
             std 0.01).",
        ko: "ReLU에는 너무 작습니다. 층을 지날 때마다 활성화값이 줄어들어 거의 모두 0이 됩니다. \
             마지막 층까지 전해지는 값이 거의 없고, 기울기도 사라집니다(그림 6-14의 표준편차 0.01).",
    }
    /// ReLU with weights somewhat small, Xavier's (figure 6-14, Xavier).
    INIT_READ_SHRINKING = "playground.init-read-shrinking" {
        en: "A little small for ReLU: each layer's activations lean further towards 0 than the \
             last; the deeper the network, the worse the imbalance, and the smaller the gradients \
             (figure 6-14, Xavier).",
        ko: "ReLU에는 조금 작습니다. 층이 깊어질수록 활성화값이 0 쪽으로 더 치우칩니다. 신경망이 \
             깊을수록 치우침이 커지고 기울기도 작아집니다(그림 6-14의 Xavier 초깃값).",
    }
    /// ReLU with weights near He's (figure 6-14, He).
    INIT_READ_EVEN = "playground.init-read-even" {
        en: "Right for ReLU: with He's √(2/n) the activations spread the same way in every \
             layer, so the gradients flow back evenly too (figure 6-14, He).",
        ko: "ReLU에 알맞습니다. He 초깃값 √(2/n)을 쓰면 모든 층에서 활성화값이 비슷한 분포로 고르게 \
             퍼지므로, 오차역전파법으로 구하는 기울기도 고르게 전해집니다(그림 6-14의 He 초깃값).",
    }
    /// ReLU with weights too large.
    INIT_READ_GROWING = "playground.init-read-growing" {
        en: "Too large for ReLU: the activations grow layer by layer, more of them past {hi} each \
             time (the bars count only {lo} to {hi}); deeper, the values and the gradients explode.",
        ko: "ReLU에는 너무 큽니다. 층을 지날 때마다 활성화값이 커져서 {hi}보다 큰 값이 점점 많아집니다\
             (막대는 {lo}에서 {hi}까지만 셉니다). 층이 더 깊으면 값과 기울기가 폭발합니다.",
    }

    // ---- typed fields, step by step, presets (every page)

    /// A field's value is not a whole number.
    FIELD_WHOLE = "playground.field-whole" {
        en: "{what} must be a whole number",
        ko: "{what}에는 정수를 넣어야 합니다.",
    }
    /// A field's value is not above its least.
    FIELD_ABOVE = "playground.field-above" {
        en: "{what} must be greater than {min}",
        ko: "{what}에는 {min}보다 큰 수를 넣어야 합니다.",
    }
    /// A field's value is below its least.
    FIELD_AT_LEAST = "playground.field-at-least" {
        en: "{what} must be at least {min}",
        ko: "{what}에는 {min} 이상인 수를 넣어야 합니다.",
    }
    /// A field's value is not below its bound.
    FIELD_BELOW = "playground.field-below" {
        en: "{what} must be less than {max}",
        ko: "{what}에는 {max}보다 작은 수를 넣어야 합니다.",
    }
    /// A field's value is above its most.
    FIELD_TOO_MANY = "playground.field-too-many" {
        en: "{what} takes at most {max} numbers, separated by commas",
        ko: "{what}에는 쉼표로 구분한 수를 {max}개까지 넣을 수 있습니다.",
    }
    /// A number above a maximum.
    FIELD_AT_MOST = "playground.field-at-most" {
        en: "{what} must be at most {max}",
        ko: "{what}에는 {max} 이하인 수를 넣어야 합니다.",
    }
    /// Where the diagnosis was, while a field is refused: nothing runs until it is fixed.
    FIX_FIELDS = "playground.fix-fields" {
        en: "Nothing runs while a field holds a value it cannot take: fix the one marked in red.",
        ko: "넣을 수 없는 값이 든 칸이 있으면 실행하지 않습니다. 빨간색으로 표시된 칸을 고쳐 주세요.",
    }
    /// Where the diagnosis was, after a preset pinned its runs.
    PRESET_SHOWN = "playground.preset-shown" {
        en: "The preset's runs are pinned beside yours. Move the start or change a setting to run \
             your own again.",
        ko: "미리 준비된 실행들을 내 실행 옆에 고정했습니다. 시작점을 옮기거나 설정을 바꾸면 다시 내 \
             실행을 보여 줍니다.",
    }
    /// Beside the learning rate: what η does, with the book's section.
    LR_HINT = "playground.lr-hint" {
        en: "η sets how far each update moves (§4.4.1): too large diverges, too small stalls.",
        ko: "η는 한 번 갱신할 때 얼마나 움직일지 정합니다(4.4.1절). 너무 크면 발산하고 너무 작으면 \
             거의 움직이지 않습니다.",
    }
    /// Below the gradient's choice on the Descent page: what each gradient is.
    GRADIENT_HINT = "playground.gradient-hint" {
        en: "§4.3–4.4: the numerical gradient takes f at x ± h along each axis, (f(x+h) − f(x−h)) \
             / (2h); the exact one is the formula's derivative.",
        ko: "4.3~4.4절: 수치 미분은 축마다 x ± h에서 f 값을 구해 (f(x+h) − f(x−h)) / (2h)를 계산합니다. \
             해석적 미분은 식을 미분해 기울기를 구합니다.",
    }
    /// Below the update rule's choice on the Descent page: what the rules do.
    RULE_HINT = "playground.rule-hint" {
        en: "§6.1: SGD moves by −η∇f; Momentum, Nesterov, AdaGrad, RMSprop and Adam also use the \
             earlier gradients (figure 6-8).",
        ko: "6.1절: SGD는 −η∇f만큼 움직이고, Momentum, Nesterov, AdaGrad, RMSprop, Adam은 앞선 \
             기울기도 씁니다(그림 6-8).",
    }
    /// Below the batch size on the Training page.
    BATCH_HINT = "playground.batch-hint" {
        en: "§4.2.3: each update learns from a mini-batch of this many training images drawn at \
             random.",
        ko: "4.2.3절: 갱신할 때마다 훈련 데이터에서 무작위로 이만큼 뽑은 미니배치로 학습합니다.",
    }
    /// Below the gradient's choice on the Training page.
    TRAIN_GRADIENT_HINT = "playground.train-gradient-hint" {
        en: "§4.5 and §5.7: backpropagation gives the same gradient as the numerical one (chapter \
             4's way), thousands of times faster.",
        ko: "4.5절과 5.7절: 오차역전파법은 수치 미분(4장의 방법)과 같은 기울기를 수천 배 빠르게 \
             구합니다.",
    }
    /// While a numerical gradient is computed: how far it is within the iteration.
    GRADIENT_PROGRESS = "playground.gradient-progress" {
        en: "iteration {iter}'s numerical gradient: {done} of {total} parameters, about {left} s left",
        ko: "{iter}번째 반복의 수치 미분: 매개변수 {total}개 중 {done}개 완료, 약 {left}초 남음",
    }
    /// Runs one iteration of the Training page's run and shows it.
    ONE_BATCH = "playground.one-batch" { en: "One mini-batch", ko: "미니배치 1개 학습" }
    /// What one iteration did.
    BATCH_STEP = "playground.batch-step" {
        en: "iteration {iter}: a mini-batch of {n} training images (the first {shown} below), loss \
             {loss}",
        ko: "{iter}번째 반복: 훈련 이미지 {n}장의 미니배치(아래는 처음 {shown}장), 손실 {loss}",
    }
    /// The heading of the table of the parameters' changes.
    CHANGE_HEADING = "playground.change-heading" {
        en: "How much this update changed each parameter",
        ko: "이번 갱신에서 매개변수가 바뀐 정도",
    }
    /// The column of the parameters' names.
    CHANGE_PARAMETER = "playground.change-parameter" { en: "parameter", ko: "매개변수" }
    /// The column of the parameters' shapes.
    CHANGE_SHAPE = "playground.change-shape" { en: "shape", ko: "형상" }
    /// The Training form says other settings than the stopped run's.
    FORM_DIFFERS = "playground.form-differs" {
        en: "The form differs from the stopped run's settings: Resume and One mini-batch go on with \
             the run's own (and show them); Start begins a new run with the form's.",
        ko: "입력한 설정이 멈춘 학습의 설정과 다릅니다. 이어서 학습과 미니배치 1개 학습은 그 학습의 \
             설정으로 진행하고(설정을 다시 보여 줍니다), 시작은 입력한 설정으로 새 학습을 시작합니다.",
    }
    /// The heading of the step-by-step controls.
    STEP_BY_STEP = "playground.step-by-step" { en: "Step by step", ko: "한 단계씩 보기" }
    /// Goes back to the run's first point.
    RESET_STEPS = "playground.reset-steps" { en: "↺ To the start", ko: "↺ 처음으로" }
    /// Walks the run, a step at a time.
    PLAY = "playground.play" { en: "▶ Play", ko: "▶ 재생" }
    /// Stops walking.
    PAUSE = "playground.pause" { en: "❚❚ Pause", ko: "❚❚ 일시 정지" }
    /// One step further.
    ONE_STEP = "playground.one-step" { en: "Step →", ko: "한 단계 →" }
    /// The whole run again.
    WHOLE_RUN = "playground.whole-run" { en: "Whole run", ko: "전체 경로" }
    /// The slider of the step shown, for screen readers.
    STEP_SLIDER = "playground.step-slider" { en: "step shown", ko: "보여 줄 단계" }
    /// Which step is shown.
    STEP_OF = "playground.step-of" { en: "step {k} of {n}", ko: "반복 {k}/{n}" }
    /// The point of the step shown.
    STEP_POINT = "playground.step-point" {
        en: "step {k}: x = {x}, f(x) = {f}",
        ko: "반복 {k}: x = {x}, f(x) = {f}",
    }
    /// The gradient at the point shown.
    STEP_GRADIENT = "playground.step-gradient" {
        en: "gradient ∇f(x) = {g}",
        ko: "기울기 ∇f(x) = {g}",
    }
    /// SGD's update with its numbers.
    STEP_SGD = "playground.step-sgd" {
        en: "x ← x − η∇f(x) = {x} − {lr} × {g} = {next}",
        ko: "x ← x − η∇f(x) = {x} − {lr} × {g} = {next}",
    }
    /// Another rule's update: it moves by its own rule, not by −η∇f alone.
    STEP_RULE = "playground.step-rule" {
        en: "{rule} moves x by Δx = {dx} to {next} (its own update, which remembers earlier \
             gradients: not −η∇f alone)",
        ko: "{rule}의 갱신: Δx = {dx}, 다음 x = {next} (앞선 기울기를 기억하는 방법이라 −η∇f만으로 \
             정해지지 않습니다)",
    }
    /// The step shown is the run's last.
    STEP_END = "playground.step-end" {
        en: "the run's last point: no more updates",
        ko: "마지막 점입니다. 더 갱신하지 않습니다.",
    }
    /// The table of points, as the notebook prints them.
    PRINTED = "playground.printed" {
        en: "`print(x)` at each step, as in the notebook",
        ko: "노트북처럼 반복마다 `print(x)`",
    }
    /// The Training page shows a run started from another tab or window.
    RUN_ELSEWHERE = "playground.run-elsewhere" {
        en: "A run started elsewhere (another tab or window) is training; its settings are shown \
             here. Stop it to start your own.",
        ko: "다른 탭이나 창에서 시작한 학습이 진행 중이며, 여기에는 그 설정을 보여 줍니다. 내 학습을 \
             시작하려면 먼저 멈추세요.",
    }

    // ---- the server's errors

    /// A language the playground does not speak.
    UNKNOWN_LANG = "playground.unknown-lang" {
        en: "lang is {lang}: give lang=en or lang=ko (or leave it out for English)",
        ko: "알 수 없는 언어입니다(lang={lang}). lang=en 또는 lang=ko를 주거나, 영어로 받으려면 \
             lang을 빼세요.",
    }
    /// The language given twice.
    LANG_TWICE = "playground.lang-twice" {
        en: "lang is given more than once: give it once, en or ko",
        ko: "lang이 여러 번 있습니다. en 또는 ko 중 하나를 한 번만 주세요.",
    }
    /// A body larger than the limit.
    BODY_TOO_LARGE = "playground.body-too-large" {
        en: "the body is larger than the limit of {limit} bytes",
        ko: "요청 본문이 한도({limit}바이트)보다 큽니다.",
    }
    /// A body that could not be read.
    CANNOT_READ_BODY = "playground.cannot-read-body" {
        en: "cannot read the body: {why}",
        ko: "요청 본문을 읽을 수 없습니다: {why}",
    }
    /// A body that is not the JSON a route takes (serde's account of where, in English).
    BAD_BODY = "playground.bad-body" {
        en: "bad request body: {why}",
        ko: "요청 본문이 잘못되었습니다: {why}",
    }
    /// A query string that does not parse (serde's account of where, in English).
    BAD_QUERY = "playground.bad-query" {
        en: "bad query string: {why}",
        ko: "쿼리 문자열이 잘못되었습니다: {why}",
    }
    /// Too many computations waiting.
    BUSY = "playground.busy" {
        en: "the server is busy: {slots} computations run and {queue} wait; ask again in a second",
        ko: "서버가 바쁩니다. 계산 {slots}개가 실행 중이고 {queue}개가 기다리고 있습니다. 잠시 뒤에 \
             다시 요청하세요.",
    }
    /// The server is stopping.
    STOPPING = "playground.stopping" { en: "the server is stopping", ko: "서버가 멈추는 중입니다." }
    /// A computation that died.
    COMPUTATION_FAILED = "playground.computation-failed" {
        en: "the computation failed: {why}",
        ko: "계산이 실패했습니다: {why}",
    }
    /// No such page or route.
    NOT_FOUND = "playground.not-found" {
        en: "no page or API route at {path}: the pages are /descent, /training and /digits; the \
             API is listed in the guide (\"The playground's API\")",
        ko: "{path}에는 페이지도 API 경로도 없습니다. 페이지는 /descent, /training, /digits에 있고, \
             API는 안내서의 \"The playground's API\"에 나옵니다.",
    }
    /// No such file of the pages.
    NO_FILE = "playground.no-file" {
        en: "no file {name} in /static/",
        ko: "/static/에는 {name} 파일이 없습니다.",
    }
    /// A message that exists in English only (the library's, the web server's), in Korean
    /// with a word saying so.
    ENGLISH_ONLY = "playground.english-only" {
        en: "{message}",
        ko: "오류(영어로만 된 설명): {message}",
    }
    /// A built-in function and a formula given together.
    NOT_BOTH = "playground.not-both" {
        en: "give a built-in \"function\" or a typed \"formula\", not both",
        ko: "내장 함수(\"function\")와 직접 쓴 식(\"formula\") 중 하나만 주세요.",
    }
    /// Too many starting points or learning rates.
    LIST_SIZE = "playground.list-size" {
        en: "{what} lists {n} values: give 1 to {max}",
        ko: "{what}에 값이 {n}개 있습니다. 1개에서 {max}개까지 주세요.",
    }
    /// A starting point that does not fit the function.
    BAD_INIT = "playground.bad-init" {
        en: "init {init}: {problem}",
        ko: "시작점(init) {init}: {problem}",
    }
    /// A typed formula's point of the wrong dimension.
    FORMULA_DIMENSION = "playground.formula-dimension" {
        en: "a formula in x0 and x1 takes a point of dimension 2, got {got}",
        ko: "x0, x1의 식에는 2차원 점을 주어야 하는데 {got}차원 점을 받았습니다.",
    }
    /// Too many steps.
    TOO_MANY_STEPS = "playground.too-many-steps" {
        en: "steps is {steps}: the playground takes at most {max} (the command line more)",
        ko: "반복 횟수(steps)가 {steps}번입니다. 놀이터에서는 {max}번까지 반복할 수 있습니다(명령줄에서는 \
             더 많이).",
    }
    /// Too many points in one request.
    TOO_MANY_POINTS = "playground.too-many-points" {
        en: "{runs} runs of {steps} steps visit {points} points: at most {max} in one request \
             (fewer steps, points or learning rates)",
        ko: "{steps}번씩 반복하는 실행 {runs}개가 점 {points}개를 지납니다. 한 요청에서는 점 \
             {max}개까지입니다(반복 횟수, 시작점, 학습률 중 하나를 줄이세요).",
    }
    /// A step h given with the exact gradient.
    H_WITH_EXACT = "playground.h-with-exact" {
        en: "h is the step of the numerical gradient: with \"gradient\": \"exact\" there is none \
             (leave out one of the two)",
        ko: "h는 수치 미분의 간격이므로 \"gradient\": \"exact\"일 때는 쓸 수 없습니다(둘 중 하나를 \
             빼세요).",
    }
    /// A starting point that is not a point or a list of them.
    BAD_POINTS = "playground.bad-points" {
        en: "init is {value}: give a point such as [-3, 4] or a list of points such as \
             [[-3, 4], [3, -4]]",
        ko: "시작점(init)이 {value}입니다. [-3, 4] 같은 점 하나나 [[-3, 4], [3, -4]] 같은 점 \
             목록을 주세요.",
    }
    /// A learning rate that is not a number or a list of numbers.
    NOT_NUMBERS = "playground.not-numbers" {
        en: "lr is {value}: that is not a number or a list of numbers such as 0.1 or [0.1, 10]",
        ko: "학습률(lr)이 {value}입니다. 0.1이나 [0.1, 10]처럼 숫자나 숫자의 목록을 주세요.",
    }
    /// A grid too small or too large.
    GRID_SIZE = "playground.grid-size" {
        en: "size is {size}: give 2 to {max} grid points per side",
        ko: "격자 크기(size)가 {size}입니다. 한 변에 격자점을 2개에서 {max}개까지 주세요.",
    }
    /// A grid of no function.
    GRID_OF_WHAT = "playground.grid-of-what" {
        en: "give function=NAME (one of GET /api/landscapes) or formula=TEXT",
        ko: "function=이름(GET /api/landscapes의 하나)이나 formula=식을 주세요.",
    }
    /// A range given with a built-in function.
    RANGE_OF_BUILT_IN = "playground.range-of-built-in" {
        en: "range is for a formula: a built-in function has its own view",
        ko: "range는 직접 쓴 식에만 씁니다. 내장 함수는 보여 줄 범위가 정해져 있습니다.",
    }
    /// A range out of bounds.
    BAD_RANGE = "playground.bad-range" {
        en: "range is {range}: give a half-width above 0 and at most {max}",
        ko: "지도 범위(range)가 {range}입니다. 0보다 크고 {max} 이하인 절반 너비를 주세요.",
    }
    /// The built-in network is not ready.
    STILL_TRAINING = "playground.still-training" {
        en: "the built-in network is still training (a few seconds after the server starts): \
             ask again shortly",
        ko: "내장 신경망을 아직 학습하고 있습니다(서버가 시작한 뒤 몇 초 걸립니다). 잠시 뒤에 다시 \
             요청하세요.",
    }
    /// The built-in convolutional network is not ready.
    CONV_STILL_TRAINING = "playground.conv-still-training" {
        en: "the built-in convolutional network is still training (it starts when first chosen \
             and takes seconds): ask again shortly",
        ko: "내장 합성곱 신경망을 아직 학습하고 있습니다(처음 골랐을 때 시작해서 몇 초 걸립니다). \
             잠시 뒤에 다시 요청하세요.",
    }
    /// The built-in network failed.
    BUILT_IN_FAILED = "playground.built-in-failed" {
        en: "the built-in network could not be trained: {why}",
        ko: "내장 신경망을 학습하지 못했습니다: {why}",
    }
    /// No network from the Training page.
    NO_TRAINED_NETWORK = "playground.no-trained-network" {
        en: "the Training page has no trained network yet: train one, and stop it or let it finish",
        ko: "학습 페이지에 아직 학습한 신경망이 없습니다. 학습을 시작한 뒤 멈추거나 끝날 때까지 \
             기다리세요.",
    }
    /// A drawing too small or too large.
    CANVAS_SIZE = "playground.canvas-size" {
        en: "the drawing is {w} × {h} (width × height): each side must be 1 to {max} pixels",
        ko: "그림 크기(width × height)가 {w} × {h}입니다. 각 변은 1픽셀에서 {max}픽셀까지여야 합니다.",
    }
    /// A drawing's ink of the wrong length.
    INK_LENGTH = "playground.ink-length" {
        en: "ink has {n} values but a {w} × {h} drawing has {pixels}: one per pixel, row by row",
        ko: "ink에는 값이 {n}개 있지만 {w} × {h} 그림의 픽셀은 {pixels}개입니다. 픽셀마다 하나씩, \
             행 순서대로 주세요.",
    }
    /// A test image number that is not a number.
    BAD_INDEX = "playground.bad-index" {
        en: "the index must be a whole number from 0 to {last}",
        ko: "번호는 0에서 {last}까지의 정수여야 합니다.",
    }
    /// A test image number beyond the test set.
    NO_TEST_IMAGE = "playground.no-test-image" {
        en: "there is no test image {index}: the test set has {n}, numbered 0 to {last}",
        ko: "시험 이미지 {index}번은 없습니다. 시험 데이터에는 이미지가 {n}장 있고, 번호는 0부터 \
             {last}까지입니다.",
    }
    /// A cell of the confusion matrix that does not exist.
    NOT_DIGITS = "playground.not-digits" {
        en: "label {label} and predicted {predicted} must be digits, 0 to 9",
        ko: "label({label})과 predicted({predicted})는 0에서 9까지의 숫자여야 합니다.",
    }
    /// Too many or no images asked for.
    BAD_LIMIT = "playground.bad-limit" {
        en: "limit is {limit}: give 1 to {max}",
        ko: "limit은 1에서 {max}까지여야 합니다(받은 값 {limit}).",
    }
    /// A run asked for while one is running.
    TRAINING_RUNNING = "playground.training-running" {
        en: "a training is running: stop it first (POST /api/train/stop); one runs at a time",
        ko: "학습이 이미 실행 중입니다. 먼저 멈추세요(POST /api/train/stop). 학습은 한 번에 하나만 \
             실행합니다.",
    }
    /// A run that would take too much memory.
    OVER_BUDGET = "playground.over-budget" {
        en: "{hidden} hidden units at batch {batch} would take about {mib} MiB, more than the \
             playground's budget of {budget} MiB: use fewer hidden units or a smaller batch \
             (`scratchnet train` has no such budget)",
        ko: "은닉층 뉴런 {hidden}개에 배치 크기 {batch}에서는 메모리가 약 {mib} MiB 필요해서 \
             놀이터의 한도({budget} MiB)를 넘습니다. 은닉층 뉴런 수나 배치 크기를 줄이세요 \
             (`scratchnet train`에는 이런 한도가 없습니다).",
    }
    /// No data to train on.
    NO_IMAGES = "playground.no-images" {
        en: "the server's MNIST has no training or no test images: restart it with the full MNIST \
             or the built-in slice (--data)",
        ko: "서버의 MNIST에 훈련 이미지나 시험 이미지가 없습니다. 전체 MNIST나 내장된 일부로 서버를 \
             다시 시작하세요(--data).",
    }
    /// Too many iterations.
    TOO_MANY_ITERS = "playground.too-many-iters" {
        en: "iters is {iters}: the playground runs at most {max} (`scratchnet train` more)",
        ko: "반복 횟수(iters)가 {iters}번입니다. 놀이터에서는 {max}번까지 학습할 수 있습니다 \
             (`scratchnet train`에서는 더 많이).",
    }
    /// Stop asked for with no run going on.
    NOTHING_RUNNING = "playground.nothing-running" {
        en: "no training is running",
        ko: "실행 중인 학습이 없습니다.",
    }
    /// Resume asked for while the run goes on.
    RUNNING_ALREADY = "playground.running-already" {
        en: "the training is running already",
        ko: "학습이 이미 실행 중입니다.",
    }
    /// Resume asked for with no run stopped.
    NOTHING_TO_RESUME = "playground.nothing-to-resume" {
        en: "no stopped training to resume: start one (POST /api/train)",
        ko: "이어서 학습할 수 있는 멈춘 학습이 없습니다. 새로 시작하세요(POST /api/train).",
    }
    /// Resume asked for before the run has stopped.
    NOT_STOPPED_YET = "playground.not-stopped-yet" {
        en: "the training is not stopped yet",
        ko: "학습이 아직 멈추지 않았습니다.",
    }
    /// The download asked for with no network.
    NOTHING_TO_SAVE = "playground.nothing-to-save" {
        en: "no trained network to save: start a training, and stop it or let it finish (a \
             diverged one has nothing worth saving)",
        ko: "저장할 신경망이 없습니다. 학습을 시작한 뒤 멈추거나 끝날 때까지 기다리세요(발산한 \
             학습에는 저장할 만한 것이 없습니다).",
    }
    /// The training's thread died.
    THREAD_FAILED = "playground.thread-failed" {
        en: "the training's thread failed",
        ko: "학습 스레드가 실패했습니다.",
    }
    /// The training's thread could not start.
    CANNOT_START_THREAD = "playground.cannot-start-thread" {
        en: "cannot start the training's thread: {why}",
        ko: "학습 스레드를 시작할 수 없습니다: {why}",
    }

    /// A weight scale the Initialisation page's route does not take.
    BAD_SCALE = "playground.bad-scale" {
        en: "scale is {value}: give a standard deviation from {min} to {max} (such as 1 or 0.01), \
             or xavier or he",
        ko: "가중치 초깃값(scale)이 {value}입니다. {min}에서 {max}까지의 표준편차(1이나 0.01 등)나 \
             xavier, he를 주세요.",
    }
    /// A seed NumPy's generator does not take.
    NUMPY_SEED = "playground.numpy-seed" {
        en: "seed is {seed}: NumPy's generator takes 0 to {max}, as np.random.seed does (or use \
             rng=scratchnet)",
        ko: "시드(seed)가 {seed}입니다. 넘파이의 생성기는 np.random.seed처럼 0에서 {max}까지만 받습니다\
             (또는 rng=scratchnet을 쓰세요).",
    }

    // ---- the API's checks of each field

    /// A body that is not a JSON object of fields.
    BODY_NOT_OBJECT = "playground.body-not-object" {
        en: "the body must be a JSON object: the fields by name, in braces",
        ko: "요청 본문은 JSON 객체여야 합니다. 중괄호 안에 필드 이름과 값을 적으세요.",
    }
    /// A body whose JSON breaks inside a field (serde's account of how, in English).
    BAD_JSON_AT = "playground.bad-json-at" {
        en: "bad request body at {field}: {why}",
        ko: "요청 본문의 {field} 부분이 잘못되었습니다: {why}",
    }
    /// A field the request does not take, and those it takes.
    UNKNOWN_FIELD = "playground.unknown-field" {
        en: "unknown field `{field}`: this request takes {fields}",
        ko: "`{field}` 필드는 없습니다. 이 요청에 쓸 수 있는 필드는 {fields}입니다.",
    }
    /// A field given more than once.
    FIELD_TWICE = "playground.field-twice" {
        en: "{field} is given more than once: give it once",
        ko: "{field} 필드가 여러 번 있습니다. 한 번만 주세요.",
    }
    /// A field the request needs, left out.
    MISSING_FIELD = "playground.missing-field" {
        en: "{field} is missing: give {takes}",
        ko: "{field} 필드가 빠졌습니다. 넣을 값은 {takes}입니다.",
    }
    /// `null` for a field that has a default: left out, it is the default; `null` is refused.
    NULL_FIELD = "playground.null-field" {
        en: "{field} is null: give it a value, or leave it out for its default",
        ko: "{field}에는 null을 줄 수 없습니다. 값을 넣거나, 기본값을 쓰려면 {field} 필드를 빼세요.",
    }
    /// A value a field does not take: the value as given, and what the field takes.
    WRONG_VALUE = "playground.wrong-value" {
        en: "{field} is {value}: give {takes}",
        ko: "{field}에는 {takes}만 넣을 수 있습니다(받은 값 {value}).",
    }
    /// What a field of `usize` or `u64` takes.
    TAKES_WHOLE = "playground.takes-whole" { en: "a whole number, 0 or more", ko: "0 이상의 정수" }
    /// What a field of `u8` takes (a pixel of a drawing).
    TAKES_BYTE = "playground.takes-byte" {
        en: "a whole number from 0 to 255",
        ko: "0에서 255까지의 정수",
    }
    /// What a field of `f64` takes.
    TAKES_NUMBER = "playground.takes-number" { en: "a number", ko: "숫자" }
    /// What a field of `bool` takes.
    TAKES_BOOLEAN = "playground.takes-boolean" { en: "true or false", ko: "true 또는 false" }
    /// What a field of text takes (a formula).
    TAKES_TEXT = "playground.takes-text" { en: "text in double quotes", ko: "큰따옴표로 감싼 문자열" }
    /// What a field of names takes (a function, an update rule, ...).
    TAKES_NAME = "playground.takes-name" { en: "one of {names}", ko: "{names} 중 하나" }
    /// What a field of a list takes.
    TAKES_LIST = "playground.takes-list" {
        en: "a list whose elements are each {each}",
        ko: "각 원소가 {each}인 목록",
    }

    // ---- one mini-batch at a time
    /// A step asked for while the run trains on its own.
    STEP_WHILE_RUNNING = "playground.step-while-running" {
        en: "the training is running: stop it first (POST /api/train/stop), then step it one \
             mini-batch at a time",
        ko: "학습이 실행 중입니다. 먼저 멈춘 뒤(POST /api/train/stop) 미니배치 하나씩 학습하세요.",
    }
    /// A step asked for with no stopped run to take it.
    NOTHING_TO_STEP = "playground.nothing-to-step" {
        en: "no stopped training to step: start a run, or send settings to start one paused \
             (the body of POST /api/train, to POST /api/train/step)",
        ko: "한 단계씩 진행할 멈춘 학습이 없습니다. 학습을 시작하거나, 설정을 보내서 멈춘 상태로 \
             시작하세요(POST /api/train/step에 POST /api/train과 같은 본문을 보내면 됩니다).",
    }
    /// A step stopped during its numerical gradient.
    STEP_ABANDONED = "playground.step-abandoned" {
        en: "the step was stopped during its numerical gradient: its iteration was abandoned, \
             and the run stands where it was before it",
        ko: "수치 미분으로 기울기를 구하는 도중에 멈춰서 이번 반복은 취소했습니다. 학습은 이 반복 \
             전 상태 그대로입니다.",
    }
}
