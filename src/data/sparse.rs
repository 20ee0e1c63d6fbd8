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

/// A run of consecutive images turned around, pixel by pixel (compressed sparse columns): for
/// each pixel, the images where it is not 0 and its value there. Built once for the images a
/// network is evaluated on, so that each evaluation can go pixel by pixel without sorting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PixelColumns {
    /// The index of the first image in the original set.
    first: usize,
    /// Images in the run.
    len: usize,
    /// Where each pixel's entries start; `width + 1` entries.
    starts: Vec<u32>,
    /// For each entry, the image's position in the run.
    images: Vec<u16>,
    /// For each entry, the pixel's value.
    values: Vec<u8>,
}

impl PixelColumns {
    /// Images `range` of `x` (at most 65,536 of them), pixel by pixel.
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet::data::sparse::{PixelColumns, SparseImages};
    /// let x = SparseImages::new(array![[0u8, 7, 0], [0, 0, 0], [255, 0, 1]].view());
    /// let c = PixelColumns::new(&x, 1..3);
    /// assert_eq!(c.column(0), (&[1u16][..], &[255u8][..]));  // image 2 is the run's second
    /// assert_eq!(c.column(1), (&[][..], &[][..]));
    /// assert_eq!(c.column(2), (&[1u16][..], &[1u8][..]));
    /// ```
    ///
    /// # Panics
    /// If the range is out of bounds or longer than 65,536.
    pub fn new(x: &SparseImages, range: std::ops::Range<usize>) -> Self {
        assert!(range.len() <= 1 << 16, "at most 65,536 images in a run");
        let mut starts = vec![0u32; x.width() + 1];
        for i in range.clone() {
            for &p in x.row(i).0 {
                starts[usize::from(p) + 1] += 1;
            }
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let total = starts[x.width()] as usize;
        let (mut images, mut values) = (vec![0; total], vec![0; total]);
        let mut next = starts.clone();
        for (r, i) in range.clone().enumerate() {
            let (pixels, pixel_values) = x.row(i);
            for (&p, &v) in pixels.iter().zip(pixel_values) {
                let k = &mut next[usize::from(p)];
                images[*k as usize] = r as u16;
                values[*k as usize] = v;
                *k += 1;
            }
        }
        PixelColumns {
            first: range.start,
            len: range.len(),
            starts,
            images,
            values,
        }
    }

    /// All of `x` in runs of `run` images.
    pub fn runs(x: &SparseImages, run: usize) -> Vec<PixelColumns> {
        (0..x.len())
            .step_by(run.max(1))
            .map(|s| PixelColumns::new(x, s..(s + run.max(1)).min(x.len())))
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
        self.starts.len() - 1
    }

    /// Where each pixel's entries start in [`entries`](PixelColumns::entries); `width + 1`
    /// numbers.
    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// All entries: the image positions and the values, pixel after pixel.
    pub fn entries(&self) -> (&[u16], &[u8]) {
        (&self.images, &self.values)
    }

    /// Pixel `p`: the positions in the run of the images where it is not 0, in increasing
    /// order, and its values there.
    pub fn column(&self, p: usize) -> (&[u16], &[u8]) {
        let range = self.starts[p] as usize..self.starts[p + 1] as usize;
        (&self.images[range.clone()], &self.values[range])
    }
}
