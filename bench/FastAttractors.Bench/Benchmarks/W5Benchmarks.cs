using BenchmarkDotNet.Attributes;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>W5: Lorenz, ρ = linspace(0, 21, N), RK4 dt 0.001, 1000 steps, float32, final states; 65,536 members (Reference 4,096).</summary>
public class W5Benchmarks
{
    private WorkloadBenchmark? run;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases => BenchCase.For(Workloads.W5);

    [GlobalSetup]
    public void Setup() => run = new WorkloadBenchmark(Case);

    [GlobalCleanup]
    public void Cleanup() => run?.Dispose();

    [Benchmark]
    public double Integrate() => run!.Integrate();
}
