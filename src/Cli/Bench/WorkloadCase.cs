using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// A bench case over one member-step <see cref="Workload"/> of bench/ (W1–W3, W5): its name, unit and flop count, and
/// the scale rule they share — the workload's CPU or GPU member count at full size, a reduced count at small size, and
/// a subsample on the slow backends (Reference, IlgpuCpu) whose time the runner extrapolates.
/// </summary>
internal abstract class WorkloadCase(Workload workload, int smallMembers, int smallSubsample, double tolerance, string toleranceReason)
    : BenchCase
{
    protected Workload Definition => workload;

    public override string Id => workload.Id;
    public override string Title => workload.Title;
    public override string Unit => "member-steps";
    public override double? FlopsPerUnit => workload.Flops.Total;
    public override double Tolerance => tolerance;
    public override string ToleranceReason => toleranceReason;

    public override BenchScale Scale(Backend backend, BenchSize size)
    {
        int members = size == BenchSize.Small ? smallMembers : IsGpu(backend) ? workload.GpuMembers : workload.CpuMembers;
        int subsample = size == BenchSize.Small ? smallSubsample
            : backend == Backend.Reference ? workload.ReferenceMembers : workload.IlgpuCpuMembers;
        return backend is Backend.Reference or Backend.IlgpuCpu ? new(members, Math.Min(members, subsample)) : new(members, members);
    }
}
