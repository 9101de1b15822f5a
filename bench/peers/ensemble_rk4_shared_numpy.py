#!/usr/bin/env python3
"""Peer baseline W2: one tanh CTRNN, many initial states, vectorised numpy (the state batch times W^T is one BLAS
matrix product per RK4 stage). dx/dt = -x + W tanh(x) + b; fixed-step RK4. Prints member-steps/s.
Same output line as ensemble_rk4_numpy.py, which draws a W per member (W1)."""
import sys, time, numpy as np
B = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
n = int(sys.argv[2]) if len(sys.argv) > 2 else 64
T = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
dtype = np.float32 if (len(sys.argv) <= 4 or sys.argv[4] == "f32") else np.float64
rng = np.random.default_rng(1)
Wt = np.ascontiguousarray((1.5 / np.sqrt(n) * rng.standard_normal((n, n))).T.astype(dtype))
b = (0.1 * rng.standard_normal(n)).astype(dtype)
x = rng.standard_normal((B, n)).astype(dtype)
dt = dtype(0.01)
def f(x):
    return -x + np.tanh(x) @ Wt + b
t0 = time.perf_counter()
for _ in range(T):
    k1 = f(x); k2 = f(x + dt / 2 * k1); k3 = f(x + dt / 2 * k2); k4 = f(x + dt * k3)
    x = x + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
el = time.perf_counter() - t0
print(f"numpy-shared B={B} n={n} T={T} {dtype.__name__}: {el:.3f} s, {B*T/el:.3e} member-steps/s, checksum {float(np.abs(x).sum()):.6f}")
