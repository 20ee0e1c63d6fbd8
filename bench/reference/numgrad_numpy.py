"""The numerical gradient of TwoLayerNet 784-50-10 on one batch of 100, timed (NumPy, float64),
computed as the book's common/gradient.py does (one entry at a time, the whole loss each time),
over each parameter as its two_layer_net.py does. Written for this repository.

    python3 numgrad_numpy.py --data DIR

Prints one JSON line: {"impl", "seconds"}.
"""
import argparse
import gzip
import json
import os
import time

import numpy as np


def load(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def numerical_gradient(f, x):
    """Central differences (h = 1e-4) along every entry of x in turn, as the book computes them."""
    h = 1e-4
    out = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        kept = x[i]
        x[i] = float(kept) + h
        up = f(x)
        x[i] = kept - h
        down = f(x)
        out[i] = (up - down) / (2 * h)
        x[i] = kept
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    a = ap.parse_args()
    x = load(os.path.join(a.data, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 784)[:100] / 255.0
    t = np.eye(10)[load(os.path.join(a.data, "train-labels-idx1-ubyte.gz"), 8)[:100]]
    rng = np.random.default_rng(0)
    p = {"W1": 0.01 * rng.standard_normal((784, 50)), "b1": np.zeros(50),
         "W2": 0.01 * rng.standard_normal((50, 10)), "b2": np.zeros(10)}

    def loss(_):
        z = 1 / (1 + np.exp(-(x @ p["W1"] + p["b1"])))
        y = z @ p["W2"] + p["b2"]
        y = np.exp(y - y.max(axis=1, keepdims=True))
        y /= y.sum(axis=1, keepdims=True)
        return -np.sum(np.log(y[np.arange(100), t.argmax(axis=1)] + 1e-7)) / 100

    start = time.perf_counter()
    for key in ("W1", "b1", "W2", "b2"):
        numerical_gradient(loss, p[key])
    print(json.dumps({"impl": "numpy float64 (book)", "seconds": time.perf_counter() - start}))


main()
