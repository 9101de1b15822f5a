"""Binary U+V sequence networks: training by the gated margin rule and recall trials (fa_sequence_*).

Patterns are (networks, length, visible) of -1/+1, one periodic sequence per network; U is (networks, hidden,
visible) and V (networks, visible, hidden), row-major as the C ABI lays them out.
"""
import numpy as np

from . import arrays
from ._library import check, lib

CRITERIA = {"exact": 0, "reaches": 1}   # fa_recall_criterion


def train_sequences(context, patterns, hidden, kappa=1.0, eta=1e-3, max_epochs=500, seed=1):
    """Trains one U+V network per sequence (zero initial weights, batch schedule, +-1 hidden code).

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.train_sequences``).
    patterns : array_like, shape (networks, length, visible)
        Exactly -1 or +1 (anything else is refused, never cast).
    hidden : int
        Hidden neurons per network, >= 1.
    kappa : float, default 1.0
        The margin (> 0).
    eta : float, default 1e-3
        The learning rate (> 0).
    max_epochs : int, default 500
        Epoch limit, >= 1.
    seed : int, default 1
        Seed of the hidden code (0 ... 2**64 - 1).

    Returns
    -------
    dict
        ``u`` (networks, hidden, visible), ``v`` (networks, visible, hidden), ``epochs`` (networks,) int32 epochs
        run, ``converged`` (networks,) bool: the last epoch opened no gate.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal (kappa <= 0, ...), with its message naming the argument.
    """
    p = arrays.patterns(patterns)
    networks, length, visible = p.shape
    hidden, max_epochs = arrays.integer(hidden, "hidden"), arrays.integer(max_epochs, "max_epochs")
    kappa, eta = arrays.real(kappa, "kappa"), arrays.real(eta, "eta")
    seed = arrays.integer(seed, "seed", arrays.UINT64)
    arrays.fits("hidden", "U and V need networks*hidden*visible", networks, max(hidden, 0), visible)
    # hidden <= 0 passes NULL, so the library (not numpy) reports it, naming hidden.
    u = np.empty((networks, hidden, visible)) if hidden > 0 else None
    v = np.empty((networks, visible, hidden)) if hidden > 0 else None
    epochs = np.empty(networks, np.int32)
    converged = np.empty(networks, np.int32)
    check(lib.fa_sequence_train(context.handle, *arrays.pointer(p), networks, length, visible, hidden, kappa, eta,
                                max_epochs, seed, *arrays.pointer(u), *arrays.pointer(v), *arrays.pointer(epochs),
                                *arrays.pointer(converged)))
    return {"u": u, "v": v, "epochs": epochs, "converged": converged.astype(bool)}


def recall(context, patterns, u, v, flipped=10, trials=10, criterion="exact", seed=2):
    """Recall trials of U+V networks: each starts from pattern 0 with `flipped` distinct bits flipped.

    Parameters
    ----------
    context : Context
        The engine (the instance, when called as ``ctx.recall``).
    patterns : array_like, shape (networks, length, visible)
        The stored sequences, exactly -1 or +1.
    u : array_like, shape (networks, hidden, visible)
        U of each network (e.g. ``train_sequences(...)["u"]``).
    v : array_like, shape (networks, visible, hidden)
        V of each network.
    flipped : int, default 10
        Bits flipped in the initial pattern, 0 ... visible.
    trials : int, default 10
        Trials per network, >= 1.
    criterion : {"exact", "reaches"}, default "exact"
        "exact": every step equals the stored sequence from step 1; "reaches": the trajectory falls onto the
        sequence within 5*length steps.
    seed : int, default 2
        Seed of the flip noise (keyed by seed, network, trial).

    Returns
    -------
    ndarray of bool, shape (networks, trials)
        Whether each trial met the criterion.

    Raises
    ------
    ValueError, TypeError
        A shape, dtype or value checked here, with the argument's name and value.
    FastAttractorsError
        The library's refusal (non-finite U or V, flipped > visible, ...), with its message naming the argument.
    """
    arrays.choice(criterion, "criterion", tuple(CRITERIA))
    p = arrays.patterns(patterns)
    networks, length, visible = p.shape
    u = arrays.real_array(u, "u", np.float64, [(networks, None, visible)], "(networks, hidden, visible)")
    hidden = u.shape[1]
    v = arrays.real_array(v, "v", np.float64, [(networks, visible, hidden)])
    flipped, trials = arrays.integer(flipped, "flipped"), arrays.integer(trials, "trials")
    seed = arrays.integer(seed, "seed", arrays.UINT64)
    arrays.fits("trials", "success needs networks*trials", networks, max(trials, 0))
    success = np.empty((networks, max(trials, 0)), np.int32)
    check(lib.fa_sequence_recall(context.handle, *arrays.pointer(p), networks, length, visible, hidden,
                                 *arrays.pointer(u), *arrays.pointer(v), flipped, trials, CRITERIA[criterion], seed,
                                 *arrays.pointer(success)))
    return success.astype(bool)
