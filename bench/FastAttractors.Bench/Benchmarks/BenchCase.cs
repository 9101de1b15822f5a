namespace FastAttractors.Bench.Benchmarks;

/// <summary>One [ParamsSource] value: a workload on a backend at the member count that backend runs.</summary>
public sealed record BenchCase(string WorkloadId, Backend Backend, int Members)
{
    internal Workload Workload => Workloads.Get(WorkloadId);

    public long MemberSteps => (long)Members * Workload.Steps;

    /// <summary>
    /// Every available backend at the CPU size of spec/benchmarks.md, except IlgpuCpu: ILGPU's CPU accelerator is
    /// ~40× slower than Simd (DESIGN §2) and only a test path; it is measured in <c>compare</c> at 1/64 size instead.
    /// </summary>
    internal static IEnumerable<BenchCase> For(Workload w) => Workloads.AvailableBackends()
        .Where(b => b != Backend.IlgpuCpu)
        .Select(b => new BenchCase(w.Id, b, w.MembersFor(b, SizeClass.Small)));

    public override string ToString() => $"{Backend}/{Members}";
}
