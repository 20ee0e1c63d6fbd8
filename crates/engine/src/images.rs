//! Images as lists of their non-zero pixels, four neighbouring pixels at a time.
//!
//! About 81 % of MNIST's pixels are 0 (white background), and a 0 contributes nothing to
//! `x · W1`: the first layer only needs, for each image, where its ink is and how dark. The
//! fast path goes through pixels four at a time (pixels `4q` to `4q + 3`, "group `q`"): pen
//! strokes are a few pixels wide, so an image inked at one pixel is usually inked at its
//! neighbours, about 2.7 inked pixels per inked group. So each image is kept as the list of its
//! inked groups, compressed rows (CSR): for image `i`, the groups
//! `groups[offsets[i]..offsets[i+1]]` and the four values in each, one byte each as in the files
//! (0 for a pixel without ink). That is 6 bytes per inked group, 20 MB for the 60,000 training
//! images (against 47 MB for all their bytes, and 376 MB as the book's float64 array).

use std::ops::Range;

use ndarray::{ArrayView2, Axis};
use rayon::prelude::*;

use crate::Real;

/// Neighbouring pixels per group: 4. Fewer entries than pairs (55.6 inked groups per MNIST image
/// against 87.6 inked pairs, for 150 inked pixels), for a few more products by 0.
pub const GROUP: usize = 4;

/// [`SparseImages::new`] indexes halves of this many images or more on two cores.
const HALF_AT_LEAST: usize = 4096;

/// How many of the four bytes of `word` are not 0.
fn inked_bytes(word: u32) -> usize {
    // each byte's low 7 bits plus 0x7f carries into its top bit unless they are all 0; or-ed
    // with the byte itself, the top bit says whether the byte is not 0
    let low = (word & 0x7f7f_7f7f) + 0x7f7f_7f7f;
    ((low | word) & 0x8080_8080).count_ones() as usize
}

/// The inked pixels of a set of images, group of neighbouring pixels by group, row by row
/// (compressed sparse rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SparseImages {
    /// Where each image's groups start in `groups` and `values`; one more entry than images.
    offsets: Vec<usize>,
    /// The inked groups `q` (pixels `4q` to `4q + 3`), in increasing order in each image.
    groups: Vec<u16>,
    /// The values of pixels `4q` to `4q + 3`, `0..=255`, not all 0.
    values: Vec<[u8; GROUP]>,
    /// Pixels per image (784 for MNIST).
    width: usize,
    /// Non-zero pixels in all images.
    nonzeros: usize,
}

impl SparseImages {
    /// The inked groups of pixels of each row of `images` (`(N, width)`, `width ≤ 262,144`).
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet_engine::images::SparseImages;
    /// let x = SparseImages::new(
    ///     array![[0u8, 7, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [255, 0, 1, 0, 0, 9]].view(),
    /// );
    /// // image 0: group 0 (pixels 0 to 3)
    /// assert_eq!(x.row(0), (&[0u16][..], &[[0u8, 7, 0, 0]][..]));
    /// assert_eq!(x.row(1), (&[][..], &[][..]));
    /// // image 2: group 0, and group 1 (pixels 4 and 5, and two that do not exist)
    /// assert_eq!(x.row(2), (&[0u16, 1][..], &[[255u8, 0, 1, 0], [0, 9, 0, 0]][..]));
    /// assert_eq!(x.nonzeros(), 4);
    /// ```
    ///
    /// # Panics
    /// If rows are wider than 262,144 pixels.
    #[must_use]
    pub fn new(images: ArrayView2<u8>) -> Self {
        // MNIST's 60,000 training images in halves, on both cores when there are two: a tenth
        // of a short run's start-up (`bench/RESULTS.md`, "Start-up")
        let n = images.nrows();
        if n < 2 * HALF_AT_LEAST {
            return Self::index(images, n);
        }
        let (first, second) = images.split_at(Axis(0), n / 2);
        let (mut first, second) = rayon::join(
            || Self::index(first, n),
            || Self::index(second, second.nrows()),
        );
        first.append(second);
        first
    }

