#!/usr/bin/python3
"""A property test of the Python package (python/fastattractors) without hypothesis: a seeded random loop calls each function
with valid small arguments except one, replaced by a hostile value (wrong type, out of its C type's range, a size
too large for one array, NaN, a wrong shape, a broadcast view of billions of elements, patterns other than -1/+1).
Every call must raise TypeError, ValueError or FastAttractorsError whose message names the replaced argument; a
call that returns, raises anything else, or names another argument is a failure. Prints a JSON summary for
tests/FastAttractors.Native.Tests/PythonPropertyTests.cs; a crash shows as a non-zero exit.

    hostile_python.py [--seed S] [--cases C]
"""
import argparse
import json
import math
import os
import random
import re
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import fastattractors as fa  # noqa: E402

N, MEMBERS, NETWORKS, LENGTH, VISIBLE, HIDDEN = 3, 4, 2, 5, 8, 6
INTS = [-1, 0, 1, 2, 2**31 - 1, 2**31, 2**32 + 5, 2**53 + 1, 2**62, 2**63 - 1, 2**63, 2**64, -2**31 - 1, -2**63, -2**64,
        1.5, 2.0, math.nan, "3", None, True, [1], np.float64(2.0), 1j]
REALS = [math.nan, math.inf, -math.inf, -1.0, 0.0, 1e308, -1e-300, "0.1", None, [0.1], 1j, True]


def ints(valid):
    """Hostile values for an integer argument: all of INTS that are not ints satisfying valid."""
    return [v for v in INTS if isinstance(v, bool) or not isinstance(v, int) or not valid(v)]


def reals(valid):
    return [v for v in REALS if isinstance(v, bool) or not isinstance(v, (int, float)) or not valid(float(v))]


def arrays(shape, rng):
    """Hostile values for a real array argument whose valid shapes start with shape."""
    wrong = tuple(d + 1 for d in shape)
    return [np.zeros(wrong), np.zeros(shape[:-1]), np.zeros(shape + (2,)), np.full(shape, "x"), None,
            np.zeros(shape, complex), np.broadcast_to(0.0, (50000, 50000)), "abc"]


def patterns_values(rng):
    good = np.where(rng.random((NETWORKS, LENGTH, VISIBLE)) < 0.5, -1, 1)
    out = []
    for bad in (1.7, 255, 0, math.nan, -2, 1.0000001, math.inf):
        p = good.astype(float)
        p[rng.integers(NETWORKS), rng.integers(LENGTH), rng.integers(VISIBLE)] = bad
        out.append(p)
    out += [good.astype(np.uint8), good == 1, good[0], np.full(good.shape, "1"), good.astype(complex), None,
            np.broadcast_to(np.int8(1), (40000, 300, 300))]
    return out


def inputs(rng):
    i, j = np.meshgrid(np.arange(N), np.arange(N), indexing="ij")
    W = ((i * 7 + j * 3) % 11 - 5) / 8.0
    x0 = (np.arange(N * MEMBERS).reshape(N, MEMBERS) % 5 - 2) / 2.0
    # Distinct patterns in each sequence, so the valid arguments are storable whatever the seed.
    codes = np.stack([rng.choice(2**VISIBLE, LENGTH, replace=False) for _ in range(NETWORKS)])
    p = np.where((codes[..., None] >> np.arange(VISIBLE)) & 1 == 1, 1, -1).astype(np.int8)
    return W, x0, p


