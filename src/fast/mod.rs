//! The engine: the same network, computed faster.
//!
//! Nothing here is needed to follow the book. [`TwoLayerNet`](crate::TwoLayerNet) with its
//! layers and [`train`](crate::train)'s reference path are the book's code in Rust; this module
//! computes the same numbers in a fraction of the time, and the tests hold it to them (1e-13 in
//! `f64`, `tests/all/fast_path.rs`):
//!
//! - [`images`]: MNIST images as lists of their inked pixels, four neighbours at a time, and
//!   turned around, for each group of pixels the images inked there — 81 % of MNIST's pixels
//!   are 0, and a 0 adds nothing to `x · W1`;
//! - [`net`]: the forward and backward passes from those pixels only, in `f32` or `f64`, with
//!   kernels compiled for the widest vector instructions the processor has;
//! - [`numerical`]: the numerical gradient recomputing only what each nudge changes;
//! - `train` and `helper`: the training loop's steps on this path, with a second core gathering
//!   mini-batches ahead and measuring accuracies alongside.
//!
//! `scratchnet train` uses it by default (`--grad backprop`, `--dtype f32|f64`). The module is
//! public for the benchmarks and the tests that compare it with the book's path; it is not part
//! of the teaching API, and may change.

pub(crate) mod exp;
mod helper;
pub mod images;
pub mod net;
pub mod numerical;
#[allow(unsafe_code)]
mod simd;
pub(crate) mod train;

pub use train::TrainingData;
