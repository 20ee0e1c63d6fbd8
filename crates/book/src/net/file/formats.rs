//! How each network lays out its file: [`SavedNetwork`] for [`TwoLayerNet`],
//! [`MultiLayerNet`], [`MultiLayerNetExtend`] and [`SimpleConvNet`].

use std::collections::HashMap;

use ndarray::{Array1, Array2, Array4, ArrayViewD};

use super::{SavedNetwork, Tensors};
use crate::net::Network;
use crate::net::multi_layer::MultiLayerNet;
use crate::net::multi_layer_extend::{BatchNorm, MultiLayerNetExtend};
use crate::net::simple_conv::{ConvParam, SimpleConvNet, SimpleConvNetConfig};
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

/// The `layer_sizes` of a file's metadata: at least two positive numbers.
fn layer_sizes(meta: &HashMap<String, String>) -> Result<Vec<usize>, String> {
    layer_sizes_of(meta, "layer_sizes", ", inputs first and classes last")
}

/// Positive numbers separated by commas in the metadata `key`, at least two of them (`order`
/// says which is which, for the error).
fn layer_sizes_of(
    meta: &HashMap<String, String>,
    key: &str,
    order: &str,
) -> Result<Vec<usize>, String> {
    let said = meta.get(key).ok_or(format!(
        "has no `{key}` in its metadata: it was not saved by scratchnet"
    ))?;
    said.split(',')
        .map(|n| {
            n.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0 && n <= 100_000)
        })
        .collect::<Option<Vec<_>>>()
        .filter(|sizes| sizes.len() >= 2)
        .ok_or_else(|| {
            format!(
                "has metadata `{key}` {said:?}; expected at least two positive numbers \
                 separated by commas{order}"
            )
        })
}

/// The `layer_sizes` metadata of a network of these sizes.
fn sizes_text(sizes: &[usize]) -> String {
    let sizes: Vec<String> = sizes.iter().map(ToString::to_string).collect();
    sizes.join(",")
}

/// The weights and biases of each `Affine` layer, in order.
type AffineLayers = Vec<(Array2<f64>, Array1<f64>)>;

/// The `Affine` layers' `Wᵢ` and `bᵢ` for layers of `sizes` units.
fn affine_layers(tensors: &Tensors, sizes: &[usize]) -> Result<AffineLayers, String> {
    let mut params = Vec::with_capacity(sizes.len() - 1);
    for (i, pair) in sizes.windows(2).enumerate() {
        let (w_name, b_name) = (format!("W{}", i + 1), format!("b{}", i + 1));
        let w: Array2<f64> = tensors.get(&w_name)?;
        let b: Array1<f64> = tensors.get(&b_name)?;
        if w.dim() != (pair[0], pair[1]) || b.len() != pair[1] {
            return Err(format!(
                "has {w_name} {:?} and {b_name} {:?}, but its `layer_sizes` {:?} make them \
                 [{}, {}] and [{}]",
                w.shape(),
                b.shape(),
                sizes_text(sizes),
                pair[0],
                pair[1],
                pair[1]
            ));
        }
        params.push((w, b));
    }
    Ok(params)
}

/// The number in the metadata `key`, if there: finite and at least 0, and less than 1 if
/// `below_one`.
fn number(
    meta: &HashMap<String, String>,
    key: &str,
    below_one: bool,
) -> Result<Option<f64>, String> {
    let Some(said) = meta.get(key) else {
        return Ok(None);
    };
    let range = if below_one {
        "in [0, 1)"
    } else {
        "finite and at least 0"
    };
    match said.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 && (!below_one || v < 1.0) => Ok(Some(v)),
        _ => Err(format!(
            "has metadata `{key}` {said:?}; expected a number {range}"
        )),
    }
}

/// `W1`, `b1`, ..., `Wk`, `bk`, and in the metadata `layer_sizes` (`"784,100,100,10"`),
/// `activation` and, if not 0, `weight_decay` (a file without it has none, as the first files).
impl SavedNetwork for MultiLayerNet {
    const FORMAT: &'static str = "scratchnet MultiLayerNet";

