"""Lyapunov spectra of TanhRnn ensembles with standard errors and per-member diagnostics (fa_tanh_lyapunov_*)."""
from collections import namedtuple

import numpy as np

from . import arrays
from ._library import check, lib
from .models import tanh_call

# The per-member status codes of fa_tanh_lyapunov_*.
LYAPUNOV_OK, LYAPUNOV_DIVERGED, LYAPUNOV_NOT_CONVERGED = 0, 1, 2

Spectrum = namedtuple("Spectrum", "exponents errors status")
Spectrum.__doc__ = """lyapunov's result (unpacks as exponents, errors, status).

exponents : ndarray of float64 (members, k)
    The leading k exponents of each member, largest first.
errors : ndarray of float64 (members, k)
    Their standard errors.
status : ndarray of int32 (members,)
    0 ok, 1 diverged (LYAPUNOV_DIVERGED), 2 not converged (LYAPUNOV_NOT_CONVERGED)."""


def lyapunov(context, W, x0, dt, transient, duration, k=None, every=10, b=None, tau=None, dtype=np.float64):
    """The leading k Lyapunov exponents of every member (Benettin's QR method on RK4).

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.lyapunov``).
    W, x0, b, tau
        The TanhRnn ensemble, as in ``integrate``: W (n, n) or (n, n, members), x0 (n, members).
    dt : float
        The RK4 step (> 0).
    transient : float
        Time (not steps) integrated before accumulating, >= 0.
    duration : float
        Time over which the exponents are accumulated, > 0.
    k : int, optional
        How many exponents, 1 ... n (default n: the full spectrum).
    every : int, default 10
        Steps between QR re-orthonormalisations.
    dtype : {np.float64, np.float32}
        The engine's precision; the exponents are float64 either way (accumulated in float64).

    Returns
    -------
    Spectrum
        (exponents (members, k), errors (members, k), status (members,)); see ``Spectrum``.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal (k outside 1 ... n, duration <= 0, ...), with its message naming the argument.
    """
    call = tanh_call(context, W, x0, b, tau, dtype)
    k = call.n if k is None else arrays.integer(k, "k")
    dt, transient, duration = arrays.real(dt, "dt"), arrays.real(transient, "transient"), arrays.real(duration, "duration")
    every = arrays.integer(every, "every")
    # k outside 1..n is the library's to report; the arrays never exceed (members, n), which x0 already holds.
    columns = min(max(k, 0), call.n)
    exponents = np.empty((call.members, columns))
    errors = np.empty((call.members, columns))
    status = np.empty(call.members, np.int32)
    function = getattr(lib, "fa_tanh_lyapunov_" + call.suffix)
    check(function(*call.args, dt, transient, duration, every, k, *arrays.pointer(exponents), *arrays.pointer(errors),
                   *arrays.pointer(status)))
    return Spectrum(exponents, errors, status)
