using BenchmarkDotNet.Attributes;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>W2: TanhRnn n = 64, one shared W, RK4 dt 0.01, 1000 steps, float32; 4,096 members (Reference 32).</summary>
public class W2Benchmarks
{
    private WorkloadBenchmark? run;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases => BenchCase.For(Workloads.W2);

    [GlobalSetup]
    public void Setup() => run = new WorkloadBenchmark(Case);

    [GlobalCleanup]
    public void Cleanup() => run?.Dispose();

    [Benchmark]
    public double Integrate() => run!.Integrate();
}
