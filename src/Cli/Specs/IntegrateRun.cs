namespace FastAttractors.Cli.Specs;

/// <summary>A resolved spec translated into the engine's objects: exactly what <c>Engine.Integrate</c> is called with.</summary>
internal sealed record IntegrateRun(
    IntegrateSpec Spec,
    EnsembleProblem Problem,
    ISolver Solver,
    long Steps,
    SaveAt Save,
    IntegrateOptions Options,
    Backend? Backend)
{
    /// <summary>Gain g of member <paramref name="member"/>, or null when the model has no sparse Gaussian weights.</summary>
    public double? GainOf(int member) => RunFactory.GainOf(Spec, Problem.Members, member);
}
