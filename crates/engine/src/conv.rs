//! The book's convolutional network (chapter 7's
//! [`SimpleConvNet`]) on the engine: the same forward and backward passes for one mini-batch, in
//! `f32` or `f64`, on one core or two.
//!
//! Shapes, as in the book: `N` images of `C` channels, `H × W` pixels, `FN` filters of
//! `FH × FW`, a convolution output of `OH × OW`, pooled to `PH × PW` (windows of 2×2 moved by 2),
//! `K = C·FH·FW` values per patch, `P = OH·OW` positions per image, `D = FN·PH·PW` values into the
//! hidden layer of `HID` units, and `CL` classes. The book's network: 784 pixels, 30 filters of 5×5,
//! `K = 25`, `P = 576`, `D = 4,320`, `HID = 100`, `CL = 10`.
//!
//! ```text
//! x (N, C·H·W) ──im2col──► col (N·P, K) ──· W1ᵀ──► conv (N·P, FN)
//!   ──(+ b1, ReLU, max over 2×2, keeping where)──► pooled (N, D), argmax
//!   ──· W2 + b2, ReLU──► hidden (N, HID) ──· W3 + b3──► scores (N, CL) ──softmax, loss──►
//! ```
//!
//! What is faster than the book's layers:
//!
//! - **Tiles.** A few images at a time go through `im2col`, the product with the filters and the
//!   pooling, so the convolution's output (`P × FN` numbers an image) stays in the processor's
//!   cache between the product that writes it and the pooling that reads it.
//! - **Fused.** The bias, the ReLU and the max pooling are one pass over the convolution's
//!   output, which keeps, for each pooled value, where in its window it came from (`argmax`,
//!   the first of equal values, as the book's `np.argmax`). The hidden layer's bias and ReLU are
//!   one pass too.
//! - **`∂L/∂W1` from the pooled positions only.** The book's `dW1 = colᵀ · dout` runs over every
//!   convolution output, but `dout` is 0 except at each window's maximum where the ReLU was
//!   active: a quarter of them at most. The sum here takes only those: `dW1[f, :] += g · col[r, :]`
//!   for the row `r` the maximum came from. The same terms in the same order (images, then
//!   positions in increasing order), without the zeros: a quarter of the work.
//! - **No `∂L/∂x`** for the first layer: nothing needs the gradient of the pixels.
//! - **Matrix products** with strides (`general_mat_mul`, ndarray's, that is the `matrixmultiply`
//!   crate's, which takes any strides: `W1ᵀ`, `hiddenᵀ`, `W2ᵀ` are read in place, never copied).
//! - **Two cores.** A batch is cut into chunks of at most [`CHUNK`] images, as many of them and of
//!   the same sizes whatever the number of threads; each chunk computes its own partial gradient,
//!   and the partials are added in the chunks' order. One thread and two give the same bits.
//!
//! The numbers differ from the book's layers only in the order of the roundings (the tests hold
//! `f64` to 1e-12 of each gradient's largest value).

use std::ops::Range;

use ndarray::linalg::general_mat_mul;
use ndarray::{
    Array1, Array2, Array4, ArrayView1, ArrayView2, ArrayViewD, ArrayViewMut2, ArrayViewMutD, Axis,
    ShapeBuilder,
};
use rayon::prelude::*;
use scratchnet_book::functions::{log_probability, softmax_in_place};
use scratchnet_book::im2col::conv_output_size;
use scratchnet_book::net::simple_conv::{ConvParam, SimpleConvNet};

use super::simd::vectorized;
use crate::Real;

/// The most images in one chunk of a batch, the unit of work a thread takes: a batch of 100 is
/// two chunks of 50, one for each core. The chunks depend on the batch size only, never on the
/// number of threads, so the gradients are the same bits on one core or two.
pub const CHUNK: usize = 64;

/// Images per tile of the convolution: `im2col`, the product with the filters and the pooling go
/// this many images at a time, so that the product's output stays in cache for the pooling.
const TILE: usize = 4;

/// The filters of the convolution's output are laid out padded to a multiple of this many (16
/// `f32`, one AVX-512 register), so that the pooling works on whole vectors, never a remainder.
const LANES: usize = 16;

/// Columns of a patch summed at once in `∂L/∂W1`: each patch row of `col` is padded to a multiple
/// of this many, and one filter's sums over a block of them stay in registers (2 AVX-512 vectors
/// of `f32`) while its positions are added.
const PATCH_BLOCK: usize = 32;

/// The sizes of a network's layers, computed once from its arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Geometry {
    /// Channels, rows and columns of an image.
    c: usize,
    h: usize,
    w: usize,
    /// Filters, and their rows and columns.
    filters: usize,
    fh: usize,
    fw: usize,
    stride: usize,
    pad: usize,
    /// The convolution's output rows and columns.
    oh: usize,
    ow: usize,
    /// The pooling's output rows and columns.
    ph: usize,
    pw: usize,
    /// Hidden units and classes.
    hidden: usize,
    classes: usize,
}

impl Geometry {
    /// Values per image, `C·H·W`.
    fn pixels(&self) -> usize {
        self.c * self.h * self.w
    }
    /// Values per patch, `K = C·FH·FW`.
    fn patch(&self) -> usize {
        self.c * self.fh * self.fw
    }
    /// Positions per image, `P = OH·OW`.
    fn positions(&self) -> usize {
        self.oh * self.ow
    }
    /// Pooled values per image, `D = FN·PH·PW`.
    fn pooled(&self) -> usize {
        self.filters * self.ph * self.pw
    }
    /// The length of a row of `col`: `K` padded to a multiple of [`PATCH_BLOCK`] (zeros after).
    fn patch_stride(&self) -> usize {
        self.patch().next_multiple_of(PATCH_BLOCK)
    }
    /// The length of a row of the convolution's output: `FN` padded to a multiple of [`LANES`].
    fn filter_stride(&self) -> usize {
        self.filters.next_multiple_of(LANES)
    }
    /// Whether a patch is `FH` whole runs of `FW` pixels side by side: stride 1, no padding.
    fn is_plain(&self) -> bool {
        self.stride == 1 && self.pad == 0
    }
}

