//! The fast training path: the forward and backward passes of a network of `Affine` layers
//! ([`TwoLayerNet`], or the book's `MultiLayerNet` with more), its first layer computed from the
//! non-zero pixels only, in `f32` or `f64`.
//!
//! The first layer is almost all of the work: `x · W1` is `N × 784 × 50` multiply-adds, and
//! `∂L/∂W1 = xᵀ · δ` as many again. But 81 % of MNIST's pixels are 0, and a 0 adds nothing. So
//! a mini-batch is turned around, pixel by pixel ([`PixelGroups`]): for each pixel `p`, the images
//! where it is not 0 and its value there. The forward pass reads each row `W1[p, :]` once and
//! adds `x[r, p] · W1[p, :]` into the hidden layer of just those images `r`; the backward pass
//! sums `x[r, p] · δ[r, :]` over just those images into `∂L/∂W1[p, :]`. The same sums without
//! the terms that are exactly 0: a fifth of the work, done where the numbers sit in the
//! processor's nearest cache.
//!
//! Four neighbouring pixels go together (pixels `4q` to `4q + 3`, group `q`, see
//! [`images`](super::images)): pen strokes are a few pixels wide, so an image inked
//! at one is usually inked at the next ones, and its hidden row is then read and written once
//! for all four (2.7 inked pixels on average). Moving rows of 64 numbers through the cache
//! bounds the speed more than the arithmetic: groups of 4 make 37 % fewer entries than pairs,
//! for 27 % more products (some by 0): the training job about 5 % faster, and 10 % more with
//! fused multiply-adds.
//!
//! The numbers differ from the dense reference path ([`TwoLayerNet::gradient`]) only in the
//! order of the roundings, a few units in the last place (the tests hold them to 1e-13 in
//! `f64`): the kernels sum with fused multiply-adds (one rounding per product and sum). The
//! loops over hidden units are compiled for the widest vector instructions the processor has
//! (AVX-512 or AVX2 with FMA, chosen when the program runs); they are element-wise, and a fused
//! multiply-add rounds the same everywhere, so the results are the same at any width.
//!
//! The layers after the first (the book's `50 × 10`, or more hidden layers) go through ordinary
//! matrix products: ndarray's, that is the `matrixmultiply` crate's (`bench/RESULTS.md` compares
//! it with the `gemm` crate on these shapes).
//!
//! Layout: the hidden layer is padded with dead units up to a multiple of 64 (`f32`) or 32
//! (`f64`) numbers, 256 bytes, so that the kernels work on whole vector registers. A dead unit
//! has zero weights in and out and its output is held at 0, so its gradient is 0 and every
//! update rule leaves it at 0: the padded network is the same function, and
//! [`SparseNet::to_net`] drops the padding.
//!
//! Every shape, not only the book's (`bench/RESULTS.md` has the grid of hidden 50 to 1,000 and
//! batches of 100 and 1,000):
//!
//! - The kernels go one block of hidden units at a time, and the hidden layer's kernel 128
//!   images at a time (`TILE`): the block's rows of those images, 32 KB, stay in the nearest
//!   cache while every group of pixels is added into them. (Going group by group over all the
//!   hidden units, as the book's 50 units allow, sends a 1,000-unit layer through memory.)
//! - `W1` is kept in panels: for each block of hidden units, its columns of every row, row after
//!   row (the array's shape stays `(D, H)`; `SparseNet::pad` and `unpad` reorder it). A pass
//!   then reads each block's weights in the order they lie in memory, which the processor
//!   fetches ahead, instead of 256 bytes from every 4 KB row.
//! - The rows of the hidden layer are an odd number of blocks apart (`row_stride`), never a
//!   multiple of 4,096 bytes, which the processor takes for the same address.
//! - When one pass of the first layer is a few million multiply-adds or more (`splits`), it is
//!   split between two cores: the hidden layer by images, `xᵀ · δ` by panels (or, for a single
//!   panel, by groups of pixels with as many entries on each side). Every number is summed in
//!   the same order either way, so one core and two give the same bits; the tests check it.
//!
//! One idea in one file: the forward and backward passes and their kernels share the layout of the
//! weights, which reads best in one place.

use std::ops::Range;

use ndarray::linalg::general_mat_mul;
use ndarray::{
    Array1, Array2, ArrayD, ArrayView1, ArrayView2, ArrayViewD, ArrayViewMut2, ArrayViewMutD, Axis,
    ShapeBuilder, Slice,
};

use super::images::{GROUP, PixelGroups};
use super::simd::vectorized;
use crate::Real;
use scratchnet_book::functions::{
    log_probability, relu_of, sigmoid_grad_of_output, softmax_in_place,
};
use scratchnet_book::net::two_layer::{Activation, Params, TwoLayerNet};
use scratchnet_book::real::Dtype;

/// A network of `Affine` layers computing in `T` on [`PixelGroups`]: the first layer from the
/// inked pixels, the others by matrix products, one activation after each layer but the last,
/// softmax with loss at the end. The same model as the book's [`TwoLayerNet`] (two layers) and
/// `MultiLayerNet` (more).
#[derive(Clone, Debug, PartialEq)]
pub struct SparseNet<T: Real> {
    /// Each layer's weights and bias in `T`: the first hidden layer padded (its `W1` in panels,
    /// its `b1`, and the rows of `W2`; see the module's doc), the others as they are.
    layers: Vec<Affine<T>>,
    /// The units of the first hidden layer that are real.
    hidden: usize,
    /// The activation after every layer but the last.
    activation: Activation,
}

