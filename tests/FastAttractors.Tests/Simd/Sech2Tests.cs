using System.Numerics;
using FastAttractors.Simd;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>The tile sech² that every tanh model's Jacobian uses, against float64 1/cosh².</summary>
public class Sech2Tests
{
    /// <summary>
    /// float32, |x| ≤ 40: relative error ≤ 1e-6 (TensorPrimitives' exp is ~1 ulp, then three roundings). The naive
    /// 1 − tanh² in float32 is off by 100 % near |x| = 9 (it returns 0 where sech² = 6e-8), which is the point.
    /// </summary>
    [Fact]
    public void Float32_sech2_is_accurate_in_relative_terms_where_tanh_saturates()
    {
        int lanes = Vector<float>.Count;
        var xs = Enumerable.Range(0, 801).Select(i => -40f + 0.1f * i).ToArray();
        int tiles = (xs.Length + lanes - 1) / lanes;
        var input = new Vector<float>[tiles];
        var padded = new float[tiles * lanes];
        xs.CopyTo(padded, 0);
        for (int t = 0; t < tiles; t++)
            input[t] = new Vector<float>(padded, t * lanes);
        var output = new Vector<float>[tiles];
        SimdMath.Sech2<float>(input, output);
        double worst = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double exact = 1 / Math.Pow(Math.Cosh(xs[i]), 2);
            double got = output[i / lanes][i % lanes];
            worst = Math.Max(worst, Math.Abs(got - exact) / exact);
        }
        Assert.InRange(worst, 0, 1e-6);
        float naive = 1f - MathF.Tanh(9f) * MathF.Tanh(9f);
        Assert.True(Math.Abs(naive - 1 / Math.Pow(Math.Cosh(9), 2)) / (1 / Math.Pow(Math.Cosh(9), 2)) > 0.5, "the naive form should fail here");
    }
}
