//! Max pooling (the book's `Pooling`, chapter 7): each window of an image replaced by its
//! largest value.

use ndarray::{Array2, ArrayD, ArrayViewD, Axis};

use super::Layer;
use super::convolution::images;
use crate::im2col::{col2im, conv_output_size, im2col};

/// Max pooling: windows of `pool_h × pool_w`, moved by `stride`, over each channel of images
/// `x: (N, C, H, W)`, each replaced by its largest value: `out: (N, C, OH, OW)`. Nothing is
/// learned. The backward pass sends each output's gradient to the one input that was the
/// window's maximum (the first of equal ones, as NumPy's `argmax`), and 0 to the others.
///
/// Computed as the book computes it: the windows laid out as rows by [`im2col`], the maximum
/// of each row and where it is; back, the gradients placed at those positions and added into
/// the image by [`col2im`].
///
/// Better than the book: the output size counts `pad` (the book's `Pooling` leaves it out, so a
/// pad other than 0 fails there); with `pad` 0 both are the same.
///
/// ```
/// use scratchnet_book::layers::{Layer, Pooling};
/// use scratchnet_book::ndarray::{Array4, array};
/// let x = array![[1.0, 3.0, 0.0, 0.0], [2.0, 0.5, 0.0, 0.0], [5.0, 6.0, 9.0, 8.0], [7.0, 4.0, 9.0, 1.0]];
/// let x = x.into_shape_with_order((1, 1, 4, 4)).unwrap();
/// let mut pool = Pooling::new(2, 2, 2, 0);
/// let out = pool.forward(x.into_dyn(), true);
/// assert_eq!(out.into_shape_with_order(4).unwrap().to_vec(), [3.0, 0.0, 7.0, 9.0]);
/// let dx = pool.backward(Array4::from_elem((1, 1, 2, 2), 1.0).into_dyn());
/// // each window's gradient goes to its maximum: of equal ones (the zeros, the nines), the first
/// assert_eq!(dx.into_shape_with_order((4, 4)).unwrap(),
///     array![[0.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0]]);
/// ```
#[derive(Clone, Debug)]
pub struct Pooling {
    /// The window's height.
    pub pool_h: usize,
    /// The window's width.
    pub pool_w: usize,
    /// How far the window moves between outputs.
    pub stride: usize,
    /// How many rows and columns of zeros surround the image.
    pub pad: usize,
    /// The shape of the last training pass's input.
    x_shape: Option<(usize, usize, usize, usize)>,
    /// Where each window's maximum was, in the window, `(N·OH·OW·C,)`.
    arg_max: Option<Vec<usize>>,
}

impl Pooling {
    /// Windows of `pool_h × pool_w`, moved by `stride` (the book's
    /// `Pooling(pool_h, pool_w, stride=2, pad=0)`).
    ///
    /// # Panics
    /// If a window is empty or `stride` is 0.
    #[track_caller]
    #[must_use]
    pub fn new(pool_h: usize, pool_w: usize, stride: usize, pad: usize) -> Self {
        assert!(pool_h > 0 && pool_w > 0, "a window of at least 1×1");
        assert!(stride > 0, "a stride of at least 1");
        Pooling {
            pool_h,
            pool_w,
            stride,
            pad,
            x_shape: None,
            arg_max: None,
        }
    }

    /// Where the largest value of `window` is, and that value: the first of equal ones, and a
    /// NaN if there is one (as NumPy's `argmax` and `max`).
    fn max_of(window: impl Iterator<Item = f64>) -> (usize, f64) {
        let mut best = (0, f64::NEG_INFINITY);
        for (i, v) in window.enumerate() {
            if v.is_nan() {
                return (i, v);
            }
            if i == 0 || v > best.1 {
                best = (i, v);
            }
        }
        best
    }
}

impl Layer for Pooling {
    fn forward(&mut self, x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        self.forward_view(x.view(), train)
    }

