"""Reads a scratchnet model file with Python's safetensors package, as a NumPy user would.

    pip install numpy safetensors
    python3 tests/reference/safetensors_check.py > tests/reference/safetensors_check.json

Prints, for each tensor, its dtype, shape, first values and sum, and the file's metadata;
tests/safetensors_interop.rs compares them with what scratchnet wrote.
"""
import json
import os

from safetensors import safe_open
from safetensors.numpy import load_file

path = os.path.join(os.path.dirname(__file__), "twolayer_784_4_10.safetensors")
tensors = load_file(path)
assert sorted(tensors) == ["W1", "W2", "b1", "b2"], sorted(tensors)
with safe_open(path, framework="numpy") as f:
    metadata = f.metadata()

# the network's forward pass works on the loaded arrays as they are
W1, b1, W2, b2 = (tensors[k] for k in ["W1", "b1", "W2", "b2"])
x = [[0.5] * 784]
scores = (1 / (1 + __import__("numpy").exp(-(__import__("numpy").array(x) @ W1 + b1)))) @ W2 + b2
assert scores.shape == (1, 10)

print(json.dumps({
    "tensors": {
        name: {
            "dtype": str(t.dtype),
            "shape": list(t.shape),
            "first": t.reshape(-1)[:5].tolist(),
            "sum": float(t.sum()),
        }
        for name, t in sorted(tensors.items())
    },
    "metadata": metadata,
}, indent=1, sort_keys=True))
