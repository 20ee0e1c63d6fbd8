#!/usr/bin/env bash
# Speed of scratchnet against the book's job in NumPy (bench/reference) and PyTorch, measured side by side here.
#
#   bench/run.sh           the book's training job (10,000 iterations) 3 times per implementation,
#                          alternating; the numerical gradient of one batch; the matrix-multiply
#                          ceiling; one table (commit it as bench/RESULTS.md)
#   bench/run.sh --quick   300 iterations, once each, no PyTorch install, no ceiling: only
#                          proves the harness works (CI runs this)
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
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
ITERS=10000 RUNS=3
[ "$QUICK" = 1 ] && ITERS=300 RUNS=1

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
PY=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$VENV/bin/python")
cargo build --release -q
SN=./target/release/scratchnet
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

# measure LABEL DTYPE THREADS COMMAND...: one run, appended to $ROWS as a JSON line
measure() {
  local label=$1 dtype=$2 threads=$3
  shift 3
  echo "  $label" >&2
  : > "$TIMES"
  if ! "${TIMER[@]}" "$@" > "$OUT" 2>/dev/null; then
    echo "  $label failed" >&2
    return
  fi
  local rss
  rss=$(awk '/Maximum resident set size/ {print $6}' "$TIMES")
  "${PY[@]}" - "$label" "$dtype" "$threads" "${rss:-0}" "$OUT" >> "$ROWS" <<'PY'
import json, sys
label, dtype, threads, rss, path = sys.argv[1:]
text = open(path).read().strip()
try:
    d = json.loads(text)
except ValueError:
    d = json.loads(text.splitlines()[-1])
print(json.dumps({"impl": label, "dtype": dtype, "threads": int(threads), "seconds": d["seconds"],
                  "acc": d["final_test_acc"], "rss_mb": int(rss) / 1024}))
PY
}

for run in $(seq "$RUNS"); do
  echo "run $run of $RUNS" >&2
  for dtype in f32 f64; do
    measure "scratchnet" "$dtype" "$CORES" "$SN" train --data "$DATA" --iters "$ITERS" --dtype "$dtype" --json
    measure "scratchnet" "$dtype" 1 "$SN" train --data "$DATA" --iters "$ITERS" --dtype "$dtype" --threads 1 --json
  done
  measure "scratchnet reference (dense)" f64 "$CORES" "$SN" train --data "$DATA" --iters "$ITERS" --grad backprop-reference --json
  for dtype in float32 float64; do
    measure "numpy (the book's job)" "${dtype/float/f}" "$CORES" "${PY[@]}" bench/reference/train_numpy.py --data "$DATA" --iters "$ITERS" --dtype "$dtype"
    [ "$TORCH" = 1 ] && measure "pytorch eager" "${dtype/float/f}" "$CORES" "${PY[@]}" bench/reference/train_torch.py --data "$DATA" --iters "$ITERS" --dtype "$dtype" --threads "$CORES"
  done
done
QUICK_FLAG=$([ "$QUICK" = 1 ] && echo --quick || true)
cargo bench -q --bench numerical_gradient -- "$DATA" $QUICK_FLAG > "$OUT"
[ "$QUICK" = 1 ] || "${PY[@]}" bench/reference/numgrad_numpy.py --data "$DATA" >> "$OUT"
[ "$QUICK" = 1 ] || cargo bench -q --bench ceiling -- "$DATA" >> "$OUT"

"${PY[@]}" - "$ROWS" "$OUT" "$ITERS" <<'PY'
import json, math, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
extra = [json.loads(l) for l in open(sys.argv[2]) if l.startswith("{")]
iters = int(sys.argv[3])
groups = {}
for r in rows:
    groups.setdefault((r["impl"], r["dtype"], r["threads"]), []).append(r)
med = {k: statistics.median(r["seconds"] for r in v) for k, v in groups.items()}
cores = max(k[2] for k in groups)
print(f"## Training job: TwoLayerNet 784-50-10 sigmoid, {iters} iterations of batch 100, "
      f"{math.ceil(iters / 600) + ((iters - 1) % 600 != 0)} evaluations (each epoch's, and the final weights')\n")
print("| implementation | dtype | threads | median s | runs | final test acc | peak RSS MB | time / scratchnet (same dtype, all threads) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for k in sorted(groups, key=lambda k: (k[1], med[k])):
    base = med.get(("scratchnet", k[1], cores))
    ratio = f"{med[k] / base:.2f}" if base else "-"
    last = groups[k][-1]
    rss = f"{statistics.median(r['rss_mb'] for r in groups[k]):.0f}" if last["rss_mb"] else "-"
    print(f"| {k[0]} | {k[1]} | {k[2]} | {med[k]:.2f} | {len(groups[k])} | {last['acc']:.4f} | {rss} | {ratio} |")

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
if ceil and dens:
    print("\n## Matrix-multiply ceiling (ndarray/matrixmultiply, all cores), GFLOP/s\n")
    print("| product | f32 | f64 |")
    print("| --- | --- | --- |")
    for what in dict.fromkeys(e["ceiling"] for e in ceil):
        g = {e["dtype"]: e["gflops"] for e in ceil if e["ceiling"] == what}
        print(f"| {what} | {g['f32']:.0f} | {g['f64']:.0f} |")
    N, D, H, C, evals = 100, 784, 50, 10, math.ceil(iters / 600)
    rho = dens[0]
    def flops(d):
        # per iteration: forward, backward (dW2, dhidden, dW1), the book's loss after the step
        step = 2 * N * d * H * 3 + 2 * N * H * C * 4
        return iters * step + evals * 70_000 * (2 * d * H + 2 * H * C)
    dense, sparse = flops(D), flops(D * rho)
    print(f"\nThe job's floating-point work, counting multiply-adds as 2: {dense / 1e9:.0f} GFLOP as "
          f"dense products; {sparse / 1e9:.0f} GFLOP without the products by zero pixels "
          f"({rho:.1%} of MNIST's pixels are not 0).\n")
    print("| dtype | dense work at the large-square ceiling, s | sparse work at that ceiling, s | scratchnet, s | scratchnet / sparse floor |")
    print("| --- | --- | --- | --- | --- |")
    big = {e["dtype"]: e["gflops"] for e in ceil if e["ceiling"].startswith("1024")}
    for dt in ("f32", "f64"):
        ours = med.get(("scratchnet", dt, cores))
        if ours:
            lo = sparse / big[dt] / 1e9
            print(f"| {dt} | {dense / big[dt] / 1e9:.2f} | {lo:.2f} | {ours:.2f} | {ours / lo:.1f} |")
PY
