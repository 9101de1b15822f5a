using Xunit;

namespace FastAttractors.Native.Tests.Support;

public static class Close
{
    /// <summary>|actual − expected| ≤ relative·|expected| + absolute, with a message naming what differs.</summary>
    public static void Equal(double expected, double actual, double relative, double absolute, string what)
    {
        double bound = relative * Math.Abs(expected) + absolute;
        Assert.True(Math.Abs(actual - expected) <= bound, $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E3} > {bound:E3})");
    }
}
