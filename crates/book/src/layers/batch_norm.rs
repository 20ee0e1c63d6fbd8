//! Batch Normalization (the book's `BatchNormalization`, chapter 6): each unit normalised over
//! the batch to mean 0 and variance 1, then scaled and shifted by two parameters, `γ` and `β`.

use ndarray::{Array1, Array2, ArrayD, ArrayView1, ArrayViewD, ArrayViewMut1, Axis};

use super::{Layer, reshaped, rows};

/// The `ε` under the square root, as the book writes it: `10e-7`, that is `1e-6`.
pub const BATCH_NORM_EPSILON: f64 = 10e-7;

/// The running statistics a layer reads, and updates in a training pass when it may.
#[derive(Debug)]
enum Running<'s> {
    /// Updated by every training pass.
    Updated(ArrayViewMut1<'s, f64>, ArrayViewMut1<'s, f64>),
    /// Read only.
    Read(ArrayView1<'s, f64>, ArrayView1<'s, f64>),
}

impl Running<'_> {
    fn mean_var(&self) -> (ArrayView1<'_, f64>, ArrayView1<'_, f64>) {
        match self {
            Running::Updated(mean, var) => (mean.view(), var.view()),
            Running::Read(mean, var) => (mean.view(), var.view()),
        }
    }
}

/// What a training pass keeps for its backward pass.
#[derive(Clone, Debug)]
struct Cache {
    /// `x − μ`, `(N, H)`.
    xc: Array2<f64>,
    /// `(x − μ) / std`, `(N, H)`.
    xn: Array2<f64>,
    /// `√(var + ε)`, `(H,)`.
    std: Array1<f64>,
}

/// Batch Normalization, unit by unit over a batch `x: (N, H)`, as the book computes it.
///
/// A training pass normalises by the batch's own statistics and updates the running ones:
///
/// ```text
/// μ = Σₙ xₙ / N          xc = x − μ          var = Σₙ xcₙ² / N
/// std = √(var + ε)       xn = xc / std       out = γ · xn + β
/// running_mean ← momentum · running_mean + (1 − momentum) · μ     (and running_var with var)
/// ```
///
/// with `ε` = [`BATCH_NORM_EPSILON`] and `momentum` 0.9. A test pass normalises by the running
/// statistics: `xn = (x − running_mean) / √(running_var + ε)`. The backward pass, step by step
/// back through the training pass:
///
/// ```text
/// dβ = Σₙ dout        dγ = Σₙ xn · dout      dxn = γ · dout
/// dxc = dxn / std     dstd = −Σₙ dxn · xc / (std · std)      dvar = 0.5 · dstd / std
/// dxc += (2 / N) · xc · dvar      dμ = Σₙ dxc      dx = dxc − dμ / N
/// ```
///
/// The layer reads `γ` and `β` from the network's parameters (as [`Affine`](super::Affine)
/// reads `W` and `b`), and the running statistics from the network: borrowed mutably by a layer
/// made with [`training`](BatchNormalization::training), which every training pass updates,
/// or only read, by one made with [`testing`](BatchNormalization::testing) (a training pass of
/// such a layer normalises by the batch's statistics too, and leaves the running ones as they
/// are).
///
/// Shapes: `x`, `out`, `dout`, `dx` are `(N, H)`; `γ`, `β` and the running statistics `(H,)`.
/// An input of more axes, `(N, C, H, W)`, is normalised as `(N, C · H · W)` and given back in its
/// shape, as the book's layer does.
///
/// ```
/// use scratchnet_book::layers::{BatchNormalization, Layer};
/// use scratchnet_book::ndarray::{array, Array1};
/// let (gamma, beta) = (array![2.0, 1.0], array![0.5, 0.0]);
/// let (mut mean, mut var) = (Array1::zeros(2), Array1::zeros(2));
/// let mut bn = BatchNormalization::training(gamma.view(), beta.view(), mean.view_mut(), var.view_mut());
/// // unit 0: μ = 2, var = 1, so xn = ∓1/√(1 + 1e-6); unit 1: μ = 0, var = 9
/// let out = bn.forward(array![[1.0, -3.0], [3.0, 3.0]].into_dyn(), true);
/// approx::assert_abs_diff_eq!(out, array![[-1.5, -1.0], [2.5, 1.0]].into_dyn(), epsilon = 1e-5);
/// // no gradient for a constant shift of a unit's inputs: the mean takes it away
/// let dx = bn.backward(array![[1.0, 1.0], [1.0, 1.0]].into_dyn());
/// approx::assert_abs_diff_eq!(dx, array![[0.0, 0.0], [0.0, 0.0]].into_dyn(), epsilon = 1e-15);
/// assert_eq!(bn.dbeta.clone().unwrap(), array![2.0, 2.0]);
/// drop(bn);
/// // the running mean moved a tenth of the way from 0 to μ
/// approx::assert_abs_diff_eq!(mean, array![0.2, 0.0], epsilon = 1e-15);
/// ```
#[derive(Debug)]
pub struct BatchNormalization<'p> {
    /// The scales `γ`, `(H,)`.
    pub gamma: ArrayView1<'p, f64>,
    /// The shifts `β`, `(H,)`.
    pub beta: ArrayView1<'p, f64>,
    /// How much of the running statistics a training pass keeps: 0.9, as the book's.
    pub momentum: f64,
    /// The running mean and variance.
    running: Running<'p>,
    /// What the last training pass kept for the backward pass.
    cache: Option<Cache>,
    /// `∂L/∂γ` from the last backward pass.
    pub dgamma: Option<Array1<f64>>,
    /// `∂L/∂β` from the last backward pass.
    pub dbeta: Option<Array1<f64>>,
}

