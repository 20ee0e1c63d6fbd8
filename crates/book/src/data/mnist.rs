//! Loading MNIST from its four IDX files (the book's `dataset/mnist.py`).
//!
//! The IDX format: a big-endian header — a magic number (`0x00000803` for images,
//! `0x00000801` for labels), the number of records, and for images the rows and columns — then
//! one unsigned byte per pixel or label. Files may be gzip-compressed (`.gz`) or raw.
//!
//! Everything is validated before it is trusted: magic numbers, dimensions, the file's length
//! against its header (without ever allocating what a header claims before the bytes are
//! there), image and label counts agreeing, labels in `0..=9`. Each error names the file.
//!
//! The images are kept once, as bytes (`N × 784`, 47 MB for the training set); batches are
//! converted to floats when they are used.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use ndarray::{Array1, Array2, Array4, ArrayD, Axis, IxDyn};

use super::unpacked::Unpacked;
use crate::Error;

/// Pixels per image: 28 × 28.
pub const PIXELS: usize = 28 * 28;
/// The ten digits.
pub const CLASSES: usize = 10;

/// The four files, as the book names them: `(training images, training labels, test images,
/// test labels)`.
pub const FILES: [&str; 4] = [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
];

/// The most images (or labels) a file may claim: 1,048,576, 822 MB of pixels. MNIST's files
/// hold 60,000 and 10,000, EMNIST's largest 697,932. A forged header claiming more is refused
/// before anything is inflated, so that reading a file never takes more memory than this
/// (the buffer grows with the bytes really there, up to what the header claims).
pub const MAX_RECORDS: usize = 1 << 20;

const IMAGES_MAGIC: u32 = 0x0000_0803;
const LABELS_MAGIC: u32 = 0x0000_0801;

/// How a pixel `p` (0 to 255) becomes a number in `[0, 1]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PixelScale {
    /// `p / 255` in `f64`: scratchnet's, the nearest double to the exact value.
    #[default]
    F64,
    /// As the book's `load_mnist(normalize=True)`: `float32(p) / 255` in `float32`, then
    /// widened to `f64` — what NumPy multiplies when the book's `float32` images meet its
    /// `float64` weights. The same to about 7 digits, not to the bit.
    F32,
}

impl PixelScale {
    /// The pixel `p` scaled.
    #[must_use]
    pub fn of(self, p: u8) -> f64 {
        match self {
            PixelScale::F64 => f64::from(p) / 255.0,
            PixelScale::F32 => f64::from(f32::from(p) / 255.0),
        }
    }
}

/// One part of MNIST: images and their labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// Pixels, shape `(N, 784)`, row by row, 0 (white) to 255 (black).
    pub images: Array2<u8>,
    /// The digit each image shows, shape `(N,)`, each in `0..=9`.
    pub labels: Array1<u8>,
}

impl Split {
    /// The number of images.
    #[must_use]
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no images.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Rows `indices` of the images scaled to `[0, 1]` (pixel / 255), shape `(B, 784)`, and their
    /// labels: a mini-batch.
    ///
    /// # Panics
    /// If an index is out of range.
    #[must_use]
    pub fn batch(&self, indices: &[usize]) -> (Array2<f64>, Vec<usize>) {
        self.batch_scaled(indices, PixelScale::F64)
    }

    /// [`batch`](Split::batch) with the pixels scaled as `scale` says.
    ///
    /// ```
    /// use scratchnet_book::data::mnist::PixelScale;
    /// let mnist = scratchnet_book::Mnist::builtin();
    /// let (ours, _) = mnist.train.batch_scaled(&[0], PixelScale::F64);
    /// let (book, _) = mnist.train.batch_scaled(&[0], PixelScale::F32);
    /// // pixel 152 of the first image is 3: 3/255 differs in the last bits
    /// assert_eq!(ours[[0, 152]], 3.0 / 255.0);
    /// assert_eq!(book[[0, 152]], f64::from(3.0f32 / 255.0));
    /// assert_ne!(ours[[0, 152]], book[[0, 152]]);
    /// ```
    ///
    /// # Panics
    /// If an index is out of range.
    #[must_use]
    pub fn batch_scaled(&self, indices: &[usize], scale: PixelScale) -> (Array2<f64>, Vec<usize>) {
        let mut x = Array2::zeros((indices.len(), PIXELS));
        for (mut row, &i) in x.rows_mut().into_iter().zip(indices) {
            row.zip_mut_with(&self.images.row(i), |v, &p| *v = scale.of(p));
        }
        let t = indices
            .iter()
            .map(|&i| usize::from(self.labels[i]))
            .collect();
        (x, t)
    }

