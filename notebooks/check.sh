#!/usr/bin/env bash
# Runs the notebooks headless and checks what they print and draw (check.py).
#
#   bash notebooks/check.sh            run them into a temporary directory and check the outputs
#   bash notebooks/check.sh --update   the same, then write the outputs into the committed notebooks
#   SCRATCHNET_NOTEBOOKS="ch06.ipynb ch06.ko.ipynb" bash notebooks/check.sh   only these
#
# Installs what it needs into a cache outside the clone, reused by the next run:
# $SCRATCHNET_NOTEBOOK_CACHE, default ~/.cache/scratchnet/notebooks (kernel/: the Rust kernel,
# evcxr_jupyter, pinned; venv/: Jupyter, pinned in requirements.txt). `evcxr_jupyter --install`
# registers the kernel as "rust" in ~/.local/share/jupyter/kernels, as the README's install does.
set -euo pipefail
cd "$(dirname "$0")"
EVCXR_VERSION=0.22.0
CACHE="${SCRATCHNET_NOTEBOOK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scratchnet/notebooks}"
update=false
case "${1:-}" in
  --update) update=true ;;
  "") ;;
  *) echo "usage: bash notebooks/check.sh [--update]" >&2; exit 2 ;;
esac
mkdir -p "$CACHE"

if ! grep -qs "\"evcxr_jupyter $EVCXR_VERSION " "$CACHE/kernel/.crates.toml"; then
  echo "== installing the Rust kernel, evcxr_jupyter $EVCXR_VERSION, into $CACHE/kernel (6-10 min on 2 cores)"
  cargo install evcxr_jupyter --version "$EVCXR_VERSION" --locked --root "$CACHE/kernel"
fi
if ! cmp -s requirements.txt "$CACHE/venv/requirements.txt"; then
  echo "== installing Jupyter (requirements.txt) into $CACHE/venv"
  rm -rf "$CACHE/venv"
  python3 -m venv "$CACHE/venv"
  "$CACHE/venv/bin/pip" install --quiet --disable-pip-version-check -r requirements.txt
  cp requirements.txt "$CACHE/venv/requirements.txt"
fi
export PATH="$CACHE/kernel/bin:$CACHE/venv/bin:$PATH"
evcxr_jupyter --install >/dev/null

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run() {
  echo "== running $1"
  local start
  start=$(date +%s)
  # errors are kept in the output for check.py to report, with the cell they came from
  jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.timeout=900 \
    --output-dir "$out" "$1" 2>&1 | grep -v '^\[NbConvertApp\]' || true
  echo "   $1 ran in $(($(date +%s) - start)) s (the kernel compiles scratchnet first)"
}
# from chapter 5 on, a chapter's two notebooks run the same code (check.py --same-code)
python3 check.py --same-code ch05.ipynb ch05.ko.ipynb
python3 check.py --same-code ch06.ipynb ch06.ko.ipynb
python3 check.py --same-code ch07.ipynb ch07.ko.ipynb
for notebook in ${SCRATCHNET_NOTEBOOKS:-ch04.ipynb ch04.ko.ipynb ch05.ipynb ch05.ko.ipynb ch06.ipynb ch06.ko.ipynb ch07.ipynb ch07.ko.ipynb}; do
  run "$notebook"
  # Now and then a cell's last printed line is missing from the notebook Jupyter writes (seen
  # once in CI, in a cell that printed it every other time; the Rust kernel, evcxr, forwards
  # printed lines on a thread of their own). A notebook that fails its check is run once more;
  # a real failure fails both times.
  if ! python3 check.py "$out/$notebook"; then
    echo "== $notebook failed its check: running it once more (a printed line can arrive late)"
    run "$notebook"
    python3 check.py "$out/$notebook"
  fi
done
if $update; then
  cp "$out"/ch0*.ipynb .
  echo "updated the notebooks with the new outputs"
fi
