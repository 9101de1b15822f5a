namespace FastAttractors.Cli.Bench;

/// <summary>How a row ended.</summary>
internal enum RowStatus
{
    /// <summary>Ran, and agreed with Reference within the workload's tolerance (or is Reference).</summary>
    Ok,

    /// <summary>Ran, but deviates from Reference by more than the tolerance: its speed does not count.</summary>
    Deviates,

    /// <summary>Threw during the warm-up or a timed run; the message is in the note.</summary>
    Failed,

    /// <summary>Named but not present on this machine.</summary>
    Absent,
}

/// <summary>
/// One line of the bench table: a workload on a backend. Throughput is <see cref="Units"/> per <see cref="Seconds"/>
/// (the median timed call, warm-up excluded); where <see cref="BenchScale.Extrapolated"/>, the timed call ran
/// <see cref="BenchScale.Ran"/> members and <see cref="FullSeconds"/> is the time for all at that throughput.
/// </summary>
internal sealed record BenchRow
{
    public required BenchCase Case { get; init; }
    public required Backend Backend { get; init; }
    public required BenchScale Scale { get; init; }
    public BenchDevice? Device { get; init; }
    public RowStatus Status { get; init; }
    public double WarmupSeconds { get; init; } = double.NaN;
    public double Seconds { get; init; } = double.NaN;
    public double Units { get; init; } = double.NaN;
    public int Runs { get; init; }
    public double Deviation { get; init; } = double.NaN;
    public int CheckedMembers { get; init; }
    public double SpeedupOverSimd { get; init; } = double.NaN;
    public double SpeedupOverReference { get; init; } = double.NaN;
    public string Note { get; init; } = "";

    /// <summary>The unit per second; NaN when nothing was timed.</summary>
    public double Throughput => Units / Seconds;

    /// <summary>Time for all <see cref="BenchScale.Members"/> at the measured throughput (the measured time when nothing was extrapolated).</summary>
    public double FullSeconds => Seconds * Scale.Members / Scale.Ran;

    public double Gflops => Case.FlopsPerUnit is { } f ? Throughput * f / 1e9 : double.NaN;

    public double FractionOfPeak => Device is { Peak.Known: true } d ? Gflops / d.Peak.Gflops : double.NaN;

    public bool Timed => double.IsFinite(Throughput) && Throughput > 0;
}
