"""Degeneracy studies of task-trained RNN ensembles (fa_degeneracy_layout / fa_degeneracy_study_full, the library's
DegeneracyStudy): the numbers ``fastattractors degeneracy`` writes to networks.parquet and pairs.parquet for the same
spec, bit for bit.

Many independent discrete tanh RNNs h <- tanh(W h + U x + b) are trained side by side on a task (EnsembleTrainer: Adam,
gradient clipping, early stopping, L2/L1/nuclear penalties) for every condition width x regulariser, then each network
is analysed (test and out-of-distribution loss, fixed points and their stability, DSA's self-distance noise floor,
optionally its autonomous and input-driven Lyapunov exponents) and the usable networks of each condition (with
``pairs="all"`` also of two conditions) are compared pair by pair (DSA distance, permutation-invariant weight
distance, 1 - linear CKA).
"""
import ctypes
import json
import math
from collections import namedtuple

import numpy as np

from . import arrays
from ._library import check, lib
from .errors import FastAttractorsError

# fa_degeneracy_status of native/fastattractors.h.
DEGENERACY_STATUSES = {0: "converged", 1: "completed", 2: "diverged", 3: "failed"}

# Keyword argument -> the spec key (the CLI's flag without dashes), and the kind of value it takes.
_KEYS = {
    "task": ("task", "text"), "length": ("length", "int"), "difficulty": ("difficulty", "real"),
    "widths": ("widths", "ints"), "regularisers": ("regularisers", "texts"), "networks": ("networks", "int"),
    "seed": ("seed", "int64"), "lr": ("lr", "real"), "init": ("init", "text"), "batch": ("batch", "int"),
    "train_size": ("trainSize", "int"), "test_size": ("testSize", "int"), "epochs": ("epochs", "int"),
    "max_steps": ("maxSteps", "int64"), "eval_every": ("evalEvery", "int"), "clip": ("clip", "real"),
    "threshold": ("threshold", "real"), "patience": ("patience", "int"), "analysis_trials": ("analysisTrials", "int"),
    "ood_trials": ("oodTrials", "int"), "fixed_point_starts": ("fixedPointStarts", "int"), "dsa_rank": ("dsaRank", "int"),
    "dsa_delays": ("dsaDelays", "int"), "dsa_starts": ("dsaStarts", "int"), "threads": ("threads", "int"),
    "pairs": ("pairs", "text"), "exponents": ("exponents", "int"), "driven_exponents": ("drivenExponents", "int"),
    "lyapunov_iterations": ("lyapunovIterations", "int"), "dynamics": ("dynamics", "text"),
    "dt_over_tau": ("dtOverTau", "real"), "method": ("method", "text"),
}
_ARGUMENT_OF = {key: name for name, (key, _) in _KEYS.items()}

# fa_degeneracy_outputs of native/fastattractors.h, field order: (column, dtype, columns per row). Per network, then per
# pair slot; "exponents" and "driven_exponents" have k columns (the layout's), "mds" 8.
_NETWORK_COLUMNS = (("condition", np.int32, 1), ("width", np.int32, 1), ("seed", np.int64, 1), ("status", np.int32, 1),
                    ("usable", np.int32, 1), ("steps", np.int64, 1), ("final_test_loss", np.float64, 1),
                    ("ood_loss", np.float64, 1), ("weight_norm", np.float64, 1), ("weight_change", np.float64, 1),
                    ("fixed_points", np.int32, 1), ("stable_fixed_points", np.int32, 1),
                    ("saddle_fixed_points", np.int32, 1), ("slow_points", np.int32, 1),
                    ("plane_explained", np.float64, 1), ("dsa_self", np.float64, 1), ("exponents", np.float64, "k"),
                    ("driven_exponents", np.float64, "driven"), ("mds", np.float64, 8))
_PAIR_COLUMNS = (("first", np.int32, 1), ("second", np.int32, 1), ("first_condition", np.int32, 1),
                 ("second_condition", np.int32, 1), ("ood_difference", np.float64, 1), ("dsa", np.float64, 1),
                 ("weight_distance", np.float64, 1), ("weight_per_parameter", np.float64, 1),
                 ("weight_relative", np.float64, 1), ("weight_exact", np.int32, 1), ("one_minus_cka", np.float64, 1),
                 ("dsa_self_max", np.float64, 1))
# The MDS coordinates' columns in the C array's order, named as the CLI's networks.parquet names them.
_MDS_NAMES = tuple(f"mds_{level}_{axis}" for level in ("behaviour", "dynamics", "weights", "representation")
                   for axis in ("x", "y"))


