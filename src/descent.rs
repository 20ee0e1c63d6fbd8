//! Gradient descent with the whole path, and a diagnosis of how it went.
//!
//! The book's update is `x ← x − η ∇f(x)`, coordinate by coordinate
//! (`x₀ ← x₀ − η ∂f/∂x₀`, `x₁ ← x₁ − η ∂f/∂x₁`), with the gradient taken numerically by
//! [`numerical_gradient`]; [`descend`] follows any rule of [`optim`](crate::optim) instead
//! (Momentum, AdaGrad, Adam, ...). The result keeps every point visited, so that the path can be
//! drawn, and says in words how the run ended: at a minimum, at a saddle point, on a plateau,
//! diverged, stalled, or still moving.

use std::fmt;

use ndarray::{Array1, Array2, ArrayView1};

use crate::gradient::{H, numerical_gradient, numerical_hessian};
use crate::optim::{Optimizer, OptimizerConfig, OptimizerKind};
use crate::{Error, Landscape};

/// How a run of gradient descent ended, for a person to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
}

impl DiagnosisKind {
    /// The lower-case name used in the JSON output (`"converged"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            DiagnosisKind::Converged => "converged",
            DiagnosisKind::Saddle => "saddle",
            DiagnosisKind::Plateau => "plateau",
            DiagnosisKind::Diverged => "diverged",
            DiagnosisKind::Stalled => "stalled",
            DiagnosisKind::Moving => "moving",
        }
    }
}

impl fmt::Display for DiagnosisKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A diagnosis: its kind, and a sentence with the numbers that explain it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    /// Converged, saddle, plateau, diverged, stalled or moving.
    pub kind: DiagnosisKind,
    /// What happened and what to do about it, with figures.
    pub message: String,
}

/// One run of gradient descent: every point visited and the value of `f` there.
#[derive(Clone, Debug)]
pub struct Descent {
    /// The update rule and its settings.
    pub optimizer: OptimizerConfig,
    /// The points visited, shape `(steps + 1, n)`: row 0 is the start, the last row the end.
    pub history: Array2<f64>,
    /// `f` at each point of `history`, shape `(steps + 1,)`.
    pub values: Array1<f64>,
    /// The numerical gradient at the final point, shape `(n,)`.
    pub final_gradient: Array1<f64>,
    /// How the run went.
    pub diagnosis: Diagnosis,
}

impl Descent {
    /// The learning rate η used.
    pub fn lr(&self) -> f64 {
        self.optimizer.lr
    }

    /// The number of steps taken.
    pub fn steps(&self) -> usize {
        self.history.nrows() - 1
    }

    /// The starting point, shape `(n,)`.
    pub fn start(&self) -> ArrayView1<'_, f64> {
        self.history.row(0)
    }

    /// The final point, shape `(n,)`: what the book's `gradient_descent` returns.
    pub fn final_point(&self) -> ArrayView1<'_, f64> {
        self.history.row(self.steps())
    }

    /// `f` at the final point.
    pub fn final_value(&self) -> f64 {
        self.values[self.steps()]
    }
}

/// Runs `steps` steps of gradient descent on `f` from `init` with learning rate `lr`:
/// `x ← x − lr · ∇f(x)`, the gradient by [`numerical_gradient`] (central difference,
/// `h = 1e-4`), in the book's order of operations, so that the points agree with its NumPy code
/// bit for bit.
///
/// Shapes: `init` is `(n,)`; the returned history is `(steps + 1, n)`, start first.
///
/// # Errors
/// [`Error::LearningRate`] unless `lr` is positive and finite; [`Error::NotFinite`] if a
/// coordinate of `init` is NaN or infinite.
///
/// ```
/// use ndarray::array;
/// use scratchnet::{gradient_descent, DiagnosisKind};
/// let run = gradient_descent(|x| x[0] * x[0] + x[1] * x[1], array![-3.0, 4.0], 0.1, 100)?;
/// assert_eq!(run.history.nrows(), 101);
/// // the book: array([-6.11110793e-10,  8.14814391e-10])
/// approx::assert_abs_diff_eq!(run.final_point()[0], -6.11110793e-10, epsilon = 1e-18);
/// assert_eq!(run.diagnosis.kind, DiagnosisKind::Converged);
/// # Ok::<(), scratchnet::Error>(())
/// ```
pub fn gradient_descent(
    f: impl FnMut(&Array1<f64>) -> f64,
    init: Array1<f64>,
    lr: f64,
    steps: usize,
) -> Result<Descent, Error> {
    descend(f, init, OptimizerConfig::sgd(lr), steps, None)
}

