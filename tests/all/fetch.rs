//! `fetch-mnist` against a small HTTP server on 127.0.0.1 that serves the real files, a
//! corrupted copy, and nothing at all. No test reaches beyond this machine.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use scratchnet::data::fetch::{FetchEvent, fetch_mnist};
use scratchnet::data::mnist::FILES;

/// Serves `/good/NAME` (the file in `data`), `/bad/NAME` (that file with a byte flipped in the
/// middle), `/short/NAME` (a Content-Length larger than what is sent) and 404 otherwise, for
/// at most `max_requests` requests. Returns the base address.
fn serve(data: &Path, max_requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let data = data.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_requests) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut parts = path.trim_start_matches('/').splitn(2, '/');
            let (kind, name) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let file = std::fs::read(data.join(name))
                .ok()
                .filter(|_| !name.contains(".."));
            if kind == "stall" {
                // keep the connection open, never answer, and serve the next requests
                std::thread::spawn(move || {
                    let _open = stream;
                    std::thread::sleep(std::time::Duration::from_secs(20));
                });
                continue;
            }
            if let ("slow", Some(b)) = (kind, &file) {
                // a kilobyte every 50 ms: the download is under way for minutes
                let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", b.len());
                let _ = stream.write_all(head.as_bytes());
                for chunk in b.chunks(1024) {
                    if stream.write_all(chunk).is_err() {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                continue;
            }
            let (status, body, claimed) = match (kind, file) {
                ("good", Some(b)) => ("200 OK", b.clone(), b.len()),
                ("trailing", Some(mut b)) => {
                    b.extend(b"trailing garbage");
                    let n = b.len();
                    ("200 OK", b, n)
                }
                ("bomb", _) => {
                    let b = gzip_bomb();
                    let n = b.len();
                    ("200 OK", b, n)
                }
                ("bad", Some(mut b)) => {
                    let mid = b.len() / 2;
                    b[mid] ^= 0xff;
                    let n = b.len();
                    ("200 OK", b, n)
                }
                ("short", Some(b)) => ("200 OK", b[..b.len() / 2].to_vec(), b.len()),
                _ => ("404 Not Found", b"no such file".to_vec(), 12),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {claimed}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|()| stream.write_all(&body));
        }
    });
    format!("http://{addr}/")
}

