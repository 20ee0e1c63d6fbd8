"""Checks executed notebooks: every code cell ran without an error, the numbers the book and the
learner's notebook print are there, the diagnoses say what they should in the notebook's language,
and every figure cell shows a picture.

    python3 check.py EXECUTED.ipynb [...]

Numbers are compared as numbers, to the last digit the notebook prints: an output number matches an
expected value when they differ by at most half a unit of the output's last printed digit (and of
the expected text's, for numbers copied from printed output). The expected values come from the
NumPy reference (tests/reference/ch04.json, written by ch04.py) and from the learner's notebook
(../shared/origin, In [17] and In [20]); for chapter 5, the book's scripts' printouts and closed
forms; for chapter 6, NumPy's counts and draws for the book's scripts after np.random.seed(0)
(tests/reference/ch06_experiments.json, ch06_overfit_hp.json), closed forms (Batch
Normalization's output, np.logspace's scales, ln 10) and the book's findings as inequalities
(findings()); for chapter 7, the book's convolution and pooling examples, output sizes and
im2col's shapes, and the gradient check's differences under 1e-5. Prints each cell's running time.

A notebook whose name ends in .ko.ipynb is Korean: its diagnoses are expected in Korean
(WORDS["ko"]), and no line it prints may contain an English word of three letters or more but the
names in ALLOWED_ENGLISH.
"""

import json
import math
import re
import statistics
import sys
from datetime import datetime
from pathlib import Path

REFERENCE = json.loads((Path(__file__).parent.parent / "tests/reference/ch04.json").read_text())
NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:e[+-]?\d+)?")


def half_unit(text):
    """Half a unit in the last digit of a printed number: 0.005 for "1.25", 5e-19 for "6.1e-10"."""
    m = re.fullmatch(r"-?\d+(?:\.(\d*))?(?:e([+-]?\d+))?", text)
    decimals = len(m.group(1) or "")
    exponent = int(m.group(2) or 0)
    return 0.5 * 10.0 ** (exponent - decimals)


def printed(*texts):
    """Expected values copied from printed output: (value, tolerance of the text)."""
    return [(float(t), half_unit(t)) for t in texts]


def exact(*values):
    """Expected values computed by the NumPy reference, to full precision."""
    return [(float(v), 0.0) for v in values]


def reference_run(init, lr):
    run = next(r for r in REFERENCE["gradient_descent_function_2"] if r["init"] == init and r["lr"] == lr)
    return run["final"]


SIMPLENET = REFERENCE["simplenet"][0]  # the learner's notebook's W
assert SIMPLENET["W"][0][0] == -1.24665088

def sigmoid(x):
    return 1 / (1 + math.exp(-x))


# chapter 5: the book's buy_apple.py and buy_apple_orange.py run with repr in place of int (Python 3,
# IEEE doubles), and the layers' values in closed form
LAYER_X = [1.0, -0.5, -2.0, 3.0]
def sigmoid_graph(x):
    """The sigmoid's graph at x computed node by node as the book's figure 5-20 does: y, the
    gradient that reaches x from dout = 1, and the closed form y(1 − y) it must equal."""
    b = math.exp(x * -1.0)
    c = b + 1.0
    y = 1.0 / c
    dx = 1.0 * (-1.0 / (c * c)) * b * -1.0
    assert abs(dx - y * (1.0 - y)) < 1e-16
    return y, dx, y * (1.0 - y)


SIGMOID_GRAPH = sigmoid_graph(0.5)

EXPECTED_CH05 = {
    "apple": [exact(220, 220.00000000000003, 2.2, 110.00000000000001, 200)],
    "apple-orange": [exact(715.0000000000001, 2.2, 110.00000000000001, 3.3000000000000003, 165, 650)],
    "layers": [exact(*(max(x, 0.0) for x in LAYER_X), *(1.0 if x > 0 else 0.0 for x in LAYER_X),
                     *(sigmoid(x) for x in LAYER_X), *(sigmoid(x) * (1 - sigmoid(x)) for x in LAYER_X))],
    # each line: the mean absolute differences of W1, b1, W2, b2 (checked below: all under 1e-6)
    "gradcheck": [],
    # the sigmoid's graph at 0.5, node by node (figure 5-20), against the closed form y(1 − y);
    # ReLU's gradient at −1 and 2; x · w + b at (2, 3, 0.5) and its three gradients
    "derivations": [exact(*SIGMOID_GRAPH, 0, 1, 6.5, 3, 2, 1)],
}

