namespace FastAttractors.Ode.Integrators;

/// <summary>One backend's way to run a <see cref="RunPlan"/>.</summary>
internal interface IEnsembleIntegrator : IDisposable
{
    Backend Backend { get; }

    EnsembleSolution Integrate(RunPlan plan);
}
