#!/usr/bin/env bash
# Speed of scratchnet against the book's NumPy code, measured side by side on this machine.
#
#   bench/run.sh           the book's training job (10,000 iterations) 3 times each, alternating,
#                          and the numerical gradient of one batch
#   bench/run.sh --quick   300 iterations, once each: only proves the harness works
#
# Installs NumPy into bench/.venv (from PyPI). PyTorch is not measured yet. MNIST comes from
# $SCRATCHNET_DATA, else ../shared/data/mnist. Prints one table: median seconds, final test
# accuracy, and each implementation's time divided by scratchnet's.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${SCRATCHNET_DATA:-../shared/data/mnist}"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
ITERS=10000 RUNS=3
[ "$QUICK" = 1 ] && ITERS=300 RUNS=1

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
bench/.venv/bin/pip install -q numpy
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, set on some machines for old OpenBLAS builds, slow a
# current NumPy: unset them for the reference runs only.
PY=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE bench/.venv/bin/python)
cargo build --release -q
OUT=$(mktemp)
for run in $(seq "$RUNS"); do
  echo "run $run of $RUNS" >&2
  ./target/release/scratchnet train --data "$DATA" --iters "$ITERS" --json 2>/dev/null \
    | "${PY[@]}" -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"impl": "scratchnet float64", "seconds": d["seconds"], "final_test_acc": d["final_test_acc"]}))' >> "$OUT"
  "${PY[@]}" bench/reference/train_numpy.py --data "$DATA" --iters "$ITERS" --dtype float64 >> "$OUT"
  "${PY[@]}" bench/reference/train_numpy.py --data "$DATA" --iters "$ITERS" --dtype float32 >> "$OUT"
done
QUICK_FLAG=$([ "$QUICK" = 1 ] && echo --quick || true)
cargo bench -q --bench numerical_gradient -- "$DATA" $QUICK_FLAG >> "$OUT"
[ "$QUICK" = 1 ] || "${PY[@]}" bench/reference/numgrad_numpy.py --data "$DATA" >> "$OUT"

"${PY[@]}" - "$OUT" "$ITERS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {}
for r in rows:
    by.setdefault(r["impl"], []).append(r)
def median(impl):
    return statistics.median(r["seconds"] for r in by[impl])
print(f"## Training job: TwoLayerNet 784-50-10 sigmoid, {sys.argv[2]} iterations of batch 100\n")
print("| implementation | median s | runs | final test acc | time / scratchnet |")
print("| --- | --- | --- | --- | --- |")
base = median("scratchnet float64")
for impl in [k for k in by if not k.startswith(("scratchnet fast", "scratchnet reference", "numpy float64 (book)"))]:
    acc = by[impl][-1].get("final_test_acc")
    print(f"| {impl} | {median(impl):.2f} | {len(by[impl])} | {acc:.4f} | {median(impl) / base:.2f} |")
print("\n## Numerical gradient of the whole network on one batch of 100\n")
print("| implementation | seconds | time / scratchnet fast (all threads) |")
print("| --- | --- | --- |")
fast = [k for k in by if k.startswith("scratchnet fast")]
base = min(median(k) for k in fast)
for impl in [k for k in by if k.startswith(("scratchnet fast", "scratchnet reference", "numpy float64 (book)"))]:
    print(f"| {impl} | {median(impl):.3f} | {median(impl) / base:.1f} |")
PY
rm -f "$OUT"
