"""Bad input to the model classes and the generic functions raises, naming the argument and showing the value:
ValueError/TypeError from the checks here, FastAttractorsError from the library (its fa_last_error message)."""
import numpy as np
import pytest

import fastattractors as fa

X3, X2 = np.ones((3, 4)), np.full((2, 4), 0.1)
W = np.zeros((3, 3))


@pytest.mark.parametrize("call, error, message", [
    (lambda c: c.integrate(fa.Lorenz(rho=np.ones(3)), X3, dt=0.01, steps=1), ValueError,
     r"rho: expected shape \(4,\) \(members,\), got \(3,\)"),
    (lambda c: c.integrate(fa.Lorenz(rho=[1.0, np.nan, 2.0, 3.0]), X3, dt=0.01, steps=1), ValueError,
     r"rho: must be finite, got nan at member 1"),
    (lambda c: c.integrate(fa.Lorenz(beta=float("inf")), X3, dt=0.01, steps=1), ValueError, r"beta: must be finite, got inf"),
    (lambda c: fa.Lorenz(sigma="ten"), TypeError, r"sigma: expected a real number, got str 'ten'"),
    (lambda c: fa.Rossler(a=np.ones(4)), ValueError, r"a: Rossler's coefficients are shared by all members"),
    (lambda c: fa.Linear(W, map="yes"), TypeError, r"map: expected True or False, got str 'yes'"),
    (lambda c: c.integrate(fa.Lorenz(), X2, dt=0.01, steps=1), ValueError, r"x0: expected shape \(3, any\) \(n, members\), got \(2, 4\)"),
    (lambda c: c.integrate(fa.Henon(a=[1.0, 2.0]), X2, steps=1), ValueError, r"a: expected shape \(4,\) \(members,\), got \(2,\)"),
    (lambda c: c.integrate(fa.Linear(np.zeros((2, 3))), X3, dt=0.1, steps=1), ValueError, r"A: expected shape \(3, 3\) or \(3, 3, 4\), got \(2, 3\)"),
    (lambda c: c.integrate(fa.ReluRnn(W, b=np.ones(5)), X3, dt=0.1, steps=1), ValueError, r"b: expected shape \(3,\) or \(3, 4\), got \(5,\)"),
    (lambda c: c.integrate(fa.Lorenz(), X3, steps=10), TypeError, r"dt: Lorenz is a flow and needs a step dt > 0, got None"),
    (lambda c: c.integrate(fa.Lorenz(), X3, dt=0.01, steps=10, method="rk5"), ValueError,
     r"method: expected one of default, rk4, euler, heun, tsit5, iterate, got 'rk5'"),
    (lambda c: c.integrate(fa.Henon(), X2, dt=0.5, steps=10), fa.FastAttractorsError,
     r"dt: FA_MODEL_HENON is a map, one step is one iteration; pass dt = 1, got 0.5"),
    (lambda c: c.integrate(fa.Henon(), X2, steps=10, method="rk4"), fa.FastAttractorsError,
     r"method: FA_MODEL_HENON is a map \(iterated\)"),
    (lambda c: c.integrate(fa.Lorenz(), X3, dt=0.01, steps=10, method="iterate"), fa.FastAttractorsError,
     r"method: FA_METHOD_ITERATE is for maps; FA_MODEL_LORENZ is a flow"),
    (lambda c: c.integrate(fa.TanhRnn(W, tau=-1.0), X3, dt=0.1, steps=1), fa.FastAttractorsError, r"'tau' must be positive, got -1"),
    (lambda c: c.integrate(fa.TanhOfLinear(W), X3, dt=-0.1, steps=1), fa.FastAttractorsError, r"dt must be positive and finite, got -0.1"),
    (lambda c: c.integrate(fa.Lorenz(), X3, dt=0.01, steps=0), fa.FastAttractorsError, r"steps: must be between 1 and 2\^53"),
    (lambda c: c.integrate(fa.TanhRnn(W), X3, dt=0.1, steps=1, b=np.ones(3)), TypeError, r"b: give it to the model"),
    (lambda c: c.gradient(fa.Lorenz(), X3, dt=0.01, steps=10), TypeError, r"target: required"),
    (lambda c: c.gradient(fa.Lorenz(), X3, dt=0.01, steps=10, target=np.ones(2)), ValueError,
     r"target: expected shape \(3,\) or \(3, 4\), got \(2,\)"),
    (lambda c: c.lyapunov(fa.Henon(), X2, duration=100, k=3), fa.FastAttractorsError, r"k: must be between 1 and n = 2, got 3"),
    (lambda c: c.lyapunov(fa.Lorenz(), X3, dt=0.01, transient=-1), fa.FastAttractorsError, r"transient: must be finite and non-negative"),
    (lambda c: c.lyapunov(fa.Lorenz(), X3, dt=0.01, every=0), fa.FastAttractorsError, r"every: must be at least 1, got 0"),
    (lambda c: c.integrate(fa.Lorenz(), X3, dt=0.01, steps=2**40, record_every=1), ValueError,
     r"record_every: the trajectory of \(steps//record_every \+ 1\)\*n\*members = 1099511627777\*3\*4"),
])
def test_bad_model_arguments_raise_naming_the_argument_and_value(ctx, call, error, message):
    with pytest.raises(error, match=message):
        call(ctx)


def test_the_original_keyword_w_still_works_and_model_or_w_is_required(ctx):
    x0 = np.ones((3, 2))
    by_keyword = ctx.integrate(W=W, x0=x0, dt=0.1, steps=3).final
    assert np.array_equal(by_keyword, ctx.integrate(fa.TanhRnn(W), x0, dt=0.1, steps=3).final)
    with pytest.raises(TypeError, match=r"W: give a model or W \(the TanhRnn weights\), not both"):
        ctx.integrate(fa.Lorenz(), x0, dt=0.1, steps=3, W=W)
    with pytest.raises(TypeError, match=r"model: required: a built-in model \(fastattractors.models\) or W"):
        ctx.lyapunov(x0=x0, dt=0.1)


def test_gradients_take_any_method_on_the_ilgpu_backends():
    # ILGPU's CPU accelerator stands for the GPU backends: their adjoint kernels read the tableau, as Reference does.
    with fa.Context("ilgpu-cpu") as ilgpu, fa.Context("reference") as ref:
        args = dict(dt=0.01, steps=5, target=np.zeros(3), method="heun")
        on_ilgpu = ilgpu.gradient(fa.Lorenz(), X3, **args)
        on_ref = ref.gradient(fa.Lorenz(), X3, **args)
        assert on_ilgpu["status"].tolist() == [0] * 4
        np.testing.assert_allclose(on_ilgpu["grad_x0"], on_ref["grad_x0"], rtol=1e-10, atol=1e-12)