/// The weights `(in, out)` and bias `(out,)` of one `Affine` layer.
pub type Affine<T> = (Array2<T>, Array1<T>);

/// The kernels take the pixels of a group one by one, as `[va, vb, vc, vd]`.
const _: () = assert!(GROUP == 4, "the kernels are written for groups of 4 pixels");

/// Hidden units per block in `f32`: 256 bytes, four AVX-512 registers.
const BLOCK_F32: usize = 64;
/// Hidden units per block in `f64`: 256 bytes.
const BLOCK_F64: usize = 32;

/// Hidden units per block in `T`: the kernels' width, to which the hidden layer is padded.
pub(crate) fn block<T: Real>() -> usize {
    match T::DTYPE {
        Dtype::F32 => BLOCK_F32,
        Dtype::F64 => BLOCK_F64,
    }
}

/// `arrays` (`W1`, `b1`, `W2`, `b2`, or optimiser state of their shapes) with `hidden` hidden
/// units, cut or padded with zeros, and `W1` put into panels of `w` columns (`to_panels`) or
/// taken out of them: one new array each, so that a large network's copies are not made twice.
///
/// Panels: the columns `w·b` to `w·b + w − 1` of every row, row after row, then the next
/// block's. The shape stays `(D, H)`; only the order of the numbers in memory changes.
fn relayout<T: Real>(
    arrays: &[ArrayD<T>],
    hidden: usize,
    w: usize,
    to_panels: bool,
) -> Vec<ArrayD<T>> {
    arrays
        .iter()
        .enumerate()
        .map(|(k, a)| {
            if k == 0 {
                let (d, from) = (a.shape()[0], a.shape()[1]);
                let src = a.as_standard_layout();
                let src = src.as_slice().expect("standard layout");
                let mut out = vec![T::zero(); d * hidden];
                // where W1[p, j] is in an array `h` wide, in rows or in panels
                let in_rows = |p: usize, j: usize, h: usize| p * h + j;
                let in_panels = |p: usize, j: usize| (j / w * d + p) * w + j % w;
                for p in 0..d {
                    for j in 0..from.min(hidden) {
                        let (at, to) = if to_panels {
                            (in_rows(p, j, from), in_panels(p, j))
                        } else {
                            (in_panels(p, j), in_rows(p, j, hidden))
                        };
                        out[to] = src[at];
                    }
                }
                return ArrayD::from_shape_vec(vec![d, hidden], out).expect("sized");
            }
            // the hidden axis: b1, W2's rows; b2 has none
            let Some(axis) = (k < 3).then_some(0) else {
                return a.clone();
            };
            let mut shape = a.shape().to_vec();
            let keep = shape[axis].min(hidden);
            shape[axis] = hidden;
            let mut out = ArrayD::zeros(shape);
            out.slice_axis_mut(Axis(axis), Slice::from(..keep))
                .assign(&a.slice_axis(Axis(axis), Slice::from(..keep)));
            out
        })
        .collect()
}

/// `layers` as one list of arrays, `W1, b1, W2, b2, …`: the order of the book's `params` and of
/// an optimiser's state.
fn flatten<T: Real>(layers: &[Affine<T>]) -> Vec<ArrayD<T>> {
    layers
        .iter()
        .flat_map(|(w, b)| [w.clone().into_dyn(), b.clone().into_dyn()])
        .collect()
}

/// A list `W1, b1, W2, b2, …` as layers.
fn pair_up<T: Real>(arrays: Vec<ArrayD<T>>) -> Vec<Affine<T>> {
    let mut arrays = arrays.into_iter();
    let mut layers = Vec::new();
    while let (Some(w), Some(b)) = (arrays.next(), arrays.next()) {
        let w = w.into_dimensionality().expect("a weight matrix");
        let b = b.into_dimensionality().expect("a bias vector");
        layers.push((w, b));
    }
    layers
}

/// The buffers of one batch, kept between iterations so that training allocates nothing.
#[derive(Clone, Debug)]
pub struct Workspace<T: Real> {
    /// The first hidden layer's output, `(N, H)` row-major, rows [`row_stride`] apart.
    hidden: Vec<T>,
    /// Its gradient, `(N, H)`, the same layout.
    dhidden: Vec<T>,
    /// The output of each layer after the first: the activations of the hidden layers, then the
    /// scores (which the backward pass replaces by `∂L/∂scores`).
    outs: Vec<Array2<T>>,
    /// `∂L/∂` (the hidden layers' outputs after the first), then through their activation.
    deltas: Vec<Array2<T>>,
    /// The gradient of the loss, filled by [`SparseNet::gradient`], for each layer, in the
    /// padded layout ([`SparseNet::unpadded`] drops the padding).
    pub grads: Vec<Affine<T>>,
    /// The cores the first layer may use: 1, or 2 to split it when the work is worth it.
    cores: usize,
}

impl<T: Real> Workspace<T> {
    /// Buffers for `net`.
    #[must_use]
    pub fn new(net: &SparseNet<T>) -> Self {
        Workspace {
            hidden: Vec::new(),
            dhidden: Vec::new(),
            outs: Vec::new(),
            deltas: Vec::new(),
            grads: net
                .layers
                .iter()
                .map(|(w, b)| (Array2::zeros(w.raw_dim()), Array1::zeros(b.raw_dim())))
                .collect(),
            cores: 1,
        }
    }

