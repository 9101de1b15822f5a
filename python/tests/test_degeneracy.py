"""fa.degeneracy (fa_degeneracy_layout / fa_degeneracy_study_full, the library's DegeneracyStudy) on a tiny spec: the
table layout, all pairs, the exponents and the DSA noise floor, determinism, and bad input refused naming the argument.
The numbers equal DegeneracyStudy.Run's bit for bit (tests/FastAttractors.Native.Tests/DegeneracyExportTests.cs runs
native/tests/degeneracy_check.py against it)."""
import ctypes
import json

import numpy as np
import pytest

import fastattractors as fa

TINY = dict(task="flipflop", length=10, widths=(4, 6), regularisers=("none", "l1:0.001"), networks=3, seed=3, batch=8,
            train_size=32, test_size=8, epochs=2, analysis_trials=2, ood_trials=4, fixed_point_starts=4, threads=2)


@pytest.fixture(scope="module")
def tiny(ctx):
    return fa.degeneracy(ctx, **TINY)


def test_tables_have_one_row_per_network_and_one_slot_per_pair(tiny):
    assert fa.degeneracy_sizes(**TINY) == (12, 12)
    assert tiny.conditions == [(4, "none"), (4, "l1:0.001"), (6, "none"), (6, "l1:0.001")]
    net = tiny.networks
    assert all(a.shape == (12,) for a in net.values()) and all(a.shape == (12,) for a in tiny.pairs.values())
    np.testing.assert_array_equal(net["condition"], np.repeat(np.arange(4), 3))
    np.testing.assert_array_equal(net["width"], [4] * 6 + [6] * 6)
    np.testing.assert_array_equal(net["seed"], np.tile([3, 4, 5], 4))
    assert set(net["status"].tolist()) <= set(fa.DEGENERACY_STATUSES)
    assert np.all(net["steps"] > 0) and np.all(np.isfinite(net["final_test_loss"]))
    assert np.all(net["stable_fixed_points"] <= net["fixed_points"])
    first, second = tiny.pairs["first"], tiny.pairs["second"]
    np.testing.assert_array_equal(first, np.tile([0, 0, 1], 4) + np.repeat(np.arange(4) * 3, 3))
    np.testing.assert_array_equal(second, np.tile([1, 2, 2], 4) + np.repeat(np.arange(4) * 3, 3))
    both = (net["usable"][first] == 1) & (net["usable"][second] == 1)
    assert both.any()
    for key in ("ood_difference", "dsa", "weight_distance", "one_minus_cka"):
        assert np.all(np.isnan(tiny.pairs[key][~both]))
    np.testing.assert_array_equal(tiny.pairs["ood_difference"][both],
                                  np.abs(net["ood_loss"][first] - net["ood_loss"][second])[both])
    assert np.all(tiny.pairs["weight_distance"][both] >= 0)


def test_the_same_spec_gives_the_same_numbers_as_dict_json_or_keywords(ctx, tiny):
    spec = {"task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l1:0.001"], "networks": 3,
            "seed": 3, "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 2, "analysisTrials": 2, "oodTrials": 4,
            "fixedPointStarts": 4, "threads": 1}
    for again in (fa.degeneracy(ctx, spec=spec), fa.degeneracy(ctx, spec=json.dumps(spec))):
        for table, expected in ((again.networks, tiny.networks), (again.pairs, tiny.pairs)):
            for key in expected:
                np.testing.assert_array_equal(table[key], expected[key], err_msg=key)


def test_to_pandas_when_pandas_is_there(tiny):
    pd = pytest.importorskip("pandas")
    networks, pairs = tiny.to_pandas()
    assert isinstance(networks, pd.DataFrame) and len(networks) == 12 and len(pairs) == 12
    assert set(networks["status_name"]) <= set(fa.DEGENERACY_STATUSES.values())


@pytest.mark.parametrize("arguments, name", [
    (dict(widths=[]), "widths"),
    (dict(networks=0), "networks"),
    (dict(threshold=0.0), "threshold"),
    (dict(threshold=-1.0), "threshold"),
    (dict(task="juggling"), "task"),
    (dict(regularisers=["l3:1"]), "regularisers"),
    (dict(train_size=0), "train_size"),
    (dict(spec='{"widths": [4,'), "spec_json"),
    (dict(spec='{"colour": "red"}'), "spec_json"),
    (dict(spec={"colour": "red"}), "spec_json"),
    (dict(spec={"pairs": "some"}), "pairs"),
    (dict(widths=[3, 4], exponents=4), "exponents"),
    (dict(driven_exponents=-1), "driven_exponents"),
])
def test_bad_input_is_refused_naming_the_argument(ctx, arguments, name):
    for call in (lambda: fa.degeneracy_sizes(**arguments), lambda: fa.degeneracy(ctx, **arguments)):
        with pytest.raises(fa.FastAttractorsError) as error:
            call()
        assert error.value.status == "FA_ERR_INVALID_ARGUMENT"
        assert error.value.message.startswith(name), error.value.message


