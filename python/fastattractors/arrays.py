"""Argument checks and numpy <-> C conversions, done before any call so that ctypes and numpy never misread a value.

ctypes silently wraps an int to its C type (2**32 + 5 becomes 5 in an int32) and numpy casts 1.7 to 1 in int8, so
integers are range-checked and binary patterns refused unless exactly -1/+1. Every message starts with the argument's
name and shows the bad value.
"""
import ctypes

import numpy as np

# The library keeps each ensemble quantity in one .NET array, which holds at most this many elements (Array.MaxLength).
LARGEST_ARRAY = 2147483591
INT32, INT64, UINT64 = (-2**31, 2**31 - 1), (-2**63, 2**63 - 1), (0, 2**64 - 1)


def _show(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def integer(value, name, bounds=INT32):
    """value as a Python int within bounds (its C type's range); bools, floats and strings raise TypeError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected an integer, got {type(value).__name__} {_show(value)}")
    value = int(value)
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(f"{name}: must be between {bounds[0]} and {bounds[1]}, got {value}")
    return value


def real(value, name):
    """value as a float; the library checks its range (dt > 0, ...) and names the argument itself."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a real number, got {type(value).__name__} {_show(value)}")
    return float(value)


def choice(value, name, options):
    """value if it is one of the strings in options, else ValueError listing them."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name}: expected one of {', '.join(options)}, got {_show(value)}")
    return value


def fits(name, what, *factors):
    """Refuses, naming the argument, an array of prod(factors) elements that one library array cannot hold."""
    count = 1
    for factor in factors:
        count *= factor
    if count > LARGEST_ARRAY:
        raise ValueError(f"{name}: {what} = {'*'.join(map(str, factors))} = {count} elements, "
                         f"more than one array can hold ({LARGEST_ARRAY})")


def float_dtype(dtype):
    """np.float64 or np.float32 (the two engines); anything else raises ValueError naming dtype."""
    try:
        resolved = np.dtype(dtype)
    except TypeError:
        raise ValueError(f"dtype: expected float64 or float32, got {_show(dtype)}") from None
    if resolved not in (np.float64, np.float32):
        raise ValueError(f"dtype: expected float64 or float32, got {resolved}")
    return resolved


def _shape_text(shape):
    return "(" + ", ".join("any" if x is None else str(x) for x in shape) + ("," if len(shape) == 1 else "") + ")"


def real_array(value, name, dtype, shapes, meaning=None):
    """value as a C-contiguous array of dtype whose shape is one of shapes (tuples; None matches any length);
    meaning, e.g. "(n, members)", names the axes in the error message.

    Inputs of another real dtype or layout (Fortran order, strided views) are copied, not refused: the library reads
    them once per call, so the copy costs no more than the caller's own conversion would.
    """
    a = np.asarray(value)
    if a.dtype.kind not in "biuf":
        raise ValueError(f"{name}: expected a real array, got dtype {a.dtype} ({_show(value)})")
    if not any(len(s) == a.ndim and all(x is None or x == y for x, y in zip(s, a.shape)) for s in shapes):
        expected = " or ".join(map(_shape_text, shapes)) + (f" {meaning}" if meaning else "")
        raise ValueError(f"{name}: expected shape {expected}, got {a.shape}")
    # A broadcast view can claim billions of elements in no memory; the copy below would allocate them all.
    fits(name, f"an array of shape {a.shape} has", *a.shape)
    return np.ascontiguousarray(a, dtype=dtype)


def patterns(value):
    """Binary patterns (networks, length, visible) as int8, refused unless every value is exactly -1 or +1."""
    a = np.asarray(value)
    if a.dtype.kind not in "iuf":
        raise ValueError(f"patterns: expected an integer or real array of -1/+1, got dtype {a.dtype} ({_show(value)})")
    if a.ndim != 3:
        raise ValueError(f"patterns: expected shape (networks, length, visible), got {a.shape}")
    fits("patterns", f"an array of shape {a.shape} has", *a.shape)
    bad = ~((a == 1) | (a == -1))              # NaN is neither
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(f"patterns: values must be -1 or +1, got {a[where].item()!r} at index {where}")
    return np.ascontiguousarray(a, dtype=np.int8)


def pointer(a):
    """(data pointer, length in elements) for the C ABI; (None, 0) for an absent optional array."""
    if a is None:
        return None, 0
    # Only arrays this package allocated or copied reach here; a view would be read with the wrong strides.
    assert a.flags.c_contiguous, "internal: a non-contiguous array reached the C ABI"
    return a.ctypes.data_as(ctypes.c_void_p), a.size
