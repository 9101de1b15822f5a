"""FastAttractors from Python: ensembles of recurrent networks through the library's C ABI, numpy in and out.

    import numpy as np
    import fastattractors as fa

    with fa.Context() as ctx:                                  # or fa.Context("simd")
        lam, err, status = ctx.lyapunov(W, x0, dt=0.05, transient=50, duration=500, k=3)      # TanhRnn(W)
        spectrum = ctx.lyapunov(fa.Lorenz(rho=np.linspace(20, 30, 64)), x0, dt=0.01, transient=50, duration=500)

What it covers (everything native/fastattractors.h exports):
    Context(backend)            an engine: "auto", "cuda", "opencl", "ilgpu-cpu", "simd" or "reference"
    TanhRnn, ReluRnn, TanhOfLinear, Linear, Lorenz, Henon, Rossler
                                the built-in models (fastattractors.models), parameters shared or per member; a
                                bare W in place of a model means TanhRnn(W, b, tau), tau dx/dt = -x + W tanh(x) + b
    Context.integrate           integration (RK4, Euler, Heun, Tsit5) of flows, iteration of maps (float64 or float32)
    Context.lyapunov            leading Lyapunov exponents with standard errors, per-member status and diagnostics
    Context.gradient            exact adjoint gradients of 1/2 |x(T) - y|^2 with respect to x0 and the parameters
    Context.train_sequences     binary U+V sequence networks, gated margin rule
    Context.recall              their recall trials from noisy starts
    scan(ctx, alpha=, theta=)   Lyapunov spectra over a rotation-flow or rotation-map alpha x theta grid (Engine.Scan);
    scan(ctx, family="tanh-gain", n=, axes={"g": ("logspace", 0.1, 10, 16)})
                                any family (rotation-flow, rotation-map, tanh-gain) over linspace, logspace or list
                                axes, with per-row axis values and diagnostics (kaplan_yorke, sum_rule_residual, ...)
    degeneracy(ctx, task=, widths=, networks=, ...)
                                degeneracy studies of task-trained tanh RNN ensembles (DegeneracyStudy): trains many
                                networks per width x regulariser and returns per-network losses, OOD loss, fixed points,
                                dsa_self and (exponents=, driven_exponents=) Lyapunov exponents, and per-pair DSA,
                                weight distances and 1 - CKA (pairs="all": across conditions too) as dicts of numpy
                                arrays (.to_pandas()); degeneracy_sizes(...) validates a spec without training
    train_ensemble(ctx, task=, width=, networks=, ...)
                                the trained weights W, U, b and readout C, d of networks RNNs of one width
                                (EnsembleTrainer; the same networks degeneracy trains for that condition)
    version()                   the library's version

Arrays: the member axis is LAST, C order (the engine's own layout, nothing is transposed): x0 (n, members),
W (n, n) shared or (n, n, members), b (n,) or (n, members), tau and model coefficients scalar or (members,), trajectories
(frames, n, members), spectra (members, k); patterns (networks, length, visible) of -1/+1, U (networks, hidden,
visible), V (networks, visible, hidden). Inputs of another real dtype or layout are copied; anything else raises
ValueError (shape, dtype, value) or TypeError (a non-number where a number belongs) naming the argument and value.
Errors the library reports raise FastAttractorsError (.code, .status, .message: fa_last_error()).

Threads: the library is loaded with ctypes.CDLL, which releases the GIL during every call (ctypes.PyDLL would not),
so other Python threads keep running during a long integration or spectrum; for parallel computations give each
thread its own Context (a context busy in one thread raises FA_ERR_BUSY in another).

The first call starts the .NET runtime inside the process (a fraction of a second, once); the wheel bundles
libfastattractors.so and the managed assemblies, and needs the .NET 10 runtime (DOTNET_ROOT selects one).
"""
from ._library import library_path, version
from ._version import __version__
from .arrays import LARGEST_ARRAY
from .context import BACKENDS, Context
from .errors import FastAttractorsError
from .integrate import Integration, integrate
from .models import Henon, Linear, Lorenz, Model, ReluRnn, Rossler, TanhOfLinear, TanhRnn
from .lyapunov import LYAPUNOV_DIVERGED, LYAPUNOV_NOT_CONVERGED, LYAPUNOV_OK, Spectrum, lyapunov
from .gradient import gradient
from .sequence import CRITERIA, recall, train_sequences

__all__ = ["BACKENDS", "CRITERIA", "Context", "FastAttractorsError", "Henon", "Integration", "LARGEST_ARRAY",
           "LYAPUNOV_DIVERGED", "LYAPUNOV_NOT_CONVERGED", "LYAPUNOV_OK", "Linear", "Lorenz", "Model", "ReluRnn", "Rossler",
           "Spectrum", "TanhOfLinear", "TanhRnn", "__version__", "gradient", "integrate", "library_path", "lyapunov",
           "recall", "train_sequences", "version"]

# Scans (Engine.Scan through fa_scan_rotation_*: Lyapunov spectra over an alpha x theta grid).
from .scan import SCAN_FAMILIES, ScanResult, scan  # noqa: E402
__all__ += ["SCAN_FAMILIES", "ScanResult", "scan"]

# Degeneracy studies of task-trained RNN ensembles (DegeneracyStudy through fa_degeneracy_layout/fa_degeneracy_study_full).
from .degeneracy import (DEGENERACY_STATUSES, DegeneracyResult, TrainedEnsemble, degeneracy,  # noqa: E402
                         degeneracy_sizes, train_ensemble)
__all__ += ["DEGENERACY_STATUSES", "DegeneracyResult", "TrainedEnsemble", "degeneracy", "degeneracy_sizes",
            "train_ensemble"]