    /// The same buffers, with the first layer split between two cores when `cores > 1` and the
    /// work is worth it; the numbers are the same either way, to the bit (each is summed in the
    /// same order). A split runs its two halves on [`rayon`]'s pool (the global one, unless the
    /// caller is in another), while the caller waits.
    #[must_use]
    pub fn on_cores(mut self, cores: usize) -> Self {
        self.use_cores(cores);
        self
    }

    /// From now on, as [`on_cores`](Workspace::on_cores).
    pub(crate) fn use_cores(&mut self, cores: usize) {
        self.cores = cores.clamp(1, 2);
    }

    /// The gradient [`SparseNet::gradient`] left, `W1, b1, W2, b2, …`, in the padded layout:
    /// for an optimiser.
    #[must_use]
    pub fn gradient_views(&self) -> Vec<ArrayViewD<'_, T>> {
        self.grads
            .iter()
            .flat_map(|(w, b)| [w.view().into_dyn(), b.view().into_dyn()])
            .collect()
    }

    /// Sized for `n` images through `net`.
    fn fit(&mut self, n: usize, net: &SparseNet<T>) {
        let stride = row_stride::<T>(net.layers[0].1.len());
        self.hidden.resize(n * stride, T::zero());
        self.dhidden.resize(n * stride, T::zero());
        let widths = net.layers[1..].iter().map(|(_, b)| b.len());
        if self.outs.first().is_none_or(|out| out.nrows() != n) {
            self.outs = widths.clone().map(|w| Array2::zeros((n, w))).collect();
            let hidden = widths.take(net.layers.len().saturating_sub(2));
            self.deltas = hidden.map(|w| Array2::zeros((n, w))).collect();
        }
    }

    /// The scores of the last batch: `(N, C)`.
    fn scores(&self) -> &Array2<T> {
        self.outs.last().expect("a network has an output layer")
    }
}

impl<T: Real> SparseNet<T> {
    /// `net`'s weights in `T`.
    #[must_use]
    pub fn from_net(net: &TwoLayerNet) -> Self {
        let p = &net.params;
        let layers = [(p.w1.view(), p.b1.view()), (p.w2.view(), p.b2.view())];
        Self::from_layers(&layers, net.activation)
    }

    /// The network of the `Affine` layers `layers` (weights `(in, out)`, bias `(out,)`, in
    /// `f64`, as the book's networks hold them), with `activation` after every layer but the
    /// last, in `T`.
    ///
    /// # Panics
    /// If there are fewer than two layers, or one's input is not the last one's output.
    #[must_use]
    pub fn from_layers(
        layers: &[(ArrayView2<f64>, ArrayView1<f64>)],
        activation: Activation,
    ) -> Self {
        assert!(
            layers.len() >= 2,
            "the engine computes networks of two layers or more"
        );
        for pair in layers.windows(2) {
            assert_eq!(
                pair[0].0.ncols(),
                pair[1].0.nrows(),
                "one layer feeds the next"
            );
        }
        let arrays: Vec<ArrayD<T>> = layers
            .iter()
            .flat_map(|(w, b)| [w.mapv(T::cast).into_dyn(), b.mapv(T::cast).into_dyn()])
            .collect();
        SparseNet {
            layers: pair_up(Self::pad(&arrays)),
            hidden: layers[0].1.len(),
            activation,
        }
    }

    /// The same network as a [`TwoLayerNet`] (in `f64`; exact).
    ///
    /// # Panics
    /// If it has more than two layers.
    #[must_use]
    pub fn to_net(&self) -> TwoLayerNet {
        let [(w1, b1), (w2, b2)]: [Affine<f64>; 2] = self
            .to_layers()
            .try_into()
            .expect("a network of two layers");
        TwoLayerNet {
            params: Params { w1, b1, w2, b2 },
            activation: self.activation,
        }
    }

    /// Its layers in `f64`, without the padding (exact).
    #[must_use]
    pub fn to_layers(&self) -> Vec<Affine<f64>> {
        let arrays: Vec<ArrayD<f64>> = flatten(&self.layers)
            .iter()
            .map(|a| a.mapv(|v| v.widen()))
            .collect();
        pair_up(self.unpad(&arrays))
    }

    /// Arrays of the shapes of the layers' parameters, `W1, b1, W2, b2, …` (the parameters,
    /// or an optimiser's state for them), padded to this layout.
    pub(crate) fn pad<U: Real>(arrays: &[ArrayD<U>]) -> Vec<ArrayD<U>> {
        let h = arrays.get(1).map_or(0, |b1| b1.len());
        relayout(
            arrays,
            h.div_ceil(block::<T>()) * block::<T>(),
            block::<T>(),
            true,
        )
    }

    /// Arrays of this layout's shapes without the padding.
    pub(crate) fn unpad<U: Real>(&self, arrays: &[ArrayD<U>]) -> Vec<ArrayD<U>> {
        relayout(arrays, self.hidden, block::<T>(), false)
    }

    /// `layers` (of this layout: the gradient in a [`Workspace`], say) without the padding, as
    /// one list `W1, b1, W2, b2, …`.
    #[must_use]
    pub fn unpadded(&self, layers: &[Affine<T>]) -> Vec<ArrayD<T>> {
        self.unpad(&flatten(layers))
    }

