"""Every built-in model through the generic functions: Simd against the float64 Reference backend, closed forms and
known exponents, shared against per-member parameters, finite differences for gradients, and the original TanhRnn
signature against TanhRnn(...). (native/tests/models_check.py compares the same calls with the C# API bit for bit.)"""
import numpy as np
import pytest

import fastattractors as fa

RNG = np.random.default_rng(7)
N, MEMBERS = 3, 4
W = RNG.standard_normal((N, N)) * 0.8 / np.sqrt(N)
W_PER_MEMBER = RNG.standard_normal((N, N, MEMBERS)) * 0.8 / np.sqrt(N)
B = np.array([0.3, -0.2, 0.25])          # non-zero: keeps ReluRnn's fixed point off relu's kink


def cases():
    """(model, x0, dt) for every built-in: dt None for the maps."""
    small = 0.1 * RNG.standard_normal((N, MEMBERS))
    return [
        (fa.TanhRnn(W_PER_MEMBER, b=B, tau=np.linspace(0.5, 2.0, MEMBERS)), small, 0.05),
        (fa.ReluRnn(W, b=B), small, 0.05),
        (fa.TanhOfLinear(W_PER_MEMBER), small, 0.05),
        (fa.TanhOfLinear(0.9 * W, map=True), small, None),
        (fa.Linear(W - np.eye(N), b=B), small, 0.05),
        (fa.Linear(0.5 * W_PER_MEMBER, b=B, map=True), small, None),
        (fa.Lorenz(rho=np.linspace(10.0, 20.0, MEMBERS)), np.ones((3, MEMBERS)), 0.01),
        (fa.Henon(a=np.linspace(0.2, 0.9, MEMBERS)), np.full((2, MEMBERS), 0.1), None),
        (fa.Rossler(a=0.1, b=0.1, c=4.0), np.ones((3, MEMBERS)), 0.02),
    ]


CASES = cases()
IDS = [f"{type(m).__name__}{'-map' if m.is_map else ''}" for m, _, _ in CASES]


@pytest.fixture(scope="module")
def reference():
    with fa.Context("reference") as context:
        yield context


@pytest.mark.parametrize("model, x0, dt", CASES, ids=IDS)
def test_integrate_on_simd_matches_the_float64_reference(ctx, reference, model, x0, dt):
    got = ctx.integrate(model, x0, dt=dt, steps=200, record_every=50)
    want = reference.integrate(model, x0, dt=dt, steps=200, record_every=50)
    assert got.trajectory.shape == (5, x0.shape[0], MEMBERS) and got.status.tolist() == [0] * MEMBERS
    assert np.array_equal(got.trajectory[0], x0) and np.array_equal(got.trajectory[-1], got.final)
    # Same method, other summation order and vector tanh: agreement to rounding, amplified a little by 200 steps.
    np.testing.assert_allclose(got.final, want.final, rtol=1e-9, atol=1e-12)
    single = ctx.integrate(model, x0, dt=dt, steps=200, dtype=np.float32)
    assert single.final.dtype == np.float32
    np.testing.assert_allclose(single.final, want.final, rtol=2e-3, atol=1e-4)


@pytest.mark.parametrize("model, x0, dt", CASES, ids=IDS)
def test_lyapunov_on_simd_matches_the_reference_within_its_standard_errors(ctx, reference, model, x0, dt):
    span = {"transient": 20, "duration": 200} if dt else {"transient": 100, "duration": 2000}
    got = ctx.lyapunov(model, x0, dt=dt, **span)
    want = reference.lyapunov(model, x0, dt=dt, **span)
    n = x0.shape[0]
    assert got.exponents.shape == (MEMBERS, n) and got.errors.shape == (MEMBERS, n)
    assert np.all(np.diff(got.exponents, axis=1) <= 0)                       # largest first
    # The same trajectory and tangents in another summation order: equal to far below the statistical error.
    np.testing.assert_allclose(got.exponents, want.exponents, atol=1e-6 + 4 * want.errors.max())
    # Full spectrum: the sum rule holds, and the diagnostics are what the C# LyapunovSpectra reports.
    assert np.all(np.abs(got.sum_rule_residual) < 1e-6 + 0.05 * np.abs(got.contraction))
    np.testing.assert_allclose(got.positive_sum, np.where(got.exponents > 0, got.exponents, 0).sum(axis=1))
    assert got.failed_step.tolist() == [-1] * MEMBERS and got.blocks == 10
    assert got.accumulation_time >= span["duration"] - (dt or 1) * 10


