//! Activation and loss functions: the book's `common/functions.py`.
//!
//! Every activation comes with its derivative beside it (`sigmoid` / `sigmoid_grad`,
//! `relu` / `relu_grad`), as in the book. All functions work element-wise on an array of any
//! dimension, except [`softmax`], which works along the last axis (a vector, or each row of a
//! batch), and the losses, which reduce to one number.
//!
//! Shapes: `N` is the batch size, `C` the number of classes.

use std::borrow::Cow;

use ndarray::{Array, ArrayBase, ArrayView2, ArrayViewMut1, Axis, Data, Dimension, Ix1, Ix2};
use num_traits::Float;

/// The small number inside the logarithm of [`cross_entropy_error`], as in the book:
/// `log(y + 1e-7)` stays finite when a predicted probability is exactly 0.
pub const CROSS_ENTROPY_DELTA: f64 = 1e-7;

// For one number, in any float type (`f32` or `f64`): the formulas themselves, written once.
// The array functions below, the layers, the networks and the fast path all call these.

/// `σ(x) = 1 / (1 + exp(−x))` of one number.
///
/// ```
/// assert_eq!(scratchnet_book::functions::sigmoid_of(0.0f32), 0.5);
/// ```
#[inline]
pub fn sigmoid_of<A: Float>(x: A) -> A {
    A::one() / (A::one() + (-x).exp())
}

/// `σ′(x) = (1 − σ(x)) · σ(x)`, from the sigmoid's output `y = σ(x)`: what a backward pass has
/// at hand.
#[inline]
pub fn sigmoid_grad_of_output<A: Float>(y: A) -> A {
    (A::one() - y) * y
}

/// `max(0, x)` of one number (0 for NaN).
#[inline]
pub fn relu_of<A: Float>(x: A) -> A {
    if x > A::zero() { x } else { A::zero() }
}

/// The softmax of one row, in place: `yₖ = exp(xₖ − m) / Σᵢ exp(xᵢ − m)` with `m = maxᵢ xᵢ`,
/// in that order of operations (the book's).
pub fn softmax_in_place<A: Float>(mut row: ArrayViewMut1<A>) {
    let max = row.fold(A::neg_infinity(), |m, &v| m.max(v));
    row.mapv_inplace(|v| (v - max).exp());
    let sum = row.fold(A::zero(), |s, &v| s + v);
    row.mapv_inplace(|v| v / sum);
}

/// `log(y + 1e-7)`: the logarithm of a predicted probability as the cross-entropy takes it
/// ([`CROSS_ENTROPY_DELTA`]).
#[inline]
pub fn log_probability<A: Float>(y: A) -> A {
    (y + A::from(CROSS_ENTROPY_DELTA).expect("1e-7 is a float")).ln()
}

/// The identity function, `h(x) = x`: the output activation of a regression network.
pub fn identity_function<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    x.to_owned()
}

/// The step function: `h(x) = 1` for `x > 0`, else `0` (so `h(0) = 0`), element-wise.
///
/// The book returns integers; here the result is `f64` so that it can flow into the next layer.
///
/// ```
/// use ndarray::array;
/// assert_eq!(scratchnet_book::step_function(&array![-1.0, 0.0, 2.0]), array![0.0, 0.0, 1.0]);
/// ```
pub fn step_function<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    x.mapv(|v| if v > A::zero() { A::one() } else { A::zero() })
}

/// The sigmoid, `σ(x) = 1 / (1 + exp(−x))`, element-wise.
///
/// ```
/// use ndarray::array;
/// let y = scratchnet_book::sigmoid(&array![0.0]);
/// assert_eq!(y[0], 0.5);
/// ```
pub fn sigmoid<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    x.mapv(sigmoid_of)
}

/// The derivative of the sigmoid, `σ′(x) = (1 − σ(x)) · σ(x)`, element-wise.
///
/// ```
/// use ndarray::array;
/// assert_eq!(scratchnet_book::sigmoid_grad(&array![0.0])[0], 0.25);
/// ```
pub fn sigmoid_grad<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    x.mapv(|v| sigmoid_grad_of_output(sigmoid_of(v)))
}

/// The rectified linear unit, `relu(x) = max(0, x)`, element-wise.
///
/// ```
/// use ndarray::array;
/// assert_eq!(scratchnet_book::relu(&array![-2.0, 0.0, 3.0]), array![0.0, 0.0, 3.0]);
/// ```
pub fn relu<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    x.mapv(relu_of)
}

