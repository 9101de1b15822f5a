using BenchmarkDotNet.Attributes;
using FastAttractors.Bench.Compare;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// W3: full Lyapunov spectra of 1,024 per-member TanhRnn networks (n = k = 16, g 0.5..3, RK4 dt 0.05, 2,000 steps,
/// QR every 10, float32 tangents) per backend (Reference and IlgpuCpu at 16 members). <see cref="LyapunovRareQr"/> is the same run with
/// a QR every 50 steps: the difference of the two is 4/5 of the QR time (see <see cref="QrShare"/>).
/// </summary>
public class W3Benchmarks
{
    private Engine? engine;
    private EnsembleProblem? problem;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public IEnumerable<BenchCase> Cases => BenchCase.For(Workloads.W3);

    [GlobalSetup]
    public void Setup()
    {
        engine = Engine.Create(Case.Backend);
        problem = Workloads.W3.Build(Case.Members);
    }

    [GlobalCleanup]
    public void Cleanup() => engine?.Dispose();

    [Benchmark(Baseline = true)]
    public double Lyapunov() => Run(Workloads.W3.Lyapunov!);

    [Benchmark]
    public double LyapunovRareQr() => Run(Workloads.W3.Lyapunov! with { Every = QrShare.RareEvery });

    /// <summary>One estimate; returns an exponent so the work cannot be dropped.</summary>
    private double Run(LyapunovOptions options) => engine!.Lyapunov(problem!, Workloads.W3.Solver, options).Exponents[0];
}