    /// The first `n` images and their labels (all of them if there are fewer), as the book's
    /// `x_train[:n], t_train[:n]`.
    #[must_use]
    pub fn first(&self, n: usize) -> Split {
        let n = n.min(self.len());
        Split {
            images: self.images.slice_axis(Axis(0), (0..n).into()).to_owned(),
            labels: self.labels.slice_axis(Axis(0), (0..n).into()).to_owned(),
        }
    }

    /// Images `range` scaled to `[0, 1]`, and their labels.
    #[must_use]
    pub fn slice(&self, range: std::ops::Range<usize>) -> (Array2<f64>, Vec<usize>) {
        let x = self
            .images
            .slice_axis(Axis(0), range.clone().into())
            .mapv(|p| f64::from(p) / 255.0);
        let t = self
            .labels
            .slice_axis(Axis(0), range.into())
            .iter()
            .map(|&l| usize::from(l))
            .collect();
        (x, t)
    }

    /// The images in the book's layout: as `u8` or scaled to `[0, 1]` (`normalize`), flat
    /// `(N, 784)` or `(N, 1, 28, 28)` (`flatten`).
    #[must_use]
    pub fn images_as(&self, normalize: bool, flatten: bool) -> Pixels {
        let n = self.len();
        if normalize {
            let x = self.images.mapv(|p| f64::from(p) / 255.0);
            Pixels::F64(if flatten {
                x.into_dyn()
            } else {
                reshape4(x, n)
            })
        } else {
            let x = self.images.clone();
            Pixels::U8(if flatten {
                x.into_dyn()
            } else {
                reshape4(x, n)
            })
        }
    }

    /// The labels in the book's layout: class indices, or one-hot rows of shape `(N, 10)`.
    #[must_use]
    pub fn labels_as(&self, one_hot: bool) -> Labels {
        if one_hot {
            let mut t = Array2::zeros((self.len(), CLASSES));
            for (mut row, &l) in t.axis_iter_mut(Axis(0)).zip(&self.labels) {
                row[usize::from(l)] = 1.0;
            }
            Labels::OneHot(t)
        } else {
            Labels::Index(self.labels.clone())
        }
    }
}

fn reshape4<T: Clone>(x: Array2<T>, n: usize) -> ArrayD<T> {
    let x: Array4<T> = x
        .into_shape_with_order((n, 1, 28, 28))
        .expect("784 pixels are 1 x 28 x 28");
    x.into_dimensionality::<IxDyn>().expect("any dimension")
}

/// Images as the book's `load_mnist` returns them.
#[derive(Clone, Debug, PartialEq)]
pub enum Pixels {
    /// `normalize=False`: bytes, 0 to 255.
    U8(ArrayD<u8>),
    /// `normalize=True`: floats in `[0, 1]`.
    F64(ArrayD<f64>),
}

/// Labels as the book's `load_mnist` returns them.
#[derive(Clone, Debug, PartialEq)]
pub enum Labels {
    /// `one_hot_label=False`: the digit, shape `(N,)`.
    Index(Array1<u8>),
    /// `one_hot_label=True`: shape `(N, 10)`, 1 at the digit.
    OneHot(Array2<f64>),
}

/// The whole data set: 60,000 training and 10,000 test images.
#[derive(Clone, Debug, PartialEq)]
pub struct Mnist {
    /// The training set.
    pub train: Split,
    /// The test set.
    pub test: Split,
}

impl Mnist {
    /// Reads the four files from `dir`, each as `NAME.gz` or `NAME` (see [`FILES`]).
    ///
    /// # Errors
    /// [`Error::DataMissing`] if a file is in neither form (the message says how to get it);
    /// [`Error::Data`] naming the file and the problem if one is unreadable or malformed.
    pub fn load(dir: &Path) -> Result<Mnist, Error> {
        let [train_x, train_t, test_x, test_t] = FILES.map(|name| find(dir, name));
        let train = read_split(&train_x?, &train_t?)?;
        let test = read_split(&test_x?, &test_t?)?;
        Ok(Mnist { train, test })
    }
}

