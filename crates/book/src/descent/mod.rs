//! Gradient descent, the book's `ch04/gradient_method.py`: follow the gradient downhill and keep
//! the whole path.
//!
//! [`gradient_descent`] is the book's loop, line for line: copy the start, then for each step
//! take the numerical gradient and move `x -= lr * grad`. [`descend`] is the same loop with any
//! update rule of [`optim`](crate::optim) (Momentum, AdaGrad, Adam, ...). Both keep every point
//! visited, so that the path can be drawn, and then [`diagnosis`] reads the finished path and
//! says in words how the run ended: at a minimum, at a saddle point, on a plateau, diverged,
//! stalled, still moving, or gone where f is not defined. The gradient each step used is kept
//! too, so that every update `x ← x − η∇f(x)` can be shown with its numbers.

use ndarray::{Array1, Array2, ArrayView1};

use crate::Error;
use crate::gradient::{numerical_gradient, numerical_gradient_with_h};
use crate::optim::{Optimizer, OptimizerConfig};

pub mod diagnosis;
mod document;

pub use diagnosis::{Diagnosis, DiagnosisKind};
pub use document::{DiagnosisDocument, Document};

/// Runs `step_num` steps of gradient descent on `f` from `init` with learning rate `lr`:
/// `x ← x − lr · ∇f(x)`, the gradient by [`numerical_gradient`] (central difference,
/// `h = 1e-4`). The book's loop in its order of operations, so that the points agree with its
/// NumPy code bit for bit.
///
/// Shapes: `init` is `(n,)`; the returned history is `(step_num + 1, n)`, start first.
///
/// # Errors
/// [`Error::LearningRate`] unless `lr` is positive and finite; [`Error::NotFinite`] if a
/// coordinate of `init` is NaN or infinite.
///
/// ```
/// use scratchnet_book::ndarray::array;
/// use scratchnet_book::{gradient_descent, DiagnosisKind};
/// let run = gradient_descent(|x| x[0] * x[0] + x[1] * x[1], array![-3.0, 4.0], 0.1, 100)?;
/// assert_eq!(run.history.nrows(), 101);
/// // the book: array([-6.11110793e-10,  8.14814391e-10])
/// approx::assert_abs_diff_eq!(run.final_point()[0], -6.11110793e-10, epsilon = 1e-18);
/// assert_eq!(run.diagnosis.kind, DiagnosisKind::Converged);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn gradient_descent(
    mut f: impl FnMut(&Array1<f64>) -> f64,
    init: Array1<f64>,
    lr: f64,
    step_num: usize,
) -> Result<Descent, Error> {
    let optimizer = OptimizerConfig::sgd(lr);
    optimizer.validate()?;
    check_start(&init)?;

    let mut x = init;
    let mut path = vec![x.clone()];
    let mut gradients = Vec::new();
    for _ in 0..step_num {
        let grad = numerical_gradient(&mut f, &mut x);
        x -= &(lr * &grad);
        gradients.extend(grad.iter());
        path.push(x.clone());
    }

    Ok(Descent::from_path(
        f,
        &path,
        gradients,
        optimizer,
        Gradient::BOOK,
        None,
    ))
}

/// Runs `steps` steps of `optimizer` on `f` from `init`, the gradient by
/// [`numerical_gradient`]: [`gradient_descent`]'s loop with the update `x -= lr * grad` replaced
/// by the rule's. `known_minimum`, the smallest value of `f` if known, lets the diagnosis tell a
/// plateau from a flat minimum.
///
/// With plain SGD this is [`gradient_descent`], bit for bit.
///
/// # Errors
/// As [`OptimizerConfig::validate`]; [`Error::NotFinite`] if a coordinate of `init` is NaN or
/// infinite.
///
/// ```
/// use scratchnet_book::ndarray::{array, Array1};
/// use scratchnet_book::descent::descend;
/// use scratchnet_book::optim::{OptimizerConfig, OptimizerKind};
/// // the book's bowl x²/20 + y² from (−7, 2), Adam with lr 0.3, 30 steps
/// let bowl = |x: &Array1<f64>| x[0] * x[0] / 20.0 + x[1] * x[1];
/// let adam = OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.3);
/// let run = descend(bowl, array![-7.0, 2.0], adam, 30, Some(0.0))?;
/// assert!(run.final_point()[0].abs() < 1.0);
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn descend<F: FnMut(&Array1<f64>) -> f64>(
    f: F,
    init: Array1<f64>,
    optimizer: OptimizerConfig,
    steps: usize,
    known_minimum: Option<f64>,
) -> Result<Descent, Error> {
    descend_by(
        f,
        |f: &mut F, x: &mut Array1<f64>| numerical_gradient(f, x),
        Gradient::BOOK,
        init,
        optimizer,
        steps,
        known_minimum,
    )
}

