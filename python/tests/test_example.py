"""python/examples/first_spectrum.py runs and prints what the package computes for its inputs."""
import os
import subprocess
import sys

import numpy as np

import fastattractors as fa


def test_first_spectrum_prints_the_packages_spectra(ctx, repository):
    script = repository / "python" / "examples" / "first_spectrum.py"
    env = dict(os.environ, FASTATTRACTORS_BACKEND="Simd")     # the example asks for auto; pin the backend compared
    run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 8

    n, gains = 20, np.linspace(0.5, 3.0, 8)
    rng = np.random.default_rng(1)
    W = rng.standard_normal((n, n, 1)) / np.sqrt(n) * gains
    x0 = rng.standard_normal((n, gains.size))
    lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50, duration=500, k=3)
    for line, g, row, e, s in zip(lines, gains, lam, err, status):
        assert line == f"g = {g:.2f}  status {s}  " + "  ".join(f"{x:+.4f} (+- {d:.0e})" for x, d in zip(row, e))
    assert lam[0, 0] < -0.3 and np.all(status == 0)   # g = 0.5: every member decays to the origin
