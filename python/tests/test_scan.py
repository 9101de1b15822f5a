"""fa.scan (fa_scan_sizes and fa_scan_f64/_f32, the library's Engine.Scan): the closed forms of the rotation-block networks
below their boundary (docs/tutorials/first-scan.md) and of tanh-gain at small g, the CLI's own numbers and diagnostics
bit for bit, list and logspace axes, the general call against fa_scan_rotation_*, and argument errors."""
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
#  and after the scan moved into the library; rows 5 and 6 of lambda_1 moved by 2–4 units in the last place when the
#  plane path's exponential was inlined, and rows 5–12 of both by 1–4 units when float64 log |R_ii| became a per-block
#  product with one log per block). Simd is the conftest context's backend.
CLI_LAMBDA_1 = ["-0x1.051a5b4a6f476p-1", "-0x1.051a5b4a7091ap-1", "-0x1.7eb80c30e0398p+0", "-0x1.7eb80c30e0398p+0",
                "-0x1.2fa75e5201e4fp-3", "-0x1.3056813b2cacdp-3", "-0x1.5dc1dd079e8f2p+1", "-0x1.5dc1dd079e8f3p+1",
                "-0x1.c2f6cede8b735p-1", "-0x1.c48c666201545p-1", "-0x1.fc267aa6e8a72p+1", "-0x1.fc267aa6e8a72p+1"]
CLI_LAMBDA_2 = ["-0x1.051a5b4a77bdep-1", "-0x1.051a5b4a869fep-1", "-0x1.7eb80c30e0398p+0", "-0x1.7eb80c30e0398p+0",
                "-0x1.ae741b0d26e00p-1", "-0x1.ae76c5242d2e6p-1", "-0x1.5dc1dd079e8f3p+1", "-0x1.5dc1dd079e8f3p+1",
                "-0x1.faa6faac9d7a2p-1", "-0x1.f9116327a323ap-1", "-0x1.fc267aa6e8a72p+1", "-0x1.fc267aa6e8a72p+1"]
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
        fa.scan(ctx, alpha=(0, 1, 2), theta=(0, 1, 2), family="tanh-flow")
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


# `fastattractors scan --family tanh-gain --n 3 --axis g=logspace:0.3:1.5:3 --members 2 --seed 11 --transient 5
#  --duration 20 --backend Simd --npz`: its g, seed, lambda_1..3, contraction and sum_rule_residual columns (the
#  exponents and residuals moved by 1–2 units in the last place when float64 log |R_ii| became a per-block product).
CLI_GAIN_G = ["0x1.3333333333333p-2", "0x1.3333333333333p-2", "0x1.5775c544ff263p-1", "0x1.5775c544ff263p-1",
              "0x1.8000000000000p+0", "0x1.8000000000000p+0"]
CLI_GAIN_SEEDS = [2399275149163539965, 7872105287540227581, 7897231747639614950, 7059286059439698475,
                  5618887951153086299, 7412428532749501151]
CLI_GAIN_LAMBDA = [
    ["-0x1.705d31ecdf50ap-1", "-0x1.2e8a4cbab8522p-1", "-0x1.ae33531f19e16p-1", "-0x1.b37573829a11bp-2",
     "-0x1.0b5bbf12c077cp-1", "-0x1.ef7e76d56819dp-1"],
    ["-0x1.081a39d464a1fp+0", "-0x1.77c65088eaacbp-1", "-0x1.151281725de2bp+0", "-0x1.65af658bb86adp-1",
     "-0x1.103c2d7822fe6p+0", "-0x1.0809fc4728e93p+0"],
    ["-0x1.0f92dd10bee48p+0", "-0x1.1aee3e6213c1dp+0", "-0x1.e1f075790fd23p+0", "-0x1.53fde169e4eafp+0",
     "-0x1.1559041b5460dp+1", "-0x1.430d5c416bb59p+1"]]
CLI_GAIN_CONTRACTION = ["-0x1.67edd8b28e6dep+1", "-0x1.370b476840678p+1", "-0x1.e70e5c422648ap+1",
                        "-0x1.39d97a791cd1ep+1", "-0x1.e04e220f3f9dap+1", "-0x1.217913ac5bec6p+2"]
