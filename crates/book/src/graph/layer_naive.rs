//! The two simplest layers (the book's `ch05/layer_naive.py`): a multiplication node and an
//! addition node of a computational graph, on plain numbers.

/// A multiplication node: `out = x · y`. Backward, each input's gradient is the upstream
/// gradient times the *other* input, so the forward pass keeps both.
///
/// ```
/// use scratchnet_book::graph::MulLayer;
/// let mut layer = MulLayer::default();
/// assert_eq!(layer.forward(100.0, 2.0), 200.0);
/// // ∂out/∂x = y = 2, ∂out/∂y = x = 100
/// assert_eq!(layer.backward(1.1), (1.1 * 2.0, 1.1 * 100.0));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MulLayer {
    x: f64,
    y: f64,
}

impl MulLayer {
    /// `x · y`, keeping `x` and `y` for the backward pass.
    pub fn forward(&mut self, x: f64, y: f64) -> f64 {
        self.x = x;
        self.y = y;
        x * y
    }

    /// `(dout · y, dout · x)`: the gradients of the inputs from `dout = ∂L/∂out`, each the
    /// upstream gradient times the other input (swapped, as the book says).
    #[must_use]
    pub fn backward(&self, dout: f64) -> (f64, f64) {
        (dout * self.y, dout * self.x)
    }
}

/// An addition node: `out = x + y`. Backward, it passes the upstream gradient to both inputs
/// unchanged (`∂out/∂x = ∂out/∂y = 1`), so it keeps nothing.
///
/// ```
/// use scratchnet_book::graph::AddLayer;
/// let mut layer = AddLayer;
/// assert_eq!(layer.forward(200.0, 450.0), 650.0);
/// assert_eq!(layer.backward(1.1), (1.1, 1.1));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AddLayer;

impl AddLayer {
    /// `x + y`.
    pub fn forward(&mut self, x: f64, y: f64) -> f64 {
        x + y
    }

    /// `(dout · 1, dout · 1)`: the upstream gradient, to each input.
    #[must_use]
    pub fn backward(&self, dout: f64) -> (f64, f64) {
        (dout * 1.0, dout * 1.0)
    }
}