/// One split as the book's `load_mnist` returns it: `(x, t)`.
pub type BookSplit = (Pixels, Labels);

/// The book's `load_mnist(normalize, flatten, one_hot_label)`: `((x_train, t_train), (x_test,
/// t_test))` from the files in `dir`.
///
/// # Errors
/// As [`Mnist::load`].
pub fn load_mnist(
    dir: &Path,
    normalize: bool,
    flatten: bool,
    one_hot_label: bool,
) -> Result<(BookSplit, BookSplit), Error> {
    let m = Mnist::load(dir)?;
    let part = |s: &Split| (s.images_as(normalize, flatten), s.labels_as(one_hot_label));
    Ok((part(&m.train), part(&m.test)))
}

/// Whether `dir` holds all four files, each as `NAME.gz` or `NAME`.
pub(crate) fn files_present(dir: &Path) -> bool {
    FILES.iter().all(|name| find(dir, name).is_ok())
}

fn find(dir: &Path, name: &str) -> Result<PathBuf, Error> {
    for path in [dir.join(format!("{name}.gz")), dir.join(name)] {
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => return Ok(path),
            // something else under the file's name (followed through links): said as it is
            Ok(meta) => {
                let what = if meta.is_dir() {
                    "a directory"
                } else {
                    "a device, pipe or socket"
                };
                return Err(Error::data(
                    &path,
                    format!("is {what}, not a file: put MNIST's {name} file there"),
                ));
            }
            // a file that is there but cannot be looked at (no permission on the directory, ...)
            // is a problem to report, not a missing file
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::data_because(&path, "cannot be read", e));
            }
            _ => {}
        }
    }
    Err(Error::DataMissing {
        dir: dir.to_path_buf(),
        file: format!("{name}.gz"),
    })
}

/// Reads one split from a file of images and a file of labels.
fn read_split(images: &Path, labels: &Path) -> Result<Split, Error> {
    let open = |path: &Path| {
        File::open(path)
            .map(BufReader::new)
            .map_err(|e| Error::data_because(path, "cannot be read", e))
    };
    // the images unpacked by an earlier run, if the cache has them as the gzip file records
    let unpacked = Unpacked::of(images);
    if let Some(pixels) = unpacked.as_ref().and_then(|u| u.read(IMAGES_MAGIC, PIXELS)) {
        return with_labels((images, pixels), (labels, open(labels)?));
    }
    let split = split_from_readers((images, open(images)?), (labels, open(labels)?))?;
    if let Some(unpacked) = unpacked {
        let rows = u32::try_from(split.len()).expect("counted in the file's 32 bits");
        let mut bytes = Vec::with_capacity(16 + split.images.len());
        for word in [IMAGES_MAGIC, rows, 28, 28] {
            bytes.extend_from_slice(&word.to_be_bytes());
        }
        bytes.extend(split.images.iter());
        unpacked.keep(&bytes);
    }
    Ok(split)
}

/// Reads one split from the bytes of two IDX files (gzip or raw), each named by its path in
/// errors: everything [`Mnist::load`] checks, from any reader.
///
/// # Errors
/// [`Error::Data`] naming the file and the problem.
pub fn split_from_readers(
    (images, image_bytes): (&Path, impl Read),
    (labels, label_bytes): (&Path, impl Read),
) -> Result<Split, Error> {
    let pixels = read_idx(images, image_bytes, IMAGES_MAGIC)?;
    with_labels((images, pixels), (labels, label_bytes))
}

