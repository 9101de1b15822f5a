"""Context: one engine of the library (an fa_context) on one backend."""
import ctypes

from . import arrays, gradient, integrate, lyapunov, sequence
from ._library import check, lib

# fa_backend values of native/fastattractors.h.
BACKENDS = {"auto": 0, "cuda": 1, "opencl": 2, "ilgpu-cpu": 3, "simd": 4, "reference": 5}


class Context:
    """One engine (fa_context) on a backend.

    Parameters
    ----------
    backend : {"auto", "cuda", "opencl", "ilgpu-cpu", "simd", "reference"}, default "auto"
        "auto" takes FASTATTRACTORS_BACKEND if set, else Cuda > OpenCL > Simd. A named backend with no device here
        raises FastAttractorsError FA_ERR_BACKEND_UNAVAILABLE (never a silent fallback).

    Notes
    -----
    Use it as a context manager (or call close()). A context serves one thread at a time: a second thread calling
    into a busy context gets FastAttractorsError FA_ERR_BUSY at once. The GIL is released during every library call
    (ctypes.CDLL), so threads with one Context each run in parallel.

    Examples
    --------
    >>> with Context("simd") as ctx:
    ...     final, status, _ = ctx.integrate(W, x0, dt=0.05, steps=100)            # TanhRnn(W)
    ...     spectrum = ctx.lyapunov(Lorenz(rho=[20.0, 28.0]), np.ones((3, 2)), dt=0.01)
    """

    def __init__(self, backend="auto"):
        arrays.choice(backend, "backend", tuple(BACKENDS))
        handle = ctypes.c_void_p()
        check(lib.fa_context_create(BACKENDS[backend], ctypes.byref(handle)))
        self._handle = handle

    @property
    def handle(self):
        """The fa_context handle (None once closed: the library then reports FA_ERR_INVALID_CONTEXT)."""
        return self._handle

    def close(self):
        """Destroys the engine (fa_context_destroy); closing twice does nothing."""
        if self._handle is not None:
            check(lib.fa_context_destroy(self._handle))
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "Context(closed)" if self._handle is None else f"Context({self.backend!r})"

    @property
    def backend(self):
        """The backend this context runs on, e.g. "simd" (never "auto")."""
        code = ctypes.c_int()
        check(lib.fa_context_backend(self._handle, ctypes.byref(code)))
        return next(name for name, value in BACKENDS.items() if value == code.value)

    # The computations live in one module each; bound here as methods (their first parameter is this context).
    integrate = integrate.integrate
    lyapunov = lyapunov.lyapunov
    gradient = gradient.gradient
    train_sequences = sequence.train_sequences
    recall = sequence.recall
