namespace FastAttractors.Cli.Scan;

/// <summary>
/// A scan as written in a spec file or given by flags: every field nullable, so flags can be laid over a file
/// (<see cref="Overlay"/>) and <see cref="ScanJob.Create"/> fills the defaults. Field meanings: docs/reference/spec-files.md.
/// </summary>
internal sealed record ScanSpec
{
    public string? Family { get; init; }
    public int? N { get; init; }
    public double? Connectivity { get; init; }
    public IReadOnlyList<ScanAxis>? Axes { get; init; }
    public int? Members { get; init; }
    public long? Seed { get; init; }
    public double? X0Std { get; init; }
    public double? Dt { get; init; }
    public double? Transient { get; init; }
    public double? Duration { get; init; }
    public int? Every { get; init; }
    public int? Exponents { get; init; }
    public int? Blocks { get; init; }
    public double? Tolerance { get; init; }
    public string? Precision { get; init; }
    public string? Backend { get; init; }
    public int? Chunk { get; init; }

    /// <summary>This spec with every field <paramref name="top"/> sets replaced; an axis of <paramref name="top"/> replaces the same-named axis.</summary>
    public ScanSpec Overlay(ScanSpec top)
    {
        var axes = Axes?.ToList() ?? [];
        foreach (var axis in top.Axes ?? [])
        {
            int at = axes.FindIndex(a => a.Name == axis.Name);
            if (at >= 0)
                axes[at] = axis;
            else
                axes.Add(axis);
        }
        return new ScanSpec
        {
            Family = top.Family ?? Family,
            N = top.N ?? N,
            Connectivity = top.Connectivity ?? Connectivity,
            Axes = Axes is null && top.Axes is null ? null : axes,
            Members = top.Members ?? Members,
            Seed = top.Seed ?? Seed,
            X0Std = top.X0Std ?? X0Std,
            Dt = top.Dt ?? Dt,
            Transient = top.Transient ?? Transient,
            Duration = top.Duration ?? Duration,
            Every = top.Every ?? Every,
            Exponents = top.Exponents ?? Exponents,
            Blocks = top.Blocks ?? Blocks,
            Tolerance = top.Tolerance ?? Tolerance,
            Precision = top.Precision ?? Precision,
            Backend = top.Backend ?? Backend,
            Chunk = top.Chunk ?? Chunk,
        };
    }
}
