namespace FastAttractors.Cli.Bench;

/// <summary>
/// The cross-check of every benchmarked answer against Reference: the largest of |x − x_ref| / max(1, |x_ref|) over
/// the compared members' values (absolute below 1, relative above, so state components near 0 and exponents near 0 do
/// not blow up a relative error). A value finite on one side only counts as an infinite deviation.
/// </summary>
internal static class CrossCheck
{
    public const string Measure = "max |x − x_ref| / max(1, |x_ref|)";

    /// <summary>The deviation over the members both sides have, and how many that was (0: nothing to compare, NaN deviation).</summary>
    public static (double Deviation, int Members) Deviation(IReadOnlyList<double[]> values, IReadOnlyList<double[]> reference)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(reference);
        int members = Math.Min(values.Count, reference.Count);
        if (members == 0)
            return (double.NaN, 0);
        double worst = 0;
        for (int m = 0; m < members; m++)
        {
            var (a, r) = (values[m], reference[m]);
            if (a.Length != r.Length)
                throw new ArgumentException($"values: member {m} has {a.Length} values, the reference {r.Length}.", nameof(values));
            for (int i = 0; i < a.Length; i++)
                worst = Math.Max(worst, Of(a[i], r[i]));
        }
        return (worst, members);
    }

    private static double Of(double x, double reference)
    {
        if (double.IsFinite(x) != double.IsFinite(reference))
            return double.PositiveInfinity;
        if (!double.IsFinite(x))
            return x.Equals(reference) ? 0 : double.PositiveInfinity;
        return Math.Abs(x - reference) / Math.Max(1, Math.Abs(reference));
    }
}
