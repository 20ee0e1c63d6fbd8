"""Golden values for scratchnet's chapter 7, from the book's own code.

This script runs the book's current NumPy code (a checkout of
oreilly-japan/deep-learning-from-scratch, whose path is the first argument; nothing of it is in
this repository) and writes what it computes:

- `im2col` and `col2im` (common/util.py) on random images, with and without stride and padding;
- the `Convolution` and `Pooling` layers (common/layers.py): a forward pass and a backward pass
  of a random `dout`, for two settings each (one of the pooling settings has overlapping windows,
  so that col2im adds; one input has windows of equal values, as ReLU makes them; the book's
  Pooling computes its output size without `pad`, so both settings have none);
- ch07/gradient_check.py: np.random.seed(0), then its small SimpleConvNet (10×10 images, ten
  3×3 filters, 10 hidden units), its input `np.random.rand(100)`, the answer 1, and both
  gradients (backpropagation and the numerical one) with their mean absolute differences;
- the book's SimpleConvNet with its defaults after np.random.seed(0): its loss and gradients on
  the first three images of scratchnet's built-in MNIST slice (W2, 432,000 numbers, summarised);
- ch07/train_convnet.py's training (the book's Trainer, Adam lr 0.001, batch 100, the per-epoch
  accuracies on the first 1,000 images) for 60 iterations on the built-in slice (5,000 training
  images, so an epoch is 50 iterations), after np.random.seed(0).

Inputs of the layer tests come from np.random.seed(7) and are written out, so the Rust tests read
them rather than drawing them again. Regenerate the committed values with

    python3 tests/reference/ch07.py /path/to/deep-learning-from-scratch > tests/reference/ch07.json

(NumPy 2.4.6, OpenBLAS). Floats are written by repr (shortest round-trip form).
"""
import json
import os
import sys

import numpy as np

BOOK = os.path.abspath(sys.argv[1])
sys.path.insert(0, BOOK)
sys.path.insert(0, os.path.join(BOOK, "ch07"))
from common.layers import Convolution, Pooling  # noqa: E402  (the book's code)
from common.trainer import Trainer  # noqa: E402
from common.util import col2im, im2col  # noqa: E402
from simple_convnet import SimpleConvNet  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_slice  # noqa: E402  (the built-in slice, as load_mnist reads MNIST)


def tensor(a):
    """An array as its shape and its values in row-major order."""
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


out = {}

# --- im2col and col2im ------------------------------------------------------------------------
np.random.seed(7)
cases = []
for shape, fh, fw, stride, pad in [((2, 3, 5, 6), 3, 2, 1, 0), ((1, 2, 7, 7), 3, 3, 2, 1)]:
    x = np.random.randn(*shape)
    col = im2col(x, fh, fw, stride, pad)
    dcol = np.random.randn(*col.shape)
    cases.append({
        "filter_h": fh, "filter_w": fw, "stride": stride, "pad": pad,
        "x": tensor(x), "col": tensor(col),
        "dcol": tensor(dcol), "image": tensor(col2im(dcol, shape, fh, fw, stride, pad)),
    })
out["im2col"] = cases

# --- Convolution ------------------------------------------------------------------------------
cases = []
for x_shape, w_shape, stride, pad in [((2, 3, 6, 5), (4, 3, 3, 3), 1, 0), ((2, 2, 7, 7), (3, 2, 3, 3), 2, 1)]:
    x = np.random.randn(*x_shape)
    w = np.random.randn(*w_shape)
    b = np.random.randn(w_shape[0])
    layer = Convolution(w, b, stride, pad)
    y = layer.forward(x)
    dout = np.random.randn(*y.shape)
    dx = layer.backward(dout)
    cases.append({
        "stride": stride, "pad": pad, "x": tensor(x), "W": tensor(w), "b": tensor(b),
        "out": tensor(y), "dout": tensor(dout), "dx": tensor(dx), "dW": tensor(layer.dW),
        "db": tensor(layer.db),
    })
out["convolution"] = cases

