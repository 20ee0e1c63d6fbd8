//! Images as lists of their non-zero pixels.
//!
//! About 81 % of MNIST's pixels are 0 (white background), and a 0 contributes nothing to
//! `x · W1`: the first layer only needs, for each image, where its ink is and how dark. Kept as
//! compressed rows (CSR): for image `i`, the pixel positions `pixels[offsets[i]..offsets[i+1]]`
//! and their values `values[...]`, one byte each as in the files. That is 3 bytes per ink pixel,
//! 27 MB for the 60,000 training images (against 47 MB for all their bytes, and 376 MB as the
//! book's float64 array).

use ndarray::ArrayView2;

/// The non-zero pixels of a set of images, row by row (compressed sparse rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SparseImages {
    /// Where each image's pixels start in `pixels` and `values`; one more entry than images.
    offsets: Vec<usize>,
    /// Pixel positions, `0..width`.
    pixels: Vec<u16>,
    /// Pixel values, `1..=255`.
    values: Vec<u8>,
    /// Pixels per image (784 for MNIST).
    width: usize,
}

impl SparseImages {
    /// The non-zero pixels of each row of `images` (`(N, width)`, `width ≤ 65,536`).
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet::data::sparse::SparseImages;
    /// let x = SparseImages::new(array![[0u8, 7, 0], [0, 0, 0], [255, 0, 1]].view());
    /// assert_eq!(x.row(0), (&[1u16][..], &[7u8][..]));
    /// assert_eq!(x.row(1), (&[][..], &[][..]));
    /// assert_eq!(x.row(2), (&[0u16, 2][..], &[255u8, 1][..]));
    /// assert_eq!(x.nonzeros(), 3);
    /// ```
    ///
    /// # Panics
    /// If rows are wider than 65,536 pixels.
    pub fn new(images: ArrayView2<u8>) -> Self {
        let width = images.ncols();
        assert!(width <= 1 << 16, "pixel positions are kept as u16");
        let nonzeros = images.iter().filter(|&&v| v != 0).count();
        let mut offsets = Vec::with_capacity(images.nrows() + 1);
        let mut pixels = Vec::with_capacity(nonzeros);
        let mut values = Vec::with_capacity(nonzeros);
        offsets.push(0);
        for row in images.rows() {
            for (p, &v) in row.iter().enumerate() {
                if v != 0 {
                    pixels.push(p as u16);
                    values.push(v);
                }
            }
            offsets.push(pixels.len());
        }
        SparseImages {
            offsets,
            pixels,
            values,
            width,
        }
    }

    /// The number of images.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether there are no images.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pixels per image.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Image `i`: the positions of its non-zero pixels, in increasing order, and their values.
    ///
    /// # Panics
    /// If `i ≥ len()`.
    pub fn row(&self, i: usize) -> (&[u16], &[u8]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.pixels[range.clone()], &self.values[range])
    }

    /// The number of non-zero pixels in all images.
    pub fn nonzeros(&self) -> usize {
        self.pixels.len()
    }

    /// The fraction of pixels that are not zero (about 0.19 for MNIST).
    pub fn density(&self) -> f64 {
        self.nonzeros() as f64 / (self.len() * self.width).max(1) as f64
    }
}

/// The inked pixels of one image two neighbours at a time: for each pair of pixels `2q` and
/// `2q + 1` with ink in either, `(q, [value at 2q, value at 2q + 1])` (0 for the one without).
/// Strokes are a few pixels wide, so most inked pixels have an inked neighbour: about 1.6
/// inked pixels per pair for MNIST.
///
/// ```
/// use scratchnet::data::sparse::ink_pairs;
/// let pairs: Vec<_> = ink_pairs(&[1, 2, 3, 6], &[10, 20, 30, 60]).collect();
/// assert_eq!(pairs, [(0, [0, 10]), (1, [20, 30]), (3, [60, 0])]);
/// ```
pub fn ink_pairs<'a>(
    pixels: &'a [u16],
    values: &'a [u8],
) -> impl Iterator<Item = (usize, [u8; 2])> + 'a {
    let mut k = 0;
    std::iter::from_fn(move || {
        let p = usize::from(*pixels.get(k)?);
        let v = values[k];
        k += 1;
        if p % 2 == 1 {
            return Some((p / 2, [0, v]));
        }
        if pixels
            .get(k)
            .is_some_and(|&next| usize::from(next) == p + 1)
        {
            k += 1;
            return Some((p / 2, [v, values[k - 1]]));
        }
        Some((p / 2, [v, 0]))
    })
}

