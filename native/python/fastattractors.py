"""FastAttractors from Python: a ctypes binding of native/fastattractors.h taking and returning numpy arrays.

    import fastattractors as fa
    with fa.Context() as ctx:                                    # or fa.Context("simd")
        lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50, duration=500, k=3)

Arrays use the engine's layout with the member axis LAST (C order, so nothing is transposed): x0 (n, members),
W (n, n) shared or (n, n, members) per member, b (n,) or (n, members), tau scalar or (members,), trajectories
(frames, n, members). Lyapunov outputs are (members, k); binary patterns (networks, length, visible) of -1/+1,
U (networks, hidden, visible), V (networks, visible, hidden). dtype=np.float32 runs the float32 engine.
Errors raise FastAttractorsError (.code, .status) with the library's message (fa_last_error).
Needs numpy (Debian: python3-numpy) and native/build/libfastattractors.so (`make -C native`), or FASTATTRACTORS_LIB.
"""
import ctypes
import os

import numpy as np

_STATUS = {0: "FA_OK", 1: "FA_ERR_INVALID_ARGUMENT", 2: "FA_ERR_INVALID_CONTEXT", 3: "FA_ERR_BUSY",
           4: "FA_ERR_BACKEND_UNAVAILABLE", 5: "FA_ERR_OUT_OF_MEMORY", 6: "FA_ERR_RUNTIME", 7: "FA_ERR_INTERNAL"}
BACKENDS = {"auto": 0, "cuda": 1, "opencl": 2, "ilgpu-cpu": 3, "simd": 4, "reference": 5}


class FastAttractorsError(Exception):
    """A failed call: code is the fa_status value, status its name, the message is fa_last_error()."""

    def __init__(self, code, message):
        self.code = code
        self.status = _STATUS.get(code, str(code))
        super().__init__(f"{self.status}: {message}")


def _load():
    path = os.environ.get("FASTATTRACTORS_LIB") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "build", "libfastattractors.so")
    if not os.path.exists(path):
        raise OSError(f"{path} not found: run `make -C native` in the repository, or set FASTATTRACTORS_LIB")
    lib = ctypes.CDLL(path)
    i32, i64, f64, ptr = ctypes.c_int32, ctypes.c_int64, ctypes.c_double, ctypes.c_void_p
    model = [ptr, i32, i32, ptr, i64, ptr, i64, ptr, i64, ptr, i64]     # ctx, n, members, w, b, tau, x0 (+ lengths)
    lib.fa_last_error.restype = ctypes.c_char_p
    lib.fa_version.restype = ctypes.c_char_p
    lib.fa_context_create.argtypes = [ctypes.c_int, ctypes.POINTER(ptr)]
    lib.fa_context_destroy.argtypes = [ptr]
    lib.fa_context_backend.argtypes = [ptr, ctypes.POINTER(ctypes.c_int)]
    for suffix in ("f64", "f32"):
        getattr(lib, "fa_tanh_integrate_" + suffix).argtypes = model + [f64, i64, i32, ptr, i64, ptr, i64, ptr, i64]
        getattr(lib, "fa_tanh_lyapunov_" + suffix).argtypes = model + [f64, f64, f64, i32, i32, ptr, i64, ptr, i64, ptr, i64]
        getattr(lib, "fa_tanh_gradient_" + suffix).argtypes = model + [f64, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64, ptr, i64]
    lib.fa_sequence_train.argtypes = [ptr, ptr, i64, i32, i32, i32, i32, f64, f64, i32, ctypes.c_uint64,
                                      ptr, i64, ptr, i64, ptr, i64, ptr, i64]
    lib.fa_sequence_recall.argtypes = [ptr, ptr, i64, i32, i32, i32, i32, ptr, i64, ptr, i64,
                                       i32, i32, ctypes.c_int, ctypes.c_uint64, ptr, i64]
    for name in ("fa_context_create", "fa_context_destroy", "fa_context_backend", "fa_sequence_train", "fa_sequence_recall",
                 *(f"fa_tanh_{f}_{s}" for f in ("integrate", "lyapunov", "gradient") for s in ("f64", "f32"))):
        getattr(lib, name).restype = ctypes.c_int
    return lib


_lib = _load()


def _check(code):
    if code != 0:
        raise FastAttractorsError(code, _lib.fa_last_error().decode("utf-8", "replace"))


def version():
    return _lib.fa_version().decode()


def _array(value, name, dtype, shapes):
    """value as a C-contiguous array of dtype whose shape is one of shapes (tuples; None: any length)."""
    a = np.asarray(value)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{name}: expected a real array, got dtype {a.dtype}")
    if not any(len(s) == a.ndim and all(x is None or x == y for x, y in zip(s, a.shape)) for s in shapes):
        raise ValueError(f"{name}: expected shape {' or '.join(map(str, shapes))}, got {a.shape}")
    return np.ascontiguousarray(a, dtype=dtype)


def _arg(a):
    return (None, 0) if a is None else (a.ctypes.data_as(ctypes.c_void_p), a.size)