CLI_GAIN_RESIDUAL = ["0x1.8989ad0000000p-24", "0x1.cc9b8dc000000p-24", "0x1.80951ebc00000p-20", "0x1.f0e8ff8000000p-23",
                     "0x1.773299fb00000p-19", "0x1.79f2ed4100000p-18"]
CLI_GAIN_STATUS = [0, 0, 0, 0, 0, 2]


def hexes(values):
    return [float.fromhex(h) for h in values]


def test_tanh_gain_equals_the_cli_bit_for_bit_with_diagnostics(ctx):
    assert ctx.backend == "simd"
    out = fa.scan(ctx, family="tanh-gain", n=3, axes={"g": ("logspace", 0.3, 1.5, 3)}, members=2, seed=11,
                  transient=5, duration=20)
    assert list(out.parameters) == ["g"] and not hasattr(out, "alpha")
    assert out.g.tolist() == hexes(CLI_GAIN_G)
    assert out.seed.tolist() == CLI_GAIN_SEEDS
    assert out.exponents.shape == (6, 3)
    for column in range(3):
        assert out.exponents[:, column].tolist() == hexes(CLI_GAIN_LAMBDA[column])
    assert out.contraction.tolist() == hexes(CLI_GAIN_CONTRACTION)
    assert out.sum_rule_residual.tolist() == hexes(CLI_GAIN_RESIDUAL)
    assert out.status.tolist() == CLI_GAIN_STATUS
    np.testing.assert_array_equal(out.exponent_sum, out.exponents.sum(axis=1))
    assert out.failed_step.tolist() == [-1] * 6 and out.kaplan_yorke.tolist() == [0.0] * 6
    # The same axis as a list of its values and as (name, kind, ...) entries: the same bits.
    listed = fa.scan(ctx, family="tanh-gain", n=3, axes=[("g", "list", out.g[::2])], members=2, seed=11, transient=5,
                     duration=20)
    np.testing.assert_array_equal(listed.exponents, out.exponents)
    np.testing.assert_array_equal(listed.seed, out.seed)


def test_tanh_gain_at_small_g_decays_to_the_origin(ctx):
    # g = 0: W = 0, so dx/dt = -x and every exponent is the RK4 rate of -1. Small g: the origin stays stable, lambda_1
    # is -1 + the largest real part of W's eigenvalues (|.| <= |W| ~ 2g), and the sum rule holds (k = n).
    out = fa.scan(ctx, family="tanh-gain", n=6, axes={"g": [0.0, 0.05, 0.1]}, members=3, transient=30, duration=60)
    zero = out.g == 0
    np.testing.assert_allclose(out.exponents[zero], rk4_rate(0.0, 0.0, 0.05), rtol=0, atol=1e-6)
    assert np.all(out.exponents[:, 0] < 0)
    assert np.all(np.abs(out.exponents[:, 0] + 1) <= 3 * out.g + 1e-6)
    assert np.all(np.abs(out.sum_rule_residual) < 1e-5)
    assert np.all(out.positive_sum == 0) and np.all(out.status == fa.LYAPUNOV_OK)


def test_the_general_call_equals_the_rotation_call_bit_for_bit(ctx):
    # fa.scan goes through fa_scan_f64; fa_scan_rotation_f64 (kept for C callers) on the same grid gives the same bits.
    from fastattractors._library import lib
    out = fa.scan(ctx, alpha=(0.5, 1.8, 3), theta=(1.3, 3.0, 2), members=2, seed=5, transient=20, duration=40)
    old = [np.empty(12), np.empty(12), np.empty(12, np.int64), np.empty(24), np.empty(24), np.empty(12, np.int32)]
    code = lib.fa_scan_rotation_f64(ctx.handle, 0, 0.5, 1.8, 3, 1.3, 3.0, 2, 2, 5, 1.0, math.nan, 20.0, 40.0, 0, 0, 0,
                                    math.nan, 0, *(p for a in old for p in (a.ctypes.data, a.size)))
    assert code == 0, lib.fa_last_error()
    np.testing.assert_array_equal(out.alpha, old[0])
    np.testing.assert_array_equal(out.theta, old[1])
    np.testing.assert_array_equal(out.seed, old[2])
    np.testing.assert_array_equal(out.exponents.ravel(), old[3])
    np.testing.assert_array_equal(out.errors.ravel(), old[4])
    np.testing.assert_array_equal(out.status, old[5])
    # ... and the closed form below the boundary, through explicit axes in the other order (theta-major).
    swapped = fa.scan(ctx, axes=[("theta", (1.3, 3.0, 2)), ("alpha", "linspace", 0.5, 1.8, 3)], transient=30,
                      duration=40)
    np.testing.assert_array_equal(swapped.theta, np.repeat([1.3, 3.0], 3))
    np.testing.assert_allclose(swapped.exponents[:, 0], rk4_rate(swapped.alpha, swapped.theta, 0.05), rtol=0,
                               atol=1e-6)


