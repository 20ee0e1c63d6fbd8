"""Golden values for scratchnet's Trainer and chapter-6 networks, from the book's own code.

This script runs the book's current NumPy code (a checkout of
oreilly-japan/deep-learning-from-scratch, whose path is the first argument; nothing of it is in
this repository) on scratchnet's built-in MNIST slice (crates/book/data/mnist-slice, read here
into float32 and divided by 255 as the book's load_mnist does), after np.random.seed(0), and
prints what its Trainer records. Regenerate the committed values with

    python3 tests/reference/ch06_trainer.py /path/to/deep-learning-from-scratch \
        > tests/reference/ch06_trainer.json

(NumPy 2.4.6, OpenBLAS). Floats are written by repr (shortest round-trip form).
"""
import json
import os
import sys

import numpy as np

BOOK = os.path.abspath(sys.argv[1])
sys.path.insert(0, BOOK)
from common.multi_layer_net import MultiLayerNet  # noqa: E402  (the book's code)
from common.multi_layer_net_extend import MultiLayerNetExtend  # noqa: E402
from common.trainer import Trainer  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_slice  # noqa: E402  (the built-in slice, as load_mnist reads MNIST)


(x_train, t_train), (x_test, t_test) = mnist_slice.load()


def case(name, make, epochs, train_n, optimizer, lr):
    np.random.seed(0)
    network = make()
    trainer = Trainer(network, x_train[:train_n], t_train[:train_n], x_test[:train_n], t_test[:train_n],
                      epochs=epochs, mini_batch_size=100, optimizer=optimizer,
                      optimizer_param={"lr": lr}, verbose=False)
    trainer.train()
    return {
        "name": name,
        "train_loss_list": [float(v) for v in trainer.train_loss_list],
        "train_acc_list": [float(v) for v in trainer.train_acc_list],
        "test_acc_list": [float(v) for v in trainer.test_acc_list],
        "final_test_acc": float(network.accuracy(x_test[:train_n], t_test[:train_n])),
        "after_draw": float(np.random.rand()),
    }


def main():
    cases = [
        case("multi_layer_net_weight_decay",
             lambda: MultiLayerNet(784, [100, 100, 100], 10, weight_decay_lambda=0.1),
             5, 300, "sgd", 0.01),
        case("extend_dropout",
             lambda: MultiLayerNetExtend(784, [100, 100, 100], 10, use_dropout=True, dropout_ration=0.2),
             5, 300, "sgd", 0.01),
        case("extend_batchnorm",
             lambda: MultiLayerNetExtend(784, [100, 100], 10, use_batchnorm=True, weight_init_std=0.01),
             4, 500, "sgd", 0.01),
        case("extend_everything_adam",
             lambda: MultiLayerNetExtend(784, [50, 50], 10, activation="sigmoid", weight_init_std="xavier",
                                         weight_decay_lambda=0.01, use_dropout=True, dropout_ration=0.3,
                                         use_batchnorm=True),
             3, 400, "adam", 0.001),
    ]
    print(json.dumps({"trainer": cases}, indent=1))


if __name__ == "__main__":
    main()
