namespace FastAttractors;

/// <summary>
/// How to compute a scan's spectra: the Lyapunov run of every row (RK4 for the flows, iteration for the map) and how
/// many rows run as one ensemble. A null field takes the family's default. Times are in model time units for flows
/// and in iterations for the map. The backend is the engine's (<see cref="Engine.Create"/>).
/// </summary>
public sealed record ScanOptions
{
    /// <summary>RK4 step of the flows; null for 0.05. The map is iterated and refuses a step.</summary>
    public double? Dt { get; init; }

    /// <summary>Time run before accumulating; null for 500 (rotation families) or 100 (tanh-gain).</summary>
    public double? Transient { get; init; }

    /// <summary>Accumulation time; null for 1,000 (flows) or 50,000 iterations (rotation-map).</summary>
    public double? Duration { get; init; }

    /// <summary>Steps between QRs; null for 0.1 time units (rotation-flow) or 10 steps.</summary>
    public int? Every { get; init; }

    /// <summary>Leading exponents k per row (1 ≤ k ≤ n); null for all n.</summary>
    public int? Exponents { get; init; }

    /// <summary>Blocks for the standard errors (at least 10).</summary>
    public int Blocks { get; init; } = 10;

    /// <summary>Standard error above which a row is <see cref="LyapunovStatus.NotConverged"/>.</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>State and tangent precision; the log |R_ii| sums are always float64.</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>
    /// Rows run as one ensemble (a chunk), the unit of <see cref="Engine.ScanRows(ScanPlan, long, long)"/>, of progress
    /// and of cancellation. A row's result does not depend on it.
    /// </summary>
    public int ChunkRows { get; init; } = 1024;

    /// <summary>The defaults.</summary>
    public static ScanOptions Default { get; } = new();
}
