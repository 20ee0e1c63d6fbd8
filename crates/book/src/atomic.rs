//! Writing a file so that no reader ever sees half of it: every file scratchnet writes (models,
//! checkpoints, histories, pictures, downloads) goes through one routine: a temporary file in
//! the same directory, flushed to the disk, then renamed over the target in one step.
//!
//! The target is treated as a Unix tool treats it:
//! - a **symbolic link** is followed, and the file it points to is replaced (in that file's
//!   directory), so the link stays a link;
//! - a target that exists and is **not a regular file** (`/dev/null`, `/dev/stdout`, a named
//!   pipe) is written directly, after the temporary file is complete: `--save /dev/null`
//!   discards, as with `cp`, and never turns the device into a file;
//! - temporary names are short (`.scratchnet-XXXXXX` and the extension), so any valid file
//!   name works, whatever its length.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
/// scratchnet_book::atomic::write_atomically(&path, b"hello")?;
/// assert_eq!(std::fs::read(&path)?, b"hello");
/// // only the file itself: the temporary one was renamed to it
/// assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, "", |file| file.write_all(bytes))
}

/// Checks, before any work is done, that a write to `path` can succeed as far as can be known
/// beforehand: its directory exists and takes new files (one is made and removed at once), it
/// is not a directory, and a device or pipe opens for writing. A long computation checks its
/// outputs with this first, so that it does not end unable to save.
///
/// # Errors
/// An I/O error whose message names the problem and the fix.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// assert!(scratchnet_book::atomic::check_writable(&dir.path().join("net.safetensors")).is_ok());
/// let err = scratchnet_book::atomic::check_writable(&dir.path().join("nodir/net.safetensors"));
/// assert!(err.unwrap_err().to_string().contains("does not exist: create it first"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn check_writable(path: &Path) -> io::Result<()> {
    match target_of(path)? {
        Target::Stream(path) => OpenOptions::new().write(true).open(path).map(drop),
        Target::Replace(path) => {
            if path.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    format!("{} is a directory: give a file name", path.display()),
                ));
            }
            let dir = dir_of(&path);
            if !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "the directory {} does not exist: create it first",
                        dir.display()
                    ),
                ));
            }
            tempfile::tempfile_in(dir).map(drop).map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot make a file in {}: {e}", dir.display()),
                )
            })
        }
    }
}

/// Where a write to a path really goes.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file, or nothing yet: replaced by renaming a temporary file over it.
    Replace(PathBuf),
    /// A device, a pipe or a socket: written directly.
    Stream(PathBuf),
}

/// Follows `path`'s symbolic links (at most 40, as the kernel does) to what a write should
/// change.
fn target_of(path: &Path) -> io::Result<Target> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        let meta = match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Replace(path)),
            other => other?,
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = fs::read_link(&path)?;
            path = match path.parent() {
                Some(dir) if link.is_relative() => dir.join(link),
                _ => link,
            };
        } else if kind.is_file() || kind.is_dir() {
            // a directory is left to the rename, which refuses it with the system's message
            return Ok(Target::Replace(path));
        } else {
            return Ok(Target::Stream(path));
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// The directory a path's file is in (`.` for a bare name).
fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `path` through a temporary file (named `.scratchnet-…` and ending in `suffix`, for
/// writers that pick a format from the extension): `write` fills it, it is flushed to the disk,
/// then renamed into place, which replaces the old file in one step. If anything fails, the
/// temporary file is removed and whatever was at `path` is untouched. The new file gets the
/// usual permissions (read and write for the owner, read for others, less the umask).
///
/// Symbolic links are followed; a target that is not a regular file (a device, a pipe) gets
/// the complete temporary file's bytes written into it instead (module docs).
///
/// # Errors
/// What `write` returns, or the I/O error of creating, flushing, renaming or copying the file.
pub(crate) fn write_with<E: From<io::Error>>(
    path: &Path,
    suffix: &str,
    write: impl FnOnce(&mut NamedTempFile) -> Result<(), E>,
) -> Result<(), E> {
    let target = target_of(path)?;
    let temp_dir = match &target {
        Target::Replace(file) => dir_of(file).to_path_buf(),
        // no temporary file can go into /dev: it is written where temporary files go
        Target::Stream(_) => std::env::temp_dir(),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".scratchnet-").suffix(suffix);
    #[cfg(unix)]
    {
        // as `File::create` does: 0666 less the umask (tempfile's own default is 0600)
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(temp_dir)?;
    write(&mut file)?;
    match target {
        Target::Replace(path) => {
            file.as_file().sync_all()?;
            file.persist(path).map_err(|e| e.error)?;
        }
        Target::Stream(path) => {
            let mut out = OpenOptions::new().write(true).open(path)?;
            io::copy(&mut File::open(file.path())?, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::{PermissionsExt, symlink};

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

    /// A link is followed: the file it points to gets the bytes, the link stays a link, and
    /// the temporary file is made beside the target, not beside the link.
    #[test]
    fn a_symbolic_link_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let (models, links) = (dir.path().join("models"), dir.path().join("links"));
        std::fs::create_dir_all(&models).unwrap();
        std::fs::create_dir_all(&links).unwrap();
        std::fs::write(models.join("real"), b"old").unwrap();
        // a relative link, through a second link, and a link to a file not yet made
        symlink("../models/real", links.join("one")).unwrap();
        symlink("one", links.join("two")).unwrap();
        symlink("../models/new", links.join("dangling")).unwrap();
        super::write_atomically(&links.join("two"), b"new").unwrap();
        super::write_atomically(&links.join("dangling"), b"made").unwrap();
        assert_eq!(std::fs::read(models.join("real")).unwrap(), b"new");
        assert_eq!(std::fs::read(models.join("new")).unwrap(), b"made");
        for link in ["one", "two", "dangling"] {
            let meta = std::fs::symlink_metadata(links.join(link)).unwrap();
            assert!(meta.file_type().is_symlink(), "{link} is still a link");
        }
        assert_eq!(std::fs::read_dir(&models).unwrap().count(), 2);
        assert_eq!(std::fs::read_dir(&links).unwrap().count(), 3);
    }

    #[test]
    fn a_loop_of_links_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        let err = super::write_atomically(&dir.path().join("a"), b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }

    /// The longest name a Linux file system allows (255 bytes) is written: the temporary name
    /// does not grow with the target's.
    #[test]
    fn a_long_file_name_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.safetensors", "m".repeat(243)));
        assert_eq!(path.file_name().unwrap().len(), 255);
        super::write_with(&path, ".safetensors", |f| {
            std::io::Write::write_all(f, b"x")
        })
        .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
    }
}
