//! The one error type of the library, for what comes from outside: settings, weights, files.
//!
//! Pure math on well-formed arrays does not return `Result`; it panics on a programming mistake
//! (a shape mismatch), as `ndarray` does. What a user can get wrong — a learning rate, a starting
//! point of the wrong dimension, a plot path — is an [`Error`] whose message names the problem and
//! the fix.

use std::path::{Path, PathBuf};

use crate::text::{Lang, Sentence, errors};

/// What caused an [`Error`]: the underlying I/O, JSON, gzip or safetensors error, kept as its
/// [`source`](std::error::Error::source) so that a program can print the whole chain.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

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
    #[error("{file} is not in {dir} (nor the same name without .gz)", dir = dir.display())]
    DataMissing {
        /// The directory searched.
        dir: PathBuf,
        /// The file not found there.
        file: String,
    },

    /// MNIST could not be read from where [`crate::find_mnist`] looked: the error says where
    /// the directory was named (`--data`, `$SCRATCHNET_DATA`, the cache).
    #[error("reading MNIST from {from}")]
    MnistFrom {
        /// Where the directory was named.
        from: crate::data::source::MnistSource,
        /// What went wrong there.
        #[source]
        cause: Box<Error>,
    },

    /// A data file is unreadable or malformed.
    #[error("{path}: {problem}", path = path.display())]
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
        /// The error underneath, if one caused it.
        #[source]
        cause: Option<Cause>,
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
        /// The error underneath, if one caused it.
        #[source]
        cause: Option<Cause>,
    },

    /// A checkpoint directory that cannot be used: it cannot be made or locked, another
    /// process is writing into it, or it holds another run's checkpoint.
    #[error("{problem}")]
    CheckpointDir {
        /// The directory.
        path: PathBuf,
        /// What is wrong and what to do, naming the directory.
        problem: String,
        /// The error underneath, if one caused it.
        #[source]
        cause: Option<Cause>,
    },

    /// The safetensors library refused to encode a network's tensors (a bug: report it).
    #[error("cannot encode the network as safetensors")]
    Encode(#[source] safetensors::SafeTensorError),

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
        /// The error underneath, if one caused it.
        #[source]
        cause: Option<Cause>,
    },

    /// A picture could not be drawn (in memory, before any file is written).
    #[error("cannot draw the picture: {reason}")]
    Draw {
        /// What went wrong.
        reason: String,
        /// The error underneath, if one caused it.
        #[source]
        cause: Option<Cause>,
    },
}

impl Error {
    /// What went wrong, to be said in either language ([`Error::say`]): the learning rate,
    /// the dimension, the class index and the missing data in the catalogue's words; the
    /// others with the library's account of the problem, which is English.
    pub fn sentence(&self) -> Sentence {
        match self {
            Error::LearningRate { lr } => errors::LEARNING_RATE.with().arg("lr", lr),
            Error::Dimension {
                function,
                expected,
                got,
            } => errors::DIMENSION
                .with()
                .arg("function", function)
                .arg("expected", expected)
                .arg("got", got),
            Error::ClassIndex { index, classes } => errors::CLASS_INDEX
                .with()
                .arg("index", index)
                .arg("classes", classes)
                .arg("max", classes.saturating_sub(1)),
            Error::DataMissing { dir, file } => errors::DATA_MISSING
                .with()
                .arg("file", file)
                .arg("dir", dir.display()),
            Error::MnistFrom { from, cause } => errors::MNIST_FROM
                .with()
                .said("from", from.sentence())
                .said("cause", cause.sentence()),
            Error::Config {
                what: "formula",
                problem,
            } => errors::FORMULA.with().arg("problem", problem),
            Error::Config { what, problem } => errors::SETTING
                .with()
                .arg("what", what)
                .arg("problem", problem),
            other => errors::ENGLISH_ONLY.with().arg("message", other),
        }
    }

