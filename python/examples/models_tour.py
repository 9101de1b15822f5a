"""Built-in models from Python: a Lorenz rho sweep's spectra, a Henon map iterated, and a linear flow's gradients."""
import numpy as np
import fastattractors as fa

with fa.Context("simd") as ctx:
    rho = np.linspace(20, 35, 16)                                   # one Lorenz system per member
    spectrum = ctx.lyapunov(fa.Lorenz(rho=rho), np.ones((3, 16)), dt=0.01, transient=50, duration=500)
    print(spectrum.exponents[:, 0], spectrum.kaplan_yorke)          # (members, k) and (members,)
    henon = ctx.integrate(fa.Henon(a=1.4, b=0.3), np.full((2, 4), 0.1), steps=1000)
    g = ctx.gradient(fa.Linear(-np.eye(2), b=[0.5, 0.0]), np.ones((2, 3)), dt=0.05, steps=100, target=np.zeros(2))
    print(g["loss"], g["grad_a"].shape, g["grad_b"].shape)          # (3,), (2, 2, 3), (2, 3)
