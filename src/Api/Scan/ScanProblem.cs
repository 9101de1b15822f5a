namespace FastAttractors;

/// <summary>
/// What to scan: a family of networks over a grid of parameter axes, with <see cref="Members"/> rows per grid point.
/// Row r is point r / Members, member r % Members; points run in C order over <see cref="Axes"/> (the last axis
/// fastest). Each row's weights (tanh-gain) and initial state are drawn from its own seed, a pure function of
/// <see cref="Seed"/> and r, so a row's result does not depend on which other rows run with it. How to compute
/// (step, times, precision) is <see cref="ScanOptions"/>; <see cref="ScanPlan.Create"/> checks the two together.
/// <code>
/// var problem = new ScanProblem
/// {
///     Family = ScanFamily.RotationFlow,
///     Axes = [ScanAxis.Linspace("alpha", 0, 10, 64), ScanAxis.Linspace("theta", 0, Math.PI, 64)],
/// };
/// </code>
/// </summary>
public sealed record ScanProblem
{
    /// <summary>The networks the rows stand for.</summary>
    public required ScanFamily Family { get; init; }

    /// <summary>The grid: each of the family's axes exactly once (<see cref="ScanFamilies.AxisNames"/>), in the order the points run.</summary>
    public required IReadOnlyList<ScanAxis> Axes { get; init; }

    /// <summary>Dimension of the networks: null for the family's own (2 for the rotation families, which take no other); required for tanh-gain.</summary>
    public int? N { get; init; }

    /// <summary>Connection probability of the tanh-gain weights, in (0, 1]; null for 1. The rotation families have no random weights and refuse it.</summary>
    public double? Connectivity { get; init; }

    /// <summary>Rows per grid point, each with its own initial state (and, for tanh-gain, its own weights).</summary>
    public int Members { get; init; } = 1;

    /// <summary>Seed of the scan (non-negative); row r draws from its own counter-based stream of it.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Standard deviation of the Gaussian initial states (non-negative).</summary>
    public double InitialStateStd { get; init; } = 1.0;
}
