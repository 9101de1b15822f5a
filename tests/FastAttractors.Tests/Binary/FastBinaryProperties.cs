using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The fast binary paths against the Reference. On the dyadic grid (zero initial weights, η = 2^−p, κ/η an integer)
/// every weight, gate fraction, margin and recall outcome must be identical (tolerance 0); off the grid, weights after
/// one epoch agree to float32 rounding.
/// </summary>
public class FastBinaryProperties
{
    /// <summary>One random dyadic training and recall setting.</summary>
    public sealed record Case(int B, int N, int T, int M, int EtaPower, int KappaOverEta, int Epochs, NetworkVariant Variant,
        TrainingSchedule Schedule, SequenceBoundary Boundary, BiasMode Biases, HiddenCode Code, HiddenTargets Targets,
        RecallCriterion Criterion, int Flipped, ulong Seed)
    {
        public SequenceBatch Sequences() => BinaryCases.Random(B, T, N, Seed, Boundary);

        public TrainingOptions Options() => new()
        {
            Variant = Variant, Hidden = Targets == HiddenTargets.OneHot ? Math.Max(M, T) : M, Schedule = Schedule, Biases = Biases,
            HiddenCode = Code, Targets = Targets, Eta = Math.ScaleB(1.0, -EtaPower), Kappa = KappaOverEta * Math.ScaleB(1.0, -EtaPower),
            MaxEpochs = Epochs, Seed = Seed + 7, Activity = 0.25,
        };

        public RecallOptions Recall() => new() { FlippedBits = Math.Min(Flipped, N), Trials = 4, Criterion = Criterion, Seed = Seed + 3 };
    }

    public static class Arbs
    {
        public static Arbitrary<Case> Cases() => (
            from b in Gen.Choose(1, 4)
            from n in Gen.Choose(5, 40)
            from t in Gen.Choose(2, 12)
            from m in Gen.Choose(1, 48)
            from p in Gen.Choose(0, 8)
            from k in Gen.Choose(1, 16)
            from epochs in Gen.Choose(1, 40)
            from variant in Gen.Elements(Enum.GetValues<NetworkVariant>())
            from schedule in Gen.Elements(Enum.GetValues<TrainingSchedule>())
            from boundary in Gen.Elements(Enum.GetValues<SequenceBoundary>())
            from biases in Gen.Elements(Enum.GetValues<BiasMode>())
            from code in Gen.Elements(Enum.GetValues<HiddenCode>())
            from targets in Gen.Elements(Enum.GetValues<HiddenTargets>())
            from criterion in Gen.Elements(Enum.GetValues<RecallCriterion>())
            from flipped in Gen.Choose(0, 12)
            from seed in Gen.Choose(0, 100_000)
            select new Case(b, n, t, m, p, k, epochs, variant, schedule, boundary, biases, code, targets, criterion, flipped, (ulong)seed)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Simd_equals_Reference_bit_for_bit_on_the_dyadic_grid(Case c)
    {
        var sequences = c.Sequences();
        var reference = BinaryCases.Reference.TrainSequences(sequences, c.Options());
        var simd = EngineCache.Get(Backend.Simd).TrainSequences(sequences, c.Options());
        Assert.Equal(Backend.Simd, simd.Backend);
        BinaryCases.AssertSameTraining(reference, simd);
        // Each engine recalls its own networks: equal weights must give equal outcomes, trial by trial.
        var recallReference = BinaryCases.Reference.Recall(reference, c.Recall());
        var recallSimd = EngineCache.Get(Backend.Simd).Recall(simd, c.Recall());
        Assert.Equal(recallReference.Success, recallSimd.Success);
    }

    /// <summary>
    /// The ILGPU recall kernel (on the CPU accelerator) over the same random settings: recall of the Reference's own
    /// networks must match trial by trial. Variants without a kernel fall back to Simd, which must also match.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void IlgpuCpu_recall_equals_Reference_trial_by_trial(Case c)
    {
        var trained = BinaryCases.Reference.TrainSequences(c.Sequences(), c.Options());
        var reference = BinaryCases.Reference.Recall(trained, c.Recall());
        var kernel = EngineCache.Get(Backend.IlgpuCpu).Recall(trained, c.Recall());
        Assert.Equal(reference.Success, kernel.Success);
    }

    [Theory]
    [InlineData(NetworkVariant.HiddenUV)]
    [InlineData(NetworkVariant.HiddenVOnly)]
    [InlineData(NetworkVariant.VisiblePerceptron)]
    public void Off_the_grid_one_epoch_agrees_to_float32_rounding(NetworkVariant variant)
    {
        // Initial weights 0.01·N(0,1) and κ = 1 open every gate in epoch 1, so both paths take the same steps and
        // differ only by rounding: |w| ≤ 0.05 + η·T·N, float32 spacing there ≈ 1e-8; allow 1e-6.
        var sequences = BinaryCases.Random(2, 10, 30, seed: 5);
        var options = new TrainingOptions { Variant = variant, Hidden = 40, Eta = 1e-3, Kappa = 1, InitialScale = 0.01, MaxEpochs = 1 };
        var reference = BinaryCases.Reference.TrainSequences(sequences, options);
        var simd = EngineCache.Get(Backend.Simd).TrainSequences(sequences, options);
        foreach (var (a, b) in new[] { (reference.U, simd.U), (reference.V, simd.V), (reference.W, simd.W) })
        {
            Assert.Equal(a.Length, b.Length);
            for (int i = 0; i < a.Length; i++)
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-6, $"{variant}: weight {i} {a[i]} vs {b[i]}");
        }
    }

    [Fact]
    public void Recall_of_reference_weights_is_identical_on_Simd()
    {
        // The same trained networks recalled on both engines: the counter-based flips make trials comparable one by one.
        var sequences = BinaryCases.Random(3, 15, 60, seed: 9);
        var nets = BinaryCases.Reference.TrainSequences(sequences, new TrainingOptions { Hidden = 80, Eta = 1.0 / 32, Kappa = 1, MaxEpochs = 200 });
        foreach (var criterion in Enum.GetValues<RecallCriterion>())
        {
            var options = new RecallOptions { FlippedBits = 8, Trials = 20, Criterion = criterion };
            var a = BinaryCases.Reference.Recall(nets, options);
            var b = EngineCache.Get(Backend.Simd).Recall(nets, options);
            Assert.Equal(a.Success, b.Success);
            Assert.InRange(a.OverallSuccessRate(), 0.01, 1.0);
        }
    }
}