impl<'p> BatchNormalization<'p> {
    /// A layer of scales `gamma` and shifts `beta` whose training passes update
    /// `running_mean` and `running_var` (momentum 0.9).
    ///
    /// # Panics
    /// If the four do not have the same length.
    #[track_caller]
    #[must_use]
    pub fn training(
        gamma: ArrayView1<'p, f64>,
        beta: ArrayView1<'p, f64>,
        running_mean: ArrayViewMut1<'p, f64>,
        running_var: ArrayViewMut1<'p, f64>,
    ) -> Self {
        Self::with(gamma, beta, Running::Updated(running_mean, running_var))
    }

    /// A layer of scales `gamma` and shifts `beta` that reads `running_mean` and `running_var`
    /// and leaves them as they are, in a training pass too.
    ///
    /// # Panics
    /// If the four do not have the same length.
    #[track_caller]
    #[must_use]
    pub fn testing(
        gamma: ArrayView1<'p, f64>,
        beta: ArrayView1<'p, f64>,
        running_mean: ArrayView1<'p, f64>,
        running_var: ArrayView1<'p, f64>,
    ) -> Self {
        Self::with(gamma, beta, Running::Read(running_mean, running_var))
    }

    #[track_caller]
    fn with(gamma: ArrayView1<'p, f64>, beta: ArrayView1<'p, f64>, running: Running<'p>) -> Self {
        let h = gamma.len();
        let (mean, var) = running.mean_var();
        assert!(
            beta.len() == h && mean.len() == h && var.len() == h,
            "γ, β, the running mean and variance: one of each per unit (γ has {h}, β {}, the \
             running mean {}, the running variance {})",
            beta.len(),
            mean.len(),
            var.len()
        );
        BatchNormalization {
            gamma,
            beta,
            momentum: 0.9,
            running,
            cache: None,
            dgamma: None,
            dbeta: None,
        }
    }

    /// The running mean and variance, `(H,)` each.
    #[must_use]
    pub fn running(&self) -> (ArrayView1<'_, f64>, ArrayView1<'_, f64>) {
        self.running.mean_var()
    }
}

impl Layer for BatchNormalization<'_> {
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        let shape = x.raw_dim();
        let x = rows(x);
        let xn = if train {
            let n = x.nrows() as f64;
            let mu = x.sum_axis(Axis(0)) / n;
            let xc = x - &mu;
            let var = (&xc * &xc).sum_axis(Axis(0)) / n;
            let std = (&var + BATCH_NORM_EPSILON).mapv_into(f64::sqrt);
            let xn = &xc / &std;
            if let Running::Updated(mean, running_var) = &mut self.running {
                let m = self.momentum;
                let new_mean = m * &*mean + (1.0 - m) * &mu;
                let new_var = m * &*running_var + (1.0 - m) * &var;
                mean.assign(&new_mean);
                running_var.assign(&new_var);
            }
            self.cache = Some(Cache {
                xc,
                xn: xn.clone(),
                std,
            });
            xn
        } else {
            self.cache = None;
            let (mean, var) = self.running.mean_var();
            let xc = x - mean;
            xc / &(&var + BATCH_NORM_EPSILON).mapv_into(f64::sqrt)
        };
        reshaped(xn * self.gamma + self.beta, shape)
    }

    fn backward(&mut self, dout: ArrayD<f64>) -> ArrayD<f64> {
        let shape = dout.raw_dim();
        let dout = rows(dout);
        let Cache { xc, xn, std } = self
            .cache
            .as_ref()
            .expect("backward after a training forward pass");
        let n = dout.nrows() as f64;
        let dbeta = dout.sum_axis(Axis(0));
        let dgamma = (xn * &dout).sum_axis(Axis(0));
        let dxn = &self.gamma * &dout;
        let mut dxc = &dxn / std;
        let dstd = -((&dxn * xc) / &(std * std)).sum_axis(Axis(0));
        let dvar = 0.5 * &dstd / std;
        dxc += &((2.0 / n) * xc * &dvar);
        let dmu = dxc.sum_axis(Axis(0));
        let dx = dxc - &(dmu / n);
        self.dgamma = Some(dgamma);
        self.dbeta = Some(dbeta);
        reshaped(dx, shape)
    }

    fn params(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        vec![
            ("gamma", self.gamma.view().into_dyn()),
            ("beta", self.beta.view().into_dyn()),
        ]
    }

    fn grads(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        let (Some(dgamma), Some(dbeta)) = (&self.dgamma, &self.dbeta) else {
            return Vec::new();
        };
        vec![
            ("gamma", dgamma.view().into_dyn()),
            ("beta", dbeta.view().into_dyn()),
        ]
    }
}