/// How a descent takes the gradient at each step.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "method", rename_all = "lowercase")]
pub enum Gradient {
    /// By central difference with step `h`, as [`numerical_gradient_with_h`]: the book's way
    /// with `h = 1e-4` ([`Gradient::BOOK`]).
    Numerical {
        /// The step of the difference, positive.
        h: f64,
    },
    /// From the function's formula, where there is one ([`Landscape::gradient`]).
    ///
    /// [`Landscape::gradient`]: crate::Landscape::gradient
    Exact,
}

impl Gradient {
    /// The book's: central difference with `h = 1e-4`.
    pub const BOOK: Gradient = Gradient::Numerical {
        h: crate::gradient::H,
    };

    /// Checks that a numerical step `h` is positive and finite.
    ///
    /// # Errors
    /// [`Error::Config`] naming the value.
    pub fn validate(self) -> Result<(), Error> {
        match self {
            Gradient::Numerical { h } if !(h.is_finite() && h > 0.0) => Err(Error::Config {
                what: "the step h of the numerical gradient",
                problem: format!("must be a positive number such as 1e-4, got {h}"),
            }),
            _ => Ok(()),
        }
    }
}

/// [`descend`] on a function `f` whose exact gradient `exact` is known too, each step taking the
/// gradient by `gradient`; `init` is checked to be finite.
pub(crate) fn descend_with_gradient(
    f: impl Fn(ArrayView1<f64>) -> f64,
    exact: impl Fn(ArrayView1<f64>) -> Array1<f64>,
    init: &[f64],
    optimizer: OptimizerConfig,
    steps: usize,
    gradient: Gradient,
    known_minimum: Option<f64>,
) -> Result<Descent, Error> {
    gradient.validate()?;
    descend_by(
        |x: &Array1<f64>| f(x.view()),
        |f, x| match gradient {
            Gradient::Numerical { h } => numerical_gradient_with_h(f, x, h),
            Gradient::Exact => exact(x.view()),
        },
        gradient,
        Array1::from(init.to_vec()),
        optimizer,
        steps,
        known_minimum,
    )
}

/// The loop of [`descend`] with the gradient taken by `grad(f, x)` as `gradient` says (which the
/// diagnosis needs: a numerical gradient with step `h` is exactly 0 where `x ± h` rounds to `x`), which may evaluate `f` (the
/// numerical gradient) or not (an exact one).
pub(crate) fn descend_by<F: FnMut(&Array1<f64>) -> f64>(
    mut f: F,
    mut grad: impl FnMut(&mut F, &mut Array1<f64>) -> Array1<f64>,
    gradient: Gradient,
    init: Array1<f64>,
    optimizer: OptimizerConfig,
    steps: usize,
    known_minimum: Option<f64>,
) -> Result<Descent, Error> {
    let mut rule = Optimizer::new(optimizer)?;
    check_start(&init)?;

    let mut x = init;
    let mut path = vec![x.clone()];
    let mut gradients = Vec::new();
    for _ in 0..steps {
        let grad = grad(&mut f, &mut x);
        rule.update(&mut [x.view_mut().into_dyn()], &[grad.view().into_dyn()]);
        gradients.extend(grad.iter());
        path.push(x.clone());
    }

    Ok(Descent::from_path(
        f,
        &path,
        gradients,
        optimizer,
        gradient,
        known_minimum,
    ))
}

fn check_start(init: &Array1<f64>) -> Result<(), Error> {
    match init.iter().find(|v| !v.is_finite()) {
        Some(&value) => Err(Error::NotFinite {
            what: "a coordinate of the starting point",
            value,
        }),
        None => Ok(()),
    }
}

