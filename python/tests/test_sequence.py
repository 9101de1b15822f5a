"""train_sequences and recall: storage of random sequences, determinism, the criterion."""
import numpy as np
import pytest


def distinct_patterns(networks=3, length=5, visible=12, seed=4):
    rng = np.random.default_rng(seed)
    codes = np.stack([rng.choice(2**visible, length, replace=False) for _ in range(networks)])
    return np.where((codes[..., None] >> np.arange(visible)) & 1 == 1, 1, -1).astype(np.int8)


def test_trained_networks_store_their_sequences_and_recall_them_exactly(ctx):
    p = distinct_patterns()
    trained = ctx.train_sequences(p, hidden=40, kappa=1.0, eta=1 / 16, max_epochs=500, seed=3)
    assert trained["u"].shape == (3, 40, 12) and trained["v"].shape == (3, 12, 40)
    assert trained["converged"].dtype == bool and trained["converged"].all()
    assert np.all(trained["epochs"] >= 1)
    success = ctx.recall(p, trained["u"], trained["v"], flipped=0, trials=4)
    assert success.shape == (3, 4) and success.dtype == bool and success.all()
    assert ctx.recall(p, trained["u"], trained["v"], flipped=1, trials=4, criterion="reaches").shape == (3, 4)


def test_training_is_deterministic_in_its_seed(ctx):
    p = distinct_patterns()
    a = ctx.train_sequences(p, hidden=16, eta=1 / 16, max_epochs=50, seed=9)
    b = ctx.train_sequences(p, hidden=16, eta=1 / 16, max_epochs=50, seed=9)
    assert np.array_equal(a["u"], b["u"]) and np.array_equal(a["v"], b["v"])


def test_untrained_zero_weights_do_not_recall(ctx):
    p = distinct_patterns()
    u, v = np.zeros((3, 8, 12)), np.zeros((3, 12, 8))
    assert not ctx.recall(p, u, v, flipped=0, trials=2).any()


@pytest.mark.parametrize("bad", [1.5, 0.0, 2.0])
def test_patterns_other_than_plus_minus_one_are_refused(ctx, bad):
    p = distinct_patterns().astype(float)
    p[1, 2, 3] = bad
    with pytest.raises(ValueError, match=rf"patterns: values must be -1 or \+1, got {bad!r} at index \(1, 2, 3\)"):
        ctx.train_sequences(p, hidden=4)
