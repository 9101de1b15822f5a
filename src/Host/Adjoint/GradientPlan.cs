using FastAttractors.Backends;
using FastAttractors.Models;

namespace FastAttractors.Adjoint;

/// <summary>
/// A validated gradient request. The loss terms are resolved to steps (a terminal term at <see cref="Steps"/>) and
/// sorted; states are checkpointed every <see cref="CheckpointInterval"/> steps (step 0 included).
/// <see cref="IntervalGiven"/>: the caller chose the interval (no backend may change it);
/// <see cref="RecordBudgetMiB"/>: GradientOptions.RecordBudgetMiB.
/// </summary>
internal sealed record GradientPlan(
    EnsembleProblem Problem,
    IModelBinding Binding,
    double Dt,
    long Steps,
    IReadOnlyList<(long Step, ILossFunction Function)> LossTerms,
    int CheckpointInterval,
    int? NormEvery,
    Precision Precision,
    int? ChunkMembers,
    ISolver Solver,
    bool IntervalGiven,
    int RecordBudgetMiB) : EnsemblePlan(Problem, Binding, Solver)
{
    /// <summary>Checkpoints stored: the states at steps 0, C, 2C, … below <see cref="Steps"/>.</summary>
    public long Checkpoints => (Steps + CheckpointInterval - 1) / CheckpointInterval;

    public long NormFrames => NormEvery is { } e ? Steps / e + 1 : 0;

    /// <summary>C ≈ √steps minimises n·(steps/C + C), the checkpoints plus one recomputed segment.</summary>
    public static int DefaultCheckpointInterval(long steps) => (int)Math.Clamp(Math.Round(Math.Sqrt(steps)), 1, int.MaxValue);

    public static GradientPlan Create(EnsembleProblem problem, ISolver solver, long steps, Loss loss, GradientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(loss);
        options ??= GradientOptions.Default;
        var binding = BindingOf(problem, solver);
        if (steps < 1)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be at least 1, got {steps}.");
        StepCounts.Validate(steps, nameof(steps));
        if (options.CheckpointInterval is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.CheckpointInterval,
                $"CheckpointInterval must be at least 1, got {options.CheckpointInterval}.");
        if (options.RecordBudgetMiB < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.RecordBudgetMiB,
                $"RecordBudgetMiB must be at least 0 (0 always checkpoints), got {options.RecordBudgetMiB}.");
        if (options.AdjointNormEvery is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.AdjointNormEvery, $"AdjointNormEvery must be at least 1, got {options.AdjointNormEvery}.");
        CheckPrecisionAndChunk(options.Precision, options.ChunkMembers, nameof(options));
        var terms = new List<(long, ILossFunction)>();
        foreach (var term in loss.Terms)
        {
            long step = term.Step ?? steps;
            if (step > steps)
                throw new ArgumentOutOfRangeException(nameof(loss), step, $"a loss term looks at step {step}, beyond the {steps} steps of the run.");
            if (term.Function is SquaredError squared)
                CheckTarget(squared, problem);
            terms.Add((step, term.Function));
        }
        terms.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        int interval = options.CheckpointInterval ?? DefaultCheckpointInterval(steps);
        interval = (int)Math.Min(interval, steps);
        var plan = new GradientPlan(problem, binding, solver.StepSize, steps, terms, interval, options.AdjointNormEvery,
            options.Precision, options.ChunkMembers, solver, options.CheckpointInterval is not null, options.RecordBudgetMiB);
        plan.CheckHostMemory();
        return plan;
    }

    private static void CheckTarget(SquaredError loss, EnsembleProblem problem)
    {
        if (loss.Dimension != problem.Dimension)
            throw new ArgumentException(
                $"loss: the target has dimension {loss.Dimension}, the model {problem.Dimension}.", nameof(loss));
        if (loss.Members is { } members && members != problem.Members)
            throw new ArgumentException(
                $"loss: the target describes {members} members (n × members = {loss.Dimension * members} values), the problem has {problem.Members}.", nameof(loss));
    }

    private void CheckHostMemory()
    {
        // Results: gradients of x0 and of every parameter block per member, adjoint norms; work: checkpoints and a segment.
        double parameters = Binding.GradientParameters.Sum(b => (double)b.Length);
        double perMember = N * 2.0 + parameters + NormFrames + (double)N * (Checkpoints + CheckpointInterval + 8);
        HostMemory.EnsureFits(perMember * Members, Math.Max((double)Math.Max(1, parameters) * Members, (double)N * Checkpoints * Members),
            $"the gradients and checkpoints (n = {N}, {Checkpoints} checkpoints of interval {CheckpointInterval}, {NormFrames} norm frames)",
            "members", Members);
    }
}
