namespace FastAttractors.Bench;

/// <summary>A peer program of bench/peers that runs the same workload and prints its throughput on one line.</summary>
/// <param name="Name">short name in tables (numpy, odeint).</param>
/// <param name="Source">file name in the peers folder.</param>
/// <param name="Arguments">command-line arguments for a member count.</param>
/// <param name="Missing">what to install when it cannot run.</param>
internal sealed record PeerSpec(string Name, string Source, Func<int, string[]> Arguments, string Missing)
{
    public bool IsPython => Source.EndsWith(".py", StringComparison.Ordinal);
}

/// <summary>One standard workload of docs/benchmarks.md: how to build its problem and what it costs.</summary>
internal sealed record Workload(
    string Id,
    string Title,
    int Dimension,
    int CpuMembers,
    int GpuMembers,
    int Steps,
    ISolver Solver,
    Func<int, EnsembleProblem> Build,
    FlopCount Flops,
    IReadOnlyList<PeerSpec> Peers,
    int ReferenceMembers,
    int IlgpuCpuMembers,
    string? NoPeerReason = null,
    LyapunovOptions? Lyapunov = null,
    Func<int, int, EnsembleProblem>? First = null)
{
    public static IntegrateOptions Float32 { get; } = new() { Precision = Precision.Float32 };

    /// <summary>
    /// The first <paramref name="count"/> members of the <paramref name="total"/>-member problem, exactly as they are in
    /// it (same parameters, same initial states): the subsample the Reference cross-check runs. Workloads whose member
    /// m depends on the member count (a linspace of gains or ρ) say how in <see cref="First"/>; the others are drawn
    /// from counter-based streams keyed by member, so <see cref="Build"/>(count) is already that prefix.
    /// </summary>
    public EnsembleProblem BuildFirst(int total, int count) => First is null ? Build(count) : First(total, count);

    /// <summary>A Lyapunov workload (W3): the timed call is Engine.Lyapunov with these options, Steps its transient + accumulation steps.</summary>
    public bool IsLyapunov => Lyapunov is not null;

    /// <summary>
    /// Members to run on <paramref name="backend"/>: GPU backends get the GPU size when asked; the CPU backends
    /// always run the CPU size (a GPU size would take minutes per run); Reference (scalar float64) and IlgpuCpu
    /// (ILGPU's CPU accelerator, ~40× slower than Simd) run reduced sizes of well under a second per call. Throughput is per member-step,
    /// so rows of different sizes compare; the size is printed with every row.
    /// </summary>
    public int MembersFor(Backend backend, SizeClass size) => backend switch
    {
        Backend.Cuda or Backend.OpenCL => size == SizeClass.Gpu ? GpuMembers : CpuMembers,
        Backend.Reference => ReferenceMembers,
        Backend.IlgpuCpu => IlgpuCpuMembers,
        _ => CpuMembers,
    };
}

/// <summary>Which full size of a workload to run: its CPU size or its GPU size.</summary>
internal enum SizeClass
{
    Small,
    Gpu,
}
