//! # scratchnet
//!
//! How a neural network learns, from scratch and with real numbers: chapter 4 of
//! *Deep Learning from Scratch* (Saito Goki; 밑바닥부터 시작하는 딥러닝) in Rust, under the book's
//! names and with the book's numbers — and the backpropagation of chapter 5 and the update rules
//! of chapter 6 that make learning on MNIST practical.
//!
//! ```
//! use ndarray::array;
//! use scratchnet::{
//!     cross_entropy_error, gradient_descent, numerical_gradient, softmax, DiagnosisKind,
//! };
//!
//! // softmax turns scores into probabilities; the cross-entropy error scores them against
//! // the correct class.
//! let y = softmax(&array![0.3, 2.9, 4.0]);
//! approx::assert_abs_diff_eq!(y.sum(), 1.0, epsilon = 1e-15);
//! let loss = cross_entropy_error(&y, 2);
//! approx::assert_abs_diff_eq!(loss, 0.3057, epsilon = 1e-4);
//!
//! // the numerical gradient of f(x) = x0² + x1² at (3, 4) is (6, 8)
//! let f = |x: &ndarray::Array1<f64>| x[0] * x[0] + x[1] * x[1];
//! let g = numerical_gradient(f, &mut array![3.0, 4.0]);
//! approx::assert_abs_diff_eq!(g, array![6.0, 8.0], epsilon = 1e-9);
//!
//! // following it downhill ends near the minimum at the origin
//! let run = gradient_descent(f, array![-3.0, 4.0], 0.1, 100)?;
//! assert!(run.final_point().iter().all(|v| v.abs() < 1e-9));
//! assert_eq!(run.diagnosis.kind, DiagnosisKind::Converged);
//! # Ok::<(), scratchnet::Error>(())
//! ```
//!
//! ## Where the book's concepts live
//!
//! | book | scratchnet |
//! | --- | --- |
//! | `common/functions.py` | [`functions`]: [`sigmoid`], [`relu`], [`softmax`], [`cross_entropy_error`], ... |
//! | `common/gradient.py` | [`gradient`]: [`numerical_diff`], [`numerical_gradient`] |
//! | `ch04/gradient_method.py` | [`descent`]: [`gradient_descent`], the book's loop written out; how it ended: [`descent::diagnosis`] |
//! | `function_1`, `function_2` | [`Landscape`]; a function typed as text: [`formula::Formula`] |
//! | `ch04/gradient_simplenet.py` | [`net::simple`]: [`SimpleNet`] |
//! | `dataset/mnist.py` | [`data::mnist`]: [`load_mnist`], [`Mnist`]; where it is found, or the slice built in: [`data::source`], [`find_mnist`]; downloading it: `data::fetch` (feature `fetch`) |
//! | `common/layers.py` | [`layers`]: `Affine`, `Sigmoid`, `Relu`, `SoftmaxWithLoss` |
//! | `ch04/two_layer_net.py`, `ch05/two_layer_net.py` | [`net::two_layer`]: [`TwoLayerNet`], [`Params`] |
//! | `ch04/train_neuralnet.py` | [`train`]: [`train::train_neuralnet`], the book's loop written out; [`train::Training`] the same with checkpoints, stopping and the fast path |
//! | the same network, computed faster (81 % of the pixels are 0) | `scratchnet::fast` (not part of the teaching API), in [`real::Dtype`] `f32` or `f64` |
//! | `common/optimizer.py` | [`optim`]: [`Optimizer`], [`OptimizerConfig`] |
//! | `common/util.py` | [`util`]: `smooth_curve` |
//! | `print(x)` of a NumPy array | [`numpy_style`]: the same text |
//! | saving weights | [`net::file`] (safetensors), [`atomic`] |
//! | the figures | `plot` (feature `plot`) |
//!
//! ## Features
//!
//! The core above needs none of the command line's, the pictures' or the download's crates.
//! Features, all on by default: `plot` (the figures), `fetch` (MNIST over HTTPS), `cli` (the
//! `scratchnet` command, with both). `default-features = false` gives the core alone.
//!
//! ## Conventions
//!
//! Shapes are written with letters: `N` samples in a batch, `D` inputs, `C` classes, `n` the
//! dimension of a point. Pure math on well-formed arrays does not return `Result` and panics on a
//! programming mistake such as a shape mismatch (`# Panics` says when); what comes from a user
//! (a learning rate, a point, weights, a file path) returns [`Error`]. The library never prints
//! and keeps no global state: every random draw comes from a seed you pass. It is safe Rust:
//! `unsafe` is denied everywhere but the one module that runs the fast path's kernels with the
//! processor's vector instructions (AVX2 or AVX-512), whose kernels are tested to give the same
//! bits as the plain build.

#![deny(unsafe_code)]

pub mod atomic;
pub mod data;
pub mod descent;
mod error;
#[doc(hidden)]
pub mod fast;
pub mod formula;
pub mod functions;
pub mod gradient;
pub mod landscape;
pub mod layers;
mod names;
pub mod net;
pub mod numpy_style;
pub mod optim;
#[cfg(feature = "plot")]
pub mod plot;
pub mod real;
pub mod train;
pub mod util;

/// The n-dimensional arrays every function here takes and returns, re-exported so that a crate
/// depending on scratchnet alone can name them: `use scratchnet::ndarray::array;`.
pub use ndarray;

pub use data::mnist::{Mnist, load_mnist};
pub use data::source::find_mnist;
pub use descent::{Descent, Diagnosis, DiagnosisKind, gradient_descent};
pub use error::Error;
pub use functions::{
    CROSS_ENTROPY_DELTA, Targets, argmax, cross_entropy_error, identity_function, relu, relu_grad,
    sigmoid, sigmoid_grad, softmax, step_function, sum_squared_error,
};
pub use gradient::{
    GradientField, gradient_field, numerical_diff, numerical_gradient, numerical_gradient_wrt,
};
pub use landscape::Landscape;
pub use net::simple::SimpleNet;
pub use net::two_layer::{Activation, Params, TwoLayerNet};
pub use optim::{Optimizer, OptimizerConfig, OptimizerKind};

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