@pytest.mark.parametrize("model, x0, dt", CASES, ids=IDS)
def test_gradient_on_simd_matches_the_reference_and_finite_differences_of_x0(ctx, reference, model, x0, dt):
    n = x0.shape[0]
    target = np.linspace(-0.5, 0.5, n)
    got = ctx.gradient(model, x0, dt=dt, steps=40, target=target)
    want = reference.gradient(model, x0, dt=dt, steps=40, target=target)
    assert got.keys() == want.keys() and got["status"].tolist() == [0] * MEMBERS
    for key in got:
        np.testing.assert_allclose(got[key], want[key], rtol=1e-8, atol=1e-10, err_msg=key)
    # dL/dx0[0] by central differences on the Reference backend (each member's loss depends on its own x0 only).
    h = 1e-6
    up, down = x0.copy(), x0.copy()
    up[0] += h
    down[0] -= h
    loss = lambda start: reference.gradient(model, start, dt=dt, steps=40, target=target)["loss"]
    np.testing.assert_allclose(got["grad_x0"][0], (loss(up) - loss(down)) / (2 * h), rtol=1e-5, atol=1e-7)


def test_parameter_gradients_match_finite_differences(reference):
    x0, target = np.ones((3, 2)), np.zeros(3)
    rho = np.array([12.0, 18.0])
    g = reference.gradient(fa.Lorenz(rho=rho), x0, dt=0.01, steps=50, target=target)
    h = 1e-6
    loss = lambda r: reference.gradient(fa.Lorenz(rho=r), x0, dt=0.01, steps=50, target=target)["loss"]
    np.testing.assert_allclose(g["grad_rho"], (loss(rho + h) - loss(rho - h)) / (2 * h), rtol=1e-5)
    a = np.array([0.5, 1.0])
    g = reference.gradient(fa.Henon(a=a), np.full((2, 2), 0.1), steps=5, target=np.zeros(2))
    loss = lambda v: reference.gradient(fa.Henon(a=v), np.full((2, 2), 0.1), steps=5, target=np.zeros(2))["loss"]
    np.testing.assert_allclose(g["grad_a"], (loss(a + h) - loss(a - h)) / (2 * h), rtol=1e-6)
    A = W - np.eye(3)
    g = reference.gradient(fa.Linear(A, b=B), x0, dt=0.05, steps=20, target=target)
    bump = np.zeros((3, 3)); bump[1, 2] = h
    loss = lambda m: reference.gradient(fa.Linear(m, b=B), x0, dt=0.05, steps=20, target=target)["loss"]
    np.testing.assert_allclose(g["grad_a"][1, 2], (loss(A + bump) - loss(A - bump)) / (2 * h), rtol=1e-6)


def test_linear_flow_exponents_are_the_real_parts_of_the_eigenvalues(ctx):
    A = np.array([[-0.1, 1.0, 0.0], [-1.0, -0.1, 0.0], [0.0, 0.0, -0.5]])     # eigenvalues -0.1 +- i, -0.5
    spectrum = ctx.lyapunov(fa.Linear(A), np.ones((3, 2)), dt=0.01, transient=10, duration=400)
    np.testing.assert_allclose(spectrum.exponents, [[-0.1, -0.1, -0.5]] * 2, atol=2e-3)
    np.testing.assert_allclose(spectrum.contraction, np.trace(A), rtol=1e-9)


def test_linear_map_exponents_are_log_moduli_of_the_eigenvalues(ctx):
    A = np.diag([0.9, -0.5, 0.2])
    spectrum = ctx.lyapunov(fa.Linear(A, map=True), np.ones((3, 1)), transient=10, duration=500)
    np.testing.assert_allclose(spectrum.exponents[0], np.log([0.9, 0.5, 0.2]), rtol=1e-7)   # rounding of 500 log sums


