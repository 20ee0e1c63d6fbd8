#!/usr/bin/env bash
# Rewrites the `--help` block of every command's page (guide/src/commands/NAME.md) from the
# program, after a change to its flags: tests/all/cli.rs fails until the pages say what
# `scratchnet NAME --help` says.
#
#   bash guide/update-help.sh            (the debug binary, built if needed, in $CARGO_TARGET_DIR
#                                         if set, else target/)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -q
for page in guide/src/commands/*.md; do
  name="$(basename "$page" .md)"
  "${CARGO_TARGET_DIR:-target}/debug/scratchnet" "$name" --help > "$page.help"
  python3 - "$page" "$page.help" <<'PY'
import sys
page, help_file = sys.argv[1], sys.argv[2]
text = open(page).read()
marker = text.index("<!-- the block below is")
start = text.index("```text\n", marker) + len("```text\n")
end = text.index("```", start)
open(page, "w").write(text[:start] + open(help_file).read() + text[end:])
PY
  rm "$page.help"
done
