//! `im2col` and `col2im` (chapter 7, the book's `common/util.py`): a convolution as one matrix
//! product.
//!
//! A filter of `FH × FW` over `C` channels meets, at each output position, a patch of
//! `C · FH · FW` input values. [`im2col`] lays every patch of every image out as one row of a
//! matrix, so that the whole convolution is that matrix times the filters, one filter per
//! column ([`Convolution`](crate::layers::Convolution)). [`col2im`] goes back: it adds each
//! row's values to the input positions they came from, which is how a gradient of the patches
//! becomes a gradient of the image (a position inside several patches gets the sum).
//!
//! Shapes: `N` images, `C` channels, `H × W` pixels, a filter of `FH × FW`, `OH × OW` outputs
//! ([`conv_output_size`]).

use ndarray::{Array2, Array4, Array6, ArrayView2, ArrayView4, s};

/// The number of positions a filter of `filter_size` takes along an input of `input_size`,
/// moving by `stride` over the input padded by `pad` on both sides:
/// `OH = (H + 2·pad − FH) / stride + 1`, the division rounded down (as the book's `im2col`
/// rounds it).
///
/// ```
/// use scratchnet_book::im2col::conv_output_size;
/// assert_eq!(conv_output_size(28, 5, 1, 0), 24); // SimpleConvNet's first layer
/// assert_eq!(conv_output_size(24, 2, 2, 0), 12); // and its pooling
/// assert_eq!(conv_output_size(7, 3, 2, 1), 4); // (7 + 2 − 3) / 2 + 1
/// ```
///
/// # Panics
/// If `stride` is 0, or the filter is larger than the padded input.
#[track_caller]
#[must_use]
pub fn conv_output_size(input_size: usize, filter_size: usize, stride: usize, pad: usize) -> usize {
    assert!(stride > 0, "a stride of at least 1");
    let padded = input_size + 2 * pad;
    assert!(
        filter_size >= 1 && filter_size <= padded,
        "a filter of {filter_size} does not fit an input of {input_size} padded by {pad}"
    );
    (padded - filter_size) / stride + 1
}

/// Every patch of every image as one row: `col: (N · OH · OW, C · FH · FW)`, rows in the order
/// (image, output row, output column), columns in the order (channel, filter row, filter
/// column), as the book's `im2col(input_data, filter_h, filter_w, stride, pad)` lays them out.
/// The input is padded with zeros by `pad` on every side.
///
/// Written as the book writes it: for each filter position `(y, x)`, the input values that
/// position meets over all outputs, taken with a step of `stride`; then the axes reordered into
/// rows.
///
/// ```
/// use scratchnet_book::im2col::im2col;
/// use scratchnet_book::ndarray::Array4;
/// // one 3×3 image holding 0..9, patches of 2×2: four of them
/// let x = Array4::from_shape_fn((1, 1, 3, 3), |(_, _, i, j)| (3 * i + j) as f64);
/// let col = im2col(x.view(), 2, 2, 1, 0);
/// assert_eq!(col.dim(), (4, 4));
/// assert_eq!(col.row(0).to_vec(), [0.0, 1.0, 3.0, 4.0]); // the top-left patch
/// assert_eq!(col.row(3).to_vec(), [4.0, 5.0, 7.0, 8.0]); // the bottom-right one
/// ```
///
/// # Panics
/// As [`conv_output_size`].
#[track_caller]
#[must_use]
pub fn im2col(
    input_data: ArrayView4<f64>,
    filter_h: usize,
    filter_w: usize,
    stride: usize,
    pad: usize,
) -> Array2<f64> {
    let (n, c, h, w) = input_data.dim();
    let out_h = conv_output_size(h, filter_h, stride, pad);
    let out_w = conv_output_size(w, filter_w, stride, pad);

    let mut img = Array4::zeros((n, c, h + 2 * pad, w + 2 * pad));
    img.slice_mut(s![.., .., pad..pad + h, pad..pad + w])
        .assign(&input_data);
    let mut col = Array6::zeros((n, c, filter_h, filter_w, out_h, out_w));

    for y in 0..filter_h {
        // the book's `y_max = y + stride*out_h`, as the last index taken plus one
        let y_max = y + stride * (out_h - 1) + 1;
        for x in 0..filter_w {
            let x_max = x + stride * (out_w - 1) + 1;
            col.slice_mut(s![.., .., y, x, .., ..])
                .assign(&img.slice(s![.., .., y..y_max;stride, x..x_max;stride]));
        }
    }

    col.permuted_axes([0, 4, 5, 1, 2, 3])
        .as_standard_layout()
        .into_shape_with_order((n * out_h * out_w, c * filter_h * filter_w))
        .expect("a row-major array")
        .into_owned()
}