# tag -> groups of numbers, each of which must appear in its order
EXPECTED_CH04 = {
    "diff": [exact(REFERENCE["numerical_diff"]["function_1_at_5"], REFERENCE["numerical_diff"]["function_1_at_10"])],
    "partial": [exact(*REFERENCE["numerical_gradient_function_2"]["[3.0, 4.0]"])],
    "gradient": [exact(*(v for p in ["[3.0, 4.0]", "[0.0, 2.0]", "[3.0, 0.0]"]
                         for v in REFERENCE["numerical_gradient_function_2"][p]))],
    "descent": [
        exact(*(v for init in [[-3.0, 4.0], [3.0, -4.0], [3.0, -2.0], [-3.0, 2.0]] for v in reference_run(init, 0.1))),
        # the learner's notebook, Out[17]: array([-6.11110793e-10,  4.07407195e-10])
        printed("-6.11110793e-10", "4.07407195e-10"),
    ],
    "lr-large": [exact(*reference_run([-3.0, 4.0], 10.0))],
    "lr-small": [exact(*reference_run([-3.0, 4.0], 1e-10))],
    "saddle": [],
    "plateau": [],
    "simplenet": [
        # the learner's notebook, In [20]: print(net.W), print(p)
        printed("-1.24665088", "1.27077001", "-0.60729709", "-0.28559133", "0.11076715", "0.15251487",
                "-1.00502272", "0.86215244", "-0.22711487"),
        exact(*SIMPLENET["p"], SIMPLENET["loss"]),
    ],
    "dw": [exact(*(v for row in SIMPLENET["dW"] for v in row))],
    "mnist": [],
}

# language -> tag -> words the cell's output must contain: the diagnoses' own words (the saddle
# cell's second run starts off the ridge, where f is unbounded below)
WORDS_CH04 = {
    "en": {
        "descent": ["converged"],
        "lr-large": ["diverged"],
        "lr-small": ["stalled"],
        "saddle": ["saddle", "unbounded below"],
        "plateau": ["plateau"],
        "mnist": ["MNIST"],
    },
    "ko": {
        "descent": ["수렴했습니다"],
        "lr-large": ["발산했습니다"],
        "lr-small": ["정체되었습니다"],
        "saddle": ["안장점입니다", "끝없이 내려갑니다"],
        "plateau": ["고원입니다"],
        "mnist": ["MNIST"],
    },
}

WORDS_CH05 = {"en": {"gradcheck": ["sigmoid", "relu"]}, "ko": {"gradcheck": ["sigmoid", "relu"]}}

# chapter 6: NumPy's numbers for the book's scripts (tests/reference/ch06_experiments.py and
# ch06_overfit_hp.py, np.random.seed(0)), closed forms, and the book's findings as inequalities
REFERENCE_CH06 = json.loads((Path(__file__).parent.parent / "tests/reference/ch06_experiments.json").read_text())
REFERENCE_CH06_HP = json.loads((Path(__file__).parent.parent / "tests/reference/ch06_overfit_hp.json").read_text())
LN_10 = math.log(10)
ACTIVATIONS = 100_000  # 1,000 inputs times 100 units, each layer


