"""lyapunov against a closed form, the C example (bit for bit) and float32."""
import os
import re
import subprocess

import numpy as np
import pytest

import fastattractors as fa
from conftest import rk4_factor, small_model


def test_linear_decay_has_every_exponent_log_of_the_rk4_factor(ctx):
    n, dt, tau = 3, 0.05, 2.0
    spectrum = ctx.lyapunov(np.zeros((n, n)), np.ones((n, 2)), dt=dt, transient=1, duration=20, every=5, tau=tau)
    assert spectrum.exponents.shape == (2, n) and spectrum.errors.shape == (2, n)
    np.testing.assert_allclose(spectrum.exponents, np.log(rk4_factor(dt / tau)) / dt, rtol=1e-12)
    assert spectrum.status.tolist() == [fa.LYAPUNOV_OK] * 2


def lcg_inputs(n=10, members=4):
    """native/examples/lyapunov.c's inputs: its 64-bit LCG (top 53 bits -> [-1, 1)), W_m = g_m * base."""
    state, mask = 42, 2**64 - 1

    def uniform():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        return (state >> 11) * 2.0**-53 * 2.0 - 1.0

    base = np.array([uniform() for _ in range(n * n)]).reshape(n, n) * np.sqrt(3.0 / n)
    gains = 0.5 + 2.5 * np.arange(members) / (members - 1)
    x0 = np.array([uniform() for _ in range(n * members)]).reshape(n, members)
    return base[:, :, None] * gains, x0


def test_the_c_example_prints_the_same_digits(ctx, repository):
    program = repository / "native" / "build" / "lyapunov"
    if not program.exists():
        pytest.skip(f"{program} not built (make -C native examples)")
    env = dict(os.environ, FASTATTRACTORS_BACKEND="Simd")   # the C example asks for auto; pin the same backend
    printed = subprocess.run([str(program)], env=env, capture_output=True, text=True, check=True, timeout=120).stdout
    rows = re.findall(r"^g = \S+  status (\d) (.*)$", printed, re.MULTILINE)
    W, x0 = lcg_inputs()
    lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50.0, duration=500.0, every=10, k=3)
    assert len(rows) == 4
    for m, (code, values) in enumerate(rows):
        assert int(code) == status[m]
        ours = " ".join(f" {lam[m, i]:+.15e} (+- {err[m, i]:.1e})" for i in range(3))
        assert values.split() == ours.split(), f"member {m}"      # same Simd code, same input bits: same digits


def test_float32_agrees_with_float64_and_k_defaults_to_n(ctx):
    W, x0, b, tau = small_model()
    f64 = ctx.lyapunov(W, x0, dt=0.05, transient=5, duration=50, b=b, tau=tau)
    f32 = ctx.lyapunov(W, x0, dt=0.05, transient=5, duration=50, b=b, tau=tau, dtype=np.float32)
    assert f64.exponents.shape == (3, 4) and f32.exponents.dtype == np.float64
    np.testing.assert_allclose(f32.exponents, f64.exponents, atol=2e-3)
    assert np.all(np.diff(f64.exponents, axis=1) <= 0)                 # largest first


def test_k_beyond_n_is_the_librarys_error_naming_k(ctx):
    with pytest.raises(fa.FastAttractorsError, match=r"k: must be between 1 and n = 2, got 3") as raised:
        ctx.lyapunov(np.zeros((2, 2)), np.ones((2, 1)), dt=0.05, transient=0, duration=10, k=3)
    assert raised.value.code == 1 and raised.value.status == "FA_ERR_INVALID_ARGUMENT"
