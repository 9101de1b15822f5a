using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// A Lyapunov workload (W3): Engine.Lyapunov with the workload's options (a shorter transient and accumulation at
/// <see cref="BenchSize.Small"/>); the unit is member-steps, transient included, as <see cref="Workload.Steps"/> counts them.
/// </summary>
internal sealed class LyapunovCase(Workload workload, int smallMembers, double smallTransient, double smallDuration, int smallSubsample,
    double tolerance, string toleranceReason) : BenchCase
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

    public LyapunovOptions Options(BenchSize size) => size == BenchSize.Full ? workload.Lyapunov!
        : workload.Lyapunov! with { Transient = smallTransient, Duration = smallDuration };

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var problem = workload.BuildFirst(members, ran);
        var options = Options(size);
        double dt = workload.Solver.StepSize;
        long steps = (long)Math.Round((options.Transient + options.Duration) / dt);
        int check = Math.Min(CheckedMembers, ran);
        return engine =>
        {
            var spectra = engine.Lyapunov(problem, workload.Solver, options);
            return new BenchOutput((double)ran * steps, Enumerable.Range(0, check).Select(spectra.Spectrum).ToList());
        };
    }
}
