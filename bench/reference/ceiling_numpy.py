"""This machine's matrix-multiply ceiling: the best GFLOP/s of NumPy's product (OpenBLAS, all
cores) on 2048 x 2048 squares, in float32 and float64. One JSON line each, as bench/run.sh reads.

    python3 ceiling_numpy.py
"""
import json
import time

import numpy as np

N = 2048
for dtype in ("float32", "float64"):
    a = np.random.default_rng(0).standard_normal((N, N)).astype(dtype)
    b = np.random.default_rng(1).standard_normal((N, N)).astype(dtype)
    a @ b  # warm up: threads started, pages touched
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"ceiling": f"{N}x{N} @ {N}x{N} (NumPy)", "dtype": dtype.replace("float", "f"),
                      "gflops": 2 * N**3 / best / 1e9}))
