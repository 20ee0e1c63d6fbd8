//! Data sets: MNIST, the handwritten digits of the book's chapters 3 to 8.

#[cfg(feature = "fetch")]
pub mod fetch;
pub mod handwriting;
pub mod mnist;
pub mod source;
mod unpacked;
