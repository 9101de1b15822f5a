namespace FastAttractors;

/// <summary>Execution options that never change results beyond rounding of the chosen precision.</summary>
public sealed record IntegrateOptions
{
    /// <summary>State and parameter precision (the Reference backend always computes in float64).</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>Members per device chunk; null chooses the largest that fits device memory. Results do not depend on it.</summary>
    public int? ChunkMembers { get; init; }

    /// <summary>Float64, automatic chunking.</summary>
    public static IntegrateOptions Default { get; } = new();
}
