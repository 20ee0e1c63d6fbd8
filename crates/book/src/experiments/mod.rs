//! Chapter 6's experiments, one file per script of the book's `ch06/`, each a function that
//! runs it and returns what it measured, for a command to print and a picture to draw.
//!
//! | book | here |
//! | --- | --- |
//! | `ch06/weight_init_activation_histogram.py` (figures 6-10 to 6-14) | [`weight_init_activation_histogram`] |
//! | `ch06/weight_init_compare.py` (figure 6-15) | [`weight_init_compare`] |
//! | `ch06/batch_norm_test.py` (figure 6-19) | [`batch_norm_test`], its scales [`weight_scale_list`] |
//!
//! Each takes the generator it draws from (`&mut dyn Random`) and draws in the book's order:
//! with NumPy's ([`RandomState`](crate::random::numpy::RandomState)) seeded as the book's
//! script after `np.random.seed(n)`, it draws the same numbers.

mod batch_norm_test;
mod weight_init_activation_histogram;
mod weight_init_compare;

pub use batch_norm_test::{
    BATCH_NORM_TRAIN_SIZE, BatchNormRun, BatchNormTestConfig, SCALE_COUNT, batch_norm_test,
    linspace, logspace, weight_scale_list,
};
pub use weight_init_compare::{
    GUESS_LOSS, InitLosses, IterationLosses, LEARNED_BELOW, REPORT_EVERY, WEIGHT_INIT_TYPES,
    WeightInitCompare, WeightInitCompareConfig, weight_init_compare,
};

pub use weight_init_activation_histogram::{
    ActivationFunction, ActivationHistogram, histogram, weight_init_activation_histogram,
};