    /// The parameters, `W1, b1, W2, b2, …`, padded, `W1` in panels (the module's
    /// documentation): for an optimiser to update, element by element, where the order in
    /// memory does not matter.
    pub fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, T>> {
        self.layers
            .iter_mut()
            .flat_map(|(w, b)| [w.view_mut().into_dyn(), b.view_mut().into_dyn()])
            .collect()
    }

    /// The layers, padded: to keep a copy of them.
    pub(crate) fn layers(&self) -> &[Affine<T>] {
        &self.layers
    }

    /// The layers, padded: to put a kept copy back.
    pub(crate) fn layers_mut(&mut self) -> &mut [Affine<T>] {
        &mut self.layers
    }

    /// Whether every parameter is finite.
    #[must_use]
    pub fn is_finite(&self) -> bool {
        let all: Vec<&[T]> = self
            .layers
            .iter()
            .flat_map(|(w, b)| {
                [w.as_slice_memory_order(), b.as_slice_memory_order()]
                    .map(|s| s.expect("contiguous"))
            })
            .collect();
        // every step checks its numbers: on whole vector registers
        vectorized(
            #[inline(always)]
            || {
                all.iter()
                    .all(|a| a.iter().fold(true, |ok, v| ok & v.is_finite()))
            },
        )
    }

    /// The hidden layer of `batch` into `hidden` (`(N, H)` with the padding); the images split
    /// between two cores when `cores > 1` and the work is worth it ([`splits`]).
    fn hidden_layer(&self, batch: &PixelGroups<T>, hidden: &mut [T], cores: usize) {
        let (w1, b1) = &self.layers[0];
        let (w1, b1) = (
            w1.as_slice().expect("standard layout"),
            b1.as_slice().expect("standard layout"),
        );
        let (h, n) = (b1.len(), batch.len());
        let layer = FirstLayer {
            w1,
            b1,
            live: self.hidden,
            activation: self.activation,
        };
        let stride = row_stride::<T>(h);
        let tile = |rows: Range<usize>, out: &mut [T]| match T::DTYPE {
            Dtype::F32 => vectorized(
                #[inline(always)]
                || hidden_layer::<T, BLOCK_F32>(layer, batch, rows, stride, out),
            ),
            Dtype::F64 => vectorized(
                #[inline(always)]
                || hidden_layer::<T, BLOCK_F64>(layer, batch, rows, stride, out),
            ),
        };
        // the images TILE at a time, so that the tile of a block of hidden units stays in the
        // nearest cache
        let kernel = |rows: Range<usize>, out: &mut [T]| {
            for (k, out) in out.chunks_mut(TILE * stride).enumerate() {
                let start = rows.start + k * TILE;
                tile(start..(start + TILE).min(rows.end), out);
            }
        };
        if splits(batch, h, cores) {
            let mid = n / 2;
            let (first, second) = hidden.split_at_mut(mid * stride);
            rayon::join(|| kernel(0..mid, first), || kernel(mid..n, second));
        } else {
            kernel(0..n, hidden);
        }
    }

    /// `∂L/∂W1 = xᵀ · δ` of `batch` into `dw1` (in panels); the panels, or a single panel's
    /// groups of pixels, split between two cores when `cores > 1` and the work is worth it
    /// ([`splits`]).
    fn weight_gradient(
        batch: &PixelGroups<T>,
        delta: &[T],
        stride: usize,
        dw1: &mut [T],
        cores: usize,
    ) {
        let d = batch.width();
        let groups = d.div_ceil(GROUP);
        let h = dw1.len() / d.max(1);
        let blocks = h / block::<T>();
        let kernel = |part: (Range<usize>, Range<usize>), out: &mut [T]| match T::DTYPE {
            Dtype::F32 => vectorized(
                #[inline(always)]
                || weight_gradient::<T, BLOCK_F32>(batch, delta, stride, part, out),
            ),
            Dtype::F64 => vectorized(
                #[inline(always)]
                || weight_gradient::<T, BLOCK_F64>(batch, delta, stride, part, out),
            ),
        };
        if !splits(batch, h, cores) {
            kernel((0..blocks, 0..groups), dw1);
        } else if blocks > 1 {
            // whole panels to each core
            let mid = blocks / 2;
            let (first, second) = dw1.split_at_mut(mid * d * block::<T>());
            rayon::join(
                || kernel((0..mid, 0..groups), first),
                || kernel((mid..blocks, 0..groups), second),
            );
        } else {
            // one panel: its rows, as many entries on each side
            let mid = batch.middle_group();
            let (first, second) = dw1.split_at_mut((GROUP * mid).min(d) * h);
            rayon::join(
                || kernel((0..1, 0..mid), first),
                || kernel((0..1, mid..groups), second),
            );
        }
    }

    /// Every layer's output for `batch`, into `ws`: the first hidden layer from the inked
    /// pixels, then each layer's `input · W + b`, through the activation but for the scores.
    fn forward(&self, batch: &PixelGroups<T>, ws: &mut Workspace<T>) {
        let n = batch.len();
        ws.fit(n, self);
        let h = self.layers[0].1.len();
        let stride = row_stride::<T>(h);
        self.hidden_layer(batch, &mut ws.hidden[..n * stride], ws.cores);
        let last = self.layers.len() - 2;
        for (i, (w, b)) in self.layers[1..].iter().enumerate() {
            let (before, after) = ws.outs.split_at_mut(i);
            let input = match before.last() {
                Some(out) => out.view(),
                None => hidden_view(&ws.hidden, n, h),
            };
            let out = &mut after[0];
            general_mat_mul(T::one(), &input, w, T::zero(), out);
            *out += b;
            if i < last {
                activate(out.view_mut(), self.activation);
            }
        }
    }

