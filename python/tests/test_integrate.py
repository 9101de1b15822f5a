"""integrate against closed forms, its own trajectory and layout conversions."""
import numpy as np
import pytest

import fastattractors as fa
from conftest import rk4_factor, small_model


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-14), (np.float32, 2e-6)])
def test_linear_decay_is_rk4s_factor_to_the_power_of_steps(ctx, dtype, rtol):
    n, members, dt, steps = 3, 5, 0.05, 40
    x0 = np.arange(n * members, dtype=float).reshape(n, members) - 7
    tau = np.linspace(0.5, 2.5, members)
    final, status, trajectory = ctx.integrate(np.zeros((n, n)), x0, dt=dt, steps=steps, tau=tau, dtype=dtype)
    assert final.dtype == dtype and final.shape == (n, members) and trajectory is None
    np.testing.assert_allclose(final, x0 * rk4_factor(dt / tau) ** steps, rtol=rtol, atol=0)
    assert status.tolist() == [0] * members


def test_bias_only_converges_to_the_bias(ctx):
    final, _, _ = ctx.integrate(np.zeros((2, 2)), np.zeros((2, 1)), dt=0.1, steps=2000, b=[0.25, -0.5])
    np.testing.assert_allclose(final[:, 0], [0.25, -0.5], rtol=1e-12)


def test_trajectory_frames_start_at_x0_and_end_at_the_final_state(ctx):
    W, x0, b, tau = small_model()
    final, status, trajectory = ctx.integrate(W, x0, dt=0.02, steps=30, b=b, tau=tau, record_every=10)
    assert trajectory.shape == (4, 4, 3)
    assert np.array_equal(trajectory[0], x0) and np.array_equal(trajectory[-1], final)
    # Recording changes nothing: the same run without frames gives the same bits.
    again, _, _ = ctx.integrate(W, x0, dt=0.02, steps=30, b=b, tau=tau)
    assert np.array_equal(again, final)


def test_non_contiguous_and_integer_inputs_are_copied_not_misread(ctx):
    W, x0, b, tau = small_model()
    expected, _, _ = ctx.integrate(W, x0, dt=0.05, steps=20, b=b, tau=tau)
    got, _, _ = ctx.integrate(np.asfortranarray(W), np.asfortranarray(x0), dt=0.05, steps=20, b=b, tau=tau)
    assert np.array_equal(got, expected)
    wide = np.zeros((4, 8)); wide[:, ::2] = x0[:, [0, 1, 2, 0]]     # a strided view, member 3 = member 0
    shared = W[:, :, 0]
    got, _, _ = ctx.integrate(shared, wide[:, ::2], dt=0.05, steps=20, b=b)
    assert np.array_equal(got[:, 3], got[:, 0])
    ints, _, _ = ctx.integrate(np.zeros((2, 2), int), np.ones((2, 1), int), dt=0.05, steps=1)
    np.testing.assert_allclose(ints, rk4_factor(0.05), rtol=1e-15)


def test_the_module_function_is_the_method(ctx):
    W, x0, b, tau = small_model()
    assert np.array_equal(fa.integrate(ctx, W, x0, 0.05, 10)[0], ctx.integrate(W, x0, 0.05, 10)[0])


def test_a_member_that_overflows_is_flagged_and_frozen_finite(ctx):
    # dt = 100 on dx/dt = -x multiplies x by ~4e6 per step: member 1 overflows, member 0 (x0 = 0) stays 0.
    final, status, _ = ctx.integrate(np.zeros((1, 1)), [[0.0, 1.0]], dt=100.0, steps=200)
    assert status.tolist() == [0, 1]
    assert np.all(np.isfinite(final)) and final[0, 0] == 0
