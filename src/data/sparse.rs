//! Images as lists of their non-zero pixels, two neighbouring pixels at a time.
//!
//! About 81 % of MNIST's pixels are 0 (white background), and a 0 contributes nothing to
//! `x · W1`: the first layer only needs, for each image, where its ink is and how dark. The
//! fast path goes through pixels two at a time (pixels `2q` and `2q + 1`, "pair `q`"): pen
//! strokes are a few pixels wide, so an image inked at one pixel is usually inked at its
//! neighbour, about 1.7 inked pixels per inked pair. So each image is kept as the list of its
//! inked pairs, compressed rows (CSR): for image `i`, the pairs `pairs[offsets[i]..offsets[i+1]]`
//! and the two values in each, one byte each as in the files (0 for a pixel without ink). That
//! is 4 bytes per inked pair, 21 MB for the 60,000 training images (against 47 MB for all their
//! bytes, and 376 MB as the book's float64 array).

use ndarray::ArrayView2;

/// The inked pixels of a set of images, pair of neighbouring pixels by pair, row by row
/// (compressed sparse rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SparseImages {
    /// Where each image's pairs start in `pairs` and `values`; one more entry than images.
    offsets: Vec<usize>,
    /// The inked pairs `q` (pixels `2q` and `2q + 1`), in increasing order in each image.
    pairs: Vec<u16>,
    /// The values of pixels `2q` and `2q + 1`, `0..=255`, not both 0.
    values: Vec<[u8; 2]>,
    /// Pixels per image (784 for MNIST).
    width: usize,
    /// Non-zero pixels in all images.
    nonzeros: usize,
}

impl SparseImages {
    /// The inked pairs of pixels of each row of `images` (`(N, width)`, `width ≤ 131,072`).
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet::data::sparse::SparseImages;
    /// let x = SparseImages::new(array![[0u8, 7, 0], [0, 0, 0], [255, 0, 1]].view());
    /// // image 0: pair 0 (pixels 0 and 1)
    /// assert_eq!(x.row(0), (&[0u16][..], &[[0u8, 7]][..]));
    /// assert_eq!(x.row(1), (&[][..], &[][..]));
    /// // image 2: pair 0, and pair 1 (pixel 2 and a pixel 3 that does not exist)
    /// assert_eq!(x.row(2), (&[0u16, 1][..], &[[255u8, 0], [1, 0]][..]));
    /// assert_eq!(x.nonzeros(), 3);
    /// ```
    ///
    /// # Panics
    /// If rows are wider than 131,072 pixels.
    pub fn new(images: ArrayView2<u8>) -> Self {
        let width = images.ncols();
        assert!(width <= 1 << 17, "pairs of pixels are numbered in u16");
        let mut offsets = Vec::with_capacity(images.nrows() + 1);
        let (mut pairs, mut values) = (Vec::new(), Vec::new());
        let mut nonzeros = 0;
        offsets.push(0);
        let mut pixels = Vec::with_capacity(width + 1);
        for row in images.rows() {
            pixels.clear();
            pixels.extend(row.iter().copied());
            pixels.resize(width.div_ceil(2) * 2, 0);
            for (q, pair) in pixels.chunks_exact(2).enumerate() {
                if pair != [0, 0] {
                    pairs.push(q as u16);
                    values.push([pair[0], pair[1]]);
                    nonzeros += pair.iter().filter(|&&v| v != 0).count();
                }
            }
            offsets.push(pairs.len());
        }
        SparseImages {
            offsets,
            pairs,
            values,
            width,
            nonzeros,
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

    /// Image `i`: its inked pairs `q` (pixels `2q` and `2q + 1`), in increasing order, and the
    /// values of the two pixels in each.
    ///
    /// # Panics
    /// If `i ≥ len()`.
    pub fn row(&self, i: usize) -> (&[u16], &[[u8; 2]]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.pairs[range.clone()], &self.values[range])
    }

    /// The number of non-zero pixels in all images.
    pub fn nonzeros(&self) -> usize {
        self.nonzeros
    }

    /// The number of inked pairs in all images (about 0.6 per non-zero pixel for MNIST).
    pub fn inked_pairs(&self) -> usize {
        self.pairs.len()
    }

    /// The fraction of pixels that are not zero (about 0.19 for MNIST).
    pub fn density(&self) -> f64 {
        self.nonzeros() as f64 / (self.len() * self.width).max(1) as f64
    }
}

/// A run of consecutive images turned around, pixel pair by pixel pair: for each pair of
/// neighbouring pixels (see [the module](self)), the images with ink there and the two values. Built
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
            for &q in x.row(i).0 {
                starts[usize::from(q) + 1] += 1;
            }
        }
        for q in 1..starts.len() {
            starts[q] += starts[q - 1];
        }
        let total = starts[pairs] as usize;
        let (mut images, mut values) = (vec![0; total], vec![[0; 2]; total]);
        let mut next = starts.clone();
        for (r, i) in range.clone().enumerate() {
            let (pairs, pair_values) = x.row(i);
            for (&q, &v) in pairs.iter().zip(pair_values) {
                let k = &mut next[usize::from(q)];
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
