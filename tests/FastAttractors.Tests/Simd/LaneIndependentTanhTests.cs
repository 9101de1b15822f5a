using System.Numerics;
using FastAttractors.Simd;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>
/// The tile tanh and sech² give each lane the same bits whatever the other lanes hold. TensorPrimitives' float64 exp
/// takes a scalar path for a whole vector when any element is NaN or beyond |708|, which re-rounds the rest; the Simd
/// path must not inherit that (one diverging member used to move its tile-mates by an ulp).
/// </summary>
public class LaneIndependentTanhTests
{
    private static readonly double[] Poisons = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 355, -400, 1e3, -1e300, double.MaxValue];

    [Fact]
    public void Float64_tanh_and_sech2_of_a_lane_ignore_a_NaN_infinite_or_huge_tile_mate()
    {
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(), (vectors, seed) =>
        {
            var random = new Random(seed);
            var benign = Enumerable.Range(0, vectors * Vector<double>.Count).Select(_ => (random.NextDouble() - 0.5) * 60).ToArray();
            var poisoned = (double[])benign.Clone();
            int at = random.Next(poisoned.Length);
            poisoned[at] = Poisons[random.Next(Poisons.Length)];
            var (tanhBenign, sech2Benign) = Evaluate(benign);
            var (tanhPoisoned, sech2Poisoned) = Evaluate(poisoned);
            for (int i = 0; i < benign.Length; i++)
            {
                if (i == at)
                    continue;
                Assert.Equal(BitConverter.DoubleToInt64Bits(tanhBenign[i]), BitConverter.DoubleToInt64Bits(tanhPoisoned[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(sech2Benign[i]), BitConverter.DoubleToInt64Bits(sech2Poisoned[i]));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>
    /// The lane tanh (LaneTanh) against Math.Tanh within 2 ulp and sech² against 1/cosh² within 8 ulp, over random
    /// arguments in [−25, 25], a dense sweep across the branch point 0.625, and tiny and subnormal arguments (where
    /// tanh x = x). 8 ulp for sech²: the float64 reference 1/cosh² x carries about 3 ulp of its own (cosh, a square, a
    /// division), and LaneTanh's 4e/(1 + e)² about 4.
    /// </summary>
    [Fact]
    public void Float64_tanh_and_sech2_are_within_a_few_ulp_of_the_scalar_functions()
    {
        var random = new Random(7);
        var xs = Enumerable.Range(0, 4096).Select(_ => (random.NextDouble() - 0.5) * 50)
            .Concat(Enumerable.Range(0, 2000).Select(i => 0.6 + i * 5e-5))
            .Concat(Enumerable.Range(0, 200).Select(i => -Math.ScaleB(1.0, -i * 5)))
            .Concat([0.0, -0.0, double.Epsilon, 1e-310])
            .ToList();
        while (xs.Count % Vector<double>.Count != 0)
            xs.Add(0.25);
        var (tanh, sech2) = Evaluate(xs.ToArray());
        for (int i = 0; i < xs.Count; i++)
        {
            double x = xs[i];
            Assert.True(Ulps(tanh[i], Math.Tanh(x)) <= 2, $"tanh({x:R}) = {tanh[i]:R}, Math.Tanh gives {Math.Tanh(x):R}");
            double cosh = Math.Cosh(x);
            Assert.True(Ulps(sech2[i], 1 / (cosh * cosh)) <= 8, $"sech²({x:R}) = {sech2[i]:R}, 1/cosh² gives {1 / (cosh * cosh):R}");
        }
    }

    /// <summary>
    /// The same bounds over a dense sweep of both signs: 400,000 log-spaced magnitudes from the smallest subnormal to
    /// 400 (beyond the clamp at 354 where sech² is returned as 0; there 1/cosh² is below 1e-307, so its 8 ulp are
    /// taken against the subnormal spacing) and a linear sweep of [0.6, 40] in steps of 1e-4, which crosses the branch
    /// point and every binade of the inlined exponential's reduction.
    /// </summary>
    [Fact]
    public void Float64_tanh_and_sech2_stay_within_their_bounds_over_a_dense_sweep_including_tiny_large_and_subnormal_arguments()
    {
        var magnitudes = Enumerable.Range(0, 400_000).Select(i => Math.Exp(Math.Log(double.Epsilon) + i * (Math.Log(400) - Math.Log(double.Epsilon)) / 399_999))
            .Concat(Enumerable.Range(0, 394_001).Select(i => 0.6 + i * 1e-4));
        var xs = magnitudes.SelectMany(m => new[] { m, -m }).ToList();
        while (xs.Count % Vector<double>.Count != 0)
            xs.Add(0.25);
        var (tanh, sech2) = Evaluate(xs.ToArray());
        for (int i = 0; i < xs.Count; i++)
        {
            double x = xs[i];
            Assert.True(Ulps(tanh[i], Math.Tanh(x)) <= 2, $"tanh({x:R}) = {tanh[i]:R}, Math.Tanh gives {Math.Tanh(x):R}");
            double cosh = Math.Cosh(x);
            double expected = Math.Abs(x) > 354 ? 0 : 1 / (cosh * cosh);
            Assert.True(Math.Abs(x) > 354 ? sech2[i] == 0 : Ulps(sech2[i], expected) <= 8, $"sech²({x:R}) = {sech2[i]:R}, 1/cosh² gives {expected:R}");
        }
    }

    /// <summary>LaneTanh's inlined exponential against Math.Exp within 1 ulp over its whole range [−708, 0], densely.</summary>
    [Fact]
    public void Float64_inlined_exp_is_within_one_ulp_of_Math_Exp_over_its_range()
    {
        int lanes = Vector<double>.Count;
        var xs = Enumerable.Range(0, 1_000_000).Select(i => -708.0 * i / 999_999)
            .Concat(Enumerable.Range(0, 20_000).Select(i => -i * 1e-6)).Concat([-0.0, -1e-300, -double.Epsilon]).ToList();
        while (xs.Count % lanes != 0)
            xs.Add(-1);
        var values = xs.ToArray();
        double worst = 0;
        for (int t = 0; t < values.Length; t += lanes)
        {
            var e = LaneTanh.ExpNonPositive(new Vector<double>(values, t));
            for (int l = 0; l < lanes; l++)
            {
                double ulps = Ulps(e[l], Math.Exp(xs[t + l]));
                worst = Math.Max(worst, ulps);
                Assert.True(ulps <= 1, $"exp({xs[t + l]:R}) = {e[l]:R}, Math.Exp gives {Math.Exp(xs[t + l]):R}");
            }
        }
        Assert.True(worst > 0, "compared against Math.Exp");
    }

    /// <summary>Distance in units of the last place of <paramref name="expected"/> (at least the smallest subnormal).</summary>
    private static double Ulps(double actual, double expected)
    {
        if (actual == expected)
            return 0;
        double ulp = Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon);
        return Math.Abs(actual - expected) / ulp;
    }

    [Fact]
    public void Float64_out_of_range_lanes_get_their_limits()
    {
        double[] xs = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 355, -355, 20.5];
        var (tanh, sech2) = Evaluate(xs.Concat(Enumerable.Repeat(0.5, (Vector<double>.Count - xs.Length % Vector<double>.Count) % Vector<double>.Count)).ToArray());
        Assert.True(double.IsNaN(tanh[0]) && double.IsNaN(sech2[0]), "NaN stays NaN");
        Assert.Equal([1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0], tanh[1..8]);
        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0, 0.0], sech2[1..7]);
        Assert.Equal(1 / Math.Pow(Math.Cosh(20.5), 2), sech2[7], 1e-30);
    }

    private static (double[] Tanh, double[] Sech2) Evaluate(double[] values)
    {
        int lanes = Vector<double>.Count;
        var input = Enumerable.Range(0, values.Length / lanes).Select(t => new Vector<double>(values, t * lanes)).ToArray();
        var tanh = new Vector<double>[input.Length];
        var sech2 = new Vector<double>[input.Length];
        SimdMath.Tanh<double>(input, tanh);
        SimdMath.Sech2<double>(input, sech2);
        return (Flatten(tanh), Flatten(sech2));
    }

    private static double[] Flatten(Vector<double>[] vectors) => vectors.SelectMany(v => Enumerable.Range(0, Vector<double>.Count).Select(l => v[l])).ToArray();
}
