namespace FastAttractors.Bench.Benchmarks;

/// <summary>W5: Lorenz, ρ = linspace(0, 21, N), RK4 dt 0.001, 1000 steps, float32, final states; 65,536 members (Reference 4,096).</summary>
public class W5Benchmarks : WorkloadBenchmarks
{
    private protected override Workload Workload => Workloads.W5;
}
