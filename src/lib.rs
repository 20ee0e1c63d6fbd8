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
//! | `common/layers.py` | [`layers`]: the [`layers::Layer`] trait (`forward(x, train)`, `backward(dout)`); `Affine`, `Sigmoid`, `Relu`, `SoftmaxWithLoss`, `Dropout`, `BatchNormalization` |
//! | a network's `OrderedDict` of layers | [`net::Layers`]; what every network is: [`net::Network`] |
//! | `ch05/layer_naive.py`, `ch05/buy_apple.py`, `ch05/buy_apple_orange.py` | [`graph`]: `MulLayer`, `AddLayer`, `buy_apple`, `buy_apple_orange`, the computational graph to draw |
//! | `ch04/two_layer_net.py`, `ch05/two_layer_net.py` | [`net::two_layer`]: [`TwoLayerNet`], [`Params`] |
//! | `common/multi_layer_net.py` | [`net::multi_layer`]: `MultiLayerNet`, any number of hidden layers, with weight decay |
//! | `common/multi_layer_net_extend.py` | [`net::multi_layer_extend`]: `MultiLayerNetExtend`, with Batch Normalization and Dropout; a training pass of it: [`net::Network::training_gradient`] |
//! | `ch04/train_neuralnet.py` | [`train`]: [`train::train_neuralnet`], the book's loop written out; [`train::Training`] the same with checkpoints, stopping and a guard against divergence |
//! | the same network, computed faster (81 % of the pixels are 0) | `engine` (feature `engine`): `engine::run`, in [`real::Dtype`] `f32` or `f64` |
//! | `common/optimizer.py` | [`optim`]: [`Optimizer`], [`OptimizerConfig`] |
//! | `common/util.py` | [`util`]: `smooth_curve` |
//! | `ch06/weight_init_activation_histogram.py`, `weight_init_compare.py`, `batch_norm_test.py` | [`experiments`]: [`experiments::weight_init_activation_histogram`], [`experiments::weight_init_compare`], [`experiments::batch_norm_test`] |
//! | `print(x)` of a NumPy array | [`numpy_style`]: the same text |
//! | saving weights | [`net::file`] (safetensors), [`atomic`] |
//! | the figures | `plot` (feature `plot`) |
//!
//! ## The crates underneath
//!
//! This crate is a facade: it re-exports the book's crate (`scratchnet-book`, everything above
//! but the engine and the pictures) at its root, and the others as modules. The crate graph is
//! the architecture, each arrow a dependency the compiler keeps one way:
//!
//! ```text
//! scratchnet-book  ←  scratchnet-engine  ←  scratchnet-serve  ←  scratchnet-cli
//!        ↑  ↖_____________ scratchnet-plot  ←__________________________|
//!        └──────── scratchnet (this facade: book, engine, plot; the binary runs the cli)
//! ```
//!
//! ## Features
//!
//! The book's crate needs none of the command line's, the pictures' or the download's crates.
//! Features, all on by default: `engine` (the same networks computed faster), `plot` (the
//! figures), `fetch` (MNIST over HTTPS), `cli` (the `scratchnet` command, with all three) and
//! `serve` (its playground). `default-features = false` gives the book's crate alone.
//!
//! ## Conventions
//!
//! Shapes are written with letters: `N` samples in a batch, `D` inputs, `C` classes, `n` the
//! dimension of a point. Pure math on well-formed arrays does not return `Result` and panics on a
//! programming mistake such as a shape mismatch (`# Panics` says when); what comes from a user
//! (a learning rate, a point, weights, a file path) returns [`Error`]. The library never prints
//! and keeps no global state: every random draw comes from a seed you pass. It is safe Rust:
//! `unsafe` is denied everywhere but the one module of the engine that runs its kernels with the
//! processor's vector instructions (AVX2 or AVX-512), whose kernels are tested to give the same
//! bits as the plain build.

#![deny(unsafe_code)]

pub use scratchnet_book::*;

/// The engine: the book's networks computed faster (the crate `scratchnet-engine`).
#[cfg(feature = "engine")]
pub use scratchnet_engine as engine;

/// The book's figures (the crate `scratchnet-plot`).
#[cfg(feature = "plot")]
pub use scratchnet_plot as plot;

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The guide's pages: any Rust example in them is compiled and run as a doc test.
#[cfg(doctest)]
mod guide {
    #[doc = include_str!("../guide/src/introduction.md")]
    struct Introduction;
    #[doc = include_str!("../guide/src/quick-start.md")]
    struct QuickStart;
    #[doc = include_str!("../guide/src/commands.md")]
    struct Commands;
    #[doc = include_str!("../guide/src/book.md")]
    struct Book;
    #[doc = include_str!("../guide/src/library.md")]
    struct Library;
    #[doc = include_str!("../guide/src/notebooks.md")]
    struct Notebooks;
    #[doc = include_str!("../guide/src/playground.md")]
    struct Playground;
    #[doc = include_str!("../guide/src/speed.md")]
    struct Speed;
    #[doc = include_str!("../guide/src/testing.md")]
    struct Testing;
}
