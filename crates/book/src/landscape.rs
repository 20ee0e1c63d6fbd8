//! The built-in functions to differentiate and descend, by name.
//!
//! Each [`Landscape`] has a name for the command line (`--function sphere`), a formula, a fixed
//! dimension, its value and its exact (analytic) gradient, so that tests can hold the numerical
//! gradient against the true one. Adding a function is adding a variant and filling in each
//! `match`: the compiler points at every place.

use ndarray::{Array1, ArrayView1, array};

use crate::Error;
use crate::descent::Gradient;

/// A function `f: ℝⁿ → ℝ` known by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[cfg_attr(feature = "clap", value(rename_all = "lower"))]
pub enum Landscape {
    /// `f(x) = x₀² + x₁²`: the learner's notebook's `func` and the book's `function_2`.
    /// A round bowl with its minimum 0 at the origin; `∇f = (2x₀, 2x₁)`.
    #[serde(alias = "function_2")]
    #[cfg_attr(feature = "clap", value(alias = "function_2"))]
    Sphere,
    /// `f(x) = 0.01x² + 0.1x`: the book's `function_1` (`gradient_1d.py`), one-dimensional;
    /// `f′(x) = 0.02x + 0.1`.
    #[serde(rename = "function_1")]
    #[cfg_attr(feature = "clap", value(name = "function_1"))]
    Function1,
    /// `f(x) = x₀²/20 + x₁²`: the book's chapter-6 bowl (`optimizer_compare_naive.py`),
    /// twenty times steeper along x₁ than along x₀, so that plain SGD zigzags. Minimum 0 at the
    /// origin; `∇f = (x₀/10, 2x₁)`. The book starts at (−7, 2).
    Bowl,
    /// `f(x) = x₀² − x₁²`: a saddle. The origin is a stationary point, a minimum along x₀ and a
    /// maximum along x₁; f has no minimum. `∇f = (2x₀, −2x₁)`. Started on the ridge x₁ = 0,
    /// plain gradient descent walks into the saddle point and stops there.
    Saddle,
    /// `f(x) = 1 − exp(−(x₀² + x₁²)/2)`: a Gaussian well in a flat plain. Its minimum 0 is at the
    /// origin, but a few units away f is almost exactly 1 and its gradient
    /// `∇f = x · exp(−(x₀² + x₁²)/2)` almost exactly 0 (about 2e-5 at (4, 3)): a plateau, where
    /// following the gradient crawls although the bottom is near.
    Plateau,
    /// `f(x) = (1 − x₀)² + 100(x₁ − x₀²)²`: Rosenbrock's banana-shaped valley, easy to reach and
    /// slow to follow to its minimum 0 at (1, 1).
    Rosenbrock,
    /// `f(x) = (x₀² + x₁ − 11)² + (x₀ + x₁² − 7)²`: Himmelblau's function, with four minima of
    /// value 0 — at (3, 2), (−2.805118, 3.131312), (−3.779310, −3.283186) and
    /// (3.584428, −1.848126) — and which one a descent finds depends on where it starts.
    Himmelblau,
}

impl Landscape {
    /// Every built-in function, in the order `--help` lists them.
    pub const ALL: [Landscape; 7] = [
        Landscape::Sphere,
        Landscape::Function1,
        Landscape::Bowl,
        Landscape::Saddle,
        Landscape::Plateau,
        Landscape::Rosenbrock,
        Landscape::Himmelblau,
    ];