class _Outputs(ctypes.Structure):
    """fa_degeneracy_outputs: a pointer and its element count per column."""
    _fields_ = [field for name, _, _ in _NETWORK_COLUMNS + _PAIR_COLUMNS
                for field in ((name, ctypes.c_void_p), (name + "_len", ctypes.c_int64))]


def _declare():
    i64, ptr = ctypes.c_int64, ctypes.c_void_p
    lib.fa_degeneracy_sizes.argtypes = [ctypes.c_char_p, ctypes.POINTER(i64), ctypes.POINTER(i64)]
    lib.fa_degeneracy_sizes.restype = ctypes.c_int
    # fa_degeneracy_study (within-condition pairs, no exponents): the older call, kept in the header for C users.
    lib.fa_degeneracy_study.argtypes = [ptr, ctypes.c_char_p] + [ptr, i64] * 16
    lib.fa_degeneracy_study.restype = ctypes.c_int
    i32p = ctypes.POINTER(ctypes.c_int32)
    i64p = ctypes.POINTER(i64)
    lib.fa_degeneracy_layout.argtypes = [ctypes.c_char_p, i64p, i64p, i64p, i32p, i32p, i32p]
    lib.fa_degeneracy_layout.restype = ctypes.c_int
    lib.fa_degeneracy_study_full.argtypes = [ptr, ctypes.c_char_p, ctypes.POINTER(_Outputs)]
    lib.fa_degeneracy_study_full.restype = ctypes.c_int
    lib.fa_ensemble_sizes.argtypes = [ctypes.c_char_p, i32p, i32p, i32p, i32p]
    lib.fa_ensemble_sizes.restype = ctypes.c_int
    lib.fa_train_ensemble.argtypes = [ptr, ctypes.c_char_p] + [ptr, i64] * 4
    lib.fa_train_ensemble.restype = ctypes.c_int


_declare()


class DegeneracyResult:
    """fa.degeneracy's result: one row per network and one slot per pair, as dicts of numpy arrays.

    Attributes
    ----------
    spec : dict
        The spec sent to the library (its JSON keys; absent keys took the library's defaults).
    conditions : list of (int, str)
        (width, regulariser) of each condition index, widths-major, then regularisers.
    within_pairs : int
        The number of within-condition pair slots; they come first in ``pairs``, the cross-condition ones (``pairs=
        "all"`` only) after them.
    networks : dict of ndarray, each (networks,) unless said
        condition, width, seed (int64), status (0 converged, 1 completed, 2 diverged, 3 failed; DEGENERACY_STATUSES),
        usable (1: trained and analysed, counted in the pairs), steps (int64, Adam updates), final_test_loss,
        ood_loss, weight_norm (||W||_F), weight_change (||W_T - W_0||_F), fixed_points, stable_fixed_points,
        saddle_fixed_points, slow_points, plane_explained (state variance in the first two principal components),
        dsa_self (DSA's noise floor: the network's operator on the analysis trials against its operator on a second
        set; a pair's dsa means something only above both networks' dsa_self; NaN when either could not be fitted),
        lyapunov_1 ... lyapunov_k and lyapunov_driven_1 ... (the columns of ``exponents`` and ``driven_exponents``,
        named as in the CLI's networks.parquet), and mds_behaviour_x ... mds_representation_y: the network's 2-D MDS
        coordinates within its condition per level (NaN when not usable). Network i is condition i // N, replicate
        i % N.
    exponents : ndarray (networks, k)
        The leading Lyapunov exponents of each network's autonomous map h <- tanh(W h + b), per step, largest first
        (NaN for a network with non-finite parameters); k = 0 columns unless asked for.
    driven_exponents : ndarray (networks, driven_exponents)
        Those of the map driven by the task's inputs, per step, largest first (NaN beyond the network's width).
    pairs : dict of ndarray, each (pairs,)
        first, second (network indices, first < second), first_condition, second_condition, cross (bool: the two
        conditions differ), ood_difference (|OOD loss difference|), dsa, weight_distance (permutation-invariant,
        Frobenius; NaN across two widths), weight_per_parameter (/ n^2), weight_relative (/ the mean ||W||_F),
        weight_exact (1: exact, 0: upper bound), one_minus_cka, dsa_self_max (the larger dsa_self of the two). Slots
        run condition-major, then i < j; with ``pairs="all"`` then every condition pair a < b, network i of a outer,
        j of b inner. A slot whose networks are not both usable holds NaN.
    """

    def __init__(self, spec, conditions, networks, pairs, within_pairs=None, exponents=None, driven_exponents=None):
        self.spec = spec
        self.conditions = conditions
        self.networks = networks
        self.pairs = pairs
        count = len(networks["seed"])
        self.within_pairs = len(pairs["first"]) if within_pairs is None else within_pairs
        self.exponents = np.empty((count, 0)) if exponents is None else exponents
        self.driven_exponents = np.empty((count, 0)) if driven_exponents is None else driven_exponents

    def to_pandas(self):
        """The two tables as pandas DataFrames (needs pandas; the rest of the package does not).

        Returns
        -------
        (pandas.DataFrame, pandas.DataFrame)
            (networks, pairs), with the status also as text (column status_name).

        Raises
        ------
        ImportError
            pandas is not installed.
        """
        import pandas as pd
        networks = pd.DataFrame(self.networks)
        networks["status_name"] = [DEGENERACY_STATUSES.get(int(s), str(s)) for s in self.networks["status"]]
        return networks, pd.DataFrame(self.pairs)

    def __repr__(self):
        return (f"DegeneracyResult({len(self.conditions)} conditions, {len(self.networks['seed'])} networks, "
                f"{len(self.pairs['first'])} pair slots)")


