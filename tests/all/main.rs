//! scratchnet's integration tests, one module per file, compiled into one test binary: linked
//! once, and its tests share both cores (cargo runs separate test binaries one after another).
//!
//! | module | what it proves |
//! | --- | --- |
//! | [`architecture`] | each crate depends only on the crates below it |
//! | [`book_parity`] | the book's numbers, from its own code run under NumPy |
//! | [`optimizers`] | the book's update rules, bit for bit |
//! | [`properties`] | identities of softmax, cross-entropy and the numerical gradient (proptest) |
//! | [`networks`] | any network of the book's layers trains through the one driver |
//! | [`mnist`] | the loader's errors, where MNIST is looked for, training on the built-in slice |
//! | [`full_mnist`] | the whole of MNIST: the book's accuracy (skipped with a line when absent, outside CI) |
//! | [`fast_path`] | the fast training path against the book's dense layers |
//! | [`conv`] | chapter 7's convolutional network on the engine against the book's layers, and end to end |
//! | [`cli`], [`train_cli`] | the `scratchnet` binary end to end, as on a fresh machine |
//! | [`fetch`] | `fetch-mnist` against a local server |
//! | [`safetensors_interop`] | model files that Python's safetensors reads |
//! | [`examples`] | every example prints what its opening comment promises |
//! | [`korean`] | the guide's glossary is the catalogue's; Korean pictures have every letter they draw |
//! | `serve` | `scratchnet serve`: its API against the command line and the library, bad and fuzzed requests, a training streamed, stopped, resumed and checkpointed on Ctrl-C |
//! | `serve_safety` | the server as safe as a real one: other pages and hosts refused, stalled clients, oversized work, a full queue, memory given back, a run saved at exit |
//!
//! A new file here needs its `mod` line below.

mod common;

mod architecture;
mod book_parity;
mod checkpoints;
mod cli;
mod conv;
mod examples;
mod fast_path;
mod fetch;
mod full_mnist;
mod hardening;
mod korean;
mod mnist;
mod networks;
mod optimizers;
mod properties;
mod readme;
mod safetensors_interop;
#[cfg(feature = "serve")]
mod serve;
#[cfg(feature = "serve")]
mod serve_safety;
mod train_cli;
