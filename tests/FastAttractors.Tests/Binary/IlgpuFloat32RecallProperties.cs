using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The float32 recall kernel (RecallOptions.Precision = Float32, on the CPU accelerator) against the Reference. On the
/// dyadic grid every weight k·2^−p (|k| &lt; 2²⁴) and every partial field sum is a float32 number, so float32 fields equal
/// the float64 ones exactly and outcomes must agree trial by trial (tolerance 0). HiddenVOnly's fixed U is N(0,1), off
/// any grid: the property snaps it to multiples of 2^−12 so that the same exact comparison applies; the raw case is the
/// fact below.
/// </summary>
public class IlgpuFloat32RecallProperties
{
    public static class Arbs
    {
        public static Arbitrary<FastBinaryProperties.Case> Cases() => FastBinaryProperties.Arbs.Cases().Generator
            .Select(c => c with { B = Math.Min(c.B, 3), Variant = Kernelled[(int)c.Variant % Kernelled.Length] }).ToArbitrary();
    }

    private static readonly NetworkVariant[] Kernelled = [NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron];

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 30)]
    public void Float32_recall_equals_Reference_trial_by_trial_on_the_dyadic_grid(FastBinaryProperties.Case c)
    {
        var trained = BinaryCases.Reference.TrainSequences(c.Sequences(), c.Options());
        if (c.Variant == NetworkVariant.HiddenVOnly)
            trained = WithU(trained, u => Math.Round(u * 4096) / 4096);
        var options = c.Recall() with { Precision = Precision.Float32 };
        var expected = BinaryCases.Reference.Recall(trained, options);
        var actual = EngineCache.Get(Backend.IlgpuCpu).Recall(trained, options);
        Assert.Equal(Backend.IlgpuCpu, actual.Backend);
        Assert.Equal(expected.Success, actual.Success);
    }

    [Fact]
    public void Float32_recall_of_a_raw_gaussian_U_agrees_up_to_near_zero_fields()
    {
        // V only with its N(0,1) U unrounded: a float32 hidden field carries a rounding error of about N·2^−24·|field|
        // (≲ 1e-5 here), so a trial can differ only if a hidden field passes within that of 0: ~1e-6 per field, so about
        // one disagreeing trial in 10^4 expected over these 960 trials; allow 1 (the kernel broken would disagree widely).
        var sequences = BinaryCases.Random(4, 10, 40, seed: 31);
        var trained = BinaryCases.Reference.TrainSequences(sequences, new TrainingOptions
        {
            Variant = NetworkVariant.HiddenVOnly, Hidden = 120, Eta = 1.0 / 64, Kappa = 1, MaxEpochs = 100,
        });
        int differ = 0;
        foreach (int flipped in new[] { 2, 8, 14 })
        {
            var options = new RecallOptions { FlippedBits = flipped, Trials = 80, Precision = Precision.Float32 };
            var expected = BinaryCases.Reference.Recall(trained, options).Success;
            var actual = EngineCache.Get(Backend.IlgpuCpu).Recall(trained, options).Success;
            differ += expected.Zip(actual).Count(p => p.First != p.Second);
        }
        Assert.InRange(differ, 0, 1);
    }

    [Fact]
    public void Unknown_precision_is_rejected_naming_the_option()
    {
        var trained = BinaryCases.Reference.TrainSequences(BinaryCases.Random(1, 3, 6, 1), new TrainingOptions { Hidden = 4, MaxEpochs = 2 });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EngineCache.Get(Backend.IlgpuCpu).Recall(trained, new RecallOptions { FlippedBits = 1, Precision = (Precision)7 }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("Precision", e.Message);
    }

    /// <summary>The same networks with U mapped (V only: a fixed U the property can put on a grid).</summary>
    private static TrainingResult WithU(TrainingResult r, Func<double, double> map) => new(r.Sequences, r.Options, r.Hidden, r.Backend,
        [.. r.U.Select(map)], r.V, r.W, r.HiddenBias, r.VisibleBias, r.Epochs, r.Converged,
        [.. Enumerable.Range(0, r.Networks).Select(b => r.HiddenGateFraction(b).ToArray())],
        [.. Enumerable.Range(0, r.Networks).Select(b => r.VisibleGateFraction(b).ToArray())],
        r.MinHiddenMargin, r.MinVisibleMargin);
}
