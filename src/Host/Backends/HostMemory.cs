namespace FastAttractors.Backends;

/// <summary>
/// Refuses host arrays that cannot exist here, before allocating them: one .NET array holds at most
/// <see cref="Array.MaxLength"/> elements, and an ensemble whose arrays would take most of the machine's memory would
/// end in an OutOfMemoryException or the OOM killer halfway through, with nothing written.
/// </summary>
internal static class HostMemory
{
    /// <summary>
    /// Fraction of the memory the runtime may use that one array of an ensemble may take: the backends hold a second
    /// copy of the parameters in their own layout and precision (half or all of the float64 size), so one float64
    /// array above half of memory cannot run to the end.
    /// </summary>
    private const double Share = 0.5;

    public const string FewerMembers = "Use fewer members per run (the results do not depend on how an ensemble is split).";

    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Throws, naming <paramref name="argument"/> and its value, when arrays of <paramref name="totalValues"/> float64
    /// values together, the largest of <paramref name="largestArray"/> values, cannot be held.
    /// </summary>
    public static void EnsureFits(double totalValues, double largestArray, string what, string argument, object? value,
        string advice = FewerMembers)
    {
        double bytes = 8.0 * totalValues;
        if (largestArray > Array.MaxLength || bytes > Share * AvailableBytes)
            throw new ArgumentOutOfRangeException(argument, value,
                $"{argument} = {value}: {what} needs {totalValues:G4} float64 values ({bytes / 1e9:F2} GB, {largestArray:G4} in one "
                + $"array); this process may use {AvailableBytes / 1e9:F2} GB and one array holds at most {Array.MaxLength:N0} "
                + "values. " + advice);
    }

    /// <summary>The same for one array of <paramref name="values"/> float64 values.</summary>
    public static void EnsureFits(double values, string what, string argument, object? value) =>
        EnsureFits(values, values, what, argument, value);
}
