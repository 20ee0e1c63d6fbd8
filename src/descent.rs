//! Gradient descent with the whole path, and a diagnosis of how it went.
//!
//! The update is the book's: `x ← x − η ∇f(x)`, coordinate by coordinate
//! (`x₀ ← x₀ − η ∂f/∂x₀`, `x₁ ← x₁ − η ∂f/∂x₁`), with the gradient taken numerically by
//! [`numerical_gradient`]. The result keeps every point visited, so that the
//! path can be drawn, and says in words whether the run converged, diverged, stalled or is still
//! moving.

use std::fmt;

use ndarray::{Array1, Array2, ArrayView1, Zip};

use crate::gradient::{H, numerical_gradient};
use crate::{Error, Landscape};

/// How a run of gradient descent ended, for a person to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagnosisKind {
    /// The gradient has (nearly) vanished: the run reached a stationary point.
    Converged,
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
    /// Converged, diverged, stalled or moving.
    pub kind: DiagnosisKind,
    /// What happened and what to do about it, with figures.
    pub message: String,
}

/// One run of gradient descent: every point visited and the value of `f` there.
#[derive(Clone, Debug)]
pub struct Descent {
    /// The learning rate `η` used.
    pub lr: f64,
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
    mut f: impl FnMut(&Array1<f64>) -> f64,
    init: Array1<f64>,
    lr: f64,
    steps: usize,
) -> Result<Descent, Error> {
    if !(lr.is_finite() && lr > 0.0) {
        return Err(Error::LearningRate { lr });
    }
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
        Zip::from(&mut x).and(&grad).for_each(|x, &g| *x -= lr * g);
        history.row_mut(step).assign(&x);
    }
    let final_gradient = numerical_gradient(&mut f, &mut x);
    let initial_gradient = numerical_gradient(&mut f, &mut history.row(0).to_owned());
    let values: Array1<f64> = history
        .rows()
        .into_iter()
        .map(|r| f(&r.to_owned()))
        .collect();
    let diagnosis = diagnose(&history, &values, &initial_gradient, &final_gradient, lr);
    Ok(Descent {
        lr,
        history,
        values,
        final_gradient,
        diagnosis,
    })
}

impl Landscape {
    /// Gradient descent on this function from a point a user gave: checks the point's dimension,
    /// then runs [`gradient_descent`].
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
        self.check_point(init)?;
        gradient_descent(
            |x| self.eval(x.view()),
            Array1::from(init.to_vec()),
            lr,
            steps,
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

fn diagnose(
    history: &Array2<f64>,
    values: &Array1<f64>,
    initial_gradient: &Array1<f64>,
    final_gradient: &Array1<f64>,
    lr: f64,
) -> Diagnosis {
    let steps = history.nrows() - 1;
    let (start, end) = (history.row(0), history.row(steps));
    let (f0, f_end) = (values[0], values[steps]);
    let (g0, g_end) = (norm(initial_gradient.view()), norm(final_gradient.view()));
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
                "diverged: after step {k} the point is no longer finite; the learning rate {lr} is \
                 too large for this function: try a smaller one"
            ),
        );
    }
    if !f_end.is_finite() || (f_end > f0 + 1e-9 * f0.abs().max(1.0) && norm(end) > norm(start)) {
        let mut message = format!(
            "diverged: f grew from {} to {} and |x| from {} to {}; the learning rate {lr} is too \
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
    if g_end <= 1e-6 * g0.max(1.0) {
        return diagnosis(
            DiagnosisKind::Converged,
            format!(
                "converged: the gradient shrank from {} to {} and f from {} to {} in {steps} steps",
                short(g0),
                short(g_end),
                short(f0),
                short(f_end),
            ),
        );
    }
    if path < 1e-4 * norm(start).max(1.0) {
        return diagnosis(
            DiagnosisKind::Stalled,
            format!(
                "stalled: in {steps} steps the point moved only {} in all while the gradient is \
                 still {}; the learning rate {lr:e} is too small: try a larger one",
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
    diagnosis(
        DiagnosisKind::Moving,
        format!(
            "still moving: f went from {} to {} and the gradient is still {}; more steps or a \
             larger learning rate would get closer",
            short(f0),
            short(f_end),
            short(g_end),
        ),
    )
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
