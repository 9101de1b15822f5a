"""RK4 integration of TanhRnn ensembles (fa_tanh_integrate_f64 / _f32)."""
from collections import namedtuple

import numpy as np

from . import arrays
from ._library import check, lib
from .models import tanh_call

Integration = namedtuple("Integration", "final status trajectory")
Integration.__doc__ = """integrate's result (unpacks as final, status, trajectory).

final : ndarray (n, members)
    The states at step `steps`.
status : ndarray of int32 (members,)
    0 ok, 1 went non-finite (frozen at its last finite state).
trajectory : ndarray (steps // record_every + 1, n, members) or None
    Frames at steps 0, r, 2r, ... when record_every = r > 0."""


def integrate(context, W, x0, dt, steps, b=None, tau=None, record_every=0, dtype=np.float64):
    """Integrates tau dx/dt = -x + W tanh(x) + b for every member with RK4.

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.integrate``).
    W : array_like, shape (n, n) or (n, n, members)
        Shared or per-member weights.
    x0 : array_like, shape (n, members)
        Initial states, member axis last.
    dt : float
        The RK4 step (> 0).
    steps : int
        Number of steps, 1 ... 2**53.
    b : array_like, shape (n,) or (n, members), optional
        Bias (default 0).
    tau : float or array_like, shape (members,), optional
        Time constant (default 1).
    record_every : int, default 0
        0: final states only; r > 0: also the frames at steps 0, r, 2r, ...
    dtype : {np.float64, np.float32}
        The engine's precision; inputs are converted (copied) to it.

    Returns
    -------
    Integration
        (final (n, members), status (members,), trajectory or None); see ``Integration``.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal (e.g. dt <= 0), with its message naming the argument.
    """
    call = tanh_call(context, W, x0, b, tau, dtype)
    dt, steps = arrays.real(dt, "dt"), arrays.integer(steps, "steps", arrays.INT64)
    record_every = arrays.integer(record_every, "record_every")
    final = np.empty((call.n, call.members), call.dtype)
    status = np.empty(call.members, np.int32)
    trajectory = None
    if record_every > 0:
        # Sizes the library rejects (steps < 1, ...) still get an array, so its message, not numpy's, reports them.
        frames = max(steps // record_every + 1, 0)
        arrays.fits("record_every", "the trajectory of (steps//record_every + 1)*n*members", frames, call.n, call.members)
        trajectory = np.empty((frames, call.n, call.members), call.dtype)
    function = getattr(lib, "fa_tanh_integrate_" + call.suffix)
    check(function(*call.args, dt, steps, record_every, *arrays.pointer(trajectory), *arrays.pointer(final),
                   *arrays.pointer(status)))
    return Integration(final, status, trajectory)
