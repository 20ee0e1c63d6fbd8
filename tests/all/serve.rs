//! `scratchnet serve` end to end: the binary started on a free loopback port, asked over
//! plain HTTP/1.1 (a few lines of `TcpStream`, so that the test depends on no HTTP client's
//! behaviour), its answers checked against the command line and the library.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde_json::{Value, json};

use crate::common::{fresh_scratchnet, signal, slice_dir, wait_until};
use scratchnet::SavedNetwork as _;

/// A server on a free port of 127.0.0.1, in a directory of its own (where Ctrl-C writes a
/// checkpoint), on the built-in slice. Stopped by Ctrl-C when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) address: String,
    pub(crate) dir: tempfile::TempDir,
}

impl Server {
    pub(crate) fn start() -> Server {
        Self::start_with(&[])
    }

    /// A server started with more flags.
    pub(crate) fn start_with(flags: &[&std::ffi::OsStr]) -> Server {
        Self::start_in(tempfile::tempdir().unwrap(), flags, None)
    }

    /// A server started in `dir` with more flags, and at most `open_files` descriptors (`ulimit
    /// -n`) if given.
    pub(crate) fn start_in(
        dir: tempfile::TempDir,
        flags: &[&std::ffi::OsStr],
        open_files: Option<u32>,
    ) -> Server {
        let mut command = match open_files {
            Some(n) => {
                let mut sh = crate::common::fresh(std::process::Command::new("sh"));
                sh.arg("-c")
                    .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                    .arg(env!("CARGO_BIN_EXE_scratchnet"));
                sh
            }
            None => fresh_scratchnet(),
        };
        let mut child = command
            .args(["serve", "--port", "0", "--data"])
            .arg(slice_dir())
            .args(flags)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        // "scratchnet playground: http://127.0.0.1:PORT/  (Ctrl-C stops it)"
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_string();
        Server {
            child,
            address,
            dir,
        }
    }

    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// One request; the status and the body.
    pub(crate) fn request(&self, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.address,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        // a body larger than the limit may be refused before it is all sent
        let _ = stream.write_all(body);
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP answer");
        let head = String::from_utf8_lossy(&answer[..split]).to_string();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut body = answer[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = unchunk(&body);
        }
        (status, body)
    }

    pub(crate) fn json(&self, method: &str, path: &str, body: &Value) -> (u16, Value) {
        let bytes = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        let (status, answer) = self.request(method, path, &bytes);
        let doc = serde_json::from_slice(&answer)
            .unwrap_or_else(|_| panic!("{path}: not JSON: {}", String::from_utf8_lossy(&answer)));
        (status, doc)
    }