/// One run of gradient descent: every point visited, the value of `f` there, and the gradient
/// each step took.
#[derive(Clone, Debug)]
pub struct Descent {
    /// The update rule and its settings.
    pub optimizer: OptimizerConfig,
    /// The points visited, shape `(steps + 1, n)`: row 0 is the start, the last row the end.
    pub history: Array2<f64>,
    /// `f` at each point of `history`, shape `(steps + 1,)`.
    pub values: Array1<f64>,
    /// The gradient each step used, shape `(steps, n)`: row `k` is the gradient at
    /// `history[k]`, as the step computed it (numerical with the run's `h`, or exact), so that
    /// with SGD `history[k + 1] = history[k] − lr · gradients[k]`. Not finite where the
    /// gradient was not (NaN outside f's domain, infinite beyond the floats).
    pub gradients: Array2<f64>,
    /// The numerical gradient at the final point, shape `(n,)`.
    pub final_gradient: Array1<f64>,
    /// How the run went.
    pub diagnosis: Diagnosis,
}

impl Descent {
    /// The learning rate η used.
    #[must_use]
    pub fn lr(&self) -> f64 {
        self.optimizer.lr
    }

    /// The number of steps taken.
    #[must_use]
    pub fn steps(&self) -> usize {
        self.history.nrows() - 1
    }

    /// The starting point, shape `(n,)`.
    #[must_use]
    pub fn start(&self) -> ArrayView1<'_, f64> {
        self.history.row(0)
    }

    /// The final point, shape `(n,)`: what the book's `gradient_descent` returns.
    #[must_use]
    pub fn final_point(&self) -> ArrayView1<'_, f64> {
        self.history.row(self.steps())
    }

    /// `f` at the final point.
    #[must_use]
    pub fn final_value(&self) -> f64 {
        self.values[self.steps()]
    }

    /// The first `steps` steps of this run (all of them if it took fewer), for the picture of a
    /// run that goes too far to show: the points, values and gradients are cut, while the
    /// diagnosis and the final gradient stay the whole run's, so that the legend still says how
    /// it ended.
    ///
    /// ```
    /// use scratchnet_book::{gradient_descent, ndarray::array, DiagnosisKind};
    /// let saddle = |x: &scratchnet_book::ndarray::Array1<f64>| x[0] * x[0] - x[1] * x[1];
    /// let run = gradient_descent(saddle, array![2.0, 0.0], 0.1, 100)?;
    /// let first = run.first_steps(30);
    /// assert_eq!((first.steps(), first.final_point()[0]), (30, run.history[(30, 0)]));
    /// assert_eq!(first.diagnosis.kind, DiagnosisKind::Saddle);
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    #[must_use]
    pub fn first_steps(&self, steps: usize) -> Descent {
        let keep = steps.saturating_add(1).min(self.history.nrows());
        Descent {
            history: self.history.slice(ndarray::s![..keep, ..]).to_owned(),
            values: self.values.slice(ndarray::s![..keep]).to_owned(),
            gradients: self.gradients.slice(ndarray::s![..keep - 1, ..]).to_owned(),
            ..self.clone()
        }
    }
}

