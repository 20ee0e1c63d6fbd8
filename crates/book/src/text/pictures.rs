//! The words of the pictures: panel captions, axis names, legends, notes.

super::texts! {
    /// A descent map's caption.
    PATHS_ON_CONTOURS = "pictures.paths-on-contours" {
        en: "paths on the contours of {f}",
        ko: "{f}의 등고선 위의 경로",
    }
    /// A descent map's caption, when the path leaves it.
    CONTOURS_PATH_OFF = "pictures.contours-path-off" {
        en: "contours of {f}; the path runs off the map",
        ko: "{f}의 등고선(경로가 지도 밖으로 나갑니다)",
    }
    /// Where a path leaves the map.
    OFF_THE_MAP = "pictures.off-the-map" {
        en: "off the map: the next point is ({x}, {y})",
        ko: "지도 밖: 다음 점은 ({x}, {y})",
    }
    /// A one-dimensional descent's caption.
    STEPS_ON = "pictures.steps-on" {
        en: "the steps on {f}",
        ko: "{f} 위의 걸음",
    }
    /// A one-dimensional descent's caption, when the path leaves the plot.
    STEPS_ON_PATH_OFF = "pictures.steps-on-path-off" {
        en: "the steps on {f}; the path runs off the plot",
        ko: "{f} 위의 걸음(경로가 그림 밖으로 나갑니다)",
    }
    /// The panel of f at each step.
    F_AT_EACH_STEP = "pictures.f-at-each-step" {
        en: "f(x) at each step",
        ko: "반복할 때마다의 f(x)",
    }
    /// The same, on a log scale.
    F_AT_EACH_STEP_LOG = "pictures.f-at-each-step-log" {
        en: "f(x) at each step (log scale)",
        ko: "반복할 때마다의 f(x), 로그 눈금",
    }
    /// The same, when no step's f is finite.
    F_NOT_FINITE = "pictures.f-not-finite" {
        en: "f(x) at each step: not a finite number at any step",
        ko: "반복할 때마다의 f(x): 유한한 값이 하나도 없습니다",
    }
    /// The axis of descent steps.
    STEP = "pictures.step" { en: "step", ko: "반복" }
    /// Where the point stops moving.
    STOPS_AFTER = "pictures.stops-after" {
        en: "x stops changing after step {k}",
        ko: "{k}번째 반복 뒤로 x가 변하지 않습니다",
    }
    /// Why it stops, for a diverged run stuck far away (three lines).
    STOPS_AFTER_FAR = "pictures.stops-after-far" {
        en: "x stops changing after step {k}:\nh = 1e-4 is below half the float spacing there,\nso the numerical gradient is exactly 0",
        ko: "{k}번째 반복 뒤로 x가 변하지 않습니다.\n그곳에서는 부동소수점 간격의 절반이 h = 1e-4보다 커서\n수치 미분 기울기가 정확히 0입니다",
    }
    /// A run in a legend: start, rule, learning rate, diagnosis.
    RUN_LABEL = "pictures.run-label" {
        en: "({start}), {rule}lr {lr}: {kind}",
        ko: "({start}), {rule}학습률 {lr}: {kind}",
    }
    /// The tangent picture's caption.
    TANGENT_TITLE = "pictures.tangent-title" {
        en: "{f} and its tangent at x = {x}",
        ko: "{f}의 그래프와 x = {x}에서의 접선",
    }
    /// The tangent in the legend.
    TANGENT = "pictures.tangent" {
        en: "tangent: slope f′({x}) ≈ {slope}",
        ko: "접선: 기울기 f′({x}) ≈ {slope}",
    }
    /// The loss panel of the training curves.
    LOSS_EACH_BATCH = "pictures.loss-each-batch" {
        en: "loss on each mini-batch",
        ko: "미니배치마다의 손실",
    }
    /// The axis of training iterations.
    ITERATION = "pictures.iteration" { en: "iteration", ko: "반복" }
    /// The axis of the loss.
    LOSS = "pictures.loss" { en: "loss", ko: "손실" }
    /// The smoothed loss axis of the comparison on MNIST.
    LOSS_SMOOTHED = "pictures.loss-smoothed" { en: "loss (smoothed)", ko: "손실(매끄럽게 한 값)" }
    /// The raw loss curve.
    EACH_ITERATION = "pictures.each-iteration" { en: "each iteration", ko: "반복마다" }
    /// The smoothed loss curve.
    SMOOTHED = "pictures.smoothed" {
        en: "smoothed (the book's smooth_curve, centred)",
        ko: "매끄럽게 한 추세(책의 smooth_curve, 가운데 맞춤)",
    }
    /// The accuracy panel.
    ACCURACY_EACH_EPOCH = "pictures.accuracy-each-epoch" {
        en: "accuracy after each epoch",
        ko: "에폭마다의 정확도",
    }
    /// The epoch axis.
    EPOCH = "pictures.epoch" { en: "epoch", ko: "에폭" }
    /// The accuracy axis.
    ACCURACY = "pictures.accuracy" { en: "accuracy", ko: "정확도" }
    /// The training accuracy curve.
    TRAIN_ACC = "pictures.train-acc" { en: "train acc", ko: "훈련 정확도" }
    /// The test accuracy curve.
    TEST_ACC = "pictures.test-acc" { en: "test acc", ko: "시험 정확도" }
    /// The final weights' accuracies.
    FINAL_WEIGHTS = "pictures.final-weights" {
        en: "final weights, after {iters} iterations",
        ko: "최종 매개변수({iters}번 반복 뒤)",
    }
    /// The image an `apply-filter` picture starts with.
    THE_IMAGE = "pictures.the-image" { en: "the image", ko: "원래 이미지" }
    /// One filter's output under it, in `apply-filter`'s picture.
    FILTER_N = "pictures.filter-n" { en: "filter {n}", ko: "필터 {n}" }
    /// The title of `visualize-filter`'s picture (figure 7-24).
    FILTERS_TITLE = "pictures.filters-title" {
        en: "the first layer's {count} filters, {state}",
        ko: "첫 번째 층의 필터 {count}개, {state}",
    }
    /// The filters of a network as first drawn, in [`FILTERS_TITLE`].
    BEFORE_TRAINING = "pictures.before-training" {
        en: "before training (seed {seed})",
        ko: "학습 전(시드 {seed})",
    }
    /// The filters of a saved network, in [`FILTERS_TITLE`].
    AFTER_TRAINING = "pictures.after-training" { en: "after training", ko: "학습 후" }
    /// The title of `apply-filter`'s picture.
    APPLY_FILTER_TITLE = "pictures.apply-filter-title" {
        en: "test image {index} (a {label}) through the first {count} filters",
        ko: "시험 이미지 {index}번(숫자 {label})에 필터 {count}개를 적용한 결과",
    }
    /// The title of `misclassified`'s picture (figure 8-3).
    MISCLASSIFIED_TITLE = "pictures.misclassified-title" {
        en: "the first {count} test images misclassified: label → prediction",
        ko: "잘못 인식한 시험 이미지 처음 {count}장: 정답 → 예측",
    }
    /// The digit picture's bar chart.
    PROBABILITY_EACH_DIGIT = "pictures.probability-each-digit" {
        en: "probability of each digit",
        ko: "숫자마다의 확률",
    }
    /// The digit axis.
    DIGIT = "pictures.digit" { en: "digit", ko: "숫자" }
    /// The predicted digit, which is the true label.
    PREDICTED_TRUE = "pictures.predicted-true" {
        en: "predicted {digit}, the true label",
        ko: "예측 {digit}(정답 레이블)",
    }
    /// The predicted digit.
    PREDICTED = "pictures.predicted" { en: "predicted {digit}", ko: "예측 {digit}" }
    /// The true label.
    TRUE_LABEL = "pictures.true-label" { en: "true label {digit}", ko: "정답 레이블 {digit}" }
    /// A Korean PNG whose text has a letter the embedded Hangul font lacks.
    NO_LETTER = "pictures.no-letter" {
        en: "the PNG's Hangul font has no letter for {letters} (it has the 2,350 syllables of \
             KS X 1001): save the picture as .svg, which your viewer's fonts draw, or write the \
             title without them",
        ko: "PNG에 쓰는 한글 글꼴에는 {letters} 글자가 없습니다(KS X 1001의 한글 2,350자만 있습니다). \
             그림을 .svg로 저장하면 보는 프로그램의 글꼴로 그려집니다. 아니면 그 글자를 빼고 제목을 \
             써 주세요.",
    }
    /// The histograms of activations: `{activation}` is the function, `{init}` the weights'
    /// scale.
    ACTIVATION_HISTOGRAM = "pictures.activation-histogram" {
        en: "{activation}, initial weights {init}: each layer's activations (1,000 random inputs, 100 units a layer)",
        ko: "{activation}, 가중치 초깃값 {init}: 각 층의 활성화값(무작위 입력 1,000개, 층마다 뉴런 100개)",
    }
    /// A layer's panel, as the book titles it (`1-layer`).
    LAYER_N = "pictures.layer-n" { en: "{layer}-layer", ko: "{layer}층" }
    /// The histograms' x axis.
    ACTIVATION_VALUE = "pictures.activation-value" { en: "activation", ko: "활성화값" }
    /// The histograms' y axis.
    COUNT = "pictures.count" { en: "count", ko: "개수" }
    /// The loss curves by initial weights (figure 6-15): `{iters}` iterations, mini-batches of
    /// `{batch}`.
    WEIGHT_INIT_COMPARE = "pictures.weight-init-compare" {
        en: "The loss by initial weights ({iters} iterations, mini-batches of {batch})",
        ko: "가중치 초깃값에 따른 손실(반복 {iters}번, 미니배치 크기 {batch})",
    }
    /// The grid of accuracies with and without Batch Normalization (figure 6-19).
    BATCH_NORM_TEST = "pictures.batch-norm-test" {
        en: "Training accuracy by the initial weights' standard deviation W ({images} images)",
        ko: "가중치 초깃값의 표준편차 W에 따른 훈련 정확도(이미지 {images}장)",
    }
    /// The legend of the network with Batch Normalization (the book's `Batch Normalization`).
    WITH_BATCH_NORM = "pictures.with-batch-norm" {
        en: "Batch Normalization",
        ko: "배치 정규화",
    }
    /// The legend of the network without it (the book's `Normal(without BatchNorm)`).
    WITHOUT_BATCH_NORM = "pictures.without-batch-norm" {
        en: "Normal (without BatchNorm)",
        ko: "일반(배치 정규화 없음)",
    }
    /// The overfitting figure's title: `{script}` is the book's script, `{train}` the number of
    /// training images, `{figure}` the book's figure.
    OVERFIT_TITLE = "pictures.overfit-title" {
        en: "{script} (figure {figure}): trained on {train} images only",
        ko: "{script}(그림 {figure}): 훈련 이미지 {train}장만으로 학습",
    }
    /// A run's panel: its cure (or none) and the gap at its end.
    OVERFIT_PANEL = "pictures.overfit-panel" {
        en: "{cure}: train − test = {gap} at the end",
        ko: "{cure}: 마지막 에폭의 훈련 − 시험 = {gap}",
    }
    /// The hyperparameter search's title.
    SEARCH_TITLE = "pictures.search-title" {
        en: "hyperparameter_optimization.py: the best {shown} of {trials} trials, validation (solid) and training (dashed) accuracy over {epochs} epochs (figure 6-24)",
        ko: "hyperparameter_optimization.py: 시도 {trials}번 가운데 상위 {shown}개, {epochs}에폭 동안의 검증 정확도(실선)와 훈련 정확도(점선)(그림 6-24)",
    }
    /// A trial's panel, `{k}` its rank (the book titles it `Best-k`), with its learning rate
    /// and weight decay.
    SEARCH_PANEL = "pictures.search-panel" {
        en: "Best-{k}: lr {lr}, λ {weight_decay}",
        ko: "Best-{k}: 학습률 {lr}, λ {weight_decay}",
    }
    /// The validation accuracy curve.
    VAL_ACC = "pictures.val-acc" { en: "val acc", ko: "검증 정확도" }
}