    fn architecture(&self) -> Vec<(&'static str, String)> {
        let mut meta = vec![
            ("layer_sizes", sizes_text(&self.layer_sizes())),
            ("activation", self.activation.to_string()),
        ];
        if self.weight_decay != 0.0 {
            meta.push(("weight_decay", self.weight_decay.to_string()));
        }
        meta
    }

    fn from_tensors(tensors: &Tensors, meta: &HashMap<String, String>) -> Result<Self, String> {
        let activation = activation(meta)?;
        let sizes = layer_sizes(meta)?;
        let params = affine_layers(tensors, &sizes)?;
        let weight_decay = number(meta, "weight_decay", false)?.unwrap_or(0.0);
        let net = MultiLayerNet {
            params,
            activation,
            weight_decay,
        };
        debug_assert_eq!(net.layer_sizes(), sizes);
        Ok(net)
    }
}

/// `W1`, `b1`, `gamma1`, `beta1`, ..., `Wk`, `bk` (the parameters, `gammaᵢ` and `betaᵢ` with
/// Batch Normalization only), `running_mean1`, `running_var1`, ... (Batch Normalization's
/// running statistics, one pair per hidden layer), and in the metadata `layer_sizes`,
/// `activation`, `batch_norm` (`"true"` or `"false"`), `weight_decay` and, with Dropout,
/// `dropout_ratio`.
impl SavedNetwork for MultiLayerNetExtend {
    const FORMAT: &'static str = "scratchnet MultiLayerNetExtend";

    fn architecture(&self) -> Vec<(&'static str, String)> {
        let mut meta = vec![
            ("layer_sizes", sizes_text(&self.layer_sizes())),
            ("activation", self.activation.to_string()),
            ("batch_norm", self.uses_batch_norm().to_string()),
            ("weight_decay", self.weight_decay.to_string()),
        ];
        if let Some(ratio) = self.dropout {
            meta.push(("dropout_ratio", ratio.to_string()));
        }
        meta
    }

    fn state(&self) -> Vec<(String, ArrayViewD<'_, f64>)> {
        let mut state = Vec::new();
        for (i, bn) in self.batch_norm.iter().enumerate() {
            let n = i + 1;
            state.push((
                format!("running_mean{n}"),
                bn.running_mean.view().into_dyn(),
            ));
            state.push((format!("running_var{n}"), bn.running_var.view().into_dyn()));
        }
        state
    }

    fn from_tensors(tensors: &Tensors, meta: &HashMap<String, String>) -> Result<Self, String> {
        let activation = activation(meta)?;
        let sizes = layer_sizes(meta)?;
        let affine = affine_layers(tensors, &sizes)?;
        let weight_decay = number(meta, "weight_decay", false)?.unwrap_or(0.0);
        let dropout = number(meta, "dropout_ratio", true)?;
        let batch_norm = match meta.get("batch_norm").map(String::as_str) {
            Some("true") => true,
            Some("false") | None => false,
            Some(other) => {
                return Err(format!(
                    "has metadata `batch_norm` {other:?}; expected \"true\" or \"false\""
                ));
            }
        };
        let mut layers = Vec::new();
        if batch_norm {
            for (i, &h) in sizes[1..sizes.len() - 1].iter().enumerate() {
                let n = i + 1;
                let get = |name: String| -> Result<Array1<f64>, String> {
                    let a: Array1<f64> = tensors.get(&name)?;
                    if a.len() != h {
                        return Err(format!(
                            "has {name} of {} values, but its `layer_sizes` {:?} give hidden \
                             layer {n} {h} units",
                            a.len(),
                            sizes_text(&sizes)
                        ));
                    }
                    Ok(a)
                };
                layers.push(BatchNorm {
                    gamma: get(format!("gamma{n}"))?,
                    beta: get(format!("beta{n}"))?,
                    running_mean: get(format!("running_mean{n}"))?,
                    running_var: get(format!("running_var{n}"))?,
                });
            }
        }
        Ok(MultiLayerNetExtend {
            affine,
            batch_norm: layers,
            activation,
            weight_decay,
            dropout,
        })
    }
}

