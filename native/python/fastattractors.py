"""FastAttractors from Python: a ctypes binding of native/fastattractors.h taking and returning numpy arrays.

    import fastattractors as fa
    with fa.Context() as ctx:                                    # or fa.Context("simd")
        lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50, duration=500, k=3)

Arrays use the engine's layout with the member axis LAST (C order, so nothing is transposed): x0 (n, members),
W (n, n) shared or (n, n, members) per member, b (n,) or (n, members), tau scalar or (members,), trajectories
(frames, n, members). Lyapunov outputs are (members, k); binary patterns (networks, length, visible) of -1/+1,
U (networks, hidden, visible), V (networks, visible, hidden). dtype=np.float32 runs the float32 engine.
Errors raise FastAttractorsError (.code, .status) with the library's message (fa_last_error). Arguments are checked
here first where ctypes or numpy would otherwise misread them: integers must be ints in their C type's range (ctypes
silently wraps 2**32 + 5 to 5), reals real numbers, patterns exactly -1/+1 (never cast: 1.7 would become 1), and every
array this module allocates must fit one array of the library (LARGEST_ARRAY elements); these raise TypeError or
ValueError naming the argument, before anything is allocated.
Needs numpy (Debian: python3-numpy) and native/build/libfastattractors.so (`make -C native`), or FASTATTRACTORS_LIB.
"""
import ctypes
import os

import numpy as np

_STATUS = {0: "FA_OK", 1: "FA_ERR_INVALID_ARGUMENT", 2: "FA_ERR_INVALID_CONTEXT", 3: "FA_ERR_BUSY",
           4: "FA_ERR_BACKEND_UNAVAILABLE", 5: "FA_ERR_OUT_OF_MEMORY", 6: "FA_ERR_RUNTIME", 7: "FA_ERR_INTERNAL"}
BACKENDS = {"auto": 0, "cuda": 1, "opencl": 2, "ilgpu-cpu": 3, "simd": 4, "reference": 5}
# The library keeps each ensemble quantity in one .NET array, which holds at most this many elements (Array.MaxLength).
LARGEST_ARRAY = 2147483591
_INT32, _INT64, _UINT64 = (-2**31, 2**31 - 1), (-2**63, 2**63 - 1), (0, 2**64 - 1)


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


def _int(value, name, bounds=_INT32):
    """value as a Python int within bounds (the C type's range); bools, floats and strings are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected an integer, got {type(value).__name__} {value!r}")
    value = int(value)
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(f"{name}: must be between {bounds[0]} and {bounds[1]}, got {value}")
    return value


def _real(value, name):
    """value as a float; the library checks the range (dt > 0, ...) and names the argument itself."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a real number, got {type(value).__name__} {value!r}")
    return float(value)


def _fits(name, what, *factors):
    """Refuses, naming the argument, an array of prod(factors) elements that one library array cannot hold."""
    count = 1
    for factor in factors:
        count *= factor
    if count > LARGEST_ARRAY:
        raise ValueError(f"{name}: {what} = {'*'.join(map(str, factors))} = {count} elements, "
                         f"more than one array can hold ({LARGEST_ARRAY})")


def _patterns(value):
    """Binary patterns (networks, length, visible) as int8, refused unless every value is exactly -1 or +1."""
    a = np.asarray(value)
    if a.dtype.kind not in "iuf":
        raise TypeError(f"patterns: expected an integer or real array of -1/+1, got dtype {a.dtype}")
    if a.ndim != 3:
        raise ValueError(f"patterns: expected shape (networks, length, visible), got {a.shape}")
    _fits("patterns", f"an array of shape {a.shape} has", *a.shape)
    bad = ~((a == 1) | (a == -1))              # NaN is neither
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(f"patterns: values must be -1 or +1, got {a[where].item()!r} at index {where}")
    return np.ascontiguousarray(a, dtype=np.int8)


def _array(value, name, dtype, shapes):
    """value as a C-contiguous array of dtype whose shape is one of shapes (tuples; None: any length)."""
    a = np.asarray(value)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{name}: expected a real array, got dtype {a.dtype}")
    if not any(len(s) == a.ndim and all(x is None or x == y for x, y in zip(s, a.shape)) for s in shapes):
        raise ValueError(f"{name}: expected shape {' or '.join(map(str, shapes))}, got {a.shape}")
    # A broadcast view can claim billions of elements in no memory; the copy below would allocate them all.
    _fits(name, f"an array of shape {a.shape} has", *a.shape)
    return np.ascontiguousarray(a, dtype=dtype)


def _arg(a):
    return (None, 0) if a is None else (a.ctypes.data_as(ctypes.c_void_p), a.size)


