//! Saving and loading a [`TwoLayerNet`] as safetensors.
//!
//! The file holds the tensors `W1`, `b1`, `W2`, `b2` (float64, little-endian, row-major) under
//! the book's names, and the architecture in its metadata (`format`, `input_size`,
//! `hidden_size`, `output_size`, `activation`). Python reads it with
//! `safetensors.numpy.load_file(path)`. Files are written to a temporary name and renamed into
//! place, so a reader never sees half a file.

use std::collections::HashMap;
use std::path::Path;

use safetensors::tensor::{Dtype, SafeTensors, TensorView};

use crate::atomic::write_atomically;
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
        safetensors::tensor::serialize(views, Some(meta)).map_err(Error::Encode)
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
        let bytes =
            std::fs::read(path).map_err(|e| Error::model_because(path, "cannot be read", e))?;
        Self::from_safetensors(&bytes, path).map(|(net, _)| net)
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
        let (h, c) = (params.w1.ncols(), params.w2.ncols());
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
