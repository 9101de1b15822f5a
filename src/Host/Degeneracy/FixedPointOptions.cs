namespace FastAttractors.Degeneracy;

/// <summary>
/// Settings of the fixed- and slow-point search (<see cref="FixedPointFinder"/>). Speeds are compared relative to the
/// point's size: a point h counts as fixed when q(h) ≤ FixedPointSpeed · max(1, ‖h‖²), following Sussillo &amp; Barak
/// (2013), where fixed points are the zeros of q and slow points its small nonzero local minima.
/// </summary>
public sealed record FixedPointOptions
{
    /// <summary>Levenberg–Marquardt iterations per start (each one O(n³)).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Relative speed at or below which a point is a fixed point (default 1e-12, tight: true fixed points converge
    /// to rounding level, about 1e-30).</summary>
    public double FixedPointSpeed { get; init; } = 1e-12;

    /// <summary>Relative speed at or below which a non-fixed minimum is kept as a slow point; faster ends are rejected.</summary>
    public double SlowPointSpeed { get; init; } = 1e-4;

    /// <summary>Points closer than this (Euclidean distance, state units) are the same point.</summary>
    public double DeduplicationDistance { get; init; } = 1e-6;

    /// <summary>Eigenvalues within this of the stability boundary (|λ| = 1 for maps, Re λ = 0 for flows) are marginal.</summary>
    public double StabilityMargin { get; init; } = 1e-9;

    /// <summary>Compute the Jacobian's eigenvalues and stability class at each distinct point.</summary>
    public bool ComputeEigenvalues { get; init; } = true;

    /// <summary>Standard deviation of Gaussian noise added to every start (0: starts used as given).</summary>
    public double StartNoise { get; init; }

    /// <summary>Seed of the start noise; the noise of (network k, start s) depends only on (seed, k, s).</summary>
    public long Seed { get; init; }

    /// <summary>Most threads used (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        Require.AtLeast(MaxIterations, 1, nameof(MaxIterations));
        Require.NonNegative(FixedPointSpeed, nameof(FixedPointSpeed));
        Require.NonNegative(SlowPointSpeed, nameof(SlowPointSpeed));
        Require.NonNegative(DeduplicationDistance, nameof(DeduplicationDistance));
        Require.NonNegative(StabilityMargin, nameof(StabilityMargin));
        Require.NonNegative(StartNoise, nameof(StartNoise));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"'{nameof(MaxDegreeOfParallelism)}' must be -1 or positive, got {MaxDegreeOfParallelism}.");
    }
}
