namespace FastAttractors.Native;

/// <summary>
/// Step counts the C ABI accepts: 1 … 2^53. The engine's time is t0 + i·dt from an integer step counter, and 2^53 is
/// where a double stops holding every integer (two steps would share a time); it is also months of work at a
/// nanosecond per step, so a larger count is a wrapped or uninitialised number, refused before anything runs.
/// </summary>
internal static class StepCounts
{
    /// <summary>The engine's own limit (<see cref="global::FastAttractors.StepCounts.Max"/>), stated again in the C header.</summary>
    public const long Largest = global::FastAttractors.StepCounts.Max;

    public static long Check(long steps, string name)
    {
        if (steps < 1 || steps > Largest)
            throw new ArgumentOutOfRangeException(name, steps, $"{name}: must be between 1 and 2^53 = {Largest}, got {steps}.");
        return steps;
    }

    /// <summary>
    /// A time span (transient, duration) must be finite, non-negative (positive when <paramref name="positive"/>) and
    /// at most 2^53 steps of dt long (dt already checked positive and finite).
    /// </summary>
    public static void CheckSpan(double span, double dt, string name, bool positive)
    {
        if (!double.IsFinite(span) || span < 0 || (positive && span == 0))
            throw new ArgumentOutOfRangeException(name, span,
                $"{name}: must be finite and {(positive ? "positive" : "non-negative")}, got {span}.");
        if (span / dt > Largest)
            throw new ArgumentOutOfRangeException(name, span,
                $"{name}: {span} time units at dt = {dt} are {span / dt:G6} steps, more than 2^53 = {Largest}.");
    }
}
