using FastAttractors.Binary;
using FastAttractors.Binary.Estimators;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The parts of the Simd binary path that claim the Reference's arithmetic bit for bit (tolerance 0, any weights, on or
/// off the dyadic grid), and the Gram-count training off the grid, where only the margin rule's guarantees can be asked for.
/// </summary>
public class SimdBinaryPartsTests
{
    public sealed record Shape(int N, int M, int T, ulong Seed);

    public static class Arbs
    {
        public static Arbitrary<Shape> Shapes() => (
            from n in Gen.Choose(1, 30)
            from m in Gen.Choose(1, 40)
            from t in Gen.Choose(2, 10)
            from seed in Gen.Choose(0, 100_000)
            select new Shape(n, m, t, (ulong)seed)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void Projection_signs_equal_HiddenTargetSigns(Shape s)
    {
        var plan = TrainingPlan.Create(BinaryCases.Random(2, s.T, Math.Max(s.N, 5), s.Seed), new TrainingOptions { Hidden = s.M, Seed = s.Seed + 1 });
        for (int b = 0; b < 2; b++)
            Assert.Equal(HiddenTargetSigns.Create(plan, b), ProjectionSigns.Create(plan, b));
    }

    /// <summary>Random N(0,1) weights and biases (off every grid): the lane-parallel margins equal the scalar ones exactly.</summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void Margins_equal_the_scalar_Reference_arithmetic_for_any_weights(Shape s)
    {
        int n = Math.Max(s.N, 5), m = s.M;
        foreach (var variant in new[] { NetworkVariant.HiddenUV, NetworkVariant.VisiblePerceptron })
        {
            var plan = TrainingPlan.Create(BinaryCases.Random(1, s.T, n, s.Seed), new TrainingOptions { Variant = variant, Hidden = m, Seed = s.Seed });
            bool hidden = variant == NetworkVariant.HiddenUV;
            double[] Draw(int count, int offset) => [.. Enumerable.Range(0, count).Select(i => CounterRandom.Normal(s.Seed, 99, (ulong)(offset + i)))];
            var u = hidden ? Draw(m * n, 0) : [];
            var v = hidden ? Draw(n * m, 100_000) : [];
            var w = hidden ? [] : Draw(n * n, 200_000);
            var bh = Draw(m, 300_000);
            var bv = Draw(n, 400_000);
            var (minHidden, minVisible) = BinaryMargins.Of(plan, 0, u, v, w, bh, bv);
            var signs = HiddenTargetSigns.Create(plan, 0);
            double expectHidden = double.PositiveInfinity, expectVisible = double.PositiveInfinity;
            var seq = plan.Sequences;
            for (int t = 0; t < plan.Transitions; t++)
            {
                var x = BinaryCases.AsDouble(seq.Pattern(0, t));
                var next = seq.Pattern(0, seq.Successor(t));
                if (!hidden)
                {
                    expectVisible = Math.Min(expectVisible, MarginRule.MinNormalisedMargin(w, bv, x, next));
                    continue;
                }
                expectHidden = Math.Min(expectHidden, MarginRule.MinNormalisedMargin(u, bh, x, signs.AsSpan(t * m, m)));
                var y = new double[m];
                for (int i = 0; i < m; i++)
                    y[i] = BinaryCases.Field(u, bh, i, x) >= 0 ? 1 : -1;
                expectVisible = Math.Min(expectVisible, MarginRule.MinNormalisedMargin(v, bv, y, next));
            }
            Assert.Equal(hidden ? expectHidden : double.NaN, minHidden);
            Assert.Equal(expectVisible, minVisible);
        }
    }

    /// <summary>
    /// η = 10⁻³ is off the dyadic grid: the counts stay exact but η·C is rounded, so a gate can differ from the
    /// Reference's at a field of exactly κ. What must hold is the margin rule's guarantee: converged ⇒ every margin ≥ κ, recomputed from the
    /// returned float64 weights (allowance 1e−9: the recomputation's own rounding at |field| ≈ 1, N ≤ 40 terms).
    /// </summary>
    [Theory]
    [InlineData(NetworkVariant.HiddenUV, BiasMode.None)]
    [InlineData(NetworkVariant.HiddenUV, BiasMode.Learned)]
    [InlineData(NetworkVariant.VisiblePerceptron, BiasMode.None)]
    public void Off_the_grid_converged_networks_keep_every_margin(NetworkVariant variant, BiasMode biases)
    {
        var sequences = BinaryCases.Random(2, 12, 40, seed: 21);
        var options = new TrainingOptions { Variant = variant, Hidden = 60, Eta = 1e-3, Kappa = 1, Biases = biases, MaxEpochs = 2000 };
        var nets = EngineCache.Get(Backend.Simd).TrainSequences(sequences, options);
        int n = 40, m = 60;
        for (int b = 0; b < 2; b++)
        {
            Assert.True(nets.Converged[b], $"network {b} did not converge");
            for (int t = 0; t < sequences.Transitions; t++)
            {
                var x = BinaryCases.AsDouble(sequences.Pattern(b, t));
                var next = sequences.Pattern(b, sequences.Successor(t));
                if (variant == NetworkVariant.VisiblePerceptron)
                {
                    for (int j = 0; j < n; j++)
                        Assert.True(next[j] * BinaryCases.Field(nets.WOf(b), nets.VisibleBias.AsSpan(b * n, n), j, x) >= options.Kappa - 1e-9);
                    continue;
                }
                var y = new double[m];
                for (int i = 0; i < m; i++)
                    y[i] = BinaryCases.Field(nets.UOf(b), nets.HiddenBias.AsSpan(b * m, m), i, x) >= 0 ? 1 : -1;
                for (int j = 0; j < n; j++)
                    Assert.True(next[j] * BinaryCases.Field(nets.VOf(b), nets.VisibleBias.AsSpan(b * n, n), j, y) >= options.Kappa - 1e-9);
            }
            Assert.True(nets.MinVisibleMargin[b] > 0);
        }
    }
}
