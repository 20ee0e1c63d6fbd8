//! Where MNIST comes from: a directory you name, `$SCRATCHNET_DATA`, the cache directory that
//! `scratchnet fetch-mnist` fills, or the slice of the real MNIST built into scratchnet.
//!
//! [`find_mnist`] is the one lookup that the command line, the examples, the tests and the
//! benchmarks share. In order:
//!
//! 1. a directory given explicitly (`--data DIR`): it must hold the four files;
//! 2. `$SCRATCHNET_DATA`, when set: it must hold them too (a setting that points nowhere is an
//!    error, not a silent fallback);
//! 3. the user's cache directory ([`cache_dir`]), when it holds all four files;
//! 4. otherwise the built-in slice ([`Mnist::builtin`]): the first 5,000 training and the first
//!    1,000 test images of the real MNIST, compiled into the library, so that a fresh machine
//!    can train a network with no download.
//!
//! The slice is carried by `include_bytes!` (964 KB of gzip, a tenth of the release binary)
//! rather than read from the repository at run time: the program then works wherever it is
//! installed or copied, and the bytes cost the build nothing measurable (they are copied, not
//! compiled). Its files, their provenance and checksums are in `crates/book/data/mnist-slice/` of the
//! repository.

use std::fmt;
use std::path::{Path, PathBuf};

use super::mnist::{FILES, Mnist, files_present, split_from_readers};
use crate::Error;
use crate::text::{Lang, Sentence, training};

/// The slice's four gzip IDX files, in the order of [`FILES`].
const BUILTIN_BYTES: [&[u8]; 4] = [
    include_bytes!("../../data/mnist-slice/train-images-idx3-ubyte.gz"),
    include_bytes!("../../data/mnist-slice/train-labels-idx1-ubyte.gz"),
    include_bytes!("../../data/mnist-slice/t10k-images-idx3-ubyte.gz"),
    include_bytes!("../../data/mnist-slice/t10k-labels-idx1-ubyte.gz"),
];

impl Mnist {
    /// The slice of the real MNIST built into scratchnet: its first 5,000 training and first
    /// 1,000 test images, with their labels (MNIST by Yann LeCun, Corinna
    /// Cortes and Christopher J.C. Burges, CC BY-SA 3.0).
    ///
    /// Enough to watch the book's network learn (0.875 test accuracy after the tour's 1,800
    /// iterations, 0.905 after the book's 10,000), and always there: no download, no setting.
    /// It is decompressed at each call (`bench/RESULTS.md` gives the cost): keep the result.
    ///
    /// ```
    /// let m = scratchnet_book::Mnist::builtin();
    /// assert_eq!((m.train.len(), m.test.len()), (5_000, 1_000));
    /// // the first labels are MNIST's own
    /// assert_eq!(m.train.labels.as_slice().unwrap()[..5], [5, 0, 4, 1, 9]);
    /// assert_eq!(m.test.labels.as_slice().unwrap()[..5], [7, 2, 1, 0, 4]);
    /// ```
    #[must_use]
    pub fn builtin() -> Mnist {
        let part = |i: usize| (Path::new(FILES[i]), std::io::Cursor::new(BUILTIN_BYTES[i]));
        let split = |images, labels| {
            split_from_readers(part(images), part(labels))
                .expect("the built-in slice is valid MNIST (tested)")
        };
        Mnist {
            train: split(0, 1),
            test: split(2, 3),
        }
    }
}

/// Where MNIST was found, in the order [`MnistSource::lookup`] tries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MnistSource {
    /// A directory given explicitly (`--data DIR`).
    Given(PathBuf),
    /// The directory in `$SCRATCHNET_DATA`.
    Env(PathBuf),
    /// The user's cache directory ([`cache_dir`]), where `scratchnet fetch-mnist` puts the files.
    Cache(PathBuf),
    /// The slice built into scratchnet ([`Mnist::builtin`]).
    BuiltIn,
}

impl MnistSource {
    /// Where to read MNIST from, with this process's environment: `explicit` if given, else
    /// `$SCRATCHNET_DATA` if set, else the cache directory if it holds the four files, else the
    /// built-in slice. Looks at file names only; [`MnistSource::load`] reads them.
    #[must_use]
    pub fn find(explicit: Option<&Path>) -> MnistSource {
        MnistSource::lookup(explicit, env_dir().as_deref(), &cache_dir())
    }

    /// The lookup order of [`MnistSource::find`], with the environment passed in: `env` is the
    /// value of `$SCRATCHNET_DATA`, `cache` the cache directory.
    ///
    /// ```
    /// use scratchnet_book::data::source::MnistSource;
    /// use std::path::Path;
    ///
    /// let nowhere = Path::new("/no/such/cache");
    /// assert_eq!(MnistSource::lookup(None, None, nowhere), MnistSource::BuiltIn);
    /// assert_eq!(
    ///     MnistSource::lookup(Some(Path::new("d")), Some(Path::new("e")), nowhere),
    ///     MnistSource::Given("d".into())
    /// );
    /// assert_eq!(
    ///     MnistSource::lookup(None, Some(Path::new("e")), nowhere),
    ///     MnistSource::Env("e".into())
    /// );
    /// ```
    #[must_use]
    pub fn lookup(explicit: Option<&Path>, env: Option<&Path>, cache: &Path) -> MnistSource {
        if let Some(dir) = explicit {
            MnistSource::Given(dir.to_path_buf())
        } else if let Some(dir) = env {
            MnistSource::Env(dir.to_path_buf())
        } else if files_present(cache) {
            MnistSource::Cache(cache.to_path_buf())
        } else {
            MnistSource::BuiltIn
        }
    }

