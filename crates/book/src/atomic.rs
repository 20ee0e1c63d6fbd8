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
//! - temporary names are short (`.scratchnet-PID-XXXXXX` and the extension), so any valid file
//!   name works, whatever its length; one left by a process that was killed (`kill -9`) is
//!   removed by the next write into that directory (on Linux, where a process's id tells
//!   whether it still runs);
//! - a missing directory is created, as `mkdir -p` would: every command follows this one rule.

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
/// beforehand: its directory exists and takes new files (one is made and removed at once), or
/// can be made in the nearest directory that exists; it is not a directory; a device or pipe
/// opens for writing. A long computation checks its outputs with this first, so that it does
/// not end unable to save.
///
/// # Errors
/// An I/O error whose message names the problem and the fix.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let check = scratchnet_book::atomic::check_writable;
/// assert!(check(&dir.path().join("net.safetensors")).is_ok());
/// // a directory to be made: it is made when the file is written
/// assert!(check(&dir.path().join("runs/today/net.safetensors")).is_ok());
/// std::fs::write(dir.path().join("notes.txt"), "a file")?;
/// let err = check(&dir.path().join("notes.txt/net.safetensors")).unwrap_err();
/// assert!(err.to_string().contains("notes.txt is a file, not a directory"), "{err}");
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
            // the nearest directory that exists, where the missing ones would be made
            let mut dir = dir_of(&path);
            while !dir.exists() {
                dir = dir_of(dir);
            }
            if !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!(
                        "{} is a file, not a directory: it cannot hold {}",
                        dir.display(),
                        path.display()
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
    // a device, pipe or socket is opened by its name, through whatever links lead to it (the
    // kernel's own, as /dev/stdout → /proc/self/fd/1 → "pipe:[…]", cannot be followed by name)
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        return Ok(Target::Stream(path.to_path_buf()));
    }
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        let meta = match fs::symlink_metadata(&path) {
            // nothing there yet, or a file in the way of a directory (which the check names)
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(Target::Replace(path));
            }
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

/// The start of every temporary file's name.
pub(crate) const TEMP_PREFIX: &str = ".scratchnet-";

/// Removes from `dir` the temporary files of scratchnet processes that no longer run (killed
/// while writing): those named `.scratchnet-PID-...` whose PID is not a running process. Only
/// where `/proc` tells (Linux); errors are ignored, as another process may remove them first.
fn sweep_orphans(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `path` through a temporary file (named `.scratchnet-PID-…` and ending in `suffix`, for
/// writers that pick a format from the extension): `write` fills it, it is flushed to the disk,
/// then renamed into place, which replaces the old file in one step. Missing directories are
/// made first, and orphaned temporary files in the directory removed. If anything fails, the
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
        Target::Replace(file) => {
            let dir = dir_of(file);
            fs::create_dir_all(dir)?;
            sweep_orphans(dir);
            dir.to_path_buf()
        }
        // no temporary file can go into /dev: it is written where temporary files go
        Target::Stream(_) => std::env::temp_dir(),
    };
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(suffix);
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

    /// A temporary file of a process that no longer runs (`kill -9` while writing) is removed by
    /// the next write into its directory; one of a running process (this one) is left alone.
    #[test]
    fn orphaned_temporary_files_are_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        // the largest process id Linux gives is 4,194,304
        let orphan = dir.path().join(".scratchnet-4294967-abc123.part");
        let ours = dir
            .path()
            .join(format!(".scratchnet-{}-xyz789", std::process::id()));
        let other = dir.path().join("notes.txt");
        for path in [&orphan, &ours, &other] {
            std::fs::write(path, b"x").unwrap();
        }
        super::write_atomically(&dir.path().join("model"), b"new").unwrap();
        if std::path::Path::new("/proc/self").exists() {
            assert!(!orphan.exists());
        }
        assert!(ours.exists() && other.exists());
    }

    /// Missing directories are made, as every command makes them.
    #[test]
    fn a_missing_directory_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("runs/2026/net.safetensors");
        super::check_writable(&path).unwrap();
        super::write_atomically(&path, b"net").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"net");
    }

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