/// The book's [`SimpleConvNet`] with its parameters in `T`: the filters `w1: (FN, C, FH, FW)` and
/// `b1: (FN,)`, `w2: (D, HID)`, `b2: (HID,)`, `w3: (HID, CL)`, `b3: (CL,)`.
///
/// ```
/// use scratchnet_book::net::simple_conv::SimpleConvNet;
/// use scratchnet_book::random::numpy::RandomState;
/// use scratchnet_engine::conv::{ConvNet, ConvWorkspace};
/// let book = SimpleConvNet::book(&mut RandomState::new(0));
/// let net = ConvNet::<f32>::from_net(&book);
/// let mnist = scratchnet_book::Mnist::builtin();
/// let (x, t) = mnist.train.batch(&[0, 1, 2, 3]);
/// let x = x.mapv(|v| v as f32);
/// let mut ws = ConvWorkspace::new(&net, 4, 1);
/// let loss = net.gradient(x.view(), &t, &mut ws);
/// // small random weights: every class about as likely, a loss near ln 10
/// assert!((loss - 10f64.ln()).abs() < 0.01);
/// assert_eq!(ws.gradient_views()[0].shape(), [30, 1, 5, 5]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ConvNet<T> {
    /// The images' `(C, H, W)`.
    pub input_dim: (usize, usize, usize),
    /// The first layer's stride and padding (its filters are `w1`).
    pub conv_param: ConvParam,
    /// The filters, `(FN, C, FH, FW)`.
    pub w1: Array4<T>,
    /// One bias per filter, `(FN,)`.
    pub b1: Array1<T>,
    /// The hidden layer's weights, `(D, HID)`, rows in the order (filter, row, column) of the
    /// pooled output.
    pub w2: Array2<T>,
    /// The hidden layer's biases, `(HID,)`.
    pub b2: Array1<T>,
    /// The last layer's weights, `(HID, CL)`.
    pub w3: Array2<T>,
    /// The last layer's biases, `(CL,)`.
    pub b3: Array1<T>,
}

impl<T: Real> ConvNet<T> {
    /// `net`'s parameters rounded to `T` (exact for `f64`).
    #[must_use]
    pub fn from_net(net: &SimpleConvNet) -> Self {
        ConvNet {
            input_dim: net.input_dim,
            conv_param: net.conv_param,
            w1: net.w1.mapv(T::cast),
            b1: net.b1.mapv(T::cast),
            w2: net.w2.mapv(T::cast),
            b2: net.b2.mapv(T::cast),
            w3: net.w3.mapv(T::cast),
            b3: net.b3.mapv(T::cast),
        }
    }

    /// The book's network with these parameters (exact: `f32` and `f64` widen to `f64` exactly).
    #[must_use]
    pub fn to_net(&self) -> SimpleConvNet {
        SimpleConvNet {
            input_dim: self.input_dim,
            conv_param: self.conv_param,
            w1: self.w1.mapv(T::widen),
            b1: self.b1.mapv(T::widen),
            w2: self.w2.mapv(T::widen),
            b2: self.b2.mapv(T::widen),
            w3: self.w3.mapv(T::widen),
            b3: self.b3.mapv(T::widen),
        }
    }

    /// The parameters, in the book's order `W1, b1, W2, b2, W3, b3` and shapes, for
    /// [`Optimizer::update`](scratchnet_book::optim::Optimizer::update).
    pub fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, T>> {
        vec![
            self.w1.view_mut().into_dyn(),
            self.b1.view_mut().into_dyn(),
            self.w2.view_mut().into_dyn(),
            self.b2.view_mut().into_dyn(),
            self.w3.view_mut().into_dyn(),
            self.b3.view_mut().into_dyn(),
        ]
    }

    /// Whether every parameter is finite (a training that diverged has infinities or NaNs).
    #[must_use]
    pub fn is_finite(&self) -> bool {
        self.w1.iter().all(|v| v.is_finite())
            && self.b1.iter().all(|v| v.is_finite())
            && self.w2.iter().all(|v| v.is_finite())
            && self.b2.iter().all(|v| v.is_finite())
            && self.w3.iter().all(|v| v.is_finite())
            && self.b3.iter().all(|v| v.is_finite())
    }

    /// The sizes of the layers.
    ///
    /// # Panics
    /// If the arrays do not fit together (as [`SimpleConvNet::new`] makes them).
    #[track_caller]
    fn geometry(&self) -> Geometry {
        let (c, h, w) = self.input_dim;
        let (filters, fc, fh, fw) = self.w1.dim();
        let ConvParam { stride, pad, .. } = self.conv_param;
        assert_eq!(fc, c, "filters of as many channels as the images");
        assert_eq!(self.b1.len(), filters, "one bias per filter");
        let oh = conv_output_size(h, fh, stride, pad);
        let ow = conv_output_size(w, fw, stride, pad);
        let (ph, pw) = (oh / 2, ow / 2);
        let (hidden, classes) = self.w3.dim();
        assert_eq!(
            self.w2.dim(),
            (filters * ph * pw, hidden),
            "W2 takes the pooled output"
        );
        assert_eq!(self.b2.len(), hidden, "one bias per hidden unit");
        assert_eq!(self.b3.len(), classes, "one bias per class");
        Geometry {
            c,
            h,
            w,
            filters,
            fh,
            fw,
            stride,
            pad,
            oh,
            ow,
            ph,
            pw,
            hidden,
            classes,
        }
    }

