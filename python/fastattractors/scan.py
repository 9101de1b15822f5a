"""Lyapunov spectra over a grid of parameter axes (fa_scan_sizes and fa_scan_f64/_f32, the library's Engine.Scan).

Families: the rotation-block flow and map (axes alpha and theta) and random tanh networks of gain g (axis g). The same
rows as ``fastattractors scan`` of the same spec, bit for bit: row r is grid point r // members (C order over the axes,
the last axis fastest) and member r % members, whose initial state (and tanh-gain weights) come from its own seed.
"""
import ctypes
import math

import numpy as np

from . import arrays
from ._library import check, lib

# fa_scan_family and fa_scan_axis_kind of native/fastattractors.h.
SCAN_FAMILIES = {"rotation-flow": 0, "rotation-map": 1, "tanh-gain": 2}
AXIS_KINDS = {"linspace": 0, "logspace": 1, "list": 2}


class _Axis(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("kind", ctypes.c_int32), ("values", ctypes.c_void_p),
                ("values_len", ctypes.c_int64)]


_DIAGNOSTICS = ("exponent_sum", "kaplan_yorke", "positive_sum", "sum_rule_residual", "contraction", "failed_step")


class _Diagnostics(ctypes.Structure):
    _fields_ = [field for name in _DIAGNOSTICS for field in ((name, ctypes.c_void_p), (name + "_len", ctypes.c_int64))]


class ScanResult:
    """scan's result, one entry per row (rows = the product of the axis counts * members, C order over the axes).

    parameters : dict of str -> ndarray of float64 (rows,)
        Each axis's value at each row, by axis name, in the order of the axes; also attributes (``out.alpha``,
        ``out.theta``, ``out.g``) for the axes present.
    seed : ndarray of int64 (rows,)
        The seed each row drew its initial state (and tanh-gain weights) from.
    exponents, errors : ndarray of float64 (rows, k)
        The k exponents of each row, largest first (per time unit for flows, per iteration for the map), and their
        standard errors.
    status : ndarray of int32 (rows,)
        0 ok, 1 diverged, 2 not converged (LYAPUNOV_OK, LYAPUNOV_DIVERGED, LYAPUNOV_NOT_CONVERGED).
    exponent_sum, kaplan_yorke, positive_sum : ndarray of float64 (rows,)
        The sum of the k exponents, the Kaplan-Yorke dimension and the sum of the positive exponents.
    sum_rule_residual, contraction : ndarray of float64 (rows,)
        The exponent sum minus the contraction, and the contraction (<tr J> along the orbit for flows,
        <log |det J|> for the map); NaN unless k = n.
    failed_step : ndarray of int64 (rows,)
        The step at which a row went non-finite, or -1.
    """

    def __init__(self, parameters, seed, exponents, errors, status, diagnostics):
        self.parameters = parameters
        for name, values in parameters.items():
            setattr(self, name, values)
        self.seed, self.exponents, self.errors, self.status = seed, exponents, errors, status
        for name, values in diagnostics.items():
            setattr(self, name, values)

    def __repr__(self):
        axes = ", ".join(self.parameters)
        return f"ScanResult(rows={len(self.seed)}, axes=[{axes}], k={self.exponents.shape[1]})"


def _declare():
    i32, i64, f64, ptr = ctypes.c_int32, ctypes.c_int64, ctypes.c_double, ctypes.c_void_p
    lib.fa_scan_sizes.argtypes = [i32, ptr, i32, i32, i32, i32, ptr, ptr]
    lib.fa_scan_sizes.restype = ctypes.c_int
    argtypes = [ptr, i32, ptr, i32, i32, f64, i32, i64, f64, f64, f64, f64, i32, i32, i32, f64, i32,
                ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr]
    for suffix in ("f64", "f32"):
        function = getattr(lib, "fa_scan_" + suffix)
        function.argtypes = argtypes
        function.restype = ctypes.c_int
    # fa_scan_rotation_*, kept for C callers (the tests compare it with fa_scan_*).
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


