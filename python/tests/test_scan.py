"""fa.scan (fa_scan_rotation_*, the library's Engine.Scan): the closed forms of the rotation-block networks below
their boundary (docs/tutorials/first-scan.md), the CLI's own numbers bit for bit, and argument errors."""
import math
import os
import subprocess
import sys

import numpy as np
import pytest

import fastattractors as fa


def rk4_rate(alpha, theta, dt):
    """log |RK4 factor| / dt of the linearisation -I + alpha R(theta) at the origin: a scaled rotation, whose QR
    diagonal grows by exactly that factor per step (both exponents equal it)."""
    z = dt * (-1 + alpha * np.exp(1j * theta))
    return np.log(np.abs(1 + z + z**2 / 2 + z**3 / 6 + z**4 / 24)) / dt


def test_flow_exponents_are_minus_one_plus_alpha_cos_theta_below_the_boundary(ctx):
    # alpha cos(theta) < 1 everywhere: the origin is a stable focus and x decays to ~1e-7 in the transient, so both
    # exponents are the RK4 rate of the linearisation (1e-6) and -1 + alpha cos(theta) to O(dt^4) (1e-4).
    out = fa.scan(ctx, alpha=(0.5, 1.8, 3), theta=(1.3, 3.0, 3), members=2, transient=30, duration=40)
    assert out.exponents.shape == (18, 2) and out.status.shape == (18,)
    assert np.all(-1 + out.alpha * np.cos(out.theta) < -0.3)
    for column in range(2):
        np.testing.assert_allclose(out.exponents[:, column], rk4_rate(out.alpha, out.theta, 0.05), rtol=0, atol=1e-6)
        np.testing.assert_allclose(out.exponents[:, column], -1 + out.alpha * np.cos(out.theta), rtol=0, atol=1e-4)
    assert np.all(out.status == fa.LYAPUNOV_OK)


def test_map_exponents_are_log_alpha_below_one(ctx):
    # J(0) = alpha R(theta) exactly: every iteration adds log alpha to each log |R_ii| once x has decayed.
    out = fa.scan(ctx, family="rotation-map", alpha=(0.2, 0.85, 3), theta=(0.3, 2.9, 3), transient=200, duration=2000)
    np.testing.assert_allclose(out.exponents, np.log(out.alpha)[:, None].repeat(2, axis=1), rtol=0, atol=1e-9)


def test_rows_run_alpha_major_then_theta_then_member(ctx):
    out = fa.scan(ctx, alpha=(0.0, 1.0, 2), theta=(0.0, math.pi, 3), members=2, transient=1, duration=2, k=1)
    assert out.exponents.shape == (12, 1)
    np.testing.assert_array_equal(out.alpha, np.repeat([0.0, 1.0], 6))
    np.testing.assert_array_equal(out.theta, np.tile(np.repeat(np.linspace(0, math.pi, 3), 2), 2))
    assert len(set(out.seed.tolist())) == 12


# `fastattractors scan --family rotation-flow --axis alpha=linspace:0.5:3:3 --axis theta=linspace:0.2:3:2 --members 2
#  --seed 7 --transient 20 --duration 40 --backend Simd --npz`: its lambda_1, lambda_2 and seed columns (the same before
#  and after the scan moved into the library). Simd is the conftest context's backend.
CLI_LAMBDA_1 = ["-0x1.051a5b4a6f476p-1", "-0x1.051a5b4a7091ap-1", "-0x1.7eb80c30e0398p+0", "-0x1.7eb80c30e0398p+0",
                "-0x1.2fa75e5201e48p-3", "-0x1.3056813b2cac6p-3", "-0x1.5dc1dd079e8f4p+1", "-0x1.5dc1dd079e8f2p+1",
                "-0x1.c2f6cede8b735p-1", "-0x1.c48c666201546p-1", "-0x1.fc267aa6e8a6ep+1", "-0x1.fc267aa6e8a6ep+1"]
CLI_LAMBDA_2 = ["-0x1.051a5b4a77bdep-1", "-0x1.051a5b4a869fep-1", "-0x1.7eb80c30e0398p+0", "-0x1.7eb80c30e0398p+0",
                "-0x1.ae741b0d26e00p-1", "-0x1.ae76c5242d2e6p-1", "-0x1.5dc1dd079e8f5p+1", "-0x1.5dc1dd079e8f3p+1",
                "-0x1.faa6faac9d7a2p-1", "-0x1.f9116327a3238p-1", "-0x1.fc267aa6e8a6ep+1", "-0x1.fc267aa6e8a6ep+1"]
CLI_SEEDS = [298695719421566994, 4735232528148928618, 6009461059154396529, 8205585895737317876, 6901408656249673647,
             7895415390704842655, 1056995291373131080, 8259006645038352591, 1793126116346599052, 4745014811581545010,
             2831842494950620972, 1519929886764667350]