    /// The mean cross-entropy loss of `batch` against `labels` (one per image).
    ///
    /// # Panics
    /// If `labels` does not have one class per image, or a class is `≥ C`.
    pub fn loss(&self, batch: &PixelGroups<T>, labels: &[usize], ws: &mut Workspace<T>) -> f64 {
        self.forward(batch, ws);
        let scores = ws.outs.last_mut().expect("an output layer");
        softmax_cross_entropy(scores.view_mut(), labels, false)
    }

    /// The loss of `batch` against `labels`, returned, and its gradient by backpropagation,
    /// left in `ws.grads`: from the last layer back, each layer's `∂L/∂W = inputᵀ · δ`,
    /// `∂L/∂b = Σ δ` and, for the layer before, `δ · Wᵀ` through its activation.
    ///
    /// # Panics
    /// If `labels` does not have one class per image, or a class is `≥ C`.
    pub fn gradient(&self, batch: &PixelGroups<T>, labels: &[usize], ws: &mut Workspace<T>) -> f64 {
        self.forward(batch, ws);
        let n = batch.len();
        let h = self.layers[0].1.len();
        let stride = row_stride::<T>(h);
        let Workspace {
            hidden,
            dhidden,
            outs,
            deltas,
            grads,
            cores,
        } = ws;
        let scores = outs.last_mut().expect("an output layer");
        let loss = softmax_cross_entropy(scores.view_mut(), labels, true);
        let last = outs.len() - 1;
        for (i, (w, _)) in self.layers[1..].iter().enumerate().rev() {
            // δ of this layer: ∂L/∂scores for the last, else filled by the layer after it
            let (before, delta) = deltas.split_at_mut(i);
            let delta = if i == last {
                outs[last].view()
            } else {
                delta[0].view()
            };
            let input = match i.checked_sub(1) {
                Some(k) => outs[k].view(),
                None => hidden_view(hidden, n, h),
            };
            let (dw, db) = &mut grads[i + 1];
            general_mat_mul(T::one(), &input.t(), &delta, T::zero(), dw);
            db.assign(&delta.sum_axis(Axis(0)));
            // δ of the layer before: into the first hidden layer's buffer, or the next delta
            let mut down = match before.last_mut() {
                Some(d) => d.view_mut(),
                None => ArrayViewMut2::from_shape((n, h).strides((stride, 1)), &mut dhidden[..])
                    .expect("sized"),
            };
            general_mat_mul(T::one(), &delta, &w.t(), T::zero(), &mut down);
            activation_backward(down, input, self.activation);
        }
        let (dw1, db1) = &mut grads[0];
        let dhidden_view = hidden_view(dhidden, n, h);
        db1.assign(&dhidden_view.sum_axis(Axis(0)));
        let dw1 = dw1.as_slice_mut().expect("standard layout");
        Self::weight_gradient(batch, &dhidden[..n * stride], stride, dw1, *cores);
        loss
    }

    /// How many images of `runs` the network classifies as `labels` (indexed like the original
    /// set) says.
    ///
    /// # Panics
    /// If `labels` is shorter than the images.
    #[must_use]
    pub fn count_correct(&self, runs: &[PixelGroups<u8>], labels: &[u8]) -> usize {
        let mut ws = Workspace::new(self);
        let mut batch = PixelGroups::empty(self.layers[0].0.nrows());
        runs.iter()
            .map(|run| self.count_correct_run(run, labels, &mut batch, &mut ws))
            .sum()
    }

    /// How many images of one `run` the network classifies as `labels` (indexed like the
    /// original set) says, computed in the buffers `batch` and `ws`.
    ///
    /// # Panics
    /// If `labels` is shorter than the images, or `run` is not as wide as the network's input.
    pub fn count_correct_run(
        &self,
        run: &PixelGroups<u8>,
        labels: &[u8],
        batch: &mut PixelGroups<T>,
        ws: &mut Workspace<T>,
    ) -> usize {
        batch.fill_from(run);
        self.forward(batch, ws);
        ws.scores()
            .rows()
            .into_iter()
            .zip(run.rows())
            .filter(|(s, i)| {
                scratchnet_book::argmax(s.iter().map(|v| v.widen())) == usize::from(labels[**i])
            })
            .count()
    }
}

/// The activation of a hidden layer after the first, in place.
fn activate<T: Real>(mut out: ArrayViewMut2<T>, activation: Activation) {
    match activation {
        Activation::Sigmoid => out.mapv_inplace(sigmoid_vectorized),
        Activation::Relu => out.mapv_inplace(relu_of),
    }
}

