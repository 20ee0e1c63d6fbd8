"""NumPy reference for scratchnet's chapter-4 golden values, written for this repository.

Each function computes the book's formula with NumPy, performing the floating-point operations
in the order the book's code performs them (its common/functions.py, common/gradient.py and the
ch04 scripts), so that the values printed here are the book's numbers: they were checked equal to
the book's own files, run outside this repository. Run it from the repository root:

    python3 tests/reference/ch04.py > tests/reference/ch04.json

Floats are written by Python's repr (shortest round-trip form), so the Rust tests can compare
bit for bit where the order of floating-point operations is the book's.
"""
import json

import numpy as np

H = 1e-4  # the book's h for central differences


# --- activations, output and losses (chapters 3 and 4) -------------------------------------
def step(a):
    return (a > 0).astype(int)


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def sigmoid_slope(a):
    s = sigmoid(a)
    return (1.0 - s) * s


def relu(a):
    return np.maximum(0, a)


def softmax(a):
    # shift by the row maximum first, so that exp cannot overflow
    shifted = a - a.max(axis=-1, keepdims=True)
    return np.exp(shifted) / np.exp(shifted).sum(axis=-1, keepdims=True)


def half_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def cross_entropy(y, t):
    y2, t2 = np.atleast_2d(y), np.atleast_2d(t)
    labels = t2.argmax(axis=1) if t2.size == y2.size else t2.ravel()
    n = y2.shape[0]
    picked = y2[np.arange(n), labels]
    return -np.sum(np.log(picked + 1e-7)) / n


# --- numerical differentiation --------------------------------------------------------------
def central_difference(f, x):
    return (f(x + H) - f(x - H)) / (2 * H)


def partial_derivatives(f, x):
    """Central difference along each coordinate of x in turn; x is restored after each."""
    out = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        kept = x[i]
        x[i] = float(kept) + H
        up = f(x)
        x[i] = kept - H
        down = f(x)
        out[i] = (up - down) / (2 * H)
        x[i] = kept
    return out


# --- the chapter's examples -----------------------------------------------------------------
def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    return x[0] ** 2 + x[1] ** 2


def tangent(f, x0):
    slope = central_difference(f, x0)
    intercept = f(x0) - slope * x0
    return lambda x: slope * x + intercept


def descend(f, x, lr, steps):
    """Gradient descent from x (updated in place); returns x and the points before each step."""
    visited = []
    for _ in range(steps):
        visited.append(x.copy())
        x -= lr * partial_derivatives(f, x)
    return x, np.array(visited)


def simple_net_scores(W, x):
    return np.dot(x, W)


def simple_net_loss(W, x, t):
    return cross_entropy(softmax(simple_net_scores(W, x)), t)


def floats(a):
    return np.asarray(a, dtype=float).tolist()


out = {}

xs = np.array([-2.0, -1.0, -1e-9, 0.0, 1e-9, 0.5, 1.0, 3.0])
out["activations"] = {
    "x": floats(xs),
    "step": np.asarray(step(xs)).tolist(),
    "sigmoid": floats(sigmoid(xs)),
    "sigmoid_grad": floats(sigmoid_slope(xs)),
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
    "sse_t2": float(half_squared_error(y, t2)),
    "sse_y7_t2": float(half_squared_error(y7, t2)),
    "cee_t2": float(cross_entropy(y, t2)),
    "cee_y7_t2": float(cross_entropy(y7, t2)),
    "batch_y": floats(yb),
    "batch_t": tb.tolist(),
    "cee_batch": float(cross_entropy(yb, tb)),
    "cee_batch_onehot": float(cross_entropy(yb, np.eye(10)[tb])),
}

out["numerical_diff"] = {
    "function_1_at_5": central_difference(function_1, 5.0),
    "function_1_at_10": central_difference(function_1, 10.0),
    "tangent_at_5": {"t": [0.0, 10.0, 20.0],
                     "y": [tangent(function_1, 5.0)(t) for t in [0.0, 10.0, 20.0]]},
}

grads = {}
for p in [[3.0, 4.0], [0.0, 2.0], [3.0, 0.0], [-1.75, 0.25]]:
    grads[str(p)] = floats(partial_derivatives(function_2, np.array(p)))
out["numerical_gradient_function_2"] = grads

runs = []
for init, lr in [([-3.0, 4.0], 0.1), ([3.0, -4.0], 0.1), ([3.0, -2.0], 0.1), ([-3.0, 2.0], 0.1),
                 ([-3.0, 4.0], 10.0), ([-3.0, 4.0], 1e-10)]:
    x, hist = descend(function_2, np.array(init), lr, 100)
    runs.append({"init": init, "lr": lr, "steps": 100, "final": floats(x),
                 "history": floats(np.vstack([hist, x]))})
out["gradient_descent_function_2"] = runs

# gradient_2d.py's picture: the gradient of x0^2 + x1^2 on the grid arange(-2, 2.5, 0.25) in
# both coordinates (18 values, -2 to 2.25), points listed as meshgrid flattens them
axis = np.arange(-2, 2.5, 0.25)
X0, X1 = np.meshgrid(axis, axis)
grid = np.array([X0.flatten(), X1.flatten()]).T
field = np.array([partial_derivatives(function_2, point.copy()) for point in grid])
out["gradient_field_function_2"] = {"axis": floats(axis), "points": floats(grid),
                                    "gradients": floats(field)}

x = np.array([0.6, 0.9])
t = np.array([0, 0, 1])
nets = []
for W in [
    # the learner's notebook, In [20]
    [[-1.24665088, 1.27077001, -0.60729709], [-0.28559133, 0.11076715, 0.15251487]],
    # the book's printed example in section 4.4.2
    [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]],
]:
    W = np.array(W)
    p = simple_net_scores(W, x)
    dW = partial_derivatives(lambda w: simple_net_loss(w, x, t), W)
    nets.append({"W": W.tolist(), "x": floats(x), "t": 2, "p": floats(p), "y": floats(softmax(p)),
                 "loss": float(simple_net_loss(W, x, t)), "dW": floats(dW)})
out["simplenet"] = nets

print(json.dumps(out, indent=1))