def test_python_scan_equals_the_cli_bit_for_bit(ctx):
    assert ctx.backend == "simd"
    out = fa.scan(ctx, alpha=(0.5, 3, 3), theta=(0.2, 3, 2), members=2, seed=7, transient=20, duration=40)
    assert out.exponents[:, 0].tolist() == [float.fromhex(h) for h in CLI_LAMBDA_1]
    assert out.exponents[:, 1].tolist() == [float.fromhex(h) for h in CLI_LAMBDA_2]
    assert out.seed.tolist() == CLI_SEEDS
    # The chunk is the unit of work only: chunks of 5 rows give the same bits.
    again = fa.scan(ctx, alpha=(0.5, 3, 3), theta=(0.2, 3, 2), members=2, seed=7, transient=20, duration=40, chunk=5)
    np.testing.assert_array_equal(again.exponents, out.exponents)


def test_float32_stays_near_float64(ctx):
    kwargs = dict(alpha=(0.5, 1.8, 2), theta=(1.3, 3.0, 2), transient=20, duration=40)
    np.testing.assert_allclose(fa.scan(ctx, dtype=np.float32, **kwargs).exponents, fa.scan(ctx, **kwargs).exponents,
                               rtol=0, atol=1e-4)


@pytest.mark.parametrize("kwargs, message", [
    (dict(family="rotation-map", dt=0.1), "dt: rotation-map is iterated"),
    (dict(k=3), "k: the rotation-block networks are 2-D"),
    (dict(duration=0.5), "duration:"),
    (dict(members=0), "members: must be at least 1"),
])
def test_the_library_refuses_naming_the_argument(ctx, kwargs, message):
    with pytest.raises(fa.FastAttractorsError) as raised:
        fa.scan(ctx, alpha=(0.5, 1.0, 2), theta=(0.1, 0.2, 2), **kwargs)
    assert raised.value.message.startswith(message), raised.value.message


def test_python_checks_name_the_argument(ctx):
    with pytest.raises(ValueError, match="family"):
        fa.scan(ctx, alpha=(0, 1, 2), theta=(0, 1, 2), family="tanh-gain")
    with pytest.raises(ValueError, match="alpha"):
        fa.scan(ctx, alpha=(0, 1), theta=(0, 1, 2))
    with pytest.raises(TypeError, match="theta count"):
        fa.scan(ctx, alpha=(0, 1, 2), theta=(0, 1, 2.5))


def test_first_scan_example_prints_the_packages_rows(ctx, repository):
    script = repository / "python" / "examples" / "first_scan.py"
    env = dict(os.environ, FASTATTRACTORS_BACKEND="Simd")     # the example asks for auto; pin the backend compared
    run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = fa.scan(ctx, alpha=(0.0, 3.0, 4), theta=(0.0, math.pi, 3), transient=100, duration=200)
    assert run.stdout.splitlines() == [f"alpha = {a:.2f}  theta = {t:.2f}  lambda = {l1:+.4f} {l2:+.4f}  status {s}"
                                       for a, t, (l1, l2), s in zip(out.alpha, out.theta, out.exponents, out.status)]


def test_the_c_function_checks_every_size_before_running(ctx):
    # fa_scan_rotation_f64 called directly with small buffers: each bad size is refused naming its argument, before
    # anything of the grid's size is allocated (2^30 x 2^30 rows would need 2^63 bytes).
    from fastattractors._library import lib
    buffers = [np.empty(4), np.empty(4), np.empty(4, np.int64), np.empty(8), np.empty(8), np.empty(4, np.int32)]

    def call(alpha_count=2, theta_count=2, members=1, lengths=(4, 4, 4, 8, 8, 4), pointers=None):
        pointers = pointers or [b.ctypes.data for b in buffers]
        args = [a for p, n in zip(pointers, lengths) for a in (p, n)]
        code = lib.fa_scan_rotation_f64(ctx.handle, 0, 0.5, 1.0, alpha_count, 0.1, 0.2, theta_count, members, 1, 1.0,
                                        math.nan, 1.0, 2.0, 0, 0, 0, math.nan, 0, *args)
        return code, lib.fa_last_error().decode()

    assert call() == (0, "")
    code, message = call(alpha_count=2**30, theta_count=2**30)
    assert code == 1 and message.startswith("members: the rows are alpha_count·theta_count·members"), message
    code, message = call(lengths=(4, 4, 4, 7, 8, 4))
    assert code == 1 and message.startswith("exponents_len: expected rows·k = 4·2 = 8, got 7"), message
    code, message = call(pointers=[buffers[0].ctypes.data, None] + [b.ctypes.data for b in buffers[2:]])
    assert code == 1 and message.startswith("theta: NULL pointer"), message
    code, message = call(alpha_count=0)
    assert code == 1 and message.startswith("alpha_count: must be at least 1"), message
