"""NumPy reference for scratchnet's chapter-6 layers and network, written for this repository.

It computes, on fixed small inputs (no randomness: every number comes from np.arange,
np.linspace or a formula of them, and the Dropout draws are a fixed list of uniforms written
into the output), what the book's chapter 6 computes:

- Batch Normalization alone: a training pass (the batch's mean and variance, the running
  statistics moved with momentum 0.9), its backward pass, and a test pass by the updated running
  statistics;
- the extended multi-layer network (Affine, Batch Normalization, activation, Dropout per hidden
  layer; a last Affine; softmax with the cross-entropy error; weight decay 0.5 * lambda * sum(W^2)
  over every W): the loss of a test pass, the scores of a test pass, and the loss, the gradient
  (dW + lambda * W for the weights) and the new running statistics of a training pass whose
  Dropout masks are `u > ratio` for the listed uniforms, one layer after the other, row by row.

The floating-point operations of Batch Normalization are written in the order the book performs
them (sums over the batch are row after row in NumPy and in ndarray), so the Rust tests compare
that layer bit for bit; the network goes through matrix products (BLAS here, matrixmultiply in
Rust) and pairwise sums, so it is compared with a tolerance. Regenerate the committed values with

    ~/.cache/scratchnet/bench-venv/bin/python tests/reference/ch06_layers.py \
        > tests/reference/ch06_layers.json

Floats are written by repr (shortest round-trip form).
"""
import json

import numpy as np

EPS = 10e-7  # under the square root of Batch Normalization: 1e-6, written as the book writes it
MOMENTUM = 0.9
DELTA = 1e-7  # inside the log of the cross-entropy error


# --- Batch Normalization ------------------------------------------------------------------
def normalize_batch(x, gamma, beta, run_mean, run_var):
    """A training pass: returns (out, what the backward pass needs, new mean, new variance)."""
    n = x.shape[0]
    mean = x.sum(axis=0) / n
    centered = x - mean
    variance = (centered * centered).sum(axis=0) / n
    spread = np.sqrt(variance + EPS)
    normed = centered / spread
    new_mean = MOMENTUM * run_mean + (1 - MOMENTUM) * mean
    new_var = MOMENTUM * run_var + (1 - MOMENTUM) * variance
    saved = {"xc": centered, "xn": normed, "std": spread, "gamma": gamma}
    return gamma * normed + beta, saved, new_mean, new_var


def normalize_by_running(x, gamma, beta, run_mean, run_var):
    """A test pass."""
    return gamma * ((x - run_mean) / np.sqrt(run_var + EPS)) + beta


def normalize_batch_back(dout, saved):
    """(dx, dgamma, dbeta), step by step back through the training pass."""
    n = dout.shape[0]
    xc, xn, spread = saved["xc"], saved["xn"], saved["std"]
    dbeta = dout.sum(axis=0)
    dgamma = (xn * dout).sum(axis=0)
    d_normed = saved["gamma"] * dout
    d_centered = d_normed / spread
    d_spread = -((d_normed * xc) / (spread * spread)).sum(axis=0)
    d_variance = 0.5 * d_spread / spread
    d_centered += (2.0 / n) * xc * d_variance
    d_mean = d_centered.sum(axis=0)
    return d_centered - d_mean / n, dgamma, dbeta


# --- the network ---------------------------------------------------------------------------
def activate(kind, a):
    if kind == "relu":
        return np.maximum(a, 0.0)
    return 1.0 / (1.0 + np.exp(-a))


def activate_back(kind, out, dout):
    if kind == "relu":
        return np.where(out > 0.0, dout, 0.0)
    return dout * (1.0 - out) * out


def scores_and_tape(net, x, train, uniforms):
    """The scores, and for a training pass the tape of what each step needs to go back."""
    tape = []
    h = x
    draws = iter(uniforms)
    hidden = len(net["W"]) - 1
    for i in range(hidden):
        a = h @ net["W"][i] + net["b"][i]
        tape.append(("affine", i, h))
        if net["batch_norm"]:
            bn = net["bn"][i]
            if train:
                a, saved, bn["mean"], bn["var"] = normalize_batch(
                    a, bn["gamma"], bn["beta"], bn["mean"], bn["var"])
                tape.append(("batch_norm", i, saved))
            else:
                a = normalize_by_running(a, bn["gamma"], bn["beta"], bn["mean"], bn["var"])
        h = activate(net["activation"], a)
        tape.append(("activation", i, h))
        ratio = net["dropout"]
        if ratio is not None:
            if train:
                keep = np.array([next(draws) for _ in range(h.size)]).reshape(h.shape) > ratio
                h = h * keep
                tape.append(("dropout", i, keep))
            else:
                h = h * (1.0 - ratio)
    tape.append(("affine", hidden, h))
    return h @ net["W"][hidden] + net["b"][hidden], tape


def decay_term(net):
    total = 0
    for w in net["W"]:
        total += 0.5 * net["lambda"] * np.sum(w ** 2)
    return total


def loss_of(net, scores, t):
    shifted = scores - scores.max(axis=1, keepdims=True)
    y = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    n = scores.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + DELTA)) / n + decay_term(net), y


