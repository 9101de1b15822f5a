#!/usr/bin/python3
"""A gain scan of tanh networks from Python: the largest Lyapunov exponent and |x(T)| as the gain g grows.

    make -C native && /usr/bin/python3 native/examples/scan.py [--dump DIR]

--dump DIR also writes the inputs (w.f64, x0.f64: raw float64, C order) so a test can rerun them through the managed API.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import fastattractors as fa  # noqa: E402

n, members = 32, 8
rng = np.random.default_rng(7)
w0 = rng.standard_normal((n, n)) / np.sqrt(n)                  # entries of variance 1/n
gains = np.linspace(0.5, 4.0, members)
W = w0[:, :, None] * gains                                     # (n, n, members): member m has W = g_m * w0
x0 = rng.standard_normal((n, members))                         # member axis last (member-fastest layout)

with fa.Context() as ctx:
    lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50, duration=400, k=2)
    final, _, _ = ctx.integrate(W, x0, dt=0.05, steps=2000)
    print(f"FastAttractors {fa.version()} on {ctx.backend}: n = {n}, {members} gains")
    print("      g   lambda1 (+- se)            lambda2           |x(T)|")
    for m, g in enumerate(gains):
        print(f"{g:7.4f}  {lam[m, 0]:+.15e} ({err[m, 0]:.1e})  {lam[m, 1]:+.15e}  {np.linalg.norm(final[:, m]):.15e}")

if len(sys.argv) == 3 and sys.argv[1] == "--dump":
    W.tofile(os.path.join(sys.argv[2], "w.f64"))
    x0.tofile(os.path.join(sys.argv[2], "x0.f64"))