    /// [`json`](Server::json), asked again while a built-in network trains (503), for at most
    /// five minutes.
    pub(crate) fn json_when_ready(&self, method: &str, path: &str, body: &Value) -> (u16, Value) {
        let started = Instant::now();
        loop {
            let (status, doc) = self.json(method, path, body);
            if status != 503 {
                return (status, doc);
            }
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "{path}: still 503 after five minutes: {doc}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Ctrl-C, then the exit status and what it printed on stderr.
    pub(crate) fn stop(self) -> (std::process::ExitStatus, String, tempfile::TempDir) {
        self.stop_with("INT")
    }

    /// The signal `name`, then the exit status and what it printed on stderr.
    pub(crate) fn stop_with(
        mut self,
        name: &str,
    ) -> (std::process::ExitStatus, String, tempfile::TempDir) {
        signal(&self.child, name);
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "serve did not stop"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut stderr = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let dir = std::mem::replace(&mut self.dir, dir);
        (status, stderr, dir)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

fn cli_json(args: &[&str]) -> Value {
    let out = fresh_scratchnet().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn post_descend_answers_exactly_what_descend_json_prints() {
    let server = Server::start();
    let cases: [(Value, &[&str]); 6] = [
        (json!({}), &[]),
        (
            json!({"init": [[-3, 4], [3, -4]], "lr": [0.1, 10, 1e-10]}),
            &[
                "--init=-3,4",
                "--init=3,-4",
                "--lr",
                "0.1",
                "--lr",
                "10",
                "--lr",
                "1e-10",
            ],
        ),
        (
            json!({"function": "rosenbrock", "optimizer": "adam", "lr": 0.05, "beta1": 0.8,
                   "steps": 500, "gradient": "exact"}),
            &[
                "--function",
                "rosenbrock",
                "--optimizer",
                "adam",
                "--lr",
                "0.05",
                "--beta1",
                "0.8",
                "--steps",
                "500",
                "--gradient",
                "exact",
            ],
        ),
        (
            json!({"h": 1e-50, "steps": 3}),
            &["--h", "1e-50", "--steps", "3"],
        ),
        (
            json!({"function": "function_1", "init": [10], "lr": 10}),
            &["--function", "function_1", "--init", "10", "--lr", "10"],
        ),
        (
            json!({"function": "bowl", "init": [-7, 2], "optimizer": "momentum", "momentum": 0.5,
                   "steps": 30}),
            &[
                "--function",
                "bowl",
                "--init=-7,2",
                "--optimizer",
                "momentum",
                "--momentum",
                "0.5",
                "--steps",
                "30",
            ],
        ),
    ];
    for (body, flags) in cases {
        let (status, answer) = server.json("POST", "/api/descend", &body);
        assert_eq!(status, 200, "{body}: {answer}");
        let mut args = vec!["descend", "--json"];
        args.extend_from_slice(flags);
        assert_eq!(answer, cli_json(&args), "{body} against {args:?}");
    }
}

#[test]
fn bad_requests_answer_400_with_what_to_change_and_the_server_goes_on() {
    let server = Server::start();
    let cases: [(&str, &str, &[u8], u16, &str); 17] = [
        ("POST", "/api/descend", b"{not json", 400, "bad request body"),
        ("POST", "/api/descend", br#"{"stepz": 2}"#, 400, "unknown field `stepz`"),
        ("POST", "/api/descend", br#"{"lr": -1}"#, 400, "learning rate"),
        ("POST", "/api/descend", br#"{"lr": "fast"}"#, 400, "not a number"),
        ("POST", "/api/descend", br#"{"steps": 10001}"#, 400, "at most 10000"),
        ("POST", "/api/descend", br#"{"init": [1, 2, 3]}"#, 400, "dimension 2, got 3"),
        ("POST", "/api/descend", br#"{"init": "here"}"#, 400, "[-3, 4]"),
        ("POST", "/api/descend", br#"{"lr": [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,1.1,1.2,1.3,1.4,1.5,1.6,1.7]}"#, 400, "1 to 16"),
        ("POST", "/api/descend", br#"{"init": [[1,1],[2,2],[3,3]], "lr": [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1], "steps": 10000}"#, 400, "at most 200000"),
        ("POST", "/api/descend", br#"{"h": 0}"#, 400, "positive"),
        ("POST", "/api/descend", br#"{"gradient": "exact", "h": 1e-4}"#, 400, "leave out one"),
        ("POST", "/api/descend", br#"{"function": "banana"}"#, 400, "function is \"banana\": give one of"),
        ("GET", "/api/landscape?function=sphere&size=401", b"", 400, "2 to 400"),
        ("GET", "/api/landscape?size=5", b"", 400, "function"),
        ("GET", "/api/digits/misclassified?label=12&predicted=3", b"", 400, "0 to 9"),
        ("POST", "/api/train", br#"{"iters": 2000000}"#, 400, "at most 1000000"),
        ("GET", "/api/nowhere", b"", 404, "/descent"),
    ];
    for (method, path, body, want, says) in cases {
        let (status, answer) = server.request(method, path, body);
        let doc: Value = serde_json::from_slice(&answer).unwrap();
        let message = doc["error"]["message"].as_str().unwrap_or_default();
        assert_eq!(
            status,
            want,
            "{method} {path} {}: {doc}",
            String::from_utf8_lossy(body)
        );
        assert!(message.contains(says), "{path}: {message:?} lacks {says:?}");
    }
    let (status, answer) = server.request("POST", "/api/descend", &vec![b' '; (2 << 20) + 1]);
    assert_eq!(status, 413, "{}", String::from_utf8_lossy(&answer));
    // no training was started by the bad settings, and the server still answers
    assert_eq!(
        server.json("GET", "/api/train", &Value::Null).1["run"],
        Value::Null
    );
    assert_eq!(server.json("POST", "/api/descend", &json!({})).0, 200);
}

/// A valid body with one byte changed, dropped or repeated, or random bytes: every answer is
/// 200, 400 or 413 with a JSON document, and the server answers all of them.
#[test]
fn fuzzed_request_bodies_get_answers_never_a_dropped_connection() {
    let server = Server::start();
    let seeds: [(&str, Value); 3] = [
        (
            "/api/descend",
            json!({"formula": "x[0]**2 + 3*np.sin(x[1]) - (x0/2)^3", "steps": 50,
                   "gradient": "exact", "init": [1, 2]}),
        ),
        (
            "/api/descend",
            json!({"function": "himmelblau", "init": [[1, 2], [-3, 4]], "lr": [0.01, 0.5],
                   "steps": 200, "optimizer": "rmsprop", "decay_rate": 0.9, "h": 0.001}),
        ),
        (
            "/api/digits/predict",
            json!({"width": 4, "height": 3, "ink": [0, 0, 255, 0, 0, 9, 255, 0, 0, 0, 0, 1]}),
        ),
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(15);
    let mut answered = 0;
    for round in 0..400 {
        let (path, seed) = &seeds[round % seeds.len()];
        let mut body = seed.to_string().into_bytes();
        match rng.random_range(0..4) {
            0 => {
                let i = rng.random_range(0..body.len());
                body[i] = b"{}[],:\"0123456789-+eE.xnull "[rng.random_range(0..28)];
            }
            1 => {
                let i = rng.random_range(0..body.len());
                body.remove(i);
            }
            2 => {
                let i = rng.random_range(0..body.len());
                let j = (i + rng.random_range(1..8)).min(body.len());
                let piece = body[i..j].to_vec();
                body.splice(i..i, piece);
            }
            _ => body = (0..rng.random_range(0..64)).map(|_| rng.random()).collect(),
        }
        let (status, answer) = server.request("POST", path, &body);
        assert!(
            [200, 400, 413, 503].contains(&status),
            "{path} {:?} → {status}",
            String::from_utf8_lossy(&body)
        );
        serde_json::from_slice::<Value>(&answer)
            .unwrap_or_else(|_| panic!("{path}: not JSON: {}", String::from_utf8_lossy(&answer)));
        answered += 1;
    }
    assert_eq!(answered, 400);
}

#[test]
fn a_drawing_is_made_into_an_mnist_image_and_read() {
    let server = Server::start();
    // a bar, 6 wide and 60 tall, in a 100 × 100 drawing
    let mut ink = vec![0u8; 100 * 100];
    for r in 20..80 {
        for c in 60..66 {
            ink[r * 100 + c] = 255;
        }
    }
    let body = json!({"width": 100, "height": 100, "ink": ink});
    let (status, answer) = server.json_when_ready("POST", "/api/digits/predict", &body);
    assert_eq!(status, 200, "{answer}");
    // what the library makes of it
    let drawing =
        ndarray::Array2::from_shape_fn((100, 100), |(r, c)| f64::from(ink[r * 100 + c]) / 255.0);
    let expected = scratchnet::data::handwriting::mnist_style(drawing.view()).unwrap();
    let input: Vec<f64> = serde_json::from_value(answer["input"].clone()).unwrap();
    assert_eq!(input, expected.to_vec());
    let p: Vec<f64> = serde_json::from_value(answer["probabilities"].clone()).unwrap();
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert_eq!(answer["prediction"], 1, "a bar is a 1: {p:?}");
    // the largest drawing, all ink: 1.25 MB of JSON, within the 2 MiB a body may have
    let full = json!({"width": 560, "height": 560, "ink": vec![255u8; 560 * 560]});
    assert!(full.to_string().len() > 1 << 20);
    let (status, answer) = server.json("POST", "/api/digits/predict", &full);
    assert_eq!(status, 200, "{answer}");
    // a blank drawing has nothing to read
    let blank = json!({"width": 2, "height": 2, "ink": [0, 0, 0, 0]});
    let (status, answer) = server.json("POST", "/api/digits/predict", &blank);
    assert_eq!((status, &answer["prediction"]), (200, &Value::Null));
    // the test images and the confusion matrix count the same test set
    let (_, confusion) = server.json("GET", "/api/digits/confusion", &Value::Null);
    let total: u64 = confusion["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(total, 1000);
    let (status, image) = server.json("GET", "/api/digits/test/999", &Value::Null);
    assert_eq!(
        (status, image["label"].as_u64()),
        (
            200,
            Some(u64::from(crate::common::slice().test.labels[999]))
        )
    );
    assert_eq!(
        server.json("GET", "/api/digits/test/1000", &Value::Null).0,
        404
    );
}

/// A `SimpleConvNet` read by the Digits page shows its feature maps: each the first convolution
/// through ReLU, against the sum written out here over the drawing the server made (f32, as
/// sent). A network without a convolution sends none.
#[test]
fn the_digits_page_shows_a_convolutional_network_s_feature_maps() {
    use scratchnet::net::file::SavedNetwork;
    use scratchnet::net::simple_conv::SimpleConvNet;
    use scratchnet::random::numpy::RandomState;
    let mut net = SimpleConvNet::book(&mut RandomState::new(0));
    // biases of both signs, so that ReLU has something to do
    net.b1 = ndarray::Array1::from_shape_fn(30, |k| 0.02 * (k as f64 - 15.0));
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("conv.safetensors");
    net.save(&model).unwrap();
    let server = Server::start_with(&["--model".as_ref(), model.as_os_str()]);
    // a ring, 80 × 80
    let ink: Vec<u8> = (0..80 * 80)
        .map(|i| {
            let (r, c) = ((i / 80) as f64 - 40.0, (i % 80) as f64 - 40.0);
            if (20.0..30.0).contains(&(r * r + c * c).sqrt()) {
                255
            } else {
                0
            }
        })
        .collect();
    let body = json!({"width": 80, "height": 80, "ink": ink});
    let (status, answer) = server.json("POST", "/api/digits/predict", &body);
    assert_eq!(status, 200, "{answer}");
    let maps = &answer["feature_maps"];
    assert_eq!(
        (&maps["count"], &maps["height"], &maps["width"]),
        (&json!(30), &json!(24), &json!(24))
    );
    let input: Vec<f64> = serde_json::from_value(answer["input"].clone()).unwrap();
    let values: Vec<f32> = serde_json::from_value(maps["values"].clone()).unwrap();
    let mut zeros = 0;
    for k in 0..30 {
        for i in 0..24 {
            for j in 0..24 {
                let mut sum = net.b1[k];
                for a in 0..5 {
                    for b in 0..5 {
                        sum += net.w1[[k, 0, a, b]] * input[(i + a) * 28 + j + b];
                    }
                }
                zeros += usize::from(sum <= 0.0);
                let got = values[(k * 24 + i) * 24 + j];
                assert!(
                    (f64::from(got) - sum.max(0.0)).abs() <= 1e-6,
                    "map {k} at ({i}, {j}): {got} against {sum}"
                );
            }
        }
    }
    assert!(zeros > 0 && zeros < values.len(), "{zeros} zeros");
    // the default network of a plain server has no convolution: no maps
    let plain = Server::start();
    let (_, answer) = plain.json_when_ready("POST", "/api/digits/predict", &body);
    assert_eq!(answer["feature_maps"], Value::Null, "{answer}");
    // its convolutional network trains when first asked for, and says so meanwhile
    let (status, first) = plain.json("GET", "/api/digits/model?model=conv", &Value::Null);
    assert_eq!(status, 503, "{first}");
    assert!(
        first["error"]["message"]
            .as_str()
            .unwrap()
            .contains("convolutional"),
        "{first}"
    );
    let (status, info) = plain.json_when_ready("GET", "/api/digits/model?model=conv", &Value::Null);
    assert_eq!(status, 200, "{info}");
    let name = info["name"].as_str().unwrap();
    assert!(
        name.contains("SimpleConvNet") && name.contains("500 iterations"),
        "{name}"
    );
    let (_, answer) = plain.json("POST", "/api/digits/predict?model=conv", &body);
    assert_eq!(answer["feature_maps"]["count"], 30, "{answer}");
    assert_eq!(answer["prediction"], 0, "a ring is a 0: {answer}");
}

/// The Digits page reads any network the library saves: here a `MultiLayerNet` with two hidden
/// layers, trained by the library, measured and asked as the library measures and asks it.
#[test]
fn the_digits_page_reads_a_network_of_two_hidden_layers() {
    use scratchnet::net::Network;
    use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
    use scratchnet::train::{TrainConfig, Training, accuracy};
    let data = crate::common::slice();
    let config = TrainConfig {
        iters: 100,
        hidden: 20,
        activation: scratchnet::Activation::Relu,
        ..TrainConfig::default()
    };
    let net = MultiLayerNet::new(784, &[20, 20], 10, config.activation, WeightInit::He, 5);
    let mut training = Training::with_network(config, net).unwrap();
    training.run(data, |_| std::ops::ControlFlow::Continue(()));
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("multi.safetensors");
    training.net.save(&model).unwrap();

    let server = Server::start_with(&["--model".as_ref(), model.as_os_str()]);
    let (status, info) = server.json("GET", "/api/digits/model", &Value::Null);
    assert_eq!(status, 200, "{info}");
    let name = info["name"].as_str().unwrap();
    assert!(name.contains("MultiLayerNet 784-20-20-10 relu"), "{name}");
    assert_eq!(
        info["test_acc"].as_f64(),
        Some(accuracy(&training.net, &data.test))
    );
    // a test image, read as the library reads it
    let (status, image) = server.json("GET", "/api/digits/test/7", &Value::Null);
    assert_eq!(status, 200, "{image}");
    let (x, _) = data.test.slice(7..8);
    let expected = training.net.classify(x.view())[0];
    assert_eq!(
        image["prediction"].as_u64(),
        Some(expected as u64),
        "{image}"
    );
    let p: Vec<f64> = serde_json::from_value(image["probabilities"].clone()).unwrap();
    assert_eq!(p, training.net.probabilities(x.view()).row(0).to_vec());
}

#[test]
fn a_training_streams_stops_resumes_saves_and_ctrl_c_checkpoints_it() {
    let server = Server::start();
    let (status, doc) = server.json("POST", "/api/train", &json!({"iters": 200, "seed": 3}));
    assert_eq!(status, 202, "{doc}");
    // the events: a snapshot, then progress with losses, until the run has finished
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET /api/train/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    let (mut losses, mut finished) = (0, false);
    let mut kinds = Vec::new();
    for line in BufReader::new(stream).lines() {
        let line = line.unwrap();
        if let Some(kind) = line.strip_prefix("event: ") {
            kinds.push(kind.to_string());
        }
        if let Some(data) = line.strip_prefix("data: ") {
            let doc: Value = serde_json::from_str(data).unwrap();
            losses += doc["losses"].as_array().map_or(0, Vec::len);
            if doc["status"]["state"] == "finished" {
                finished = true;
                break;
            }
        }
    }
    assert!(finished && losses == 200, "{losses} losses in {kinds:?}");
    assert_eq!(kinds[0], "snapshot");
    // the same run as `scratchnet train`'s, to the last bit
    let (_, run) = server.json("GET", "/api/train", &Value::Null);
    let cli = cli_json(&[
        "train",
        "--iters",
        "200",
        "--seed",
        "3",
        "--json",
        "--data",
        slice_dir().to_str().unwrap(),
    ]);
    assert_eq!(run["status"]["test_acc"], cli["final_test_acc"], "{cli}");
    assert_eq!(run["losses"][199], cli["final_loss"], "{cli}");
    // the Digits page can ask it: measured on the same test set, the same accuracy (within 2
    // of the 1,000 images: the fast path and the book's layers sum in different orders)
    let (status, model) = server.json("GET", "/api/digits/model?model=training", &Value::Null);
    assert_eq!(status, 200, "{model}");
    let (ours, theirs) = (
        model["test_acc"].as_f64().unwrap(),
        cli["final_test_acc"].as_f64().unwrap(),
    );
    assert!((ours - theirs).abs() <= 0.002, "{ours} against {theirs}");
    // its network, downloaded, is a model file
    let (status, bytes) = server.request("GET", "/api/train/model", b"");
    assert_eq!(status, 200);
    let (net, _) =
        scratchnet::TwoLayerNet::from_safetensors(&bytes, Path::new("download")).unwrap();
    assert_eq!(net.sizes(), (784, 50, 10));

    // a long one: a second cannot start beside it; stop, resume, and Ctrl-C checkpoints it
    assert_eq!(
        server
            .json("POST", "/api/train", &json!({"iters": 500000}))
            .0,
        202
    );
    assert_eq!(server.json("POST", "/api/train", &json!({})).0, 409);
    wait_until(60, "a few iterations", || {
        server.json("GET", "/api/train", &Value::Null).1["next_iter"].as_u64() > Some(5)
    });
    let (status, stopped) = server.json("POST", "/api/train/stop", &Value::Null);
    assert_eq!(
        (status, &stopped["status"]["state"]),
        (200, &json!("stopped"))
    );
    assert_eq!(
        server.json("POST", "/api/train/resume", &Value::Null).0,
        202
    );
    let (status, stderr, dir) = server.stop();
    assert!(status.success(), "{status}: {stderr}");
    assert!(
        stderr.contains("its checkpoint is in scratchnet-checkpoint"),
        "{stderr}"
    );
    let resumed = scratchnet::train::Training::<scratchnet::TwoLayerNet>::resume(
        &dir.path().join("scratchnet-checkpoint"),
    )
    .unwrap();
    assert_eq!(resumed.config.iters, 500_000);
    assert!(resumed.next_iter > stopped["next_iter"].as_u64().unwrap() as usize);
}

/// The book's numerical gradient takes tens of seconds per iteration: the page sees how far it
/// is (`gradient` in the events and in `GET /api/train`) within seconds, and a stop comes within
/// a second, the iteration abandoned.
#[test]
fn a_numerical_gradient_shows_its_progress_and_a_stop_comes_within_a_second() {
    let server = Server::start();
    let posted = Instant::now();
    let (status, doc) = server.json(
        "POST",
        "/api/train",
        &json!({"grad": "numerical-reference", "iters": 5, "seed": 4}),
    );
    assert_eq!(status, 202, "{doc}");
    // the events: a `gradient` field within 3 seconds
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /api/train/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(stream).lines() {
        let Some(data) = line.unwrap().strip_prefix("data: ").map(str::to_string) else {
            continue;
        };
        let doc: Value = serde_json::from_str(&data).unwrap();
        if doc["gradient"].is_object() {
            seen.push(doc["gradient"].clone());
            if seen.len() == 3 {
                break;
            }
        }
        assert!(
            posted.elapsed() < Duration::from_secs(5),
            "no gradient: {data}"
        );
    }
    let first = posted.elapsed();
    assert!(first < Duration::from_secs(3), "{first:?} until {seen:?}");
    assert_eq!(seen[0]["iter"], 0);
    assert_eq!(seen[0]["total"], 39_760);
    // the document as GET /api/train gives it: `done` of `total` after `seconds`
    wait_until(5, "a gradient under way", || {
        let (_, run) = server.json("GET", "/api/train", &Value::Null);
        run["gradient"]["done"].as_u64() > Some(0)
    });
    let (_, run) = server.json("GET", "/api/train", &Value::Null);
    let gradient = &run["gradient"];
    assert_eq!(
        (&gradient["iter"], &gradient["total"], &run["next_iter"]),
        (&json!(0), &json!(39_760), &json!(0)),
        "{run}"
    );
    let done = gradient["done"].as_u64().unwrap();
    assert!((1..39_760).contains(&done), "{gradient}");
    assert!(gradient["seconds"].as_f64().unwrap() > 0.0, "{gradient}");

    // stop: within 1.5 seconds, the iteration abandoned, no gradient under way
    let asked = Instant::now();
    let (status, stopped) = server.json("POST", "/api/train/stop", &Value::Null);
    let took = asked.elapsed();
    assert_eq!(status, 200, "{stopped}");
    assert!(took < Duration::from_millis(1500), "the stop took {took:?}");
    assert_eq!(stopped["status"]["state"], "stopped", "{stopped}");
    assert_eq!(stopped["next_iter"], 0, "{stopped}");
    assert_eq!(stopped["losses"], json!([]));
    assert!(stopped.get("gradient").is_none(), "{stopped}");
    // resumed, the same iteration's gradient starts again; and stops again as fast
    assert_eq!(
        server.json("POST", "/api/train/resume", &Value::Null).0,
        202
    );
    wait_until(5, "the gradient again", || {
        let (_, run) = server.json("GET", "/api/train", &Value::Null);
        run["gradient"]["iter"] == 0 && run["gradient"]["done"].as_u64() > Some(0)
    });
    let asked = Instant::now();
    let (status, stopped) = server.json("POST", "/api/train/stop", &Value::Null);
    let took = asked.elapsed();
    assert_eq!((status, &stopped["next_iter"]), (200, &json!(0)));
    assert!(
        took < Duration::from_millis(1500),
        "the second stop took {took:?}"
    );
}

/// The run once it is no longer running (finished, stopped or diverged), as `GET /api/train`
/// gives it.
fn ended_run(server: &Server) -> Value {
    let mut run = Value::Null;
    wait_until(120, "the run to end", || {
        run = server.json("GET", "/api/train", &Value::Null).1;
        run["status"]["state"] != "running"
    });
    run
}

/// A finished run of `settings`, never stepped, as `GET /api/train` gives it.
fn run_never_stepped(server: &Server, settings: &Value) -> Value {
    let (status, doc) = server.json("POST", "/api/train", settings);
    assert_eq!(status, 202, "{doc}");
    let run = ended_run(server);
    assert_eq!(run["status"]["state"], "finished", "{run}");
    run
}

/// A step's change of the parameter `name`: `{"name", "shape", "norm", "max", "relative"}`.
fn change<'a>(step: &'a Value, name: &str) -> &'a Value {
    step["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no change of {name} in {step}"))
}

/// `a` and `b` agree to `tolerance`, relative to `b`.
fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * b.abs()
}

/// ‖a‖₂ and max |a| of the elements of `a`.
fn norm_and_max<'a>(a: impl IntoIterator<Item = &'a f64>) -> (f64, f64) {
    let (sum, max) = a
        .into_iter()
        .fold((0.0, 0.0_f64), |(s, m), &x| (s + x * x, m.max(x.abs())));
    (sum.sqrt(), max)
}

/// `POST /api/train/step` with settings starts a run and runs its first iteration: the
/// mini-batch is the library's for `(seed, 0)`, the loss the one the run records, the changes
/// those of the weights (downloaded) and, for b2 (zero before), −η × the library's gradient.
/// Steps, then a resume, end bit for bit where a run never stepped does.
#[test]
fn a_step_runs_one_mini_batch_and_steps_then_a_resume_end_as_a_run_never_stepped() {
    use scratchnet::net::Network;
    let server = Server::start();
    let settings = json!({"hidden": 10, "batch_size": 5, "iters": 20, "seed": 11, "lr": 0.1});
    let (status, step) = server.json("POST", "/api/train/step", &settings);
    assert_eq!(status, 200, "{step}");
    assert_eq!(
        (&step["run"], &step["iter"]),
        (&json!(1), &json!(0)),
        "{step}"
    );
    // the mini-batch: the library's for iteration 0, its labels and pixels
    let mnist = scratchnet::Mnist::load(&slice_dir()).unwrap();
    let config = scratchnet::train::TrainConfig {
        hidden: 10,
        batch_size: 5,
        iters: 20,
        seed: 11,
        ..Default::default()
    };
    let batch: Vec<usize> = serde_json::from_value(step["batch"].clone()).unwrap();
    assert_eq!(batch, config.batch_indices(0, mnist.train.len()));
    let (_, data) = server.json("GET", "/api/data", &Value::Null);
    let train_size = data["train"].as_u64().unwrap() as usize;
    assert_eq!(train_size, mnist.train.len());
    assert!(
        batch.len() == 5 && batch.iter().all(|&i| i < train_size),
        "{batch:?}"
    );
    let labels: Vec<u8> = batch.iter().map(|&i| mnist.train.labels[i]).collect();
    assert_eq!(step["labels"], json!(labels));
    let images: Vec<Vec<u8>> = batch
        .iter()
        .map(|&i| mnist.train.images.row(i).to_vec())
        .collect();
    assert_eq!(step["images"], json!(images));
    // the loss, as the run records it; the run stopped after the step
    let snapshot = &step["snapshot"];
    assert_eq!(snapshot["status"]["state"], "stopped", "{snapshot}");
    assert_eq!(snapshot["next_iter"], 1);
    assert_eq!(snapshot["losses"], json!([step["loss"]]));
    assert_eq!(snapshot, &server.json("GET", "/api/train", &Value::Null).1);
    // every parameter changed; b1 and b2 were zeros, so their relative change is null
    let names: Vec<&Value> = step["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["name"])
        .collect();
    assert_eq!(
        names,
        [&json!("W1"), &json!("b1"), &json!("W2"), &json!("b2")]
    );
    for (name, shape) in [
        ("W1", json!([784, 10])),
        ("b1", json!([10])),
        ("W2", json!([10, 10])),
        ("b2", json!([10])),
    ] {
        let c = change(&step, name);
        assert_eq!(c["shape"], shape, "{c}");
        assert!(c["norm"].as_f64().unwrap() > 0.0, "{c}");
        assert!(c["max"].as_f64().unwrap() > 0.0, "{c}");
        assert!(c["max"].as_f64() <= c["norm"].as_f64(), "{c}");
        let relative = &c["relative"];
        assert_eq!(relative.is_null(), name.starts_with('b'), "{c}");
    }
    // the changes are those of the weights: the network after the step, downloaded, minus the
    // library's initial one
    let (status, bytes) = server.request("GET", "/api/train/model", b"");
    assert_eq!(status, 200);
    let (after, _) = scratchnet::TwoLayerNet::from_safetensors(&bytes, Path::new("step")).unwrap();
    let before = scratchnet::train::Training::new(config.clone())
        .unwrap()
        .net;
    for ((name, b), (_, a)) in Network::params(&before)
        .into_iter()
        .zip(Network::params(&after))
    {
        let delta: Vec<f64> = a.iter().zip(b.iter()).map(|(a, b)| a - b).collect();
        let (norm, max) = norm_and_max(&delta);
        let c = change(&step, &name);
        assert_eq!(
            (c["norm"].as_f64(), c["max"].as_f64()),
            (Some(norm), Some(max)),
            "{name}"
        );
        if let Some(relative) = c["relative"].as_f64() {
            assert_eq!(relative, norm / norm_and_max(b.iter()).0, "{name}");
        }
    }
    // SGD from b2 = 0: its change is −η × the gradient of the loss on this mini-batch
    let (x, t) = mnist.train.batch(&batch);
    let (_, grads) = Network::gradient(&before, x.view(), t.as_slice().into());
    let eta_grad: Vec<f64> = grads[3].iter().map(|g| 0.1 * g).collect();
    let (norm, max) = norm_and_max(&eta_grad);
    let b2 = change(&step, "b2");
    assert!(
        close(b2["norm"].as_f64().unwrap(), norm, 1e-12),
        "{b2}: {norm}"
    );
    assert!(
        close(b2["max"].as_f64().unwrap(), max, 1e-12),
        "{b2}: {max}"
    );

    // the next step: iteration 1, its loss recorded after the first
    let (status, next) = server.json("POST", "/api/train/step", &Value::Null);
    assert_eq!(status, 200, "{next}");
    assert_eq!((&next["run"], &next["iter"]), (&json!(1), &json!(1)));
    assert_eq!(next["snapshot"]["next_iter"], 2);
    assert_eq!(
        next["snapshot"]["losses"],
        json!([step["loss"], next["loss"]])
    );
    let batch: Vec<usize> = serde_json::from_value(next["batch"].clone()).unwrap();
    assert_eq!(batch, config.batch_indices(1, mnist.train.len()));
    // `{}` is no settings: a third step of the same run
    let (status, third) = server.json("POST", "/api/train/step", &json!({}));
    assert_eq!(
        (status, &third["run"], &third["iter"]),
        (200, &json!(1), &json!(2)),
        "{third}"
    );

    // resumed to the end: the run never stepped, to the last bit
    assert_eq!(
        server.json("POST", "/api/train/resume", &Value::Null).0,
        202
    );
    let stepped = ended_run(&server);
    let never = run_never_stepped(&server, &settings);
    assert_eq!(never["run"], 2);
    for field in ["losses", "epochs", "status", "next_iter", "divergences"] {
        assert_eq!(stepped[field], never[field], "{field}");
    }
}

/// A step of a run whose iterations are few and whose epochs are short: the epochs' accuracies
/// recorded when an epoch begins, and the last step finishes the run with its final
/// accuracies, all as in a run never stepped. A finished run takes no more steps.
#[test]
fn steps_to_the_end_record_the_epochs_and_finish_the_run_as_a_run_never_stepped() {
    let server = Server::start();
    // 5,000 training images in mini-batches of 1,000: an epoch is 5 iterations (0 and 5 begin one)
    let settings =
        json!({"hidden": 10, "batch_size": 1000, "iters": 7, "seed": 5, "optimizer": "adam"});
    let never = run_never_stepped(&server, &settings);
    assert_eq!(never["epochs"].as_array().unwrap().len(), 2, "{never}");
    let (status, mut step) = server.json("POST", "/api/train/step", &settings);
    assert_eq!((status, &step["iter"]), (200, &json!(0)), "{step}");
    assert_eq!(step["snapshot"]["epochs"], json!([never["epochs"][0]]));
    assert_eq!(step["images"].as_array().unwrap().len(), 16);
    assert_eq!(step["batch"].as_array().unwrap().len(), 1000);
    for iter in 1..7 {
        let (status, next) = server.json("POST", "/api/train/step", &Value::Null);
        assert_eq!((status, &next["iter"]), (200, &json!(iter)), "{next}");
        step = next;
        let state = &step["snapshot"]["status"]["state"];
        assert_eq!(
            state,
            if iter < 6 { "stopped" } else { "finished" },
            "{step}"
        );
    }
    let stepped = &step["snapshot"];
    for field in ["losses", "epochs", "status", "next_iter", "divergences"] {
        assert_eq!(stepped[field], never[field], "{field}");
    }
    let (status, doc) = server.json("POST", "/api/train/step", &Value::Null);
    assert_eq!(status, 409, "{doc}");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("start a run"),
        "{doc}"
    );
}

/// SGD's first step is −η × the gradient: at twice the learning rate, on the same seed, every
/// parameter changes twice as much (b2, zero before, exactly).
#[test]
fn a_first_step_at_twice_the_learning_rate_changes_every_parameter_twice_as_much() {
    let server = Server::start();
    let step = |lr: f64| {
        let settings = json!({"hidden": 10, "batch_size": 5, "iters": 20, "seed": 11, "lr": lr});
        let (status, step) = server.json("POST", "/api/train/step", &settings);
        assert_eq!(status, 200, "{step}");
        step
    };
    let (one, two) = (step(0.1), step(0.2));
    assert_eq!(one["batch"], two["batch"]);
    for name in ["W1", "b1", "W2", "b2"] {
        let (a, b) = (change(&one, name), change(&two, name));
        for what in ["norm", "max", "relative"] {
            let (Some(a), Some(b)) = (a[what].as_f64(), b[what].as_f64()) else {
                assert!(
                    a[what].is_null() && b[what].is_null(),
                    "{name} {what}: {a} {b}"
                );
                continue;
            };
            assert!(
                close(b, 2.0 * a, 1e-12),
                "{name} {what}: {b} against 2 × {a}"
            );
        }
    }
    assert_eq!(
        change(&two, "b2")["norm"].as_f64(),
        change(&one, "b2")["norm"].as_f64().map(|n| 2.0 * n)
    );
}

/// A step is refused (409) while a run trains on its own, and with no stopped run to step; in
/// the language asked for. Its settings are read as `POST /api/train` reads them.
#[test]
fn a_step_is_refused_while_a_run_trains_or_with_no_run_to_step() {
    let server = Server::start();
    let message = |doc: &Value| doc["error"]["message"].as_str().unwrap().to_string();
    let (status, doc) = server.json("POST", "/api/train/step", &Value::Null);
    assert_eq!(status, 409, "{doc}");
    assert!(
        message(&doc).contains("start a run, or send settings to start one paused"),
        "{doc}"
    );
    let (status, doc) = server.json("POST", "/api/train/step?lang=ko", &json!({}));
    assert_eq!(status, 409, "{doc}");
    assert!(
        message(&doc).starts_with("한 단계씩 진행할 멈춘 학습이 없습니다."),
        "{doc}"
    );
    refuses_naming(
        &server,
        "POST",
        "/api/train/step",
        &[(r#"{"hiddenn": 5}"#, "hiddenn"), (r#"{"lr": null}"#, "lr")],
    );
    // a run training on its own: stop it first, in either language; no new run beside it
    assert_eq!(
        server
            .json("POST", "/api/train", &json!({"iters": 500000}))
            .0,
        202
    );
    let (status, doc) = server.json("POST", "/api/train/step", &Value::Null);
    assert_eq!(status, 409, "{doc}");
    assert!(message(&doc).contains("stop it first"), "{doc}");
    let (status, doc) = server.json("POST", "/api/train/step?lang=ko", &Value::Null);
    assert_eq!(status, 409, "{doc}");
    assert!(
        message(&doc).starts_with("학습이 실행 중입니다. 먼저 멈춘 뒤"),
        "{doc}"
    );
    let (status, doc) = server.json("POST", "/api/train/step", &json!({"seed": 2}));
    assert_eq!(status, 409, "{doc}");
    assert!(message(&doc).contains("one runs at a time"), "{doc}");
    // stopped, it steps from where it stopped
    let (_, stopped) = server.json("POST", "/api/train/stop", &Value::Null);
    let (status, step) = server.json("POST", "/api/train/step", &Value::Null);
    assert_eq!(status, 200, "{step}");
    assert_eq!(
        (&step["run"], &step["iter"]),
        (&stopped["run"], &stopped["next_iter"])
    );
    assert_eq!(step["snapshot"]["status"]["state"], "stopped");
}

/// A step takes its iteration on the run's thread, as a running run does: its numerical
/// gradient shows its progress, and a stop abandons it (the step answers 409, the run stands
/// where it was).
#[test]
fn a_step_stopped_during_its_numerical_gradient_is_abandoned() {
    let server = Server::start();
    let settings = json!({"grad": "numerical-reference", "iters": 5, "seed": 4});
    std::thread::scope(|scope| {
        let step = scope.spawn(|| server.json("POST", "/api/train/step", &settings));
        wait_until(10, "the step's gradient under way", || {
            let (_, run) = server.json("GET", "/api/train", &Value::Null);
            run["status"]["state"] == "running" && run["gradient"]["done"].as_u64() > Some(0)
        });
        let (status, stopped) = server.json("POST", "/api/train/stop", &Value::Null);
        assert_eq!(status, 200, "{stopped}");
        assert_eq!(stopped["status"]["state"], "stopped", "{stopped}");
        assert_eq!(
            (&stopped["next_iter"], &stopped["losses"]),
            (&json!(0), &json!([]))
        );
        let (status, doc) = step.join().unwrap();
        assert_eq!(status, 409, "{doc}");
        let message = doc["error"]["message"].as_str().unwrap();
        assert!(message.contains("its iteration was abandoned"), "{message}");
    });
}

/// A typed formula of the book's function_2 descends as the built-in sphere does, bit for bit
/// (`x**2` is `x * x`, as NumPy squares);
/// a formula with a mistake says where.
#[test]
fn a_typed_formula_is_descended_as_the_built_in_function() {
    let server = Server::start();
    let settings = json!({"init": [[-3, 4], [1.5, -0.5]], "lr": [0.1, 0.95], "steps": 50});
    let mut typed = settings.clone();
    typed["formula"] = json!("x[0]**2 + x[1]**2");
    let (status, formula) = server.json("POST", "/api/descend", &typed);
    assert_eq!(status, 200, "{formula}");
    let (_, sphere) = server.json("POST", "/api/descend", &settings);
    let same = |a: &Value, b: &Value| {
        for (a, b) in a["runs"]
            .as_array()
            .unwrap()
            .iter()
            .zip(b["runs"].as_array().unwrap())
        {
            for key in ["init", "lr", "history", "values", "final"] {
                assert_eq!(a[key], b[key], "{key}");
            }
            assert_eq!(a["diagnosis"]["kind"], b["diagnosis"]["kind"]);
        }
    };
    // the points and values bit for bit; the sphere's diagnosis also knows its minimum is 0
    same(&formula, &sphere);
    assert_eq!(
        (&formula["function"], &formula["formula"]),
        (&json!("formula"), &json!("x[0]**2 + x[1]**2"))
    );
    // exact: differentiated by the chain rule, (2x0, 2x1), as the sphere's formula
    typed["gradient"] = json!("exact");
    let mut exact = settings.clone();
    exact["gradient"] = json!("exact");
    same(
        &server.json("POST", "/api/descend", &typed).1,
        &server.json("POST", "/api/descend", &exact).1,
    );
    for (body, says) in [
        (json!({"formula": "x0 +* 2"}), "character 5"),
        (json!({"formula": "x0", "function": "sphere"}), "not both"),
        (json!({"formula": "x0", "init": [1, 2, 3]}), "dimension 2"),
    ] {
        let (status, answer) = server.json("POST", "/api/descend", &body);
        assert_eq!(status, 400, "{body}");
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.contains(says), "{message}");
    }
    let (status, grid) = server.json(
        "GET",
        "/api/landscape?formula=x0*x1&range=2&size=3",
        &Value::Null,
    );
    assert_eq!(status, 200, "{grid}");
    assert_eq!(
        grid["z"],
        json!([[4.0, -0.0, -4.0], [-0.0, 0.0, 0.0], [-4.0, 0.0, 4.0]])
    );
    let (status, _) = server.json(
        "GET",
        "/api/landscape?function=sphere&range=2",
        &Value::Null,
    );
    assert_eq!(status, 400);
}

/// The contour map's values are the library's.
#[test]
fn a_landscape_grid_is_the_library_s_values() {
    let server = Server::start();
    let (status, grid) = server.json(
        "GET",
        "/api/landscape?function=himmelblau&size=7",
        &Value::Null,
    );
    assert_eq!(status, 200, "{grid}");
    let (x, y) = (grid["x"].as_array().unwrap(), grid["y"].as_array().unwrap());
    assert_eq!((x[0].as_f64(), x[6].as_f64()), (Some(-5.0), Some(5.0)));
    for (i, yi) in y.iter().enumerate() {
        for (j, xj) in x.iter().enumerate() {
            let at = ndarray::array![xj.as_f64().unwrap(), yi.as_f64().unwrap()];
            assert_eq!(
                grid["z"][i][j].as_f64(),
                Some(scratchnet::Landscape::Himmelblau.eval(at.view()))
            );
        }
    }
}

#[test]
fn the_pages_words_and_the_answers_come_in_the_language_asked() {
    let server = Server::start();
    let (status, ko) = server.json("GET", "/api/texts?lang=ko", &Value::Null);
    assert_eq!(status, 200, "{ko}");
    assert_eq!(ko["lang"], "ko");
    assert_eq!(ko["texts"]["playground.learning-rate-eta"], "학습률 η");
    // every text of the catalogue, the diagnoses' words included
    let count = scratchnet::text::all().count();
    assert_eq!(ko["texts"].as_object().unwrap().len(), count);
    assert_eq!(ko["texts"]["words.converged"], "수렴");
    let (_, en) = server.json("GET", "/api/texts", &Value::Null);
    assert_eq!(en["lang"], "en");
    for bad in ["/api/texts?lang=fr", "/api/texts?lang=ko&lang=en"] {
        let (status, doc) = server.json("GET", bad, &Value::Null);
        assert_eq!(status, 400, "{bad}: {doc}");
        assert!(
            doc["error"]["message"].as_str().unwrap().contains("lang"),
            "{doc}"
        );
    }
    // the same run, its diagnosis in Korean; the numbers the same
    let (_, en) = server.json("POST", "/api/descend", &json!({}));
    let (status, ko) = server.json("POST", "/api/descend?lang=ko", &json!({}));
    assert_eq!(status, 200, "{ko}");
    let message = ko["runs"][0]["diagnosis"]["message"].as_str().unwrap();
    assert!(message.starts_with("최소점에 수렴했습니다."), "{message}");
    assert_eq!(ko["runs"][0]["history"], en["runs"][0]["history"]);
    // a refusal in Korean
    let (status, doc) = server.json("POST", "/api/descend?lang=ko", &json!({"lr": -1}));
    assert_eq!(status, 400);
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("학습률은"), "{message}");
}

/// The message of a request refused with 400 (failing the test if it was not refused so).
fn refusal(server: &Server, method: &str, path: &str, body: &str) -> String {
    let (status, answer) = server.request(method, path, body.as_bytes());
    let doc: Value = serde_json::from_slice(&answer)
        .unwrap_or_else(|_| panic!("{path}: not JSON: {}", String::from_utf8_lossy(&answer)));
    assert_eq!(status, 400, "{method} {path} {body}: {doc}");
    doc["error"]["message"].as_str().unwrap().to_string()
}

/// `message` names `name` as a word (not inside another name: `lr` is not named by `lr_max`),
/// and does not show serde's own words: no position in the text, no Rust type.
fn names(message: &str, name: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let named = message.match_indices(name).any(|(at, _)| {
        let before = message[..at].chars().next_back();
        let after = message[at + name.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    });
    let serde = [
        "line 1 column",
        "usize",
        "invalid type",
        "invalid value",
        "expected ",
        "Failed to deserialize",
    ];
    named && !serde.iter().any(|words| message.contains(words))
}

/// Refuses `{"field": null}` for each of `fields` in a POST to `path`, naming the field.
fn refuses_null(server: &Server, path: &str, fields: &[&str]) {
    let bodies: Vec<String> = fields
        .iter()
        .map(|field| format!(r#"{{"{field}": null}}"#))
        .collect();
    let cases: Vec<(&str, &str)> = bodies
        .iter()
        .map(String::as_str)
        .zip(fields.iter().copied())
        .collect();
    refuses_naming(server, "POST", path, &cases);
}

/// Refuses every case, each `(body or query, the name the message must give)`, in English and
/// in Korean.
fn refuses_naming(server: &Server, method: &str, path: &str, cases: &[(&str, &str)]) {
    for &(given, name) in cases {
        for lang in ["", "lang=ko"] {
            let (path, body) = match method {
                "GET" => (format!("{path}?{given}&{lang}"), String::new()),
                _ => (format!("{path}?{lang}"), given.to_string()),
            };
            let message = refusal(server, method, &path, &body);
            assert!(
                names(&message, name),
                "{path} {body}: {message:?} does not name {name}"
            );
            let korean = message.chars().any(|c| ('가'..='힣').contains(&c));
            assert_eq!(korean, !lang.is_empty(), "{path} {body}: {message:?}");
        }
    }
}

/// `null` is not "absent": every optional field of `POST /api/descend` refuses it (absent still
/// means the default); a value serde refuses, an unknown field, a field given twice and a value
/// out of range are named, with what the field takes, in English and in Korean. The same for
/// `GET /api/landscape`'s query string.
#[test]
fn the_descent_routes_refuse_null_and_bad_values_naming_the_field() {
    let server = Server::start();
    let fields = [
        "function",
        "formula",
        "init",
        "lr",
        "steps",
        "optimizer",
        "momentum",
        "decay_rate",
        "beta1",
        "beta2",
        "gradient",
        "h",
    ];
    refuses_null(&server, "/api/descend", &fields);
    refuses_naming(
        &server,
        "POST",
        "/api/descend",
        &[
            (r#"{"steps": -5}"#, "steps"),
            (r#"{"steps": 1.5}"#, "steps"),
            (r#"{"steps": "ten"}"#, "steps"),
            (r#"{"steps": 10001}"#, "steps"),
            (r#"{"steps": 1, "steps": 2}"#, "steps"),
            (r#"{"stepz": 2}"#, "stepz"),
            (r#"{"optimizer": "sgdd"}"#, "optimizer"),
            (r#"{"optimizer": 3}"#, "optimizer"),
            (r#"{"gradient": true}"#, "gradient"),
            (r#"{"lr": "fast"}"#, "lr"),
            (r#"{"lr": 1e400}"#, "lr"),
            (r#"{"momentum": 1.5, "optimizer": "momentum"}"#, "momentum"),
            (r#"{"beta1": -0.1}"#, "beta1"),
            (r#"{"decay_rate": "0.9"}"#, "decay_rate"),
            (r#"{"h": 0}"#, "h"),
            (r#"{"h": -1e-4}"#, "h"),
            (r#"{"init": [1, 2, 3]}"#, "init"),
            (r#"{"init": [1, "2"]}"#, "init"),
            (r#"{"formula": 42}"#, "formula"),
        ],
    );
    // a learning rate out of range is named as the page names it
    for lr in ["0", "-1"] {
        let message = refusal(
            &server,
            "POST",
            "/api/descend",
            &format!(r#"{{"lr": {lr}}}"#),
        );
        assert!(message.contains("learning rate"), "{message}");
    }
    // what would work: the fields of the request, the names a field takes, the kind of value
    let message = refusal(&server, "POST", "/api/descend", r#"{"stepz": 2}"#);
    assert!(
        names(&message, "steps") && names(&message, "beta2"),
        "{message}"
    );
    let message = refusal(&server, "POST", "/api/descend", r#"{"optimizer": "sgdd"}"#);
    assert!(
        names(&message, "rmsprop") && message.contains("sgdd"),
        "{message}"
    );
    let message = refusal(&server, "POST", "/api/descend", r#"{"steps": -5}"#);
    assert!(
        message.contains("-5") && message.contains("whole number"),
        "{message}"
    );
    let message = refusal(&server, "POST", "/api/descend", r#"{"lr": null}"#);
    assert!(
        message.contains("null") && message.contains("leave"),
        "{message}"
    );
    // a body that is not an object of fields
    let message = refusal(&server, "POST", "/api/descend", "[0.1, 100]");
    assert!(message.contains("JSON object"), "{message}");
    // absent is still the default
    assert_eq!(server.json("POST", "/api/descend", &json!({})).0, 200);

    refuses_naming(
        &server,
        "GET",
        "/api/landscape",
        &[
            ("function=sphere&size=abc", "size"),
            ("function=sphere&size=-5", "size"),
            ("function=sphere&size=", "size"),
            ("function=sphere&size=3&size=4", "size"),
            ("function=sphere&size=1", "size"),
            ("function=sphere&sizes=3", "sizes"),
            ("function=banana", "function"),
            ("formula=x0*x1&range=abc", "range"),
            ("formula=x0*x1&range=-1", "range"),
            ("formula=x0*x1&range=inf", "range"),
            ("formula=x0*x1&range=NaN", "range"),
        ],
    );
    let message = refusal(&server, "GET", "/api/landscape?function=sphere&sizes=3", "");
    assert!(
        names(&message, "size") && names(&message, "lang"),
        "{message}"
    );
    refuses_naming(&server, "GET", "/api/texts", &[("language=ko", "language")]);
}

/// Every optional setting of `POST /api/train` refuses `null` (absent is `train`'s default);
/// bad and out-of-range values are named, in English and in Korean; none of them starts a run.
#[test]
fn the_training_route_refuses_null_and_bad_values_naming_the_field() {
    let server = Server::start();
    let fields = [
        "iters",
        "batch_size",
        "lr",
        "optimizer",
        "momentum",
        "decay_rate",
        "beta1",
        "beta2",
        "hidden",
        "activation",
        "grad",
        "dtype",
        "seed",
        "stop_on_divergence",
    ];
    refuses_null(&server, "/api/train", &fields);
    refuses_naming(
        &server,
        "POST",
        "/api/train",
        &[
            (r#"{"iters": -5}"#, "iters"),
            (r#"{"iters": 2000000}"#, "iters"),
            (r#"{"batch_size": 1.5}"#, "batch_size"),
            (r#"{"hiddenn": 5}"#, "hiddenn"),
            (r#"{"activation": "tanh"}"#, "activation"),
            (r#"{"dtype": 32}"#, "dtype"),
            (r#"{"seed": -1}"#, "seed"),
            (r#"{"stop_on_divergence": "yes"}"#, "stop_on_divergence"),
            (r#"{"momentum": 1, "optimizer": "momentum"}"#, "momentum"),
            (r#"{"beta2": 1.5}"#, "beta2"),
            (r#"{"lr": 0.1, "lr": 0.2}"#, "lr"),
        ],
    );
    // out of range, named as the page names them (the library's checks)
    for (body, name) in [
        (r#"{"lr": 0}"#, "learning rate"),
        (r#"{"lr": -1}"#, "learning rate"),
        (r#"{"batch_size": 0}"#, "batch size"),
        (r#"{"hidden": 0}"#, "hidden units"),
        (r#"{"iters": 0}"#, "iterations"),
    ] {
        let message = refusal(&server, "POST", "/api/train", body);
        assert!(message.contains(name), "{body}: {message}");
    }
    let message = refusal(&server, "POST", "/api/train", r#"{"hiddenn": 5}"#);
    assert!(
        names(&message, "hidden") && names(&message, "seed"),
        "{message}"
    );
    // nothing was started, and absent settings still start the book's run
    assert_eq!(
        server.json("GET", "/api/train", &Value::Null).1["run"],
        Value::Null
    );
    let (status, doc) = server.json("POST", "/api/train", &json!({"iters": 5}));
    assert_eq!(status, 202, "{doc}");
}

/// The Digits page's routes: a drawing's fields and the matrix cell's parameters, named.
#[test]
fn the_digits_routes_refuse_bad_values_naming_the_field() {
    let server = Server::start();
    refuses_naming(
        &server,
        "POST",
        "/api/digits/predict",
        &[
            (r#"{"width": null, "height": 1, "ink": [0]}"#, "width"),
            (r#"{"width": 1, "height": -1, "ink": [0]}"#, "height"),
            (r#"{"width": 2, "height": 1, "ink": [0, 300]}"#, "ink[1]"),
            (r#"{"width": 2, "height": 1, "ink": "black"}"#, "ink"),
            (r#"{"width": 1, "height": 1}"#, "ink"),
            (r#"{"width": 0, "height": 1, "ink": []}"#, "width"),
            (r#"{"width": 2, "height": 2, "ink": [0]}"#, "ink"),
            (
                r#"{"width": 1, "height": 1, "ink": [0], "colour": 1}"#,
                "colour",
            ),
        ],
    );
    refuses_naming(
        &server,
        "GET",
        "/api/digits/misclassified",
        &[
            ("label=1&predicted=abc", "predicted"),
            ("label=1", "predicted"),
            ("label=1&predicted=2&label=3", "label"),
            ("label=1&predicted=2&limit=0", "limit"),
            ("label=1&predicted=2&model=best", "model"),
        ],
    );
    refuses_naming(&server, "GET", "/api/digits/model", &[("model=", "model")]);
}

/// `GET /api/init-histogram` answers the library's own histograms: for each activation, scale
/// and generator, every layer's counts, the bars' edges and the weights' std are those of
/// `weight_init_activation_histogram` with the same inputs; the reading is the library's, in
/// the language asked.
#[test]
fn the_init_histograms_are_the_library_s() {
    use scratchnet::experiments::{
        ActivationFunction, histogram_edges, weight_init_activation_histogram,
    };
    use scratchnet::net::multi_layer::WeightInit;
    use scratchnet::random::Generator;

    let server = Server::start();
    for (query, activation, init, rng, seed) in [
        (
            "",
            ActivationFunction::Sigmoid,
            WeightInit::Std(1.0),
            Generator::Scratchnet,
            0,
        ),
        (
            "activation=sigmoid&scale=0.01&rng=numpy&seed=0",
            ActivationFunction::Sigmoid,
            WeightInit::Std(0.01),
            Generator::Numpy,
            0,
        ),
        (
            "activation=tanh&scale=xavier&seed=7",
            ActivationFunction::Tanh,
            WeightInit::Xavier,
            Generator::Scratchnet,
            7,
        ),
        (
            "activation=relu&scale=HE&rng=numpy&seed=3",
            ActivationFunction::Relu,
            WeightInit::He,
            Generator::Numpy,
            3,
        ),
        (
            "activation=relu&scale=0.3162",
            ActivationFunction::Relu,
            WeightInit::Std(0.3162),
            Generator::Scratchnet,
            0,
        ),
    ] {
        let (status, doc) =
            server.json("GET", &format!("/api/init-histogram?{query}"), &Value::Null);
        assert_eq!(status, 200, "{query}: {doc}");
        let mut random = rng.seeded(seed).unwrap();
        let run = weight_init_activation_histogram(activation, init, random.as_mut());
        let counts = run.counts();
        let layers = doc["layers"].as_array().unwrap();
        assert_eq!(layers.len(), 5, "{query}");
        for (layer, want) in layers.iter().zip(&counts) {
            assert_eq!(layer["counts"], json!(want), "{query}");
            let left_out = 100_000 - want.iter().sum::<usize>();
            assert_eq!(layer["left_out"], json!(left_out), "{query}");
        }
        assert_eq!(
            doc["edges"],
            json!(histogram_edges(30, activation.range())),
            "{query}"
        );
        assert_eq!(doc["edges"].as_array().unwrap().len(), 31);
        assert_eq!(doc["weight_std"].as_f64(), Some(init.std(100)), "{query}");
        assert_eq!(doc["activation"], json!(activation), "{query}");
        assert_eq!(doc["rng"], json!(rng), "{query}");
        assert_eq!(doc["seed"], json!(seed), "{query}");
        let top = counts
            .iter()
            .map(|c| activation.tallest_shown(c))
            .max()
            .unwrap();
        assert_eq!(doc["top"], json!(top), "{query}");
        assert_eq!(doc["reading"]["kind"], json!(run.reading()), "{query}");
        let said = run.reading().sentence(activation);
        assert_eq!(
            doc["reading"]["message"],
            said.say(scratchnet::text::Lang::En)
        );
        let (_, ko) = server.json(
            "GET",
            &format!("/api/init-histogram?{query}&lang=ko"),
            &Value::Null,
        );
        assert_eq!(
            ko["reading"]["message"],
            said.say(scratchnet::text::Lang::Ko)
        );
        assert_eq!(ko["layers"], doc["layers"], "{query}");
    }
    // the book's figures, read as the book reads them
    for (query, kind) in [
        ("activation=sigmoid&scale=1", "saturated"),
        ("activation=sigmoid&scale=0.01", "collapsed"),
        ("activation=sigmoid&scale=xavier", "spread"),
        ("activation=relu&scale=0.01", "vanishing"),
        ("activation=relu&scale=xavier", "shrinking"),
        ("activation=relu&scale=he", "even"),
        ("activation=relu&scale=1", "growing"),
        // measured, not guessed from the scale: tanh saturates at 0.3 already, sigmoid at 0.05
        // is still bunched in the middle
        ("activation=tanh&scale=0.3", "saturated"),
        ("activation=sigmoid&scale=0.05", "collapsed"),
        ("activation=tanh&scale=xavier&rng=numpy", "spread"),
    ] {
        let (_, doc) = server.json("GET", &format!("/api/init-histogram?{query}"), &Value::Null);
        assert_eq!(doc["reading"]["kind"], kind, "{query}");
    }
}

/// The Initialisation route refuses what it cannot draw, naming the field and what it takes,
/// in English and in Korean; nothing of it panics (the server answers after).
#[test]
fn the_init_histogram_route_refuses_bad_values_naming_the_field() {
    let server = Server::start();
    refuses_naming(
        &server,
        "GET",
        "/api/init-histogram",
        &[
            ("activation=softmax", "activation"),
            ("activation=", "activation"),
            ("scale=0", "scale"),
            ("scale=-0.01", "scale"),
            ("scale=NaN", "scale"),
            ("scale=inf", "scale"),
            ("scale=1e400", "scale"),
            ("scale=1e9", "scale"),
            ("scale=101", "scale"),
            ("scale=lecun", "scale"),
            ("scale=", "scale"),
            ("scale=1&scale=2", "scale"),
            ("seed=-1", "seed"),
            ("seed=1.5", "seed"),
            ("rng=mt19937", "rng"),
            ("rng=numpy&seed=4294967296", "seed"),
            ("scales=1", "scales"),
        ],
    );
    // what would work: the names, the bounds, the fields
    let message = refusal(&server, "GET", "/api/init-histogram?activation=softmax", "");
    assert!(
        names(&message, "relu") && message.contains("softmax"),
        "{message}"
    );
    let message = refusal(&server, "GET", "/api/init-histogram?scale=0", "");
    assert!(
        message.contains("xavier") && message.contains("100") && message.contains("\"0\""),
        "{message}"
    );
    let message = refusal(&server, "GET", "/api/init-histogram?scales=1", "");
    assert!(
        names(&message, "scale") && names(&message, "lang"),
        "{message}"
    );
    // the largest seed NumPy takes, and the bounds of scale, are taken
    for query in ["rng=numpy&seed=4294967295", "scale=100", "scale=0.000001"] {
        let (status, doc) =
            server.json("GET", &format!("/api/init-histogram?{query}"), &Value::Null);
        assert_eq!(status, 200, "{query}: {doc}");
    }
}

/// `"network": "simple-conv"` with NumPy's generator is the book's `train_convnet.py` on the
/// built-in slice (`tests/reference/ch07.py`): the same accuracies each epoch, measured on the
/// first 1,000 images; Adam 0.001 without saying so.
#[test]
fn the_playground_trains_chapter_7_s_network_with_the_book_s_numbers() {
    let golden = reference("ch07.json");
    let book = &golden["train_convnet"];
    let server = Server::start();
    let settings = json!({"network": "simple-conv", "iters": book["iterations"], "rng": "numpy"});
    let run = run_never_stepped(&server, &settings);
    let accuracies = |key: &str| epoch_values(&run, key);
    assert_eq!(
        Value::from(accuracies("train_acc")),
        book["train_acc"],
        "{run}"
    );
    assert_eq!(
        Value::from(accuracies("test_acc")),
        book["test_acc"],
        "{run}"
    );
    assert_eq!(
        run["network"],
        "SimpleConvNet conv 30×5×5-pool 2×2-100-10 (relu)"
    );
    // chapter 6's choices are refused for it, naming them
    let (status, doc) = server.json(
        "POST",
        "/api/train",
        &json!({"network": "simple-conv", "batchnorm": true}),
    );
    assert_eq!(status, 400, "{doc}");
    assert!(doc.to_string().contains("SimpleConvNet"), "{doc}");
}

/// `tests/reference/NAME`, parsed.
fn reference(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Each epoch's `key` (`train_acc`, `test_acc`) in a run's snapshot.
fn epoch_values(run: &Value, key: &str) -> Vec<Value> {
    run["epochs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[key].clone())
        .collect()
}

/// The playground trains chapter 6's network with NumPy's generator: `POST /api/train` with
/// the book's `MultiLayerNetExtend` settings and `"rng": "numpy"` records the accuracies the
/// book's own loop records after `np.random.seed(0)` (`tests/reference/train_numpy.py`), says
/// the network in the language asked, and a step shows the batch the run then takes.
#[test]
fn the_playground_trains_chapter_6_s_network_with_the_book_s_numbers() {
    let golden = reference("train_numpy.json");
    let book = &golden["cases"][2];
    assert_eq!(book["name"], "ch06_extend_batchnorm_dropout_decay");
    let server = Server::start();
    let settings = json!({"iters": 120, "rng": "numpy", "activation": "relu", "hidden": [40, 30],
        "batchnorm": true, "dropout": 0.2, "weight_decay": 0.01});
    let run = run_never_stepped(&server, &settings);
    let accuracies = |key: &str| epoch_values(&run, key);
    assert_eq!(
        Value::from(accuracies("test_acc")),
        book["test_acc"],
        "{run}"
    );
    assert_eq!(
        Value::from(accuracies("train_acc")),
        book["train_acc"],
        "{run}"
    );
    assert_eq!(
        run["network"],
        "MultiLayerNetExtend 784-40-30-10 (relu, He's initial weights, Batch Norm, Dropout 0.2, weight decay λ = 0.01)"
    );
    // a first step of the same settings shows the batch NumPy's generator draws first:
    // np.random.seed(0), the weights' draws, then choice(5000, 100)
    let (status, step) = server.json("POST", "/api/train/step", &settings);
    assert_eq!(status, 200, "{step}");
    let training = scratchnet::train::AnyTraining::new(
        scratchnet::train::NetworkChoice {
            hidden: vec![40, 30],
            activation: Some(scratchnet::Activation::Relu),
            batchnorm: true,
            dropout: Some(0.2),
            weight_decay: Some(0.01),
            ..Default::default()
        }
        .into_config(scratchnet::train::TrainConfig {
            rng: scratchnet::random::Generator::Numpy,
            ..Default::default()
        })
        .unwrap(),
    )
    .unwrap();
    assert_eq!(step["batch"], json!(training.next_batch(5000)));
    // a bad list of layers is refused, naming the field
    let (status, doc) = server.json("POST", "/api/train", &json!({"hidden": [40, 0]}));
    assert_eq!(status, 400, "{doc}");
    assert!(doc.to_string().contains("hidden units"), "{doc}");
}
