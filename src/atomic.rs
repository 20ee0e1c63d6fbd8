//! Writing a file so that no reader ever sees half of it.

use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same directory, renamed into place
/// when complete. On failure the temporary file is removed and whatever was at `path` before is
/// untouched.
///
/// # Errors
/// The I/O error of the write or the rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
