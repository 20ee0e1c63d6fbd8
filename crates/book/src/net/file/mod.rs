//! Saving and loading networks as safetensors.
//!
//! A file holds a network's parameters as float64 tensors (little-endian, row-major) under the
//! book's names (`W1`, `b1`, `W2`, `b2`, ...), and in its metadata a `format` naming the
//! network (`scratchnet TwoLayerNet`) and its architecture (sizes and activation). Python reads
//! it with `safetensors.numpy.load_file(path)`. Files are written to a temporary name and
//! renamed into place, so a reader never sees half a file; they are read without trusting
//! them (`read.rs`). Each network says how its file is laid out ([`SavedNetwork`],
//! `formats.rs`); [`load_network`] reads a file of any of them by its `format`.

use std::collections::HashMap;
use std::path::Path;

use ndarray::{Array, ArrayViewD, Dimension};
use safetensors::tensor::{Dtype, SafeTensors, TensorView};

use super::Network;
use super::multi_layer::MultiLayerNet;
use super::multi_layer_extend::MultiLayerNetExtend;
use super::simple_conv::SimpleConvNet;
use crate::atomic::write_atomically;
use crate::data::mnist::{CLASSES, PIXELS};
use crate::{Error, TwoLayerNet};

mod formats;
mod read;

pub use read::{MAX_FILE_BYTES, read_safetensors, read_safetensors_from};

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

/// A file's tensors, as a [`SavedNetwork`] reads its parameters from them.
#[derive(Debug)]
pub struct Tensors<'a>(&'a SafeTensors<'a>);

impl Tensors<'_> {
    /// The tensor `name` with `D` axes (a matrix or a vector), in `f64`: stored as F64, or F32
    /// widened exactly.
    ///
    /// # Errors
    /// Why it cannot be read: missing, of another type or number of axes, or holding a NaN or
    /// an infinity.
    pub fn get<D: Dimension>(&self, name: &str) -> Result<Array<f64, D>, String> {
        let t = tensor(self.0, name)?;
        let shape = t.shape().to_vec();
        t.into_dimensionality().map_err(|_| {
            let want = match D::NDIM {
                Some(1) => "a vector".to_string(),
                Some(2) => "a matrix".to_string(),
                Some(n) => format!("{n} axes"),
                None => "an array".to_string(),
            };
            format!("tensor {name} has shape {shape:?}; expected {want}")
        })
    }
}