    /// The filters as a matrix `(FN, K)`, each row one filter.
    fn filters(&self) -> ArrayView2<'_, T> {
        let (filters, c, fh, fw) = self.w1.dim();
        self.w1
            .view()
            .into_shape_with_order((filters, c * fh * fw))
            .expect("row-major filters")
    }

    /// Runs the forward pass of `x: (N, C·H·W)` in `ws`, resized for `N` images if it was made for
    /// another batch size.
    #[track_caller]
    fn forward(&self, x: ArrayView2<T>, ws: &mut ConvWorkspace<T>) -> Geometry {
        let g = self.geometry();
        assert_eq!(
            x.ncols(),
            g.pixels(),
            "images of {} values, as the network takes",
            g.pixels()
        );
        ws.fit(self, x.nrows());
        let x = x.as_standard_layout();
        let x = x.view();
        ws.for_each_chunk(|chunk| chunk.forward(self, &g, x));
        g
    }

    /// The loss of `x: (N, C·H·W)` against `labels: (N,)`, the book's softmax with
    /// cross-entropy, `L = −Σₙ log(yₙ[tₙ] + 1e-7) / N`, computed in the buffers of `ws` (resized
    /// if it was made for another `N`).
    ///
    /// # Panics
    /// If `x` does not have a row of `C·H·W` pixels per label, or a label is `≥ CL`.
    #[track_caller]
    pub fn loss(&self, x: ArrayView2<T>, labels: &[usize], ws: &mut ConvWorkspace<T>) -> f64 {
        assert_eq!(labels.len(), x.nrows(), "one label per image");
        self.forward(x, ws);
        let n = x.nrows();
        ws.for_each_chunk(|chunk| {
            chunk.loss = softmax_cross_entropy(
                chunk.scores.view_mut(),
                &labels[chunk.images.clone()],
                n,
                false,
            );
        });
        ws.chunks.iter().map(|c| c.loss).sum::<f64>() / n as f64
    }

    /// The loss of `x: (N, C·H·W)` against `labels: (N,)`, as [`loss`](ConvNet::loss), returned,
    /// and its gradient by backpropagation left in `ws` ([`ConvWorkspace::gradient_views`]):
    /// `∂L/∂W1, ∂L/∂b1, …, ∂L/∂b3`.
    ///
    /// # Panics
    /// As [`loss`](ConvNet::loss).
    #[track_caller]
    pub fn gradient(&self, x: ArrayView2<T>, labels: &[usize], ws: &mut ConvWorkspace<T>) -> f64 {
        assert_eq!(labels.len(), x.nrows(), "one label per image");
        let g = self.forward(x, ws);
        let n = x.nrows();
        ws.for_each_chunk(|chunk| chunk.backward(self, &g, &labels[chunk.images.clone()], n));
        ws.sum_gradients();
        ws.chunks.iter().map(|c| c.loss).sum::<f64>() / n as f64
    }

    /// The scores `(N, CL)` of the images `x: (N, C·H·W)` (before softmax, as the book's
    /// `predict`), computed in the buffers of `ws` (resized if it was made for another `N`).
    ///
    /// # Panics
    /// If `x`'s rows are not of `C·H·W` pixels.
    #[track_caller]
    pub fn predict(&self, x: ArrayView2<T>, ws: &mut ConvWorkspace<T>) -> Array2<T> {
        self.forward(x, ws);
        let mut scores = Array2::zeros((x.nrows(), self.b3.len()));
        for chunk in &ws.chunks {
            scores
                .slice_mut(ndarray::s![chunk.images.clone(), ..])
                .assign(&chunk.scores);
        }
        scores
    }

    /// How many of the images `x: (N, C·H·W)` the network classifies as `labels: (N,)` say (the
    /// largest score, the first of equal ones, as [`scratchnet_book::argmax`]), 100 images at a
    /// time (as the book's `accuracy` takes them; the images after the last whole hundred count
    /// too), on up to `threads` cores.
    ///
    /// # Panics
    /// If `x` does not have a row of `C·H·W` pixels per label.
    #[track_caller]
    pub fn count_correct(&self, x: ArrayView2<T>, labels: &[usize], threads: usize) -> usize {
        assert_eq!(labels.len(), x.nrows(), "one label per image");
        let mut ws = ConvWorkspace::new(self, x.nrows().min(100), threads);
        x.axis_chunks_iter(Axis(0), 100)
            .zip(labels.chunks(100))
            .map(|(batch, labels)| {
                self.forward(batch, &mut ws);
                ws.chunks
                    .iter()
                    .flat_map(|chunk| {
                        chunk
                            .scores
                            .rows()
                            .into_iter()
                            .zip(&labels[chunk.images.clone()])
                    })
                    .filter(|(s, t)| scratchnet_book::argmax(s.iter().map(|v| v.widen())) == **t)
                    .count()
            })
            .sum()
    }
}

/// A gradient of [`ConvNet`], one array per parameter, in the parameters' shapes.
#[derive(Clone, Debug)]
struct Gradients<T> {
    w1: Array4<T>,
    b1: Array1<T>,
    w2: Array2<T>,
    b2: Array1<T>,
    w3: Array2<T>,
    b3: Array1<T>,
}

impl<T: Real> Gradients<T> {
    /// Zeros in the shapes of `g`'s parameters.
    fn zeros(g: &Geometry) -> Self {
        Gradients {
            w1: Array4::zeros((g.filters, g.c, g.fh, g.fw)),
            b1: Array1::zeros(g.filters),
            w2: Array2::zeros((g.pooled(), g.hidden)),
            b2: Array1::zeros(g.hidden),
            w3: Array2::zeros((g.hidden, g.classes)),
            b3: Array1::zeros(g.classes),
        }
    }

    /// `self = other` (`add` false) or `self += other`, parameter by parameter.
    #[inline(always)]
    fn assign_or_add(&mut self, other: &Self, add: bool) {
        let pairs = [
            (self.w1.as_slice_mut(), other.w1.as_slice()),
            (self.b1.as_slice_mut(), other.b1.as_slice()),
            (self.w2.as_slice_mut(), other.w2.as_slice()),
            (self.b2.as_slice_mut(), other.b2.as_slice()),
            (self.w3.as_slice_mut(), other.w3.as_slice()),
            (self.b3.as_slice_mut(), other.b3.as_slice()),
        ];
        for (to, from) in pairs {
            let (to, from) = (to.expect("standard layout"), from.expect("standard layout"));
            if add {
                to.iter_mut().zip(from).for_each(|(a, &b)| *a += b);
            } else {
                to.copy_from_slice(from);
            }
        }
    }
}

