//! End-to-end runs of the `scratchnet` binary: output, JSON, exit status, pictures, errors.

use crate::common;

use std::process::Output;

use serde_json::Value;

/// Runs `scratchnet` as on a fresh machine: no MNIST configured, so the built-in slice.
fn scratchnet(args: &[&str]) -> Output {
    common::fresh_scratchnet()
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8")
}

/// Runs a command that must succeed and print exactly one JSON document.
fn json(args: &[&str]) -> Value {
    let out = scratchnet(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("exactly one JSON document on stdout")
}

/// Runs a command that must fail with `code`, and returns its error message.
fn fails(args: &[&str], code: i32) -> String {
    let out = scratchnet(args);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: stdout {} stderr {err}",
        stdout(&out)
    );
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    err
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

#[test]
fn descend_json_has_every_run_with_its_path_and_diagnosis() {
    let doc = json(&[
        "descend",
        "--function",
        "sphere",
        "--init=-3,4",
        "--init",
        "3,-4",
        "--lr",
        "0.1",
        "--lr",
        "10",
        "--lr",
        "1e-10",
        "--steps",
        "100",
        "--json",
    ]);
    assert_eq!(doc["function"], "sphere");
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 6, "every (init, lr) pair");
    let kinds: Vec<&str> = runs
        .iter()
        .map(|r| r["diagnosis"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "converged",
            "diverged",
            "stalled",
            "converged",
            "diverged",
            "stalled"
        ]
    );
    for r in runs {
        assert_eq!(r["steps"], 100);
        assert_eq!(
            r["history"].as_array().unwrap().len(),
            101,
            "steps + 1 points, start first"
        );
        assert_eq!(floats(&r["history"][0]), floats(&r["init"]));
        assert_eq!(floats(&r["history"][100]), floats(&r["final"]));
        assert_eq!(
            r["gradients"].as_array().unwrap().len(),
            100,
            "one gradient per step"
        );
        assert!(!r["diagnosis"]["message"].as_str().unwrap().is_empty());
    }
    // floats read back to the same f64: the book's final point, bit for bit
    assert_eq!(
        floats(&runs[0]["final"]),
        [-6.111107928998789e-10, 8.148143905314271e-10]
    );
    assert_eq!(
        floats(&runs[1]["final"]),
        [-25898374737328.363, -1295248616896.5398]
    );
    assert!(
        runs[1]["diagnosis"]["message"]
            .as_str()
            .unwrap()
            .contains("float spacing")
    );
}

