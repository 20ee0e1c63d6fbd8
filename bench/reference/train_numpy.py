"""The book's training job in NumPy, written for this repository: the network of its
ch04/two_layer_net.py (with the ch05 backprop gradient, as the book's fast path) trained as its
ch04/train_neuralnet.py does, timed.

    python3 train_numpy.py --data DIR [--dtype float64|float32] [--iters 10000]

Prints one JSON line: {"impl", "dtype", "seconds", "final_test_acc", "iters"}. The seconds cover
the training loop and its evaluations, not start-up or loading, as scratchnet's `train --json`.
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


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, dtype, weight_init_std=0.01):
        rng = np.random.default_rng(0)
        self.params = {
            "W1": (weight_init_std * rng.standard_normal((input_size, hidden_size))).astype(dtype),
            "b1": np.zeros(hidden_size, dtype),
            "W2": (weight_init_std * rng.standard_normal((hidden_size, output_size))).astype(dtype),
            "b2": np.zeros(output_size, dtype),
        }

    def predict(self, x):
        W1, W2, b1, b2 = self.params["W1"], self.params["W2"], self.params["b1"], self.params["b2"]
        return softmax(np.dot(sigmoid(np.dot(x, W1) + b1), W2) + b2)

    def loss(self, x, t):
        return cross_entropy_error(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        return np.sum(y == np.argmax(t, axis=1)) / float(x.shape[0])

    def gradient(self, x, t):
        W1, W2, b1, b2 = self.params["W1"], self.params["W2"], self.params["b1"], self.params["b2"]
        batch_num = x.shape[0]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        y = softmax(np.dot(z1, W2) + b2)
        dy = (y - t) / batch_num
        grads = {"W2": np.dot(z1.T, dy), "b2": np.sum(dy, axis=0)}
        dz1 = np.dot(dy, W2.T)
        da1 = (1.0 - sigmoid(a1)) * sigmoid(a1) * dz1
        grads["W1"] = np.dot(x.T, da1)
        grads["b1"] = np.sum(da1, axis=0)
        return grads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dtype", default="float64")
    ap.add_argument("--iters", type=int, default=10000)
    a = ap.parse_args()
    dtype = np.dtype(a.dtype)
    x_train = load(os.path.join(a.data, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 784).astype(dtype) / 255
    x_test = load(os.path.join(a.data, "t10k-images-idx3-ubyte.gz"), 16).reshape(-1, 784).astype(dtype) / 255
    t_train = np.eye(10, dtype=dtype)[load(os.path.join(a.data, "train-labels-idx1-ubyte.gz"), 8)]
    t_test = np.eye(10, dtype=dtype)[load(os.path.join(a.data, "t10k-labels-idx1-ubyte.gz"), 8)]

    net = TwoLayerNet(784, 50, 10, dtype)
    train_size, batch_size, lr = x_train.shape[0], 100, dtype.type(0.1)
    iter_per_epoch = max(train_size / batch_size, 1)
    rng = np.random.default_rng(1)
    test_acc = None
    start = time.perf_counter()
    for i in range(a.iters):
        batch_mask = rng.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = net.gradient(x_batch, t_batch)
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] -= lr * grad[key]
        net.loss(x_batch, t_batch)  # the book records the loss after each update
        if i % iter_per_epoch == 0:
            net.accuracy(x_train, t_train)
            test_acc = net.accuracy(x_test, t_test)
    if (a.iters - 1) % iter_per_epoch != 0:
        # the final weights' accuracy, as scratchnet measures it, unless the last epoch did
        net.accuracy(x_train, t_train)
        test_acc = net.accuracy(x_test, t_test)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"numpy {a.dtype}", "dtype": a.dtype, "seconds": seconds,
                      "final_test_acc": float(test_acc), "iters": a.iters}))


main()
