using Xunit;

namespace FastAttractors.Tests.Support;

public static class Compare
{
    /// <summary>Max over elements of |a − b| / (1 + |b|): absolute near 0, relative for large values.</summary>
    public static double MaxScaledError(double[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int k = 0; k < actual.Length; k++)
        {
            double e = Math.Abs(actual[k] - expected[k]) / (1 + Math.Abs(expected[k]));
            if (double.IsNaN(e))
                return double.PositiveInfinity;
            worst = Math.Max(worst, e);
        }
        return worst;
    }

    public static void Close(double[] actual, double[] expected, double tolerance, string what)
    {
        double error = MaxScaledError(actual, expected);
        Assert.True(error <= tolerance, $"{what}: max scaled error {error:E3} > tolerance {tolerance:E1}");
    }
}