/// The buffers of one chunk of a batch: its images' forward pass and its partial gradient.
#[derive(Clone, Debug)]
struct Chunk<T> {
    /// The images of the batch this chunk takes.
    images: Range<usize>,
    /// The patches of its images, `(n·P, K)`, each row padded with zeros to
    /// [`patch_stride`](Geometry::patch_stride) values.
    col: Vec<T>,
    /// The convolution's output for one tile of images, `(TILE·P, FN)`, each row padded to
    /// [`filter_stride`](Geometry::filter_stride) values.
    conv: Vec<T>,
    /// The biases `b1`, padded with zeros as the rows of `conv`.
    bias: Vec<T>,
    /// The pooled output, `(n, D)`, each row in the order (filter, row, column).
    pooled: Array2<T>,
    /// Where each pooled value was in its window, `0..4`, `(n, D)`.
    argmax: Vec<u8>,
    /// The hidden layer's output, `(n, HID)`, and its gradient.
    hidden: Array2<T>,
    dhidden: Array2<T>,
    /// The scores, `(n, CL)`; the backward pass turns them into `∂L/∂scores`.
    scores: Array2<T>,
    /// `∂L/∂pooled`, `(n, D)`.
    dpooled: Array2<T>,
    /// This chunk's part of the gradient.
    grads: Gradients<T>,
    /// This chunk's part of the loss, `−Σ log(y[t] + 1e-7)` over its images.
    loss: f64,
}

impl<T: Real> Chunk<T> {
    /// The buffers for the images `images` of a network of `g`.
    fn new(g: &Geometry, images: Range<usize>) -> Self {
        let n = images.len();
        let (p, d) = (g.positions(), g.pooled());
        Chunk {
            images,
            col: vec![T::zero(); n * p * g.patch_stride()],
            conv: vec![T::zero(); TILE.min(n) * p * g.filter_stride()],
            bias: vec![T::zero(); g.filter_stride()],
            pooled: Array2::zeros((n, d)),
            argmax: vec![0; n * d],
            hidden: Array2::zeros((n, g.hidden)),
            dhidden: Array2::zeros((n, g.hidden)),
            scores: Array2::zeros((n, g.classes)),
            dpooled: Array2::zeros((n, d)),
            grads: Gradients::zeros(g),
            loss: 0.0,
        }
    }

    /// The forward pass of this chunk's images of the batch `x: (N, C·H·W)`, standard layout,
    /// compiled for the widest vector instructions the processor has.
    fn forward(&mut self, net: &ConvNet<T>, g: &Geometry, x: ArrayView2<T>) {
        vectorized(
            #[inline(always)]
            || self.forward_kernel(net, g, x),
        );
    }

    /// [`forward`](Chunk::forward), inlined into its vectorized call.
    #[inline(always)]
    fn forward_kernel(&mut self, net: &ConvNet<T>, g: &Geometry, x: ArrayView2<T>) {
        let n = self.images.len();
        let (k, p, filters) = (g.patch(), g.positions(), g.filters);
        let (k_stride, f_stride) = (g.patch_stride(), g.filter_stride());
        let x = x.slice(ndarray::s![self.images.clone(), ..]);
        let x = x.as_slice().expect("rows of the batch one after the other");
        let pixels = g.pixels();
        let w1 = net.filters();
        self.bias[..filters].copy_from_slice(net.b1.as_slice().expect("standard layout"));
        // Conv1 → Relu1 → Pool1, a tile of images at a time
        for start in (0..n).step_by(TILE) {
            let end = (start + TILE).min(n);
            let rows = (end - start) * p;
            let col = &mut self.col[start * p * k_stride..end * p * k_stride];
            for (image, col) in x[start * pixels..end * pixels]
                .chunks_exact(pixels)
                .zip(col.chunks_exact_mut(p * k_stride))
            {
                if g.is_plain() {
                    im2col_plain(image, g, col);
                } else {
                    im2col(image, g, col);
                }
            }
            // the padded rows read and written in place: matrixmultiply takes any strides
            let col =
                ArrayView2::from_shape((rows, k).strides((k_stride, 1)), &*col).expect("(rows, K)");
            let mut conv = ArrayViewMut2::from_shape(
                (rows, filters).strides((f_stride, 1)),
                &mut self.conv[..rows * f_stride],
            )
            .expect("(rows, FN)");
            general_mat_mul(T::one(), &col, &w1.t(), T::zero(), &mut conv);
            for (i, conv) in self.conv[..rows * f_stride]
                .chunks_exact(p * f_stride)
                .enumerate()
            {
                let image = start + i;
                relu_max_pool(
                    conv,
                    &self.bias,
                    g,
                    self.pooled.row_mut(image).into_slice().expect("a row"),
                    &mut self.argmax[image * g.pooled()..(image + 1) * g.pooled()],
                );
            }
        }
        // Affine1 → Relu2
        general_mat_mul(T::one(), &self.pooled, &net.w2, T::zero(), &mut self.hidden);
        add_bias(self.hidden.view_mut(), net.b2.view(), true);
        // Affine2
        general_mat_mul(T::one(), &self.hidden, &net.w3, T::zero(), &mut self.scores);
        add_bias(self.scores.view_mut(), net.b3.view(), false);
    }

    /// The loss and the backward pass of this chunk after its [`forward`](Chunk::forward) pass,
    /// against `labels` (its images'), in a batch of `n` images: its part of the gradient in
    /// `grads`.
    fn backward(&mut self, net: &ConvNet<T>, g: &Geometry, labels: &[usize], n: usize) {
        vectorized(
            #[inline(always)]
            || self.backward_kernel(net, g, labels, n),
        );
    }

    /// [`backward`](Chunk::backward), inlined into its vectorized call.
    #[inline(always)]
    fn backward_kernel(&mut self, net: &ConvNet<T>, g: &Geometry, labels: &[usize], n: usize) {
        // SoftmaxWithLoss: ∂L/∂scores = (y − t) / N
        self.loss = softmax_cross_entropy(self.scores.view_mut(), labels, n, true);
        let grads = &mut self.grads;
        // Affine2
        general_mat_mul(
            T::one(),
            &self.hidden.t(),
            &self.scores,
            T::zero(),
            &mut grads.w3,
        );
        column_sums(self.scores.view(), &mut grads.b3);
        general_mat_mul(
            T::one(),
            &self.scores,
            &net.w3.t(),
            T::zero(),
            &mut self.dhidden,
        );
        // Relu2: 0 where the hidden unit was not active
        self.dhidden.zip_mut_with(&self.hidden, |d, &h| {
            if h <= T::zero() {
                *d = T::zero();
            }
        });
        // Affine1
        general_mat_mul(
            T::one(),
            &self.pooled.t(),
            &self.dhidden,
            T::zero(),
            &mut grads.w2,
        );
        column_sums(self.dhidden.view(), &mut grads.b2);
        general_mat_mul(
            T::one(),
            &self.dhidden,
            &net.w2.t(),
            T::zero(),
            &mut self.dpooled,
        );
        // Pool1 → Relu1 → Conv1, from the maxima only
        conv_filters_backward(
            self.dpooled.view(),
            self.pooled.view(),
            &self.argmax,
            &self.col,
            g,
            grads.w1.as_slice_mut().expect("standard layout"),
            grads.b1.as_slice_mut().expect("standard layout"),
        );
    }
}

