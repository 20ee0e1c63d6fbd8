//! The IDX reader on any bytes, raw or gzip (told apart by the first two bytes, as the loader
//! does): the first byte says where the images file ends and the labels file begins. Every
//! input is read or refused with an error; none panics, and none makes the reader allocate
//! more than the bytes it was given (libFuzzer's -rss_limit_mb and -malloc_limit_mb catch it).

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&cut, rest)) = data.split_first() else {
        return;
    };
    let cut = (usize::from(cut) * rest.len() / 255).min(rest.len());
    let (images, labels) = rest.split_at(cut);
    if let Ok(split) = scratchnet::data::mnist::split_from_readers(
        (Path::new("images"), images),
        (Path::new("labels"), labels),
    ) {
        assert_eq!(split.images.nrows(), split.len());
        assert!(split.labels.iter().all(|&l| l < 10));
    }
});