def histogram_rows(activation, init):
    """NumPy's layers for weight_init_activation_histogram.py, seed 0: each layer's mean (its sum
    / 100,000), and the percentages in the first bar, the last bar and the middle two of the 30
    over (0, 1). scratchnet's counts may differ from NumPy's by a unit moved to the next bar
    (a value within rounding of an edge; at most 2 per layer, tests/all/cli.rs), so each
    percentage is allowed 0.002 (2 activations in 100,000) besides the printed digits."""
    case = next(c for c in REFERENCE_CH06["weight_init_activation_histogram"]
                if c["activation"] == activation and c["init"] == init and c["seed"] == 0)
    values = []
    for layer in case["layers"]:
        c = layer["counts"]
        values += [(layer["sum"] / ACTIVATIONS, 1e-9), (100 * c[0] / ACTIVATIONS, 0.002),
                   (100 * c[29] / ACTIVATIONS, 0.002), (100 * (c[14] + c[15]) / ACTIVATIONS, 0.002)]
    return [values]


# the Batch Normalization cell's batch, and what the layer gives for it with γ = 1, β = 0, in
# closed form: each column (x − μ) / √(σ² + ε), σ² the population variance, ε = 10e-7; each
# column's mean 0 and variance σ² / (σ² + ε)
BN_X = [[1.0, -3.0, 0.5], [3.0, 3.0, 0.5], [2.0, 0.0, 0.7], [6.0, 0.0, 0.3]]
BN_EPSILON = 10e-7


def batch_norm_closed_form():
    columns = list(zip(*BN_X))
    stats = []
    for column in columns:
        mu = sum(column) / len(column)
        stats.append((mu, sum((v - mu) ** 2 for v in column) / len(column)))
    out = [(v - mu) / math.sqrt(var + BN_EPSILON) for row in BN_X for v, (mu, var) in zip(row, stats)]
    return [exact(*out, 0, 0, 0, *(var / (var + BN_EPSILON) for _, var in stats))]


def first_epoch(runs, **which):
    """The first measurement (train, test) of the run of the reference with these settings."""
    run = next(r for r in runs if all(r[k] == v for k, v in which.items()))
    return exact(run["train_acc_list"][0], run["test_acc_list"][0])


FIRST_TRIAL = REFERENCE_CH06_HP["hyperparameter_optimization"]["trials"][0]
EXPECTED_CH06 = {
    # np.random.seed(0); np.random.randn(3)
    "numpy": [exact(1.764052345967664, 0.4001572083672233, 0.9787379841057392)],
    "hist-sigmoid-1": histogram_rows("sigmoid", "1"),
    "hist-sigmoid-0.01": histogram_rows("sigmoid", "0.01"),
    "hist-sigmoid-xavier": histogram_rows("sigmoid", "xavier"),
    "hist-relu-0.01": histogram_rows("relu", "0.01"),
    "hist-relu-xavier": histogram_rows("relu", "xavier"),
    "hist-relu-he": histogram_rows("relu", "he"),
    "init-compare": [exact(LN_10)],
    "bn-forward": batch_norm_closed_form(),
    "bn-test": [],
    "gradcheck": [],
    # the first measurement of each run is NumPy's (the weights and first mini-batch are the
    # book's draws); the runs' ends are checked by findings() below
    "overfit": [first_epoch(REFERENCE_CH06_HP["overfit_weight_decay"], weight_decay_lambda=0)
                + first_epoch(REFERENCE_CH06_HP["overfit_weight_decay"], weight_decay_lambda=0.1)],
    "dropout": [first_epoch(REFERENCE_CH06_HP["overfit_dropout"], use_dropout=False)
                + first_epoch(REFERENCE_CH06_HP["overfit_dropout"], use_dropout=True)],
    # the first trial's draws come before any training: NumPy's, whatever the epochs
    "search": [exact(FIRST_TRIAL["lr"], FIRST_TRIAL["weight_decay"])],
}
WORDS_CH06 = {
    "en": {"gradcheck": ["gamma1", "beta2"], "init-compare": ["learns", "has not started"]},
    "ko": {"gradcheck": ["gamma1", "beta2"], "init-compare": ["학습합니다", "학습을 시작하지 못했습니다"]},
}

