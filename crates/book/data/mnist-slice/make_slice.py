"""Writes the built-in MNIST slice: the first 5,000 training and the first 1,000 test images
(and their labels) of the real MNIST files, as gzip-compressed IDX files.

    python3 crates/book/data/mnist-slice/make_slice.py ../shared/data/mnist crates/book/data/mnist-slice

The IDX header keeps its magic number and dimensions; only the record count changes. The gzip
stream is written with no file name and mtime 0, so the output is the same byte for byte on
every run. Prints each file's SHA-256 (of the .gz and of its decompressed bytes).
"""

import gzip
import hashlib
import struct
import sys
from pathlib import Path

SLICES = {
    "train-images-idx3-ubyte": 5000,
    "train-labels-idx1-ubyte": 5000,
    "t10k-images-idx3-ubyte": 1000,
    "t10k-labels-idx1-ubyte": 1000,
}


def main(source: Path, target: Path) -> None:
    for name, count in SLICES.items():
        raw = gzip.decompress((source / f"{name}.gz").read_bytes())
        magic, total = struct.unpack(">II", raw[:8])
        header_len = 16 if magic == 0x803 else 8
        record = 784 if magic == 0x803 else 1
        assert total >= count, f"{name} has only {total} records"
        header = struct.pack(">II", magic, count) + raw[8:header_len]
        body = raw[header_len : header_len + count * record]
        sliced = header + body
        path = target / f"{name}.gz"
        with open(path, "wb") as out:
            with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
                gz.write(sliced)
        packed = path.read_bytes()
        print(
            f"| {name}.gz | {count} | {len(packed)} | "
            f"{hashlib.sha256(packed).hexdigest()} | {hashlib.sha256(sliced).hexdigest()} |"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