    /// The formula, in plain Unicode.
    #[must_use]
    pub fn formula(self) -> &'static str {
        match self {
            Landscape::Sphere => "x0² + x1²",
            Landscape::Function1 => "0.01x² + 0.1x",
            Landscape::Bowl => "x0²/20 + x1²",
            Landscape::Saddle => "x0² − x1²",
            Landscape::Plateau => "1 − exp(−(x0² + x1²)/2)",
            Landscape::Rosenbrock => "(1 − x0)² + 100(x1 − x0²)²",
            Landscape::Himmelblau => "(x0² + x1 − 11)² + (x0 + x1² − 7)²",
        }
    }

    /// The dimension `n` of the points it takes.
    #[must_use]
    pub fn dim(self) -> usize {
        match self {
            Landscape::Function1 => 1,
            _ => 2,
        }
    }

    /// The region a picture of it shows by default, `[(min, max); n]`: the book's ranges.
    #[must_use]
    pub fn view(self) -> Vec<(f64, f64)> {
        match self {
            Landscape::Sphere | Landscape::Saddle => vec![(-4.5, 4.5), (-4.5, 4.5)],
            Landscape::Function1 => vec![(0.0, 20.0)],
            Landscape::Bowl => vec![(-10.0, 10.0), (-5.0, 5.0)],
            Landscape::Plateau | Landscape::Himmelblau => vec![(-5.0, 5.0), (-5.0, 5.0)],
            Landscape::Rosenbrock => vec![(-2.0, 2.0), (-1.0, 3.0)],
        }
    }

    /// The value `f(x)`, computed in the book's order of operations.
    ///
    /// # Panics
    /// If `x.len()` is not [`dim`](Landscape::dim); use [`check_point`](Landscape::check_point)
    /// on points that come from a user.
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet_book::Landscape;
    /// assert_eq!(Landscape::Sphere.eval(array![3.0, 4.0].view()), 25.0);
    /// ```
    #[track_caller]
    #[must_use]
    pub fn eval(self, x: ArrayView1<f64>) -> f64 {
        assert_eq!(
            x.len(),
            self.dim(),
            "{} takes {}",
            self,
            crate::util::count(self.dim(), "coordinate")
        );
        match self {
            Landscape::Sphere => x[0] * x[0] + x[1] * x[1],
            Landscape::Function1 => 0.01 * (x[0] * x[0]) + 0.1 * x[0],
            Landscape::Bowl => x[0] * x[0] / 20.0 + x[1] * x[1],
            Landscape::Saddle => x[0] * x[0] - x[1] * x[1],
            Landscape::Plateau => 1.0 - (-(x[0] * x[0] + x[1] * x[1]) / 2.0).exp(),
            Landscape::Rosenbrock => (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2),
            Landscape::Himmelblau => {
                (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2)
            }
        }
    }

    /// The exact gradient `∇f(x)`, from the formula.
    ///
    /// # Panics
    /// If `x.len()` is not [`dim`](Landscape::dim).
    #[track_caller]
    #[must_use]
    pub fn gradient(self, x: ArrayView1<f64>) -> Array1<f64> {
        assert_eq!(
            x.len(),
            self.dim(),
            "{} takes {}",
            self,
            crate::util::count(self.dim(), "coordinate")
        );
        let (a, b) = (x[0], if x.len() > 1 { x[1] } else { 0.0 });
        match self {
            Landscape::Sphere => array![2.0 * a, 2.0 * b],
            Landscape::Function1 => array![0.02 * a + 0.1],
            Landscape::Bowl => array![a / 10.0, 2.0 * b],
            Landscape::Saddle => array![2.0 * a, -2.0 * b],
            Landscape::Plateau => {
                let e = (-(a * a + b * b) / 2.0).exp();
                array![a * e, b * e]
            }
            Landscape::Rosenbrock => array![
                -2.0 * (1.0 - a) - 400.0 * a * (b - a * a),
                200.0 * (b - a * a)
            ],
            Landscape::Himmelblau => {
                let (u, v) = (a * a + b - 11.0, a + b * b - 7.0);
                array![4.0 * a * u + 2.0 * v, 2.0 * u + 4.0 * b * v]
            }
        }
    }

    /// Where a descent starts by default: the book's `(−3, 4)` on the sphere and `(−7, 2)` on the
    /// bowl; on the saddle's ridge `(−3, 0)`; out on the plateau `(4, 3)`; Rosenbrock's classic
    /// `(−1.2, 1)`; `(0, 0)` on Himmelblau; `x = 10` on function_1.
    #[must_use]
    pub fn default_start(self) -> Vec<f64> {
        match self {
            Landscape::Sphere => vec![-3.0, 4.0],
            Landscape::Function1 => vec![10.0],
            Landscape::Bowl => vec![-7.0, 2.0],
            Landscape::Saddle => vec![-3.0, 0.0],
            Landscape::Plateau => vec![4.0, 3.0],
            Landscape::Rosenbrock => vec![-1.2, 1.0],
            Landscape::Himmelblau => vec![0.0, 0.0],
        }
    }

    /// The smallest value of the function and where it is (one such place), when there is one.
    #[must_use]
    pub fn minimum(self) -> Option<(Array1<f64>, f64)> {
        match self {
            Landscape::Sphere | Landscape::Bowl | Landscape::Plateau => {
                Some((array![0.0, 0.0], 0.0))
            }
            Landscape::Function1 => Some((array![-5.0], -0.25)),
            Landscape::Saddle => None,
            Landscape::Rosenbrock => Some((array![1.0, 1.0], 0.0)),
            Landscape::Himmelblau => Some((array![3.0, 2.0], 0.0)),
        }
    }

    /// Checks that a point from a user fits: the right dimension, every coordinate finite.
    ///
    /// # Errors
    /// [`Error::Dimension`] or [`Error::NotFinite`].
    pub fn check_point(self, x: &[f64]) -> Result<(), Error> {
        if x.len() != self.dim() {
            return Err(Error::Dimension {
                function: self,
                expected: self.dim(),
                got: x.len(),
            });
        }
        match x.iter().find(|v| !v.is_finite()) {
            Some(&value) => Err(Error::NotFinite {
                what: "a coordinate of the point",
                value,
            }),
            None => Ok(()),
        }
    }
}

