"""NumPy reference for scratchnet's update rules (chapter 6), written for this repository.

Each rule is the book's formula, with the operations in the order the book's current
`common/optimizer.py` performs them, so that the floats agree to the last bit. Nesterov is the
current book's (corrected in January 2021): W moves by the old velocity, then the velocity is
updated. Regenerate the committed values with

    python3 tests/reference/optimizers.py > tests/reference/optimizers.json

Floats are written by repr (shortest round-trip form) for bit-exact comparison.
"""
import json

import numpy as np

EPS = 1e-7


def make_rule(name, lr=None, momentum=0.9, decay=0.99, beta1=0.9, beta2=0.999):
    """A closure `step(params, grads)` that updates a dict of arrays in place."""
    if lr is None:
        lr = 0.001 if name == "adam" else 0.01
    state = {"t": 0}

    def slot(key, like):
        # per-parameter accumulators start at zero, created on first use
        return state.setdefault(key, np.zeros_like(like))

    def step(params, grads):
        state["t"] += 1
        t = state["t"]
        for k in params:
            g = grads[k]
            if name == "sgd":
                params[k] -= lr * g
            elif name == "momentum":
                v = slot(("v", k), params[k])
                state[("v", k)] = momentum * v - lr * g
                params[k] += state[("v", k)]
            elif name == "nesterov":
                v = slot(("v", k), params[k])
                params[k] += momentum * momentum * v      # the velocity of the step before
                params[k] -= (1 + momentum) * lr * g
                v *= momentum
                v -= lr * g
            elif name == "adagrad":
                h = slot(("h", k), params[k])
                h += g * g
                params[k] -= lr * g / (np.sqrt(h) + EPS)
            elif name == "rmsprop":
                h = slot(("h", k), params[k])
                h *= decay
                h += (1 - decay) * g * g
                params[k] -= lr * g / (np.sqrt(h) + EPS)
            elif name == "adam":
                # the bias correction is folded into the learning rate, as the book does
                lr_t = lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
                m = slot(("m", k), params[k])
                s = slot(("s", k), params[k])
                m += (1 - beta1) * (g - m)
                s += (1 - beta2) * (g**2 - s)
                params[k] -= lr_t * m / (np.sqrt(s) + EPS)
            else:
                raise ValueError(name)

    return step


RULES = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]

# three steps on two parameters with fixed gradients, each rule with its defaults and with lr 0.5
W0 = [[0.5, -1.25], [2.0, 0.125]]
b0 = [0.3, -0.7, 1.1]
GRADS = [
    ([[0.1, -0.2], [0.3, -0.4]], [1.0, -2.0, 0.5]),
    ([[-0.05, 0.5], [0.0, 0.25]], [0.5, 0.5, -1.5]),
    ([[1.5, -0.5], [0.75, 1e-3]], [-0.25, 3.0, 0.0]),
]
steps = {}
for name in RULES:
    for lr in [None, 0.5]:
        step = make_rule(name, lr)
        params = {"W": np.array(W0), "b": np.array(b0)}
        after = []
        for gW, gb in GRADS:
            step(params, {"W": np.array(gW), "b": np.array(gb)})
            after.append({"W": params["W"].tolist(), "b": params["b"].tolist()})
        steps[f"{name}@{'default' if lr is None else lr}"] = after


def bowl_gradient(x, y):
    """The exact gradient of x^2/20 + y^2."""
    return x / 10.0, 2.0 * y


def bowl_path(name, lr, start, n):
    step = make_rule(name, lr)
    params = {"x": float(start[0]), "y": float(start[1])}
    path = [[params["x"], params["y"]]]
    for _ in range(n):
        gx, gy = bowl_gradient(params["x"], params["y"])
        # 0-d arrays so that the in-place updates act on them as on the book's scalars
        p = {"x": np.array(params["x"]), "y": np.array(params["y"])}
        step(p, {"x": gx, "y": gy})
        params = {"x": float(p["x"]), "y": float(p["y"])}
        path.append([params["x"], params["y"]])
    return path


# the chapter-6 comparison: the bowl from (-7, 2), 30 steps, the book's learning rates
BOOK_LR = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.1, "adam": 0.3}
naive = {name: {"lr": BOOK_LR[name], "path": bowl_path(name, BOOK_LR[name], (-7.0, 2.0), 30)}
         for name in RULES}

# Nesterov alone: 50 steps from several starts and learning rates
nesterov = [{"start": list(start), "lr": lr, "path": bowl_path("nesterov", lr, start, 50)}
            for start in [(-7.0, 2.0), (-4.5, 3.0), (3.0, -0.5)]
            for lr in [0.01, 0.05, 0.1, 0.3]]

print(json.dumps({"initial": {"W": W0, "b": b0}, "grads": GRADS, "steps": steps, "bowl": naive,
                  "nesterov_paths": nesterov}, indent=1))