/// The patches of one image `(C·H·W)` as rows, `col: (P, K)` with rows
/// [`patch_stride`](Geometry::patch_stride) apart, as the book's `im2col` lays them out (columns
/// in the order channel, filter row, filter column; zeros where a patch reaches into the
/// padding). Row by row, each filter row's `FW` values copied from the image's row when the patch
/// does not reach into the padding. Any stride and padding ([`im2col_plain`] is the common case).
#[inline(always)]
fn im2col<T: Real>(image: &[T], g: &Geometry, col: &mut [T]) {
    let k = g.patch();
    let mut rows = col.chunks_exact_mut(g.patch_stride());
    for oy in 0..g.oh {
        for ox in 0..g.ow {
            let row = &mut rows.next().expect("P rows")[..k];
            let x0 = (ox * g.stride).wrapping_sub(g.pad);
            let inside = x0 < g.w && x0 + g.fw <= g.w;
            for (plane, row) in image
                .chunks_exact(g.h * g.w)
                .zip(row.chunks_exact_mut(g.fh * g.fw))
            {
                for (fy, out) in row.chunks_exact_mut(g.fw).enumerate() {
                    let y = (oy * g.stride + fy).wrapping_sub(g.pad);
                    if y >= g.h {
                        out.fill(T::zero());
                    } else if inside {
                        let line = &plane[y * g.w + x0..][..g.fw];
                        for (o, &v) in out.iter_mut().zip(line) {
                            *o = v;
                        }
                    } else {
                        for (fx, o) in out.iter_mut().enumerate() {
                            let x = (ox * g.stride + fx).wrapping_sub(g.pad);
                            *o = if x < g.w {
                                plane[y * g.w + x]
                            } else {
                                T::zero()
                            };
                        }
                    }
                }
            }
        }
    }
}

/// [`im2col`] for stride 1 and no padding (the book's network): every patch lies inside the
/// image, and the patches of one output row, filter row `fy`, are the image row `oy + fy` seen
/// through a window of `FW` pixels sliding one pixel at a time. No test for the padding, no
/// stride arithmetic: straight copies.
#[inline(always)]
fn im2col_plain<T: Real>(image: &[T], g: &Geometry, col: &mut [T]) {
    let (k_stride, plane_len, filter_len) = (g.patch_stride(), g.h * g.w, g.fh * g.fw);
    for (oy, rows) in col.chunks_exact_mut(g.ow * k_stride).enumerate() {
        for (channel, plane) in image.chunks_exact(plane_len).enumerate() {
            for fy in 0..g.fh {
                let line = &plane[(oy + fy) * g.w..][..g.w];
                let at = channel * filter_len + fy * g.fw;
                for (row, window) in rows.chunks_exact_mut(k_stride).zip(line.windows(g.fw)) {
                    for (o, &v) in row[at..at + g.fw].iter_mut().zip(window) {
                        *o = v;
                    }
                }
            }
        }
    }
}

/// One image's convolution output `conv: (P, FN)` (rows [`filter_stride`](Geometry::filter_stride)
/// apart) plus the biases `bias` (padded alike), through ReLU and max pooling over 2×2 windows
/// moved by 2: `pooled: (D,)` in the book's order (filter, row, column) and where each maximum was
/// in its window, `argmax` (`0..4`, row by row; the first of equal values, as NumPy's `argmax`).
///
/// A window is [`LANES`] filters at a time, whole vectors: the place of the maximum is kept as a
/// number of type `T` (a vector as wide as the values, so the comparison's mask selects both),
/// and the ReLU comes after the maximum (`max(relu(a), relu(b)) = relu(max(a, b))`; where the
/// maximum is not above 0 its place differs, but the backward pass never reads it there). Each
/// vector's values then go straight to their places in the book's order, `PH·PW` apart.
#[inline(always)]
fn relu_max_pool<T: Real>(
    conv: &[T],
    bias: &[T],
    g: &Geometry,
    pooled: &mut [T],
    argmax: &mut [u8],
) {
    let (f_stride, windows) = (g.filter_stride(), g.ph * g.pw);
    let places = [T::zero(), T::one(), T::cast(2.0), T::cast(3.0)];
    for py in 0..g.ph {
        for px in 0..g.pw {
            let top = 2 * py * g.ow + 2 * px;
            let corners = [top, top + 1, top + g.ow, top + g.ow + 1];
            let window = py * g.pw + px;
            for lane0 in (0..f_stride).step_by(LANES) {
                let b: &[T; LANES] = bias[lane0..][..LANES].try_into().expect("LANES");
                let mut best = [T::zero(); LANES];
                let mut arg = [T::zero(); LANES];
                for (j, &corner) in corners.iter().enumerate() {
                    let values: &[T; LANES] = conv[corner * f_stride + lane0..][..LANES]
                        .try_into()
                        .expect("LANES");
                    for l in 0..LANES {
                        let v = values[l] + b[l];
                        // the first corner always; then only a strictly greater value
                        let greater = j == 0 || v > best[l];
                        best[l] = if greater { v } else { best[l] };
                        arg[l] = if greater { places[j] } else { arg[l] };
                    }
                }
                let filters = lane0..(lane0 + LANES).min(g.filters);
                for (l, f) in filters.enumerate() {
                    pooled[f * windows + window] = relu(best[l]);
                    argmax[f * windows + window] = arg[l].to_u8().expect("0..4");
                }
            }
        }
    }
}

/// `max(x, 0)`, the book's ReLU (0 for `x ≤ 0`).
#[inline(always)]
fn relu<T: Real>(x: T) -> T {
    if x > T::zero() { x } else { T::zero() }
}

/// `out += b` row by row, then ReLU if `relu_after`.
#[inline(always)]
fn add_bias<T: Real>(mut out: ArrayViewMut2<T>, b: ArrayView1<T>, relu_after: bool) {
    let b = b.as_slice().expect("standard layout");
    for mut row in out.rows_mut() {
        let row = row.as_slice_mut().expect("standard layout");
        for (v, &b) in row.iter_mut().zip(b) {
            *v = if relu_after { relu(*v + b) } else { *v + b };
        }
    }
}

