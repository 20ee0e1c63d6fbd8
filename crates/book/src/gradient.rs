//! Numerical differentiation: the book's `common/gradient.py`.
//!
//! Both functions use the central difference with the book's step `h = 1e-4`
//! ([`H`]): `f′(x) ≈ (f(x + h) − f(x − h)) / 2h`. Its error is of order `h²` (about 1e-8 here),
//! against order `h` for the one-sided difference `(f(x + h) − f(x)) / h`.
//!
//! The order of floating-point operations is the book's, so that the results agree with its
//! NumPy code to the last bit.

use ndarray::{Array, Dimension, IntoDimension};

/// The book's step for numerical differentiation, `h = 1e-4`.
///
/// Small enough for a good approximation, large enough that `x ± h` is still a different
/// floating-point number from `x` for the values we work with (1e-50 would round to 0).
pub const H: f64 = 1e-4;

/// The derivative of `f` at `x` by central difference: `(f(x + h) − f(x − h)) / 2h`, `h = 1e-4`.
///
/// ```
/// // The book's function_1, 0.01x² + 0.1x, at x = 5: the true derivative is 0.2.
/// let d = scratchnet_book::numerical_diff(|x| 0.01 * x * x + 0.1 * x, 5.0);
/// assert_eq!(d, 0.1999999999990898); // the book's printed value, bit for bit
/// ```
pub fn numerical_diff(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    (f(x + H) - f(x - H)) / (2.0 * H)
}

/// The gradient `∇f(x) = (∂f/∂x₀, ∂f/∂x₁, …)` by central difference, for an array `x` of any
/// shape: the result has the shape of `x`.
///
/// Each entry of `x` is nudged in place to `x[i] + h`, then `x[i] − h`, `f` is evaluated at each,
/// and the entry is restored to its exact original value before the next one, as the book does:
/// on return `x` is unchanged. `f` receives the nudged array. The entries are visited in
/// row-major (logical) order.
///
/// Because the element type is `f64`, the book's trap of an integer array (where `x + h`
/// silently truncates back to `x` and every derivative comes out 0) cannot happen.
///
/// To differentiate a loss with respect to an array that lives *inside* a model (the book's
/// `numerical_gradient(lambda w: net.loss(x, t), net.W)`), use [`numerical_gradient_wrt`].
///
/// ```
/// use ndarray::array;
/// let mut x = array![3.0, 4.0];
/// let g = scratchnet_book::numerical_gradient(|x| x[0] * x[0] + x[1] * x[1], &mut x);
/// // ∇(x₀² + x₁²) = (2x₀, 2x₁) = (6, 8); the book prints [6. 8.]
/// assert_eq!(g, array![6.00000000000378, 7.999999999999119]);
/// assert_eq!(x, array![3.0, 4.0]);
/// ```
pub fn numerical_gradient<D: Dimension>(
    f: impl FnMut(&Array<f64, D>) -> f64,
    x: &mut Array<f64, D>,
) -> Array<f64, D> {
    numerical_gradient_with_h(f, x, H)
}

/// [`numerical_gradient`] with a step `h` of your choice, to see the trade-off the book's
/// 1e-4 strikes: a larger `h` leaves more of the curvature in the difference (an error of order
/// `h²`), a smaller one loses digits to rounding, and below the spacing of floating-point
/// numbers near `x` (about `2.2e-16 · |x|`) `x + h == x` and the difference is 0.
///
/// ```
/// use ndarray::array;
/// use scratchnet_book::gradient::numerical_gradient_with_h;
/// let sphere = |x: &ndarray::Array1<f64>| x[0] * x[0] + x[1] * x[1];
/// let mut x = array![3.0, 4.0];
/// // the book's h: the same bits as numerical_gradient
/// assert_eq!(numerical_gradient_with_h(sphere, &mut x, 1e-4), array![6.00000000000378, 7.999999999999119]);
/// // h = 1e-50 is below the spacing of floats near 3 and 4: every difference is 0
/// assert_eq!(numerical_gradient_with_h(sphere, &mut x, 1e-50), array![0.0, 0.0]);
/// ```
pub fn numerical_gradient_with_h<D: Dimension>(
    mut f: impl FnMut(&Array<f64, D>) -> f64,
    x: &mut Array<f64, D>,
    h: f64,
) -> Array<f64, D> {
    central_differences(x, |x| x, |x| f(x), h)
}

/// The gradient of `loss(model)` with respect to one array of the model, `param(model)`, by
/// central difference (as [`numerical_gradient`]).
///
/// This is how the book takes `dL/dW` of a network: the loss reads the very array that is being
/// nudged. In Rust the borrow checker will not let a closure read `net` while `net.w` is lent out
/// mutably, so the two roles are split: `param` says *which* array to nudge, and `loss` reads
/// the whole model, nudged entry included. Each entry is restored exactly before the next.
///
/// ```
/// use ndarray::array;
/// use scratchnet_book::{numerical_gradient_wrt, SimpleNet};
/// let mut net = SimpleNet::notebook();
/// let x = array![0.6, 0.9];
/// let dw = numerical_gradient_wrt(&mut net, |net| &mut net.w, |net| net.loss(&x, 2));
/// assert_eq!(dw.dim(), (2, 3));
/// ```
pub fn numerical_gradient_wrt<M: ?Sized, D: Dimension>(
    model: &mut M,
    param: impl Fn(&mut M) -> &mut Array<f64, D>,
    loss: impl FnMut(&M) -> f64,
) -> Array<f64, D> {
    central_differences(model, param, loss, H)
}

