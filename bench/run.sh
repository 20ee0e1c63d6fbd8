#!/usr/bin/env bash
# Speed of scratchnet against the book's job in NumPy (bench/reference) and PyTorch, measured side by side here.
#
#   bench/run.sh           the book's training job (10,000 iterations) 3 times per implementation,
#                          alternating; the grid of shapes (hidden 50, 200, 1000 × batch 100, 1000)
#                          twice per implementation, alternating; the book's chapter-7
#                          SimpleConvNet (one epoch) 3 times per implementation, alternating; the
#                          numerical gradient of one batch; the matrix-multiply ceiling; the tables
#                          (commit them in bench/RESULTS.md)
#   bench/run.sh --quick   a few iterations, once each, two points of the grid, no PyTorch
#                          install, no ceiling: only proves the harness works (CI runs this)
#   bench/run.sh --conv    the convolutional network's job only (3 runs per implementation,
#                          alternating) and the ceiling: chapter 7's table in a quarter hour
#
# Every run is timed twice: the whole process (start-up, reading MNIST, training, measuring) by
# this script, and the training loop with its evaluations by the program itself.
#
# Installs NumPy and PyTorch from PyPI into a virtual environment in the user's cache directory
# ($XDG_CACHE_HOME/scratchnet/bench-venv), outside the clone, so that a second run reuses it
# (PyTorch is skipped, with a message, where it cannot be installed). Every implementation reads
# the same full MNIST: the directory `scratchnet fetch-mnist` makes sure of ($SCRATCHNET_DATA,
# else the cache it fills; it downloads only what is missing). Peak memory comes from
# /usr/bin/time -v where it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/scratchnet/bench-venv"
QUICK=0 ONLY_CONV=0
case "${1:-}" in
  --quick) QUICK=1 ;;
  --conv) ONLY_CONV=1 ;;
  "") ;;
  *) echo "error: unknown option '$1': give --quick, --conv or nothing (see the top of $0)" >&2; exit 2 ;;
esac
ITERS=10000 RUNS=3 GRID_RUNS=2
# the grid: hidden units, batch size, iterations (a few seconds to a minute each)
GRID=("50 100 2000" "200 100 2000" "1000 100 2000" "50 1000 600" "200 1000 300" "1000 1000 300")
# a deeper network, the book's chapter-6 MultiLayerNet (examples/ch06_multi_layer_net.rs): 4
# hidden layers of 100 ReLU units, He's initial weights, SGD lr 0.01, batch 128
DEEP_ITERS=2000
# the book's chapter-7 SimpleConvNet (conv 30 5×5, ReLU, 2×2 max pool, Affine 4320→100, ReLU,
# Affine 100→10; Adam lr 0.001, batch 100): one epoch, alternated runs
CONV_ITERS=600 CONV_RUNS=3
if [ "$QUICK" = 1 ]; then
  ITERS=300 RUNS=1 GRID_RUNS=1
  GRID=("50 100 20" "1000 1000 5")
  DEEP_ITERS=20
  CONV_ITERS=20 CONV_RUNS=1
fi
# --conv: no runs of the other jobs
[ "$ONLY_CONV" = 1 ] && RUNS=0 GRID_RUNS=0

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q numpy
TORCH=1
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  if [ "$QUICK" = 1 ]; then
    echo "PyTorch is not installed: skipped in --quick mode (the full run installs it)" >&2
    TORCH=0
  elif ! "$VENV/bin/pip" install -q torch; then
    echo "PyTorch could not be installed from PyPI: skipped" >&2
    TORCH=0
  fi
fi
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, set on some machines for old OpenBLAS builds, slow a
# current NumPy two-fold: unset them for the reference runs, so that NumPy runs at its best.
# No bytecode cache written into the clone for the scripts' shared module (mnist_idx.py).
PY=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PYTHONDONTWRITEBYTECODE=1 "$VENV/bin/python")
cargo build --release -q
[ "$ONLY_CONV" = 1 ] || cargo build --release -q --example ch06_multi_layer_net
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
SN="$TARGET_DIR/release/scratchnet"
DEEP="$TARGET_DIR/release/examples/ch06_multi_layer_net"
DATA=$("$SN" fetch-mnist | sed -n 's/^MNIST is ready in //p')
[ -n "$DATA" ] || { echo "error: no full MNIST for the benchmark (see scratchnet fetch-mnist)" >&2; exit 1; }
echo "MNIST: $DATA" >&2
CORES=$(nproc)

