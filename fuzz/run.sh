#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), one after another, from seed corpora
# made of real files: the built-in MNIST slice cut to a few images, a model and a checkpoint
# that scratchnet writes, and command-line values. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz --locked`). Prints each target's executions and coverage; a crash
# stops the script with libFuzzer's report and the input under fuzz/artifacts/.
#
#   fuzz/run.sh 600            # all targets, 10 minutes each
#   fuzz/run.sh 60 model idx   # some targets
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(idx idx_gzip model checkpoint args)
logs=$(mktemp -d)

seeds() {
  local slice=../crates/book/data/mnist-slice
  mkdir -p corpus/{idx,idx_gzip,model,checkpoint,args}
  # idx: a cut byte, then the first 3 images and labels of the slice, raw and gzip
  python3 - "$slice" <<'PY'
import gzip, sys
slice = sys.argv[1]
images = gzip.open(f"{slice}/t10k-images-idx3-ubyte.gz").read()
labels = gzip.open(f"{slice}/t10k-labels-idx1-ubyte.gz").read()
n = 3
img = images[:4] + n.to_bytes(4, "big") + images[8:16] + images[16:16 + 784 * n]
lab = labels[:4] + n.to_bytes(4, "big") + labels[8:8 + n]
for name, a, b in [("raw", img, lab), ("gzip", gzip.compress(img), gzip.compress(lab))]:
    cut = round(255 * len(a) / (len(a) + len(b)))
    open(f"corpus/idx/{name}", "wb").write(bytes([cut]) + a + b)
open("corpus/idx_gzip/labels", "wb").write(bytes([3]) + lab)
PY
  local bin=../target/debug/scratchnet
  [ -x "$bin" ] || (cd .. && cargo build --quiet)
  local tmp
  tmp=$(mktemp -d)
  "$bin" train --iters 2 --hidden 2 --save "$tmp/m.safetensors" >/dev/null 2>&1
  "$bin" train --iters 2 --hidden 2 --optimizer adam --checkpoint "$tmp/ck" >/dev/null 2>&1
  cp "$tmp/m.safetensors" corpus/model/real
  # the same file with bytes after its data, and with bytes inserted among its tensors: both
  # must be refused, as the reference safetensors reader refuses them
  { cat "$tmp/m.safetensors"; printf junk; } >corpus/model/trailing
  python3 - "$tmp/m.safetensors" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
at = len(data) - 16
open("corpus/model/inserted", "wb").write(data[:at] + b"\x00" * 8 + data[at:])
PY
  cp "$tmp/ck/checkpoint.safetensors" corpus/checkpoint/real
  rm -rf "$tmp"
  printf %s '-3,4' >corpus/args/point
  printf %s '1e308,1e308' >corpus/args/far
  printf %s '0.47355232,0.9977393,0.84668094;0.85557411,0.03563661,0.69422093' >corpus/args/weights
  printf %s '0.1' >corpus/args/lr
}
seeds

for target in "${targets[@]}"; do
  echo "== $target: $seconds s"
  cargo +nightly fuzz run -O "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -max_len=65536 -print_final_stats=1 >"$logs/$target.log" 2>&1 || true
  # the final line: executions, edges covered (cov), features (ft), corpus size
  grep -a -E '^#[0-9]+[[:space:]]+DONE' "$logs/$target.log" || true
  if grep -a -qE '^==[0-9]+== ERROR|panicked at' "$logs/$target.log"; then
    echo "$target: crash, see $logs/$target.log and fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
