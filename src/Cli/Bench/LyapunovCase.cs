using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// A Lyapunov workload (W3): Engine.Lyapunov with the workload's options (a shorter transient and accumulation at
/// <see cref="BenchSize.Small"/>); the unit is member-steps, transient included, as <see cref="Workload.Steps"/> counts them.
/// </summary>
internal sealed class LyapunovCase(Workload workload, int smallMembers, double smallTransient, double smallDuration, int smallSubsample,
    double tolerance, string toleranceReason) : WorkloadCase(workload, smallMembers, smallSubsample, tolerance, toleranceReason)
{
    public LyapunovOptions Options(BenchSize size) => size == BenchSize.Full ? Definition.Lyapunov!
        : Definition.Lyapunov! with { Transient = smallTransient, Duration = smallDuration };

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var problem = Definition.BuildFirst(members, ran);
        var options = Options(size);
        double dt = Definition.Solver.StepSize;
        long steps = (long)Math.Round((options.Transient + options.Duration) / dt);
        int check = Math.Min(CheckedMembers, ran);
        return engine =>
        {
            var spectra = engine.Lyapunov(problem, Definition.Solver, options);
            return new BenchOutput((double)ran * steps, Enumerable.Range(0, check).Select(spectra.Spectrum).ToList());
        };
    }
}
