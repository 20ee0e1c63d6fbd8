//! The engine: the book's networks, computed faster.
//!
//! Nothing here is needed to follow the book. [`TwoLayerNet`](scratchnet_book::TwoLayerNet) and
//! `MultiLayerNet` with their layers and
//! [`Training::run`](scratchnet_book::train::Training::run) are the book's code in Rust; this
//! crate computes the same numbers in a fraction of the time, for any network of `Affine` layers
//! with one activation between them ([`OnEngine`]), and the tests hold it to them (1e-13 in
//! `f64`, `tests/all/fast_path.rs`). It depends on the book's crate, never the reverse:
//!
//! - [`images`]: MNIST images as lists of their inked pixels, four neighbours at a time, and
//!   turned around, for each group of pixels the images inked there — 81 % of MNIST's pixels
//!   are 0, and a 0 adds nothing to `x · W1`;
//! - [`net`]: the forward and backward passes, the first layer from those pixels only, in `f32`
//!   or `f64`, with kernels compiled for the widest vector instructions the processor has;
//! - [`conv`]: the book's convolutional network of chapter 7 (`SimpleConvNet`), its forward and
//!   backward passes by `im2col` and matrix products, fused pooling, on one core or two;
//! - [`numerical`]: the numerical gradient recomputing only what each nudge changes;
//! - [`run`] (`train.rs`, `helper.rs`): a training's steps on this path, as a
//!   [`Stepper`](scratchnet_book::train::Stepper) of the book's driver, with a second core
//!   gathering mini-batches ahead and measuring accuracies alongside, and sharing the first
//!   layer's passes when they are large; [`plan`] says which, for a run's shape (`train --json`
//!   prints it as `"engine"`).
//!
//! `scratchnet train` uses it by default (`--grad backprop`, `--dtype f32|f64`).
//!
//! ```
//! use std::ops::ControlFlow;
//! use scratchnet_book::train::{TrainConfig, Training};
//! let mnist = scratchnet_book::Mnist::builtin();
//! let config = TrainConfig { iters: 120, ..TrainConfig::default() };
//! let mut fast = Training::new(config.clone())?;
//! scratchnet_engine::run(&mut fast, &scratchnet_engine::TrainingData::new(&mnist), |_| {
//!     ControlFlow::Continue(())
//! });
//! // the book's layers, step for step: the same losses within rounding (another order of sums)
//! let mut book = Training::new(config)?;
//! book.run(&mnist, |_| ControlFlow::Continue(()));
//! for (a, b) in fast.history.loss.iter().zip(&book.history.loss) {
//!     assert!((a - b).abs() < 1e-12);
//! }
//! # Ok::<(), scratchnet_book::Error>(())
//! ```

#![deny(unsafe_code)]

pub mod conv;
mod conv_train;
mod exp;
mod helper;
pub mod images;
pub mod net;
pub mod numerical;
#[allow(unsafe_code)]
mod simd;
#[cfg(test)]
mod tests;
mod train;

pub use conv_train::run_conv;
pub use train::{OnEngine, Plan, TrainingData, plan, plan_any, run, run_any};

/// `f32` or `f64`, as the engine computes in them: the book's
/// [`Real`](scratchnet_book::real::Real) with an `exp` that vectorises (`exp.rs`).
pub trait Real: scratchnet_book::real::Real + exp::PolynomialExp {}

impl Real for f32 {}
impl Real for f64 {}
