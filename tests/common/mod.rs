//! What the integration tests share.

use std::path::{Path, PathBuf};

/// The directory with the real MNIST files: `$SCRATCHNET_DATA`, else `../shared/data/mnist`
/// beside the repository. Panics when neither holds them: the tests that need MNIST fail rather
/// than skip, so that CI proves them.
pub fn mnist_dir() -> PathBuf {
    let dir = std::env::var_os("SCRATCHNET_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/mnist"));
    assert!(
        dir.join("train-images-idx3-ubyte.gz").is_file(),
        "MNIST is not in {}: set SCRATCHNET_DATA to the directory with the four files",
        dir.display()
    );
    dir
}

/// The real MNIST files, loaded (for the tests that train).
#[allow(dead_code)] // not every test crate trains
pub fn real_data() -> scratchnet::Mnist {
    scratchnet::Mnist::load(&mnist_dir()).expect("the real MNIST files load")
}

/// A run with `config` on `data`, to the end: panics if it stops early or diverges.
#[allow(dead_code)] // not every test crate trains
pub fn train(
    config: scratchnet::train::TrainConfig,
    data: &scratchnet::Mnist,
) -> scratchnet::train::Training {
    let mut t = scratchnet::train::Training::new(config).unwrap();
    assert_eq!(
        t.run(data, |_| std::ops::ControlFlow::Continue(())),
        scratchnet::train::Outcome::Finished
    );
    t
}
