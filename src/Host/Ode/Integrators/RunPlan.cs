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
    IntegrateOptions Options)
{
    public int N => Problem.Dimension;
    public int Members => Problem.Members;
    public bool IsMap => Problem.Model.Kind == DynamicsKind.Map;
    public double Dt => Solver.StepSize;

    /// <summary>The tableau flows are stepped with (classic RK4 unless the solver says otherwise).</summary>
    public ButcherTableau Tableau => Solver.Tableau ?? Methods.ClassicRk4;

    public static RunPlan Create(EnsembleProblem problem, ISolver solver, long steps, SaveAt? save, IntegrateOptions? options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solver);
        if (steps < 0)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be non-negative, got {steps}.");
        StepCounts.Validate(steps, nameof(steps));
        if (problem.Model is not IModelBinding binding)
            throw new ArgumentException($"model '{problem.Model.Name}' ({problem.Model.GetType().Name}) is not a built-in or UserModel.", nameof(problem));
        if (solver.Advances != problem.Model.Kind)
            throw new ArgumentException(
                $"solver: {solver.GetType().Name} advances a {solver.Advances}, but model '{problem.Model.Name}' is a {problem.Model.Kind}"
                + (problem.Model.Kind == DynamicsKind.Map ? "; use MapIteration." : "; use Rk4(dt) or ExplicitRk(method, dt)."), nameof(solver));
        options ??= IntegrateOptions.Default;
        if (options.ChunkMembers is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.ChunkMembers, $"ChunkMembers must be at least 1, got {options.ChunkMembers}.");
        if (!Enum.IsDefined(options.Precision))
            throw new ArgumentOutOfRangeException(nameof(options), options.Precision, $"unknown precision {options.Precision}.");
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
