"""Integration of any built-in model's ensembles (fa_integrate_f64 / _f32): Runge-Kutta for flows, iteration for maps."""
import ctypes
from collections import namedtuple

import numpy as np

from . import arrays
from ._library import check, lib
from ._calls import prepare, resolve, step

Integration = namedtuple("Integration", "final status trajectory")
Integration.__doc__ = """integrate's result (unpacks as final, status, trajectory).

final : ndarray (n, members)
    The states at step `steps`.
status : ndarray of int32 (members,)
    0 ok, 1 went non-finite (frozen at its last finite state).
trajectory : ndarray (steps // record_every + 1, n, members) or None
    Frames at steps 0, r, 2r, ... when record_every = r > 0."""


def integrate(context, model=None, x0=None, dt=None, steps=None, b=None, tau=None, record_every=0, dtype=np.float64,
              method=None, W=None):
    """Integrates (flows) or iterates (maps) every member of an ensemble for `steps` steps.

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.integrate``).
    model : Model or array_like
        A built-in model (``fastattractors.models``: TanhRnn, ReluRnn, TanhOfLinear, Linear, Lorenz, Henon,
        Rossler), or W, shape (n, n) or (n, n, members), for TanhRnn(W, b, tau) (the original signature).
    x0 : array_like, shape (n, members)
        Initial states, member axis last.
    dt : float
        The step (> 0) of a flow; maps take None or 1 (one iteration per step).
    steps : int
        Number of steps, 1 ... 2**53.
    b, tau : optional
        TanhRnn's bias and time constant when model is W (give them to the Model otherwise).
    record_every : int, default 0
        0: final states only; r > 0: also the frames at steps 0, r, 2r, ...
    dtype : {np.float64, np.float32}
        The engine's precision; inputs are converted (copied) to it.
    method : {None, "rk4", "euler", "heun", "tsit5", "iterate"}
        None: classic RK4 for flows, iteration for maps.
    W : array_like, optional
        The original keyword for TanhRnn's weights (``integrate(W=..., x0=...)``); give either model or W.

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
    model = resolve(model, W, b, tau)
    dtype, n, members, native, x0, keep = prepare(context, model, x0, dtype)
    code, dt = step(model, method, dt)
    steps = arrays.integer(steps, "steps", arrays.INT64)
    record_every = arrays.integer(record_every, "record_every")
    final = np.empty((n, members), dtype)
    status = np.empty(members, np.int32)
    trajectory = None
    if record_every > 0:
        # Sizes the library rejects (steps < 1, ...) still get an array, so its message, not numpy's, reports them.
        frames = max(steps // record_every + 1, 0)
        arrays.fits("record_every", "the trajectory of (steps//record_every + 1)*n*members", frames, n, members)
        trajectory = np.empty((frames, n, members), dtype)
    function = lib.fa_integrate_f32 if dtype == np.float32 else lib.fa_integrate_f64
    check(function(context.handle, ctypes.byref(native), *arrays.pointer(x0), code, dt, steps, record_every,
                   *arrays.pointer(trajectory), *arrays.pointer(final), *arrays.pointer(status)))
    del keep                                  # referenced until here: ctypes holds raw pointers into these arrays
    return Integration(final, status, trajectory)