    fn forward_view(&mut self, x: ArrayViewD<f64>, train: bool) -> ArrayD<f64> {
        let x = images(x, "Pooling");
        let (n, c, h, w) = x.dim();
        let out_h = conv_output_size(h, self.pool_h, self.stride, self.pad);
        let out_w = conv_output_size(w, self.pool_w, self.stride, self.pad);

        let col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad);
        let pool_size = self.pool_h * self.pool_w;
        let col = col
            .into_shape_with_order((n * out_h * out_w * c, pool_size))
            .expect("one window per row");

        let (arg_max, out): (Vec<usize>, Vec<f64>) = col
            .axis_iter(Axis(0))
            .map(|window| Self::max_of(window.iter().copied()))
            .unzip();
        let out = ArrayD::from_shape_vec(vec![n, out_h, out_w, c], out)
            .expect("one maximum per window")
            .permuted_axes(vec![0, 3, 1, 2]);

        self.x_shape = train.then_some(x.dim());
        self.arg_max = train.then_some(arg_max);
        out
    }

    fn backward(&mut self, dout: ArrayD<f64>) -> ArrayD<f64> {
        let (arg_max, x_shape) = self
            .arg_max
            .as_ref()
            .zip(self.x_shape)
            .expect("backward after a training forward pass");
        // dout.transpose(0, 2, 3, 1), one gradient per window
        let dout = images(dout.view(), "Pooling's backward pass").permuted_axes([0, 2, 3, 1]);
        let pool_size = self.pool_h * self.pool_w;
        let mut dmax = Array2::zeros((dout.len(), pool_size));
        for ((mut row, &at), &d) in dmax.rows_mut().into_iter().zip(arg_max).zip(dout.iter()) {
            row[at] = d;
        }
        let (n, out_h, out_w, c) = dout.dim();
        let dcol = dmax
            .into_shape_with_order((n * out_h * out_w, c * pool_size))
            .expect("one row per output position");
        col2im(
            dcol.view(),
            x_shape,
            self.pool_h,
            self.pool_w,
            self.stride,
            self.pad,
        )
        .into_dyn()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{Case, reference};

    /// The book's `Pooling` on random images (`tests/reference/ch07.py`), with windows of equal
    /// values and with overlapping windows (3×3 moved by 2): bit for bit, forward and back (it
    /// only picks and places numbers, and adds them where windows overlap, in the book's order).
    #[test]
    fn pooling_matches_the_book_bit_for_bit() {
        for case in reference()["pooling"].as_array().expect("cases") {
            let case = Case(case);
            let mut pool = Pooling::new(
                case.usize("pool_h"),
                case.usize("pool_w"),
                case.usize("stride"),
                case.usize("pad"),
            );
            let out = pool.forward(case.array4("x").into_dyn(), true);
            assert_eq!(out, case.array4("out").into_dyn());
            let dx = pool.backward(case.array4("dout").into_dyn());
            assert_eq!(dx, case.array4("dx").into_dyn());
        }
    }

    /// With a pad, the output has the size the padded input gives, and a window over the
    /// padding alone has the maximum 0, whose gradient falls on the padding and is dropped.
    #[test]
    fn pooling_counts_the_pad() {
        let x = ndarray::Array4::from_elem((1, 1, 2, 2), -1.0);
        let mut pool = Pooling::new(2, 2, 2, 1);
        let out = pool.forward(x.into_dyn(), true);
        assert_eq!(out.shape(), [1, 1, 2, 2]);
        // each window holds one pixel (−1) and three zeros of padding
        assert!(out.iter().all(|&v| v == 0.0));
        let dx = pool.backward(ndarray::Array4::ones((1, 1, 2, 2)).into_dyn());
        assert!(dx.iter().all(|&v| v == 0.0));
    }

    /// A NaN in a window is its maximum, as NumPy's `max` gives it.
    #[test]
    fn a_nan_is_a_window_s_maximum() {
        let mut x = ndarray::Array4::zeros((1, 1, 2, 2));
        x[[0, 0, 1, 0]] = f64::NAN;
        let out = Pooling::new(2, 2, 2, 0).forward(x.into_dyn(), false);
        assert!(out[[0, 0, 0, 0]].is_nan());
    }
}