/// A network that is written to a safetensors file and read back exactly: its parameters under
/// their names ([`Network::params`]), its architecture in the metadata, under a `format` that
/// names it, so that another network's file is refused by name.
///
/// ```
/// use scratchnet_book::net::file::SavedNetwork;
/// use scratchnet_book::net::multi_layer::{MultiLayerNet, WeightInit};
/// use scratchnet_book::{Activation, TwoLayerNet};
/// let net = MultiLayerNet::new(4, &[3, 2], 2, Activation::Relu, WeightInit::He, 1);
/// let bytes = net.to_safetensors(&Default::default())?;
/// let path = std::path::Path::new("net.safetensors");
/// assert_eq!(MultiLayerNet::from_safetensors(&bytes, path)?.0, net);
/// let wrong = TwoLayerNet::from_safetensors(&bytes, path).unwrap_err().to_string();
/// assert!(wrong.contains("\"scratchnet MultiLayerNet\""), "{wrong}");
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub trait SavedNetwork: Network + Sized {
    /// The `format` metadata of its files: `"scratchnet TwoLayerNet"`.
    const FORMAT: &'static str;

    /// The architecture, as metadata beside the `format`.
    fn architecture(&self) -> Vec<(&'static str, String)>;

    /// What the network keeps besides its parameters and needs back (Batch Normalization's
    /// running statistics), saved as tensors after the parameters; none for most networks.
    fn state(&self) -> Vec<(String, ArrayViewD<'_, f64>)> {
        Vec::new()
    }

    /// The network from a file's tensors and metadata, or what is wrong with them (the reason
    /// after the file's name: "has no tensor W1").
    ///
    /// # Errors
    /// The reason the file is not such a network.
    fn from_tensors(tensors: &Tensors, meta: &HashMap<String, String>) -> Result<Self, String>;

    /// The network as the bytes of a safetensors file, with `extra` metadata added to the
    /// architecture.
    ///
    /// # Errors
    /// [`Error::Encode`] if the safetensors library refuses the data (it should not).
    fn to_safetensors(&self, extra: &HashMap<String, String>) -> Result<Vec<u8>, Error> {
        self.to_safetensors_with(extra, &[])
    }

    /// As [`to_safetensors`](SavedNetwork::to_safetensors), with more tensors stored beside the
    /// parameters and the [`state`](SavedNetwork::state) (a checkpoint's optimiser state).
    ///
    /// # Errors
    /// As [`to_safetensors`](SavedNetwork::to_safetensors).
    fn to_safetensors_with(
        &self,
        extra: &HashMap<String, String>,
        tensors: &[(String, ArrayViewD<'_, f64>)],
    ) -> Result<Vec<u8>, Error> {
        let mut meta: HashMap<String, String> = extra.clone();
        meta.insert("format".into(), Self::FORMAT.into());
        for (k, v) in self.architecture() {
            meta.insert(k.to_string(), v);
        }
        let params = self.params();
        let state = self.state();
        let buffers: Vec<(&str, Vec<usize>, Vec<u8>)> = params
            .iter()
            .chain(&state)
            .chain(tensors)
            .map(|(name, a)| {
                let bytes = le_bytes(a.iter().copied());
                (name.as_str(), a.shape().to_vec(), bytes)
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
    fn save(&self, path: &Path) -> Result<(), Error> {
        let bytes = self.to_safetensors(&HashMap::new())?;
        write_atomically(path, &bytes)
            .map_err(|e| Error::model_because(path, "cannot be written", e))
    }

    /// Loads a network saved by [`save`](SavedNetwork::save).
    ///
    /// # Errors
    /// [`Error::Model`] naming the file and the problem: unreadable, not safetensors, another
    /// network's, a tensor missing or of the wrong type or shape, an unknown activation, a
    /// non-finite weight.
    fn load(path: &Path) -> Result<Self, Error> {
        let bytes = read_safetensors(path)?;
        Self::from_safetensors(&bytes, path).map(|(net, _)| net)
    }

    /// Reads a network and its metadata from the bytes of a safetensors file; `path` is only
    /// for error messages. A file without a `format` is read as this network's.
    ///
    /// # Errors
    /// As [`load`](SavedNetwork::load).
    fn from_safetensors(
        bytes: &[u8],
        path: &Path,
    ) -> Result<(Self, HashMap<String, String>), Error> {
        let (meta, tensors) = parse(bytes, path)?;
        if let Some(format) = meta.get("format")
            && format != Self::FORMAT
        {
            return Err(Error::model(
                path,
                format!(
                    "holds a network of format {format:?}, not {:?}: load it with the network \
                     it names",
                    Self::FORMAT
                ),
            ));
        }
        let net = Self::from_tensors(&Tensors(&tensors), &meta)
            .map_err(|problem| Error::model(path, problem))?;
        Ok((net, meta))
    }
}

/// The metadata and tensors of a safetensors file.
fn parse<'b>(
    bytes: &'b [u8],
    path: &Path,
) -> Result<(HashMap<String, String>, SafeTensors<'b>), Error> {
    let not_safetensors = |e| Error::model_because(path, "is not a safetensors file", e);
    let (_, header) = SafeTensors::read_metadata(bytes).map_err(not_safetensors)?;
    let meta = header.metadata().clone().unwrap_or_default();
    let tensors = SafeTensors::deserialize(bytes).map_err(not_safetensors)?;
    Ok((meta, tensors))
}

/// The `format` a safetensors file names in its metadata, if any.
///
/// # Errors
/// [`Error::Model`] if `bytes` are not a safetensors file.
pub(crate) fn format_of(bytes: &[u8], path: &Path) -> Result<Option<String>, Error> {
    let (meta, _) = parse(bytes, path)?;
    Ok(meta.get("format").cloned())
}

/// A network of any kind, as [`load_network`] reads it.
pub type AnyNetwork = Box<dyn Network + Send + Sync>;

/// Loads a saved network of any kind the library saves, by the `format` in its file (a file
/// without one is a [`TwoLayerNet`], as the first files were), and checks that it reads MNIST:
/// 784 inputs and 10 classes. What `evaluate`, `predict` and the playground's Digits page take.
///
/// # Errors
/// As [`SavedNetwork::load`]; [`Error::Model`] for a format the library does not know, or a
/// network of other sizes.
pub fn load_network(path: &Path) -> Result<AnyNetwork, Error> {
    let bytes = read_safetensors(path)?;
    let (meta, _) = parse(&bytes, path)?;
    let format = meta
        .get("format")
        .map_or(TwoLayerNet::FORMAT, String::as_str);
    let net: AnyNetwork = match format {
        TwoLayerNet::FORMAT => Box::new(TwoLayerNet::from_safetensors(&bytes, path)?.0),
        MultiLayerNet::FORMAT => Box::new(MultiLayerNet::from_safetensors(&bytes, path)?.0),
        MultiLayerNetExtend::FORMAT => {
            Box::new(MultiLayerNetExtend::from_safetensors(&bytes, path)?.0)
        }
        SimpleConvNet::FORMAT => Box::new(SimpleConvNet::from_safetensors(&bytes, path)?.0),
        other => {
            return Err(Error::model(
                path,
                format!(
                    "holds a network of format {other:?}, which this version does not know \
                     (it knows {:?}, {:?}, {:?} and {:?})",
                    TwoLayerNet::FORMAT,
                    MultiLayerNet::FORMAT,
                    MultiLayerNetExtend::FORMAT,
                    SimpleConvNet::FORMAT
                ),
            ));
        }
    };
    let sizes = net.layer_sizes();
    let (d, c) = (sizes[0], sizes[sizes.len() - 1]);
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
    use crate::Activation;
    use crate::net::multi_layer::WeightInit;

    const FORMAT: &str = TwoLayerNet::FORMAT;

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

    /// A MultiLayerNet's file loads back exactly, by its own type and by its `format`; one whose
    /// sizes do not fit MNIST is refused by the loader of networks for MNIST.
    #[test]
    fn any_network_loads_by_its_format() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("multi.safetensors");
        let net = MultiLayerNet::new(
            PIXELS,
            &[6, 5],
            CLASSES,
            Activation::Relu,
            WeightInit::He,
            4,
        );
        net.save(&path).unwrap();
        assert_eq!(MultiLayerNet::load(&path).unwrap(), net);
        let any = load_network(&path).unwrap();
        assert_eq!(any.describe(), "MultiLayerNet 784-6-5-10 relu");
        let x = ndarray::Array2::from_elem((2, PIXELS), 0.5);
        assert_eq!(any.predict(x.view()), net.predict(x.view()));

        let small = MultiLayerNet::new(3, &[2], 2, Activation::Sigmoid, WeightInit::Xavier, 1);
        small.save(&path).unwrap();
        let err = load_network(&path).unwrap_err().to_string();
        assert!(err.contains("3-input, 2-class"), "{err}");
    }

    /// A MultiLayerNet's weight decay is saved when it is not 0, and a file without it (as
    /// every file before it) has none.
    #[test]
    fn a_multi_layer_net_keeps_its_weight_decay() {
        let net = MultiLayerNet::new(3, &[2], 2, Activation::Sigmoid, WeightInit::Xavier, 1);
        let bytes = net.to_safetensors(&HashMap::new()).unwrap();
        let (_, meta) = MultiLayerNet::from_safetensors(&bytes, Path::new("m")).unwrap();
        assert!(!meta.contains_key("weight_decay"), "{meta:?}");
        let decayed = net.with_weight_decay(0.3);
        let bytes = decayed.to_safetensors(&HashMap::new()).unwrap();
        let (back, meta) = MultiLayerNet::from_safetensors(&bytes, Path::new("m")).unwrap();
        assert_eq!(back, decayed);
        assert_eq!(meta["weight_decay"], "0.3");
        let mut bad = bytes.clone();
        let at = bad.windows(3).position(|w| w == b"0.3").unwrap();
        bad[at..at + 3].copy_from_slice(b"-.3");
        let err = MultiLayerNet::from_safetensors(&bad, Path::new("m.safetensors"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`weight_decay` \"-.3\""), "{err}");
    }

    /// A MultiLayerNetExtend's file holds its parameters and Batch Normalization's running
    /// statistics, and loads back exactly, by its own type and by its `format`.
    #[test]
    fn a_multi_layer_net_extend_loads_back_exactly() {
        use crate::net::multi_layer_extend::MultiLayerNetExtend;
        use rand::SeedableRng;
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(5);
        let mut net = MultiLayerNetExtend::with_random(
            PIXELS,
            &[6, 5],
            CLASSES,
            Activation::Relu,
            WeightInit::He,
            &mut rng,
        )
        .with_batch_norm()
        .with_dropout(0.25)
        .with_weight_decay(0.01);
        // running statistics that are not the start's zeros
        let x = ndarray::Array2::from_shape_fn((3, PIXELS), |(i, j)| ((i * 7 + j) % 5) as f64);
        net.training_gradient(x.view(), crate::Targets::from(&[1, 2, 3]), &mut rng);
        assert!(net.batch_norm[0].running_var.iter().all(|&v| v > 0.0));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("extend.safetensors");
        net.save(&path).unwrap();
        assert_eq!(MultiLayerNetExtend::load(&path).unwrap(), net);
        let bytes = std::fs::read(&path).unwrap();
        let tensors = SafeTensors::deserialize(&bytes).unwrap();
        let mut names: Vec<&str> = tensors.names();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "W1",
                "W2",
                "W3",
                "b1",
                "b2",
                "b3",
                "beta1",
                "beta2",
                "gamma1",
                "gamma2",
                "running_mean1",
                "running_mean2",
                "running_var1",
                "running_var2"
            ]
        );
        let any = load_network(&path).unwrap();
        assert_eq!(
            any.describe(),
            "MultiLayerNetExtend 784-6-5-10 relu, Batch Norm, Dropout 0.25, weight decay 0.01"
        );
        assert_eq!(any.predict(x.view()), net.predict(x.view()));
        let plain = MultiLayerNetExtend::new(3, &[2], 2, Activation::Sigmoid, WeightInit::He, 1);
        let bytes = plain.to_safetensors(&HashMap::new()).unwrap();
        let (back, meta) = MultiLayerNetExtend::from_safetensors(&bytes, Path::new("e")).unwrap();
        assert_eq!(back, plain);
        assert_eq!(meta["batch_norm"], "false");
        let err = MultiLayerNet::from_safetensors(&bytes, Path::new("e"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"scratchnet MultiLayerNetExtend\""), "{err}");
    }

    /// The sizes in a MultiLayerNet's metadata must be the tensors'.
    #[test]
    fn a_multi_layer_file_whose_sizes_disagree_is_refused() {
        let net = MultiLayerNet::new(3, &[2], 2, Activation::Sigmoid, WeightInit::Xavier, 1);
        let extra = HashMap::from([("layer_sizes".to_string(), "3,4,2".to_string())]);
        // `extra` is overwritten by the architecture: write the wrong sizes by hand instead
        let mut bytes = net.to_safetensors(&extra).unwrap();
        let at = bytes.windows(5).position(|w| w == b"3,2,2").unwrap();
        bytes[at..at + 5].copy_from_slice(b"3,4,2");
        let err = MultiLayerNet::from_safetensors(&bytes, Path::new("m.safetensors"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("m.safetensors") && err.contains("W1 [3, 2]") && err.contains("[3, 4]"),
            "{err}"
        );
    }

    /// A file must be exactly what its header gives: bytes after the data, or inserted among the
    /// tensors (which would shift the weights), are refused, as the reference reader refuses
    /// them; from a file and from a stream alike.
    #[test]
    fn bytes_beyond_the_header_s_data_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let net = TwoLayerNet::new(6, 4, 3, 0.5, Activation::Relu, 9);
        let good = net.to_safetensors(&HashMap::new()).unwrap();
        let mut trailing = good.clone();
        trailing.extend(b"junk\n");
        let mut inserted = good.clone();
        let at = good.len() - 16;
        inserted.splice(at..at, [0u8; 8]);
        for (name, bytes) in [("trailing", &trailing), ("inserted", &inserted)] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let err = TwoLayerNet::load(&path).unwrap_err().to_string();
            assert!(err.contains(name) && err.contains("bytes after"), "{err}");
            let streamed = read_safetensors_from(&bytes[..], None, &path).unwrap_err();
            assert!(streamed.to_string().contains("bytes after"), "{streamed}");
        }
        let path = dir.path().join("good");
        std::fs::write(&path, &good).unwrap();
        assert_eq!(TwoLayerNet::load(&path).unwrap(), net);
        assert_eq!(read_safetensors_from(&good[..], None, &path).unwrap(), good);
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

    /// A SimpleConvNet's file holds its filters as a 4-axis tensor and reads back exactly, by
    /// `load_network` too; a file whose filters do not fit its images is refused by name.
    #[test]
    fn a_simple_conv_net_round_trips() {
        use crate::net::simple_conv::{ConvParam, SimpleConvNet, SimpleConvNetConfig};
        use crate::random::numpy::RandomState;
        let config = SimpleConvNetConfig {
            conv_param: ConvParam {
                filter_num: 4,
                filter_size: 3,
                pad: 1,
                stride: 2,
            },
            hidden_size: 7,
            ..SimpleConvNetConfig::default()
        };
        let net = SimpleConvNet::new(&config, &mut RandomState::new(3));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conv.safetensors");
        net.save(&path).unwrap();
        assert_eq!(SimpleConvNet::load(&path).unwrap(), net);
        let any = load_network(&path).unwrap();
        assert_eq!(any.describe(), net.describe());
        assert_eq!(any.params()[0].1.shape(), [4, 1, 3, 3]);

        let mut meta = HashMap::new();
        meta.insert("input_dim".to_string(), "1,2,2".to_string());
        let bytes = net.to_safetensors(&HashMap::new()).unwrap();
        let (_, tensors) = parse(&bytes, &path).unwrap();
        meta.insert("stride".into(), "2".into());
        meta.insert("pad".into(), "0".into());
        let err = SimpleConvNet::from_tensors(&Tensors(&tensors), &meta).unwrap_err();
        assert!(err.contains("do not fit images (1, 2, 2)"), "{err}");
        // a stride that leaves a 1×1 output, which the pooling cannot halve: an error, not a panic
        meta.insert("input_dim".into(), "1,28,28".into());
        meta.insert("stride".into(), "28".into());
        meta.insert("pad".into(), "1".into());
        let err = SimpleConvNet::from_tensors(&Tensors(&tensors), &meta).unwrap_err();
        assert!(err.contains("output of 1×1"), "{err}");
    }
}
