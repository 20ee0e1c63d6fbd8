//! Chapter 6's experiments, one file per script of the book's `ch06/`, each a function that
//! runs it and returns what it measured, for a command to print and a picture to draw.
//!
//! | book | here |
//! | --- | --- |
//! | `ch06/weight_init_activation_histogram.py` (figures 6-10 to 6-14) | [`weight_init_activation_histogram`] |
//!
//! Each takes the generator it draws from (`&mut dyn Random`) and draws in the book's order:
//! with NumPy's ([`RandomState`](crate::random::numpy::RandomState)) seeded as the book's
//! script after `np.random.seed(n)`, it draws the same numbers.

mod weight_init_activation_histogram;

pub use weight_init_activation_histogram::{
    ActivationFunction, ActivationHistogram, histogram, weight_init_activation_histogram,
};
