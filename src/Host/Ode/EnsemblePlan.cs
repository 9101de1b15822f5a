using FastAttractors.Backends;
using FastAttractors.Models;

namespace FastAttractors;

/// <summary>
/// What every validated request (integration, Lyapunov spectra, gradients) holds: the problem, its model's binding
/// and the solver, with the questions each backend asks of them, and the checks every request makes of them.
/// </summary>
internal abstract record EnsemblePlan(EnsembleProblem Problem, IModelBinding Binding, ISolver Solver)
{
    /// <summary>The tableau flows are stepped with (classic RK4 unless the solver says otherwise).</summary>
    public ButcherTableau Tableau => Solver.Tableau ?? Methods.ClassicRk4;

    public int N => Problem.Dimension;
    public int Members => Problem.Members;
    public bool IsMap => Problem.Model.Kind == DynamicsKind.Map;

    /// <summary>
    /// The model's binding, refusing a model that is neither a built-in nor a UserModel, and a solver that advances
    /// the other kind of dynamics (a flow solver on a map, or the map iteration on a flow).
    /// </summary>
    protected static IModelBinding BindingOf(EnsembleProblem problem, ISolver solver)
    {
        if (problem.Model is not IModelBinding binding)
            throw new ArgumentException($"model '{problem.Model.Name}' ({problem.Model.GetType().Name}) is not a built-in or UserModel.", nameof(problem));
        if (solver.Advances != problem.Model.Kind)
            throw new ArgumentException(
                $"solver: {solver.GetType().Name} advances a {solver.Advances}, but model '{problem.Model.Name}' is a {problem.Model.Kind}"
                + (problem.Model.Kind == DynamicsKind.Map ? "; use MapIteration." : "; use Rk4(dt) or ExplicitRk(method, dt)."), nameof(solver));
        return binding;
    }

    /// <summary>The options every capability takes: a known precision and, when given, at least one member per chunk.</summary>
    protected static void CheckPrecisionAndChunk(Precision precision, int? chunkMembers, string argument)
    {
        if (!Enum.IsDefined(precision))
            throw new ArgumentOutOfRangeException(argument, precision, $"unknown precision {precision}.");
        if (chunkMembers is < 1)
            throw new ArgumentOutOfRangeException(argument, chunkMembers, $"ChunkMembers must be at least 1, got {chunkMembers}.");
    }
}
