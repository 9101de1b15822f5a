namespace FastAttractors.Bench.Benchmarks;

/// <summary>W2: TanhRnn n = 64, one shared W, RK4 dt 0.01, 1000 steps, float32; 4,096 members (Reference 32).</summary>
public class W2Benchmarks : WorkloadBenchmarks
{
    private protected override Workload Workload => Workloads.W2;
}