def _definition(name, spec):
    """(name, kind, float64 values) of one axis: ("linspace"|"logspace", start, stop, count), ("list", values), a bare
    (start, stop, count) tuple (a linspace) or a list / ndarray of values (a list)."""
    if not isinstance(name, str):
        raise TypeError(f"axes: an axis name must be a string, got {type(name).__name__} {name!r:.60}")
    if isinstance(spec, tuple) and spec and isinstance(spec[0], str):
        kind = arrays.choice(spec[0], f"axes[{name!r}] kind", list(AXIS_KINDS))
        if kind == "list":
            if len(spec) != 2:
                raise ValueError(f"axes[{name!r}]: expected ('list', values), got {spec!r:.60}")
            return name, kind, _values(spec[1], name)
        start, stop, count = _axis(spec[1:], f"axes[{name!r}]")
        return name, kind, np.array([start, stop, count], np.float64)
    if isinstance(spec, tuple):
        start, stop, count = _axis(spec, f"axes[{name!r}]")
        return name, "linspace", np.array([start, stop, count], np.float64)
    return name, "list", _values(spec, name)


def _values(values, name):
    try:
        array = np.ascontiguousarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"axes[{name!r}]: expected a sequence of real numbers, got {values!r:.60}") from None
    if array.ndim != 1:
        raise ValueError(f"axes[{name!r}]: expected a 1-D sequence of values, got shape {array.shape}")
    return array


def _definitions(axes, alpha, theta):
    """The axes in grid order: those of axes (a dict name -> spec, or a sequence of (name, spec) or (name, kind, ...)),
    then alpha and theta when given (linspaces)."""
    if axes is None:
        items = []
    elif isinstance(axes, dict):
        items = list(axes.items())
    elif isinstance(axes, (list, tuple)):
        items = []
        for item in axes:
            if not isinstance(item, (list, tuple)) or len(item) < 2:
                raise ValueError(f"axes: expected (name, spec) or (name, kind, ...) entries, got {item!r:.60}")
            items.append((item[0], item[1] if len(item) == 2 and not isinstance(item[1], str) else tuple(item[1:])))
    else:
        raise TypeError(f"axes: expected a dict or a list of axes, got {type(axes).__name__}")
    definitions = [_definition(name, spec) for name, spec in items]
    for name, value in (("alpha", alpha), ("theta", theta)):
        if value is not None:
            definitions.append((name, "linspace", np.array(_axis(value, name), np.float64)))
    return definitions


