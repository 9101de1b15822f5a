using FastAttractors.Binary;
using FastAttractors.Binary.Estimators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The Simd recall path (<see cref="BatchedTrials"/>: anchored deltas, dense fallback, re-anchoring) against the
/// Reference, trial by trial. Under <see cref="ExactSums"/> every float32 sum is exact, so the tolerance is 0: any
/// differing outcome is a bug. The step counts make sure the anchored path really ran.
/// </summary>
public class AnchoredRecallProperties
{
    private const int Networks = 2, Trials = 6;

    /// <summary>One dyadic-grid network batch (η = 2^−p, κ = 1, zero initial weights) and a recall setting.</summary>
    public sealed record Case(int N, int M, int T, int Epochs, int EtaPower, NetworkVariant Variant, SequenceBoundary Boundary,
        HiddenCode Code, BiasMode Biases, RecallCriterion Criterion, int Flipped, int SearchSteps, ulong Seed)
    {
        public TrainingResult Train() => BinaryCases.Reference.TrainSequences(BinaryCases.Random(Networks, T, N, Seed, Boundary), new TrainingOptions
        {
            Variant = Variant, Hidden = M, HiddenCode = Code, Biases = Biases, Eta = Math.ScaleB(1.0, -EtaPower), Kappa = 1,
            MaxEpochs = Epochs, Seed = Seed + 1,
        });

        public RecallOptions Recall(RecallCriterion criterion) => new() { FlippedBits = Flipped, Trials = Trials, Criterion = criterion, Seed = Seed + 2 };
    }

    public static class Arbs
    {
        // Few epochs leave networks unconverged (trials fail or wander: searches, re-anchoring, dense layers); many
        // flips force dense layers; a small N with flips up to N makes starts land on other stored patterns.
        public static Arbitrary<Case> Cases() => (
            from n in Gen.Choose(4, 64)
            from m in Gen.Choose(1, 80)
            from t in Gen.Choose(2, 12)
            from epochs in Gen.OneOf(Gen.Choose(1, 4), Gen.Choose(5, 60))
            from p in Gen.Choose(1, 8)
            from variant in Gen.Elements(NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron)
            from boundary in Gen.Elements(Enum.GetValues<SequenceBoundary>())
            from code in Gen.Elements(Enum.GetValues<HiddenCode>())
            from biases in Gen.Elements(Enum.GetValues<BiasMode>())
            from criterion in Gen.Elements(Enum.GetValues<RecallCriterion>())
            from flipped in Gen.OneOf(Gen.Choose(0, Math.Max(1, n / 8)), Gen.Choose(0, n))
            from search in Gen.Choose(0, 5)
            from seed in Gen.Choose(0, 100_000)
            select new Case(n, m, t, epochs, p, variant, boundary, code, biases, criterion, flipped, search, (ulong)seed)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 80)]
    public void Simd_recall_equals_Reference_bit_for_bit_on_the_dyadic_grid(Case c)
    {
        var trained = c.Train();
        var options = c.Recall(c.Criterion);
        var expected = BinaryCases.Reference.Recall(trained, options);
        var simd = new SimdBinary().Recall(RecallPlan.Create(trained, options), out var steps);
        Assert.Equal(expected.Success, simd.Success);
        // V only keeps its fixed N(0,1) U, which is not on any float32 grid: the float64 path, nothing batched.
        if (c.Variant == NetworkVariant.HiddenVOnly)
            Assert.Equal(default, steps);
        else
            Assert.True(steps.Anchored + steps.Delta + steps.Dense > 0, $"nothing batched: {steps}");
    }

    /// <summary>The search budget 0…5 (the engine always uses 5T): BatchedTrials against RecallTrial over the Reference's step.</summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void Batched_search_equals_the_Reference_step_for_any_budget(Case c)
    {
        var trained = c.Train();
        var options = c.Recall(RecallCriterion.ReachesSequence);
        var batch = new BatchedTrials(trained, Trials);
        var got = new bool[Trials];
        for (int b = 0; b < Networks; b++)
        {
            Assert.Equal(c.Variant != NetworkVariant.HiddenVOnly, batch.Load(b));
            if (c.Variant == NetworkVariant.HiddenVOnly)
                continue;
            batch.Run(options, c.SearchSteps, got);
            for (int r = 0; r < Trials; r++)
            {
                var state = Start(trained, options, b, r);
                bool expected = RecallTrial.Reaches(new NetworkStep(trained, b).Next, trained.Sequences, b, c.SearchSteps, state, new sbyte[c.N]);
                Assert.True(expected == got[r], $"network {b} trial {r}: Reference {expected}, batched {got[r]}");
            }
        }
    }

