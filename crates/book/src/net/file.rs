//! Saving and loading a [`TwoLayerNet`] as safetensors.
//!
//! The file holds the tensors `W1`, `b1`, `W2`, `b2` (float64, little-endian, row-major) under
//! the book's names, and the architecture in its metadata (`format`, `input_size`,
//! `hidden_size`, `output_size`, `activation`). Python reads it with
//! `safetensors.numpy.load_file(path)`. Files are written to a temporary name and renamed into
//! place, so a reader never sees half a file.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use safetensors::tensor::{Dtype, SafeTensors, TensorView};

use crate::atomic::write_atomically;
use crate::data::mnist::{CLASSES, PIXELS};
use crate::{Activation, Error, Params, TwoLayerNet};

/// The `format` metadata of a model file.
pub const FORMAT: &str = "scratchnet TwoLayerNet";

fn le_bytes(values: impl Iterator<Item = f64>) -> Vec<u8> {
    values.flat_map(f64::to_le_bytes).collect()
}

/// The tensor `name` as float64 (stored as F64, or F32 widened exactly), or why it cannot be
/// read: missing, of another type, or holding a NaN or an infinity.
pub(crate) fn tensor(tensors: &SafeTensors, name: &str) -> Result<ndarray::ArrayD<f64>, String> {
    let t = tensors
        .tensor(name)
        .map_err(|_| format!("has no tensor {name}"))?;
    let values: Vec<f64> = match t.dtype() {
        Dtype::F64 => t
            .data()
            .chunks_exact(8)
            .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
            .collect(),
        Dtype::F32 => t
            .data()
            .chunks_exact(4)
            .map(|b| f64::from(f32::from_le_bytes(b.try_into().expect("4 bytes"))))
            .collect(),
        other => return Err(format!("tensor {name} is {other:?}; expected F64 or F32")),
    };
    if let Some(v) = values.iter().find(|v| !v.is_finite()) {
        return Err(format!(
            "tensor {name} holds {v}: the network diverged before it was saved"
        ));
    }
    ndarray::ArrayD::from_shape_vec(t.shape().to_vec(), values).map_err(|e| e.to_string())
}

/// The tensor `name` with `D` axes (a matrix or a vector).
fn tensor_of<D: ndarray::Dimension>(
    tensors: &SafeTensors,
    name: &str,
) -> Result<ndarray::Array<f64, D>, String> {
    let t = tensor(tensors, name)?;
    let shape = t.shape().to_vec();
    t.into_dimensionality().map_err(|_| {
        let want = if D::NDIM == Some(2) {
            "a matrix"
        } else {
            "a vector"
        };
        format!("tensor {name} has shape {shape:?}; expected {want}")
    })
}

impl TwoLayerNet {
    /// The network as the bytes of a safetensors file, with `extra` metadata added to the
    /// architecture.
    ///
    /// # Errors
    /// [`Error::Encode`] if the safetensors library refuses the data (it should not).
    pub fn to_safetensors(&self, extra: &HashMap<String, String>) -> Result<Vec<u8>, Error> {
        self.to_safetensors_with(extra, &[])
    }

