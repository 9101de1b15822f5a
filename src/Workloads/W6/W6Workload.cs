using FastAttractors.Lyapunov;

namespace FastAttractors.Bench.W6;

/// <summary>
/// W6 of docs/benchmarks.md, CPU size: one dense TanhRnn (g = 4, zero diagonal, τ = 1), n = 1,024, leading k = 64
/// exponents, RK4 dt 0.1, QR every 5 steps (0.5 time units), 200 τ accumulated after no transient (2,000 steps,
/// 400 QRs). Built the same way by the BenchmarkDotNet class and the <c>w6</c> runner.
/// </summary>
internal static class W6Workload
{
    public const int N = 1024, K = 64, Every = 5;
    public const double Dt = 0.1, Duration = 200, G = 4;

    public static LyapunovPlan Plan(Precision precision, double duration = Duration)
    {
        var model = TanhRnn.Random(N, G, 1.0, null, seed: 6, zeroDiagonal: true);
        var problem = new EnsembleProblem(model, InitialStates.Normal(N, 1, 1.0, 7), 1);
        return LyapunovPlan.Create(problem, new Rk4(Dt),
            new LyapunovOptions { Transient = 0, Duration = duration, Every = Every, Exponents = K, Precision = precision });
    }

    public static long Steps(double duration = Duration) => (long)Math.Round(duration / Dt);

    /// <summary>
    /// Flops per RK4 step of the GEMM estimator (an FMA counts 2), n = 1,024, k = 64:
    /// <list type="bullet">
    /// <item>tangent and state GEMM, 4 stages × 2 n² (k + 1) (the state's W tanh x rides as column k + 1): 545.3 M.</item>
    /// <item>stage elementwise, 4 × (stage inputs 2 (nk + n) + d ⊙ V nk + (WU − V)/τ 2nk + d 2n + f 3n) = 4 (5nk + 7n): 1.34 M.</item>
    /// <item>update x + dt Σ b_s k_s: 4 × 2 (nk + n) = 0.53 M.</item>
    /// <item>QR (CGS2: two passes of j dots and j axpys of length n per column, 4 n k², plus 3 nk for the norms and
    /// scaling) once per <see cref="Every"/> steps: 3.38 M per step.</item>
    /// </list>
    /// Total ≈ 550.6 M flops + 4 n = 4,096 tanh per step; the GEMM is 99 % of it.
    /// </summary>
    public static FlopCount PerStep(int n = N, int k = K)
    {
        double gemm = 4 * 2.0 * n * n * (k + 1);
        double elementwise = 4 * (5.0 * n * k + 7.0 * n) + 4 * 2.0 * (n * k + n);
        double qr = (4.0 * n * k * k + 3.0 * n * k) / Every;
        return new FlopCount(gemm + elementwise + qr, 4 * n);
    }

    public static double GemmFlopsPerStep(int n = N, int k = K) => 4 * 2.0 * n * n * (k + 1);
}
