//! How a run of gradient descent ended: the diagnoses' sentences
//! ([`Diagnosis`](crate::Diagnosis)), one text per verdict, and the pieces they are made of.
//!
//! In Korean a number is never followed by a particle that depends on how it is read
//! (이/가, 은/는, 을/를, 으로/로): the sentences put 입니다, 에서, 까지, 보다 or 만큼 after
//! numbers, and a test holds every value to it.

super::texts! {
    /// The start is already beyond the floats: f or its gradient is infinite there.
    OVERFLOW = "descent.overflow" {
        en: "overflow at the start: at ({start}) f is {f0} and the gradient's length {g0}, beyond \
             what 64-bit floats hold (about 1.8e308); no learning rate helps: start closer to the minimum",
        ko: "시작점에서 이미 오버플로가 일어났습니다. ({start})에서 f는 {f0}, 기울기의 크기는 {g0}입니다. \
             64비트 부동소수점 수가 담을 수 있는 범위(약 1.8e308)를 넘었으므로 학습률을 바꿔서는 \
             해결되지 않습니다. 최소점에 더 가까운 곳에서 시작하세요.",
    }
    /// f, or its gradient, is not a number at the start: the start is outside f's domain.
    UNDEFINED_START = "descent.undefined-start" {
        en: "undefined at the start: {why}, as for the log or the square root of a negative \
             number, or 0/0; there is no minimum to go down to from there, and no learning rate \
             helps: start where f and its gradient are defined, such as a point with x0 > 0 for \
             log(x0) or sqrt(x0)",
        ko: "시작점에서 값이 정의되지 않아 NaN(수가 아닌 값)이 나왔습니다. {why}. 음수의 로그나 \
             제곱근, 0/0처럼 값이 정해지지 않는 경우입니다. 그곳에서는 내려갈 최소점도 없고, 학습률을 \
             바꿔서는 해결되지 않습니다. f와 기울기가 정의되는 곳에서 시작하세요. 예를 들어 \
             log(x0), sqrt(x0)에서는 x0 > 0인 점에서 시작해야 합니다.",
    }
    /// f, or its gradient, stopped being a number along the way: the steps left f's domain.
    UNDEFINED_PATH = "descent.undefined-path" {
        en: "undefined after step {k}: {why}, as for the log or the square root of a negative \
             number, or 0/0. The steps, with the learning rate{rule} {lr}, left the region where f \
             is defined: start further inside it, or try a smaller learning rate; if f falls all the \
             way to the region's edge (as log(x0) does towards x0 = 0), there is no minimum to reach",
        ko: "{k}번째 반복 뒤 값이 정의되지 않아 NaN(수가 아닌 값)이 나왔습니다. {why}. 음수의 로그나 \
             제곱근, 0/0처럼 값이 정해지지 않는 경우입니다. {rule}학습률({lr})로 반복하는 동안 점이 \
             f가 정의되는 범위를 벗어났습니다. 그 범위의 더 안쪽에서 시작하거나 학습률을 더 작게 해 \
             보세요. 다만 x0 = 0에 다가갈수록 log(x0)의 값이 한없이 작아지듯이 f가 범위의 경계까지 계속 \
             내려간다면 도달할 최소점은 없습니다.",
    }
    /// Why [`UNDEFINED_START`] or [`UNDEFINED_PATH`]: f is NaN at the point.
    F_NOT_A_NUMBER = "descent.f-not-a-number" {
        en: "f is not a number (NaN) at ({point}): f is not defined there",
        ko: "({point})에서 f의 값이 NaN입니다. 그곳에서는 f가 정의되지 않습니다",
    }
    /// Why [`UNDEFINED_START`] or [`UNDEFINED_PATH`]: f is a number at the point, but its
    /// numerical gradient is not.
    NUMERICAL_GRADIENT_NOT_A_NUMBER = "descent.numerical-gradient-not-a-number" {
        en: "f is {f} at ({point}), but its numerical gradient with h = {h} is not a number (NaN): \
             f is not defined at x ± h, right next to the point",
        ko: "({point})에서 f의 값은 {f}이지만, h = {h}일 때 수치 미분으로 구한 기울기가 \
             NaN입니다. 바로 옆의 x ± h에서 f가 정의되지 않습니다",
    }
    /// Why [`UNDEFINED_START`] or [`UNDEFINED_PATH`]: f is a number at the point, but its exact
    /// gradient is not.
    EXACT_GRADIENT_NOT_A_NUMBER = "descent.exact-gradient-not-a-number" {
        en: "f is {f} at ({point}), but its gradient from the formula is not a number (NaN): the \
             gradient is not defined there",
        ko: "({point})에서 f의 값은 {f}이지만, 식으로 구한 기울기(해석적 미분)가 NaN입니다. \
             그곳에서는 기울기가 정의되지 않습니다",
    }
    /// No step was taken: the start is the end.
    NO_STEPS = "descent.no-steps" {
        en: "no steps: the number of steps is 0, so no step was taken and the start ({start}) is \
             the end, where f is {f0} and the gradient's length {g0}; a run of no steps says nothing \
             about the learning rate: give a number of steps, such as the book's 100",
        ko: "반복하지 않았습니다. 반복 횟수가 0이라 점이 한 번도 움직이지 않았으므로 시작점({start})이 \
             곧 끝점입니다. 그곳에서 f는 {f0}, 기울기의 크기는 {g0}입니다. 반복하지 않은 실행으로는 \
             학습률에 대해 알 수 있는 것이 없습니다. 책처럼 100번 정도 반복해 보세요.",
    }
    /// The numerical gradient is exactly 0 at the start: `h` vanishes next to every coordinate.
    STALLED_H = "descent.stalled-h" {
        en: "stalled: the numerical gradient with h = {h} is exactly 0 at the start, because x + h \
             rounds back to x (h is below half the spacing of floating-point numbers there), so no step \
             moves the point, although with the book's h = 1e-4 the gradient has length {g0}: use a \
             larger h, such as the book's 1e-4",
        ko: "정체되었습니다. 시작점에서는 x + h의 값이 반올림되어 다시 x가 됩니다(h가 그곳 \
             부동소수점 수 간격의 절반보다 작습니다). 그래서 h = {h}일 때의 수치 미분 기울기는 정확히 \
             0이고, 어떤 반복도 점을 움직이지 못합니다. 책의 h = 1e-4일 때는 기울기의 크기가 \
             {g0}입니다. 책처럼 1e-4 정도의 더 큰 h를 쓰세요.",
    }
    /// The point barely moved: the learning rate is too small.
    STALLED = "descent.stalled" {
        en: "stalled: in {steps} steps the point moved only {path} in all while the gradient is still \
             {g_end}; the learning rate{rule} {lr} is too small: try a larger one",
        ko: "정체되었습니다. {steps}번 반복하는 동안 점은 모두 {path}만큼만 움직였는데, 기울기의 크기는 \
             아직 {g_end}입니다. {rule}학습률({lr})이 너무 작습니다. 더 큰 값을 써 보세요.",
    }
    /// The point travelled but `f` did not go down: each step overshoots.
    DIVERGED_OVERSHOOT = "descent.diverged-overshoot" {
        en: "diverged: f did not go down (from {f0} to {f_end}) although the point travelled {path}: \
             each step overshoots the minimum; try a smaller learning rate than {lr}",
        ko: "발산했습니다. 점은 모두 {path}만큼 움직였지만 f는 줄지 않았습니다({f0} → {f_end}). \
             한 걸음마다 최소점을 지나쳐 버립니다. 학습률을 {lr}보다 작게 해 보세요.",
    }
    /// A point became NaN or infinite.
    DIVERGED_NOT_FINITE = "descent.diverged-not-finite" {
        en: "diverged: after step {k} the point is no longer finite; the learning rate{rule} {lr} is \
             too large for this function: try a smaller one",
        ko: "발산했습니다. {k}번째 반복 뒤 점의 좌표가 더는 유한한 수가 아닙니다(무한대나 NaN). 이 \
             함수에는 {rule}학습률({lr})이 너무 큽니다. 더 작은 값을 써 보세요.",
    }
    /// `f` and `|x|` both grew.
    DIVERGED_GREW = "descent.diverged-grew" {
        en: "diverged: f grew from {f0} to {f_end} and |x| from {x0} to {x_end}; the learning \
             rate{rule} {lr} is too large for this function: try a smaller one{stuck}",
        ko: "발산했습니다. f는 {f0}에서 {f_end}까지, |x|는 {x0}에서 {x_end}까지 커졌습니다. 이 \
             함수에는 {rule}학습률({lr})이 너무 큽니다. 더 작은 값을 써 보세요.{stuck}",
    }
    /// Why a diverged run stopped moving far away (appended to [`DIVERGED_GREW`]).
    STUCK_FAR_AWAY = "descent.stuck-far-away" {
        en: ". It stopped moving after step {k} only because h = {h} is below half the float spacing \
             at |x| ≈ {x} (spacing {spacing}): x ± h rounds back to x, so the numerical gradient is \
             exactly 0 there — not because it found a minimum",
        ko: " {k}번째 반복 뒤 점이 멈춘 것은 최소점을 찾아서가 아닙니다. |x| ≈ {x}에서는 부동소수점 \
             수의 간격이 {spacing}입니다. 그 절반도 h = {h}보다 크므로 x ± h의 값이 반올림되어 다시 x가 \
             되고, 수치 미분으로 구한 기울기는 정확히 0입니다. 점이 멈춘 것은 이 때문입니다.",
    }
    /// `f` went down but the gradient is not small yet.
    MOVING = "descent.moving" {
        en: "still moving: f went from {f0} to {f_end}{above}, and the gradient is still {g_end}; more \
             steps or a better-tuned learning rate would get closer",
        ko: "아직 내려가는 중입니다. f는 {f0}에서 {f_end}까지 줄었습니다{above}. 하지만 기울기의 크기가 \
             아직 {g_end}입니다. 반복 횟수를 늘리거나 학습률을 알맞게 고르면 최소점에 더 다가갑니다.",
    }
    /// The known minimum, in [`MOVING`].
    MOVING_MINIMUM = "descent.moving-minimum" {
        en: " (the minimum is {m})",
        ko: "(최솟값은 {m})",
    }
    /// `f` falls faster and faster as the gradient grows: no minimum that way.
    UNBOUNDED = "descent.unbounded" {
        en: "unbounded below: f fell from {f0} to {f_end} and falls faster with every step (the \
             gradient grew from {g0} to {g_end}, and each of the last {k} steps took f further down \
             than the one before): along this way f decreases without bound, so more steps only take \
             it lower, never to a minimum",
        ko: "f가 끝없이 내려갑니다. f는 {f0}에서 {f_end}까지 내려갔고, 반복할 때마다 더 빨리 \
             내려갑니다(기울기의 크기는 {g0}에서 {g_end}까지 커졌고, 마지막 {k}번의 반복은 매번 앞의 \
             반복보다 f를 더 많이 낮췄습니다). 이 방향으로는 f에 바닥이 없으므로 반복을 늘려도 f가 더 \
             내려갈 뿐 최소점에는 닿지 않습니다.",
    }
    /// How the gradient ended, in [`SADDLE`], [`PLATEAU`] and [`CONVERGED`].
    GRADIENT_AFTER = "descent.gradient-after" {
        en: "the gradient is {g_end} after {steps} steps (it was {g0})",
        ko: "{steps}번 반복한 뒤 기울기의 크기는 {g_end}입니다(처음에는 {g0})",
    }
    /// The gradient vanished where f still falls in some direction.
    SADDLE = "descent.saddle" {
        en: "saddle: {gradient}, but this is {what}, not a minimum: the Hessian's eigenvalues are \
             {curvatures}, and a negative one means f still falls in that direction. Basic gradient \
             descent stops here only because it started exactly on the ridge, where the gradient has \
             nothing across it; a start nudged off the ridge would carry it down",
        ko: "안장점입니다. {gradient}. 하지만 이곳은 {what}이지 최소점이 아닙니다. 헤세 행렬의 \
             고윳값은 {curvatures}이고, 음수인 고윳값은 그 방향으로 f가 계속 내려간다는 뜻입니다. \
             기본 경사 하강법(SGD)이 여기서 멈춘 것은 정확히 능선 위에서 출발해서, 능선을 가로지르는 \
             기울기 성분이 0이기 때문입니다. 시작점을 능선에서 조금만 비키면 아래로 내려갑니다.",
    }
    /// A stationary point with one curvature up and one down.
    SADDLE_POINT = "descent.saddle-point" {
        en: "a saddle point",
        ko: "안장점",
    }
    /// A stationary point curving down (or flat) in every direction.
    RIDGE = "descent.ridge" {
        en: "a maximum or a ridge",
        ko: "극대점이나 능선",
    }
    /// A flat stretch far above the bottom.
    PLATEAU = "descent.plateau" {
        en: "plateau: {gradient} and the curvature is flat too (Hessian eigenvalues {curvatures}), \
             yet {known}: the slope is too gentle to follow. A much larger learning rate, or an \
             adaptive rule such as AdaGrad or Adam, which scales steps up where gradients are small, \
             crosses it",
        ko: "고원입니다. {gradient}. 곡률도 거의 0입니다(헤세 행렬의 고윳값 {curvatures}). 그런데 \
             {known}. 경사가 너무 완만해서 따라 내려가기 어렵습니다. 학습률을 훨씬 크게 하거나, \
             기울기가 작은 곳에서 보폭을 키우는 AdaGrad나 Adam 같은 적응형 방법을 쓰면 고원을 건널 수 \
             있습니다.",
    }
    /// On a plateau: how far above the known minimum.
    FAR_ABOVE = "descent.far-above" {
        en: "f = {f_end} is far above the minimum {m}",
        ko: "f = {f_end}이고 최솟값 {m}보다 한참 위입니다",
    }
    /// On a plateau of a function whose minimum is not known.
    NO_BOTTOM_KNOWN = "descent.no-bottom-known" {
        en: "f = {f_end}, and nothing says this is the bottom",
        ko: "f = {f_end}이고, 이곳이 바닥이라는 근거는 없습니다",
    }
    /// At rest where f curves up in every direction.
    CONVERGED = "descent.converged" {
        en: "converged to {minimum}: {gradient} and f went from {f0} to {f_end}; f curves up in every \
             direction (Hessian eigenvalues {curvatures})",
        ko: "{minimum}에 수렴했습니다. {gradient}. f는 {f0}에서 {f_end}까지 줄었고, 모든 방향으로 \
             아래로 볼록합니다(헤세 행렬의 고윳값 {curvatures}).",
    }
    /// The point reached, when the function's minimum is known and reached.
    THE_MINIMUM = "descent.the-minimum" {
        en: "the minimum",
        ko: "최소점",
    }
    /// The point reached, when nothing says it is the lowest.
    A_MINIMUM = "descent.a-minimum" {
        en: "a minimum",
        ko: "극소점",
    }
    /// The point reached, when it is above the known minimum.
    A_LOCAL_MINIMUM = "descent.a-local-minimum" {
        en: "a local minimum (f = {f_end} is above the known minimum {m})",
        ko: "극소점(f = {f_end}, 알려진 최솟값 {m}보다 큰 값)",
    }
    /// The update rule, named when it is not basic SGD (before "learning rate").
    RULE_OF = "descent.rule-of" {
        en: " of {rule}",
        ko: "{rule}의 ",
    }
}