/// Runs `steps` steps of `optimizer` on `f` from `init`, the gradient by
/// [`numerical_gradient`]. `known_minimum`, the smallest value of `f` if known, lets the
/// diagnosis tell a plateau from a flat minimum.
///
/// With plain SGD this is [`gradient_descent`], bit for bit.
///
/// # Errors
/// As [`OptimizerConfig::validate`]; [`Error::NotFinite`] if a coordinate of `init` is NaN or
/// infinite.
///
/// ```
/// use ndarray::array;
/// use scratchnet::descent::descend;
/// use scratchnet::optim::{OptimizerConfig, OptimizerKind};
/// // the book's bowl x²/20 + y² from (−7, 2), Adam with lr 0.3, 30 steps
/// let bowl = |x: &ndarray::Array1<f64>| x[0] * x[0] / 20.0 + x[1] * x[1];
/// let adam = OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.3);
/// let run = descend(bowl, array![-7.0, 2.0], adam, 30, Some(0.0))?;
/// assert!(run.final_point()[0].abs() < 1.0);
/// # Ok::<(), scratchnet::Error>(())
/// ```
pub fn descend(
    mut f: impl FnMut(&Array1<f64>) -> f64,
    init: Array1<f64>,
    optimizer: OptimizerConfig,
    steps: usize,
    known_minimum: Option<f64>,
) -> Result<Descent, Error> {
    let mut rule = Optimizer::new(optimizer)?;
    if let Some(&value) = init.iter().find(|v| !v.is_finite()) {
        return Err(Error::NotFinite {
            what: "a coordinate of the starting point",
            value,
        });
    }
    let mut history = Array2::zeros((steps + 1, init.len()));
    history.row_mut(0).assign(&init);
    let mut x = init;
    for step in 1..=steps {
        let grad = numerical_gradient(&mut f, &mut x);
        rule.update(&mut [x.view_mut().into_dyn()], &[grad.view().into_dyn()]);
        history.row_mut(step).assign(&x);
    }
    let mut end = history.row(steps).to_owned();
    let final_gradient = numerical_gradient(&mut f, &mut end);
    let initial_gradient = numerical_gradient(&mut f, &mut history.row(0).to_owned());
    let values: Array1<f64> = history
        .rows()
        .into_iter()
        .map(|r| f(&r.to_owned()))
        .collect();
    let hessian = final_gradient
        .iter()
        .chain(&end)
        .all(|v| v.is_finite())
        .then(|| numerical_hessian(&mut f, &end));
    let run = Run {
        history: &history,
        values: &values,
        initial_gradient: &initial_gradient,
        final_gradient: &final_gradient,
        hessian,
        known_minimum,
        optimizer,
    };
    let diagnosis = run.diagnose();
    Ok(Descent {
        optimizer,
        history,
        values,
        final_gradient,
        diagnosis,
    })
}

