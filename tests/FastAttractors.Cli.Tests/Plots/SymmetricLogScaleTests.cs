using FastAttractors.Cli.Output;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Cli.Tests.Plots;

/// <summary>The scan heatmap's symmetric-log colour scale: odd, monotone, linear near 0, and ticks labelled in data units.</summary>
public sealed class SymmetricLogScaleTests
{
    [Property(MaxTest = 300)]
    public bool IsOddAndMonotone(double a, double b, byte exponent)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
            return true;
        var scale = new SymmetricLogScale(Math.Pow(10, -(exponent % 6)));
        // odd, and non-decreasing (strictly increasing in exact arithmetic; rounding can merge neighbours)
        return scale.Apply(-a) == -scale.Apply(a) && (a > b || scale.Apply(a) <= scale.Apply(b));
    }

    [Fact]
    public void IsLinearWellInsideTheBandAndLogarithmicFarOutside()
    {
        var scale = new SymmetricLogScale(0.1);
        // log10(1 + u) = u / ln 10 − u²/(2 ln 10) + …: at |x|/c = 1e-4 the relative deviation from linear is 5e-5.
        Assert.Equal(1e-5 / 0.1 / Math.Log(10), scale.Apply(1e-5), 1e-4 * 1e-5 / 0.1 / Math.Log(10));
        // Far outside, a decade of x is one unit of colour.
        Assert.Equal(1.0, scale.Apply(-1000) - scale.Apply(-10000), 1e-3);
        Assert.Equal(0.0, scale.Apply(0));
    }

    [Fact]
    public void BandIsATenthOfTheMedianRoundedDownToAPowerOfTen()
    {
        Assert.Equal(0.1, SymmetricLogScale.For([0.2, 0.5, 3.0, 11.0]).Linear, 15); // median 3 -> 0.3 -> 0.1
        Assert.Equal(1e-3, SymmetricLogScale.For([0, 0, 1e-5]).Linear);             // floor at 1e-3
        Assert.Equal(1e-3, SymmetricLogScale.For([]).Linear);
    }

    [Fact]
    public void TicksAreZeroAndSignedDecadesOfTheBandLabelledInDataUnits()
    {
        var scale = new SymmetricLogScale(0.1);
        var ticks = scale.TickMarks(11); // limit 11: the decades 0.1, 1, 10 fit, 100 does not
        string[] expected = ["0", "0.1", "−0.1", "1", "−1", "10", "−10"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), ticks.Select(t => t.Label).Order(StringComparer.Ordinal));
        var ten = ticks.Single(t => t.Label == "10");
        Assert.Equal(scale.Apply(10), ten.Position);
    }
}
