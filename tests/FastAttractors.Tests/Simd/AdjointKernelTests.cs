using System.Numerics;
using FastAttractors.Simd;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>The Simd adjoint's kernels against the plain loops whose bits they promise to keep.</summary>
public class AdjointKernelTests
{
    private static Vector<float> Random(Random rnd)
    {
        var lanes = new float[Vector<float>.Count];
        for (int l = 0; l < lanes.Length; l++)
            lanes[l] = (float)(rnd.NextDouble() - 0.5);
        return new Vector<float>(lanes);
    }

    /// <summary>W̄ += Σ u vᵀ, packed and register-blocked, equals adding the pairs one by one with one FMA each, bit for bit (odd n too).</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 32)]
    [InlineData(16, 32)]
    [InlineData(17, 9)]
    [InlineData(64, 32)]
    public void Outer_batch_equals_pair_by_pair_fmas(int n, int count)
    {
        var rnd = new Random(n * 97 + count);
        var pairs = Enumerable.Range(0, 2 * n * count).Select(_ => Random(rnd)).ToArray();
        var c = Enumerable.Range(0, n * n).Select(_ => Random(rnd)).ToArray();
        var expected = (Vector<float>[])c.Clone();
        for (int p = 0; p < count; p++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    expected[i * n + j] = Vector.FusedMultiplyAdd(pairs[p * 2 * n + i], pairs[p * 2 * n + n + j], expected[i * n + j]);
        SimdMath.OuterBatchAdd<float>(pairs, count, n, new Vector<float>[2 * n * 32], 32, c);
        Assert.Equal(expected, c);
    }

    /// <summary>The fused transposed product equals clearing y, MatTransposeVecAdd, then y = d · y − v, bit for bit.</summary>
    [Theory]
    [InlineData(5, false)]
    [InlineData(16, false)]
    [InlineData(19, true)]
    [InlineData(64, true)]
    public void Scaled_transpose_equals_the_three_passes(int n, bool shared)
    {
        var rnd = new Random(n);
        var scalars = Enumerable.Range(0, n * n).Select(_ => (float)(rnd.NextDouble() - 0.5)).ToArray();
        var m = shared
            ? new SimdParameters<float>(scalars.Select(s => new Vector<float>(s)).ToArray(), n * n, 0, scalars)
            : new SimdParameters<float>(Enumerable.Range(0, n * n).Select(_ => Random(rnd)).ToArray(), n * n, n * n);
        var v = Enumerable.Range(0, n).Select(_ => Random(rnd)).ToArray();
        var d = Enumerable.Range(0, n).Select(_ => Random(rnd)).ToArray();
        var expected = new Vector<float>[n];
        SimdMath.MatTransposeVecAdd<float>(m, 0, n, v, expected);
        for (int j = 0; j < n; j++)
            expected[j] = d[j] * expected[j] - v[j];
        var got = new Vector<float>[n];
        SimdMath.MatTransposeVecScaled<float>(m, 0, n, v, d, got);
        Assert.Equal(expected, got);
    }

    /// <summary>
    /// The fused tanh and sech²: tanh bit for bit <see cref="SimdMath.Tanh{T}"/>, sech² within 1e-6 relative of float64
    /// 1/cosh² over |x| ≤ 40 (as <see cref="Sech2Tests"/>; beyond ≈ 43.6 sech² is subnormal in float32) and NaN for NaN.
    /// </summary>
    [Fact]
    public void Fused_tanh_and_sech2_keep_tanh_bits_and_sech2_accuracy()
    {
        int lanes = Vector<float>.Count;
        var xs = Enumerable.Range(0, 80_001).Select(i => -40f + 0.001f * i).Append(float.NaN).ToArray();
        int tiles = (xs.Length + lanes - 1) / lanes;
        var padded = new float[tiles * lanes];
        xs.CopyTo(padded, 0);
        var input = Enumerable.Range(0, tiles).Select(t => new Vector<float>(padded, t * lanes)).ToArray();
        var tanh = new Vector<float>[tiles];
        var sech2 = new Vector<float>[tiles];
        var reference = new Vector<float>[tiles];
        SimdMath.TanhAndSech2<float>(input, tanh, sech2);
        SimdMath.Tanh<float>(input, reference);
        Assert.Equal(reference.SelectMany(v => Enumerable.Range(0, lanes).Select(l => BitConverter.SingleToInt32Bits(v[l]))),
            tanh.SelectMany(v => Enumerable.Range(0, lanes).Select(l => BitConverter.SingleToInt32Bits(v[l]))));
        double worst = 0;
        for (int i = 0; i < xs.Length - 1; i++)
        {
            double exact = 1 / Math.Pow(Math.Cosh(xs[i]), 2);
            worst = Math.Max(worst, Math.Abs(sech2[i / lanes][i % lanes] - exact) / exact);
        }
        Assert.InRange(worst, 0, 1e-6);
        Assert.True(float.IsNaN(sech2[(xs.Length - 1) / lanes][(xs.Length - 1) % lanes]));
    }
}