/// The derivative of [`relu`]: `1` for `x > 0`, else `0`, element-wise.
///
/// At `x = 0` the function has no derivative; we take **0**, as the book's `Relu` layer
/// (`common/layers.py`) and PyTorch do. (The book's `common/functions.py` takes 1 there: the two
/// files of the book disagree, and only a value at exactly 0 is affected.)
///
/// ```
/// use ndarray::array;
/// assert_eq!(scratchnet_book::relu_grad(&array![-1.0, 0.0, 2.0]), array![0.0, 0.0, 1.0]);
/// ```
pub fn relu_grad<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    step_function(x)
}

/// The softmax along the last axis: `yₖ = exp(xₖ − m) / Σᵢ exp(xᵢ − m)` with `m = maxᵢ xᵢ`.
///
/// A vector of shape `(C,)` gives a vector of probabilities; a batch of shape `(N, C)` gives
/// one probability row per sample. Subtracting the maximum first (the book's overflow guard)
/// changes nothing mathematically and keeps `exp` finite: inputs of ±1000 work.
///
/// # Panics
/// If `x` has no axis (a zero-dimensional array).
///
/// ```
/// use ndarray::array;
/// let y = scratchnet_book::softmax(&array![1010.0, 1000.0, 990.0]);
/// approx::assert_abs_diff_eq!(y.sum(), 1.0, epsilon = 1e-15);
/// approx::assert_abs_diff_eq!(y[0], 0.999954600070331, epsilon = 1e-15);
/// ```
#[track_caller]
pub fn softmax<A: Float, S, D>(x: &ArrayBase<S, D>) -> Array<A, D>
where
    S: Data<Elem = A>,
    D: Dimension,
{
    assert!(x.ndim() > 0, "softmax needs at least one axis");
    let last = Axis(x.ndim() - 1);
    let mut y = x.to_owned();
    for lane in y.lanes_mut(last) {
        softmax_in_place(lane);
    }
    y
}

/// The sum of squares error, `E = ½ Σₖ (yₖ − tₖ)²`, the book's `sum_squared_error`.
///
/// # Panics
/// If `y` and `t` differ in shape.
///
/// ```
/// use ndarray::array;
/// let y = array![0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];
/// let t = array![0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
/// approx::assert_abs_diff_eq!(scratchnet_book::sum_squared_error(&y, &t), 0.0975, epsilon = 1e-12);
/// ```
#[track_caller]
pub fn sum_squared_error<S, T, D>(y: &ArrayBase<S, D>, t: &ArrayBase<T, D>) -> f64
where
    S: Data<Elem = f64>,
    T: Data<Elem = f64>,
    D: Dimension,
{
    assert_eq!(
        y.shape(),
        t.shape(),
        "sum_squared_error: y and t differ in shape"
    );
    0.5 * y
        .iter()
        .zip(t.iter())
        .fold(0.0, |s, (&a, &b)| s + (a - b) * (a - b))
}

/// The index of the largest value (the first, on ties), as NumPy's `argmax`: the class a
/// network predicts from its scores or probabilities.
///
/// ```
/// assert_eq!(scratchnet_book::argmax([0.1, 0.7, 0.7, 0.2].into_iter()), 1);
/// ```
pub fn argmax(values: impl Iterator<Item = f64>) -> usize {
    values
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |(bi, bv), (i, v)| {
            if v > bv { (i, v) } else { (bi, bv) }
        })
        .0
}

/// The correct answers given to [`cross_entropy_error`]: the kind is chosen by the Rust type,
/// never guessed from sizes.
///
/// - a `usize`, `&[usize]` or `&Vec<usize>` is a class index per sample;
/// - an `Array1<f64>`/`ArrayView1` is one one-hot row, an `Array2<f64>`/`ArrayView2` one row per
///   sample (rows may also be any probability distribution: soft labels).
#[derive(Clone, Debug)]
pub enum Targets<'a> {
    /// One class index per sample, each in `0..C`.
    Index(Cow<'a, [usize]>),
    /// One row per sample, shape `(N, C)`, usually one-hot.
    OneHot(ArrayView2<'a, f64>),
}

impl Targets<'_> {
    /// The number of samples.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Targets::Index(ix) => ix.len(),
            Targets::OneHot(rows) => rows.nrows(),
        }
    }

    /// Whether there are no samples.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The class of each sample: the index itself, or the position of the largest entry of a
    /// one-hot row (the book's `t.argmax(axis=1)`).
    #[must_use]
    pub fn classes(&self) -> Cow<'_, [usize]> {
        match self {
            Targets::Index(ix) => Cow::Borrowed(ix),
            Targets::OneHot(rows) => Cow::Owned(
                rows.outer_iter()
                    .map(|r| argmax(r.iter().copied()))
                    .collect(),
            ),
        }
    }
}

