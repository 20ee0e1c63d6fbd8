"""NumPy reference for scratchnet's `random::numpy::RandomState`, written for this repository.

NumPy's legacy generator (`np.random` after `np.random.seed(n)`, i.e. `numpy.random.RandomState`
on MT19937) is replayed here call by call, for several seeds: `randn` runs of odd and even
length (so that the cached second normal is used across calls), `rand`, `uniform`, `randint`
and `choice` over small, large and past-32-bit ranges, `permutation`, interleavings of them,
and the generator's state (`get_state`) at a few points. Each case is a seed and a list of
calls; the Rust tests seed their own generator, make the same calls in the same order and
compare every value bit for bit. Regenerate the committed values with

    python3 tests/reference/numpy_random.py > tests/reference/numpy_random.json

(NumPy 2.4.6 wrote the committed file; the legacy stream is frozen, so any NumPy should agree.)
Floats are written by repr (shortest round-trip form) for bit-exact comparison.
"""
import json

import numpy as np

SEEDS = [0, 1, 42, 1234, 2**32 - 1]
# randint/choice bounds: no draw (1), small masks, a non power of two, MNIST's 60000, and the
# two sides of 32 bits (2**31 + 5 still takes 32-bit draws, 2**32 + 7 takes 64-bit ones)
BOUNDS = [1, 2, 3, 10, 60000, 300, 2**31 + 5, 2**32 + 7]
BIG = 60000  # permutation(60000) is summarised: its ends and a checksum
ENDS = 20


def floats(a):
    return [float(x) for x in np.ravel(a)]


def ints(a):
    return [int(x) for x in np.ravel(a)]


def summary(perm):
    """The first and last ENDS values and sum((i + 1) * p[i]), exact in Python integers."""
    perm = ints(perm)
    return {"first": perm[:ENDS], "last": perm[-ENDS:],
            "checksum": sum((i + 1) * p for i, p in enumerate(perm))}


def state(full=False):
    """`np.random.get_state()`: the key (whole, or its sum and ends), pos and the cached normal."""
    _, key, pos, has_gauss, gauss = np.random.get_state()
    out = {"op": "state", "pos": int(pos), "has_gauss": int(has_gauss), "gauss": float(gauss),
           "key_sum": int(sum(int(k) for k in key)), "key_first": ints(key[:4]),
           "key_last": ints(key[-4:])}
    if full:
        out["key"] = ints(key)
    return out


def calls_for(seed):
    """The calls made after `np.random.seed(seed)`, each with what NumPy returned."""
    np.random.seed(seed)
    calls = [state()]  # right after seeding: pos 624, nothing cached
    for n in [1, 2, 3, 10]:  # 1 leaves a normal cached, 2 uses it and caches another, ...
        calls.append({"op": "randn", "n": n, "values": floats(np.random.randn(n))})
    calls.append({"op": "rand", "n": 5, "values": floats(np.random.rand(5))})
    for low, high in [(-8.0, -4.0), (-6.0, -2.0)]:
        calls.append({"op": "uniform", "low": low, "high": high, "n": 5,
                      "values": floats(np.random.uniform(low, high, 5))})
    for n in BOUNDS:
        # one scalar call at a time, then the book's choice(n, size): the same draws
        calls.append({"op": "randint", "n": n, "values": [int(np.random.randint(n)) for _ in range(5)]})
        calls.append({"op": "choice", "n": n, "values": ints(np.random.choice(n, 5))})
    calls.append({"op": "permutation", "n": 10, "values": ints(np.random.permutation(10))})
    calls.append(dict({"op": "permutation_summary", "n": BIG}, **summary(np.random.permutation(BIG))))
    # interleaved: a cached normal survives other calls and comes out at the next randn
    calls.append({"op": "randn", "n": 1, "values": floats(np.random.randn(1))})
    calls.append({"op": "choice", "n": 60000, "values": ints(np.random.choice(60000, 3))})
    calls.append({"op": "rand", "n": 2, "values": floats(np.random.rand(2))})
    calls.append(state())  # a normal is cached here
    calls.append({"op": "randn", "n": 3, "values": floats(np.random.randn(3))})
    calls.append({"op": "randint", "n": 2**32 + 7, "values": [int(np.random.randint(2**32 + 7))]})
    calls.append({"op": "randn", "n": 1, "values": floats(np.random.randn(1))})
    calls.append(state())
    return calls


cases = [{"seed": s, "calls": calls_for(s)} for s in SEEDS]

# seed 5489 (MT19937's own default): raw 32-bit outputs, randint(2**32) being one output each,
# and the state in full in the middle of a block with a normal cached, for a restore
np.random.seed(5489)
raw = [{"op": "randint", "n": 2**32, "values": [int(np.random.randint(2**32)) for _ in range(10)]},
       {"op": "randn", "n": 1, "values": floats(np.random.randn(1))},
       state(full=True),
       {"op": "randn", "n": 4, "values": floats(np.random.randn(4))},
       {"op": "randint", "n": 60000, "values": [int(np.random.randint(60000)) for _ in range(700)]},
       state(full=True),
       {"op": "rand", "n": 3, "values": floats(np.random.rand(3))}]
cases.append({"seed": 5489, "calls": raw})

# the book's first layer, `0.01 * np.random.randn(784, 50)` after seed 0, row-major
np.random.seed(0)
w = 0.01 * np.random.randn(784, 50)
init = {"seed": 0, "scale": 0.01, "rows": 784, "cols": 50,
        "first": floats(w.ravel()[:ENDS]), "last": floats(w.ravel()[-ENDS:]),
        "sum": float(np.sum(w))}

# one call per line, so that a diff shows which call changed
lines = ["{", f' "numpy": {json.dumps(np.__version__)},', ' "cases": [']
for i, case in enumerate(cases):
    lines.append(f'  {{"seed": {case["seed"]}, "calls": [')
    lines.append(",\n".join("   " + json.dumps(c) for c in case["calls"]))
    lines.append("  ]}" + ("," if i + 1 < len(cases) else ""))
lines.append(" ],")
lines.append(f' "init": {json.dumps(init)}')
lines.append("}")
print("\n".join(lines))
