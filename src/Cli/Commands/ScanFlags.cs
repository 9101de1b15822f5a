using System.CommandLine;
using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Commands;

/// <summary>The flags of <c>scan</c>: each spec field (overriding the file's), the output and the sharding.</summary>
internal sealed class ScanFlags
{
    public Option<string?> Spec { get; } = new("--spec") { Description = "JSON scan spec (docs/reference/spec-files.md); flags given as well override it. Without --spec and --family: the embedded default." };
    public Option<string?> Family { get; } = new("--family") { Description = "rotation-flow (Eq. 20) | rotation-map (Eq. 21) | tanh-gain (random TanhRnn, axis g)." };
    public Option<string[]> Axis { get; } = new("--axis") { Description = "NAME=linspace:START:STOP:COUNT | NAME=logspace:START:STOP:COUNT | NAME=list:V1,V2,… (repeatable; replaces the spec's axis of that name).", AllowMultipleArgumentsPerToken = false };
    public Option<int?> N { get; } = new("--n") { Description = "Dimension (tanh-gain; the rotation families are 2-D)." };
    public Option<double?> Connectivity { get; } = new("--connectivity") { Description = "Connection probability of the tanh-gain weights (default 1)." };
    public Option<int?> Members { get; } = new("--members") { Description = "Members per point: initial states (and weights for tanh-gain) drawn per member (default 1)." };
    public Option<long?> Seed { get; } = new("--seed") { Description = "Seed of the scan; row r draws from its own counter-based stream (default 1)." };
    public Option<double?> X0Std { get; } = CommonOptions.X0Std();
    public Option<double?> Dt { get; } = new("--dt") { Description = "RK4 step of the flows (default 0.05)." };
    public Option<double?> Transient { get; } = new("--transient") { Description = "Transient (time units; iterations for maps), default 500 (rotation) / 100." };
    public Option<double?> Duration { get; } = new("--duration") { Description = "Accumulation time, default 1000 (flows) / 50000 iterations (rotation-map)." };
    public Option<int?> Every { get; } = new("--every") { Description = "Steps between QRs (default: 0.1 time units for rotation-flow, else 10)." };
    public Option<int?> Exponents { get; } = new("--exponents") { Description = "Leading exponents k (default n)." };
    public Option<int?> Blocks { get; } = new("--blocks") { Description = "Blocks for the standard errors, ≥ 10 (default 10)." };
    public Option<double?> Tolerance { get; } = new("--tolerance") { Description = "Standard error above which a row is 'not-converged' (default 0.05)." };
    public Option<string?> Precision { get; } = CommonOptions.Precision();
    public Option<string?> Backend { get; } = CommonOptions.Backend();
    public Option<int?> Chunk { get; } = new("--chunk") { Description = "Rows per chunk, the unit of persistence and resume (default 1024; part of the spec)." };
    public Option<string> Out { get; } = CommonOptions.Out("results/scan", "Output directory (the dataset: DIR/*.parquet).");
    public Option<string?> Shard { get; } = new("--shard") { Description = "Compute shard i of n (i/n); else from SLURM_ARRAY_TASK_ID (+ --shards), SLURM_PROCID/NTASKS, OMPI_COMM_WORLD_RANK/SIZE, JOB_COMPLETION_INDEX (+ --shards)." };
    public Option<int?> Shards { get; } = new("--shards") { Description = "Shard count n, for the index variables that do not carry it." };
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue an interrupted shard from its last completed chunk (refused for a different spec)." };
    public Option<bool> Npz { get; } = new("--npz") { Description = "Also write each shard as .npz (one 1-D array per column)." };

    public IEnumerable<Option> All =>
        [Spec, Family, Axis, N, Connectivity, Members, Seed, X0Std, Dt, Transient, Duration, Every, Exponents, Blocks, Tolerance, Precision, Backend, Chunk, Out, Shard, Shards, Resume, Npz];

    /// <summary>The spec: the file, else the embedded default when no family is named, with the flags laid over it.</summary>
    public ScanSpec Read(ParseResult p)
    {
        var flags = new ScanSpec
        {
            Family = p.GetValue(Family),
            Axes = p.GetValue(Axis) is { Length: > 0 } axes ? [.. axes.Select(ScanAxisText.ParseFlag)] : null,
            N = p.GetValue(N),
            Connectivity = p.GetValue(Connectivity),
            Members = p.GetValue(Members),
            Seed = p.GetValue(Seed),
            X0Std = p.GetValue(X0Std),
            Dt = p.GetValue(Dt),
            Transient = p.GetValue(Transient),
            Duration = p.GetValue(Duration),
            Every = p.GetValue(Every),
            Exponents = p.GetValue(Exponents),
            Blocks = p.GetValue(Blocks),
            Tolerance = p.GetValue(Tolerance),
            Precision = p.GetValue(Precision),
            Backend = p.GetValue(Backend),
            Chunk = p.GetValue(Chunk),
        };
        ScanFields.CheckFlags(flags);
        var basis = p.GetValue(Spec) is { } path ? ScanSpecReader.ReadFile(path)
            : flags.Family is null ? ScanSpecReader.ReadDefault()
            : new ScanSpec();
        return basis.Overlay(flags);
    }
}
