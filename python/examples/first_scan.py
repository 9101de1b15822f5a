"""Lyapunov spectra over an alpha x theta grid of the rotation-block flow dx/dt = -x + tanh(alpha R(theta) x)."""
import math

import fastattractors as fa

with fa.Context() as ctx:
    out = fa.scan(ctx, alpha=(0.0, 3.0, 4), theta=(0.0, math.pi, 3), transient=100, duration=200)
for a, t, (l1, l2), s in zip(out.alpha, out.theta, out.exponents, out.status):
    print(f"alpha = {a:.2f}  theta = {t:.2f}  lambda = {l1:+.4f} {l2:+.4f}  status {s}")