class Context:
    """One engine (fa_context) on a backend: "auto", "cuda", "opencl", "ilgpu-cpu", "simd" or "reference".
    Use it from one thread at a time (a concurrent call raises FastAttractorsError FA_ERR_BUSY)."""

    def __init__(self, backend="auto"):
        if backend not in BACKENDS:
            raise ValueError(f"backend: expected one of {', '.join(BACKENDS)}, got {backend!r}")
        handle = ctypes.c_void_p()
        _check(_lib.fa_context_create(BACKENDS[backend], ctypes.byref(handle)))
        self._handle = handle

    def close(self):
        if self._handle is not None:
            _check(_lib.fa_context_destroy(self._handle))
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def backend(self):
        code = ctypes.c_int()
        _check(_lib.fa_context_backend(self._handle, ctypes.byref(code)))
        return next(name for name, value in BACKENDS.items() if value == code.value)

    def _model(self, W, x0, b, tau, dtype):
        if np.dtype(dtype) not in (np.float64, np.float32):
            raise TypeError(f"dtype: expected float64 or float32, got {np.dtype(dtype)}")
        x0 = _array(x0, "x0", dtype, [(None, None)])
        n, members = x0.shape
        W = _array(W, "W", dtype, [(n, n), (n, n, members)])
        b = None if b is None else _array(b, "b", dtype, [(n,), (n, members)])
        tau = None if tau is None else _array(np.atleast_1d(tau), "tau", dtype, [(1,), (members,)])
        suffix = "f32" if np.dtype(dtype) == np.float32 else "f64"
        return suffix, n, members, [self._handle, n, members, *_arg(W), *_arg(b), *_arg(tau), *_arg(x0)]

    def integrate(self, W, x0, dt, steps, b=None, tau=None, record_every=0, dtype=np.float64):
        """RK4 for tau dx/dt = -x + W tanh(x) + b. Returns (final (n, members), status (members,) 0 ok / 1 non-finite,
        trajectory (steps // record_every + 1, n, members) or None)."""
        suffix, n, members, args = self._model(W, x0, b, tau, dtype)
        final = np.empty((n, members), dtype)
        status = np.empty(members, np.int32)
        # Sizes the library rejects (steps < 1, ...) still get an array, so its message, not numpy's, reports them.
        trajectory = np.empty((max(steps // record_every + 1, 0), n, members), dtype) if record_every > 0 else None
        _check(getattr(_lib, "fa_tanh_integrate_" + suffix)(*args, dt, steps, record_every, *_arg(trajectory),
                                                           *_arg(final), *_arg(status)))
        return final, status, trajectory

    def lyapunov(self, W, x0, dt, transient, duration, k=None, every=10, b=None, tau=None, dtype=np.float64):
        """Leading k exponents (all n when None). Returns (exponents (members, k), errors (members, k),
        status (members,) 0 ok / 1 diverged / 2 not converged)."""
        suffix, n, members, args = self._model(W, x0, b, tau, dtype)
        k = n if k is None else k
        exponents = np.empty((members, max(k, 0)))
        errors = np.empty((members, max(k, 0)))
        status = np.empty(members, np.int32)
        _check(getattr(_lib, "fa_tanh_lyapunov_" + suffix)(*args, dt, transient, duration, every, k,
                                                          *_arg(exponents), *_arg(errors), *_arg(status)))
        return exponents, errors, status

    def gradient(self, W, x0, dt, steps, target, b=None, tau=None, dtype=np.float64):
        """L = 1/2 |x(T) - target|^2 per member, target (n,) or (n, members). Returns a dict: loss (members,),
        grad_x0 (n, members), grad_w (n, n, members), status (members,)."""
        suffix, n, members, args = self._model(W, x0, b, tau, dtype)
        target = _array(target, "target", dtype, [(n,), (n, members)])
        out = {"loss": np.empty(members, dtype), "grad_x0": np.empty((n, members), dtype),
               "grad_w": np.empty((n, n, members), dtype), "status": np.empty(members, np.int32)}
        _check(getattr(_lib, "fa_tanh_gradient_" + suffix)(*args, dt, steps, *_arg(target), *_arg(out["loss"]),
                                                          *_arg(out["grad_x0"]), *_arg(out["grad_w"]), *_arg(out["status"])))
        return out

    def train_sequences(self, patterns, hidden, kappa=1.0, eta=1e-3, max_epochs=500, seed=1):
        """U+V networks, one per sequence; patterns (networks, length, visible) of -1/+1. Returns a dict:
        u (networks, hidden, visible), v (networks, visible, hidden), epochs (networks,), converged (networks,) bool."""
        p = _array(patterns, "patterns", np.int8, [(None, None, None)])
        networks, length, visible = p.shape
        u = np.empty((networks, hidden, visible)) if hidden > 0 else None
        v = np.empty((networks, visible, hidden)) if hidden > 0 else None
        epochs = np.empty(networks, np.int32)
        converged = np.empty(networks, np.int32)
        _check(_lib.fa_sequence_train(self._handle, *_arg(p), networks, length, visible, hidden, kappa, eta, max_epochs,
                                      seed, *_arg(u), *_arg(v), *_arg(epochs), *_arg(converged)))
        return {"u": u, "v": v, "epochs": epochs, "converged": converged.astype(bool)}

    def recall(self, patterns, u, v, flipped=10, trials=10, criterion="exact", seed=2):
        """Recall trials from pattern 0 with `flipped` bits flipped; criterion "exact" or "reaches".
        Returns success (networks, trials) bool."""
        if criterion not in ("exact", "reaches"):
            raise ValueError(f"criterion: expected 'exact' or 'reaches', got {criterion!r}")
        p = _array(patterns, "patterns", np.int8, [(None, None, None)])
        networks, length, visible = p.shape
        u = _array(u, "u", np.float64, [(networks, None, visible)])
        hidden = u.shape[1]
        v = _array(v, "v", np.float64, [(networks, visible, hidden)])
        success = np.empty((networks, max(trials, 0)), np.int32)
        _check(_lib.fa_sequence_recall(self._handle, *_arg(p), networks, length, visible, hidden, *_arg(u), *_arg(v),
                                       flipped, trials, 0 if criterion == "exact" else 1, seed, *_arg(success)))
        return success.astype(bool)
