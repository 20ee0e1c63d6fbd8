"""NumPy reference for scratchnet's optimisers: the book's common/optimizer.py, verbatim but for
the imports, and its ch06/optimizer_compare_naive.py loop.

    python3 tests/reference/optimizers.py > tests/reference/optimizers.json

Floats are written by repr (shortest round-trip form) for bit-exact comparison.
"""
import json

import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


CLASSES = {"sgd": SGD, "momentum": Momentum, "nesterov": Nesterov, "adagrad": AdaGrad,
           "rmsprop": RMSprop, "adam": Adam}

# three steps on two parameters with fixed gradients, each rule with its defaults and with lr 0.5
W0 = [[0.5, -1.25], [2.0, 0.125]]
b0 = [0.3, -0.7, 1.1]
GRADS = [
    ([[0.1, -0.2], [0.3, -0.4]], [1.0, -2.0, 0.5]),
    ([[-0.05, 0.5], [0.0, 0.25]], [0.5, 0.5, -1.5]),
    ([[1.5, -0.5], [0.75, 1e-3]], [-0.25, 3.0, 0.0]),
]
steps = {}
for name, cls in CLASSES.items():
    for lr in [None, 0.5]:
        opt = cls() if lr is None else cls(lr=lr)
        params = {"W": np.array(W0), "b": np.array(b0)}
        after = []
        for gW, gb in GRADS:
            opt.update(params, {"W": np.array(gW), "b": np.array(gb)})
            after.append({"W": params["W"].tolist(), "b": params["b"].tolist()})
        steps[f"{name}@{'default' if lr is None else lr}"] = after

# ch06/optimizer_compare_naive.py: the bowl x^2/20 + y^2 from (-7, 2), 30 steps, analytic gradient
def df(x, y):
    return x / 10.0, 2.0 * y

BOOK_LR = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.1, "adam": 0.3}
naive = {}
for name, cls in CLASSES.items():
    opt = cls(lr=BOOK_LR[name])
    params = {"x": -7.0, "y": 2.0}
    path = [[params["x"], params["y"]]]
    for i in range(30):
        grads = {}
        grads["x"], grads["y"] = df(params["x"], params["y"])
        opt.update(params, grads)
        path.append([float(params["x"]), float(params["y"])])
    naive[name] = {"lr": BOOK_LR[name], "path": path}

print(json.dumps({"initial": {"W": W0, "b": b0}, "grads": GRADS, "steps": steps, "bowl": naive}, indent=1))
