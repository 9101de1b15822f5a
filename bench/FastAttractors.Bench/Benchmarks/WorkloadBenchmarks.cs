using BenchmarkDotNet.Attributes;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// The macro benchmark of one standard workload on every present backend; a subclass names the workload. Engine and
/// problem are built in the setup, so the measured call is one <see cref="Engine.Integrate"/>.
/// </summary>
public abstract class WorkloadBenchmarks
{
    private WorkloadBenchmark? run;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public IEnumerable<BenchCase> Cases => BenchCase.For(Workload);

    private protected abstract Workload Workload { get; }

    [GlobalSetup]
    public void Setup() => run = new WorkloadBenchmark(Case);

    [GlobalCleanup]
    public void Cleanup() => run?.Dispose();

    [Benchmark]
    public double Integrate() => run!.Integrate();
}
