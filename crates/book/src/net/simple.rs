//! The book's `simpleNet` (`ch04/gradient_simplenet.py`): one 2x3 weight matrix, softmax and
//! cross-entropy, and its gradient `∂L/∂W` by numerical differentiation.
//!
//! ```text
//!         W = ⎛ w₁₁ w₁₂ w₁₃ ⎞        ∂L/∂W = ⎛ ∂L/∂w₁₁ ∂L/∂w₁₂ ∂L/∂w₁₃ ⎞
//!             ⎝ w₂₁ w₂₂ w₂₃ ⎠                ⎝ ∂L/∂w₂₁ ∂L/∂w₂₂ ∂L/∂w₂₃ ⎠
//! ```
//!
//! `∂L/∂w₁₁` says how much the loss changes when `w₁₁` changes a little; `∂L/∂W` has the shape
//! of `W`.

use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, array};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::Error;
use crate::functions::{cross_entropy_error, softmax};
use crate::gradient::numerical_gradient_wrt;

/// A one-layer network without bias: `p = x · W`, `y = softmax(p)`, `L = cross_entropy_error(y, t)`.
///
/// Shapes: `x` is `(D,)` with `D = 2` inputs, `W` is `(D, C)` with `C = 3` classes, `p` and `y`
/// are `(C,)`.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleNet {
    /// The weights `W`, shape `(2, 3)`.
    pub w: Array2<f64>,
}

impl SimpleNet {
    /// Inputs `D`.
    pub const INPUTS: usize = 2;
    /// Classes `C`.
    pub const CLASSES: usize = 3;

    /// A network with weights drawn from the standard normal distribution, as the book's
    /// `np.random.randn(2, 3)`, from a seeded random generator (ChaCha8), so that the same seed
    /// gives the same weights on every machine. (The values differ from NumPy's for the same seed:
    /// the generators differ.)
    ///
    /// ```
    /// use scratchnet_book::SimpleNet;
    /// assert_eq!(SimpleNet::new(7), SimpleNet::new(7));
    /// assert_ne!(SimpleNet::new(7), SimpleNet::new(8));
    /// ```
    #[must_use]
    pub fn new(seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let w = Array2::from_shape_simple_fn((Self::INPUTS, Self::CLASSES), || {
            StandardNormal.sample(&mut rng)
        });
        SimpleNet { w }
    }

    /// The network with the weights printed in the learner's notebook (In \[20\]):
    ///
    /// ```text
    /// [[-1.24665088  1.27077001 -0.60729709]
    ///  [-0.28559133  0.11076715  0.15251487]]
    /// ```
    #[must_use]
    pub fn notebook() -> Self {
        SimpleNet {
            w: array![
                [-1.24665088, 1.27077001, -0.60729709],
                [-0.28559133, 0.11076715, 0.15251487]
            ],
        }
    }

    /// A network with the given weights.
    ///
    /// # Errors
    /// [`Error::Shape`] unless `w` is 2x3; [`Error::NotFinite`] if a weight is NaN or infinite.
    pub fn from_weights(w: Array2<f64>) -> Result<Self, Error> {
        if w.dim() != (Self::INPUTS, Self::CLASSES) {
            return Err(Error::Shape {
                what: "simpleNet weights W",
                expected: vec![Self::INPUTS, Self::CLASSES],
                got: w.shape().to_vec(),
            });
        }
        if let Some(&value) = w.iter().find(|v| !v.is_finite()) {
            return Err(Error::NotFinite {
                what: "a weight",
                value,
            });
        }
        Ok(SimpleNet { w })
    }

    /// The scores `p = x · W`, `pⱼ = Σᵢ xᵢ wᵢⱼ`, shape `(C,)`.
    ///
    /// # Panics
    /// If `x` does not have `D = 2` entries.
    ///
    /// ```
    /// use ndarray::array;
    /// let p = scratchnet_book::SimpleNet::notebook().predict(&array![0.6, 0.9]);
    /// // the notebook prints [-1.00502272  0.86215244 -0.22711487]
    /// approx::assert_abs_diff_eq!(p, array![-1.00502272, 0.86215244, -0.22711487], epsilon = 5e-9);
    /// ```
    #[track_caller]
    pub fn predict<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>) -> Array1<f64> {
        assert_eq!(
            x.len(),
            Self::INPUTS,
            "simpleNet takes {} inputs",
            Self::INPUTS
        );
        // pⱼ = x₀w₀ⱼ + x₁w₁ⱼ, summed in order, one column of W at a time
        self.w
            .columns()
            .into_iter()
            .map(|col| col.iter().zip(x).fold(0.0, |s, (w, x)| s + x * w))
            .collect()
    }

    /// The loss `L = cross_entropy_error(softmax(x · W), t)` for the correct class `t`.
    ///
    /// # Panics
    /// If `x` does not have 2 entries or `t ≥ 3`.
    #[track_caller]
    pub fn loss<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>, t: usize) -> f64 {
        cross_entropy_error(&softmax(&self.predict(x)), t)
    }

    /// `∂L/∂W` by central difference, shape `(2, 3)`: the book's
    /// `numerical_gradient(lambda w: net.loss(x, t), net.W)`.
    ///
    /// `W` is nudged in place one entry at a time and restored exactly; afterwards it is
    /// unchanged (hence `&mut self`).
    ///
    /// # Panics
    /// If `x` does not have 2 entries or `t ≥ 3`.
    ///
    /// ```
    /// use ndarray::array;
    /// let mut net = scratchnet_book::SimpleNet::notebook();
    /// let dw = net.numerical_gradient(&array![0.6, 0.9], 2);
    /// // raising the weights into the correct class 2 lowers the loss:
    /// assert!(dw[(0, 2)] < 0.0 && dw[(1, 2)] < 0.0);
    /// ```
    #[track_caller]
    pub fn numerical_gradient<S: Data<Elem = f64>>(
        &mut self,
        x: &ArrayBase<S, Ix1>,
        t: usize,
    ) -> Array2<f64> {
        numerical_gradient_wrt(self, |net| &mut net.w, |net| net.loss(x, t))
    }
}
