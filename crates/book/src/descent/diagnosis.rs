//! How a run of gradient descent ended, read from its finished path.
//!
//! The descent loop ([`gradient_descent`](super::gradient_descent)) only moves; this module
//! looks at what it left: did the point fly off (the learning rate is too large), barely move
//! (too small), or come to rest — and if it rests, is that a minimum, a saddle point or a
//! plateau? Resting points are told apart by the curvature there, the eigenvalues of the
//! numerical Hessian: all positive at a minimum, one negative at a saddle, all near zero on a
//! plateau.
//!
//! Before any of that, the run may not have been a descent at all: f not a number where it
//! went (outside f's domain, such as the log of a negative number), f beyond the floats at the
//! start, or no step taken.
//!
//! One idea in one file: every verdict and the order in which they are tried, read together.

use ndarray::{Array1, Array2, ArrayView1};

use super::Gradient;
use crate::gradient::{numerical_gradient, numerical_hessian};
use crate::optim::{OptimizerConfig, OptimizerKind};
use crate::text::{Lang, Sentence, descent as say};

/// How a run of gradient descent ended, for a person to read.
///
/// Named in JSON and on the command line in lowercase, words joined by `-` (`no-steps`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum DiagnosisKind {
    /// The gradient has (nearly) vanished and f curves up in every direction: a minimum.
    Converged,
    /// The gradient has vanished but f curves down in some direction (the Hessian has a
    /// negative eigenvalue): a saddle point (or a maximum), not a minimum.
    Saddle,
    /// The gradient and the curvature have both (nearly) vanished while f is far above the best
    /// value known: a plateau, where following the gradient crawls.
    Plateau,
    /// The point flew away, became infinite, or `f` did not go down: the learning rate is too large.
    Diverged,
    /// The point barely moved although the gradient is not small: the learning rate is too small.
    Stalled,
    /// `f` went down but the gradient is not yet small: more steps would help.
    Moving,
    /// `f` or its gradient is infinite at the start: the starting point is beyond what 64-bit
    /// floats hold (`1e308²` overflows), whatever the learning rate. Also a NaN at a start so
    /// far out that squaring a coordinate overflows (`1e200² − 1e200²` is `∞ − ∞`).
    Overflow,
    /// `f` fell faster and faster as the gradient grew: `f` decreases without bound along the
    /// way taken (the saddle started off its ridge), and there is no minimum to reach.
    Unbounded,
    /// `f`, or the gradient, is not a number (NaN, not infinite) at the start or at a point of
    /// the path, before anything became infinite: the point is outside the domain of `f`
    /// (`log(x0)` or `sqrt(x0)` where `x0 < 0`, `0/0`), and there is no minimum there.
    Undefined,
    /// No step was taken (`steps` is 0): the start is the end, and the run says nothing about
    /// the learning rate.
    NoSteps,
}

/// A diagnosis: its kind, and a sentence with the numbers that explain it.
///
/// ```
/// use scratchnet_book::{text::Lang, DiagnosisKind, Landscape};
/// let run = Landscape::Sphere.descend(&[-3.0, 4.0], 0.1, 100)?;
/// assert_eq!(run.diagnosis.kind, DiagnosisKind::Converged);
/// assert!(run.diagnosis.message().starts_with("converged to the minimum: the gradient is 2.037e-9"));
/// assert!(run.diagnosis.say(Lang::Ko).starts_with("최소점에 수렴했습니다."));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    /// Converged, saddle, plateau, diverged, stalled, moving, overflow, unbounded, undefined or
    /// no steps.
    pub kind: DiagnosisKind,
    /// What happened and what to do about it, with figures, in either language.
    pub sentence: Sentence,
}

impl Diagnosis {
    fn new(kind: DiagnosisKind, sentence: Sentence) -> Self {
        Diagnosis { kind, sentence }
    }

    /// What happened and what to do about it, in English.
    pub fn message(&self) -> String {
        self.sentence.say(Lang::En)
    }

    /// What happened and what to do about it, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        self.sentence.say(lang)
    }
}

fn norm(v: ArrayView1<f64>) -> f64 {
    v.iter().map(|a| a * a).sum::<f64>().sqrt()
}

/// Whether `x ± h` rounds back to `x` in every coordinate, so that a central difference with
/// step `h` is exactly 0 there.
fn vanishes(h: f64, x: ArrayView1<f64>) -> bool {
    x.iter().all(|&v| v + h == v && v - h == v)
}

/// The distance from `v` to the next larger floating-point number.
fn float_spacing(v: f64) -> f64 {
    let a = v.abs();
    f64::from_bits(a.to_bits() + 1) - a
}