ROWS=$(mktemp)
OUT=$(mktemp)
TIMES=$(mktemp)
trap 'rm -f "$ROWS" "$OUT" "$TIMES"' EXIT
TIMER=()
[ -x /usr/bin/time ] && TIMER=(/usr/bin/time -v -o "$TIMES")

# measure POINT LABEL DTYPE THREADS COMMAND...: one run, appended to $ROWS as a JSON line
# (POINT: "book", or "HIDDEN BATCH ITERS" for the grid)
measure() {
  local point=$1 label=$2 dtype=$3 threads=$4
  shift 4
  echo "  $point: $label $dtype" >&2
  : > "$TIMES"
  local start=$EPOCHREALTIME
  if ! "${TIMER[@]}" "$@" > "$OUT" 2>/dev/null; then
    echo "  $label failed" >&2
    return
  fi
  local whole
  whole=$(awk "BEGIN {print $EPOCHREALTIME - $start}")
  local rss
  rss=$(awk '/Maximum resident set size/ {print $6}' "$TIMES")
  "${PY[@]}" - "$point" "$label" "$dtype" "$threads" "${rss:-0}" "$whole" "$OUT" >> "$ROWS" <<'PY'
import json, sys
point, label, dtype, threads, rss, whole, path = sys.argv[1:]
text = open(path).read().strip()
try:
    d = json.loads(text)
except ValueError:
    d = json.loads(text.splitlines()[-1])
row = {"point": point, "impl": label, "dtype": dtype, "threads": int(threads),
       "seconds": d["seconds"], "whole": float(whole), "acc": d["final_test_acc"],
       "rss_mb": int(rss) / 1024}
if "engine" in d:
    row["engine"] = d["engine"]
print(json.dumps(row))
PY
}

for run in $(seq "$RUNS"); do
  echo "the book's job, run $run of $RUNS" >&2
  for dtype in f32 f64; do
    measure book "scratchnet" "$dtype" "$CORES" "$SN" train --data "$DATA" --iters "$ITERS" --dtype "$dtype" --json
    measure book "scratchnet" "$dtype" 1 "$SN" train --data "$DATA" --iters "$ITERS" --dtype "$dtype" --threads 1 --json
  done
  measure book "scratchnet reference (dense)" f64 "$CORES" "$SN" train --data "$DATA" --iters "$ITERS" --grad backprop-reference --json
  for dtype in float32 float64; do
    measure book "numpy (the book's job)" "${dtype/float/f}" "$CORES" "${PY[@]}" bench/reference/train_numpy.py --data "$DATA" --iters "$ITERS" --dtype "$dtype"
    [ "$TORCH" = 1 ] && measure book "pytorch eager" "${dtype/float/f}" "$CORES" "${PY[@]}" bench/reference/train_torch.py --data "$DATA" --iters "$ITERS" --dtype "$dtype" --threads "$CORES"
  done
done
for run in $(seq "$GRID_RUNS"); do
  echo "the grid, run $run of $GRID_RUNS" >&2
  for point in "${GRID[@]}"; do
    read -r hidden batch iters <<< "$point"
    shape=(--iters "$iters" --hidden "$hidden")
    for dtype in f32 f64; do
      measure "$point" scratchnet "$dtype" "$CORES" "$SN" train --data "$DATA" "${shape[@]}" --batch-size "$batch" --dtype "$dtype" --json
    done
    for dtype in float32 float64; do
      measure "$point" numpy "${dtype/float/f}" "$CORES" "${PY[@]}" bench/reference/train_numpy.py --data "$DATA" "${shape[@]}" --batch "$batch" --dtype "$dtype"
    done
    [ "$TORCH" = 1 ] && measure "$point" pytorch f32 "$CORES" "${PY[@]}" bench/reference/train_torch.py --data "$DATA" "${shape[@]}" --batch "$batch" --dtype float32 --threads "$CORES"
  done
