namespace FastAttractors.Bench.Benchmarks;

/// <summary>W1: TanhRnn n = 16, per-member W, RK4 dt 0.01, 1000 steps, float32; 4,096 members (Reference 256).</summary>
public class W1Benchmarks : WorkloadBenchmarks
{
    private protected override Workload Workload => Workloads.W1;
}
