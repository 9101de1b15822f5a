namespace FastAttractors.Bench.Benchmarks;

/// <summary>Engine and problem built outside the measured call; the measured call is one Engine.Integrate.</summary>
internal sealed class WorkloadBenchmark(BenchCase c) : IDisposable
{
    private readonly Engine engine = Engine.Create(c.Backend);
    private readonly EnsembleProblem problem = c.Workload.Build(c.Members);

    /// <summary>One integration; returns a final-state value so the work cannot be dropped.</summary>
    public double Integrate()
    {
        var w = c.Workload;
        return engine.Integrate(problem, w.Solver, w.Steps, SaveAt.Final, Workload.Float32).FinalStates[0];
    }

    public void Dispose() => engine.Dispose();
}
