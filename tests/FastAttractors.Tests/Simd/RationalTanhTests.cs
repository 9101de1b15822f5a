using System.Numerics;
using FastAttractors.Simd;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>
/// The float32 tanh of the Simd path against Math.Tanh in float64. Bound: 3e-7 absolute (the fit's 2.5e-7 plus the
/// rounding of the input to float), and 2e-6 relative below |x| = 0.01, where an absolute bound says nothing.
/// </summary>
public class RationalTanhTests
{
    private static float Tanh(float x) => RationalTanh.Evaluate(new Vector<float>(x))[0];

    [Property(MaxTest = 2000)]
    public void Agrees_with_float64_tanh(NormalFloat value)
    {
        float x = (float)(value.Get % 20.0);
        double exact = Math.Tanh(x);
        double error = Math.Abs(Tanh(x) - exact);
        Assert.True(error <= 3e-7, $"tanh({x}): error {error:E2}");
        if (Math.Abs(x) < 0.01 && x != 0)
            Assert.True(error / Math.Abs(exact) <= 2e-6, $"tanh({x}): relative error {error / Math.Abs(exact):E2}");
    }

    [Fact]
    public void Dense_grid_and_limits()
    {
        double worst = 0, largest = 0;
        for (float x = -12f; x <= 12f; x += 1e-4f)
        {
            worst = Math.Max(worst, Math.Abs(Tanh(x) - Math.Tanh(x)));
            largest = Math.Max(largest, Math.Abs(Tanh(x)));
        }
        Assert.InRange(worst, 0, 3e-7);
        Assert.InRange(largest, 0, 1); // saturates at 1 − 2.4e-7, never beyond ±1
        Assert.InRange(Tanh(float.PositiveInfinity), 1 - 3e-7, 1);
        Assert.InRange(Tanh(float.NegativeInfinity), -1, -1 + 3e-7);
        Assert.Equal(0f, Tanh(0f));
        Assert.True(Tanh(-3f) == -Tanh(3f), "tanh must be odd");
    }

    [Fact]
    public void NaN_stays_NaN_so_divergence_is_still_flagged()
    {
        Assert.True(float.IsNaN(Tanh(float.NaN)));
        var lanes = new float[Vector<float>.Count];
        lanes[0] = float.NaN;
        lanes[^1] = 0.5f;
        var result = RationalTanh.Evaluate(new Vector<float>(lanes));
        Assert.True(float.IsNaN(result[0]));
        Assert.Equal(Math.Tanh(0.5), result[Vector<float>.Count - 1], 1e-7);
    }
}
