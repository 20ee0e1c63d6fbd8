"""NumPy reference for scratchnet's chapter-6 experiments, written for this repository.

`weight_init_activation_histogram`: the book's ch06/weight_init_activation_histogram.py
computation (inputs randn(1000, 100), five layers of randn(100, 100) * scale, each followed by
the activation) after np.random.seed(seed), for each activation and scale. For every layer it
records the histogram counts (30 bars over (0, 1), over (-1, 1) for tanh), the sum of the
activations and their first 5 values. Regenerate the committed values with

    python3 tests/reference/ch06_experiments.py > tests/reference/ch06_experiments.json

(NumPy 2.4.6 was used). Floats are written by repr (shortest round-trip form).
"""
import json

import numpy as np

NODES = 100


def activation_function(name):
    if name == "sigmoid":
        return lambda x: 1 / (1 + np.exp(-x))
    if name == "tanh":
        return np.tanh
    return lambda x: np.maximum(0, x)


def scale_of(init):
    if init == "xavier":
        return np.sqrt(1.0 / NODES)
    if init == "he":
        return np.sqrt(2.0 / NODES)
    return float(init)


def histogram_case(seed, activation, init):
    np.random.seed(seed)
    f = activation_function(activation)
    x = np.random.randn(1000, NODES)
    layers = []
    value_range = (-1, 1) if activation == "tanh" else (0, 1)
    for _ in range(5):
        w = np.random.randn(NODES, NODES) * scale_of(init)
        z = f(np.dot(x, w))
        counts, _ = np.histogram(z.flatten(), 30, range=value_range)
        layers.append({
            "counts": [int(c) for c in counts],
            "sum": float(z.sum()),
            "first": [float(v) for v in z.flatten()[:5]],
        })
        x = z
    return {"seed": seed, "activation": activation, "init": init, "layers": layers}


def main():
    cases = []
    for activation in ["sigmoid", "tanh", "relu"]:
        for init in ["1", "0.01", "xavier", "he"]:
            cases.append(histogram_case(0, activation, init))
    print(json.dumps({"weight_init_activation_histogram": cases}, indent=1))


if __name__ == "__main__":
    main()
