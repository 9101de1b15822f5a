"""Lyapunov spectra of random tanh networks dx/dt = -x + tanh(W x) over a logspace of the gain g, with diagnostics."""
import fastattractors as fa

with fa.Context() as ctx:
    out = fa.scan(ctx, family="tanh-gain", n=16, axes={"g": ("logspace", 0.25, 4.0, 5)}, members=2, seed=3,
                  transient=50, duration=100)
for g, (l1, l2), ky, residual, s in zip(out.g, out.exponents[:, :2], out.kaplan_yorke, out.sum_rule_residual,
                                        out.status):
    print(f"g = {g:.2f}  lambda = {l1:+.4f} {l2:+.4f}  D_KY = {ky:.2f}  sum rule {residual:+.1e}  status {s}")