# the number of parameters the gradient check prints, by chapter: TwoLayerNet's W1, b1, W2, b2
# for two activations; MultiLayerNetExtend 784-100-100-10 with Batch Normalization's W, b, γ, β
# for SimpleConvNet W1, b1, W2, b2, W3, b3 (ch07/gradient_check.py's small network). Every difference
# must be under GRADCHECK_LIMIT: 1e-6, and 1e-5 for chapter 7's network
GRADCHECK_COUNT = {"ch05": 8, "ch06": 10, "ch07": 6}
GRADCHECK_LIMIT = {"ch07": 1e-5}
ROW = re.compile(r"^\s*\d+\s+(-?\d+\.\d+)\s+(\d+\.\d) %\s+(\d+\.\d) %\s+(\d+\.\d) %", re.M)
GAP = re.compile(r"(\d\.\d{4}) − (\d\.\d{4}) = (-?\d\.\d{4})")


def findings(chapter_name, tag, text):
    """The book's findings, as inequalities on what a cell printed: the problems, if any."""
    if chapter_name != "ch06":
        return []
    rows = [tuple(map(float, r)) for r in ROW.findall(text)]  # mean, near 0, near 1, near 1/2
    checks = {
        # figure 6-10: sigmoid's outputs pile up at 0 and 1 in every layer
        "hist-sigmoid-1": lambda: len(rows) == 5 and all(r[1] + r[2] > 50 for r in rows),
        # figure 6-11: at 1/2, from the second layer on nearly all of them
        "hist-sigmoid-0.01": lambda: len(rows) == 5 and all(r[3] > 95 for r in rows[1:]),
        # figure 6-13: spread out, neither at the ends nor at 1/2
        "hist-sigmoid-xavier": lambda: len(rows) == 5 and all(r[1] + r[2] < 1 and r[3] < 30 for r in rows),
        # figure 6-14, left: from the second layer on, all in the first bar
        "hist-relu-0.01": lambda: len(rows) == 5 and all(r[1] == 100.0 for r in rows[1:]),
        # figure 6-14, middle: shrinking layer by layer
        "hist-relu-xavier": lambda: len(rows) == 5 and all(a[0] > b[0] for a, b in zip(rows, rows[1:]))
                                    and rows[4][0] < rows[0][0] / 2,
        # figure 6-14, right: the same size in every layer (no layer's mean under the first's)
        "hist-relu-he": lambda: len(rows) == 5 and all(r[0] >= rows[0][0] for r in rows),
    }
    if tag in checks:
        return [] if checks[tag]() else [f"not the book's finding for {tag}: {rows}"]
    if tag == "init-compare":
        ends = dict(re.findall(r"^\s+(std=0\.01|Xavier|He)\s+(\d+\.\d{4})\s", text, re.M))
        ends = {k: float(v) for k, v in ends.items()}
        ok = (len(ends) == 3 and abs(ends["std=0.01"] - LN_10) < 0.02 and ends["He"] < 0.9 * LN_10
              and ends["Xavier"] < ends["std=0.01"] and ends["He"] < ends["std=0.01"])
        return [] if ok else [f"figure 6-15: std=0.01 stays at ln 10, He and Xavier learn: {ends}"]
    if tag == "bn-test":
        problems = []
        lines = re.findall(r"^\s*(\d+)\s+(\d\.\d{3}e-?\d+)\s+(\d\.\d{3})\s+(\d\.\d{3})", text, re.M)
        if len(lines) != 4:
            problems.append(f"expected 4 scales, got {lines}")
        for k, w, plain, bn in lines:
            # np.logspace(0, -4, num=16)[k]
            if abs(float(w) - 10 ** (-4 * int(k) / 15)) > half_unit(w):
                problems.append(f"scale {k}: W = {w}, not 10^(-4·{k}/15)")
            if not float(bn) > float(plain):
                problems.append(f"W = {w}: Batch Normalization not ahead ({bn} vs {plain})")
            if float(w) <= 0.01 and not float(plain) < 0.2:
                problems.append(f"W = {w}: without Batch Normalization, small weights should not learn ({plain})")
        return problems
    if tag in ("overfit", "dropout"):
        gaps = [tuple(map(float, g)) for g in GAP.findall(text)]
        if len(gaps) != 2 or any(abs(train - test - gap) > 1.5e-4 for train, test, gap in gaps):
            return [f"expected two lines train − test = gap, got {gaps}"]
        (train, _, without), (_, _, cured) = gaps
        ok = train >= 0.99 and without > 0.15 and cured < without
        return [] if ok else [f"section 6.4: the 300 images learned by heart, a gap the cure narrows: {gaps}"]
    if tag == "search":
        number = r"(\d+(?:\.\d+)?e-?\d+)"
        found = re.findall(rf"lr {number}, \D+ {number}, \D+ (\d\.\d\d)", text)
        problems = []
        if len(found) != 12 + 5:
            problems.append(f"expected 12 trials and the best 5, got {len(found)} lines")
        for lr, decay, _ in found:
            # drawn as 10 ** uniform(-6, -2) and 10 ** uniform(-8, -4)
            if not (1e-6 <= float(lr) < 1e-2 and 1e-8 <= float(decay) < 1e-4):
                problems.append(f"lr {lr}, weight decay {decay}: outside the ranges drawn from")
        # section 6.5.3: the best trial's learning rate is above 1e-3
        if len(found) > 12 and not float(found[12][0]) > 1e-3:
            problems.append(f"the best trial's lr {found[12][0]} is not above 1e-3")
        return problems
    if tag == "gradcheck":
        blank = re.findall(r"(\d+)\D*$", text.strip())
        return [] if blank == ["0"] else [f"W1 from blank pixels: backpropagation should give 0 everywhere: {text[-200:]}"]
    return []


