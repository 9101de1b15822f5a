namespace FastAttractors.Degeneracy;

/// <summary>Which number <see cref="DynamicalSimilarity"/> reports.</summary>
public enum DsaMetric
{
    /// <summary>min over orthogonal C of ‖A_x − C A_y Cᵀ‖_F (units of the operators' entries, per step).</summary>
    Euclidean,

    /// <summary>min over orthogonal C of arccos(⟨A_x, C A_y Cᵀ⟩ / (‖A_x‖_F ‖A_y‖_F)), radians in [0, π]: scale-free.</summary>
    Angular,
}

/// <summary>Settings of Dynamical Similarity Analysis (delay embedding, reduced-rank DMD, orthogonal Procrustes).</summary>
public sealed record DsaOptions
{
    /// <summary>Number of delays d of the Hankel embedding (1: the raw states). Default 5.</summary>
    public int Delays { get; init; } = 5;

    /// <summary>Rank r of the DMD operator (1 … d·n, at most the data's numerical rank). Default 10.</summary>
    public int Rank { get; init; } = 10;

    /// <summary>Ridge ρ added to the least-squares normal matrix of the DMD fit (default 0: plain least squares).</summary>
    public double Ridge { get; init; }

    /// <summary>Which distance is reported (default <see cref="DsaMetric.Euclidean"/>).</summary>
    public DsaMetric Metric { get; init; } = DsaMetric.Euclidean;

    /// <summary>Random orthogonal starts of the Procrustes optimisation, on top of its three structured ones (default 16:
    /// more starts, fewer missed global minima; each costs about 10–30 ms at r = 10).</summary>
    public int RandomStarts { get; init; } = 16;

    /// <summary>Descent iterations per start of the Procrustes optimisation.</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>Seed of the random starts (the same for every pair, so pair results do not depend on the batch).</summary>
    public long Seed { get; init; }

    /// <summary>Most threads used (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        Require.AtLeast(Delays, 1, nameof(Delays));
        Require.AtLeast(Rank, 1, nameof(Rank));
        Require.NonNegative(Ridge, nameof(Ridge));
        Require.AtLeast(RandomStarts, 0, nameof(RandomStarts));
        Require.AtLeast(MaxIterations, 0, nameof(MaxIterations));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"'{nameof(MaxDegreeOfParallelism)}' must be -1 or positive, got {MaxDegreeOfParallelism}.");
    }
}
