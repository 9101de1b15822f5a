"""Lyapunov spectra of any built-in model's ensembles with standard errors and diagnostics (fa_lyapunov_*)."""
import ctypes
from collections import namedtuple

import numpy as np

from . import arrays
from ._library import check, lib
from ._structs import FaLyapunovDiagnostics
from ._calls import prepare, resolve, step

# The per-member status codes of fa_lyapunov_* and fa_tanh_lyapunov_*.
LYAPUNOV_OK, LYAPUNOV_DIVERGED, LYAPUNOV_NOT_CONVERGED = 0, 1, 2


class Spectrum(namedtuple("Spectrum", "exponents errors status")):
    """lyapunov's result: unpacks as (exponents, errors, status), and carries the diagnostics as attributes.

    exponents : ndarray of float64 (members, k)
        The leading k exponents of each member, largest first (per time unit for flows, per iteration for maps).
    errors : ndarray of float64 (members, k)
        Their standard errors (the spread of the block estimates / sqrt(blocks)).
    status : ndarray of int32 (members,)
        0 ok, 1 diverged (LYAPUNOV_DIVERGED: exponents NaN), 2 not converged (LYAPUNOV_NOT_CONVERGED: some standard
        error above the tolerance; integrate longer).
    sum_rule_residual : ndarray (members,)
        sum(lambda) - <tr J> (flows) or - <log |det J|> (maps); NaN unless k = n.
    contraction : ndarray (members,)
        <tr J> or <log |det J|> along the trajectory; NaN unless k = n.
    kaplan_yorke : ndarray (members,)
        The Kaplan-Yorke dimension (NaN when k < n exponents cannot tell it).
    positive_sum : ndarray (members,)
        The sum of the positive exponents.
    failed_step : ndarray of int64 (members,)
        The step at which a diverged member went non-finite; -1 otherwise.
    transient_time, accumulation_time : float
        The times actually used (whole QR intervals).
    blocks : int
        Blocks behind the standard errors.
    """


def lyapunov(context, model=None, x0=None, dt=None, transient=100.0, duration=1000.0, k=None, every=10, b=None, tau=None,
             dtype=np.float64, method=None, W=None):
    """The leading k Lyapunov exponents of every member (Benettin's QR method), with standard errors and diagnostics.

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.lyapunov``).
    model : Model or array_like
        A built-in model (``fastattractors.models``), or W for TanhRnn(W, b, tau) (the original signature).
    x0 : array_like, shape (n, members)
        Initial states, member axis last.
    dt : float
        The step (> 0) of a flow; maps take None or 1.
    transient : float, default 100
        Time (iterations for maps) integrated before accumulating, >= 0.
    duration : float, default 1000
        Time (iterations for maps) over which the exponents are accumulated, > 0.
    k : int, optional
        How many exponents, 1 ... n (default n: the full spectrum, which the sum-rule diagnostics need).
    every : int, default 10
        Steps between QR re-orthonormalisations.
    b, tau : optional
        TanhRnn's bias and time constant when model is W.
    dtype : {np.float64, np.float32}
        The engine's precision; the exponents are float64 either way (accumulated in float64).
    method : {None, "rk4", "euler", "heun", "tsit5", "iterate"}
        None: classic RK4 for flows, iteration for maps.
    W : array_like, optional
        The original keyword for TanhRnn's weights (``integrate(W=..., x0=...)``); give either model or W.

    Returns
    -------
    Spectrum
        (exponents (members, k), errors (members, k), status (members,)) and the diagnostics; see ``Spectrum``.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal (k outside 1 ... n, duration <= 0, ...), with its message naming the argument.
    """
    model = resolve(model, W, b, tau)
    dtype, n, members, native, x0, keep = prepare(context, model, x0, dtype)
    code, dt = step(model, method, dt)
    k = n if k is None else arrays.integer(k, "k")
    transient, duration = arrays.real(transient, "transient"), arrays.real(duration, "duration")
    every = arrays.integer(every, "every")
    # k outside 1..n is the library's to report; the arrays never exceed (members, n), which x0 already holds.
    columns = min(max(k, 0), n)
    exponents, errors = np.empty((members, columns)), np.empty((members, columns))
    status = np.empty(members, np.int32)
    per_member = {name: np.empty(members) for name in ("sum_rule_residual", "contraction", "kaplan_yorke", "positive_sum")}
    per_member["failed_step"] = np.empty(members, np.int64)
    diagnostics = FaLyapunovDiagnostics()
    for name, array in per_member.items():
        setattr(diagnostics, name, array.ctypes.data_as(ctypes.c_void_p))
        setattr(diagnostics, name + "_len", members)
    function = lib.fa_lyapunov_f32 if dtype == np.float32 else lib.fa_lyapunov_f64
    check(function(context.handle, ctypes.byref(native), *arrays.pointer(x0), code, dt, transient, duration, every, k,
                   *arrays.pointer(exponents), *arrays.pointer(errors), *arrays.pointer(status),
                   ctypes.byref(diagnostics)))
    del keep
    spectrum = Spectrum(exponents, errors, status)
    for name, array in per_member.items():
        setattr(spectrum, name, array)
    spectrum.transient_time = diagnostics.transient_time
    spectrum.accumulation_time = diagnostics.accumulation_time
    spectrum.blocks = diagnostics.blocks
    return spectrum