def cases(ctx, rng):
    """Per function: the valid keyword arguments and, per argument, its hostile values."""
    W, x0, p = inputs(rng)
    u, v = np.zeros((NETWORKS, HIDDEN, VISIBLE)), np.zeros((NETWORKS, VISIBLE, HIDDEN))
    dtypes = ["int8", np.int32, "garbage", np.complex128, object, [1]]
    model = {"W": arrays((N, N), rng), "x0": [np.zeros(N), np.zeros((N, MEMBERS, 2)), np.full((N, MEMBERS), "x"), None,
                                             np.zeros((N, MEMBERS), complex), np.broadcast_to(0.0, (50000, 50000))],
             "b": [a for a in arrays((N,), rng)[:6] if a is not None], "tau": [-1.0, np.ones(MEMBERS + 1), "x", np.zeros(2), 1j], "dtype": dtypes}
    dt = reals(lambda x: x > 0 and math.isfinite(x))

    # The model classes: their coefficients are arguments too (wrapped so that each is one keyword argument here).
    def lorenz_lyapunov(sigma, rho, beta, x0, dt, k, method):
        return ctx.lyapunov(fa.Lorenz(sigma=sigma, rho=rho, beta=beta), x0, dt=dt, transient=1.0, duration=20.0, k=k,
                            method=method)

    def henon_integrate(a, b, x0, steps, dt):
        return ctx.integrate(fa.Henon(a=a, b=b), x0, dt=dt, steps=steps)

    coefficient = [math.nan, math.inf, "x", None, 1j, np.ones(MEMBERS + 1), np.ones((2, MEMBERS)), [math.nan] * MEMBERS]
    # Degeneracy studies: a spec that trains in a fraction of a second; every hostile value is refused before training.
    study = dict(task="flipflop", length=6, networks=2, batch=4, train_size=8, test_size=4, epochs=1, threshold=1e-3)
    # Explicit lists: a large valid count (epochs, trials) would train for hours instead of being refused.
    study_hostile = {"task": ["juggling", "", 3, ["flipflop"]], "length": [0, -1, 2**31, 1.5, "6"],
                     "networks": [0, -1, 100001, 2**31, 1.5, "2"],
                     "threshold": [0.0, -1.0, math.nan, math.inf, -math.inf, "0.1", 1j, True],
                     "train_size": [0, 2, -1, 2**31, 1.5], "epochs": [0, -1, 2**31, 1.5, "1"],
                     "lr": [0.0, -1.0, math.nan, math.inf, "0.1"]}

    def degeneracy(widths, **kwargs):
        return fa.degeneracy(ctx, widths=widths, analysis_trials=2, ood_trials=2, fixed_point_starts=2, **kwargs)

    def train_ensemble(width, **kwargs):
        return fa.train_ensemble(ctx, width=width, **kwargs)

    return {
        degeneracy: (dict(widths=[3], **study),
                     {**study_hostile, "widths": [[], [0], [3, 3], [5000], [2**31], 3, "3", [1.5], [[3]]]}),
        train_ensemble: (dict(width=3, **study),
                         {**study_hostile, "width": [0, -1, 5000, 2**31, 1.5, "3", [3]]}),
        lorenz_lyapunov: (dict(sigma=10.0, rho=np.linspace(20, 30, MEMBERS), beta=8 / 3, x0=np.ones((3, MEMBERS)), dt=0.01,
                               k=3, method=None),
                          {"sigma": coefficient, "rho": coefficient, "beta": coefficient,
                           "x0": [np.zeros((2, MEMBERS)), np.zeros(3), None, np.full((3, MEMBERS), "x")], "dt": dt,
                           "k": [k for k in ints(lambda k: 1 <= k <= 3) if k is not None],
                           "method": ["iterate", "rk5", 4, b"rk4"]}),
        henon_integrate: (dict(a=1.4, b=0.3, x0=np.full((2, MEMBERS), 0.1), steps=20, dt=None),
                          {"a": coefficient, "b": coefficient, "x0": [np.zeros((3, MEMBERS)), np.zeros(2), None],
                           "steps": ints(lambda s: 1 <= s <= 2**53), "dt": [0.5, 2.0, math.nan, "1", 1j]}),
        ctx.integrate: (dict(W=W, x0=x0, dt=0.05, steps=20, record_every=5),
                        {**model, "dt": dt, "steps": ints(lambda s: 1 <= s <= 2**53),
                         "record_every": ints(lambda r: 0 <= r <= 2**31 - 1)}),
        ctx.lyapunov: (dict(W=W, x0=x0, dt=0.05, transient=1.0, duration=20.0, every=5, k=2),
                       {**model, "dt": dt, "transient": reals(lambda t: 0 <= t <= 1e3),
                        "duration": reals(lambda d: 10 <= d <= 1e3), "every": ints(lambda e: 1 <= e <= 10),
                        "k": [k for k in ints(lambda k: 1 <= k <= N) if k is not None]}),
        ctx.gradient: (dict(W=W, x0=x0, dt=0.05, steps=20, target=np.ones(N)),
                       {**model, "dt": dt, "steps": ints(lambda s: 1 <= s <= 2**53),
                        "target": arrays((N,), rng)[:6] + [np.zeros((N, MEMBERS + 1))]}),
        ctx.train_sequences: (dict(patterns=p, hidden=HIDDEN, kappa=1.0, eta=1.0 / 16, max_epochs=50, seed=3),
                              {"patterns": patterns_values(rng), "hidden": ints(lambda h: 1 <= h <= 2**31 - 1),
                               "kappa": reals(lambda k: 0 < k < math.inf), "eta": reals(lambda e: 0 < e < math.inf),
                               "max_epochs": ints(lambda m: 1 <= m <= 2**31 - 1), "seed": ints(lambda s: 0 <= s < 2**64)}),
        ctx.recall: (dict(patterns=p, u=u, v=v, flipped=1, trials=3, criterion="exact", seed=5),
                     {"patterns": patterns_values(rng),
                      "u": arrays((NETWORKS, HIDDEN, VISIBLE), rng)[:6] + [np.full((NETWORKS, HIDDEN, VISIBLE), np.nan)],
                      "v": [np.zeros((NETWORKS, VISIBLE, HIDDEN + 1)), np.full((NETWORKS, VISIBLE, HIDDEN), np.inf), None, "v"],
                      "flipped": ints(lambda f: 0 <= f <= VISIBLE), "trials": ints(lambda t: 1 <= t <= fa.LARGEST_ARRAY // NETWORKS),
                      "criterion": ["exactly", 0, None, ["exact"], b"exact"], "seed": ints(lambda s: 0 <= s < 2**64)}),
    }


def names(message, argument):
    """Whether message names argument as a word (W also matches w_len; case ignored: the engine writes "Kappa")."""
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(argument)}(?![A-Za-z0-9])", message, re.IGNORECASE) is not None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=300)
    options = parser.parse_args()
    rng = np.random.default_rng(options.seed)
    pick = random.Random(options.seed)
    failures, counts = [], {}
    with fa.Context("simd") as ctx:
        table = cases(ctx, rng)
        functions = list(table)
        for case in range(options.cases):
            function = functions[case % len(functions)]          # every function equally often
            valid, hostile = table[function]
            argument = pick.choice(sorted(hostile))
            value = pick.choice(hostile[argument])
            kwargs = {**valid, argument: value}
            if os.environ.get("HOSTILE_TRACE"):  # which call hangs or crashes, if one does
                print(f"{case} {function.__name__} {argument}={value!r:.60}", file=sys.stderr, flush=True)
            label = f"{function.__name__}({argument}={value!r:.60})"
            counts[function.__name__] = counts.get(function.__name__, 0) + 1
            try:
                function(**kwargs)
                failures.append(f"{label}: returned")
            except (TypeError, ValueError, fa.FastAttractorsError) as e:
                if not names(str(e), argument):
                    failures.append(f"{label}: {type(e).__name__} does not name {argument}: {e}")
            except Exception as e:  # noqa: BLE001 - any other exception type is a failure to report
                failures.append(f"{label}: unexpected {type(e).__name__}: {e}")
        # After every hostile call the context must still work.
        final, status, _ = ctx.integrate(table[ctx.integrate][0]["W"], table[ctx.integrate][0]["x0"], dt=0.05, steps=5)
        still_works = bool(np.all(np.isfinite(final))) and status.tolist() == [0] * MEMBERS
    print(json.dumps({"cases": options.cases, "seed": options.seed, "by_function": counts, "failures": failures,
                      "context_still_works": still_works}))


if __name__ == "__main__":
    main()