/// `∂L/∂a` of a hidden layer in `d` turned into `∂L/∂` (its input) in place, from its output `y`:
/// `y (1 − y)` for sigmoid, 0 where ReLU was not active.
fn activation_backward<T: Real>(mut d: ArrayViewMut2<T>, y: ArrayView2<T>, activation: Activation) {
    match activation {
        Activation::Sigmoid => d.zip_mut_with(&y, |d, &y| *d *= sigmoid_grad_of_output(y)),
        Activation::Relu => d.zip_mut_with(&y, |d, &y| {
            if y <= T::zero() {
                *d = T::zero()
            }
        }),
    }
}
/// The distance between the rows of the hidden layer (and its gradient) in the buffers: `h`
/// numbers rounded up to an odd number of blocks. Rows 4,096 bytes apart (1,024 hidden units in
/// `f32`) look to the processor as if they were at the same address (it compares the low 12
/// bits of a read's address with the writes still under way), and a read of one image's row
/// would wait for the write of another's: an odd number of 256-byte blocks puts only one image
/// in 16 at the same 12 bits as another (the first layer 1.4 times as fast at 1,024 hidden units,
/// `bench/RESULTS.md`).
fn row_stride<T: Real>(h: usize) -> usize {
    let blocks = h.div_ceil(block::<T>());
    (blocks | 1) * block::<T>()
}

/// `(N, H)` of the buffer `hidden`, whose rows are [`row_stride`] apart.
fn hidden_view<T: Real>(hidden: &[T], n: usize, h: usize) -> ArrayView2<'_, T> {
    ArrayView2::from_shape((n, h).strides((row_stride::<T>(h), 1)), hidden).expect("sized")
}

/// Images whose hidden rows the first layer fills together, one block of units at a time: a tile
/// of 128 × 256 bytes, which stays in the nearest cache.
pub(crate) const TILE: usize = 128;

/// Multiply-adds of one pass of the first layer below which it is not split between two cores:
/// handing half of it to the other core costs a few microseconds (`bench/RESULTS.md`).
const SPLIT_WORK: usize = 1 << 23;

/// Whether one pass of the first layer over `batch` with `h` hidden units is split between two
/// cores.
fn splits<T: Real>(batch: &PixelGroups<T>, h: usize, cores: usize) -> bool {
    cores > 1 && split_work::<T>(batch.len(), batch.entries(), h)
}

/// Whether one pass of the first layer over `images` images with `entries` inked groups, for
/// `hidden` hidden units (padded to the kernels' block, or not), is worth two cores.
pub(crate) fn split_work<T: Real>(images: usize, entries: usize, hidden: usize) -> bool {
    let h = hidden.div_ceil(block::<T>()) * block::<T>();
    images > 1 && entries * GROUP * h >= SPLIT_WORK
}

/// Softmax of each row of `scores` and the mean cross-entropy against `labels` (with the book's
/// 1e-7); with `backward`, `scores` is replaced by `∂L/∂scores = (softmax − one-hot) / N`.
fn softmax_cross_entropy<T: Real>(
    mut scores: ArrayViewMut2<T>,
    labels: &[usize],
    backward: bool,
) -> f64 {
    let n = scores.nrows();
    assert_eq!(labels.len(), n, "one label per sample");
    let size = T::cast(n as f64);
    let mut total = T::zero();
    for (mut row, &t) in scores.rows_mut().into_iter().zip(labels) {
        softmax_in_place(row.view_mut());
        total -= log_probability(row[t]);
        if backward {
            row[t] -= T::one();
            row.mapv_inplace(|v| v / size);
        }
    }
    (total / size).widen()
}

/// The first layer's weights, biases, real units and activation, as the kernels take them.
#[derive(Clone, Copy)]
struct FirstLayer<'a, T> {
    w1: &'a [T],
    b1: &'a [T],
    live: usize,
    activation: Activation,
}

/// `hidden[r, :] = activation(Σₚ x[r, p] · W1[p, :] + b1)` for the images `r` in `rows`, whose
/// hidden rows `hidden` holds (row `r` at `(r − rows.start) · H`).
///
/// One block of `W` hidden units at a time (a tile of `rows.len() × W` numbers, which stays in
/// the processor's nearer caches while every group of pixels is added into it), four pixels at a
/// time: the rows `W1[4q, j..j+W]` to `W1[4q + 3, j..j+W]` are read once, into registers, and
/// `x[r, 4q + g] · W1[4q + g, j..j+W]` for `g = 0..4` are added, in that order, into the tile's
/// rows of the images with ink in the group. The sums run over the groups in increasing order
/// whatever the tiles and the `rows`, so every number is the same however the work is split.
/// Dead units past `live` are set to 0.
#[inline(always)]
fn hidden_layer<T: Real, const W: usize>(
    layer: FirstLayer<T>,
    batch: &PixelGroups<T>,
    rows: Range<usize>,
    stride: usize,
    hidden: &mut [T],
) {
    let FirstLayer {
        w1,
        b1,
        live,
        activation,
    } = layer;
    let h = b1.len();
    let d = w1.len() / h;
    hidden.fill(T::zero());
    for (panel, j) in w1.chunks_exact(d * W).zip((0..h).step_by(W)) {
        // row p of the block's panel of W1: zeros past the last pixel
        let row = |p: usize| -> [T; W] {
            if p < d {
                panel[p * W..][..W].try_into().expect("a block")
            } else {
                [T::zero(); W]
            }
        };
        for q in 0..d.div_ceil(GROUP) {
            let (images, values) = batch.group_in(q, &rows);
            if images.is_empty() {
                continue;
            }
            let p = GROUP * q;
            let (wa, wb, wc, wd) = (row(p), row(p + 1), row(p + 2), row(p + 3));
            for (&r, &[va, vb, vc, vd]) in images.iter().zip(values) {
                let at = (usize::from(r) - rows.start) * stride + j;
                let out: &mut [T; W] = (&mut hidden[at..][..W]).try_into().expect("a block");
                for l in 0..W {
                    out[l] = vd.mul_add(
                        wd[l],
                        vc.mul_add(wc[l], vb.mul_add(wb[l], va.mul_add(wa[l], out[l]))),
                    );
                }
            }
        }
    }
    for out in hidden.chunks_mut(stride) {
        let (out, dead) = out[..h].split_at_mut(live);
        for (o, &b) in out.iter_mut().zip(b1) {
            let a = *o + b;
            *o = match activation {
                Activation::Sigmoid => sigmoid_vectorized(a),
                Activation::Relu => relu_of(a),
            };
        }
        dead.fill(T::zero());
    }
}