    [Fact]
    public void Converged_network_steps_by_anchors_and_deltas_and_far_starts_go_dense()
    {
        // N = 60, M = 120, T = 8, trained to convergence: 3 flips change a few inputs (delta layers), followers then
        // sit on their patterns (anchored steps). Pattern a differs from ξ(0) in bits 6(a−1)…6a−1 only, so with all
        // 60 bits flipped the start −ξ(0) is ≥ 54 from every stored pattern, beyond the delta limit N/2: a dense layer.
        int n = 60, t = 8;
        var patterns = new sbyte[2 * t * n];
        var first = BinaryCases.Random(2, 2, n, seed: 11);
        for (int b = 0; b < 2; b++)
            for (int a = 0; a < t; a++)
                for (int k = 0; k < n; k++)
                    patterns[(b * t + a) * n + k] = (sbyte)(a > 0 && k / 6 == a - 1 ? -first.Pattern(b, 0)[k] : first.Pattern(b, 0)[k]);
        var trained = BinaryCases.Reference.TrainSequences(new SequenceBatch(patterns, 2, t, n),
            new TrainingOptions { Hidden = 120, Eta = 1.0 / 64, Kappa = 1, MaxEpochs = 500 });
        Assert.All(trained.Converged, Assert.True);
        foreach (var (flips, dense) in new[] { (3, false), (n, true) })
        {
            foreach (var criterion in Enum.GetValues<RecallCriterion>())
            {
                var options = new RecallOptions { FlippedBits = flips, Trials = 10, Criterion = criterion };
                var simd = new SimdBinary().Recall(RecallPlan.Create(trained, options), out var steps);
                Assert.Equal(BinaryCases.Reference.Recall(trained, options).Success, simd.Success);
                Assert.True(steps.Delta > 0 || dense, $"{flips} flips: no delta layer: {steps}");
                Assert.True(steps.Anchored > 0 || dense, $"{flips} flips: no anchored step: {steps}");
                Assert.Equal(dense, steps.Dense > 0);
                // Anchors are computed on use: at most all 2 × 8, all of them when each network has a follower.
                bool everyNetwork = Enumerable.Range(0, 2).All(b => simd.Success.AsSpan(b * 10, 10).Contains(true));
                Assert.InRange(steps.Anchors, dense ? 0 : 1, 2 * t);
                Assert.True(!everyNetwork || steps.Anchors == 2 * t, $"{flips} flips: {steps}");
            }
        }
    }

    [Fact]
    public void A_trial_that_fails_at_its_first_step_computes_one_block_of_anchors()
    {
        // Zero weights (exact: the grid test passes trivially) send every state to +1…+1, which is not ξ(1): the lone
        // trial, one flip from ξ(0), fails at its first step, which needs anchor 0 only: one block of TrialProduct.Tile.
        int n = 8, t = 12;
        var seq = BinaryCases.Random(1, t, n, seed: 21);
        Assert.Contains((sbyte)-1, seq.Pattern(0, 1).ToArray());
        var options = new TrainingOptions { Variant = NetworkVariant.VisiblePerceptron, Biases = BiasMode.Learned };
        var nets = new TrainingResult(seq, options, 0, Backend.Reference, [], [], new double[n * n], [], new double[n], [0], [false], [[]], [[]],
            [double.NaN], [double.NaN]);
        var recall = new RecallOptions { FlippedBits = 1, Trials = 1 };
        var simd = new SimdBinary().Recall(RecallPlan.Create(nets, recall), out var steps);
        Assert.Equal([false], BinaryCases.Reference.Recall(nets, recall).Success);
        Assert.Equal([false], simd.Success);
        Assert.Equal(new RecallLayerSteps(0, 1, 0, TrialProduct.Tile), steps);
    }

    [Fact]
    public void Open_sequence_last_pattern_has_no_successor_and_is_re_anchored()
    {
        // ξ(T−1) = −ξ(0) and all N bits flipped: every trial starts on the last pattern of an open sequence, which is
        // no transition's source, so searchers step from it (anchored, D = ∅) and then re-anchor with no successor to expect.
        int n = 12, t = 4;
        var patterns = BinaryCases.Random(1, t, n, seed: 3).ToArray();
        for (int k = 0; k < n; k++)
            patterns[(t - 1) * n + k] = (sbyte)-patterns[k];
        var seq = new SequenceBatch(patterns, 1, t, n, SequenceBoundary.Open);
        foreach (var variant in new[] { NetworkVariant.HiddenUV, NetworkVariant.VisiblePerceptron })
        {
            foreach (int epochs in new[] { 2, 200 })
            {
                var trained = BinaryCases.Reference.TrainSequences(seq, new TrainingOptions
                {
                    Variant = variant, Hidden = 30, Eta = 1.0 / 16, Kappa = 1, MaxEpochs = epochs, Biases = BiasMode.Learned,
                });
                foreach (var criterion in Enum.GetValues<RecallCriterion>())
                {
                    var options = new RecallOptions { FlippedBits = n, Trials = 3, Criterion = criterion };
                    var simd = new SimdBinary().Recall(RecallPlan.Create(trained, options), out var steps);
                    Assert.Equal(BinaryCases.Reference.Recall(trained, options).Success, simd.Success);
                    Assert.True(steps.Anchored > 0, $"{variant}, {epochs} epochs, {criterion}: no anchored step from ξ(T−1): {steps}");
                }
            }
        }
    }

    private static sbyte[] Start(TrainingResult trained, RecallOptions options, int b, int r)
    {
        var state = trained.Sequences.Pattern(b, 0).ToArray();
        var flipped = new int[options.FlippedBits];
        FlipNoise.Choose(options.Seed, b, r, state.Length, options.FlippedBits, flipped);
        foreach (int k in flipped)
            state[k] = (sbyte)-state[k];
        return state;
    }
}
