#!/usr/bin/python3
"""Runs every built-in model through the Python package (fastattractors.models + integrate, lyapunov, gradient) on
Simd in float64 and float32, and prints the inputs (in the fa_model layout) and results as JSON, for
tests/FastAttractors.Native.Tests/PythonModelTests.cs to compare with the managed API bit for bit."""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import fastattractors as fa  # noqa: E402

MEMBERS = 4


def sixteenths(shape, seed, scale=1.0, shift=0.0):
    """Binary fractions (exact in float32 too), from a fixed sequence."""
    k = np.arange(int(np.prod(shape))) + seed
    return (shift + scale * (((k * 37 + 11) % 17 - 8) / 16.0)).reshape(shape)


W = sixteenths((3, 3), 0)
W_PER_MEMBER = sixteenths((3, 3, MEMBERS), 5)
B = sixteenths((3,), 2, 0.5)
X3, X2, ONES = sixteenths((3, MEMBERS), 1, 0.5), sixteenths((2, MEMBERS), 4, 0.25), sixteenths((3, MEMBERS), 1, 1, 1)
TAU = sixteenths((MEMBERS,), 3, 0.5, 1.0)
RHO = np.array([14.0, 16.0, 18.0, 20.0])

# (name, model, fa_model arrays as the library reads them, x0)
CASES = [
    ("TanhRnn", fa.TanhRnn(W_PER_MEMBER, b=B, tau=TAU), {"kind": 1, "w": W_PER_MEMBER, "b": B, "tau": TAU}, X3),
    ("ReluRnn", fa.ReluRnn(W, b=B), {"kind": 2, "w": W, "b": B}, X3),
    ("TanhOfLinear", fa.TanhOfLinear(W_PER_MEMBER), {"kind": 3, "w": W_PER_MEMBER}, X3),
    ("TanhOfLinearMap", fa.TanhOfLinear(W, map=True), {"kind": 4, "w": W}, X3),
    ("Linear", fa.Linear(W, b=B), {"kind": 5, "w": W, "b": B}, X3),
    ("LinearMap", fa.Linear(W_PER_MEMBER, b=B, map=True), {"kind": 6, "w": W_PER_MEMBER, "b": B}, X3),
    ("Lorenz", fa.Lorenz(rho=RHO, beta=2.5), {"kind": 7, "coefficients": np.stack([np.full(4, 10.0), RHO, np.full(4, 2.5)])}, ONES),
    ("Henon", fa.Henon(a=1.25, b=0.25), {"kind": 8, "coefficients": np.array([1.25, 0.25])}, X2),
    ("Rossler", fa.Rossler(), {"kind": 9}, ONES),
]


def flat(value):
    """A list of floats; non-finite ones (a singular map's exponent is -inf) as the strings .NET parses."""
    if value is None:
        return None
    names = {np.inf: "Infinity", -np.inf: "-Infinity"}
    return [v if np.isfinite(v) else ("NaN" if np.isnan(v) else names[v])
            for v in np.asarray(value, dtype=float).ravel().tolist()]


out = {"members": MEMBERS, "cases": []}
with fa.Context("simd") as ctx:
    for name, model, native, x0 in CASES:
        dt = None if model.is_map else 1.0 / 64
        case = {"name": name, "map": model.is_map, "n": x0.shape[0], "x0": flat(x0),
                **{key: (value if key == "kind" else flat(value)) for key, value in native.items()}}
        for dtype, suffix in ((np.float64, "f64"), (np.float32, "f32")):
            r = ctx.integrate(model, x0, dt=dt, steps=40, record_every=10, dtype=dtype)
            case["integrate_" + suffix] = {"final": flat(r.final), "trajectory": flat(r.trajectory), "status": r.status.tolist()}
            span = {"transient": 20, "duration": 200} if model.is_map else {"transient": 1, "duration": 8}
            s = ctx.lyapunov(model, x0, dt=dt, every=4, dtype=dtype, **span)
            case["lyapunov_" + suffix] = {"exponents": flat(s.exponents), "errors": flat(s.errors), "status": s.status.tolist(),
                                         "kaplan_yorke": flat(s.kaplan_yorke), "contraction": flat(s.contraction),
                                         "sum_rule_residual": flat(s.sum_rule_residual), "positive_sum": flat(s.positive_sum),
                                         "accumulation_time": s.accumulation_time, **span}
            g = ctx.gradient(model, x0, dt=dt, steps=16, target=sixteenths((x0.shape[0],), 9, 0.5), dtype=dtype)
            case["gradient_" + suffix] = {key: flat(value) for key, value in g.items()}
        case["target"] = flat(sixteenths((x0.shape[0],), 9, 0.5))
        out["cases"].append(case)
print(json.dumps(out, allow_nan=False))
