"""MNIST as the benchmark's reference scripts read it: the four gzip IDX files of a directory,
the images as rows of 784 bytes (0 to 255) and the labels as integers. Each script turns them
into its own arrays (its dtype and shape, NumPy's or PyTorch's)."""

import gzip
import os

import numpy as np

FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
         "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def read_idx(directory, name, header_bytes):
    """The bytes of one gzip IDX file of MNIST after its header."""
    with gzip.open(os.path.join(directory, name), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=header_bytes)


def read_mnist(directory):
    """(train images, train labels, test images, test labels): images `(N, 784)` uint8, labels
    `(N,)` int64; writable arrays of their own (PyTorch takes no read-only buffer)."""
    x_train, t_train, x_test, t_test = (
        read_idx(directory, name, 16 if "images" in name else 8) for name in FILES)
    return (x_train.reshape(-1, 784).copy(), t_train.astype(np.int64),
            x_test.reshape(-1, 784).copy(), t_test.astype(np.int64))
