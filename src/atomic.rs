//! Writing a file so that no reader ever sees half of it: every file scratchnet writes (models,
//! checkpoints, histories, pictures, downloads) goes through one routine: a temporary file in
//! the same directory, flushed to the disk, then renamed over the target in one step.

use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

/// Writes `bytes` to `path` atomically: a reader sees the old file or the new one, never half
/// of it, and a failed write leaves the old file as it was.
///
/// # Errors
/// The I/O error of the write, the flush or the rename; `path` is then untouched.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("hello.txt");
/// scratchnet::atomic::write_atomically(&path, b"hello")?;
/// assert_eq!(std::fs::read(&path)?, b"hello");
/// // only the file itself: the temporary one was renamed to it
/// assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, "", |file| file.write_all(bytes))
}

/// Writes `path` through a temporary file in the same directory (named `.scratchnet-…` and
/// ending in `suffix`, for writers that pick a format from the extension): `write` fills it, it
/// is flushed to the disk, then renamed into place, which replaces the old file in one step.
/// If anything fails, the temporary file is removed and whatever was at `path` is untouched.
/// The new file gets the usual permissions (read and write for the owner, read for others,
/// less the umask).
///
/// # Errors
/// What `write` returns, or the I/O error of creating, flushing or renaming the file.
pub(crate) fn write_with<E: From<io::Error>>(
    path: &Path,
    suffix: &str,
    write: impl FnOnce(&mut NamedTempFile) -> Result<(), E>,
) -> Result<(), E> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".scratchnet-").suffix(suffix);
    #[cfg(unix)]
    {
        // as `File::create` does: 0666 less the umask (tempfile's own default is 0600)
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    write(&mut file)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    /// The same permissions as a file made by `std::fs::write`, not tempfile's private 0600.
    #[test]
    fn a_written_file_has_the_usual_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, plain) = (dir.path().join("a"), dir.path().join("b"));
        super::write_atomically(&ours, b"x").unwrap();
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&plain));
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model");
        std::fs::write(&path, b"old").unwrap();
        let failed = super::write_with(&path, ".png", |_| {
            Err(std::io::Error::other("the drawing failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
