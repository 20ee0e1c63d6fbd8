//! The checkpoint reader on any bytes. A checkpoint it accepts has passed every check of
//! `Training::resume`, so its state must fit together: the weights are 784-H-10 with H the
//! settings' hidden units, and the history is as long as the iterations done.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use scratchnet::train::Training;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("checkpoint.safetensors");
    if let Ok(t) = Training::<scratchnet::TwoLayerNet>::from_checkpoint(data, path) {
        assert_eq!(t.net.sizes(), (784, t.config.hidden, 10));
        assert_eq!(t.history.loss.len(), t.next_iter);
        assert!(t.next_iter <= t.config.iters);
    }
});
