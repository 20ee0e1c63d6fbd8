//! How a run of gradient descent ended, read from its finished path.
//!
//! The descent loop ([`gradient_descent`](super::gradient_descent)) only moves; this module
//! looks at what it left: did the point fly off (the learning rate is too large), barely move
//! (too small), or come to rest — and if it rests, is that a minimum, a saddle point or a
//! plateau? Resting points are told apart by the curvature there, the eigenvalues of the
//! numerical Hessian: all positive at a minimum, one negative at a saddle, all near zero on a
//! plateau.
//!
//! One idea in one file: every verdict and the order in which they are tried, read together.

use ndarray::{Array1, Array2, ArrayView1};

use super::Gradient;
use crate::gradient::{numerical_gradient, numerical_hessian};
use crate::optim::{OptimizerConfig, OptimizerKind};
use crate::text::{Lang, Sentence, descent as say};

/// How a run of gradient descent ended, for a person to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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
    /// `f` or its gradient is not a finite number at the start: the starting point is beyond
    /// what 64-bit floats hold (`1e308²` overflows), whatever the learning rate.
    Overflow,
    /// `f` fell faster and faster as the gradient grew: `f` decreases without bound along the
    /// way taken (the saddle started off its ridge), and there is no minimum to reach.
    Unbounded,
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
    /// Converged, saddle, plateau, diverged, stalled, moving, overflow or unbounded.
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

/// What the diagnosis looks at, measured once on the finished run.
struct Run<'a> {
    history: &'a Array2<f64>,
    values: &'a Array1<f64>,
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

/// Says how a run that visited `history` ended, from `f` at each point (`values`) and the
/// gradient at the end; `f`'s gradient at the start and its Hessian at the end (both numerical)
/// tell the kinds of standstill apart.
pub(super) fn diagnose(
    history: &Array2<f64>,
    values: &Array1<f64>,
    final_gradient: &Array1<f64>,
    optimizer: OptimizerConfig,
    gradient: Gradient,
    mut f: impl FnMut(&Array1<f64>) -> f64,
    known_minimum: Option<f64>,
) -> Diagnosis {
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
        if !(f0.is_finite() && g0.is_finite()) {
            let start = self.history.row(0);
            let start = start.iter().map(|v| message_number(*v)).collect::<Vec<_>>();
            return Diagnosis::new(
                DiagnosisKind::Overflow,
                say::OVERFLOW
                    .with()
                    .arg("start", start.join(", "))
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