@pytest.mark.parametrize("arguments, kind, name", [
    (dict(networks=2.5), TypeError, "networks"),
    (dict(widths=8), TypeError, "widths"),
    (dict(widths=[8, "16"]), TypeError, "widths[1]"),
    (dict(threshold=float("nan")), ValueError, "threshold"),
    (dict(task=3), TypeError, "task"),
    (dict(spec=[1, 2]), TypeError, "spec"),
])
def test_wrong_types_are_refused_here_naming_the_argument(ctx, arguments, kind, name):
    with pytest.raises(kind, match="^" + name.replace("[", r"\[")):
        fa.degeneracy(ctx, **arguments)


def test_a_closed_context_is_refused():
    context = fa.Context("simd")
    context.close()
    with pytest.raises(fa.FastAttractorsError) as error:
        fa.degeneracy(context, **TINY)
    assert error.value.status == "FA_ERR_INVALID_CONTEXT"


def test_train_ensemble_returns_the_weights_of_the_networks_degeneracy_trains(ctx, tiny):
    one = {k: v for k, v in TINY.items() if k not in ("widths", "regularisers", "analysis_trials", "ood_trials",
                                                        "fixed_point_starts")}
    trained = fa.train_ensemble(ctx, width=6, regulariser="l1:0.001", **one)
    assert trained.W.shape == (3, 6, 6) and trained.b.shape == (3, 6)
    assert trained.U.shape[:2] == (3, 6) and trained.C.shape[0] == 3 and trained.C.shape[2] == 6
    assert trained.d.shape == (3, trained.C.shape[1])
    assert all(np.all(np.isfinite(block)) for block in (trained.W, trained.U, trained.b, trained.C, trained.d))
    # Condition (6, "l1:0.001") is the last: networks 9, 10, 11 of the study, bit for bit.
    np.testing.assert_array_equal(trained.final_test_loss, tiny.networks["final_test_loss"][9:])
    np.testing.assert_array_equal(trained.steps, tiny.networks["steps"][9:])
    np.testing.assert_array_equal(trained.status, tiny.networks["status"][9:])


@pytest.mark.parametrize("arguments, name", [
    (dict(spec={"widths": [4, 8]}), "widths"),
    (dict(spec={"regularisers": ["none", "l2:0.1"]}), "regularisers"),
    (dict(width=0), "width (widths)"),
    (dict(networks=0), "networks"),
    (dict(threshold=0.0), "threshold"),
    (dict(task="juggling"), "task"),
    (dict(spec="{"), "spec_json"),
])
def test_train_ensemble_refuses_bad_input_naming_the_argument(ctx, arguments, name):
    with pytest.raises(fa.FastAttractorsError) as error:
        fa.train_ensemble(ctx, **arguments)
    assert error.value.message.startswith(name), error.value.message


def test_train_ensemble_trains_the_continuous_time_network_when_asked(ctx):
    one = {k: v for k, v in TINY.items() if k not in ("widths", "regularisers", "analysis_trials", "ood_trials",
                                                        "fixed_point_starts")}
    discrete = fa.train_ensemble(ctx, width=4, **one)
    continuous = fa.train_ensemble(ctx, width=4, dynamics="continuous", dt_over_tau=0.5, **one)
    again = fa.train_ensemble(ctx, spec={"dynamics": "continuous", "dtOverTau": 0.5}, width=4, **one)
    # Same seeds, so the same initial weights: different trained weights come from the recurrence alone.
    assert continuous.W.shape == discrete.W.shape and not np.array_equal(continuous.W, discrete.W)
    np.testing.assert_array_equal(continuous.W, again.W)
    assert np.all(np.isfinite(continuous.final_test_loss))


@pytest.mark.parametrize("arguments, name", [
    (dict(dynamics="continuous", dt_over_tau=1.5), "dt_over_tau (dtOverTau)"),
    (dict(dynamics="continuous", method="rk4"), "method"),
    (dict(dt_over_tau=0.5), "dt_over_tau (dtOverTau)"),
    (dict(dynamics="stochastic"), "dynamics"),
])
def test_the_recurrence_keywords_are_checked_naming_the_argument(ctx, arguments, name):
    with pytest.raises(fa.FastAttractorsError) as error:
        fa.degeneracy_sizes(**arguments)
    assert error.value.message.startswith(name), error.value.message


ALL = dict(TINY, pairs="all", exponents=2, driven_exponents=5, lyapunov_iterations=100)


@pytest.fixture(scope="module")
def tiny_all(ctx):
    return fa.degeneracy(ctx, **ALL)


