"""Errors name the argument and the bad value: ValueError/TypeError from the checks here, FastAttractorsError from
the library (with its fa_last_error message)."""
import numpy as np
import pytest

import fastattractors as fa

W, X0 = np.zeros((2, 2)), np.ones((2, 3))


@pytest.mark.parametrize("call, error, message", [
    (lambda c: c.integrate(np.zeros((3, 3)), X0, 0.05, 1), ValueError, r"W: expected shape \(2, 2\) or \(2, 2, 3\), got \(3, 3\)"),
    (lambda c: c.integrate(W, X0.astype(complex), 0.05, 1), ValueError, r"x0: expected a real array, got dtype complex128"),
    (lambda c: c.integrate(W, "abc", 0.05, 1), ValueError, r"x0: expected a real array, got dtype <U3 \('abc'\)"),
    (lambda c: c.integrate(W, np.ones(2), 0.05, 1), ValueError, r"x0: expected shape \(any, any\) \(n, members\), got \(2,\)"),
    (lambda c: c.integrate(W, X0, 0.05, 1, b=np.ones(3)), ValueError, r"b: expected shape \(2,\) or \(2, 3\), got \(3,\)"),
    (lambda c: c.integrate(W, X0, 0.05, 1, tau=[1.0, 2.0]), ValueError, r"tau: expected shape \(1,\) or \(3,\), got \(2,\)"),
    (lambda c: c.integrate(W, X0, 0.05, 1, dtype="int8"), ValueError, r"dtype: expected float64 or float32, got int8"),
    (lambda c: c.integrate(W, X0, 0.05, 1.5), TypeError, r"steps: expected an integer, got float 1.5"),
    (lambda c: c.integrate(W, X0, "0.1", 1), TypeError, r"dt: expected a real number, got str '0.1'"),
    (lambda c: c.integrate(W, X0, 0.05, 2**64), ValueError, r"steps: must be between .* got 18446744073709551616"),
    (lambda c: c.integrate(W, X0, 0.05, 10, record_every=-1), fa.FastAttractorsError, r"record_every"),
    (lambda c: c.integrate(W, X0, -1.0, 1), fa.FastAttractorsError, r"FA_ERR_INVALID_ARGUMENT: dt must be positive and finite, got -1"),
    (lambda c: c.integrate(W, X0, 0.05, 1, tau=-1.0), fa.FastAttractorsError, r"tau"),
    (lambda c: c.gradient(W, X0, 0.05, 1, target=np.ones(3)), ValueError, r"target: expected shape \(2,\) or \(2, 3\), got \(3,\)"),
    (lambda c: c.lyapunov(W, X0, 0.05, transient=0, duration=-1.0), fa.FastAttractorsError, r"duration"),
    (lambda c: c.recall(-np.ones((1, 2, 3)), np.zeros((1, 4, 3)), np.zeros((1, 3, 5)), flipped=0, trials=1), ValueError,
     r"v: expected shape \(1, 3, 4\), got \(1, 3, 5\)"),
    (lambda c: c.recall(-np.ones((1, 2, 3)), np.zeros((1, 4)), np.zeros((1, 3, 4))), ValueError,
     r"u: expected shape \(1, any, 3\) \(networks, hidden, visible\), got \(1, 4\)"),
    (lambda c: c.recall(-np.ones((1, 2, 3)), np.zeros((1, 4, 3)), np.zeros((1, 3, 4)), criterion="close"), ValueError,
     r"criterion: expected one of exact, reaches, got 'close'"),
    (lambda c: c.train_sequences(-np.ones((1, 2, 3)), hidden=4, kappa=0.0), fa.FastAttractorsError, r"(?i)kappa"),
])
def test_bad_arguments_raise_naming_argument_and_value(ctx, call, error, message):
    with pytest.raises(error, match=message):
        call(ctx)


def test_library_errors_carry_code_status_and_message(ctx):
    with pytest.raises(fa.FastAttractorsError) as raised:
        ctx.integrate(W, X0, dt=float("nan"), steps=1)
    e = raised.value
    assert (e.code, e.status) == (1, "FA_ERR_INVALID_ARGUMENT")
    assert e.message.startswith("dt") and str(e) == f"FA_ERR_INVALID_ARGUMENT: {e.message}"
    assert ctx.integrate(W, X0, dt=0.05, steps=1).status.tolist() == [0, 0, 0]   # the context still works


def test_a_closed_context_is_an_invalid_context_and_closing_twice_is_harmless():
    context = fa.Context("simd")
    context.close()
    context.close()
    assert repr(context) == "Context(closed)"
    with pytest.raises(fa.FastAttractorsError, match="FA_ERR_INVALID_CONTEXT") as raised:
        context.integrate(W, X0, dt=0.05, steps=1)
    assert raised.value.code == 2


def test_an_unknown_backend_is_refused_here_and_an_absent_one_by_the_library():
    with pytest.raises(ValueError, match=r"backend: expected one of auto, cuda, opencl, ilgpu-cpu, simd, reference, got 'tpu'"):
        fa.Context("tpu")
    try:
        fa.Context("cuda").close()          # a machine with a GPU has it
    except fa.FastAttractorsError as e:
        assert e.status == "FA_ERR_BACKEND_UNAVAILABLE" and e.message