/// `sums[j] = Σᵢ m[i, j]`, rows added in order.
#[inline(always)]
fn column_sums<T: Real>(m: ArrayView2<T>, sums: &mut Array1<T>) {
    sums.fill(T::zero());
    let sums = sums.as_slice_mut().expect("standard layout");
    for row in m.rows() {
        let row = row.to_slice().expect("standard layout");
        for (s, &v) in sums.iter_mut().zip(row) {
            *s += v;
        }
    }
}

/// `∂L/∂W1: (FN, K)` and `∂L/∂b1: (FN,)` of a chunk from `∂L/∂pooled: (n, D)`: each pooled
/// value's gradient goes back to the convolution output its window's maximum came from
/// (`argmax`), if the ReLU let it through (its pooled value above 0), and from there to the
/// filter, `dW1[f, :] += g · col[r, :]` for that output's patch `r`. The book's `colᵀ · dout`
/// without the terms that are 0: images in order, positions in increasing order in each.
///
/// The terms for one filter all go into the same row of `dW1`: that row is held in registers,
/// [`PATCH_BLOCK`] columns at a time, while one image's positions are added to it (the rows of
/// `col` are padded to whole blocks), so that each addition waits for the one before in a
/// register, not in memory.
#[inline(always)]
fn conv_filters_backward<T: Real>(
    dpooled: ArrayView2<T>,
    pooled: ArrayView2<T>,
    argmax: &[u8],
    col: &[T],
    g: &Geometry,
    dw1: &mut [T],
    db1: &mut [T],
) {
    let (k, k_stride, p, windows) = (g.patch(), g.patch_stride(), g.positions(), g.ph * g.pw);
    dw1.fill(T::zero());
    db1.fill(T::zero());
    for (image, ((dpooled, pooled), argmax)) in dpooled
        .rows()
        .into_iter()
        .zip(pooled.rows())
        .zip(argmax.chunks_exact(g.pooled()))
        .enumerate()
    {
        let (dpooled, pooled) = (
            dpooled.to_slice().expect("standard layout"),
            pooled.to_slice().expect("standard layout"),
        );
        let col = &col[image * p * k_stride..(image + 1) * p * k_stride];
        for f in 0..g.filters {
            let range = f * windows..(f + 1) * windows;
            let (dpooled, pooled, argmax) = (
                &dpooled[range.clone()],
                &pooled[range.clone()],
                &argmax[range],
            );
            for block in (0..k).step_by(PATCH_BLOCK) {
                // this filter's sums for columns block..block + PATCH_BLOCK, in registers
                let width = PATCH_BLOCK.min(k - block);
                let dw = &mut dw1[f * k + block..][..width];
                let mut sums = [T::zero(); PATCH_BLOCK];
                sums[..width].copy_from_slice(dw);
                for (window, ((&d, &v), &a)) in dpooled.iter().zip(pooled).zip(argmax).enumerate() {
                    if v <= T::zero() {
                        continue;
                    }
                    let (py, px) = (window / g.pw, window % g.pw);
                    let (dy, dx) = (usize::from(a / 2), usize::from(a % 2));
                    let r = (2 * py + dy) * g.ow + 2 * px + dx;
                    let patch: &[T; PATCH_BLOCK] = col[r * k_stride + block..][..PATCH_BLOCK]
                        .try_into()
                        .expect("PATCH_BLOCK");
                    for (s, &c) in sums.iter_mut().zip(patch) {
                        *s += d * c;
                    }
                    if block == 0 {
                        db1[f] += d;
                    }
                }
                dw.copy_from_slice(&sums[..width]);
            }
        }
    }
}

/// Softmax of each row of `scores`, and `−Σ log(y[t] + 1e-7)` over the rows against `labels`
/// returned (the book's cross-entropy before its division by `N`); with `backward`, `scores`
/// replaced by `∂L/∂scores = (y − one-hot) / n`, `n` the images of the whole batch.
///
/// # Panics
/// If a label is `≥ CL`.
#[inline(always)]
fn softmax_cross_entropy<T: Real>(
    mut scores: ArrayViewMut2<T>,
    labels: &[usize],
    n: usize,
    backward: bool,
) -> f64 {
    let size = T::cast(n as f64);
    let mut total = 0.0;
    for (mut row, &t) in scores.rows_mut().into_iter().zip(labels) {
        softmax_in_place(row.view_mut());
        total -= log_probability(row[t].widen());
        if backward {
            row[t] -= T::one();
            row.mapv_inplace(|v| v / size);
        }
    }
    total
}

/// Every buffer a step of [`ConvNet`] needs for a batch of `N` images, allocated once: the chunks'
/// forward passes and partial gradients, and the batch's gradient
/// ([`gradient_views`](ConvWorkspace::gradient_views)).
#[derive(Clone, Debug)]
pub struct ConvWorkspace<T> {
    /// The network's sizes it was made for.
    geometry: Geometry,
    /// The cores a pass may use.
    threads: usize,
    /// The chunks of the batch, in order.
    chunks: Vec<Chunk<T>>,
    /// The batch's gradient: the chunks' parts added in order.
    grads: Gradients<T>,
}

impl<T: Real> ConvWorkspace<T> {
    /// The buffers for batches of `batch` images through `net`, on up to `threads` cores
    /// (1: this thread only; more: rayon's pool takes the chunks).
    ///
    /// # Panics
    /// If `net`'s arrays do not fit together.
    #[must_use]
    #[track_caller]
    pub fn new(net: &ConvNet<T>, batch: usize, threads: usize) -> Self {
        let geometry = net.geometry();
        let pieces = batch.div_ceil(CHUNK).max(1);
        let chunks = (0..pieces)
            .map(|i| Chunk::new(&geometry, batch * i / pieces..batch * (i + 1) / pieces))
            .collect();
        ConvWorkspace {
            geometry,
            threads: threads.max(1),
            chunks,
            grads: Gradients::zeros(&geometry),
        }
    }

    /// The images a batch has in these buffers.
    #[must_use]
    pub fn batch(&self) -> usize {
        self.chunks.last().map_or(0, |c| c.images.end)
    }