/// A gradient this small (in absolute terms, or relative to the starting one) counts as vanished.
const SMALL_GRADIENT: f64 = 1e-4;
/// Curvature (a Hessian eigenvalue) this small counts as flat.
const FLAT_CURVATURE: f64 = 1e-3;
/// A coordinate beyond this, √(the largest f64) ≈ 1.34e154, overflows when squared: a NaN out
/// there may be `∞ − ∞`, an overflow, rather than a point outside f's domain.
const SQUARE_OVERFLOWS: f64 = 1.340_780_792_994_259_6e154;

/// Whether squaring some coordinate of `x` overflows.
fn huge(x: ArrayView1<f64>) -> bool {
    x.iter().any(|v| v.abs() > SQUARE_OVERFLOWS)
}

/// A point as messages write it: `-3, 4`.
fn message_point(x: ArrayView1<f64>) -> String {
    x.iter()
        .map(|&v| message_number(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the diagnosis looks at, measured once on the finished run.
struct Run<'a> {
    history: &'a Array2<f64>,
    values: &'a Array1<f64>,
    /// The gradient each step took, `(steps, n)`.
    gradients: &'a Array2<f64>,
    /// The numerical gradient (the book's `h`) at the end.
    final_gradient: &'a Array1<f64>,
    hessian: Option<Array2<f64>>,
    known_minimum: Option<f64>,
    optimizer: OptimizerConfig,
    /// The step `h` of the numerical gradient the steps took (`None`: the exact gradient).
    step_h: Option<f64>,
    steps: usize,
    /// `f` at the start and at the end.
    f0: f64,
    f_end: f64,
    /// The length of the gradient at the start and at the end.
    g0: f64,
    g_end: f64,
    /// The distance travelled, step by step.
    path: f64,
}

/// What a finished run left: the points it visited, `f` there, and the gradients.
pub(super) struct Visited<'a> {
    /// The points, `(steps + 1, n)`, start first.
    pub history: &'a Array2<f64>,
    /// `f` at each point, `(steps + 1,)`.
    pub values: &'a Array1<f64>,
    /// The gradient each step took, `(steps, n)`.
    pub gradients: &'a Array2<f64>,
    /// The numerical gradient (the book's `h`) at the end, `(n,)`.
    pub final_gradient: &'a Array1<f64>,
}

/// Says how a run that `visited` its points ended, from `f` at each point, the gradient each
/// step took and the gradient at the end; `f`'s gradient at the start and its Hessian at the
/// end (both numerical) tell the kinds of standstill apart.
pub(super) fn diagnose(
    visited: Visited<'_>,
    optimizer: OptimizerConfig,
    gradient: Gradient,
    mut f: impl FnMut(&Array1<f64>) -> f64,
    known_minimum: Option<f64>,
) -> Diagnosis {
    let Visited {
        history,
        values,
        gradients,
        final_gradient,
    } = visited;
    let steps = history.nrows() - 1;
    let end = history.row(steps).to_owned();
    let initial_gradient = numerical_gradient(&mut f, &mut history.row(0).to_owned());
    let finite = final_gradient.iter().chain(&end).all(|v| v.is_finite());
    let path = history
        .rows()
        .into_iter()
        .zip(history.rows().into_iter().skip(1))
        .map(|(a, b)| norm((&b - &a).view()))
        .sum();
    Run {
        history,
        values,
        gradients,
        final_gradient,
        hessian: finite.then(|| numerical_hessian(&mut f, &end)),
        known_minimum,
        optimizer,
        step_h: match gradient {
            Gradient::Numerical { h } => Some(h),
            Gradient::Exact => None,
        },
        steps,
        f0: values[0],
        f_end: values[steps],
        g0: norm(initial_gradient.view()),
        g_end: norm(final_gradient.view()),
        path,
    }
    .diagnose()
}

impl Run<'_> {
    fn diagnose(&self) -> Diagnosis {
        let (f0, f_end, g0, g_end) = (self.f0, self.f_end, self.g0, self.g_end);
        if let Some(undefined) = self.undefined() {
            return undefined;
        }
        let start = self.history.row(0);
        // f and the book's gradient are numbers, or only the book's gradient is NaN, beside a
        // start where the steps' own gradient was not (else it was undefined)
        let numbers = f0.is_finite() && (g0.is_finite() || (g0.is_nan() && !huge(start)));
        if !numbers {
            return Diagnosis::new(
                DiagnosisKind::Overflow,
                say::OVERFLOW
                    .with()
                    .arg("start", message_point(start))
                    .arg("f0", message_number(f0))
                    .arg("g0", message_number(g0)),
            );
        }
        if self.steps == 0 {
            return Diagnosis::new(
                DiagnosisKind::NoSteps,
                say::NO_STEPS
                    .with()
                    .arg("start", message_point(start))
                    .arg("f0", message_number(f0))
                    .arg("g0", message_number(g0)),
            );
        }
        if let Some(diverged) = self.not_finite().or_else(|| self.grew()) {
            return diverged;
        }
        if g_end <= SMALL_GRADIENT * g0.max(1.0) {
            return self.stationary();
        }
        let (lr, steps, path) = (self.optimizer.lr, self.steps, self.path);
        if path < 1e-4 * norm(self.history.row(0)).max(1.0) {
            // the steps' own gradient was exactly 0: h vanishes next to every coordinate
            if let Some(h) = self.step_h
                && vanishes(h, self.history.row(0))
            {
                return Diagnosis::new(
                    DiagnosisKind::Stalled,
                    say::STALLED_H
                        .with()
                        .arg("h", format!("{h:e}"))
                        .arg("g0", message_number(g0)),
                );
            }
            return Diagnosis::new(
                DiagnosisKind::Stalled,
                say::STALLED
                    .with()
                    .arg("steps", steps)
                    .arg("path", message_number(path))
                    .arg("g_end", message_number(g_end))
                    .said("rule", self.rule())
                    .arg("lr", format!("{lr:e}")),
            );
        }
        if f_end >= f0 - 1e-9 * f0.abs().max(1e-300) {
            return Diagnosis::new(
                DiagnosisKind::Diverged,
                say::DIVERGED_OVERSHOOT
                    .with()
                    .arg("f0", message_number(f0))
                    .arg("f_end", message_number(f_end))
                    .arg("path", message_number(path))
                    .arg("lr", lr),
            );
        }
        if let Some(unbounded) = self.unbounded() {
            return unbounded;
        }
        let above = match self.known_minimum {
            Some(m) => say::MOVING_MINIMUM.with().arg("m", message_number(m)),
            None => crate::text::words::NOTHING.with(),
        };
        Diagnosis::new(
            DiagnosisKind::Moving,
            say::MOVING
                .with()
                .arg("f0", message_number(f0))
                .arg("f_end", message_number(f_end))
                .said("above", above)
                .arg("g_end", message_number(g_end)),
        )
    }

    /// The update rule, named in a message when it is not basic SGD.
    fn rule(&self) -> Sentence {
        if self.optimizer.kind == OptimizerKind::Sgd {
            crate::text::words::NOTHING.with()
        } else {
            say::RULE_OF.with().arg("rule", self.optimizer.kind.title())
        }
    }

    /// Undefined: the first value of the run to stop being a finite number — a coordinate, `f`,
    /// or the gradient a step took (at the end, the book's numerical one) — is a NaN of `f` or
    /// of the gradient at a point where `f` is not infinite, and that point is not so far out
    /// that a square overflows (where `∞ − ∞` makes NaNs too). Then the point is outside `f`'s
    /// domain. Whatever became infinite first is an overflow or a divergence instead.
    fn undefined(&self) -> Option<Diagnosis> {
        let steps = self.steps;
        for k in 0..=steps {
            let x = self.history.row(k);
            let f = self.values[k];
            let (gradient, h) = if k < steps {
                (self.gradients.row(k), self.step_h)
            } else {
                (self.final_gradient.view(), Some(crate::gradient::H))
            };
            let nan = |g: ArrayView1<f64>| g.iter().any(|v| v.is_nan());
            if x.iter().any(|v| !v.is_finite()) || f.is_infinite() {
                return None;
            }
            let why = if f.is_nan() {
                say::F_NOT_A_NUMBER.with()
            } else if nan(gradient) {
                let why = match h {
                    Some(h) => say::NUMERICAL_GRADIENT_NOT_A_NUMBER
                        .with()
                        .arg("h", format!("{h:e}")),
                    None => say::EXACT_GRADIENT_NOT_A_NUMBER.with(),
                };
                why.arg("f", message_number(f))
            } else if gradient.iter().any(|v| v.is_infinite()) {
                return None;
            } else {
                continue;
            };
            if huge(x) {
                return None;
            }
            let why = why.arg("point", message_point(x));
            let sentence = if k == 0 {
                say::UNDEFINED_START.with().said("why", why)
            } else {
                say::UNDEFINED_PATH
                    .with()
                    .arg("k", k)
                    .said("why", why)
                    .said("rule", self.rule())
                    .arg("lr", self.optimizer.lr)
            };
            return Some(Diagnosis::new(DiagnosisKind::Undefined, sentence));
        }
        None
    }

    /// Diverged: some point is NaN or infinite.
    fn not_finite(&self) -> Option<Diagnosis> {
        let k = self
            .history
            .rows()
            .into_iter()
            .position(|r| r.iter().any(|v| !v.is_finite()))?;
        Some(Diagnosis::new(
            DiagnosisKind::Diverged,
            say::DIVERGED_NOT_FINITE
                .with()
                .arg("k", k)
                .said("rule", self.rule())
                .arg("lr", self.optimizer.lr),
        ))
    }

    /// Diverged: `f` and `|x|` both grew. If the point ended so far out that `x ± h` rounds
    /// back to `x`, the message says why it stopped moving.
    fn grew(&self) -> Option<Diagnosis> {
        let (history, steps) = (self.history, self.steps);
        let (start, end) = (history.row(0), history.row(steps));
        let (f0, f_end) = (self.f0, self.f_end);
        if f_end.is_finite() && !(f_end > f0 + 1e-9 * f0.abs().max(1.0) && norm(end) > norm(start))
        {
            return None;
        }
        // Stuck far away: x ± h == x in every coordinate, so the numerical gradient is exactly 0.
        let stuck = match self.step_h {
            Some(h) if vanishes(h, end) => {
                let stuck_from = (0..steps)
                    .rev()
                    .take_while(|&k| history.row(k) == end)
                    .last()
                    .unwrap_or(steps);
                let widest = end.iter().fold(0.0f64, |m, &v| m.max(v.abs()));
                say::STUCK_FAR_AWAY
                    .with()
                    .arg("k", stuck_from)
                    .arg("h", format!("{h:e}"))
                    .arg("x", message_number(widest))
                    .arg("spacing", message_number(float_spacing(widest)))
            }
            _ => crate::text::words::NOTHING.with(),
        };
        Some(Diagnosis::new(
            DiagnosisKind::Diverged,
            say::DIVERGED_GREW
                .with()
                .arg("f0", message_number(f0))
                .arg("f_end", message_number(f_end))
                .arg("x0", message_number(norm(start)))
                .arg("x_end", message_number(norm(end)))
                .said("rule", self.rule())
                .arg("lr", self.optimizer.lr)
                .said("stuck", stuck),
        ))
    }

    /// Unbounded below: `f` went down, the gradient grew, and each of the last steps (ten, or
    /// all but the first) took `f` further down than the one before. Descending towards a
    /// minimum, the gradient shrinks and the drops with it; these runs show no sign of a bottom,
    /// and below the known minimum (if one is known) there is nothing to find.
    fn unbounded(&self) -> Option<Diagnosis> {
        let (f0, f_end, g0, g_end, steps) = (self.f0, self.f_end, self.g0, self.g_end, self.steps);
        let k = steps.saturating_sub(1).min(10);
        let v = self.values;
        let drops = (steps - k - 1..steps).map(|i| v[i] - v[i + 1]);
        let falling_faster = k >= 1
            && drops
                .clone()
                .zip(drops.skip(1))
                .all(|(before, after)| before > 0.0 && after > before);
        let below_known = self.known_minimum.is_none_or(|m| f_end < m);
        if !(f_end < f0 && g_end > g0 && falling_faster && below_known) {
            return None;
        }
        Some(Diagnosis::new(
            DiagnosisKind::Unbounded,
            say::UNBOUNDED
                .with()
                .arg("f0", message_number(f0))
                .arg("f_end", message_number(f_end))
                .arg("g0", message_number(g0))
                .arg("g_end", message_number(g_end))
                .arg("k", k),
        ))
    }

    /// The gradient vanished: a minimum, a saddle, or a plateau, told apart by the curvature
    /// (the eigenvalues of the numerical Hessian) and by how far f is above the best known value.
    fn stationary(&self) -> Diagnosis {
        let (f0, f_end, g0, g_end, steps) = (self.f0, self.f_end, self.g0, self.g_end, self.steps);
        let eig = self.hessian.as_ref().map(eigenvalues).unwrap_or_default();
        let (lo, hi) = eig
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &l| {
                (lo.min(l), hi.max(l))
            });
        let best = self
            .known_minimum
            .unwrap_or_else(|| self.values.iter().copied().fold(f64::INFINITY, f64::min));
        let above = f_end - best;
        let gradient = say::GRADIENT_AFTER
            .with()
            .arg("g_end", message_number(g_end))
            .arg("steps", steps)
            .arg("g0", message_number(g0));
        if lo < -FLAT_CURVATURE {
            let what = if hi > FLAT_CURVATURE {
                &say::SADDLE_POINT
            } else {
                &say::RIDGE
            };
            return Diagnosis::new(
                DiagnosisKind::Saddle,
                say::SADDLE
                    .with()
                    .said("gradient", gradient)
                    .said("what", what.with())
                    .arg("curvatures", curvatures(&eig)),
            );
        }
        let far_above = self.known_minimum.is_some() && above > 1e-3 * (f0 - best).abs().max(1e-12);
        if hi.abs() <= FLAT_CURVATURE
            && lo.abs() <= FLAT_CURVATURE
            && (far_above || self.known_minimum.is_none())
        {
            let known = match self.known_minimum {
                Some(m) => say::FAR_ABOVE.with().arg("m", message_number(m)),
                None => say::NO_BOTTOM_KNOWN.with(),
            };
            return Diagnosis::new(
                DiagnosisKind::Plateau,
                say::PLATEAU
                    .with()
                    .said("gradient", gradient)
                    .arg("curvatures", curvatures(&eig))
                    .said("known", known.arg("f_end", message_number(f_end))),
            );
        }
        let minimum = if far_above {
            say::A_LOCAL_MINIMUM
                .with()
                .arg("f_end", message_number(f_end))
                .arg("m", message_number(best))
        } else if self.known_minimum.is_some() {
            say::THE_MINIMUM.with()
        } else {
            say::A_MINIMUM.with()
        };
        Diagnosis::new(
            DiagnosisKind::Converged,
            say::CONVERGED
                .with()
                .said("minimum", minimum)
                .said("gradient", gradient)
                .arg("f0", message_number(f0))
                .arg("f_end", message_number(f_end))
                .arg("curvatures", curvatures(&eig)),
        )
    }
}