def _value(value, name, kind):
    """value checked for its spec key's type, as JSON-ready Python."""
    if kind == "text":
        if not isinstance(value, str):
            raise TypeError(f"{name}: expected a string, got {type(value).__name__} {value!r:.60}")
        return value
    if kind == "texts":
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise TypeError(f"{name}: expected a list of strings, got {type(value).__name__} {value!r:.60}")
        return [_value(v, f"{name}[{k}]", "text") for k, v in enumerate(value)]
    if kind == "ints":
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple, np.ndarray)):
            raise TypeError(f"{name}: expected a list of integers, got {type(value).__name__} {value!r:.60}")
        return [arrays.integer(v, f"{name}[{k}]") for k, v in enumerate(list(value))]
    if kind in ("int", "int64"):
        return arrays.integer(value, name, arrays.INT64 if kind == "int64" else arrays.INT32)
    value = arrays.real(value, name)
    if not math.isfinite(value):
        raise ValueError(f"{name}: must be finite, got {value}")
    return value


def _spec(spec, given):
    """The JSON object: spec (a dict of JSON keys or keyword names) overlaid with the keyword arguments given."""
    out = {}
    if spec is not None:
        if not isinstance(spec, dict):
            raise TypeError(f"spec: expected a dict, got {type(spec).__name__} {spec!r:.60}")
        for key, value in spec.items():
            if not isinstance(key, str):
                raise TypeError(f"spec: keys must be strings, got {key!r:.60}")
            name = key if key in _KEYS else _ARGUMENT_OF.get(key)
            if name is None:
                # Unknown keys go through: the library refuses them, naming them (its message lists the key).
                out[key] = value
                continue
            out[_KEYS[name][0]] = _value(value, f"spec[{key!r}]", _KEYS[name][1])
    for name, value in given.items():
        if value is not None:
            out[_KEYS[name][0]] = _value(value, name, _KEYS[name][1])
    return out


def _renamed(error, extra=None):
    """The library's error with the keyword argument named beside its spec key (trainSize -> train_size)."""
    key = error.message.split(":", 1)[0]
    name = (extra or {}).get(key) or _ARGUMENT_OF.get(key)
    if name is None or name == key:
        return error
    return FastAttractorsError(error.code, f"{name} ({key}):{error.message.split(':', 1)[1]}")


def degeneracy_sizes(spec=None, **keywords):
    """The number of networks and pair slots a degeneracy spec implies, validated by the library; nothing is trained.

    Parameters
    ----------
    spec, keywords : dict or str, and keyword arguments
        As for :func:`degeneracy` (``task``, ``widths``, ``networks``, ...).

    Returns
    -------
    (int, int)
        (networks, pairs): conditions * networks and conditions * networks * (networks - 1) / 2, or with
        ``pairs="all"`` every pair of networks, networks * (networks - 1) / 2.

    Raises
    ------
    ValueError, TypeError
        A value checked here, naming the argument.
    FastAttractorsError
        The library's refusal (an empty widths list, networks = 0, threshold <= 0, an unknown task, malformed JSON),
        naming the argument.
    """
    unknown = set(keywords) - set(_KEYS)
    if unknown:
        raise TypeError(f"{sorted(unknown)[0]}: not an argument of degeneracy (known: {', '.join(_KEYS)})")
    if isinstance(spec, str):
        if any(v is not None for v in keywords.values()):
            raise TypeError("spec: give JSON text alone, or a dict with keyword arguments, not JSON text and keywords")
        return _sizes(spec)
    return _sizes(json.dumps(_spec(spec, keywords), allow_nan=False))


