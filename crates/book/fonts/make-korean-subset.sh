#!/usr/bin/env bash
# Makes korean-subset.otf, the Hangul font the Korean PNG pictures are drawn with, from Debian's
# fonts-noto-cjk: Noto Sans CJK KR Regular (SIL Open Font License 1.1, no reserved font name
# but "Source": OFL.txt) cut down to the 2,350 Hangul syllables of KS X 1001 (the syllables of
# everyday Korean), printable ASCII and the symbols the pictures use.
#
#   bash crates/book/fonts/make-korean-subset.sh     (needs apt-get download and python3)
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-cjk=1:20220127+repack1-1 && dpkg-deb -x fonts-noto-cjk_*.deb x)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q fonttools==4.61.1
python3 - > "$work/chars.txt" <<'PY'
hangul = set()
for lead in range(0xB0, 0xC9):
    for trail in range(0xA1, 0xFF):
        try:
            hangul.add(bytes([lead, trail]).decode("euc-kr"))
        except UnicodeDecodeError:
            pass
assert len(hangul) == 2350
ascii_ = "".join(chr(c) for c in range(0x20, 0x7F))
print("".join(sorted(hangul)) + ascii_ + "·×−∇η²³′≈←→↑↓√∂…–—°±≤≥∞αβγρλθΣσμ‖∈¹⁰", end="")
PY
# font number 1 of the collection is the Korean face
"$work/venv/bin/pyftsubset" "$work/x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" \
  --font-number=1 --text-file="$work/chars.txt" --output-file=korean-subset.otf \
  --no-hinting --layout-features='' --name-IDs='*'
ls -l korean-subset.otf