def scan(context, alpha=None, theta=None, family="rotation-flow", members=1, seed=1, x0_std=1.0, dt=None,
         transient=None, duration=None, every=None, k=None, blocks=None, tolerance=None, chunk=None,
         dtype=np.float64, axes=None, n=None, connectivity=None):
    """Lyapunov spectra of a family of networks over a grid of parameter axes.

    The families: "rotation-flow" dx/dt = -x + tanh(alpha R(theta) x), "rotation-map" x <- tanh(alpha R(theta) x)
    (axes alpha and theta), "tanh-gain" dx/dt = -x + tanh(W x) with Gaussian W of gain g, one W per row (axis g).

        fa.scan(ctx, alpha=(0, 3, 4), theta=(0, math.pi, 3))                      # rotation-flow, two linspaces
        fa.scan(ctx, family="tanh-gain", n=64, axes={"g": ("logspace", 0.1, 10, 16)})
        fa.scan(ctx, family="tanh-gain", n=8, axes=[("g", "list", [0.5, 1.0, 2.0])], members=4)

    Parameters
    ----------
    context : Context
        The engine.
    alpha, theta : (start, stop, count), optional
        Shorthands for linspace axes alpha and theta (both ends included), after those of axes.
    family : {"rotation-flow", "rotation-map", "tanh-gain"}
        The networks the rows stand for.
    members : int, default 1
        Rows per grid point, each from its own random initial state (and, for tanh-gain, its own W).
    seed : int, default 1
        Seed of the scan (>= 0); row r draws from its own stream of it.
    x0_std : float, default 1
        Standard deviation of the Gaussian initial states.
    dt, transient, duration, every, k, blocks, tolerance, chunk : optional
        None takes the library's default: dt 0.05 (the map has none), transient 500, duration 1000 (50000 map
        iterations), QR every 0.1 time units (flow) or 10 iterations, k = n (2 for the rotation families), 10 blocks,
        tolerance 0.05, 1024 rows a chunk (the rows run as one ensemble; results do not depend on it).
    dtype : {np.float64, np.float32}
        The engine's precision; exponents are float64 either way.
    axes : dict or list, optional
        The grid's axes in order (C order, the last fastest): a dict name -> spec, or a list of (name, spec) or
        (name, kind, ...). A spec is ("linspace", start, stop, count), ("logspace", start, stop, count) (both ends
        > 0), ("list", values), a bare (start, stop, count) tuple (a linspace) or a list / ndarray of values.
    n : int, optional
        The tanh-gain networks' dimension (required there); the rotation families are 2-D.
    connectivity : float, optional
        The tanh-gain weights' connection probability in (0, 1]; None for 1.

    Returns
    -------
    ScanResult
        parameters (dict name -> (rows,), also out.alpha, out.theta, out.g), seed, exponents (rows, k), errors
        (rows, k), status and the diagnostics exponent_sum, kaplan_yorke, positive_sum, sum_rule_residual,
        contraction and failed_step, one entry per row.

    Raises
    ------
    ValueError, TypeError
        A value checked here, naming the argument.
    FastAttractorsError
        The library's refusal naming the argument (e.g. "axes[0].name" for an axis the family does not take,
        "axes[0].values" for a count of 0 or a NaN, dt for the map, k > n, too short a duration).
    """
    family = arrays.choice(family, "family", list(SCAN_FAMILIES))
    definitions = _definitions(axes, alpha, theta)
    members, seed = arrays.integer(members, "members"), arrays.integer(seed, "seed", arrays.INT64)
    x0_std = arrays.real(x0_std, "x0_std")
    dt, transient, duration, tolerance, connectivity = (
        math.nan if v is None else arrays.real(v, name)
        for v, name in ((dt, "dt"), (transient, "transient"), (duration, "duration"), (tolerance, "tolerance"),
                        (connectivity, "connectivity")))
    every, k, blocks, chunk, n = (0 if v is None else arrays.integer(v, name)
                                  for v, name in ((every, "every"), (k, "k"), (blocks, "blocks"), (chunk, "chunk"),
                                                  (n, "n")))
    resolved = arrays.float_dtype(dtype)
    keep = [(name.encode(), values) for name, _, values in definitions]
    table = (_Axis * max(len(definitions), 1))()
    for slot, (name, kind, values), (encoded, _) in zip(table, definitions, keep):
        slot.name, slot.kind, slot.values, slot.values_len = encoded, AXIS_KINDS[kind], values.ctypes.data, values.size
    # The library checks family, axes, n, members and k and gives the sizes before anything is allocated here.
    rows, columns = ctypes.c_int64(), ctypes.c_int32()
    check(lib.fa_scan_sizes(SCAN_FAMILIES[family], table, len(definitions), n, members, k, ctypes.byref(rows),
                            ctypes.byref(columns)))
    rows, columns = rows.value, columns.value
    arrays.fits("k", "rows*k", rows, columns)
    arrays.fits("axes", "rows*axis_count", rows, len(definitions))
    parameters = np.empty((rows, len(definitions)))
    seeds, status = np.empty(rows, np.int64), np.empty(rows, np.int32)
    exponents, errors = np.empty((rows, columns)), np.empty((rows, columns))
    diagnostics = {name: np.empty(rows, np.int64 if name == "failed_step" else np.float64) for name in _DIAGNOSTICS}
    block = _Diagnostics()
    for name, values in diagnostics.items():
        setattr(block, name, values.ctypes.data)
        setattr(block, name + "_len", rows)
    function = getattr(lib, "fa_scan_" + ("f32" if resolved == np.float32 else "f64"))
    check(function(context.handle, SCAN_FAMILIES[family], table, len(definitions), n, connectivity, members, seed,
                   x0_std, dt, transient, duration, every, k, blocks, tolerance, chunk,
                   *(p for a in (parameters, seeds, exponents, errors, status) for p in arrays.pointer(a)),
                   ctypes.byref(block)))
    by_name = {name: np.ascontiguousarray(parameters[:, i]) for i, (name, _, _) in enumerate(definitions)}
    return ScanResult(by_name, seeds, exponents, errors, status, diagnostics)