def _sizes(text):
    layout = _layout(text)
    return layout["networks"], layout["pairs"]


def _layout(text):
    """fa_degeneracy_layout: networks, pairs, within_pairs, conditions, k and driven of the spec, nothing trained."""
    networks, pairs, within = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int64()
    conditions, k, driven = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32()
    try:
        check(lib.fa_degeneracy_layout(text.encode("utf-8"), *(ctypes.byref(v) for v in
                                                               (networks, pairs, within, conditions, k, driven))))
    except FastAttractorsError as error:
        raise _renamed(error) from None
    return dict(networks=networks.value, pairs=pairs.value, within_pairs=within.value, conditions=conditions.value,
                k=k.value, driven=driven.value)


def degeneracy(context, spec=None, *, task=None, length=None, difficulty=None, widths=None, regularisers=None,
               networks=None, seed=None, lr=None, init=None, batch=None, train_size=None, test_size=None, epochs=None,
               max_steps=None, eval_every=None, clip=None, threshold=None, patience=None, analysis_trials=None,
               ood_trials=None, fixed_point_starts=None, dsa_rank=None, dsa_delays=None, dsa_starts=None, threads=None,
               pairs=None, exponents=None, driven_exponents=None, lyapunov_iterations=None, dynamics=None,
               dt_over_tau=None, method=None):
    """Trains and analyses a degeneracy study: task x widths x regularisers x networks RNNs (DegeneracyStudy).

    The spec is the CLI's ``degeneracy --spec`` JSON schema; None (or absent) takes the CLI's small defaults, which
    finish in seconds. Keyword arguments override ``spec``.

    Parameters
    ----------
    context : Context
        Held for the run (a context busy elsewhere raises FA_ERR_BUSY); training runs on the host's cores.
    spec : dict or str, optional
        The spec as a dict (JSON keys such as ``"trainSize"`` or the keyword names below) or as JSON text.
    task : {"flipflop", "sine", "discrimination", "path-integration"}, default "flipflop"
    length : int, default 30
        Steps per trial (discrimination: the delay).
    difficulty : float, optional
        The task's difficulty knob (flip-flop pulse probability, sine's top frequency, ...).
    widths : sequence of int, default (8, 16)
        Hidden sizes, one condition each (times each regulariser); distinct, in [1, 4096].
    regularisers : sequence of str, default ("none",)
        ``"none"``, ``"l2:1e-4"``, ``"l1:1e-3"``, ``"nuclear:1e-2"``.
    networks : int, default 4
        Networks per condition; network k has seed ``seed + k``.
    seed : int, default 1
    lr : float, default 0.01
        Adam's learning rate.
    init : {"default", "orthogonal", "pta"}, default "default"
    batch, train_size, test_size, epochs, max_steps, eval_every, clip, threshold, patience : optional
        The training budget: batch 16, 128 training and 32 test trials, 8 epochs, no step limit, evaluation every
        epoch, gradient-norm clip 1, early stopping at test loss ``threshold`` (1e-3, > 0) held ``patience`` (3)
        evaluations.
    analysis_trials, ood_trials, fixed_point_starts, dsa_rank, dsa_delays, dsa_starts : optional
        The analysis: 4 shared analysis trials, 16 out-of-distribution trials, 16 fixed-point starts, DSA rank 6 with 3
        delays and 1 random start.
    threads : int, optional
        Worker threads (None or 0: all cores); results do not depend on it.
    pairs : {"within", "all"}, default "within"
        "all" also compares every network with every network of each other condition (slots after the within ones).
    exponents : int, default 0
        k leading Lyapunov exponents of each network's autonomous map, computed on the context's backend as the CLI
        computes them on its --backend (at most the smallest width).
    driven_exponents : int, default 0
        Leading Lyapunov exponents of each network driven by the task's inputs (the same drive for all).
    lyapunov_iterations : int, default 1000
        Iterations (after a transient of 500) of both exponent estimates; with exponents > 0 about 100 at least.
    dynamics : {"discrete", "continuous"}, default "discrete"
        The recurrence: the map h <- tanh(W h + U x + b), y = C h + d, or the continuous-time network
        tau dh/dt = -h + W tanh(h) + U x + b run as forward-Euler steps h <- h + a(-h + W tanh(h) + U x + b) with
        a = ``dt_over_tau``, read out from the rates, y = C tanh(h) + d.
    dt_over_tau : float, default 0.1
        a = dt/tau in (0, 1], continuous networks only.
    method : {"euler"}, default "euler"
        The continuous network's integration method (only forward Euler is trained).

    Returns
    -------
    DegeneracyResult
        ``.networks`` and ``.pairs`` (dicts of numpy arrays), ``.conditions``, ``.within_pairs``, ``.spec``;
        ``.to_pandas()``.

    Raises
    ------
    ValueError, TypeError
        A value checked here, naming the argument.
    FastAttractorsError
        The library's refusal, naming the argument (e.g. ``widths: Widths must list at least one hidden size``,
        ``networks: ...``, ``threshold: ...``, ``task: 'x' is not one of ...``, ``spec_json: not a valid degeneracy
        spec``), before anything is trained.
    """
    given = {name: value for name, value in locals().items() if name in _KEYS}
    if isinstance(spec, str):
        if any(v is not None for v in given.values()):
            raise TypeError("spec: give JSON text alone, or a dict with keyword arguments, not JSON text and keywords")
        text, sent = spec, None
    else:
        sent = _spec(spec, given)
        text = json.dumps(sent, allow_nan=False)
    layout = _layout(text)
    if sent is None:
        sent = json.loads(text)
    # One value per network, or a (networks, columns) matrix: k or driven exponents (2-D even when 1), 8 MDS values.
    matrix_columns = {"k": layout["k"], "driven": layout["driven"], 8: 8}
    count = layout["networks"]
    out_networks = {name: np.empty(count if width == 1 else (count, matrix_columns[width]), dtype)
                    for name, dtype, width in _NETWORK_COLUMNS}
    out_pairs = {name: np.empty(layout["pairs"], dtype) for name, dtype, _ in _PAIR_COLUMNS}
    outputs = _Outputs()
    for name, a in list(out_networks.items()) + list(out_pairs.items()):
        pointer, length = arrays.pointer(a) if a.size else (None, 0)
        setattr(outputs, name, pointer)
        setattr(outputs, name + "_len", length)
    try:
        check(lib.fa_degeneracy_study_full(context.handle, text.encode("utf-8"), ctypes.byref(outputs)))
    except FastAttractorsError as error:
        raise _renamed(error) from None
    # Every column of networks stays 1-D (one value per network, as before, and a DataFrame as it is): the matrices
    # are split into the CLI's column names and kept whole as attributes.
    mds = out_networks.pop("mds")
    out_networks.update({name: mds[:, j].copy() for j, name in enumerate(_MDS_NAMES)})
    exponents_matrix, driven_matrix = out_networks.pop("exponents"), out_networks.pop("driven_exponents")
    out_networks.update({f"lyapunov_{j + 1}": exponents_matrix[:, j].copy() for j in range(layout["k"])})
    out_networks.update({f"lyapunov_driven_{j + 1}": driven_matrix[:, j].copy() for j in range(layout["driven"])})
    out_pairs["cross"] = out_pairs["first_condition"] != out_pairs["second_condition"]
    # The keys are case-insensitive, as the library reads them; absent ones took its defaults.
    folded = {str(k).lower(): v for k, v in sent.items()} if isinstance(sent, dict) else {}
    widths_used, regs_used = folded.get("widths", [8, 16]), folded.get("regularisers", ["none"])
    conditions = [(int(w), str(r)) for w in widths_used for r in regs_used]
    return DegeneracyResult(sent, conditions, out_networks, out_pairs, layout["within_pairs"], exponents_matrix,
                            driven_matrix)


