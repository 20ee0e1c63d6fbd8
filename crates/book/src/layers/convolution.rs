//! The convolution layer (the book's `Convolution`, chapter 7): filters slid over images, as
//! one matrix product of the images' patches ([`im2col`]) and the filters.

use ndarray::{Array1, Array2, Array4, ArrayD, ArrayView1, ArrayView4, ArrayViewD};
use ndarray::{Axis, CowArray, Ix2, Ix4};

use super::{Layer, reshaped};
use crate::im2col::{col2im, conv_output_size, im2col};

/// The convolution layer: `FN` filters `W: (FN, C, FH, FW)`, each with a bias `b: (FN,)`, slid
/// over images `x: (N, C, H, W)` by `stride`, the images padded with zeros by `pad`, give
/// `out: (N, FN, OH, OW)`:
///
/// ```text
/// out[n, f, i, j] = Σ_c Σ_y Σ_x W[f, c, y, x] · x_padded[n, c, stride·i + y, stride·j + x] + b[f]
/// ```
///
/// computed as the book computes it: `col = im2col(x)`, `(N·OH·OW, C·FH·FW)`, times the filters
/// as columns, `col_W = W.reshape(FN, −1)ᵀ`, plus `b`. The backward pass is that product's:
/// `dW = colᵀ · dout`, `db = Σ dout`, and `dx = col2im(dout · col_Wᵀ)`, with `dout` laid out as
/// `(N·OH·OW, FN)`. The layer reads the network's `W` and `b` (as [`Affine`](super::Affine) does)
/// and keeps `col` for the backward pass.
///
/// ```
/// use scratchnet_book::layers::{Convolution, Layer};
/// use scratchnet_book::ndarray::{Array1, Array4};
/// // one 2×2 filter of ones over a 3×3 image of 0..9: each output sums a 2×2 patch
/// let (w, b) = (Array4::ones((1, 1, 2, 2)), Array1::from(vec![0.5]));
/// let mut conv = Convolution::new(w.view(), b.view(), 1, 0);
/// let x = Array4::from_shape_fn((1, 1, 3, 3), |(_, _, i, j)| (3 * i + j) as f64);
/// let out = conv.forward(x.into_dyn(), true);
/// assert_eq!(out.shape(), [1, 1, 2, 2]);
/// assert_eq!(out[[0, 0, 0, 0]], 0.0 + 1.0 + 3.0 + 4.0 + 0.5);
/// // every output pulls on its patch: the centre pixel is in all four
/// let dx = conv.backward(Array4::ones((1, 1, 2, 2)).into_dyn());
/// assert_eq!(dx[[0, 0, 1, 1]], 4.0);
/// assert_eq!(conv.db.unwrap()[0], 4.0);
/// ```
#[derive(Clone, Debug)]
pub struct Convolution<'p> {
    /// The filters `W`, `(FN, C, FH, FW)`.
    pub w: ArrayView4<'p, f64>,
    /// The biases `b`, one per filter, `(FN,)`.
    pub b: ArrayView1<'p, f64>,
    /// How far the filter moves between outputs.
    pub stride: usize,
    /// How many rows and columns of zeros surround the image.
    pub pad: usize,
    /// The shape of the last training pass's input (the book keeps `self.x` for it).
    x_shape: Option<(usize, usize, usize, usize)>,
    /// The last training pass's patches, `(N·OH·OW, C·FH·FW)`.
    col: Option<Array2<f64>>,
    /// `∂L/∂W` from the last backward pass, `(FN, C, FH, FW)`.
    pub dw: Option<Array4<f64>>,
    /// `∂L/∂b` from the last backward pass, `(FN,)`.
    pub db: Option<Array1<f64>>,
}

impl<'p> Convolution<'p> {
    /// The layer of filters `w` and biases `b` (the book's `Convolution(W, b, stride, pad)`).
    ///
    /// # Panics
    /// If `b` does not have one bias per filter, or `stride` is 0.
    #[track_caller]
    #[must_use]
    pub fn new(w: ArrayView4<'p, f64>, b: ArrayView1<'p, f64>, stride: usize, pad: usize) -> Self {
        assert_eq!(w.dim().0, b.len(), "one bias per filter");
        assert!(stride > 0, "a stride of at least 1");
        Convolution {
            w,
            b,
            stride,
            pad,
            x_shape: None,
            col: None,
            dw: None,
            db: None,
        }
    }