# chapter 7: the book's numbers. Figure 7-3's convolution (15 16 6 15), with the bias 3 of
# figure 7-5 (18 19 9 18), and padded by 1 (figure 7-6: its 4 × 4 output, computed here in closed
# form); the output sizes of section 7.2.4; im2col's shapes for the book's x1 and x2 (section
# 7.4.3: (9, 75) and (90, 75)) and col2im's counts; figure 7-14's max pooling (2 3 4 2);
# SimpleConvNet's shapes (4,320 inputs to the first Affine layer)
CONV_X = [[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]]
CONV_W = [[2, 0, 1], [0, 1, 2], [1, 0, 2]]


def convolved(pad, bias):
    size = len(CONV_X) + 2 * pad - len(CONV_W) + 1
    def at(i, j):
        return CONV_X[i][j] if 0 <= i < len(CONV_X) and 0 <= j < len(CONV_X) else 0
    return [sum(CONV_W[y][x] * at(i + y - pad, j + x - pad) for y in range(3) for x in range(3)) + bias
            for i in range(size) for j in range(size)]


EXPECTED_CH07 = {
    "conv-sum": [exact(15, 16, 6, 15), exact(*convolved(0, 3)), exact(*convolved(1, 3))],
    "sizes": [exact(4, 4, 1, 1, 3, 3, 4, 4), exact(7, 7, 0, 2, 3, 3, 3, 3), exact(28, 31, 2, 3, 5, 5, 10, 11)],
    "im2col": [exact(1, 3, 7, 7, 9, 75), exact(10, 3, 7, 7, 90, 75), exact(9, 1)],
    "conv-layer": [exact(1, 3, 5, 5, 1, 2, 3, 3)],
    "pooling": [exact(2, 3, 4, 2), exact(0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0)],
    "simple-conv": [exact(30, 1, 5, 5, 30, 4320, 100, 100, 100, 10, 10, LN_10)],
    "gradcheck": [],
}
WORDS_CH07 = {
    "en": {"conv-sum": ["true"], "gradcheck": ["W1", "b3"]},
    "ko": {"conv-sum": ["true"], "gradcheck": ["W1", "b3"]},
}

# the tags every notebook of a chapter has, besides those of its EXPECTED table
REQUIRED = {"ch04": ["train", "figure"], "ch05": ["train", "figure"], "ch06": ["figure"], "ch07": ["train", "figure"]}

