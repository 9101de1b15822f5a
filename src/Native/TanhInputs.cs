namespace FastAttractors.Native;

/// <summary>
/// A <see cref="TanhRnn"/> ensemble and its initial states read from C arrays. Whether W, b and τ are shared or per
/// member follows from their lengths (n·n or n·n·members, …), all in the engine's member-fastest layout, so nothing is
/// transposed: W_ij of member m at (i·n + j)·members + m, x_i of member m at i·members + m.
/// </summary>
internal sealed record TanhInputs(TanhRnn Model, double[] InitialStates, int N, int Members)
{
    public EnsembleProblem Problem => new(Model, InitialStates, Members);
}
