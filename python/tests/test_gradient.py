"""gradient against finite differences of integrate and a closed form."""
import numpy as np

from conftest import rk4_factor, small_model

DT, STEPS = 0.05, 20


def loss(ctx, W, x0, b, tau, target):
    final, _, _ = ctx.integrate(W, x0, dt=DT, steps=STEPS, b=b, tau=tau)
    return 0.5 * ((final - target[:, None]) ** 2).sum(axis=0)


def test_gradients_match_central_differences(ctx):
    W, x0, b, tau = small_model()
    target = np.linspace(-0.5, 0.5, 4)
    g = ctx.gradient(W, x0, dt=DT, steps=STEPS, target=target, b=b, tau=tau)
    np.testing.assert_allclose(g["loss"], loss(ctx, W, x0, b, tau, target), rtol=1e-13)
    assert g["status"].tolist() == [0, 0, 0]
    eps = 1e-6
    for i in range(4):
        step = np.zeros_like(x0); step[i] = eps
        fd = (loss(ctx, W, x0 + step, b, tau, target) - loss(ctx, W, x0 - step, b, tau, target)) / (2 * eps)
        np.testing.assert_allclose(g["grad_x0"][i], fd, rtol=1e-6, atol=1e-9)
    for i, j in [(0, 0), (1, 3), (3, 2)]:
        step = np.zeros_like(W); step[i, j] = eps
        fd = (loss(ctx, W + step, x0, b, tau, target) - loss(ctx, W - step, x0, b, tau, target)) / (2 * eps)
        np.testing.assert_allclose(g["grad_w"][i, j], fd, rtol=1e-6, atol=1e-9)


def test_linear_decay_loss_and_gradient_in_closed_form(ctx):
    x0 = np.array([[1.0, -2.0]])
    g = ctx.gradient(np.zeros((1, 1)), x0, dt=DT, steps=STEPS, target=[0.5])
    r = rk4_factor(DT) ** STEPS
    np.testing.assert_allclose(g["loss"], 0.5 * (x0[0] * r - 0.5) ** 2, rtol=1e-13)
    np.testing.assert_allclose(g["grad_x0"][0], (x0[0] * r - 0.5) * r, rtol=1e-13)
    assert g["grad_w"].shape == (1, 1, 2)


def test_float32_gradients_agree_with_float64(ctx):
    W, x0, b, tau = small_model()
    g64 = ctx.gradient(W, x0, dt=DT, steps=STEPS, target=np.zeros(4), b=b, tau=tau)
    g32 = ctx.gradient(W, x0, dt=DT, steps=STEPS, target=np.zeros(4), b=b, tau=tau, dtype=np.float32)
    assert g32["grad_w"].dtype == np.float32
    np.testing.assert_allclose(g32["grad_w"], g64["grad_w"], rtol=1e-3, atol=1e-4)
