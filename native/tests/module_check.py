#!/usr/bin/python3
"""Exercises every function of the Python package (python/fastattractors) and prints the inputs and results as JSON, for
tests/FastAttractors.Native.Tests/PythonModuleTests.cs to compare with the managed API (and its error handling)."""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import fastattractors as fa  # noqa: E402

n, members = 3, 4
i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
W = ((i * 7 + j * 3) % 11 - 5) / 4.0                        # shared (n, n); binary fractions, exact in float32 too
x0 = (np.arange(n * members).reshape(n, members) % 5 - 2) / 2.0
b = np.arange(n) / 8.0
rng = np.random.default_rng(11)
patterns = np.where(rng.random((2, 5, 8)) < 0.5, -1, 1).astype(np.int8)   # 2 networks, T = 5, N = 8
out = {"n": n, "members": members, "W": W.ravel().tolist(), "x0": x0.ravel().tolist(), "b": b.tolist(), "tau": 2.0,
       "patterns": patterns.ravel().tolist()}


def fails(call):
    try:
        call()
    except (fa.FastAttractorsError, ValueError, TypeError) as e:
        return {"type": type(e).__name__, "code": getattr(e, "code", None), "message": str(e)}
    return None


with fa.Context("simd") as ctx:
    out["backend"] = ctx.backend
    for dtype, name in ((np.float64, "f64"), (np.float32, "f32")):
        final, status, trajectory = ctx.integrate(W, x0, dt=0.05, steps=20, b=b, tau=2.0, record_every=5, dtype=dtype)
        out["integrate_" + name] = {"final": final.ravel().tolist(), "trajectory": trajectory.ravel().tolist(),
                                    "status": status.tolist(), "dtype": str(final.dtype)}
        g = ctx.gradient(W, x0, dt=0.05, steps=20, target=np.ones(n), b=b, tau=2.0, dtype=dtype)
        out["gradient_" + name] = {key: value.ravel().tolist() for key, value in g.items()}
        lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=1, duration=20, every=5, b=b, tau=2.0, dtype=dtype)
        out["lyapunov_" + name] = {"exponents": lam.ravel().tolist(), "errors": err.ravel().tolist(), "status": status.tolist()}
    trained = ctx.train_sequences(patterns, hidden=24, kappa=1.0, eta=1.0 / 16, max_epochs=500, seed=3)
    out["train"] = {"u": trained["u"].ravel().tolist(), "v": trained["v"].ravel().tolist(),
                    "epochs": trained["epochs"].tolist(), "converged": trained["converged"].tolist()}
    out["recall"] = ctx.recall(patterns, trained["u"], trained["v"], flipped=1, trials=4, seed=5).ravel().tolist()
    out["errors"] = {
        "shape": fails(lambda: ctx.integrate(np.zeros((n + 1, n + 1)), x0, dt=0.05, steps=1)),
        "dtype": fails(lambda: ctx.integrate(W, x0.astype(str), dt=0.05, steps=1)),
        "library": fails(lambda: ctx.integrate(W, x0, dt=-1.0, steps=1)),
        "k": fails(lambda: ctx.lyapunov(W, x0, dt=0.05, transient=1, duration=10, k=n + 1)),
        # Float patterns were cast to int8 (1.7 -> 1, 255 -> -1) and trained on.
        "patterns_fraction": fails(lambda: ctx.train_sequences(np.where(patterns == 1, 1.7, -1.0), hidden=4)),
        "patterns_255": fails(lambda: ctx.recall(np.where(patterns == 1, 255, -1), trained["u"], trained["v"])),
        # ctypes wrapped 2**32 + 4 to 4 hidden neurons; a huge count allocated before the library could refuse it.
        "hidden_wraps": fails(lambda: ctx.train_sequences(patterns, hidden=2**32 + 4)),
        "hidden_huge": fails(lambda: ctx.train_sequences(patterns, hidden=2**31 - 1)),
        "steps_int64_max": fails(lambda: ctx.gradient(W, x0, dt=0.05, steps=2**63 - 1, target=np.ones(n))),
        "trajectory_huge": fails(lambda: ctx.integrate(W, x0, dt=0.05, steps=2**40, record_every=1)),
    }
# The ILGPU kernels run inside the embedded runtime too (on ILGPU's CPU accelerator here).
with fa.Context("ilgpu-cpu") as ilgpu:
    final, status, _ = ilgpu.integrate(W, x0, dt=0.05, steps=20, b=b, tau=2.0)
    out["integrate_ilgpu"] = {"backend": ilgpu.backend, "final": final.ravel().tolist(), "status": status.tolist()}
out["errors"]["closed"] = fails(lambda: ctx.backend)
out["errors"]["backend"] = fails(lambda: fa.Context("tpu"))
print(json.dumps(out))