EXPECTED = {"ch04": EXPECTED_CH04, "ch05": EXPECTED_CH05, "ch06": EXPECTED_CH06, "ch07": EXPECTED_CH07}
WORDS = {"ch04": WORDS_CH04, "ch05": WORDS_CH05, "ch06": WORDS_CH06, "ch07": WORDS_CH07}

# The English a Korean notebook may print: names of the book, of the update rules and of the code,
# and what the kernel and Rust print on purpose. Any other English word of three letters or more
# in a printed line is a sentence left untranslated.
ALLOWED_ENGLISH = {
    "MNIST", "SGD", "Adam", "AdaGrad", "RMSprop", "ReLU", "NaN",
    "TwoLayerNet", "SimpleNet", "simpleNet", "argmax", "numerical_diff", "numerical_gradient",
    "function_1", "function_2", "lr", "In", "Out",
    "true", "false",  # a bool, printed by the diff cell (5 + 1e-50 == 5: true)
    "Optimization",  # evcxr's answer to :opt 2 (Optimization: 2)
    # chapter 5: what the book's scripts print, and the activations' names
    "price", "dApple", "dApple_num", "dOrange", "dOrange_num", "dTax", "dout", "sigmoid", "relu",
    # chapter 6: the initial weights' names as the book's script prints them (std=0.01, Xavier,
    # He) and Batch Normalization's parameters
    "std", "Xavier", "gamma1", "beta1", "gamma2", "beta2",
    "scratchnet",  # the generator's name: scratchnet's own, beside NumPy's
    # chapter 7: NumPy's repr of an array, the book's im2col and its matrices, the layer's name
    "array", "im2col", "col2im", "col1", "col2", "Convolution", "SimpleConvNet",
}
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
WORD = re.compile(r"[A-Za-z]{3,}")


def chapter(path):
    """The notebook's chapter, from its name: ch04, ch05, ..."""
    return Path(path).name.split(".")[0]


def language(path):
    """The notebook's language: Korean for a name ending in .ko.ipynb, else English."""
    return "ko" if str(path).endswith(".ko.ipynb") else "en"


def english_words(line):
    """The English words of three letters or more in a line, but the allowed names. A number's
    exponent (the e of 6.1e-10) is a single letter, no word."""
    words = (token for token in IDENTIFIER.findall(line) if token not in ALLOWED_ENGLISH and WORD.search(token))
    return list(dict.fromkeys(words))


