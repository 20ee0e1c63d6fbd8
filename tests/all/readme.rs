//! The README's Library snippet is `tests/readme/src/main.rs`, a crate that depends on
//! scratchnet alone (without default features), which CI builds and runs: so the snippet
//! compiles for a new user. This test keeps the two texts equal.

use std::path::Path;

#[test]
fn the_readme_library_snippet_is_the_crate_ci_builds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let library = readme
        .split("## Library")
        .nth(1)
        .expect("a Library section");
    let snippet = library
        .split("```rust\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a rust block in the Library section");
    let crate_main = std::fs::read_to_string(root.join("tests/readme/src/main.rs")).unwrap();
    assert_eq!(
        snippet, crate_main,
        "README.md's snippet and tests/readme/src/main.rs differ"
    );
}
