namespace FastAttractors;

/// <summary>Angles on the circle (radians).</summary>
public static class Angles
{
    /// <summary>The angle in [0, 2π).</summary>
    public static double Wrap(double angle)
    {
        double r = angle % (2 * Math.PI);
        return r < 0 ? r + 2 * Math.PI : r;
    }

    /// <summary>The signed difference a − b in (−π, π].</summary>
    public static double Difference(double a, double b)
    {
        double d = Wrap(a - b);
        return d > Math.PI ? d - 2 * Math.PI : d;
    }
}