/// The Hessian's eigenvalues, as messages list them.
fn curvatures(eig: &[f64]) -> String {
    eig.iter()
        .map(|&l| message_number(l))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The eigenvalues of the symmetric Hessian, in ascending order: the curvatures of `f` along
/// its principal directions.
///
/// For the book's two-dimensional functions, the closed form: the eigenvalues of
/// `[[a, b], [b, d]]` are the roots of `λ² − (a + d)λ + (ad − b²) = 0`, that is
/// `λ = m ± r` with `m = (a + d)/2` (their mean) and `r = √(((a − d)/2)² + b²)`. In one
/// dimension the curvature is the single entry; in more, Jacobi rotations.
fn eigenvalues(h: &Array2<f64>) -> Vec<f64> {
    match h.nrows() {
        1 => vec![h[(0, 0)]],
        2 => {
            let (a, b, d) = (h[(0, 0)], 0.5 * (h[(0, 1)] + h[(1, 0)]), h[(1, 1)]);
            let m = 0.5 * (a + d);
            let r = (0.5 * (a - d)).hypot(b);
            vec![m - r, m + r]
        }
        _ => symmetric_eigenvalues(h),
    }
}

/// The eigenvalues of a small symmetric matrix, by Jacobi rotations, in ascending order.
fn symmetric_eigenvalues(a: &Array2<f64>) -> Vec<f64> {
    let n = a.nrows();
    let mut a = a.clone();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[(i, j)] * a[(i, j)])
            .sum();
        if off < 1e-30 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if a[(p, q)].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[(q, q)] - a[(p, p)]) / (2.0 * a[(p, q)]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let (c, s) = (1.0 / (t * t + 1.0).sqrt(), t / (t * t + 1.0).sqrt());
                for k in 0..n {
                    let (akp, akq) = (a[(k, p)], a[(k, q)]);
                    a[(k, p)] = c * akp - s * akq;
                    a[(k, q)] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[(p, k)], a[(q, k)]);
                    a[(p, k)] = c * apk - s * aqk;
                    a[(q, k)] = s * apk + c * aqk;
                }
            }
        }
    }
    let mut eig: Vec<f64> = (0..n).map(|i| a[(i, i)]).collect();
    eig.sort_by(f64::total_cmp);
    eig
}

