using BenchmarkDotNet.Attributes;
using FastAttractors.Bench.W6;
using FastAttractors.Lyapunov;
using FastAttractors.Lyapunov.Estimators;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// W6 (CPU size): leading 64 exponents of one n = 1,024 TanhRnn over 200 τ on the GEMM estimator, per precision. One
/// call is ~10–40 s on two cores; the <c>w6</c> runner prints the GFLOP/s and the GEMM/QR split.
/// </summary>
public class W6Benchmarks
{
    private LargeNetworkLyapunov? estimator;
    private LyapunovPlan? plan;

    [Params(Precision.Float32, Precision.Float64)]
    public Precision Precision { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        estimator = new LargeNetworkLyapunov();
        plan = W6Workload.Plan(Precision);
    }

    [GlobalCleanup]
    public void Cleanup() => estimator?.Dispose();

    [Benchmark]
    public double Spectrum() => estimator!.Estimate(plan!).Exponents[0];
}
