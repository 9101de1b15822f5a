namespace FastAttractors.Cli.Specs;

/// <summary>A resolved lyapunov spec as the engine's objects: exactly what <c>Engine.Lyapunov</c> is called with.</summary>
internal sealed record LyapunovRun(IntegrateSpec Spec, EnsembleProblem Problem, ISolver Solver, LyapunovOptions Options, Backend? Backend)
{
    /// <summary>Gain g of member <paramref name="member"/>, or null when the model has no sparse Gaussian weights.</summary>
    public double? GainOf(int member) => RunFactory.GainOf(Spec, Problem.Members, member);

    /// <summary>True for a gain sweep (g varies over members): plots and tables show g instead of the member index.</summary>
    public bool IsGainSweep => Spec.GEnd is not null;
}
