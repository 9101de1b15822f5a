namespace FastAttractors;

/// <summary>What to keep of a run: the final states only, or also every <see cref="Every"/>-th state (t = 0 included).</summary>
public sealed record SaveAt
{
    private SaveAt(int? every) => Every = every;

    /// <summary>Record interval in steps; null for final states only.</summary>
    public int? Every { get; }

    /// <summary>Final states only.</summary>
    public static SaveAt Final { get; } = new((int?)null);

    /// <summary>Decimated trajectory: states at steps 0, k, 2k, … ≤ steps.</summary>
    public static SaveAt EveryNthStep(int k)
    {
        if (k < 1)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"record interval must be at least 1 step, got {k}.");
        return new SaveAt(k);
    }
}
