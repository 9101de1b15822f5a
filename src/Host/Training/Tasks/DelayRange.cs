namespace FastAttractors.Training.Tasks;

/// <summary>The delay bounds every variable-delay task accepts, checked in one place so their messages agree.</summary>
internal static class DelayRange
{
    /// <summary>Longest delay a task accepts: 10⁵ steps already means minutes per minibatch.</summary>
    public const int Longest = 100_000;

    public static void Check(int minDelay, int maxDelay)
    {
        if (minDelay < 1 || minDelay > Longest)
            throw new ArgumentOutOfRangeException(nameof(minDelay), minDelay, $"minDelay must be in [1, {Longest}], got {minDelay}.");
        if (maxDelay < minDelay || maxDelay > Longest)
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, $"maxDelay must be in [minDelay = {minDelay}, {Longest}], got {maxDelay}.");
    }
}
