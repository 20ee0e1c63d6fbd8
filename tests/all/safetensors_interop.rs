//! Model files are readable from Python's safetensors package.
//!
//! `tests/reference/twolayer_784_4_10.safetensors` was written by scratchnet (regenerate with
//! `SCRATCHNET_WRITE_REFERENCE=1 cargo test --test safetensors_interop`) and read back by
//! `tests/reference/safetensors_check.py` with `safetensors.numpy.load_file`; that script's
//! output is committed as `safetensors_check.json`. This test holds today's writer to that file
//! and the values Python read from it.

use std::collections::HashMap;
use std::path::Path;

use scratchnet::{Activation, SavedNetwork, TwoLayerNet};
use serde_json::Value;

fn reference_net() -> TwoLayerNet {
    TwoLayerNet::new(784, 4, 10, 0.01, Activation::Sigmoid, 7)
}

#[test]
fn the_file_python_read_is_the_file_we_write() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let file = dir.join("twolayer_784_4_10.safetensors");
    let net = reference_net();
    if std::env::var_os("SCRATCHNET_WRITE_REFERENCE").is_some() {
        net.save(&file).unwrap();
    }
    let (loaded, meta) =
        TwoLayerNet::from_safetensors(&std::fs::read(&file).unwrap(), &file).unwrap();
    assert_eq!(loaded, net, "the committed file holds exactly this network");
    let fresh = net.to_safetensors(&HashMap::new()).unwrap();
    // the header's keys are written sorted, so today's writer gives the very bytes Python read
    assert!(
        fresh == std::fs::read(&file).unwrap(),
        "the committed file is what scratchnet writes today, byte for byte"
    );
    let (again, fresh_meta) = TwoLayerNet::from_safetensors(&fresh, &file).unwrap();
    assert_eq!((again, fresh_meta), (net.clone(), meta));

    let python: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("safetensors_check.json")).unwrap())
            .unwrap();
    for (name, values) in net.params.named() {
        let t = &python["tensors"][name];
        assert_eq!(t["dtype"], "float64", "{name}");
        let shape: Vec<usize> = serde_json::from_value(t["shape"].clone()).unwrap();
        assert_eq!(shape, values.shape(), "{name}");
        let first: Vec<f64> = serde_json::from_value(t["first"].clone()).unwrap();
        let ours: Vec<f64> = values.iter().take(first.len()).copied().collect();
        assert_eq!(
            first, ours,
            "{name}: Python read the same numbers, bit for bit"
        );
        let sum = t["sum"].as_f64().unwrap();
        assert!(
            (sum - values.sum()).abs() <= 1e-12 * (1.0 + sum.abs()),
            "{name}"
        );
    }
    assert_eq!(python["metadata"]["activation"], "sigmoid");
    assert_eq!(python["metadata"]["hidden_size"], "4");
}