    /// What went wrong, in `lang` (the English is the error's `Display`).
    ///
    /// ```
    /// use scratchnet_book::{text::Lang, Error};
    /// let e = Error::LearningRate { lr: -1.0 };
    /// assert_eq!(e.say(Lang::En), e.to_string());
    /// assert_eq!(e.say(Lang::Ko), "학습률은 0보다 큰 유한한 수여야 합니다. 받은 값은 -1입니다.");
    /// ```
    pub fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ko => self.sentence().say(lang),
        }
    }

    /// [`Error::Draw`], from the plotting library's or the PNG encoder's error (for the
    /// pictures' crate).
    pub fn draw(cause: impl std::fmt::Display) -> Self {
        Error::Draw {
            reason: "the drawing failed".into(),
            cause: Some(cause.to_string().into()),
        }
    }

    /// [`Error::Data`] about `path`, with no cause underneath.
    pub(crate) fn data(path: &Path, problem: impl Into<String>) -> Self {
        Error::Data {
            path: path.to_path_buf(),
            problem: problem.into(),
            cause: None,
        }
    }

    /// [`Error::Data`] about `path`, caused by `cause`.
    pub(crate) fn data_because(path: &Path, problem: &str, cause: impl Into<Cause>) -> Self {
        Error::Data {
            path: path.to_path_buf(),
            problem: problem.into(),
            cause: Some(cause.into()),
        }
    }

    /// [`Error::Model`] about `path`, with no cause underneath.
    pub(crate) fn model(path: &Path, problem: impl Into<String>) -> Self {
        Error::Model {
            path: path.to_path_buf(),
            problem: problem.into(),
            cause: None,
        }
    }

    /// [`Error::Model`] about `path`, caused by `cause`.
    pub(crate) fn model_because(path: &Path, problem: &str, cause: impl Into<Cause>) -> Self {
        Error::Model {
            path: path.to_path_buf(),
            problem: problem.into(),
            cause: Some(cause.into()),
        }
    }
}

/// A failure as one JSON document, `{"error": {"kind", "message"}}`: what a command prints with
/// `--json` and what the playground's API answers, one definition for both.
///
/// ```
/// use scratchnet_book::error::ErrorDocument;
/// let doc = ErrorDocument::new("config", "learning rate must be positive");
/// assert_eq!(
///     serde_json::to_string(&doc).unwrap(),
///     r#"{"error":{"kind":"config","message":"learning rate must be positive"}}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ErrorDocument {
    /// The failure.
    pub error: ErrorBody,
}

/// What [`ErrorDocument`] says of a failure.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ErrorBody {
    /// What kind of failure (`usage`, `config`, `data`, `not-found`, ...).
    pub kind: String,
    /// The message, with its causes.
    pub message: String,
}

impl ErrorDocument {
    /// The document of a failure of `kind`, saying `message`.
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorDocument {
            error: ErrorBody {
                kind: kind.into(),
                message: message.into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::SavedNetwork as _;
    use std::error::Error as _;

    /// What went wrong underneath stays reachable as the source, not only as text.
    #[test]
    fn io_json_and_safetensors_errors_are_kept_as_sources() {
        let dir = tempfile::tempdir().unwrap();
        let missing = crate::TwoLayerNet::load(&dir.path().join("no.safetensors")).unwrap_err();
        let io = missing
            .source()
            .and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(
            io.map(|e| e.kind()),
            Some(std::io::ErrorKind::NotFound),
            "{missing}"
        );

        // a header length of 2, then a header that is not JSON
        let junk = dir.path().join("junk.safetensors");
        std::fs::write(&junk, b"\x02\0\0\0\0\0\0\0{x").unwrap();
        let bad = crate::TwoLayerNet::load(&junk).unwrap_err();
        assert!(
            bad.source().is_some_and(|s| s.is::<serde_json::Error>()),
            "{bad}"
        );
        assert_eq!(
            bad.to_string(),
            format!(
                "{}: is not a safetensors file: its header is not JSON",
                junk.display()
            )
        );
        // a header that is JSON but not safetensors': the safetensors library says why
        let header = br#"{"W1":{"dtype":"F64","shape":[1],"data_offsets":[0,9]}}"#;
        let mut file = (header.len() as u64).to_le_bytes().to_vec();
        file.extend(header);
        file.extend([0; 9]);
        std::fs::write(&junk, file).unwrap();
        let bad = crate::TwoLayerNet::load(&junk).unwrap_err();
        assert!(
            bad.source()
                .is_some_and(|s| s.is::<safetensors::SafeTensorError>()),
            "{bad}"
        );

        for name in crate::data::mnist::FILES {
            // gzip's magic bytes, then nothing a gzip reader can follow
            std::fs::write(dir.path().join(format!("{name}.gz")), [0x1f, 0x8b, 1, 2, 3]).unwrap();
        }
        let gzip = crate::Mnist::load(dir.path()).unwrap_err();
        assert!(
            gzip.source().is_some_and(|s| s.is::<std::io::Error>()),
            "{gzip:?}"
        );
    }
}
