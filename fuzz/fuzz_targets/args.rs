//! The command line's parsers of points (`--init`, `--start`), matrices (`simplenet
//! --weights`), learning rates and numbers, on any text; what they accept is used as the
//! command would use it: a 2-D start descends on the sphere, a 2x3 matrix is simpleNet's W.

#![no_main]

use libfuzzer_sys::fuzz_target;
use scratchnet::{Landscape, SimpleNet};

// the parsers are the binary's: compiled here from the same file
#[allow(dead_code)]
#[path = "../../crates/cli/src/cli/args.rs"]
mod args;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(args::Point(p)) = args::point(text) {
        assert!(p.iter().all(|v| v.is_finite()));
        if p.len() == 2 {
            let run = Landscape::Sphere
                .descend(&p, 0.1, 3)
                .expect("a finite 2-D start");
            assert_eq!(run.history.nrows(), 4);
        }
    }
    if let Ok(args::Matrix(w)) = args::matrix(text) {
        assert!(w.iter().all(|v| v.is_finite()));
        match SimpleNet::from_weights(w.clone()) {
            Ok(net) => assert_eq!(net.w.dim(), (2, 3)),
            Err(_) => assert_ne!(w.dim(), (2, 3)),
        }
    }
    if let Ok(lr) = args::learning_rate(text) {
        assert!(lr > 0.0 && lr.is_finite());
    }
    let _ = args::finite(text);
    let _ = args::unit_interval(text);
    let _ = args::two_dimensional(text);
});
