"""The book's chapter-7 job in NumPy, as this project's own code: SimpleConvNet (convolution of 30
filters 5×5, stride 1, no padding; ReLU; 2×2 max pooling, stride 2; Affine 4320→100; ReLU;
Affine 100→10; softmax with cross-entropy loss), trained by Adam (lr 0.001) on batches of 100
drawn with replacement, as ch07/train_convnet.py trains it with common/trainer.py. The same
arithmetic on the same shapes as the book (im2col in the book's layout, pooling by im2col too,
products by NumPy's matmul); the code is written here.

    python3 train_convnet_numpy.py --data DIR [--dtype float32|float64] [--iters 600]

Each epoch (600 iterations; at iterations 0, 600, ...) the accuracy on the first 1,000 train and
test images, as the book's Trainer with evaluate_sample_num_per_epoch=1000; after the loop the
accuracy on all 60,000 train and 10,000 test images (the book measures only the test set there;
scratchnet measures both). Prints one JSON line: {"impl", "dtype", "seconds", "final_test_acc",
"iters"}. The seconds cover the training loop and its evaluations, not start-up or loading.

Differences from the book, all in NumPy's favour: every array stays in --dtype (the book's
im2col allocates float64 whatever its input), and the convolution's gradient with respect to its
input (unused: the images are not trained) is not computed.
"""
import argparse
import json
import time

import numpy as np

from mnist_idx import read_mnist

FILTERS, SIZE, HIDDEN, CLASSES, POOL = 30, 5, 100, 10, 2
INIT_STD, LR, BETA1, BETA2, EPS = 0.01, 0.001, 0.9, 0.999, 1e-7
EVAL_SAMPLES = 1000


def images(images_u8, dtype):
    return (images_u8.reshape(-1, 1, 28, 28).astype(dtype) / 255).astype(dtype)


