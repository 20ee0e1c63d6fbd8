"""NumPy reference for scratchnet's chapter-4 golden values.

The functions below are copied from the book's code (oreilly-japan/deep-learning-from-scratch:
common/functions.py, common/gradient.py, ch04/gradient_1d.py, ch04/gradient_method.py,
ch04/gradient_simplenet.py) with only the imports changed, so that the values printed here are the
book's numbers. Run it from the repository root:

    python3 tests/reference/ch04.py > tests/reference/ch04.json

Floats are written by Python's repr (shortest round-trip form), so the Rust tests can compare
bit for bit where the order of floating-point operations is the book's.
"""
import json

import numpy as np


# --- common/functions.py -------------------------------------------------------------------
def identity_function(x):
    return x


def step_function(x):
    return np.array(x > 0, dtype=int)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_grad(x):
    return (1.0 - sigmoid(x)) * sigmoid(x)


def relu(x):
    return np.maximum(0, x)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # overflow guard
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    # one-hot targets are turned into class indices
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# --- common/gradient.py --------------------------------------------------------------------
def numerical_diff(f, x):
    h = 1e-4  # 0.0001
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, x):
    h = 1e-4  # 0.0001
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val  # restore
        it.iternext()
    return grad


# --- ch04/gradient_1d.py, gradient_method.py ------------------------------------------------
def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    return x[0] ** 2 + x[1] ** 2


def tangent_line(f, x):
    d = numerical_diff(f, x)
    y = f(x) - d * x
    return lambda t: d * t + y


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    x_history = []
    for i in range(step_num):
        x_history.append(x.copy())
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x, np.array(x_history)


# --- ch04/gradient_simplenet.py ------------------------------------------------------------
class simpleNet:
    def __init__(self, W):
        self.W = W

    def predict(self, x):
        return np.dot(x, self.W)

    def loss(self, x, t):
        z = self.predict(x)
        y = softmax(z)
        return cross_entropy_error(y, t)


def floats(a):
    return np.asarray(a, dtype=float).tolist()


out = {}

xs = np.array([-2.0, -1.0, -1e-9, 0.0, 1e-9, 0.5, 1.0, 3.0])
out["activations"] = {
    "x": floats(xs),
    "step": np.asarray(step_function(xs)).tolist(),
    "sigmoid": floats(sigmoid(xs)),
    "sigmoid_grad": floats(sigmoid_grad(xs)),
    "relu": floats(relu(xs)),
}

soft = {}
for name, v in {
    "small": [0.3, 2.9, 4.0],
    "large": [1010.0, 1000.0, 990.0],
    "negative_large": [-1000.0, -1001.0, -1010.0],
}.items():
    soft[name] = {"x": v, "y": floats(softmax(np.array(v)))}
batch = np.array([[0.3, 2.9, 4.0], [1010.0, 1000.0, 990.0]])
soft["batch"] = {"x": floats(batch), "y": floats(softmax(batch))}
out["softmax"] = soft

# the book's section 4.2 example
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
t2 = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], dtype=float)
y7 = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
yb = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
               [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0],
               [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
tb = np.array([2, 2, 3])
out["loss"] = {
    "y": floats(y),
    "y7": floats(y7),
    "sse_t2": float(sum_squared_error(y, t2)),
    "sse_y7_t2": float(sum_squared_error(y7, t2)),
    "cee_t2": float(cross_entropy_error(y, t2)),
    "cee_y7_t2": float(cross_entropy_error(y7, t2)),
    "batch_y": floats(yb),
    "batch_t": tb.tolist(),
    "cee_batch": float(cross_entropy_error(yb, tb)),
    "cee_batch_onehot": float(cross_entropy_error(yb, np.eye(10)[tb])),
}

out["numerical_diff"] = {
    "function_1_at_5": numerical_diff(function_1, 5.0),
    "function_1_at_10": numerical_diff(function_1, 10.0),
    "tangent_at_5": {"t": [0.0, 10.0, 20.0],
                     "y": [tangent_line(function_1, 5.0)(t) for t in [0.0, 10.0, 20.0]]},
}

grads = {}
for p in [[3.0, 4.0], [0.0, 2.0], [3.0, 0.0], [-1.75, 0.25]]:
    grads[str(p)] = floats(numerical_gradient(function_2, np.array(p)))
out["numerical_gradient_function_2"] = grads

runs = []
for init, lr in [([-3.0, 4.0], 0.1), ([3.0, -4.0], 0.1), ([3.0, -2.0], 0.1), ([-3.0, 2.0], 0.1),
                 ([-3.0, 4.0], 10.0), ([-3.0, 4.0], 1e-10)]:
    x, hist = gradient_descent(function_2, np.array(init), lr=lr, step_num=100)
    runs.append({"init": init, "lr": lr, "steps": 100, "final": floats(x),
                 "history": floats(np.vstack([hist, x]))})
out["gradient_descent_function_2"] = runs

x = np.array([0.6, 0.9])
t = np.array([0, 0, 1])
nets = []
for W in [
    # the learner's notebook, In [20]
    [[-1.24665088, 1.27077001, -0.60729709], [-0.28559133, 0.11076715, 0.15251487]],
    # the book's printed example in section 4.4.2
    [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]],
]:
    net = simpleNet(np.array(W))
    p = net.predict(x)
    f = lambda w: net.loss(x, t)
    dW = numerical_gradient(f, net.W)
    nets.append({"W": W, "x": floats(x), "t": 2, "p": floats(p), "y": floats(softmax(p)),
                 "loss": float(net.loss(x, t)), "dW": floats(dW)})
out["simplenet"] = nets

print(json.dumps(out, indent=1))
