#!/usr/bin/env bash
# The playground's browser tests: starts `scratchnet serve` on a free port with the built-in
# MNIST slice, drives its pages in Debian's Chromium with playwright-core, and stops it with
# Ctrl-C (SIGINT), which must end it cleanly. Installs what is missing: Chromium (apt) and the
# npm packages pinned by crates/serve/web/package-lock.json, into $SCRATCHNET_WEB_CACHE (default
# ~/.cache/scratchnet/web), reused by the next run. Screenshots go to target/web-screenshots/.
#
#   bash crates/serve/web/test.sh            (the debug binary, built if needed, in $CARGO_TARGET_DIR
#                                             if set, else target/)
#   SCRATCHNET_BIN=target/release/scratchnet bash crates/serve/web/test.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium
fi

CACHE="${SCRATCHNET_WEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scratchnet/web}"
mkdir -p "$CACHE"
if ! cmp -s crates/serve/web/package-lock.json "$CACHE/package-lock.json" || [ ! -d "$CACHE/node_modules/playwright-core" ]; then
  echo "== installing playwright-core (npm ci, pinned by crates/serve/web/package-lock.json) into $CACHE"
  cp crates/serve/web/package.json crates/serve/web/package-lock.json "$CACHE/"
  (cd "$CACHE" && npm ci --no-audit --no-fund --loglevel=error)
fi

BIN="${SCRATCHNET_BIN:-${CARGO_TARGET_DIR:-target}/debug/scratchnet}"
if [ -z "${SCRATCHNET_BIN:-}" ]; then
  cargo build --locked -q
fi
# absolute, to start the server from its own directory
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
SHOTS="target/web-screenshots"
rm -rf "$SHOTS"
OUT="$(mktemp)"; ERR="$(mktemp)"; WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$OUT" "$ERR" "$WORK"' EXIT
# in a directory of its own, so that a checkpoint written on Ctrl-C lands there
( cd "$WORK" && exec "$BIN" serve --port 0 --data "$OLDPWD/crates/book/data/mnist-slice" ) >"$OUT" 2>"$ERR" &
SERVER=$!
for _ in $(seq 1 100); do
  grep -q "^scratchnet playground: http" "$OUT" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$ERR" >&2; echo "error: the server did not start" >&2; exit 1; }
  sleep 0.1
done
URL="$(grep -o 'http://[^ ]*' "$OUT" | head -1)"
echo "== browser tests against $URL"
STATUS=0
PLAYWRIGHT_MODULES="$CACHE/node_modules" node crates/serve/web/tests/playground.cjs "$URL" "$SHOTS" || STATUS=$?

kill -INT "$SERVER"
SERVED=0
wait "$SERVER" || SERVED=$?
if [ "$SERVED" != 0 ]; then
  cat "$ERR" >&2
  echo "error: the server exited with status $SERVED after Ctrl-C" >&2
  STATUS=1
fi
exit "$STATUS"
