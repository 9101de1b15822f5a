namespace FastAttractors.Bench.Benchmarks;

/// <summary>One [ParamsSource] value: a workload on a backend at the member count that backend runs.</summary>
public sealed record BenchCase(string WorkloadId, Backend Backend, int Members)
{
    internal Workload Workload => Workloads.Get(WorkloadId);

    public long MemberSteps => (long)Members * Workload.Steps;

    /// <summary>
    /// Every available backend at the CPU size of docs/benchmarks.md; Reference and IlgpuCpu (ILGPU's CPU accelerator,
    /// a test path ~40–80× slower than Simd) at the reduced member counts the workload names, so that one case takes
    /// about as long as the Simd case. Throughput is per member-step, so the rows compare.
    /// </summary>
    internal static IEnumerable<BenchCase> For(Workload w) => Workloads.AvailableBackends()
        .Select(b => new BenchCase(w.Id, b, w.MembersFor(b, SizeClass.Small)));

    public override string ToString() => $"{Backend}/{Members}";
}