/// One split from its images, already read (their count and pixels), and a file of labels.
fn with_labels(
    (images, (n, pixels)): (&Path, (usize, Vec<u8>)),
    (labels, label_bytes): (&Path, impl Read),
) -> Result<Split, Error> {
    if n == 0 {
        return Err(Error::data(
            images,
            "holds 0 images: there is nothing to train on or to test with (MNIST's files hold \
             60,000 and 10,000)",
        ));
    }
    let (m, label_bytes) = read_idx(labels, label_bytes, LABELS_MAGIC)?;
    if n != m {
        return Err(Error::data(
            labels,
            format!(
                "it has {m} labels but {} has {n} images: the files do not belong together",
                images.display()
            ),
        ));
    }
    if let Some(i) = label_bytes.iter().position(|&l| usize::from(l) >= CLASSES) {
        return Err(Error::data(
            labels,
            format!("label {i} is {}, but digits are 0 to 9", label_bytes[i]),
        ));
    }
    Ok(Split {
        images: Array2::from_shape_vec((n, PIXELS), pixels)
            .expect("length checked against the header"),
        labels: Array1::from(label_bytes),
    })
}

/// Reads one IDX file (gzip or raw, told apart by the gzip magic bytes): checks the magic number
/// and dimensions, and that the file holds exactly the bytes its header promises. Returns the
/// record count and the payload. `path` names the file in errors.
// About 80 lines: the IDX header's checks in the order of its fields, each with its message.
fn read_idx(path: &Path, mut file: impl Read, magic: u32) -> Result<(usize, Vec<u8>), Error> {
    let fail = |problem: String| Error::data(path, problem);
    let io = |e: std::io::Error| Error::data_because(path, "cannot be read", e);
    let mut first = [0u8; 2];
    let peeked = read_up_to(&mut file, &mut first).map_err(io)?;
    let head = std::io::Cursor::new(first[..peeked].to_vec());
    let mut reader: Box<dyn Read + '_> = if first[..peeked] == [0x1f, 0x8b] {
        // all the members of a gzip file, as `gunzip` reads them (`cat a.gz b.gz` is one file)
        Box::new(flate2::read::MultiGzDecoder::new(head.chain(file)))
    } else {
        Box::new(head.chain(file))
    };
    let what = if magic == IMAGES_MAGIC {
        "images"
    } else {
        "labels"
    };
    let header_len = if magic == IMAGES_MAGIC { 16 } else { 8 };
    let mut header = [0u8; 16];
    let got = read_up_to(&mut reader, &mut header[..header_len])
        .map_err(|e| Error::data_because(path, "is not valid gzip or cannot be read", e))?;
    if got < header_len {
        return Err(fail(format!(
            "is truncated: {got} bytes, shorter than the {header_len}-byte IDX header of {what}"
        )));
    }
    let word = |i: usize| {
        u32::from_be_bytes([
            header[4 * i],
            header[4 * i + 1],
            header[4 * i + 2],
            header[4 * i + 3],
        ])
    };
    if word(0) != magic {
        return Err(fail(format!(
            "is not an IDX file of {what}: magic number {:#010x}, expected {magic:#010x} (is it the right file?)",
            word(0)
        )));
    }
    let count = word(1) as usize;
    if count > MAX_RECORDS {
        return Err(fail(format!(
            "claims {count} {what}: more than the {MAX_RECORDS} an MNIST-like file may hold \
             (MNIST's hold 60,000 and 10,000), so it is not read"
        )));
    }
    let record = if magic == IMAGES_MAGIC {
        let (rows, cols) = (word(2), word(3));
        if (rows, cols) != (28, 28) {
            return Err(fail(format!(
                "holds {rows}x{cols} images; MNIST images are 28x28"
            )));
        }
        PIXELS
    } else {
        1
    };
    let expected = count
        .checked_mul(record)
        .ok_or_else(|| fail(format!("claims {count} {what}: too many")))?;
    // Read at most one byte more than promised; the buffer grows with what is really there,
    // never to the size a forged header claims.
    let mut payload = Vec::new();
    reader
        .take(expected as u64 + 1)
        .read_to_end(&mut payload)
        .map_err(|e| Error::data_because(path, "is corrupt or cannot be read", e))?;
    if payload.len() < expected {
        return Err(fail(format!(
            "is truncated: its header promises {count} {what} ({expected} bytes) but only {} bytes follow",
            payload.len()
        )));
    }
    if payload.len() > expected {
        return Err(fail(format!(
            "has bytes after the {count} {what} its header promises: it is not a well-formed IDX file"
        )));
    }
    Ok((count, payload))
}

/// Reads until `buf` is full or the input ends; returns how many bytes were read.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}
