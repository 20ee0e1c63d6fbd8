"""Golden values for `scratchnet train --rng numpy`, from the book's own code.

This script runs the book's current NumPy code (a checkout of
oreilly-japan/deep-learning-from-scratch, whose path is the first argument; nothing of it is in
this repository) on scratchnet's built-in MNIST slice (crates/book/data/mnist-slice, read here
into float32 and divided by 255 as the book's load_mnist does), in the loop of the book's
train_neuralnet.py (a mini-batch by np.random.choice, the gradient, the update, the loss; every
epoch the accuracies on the whole sets), after np.random.seed(0), for three networks: chapter
4's TwoLayerNet (sigmoid), chapter 5's (ReLU, layers), and chapter 6's MultiLayerNetExtend with
Batch Normalization, Dropout and weight decay. Regenerate the committed values with

    python3 tests/reference/train_numpy.py /path/to/deep-learning-from-scratch \
        > tests/reference/train_numpy.json

(NumPy 2.4.6, OpenBLAS). Floats are written by repr (shortest round-trip form).
"""
import importlib.util
import json
import os
import sys

import numpy as np

BOOK = os.path.abspath(sys.argv[1])
sys.path.insert(0, BOOK)
from common.multi_layer_net_extend import MultiLayerNetExtend  # noqa: E402  (the book's code)
from common.optimizer import SGD  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_slice  # noqa: E402  (the built-in slice, as load_mnist reads MNIST)
ITERS = 120


def book_module(chapter, name):
    """The book's `chapter/name.py`, imported under its own name for that chapter."""
    spec = importlib.util.spec_from_file_location(f"{chapter}_{name}", os.path.join(BOOK, chapter, f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, os.path.join(BOOK, chapter))
    spec.loader.exec_module(module)
    sys.path.pop(0)
    return module


(x_train, t_train), (x_test, t_test) = mnist_slice.load(one_hot_label=True)


def train_neuralnet(name, make, update):
    """train_neuralnet.py's loop, ITERS iterations of batch 100."""
    np.random.seed(0)
    network = make()
    train_size, batch_size = x_train.shape[0], 100
    iter_per_epoch = max(train_size / batch_size, 1)
    losses, train_acc, test_acc = [], [], []
    for i in range(ITERS):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        update(network, grad)
        losses.append(float(network.loss(x_batch, t_batch)))
        if i % iter_per_epoch == 0:
            train_acc.append(float(network.accuracy(x_train, t_train)))
            test_acc.append(float(network.accuracy(x_test, t_test)))
    return {
        "name": name,
        "loss": losses,
        "train_acc": train_acc,
        "test_acc": test_acc,
        "after_draw": float(np.random.rand()),
    }


def sgd(lr):
    def update(network, grad):
        for key in grad:
            network.params[key] -= lr * grad[key]
    return update


def main():
    ch04 = book_module("ch04", "two_layer_net")
    ch05 = book_module("ch05", "two_layer_net")
    optimizer = SGD(lr=0.1)
    cases = [
        train_neuralnet("ch04_two_layer_net_sigmoid",
                        lambda: ch04.TwoLayerNet(input_size=784, hidden_size=50, output_size=10), sgd(0.1)),
        train_neuralnet("ch05_two_layer_net_relu",
                        lambda: ch05.TwoLayerNet(input_size=784, hidden_size=50, output_size=10), sgd(0.1)),
        train_neuralnet("ch06_extend_batchnorm_dropout_decay",
                        lambda: MultiLayerNetExtend(784, [40, 30], 10, use_batchnorm=True, use_dropout=True,
                                                    dropout_ration=0.2, weight_decay_lambda=0.01),
                        lambda network, grad: optimizer.update(network.params, grad)),
    ]
    print(json.dumps({"iters": ITERS, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
