//! How each network lays out its file: [`SavedNetwork`] for [`TwoLayerNet`] and
//! [`MultiLayerNet`].

use std::collections::HashMap;

use super::{SavedNetwork, Tensors};
use crate::net::Network;
use crate::net::multi_layer::MultiLayerNet;
use crate::{Activation, Params, TwoLayerNet};

/// The `activation` of a file's metadata.
fn activation(meta: &HashMap<String, String>) -> Result<Activation, String> {
    let said = meta
        .get("activation")
        .ok_or("has no `activation` in its metadata: it was not saved by scratchnet")?;
    said.parse()
        .map_err(|e| format!("has an unknown activation: {e}"))
}

/// `W1`, `b1`, `W2`, `b2`, and in the metadata `input_size`, `hidden_size`, `output_size` and
/// `activation`.
impl SavedNetwork for TwoLayerNet {
    const FORMAT: &'static str = "scratchnet TwoLayerNet";

    fn architecture(&self) -> Vec<(&'static str, String)> {
        let (d, h, c) = self.sizes();
        vec![
            ("input_size", d.to_string()),
            ("hidden_size", h.to_string()),
            ("output_size", c.to_string()),
            ("activation", self.activation.to_string()),
        ]
    }

    fn from_tensors(tensors: &Tensors, meta: &HashMap<String, String>) -> Result<Self, String> {
        let activation = activation(meta)?;
        let params = Params {
            w1: tensors.get("W1")?,
            b1: tensors.get("b1")?,
            w2: tensors.get("W2")?,
            b2: tensors.get("b2")?,
        };
        let (d, h, c) = (params.w1.nrows(), params.w1.ncols(), params.w2.ncols());
        if d == 0 || h == 0 || c == 0 {
            return Err(format!(
                "has an empty layer: W1 {:?}, W2 {:?} (a network needs at least one input, \
                 hidden unit and class)",
                params.w1.shape(),
                params.w2.shape()
            ));
        }
        for (key, size) in [("input_size", d), ("hidden_size", h), ("output_size", c)] {
            if let Some(said) = meta.get(key)
                && said.parse() != Ok(size)
            {
                return Err(format!(
                    "has metadata `{key}` {said:?}, but its tensors have {size}"
                ));
            }
        }
        if params.b1.len() != h || params.w2.nrows() != h || params.b2.len() != c {
            return Err(format!(
                "has shapes that do not fit together: W1 {:?}, b1 {:?}, W2 {:?}, b2 {:?}",
                params.w1.shape(),
                params.b1.shape(),
                params.w2.shape(),
                params.b2.shape()
            ));
        }
        Ok(TwoLayerNet { params, activation })
    }
}

/// `W1`, `b1`, ..., `Wk`, `bk`, and in the metadata `layer_sizes` (`"784,100,100,10"`) and
/// `activation`.
impl SavedNetwork for MultiLayerNet {
    const FORMAT: &'static str = "scratchnet MultiLayerNet";

    fn architecture(&self) -> Vec<(&'static str, String)> {
        let sizes: Vec<String> = self.layer_sizes().iter().map(ToString::to_string).collect();
        vec![
            ("layer_sizes", sizes.join(",")),
            ("activation", self.activation.to_string()),
        ]
    }

    fn from_tensors(tensors: &Tensors, meta: &HashMap<String, String>) -> Result<Self, String> {
        let activation = activation(meta)?;
        let said = meta
            .get("layer_sizes")
            .ok_or("has no `layer_sizes` in its metadata: it was not saved by scratchnet")?;
        let sizes = said
            .split(',')
            .map(|n| n.trim().parse::<usize>().ok().filter(|&n| n > 0))
            .collect::<Option<Vec<_>>>()
            .filter(|sizes| sizes.len() >= 2)
            .ok_or_else(|| {
                format!(
                    "has metadata `layer_sizes` {said:?}; expected at least two positive \
                     numbers separated by commas, inputs first and classes last"
                )
            })?;
        let mut params = Vec::with_capacity(sizes.len() - 1);
        for (i, pair) in sizes.windows(2).enumerate() {
            let (w_name, b_name) = (format!("W{}", i + 1), format!("b{}", i + 1));
            let w: ndarray::Array2<f64> = tensors.get(&w_name)?;
            let b: ndarray::Array1<f64> = tensors.get(&b_name)?;
            if w.dim() != (pair[0], pair[1]) || b.len() != pair[1] {
                return Err(format!(
                    "has {w_name} {:?} and {b_name} {:?}, but its `layer_sizes` {said:?} make \
                     them [{}, {}] and [{}]",
                    w.shape(),
                    b.shape(),
                    pair[0],
                    pair[1],
                    pair[1]
                ));
            }
            params.push((w, b));
        }
        let net = MultiLayerNet { params, activation };
        debug_assert_eq!(net.layer_sizes(), sizes);
        Ok(net)
    }
}