    /// The filters as columns, `col_W = W.reshape(FN, −1)ᵀ`, `(C·FH·FW, FN)`: a view of
    /// filters in row-major order, a row-major copy of any others (as NumPy's `reshape` copies).
    fn col_w(&self) -> CowArray<'_, f64, Ix2> {
        let (fn_, c, fh, fw) = self.w.dim();
        let flat = (fn_, c * fh * fw);
        match self.w.view().into_shape_with_order(flat) {
            Ok(view) => CowArray::from(view.reversed_axes()),
            Err(_) => CowArray::from(
                self.w
                    .as_standard_layout()
                    .into_owned()
                    .into_shape_with_order(flat)
                    .expect("a row-major copy")
                    .reversed_axes(),
            ),
        }
    }

    /// `out` for the images `x`, keeping `col` if `train`.
    fn convolve(&mut self, x: ArrayView4<f64>, train: bool) -> ArrayD<f64> {
        let (fn_, _, fh, fw) = self.w.dim();
        let (n, _, h, w) = x.dim();
        let out_h = conv_output_size(h, fh, self.stride, self.pad);
        let out_w = conv_output_size(w, fw, self.stride, self.pad);

        let col = im2col(x, fh, fw, self.stride, self.pad);
        let mut out = col.dot(&self.col_w());
        out += &self.b;
        let out = reshaped(out, (n, out_h, out_w, fn_)).permuted_axes([0, 3, 1, 2]);

        self.x_shape = train.then_some(x.dim());
        self.col = train.then_some(col);
        out.into_dyn()
    }
}

/// `x` as images `(N, C, H, W)`.
#[track_caller]
pub(super) fn images<'a>(x: ArrayViewD<'a, f64>, layer: &str) -> ArrayView4<'a, f64> {
    let shape = x.shape().to_vec();
    x.into_dimensionality::<Ix4>().unwrap_or_else(|_| {
        panic!("{layer} takes images (N, C, H, W), not an array of shape {shape:?}")
    })
}

