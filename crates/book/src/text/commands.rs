//! What the commands print: their first lines, progress, reports and the sentences of their
//! errors and what to do about them.

super::texts! {
    /// `train`'s first line: the network, the data and every setting.
    TRAIN_DESCRIBE = "commands.train-describe" {
        en: "training {net} on {images} MNIST images: {iters} iterations of batch {batch}, {rule} \
             {settings}, {grad} gradient{dtype}{sampled}, seed {seed}{resuming}",
        ko: "{net} 신경망을 MNIST 이미지 {images}장으로 학습합니다. 배치 크기 {batch}, 반복 \
             {iters}번, 갱신 방법 {rule}({settings}), 기울기 계산 {grad}{dtype}{sampled}, 시드 \
             {seed}{resuming}.",
    }
    /// Epochs measured on samples, in [`TRAIN_DESCRIBE`].
    TRAIN_SAMPLED = "commands.train-sampled" {
        en: ", each epoch's accuracies on the first {n} images of each set",
        ko: ", 에폭마다의 정확도는 각 데이터의 처음 {n}장으로 측정",
    }
    /// The float type of the engine's run, in [`TRAIN_DESCRIBE`].
    TRAIN_IN_DTYPE = "commands.train-in-dtype" { en: " in {dtype}", ko: "({dtype})" }
    /// A resumed run, in [`TRAIN_DESCRIBE`].
    TRAIN_RESUMING = "commands.train-resuming" {
        en: ", resuming at iteration {iter}",
        ko: ", {iter}번째 반복부터 이어서",
    }
    /// A divergence the run goes on through.
    DIVERGENCE_WARNING = "commands.divergence-warning" {
        en: "warning: at iteration {iter} the loss jumped to {loss}, far above the {guess} of guessing, \
             and the next {window} iterations averaged {mean}: the learning rate may be too large. \
             The run goes on (--stop-on-divergence stops it)",
        ko: "경고: {iter}번째 반복에서 손실이 {loss}까지 치솟았습니다. 무작위로 찍을 때의 손실 {guess}보다 \
             훨씬 크고, 그 뒤 {window}번 반복의 평균도 {mean}입니다. 학습률이 너무 클 수 있습니다. \
             학습은 계속합니다(--stop-on-divergence 옵션을 주면 멈춥니다).",
    }
    /// The progress bar's message with backpropagation.
    PROGRESS_LOSS = "commands.progress-loss" { en: "loss {loss}", ko: "손실 {loss}" }
    /// The progress bar's message with a numerical gradient.
    PROGRESS_NUMERICAL = "commands.progress-numerical" {
        en: "loss {loss}  {grad} gradient: {seconds} s per iteration, {minutes} min to go \
             (backprop takes milliseconds)",
        ko: "손실 {loss}  기울기 계산 {grad}: 반복마다 {seconds}초, 남은 시간 {minutes}분(오차역전파법은 \
             몇 밀리초면 됩니다)",
    }
    /// The progress bar's time: elapsed and left.
    PROGRESS_TIME = "commands.progress-time" {
        en: "{elapsed} elapsed, eta {eta}",
        ko: "{elapsed} 지남, 남은 시간 {eta}",
    }
    /// While the accuracies are measured.
    MEASURING = "commands.measuring" {
        en: "measuring accuracy on {images} images",
        ko: "이미지 {images}장으로 정확도를 재는 중",
    }
    /// A training stopped by Ctrl-C.
    INTERRUPTED = "commands.interrupted" {
        en: "interrupted after iteration {iter}: checkpoint written to {dir}{weights}; continue with \
             `scratchnet train --resume {dir}`",
        ko: "{iter}번째 반복 뒤에 중단했습니다. 체크포인트를 {dir}에 썼습니다{weights}. \
             `scratchnet train --resume {dir}` 명령으로 이어서 학습할 수 있습니다.",
    }
    /// The weights written when a training is interrupted.
    INTERRUPTED_WEIGHTS = "commands.interrupted-weights" {
        en: ", the weights so far to {path}",
        ko: "(지금까지의 매개변수는 {path})",
    }
    /// `--resume` of a run that has done all its iterations.
    FINISHED_ALREADY = "commands.finished-already" {
        en: "the run in {dir} has finished: {done} of {done} iterations{accuracy}. To train further, \
             give a larger total: scratchnet train --resume {dir} --iters {more}",
        ko: "{dir}의 학습은 이미 끝났습니다. 반복 {done}번 중 {done}번을 마쳤습니다{accuracy}. 더 \
             학습하려면 반복 횟수를 늘려 주세요: scratchnet train --resume {dir} --iters {more}",
    }
    /// The accuracies in [`FINISHED_ALREADY`].
    FINISHED_ACCURACY = "commands.finished-accuracy" {
        en: " (final weights: train acc {train}, test acc {test})",
        ko: "(최종 매개변수의 훈련 정확도 {train}, 시험 정확도 {test})",
    }
    /// A training whose loss blew up: the error.
    TRAIN_DIVERGED = "commands.train-diverged" {
        en: "training diverged: {what}. The learning rate {lr} is too large: try a smaller one, such \
             as {smaller}{saved}",
        ko: "학습이 발산했습니다. {what} 학습률({lr})이 너무 큽니다. {smaller}처럼 더 작은 값을 써 \
             보세요.{saved}",
    }
    /// The spike that stopped a run (`--stop-on-divergence`).
    TRAIN_SPIKE = "commands.train-spike" {
        en: "at iteration {iter} the loss jumped to {loss}, far above the {guess} of guessing at random, \
             and the next {window} iterations averaged {mean}, not half-way down from guessing \
             (--stop-on-divergence)",
        ko: "{iter}번째 반복에서 손실이 {loss}까지 치솟았습니다. 무작위로 찍을 때의 손실 {guess}보다 훨씬 \
             크고, 그 뒤 {window}번 반복의 평균 {mean}도 무작위로 찍을 때 손실의 절반 아래로 내려오지 \
             못했습니다(--stop-on-divergence).",
    }
    /// A loss or weight that is not finite.
    TRAIN_NOT_FINITE = "commands.train-not-finite" {
        en: "at iteration {iter} the loss or a weight became {loss}",
        ko: "{iter}번째 반복에서 손실이나 가중치가 유한한 수가 아니게 되었습니다({loss}).",
    }
    /// What was saved of a diverged run.
    TRAIN_SAVED = "commands.train-saved" { en: ". Saved: {list}", ko: " 저장한 것: {list}" }
    /// The weights saved of a diverged run, where it stopped.
    SAVED_WEIGHTS_STOPPED = "commands.saved-weights-stopped" {
        en: "the weights after {iters} iterations, where it stopped, in {path}",
        ko: "멈춘 곳인 {iters}번째 반복 뒤의 매개변수({path})",
    }
    /// The weights saved of a diverged run, the last known finite.
    SAVED_WEIGHTS_FINITE = "commands.saved-weights-finite" {
        en: "the weights after {iters} iterations, the last known finite, in {path}",
        ko: "유한했던 마지막 매개변수인 {iters}번째 반복 뒤의 매개변수({path})",
    }
    /// The history saved of a diverged run.
    SAVED_HISTORY = "commands.saved-history" {
        en: "the history up to there in {path}",
        ko: "그때까지의 기록({path})",
    }
    /// The learning curves saved of a diverged run.
    SAVED_CURVES = "commands.saved-curves" {
        en: "its learning curves in {path}",
        ko: "학습 곡선({path})",
    }
    /// `train --plot`'s title.
    TRAIN_PLOT_TITLE = "commands.train-plot-title" {
        en: "{net}, {rule} {settings}, batch {batch}",
        ko: "{net}, 배치 크기 {batch}, {rule}({settings})",
    }
    /// `evaluate`'s first line.
    EVALUATE_LINE = "commands.evaluate-line" {
        en: "{model} ({net}): test accuracy {acc} ({right} of {n} images)",
        ko: "{model}({net}): 시험 정확도 {acc}(이미지 {n}장 중 {right}장)",
    }
    /// The confusion matrix's heading.
    CONFUSION = "commands.confusion" {
        en: "confusion matrix: rows are the true digit, columns the predicted one",
        ko: "혼동 행렬: 행은 정답 숫자, 열은 예측한 숫자입니다",
    }
    /// `predict`'s heading.
    PREDICT_IMAGE = "commands.predict-image" { en: "test image {index}:", ko: "시험 이미지 {index}:" }
    /// `predict`'s verdict, right.
    PREDICT_RIGHT = "commands.predict-right" {
        en: "label {label}, predicted {predicted} (right)",
        ko: "정답 {label}, 예측 {predicted}(맞음)",
    }
    /// `predict`'s verdict, wrong.
    PREDICT_WRONG = "commands.predict-wrong" {
        en: "label {label}, predicted {predicted} (wrong)",
        ko: "정답 {label}, 예측 {predicted}(틀림)",
    }
    /// `predict --plot`'s title.
    PREDICT_TITLE = "commands.predict-title" {
        en: "test image {index}: label {label}, predicted {predicted}",
        ko: "시험 이미지 {index}: 정답 {label}, 예측 {predicted}",
    }
    /// `fetch-mnist`'s first line.
    FETCH_INTO = "commands.fetch-into" {
        en: "downloading MNIST into {dir}",
        ko: "MNIST를 {dir}에 내려받습니다",
    }
    /// A file already there.
    FETCH_THERE = "commands.fetch-there" {
        en: "{file}: already there, checksum verified",
        ko: "{file}: 이미 있습니다. 체크섬을 확인했습니다",
    }
    /// The mirror a file comes from.
    FETCH_FROM = "commands.fetch-from" { en: "from {url}", ko: "받는 곳: {url}" }
    /// A file downloaded.
    FETCH_DONE = "commands.fetch-done" {
        en: "{file}: downloaded, checksum verified",
        ko: "{file}: 내려받았습니다. 체크섬을 확인했습니다",
    }
    /// A mirror that failed.
    FETCH_FAILED = "commands.fetch-failed" { en: "{url} failed: {reason}{next}", ko: "{url} 실패: {reason}{next}" }
    /// The next mirror is tried.
    FETCH_NEXT = "commands.fetch-next" { en: "; trying the next mirror", ko: ". 다음 미러에서 받아 봅니다" }
    /// All four files are there.
    FETCH_READY = "commands.fetch-ready" { en: "MNIST is ready in {dir}", ko: "MNIST가 {dir}에 준비되었습니다" }
    /// A download stopped by Ctrl-C.
    FETCH_STOPPED = "commands.fetch-stopped" {
        en: "download stopped; the partial file was removed. Run `scratchnet fetch-mnist{dir}` again \
             to finish: the files already checked are kept",
        ko: "내려받기를 멈췄습니다. 받다 만 파일은 지웠고, 이미 확인한 파일은 그대로 둡니다. 마저 \
             받으려면 `scratchnet fetch-mnist{dir}` 명령을 다시 실행하세요.",
    }
    /// `serve`'s first line.
    SERVE_AT = "commands.serve-at" {
        en: "scratchnet playground: {url}  (Ctrl-C stops it)",
        ko: "scratchnet 놀이터: {url}  (Ctrl-C로 멈춥니다)",
    }
    /// `serve` stopped.
    SERVE_STOPPED = "commands.serve-stopped" { en: "stopped", ko: "멈췄습니다" }
    /// No browser to open the playground in.
    NO_BROWSER = "commands.no-browser" {
        en: "no browser found to open: visit {url} yourself",
        ko: "열 수 있는 브라우저를 찾지 못했습니다. {url}에 직접 접속하세요",
    }
    /// `gradcheck`'s heading.
    GRADCHECK_HEAD = "commands.gradcheck-head" {
        en: "gradient check: TwoLayerNet 784-{hidden}-10 ({activation}), {images} training images: \
             backprop against the numerical gradient",
        ko: "기울기 확인: TwoLayerNet 784-{hidden}-10({activation}), 훈련 이미지 {images}장. \
             오차역전파법으로 구한 기울기를 수치 미분과 비교합니다",
    }
    /// `gradcheck`'s column: the parameter.
    COLUMN_PARAM = "commands.column-param" { en: "param", ko: "매개변수" }
    /// `gradcheck`'s column: the mean difference.
    COLUMN_MEAN_DIFF = "commands.column-mean-diff" { en: "mean |diff|", ko: "평균 |차이|" }
    /// `gradcheck`'s column: the largest difference.
    COLUMN_MAX_DIFF = "commands.column-max-diff" { en: "max |diff|", ko: "최대 |차이|" }
    /// `gradcheck`'s column: the largest relative error.
    COLUMN_MAX_REL = "commands.column-max-rel" { en: "max rel error", ko: "최대 상대 오차" }
    /// `gradcheck`'s column: the entries at a ReLU kink.
    COLUMN_AT_KINK = "commands.column-at-kink" { en: "at a kink", ko: "꺾인 점 근처" }
    /// `gradcheck`'s column: their largest difference.
    COLUMN_KINK_MAX = "commands.column-kink-max" { en: "their max |diff|", ko: "그곳의 최대 |차이|" }
    /// Where ReLU's kinks are, and why their entries are not judged.
    GRADCHECK_KINKS = "commands.gradcheck-kinks" {
        en: "ReLU kinks: {units} {have} a pre-activation a = x·W1 + b1 within h = {h} of 0, so nudging\n\
             W1 or b1 by ±h moves it across ReLU's kink and the central difference averages the slopes\n\
             on both sides instead of taking one. The {entries} entries this touches are not judged:\n\
             backprop is right there, the numerical gradient is not.",
        ko: "ReLU의 꺾인 점: {units}{have} 활성화 함수에 들어가는 값 a = x·W1 + b1의 절댓값이\n\
             h = {h} 이내입니다. 그래서 W1 또는 b1의 원소를 ±h만큼 움직이면 a가 ReLU의 꺾인 점을 넘나들고,\n\
             중앙 차분은 한쪽 기울기가 아니라 양쪽 기울기의 평균을 구하게 됩니다. 이 영향을 받는 원소\n\
             {entries}개는 판정에서 뺍니다. 그곳에서 맞는 쪽은 오차역전파법이고, 틀리는 쪽은 수치 미분입니다.",
    }
    /// A unit at a kink, in [`GRADCHECK_KINKS`].
    GRADCHECK_KINK_UNIT = "commands.gradcheck-kink-unit" {
        en: "image {image} unit {unit} (a = {a})",
        ko: "이미지 {image}의 뉴런 {unit}(a = {a})",
    }
    /// One kink, in [`GRADCHECK_KINKS`].
    GRADCHECK_HAS = "commands.gradcheck-has" { en: "has", ko: "에서" }
    /// Several kinks, in [`GRADCHECK_KINKS`].
    GRADCHECK_HAVE_EACH = "commands.gradcheck-have-each" { en: "have each", ko: "에서 각각" }
    /// The verdict, passed.
    GRADCHECK_PASSED = "commands.gradcheck-passed" {
        en: "passed: every max |diff|{away} ≤ {tolerance}",
        ko: "통과: {away}모든 최대 |차이|가 {tolerance} 이하입니다",
    }
    /// The verdict, failed.
    GRADCHECK_FAILED = "commands.gradcheck-failed" {
        en: "FAILED: every max |diff|{away} must be ≤ {tolerance}",
        ko: "실패: {away}모든 최대 |차이|가 {tolerance} 이하여야 합니다",
    }
    /// Away from the kinks, in the verdict.
    GRADCHECK_AWAY = "commands.gradcheck-away" { en: " away from the kinks", ko: "꺾인 점 근처를 빼면 " }
    /// The numerical gradient's time, said before it starts.
    GRADCHECK_TAKES = "commands.gradcheck-takes" {
        en: "the numerical gradient takes {passes} forward passes of the network: about {about}",
        ko: "수치 미분에는 신경망의 순전파가 {passes}번 필요합니다. 약 {about} 걸립니다",
    }
    /// The spinner while the numerical gradient runs.
    GRADCHECK_SPINNER = "commands.gradcheck-spinner" { en: "{elapsed} of about {about}", ko: "{elapsed} 지남(예상 {about})" }
    /// Seconds.
    SECONDS = "commands.seconds" { en: "{n} s", ko: "{n}초" }
    /// Minutes.
    MINUTES = "commands.minutes" { en: "{n} min", ko: "{n}분" }
    /// The error of a failed check.
    GRADCHECK_DISAGREE = "commands.gradcheck-disagree" {
        en: "the gradients disagree beyond {tolerance}: backpropagation has a bug",
        ko: "두 기울기가 {tolerance}보다 크게 다릅니다. 오차역전파법 구현에 버그가 있습니다",
    }
    /// `compare`'s picture title.
    COMPARE_TITLE = "commands.compare-title" {
        en: "{steps} steps on f = {f} from ({x0}, {x1})",
        ko: "f = {f}에서 ({x0}, {x1})부터 {steps}번 반복",
    }
    /// `compare-mnist`: one rule's line.
    COMPARE_MNIST_LINE = "commands.compare-mnist-line" {
        en: "{rule} lr {lr} loss: first 100 iterations {first}, last 100 {last}; test acc {acc}  ({seconds} s{diverged})",
        ko: "{rule} 학습률 {lr} 손실: 처음 100번 평균 {first}, 마지막 100번 평균 {last}, 시험 정확도 {acc}  ({seconds}초{diverged})",
    }
    /// `compare-mnist`: a rule whose loss diverged.
    COMPARE_MNIST_DIVERGED = "commands.compare-mnist-diverged" { en: ", diverged", ko: ", 발산" }
    /// `compare-mnist`'s picture title.
    COMPARE_MNIST_TITLE = "commands.compare-mnist-title" {
        en: "TwoLayerNet 784-{hidden}-10 (ReLU) on MNIST, batch {batch}",
        ko: "MNIST로 학습한 TwoLayerNet 784-{hidden}-10(ReLU), 배치 크기 {batch}",
    }
    /// `diff`'s report: the value, the numerical and analytic derivatives, the tangent line.
    DIFF_REPORT = "commands.diff-report" {
        en: "f(x) = {formula} ({f}) at x = {at}: f(x) = {value}\n\
             numerical_diff (central difference, h = 1e-4): {slope}\n\
             exact derivative: {exact} (difference {difference})\n\
             tangent line: y = {slope}·x {sign} {intercept}\n",
        ko: "f(x) = {formula} ({f}), x = {at}에서 f(x) = {value}\n\
             numerical_diff(중앙 차분, h = 1e-4): {slope}\n\
             해석적 미분: {exact}(차이 {difference})\n\
             접선: y = {slope}·x {sign} {intercept}\n",
    }
    /// `descend`'s heading.
    DESCEND_HEAD = "commands.descend-head" {
        en: "f(x) = {formula} ({f}), {steps} steps of {rule}, ∇f {how}",
        ko: "f(x) = {formula} ({f}), 갱신 방법 {rule}, 반복 {steps}번, ∇f는 {how}",
    }
    /// How ∇f is taken: numerically.
    BY_CENTRAL_DIFFERENCE = "commands.by-central-difference" {
        en: "by central difference (h = {h})",
        ko: "중앙 차분으로 구합니다(h = {h})",
    }
    /// How ∇f is taken: from the formula.
    FROM_THE_FORMULA = "commands.from-the-formula" {
        en: "exact, from the formula",
        ko: "공식에서 정확하게 구합니다",
    }
    /// A run's name before its diagnosis: start and learning rate.
    RUN_OF = "commands.run-of" { en: "{start} lr {lr}", ko: "{start}, 학습률 {lr}" }
    /// A table column: the starting point.
    COLUMN_INIT = "commands.column-init" { en: "init", ko: "시작점" }
    /// A table column: the learning rate.
    COLUMN_LR = "commands.column-lr" { en: "lr", ko: "학습률" }
    /// A table column: the final point.
    COLUMN_FINAL_X = "commands.column-final-x" { en: "final x", ko: "마지막 x" }
    /// A table column: f at the final point.
    COLUMN_FINAL_F = "commands.column-final-f" { en: "f(final x)", ko: "f(마지막 x)" }
    /// A table column: the diagnosis.
    COLUMN_DIAGNOSIS = "commands.column-diagnosis" { en: "diagnosis", ko: "진단" }
    /// `help` of a command that is not there.
    NO_SUCH_COMMAND = "commands.no-such-command" {
        en: "there is no command '{name}'",
        ko: "없는 명령입니다: '{name}'",
    }
    /// `descend --trace`'s heading.
    STEP_BY_STEP = "commands.step-by-step" { en: "{run}, step by step:", ko: "{run}, 반복마다:" }
    /// A table column: the step.
    COLUMN_STEP = "commands.column-step" { en: "step", ko: "반복" }
    /// `field`'s heading.
    FIELD_HEAD = "commands.field-head" {
        en: "−∇f of f(x) = {formula} on a {n} x {n} grid, x0 and x1 from {first} to {last}: each \
             arrow points downhill",
        ko: "f(x) = {formula}의 −∇f, {n} x {n} 격자(x0, x1 모두 {first}부터 {last}까지): 화살표는 \
             모두 내리막을 가리킵니다",
    }
    /// `field`'s last line.
    FIELD_LONGEST = "commands.field-longest" {
        en: "the longest arrow: |∇f| = {longest}; · marks a point where the gradient vanishes",
        ko: "가장 긴 화살표: |∇f| = {longest}; ·: 기울기가 0인 점",
    }
    /// `simplenet`: the correct class.
    CORRECT_CLASS = "commands.correct-class" { en: "correct class", ko: "정답 클래스" }
    /// `simplenet`: how dW is taken.
    NUMERICAL_GRADIENT = "commands.numerical-gradient" { en: "numerical gradient", ko: "수치 미분" }
    /// `compare`'s heading.
    COMPARE_HEAD = "commands.compare-head" {
        en: "{steps} steps on f(x) = {formula} ({f}) from {start}",
        ko: "f(x) = {formula} ({f}), 시작점 {start}에서 {steps}번 반복",
    }
    /// A table column: the update rule.
    COLUMN_OPTIMIZER = "commands.column-optimizer" { en: "optimizer", ko: "갱신 방법" }
    /// A table column: the distance to the minimum.
    COLUMN_TO_MINIMUM = "commands.column-to-minimum" { en: "to minimum", ko: "최소점까지" }
    /// A picture written.
    PICTURE = "commands.picture" { en: "picture: {path}", ko: "그림: {path}" }
    /// `visualize-filter`: the filters drawn.
    FILTERS_LINE = "commands.filters-line" {
        en: "{count} filters of {size}×{size}, weights from {lo} to {hi}",
        ko: "{size}×{size} 필터 {count}개, 가중치는 {lo}부터 {hi}까지",
    }
    /// `apply-filter`: the image and the filters applied.
    APPLY_FILTER_LINE = "commands.apply-filter-line" {
        en: "test image {index} (a {label}) through the first {count} filters, without their \
             biases: outputs from {lo} to {hi}",
        ko: "시험 이미지 {index}번(숫자 {label})에 처음 필터 {count}개를 편향 없이 적용: 출력은 \
             {lo}부터 {hi}까지",
    }
    /// `misclassified`: the test accuracy, as the book's script prints it first.
    MISCLASSIFIED_ACCURACY = "commands.misclassified-accuracy" {
        en: "test accuracy: {acc} ({wrong} of {n} test images misclassified)",
        ko: "시험 정확도: {acc}(시험 이미지 {n}장 중 {wrong}장을 잘못 인식)",
    }
    /// `misclassified`: the heading of the book's dictionary of misclassified images.
    MISCLASSIFIED_HEADING = "commands.misclassified-heading" {
        en: "======= misclassified result =======\n{view index: (label, inference), ...}",
        ko: "======= 잘못 인식한 결과 =======\n{보기 번호: (정답, 추론), ...}",
    }
    /// `misclassified --plot` when every test image is right.
    NOTHING_MISCLASSIFIED = "commands.nothing-misclassified" {
        en: "no test image is misclassified: there is nothing to draw",
        ko: "잘못 인식한 시험 이미지가 없어서 그릴 것이 없습니다",
    }
    /// A history written.
    HISTORY = "commands.history" { en: "history: {path}", ko: "기록: {path}" }
    /// Learning curves written.
    CURVES = "commands.curves" { en: "learning curves: {path}", ko: "학습 곡선: {path}" }
    /// Weights written.
    WEIGHTS = "commands.weights" { en: "weights: {path}", ko: "매개변수: {path}" }
    /// A checkpoint written.
    CHECKPOINT = "commands.checkpoint" { en: "checkpoint: {path}", ko: "체크포인트: {path}" }
    /// The word before an error.
    ERROR = "commands.error" { en: "error: {message}", ko: "오류: {message}" }
    /// What to do when MNIST is missing.
    FIX_DATA_MISSING = "commands.fix-data-missing" {
        en: "to fix it: get MNIST with `scratchnet fetch-mnist --dir {dir}`, or point --data (or \
             $SCRATCHNET_DATA) at the directory that holds the four files; with neither, scratchnet \
             uses the cache directory or its built-in slice",
        ko: "해결 방법: `scratchnet fetch-mnist --dir {dir}` 명령으로 MNIST를 내려받거나, 네 파일이 \
             있는 디렉터리를 --data 옵션이나 환경 변수 $SCRATCHNET_DATA에 지정해 주세요. 둘 다 주지 \
             않으면 scratchnet은 캐시 디렉터리나 내장된 일부를 씁니다.",
    }
    /// `scratchnet weight-init-histogram`'s heading.
    INIT_HISTOGRAM_HEADING = "commands.init-histogram-heading" {
        en: "The book's weight_init_activation_histogram.py: 1,000 random inputs through five layers \
             of 100 units, {activation} after each, initial weights {init}. Each layer's \
             activations, 30 bars from {lo} to {hi}:",
        ko: "책의 weight_init_activation_histogram.py: 무작위 입력 1,000개를 뉴런 100개짜리 층 다섯 개에 \
             통과시킵니다. 활성화 함수는 {activation}, 가중치 초깃값은 {init}입니다. 각 층의 활성화값을 \
             {lo}부터 {hi}까지 막대 30개로 나타냅니다:",
    }
    /// Below ReLU's histograms: the first bar is cut.
    RELU_ZEROS = "commands.relu-zeros" {
        en: "The first bar holds the activations ReLU turned to exactly 0: {zeros} of the 100,000 of each layer (1,000 inputs × 100 units). It is cut at the top so that the rest can be seen, as in the book's figure.",
        ko: "첫 막대에는 ReLU가 0으로 만든(정확히 0인) 활성화값이 모입니다. 층마다 100,000개(입력 1,000개 × 뉴런 100개) 가운데 각각 {zeros}개입니다. 나머지가 보이도록 책의 그림처럼 그 막대의 위를 잘랐습니다.",
    }
    /// `scratchnet weight-init-compare`'s heading.
    WEIGHT_INIT_COMPARE_HEADING = "commands.weight-init-compare-heading" {
        en: "The book's weight_init_compare.py: three MultiLayerNet networks 784-100-100-100-100-10 \
             with ReLU, alike but for their initial weights (std=0.01, Xavier, He), trained side by \
             side by SGD (lr 0.01) on the same {iters} mini-batches of {batch} images. Each one's \
             loss on the mini-batch, every 100 iterations:",
        ko: "책의 weight_init_compare.py: 784-100-100-100-100-10 MultiLayerNet(ReLU) 세 개를 가중치 \
             초깃값(std=0.01, Xavier, He)만 다르게 하여, 같은 미니배치(이미지 {batch}장)로 {iters}번 \
             반복하며 SGD(학습률 0.01)로 나란히 학습합니다. 100번 반복할 때마다 각 신경망의 미니배치 \
             손실을 보여 줍니다:",
    }
    /// The iteration column of `weight-init-compare`.
    COLUMN_ITERATION = "commands.column-iteration" { en: "iteration", ko: "반복" }
    /// Above the ends of the smoothed loss curves.
    WEIGHT_INIT_COMPARE_ENDS = "commands.weight-init-compare-ends" {
        en: "Where each loss curve ends, smoothed as the book draws it (smooth_curve):",
        ko: "책의 그림처럼 매끄럽게 한(smooth_curve) 손실 곡선이 끝나는 값:",
    }
    /// A network whose smoothed loss fell well below ln 10.
    LEARNS = "commands.learns" {
        en: "learns",
        ko: "학습합니다",
    }
    /// A network whose smoothed loss stayed near ln 10.
    DOES_NOT_LEARN = "commands.does-not-learn" {
        en: "does not learn: still near ln 10 = 2.30, the loss of a network that gives the 10 \
             classes the same probability",
        ko: "학습하지 못합니다: 손실이 아직 ln 10 = 2.30(10개 클래스에 모두 같은 확률을 주는 신경망의 손실) 근처입니다",
    }
    /// `weight-init-compare`: the book's finding, seen.
    WEIGHT_INIT_COMPARE_AS_BOOK = "commands.weight-init-compare-as-book" {
        en: "As in the book's figure 6-15: with He's initial weights the network learns, with \
             std=0.01 it does not. Its signals shrink layer after layer, and so do the gradients \
             that would change its weights.",
        ko: "책의 그림 6-15와 같습니다: He 초깃값을 쓴 신경망은 학습하고, std=0.01을 쓴 신경망은 \
             학습하지 못합니다. 층을 지날 때마다 신호가 작아지고, 가중치를 갱신할 기울기도 함께 \
             작아지기 때문입니다.",
    }
    /// `weight-init-compare`: the book's finding, not seen (yet).
    WEIGHT_INIT_COMPARE_NOT_YET = "commands.weight-init-compare-not-yet" {
        en: "Not yet the book's finding after {iters} iterations (figure 6-15: He learns, std=0.01 \
             does not): the book runs 2000.",
        ko: "{iters}번 반복한 지금은 아직 책의 결과(그림 6-15: He는 학습하고 std=0.01은 학습하지 \
             못함)와 다릅니다. 책은 2000번 반복합니다.",
    }
    /// `scratchnet batch-norm-test`'s heading.
    BATCH_NORM_TEST_HEADING = "commands.batch-norm-test-heading" {
        en: "The book's batch_norm_test.py: for each standard deviation W of the initial weights, \
             two MultiLayerNetExtend networks 784-100-100-100-100-100-10 with ReLU, one with Batch \
             Normalization, trained side by side by SGD (lr 0.01) on the first {images} training \
             images in mini-batches of 100, for {epochs} epochs. The training accuracy at the end:",
        ko: "책의 batch_norm_test.py: 가중치 초깃값의 표준편차 W마다 784-100-100-100-100-100-10 \
             MultiLayerNetExtend(ReLU) 두 개를 하나는 배치 정규화를 써서, 하나는 쓰지 않고 훈련 \
             데이터의 처음 {images}장으로 미니배치 크기 100, {epochs}에폭 동안 SGD(학습률 0.01)로 \
             나란히 학습합니다. 마지막 훈련 정확도:",
    }
    /// The column of the scale's number, `1/16`.
    COLUMN_SCALE = "commands.column-scale" { en: "scale", ko: "번호" }
    /// The column of the network without Batch Normalization.
    COLUMN_WITHOUT_BATCH_NORM = "commands.column-without-batch-norm" {
        en: "without Batch Norm",
        ko: "배치 정규화 없음",
    }
    /// The column of the network with Batch Normalization.
    COLUMN_WITH_BATCH_NORM = "commands.column-with-batch-norm" {
        en: "with Batch Norm",
        ko: "배치 정규화 사용",
    }
    /// A scale at which the network with Batch Normalization ended ahead.
    BATCH_NORM_AHEAD_MARK = "commands.batch-norm-ahead-mark" {
        en: "Batch Norm ahead",
        ko: "배치 정규화가 앞섬",
    }
    /// How many scales Batch Normalization was ahead at.
    BATCH_NORM_AHEAD = "commands.batch-norm-ahead" {
        en: "With Batch Normalization the network ended ahead at {ahead} of {scales} scales.",
        ko: "배치 정규화를 쓴 신경망이 표준편차 {scales}개 가운데 {ahead}개에서 앞섰습니다.",
    }
    /// `batch-norm-test`: the book's finding, seen.
    BATCH_NORM_AS_BOOK = "commands.batch-norm-as-book" {
        en: "As in the book's figure 6-19: with Batch Normalization the network learns at most \
             scales, and faster; without it, only where the scale suits it.",
        ko: "책의 그림 6-19와 같습니다: 배치 정규화를 쓰면 대부분의 표준편차에서 학습이 진행되고, 더 빨리 학습합니다. 쓰지 않으면 표준편차가 알맞을 때만 학습합니다.",
    }
    /// `batch-norm-test`: the book's finding, not seen.
    BATCH_NORM_NOT_AS_BOOK = "commands.batch-norm-not-as-book" {
        en: "Not the book's finding with these settings (figure 6-19: Batch Normalization ahead at \
             most scales): the book trains 20 epochs at all 16 scales.",
        ko: "이 설정으로는 책의 결과(그림 6-19: 대부분의 표준편차에서 배치 정규화가 앞섬)와 다릅니다. \
             책은 16개 표준편차 모두에서 20에폭 동안 학습합니다.",
    }
    /// `scratchnet overfit`'s heading, for `overfit_weight_decay.py`.
    OVERFIT_WEIGHT_DECAY_HEADING = "commands.overfit-weight-decay-heading" {
        en: "The book's overfit_weight_decay.py (figures 6-20 and 6-21): MultiLayerNet \
             784-100-100-100-100-100-100-10 (ReLU, He's initial weights) learns from only the first \
             {train} training images, {epochs} epochs of SGD (lr 0.01, mini-batches of 100) in the \
             script's own loop. At each epoch, its accuracy on those images (train) and on {test} \
             test images it never learns from (test).",
        ko: "책의 overfit_weight_decay.py(그림 6-20, 6-21): MultiLayerNet \
             784-100-100-100-100-100-100-10 신경망(ReLU, He 초깃값)을 훈련 이미지 앞쪽 {train}장만으로 \
             학습합니다. 스크립트의 반복문으로 SGD(학습률 0.01, 미니배치 크기 100)를 {epochs}에폭 동안 \
             적용합니다. 에폭마다 그 이미지들에 대한 정확도(훈련)와, 학습에 쓰지 않는 시험 이미지 \
             {test}장에 대한 정확도(시험)를 잽니다.",
    }
    /// `scratchnet overfit --dropout`'s heading, for `overfit_dropout.py`.
    OVERFIT_DROPOUT_HEADING = "commands.overfit-dropout-heading" {
        en: "The book's overfit_dropout.py (figure 6-23): MultiLayerNetExtend \
             784-100-100-100-100-100-100-10 (ReLU, He's initial weights) learns from only the first \
             {train} training images, {epochs} epochs of SGD (lr 0.01, mini-batches of 100) by the \
             book's Trainer. At each epoch, its accuracy on those images (train) and on {test} test \
             images it never learns from (test).",
        ko: "책의 overfit_dropout.py(그림 6-23): MultiLayerNetExtend \
             784-100-100-100-100-100-100-10 신경망(ReLU, He 초깃값)을 훈련 이미지 앞쪽 {train}장만으로 \
             학습합니다. 책의 Trainer로 SGD(학습률 0.01, 미니배치 크기 100)를 {epochs}에폭 동안 \
             적용합니다. 에폭마다 그 이미지들에 대한 정확도(훈련)와, 학습에 쓰지 않는 시험 이미지 \
             {test}장에 대한 정확도(시험)를 잽니다.",
    }
    /// `overfit` with a cure: the two runs.
    OVERFIT_TWICE = "commands.overfit-twice" {
        en: "It runs twice from the same seed, so that both networks start from the same weights: \
             {plain}, then {cured}.",
        ko: "같은 시드로 두 번 실행하므로 두 신경망은 같은 가중치에서 출발합니다. 먼저 {plain}, \
             그다음 {cured} 조건입니다.",
    }
    /// A run's last epoch.
    OVERFIT_FINAL = "commands.overfit-final" {
        en: "{cure}: after the last epoch, train acc {train} and test acc {test}, a gap of {gap}.",
        ko: "{cure}: 마지막 에폭의 훈련 정확도는 {train}, 시험 정확도는 {test}, 그 차이는 {gap}입니다.",
    }
    /// The plain network overfits.
    OVERFIT_SHOWS = "commands.overfit-shows" {
        en: "That gap is overfitting (section 6.4.1): with only {train} images to learn from, the \
             network learns them by heart rather than what makes a digit, so it does worse on \
             images it has not seen.",
        ko: "이 차이가 바로 오버피팅입니다(6.4.1절). 학습할 이미지가 {train}장뿐이라 신경망은 숫자의 \
             특징 대신 그 이미지들을 통째로 외워 버리고, 그래서 처음 보는 이미지에서는 성능이 \
             떨어집니다.",
    }
    /// The plain network has not overfitted (a short run).
    OVERFIT_NOT_YET = "commands.overfit-not-yet" {
        en: "After {epochs} epochs the network has not overfitted yet: give it the book's {book} \
             epochs to learn its {train} images by heart.",
        ko: "{epochs}에폭으로는 아직 오버피팅이 일어나지 않았습니다. 책처럼 {book}에폭 동안 학습하면 \
             신경망이 이미지 {train}장을 외워 버립니다.",
    }
    /// The plain network's gap is opening, but it does not yet know its images by heart.
    OVERFIT_OPENING = "commands.overfit-opening" {
        en: "The gap is opening: the network already does better on the {train} images it learns \
             from than on new ones, and given the book's {book} epochs it learns them by heart \
             (overfitting, section 6.4.1).",
        ko: "차이가 벌어지기 시작했습니다. 신경망은 벌써 학습에 쓰는 이미지 {train}장에서의 정확도가 처음 보는 이미지에서보다 높고, 책처럼 {book}에폭 동안 학습하면 그 이미지들을 외워 버립니다(오버피팅, 6.4.1절).",
    }
    /// After the plain network alone: the cures to try.
    OVERFIT_TRY_A_CURE = "commands.overfit-try-a-cure" {
        en: "The book then tries two cures: scratchnet overfit --weight-decay 0.1 (figure 6-21) \
             and scratchnet overfit --dropout 0.2 (figure 6-23).",
        ko: "책은 이어서 두 가지 대책을 시험합니다. scratchnet overfit --weight-decay 0.1 명령(그림 \
             6-21)과 scratchnet overfit --dropout 0.2 명령(그림 6-23)으로 확인해 보십시오.",
    }
    /// How weight decay works.
    OVERFIT_HOW_WEIGHT_DECAY = "commands.overfit-how-weight-decay" {
        en: "Weight decay adds ½λΣW² to the loss, so large weights cost something: the network can \
             no longer bend itself to every one of its training images (section 6.4.2).",
        ko: "가중치 감소는 손실 함수에 ½λΣW²을 더하므로 큰 가중치에는 대가가 따릅니다. 그래서 신경망은 더 이상 훈련 이미지 하나하나에 억지로 맞출 수 없습니다(6.4.2절).",
    }
    /// How Dropout works.
    OVERFIT_HOW_DROPOUT = "commands.overfit-how-dropout" {
        en: "Dropout turns off a random part of the hidden units at every training step, so that \
             no unit can count on the others: the network learns what many of its thinned versions \
             agree on, much as an ensemble of networks does (section 6.4.3).",
        ko: "드롭아웃은 학습할 때마다 은닉층 뉴런의 일부를 무작위로 끕니다. 어느 뉴런도 다른 뉴런에 \
             기댈 수 없으므로, 신경망은 뉴런을 솎아 낸 여러 신경망이 함께 동의하는 것을 배웁니다. \
             여러 신경망의 앙상블과 비슷합니다(6.4.3절).",
    }
    /// The cure narrowed the gap.
    OVERFIT_NARROWER = "commands.overfit-narrower" {
        en: "Here the gap narrows from {plain} to {cured}.",
        ko: "여기서는 차이가 {plain}에서 {cured}까지 줄었습니다.",
    }
    /// The cure did not narrow the gap.
    OVERFIT_NOT_NARROWER = "commands.overfit-not-narrower" {
        en: "Here the gap did not narrow ({plain} without the cure, {cured} with it): the \
             accuracies wander from epoch to epoch; compare over the book's {book} epochs, or with \
             another seed.",
        ko: "여기서는 차이가 줄지 않았습니다(대책을 쓰지 않으면 {plain}, 쓰면 {cured}). 정확도는 에폭마다 오르내리므로 책처럼 {book}에폭 동안 학습하거나 다른 시드로 비교해 보십시오.",
    }
    /// The cure's test accuracy ends lower than without it.
    OVERFIT_TEST_LOWER = "commands.overfit-test-lower" {
        en: "The test accuracy itself ends lower, though ({plain} without the cure, {cured} with \
             it): the cure slows the learning too, and after {epochs} epochs the network with it \
             has not caught up.",
        ko: "다만 시험 정확도 자체는 더 낮게 끝났습니다(대책을 쓰지 않으면 {plain}, 쓰면 {cured}). 이 대책은 학습도 늦추므로 {epochs}에폭으로는 아직 따라잡지 못했습니다.",
    }
    /// The cure's test accuracy ends higher than without it.
    OVERFIT_TEST_HIGHER = "commands.overfit-test-higher" {
        en: "And the test accuracy ends higher ({plain} without the cure, {cured} with it).",
        ko: "시험 정확도도 더 높게 끝났습니다(대책을 쓰지 않으면 {plain}, 쓰면 {cured}).",
    }
    /// `scratchnet hyperparameter-search`'s heading.
    SEARCH_HEADING = "commands.search-heading" {
        en: "The book's hyperparameter_optimization.py (figure 6-24): the first {images} training \
             images, shuffled; the first {validation} are set aside as validation data, the other \
             {train} are learned from. {trials} trials, each drawing a weight decay λ = \
             10^uniform(−8, −4), then a learning rate lr = 10^uniform(−6, −2), and training \
             MultiLayerNet 784-100-100-100-100-100-100-10 with them by the book's Trainer for \
             {epochs} epochs (SGD, mini-batches of 100). A trial is ranked by its accuracy on the \
             validation data after its last epoch: the test data are kept out of the choice.",
        ko: "책의 hyperparameter_optimization.py(그림 6-24): 훈련 이미지 앞쪽 {images}장을 뒤섞은 다음, 처음 {validation}장은 검증 데이터로 떼어 두고 나머지 {train}장으로 학습합니다. 시도는 {trials}번이며, 시도마다 가중치 감소 λ를 10^uniform(−8, −4)에서, 이어서 학습률 lr을 10^uniform(−6, −2)에서 뽑고, 그 값으로 MultiLayerNet 784-100-100-100-100-100-100-10 신경망을 책의 Trainer로 {epochs}에폭 동안 학습합니다(SGD, 미니배치 크기 100). 시도의 순위는 마지막 에폭의 검증 데이터 정확도로 매깁니다. 시험 데이터는 고르는 데 쓰지 않습니다.",
    }
    /// A trial done (on stderr, as the book's script prints it).
    SEARCH_TRIAL = "commands.search-trial" {
        en: "trial {trial}/{trials}: val acc:{val} | lr:{lr}, weight decay:{weight_decay}",
        ko: "시도 {trial}/{trials}: 검증 정확도:{val} | 학습률:{lr}, 가중치 감소:{weight_decay}",
    }
    /// The banner above the ranking, the book's.
    SEARCH_RESULT = "commands.search-result" {
        en: "=========== Hyper-Parameter Optimization Result ===========",
        ko: "=========== 하이퍼파라미터 최적화 결과 ===========",
    }
    /// A trial in the ranking, as the book prints it.
    SEARCH_BEST = "commands.search-best" {
        en: "Best-{k}(val acc:{val}) | lr:{lr}, weight decay:{weight_decay}",
        ko: "Best-{k}(검증 정확도:{val}) | 학습률:{lr}, 가중치 감소:{weight_decay}",
    }
    /// Trials of equal accuracy in the ranking.
    SEARCH_TIES = "commands.search-ties" {
        en: "Trials of equal validation accuracy are listed in the order they ran, as the book's \
             sorted() keeps them.",
        ko: "검증 정확도가 같은 시도는 실행한 순서대로 나열합니다. 책의 sorted()도 그 순서를 지킵니다.",
    }
    /// The best trial learned little (a short search).
    SEARCH_LITTLE_LEARNED = "commands.search-little-learned" {
        en: "With {epochs} epochs a trial has little time to learn (the best validation accuracy \
             is {best}): the book's 50 epochs let the good learning rates stand out.",
        ko: "{epochs}에폭으로는 학습할 시간이 부족합니다(가장 높은 검증 정확도가 {best}입니다). 책처럼 50에폭 동안 학습해야 좋은 학습률이 드러납니다.",
    }
    /// The ranges the best trials suggest.
    SEARCH_RANGES = "commands.search-ranges" {
        en: "The best {best} suggest: lr from {lr_lo} to {lr_hi} (10^{lr_from} to 10^{lr_to}), \
             weight decay from {wd_lo} to {wd_hi} (10^{wd_from} to 10^{wd_to}).",
        ko: "상위 {best}개가 가리키는 범위는 학습률 {lr_lo}부터 {lr_hi}까지(10^{lr_from}~10^{lr_to}), \
             가중치 감소 {wd_lo}부터 {wd_hi}까지(10^{wd_from}~10^{wd_to})입니다.",
    }
    /// A hyperparameter the best trials spread over much of its range.
    SEARCH_SPREAD = "commands.search-spread" {
        en: "The best {best} spread their {what} over {decades} of the {drawn} powers of ten drawn \
             from: here it hardly decides the outcome, and a next search can keep its range wide.",
        ko: "상위 {best}개의 {what} 값은 지수로 {decades}만큼 넓게 퍼져 있습니다(뽑은 범위는 지수로 \
             {drawn}만큼). 여기서는 이 값이 결과를 거의 좌우하지 않으므로 다음 탐색에서도 범위를 넓게 \
             두어도 됩니다.",
    }
    /// What to do with the ranges.
    SEARCH_NEXT = "commands.search-next" {
        en: "Search again within these ranges, narrower than the ones drawn from, and repeat until \
             one setting stands out (section 6.5.3: the book's run suggests lr from 0.001 to 0.01 \
             and weight decay from 1e-8 to 1e-6).",
        ko: "처음보다 좁은 이 범위에서 다시 탐색하고, 좋은 값이 뚜렷해질 때까지 되풀이합니다(6.5.3절: \
             책의 실행 결과는 학습률 0.001~0.01, 가중치 감소 1e-8~1e-6을 가리킵니다).",
    }
}