/// `W1` (the filters, `(FN, C, FH, FW)`), `b1`, `W2`, `b2`, `W3`, `b3`, and in the metadata
/// `input_dim` (`"1,28,28"`), `stride` and `pad` (the filters' number and size are `W1`'s
/// shape, the hidden units and classes `W3`'s).
impl SavedNetwork for SimpleConvNet {
    const FORMAT: &'static str = "scratchnet SimpleConvNet";

    fn architecture(&self) -> Vec<(&'static str, String)> {
        let (c, h, w) = self.input_dim;
        vec![
            ("input_dim", sizes_text(&[c, h, w])),
            ("stride", self.conv_param.stride.to_string()),
            ("pad", self.conv_param.pad.to_string()),
        ]
    }

    fn from_tensors(tensors: &Tensors, meta: &HashMap<String, String>) -> Result<Self, String> {
        let input_dim = match layer_sizes_of(meta, "input_dim", " (\"1,28,28\")")?[..] {
            [c, h, w] if h == w => (c, h, w),
            _ => {
                return Err(format!(
                    "has metadata `input_dim` {:?}; expected channels, height and width \
                     (\"1,28,28\"), the height equal to the width",
                    meta["input_dim"]
                ));
            }
        };
        let count = |key: &str, least: usize| -> Result<usize, String> {
            let said = meta.get(key).ok_or(format!(
                "has no `{key}` in its metadata: it was not saved by scratchnet"
            ))?;
            said.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= least && n <= 1000)
                .ok_or(format!(
                    "has metadata `{key}` {said:?}; expected a whole number from {least} to 1000"
                ))
        };
        let (stride, pad) = (count("stride", 1)?, count("pad", 0)?);
        let w1: Array4<f64> = tensors.get("W1")?;
        let (filter_num, channels, fh, fw) = w1.dim();
        let size = input_dim.1 + 2 * pad;
        if channels != input_dim.0 || fh != fw || fh == 0 || fh > size || filter_num == 0 {
            return Err(format!(
                "has filters W1 {:?}, which do not fit images {:?} padded by {pad}: expected \
                 [filters, {}, size, size] with a size from 1 to {size}",
                w1.shape(),
                input_dim,
                input_dim.0
            ));
        }
        let conv_param = ConvParam {
            filter_num,
            filter_size: fh,
            pad,
            stride,
        };
        let (w3, b3): (Array2<f64>, Array1<f64>) = (tensors.get("W3")?, tensors.get("b3")?);
        let config = SimpleConvNetConfig {
            input_dim,
            conv_param,
            hidden_size: w3.nrows(),
            output_size: w3.ncols(),
            weight_init_std: 0.01,
        };
        let conv = config.conv_output_size();
        if conv < 2 {
            return Err(format!(
                "has filters of {fh}×{fh} with stride {stride} and pad {pad}, which leave a \
                 convolution output of {conv}×{conv}: the 2×2 pooling needs at least 2×2"
            ));
        }
        let pooled = config.pool_output_size();
        let net = SimpleConvNet {
            input_dim,
            conv_param,
            w1,
            b1: tensors.get("b1")?,
            w2: tensors.get("W2")?,
            b2: tensors.get("b2")?,
            w3,
            b3,
        };
        let (hidden, classes) = net.sizes();
        if net.b1.len() != filter_num
            || net.w2.dim() != (pooled, hidden)
            || net.b2.len() != hidden
            || net.b3.len() != classes
            || hidden == 0
            || classes == 0
        {
            return Err(format!(
                "has shapes that do not fit together: W1 {:?}, b1 {:?}, W2 {:?} (expected \
                 [{pooled}, {hidden}]), b2 {:?}, W3 {:?}, b3 {:?}",
                net.w1.shape(),
                net.b1.shape(),
                net.w2.shape(),
                net.b2.shape(),
                net.w3.shape(),
                net.b3.shape()
            ));
        }
        Ok(net)
    }
}
