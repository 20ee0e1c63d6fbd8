#!/usr/bin/env bash
# Builds the guide with mdBook into target/guide (open target/guide/index.html). Installs mdBook,
# pinned, into a cache outside the clone on the first run, reused by the next:
# $SCRATCHNET_GUIDE_CACHE, default ~/.cache/scratchnet/guide (about 2 minutes to build on 2
# cores, without mdBook's `serve`, `watch` and `search` features, which the build does not need).
#
#   bash guide/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MDBOOK_VERSION=0.5.4
CACHE="${SCRATCHNET_GUIDE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scratchnet/guide}"
if ! grep -qs "\"mdbook $MDBOOK_VERSION " "$CACHE/.crates.toml"; then
  echo "== installing mdBook $MDBOOK_VERSION into $CACHE"
  cargo install mdbook --version "$MDBOOK_VERSION" --locked --no-default-features --root "$CACHE"
fi
"$CACHE/bin/mdbook" build guide
# every page of SUMMARY.md became a page of the website
for page in $(grep -o '([a-z/-]*\.md)' guide/src/SUMMARY.md | tr -d '()'); do
  html="target/guide/${page%.md}.html"
  if [ ! -s "$html" ]; then
    echo "error: the guide has no $html" >&2
    exit 1
  fi
done
echo "the guide: target/guide/index.html"
