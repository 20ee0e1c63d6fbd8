//! The IDX reader on gzip files whose content is the fuzzer's bytes: the fuzzer rarely makes
//! a valid gzip stream itself, so this target compresses its input (as one member, or split into
//! two members when the first byte is odd) to reach the IDX checks behind the decompression.

#![no_main]

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;
use libfuzzer_sys::fuzz_target;

fn gzip(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(part).expect("in memory");
        out.extend(encoder.finish().expect("in memory"));
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    // images with a valid header, so that the labels and the payload are what gets explored
    let mut images = vec![
        0,
        0,
        8,
        3,
        0,
        0,
        0,
        (how >> 1) % 4,
        0,
        0,
        0,
        28,
        0,
        0,
        0,
        28,
    ];
    images.extend(std::iter::repeat_n(how, 784 * usize::from((how >> 1) % 4)));
    let mid = rest.len() / 2;
    let labels = if how % 2 == 1 {
        gzip(&[&rest[..mid], &rest[mid..]])
    } else {
        gzip(&[rest])
    };
    let _ = scratchnet::data::mnist::split_from_readers(
        (Path::new("images.gz"), gzip(&[&images]).as_slice()),
        (Path::new("labels.gz"), labels.as_slice()),
    );
    let _ = scratchnet::data::mnist::split_from_readers(
        (Path::new("images.gz"), labels.as_slice()),
        (Path::new("labels.gz"), labels.as_slice()),
    );
});