TrainedEnsemble = namedtuple("TrainedEnsemble", "W U b C d status steps final_test_loss")
TrainedEnsemble.__doc__ = """train_ensemble's result: the final parameters of network k at index k (network first).

W : ndarray of float64 (networks, n, n)
U : ndarray of float64 (networks, n, m)
b : ndarray of float64 (networks, n)
    h <- tanh(W h + U x + b), m the task's inputs.
C : ndarray of float64 (networks, o, n)
d : ndarray of float64 (networks, o)
    The readout y = C h + d, o the task's outputs.
status : ndarray of int32 (networks,)
    0 converged, 1 completed, 2 diverged (the last finite parameters), 3 failed (DEGENERACY_STATUSES).
steps : ndarray of int64 (networks,)
    Adam updates taken.
final_test_loss : ndarray of float64 (networks,)
    Test loss at the last evaluation."""


def train_ensemble(context, spec=None, *, task=None, length=None, difficulty=None, width=None, regulariser=None,
                   networks=None, seed=None, lr=None, init=None, batch=None, train_size=None, test_size=None, epochs=None,
                   max_steps=None, eval_every=None, clip=None, threshold=None, patience=None, threads=None,
                   dynamics=None, dt_over_tau=None, method=None):
    """Trains networks tanh RNNs of one width on a task side by side (EnsembleTrainer) and returns their weights.

    The networks are those :func:`degeneracy` trains for the condition (width, regulariser), parameter for parameter:
    network k has seed ``seed + k``. The spec is the CLI's ``degeneracy --spec`` schema with one width and one
    regulariser; keyword arguments override ``spec``.

    Parameters
    ----------
    context : Context
        Held for the run; training runs on the host's cores.
    spec : dict or str, optional
        The spec as a dict (JSON keys or the keyword names) or JSON text (``"widths"`` of one width).
    task : {"flipflop", "sine", "discrimination", "path-integration"}, default "flipflop"
    length : int, default 30
        Steps per trial.
    difficulty : float, optional
        The task's difficulty knob.
    width : int, default 8
        Hidden size n.
    regulariser : str, default "none"
        ``"none"``, ``"l2:1e-4"``, ``"l1:1e-3"`` or ``"nuclear:1e-2"``.
    networks : int, default 4
    seed : int, default 1
    lr : float, default 0.01
    init : {"default", "orthogonal", "pta"}, default "default"
    batch, train_size, test_size, epochs, max_steps, eval_every, clip, threshold, patience, threads : optional
        The training budget and early stopping, as for :func:`degeneracy`.
    dynamics, dt_over_tau, method : optional
        The recurrence, as for :func:`degeneracy` (default the discrete map).

    Returns
    -------
    TrainedEnsemble
        (W, U, b, C, d, status, steps, final_test_loss), network first.

    Raises
    ------
    ValueError, TypeError
        A value checked here, naming the argument.
    FastAttractorsError
        The library's refusal, naming the argument (more than one width or regulariser, networks = 0, ...).
    """
    given = {name: value for name, value in locals().items() if name in _KEYS}
    if width is not None:
        given["widths"] = [arrays.integer(width, "width")]
    elif not (isinstance(spec, str) or any(k in ("widths", "Widths") for k in (spec or {}))):
        given["widths"] = [8]   # one width: the CLI's default (8, 16) has two
    if regulariser is not None:
        given["regularisers"] = [_value(regulariser, "regulariser", "text")]
    if isinstance(spec, str):
        if any(v is not None for v in given.values()):
            raise TypeError("spec: give JSON text alone, or a dict with keyword arguments, not JSON text and keywords")
        text = spec
    else:
        text = json.dumps(_spec(spec, given), allow_nan=False)
    # The library names the spec keys widths and regularisers; the caller may have given width and regulariser.
    extra = {key: name for key, name, value in (("widths", "width", width), ("regularisers", "regulariser", regulariser))
             if value is not None}
    count, n, m, o = (ctypes.c_int32() for _ in range(4))
    try:
        check(lib.fa_ensemble_sizes(text.encode("utf-8"), *(ctypes.byref(v) for v in (count, n, m, o))))
    except FastAttractorsError as error:
        raise _renamed(error, extra) from None
    count, n, m, o = count.value, n.value, m.value, o.value
    per = n * n + n * m + n + o * n + o
    arrays.fits("networks", "the parameters", count, per)
    parameters = np.empty((count, per))
    status, steps, loss = np.empty(count, np.int32), np.empty(count, np.int64), np.empty(count)
    pointers = [p for a in (parameters, status, steps, loss) for p in arrays.pointer(a)]
    try:
        check(lib.fa_train_ensemble(context.handle, text.encode("utf-8"), *pointers))
    except FastAttractorsError as error:
        raise _renamed(error, extra) from None
    cuts = np.cumsum([n * n, n * m, n, o * n])
    W, U, b, C, d = np.split(parameters, cuts, axis=1)
    return TrainedEnsemble(W.reshape(count, n, n).copy(), U.reshape(count, n, m).copy(), b.copy(),
                           C.reshape(count, o, n).copy(), d.copy(), status, steps, loss)
