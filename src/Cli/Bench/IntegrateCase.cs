using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// An ensemble-integration workload (W1, W2, W5) of <see cref="Workloads"/>: Engine.Integrate with final states only,
/// float32, timed end to end (packing, integration, unpacking); the unit is member-steps.
/// </summary>
/// <param name="workload">the shared definition (problem, solver, steps, flops, spec sizes).</param>
/// <param name="smallMembers">members of the <see cref="BenchSize.Small"/> run.</param>
/// <param name="smallSteps">steps of the small run (the spec's step count at full size).</param>
/// <param name="smallSubsample">members Reference and IlgpuCpu run at small size (the workload's own counts at full size).</param>
/// <param name="tolerance">see <see cref="BenchCase.Tolerance"/>.</param>
/// <param name="toleranceReason">see <see cref="BenchCase.ToleranceReason"/>.</param>
internal sealed class IntegrateCase(Workload workload, int smallMembers, long smallSteps, int smallSubsample, double tolerance, string toleranceReason)
    : BenchCase
{
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

    public long Steps(BenchSize size) => size == BenchSize.Small ? smallSteps : workload.Steps;

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var problem = workload.BuildFirst(members, ran);
        long steps = Steps(size);
        int check = Math.Min(CheckedMembers, ran);
        return engine =>
        {
            var solution = engine.Integrate(problem, workload.Solver, steps, SaveAt.Final, Workload.Float32);
            return new BenchOutput((double)ran * steps, Enumerable.Range(0, check).Select(solution.FinalState).ToList());
        };
    }
}
