//! Downloading MNIST: from a mirror that is alive, checked against known SHA-256 sums, renamed
//! into place only when the check passes.
//!
//! The site the book's code downloads from (`yann.lecun.com/exdb/mnist/`) no longer serves the
//! files; the book's repository moved to [`MIRRORS`]`[0]`. Each file is written to a temporary
//! name beside its target, decompressed and hashed, and renamed to its real name only if the
//! hash of its content matches: an interrupted or corrupted download leaves nothing behind.
//!
//! A mirror that does not answer is given up after [`CONNECT_TIMEOUT`], one that stops sending
//! after [`STALL_TIMEOUT`] without a byte, and one that sends too slowly to finish after a
//! deadline ([`Patience`]) that a slow but honest link passes: a file of the largest's size at
//! [`MIN_RATE`], 16 KiB/s of its content (about 3 KiB/s of the compressed download). Decompression stops at the file's known size ([`SIZES`]): a small file
//! that inflates to gigabytes (a "gzip bomb") is refused after reading that much, and bytes after
//! the gzip data make the file wrong too.

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::ops::ControlFlow;
use std::path::Path;
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::mnist::FILES;
use crate::Error;

/// Where MNIST can be downloaded from, tried in order: the mirror the book's code uses today,
/// then Google's copy for TensorFlow.
pub const MIRRORS: [&str; 2] = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
];

/// The SHA-256 of each file's decompressed content, in the order of [`FILES`]: the canonical
/// IDX files, whatever the compression.
pub const SHA256: [&str; 4] = [
    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
];

/// The size of each file's decompressed content, in the order of [`FILES`]: 16-byte header and
/// 60,000 or 10,000 images of 784 bytes; 8-byte header and a byte per label.
pub const SIZES: [u64; 4] = [47_040_016, 60_008, 7_840_016, 10_008];

/// How long to wait for a mirror to accept the connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// How long a download may go without receiving a byte before the mirror is given up.
pub const STALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The slowest download that finishes, in bytes of decompressed content per second: 16 KiB/s
/// (the largest file, 47 MB decompressed and 9.9 MB compressed, has 49 minutes).
pub const MIN_RATE: u64 = 16 << 10;

/// How long a download may take: at most `stall` without a byte, and at most `2 · stall + size
/// / min_rate` in all for a file of `size` decompressed bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Patience {
    /// The longest wait for a byte.
    pub stall: Duration,
    /// The slowest rate that finishes, in decompressed bytes per second.
    pub min_rate: u64,
}

impl Patience {
    /// [`STALL_TIMEOUT`] and [`MIN_RATE`].
    pub const DEFAULT: Patience = Patience {
        stall: STALL_TIMEOUT,
        min_rate: MIN_RATE,
    };

    /// The deadline of a file of `size` decompressed bytes.
    #[must_use]
    pub fn deadline(self, size: u64) -> Duration {
        2 * self.stall + Duration::from_secs_f64(size as f64 / self.min_rate.max(1) as f64)
    }
}

/// No MNIST file is larger than this compressed (the largest is under 10 MB): a server that
/// sends more is not sending MNIST.
const MAX_DOWNLOAD: u64 = 64 << 20;

/// What a download reports while it runs.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchEvent {
    /// A file is already there with the right content: nothing to do.
    Present {
        /// The file's name.
        file: String,
    },
    /// A download starts.
    Start {
        /// The file's name.
        file: String,
        /// Where it comes from.
        url: String,
        /// Its size in bytes, when the server says.
        size: Option<u64>,
    },
    /// Bytes received so far for the current file.
    Progress {
        /// Bytes so far.
        bytes: u64,
    },
    /// The file is in place, its checksum verified.
    Done {
        /// The file's name.
        file: String,
    },
    /// A mirror failed for this file; the next one will be tried.
    MirrorFailed {
        /// The address that failed.
        url: String,
        /// Why.
        reason: String,
    },
}

/// The SHA-256 of the decompressed content of a gzip file, in hex, reading at most `size + 1`
/// decompressed bytes: `Ok(None)` if the content is longer than `size` (then it is not the file
/// it should be, and reading it all could take minutes). Every gzip member is read, so bytes
/// after the first member must be gzip too.
fn gunzipped_sha256(path: &Path, size: u64) -> std::io::Result<Option<String>> {
    let reader = flate2::read::MultiGzDecoder::new(BufReader::new(File::open(path)?));
    let mut reader = reader.take(size + 1);
    let (mut hasher, mut total) = (Sha256::new(), 0u64);
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match reader.read(&mut buf)? {
            0 => break,
            n => {
                hasher.update(&buf[..n]);
                total += n as u64;
            }
        }
    }
    if total > size {
        return Ok(None);
    }
    Ok(Some(
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    ))
}

/// Downloads the four MNIST files into `dir` (created if missing) from the first of `mirrors`
/// that serves each of them with the right content. Files already present with the right
/// content are kept. A mirror is a base address: `https://host/path/` (the slash at the end is
/// added if missing). `report` hears how it goes, and stops the download by returning
/// [`ControlFlow::Break`] (on Ctrl-C, say): the partial file is removed.
///
/// # Errors
/// [`Error::Fetch`] if no mirror gives a file whose content has the right checksum (the message
/// lists what each mirror did), or if `report` stopped it; nothing is left at the file's name
/// then.
pub fn fetch_mnist(
    dir: &Path,
    mirrors: &[&str],
    report: impl FnMut(FetchEvent) -> ControlFlow<()>,
) -> Result<(), Error> {
    fetch_mnist_with(dir, mirrors, Patience::DEFAULT, report)
}

