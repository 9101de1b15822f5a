"""Lyapunov spectra over an alpha x theta grid of rotation-block networks (fa_scan_rotation_*, the library's Engine.Scan).

The same rows as ``fastattractors scan`` of the same spec, bit for bit: row r is grid point r // members (alpha-major,
then theta) and member r % members, whose initial state is drawn from its own seed.
"""
import ctypes
import math
from collections import namedtuple

import numpy as np

from . import arrays
from ._library import check, lib

# fa_scan_family of native/fastattractors.h.
SCAN_FAMILIES = {"rotation-flow": 0, "rotation-map": 1}

ScanResult = namedtuple("ScanResult", "alpha theta seed exponents errors status")
ScanResult.__doc__ = """scan's result, one entry per row (rows = alpha count * theta count * members, alpha-major).

alpha, theta : ndarray of float64 (rows,)
    The grid point of each row.
seed : ndarray of int64 (rows,)
    The seed each row drew its initial state from.
exponents : ndarray of float64 (rows, k)
    The k exponents of each row, largest first (per time unit for the flow, per iteration for the map).
errors : ndarray of float64 (rows, k)
    Their standard errors.
status : ndarray of int32 (rows,)
    0 ok, 1 diverged, 2 not converged (LYAPUNOV_OK, LYAPUNOV_DIVERGED, LYAPUNOV_NOT_CONVERGED)."""


def _declare():
    i32, i64, f64, ptr = ctypes.c_int32, ctypes.c_int64, ctypes.c_double, ctypes.c_void_p
    argtypes = [ptr, ctypes.c_int, f64, f64, i32, f64, f64, i32, i32, i64, f64, f64, f64, f64, i32, i32, i32, f64, i32,
                ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64]
    for suffix in ("f64", "f32"):
        function = getattr(lib, "fa_scan_rotation_" + suffix)
        function.argtypes = argtypes
        function.restype = ctypes.c_int


_declare()


def _axis(value, name):
    """(start, stop, count) of a linspace axis."""
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        raise ValueError(f"{name}: expected (start, stop, count), got {value!r:.60}")
    return arrays.real(value[0], name + " start"), arrays.real(value[1], name + " stop"), arrays.integer(value[2], name + " count")


def scan(context, alpha, theta, family="rotation-flow", members=1, seed=1, x0_std=1.0, dt=None, transient=None,
         duration=None, every=None, k=None, blocks=None, tolerance=None, chunk=None, dtype=np.float64):
    """Lyapunov spectra of dx/dt = -x + tanh(alpha R(theta) x) (or the map x <- tanh(alpha R(theta) x)) over a grid.

    Parameters
    ----------
    context : Context
        The engine.
    alpha, theta : (start, stop, count)
        The axes, numpy linspaces (both ends included).
    family : {"rotation-flow", "rotation-map"}
        The flow (RK4) or the iterated map.
    members : int, default 1
        Rows per grid point, each from its own random initial state.
    seed : int, default 1
        Seed of the scan (>= 0); row r draws from its own stream of it.
    x0_std : float, default 1
        Standard deviation of the Gaussian initial states.
    dt, transient, duration, every, k, blocks, tolerance, chunk : optional
        None takes the library's default: dt 0.05 (the map has none), transient 500, duration 1000 (50000 map
        iterations), QR every 0.1 time units (flow) or 10 iterations, k = 2, 10 blocks, tolerance 0.05, 1024 rows a
        chunk (the rows run as one ensemble; results do not depend on it).
    dtype : {np.float64, np.float32}
        The engine's precision; exponents are float64 either way.

    Returns
    -------
    ScanResult
        (alpha, theta, seed, exponents (rows, k), errors (rows, k), status), one entry per row.

    Raises
    ------
    ValueError, TypeError
        A value checked here, naming the argument.
    FastAttractorsError
        The library's refusal (e.g. dt for the map, k > 2, too short a duration), naming the argument.
    """
    family = arrays.choice(family, "family", list(SCAN_FAMILIES))
    (a0, a1, na), (t0, t1, nt) = _axis(alpha, "alpha"), _axis(theta, "theta")
    members, seed = arrays.integer(members, "members"), arrays.integer(seed, "seed", arrays.INT64)
    x0_std = arrays.real(x0_std, "x0_std")
    dt, transient, duration, tolerance = (math.nan if v is None else arrays.real(v, name)
                                          for v, name in ((dt, "dt"), (transient, "transient"), (duration, "duration"),
                                                          (tolerance, "tolerance")))
    every, k, blocks, chunk = (0 if v is None else arrays.integer(v, name)
                               for v, name in ((every, "every"), (k, "k"), (blocks, "blocks"), (chunk, "chunk")))
    resolved = arrays.float_dtype(dtype)
    # Negative counts are the library's to report; the arrays are sized from what it will accept.
    rows = max(na, 0) * max(nt, 0) * max(members, 0)
    columns = 2 if k == 0 else min(max(k, 0), 2)
    arrays.fits("members", "rows", max(na, 0), max(nt, 0), max(members, 0))
    out = ScanResult(np.empty(rows), np.empty(rows), np.empty(rows, np.int64), np.empty((rows, columns)),
                     np.empty((rows, columns)), np.empty(rows, np.int32))
    function = getattr(lib, "fa_scan_rotation_" + ("f32" if resolved == np.float32 else "f64"))
    check(function(context.handle, SCAN_FAMILIES[family], a0, a1, na, t0, t1, nt, members, seed, x0_std, dt, transient,
                   duration, every, k, blocks, tolerance, chunk, *(p for a in out for p in arrays.pointer(a))))
    return out
