//! The built-in functions to differentiate and descend, by name.
//!
//! Each [`Landscape`] has a name for the command line (`--function sphere`), a formula, a fixed
//! dimension, its value and its exact (analytic) gradient, so that tests can hold the numerical
//! gradient against the true one. Adding a function is adding a variant and filling in each
//! `match`: the compiler points at every place.

use std::fmt;
use std::str::FromStr;

use ndarray::{Array1, ArrayView1, array};

use crate::Error;

/// A function `f: ℝⁿ → ℝ` known by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Landscape {
    /// `f(x) = x₀² + x₁²`: the learner's notebook's `func` and the book's `function_2`.
    /// A round bowl with its minimum 0 at the origin; `∇f = (2x₀, 2x₁)`.
    Sphere,
    /// `f(x) = 0.01x² + 0.1x`: the book's `function_1` (`gradient_1d.py`), one-dimensional;
    /// `f′(x) = 0.02x + 0.1`.
    Function1,
}

impl Landscape {
    /// Every built-in function, in the order `--help` lists them.
    pub const ALL: [Landscape; 2] = [Landscape::Sphere, Landscape::Function1];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Landscape::Sphere => "sphere",
            Landscape::Function1 => "function_1",
        }
    }

    /// Other names accepted by [`FromStr`] (the book's).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Landscape::Sphere => &["function_2"],
            Landscape::Function1 => &[],
        }
    }

    /// The formula, in plain Unicode.
    pub fn formula(self) -> &'static str {
        match self {
            Landscape::Sphere => "x0² + x1²",
            Landscape::Function1 => "0.01x² + 0.1x",
        }
    }

    /// The dimension `n` of the points it takes.
    pub fn dim(self) -> usize {
        match self {
            Landscape::Sphere => 2,
            Landscape::Function1 => 1,
        }
    }

    /// The region a picture of it shows by default, `[(min, max); n]`: the book's ranges.
    pub fn view(self) -> Vec<(f64, f64)> {
        match self {
            Landscape::Sphere => vec![(-4.5, 4.5), (-4.5, 4.5)],
            Landscape::Function1 => vec![(0.0, 20.0)],
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
    /// use scratchnet::Landscape;
    /// assert_eq!(Landscape::Sphere.eval(array![3.0, 4.0].view()), 25.0);
    /// ```
    #[track_caller]
    pub fn eval(self, x: ArrayView1<f64>) -> f64 {
        assert_eq!(
            x.len(),
            self.dim(),
            "{} takes {} coordinates",
            self.name(),
            self.dim()
        );
        match self {
            Landscape::Sphere => x[0] * x[0] + x[1] * x[1],
            Landscape::Function1 => 0.01 * (x[0] * x[0]) + 0.1 * x[0],
        }
    }

    /// The exact gradient `∇f(x)`, from the formula.
    ///
    /// # Panics
    /// If `x.len()` is not [`dim`](Landscape::dim).
    #[track_caller]
    pub fn gradient(self, x: ArrayView1<f64>) -> Array1<f64> {
        assert_eq!(
            x.len(),
            self.dim(),
            "{} takes {} coordinates",
            self.name(),
            self.dim()
        );
        match self {
            Landscape::Sphere => array![2.0 * x[0], 2.0 * x[1]],
            Landscape::Function1 => array![0.02 * x[0] + 0.1],
        }
    }

    /// Where the book starts a descent on it: `(−3, 4)` on the sphere, `x = 10` on function_1.
    pub fn default_start(self) -> Vec<f64> {
        match self {
            Landscape::Sphere => vec![-3.0, 4.0],
            Landscape::Function1 => vec![10.0],
        }
    }

    /// The smallest value of the function and where it is, when there is one.
    pub fn minimum(self) -> Option<(Array1<f64>, f64)> {
        match self {
            Landscape::Sphere => Some((array![0.0, 0.0], 0.0)),
            Landscape::Function1 => Some((array![-5.0], -0.25)),
        }
    }

    /// Checks that a point from a user fits: the right dimension, every coordinate finite.
    ///
    /// # Errors
    /// [`Error::Dimension`] or [`Error::NotFinite`].
    pub fn check_point(self, x: &[f64]) -> Result<(), Error> {
        if x.len() != self.dim() {
            return Err(Error::Dimension {
                function: self.name(),
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

    /// The known names, comma-separated, for error messages and help.
    pub fn known_names() -> String {
        Self::ALL
            .iter()
            .map(|l| l.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Landscape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Landscape {
    type Err = Error;

    /// Finds a function by its name or one of its aliases.
    ///
    /// ```
    /// use scratchnet::Landscape;
    /// assert_eq!("function_2".parse::<Landscape>().unwrap(), Landscape::Sphere);
    /// assert!("cube".parse::<Landscape>().unwrap_err().to_string().contains("sphere, function_1"));
    /// ```
    fn from_str(name: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|l| l.name() == name || l.aliases().contains(&name))
            .ok_or_else(|| Error::UnknownFunction {
                name: name.to_string(),
                known: Self::known_names(),
            })
    }
}
