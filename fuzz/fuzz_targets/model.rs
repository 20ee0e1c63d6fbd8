//! The model loader on any bytes: read as a file of that length (bounded by its header), then
//! as a network. A file is read only if its header covers it exactly (no bytes after the data,
//! none inserted); a network that loads must classify an image of its input size.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use scratchnet::net::file::read_safetensors_from;
use scratchnet::{SavedNetwork, TwoLayerNet};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("model.safetensors");
    for len in [Some(data.len() as u64), None] {
        let Ok(bytes) = read_safetensors_from(data, len, path) else {
            continue;
        };
        assert_eq!(bytes.len(), data.len(), "the header covers the whole file");
        if let Ok((net, _)) = TwoLayerNet::from_safetensors(&bytes, path) {
            let (d, h, c) = net.sizes();
            if d * h + h * c <= 1 << 20 {
                let x = ndarray::Array2::from_elem((1, d), 0.5);
                assert_eq!(net.classify(x.view()).len(), 1);
            }
        }
    }
});