impl Descent {
    /// The run that visited `path` (start first) with `optimizer`, taking the `gradients` (one
    /// row of `n` after another, one row per step) as `gradient` says: `f` at every point, the
    /// gradient at the end, and the [diagnosis](diagnosis::diagnose).
    fn from_path(
        mut f: impl FnMut(&Array1<f64>) -> f64,
        path: &[Array1<f64>],
        gradients: Vec<f64>,
        optimizer: OptimizerConfig,
        gradient: Gradient,
        known_minimum: Option<f64>,
    ) -> Self {
        let n = path[0].len();
        let mut history = Array2::zeros((path.len(), n));
        for (mut row, x) in history.rows_mut().into_iter().zip(path) {
            row.assign(x);
        }
        let values: Array1<f64> = path.iter().map(&mut f).collect();
        let gradients = Array2::from_shape_vec((path.len() - 1, n), gradients)
            .expect("one gradient of n coordinates per step");
        let final_gradient =
            numerical_gradient(&mut f, &mut history.row(path.len() - 1).to_owned());
        let visited = diagnosis::Visited {
            history: &history,
            values: &values,
            gradients: &gradients,
            final_gradient: &final_gradient,
        };
        let diagnosis = diagnosis::diagnose(visited, optimizer, gradient, f, known_minimum);
        Descent {
            optimizer,
            history,
            values,
            gradients,
            final_gradient,
            diagnosis,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Landscape;

    #[test]
    fn descend_with_sgd_is_the_books_loop_bit_for_bit() {
        let f = |x: &Array1<f64>| Landscape::Bowl.eval(x.view());
        for lr in [1e-10, 0.01, 0.95, 10.0] {
            let book = gradient_descent(f, ndarray::array![-7.0, 2.0], lr, 50).unwrap();
            let rule = descend(
                f,
                ndarray::array![-7.0, 2.0],
                OptimizerConfig::sgd(lr),
                50,
                None,
            )
            .unwrap();
            assert_eq!(book.history, rule.history, "lr {lr}");
        }
    }

    #[test]
    fn the_diagnosis_names_the_h_the_steps_used() {
        let sgd = OptimizerConfig::sgd;
        let run = |lr, gradient| {
            Landscape::Sphere
                .descend_using(&[-3.0, 4.0], sgd(lr), 100, gradient)
                .unwrap()
                .diagnosis
        };
        // below the float spacing at the start: every difference is 0, and h is to blame
        let tiny = run(0.1, Gradient::Numerical { h: 1e-50 });
        assert_eq!(tiny.kind, DiagnosisKind::Stalled);
        assert!(
            tiny.message().contains("h = 1e-50 is exactly 0"),
            "{}",
            tiny.message()
        );
        // flown off until x ± h == x: with h = 1e-2 that happens further out than with 1e-4
        let far = run(10.0, Gradient::Numerical { h: 1e-2 });
        assert!(
            far.message().contains("only because h = 1e-2"),
            "{}",
            far.message()
        );
        // the exact gradient never vanishes out there: it flies on to infinity
        let exact = run(10.0, Gradient::Exact);
        assert_eq!(exact.kind, DiagnosisKind::Diverged);
        assert!(
            !exact.message().contains("only because h"),
            "{}",
            exact.message()
        );
    }

    #[test]
    fn each_step_keeps_the_exact_gradient_it_used() {
        let lr = 0.1;
        let run = Landscape::Sphere
            .descend_using(&[-3.0, 4.0], OptimizerConfig::sgd(lr), 100, Gradient::Exact)
            .unwrap();
        assert_eq!(run.gradients.dim(), (100, 2), "steps rows of n");
        for k in 0..100 {
            let (x, g) = (run.history.row(k), run.gradients.row(k));
            // ∇(x0² + x1²) = 2x, and SGD's update x ← x − lr·g, both to the last bit
            assert_eq!(g, x.mapv(|v| 2.0 * v), "step {k}");
            let next: Vec<f64> = x.iter().zip(g).map(|(x, g)| x - lr * g).collect();
            assert_eq!(run.history.row(k + 1).to_vec(), next, "step {k}");
        }
    }

    #[test]
    fn each_step_keeps_the_numerical_gradient_it_used() {
        let f = |x: &Array1<f64>| Landscape::Bowl.eval(x.view());
        let grad_at = |x: ArrayView1<f64>, h: f64| {
            numerical_gradient_with_h(&mut |x: &Array1<f64>| f(x), &mut x.to_owned(), h)
        };
        // the book's loop, and a rule with memory: the gradient is the one at the point, whatever
        // the rule made of it
        let book = gradient_descent(f, ndarray::array![-7.0, 2.0], 0.9, 30).unwrap();
        let adam = OptimizerConfig::new(crate::optim::OptimizerKind::Adam).with_lr(0.3);
        let rule = descend(f, ndarray::array![-7.0, 2.0], adam, 30, None).unwrap();
        let h = Gradient::Numerical { h: 1e-2 };
        let wide = Landscape::Bowl
            .descend_using(&[-7.0, 2.0], OptimizerConfig::sgd(0.9), 30, h)
            .unwrap();
        for (run, h) in [(book, 1e-4), (rule, 1e-4), (wide, 1e-2)] {
            assert_eq!(run.gradients.nrows(), 30);
            for k in 0..30 {
                assert_eq!(
                    run.gradients.row(k),
                    grad_at(run.history.row(k), h),
                    "step {k}"
                );
            }
            // cut with the run: one gradient per step kept
            let first = run.first_steps(10);
            assert_eq!(first.gradients, run.gradients.slice(ndarray::s![..10, ..]));
        }
        // no step, no gradient
        let none = gradient_descent(f, ndarray::array![-7.0, 2.0], 0.9, 0).unwrap();
        assert_eq!(none.gradients.dim(), (0, 2));
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