/// A number in a short form for messages: 4 decimals, or scientific notation when very large or small.
fn message_number(v: f64) -> String {
    let a = v.abs();
    if v == 0.0 || (1e-3..1e5).contains(&a) {
        let s = format!("{v:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_string()
    } else {
        format!("{v:.3e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Descent, Landscape, gradient_descent};

    fn sphere(init: &[f64], lr: f64, steps: usize) -> Descent {
        Landscape::Sphere.descend(init, lr, steps).unwrap()
    }

    #[test]
    fn each_kind_of_ending_is_recognised() {
        // x ← (1 − 2 lr) x on x0² + x1²
        assert_eq!(
            sphere(&[-3.0, 4.0], 0.1, 100).diagnosis.kind,
            DiagnosisKind::Converged
        );
        assert_eq!(
            sphere(&[-3.0, 4.0], 0.001, 100).diagnosis.kind,
            DiagnosisKind::Moving
        ); // 0.998¹⁰⁰ ≈ 0.82
        assert_eq!(
            sphere(&[-3.0, 4.0], 1e-10, 100).diagnosis.kind,
            DiagnosisKind::Stalled
        );
        // (1e308)² is infinite at the start: no learning rate is to blame
        let far = sphere(&[1e308, 1e308], 0.1, 100).diagnosis;
        assert_eq!(far.kind, DiagnosisKind::Overflow);
        assert!(
            far.message().contains("overflow at the start"),
            "{}",
            far.message()
        );
        assert_eq!(
            sphere(&[-3.0, 4.0], 10.0, 100).diagnosis.kind,
            DiagnosisKind::Diverged
        ); // × −19
        assert_eq!(
            sphere(&[-3.0, 4.0], 1.5, 3).diagnosis.kind,
            DiagnosisKind::Diverged
        ); // × −2
        let bounce = sphere(&[-3.0, 4.0], 1.0, 100); // × −1: bounces between (−3, 4) and (3, −4)
        assert_eq!(bounce.diagnosis.kind, DiagnosisKind::Diverged);
        assert!(
            bounce.diagnosis.message().contains("overshoots"),
            "{}",
            bounce.diagnosis.message()
        );
        assert_eq!(
            sphere(&[0.0, 0.0], 0.1, 10).diagnosis.kind,
            DiagnosisKind::Converged
        );
    }

    #[test]
    fn off_the_saddles_ridge_f_is_unbounded_below() {
        // f = x0² − x1²: x0 ← 0.8 x0 and x1 ← 1.2 x1, so f(end) ≈ −(0.01 · 1.2¹⁰⁰)²
        let off = Landscape::Saddle.descend(&[-3.0, 0.01], 0.1, 100).unwrap();
        let x1 = 0.01 * 1.2f64.powi(100);
        approx::assert_relative_eq!(off.values[100], -x1 * x1, max_relative = 1e-6);
        assert_eq!(off.diagnosis.kind, DiagnosisKind::Unbounded);
        let (en, ko) = (off.diagnosis.message(), off.diagnosis.say(Lang::Ko));
        assert!(
            en.contains("unbounded below: f fell from 8.9999 to -6.859e11"),
            "{en}"
        );
        assert!(
            en.contains("never to a minimum") && !en.contains("closer"),
            "{en}"
        );
        assert!(
            ko.contains("바닥이 없으므로") && ko.contains("-6.859e11"),
            "{ko}"
        );
        // on the ridge it stops at the saddle point; with few steps near the start it is
        // still just moving; on a bowl, a slow descent is never unbounded
        let on = Landscape::Saddle.descend(&[-3.0, 0.0], 0.1, 100).unwrap();
        assert_eq!(on.diagnosis.kind, DiagnosisKind::Saddle);
        assert!(!on.diagnosis.message().contains("momentum"));
        let slow = sphere(&[-3.0, 4.0], 0.001, 100);
        assert_eq!(slow.diagnosis.kind, DiagnosisKind::Moving);
    }

    /// A typed formula's run.
    fn formula(text: &str, init: &[f64], lr: f64, steps: usize, gradient: Gradient) -> Descent {
        let sgd = crate::OptimizerConfig::sgd(lr);
        crate::formula::Formula::parse(text)
            .unwrap()
            .descend_using(init, sgd, steps, gradient)
            .unwrap()
    }

    /// The Korean of a new sentence keeps to the glossary.
    fn korean(d: &Diagnosis) -> String {
        let ko = d.say(Lang::Ko);
        let wrong = crate::text::glossary::misuses(&ko);
        assert!(wrong.is_empty(), "{wrong:?}: {ko}");
        ko
    }

    #[test]
    fn outside_fs_domain_the_start_is_undefined_not_an_overflow() {
        // log and sqrt of −3 are NaN, not infinite: no minimum there, and no overflow either
        for text in [
            "log(x0)",
            "np.log(x[0]) + x[1]**2",
            "sqrt(x0)",
            "ln(x0) * x1",
        ] {
            for gradient in [Gradient::BOOK, Gradient::Exact] {
                for steps in [100, 1, 0] {
                    let d = formula(text, &[-3.0, 4.0], 0.1, steps, gradient).diagnosis;
                    let en = d.message();
                    assert_eq!(
                        d.kind,
                        DiagnosisKind::Undefined,
                        "{text} {gradient:?}: {en}"
                    );
                    assert!(
                        en.starts_with(
                            "undefined at the start: f is not a number (NaN) at (-3, 4): f is \
                             not defined there"
                        ),
                        "{en}"
                    );
                    assert!(en.contains("x0 > 0 for log(x0)"), "{en}");
                    for wrong in ["overflow", "closer to the minimum", "learning rate is"] {
                        assert!(!en.contains(wrong), "{en}");
                    }
                    let ko = korean(&d);
                    assert!(ko.contains("(-3, 4)에서 f의 값이 NaN") && ko.contains("x0 > 0"));
                    assert!(
                        !ko.contains("오버플로") && !ko.contains("최소점에 더 가까운"),
                        "{ko}"
                    );
                }
            }
        }
        // f is a number at x0 = 5e-5, but x0 − h = −5e-5 is not in the domain of sqrt
        let d = formula("sqrt(x0)", &[5e-5, 0.0], 0.1, 10, Gradient::BOOK).diagnosis;
        assert_eq!(d.kind, DiagnosisKind::Undefined);
        assert!(
            d.message().starts_with(
                "undefined at the start: f is 0.0071 at (5.000e-5, 0), but its numerical gradient \
                 with h = 1e-4 is not a number (NaN)"
            ),
            "{}",
            d.message()
        );
        korean(&d);
        // the cone |x| is 0 at its tip, but its gradient from the formula is 0/0 there
        let d = formula("sqrt(x0**2 + x1**2)", &[0.0, 0.0], 0.1, 10, Gradient::Exact).diagnosis;
        assert_eq!(d.kind, DiagnosisKind::Undefined, "{}", d.message());
        assert!(
            d.message()
                .contains("f is 0 at (0, 0), but its gradient from the formula is not a number"),
            "{}",
            d.message()
        );
        korean(&d);
    }

    #[test]
    fn a_path_that_leaves_fs_domain_is_undefined_where_it_left() {
        // sqrt(x0) from x0 = 1: the gradient 1/2 and lr 10 take x0 to −4 in one step
        for gradient in [Gradient::BOOK, Gradient::Exact] {
            let run = formula("sqrt(x0)", &[1.0, 0.0], 10.0, 100, gradient);
            let d = &run.diagnosis;
            assert_eq!(d.kind, DiagnosisKind::Undefined, "{}", d.message());
            assert!(
                d.message().starts_with(
                    "undefined after step 1: f is not a number (NaN) at (-4, 0): f is not defined \
                     there"
                ),
                "{}",
                d.message()
            );
            assert!(
                d.message().contains("with the learning rate 10, left"),
                "{}",
                d.message()
            );
            assert!(!d.message().contains("overflow"));
            assert!(korean(d).starts_with("1번째 반복 뒤 값이 정의되지 않아 NaN"));
        }
        // log(x0) from x0 = 1: x0 ← x0 − 0.1/x0 falls towards 0, where log falls without bound,
        // and steps over it
        let run = formula("log(x0)", &[1.0, 0.0], 0.1, 100, Gradient::Exact);
        let out = (0..=100).find(|&k| run.history[(k, 0)] < 0.0).unwrap();
        assert!((3..10).contains(&out), "{out}");
        assert_eq!(run.diagnosis.kind, DiagnosisKind::Undefined);
        let en = run.diagnosis.message();
        assert!(
            en.starts_with(&format!("undefined after step {out}: ")),
            "{en}"
        );
        assert!(en.contains("as log(x0) does towards x0 = 0"), "{en}");
        // the step's numerical gradient beside the domain's edge: x0 ≈ 1 − 1.9999/2 = 5e-5
        // after one step, where f is a number but f(x0 − h) is not
        let run = formula("sqrt(x0)", &[1.0, 0.0], 1.9999, 5, Gradient::BOOK);
        let en = run.diagnosis.message();
        assert_eq!(run.diagnosis.kind, DiagnosisKind::Undefined, "{en}");
        assert!(
            en.starts_with(
                "undefined after step 1: f is 0.0071 at (5.000e-5, 0), but its numerical gradient \
                 with h = 1e-4 is not a number (NaN): f is not defined at x ± h"
            ),
            "{en}"
        );
        korean(&run.diagnosis);
    }

    #[test]
    fn an_infinite_start_is_still_an_overflow() {
        // 1e308² is infinite, and 1e200² − 1e200² is ∞ − ∞: NaN, but from an overflow
        for (f, start) in [(Landscape::Sphere, 1e308), (Landscape::Saddle, 1e200)] {
            for gradient in [Gradient::BOOK, Gradient::Exact] {
                let sgd = crate::OptimizerConfig::sgd(0.1);
                let run = f
                    .descend_using(&[start, start], sgd, 100, gradient)
                    .unwrap();
                let d = run.diagnosis;
                assert_eq!(d.kind, DiagnosisKind::Overflow, "{f} {gradient:?}");
                assert!(
                    d.message().contains("overflow at the start"),
                    "{}",
                    d.message()
                );
            }
        }
        // the same in a typed formula
        let d = formula("x0**2 - x1**2", &[1e200, 1e200], 0.1, 10, Gradient::BOOK).diagnosis;
        assert_eq!(d.kind, DiagnosisKind::Overflow, "{}", d.message());
    }

    #[test]
    fn functions_defined_everywhere_are_never_undefined() {
        use crate::optim::{OptimizerConfig, OptimizerKind};
        let kinds = [
            OptimizerKind::Sgd,
            OptimizerKind::Momentum,
            OptimizerKind::Adam,
        ];
        for f in Landscape::ALL {
            for start in [1.0, 3.0, -7.0, 1e100, 1e150, 1e200, 1e300] {
                let init = vec![start; f.dim()];
                for lr in [1e-3, 0.1, 0.95, 1.5, 10.0, 1e3, 1e10] {
                    for gradient in [Gradient::BOOK, Gradient::Exact] {
                        for kind in kinds {
                            let rule = OptimizerConfig::new(kind).with_lr(lr);
                            let run = f.descend_using(&init, rule, 60, gradient).unwrap();
                            assert_ne!(
                                run.diagnosis.kind,
                                DiagnosisKind::Undefined,
                                "{f} from {start} with {kind} lr {lr} {gradient:?}: {}",
                                run.diagnosis.message()
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_run_of_no_steps_says_so_not_that_the_learning_rate_is_small() {
        let runs = [
            sphere(&[-3.0, 4.0], 0.1, 0),
            Landscape::Sphere
                .descend_using(
                    &[-3.0, 4.0],
                    crate::OptimizerConfig::sgd(1e-10),
                    0,
                    Gradient::Exact,
                )
                .unwrap(),
            gradient_descent(
                |x| x[0] * x[0] + x[1] * x[1],
                ndarray::array![-3.0, 4.0],
                10.0,
                0,
            )
            .unwrap(),
        ];
        for run in runs {
            let d = &run.diagnosis;
            assert_eq!(d.kind, DiagnosisKind::NoSteps, "{}", d.message());
            let en = d.message();
            assert!(
                en.starts_with(
                    "no steps: the number of steps is 0, so no step was taken and the start \
                     (-3, 4) is the end, where f is 25 and the gradient's length 10"
                ),
                "{en}"
            );
            assert!(!en.contains("stalled") && !en.contains("too small"), "{en}");
            let ko = korean(d);
            assert!(
                ko.starts_with("반복하지 않았습니다. 반복 횟수가 0이라"),
                "{ko}"
            );
            assert!(
                ko.contains(
                    "시작점(-3, 4)이 곧 끝점입니다. 그곳에서 f는 25, 기울기의 크기는 10입니다"
                ),
                "{ko}"
            );
            assert!(!ko.contains("정체"), "{ko}");
        }
        // one step is a run like any other
        assert_ne!(
            sphere(&[-3.0, 4.0], 1e-10, 1).diagnosis.kind,
            DiagnosisKind::NoSteps
        );
    }

    #[test]
    fn a_divergence_to_infinity_is_named() {
        let run = gradient_descent(|x| (x[0] * x[0]).exp(), ndarray::array![3.0], 1.0, 5).unwrap();
        assert_eq!(run.diagnosis.kind, DiagnosisKind::Diverged);
        assert!(
            run.diagnosis.message().contains("no longer finite"),
            "{}",
            run.diagnosis.message()
        );
    }

    #[test]
    fn the_stuck_divergence_explains_the_float_spacing() {
        let run = sphere(&[-3.0, 4.0], 10.0, 100);
        // 5 · 19ᵏ passes 2⁵²·h ≈ 4.5e11 (where h drops below half the spacing) at k ≈ 9
        let message = run.diagnosis.message();
        let stuck = message.split("after step ").nth(1).unwrap();
        let k: usize = stuck.split_whitespace().next().unwrap().parse().unwrap();
        assert!((8..=11).contains(&k), "{message}");
        assert_eq!(run.final_gradient, ndarray::array![0.0, 0.0]);
        assert_eq!(float_spacing(1.0), f64::EPSILON);
    }

    #[test]
    fn eigenvalues_of_symmetric_matrices() {
        // [[2, 1], [1, 2]] has eigenvectors (1, −1) and (1, 1): 2 − 1 and 2 + 1
        for e in [
            eigenvalues(&ndarray::array![[2.0, 1.0], [1.0, 2.0]]),
            symmetric_eigenvalues(&ndarray::array![[2.0, 1.0], [1.0, 2.0]]),
        ] {
            approx::assert_abs_diff_eq!(e[0], 1.0, epsilon = 1e-12);
            approx::assert_abs_diff_eq!(e[1], 3.0, epsilon = 1e-12);
        }
        // the saddle x² − y²: curvatures −2 and 2
        assert_eq!(
            eigenvalues(&ndarray::array![[2.0, 0.0], [0.0, -2.0]]),
            [-2.0, 2.0]
        );
        let e = symmetric_eigenvalues(&ndarray::array![
            [4.0, 1.0, 0.0],
            [1.0, -3.0, 2.0],
            [0.0, 2.0, 1.0]
        ]);
        // trace 2 and determinant −4·4... checked against the characteristic polynomial
        approx::assert_abs_diff_eq!(e.iter().sum::<f64>(), 2.0, epsilon = 1e-9);
        let det = |l: f64| (4.0 - l) * ((-3.0 - l) * (1.0 - l) - 4.0) - (1.0 - l);
        for l in e {
            assert!(det(l).abs() < 1e-8, "{l}");
        }
    }
}
