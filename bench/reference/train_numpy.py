"""The book's training job in NumPy, as this project's own code: TwoLayerNet 784-50-10 with
sigmoid, trained as ch04/train_neuralnet.py trains it, its gradient by backpropagation as in
chapter 5. The same arithmetic on the same shapes as the book's script (so the same cost and,
up to the random draws, the same results); the code is written here, in plain functions.
Other shapes (bench/run.sh's grid) with --hidden and --batch.

    python3 train_numpy.py --data DIR [--dtype float64|float32] [--iters 10000]
                           [--hidden 50] [--batch 100] [--lr 0.1]

Prints one JSON line: {"impl", "dtype", "seconds", "final_test_acc", "iters"}. The seconds cover
the training loop and its evaluations, not start-up or loading, as scratchnet's `train --json`.
"""
import argparse
import gzip
import json
import os
import time

import numpy as np

CLASSES, INIT_STD = 10, 0.01


def read_idx(directory, name, header_bytes):
    """The bytes of one gzip IDX file of MNIST after its header."""
    with gzip.open(os.path.join(directory, name), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=header_bytes)


def images(directory, name, dtype):
    return read_idx(directory, name, 16).reshape(-1, 784).astype(dtype) / 255


def new_parameters(dtype, hidden):
    """Weights INIT_STD · N(0, 1), biases 0, as (w1, b1, w2, b2)."""
    draw = np.random.default_rng(0).standard_normal
    return [
        (INIT_STD * draw((784, hidden))).astype(dtype),
        np.zeros(hidden, dtype),
        (INIT_STD * draw((hidden, CLASSES))).astype(dtype),
        np.zeros(CLASSES, dtype),
    ]


def forward(params, x):
    """The hidden layer's output and the class probabilities of every row of x."""
    w1, b1, w2, b2 = params
    hidden = 1 / (1 + np.exp(-(x @ w1 + b1)))
    scores = hidden @ w2 + b2
    scores -= scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    return hidden, e / e.sum(axis=1, keepdims=True)


def mean_cross_entropy(probabilities, labels):
    picked = probabilities[np.arange(len(labels)), labels]
    return -np.log(picked + 1e-7).sum() / len(labels)


def sgd_step(params, x, labels, lr):
    """One step of gradient descent on the batch (x, labels), by the chain rule backwards."""
    w1, b1, w2, b2 = params
    hidden, probabilities = forward(params, x)
    d_scores = probabilities
    d_scores[np.arange(len(labels)), labels] -= 1
    d_scores /= len(labels)
    d_hidden = (d_scores @ w2.T) * hidden * (1 - hidden)
    gradients = (x.T @ d_hidden, d_hidden.sum(axis=0), hidden.T @ d_scores, d_scores.sum(axis=0))
    for p, g in zip(params, gradients):
        p -= lr * g


def fraction_right(params, x, labels):
    return float(np.mean(forward(params, x)[1].argmax(axis=1) == labels))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dtype", default="float64")
    ap.add_argument("--iters", type=int, default=10000)
    ap.add_argument("--hidden", type=int, default=50)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--lr", type=float, default=0.1)
    a = ap.parse_args()
    dtype = np.dtype(a.dtype)
    x_train = images(a.data, "train-images-idx3-ubyte.gz", dtype)
    x_test = images(a.data, "t10k-images-idx3-ubyte.gz", dtype)
    y_train = read_idx(a.data, "train-labels-idx1-ubyte.gz", 8).astype(np.intp)
    y_test = read_idx(a.data, "t10k-labels-idx1-ubyte.gz", 8).astype(np.intp)

    params = new_parameters(dtype, a.hidden)
    per_epoch = max(len(x_train) // a.batch, 1)
    draw_batch = np.random.default_rng(1).integers
    test_acc = None
    start = time.perf_counter()
    for i in range(a.iters):
        rows = draw_batch(0, len(x_train), a.batch)
        sgd_step(params, x_train[rows], y_train[rows], a.lr)
        # the loss of the batch after the step, which the book's loop records
        mean_cross_entropy(forward(params, x_train[rows])[1], y_train[rows])
        if i % per_epoch == 0:
            fraction_right(params, x_train, y_train)
            test_acc = fraction_right(params, x_test, y_test)
    if (a.iters - 1) % per_epoch != 0:
        # the final weights' accuracy, as scratchnet measures it, unless the last epoch did
        fraction_right(params, x_train, y_train)
        test_acc = fraction_right(params, x_test, y_test)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"numpy {a.dtype}", "dtype": a.dtype, "seconds": seconds,
                      "final_test_acc": test_acc, "iters": a.iters}))


main()
