namespace FastAttractors.Cli.Specs;

/// <summary>A resolved adjoint spec as the engine's objects: exactly what <c>Engine.Gradient</c> is called with.</summary>
internal sealed record AdjointRun(IntegrateSpec Spec, EnsembleProblem Problem, ISolver Solver, long Steps, Loss Loss,
    GradientOptions Options, Backend? Backend)
{
    /// <summary>Gain g of member <paramref name="member"/>, or null when the model has no sparse Gaussian weights.</summary>
    public double? GainOf(int member) => RunFactory.GainOf(Spec, Problem.Members, member);

    /// <summary>True for a gain sweep (g varies over members): plots and summaries show g next to the member.</summary>
    public bool IsGainSweep => Spec.GEnd is not null;
}
