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
}

/// A diagnosis: its kind, and a sentence with the numbers that explain it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    /// Converged, saddle, plateau, diverged, stalled or moving.
    pub kind: DiagnosisKind,
    /// What happened and what to do about it, with figures.
    pub message: String,
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
    /// `" of Adam"` (empty for SGD), to name the rule in messages.
    rule: String,
}

/// Says how a run that visited `history` ended, from `f` at each point (`values`) and the
/// gradient at the end; `f`'s gradient at the start and its Hessian at the end (both numerical)
/// tell the kinds of standstill apart.
// About 80 lines: one verdict per case, in the order they are tried.
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
    let rule = if optimizer.kind == OptimizerKind::Sgd {
        String::new()
    } else {
        format!(" of {}", optimizer.kind.title())
    };
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
        rule,
    }
    .diagnose()
}

impl Run<'_> {
    fn diagnose(&self) -> Diagnosis {
        let (f0, f_end, g0, g_end) = (self.f0, self.f_end, self.g0, self.g_end);
        if !(f0.is_finite() && g0.is_finite()) {
            let start = self.history.row(0);
            return Diagnosis {
                kind: DiagnosisKind::Overflow,
                message: format!(
                    "overflow at the start: at ({}) f is {} and the gradient's length {}, beyond \
                     what 64-bit floats hold (about 1.8e308); no learning rate helps: start \
                     closer to the minimum",
                    start
                        .iter()
                        .map(|v| message_number(*v))
                        .collect::<Vec<_>>()
                        .join(", "),
                    message_number(f0),
                    message_number(g0)
                ),
            };
        }
        if let Some(diverged) = self.not_finite().or_else(|| self.grew()) {
            return diverged;
        }
        if g_end <= SMALL_GRADIENT * g0.max(1.0) {
            return self.stationary();
        }
        let (lr, rule, steps, path) = (self.optimizer.lr, &self.rule, self.steps, self.path);
        if path < 1e-4 * norm(self.history.row(0)).max(1.0) {
            // the steps' own gradient was exactly 0: h vanishes next to every coordinate
            if let Some(h) = self.step_h
                && vanishes(h, self.history.row(0))
            {
                return Diagnosis {
                    kind: DiagnosisKind::Stalled,
                    message: format!(
                        "stalled: the numerical gradient with h = {h:e} is exactly 0 at the \
                         start, because x + h rounds back to x (h is below the spacing of \
                         floating-point numbers there), so no step moves the point, although \
                         the true gradient has length {}: use a larger h, such as the book's 1e-4",
                        message_number(self.g0)
                    ),
                };
            }
            return Diagnosis {
                kind: DiagnosisKind::Stalled,
                message: format!(
                    "stalled: in {steps} steps the point moved only {} in all while the gradient is \
                     still {}; the learning rate{rule} {lr:e} is too small: try a larger one",
                    message_number(path),
                    message_number(g_end),
                ),
            };
        }
        if f_end >= f0 - 1e-9 * f0.abs().max(1e-300) {
            return Diagnosis {
                kind: DiagnosisKind::Diverged,
                message: format!(
                    "diverged: f did not go down (from {} to {}) although the point travelled {}: \
                     each step overshoots the minimum; try a smaller learning rate than {lr}",
                    message_number(f0),
                    message_number(f_end),
                    message_number(path),
                ),
            };
        }
        let above = match self.known_minimum {
            Some(m) => format!(" (the minimum is {})", message_number(m)),
            None => String::new(),
        };
        Diagnosis {
            kind: DiagnosisKind::Moving,
            message: format!(
                "still moving: f went from {} to {}{above}, and the gradient is still {}; more steps \
                 or a better-tuned learning rate would get closer",
                message_number(f0),
                message_number(f_end),
                message_number(g_end),
            ),
        }
    }

    /// Diverged: some point is NaN or infinite.
    fn not_finite(&self) -> Option<Diagnosis> {
        let k = self
            .history
            .rows()
            .into_iter()
            .position(|r| r.iter().any(|v| !v.is_finite()))?;
        let (lr, rule) = (self.optimizer.lr, &self.rule);
        Some(Diagnosis {
            kind: DiagnosisKind::Diverged,
            message: format!(
                "diverged: after step {k} the point is no longer finite; the learning rate{rule} {lr} is \
                 too large for this function: try a smaller one"
            ),
        })
    }

    /// Diverged: `f` and `|x|` both grew. If the point ended so far out that `x ± h` rounds
    /// back to `x`, the message says why it stopped moving.
    fn grew(&self) -> Option<Diagnosis> {
        let (history, steps) = (self.history, self.steps);
        let (start, end) = (history.row(0), history.row(steps));
        let (f0, f_end, lr, rule) = (self.f0, self.f_end, self.optimizer.lr, &self.rule);
        if f_end.is_finite() && !(f_end > f0 + 1e-9 * f0.abs().max(1.0) && norm(end) > norm(start))
        {
            return None;
        }
        let mut message = format!(
            "diverged: f grew from {} to {} and |x| from {} to {}; the learning rate{rule} {lr} is too \
             large for this function: try a smaller one",
            message_number(f0),
            message_number(f_end),
            message_number(norm(start)),
            message_number(norm(end)),
        );
        // Stuck far away: x ± h == x in every coordinate, so the numerical gradient is exactly 0.
        if let Some(h) = self.step_h
            && vanishes(h, end)
        {
            let stuck_from = (0..steps)
                .rev()
                .take_while(|&k| history.row(k) == end)
                .last()
                .unwrap_or(steps);
            let widest = end.iter().fold(0.0f64, |m, &v| m.max(v.abs()));
            message.push_str(&format!(
                ". It stopped moving after step {stuck_from} only because h = {h:e} is below half \
                 the float spacing at |x| ≈ {} (spacing {}): x ± h rounds back to x, so the \
                 numerical gradient is exactly 0 there — not because it found a minimum",
                message_number(widest),
                message_number(float_spacing(widest)),
            ));
        }
        Some(Diagnosis {
            kind: DiagnosisKind::Diverged,
            message,
        })
    }

    /// The gradient vanished: a minimum, a saddle, or a plateau, told apart by the curvature
    /// (the eigenvalues of the numerical Hessian) and by how far f is above the best known value.
    // About 70 lines: one verdict per kind of stationary point, in the order they are tried.
    fn stationary(&self) -> Diagnosis {
        let (f0, f_end, g0, g_end, steps) = (self.f0, self.f_end, self.g0, self.g_end, self.steps);
        let eig = self.hessian.as_ref().map(eigenvalues).unwrap_or_default();
        let (lo, hi) = eig
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &l| {
                (lo.min(l), hi.max(l))
            });
        let curvatures = eig
            .iter()
            .map(|&l| message_number(l))
            .collect::<Vec<_>>()
            .join(", ");
        let best = self
            .known_minimum
            .unwrap_or_else(|| self.values.iter().copied().fold(f64::INFINITY, f64::min));
        let above = f_end - best;
        let gradient = format!(
            "the gradient is {} after {steps} steps (it was {})",
            message_number(g_end),
            message_number(g0)
        );
        if lo < -FLAT_CURVATURE {
            let what = if hi > FLAT_CURVATURE {
                "a saddle point"
            } else {
                "a maximum or a ridge"
            };
            return Diagnosis {
                kind: DiagnosisKind::Saddle,
                message: format!(
                    "saddle: {gradient}, but this is {what}, not a minimum: the Hessian's eigenvalues \
                     are {curvatures}, and a negative one means f still falls in that direction. Plain \
                     gradient descent stops here only because it started exactly on the ridge; a \
                     nudge off it, or momentum, would carry it down"
                ),
            };
        }
        let far_above = self.known_minimum.is_some() && above > 1e-3 * (f0 - best).abs().max(1e-12);
        if hi.abs() <= FLAT_CURVATURE
            && lo.abs() <= FLAT_CURVATURE
            && (far_above || self.known_minimum.is_none())
        {
            let known = match self.known_minimum {
                Some(m) => format!(
                    "f = {} is far above the minimum {}",
                    message_number(f_end),
                    message_number(m)
                ),
                None => format!(
                    "f = {}, and nothing says this is the bottom",
                    message_number(f_end)
                ),
            };
            return Diagnosis {
                kind: DiagnosisKind::Plateau,
                message: format!(
                    "plateau: {gradient} and the curvature is flat too (Hessian eigenvalues {curvatures}), \
                     yet {known}: the slope is too gentle to follow. A much larger learning rate, or an \
                     adaptive rule such as AdaGrad or Adam, which scales steps up where gradients are small, \
                     crosses it"
                ),
            };
        }
        let local = if far_above {
            format!(
                " (a local one: f = {} is above the known minimum {})",
                message_number(f_end),
                message_number(best)
            )
        } else {
            String::new()
        };
        Diagnosis {
            kind: DiagnosisKind::Converged,
            message: format!(
                "converged to a minimum{local}: {gradient} and f from {} to {}; f curves up in every \
                 direction (Hessian eigenvalues {curvatures})",
                message_number(f0),
                message_number(f_end),
            ),
        }
    }
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
            far.message.contains("overflow at the start"),
            "{}",
            far.message
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
            bounce.diagnosis.message.contains("overshoots"),
            "{}",
            bounce.diagnosis.message
        );
        assert_eq!(
            sphere(&[0.0, 0.0], 0.1, 10).diagnosis.kind,
            DiagnosisKind::Converged
        );
    }

    #[test]
    fn a_divergence_to_infinity_is_named() {
        let run = gradient_descent(|x| (x[0] * x[0]).exp(), ndarray::array![3.0], 1.0, 5).unwrap();
        assert_eq!(run.diagnosis.kind, DiagnosisKind::Diverged);
        assert!(
            run.diagnosis.message.contains("no longer finite"),
            "{}",
            run.diagnosis.message
        );
    }

    #[test]
    fn the_stuck_divergence_explains_the_float_spacing() {
        let run = sphere(&[-3.0, 4.0], 10.0, 100);
        // 5 · 19ᵏ passes 2⁵²·h ≈ 4.5e11 (where h drops below half the spacing) at k ≈ 9
        let stuck = run.diagnosis.message.split("after step ").nth(1).unwrap();
        let k: usize = stuck.split_whitespace().next().unwrap().parse().unwrap();
        assert!((8..=11).contains(&k), "{}", run.diagnosis.message);
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