impl Layer for Convolution<'_> {
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        self.forward_view(x.view(), train)
    }

    fn forward_view(&mut self, x: ArrayViewD<f64>, train: bool) -> ArrayD<f64> {
        let x = images(x, "Convolution");
        assert_eq!(
            x.dim().1,
            self.w.dim().1,
            "images of as many channels as the filters"
        );
        self.convolve(x, train)
    }

    fn backward(&mut self, dout: ArrayD<f64>) -> ArrayD<f64> {
        let (fn_, c, fh, fw) = self.w.dim();
        let (col, x_shape) = self
            .col
            .as_ref()
            .zip(self.x_shape)
            .expect("backward after a training forward pass");
        // dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        let dout = images(dout.view(), "Convolution's backward pass")
            .permuted_axes([0, 2, 3, 1])
            .as_standard_layout()
            .into_owned();
        let rows = dout.len() / fn_.max(1);
        let dout = dout
            .into_shape_with_order((rows, fn_))
            .expect("a row-major array");

        self.db = Some(dout.sum_axis(Axis(0)));
        let dw = col.t().dot(&dout);
        self.dw = Some(
            dw.reversed_axes()
                .as_standard_layout()
                .into_owned()
                .into_shape_with_order((fn_, c, fh, fw))
                .expect("C·FH·FW weights per filter"),
        );

        let dcol = dout.dot(&self.col_w().t());
        col2im(dcol.view(), x_shape, fh, fw, self.stride, self.pad).into_dyn()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerical_gradient;
    use crate::reference::{Case, reference};

    /// The book's `Convolution` on random images (`tests/reference/ch07.py`), with and without
    /// stride and padding. `out`, `dW` and `dx` go through matrix products, which OpenBLAS and
    /// matrixmultiply sum in different orders: equal to 1e-12 (sums of at most 27 products of
    /// standard normals); `db` adds the same numbers in the same order: bit for bit.
    #[test]
    fn convolution_matches_the_book() {
        for case in reference()["convolution"].as_array().expect("cases") {
            let case = Case(case);
            let (w, b) = (case.array4("W"), case.array1("b"));
            let mut conv =
                Convolution::new(w.view(), b.view(), case.usize("stride"), case.usize("pad"));
            let out = conv.forward(case.array4("x").into_dyn(), true);
            approx::assert_abs_diff_eq!(out, case.array4("out").into_dyn(), epsilon = 1e-12);
            let dx = conv.backward(case.array4("dout").into_dyn());
            approx::assert_abs_diff_eq!(dx, case.array4("dx").into_dyn(), epsilon = 1e-12);
            approx::assert_abs_diff_eq!(
                conv.dw.clone().unwrap(),
                case.array4("dW"),
                epsilon = 1e-12
            );
            assert_eq!(conv.db.clone().unwrap(), case.array1("db"));
        }
    }

    /// The backward pass against the numerical gradient of `Σ out · dout` with respect to x,
    /// W and b, with a stride of 2 and a padding of 1.
    #[test]
    fn convolution_backward_matches_the_numerical_gradient() {
        let x0 = Array4::from_shape_fn((2, 2, 5, 4), |(a, b, i, j)| {
            (((a * 7 + b * 5 + i * 3 + j) % 11) as f64 - 5.0) / 4.0
        });
        let w0 = Array4::from_shape_fn((3, 2, 3, 2), |(f, c, i, j)| {
            (((f * 5 + c * 3 + i * 2 + j) % 7) as f64 - 3.0) / 3.0
        });
        let b0 = Array1::from(vec![0.1, -0.2, 0.3]);
        let (stride, pad) = (2, 1);
        let dout = Array4::from_shape_fn((2, 3, 3, 3), |(a, f, i, j)| {
            ((a + 2 * f + 3 * i + j) % 5) as f64 - 2.0
        });
        let probe = |x: &Array4<f64>, w: &Array4<f64>, b: &Array1<f64>| {
            let mut conv = Convolution::new(w.view(), b.view(), stride, pad);
            (conv.forward(x.clone().into_dyn(), false) * dout.view().into_dyn()).sum()
        };
        let mut conv = Convolution::new(w0.view(), b0.view(), stride, pad);
        let out = conv.forward(x0.clone().into_dyn(), true);
        assert_eq!(out.shape(), dout.shape());
        let dx = conv.backward(dout.clone().into_dyn());
        let eps = 1e-8;
        approx::assert_abs_diff_eq!(
            dx,
            numerical_gradient(|x| probe(x, &w0, &b0), &mut x0.clone()).into_dyn(),
            epsilon = eps
        );
        approx::assert_abs_diff_eq!(
            conv.dw.clone().unwrap(),
            numerical_gradient(|w| probe(&x0, w, &b0), &mut w0.clone()),
            epsilon = eps
        );
        approx::assert_abs_diff_eq!(
            conv.db.clone().unwrap(),
            numerical_gradient(|b| probe(&x0, &w0, b), &mut b0.clone()),
            epsilon = eps
        );
    }

    /// One output by the definition, a direct sum over the filter: the product of `im2col`
    /// computes the same number.
    #[test]
    fn convolution_is_the_sum_over_the_filter() {
        use ndarray::ShapeBuilder;
        let x = Array4::from_shape_fn((1, 2, 4, 4), |(_, c, i, j)| (c * 16 + i * 4 + j) as f64);
        let w = Array4::from_shape_fn((2, 2, 3, 3), |(f, c, i, j)| (f + c + i * 3 + j) as f64);
        let b = Array1::from(vec![1.0, -1.0]);
        let mut conv = Convolution::new(w.view(), b.view(), 1, 1);
        let out = conv.forward(x.clone().into_dyn(), false);
        assert_eq!(out.shape(), [1, 2, 4, 4]);
        for (f, i, j) in [(0, 0, 0), (1, 2, 1), (1, 3, 3)] {
            let mut sum = b[f];
            for c in 0..2 {
                for y in 0..3 {
                    for x_ in 0..3 {
                        let (r, s) = ((i + y) as isize - 1, (j + x_) as isize - 1);
                        if (0..4).contains(&r) && (0..4).contains(&s) {
                            sum += w[[f, c, y, x_]] * x[[0, c, r as usize, s as usize]];
                        }
                    }
                }
            }
            assert_eq!(out[[0, f, i, j]], sum, "output ({f}, {i}, {j})");
        }
        // the same filters held in another memory order (a transposed array's view) give the
        // same numbers, forward and backward
        let mut other_order = Array4::zeros((2, 2, 3, 3).f());
        other_order.assign(&w);
        let w_f = other_order.view();
        assert!(!w_f.is_standard_layout());
        assert_eq!(w_f, w.view());
        let mut conv_f = Convolution::new(w_f, b.view(), 1, 1);
        assert_eq!(conv_f.forward(x.clone().into_dyn(), false), out);
        let dout = out.mapv(|v| v / 10.0);
        let _ = conv.forward(x.clone().into_dyn(), true);
        let _ = conv_f.forward(x.into_dyn(), true);
        assert_eq!(conv_f.backward(dout.clone()), conv.backward(dout));
        assert_eq!(conv_f.dw, conv.dw);
    }
}
