"""Exact gradients of a terminal loss by the discrete adjoint of the step (fa_gradient_f64 / _f32)."""
import ctypes

import numpy as np

from . import arrays
from ._library import check, lib
from ._structs import FaParameterGradients
from ._calls import prepare, resolve, step


def gradient(context, model=None, x0=None, dt=None, steps=None, target=None, b=None, tau=None, dtype=np.float64,
             method=None, W=None):
    """L = 1/2 |x(T) - target|^2 per member after `steps` steps, and its exact gradients (discrete adjoint).

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.gradient``).
    model : Model or array_like
        A built-in model (``fastattractors.models``), or W for TanhRnn(W, b, tau) (the original signature).
    x0 : array_like, shape (n, members)
        Initial states, member axis last.
    dt : float
        The step (> 0) of a flow; maps take None or 1.
    steps : int
        Number of steps, 1 ... 2**53 (the adjoint checkpoints the trajectory, so memory grows with sqrt(steps);
        on the Simd backend it keeps every step's record instead while they fit 256 MiB, to skip the recompute).
    target : array_like, shape (n,) or (n, members)
        One target for all members, or one per member.
    b, tau : optional
        TanhRnn's bias and time constant when model is W.
    dtype : {np.float64, np.float32}
        The engine's precision.
    method : {None, "rk4", "euler", "heun", "tsit5", "iterate"}
        None: classic RK4 for flows, iteration for maps (the GPU backends differentiate classic RK4 only).
    W : array_like, optional
        The original keyword for TanhRnn's weights; give either model or W.

    Returns
    -------
    dict
        ``loss`` (members,), ``grad_x0`` (n, members), ``status`` (members,) int32 (0 ok, 1 forward diverged,
        2 gradient non-finite), and the model's parameter gradients, per member even for shared parameters (sum
        over the last axis for the gradient of the summed loss): TanhRnn ``grad_w`` (n, n, members), ``grad_b``
        (n, members), ``grad_tau`` (members,); ReluRnn ``grad_w``, ``grad_b``; TanhOfLinear ``grad_w``; Linear
        ``grad_a``, ``grad_b``; Lorenz ``grad_sigma``, ``grad_rho``, ``grad_beta``; Henon ``grad_a``, ``grad_b``
        (members,) each; Rossler none.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal, with its message naming the argument.
    """
    model = resolve(model, W, b, tau)
    dtype, n, members, native, x0, keep = prepare(context, model, x0, dtype)
    code, dt = step(model, method, dt)
    steps = arrays.integer(steps, "steps", arrays.INT64)
    if target is None:
        raise TypeError("target: required, shape (n,) or (n, members)")
    target = arrays.real_array(target, "target", dtype, [(n,), (n, members)])
    slots = model.gradient_slots(n, members)
    for slot, shape in slots.items():
        arrays.fits("x0", f"the gradient of {slot} for x0's (n, members) needs", *shape)
    grads = {slot: np.empty(shape, dtype) for slot, shape in slots.items()}
    outputs = FaParameterGradients()
    for slot, array in grads.items():
        pointer, length = arrays.pointer(array)
        setattr(outputs, slot, pointer)
        setattr(outputs, slot + "_len", length)
    loss, grad_x0, status = np.empty(members, dtype), np.empty((n, members), dtype), np.empty(members, np.int32)
    function = lib.fa_gradient_f32 if dtype == np.float32 else lib.fa_gradient_f64
    check(function(context.handle, ctypes.byref(native), *arrays.pointer(x0), code, dt, steps, *arrays.pointer(target),
                   *arrays.pointer(loss), *arrays.pointer(grad_x0), ctypes.byref(outputs), *arrays.pointer(status)))
    del keep
    return {"loss": loss, "grad_x0": grad_x0, **model.gradient_results(grads), "status": status}