#[test]
fn descend_prints_a_table_and_draws_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["paths.png", "paths.svg"] {
        let path = dir.path().join(name);
        let out = scratchnet(&[
            "descend",
            "--init=-3,4",
            "--init=3,-2",
            "--lr",
            "0.1",
            "--plot",
            path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("[-6.11110793e-10  8.14814391e-10]"), "{text}");
        assert!(text.contains("converged"));
        assert!(text.contains(&format!("picture: {}", path.display())));
    }
    assert!(
        std::fs::read(dir.path().join("paths.png"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );
    let svg = std::fs::read_to_string(dir.path().join("paths.svg")).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("\nx0\n</text>") && svg.contains("\nx1\n</text>"),
        "axis labels are rendered as text"
    );
    assert_eq!(
        common::files_in(dir.path()),
        ["paths.png", "paths.svg"],
        "no temporary files left"
    );
}

/// The JSON document lists its fields in a meaningful order, and an optimiser only with the
/// settings its rule uses.
#[test]
fn descend_json_is_in_order_and_names_only_the_rules_settings() {
    let out = scratchnet(&[
        "descend",
        "--json",
        "--steps",
        "1",
        "--optimizer",
        "momentum",
    ]);
    let text = stdout(&out);
    let keys = [
        "\"function\"",
        "\"runs\"",
        "\"init\"",
        "\"lr\"",
        "\"optimizer\"",
        "\"steps\"",
        "\"history\"",
        "\"values\"",
        "\"gradients\"",
        "\"final\"",
        "\"diagnosis\"",
    ];
    let at: Vec<usize> = keys.iter().map(|k| text.find(k).expect(k)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(
        text.contains("\"momentum\": 0.9") && !text.contains("beta1"),
        "{text}"
    );
    let sgd = stdout(&scratchnet(&["descend", "--json", "--steps", "1"]));
    assert!(
        !sgd.contains("momentum") && !sgd.contains("decay_rate"),
        "{sgd}"
    );
}

/// `--trace K`: every K-th step and the last. On x0² + x1² with lr 0.1 each step multiplies x
/// by 0.8, so step 10 is 0.8¹⁰ · (−3, 4): f = 25 · 0.8²⁰ = 0.28823038, |∇f| = 2|x| = 1.07374182.
#[test]
fn descend_trace_shows_the_point_moving() {
    let text = stdout(&scratchnet(&["descend", "--trace", "10", "--steps", "25"]));
    assert!(text.contains("step  x"), "{text}");
    assert!(text.contains("|∇f(x)|"), "{text}");
    let steps: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("step"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(steps, ["0", "10", "20", "25"]);
    let ten = text.lines().find(|l| l.starts_with("10 ")).unwrap();
    assert!(
        ten.contains("0.28823038") && ten.contains("1.07374182"),
        "{ten}"
    );
    // every step without a number
    let all = stdout(&scratchnet(&["descend", "--trace", "--steps", "3"]));
    assert!(all.lines().any(|l| l.starts_with("2 ")), "{all}");
}

/// A one-dimensional descent draws f with the steps on it; a path that leaves the map ends in
/// an arrow labelled with its next point, and the picture says where x stops changing.
#[test]
fn descent_pictures_say_what_the_path_did() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("f1.svg");
    let out = scratchnet(&[
        "descend",
        "--function",
        "function_1",
        "--plot",
        one.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(&one).unwrap();
    assert!(
        svg.contains("the steps on f = 0.01x² + 0.1x"),
        "1-D picture"
    );
    let ten = dir.path().join("lr10.svg");
    let out = scratchnet(&["descend", "--lr", "10", "--plot", ten.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(&ten).unwrap();
    // from (−3, 4): x ← x − 10 · 2x = −19x, so (57, −76), then (−1083, 1444)
    assert!(
        svg.contains("the next point is (-1083, 1444)"),
        "the arrow's label"
    );
    assert!(
        svg.contains("x stops changing after step 10"),
        "the frozen steps"
    );
    for decade in ["1e1", "1e10", "1e26"] {
        assert!(svg.contains(&format!("\n{decade}\n")), "{decade} labelled");
    }
}

#[test]
fn bad_input_is_a_usage_error_with_exit_status_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["descend", "--init=1,2,3"], "dimension 2, got 3"),
        (&["descend", "--init=a,b"], "not a number"),
        (&["descend", "--lr", "-0.1"], "must be positive"),
        (&["descend", "--lr", "NaN"], "finite"),
        (&["descend", "--lr", "0"], "must be positive"),
        (
            &["descend", "--function", "cube"],
            "possible values: sphere, function_1",
        ),
        (&["descend", "--plot", "paths.jpg"], ".png or .svg"),
        (
            &["field", "--function", "function_1"],
            "one-dimensional; this draws maps",
        ),
        (&["diff", "--function", "sphere"], "one-dimensional"),
        (&["diff", "--at", "inf"], "finite"),
        (
            &["simplenet", "--weights", "1,2;3,4"],
            "shape [2, 3], got [2, 2]",
        ),
        (&["simplenet", "--weights", "1,2,3;4,5"], "row 2"),
        (&["simplenet", "--t", "3"], "class index 3 is out of range"),
        (&["simplenet", "--x", "1,2,3"], "shape [2], got [3]"),
        (
            &["simplenet", "--seed", "1", "--weights", "1,2,3;4,5,6"],
            "cannot be used with",
        ),
    ];
    for (args, message) in cases {
        let err = fails(args, 2);
        assert!(
            err.contains(message),
            "{args:?}: expected {message:?} in {err}"
        );
        // a usage line is the subcommand's, also for errors found after parsing
        let usage = format!("Usage: scratchnet {} ", args[0]);
        assert!(
            !err.contains("Usage:") || err.contains(&usage),
            "{args:?}: expected {usage:?} in {err}"
        );
    }
    for args in [
        &["simplenet", "--t", "3"][..],
        &["descend", "--init=1,2,3"],
        &["field", "--start", "3", "--stop", "1"],
    ] {
        let err = fails(args, 2);
        let usage = format!("Usage: scratchnet {} ", args[0]);
        assert!(
            err.contains(&usage),
            "{args:?}: expected {usage:?} in {err}"
        );
    }
}

/// A picture to a device or pipe, whose name says no format, takes `--format`'s.
#[test]
fn a_picture_goes_to_standard_output_in_the_format_given() {
    let out = scratchnet(&["field", "--plot", "/dev/stdout", "--format", "svg"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("<svg") && text.contains("</svg>"), "{text}");
}

#[test]
fn a_picture_that_cannot_be_written_is_a_runtime_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // a missing directory is made, as every command makes it
    let made = tempfile::tempdir().unwrap();
    let missing = made.path().join("no/such/dir/paths.png");
    scratchnet(&["descend", "--plot", missing.to_str().unwrap()]);
    assert!(missing.is_file());
    // a file where a directory should be
    std::fs::write(made.path().join("file"), "x").unwrap();
    let through = made.path().join("file/paths.png");
    let err = fails(&["descend", "--plot", through.to_str().unwrap()], 1);
    assert!(err.contains("paths.png"), "{err}");
    // a directory where the picture should go: rendering succeeds, the final rename fails
    let taken = dir.path().join("taken.svg");
    std::fs::create_dir(&taken).unwrap();
    let err = fails(&["field", "--plot", taken.to_str().unwrap()], 1);
    assert!(err.contains("taken.svg"), "{err}");
    assert_eq!(
        common::files_in(dir.path()),
        ["taken.svg"],
        "no temporary file left beside it"
    );
    assert!(common::files_in(&taken).is_empty());
}

#[test]
fn field_json_differentiates_the_right_axis() {
    let doc = json(&["field", "--json"]);
    let points = doc["points"].as_array().unwrap();
    let grads = doc["gradient"].as_array().unwrap();
    assert_eq!(
        points.len(),
        18 * 18,
        "np.arange(-2, 2.5, 0.25): -2 to 2.25"
    );
    for (p, g) in points.iter().zip(grads) {
        let (p, g) = (floats(p), floats(g));
        // ∇(x0² + x1²) = (2x0, 2x1): each component follows its own coordinate
        assert!(
            (g[0] - 2.0 * p[0]).abs() < 1e-9 && (g[1] - 2.0 * p[1]).abs() < 1e-9,
            "{p:?} {g:?}"
        );
    }
    assert_eq!(
        floats(&points[1]),
        [-1.75, -2.0],
        "x0 varies fastest, as NumPy's meshgrid flattens"
    );
    let text = stdout(&scratchnet(&["field"]));
    assert!(text.contains('·') && text.contains('↗'), "{text}");
}

#[test]
fn diff_json_is_the_books_derivative() {
    let doc = json(&["diff", "--function", "function_1", "--at", "5", "--json"]);
    assert_eq!(doc["derivative"].as_f64(), Some(0.1999999999990898));
    assert_eq!(doc["exact"].as_f64(), Some(0.2));
    assert_eq!(doc["f"].as_f64(), Some(0.75));
    let doc = json(&["diff", "--at=-12.5", "--json"]);
    assert!((doc["derivative"].as_f64().unwrap() - (0.02 * -12.5 + 0.1)).abs() < 1e-9);
}

#[test]
fn simplenet_json_reproduces_the_notebook() {
    let doc = json(&["simplenet", "--json"]);
    for key in ["W", "x", "t", "p", "y", "loss", "dW"] {
        assert!(doc.get(key).is_some(), "key {key}");
    }
    // the notebook printed p = [-1.00502272  0.86215244 -0.22711487]; the NumPy reference gives
    assert_eq!(
        floats(&doc["p"]),
        [-1.005022725, 0.8621524409999999, -0.22711487099999997]
    );
    assert_eq!(doc["t"], 2);
    let dw: Vec<Vec<f64>> = doc["dW"].as_array().unwrap().iter().map(floats).collect();
    let want = [
        [
            0.06219607337376587,
            0.40240821526649206,
            -0.4646042886091717,
        ],
        [0.09329411011504973, 0.6036123228481127, -0.696906432846589],
    ];
    for (row, want_row) in dw.iter().zip(want) {
        for (a, b) in row.iter().zip(want_row) {
            assert!((a - b).abs() <= 1e-10 * b.abs(), "{a} vs {b}");
        }
    }
    let text = stdout(&scratchnet(&["simplenet"]));
    assert!(
        text.contains("[-1.00502272  0.86215244 -0.22711487]"),
        "{text}"
    );
}

/// Chapter 5's shopping examples print the book's lines (`int(price)`), the floats under them
/// and why, give every gradient bit for bit, and draw figure 5-17. The values: the book's
/// `buy_apple.py` and `buy_apple_orange.py` run with `repr` in place of `int` (Python 3).
#[test]
fn graph_prints_the_book_s_shopping_numbers_and_draws_the_graph() {
    let out = scratchnet(&["graph"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "price: 220 ",
        "dApple: 2.2\n",
        "dApple_num: 110 ",
        "dTax: 200\n",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    assert!(text.contains("int() of 220.00000000000003"), "{text}");
    assert!(
        text.contains("1.100000000000000088817841970012523233890533447265625"),
        "{text}"
    );
    let doc = json(&["graph", "apple-orange", "--json"]);
    assert_eq!(doc["price"], 715.0000000000001);
    let d = &doc["gradients"];
    let want: [(&str, f64); 5] = [
        ("dApple", 2.2),
        ("dApple_num", 110.00000000000001),
        ("dOrange", 3.3000000000000003),
        ("dOrange_num", 165.0),
        ("dTax", 650.0),
    ];
    for (name, value) in want {
        assert_eq!(
            d[name].as_f64().map(f64::to_bits),
            Some(value.to_bits()),
            "{name}"
        );
    }
    // a learner's own quantities: int() drops a whole unit below 230
    let text = stdout(&scratchnet(&["graph", "--tax", "1.15"]));
    assert!(
        text.contains("price: 229 ") && text.contains("229.99999999999997"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.svg");
    let out = scratchnet(&["graph", "apple-orange", "--plot", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(&path).unwrap();
    for label in [
        "number of oranges",
        "3.3000000000000003",
        "715.0000000000001",
        "figure 5-17",
    ] {
        assert!(svg.contains(label), "{label} drawn");
    }
    let err = fails(&["graph", "--orange", "120"], 2);
    assert!(err.contains("scratchnet graph apple-orange"), "{err}");
    let err = fails(&["graph", "--tax", "inf"], 2);
    assert!(err.contains("--tax"), "{err}");
}

/// The chapter-5 tour: the shopping graphs with the book's numbers and their pictures, the
/// gradient check (every difference under 1e-6), training by backpropagation.
#[test]
fn the_chapter_5_tour_walks_through_backpropagation() {
    let dir = tempfile::tempdir().unwrap();
    let out = scratchnet(&[
        "tour",
        "--chapter",
        "5",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "int() of 220.00000000000003",
        "dOrange: 3.3000000000000003",
        "dTax: 650",
        "epoch 36",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let differences: Vec<f64> = text
        .split_whitespace()
        .filter_map(|w| w.split_once(':'))
        .filter(|(name, _)| ["W1", "b1", "W2", "b2"].contains(name))
        .map(|(_, v)| v.parse().unwrap())
        .collect();
    assert_eq!(differences.len(), 8, "{text}");
    assert!(differences.iter().all(|&d| d < 1e-6), "{differences:?}");
    assert_eq!(
        common::files_in(dir.path()),
        [
            "graph_buy_apple.png",
            "graph_buy_apple_orange.png",
            "training_relu.png"
        ]
    );
    let err = fails(&["tour", "--chapter", "7"], 2);
    assert!(err.contains("--chapter"), "{err}");
}

/// The chapter-6 tour on the built-in slice, every experiment drawing from NumPy's generator
/// seeded with 0: the shares of sigmoid's saturated activations are NumPy's own counts
/// (`tests/reference/ch06_experiments.json`); the losses and the Batch Normalization accuracies
/// are what the library's functions give for the same draws; the scales are
/// `np.logspace(0, -4, 16)`'s in closed form; the overfitting rows show the book's findings.
#[test]
fn the_chapter_6_tour_walks_through_initial_weights_batch_norm_and_overfitting() {
    use scratchnet::data::mnist::PixelScale;
    use scratchnet::experiments::{
        BATCH_NORM_TRAIN_SIZE, BatchNormTestConfig, GUESS_LOSS, WeightInitCompareConfig,
        batch_norm_test, weight_init_compare, weight_scale_list,
    };
    use scratchnet::random::numpy::RandomState;
    let dir = tempfile::tempdir().unwrap();
    let out = scratchnet(&[
        "tour",
        "--chapter",
        "6",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let numbers = |line: &str| -> Vec<f64> {
        line.split([' ', ','])
            .filter_map(|w| w.parse().ok())
            .collect()
    };

    // 1. sigmoid with std 1: the share of each layer's 100,000 activations in the two outer
    // bars, printed to 0.1 %, against NumPy's counts (a count may differ by 2, one value moved
    // across an edge: 0.002 %)
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/reference/ch06_experiments.json").unwrap(),
    )
    .unwrap();
    let case = reference["weight_init_activation_histogram"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["activation"] == "sigmoid" && c["init"] == "1" && c["seed"] == 0)
        .expect("sigmoid, std 1, seed 0");
    let row = text
        .lines()
        .find_map(|l| l.strip_prefix("sigmoid, std 1"))
        .expect("the row of sigmoid with std 1");
    let shares = numbers(row);
    let layers = case["layers"].as_array().unwrap();
    assert_eq!(shares.len(), layers.len(), "{row}");
    for (share, layer) in shares.iter().zip(layers) {
        let counts = &layer["counts"];
        let outer = counts[0].as_u64().unwrap() + counts[29].as_u64().unwrap();
        let numpy = 100.0 * outer as f64 / 100_000.0;
        assert!(
            (share - numpy).abs() <= 0.05 + 0.002,
            "{share} vs NumPy's {numpy}"
        );
        // figure 6-10: most of them at 0 or 1
        assert!(*share > 50.0, "{share}");
    }

    // 2. weight_init_compare.py for 300 iterations: the library's losses for the same draws,
    // and the book's finding: std=0.01 stays at ln 10, He learns fastest
    let mnist = scratchnet::Mnist::builtin();
    let config = WeightInitCompareConfig {
        max_iterations: 300,
        pixels: PixelScale::F32,
        ..WeightInitCompareConfig::default()
    };
    let compare =
        weight_init_compare(&mnist.train, &config, &mut RandomState::new(0), |_| {}).unwrap();
    let mut ends = Vec::new();
    for network in &compare.networks {
        let end = network.final_smoothed().unwrap();
        let line = format!("  {:<10}{end:.4}", network.key);
        assert!(text.contains(&line), "{line:?} in {text}");
        ends.push(end);
    }
    assert!((ends[0] - GUESS_LOSS).abs() < 0.01, "{ends:?}");
    assert!(ends[2] < ends[1] && ends[1] < ends[0], "{ends:?}");

    // 3. batch_norm_test.py at scales 4 and 10 of 16, 10 epochs, one generator for both
    let config = BatchNormTestConfig {
        max_epochs: 10,
        pixels: PixelScale::F32,
        ..BatchNormTestConfig::default()
    };
    let train = mnist.train.first(BATCH_NORM_TRAIN_SIZE);
    let mut numpy = RandomState::new(0);
    for k in [4, 10] {
        let scale = weight_scale_list()[k];
        // np.logspace(0, -4, 16)[k] = 10^(−4k/15)
        assert!((scale - 10f64.powf(-4.0 * k as f64 / 15.0)).abs() < 1e-15);
        let run = batch_norm_test(&train, scale, &config, &mut numpy).unwrap();
        let (plain, bn) = (
            run.train_acc_list.last().unwrap(),
            run.bn_train_acc_list.last().unwrap(),
        );
        let line =
            format!("W = {scale:.4}: without Batch Normalization {plain:.3}, with it {bn:.3}");
        assert!(text.contains(&line), "{line:?} in {text}");
        // figure 6-19: with Batch Normalization ahead, without it barely learning
        assert!(bn > plain && *plain < 0.2, "{line}");
    }

    // 4. overfit_weight_decay.py, 201 epochs: without weight decay every one of the 300
    // images right and a wide gap; with it a narrower one; each gap its row's train − test
    let rows: Vec<Vec<f64>> = text
        .lines()
        .filter(|l| l.contains("train acc") && l.contains("gap"))
        .map(|l| numbers(l.split_once(':').unwrap().1))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    for row in &rows {
        let [train, test, gap] = row[..] else {
            panic!("{row:?}")
        };
        assert!((train - test - gap).abs() <= 1.5e-4, "{row:?}");
    }
    assert_eq!(rows[0][0], 1.0, "{rows:?}");
    assert!(rows[0][2] > 0.15 && rows[1][2] < rows[0][2], "{rows:?}");

    assert_eq!(
        common::files_in(dir.path()),
        [
            "batch_norm_test.png",
            "init_relu_he.png",
            "init_sigmoid_std1.png",
            "init_sigmoid_xavier.png",
            "overfit_weight_decay.png",
            "weight_init_compare.png",
        ]
    );
}

/// The book's `weight_init_activation_histogram.py` with NumPy's draws: the counts of
/// `tests/reference/ch06_experiments.json` (NumPy 2.4.6, seed 0; a value within rounding of a
/// bar's edge may move a unit to the next bar), and the shapes of figures 6-10 and 6-11.
#[test]
fn weight_init_histogram_gives_the_book_s_counts_with_numpy_s_draws() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/reference/ch06_experiments.json").unwrap(),
    )
    .unwrap();
    let case = reference["weight_init_activation_histogram"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["activation"] == "sigmoid" && c["init"] == "xavier")
        .unwrap();
    let doc = json(&[
        "weight-init-histogram",
        "--init",
        "xavier",
        "--rng",
        "numpy",
        "--seed",
        "0",
        "--json",
    ]);
    for (got, want) in doc["layers"]
        .as_array()
        .unwrap()
        .iter()
        .zip(case["layers"].as_array().unwrap())
    {
        let moved: u64 = got["counts"]
            .as_array()
            .unwrap()
            .iter()
            .zip(want["counts"].as_array().unwrap())
            .map(|(a, b)| a.as_u64().unwrap().abs_diff(b.as_u64().unwrap()))
            .sum();
        assert!(moved <= 2, "{got} / {want}");
    }
    // std 1: more than half of the last layer in the 2 end bars of 30; std 0.01: all of it in
    // the 3 middle bars
    let ends = |init: &str| {
        let doc = json(&["weight-init-histogram", "--init", init, "--json"]);
        let counts: Vec<u64> = floats(&doc["layers"][4]["counts"])
            .iter()
            .map(|&c| c as u64)
            .collect();
        (counts[0] + counts[29], counts[13..16].iter().sum::<u64>())
    };
    assert!(ends("1").0 > 50_000);
    assert_eq!(ends("0.01").1, 100_000);
    let err = fails(&["weight-init-histogram", "--init", "-1"], 2);
    assert!(err.contains("above 0"), "{err}");
    let err = fails(
        &[
            "weight-init-histogram",
            "--rng",
            "numpy",
            "--seed",
            "4294967296",
        ],
        2,
    );
    assert!(err.contains("4294967295"), "{err}");
}

/// The book's `weight_init_compare.py` shortened to 60 iterations on the built-in slice, with
/// NumPy's draws: the losses of the book's own code (`tests/reference/ch06_experiments_mnist.py`,
/// to 1e-10 relative: the matrix products sum in another order than OpenBLAS's), He learning
/// and std 0.01 not; the table, the finding and the picture; bad values are usage errors.
#[test]
fn weight_init_compare_gives_the_book_s_losses_with_numpy_s_draws() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/reference/ch06_experiments_mnist.json").unwrap(),
    )
    .unwrap();
    let want = reference["weight_init_compare"]["networks"]
        .as_array()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("init.svg");
    let numpy = ["--rng", "numpy", "--seed", "0"];
    let args = [
        &["weight-init-compare", "--iters", "60", "--json", "--plot"][..],
        &[plot.to_str().unwrap()],
        &numpy,
    ]
    .concat();
    let doc = json(&args);
    assert_eq!(
        (doc["iters"].as_u64(), doc["batch_size"].as_u64()),
        (Some(60), Some(128))
    );
    assert_eq!(doc["train_size"], 5000);
    assert_eq!(doc["rng"], "numpy");
    let networks = doc["networks"].as_array().unwrap();
    assert_eq!(networks.len(), 3);
    for (got, want) in networks.iter().zip(want) {
        assert_eq!(got["name"], want["name"]);
        let (got_loss, want_loss) = (floats(&got["train_loss"]), floats(&want["train_loss"]));
        assert_eq!(got_loss.len(), 60);
        for (a, b) in got_loss.iter().zip(&want_loss) {
            assert!((a - b).abs() <= 1e-10 * b.abs(), "{}: {a} {b}", got["name"]);
        }
    }
    assert_eq!(networks[0]["init"], "0.01");
    assert_eq!(networks[0]["learns"], false);
    assert_eq!(networks[2]["learns"], true);
    assert_eq!(doc["as_book"], true);
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert!(svg.contains("Xavier") && svg.contains("The loss by initial weights"));
    let out = scratchnet(&[&["weight-init-compare", "--iters", "101"][..], &numpy].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "iteration    std=0.01    Xavier        He\n0              2.3025",
        "\n100   ",
        "does not learn",
        "As in the book's figure 6-15",
    ] {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    assert!(stderr(&out).contains("MNIST: the built-in slice"));
    for bad in ["0", "x", "-5"] {
        fails(&["weight-init-compare", "--iters", bad], 2);
    }
}

/// The book's `batch_norm_test.py` at 2 of its 16 scales for 2 epochs, with NumPy's draws: the
/// first scale's accuracies are the book's own code's (`tests/reference/ch06_experiments_mnist.py`,
/// the first 2 of its 3 epochs: the same draws), Batch Normalization ahead at both; the table
/// and the finding; bad values are usage errors.
#[test]
fn batch_norm_test_runs_the_chosen_scales_with_the_book_s_draws() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/reference/ch06_experiments_mnist.json").unwrap(),
    )
    .unwrap();
    let first = &reference["batch_norm_test"]["runs"][0];
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("bn.png");
    let args = [
        "batch-norm-test",
        "--epochs",
        "2",
        "--scales",
        "0,15",
        "--rng",
        "numpy",
        "--json",
        "--plot",
        plot.to_str().unwrap(),
    ];
    let doc = json(&args);
    assert_eq!(
        (doc["epochs"].as_u64(), doc["train_size"].as_u64()),
        (Some(2), Some(1000))
    );
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(
        (runs[0]["index"].as_u64(), runs[1]["index"].as_u64()),
        (Some(0), Some(15))
    );
    assert_eq!(runs[0]["weight_scale"], 1.0);
    assert_eq!(runs[1]["weight_scale"], 0.0001);
    for list in ["train_acc_list", "bn_train_acc_list"] {
        assert_eq!(floats(&runs[0][list]), floats(&first[list])[..2], "{list}");
        assert_eq!(floats(&runs[1][list]).len(), 2);
    }
    assert_eq!(doc["bn_ahead"], 2);
    assert_eq!(doc["as_book"], true);
    assert!(std::fs::read(&plot).unwrap().starts_with(b"\x89PNG"));
    let out = scratchnet(&["batch-norm-test", "--epochs", "1", "--scales", "15"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in ["16/16  0.0001", "ended ahead at", "of 1 scales"] {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    for (flag, bad) in [
        ("--scales", "16"),
        ("--scales", "1,,2"),
        ("--scales", "some"),
        ("--epochs", "0"),
    ] {
        let err = fails(&["batch-norm-test", flag, bad], 2);
        assert!(
            flag != "--scales" || err.contains("0 (W = 1) to 15"),
            "{err}"
        );
    }
}

/// `tests/reference/ch06_overfit_hp.json`: the book's chapter-6 scripts on overfitting and
/// hyperparameters, shortened, run by NumPy 2.4.6 after `np.random.seed(0)` on the built-in
/// slice.
fn overfit_hp_reference() -> Value {
    serde_json::from_str(&std::fs::read_to_string("tests/reference/ch06_overfit_hp.json").unwrap())
        .unwrap()
}

/// The book's `overfit_weight_decay.py` and `overfit_dropout.py` with NumPy's draws: each run's
/// accuracies are the script's own, exactly (each is a count of right answers over 300 or
/// 1,000); with a cure, the plain run comes first, from the same seed; two cures at once, or
/// values out of the book's ranges, are usage errors.
#[test]
fn overfit_gives_the_book_s_accuracies_with_numpy_s_draws() {
    let reference = overfit_hp_reference();
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("overfit.svg");
    let numpy = ["--epochs", "5", "--rng", "numpy", "--seed", "0", "--json"];
    for (cure, script, figure, cases) in [
        (
            "--weight-decay",
            "overfit_weight_decay.py",
            "6-21",
            "overfit_weight_decay",
        ),
        ("--dropout", "overfit_dropout.py", "6-23", "overfit_dropout"),
    ] {
        let value = if cure == "--dropout" { "0.2" } else { "0.1" };
        let mut args = vec!["overfit", cure, value, "--plot", plot.to_str().unwrap()];
        args.extend(numpy);
        let doc = json(&args);
        assert_eq!(doc["script"], script);
        assert_eq!(doc["figure"], figure);
        assert_eq!(
            (doc["train_size"].as_u64(), doc["test_size"].as_u64()),
            (Some(300), Some(1000))
        );
        let runs = doc["runs"].as_array().unwrap();
        let want = reference[cases].as_array().unwrap();
        // the reference has the cure first, then the plain network
        for (run, want) in runs.iter().zip(want.iter().rev()) {
            assert_eq!(
                floats(&run["train_acc_list"]),
                floats(&want["train_acc_list"]),
                "{cure}"
            );
            assert_eq!(
                floats(&run["test_acc_list"]),
                floats(&want["test_acc_list"]),
                "{cure}"
            );
            let (train, test) = (
                floats(&run["train_acc_list"]),
                floats(&run["test_acc_list"]),
            );
            assert_eq!(run["gap"].as_f64(), Some(train[4] - test[4]));
        }
        assert_eq!(runs.len(), 2);
        let svg = std::fs::read_to_string(&plot).unwrap();
        let label = if cure == "--dropout" {
            "Dropout ratio 0.2"
        } else {
            "weight decay λ = 0.1"
        };
        assert!(svg.contains(label) && svg.contains("train acc"), "{cure}");
    }
    // alone: the plain network, figure 6-20, and what it shows in words
    let out = scratchnet(&["overfit", "--epochs", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("overfit_weight_decay.py") && text.contains("not overfitted yet"),
        "{text}"
    );
    let doc = json(&["overfit", "--epochs", "2", "--json"]);
    assert_eq!(doc["figure"], "6-20");
    assert_eq!(doc["runs"].as_array().unwrap().len(), 1);
    assert_eq!(doc["runs"][0]["regularization"]["kind"], "weight-decay");
    for (args, message) in [
        (
            &["overfit", "--weight-decay", "0.1", "--dropout", "0.2"][..],
            "give one of them",
        ),
        (&["overfit", "--dropout", "1"], "below 1"),
        (&["overfit", "--weight-decay", "-0.1"], "at least 0"),
        (&["overfit", "--epochs", "0"], "--epochs"),
    ] {
        let err = fails(args, 2);
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

/// The book's `hyperparameter_optimization.py` with NumPy's draws: the same learning rates and
/// weight decays to the bit, the same accuracies, the same ranking and the same `Best-k` lines
/// as the book's script prints them; the ranges of the best trials in words and in JSON.
#[test]
fn hyperparameter_search_ranks_the_book_s_trials() {
    let reference = overfit_hp_reference();
    let case = &reference["hyperparameter_optimization"];
    let numpy = [
        "--trials", "3", "--epochs", "3", "--rng", "numpy", "--seed", "0",
    ];
    let doc = json(&[&["hyperparameter-search"][..], &numpy, &["--json"]].concat());
    assert_eq!(
        (doc["train_size"].as_u64(), doc["validation_size"].as_u64()),
        (Some(400), Some(100))
    );
    let trials = doc["trials"].as_array().unwrap();
    assert_eq!(trials.len(), 3);
    for (rank, trial) in trials.iter().enumerate() {
        assert_eq!(trial["rank"].as_u64(), Some(rank as u64 + 1));
        let want = &case["trials"][trial["trial"].as_u64().unwrap() as usize - 1];
        for key in ["lr", "weight_decay"] {
            assert_eq!(
                trial[key].as_f64().map(f64::to_bits),
                want[key].as_f64().map(f64::to_bits)
            );
        }
        assert_eq!(
            floats(&trial["val_acc_list"]),
            floats(&want["val_acc_list"])
        );
        assert_eq!(
            floats(&trial["train_acc_list"]),
            floats(&want["train_acc_list"])
        );
    }
    let lrs: Vec<f64> = trials.iter().map(|t| t["lr"].as_f64().unwrap()).collect();
    let lo = lrs.iter().copied().fold(f64::INFINITY, f64::min);
    assert_eq!(floats(&doc["ranges"]["lr"])[0], lo);
    let out = scratchnet(&[&["hyperparameter-search"][..], &numpy].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in case["best_lines"].as_array().unwrap() {
        assert!(text.contains(line.as_str().unwrap()), "{line} in {text}");
    }
    // the ranges of the 3 trials drawn: lr from 1.5081662054491436e-06 to 0.0024980197686192674
    assert!(
        text.contains("The best 3 suggest: lr from 1.51e-6 to 0.0025 (10^-5.82 to 10^-2.60)"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("trial 3/3: val acc:0.14"),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("search.svg");
    let out = scratchnet(&[
        "hyperparameter-search",
        "--trials",
        "2",
        "--epochs",
        "2",
        "--plot",
        plot.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert!(svg.contains("Best-1") && svg.contains("Best-2") && !svg.contains("Best-3"));
    for (args, message) in [
        (&["hyperparameter-search", "--trials", "0"][..], "--trials"),
        (&["hyperparameter-search", "--epochs", "0"], "--epochs"),
        (
            &[
                "hyperparameter-search",
                "--rng",
                "numpy",
                "--seed",
                "4294967296",
            ],
            "4294967295",
        ),
    ] {
        let err = fails(args, 2);
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

#[test]
fn simplenet_with_a_seed_is_reproducible() {
    let a = json(&["simplenet", "--seed", "7", "--json"]);
    let b = json(&["simplenet", "--seed", "7", "--json"]);
    let c = json(&["simplenet", "--seed", "8", "--json"]);
    assert_eq!(a, b);
    assert_ne!(a["W"], c["W"]);
}

#[test]
fn tour_on_a_fresh_machine_walks_through_the_notebook_and_trains_on_the_slice() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("tour");
    let out = scratchnet(&["tour", "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "MNIST: the built-in slice, 5,000 training and 1,000 test images; \
         `scratchnet fetch-mnist` gets all 70,000",
        "1. Gradient descent",
        "diverged",
        "stalled",
        "gradient field",
        "simpleNet",
        "[-6.11110793e-10  4.07407195e-10]",
        "(iteration  1800)",
        "8. Where the gradient misleads",
        "saddle: ",
        "plateau: ",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    // the network learns on the slice: measured 0.9158 train, 0.8750 test after 1,800 iterations
    let last = text
        .lines()
        .find(|l| l.contains("(iteration  1800)"))
        .unwrap();
    let acc = |name: &str| -> f64 {
        let rest = last.split(name).nth(1).unwrap();
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(acc("train acc") > 0.89 && acc("test acc") > 0.85, "{last}");
    let pictures = common::files_in(&out_dir);
    assert_eq!(
        pictures,
        [
            "descent_lr_0.1.png",
            "descent_lr_10.png",
            "descent_lr_1e-10.png",
            "gradient_field.png",
            "optimizers_bowl.png",
            "plateau.png",
            "saddle.png",
            "tangent_function_1.png",
            "training.png"
        ]
    );
    for p in &pictures {
        assert!(
            text.contains(&format!("picture: {}", out_dir.join(p).display())),
            "{p}"
        );
    }

    // in Korean: the same chapters and the same numbers, the narration and tables in Korean
    let ko_dir = dir.path().join("tour-ko");
    let out = scratchnet(&["tour", "--lang", "ko", "--out", ko_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ko = stdout(&out);
    for needle in [
        "1. 경사 하강법",
        "시작점     학습률  마지막 x",
        "1.03737889e-18  수렴",
        "발산",
        "정체",
        "8. 기울기가 길을 잃는 곳",
        "그림: ",
    ] {
        assert!(ko.contains(needle), "{needle} in {ko}");
    }
    let ko_last = ko.lines().find(|l| l.contains("(반복  1800)")).unwrap();
    let numbers = |l: &str| -> Vec<String> {
        l.split_whitespace()
            .filter(|w| w.parse::<f64>().is_ok())
            .map(String::from)
            .collect()
    };
    assert_eq!(numbers(ko_last), numbers(last), "{ko_last} / {last}");
    assert_eq!(common::files_in(&ko_dir), pictures);
}

/// `text` without what is code by its shape: `{...}` (a JSON document's keys), a name
/// called (`arange(`) and what stands in quotes (a value the user gave).
fn without_code_shapes(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut quote = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), _) if c == q => {
                quote = None;
                continue;
            }
            (Some(_), _) => continue,
            (None, '"' | '\'') if depth == 0 => {
                quote = Some(c);
                continue;
            }
            _ => {}
        }
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth > 0 => {}
            '(' => {
                while out.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                    out.pop();
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `text` without the English names given in parentheses after a Korean term, as a glossary
/// does: "적응형 기울기(Adaptive Gradient)".
fn without_glosses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let (before, after) = rest.split_at(open);
        let gloss = after[1..].find(')').map(|close| &after[1..=close]);
        let after_hangul = before
            .chars()
            .last()
            .is_some_and(|c| ('가'..='힣').contains(&c));
        match gloss {
            Some(inner)
                if after_hangul
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || " '-".contains(c)) =>
            {
                out.push_str(before);
                rest = &after[inner.len() + 2..];
            }
            _ => {
                out.push_str(before);
                out.push('(');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The English words left in a Korean output: words of three letters or more that are not a
/// name (of a function, a rule, a file, a command) or code. Code is what stands in backticks,
/// and words joined to code by `_`, `.`, `(`, `[` or digits.
fn english_left_in(korean: &str) -> Vec<String> {
    const NAMES: &[&str] = &[
        "MNIST",
        "SGD",
        "Adam",
        "AdaGrad",
        "RMSprop",
        "Momentum",
        "Nesterov",
        "ReLU",
        "NaN",
        "TwoLayerNet",
        "MultiLayerNet",
        "MultiLayerNetExtend",
        "Trainer",
        // the book's networks of chapter 6 and its names for their initial weights
        "MultiLayerNet",
        "MultiLayerNetExtend",
        "std",
        "Xavier",
        // the book's network of chapter 7
        "SimpleConvNet",
        // the book's layer names, which the Korean edition keeps (Affine 계층)
        "Affine",
        "SimpleNet",
        "simpleNet",
        "scratchnet",
        "softmax",
        "sigmoid",
        "argmax",
        "sphere",
        "saddle",
        "plateau",
        "bowl",
        "rosenbrock",
        "himmelblau",
        "loss",
        "array",
        "Out",
        "inf",
        "exp",
        "nan",
        "PNG",
        "NumPy",
        "safetensors",
        "PyTorch",
        "Jupyter",
        "Chromium",
        "Rust",
        "JSON",
        "SVG",
        // what the book's chapter-5 scripts print, word for word
        "price",
        "dprice",
        "dApple",
        "dOrange",
        "dTax",
    ];
    let mut left = Vec::new();
    for line in korean.lines() {
        // what stands between backticks is code
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let prose = without_glosses(&prose);
        let prose = without_code_shapes(&prose);
        // `--help`'s choices and defaults are the flags' values: code
        let prose = match prose.trim_start().strip_prefix("- ") {
            Some(choice) => choice
                .split_once(": ")
                .map_or("", |(_, meaning)| meaning)
                .to_string(),
            None => prose,
        };
        let prose = ["[기본값: ", "[고를 수 있는 값: "]
            .iter()
            .fold(prose, |p, open| match p.split_once(open) {
                Some((before, after)) => {
                    before.to_string() + after.split_once(']').map_or("", |(_, rest)| rest)
                }
                None => p,
            });
        for token in prose.split(|c: char| c.is_whitespace() || ",:;()[]{}|=→−+*'\"".contains(c))
        {
            let code = token
                .chars()
                .any(|c| c.is_ascii_digit() || "_.$<>/\\".contains(c));
            let word: String = token.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            let name = NAMES.iter().any(|n| n.eq_ignore_ascii_case(&word))
                || COMMANDS.contains(&word.as_str())
                || word == "help";
            // a word in capitals is a placeholder (FILE, STEP) or an acronym (MNIST, PNG)
            let capitals = word.chars().all(|c| c.is_ascii_uppercase());
            if word.len() >= 3 && !code && !name && !capitals && word == token {
                left.push(format!("{word} in: {line}"));
            }
        }
    }
    left
}

/// Every command, for the tests that run each.
const COMMANDS: [&str; 22] = [
    "tour",
    "descend",
    "field",
    "diff",
    "simplenet",
    "fetch-mnist",
    "gradcheck",
    "graph",
    "weight-init-histogram",
    "weight-init-compare",
    "batch-norm-test",
    "overfit",
    "hyperparameter-search",
    "train",
    "evaluate",
    "predict",
    "visualize-filter",
    "apply-filter",
    "misclassified",
    "compare",
    "compare-mnist",
    "serve",
];

#[test]
fn korean_outputs_keep_to_the_glossary_and_leave_no_english() {
    let dir = tempfile::tempdir().unwrap();
    let pictures = dir.path().join("p");
    let graph = dir.path().join("graph.png");
    let (overfit, search) = (
        dir.path().join("overfit.png"),
        dir.path().join("search.png"),
    );
    let (net, curves) = (
        dir.path().join("net.safetensors"),
        dir.path().join("curves.png"),
    );
    let (init_curves, batch_norm) = (
        dir.path().join("init-curves.png"),
        dir.path().join("batch-norm.png"),
    );
    let runs: &[&[&str]] = &[
        &["tour", "--lang", "ko", "--out", pictures.to_str().unwrap()],
        &[
            "tour",
            "--chapter",
            "5",
            "--lang",
            "ko",
            "--out",
            pictures.to_str().unwrap(),
        ],
        &[
            "tour",
            "--chapter",
            "6",
            "--lang",
            "ko",
            "--out",
            pictures.to_str().unwrap(),
        ],
        &["descend", "--lang", "ko"],
        &[
            "descend",
            "--lang",
            "ko",
            "--function",
            "saddle",
            "--init=-3,0.01",
        ],
        &[
            "descend",
            "--lang",
            "ko",
            "--function",
            "plateau",
            "--init=4,3",
            "--optimizer",
            "adam",
            "--lr",
            "0.3",
        ],
        &["descend", "--lang", "ko", "--init=1e308,1e308"],
        &["descend", "--lang", "ko", "--steps", "0"],
        &["field", "--lang", "ko"],
        &["diff", "--lang", "ko"],
        &["simplenet", "--lang", "ko"],
        &[
            "graph",
            "apple-orange",
            "--lang",
            "ko",
            "--plot",
            graph.to_str().unwrap(),
        ],
        &[
            "weight-init-histogram",
            "--lang",
            "ko",
            "--activation",
            "relu",
            "--init",
            "he",
            "--rng",
            "numpy",
        ],
        &[
            "overfit",
            "--lang",
            "ko",
            "--weight-decay",
            "0.1",
            "--epochs",
            "3",
            "--plot",
            overfit.to_str().unwrap(),
        ],
        &[
            "overfit",
            "--lang",
            "ko",
            "--dropout",
            "0.2",
            "--epochs",
            "3",
        ],
        &[
            "hyperparameter-search",
            "--lang",
            "ko",
            "--trials",
            "2",
            "--epochs",
            "2",
            "--plot",
            search.to_str().unwrap(),
        ],
        &["compare", "--lang", "ko"],
        &[
            "train",
            "--lang",
            "ko",
            "--iters",
            "120",
            "--save",
            net.to_str().unwrap(),
            "--plot",
            curves.to_str().unwrap(),
        ],
        &["evaluate", "--lang", "ko", "--model", net.to_str().unwrap()],
        &[
            "predict",
            "--lang",
            "ko",
            "--model",
            net.to_str().unwrap(),
            "--index",
            "3",
        ],
        &["gradcheck", "--lang", "ko", "--activation", "relu"],
        &["compare-mnist", "--lang", "ko", "--iters", "60"],
        &[
            "weight-init-compare",
            "--lang",
            "ko",
            "--iters",
            "60",
            "--plot",
            init_curves.to_str().unwrap(),
        ],
        &[
            "batch-norm-test",
            "--lang",
            "ko",
            "--epochs",
            "2",
            "--scales",
            "0,15",
            "--plot",
            batch_norm.to_str().unwrap(),
        ],
        // the help of the program and of every command
        &["--lang", "ko", "--help"],
    ];
    let helps: Vec<Vec<&str>> = COMMANDS
        .iter()
        .map(|c| vec![*c, "--lang", "ko", "--help"])
        .collect();
    let runs = runs.iter().copied().chain(helps.iter().map(Vec::as_slice));
    for args in runs {
        let out = scratchnet(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        // what goes to stderr (the MNIST found, progress) is read too
        let text = stdout(&out) + &stderr(&out);
        let wrong = scratchnet::text::glossary::misuses(&text);
        assert!(wrong.is_empty(), "{args:?}: {wrong:?}");
        let english = english_left_in(&text);
        assert!(english.is_empty(), "{args:?}: {english:#?}");
    }
}

#[test]
fn a_korean_locale_speaks_korean_and_lang_overrides_it() {
    let ko = common::fresh_scratchnet()
        .args(["descend"])
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    assert!(
        stdout(&ko).contains("최소점에 수렴했습니다."),
        "{}",
        stdout(&ko)
    );
    let en = common::fresh_scratchnet()
        .args(["descend", "--lang", "en"])
        .env("LC_ALL", "ko_KR.UTF-8")
        .output()
        .unwrap();
    assert!(
        stdout(&en).contains("converged to the minimum"),
        "{}",
        stdout(&en)
    );
    // LC_ALL comes before LANG, as POSIX has it
    let c = common::fresh_scratchnet()
        .args(["descend"])
        .env("LC_ALL", "C")
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    assert!(
        stdout(&c).contains("converged to the minimum"),
        "{}",
        stdout(&c)
    );
}

#[test]
fn tour_with_a_data_directory_that_is_not_there_stops_at_once_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = scratchnet(&[
        "tour",
        "--out",
        dir.path().to_str().unwrap(),
        "--data",
        "/nonexistent/mnist",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("/nonexistent/mnist") && err.contains("scratchnet fetch-mnist"),
        "{err}"
    );
    assert!(stdout(&out).is_empty(), "nothing before the error");
    assert!(common::files_in(dir.path()).is_empty());
}

#[test]
fn every_subcommand_has_help() {
    for sub in COMMANDS {
        let out = scratchnet(&[sub, "--help"]);
        assert!(out.status.success());
        assert!(stdout(&out).contains("Usage: scratchnet"), "{sub}");
    }
}

#[test]
fn compare_runs_every_rule_from_the_same_start() {
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("compare.svg");
    let doc = json(&[
        "compare",
        "--function",
        "bowl",
        "--optimizers",
        "sgd,momentum,adagrad,adam",
        "--steps",
        "30",
        "--plot",
        plot.to_str().unwrap(),
        "--json",
    ]);
    let runs = doc["runs"].as_array().unwrap();
    let kinds: Vec<&str> = runs
        .iter()
        .map(|r| r["optimizer"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sgd", "momentum", "adagrad", "adam"]);
    let lrs: Vec<f64> = runs
        .iter()
        .map(|r| r["optimizer"]["lr"].as_f64().unwrap())
        .collect();
    assert_eq!(lrs, [0.95, 0.1, 1.5, 0.3], "the book's learning rates");
    for r in runs {
        assert_eq!(floats(&r["init"]), [-7.0, 2.0]);
        assert_eq!(r["history"].as_array().unwrap().len(), 31);
    }
    let svg = std::fs::read_to_string(&plot).unwrap();
    for title in ["SGD", "Momentum", "AdaGrad", "Adam"] {
        assert!(svg.contains(title), "{title} panel");
    }
    let text = stdout(&scratchnet(&[
        "compare",
        "--function",
        "saddle",
        "--optimizers",
        "sgd",
        "--steps",
        "100",
        "--lr",
        "0.1",
    ]));
    assert!(text.contains("saddle: "), "{text}");
    for (args, message) in [
        (&["compare", "--optimizers", "sgd,lbfgs"][..], "lbfgs"),
        (&["compare", "--lr", "-1"], "must be positive"),
        (&["compare", "--function", "function_1"], "one-dimensional"),
        (
            &["descend", "--optimizer", "adam", "--beta1", "1"],
            "below 1",
        ),
        (&["train", "--optimizer", "sgdd"], "sgd, momentum"),
    ] {
        let err = fails(args, 2);
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

/// `--steps 0`: the start is the end, and the diagnosis says no step was taken, not that the
/// learning rate is too small; a start where squares overflow is still an overflow, even where
/// the saddle's f is ∞ − ∞, not a number.
#[test]
fn descend_with_no_steps_says_so_in_both_languages() {
    let doc = json(&["descend", "--steps", "0", "--json"]);
    let run = &doc["runs"][0];
    assert_eq!(run["diagnosis"]["kind"], "no-steps");
    assert_eq!(run["gradients"], serde_json::json!([]));
    assert_eq!(floats(&run["final"]), [-3.0, 4.0]);
    let en = stdout(&scratchnet(&["descend", "--steps", "0"]));
    assert!(en.contains("no steps"), "{en}");
    assert!(
        en.contains("no step was taken and the start (-3, 4) is the end, where f is 25"),
        "{en}"
    );
    assert!(!en.contains("stalled") && !en.contains("too small"), "{en}");
    let ko = stdout(&scratchnet(&["descend", "--lang", "ko", "--steps", "0"]));
    assert!(ko.contains("반복 없음"), "{ko}");
    assert!(
        ko.contains("반복하지 않았습니다. 반복 횟수가 0이라"),
        "{ko}"
    );
    assert!(!ko.contains("정체"), "{ko}");
    let far = json(&[
        "descend",
        "--function",
        "saddle",
        "--init=1e200,1e200",
        "--json",
    ]);
    assert_eq!(far["runs"][0]["diagnosis"]["kind"], "overflow");
}

#[test]
fn descend_json_names_the_rule_and_diagnoses_saddles_and_plateaus() {
    let doc = json(&["descend", "--function", "saddle", "--init=-3,0", "--json"]);
    assert_eq!(doc["runs"][0]["diagnosis"]["kind"], "saddle");
    assert_eq!(doc["runs"][0]["optimizer"]["kind"], "sgd");
    let doc = json(&["descend", "--function", "plateau", "--json"]);
    assert_eq!(doc["runs"][0]["diagnosis"]["kind"], "plateau");
    let doc = json(&[
        "descend",
        "--function",
        "plateau",
        "--optimizer",
        "adam",
        "--lr",
        "0.3",
        "--json",
    ]);
    assert_ne!(
        doc["runs"][0]["diagnosis"]["kind"], "plateau",
        "Adam crosses the plateau"
    );
    let help = stdout(&scratchnet(&["descend", "--help"]));
    // each function by name, with its formula (the variant's doc, `f(x) = ...`)
    for f in scratchnet::Landscape::ALL {
        assert!(help.contains(&format!("- {f}:")), "{f} in --help: {help}");
    }
    assert_eq!(
        help.matches("`f(x) = ").count(),
        scratchnet::Landscape::ALL.len(),
        "{help}"
    );
}

#[test]
fn compare_mnist_puts_momentum_and_adaptive_rules_ahead_of_sgd_early() {
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("curves.png");
    let doc = json(&[
        "compare-mnist",
        "--iters",
        "300",
        "--plot",
        plot.to_str().unwrap(),
        "--json",
    ]);
    let early = |i: usize| {
        let loss: Vec<f64> = serde_json::from_value(doc["runs"][i]["loss"].clone()).unwrap();
        assert_eq!(loss.len(), 300);
        loss[200..300].iter().sum::<f64>() / 100.0
    };
    let sgd = early(0);
    for (i, name) in [(1, "momentum"), (2, "adagrad"), (3, "adam")] {
        assert!(early(i) < sgd, "{name} {} vs sgd {sgd}", early(i));
    }
    assert!(std::fs::read(&plot).unwrap().starts_with(b"\x89PNG"));
}

/// Each command's page of the guide shows its `--help` as the program prints it, and every
/// command has a page (`bash guide/update-help.sh` rewrites the pages after a change of flags).
#[test]
fn the_guide_has_a_page_per_command_with_its_help() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guide/src/commands");
    let listed = stdout(&scratchnet(&["--help"]));
    let commands: Vec<&str> = listed
        .split("Commands:\n")
        .nth(1)
        .expect("a list of commands")
        .lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|&name| name != "help")
        .collect();
    assert!(commands.len() >= 13, "{commands:?}");
    for name in commands {
        let page = std::fs::read_to_string(dir.join(format!("{name}.md")))
            .unwrap_or_else(|e| panic!("guide/src/commands/{name}.md: {e}"));
        let block = page
            .split("<!-- the block below is")
            .nth(1)
            .and_then(|rest| rest.split("```text\n").nth(1))
            .and_then(|rest| rest.split("```").next())
            .unwrap_or_else(|| panic!("guide/src/commands/{name}.md has no help block"));
        let help = stdout(&scratchnet(&[name, "--help"]));
        assert_eq!(
            block, help,
            "guide/src/commands/{name}.md's help differs from `scratchnet {name} --help`: run \
             bash guide/update-help.sh"
        );
    }
}

#[test]
fn errors_in_korean_say_the_problem_and_the_fix_in_korean() {
    let cases: [(&[&str], i32, &str); 4] = [
        (
            &["descend", "--lang", "ko", "--lr", "abc"],
            2,
            "\"abc\": 숫자가 아닙니다(0.1처럼 쓰세요).",
        ),
        (
            &["descend", "--lang", "ko", "--init=1,2,3"],
            2,
            "sphere에는 2차원 점을 주어야 하는데 3차원 점을 받았습니다.",
        ),
        (
            &["descend", "--lang", "ko", "--bogus"],
            2,
            "알 수 없는 인자입니다: '--bogus'",
        ),
        (
            &["train", "--lang", "ko", "--data", "/nonexistent/mnist"],
            1,
            "해결 방법: `scratchnet fetch-mnist --dir /nonexistent/mnist` 명령으로",
        ),
    ];
    for (args, code, needle) in cases {
        let out = scratchnet(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("오류: ") && err.contains(needle),
            "{args:?}: {err}"
        );
        let english = english_left_in(&err);
        assert!(english.is_empty(), "{args:?}: {english:#?}");
    }
    // the same in English, as before
    let out = scratchnet(&["descend", "--lr", "abc"]);
    assert!(
        stderr(&out).contains("\"abc\" in \"abc\" is not a number"),
        "{}",
        stderr(&out)
    );
}
