//! The fully connected layer (the book's `Affine`).

use ndarray::{Array1, Array2, ArrayD, ArrayView1, ArrayView2, ArrayViewD, Axis, IxDyn};

use super::{Layer, reshaped, rows, two_axes};

/// The fully connected layer: `out = x · W + b`, with `x: (N, D)`, `W: (D, H)`, `b: (H,)`,
/// `out: (N, H)`. It reads the network's parameters (as the book's layer holds references to
/// the network's `params['W1']`), keeps its input for the backward pass, and the backward pass
/// leaves `dW` and `db` in the layer: `dx = dout · Wᵀ`, `dW = xᵀ · dout`, `db = Σₙ doutₙ`.
///
/// An input of more axes, such as images `(N, C, H, W)` in chapter 7, is read as one row per
/// sample (`D = C · H · W`), and `dx` is given back in the input's shape (the book's
/// `original_x_shape`).
///
/// ```
/// use scratchnet_book::layers::{Affine, Layer};
/// use scratchnet_book::ndarray::array;
/// let (w, b) = (array![[1.0, 0.0, -1.0], [0.5, 2.0, 1.0]], array![0.1, 0.2, 0.3]);
/// let mut affine = Affine::new(w.view(), b.view());
/// // (1·1 + 2·0.5 + 0.1, 1·0 + 2·2 + 0.2, 1·(−1) + 2·1 + 0.3)
/// let out = affine.forward(array![[1.0, 2.0]].into_dyn(), true);
/// assert_eq!(out, array![[2.1, 4.2, 1.3]].into_dyn());
/// let dx = affine.backward(array![[1.0, 0.0, 0.0]].into_dyn());
/// // the first column of W: how out₀ moves with x
/// assert_eq!(dx, array![[1.0, 0.5]].into_dyn());
/// assert_eq!(affine.dw.unwrap(), array![[1.0, 0.0, 0.0], [2.0, 0.0, 0.0]]); // x, into column 0
/// assert_eq!(affine.db.unwrap(), array![1.0, 0.0, 0.0]);
/// ```
#[derive(Clone, Debug)]
pub struct Affine<'p> {
    /// The weights `W`, `(D, H)`.
    pub w: ArrayView2<'p, f64>,
    /// The biases `b`, `(H,)`.
    pub b: ArrayView1<'p, f64>,
    /// The input of the last forward pass, one row per sample, `(N, D)`.
    x: Option<Array2<f64>>,
    /// The shape that input came in (the book's `original_x_shape`).
    original_x_shape: IxDyn,
    /// `∂L/∂W` from the last backward pass.
    pub dw: Option<Array2<f64>>,
    /// `∂L/∂b` from the last backward pass.
    pub db: Option<Array1<f64>>,
}

impl<'p> Affine<'p> {
    /// The layer of weights `w` and biases `b`.
    ///
    /// # Panics
    /// If `b` does not have one bias per column of `w`.
    #[must_use]
    pub fn new(w: ArrayView2<'p, f64>, b: ArrayView1<'p, f64>) -> Self {
        assert_eq!(w.ncols(), b.len(), "one bias per output");
        Affine {
            w,
            b,
            x: None,
            original_x_shape: IxDyn(&[0, w.nrows()]),
            dw: None,
            db: None,
        }
    }
}

impl Affine<'_> {
    /// `x · W + b`.
    fn output(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let mut out = x.dot(&self.w);
        out += &self.b;
        out
    }
}

impl Layer for Affine<'_> {
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        self.original_x_shape = x.raw_dim();
        let x = rows(x);
        let out = self.output(x.view());
        self.x = train.then_some(x);
        out.into_dyn()
    }

    fn forward_view(&mut self, x: ArrayViewD<f64>, train: bool) -> ArrayD<f64> {
        if x.ndim() != 2 {
            return self.forward(x.to_owned(), train);
        }
        self.original_x_shape = x.raw_dim();
        let x = x.into_dimensionality().expect("two axes");
        let out = self.output(x);
        self.x = train.then(|| x.to_owned());
        out.into_dyn()
    }

    fn backward(&mut self, dout: ArrayD<f64>) -> ArrayD<f64> {
        let dout = two_axes(dout);
        let x = self
            .x
            .as_ref()
            .expect("backward after a training forward pass");
        self.dw = Some(x.t().dot(&dout));
        self.db = Some(dout.sum_axis(Axis(0)));
        let dx = dout.dot(&self.w.t());
        reshaped(dx, self.original_x_shape.clone())
    }

    fn params(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        vec![
            ("W", self.w.view().into_dyn()),
            ("b", self.b.view().into_dyn()),
        ]
    }

    fn grads(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        let (Some(dw), Some(db)) = (&self.dw, &self.db) else {
            return Vec::new();
        };
        vec![("W", dw.view().into_dyn()), ("b", db.view().into_dyn())]
    }
}
