"""The built-in model the C ABI exposes: TanhRnn ensembles, tau dx/dt = -x + W tanh(x) + b.

Layout: the member axis is LAST and arrays are C-ordered, which is the engine's member-fastest layout, so nothing is
transposed: x0 (n, members), W (n, n) shared or (n, n, members) per member, b (n,) shared or (n, members), tau a
scalar / (1,) shared or (members,).
"""
from collections import namedtuple

import numpy as np

from . import arrays

TanhCall = namedtuple("TanhCall", "suffix dtype n members args keep")
TanhCall.__doc__ = """A checked TanhRnn ensemble: the C function suffix (f64/f32), dtype, n, members and the leading
C arguments (context, n, members, w, b, tau, x0 with their lengths) shared by the fa_tanh_* functions, and the
converted arrays (keep): ctypes holds raw pointers only, so the arrays must stay referenced until the call returns."""


def tanh_call(context, W, x0, b, tau, dtype):
    """Checks and converts the model arguments of the fa_tanh_* functions (see the module docstring for shapes)."""
    dtype = arrays.float_dtype(dtype)
    x0 = arrays.real_array(x0, "x0", dtype, [(None, None)], "(n, members)")
    n, members = x0.shape
    W = arrays.real_array(W, "W", dtype, [(n, n), (n, n, members)])
    b = None if b is None else arrays.real_array(b, "b", dtype, [(n,), (n, members)])
    tau = None if tau is None else arrays.real_array(np.atleast_1d(tau), "tau", dtype, [(1,), (members,)])
    suffix = "f32" if dtype == np.float32 else "f64"
    args = [context.handle, n, members, *arrays.pointer(W), *arrays.pointer(b), *arrays.pointer(tau),
            *arrays.pointer(x0)]
    return TanhCall(suffix, dtype, n, members, args, (W, b, tau, x0))
