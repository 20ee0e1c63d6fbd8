//! Softmax and the cross-entropy loss in one layer (the book's `SoftmaxWithLoss`), the last
//! layer of a classifier.

use ndarray::{Array2, ArrayView2, Axis};

use crate::functions::{Targets, cross_entropy_error, softmax};

/// Softmax and the cross-entropy loss in one layer, the last one of a classifier: its forward
/// pass takes the scores and the correct answers and returns the loss; its backward pass starts
/// the way back, `dx = (y − t) / N` with `t` one-hot — the gradient of the mean loss with respect
/// to the scores. (That it is this simple is why softmax and cross-entropy are paired.)
///
/// ```
/// use scratchnet_book::Targets;
/// use scratchnet_book::layers::SoftmaxWithLoss;
/// use scratchnet_book::ndarray::array;
/// // two samples, three classes, equal scores: each class has probability 1/3
/// let mut last = SoftmaxWithLoss::default();
/// let loss = last.forward(array![[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]].view(), Targets::from(&[2, 0]));
/// approx::assert_abs_diff_eq!(loss, 3f64.ln(), epsilon = 1e-6); // −log(1/3 + 1e-7)
/// // (y − t) / N: the correct class pulled up, the others down
/// let dx = last.backward();
/// approx::assert_abs_diff_eq!(dx, array![[1.0 / 6.0, 1.0 / 6.0, -1.0 / 3.0], [-1.0 / 3.0, 1.0 / 6.0, 1.0 / 6.0]], epsilon = 1e-15);
/// ```
#[derive(Clone, Debug, Default)]
pub struct SoftmaxWithLoss<'t> {
    /// The probabilities of the last forward pass, `(N, C)`.
    y: Option<Array2<f64>>,
    /// Its correct answers.
    t: Option<Targets<'t>>,
}

impl<'t> SoftmaxWithLoss<'t> {
    /// `y = softmax(x)` row by row, and returns `L = cross_entropy_error(y, t)`, with `x: (N, C)`
    /// the scores and `t` the correct answers (class indices or one-hot rows).
    ///
    /// # Panics
    /// As [`cross_entropy_error`](crate::cross_entropy_error).
    pub fn forward(&mut self, x: ArrayView2<f64>, t: Targets<'t>) -> f64 {
        let y = softmax(&x);
        let loss = cross_entropy_error(&y, t.clone());
        self.y = Some(y);
        self.t = Some(t);
        loss
    }

    /// `dx = (y − t) / N`, `(N, C)`: the book's `backward(dout=1)`.
    ///
    /// # Panics
    /// Before a forward pass.
    #[must_use]
    pub fn backward(&self) -> Array2<f64> {
        let (Some(y), Some(t)) = (&self.y, &self.t) else {
            panic!("backward after forward");
        };
        let mut dx = y.clone();
        let n = dx.nrows() as f64;
        match t {
            Targets::Index(ix) => {
                for (mut row, &k) in dx.axis_iter_mut(Axis(0)).zip(ix.iter()) {
                    row[k] -= 1.0;
                }
            }
            Targets::OneHot(rows) => dx -= rows,
        }
        dx /= n;
        dx
    }
}
