//! # scratchnet-book
//!
//! The book's library: *Deep Learning from Scratch* (Saito Goki; 밑바닥부터 시작하는 딥러닝) in
//! Rust, under the book's names and with the book's numbers — its functions, gradients, descent,
//! layers, networks, update rules, training loop and MNIST. It is the bottom of scratchnet's
//! crate graph: it depends on no other crate of the project, and the engine, the pictures and
//! the program are built on it. A learner depends on the facade, `scratchnet`, which re-exports
//! this crate at its root (the table of where each of the book's files lives is there).
//!
//! ```
//! use ndarray::array;
//! use scratchnet_book::{
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
//! # Ok::<(), scratchnet_book::Error>(())
//! ```
//!
//! ## Conventions
//!
//! Shapes are written with letters: `N` samples in a batch, `D` inputs, `C` classes, `n` the
//! dimension of a point. Pure math on well-formed arrays does not return `Result` and panics on a
//! programming mistake such as a shape mismatch (`# Panics` says when); what comes from a user
//! (a learning rate, a point, weights, a file path) returns [`Error`]. The library never prints
//! and keeps no global state: every random draw comes from a seed you pass. It is safe Rust:
//! `unsafe` is denied.

#![deny(unsafe_code)]

pub mod atomic;
pub mod data;
pub mod descent;
pub mod error;
pub mod experiments;
pub mod formula;
pub mod functions;
pub mod gradient;
pub mod graph;
pub mod im2col;
pub mod landscape;
pub mod layers;
mod names;
pub mod net;
pub mod numpy_style;
pub mod optim;
pub mod random;
pub mod real;
#[cfg(test)]
mod reference;
pub mod text;
pub mod train;
pub mod util;

/// The n-dimensional arrays every function here takes and returns, re-exported so that a crate
/// depending on scratchnet alone can name them: `use scratchnet_book::ndarray::array;`.
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
pub use net::SavedNetwork;
pub use net::simple::SimpleNet;
pub use net::two_layer::{Activation, Params, TwoLayerNet};
pub use optim::{Optimizer, OptimizerConfig, OptimizerKind};
