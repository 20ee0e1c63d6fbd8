"""The book's training job in NumPy, as this project's own code: TwoLayerNet 784-50-10 with
sigmoid, trained as ch04/train_neuralnet.py trains it, its gradient by backpropagation as in
chapter 5. The same arithmetic on the same shapes as the book's script (so the same cost and,
up to the random draws, the same results); the code is written here, in plain functions.
Other shapes (bench/run.sh's grid) with --hidden and --batch; deeper networks (the book's
MultiLayerNet of chapter 6) with --layers, --activation relu and --init he.

    python3 train_numpy.py --data DIR [--dtype float64|float32] [--iters 10000]
                           [--hidden 50] [--batch 100] [--lr 0.1]
                           [--layers 1] [--activation sigmoid|relu] [--init 0.01|he]

Prints one JSON line: {"impl", "dtype", "seconds", "final_test_acc", "iters"}. The seconds cover
the training loop and its evaluations, not start-up or loading, as scratchnet's `train --json`.
"""
import argparse
import json
import time

import numpy as np

from mnist_idx import read_mnist

CLASSES, INIT_STD = 10, 0.01


def images(images_u8, dtype):
    return images_u8.reshape(-1, 784).astype(dtype) / 255


def new_parameters(dtype, sizes, init):
    """For each layer of sizes (784, hidden..., 10): weights std · N(0, 1), std the number init
    or He's √(2/n) for init "he", and biases 0; as [w1, b1, w2, b2, ...]."""
    draw = np.random.default_rng(0).standard_normal
    params = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        std = np.sqrt(2 / n_in) if init == "he" else float(init)
        params += [(std * draw((n_in, n_out))).astype(dtype), np.zeros(n_out, dtype)]
    return params


def forward(params, x, relu):
    """Each hidden layer's output and the class probabilities of every row of x."""
    outs, a = [], x
    for k in range(0, len(params) - 2, 2):
        z = a @ params[k] + params[k + 1]
        a = np.maximum(z, 0) if relu else 1 / (1 + np.exp(-z))
        outs.append(a)
    scores = a @ params[-2] + params[-1]
    scores -= scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    return outs, e / e.sum(axis=1, keepdims=True)


def mean_cross_entropy(probabilities, labels):
    picked = probabilities[np.arange(len(labels)), labels]
    return -np.log(picked + 1e-7).sum() / len(labels)


def sgd_step(params, x, labels, lr, relu):
    """One step of gradient descent on the batch (x, labels), by the chain rule backwards."""
    outs, delta = forward(params, x, relu)
    delta[np.arange(len(labels)), labels] -= 1
    delta /= len(labels)
    inputs = [x] + outs
    gradients = [None] * len(params)
    for k in reversed(range(len(params) // 2)):
        a = inputs[k]
        gradients[2 * k], gradients[2 * k + 1] = a.T @ delta, delta.sum(axis=0)
        if k > 0:
            delta = delta @ params[2 * k].T
            delta = delta * (a > 0) if relu else delta * a * (1 - a)
    for p, g in zip(params, gradients):
        p -= lr * g


def fraction_right(params, x, labels, relu):
    return float(np.mean(forward(params, x, relu)[1].argmax(axis=1) == labels))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dtype", default="float64")
    ap.add_argument("--iters", type=int, default=10000)
    ap.add_argument("--hidden", type=int, default=50)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--layers", type=int, default=1, help="hidden layers of --hidden units")
    ap.add_argument("--activation", choices=["sigmoid", "relu"], default="sigmoid")
    ap.add_argument("--init", default=str(INIT_STD), help='a standard deviation, or "he"')
    a = ap.parse_args()
    relu = a.activation == "relu"
    dtype = np.dtype(a.dtype)
    x_train, y_train, x_test, y_test = read_mnist(a.data)
    x_train, x_test = images(x_train, dtype), images(x_test, dtype)

    params = new_parameters(dtype, [784] + [a.hidden] * a.layers + [CLASSES], a.init)
    per_epoch = max(len(x_train) // a.batch, 1)
    draw_batch = np.random.default_rng(1).integers
    test_acc = None
    start = time.perf_counter()
    for i in range(a.iters):
        rows = draw_batch(0, len(x_train), a.batch)
        sgd_step(params, x_train[rows], y_train[rows], a.lr, relu)
        # the loss of the batch after the step, which the book's loop records
        mean_cross_entropy(forward(params, x_train[rows], relu)[1], y_train[rows])
        if i % per_epoch == 0:
            fraction_right(params, x_train, y_train, relu)
            test_acc = fraction_right(params, x_test, y_test, relu)
    if (a.iters - 1) % per_epoch != 0:
        # the final weights' accuracy, as scratchnet measures it, unless the last epoch did
        fraction_right(params, x_train, y_train, relu)
        test_acc = fraction_right(params, x_test, y_test, relu)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"numpy {a.dtype}", "dtype": a.dtype, "seconds": seconds,
                      "final_test_acc": test_acc, "iters": a.iters}))


main()
