using FastAttractors.Backends;
using FastAttractors.Models;

namespace FastAttractors.Ode.Integrators;

/// <summary>A validated request: everything an integrator needs, checked once on the host.</summary>
internal sealed record RunPlan(
    EnsembleProblem Problem,
    IModelBinding Binding,
    ISolver Solver,
    long Steps,
    int? RecordEvery,
    IntegrateOptions Options) : EnsemblePlan(Problem, Binding, Solver)
{
    public double Dt => Solver.StepSize;

    public static RunPlan Create(EnsembleProblem problem, ISolver solver, long steps, SaveAt? save, IntegrateOptions? options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solver);
        if (steps < 0)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be non-negative, got {steps}.");
        StepCounts.Validate(steps, nameof(steps));
        var binding = BindingOf(problem, solver);
        options ??= IntegrateOptions.Default;
        CheckPrecisionAndChunk(options.Precision, options.ChunkMembers, nameof(options));
        int? every = (save ?? SaveAt.Final).Every;
        var plan = new RunPlan(problem, binding, solver, steps, every, options);
        plan.CheckHostMemory();
        return plan;
    }

    /// <summary>Output frames (0 when only the final state is kept).</summary>
    public long Frames => RecordEvery is { } k ? Steps / k + 1 : 0;

    private void CheckHostMemory()
    {
        // The trajectory is one array; the final and the initial states are two more of n × members.
        double state = (double)N * Members;
        HostMemory.EnsureFits(state * (Frames + 2), state * Math.Max(1, Frames),
            $"the results ({Frames} trajectory frames, final and initial states, n = {N}; record less often)", "members", Members);
    }
}