def text_of(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            parts.append("".join(out["text"]))
        elif "text/plain" in out.get("data", {}):
            parts.append("".join(out["data"]["text/plain"]))
    return "".join(parts)


def find_in_order(expected, numbers):
    """The first expected value not found, in order, among the printed numbers; None if all are."""
    i = 0
    for value, tolerance in expected:
        while i < len(numbers):
            text = numbers[i]
            i += 1
            if abs(float(text) - value) <= half_unit(text) + tolerance + 1e-15 * abs(value):
                break
        else:
            return value
    return None


def seconds(cell):
    timing = cell.get("metadata", {}).get("execution", {})
    try:
        start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return None
    return (end - start).total_seconds()


def check(path):
    notebook = json.loads(Path(path).read_text())
    lang = language(path)
    expected_of, words_of = EXPECTED[chapter(path)], WORDS[chapter(path)][lang]
    problems, seen, times = [], set(), []
    for index, cell in enumerate(c for c in notebook["cells"] if c["cell_type"] == "code"):
        where = f"{path}, code cell {index + 1}"
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("execution_count") is None:
            problems.append(f"{where}: did not run")
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                problems.append(f"{where}: error: {out.get('evalue', '')[:500]}")
        text = text_of(cell)
        numbers = NUMBER.findall(text)
        if lang == "ko":
            for line in text.splitlines():
                words = english_words(line)
                if words:
                    problems.append(f"{where}: English in a Korean notebook's output ({', '.join(words)}; not in "
                                    f"ALLOWED_ENGLISH): {line}")
        for tag in tags:
            seen.add(tag)
            if tag == "figure":
                if not any({"image/png", "image/svg+xml"} & set(out.get("data", {})) for out in cell.get("outputs", [])):
                    problems.append(f"{where}: a figure cell without a picture")
                continue
            if tag == "train":
                epochs = len(re.findall(r"^(?:epoch|에폭)\s+\d+", text, re.M))
                accuracies = [float(a) for a in re.findall(r"([01]\.\d{4})", text.splitlines()[-1] if text else "")]
                if epochs < 2 or len(accuracies) != 2 or min(accuracies) < 0.85:
                    problems.append(f"{where}: expected a line per epoch and final accuracies above 0.85, got:\n{text[-400:]}")
                continue
            if tag == "gradcheck":
                count = GRADCHECK_COUNT[chapter(path)]
                differences = [float(d) for d in re.findall(r":(\d\.\de[+-]\d+)", text)]
                limit = GRADCHECK_LIMIT.get(chapter(path), 1e-6)
                if len(differences) != count or max(differences) >= limit:
                    problems.append(f"{where}: expected {count} differences, all under {limit:g}, got:\n{text}")
            problems += [f"{where} ({tag}): {p}" for p in findings(chapter(path), tag, text)]
            groups, words = expected_of[tag], words_of.get(tag, [])
            for expected in groups:
                missing = find_in_order(expected, numbers)
                if missing is not None:
                    problems.append(f"{where} ({tag}): {missing!r} is not printed (to the digits shown); the cell "
                                    f"printed:\n{text}")
            for word in words:
                if word not in text:
                    problems.append(f"{where} ({tag}): no {word!r} in:\n{text}")
        took = seconds(cell)
        if took is not None:
            times.append((took, index + 1, tags))
    for tag in list(expected_of) + REQUIRED[chapter(path)]:
        if tag not in seen:
            problems.append(f"{path}: no cell is tagged {tag!r}")
    if times:
        first, rest = times[0][0], [t for t, _, tags in times[1:] if "train" not in tags]
        train = [t for t, _, tags in times if "train" in tags]
        print(f"{path}: {len(times)} code cells, {sum(t for t, _, _ in times):.1f} s in all; the first (compiling "
              f"scratchnet) {first:.1f} s; the others median {statistics.median(rest):.2f} s, slowest "
              f"{max(rest):.2f} s; training {sum(train):.1f} s")
    return problems


def normalised_code(path):
    """A notebook's code cells without what may differ between its languages: comments, the text
    inside string literals, and the language chosen (Lang::Ko for Lang::En)."""
    cells = []
    for cell in json.loads(Path(path).read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        source = re.sub(r'"(?:[^"\\]|\\.)*"', '""', source)
        source = re.sub(r"//[^\n]*", "", source)
        source = source.replace("Lang::Ko", "Lang::En")
        cells.append("\n".join(line.rstrip() for line in source.splitlines()))
    return cells


def same_code(english, korean):
    """The English and Korean notebooks' code cells, compared: the problems, one per cell that differs."""
    a, b = normalised_code(english), normalised_code(korean)
    if len(a) != len(b):
        return [f"{english} has {len(a)} code cells, {korean} {len(b)}"]
    return [f"{korean}, code cell {i + 1}: its code differs from {english}'s:\n{y}\n---\n{x}"
            for i, (x, y) in enumerate(zip(a, b)) if x != y]


def main():
    if sys.argv[1:2] == ["--same-code"]:
        problems = same_code(sys.argv[2], sys.argv[3])
        for p in problems:
            print("FAIL:", p)
        if problems:
            sys.exit(1)
        print(f"ok: {sys.argv[2]} and {sys.argv[3]} have the same code")
        return
    problems = [p for path in sys.argv[1:] for p in check(path)]
    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print(f"ok: {len(sys.argv) - 1} notebooks: no errors, the book's numbers, every figure drawn")


if __name__ == "__main__":
    main()