    /// The directory, unless the data is built in.
    #[must_use]
    pub fn dir(&self) -> Option<&Path> {
        match self {
            MnistSource::Given(d) | MnistSource::Env(d) | MnistSource::Cache(d) => Some(d),
            MnistSource::BuiltIn => None,
        }
    }

    /// Reads the data.
    ///
    /// # Errors
    /// As [`Mnist::load`], for a directory; the built-in slice always loads. [`find_mnist`]
    /// adds where the directory was named.
    pub fn load(&self) -> Result<Mnist, Error> {
        match self.dir() {
            Some(dir) => Mnist::load(dir),
            None => Ok(Mnist::builtin()),
        }
    }
}

/// Where the data comes from, for a message: `DIR (--data)`, `DIR ($SCRATCHNET_DATA)`,
/// ``DIR (the cache `scratchnet fetch-mnist` fills)`` or `the built-in slice`.
impl fmt::Display for MnistSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl MnistSource {
    /// Where the images came from, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        self.sentence().say(lang)
    }

    /// Where the images came from, to be said in either language.
    pub fn sentence(&self) -> Sentence {
        let (dir, why) = match self {
            MnistSource::BuiltIn => return training::MNIST_BUILT_IN_NAME.with(),
            MnistSource::Given(d) => (d, "--data"),
            MnistSource::Env(d) => (d, "$SCRATCHNET_DATA"),
            MnistSource::Cache(d) => return training::MNIST_CACHE.with().arg("dir", d.display()),
        };
        training::MNIST_DIR
            .with()
            .arg("dir", dir.display())
            .arg("why", why)
    }
}

/// MNIST as [`find_mnist`] found it, and where from.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundMnist {
    /// The images and labels.
    pub data: Mnist,
    /// Where they came from.
    pub source: MnistSource,
}

impl FoundMnist {
    /// Whether this is the whole of MNIST: 60,000 training and 10,000 test images.
    #[must_use]
    pub fn is_full(&self) -> bool {
        (self.data.train.len(), self.data.test.len()) == (60_000, 10_000)
    }
}

/// One line for the user: how many images, and from where.
impl fmt::Display for FoundMnist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl FoundMnist {
    /// Which MNIST was found, how many images it has and where from, in `lang`.
    ///
    /// ```
    /// use scratchnet_book::text::Lang;
    /// let found = scratchnet_book::find_mnist(None)?;
    /// assert!(found.say(Lang::Ko).starts_with("MNIST: "));
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    pub fn say(&self, lang: Lang) -> String {
        let (train, test) = (
            thousands(self.data.train.len()),
            thousands(self.data.test.len()),
        );
        match &self.source {
            MnistSource::BuiltIn => {
                training::MNIST_BUILT_IN.say(lang, &[("train", &train), ("test", &test)])
            }
            source => training::MNIST_FROM.say(
                lang,
                &[
                    ("train", &train),
                    ("test", &test),
                    ("source", &source.say(lang)),
                ],
            ),
        }
    }
}

/// Finds MNIST in the order of [`MnistSource::find`] and reads it.
///
/// ```
/// // with no --data, no $SCRATCHNET_DATA and an empty cache, this is the built-in slice
/// let found = scratchnet_book::find_mnist(None)?;
/// assert!(found.data.train.len() >= 5_000);
/// println!("{found}"); // MNIST: ... images from ...
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
///
/// # Errors
/// [`Error::MnistFrom`], naming where the directory was named and wrapping [`Mnist::load`]'s
/// error, when a directory was given or set in `$SCRATCHNET_DATA` and does not hold valid MNIST
/// files, or when the cache directory's files are damaged (a forgotten `$SCRATCHNET_DATA` is
/// then plain to see).
pub fn find_mnist(explicit: Option<&Path>) -> Result<FoundMnist, Error> {
    let source = MnistSource::find(explicit);
    match source.load() {
        Ok(data) => Ok(FoundMnist { data, source }),
        Err(cause) => Err(Error::MnistFrom {
            from: source,
            cause: Box::new(cause),
        }),
    }
}

/// Where `scratchnet fetch-mnist` puts the files: `explicit` if given, else `$SCRATCHNET_DATA`,
/// else the cache directory ([`cache_dir`]).
pub fn download_dir(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(env_dir)
        .unwrap_or_else(cache_dir)
}

/// The user's cache directory for MNIST: `$XDG_CACHE_HOME/scratchnet/mnist`, or
/// `~/.cache/scratchnet/mnist`.
pub fn cache_dir() -> PathBuf {
    let non_empty = |name| std::env::var_os(name).filter(|d| !d.is_empty());
    non_empty("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"))
        .join("scratchnet")
        .join("mnist")
}

/// `$SCRATCHNET_DATA`, when set and not empty.
fn env_dir() -> Option<PathBuf> {
    std::env::var_os("SCRATCHNET_DATA")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// `60000` as `60,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5_000), "5,000");
        assert_eq!(thousands(60_000), "60,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