def training_step(net, x, t, uniforms):
    """The loss of a training pass and the gradient of every parameter, by name."""
    scores, tape = scores_and_tape(net, x, True, uniforms)
    loss, y = loss_of(net, scores, t)
    n = x.shape[0]
    d = y.copy()
    d[np.arange(n), t] -= 1
    d = d / n
    grads = {}
    for kind, i, kept in reversed(tape):
        if kind == "affine":
            grads[f"W{i + 1}"] = kept.T @ d + net["lambda"] * net["W"][i]
            grads[f"b{i + 1}"] = d.sum(axis=0)
            d = d @ net["W"][i].T
        elif kind == "batch_norm":
            d, grads[f"gamma{i + 1}"], grads[f"beta{i + 1}"] = normalize_batch_back(d, kept)
        elif kind == "activation":
            d = activate_back(net["activation"], kept, d)
        else:
            d = d * kept
    return loss, grads


def grid(rows, cols, start, stop):
    return np.linspace(start, stop, rows * cols).reshape(rows, cols)


def make_net(sizes, activation, batch_norm, dropout, lam):
    net = {"activation": activation, "batch_norm": batch_norm, "dropout": dropout,
           "lambda": lam, "W": [], "b": [], "bn": []}
    for i, (d, h) in enumerate(zip(sizes[:-1], sizes[1:])):
        k = np.arange(d * h, dtype=float)
        net["W"].append((np.cos(1.3 * k + i) * (1.5 / np.sqrt(d))).reshape(d, h))
        net["b"].append(np.linspace(-0.2, 0.3, h) * (i + 1))
        if batch_norm and i < len(sizes) - 2:
            net["bn"].append({"gamma": np.linspace(0.5, 1.5, h), "beta": np.linspace(0.2, -0.1, h),
                              "mean": np.linspace(-0.1, 0.2, h), "var": np.linspace(0.5, 1.2, h)})
    return net


def as_json(net):
    return {"activation": net["activation"], "batch_norm": net["batch_norm"],
            "dropout": net["dropout"], "lambda": net["lambda"],
            "W": [w.tolist() for w in net["W"]], "b": [b.tolist() for b in net["b"]],
            "bn": [{k: v.tolist() for k, v in bn.items()} for bn in net["bn"]]}


# --- Batch Normalization on a 4 x 3 batch ---------------------------------------------------
x = grid(4, 3, -1.5, 2.0) ** 2 - np.arange(12.0).reshape(4, 3) * 0.25
gamma, beta = np.array([1.5, -0.5, 0.8]), np.array([0.1, 0.2, -0.3])
run_mean, run_var = np.array([0.3, -0.2, 0.1]), np.array([1.0, 0.5, 2.0])
dout = grid(4, 3, 1.0, -0.6) * np.array([1.0, -2.0, 0.5])
out, saved, new_mean, new_var = normalize_batch(x, gamma, beta, run_mean, run_var)
dx, dgamma, dbeta = normalize_batch_back(dout, saved)
batch_norm = {
    "x": x.tolist(), "gamma": gamma.tolist(), "beta": beta.tolist(),
    "running_mean": run_mean.tolist(), "running_var": run_var.tolist(), "dout": dout.tolist(),
    "out": out.tolist(), "new_running_mean": new_mean.tolist(),
    "new_running_var": new_var.tolist(), "dx": dx.tolist(), "dgamma": dgamma.tolist(),
    "dbeta": dbeta.tolist(),
    "test_out": normalize_by_running(x, gamma, beta, new_mean, new_var).tolist(),
}

# --- the extended network: 4 -> 5 -> 3 -> 3 on a batch of 4 --------------------------------
x = grid(4, 4, 0.0, 1.0) * np.array([1.0, -0.5, 2.0, 0.25])
t = [2, 0, 1, 2]
cases = []
for activation, use_bn, dropout, lam in [("relu", True, 0.3, 0.1), ("sigmoid", True, None, 0.05),
                                         ("relu", False, 0.25, 0.0)]:
    net = make_net([4, 5, 3, 3], activation, use_bn, dropout, lam)
    start = as_json(net)
    draws = 4 * (5 + 3) if dropout is not None else 0
    # uniforms spread over [0, 1) in a scrambled order: 11 is coprime with 32
    uniforms = [((11 * k) % max(draws, 1) + 0.5) / max(draws, 1) for k in range(draws)]
    test_scores, _ = scores_and_tape(net, x, False, [])
    test_loss, _ = loss_of(net, test_scores, t)
    loss, grads = training_step(net, x, t, uniforms)
    cases.append({
        "net": start, "uniforms": uniforms, "test_scores": test_scores.tolist(),
        "test_loss": float(test_loss), "train_loss": float(loss),
        "grads": {k: v.tolist() for k, v in grads.items()},
        "new_running": [{"mean": bn["mean"].tolist(), "var": bn["var"].tolist()}
                        for bn in net["bn"]],
    })

print(json.dumps({"batch_norm": batch_norm, "network": {"x": x.tolist(), "t": t,
                                                      "cases": cases}}, indent=1))
