//! The one error type of the library, for what comes from outside: settings, weights, files.
//!
//! Pure math on well-formed arrays does not return `Result`; it panics on a programming mistake
//! (a shape mismatch), as `ndarray` does. What a user can get wrong — a learning rate, a starting
//! point of the wrong dimension, a plot path — is an [`Error`] whose message names the problem and
//! the fix.

use std::path::PathBuf;

/// Everything that can go wrong in scratchnet when the input comes from a user.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A learning rate that is zero, negative, infinite or NaN.
    #[error("learning rate must be a positive finite number, got {lr}")]
    LearningRate {
        /// The rejected value.
        lr: f64,
    },

    /// A number that must be finite is NaN or infinite.
    #[error("{what} must be finite, got {value}")]
    NotFinite {
        /// What the number is (`"starting point"`, `"weight"`, ...).
        what: &'static str,
        /// The rejected value.
        value: f64,
    },

    /// A point whose dimension does not fit the function.
    #[error("{function} takes a point of dimension {expected}, got {got}")]
    Dimension {
        /// The function.
        function: crate::Landscape,
        /// Its dimension.
        expected: usize,
        /// The dimension that was given.
        got: usize,
    },

    /// An array of the wrong shape.
    #[error("{what} must have shape {expected:?}, got {got:?}")]
    Shape {
        /// What the array is (`"simpleNet weights W"`, ...).
        what: &'static str,
        /// The shape required.
        expected: Vec<usize>,
        /// The shape given.
        got: Vec<usize>,
    },

    /// A class index outside `0..classes`.
    #[error("class index {index} is out of range: there are {classes} classes (0..={max})", max = classes.saturating_sub(1))]
    ClassIndex {
        /// The rejected index.
        index: usize,
        /// The number of classes.
        classes: usize,
    },

    /// A data file is missing.
    #[error(
        "{file} is not in {dir}: get MNIST with `scratchnet fetch-mnist --dir {dir}`, or point \
         --data (or $SCRATCHNET_DATA) at the directory that holds the four files; with neither, \
         scratchnet uses the cache directory or its built-in slice"
    )]
    DataMissing {
        /// The directory searched.
        dir: PathBuf,
        /// The file not found there.
        file: String,
    },

    /// MNIST could not be read from where [`crate::find_mnist`] looked: the error says where
    /// the directory was named (`--data`, `$SCRATCHNET_DATA`, the cache).
    #[error("reading MNIST from {from}: {cause}")]
    MnistFrom {
        /// Where the directory was named.
        from: crate::data::source::MnistSource,
        /// What went wrong there.
        cause: Box<Error>,
    },

    /// A data file is unreadable or malformed.
    #[error("{path}: {problem}", path = path.display())]
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },

    /// A setting that cannot work (an unknown name, a value out of range).
    #[error("{what}: {problem}")]
    Config {
        /// Which setting.
        what: &'static str,
        /// What is wrong and what would work.
        problem: String,
    },

    /// A model or checkpoint file that cannot be written or read.
    #[error("{path}: {problem}", path = path.display())]
    Model {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },

    /// A download failed on every mirror.
    #[error("cannot download {file}: {reason}")]
    Fetch {
        /// The file.
        file: String,
        /// What each mirror did.
        reason: String,
    },

    /// A picture could not be drawn or written. No file is left at `path`.
    #[error("cannot write the picture {path}: {reason}", path = path.display())]
    Plot {
        /// Where the picture was to go.
        path: PathBuf,
        /// What went wrong and what to do.
        reason: String,
    },
}