# --- Pooling ----------------------------------------------------------------------------------
cases = []
for x_shape, ph, pw, stride, pad in [((2, 3, 6, 6), 2, 2, 2, 0), ((1, 2, 7, 7), 3, 3, 2, 0)]:
    x = np.random.randn(*x_shape)
    if ph == 2:
        # windows of equal values, as ReLU leaves them: the book's argmax takes the first
        x[0, 0, :2, :2] = 0.0
        x[1, 2, 2:4, 2:4] = 0.5
    layer = Pooling(ph, pw, stride, pad)
    y = layer.forward(x)
    dout = np.random.randn(*y.shape)
    dx = layer.backward(dout)
    cases.append({
        "pool_h": ph, "pool_w": pw, "stride": stride, "pad": pad, "x": tensor(x),
        "out": tensor(y), "dout": tensor(dout), "dx": tensor(dx),
    })
out["pooling"] = cases

# --- ch07/gradient_check.py -------------------------------------------------------------------
np.random.seed(0)
network = SimpleConvNet(input_dim=(1, 10, 10),
                        conv_param={'filter_num': 10, 'filter_size': 3, 'pad': 0, 'stride': 1},
                        hidden_size=10, output_size=10, weight_init_std=0.01)
X = np.random.rand(100).reshape((1, 1, 10, 10))
T = np.array([1]).reshape((1, 1))
grad_num = network.numerical_gradient(X, T)
grad = network.gradient(X, T)
out["gradient_check"] = {
    "params": {k: tensor(v) for k, v in network.params.items()},
    "x": tensor(X),
    "loss": float(network.loss(X, T)),
    "gradient": {k: tensor(v) for k, v in grad.items()},
    "numerical_gradient": {k: tensor(v) for k, v in grad_num.items()},
    "mean_abs_diff": {k: float(np.abs(grad_num[k] - grad[k]).mean()) for k in grad},
}

# --- the book's SimpleConvNet on three MNIST images -------------------------------------------
(x_train, t_train), (x_test, t_test) = mnist_slice.load()
x_train, x_test = x_train.reshape(-1, 1, 28, 28), x_test.reshape(-1, 1, 28, 28)
np.random.seed(0)
network = SimpleConvNet()
x3, t3 = x_train[:3], t_train[:3]
grad = network.gradient(x3, t3)
out["simple_convnet"] = {
    "labels": [int(v) for v in t3],
    "W1": tensor(network.params["W1"]),
    "W2_corner": tensor(network.params["W2"][:3, :3]),
    "W3_corner": tensor(network.params["W3"][:3, :3]),
    "loss": float(network.loss(x3, t3)),
    "scores": tensor(network.predict(x3)),
    "gradient": {k: tensor(v) for k, v in grad.items() if k != "W2"},
    "dW2_abs_sum": float(np.abs(grad["W2"]).sum()),
    "dW2_corner": tensor(grad["W2"][:3, :3]),
}

# --- ch07/train_convnet.py, 60 iterations on the slice ----------------------------------------
ITERS = 60
np.random.seed(0)
network = SimpleConvNet(input_dim=(1, 28, 28),
                        conv_param={'filter_num': 30, 'filter_size': 5, 'pad': 0, 'stride': 1},
                        hidden_size=100, output_size=10, weight_init_std=0.01)
trainer = Trainer(network, x_train, t_train, x_test, t_test, epochs=20, mini_batch_size=100,
                  optimizer='Adam', optimizer_param={'lr': 0.001},
                  evaluate_sample_num_per_epoch=1000, verbose=False)
for _ in range(ITERS):
    trainer.train_step()
out["train_convnet"] = {
    "iterations": ITERS,
    "train_loss": [float(v) for v in trainer.train_loss_list],
    "train_acc": [float(v) for v in trainer.train_acc_list],
    "test_acc": [float(v) for v in trainer.test_acc_list],
    "final_test_acc": float(network.accuracy(x_test, t_test)),
    "b3": tensor(network.params["b3"]),
    "W1_corner": tensor(network.params["W1"][:2, 0]),
}

json.dump(out, sys.stdout, indent=1)
print()
