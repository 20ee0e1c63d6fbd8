//! Chapter 6's experiments, one file per script of the book's `ch06/`, each a function that
//! runs it and returns what it measured, for a command to print and a picture to draw.
//!
//! | book | here |
//! | --- | --- |
//! | `ch06/weight_init_activation_histogram.py` (figures 6-10 to 6-14) | [`weight_init_activation_histogram`] |
//! | `ch06/weight_init_compare.py` (figure 6-15) | [`weight_init_compare`] |
//! | `ch06/batch_norm_test.py` (figure 6-19) | [`batch_norm_test`], its scales [`weight_scale_list`] |
//! | `ch06/overfit_weight_decay.py` (figures 6-20, 6-21) | [`overfit_weight_decay`] |
//! | `ch06/overfit_dropout.py` (figure 6-23) | [`overfit_dropout`] |
//! | `ch06/hyperparameter_optimization.py` (figure 6-24) | [`hyperparameter_optimization`] |
//!
//! Each takes the generator it draws from (`&mut dyn Random`) and draws in the book's order:
//! with NumPy's ([`RandomState`](crate::random::numpy::RandomState)) seeded as the book's
//! script after `np.random.seed(n)`, it draws the same numbers.

mod batch_norm_test;
mod hyperparameter_optimization;
mod overfit_dropout;
mod overfit_weight_decay;
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

pub use hyperparameter_optimization::{
    GRAPH_DRAW_NUM, LR_EXPONENTS, OPTIMIZATION_TRIAL, SEARCH_EPOCHS, SEARCH_TRAIN_SIZE,
    SearchRanges, Trial, VALIDATION_RATE, WEIGHT_DECAY_EXPONENTS, hyperparameter_optimization,
    pow10, suggested_ranges,
};
pub use overfit_dropout::{DROPOUT_EPOCHS, DROPOUT_RATIO, overfit_dropout};
pub use overfit_weight_decay::{
    OVERFIT_BATCH_SIZE, OVERFIT_HIDDEN, OVERFIT_LR, OVERFIT_TRAIN_SIZE, OverfitRun, Regularization,
    WEIGHT_DECAY_EPOCHS, WEIGHT_DECAY_LAMBDA, overfit_weight_decay,
};

pub use weight_init_activation_histogram::{
    ActivationFunction, ActivationHistogram, Reading, histogram, histogram_edges,
    weight_init_activation_histogram,
};