    /// [`new`](SparseImages::new) on this thread, with room for `room` images' inked groups
    /// (so that the second half of a set is added without moving the first).
    fn index(images: ArrayView2<u8>, room: usize) -> Self {
        let width = images.ncols();
        assert!(width <= 1 << 18, "groups of pixels are numbered in u16");
        let mut offsets = Vec::with_capacity(room + 1);
        // MNIST: about 56 of 196 groups inked per image
        let guess = room * width.div_ceil(GROUP) / 3;
        let (mut groups, mut values) = (Vec::with_capacity(guess), Vec::with_capacity(guess));
        let mut nonzeros = 0;
        offsets.push(0);
        let mut padded = vec![0u8; width.div_ceil(GROUP) * GROUP];
        for row in images.rows() {
            let pixels = match row.as_slice() {
                Some(pixels) if width.is_multiple_of(GROUP) => pixels,
                _ => {
                    padded[..width]
                        .iter_mut()
                        .zip(row)
                        .for_each(|(p, &v)| *p = v);
                    &padded
                }
            };
            for (q, group) in pixels.chunks_exact(GROUP).enumerate() {
                let group: [u8; GROUP] = group.try_into().expect("a group");
                // the four pixels read as one number: 0 exactly when none is inked
                let word = u32::from_ne_bytes(group);
                if word != 0 {
                    groups.push(q as u16);
                    values.push(group);
                    nonzeros += inked_bytes(word);
                }
            }
            offsets.push(groups.len());
        }
        SparseImages {
            offsets,
            groups,
            values,
            width,
            nonzeros,
        }
    }

    /// `other`'s images after these.
    fn append(&mut self, other: SparseImages) {
        let base = self.groups.len();
        self.offsets
            .extend(other.offsets[1..].iter().map(|o| o + base));
        self.groups.extend(other.groups);
        self.values.extend(other.values);
        self.nonzeros += other.nonzeros;
    }

    /// The number of images.
    #[must_use]
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether there are no images.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pixels per image.
    #[must_use]
    pub fn width(&self) -> usize {
        self.width
    }

    /// Image `i`: its inked groups `q` (pixels `4q` to `4q + 3`), in increasing order, and the
    /// values of the four pixels in each.
    ///
    /// # Panics
    /// If `i ≥ len()`.
    #[must_use]
    pub fn row(&self, i: usize) -> (&[u16], &[[u8; GROUP]]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.groups[range.clone()], &self.values[range])
    }

    /// The number of non-zero pixels in all images.
    #[must_use]
    pub fn nonzeros(&self) -> usize {
        self.nonzeros
    }

    /// The number of inked groups in all images (about 0.37 per non-zero pixel for MNIST).
    #[must_use]
    pub fn inked_groups(&self) -> usize {
        self.groups.len()
    }

    /// The fraction of pixels that are not zero (about 0.19 for MNIST).
    #[must_use]
    pub fn density(&self) -> f64 {
        self.nonzeros() as f64 / (self.len() * self.width).max(1) as f64
    }
}

/// Images turned around, group of pixels by group: for each group of neighbouring pixels (see
/// [the module](self)), the images with ink there and the four values. The one layout of the
/// fast path, in two forms:
///
/// - `PixelGroups<u8>`, the bytes as in the files: built once, by [`PixelGroups::new`], for
///   each run of consecutive images a network is evaluated on;
/// - `PixelGroups<T>` with `T` `f32` or `f64`, the values `v / 255` as the book computes
///   `x.astype(dtype) / 255.0`: what the kernels read. [`fill`](PixelGroups::fill) gathers a
///   mini-batch into it (once per iteration: the forward pass, the backward pass and the loss
///   after the step all read it), [`fill_from`](PixelGroups::fill_from) converts a stored run.
#[derive(Clone, Debug, PartialEq)]
pub struct PixelGroups<V> {
    /// The images' indices in the set they were taken from, in the order of their positions.
    rows: Vec<usize>,
    /// Pixels per image.
    width: usize,
    /// Where each group's entries start in `images` and `values`.
    starts: Vec<usize>,
    /// Where they end.
    ends: Vec<usize>,
    /// For each entry, the image's position (in `rows`).
    images: Vec<u16>,
    /// For each entry, the values of the four pixels.
    values: Vec<[V; GROUP]>,
}

