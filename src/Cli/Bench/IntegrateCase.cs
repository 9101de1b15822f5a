using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// An ensemble-integration workload (W1, W2, W5) of <see cref="Workloads"/>: Engine.Integrate with final states only,
/// float32, timed end to end (packing, integration, unpacking); the unit is member-steps.
/// </summary>
/// <param name="workload">the shared definition (problem, solver, steps, flops, full sizes).</param>
/// <param name="smallMembers">members of the <see cref="BenchSize.Small"/> run.</param>
/// <param name="smallSteps">steps of the small run (the workload's own step count at full size).</param>
/// <param name="smallSubsample">members Reference and IlgpuCpu run at small size (the workload's own counts at full size).</param>
/// <param name="tolerance">see <see cref="BenchCase.Tolerance"/>.</param>
/// <param name="toleranceReason">see <see cref="BenchCase.ToleranceReason"/>.</param>
internal sealed class IntegrateCase(Workload workload, int smallMembers, long smallSteps, int smallSubsample, double tolerance, string toleranceReason)
    : WorkloadCase(workload, smallMembers, smallSubsample, tolerance, toleranceReason)
{
    public long Steps(BenchSize size) => size == BenchSize.Small ? smallSteps : Definition.Steps;

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var problem = Definition.BuildFirst(members, ran);
        long steps = Steps(size);
        int check = Math.Min(CheckedMembers, ran);
        return engine =>
        {
            var solution = engine.Integrate(problem, Definition.Solver, steps, SaveAt.Final, Workload.Float32);
            return new BenchOutput((double)ran * steps, Enumerable.Range(0, check).Select(solution.FinalState).ToList());
        };
    }
}