/// The central difference with step `h` of `loss(model)` for every entry of `param(model)`,
/// each entry restored exactly before the next: the loop of [`numerical_gradient_wrt`] and
/// [`numerical_gradient_with_h`].
fn central_differences<M: ?Sized, D: Dimension>(
    model: &mut M,
    param: impl Fn(&mut M) -> &mut Array<f64, D>,
    mut loss: impl FnMut(&M) -> f64,
    h: f64,
) -> Array<f64, D> {
    let dim = param(model).raw_dim();
    let mut grad = Array::zeros(dim.clone());
    for idx in ndarray::indices(dim) {
        let idx = idx.into_dimension();
        let tmp_val = param(model)[idx.clone()];
        param(model)[idx.clone()] = tmp_val + h;
        let fxh1 = loss(model); // f(x + h)
        param(model)[idx.clone()] = tmp_val - h;
        let fxh2 = loss(model); // f(x - h)
        grad[idx.clone()] = (fxh1 - fxh2) / (2.0 * h);
        param(model)[idx] = tmp_val; // restore
    }
    grad
}

/// The gradient of a two-dimensional function on a square grid: the book's `gradient_2d.py`.
///
/// Points are listed row by row (`x₁` outer, `x₀` inner), as NumPy's `meshgrid` flattens them.
#[derive(Clone, Debug, PartialEq)]
pub struct GradientField {
    /// The grid points `(x₀, x₁)`, shape `(M, 2)`.
    pub points: ndarray::Array2<f64>,
    /// The numerical gradient `∇f` at each point, shape `(M, 2)`. A picture draws `−∇f`: the
    /// direction of steepest descent.
    pub gradients: ndarray::Array2<f64>,
}

/// The numerical gradient of `f` at every point of a square grid whose coordinates, on both
/// axes, are NumPy's `np.arange(start, stop, step)`: `start + k · step` for every whole `k ≥ 0`
/// that stays below `stop` (`stop` itself is left out). The book's `gradient_2d.py` uses
/// `arange(-2, 2.5, 0.25)`: 18 values from −2 to 2.25, so 18 × 18 = 324 points.
///
/// # Panics
/// Unless `start`, `stop` and `step` are finite, `step > 0` and `start < stop`.
///
/// ```
/// use scratchnet_book::gradient_field;
/// let field = gradient_field(|x| x[0] * x[0] + x[1] * x[1], -2.0, 2.5, 0.25);
/// assert_eq!(field.points.nrows(), 18 * 18);
/// assert_eq!(field.points.row(18 * 18 - 1).to_vec(), vec![2.25, 2.25]); // 2.5 is left out
/// // at (−2, −2) the gradient is (−4, −4): the arrow −∇f points back to the origin
/// approx::assert_abs_diff_eq!(field.gradients[(0, 0)], -4.0, epsilon = 1e-9);
/// ```
#[track_caller]
pub fn gradient_field(
    mut f: impl FnMut(&ndarray::Array1<f64>) -> f64,
    start: f64,
    stop: f64,
    step: f64,
) -> GradientField {
    assert!(
        start.is_finite() && stop.is_finite() && start < stop,
        "the grid needs start < stop, both finite, got {start} and {stop}"
    );
    assert!(
        step.is_finite() && step > 0.0,
        "step must be positive, got {step}"
    );
    let coords = arange(start, stop, step);
    let count = coords.len();
    let mut points = ndarray::Array2::zeros((count * count, 2));
    let mut gradients = ndarray::Array2::zeros((count * count, 2));
    for (i, (&x1, &x0)) in coords
        .iter()
        .flat_map(|x1| coords.iter().map(move |x0| (x1, x0)))
        .enumerate()
    {
        let mut x = ndarray::array![x0, x1];
        gradients
            .row_mut(i)
            .assign(&numerical_gradient(&mut f, &mut x));
        points.row_mut(i).assign(&x);
    }
    GradientField { points, gradients }
}

/// NumPy's `arange(start, stop, step)` for `step > 0`: `⌈(stop − start) / step⌉` values
/// `start + k · step`.
#[must_use]
pub fn arange(start: f64, stop: f64, step: f64) -> Vec<f64> {
    let count = ((stop - start) / step).ceil().max(0.0) as usize;
    (0..count).map(|k| start + k as f64 * step).collect()
}

/// The Hessian `∂²f/∂xᵢ∂xⱼ` at `x`, shape `(n, n)`: central differences of the numerical
/// gradient, `(∇f(x + k eⱼ) − ∇f(x − k eⱼ)) / 2k` with `k = 1e-3`, symmetrised. Its
/// eigenvalues are the curvatures of f along its principal directions: all positive at a
/// minimum, of both signs at a saddle point, near zero on a plateau.
///
/// ```
/// use ndarray::array;
/// // x0² − x1²: curvature 2 along x0, −2 along x1
/// let h = scratchnet_book::gradient::numerical_hessian(|x| x[0] * x[0] - x[1] * x[1], &array![0.0, 0.0]);
/// approx::assert_abs_diff_eq!(h, array![[2.0, 0.0], [0.0, -2.0]], epsilon = 1e-6);
/// ```
pub fn numerical_hessian(
    mut f: impl FnMut(&ndarray::Array1<f64>) -> f64,
    x: &ndarray::Array1<f64>,
) -> ndarray::Array2<f64> {
    const K: f64 = 1e-3;
    let n = x.len();
    let mut hessian = ndarray::Array2::zeros((n, n));
    for j in 0..n {
        let (mut up, mut down) = (x.clone(), x.clone());
        up[j] += K;
        down[j] -= K;
        let column = (numerical_gradient(&mut f, &mut up) - numerical_gradient(&mut f, &mut down))
            / (2.0 * K);
        hessian.column_mut(j).assign(&column);
    }
    (&hessian + &hessian.t()) / 2.0
}