def _old_call(ctx, spec):
    """fa_degeneracy_study, the older call (within-condition pairs, no exponents), straight through ctypes."""
    from fastattractors._library import check, lib
    text = json.dumps(spec).encode("utf-8")
    networks, pairs = fa.degeneracy_sizes(spec=spec)
    types = ((np.int32, np.int32, np.int64, np.int32, np.int32, np.int64, np.float64, np.float64, np.int32, np.int32),
             (np.int32, np.int32, np.float64, np.float64, np.float64, np.float64))
    out = [np.empty(networks, t) for t in types[0]] + [np.empty(pairs, t) for t in types[1]]
    pointers = [v for a in out for v in (a.ctypes.data_as(ctypes.c_void_p), a.size)]
    check(lib.fa_degeneracy_study(ctx.handle, text, *pointers))
    return dict(zip(("first", "second", "ood_difference", "dsa", "weight_distance", "one_minus_cka"), out[10:]))


def test_all_pairs_give_every_pair_of_networks_one_slot_within_first(tiny_all):
    total = 12
    assert fa.degeneracy_sizes(**ALL) == (total, total * (total - 1) // 2)
    pairs = tiny_all.pairs
    assert len(pairs["first"]) == total * (total - 1) // 2 and tiny_all.within_pairs == 12
    assert len({(a, b) for a, b in zip(pairs["first"].tolist(), pairs["second"].tolist())}) == len(pairs["first"])
    assert np.all(pairs["first"] < pairs["second"])
    np.testing.assert_array_equal(pairs["first_condition"], pairs["first"] // 3)
    np.testing.assert_array_equal(pairs["second_condition"], pairs["second"] // 3)
    np.testing.assert_array_equal(pairs["cross"], np.arange(len(pairs["first"])) >= tiny_all.within_pairs)
    # Across two widths no permutation maps one network onto the other: no weight distance; DSA compares them.
    widths = tiny_all.networks["width"]
    two_widths = widths[pairs["first"]] != widths[pairs["second"]]
    assert np.all(np.isnan(pairs["weight_distance"][two_widths]))
    assert np.any(np.isfinite(pairs["dsa"][two_widths]))


def test_within_slots_equal_the_old_calls(ctx, tiny_all):
    spec = {"task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l1:0.001"], "networks": 3,
            "seed": 3, "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 2, "analysisTrials": 2, "oodTrials": 4,
            "fixedPointStarts": 4, "threads": 2}
    old = _old_call(ctx, spec)
    for key, values in old.items():
        np.testing.assert_array_equal(tiny_all.pairs[key][:tiny_all.within_pairs], values, err_msg=key)


def test_exponents_are_finite_and_largest_first(tiny_all):
    assert tiny_all.exponents.shape == (12, 2) and tiny_all.driven_exponents.shape == (12, 5)
    finite = np.all(np.isfinite(tiny_all.exponents), axis=1)
    assert finite.sum() >= 10, tiny_all.exponents
    assert np.all(np.diff(tiny_all.exponents[finite], axis=1) <= 0)
    np.testing.assert_array_equal(tiny_all.networks["lyapunov_2"], tiny_all.exponents[:, 1])
    # Five driven exponents: the width-4 networks (0..5) have four, the fifth is NaN; the width-6 ones have all five.
    driven = tiny_all.driven_exponents
    assert np.all(np.isnan(driven[:6, 4])) and np.all(np.isfinite(driven[6:]))
    assert np.all(np.diff(driven[6:], axis=1) <= 0)


def test_dsa_self_is_a_non_negative_floor_and_each_pair_gets_the_larger(tiny_all):
    net, pairs = tiny_all.networks, tiny_all.pairs
    floor = net["dsa_self"]
    assert np.any(np.isfinite(floor)) and np.all(floor[np.isfinite(floor)] >= 0)
    compared = np.isfinite(pairs["dsa"])
    np.testing.assert_array_equal(pairs["dsa_self_max"][compared],
                                  np.maximum(floor[pairs["first"]], floor[pairs["second"]])[compared])


def test_to_pandas_has_the_clis_exponent_columns(tiny_all):
    pd = pytest.importorskip("pandas")
    networks, pairs = tiny_all.to_pandas()
    assert isinstance(networks, pd.DataFrame) and len(pairs) == 66
    assert {"dsa_self", "lyapunov_1", "lyapunov_2", "lyapunov_driven_5", "mds_dynamics_x"} <= set(networks.columns)


def test_too_few_lyapunov_iterations_are_refused_before_training(ctx):
    with pytest.raises(fa.FastAttractorsError) as error:
        fa.degeneracy(ctx, **dict(TINY, exponents=1, lyapunov_iterations=50, epochs=10**6))
    assert error.value.message.startswith("lyapunov_iterations (lyapunovIterations):"), error.value.message
