"""Finds and loads libfastattractors.so and declares the C signatures of native/fastattractors.h.

The library is loaded with ctypes.CDLL, not ctypes.PyDLL: CDLL releases the GIL for the duration of every foreign
call, so a long integration or Lyapunov spectrum in one thread leaves other Python threads running (PyDLL would hold
the GIL throughout). Parallel calls need one Context per thread: a context is one engine used by one thread at a time.
"""
import ctypes
import os

from .errors import FastAttractorsError

_HERE = os.path.dirname(os.path.abspath(__file__))
# Where the library is looked for, in order: an explicit override, the copy the wheel bundles (with managed/ beside
# it, where the shim looks for the assemblies), and the build of a source checkout (python/fastattractors -> native/build).
_CANDIDATES = (os.path.join(_HERE, "_native", "libfastattractors.so"),
               os.path.join(_HERE, "..", "..", "native", "build", "libfastattractors.so"))


def library_path():
    """The path of the libfastattractors.so this package loads (FASTATTRACTORS_LIB overrides)."""
    override = os.environ.get("FASTATTRACTORS_LIB")
    if override:
        return override
    for path in _CANDIDATES:
        if os.path.exists(path):
            return os.path.normpath(path)
    raise OSError("libfastattractors.so not found in the package (" + _CANDIDATES[0] + ") nor in a source checkout: "
                  "install the wheel python/build_wheel.sh builds, run `make -C native`, or set FASTATTRACTORS_LIB")


def _declare(lib):
    i32, i64, u64, f64, ptr, enum = (ctypes.c_int32, ctypes.c_int64, ctypes.c_uint64, ctypes.c_double,
                                     ctypes.c_void_p, ctypes.c_int)
    model = [ptr, i32, i32, ptr, i64, ptr, i64, ptr, i64, ptr, i64]   # ctx, n, members, w, b, tau, x0 (+ lengths)
    signatures = {
        "fa_context_create": [enum, ctypes.POINTER(ptr)],
        "fa_context_destroy": [ptr],
        "fa_context_backend": [ptr, ctypes.POINTER(enum)],
        "fa_sequence_train": [ptr, ptr, i64, i32, i32, i32, i32, f64, f64, i32, u64, ptr, i64, ptr, i64, ptr, i64, ptr, i64],
        "fa_sequence_recall": [ptr, ptr, i64, i32, i32, i32, i32, ptr, i64, ptr, i64, i32, i32, enum, u64, ptr, i64],
    }
    for suffix in ("f64", "f32"):
        signatures["fa_tanh_integrate_" + suffix] = model + [f64, i64, i32, ptr, i64, ptr, i64, ptr, i64]
        signatures["fa_tanh_lyapunov_" + suffix] = model + [f64, f64, f64, i32, i32, ptr, i64, ptr, i64, ptr, i64]
        signatures["fa_tanh_gradient_" + suffix] = model + [f64, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64]
    for suffix in ("f64", "f32"):
        # ctx, model (fa_model *), x0, x0_len, method, dt: the leading arguments of the generic functions.
        generic = [ptr, ptr, ptr, i64, enum, f64]
        signatures["fa_integrate_" + suffix] = generic + [i64, i32, ptr, i64, ptr, i64, ptr, i64]
        signatures["fa_lyapunov_" + suffix] = generic + [f64, f64, i32, i32, ptr, i64, ptr, i64, ptr, i64, ptr]
        signatures["fa_gradient_" + suffix] = generic + [i64, ptr, i64, ptr, i64, ptr, i64, ptr, ptr, i64]
    for name, argtypes in signatures.items():
        function = getattr(lib, name)
        function.argtypes = argtypes
        function.restype = ctypes.c_int
    lib.fa_last_error.argtypes = []
    lib.fa_last_error.restype = ctypes.c_char_p
    lib.fa_version.argtypes = []
    lib.fa_version.restype = ctypes.c_char_p
    return lib


lib = _declare(ctypes.CDLL(library_path()))


def check(code):
    """Raises FastAttractorsError with fa_last_error()'s message unless code is FA_OK (0).

    fa_last_error is per thread, and this runs on the thread that made the call, so the message is that call's.
    """
    if code != 0:
        raise FastAttractorsError(code, lib.fa_last_error().decode("utf-8", "replace"))


def version():
    """The library's version, e.g. ``"0.1.0"`` (starts the .NET runtime on first use).

    Returns
    -------
    str
        ``fa_version()``.

    Raises
    ------
    FastAttractorsError
        FA_ERR_RUNTIME when the .NET runtime or the managed assembly cannot be loaded.
    """
    text = lib.fa_version().decode()
    if not text:
        raise FastAttractorsError(6, lib.fa_last_error().decode("utf-8", "replace"))
    return text