done
for run in $(seq "$GRID_RUNS"); do
  echo "the deeper network, run $run of $GRID_RUNS" >&2
  deep=(--iters "$DEEP_ITERS" --hidden 100 --layers 4 --activation relu --init he --lr 0.01 --batch 128)
  for dtype in f32 f64; do
    measure deep scratchnet "$dtype" "$CORES" "$DEEP" "$DEEP_ITERS" --data "$DATA" --dtype "$dtype" --json
  done
  for dtype in float32 float64; do
    measure deep numpy "${dtype/float/f}" "$CORES" "${PY[@]}" bench/reference/train_numpy.py --data "$DATA" "${deep[@]}" --dtype "$dtype"
  done
  [ "$TORCH" = 1 ] && measure deep pytorch f32 "$CORES" "${PY[@]}" bench/reference/train_torch.py --data "$DATA" "${deep[@]}" --dtype float32 --threads "$CORES"
done
for run in $(seq "$CONV_RUNS"); do
  echo "the convolutional network, run $run of $CONV_RUNS" >&2
  for dtype in f32 f64; do
    measure conv scratchnet "$dtype" "$CORES" "$SN" train --network simple-conv --data "$DATA" --iters "$CONV_ITERS" --dtype "$dtype" --json
  done
  measure conv scratchnet f32 1 "$SN" train --network simple-conv --data "$DATA" --iters "$CONV_ITERS" --dtype f32 --threads 1 --json
  measure conv numpy f32 "$CORES" "${PY[@]}" bench/reference/train_convnet_numpy.py --data "$DATA" --iters "$CONV_ITERS" --dtype float32
  [ "$TORCH" = 1 ] && measure conv pytorch f32 "$CORES" "${PY[@]}" bench/reference/train_convnet_torch.py --data "$DATA" --iters "$CONV_ITERS" --dtype float32 --threads "$CORES"
done
QUICK_FLAG=$([ "$QUICK" = 1 ] && echo --quick || true)
# $OUT held each run's output: from here on it collects the extra measurements
: > "$OUT"
if [ "$ONLY_CONV" = 0 ]; then
  cargo bench -q --bench numerical_gradient -- "$DATA" $QUICK_FLAG >> "$OUT"
  [ "$QUICK" = 1 ] || "${PY[@]}" bench/reference/numgrad_numpy.py --data "$DATA" >> "$OUT"
fi
[ "$QUICK" = 1 ] || cargo bench -q --bench ceiling -- "$DATA" >> "$OUT"
[ "$QUICK" = 1 ] || "${PY[@]}" bench/reference/ceiling_numpy.py >> "$OUT"

"${PY[@]}" - "$ROWS" "$OUT" "$ITERS" "$CONV_ITERS" <<'PY'
import json, math, statistics, sys
all_rows = [json.loads(l) for l in open(sys.argv[1])]
rows = [r for r in all_rows if r["point"] == "book"]
grid = [r for r in all_rows if r["point"] not in ("book", "deep", "conv")]
deep = [r for r in all_rows if r["point"] == "deep"]
conv = [r for r in all_rows if r["point"] == "conv"]
extra = [json.loads(l) for l in open(sys.argv[2]) if l.startswith("{")]
iters = int(sys.argv[3])
conv_iters = int(sys.argv[4])
groups = {}
for r in rows:
    groups.setdefault((r["impl"], r["dtype"], r["threads"]), []).append(r)
