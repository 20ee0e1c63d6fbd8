//! Dropout (the book's `Dropout`, chapter 6): in training, each unit is kept or dropped at
//! random; in testing, every unit is kept and scaled by the fraction that training keeps.

use std::cell::RefCell;

use ndarray::ArrayD;

use super::Layer;
use crate::random::Random;

/// Dropout: a training pass draws a mask `u > ratio`, one `u` uniform on `[0, 1)` per element,
/// and returns `out = x · mask` (a unit is dropped with probability `ratio`); a test pass returns
/// `out = x · (1 − ratio)`, the output a training pass gives on average. The backward pass of a
/// training pass is `dx = dout · mask`: a dropped unit passes no gradient.
///
/// The layer borrows the generator it draws its masks from ([`Dropout::training`]): `N · H`
/// draws of [`Random::random_sample`] per training pass, row by row (the book's
/// `np.random.rand(*x.shape) > dropout_ratio`). The generator is in a [`RefCell`], so that all
/// the Dropout layers of a network share it and draw from it in the order of the forward pass,
/// as the book's layers all draw from `np.random`. A layer without one ([`Dropout::testing`])
/// computes as in a test pass whatever `train` says, and its backward pass is then
/// `dx = dout · (1 − ratio)`, the gradient of what it computed.
///
/// Shapes: `x`, `out`, `dout`, `dx` and the mask are `(N, H)` (or any other shape, all the same).
///
/// ```
/// use std::cell::RefCell;
/// use rand::SeedableRng;
/// use scratchnet_book::layers::{Dropout, Layer};
/// use scratchnet_book::ndarray::array;
/// let x = array![[1.0, 2.0, 3.0, 4.0]];
/// // testing: every unit, scaled by 1 − 0.25
/// let x = x.into_dyn();
/// let scaled = Dropout::testing(0.25).forward(x.clone(), false);
/// assert_eq!(scaled, array![[0.75, 1.5, 2.25, 3.0]].into_dyn());
/// // training: each unit kept or dropped, the gradient passing where it was kept
/// let rng = RefCell::new(rand::rngs::ChaCha8Rng::seed_from_u64(3));
/// let mut dropout = Dropout::training(0.25, &rng);
/// let out = dropout.forward(x.clone(), true);
/// let mask = dropout.mask().unwrap().mapv(|keep| if keep { 1.0 } else { 0.0 });
/// assert_eq!(out, &x * &mask);
/// let dx = dropout.backward(array![[10.0, 10.0, 10.0, 10.0]].into_dyn());
/// assert_eq!(dx, mask * 10.0);
/// ```
#[derive(Debug)]
pub struct Dropout<'r> {
    /// The probability that a training pass drops a unit (the book's `dropout_ratio`).
    pub ratio: f64,
    /// Where a training pass draws its mask from; `None`: every pass computes as a test pass.
    random: Option<&'r RefCell<dyn Random + 'r>>,
    /// The units the last training pass kept, `(N, H)`.
    mask: Option<ArrayD<bool>>,
}

impl<'r> Dropout<'r> {
    /// A layer that drops each unit with probability `ratio` in a training pass, drawing its
    /// masks from `random` (which other layers may share).
    ///
    /// # Panics
    /// If `ratio` is not in `[0, 1)`.
    #[track_caller]
    #[must_use]
    pub fn training(ratio: f64, random: &'r RefCell<dyn Random + 'r>) -> Self {
        assert!((0.0..1.0).contains(&ratio), "a dropout ratio in [0, 1)");
        Dropout {
            ratio,
            random: Some(random),
            mask: None,
        }
    }

    /// A layer that draws nothing: every pass scales by `1 − ratio`, as a test pass does.
    ///
    /// # Panics
    /// If `ratio` is not in `[0, 1)`.
    #[track_caller]
    #[must_use]
    pub fn testing(ratio: f64) -> Self {
        assert!((0.0..1.0).contains(&ratio), "a dropout ratio in [0, 1)");
        Dropout {
            ratio,
            random: None,
            mask: None,
        }
    }

    /// The units the last training pass kept (`true`) and dropped, `(N, H)`; `None` before a
    /// training pass, or for a layer without a generator.
    #[must_use]
    pub fn mask(&self) -> Option<&ArrayD<bool>> {
        self.mask.as_ref()
    }
}

impl Layer for Dropout<'_> {
    fn forward(&mut self, mut x: ArrayD<f64>, train: bool) -> ArrayD<f64> {
        match (self.random, train) {
            (Some(random), true) => {
                let mut random = random.borrow_mut();
                // one draw per element, row by row, as NumPy fills `rand(N, H)`
                let draws: Vec<bool> = (0..x.len())
                    .map(|_| random.random_sample() > self.ratio)
                    .collect();
                let mask = ArrayD::from_shape_vec(x.raw_dim(), draws).expect("N · H draws");
                x.zip_mut_with(&mask, |v, &keep| *v *= if keep { 1.0 } else { 0.0 });
                self.mask = Some(mask);
                x
            }
            _ => {
                self.mask = None;
                x * (1.0 - self.ratio)
            }
        }
    }

    fn backward(&mut self, mut dout: ArrayD<f64>) -> ArrayD<f64> {
        match &self.mask {
            Some(mask) => {
                dout.zip_mut_with(mask, |d, &keep| *d *= if keep { 1.0 } else { 0.0 });
                dout
            }
            None => dout * (1.0 - self.ratio),
        }
    }
}
