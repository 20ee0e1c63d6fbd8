//! A digit drawn by hand, made into an MNIST image the way MNIST's own were made.
//!
//! MNIST's authors took each scanned digit, scaled it to fit a 20 × 20 box keeping its aspect
//! ratio (anti-aliased, so its edges are grey), then placed it in a 28 × 28 field so that its
//! centre of mass sits at the centre. A network trained on MNIST has only ever seen digits
//! prepared that way: a digit drawn in a corner, or filling the whole canvas, looks nothing
//! like its training data. [`mnist_style`] does the same to a drawing, so that what the
//! network sees can be compared with the test images.

use ndarray::{Array1, Array2, ArrayView2};

/// The side of an MNIST image, 28 pixels.
pub const SIDE: usize = 28;

/// The side of the box a digit is scaled to fit, 20 pixels.
pub const BOX: usize = 20;

/// A drawing made into an MNIST image: `ink` (shape `(H, W)`, any size; 0 is background, 1 full
/// ink, as MNIST's pixels divided by 255) is cut to the smallest rectangle holding all its ink,
/// scaled so that its longer side is 20 pixels (the shorter in proportion, at least 1), each new
/// pixel the mean of the area it covers (anti-aliasing), and placed in a 28 × 28 image with its
/// centre of mass at the centre, `(13.5, 13.5)` in pixel indices, rounded to whole pixels and
/// moved only as far as keeps the whole box inside the image.
///
/// Returns the 784 pixels row by row, in `[0, 1]` where the input was, or `None` when there is
/// no ink (no pixel above 0).
///
/// ```
/// use scratchnet_book::ndarray::Array2;
/// use scratchnet_book::data::handwriting::mnist_style;
/// // a 10 × 5 block of ink in the corner of a 100 × 100 canvas
/// let mut canvas = Array2::zeros((100, 100));
/// canvas.slice_mut(scratchnet_book::ndarray::s![0..10, 0..5]).fill(1.0);
/// let image = mnist_style(canvas.view()).expect("there is ink");
/// // scaled to 20 × 10, centred: rows 4..24, columns 9..19
/// let row = |r: usize| &image.as_slice().unwrap()[r * 28..(r + 1) * 28];
/// assert_eq!(row(3).iter().sum::<f64>(), 0.0);
/// assert_eq!(row(4)[8..20], [0., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 0.]);
/// assert_eq!(image.sum(), 200.0);
/// ```
#[must_use]
pub fn mnist_style(ink: ArrayView2<f64>) -> Option<Array1<f64>> {
    let rows: Vec<usize> = (0..ink.nrows())
        .filter(|&r| ink.row(r).iter().any(|&v| v > 0.0))
        .collect();
    let cols: Vec<usize> = (0..ink.ncols())
        .filter(|&c| ink.column(c).iter().any(|&v| v > 0.0))
        .collect();
    let (&top, &bottom) = (rows.first()?, rows.last()?);
    let (&left, &right) = (cols.first()?, cols.last()?);
    let digit = ink.slice(ndarray::s![top..=bottom, left..=right]);

    let (h, w) = digit.dim();
    let longer = h.max(w) as f64;
    let side = |n: usize| ((n as f64 * BOX as f64 / longer).round() as usize).clamp(1, BOX);
    let (new_h, new_w) = (side(h), side(w));
    let small = area_weights(new_h, h)
        .dot(&digit)
        .dot(&area_weights(new_w, w).t());

    let total = small.sum();
    let centre = |axis_sums: Array1<f64>| {
        axis_sums
            .iter()
            .enumerate()
            .map(|(i, v)| i as f64 * v)
            .sum::<f64>()
            / total
    };
    let com_row = centre(small.sum_axis(ndarray::Axis(1)));
    let com_col = centre(small.sum_axis(ndarray::Axis(0)));
    let middle = (SIDE as f64 - 1.0) / 2.0;
    let place = |com: f64, len: usize| ((middle - com).round().max(0.0) as usize).min(SIDE - len);
    let (at_row, at_col) = (place(com_row, new_h), place(com_col, new_w));

    let mut image = Array2::<f64>::zeros((SIDE, SIDE));
    image
        .slice_mut(ndarray::s![at_row..at_row + new_h, at_col..at_col + new_w])
        .assign(&small.mapv(|v| v.clamp(0.0, 1.0)));
    image.into_shape_with_order(SIDE * SIDE).ok()
}

