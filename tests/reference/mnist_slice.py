"""scratchnet's built-in MNIST slice (crates/book/data/mnist-slice: 5,000 training and 1,000 test
images, gzip IDX) as the book's `load_mnist(normalize=True)` gives MNIST: the pixels as float32
divided by 255 in float32, the labels as integers (or one-hot in float32). Shared by the
reference scripts of this directory."""
import gzip
import os

import numpy as np

SLICE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crates", "book", "data", "mnist-slice")


def _idx(name, offset):
    with gzip.open(os.path.join(SLICE, name), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def _images(name):
    x = _idx(name, 16).reshape(-1, 784).astype(np.float32)
    x /= 255.0
    return x


def one_hot(labels):
    """The labels as the book's one-hot rows (float32)."""
    t = np.zeros((labels.size, 10), np.float32)
    t[np.arange(labels.size), labels] = 1
    return t


def load(one_hot_label=False):
    """((x_train, t_train), (x_test, t_test)), as the book's load_mnist(normalize=True, flatten=True,
    one_hot_label=one_hot_label) returns them."""
    t_train, t_test = _idx("train-labels-idx1-ubyte.gz", 8), _idx("t10k-labels-idx1-ubyte.gz", 8)
    if one_hot_label:
        t_train, t_test = one_hot(t_train), one_hot(t_test)
    return (_images("train-images-idx3-ubyte.gz"), t_train), (_images("t10k-images-idx3-ubyte.gz"), t_test)
