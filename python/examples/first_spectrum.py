"""Lyapunov spectra of a TanhRnn ensemble: one random W scaled by 8 gains g, the 3 leading exponents of each."""
import numpy as np
import fastattractors as fa

n, gains = 20, np.linspace(0.5, 3.0, 8)
rng = np.random.default_rng(1)
W = rng.standard_normal((n, n, 1)) / np.sqrt(n) * gains      # (n, n, members): member m is gains[m] * w0
x0 = rng.standard_normal((n, gains.size))                    # the member axis is last
with fa.Context() as ctx:
    lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50, duration=500, k=3)
for g, row, e, s in zip(gains, lam, err, status):
    print(f"g = {g:.2f}  status {s}  " + "  ".join(f"{x:+.4f} (+- {d:.0e})" for x, d in zip(row, e)))
