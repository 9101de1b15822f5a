using System.Numerics;
using FastAttractors.Simd;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>
/// y += M V over a block of tangent columns (<see cref="SimdMath.MatMatAdd{T}"/>, register-blocked 4 × 4 on AVX-512 and
/// 2 × 4 on AVX2) equals the plain loop, bit for bit: each y entry summed over j in order from its old value with one
/// FMA per term. Odd n and column counts not divisible by 4 reach every tail; per-member and shared M.
/// </summary>
public class MatMatKernelTests
{
    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 4, false)]
    [InlineData(3, 5, true)]
    [InlineData(7, 7, false)]
    [InlineData(16, 16, false)]
    [InlineData(16, 16, true)]
    [InlineData(17, 9, false)]
    [InlineData(33, 6, true)]
    public void Blocked_product_equals_one_fma_per_term_in_order(int n, int columns, bool shared)
    {
        var rnd = new Random(n * 31 + columns);
        Vector<double> Next()
        {
            var lanes = new double[Vector<double>.Count];
            for (int l = 0; l < lanes.Length; l++)
                lanes[l] = rnd.NextDouble() - 0.5;
            return new Vector<double>(lanes);
        }
        var scalars = Enumerable.Range(0, n * n).Select(_ => rnd.NextDouble() - 0.5).ToArray();
        var m = shared
            ? new SimdParameters<double>(scalars.Select(s => new Vector<double>(s)).ToArray(), n * n, 0, scalars)
            : new SimdParameters<double>(Enumerable.Range(0, n * n).Select(_ => Next()).ToArray(), n * n, n * n);
        var v = Enumerable.Range(0, n * columns).Select(_ => Next()).ToArray();
        var y = Enumerable.Range(0, n * columns).Select(_ => Next()).ToArray();
        var expected = (Vector<double>[])y.Clone();
        for (int c = 0; c < columns; c++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    expected[c * n + i] = Vector.FusedMultiplyAdd(shared ? new Vector<double>(scalars[i * n + j]) : m.Data[i * n + j], v[c * n + j], expected[c * n + i]);
        SimdMath.MatMatAdd<double>(m, 0, n, v, y, columns);
        Assert.Equal(expected, y);
    }
}
