//! Chapter 7's pictures of what a convolutional network learned: its first layer's filters
//! (`visualize_filter.py`, figure 7-24), an image through each of them (`apply_filter.py`), and
//! the test images it gets wrong (`ch08/misclassified_mnist.py`, figure 8-3). Each is a grid of
//! small grey images, drawn as the book's `imshow(..., cmap=gray_r)`: each image scaled from its
//! own smallest value (white) to its largest (black).

use ndarray::{Array2, ArrayView2, ArrayView3, ArrayView4, Axis};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{Draw, DrawResult, Figure, titled};
use scratchnet_book::Error;
use scratchnet_book::text::pictures;

/// The first channel of each filter `filters: (FN, C, FH, FW)`, eight to a row (the book's
/// `filter_show(filters, nx=8)`).
///
/// ```
/// use scratchnet_book::net::simple_conv::SimpleConvNet;
/// use scratchnet_book::random::numpy::RandomState;
/// let net = SimpleConvNet::book(&mut RandomState::new(0));
/// let svg = scratchnet_plot::plot_filters(net.w1.view(), "before training")?.svg()?;
/// assert!(svg.contains("before training"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
///
/// # Errors
/// [`Error::Shape`] for no filter or an empty one.
pub fn plot_filters(filters: ArrayView4<f64>, title: &str) -> Result<Figure, Error> {
    let (n, c, h, w) = filters.dim();
    if n == 0 || c == 0 || h == 0 || w == 0 {
        return Err(Error::Shape {
            what: "the filters (FN, C, FH, FW)",
            expected: vec![30, 1, 5, 5],
            got: vec![n, c, h, w],
        });
    }
    let images = filters
        .axis_iter(Axis(0))
        .map(|f| f.index_axis(Axis(0), 0).to_owned())
        .collect();
    Ok(Figure::new(Grid {
        images,
        captions: Vec::new(),
        columns: 8,
        title: title.to_string(),
    }))
}

/// An image, then what each of the filters makes of it, `maps: (K, OH, OW)`, four to a row
/// (the book's `apply_filter.py`: each filter alone, without its bias).
///
/// # Errors
/// [`Error::Shape`] for no map, an empty one, or an empty image.
pub fn plot_feature_maps(
    image: ArrayView2<f64>,
    maps: ArrayView3<f64>,
    title: &str,
) -> Result<Figure, Error> {
    let (k, h, w) = maps.dim();
    if k == 0 || h == 0 || w == 0 || image.is_empty() {
        return Err(Error::Shape {
            what: "the filtered images (K, OH, OW)",
            expected: vec![16, 24, 24],
            got: vec![k, h, w],
        });
    }
    let mut images = vec![image.to_owned()];
    images.extend(maps.axis_iter(Axis(0)).map(|m| m.to_owned()));
    let mut captions = vec![look::say(&pictures::THE_IMAGE, &[])];
    captions.extend((1..=k).map(|i| look::say(&pictures::FILTER_N, &[("n", &i)])));
    Ok(Figure::new(Grid {
        images,
        captions,
        columns: 6,
        title: title.to_string(),
    }))
}

/// Images the network got wrong, `images: (N, 28, 28)`, five to a row (the book's 4 × 5), each
/// captioned `label → predicted` from `cases: (label, predicted)`, in the same order.
///
/// # Errors
/// [`Error::Shape`] for no image, or not one `(label, predicted)` per image.
pub fn plot_misclassified(
    images: ArrayView3<f64>,
    cases: &[(usize, usize)],
    title: &str,
) -> Result<Figure, Error> {
    if images.is_empty() || images.dim().0 != cases.len() {
        return Err(Error::Shape {
            what: "the misclassified images and their (label, predicted)",
            expected: vec![cases.len(), 28, 28],
            got: images.shape().to_vec(),
        });
    }
    let captions = cases
        .iter()
        .map(|&(label, predicted)| format!("{label} → {predicted}"))
        .collect();
    Ok(Figure::new(Grid {
        images: images.axis_iter(Axis(0)).map(|m| m.to_owned()).collect(),
        captions,
        columns: 5,
        title: title.to_string(),
    }))
}

/// Small grey images in rows, each with a caption under it (if any).
struct Grid {
    images: Vec<Array2<f64>>,
    captions: Vec<String>,
    columns: usize,
    title: String,
}

/// The side of a cell of the grid, in pixels.
const CELL: u32 = 120;

impl Grid {
    fn rows(&self) -> usize {
        self.images.len().div_ceil(self.columns.max(1))
    }
}

impl Draw for Grid {
    fn size(&self) -> (u32, u32) {
        let caption = if self.captions.is_empty() { 0 } else { 22 };
        let columns = self.columns.min(self.images.len()) as u32;
        (
            CELL * columns.max(4),
            60 + (CELL + caption) * self.rows() as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = titled(root, &self.title)?;
        let cells = area.split_evenly((self.rows(), self.columns.min(self.images.len())));
        for (i, (cell, image)) in cells.iter().zip(&self.images).enumerate() {
            let cell = match self.captions.get(i) {
                Some(text) => {
                    let (_, h) = cell.dim_in_pixel();
                    let (top, bottom) = cell.split_vertically(h.saturating_sub(22));
                    bottom.draw_text(
                        text,
                        &(look::family(), 15).into_font().color(&BLACK),
                        (6, 2),
                    )?;
                    top
                }
                None => cell.clone(),
            };
            draw_image(&cell, image.view())?;
        }
        Ok(())
    }
}

/// `image` in `area`, square, its smallest value white and its largest black (gray_r).
fn draw_image<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    image: ArrayView2<f64>,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (rows, cols) = image.dim();
    let (lo, hi) = image
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let (w, h) = area.dim_in_pixel();
    let side = w.min(h).saturating_sub(8) as i32;
    let step = (side / rows.max(cols) as i32).max(1);
    let (x0, y0) = (4, 4);
    for ((r, c), &v) in image.indexed_iter() {
        let shade = if v.is_finite() { (v - lo) / span } else { 0.0 };
        let grey = (255.0 * (1.0 - shade)).round().clamp(0.0, 255.0) as u8;
        let (x, y) = (x0 + c as i32 * step, y0 + r as i32 * step);
        area.draw(&Rectangle::new(
            [(x, y), (x + step, y + step)],
            RGBColor(grey, grey, grey).filled(),
        ))?;
    }
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + step * cols as i32, y0 + step * rows as i32)],
        BLACK.mix(0.3),
    ))?;
    Ok(())
}