def patches(x, size, stride):
    """The book's im2col without padding: one row per output place (image, row, column), in that
    order; in each row the channel, then the kernel's row, then its column."""
    n, c, h, w = x.shape
    oh, ow = (h - size) // stride + 1, (w - size) // stride + 1
    cols = np.empty((n, c, size, size, oh, ow), x.dtype)
    for i in range(size):
        for j in range(size):
            cols[:, :, i, j] = x[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(n * oh * ow, -1), oh, ow


def unpatch(cols, shape, size, stride):
    """The book's col2im without padding: each row's entries added back to their pixels."""
    n, c, h, w = shape
    oh, ow = (h - size) // stride + 1, (w - size) // stride + 1
    cols = cols.reshape(n, oh, ow, c, size, size).transpose(0, 3, 4, 5, 1, 2)
    x = np.zeros(shape, cols.dtype)
    for i in range(size):
        for j in range(size):
            x[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += cols[:, :, i, j]
    return x


class Net:
    def __init__(self, dtype, seed=0):
        draw = np.random.default_rng(seed).standard_normal
        pooled = FILTERS * 12 * 12
        self.p = {
            "W1": (INIT_STD * draw((FILTERS, 1, SIZE, SIZE))).astype(dtype),
            "b1": np.zeros(FILTERS, dtype),
            "W2": (INIT_STD * draw((pooled, HIDDEN))).astype(dtype),
            "b2": np.zeros(HIDDEN, dtype),
            "W3": (INIT_STD * draw((HIDDEN, CLASSES))).astype(dtype),
            "b3": np.zeros(CLASSES, dtype),
        }

    def scores(self, x, keep=False):
        """The last Affine's output for the images x (n, 1, 28, 28); with keep, what the backward
        pass needs too."""
        p, n = self.p, x.shape[0]
        col, oh, ow = patches(x, SIZE, 1)
        conv = col @ p["W1"].reshape(FILTERS, -1).T + p["b1"]          # (n·24·24, 30)
        conv = conv.reshape(n, oh, ow, FILTERS).transpose(0, 3, 1, 2)  # (n, 30, 24, 24)
        relu1 = np.maximum(conv, 0)
        pcol, ph, pw = patches(relu1, POOL, POOL)
        pcol = pcol.reshape(-1, POOL * POOL)                            # (n·12·12·30, 4)
        where = pcol.argmax(axis=1)
        pooled = pcol[np.arange(len(where)), where].reshape(n, ph, pw, FILTERS).transpose(0, 3, 1, 2)
        flat = pooled.reshape(n, -1)                                    # (n, 4320)
        hidden = flat @ p["W2"] + p["b2"]
        relu2 = np.maximum(hidden, 0)
        out = relu2 @ p["W3"] + p["b3"]
        if keep:
            return out, (col, relu1, where, flat, relu2)
        return out

    def gradient(self, x, labels):
        """∂L/∂ each parameter, by the chain rule backwards through the book's layers."""
        p, n = self.p, x.shape[0]
        out, (col, relu1, where, flat, relu2) = self.scores(x, keep=True)
        y = softmax(out)
        y[np.arange(n), labels] -= 1
        d = y / n                                                       # ∂L/∂scores
        g = {"W3": relu2.T @ d, "b3": d.sum(axis=0)}
        d = (d @ p["W3"].T) * (relu2 > 0)
        g["W2"], g["b2"] = flat.T @ d, d.sum(axis=0)
        d = (d @ p["W2"].T).reshape(n, FILTERS, 12, 12).transpose(0, 2, 3, 1).reshape(-1)
        dmax = np.zeros((d.size, POOL * POOL), d.dtype)
        dmax[np.arange(d.size), where] = d
        d = unpatch(dmax.reshape(-1, FILTERS * POOL * POOL), relu1.shape, POOL, POOL)
        d = (d * (relu1 > 0)).transpose(0, 2, 3, 1).reshape(-1, FILTERS)  # (n·24·24, 30)
        g["W1"] = (col.T @ d).T.reshape(FILTERS, 1, SIZE, SIZE)
        g["b1"] = d.sum(axis=0)
        return g

    def accuracy(self, x, labels, batch=100):
        right = 0
        for k in range(0, len(x), batch):
            right += int((self.scores(x[k:k + batch]).argmax(axis=1) == labels[k:k + batch]).sum())
        return right / len(x)


def softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def mean_cross_entropy(scores, labels):
    picked = softmax(scores)[np.arange(len(labels)), labels]
    return -np.log(picked + 1e-7).sum() / len(labels)


class Adam:
    """The book's Adam: the bias corrections folded into the step size, ε = 1e-7."""

    def __init__(self, params):
        self.t = 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, params, grads):
        self.t += 1
        lr_t = LR * np.sqrt(1 - BETA2 ** self.t) / (1 - BETA1 ** self.t)
        for k, p in params.items():
            g, m, v = grads[k], self.m[k], self.v[k]
            m += (1 - BETA1) * (g - m)
            v += (1 - BETA2) * (g * g - v)
            p -= (lr_t * m / (np.sqrt(v) + EPS)).astype(p.dtype)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dtype", default="float32")
    ap.add_argument("--iters", type=int, default=600)
    ap.add_argument("--batch", type=int, default=100)
    a = ap.parse_args()
    dtype = np.dtype(a.dtype)
    x_train, y_train, x_test, y_test = read_mnist(a.data)
    x_train, x_test = images(x_train, dtype), images(x_test, dtype)

    net = Net(dtype)
    adam = Adam(net.p)
    per_epoch = max(len(x_train) // a.batch, 1)
    draw_batch = np.random.default_rng(1).integers
    start = time.perf_counter()
    for i in range(a.iters):
        rows = draw_batch(0, len(x_train), a.batch)
        x, t = x_train[rows], y_train[rows]
        adam.step(net.p, net.gradient(x, t))
        mean_cross_entropy(net.scores(x), t)  # the loss after the update, which the book records
        if i % per_epoch == 0:
            net.accuracy(x_train[:EVAL_SAMPLES], y_train[:EVAL_SAMPLES])
            net.accuracy(x_test[:EVAL_SAMPLES], y_test[:EVAL_SAMPLES])
    net.accuracy(x_train, y_train)
    test_acc = net.accuracy(x_test, y_test)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": f"numpy {a.dtype}", "dtype": a.dtype, "seconds": seconds,
                      "final_test_acc": test_acc, "iters": a.iters}))


main()