/// The way back from [`im2col`]: each row of `col: (N · OH · OW, C · FH · FW)` is added to the
/// positions of the image `(N, C, H, W)` its values came from (the book's
/// `col2im(col, input_shape, filter_h, filter_w, stride, pad)`). Where patches overlap, the
/// values add up, filter position by filter position in the book's order; what falls on the
/// padding is dropped.
///
/// ```
/// use scratchnet_book::im2col::col2im;
/// use scratchnet_book::ndarray::Array2;
/// // four 2×2 patches of a 3×3 image, every value 1: the centre is in all four patches
/// let img = col2im(Array2::ones((4, 4)).view(), (1, 1, 3, 3), 2, 2, 1, 0);
/// assert_eq!(img[[0, 0, 1, 1]], 4.0);
/// assert_eq!(img[[0, 0, 0, 1]], 2.0);
/// assert_eq!(img[[0, 0, 0, 0]], 1.0);
/// ```
///
/// # Panics
/// As [`conv_output_size`]; if `col` does not have the shape `im2col` gives for `input_shape`.
#[track_caller]
#[must_use]
pub fn col2im(
    col: ArrayView2<f64>,
    input_shape: (usize, usize, usize, usize),
    filter_h: usize,
    filter_w: usize,
    stride: usize,
    pad: usize,
) -> Array4<f64> {
    let (n, c, h, w) = input_shape;
    let out_h = conv_output_size(h, filter_h, stride, pad);
    let out_w = conv_output_size(w, filter_w, stride, pad);
    let expected = (n * out_h * out_w, c * filter_h * filter_w);
    assert_eq!(
        col.dim(),
        expected,
        "col2im of an image {input_shape:?} takes a col of shape {expected:?}"
    );
    let col = col
        .as_standard_layout()
        .into_shape_with_order((n, out_h, out_w, c, filter_h, filter_w))
        .expect("a row-major array")
        .into_owned();
    let col = col.view().permuted_axes([0, 3, 4, 5, 1, 2]);

    let mut img = Array4::zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1));
    for y in 0..filter_h {
        let y_max = y + stride * (out_h - 1) + 1;
        for x in 0..filter_w {
            let x_max = x + stride * (out_w - 1) + 1;
            let mut window = img.slice_mut(s![.., .., y..y_max;stride, x..x_max;stride]);
            window += &col.slice(s![.., .., y, x, .., ..]);
        }
    }

    img.slice(s![.., .., pad..h + pad, pad..w + pad]).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{Case, reference};

    /// The book's `im2col` and `col2im` on random images (`tests/reference/ch07.py`): the same
    /// values, bit for bit (they copy and add in the same order).
    #[test]
    fn im2col_and_col2im_are_the_book_s_bit_for_bit() {
        for case in reference()["im2col"].as_array().expect("cases") {
            let case = Case(case);
            let (fh, fw, stride, pad) = (
                case.usize("filter_h"),
                case.usize("filter_w"),
                case.usize("stride"),
                case.usize("pad"),
            );
            let x = case.array4("x");
            assert_eq!(im2col(x.view(), fh, fw, stride, pad), case.array2("col"));
            let image = col2im(case.array2("dcol").view(), x.dim(), fh, fw, stride, pad);
            assert_eq!(image, case.array4("image"));
        }
    }

    /// `col2im` is the transpose of `im2col`: `⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩` for any `x` and
    /// `c`, which is what makes it the backward pass.
    #[test]
    fn col2im_is_the_adjoint_of_im2col() {
        let x = Array4::from_shape_fn((2, 2, 5, 4), |(a, b, i, j)| {
            ((a * 7 + b * 5 + i * 3 + j) % 11) as f64 - 5.0
        });
        for (fh, fw, stride, pad) in [(3, 2, 1, 0), (3, 3, 2, 1), (2, 2, 2, 0), (1, 1, 1, 2)] {
            let col = im2col(x.view(), fh, fw, stride, pad);
            let c = Array2::from_shape_fn(col.raw_dim(), |(i, j)| ((i * 13 + j * 3) % 7) as f64);
            let back = col2im(c.view(), x.dim(), fh, fw, stride, pad);
            // small integers: both sums are exact
            assert_eq!(
                (&col * &c).sum(),
                (&x * &back).sum(),
                "{fh}×{fw} /{stride} +{pad}"
            );
        }
    }
}
