using System.Numerics;
using System.Numerics.Tensors;
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

    [Fact]
    public void Float64_tanh_in_range_is_bit_for_bit_TensorPrimitives()
    {
        var random = new Random(7);
        var xs = Enumerable.Range(0, 64 * Vector<double>.Count).Select(_ => (random.NextDouble() - 0.5) * 700).ToArray();
        var expected = new double[xs.Length];
        TensorPrimitives.Tanh(xs, expected);
        Assert.Equal(expected, Evaluate(xs).Tanh);
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
