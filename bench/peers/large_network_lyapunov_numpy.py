#!/usr/bin/env python3
"""Peer baseline W6 (CPU size): leading k Lyapunov exponents of one dense TanhRnn (g = 4, zero diagonal, tau = 1) by
the QR method, the same work as FastAttractors' LargeNetworkLyapunov: RK4 dt 0.1 on state and n x k tangents jointly
(each stage's tangent slope is J(X_s) V_s with J V = -V + W (d * V), d = 1 - tanh^2 X_s), thin QR (np.linalg.qr,
LAPACK Householder) every 5 steps, log|R_ii| summed in float64. One BLAS GEMM per stage: W @ [d*V | tanh X].
usage: large_network_lyapunov_numpy.py [n=1024] [k=64] [duration=200] [f32|f64]"""
import sys, time, numpy as np
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
k = int(sys.argv[2]) if len(sys.argv) > 2 else 64
T = float(sys.argv[3]) if len(sys.argv) > 3 else 200.0
dtype = np.float32 if (len(sys.argv) <= 4 or sys.argv[4] == "f32") else np.float64
dt, every, g = 0.1, 5, 4.0
rng = np.random.default_rng(6)
W = (g / np.sqrt(n) * rng.standard_normal((n, n)))
np.fill_diagonal(W, 0.0)
W = np.ascontiguousarray(W.astype(dtype))
x = rng.standard_normal(n).astype(dtype)
Q, _ = np.linalg.qr(rng.standard_normal((n, k)))
Q = Q.astype(dtype)
steps = int(round(T / dt))
h = dtype(dt)

def stage(X, V):
    th = np.tanh(X)
    d = 1 - th * th
    U = np.empty((n, k + 1), dtype=dtype)
    U[:, :k] = d[:, None] * V
    U[:, k] = th
    P = W @ U
    return P[:, k] - X, P[:, :k] - V

logs = np.zeros(k)
t0 = time.perf_counter()
for s in range(steps):
    k1x, k1q = stage(x, Q)
    k2x, k2q = stage(x + h / 2 * k1x, Q + h / 2 * k1q)
    k3x, k3q = stage(x + h / 2 * k2x, Q + h / 2 * k2q)
    k4x, k4q = stage(x + h * k3x, Q + h * k3q)
    x = x + h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x)
    Q = Q + h / 6 * (k1q + 2 * k2q + 2 * k3q + k4q)
    if (s + 1) % every == 0:
        Q, R = np.linalg.qr(Q)
        logs += np.log(np.abs(np.diag(R)).astype(np.float64))
el = time.perf_counter() - t0
lam = np.sort(logs / (steps * dt))[::-1]
flops = steps * 8.0 * n * n * (k + 1)
print(f"numpy-lyapunov n={n} k={k} T={T} {dtype.__name__}: {el:.3f} s, {flops / el / 1e9:.1f} GEMM GFLOP/s, "
      f"lambda1 {lam[0]:.4f}, lambdak {lam[-1]:.4f}")
