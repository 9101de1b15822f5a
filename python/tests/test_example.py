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


def run_example(repository, name):
    script = repository / "python" / "examples" / name
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_models_tour_prints_what_the_package_computes(ctx, repository):
    """docs/how-to/embed-from-python.md includes this file: its last line is the linear flow's loss and the shapes."""
    out = run_example(repository, "models_tour.py")
    with fa.Context("simd") as simd:
        g = simd.gradient(fa.Linear(-np.eye(2), b=[0.5, 0.0]), np.ones((2, 3)), dt=0.05, steps=100, target=np.zeros(2))
        spectrum = simd.lyapunov(fa.Lorenz(rho=np.linspace(20, 35, 16)), np.ones((3, 16)), dt=0.01, transient=50,
                                 duration=500)
    assert out.splitlines()[-1] == f"{g['loss']} (2, 2, 3) (2, 3)"
    assert np.all(spectrum.exponents[-4:, 0] > 0.8)             # rho >= 31: chaotic, lambda1 near Lorenz's 0.9
    assert np.all(spectrum.exponents[:4, 0] < 0)                # rho <= 23: settles on a fixed point
    assert np.array2string(spectrum.exponents[:, 0]).splitlines()[0] in out


def test_degeneracy_example_prints_its_conditions_and_tables(repository):
    """docs/how-to/embed-from-python.md includes this file: four conditions, 16 networks, 4 × 6 pairs within the
    conditions and 6 × 16 across them, two exponents of each kind."""
    lines = run_example(repository, "degeneracy_study.py").splitlines()
    assert lines[0] == "[(8, 'none'), (8, 'l1:1e-3'), (16, 'none'), (16, 'l1:1e-3')]"
    assert "24 96" in lines
    try:
        import pandas  # noqa: F401
        assert lines[-1] == "(16, 29) (120, 13)"
    except ImportError:
        pass
