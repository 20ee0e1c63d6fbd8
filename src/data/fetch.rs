//! Downloading MNIST: from a mirror that is alive, checked against known SHA-256 sums, renamed
//! into place only when the check passes.
//!
//! The site the book's code downloads from (`yann.lecun.com/exdb/mnist/`) no longer serves the
//! files; the book's repository moved to [`MIRRORS`]`[0]`. Each file is written to a temporary
//! name beside its target, decompressed and hashed, and renamed to its real name only if the
//! hash of its content matches: an interrupted or corrupted download leaves nothing behind.

use std::fs::File;
use std::io::{BufReader, Read, Write};
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

/// The SHA-256 of the decompressed content of a gzip file, in hex.
fn gunzipped_sha256(path: &Path) -> std::io::Result<String> {
    let mut reader = flate2::read::GzDecoder::new(BufReader::new(File::open(path)?));
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match reader.read(&mut buf)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Downloads the four MNIST files into `dir` (created if missing) from the first of `mirrors`
/// that serves each of them with the right content. Files already present with the right
/// content are kept.
///
/// # Errors
/// [`Error::Fetch`] if no mirror gives a file whose content has the right checksum (the message
/// lists what each mirror did); nothing is left at the file's name then.
pub fn fetch_mnist(
    dir: &Path,
    mirrors: &[&str],
    mut report: impl FnMut(FetchEvent),
) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Fetch {
        file: dir.display().to_string(),
        reason: format!("cannot create the directory: {e}"),
    })?;
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(600)))
            .build(),
    );
    for (name, sha) in FILES.iter().zip(SHA256) {
        let file = format!("{name}.gz");
        let target = dir.join(&file);
        if target.is_file() && gunzipped_sha256(&target).is_ok_and(|h| h == sha) {
            report(FetchEvent::Present { file });
            continue;
        }
        let mut failures = Vec::new();
        for mirror in mirrors {
            let url = format!("{mirror}{file}");
            match download_checked(&agent, &url, &target, sha, &file, &mut report) {
                Ok(()) => {
                    report(FetchEvent::Done { file: file.clone() });
                    break;
                }
                Err(reason) => {
                    report(FetchEvent::MirrorFailed {
                        url: url.clone(),
                        reason: reason.clone(),
                    });
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

/// Downloads `url` to a temporary file beside `target`, checks the SHA-256 of its decompressed
/// content, and renames it to `target` only if it matches ([`write_with`](crate::atomic::write_with)).
/// Leaves no file behind on failure.
fn download_checked(
    agent: &ureq::Agent,
    url: &str,
    target: &Path,
    sha: &str,
    file: &str,
    report: &mut impl FnMut(FetchEvent),
) -> Result<(), String> {
    let mut response = agent.get(url).call().map_err(|e| e.to_string())?;
    let size = response.body().content_length();
    report(FetchEvent::Start {
        file: file.to_string(),
        url: url.to_string(),
        size,
    });
    let mut body = response.body_mut().as_reader().take(MAX_DOWNLOAD + 1);
    // a problem with the download is an io::Error of kind Other, so that `write_with` can pass
    // it on; the others come from writing the file
    let problem = |message: String| std::io::Error::other(message);
    let write = |out: &mut tempfile::NamedTempFile| -> std::io::Result<()> {
        let (mut buf, mut bytes) = (vec![0u8; 1 << 16], 0u64);
        loop {
            let n = body
                .read(&mut buf)
                .map_err(|e| problem(format!("the download broke off: {e}")))?;
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n])?;
            bytes += n as u64;
            report(FetchEvent::Progress { bytes });
        }
        if bytes > MAX_DOWNLOAD {
            return Err(problem(format!(
                "the server sent more than {} MiB: not an MNIST file",
                MAX_DOWNLOAD >> 20
            )));
        }
        let got = gunzipped_sha256(out.path())
            .map_err(|e| problem(format!("not a valid gzip file: {e}")))?;
        if got != sha {
            return Err(problem(format!(
                "wrong content: SHA-256 {got}, expected {sha}"
            )));
        }
        Ok(())
    };
    crate::atomic::write_with(target, ".part", write).map_err(|e| match e.kind() {
        std::io::ErrorKind::Other => e.to_string(),
        _ => format!("cannot write it: {e}"),
    })
}
