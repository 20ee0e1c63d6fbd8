"""Golden values for scratchnet's chapter-6 experiments on MNIST, from the book's own code.

This script runs the book's current NumPy code (a checkout of
oreilly-japan/deep-learning-from-scratch, whose path is the first argument; nothing of it is in
this repository) the way its scripts ch06/weight_init_compare.py and ch06/batch_norm_test.py
do, shortened, on scratchnet's built-in MNIST slice (crates/book/data/mnist-slice, read here
into float32 and divided by 255 as the book's load_mnist does), after np.random.seed(0):

- weight_init_compare: the three MultiLayerNets (std=0.01, Xavier, He, in the book's dict order),
  SGD lr 0.01, 60 iterations of one choice(5000, 128) mini-batch shared by the three: each
  network's train_loss list, and the list through the book's common/util.py smooth_curve;
- batch_norm_test: the first 1000 training images, three of the 16 weight scales of
  np.logspace(0, -4, num=16) (the 1st, 6th and 16th), one after the other from the one seeded
  generator, each the book's __train for 3 epochs: train_acc_list and bn_train_acc_list;
- logspace: the 16 scales themselves.

Each part also records NumPy's next draw after it (np.random.rand()), to show that the Rust
side drew exactly as many numbers. Regenerate the committed values with

    python3 tests/reference/ch06_experiments_mnist.py /path/to/deep-learning-from-scratch \
        > tests/reference/ch06_experiments_mnist.json

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
from common.optimizer import SGD  # noqa: E402
from common.util import smooth_curve  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_slice  # noqa: E402  (the built-in slice, as load_mnist reads MNIST)


(x_train, t_train), _ = mnist_slice.load()

WEIGHT_INIT_ITERATIONS = 60
BATCH_NORM_SCALES = [0, 5, 15]
BATCH_NORM_EPOCHS = 3


def weight_init_compare():
    """ch06/weight_init_compare.py, its loop as the book's, for 60 iterations."""
    np.random.seed(0)
    train_size = x_train.shape[0]
    batch_size = 128
    weight_init_types = {'std=0.01': 0.01, 'Xavier': 'sigmoid', 'He': 'relu'}
    optimizer = SGD(lr=0.01)
    networks = {}
    train_loss = {}
    for key, weight_type in weight_init_types.items():
        networks[key] = MultiLayerNet(input_size=784, hidden_size_list=[100, 100, 100, 100],
                                      output_size=10, weight_init_std=weight_type)
        train_loss[key] = []
    for i in range(WEIGHT_INIT_ITERATIONS):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        for key in weight_init_types.keys():
            grads = networks[key].gradient(x_batch, t_batch)
            optimizer.update(networks[key].params, grads)
            loss = networks[key].loss(x_batch, t_batch)
            train_loss[key].append(loss)
    return {
        "iterations": WEIGHT_INIT_ITERATIONS,
        "networks": [
            {
                "name": key,
                "train_loss": [float(v) for v in train_loss[key]],
                "smoothed": [float(v) for v in smooth_curve(np.array(train_loss[key]))],
            }
            for key in weight_init_types.keys()
        ],
        "after_draw": float(np.random.rand()),
    }


def batch_norm_test():
    """ch06/batch_norm_test.py's __train, as the book's, for 3 epochs at three scales."""
    np.random.seed(0)
    x, t = x_train[:1000], t_train[:1000]
    max_epochs = BATCH_NORM_EPOCHS
    train_size = x.shape[0]
    batch_size = 100
    learning_rate = 0.01
    weight_scale_list = np.logspace(0, -4, num=16)
    runs = []
    for index in BATCH_NORM_SCALES:
        weight_init_std = weight_scale_list[index]
        bn_network = MultiLayerNetExtend(input_size=784, hidden_size_list=[100, 100, 100, 100, 100],
                                         output_size=10, weight_init_std=weight_init_std,
                                         use_batchnorm=True)
        network = MultiLayerNetExtend(input_size=784, hidden_size_list=[100, 100, 100, 100, 100],
                                      output_size=10, weight_init_std=weight_init_std)
        optimizer = SGD(lr=learning_rate)
        train_acc_list = []
        bn_train_acc_list = []
        iter_per_epoch = max(train_size / batch_size, 1)
        epoch_cnt = 0
        for i in range(1000000000):
            batch_mask = np.random.choice(train_size, batch_size)
            x_batch = x[batch_mask]
            t_batch = t[batch_mask]
            for _network in (bn_network, network):
                grads = _network.gradient(x_batch, t_batch)
                optimizer.update(_network.params, grads)
            if i % iter_per_epoch == 0:
                train_acc_list.append(float(network.accuracy(x, t)))
                bn_train_acc_list.append(float(bn_network.accuracy(x, t)))
                epoch_cnt += 1
                if epoch_cnt >= max_epochs:
                    break
        runs.append({
            "index": index,
            "weight_scale": float(weight_init_std),
            "train_acc_list": train_acc_list,
            "bn_train_acc_list": bn_train_acc_list,
        })
    return {
        "epochs": BATCH_NORM_EPOCHS,
        "runs": runs,
        "after_draw": float(np.random.rand()),
    }


def main():
    doc = {
        "weight_init_compare": weight_init_compare(),
        "batch_norm_test": batch_norm_test(),
        "logspace": [float(v) for v in np.logspace(0, -4, num=16)],
    }
    print(json.dumps(doc, indent=1))


if __name__ == "__main__":
    main()