/// The `(to, from)` matrix that resamples `from` pixels into `to` by area: output pixel `i`
/// covers `[i·s, (i+1)·s)` of the input, `s = from / to`, and takes the mean over it, each input
/// pixel weighted by the length of its overlap. Rows sum to 1.
fn area_weights(to: usize, from: usize) -> Array2<f64> {
    let scale = from as f64 / to as f64;
    Array2::from_shape_fn((to, from), |(i, j)| {
        let (start, end) = (i as f64 * scale, (i + 1) as f64 * scale);
        let overlap = (end.min(j as f64 + 1.0) - start.max(j as f64)).max(0.0);
        overlap / scale
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    #[test]
    fn no_ink_is_no_image() {
        assert_eq!(mnist_style(Array2::zeros((50, 50)).view()), None);
        assert_eq!(mnist_style(Array2::zeros((0, 0)).view()), None);
    }

    #[test]
    fn area_weights_average_what_each_pixel_covers() {
        // 3 pixels into 2: the middle one is shared half and half
        let w = area_weights(2, 3);
        let third = 1.0 / 1.5;
        assert_abs_diff_eq!(
            w,
            ndarray::array![[third, 0.5 / 1.5, 0.0], [0.0, 0.5 / 1.5, third]],
            epsilon = 1e-15
        );
    }

    #[test]
    fn a_thin_vertical_stroke_keeps_its_shape_and_lands_in_the_middle() {
        // a 1 drawn as a 4-pixel-wide, 200-pixel-tall bar at the left of a wide canvas
        let mut canvas = Array2::zeros((240, 300));
        canvas.slice_mut(ndarray::s![20..220, 10..14]).fill(1.0);
        let image = mnist_style(canvas.view()).unwrap();
        let image = image.into_shape_with_order((SIDE, SIDE)).unwrap();
        // 200 × 4 scales to 20 × 0.4, at least one pixel wide, rounded: 20 × 1
        let ink: Vec<(usize, usize)> = ndarray::indices((SIDE, SIDE))
            .into_iter()
            .filter(|&(r, c)| image[(r, c)] > 0.0)
            .collect();
        assert_eq!(ink.len(), 20);
        assert!(ink.iter().all(|&(r, c)| (4..24).contains(&r) && c == 14));
    }

    #[test]
    fn the_centre_of_mass_is_centred_not_the_box() {
        // an L: a tall bar with a heavy foot; its box is 20 × 20, its mass low and left
        let mut canvas = Array2::zeros((40, 40));
        canvas.slice_mut(ndarray::s![0..40, 0..4]).fill(1.0);
        canvas.slice_mut(ndarray::s![36..40, 0..40]).fill(1.0);
        let image = mnist_style(canvas.view()).unwrap();
        let image = image.into_shape_with_order((SIDE, SIDE)).unwrap();
        let total = image.sum();
        let com = |axis| {
            image
                .sum_axis(ndarray::Axis(axis))
                .iter()
                .enumerate()
                .map(|(i, v)| i as f64 * v)
                .sum::<f64>()
                / total
        };
        // rounded to whole pixels: within half a pixel of the centre, on both axes
        assert!((com(1) - 13.5).abs() <= 0.5, "row {}", com(1));
        assert!((com(0) - 13.5).abs() <= 0.5, "column {}", com(0));
        // and the box is not centred: it moved up and right of rows/columns 4..24
        assert!(image.row(27).sum() == 0.0 && image.column(27).sum() > 0.0);
    }
}
