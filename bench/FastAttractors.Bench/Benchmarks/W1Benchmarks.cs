using BenchmarkDotNet.Attributes;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>W1: TanhRnn n = 16, per-member W, RK4 dt 0.01, 1000 steps, float32; 4,096 members (Reference 256).</summary>
public class W1Benchmarks
{
    private WorkloadBenchmark? run;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases => BenchCase.For(Workloads.W1);

    [GlobalSetup]
    public void Setup() => run = new WorkloadBenchmark(Case);

    [GlobalCleanup]
    public void Cleanup() => run?.Dispose();

    [Benchmark]
    public double Integrate() => run!.Integrate();
}
