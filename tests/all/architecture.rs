//! The crate graph is the architecture: each crate of the workspace may depend only on the
//! crates below it. Cargo already refuses a cycle; this test also refuses an arrow that would
//! not make one but points the wrong way (the engine on the pictures, the server on the command
//! line), read from each crate's own `Cargo.toml`.

use std::collections::BTreeSet;
use std::path::Path;

/// Each crate, and the project's crates it may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("book", &[]),
    ("engine", &["scratchnet-book"]),
    ("plot", &["scratchnet-book"]),
    ("serve", &["scratchnet-book", "scratchnet-engine"]),
    (
        "cli",
        &[
            "scratchnet-book",
            "scratchnet-engine",
            "scratchnet-plot",
            "scratchnet-serve",
        ],
    ),
];

/// The project's crates named under `[dependencies]` (or `[dependencies.NAME]`) of a manifest.
fn project_dependencies(manifest: &str) -> BTreeSet<String> {
    let mut section = "";
    let mut found = BTreeSet::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            if let Some(name) = line.strip_prefix("[dependencies.") {
                found.insert(name.trim_end_matches(']').to_string());
            }
            continue;
        }
        if section == "[dependencies]"
            && let Some(name) = line.split(['=', '.', ' ']).next()
            && name.starts_with("scratchnet-")
        {
            found.insert(name.to_string());
        }
    }
    found
}

#[test]
fn every_crate_depends_only_on_the_crates_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let manifest = std::fs::read_to_string(root.join(&name).join("Cargo.toml")).unwrap();
        let allowed: BTreeSet<String> = ALLOWED
            .iter()
            .find(|(crate_name, _)| *crate_name == name)
            .unwrap_or_else(|| panic!("crates/{name} is new: give it its place in ALLOWED"))
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        let has = project_dependencies(&manifest);
        let against: Vec<_> = has.difference(&allowed).collect();
        assert!(
            against.is_empty(),
            "crates/{name} depends on {against:?}, against the direction of the crate graph"
        );
        seen.insert(name);
    }
    assert_eq!(seen.len(), ALLOWED.len(), "every crate of ALLOWED exists");
}

#[test]
fn the_reader_sees_a_dependency_written_either_way() {
    let manifest = "[package]\nname = \"x\"\n\n[dependencies]\nscratchnet-book.workspace = \
                    true\nscratchnet-plot = { workspace = true }\nndarray = \"0.17\"\n\n\
                    [dependencies.scratchnet-serve]\npath = \"../serve\"\n\n[dev-dependencies]\n\
                    scratchnet-cli = \"1\"\n";
    let found: Vec<_> = project_dependencies(manifest).into_iter().collect();
    assert_eq!(
        found,
        ["scratchnet-book", "scratchnet-plot", "scratchnet-serve"]
    );
}