impl Landscape {
    /// Gradient descent (the book's SGD) on this function from a point a user gave: checks the
    /// point's dimension, then runs [`gradient_descent`].
    ///
    /// # Errors
    /// [`Error::Dimension`] if `init` has the wrong number of coordinates, and the errors of
    /// [`gradient_descent`].
    ///
    /// ```
    /// use scratchnet::{DiagnosisKind, Landscape};
    /// let run = Landscape::Sphere.descend(&[-3.0, 4.0], 1e-10, 100)?;
    /// assert_eq!(run.diagnosis.kind, DiagnosisKind::Stalled);
    /// assert!(Landscape::Sphere.descend(&[1.0, 2.0, 3.0], 0.1, 100).is_err());
    /// # Ok::<(), scratchnet::Error>(())
    /// ```
    pub fn descend(self, init: &[f64], lr: f64, steps: usize) -> Result<Descent, Error> {
        self.descend_with(init, OptimizerConfig::sgd(lr), steps)
    }

    /// [`descend`] with any update rule on this function; its known minimum informs the
    /// diagnosis.
    ///
    /// # Errors
    /// As [`Landscape::descend`].
    pub fn descend_with(
        self,
        init: &[f64],
        optimizer: OptimizerConfig,
        steps: usize,
    ) -> Result<Descent, Error> {
        self.check_point(init)?;
        let known = self.minimum().map(|(_, v)| v);
        descend(
            |x| self.eval(x.view()),
            Array1::from(init.to_vec()),
            optimizer,
            steps,
            known,
        )
    }
}

fn norm(v: ArrayView1<f64>) -> f64 {
    v.iter().map(|a| a * a).sum::<f64>().sqrt()
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

/// What the diagnosis looks at.
struct Run<'a> {
    history: &'a Array2<f64>,
    values: &'a Array1<f64>,
    initial_gradient: &'a Array1<f64>,
    final_gradient: &'a Array1<f64>,
    hessian: Option<Array2<f64>>,
    known_minimum: Option<f64>,
    optimizer: OptimizerConfig,
}