med = {k: statistics.median(r["seconds"] for r in v) for k, v in groups.items()}
cores = max((k[2] for k in groups), default=1)
if rows:
    print(f"## Training job: TwoLayerNet 784-50-10 sigmoid, {iters} iterations of batch 100, "
          f"{math.ceil(iters / 600) + ((iters - 1) % 600 != 0)} evaluations (each epoch's, and the final weights')\n")
    print("| implementation | dtype | threads | median s (loop) | median s (whole process) | runs | final test acc | peak RSS MB | time / scratchnet (same dtype, all threads, loop) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for k in sorted(groups, key=lambda k: (k[1], med[k])):
        base = med.get(("scratchnet", k[1], cores))
        ratio = f"{med[k] / base:.2f}" if base else "-"
        last = groups[k][-1]
        rss = f"{statistics.median(r['rss_mb'] for r in groups[k]):.0f}" if last["rss_mb"] else "-"
        whole = statistics.median(r["whole"] for r in groups[k])
        print(f"| {k[0]} | {k[1]} | {k[2]} | {med[k]:.2f} | {whole:.2f} | {len(groups[k])} | {last['acc']:.4f} | {rss} | {ratio} |")

ng = [e for e in extra if "impl" in e]
if ng:
    print("\n## Numerical gradient of the whole network on one batch of 100\n")
    print("| implementation | seconds | time / scratchnet fast (all threads) |")
    print("| --- | --- | --- |")
    base = min(e["seconds"] for e in ng if e["impl"].startswith("scratchnet fast"))
    for e in ng:
        print(f"| {e['impl']} | {e['seconds']:.3f} | {e['seconds'] / base:.1f} |")

ceil = [e for e in extra if "ceiling" in e]
dens = [e["density"] for e in extra if "density" in e]
rho = dens[0] if dens else None
# the machine's ceiling: the fastest large product measured here, in each dtype
big = {}
for e in ceil:
    if e["ceiling"].startswith(("1024", "2048")):
        big[e["dtype"]] = max(big.get(e["dtype"], 0), e["gflops"])


def evaluations(iters, batch):
    """Accuracy measurements of a run: each epoch's (from iteration 0), and the final weights'."""
    per_epoch = max(60_000 // batch, 1)
    return math.ceil(iters / per_epoch) + ((iters - 1) % per_epoch != 0)


def flops(hidden, batch, iters, d=784, classes=10):
    """A run's floating-point work, multiply-adds counted as 2, for d inputs per image: per
    iteration the forward pass, the backward pass (dW2, dhidden, dW1) and the book's loss after
    the step; each evaluation a forward pass over the 70,000 images."""
    step = 2 * batch * d * hidden * 3 + 2 * batch * hidden * classes * 4
    return iters * step + evaluations(iters, batch) * 70_000 * (2 * d * hidden + 2 * hidden * classes)


if ceil:
    print("\n## Matrix-multiply ceiling, GFLOP/s (ndarray's products on one core, NumPy's on all)\n")
    print("| product | f32 | f64 |")
    print("| --- | --- | --- |")
    for what in dict.fromkeys(e["ceiling"] for e in ceil):
        g = {e["dtype"]: e["gflops"] for e in ceil if e["ceiling"] == what}
        print(f"| {what} | {g['f32']:.0f} | {g['f64']:.0f} |")
if big and rho and rows:
    dense, sparse = flops(50, 100, iters), flops(50, 100, iters, 784 * rho)
    print(f"\nThe book's job, counting multiply-adds as 2: {dense / 1e9:.0f} GFLOP as dense products; "
          f"{sparse / 1e9:.0f} GFLOP without the products by zero pixels ({rho:.1%} of MNIST's pixels "
          f"are not 0). The ceiling is the fastest large product above.\n")
    print("| dtype | dense work at the ceiling, s | sparse work at the ceiling (sparse floor), s | scratchnet, s | scratchnet / sparse floor |")
    print("| --- | --- | --- | --- | --- |")
    for dt in ("f32", "f64"):
        ours = med.get(("scratchnet", dt, cores))
        if ours and dt in big:
            lo = sparse / big[dt] / 1e9
            print(f"| {dt} | {dense / big[dt] / 1e9:.2f} | {lo:.2f} | {ours:.2f} | {ours / lo:.1f} |")

if grid:
    cells = {}
    for r in grid:
        cells.setdefault((r["point"], r["impl"], r["dtype"]), []).append(r)
    points = list(dict.fromkeys(r["point"] for r in grid))

    def best(point, impl, dtype, key):
        runs = cells.get((point, impl, dtype))
        return min(r[key] for r in runs) if runs else None

    def ratio(a, b):
        return f"{a / b:.2f}x" if a and b else "-"

    def secs(v):
        return f"{v:.2f}" if v else "-"

    print("\n## The grid: TwoLayerNet 784-H-10 sigmoid, SGD lr 0.1, batches drawn with replacement, "
          "each epoch's accuracy on all 70,000 images\n")
    print("Best of the alternated runs. Whole process: start-up, reading MNIST, training, measuring. "
          "Ratios above 1 mean scratchnet is faster.\n")
    for key, title in (("whole", "whole process"), ("seconds", "training loop and evaluations only")):
        print(f"### f32, {title}, seconds\n")
        print("| hidden | batch | iterations | NumPy f32 | scratchnet f32 | PyTorch f32 | NumPy / scratchnet | PyTorch / scratchnet |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for p in points:
            h, b, it = p.split()
            n, s, t = (best(p, i, "f32", key) for i in ("numpy", "scratchnet", "pytorch"))
            print(f"| {h} | {b} | {it} | {secs(n)} | {secs(s)} | {secs(t)} | {ratio(n, s)} | {ratio(t, s)} |")
        print()
    print("### f64, whole process, seconds\n")
    print("| hidden | batch | iterations | NumPy f64 | scratchnet f64 | NumPy / scratchnet |")
    print("| --- | --- | --- | --- | --- | --- |")
    for p in points:
        h, b, it = p.split()
        n, s = best(p, "numpy", "f64", "whole"), best(p, "scratchnet", "f64", "whole")
        print(f"| {h} | {b} | {it} | {secs(n)} | {secs(s)} | {ratio(n, s)} |")
    if big and rho:
        print("\n### Work against the ceiling (f32, loop only)\n")
        print(f"GFLOP/s counts the dense work (every product, as NumPy and PyTorch do it) over the loop's "
              f"seconds; the sparse floor is the work without the products by zero pixels at the "
              f"machine's ceiling ({big['f32']:.0f} GFLOP/s f32).\n")
        print("| hidden | batch | dense GFLOP | NumPy GFLOP/s | PyTorch GFLOP/s | scratchnet GFLOP/s | sparse floor, s | scratchnet / sparse floor | test acc (NumPy, scratchnet, PyTorch) | scratchnet's kernels |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for p in points:
            h, b, it = (int(v) for v in p.split())
            work = flops(h, b, it)
            floor = flops(h, b, it, 784 * rho) / big["f32"] / 1e9
            n, s, t = (best(p, i, "f32", "seconds") for i in ("numpy", "scratchnet", "pytorch"))
            rate = lambda v: f"{work / v / 1e9:.0f}" if v else "-"
            acc = ", ".join(f"{cells[(p, i, 'f32')][-1]['acc']:.3f}" if (p, i, "f32") in cells else "-"
                            for i in ("numpy", "scratchnet", "pytorch"))
            engine = cells[(p, "scratchnet", "f32")][-1].get("engine", {}).get("first_layer", "-")
            print(f"| {h} | {b} | {work / 1e9:.0f} | {rate(n)} | {rate(t)} | {rate(s)} | {floor:.2f} | "
                  f"{s / floor:.1f} | {acc} | {engine} |")
if deep:
    cells = {}
    for r in deep:
        cells.setdefault((r["impl"], r["dtype"]), []).append(r)

    def best(impl, dtype, key):
        runs = cells.get((impl, dtype))
        return min(r[key] for r in runs) if runs else None

    print("\n## A deeper network: the book's chapter-6 MultiLayerNet 784-100-100-100-100-10 ReLU, "
          "He's initial weights, SGD lr 0.01, batch 128\n")
    print("Best of the alternated runs; scratchnet runs `examples/ch06_multi_layer_net.rs` on the engine "
          "(its first layer from the inked pixels, the four after it by matrix products). Ratios above 1 "
          "mean scratchnet is faster.\n")
    print("| dtype | timing | NumPy | scratchnet | PyTorch | NumPy / scratchnet | PyTorch / scratchnet | test acc (NumPy, scratchnet, PyTorch) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for dt in ("f32", "f64"):
        for key, title in (("whole", "whole process"), ("seconds", "loop only")):
            n, s, t = (best(i, dt, key) for i in ("numpy", "scratchnet", "pytorch"))
            fmt = lambda v: f"{v:.2f}" if v else "-"
            ratio = lambda a, b: f"{a / b:.2f}x" if a and b else "-"
            acc = ", ".join(f"{cells[(i, dt)][-1]['acc']:.3f}" if (i, dt) in cells else "-"
                            for i in ("numpy", "scratchnet", "pytorch"))
            print(f"| {dt} | {title} | {fmt(n)} | {fmt(s)} | {fmt(t)} | {ratio(n, s)} | {ratio(t, s)} | {acc} |")
if conv:
    groups = {}
    for r in conv:
        groups.setdefault((r["impl"], r["dtype"], r["threads"]), []).append(r)
    loop = {k: statistics.median(r["seconds"] for r in v) for k, v in groups.items()}
    whole = {k: statistics.median(r["whole"] for r in v) for k, v in groups.items()}
    cores = max(k[2] for k in groups)
    base = ("scratchnet", "f32", cores)
    # multiply-adds: per iteration for a batch of 100, the convolution forward and its ∂L/∂W
    # (100·576 places · 25 pixels · 30 filters each), Affine1's forward, ∂L/∂W and ∂L/∂x
    # (100·4320·100 each), Affine2's (100·100·10 each), and the book's loss after the update
    # (the forward pass again); per evaluated image a forward pass
    image = 576 * 25 * 30 + 4320 * 100 + 100 * 10
    step = 2 * 100 * 576 * 25 * 30 + 3 * 100 * 4320 * 100 + 3 * 100 * 100 * 10 + 100 * image
    evaluated = math.ceil(conv_iters / 600) * 2_000 + 70_000
    work = 2 * (conv_iters * step + evaluated * image)
    ceiling = big.get("f32")
    print(f"\n## The convolutional network: the book's chapter-7 SimpleConvNet (conv 30 filters 5×5, "
          f"ReLU, 2×2 max pool, Affine 4320→100, ReLU, Affine 100→10), Adam lr 0.001, "
          f"{conv_iters} iterations of batch 100\n")
    print(f"Medians of {max(len(v) for v in groups.values())} alternated runs. Each epoch's accuracy "
          f"on the first 1,000 train and test images, the final weights' on all 70,000. Work: "
          f"{2 * step / 1e9:.2f} GFLOP per iteration (multiply-adds counted as 2: the convolution "
          f"and its ∂L/∂W, the three products of each Affine, the loss's forward pass after the "
          f"update), {2 * image / 1e6:.2f} MFLOP per evaluated image; {work / 1e9:.0f} GFLOP in all "
          f"({evaluated:,} images evaluated). The ceiling is the fastest large f32 product measured "
          f"here ({f'{ceiling:.0f} GFLOP/s' if ceiling else 'not measured in --quick mode'}). "
          f"Ratios above 1 mean scratchnet f32 (all threads) is faster.\n")
    print("| implementation | dtype | threads | median s (loop) | median s (whole process) | loop / scratchnet f32 | whole / scratchnet f32 | final test acc | peak RSS MB | GFLOP/s (loop) | of the f32 ceiling |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for k in sorted(groups, key=lambda k: loop[k]):
        ratio = lambda m: f"{m[k] / m[base]:.2f}" if base in m else "-"
        last = groups[k][-1]
        rss = f"{statistics.median(r['rss_mb'] for r in groups[k]):.0f}" if last["rss_mb"] else "-"
        rate = work / loop[k] / 1e9
        share = f"{rate / ceiling:.0%}" if ceiling else "-"
        print(f"| {k[0]} | {k[1]} | {k[2]} | {loop[k]:.2f} | {whole[k]:.2f} | {ratio(loop)} | "
              f"{ratio(whole)} | {last['acc']:.4f} | {rss} | {rate:.1f} | {share} |")
PY