/// 64 MB of zeros in 64 KB of gzip: more than any MNIST file decompresses to.
fn gzip_bomb() -> Vec<u8> {
    use flate2::write::GzEncoder;
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

#[test]
fn a_corrupted_mirror_is_rejected_and_the_next_one_used() {
    let test = "fetch::a_corrupted_mirror_is_rejected_and_the_next_one_used";
    let Some((_, real)) = common::full(test) else {
        return;
    };
    let base = serve(real, 40);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mnist");
    let mut events = Vec::new();
    let (bad, good) = (format!("{base}bad/"), format!("{base}good/"));
    fetch_mnist(&target, &[bad.as_str(), good.as_str()], |e| {
        events.push(e);
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    let mut want: Vec<String> = FILES.iter().map(|f| format!("{f}.gz")).collect();
    want.sort();
    assert_eq!(
        common::files_in(&target),
        want,
        "the four files and nothing else"
    );
    let failed = events
        .iter()
        .filter(|e| matches!(e, FetchEvent::MirrorFailed { .. }))
        .count();
    assert_eq!(failed, 4, "the corrupted mirror failed for every file");
    assert!(events.iter().any(|e| matches!(e, FetchEvent::MirrorFailed { reason, .. } if reason.contains("SHA-256") || reason.contains("gzip"))));
    for (name, real) in FILES
        .iter()
        .map(|f| (format!("{f}.gz"), real.join(format!("{f}.gz"))))
    {
        assert_eq!(
            std::fs::read(target.join(&name)).unwrap(),
            std::fs::read(real).unwrap(),
            "{name}"
        );
    }
    scratchnet::Mnist::load(&target).expect("the downloaded files load");

    // a second run finds them in place and downloads nothing
    let mut again = Vec::new();
    fetch_mnist(&target, &[bad.as_str()], |e| {
        again.push(e);
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    assert!(
        again
            .iter()
            .all(|e| matches!(e, FetchEvent::Present { .. })),
        "{again:?}"
    );
}

#[test]
fn corrupted_truncated_and_missing_downloads_leave_nothing_behind() {
    // the real files when they are here; else the slice's, which can only fail the checksum too
    let data = common::full_if_found().map_or_else(common::slice_dir, |(_, dir)| dir.clone());
    let base = serve(&data, 20);
    for kind in ["bad", "short", "missing", "trailing", "bomb"] {
        let dir = tempfile::tempdir().unwrap();
        let mirror = format!("{base}{kind}/");
        let err = fetch_mnist(dir.path(), &[mirror.as_str()], |_| {
            std::ops::ControlFlow::Continue(())
        })
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("train-images-idx3-ubyte.gz") && err.contains(&mirror),
            "{kind}: {err}"
        );
        assert!(
            common::files_in(dir.path()).is_empty(),
            "{kind}: {:?}",
            common::files_in(dir.path())
        );
        let why = match kind {
            "trailing" => "not a valid gzip file",
            "bomb" => "decompresses to more than the 47040016 bytes",
            _ => "",
        };
        assert!(err.contains(why), "{kind}: {err}");
    }
}

/// A mirror that accepts the connection and never answers is given up after the stall
/// timeout, and the next mirror is used; a mirror given without its final slash works.
#[test]
fn a_silent_mirror_is_given_up_and_a_mirror_needs_no_final_slash() {
    let data = common::slice_dir();
    let base = serve(&data, 20);
    let dir = tempfile::tempdir().unwrap();
    let (silent, slice) = (format!("{base}stall/"), format!("{base}good"));
    let started = std::time::Instant::now();
    let mut failed = Vec::new();
    let patience = scratchnet::data::fetch::Patience {
        stall: std::time::Duration::from_secs(1),
        ..scratchnet::data::fetch::Patience::DEFAULT
    };
    let err = scratchnet::data::fetch::fetch_mnist_with(
        dir.path(),
        &[silent.as_str(), slice.as_str()],
        patience,
        |e| {
            if let FetchEvent::MirrorFailed { url, .. } = e {
                failed.push(url);
            }
            std::ops::ControlFlow::Continue(())
        },
    )
    .unwrap_err()
    .to_string();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    // the slice is not the real MNIST: the second mirror's file fails its checksum, after
    // being requested at {base}good/NAME
    assert_eq!(
        failed,
        [
            format!("{silent}train-images-idx3-ubyte.gz"),
            format!("{slice}/train-images-idx3-ubyte.gz")
        ]
    );
    assert!(err.contains("wrong content: SHA-256"), "{err}");
}

/// A mirror that sends, but too slowly to finish (20 KB/s against a deadline made for 10 MB/s
/// of content here: 6.7 s for the largest file), is given up with the reason, and nothing is
/// left behind; it used to be waited for without end.
#[test]
fn a_mirror_too_slow_to_finish_is_given_up() {
    let data = common::slice_dir();
    let base = serve(&data, 4);
    let dir = tempfile::tempdir().unwrap();
    let slow = format!("{base}slow/");
    let patience = scratchnet::data::fetch::Patience {
        stall: std::time::Duration::from_secs(1),
        min_rate: 10_000_000,
    };
    let started = std::time::Instant::now();
    let err =
        scratchnet::data::fetch::fetch_mnist_with(dir.path(), &[slow.as_str()], patience, |_| {
            std::ops::ControlFlow::Continue(())
        })
        .unwrap_err()
        .to_string();
    let took = started.elapsed();
    assert!(
        err.contains("too slow") && err.contains("--mirror"),
        "{err}"
    );
    assert!(took.as_secs() < 15, "{took:?}");
    assert!(
        common::files_in(dir.path()).is_empty(),
        "{:?}",
        common::files_in(dir.path())
    );
}

/// SIGINT, SIGTERM and SIGHUP during a download stop it, remove the partial file and exit with
/// status 130.
#[test]
fn a_signal_removes_the_partial_download() {
    let data = common::slice_dir();
    let base = serve(&data, 10);
    for signal in ["INT", "TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_scratchnet"))
            .args([
                "fetch-mnist",
                "--dir",
                dir.path().to_str().unwrap(),
                "--mirror",
            ])
            .arg(format!("{base}slow/"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        common::wait_until(20, "a download", || {
            !common::files_in(dir.path()).is_empty()
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        common::signal(&child, signal);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(130), "SIG{signal}: {stderr}");
        assert!(stderr.contains("partial file was removed"), "{stderr}");
        assert!(
            common::files_in(dir.path()).is_empty(),
            "SIG{signal}: {:?}",
            common::files_in(dir.path())
        );
    }
}

#[test]
fn the_command_downloads_with_a_report() {
    let test = "fetch::the_command_downloads_with_a_report";
    let Some((_, real)) = common::full(test) else {
        return;
    };
    let base = serve(real, 10);
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_scratchnet"))
        .args([
            "fetch-mnist",
            "--dir",
            dir.path().to_str().unwrap(),
            "--mirror",
            &format!("{base}good/"),
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("train-images-idx3-ubyte.gz: downloaded, checksum verified"),
        "{stdout}"
    );
    assert_eq!(common::files_in(dir.path()).len(), 4);

    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_scratchnet"))
        .args([
            "fetch-mnist",
            "--dir",
            empty.path().to_str().unwrap(),
            "--mirror",
            &format!("{base}bad/"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot download"));
    assert!(common::files_in(empty.path()).is_empty());
}

/// `fetch-mnist | head -1`: a closed standard output does not panic the download (here it
/// ends as it would anyway: the slice is not the real MNIST, so its checksum fails, status 1).
#[test]
fn a_closed_pipe_does_not_panic_the_download() {
    let base = serve(&common::slice_dir(), 10);
    let dir = tempfile::tempdir().unwrap();
    let mut fetch = Command::new(env!("CARGO_BIN_EXE_scratchnet"));
    fetch
        .args(["fetch-mnist", "--dir", dir.path().to_str().unwrap()])
        .arg("--mirror")
        .arg(format!("{base}good/"));
    let out = common::output_with_stdout_closed(fetch);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("wrong content: SHA-256"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