impl Run<'_> {
    fn diagnose(&self) -> Diagnosis {
        let history = self.history;
        let steps = history.nrows() - 1;
        let (start, end) = (history.row(0), history.row(steps));
        let (f0, f_end) = (self.values[0], self.values[steps]);
        let (g0, g_end) = (
            norm(self.initial_gradient.view()),
            norm(self.final_gradient.view()),
        );
        let lr = self.optimizer.lr;
        let rule = if self.optimizer.kind == OptimizerKind::Sgd {
            String::new()
        } else {
            format!(" of {}", self.optimizer.kind.title())
        };
        let path: f64 = history
            .rows()
            .into_iter()
            .zip(history.rows().into_iter().skip(1))
            .map(|(a, b)| norm((&b - &a).view()))
            .sum();
        let diagnosis = |kind, message| Diagnosis { kind, message };

        if let Some(k) = history
            .rows()
            .into_iter()
            .position(|r| r.iter().any(|v| !v.is_finite()))
        {
            return diagnosis(
                DiagnosisKind::Diverged,
                format!(
                    "diverged: after step {k} the point is no longer finite; the learning rate{rule} {lr} is \
                     too large for this function: try a smaller one"
                ),
            );
        }
        if !f_end.is_finite() || (f_end > f0 + 1e-9 * f0.abs().max(1.0) && norm(end) > norm(start))
        {
            let mut message = format!(
                "diverged: f grew from {} to {} and |x| from {} to {}; the learning rate{rule} {lr} is too \
                 large for this function: try a smaller one",
                short(f0),
                short(f_end),
                short(norm(start)),
                short(norm(end)),
            );
            // Stuck far away: x ± h == x in every coordinate, so the numerical gradient is exactly 0.
            if end.iter().all(|&v| v + H == v && v - H == v) {
                let stuck_from = (0..steps)
                    .rev()
                    .take_while(|&k| history.row(k) == end)
                    .last()
                    .unwrap_or(steps);
                let widest = end.iter().fold(0.0f64, |m, &v| m.max(v.abs()));
                message.push_str(&format!(
                    ". It stopped moving after step {stuck_from} only because h = 1e-4 is below half \
                     the float spacing at |x| ≈ {} (spacing {}): x ± h rounds back to x, so the \
                     numerical gradient is exactly 0 there — not because it found a minimum",
                    short(widest),
                    short(float_spacing(widest)),
                ));
            }
            return diagnosis(DiagnosisKind::Diverged, message);
        }
        if g_end <= SMALL_GRADIENT * g0.max(1.0) {
            return self.stationary(f0, f_end, g0, g_end, steps);
        }
        if path < 1e-4 * norm(start).max(1.0) {
            return diagnosis(
                DiagnosisKind::Stalled,
                format!(
                    "stalled: in {steps} steps the point moved only {} in all while the gradient is \
                     still {}; the learning rate{rule} {lr:e} is too small: try a larger one",
                    short(path),
                    short(g_end),
                ),
            );
        }
        if f_end >= f0 - 1e-9 * f0.abs().max(1e-300) {
            return diagnosis(
                DiagnosisKind::Diverged,
                format!(
                    "diverged: f did not go down (from {} to {}) although the point travelled {}: \
                     each step overshoots the minimum; try a smaller learning rate than {lr}",
                    short(f0),
                    short(f_end),
                    short(path),
                ),
            );
        }
        let above = match self.known_minimum {
            Some(m) => format!(" (the minimum is {})", short(m)),
            None => String::new(),
        };
        diagnosis(
            DiagnosisKind::Moving,
            format!(
                "still moving: f went from {} to {}{above}, and the gradient is still {}; more steps \
                 or a better-tuned learning rate would get closer",
                short(f0),
                short(f_end),
                short(g_end),
            ),
        )
    }

    /// The gradient vanished: a minimum, a saddle, or a plateau, told apart by the curvature
    /// (the eigenvalues of the numerical Hessian) and by how far f is above the best known value.
    fn stationary(&self, f0: f64, f_end: f64, g0: f64, g_end: f64, steps: usize) -> Diagnosis {
        let eig = self
            .hessian
            .as_ref()
            .map(symmetric_eigenvalues)
            .unwrap_or_default();
        let (lo, hi) = eig
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &l| {
                (lo.min(l), hi.max(l))
            });
        let curvatures = eig.iter().map(|&l| short(l)).collect::<Vec<_>>().join(", ");
        let best = self
            .known_minimum
            .unwrap_or_else(|| self.values.iter().copied().fold(f64::INFINITY, f64::min));
        let above = f_end - best;
        let gradient = format!(
            "the gradient is {} after {steps} steps (it was {})",
            short(g_end),
            short(g0)
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
                Some(m) => format!("f = {} is far above the minimum {}", short(f_end), short(m)),
                None => format!("f = {}, and nothing says this is the bottom", short(f_end)),
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
                short(f_end),
                short(best)
            )
        } else {
            String::new()
        };
        Diagnosis {
            kind: DiagnosisKind::Converged,
            message: format!(
                "converged to a minimum{local}: {gradient} and f from {} to {}; f curves up in every \
                 direction (Hessian eigenvalues {curvatures})",
                short(f0),
                short(f_end),
            ),
        }
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
fn short(v: f64) -> String {
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
        let e = symmetric_eigenvalues(&ndarray::array![[2.0, 1.0], [1.0, 2.0]]);
        approx::assert_abs_diff_eq!(e[0], 1.0, epsilon = 1e-12);
        approx::assert_abs_diff_eq!(e[1], 3.0, epsilon = 1e-12);
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

    #[test]
    fn bad_settings_are_errors() {
        let f = |x: &Array1<f64>| x[0];
        for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                gradient_descent(f, ndarray::array![1.0], lr, 1),
                Err(Error::LearningRate { .. })
            ));
        }
        assert!(matches!(
            gradient_descent(f, ndarray::array![f64::NAN], 0.1, 1),
            Err(Error::NotFinite { .. })
        ));
        assert!(matches!(
            Landscape::Sphere.descend(&[1.0], 0.1, 1),
            Err(Error::Dimension {
                expected: 2,
                got: 1,
                ..
            })
        ));
    }
}