def test_logspace_axes_are_numpy_geomspace(ctx):
    out = fa.scan(ctx, family="rotation-map", axes={"alpha": ("logspace", 0.1, 0.8, 4), "theta": [0.5]},
                  transient=50, duration=500)
    np.testing.assert_allclose(out.alpha, np.geomspace(0.1, 0.8, 4), rtol=1e-15, atol=0)
    assert out.alpha[-1] == 0.8
    np.testing.assert_allclose(out.exponents, np.log(out.alpha)[:, None].repeat(2, axis=1), rtol=0, atol=1e-9)
    np.testing.assert_allclose(out.sum_rule_residual, 0, atol=1e-9)


@pytest.mark.parametrize("kwargs, message", [
    (dict(axes={"alpha": (0, 1, 2)}), "axes[0].name: family 'tanh-gain' takes the axes g, not 'alpha'"),
    (dict(axes={}), "axis_count: family 'tanh-gain' takes the axes g, so 1, got 0"),
    (dict(axes={"g": ("linspace", 0.1, 1.0, 0)}), "axes[0].values: linspace count must be a whole number"),
    (dict(axes={"g": [0.5, math.nan]}), "axes[0].values: list values must be finite"),
    (dict(axes={"g": ("logspace", 0.0, 1.0, 3)}), "axes[0].values: logspace start and stop must be positive"),
    (dict(axes={"g": ("list", [])}), "axes[0].values_len: a list holds 1 to 16777216 values, got 0"),
    (dict(axes={"g": [0.5]}, n=None), "n: must be at least 1, got 0"),
    (dict(axes={"g": [0.5]}, k=5), "k: at most n = 4 exponents"),
    (dict(axes={"g": [0.5]}, connectivity=1.5), "connectivity: must be in (0, 1]"),
])
def test_general_axes_are_refused_naming_the_argument(ctx, kwargs, message):
    kwargs = dict(dict(n=4, transient=1, duration=2), **kwargs)
    with pytest.raises(fa.FastAttractorsError) as raised:
        fa.scan(ctx, family="tanh-gain", **kwargs)
    assert raised.value.message.startswith(message), raised.value.message


def test_general_axes_python_checks_name_the_argument(ctx):
    with pytest.raises(ValueError, match="family"):
        fa.scan(ctx, family="tanh", axes={"g": [1.0]}, n=2)
    with pytest.raises(ValueError, match=r"axes\['g'\] kind"):
        fa.scan(ctx, family="tanh-gain", axes={"g": ("geomspace", 0.1, 1, 3)}, n=2)
    with pytest.raises(TypeError, match=r"axes\['g'\] count"):
        fa.scan(ctx, family="tanh-gain", axes={"g": ("logspace", 0.1, 1, 2.5)}, n=2)
    with pytest.raises(fa.FastAttractorsError, match=r"axes\[1\]\.name: the axis 'alpha' is given twice"):
        fa.scan(ctx, axes={"alpha": (0, 1, 2)}, alpha=(0, 1, 2))


def test_gain_scan_example_prints_the_packages_rows(ctx, repository):
    script = repository / "python" / "examples" / "gain_scan.py"
    env = dict(os.environ, FASTATTRACTORS_BACKEND="Simd")     # the example asks for auto; pin the backend compared
    run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = fa.scan(ctx, family="tanh-gain", n=16, axes={"g": ("logspace", 0.25, 4.0, 5)}, members=2, seed=3,
                  transient=50, duration=100)
    assert run.stdout.splitlines() == [
        f"g = {g:.2f}  lambda = {l1:+.4f} {l2:+.4f}  D_KY = {ky:.2f}  sum rule {residual:+.1e}  status {s}"
        for g, (l1, l2), ky, residual, s in zip(out.g, out.exponents[:, :2], out.kaplan_yorke, out.sum_rule_residual,
                                                out.status)]