/// [`fetch_mnist`] with its [`Patience`] given (for tests).
///
/// # Errors
/// As [`fetch_mnist`].
// About 65 lines: every file from every mirror in turn, with what each attempt says.
pub fn fetch_mnist_with(
    dir: &Path,
    mirrors: &[&str],
    patience: Patience,
    mut report: impl FnMut(FetchEvent) -> ControlFlow<()>,
) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Fetch {
        file: dir.display().to_string(),
        reason: format!("cannot create the directory: {e}"),
    })?;
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .timeout_resolve(Some(CONNECT_TIMEOUT))
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_per_read(Some(patience.stall))
            .timeout_per_write(Some(patience.stall))
            .build(),
    );
    for ((name, sha), size) in FILES.iter().zip(SHA256).zip(SIZES) {
        let file = format!("{name}.gz");
        let target = dir.join(&file);
        if target.is_file()
            && gunzipped_sha256(&target, size).is_ok_and(|h| h.as_deref() == Some(sha))
        {
            let _ = report(FetchEvent::Present { file });
            continue;
        }
        let mut failures = Vec::new();
        for mirror in mirrors {
            let url = format!("{}/{file}", mirror.trim_end_matches('/'));
            let deadline = patience.deadline(size);
            let got = download_checked(
                &agent,
                &url,
                &target,
                (sha, size, deadline),
                &file,
                &mut report,
            );
            match got {
                Ok(()) => {
                    let _ = report(FetchEvent::Done { file: file.clone() });
                    break;
                }
                Err(Stop::Stopped) => {
                    return Err(Error::Fetch {
                        file,
                        reason: "stopped before it was complete; the partial file was removed"
                            .into(),
                    });
                }
                Err(Stop::Failed(reason)) => {
                    if report(FetchEvent::MirrorFailed {
                        url: url.clone(),
                        reason: reason.clone(),
                    })
                    .is_break()
                    {
                        return Err(Error::Fetch {
                            file,
                            reason: "stopped".into(),
                        });
                    }
                    failures.push(format!("{url}: {reason}"));
                }
            }
        }
        if failures.len() == mirrors.len() {
            return Err(Error::Fetch {
                file,
                reason: failures.join("; "),
            });
        }
    }
    Ok(())
}

/// Why a download did not give the file.
enum Stop {
    /// The caller asked to stop.
    Stopped,
    /// The mirror failed, for this reason.
    Failed(String),
}

/// Downloads `url` to a temporary file beside `target`, checks the SHA-256 of its decompressed
/// content (at most `size` bytes), and renames it to `target` only if it matches
/// ([`write_with`](crate::atomic::write_with)). Leaves no file behind on failure.
// About 60 lines: one download, each way it fails with its message.
fn download_checked(
    agent: &ureq::Agent,
    url: &str,
    target: &Path,
    (sha, size, deadline): (&str, u64, Duration),
    file: &str,
    report: &mut impl FnMut(FetchEvent) -> ControlFlow<()>,
) -> Result<(), Stop> {
    let failed = |e: &dyn std::fmt::Display| Stop::Failed(e.to_string());
    let mut response = agent.get(url).call().map_err(|e| failed(&e))?;
    let length = response.body().content_length();
    if report(FetchEvent::Start {
        file: file.to_string(),
        url: url.to_string(),
        size: length,
    })
    .is_break()
    {
        return Err(Stop::Stopped);
    }
    let mut body = response.body_mut().as_reader().take(MAX_DOWNLOAD + 1);
    // a problem with the download is an io::Error of kind Other, and a stop one of kind
    // Interrupted, so that `write_with` can pass them on; the others come from writing the file
    let problem = |message: String| std::io::Error::other(message);
    let started = std::time::Instant::now();
    let write = |out: &mut tempfile::NamedTempFile| -> std::io::Result<()> {
        let (mut buf, mut bytes) = (vec![0u8; 1 << 16], 0u64);
        loop {
            if started.elapsed() > deadline {
                return Err(problem(format!(
                    "too slow: {bytes} bytes in {:.0} s, and a download must finish within \
                     {:.0} s (a slow link passes: {} KiB/s of content); try another mirror \
                     (--mirror)",
                    started.elapsed().as_secs_f64(),
                    deadline.as_secs_f64(),
                    MIN_RATE >> 10
                )));
            }
            let n = body
                .read(&mut buf)
                .map_err(|e| problem(format!("the download broke off: {e}")))?;
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n])?;
            bytes += n as u64;
            if report(FetchEvent::Progress { bytes }).is_break() {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
        }
        if bytes > MAX_DOWNLOAD {
            return Err(problem(format!(
                "the server sent more than {} MiB: not an MNIST file",
                MAX_DOWNLOAD >> 20
            )));
        }
        match gunzipped_sha256(out.path(), size) {
            Err(e) => Err(problem(format!("not a valid gzip file: {e}"))),
            Ok(None) => Err(problem(format!(
                "it decompresses to more than the {size} bytes of {file}: not an MNIST file"
            ))),
            Ok(Some(got)) if got != sha => Err(problem(format!(
                "wrong content: SHA-256 {got}, expected {sha}"
            ))),
            Ok(Some(_)) => Ok(()),
        }
    };
    crate::atomic::write_with(target, ".part", write).map_err(|e| match e.kind() {
        std::io::ErrorKind::Interrupted => Stop::Stopped,
        std::io::ErrorKind::Other => Stop::Failed(e.to_string()),
        _ => Stop::Failed(format!("cannot write it: {e}")),
    })
}
