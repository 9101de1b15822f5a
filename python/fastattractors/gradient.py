"""Exact gradients of a terminal loss by the discrete adjoint of RK4 (fa_tanh_gradient_f64 / _f32)."""
import numpy as np

from . import arrays
from ._library import check, lib
from .models import tanh_call


def gradient(context, W, x0, dt, steps, target, b=None, tau=None, dtype=np.float64):
    """L = 1/2 |x(T) - target|^2 per member after `steps` RK4 steps, and its exact gradients.

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.gradient``).
    W, x0, b, tau
        The TanhRnn ensemble, as in ``integrate``: W (n, n) or (n, n, members), x0 (n, members).
    dt : float
        The RK4 step (> 0).
    steps : int
        Number of steps, 1 ... 2**53 (the adjoint stores the trajectory: memory grows with steps).
    target : array_like, shape (n,) or (n, members)
        One target for all members, or one per member.
    dtype : {np.float64, np.float32}
        The engine's precision.

    Returns
    -------
    dict
        ``loss`` (members,), ``grad_x0`` (n, members), ``grad_w`` (n, n, members) -- per member even for a shared W
        (sum over the last axis for the gradient of the summed loss) -- and ``status`` (members,) int32: 0 ok,
        1 forward diverged, 2 gradient non-finite.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal, with its message naming the argument.
    """
    call = tanh_call(context, W, x0, b, tau, dtype)
    dt, steps = arrays.real(dt, "dt"), arrays.integer(steps, "steps", arrays.INT64)
    target = arrays.real_array(target, "target", call.dtype, [(call.n,), (call.n, call.members)])
    arrays.fits("x0", "grad_w of x0's (n, members) needs n*n*members", call.n, call.n, call.members)
    out = {"loss": np.empty(call.members, call.dtype), "grad_x0": np.empty((call.n, call.members), call.dtype),
           "grad_w": np.empty((call.n, call.n, call.members), call.dtype), "status": np.empty(call.members, np.int32)}
    function = getattr(lib, "fa_tanh_gradient_" + call.suffix)
    check(function(*call.args, dt, steps, *arrays.pointer(target), *arrays.pointer(out["loss"]),
                   *arrays.pointer(out["grad_x0"]), *arrays.pointer(out["grad_w"]), *arrays.pointer(out["status"])))
    return out
