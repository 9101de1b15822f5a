using BenchmarkDotNet.Attributes;
using FastAttractors.Bench.Gradient;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// Engine.Gradient against Engine.Integrate on the same problem (<see cref="GradientWorkload"/>); Integrate is the
/// baseline, so BenchmarkDotNet's Ratio column is the gradient's cost in forward passes. The <c>gradient</c> runner
/// prints the same ratio without BenchmarkDotNet's overhead.
/// </summary>
public class GradientBenchmarks
{
    private Engine? engine;
    private EnsembleProblem? problem;
    private Loss? loss;
    private GradientWorkload? workload;

    [Params("n16", "n64")]
    public string Workload { get; set; } = "n16";

    [ParamsSource(nameof(Backends))]
    public Backend Backend { get; set; }

    public static IEnumerable<Backend> Backends() => new[] { Backend.Simd, Backend.IlgpuCpu }.Where(DeviceCatalog.IsAvailable);

    [GlobalSetup]
    public void Setup()
    {
        workload = GradientWorkload.Get(Workload);
        engine = Engine.Create(Backend);
        problem = workload.Build(workload.DefaultMembers);
        loss = workload.Loss();
    }

    [GlobalCleanup]
    public void Cleanup() => engine?.Dispose();

    [Benchmark(Baseline = true)]
    public double Forward() =>
        engine!.Integrate(problem!, workload!.Solver, GradientWorkload.Steps, SaveAt.Final, GradientWorkload.IntegrateOptions).FinalStates[0];

    [Benchmark]
    public double Gradient() =>
        engine!.Gradient(problem!, workload!.Solver, GradientWorkload.Steps, loss!, GradientWorkload.GradientOptions).InitialStates[0];
}