/// A run of consecutive images turned around, pixel pair by pixel pair: for each pair of
/// neighbouring pixels (see [`ink_pairs`]), the images with ink there and the two values. Built
/// once for the images a network is evaluated on, so that each evaluation can go pair by pair
/// without sorting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PixelPairs {
    /// The index of the first image in the original set.
    first: usize,
    /// Images in the run.
    len: usize,
    /// Pixels per image.
    width: usize,
    /// Where each pair's entries start; one more than pairs.
    starts: Vec<u32>,
    /// For each entry, the image's position in the run.
    images: Vec<u16>,
    /// For each entry, the values of the two pixels.
    values: Vec<[u8; 2]>,
}

impl PixelPairs {
    /// Images `range` of `x` (at most 65,536 of them), pair by pair.
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet::data::sparse::{PixelPairs, SparseImages};
    /// let x = SparseImages::new(array![[0u8, 7, 0], [0, 0, 0], [255, 0, 1]].view());
    /// let c = PixelPairs::new(&x, 1..3);
    /// // image 2 is the run's second (position 1): pixels 0 and 1, then pixel 2 (and a 3rd
    /// // that does not exist)
    /// assert_eq!(c.pair(0), (&[1u16][..], &[[255u8, 0]][..]));
    /// assert_eq!(c.pair(1), (&[1u16][..], &[[1u8, 0]][..]));
    /// ```
    ///
    /// # Panics
    /// If the range is out of bounds or longer than 65,536.
    pub fn new(x: &SparseImages, range: std::ops::Range<usize>) -> Self {
        assert!(range.len() <= 1 << 16, "at most 65,536 images in a run");
        let pairs = x.width().div_ceil(2);
        let mut starts = vec![0u32; pairs + 1];
        for i in range.clone() {
            let (pixels, values) = x.row(i);
            for (q, _) in ink_pairs(pixels, values) {
                starts[q + 1] += 1;
            }
        }
        for q in 1..starts.len() {
            starts[q] += starts[q - 1];
        }
        let total = starts[pairs] as usize;
        let (mut images, mut values) = (vec![0; total], vec![[0; 2]; total]);
        let mut next = starts.clone();
        for (r, i) in range.clone().enumerate() {
            let (pixels, pixel_values) = x.row(i);
            for (q, v) in ink_pairs(pixels, pixel_values) {
                let k = &mut next[q];
                images[*k as usize] = r as u16;
                values[*k as usize] = v;
                *k += 1;
            }
        }
        PixelPairs {
            first: range.start,
            len: range.len(),
            width: x.width(),
            starts,
            images,
            values,
        }
    }

    /// All of `x` in runs of `run` images.
    pub fn runs(x: &SparseImages, run: usize) -> Vec<PixelPairs> {
        (0..x.len())
            .step_by(run.max(1))
            .map(|s| PixelPairs::new(x, s..(s + run.max(1)).min(x.len())))
            .collect()
    }

    /// The index of the run's first image in the original set.
    pub fn first(&self) -> usize {
        self.first
    }

    /// The number of images.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the run holds no image.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Pixels per image.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Where each pair's entries start in [`entries`](PixelPairs::entries); one more number
    /// than pairs.
    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// All entries: the image positions and the values, pair after pair.
    pub fn entries(&self) -> (&[u16], &[[u8; 2]]) {
        (&self.images, &self.values)
    }

    /// Pair `q` (pixels `2q` and `2q + 1`): the positions in the run of the images with ink
    /// there, in increasing order, and the two values in each.
    pub fn pair(&self, q: usize) -> (&[u16], &[[u8; 2]]) {
        let range = self.starts[q] as usize..self.starts[q + 1] as usize;
        (&self.images[range.clone()], &self.values[range])
    }
}