impl PixelGroups<u8> {
    /// Images `range` of `x` (at most 65,536 of them), group by group.
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet_engine::images::{PixelGroups, SparseImages};
    /// let x = SparseImages::new(
    ///     array![[0u8, 7, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [255, 0, 1, 0, 0, 9]].view(),
    /// );
    /// let c = PixelGroups::new(&x, 1..3);
    /// // image 2 is the run's second (position 1): pixels 0 to 3, then pixels 4 and 5 (and two
    /// // that do not exist)
    /// assert_eq!(c.group(0), (&[1u16][..], &[[255u8, 0, 1, 0]][..]));
    /// assert_eq!(c.group(1), (&[1u16][..], &[[0u8, 9, 0, 0]][..]));
    /// ```
    ///
    /// # Panics
    /// If the range is out of bounds or longer than 65,536.
    #[must_use]
    pub fn new(x: &SparseImages, range: std::ops::Range<usize>) -> Self {
        assert!(range.len() <= 1 << 16, "at most 65,536 images in a run");
        let groups = x.width().div_ceil(GROUP);
        let mut starts = vec![0usize; groups + 1];
        for i in range.clone() {
            for &q in x.row(i).0 {
                starts[usize::from(q) + 1] += 1;
            }
        }
        for q in 1..starts.len() {
            starts[q] += starts[q - 1];
        }
        let total = starts[groups];
        let (mut images, mut values) = (vec![0; total], vec![[0; GROUP]; total]);
        let mut ends = starts[..groups].to_vec();
        for (r, i) in range.clone().enumerate() {
            let (groups, group_values) = x.row(i);
            for (&q, &v) in groups.iter().zip(group_values) {
                let k = &mut ends[usize::from(q)];
                images[*k] = r as u16;
                values[*k] = v;
                *k += 1;
            }
        }
        starts.pop();
        PixelGroups {
            rows: range.collect(),
            width: x.width(),
            starts,
            ends,
            images,
            values,
        }
    }

    /// All of `x` in runs of `run` images.
    #[must_use]
    pub fn runs(x: &SparseImages, run: usize) -> Vec<Self> {
        // on both cores when there are two
        (0..x.len())
            .into_par_iter()
            .step_by(run.max(1))
            .map(|s| PixelGroups::new(x, s..(s + run.max(1)).min(x.len())))
            .collect()
    }
}

impl<T: Real> PixelGroups<T> {
    /// An empty set of images `width` pixels wide, to [`fill`](PixelGroups::fill).
    #[must_use]
    pub fn empty(width: usize) -> Self {
        let groups = width.div_ceil(GROUP);
        PixelGroups {
            rows: Vec::new(),
            width,
            starts: vec![0; groups],
            ends: vec![0; groups],
            images: Vec::new(),
            values: Vec::new(),
        }
    }

    /// Gathers images `rows` of `x`, in that order (at most 65,536 of them): a mini-batch.
    ///
    /// # Panics
    /// If there are more than 65,536 rows, an index is out of range, or `x` is not as wide as
    /// `self`.
    pub fn fill(&mut self, x: &SparseImages, rows: &[usize]) {
        assert!(rows.len() <= 1 << 16, "at most 65,536 images in a batch");
        assert_eq!(x.width(), self.width, "images as wide as the batch");
        self.rows.clear();
        self.rows.extend_from_slice(rows);
        // one pass: group q's entries go to slots q · N.. (N = rows.len(), the most there can be)
        let n = rows.len();
        self.images.resize(self.starts.len() * n, 0);
        self.values
            .resize(self.starts.len() * n, [T::zero(); GROUP]);
        for (q, (start, end)) in self.starts.iter_mut().zip(&mut self.ends).enumerate() {
            *start = q * n;
            *end = q * n;
        }
        // Read one number of each cache line of the images first: these reads do not depend on
        // each other, so the processor fetches the lines from memory all at once, not one
        // image after another.
        let mut touched = 0usize;
        for &i in rows {
            let (groups, values) = x.row(i);
            touched += groups
                .iter()
                .step_by(32)
                .map(|&q| usize::from(q))
                .sum::<usize>();
            touched += values
                .iter()
                .step_by(16)
                .map(|v| usize::from(v[0]))
                .sum::<usize>();
        }
        std::hint::black_box(touched);
        let table = byte_values::<T>();
        for (r, &i) in rows.iter().enumerate() {
            let (groups, values) = x.row(i);
            for (&q, v) in groups.iter().zip(values) {
                let k = &mut self.ends[usize::from(q)];
                self.images[*k] = r as u16;
                self.values[*k] = v.map(|v| table[usize::from(v)]);
                *k += 1;
            }
        }
    }