/// [`sigmoid_of`](scratchnet_book::functions::sigmoid_of) with the C library's `exp` replaced by a
/// polynomial the compiler can vectorise: the one formula written twice, because a call to
/// `exp` per number would keep the loop over hidden units from running on vector registers.
/// The test below holds the two within a few units in the last place.
#[inline(always)]
fn sigmoid_vectorized<T: Real>(a: T) -> T {
    T::one() / (T::one() + (-a).exp_polynomial())
}

/// `∂L/∂W1 = xᵀ · δ` for the blocks of hidden units `blocks` and the groups of pixels `groups`,
/// into `dw1`, which holds the panels of those blocks (module documentation), each cut to the
/// rows of those groups. Four pixels at a time: rows `4q + g` (`g = 0..4`) are
/// `Σᵣ x[r, 4q + g] · δ[r, :]` over the images with ink in the group, in increasing `r`, summed
/// in registers and written once; one block of `W` hidden units at a time, so that the block's
/// column of `δ` stays in the nearer caches.
#[inline(always)]
fn weight_gradient<T: Real, const W: usize>(
    batch: &PixelGroups<T>,
    delta: &[T],
    stride: usize,
    (blocks, groups): (Range<usize>, Range<usize>),
    dw1: &mut [T],
) {
    let d = batch.width();
    let first = (GROUP * groups.start).min(d);
    let rows = (GROUP * groups.end).min(d) - first;
    if rows == 0 {
        return;
    }
    for (panel, b) in dw1.chunks_exact_mut(rows * W).zip(blocks) {
        let j = b * W;
        for q in groups.clone() {
            let (images, values) = batch.group(q);
            let mut s = [[T::zero(); W]; GROUP];
            for (&r, &[va, vb, vc, vd]) in images.iter().zip(values) {
                let dr: &[T; W] = (&delta[usize::from(r) * stride + j..][..W])
                    .try_into()
                    .expect("a block");
                for l in 0..W {
                    s[0][l] = va.mul_add(dr[l], s[0][l]);
                }
                for l in 0..W {
                    s[1][l] = vb.mul_add(dr[l], s[1][l]);
                }
                for l in 0..W {
                    s[2][l] = vc.mul_add(dr[l], s[2][l]);
                }
                for l in 0..W {
                    s[3][l] = vd.mul_add(dr[l], s[3][l]);
                }
            }
            for (g, sum) in s.iter().enumerate() {
                let p = GROUP * q + g;
                if p < d {
                    panel[(p - first) * W..][..W].copy_from_slice(sum);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::SparseImages;
    use rand::{RngExt, SeedableRng};
    use scratchnet_book::functions::sigmoid_of;

    /// Random images `d` pixels wide, about a fifth of the pixels inked (as in MNIST), as the
    /// kernels take them.
    fn batch<T: Real>(rng: &mut rand::rngs::ChaCha8Rng, n: usize, d: usize) -> PixelGroups<T> {
        let pixels = ndarray::Array2::from_shape_fn((n, d), |_| {
            if rng.random_range(0..5) == 0 {
                rng.random_range(1..=255u8)
            } else {
                0
            }
        });
        let mut groups = PixelGroups::empty(d);
        groups.fill(
            &SparseImages::new(pixels.view()),
            &(0..n).collect::<Vec<_>>(),
        );
        groups
    }

    fn random<T: Real>(rng: &mut rand::rngs::ChaCha8Rng, len: usize) -> Vec<T> {
        (0..len)
            .map(|_| T::cast(rng.random_range(-1.0..1.0)))
            .collect()
    }

    /// The kernels run in [`vectorized`] (AVX2 or AVX-512 here) give the same bits as the same
    /// code compiled for the plain processor and as the same work in two parts (the split between
    /// two cores), and agree with a dense scalar sum to rounding:
    /// for every width of image from 1 to 13 pixels (whole and partial groups of 4), 0 to 9
    /// images, and 1 to 3 blocks of hidden units, in both types.
    fn kernels_match_scalar<T: Real, const W: usize>(tolerance: f64) {
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(5);
        for d in 1..=13 {
            for n in 0..=9 {
                for blocks in 1..=3 {
                    let h = blocks * W;
                    let live = h - rng.random_range(0..W);
                    // where W1[p, j] is in the panels (module documentation)
                    let at = |p: usize, j: usize| (j / W * d + p) * W + j % W;
                    let (w1, b1) = (random::<T>(&mut rng, d * h), random::<T>(&mut rng, h));
                    let x = batch::<T>(&mut rng, n, d);
                    for activation in [Activation::Sigmoid, Activation::Relu] {
                        let layer = FirstLayer {
                            w1: &w1,
                            b1: &b1,
                            live,
                            activation,
                        };
                        let s = row_stride::<T>(h);
                        let (mut fast, mut plain) =
                            (vec![T::zero(); n * s], vec![T::zero(); n * s]);
                        let all = 0..n;
                        vectorized(|| hidden_layer::<T, W>(layer, &x, all, s, &mut fast));
                        hidden_layer::<T, W>(layer, &x, 0..n, s, &mut plain);
                        assert_eq!(
                            fast, plain,
                            "hidden layer, {d} pixels, {n} images, {h} units"
                        );
                        // in two parts, as on two cores: the same bits
                        let mid = n / 2;
                        let mut parts = vec![T::zero(); n * s];
                        let (first, second) = parts.split_at_mut(mid * s);
                        vectorized(|| {
                            hidden_layer::<T, W>(layer, &x, 0..mid, s, first);
                            hidden_layer::<T, W>(layer, &x, mid..n, s, second);
                        });
                        assert_eq!(fast, parts, "hidden layer in two parts");
                        // the dense sum, one product at a time
                        for r in 0..n {
                            for j in 0..h {
                                let mut a = b1[j].widen();
                                for q in 0..d.div_ceil(GROUP) {
                                    let (images, values) = x.group(q);
                                    for (&i, v) in images.iter().zip(values) {
                                        if usize::from(i) == r {
                                            for g in 0..GROUP.min(d - GROUP * q) {
                                                a +=
                                                    v[g].widen() * w1[at(GROUP * q + g, j)].widen();
                                            }
                                        }
                                    }
                                }
                                let want = match (j < live, activation) {
                                    (false, _) => 0.0,
                                    (true, Activation::Sigmoid) => sigmoid_of(a),
                                    (true, Activation::Relu) => a.max(0.0),
                                };
                                let got = fast[r * s + j].widen();
                                assert!((got - want).abs() <= tolerance, "{got} vs {want}");
                            }
                        }
                    }
                    let s = row_stride::<T>(h);
                    let delta = random::<T>(&mut rng, n * s);
                    let groups = d.div_ceil(GROUP);
                    let (mut fast, mut plain) = (vec![T::zero(); d * h], vec![T::zero(); d * h]);
                    let all = (0..blocks, 0..groups);
                    vectorized(|| weight_gradient::<T, W>(&x, &delta, s, all, &mut fast));
                    weight_gradient::<T, W>(&x, &delta, s, (0..blocks, 0..groups), &mut plain);
                    assert_eq!(
                        fast, plain,
                        "weight gradient, {d} pixels, {n} images, {h} units"
                    );
                    // the dense sum xᵀ · δ, one product at a time
                    for p in 0..d {
                        for j in 0..h {
                            let (images, values) = x.group(p / GROUP);
                            let want: f64 = images
                                .iter()
                                .zip(values)
                                .map(|(&r, v)| {
                                    v[p % GROUP].widen() * delta[usize::from(r) * s + j].widen()
                                })
                                .sum();
                            let got = fast[at(p, j)].widen();
                            assert!((got - want).abs() <= tolerance, "{got} vs {want}");
                        }
                    }
                    // in two parts, as on two cores: the same bits; by panels, and for one
                    // panel by groups of pixels
                    let mut parts = vec![T::zero(); d * h];
                    let mid = blocks / 2;
                    let (first, second) = parts.split_at_mut(mid * d * W);
                    vectorized(|| {
                        weight_gradient::<T, W>(&x, &delta, s, (0..mid, 0..groups), first);
                        weight_gradient::<T, W>(&x, &delta, s, (mid..blocks, 0..groups), second);
                    });
                    assert_eq!(fast, parts, "weight gradient in two sets of panels");
                    if blocks == 1 {
                        let mid = x.middle_group();
                        let (first, second) = parts.split_at_mut((GROUP * mid).min(d) * W);
                        vectorized(|| {
                            weight_gradient::<T, W>(&x, &delta, s, (0..1, 0..mid), first);
                            weight_gradient::<T, W>(&x, &delta, s, (0..1, mid..groups), second);
                        });
                        assert_eq!(fast, parts, "weight gradient in two sets of groups");
                    }
                }
            }
        }
    }

    #[test]
    fn the_kernels_are_the_scalar_code_in_f64() {
        kernels_match_scalar::<f64, BLOCK_F64>(1e-12);
    }

    #[test]
    fn the_kernels_are_the_scalar_code_in_f32() {
        kernels_match_scalar::<f32, BLOCK_F32>(1e-4);
    }

    /// The kernel's sigmoid is the library's, to rounding: within 4 units in the last place
    /// (2 from the polynomial `exp`, and the rest from the division) wherever the result is
    /// not vanishingly small.
    #[test]
    fn the_vectorized_sigmoid_is_sigmoid_of() {
        fn ulps32(a: f32, b: f32) -> u32 {
            a.to_bits().abs_diff(b.to_bits())
        }
        fn ulps64(a: f64, b: f64) -> u64 {
            a.to_bits().abs_diff(b.to_bits())
        }
        for i in -40_000..=40_000 {
            let x = f64::from(i) * 1e-3;
            assert!(ulps64(sigmoid_vectorized(x), sigmoid_of(x)) <= 4, "{x}");
            let x = x as f32;
            assert!(ulps32(sigmoid_vectorized(x), sigmoid_of(x)) <= 4, "{x}");
        }
        assert_eq!(
            sigmoid_vectorized(f64::NAN).is_nan(),
            sigmoid_of(f64::NAN).is_nan()
        );
    }
}