/// Descending a landscape: [`gradient_descent`](crate::gradient_descent) from a point a user
/// typed, checked first.
impl Landscape {
    /// Gradient descent (the book's SGD) on this function from a point a user gave: checks the
    /// point's dimension, then runs [`gradient_descent`](crate::gradient_descent).
    ///
    /// # Errors
    /// [`Error::Dimension`] if `init` has the wrong number of coordinates, and the errors of
    /// [`gradient_descent`](crate::gradient_descent).
    ///
    /// ```
    /// use scratchnet_book::{DiagnosisKind, Landscape};
    /// let run = Landscape::Sphere.descend(&[-3.0, 4.0], 1e-10, 100)?;
    /// assert_eq!(run.diagnosis.kind, DiagnosisKind::Stalled);
    /// assert!(Landscape::Sphere.descend(&[1.0, 2.0, 3.0], 0.1, 100).is_err());
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    pub fn descend(self, init: &[f64], lr: f64, steps: usize) -> Result<crate::Descent, Error> {
        self.descend_with(init, crate::OptimizerConfig::sgd(lr), steps)
    }

    /// [`descend`](crate::descent::descend) with any update rule on this function; its known minimum informs the
    /// diagnosis.
    ///
    /// # Errors
    /// As [`Landscape::descend`].
    pub fn descend_with(
        self,
        init: &[f64],
        optimizer: crate::OptimizerConfig,
        steps: usize,
    ) -> Result<crate::Descent, Error> {
        self.descend_using(init, optimizer, steps, Gradient::BOOK)
    }

    /// [`descend_with`](Landscape::descend_with) with the gradient taken by `gradient`: by
    /// central difference with a step `h` of your choice, or exactly from the formula
    /// ([`Landscape::gradient`]). With [`Gradient::BOOK`] it is `descend_with`, bit for bit.
    ///
    /// # Errors
    /// As [`Landscape::descend`], and [`Error::Config`] for a step `h` that is not positive.
    ///
    /// ```
    /// use scratchnet_book::descent::Gradient;
    /// use scratchnet_book::{Landscape, OptimizerConfig};
    /// let sgd = OptimizerConfig::sgd(0.1);
    /// let exact = Landscape::Sphere.descend_using(&[-3.0, 4.0], sgd, 1, Gradient::Exact)?;
    /// // one exact step from (−3, 4): x − 0.1 · (−6, 8) = (−2.4, 3.2), to the last bit
    /// assert_eq!(exact.final_point().to_vec(), vec![-3.0 - 0.1 * -6.0, 4.0 - 0.1 * 8.0]);
    /// // h = 1e-50 vanishes next to 3 and 4: the gradient is 0 and the point never moves
    /// let tiny = Landscape::Sphere.descend_using(&[-3.0, 4.0], sgd, 5, Gradient::Numerical { h: 1e-50 })?;
    /// assert_eq!(tiny.final_point().to_vec(), vec![-3.0, 4.0]);
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    pub fn descend_using(
        self,
        init: &[f64],
        optimizer: crate::OptimizerConfig,
        steps: usize,
        gradient: Gradient,
    ) -> Result<crate::Descent, Error> {
        self.check_point(init)?;
        crate::descent::descend_with_gradient(
            |x| self.eval(x),
            |x| self.gradient(x),
            init,
            optimizer,
            steps,
            gradient,
            self.minimum().map(|(_, v)| v),
        )
    }
}