def test_lorenz_and_henon_have_their_known_largest_exponents(ctx):
    lorenz = ctx.lyapunov(fa.Lorenz(), np.ones((3, 1)), dt=0.01, transient=50, duration=1000)
    assert abs(lorenz.exponents[0, 0] - 0.9056) < 0.05, lorenz.exponents
    assert abs(lorenz.exponents[0, 1]) < 0.05 and abs(lorenz.exponents[0, 2] + 14.57) < 0.1
    assert abs(lorenz.kaplan_yorke[0] - 2.062) < 0.01
    henon = ctx.lyapunov(fa.Henon(), np.full((2, 1), 0.1), transient=1000, duration=100000)
    assert abs(henon.exponents[0, 0] - 0.4192) < 0.01 and abs(henon.exponents[0].sum() - np.log(0.3)) < 1e-9


def test_per_member_coefficients_give_each_member_the_shared_run(ctx):
    rho = np.array([15.0, 28.0, 35.0])
    together = ctx.integrate(fa.Lorenz(rho=rho), np.ones((3, 3)), dt=0.01, steps=300).final
    for m, r in enumerate(rho):
        alone = ctx.integrate(fa.Lorenz(rho=r), np.ones((3, 1)), dt=0.01, steps=300).final
        np.testing.assert_array_equal(together[:, m], alone[:, 0])


def test_the_original_tanh_signature_is_tanh_rnn(ctx):
    W4, b4 = W_PER_MEMBER, B
    x0 = RNG.standard_normal((N, MEMBERS))
    a = ctx.integrate(W4, x0, 0.05, 30, b=b4, tau=1.5)
    c = ctx.integrate(fa.TanhRnn(W4, b=b4, tau=1.5), x0, dt=0.05, steps=30)
    assert np.array_equal(a.final, c.final)
    g = ctx.gradient(W4, x0, 0.05, 30, target=np.zeros(N), b=b4)
    h = ctx.gradient(fa.TanhRnn(W4, b=b4), x0, dt=0.05, steps=30, target=np.zeros(N))
    assert all(np.array_equal(g[k], h[k]) for k in ("loss", "grad_x0", "grad_w", "grad_b", "grad_tau"))


@pytest.mark.parametrize("method", ["euler", "heun", "tsit5"])
def test_other_methods_agree_with_rk4_to_their_order(ctx, reference, method):
    model, x0 = fa.Linear(W - np.eye(N)), np.ones((N, 1))
    rk4 = reference.integrate(model, x0, dt=0.001, steps=1000).final
    got = ctx.integrate(model, x0, dt=0.001, steps=1000, method=method).final
    # Global errors O(dt^p) over unit time: Euler 1e-3, Heun 1e-6, Tsit5 (order 5) at rounding.
    np.testing.assert_allclose(got, rk4, rtol=0, atol={"euler": 2e-3, "heun": 2e-6, "tsit5": 1e-10}[method])
    np.testing.assert_allclose(got, reference.integrate(model, x0, dt=0.001, steps=1000, method=method).final, rtol=1e-12)


@pytest.mark.parametrize("cls", [fa.TanhRnn, fa.ReluRnn, fa.TanhOfLinear, fa.Linear, fa.Lorenz, fa.Henon, fa.Rossler])
def test_every_model_class_documents_its_equation_and_gradients(cls):
    import pydoc
    text = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    assert ("dx/dt" in text or "<-" in text or "system" in text) and "radient" in text, text


@pytest.fixture(scope="module")
def ilgpu():
    with fa.Context("ilgpu-cpu") as context:     # the ILGPU kernels the GPU backends run, on ILGPU's CPU accelerator
        yield context


@pytest.mark.parametrize("model, x0, dt", CASES, ids=IDS)
def test_the_ilgpu_kernels_match_the_reference_for_every_model(ilgpu, reference, model, x0, dt):
    got = ilgpu.integrate(model, x0, dt=dt, steps=100)
    np.testing.assert_allclose(got.final, reference.integrate(model, x0, dt=dt, steps=100).final, rtol=1e-9, atol=1e-12)
    g = ilgpu.gradient(model, x0, dt=dt, steps=20, target=np.zeros(x0.shape[0]))
    want = reference.gradient(model, x0, dt=dt, steps=20, target=np.zeros(x0.shape[0]))
    for key in want:
        np.testing.assert_allclose(g[key], want[key], rtol=1e-8, atol=1e-10, err_msg=key)