class Context:
    """One engine (fa_context) on a backend: "auto", "cuda", "opencl", "ilgpu-cpu", "simd" or "reference".
    Use it from one thread at a time (a concurrent call raises FastAttractorsError FA_ERR_BUSY)."""

    def __init__(self, backend="auto"):
        if not isinstance(backend, str) or backend not in BACKENDS:
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
        try:
            dtype = np.dtype(dtype)
        except TypeError:
            raise TypeError(f"dtype: expected float64 or float32, got {dtype!r}") from None
        if dtype not in (np.float64, np.float32):
            raise TypeError(f"dtype: expected float64 or float32, got {dtype}")
        x0 = _array(x0, "x0", dtype, [(None, None)])
        n, members = x0.shape
        W = _array(W, "W", dtype, [(n, n), (n, n, members)])
        b = None if b is None else _array(b, "b", dtype, [(n,), (n, members)])
        tau = None if tau is None else _array(np.atleast_1d(tau), "tau", dtype, [(1,), (members,)])
        suffix = "f32" if dtype == np.float32 else "f64"
        return suffix, dtype, n, members, [self._handle, n, members, *_arg(W), *_arg(b), *_arg(tau), *_arg(x0)]

    def integrate(self, W, x0, dt, steps, b=None, tau=None, record_every=0, dtype=np.float64):
        """RK4 for tau dx/dt = -x + W tanh(x) + b. Returns (final (n, members), status (members,) 0 ok / 1 non-finite,
        trajectory (steps // record_every + 1, n, members) or None)."""
        suffix, dtype, n, members, args = self._model(W, x0, b, tau, dtype)
        dt, steps = _real(dt, "dt"), _int(steps, "steps", _INT64)
        record_every = _int(record_every, "record_every")
        final = np.empty((n, members), dtype)
        status = np.empty(members, np.int32)
        trajectory = None
        if record_every > 0:
            # Sizes the library rejects (steps < 1, ...) still get an array, so its message, not numpy's, reports them.
            frames = max(steps // record_every + 1, 0)
            _fits("record_every", "the trajectory of (steps//record_every + 1)*n*members", frames, n, members)
            trajectory = np.empty((frames, n, members), dtype)
        _check(getattr(_lib, "fa_tanh_integrate_" + suffix)(*args, dt, steps, record_every, *_arg(trajectory),
                                                           *_arg(final), *_arg(status)))
        return final, status, trajectory

    def lyapunov(self, W, x0, dt, transient, duration, k=None, every=10, b=None, tau=None, dtype=np.float64):
        """Leading k exponents (all n when None). Returns (exponents (members, k), errors (members, k),
        status (members,) 0 ok / 1 diverged / 2 not converged)."""
        suffix, dtype, n, members, args = self._model(W, x0, b, tau, dtype)
        k = n if k is None else _int(k, "k")
        dt, transient, duration = _real(dt, "dt"), _real(transient, "transient"), _real(duration, "duration")
        every = _int(every, "every")
        # k outside 1..n is the library's to report; the arrays never exceed (members, n), which x0 already holds.
        exponents = np.empty((members, min(max(k, 0), n)))
        errors = np.empty((members, min(max(k, 0), n)))
        status = np.empty(members, np.int32)
        _check(getattr(_lib, "fa_tanh_lyapunov_" + suffix)(*args, dt, transient, duration, every, k,
                                                          *_arg(exponents), *_arg(errors), *_arg(status)))
        return exponents, errors, status

    def gradient(self, W, x0, dt, steps, target, b=None, tau=None, dtype=np.float64):
        """L = 1/2 |x(T) - target|^2 per member, target (n,) or (n, members). Returns a dict: loss (members,),
        grad_x0 (n, members), grad_w (n, n, members), status (members,)."""
        suffix, dtype, n, members, args = self._model(W, x0, b, tau, dtype)
        dt, steps = _real(dt, "dt"), _int(steps, "steps", _INT64)
        target = _array(target, "target", dtype, [(n,), (n, members)])
        _fits("x0", "grad_w of x0's (n, members) needs n*n*members", n, n, members)
        out = {"loss": np.empty(members, dtype), "grad_x0": np.empty((n, members), dtype),
               "grad_w": np.empty((n, n, members), dtype), "status": np.empty(members, np.int32)}
        _check(getattr(_lib, "fa_tanh_gradient_" + suffix)(*args, dt, steps, *_arg(target), *_arg(out["loss"]),
                                                          *_arg(out["grad_x0"]), *_arg(out["grad_w"]), *_arg(out["status"])))
        return out

    def train_sequences(self, patterns, hidden, kappa=1.0, eta=1e-3, max_epochs=500, seed=1):
        """U+V networks, one per sequence; patterns (networks, length, visible) of -1/+1. Returns a dict:
        u (networks, hidden, visible), v (networks, visible, hidden), epochs (networks,), converged (networks,) bool."""
        p = _patterns(patterns)
        networks, length, visible = p.shape
        hidden, max_epochs = _int(hidden, "hidden"), _int(max_epochs, "max_epochs")
        kappa, eta, seed = _real(kappa, "kappa"), _real(eta, "eta"), _int(seed, "seed", _UINT64)
        _fits("hidden", "U and V need networks*hidden*visible", networks, max(hidden, 0), visible)
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
        if not isinstance(criterion, str) or criterion not in ("exact", "reaches"):
            raise ValueError(f"criterion: expected 'exact' or 'reaches', got {criterion!r}")
        p = _patterns(patterns)
        networks, length, visible = p.shape
        u = _array(u, "u", np.float64, [(networks, None, visible)])
        hidden = u.shape[1]
        v = _array(v, "v", np.float64, [(networks, visible, hidden)])
        flipped, trials, seed = _int(flipped, "flipped"), _int(trials, "trials"), _int(seed, "seed", _UINT64)
        _fits("trials", "success needs networks*trials", networks, max(trials, 0))
        success = np.empty((networks, max(trials, 0)), np.int32)
        _check(_lib.fa_sequence_recall(self._handle, *_arg(p), networks, length, visible, hidden, *_arg(u), *_arg(v),
                                       flipped, trials, 0 if criterion == "exact" else 1, seed, *_arg(success)))
        return success.astype(bool)