impl From<usize> for Targets<'static> {
    fn from(index: usize) -> Self {
        Targets::Index(Cow::Owned(vec![index]))
    }
}

impl<'a> From<&'a [usize]> for Targets<'a> {
    fn from(indices: &'a [usize]) -> Self {
        Targets::Index(Cow::Borrowed(indices))
    }
}

impl<'a, const N: usize> From<&'a [usize; N]> for Targets<'a> {
    fn from(indices: &'a [usize; N]) -> Self {
        Targets::Index(Cow::Borrowed(indices))
    }
}

impl<'a> From<&'a Vec<usize>> for Targets<'a> {
    fn from(indices: &'a Vec<usize>) -> Self {
        Targets::Index(Cow::Borrowed(indices))
    }
}

impl<'a, S: Data<Elem = f64>> From<&'a ArrayBase<S, Ix1>> for Targets<'a> {
    fn from(one_hot: &'a ArrayBase<S, Ix1>) -> Self {
        Targets::OneHot(one_hot.view().insert_axis(Axis(0)))
    }
}

impl<'a, S: Data<Elem = f64>> From<&'a ArrayBase<S, Ix2>> for Targets<'a> {
    fn from(one_hot: &'a ArrayBase<S, Ix2>) -> Self {
        Targets::OneHot(one_hot.view())
    }
}

/// The cross-entropy error, `E = −(1/N) Σₙ Σₖ tₙₖ · log(yₙₖ + 1e-7)`.
///
/// `y` holds probabilities (the output of [`softmax`]): one sample of shape `(C,)` or a batch of
/// shape `(N, C)`. `t` is the correct answer, as class indices or one-hot rows (see
/// [`Targets`]); for an index `tₙ` the inner sum is the single term `log(yₙ,ₜₙ + 1e-7)`. The
/// `1e-7` ([`CROSS_ENTROPY_DELTA`]) is the book's, so that its numbers come out. It keeps the
/// loss finite when a probability is 0, and lets it dip to `−ln(1 + 1e-7) ≈ −1e-7` (instead of
/// 0) when the correct class gets probability exactly 1.
///
/// # Panics
/// If `y` is not one- or two-dimensional, if the number of targets is not the number of
/// samples, if one-hot rows differ in shape from `y`, or if a class index is `≥ C`.
///
/// ```
/// use ndarray::array;
/// use scratchnet_book::cross_entropy_error;
/// let y = array![0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];
/// let one_hot = array![0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
/// approx::assert_abs_diff_eq!(cross_entropy_error(&y, 2), 0.510825457099338, epsilon = 1e-15);
/// assert_eq!(cross_entropy_error(&y, 2), cross_entropy_error(&y, &one_hot));
/// ```
#[track_caller]
pub fn cross_entropy_error<'t, S, D>(y: &ArrayBase<S, D>, t: impl Into<Targets<'t>>) -> f64
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let y = match y.ndim() {
        1 => y
            .view()
            .into_shape_with_order((1, y.len()))
            .expect("a vector is contiguous as a row"),
        2 => y.view().into_dimensionality::<Ix2>().expect("two axes"),
        n => panic!("cross_entropy_error: y must have 1 or 2 axes (C or N x C), got {n}"),
    };
    let (n, classes) = y.dim();
    let total = match t.into() {
        Targets::Index(indices) => {
            assert_eq!(
                indices.len(),
                n,
                "cross_entropy_error: {n} samples but {} class indices",
                indices.len()
            );
            indices.iter().enumerate().fold(0.0, |s, (i, &k)| {
                assert!(
                    k < classes,
                    "cross_entropy_error: class index {k} out of range 0..{classes}"
                );
                s + log_probability(y[(i, k)])
            })
        }
        Targets::OneHot(t) => {
            assert_eq!(
                t.dim(),
                y.dim(),
                "cross_entropy_error: one-hot targets differ in shape from y"
            );
            y.outer_iter().zip(t.outer_iter()).fold(0.0, |s, (yr, tr)| {
                s + yr
                    .iter()
                    .zip(tr.iter())
                    .fold(0.0, |r, (&p, &q)| r + q * log_probability(p))
            })
        }
    };
    -total / n as f64
}