    /// As [`to_safetensors`](TwoLayerNet::to_safetensors), with more tensors stored beside the
    /// parameters (a checkpoint's optimiser state).
    ///
    /// # Errors
    /// As [`to_safetensors`](TwoLayerNet::to_safetensors).
    pub fn to_safetensors_with(
        &self,
        extra: &HashMap<String, String>,
        tensors: &[(String, ndarray::ArrayViewD<'_, f64>)],
    ) -> Result<Vec<u8>, Error> {
        let (d, h, c) = self.sizes();
        let mut meta: HashMap<String, String> = extra.clone();
        for (k, v) in [
            ("format", FORMAT.to_string()),
            ("input_size", d.to_string()),
            ("hidden_size", h.to_string()),
            ("output_size", c.to_string()),
            ("activation", self.activation.to_string()),
        ] {
            meta.insert(k.to_string(), v);
        }
        let named = self.params.named().map(|(n, a)| (n.to_string(), a));
        let buffers: Vec<(&str, Vec<usize>, Vec<u8>)> = named
            .iter()
            .chain(tensors)
            .map(|(name, a)| {
                (
                    name.as_str(),
                    a.shape().to_vec(),
                    le_bytes(a.iter().copied()),
                )
            })
            .collect();
        let views = buffers
            .iter()
            .map(|(name, shape, bytes)| {
                TensorView::new(Dtype::F64, shape.clone(), bytes).map(|v| (*name, v))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(Error::Encode)?;
        let bytes = safetensors::tensor::serialize(views, Some(meta)).map_err(Error::Encode)?;
        Ok(with_sorted_header(bytes))
    }

    /// Saves the network to `path` (written atomically).
    ///
    /// # Errors
    /// [`Error::Model`] if the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let bytes = self.to_safetensors(&HashMap::new())?;
        write_atomically(path, &bytes)
            .map_err(|e| Error::model_because(path, "cannot be written", e))
    }

    /// Loads a network saved by [`save`](TwoLayerNet::save).
    ///
    /// # Errors
    /// [`Error::Model`] naming the file and the problem: unreadable, not safetensors, a tensor
    /// missing or of the wrong type or shape, an unknown activation, a non-finite weight.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let bytes = read_safetensors(path)?;
        Self::from_safetensors(&bytes, path).map(|(net, _)| net)
    }

    /// Loads a saved network that reads MNIST: 784 inputs and 10 classes (what `evaluate`,
    /// `predict` and the playground's Digits page take).
    ///
    /// # Errors
    /// As [`load`](TwoLayerNet::load), and [`Error::Model`] for a network of other sizes.
    pub fn load_for_mnist(path: &Path) -> Result<Self, Error> {
        let net = Self::load(path)?;
        let (d, _, c) = net.sizes();
        if (d, c) != (PIXELS, CLASSES) {
            return Err(Error::model(
                path,
                format!(
                    "is a {d}-input, {c}-class network; MNIST needs {PIXELS} inputs and {CLASSES} \
                     classes"
                ),
            ));
        }
        Ok(net)
    }

    /// Reads a network and its metadata from the bytes of a safetensors file; `path` is only
    /// for error messages.
    ///
    /// # Errors
    /// As [`load`](TwoLayerNet::load).
    pub fn from_safetensors(
        bytes: &[u8],
        path: &Path,
    ) -> Result<(Self, HashMap<String, String>), Error> {
        let fail = |problem: String| Error::model(path, problem);
        let not_safetensors = |e| Error::model_because(path, "is not a safetensors file", e);
        let (_, header) = SafeTensors::read_metadata(bytes).map_err(not_safetensors)?;
        let meta = header.metadata().clone().unwrap_or_default();
        let tensors = SafeTensors::deserialize(bytes).map_err(not_safetensors)?;
        if let Some(format) = meta.get("format")
            && format != FORMAT
        {
            return Err(fail(format!(
                "holds a network of format {format:?}, not a TwoLayerNet ({FORMAT:?}): load it \
                 with the network it names"
            )));
        }
        let activation: Activation = meta
            .get("activation")
            .ok_or_else(|| {
                fail("has no `activation` in its metadata: it was not saved by scratchnet".into())
            })?
            .parse()
            .map_err(|e| Error::model_because(path, "has an unknown activation", e))?;
        let params = Params {
            w1: tensor_of(&tensors, "W1").map_err(fail)?,
            b1: tensor_of(&tensors, "b1").map_err(fail)?,
            w2: tensor_of(&tensors, "W2").map_err(fail)?,
            b2: tensor_of(&tensors, "b2").map_err(fail)?,
        };
        let (d, h, c) = (params.w1.nrows(), params.w1.ncols(), params.w2.ncols());
        if d == 0 || h == 0 || c == 0 {
            return Err(fail(format!(
                "has an empty layer: W1 {:?}, W2 {:?} (a network needs at least one input, \
                 hidden unit and class)",
                params.w1.shape(),
                params.w2.shape()
            )));
        }
        for (key, size) in [("input_size", d), ("hidden_size", h), ("output_size", c)] {
            if let Some(said) = meta.get(key)
                && said.parse() != Ok(size)
            {
                return Err(fail(format!(
                    "has metadata `{key}` {said:?}, but its tensors have {size}"
                )));
            }
        }
        if params.b1.len() != h || params.w2.nrows() != h || params.b2.len() != c {
            return Err(fail(format!(
                "has shapes that do not fit together: W1 {:?}, b1 {:?}, W2 {:?}, b2 {:?}",
                params.w1.shape(),
                params.b1.shape(),
                params.w2.shape(),
                params.b2.shape()
            )));
        }
        Ok((TwoLayerNet { params, activation }, meta))
    }
}

/// The largest file [`read_safetensors`] reads: 4 GiB, the size of a checkpoint of Adam with
/// 100,000 hidden units and more.
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// Reads a safetensors file, never more than its header says it holds: the 8-byte header
/// length (at most safetensors' own 100 MB), the header, then the tensors' bytes up to the end
/// of the last one. A file that claims more than [`MAX_FILE_BYTES`], or more than a regular
/// file's length, is refused before its data is read; `/dev/zero` is refused at its header.
///
/// # Errors
/// [`Error::Model`] naming the file: unreadable, too short, too large, or a header that is not
/// safetensors.
pub fn read_safetensors(path: &Path) -> Result<Vec<u8>, Error> {
    let read_fail = |e| Error::model_because(path, "cannot be read", e);
    let file = std::fs::File::open(path).map_err(read_fail)?;
    let meta = file.metadata().map_err(read_fail)?;
    if meta.is_dir() {
        return Err(Error::model(path, "is a directory, not a model file"));
    }
    read_safetensors_from(file, meta.is_file().then_some(meta.len()), path)
}

/// [`read_safetensors`] from any reader: `len` is the input's length if known (a regular
/// file's), to refuse a header that claims more before reading it; `path` names the input in
/// errors.
///
/// # Errors
/// As [`read_safetensors`].
// About 75 lines: the file's checks in the order of its parts (size, header, tensors), each with
// its message.
pub fn read_safetensors_from(
    mut input: impl Read,
    len: Option<u64>,
    path: &Path,
) -> Result<Vec<u8>, Error> {
    let read_fail = |e| Error::model_because(path, "cannot be read", e);
    let fail = |problem: String| Error::model(path, problem);
    let mut bytes = Vec::new();
    let got = (&mut input)
        .take(8)
        .read_to_end(&mut bytes)
        .map_err(read_fail)?;
    if got < 8 {
        return Err(fail(format!(
            "is not a safetensors file: it has {got} bytes, fewer than the 8 that give its \
             header's length"
        )));
    }
    let mut take = |bytes: &mut Vec<u8>, n: u64| -> Result<(), Error> {
        let got = (&mut input).take(n).read_to_end(bytes).map_err(read_fail)?;
        if (got as u64) < n {
            return Err(fail(format!(
                "is truncated: it ends after {} bytes, before the end its header gives",
                bytes.len()
            )));
        }
        Ok(())
    };
    let header_len = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
    if header_len > 100_000_000 {
        return Err(fail(format!(
            "is not a safetensors file: its first 8 bytes give a header of {header_len} bytes \
             (at most 100,000,000)"
        )));
    }
    if let Some(len) = len
        && 8 + header_len > len
    {
        return Err(fail(format!(
            "is truncated or not a safetensors file: its first 8 bytes give a header of \
             {header_len} bytes, but the file has {len}"
        )));
    }
    take(&mut bytes, header_len)?;
    let header: serde_json::Value = serde_json::from_slice(&bytes[8..]).map_err(|e| {
        Error::model_because(path, "is not a safetensors file: its header is not JSON", e)
    })?;
    // the end of the last tensor: safetensors checks the offsets themselves when it reads
    let data_len = header
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(_, t)| t.get("data_offsets")?.get(1)?.as_u64())
        .max()
        .unwrap_or(0);
    let total = (8 + header_len).saturating_add(data_len);
    if total > MAX_FILE_BYTES {
        return Err(fail(format!(
            "claims {total} bytes of header and tensors, but a model file is at most \
             {MAX_FILE_BYTES} bytes"
        )));
    }
    if let Some(len) = len
        && total > len
    {
        return Err(fail(format!(
            "is truncated: its header gives {total} bytes of header and tensors, but the file \
             has {len}"
        )));
    }
    take(&mut bytes, data_len)?;
    Ok(bytes)
}

/// The file `bytes` with its header's keys in sorted order, so that the same network gives the
/// same bytes (safetensors writes the metadata in a hash map's order, different at each run).
/// The header is padded with spaces to a multiple of 8 bytes, as safetensors pads it.
fn with_sorted_header(bytes: Vec<u8>) -> Vec<u8> {
    let header_len = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")) as usize;
    let header: serde_json::Value =
        serde_json::from_slice(&bytes[8..8 + header_len]).expect("safetensors wrote JSON");
    // serde_json's maps are sorted by key (its `preserve_order` feature is off)
    let mut sorted = serde_json::to_vec(&header).expect("JSON serializes");
    sorted.resize(sorted.len().next_multiple_of(8), b' ');
    let mut out = Vec::with_capacity(8 + sorted.len() + bytes.len() - 8 - header_len);
    out.extend((sorted.len() as u64).to_le_bytes());
    out.extend(sorted);
    out.extend(&bytes[8 + header_len..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_network_loads_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let net = TwoLayerNet::new(6, 4, 3, 0.5, Activation::Relu, 9);
        let path = dir.join("net.safetensors");
        net.save(&path).unwrap();
        assert_eq!(TwoLayerNet::load(&path).unwrap(), net);
        let names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    /// A file names its network, and another network's file is refused by name.
    #[test]
    fn another_networks_file_is_refused() {
        let net = TwoLayerNet::new(3, 2, 2, 1.0, Activation::Sigmoid, 1);
        let mut bytes = net.to_safetensors(&HashMap::new()).unwrap();
        let at = bytes
            .windows(FORMAT.len())
            .position(|w| w == FORMAT.as_bytes())
            .expect("the format is in the header");
        // the same length, so that the header stays well-formed
        bytes[at..at + FORMAT.len()].copy_from_slice(b"scratchnet OtherNet123");
        let err = TwoLayerNet::from_safetensors(&bytes, Path::new("other.safetensors"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("other.safetensors") && err.contains("\"scratchnet OtherNet123\""),
            "{err}"
        );
    }

    #[test]
    fn damaged_files_are_named_errors() {
        let path = Path::new("model.safetensors");
        let err = TwoLayerNet::from_safetensors(b"not a model", path)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("model.safetensors") && err.contains("not a safetensors file"),
            "{err}"
        );
        let mut net = TwoLayerNet::new(3, 2, 2, 1.0, Activation::Sigmoid, 1);
        net.params.b2 = ndarray::Array1::zeros(5);
        let bytes = net.to_safetensors(&HashMap::new()).unwrap();
        let err = TwoLayerNet::from_safetensors(&bytes, path)
            .unwrap_err()
            .to_string();
        assert!(err.contains("do not fit together"), "{err}");
    }
}
