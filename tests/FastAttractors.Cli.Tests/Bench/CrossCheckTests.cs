using FastAttractors.Cli.Bench;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

public class CrossCheckTests
{
    [Fact]
    public void Equal_answers_deviate_by_zero()
    {
        double[][] a = [[1.5, -2, 0], [3, 4, 5]];

        Assert.Equal((0.0, 2), CrossCheck.Deviation(a, a.Select(v => (double[])v.Clone()).ToArray()));
    }

    [Fact]
    public void Deviation_is_absolute_below_one_and_relative_above()
    {
        // member 0: |0.1 − 0.1003| = 3e-4 absolute (|x_ref| < 1); member 1: |1000 − 1001| / 1001 ≈ 1e-3 relative.
        Assert.Equal(3e-4, CrossCheck.Deviation([[0.1003]], [[0.1]]).Deviation, 15);
        Assert.Equal(1.0 / 1001, CrossCheck.Deviation([[0.1003], [1000]], [[0.1], [1001]]).Deviation, 15);
    }

    [Fact]
    public void Compares_only_the_members_both_sides_have()
    {
        var (deviation, members) = CrossCheck.Deviation([[1.0], [2.0], [99.0]], [[1.0], [2.5]]);

        Assert.Equal(2, members);
        Assert.Equal(0.5 / 2.5, deviation, 15);
    }

    [Fact]
    public void Finite_on_one_side_only_is_an_infinite_deviation_and_matching_non_finite_values_agree()
    {
        Assert.Equal(double.PositiveInfinity, CrossCheck.Deviation([[double.NaN]], [[1.0]]).Deviation);
        Assert.Equal(double.PositiveInfinity, CrossCheck.Deviation([[1.0]], [[double.PositiveInfinity]]).Deviation);
        Assert.Equal(0, CrossCheck.Deviation([[double.NaN, 1.0]], [[double.NaN, 1.0]]).Deviation);
    }

    [Fact]
    public void Nothing_to_compare_is_NaN_and_mismatched_lengths_are_named()
    {
        Assert.True(double.IsNaN(CrossCheck.Deviation([], [[1.0]]).Deviation));
        var e = Assert.Throws<ArgumentException>(() => CrossCheck.Deviation([[1.0, 2.0]], [[1.0]]));
        Assert.Equal("values", e.ParamName);
    }
}
