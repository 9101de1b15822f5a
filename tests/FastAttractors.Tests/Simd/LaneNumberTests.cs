using System.Numerics;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Simd.Lanes;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>
/// The lane number types against their scalar twins lane by lane, with NaN, ±∞, ±0 and a huge argument in one lane:
/// each lane's result must be the scalar result for that lane (exp, sin, cos, ReLU and its dual exactly; tanh to 1 ulp
/// in float64), whatever its neighbours hold.
/// </summary>
public class LaneNumberTests
{
    private static readonly double[] Specials = [0.3, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -2.5, 1e-300, 700.5, 0.0];

    private static Vector<double> Lanes(int start)
    {
        var v = new double[Vector<double>.Count];
        for (int l = 0; l < v.Length; l++)
            v[l] = Specials[(start + l) % Specials.Length];
        return new Vector<double>(v);
    }

    [Fact]
    public void Float64_functions_are_the_scalar_ones_in_every_lane()
    {
        for (int start = 0; start < Specials.Length; start++)
        {
            var x = new Lanes64(Lanes(start));
            for (int l = 0; l < Vector<double>.Count; l++)
            {
                double s = x.Value[l];
                Assert.Equal(Math.Exp(s), Lanes64.Exp(x).Value[l]);
                Assert.Equal(Math.Sin(s), Lanes64.Sin(x).Value[l]);
                Assert.Equal(Math.Cos(s), Lanes64.Cos(x).Value[l]);
                Assert.Equal(Real64.Relu(new(s)).Value, Lanes64.Relu(x).Value[l]);
                double t = Lanes64.Tanh(x).Value[l];
                if (double.IsNaN(s))
                    Assert.True(double.IsNaN(t));
                else
                    Assert.True(Math.Abs(t - Math.Tanh(s)) <= Math.ScaleB(1, -52), $"tanh({s}) = {t}");
            }
        }
    }

    [Fact]
    public void Float64_tanh_of_a_lane_does_not_depend_on_its_neighbours()
    {
        var alone = Lanes64.Tanh(Lanes64.FromDouble(0.3)).Value[0];
        var poisoned = new Lanes64(new Vector<double>(0.3).WithElement(Vector<double>.Count - 1, double.NaN));
        Assert.Equal(alone, Lanes64.Tanh(poisoned).Value[0]);
    }

    [Fact]
    public void IsFinite_means_every_lane_finite()
    {
        Assert.True(Lanes64.IsFinite(Lanes64.FromDouble(1e300)));
        Assert.True(Lanes32.IsFinite(Lanes32.FromDouble(-3)));
        Assert.False(Lanes64.IsFinite(new(Vector<double>.One.WithElement(Vector<double>.Count - 1, double.PositiveInfinity))));
        Assert.False(Lanes32.IsFinite(new(Vector<float>.One.WithElement(Vector<float>.Count - 1, float.NaN))));
    }

    [Fact]
    public void Dual_relu_passes_the_tangent_only_where_the_value_is_positive_or_NaN()
    {
        var value = new Lanes64(Lanes(0));
        var tangent = Lanes64.FromDouble(2);
        var r = LaneDual<Lanes64, Real64>.Relu(new(value, tangent));
        for (int l = 0; l < Vector<double>.Count; l++)
        {
            var expected = Dual<Real64>.Relu(new(new(value.Value[l]), new(2)));
            Assert.Equal(expected.Value.Value, r.Value.Value[l]);
            Assert.Equal(expected.Tangent.Value, r.Tangent.Value[l]);
        }
    }
}