    /// The cores a pass may use.
    #[must_use]
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Lets passes use up to `threads` cores (the same numbers whatever the count).
    pub fn set_threads(&mut self, threads: usize) {
        self.threads = threads.max(1);
    }

    /// The gradient of the last [`ConvNet::gradient`], in the book's order `W1, b1, W2, b2, W3,
    /// b3` and shapes.
    #[must_use]
    pub fn gradient_views(&self) -> Vec<ArrayViewD<'_, T>> {
        let g = &self.grads;
        vec![
            g.w1.view().into_dyn(),
            g.b1.view().into_dyn(),
            g.w2.view().into_dyn(),
            g.b2.view().into_dyn(),
            g.w3.view().into_dyn(),
            g.b3.view().into_dyn(),
        ]
    }

    /// Made again for `batch` images through `net` if it was made for another batch size or
    /// network shape.
    fn fit(&mut self, net: &ConvNet<T>, batch: usize) {
        if self.batch() != batch || self.geometry != net.geometry() {
            *self = ConvWorkspace::new(net, batch, self.threads);
        }
    }

    /// Runs `work` on every chunk, on up to `threads` cores.
    fn for_each_chunk(&mut self, work: impl Fn(&mut Chunk<T>) + Sync) {
        if self.threads > 1 && self.chunks.len() > 1 {
            self.chunks.par_iter_mut().with_max_len(1).for_each(&work);
        } else {
            for chunk in &mut self.chunks {
                work(chunk);
            }
        }
    }

    /// The batch's gradient: the chunks' parts added in the chunks' order.
    fn sum_gradients(&mut self) {
        let (grads, chunks) = (&mut self.grads, &self.chunks);
        vectorized(
            #[inline(always)]
            || {
                for (i, chunk) in chunks.iter().enumerate() {
                    grads.assign_or_add(&chunk.grads, i > 0);
                }
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scratchnet_book::net::Network;
    use scratchnet_book::optim::{Optimizer, OptimizerConfig, OptimizerKind};
    use scratchnet_book::random::numpy::RandomState;
    use scratchnet_book::{Mnist, Targets};

    /// The book's network after a few Adam steps (lr 0.01) on the first 100 training images, so
    /// that ReLUs and pooling maxima are no longer those of tiny random weights.
    fn trained_book_net(mnist: &Mnist) -> SimpleConvNet {
        let mut net = SimpleConvNet::book(&mut RandomState::new(0));
        let mut adam =
            Optimizer::new(OptimizerConfig::new(OptimizerKind::Adam).with_lr(0.01)).unwrap();
        for step in 0..3 {
            let rows: Vec<usize> = (step * 50..step * 50 + 50).collect();
            let (x, t) = mnist.train.batch(&rows);
            let (_, grads) = net.gradient(x.view(), Targets::from(&t[..]));
            let grads: Vec<_> = grads.iter().map(|g| g.view()).collect();
            adam.update(&mut net.params_mut(), &grads);
        }
        net
    }

    /// The largest absolute value of `a`.
    fn largest(a: &ArrayViewD<f64>) -> f64 {
        a.iter().fold(0.0, |m, v| m.max(v.abs()))
    }

    /// The largest difference between `a` and `b` relative to `b`'s largest value.
    fn relative_difference(a: &ArrayViewD<f64>, b: &ArrayViewD<f64>) -> f64 {
        assert_eq!(a.shape(), b.shape());
        let diff = a
            .iter()
            .zip(b)
            .fold(0.0f64, |m, (x, y)| m.max((x - y).abs()));
        diff / largest(b)
    }

    /// `f64`: the same loss, gradient and classifications as the book's layers, to 1e-12 of each
    /// gradient's largest value — the matrix products add in another order (matrixmultiply's
    /// blocks, the batch in chunks, `∂L/∂W1` without its zero terms), which moves the last bits
    /// (measured: at most 6e-15, `∂L/∂b1`, a sum of 57,600 terms).
    #[test]
    fn f64_matches_the_book_s_layers() {
        let mnist = Mnist::builtin();
        let book = trained_book_net(&mnist);
        let net = ConvNet::<f64>::from_net(&book);
        assert_eq!(net.to_net(), book, "exact both ways in f64");
        let rows: Vec<usize> = (1000..1100).collect();
        let (x, t) = mnist.train.batch(&rows);
        let (book_loss, book_grads) = book.gradient(x.view(), Targets::from(&t[..]));
        let mut ws = ConvWorkspace::new(&net, 100, 2);
        let loss = net.gradient(x.view(), &t, &mut ws);
        assert!(
            (loss - book_loss).abs() <= 1e-12 * book_loss,
            "{loss} against {book_loss}"
        );
        assert!((net.loss(x.view(), &t, &mut ws) - book_loss).abs() <= 1e-12 * book_loss);
        let names = ["W1", "b1", "W2", "b2", "W3", "b3"];
        for ((name, ours), theirs) in names.iter().zip(ws.gradient_views()).zip(&book_grads) {
            let theirs = theirs.view();
            assert!(largest(&theirs) > 0.0, "{name} is not all zero");
            let d = relative_difference(&ours, &theirs);
            assert!(d <= 1e-12, "{name}: {d:e}");
        }
        let scores = net.predict(x.view(), &mut ws);
        let book_scores = book.predict(x.view());
        assert!(
            relative_difference(&scores.view().into_dyn(), &book_scores.view().into_dyn()) < 1e-12
        );
        // the test images, 100 at a time, and 50 after the last hundred
        let (x, t) = mnist.test.batch(&(0..350).collect::<Vec<_>>());
        let book_right = book
            .classify(x.view())
            .iter()
            .zip(&t)
            .filter(|(a, b)| a == b)
            .count();
        assert_eq!(net.count_correct(x.view(), &t, 2), book_right);
        assert_eq!(net.count_correct(x.view(), &t, 1), book_right);
    }

    /// `f32` against `f64` on the same network and images: within 1e-5 of each gradient's largest
    /// value and of the loss (single precision keeps 7 digits; sums of up to 57,600 terms lose
    /// one or two of them: measured 1.2e-6 at most, `∂L/∂W1` and `∂L/∂b1`).
    #[test]
    fn f32_is_close_to_f64() {
        let mnist = Mnist::builtin();
        let book = trained_book_net(&mnist);
        let (x, t) = mnist.train.batch(&(2000..2100).collect::<Vec<_>>());
        let net64 = ConvNet::<f64>::from_net(&book);
        let mut ws64 = ConvWorkspace::new(&net64, 100, 1);
        let loss64 = net64.gradient(x.view(), &t, &mut ws64);
        let net32 = ConvNet::<f32>::from_net(&book);
        let mut ws32 = ConvWorkspace::new(&net32, 100, 1);
        let loss32 = net32.gradient(x.mapv(|v| v as f32).view(), &t, &mut ws32);
        assert!(
            (loss32 - loss64).abs() < 1e-5 * loss64,
            "{loss32} against {loss64}"
        );
        for (ours, theirs) in ws32.gradient_views().iter().zip(ws64.gradient_views()) {
            let ours = ours.mapv(f64::from);
            let d = relative_difference(&ours.view(), &theirs);
            assert!(d < 1e-5, "{d:e}");
        }
    }

    /// One core and two: the same bits (the chunks are the same and added in the same order),
    /// for a batch of 100 (two chunks) and of 150 (three, one of them waiting for a core).
    #[test]
    fn one_thread_and_two_give_the_same_bits() {
        let mnist = Mnist::builtin();
        let book = trained_book_net(&mnist);
        let net = ConvNet::<f32>::from_net(&book);
        for n in [100, 150] {
            let (x, t) = mnist.train.batch(&(0..n).collect::<Vec<_>>());
            let x = x.mapv(|v| v as f32);
            let mut one = ConvWorkspace::new(&net, n, 1);
            let mut two = ConvWorkspace::new(&net, n, 2);
            let loss1 = net.gradient(x.view(), &t, &mut one);
            let loss2 = net.gradient(x.view(), &t, &mut two);
            assert_eq!(loss1.to_bits(), loss2.to_bits());
            for (a, b) in one.gradient_views().iter().zip(two.gradient_views()) {
                assert!(a.iter().zip(&b).all(|(a, b)| a.to_bits() == b.to_bits()));
            }
        }
    }

    /// A network of another shape than the book's: `channels` channels of 28×28 (MNIST's pixels
    /// for the first, a function of them for the others), 7 filters of 5×5 moved by `stride`
    /// over `pad` rows of zeros, 20 hidden units; weights large enough that many ReLUs are active.
    fn other_net(channels: usize, stride: usize, pad: usize) -> SimpleConvNet {
        use scratchnet_book::net::simple_conv::SimpleConvNetConfig;
        let config = SimpleConvNetConfig {
            input_dim: (channels, 28, 28),
            conv_param: ConvParam {
                filter_num: 7,
                filter_size: 5,
                pad,
                stride,
            },
            hidden_size: 20,
            output_size: 10,
            weight_init_std: 0.1,
        };
        SimpleConvNet::new(&config, &mut RandomState::new(7))
    }

    /// The plain `im2col` (stride 1, no padding) lays the patches out as the general one, over
    /// two channels, padding of the rows included.
    #[test]
    fn plain_im2col_is_the_general_one() {
        let net = ConvNet::<f64>::from_net(&other_net(2, 1, 0));
        let g = net.geometry();
        assert!(g.is_plain());
        let image: Vec<f64> = (0..g.pixels()).map(|i| (i as f64 * 0.37).sin()).collect();
        let mut plain = vec![f64::NAN; g.positions() * g.patch_stride()];
        let mut general = plain.clone();
        im2col_plain(&image, &g, &mut plain);
        im2col(&image, &g, &mut general);
        for (a, b) in plain.iter().zip(&general) {
            assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()));
        }
        // and the book's patches: row (oy, ox), column (channel, fy, fx)
        let (oy, ox, channel, fy, fx) = (3, 17, 1, 2, 4);
        let row = (oy * g.ow + ox) * g.patch_stride();
        let column = channel * g.fh * g.fw + fy * g.fw + fx;
        let pixel = channel * g.h * g.w + (oy + fy) * g.w + ox + fx;
        assert_eq!(plain[row + column], image[pixel]);
    }

    /// Another layout than the book's — stride 2, padding 1, an odd convolution output (13×13,
    /// the last row and column left out of the pooling), 7 filters (not a multiple of the
    /// vector width), a batch of 65 (two chunks) — in `f64`: the book's layers' loss and
    /// gradient to 1e-12 of each gradient's largest value, on one thread and two.
    #[test]
    fn another_layout_matches_the_book_s_layers() {
        let mnist = Mnist::builtin();
        let book = other_net(1, 2, 1);
        let net = ConvNet::<f64>::from_net(&book);
        let g = net.geometry();
        assert_eq!((g.oh, g.ph, g.filters), (13, 6, 7));
        let rows: Vec<usize> = (500..565).collect();
        let (x, t) = mnist.train.batch(&rows);
        let (book_loss, book_grads) = book.gradient(x.view(), Targets::from(&t[..]));
        for threads in [1, 2] {
            let mut ws = ConvWorkspace::new(&net, 65, threads);
            let loss = net.gradient(x.view(), &t, &mut ws);
            assert!((loss - book_loss).abs() <= 1e-12 * book_loss);
            for (ours, theirs) in ws.gradient_views().iter().zip(&book_grads) {
                let theirs = theirs.view();
                assert!(largest(&theirs) > 0.0, "not all zero");
                let d = relative_difference(ours, &theirs);
                assert!(d <= 1e-12, "{d:e}");
            }
        }
    }

    /// A workspace made for another batch size is made again, and gives what a fresh one does.
    #[test]
    fn a_workspace_fits_itself_to_the_batch() {
        let mnist = Mnist::builtin();
        let net = ConvNet::<f64>::from_net(&SimpleConvNet::book(&mut RandomState::new(1)));
        let (x, t) = mnist.train.batch(&[3, 1, 4, 1, 5, 9, 2]);
        let mut ws = ConvWorkspace::new(&net, 100, 1);
        let loss = net.gradient(x.view(), &t, &mut ws);
        assert_eq!(ws.batch(), 7);
        let mut fresh = ConvWorkspace::new(&net, 7, 1);
        assert_eq!(loss, net.gradient(x.view(), &t, &mut fresh));
        assert_eq!(ws.gradient_views(), fresh.gradient_views());
    }
}
