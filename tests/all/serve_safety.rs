//! `scratchnet serve` as safe as a server on the internet, on loopback: other pages and other
//! host names are refused, stalled clients do not lock a visitor out, oversized work is refused
//! before it is done, a full queue answers 503, memory is given back, and a run is not lost at
//! exit. Each test is bounded in connections and time.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{fresh_scratchnet, wait_until};
use crate::serve::Server;

/// A request written by hand: its status, its headers and its body.
fn raw(server: &Server, head: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP answer to {head:?}: {answer:?}"));
    let head = String::from_utf8_lossy(&answer[..split]).to_string();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head, answer[split + 4..].to_vec())
}

/// `POST /api/train` with `body` and the given extra header lines.
fn post_train(server: &Server, host: &str, headers: &str, body: &str) -> (u16, String) {
    let head = format!(
        "POST /api/train HTTP/1.1\r\nHost: {host}\r\n{headers}Content-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    let (status, _, answer) = raw(server, &head, body.as_bytes());
    (status, String::from_utf8_lossy(&answer).to_string())
}

#[test]
fn other_pages_other_hosts_and_bodies_that_are_not_json_are_refused() {
    let server = Server::start();
    let host = server.address.clone();
    let json = "Content-Type: application/json\r\n";
    let body = r#"{"iters": 1000000}"#;
    // a page of another origin (what a site the learner visits would send)
    let evil = format!("{json}Origin: http://evil.example\r\n");
    let (status, answer) = post_train(&server, &host, &evil, body);
    assert_eq!(status, 403, "{answer}");
    assert!(answer.contains("http://evil.example"), "{answer}");
    // a name rebound to 127.0.0.1 (DNS rebinding)
    let (status, answer) = post_train(&server, "evil.example:80", json, body);
    assert_eq!(status, 403, "{answer}");
    assert!(answer.contains("evil.example"), "{answer}");
    // a form's body, which a browser sends across origins without asking
    let (status, answer) = post_train(&server, &host, "Content-Type: text/plain\r\n", body);
    assert_eq!(status, 415, "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    // none of them started anything
    let (_, run) = server.json("GET", "/api/train", &Value::Null);
    assert_eq!(run["run"], Value::Null, "{run}");
    // the playground's own page, by either name of this machine, is answered
    let port = host.rsplit(':').next().unwrap();
    for name in [format!("localhost:{port}"), host.clone()] {
        let page = format!("{json}Origin: http://{name}\r\n");
        let (status, answer) = post_train(&server, &name, &page, r#"{"iters": 10}"#);
        assert!(matches!(status, 202 | 409), "{name}: {status} {answer}");
    }
}

/// 1,500 connections that never finish their headers, against a server allowed 1,024 open
/// files: a normal request is answered within a second, and so is the next.
#[test]
fn stalled_connections_do_not_lock_a_visitor_out() {
    let server = Server::start_in(tempfile::tempdir().unwrap(), &[], Some(1024));
    let stalled: Vec<TcpStream> = (0..1500)
        .filter_map(|_| {
            let mut s = TcpStream::connect(&server.address).ok()?;
            s.write_all(b"GET /api/data HTTP/1.1\r\nHo").ok()?;
            Some(s)
        })
        .collect();
    assert!(
        stalled.len() >= 1400,
        "{} connections opened",
        stalled.len()
    );
    for _ in 0..2 {
        let started = Instant::now();
        let (status, data) = server.json("GET", "/api/data", &Value::Null);
        let took = started.elapsed();
        assert_eq!(status, 200, "{data}");
        assert!(took < Duration::from_secs(1), "answered in {took:?}");
        eprintln!(
            "with {} stalled connections: answered in {took:?}",
            stalled.len()
        );
    }
    // a trickled body is cut off (408) rather than held
    let started = Instant::now();
    let mut slow = TcpStream::connect(&server.address).unwrap();
    let head = format!(
        "POST /api/descend HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Content-Length: 100\r\n\r\n{{",
        server.address
    );
    slow.write_all(head.as_bytes()).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    drop(stalled);
}

/// Ten trainings too large for the memory budget at once: each refused within 100 ms with the
/// limit named, while the other routes answer.
#[test]
fn oversized_trainings_are_refused_at_once_and_the_rest_answers() {
    let server = Server::start();
    let address = server.address.clone();
    let refusals: Vec<_> = (0..10)
        .map(|_| {
            let address = address.clone();
            std::thread::spawn(move || {
                let body = r#"{"hidden": 100000}"#;
                let head = format!(
                    "POST /api/train HTTP/1.1\r\nHost: {address}\r\nContent-Type: \
                     application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let started = Instant::now();
                let mut stream = TcpStream::connect(&address).unwrap();
                stream.write_all(head.as_bytes()).unwrap();
                let mut answer = String::new();
                stream.read_to_string(&mut answer).unwrap();
                (started.elapsed(), answer)
            })
        })
        .collect();
    let (status, _) = server.json("GET", "/api/train/defaults", &Value::Null);
    assert_eq!(status, 200);
    for refusal in refusals {
        let (took, answer) = refusal.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        assert!(answer.contains("2048 MiB"), "{answer}");
        assert!(took < Duration::from_millis(100), "refused in {took:?}");
    }
}

/// The server's resident memory, from `/proc`.
fn rss_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    kb / 1024
}

/// A run of 784-4000-10 with Adam (its weights 25 MB in f64, and twice that of the rule's
/// state) takes memory while it trains and gives most back when it ends: after it, the server
/// holds at most 150 MiB more than before it (the finished network, kept for the Digits page
/// and the download, and what the allocator keeps).
#[test]
fn a_large_run_gives_its_memory_back() {
    let server = Server::start();
    wait_until(60, "the built-in network", || {
        server.json("GET", "/api/digits/model", &Value::Null).0 == 200
    });
    let before = rss_mib(server.pid());
    let settings = json!({"hidden": 4000, "iters": 60, "optimizer": "adam", "dtype": "f32"});
    let (status, doc) = server.json("POST", "/api/train", &settings);
    assert_eq!(status, 202, "{doc}");
    let mut peak = 0;
    wait_until(120, "the run's end", || {
        peak = peak.max(rss_mib(server.pid()));
        server.json("GET", "/api/train", &Value::Null).1["status"]["state"] == "finished"
    });
    let after = rss_mib(server.pid());
    assert!(
        after <= before + 150,
        "{before} MiB before, {peak} MiB at the peak, {after} MiB after"
    );
    eprintln!("resident memory: {before} MiB before, {peak} MiB at the peak, {after} MiB after");
}

/// More heavy descents at once than the server computes and queues: the rest are answered 503
/// with `Retry-After`, and every one is answered.
#[test]
fn a_full_queue_answers_503_with_retry_after() {
    let server = Server::start();
    let address = server.address.clone();
    let heavy = json!({
        "init": [[1, 1], [2, 2], [3, 3], [-3, 4]],
        "lr": [0.01, 0.02, 0.05, 0.1],
        "steps": 10000
    })
    .to_string();
    let requests: Vec<_> = (0..40)
        .map(|_| {
            let (address, body) = (address.clone(), heavy.clone());
            std::thread::spawn(move || {
                let head = format!(
                    "POST /api/descend HTTP/1.1\r\nHost: {address}\r\nContent-Type: \
                     application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let mut stream = TcpStream::connect(&address).unwrap();
                stream.write_all(head.as_bytes()).unwrap();
                let mut answer = String::new();
                stream.read_to_string(&mut answer).unwrap();
                answer
            })
        })
        .collect();
    let answers: Vec<String> = requests.into_iter().map(|r| r.join().unwrap()).collect();
    let busy: Vec<&String> = answers
        .iter()
        .filter(|a| a.starts_with("HTTP/1.1 503"))
        .collect();
    let done = answers
        .iter()
        .filter(|a| a.starts_with("HTTP/1.1 200"))
        .count();
    assert!(
        !busy.is_empty() && done >= 2,
        "{done} done, {} busy",
        busy.len()
    );
    assert_eq!(done + busy.len(), 40);
    for answer in busy {
        let lower = answer.to_ascii_lowercase();
        assert!(
            lower.contains("retry-after: 1") && lower.contains("busy"),
            "{answer}"
        );
    }
}

/// SIGTERM while `--checkpoint DIR` is locked by a running `train`: the stopped run is saved in
/// the next free default directory, and the server says where and why.
#[test]
fn a_run_is_saved_elsewhere_when_its_directory_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let mut train = fresh_scratchnet()
        .args(["train", "--iters", "100000000", "--checkpoint", "ck"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let ck = dir.path().join("ck");
    wait_until(30, "train's lock", || ck.join("lock").exists());
    let server = Server::start_in(dir, &["--checkpoint".as_ref(), "ck".as_ref()], None);
    let (status, doc) = server.json("POST", "/api/train", &json!({"iters": 100000}));
    assert_eq!(status, 202, "{doc}");
    wait_until(30, "a few iterations", || {
        server.json("GET", "/api/train", &Value::Null).1["next_iter"].as_u64() > Some(5)
    });
    let (_, stderr, dir) = server.stop_with("TERM");
    let _ = train.kill();
    let _ = train.wait();
    let saved = dir
        .path()
        .join("scratchnet-checkpoint/checkpoint.safetensors");
    assert!(saved.exists(), "{stderr}");
    assert!(
        stderr.contains("scratchnet-checkpoint") && stderr.contains("not where asked"),
        "{stderr}"
    );
}