    /// The images of the stored `run`, with their values turned into `T`.
    ///
    /// # Panics
    /// If `run`'s images are not as wide as `self`.
    pub fn fill_from(&mut self, run: &PixelGroups<u8>) {
        assert_eq!(run.width, self.width, "images as wide as the batch");
        self.rows.clone_from(&run.rows);
        self.starts.clone_from(&run.starts);
        self.ends.clone_from(&run.ends);
        self.images.clone_from(&run.images);
        let table = byte_values::<T>();
        self.values.clear();
        self.values
            .extend(run.values.iter().map(|v| v.map(|v| table[usize::from(v)])));
    }
}

/// `v / 255` in `T` for each byte `v`.
fn byte_values<T: Real>() -> [T; 256] {
    std::array::from_fn(|v| T::cast(v as f64) / T::cast(255.0))
}

impl<V> PixelGroups<V> {
    /// The number of images.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no image.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The images' indices in the set they were taken from, in the order of their positions.
    #[must_use]
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Pixels per image.
    #[must_use]
    pub fn width(&self) -> usize {
        self.width
    }

    /// Group `q` (pixels `4q` to `4q + 3`): the positions of the images with ink there, in
    /// increasing order, and the four values in each.
    #[must_use]
    pub fn group(&self, q: usize) -> (&[u16], &[[V; GROUP]]) {
        let range = self.starts[q]..self.ends[q];
        (&self.images[range.clone()], &self.values[range])
    }

    /// [`group`](Self::group) `q`, only the images at the positions `rows`.
    #[must_use]
    pub fn group_in(&self, q: usize, rows: &Range<usize>) -> (&[u16], &[[V; GROUP]]) {
        let (images, values) = self.group(q);
        if rows.start == 0 && rows.end >= self.len() {
            return (images, values);
        }
        let from = images.partition_point(|&r| usize::from(r) < rows.start);
        let to = images.partition_point(|&r| usize::from(r) < rows.end);
        (&images[from..to], &values[from..to])
    }

    /// Entries: the images inked in a group, summed over the groups.
    #[must_use]
    pub fn entries(&self) -> usize {
        self.ends.iter().zip(&self.starts).map(|(e, s)| e - s).sum()
    }

    /// The group `m` that splits the groups into `0..m` and `m..` with as nearly half of the
    /// entries (images inked in a group) on each side as can be: two equal shares of `xᵀ · δ`.
    #[must_use]
    pub fn middle_group(&self) -> usize {
        let total = self.entries();
        let mut seen = 0;
        for (q, (e, s)) in self.ends.iter().zip(&self.starts).enumerate() {
            if 2 * seen >= total {
                return q;
            }
            seen += e - s;
        }
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set large enough to be indexed in two halves on two cores is indexed as on one:
    /// the same lists, offsets and counts (an odd number of images, so the halves differ).
    #[test]
    fn halves_on_two_cores_index_as_one_pass() {
        let n = 2 * HALF_AT_LEAST + 3;
        let images = ndarray::Array2::from_shape_fn((n, 30), |(i, p)| {
            if (i * 31 + p * 7) % 5 == 0 {
                (i + p) as u8 | 1
            } else {
                0
            }
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let halves = pool.install(|| SparseImages::new(images.view()));
        assert_eq!(halves, SparseImages::index(images.view(), n));
        assert_eq!(halves.len(), n);
    }
}
